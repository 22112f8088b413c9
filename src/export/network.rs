//! [`Network`]: the part of an explorer that the file exports write, in one
//! of two shapes — the person–work (bipartite) graph with roles, or the
//! person projection whose edges keep the linking works and the weights.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{CreditId, Entity, GroupId, PersonId, WorkId};
use crate::model::{Billing, Role, RoleKind, WorkKind};

use super::View;

/// Which graph a [`Network`] holds.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{Network, NetworkNodeKind, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let view = View::work(kiss);
/// let both = Network::of_view(&explorer, &view, Shape::Bipartite)?;
/// let people = Network::of_view(&explorer, &view, Shape::Projection)?;
/// assert!(both.nodes().iter().any(|n| matches!(n.kind, NetworkNodeKind::Work(_))));
/// assert!(people.nodes().iter().all(|n| n.kind == NetworkNodeKind::Person));
/// assert_eq!(Shape::default(), Shape::Bipartite);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Shape {
    /// People and works, one edge per person and work (the person's own
    /// credit first, else the group's), with the role.
    #[default]
    Bipartite,
    /// People only, one edge per pair who share a work, with the shared
    /// works, their number and Newman's collaboration weight.
    Projection,
}

/// What a node of a [`Network`] stands for.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{Network, NetworkNodeKind, Shape, View};
/// use hallyu::model::WorkKind;
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let node = net.nodes().iter().find(|n| n.key == "kiss").unwrap();
/// assert_eq!(node.kind, NetworkNodeKind::Work(WorkKind::MusicVideo));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NetworkNodeKind {
    /// A person.
    Person,
    /// A work of this kind.
    Work(WorkKind),
}

/// A node of a [`Network`]: a person or a work, with what the exports
/// write about it.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{Network, NetworkNodeKind, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let dara = net.nodes().iter().find(|n| n.key == "sandara-park").unwrap();
/// assert_eq!(dara.label, "Sandara Park");
/// assert_eq!(dara.hangul.as_deref(), Some("산다라박"));
/// assert_eq!(dara.aliases, ["Dara", "Sandara"]);
/// assert_eq!(dara.kind, NetworkNodeKind::Person);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkNode {
    /// The entity.
    pub entity: Entity,
    /// The stable key (`park-seo-joon`, `nm0000102`): the node id in every
    /// format.
    pub key: String,
    /// The name or title.
    pub label: String,
    /// The name in Hangul, when known.
    pub hangul: Option<String>,
    /// Other names, in data order.
    pub aliases: Vec<String>,
    /// Person or work (and its kind).
    pub kind: NetworkNodeKind,
    /// A work's year of release, when known.
    pub year: Option<i32>,
    /// A person's year of birth, when known.
    pub born: Option<i32>,
}

impl NetworkNode {
    /// `0` for people, `1` for works: NetworkX's `bipartite` attribute.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{Network, Shape, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
    /// let node = |key: &str| net.nodes().iter().find(|n| n.key == key).unwrap();
    /// assert_eq!(node("lee-min-ho").bipartite(), 0);
    /// assert_eq!(node("kiss").bipartite(), 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn bipartite(&self) -> u8 {
        match self.kind {
            NetworkNodeKind::Person => 0,
            NetworkNodeKind::Work(_) => 1,
        }
    }

    /// `person` or `work`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{Network, Shape, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
    /// let node = |key: &str| net.nodes().iter().find(|n| n.key == key).unwrap();
    /// assert_eq!(node("lee-min-ho").kind_name(), "person");
    /// assert_eq!(node("kiss").kind_name(), "work");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            NetworkNodeKind::Person => "person",
            NetworkNodeKind::Work(_) => "work",
        }
    }

    /// A work's kind name (`mv`, `film`, …); `None` for people.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{Network, Shape, View};
    /// use hallyu::model::WorkKind;
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
    /// let node = |key: &str| net.nodes().iter().find(|n| n.key == key).unwrap();
    /// assert_eq!(node("kiss").work_kind(), Some(WorkKind::MusicVideo));
    /// assert_eq!(node("lee-min-ho").work_kind(), None);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn work_kind(&self) -> Option<WorkKind> {
        match self.kind {
            NetworkNodeKind::Work(k) => Some(k),
            NetworkNodeKind::Person => None,
        }
    }
}

/// A work as a projection edge names it.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{Network, Shape, View};
/// use hallyu::model::WorkKind;
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Projection)?;
/// let work = &net.works()[net.edges()[0].works[0]];
/// assert_eq!((work.key.as_str(), work.title.as_str()), ("kiss", "Kiss"));
/// assert_eq!((work.year, work.kind), (Some(2009), WorkKind::MusicVideo));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkWork {
    /// The key.
    pub key: String,
    /// The title.
    pub title: String,
    /// The year of release, when known.
    pub year: Option<i32>,
    /// The kind of work.
    pub kind: WorkKind,
}

/// A credit between a person and a work, as the bipartite shape writes it.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{Network, Shape, View};
/// use hallyu::model::RoleKind;
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let min_ho = net.nodes().iter().position(|n| n.key == "lee-min-ho").unwrap();
/// let (_, _, credit) = net.credits().iter().find(|(p, _, _)| *p == min_ho).unwrap();
/// assert_eq!((credit.role.as_str(), credit.role_kind), ("cast", RoleKind::Lead));
/// assert_eq!((credit.via.as_deref(), credit.unverified), (None, false));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkCredit {
    /// The credit (the person's own, or the group's).
    pub credit: CreditId,
    /// The role's word: `cast`, `performer`, or the source's own word for
    /// [`Role::Other`].
    pub role: String,
    /// The role's kind.
    pub role_kind: RoleKind,
    /// The billing of a cast credit.
    pub billing: Option<Billing>,
    /// The character played, when the source gives it.
    pub character: Option<String>,
    /// The key of the group whose credit this is, when the person counts as
    /// its member.
    pub via: Option<String>,
    /// Whether the credit is kept only as an unverified claim.
    pub unverified: bool,
}

/// An edge of a [`Network`]: `source` and `target` index
/// [`Network::nodes`].
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Projection)?;
/// let at = |key: &str| net.nodes().iter().position(|n| n.key == key).unwrap();
/// let (a, b) = (at("lee-min-ho"), at("sandara-park"));
/// let edge = net.edges().iter().find(|e| (e.source, e.target) == (a.min(b), a.max(b))).unwrap();
/// assert!(edge.credit.is_none()); // a projection edge
/// assert_eq!((edge.works.len(), edge.weight), (2, 2.0)); // Kiss and the Cass 2X CF
/// assert!((edge.newman - (1.0 / 3.0 + 1.0)).abs() < 1e-9); // four people on Kiss, two on the CF
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkEdge {
    /// The person.
    pub source: usize,
    /// The work (bipartite) or the second person (projection).
    pub target: usize,
    /// The bipartite shape's credit; `None` in the projection.
    pub credit: Option<NetworkCredit>,
    /// The works the two people share (indices into
    /// [`Network::works`]), oldest first; empty in the bipartite shape.
    pub works: Vec<usize>,
    /// The projection's weight: the number of shared works (NetworkX's
    /// `bipartite.weighted_projected_graph`); 1 in the bipartite shape.
    pub weight: f64,
    /// Newman's collaboration weight: the sum over the shared works of
    /// 1 / (n − 1), where n is the number of people on the work
    /// (NetworkX's `bipartite.collaboration_weighted_projected_graph`);
    /// 1 in the bipartite shape.
    pub newman: f64,
}

/// The people and works of an explorer (or of a [`View`]) under a
/// [`Filter`], in one [`Shape`]: what [`graphml`](super::graphml),
/// [`gexf`](super::gexf), [`json`](super::json), [`neo4j`](super::neo4j)
/// and [`csv`](super::csv) write.
///
/// Groups and organisations are not nodes: a group's credit on a work
/// becomes a credit of each member of the work's year, marked `via` the
/// group (as co-appearances count it).
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
/// use hallyu::export::{Network, Shape};
///
/// let explorer = Explorer::bundled();
/// let people = Network::new(&explorer, &Filter::new(), Shape::Projection);
/// let a = people.nodes().iter().position(|n| n.key == "park-seo-joon").unwrap();
/// let b = people.nodes().iter().position(|n| n.key == "choi-woo-shik").unwrap();
/// let edge = people.edges().iter().find(|e| (e.source, e.target) == (a.min(b), a.max(b))).unwrap();
/// assert!(edge.weight >= 1.0 && edge.newman > 0.0);
/// ```
#[derive(Clone, Debug)]
pub struct Network {
    shape: Shape,
    nodes: Vec<NetworkNode>,
    edges: Vec<NetworkEdge>,
    /// Every admitted person–work appearance, in credit order (for the
    /// edge list); `(person node, work node, credit)`.
    appearances: Vec<(usize, usize, NetworkCredit)>,
    works: Vec<NetworkWork>,
}

impl Network {
    /// Every person and every work the filter admits (its kinds and
    /// years), with the admitted credits between them.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    /// use hallyu::export::{Network, Shape};
    /// use hallyu::model::WorkKind;
    ///
    /// let explorer = Explorer::bundled();
    /// let mvs = Network::new(&explorer, &Filter::new().kinds([WorkKind::MusicVideo]), Shape::Bipartite);
    /// assert!(mvs.works().iter().all(|w| w.kind == WorkKind::MusicVideo));
    /// assert!(mvs.works().iter().any(|w| w.title == "Haru Haru"));
    /// ```
    pub fn new(explorer: &Explorer, filter: &Filter, shape: Shape) -> Network {
        let people: Vec<PersonId> = explorer.people().collect();
        let works: Vec<WorkId> = explorer
            .works()
            .filter(|&w| explorer.admits(w, filter))
            .collect();
        Network::build(explorer, filter, shape, &people, &works)
    }

    /// The people and works a [`View`] shows (its groups' members are not
    /// added), with the credits between them that the view's filter admits.
    ///
    /// # Errors
    ///
    /// What [`View::diagram`] reports (a path view of two people no chain
    /// connects).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{Network, Shape, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let haru = explorer.work("Haru Haru")?;
    /// let net = Network::of_view(&explorer, &View::work(haru), Shape::Bipartite)?;
    /// assert!(net.nodes().iter().any(|n| n.label == "Haru Haru"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn of_view(
        explorer: &Explorer,
        view: &View,
        shape: Shape,
    ) -> crate::error::Result<Network> {
        let diagram = view.diagram(explorer)?;
        let mut people = BTreeSet::new();
        let mut works = BTreeSet::new();
        for n in &diagram.nodes {
            match explorer.by_key(&n.key) {
                Some(Entity::Person(p)) => {
                    people.insert(p);
                }
                Some(Entity::Work(w)) => {
                    works.insert(w);
                }
                _ => {}
            }
        }
        let people: Vec<PersonId> = people.into_iter().collect();
        let works: Vec<WorkId> = works.into_iter().collect();
        Ok(Network::build(
            explorer,
            view.filter_ref(),
            shape,
            &people,
            &works,
        ))
    }

    fn build(
        explorer: &Explorer,
        filter: &Filter,
        shape: Shape,
        people: &[PersonId],
        works: &[WorkId],
    ) -> Network {
        let mut nodes = Vec::new();
        let mut person_node = HashMap::new();
        for &p in people {
            let r = explorer.get(p);
            person_node.insert(p, nodes.len());
            nodes.push(NetworkNode {
                entity: p.into(),
                key: r.key().into_owned(),
                label: r.name().to_string(),
                hangul: r.hangul().map(str::to_string),
                aliases: r.aliases().map(str::to_string).collect(),
                kind: NetworkNodeKind::Person,
                year: None,
                born: r.born(),
            });
        }
        let mut work_node = HashMap::new();
        let mut work_list = Vec::new();
        for &w in works {
            let r = explorer.get(w);
            work_node.insert(w, work_list.len());
            work_list.push(NetworkWork {
                key: r.key().into_owned(),
                title: r.title().to_string(),
                year: r.year(),
                kind: r.kind(),
            });
            if shape == Shape::Bipartite {
                nodes.push(NetworkNode {
                    entity: w.into(),
                    key: r.key().into_owned(),
                    label: r.title().to_string(),
                    hangul: r.hangul().map(str::to_string),
                    aliases: r.aliases().map(str::to_string).collect(),
                    kind: NetworkNodeKind::Work(r.kind()),
                    year: r.year(),
                    born: None,
                });
            }
        }
        let people_count = people.len();
        // Every admitted appearance, in credit order.
        let mut apps = Vec::new();
        for &p in people {
            for (w, credited) in explorer.appearances_of(p, filter) {
                let Some(&wi) = work_node.get(&w) else {
                    continue;
                };
                apps.push((credited.credit, person_node[&p], wi, credited.via));
            }
        }
        apps.sort_by_key(|&(c, p, _, _)| (c, p));
        let credit_of = |c: CreditId, via: Option<GroupId>| -> NetworkCredit {
            let cr = explorer.get(c);
            let role = cr.role();
            let (billing, character) = match role.as_ref() {
                Role::Cast { billing, character } => (Some(*billing), character.clone()),
                Role::Other { character, .. } => (None, character.clone()),
                _ => (None, None),
            };
            NetworkCredit {
                credit: c,
                role: role.word().to_string(),
                role_kind: cr.role_kind(),
                billing,
                character,
                via: via.map(|g| explorer.key(g.into()).into_owned()),
                unverified: cr.is_unverified(),
            }
        };
        let appearances: Vec<(usize, usize, NetworkCredit)> = apps
            .iter()
            .map(|&(c, p, w, via)| (p, w, credit_of(c, via)))
            .collect();
        let mut edges = Vec::new();
        match shape {
            Shape::Bipartite => {
                // One edge a person and work: the own credit first, then the
                // first through a group.
                let mut best: BTreeMap<(usize, usize), usize> = BTreeMap::new();
                for (i, (p, w, c)) in appearances.iter().enumerate() {
                    let slot = best.entry((*p, *w)).or_insert(i);
                    let current = &appearances[*slot].2;
                    if current.via.is_some() && c.via.is_none() {
                        *slot = i;
                    }
                }
                for ((p, w), i) in best {
                    edges.push(NetworkEdge {
                        source: p,
                        target: people_count + w,
                        credit: Some(appearances[i].2.clone()),
                        works: Vec::new(),
                        weight: 1.0,
                        newman: 1.0,
                    });
                }
            }
            Shape::Projection => {
                let mut on_work: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); work_list.len()];
                for (p, w, _) in &appearances {
                    on_work[*w].insert(*p);
                }
                let mut pairs: BTreeMap<(usize, usize), (Vec<usize>, f64)> = BTreeMap::new();
                for (w, cast) in on_work.iter().enumerate() {
                    if cast.len() < 2 {
                        continue;
                    }
                    let share = 1.0 / (cast.len() - 1) as f64;
                    let cast: Vec<usize> = cast.iter().copied().collect();
                    for (i, &a) in cast.iter().enumerate() {
                        for &b in &cast[i + 1..] {
                            let e = pairs.entry((a, b)).or_default();
                            e.0.push(w);
                            e.1 += share;
                        }
                    }
                }
                for ((a, b), (mut ws, newman)) in pairs {
                    ws.sort_by(|&x, &y| explorer.release_order(works[x], works[y]));
                    edges.push(NetworkEdge {
                        source: a,
                        target: b,
                        credit: None,
                        weight: ws.len() as f64,
                        works: ws,
                        newman,
                    });
                }
            }
        }
        Network {
            shape,
            nodes,
            edges,
            appearances,
            works: work_list,
        }
    }

    /// The shape.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    /// use hallyu::export::{Network, Shape};
    ///
    /// let explorer = Explorer::bundled();
    /// let net = Network::new(&explorer, &Filter::new().years(2009..=2009), Shape::Projection);
    /// assert_eq!(net.shape(), Shape::Projection);
    /// ```
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// The nodes: people first (in id order), then works.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{Network, Shape, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
    /// let keys: Vec<&str> = net.nodes().iter().map(|n| n.key.as_str()).collect();
    /// let at = |key: &str| keys.iter().position(|k| *k == key).unwrap();
    /// assert!(at("sandara-park") < at("kiss") && at("lee-min-ho") < at("kiss")); // people first
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn nodes(&self) -> &[NetworkNode] {
        &self.nodes
    }

    /// The edges, by source then target.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{Network, Shape, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
    /// let min_ho = net.nodes().iter().position(|n| n.key == "lee-min-ho").unwrap();
    /// let works: Vec<&str> = net
    ///     .edges()
    ///     .iter()
    ///     .filter(|e| e.source == min_ho)
    ///     .map(|e| net.nodes()[e.target].label.as_str())
    ///     .collect();
    /// assert_eq!(works, ["Cass 2X CF", "Kiss"]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn edges(&self) -> &[NetworkEdge] {
        &self.edges
    }

    /// The works the filter admits, by index: what
    /// [`NetworkEdge::works`] and [`Network::credits`] refer to.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{Network, Shape, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Projection)?;
    /// let titles: Vec<&str> = net.works().iter().map(|w| w.title.as_str()).collect();
    /// assert_eq!(titles, ["Cass 2X CF", "Kiss"]); // Kiss and its tie-in
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn works(&self) -> &[NetworkWork] {
        &self.works
    }

    /// Every admitted credit between a person and a work, in credit order
    /// (several a pair when a person has several roles): `(person node,
    /// work index in` [`Network::works`]`, credit)`. What the CSV edge list
    /// writes, whatever the shape.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{Network, Shape, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Projection)?;
    /// let dara = net.nodes().iter().position(|n| n.key == "sandara-park").unwrap();
    /// let kiss = net.works().iter().position(|w| w.key == "kiss").unwrap();
    /// let roles: Vec<&str> = net
    ///     .credits()
    ///     .iter()
    ///     .filter(|(p, w, _)| *p == dara && *w == kiss)
    ///     .map(|(_, _, c)| c.role.as_str())
    ///     .collect();
    /// assert_eq!(roles, ["performer", "cast"]);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn credits(&self) -> &[(usize, usize, NetworkCredit)] {
        &self.appearances
    }

    /// The key and title of the works of an edge, oldest first.
    pub(crate) fn edge_works<'a>(
        &'a self,
        e: &'a NetworkEdge,
    ) -> impl Iterator<Item = &'a NetworkWork> + 'a {
        e.works.iter().map(|&w| &self.works[w])
    }
}

/// The type of an attribute column, as the typed formats (GraphML, GEXF)
/// declare it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Type {
    Text,
    Int,
    Float,
    Bool,
}

impl Type {
    /// The name GraphML (`attr.type`) and GEXF (`type`) give the type:
    /// `string`, `double`, `boolean`, and the format's own `int` word.
    pub(crate) fn name(self, int: &'static str) -> &'static str {
        match self {
            Type::Text => "string",
            Type::Int => int,
            Type::Float => "double",
            Type::Bool => "boolean",
        }
    }
}

/// The attribute columns of every node (besides its key and label), in
/// the order the typed formats declare them.
pub(crate) const NODE_COLUMNS: &[(&str, Type)] = &[
    ("kind", Type::Text),
    ("bipartite", Type::Int),
    ("hangul", Type::Text),
    ("aliases", Type::Text),
    ("work_kind", Type::Text),
    ("year", Type::Int),
    ("born", Type::Int),
];

/// The attribute columns of a credit, the edge of the bipartite shape.
pub(crate) const CREDIT_COLUMNS: &[(&str, Type)] = &[
    ("role", Type::Text),
    ("role_kind", Type::Text),
    ("billing", Type::Text),
    ("character", Type::Text),
    ("via", Type::Text),
    ("unverified", Type::Bool),
];

/// The attribute columns of a pair, the edge of the projection (besides
/// its weight).
pub(crate) const PAIR_COLUMNS: &[(&str, Type)] = &[
    ("shared", Type::Int),
    ("newman", Type::Float),
    ("works", Type::Text),
    ("titles", Type::Text),
];

/// Formats a float as the exports write it: integers without a fraction
/// are written `2.0`, others with up to 12 significant decimals.
pub(crate) fn float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.1}")
    } else {
        let s = format!("{x:.12}");
        let s = s.trim_end_matches('0');
        s.to_string()
    }
}

/// Escapes text for XML content and attribute values.
pub(crate) fn xml(s: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(s)
}

/// The colours and shape the DOT style sheet gives a node: (fill, stroke,
/// GEXF shape, yEd shape).
pub(crate) fn node_style(
    kind: NetworkNodeKind,
) -> (&'static str, &'static str, &'static str, &'static str) {
    use super::diagram::{Emphasis, NodeKind};
    let look = match kind {
        NetworkNodeKind::Person => super::style::node_look(NodeKind::Person, Emphasis::Normal),
        NetworkNodeKind::Work(k) => super::style::node_look(NodeKind::Work(k), Emphasis::Normal),
    };
    match kind {
        NetworkNodeKind::Person => (look.fill, look.stroke, "disc", "roundrectangle"),
        NetworkNodeKind::Work(_) => (look.fill, look.stroke, "square", "rectangle"),
    }
}

/// `#RRGGBB` as three bytes.
pub(crate) fn rgb(hex: &str) -> (u8, u8, u8) {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    (byte(0), byte(2), byte(4))
}
