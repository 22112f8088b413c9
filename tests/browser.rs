//! The page of `hallyu::html::page` in a real headless Chromium, driven by
//! selenium with Debian's chromedriver (`tests/browser/page_test.py`).
//!
//! Needs `apt-get install chromium chromium-driver fonts-nanum python3-selenium`;
//! without them the test prints why and skips (it never passes silently:
//! the message names what is missing; with `HALLYU_REQUIRE_BROWSER` set it
//! fails instead, for CI). The screenshot is kept as
//! `target/browser/page.png`.

use std::path::{Path, PathBuf};
use std::process::Command;

use hallyu::export::View;
use hallyu::html::{self, PageOptions};
use hallyu::{Entity, Explorer, Filter};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A python that has selenium, or why there is none.
fn python() -> Result<String, String> {
    for py in ["/usr/bin/python3", "python3"] {
        let ok = Command::new(py)
            .args(["-c", "import selenium"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Ok(py.to_string());
        }
    }
    Err("no python3 with selenium (apt-get install python3-selenium)".into())
}

fn browser() -> Result<String, String> {
    for exe in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(exe).exists() {
            return Err(format!(
                "{exe} is missing (apt-get install chromium chromium-driver)"
            ));
        }
    }
    python()
}

/// The lines the command line prints for each hop between consecutive
/// people, whichever shared work the page picked.
fn possible_hops(explorer: &Explorer) -> Vec<String> {
    let mut lines = Vec::new();
    let filter = Filter::new();
    for a in explorer.people() {
        for c in explorer.co_appearances(a, &filter).iter() {
            for s in explorer.shared_works(a, c.person, &filter).iter() {
                lines.push(format!(
                    "{} —{} in→ {} ←{} in— {}",
                    explorer.display_name(a.into()),
                    s.left.describe(explorer),
                    explorer.label(Entity::Work(s.work)),
                    s.right.describe(explorer),
                    explorer.display_name(c.person.into())
                ));
            }
        }
    }
    lines
}

/// What the page's path modes must answer, as the library does: Seo Yea-ji
/// to G-Dragon as of 2010, 2014 and 2015 (hops, or `none`), and a pair whose
/// path in time order is longer than its shortest path (its ends, its
/// length, the shortest's length), and the weight of a strongest path. One
/// `key value…` line each.
fn modes(explorer: &Explorer) -> String {
    use hallyu::query::Avoid;
    let key = |p: hallyu::PersonId| explorer.get(p).key().into_owned();
    let (yea_ji, gd) = (
        explorer.person("Seo Yea-ji").unwrap(),
        explorer.person("G-Dragon").unwrap(),
    );
    let mut out = format!("asof {} {}", key(yea_ji), key(gd));
    for year in [2010, 2014, 2015] {
        let hops = explorer.shortest_path(yea_ji, gd, &Filter::new().as_of(year));
        out.push_str(&format!(
            " {year}:{}",
            hops.map_or("none".into(), |p| p.len().to_string())
        ));
    }
    // From Lee Min-ho, the first person (in id order) a chain in time order
    // reaches only the long way round.
    let (a, filter) = (explorer.person("lee-min-ho").unwrap(), Filter::new());
    let (b, ordered, shortest) = explorer
        .people()
        .find_map(|b| {
            let shortest = explorer.shortest_path(a, b, &filter)?.len();
            let ordered = explorer
                .shortest_path_in_order(a, b, &Avoid::new(), &filter)?
                .len();
            (ordered > shortest).then_some((b, ordered, shortest))
        })
        .expect("a pair whose chain in time order is longer");
    out.push_str(&format!(
        "\ninorder {} {} {ordered} {shortest}\n",
        key(a),
        key(b)
    ));
    // The strongest path from Lee Min-ho to Choi Woo-shik: its weight.
    let b = explorer.person("Choi Woo-shik").unwrap();
    let (_, weight) = explorer.strongest_path(a, b, &filter).unwrap();
    out.push_str(&format!("strongest {} {} {weight}\n", key(a), key(b)));
    out
}

/// Writes what `page_test.py` checks against (the path's ends and length,
/// the view's person, every line a hop can read), runs it on `url` (a file
/// or the server's address), and gives its output.
fn run_page_test(explorer: &Explorer, python: &str, dir: &Path, url: &str) -> String {
    let me = explorer.person("Park Seo-joon").unwrap();
    let from = explorer.person("lee-min-ho").unwrap();
    let to = explorer.person("Choi Woo-shik").unwrap();
    let path = explorer.shortest_path(from, to, &Filter::new()).unwrap();
    // The same path avoiding its second person: the library's length.
    let middle = path.people()[1];
    let avoid = hallyu::query::Avoid::new().person(middle);
    let around = explorer
        .shortest_path_avoiding(from, to, &avoid, &Filter::new())
        .map_or("none".to_string(), |p| p.len().to_string());
    std::fs::write(
        dir.join("expected.txt"),
        format!(
            "{}\n{}\n{}\n{}\n{}\n{}\n{}\n",
            explorer.get(from).key(),
            explorer.get(to).key(),
            path.len(),
            explorer.get(me).key(),
            explorer.get(middle).key(),
            explorer.display_name(middle.into()),
            around
        ),
    )
    .unwrap();
    std::fs::write(dir.join("hops.txt"), possible_hops(explorer).join("\n")).unwrap();
    std::fs::write(dir.join("modes.txt"), modes(explorer)).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/page_test.py");
    let out = Command::new(python)
        .arg(&script)
        .arg(url)
        .arg(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "the browser test failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("ALL OK"), "{stdout}");
    stdout
}

/// The python with selenium, or the reason the browser tests skip (a
/// failure when `HALLYU_REQUIRE_BROWSER` is set).
fn python_or_skip(test: &str) -> Option<String> {
    match browser() {
        Ok(p) => Some(p),
        Err(why) if std::env::var_os("HALLYU_REQUIRE_BROWSER").is_some() => {
            panic!("chromium not installed: {why} (and HALLYU_REQUIRE_BROWSER is set)")
        }
        Err(why) => {
            eprintln!("SKIPPED {test}: chromium not installed: {why}");
            None
        }
    }
}

#[test]
fn page_in_headless_chromium() {
    let explorer = Explorer::bundled();
    let dir = out_dir();
    let page = dir.join("page.html");
    let me = explorer.person("Park Seo-joon").unwrap();
    let text = html::page(
        &explorer,
        &PageOptions::new().view(View::neighbourhood(me, 1)),
    )
    .unwrap();
    std::fs::write(&page, &text).unwrap();
    let whole = html::page(&explorer, &PageOptions::new()).unwrap();
    std::fs::write(dir.join("whole.html"), &whole).unwrap();

    let Some(python) = python_or_skip("page_in_headless_chromium") else {
        return;
    };
    run_page_test(&explorer, &python, &dir, page.to_str().unwrap());
    assert!(dir.join("page.png").exists());
    println!(
        "page: {} bytes; screenshot: {}",
        text.len(),
        dir.join("page.png").display()
    );
}

/// The page of `hallyu serve` on the bundled data, in Chromium: the same
/// checks as the offline page (search, expand, path, deep links, filters),
/// every answer asked of the server.
#[cfg(feature = "serve")]
#[test]
fn served_page_in_headless_chromium() {
    use hallyu::html::{ServeOptions, serve};
    let explorer = Explorer::bundled();
    let dir = out_dir().join("served");
    std::fs::create_dir_all(&dir).unwrap();
    let Some(python) = python_or_skip("served_page_in_headless_chromium") else {
        return;
    };
    let server = serve(Explorer::bundled(), "127.0.0.1:0", ServeOptions::new()).unwrap();
    let url = format!("http://{}/", server.addr());
    run_page_test(&explorer, &python, &dir, &url);
    server.shutdown();
    server.join();
}

/// Writes what `communities_test.py` checks against: the library's
/// community of every person (resolution 1, seed 0, as the page), the
/// names, the palette of the page's data, the people to expand.
fn write_communities(explorer: &Explorer, dir: &Path, page: &str) {
    use hallyu::query::CommunityOptions;
    let found = explorer
        .communities(&CommunityOptions::new(), &Filter::new())
        .unwrap();
    let named = hallyu::query::answer::Communities::of(
        explorer,
        &CommunityOptions::new(),
        &Filter::new(),
        &hallyu::query::answer::Options::new().limit(hallyu::export::CLUSTER_COLOURS),
    )
    .unwrap();
    let community: serde_json::Map<String, serde_json::Value> = explorer
        .people()
        .map(|p| {
            (
                explorer.get(p).key().into_owned(),
                found.community(p).into(),
            )
        })
        .collect();
    let key = |name: &str| {
        explorer
            .get(explorer.person(name).unwrap())
            .key()
            .into_owned()
    };
    let of = |name: &str| found.community(explorer.person(name).unwrap());
    assert_eq!(of("G-Dragon"), of("Taeyang"));
    assert_ne!(of("G-Dragon"), of("Park Seo-joon"));
    // The palette as the page's data carries it.
    let open = r#"<script id="hallyu-data" type="application/json">"#;
    let json = &page[page.find(open).unwrap() + open.len()..];
    let data: serde_json::Value =
        serde_json::from_str(&json[..json.find("</script>").unwrap()]).unwrap();
    let expected = serde_json::json!({
        "community": community,
        "names": named.list.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
        "palette": data["palette"],
        "other": data["other"],
        "expand": [key("G-Dragon"), key("Taeyang"), key("Park Seo-joon"), key("IU")],
        "same": [key("G-Dragon"), key("Taeyang")],
        "different": [key("G-Dragon"), key("Park Seo-joon")],
    });
    assert_eq!(
        data["palette"].as_array().unwrap().len(),
        hallyu::export::CLUSTER_COLOURS
    );
    std::fs::write(dir.join("communities.json"), expected.to_string()).unwrap();
}

fn run_communities_test(python: &str, dir: &Path, url: &str) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/communities_test.py");
    let out = Command::new(python)
        .arg(&script)
        .arg(url)
        .arg(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{url}:\n{stdout}");
    assert!(
        out.status.success() && stdout.contains("ALL OK"),
        "the communities test failed on {url}:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// "Colour by community", offline and served, on the bundled data: every
/// person drawn in the colour of the library's community, one community
/// one colour, two communities two colours, the legend naming them.
#[test]
fn communities_in_colour() {
    let explorer = Explorer::bundled();
    let dir = out_dir().join("communities");
    std::fs::create_dir_all(&dir).unwrap();
    let text = html::page(&explorer, &PageOptions::new()).unwrap();
    let page = dir.join("page.html");
    std::fs::write(&page, &text).unwrap();
    write_communities(&explorer, &dir, &text);
    let Some(python) = python_or_skip("communities_in_colour") else {
        return;
    };
    run_communities_test(&python, &dir, page.to_str().unwrap());
    #[cfg(feature = "serve")]
    {
        use hallyu::html::{ServeOptions, serve};
        let served = dir.join("served");
        std::fs::create_dir_all(&served).unwrap();
        std::fs::copy(
            dir.join("communities.json"),
            served.join("communities.json"),
        )
        .unwrap();
        // A small limit, so that the page asks in several batches.
        let server = serve(
            Explorer::bundled(),
            "127.0.0.1:0",
            ServeOptions::new().max_results(7),
        )
        .unwrap();
        run_communities_test(&python, &served, &format!("http://{}/", server.addr()));
        server.shutdown();
        server.join();
    }
}

/// The names of the template's own placeholders, markup with event
/// handlers, `</script>`, `<!--`, line separators and control characters:
/// through the offline page and the served page, no script of the data runs
/// and the page works (each name found by the search, shown as text).
#[test]
fn hostile_names_run_no_script() {
    let dir = out_dir().join("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let names = [
        "{{DATA}}",
        "{{SCRIPT}}",
        "</script><img src=x onerror=\"window.__pwned=1\">",
        "<!-- {{CSP}}",
        "<b onmouseover=\"window.__pwned=2\">bold</b>",
        "Line\u{2028}Sep\u{2029}Ara\u{1}tor",
        "{{TITLE}}\"'&amp;",
    ];
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut csv = String::from("person_id,person,work_id,work,kind,role,billing,character,year\n");
    for (i, name) in names.iter().enumerate() {
        csv.push_str(&format!(
            "p{i},{},w,{},film,cast,lead,{},2020\n",
            quote(name),
            quote("{{SCRIPT}}</script><script>window.__pwned=3</script>"),
            quote("</script><!--")
        ));
    }
    let data = dir.join("hostile.csv");
    std::fs::write(&data, csv).unwrap();
    let explorer = hallyu::import::open(&data).unwrap();
    assert_eq!(explorer.people().len(), names.len());
    let page = dir.join("page.html");
    let text = html::page(&explorer, &PageOptions::new().title(names[0])).unwrap();
    assert!(
        !text.contains("onerror=\"window"),
        "raw markup of the data in the page"
    );
    std::fs::write(&page, &text).unwrap();
    // The search types the name up to its first line separator.
    let expected: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    std::fs::write(
        dir.join("names.json"),
        serde_json::to_string(&expected).unwrap(),
    )
    .unwrap();

    let Some(python) = python_or_skip("hostile_names_run_no_script") else {
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/hostile_test.py");
    let run = |url: &str| {
        let out = Command::new(&python)
            .arg(&script)
            .arg(url)
            .arg(dir.join("names.json"))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        println!("{url}:\n{stdout}");
        assert!(
            out.status.success() && stdout.contains("ALL OK"),
            "the hostile-name test failed on {url}:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&format!(
        "file://{}",
        page.canonicalize().unwrap().display()
    ));
    #[cfg(feature = "serve")]
    {
        use hallyu::html::{ServeOptions, serve};
        let server = serve(explorer, "127.0.0.1:0", ServeOptions::new()).unwrap();
        run(&format!("http://{}/", server.addr()));
        server.shutdown();
        server.join();
    }
}

/// The page of `hallyu serve` on an IMDb-sized import (`HALLYU_IMDB_DIR`,
/// for instance `imdb_gen target/imdb/large large`): usable within 2 s of
/// the request, the search answering as one types, a pick expanding a
/// neighbourhood, a path explained. Slow in a debug build: run by
/// `scripts/bench_serve.py` in release.
#[cfg(feature = "serve")]
#[test]
#[ignore]
fn served_page_on_imdb() {
    use hallyu::html::{ServeOptions, serve};
    let Some(dir) = std::env::var_os("HALLYU_IMDB_DIR") else {
        eprintln!("SKIPPED served_page_on_imdb: set HALLYU_IMDB_DIR");
        return;
    };
    let Some(python) = python_or_skip("served_page_on_imdb") else {
        return;
    };
    let explorer = hallyu::import::Imdb::new().from_dir(&dir).unwrap().explorer;
    // A person found by name with works, and a path between two people of
    // the same component.
    let filter = Filter::new();
    let person = explorer
        .people()
        .step_by(1009)
        .find(|&p| {
            let name = explorer.get(p).name();
            name.chars().count() >= 8 && explorer.works_of(p, &filter).len() >= 2
        })
        .expect("a named person");
    let name = explorer.get(person).name().to_string();
    let hub = explorer.by_key("nm0000020").and_then(|e| match e {
        Entity::Person(p) => Some(p),
        _ => None,
    });
    let from = hub.unwrap_or(person);
    let to = explorer
        .people()
        .step_by(997)
        .find(|&q| {
            q != from
                && explorer
                    .shortest_path(from, q, &filter)
                    .is_some_and(|p| p.len() >= 3)
        })
        .expect("a person three hops away");
    let (from, to) = (
        explorer.get(from).key().into_owned(),
        explorer.get(to).key().into_owned(),
    );
    let server = serve(explorer, "127.0.0.1:0", ServeOptions::new()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/served_imdb_test.py");
    let out = Command::new(&python)
        .arg(&script)
        .arg(format!("http://{}/", server.addr()))
        .args([&name, &from, &to])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    server.shutdown();
    server.join();
    assert!(
        out.status.success() && stdout.contains("ALL OK"),
        "the browser test on {dir:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
