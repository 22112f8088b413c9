//! Pictures of communities (`View::communities`, `hallyu draw
//! communities`): every member of one community in one colour and two
//! communities in two colours, in the DOT text, in the built-in renderer's
//! SVG and in Graphviz's SVG (when installed); clusters past the palette
//! grey; the people drawn bounded, and what is left out said.

use std::collections::{BTreeMap, BTreeSet};

use hallyu::export::{CLUSTER_COLOURS, Diagram, NodeKind, View, dot};
use hallyu::model::WorkKind;
use hallyu::query::CommunityOptions;
use hallyu::render::{Engine, RenderOptions, Renderer};
use hallyu::{Entity, Explorer, Filter};

/// The `fillcolor` of every node of a DOT text, by key (keys of the bundled
/// data need no unquoting).
fn dot_fills(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim_start();
        let Some(rest) = line.strip_prefix('"') else {
            continue;
        };
        let Some((key, attrs)) = rest.split_once("\"[") else {
            continue;
        };
        if key.starts_with("legend:") {
            continue; // the legend's samples
        }
        if let Some(at) = attrs.find("fillcolor=\"") {
            let v = &attrs[at + 11..];
            out.insert(key.to_string(), v[..v.find('"').unwrap()].to_uppercase());
        }
    }
    out
}

/// The fill of every node box of the built-in renderer's SVG, by key.
fn builtin_fills(svg: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for part in svg.split("data-key=\"").skip(1) {
        let key = &part[..part.find('"').unwrap()];
        let rect = &part[part.find("<rect class=\"node\"").unwrap()..];
        let rect = &rect[..rect.find('>').unwrap()];
        let at = rect.find("fill=\"").unwrap() + 6;
        out.insert(key.to_string(), rect[at..at + 7].to_uppercase());
    }
    out
}

/// The fill of every node of Graphviz's SVG, by key (its `<title>`).
fn graphviz_fills(svg: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for part in svg.split("<g id=\"node").skip(1) {
        let title = &part[part.find("<title>").unwrap() + 7..];
        let key = &title[..title.find("</title>").unwrap()];
        let at = part.find("fill=\"").unwrap() + 6;
        out.insert(key.replace("&#45;", "-"), part[at..at + 7].to_uppercase());
    }
    out
}

/// Every person drawn is in their community; one community, one fill; two
/// communities (of the palette), two fills.
fn check_colours(what: &str, d: &Diagram, fills: &BTreeMap<String, String>, ex: &Explorer) {
    let found = ex
        .communities(&CommunityOptions::new(), &Filter::new())
        .unwrap();
    let mut by_community: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for n in d.nodes.iter().filter(|n| n.kind == NodeKind::Person) {
        let Some(Entity::Person(p)) = ex.by_key(&n.key) else {
            panic!("{}", n.key)
        };
        assert_eq!(n.cluster, found.community(p), "{what}: {}", n.key);
        let fill = fills
            .get(&n.key)
            .unwrap_or_else(|| panic!("{what}: no fill for {}", n.key));
        by_community
            .entry(n.cluster.unwrap())
            .or_default()
            .insert(fill);
    }
    assert_eq!(
        by_community.len(),
        found.len().min(CLUSTER_COLOURS),
        "{what}"
    );
    for (c, f) in &by_community {
        assert_eq!(f.len(), 1, "{what}: community {c} in {f:?}");
    }
    let distinct: BTreeSet<_> = by_community.values().flatten().collect();
    assert_eq!(
        distinct.len(),
        by_community.len(),
        "{what}: {by_community:?}"
    );
}

#[test]
fn one_community_one_colour_in_dot_and_svg() {
    let ex = Explorer::bundled();
    let d = View::communities(CommunityOptions::new())
        .diagram(&ex)
        .unwrap();
    assert_eq!(d.clusters.len(), 10);
    let text = dot::to_dot(&d, &dot::DotOptions::new());
    check_colours("DOT", &d, &dot_fills(&text), &ex);
    // The legend names each community (neato's legend is an HTML-like
    // label: an apostrophe is an entity there).
    for name in &d.clusters {
        assert!(text.contains(&name.replace('\'', "&apos;")), "{name}");
    }
    let builtin = Renderer::new(RenderOptions::new().engine(Engine::Builtin))
        .render(&d)
        .unwrap();
    let svg = builtin.as_str().unwrap();
    check_colours("built-in SVG", &d, &builtin_fills(svg), &ex);
    assert!(svg.contains("Gyopo Hairstyle / Wooga Squad"));
    if hallyu::render::Graphviz::find().is_ok() {
        let drawn = Renderer::new(RenderOptions::new().engine(Engine::Graphviz))
            .render(&d)
            .unwrap();
        check_colours(
            "Graphviz SVG",
            &d,
            &graphviz_fills(drawn.as_str().unwrap()),
            &ex,
        );
    } else {
        eprintln!("Graphviz not installed: its SVG not checked");
    }
}

#[test]
fn clusters_past_the_palette_are_grey_and_never_repeat_a_colour() {
    let mut d = Diagram::new("many");
    let n = CLUSTER_COLOURS + 3;
    d.clusters = (0..n).map(|c| format!("community {c}")).collect();
    for c in 0..n {
        let i = d.add_node(&format!("p{c}"), NodeKind::Person, format!("P{c}"));
        d.nodes[i].cluster = Some(c);
    }
    let w = d.add_node("w", NodeKind::Work(WorkKind::Film), "W");
    let text = dot::to_dot(&d, &dot::DotOptions::new());
    let fills = dot_fills(&text);
    let palette: BTreeSet<&String> = (0..CLUSTER_COLOURS)
        .map(|c| &fills[&format!("p{c}")])
        .collect();
    assert_eq!(palette.len(), CLUSTER_COLOURS, "{fills:?}");
    let grey = &fills[&format!("p{CLUSTER_COLOURS}")];
    assert_eq!(grey, "#D9D9D9");
    assert!(!palette.contains(grey));
    for c in CLUSTER_COLOURS..n {
        assert_eq!(&fills[&format!("p{c}")], grey);
    }
    assert_ne!(&fills["w"], grey, "a work keeps its kind's colour");
    assert!(!palette.contains(&fills["w"]));
    // The legend: each of the palette's communities, then one grey entry.
    assert!(text.contains("community 10"));
    assert!(!text.contains("community 11"));
    assert_eq!(text.matches("other communities").count(), 1);
    let svg = Renderer::new(RenderOptions::new().engine(Engine::Builtin))
        .render(&d)
        .unwrap();
    let svg = svg.as_str().unwrap();
    assert_eq!(builtin_fills(svg), fills);
    assert!(svg.contains("other communities") && !svg.contains("community 11"));
    let _ = w;
}

#[test]
fn a_communities_picture_is_bounded_and_says_what_it_left_out() {
    let ex = Explorer::bundled();
    let options = CommunityOptions::new().resolution(2.0).seed(3);
    let found = ex.communities(&options, &Filter::new()).unwrap();
    let d = View::communities(options)
        .top(4)
        .max_people(20)
        .diagram(&ex)
        .unwrap();
    let drawn: Vec<_> = d.nodes.iter().filter(|n| n.cluster.is_some()).collect();
    assert_eq!(drawn.len(), 20);
    assert!(
        d.nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Person)
            .all(|n| n.cluster.is_some())
    );
    let mut per: BTreeMap<usize, usize> = BTreeMap::new();
    for n in &drawn {
        *per.entry(n.cluster.unwrap()).or_default() += 1;
    }
    // Each of the four largest its share: five places each (all are larger).
    assert!((0..4).all(|c| found.members(c).len() >= 5));
    assert_eq!(per, (0..4).map(|c| (c, 5)).collect());
    let total: usize = (0..4).map(|c| found.members(c).len()).sum();
    let (_, note) = d.title.split_once('\n').expect("a second line");
    assert!(
        note.contains(&format!("20 of their {total} people drawn")),
        "{note}"
    );
    assert!(
        note.contains(&format!("{} smaller communities left out", found.len() - 4)),
        "{note}"
    );
    // Works that link two people drawn, and no other.
    for n in d
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Work(_)))
    {
        let i = d.node_index(&n.key).unwrap();
        let people = d.edges.iter().filter(|e| e.to == i).count();
        assert!(people >= 2, "{} links {people}", n.key);
    }
    // Each community's part hangs together: its people drawn are linked
    // through the works drawn with members of their own community.
    for c in 0..4 {
        let mine: Vec<usize> = (0..d.nodes.len())
            .filter(|&i| d.nodes[i].cluster == Some(c))
            .collect();
        let mut reached = vec![mine[0]];
        let mut at = 0;
        while at < reached.len() {
            let p = reached[at];
            at += 1;
            for e in d.edges.iter().filter(|e| e.from == p) {
                for f in d.edges.iter().filter(|f| f.to == e.to) {
                    if d.nodes[f.from].cluster == Some(c) && !reached.contains(&f.from) {
                        reached.push(f.from);
                    }
                }
            }
        }
        assert_eq!(reached.len(), mine.len(), "community {c} drawn in pieces");
    }
}

#[test]
fn a_communities_picture_follows_the_filter() {
    let ex = Explorer::bundled();
    let dramas = Filter::new().kinds([WorkKind::Drama]);
    let found = ex.communities(&CommunityOptions::new(), &dramas).unwrap();
    let d = View::communities(CommunityOptions::new())
        .filter(dramas.clone())
        .max_people(1000)
        .diagram(&ex)
        .unwrap();
    for n in &d.nodes {
        match ex.by_key(&n.key) {
            Some(Entity::Person(p)) => assert_eq!(n.cluster, found.community(p)),
            Some(Entity::Work(w)) => assert_eq!(ex.get(w).kind(), WorkKind::Drama),
            other => panic!("{other:?}"),
        }
    }
    let shown = found.len().min(CLUSTER_COLOURS);
    let people: usize = (0..shown).map(|c| found.members(c).len()).sum();
    assert_eq!(
        d.nodes.iter().filter(|n| n.cluster.is_some()).count(),
        people
    );
}
