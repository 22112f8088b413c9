//! DOT export: every text parses back (with graphviz-rust's parser) to the
//! same nodes, labels and edges, whatever the labels hold.

use std::collections::BTreeMap;

use graphviz_rust::dot_structures::{EdgeTy, Graph, GraphAttributes, Id, Stmt, Vertex};
use hallyu::export::dot::{self, Clusters, Direction, DotOptions, Layout};
use hallyu::export::{Diagram, DiagramNode, Emphasis, NodeKind};
use hallyu::model::{RoleKind, WorkKind};
use proptest::prelude::*;

/// What a parsed DOT graph holds, with every id unquoted.
#[derive(Debug, Default)]
struct Parsed {
    /// Node id → attributes.
    nodes: BTreeMap<String, BTreeMap<String, String>>,
    /// (from, to, attributes), in order.
    edges: Vec<(String, String, BTreeMap<String, String>)>,
    /// Subgraph id → node ids declared in it.
    subgraphs: BTreeMap<String, Vec<String>>,
    /// Graph attributes.
    graph: BTreeMap<String, String>,
}

fn attrs(list: &[graphviz_rust::dot_structures::Attribute]) -> BTreeMap<String, String> {
    list.iter()
        .map(|a| (dot::unquote(&a.0), dot::unquote(&a.1)))
        .collect()
}

fn vertex_id(v: &Vertex) -> String {
    match v {
        Vertex::N(id) => dot::unquote(&id.0),
        Vertex::S(s) => panic!("unexpected subgraph vertex {:?}", s.id),
    }
}

/// Walks the statements; a node belongs to every subgraph it is nested in.
fn walk(stmts: &[Stmt], into: &mut Parsed, enclosing: &[String]) {
    let subgraph = enclosing.last().map(String::as_str);
    for stmt in stmts {
        match stmt {
            Stmt::Node(n) => {
                let id = dot::unquote(&n.id.0);
                for s in enclosing {
                    into.subgraphs
                        .entry(s.to_string())
                        .or_default()
                        .push(id.clone());
                }
                into.nodes.insert(id, attrs(&n.attributes));
            }
            Stmt::Edge(e) => match &e.ty {
                EdgeTy::Pair(a, b) => {
                    into.edges
                        .push((vertex_id(a), vertex_id(b), attrs(&e.attributes)))
                }
                EdgeTy::Chain(_) => panic!("the export writes no chains"),
            },
            Stmt::Subgraph(s) => {
                let id = dot::unquote(&s.id);
                into.subgraphs.entry(id.clone()).or_default();
                let mut inner = enclosing.to_vec();
                inner.push(id);
                walk(&s.stmts, into, &inner);
            }
            Stmt::GAttribute(GraphAttributes::Graph(list)) if subgraph.is_none() => {
                into.graph.extend(attrs(list));
            }
            Stmt::GAttribute(_) | Stmt::Attribute(_) => {}
        }
    }
}

fn parse(text: &str) -> Parsed {
    let graph = graphviz_rust::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let mut parsed = Parsed::default();
    match &graph {
        Graph::DiGraph { stmts, .. } => walk(stmts, &mut parsed, &[]),
        Graph::Graph { .. } => panic!("expected a digraph"),
    }
    parsed
}

/// The words of the legend: the text between the tags of its HTML labels.
fn legend_texts(parsed: &Parsed, legend: &[String]) -> Vec<String> {
    legend
        .iter()
        .filter_map(|id| parsed.nodes[id].get("label"))
        .flat_map(|html| {
            html.split(['<', '>'])
                .map(str::trim)
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|t| !t.is_empty() && !t.contains('='))
        .collect()
}

fn sample() -> Diagram {
    let mut d = Diagram::new("K-pop music videos with K-drama actors");
    let bb = d.add_node("bigbang", NodeKind::Group, "BIGBANG (빅뱅)");
    let gd = d.add_node("g-dragon", NodeKind::Person, "G-Dragon (지드래곤)");
    let top = d.add_node("top", NodeKind::Person, "T.O.P (탑)");
    let haru = d.add_node(
        "haru-haru",
        NodeKind::Work(WorkKind::MusicVideo),
        "Haru Haru (2008)",
    );
    let hyo = d.add_node("han-hyo-joo", NodeKind::Person, "Han Hyo-joo (한효주)");
    let roof = d.add_node("rooftop", NodeKind::Work(WorkKind::Drama), "Rooftop <Live>");
    let cf = d.add_node("cass", NodeKind::Work(WorkKind::Commercial), "Cass CF");
    let zany = d.add_node("zanybros", NodeKind::Organisation, "Zanybros");
    d.add_edge(gd, bb, RoleKind::Member, "");
    d.add_edge(top, bb, RoleKind::Member, "");
    d.add_edge(bb, haru, RoleKind::Performer, "");
    d.add_edge(hyo, haru, RoleKind::Lead, "");
    d.add_edge(top, haru, RoleKind::Cameo, "as \"himself\"");
    let u = d.add_edge(hyo, roof, RoleKind::Supporting, "Ji-an (지안)");
    d.edges[u].unverified = true;
    d.add_edge(gd, cf, RoleKind::Lead, "");
    d.add_edge(haru, zany, RoleKind::ProducedBy, "");
    d
}

/// The diagram's nodes and edges are exactly the parsed ones (legend off).
fn assert_same(d: &Diagram, parsed: &Parsed) {
    let keys: Vec<&str> = d.nodes.iter().map(|n| n.key.as_str()).collect();
    let mut unique = keys.clone();
    unique.sort_unstable();
    unique.dedup();
    let ids: Vec<&str> = parsed.nodes.keys().map(String::as_str).collect();
    assert_eq!(ids, unique);
    for node in &d.nodes {
        if d.node_index(&node.key).map(|i| &d.nodes[i]) == Some(node) {
            assert_eq!(
                parsed.nodes[&node.key]["label"], node.label,
                "label of {:?}",
                node.key
            );
        }
    }
    let edges: Vec<(String, String, String)> = d
        .edges
        .iter()
        .filter_map(|e| {
            let (a, b) = d.ends(e)?;
            Some((a.key.clone(), b.key.clone(), e.label.clone()))
        })
        .collect();
    let got: Vec<(String, String, String)> = parsed
        .edges
        .iter()
        .map(|(a, b, at)| {
            (
                a.clone(),
                b.clone(),
                at.get("label").cloned().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(got, edges);
    assert_eq!(
        parsed.graph.get("label").cloned().unwrap_or_default(),
        d.title
    );
}

#[test]
fn sample_parses_back_to_the_same_graph() {
    let d = sample();
    let options = DotOptions::new().legend(false);
    let text = dot::to_dot(&d, &options);
    assert_same(&d, &parse(&text));
    // The printed AST parses back to the very same AST.
    assert_eq!(
        graphviz_rust::parse(&text).expect("valid"),
        dot::to_graph(&d, &options)
    );
}

#[test]
fn output_is_deterministic() {
    let d = sample();
    for options in [
        DotOptions::new(),
        DotOptions::new().clusters(Clusters::ByGroup),
        DotOptions::new()
            .clusters(Clusters::ByWorkKind)
            .layout(Layout::Neato),
    ] {
        assert_eq!(dot::to_dot(&d, &options), dot::to_dot(&d.clone(), &options));
    }
}

#[test]
fn legend_is_a_cluster_of_the_kinds_present() {
    let d = sample();
    let parsed = parse(&dot::to_dot(&d, &DotOptions::new()));
    let legend = &parsed.subgraphs["cluster_legend"];
    assert!(legend.iter().all(|id| id.starts_with("legend:")));
    let texts = legend_texts(&parsed, legend);
    let labels: Vec<&str> = texts.iter().map(String::as_str).collect();
    for present in [
        "person",
        "group",
        "music video",
        "drama",
        "commercial",
        "organisation",
    ] {
        assert!(
            labels.contains(&present),
            "{present} missing from {labels:?}"
        );
    }
    for absent in ["film", "variety", "soundtrack", "director"] {
        assert!(!labels.contains(&absent), "{absent} in {labels:?}");
    }
    for role in [
        "member",
        "performer",
        "lead",
        "cameo",
        "supporting",
        "produced by",
        "unverified",
    ] {
        assert!(labels.contains(&role), "{role} missing from {labels:?}");
    }
    // Every diagram node is there, outside the legend.
    for node in &d.nodes {
        assert!(parsed.nodes.contains_key(&node.key));
        assert!(!legend.contains(&node.key));
    }
}

#[test]
fn legend_ids_never_collide_with_keys() {
    let mut d = Diagram::new("");
    d.add_node("legend:node0", NodeKind::Person, "sneaky");
    d.add_node("_legend:node0", NodeKind::Person, "sneakier");
    let parsed = parse(&dot::to_dot(&d, &DotOptions::new()));
    assert_eq!(parsed.nodes["legend:node0"]["label"], "sneaky");
    assert_eq!(parsed.nodes["_legend:node0"]["label"], "sneakier");
    let legend = &parsed.subgraphs["cluster_legend"];
    assert!(
        !legend
            .iter()
            .any(|id| id == "legend:node0" || id == "_legend:node0")
    );
}

#[test]
fn options_become_graph_attributes() {
    let d = sample();
    let parsed = parse(&dot::to_dot(
        &d,
        &DotOptions::new()
            .direction(Direction::TopToBottom)
            .layout(Layout::Neato),
    ));
    assert_eq!(parsed.graph["rankdir"], "TB");
    assert_eq!(parsed.graph["layout"], "neato");
    assert_eq!(parsed.graph["overlap"], "prism");
    assert!(parsed.graph["fontname"].contains("NanumGothic"));
    let parsed = parse(&dot::to_dot(&d, &DotOptions::new()));
    assert_eq!(parsed.graph["rankdir"], "LR");
    assert_eq!(parsed.graph["layout"], "dot");
}

#[test]
fn styles_tell_kinds_and_roles_apart() {
    let d = sample();
    let parsed = parse(&dot::to_dot(&d, &DotOptions::new().legend(false)));
    let node = |k: &str| &parsed.nodes[k];
    assert_ne!(node("g-dragon")["fillcolor"], node("bigbang")["fillcolor"]);
    assert_eq!(node("bigbang")["peripheries"], "2");
    assert_ne!(node("haru-haru")["fillcolor"], node("rooftop")["fillcolor"]);
    assert_ne!(node("rooftop")["fillcolor"], node("cass")["fillcolor"]);
    assert!(node("zanybros")["style"].contains("diagonals"));
    let edge = |a: &str, b: &str| {
        &parsed
            .edges
            .iter()
            .find(|(x, y, _)| x == a && y == b)
            .expect("edge")
            .2
    };
    assert_eq!(edge("han-hyo-joo", "haru-haru")["style"], "bold");
    assert_eq!(edge("top", "haru-haru")["style"], "dashed");
    assert_eq!(edge("g-dragon", "bigbang")["style"], "dotted");
    assert_eq!(edge("han-hyo-joo", "rooftop")["style"], "dotted"); // unverified
    assert!(edge("han-hyo-joo", "rooftop")["class"].contains("unverified"));
}

#[test]
fn emphasis_is_drawn() {
    let mut d = sample();
    d.nodes[0].emphasis = Emphasis::Highlight;
    d.nodes[1].emphasis = Emphasis::Faded;
    d.edges[2].emphasis = Emphasis::Highlight;
    d.edges[3].emphasis = Emphasis::Faded;
    let parsed = parse(&dot::to_dot(&d, &DotOptions::new()));
    assert_eq!(parsed.nodes["bigbang"]["penwidth"], "2.8");
    assert_eq!(parsed.nodes["g-dragon"]["fontcolor"], "#9CA3AF");
    assert!(parsed.edges[2].2["class"].contains("path"));
    assert!(parsed.edges[3].2["class"].contains("faded"));
    let legend = &parsed.subgraphs["cluster_legend"];
    assert!(legend_texts(&parsed, legend).iter().any(|t| t == "path"));
}

#[test]
fn clusters_by_group_and_by_work_kind() {
    let d = sample();
    let parsed = parse(&dot::to_dot(
        &d,
        &DotOptions::new().clusters(Clusters::ByGroup).legend(false),
    ));
    assert_same(&d, &parsed);
    let group: Vec<&Vec<String>> = parsed
        .subgraphs
        .iter()
        .filter(|(k, _)| k.starts_with("cluster_"))
        .map(|(_, v)| v)
        .collect();
    assert_eq!(group.len(), 1);
    assert_eq!(group[0], &["bigbang", "g-dragon", "top"]);

    let parsed = parse(&dot::to_dot(
        &d,
        &DotOptions::new()
            .clusters(Clusters::ByWorkKind)
            .legend(false),
    ));
    assert_same(&d, &parsed);
    let clusters: Vec<&Vec<String>> = parsed.subgraphs.values().collect();
    assert_eq!(clusters.len(), 3, "{clusters:?}");
    assert!(clusters.contains(&&vec!["haru-haru".to_string()]));
}

#[test]
fn broken_diagrams_do_not_panic() {
    // Empty.
    let empty = Diagram::default();
    let parsed = parse(&dot::to_dot(&empty, &DotOptions::new()));
    assert!(parsed.nodes.is_empty() && parsed.edges.is_empty());

    // Edges out of range are skipped; duplicate keys are written once.
    let mut d = Diagram::new("broken");
    let a = d.add_node("a", NodeKind::Person, "A");
    d.add_edge(a, 7, RoleKind::Lead, "");
    d.add_edge(usize::MAX, a, RoleKind::Lead, "");
    d.nodes.push(d.nodes[0].clone());
    d.add_edge(a, 1, RoleKind::Member, "self");
    let parsed = parse(&dot::to_dot(&d, &DotOptions::new().legend(false)));
    assert_eq!(parsed.nodes.len(), 1);
    assert_eq!(parsed.edges.len(), 1);
    assert_eq!(parsed.edges[0].0, "a");
    assert_eq!(parsed.edges[0].1, "a");
}

/// Labels that break naive DOT writers.
const HOSTILE: &[&str] = &[
    "Seoul Rain \"Remix\"",
    "Back\\slash Dance",
    "ends with a backslash \\",
    "\\\"",
    "\\n is not a line break",
    "{braces} [brackets] ;semi, comma=equals",
    "Rooftop <Live> & <b>bold</b>",
    "<html-looking>",
    "line one\nline two\n",
    "tab\there and\r\nCRLF",
    "박서준 첫눈 하루하루",
    "emoji 🎤🎬 and ZWJ 👩‍👩‍👧",
    "",
    " ",
    "->",
    "digraph { a -> b }",
    "// not a comment",
    "/* nor this */",
    "#hash",
    "node",
    "subgraph cluster_x",
    "\u{1}\u{7f}\u{b}",
];

fn hostile_diagram(labels: &[String]) -> Diagram {
    let mut d = Diagram::new(labels.concat());
    let mut previous = None;
    for (i, label) in labels.iter().enumerate() {
        // The label is used as the key too: keys are user strings as well.
        let key = format!("{label}#{i}");
        let kind = if i % 2 == 0 {
            NodeKind::Person
        } else {
            NodeKind::Work(WorkKind::Film)
        };
        let n = d.add_node(&key, kind, label.clone());
        if let Some(p) = previous {
            d.add_edge(p, n, RoleKind::Lead, label.clone());
        }
        previous = Some(n);
    }
    d
}

#[test]
fn hostile_labels_survive() {
    let mut labels: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    labels.push("가나다라 Park Seo-joon \"x\" \\ ".repeat(20)); // about 500 characters
    labels.push("x".repeat(500));
    let d = hostile_diagram(&labels);
    for options in [
        DotOptions::new().legend(false),
        DotOptions::new()
            .clusters(Clusters::ByWorkKind)
            .legend(false),
    ] {
        let text = dot::to_dot(&d, &options);
        assert_same(&d, &parse(&text));
    }
    // With the legend the diagram's nodes are all still there.
    let parsed = parse(&dot::to_dot(&d, &DotOptions::new()));
    for node in &d.nodes {
        assert_eq!(parsed.nodes[&node.key]["label"], node.label);
    }
}

#[test]
fn quote_and_unquote_are_inverse() {
    for s in HOSTILE {
        assert_eq!(dot::unquote(&dot::quote(s)), *s);
        let Id::Escaped(q) = dot::quote(s) else {
            panic!("quoted ids are escaped ids")
        };
        assert!(q.starts_with('"') && q.ends_with('"') && q.len() >= 2);
        assert!(!q.contains('\n'));
    }
}

#[test]
fn nul_becomes_a_replacement_character() {
    assert_eq!(dot::unquote(&dot::quote("a\u{0}b")), "a\u{FFFD}b");
}

#[test]
fn graphviz_accepts_hostile_dot() {
    let Ok(graphviz) = hallyu::render::Graphviz::find() else {
        eprintln!("skipped: Graphviz (`dot`) is not installed");
        return;
    };
    let labels: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    let d = hostile_diagram(&labels);
    let text = dot::to_dot(&d, &DotOptions::new());
    let (svg, _warnings) = graphviz
        .run(&text, Layout::Dot, hallyu::render::Format::Svg)
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
    let svg = String::from_utf8(svg).expect("SVG is UTF-8");
    assert!(svg.contains("박서준 첫눈 하루하루"));
    assert!(svg.contains("Seoul Rain &quot;Remix&quot;"));
    assert!(svg.contains("Back\\slash Dance"));
    assert!(svg.contains("Rooftop &lt;Live&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_labels_round_trip(labels in proptest::collection::vec("[^\u{0}]*", 1..6)) {
        let d = hostile_diagram(&labels);
        let text = dot::to_dot(&d, &DotOptions::new().legend(false));
        let parsed = parse(&text);
        assert_same(&d, &parsed);
    }
}

/// `add_node` finds an existing key through a map: 100 000 distinct nodes
/// and as many repeated keys are quick, and repeats return the first index.
#[test]
fn add_node_is_a_lookup() {
    let start = std::time::Instant::now();
    let mut d = Diagram::new("many");
    for i in 0..100_000 {
        d.add_node(&format!("n{i}"), NodeKind::Person, format!("Person {i}"));
    }
    for i in (0..100_000).step_by(7) {
        assert_eq!(d.add_node(&format!("n{i}"), NodeKind::Person, "again"), i);
    }
    assert_eq!(d.nodes.len(), 100_000);
    // Nodes pushed directly are found too; a key edited away is no
    // longer found under its old name.
    d.nodes.push(DiagramNode {
        key: "pushed".into(),
        ..d.nodes[0].clone()
    });
    assert_eq!(d.add_node("pushed", NodeKind::Person, "x"), 100_000);
    d.nodes[1].key = "renamed".into();
    assert_eq!(d.add_node("n1", NodeKind::Person, "x"), 100_001);
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
}
