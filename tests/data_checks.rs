//! Checks of the shipped dataset: sources, ids, Hangul, years, name
//! collisions, and the connectedness of the article's people.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use hallyu::model::WorkKind;
use hallyu::search::normalise;
use hallyu::{Entity, Explorer, Filter, PersonId};

fn explorer() -> Explorer {
    // Loads from the files (not the compiled-in copy) so that errors name them.
    Explorer::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_record_and_credit_has_a_source() {
    let ex = explorer();
    let r = ex.records().unwrap();
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
        Explorer::bundled().records().unwrap(),
        explorer().records().unwrap()
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
    let r = ex.records().unwrap();
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
        let y = ex.get(w).year().unwrap();
        assert!(
            (1950..=2026).contains(&y),
            "{}: released {y}",
            ex.get(w).key()
        );
    }
    for p in ex.people() {
        if let Some(b) = ex.get(p).record().unwrap().born {
            assert!(
                (1920..=2020).contains(&b.year),
                "{}: born {}",
                ex.get(p).key(),
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
        by_name
            .entry(normalise(ex.get(p).name()))
            .or_default()
            .push(p);
    }
    for (name, people) in by_name.into_iter().filter(|(_, v)| v.len() > 1) {
        for p in people {
            assert!(
                ex.get(p).disambiguation().is_some(),
                "{} shares the name {name:?} without a disambiguation",
                ex.get(p).key()
            );
        }
    }
}

/// The people on screen in the article's twelve videos (the works of the
/// `article` collection; confirmed claims).
fn article_people(ex: &Explorer) -> BTreeSet<PersonId> {
    let filter = Filter::new().kinds([WorkKind::MusicVideo]);
    let mut people = BTreeSet::new();
    for w in ex
        .works()
        .filter(|&w| ex.get(w).collections().any(|c| c == "article") && !ex.get(w).is_unverified())
    {
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
        .map(|&p| ex.get(p).name())
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
        ex.get(a).name(),
        ex.get(b).name()
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
        assert!(ex.works().any(|w| ex.get(w).kind() == kind), "no {kind:?}");
    }
    let count = |k| ex.works().filter(|&w| ex.get(w).kind() == k).count();
    assert!(
        count(WorkKind::Drama) >= 20 && count(WorkKind::Film) >= 5 && count(WorkKind::Variety) >= 3
    );
    let _ = Entity::Work(ex.work("Parasite").unwrap());
}

/// Sites that must not be cited, as the source policy of data/README.md
/// lists them: content farms and scraped copies, an aggregator, Wikipedia
/// mirrors, fan wikis, forums, piracy sites and dead sites. Cite the
/// original publisher instead (the label, the broadcaster, the Korean press,
/// en.wikipedia.org), or leave the claim out.
const BANNED_SOURCE_DOMAINS: &[&str] = &[
    // Content farms, scraped or spun copies, an aggregator.
    "writing-contest.org",
    "worldsoccer.co.kr",
    "spasdemarques.com",
    "557951.com",
    "starsalert.com",
    "bharattimes.co.in",
    "moviegaze.com",
    "kpopnews.co",
    "asianewsday.com",
    "ttvn.toquoc.vn",
    "nguoi-noi-tieng.com",
    "alchetron.com",
    "gluwee.com",
    "kdramachoa.com",
    "kbizoom.com",
    "kamilekaselyte.com",
    // Wikipedia mirrors (cite en.wikipedia.org or ko.wikipedia.org).
    "cavac.at",
    "iiab.me",
    "kiddle.co",
    "wikipedia-on-ipfs.org",
    "enwikipedia.net",
    "readonly.wiki",
    "pinocchiopedia.com",
    "dokumen123.com",
    // Fan wikis and forums.
    "fandom.com",
    "wikia.com",
    "forums.soompi.com",
    "forum.allkpop.com",
    // Piracy and streaming spam.
    "xemovie.com",
    "poostream.com",
    "watchme.asia",
    "dianyingdojo.xyz",
    // Dead: DramaFever closed in 2018; Crunchyroll's forums and Amino are gone.
    "dramafever.com",
    "crunchyroll.com",
    "aminoapps.com",
];

/// Dead addresses on live sites: koreaboo's old article paths.
const DEAD_SOURCE_PREFIXES: &[&str] = &["koreaboo.com/index.html/"];

/// Every source URL of the dataset, with what cites it.
fn all_sources(ex: &Explorer) -> Vec<(String, String)> {
    let r = ex.records().unwrap();
    let mut out = Vec::new();
    let mut add = |what: String, sources: &[String]| {
        out.extend(sources.iter().map(|s| (what.clone(), s.clone())));
    };
    r.people
        .iter()
        .for_each(|x| add(format!("person {}", x.id), &x.sources));
    r.groups
        .iter()
        .for_each(|x| add(format!("group {}", x.id), &x.sources));
    r.works
        .iter()
        .for_each(|x| add(format!("work {}", x.id), &x.sources));
    r.organisations
        .iter()
        .for_each(|x| add(format!("organisation {}", x.id), &x.sources));
    r.credits
        .iter()
        .for_each(|x| add(format!("credit {} → {}", x.from, x.to), &x.sources));
    out
}

fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

#[test]
fn no_source_is_a_known_mirror_piracy_or_content_farm_site() {
    let ex = explorer();
    let bad: Vec<String> = all_sources(&ex)
        .into_iter()
        .filter(|(_, url)| is_banned(url))
        .map(|(what, url)| format!("{what}: {url}"))
        .collect();
    assert!(bad.is_empty(), "banned sources:\n{}", bad.join("\n"));
    assert_eq!(host("https://www.cavac.at/x?y"), "www.cavac.at");
    assert!(is_banned("https://www.kbizoom.com/x"));
    assert!(is_banned("http://www.koreaboo.com/index.html/_/shows/x"));
    assert!(!is_banned("https://www.koreaboo.com/news/x"));
    assert!(!is_banned("https://en.wikipedia.org/wiki/Haru_Haru"));
}

fn is_banned(url: &str) -> bool {
    let h = host(url);
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    BANNED_SOURCE_DOMAINS
        .iter()
        .any(|d| h == *d || h.ends_with(&format!(".{d}")))
        || DEAD_SOURCE_PREFIXES.iter().any(|p| rest.starts_with(p))
}

#[test]
fn the_readme_source_policy_names_every_banned_site() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/README.md")).unwrap();
    let start = readme
        .find("## Source policy")
        .expect("data/README.md has a source policy");
    let policy = &readme[start..];
    for section in ["Reliable", "Not reliable"] {
        assert!(
            policy.contains(section),
            "the policy has no {section:?} part"
        );
    }
    for d in BANNED_SOURCE_DOMAINS.iter().chain(DEAD_SOURCE_PREFIXES) {
        assert!(
            policy.contains(d),
            "data/README.md's policy does not list {d}"
        );
    }
}

#[test]
fn the_records_added_after_the_article_are_sourced_where_they_stand() {
    // Every record and credit has a source (checked above); the music videos
    // beyond the article's twelve also cite one on each on-screen credit, so
    // that a reader can check who is in which video.
    let ex = explorer();
    let r = ex.records().unwrap();
    let extra: BTreeSet<&str> = r
        .works
        .iter()
        .filter(|w| w.kind == WorkKind::MusicVideo && w.collections.is_empty())
        .map(|w| w.id.as_str())
        .collect();
    assert!(extra.len() >= 20, "{} more music videos", extra.len());
    for c in r.credits.iter().filter(|c| extra.contains(c.to.as_str())) {
        assert!(
            c.sources.iter().any(|s| s.starts_with("http")),
            "{} → {}",
            c.from,
            c.to
        );
    }
    // Every one of them credits at least one person on screen.
    for w in &extra {
        let work = ex.records().unwrap().works.iter().find(|x| x.id == *w);
        assert!(work.is_some());
        let id = ex.work(w).unwrap();
        let on_screen = ex.credits_on(id).into_iter().any(|c| {
            matches!(ex.ends(c).0, Entity::Person(_))
                && hallyu::RoleSet::ON_SCREEN.contains(ex.get(c).role_kind())
        });
        assert!(on_screen, "{w}: nobody on screen");
    }
}

/// People outside the main co-appearance component, and why. Anyone else
/// must reach it.
const OUTSIDE_THE_MAIN_COMPONENT: &[(&str, &str)] = &[
    ("bong-joon-ho", "crew only (director of Parasite)"),
    ("cha-eun-taek", "crew only (music video director)"),
    ("daishi-dance", "crew only (arranger of Haru Haru)"),
    ("gwitbangmangi", "crew only (composer)"),
    ("hong-won-ki", "crew only (music video director)"),
    ("hwang-su-a", "crew only (music video director)"),
    ("jo-sung-hee", "crew only (director of A Werewolf Boy)"),
    ("kim-do-hoon", "crew only (composer)"),
    ("kim-eana", "crew only (lyricist)"),
    ("lee-byeong-heon", "crew only (director of Dream)"),
    ("teddy-park", "crew only (producer)"),
    ("um-tae-hwa", "crew only (director)"),
    ("yeon-sang-ho", "crew only (director of Train to Busan)"),
    ("yoo-young-jin", "crew only (producer)"),
    (
        "jin",
        "soundtrack only: sings the Hwarang theme with V; no on-screen credit",
    ),
    (
        "kim-bo-ra",
        "named only by the article: her one credit is Unverified",
    ),
    (
        "tamar-herman",
        "no credit: the article's byline claim is unconfirmed",
    ),
];

#[test]
fn every_person_reaches_the_main_component_or_is_a_documented_exception() {
    let ex = explorer();
    let components = ex.components(&Filter::new());
    let main = components.largest().unwrap();
    let main: BTreeSet<PersonId> = main.people.iter().copied().collect();
    let outside: BTreeSet<String> = ex
        .people()
        .filter(|p| !main.contains(p))
        .map(|p| ex.get(p).key().into_owned())
        .collect();
    let documented: BTreeSet<String> = OUTSIDE_THE_MAIN_COMPONENT
        .iter()
        .map(|e| e.0.to_string())
        .collect();
    assert_eq!(outside, documented, "people outside the main component");
    // The reasons hold: crew have no on-screen credit at all.
    let on_screen = Filter::new();
    for (id, why) in OUTSIDE_THE_MAIN_COMPONENT {
        let p = ex.person(id).unwrap();
        if why.starts_with("crew only") {
            assert!(ex.works_of(p, &on_screen).is_empty(), "{id} is on screen");
            assert!(
                ex.credits_of(Entity::Person(p)).len() > 0,
                "{id}: no credit"
            );
        }
    }
}

#[test]
fn the_added_works_shorten_paths_between_article_people() {
    // Hops between people of the article's twelve videos, before the works
    // added after the second fact-check → now.
    let ex = explorer();
    let article = article_people(&ex);
    let one_hop = [
        ("IU", "V", 2, "Love Wins All"),
        ("IU", "Kim Jong-kook", 3, "The Producers"),
        ("IU", "K.Will", 2, "My Heart Is Beating"),
        ("Ji Chang-wook", "Park Bo-young", 3, "Seulpeun Yaksok"),
        ("Choi Woo-shik", "Park Bo-young", 2, "Melo Movie"),
        ("Yeo Jin-goo", "Han So-hee", 3, "Reunited Worlds"),
        ("Yeo Jin-goo", "Ha Yeon-soo", 3, "Potato Star 2013QR3"),
        ("Park Seo-joon", "Bora", 3, "Music Bank"),
        ("CL", "Kim Woo-bin", 2, "Kiss"),
    ];
    for (a, b, before, work) in one_hop {
        let (pa, pb) = (ex.person(a).unwrap(), ex.person(b).unwrap());
        assert!(article.contains(&pa) && article.contains(&pb), "{a}, {b}");
        assert_eq!(hops(&ex, a, b), 1, "{a} → {b} (was {before})");
        let shared = ex.shared_works(pa, pb, &Filter::new());
        assert!(
            shared.iter().any(|s| ex.get(s.work).title() == work),
            "{a} and {b} share {work}"
        );
    }
    for (a, b, before, now) in [
        ("K.Will", "V", 4, 2),
        ("Bora", "Han So-hee", 4, 2),
        ("Bora", "Dowoon", 5, 3),
        ("Ha Yeon-soo", "Sandara Park", 4, 2),
        ("Key", "Yeo Jin-goo", 4, 2),
    ] {
        assert_eq!(hops(&ex, a, b), now, "{a} → {b} (was {before})");
    }
}

/// The dataset table of README.md: `| label | count |` rows between the
/// `<!-- dataset-counts -->` markers.
fn readme_counts() -> BTreeMap<String, usize> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = text
        .find("<!-- dataset-counts -->")
        .expect("README has a dataset-counts table");
    let end = start
        + text[start..]
            .find("<!-- /dataset-counts -->")
            .expect("README's dataset-counts table ends");
    let mut counts = BTreeMap::new();
    for line in text[start..end].lines() {
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        if let [label, value] = cells.as_slice()
            && let Ok(n) = value.parse::<usize>()
        {
            counts.insert(label.to_string(), n);
        }
    }
    counts
}

/// Rewrites the dataset table of README.md between its markers.
fn write_readme_counts(rows: &[(&str, usize)]) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let text = std::fs::read_to_string(path).unwrap();
    let open = "<!-- dataset-counts -->";
    let start = text.find(open).expect("README has a dataset-counts table") + open.len();
    let end = start
        + text[start..]
            .find("<!-- /dataset-counts -->")
            .expect("README's dataset-counts table ends");
    let mut table = String::from("\n| dataset | count |\n|---|---|\n");
    for (label, n) in rows {
        table.push_str(&format!("| {label} | {n} |\n"));
    }
    std::fs::write(path, format!("{}{table}{}", &text[..start], &text[end..])).unwrap();
}

#[test]
fn the_readme_counts_are_the_data() {
    let ex = explorer();
    let r = ex.records().unwrap();
    let kind = |k: WorkKind| r.works.iter().filter(|w| w.kind == k).count();
    let sources: BTreeSet<String> = all_sources(&ex).into_iter().map(|(_, s)| s).collect();
    let components = ex.components(&Filter::new());
    let main = components.largest().unwrap().people.len();
    let want = [
        ("people", r.people.len()),
        ("groups", r.groups.len()),
        ("organisations", r.organisations.len()),
        ("works", r.works.len()),
        ("music videos", kind(WorkKind::MusicVideo)),
        (
            "music videos of the article",
            r.works
                .iter()
                .filter(|w| w.collections.iter().any(|c| c == "article"))
                .count(),
        ),
        ("dramas", kind(WorkKind::Drama)),
        ("films", kind(WorkKind::Film)),
        ("variety shows", kind(WorkKind::Variety)),
        ("commercials", kind(WorkKind::Commercial)),
        ("credits", r.credits.len()),
        ("distinct sources", sources.len()),
        ("components", components.iter().count()),
        ("people in the main component", main),
        ("people outside it", r.people.len() - main),
        (
            "people with no on-screen credit that counts",
            components.left_out(),
        ),
    ];
    // `HALLYU_WRITE_README=1 cargo test --test data_checks` writes the table.
    if std::env::var_os("HALLYU_WRITE_README").is_some() {
        write_readme_counts(&want);
    }
    let want: BTreeMap<String, usize> = want.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    assert_eq!(
        readme_counts(),
        want,
        "README.md's dataset table (HALLYU_WRITE_README=1 regenerates it)"
    );
    assert_eq!(r.people.len() - main, OUTSIDE_THE_MAIN_COMPONENT.len());
}

/// The one credit from `from` to `to` whose role has the kind `kind`.
fn credit<'r>(
    r: &'r hallyu::model::Records,
    from: &str,
    to: &str,
    kind: &str,
) -> Option<&'r hallyu::model::Credit> {
    r.credits
        .iter()
        .find(|c| c.from == from && c.to == to && format!("{:?}", c.role).starts_with(kind))
}

fn work<'r>(r: &'r hallyu::model::Records, id: &str) -> &'r hallyu::model::Work {
    r.works
        .iter()
        .find(|w| w.id == id)
        .unwrap_or_else(|| panic!("no work {id}"))
}

fn character(c: &hallyu::model::Credit) -> Option<&str> {
    match &c.role {
        hallyu::model::Role::Cast { character, .. } => character.as_deref(),
        _ => None,
    }
}

fn cites(c: &hallyu::model::Credit, part: &str) -> bool {
    c.sources.iter().any(|s| s.contains(part))
}

#[test]
fn the_fact_check_corrections_hold() {
    use hallyu::model::Confidence;
    let ex = explorer();
    let r = ex.records().unwrap();

    // "Neoreul Bonaejwoya Handa" is Young Gun's single: the group sings, Ji
    // Chang-wook only acts; the shared-agency claim is gone.
    let song = "neoreul-bonaejwoya-handa";
    assert!(credit(r, "ji-chang-wook", song, "Performer").is_none());
    let sung = credit(r, "young-gun", song, "Performer").expect("Young Gun credited");
    assert!(cites(sung, "maniadb.com/index.php/album/618114"));
    assert!(cites(sung, "hankyung.com/article/201006284486k"));
    let cast = credit(r, "ji-chang-wook", song, "Cast").expect("Ji Chang-wook kept as cast");
    assert!(cites(cast, "201006284486k"));
    let w = work(r, song);
    let notes = w.notes.as_deref().unwrap();
    assert!(!notes.contains("labelmates") && !notes.contains("his own digital single"));
    assert_eq!(w.released.to_string(), "2010-07-08");

    // The beer tie-in of "Tik Tok" is not Confirmed: Starnews says only "a beer ad".
    let tie = credit(r, "tik-tok", "oriental-brewery", "TieIn").unwrap();
    assert_eq!(tie.confidence, Confidence::Secondary);
    assert!(cites(
        tie,
        "starnewskorea.com/view_amp.html?no=2010011715151377974"
    ));

    // IU in "Love Wins All" plays a woman who cannot speak, not a deaf woman.
    let iu = credit(r, "iu", "love-wins-all", "Cast").unwrap();
    assert_eq!(character(iu), Some("a woman who cannot speak"));
    assert!(
        !work(r, "love-wins-all")
            .notes
            .as_deref()
            .unwrap()
            .contains("IU, deaf")
    );

    // "I Hate Alcohol" was announced by Music Farm on 23 September 2024.
    let w = work(r, "i-hate-alcohol");
    let notes = w.notes.as_deref().unwrap();
    assert!(notes.contains("Music Farm announced the video on 23 Sep 2024"));
    assert!(!notes.contains("Spring Company"));
    assert!(w.sources.iter().any(|s| s.contains("ekn.kr")));
    let juck = r.people.iter().find(|p| p.id == "lee-juck").unwrap();
    assert!(!juck.notes.as_deref().unwrap().contains("Spring Company"));

    // "Seulpeun Yaksok" part 2 did not come out on 15 January 2013.
    let w = work(r, "seulpeun-yaksok");
    let notes = w.notes.as_deref().unwrap();
    assert!(!notes.contains("followed on 15 Jan"));
    assert!(notes.contains("put back by a week"));
    assert!(w.sources.iter().any(|s| s.contains("20130108/52139313")));

    // T-ara's "Cry Cry" video: 9 November 2011; Black Eyes: 18 November 2011.
    let w = work(r, "cry-cry");
    assert_eq!(w.released.to_string(), "2011-11-09");
    assert_eq!(w.album.as_deref(), Some("Black Eyes"));
    assert!(w.notes.as_deref().unwrap().contains("18 Nov 2011"));
    assert!(!w.notes.as_deref().unwrap().contains("September"));

    // Exact dates and the album of "I'm Sorry".
    let w = work(r, "jebal");
    assert_eq!(w.released.to_string(), "2011-06-02");
    let w = work(r, "im-sorry");
    assert_eq!(w.album.as_deref(), Some("Comfort"));
    assert_eq!(w.released.to_string(), "2008-03-12");

    // The two under-confident credits are Confirmed, with the Korean reports.
    let c = credit(r, "lee-jong-suk", "i-dont-care", "Cast").unwrap();
    assert_eq!(c.confidence, Confidence::Confirmed);
    assert!(cites(c, "2013011709200393542"));
    let c = credit(r, "lee-min-ho", "i-am-sam", "Cast").unwrap();
    assert_eq!(c.confidence, Confidence::Confirmed);
    assert!(cites(c, "2007091400369"));
    assert_eq!(character(c), Some("Heo Mo-se"));

    // Characters the fact-check found, each with its source.
    for (who, on, name, source) in [
        (
            "lee-kwang-soo",
            "nice-guy",
            "Park Jae-gil",
            "osen.co.kr/article/G1109475501",
        ),
        (
            "seo-yea-ji",
            "potato-star-2013qr3",
            "Noh Soo-young",
            "osen.co.kr/article/G1109853250",
        ),
        (
            "han-so-hee",
            "reunited-worlds",
            "Lee Seo-won",
            "2017092110362793257",
        ),
    ] {
        let c = credit(r, who, on, "Cast").unwrap_or_else(|| panic!("{who} in {on}"));
        assert_eq!(character(c), Some(name), "{who} in {on}");
        assert!(cites(c, source), "{who} in {on}: {source}");
    }

    // The younger Lee Min-ho acts as Lee Tae-ri.
    let p = r.people.iter().find(|p| p.id == "lee-min-ho-1993").unwrap();
    assert!(p.aliases.iter().any(|a| a == "Lee Tae-ri"));
    assert!(p.aliases.iter().any(|a| a == "이태리"));
    assert!(ex.person("Lee Tae-ri").is_ok());
}

#[test]
fn one_component_under_the_default_filter() {
    let ex = explorer();
    let components = ex.components(&Filter::new());
    assert_eq!(components.iter().count(), 1);
    // Yoon Eun-hye reaches the others through 2PM's members of the time,
    // by sourced links only: "Tik Tok" (2PM) and Dream High.
    let r = ex.records().unwrap();
    for member in ["taecyeon", "wooyoung"] {
        let m = credit(r, member, "2pm", "Member").expect("2PM member");
        assert!(!m.sources.is_empty());
        let c = credit(r, member, "dream-high", "Cast").expect("in Dream High");
        assert!(c.sources.iter().any(|s| !is_banned(s)));
    }
    assert_eq!(hops(&ex, "Yoon Eun-hye", "Taecyeon"), 1);
    assert_eq!(hops(&ex, "Yoon Eun-hye", "IU"), 2);
}

#[test]
fn the_dataset_reaches_the_counts_and_videos_of_issue_37() {
    let ex = explorer();
    let r = ex.records().unwrap();
    let videos = r
        .works
        .iter()
        .filter(|w| w.kind == WorkKind::MusicVideo)
        .count();
    assert!(r.people.len() >= 150, "{} people", r.people.len());
    assert!(videos >= 55, "{videos} music videos");
    // The videos the issue names, each with the person it names on screen.
    for (video, who) in [
        ("You & I", "Lee Hyun-woo"),
        ("Above the Time", "Lee Hyun-woo"),
        ("My Old Story", "Choi Woo-shik"),
        ("Can't Open Up My Lips", "IU"),
        ("I Need a Girl", "Sandara Park"),
        ("Lovey-Dovey", "Cha Seung-won"),
        ("Lovey-Dovey", "Ji Chang-wook"),
        ("Lovey-Dovey", "Jiyeon"),
        ("It's Over", "Park Bo-young"),
        ("Kkeojyeojulge Jalsara", "Yoon Doo-joon"),
        ("Pyeonji", "Park Shin-hye"),
        ("Good Goodbye", "Park Jung-min"),
        ("Uri Geumanhaja", "Han So-hee"),
        ("Yeoja Yeojahae", "Han So-hee"),
        ("Insa", "Han So-hee"),
    ] {
        let w = ex.work(video).unwrap_or_else(|e| panic!("{video}: {e}"));
        let p = ex.person(who).unwrap();
        assert!(
            ex.works_of(p, &Filter::new()).iter().any(|(x, _)| *x == w),
            "{who} is not on screen in {video}"
        );
    }
    // The people whose absence the issue says a fan notices.
    for who in [
        "Lee Hyun-woo",
        "Kim Da-mi",
        "Park Shin-hye",
        "Park Yoo-chun",
        "Kim Jaejoong",
        "Jin",
    ] {
        assert!(ex.person(who).is_ok(), "{who} is missing");
    }
    let heirs = ex.work("The Heirs").unwrap();
    let shin_hye = ex.person("Park Shin-hye").unwrap();
    assert!(
        ex.works_of(shin_hye, &Filter::new())
            .iter()
            .any(|(x, _)| *x == heirs)
    );
}
