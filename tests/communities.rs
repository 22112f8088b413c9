//! Cores and communities of the person co-appearance graph checked against
//! NetworkX (`tests/communities/networkx_communities.py`): core numbers
//! equal to `nx.core_number`; communities whose modularity (by NetworkX's
//! `modularity`, weighted by shared works) is at least that of
//! `louvain_communities` with the same seed less 0.01, every community
//! connected. On the bundled data and on Davis's Southern Women. Needs python3 with networkx (CI installs it); without it the test
//! fails with why, unless `HALLYU_SKIP_NETWORKX` is set.

use std::collections::BTreeMap;
use std::process::Command;

use hallyu::{Entity, Explorer, Filter};
use serde_json::{Value, json};

/// NetworkX's answers about `cases`.
fn networkx(what: &str, cases: &Value) -> Option<Value> {
    let dir = std::env::temp_dir().join(format!("hallyu-communities-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{what}.json"));
    std::fs::write(&file, cases.to_string()).unwrap();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/communities/networkx_communities.py"
    );
    let out = Command::new("python3").arg(script).arg(&file).output();
    match out {
        Ok(o) if o.status.success() => Some(serde_json::from_slice(&o.stdout).unwrap()),
        Ok(o) if std::env::var_os("HALLYU_SKIP_NETWORKX").is_some() => {
            eprintln!("SKIPPED: {}", String::from_utf8_lossy(&o.stderr));
            None
        }
        Ok(o) => panic!(
            "networkx_communities.py failed: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => panic!("python3: {e}"),
    }
}

fn key(ex: &Explorer, e: impl Into<Entity>) -> String {
    ex.key(e.into()).into_owned()
}

/// The person–work graph of `ex` under the default filter, and its people
/// who are nodes.
fn graph(ex: &Explorer) -> Value {
    let f = Filter::new();
    let mut edges = Vec::new();
    let mut people = Vec::new();
    for p in ex.people() {
        let works = ex.works_of(p, &f);
        if !works.is_empty() {
            people.push(key(ex, p));
        }
        for (w, _) in works {
            edges.push([key(ex, p), key(ex, w)]);
        }
    }
    json!({"edges": edges, "people": people})
}

fn cores_equal(ex: &Explorer, what: &str) {
    let Some(nx) = networkx(what, &graph(ex)) else {
        return;
    };
    let theirs: BTreeMap<String, u32> = serde_json::from_value(nx["core"].clone()).unwrap();
    let ours: BTreeMap<String, u32> = ex
        .core_numbers(&Filter::new())
        .iter()
        .map(|(p, k)| (key(ex, p), k))
        .collect();
    assert!(ours.len() > 10, "{what}: {} people", ours.len());
    assert_eq!(ours, theirs, "{what}");
}

#[test]
fn core_numbers_equal_networkx_on_the_bundled_data() {
    cores_equal(&Explorer::bundled(), "bundled");
}

#[test]
fn core_numbers_equal_networkx_on_davis_southern_women() {
    let davis = hallyu::import::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/formats/davis.graphml"
    ))
    .unwrap();
    cores_equal(&davis, "davis");
}

/// Our communities' modularity, by NetworkX, at least that of NetworkX's
/// Louvain with the same seed and weights minus 0.01; every community
/// connected.
fn communities_match(ex: &Explorer, what: &str) {
    use hallyu::query::CommunityOptions;
    for (seed, resolution) in [(0u64, 1.0), (42, 1.0), (7, 2.0)] {
        let options = CommunityOptions::new().seed(seed).resolution(resolution);
        let found = ex.communities(&options, &Filter::new()).unwrap();
        let partition: Vec<Vec<String>> = (0..found.len())
            .map(|c| found.members(c).iter().map(|&p| key(ex, p)).collect())
            .collect();
        let mut cases = graph(ex);
        cases["partition"] = json!(partition);
        cases["seed"] = json!(seed);
        cases["resolution"] = json!(resolution);
        let Some(nx) = networkx(what, &cases) else {
            return;
        };
        let (ours, louvain) = (
            nx["ours"].as_f64().unwrap(),
            nx["louvain"].as_f64().unwrap(),
        );
        eprintln!(
            "{what} seed {seed} γ {resolution}: ours {ours:.4}, NetworkX's Louvain {louvain:.4}, {} communities",
            found.len()
        );
        assert!(
            (ours - found.modularity()).abs() < 1e-9,
            "{what}: {ours} by NetworkX, {} by us",
            found.modularity()
        );
        assert!(
            ours >= louvain - 0.01,
            "{what} seed {seed}: {ours} < {louvain} - 0.01"
        );
        assert!(
            nx["connected"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c == true),
            "{what}: a community is not connected"
        );
    }
}

#[test]
fn communities_are_as_good_as_networkx_louvain_on_the_bundled_data() {
    communities_match(&Explorer::bundled(), "bundled-communities");
}

#[test]
fn communities_are_as_good_as_networkx_louvain_on_davis_southern_women() {
    let davis = hallyu::import::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/formats/davis.graphml"
    ))
    .unwrap();
    communities_match(&davis, "davis-communities");
}

#[test]
fn the_wooga_squad_is_a_community_named_after_hwarang_and_the_squad() {
    use hallyu::query::CommunityOptions;
    use hallyu::query::answer::{Communities, Options};
    let ex = Explorer::bundled();
    let c = Communities::of(
        &ex,
        &CommunityOptions::new(),
        &Filter::new(),
        &Options::new().unlimited(),
    )
    .unwrap();
    let squad = c
        .list
        .iter()
        .find(|c| c.groups.first().is_some_and(|g| g.name == "Wooga Squad"))
        .expect("a community led by the Wooga Squad");
    // Named after its most shared work (ties by name) and group.
    assert_eq!(squad.name, format!("{} / Wooga Squad", squad.works[0].name));
    assert!(
        squad
            .works
            .iter()
            .any(|w| w.name == "Hwarang: The Poet Warrior Youth" && w.members >= 5),
        "{:?}",
        squad.works
    );
    assert_eq!(squad.groups[0].members, 5);
    assert!(squad.people.iter().any(|p| p.name == "Choi Woo-shik"));
    assert_eq!(c.people, 149);
}
