//! The analytics checked against NetworkX (fixtures written by
//! `scripts/networkx_fixtures.py`), and their behaviour on the bundled data.
//!
//! Regenerate the fixtures from the crate root with
//! `pip install networkx && python3 scripts/networkx_fixtures.py`.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use hallyu::model::WorkKind;
use hallyu::query::{AllPathsOptions, Measure, NeighbourhoodOptions};
use hallyu::{Explorer, Filter, PersonId};
use serde_json::Value;

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn load_json(path: &str) -> Value {
    let text = std::fs::read_to_string(fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn person(ex: &Explorer, key: &str) -> PersonId {
    match ex.by_key(key) {
        Some(hallyu::Entity::Person(p)) => p,
        other => panic!("{key} is not a person: {other:?}"),
    }
}

fn assert_close(what: &str, key: &str, got: f64, want: f64) {
    let tolerance = 1e-9 * want.abs().max(1e-300);
    assert!(
        (got - want).abs() <= tolerance || (want == 0.0 && got.abs() < 1e-15),
        "{what} of {key}: got {got}, NetworkX says {want}"
    );
}

/// Compares every analytic of `ex` (default filter) with a NetworkX fixture.
fn check_against_networkx(ex: &Explorer, name: &str) {
    let nx = load_json(&format!("networkx/{name}.json"));
    let filter = Filter::new();
    let nodes: Vec<&str> = nx["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let projection = ex.projection(&filter);
    assert_eq!(nodes.len(), projection.node_count(), "{name}: node count");
    assert_eq!(
        projection.edge_count() as u64,
        nx["edges"].as_u64().unwrap(),
        "{name}: edge count"
    );

    let c = ex.centrality(&filter);
    for &key in &nodes {
        let s = c.get(person(ex, key));
        assert_eq!(
            s.degree as u64,
            nx["degree"][key].as_u64().unwrap(),
            "{name}: degree of {key}"
        );
        assert_eq!(
            s.shared_works as u64,
            nx["shared_works"][key].as_u64().unwrap(),
            "{name}: weight of {key}"
        );
        assert_close(
            "closeness",
            key,
            s.closeness,
            nx["closeness"][key].as_f64().unwrap(),
        );
        assert_close(
            "betweenness",
            key,
            s.betweenness,
            nx["betweenness"][key].as_f64().unwrap(),
        );

        let d = ex.distances(person(ex, key), &filter);
        let want: Vec<usize> = nx["histograms"][key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(d.histogram(), want.as_slice(), "{name}: histogram of {key}");
    }

    // Components, as sets of sets of keys; sizes in the same order.
    let components = ex.components(&filter);
    let got: BTreeSet<BTreeSet<String>> = components
        .iter()
        .map(|c| {
            c.people
                .iter()
                .map(|&p| ex.get(p).key().into_owned())
                .collect()
        })
        .collect();
    let want: BTreeSet<BTreeSet<String>> = nx["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c.as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(got, want, "{name}: components");
    let sizes: Vec<usize> = components.iter().map(|c| c.people.len()).collect();
    let want_sizes: Vec<usize> = nx["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, want_sizes, "{name}: components largest first");

    // Shortest path lengths and the number of shortest paths.
    for pair in nx["pairs"].as_array().unwrap() {
        let (a, b) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
        let (pa, pb) = (person(ex, a), person(ex, b));
        let length = pair[2].as_u64().map(|l| l as usize);
        let count = pair[3].as_u64().unwrap();
        let all = ex.all_shortest_paths(pa, pb, &AllPathsOptions::new().limit(1000), &filter);
        assert_eq!(all.distance(), length, "{name}: distance {a} → {b}");
        assert_eq!(
            all.count(),
            count,
            "{name}: number of shortest paths {a} → {b}"
        );
        assert_eq!(all.len() as u64, count, "{name}: paths listed {a} → {b}");
        assert_eq!(
            ex.shortest_path(pa, pb, &filter).map(|p| p.len()),
            length,
            "{name}: shortest_path {a} → {b}"
        );
    }
}

#[test]
fn bundled_projection_fixture_is_current() {
    // If this fails, the data changed: regenerate the fixtures (see the top of this file).
    let ex = Explorer::bundled();
    let nx = load_json("projection.json");
    let nodes: Vec<&str> = nx["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let projection = ex.projection(&Filter::new());
    let keys: Vec<String> = projection
        .graph()
        .node_weights()
        .map(|&p| ex.get(p).key().into_owned())
        .collect();
    assert_eq!(keys, nodes);
    let got: Vec<Value> = projection
        .edges()
        .map(|(a, b, ws)| {
            serde_json::json!([
                ex.get(a).key(),
                ex.get(b).key(),
                ws.iter()
                    .map(|&w| ex.get(w).key().into_owned())
                    .collect::<Vec<_>>()
            ])
        })
        .collect();
    assert_eq!(&Value::Array(got), &nx["edges"]);
}

#[test]
fn bundled_matches_networkx() {
    check_against_networkx(&Explorer::bundled(), "bundled");
}

#[test]
fn random_graphs_match_networkx() {
    let dir = fixture("random");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.path().file_stem()?.to_str().map(String::from))
        .collect();
    names.sort();
    assert!(
        names.len() >= 5,
        "expected the random graphs of scripts/networkx_fixtures.py"
    );
    for name in names {
        let ex = Explorer::from_path(dir.join(format!("{name}.ron"))).unwrap();
        check_against_networkx(&ex, &name);
    }
}

#[test]
fn centre_ranking_puts_the_big_component_first() {
    let ex = Explorer::bundled();
    let ranking = ex.centre_ranking(&Filter::new());
    // Everyone with a credit the default filter counts is ranked; the
    // others (crew, records kept only as unverified) are left out.
    assert_eq!(ranking.len() + ranking.left_out(), ex.people().len());
    assert!(ranking.left_out() > 0);
    let sizes: Vec<usize> = ranking.iter().map(|c| c.component_size).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]));
    let top: Vec<&str> = ranking
        .iter()
        .take(5)
        .map(|c| ex.get(c.person).name())
        .collect();
    assert_eq!(
        top,
        [
            "Park Seo-joon",
            "IU",
            "Yeo Jin-goo",
            "Park Bo-young",
            "Park Hyung-sik"
        ]
    );
    // Mean distance agrees with the distances query.
    for c in ranking.iter().take(10) {
        let d = ex.distances(c.person, &Filter::new());
        assert_eq!(c.mean_distance, d.mean());
        assert_eq!(c.eccentricity, d.eccentricity());
        assert_eq!(c.component_size, d.reachable());
    }
}

#[test]
fn a_small_island_does_not_outrank_the_big_component() {
    // Two people who share one work have a mean distance of 1, better than
    // anyone of the bundled component; they must still rank after it.
    let text = r#"(
        people: [
            (id: "a", name: "A"), (id: "b", name: "B"), (id: "c", name: "C"), (id: "d", name: "D"),
            (id: "x", name: "X"), (id: "y", name: "Y"),
        ],
        works: [
            (id: "w1", title: "W1", kind: Film, released: "2020"),
            (id: "w2", title: "W2", kind: Film, released: "2020"),
            (id: "w3", title: "W3", kind: Film, released: "2020"),
            (id: "island", title: "Island", kind: Film, released: "2020"),
        ],
        credits: [
            (from: "a", to: "w1", role: Performer), (from: "b", to: "w1", role: Performer),
            (from: "b", to: "w2", role: Performer), (from: "c", to: "w2", role: Performer),
            (from: "c", to: "w3", role: Performer), (from: "d", to: "w3", role: Performer),
            (from: "x", to: "island", role: Performer), (from: "y", to: "island", role: Performer),
        ],
    )"#;
    let ex = Explorer::new(hallyu::Catalog::from_str("island.ron", text).unwrap());
    let ranking = ex.centre_ranking(&Filter::new());
    let names: Vec<&str> = ranking.iter().map(|c| ex.get(c.person).name()).collect();
    assert_eq!(names, ["B", "C", "A", "D", "X", "Y"]);
    assert_eq!(ranking.as_slice()[4].mean_distance, Some(1.0));
}

/// A catalogue of people `a`, `b`, … (named in capitals) and films, from
/// `(person, work)` credits.
fn catalogue(people: &str, credits: &[(&str, &str)]) -> Explorer {
    let people: Vec<String> = people
        .chars()
        .map(|c| format!("(id: \"{c}\", name: \"{}\")", c.to_ascii_uppercase()))
        .collect();
    let mut works: Vec<&str> = credits.iter().map(|c| c.1).collect();
    works.sort();
    works.dedup();
    let works: Vec<String> = works
        .iter()
        .map(|w| format!("(id: \"{w}\", title: \"{w}\", kind: Film, released: \"2020\")"))
        .collect();
    let credits: Vec<String> = credits
        .iter()
        .map(|(p, w)| format!("(from: \"{p}\", to: \"{w}\", role: Performer)"))
        .collect();
    let text = format!(
        "(people: [{}], works: [{}], credits: [{}])",
        people.join(", "),
        works.join(", "),
        credits.join(", ")
    );
    Explorer::new(hallyu::Catalog::from_str("test.ron", &text).unwrap())
}

/// The names at the ends of the diameter's path, sorted.
fn diameter_ends(ex: &Explorer, d: &hallyu::query::Diameter<'_>) -> [String; 2] {
    let path = d.path().expect("a path");
    let mut ends = [path.start(), path.end()].map(|p| ex.get(p).name().to_string());
    ends.sort();
    ends
}

#[test]
fn diameter_is_of_the_main_component_when_the_busiest_person_is_elsewhere() {
    // The search starts from the busiest person: here X (four shared
    // works) on an island beside the chain A–B–C–D.
    let mut credits = vec![("a", "w1"), ("b", "w1"), ("b", "w2"), ("c", "w2")];
    credits.extend([
        ("c", "w3"),
        ("d", "w3"),
        ("x", "i1"),
        ("y", "i1"),
        ("x", "i2"),
    ]);
    credits.extend([
        ("y", "i2"),
        ("x", "i3"),
        ("y", "i3"),
        ("x", "i4"),
        ("y", "i4"),
    ]);
    let ex = catalogue("abcdxy", &credits);
    let d = ex.diameter(&Filter::new());
    assert_eq!((d.component_size(), d.diameter(), d.radius()), (4, 3, 2));
    assert_eq!(diameter_ends(&ex, &d), ["A", "D"]);
    // A tie: the chains A–B–C and P–Q–R are the same size, Q is the
    // busiest, and the main component is the one with the first member.
    let mut credits = vec![("a", "w1"), ("b", "w1"), ("b", "w2"), ("c", "w2")];
    credits.extend([("p", "i1"), ("q", "i1"), ("p", "i2"), ("q", "i2")]);
    credits.extend([("p", "i3"), ("q", "i3"), ("q", "i4"), ("r", "i4")]);
    let ex = catalogue("abcpqr", &credits);
    let d = ex.diameter(&Filter::new());
    assert_eq!((d.component_size(), d.diameter(), d.radius()), (3, 2, 1));
    assert_eq!(diameter_ends(&ex, &d), ["A", "C"]);
    assert_eq!(ex.get(d.centre().unwrap()).name(), "B");
    // No work shared: every person is a component of one.
    let ex = catalogue("abc", &[("a", "w1"), ("b", "w2"), ("c", "w3")]);
    let d = ex.diameter(&Filter::new());
    assert_eq!((d.component_size(), d.diameter(), d.radius()), (1, 0, 0));
    assert_eq!(diameter_ends(&ex, &d), ["A", "A"]);
}

#[test]
fn betweenness_top_five_on_the_bundled_data() {
    let ex = Explorer::bundled();
    let c = ex.centrality(&Filter::new());
    let top: Vec<&str> = c
        .ranked(Measure::Betweenness)
        .iter()
        .take(5)
        .map(|s| ex.get(s.person).name())
        .collect();
    assert_eq!(
        top,
        [
            "Park Seo-joon",
            "Yeo Jin-goo",
            "IU",
            "Han So-hee",
            "Park Bo-young"
        ]
    );
    let ranked = c.ranked(Measure::Degree);
    assert!(ranked.windows(2).all(|w| w[0].degree >= w[1].degree));
}

#[test]
fn distances_report_the_unreachable() {
    let ex = Explorer::bundled();
    let me = ex.person("Park Seo-joon").unwrap();
    let d = ex.distances(me, &Filter::new());
    assert_eq!(d.histogram().iter().sum::<usize>(), d.reachable());
    assert_eq!(
        d.reachable() + d.unreachable().len() + d.left_out(),
        ex.people().len()
    );
    for &p in d.unreachable() {
        assert_eq!(d.distance(p), None);
        assert!(ex.shortest_path(me, p, &Filter::new()).is_none());
    }
    for &p in d.farthest() {
        assert_eq!(d.distance(p), Some(d.eccentricity()));
    }
    // A filter shrinks the component: music videos and dramas of 2008–2016.
    let narrow = Filter::new()
        .years(2008..=2016)
        .kinds([WorkKind::MusicVideo, WorkKind::Drama]);
    let n = ex.distances(me, &narrow);
    assert!(n.reachable() < d.reachable());
    assert_eq!(
        n.reachable(),
        ex.components(&narrow).of(me).unwrap().people.len()
    );
}

#[test]
fn all_shortest_paths_are_explained_and_capped() {
    let ex = Explorer::bundled();
    let a = ex.person("Song Joong-ki").unwrap();
    let b = ex.person("Seo Yea-ji").unwrap();
    let all = ex.all_shortest_paths(a, b, &AllPathsOptions::new(), &Filter::new());
    assert_eq!((all.distance(), all.count(), all.len()), (Some(3), 11, 11));
    let mut seen = BTreeSet::new();
    for p in &all {
        assert_eq!(p.len(), 3);
        assert!(seen.insert(p.people()), "paths are distinct");
        for s in p.steps() {
            let shared = ex.shared_works(s.from, s.to, &Filter::new());
            assert_eq!(
                shared[0].work, s.work,
                "each hop names the earliest shared work"
            );
        }
    }
    let capped = ex.all_shortest_paths(a, b, &AllPathsOptions::new().limit(2), &Filter::new());
    assert_eq!((capped.len(), capped.count()), (2, 11));
    assert_eq!(capped.paths()[0].people(), all.paths()[0].people());
    assert!(
        capped.to_string().starts_with(
            "11 shortest paths of 3 hops from Song Joong-ki to Seo Yea-ji (showing 2)"
        )
    );

    let herman = ex.person("Tamar Herman").unwrap();
    let none = ex.all_shortest_paths(a, herman, &AllPathsOptions::new(), &Filter::new());
    assert_eq!((none.distance(), none.count(), none.len()), (None, 0, 0));
    let own = ex.all_shortest_paths(a, a, &AllPathsOptions::new(), &Filter::new());
    assert_eq!((own.distance(), own.count(), own.len()), (Some(0), 1, 1));
}

#[test]
fn neighbourhood_is_an_explorer_every_query_accepts() {
    let ex = Explorer::bundled();
    let me = ex.person("Park Seo-joon").unwrap();
    let d = ex.distances(me, &Filter::new());
    for k in 0..=3 {
        let near = ex.neighbourhood(me, &NeighbourhoodOptions::new().hops(k), &Filter::new());
        let within: usize = d.histogram().iter().take(k + 1).sum();
        assert_eq!(near.people().len(), within, "people within {k} hops");
        let centre = person(&near, "park-seo-joon");
        let dn = near.distances(centre, &Filter::new());
        assert_eq!(
            dn.reachable(),
            within,
            "the sub-explorer is connected ({k} hops)"
        );
        assert_eq!(dn.eccentricity(), k.min(d.eccentricity()));
        // Distances inside are the same as outside.
        for p in near.people() {
            let outside = person(&ex, &near.get(p).key());
            assert_eq!(dn.distance(p), d.distance(outside));
        }
        // At 0 hops no work links two kept people, so the person keeps no
        // credit and is not a node of the co-appearance graph.
        assert_eq!(near.components(&Filter::new()).len(), usize::from(k > 0));
    }
    // Group credits come with the groups and memberships that explain them.
    let gd = ex.person("G-Dragon").unwrap();
    let near = ex.neighbourhood(gd, &NeighbourhoodOptions::new().hops(1), &Filter::new());
    assert!(near.group("BIGBANG").is_ok());
    assert_eq!(
        near.co_appearances(person(&near, "g-dragon"), &Filter::new())
            .len(),
        ex.co_appearances(gd, &Filter::new()).len()
    );
}

#[test]
fn introductions_and_recommendations() {
    let ex = Explorer::bundled();
    let f = Filter::new();
    let a = ex.person("lee-min-ho").unwrap();
    let b = ex.person("Park Seo-joon").unwrap();
    let intros = ex.introductions(a, b, &f);
    let names: Vec<&str> = intros.iter().map(|i| ex.get(i.person).name()).collect();
    assert_eq!(names, ["Park Hyung-sik", "Park Min-young"]);
    for i in &intros {
        assert_eq!(i.with_a.len(), ex.shared_works(a, i.person, &f).len());
        assert_eq!(i.with_b.len(), ex.shared_works(b, i.person, &f).len());
    }
    // Symmetric up to the sides.
    let back = ex.introductions(b, a, &f);
    assert_eq!(
        back.iter().map(|i| i.person).collect::<Vec<_>>(),
        intros.iter().map(|i| i.person).collect::<Vec<_>>()
    );

    let recs = ex.recommendations(b, &f);
    let costars = ex.co_appearances(b, &f);
    let d = ex.distances(b, &f);
    let at_two = d.histogram()[2];
    assert_eq!(recs.len(), at_two, "everyone at distance 2 is recommended");
    for r in &recs {
        assert_eq!(d.distance(r.person), Some(2));
        for &c in &r.through {
            assert!(costars.get(c).is_some());
            assert!(!ex.shared_works(c, r.person, &f).is_empty());
        }
    }
}

#[test]
fn projection_is_a_petgraph_graph() {
    let ex = Explorer::bundled();
    let projection = ex.projection(&Filter::new());
    let g = projection.graph();
    let left_out = ex.components(&Filter::new()).left_out();
    assert_eq!(g.node_count() + left_out, ex.people().len());
    for (a, b, works) in projection.edges() {
        assert!(a < b);
        assert_eq!(works.len(), ex.shared_works(a, b, &Filter::new()).len());
        assert_eq!(projection.works_between(b, a), works);
    }
    let weights: HashMap<PersonId, usize> = ex
        .centrality(&Filter::new())
        .iter()
        .map(|s| (s.person, s.shared_works))
        .collect();
    for p in ex.people() {
        let sum: usize = projection
            .node(p)
            .map_or(0, |n| g.edges(n).map(|e| e.weight().len()).sum());
        assert_eq!(sum, weights[&p]);
    }
}

#[test]
fn filters_apply_to_every_query() {
    let ex = Explorer::bundled();
    let mvs = Filter::new().kinds([WorkKind::MusicVideo]);
    let projection = ex.projection(&mvs);
    for (_, _, works) in projection.edges() {
        assert!(
            works
                .iter()
                .all(|&w| ex.get(w).kind() == WorkKind::MusicVideo)
        );
    }
    let c = ex.centrality(&mvs);
    for p in ex.people() {
        assert_eq!(c.get(p).degree, ex.co_appearances(p, &mvs).len());
    }
    let components = ex.components(&mvs);
    for comp in &components {
        assert!(
            comp.works
                .iter()
                .all(|&w| ex.get(w).kind() == WorkKind::MusicVideo)
        );
    }
    let nobody = Filter::new().years(1900..=1901);
    assert_eq!(ex.projection(&nobody).edge_count(), 0);
    // No credit counts: nobody is a node of the graph.
    assert_eq!(ex.components(&nobody).len(), 0);
    assert_eq!(ex.components(&nobody).left_out(), ex.people().len());
    assert!(
        ex.centrality(&nobody)
            .iter()
            .all(|s| s.closeness == 0.0 && s.betweenness == 0.0)
    );
}
