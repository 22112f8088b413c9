//! Neo4j: the CSV files of `neo4j-admin database import full`, and a Cypher
//! script for small graphs. The route for users who outgrow one process.
//!
//! The files follow the Operations Manual's header format: ids in the
//! `Person`, `Group`, `Work` and `Organisation` id spaces, typed
//! properties (`born:int`, `year:int`, `since:int`, `unverified:boolean`,
//! `newman:double`), arrays (`aliases:string[]`, `sources:string[]`,
//! `works:string[]`) and labels separated by `;` (the default
//! `--array-delimiter`; a `;` inside an item is written `,`):
//!
//! ```text
//! people.csv         personId:ID(Person),name,hangul,born:int,aliases:string[],confidence,sources:string[],notes,:LABEL
//! groups.csv         groupId:ID(Group),name,hangul,kind,aliases:string[],confidence,sources:string[],notes,:LABEL
//! works.csv          workId:ID(Work),title,hangul,kind,year:int,released,aliases:string[],confidence,sources:string[],notes,:LABEL
//! organisations.csv  organisationId:ID(Organisation),name,hangul,kind,aliases:string[],confidence,sources:string[],notes,:LABEL
//! credits.csv        :START_ID(Person),:END_ID(Work),role,role_kind,billing,character,song,since:int,until:int,unverified:boolean,confidence,sources:string[],notes,key,year:int,:TYPE
//! group_credits.csv, memberships.csv, person_contracts.csv, group_contracts.csv,
//! work_organisations.csv, work_links.csv: the same columns between other id spaces
//! co_appearances.csv :START_ID(Person),:END_ID(Person),shared:int,weight:double,newman:double,works:string[],titles:string[],:TYPE
//! ```
//!
//! Every stored credit is one relationship row, in the file of its ends'
//! kinds ([`RELATIONSHIP_FILES`]). Import them with
//!
//! ```text
//! neo4j-admin database import full --nodes=people.csv --nodes=groups.csv \
//!     --nodes=works.csv --nodes=organisations.csv --relationships=credits.csv \
//!     --relationships=group_credits.csv --relationships=memberships.csv \
//!     --relationships=person_contracts.csv --relationships=group_contracts.csv \
//!     --relationships=work_organisations.csv --relationships=work_links.csv neo4j
//! ```
//!
//! The directory is also the three-file layout of
//! [`Csv::from_dir`](crate::import::Csv::from_dir): `hallyu --data DIR`
//! reads it back, whole.
//!
//! Works are labelled `Work` and their kind (`Work;MusicVideo`); credits
//! have the type of their role: `PERFORMED_IN`, `FEATURED_IN`, `ACTED_IN`
//! (with `billing`), `DIRECTED`, `COMPOSED`, `WROTE_LYRICS`,
//! `PRODUCED_MUSIC`, `SANG_SOUNDTRACK`, `APPEARED_IN`, `MEMBER_OF`,
//! `SIGNED_TO`, `PRODUCED_BY`, `BANNED_BY`, `TIE_IN_OF`, `SEQUEL_OF` and
//! `CREW_OF` (for [`Role::Other`](crate::model::Role::Other) off screen,
//! with the source's word in `role`). Projection edges are
//! `CO_APPEARED_WITH`.
//!
//! The Cypher script ([`to_cypher`]) creates a uniqueness constraint per
//! label, then merges nodes and relationships in batches of `UNWIND [...]
//! AS row MERGE …` (a credit merged on its `key`, so parallel credits stay
//! two relationships), each batch in a `:begin`/`:commit` block for
//! cypher-shell (`cypher-shell -f graph.cypher`).
//!
//! # Example
//!
//! ```
//! use hallyu::{Explorer, Filter};
//! use hallyu::export::{neo4j, Network, Shape};
//!
//! let explorer = Explorer::bundled();
//! let files = neo4j::to_csv_files(&Network::new(&explorer, &Filter::new(), Shape::Bipartite));
//! assert_eq!(files[0].0, "people.csv");
//! assert!(files[0].1.starts_with("personId:ID(Person),name,hangul,born:int,aliases:string[],"));
//! assert_eq!(files.len(), 4 + neo4j::RELATIONSHIP_FILES.len()); // every record kind, every credit
//! let script = neo4j::to_cypher(&Network::new(&explorer, &Filter::new(), Shape::Bipartite), 500);
//! assert!(script.contains("REQUIRE n.id IS UNIQUE"));
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::csv::field as csv_field;
use super::network::{Network, NetworkCredit, NetworkNodeKind, credit_values, float};
use crate::model::{RoleKind, WorkKind};

/// The header of `people.csv`.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{neo4j, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let files = neo4j::to_csv_files(&net);
/// let (name, people) = &files[0];
/// assert_eq!(*name, "people.csv");
/// assert_eq!(people.lines().next(), Some(neo4j::PEOPLE_HEADER));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const PEOPLE_HEADER: &str = "personId:ID(Person),name,hangul,born:int,aliases:string[],confidence,sources:string[],notes,:LABEL";
/// The header of `works.csv`.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{neo4j, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let files = neo4j::to_csv_files(&net);
/// let works = &files.iter().find(|(name, _)| *name == "works.csv").unwrap().1;
/// assert_eq!(works.lines().next(), Some(neo4j::WORKS_HEADER));
/// assert!(works.lines().any(|l| l.starts_with("kiss,Kiss,입맞춤,mv,2009,") && l.ends_with(",Work;MusicVideo")));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const WORKS_HEADER: &str = "workId:ID(Work),title,hangul,kind,year:int,released,aliases:string[],confidence,sources:string[],notes,:LABEL";
/// The header of `credits.csv`.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{neo4j, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let files = neo4j::to_csv_files(&net);
/// let credits = &files.iter().find(|(name, _)| *name == "credits.csv").unwrap().1;
/// assert_eq!(credits.lines().next(), Some(neo4j::CREDITS_HEADER));
/// assert!(credits.lines().any(|l| l.starts_with("lee-min-ho,kiss,") && l.ends_with(",ACTED_IN")));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const CREDITS_HEADER: &str = ":START_ID(Person),:END_ID(Work),role,role_kind,billing,character,song,since:int,until:int,unverified:boolean,confidence,sources:string[],notes,key,year:int,:TYPE";
/// The header of `co_appearances.csv`.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{neo4j, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Projection)?;
/// let files = neo4j::to_csv_files(&net);
/// let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
/// assert_eq!(names, ["people.csv", "co_appearances.csv"]);
/// assert_eq!(files[1].1.lines().next(), Some(neo4j::PAIRS_HEADER));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const PAIRS_HEADER: &str = ":START_ID(Person),:END_ID(Person),shared:int,weight:double,newman:double,works:string[],titles:string[],:TYPE";

/// The relationship type of a credit.
///
/// # Example
///
/// ```
/// use hallyu::export::neo4j::relationship_type;
/// use hallyu::model::RoleKind;
///
/// assert_eq!(relationship_type(RoleKind::Lead), "ACTED_IN");
/// assert_eq!(relationship_type(RoleKind::Cameo), "ACTED_IN");
/// assert_eq!(relationship_type(RoleKind::Featured), "FEATURED_IN");
/// assert_eq!(relationship_type(RoleKind::Member), "MEMBER_OF");
/// ```
pub fn relationship_type(kind: RoleKind) -> &'static str {
    match kind {
        RoleKind::Performer => "PERFORMED_IN",
        RoleKind::Featured => "FEATURED_IN",
        RoleKind::Lead | RoleKind::Supporting | RoleKind::Cameo => "ACTED_IN",
        RoleKind::Director => "DIRECTED",
        RoleKind::Composer => "COMPOSED",
        RoleKind::Lyricist => "WROTE_LYRICS",
        RoleKind::MusicProducer => "PRODUCED_MUSIC",
        RoleKind::Soundtrack => "SANG_SOUNDTRACK",
        RoleKind::OtherOnScreen => "APPEARED_IN",
        RoleKind::Member => "MEMBER_OF",
        RoleKind::SignedTo => "SIGNED_TO",
        RoleKind::ProducedBy => "PRODUCED_BY",
        RoleKind::BannedBy => "BANNED_BY",
        RoleKind::TieIn => "TIE_IN_OF",
        RoleKind::SequelOf => "SEQUEL_OF",
        _ => "CREW_OF",
    }
}

/// The Neo4j label of a work kind: `MusicVideo`, `Drama`, …
///
/// # Example
///
/// ```
/// use hallyu::export::neo4j::work_label;
/// use hallyu::model::WorkKind;
///
/// assert_eq!(work_label(WorkKind::MusicVideo), "MusicVideo");
/// assert_eq!(work_label(WorkKind::Drama), "Drama");
/// ```
pub fn work_label(kind: WorkKind) -> &'static str {
    match kind {
        WorkKind::MusicVideo => "MusicVideo",
        WorkKind::Drama => "Drama",
        WorkKind::Film => "Film",
        WorkKind::Variety => "Variety",
        WorkKind::Commercial => "Commercial",
        _ => "OtherWork",
    }
}

fn row(fields: &[&str]) -> String {
    let mut s = fields
        .iter()
        .map(|f| csv_field(f, b','))
        .collect::<Vec<_>>()
        .join(",");
    s.push('\n');
    s
}

fn array(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    items
        .into_iter()
        .map(|s| s.as_ref().replace(';', ","))
        .collect::<Vec<_>>()
        .join(";")
}

/// The header of `groups.csv`.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
/// use hallyu::export::{neo4j, Network, Shape};
///
/// let explorer = Explorer::bundled();
/// let files = neo4j::to_csv_files(&Network::new(&explorer, &Filter::new(), Shape::Bipartite));
/// let groups = &files.iter().find(|(name, _)| *name == "groups.csv").unwrap().1;
/// assert_eq!(groups.lines().next(), Some(neo4j::GROUPS_HEADER));
/// assert!(groups.lines().any(|l| l.starts_with("bigbang,BIGBANG,빅뱅,boy-group,")));
/// ```
pub const GROUPS_HEADER: &str =
    "groupId:ID(Group),name,hangul,kind,aliases:string[],confidence,sources:string[],notes,:LABEL";

/// The header of `organisations.csv`.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
/// use hallyu::export::{neo4j, Network, Shape};
///
/// let explorer = Explorer::bundled();
/// let files = neo4j::to_csv_files(&Network::new(&explorer, &Filter::new(), Shape::Bipartite));
/// let orgs = &files.iter().find(|(name, _)| *name == "organisations.csv").unwrap().1;
/// assert_eq!(orgs.lines().next(), Some(neo4j::ORGANISATIONS_HEADER));
/// ```
pub const ORGANISATIONS_HEADER: &str = "organisationId:ID(Organisation),name,hangul,kind,aliases:string[],confidence,sources:string[],notes,:LABEL";

/// The relationship files of the whole graph: the file name and the id
/// spaces of its start and end, one file for each pair of record kinds a
/// credit can join (`credits.csv` is a person's credits on works,
/// `memberships.csv` people in groups, …). Every file has the columns of
/// [`CREDITS_HEADER`] but the two ids.
///
/// # Example
///
/// ```
/// use hallyu::export::neo4j::RELATIONSHIP_FILES;
///
/// assert_eq!(RELATIONSHIP_FILES[0], ("credits.csv", "Person", "Work"));
/// assert!(RELATIONSHIP_FILES.contains(&("memberships.csv", "Person", "Group")));
/// ```
pub const RELATIONSHIP_FILES: [(&str, &str, &str); 7] = [
    ("credits.csv", "Person", "Work"),
    ("group_credits.csv", "Group", "Work"),
    ("memberships.csv", "Person", "Group"),
    ("person_contracts.csv", "Person", "Organisation"),
    ("group_contracts.csv", "Group", "Organisation"),
    ("work_organisations.csv", "Work", "Organisation"),
    ("work_links.csv", "Work", "Work"),
];

/// The id space of a node kind.
fn space(kind: NetworkNodeKind) -> &'static str {
    match kind {
        NetworkNodeKind::Person => "Person",
        NetworkNodeKind::Group(_) => "Group",
        NetworkNodeKind::Work(_) => "Work",
        NetworkNodeKind::Organisation(_) => "Organisation",
    }
}

/// The import files of a network: `(file name, contents)`, nodes files
/// first. The whole graph gives `people.csv`, `groups.csv`, `works.csv`,
/// `organisations.csv` and the seven [`RELATIONSHIP_FILES`] (every stored
/// credit, in credit order, once); a projection `people.csv` and
/// `co_appearances.csv`. The directory is also what
/// [`Csv::from_dir`](crate::import::Csv::from_dir) (and `hallyu --data`)
/// reads back.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{neo4j, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let files = neo4j::to_csv_files(&net);
/// let names: Vec<&str> = files.iter().map(|(name, _)| *name).take(4).collect();
/// assert_eq!(names, ["people.csv", "groups.csv", "works.csv", "organisations.csv"]);
/// assert!(files[0].1.lines().any(|l| l.starts_with("lee-min-ho,Lee Min-ho,")));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_csv_files(network: &Network) -> Vec<(&'static str, String)> {
    let nodes = network.nodes();
    let mut people = format!("{PEOPLE_HEADER}\n");
    let mut groups = format!("{GROUPS_HEADER}\n");
    let mut works = format!("{WORKS_HEADER}\n");
    let mut orgs = format!("{ORGANISATIONS_HEADER}\n");
    for n in nodes {
        let aliases = array(&n.aliases);
        let sources = array(&n.sources);
        let hangul = n.hangul.as_deref().unwrap_or("");
        let confidence = if n.confidence.is_confirmed() {
            ""
        } else {
            n.confidence.word()
        };
        let notes = n.notes.as_deref().unwrap_or("");
        match n.kind {
            NetworkNodeKind::Person => {
                let born = n.born.map(|b| b.to_string()).unwrap_or_default();
                people.push_str(&row(&[
                    &n.key, &n.label, hangul, &born, &aliases, confidence, &sources, notes,
                    "Person",
                ]));
            }
            NetworkNodeKind::Group(k) => {
                groups.push_str(&row(&[
                    &n.key,
                    &n.label,
                    hangul,
                    k.word(),
                    &aliases,
                    confidence,
                    &sources,
                    notes,
                    "Group",
                ]));
            }
            NetworkNodeKind::Work(k) => {
                let year = n.year.map(|y| y.to_string()).unwrap_or_default();
                let released = n.released.map(|d| d.to_string()).unwrap_or_default();
                let label = format!("Work;{}", work_label(k));
                works.push_str(&row(&[
                    &n.key,
                    &n.label,
                    hangul,
                    k.name(),
                    &year,
                    &released,
                    &aliases,
                    confidence,
                    &sources,
                    notes,
                    &label,
                ]));
            }
            NetworkNodeKind::Organisation(k) => {
                orgs.push_str(&row(&[
                    &n.key,
                    &n.label,
                    hangul,
                    k.word(),
                    &aliases,
                    confidence,
                    &sources,
                    notes,
                    "Organisation",
                ]));
            }
        }
    }
    let mut files = vec![("people.csv", people)];
    match network.shape() {
        super::Shape::Bipartite => {
            files.push(("groups.csv", groups));
            files.push(("works.csv", works));
            files.push(("organisations.csv", orgs));
            let columns = CREDITS_HEADER
                .split_once(",:END_ID(Work),")
                .map_or("", |x| x.1);
            let mut rels: Vec<String> = RELATIONSHIP_FILES
                .iter()
                .map(|(_, from, to)| format!(":START_ID({from}),:END_ID({to}),{columns}\n"))
                .collect();
            for e in network.edges() {
                let Some(c) = &e.credit else { continue };
                let (a, b) = (&nodes[e.source], &nodes[e.target]);
                let Some(i) = RELATIONSHIP_FILES
                    .iter()
                    .position(|(_, from, to)| *from == space(a.kind) && *to == space(b.kind))
                else {
                    continue;
                };
                let year = b.year.or(a.year);
                rels[i].push_str(&credit_row(&a.key, &b.key, &e.key, year, c));
            }
            for ((name, _, _), text) in RELATIONSHIP_FILES.iter().zip(rels) {
                files.push((name, text));
            }
        }
        super::Shape::Projection => {
            let mut rels = format!("{PAIRS_HEADER}\n");
            for e in network.edges() {
                let ws: Vec<_> = network.edge_works(e).collect();
                rels.push_str(&row(&[
                    &nodes[e.source].key,
                    &nodes[e.target].key,
                    &ws.len().to_string(),
                    &float(e.weight),
                    &float(e.newman),
                    &array(ws.iter().map(|w| &w.key)),
                    &array(ws.iter().map(|w| &w.title)),
                    "CO_APPEARED_WITH",
                ]));
            }
            files.push(("co_appearances.csv", rels));
        }
    }
    files
}

fn credit_row(from: &str, to: &str, key: &str, year: Option<i32>, c: &NetworkCredit) -> String {
    let values = credit_values(c);
    let text = |i: usize| values[i].as_deref().unwrap_or("");
    let sources = array(&c.sources);
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    // role, role_kind, billing, character, song, since, until, unverified,
    // confidence, sources, notes: the columns of `credit_values`.
    row(&[
        from,
        to,
        text(0),
        text(1),
        text(2),
        text(3),
        text(4),
        text(5),
        text(6),
        text(7),
        text(8),
        &sources,
        text(10),
        key,
        &year,
        relationship_type(c.role_kind),
    ])
}

/// Writes [`to_csv_files`] into a directory (created if needed); returns
/// the paths written.
///
/// # Errors
///
/// [`ErrorKind::Io`](crate::ErrorKind::Io) when a file cannot be written.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{neo4j, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let dir = std::env::temp_dir().join(format!("hallyu-doc-neo4j-{}", std::process::id()));
/// let written = neo4j::write_dir(&net, &dir)?;
/// assert_eq!(written.len(), 4 + neo4j::RELATIONSHIP_FILES.len());
/// assert_eq!(written[0], dir.join("people.csv"));
/// let people = std::fs::read_to_string(&written[0]).unwrap();
/// assert!(people.starts_with(neo4j::PEOPLE_HEADER));
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn write_dir(
    network: &Network,
    dir: impl AsRef<Path>,
) -> crate::error::Result<Vec<std::path::PathBuf>> {
    let dir = dir.as_ref();
    let io = |path: &Path, e: std::io::Error| crate::error::Error::io(path, e);
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let mut written = Vec::new();
    for (name, text) in to_csv_files(network) {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| io(&path, e))?;
        written.push(path);
    }
    Ok(written)
}

/// A Cypher string literal.
fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Other controls and noncharacters as Cypher's `\uXXXX`.
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| lit(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// A Cypher script that loads the network into a running database, in
/// batches of `batch` rows (at least 1): constraints first, then `UNWIND
/// [...] AS row MERGE (n:Person {id: row.id}) SET n += row.props`, then the
/// relationships.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{neo4j, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let script = neo4j::to_cypher(&net, 1); // one row a batch
/// assert!(script.contains("FOR (n:Work) REQUIRE n.id IS UNIQUE"));
/// assert!(script.contains("Lee Min-ho"));
/// assert!(script.matches(":begin").count() > neo4j::to_cypher(&net, 500).matches(":begin").count());
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_cypher(network: &Network, batch: usize) -> String {
    let batch = batch.max(1);
    let nodes = network.nodes();
    let mut out = String::from("// Written by hallyu: cypher-shell -f this-file.cypher\n");
    out.push_str(":begin\nCREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;\n");
    if network.shape() == super::Shape::Bipartite {
        for (name, label) in [
            ("group_id", "Group"),
            ("work_id", "Work"),
            ("organisation_id", "Organisation"),
        ] {
            let _ = writeln!(
                out,
                "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;"
            );
        }
    }
    out.push_str(":commit\nCALL db.awaitIndexes(300);\n");
    // Nodes, grouped by label so that labels are static.
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for n in nodes {
        let mut props = vec![format!("name: {}", lit(&n.label))];
        if let Some(h) = &n.hangul {
            props.push(format!("hangul: {}", lit(h)));
        }
        if !n.aliases.is_empty() {
            props.push(format!("aliases: {}", list(&n.aliases)));
        }
        if !n.confidence.is_confirmed() {
            props.push(format!("confidence: {}", lit(n.confidence.word())));
        }
        if !n.sources.is_empty() {
            props.push(format!("sources: {}", list(&n.sources)));
        }
        if let Some(notes) = &n.notes {
            props.push(format!("notes: {}", lit(notes)));
        }
        let label = match n.kind {
            NetworkNodeKind::Person => {
                if let Some(b) = n.born {
                    props.push(format!("born: {b}"));
                }
                "Person".to_string()
            }
            NetworkNodeKind::Group(k) => {
                props.push(format!("kind: {}", lit(k.word())));
                "Group".to_string()
            }
            NetworkNodeKind::Organisation(k) => {
                props.push(format!("kind: {}", lit(k.word())));
                "Organisation".to_string()
            }
            NetworkNodeKind::Work(k) => {
                props[0] = format!("title: {}", lit(&n.label));
                props.push(format!("kind: {}", lit(k.name())));
                if let Some(y) = n.year {
                    props.push(format!("year: {y}"));
                }
                if let Some(d) = n.released {
                    props.push(format!("released: {}", lit(&d.to_string())));
                }
                format!("Work:{}", work_label(k))
            }
        };
        groups.entry(label).or_default().push(format!(
            "{{id: {}, props: {{{}}}}}",
            lit(&n.key),
            props.join(", ")
        ));
    }
    for (label, rows) in &groups {
        let (first, rest) = label.split_once(':').unwrap_or((label, ""));
        let extra = if rest.is_empty() {
            String::new()
        } else {
            format!(", n:{rest}")
        };
        for chunk in rows.chunks(batch) {
            let _ = writeln!(
                out,
                ":begin\nUNWIND [\n  {}\n] AS row\nMERGE (n:{first} {{id: row.id}}) SET n += row.props{extra};\n:commit",
                chunk.join(",\n  ")
            );
        }
    }
    // Relationships, grouped by type and the labels of their ends. Each
    // credit is its own relationship (`CREATE`, keyed by `key`), so that
    // two credits of one person on one work stay two.
    let mut rels: BTreeMap<(&'static str, &'static str, &'static str), Vec<String>> =
        BTreeMap::new();
    for e in network.edges() {
        let (a, b) = (&nodes[e.source], &nodes[e.target]);
        let mut props = Vec::new();
        let ty = match &e.credit {
            Some(c) => {
                props.push(format!("key: {}", lit(&e.key)));
                for ((name, _), v) in super::network::CREDIT_COLUMNS.iter().zip(credit_values(c)) {
                    let Some(v) = v else { continue };
                    let value = match *name {
                        "since" | "until" | "unverified" => v,
                        "sources" => list(&c.sources),
                        _ => lit(&v),
                    };
                    props.push(format!("{name}: {value}"));
                }
                if let Some(y) = b.year.or(a.year) {
                    props.push(format!("year: {y}"));
                }
                relationship_type(c.role_kind)
            }
            None => {
                let ws: Vec<_> = network.edge_works(e).collect();
                props.push(format!("shared: {}", ws.len()));
                props.push(format!("weight: {}", float(e.weight)));
                props.push(format!("newman: {}", float(e.newman)));
                props.push(format!("works: {}", list(ws.iter().map(|w| &w.key))));
                props.push(format!("titles: {}", list(ws.iter().map(|w| &w.title))));
                "CO_APPEARED_WITH"
            }
        };
        rels.entry((ty, space(a.kind), space(b.kind)))
            .or_default()
            .push(format!(
                "{{start: {}, end: {}, props: {{{}}}}}",
                lit(&a.key),
                lit(&b.key),
                props.join(", ")
            ));
    }
    for ((ty, from, to), rows) in &rels {
        let merge = if e_is_credit(ty) {
            format!("MERGE (a)-[r:{ty} {{key: row.props.key}}]->(b)")
        } else {
            format!("MERGE (a)-[r:{ty}]->(b)")
        };
        for chunk in rows.chunks(batch) {
            let _ = writeln!(
                out,
                ":begin\nUNWIND [\n  {}\n] AS row\nMATCH (a:{from} {{id: row.start}})\nMATCH (b:{to} {{id: row.end}})\n{merge} SET r += row.props;\n:commit",
                chunk.join(",\n  ")
            );
        }
    }
    out
}

/// Whether a relationship type is a credit's (keyed) rather than the
/// projection's.
fn e_is_credit(ty: &str) -> bool {
    ty != "CO_APPEARED_WITH"
}
