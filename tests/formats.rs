//! The file formats: every export of the bundled data read back by NetworkX
//! (when it is installed), the Neo4j headers against the manual's grammar,
//! round trips through GraphML, node-link JSON and CSV, NetworkX's Davis
//! Southern Women graph, Neo4j's movie graph, and the position of every
//! import error.

#![cfg(feature = "serde")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use hallyu::export::{Network, Shape, csv, gexf, graphml, json, neo4j};
use hallyu::import::{Csv, Gexf, Graphml, NodeLink};
use hallyu::model::{Role, RoleKind};
use hallyu::{Explorer, Filter, RoleSet};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Who co-appears with whom, by key, with the shared works' keys.
fn co_appearances(
    ex: &Explorer,
    filter: &Filter,
) -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    ex.people()
        .map(|p| {
            let costars = ex
                .co_appearances(p, filter)
                .iter()
                .map(|c| {
                    let mut works: Vec<String> = c
                        .works
                        .iter()
                        .map(|s| ex.get(s.work).key().into_owned())
                        .collect();
                    works.sort();
                    (ex.get(c.person).key().into_owned(), works)
                })
                .collect();
            (ex.get(p).key().into_owned(), costars)
        })
        .collect()
}

fn components(ex: &Explorer, filter: &Filter) -> BTreeSet<BTreeSet<String>> {
    ex.components(filter)
        .iter()
        .map(|c| {
            c.people
                .iter()
                .map(|&p| ex.get(p).key().into_owned())
                .collect()
        })
        .collect()
}

/// Shortest-path lengths between a sample of pairs of people, by key.
fn path_lengths(ex: &Explorer, filter: &Filter) -> BTreeMap<(String, String), Option<usize>> {
    let mut people: Vec<_> = ex
        .people()
        .map(|p| (ex.get(p).key().into_owned(), p))
        .collect();
    people.sort();
    let mut out = BTreeMap::new();
    // About 15 sources and 20 targets each on a large graph.
    let (outer, inner) = (7.max(people.len() / 15), 5.max(people.len() / 20));
    for (i, (ka, a)) in people.iter().enumerate().step_by(outer) {
        for (kb, b) in people.iter().skip(i + 1).step_by(inner) {
            let len = ex.shortest_path(*a, *b, filter).map(|p| p.len());
            out.insert((ka.clone(), kb.clone()), len);
        }
    }
    out
}

#[test]
fn exports_read_back_with_networkx() {
    let ex = Explorer::bundled();
    let filter = Filter::new();
    let dir = out_dir("formats-networkx");
    let mut expected = serde_json::Map::new();
    for (shape, name) in [
        (Shape::Bipartite, "bipartite"),
        (Shape::Projection, "projection"),
    ] {
        let net = Network::new(&ex, &filter, shape);
        std::fs::write(
            dir.join(format!("{name}.graphml")),
            graphml::to_graphml(&net),
        )
        .unwrap();
        std::fs::write(dir.join(format!("{name}.gexf")), gexf::to_gexf(&net)).unwrap();
        let opts = json::NodeLinkOptions::new();
        std::fs::write(
            dir.join(format!("{name}.json")),
            json::to_node_link(&net, &opts),
        )
        .unwrap();
        std::fs::write(
            dir.join(format!("{name}-links.json")),
            json::to_node_link(&net, &opts.links(true)),
        )
        .unwrap();
        neo4j::write_dir(&net, dir.join(format!("{name}-neo4j"))).unwrap();
        std::fs::write(
            dir.join(format!("{name}.cypher")),
            neo4j::to_cypher(&net, 200),
        )
        .unwrap();
        std::fs::write(
            dir.join(format!("{name}.csv")),
            csv::to_edge_list(&net, b','),
        )
        .unwrap();
        let key = |n: usize| net.nodes()[n].key.clone();
        let seo_joon = net
            .nodes()
            .iter()
            .find(|n| n.key == "park-seo-joon")
            .unwrap();
        let mut node_attrs = serde_json::Map::new();
        node_attrs.insert(
            seo_joon.key.clone(),
            serde_json::json!({"label": seo_joon.label, "kind": "person", "bipartite": 0, "hangul": "박서준"}),
        );
        let mut edge_attrs = Vec::new();
        match shape {
            Shape::Bipartite => {
                let haru = net.nodes().iter().find(|n| n.key == "haru-haru").unwrap();
                node_attrs.insert(
                    haru.key.clone(),
                    serde_json::json!({"label": "Haru Haru", "kind": "work", "work_kind": "mv", "year": 2008, "bipartite": 1}),
                );
                node_attrs.insert(
                    "2ne1".into(),
                    serde_json::json!({"label": "2NE1", "kind": "group", "group_kind": "girl-group"}),
                );
                for e in net.edges().iter().step_by(3) {
                    let c = e.credit.as_ref().unwrap();
                    let mut attrs = serde_json::json!({"role": c.role, "role_kind": c.role_kind.name(), "weight": 1.0});
                    if let Some(y) = c.since {
                        attrs["since"] = y.into();
                    }
                    edge_attrs.push(serde_json::json!([
                        key(e.source),
                        key(e.target),
                        e.key,
                        attrs
                    ]));
                }
            }
            Shape::Projection => {
                for e in net.edges().iter().step_by(9) {
                    edge_attrs.push(serde_json::json!([key(e.source), key(e.target), e.key, {"weight": e.weight, "newman": e.newman, "shared": e.works.len()}]));
                }
            }
        }
        // The counts `hallyu stats` gives: every record of each kind, every
        // credit (memberships and contracts among them).
        let kinds = match shape {
            Shape::Bipartite => serde_json::json!({
                "person": ex.people().len(),
                "group": ex.groups().len(),
                "work": ex.works().len(),
                "organisation": ex.organisations().len(),
            }),
            Shape::Projection => serde_json::json!({"person": ex.people().len()}),
        };
        if shape == Shape::Bipartite {
            assert_eq!(net.edges().len(), ex.credits().len());
        }
        expected.insert(
            name.to_string(),
            serde_json::json!({
                "nodes": net.nodes().len(),
                "edges": net.edges().len(),
                "kinds": kinds,
                "multigraph": shape == Shape::Bipartite,
                "csv_rows": net.credits().len(),
                "node_attrs": node_attrs,
                "edge_attrs": edge_attrs,
                "bipartite": shape == Shape::Bipartite,
            }),
        );
    }
    std::fs::write(
        dir.join("expected.json"),
        serde_json::to_string_pretty(&expected).unwrap(),
    )
    .unwrap();
    let has_networkx = Command::new("python3")
        .args(["-c", "import networkx"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_networkx {
        eprintln!(
            "skipped: NetworkX is not installed (pip install networkx); exports in {}",
            dir.display()
        );
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/check_formats.py");
    let out = Command::new("python3")
        .arg(script)
        .arg("check")
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "check_formats.py failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("0 problems"), "{stdout}");
}

#[test]
fn neo4j_headers_follow_the_manual() {
    // Operations Manual, "CSV header format": a field is `name:TYPE`,
    // `name:ID(space)`, `:ID(space)`, `:START_ID(space)`, `:END_ID(space)`,
    // `:LABEL`, `:TYPE` or a plain name; types int, long, float, double,
    // boolean, byte, short, char, string, point, date, localtime, time,
    // localdatetime, datetime, duration, each optionally an array `[]`.
    let field = regex::Regex::new(
        r"^(?:[A-Za-z_][A-Za-z0-9_]*)?(?::(?:ID|START_ID|END_ID)(?:\([A-Za-z_][A-Za-z0-9_]*\))?|:LABEL|:TYPE|:IGNORE|:(?:int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(?:\[\])?)?$",
    )
    .unwrap();
    let ex = Explorer::bundled();
    for shape in [Shape::Bipartite, Shape::Projection] {
        let files = neo4j::to_csv_files(&Network::new(&ex, &Filter::new(), shape));
        for (name, text) in &files {
            let header = text.lines().next().unwrap();
            let fields: Vec<&str> = header.split(',').collect();
            for f in &fields {
                assert!(
                    field.is_match(f),
                    "{name}: field {f:?} breaks the header grammar"
                );
                assert!(!f.is_empty(), "{name}: an empty header field");
            }
            let nodes = fields.iter().any(|f| f.contains(":ID("));
            let rels = fields.iter().any(|f| f.starts_with(":START_ID("))
                && fields.iter().any(|f| f.starts_with(":END_ID("));
            assert!(
                nodes ^ rels,
                "{name}: a nodes file has an :ID, a relationships file :START_ID and :END_ID"
            );
            if nodes {
                assert!(fields.contains(&":LABEL"), "{name}");
                // Ids unique within their space.
                let ids: Vec<&str> = text
                    .lines()
                    .skip(1)
                    .map(|l| l.split(',').next().unwrap())
                    .collect();
                let unique: BTreeSet<&str> = ids.iter().copied().collect();
                assert_eq!(ids.len(), unique.len(), "{name}: duplicate ids");
            } else {
                assert!(fields.contains(&":TYPE"), "{name}");
            }
            // Every row has the header's number of fields (quoted fields
            // may hold commas; no field spans lines).
            for (i, line) in text.lines().enumerate().skip(1) {
                let (mut n, mut quoted) = (1, false);
                for ch in line.chars() {
                    match ch {
                        '"' => quoted = !quoted,
                        ',' if !quoted => n += 1,
                        _ => {}
                    }
                }
                assert!(!quoted, "{name}:{}: an unclosed quote", i + 1);
                assert_eq!(n, fields.len(), "{name}:{}: {line}", i + 1);
            }
        }
        let script = neo4j::to_cypher(&Network::new(&ex, &Filter::new(), shape), 100);
        assert!(script.contains(
            "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;"
        ));
        assert!(
            script.contains("UNWIND [")
                && script.contains("] AS row\nMERGE (n:Person {id: row.id}) SET n += row.props")
        );
        assert_eq!(
            script.matches(":begin").count(),
            script.matches(":commit").count()
        );
    }
}

#[test]
fn bundled_round_trips_through_graphml_and_node_link_json() {
    let ex = Explorer::bundled();
    let filter = Filter::new();
    let net = Network::new(&ex, &filter, Shape::Bipartite);
    let want = (
        co_appearances(&ex, &filter),
        components(&ex, &filter),
        path_lengths(&ex, &filter),
    );
    let text = graphml::to_graphml(&net);
    let back = Graphml::new()
        .from_reader("bundled.graphml", text.as_bytes())
        .unwrap();
    assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
    let got = &back.explorer;
    assert_eq!(got.people().len(), ex.people().len());
    assert_eq!(
        co_appearances(got, &filter),
        want.0,
        "co-appearances through GraphML"
    );
    assert_eq!(
        components(got, &filter),
        want.1,
        "components through GraphML"
    );
    assert_eq!(path_lengths(got, &filter), want.2, "paths through GraphML");
    let p = got.person("Park Seo-joon").unwrap();
    assert_eq!(got.get(p).hangul(), Some("박서준"));

    for links in [false, true] {
        let text = json::to_node_link(&net, &json::NodeLinkOptions::new().links(links));
        let back = NodeLink::new()
            .from_reader("bundled.json", text.as_bytes())
            .unwrap();
        let got = &back.explorer;
        assert_eq!(
            co_appearances(got, &filter),
            want.0,
            "co-appearances through JSON"
        );
        assert_eq!(components(got, &filter), want.1, "components through JSON");
        assert_eq!(path_lengths(got, &filter), want.2, "paths through JSON");
    }
}

fn everything() -> Filter {
    Filter::new()
        .roles(RoleSet::ANY_WORK_ROLE)
        .include_unverified(true)
}

#[test]
fn csv_round_trip_is_identical() {
    let text = std::fs::read_to_string(fixtures().join("edges.csv")).unwrap();
    let loaded = Csv::new()
        .from_reader("edges.csv", text.as_bytes())
        .unwrap();
    let net = Network::new(&loaded.explorer, &everything(), Shape::Bipartite);
    assert_eq!(csv::to_edge_list(&net, b','), text);
    // The bundled data: its edge list reads back into the same edge list.
    let ex = Explorer::bundled();
    let first = csv::to_edge_list(&Network::new(&ex, &everything(), Shape::Bipartite), b',');
    let back = Csv::new()
        .from_reader("bundled.csv", first.as_bytes())
        .unwrap();
    let second = csv::to_edge_list(
        &Network::new(&back.explorer, &everything(), Shape::Bipartite),
        b',',
    );
    let third = {
        let again = Csv::new()
            .from_reader("again.csv", second.as_bytes())
            .unwrap();
        csv::to_edge_list(
            &Network::new(&again.explorer, &everything(), Shape::Bipartite),
            b',',
        )
    };
    assert_eq!(second, third);
    // Rows repeated only where a person is credited both directly and
    // through a group with the same role.
    assert_eq!(
        first.lines().count() - second.lines().count(),
        back.report.skipped.len()
    );
    // With another delimiter.
    let semi = csv::to_edge_list(&net, b';');
    let back = Csv::new()
        .delimiter(b';')
        .from_reader("edges.csv", semi.as_bytes())
        .unwrap();
    assert_eq!(
        csv::to_edge_list(
            &Network::new(&back.explorer, &everything(), Shape::Bipartite),
            b','
        ),
        text
    );
}

#[test]
fn edge_list_derives_ids_and_invents_nothing() {
    let text = "person,work,role,year\n\
                IU,Dream,lead,2023\n\
                Iu,Dream,supporting,2023\n\
                IU,Dream,screenwriter,2023\n\
                Suzy,Dream,acted in,\n\
                Suzy,Festival,participant,\n";
    let loaded = Csv::new().from_reader("mine.csv", text.as_bytes()).unwrap();
    let ex = &loaded.explorer;
    let r = &loaded.report;
    // "Iu" derives IU's id; "Dream" with and without a year are two works.
    let collisions: Vec<(&str, &str, &str)> = r
        .collisions
        .iter()
        .map(|c| (c.slug.as_str(), c.second.as_str(), c.given.as_str()))
        .collect();
    assert_eq!(
        collisions,
        [("iu", "Iu", "iu-2"), ("dream", "Dream", "dream-2")]
    );
    assert_eq!(r.generic_roles, 3);
    assert_eq!((r.people, r.works, r.credits), (3, 3, 5));
    // "Dream" with a year and without are two works (title and year tell them apart).
    let suzy = ex.person("suzy").unwrap();
    let works = ex.works_of(suzy, &everything());
    assert_eq!(works.len(), 2);
    for (w, c) in &works {
        assert_eq!(ex.get(*w).year(), None, "no year invented");
        assert_eq!(ex.get(*w).released(), None);
        assert!(matches!(
            ex.get(c.credit).role().as_ref(),
            Role::Other {
                on_screen: true,
                ..
            }
        ));
    }
    let iu = ex.person("iu").unwrap();
    let kinds: Vec<RoleKind> = ex
        .credits_of(iu.into())
        .map(|c| ex.get(c).role_kind())
        .collect();
    assert_eq!(kinds, [RoleKind::Lead, RoleKind::OtherCrew]);
    let writer = ex.credits_of(iu.into()).nth(1).unwrap();
    assert_eq!(ex.get(writer).role().word(), "screenwriter");
    // The crew credit is not a co-appearance; the lead is.
    assert_eq!(ex.co_appearances(iu, &Filter::new()).len(), 1);
    // And it survives a round trip.
    let out = csv::to_edge_list(&Network::new(ex, &everything(), Shape::Bipartite), b',');
    assert!(
        out.contains("iu,IU,dream,Dream,other,screenwriter,,,2023\n"),
        "{out}"
    );
}

#[test]
fn davis_southern_women_imports_with_networkx_weights() {
    let weights: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("davis_weights.json")).unwrap(),
    )
    .unwrap();
    let pairs = weights["pairs"].as_array().unwrap();
    let graphml = Graphml::new()
        .from_path(fixtures().join("davis.graphml"))
        .unwrap();
    let json = NodeLink::new()
        .from_path(fixtures().join("davis.json"))
        .unwrap();
    for loaded in [graphml, json] {
        let ex = &loaded.explorer;
        assert_eq!(
            (ex.people().len(), ex.works().len(), ex.credits().len()),
            (18, 14, 89)
        );
        assert!(loaded.report.skipped.is_empty());
        let net = Network::new(ex, &Filter::new(), Shape::Projection);
        assert_eq!(net.edges().len(), pairs.len());
        for pair in pairs {
            let (a, b) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
            let shared = pair[2].as_u64().unwrap() as usize;
            let newman = pair[3].as_f64().unwrap();
            let pa = ex.person(a).unwrap();
            let pb = ex.person(b).unwrap();
            assert_eq!(
                ex.shared_works(pa, pb, &Filter::new()).len(),
                shared,
                "{a} – {b}"
            );
            let (ia, ib) = (
                net.nodes().iter().position(|n| n.key == a).unwrap(),
                net.nodes().iter().position(|n| n.key == b).unwrap(),
            );
            let e = net
                .edges()
                .iter()
                .find(|e| (e.source, e.target) == (ia.min(ib), ia.max(ib)))
                .unwrap();
            assert_eq!(e.weight, shared as f64);
            assert!(
                (e.newman - newman).abs() < 1e-9,
                "{a} – {b}: {} vs {newman}",
                e.newman
            );
        }
        // The events are works of the generic kind.
        let e1 = ex.work("E1").unwrap();
        assert_eq!(ex.get(e1).kind(), hallyu::model::WorkKind::Other);
    }
}

#[test]
fn neo4j_movie_graph_imports_without_invented_billings_or_years() {
    let loaded = Csv::new().from_dir(fixtures().join("movies")).unwrap();
    let ex = &loaded.explorer;
    assert_eq!((ex.people().len(), ex.works().len()), (72, 17));
    for c in ex.credits() {
        let role = ex.get(c).role();
        assert!(
            !matches!(role.as_ref(), Role::Cast { .. }),
            "a billing was invented: {role:?}"
        );
    }
    // Characters are kept, on credits without a billing too.
    let keanu = ex.person("Keanu Reeves").unwrap();
    let matrix = ex.work("The Matrix").unwrap();
    let shared: Vec<_> = ex
        .works_of(keanu, &Filter::new())
        .into_iter()
        .filter(|(w, _)| *w == matrix)
        .collect();
    assert_eq!(
        ex.get(shared[0].1.credit).role().as_ref(),
        &Role::Other {
            name: "ACTED_IN".into(),
            on_screen: true,
            character: Some("Neo".into())
        }
    );
    let naomie = ex.person("Naomie Harris").unwrap();
    assert_eq!(ex.get(naomie).born(), None, "no birth year invented");
    assert_eq!(ex.get(ex.person("Tom Hanks").unwrap()).born(), Some(1956));
    // Directing is not acting: Tom Hanks directed That Thing You Do.
    let hanks = ex.person("Tom Hanks").unwrap();
    let kinds: BTreeSet<RoleKind> = ex
        .credits_of(hanks.into())
        .map(|c| ex.get(c).role_kind())
        .collect();
    assert_eq!(
        kinds,
        BTreeSet::from([RoleKind::Director, RoleKind::OtherOnScreen])
    );
    // The guide's answers.
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("movies_expected.json")).unwrap(),
    )
    .unwrap();
    for who in ["tom-hanks", "keanu-reeves"] {
        let me = ex.person(who).unwrap();
        let got: Vec<(String, u64)> = ex
            .recommendations_by_paths(me, &Filter::new())
            .iter()
            .map(|r| (ex.get(r.person).name().to_string(), r.paths))
            .collect();
        let mut got_sorted = got.clone();
        got_sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let want: Vec<(String, u64)> = expected[who]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r[0].as_str().unwrap().to_string(), r[1].as_u64().unwrap()))
            .collect();
        assert_eq!(got_sorted, want, "{who}");
        assert_eq!(
            got.iter().map(|g| g.1).collect::<Vec<_>>(),
            want.iter().map(|g| g.1).collect::<Vec<_>>()
        );
        // The same people as the distinct-intermediary ranking.
        let people: BTreeSet<String> = ex
            .recommendations(me, &Filter::new())
            .iter()
            .map(|r| ex.get(r.person).name().to_string())
            .collect();
        assert_eq!(people, want.iter().map(|w| w.0.clone()).collect());
    }
    assert_eq!(
        loaded.report.skipped.len(),
        0,
        "{:?}",
        loaded.report.skipped
    );
}

#[test]
fn open_picks_the_reader() {
    let dir = out_dir("formats-open");
    let ex = Explorer::bundled();
    let net = Network::new(&ex, &Filter::new(), Shape::Bipartite);
    std::fs::write(dir.join("g.graphml"), graphml::to_graphml(&net)).unwrap();
    std::fs::write(dir.join("g.gexf"), gexf::to_gexf(&net)).unwrap();
    std::fs::write(
        dir.join("g.json"),
        json::to_node_link(&net, &json::NodeLinkOptions::new()),
    )
    .unwrap();
    std::fs::write(dir.join("g.csv"), csv::to_edge_list(&net, b',')).unwrap();
    std::fs::write(dir.join("g.tsv"), csv::to_edge_list(&net, b'\t')).unwrap();
    // An edge list holds the people with a credit only.
    let credited: BTreeSet<usize> = net.credits().iter().map(|c| c.0).collect();
    for (name, people) in [
        ("g.graphml", ex.people().len()),
        ("g.gexf", ex.people().len()),
        ("g.json", ex.people().len()),
        ("g.csv", credited.len()),
        ("g.tsv", credited.len()),
    ] {
        let got = hallyu::import::open(dir.join(name)).unwrap();
        assert_eq!(got.people().len(), people, "{name}");
    }
    let movies = hallyu::import::open(fixtures().join("movies")).unwrap();
    assert_eq!(movies.works().len(), 17);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    assert_eq!(
        hallyu::import::open(&data).unwrap().people().len(),
        ex.people().len()
    );
    let err = hallyu::import::open(dir.join("g.txt")).unwrap_err();
    assert!(err.to_string().contains("g.txt"), "{err}");
    std::fs::write(dir.join("g.txt"), "").unwrap();
    let err = hallyu::import::open(dir.join("g.txt")).unwrap_err();
    assert!(
        matches!(err.kind(), hallyu::ErrorKind::InvalidValue { .. }),
        "{err}"
    );
}

/// (file, text, expected `Display`): each import error class, pinned.
#[test]
fn import_errors_name_their_position() {
    let csv_cases: &[(&str, &[u8], &str)] = &[
        (
            "missing column",
            b"name,work\nIU,Dream\n",
            "e.csv:1:1: missing column \"person\" (the header has name, work)",
        ),
        (
            "bad number",
            b"person,work,year\nIU,Dream,2023\nIU,Celebrity,20x1\n",
            "e.csv:3:14: invalid year \"20x1\" (expected a whole number, nothing)",
        ),
        (
            "bad billing",
            b"person,work,billing\nIU,Dream,star\n",
            "e.csv:2:10: invalid billing \"star\" (expected lead, supporting, cameo, nothing)",
        ),
        (
            "bad UTF-8",
            b"person,work\nIU,Dr\xffeam\n",
            "e.csv:2:6: invalid UTF-8",
        ),
        (
            "truncated",
            b"person,work\nIU,\"Dream\n",
            "e.csv:2:4: the file ends inside a quoted field",
        ),
        (
            "short row",
            b"person,work,year\nIU,Dream\n",
            "e.csv:2:9: this row has 2 fields, the header 3",
        ),
        (
            "long row",
            b"person,work\nIU,Dream,2023\n",
            "e.csv:2:10: this row has 3 fields, the header 2",
        ),
    ];
    for (what, bytes, want) in csv_cases {
        let err = Csv::new().from_reader("e.csv", *bytes).unwrap_err();
        assert_eq!(err.to_string(), *want, "{what}");
        assert!(err.location().is_some(), "{what}");
    }

    // The three-file layout: unknown and duplicate ids.
    let dir = out_dir("formats-errors");
    let write = |people: &str, works: &str, credits: &str| {
        std::fs::write(dir.join("people.csv"), people).unwrap();
        std::fs::write(dir.join("works.csv"), works).unwrap();
        std::fs::write(dir.join("credits.csv"), credits).unwrap();
    };
    write(
        "id,name\niu,IU\n",
        "id,title,year\ndream,Dream,2023\n",
        "person,work,role\niu,dream,lead\niuu,dream,lead\n",
    );
    let err = Csv::new().from_dir(&dir).unwrap_err();
    let file = dir.join("credits.csv").display().to_string();
    assert_eq!(
        err.to_string(),
        format!("{file}:3:1: unknown id \"iuu\" (did you mean \"iu\"?)")
    );
    write(
        "id,name\niu,IU\nsuzy,Suzy\niu,Lee Ji-eun\n",
        "id,title\ndream,Dream\n",
        "person,work\n",
    );
    let err = Csv::new().from_dir(&dir).unwrap_err();
    let file = dir.join("people.csv").display().to_string();
    assert_eq!(
        err.to_string(),
        format!("{file}:4:1: duplicate id \"iu\" (first defined at {file}:2:1)")
    );
    write(
        "id,name,born\niu,IU,1993\nsuzy,Suzy,nineteen\n",
        "id,title\n",
        "person,work\n",
    );
    let err = Csv::new().from_dir(&dir).unwrap_err();
    assert_eq!(err.location().map(|l| (l.line, l.column)), Some((3, 11)));
    write("id,title\n", "id,title\n", "person,work\n");
    let err = Csv::new().from_dir(&dir).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("people.csv:1:1: missing column \"name\" (the header has id, title)"),
        "{err}"
    );

    // Node-link JSON.
    let json_cases: &[(&str, &[u8], &str)] = &[
        ("truncated", b"{\"nodes\": [{\"id\": \"a\", \"bipartite\": 0}", "e.json:1:38: EOF while parsing a list"),
        ("unknown id", b"{\"nodes\": [{\"id\": \"a\", \"bipartite\": 0},\n {\"id\": \"w\", \"bipartite\": 1}],\n \"edges\": [{\"source\": \"a\", \"target\": \"zz\"}]}", "e.json:3:38: unknown id \"zz\""),
        ("duplicate id", b"{\"nodes\": [{\"id\": \"a\", \"bipartite\": 0},\n {\"id\": \"a\", \"bipartite\": 1}], \"edges\": []}", "e.json:2:9: duplicate id \"a\" (first defined at e.json:1:19)"),
        ("bad number", b"{\"nodes\": [{\"id\": \"w\", \"bipartite\": 1, \"year\": \"soon\"}], \"edges\": []}", "e.json:1:19: invalid year \"soon\" (expected a whole number)"),
        ("bad UTF-8", b"{\"nodes\": [{\"id\": \"\xc3\"}]}", "e.json:1:20: invalid UTF-8"),
        ("missing column", b"{\"nodes\": [{\"id\": \"a\"}], \"edges\": []}", "e.json:1:19: node \"a\" has neither a \"bipartite\" nor a \"kind\" attribute"),
    ];
    for (what, bytes, want) in json_cases {
        let err = NodeLink::new().from_reader("e.json", *bytes).unwrap_err();
        assert_eq!(err.to_string(), *want, "{what}");
    }

    // GraphML.
    let head = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"b\" for=\"node\" attr.name=\"bipartite\" attr.type=\"int\"/>\n<graph edgedefault=\"undirected\">\n";
    let graphml_cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", format!("{head}<node id=\"a\"><data key=\"b\">0</data></node>\n").into_bytes(), "e.graphml:5:1: the file ends inside <graph>"),
        ("unknown id", format!("{head}<node id=\"a\"><data key=\"b\">0</data></node>\n<edge source=\"a\" target=\"zz\"/>\n</graph></graphml>").into_bytes(), "e.graphml:5:1: unknown id \"zz\""),
        ("duplicate id", format!("{head}<node id=\"a\"><data key=\"b\">0</data></node>\n<node id=\"a\"><data key=\"b\">1</data></node>\n</graph></graphml>").into_bytes(), "e.graphml:5:1: duplicate id \"a\" (first defined at e.graphml:4:1)"),
        ("bad number", format!("{head}<node id=\"a\"><data key=\"b\">zero</data></node>\n</graph></graphml>").into_bytes(), "e.graphml:4:14: invalid number \"zero\" (expected a value of type int)"),
        ("missing column", format!("{head}<node id=\"a\"><data key=\"c\">0</data></node>\n</graph></graphml>").into_bytes(), "e.graphml:4:14: <data> of an undeclared key \"c\""),
        ("bad UTF-8", format!("{head}<node id=\"\u{e9}").into_bytes().into_iter().chain([0xff]).collect(), "e.graphml:4:12: invalid UTF-8"),
    ];
    for (what, bytes, want) in graphml_cases {
        let err = Graphml::new()
            .from_reader("e.graphml", bytes.as_slice())
            .unwrap_err();
        assert_eq!(err.to_string(), want, "{what}");
    }
}

#[test]
fn views_export_their_records() {
    use hallyu::export::View;
    let ex = Explorer::bundled();
    let a = ex.person("Park Seo-joon").unwrap();
    let b = ex.person("Dara").unwrap();
    let path = ex.shortest_path(a, b, &Filter::new()).unwrap();
    let net = Network::of_view(&ex, &View::path(a, b), Shape::Bipartite).unwrap();
    let people: BTreeSet<String> = net
        .nodes()
        .iter()
        .filter(|n| n.bipartite() == Some(0))
        .map(|n| n.key.clone())
        .collect();
    let want: BTreeSet<String> = path
        .people()
        .iter()
        .map(|&p| ex.get(p).key().into_owned())
        .collect();
    assert_eq!(people, want);
    // Every hop's work is there, linked to both ends.
    for step in path.steps() {
        let w = ex.get(step.work).key().into_owned();
        for p in [step.from, step.to] {
            let p = ex.get(p).key().into_owned();
            assert!(
                net.edges()
                    .iter()
                    .any(|e| net.nodes()[e.source].key == p && net.nodes()[e.target].key == w),
                "{p} – {w}"
            );
        }
    }
    // The projection of a pair view: one edge, with the shared works.
    let c = ex.person("Choi Woo-shik").unwrap();
    let pair = Network::of_view(&ex, &View::pair(a, c), Shape::Projection).unwrap();
    assert_eq!(pair.edges().len(), 1);
    let shared = ex.shared_works(a, c, &Filter::new()).len();
    assert_eq!(pair.edges()[0].works.len(), shared);
    // Every writer accepts a view's network.
    let haru = ex.work("Haru Haru").unwrap();
    let work = Network::of_view(&ex, &View::work(haru), Shape::Bipartite).unwrap();
    let text = graphml::to_graphml(&work);
    let back = Graphml::new()
        .from_reader("haru.graphml", text.as_bytes())
        .unwrap();
    assert_eq!(back.explorer.works().len(), 1);
    assert!(gexf::to_gexf(&work).contains("start=\"2008\""));
    assert!(
        neo4j::to_cypher(&work, 10)
            .contains("MERGE (n:Work {id: row.id}) SET n += row.props, n:MusicVideo")
    );
}

#[test]
fn query_results_serialise_in_the_documented_shape() {
    use std::error::Error as _;
    let ex = Explorer::bundled();
    let f = Filter::new();
    let a = ex.person("Park Seo-joon").unwrap();
    let b = ex.person("Choi Woo-shik").unwrap();
    let v: serde_json::Value = serde_json::from_str(&json::to_json(
        "shortest_path",
        &ex.shortest_path(a, b, &f).unwrap(),
    ))
    .unwrap();
    assert_eq!(v["version"], json::JSON_VERSION);
    assert_eq!(v["query"], "shortest_path");
    let step = &v["result"]["steps"][0];
    assert_eq!(step["from"], a.index());
    assert_eq!(step["to"], b.index());
    assert!(step["from_credit"]["via"].is_null());
    let v: serde_json::Value = serde_json::to_value(ex.components(&f)).unwrap();
    assert!(v["components"][0]["people"].as_array().unwrap().len() > 50);
    assert!(v["left_out"].is_u64());
    let v = serde_json::to_value(ex.co_appearances(a, &f)).unwrap();
    assert_eq!(v["person"], a.index());
    assert!(v["costars"][0]["works"][0]["work"].is_u64());
    let v = serde_json::to_value(ex.recommendations_by_paths(a, &f)).unwrap();
    assert!(v[0]["paths"].as_u64().unwrap() >= v[0]["through"].as_array().unwrap().len() as u64);
    let v = serde_json::to_value(hallyu::Entity::Person(a)).unwrap();
    assert_eq!(v, serde_json::json!({"person": a.index()}));
    // A reader's I/O error keeps the io::Error as its source.
    let err = Csv::new().from_path("no/such/file.csv").unwrap_err();
    assert!(matches!(err.kind(), hallyu::ErrorKind::Io { .. }));
    assert!(
        err.source()
            .is_some_and(|s| s.downcast_ref::<std::io::Error>().is_some())
    );
}

/// Every record and credit an explorer holds, as the exports carry them:
/// keys, names, kinds, years and dates, confidence, sources and notes, and
/// every credit with its exact role (in a sorted list, so that two equal
/// credits count twice).
fn digest(ex: &Explorer) -> BTreeMap<&'static str, Vec<String>> {
    let r = ex.to_records();
    let mut out: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for p in &r.people {
        out.entry("people").or_default().push(format!(
            "{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
            p.id,
            p.name,
            p.hangul,
            p.aliases,
            p.born.map(|d| d.year),
            p.confidence,
            p.sources,
            p.notes
        ));
    }
    for g in &r.groups {
        out.entry("groups").or_default().push(format!(
            "{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
            g.id, g.name, g.hangul, g.aliases, g.kind, g.confidence, g.sources, g.notes
        ));
    }
    for w in &r.works {
        out.entry("works").or_default().push(format!(
            "{}|{}|{:?}|{:?}|{:?}|{}|{:?}|{:?}|{:?}",
            w.id,
            w.title,
            w.hangul,
            w.aliases,
            w.kind,
            w.released,
            w.confidence,
            w.sources,
            w.notes
        ));
    }
    for o in &r.organisations {
        out.entry("organisations").or_default().push(format!(
            "{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
            o.id, o.name, o.hangul, o.aliases, o.kind, o.confidence, o.sources, o.notes
        ));
    }
    for c in &r.credits {
        out.entry("credits").or_default().push(format!(
            "{}|{}|{:?}|{:?}|{:?}|{:?}",
            c.from, c.to, c.role, c.confidence, c.sources, c.notes
        ));
    }
    for v in out.values_mut() {
        v.sort();
    }
    out
}

/// The answers compared after a round trip, under the default filter and
/// under one that admits every credit.
type Answers = Vec<(
    BTreeMap<String, BTreeMap<String, Vec<String>>>,
    BTreeSet<BTreeSet<String>>,
    BTreeMap<(String, String), Option<usize>>,
)>;

fn answers(ex: &Explorer) -> Answers {
    [Filter::new(), everything()]
        .iter()
        .map(|f| {
            (
                co_appearances(ex, f),
                components(ex, f),
                path_lengths(ex, f),
            )
        })
        .collect()
}

/// Asserts that `got` holds the records, credits and answers of `want`.
fn assert_same_graph(want: &Explorer, got: &Explorer, through: &str) {
    let (a, b) = (digest(want), digest(got));
    for kind in ["people", "groups", "works", "organisations", "credits"] {
        let (x, y) = (a.get(kind), b.get(kind));
        if x != y {
            let x: BTreeSet<_> = x.into_iter().flatten().collect();
            let y: BTreeSet<_> = y.into_iter().flatten().collect();
            let lost: Vec<_> = x.difference(&y).take(5).collect();
            let added: Vec<_> = y.difference(&x).take(5).collect();
            panic!("{through}: {kind} differ\n  lost: {lost:#?}\n  added: {added:#?}");
        }
    }
    assert!(
        answers(want) == answers(got),
        "{through}: the answers differ"
    );
}

#[test]
fn the_whole_graph_round_trips_through_every_format() {
    let ex = Explorer::bundled();
    let net = Network::new(&ex, &Filter::new(), Shape::Bipartite);
    assert_eq!(net.edges().len(), ex.credits().len());
    let text = graphml::to_graphml(&net);
    let back = Graphml::new()
        .from_reader("bundled.graphml", text.as_bytes())
        .unwrap();
    assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
    assert_same_graph(&ex, &back.explorer, "GraphML");
    for links in [false, true] {
        let text = json::to_node_link(&net, &json::NodeLinkOptions::new().links(links));
        let back = NodeLink::new()
            .from_reader("bundled.json", text.as_bytes())
            .unwrap();
        assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
        assert_same_graph(&ex, &back.explorer, "node-link JSON");
    }
    round_trip_every_reader(&ex, "bundled");
}

/// Exports the whole graph of `ex` in every format hallyu reads back and
/// asserts that each gives the same records, credits and answers.
fn round_trip_every_reader(ex: &Explorer, name: &str) {
    let net = Network::new(ex, &Filter::new(), Shape::Bipartite);
    let text = graphml::to_graphml(&net);
    let back = Graphml::new()
        .from_reader("x.graphml", text.as_bytes())
        .unwrap();
    assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
    assert_same_graph(ex, &back.explorer, &format!("{name} through GraphML"));
    let text = gexf::to_gexf(&net);
    let back = Gexf::new().from_reader("x.gexf", text.as_bytes()).unwrap();
    assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
    assert_same_graph(ex, &back.explorer, &format!("{name} through GEXF"));
    let text = json::to_node_link(&net, &json::NodeLinkOptions::new());
    let back = NodeLink::new()
        .from_reader("x.json", text.as_bytes())
        .unwrap();
    assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
    assert_same_graph(
        ex,
        &back.explorer,
        &format!("{name} through node-link JSON"),
    );
    for options in [
        csv::CsvOptions::new(),
        csv::CsvOptions::new().neutralise_formulas(true),
        csv::CsvOptions::new().delimiter(b'\t'),
    ] {
        let text = csv::to_table(&net, &options);
        let delimiter = if text.starts_with("record\t") {
            b'\t'
        } else {
            b','
        };
        let back = Csv::new()
            .delimiter(delimiter)
            .from_reader("x.csv", text.as_bytes())
            .unwrap();
        assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
        assert_same_graph(ex, &back.explorer, &format!("{name} through one CSV file"));
    }
    let dir = out_dir(&format!("round-trip-neo4j-{name}"));
    neo4j::write_dir(&net, &dir).unwrap();
    let back = Csv::new().from_dir(&dir).unwrap();
    assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
    assert_same_graph(
        ex,
        &back.explorer,
        &format!("{name} through the Neo4j directory"),
    );
    let opened = hallyu::import::Open::new().open(&dir).unwrap();
    assert_eq!(opened.kind, hallyu::import::DataKind::CsvTables);
    assert_same_graph(
        ex,
        &opened.explorer,
        &format!("{name} through --data on Neo4j"),
    );
}

#[test]
fn a_medium_import_round_trips_through_every_format() {
    let dir = out_dir("round-trip-medium-imdb");
    hallyu::import::synthetic::Synthetic::new(3000, 800)
        .seed(7)
        .write_to(&dir)
        .unwrap();
    let imported = hallyu::import::Imdb::new().from_dir(&dir).unwrap();
    round_trip_every_reader(&imported.explorer, "medium");
}

/// Names that break careless writers: each with the label an XML export
/// gives it (the reversible escape of the characters XML 1.0 forbids,
/// documented in `hallyu::export::graphml`).
const HOSTILE: &[(&str, &str)] = &[
    ("Ctrl\u{1}A\u{7}B\u{1f}", "Ctrl\\u{1}A\\u{7}B\\u{1F}"),
    ("Non\u{FFFE}char\u{FFFF}", "Non\\u{FFFE}char\\u{FFFF}"),
    ("CDATA ]]> end", "CDATA ]]> end"),
    (
        "</script><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
    ),
    ("Line\nbreak", "Line\nbreak"),
    ("Tab\there", "Tab\there"),
    ("Carriage\rreturn", "Carriage\rreturn"),
    ("=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")"),
    ("+1 formula", "+1 formula"),
    ("-2 formula", "-2 formula"),
    ("@SUM(A1)", "@SUM(A1)"),
    ("'=quoted", "'=quoted"),
    ("back\\slash", "back\\slash"),
    ("literal \\u{41}", "literal \\\\u{41}"),
    ("backslash \\\u{1}", "backslash \\\\\\u{1}"),
    ("O'Brien \"the\" &amp; <b>", "O'Brien \"the\" &amp; <b>"),
];

#[test]
fn hostile_names_go_through_every_export_well_formed() {
    // A hostile name for each person and work (and an id with a control
    // character), read from node-link JSON, which holds any text.
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for (i, (name, _)) in HOSTILE.iter().enumerate() {
        let id = if i == 0 {
            "p\u{2}0".to_string()
        } else {
            format!("p{i}")
        };
        nodes.push(serde_json::json!({"id": id, "kind": "person", "label": name}));
        nodes.push(serde_json::json!({"id": format!("w{i}"), "kind": "work", "work_kind": "mv", "label": name}));
        for role in ["performer", "featured"] {
            edges.push(serde_json::json!({"source": id, "target": format!("w{i}"), "role": role}));
        }
    }
    let text = serde_json::json!({"nodes": nodes, "edges": edges}).to_string();
    let loaded = NodeLink::new()
        .from_reader("hostile.json", text.as_bytes())
        .unwrap();
    let ex = &loaded.explorer;
    assert_eq!(ex.people().len(), HOSTILE.len());
    let net = Network::new(ex, &everything(), Shape::Bipartite);
    let dir = out_dir("hostile");
    std::fs::write(dir.join("h.graphml"), graphml::to_graphml(&net)).unwrap();
    std::fs::write(dir.join("h.gexf"), gexf::to_gexf(&net)).unwrap();
    std::fs::write(
        dir.join("h.json"),
        json::to_node_link(&net, &json::NodeLinkOptions::new()),
    )
    .unwrap();
    let safe = csv::CsvOptions::new().neutralise_formulas(true);
    std::fs::write(dir.join("h.csv"), csv::to_table(&net, &safe)).unwrap();
    std::fs::write(dir.join("h-edges.csv"), csv::to_edge_list_with(&net, &safe)).unwrap();
    let neo = dir.join("h-neo4j");
    neo4j::write_dir(&net, &neo).unwrap();
    std::fs::write(dir.join("h.cypher"), neo4j::to_cypher(&net, 100)).unwrap();
    let diagram = hallyu::export::View::catalog()
        .filter(everything())
        .diagram(ex)
        .unwrap();
    std::fs::write(
        dir.join("h.dot"),
        hallyu::export::dot::to_dot(&diagram, &hallyu::export::dot::DotOptions::new()),
    )
    .unwrap();

    // Every format hallyu reads gives the names back as they were.
    let names = |e: &Explorer| -> BTreeSet<String> {
        e.people().map(|p| e.get(p).name().to_string()).collect()
    };
    let want = names(ex);
    let graphml_back = Graphml::new().from_path(dir.join("h.graphml")).unwrap();
    assert_eq!(names(&graphml_back.explorer), want, "GraphML");
    assert_same_graph(ex, &graphml_back.explorer, "hostile GraphML");
    let gexf_back = Gexf::new().from_path(dir.join("h.gexf")).unwrap();
    assert_eq!(names(&gexf_back.explorer), want, "GEXF");
    assert_same_graph(ex, &gexf_back.explorer, "hostile GEXF");
    let json_back = NodeLink::new().from_path(dir.join("h.json")).unwrap();
    assert_same_graph(ex, &json_back.explorer, "hostile JSON");
    let csv_back = Csv::new().from_path(dir.join("h.csv")).unwrap();
    assert_same_graph(ex, &csv_back.explorer, "hostile CSV");
    let neo_back = Csv::new().from_dir(&neo).unwrap();
    assert_same_graph(ex, &neo_back.explorer, "hostile Neo4j");
    // Spreadsheet formulas are neutralised in the CSV exports.
    let table = std::fs::read_to_string(dir.join("h.csv")).unwrap();
    for formula in [
        "'=HYPERLINK",
        "'+1 formula",
        "'-2 formula",
        "'@SUM(A1)",
        "''=quoted",
    ] {
        assert!(table.contains(formula), "{formula}");
    }
    assert!(!table.contains(",=HYPERLINK") && !table.contains(",\"=HYPERLINK"));

    // Readers no one here wrote: Python's XML parser, NetworkX, csv.
    let has_networkx = Command::new("python3")
        .args(["-c", "import networkx"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_networkx {
        eprintln!(
            "skipped: NetworkX is not installed; files in {}",
            dir.display()
        );
        return;
    }
    let expected: BTreeMap<String, (&str, &str)> = ex
        .people()
        .map(|p| {
            let r = ex.get(p);
            let (name, label) = HOSTILE.iter().find(|(n, _)| *n == r.name()).unwrap();
            (r.key().into_owned(), (*name, *label))
        })
        .collect();
    std::fs::write(
        dir.join("expected.json"),
        serde_json::to_string(&expected).unwrap(),
    )
    .unwrap();
    let script = r#"
import csv, json, sys, xml.etree.ElementTree as ET
import networkx as nx
d = sys.argv[1]
want = json.load(open(d + "/expected.json"))
problems = []
for f in ["h.graphml", "h.gexf"]:
    ET.parse(d + "/" + f)  # raises on text that is not well-formed XML
def xml_key(k):
    # Ids go through the same escape as names.
    return k.replace("\x02", "\\u{2}")
g = nx.read_graphml(d + "/h.graphml")
x = nx.read_gexf(d + "/h.gexf")
j = nx.node_link_graph(json.load(open(d + "/h.json")), edges="edges")
for key, (name, label) in want.items():
    if g.nodes[xml_key(key)].get("label") != label:
        problems.append(f"graphml {key!r}: {g.nodes[xml_key(key)].get('label')!r} != {label!r}")
    if x.nodes[xml_key(key)].get("label") != label:
        problems.append(f"gexf {key!r}: {x.nodes[xml_key(key)].get('label')!r} != {label!r}")
    if j.nodes[key].get("label") != name:
        problems.append(f"json {key!r}: {j.nodes[key].get('label')!r} != {name!r}")
for f in [g, x, j]:
    if f.number_of_edges() != 2 * len(want):
        problems.append(f"{f.number_of_edges()} edges")
people = {r["personId:ID(Person)"]: r["name"] for r in csv.DictReader(open(d + "/h-neo4j/people.csv", newline="", encoding="utf-8"))}
for key, (name, _) in want.items():
    if people.get(key) != name:
        problems.append(f"neo4j {key!r}: {people.get(key)!r} != {name!r}")
rows = list(csv.DictReader(open(d + "/h.csv", newline="", encoding="utf-8")))
for r in rows:
    if r["name"][:1] in ("=", "+", "-", "@"):
        problems.append(f"csv: a formula {r['name']!r}")
print("\n".join(problems))
print(f"{len(problems)} problems")
"#;
    let out = Command::new("python3")
        .args(["-c", script, dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.ends_with("\n0 problems\n"),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Graphviz reads the DOT.
    if Command::new("dot").arg("-V").output().is_ok() {
        let out = Command::new("dot")
            .args(["-Tsvg", "-o", "/dev/null"])
            .arg(dir.join("h.dot"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn readers_refuse_other_formats_and_count_every_skip() {
    // A file that is not GraphML is an error, not an empty graph.
    for (text, want) in [
        ("", "not GraphML: no <graphml> element"),
        ("just some text\n", "not GraphML: no <graphml> element"),
        (
            "<html><body/></html>",
            "not GraphML: the root element is <html>",
        ),
    ] {
        let err = Graphml::new()
            .from_reader("x.graphml", text.as_bytes())
            .unwrap_err();
        assert!(err.to_string().contains(want), "{text:?}: {err}");
        assert!(err.location().is_some());
    }
    assert!(NodeLink::new().from_reader("x.json", &b""[..]).is_err());
    assert!(Csv::new().from_reader("x.csv", &b""[..]).is_err());
    // JSON with a UTF-8 byte-order mark is read.
    let text = "\u{feff}{\"nodes\": [{\"id\": \"IU\", \"kind\": \"person\"}, {\"id\": \"Palette\", \"kind\": \"mv\"}], \
                \"edges\": [{\"source\": \"IU\", \"target\": \"Palette\"}]}";
    let loaded = NodeLink::new()
        .from_reader("bom.json", text.as_bytes())
        .unwrap();
    assert_eq!(loaded.report.credits, 1);
    // Self-loops and edges between two works are skipped and counted.
    let text = r#"{"nodes": [{"id": "IU", "kind": "person"}, {"id": "A", "kind": "mv"}, {"id": "B", "kind": "mv"}],
        "edges": [{"source": "IU", "target": "IU"}, {"source": "A", "target": "B", "role": "performer"},
                  {"source": "IU", "target": "A", "odd": 1}]}"#;
    let report = NodeLink::new()
        .from_reader("loops.json", text.as_bytes())
        .unwrap()
        .report;
    assert_eq!(report.credits, 1);
    let why: Vec<&str> = report.skipped.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(why.len(), 3, "{why:?}");
    assert!(why.iter().any(|w| w.contains("self-loop")), "{why:?}");
    assert!(
        why.iter().any(|w| w.contains("links a work and a work")),
        "{why:?}"
    );
    assert!(
        why.iter()
            .any(|w| w.contains("edge attribute \"odd\" is not read")),
        "{why:?}"
    );
    // GraphML elements and text the reader does not read are counted.
    let text = r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <graph edgedefault="undirected">stray text
    <node id="iu"><data key="k">person</data></node>
    <node id="palette"><data key="k">mv</data></node>
    <edge source="iu" target="palette"/>
    <hyperedge><endpoint node="iu"/><endpoint node="palette"/></hyperedge>
  </graph>
</graphml>"#;
    let report = Graphml::new()
        .from_reader("x.graphml", text.as_bytes())
        .unwrap()
        .report;
    let why: Vec<&str> = report.skipped.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(
        why,
        [
            "text outside <data> is not read",
            "element <hyperedge> is not read",
            "element <endpoint> is not read",
            "element <endpoint> is not read"
        ]
    );
}
