//! The command line: every command, argument and help text, for clap.

use std::ops::RangeInclusive;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use hallyu::model::WorkKind;
use hallyu::query::answer::RankOptions;
use hallyu::query::{AllPathsOptions, Measure, NeighbourhoodOptions};
use hallyu::{Filter, RoleSet};

pub const ABOUT: &str = "Ask a graph of Korean pop culture who appeared with whom.";

pub const AFTER_HELP: &str = "\
Data: without --data, the dataset compiled into the tool. --data takes a RON
file or a directory of them, or a directory holding IMDb's name.basics.tsv,
title.basics.tsv and title.principals.tsv (plain or .gz); the kind is told
from the files' contents. --korean keeps IMDb's Korean titles only, as
title.akas.tsv tells them apart (the import's counts go to stderr).
Wikidata: SPARQL JSON results (.srj, or .json starting with `head`) and the
entity dump (a .json array, .json.gz) are read too, or named by --wikidata.
Several sources (--data A --data B, or --merge to add them to the bundled
data) are merged into one explorer by cross-identifiers: paths name each
hop's source, and `hallyu sources` lists what each brought and every
conflict.

Names: ids, names, aliases and Hangul all work, ignoring case, spaces and
punctuation (\"park seo joon\", \"박서준\", park-seo-joon).

Exit status: 0 an answer (also when stdout is closed early, as by `head`);
1 a data or I/O error; 2 a usage error, or a name that is unknown or
ambiguous (the suggestions are printed).

Colour: only in --help and errors, never in answers; NO_COLOR turns it off.

Examples:
  hallyu path \"Park Seo-joon\" \"Choi Woo-shik\"
  hallyu costars IU --json
  hallyu --data imdb/ stats
  hallyu --merge --data groups.srj --data imdb/ --korean path Seungri \"Kim Woo-bin\"";

/// Ask a graph of Korean pop culture who appeared with whom.
#[derive(Parser)]
#[command(name = "hallyu", version, about = ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

/// The flags every command takes: the data, the output, the filter.
#[derive(Args)]
pub struct Common {
    /// The data to read instead of the bundled dataset: a RON file or
    /// directory of them; an IMDb directory (name.basics, title.basics,
    /// title.principals .tsv[.gz]); a directory of people.csv, works.csv and
    /// credits.csv; a .csv or .tsv edge list; a node-link .json file; a
    /// .graphml/.xml or .gexf file; Wikidata's SPARQL JSON results (.srj, or a .json
    /// object starting with "head") or entity dump (a .json array, or
    /// .json.gz). Repeat it to merge RON, IMDb and Wikidata sources.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Vec<PathBuf>,
    /// A Wikidata file (SPARQL JSON results or the entity dump, told by its
    /// contents) whatever its name; merged with the other sources.
    #[arg(long, global = true, value_name = "FILE")]
    pub wikidata: Vec<PathBuf>,
    /// Merge the --data and --wikidata sources into the bundled dataset
    /// (records matched by cross-identifiers, every conflict reported).
    #[arg(long, global = true)]
    pub merge: bool,
    /// With IMDb data: keep only Korean titles (an original title in Hangul,
    /// or a KR title marked original, in title.akas.tsv[.gz]) and the people
    /// credited on them.
    #[arg(long, global = true, requires = "data")]
    pub korean: bool,
    /// Print the answer as JSON.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Which credits count, for every command.
#[derive(Args)]
#[command(next_help_heading = "Filter (every command)")]
pub struct FilterArgs {
    /// Only works released in these years, e.g. 2008..2016 or 2012.
    #[arg(long, global = true, value_name = "FROM..TO", value_parser = hallyu::Filter::parse_years)]
    pub years: Option<RangeInclusive<i32>>,
    /// Only these kinds of work: mv, drama, film, variety, commercial (comma-separated).
    #[arg(long, global = true, value_name = "KINDS", value_delimiter = ',', value_parser = parse_kind)]
    pub kinds: Vec<WorkKind>,
    /// Which roles count, e.g. lead,cameo, on-screen or any [default: on-screen].
    #[arg(long, global = true, value_name = "ROLES", value_parser = parse_roles)]
    pub roles: Option<RoleSet>,
    /// Count claims marked unverified.
    #[arg(long, global = true)]
    pub unverified: bool,
    /// Do not count a group's credits for its members.
    #[arg(long, global = true)]
    pub no_groups: bool,
    /// The world as it stood at the end of YEAR: only works released by
    /// then (and with a known year), a group's credit for its members of
    /// the work's year, people not yet debuted absent.
    #[arg(
        long,
        global = true,
        value_name = "YEAR",
        allow_negative_numbers = true,
        value_parser = parse_year
    )]
    pub as_of: Option<i32>,
}

pub fn parse_kind(s: &str) -> Result<WorkKind, hallyu::Error> {
    s.parse()
}

/// A year, such as 2012.
pub fn parse_year(s: &str) -> Result<i32, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("\"{s}\" is not a year, such as 2012"))
}

pub fn parse_roles(s: &str) -> Result<RoleSet, hallyu::Error> {
    s.parse()
}

/// A whole number in `lo..=hi`, or a message naming that range.
fn whole(s: &str, lo: usize, hi: usize) -> Result<usize, String> {
    let range = if hi == usize::MAX {
        format!("a whole number of at least {lo}")
    } else {
        format!("a whole number from {lo} to {hi}")
    };
    match s.trim().parse::<usize>() {
        Ok(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(format!("\"{s}\" is not {range}")),
    }
}

/// A count of entries to print: at least 1.
pub fn parse_count(s: &str) -> Result<usize, String> {
    whole(s, 1, usize::MAX)
}

/// A position or a size that may be 0.
pub fn parse_size(s: &str) -> Result<usize, String> {
    whole(s, 0, usize::MAX)
}

/// A number of hops: 0 to [`NeighbourhoodOptions::MAX_HOPS`].
pub fn parse_hops(s: &str) -> Result<usize, String> {
    whole(s, 0, NeighbourhoodOptions::MAX_HOPS)
}

/// A time limit in milliseconds: 1 to one hour.
pub fn parse_millis(s: &str) -> Result<u64, String> {
    whole(s, 1, 3_600_000).map(|n| n as u64)
}

/// A number strictly between 0 and 1 (an error bound, a probability).
pub fn parse_unit(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v < 1.0 => Ok(v),
        _ => Err(format!(
            "\"{s}\" is not a number between 0 and 1 (both excluded)"
        )),
    }
}

pub fn parse_measure(s: &str) -> Result<Measure, hallyu::Error> {
    s.parse()
}

impl FilterArgs {
    pub fn filter(&self) -> Filter {
        let mut f = Filter::new()
            .include_unverified(self.unverified)
            .expand_groups(!self.no_groups);
        if let Some(y) = &self.years {
            f = f.years(y.clone());
        }
        if !self.kinds.is_empty() {
            f = f.kinds(self.kinds.iter().copied());
        }
        if let Some(r) = self.roles {
            f = f.roles(r);
        }
        if let Some(y) = self.as_of {
            f = f.as_of(y);
        }
        f
    }
}

/// How many entries a ranking prints.
#[derive(Args)]
pub struct Top {
    /// Print only the first N (at least 1).
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = parse_count)]
    pub top: usize,
}

/// How `communities` and `draw communities` look for communities.
#[derive(Args)]
pub struct CommunityArgs {
    /// The resolution of the modularity (a positive number).
    #[arg(long, value_name = "R", default_value_t = 1.0)]
    pub resolution: f64,
    /// The seed of the order people are visited in.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
}

impl CommunityArgs {
    /// The library's options.
    pub fn options(&self) -> hallyu::query::CommunityOptions {
        hallyu::query::CommunityOptions::new()
            .resolution(self.resolution)
            .seed(self.seed)
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Everything about one person, group, work or organisation.
    #[command(after_help = "Example:\n  hallyu info Dara")]
    Info {
        /// An id, name, alias or Hangul name.
        name: String,
    },
    /// Find people, groups, works and organisations whose names contain a text.
    #[command(after_help = "Example:\n  hallyu search park --limit 5")]
    Search {
        /// Part of a name, title, alias or Hangul name.
        query: String,
        /// Print at most N matches (at least 1).
        #[arg(long, value_name = "N", default_value_t = 20, value_parser = parse_count)]
        limit: usize,
    },
    /// Everyone who shares a work with a person, strongest first.
    #[command(after_help = "Example:\n  hallyu costars \"Park Seo-joon\" --kinds mv")]
    Costars {
        /// The person.
        name: String,
        #[command(flatten)]
        top: Top,
    },
    /// The works two people share, with both roles.
    #[command(after_help = "Example:\n  hallyu shared \"Kim So-hyun\" \"Han So-hee\"")]
    Shared {
        /// The first person.
        a: String,
        /// The second person.
        b: String,
    },
    /// A person's works in order of release.
    #[command(after_help = "Example:\n  hallyu works V --roles any")]
    Works {
        /// The person.
        name: String,
    },
    /// Everyone credited on a work.
    #[command(after_help = "Example:\n  hallyu cast \"Haru Haru\"")]
    Cast {
        /// The work: an id, title, alternative title or Hangul title.
        title: String,
    },
    /// A shortest chain of shared works between two people.
    #[command(after_help = "Examples:
  hallyu path \"Park Seo-joon\" \"Choi Woo-shik\"
  hallyu path IU \"Choi Woo-shik\" --avoid \"Park Seo-joon\" --avoid-work \"Running Man\" --kinds mv,drama
  hallyu path lee-min-ho \"Choi Woo-shik\" --via IU
  hallyu path IU \"Choi Woo-shik\" --strongest
  hallyu path \"Seo Yea-ji\" G-Dragon --as-of 2014
  hallyu path \"Seo Yea-ji\" \"Park Min-young\" --in-order")]
    Path {
        /// Where the path starts.
        a: String,
        /// Where the path ends.
        b: String,
        #[command(flatten)]
        route: RouteArgs,
        /// Pass through this person: a shortest path to them, then one on.
        #[arg(long, value_name = "NAME", conflicts_with = "strongest")]
        via: Option<String>,
        /// The path of the strongest links instead of the shortest: each
        /// link between two people weighs 1 / the works they share.
        #[arg(long, conflicts_with_all = ["avoid", "avoid_work"])]
        strongest: bool,
        /// A time-respecting chain: each hop's work released in the year of
        /// the previous hop's or later (works with no year are left out).
        #[arg(long, conflicts_with_all = ["via", "strongest"])]
        in_order: bool,
    },
    /// Every shortest chain between two people (capped), with the count of
    /// all; or, with --k, the k shortest loopless chains of any length.
    #[command(after_help = "Examples:
  hallyu paths \"Song Joong-ki\" \"Seo Yea-ji\" --limit 3
  hallyu paths \"Park Seo-joon\" IU --k 5
  hallyu paths \"Park Seo-joon\" IU --k 5 --avoid \"Choi Woo-shik\"
  hallyu paths \"Park Seo-joon\" IU --k 3 --as-of 2016
  hallyu paths \"Park Seo-joon\" IU --max-hops 2 --limit 5")]
    Paths {
        /// Where the paths start.
        a: String,
        /// Where the paths end.
        b: String,
        /// Print at most N paths, at least 1 (the count is of all of them).
        #[arg(long, value_name = "N", default_value_t = AllPathsOptions::DEFAULT_LIMIT, value_parser = parse_count)]
        limit: usize,
        /// The K shortest loopless paths, shortest first (1 to 100), instead
        /// of every shortest one.
        #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..=100))]
        k: Option<u32>,
        /// Every simple path of at most N hops (1 to 6), counted (up to a
        /// million), the first --limit shown.
        #[arg(long, value_name = "N", conflicts_with = "k",
              value_parser = clap::value_parser!(u32).range(1..=6))]
        max_hops: Option<u32>,
        #[command(flatten)]
        route: RouteArgs,
    },
    /// Distances from a person: the Bacon-number histogram, mean, farthest, unreachable.
    #[command(after_help = "Example:\n  hallyu bacon \"Park Seo-joon\" --years 2008..2016")]
    Bacon {
        /// The person at distance 0.
        name: String,
    },
    /// The centre of the universe: the people of the main component by mean distance, exactly.
    #[command(after_help = "Examples:
  hallyu centre --top 5
  hallyu --data imdb/ centre --all --out centre.csv
  hallyu --data imdb/ centre --all --out centre.csv --start 262144

--top searches from the likeliest people first and stops each other search
once a bound proves it cannot make the top: exact, without a search from
everyone. When N is more than the main component holds, the other
components follow, by size (one search per person).

--all prints every person of the main component (position, id, name, mean
distance, eccentricity, distance histogram): CSV, or JSON lines with --json,
each row as soon as its pass of searches ends, with progress on a terminal.
Ctrl-C stops at the end of the passes under way, keeps every row written and
says where to resume (status 130).")]
    Centre {
        #[command(flatten)]
        top: Top,
        /// Every person of the main component, one row each, as they come.
        #[arg(long, conflicts_with = "top")]
        all: bool,
        /// With --all: resume at this position (appends to --out).
        #[arg(long, value_name = "N", default_value_t = 0, requires = "all", value_parser = parse_size)]
        start: usize,
        /// With --all: write the rows to this file, not to stdout.
        #[arg(long, value_name = "FILE", requires = "all")]
        out: Option<PathBuf>,
    },
    /// People ranked by a centrality of the co-appearance graph.
    #[command(after_help = "Example:\n  hallyu rank --by betweenness --top 10

Only the measure asked for is computed. Degree and shared works: people are
counted in order of a bound on their co-stars until the top is certain.
Closeness: exact, by multi-source searches that stop once a proven bound rules
a person out of the top (a progress bar on a terminal). Betweenness: exact
(Brandes, one search per person) up to --exact-up-to people, sampled above it:
every score within the stated error bound (about --epsilon) with probability
at least 1 - --delta. The answer says which method it used.")]
    Rank {
        /// degree, shared-works, closeness or betweenness.
        #[arg(long, value_name = "MEASURE", value_parser = parse_measure, default_value = "degree")]
        by: Measure,
        #[command(flatten)]
        top: Top,
        /// Exact betweenness up to N people, sampled above.
        #[arg(long, value_name = "N", default_value_t = RankOptions::DEFAULT_EXACT_UP_TO, value_parser = parse_size)]
        exact_up_to: usize,
        /// Sampled betweenness: the error bound, in (0, 1).
        #[arg(long, value_name = "E", default_value_t = 0.01, value_parser = parse_unit)]
        epsilon: f64,
        /// Sampled betweenness: the probability of missing the bound, in (0, 1).
        #[arg(long, value_name = "P", default_value_t = 0.1, value_parser = parse_unit)]
        delta: f64,
    },
    /// The connected components, largest first.
    #[command(after_help = "Example:\n  hallyu components --kinds mv")]
    Components {
        #[command(flatten)]
        top: Top,
    },
    /// Communities of people who work together, each explained.
    #[command(after_help = "Example:\n  hallyu communities --resolution 1.5 --seed 7

Louvain on the co-appearance graph weighted by shared works, each level's
communities split into connected pieces: every community is connected. The
same seed gives the same answer; a higher resolution, smaller communities.
Each community is named from the work and the group most of its members
share.")]
    Communities {
        #[command(flatten)]
        options: CommunityArgs,
        #[command(flatten)]
        top: Top,
    },
    /// The k-cores: the innermost core and how many people are in each.
    #[command(after_help = "Example:\n  hallyu cores --top 10

A person's core number is the largest k such that they stay when everyone
with fewer than k co-stars is removed, again and again.")]
    Cores {
        #[command(flatten)]
        top: Top,
    },
    /// What changed between two versions of the data, by key.
    #[command(after_help = "Examples:
  hallyu diff data-2025/ data/
  hallyu diff imdb-2025-01/ imdb-2025-06/ --from nm0000020 --top 5 --json
  hallyu diff data-2025/ data/ --centre 10

OLD and NEW are two sources of any kind --data reads (a RON file or
directory, an IMDb directory, CSV tables, a CSV or TSV edge list, node-link
JSON, GraphML); --data itself is not taken. Records are matched by key within
their kind: people, groups, works and organisations added, removed and
changed (each changed field, old → new). Credits are matched by the keys of
their two ends and their role's word; a new billing, character or year is a
change. Then, under the filter: co-star pairs new and lost, the people whose
distance from --from changed most, the components merged or split
(matched by their people's keys), and with --centre N who entered, left or
moved in the top N of the centre ranking (the exact top N: the ranking of
everyone would cost a search from every person). Lists are in key order and
cut at --top; their totals are counted in full. NEW is read first and
summarised, then OLD, then NEW again, so that one version is held at a
time.")]
    Diff {
        /// The old version: a path as --data takes.
        old: PathBuf,
        /// The new version.
        new: PathBuf,
        /// Compare everyone's distance from this person (a key or a name).
        #[arg(long, value_name = "NAME")]
        from: Option<String>,
        /// Compare the top N of the centre ranking.
        #[arg(long, value_name = "N", default_value_t = 0)]
        centre: usize,
        #[command(flatten)]
        top: Top,
    },
    /// The people and works within k hops of a person.
    #[command(after_help = "Example:\n  hallyu neighbours IU -k 2")]
    Neighbours {
        /// The person at the centre.
        name: String,
        /// The number of hops (0 to 6).
        #[arg(short = 'k', long = "hops", value_name = "K", default_value_t = NeighbourhoodOptions::DEFAULT_HOPS, value_parser = parse_hops)]
        hops: usize,
    },
    /// Who could introduce A to B: people who co-appeared with both.
    #[command(after_help = "Example:\n  hallyu introduce \"Song Joong-ki\" \"Park Seo-joon\"")]
    Introduce {
        /// The person to introduce.
        a: String,
        /// The person to meet.
        b: String,
    },
    /// People a person has not worked with, reached through their co-stars.
    #[command(after_help = "Example:\n  hallyu recommend IU --top 5")]
    Recommend {
        /// The person.
        name: String,
        #[command(flatten)]
        top: Top,
    },
    /// The person co-appearance graph: one line per pair (keys and the works, tab-separated).
    #[command(after_help = "Example:\n  hallyu projection --kinds drama --json")]
    Projection,
    /// List the people, works, groups or organisations.
    #[command(after_help = "Example:\n  hallyu list works --kinds drama")]
    List {
        /// What to list.
        what: ListWhat,
    },
    /// Draw a view of the graph as DOT, SVG or PNG.
    #[command(
        after_help = "Examples:\n  hallyu draw path \"Park Seo-joon\" \"Choi Woo-shik\" --out path.svg\n  \
                            hallyu draw person IU -k 2 --format dot | dot -Tpng > iu.png"
    )]
    Draw {
        #[command(subcommand)]
        view: ViewCmd,
        #[command(flatten)]
        picture: PictureArgs,
    },
    /// Export the whole graph (under the filter) in a data format.
    #[command(
        after_help = "The format is told by the extension of --out when --format is not given: \
                      .graphml, .gexf, .json, .csv, .cypher, .ron, .dot, .svg, .png (a directory \
                      for neo4j). Files are written whole or not at all (a temporary file beside \
                      the target, renamed over it).\n\n\
                      Examples:\n  hallyu export --out hallyu.graphml\n  hallyu export --format json --projection > people.json\n  hallyu export --format neo4j --out neo4j-import/"
    )]
    Export {
        /// The format to write (default: told by the extension of --out,
        /// else DOT).
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// The person projection (people joined by shared works, with the
        /// works and Newman's weight) instead of the whole graph; with
        /// --format csv, the person view's edge list (person, work, role).
        #[arg(long)]
        projection: bool,
        /// JSON only: the `links` key of d3 and NetworkX before 3.6, not `edges`.
        #[arg(long)]
        links: bool,
        /// CSV only: write fields that begin with = + - @ as they are. By
        /// default such a field gets a leading ' so that spreadsheets do
        /// not run it as a formula (hallyu's CSV reader removes it).
        #[arg(long)]
        csv_formulas: bool,
        /// Write to this file (a directory for `neo4j`) instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write one self-contained HTML page to explore the graph offline.
    ///
    /// The page holds the whole graph when it has at most --max-records
    /// people and works; beyond, the view and what lies nearest to it, and it
    /// says what it left out (`hallyu serve` explores everything).
    #[command(
        after_help = "Examples:\n  hallyu html --out k-universe.html\n  hallyu html person IU -k 2 --out iu.html\n  hallyu --data imdb/ html person nm0000020 --max-records 3000 --out around.html"
    )]
    Html {
        /// What the page opens on (default: the person with the most
        /// appearances and their works).
        #[command(subcommand)]
        view: Option<ViewCmd>,
        /// The most people and works the page holds (1 to 100000).
        #[arg(long, global = true, default_value_t = 1000, value_name = "N",
              value_parser = clap::value_parser!(u32).range(1..=100_000))]
        max_records: u32,
        /// Leave out each person's community (the page's "colour by
        /// community"). They are found only for a page that holds the
        /// whole graph (see --max-records) or a communities view: finding
        /// them is a whole-graph measure, tens of seconds on an IMDb-sized
        /// import.
        #[arg(long, global = true)]
        no_communities: bool,
        /// Write to this file instead of stdout.
        #[arg(long, short, global = true, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Serve the page and a JSON API on the loopback interface, until Ctrl-C.
    #[command(after_help = "Example:\n  hallyu --data imdb/ serve --port 8080")]
    Serve {
        /// The port on 127.0.0.1 (0: any free port).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// The time a request may take, in milliseconds; slower answers are
        /// a 503 error.
        #[arg(long, default_value_t = 2000, value_name = "MS", value_parser = parse_millis)]
        time_limit: u64,
    },
    /// Counts: people, works by kind, credits, and for IMDb data the import report.
    #[command(after_help = "Example:\n  hallyu --data imdb/ stats --json")]
    Stats,
    /// Merged sources: what each read and brought, the credits each states,
    /// and every conflict between them (the first source's value kept).
    #[command(
        after_help = "Example:\n  hallyu --merge --data groups.srj --data imdb/ --korean sources --json"
    )]
    Sources,
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  hallyu completions bash > ~/.local/share/bash-completion/completions/hallyu"
    )]
    Completions {
        /// The shell.
        shell: Shell,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ListWhat {
    People,
    Works,
    Groups,
    Organisations,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT.
    Dot,
    /// GraphML, for NetworkX, Gephi and yEd.
    Graphml,
    /// GEXF 1.3, for Gephi (with years for its timeline).
    Gexf,
    /// Node-link JSON, as NetworkX writes it.
    Json,
    /// One CSV table: a row per record and per credit.
    Csv,
    /// The CSV files of `neo4j-admin database import` (a directory).
    Neo4j,
    /// A Cypher script of batched MERGE statements.
    Cypher,
    /// The RON catalog (what `--data` reads, and the bundled data's format).
    Ron,
    /// A picture of the whole graph, in SVG.
    Svg,
    /// A picture of the whole graph, in PNG.
    Png,
}

impl ExportFormat {
    /// The extensions that tell a format, for `--out` without `--format`.
    pub const EXTENSIONS: [(&'static str, ExportFormat); 10] = [
        ("graphml", ExportFormat::Graphml),
        ("gexf", ExportFormat::Gexf),
        ("json", ExportFormat::Json),
        ("csv", ExportFormat::Csv),
        ("cypher", ExportFormat::Cypher),
        ("ron", ExportFormat::Ron),
        ("dot", ExportFormat::Dot),
        ("gv", ExportFormat::Dot),
        ("svg", ExportFormat::Svg),
        ("png", ExportFormat::Png),
    ];
}

/// What `draw` draws.
#[derive(Subcommand)]
pub enum ViewCmd {
    /// Everything (under the filter).
    #[command(after_help = "Example:\n  hallyu draw catalog --kinds drama --out dramas.svg")]
    Catalog,
    /// The twelve music videos of the article and everyone credited on them.
    #[command(after_help = "Example:\n  hallyu draw article --out article.svg")]
    Article,
    /// A person's neighbourhood.
    #[command(after_help = "Example:\n  hallyu draw person IU -k 2 --out iu.svg")]
    Person {
        /// The person at the centre.
        name: String,
        /// The number of hops (0 to 6).
        #[arg(short = 'k', long = "hops", value_name = "K", default_value_t = 1, value_parser = parse_hops)]
        hops: usize,
    },
    /// A shortest path between two people.
    #[command(
        after_help = "Example:\n  hallyu draw path \"Park Seo-joon\" \"Choi Woo-shik\" --context 1 --out path.svg"
    )]
    Path {
        /// Where the path starts.
        a: String,
        /// Where the path ends.
        b: String,
        /// Also draw, faded, what lies within N hops of the path (0 to 6).
        #[arg(long, value_name = "N", default_value_t = 0, value_parser = parse_hops)]
        context: usize,
    },
    /// Two people side by side with the works they share.
    #[command(
        after_help = "Example:\n  hallyu draw pair \"Kim So-hyun\" \"Han So-hee\" --out pair.svg"
    )]
    Pair {
        /// The first person.
        a: String,
        /// The second person.
        b: String,
    },
    /// A work and everyone credited on it.
    #[command(after_help = "Example:\n  hallyu draw work \"Haru Haru\" --out haru.png")]
    Work {
        /// The work.
        title: String,
    },
    /// The communities of `hallyu communities`, one colour each, with the works that link their members.
    #[command(
        after_help = "Examples:\n  hallyu draw communities --out communities.svg\n  \
                            hallyu draw communities --resolution 1.5 --seed 7 --top 5 --kinds drama --out dramas.png

The largest communities (--top, at most 11: one colour each) and at most
--max-people of their members (each community its share: a connected group
around its most tied member); what is left out is said on stderr and in the
picture's title. The legend names each community as `hallyu communities`
does."
    )]
    Communities {
        #[command(flatten)]
        options: CommunityArgs,
        /// How many communities, the largest first (1 to 11).
        #[arg(long, value_name = "N", default_value_t = 11,
              value_parser = clap::value_parser!(u32).range(1..=11))]
        top: u32,
        /// The most people drawn (1 to 1000).
        #[arg(long, value_name = "N", default_value_t = 150,
              value_parser = clap::value_parser!(u32).range(1..=1000))]
        max_people: u32,
    },
}

/// How `draw` writes its picture.
#[derive(Args)]
pub struct PictureArgs {
    /// Write to this file instead of stdout; its extension (.dot, .svg, .png) sets the format.
    #[arg(long, short, global = true, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The format [default: from --out, else svg].
    #[arg(long, global = true, value_enum)]
    pub format: Option<PictureFormat>,
    /// Which renderer draws SVG and PNG: Graphviz when installed, else the built-in one.
    #[arg(long, global = true, value_enum, default_value_t = EngineArg::Auto)]
    pub engine: EngineArg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PictureFormat {
    /// Graphviz DOT text.
    Dot,
    /// SVG.
    Svg,
    /// PNG (Graphviz, or the built-in renderer when this build has PNG support).
    Png,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum EngineArg {
    /// Graphviz when `dot` is found, else the built-in renderer.
    Auto,
    /// Graphviz's `dot` (an error when it is missing).
    Graphviz,
    /// The built-in pure-Rust renderer.
    Builtin,
}

/// What a path must not pass through.
#[derive(clap::Args, Debug, Default)]
pub struct RouteArgs {
    /// Do not pass through this person (repeat for more).
    #[arg(long, value_name = "NAME")]
    pub avoid: Vec<String>,
    /// Do not pass through this work (repeat for more).
    #[arg(long = "avoid-work", value_name = "TITLE")]
    pub avoid_work: Vec<String>,
}
