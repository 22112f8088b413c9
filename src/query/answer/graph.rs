//! [`Graph`]: a bounded piece of the person–work graph, for a picture that
//! grows on demand (the page, `/api/graph`).

use std::collections::HashMap;
use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{Entity, PersonId};

use super::*;

/// A piece of the person–work graph: people and works, and the credits
/// between them, each with its role in words (`/api/graph`, and the data of
/// the offline page).
///
/// Made around one record ([`Graph::around`]: a person and their works, or
/// a work and its people), from the record with the most credits
/// ([`Graph::start`]), or from a set of records ([`Graph::of`]). A piece
/// made around a record keeps at most the options' limit of its neighbours
/// and says how many it left out.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Graph, Options};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.lookup("Kiss")?;
/// let graph = Graph::around(&explorer, kiss, &Filter::new(), &Options::new());
/// assert_eq!(graph.centre.as_deref(), Some("kiss"));
/// assert!(graph.nodes.iter().any(|n| n.id == "lee-min-ho"));
/// assert!(graph.edges.iter().all(|e| e.work == "kiss"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Graph {
    /// The key of the record the piece was made around, if any.
    pub centre: Option<String>,
    /// The people and works.
    pub nodes: Vec<GraphNode>,
    /// The credits between them: one edge a person and work (their own
    /// credit first, as [`Explorer::works_of`] picks it).
    pub edges: Vec<GraphEdge>,
    /// How many neighbours of the centre the limit left out.
    pub left_out: usize,
}

/// A person or a work of a [`Graph`].
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Graph, Options};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let iu = explorer.lookup("IU")?;
/// let graph = Graph::around(&explorer, iu, &Filter::new(), &Options::new());
/// let me = &graph.nodes[0];
/// assert_eq!((me.id.as_str(), me.kind.as_str(), me.hangul.as_deref()), ("iu", "person", Some("아이유")));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GraphNode {
    /// The key.
    pub id: String,
    /// `person`, or the work's kind (`mv`, `drama`, …).
    pub kind: String,
    /// The name or title.
    pub name: String,
    /// The name with its Hangul, or the title with its year.
    pub label: String,
    /// The name in Hangul.
    pub hangul: Option<String>,
    /// The year of birth of a person, of release of a work.
    pub year: Option<i32>,
    /// The other names.
    pub aliases: Vec<String>,
    /// The sources of the record.
    pub sources: Vec<String>,
}

/// A credit of a [`Graph`]: a person on a work, with the role in words.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Graph, Options};
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.lookup("Kiss")?;
/// let graph = Graph::around(&explorer, kiss, &Filter::new(), &Options::new());
/// let lee = graph.edges.iter().find(|e| e.person == "lee-min-ho").unwrap();
/// assert_eq!(lee.role_kind, "lead");
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GraphEdge {
    /// The person's key.
    pub person: String,
    /// The work's key.
    pub work: String,
    /// The role in words, as a path's hop says it: `cast (lead) as Kim
    /// Tan`, `performer via BIGBANG`.
    pub role: String,
    /// The kind of role: `lead`, `supporting`, `cameo`, `performer`, ….
    pub role_kind: String,
    /// Whether the credit (or the membership it comes through) is
    /// unverified.
    pub unverified: bool,
    /// Whether the person is credited through a group.
    pub via_group: bool,
}

impl Graph {
    /// A record and its neighbours: a person and their works, or a work and
    /// its people (a group or an organisation gives an empty piece). The
    /// first neighbours up to the options' limit are kept, in id order.
    ///
    /// # Panics
    ///
    /// When `e` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Graph, Options};
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let iu = explorer.lookup("IU")?;
    /// let all = Graph::around(&explorer, iu, &Filter::new(), &Options::new().unlimited());
    /// let two = Graph::around(&explorer, iu, &Filter::new(), &Options::new().limit(2));
    /// assert_eq!(two.nodes.len(), 3); // IU and two works
    /// assert_eq!(two.left_out, all.nodes.len() - 3);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn around(explorer: &Explorer, e: Entity, filter: &Filter, options: &Options) -> Graph {
        let neighbours = explorer.adjacent(e, filter);
        let limit = options.get_limit().min(neighbours.len());
        let mut records = vec![e];
        records.extend_from_slice(&neighbours[..limit]);
        let mut graph = Graph::of(explorer, &records, filter);
        graph.centre = Some(explorer.key(e).into_owned());
        graph.left_out = neighbours.len() - limit;
        graph
    }

    /// Where a picture of the whole data can start: the person with the
    /// most appearances the filter counts (the first in id order on a tie),
    /// their first works (at most a third of the options' limit), and the
    /// people on those works, at most the options' limit of records besides
    /// the person. Empty when there is no person.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Graph, Options};
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let graph = Graph::start(&explorer, &Filter::new(), &Options::new().limit(40));
    /// assert!(graph.nodes.len() <= 41);
    /// assert_eq!(graph.centre.as_deref(), Some(graph.nodes[0].id.as_str()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn start(explorer: &Explorer, filter: &Filter, options: &Options) -> Graph {
        let Some(first) = explorer.most_credited(filter) else {
            return Graph::default();
        };
        let limit = options.get_limit();
        let works = explorer.works_of_by_id(first, filter);
        let mut records: Vec<Entity> = vec![first.into()];
        let mut seen: HashMap<Entity, ()> = HashMap::new();
        seen.insert(first.into(), ());
        let mut left_out = 0;
        // A third of the places for works, the rest for the people on them:
        // a picture of a few works and their casts reads better than a
        // star of a hundred titles.
        let kept = works.len().min((limit / 3).max(1));
        left_out += works.len() - kept;
        for (w, _, _) in &works[..kept] {
            seen.insert((*w).into(), ());
            records.push((*w).into());
        }
        for (w, _, _) in &works[..kept] {
            for (p, _, _) in explorer.people_in_by_id(*w, filter) {
                if seen.contains_key(&p.into()) {
                    continue;
                }
                seen.insert(p.into(), ());
                if records.len() > limit {
                    left_out += 1;
                } else {
                    records.push(p.into());
                }
            }
        }
        let mut graph = Graph::of(explorer, &records, filter);
        graph.centre = Some(explorer.key(first.into()).into_owned());
        graph.left_out = left_out;
        graph
    }

    /// The people and works of `records` (groups and organisations are
    /// skipped; a record given twice is kept once) and every credit between
    /// them that the filter counts.
    ///
    /// # Panics
    ///
    /// When a record is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::Graph;
    /// use hallyu::{Entity, Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let everything: Vec<Entity> = explorer.people().map(Entity::from)
    ///     .chain(explorer.works().map(Entity::from))
    ///     .collect();
    /// let graph = Graph::of(&explorer, &everything, &Filter::new());
    /// assert_eq!(graph.nodes.len(), everything.len());
    /// assert!(graph.edges.len() > graph.nodes.len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, records: &[Entity], filter: &Filter) -> Graph {
        let mut kept: HashMap<Entity, ()> = HashMap::with_capacity(records.len());
        let mut nodes = Vec::with_capacity(records.len());
        let mut people: Vec<PersonId> = Vec::new();
        for &e in records {
            if !matches!(e, Entity::Person(_) | Entity::Work(_)) || kept.contains_key(&e) {
                continue;
            }
            kept.insert(e, ());
            if let Entity::Person(p) = e {
                people.push(p);
            }
            nodes.push(GraphNode::of(explorer, e));
        }
        let mut edges = Vec::new();
        for p in people {
            for (w, credited, unverified) in explorer.works_of_by_id(p, filter) {
                if !kept.contains_key(&Entity::Work(w)) {
                    continue;
                }
                edges.push(GraphEdge {
                    person: explorer.key(p.into()).into_owned(),
                    work: explorer.key(w.into()).into_owned(),
                    role: credited.describe(explorer),
                    role_kind: explorer.get(credited.credit).role_kind().name().to_owned(),
                    unverified,
                    via_group: credited.via.is_some(),
                });
            }
        }
        Graph {
            centre: None,
            nodes,
            edges,
            left_out: 0,
        }
    }
}

impl GraphNode {
    /// The person or work `e` (another kind of record is described by its
    /// key and name, with the kind `group` or `organisation`).
    ///
    /// # Panics
    ///
    /// When `e` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::GraphNode;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let node = GraphNode::of(&explorer, explorer.lookup("Haru Haru")?);
    /// assert_eq!((node.kind.as_str(), node.year), ("mv", Some(2008)));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of(explorer: &Explorer, e: Entity) -> GraphNode {
        let (kind, year) = match e {
            Entity::Person(p) => ("person", explorer.get(p).born()),
            Entity::Work(w) => {
                let r = explorer.get(w);
                (r.kind().name(), r.year())
            }
            Entity::Group(_) => ("group", None),
            Entity::Organisation(_) => ("organisation", None),
        };
        GraphNode {
            id: explorer.key(e).into_owned(),
            kind: kind.to_owned(),
            name: match e {
                Entity::Person(_) => explorer.display_name(e).into_owned(),
                _ => explorer.name(e).to_owned(),
            },
            label: explorer.label(e),
            hangul: explorer.hangul(e).map(str::to_owned),
            year,
            aliases: explorer.aliases(e).map(str::to_owned).collect(),
            sources: explorer.sources(e).to_vec(),
        }
    }
}

impl fmt::Display for Graph {
    /// One line a record, then one line a credit (`person — role — work`).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Graph, Options};
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.lookup("Kiss")?;
    /// let text = Graph::around(&explorer, kiss, &Filter::new(), &Options::new()).to_string();
    /// assert!(text.starts_with("Kiss (2009)"));
    /// assert!(text.contains("Lee Min-ho [lee-min-ho] (이민호) — cast (lead)"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let labels: HashMap<&str, &str> = self
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), n.label.as_str()))
            .collect();
        for n in &self.nodes {
            writeln!(f, "{}", n.label)?;
        }
        for e in &self.edges {
            let label = |k: &str| labels.get(k).copied().unwrap_or("?").to_owned();
            writeln!(f, "{} — {} — {}", label(&e.person), e.role, label(&e.work))?;
        }
        if self.left_out > 0 {
            writeln!(f, "({} more left out)", self.left_out)?;
        }
        Ok(())
    }
}
