//! The command-line explorer: ask the graph who appeared with whom.
//!
//! ```text
//! cargo run --example explore -- path "Park Seo-joon" "Choi Woo-shik"
//! cargo run --example explore -- costars "Park Seo-joon" --json
//! cargo run --example explore -- list works --kind drama
//! cargo run --example explore -- --data my-data/ info "Someone"
//! cargo run --example explore -- paths "Song Joong-ki" "Seo Yea-ji" --limit 3
//! cargo run --example explore -- bacon "Park Seo-joon" --years 2008..2016 --kinds mv,drama
//! cargo run --example explore -- centre --top 5
//! cargo run --example explore -- rank --by betweenness --json
//! cargo run --example explore -- introduce lee-min-ho "Park Seo-joon"
//! cargo run --example explore -- recommend "Park Seo-joon"
//! cargo run --example explore -- neighbours "Park Seo-joon" -k 1
//! cargo run --example explore -- components
//! cargo run --example explore -- projection --json   # the co-appearance graph
//! ```
//!
//! An unknown or ambiguous name prints the suggestions and exits with
//! status 2; a data file with errors prints them (file:line:column) and
//! exits with status 1.

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use hallyu::model::{Role, WorkKind};
use hallyu::{
    AllPathsOptions, Entity, Explorer, Filter, Measure, NeighbourhoodOptions, Path, PersonId,
    RoleSet, SharedWork, WorkId,
};
use serde_json::{Value, json};

/// Explore the hallyu graph of Korean pop culture.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// A RON file or a directory of them to explore instead of the bundled dataset.
    #[arg(long, global = true, value_name = "PATH")]
    data: Option<std::path::PathBuf>,
    /// Print machine-readable JSON.
    #[arg(long, global = true)]
    json: bool,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(subcommand)]
    command: Command,
}

/// Which credits count (every query).
#[derive(clap::Args)]
struct FilterArgs {
    /// Only works released in these years, e.g. 2008..2016.
    #[arg(long, global = true, value_parser = hallyu::parse_years)]
    years: Option<std::ops::RangeInclusive<i32>>,
    /// Only these kinds of work, e.g. mv,drama.
    #[arg(long, global = true, value_delimiter = ',', value_parser = parse_kind)]
    kinds: Vec<WorkKind>,
    /// Which roles count, e.g. lead,cameo or on-screen or any (default: on-screen).
    #[arg(long, global = true, value_parser = parse_roles)]
    roles: Option<RoleSet>,
    /// Count claims marked unverified.
    #[arg(long, global = true)]
    unverified: bool,
    /// Do not count a group's credits for its members.
    #[arg(long, global = true)]
    no_groups: bool,
}

fn parse_kind(s: &str) -> Result<WorkKind, hallyu::Error> {
    s.parse()
}

fn parse_measure(s: &str) -> Result<Measure, hallyu::Error> {
    s.parse()
}

fn parse_roles(s: &str) -> Result<RoleSet, hallyu::Error> {
    s.parse()
}

impl FilterArgs {
    fn filter(&self) -> Filter {
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
        f
    }
}

#[derive(Subcommand)]
enum Command {
    /// Everything about one person, group, work or organisation.
    Info { name: String },
    /// Everyone who shares a work with a person, strongest first.
    Costars { name: String },
    /// The works two people share.
    Shared { a: String, b: String },
    /// A shortest chain of shared works between two people.
    Path { a: String, b: String },
    /// A person's works in order of release.
    Works { name: String },
    /// Everyone credited on a work.
    Cast { title: String },
    /// Every shortest chain of shared works between two people (capped), with the count of all.
    Paths {
        a: String,
        b: String,
        /// Print at most this many paths.
        #[arg(long, default_value_t = AllPathsOptions::DEFAULT_LIMIT)]
        limit: usize,
    },
    /// Distances from a person: the Bacon-number histogram, mean, farthest, unreachable.
    Bacon { name: String },
    /// The centre of the universe: people by component size, then mean distance.
    Centre {
        /// Print only the first N.
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
    /// Rank people by a centrality measure of the co-appearance graph.
    Rank {
        /// degree, shared-works, closeness or betweenness.
        #[arg(long, value_parser = parse_measure)]
        by: Measure,
        /// Print only the first N.
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
    /// Who could introduce A to B: people who co-appeared with both.
    Introduce { a: String, b: String },
    /// People a person has not worked with, through their co-stars.
    Recommend {
        name: String,
        /// Print only the first N.
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
    /// The people and works within k hops of a person.
    Neighbours {
        name: String,
        /// The number of hops (at most 6).
        #[arg(short = 'k', long = "hops", default_value_t = NeighbourhoodOptions::DEFAULT_HOPS)]
        hops: usize,
    },
    /// The connected components, largest first.
    Components,
    /// The person co-appearance graph: one line per pair (tab-separated keys and works).
    Projection,
    /// List the people, works, groups or organisations.
    List {
        what: ListWhat,
        /// Only works of this kind (mv, drama, film, variety, commercial).
        #[arg(long, value_parser = parse_kind)]
        kind: Option<WorkKind>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ListWhat {
    People,
    Works,
    Groups,
    Organisations,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let explorer = match &cli.data {
        Some(path) => match Explorer::from_path(path) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        },
        None => Explorer::bundled(),
    };
    match run(&cli, &explorer) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(if e.is_not_found() || e.is_ambiguous() {
                2
            } else {
                1
            })
        }
    }
}

fn run(cli: &Cli, ex: &Explorer) -> hallyu::Result<()> {
    let filter = cli.filter.filter();
    let out = Output { json: cli.json };
    match &cli.command {
        Command::Info { name } => {
            let entity = ex.lookup(name)?;
            out.print(info_json(ex, entity), || info_text(ex, entity));
        }
        Command::Costars { name } => {
            let me = ex.person(name)?;
            let costars = ex.co_appearances(me, &filter);
            let list: Vec<Value> = costars
                .iter()
                .map(|c| {
                    json!({
                        "person": person_json(ex, c.person),
                        "count": c.works.len(),
                        "works": c.works.iter().map(|s| shared_json(ex, s)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            out.print(
                json!({ "person": person_json(ex, me), "costars": list }),
                || {
                    if costars.is_empty() {
                        format!(
                            "{} shares no work with anyone under this filter.\n",
                            ex.display_name(me.into())
                        )
                    } else {
                        format!("Co-stars of {}:\n{costars}", ex.label(me.into()))
                    }
                },
            );
        }
        Command::Shared { a, b } => {
            let (pa, pb) = (ex.person(a)?, ex.person(b)?);
            let shared = ex.shared_works(pa, pb, &filter);
            let path = ex.shortest_path(pa, pb, &filter);
            let list: Vec<Value> = shared.iter().map(|s| shared_json(ex, s)).collect();
            out.print(
                json!({ "a": person_json(ex, pa), "b": person_json(ex, pb), "works": list,
                        "distance": path.as_ref().map(|p| p.len()) }),
                || {
                    let mut s = String::new();
                    if shared.is_empty() {
                        s.push_str(&format!(
                            "{} and {} share no work",
                            ex.display_name(pa.into()),
                            ex.display_name(pb.into())
                        ));
                        match &path {
                            Some(p) => s.push_str(&format!(
                                "; they are connected in {} hops:\n{p}",
                                p.len()
                            )),
                            None => s.push_str(", and no chain of works connects them.\n"),
                        }
                    } else {
                        for w in &shared {
                            s.push_str(&shared_line(ex, w));
                        }
                    }
                    s
                },
            );
        }
        Command::Path { a, b } => {
            let (pa, pb) = (ex.person(a)?, ex.person(b)?);
            let path = ex.shortest_path(pa, pb, &filter);
            let value = match &path {
                Some(p) => json!({
                    "from": person_json(ex, pa), "to": person_json(ex, pb), "length": p.len(),
                    "steps": p.steps().iter().map(|s| json!({
                        "from": person_json(ex, s.from),
                        "from_role": s.from_credit.describe(ex),
                        "work": work_json(ex, s.work),
                        "to_role": s.to_credit.describe(ex),
                        "to": person_json(ex, s.to),
                    })).collect::<Vec<_>>(),
                }),
                None => {
                    json!({ "from": person_json(ex, pa), "to": person_json(ex, pb), "length": null })
                }
            };
            out.print(value, || match &path {
                Some(p) => format!(
                    "{} to {}: {} hop{}\n{p}",
                    ex.display_name(pa.into()),
                    ex.display_name(pb.into()),
                    p.len(),
                    plural(p.len())
                ),
                None => format!(
                    "No path: no chain of shared works connects {} and {} under this filter.\n",
                    ex.display_name(pa.into()),
                    ex.display_name(pb.into())
                ),
            });
        }
        Command::Works { name } => {
            let me = ex.person(name)?;
            let works = ex.works_of(me, &filter);
            out.print(
                json!({ "person": person_json(ex, me), "works": works.iter().map(|(w, c)| {
                    let mut v = work_json(ex, *w);
                    v["role"] = json!(c.describe(ex));
                    v
                }).collect::<Vec<_>>() }),
                || {
                    works
                        .iter()
                        .map(|(w, c)| {
                            format!(
                                "{} [{}] — {}\n",
                                ex.label((*w).into()),
                                ex.get(*w).kind().label(),
                                c.describe(ex)
                            )
                        })
                        .collect()
                },
            );
        }
        Command::Cast { title } => {
            let work = ex.work(title)?;
            let credits = ex.credits_on(work);
            let list: Vec<Value> = credits
                .iter()
                .map(|&c| {
                    let (from, to) = ex.ends(c);
                    let other = if to == Entity::Work(work) { from } else { to };
                    json!({ "id": ex.key(other), "name": ex.name(other), "role": role_text(&ex.get(c).role()),
                            "confidence": format!("{:?}", ex.get(c).record().map(|r| r.confidence).unwrap_or_default()) })
                })
                .collect();
            out.print(
                json!({ "work": work_json(ex, work), "credits": list }),
                || {
                    let mut s = format!(
                        "{} [{}]\n",
                        ex.label(work.into()),
                        ex.get(work).kind().label()
                    );
                    for &c in &credits {
                        let (from, to) = ex.ends(c);
                        let other = if to == Entity::Work(work) { from } else { to };
                        let mark = if ex.get(c).is_unverified() {
                            " (unverified)"
                        } else {
                            ""
                        };
                        s.push_str(&format!(
                            "  {:<30} {}{mark}\n",
                            ex.label(other),
                            role_text(&ex.get(c).role())
                        ));
                    }
                    s
                },
            );
        }
        Command::Paths { a, b, limit } => {
            let (pa, pb) = (ex.person(a)?, ex.person(b)?);
            let all = ex.all_shortest_paths(pa, pb, &AllPathsOptions::new().limit(*limit), &filter);
            out.print(
                json!({ "from": person_json(ex, pa), "to": person_json(ex, pb), "length": all.distance(),
                        "count": all.count(), "truncated": all.is_truncated(),
                        "paths": all.iter().map(|p| path_json(ex, p)).collect::<Vec<_>>() }),
                || all.to_string(),
            );
        }
        Command::Bacon { name } => {
            let me = ex.person(name)?;
            let d = ex.distances(me, &filter);
            let people =
                |list: &[PersonId]| list.iter().map(|&p| person_json(ex, p)).collect::<Vec<_>>();
            out.print(
                json!({ "person": person_json(ex, me), "histogram": d.histogram(), "reachable": d.reachable(),
                        "mean": d.mean(), "eccentricity": d.eccentricity(), "farthest": people(d.farthest()),
                        "unreachable_count": d.unreachable().len(), "unreachable": people(d.unreachable()) }),
                || {
                    let mut s = d.to_string();
                    if !d.unreachable().is_empty() {
                        let names: Vec<_> = d.unreachable().iter().map(|&p| ex.display_name(p.into())).collect();
                        s.push_str(&format!("  {}\n", names.join(", ")));
                    }
                    s
                },
            );
        }
        Command::Centre { top } => {
            let ranking = ex.centre_ranking(&filter);
            let list: Vec<Value> = ranking
                .iter()
                .take(*top)
                .map(|c| {
                    json!({ "person": person_json(ex, c.person), "component_size": c.component_size,
                            "mean_distance": c.mean_distance, "eccentricity": c.eccentricity })
                })
                .collect();
            out.print(json!(list), || {
                let mut s = String::new();
                for (i, c) in ranking.iter().take(*top).enumerate() {
                    let mean = c
                        .mean_distance
                        .map_or("-".to_string(), |m| format!("{m:.3}"));
                    s.push_str(&format!(
                        "{:>3}. {:<28} mean {mean:>6}  eccentricity {}  component {}\n",
                        i + 1,
                        ex.display_name(c.person.into()),
                        c.eccentricity,
                        c.component_size
                    ));
                }
                s
            });
        }
        Command::Rank { by, top } => {
            let c = ex.centrality(&filter);
            let ranked = c.ranked(*by);
            let list: Vec<Value> = ranked
                .iter()
                .take(*top)
                .map(|s| {
                    json!({ "person": person_json(ex, s.person), "degree": s.degree, "shared_works": s.shared_works,
                            "closeness": s.closeness, "betweenness": s.betweenness })
                })
                .collect();
            out.print(json!({ "by": by.name(), "ranking": list }), || {
                let mut s = format!(
                    "{:>3}  {:<28} {:>6} {:>6} {:>9} {:>11}\n",
                    "", "person", "degree", "works", "closeness", "betweenness"
                );
                for (i, p) in ranked.iter().take(*top).enumerate() {
                    s.push_str(&format!(
                        "{:>3}. {:<28} {:>6} {:>6} {:>9.4} {:>11.4}\n",
                        i + 1,
                        ex.display_name(p.person.into()),
                        p.degree,
                        p.shared_works,
                        p.closeness,
                        p.betweenness
                    ));
                }
                s
            });
        }
        Command::Introduce { a, b } => {
            let (pa, pb) = (ex.person(a)?, ex.person(b)?);
            let intros = ex.introductions(pa, pb, &filter);
            let works = |ws: &[WorkId]| ws.iter().map(|&w| work_json(ex, w)).collect::<Vec<_>>();
            let list: Vec<Value> = intros
                .iter()
                .map(|i| {
                    json!({ "person": person_json(ex, i.person), "strength": i.strength(),
                            "with_a": works(&i.with_a), "with_b": works(&i.with_b) })
                })
                .collect();
            out.print(json!({ "a": person_json(ex, pa), "b": person_json(ex, pb), "introductions": list }), || {
                if intros.is_empty() {
                    return format!("Nobody co-appeared with both {} and {}.\n", ex.display_name(pa.into()), ex.display_name(pb.into()));
                }
                let titles = |ws: &[WorkId]| ws.iter().map(|&w| ex.label(w.into())).collect::<Vec<_>>().join(", ");
                intros
                    .iter()
                    .map(|i| {
                        format!(
                            "{}: with {} in {}; with {} in {}\n",
                            ex.display_name(i.person.into()),
                            ex.display_name(pa.into()),
                            titles(&i.with_a),
                            ex.display_name(pb.into()),
                            titles(&i.with_b)
                        )
                    })
                    .collect()
            });
        }
        Command::Recommend { name, top } => {
            let me = ex.person(name)?;
            let recs = ex.recommendations(me, &filter);
            let list: Vec<Value> = recs
                .iter()
                .take(*top)
                .map(|r| {
                    json!({ "person": person_json(ex, r.person), "strength": r.strength(),
                            "through": r.through.iter().map(|&p| person_json(ex, p)).collect::<Vec<_>>() })
                })
                .collect();
            out.print(
                json!({ "person": person_json(ex, me), "recommendations": list }),
                || {
                    recs.iter()
                        .take(*top)
                        .map(|r| {
                            let names: Vec<_> = r
                                .through
                                .iter()
                                .map(|&p| ex.display_name(p.into()))
                                .collect();
                            format!(
                                "{} ({}): through {}\n",
                                ex.display_name(r.person.into()),
                                r.strength(),
                                names.join(", ")
                            )
                        })
                        .collect()
                },
            );
        }
        Command::Neighbours { name, hops } => {
            let me = ex.person(name)?;
            let options = NeighbourhoodOptions::new().hops(*hops);
            let near = ex.neighbourhood(me, &options, &filter);
            let centre = near.by_key(&ex.get(me).key()).and_then(|e| match e {
                Entity::Person(p) => Some(p),
                _ => None,
            });
            let distances = centre.map(|p| near.distances(p, &filter));
            let people: Vec<PersonId> = near.people().collect();
            let dist = |p: PersonId| distances.as_ref().and_then(|d| d.distance(p));
            out.print(
                json!({ "person": person_json(ex, me), "hops": options.get_hops(),
                        "people": people.iter().map(|&p| { let mut v = person_json(&near, p); v["distance"] = json!(dist(p)); v }).collect::<Vec<_>>(),
                        "works": near.works().map(|w| work_json(&near, w)).collect::<Vec<_>>() }),
                || {
                    let mut s = format!(
                        "Within {} hop{} of {}: {} people, {} works\n",
                        options.get_hops(),
                        plural(options.get_hops()),
                        ex.display_name(me.into()),
                        people.len(),
                        near.works().len()
                    );
                    let mut sorted = people.clone();
                    sorted.sort_by(|&x, &y| (dist(x), near.get(x).name()).cmp(&(dist(y), near.get(y).name())));
                    for p in sorted {
                        s.push_str(&format!("  {} {}\n", dist(p).map_or("-".into(), |d| d.to_string()), near.label(p.into())));
                    }
                    for w in near.works() {
                        s.push_str(&format!("  work: {} [{}]\n", near.label(w.into()), near.get(w).kind().label()));
                    }
                    s
                },
            );
        }
        Command::Components => {
            let components = ex.components(&filter);
            let list: Vec<Value> = components
                .iter()
                .map(|c| {
                    json!({ "people": c.people.iter().map(|&p| person_json(ex, p)).collect::<Vec<_>>(),
                            "works": c.works.iter().map(|&w| ex.get(w).key().into_owned()).collect::<Vec<_>>() })
                })
                .collect();
            out.print(json!(list), || components.to_string());
        }
        Command::Projection => {
            let projection = ex.projection(&filter);
            let keys = |ws: &[WorkId]| {
                ws.iter()
                    .map(|&w| ex.get(w).key().into_owned())
                    .collect::<Vec<_>>()
            };
            out.print(
                json!({ "nodes": projection.graph().node_weights().map(|&p| ex.get(p).key().into_owned()).collect::<Vec<_>>(),
                        "edges": projection.edges().map(|(a, b, ws)| json!([ex.get(a).key(), ex.get(b).key(), keys(ws)])).collect::<Vec<_>>() }),
                || {
                    projection
                        .edges()
                        .map(|(a, b, ws)| format!("{}\t{}\t{}\n", ex.get(a).key(), ex.get(b).key(), keys(ws).join(",")))
                        .collect()
                },
            );
        }
        Command::List { what, kind } => {
            let items: Vec<Entity> = match what {
                ListWhat::People => ex.people().map(Entity::Person).collect(),
                ListWhat::Groups => ex.groups().map(Entity::Group).collect(),
                ListWhat::Organisations => ex.organisations().map(Entity::Organisation).collect(),
                ListWhat::Works => {
                    let mut works: Vec<WorkId> = ex
                        .works()
                        .filter(|w| kind.is_none_or(|k| ex.get(*w).kind() == k))
                        .collect();
                    works.sort_by_key(|w| (ex.get(*w).kind(), ex.get(*w).released()));
                    works.into_iter().map(Entity::Work).collect()
                }
            };
            out.print(
                json!(items.iter().map(|e| json!({ "id": ex.key(*e), "name": ex.name(*e), "label": ex.label(*e) })).collect::<Vec<_>>()),
                || {
                    items
                        .iter()
                        .map(|e| match e {
                            Entity::Work(w) => format!("{:<34} {:<11} {}\n", ex.key(*e), ex.get(*w).kind().label(), ex.label(*e)),
                            _ => format!("{:<24} {}\n", ex.key(*e), ex.label(*e)),
                        })
                        .collect()
                },
            );
        }
    }
    Ok(())
}

struct Output {
    json: bool,
}

impl Output {
    fn print(&self, value: Value, text: impl FnOnce() -> String) {
        if self.json {
            println!(
                "{}",
                serde_json::to_string_pretty(&value).expect("JSON values serialise")
            );
        } else {
            print!("{}", text());
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn role_text(role: &Role) -> String {
    match role {
        Role::Cast { billing, character } => {
            let b = format!("{billing:?}").to_lowercase();
            match character {
                Some(c) => format!("cast ({b}) as {c}"),
                None => format!("cast ({b})"),
            }
        }
        Role::Member { since, until } => match (since, until) {
            (None, None) => "member".into(),
            (s, u) => format!(
                "member {}–{}",
                s.map_or(String::new(), |y| y.to_string()),
                u.map_or(String::new(), |y| y.to_string())
            ),
        },
        Role::Soundtrack { song: Some(s) } => format!("soundtrack \"{s}\""),
        other => other.name().to_string(),
    }
}

fn person_json(ex: &Explorer, p: PersonId) -> Value {
    json!({ "id": ex.get(p).key(), "name": ex.get(p).name(), "hangul": ex.get(p).hangul() })
}

fn path_json(ex: &Explorer, p: &Path<'_>) -> Value {
    json!({
        "length": p.len(),
        "people": p.people().iter().map(|&q| person_json(ex, q)).collect::<Vec<_>>(),
        "steps": p.steps().iter().map(|s| json!({
            "from": ex.get(s.from).key(),
            "from_role": s.from_credit.describe(ex),
            "work": work_json(ex, s.work),
            "to_role": s.to_credit.describe(ex),
            "to": ex.get(s.to).key(),
        })).collect::<Vec<_>>(),
    })
}

fn work_json(ex: &Explorer, w: WorkId) -> Value {
    let work = ex.get(w);
    json!({ "id": work.key(), "title": work.title(), "hangul": work.hangul(), "kind": work.kind().name(),
            "released": work.released().map(|d| d.to_string()) })
}

fn shared_json(ex: &Explorer, s: &SharedWork) -> Value {
    let mut v = work_json(ex, s.work);
    v["left_role"] = json!(s.left.describe(ex));
    v["right_role"] = json!(s.right.describe(ex));
    v
}

fn shared_line(ex: &Explorer, s: &SharedWork) -> String {
    format!(
        "{} [{}]: {} / {}\n",
        ex.label(s.work.into()),
        ex.get(s.work).kind().label(),
        s.left.describe(ex),
        s.right.describe(ex)
    )
}

fn info_json(ex: &Explorer, e: Entity) -> Value {
    let credits: Vec<Value> = ex
        .credits_of(e)
        .map(|c| {
            let (from, to) = ex.ends(c);
            json!({ "from": ex.key(from), "to": ex.key(to), "role": role_text(&ex.get(c).role()),
                    "confidence": format!("{:?}", ex.get(c).record().map(|r| r.confidence).unwrap_or_default()), "sources": ex.get(c).record().map(|r| r.sources.clone()).unwrap_or_default() })
        })
        .collect();
    let record = match e {
        Entity::Person(p) => serde_json::to_value(ex.get(p).record()),
        Entity::Group(g) => serde_json::to_value(ex.get(g).record()),
        Entity::Work(w) => serde_json::to_value(ex.get(w).record()),
        Entity::Organisation(o) => serde_json::to_value(ex.get(o).record()),
    }
    .expect("records serialise");
    json!({ "kind": e.kind().to_string(), "record": record, "credits": credits })
}

fn info_text(ex: &Explorer, e: Entity) -> String {
    let mut s = format!("{} — {} ({})\n", ex.label(e), e.kind(), ex.key(e));
    let aliases: Vec<&str> = match e {
        Entity::Person(p) => ex.get(p).aliases().collect(),
        Entity::Group(g) => ex.get(g).aliases().collect(),
        Entity::Work(w) => ex.get(w).aliases().collect(),
        Entity::Organisation(o) => ex.get(o).aliases().collect(),
    };
    let (sources, notes) = (ex.sources(e), ex.notes(e));
    if let Entity::Work(w) = e {
        let work = ex.get(w);
        s.push_str(&format!(
            "  {} released {}",
            work.kind().label(),
            work.released()
                .map_or("(unknown)".to_string(), |d| d.to_string())
        ));
        if let Some(n) = work.record().and_then(|r| r.network.as_ref()) {
            s.push_str(&format!(" on {n}"));
        }
        if let Some(a) = work.record().and_then(|r| r.album.as_ref()) {
            s.push_str(&format!(", album {a}"));
        }
        s.push('\n');
    }
    if !aliases.is_empty() {
        s.push_str(&format!("  also known as: {}\n", aliases.join(", ")));
    }
    if let Some(n) = notes {
        s.push_str(&format!("  note: {n}\n"));
    }
    for c in ex.credits_of(e) {
        let (from, to) = ex.ends(c);
        let mark = if ex.get(c).is_unverified() {
            " (unverified)"
        } else {
            ""
        };
        s.push_str(&format!(
            "  {} —{}→ {}{mark}\n",
            ex.label(from),
            role_text(&ex.get(c).role()),
            ex.label(to)
        ));
    }
    for src in sources {
        s.push_str(&format!("  source: {src}\n"));
    }
    s
}
