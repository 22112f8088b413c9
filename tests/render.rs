//! Rendering: the built-in SVG is well-formed, its boxes do not overlap and
//! its edges do not cross boxes; Graphviz, when installed, draws SVG and PNG.

use hallyu::export::dot::{DotOptions, Layout};
use hallyu::export::{Diagram, Emphasis, NodeKind};
use hallyu::model::{RoleKind, WorkKind};
use hallyu::render::{self, Engine, Format, Graphviz, Layers, RenderOptions, Renderer};
use quick_xml::events::Event;

fn sample() -> Diagram {
    let mut d = Diagram::new("K-pop music videos with K-drama actors");
    let bb = d.add_node("bigbang", NodeKind::Group, "BIGBANG (빅뱅)");
    let gd = d.add_node("g-dragon", NodeKind::Person, "G-Dragon (지드래곤)");
    let top = d.add_node("top", NodeKind::Person, "T.O.P (탑)");
    let haru = d.add_node(
        "haru-haru",
        NodeKind::Work(WorkKind::MusicVideo),
        "Haru Haru (하루하루, 2008)",
    );
    let hyo = d.add_node("han-hyo-joo", NodeKind::Person, "Han Hyo-joo (한효주)");
    let psj = d.add_node("park-seo-joon", NodeKind::Person, "Park Seo-joon (박서준)");
    let rain = d.add_node(
        "seoul-rain",
        NodeKind::Work(WorkKind::MusicVideo),
        "Seoul Rain \"Remix\" (2012)",
    );
    let back = d.add_node(
        "backslash",
        NodeKind::Work(WorkKind::MusicVideo),
        "Back\\slash Dance",
    );
    let roof = d.add_node(
        "rooftop",
        NodeKind::Work(WorkKind::Drama),
        "Rooftop <Live> & Summer",
    );
    let snow = d.add_node(
        "first-snow",
        NodeKind::Work(WorkKind::Film),
        "첫눈 First Snow (2019)",
    );
    let iu = d.add_node("iu", NodeKind::Person, "IU (아이유)");
    let cass = d.add_node(
        "cass-cf",
        NodeKind::Work(WorkKind::Commercial),
        "Cass Fresh CF (2014)",
    );
    let rm = d.add_node(
        "running-man",
        NodeKind::Work(WorkKind::Variety),
        "Running Man (런닝맨)",
    );
    let zany = d.add_node("zanybros", NodeKind::Organisation, "Zanybros");
    let kbs = d.add_node("kbs", NodeKind::Organisation, "KBS");
    let yg = d.add_node("yg", NodeKind::Organisation, "YG Entertainment");
    for (f, t, r, l) in [
        (gd, bb, RoleKind::Member, ""),
        (top, bb, RoleKind::Member, ""),
        (bb, haru, RoleKind::Performer, ""),
        (hyo, haru, RoleKind::Lead, ""),
        (top, haru, RoleKind::Lead, ""),
        (psj, rain, RoleKind::Lead, ""),
        (iu, rain, RoleKind::Featured, ""),
        (psj, roof, RoleKind::Supporting, "Kang Dong-hoon"),
        (iu, roof, RoleKind::Lead, "Ji-an (지안)"),
        (hyo, snow, RoleKind::Cameo, ""),
        (iu, snow, RoleKind::Soundtrack, "\"Snow\" OST"),
        (psj, cass, RoleKind::Lead, ""),
        (gd, rm, RoleKind::Performer, "guest"),
        (haru, zany, RoleKind::ProducedBy, ""),
        (back, kbs, RoleKind::BannedBy, ""),
        (bb, yg, RoleKind::SignedTo, ""),
        (top, back, RoleKind::Director, ""),
        (rain, cass, RoleKind::TieIn, ""),
        (snow, roof, RoleKind::SequelOf, ""),
        (gd, back, RoleKind::Performer, ""),
    ] {
        d.add_edge(f, t, r, l);
    }
    let last = d.edges.len() - 1;
    d.edges[last].unverified = true;
    d
}

/// A deterministic pseudo-random bipartite diagram.
fn synthetic(people: usize, works: usize, credits: usize) -> Diagram {
    let mut d = Diagram::new(format!("synthetic {people}×{works}"));
    for p in 0..people {
        d.add_node(
            &format!("p{p}"),
            NodeKind::Person,
            format!("Person {p} (사람 {p})"),
        );
    }
    for w in 0..works {
        let kind = WorkKind::ALL[w % WorkKind::ALL.len()];
        d.add_node(
            &format!("w{w}"),
            NodeKind::Work(kind),
            format!("Work number {w} ({})", 2000 + w % 25),
        );
    }
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for c in 0..credits {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let p = (x % people as u64) as usize;
        let w = people + ((x >> 32) % works as u64) as usize;
        let role = [
            RoleKind::Lead,
            RoleKind::Supporting,
            RoleKind::Cameo,
            RoleKind::Performer,
        ][c % 4];
        d.add_edge(p, w, role, if c % 7 == 0 { "a role" } else { "" });
    }
    d
}

fn builtin(d: &Diagram) -> String {
    let picture =
        render::render(d, &RenderOptions::new().engine(Engine::Builtin)).expect("built-in SVG");
    assert_eq!(picture.engine(), Engine::Builtin);
    assert_eq!(picture.format(), Format::Svg);
    picture.as_str().expect("UTF-8").to_string()
}

#[derive(Debug, Clone, Copy)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

/// What an SVG holds: node boxes, edge line paths, all text (unescaped).
#[derive(Debug, Default)]
struct Svg {
    boxes: Vec<Rect>,
    lines: Vec<String>,
    text: String,
}

fn entity(name: &str) -> String {
    let code = |digits: &str, radix| {
        let n = u32::from_str_radix(digits, radix).expect("character reference");
        char::from_u32(n).expect("character").to_string()
    };
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        n if n.starts_with("#x") => code(&n[2..], 16),
        n if n.starts_with('#') => code(&n[1..], 10),
        other => panic!("unexpected entity {other}"),
    }
}

/// Reads every event; panics on malformed XML.
fn read_svg(svg: &str) -> Svg {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut out = Svg::default();
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Err(e) => panic!("malformed SVG at {}: {e}", reader.buffer_position()),
            Ok(Event::Eof) => break,
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Empty(e)) => {
                let get = |name: &str| {
                    e.try_get_attribute(name).expect("attribute").map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                            .expect("value")
                            .into_owned()
                    })
                };
                let name = e.name();
                if name.as_ref() == "rect" && get("class").as_deref() == Some("node") {
                    let n = |k: &str| get(k).expect("coordinate").parse::<f64>().expect("number");
                    out.boxes.push(Rect {
                        x: n("x"),
                        y: n("y"),
                        w: n("width"),
                        h: n("height"),
                    });
                }
                if name.as_ref() == "path" && get("fill").as_deref() == Some("none") {
                    out.lines.push(get("d").expect("d"));
                }
            }
            Ok(Event::Text(t)) => out.text.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) => out.text.push_str(&entity(&r.xml10_content())),
            Ok(_) => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced elements");
    out
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

fn assert_no_overlap(svg: &Svg) {
    for (i, a) in svg.boxes.iter().enumerate() {
        for b in &svg.boxes[i + 1..] {
            assert!(!overlaps(*a, *b), "boxes overlap: {a:?} {b:?}");
        }
    }
}

/// Points along an SVG path made of M, H, V, L and C commands.
fn path_points(d: &str) -> Vec<(f64, f64)> {
    let mut tokens: Vec<String> = Vec::new();
    for part in d.split_whitespace() {
        let (head, rest) = part.split_at(
            part.chars()
                .next()
                .map_or(0, |c| if c.is_ascii_alphabetic() { 1 } else { 0 }),
        );
        if !head.is_empty() {
            tokens.push(head.to_string());
        }
        if !rest.is_empty() {
            tokens.push(rest.to_string());
        }
    }
    let mut points = Vec::new();
    let (mut x, mut y) = (0.0, 0.0);
    let mut i = 0;
    let num = |i: usize| tokens[i].parse::<f64>().expect("number in path");
    while i < tokens.len() {
        match tokens[i].as_str() {
            "M" | "L" => {
                (x, y) = (num(i + 1), num(i + 2));
                points.push((x, y));
                i += 3;
            }
            "H" => {
                let to = num(i + 1);
                for s in 1..=20 {
                    points.push((x + (to - x) * s as f64 / 20.0, y));
                }
                x = to;
                i += 2;
            }
            "V" => {
                y = num(i + 1);
                points.push((x, y));
                i += 2;
            }
            "C" => {
                let (x1, y1, x2, y2, x3, y3) = (
                    num(i + 1),
                    num(i + 2),
                    num(i + 3),
                    num(i + 4),
                    num(i + 5),
                    num(i + 6),
                );
                for s in 1..=40 {
                    let t = s as f64 / 40.0;
                    let u = 1.0 - t;
                    let px = u * u * u * x
                        + 3.0 * u * u * t * x1
                        + 3.0 * u * t * t * x2
                        + t * t * t * x3;
                    let py = u * u * u * y
                        + 3.0 * u * u * t * y1
                        + 3.0 * u * t * t * y2
                        + t * t * t * y3;
                    points.push((px, py));
                }
                (x, y) = (x3, y3);
                i += 7;
            }
            "Z" => i += 1,
            other => panic!("unexpected path command {other} in {d}"),
        }
    }
    points
}

/// No edge line passes through the inside of a box (touching the border,
/// where edges attach, is fine).
fn assert_edges_avoid_boxes(svg: &Svg) {
    for d in &svg.lines {
        for (px, py) in path_points(d) {
            for b in &svg.boxes {
                let inside = px > b.x + 1.5
                    && px < b.x + b.w - 1.5
                    && py > b.y + 1.5
                    && py < b.y + b.h - 1.5;
                assert!(!inside, "edge {d} passes through box {b:?} at ({px}, {py})");
            }
        }
    }
}

#[test]
fn builtin_svg_is_well_formed_and_tidy() {
    let d = sample();
    let svg = builtin(&d);
    let parsed = read_svg(&svg);
    assert_eq!(parsed.boxes.len(), d.nodes.len());
    assert_no_overlap(&parsed);
    assert_edges_avoid_boxes(&parsed);
    for node in &d.nodes {
        assert!(
            parsed.text.contains(&node.label),
            "label {:?} missing",
            node.label
        );
    }
    assert!(
        parsed
            .text
            .contains("K-pop music videos with K-drama actors")
    );
    assert!(parsed.text.contains("Legend"));
    assert!(svg.contains("NanumGothic"), "a Korean font is asked for");
}

#[test]
fn builtin_output_is_deterministic() {
    let d = sample();
    assert_eq!(builtin(&d), builtin(&d.clone()));
    let big = synthetic(60, 40, 150);
    assert_eq!(builtin(&big), builtin(&big));
}

#[test]
fn builtin_handles_larger_graphs() {
    for (people, works, credits) in [(30, 20, 60), (120, 80, 300), (7, 3, 40)] {
        let d = synthetic(people, works, credits);
        let parsed = read_svg(&builtin(&d));
        assert_eq!(parsed.boxes.len(), people + works);
        assert_no_overlap(&parsed);
        assert_edges_avoid_boxes(&parsed);
    }
}

#[test]
fn builtin_paths_are_laid_out_by_distance() {
    let mut d = Diagram::new("Park Seo-joon → Song Kang-ho");
    let chain = [
        d.add_node("park-seo-joon", NodeKind::Person, "Park Seo-joon (박서준)"),
        d.add_node(
            "gyopo",
            NodeKind::Work(WorkKind::MusicVideo),
            "Gyopo Hairstyle (2021)",
        ),
        d.add_node("choi-woo-shik", NodeKind::Person, "Choi Woo-shik (최우식)"),
        d.add_node(
            "parasite",
            NodeKind::Work(WorkKind::Film),
            "Parasite (기생충, 2019)",
        ),
        d.add_node("song-kang-ho", NodeKind::Person, "Song Kang-ho (송강호)"),
    ];
    for n in chain {
        d.nodes[n].emphasis = Emphasis::Highlight;
    }
    for (i, pair) in chain.windows(2).enumerate() {
        let (from, to) = if i % 2 == 0 {
            (pair[0], pair[1])
        } else {
            (pair[1], pair[0])
        };
        let e = d.add_edge(from, to, RoleKind::Lead, "");
        d.edges[e].emphasis = Emphasis::Highlight;
    }
    let faded = d.add_node("kim-da-mi", NodeKind::Person, "Kim Da-mi (김다미)");
    d.nodes[faded].emphasis = Emphasis::Faded;
    let e = d.add_edge(faded, chain[1], RoleKind::Cameo, "");
    d.edges[e].emphasis = Emphasis::Faded;

    let parsed = read_svg(&builtin(&d));
    assert_no_overlap(&parsed);
    assert_edges_avoid_boxes(&parsed);
    // One column per hop: the boxes of the chain go left to right.
    let xs: Vec<f64> = parsed.boxes.iter().take(chain.len()).map(|b| b.x).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");

    // By kind, people share a column.
    let by_kind = render::render(
        &d,
        &RenderOptions::new()
            .engine(Engine::Builtin)
            .layers(Layers::ByKind),
    )
    .expect("SVG");
    let parsed = read_svg(by_kind.as_str().expect("text"));
    assert_eq!(
        parsed.boxes[0].x + parsed.boxes[0].w / 2.0,
        parsed.boxes[2].x + parsed.boxes[2].w / 2.0
    );
}

#[test]
fn builtin_survives_hostile_labels() {
    let hostile = [
        "Seoul Rain \"Remix\"",
        "Back\\slash",
        "<script>alert('x')</script>",
        "Tom & Jerry ]]> <!-- -->",
        "line one\nline two",
        "control \u{0}\u{1}\u{b} chars",
        "박서준 첫눈 하루하루",
        "emoji 🎤🎬👩‍👩‍👧",
        "",
        &"가나다 Park Seo-joon ".repeat(25),
        &"x".repeat(500),
    ];
    let mut d = Diagram::new("<title> & \"quotes\"");
    let mut previous = None;
    for (i, label) in hostile.iter().enumerate() {
        let kind = if i % 2 == 0 {
            NodeKind::Person
        } else {
            NodeKind::Work(WorkKind::Drama)
        };
        let n = d.add_node(&format!("{label}{i}"), kind, *label);
        if let Some(p) = previous {
            d.add_edge(p, n, RoleKind::Supporting, *label);
        }
        previous = Some(n);
    }
    let parsed = read_svg(&builtin(&d));
    assert_eq!(parsed.boxes.len(), hostile.len());
    assert_no_overlap(&parsed);
    assert_edges_avoid_boxes(&parsed);
    assert!(parsed.text.contains("<script>alert('x')</script>"));
    assert!(parsed.text.contains("Tom & Jerry ]]> <!-- -->"));
    assert!(parsed.text.contains("박서준 첫눈 하루하루"));
    assert!(parsed.text.contains("🎤🎬"));
    // Long labels are wrapped, so boxes stay a readable width.
    assert!(
        parsed.boxes.iter().all(|b| b.w < 400.0),
        "{:?}",
        parsed.boxes
    );
}

#[test]
fn broken_diagrams_render_with_warnings() {
    let empty = render::render(
        &Diagram::default(),
        &RenderOptions::new().engine(Engine::Builtin),
    )
    .expect("an empty picture");
    assert!(read_svg(empty.as_str().expect("text")).boxes.is_empty());

    let mut d = Diagram::new("broken");
    let a = d.add_node("a", NodeKind::Person, "A");
    let b = d.add_node("b", NodeKind::Group, "B");
    d.add_edge(a, 9, RoleKind::Lead, "");
    d.add_edge(a, a, RoleKind::Member, "self");
    d.add_edge(a, b, RoleKind::Member, "");
    d.add_edge(b, a, RoleKind::Member, "back");
    d.nodes.push(d.nodes[0].clone());
    let picture = render::render(&d, &RenderOptions::new().engine(Engine::Builtin)).expect("SVG");
    assert!(
        picture.warnings().iter().any(|w| w.contains("edge 0")),
        "{:?}",
        picture.warnings()
    );
    assert!(
        picture.warnings().iter().any(|w| w.contains("same key")),
        "{:?}",
        picture.warnings()
    );
    let parsed = read_svg(picture.as_str().expect("text"));
    assert_eq!(parsed.boxes.len(), 2);
    assert_no_overlap(&parsed);
}

#[test]
fn png_needs_graphviz() {
    // Without the `png` feature the built-in renderer draws SVG only.
    #[cfg(not(feature = "png"))]
    {
        let err = render::render(
            &sample(),
            &RenderOptions::new()
                .engine(Engine::Builtin)
                .format(Format::Png),
        )
        .expect_err("the built-in renderer draws SVG only");
        assert!(err.to_string().contains("SVG"), "{err}");
        assert!(err.to_string().contains("`png`"), "{err}");
    }

    let missing = Graphviz::at("/nonexistent/graphviz/bin/dot");
    let options = RenderOptions::new()
        .engine(Engine::Graphviz)
        .graphviz(missing.clone());
    let err = render::render(&sample(), &options).expect_err("no such program");
    let message = err.to_string();
    assert!(
        message.contains("Graphviz") && message.contains("apt-get install graphviz"),
        "{message}"
    );
    assert!(message.contains("built-in"), "{message}");

    // Auto without Graphviz: an error naming the `png` feature, or (with
    // it) the built-in renderer.
    let png = RenderOptions::new()
        .format(Format::Png)
        .graphviz(missing.clone());
    let result = render::render(&sample(), &png);
    #[cfg(not(feature = "png"))]
    {
        let err = result.expect_err("no Graphviz, no `png` feature");
        assert!(err.to_string().contains("`png`"), "{err}");
    }
    #[cfg(feature = "png")]
    if let Some(err) = result.as_ref().err() {
        // Only a missing Korean font may stop it; see `png::builtin_png_*`.
        assert!(err.to_string().contains("fonts-nanum"), "{err}");
    }
}

#[test]
fn render_to_file_writes_the_bytes() {
    let dir = std::env::temp_dir().join(format!("hallyu-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("sample.svg");
    let options = RenderOptions::new().engine(Engine::Builtin);
    let picture = render::render_to_file(&sample(), &options, &path).expect("written");
    assert_eq!(std::fs::read(&path).expect("read back"), picture.bytes());
    assert_eq!(Format::from_path(&path), Some(Format::Svg));
    let err = render::render_to_file(&sample(), &options, dir.join("no/such/dir/x.svg"))
        .expect_err("cannot write");
    assert!(err.to_string().contains("cannot write"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn graphviz_or_skip(test: &str) -> Option<Graphviz> {
    match Graphviz::find() {
        Ok(g) => Some(g),
        Err(e) => {
            eprintln!("{test}: skipped, Graphviz is not installed ({e})");
            None
        }
    }
}

#[test]
fn graphviz_draws_svg_and_png() {
    let Some(graphviz) = graphviz_or_skip("graphviz_draws_svg_and_png") else {
        return;
    };
    assert!(graphviz.version().expect("dot -V").contains("graphviz"));
    let renderer = Renderer::new(RenderOptions::new().engine(Engine::Graphviz));
    let svg = renderer.render(&sample()).expect("SVG");
    assert_eq!(svg.engine(), Engine::Graphviz);
    let text = svg.as_str().expect("text");
    read_svg(text);
    assert!(text.contains("박서준"));
    assert!(text.contains("Seoul Rain &quot;Remix&quot;"));

    let png = Renderer::new(RenderOptions::new().format(Format::Png))
        .render(&sample())
        .expect("PNG");
    assert_eq!(png.engine(), Engine::Graphviz);
    assert!(png.bytes().starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(png.as_str().is_none());

    let neato = RenderOptions::new()
        .engine(Engine::Graphviz)
        .dot(DotOptions::new().layout(Layout::Neato));
    let picture = render::render(&sample(), &neato).expect("neato SVG");
    read_svg(picture.as_str().expect("text"));
}

#[test]
fn auto_prefers_graphviz_and_falls_back() {
    let picture = render::render(&sample(), &RenderOptions::new()).expect("SVG either way");
    match Graphviz::find() {
        Ok(_) => assert_eq!(picture.engine(), Engine::Graphviz),
        Err(_) => {
            eprintln!("auto_prefers_graphviz_and_falls_back: Graphviz is not installed");
            assert_eq!(picture.engine(), Engine::Builtin);
            assert!(picture.warnings().iter().any(|w| w.contains("built-in")));
        }
    }
    // A Graphviz that is not there: Auto falls back for SVG, with a warning.
    let options = RenderOptions::new().graphviz(Graphviz::at("/nonexistent/dot"));
    let picture = render::render(&sample(), &options).expect("fallback");
    assert_eq!(picture.engine(), Engine::Builtin);
    assert!(
        picture
            .warnings()
            .iter()
            .any(|w| w.contains("Graphviz is not installed"))
    );
}

/// The built-in renderer's PNG (feature `png`).
#[cfg(feature = "png")]
mod png {
    use super::*;
    use std::path::{Path, PathBuf};

    const NANUM: &str = "/usr/share/fonts/truetype/nanum";
    const DEJAVU: &str = "/usr/share/fonts/truetype/dejavu";
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

    fn builtin_png() -> RenderOptions {
        RenderOptions::new()
            .engine(Engine::Builtin)
            .format(Format::Png)
    }

    /// A Korean font is installed where the tests expect it (fonts-nanum,
    /// which .ci/run installs); otherwise the test is skipped.
    fn nanum_or_skip(test: &str) -> bool {
        let found = Path::new(NANUM).is_dir();
        if !found {
            eprintln!("{test}: skipped, fonts-nanum is not installed ({NANUM})");
        }
        found
    }

    /// Width, height and RGBA pixels.
    fn decode(bytes: &[u8]) -> (u32, u32, Vec<[u8; 4]>) {
        assert!(bytes.starts_with(SIGNATURE), "not a PNG");
        let mut decoder = ::png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(::png::Transformations::EXPAND);
        let mut reader = decoder.read_info().expect("PNG header");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("PNG data");
        let channels = info.color_type.samples();
        let pixels = buf[..info.buffer_size()]
            .chunks(channels)
            .map(|p| match p {
                [r, g, b, a] => [*r, *g, *b, *a],
                [r, g, b] => [*r, *g, *b, 255],
                [l, a] => [*l, *l, *l, *a],
                [l] => [*l, *l, *l, 255],
                _ => unreachable!(),
            })
            .collect();
        (info.width, info.height, pixels)
    }

    /// Pixels as dark as the text (#111827); box strokes are coloured and
    /// box fills light.
    fn ink(pixels: &[[u8; 4]]) -> usize {
        pixels
            .iter()
            .filter(|[r, g, b, a]| *a > 128 && *r < 100 && *g < 100 && *b < 110)
            .count()
    }

    /// One person box, no title, no legend.
    fn one_box(label: &str) -> Diagram {
        let mut d = Diagram::new("");
        d.add_node("x", NodeKind::Person, label);
        d
    }

    fn no_legend() -> RenderOptions {
        builtin_png().dot(DotOptions::new().legend(false))
    }

    fn svg_size(d: &Diagram) -> (f64, f64) {
        let svg = builtin(d);
        let attr = |name: &str| {
            let start = svg.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
            let end = start + svg[start..].find('"').expect("closing quote");
            svg[start..end].parse::<f64>().expect("number")
        };
        (attr("width"), attr("height"))
    }

    fn empty_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("hallyu-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn builtin_png_is_the_svg_scaled() {
        // Latin only, DejaVu only: the size does not depend on a Korean font.
        let mut d = Diagram::new("Seoul Rain");
        let a = d.add_node("a", NodeKind::Person, "Park Seo-joon");
        let b = d.add_node("b", NodeKind::Work(WorkKind::MusicVideo), "Seoul Rain");
        d.add_edge(a, b, RoleKind::Lead, "the boyfriend");
        let (w, h) = svg_size(&d);
        let options = builtin_png();
        assert_eq!(options.png_scale(), render::DEFAULT_SCALE);
        for (scale, options) in [(2.0, options.clone()), (1.0, options.scale(1))] {
            let picture = render::render(&d, &options).expect("PNG");
            assert_eq!(picture.engine(), Engine::Builtin);
            assert_eq!(picture.format(), Format::Png);
            assert!(picture.as_str().is_none());
            assert!(picture.bytes().starts_with(SIGNATURE));
            let (pw, ph, pixels) = decode(picture.bytes());
            assert_eq!(
                (pw, ph),
                ((w * scale).ceil() as u32, (h * scale).ceil() as u32)
            );
            assert!(ink(&pixels) > 100, "the labels are drawn");
        }
    }

    #[test]
    fn builtin_png_draws_hangul() {
        if !nanum_or_skip("builtin_png_draws_hangul") {
            return;
        }
        let picture = render::render(&sample(), &builtin_png()).expect("fonts-nanum is installed");
        assert!(picture.warnings().iter().all(|w| !w.contains("glyph")));
        decode(picture.bytes());

        // The same box with and without its Hangul text.
        let blank = ink(&decode(
            render::render(&one_box(""), &no_legend())
                .expect("blank")
                .bytes(),
        )
        .2);
        let korean = render::render(&one_box("박서준 박서준"), &no_legend()).expect("Hangul");
        assert!(korean.warnings().is_empty(), "{:?}", korean.warnings());
        let text = ink(&decode(korean.bytes()).2);
        assert!(
            text > blank + 500,
            "Hangul text pixels: {text} vs blank {blank}"
        );

        // Only the Korean fonts: they draw Latin text too.
        let only_nanum = no_legend().system_fonts(false).font_path(NANUM);
        let mixed = render::render(&one_box("박서준 Park Seo-joon"), &only_nanum).expect("Nanum");
        assert!(ink(&decode(mixed.bytes()).2) > blank + 500);
    }

    #[test]
    fn builtin_png_sets_the_generic_families() {
        // fontdb knows no fontconfig aliases: `Times,serif` or a font that is
        // not installed found nothing and resvg drew no text at all.
        if !nanum_or_skip("builtin_png_sets_the_generic_families") {
            return;
        }
        let blank = ink(&decode(
            render::render(&one_box(""), &no_legend())
                .expect("blank")
                .bytes(),
        )
        .2);
        for font in ["Times,serif", "No Such Font", "monospace", "cursive"] {
            let options = no_legend().dot(DotOptions::new().legend(false).font(font));
            let picture = render::render(&one_box("박서준 Park Seo-joon"), &options)
                .unwrap_or_else(|e| panic!("{font}: {e}"));
            let text = ink(&decode(picture.bytes()).2);
            assert!(
                text > blank + 500,
                "{font}: text pixels {text} vs blank {blank}"
            );
        }
    }

    #[test]
    fn builtin_png_without_a_korean_font_fails_clearly() {
        if !Path::new(DEJAVU).is_dir() {
            eprintln!("builtin_png_without_a_korean_font_fails_clearly: skipped, no {DEJAVU}");
            return;
        }
        if std::env::var_os(render::FONT_ENV).is_some() {
            eprintln!(
                "builtin_png_without_a_korean_font_fails_clearly: skipped, HALLYU_FONT is set"
            );
            return;
        }
        let latin = no_legend().system_fonts(false).font_path(DEJAVU);
        let err = render::render(&sample(), &latin).expect_err("no Korean font");
        let message = err.to_string();
        for part in [
            "Hangul",
            "U+BC15",
            "apt-get install fonts-nanum",
            "HALLYU_FONT=",
            "Graphviz",
        ] {
            assert!(message.contains(part), "{part}: {message}");
        }
        // Latin text is drawn with DejaVu.
        let picture = render::render(&one_box("Park Seo-joon"), &latin).expect("Latin");
        assert!(ink(&decode(picture.bytes()).2) > 100);
    }

    #[test]
    fn builtin_png_without_any_font_fails_clearly() {
        if std::env::var_os(render::FONT_ENV).is_some() {
            eprintln!("builtin_png_without_any_font_fails_clearly: skipped, HALLYU_FONT is set");
            return;
        }
        let dir = empty_dir("no-fonts");
        let none = builtin_png().system_fonts(false).font_path(&dir);
        for d in [sample(), one_box("Park Seo-joon")] {
            let err = render::render(&d, &none).expect_err("no font");
            let message = err.to_string();
            assert!(message.contains("no font found"), "{message}");
            assert!(
                message.contains("fonts-nanum") && message.contains("HALLYU_FONT"),
                "{message}"
            );
        }
        let err = render::render(&sample(), &builtin_png().font_path(dir.join("missing.ttf")))
            .expect_err("no such font file");
        assert!(err.to_string().contains("missing.ttf"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn builtin_png_survives_hostile_labels() {
        if !nanum_or_skip("builtin_png_survives_hostile_labels") {
            return;
        }
        let mut d = Diagram::new("<title> & \"quotes\"");
        let labels = [
            "control \u{0}\u{1}\u{b} chars",
            "emoji 🎤🎬👩‍👩‍👧",
            "",
            " ",
            "line one\nline two",
            "박서준 첫눈 하루하루",
        ];
        let mut previous = None;
        for (i, label) in labels.iter().enumerate() {
            let n = d.add_node(&format!("n{i}"), NodeKind::Person, *label);
            if let Some(p) = previous {
                d.add_edge(p, n, RoleKind::Supporting, *label);
            }
            previous = Some(n);
        }
        let picture = render::render(&d, &builtin_png()).expect("PNG");
        decode(picture.bytes());
        // Characters no font has are reported, not hidden.
        for w in picture.warnings() {
            assert!(w.contains("glyph") || w.contains("edge"), "{w}");
        }
    }

    /// `HALLYU_FONT` is read: the test runs itself again with the variable
    /// set (an empty directory, then the Nanum fonts) and the system fonts
    /// off, since setting it in this process would race the other tests.
    #[test]
    fn builtin_png_reads_hallyu_font() {
        const CHILD: &str = "HALLYU_TEST_FONT_CASE";
        if let Ok(case) = std::env::var(CHILD) {
            let result = render::render(&sample(), &builtin_png().system_fonts(false));
            match case.as_str() {
                "empty" => {
                    let message = result.expect_err("HALLYU_FONT has no fonts").to_string();
                    assert!(message.contains("no font found"), "{message}");
                    assert!(message.contains("HALLYU_FONT="), "{message}");
                }
                _ => {
                    let picture = result.expect("drawn with the fonts of HALLYU_FONT");
                    decode(picture.bytes());
                }
            }
            return;
        }
        let dir = empty_dir("font-env");
        let mut cases = vec![("empty", dir.clone())];
        if nanum_or_skip("builtin_png_reads_hallyu_font (Nanum case)") {
            cases.push(("nanum", PathBuf::from(NANUM)));
        }
        for (case, fonts) in cases {
            let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
                .args([
                    "png::builtin_png_reads_hallyu_font",
                    "--exact",
                    "--test-threads=1",
                ])
                .env(CHILD, case)
                .env(render::FONT_ENV, &fonts)
                .output()
                .expect("the test binary runs");
            let text = String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{case}: {text}");
            assert!(text.contains("1 passed"), "{case}: {text}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn auto_png_falls_back_to_the_builtin_renderer() {
        if !nanum_or_skip("auto_png_falls_back_to_the_builtin_renderer") {
            return;
        }
        let options = RenderOptions::new()
            .format(Format::Png)
            .graphviz(Graphviz::at("/nonexistent/dot"));
        let picture = render::render(&sample(), &options).expect("built-in PNG");
        assert_eq!(picture.engine(), Engine::Builtin);
        assert!(picture.bytes().starts_with(SIGNATURE));
        assert!(picture.warnings().iter().any(|w| w.contains("built-in")));

        // A Renderer loads the fonts once and draws many pictures.
        let renderer = Renderer::new(builtin_png());
        for label in ["IU (아이유)", "V (뷔)", "Minho"] {
            let picture = renderer.render(&one_box(label)).expect("PNG");
            decode(picture.bytes());
        }
    }
}
