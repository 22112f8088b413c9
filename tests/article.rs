//! The article's facts, asked through the public API of the bundled dataset.

use std::collections::BTreeSet;

use hallyu::model::{Confidence, RoleKind, WorkKind};
use hallyu::{Entity, Explorer, Filter, RoleSet};

fn names(ex: &Explorer, people: impl IntoIterator<Item = hallyu::PersonId>) -> BTreeSet<String> {
    people
        .into_iter()
        .map(|p| ex.get(p).name().to_string())
        .collect()
}

#[test]
fn park_seo_joon_and_choi_woo_shik_share_gyopo_hairstyle() {
    let ex = Explorer::bundled();
    let a = ex.person("Park Seo-joon").unwrap();
    let b = ex.person("Choi Woo-shik").unwrap();
    let shared = ex.shared_works(a, b, &Filter::new());
    let titles: Vec<&str> = shared.iter().map(|s| ex.get(s.work).title()).collect();
    assert!(titles.contains(&"Gyopo Hairstyle"), "{titles:?}");
    // Symmetric: the same works from the other side.
    let back: Vec<&str> = ex
        .shared_works(b, a, &Filter::new())
        .iter()
        .map(|s| ex.get(s.work).title())
        .collect();
    assert_eq!(titles, back);
    // Both are credited as cameos there.
    let gyopo = shared
        .iter()
        .find(|s| ex.get(s.work).title() == "Gyopo Hairstyle")
        .unwrap();
    assert_eq!(ex.get(gyopo.left.credit).role_kind(), RoleKind::Cameo);
    assert_eq!(ex.get(gyopo.right.credit).role_kind(), RoleKind::Cameo);
}

#[test]
fn park_seo_joon_music_video_costars_are_the_people_credited_on_his_videos() {
    let ex = Explorer::bundled();
    let me = ex.person("Park Seo-joon").unwrap();
    let mvs = Filter::new().kinds([WorkKind::MusicVideo]);
    let costars = ex.co_appearances(me, &mvs);
    // Everyone the data credits on screen on his music videos, but him: the
    // article's "I Remember" and "Gyopo Hairstyle", and The One's "Hana Dul
    // Set Net" and Kim Ji-soo's "Dream All Day" (music_videos_more.ron).
    let mut expected = BTreeSet::new();
    for title in [
        "I Remember",
        "Gyopo Hairstyle",
        "Hana Dul Set Net",
        "Dream All Day",
    ] {
        let work = ex.work(title).unwrap();
        for c in ex.credits_on(work) {
            if let (Entity::Person(p), _) = ex.ends(c)
                && p != me
                && RoleSet::ON_SCREEN.contains(ex.get(c).role_kind())
            {
                expected.insert(ex.get(p).name().to_string());
            }
        }
    }
    let got = names(&ex, costars.iter().map(|c| c.person));
    assert_eq!(got, expected);
    let want: BTreeSet<String> = [
        "Bang Yong-guk",
        "Yang Yo-seop",
        "Peakboy",
        "V",
        "Choi Woo-shik",
        "Park Hyung-sik",
        "Han Hyun-min",
        "The One",
        "Baek Jin-hee",
        "Kim Ji-soo",
        "Ahn Ji-young",
    ]
    .map(String::from)
    .into();
    assert_eq!(got, want);
    // Strongest first, then by name: every count is 1 here, so the order is alphabetical.
    let order: Vec<&str> = costars.iter().map(|c| ex.get(c.person).name()).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

#[test]
fn all_his_costars_are_ranked_by_shared_works() {
    let ex = Explorer::bundled();
    let me = ex.person("Park Seo-joon").unwrap();
    let costars = ex.co_appearances(me, &Filter::new());
    let counts: Vec<usize> = costars.iter().map(|c| c.works.len()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let first = costars.iter().next().unwrap();
    assert_eq!(ex.get(first.person).name(), "Choi Woo-shik");
}

#[test]
fn lee_min_ho_reaches_sandara_park_in_one_work() {
    let ex = Explorer::bundled();
    let a = ex.person("lee-min-ho").unwrap();
    let b = ex.person("Sandara Park").unwrap();
    let path = ex.shortest_path(a, b, &Filter::new()).unwrap();
    assert_eq!(path.len(), 1);
    assert_eq!(path.people(), vec![a, b]);
    let title = ex.get(path.works()[0]).title();
    assert!(title == "Kiss" || title == "Cass 2X CF", "{title}");
    // In music videos only, it is "Kiss".
    let mv = ex
        .shortest_path(a, b, &Filter::new().kinds([WorkKind::MusicVideo]))
        .unwrap();
    assert_eq!(ex.get(mv.works()[0]).title(), "Kiss");
    let text = mv.to_string();
    assert_eq!(text.lines().count(), 1);
    // Two actors share the name: the answer says which one.
    assert!(
        text.starts_with("Lee Min-ho [lee-min-ho] —cast (lead)"),
        "{text}"
    );
    assert!(
        text.contains("in→ Kiss (2009) ←performer in— Sandara Park"),
        "{text}"
    );
}

#[test]
fn a_person_in_no_work_has_no_path_and_the_answer_says_so() {
    let ex = Explorer::bundled();
    let lonely = ex.person("Tamar Herman").unwrap();
    let other = ex.person("IU").unwrap();
    assert!(ex.co_appearances(lonely, &Filter::new()).is_empty());
    assert!(ex.shortest_path(other, lonely, &Filter::new()).is_none());
}

#[test]
fn unverified_claims_are_kept_but_left_out_by_default() {
    let ex = Explorer::bundled();
    let bora = ex.person("Kim Bo-ra").unwrap();
    assert_eq!(
        ex.get(bora).record().unwrap().confidence,
        Confidence::Unverified
    );
    assert!(ex.co_appearances(bora, &Filter::new()).is_empty());
    let with = ex.co_appearances(bora, &Filter::new().include_unverified(true));
    let got = names(&ex, with.iter().map(|c| c.person));
    assert!(got.contains("Ji Chang-wook"), "{got:?}");

    // Kim Woo-bin's cameo in "Kiss" is stated by secondary sites only: it is
    // Secondary, so it counts by default (it was Unverified before they were found).
    let woo_bin = ex.person("Kim Woo-bin").unwrap();
    let kiss = ex.work("Kiss").unwrap();
    let on_kiss = |f: &Filter| ex.works_of(woo_bin, f).iter().any(|(w, _)| *w == kiss);
    assert!(on_kiss(&Filter::new()));
    assert!(on_kiss(&Filter::new().include_unverified(true)));
}

#[test]
fn lookups_by_alias_hangul_and_spelling() {
    let ex = Explorer::bundled();
    let so_hyun = ex.person("Kim So-hyun").unwrap();
    for name in [
        "kim so hyun",
        "Kim So Hyun",
        "KIM SOHYUN",
        "김소현",
        "kim-so-hyun",
    ] {
        assert_eq!(ex.person(name).unwrap(), so_hyun, "{name}");
    }
    let pairs = [
        ("Dara", "Sandara Park"),
        ("TOP", "T.O.P"),
        ("Kim Tae-hyung", "V"),
        ("Park Hyung-shik", "Park Hyung-sik"),
        ("K.will", "K.Will"),
        ("Park Yong-kyu", "Park Seo-joon"),
        ("박서준", "Park Seo-joon"),
        ("GD", "G-Dragon"),
    ];
    for (alias, name) in pairs {
        assert_eq!(ex.get(ex.person(alias).unwrap()).name(), name, "{alias}");
    }
    assert_eq!(ex.get(ex.work("하루하루").unwrap()).title(), "Haru Haru");
    assert_eq!(
        ex.get(ex.work("All Men Are Like That").unwrap()).title(),
        "Men Are All Like That"
    );
}

#[test]
fn name_collisions_are_kept_apart() {
    let ex = Explorer::bundled();
    // Kim Hyun-joong the singer, not Kim Woo-bin's birth name.
    let singer = ex.person("Kim Hyun-joong").unwrap();
    assert_eq!(ex.get(singer).key(), "kim-hyun-joong");
    assert_ne!(singer, ex.person("Kim Woo-bin").unwrap());
    // Kim Soo-hyun is not Kim So-hyun.
    assert_ne!(
        ex.person("Kim Soo-hyun").unwrap(),
        ex.person("Kim So-hyun").unwrap()
    );
    // Two actors are called Lee Min-ho: the name alone is ambiguous.
    let err = ex.person("Lee Min-ho").unwrap_err();
    assert!(err.is_ambiguous());
    let text = err.to_string();
    assert!(
        text.contains("\"lee-min-ho (") && text.contains("\"lee-min-ho-1993 ("),
        "{text}"
    );
}

#[test]
fn unknown_names_suggest_the_nearest() {
    let ex = Explorer::bundled();
    let err = ex.person("Park Seo-jon").unwrap_err();
    assert!(err.is_not_found());
    assert!(
        err.to_string().contains("did you mean \"Park Seo-joon\""),
        "{err}"
    );
    let err = ex.work("Haru Haru Haru").unwrap_err();
    assert!(err.to_string().contains("\"Haru Haru\""), "{err}");
}

#[test]
fn the_article_errors_are_corrected() {
    let ex = Explorer::bundled();
    let haru = ex.get(ex.work("Haru Haru").unwrap()).record().unwrap();
    assert_eq!(haru.released.to_string(), "2008-08-08");
    assert_eq!(haru.album.as_deref(), Some("Stand Up"));
    let song = ex
        .get(ex.work("Only I Didn't Know").unwrap())
        .record()
        .unwrap();
    assert_eq!(song.title, "The Story Only I Didn't Know");
    assert_eq!(song.album.as_deref(), Some("Real+"));
    let men = ex
        .get(ex.work("Men Are All Like That").unwrap())
        .record()
        .unwrap();
    assert_eq!(men.album.as_deref(), Some("Journey Home"));
    // "I Remember" was banned by all three terrestrial networks.
    let banned: BTreeSet<&str> = ex
        .credits_on(ex.work("I Remember").unwrap())
        .into_iter()
        .filter(|&c| ex.get(c).role_kind() == RoleKind::BannedBy)
        .map(|c| ex.name(ex.ends(c).1))
        .collect();
    assert_eq!(banned, ["KBS", "MBC", "SBS"].into());
}

#[test]
fn the_twelve_videos_are_all_there() {
    let ex = Explorer::bundled();
    // The article's twelve carry the `article` collection; the other music
    // videos of the dataset do not.
    let twelve: Vec<_> = ex
        .works()
        .filter(|&w| ex.get(w).collections().any(|c| c == "article"))
        .collect();
    assert_eq!(twelve.len(), 12);
    assert!(
        twelve
            .iter()
            .all(|&w| ex.get(w).kind() == WorkKind::MusicVideo)
    );
    assert!(twelve.iter().all(|&w| !ex.get(w).is_unverified()));
    // The "Kiss" sequel only the article describes is kept, marked unverified.
    let doubtful: Vec<_> = ex
        .works()
        .filter(|&w| ex.get(w).kind() == WorkKind::MusicVideo && ex.get(w).is_unverified())
        .map(|w| ex.get(w).key().into_owned())
        .collect();
    assert_eq!(doubtful, ["kiss-sequel"]);
    for title in [
        "I Remember",
        "Kiss",
        "Men Are All Like That",
        "I Need You",
        "Congratulations",
        "Unbreakable",
        "Haru Haru",
        "Let's Not Fall in Love",
        "Tell Me What To Do",
        "I Yah",
        "The Story Only I Didn't Know",
        "Gyopo Hairstyle",
    ] {
        let w = ex.work(title).unwrap_or_else(|e| panic!("{title}: {e}"));
        assert!(
            twelve.contains(&w),
            "{title} is not tagged as the article's"
        );
    }
}

#[test]
fn works_in_order_members_and_groups() {
    let ex = Explorer::bundled();
    let me = ex.person("Park Seo-joon").unwrap();
    let works = ex.works_of(me, &Filter::new());
    let dates: Vec<_> = works.iter().map(|(w, _)| ex.get(*w).released()).collect();
    assert!(dates.windows(2).all(|d| d[0] <= d[1]));
    assert_eq!(ex.get(works[0].0).title(), "I Remember");

    let bigbang = ex.group("BIGBANG").unwrap();
    let members = names(&ex, ex.members(bigbang).into_iter().map(|(p, _)| p));
    assert_eq!(
        members,
        ["Daesung", "G-Dragon", "Seungri", "T.O.P", "Taeyang"]
            .map(String::from)
            .into()
    );
    let v = ex.person("V").unwrap();
    let groups: BTreeSet<&str> = ex
        .groups_of(v)
        .iter()
        .map(|(g, _)| ex.get(*g).name())
        .collect();
    assert!(
        groups.contains("BTS") && groups.contains("Wooga Squad"),
        "{groups:?}"
    );
}

#[test]
fn group_credits_count_for_members_and_say_via() {
    let ex = Explorer::bundled();
    let han = ex.person("Han So-hee").unwrap();
    let taemin = ex.person("Taemin").unwrap();
    let shared = ex.shared_works(han, taemin, &Filter::new());
    let tell = shared
        .iter()
        .find(|s| ex.get(s.work).title() == "Tell Me What To Do")
        .expect("via SHINee");
    assert_eq!(tell.right.via.map(|g| ex.get(g).name()), Some("SHINee"));
    assert!(tell.right.describe(&ex).ends_with("via SHINee"));
    // Without membership expansion the link disappears.
    assert!(
        ex.shared_works(han, taemin, &Filter::new().expand_groups(false))
            .is_empty()
    );
}

#[test]
fn soundtrack_credits_are_not_appearances() {
    let ex = Explorer::bundled();
    let v = ex.person("V").unwrap();
    let itaewon = ex.work("Itaewon Class").unwrap();
    assert!(
        !ex.works_of(v, &Filter::new())
            .iter()
            .any(|(w, _)| *w == itaewon)
    );
    let any = Filter::new().roles(RoleSet::ANY_WORK_ROLE);
    assert!(ex.works_of(v, &any).iter().any(|(w, _)| *w == itaewon));
}
