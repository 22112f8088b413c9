//! The interactive page of the graph: offline, one self-contained HTML file
//! that works from `file://` with no network ([`page`]); or served by
//! `serve` (feature `serve`), where it starts from a search and fetches
//! what it shows.
//!
//! The page holds
//!
//! * [cytoscape.js] 3.35 (MIT, vendored with its licence under
//!   `src/html/vendor/`), which draws the graph on a canvas;
//! * its own script and style sheet, allowed by their SHA-256 hashes in a
//!   Content-Security-Policy that has no `'unsafe-inline'` and forbids
//!   every request (the served page may ask its own origin);
//! * its data as JSON in a `<script type="application/json">` element,
//!   escaped for that place (`<`, `>`, `&`, U+2028 and U+2029 as `\u`
//!   escapes), so that no name can end the element or become markup. The
//!   template is filled in one pass that never reads what it inserted.
//!
//! Offline, the data is a bounded piece of the graph
//! ([`answer::Graph`], with the search keys
//! the library's [`NameIndex`](crate::search::NameIndex) matches): the
//! whole graph when it holds at most [`PageOptions::max_records`] people
//! and works, else the view (or the start) and what lies nearest to it, up
//! to that bound; the page says what it left out. Served, the data is only
//! the page's settings: the search, the neighbourhoods, the paths and the
//! filters are the server's answers, so the page's size does not grow with
//! the data.
//!
//! In the page: a search box with suggestions (picking one centres and
//! highlights the record), a click expands a node's neighbours and opens a
//! panel with its record, a path mode explains the shortest chain between
//! two people hop by hop, filters (years, work kinds, unverified claims),
//! a legend from the shared style sheet, a "colour by community" switch
//! (each person in the colour of their community, from the style sheet's
//! palette by index; see [`PageOptions::communities`]), and deep links
//! (`page.html#person=KEY`, `page.html#from=KEY&to=KEY`,
//! `#communities=1`). It opens on the
//! view, else on the person with the most appearances and their works.
//!
//! [cytoscape.js]: https://js.cytoscape.org/
//!
//! # Example
//!
//! ```
//! use hallyu::{Explorer, Filter};
//! use hallyu::export::View;
//! use hallyu::html::{self, PageOptions};
//!
//! let explorer = Explorer::bundled();
//! let me = explorer.person("Park Seo-joon")?;
//! let options = PageOptions::new().view(View::neighbourhood(me, 1));
//! let text = html::page(&explorer, &options)?;
//! assert!(text.starts_with("<!DOCTYPE html>"));
//! assert!(text.contains("default-src 'none'"));
//! assert!(!text.contains("unsafe-inline"));
//! assert!(text.contains("park-seo-joon"));
//! // std::fs::write("page.html", text)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod csp;
#[cfg(feature = "serve")]
mod http;
#[cfg(feature = "serve")]
mod serve;

#[cfg(feature = "serve")]
pub use serve::{ServeOptions, Server, ShutdownHandle, serve};

use std::collections::{HashSet, VecDeque};

use serde::Serialize;

use crate::explorer::Explorer;
use crate::export::View;
use crate::export::diagram::{CLUSTER_COLOURS, Emphasis, NodeKind};
use crate::export::style::{CLUSTER_OTHER, FADED_FILL, cluster_colors, edge_look, node_look};
use crate::filter::Filter;
use crate::id::Entity;
use crate::model::{RoleKind, WorkKind};
use crate::query::answer::{self, Graph};
use crate::query::{CommunityOptions, Partition};
use crate::search::{hangul, normalise, romanize};

/// The vendored cytoscape.js (MIT; see `src/html/vendor/LICENSE`).
const CYTOSCAPE: &str = include_str!("vendor/cytoscape.min.js");
const CYTOSCAPE_LICENSE: &str = include_str!("vendor/LICENSE");
const TEMPLATE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// The Content-Security-Policy of the offline page: no request of any
/// kind; the page's two scripts and its style sheet allowed by their
/// SHA-256 hashes (no `'unsafe-inline'`), and `data:` images.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::html::{self, PageOptions};
///
/// let page = html::page(&Explorer::bundled(), &PageOptions::new())?;
/// let policy = html::content_security_policy();
/// let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#);
/// assert!(page.contains(&meta));
/// assert!(policy.starts_with("default-src 'none';")); // no network at all
/// assert!(!policy.contains("unsafe"));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn content_security_policy() -> &'static str {
    &csp::policies().0
}

/// The Content-Security-Policy of the page [`serve`] sends: the offline
/// page's, and requests to its own origin (`connect-src 'self'`).
#[cfg(feature = "serve")]
pub(crate) fn served_security_policy() -> &'static str {
    &csp::policies().1
}

/// What [`page`] shows: the view opened first, the filter, the title, and
/// the most records it embeds.
///
/// # Example
///
/// ```
/// use hallyu::Filter;
/// use hallyu::html::PageOptions;
///
/// let options = PageOptions::new()
///     .filter(Filter::new().include_unverified(true))
///     .title("K-universe")
///     .max_records(500);
/// # let _ = options;
/// ```
#[derive(Clone, Debug)]
pub struct PageOptions {
    view: Option<View>,
    filter: Filter,
    title: Option<String>,
    max_records: usize,
    communities: bool,
}

impl Default for PageOptions {
    fn default() -> PageOptions {
        PageOptions {
            view: None,
            filter: Filter::new(),
            title: None,
            max_records: PageOptions::DEFAULT_MAX_RECORDS,
            communities: true,
        }
    }
}

impl PageOptions {
    /// The most people and works an offline page embeds by default: 1,000
    /// (a page of about 1 MB, cytoscape.js included).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::html::PageOptions;
    ///
    /// assert_eq!(PageOptions::DEFAULT_MAX_RECORDS, 1_000);
    /// ```
    pub const DEFAULT_MAX_RECORDS: usize = 1_000;

    /// No view (the page opens on the person with the most appearances),
    /// on-screen roles, no unverified claims, at most
    /// [`PageOptions::DEFAULT_MAX_RECORDS`] records.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{self, PageOptions};
    /// # // The data the page embeds, as JSON.
    /// # fn data(page: &str) -> serde_json::Value {
    /// #     let open = r#"<script id="hallyu-data" type="application/json">"#;
    /// #     let json = &page[page.find(open).unwrap() + open.len()..];
    /// #     serde_json::from_str(&json[..json.find("</script>").unwrap()]).unwrap()
    /// # }
    ///
    /// let explorer = Explorer::bundled();
    /// let page = html::page(&explorer, &PageOptions::new())?;
    /// assert!(page.contains("<title>hallyu</title>"));
    /// let data = data(&page);
    /// assert_eq!(data["left_out"], 0); // the whole bundled graph is embedded
    /// assert_eq!(data["graph"]["nodes"].as_array().unwrap().len(), explorer.people().len() + explorer.works().len());
    /// assert!(data["initial"].as_array().unwrap().len() < 60); // but it opens on a few
    /// assert_eq!(data["filter"]["unverified"], false);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new() -> PageOptions {
        PageOptions::default()
    }

    /// Opens the page on this view (a neighbourhood, a path, a pair, a
    /// work). The page embeds the view's records and what lies nearest to
    /// them (all of the graph when it is small), so that a click expands
    /// beyond the view.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    /// use hallyu::html::{self, PageOptions};
    /// # // The data the page embeds, as JSON.
    /// # fn data(page: &str) -> serde_json::Value {
    /// #     let open = r#"<script id="hallyu-data" type="application/json">"#;
    /// #     let json = &page[page.find(open).unwrap() + open.len()..];
    /// #     serde_json::from_str(&json[..json.find("</script>").unwrap()]).unwrap()
    /// # }
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let page = html::page(&explorer, &PageOptions::new().view(View::work(kiss)))?;
    /// let initial = data(&page)["initial"].clone();
    /// assert!(initial.as_array().unwrap().contains(&"lee-min-ho".into()));
    /// assert!(page.contains("<title>Kiss (2009)\n1 unverified credit filtered out</title>"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn view(mut self, view: View) -> PageOptions {
        self.view = Some(view);
        self
    }

    /// The filter: its roles and group expansion decide which credits the
    /// page holds; its years, kinds and unverified setting are the initial
    /// state of the page's filters.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    /// use hallyu::html::{self, PageOptions};
    /// # // The data the page embeds, as JSON.
    /// # fn data(page: &str) -> serde_json::Value {
    /// #     let open = r#"<script id="hallyu-data" type="application/json">"#;
    /// #     let json = &page[page.find(open).unwrap() + open.len()..];
    /// #     serde_json::from_str(&json[..json.find("</script>").unwrap()]).unwrap()
    /// # }
    ///
    /// let filter = Filter::new().years(2008..=2016).include_unverified(true);
    /// let page = html::page(&Explorer::bundled(), &PageOptions::new().filter(filter))?;
    /// let state = &data(&page)["filter"];
    /// assert_eq!((&state["from"], &state["to"]), (&2008.into(), &2016.into()));
    /// assert_eq!(state["unverified"], true);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn filter(mut self, filter: Filter) -> PageOptions {
        self.filter = filter;
        self
    }

    /// The page title (default: the view's title, or "hallyu").
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{self, PageOptions};
    ///
    /// let options = PageOptions::new().title("K-universe <2026>");
    /// let page = html::page(&Explorer::bundled(), &options)?;
    /// assert!(page.contains("<title>K-universe &lt;2026&gt;</title>"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> PageOptions {
        self.title = Some(title.into());
        self
    }

    /// The most people and works the offline page embeds (at least 1):
    /// beyond it, the page holds the view and what lies nearest to it, and
    /// says how many records it left out.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{Page, PageOptions};
    ///
    /// let explorer = Explorer::bundled();
    /// let page = Page::offline(&explorer, &PageOptions::new().max_records(50))?;
    /// assert_eq!(page.records, 50);
    /// assert_eq!(page.left_out, explorer.people().len() + explorer.works().len() - 50);
    /// assert!(page.html.contains("left out"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn max_records(mut self, n: usize) -> PageOptions {
        self.max_records = n.max(1);
        self
    }

    /// Whether the offline page carries the community of each person it
    /// embeds, for its "colour by community" switch (default: yes). They
    /// are the communities of the whole graph under the filter
    /// ([`Explorer::communities`], resolution 1, seed 0, as `hallyu
    /// communities`; for a [`View::communities`] view, the view's own, and
    /// the page opens coloured), found when the page is made. Finding them
    /// is a whole-graph measure (tens of seconds on an IMDb-sized import),
    /// so it is done only for a page that holds the whole graph (see
    /// [`PageOptions::max_records`]) or shows a communities view; a bigger
    /// page has no colours unless served (`hallyu serve` finds them on the
    /// first request that asks).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::export::View;
    /// use hallyu::html::{self, PageOptions};
    /// use hallyu::query::CommunityOptions;
    /// # // The data the page embeds, as JSON.
    /// # fn data(page: &str) -> serde_json::Value {
    /// #     let open = r#"<script id="hallyu-data" type="application/json">"#;
    /// #     let json = &page[page.find(open).unwrap() + open.len()..];
    /// #     serde_json::from_str(&json[..json.find("</script>").unwrap()]).unwrap()
    /// # }
    ///
    /// let explorer = Explorer::bundled();
    /// let with = data(&html::page(&explorer, &PageOptions::new())?);
    /// let members = with["communities"]["members"].as_array().unwrap();
    /// let gd = members.iter().find(|m| m["id"] == "g-dragon").unwrap();
    /// let top = members.iter().find(|m| m["id"] == "top").unwrap();
    /// assert_eq!(gd["community"], top["community"]); // BIGBANG
    /// assert_eq!(with["coloured"], false); // the switch starts off
    /// let without = data(&html::page(&explorer, &PageOptions::new().communities(false))?);
    /// assert!(without.get("communities").is_none());
    /// // A page that holds only part of the graph: none found.
    /// let part = data(&html::page(&explorer, &PageOptions::new().max_records(20))?);
    /// assert!(part.get("communities").is_none());
    /// // A communities view: its own communities, the switch on.
    /// let view = View::communities(CommunityOptions::new().resolution(2.0));
    /// let coloured = data(&html::page(&explorer, &PageOptions::new().view(view))?);
    /// assert_eq!((&coloured["coloured"], &coloured["communities"]["resolution"]), (&true.into(), &2.0.into()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn communities(mut self, yes: bool) -> PageOptions {
        self.communities = yes;
        self
    }
}

/// A page made by [`Page::offline`]: its text and what it holds.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::html::{Page, PageOptions};
///
/// let page = Page::offline(&Explorer::bundled(), &PageOptions::new())?;
/// assert_eq!(page.left_out, 0);
/// assert!(page.html.len() < 1 << 20);
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Page {
    /// The HTML text.
    pub html: String,
    /// The people and works it embeds.
    pub records: usize,
    /// The people and works of the explorer it does not embed.
    pub left_out: usize,
}

impl Page {
    /// The self-contained offline page (see the [module
    /// documentation](self)).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::Explorer;
    /// use hallyu::html::{Page, PageOptions};
    ///
    /// let explorer = Explorer::bundled();
    /// let page = Page::offline(&explorer, &PageOptions::new())?;
    /// assert_eq!(page.records, explorer.people().len() + explorer.works().len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the view cannot be drawn (for example a path view between
    /// people that no chain links); see [`View::diagram`].
    pub fn offline(explorer: &Explorer, options: &PageOptions) -> crate::error::Result<Page> {
        let mut title = "hallyu".to_string();
        let mut initial: Vec<Entity> = Vec::new();
        if let Some(view) = &options.view {
            let diagram = view.diagram(explorer)?;
            initial = diagram
                .nodes
                .iter()
                .filter_map(|n| explorer.by_key(&n.key))
                .collect();
            if !diagram.title.is_empty() {
                title = diagram.title.clone();
            }
        }
        if let Some(t) = &options.title {
            title = t.clone();
        }
        let filter = page_filter(&options.filter);
        if initial.is_empty() {
            let start = Graph::start(explorer, &filter, &answer::Options::new().limit(40));
            initial = start
                .nodes
                .iter()
                .filter_map(|n| explorer.by_key(&n.id))
                .collect();
        }
        let total = explorer.people().len() + explorer.works().len();
        let records = embedded(explorer, &initial, &filter, options.max_records);
        let graph = Graph::of(explorer, &records, &filter);
        let keys = graph
            .nodes
            .iter()
            .map(|n| {
                explorer
                    .by_key(&n.id)
                    .map_or_else(Vec::new, |e| record_keys(explorer, e))
            })
            .collect();
        let shown = graph.nodes.len();
        let initial: Vec<String> = initial
            .iter()
            .filter(|e| matches!(e, Entity::Person(_) | Entity::Work(_)))
            .map(|e| explorer.key(*e).into_owned())
            .collect();
        // A communities view opens coloured by its own communities.
        let view_communities = options.view.as_ref().and_then(View::community_options);
        let community_options = view_communities.unwrap_or_default();
        // Finding communities is a whole-graph measure (tens of seconds on
        // an IMDb-sized import): done for a page that holds the whole
        // graph, or for a communities view.
        let whole = shown >= total;
        let communities = if options.communities && (whole || view_communities.is_some()) {
            let people: Vec<Entity> = graph
                .nodes
                .iter()
                .filter_map(|n| explorer.by_key(&n.id))
                .filter(|e| matches!(e, Entity::Person(_)))
                .collect();
            let found = membership(explorer, &options.filter, &community_options)?;
            Some(found.of(explorer, &people))
        } else {
            None
        };
        let data = PageData {
            mode: "offline",
            title: &title,
            graph: Some(&graph),
            keys,
            initial: &initial,
            left_out: total - shown,
            communities: communities.as_ref(),
            coloured: view_communities.is_some() && communities.is_some(),
            batch: 0,
            looks: looks(&options.filter),
        };
        let html = fill_template(content_security_policy(), &title, &data);
        Ok(Page {
            html,
            records: shown,
            left_out: total - shown,
        })
    }
}

/// Writes the self-contained offline page of the explorer's graph: the
/// text of [`Page::offline`].
///
/// See the [module documentation](self) for what the page holds and does.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::html::{self, PageOptions};
///
/// let explorer = Explorer::bundled();
/// let text = html::page(&explorer, &PageOptions::new())?;
/// assert!(text.contains(html::content_security_policy()));
/// assert!(text.len() < 1 << 20);
/// # Ok::<(), hallyu::Error>(())
/// ```
///
/// # Errors
///
/// When the view cannot be drawn (for example a path view between people
/// that no chain links); see [`View::diagram`].
pub fn page(explorer: &Explorer, options: &PageOptions) -> crate::error::Result<String> {
    Page::offline(explorer, options).map(|p| p.html)
}

/// The communities the page colours people by: those of the whole graph
/// under the filter (resolution 1, seed 0, as `hallyu communities`, or
/// those of a communities view), the first [`CLUSTER_COLOURS`] of them
/// named.
pub(crate) struct PageCommunities {
    partition: Partition,
    named: answer::Communities,
}

impl PageCommunities {
    /// The community of each of `records`.
    pub(crate) fn of(&self, explorer: &Explorer, records: &[Entity]) -> answer::Membership {
        answer::Membership::of(explorer, &self.partition, &self.named, records)
    }
}

/// Finds the communities the page colours people by.
pub(crate) fn membership(
    explorer: &Explorer,
    filter: &Filter,
    options: &CommunityOptions,
) -> crate::error::Result<PageCommunities> {
    let partition = explorer.communities(options, filter)?;
    let named = answer::Communities::of_partition(
        explorer,
        &partition,
        options,
        filter,
        &answer::Options::new().limit(CLUSTER_COLOURS),
    );
    Ok(PageCommunities { partition, named })
}

/// The page [`serve`] sends: no data, only the page's settings (and how
/// many records one request may name); it asks the server for everything
/// it shows.
#[cfg(feature = "serve")]
pub(crate) fn served_page(filter: &Filter, batch: usize) -> String {
    let data = PageData::settings(looks(filter), batch);
    fill_template(served_security_policy(), "hallyu", &data)
}

#[cfg(any(feature = "serve", test))]
impl PageData<'_> {
    /// The data of the served page: its settings only.
    fn settings(looks: Looks, batch: usize) -> PageData<'static> {
        PageData {
            mode: "api",
            title: "hallyu",
            graph: None,
            keys: Vec::new(),
            initial: &[],
            left_out: 0,
            communities: None,
            coloured: false,
            batch,
            looks,
        }
    }
}

/// The filter whose credits the page holds: the given one with every year,
/// kind and unverified claim (the offline page filters those itself).
fn page_filter(filter: &Filter) -> Filter {
    Filter::new()
        .roles(filter.get_roles())
        .include_unverified(true)
        .expand_groups(filter.groups)
}

/// The people and works the offline page embeds: everything when it fits,
/// else the view's records and then the nearest ones, breadth first over
/// the person–work graph, up to `max`.
fn embedded(explorer: &Explorer, initial: &[Entity], filter: &Filter, max: usize) -> Vec<Entity> {
    let total = explorer.people().len() + explorer.works().len();
    if total <= max {
        return explorer
            .people()
            .map(Entity::from)
            .chain(explorer.works().map(Entity::from))
            .collect();
    }
    let mut seen: HashSet<Entity> = HashSet::new();
    let mut out: Vec<Entity> = Vec::new();
    let mut queue: VecDeque<Entity> = VecDeque::new();
    for &e in initial {
        if matches!(e, Entity::Person(_) | Entity::Work(_)) && seen.insert(e) {
            queue.push_back(e);
        }
    }
    while let Some(e) = queue.pop_front() {
        if out.len() >= max {
            break;
        }
        out.push(e);
        for n in explorer.adjacent(e, filter) {
            if seen.insert(n) {
                queue.push_back(n);
            }
        }
    }
    out
}

/// Fills the page template in one pass: each `{{NAME}}` of the template is
/// replaced by its value, and no inserted text is read again (a name that
/// holds `{{DATA}}` stays that text).
fn fill_template(policy: &str, title: &str, data: &PageData<'_>) -> String {
    let json = serde_json::to_string(data).expect("JSON of plain values");
    let license = CYTOSCAPE_LICENSE.replace("--", "- -");
    let values: [(&str, &str); 7] = [
        ("CSP", policy),
        ("TITLE", &escape_html(title)),
        ("STYLE", STYLE),
        ("LICENSE", &license),
        ("CYTOSCAPE", CYTOSCAPE),
        ("DATA", &script_safe(&json)),
        ("SCRIPT", SCRIPT),
    ];
    let mut out = String::with_capacity(TEMPLATE.len() + CYTOSCAPE.len() + json.len() + 4096);
    let mut rest = TEMPLATE;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .expect("the template closes its placeholders");
        let name = &after[..end];
        let value = values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .expect("the template names only known placeholders");
        out.push_str(value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// The normalised search keys of a name, as the library's name index
/// derives them: the name itself, and for Hangul its romanisations,
/// initials and keyboard keys; for a Latin name of several words ending in
/// a surname, the Korean order.
pub(crate) fn search_keys(name: &str, out: &mut Vec<String>) {
    let normal = normalise(name);
    if normal.is_empty() {
        return;
    }
    let mut push = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    if normal.chars().any(hangul::is_syllable) {
        push(romanize::revised(&normal));
        push(romanize::fold(&romanize::mccune_reischauer(&normal)));
        push(romanize::yale(&normal));
        push(hangul::initials(&normal));
        push(hangul::to_keyboard(&normal).to_ascii_lowercase());
    } else {
        let words: Vec<&str> = name
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() > 1 {
            let last = normalise(words[words.len() - 1]);
            if romanize::is_surname(&last) && !romanize::is_surname(&normalise(words[0])) {
                let rest: String = words[..words.len() - 1]
                    .iter()
                    .map(|w| normalise(w))
                    .collect();
                push(format!("{last}{rest}"));
            }
        }
    }
    push(normal);
}

/// The key of a record and the search keys of its name, Hangul name and
/// aliases.
fn record_keys(explorer: &Explorer, e: crate::id::Entity) -> Vec<String> {
    let mut keys = vec![explorer.key(e).into_owned()];
    search_keys(explorer.name(e), &mut keys);
    if let Some(h) = explorer.hangul(e) {
        search_keys(h, &mut keys);
    }
    for a in explorer.aliases(e) {
        search_keys(a, &mut keys);
    }
    keys
}

/// What the page's script reads: its mode (`offline`, with a piece of the
/// graph and its search keys; `api`, asking the server), its title, the
/// records it opens on, what it left out, and the looks of the legend.
#[derive(Serialize)]
struct PageData<'a> {
    mode: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    graph: Option<&'a Graph>,
    /// The search keys of each node of `graph`, in its order.
    keys: Vec<Vec<String>>,
    initial: &'a [String],
    left_out: usize,
    /// Offline: the community of each person of `graph`.
    #[serde(skip_serializing_if = "Option::is_none")]
    communities: Option<&'a answer::Membership>,
    /// Whether the page opens coloured by community (a communities view).
    coloured: bool,
    /// Served: the most records one request may name.
    batch: usize,
    #[serde(flatten)]
    looks: Looks,
}

/// The legend, the work kinds' words, the roles' line styles, and the
/// initial state of the filters.
#[derive(Serialize)]
struct Looks {
    legend: Vec<LegendEntry>,
    /// The colours of communities, by index (past the end: `other`).
    palette: Vec<Swatch>,
    other: Swatch,
    /// The look of works while people are coloured by community.
    neutral: Swatch,
    kinds: InOrder,
    roles: [RoleLook; 5],
    filter: PageFilter,
}

/// A JSON object whose keys keep their order.
struct InOrder(Vec<(&'static str, &'static str)>);

impl Serialize for InOrder {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().copied())
    }
}

#[derive(Serialize)]
struct LegendEntry {
    label: &'static str,
    cls: &'static str,
    fill: &'static str,
    stroke: &'static str,
}

#[derive(Serialize)]
struct Swatch {
    fill: &'static str,
    stroke: &'static str,
}

#[derive(Serialize)]
struct RoleLook {
    cls: &'static str,
    color: &'static str,
    width: f64,
    dashed: bool,
}

#[derive(Serialize)]
struct PageFilter {
    from: Option<i32>,
    to: Option<i32>,
    kinds: Vec<&'static str>,
    unverified: bool,
}

fn looks(filter: &Filter) -> Looks {
    let mut legend = vec![{
        let l = node_look(NodeKind::Person, Emphasis::Normal);
        LegendEntry {
            label: "person",
            cls: "person",
            fill: l.fill,
            stroke: l.stroke,
        }
    }];
    let mut kinds = InOrder(Vec::new());
    for k in WorkKind::ALL {
        let l = node_look(NodeKind::Work(k), Emphasis::Normal);
        legend.push(LegendEntry {
            label: k.label(),
            cls: WorkKind::name(k),
            fill: l.fill,
            stroke: l.stroke,
        });
        kinds.0.push((WorkKind::name(k), k.label()));
    }
    let roles = [
        RoleKind::Lead,
        RoleKind::Supporting,
        RoleKind::Cameo,
        RoleKind::Performer,
        RoleKind::Featured,
    ]
    .map(|r| {
        let l = edge_look(r, false, Emphasis::Normal);
        RoleLook {
            cls: l.class,
            color: l.color,
            width: l.width,
            dashed: !matches!(l.dash, crate::export::style::Dash::Solid),
        }
    });
    let years = filter.years.clone();
    let swatch = |(fill, stroke): (&'static str, &'static str)| Swatch { fill, stroke };
    Looks {
        legend,
        palette: (0..CLUSTER_COLOURS)
            .map(|c| swatch(cluster_colors(c)))
            .collect(),
        other: swatch(CLUSTER_OTHER),
        neutral: swatch((FADED_FILL, "#9CA3AF")),
        kinds,
        roles,
        filter: PageFilter {
            from: years.as_ref().map(|r| *r.start()).filter(|y| *y > i32::MIN),
            to: years.as_ref().map(|r| *r.end()).filter(|y| *y < i32::MAX),
            kinds: WorkKind::ALL
                .iter()
                .filter(|k| filter.kinds & (1 << **k as u8) != 0)
                .map(|k| WorkKind::name(*k))
                .collect(),
            unverified: filter.unverified,
        },
    }
}

/// JSON that can sit inside `<script type="application/json">`: every `<`,
/// `>` and `&` (which could end the element or open a comment) and the line
/// separators U+2028 and U+2029 as `\u` escapes. They occur only inside
/// JSON strings, where the escape means the same character.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendored_script_cannot_close_its_tag() {
        assert!(!CYTOSCAPE.contains("</script"));
        assert!(!SCRIPT.contains("</script"));
        assert!(!STYLE.contains("</style"));
    }

    #[test]
    fn keys_of_a_hangul_name() {
        let mut keys = Vec::new();
        search_keys("박서준", &mut keys);
        assert!(
            keys.contains(&"parkseojun".to_string()) || keys.contains(&"bakseojun".to_string())
        );
        assert!(keys.contains(&"ㅂㅅㅈ".to_string()));
    }

    #[test]
    fn script_safe_json_reads_back_the_same() {
        let hostile = "</script><!--{{DATA}}&\u{2028}\u{2029}>";
        let json = serde_json::to_string(hostile).unwrap();
        let safe = script_safe(&json);
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!safe.contains(bad), "{safe}");
        }
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), hostile);
    }

    #[test]
    fn the_template_is_filled_once() {
        let data = PageData {
            title: "{{DATA}}",
            ..PageData::settings(looks(&Filter::new()), 0)
        };
        let page = fill_template("policy", "{{SCRIPT}} {{DATA}}", &data);
        assert!(page.contains("<title>{{SCRIPT}} {{DATA}}</title>"));
        assert_eq!(page.matches(SCRIPT).count(), 1);
    }
}
