//! Paths with conditions checked against NetworkX (`tests/routes/
//! networkx_routes.py`): avoiding people and works = the shortest path of
//! the graph with them removed; the k shortest = the lengths of
//! `nx.shortest_simple_paths`; through a person = the sum of the two legs;
//! the strongest = Dijkstra on the projection weighted by 1 / works shared;
//! simple paths up to 3 hops = the count of `nx.all_simple_paths`; as of
//! a year = the shortest path of the graph of the works released by then;
//! time-respecting = a plain breadth-first search over (person, year)
//! states written in the script. On the bundled data, Davis's Southern
//! Women (no years: no time-respecting chain), the Neo4j movie graph and a
//! medium synthetic import. Needs python3 with
//! networkx (CI installs it); without it the test fails with why, unless
//! `HALLYU_SKIP_NETWORKX` is set.

use hallyu::query::Avoid;
use hallyu::{Entity, Explorer, Filter, PersonId};
use serde_json::{Value, json};

#[path = "common/python.rs"]
mod python;

/// NetworkX's answers to `cases`.
fn networkx(what: &str, cases: &Value) -> Option<Value> {
    python::answers("routes/networkx_routes.py", what, cases)
}

fn key(ex: &Explorer, e: impl Into<Entity>) -> String {
    ex.key(e.into()).into_owned()
}

/// Adds `value` to the list `mode` of `v`.
fn push(v: &mut Value, mode: &str, value: Value) {
    v[mode].as_array_mut().unwrap().push(value);
}

/// Each work's year (null when not known), by key.
fn years(ex: &Explorer) -> Value {
    ex.works()
        .map(|w| (key(ex, w), json!(ex.get(w).year())))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// A time-respecting path: works of known, never decreasing years, no
/// person and no work twice.
fn assert_in_order(ex: &Explorer, p: &hallyu::query::Path<'_>, what: &str) {
    let years: Vec<Option<i32>> = p.works().iter().map(|&w| ex.get(w).year()).collect();
    assert!(
        years.iter().all(Option::is_some),
        "{what}: a work of no year"
    );
    assert!(years.is_sorted(), "{what}: not in time order: {years:?}");
    let mut people = p.people();
    people.sort();
    people.dedup();
    assert_eq!(people.len(), p.len() + 1, "{what}: a person twice");
    let mut works = p.works();
    works.sort();
    works.dedup();
    assert_eq!(works.len(), p.len(), "{what}: a work twice");
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
    let modes = [
        "avoid",
        "k",
        "via",
        "strongest",
        "simple",
        "as_of",
        "in_order",
    ];
    let mut ours = json!({});
    let mut cases = json!({"edges": edges, "years": years(ex)});
    for mode in modes {
        ours[mode] = json!([]);
        cases[mode] = json!([]);
    }
    // As of the median year of the works (with none known, any year: no
    // work counts).
    let mut known: Vec<i32> = ex.works().filter_map(|w| ex.get(w).year()).collect();
    known.sort_unstable();
    let year = known.get(known.len() / 2).copied().unwrap_or(2000);
    let then = Filter::new().as_of(year);
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
        let as_of = ex.shortest_path(a, b, &then);
        if let Some(p) = &as_of {
            assert!(p.works().iter().all(|&w| ex.get(w).year() <= Some(year)));
        }
        push(&mut ours, "as_of", json!(as_of.map(|p| 2 * p.len())));
        push(
            &mut cases,
            "as_of",
            json!({"a": key(ex, a), "b": key(ex, b), "year": year}),
        );
        let in_order = ex.shortest_path_in_order(a, b, &Avoid::new(), &f);
        if let Some(p) = &in_order {
            assert_in_order(ex, p, what);
        }
        push(&mut ours, "in_order", json!(in_order.map(|p| 2 * p.len())));
        push(
            &mut cases,
            "in_order",
            json!({"a": key(ex, a), "b": key(ex, b)}),
        );
    }
    // More time-respecting chains: 40 pairs spread over the people.
    for i in 0..40 {
        let (a, b) = (
            people[(i * 7 + 3) % people.len()],
            people[(i * 13 + 1) % people.len()],
        );
        let found = ex.shortest_path_in_order(a, b, &Avoid::new(), &f);
        if let Some(p) = &found {
            assert_in_order(ex, p, what);
        }
        push(&mut ours, "in_order", json!(found.map(|p| 2 * p.len())));
        push(
            &mut cases,
            "in_order",
            json!({"a": key(ex, a), "b": key(ex, b)}),
        );
    }
    let Some(theirs) = networkx(what, &cases) else {
        return;
    };
    for mode in modes {
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

#[test]
fn path_modes_equal_networkx_on_the_neo4j_movie_graph() {
    let movies = hallyu::import::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/formats/movies"
    ))
    .unwrap();
    check(&movies, "movies");
}

#[test]
fn path_modes_equal_networkx_on_a_medium_import() {
    let dir = std::env::temp_dir().join(format!("hallyu-routes-medium-{}", std::process::id()));
    hallyu::import::synthetic::Synthetic::new(3000, 800)
        .seed(7)
        .write_to(&dir)
        .unwrap();
    let ex = hallyu::import::Imdb::new().from_dir(&dir).unwrap().explorer;
    std::fs::remove_dir_all(&dir).ok();
    check(&ex, "medium");
}

/// As of 2014, Seo Yea-ji and G-Dragon are four hops apart; as of 2015,
/// one: she plays his girlfriend in BIGBANG's "Let's Not Fall in Love",
/// released on 5 August 2015 (data/music_videos.ron, after The Fact and
/// Dong-A Ilbo of that day). As of 2010 she has no credit yet.
#[test]
fn as_of_a_year_a_video_not_yet_released_is_not_a_link() {
    let ex = Explorer::bundled();
    let (yea_ji, gd) = (
        ex.person("Seo Yea-ji").unwrap(),
        ex.person("G-Dragon").unwrap(),
    );
    let song = ex.work("Let's Not Fall in Love").unwrap();
    assert_eq!(ex.get(song).year(), Some(2015));
    let before = ex
        .shortest_path(yea_ji, gd, &Filter::new().as_of(2014))
        .unwrap();
    assert_eq!(before.len(), 4);
    assert!(!before.works().contains(&song));
    let after = ex
        .shortest_path(yea_ji, gd, &Filter::new().as_of(2015))
        .unwrap();
    assert_eq!(after.works(), [song]);
    // The answer says the year, and who had not debuted.
    let answer = hallyu::query::answer::Path::between(&ex, yea_ji, gd, &Filter::new().as_of(2010));
    assert!(!answer.connected);
    assert_eq!(answer.as_of, Some(2010));
    let names: Vec<&str> = answer.not_debuted.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Seo Yea-ji"]);
    assert!(answer.to_string().contains("as of 2010"), "{answer}");
    assert!(answer.to_string().contains("not yet debuted"), "{answer}");
}

/// A group's credit counts, as of any year, for the members of the work's
/// year: a member who joined in 2012 is not in the group's 2010 video, so
/// as of 2011 nothing links them to that video's co-star; as of 2012 the
/// group's 2012 video does. (A made-up catalog: the bundled data has no
/// group work after a dated change of its members.)
#[test]
fn as_of_a_year_a_group_credit_counts_for_its_members_of_the_time() {
    let text = r#"(
        people: [
            (id: "a", name: "Founder"), (id: "b", name: "Joiner"), (id: "c", name: "Actor"),
        ],
        groups: [(id: "g", name: "Group", kind: BoyGroup)],
        works: [
            (id: "w1", title: "First", kind: MusicVideo, released: "2010"),
            (id: "w2", title: "Second", kind: MusicVideo, released: "2012"),
        ],
        credits: [
            (from: "a", to: "g", role: Member()),
            (from: "b", to: "g", role: Member(since: 2012)),
            (from: "g", to: "w1", role: Performer),
            (from: "c", to: "w1", role: Cast(billing: Lead)),
            (from: "g", to: "w2", role: Performer),
        ],
    )"#;
    let ex = Explorer::new(hallyu::Catalog::from_str("group.ron", text).unwrap());
    let (a, b, c) = (
        ex.person("Founder").unwrap(),
        ex.person("Joiner").unwrap(),
        ex.person("Actor").unwrap(),
    );
    let hops = |year| {
        ex.shortest_path(b, c, &Filter::new().as_of(year))
            .map(|p| p.len())
    };
    assert_eq!(hops(2011), None, "the joiner had not joined");
    assert_eq!(
        hops(2012),
        Some(2),
        "through the founder, in the 2012 video"
    );
    assert!(ex.works_of(b, &Filter::new().as_of(2011)).is_empty());
    assert_eq!(
        ex.shortest_path(a, c, &Filter::new().as_of(2010))
            .unwrap()
            .len(),
        1
    );
}

/// The time-respecting chain runs forward: on the bundled data some pair's
/// shortest path goes back in time and its time-respecting chain is longer,
/// or absent; and `--in-order` answers it.
#[test]
fn a_time_respecting_chain_can_be_longer_than_the_shortest() {
    let ex = Explorer::bundled();
    let f = Filter::new();
    let (a, b) = (
        ex.person("Seo Yea-ji").unwrap(),
        ex.person("G-Dragon").unwrap(),
    );
    let then = Filter::new().as_of(2014);
    let plain = ex.shortest_path(a, b, &then).unwrap();
    let years: Vec<i32> = plain
        .works()
        .iter()
        .map(|&w| ex.get(w).year().unwrap())
        .collect();
    assert!(!years.is_sorted(), "{years:?}");
    let ordered = ex.shortest_path_in_order(a, b, &Avoid::new(), &then);
    assert!(ordered.is_none_or(|p| p.len() > plain.len()));
    // Without the year, the 2015 video is one forward hop.
    let now = ex.shortest_path_in_order(a, b, &Avoid::new(), &f).unwrap();
    assert_eq!(now.len(), 1);
    let answer = hallyu::query::answer::Path::in_order(&ex, a, b, &Avoid::new(), &then);
    assert!(answer.in_order);
    assert!(
        answer.to_string().contains("in time order as of 2014"),
        "{answer}"
    );
}
