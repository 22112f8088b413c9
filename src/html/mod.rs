//! An offline, interactive page of the graph: one self-contained HTML file
//! that works from `file://` with no network.
//!
//! [`page`] writes the file. It embeds
//!
//! * [cytoscape.js] 3.35 (MIT, vendored with its licence under
//!   `src/html/vendor/`), which draws the graph on a canvas;
//! * the person–work graph as JSON: every person and work with its Hangul,
//!   aliases, year, kind and sources, and every credit with its role phrase
//!   computed here, so that the page explains a path with the very words of
//!   [`Path`](crate::query::Path)'s `Display`;
//! * a search index computed here: for every record the normalised keys the
//!   library's [`NameIndex`](crate::search::NameIndex) matches (name,
//!   Hangul, aliases, id, Revised Romanization, McCune–Reischauer, Yale,
//!   initials, Korean keyboard keys, Western order), which the page matches
//!   by prefix after the same normalisation;
//! * a Content-Security-Policy that forbids every network request
//!   (`default-src 'none'`), so the page provably works offline.
//!
//! In the page: a search box with suggestions (picking one centres and
//! highlights the person), a click expands a node's neighbours and opens a
//! panel with its record, a path mode explains the shortest chain between
//! two people hop by hop, live filters (years, work kinds, unverified
//! claims), a legend from the shared style sheet, and deep links
//! (`page.html#person=KEY`, `page.html#from=KEY&to=KEY`).
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
//! assert!(text.contains("park-seo-joon"));
//! // std::fs::write("page.html", text)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "serve")]
mod serve;

#[cfg(feature = "serve")]
pub use serve::{ServeOptions, Server, ShutdownHandle, serve};

use std::collections::HashMap;

use serde::Serialize;

use crate::explorer::Explorer;
use crate::export::View;
use crate::export::diagram::{Emphasis, NodeKind};
use crate::export::style::{edge_look, node_look};
use crate::filter::Filter;
use crate::id::Entity;
use crate::model::{RoleKind, WorkKind};
use crate::search::{hangul, normalise, romanize};

/// The vendored cytoscape.js (MIT; see `src/html/vendor/LICENSE`).
const CYTOSCAPE: &str = include_str!("vendor/cytoscape.min.js");
const CYTOSCAPE_LICENSE: &str = include_str!("vendor/LICENSE");
const TEMPLATE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// The Content-Security-Policy of the page: no request of any kind, only
/// the inline script and style and `data:` images.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::html::{self, PageOptions, CONTENT_SECURITY_POLICY};
///
/// let page = html::page(&Explorer::bundled(), &PageOptions::new())?;
/// let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">"#);
/// assert!(page.contains(&meta));
/// assert!(CONTENT_SECURITY_POLICY.starts_with("default-src 'none';")); // no network at all
/// # Ok::<(), hallyu::Error>(())
/// ```
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/// What [`page`] shows: the view opened first, the filter whose roles are
/// counted, and the title.
///
/// # Example
///
/// ```
/// use hallyu::Filter;
/// use hallyu::html::PageOptions;
///
/// let options = PageOptions::new()
///     .filter(Filter::new().include_unverified(true))
///     .title("K-universe");
/// # let _ = options;
/// ```
#[derive(Clone, Debug, Default)]
pub struct PageOptions {
    view: Option<View>,
    filter: Filter,
    title: Option<String>,
}

impl PageOptions {
    /// The whole graph, on-screen roles, no unverified claims.
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
    /// let page = html::page(&Explorer::bundled(), &PageOptions::new())?;
    /// assert!(page.contains("<title>hallyu</title>"));
    /// assert!(data(&page)["initial"].as_array().unwrap().is_empty()); // the whole catalog
    /// assert_eq!(data(&page)["filter"]["unverified"], false);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn new() -> PageOptions {
        PageOptions::default()
    }

    /// Opens the page on this view (a neighbourhood, a path, a pair, a
    /// work); without one the page opens on the whole catalog. The page
    /// always embeds the whole graph, so a click expands beyond the view
    /// and paths are the library's.
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
    /// state of the page's live filters.
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
}

/// Writes the self-contained HTML page of the explorer's graph.
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
/// assert!(text.contains(html::CONTENT_SECURITY_POLICY));
/// assert!(text.len() < 1 << 20); // the bundled dataset's page: about 547 KiB
/// # Ok::<(), hallyu::Error>(())
/// ```
///
/// # Errors
///
/// When the view cannot be drawn (for example a path view between people
/// that no chain links); see [`View::diagram`].
pub fn page(explorer: &Explorer, options: &PageOptions) -> crate::error::Result<String> {
    let mut initial: Vec<String> = Vec::new();
    let mut title = "hallyu".to_string();
    if let Some(view) = &options.view {
        let diagram = view.diagram(explorer)?;
        initial = diagram.nodes.iter().map(|n| n.key.clone()).collect();
        if !diagram.title.is_empty() {
            title = diagram.title.clone();
        }
    }
    if let Some(t) = &options.title {
        title = t.clone();
    }
    let data = graph_data(explorer, &options.filter, &initial, &title);
    let json = serde_json::to_string(&data).expect("JSON of plain values");
    Ok(TEMPLATE
        .replace("{{CSP}}", CONTENT_SECURITY_POLICY)
        .replace("{{TITLE}}", &escape_html(&title))
        .replace("{{STYLE}}", STYLE)
        .replace("{{LICENSE}}", &CYTOSCAPE_LICENSE.replace("--", "- -"))
        .replace("{{CYTOSCAPE}}", CYTOSCAPE)
        .replace("{{DATA}}", &script_safe(&json))
        .replace("{{SCRIPT}}", SCRIPT))
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

/// The embedded data: people, works, credits (person–work appearances with
/// their role phrases), the legend and the initial state.
/// What the page's script reads: every person and work, one edge per
/// person and work (the person's own credit first, as
/// [`Explorer::works_of`] gives it), and the looks of the legend.
#[derive(Serialize)]
struct PageData<'a> {
    title: &'a str,
    nodes: Vec<PageNode>,
    edges: Vec<PageEdge>,
    legend: Vec<LegendEntry>,
    kinds: InOrder,
    roles: [RoleLook; 5],
    initial: &'a [String],
    filter: PageFilter,
}

/// A person or a work: `t` is its type (`person` or the work kind's name),
/// `born` or `year` its own year field.
#[derive(Serialize)]
struct PageNode {
    key: String,
    t: &'static str,
    name: String,
    label: String,
    hangul: Option<String>,
    aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    born: Option<Option<i32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<Option<i32>>,
    sources: Vec<String>,
    keys: Vec<String>,
}

/// A person's appearance on a work: node positions, the role in words, the
/// style class, whether unverified, whether through a group.
#[derive(Serialize)]
struct PageEdge {
    p: usize,
    w: usize,
    role: String,
    cls: &'static str,
    u: bool,
    via: bool,
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

fn graph_data<'a>(
    explorer: &Explorer,
    filter: &Filter,
    initial: &'a [String],
    title: &'a str,
) -> PageData<'a> {
    // Every year, kind and unverified claim: the page filters them live.
    let wide = Filter::new()
        .roles(filter.get_roles())
        .include_unverified(true)
        .expand_groups(filter.groups);
    let mut nodes: Vec<PageNode> = Vec::new();
    let mut index: HashMap<Entity, usize> = HashMap::new();
    for p in explorer.people() {
        index.insert(p.into(), nodes.len());
        let name = explorer.display_name(p.into());
        let born = explorer.get(p).born();
        nodes.push(page_node(
            explorer,
            p.into(),
            "person",
            &name,
            (Some(born), None),
        ));
    }
    for w in explorer.works() {
        index.insert(w.into(), nodes.len());
        let r = explorer.get(w);
        let t = WorkKind::name(r.kind());
        nodes.push(page_node(
            explorer,
            w.into(),
            t,
            r.title(),
            (None, Some(r.year())),
        ));
    }
    let mut edges: Vec<PageEdge> = Vec::new();
    for p in explorer.people() {
        let pi = index[&Entity::Person(p)];
        for (w, credited, unverified) in explorer.works_of_by_id(p, &wide) {
            let Some(&wi) = index.get(&Entity::Work(w)) else {
                continue;
            };
            let credit = explorer.get(credited.credit);
            edges.push(PageEdge {
                p: pi,
                w: wi,
                role: credited.describe(explorer),
                cls: edge_look(credit.role_kind(), false, Emphasis::Normal).class,
                u: unverified,
                via: credited.via.is_some(),
            });
        }
    }
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
    PageData {
        title,
        nodes,
        edges,
        legend,
        kinds,
        roles,
        initial,
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

/// What the page knows of a person or a work: `t` is its type, `(born,
/// year)` its own year field.
fn page_node(
    explorer: &Explorer,
    e: Entity,
    t: &'static str,
    name: &str,
    (born, year): (Option<Option<i32>>, Option<Option<i32>>),
) -> PageNode {
    PageNode {
        key: explorer.key(e).into_owned(),
        t,
        name: name.to_string(),
        label: explorer.label(e),
        hangul: explorer.hangul(e).map(str::to_string),
        aliases: explorer.aliases(e).map(str::to_string).collect(),
        born,
        year,
        sources: explorer.sources(e).to_vec(),
        keys: record_keys(explorer, e),
    }
}

/// JSON that can sit inside `<script>`: no `</` (which could close it) and
/// no `<!--`.
fn script_safe(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "<\\!--")
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
}
