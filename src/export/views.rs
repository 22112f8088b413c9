//! Views: which part of an [`Explorer`] a [`Diagram`] shows.

use std::collections::{BTreeSet, HashMap};

use crate::explorer::Explorer;
use crate::export::diagram::{
    CLUSTER_COLOURS, Diagram, DiagramEdge, DiagramNode, Emphasis, NodeKind,
};

use crate::filter::Filter;
use crate::id::{CreditId, Entity, PersonId, WorkId};
use crate::model::Role;
use crate::query::CommunityOptions;
use crate::query::answer::{self, Communities};
use crate::query::costars::Credited;

/// The largest number of hops a neighbourhood view expands, whatever is
/// asked: beyond it a picture of this graph is the whole component anyway,
/// and too large to read.
///
/// Views bound hops, not people: they are meant for pictures of the bundled
/// catalog. On a large imported dataset, a neighbourhood view of a
/// well-connected person can hold most of the graph; take
/// [`Explorer::neighbourhood`] first (capped at
/// [`NeighbourhoodOptions::get_max_people`](crate::query::NeighbourhoodOptions::get_max_people)
/// people) and draw a view of that.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{View, MAX_VIEW_HOPS};
///
/// let explorer = Explorer::bundled();
/// let iu = explorer.person("IU")?;
/// let far = View::neighbourhood(iu, 100).diagram(&explorer)?;
/// assert!(far.title.ends_with(&format!("within {MAX_VIEW_HOPS} hops")));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const MAX_VIEW_HOPS: usize = 6;

/// The most people a communities view draws by default
/// ([`View::communities`]): every member of the bundled data's ten
/// communities (149 people), and a picture still legible beyond it.
///
/// # Example
///
/// ```
/// use hallyu::export::{COMMUNITY_PEOPLE, MAX_COMMUNITY_PEOPLE};
///
/// assert!(COMMUNITY_PEOPLE <= MAX_COMMUNITY_PEOPLE);
/// ```
pub const COMMUNITY_PEOPLE: usize = 150;

/// The most people a communities view draws whatever is asked
/// ([`View::max_people`]): beyond, no layout keeps a picture readable.
///
/// # Example
///
/// ```
/// use hallyu::export::{MAX_COMMUNITY_PEOPLE, View};
/// use hallyu::query::CommunityOptions;
///
/// let explorer = hallyu::Explorer::bundled();
/// let d = View::communities(CommunityOptions::new()).max_people(1_000_000).diagram(&explorer)?;
/// assert!(d.nodes.iter().filter(|n| n.cluster.is_some()).count() <= MAX_COMMUNITY_PEOPLE);
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const MAX_COMMUNITY_PEOPLE: usize = 1_000;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Subject {
    Catalog,
    /// The resolution (as bits, so that the view stays `Eq`) and the seed.
    Communities {
        resolution: u64,
        seed: u64,
    },
    Neighbourhood(PersonId),
    Path(PersonId, PersonId),
    Pair(PersonId, PersonId),
    Work(WorkId),
}

/// What a picture shows: built with one of the constructors, refined with
/// the option methods, drawn with [`View::diagram`].
///
/// * [`View::catalog`]: everything the filter admits (people, groups, works,
///   memberships; organisations with [`View::organisations`]);
/// * [`View::neighbourhood`]: a person and everyone within `hops` shared
///   works, with the works that link them;
/// * [`View::path`]: a shortest path, its hops highlighted, optionally with
///   the neighbourhood around it faded ([`View::context`]);
/// * [`View::pair`]: two people side by side with the works they share (or
///   the path between them when they share none);
/// * [`View::work`]: a work with everyone and everything credited on it.
///
/// # Example
///
/// ```
/// use hallyu::{Explorer, Filter};
/// use hallyu::export::{Emphasis, View};
///
/// let explorer = Explorer::bundled();
/// let a = explorer.person("Park Seo-joon")?;
/// let b = explorer.person("Choi Woo-shik")?;
/// let diagram = View::path(a, b).diagram(&explorer)?;
/// assert_eq!(diagram.nodes.iter().filter(|n| n.emphasis == Emphasis::Highlight).count(), 3);
/// assert!(diagram.title.contains("Park Seo-joon"));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    subject: Subject,
    filter: Filter,
    hops: usize,
    context: usize,
    organisations: bool,
    collection: Option<String>,
    title: Option<String>,
    top: usize,
    max_people: usize,
}

impl View {
    fn new(subject: Subject) -> View {
        View {
            subject,
            filter: Filter::new(),
            hops: 1,
            context: 0,
            organisations: false,
            collection: None,
            title: None,
            top: CLUSTER_COLOURS,
            max_people: COMMUNITY_PEOPLE,
        }
    }

    /// The communities of the filter's co-appearance graph
    /// ([`Explorer::communities`] with these options), one colour each: the
    /// members of the largest ones ([`View::top`], at most
    /// [`CLUSTER_COLOURS`], all by default) up to [`View::max_people`]
    /// people, and the works that link two of them. Each person is filled
    /// with the colour of their community ([`DiagramNode::cluster`]), the
    /// works and their links faded and unlabelled; the legend names each
    /// community by its suggested name
    /// ([`answer::Community::name`](crate::query::answer::Community)).
    ///
    /// When the communities shown hold more people than drawn, each keeps
    /// its share of the places (the smaller ones all their members): its
    /// member most tied to the others (the most credits on works shared
    /// with other members) and those nearest them in the community,
    /// strongest ties first, so that each stays a connected group; the
    /// title's second line says how many people and communities were left
    /// out.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    /// use hallyu::query::CommunityOptions;
    ///
    /// let explorer = Explorer::bundled();
    /// let d = View::communities(CommunityOptions::new().seed(0)).diagram(&explorer)?;
    /// assert_eq!(d.clusters.len(), 10);
    /// let of = |key: &str| d.nodes[d.node_index(key).unwrap()].cluster;
    /// assert_eq!(of("g-dragon"), of("taeyang")); // BIGBANG
    /// assert_ne!(of("g-dragon"), of("park-seo-joon"));
    /// assert!(d.title.starts_with("10 communities"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn communities(options: CommunityOptions) -> View {
        View::new(Subject::Communities {
            resolution: options.get_resolution().to_bits(),
            seed: options.get_seed(),
        })
    }

    /// How many communities a communities view draws, the largest first
    /// (default and at most [`CLUSTER_COLOURS`], one colour each; at
    /// least 1).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    /// use hallyu::query::CommunityOptions;
    ///
    /// let explorer = Explorer::bundled();
    /// let d = View::communities(CommunityOptions::new()).top(2).diagram(&explorer)?;
    /// assert!(d.nodes.iter().all(|n| n.cluster.is_none_or(|c| c < 2)));
    /// assert!(d.title.contains("8 smaller communities left out"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn top(mut self, communities: usize) -> View {
        self.top = communities.clamp(1, CLUSTER_COLOURS);
        self
    }

    /// The most people a communities view draws (default
    /// [`COMMUNITY_PEOPLE`], at most [`MAX_COMMUNITY_PEOPLE`], at least 1).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    /// use hallyu::query::CommunityOptions;
    ///
    /// let explorer = Explorer::bundled();
    /// let d = View::communities(CommunityOptions::new()).max_people(30).diagram(&explorer)?;
    /// assert_eq!(d.nodes.iter().filter(|n| n.cluster.is_some()).count(), 30);
    /// assert!(d.title.contains("30 of their 149 people drawn"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn max_people(mut self, people: usize) -> View {
        self.max_people = people.clamp(1, MAX_COMMUNITY_PEOPLE);
        self
    }

    /// Everything the filter admits.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{NodeKind, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let all = View::catalog().diagram(&explorer)?;
    /// assert_eq!(all.title, "Who appeared with whom");
    /// assert!(all.node_index("park-seo-joon").is_some());
    /// assert!(all.nodes.iter().any(|n| n.kind == NodeKind::Group));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn catalog() -> View {
        View::new(Subject::Catalog)
    }

    /// A person and everyone within `hops` shared works (at most
    /// [`MAX_VIEW_HOPS`]; the number of people is not capped, see there).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{Emphasis, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// let d = View::neighbourhood(iu, 1).diagram(&explorer)?;
    /// assert_eq!(d.title, "IU and everyone within 1 hop");
    /// let centre = &d.nodes[d.node_index("iu").unwrap()];
    /// assert_eq!(centre.emphasis, Emphasis::Highlight);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn neighbourhood(person: PersonId, hops: usize) -> View {
        View {
            hops: hops.min(MAX_VIEW_HOPS),
            ..View::new(Subject::Neighbourhood(person))
        }
    }

    /// A shortest path from `a` to `b`, highlighted.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("lee-min-ho")?;
    /// let b = explorer.person("Dara")?;
    /// let d = View::path(a, b).diagram(&explorer)?;
    /// assert_eq!(d.title, "Lee Min-ho → Sandara Park: 1 hop");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn path(a: PersonId, b: PersonId) -> View {
        View::new(Subject::Path(a, b))
    }

    /// Two people side by side with the works they share.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("Park Seo-joon")?;
    /// let b = explorer.person("Choi Woo-shik")?;
    /// let d = View::pair(a, b).diagram(&explorer)?;
    /// assert_eq!(d.title, "Park Seo-joon and Choi Woo-shik: 5 shared works");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn pair(a: PersonId, b: PersonId) -> View {
        View::new(Subject::Pair(a, b))
    }

    /// A work with all its credits.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let d = View::work(kiss).diagram(&explorer)?;
    /// assert_eq!(d.title, "Kiss (2009)\n1 unverified credit filtered out"); // its sequel
    /// assert!(d.node_index("lee-min-ho").is_some() && d.node_index("sandara-park").is_some());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn work(work: WorkId) -> View {
        View::new(Subject::Work(work))
    }

    /// Which credits count (default: [`Filter::new`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    /// use hallyu::export::{NodeKind, View};
    /// use hallyu::model::WorkKind;
    ///
    /// let explorer = Explorer::bundled();
    /// let mvs = Filter::new().kinds([WorkKind::MusicVideo]);
    /// let d = View::catalog().filter(mvs).diagram(&explorer)?;
    /// assert!(d.nodes.iter().all(|n| !matches!(n.kind, NodeKind::Work(k) if k != WorkKind::MusicVideo)));
    /// assert!(d.node_index("haru-haru").is_some());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn filter(mut self, filter: Filter) -> View {
        self.filter = filter;
        self
    }

    /// Around a path, also draw (faded) the people within this many hops of
    /// it, and the works that link them (default 0; at most
    /// [`MAX_VIEW_HOPS`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{Emphasis, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let a = explorer.person("lee-min-ho")?;
    /// let b = explorer.person("Dara")?;
    /// let bare = View::path(a, b).diagram(&explorer)?;
    /// let around = View::path(a, b).context(1).diagram(&explorer)?;
    /// assert!(bare.nodes.iter().all(|n| n.emphasis != Emphasis::Faded));
    /// assert!(around.nodes.iter().any(|n| n.emphasis == Emphasis::Faded));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn context(mut self, hops: usize) -> View {
        self.context = hops.min(MAX_VIEW_HOPS);
        self
    }

    /// Whether the catalog view also draws organisations (producers,
    /// broadcasters, brands) and their links (default: no).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::{NodeKind, View};
    ///
    /// let explorer = Explorer::bundled();
    /// let count = |v: View| {
    ///     let d = v.diagram(&explorer).unwrap();
    ///     d.nodes.iter().filter(|n| n.kind == NodeKind::Organisation).count()
    /// };
    /// assert_eq!(count(View::catalog()), 0);
    /// assert!(count(View::catalog().organisations(true)) > 0);
    /// ```
    pub fn organisations(mut self, yes: bool) -> View {
        self.organisations = yes;
        self
    }

    /// Draws only the works of a named collection (a work's
    /// `collections`, e.g. `article` for the twelve videos of the seed
    /// article) in the catalog view.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, export::View};
    ///
    /// let explorer = Explorer::bundled();
    /// let article = View::catalog().collection("article").diagram(&explorer)?;
    /// let works = article.nodes.iter().filter(|n| matches!(n.kind, hallyu::export::NodeKind::Work(_)));
    /// assert_eq!(works.count(), 12);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn collection(mut self, name: impl Into<String>) -> View {
        self.collection = Some(name.into());
        self
    }

    /// Replaces the generated title.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let d = View::work(kiss).title("Kiss, 2009").diagram(&explorer)?;
    /// assert_eq!(d.title, "Kiss, 2009");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> View {
        self.title = Some(title.into());
        self
    }

    /// The filter the view counts credits with (for the file exports).
    pub(crate) fn filter_ref(&self) -> &Filter {
        &self.filter
    }

    /// The options of a communities view (for the page, which then opens
    /// coloured by those communities).
    pub(crate) fn community_options(&self) -> Option<CommunityOptions> {
        match self.subject {
            Subject::Communities { resolution, seed } => Some(
                CommunityOptions::new()
                    .resolution(f64::from_bits(resolution))
                    .seed(seed),
            ),
            _ => None,
        }
    }

    /// Draws the view of `explorer`.
    ///
    /// # Errors
    ///
    /// Never for the catalog, neighbourhood, pair and work views; a path
    /// view of two people that no chain of works connects is an
    /// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) that says so.
    ///
    /// # Panics
    ///
    /// When the view names a person or a work of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let d = View::work(kiss).diagram(&explorer)?;
    /// let kiss_node = d.node_index("kiss").unwrap();
    /// assert!(d.edges.iter().all(|e| e.to == kiss_node || e.from == kiss_node));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn diagram(&self, explorer: &Explorer) -> crate::error::Result<Diagram> {
        match self.subject {
            Subject::Catalog | Subject::Communities { .. } => {}
            Subject::Neighbourhood(p) => explorer.check(p.into()),
            Subject::Path(a, b) | Subject::Pair(a, b) => explorer.check_all(&[a, b]),
            Subject::Work(w) => explorer.check(w.into()),
        }
        let mut b = Builder::new(explorer, &self.filter);
        let title = match &self.subject {
            Subject::Catalog => {
                b.catalog(self.organisations, self.collection.as_deref());
                "Who appeared with whom".to_string()
            }
            Subject::Communities { resolution, seed } => {
                let options = CommunityOptions::new()
                    .resolution(f64::from_bits(*resolution))
                    .seed(*seed);
                self.draw_communities(explorer, &options, &mut b)?
            }
            Subject::Neighbourhood(p) => {
                let people = explorer.people_within(&[*p], self.hops, &self.filter);
                b.people_and_links(&people, Emphasis::Normal);
                b.emphasise_person(*p);
                format!(
                    "{} and everyone within {} hop{}",
                    explorer.get(*p).name(),
                    self.hops,
                    plural(self.hops)
                )
            }
            Subject::Path(a, z) => {
                let Some(path) = explorer.shortest_path(*a, *z, &self.filter) else {
                    return Err(crate::error::Error::new(
                        crate::error::ErrorKind::NotFound {
                            what: "path",
                            query: format!(
                                "{} → {}",
                                explorer.get(*a).name(),
                                explorer.get(*z).name()
                            ),
                            suggestions: Vec::new(),
                        },
                    ));
                };
                if self.context > 0 {
                    let around = explorer.people_within(&path.people(), self.context, &self.filter);
                    b.people_and_links(&around, Emphasis::Faded);
                }
                b.path(path.steps());
                format!(
                    "{} → {}: {} hop{}",
                    explorer.get(*a).name(),
                    explorer.get(*z).name(),
                    path.len(),
                    plural(path.len())
                )
            }
            Subject::Pair(x, y) => {
                let shared = explorer.shared_works(*x, *y, &self.filter);
                if shared.is_empty() {
                    if let Some(path) = explorer.shortest_path(*x, *y, &self.filter) {
                        b.path(path.steps());
                    } else {
                        b.person(*x, Emphasis::Highlight);
                        b.person(*y, Emphasis::Highlight);
                    }
                } else {
                    for s in &shared {
                        b.appearance(*x, s.work, s.left, Emphasis::Highlight);
                        b.appearance(*y, s.work, s.right, Emphasis::Highlight);
                    }
                }
                format!(
                    "{} and {}: {} shared work{}",
                    explorer.get(*x).name(),
                    explorer.get(*y).name(),
                    shared.len(),
                    plural(shared.len())
                )
            }
            Subject::Work(w) => {
                b.work_credits(*w);
                let credits = explorer.credits_on(*w);
                let hidden = credits.iter().filter(|&&c| !b.admitted(c)).count();
                let label = explorer.label(Entity::Work(*w));
                match hidden {
                    0 => label,
                    n if n == credits.len() => format!(
                        "{label}\n{} unverified and filtered out",
                        if n == 1 {
                            "its one credit is".to_string()
                        } else {
                            format!("all {n} credits are")
                        }
                    ),
                    n => format!("{label}\n{n} unverified credit{} filtered out", plural(n)),
                }
            }
        };
        let clusters = std::mem::take(&mut b.clusters);
        let mut diagram = b.finish();
        diagram.clusters = clusters;
        diagram.title = self.title.clone().unwrap_or(title);
        disambiguate(&mut diagram);
        Ok(diagram)
    }
}

impl View {
    /// Fills `b` with the communities' members and the works that link
    /// them, and gives the title.
    fn draw_communities(
        &self,
        explorer: &Explorer,
        options: &CommunityOptions,
        b: &mut Builder<'_>,
    ) -> crate::error::Result<String> {
        let found = explorer.communities(options, &self.filter)?;
        let shown = self.top.min(found.len());
        let named = Communities::of_partition(
            explorer,
            &found,
            options,
            &self.filter,
            &answer::Options::new().limit(shown),
        );
        // Each community its share of the places, the smallest first, so
        // that what a small one leaves goes to the larger ones.
        let mut by_size: Vec<usize> = (0..shown).collect();
        by_size.sort_by_key(|&c| (found.members(c).len(), c));
        let mut places = vec![0; shown];
        let mut left = self.max_people;
        for (i, &c) in by_size.iter().enumerate() {
            places[c] = found.members(c).len().min(left / (shown - i));
            left -= places[c];
        }
        let mut drawn: Vec<(PersonId, usize)> = Vec::new();
        for (c, &n) in places.iter().enumerate() {
            let members = found.members(c);
            let chosen = if members.len() <= n {
                members.to_vec()
            } else {
                connected_part(explorer, members, n, &self.filter)
            };
            drawn.extend(chosen.into_iter().map(|p| (p, c)));
        }
        let people: Vec<PersonId> = drawn.iter().map(|&(p, _)| p).collect();
        // The works and links faded, so that the communities' colours
        // stand out; the people drawn normally over them.
        b.people_and_links(&people, Emphasis::Faded);
        // Who links whom is the picture; characters' names would crowd it.
        for e in &mut b.diagram.edges {
            e.label.clear();
        }
        for &(p, c) in &drawn {
            let i = b.person(p, Emphasis::Normal);
            b.diagram.nodes[i].cluster = Some(c);
        }
        b.clusters = named.list.iter().map(|c| c.name.clone()).collect();
        let total: usize = (0..shown).map(|c| found.members(c).len()).sum();
        let mut title = format!(
            "{} communit{} of {} people, modularity {:.2}",
            found.len(),
            if found.len() == 1 { "y" } else { "ies" },
            named.people,
            found.modularity()
        );
        let mut left_out = Vec::new();
        if people.len() < total {
            left_out.push(format!(
                "{} of their {total} people drawn (around each community's centre)",
                people.len()
            ));
        }
        if found.len() > shown {
            let more = found.len() - shown;
            left_out.push(format!(
                "{more} smaller communit{} left out",
                if more == 1 { "y" } else { "ies" }
            ));
        }
        if !left_out.is_empty() {
            title = format!("{title}\nthe {shown} largest: {}", left_out.join("; "));
        }
        Ok(title)
    }
}

/// `n` members of a community (fewer than it holds) that hang together:
/// from the member most tied to the others (the most credits on works
/// shared with other members, a work with `m` members counting `m - 1`;
/// then the most works, then by name), a breadth-first walk over the
/// community's co-stars, strongest first, so that a community cut to its
/// share of a picture stays a connected group around its centre rather
/// than a scatter. Work proportional to the members' credits and the
/// co-stars of those taken.
fn connected_part(
    explorer: &Explorer,
    members: &[PersonId],
    n: usize,
    filter: &Filter,
) -> Vec<PersonId> {
    let works: Vec<Vec<WorkId>> = members
        .iter()
        .map(|&p| {
            let mut w: Vec<WorkId> = explorer
                .works_of(p, filter)
                .into_iter()
                .map(|(w, _)| w)
                .collect();
            w.sort_unstable();
            w.dedup();
            w
        })
        .collect();
    let mut on: HashMap<WorkId, usize> = HashMap::new();
    for w in works.iter().flatten() {
        *on.entry(*w).or_default() += 1;
    }
    let mut ranked: Vec<(usize, usize, PersonId)> = members
        .iter()
        .zip(&works)
        .map(|(&p, ws)| (ws.iter().map(|w| on[w] - 1).sum(), ws.len(), p))
        .collect();
    ranked.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(y.1.cmp(&x.1))
            .then_with(|| crate::query::by_name(explorer, x.2.0, y.2.0))
    });
    let inside: BTreeSet<PersonId> = members.iter().copied().collect();
    let mut taken: BTreeSet<PersonId> = BTreeSet::new();
    let mut out = Vec::with_capacity(n);
    // A community is connected, so one walk reaches every member; the
    // ranking restarts it should a filter have cut it.
    for &(_, _, start) in &ranked {
        if out.len() >= n {
            break;
        }
        if !taken.insert(start) {
            continue;
        }
        let mut queue = std::collections::VecDeque::from([start]);
        out.push(start);
        while let Some(p) = queue.pop_front() {
            for co in explorer.co_appearances(p, filter).iter() {
                if out.len() >= n {
                    return out;
                }
                if inside.contains(&co.person) && taken.insert(co.person) {
                    out.push(co.person);
                    queue.push_back(co.person);
                }
            }
        }
    }
    out.truncate(n);
    out
}

/// Labels people by name only, and adds the id as a second line where two
/// people drawn in the same picture share a label.
fn disambiguate(diagram: &mut Diagram) {
    // `Explorer::label` tells homonyms of the whole catalog apart with
    // ` [id]` after the name; a picture only needs that when both are drawn.
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut homonym = vec![None; diagram.nodes.len()];
    for (i, n) in diagram.nodes.iter_mut().enumerate() {
        let tag = format!(" [{}]", n.key);
        if n.kind == NodeKind::Person
            && let Some(at) = n.label.find(&tag)
        {
            let name = n.label[..at].to_string();
            n.label = n.label.replacen(&tag, "", 1);
            *names.entry(name.clone()).or_default() += 1;
            homonym[i] = Some(name);
        }
    }
    for (n, name) in diagram.nodes.iter_mut().zip(homonym) {
        if name.is_some_and(|name| names[&name] > 1) {
            n.label = format!("{}\n{}", n.label, n.key);
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Adds nodes and edges without duplicates, keeping the strongest emphasis.
struct Builder<'a> {
    explorer: &'a Explorer,
    filter: &'a Filter,
    diagram: Diagram,
    nodes: HashMap<Entity, usize>,
    edges: HashMap<(usize, usize), usize>,
    clusters: Vec<String>,
}

impl<'a> Builder<'a> {
    fn new(explorer: &'a Explorer, filter: &'a Filter) -> Builder<'a> {
        Builder {
            explorer,
            filter,
            diagram: Diagram::default(),
            nodes: HashMap::new(),
            edges: HashMap::new(),
            clusters: Vec::new(),
        }
    }

    fn node(&mut self, e: Entity, emphasis: Emphasis) -> usize {
        let ex = self.explorer;
        let i = *self.nodes.entry(e).or_insert_with(|| {
            let kind = match e {
                Entity::Person(_) => NodeKind::Person,
                Entity::Group(_) => NodeKind::Group,
                Entity::Work(w) => NodeKind::Work(ex.get(w).kind()),
                Entity::Organisation(_) => NodeKind::Organisation,
            };
            self.diagram.nodes.push(DiagramNode {
                key: ex.key(e).to_string(),
                kind,
                label: ex.label(e),
                emphasis: Emphasis::Faded,
                cluster: None,
            });
            self.diagram.nodes.len() - 1
        });
        let node = &mut self.diagram.nodes[i];
        node.emphasis = stronger(node.emphasis, emphasis);
        i
    }

    fn person(&mut self, p: PersonId, emphasis: Emphasis) -> usize {
        self.node(Entity::Person(p), emphasis)
    }

    fn emphasise_person(&mut self, p: PersonId) {
        self.person(p, Emphasis::Highlight);
    }

    fn edge(
        &mut self,
        from: Entity,
        to: Entity,
        credit: CreditId,
        via: Option<String>,
        emphasis: Emphasis,
    ) {
        let (a, b) = (self.node(from, emphasis), self.node(to, emphasis));
        let ex = self.explorer;
        let c = ex.get(credit);
        let role = c.role();
        let label = match (via, role.as_ref()) {
            (Some(group), _) => format!("via {group}"),
            (
                None,
                Role::Cast {
                    character: Some(ch),
                    ..
                },
            ) => ch.clone(),
            (None, Role::Soundtrack { song: Some(s) }) => format!("OST “{s}”"),
            _ => String::new(),
        };
        match self.edges.get(&(a, b)) {
            Some(&i) => {
                let e = &mut self.diagram.edges[i];
                e.emphasis = stronger(e.emphasis, emphasis);
            }
            None => {
                self.diagram.edges.push(DiagramEdge {
                    from: a,
                    to: b,
                    role: c.role_kind(),
                    label,
                    unverified: c.is_unverified(),
                    emphasis,
                });
                self.edges.insert((a, b), self.diagram.edges.len() - 1);
            }
        }
    }

    fn appearance(&mut self, p: PersonId, w: WorkId, how: Credited, emphasis: Emphasis) {
        let via = how.via.map(|g| self.explorer.get(g).name().to_string());
        self.edge(
            Entity::Person(p),
            Entity::Work(w),
            how.credit,
            via,
            emphasis,
        );
    }

    /// The people and every admitted work that links two of them.
    fn people_and_links(&mut self, people: &[PersonId], emphasis: Emphasis) {
        let ex = self.explorer;
        let mut count: HashMap<WorkId, usize> = HashMap::new();
        let works: Vec<Vec<(WorkId, Credited)>> = people
            .iter()
            .map(|&p| ex.works_of(p, self.filter))
            .collect();
        for list in &works {
            for (w, _) in list {
                *count.entry(*w).or_default() += 1;
            }
        }
        for (&p, list) in people.iter().zip(&works) {
            self.person(p, emphasis);
            for &(w, how) in list {
                if count[&w] >= 2 {
                    self.appearance(p, w, how, emphasis);
                }
            }
        }
    }

    fn path(&mut self, steps: &[crate::query::path::Step]) {
        for s in steps {
            self.appearance(s.from, s.work, s.from_credit, Emphasis::Highlight);
            self.appearance(s.to, s.work, s.to_credit, Emphasis::Highlight);
        }
    }

    fn admitted(&self, credit: CreditId) -> bool {
        self.filter.unverified || !self.explorer.get(credit).is_unverified()
    }

    fn catalog(&mut self, organisations: bool, collection: Option<&str>) {
        let ex = self.explorer;
        let mut groups_drawn = BTreeSet::new();
        let in_collection =
            |w: WorkId| collection.is_none_or(|c| ex.get(w).collections().any(|x| x == c));
        for w in ex
            .works()
            .filter(|&w| ex.admits(w, self.filter) && in_collection(w))
        {
            for c in ex.credits_of(Entity::Work(w)) {
                let (from, to) = ex.ends(c);
                let role = ex.get(c).role_kind();
                let org_link = matches!(from, Entity::Organisation(_))
                    || matches!(to, Entity::Organisation(_));
                let counted = self.filter.get_roles().contains(role) || (organisations && org_link);
                if counted && self.admitted(c) && (!org_link || organisations) {
                    if let Entity::Group(g) = from {
                        groups_drawn.insert(g);
                    }
                    if matches!(to, Entity::Work(_)) || org_link {
                        self.edge(from, to, c, None, Emphasis::Normal);
                    }
                }
            }
        }
        // Memberships of the groups drawn, for the members already drawn
        // (and all members when group credits count for them).
        for g in groups_drawn {
            for (p, c) in ex.members(g) {
                let drawn = self.nodes.contains_key(&Entity::Person(p));
                if (drawn || self.filter.groups) && self.admitted(c) {
                    self.edge(
                        Entity::Person(p),
                        Entity::Group(g),
                        c,
                        None,
                        Emphasis::Normal,
                    );
                }
            }
        }
    }

    fn work_credits(&mut self, w: WorkId) {
        let ex = self.explorer;
        self.node(Entity::Work(w), Emphasis::Highlight);
        for &c in ex.credits_on(w).iter() {
            if self.admitted(c) {
                let (from, to) = ex.ends(c);
                self.edge(from, to, c, None, Emphasis::Normal);
            }
        }
    }

    fn finish(self) -> Diagram {
        self.diagram
    }
}

fn stronger(a: Emphasis, b: Emphasis) -> Emphasis {
    let rank = |e| match e {
        Emphasis::Faded => 0,
        Emphasis::Normal => 1,
        Emphasis::Highlight => 2,
    };
    if rank(b) > rank(a) { b } else { a }
}
