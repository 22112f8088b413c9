//! Checks of the shipped dataset: sources, ids, Hangul, years, name
//! collisions, and the connectedness of the article's people.

use std::collections::{BTreeSet, HashMap, VecDeque};

use hallyu::model::WorkKind;
use hallyu::{Entity, Explorer, Filter, PersonId, normalize};

fn explorer() -> Explorer {
    // Loads from the files (not the compiled-in copy) so that errors name them.
    Explorer::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_record_and_credit_has_a_source() {
    let ex = explorer();
    let r = ex.catalog().records();
    let mut missing = Vec::new();
    let mut check = |what: &str, id: &str, sources: &[String]| {
        if sources.is_empty() {
            missing.push(format!("{what} {id}"));
        }
        for s in sources {
            assert!(
                s.starts_with("http://") || s.starts_with("https://"),
                "{what} {id}: source {s:?} is not a URL"
            );
        }
    };
    r.people
        .iter()
        .for_each(|x| check("person", &x.id, &x.sources));
    r.groups
        .iter()
        .for_each(|x| check("group", &x.id, &x.sources));
    r.works
        .iter()
        .for_each(|x| check("work", &x.id, &x.sources));
    r.organisations
        .iter()
        .for_each(|x| check("organisation", &x.id, &x.sources));
    r.credits
        .iter()
        .for_each(|x| check("credit", &format!("{} → {}", x.from, x.to), &x.sources));
    assert!(
        missing.is_empty(),
        "records without a source:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_bundled_copy_is_the_data_folder() {
    assert_eq!(
        Explorer::bundled().catalog().records(),
        explorer().catalog().records()
    );
}

#[test]
fn ids_are_slugs_and_hangul_is_hangul() {
    let ex = explorer();
    let slug = |id: &str| {
        !id.is_empty()
            && id.split('-').all(|p| {
                !p.is_empty()
                    && p.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
    };
    let hangul = |s: &str| s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
    let r = ex.catalog().records();
    let all = r
        .people
        .iter()
        .map(|p| (&p.id, &p.hangul))
        .chain(r.groups.iter().map(|g| (&g.id, &g.hangul)))
        .chain(r.works.iter().map(|w| (&w.id, &w.hangul)))
        .chain(r.organisations.iter().map(|o| (&o.id, &o.hangul)));
    for (id, h) in all {
        assert!(slug(id), "id {id:?} is not a slug");
        if let Some(h) = h {
            assert!(hangul(h), "{id}: hangul {h:?} holds no Hangul syllable");
        }
    }
}

#[test]
fn years_are_plausible() {
    let ex = explorer();
    for w in ex.works() {
        let y = ex[w].released.year;
        assert!((1950..=2026).contains(&y), "{}: released {y}", ex[w].id);
    }
    for p in ex.people() {
        if let Some(b) = ex[p].born {
            assert!(
                (1920..=2020).contains(&b.year),
                "{}: born {}",
                ex[p].id,
                b.year
            );
        }
    }
}

#[test]
fn people_sharing_a_normalised_name_are_disambiguated() {
    let ex = explorer();
    let mut by_name: HashMap<String, Vec<PersonId>> = HashMap::new();
    for p in ex.people() {
        by_name.entry(normalize(&ex[p].name)).or_default().push(p);
    }
    for (name, people) in by_name.into_iter().filter(|(_, v)| v.len() > 1) {
        for p in people {
            assert!(
                ex[p].disambiguation.is_some(),
                "{} shares the name {name:?} without a disambiguation",
                ex[p].id
            );
        }
    }
}

/// The people on screen in the article's twelve videos (the works of the
/// `article` collection; confirmed claims).
fn article_people(ex: &Explorer) -> BTreeSet<PersonId> {
    let filter = Filter::new().kinds([WorkKind::MusicVideo]);
    let mut people = BTreeSet::new();
    for w in ex.works().filter(|&w| {
        ex[w].collections.iter().any(|c| c == "article") && !ex[w].confidence.is_unverified()
    }) {
        for p in ex.people() {
            if ex.works_of(p, &filter).iter().any(|(x, _)| *x == w) {
                people.insert(p);
            }
        }
    }
    people
}

/// Person-level distances from `start` over on-screen co-appearances.
fn distances(ex: &Explorer, start: PersonId) -> HashMap<PersonId, usize> {
    let filter = Filter::new();
    let mut dist = HashMap::from([(start, 0)]);
    let mut queue = VecDeque::from([start]);
    while let Some(p) = queue.pop_front() {
        for c in ex.co_appearances(p, &filter).iter() {
            if !dist.contains_key(&c.person) {
                dist.insert(c.person, dist[&p] + 1);
                queue.push_back(c.person);
            }
        }
    }
    dist
}

#[test]
fn the_article_people_form_one_connected_component() {
    let ex = explorer();
    let people = article_people(&ex);
    assert!(people.len() >= 40, "{} people", people.len());
    let first = *people.iter().next().unwrap();
    let reached = distances(&ex, first);
    let cut_off: Vec<&str> = people
        .iter()
        .filter(|p| !reached.contains_key(p))
        .map(|&p| ex[p].name.as_str())
        .collect();
    assert!(cut_off.is_empty(), "cut off from the others: {cut_off:?}");
}

#[test]
fn the_longest_shortest_path_between_article_people() {
    let ex = explorer();
    let people = article_people(&ex);
    let mut longest = (0, None);
    for &a in &people {
        let d = distances(&ex, a);
        for &b in &people {
            if d[&b] > longest.0 {
                longest = (d[&b], Some((a, b)));
            }
        }
    }
    let (len, Some((a, b))) = longest else {
        panic!("no pair")
    };
    let path = ex.shortest_path(a, b, &Filter::new()).unwrap();
    assert_eq!(path.len(), len);
    println!(
        "longest shortest path: {len} hops, {} → {}\n{path}",
        ex[a].name, ex[b].name
    );
    assert_eq!(len, 5);
}

fn hops(ex: &Explorer, a: &str, b: &str) -> usize {
    let (pa, pb) = (ex.person(a).unwrap(), ex.person(b).unwrap());
    let path = ex
        .shortest_path(pa, pb, &Filter::new())
        .unwrap_or_else(|| panic!("no path {a} → {b}"));
    // Every hop is a real shared work.
    for s in path.steps() {
        assert!(
            ex.shared_works(s.from, s.to, &Filter::new())
                .iter()
                .any(|w| w.work == s.work)
        );
    }
    println!("{a} → {b}: {} hops\n{path}", path.len());
    path.len()
}

#[test]
fn paths_through_the_connecting_works() {
    let ex = explorer();
    assert_eq!(hops(&ex, "Song Joong-ki", "Park Seo-joon"), 2);
    assert_eq!(hops(&ex, "IU", "Park Seo-joon"), 1);
    assert_eq!(hops(&ex, "Kim So-hyun", "Han So-hee"), 2);
    assert_eq!(hops(&ex, "lee-min-ho", "Park Bo-young"), 2);
}

#[test]
fn works_of_every_kind_are_listed() {
    let ex = explorer();
    for kind in [
        WorkKind::MusicVideo,
        WorkKind::Drama,
        WorkKind::Film,
        WorkKind::Variety,
        WorkKind::Commercial,
    ] {
        assert!(ex.works().any(|w| ex[w].kind == kind), "no {kind:?}");
    }
    let count = |k| ex.works().filter(|&w| ex[w].kind == k).count();
    assert!(
        count(WorkKind::Drama) >= 20 && count(WorkKind::Film) >= 5 && count(WorkKind::Variety) >= 3
    );
    let _ = Entity::Work(ex.work("Parasite").unwrap());
}
