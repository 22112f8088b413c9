//! Neo4j: the CSV files of `neo4j-admin database import full`, and a Cypher
//! script for small graphs. The route for users who outgrow one process.
//!
//! The files follow the Operations Manual's header format: ids in the
//! `Person` and `Work` id spaces, typed properties (`born:int`,
//! `year:int`, `unverified:boolean`, `newman:double`), arrays
//! (`aliases:string[]`, `works:string[]`) and labels separated by `;` (the
//! default `--array-delimiter`):
//!
//! ```text
//! people.csv         personId:ID(Person),name,hangul,born:int,aliases:string[],:LABEL
//! works.csv          workId:ID(Work),title,hangul,kind,year:int,aliases:string[],:LABEL
//! credits.csv        :START_ID(Person),:END_ID(Work),role,billing,character,via,unverified:boolean,year:int,:TYPE
//! co_appearances.csv :START_ID(Person),:END_ID(Person),shared:int,weight:double,newman:double,works:string[],titles:string[],:TYPE
//! ```
//!
//! Import them with
//!
//! ```text
//! neo4j-admin database import full --nodes=people.csv --nodes=works.csv \
//!     --relationships=credits.csv neo4j
//! ```
//!
//! Works are labelled `Work` and their kind (`Work;MusicVideo`); credits
//! have the type of their role: `PERFORMED_IN`, `FEATURED_IN`, `ACTED_IN`
//! (with `billing`), `DIRECTED`, `COMPOSED`, `WROTE_LYRICS`,
//! `PRODUCED_MUSIC`, `SANG_SOUNDTRACK`, `APPEARED_IN` and `CREW_OF` (for
//! [`Role::Other`](crate::model::Role::Other), with the source's word in
//! `role`). Projection edges are `CO_APPEARED_WITH`.
//!
//! The Cypher script ([`to_cypher`]) creates a uniqueness constraint per
//! label, then merges nodes and relationships in batches of `UNWIND [...]
//! AS row MERGE …`, each batch in a `:begin`/`:commit` block for
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
//! assert!(files[0].1.starts_with("personId:ID(Person),name,hangul,born:int,aliases:string[],:LABEL\n"));
//! let script = neo4j::to_cypher(&Network::new(&explorer, &Filter::new(), Shape::Bipartite), 500);
//! assert!(script.contains("REQUIRE n.id IS UNIQUE"));
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::csv::field as csv_field;
use super::network::{Network, NetworkCredit, NetworkNodeKind, float};
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
pub const PEOPLE_HEADER: &str = "personId:ID(Person),name,hangul,born:int,aliases:string[],:LABEL";
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
/// assert!(works.lines().any(|l| l == "kiss,Kiss,입맞춤,mv,2009,,Work;MusicVideo"));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const WORKS_HEADER: &str = "workId:ID(Work),title,hangul,kind,year:int,aliases:string[],:LABEL";
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
pub const CREDITS_HEADER: &str =
    ":START_ID(Person),:END_ID(Work),role,billing,character,via,unverified:boolean,year:int,:TYPE";
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

/// The import files of a network: `(file name, contents)`, nodes files
/// first. A bipartite network gives `people.csv`, `works.csv` and
/// `credits.csv`; a projection `people.csv` and `co_appearances.csv`.
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
/// let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
/// assert_eq!(names, ["people.csv", "works.csv", "credits.csv"]);
/// assert!(files[0].1.lines().any(|l| l.starts_with("lee-min-ho,Lee Min-ho,")));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_csv_files(network: &Network) -> Vec<(&'static str, String)> {
    let nodes = network.nodes();
    let mut people = format!("{PEOPLE_HEADER}\n");
    let mut works = format!("{WORKS_HEADER}\n");
    for n in nodes {
        let aliases = array(&n.aliases);
        let hangul = n.hangul.as_deref().unwrap_or("");
        match n.kind {
            NetworkNodeKind::Person => {
                let born = n.born.map(|b| b.to_string()).unwrap_or_default();
                people.push_str(&row(&[&n.key, &n.label, hangul, &born, &aliases, "Person"]));
            }
            NetworkNodeKind::Work(k) => {
                let year = n.year.map(|y| y.to_string()).unwrap_or_default();
                let label = format!("Work;{}", work_label(k));
                works.push_str(&row(&[
                    &n.key,
                    &n.label,
                    hangul,
                    k.name(),
                    &year,
                    &aliases,
                    &label,
                ]));
            }
        }
    }
    let mut rels = String::new();
    let mut files = vec![("people.csv", people)];
    match network.shape() {
        super::Shape::Bipartite => {
            rels.push_str(CREDITS_HEADER);
            rels.push('\n');
            for (p, w, c) in network.credits() {
                let w = &network.works()[*w];
                rels.push_str(&credit_row(&nodes[*p].key, &w.key, w.year, c));
            }
            files.push(("works.csv", works));
            files.push(("credits.csv", rels));
        }
        super::Shape::Projection => {
            rels.push_str(PAIRS_HEADER);
            rels.push('\n');
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

fn credit_row(person: &str, work: &str, year: Option<i32>, c: &NetworkCredit) -> String {
    let billing = c.billing.map(|b| b.to_string()).unwrap_or_default();
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    row(&[
        person,
        work,
        &c.role,
        &billing,
        c.character.as_deref().unwrap_or(""),
        c.via.as_deref().unwrap_or(""),
        if c.unverified { "true" } else { "false" },
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
/// assert_eq!(written, [dir.join("people.csv"), dir.join("works.csv"), dir.join("credits.csv")]);
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

/// A relationship to write: source node, target key, year, and the credit
/// (bipartite) or the edge (projection).
type Rel<'n> = (
    usize,
    String,
    Option<i32>,
    Option<&'n NetworkCredit>,
    Option<&'n super::NetworkEdge>,
);

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
        out.push_str(
            "CREATE CONSTRAINT work_id IF NOT EXISTS FOR (n:Work) REQUIRE n.id IS UNIQUE;\n",
        );
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
        let label = match n.kind {
            NetworkNodeKind::Person => {
                if let Some(b) = n.born {
                    props.push(format!("born: {b}"));
                }
                "Person".to_string()
            }
            NetworkNodeKind::Work(k) => {
                props[0] = format!("title: {}", lit(&n.label));
                props.push(format!("kind: {}", lit(k.name())));
                if let Some(y) = n.year {
                    props.push(format!("year: {y}"));
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
    // Relationships, grouped by type.
    let mut rels: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let end_label = match network.shape() {
        super::Shape::Bipartite => "Work",
        super::Shape::Projection => "Person",
    };
    let credits: Vec<Rel<'_>> = match network.shape() {
        super::Shape::Bipartite => network
            .credits()
            .iter()
            .map(|(p, w, c)| {
                let w = &network.works()[*w];
                (*p, w.key.clone(), w.year, Some(c), None)
            })
            .collect(),
        super::Shape::Projection => network
            .edges()
            .iter()
            .map(|e| (e.source, nodes[e.target].key.clone(), None, None, Some(e)))
            .collect(),
    };
    for (source, target, year, credit, edge) in credits {
        let mut props = Vec::new();
        let ty = match (credit, edge) {
            (Some(c), _) => {
                props.push(format!("role: {}", lit(&c.role)));
                if let Some(b) = c.billing {
                    props.push(format!("billing: {}", lit(&b.to_string())));
                }
                if let Some(ch) = &c.character {
                    props.push(format!("character: {}", lit(ch)));
                }
                if let Some(v) = &c.via {
                    props.push(format!("via: {}", lit(v)));
                }
                props.push(format!("unverified: {}", c.unverified));
                if let Some(y) = year {
                    props.push(format!("year: {y}"));
                }
                relationship_type(c.role_kind)
            }
            (None, Some(e)) => {
                let ws: Vec<_> = network.edge_works(e).collect();
                props.push(format!("shared: {}", ws.len()));
                props.push(format!("weight: {}", float(e.weight)));
                props.push(format!("newman: {}", float(e.newman)));
                props.push(format!("works: {}", list(ws.iter().map(|w| &w.key))));
                props.push(format!("titles: {}", list(ws.iter().map(|w| &w.title))));
                "CO_APPEARED_WITH"
            }
            (None, None) => continue,
        };
        rels.entry(ty).or_default().push(format!(
            "{{start: {}, end: {}, props: {{{}}}}}",
            lit(&nodes[source].key),
            lit(&target),
            props.join(", ")
        ));
    }
    for (ty, rows) in &rels {
        for chunk in rows.chunks(batch) {
            let _ = writeln!(
                out,
                ":begin\nUNWIND [\n  {}\n] AS row\nMATCH (a:Person {{id: row.start}})\nMATCH (b:{end_label} {{id: row.end}})\nMERGE (a)-[r:{ty}]->(b) SET r += row.props;\n:commit",
                chunk.join(",\n  ")
            );
        }
    }
    out
}
