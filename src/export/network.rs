//! [`Network`]: the part of an explorer that the file exports write, in one
//! of two shapes — the person–work (bipartite) graph with roles, or the
//! person projection whose edges keep the linking works and the weights.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{CreditId, Entity, GroupId, PersonId, WorkId};
use crate::model::{
    Billing, Confidence, GroupKind, OrganisationKind, PartialDate, Role, RoleKind, WorkKind,
};

use super::View;

mod columns;
pub(crate) use columns::{
    CREDIT_COLUMNS, NODE_COLUMNS, PAIR_COLUMNS, Type, credit_values, float, node_style,
    node_values, rgb, xml, xml_label,
};

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
    /// The whole graph: every person, group, work (that the filter admits)
    /// and organisation is a node, and every stored credit between them is
    /// an edge with its key (`c0`, `c1`, …, in credit order), so that two
    /// credits of one person on one work are two parallel edges, as
    /// NetworkX's `MultiGraph` reads them. Memberships (with their years),
    /// label contracts and links between works are edges too. Every
    /// credit is kept, whatever its role or confidence: the role and the
    /// confidence are attributes.
    #[default]
    Bipartite,
    /// The person view: people only, one edge per pair who share a work
    /// (under the filter, a group's credit counting for the members of the
    /// work's year), with the shared works, their number and Newman's
    /// collaboration weight. Groups, organisations and the credits
    /// themselves are not in it.
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
    /// A group of this kind (the whole graph only).
    Group(GroupKind),
    /// A work of this kind.
    Work(WorkKind),
    /// An organisation of this kind (the whole graph only).
    Organisation(OrganisationKind),
}

/// A node of a [`Network`]: a person, group, work or organisation, with
/// what the exports write about it.
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
    /// A work's full date of release, when the source gives more than the
    /// year (`2008-08-19`).
    pub released: Option<PartialDate>,
    /// How sure the sources are about the record.
    pub confidence: Confidence,
    /// Where the record is stated (URLs).
    pub sources: Vec<String>,
    /// Free-form remarks.
    pub notes: Option<String>,
}

impl NetworkNode {
    /// `0` for people, `1` for works: NetworkX's `bipartite` attribute;
    /// `None` for groups and organisations (take the subgraph of the nodes
    /// that have it for NetworkX's bipartite algorithms).
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
    /// assert_eq!(node("lee-min-ho").bipartite(), Some(0));
    /// assert_eq!(node("kiss").bipartite(), Some(1));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn bipartite(&self) -> Option<u8> {
        match self.kind {
            NetworkNodeKind::Person => Some(0),
            NetworkNodeKind::Work(_) => Some(1),
            NetworkNodeKind::Group(_) | NetworkNodeKind::Organisation(_) => None,
        }
    }

    /// `person`, `group`, `work` or `organisation`.
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
            NetworkNodeKind::Group(_) => "group",
            NetworkNodeKind::Work(_) => "work",
            NetworkNodeKind::Organisation(_) => "organisation",
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
            _ => None,
        }
    }

    /// The word of a group's or organisation's kind (`boy-group`,
    /// `label`, …), as the data formats write it in `group_kind` and
    /// `organisation_kind`; `None` for people and works.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    /// use hallyu::export::{Network, Shape};
    ///
    /// let explorer = Explorer::bundled();
    /// let net = Network::new(&explorer, &Filter::new(), Shape::Bipartite);
    /// let node = |key: &str| net.nodes().iter().find(|n| n.key == key).unwrap();
    /// assert_eq!(node("2ne1").kind_word(), Some("girl-group"));
    /// assert_eq!(node("park-seo-joon").kind_word(), None);
    /// ```
    pub fn kind_word(&self) -> Option<&'static str> {
        match self.kind {
            NetworkNodeKind::Group(k) => Some(k.word()),
            NetworkNodeKind::Organisation(k) => Some(k.word()),
            _ => None,
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

/// A credit, as the whole graph writes it: a person's or a group's on a
/// work, a membership, a contract, a link between works.
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
    /// The song of a soundtrack credit, when known.
    pub song: Option<String>,
    /// The first year of a membership, when known.
    pub since: Option<i32>,
    /// The last year of a membership that ended.
    pub until: Option<i32>,
    /// The key of the group whose credit this is, when the person counts as
    /// its member ([`Network::credits`] only: the whole graph's edges are
    /// the stored credits, the group's own among them).
    pub via: Option<String>,
    /// Whether the credit is kept only as an unverified claim.
    pub unverified: bool,
    /// How sure the sources are.
    pub confidence: Confidence,
    /// Where the credit is stated (URLs).
    pub sources: Vec<String>,
    /// Free-form remarks.
    pub notes: Option<String>,
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
    /// The key of the edge among the edges between the same two nodes
    /// (unique in the network): `c` and the credit's position for a credit
    /// of the whole graph, `p` and the edge's position in the projection.
    pub key: String,
    /// The credit's subject (a person, a group, a work), or the first
    /// person in the projection.
    pub source: usize,
    /// The credit's object (a work, a group, an organisation), or the
    /// second person in the projection.
    pub target: usize,
    /// The whole graph's credit; `None` in the projection.
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
/// In the whole graph ([`Shape::Bipartite`]) every record is a node and
/// every stored credit an edge. [`Network::credits`] is the person view
/// of the same credits: a group's credit on a work becomes a credit of
/// each member of the work's year, marked `via` the group (as
/// co-appearances count it); the projection is built from it.
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
    /// Every record (every work the filter admits: its kinds and years)
    /// and, in the whole graph, every stored credit between them; in the
    /// projection, the people and the pairs the filter's credits make.
    ///
    /// The projection is built whatever its size, which grows with the
    /// square of the largest casts: check
    /// [`Projection::check`](crate::query::answer::Projection::check) first
    /// on data with huge casts, as `hallyu export --projection` does.
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
    /// let all = Network::new(&explorer, &Filter::new(), Shape::Bipartite);
    /// assert_eq!(all.edges().len(), explorer.credits().len()); // every credit
    /// ```
    pub fn new(explorer: &Explorer, filter: &Filter, shape: Shape) -> Network {
        let people: Vec<PersonId> = explorer.people().collect();
        let works: Vec<WorkId> = explorer
            .works()
            .filter(|&w| explorer.admits(w, filter))
            .collect();
        let mut others: Vec<Entity> = explorer.groups().map(Entity::from).collect();
        others.extend(explorer.organisations().map(Entity::from));
        Network::build(explorer, filter, shape, &people, &works, &others)
    }

    /// The records a [`View`] shows (its groups' members are not added),
    /// with the credits between them (in the projection, those the view's
    /// filter admits).
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
        let mut others = BTreeSet::new();
        for n in &diagram.nodes {
            match explorer.by_key(&n.key) {
                Some(Entity::Person(p)) => {
                    people.insert(p);
                }
                Some(Entity::Work(w)) => {
                    works.insert(w);
                }
                Some(other) => {
                    others.insert(other);
                }
                None => {}
            }
        }
        let people: Vec<PersonId> = people.into_iter().collect();
        let works: Vec<WorkId> = works.into_iter().collect();
        let others: Vec<Entity> = others.into_iter().collect();
        Ok(Network::build(
            explorer,
            view.filter_ref(),
            shape,
            &people,
            &works,
            &others,
        ))
    }

    fn build(
        explorer: &Explorer,
        filter: &Filter,
        shape: Shape,
        people: &[PersonId],
        works: &[WorkId],
        others: &[Entity],
    ) -> Network {
        let mut nodes = Vec::new();
        let mut node_of: HashMap<Entity, usize> = HashMap::new();
        let mut person_node = HashMap::new();
        for &p in people {
            let r = explorer.get(p);
            let record = r.record();
            person_node.insert(p, nodes.len());
            node_of.insert(p.into(), nodes.len());
            nodes.push(NetworkNode {
                entity: p.into(),
                key: r.key().into_owned(),
                label: r.name().to_string(),
                hangul: r.hangul().map(str::to_string),
                aliases: r.aliases().map(str::to_string).collect(),
                kind: NetworkNodeKind::Person,
                year: None,
                born: r.born(),
                released: None,
                confidence: confidence_of(record.map(|x| x.confidence), r.is_unverified()),
                sources: record.map(|x| x.sources.clone()).unwrap_or_default(),
                notes: record.and_then(|x| x.notes.clone()),
            });
        }
        if shape == Shape::Bipartite {
            for &e in others {
                if let Entity::Group(g) = e {
                    let r = explorer.get(g);
                    let record = r.record();
                    node_of.insert(e, nodes.len());
                    nodes.push(NetworkNode {
                        entity: e,
                        key: r.key().into_owned(),
                        label: r.name().to_string(),
                        hangul: r.hangul().map(str::to_string),
                        aliases: r.aliases().map(str::to_string).collect(),
                        kind: NetworkNodeKind::Group(record.map_or(GroupKind::Band, |x| x.kind)),
                        year: None,
                        born: None,
                        released: None,
                        confidence: confidence_of(record.map(|x| x.confidence), r.is_unverified()),
                        sources: record.map(|x| x.sources.clone()).unwrap_or_default(),
                        notes: record.and_then(|x| x.notes.clone()),
                    });
                }
            }
        }
        let mut work_node = HashMap::new();
        let mut work_list = Vec::new();
        for &w in works {
            let r = explorer.get(w);
            let record = r.record();
            work_node.insert(w, work_list.len());
            work_list.push(NetworkWork {
                key: r.key().into_owned(),
                title: r.title().to_string(),
                year: r.year(),
                kind: r.kind(),
            });
            if shape == Shape::Bipartite {
                node_of.insert(w.into(), nodes.len());
                nodes.push(NetworkNode {
                    entity: w.into(),
                    key: r.key().into_owned(),
                    label: r.title().to_string(),
                    hangul: r.hangul().map(str::to_string),
                    aliases: r.aliases().map(str::to_string).collect(),
                    kind: NetworkNodeKind::Work(r.kind()),
                    year: r.year(),
                    born: None,
                    released: r.released().filter(|d| d.month.is_some()),
                    confidence: confidence_of(record.map(|x| x.confidence), r.is_unverified()),
                    sources: record.map(|x| x.sources.clone()).unwrap_or_default(),
                    notes: record.and_then(|x| x.notes.clone()),
                });
            }
        }
        if shape == Shape::Bipartite {
            for &e in others {
                if let Entity::Organisation(o) = e {
                    let r = explorer.get(o);
                    let record = r.record();
                    node_of.insert(e, nodes.len());
                    nodes.push(NetworkNode {
                        entity: e,
                        key: r.key().into_owned(),
                        label: r.name().to_string(),
                        hangul: r.hangul().map(str::to_string),
                        aliases: r.aliases().map(str::to_string).collect(),
                        kind: NetworkNodeKind::Organisation(
                            record.map_or(OrganisationKind::Label, |x| x.kind),
                        ),
                        year: None,
                        born: None,
                        released: None,
                        confidence: confidence_of(record.map(|x| x.confidence), r.is_unverified()),
                        sources: record.map(|x| x.sources.clone()).unwrap_or_default(),
                        notes: record.and_then(|x| x.notes.clone()),
                    });
                }
            }
        }
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
        let appearances: Vec<(usize, usize, NetworkCredit)> = apps
            .iter()
            .map(|&(c, p, w, via)| (p, w, credit_of(explorer, c, via)))
            .collect();
        let mut edges = Vec::new();
        match shape {
            Shape::Bipartite => {
                // Every stored credit between two nodes, in credit order.
                for (i, c) in explorer.credits().enumerate() {
                    let r = explorer.get(c);
                    let (Some(&source), Some(&target)) =
                        (node_of.get(&r.from()), node_of.get(&r.to()))
                    else {
                        continue;
                    };
                    edges.push(NetworkEdge {
                        key: format!("c{i}"),
                        source,
                        target,
                        credit: Some(credit_of(explorer, c, None)),
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
                for (i, ((a, b), (mut ws, newman))) in pairs.into_iter().enumerate() {
                    ws.sort_by(|&x, &y| explorer.release_order(works[x], works[y]));
                    edges.push(NetworkEdge {
                        key: format!("p{i}"),
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

/// The confidence of a record or credit: its stored record's, else
/// what the columns say (unverified or confirmed).
fn confidence_of(stored: Option<Confidence>, unverified: bool) -> Confidence {
    stored.unwrap_or(if unverified {
        Confidence::Unverified
    } else {
        Confidence::Confirmed
    })
}

/// A credit as the exports write it.
fn credit_of(explorer: &Explorer, c: CreditId, via: Option<GroupId>) -> NetworkCredit {
    let cr = explorer.get(c);
    let role = cr.role();
    let (billing, character, song, since, until) = match role.as_ref() {
        Role::Cast { billing, character } => (Some(*billing), character.clone(), None, None, None),
        Role::Other { character, .. } => (None, character.clone(), None, None, None),
        Role::Soundtrack { song } => (None, None, song.clone(), None, None),
        Role::Member { since, until } => (None, None, None, *since, *until),
        _ => (None, None, None, None, None),
    };
    let record = cr.record();
    NetworkCredit {
        credit: c,
        role: role.word().to_string(),
        role_kind: cr.role_kind(),
        billing,
        character,
        song,
        since,
        until,
        via: via.map(|g| explorer.key(g.into()).into_owned()),
        unverified: cr.is_unverified(),
        confidence: confidence_of(record.map(|x| x.confidence), cr.is_unverified()),
        sources: record.map(|x| x.sources.clone()).unwrap_or_default(),
        notes: record.and_then(|x| x.notes.clone()),
    }
}
