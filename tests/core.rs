//! One graph at the core: an IMDb import is the same kind of explorer as the
//! bundled data. Every public method of `Explorer` works on an import (or
//! returns an error), lookups suggest names, neighbourhoods are explorers,
//! and petgraph's own algorithms run on the explorer's graph without a copy.

use hallyu::import::synthetic::Synthetic;
use hallyu::import::{Imdb, Imported};
use hallyu::petgraph::algo::{connected_components, dijkstra};
use hallyu::query::{AllPathsOptions, NeighbourhoodOptions};
use hallyu::{Entity, Explorer, Filter, RoleSet};

fn good() -> Imported {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/imdb/good");
    Imdb::new().from_dir(dir).expect("the good fixture loads")
}

fn synthetic(name: &str, people: usize, titles: usize) -> Explorer {
    let dir = std::env::temp_dir().join(format!("hallyu-core-{name}-{}", std::process::id()));
    Synthetic::new(people, titles)
        .seed(7)
        .write_to(&dir)
        .unwrap();
    let ex = Imdb::new().from_dir(&dir).unwrap().explorer;
    std::fs::remove_dir_all(&dir).ok();
    ex
}

/// Calls every public method of the explorer with every kind of id it hands
/// out; none may panic.
fn walk_every_method(ex: &Explorer) {
    let f = Filter::new();
    let all = Filter::new()
        .roles(RoleSet::ANY_WORK_ROLE)
        .include_unverified(true);
    let people: Vec<_> = ex.people().collect();
    let works: Vec<_> = ex.works().collect();
    for e in ex
        .people()
        .map(Entity::from)
        .chain(ex.groups().map(Entity::from))
        .chain(ex.works().map(Entity::from))
        .chain(ex.organisations().map(Entity::from))
    {
        assert!(ex.contains(e));
        let key = ex.key(e);
        assert_eq!(ex.by_key(&key), Some(e), "{key}");
        let _ = (
            ex.name(e),
            ex.label(e),
            ex.display_name(e),
            ex.sources(e),
            ex.notes(e),
        );
        assert!(ex.lookup(&key).is_ok());
        for c in ex.credits_of(e) {
            let (from, to) = ex.ends(c);
            assert!(from == e || to == e);
            let credit = ex.get(c);
            let _ = (
                credit.role(),
                credit.role_kind(),
                credit.is_unverified(),
                credit.record(),
            );
            let _ = ex.credit_location(c);
        }
    }
    for &p in &people {
        let v = ex.get(p);
        let _ = (
            v.name(),
            v.key(),
            v.hangul(),
            v.aliases().count(),
            v.born(),
            v.record(),
        );
        let _ = (ex.works_of(p, &f), ex.works_of(p, &all), ex.groups_of(p));
        let _ = ex.co_appearances(p, &f).to_string();
        let _ = ex.distances(p, &f).to_string();
        let _ = ex.recommendations(p, &f);
        let near = ex.neighbourhood(p, &NeighbourhoodOptions::new().hops(1), &f);
        assert!(near.people().len() >= 1);
    }
    for &w in &works {
        let v = ex.get(w);
        let _ = (
            v.title(),
            v.kind(),
            v.year(),
            v.released(),
            v.collections().count(),
        );
        let _ = (ex.credits_on(w), ex.admits(w, &f));
    }
    for g in ex.groups() {
        let _ = ex.members(g);
    }
    for pair in people.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let _ = ex.shared_works(a, b, &f);
        if let Some(path) = ex.shortest_path(a, b, &f) {
            let _ = path.to_string();
        }
        let _ = ex
            .all_shortest_paths(a, b, &AllPathsOptions::new().limit(3), &f)
            .to_string();
        let _ = ex.introductions(a, b, &f);
    }
    let _ = ex.centre_ranking(&f).to_string();
    let c = ex.centrality(&f);
    let _ = c.ranked(hallyu::query::Measure::Betweenness);
    let _ = ex.components(&f).to_string();
    let _ = ex.projection(&f).edge_count();
    let _ = ex.graph().node_count();
    let records = ex.to_records();
    assert_eq!(records.people.len(), people.len());
    assert_eq!(records.credits.len(), ex.credits().len());
    // Lookups of what is not there are errors, not panics.
    assert!(ex.person("no such person anywhere").is_err());
    assert!(ex.group("no such group").is_err());
    assert!(ex.organisation("no such organisation").is_err());
    assert!(ex.work("").is_err());
}

#[test]
fn every_method_works_on_an_import() {
    walk_every_method(&good().explorer);
    walk_every_method(&synthetic("walk", 60, 20));
}

#[test]
fn every_method_works_on_the_bundled_data() {
    walk_every_method(&Explorer::bundled());
}

#[test]
fn a_misspelt_name_on_an_import_suggests_the_person() {
    let ex = good().explorer;
    let err = ex.person("Park Seo-jon").unwrap_err();
    assert!(err.is_not_found(), "{err}");
    assert!(
        err.to_string().contains("did you mean \"Park Seo-joon\""),
        "{err}"
    );
}

#[test]
fn neighbourhood_of_an_import_is_an_explorer_with_the_same_answers() {
    let ex = synthetic("near", 400, 100);
    let f = Filter::new();
    let hub = ex
        .people()
        .max_by_key(|&p| (ex.works_of(p, &f).len(), std::cmp::Reverse(p)))
        .unwrap();
    let near = ex.neighbourhood(hub, &NeighbourhoodOptions::new().hops(2), &f);
    let centre = near.person(&ex.key(hub.into())).unwrap();
    // Built through the graph builder from the columns: no records kept.
    assert!(near.records().is_none());
    let d = ex.distances(hub, &f);
    let within: usize = d.histogram().iter().take(3).sum();
    assert_eq!(near.people().len(), within);
    assert_eq!(
        near.co_appearances(centre, &f).len(),
        ex.co_appearances(hub, &f).len()
    );
    for p in near.people().step_by(7) {
        let outside = ex.person(&near.key(p.into())).unwrap();
        assert_eq!(
            near.distances(centre, &f).distance(p),
            d.distance(outside),
            "{}",
            near.key(p.into())
        );
    }
}

#[test]
fn petgraph_algorithms_run_on_the_explorers_graph() {
    for ex in [Explorer::bundled(), synthetic("petgraph", 300, 80)] {
        let f = Filter::new();
        let graph = ex.person_work_graph(&f);
        // Components: the crate's, with their works, plus everything alone.
        let c = ex.components(&f);
        let linked: usize = c.iter().map(|k| k.people.len() + k.works.len()).sum();
        let alone = ex.people().len() + ex.works().len() - linked;
        assert_eq!(connected_components(graph), c.len() + alone);
        // Shortest paths: two edges (person → work → person) per hop.
        let people: Vec<_> = ex.people().collect();
        let a = people[0];
        let costs = dijkstra(graph, graph.node(a.into()), None, |_| 1usize);
        let d = ex.distances(a, &f);
        for &b in people.iter().step_by(5) {
            let hops = d.distance(b);
            assert_eq!(
                costs.get(&graph.node(b.into())).copied(),
                hops.map(|h| 2 * h),
                "{}",
                ex.key(b.into())
            );
        }
    }
}

/// The most-credited person's neighbourhood on the large synthetic set
/// (two million names, three million principals): built from the columns,
/// never from a catalog. Run with
/// `HALLYU_LARGE=DIR cargo test --release --test core -- --ignored`
/// where DIR holds `imdb_gen DIR large` output (generated here otherwise).
#[test]
#[ignore = "stress: loads the large synthetic IMDb set"]
fn neighbourhood_of_the_hub_on_the_large_set() {
    let dir = match std::env::var_os("HALLYU_LARGE") {
        Some(d) => std::path::PathBuf::from(d),
        None => {
            let d = std::env::temp_dir().join("hallyu-core-large");
            if !d.join("title.principals.tsv").exists() {
                Synthetic::large().write_to(&d).unwrap();
            }
            d
        }
    };
    let ex = Imdb::new().from_dir(&dir).unwrap().explorer;
    let f = Filter::new();
    let hub = ex
        .people()
        .max_by_key(|&p| (ex.credits_of(p.into()).len(), std::cmp::Reverse(p)))
        .unwrap();
    let start = std::time::Instant::now();
    let near = ex.neighbourhood(hub, &NeighbourhoodOptions::new().hops(1), &f);
    let took = start.elapsed();
    eprintln!(
        "neighbourhood of {} (1 hop): {} people, {} works in {took:?}",
        ex.key(hub.into()),
        near.people().len(),
        near.works().len()
    );
    assert_eq!(near.people().len(), ex.co_appearances(hub, &f).len() + 1);
    assert!(took < std::time::Duration::from_secs(10), "{took:?}");
}

#[test]
fn ambiguity_lists_ten_candidates_and_counts_the_rest() {
    let people: String = (0..15)
        .map(|i| format!("(id: \"kim-min-ji-{i}\", name: \"Kim Min-ji\"),"))
        .collect();
    let catalog = hallyu::Catalog::from_str("many.ron", &format!("(people: [{people}])")).unwrap();
    let ex = Explorer::new(catalog);
    let err = ex.person("Kim Min-ji").unwrap_err();
    assert!(err.is_ambiguous());
    let text = err.to_string();
    assert_eq!(text.matches("\"kim-min-ji-").count(), 10, "{text}");
    assert!(text.ends_with(", and 5 more"), "{text}");
}

#[test]
fn io_errors_keep_their_source() {
    use std::error::Error as _;
    let err = Explorer::from_path("/no/such/hallyu/data").unwrap_err();
    let io = err
        .source()
        .and_then(|s| s.downcast_ref::<std::io::Error>());
    assert_eq!(
        io.map(|e| e.kind()),
        Some(std::io::ErrorKind::NotFound),
        "{err}"
    );
}

#[test]
fn an_id_of_another_explorer_panics_with_a_message_in_every_method() {
    use hallyu::export::View;
    use std::panic::{AssertUnwindSafe, catch_unwind};
    let here = Explorer::bundled();
    let f = Filter::new();
    // Another explorer of the same data: every id is in range here and would
    // name a record, the very same one, if ids were bare positions.
    let twin = Explorer::bundled();
    // And one with fewer records: its ids are in range too.
    let small = good().explorer;
    let me = here.person("Park Seo-joon").unwrap();
    let iu = here.person("IU").unwrap();
    let haru = here.work("Haru Haru").unwrap();
    let bigbang = here.group("BIGBANG").unwrap();
    let credit = here.credits_of(haru.into()).next().unwrap();
    let components = here.components(&f);
    let distances = here.distances(me, &f);
    let costars = here.co_appearances(me, &f);
    let centrality = here.centrality(&f);
    let ranking = here.centre_ranking(&f);
    let projection = here.projection(&f);
    for (name, other) in [("twin", &twin), ("small", &small)] {
        let a = other.people().next().unwrap();
        let b = other.people().nth(1).unwrap();
        let w = other.works().next().unwrap();
        let c = other.credits().next().unwrap();
        assert!(
            !here.contains(a.into()) && !here.contains(w.into()),
            "{name}"
        );
        let calls: Vec<(&str, Call)> = vec![
            ("get", Box::new(|| ignore(here.get(a).name().len()))),
            ("get(work)", Box::new(|| ignore(here.get(w).title().len()))),
            ("get(credit)", Box::new(|| ignore(here.get(c).role()))),
            ("key", Box::new(|| ignore(here.key(a.into())))),
            ("name", Box::new(|| ignore(here.name(a.into())))),
            (
                "display_name",
                Box::new(|| ignore(here.display_name(a.into()))),
            ),
            ("label", Box::new(|| ignore(here.label(w.into())))),
            ("hangul", Box::new(|| ignore(here.hangul(a.into())))),
            ("aliases", Box::new(|| ignore(here.aliases(a.into()).len()))),
            ("sources", Box::new(|| ignore(here.sources(a.into())))),
            ("notes", Box::new(|| ignore(here.notes(a.into())))),
            (
                "credits_of",
                Box::new(|| ignore(here.credits_of(w.into()).len())),
            ),
            ("ends", Box::new(|| ignore(here.ends(c)))),
            (
                "credit_location",
                Box::new(|| ignore(here.credit_location(c))),
            ),
            ("works_of", Box::new(|| ignore(here.works_of(a, &f)))),
            ("credits_on", Box::new(|| ignore(here.credits_on(w)))),
            ("groups_of", Box::new(|| ignore(here.groups_of(a)))),
            ("admits", Box::new(|| ignore(here.admits(w, &f)))),
            (
                "co_appearances",
                Box::new(|| ignore(here.co_appearances(a, &f).len())),
            ),
            (
                "shared_works",
                Box::new(|| ignore(here.shared_works(me, b, &f))),
            ),
            (
                "shortest_path",
                Box::new(|| ignore(here.shortest_path(a, iu, &f).is_some())),
            ),
            (
                "all_shortest_paths",
                Box::new(|| {
                    ignore(
                        here.all_shortest_paths(me, b, &AllPathsOptions::new(), &f)
                            .count(),
                    )
                }),
            ),
            (
                "introductions",
                Box::new(|| ignore(here.introductions(a, b, &f))),
            ),
            (
                "recommendations",
                Box::new(|| ignore(here.recommendations(a, &f))),
            ),
            (
                "recommendations_by_paths",
                Box::new(|| ignore(here.recommendations_by_paths(a, &f))),
            ),
            (
                "distances",
                Box::new(|| ignore(here.distances(a, &f).reachable())),
            ),
            (
                "neighbourhood",
                Box::new(|| {
                    ignore(
                        here.neighbourhood(a, &NeighbourhoodOptions::new(), &f)
                            .people()
                            .len(),
                    )
                }),
            ),
            (
                "centre_of",
                Box::new(|| {
                    here.centre_of(&[a], hallyu::query::CentreOptions::new(), &f, |_| {
                        std::ops::ControlFlow::Continue(())
                    });
                }),
            ),
            ("Components::of", Box::new(|| ignore(components.of(a)))),
            (
                "Components::index_of",
                Box::new(|| ignore(components.index_of(a))),
            ),
            (
                "Distances::distance",
                Box::new(|| ignore(distances.distance(a))),
            ),
            ("CoAppearances::get", Box::new(|| ignore(costars.get(a)))),
            (
                "Centrality::get",
                Box::new(|| ignore(centrality.get(a).degree)),
            ),
            (
                "Centrality::is_node",
                Box::new(|| ignore(centrality.is_node(a))),
            ),
            (
                "CentreRanking::position",
                Box::new(|| ignore(ranking.position(a))),
            ),
            ("Projection::node", Box::new(|| ignore(projection.node(a)))),
            (
                "Projection::works_between",
                Box::new(|| ignore(projection.works_between(me, a).len())),
            ),
            (
                "View::diagram",
                Box::new(|| ignore(View::path(me, a).diagram(&here))),
            ),
            (
                "PersonWorkGraph::node",
                Box::new(|| ignore(here.person_work_graph(&f).node(a.into()))),
            ),
        ];
        for (method, call) in calls {
            let err = catch_unwind(AssertUnwindSafe(call)).expect_err(&format!(
                "{method} with an id of the {name} explorer panics"
            ));
            let msg = err.downcast_ref::<String>().cloned().unwrap_or_default();
            assert!(
                msg.contains("is not an id of this explorer")
                    || msg.contains("is not an id of the explorer of this projection"),
                "{method} ({name}): {msg}"
            );
        }
    }
    // Its own ids, and a clone's, pass.
    let clone = here.clone();
    assert!(clone.contains(me.into()) && clone.contains(credit_entity(&here, credit)));
    assert_eq!(clone.members(bigbang).len(), here.members(bigbang).len());
    assert_eq!(clone.co_appearances(me, &f).len(), costars.len());
}

/// A call that may panic, for `catch_unwind`.
type Call<'a> = Box<dyn Fn() + 'a>;

/// Uses a value (what a call returns is beside the point).
fn ignore<T>(value: T) {
    std::hint::black_box(value);
}

fn credit_entity(ex: &Explorer, c: hallyu::CreditId) -> Entity {
    ex.ends(c).0
}
