//! Paths with conditions checked against NetworkX (`tests/routes/
//! networkx_routes.py`): avoiding people and works = the shortest path of
//! the graph with them removed; the k shortest = the lengths of
//! `nx.shortest_simple_paths`; through a person = the sum of the two legs;
//! the strongest = Dijkstra on the projection weighted by 1 / works shared;
//! simple paths up to 3 hops = the count of `nx.all_simple_paths`.
//! On the bundled data and on Davis's Southern Women. Needs python3 with
//! networkx (CI installs it); without it the test fails with why, unless
//! `HALLYU_SKIP_NETWORKX` is set.

use std::process::Command;

use hallyu::query::Avoid;
use hallyu::{Entity, Explorer, Filter, PersonId};
use serde_json::{Value, json};

/// NetworkX's answers to `cases`.
fn networkx(what: &str, cases: &Value) -> Option<Value> {
    let dir = std::env::temp_dir().join(format!("hallyu-routes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{what}.json"));
    std::fs::write(&file, cases.to_string()).unwrap();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/routes/networkx_routes.py"
    );
    let out = Command::new("python3").arg(script).arg(&file).output();
    match out {
        Ok(o) if o.status.success() => Some(serde_json::from_slice(&o.stdout).unwrap()),
        Ok(o) if std::env::var_os("HALLYU_SKIP_NETWORKX").is_some() => {
            eprintln!("SKIPPED: {}", String::from_utf8_lossy(&o.stderr));
            None
        }
        Ok(o) => panic!(
            "networkx_routes.py failed: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => panic!("python3: {e}"),
    }
}

fn key(ex: &Explorer, e: impl Into<Entity>) -> String {
    ex.key(e.into()).into_owned()
}

/// Asks both the library and NetworkX the same questions about `ex`.
fn check(ex: &Explorer, what: &str) {
    let f = Filter::new();
    let edges: Vec<[String; 2]> = ex
        .people()
        .flat_map(|p| {
            ex.works_of(p, &f)
                .into_iter()
                .map(move |(w, _)| [key(ex, p), key(ex, w)])
        })
        .collect();
    // Pairs a few hops apart, spread over the data.
    let people: Vec<PersonId> = ex
        .people()
        .filter(|&p| !ex.works_of(p, &f).is_empty())
        .collect();
    let mut pairs = Vec::new();
    let step = (people.len() / 14).max(1);
    for (i, &a) in people.iter().enumerate().step_by(step) {
        let b = people[(i * 5 + 11) % people.len()];
        if let Some(path) = ex.shortest_path(a, b, &f)
            && !path.is_empty()
        {
            // The path's second person, or (one hop) someone else.
            let middle = if path.len() >= 2 {
                path.people()[1]
            } else {
                people[(i * 3 + 5) % people.len()]
            };
            if middle != a && middle != b {
                pairs.push((a, b, middle, path.works()[0]));
            }
        }
        if pairs.len() == 12 {
            break;
        }
    }
    assert!(pairs.len() >= 6, "{what}: too few pairs");
    let mut ours = json!({"avoid": [], "k": [], "via": [], "strongest": [], "simple": []});
    let mut cases =
        json!({"edges": edges, "avoid": [], "k": [], "via": [], "strongest": [], "simple": []});
    for &(a, b, middle, work) in &pairs {
        for avoid in [
            Avoid::new().person(middle),
            Avoid::new().work(work),
            Avoid::new().person(middle).work(work),
        ] {
            let found = ex.shortest_path_avoiding(a, b, &avoid, &f);
            if let Some(p) = &found {
                assert!(p.people().iter().all(|q| !avoid.people().contains(q)));
                assert!(p.works().iter().all(|w| !avoid.works().contains(w)));
            }
            ours["avoid"]
                .as_array_mut()
                .unwrap()
                .push(json!(found.map(|p| 2 * p.len())));
            cases["avoid"].as_array_mut().unwrap().push(json!({
                "a": key(ex, a), "b": key(ex, b),
                "people": avoid.people().iter().map(|&p| key(ex, p)).collect::<Vec<_>>(),
                "works": avoid.works().iter().map(|&w| key(ex, w)).collect::<Vec<_>>(),
            }));
        }
        let k = ex.k_shortest_paths(a, b, 6, &Avoid::new(), &f);
        for p in &k {
            // Loopless: no person and no work twice.
            let mut people = p.people();
            people.sort();
            people.dedup();
            assert_eq!(people.len(), p.len() + 1, "{what}: a person twice");
            let mut works = p.works();
            works.sort();
            works.dedup();
            assert_eq!(works.len(), p.len(), "{what}: a work twice");
        }
        ours["k"]
            .as_array_mut()
            .unwrap()
            .push(json!(k.iter().map(|p| 2 * p.len()).collect::<Vec<_>>()));
        cases["k"]
            .as_array_mut()
            .unwrap()
            .push(json!({"a": key(ex, a), "b": key(ex, b), "k": 6}));
        let strongest = ex.strongest_path(a, b, &f);
        ours["strongest"]
            .as_array_mut()
            .unwrap()
            .push(json!(strongest.map(|(_, w)| (w * 1e9).round() / 1e9)));
        cases["strongest"]
            .as_array_mut()
            .unwrap()
            .push(json!({"a": key(ex, a), "b": key(ex, b)}));
        let simple = ex.simple_paths(a, b, 3, 0, &f);
        assert!(simple.exact);
        ours["simple"]
            .as_array_mut()
            .unwrap()
            .push(json!(simple.count));
        cases["simple"]
            .as_array_mut()
            .unwrap()
            .push(json!({"a": key(ex, a), "b": key(ex, b), "max_hops": 3}));
        let via = ex.shortest_path_via(a, middle, b, &Avoid::new(), &f);
        ours["via"]
            .as_array_mut()
            .unwrap()
            .push(json!(via.map(|p| 2 * p.len())));
        cases["via"]
            .as_array_mut()
            .unwrap()
            .push(json!({"a": key(ex, a), "b": key(ex, b), "via": key(ex, middle)}));
    }
    let Some(theirs) = networkx(what, &cases) else {
        return;
    };
    for mode in ["avoid", "k", "via", "strongest", "simple"] {
        assert_eq!(
            ours[mode], theirs[mode],
            "{what}: {mode} differs from NetworkX"
        );
    }
}

#[test]
fn path_modes_equal_networkx_on_the_bundled_data() {
    check(&Explorer::bundled(), "bundled");
}

#[test]
fn path_modes_equal_networkx_on_davis_southern_women() {
    let davis = hallyu::import::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/formats/davis.graphml"
    ))
    .unwrap();
    check(&davis, "davis");
}
