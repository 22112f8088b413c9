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
        // Columns: no edge runs through a box.
        let columns = render::render(
            &d,
            &RenderOptions::new()
                .engine(Engine::Builtin)
                .layers(Layers::ByKind),
        )
        .expect("built-in SVG");
        let parsed = read_svg(columns.as_str().expect("UTF-8"));
        assert_eq!(parsed.boxes.len(), people + works);
        assert_no_overlap(&parsed);
        assert_edges_avoid_boxes(&parsed);
        // The default (a network above 90 edges): no box overlaps another;
        // edges bend around boxes where they can, which a dense random
        // graph does not always allow.
        let parsed = read_svg(&builtin(&d));
        assert_eq!(parsed.boxes.len(), people + works);
        assert_no_overlap(&parsed);
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
        assert!(err.to_string().contains("--format svg"), "{err}");
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

    // Auto without Graphviz: an error offering SVG (--format svg), or (with
    // it) the built-in renderer.
    let png = RenderOptions::new()
        .format(Format::Png)
        .graphviz(missing.clone());
    let result = render::render(&sample(), &png);
    #[cfg(not(feature = "png"))]
    {
        let err = result.expect_err("no Graphviz, no `png` feature");
        assert!(err.to_string().contains("--format svg"), "{err}");
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
        assert_eq!(options.get_scale(), render::DEFAULT_SCALE);
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

/// Picture quality, measured on the SVG itself: text boxes (from
/// [`render::text_width`], the metrics the built-in renderer uses), edge
/// lines, arrowhead tips and which edge each label belongs to. Reads both
/// the built-in renderer's SVG and Graphviz's.
mod quality {
    use super::*;
    use hallyu::export::View;
    use hallyu::{Explorer, Filter};
    use std::collections::BTreeMap;

    /// The pictures `examples/export_dot.rs` writes, with its defaults.
    pub fn pictures() -> Vec<(String, Diagram)> {
        let explorer = Explorer::bundled();
        let me = explorer.person("Park Seo-joon").expect("person");
        let other = explorer.person("Choi Woo-shik").expect("person");
        let mvs = Filter::new().kinds([WorkKind::MusicVideo]);
        let mut out = vec![
            (
                "article".to_string(),
                View::catalog()
                    .filter(mvs)
                    .title("12 classic K-pop music videos featuring K-drama actors")
                    .diagram(&explorer)
                    .expect("article"),
            ),
            (
                "catalog".to_string(),
                View::catalog().diagram(&explorer).expect("catalog"),
            ),
            (
                "neighbourhood-park-seo-joon".to_string(),
                View::neighbourhood(me, 1)
                    .diagram(&explorer)
                    .expect("neighbourhood"),
            ),
            (
                "path-park-seo-joon-choi-woo-shik".to_string(),
                View::path(me, other)
                    .context(1)
                    .diagram(&explorer)
                    .expect("path"),
            ),
        ];
        let mut videos: Vec<_> = explorer
            .works()
            .filter(|&w| explorer.get(w).kind() == WorkKind::MusicVideo)
            .collect();
        videos.sort_by_key(|&w| explorer.get(w).released());
        for w in videos {
            out.push((
                format!("mv-{}", explorer.get(w).key()),
                View::work(w).diagram(&explorer).expect("music video"),
            ));
        }
        out
    }

    /// One line of text, as a box.
    #[derive(Debug, Clone)]
    pub struct TextBox {
        pub x0: f64,
        pub y0: f64,
        pub x1: f64,
        pub y1: f64,
        pub element: usize,
        pub text: String,
        /// The edge the text labels, if it is an edge label.
        pub edge: Option<String>,
    }

    #[derive(Debug, Default)]
    pub struct Picture {
        pub texts: Vec<TextBox>,
        /// Edge lines by edge key (several paths per key are joined).
        pub edges: BTreeMap<String, Vec<Vec<(f64, f64)>>>,
        /// Graphviz's leaders from decorated labels to their edges: part of
        /// the edge for label distances, not for crossings.
        pub leaders: BTreeMap<String, Vec<Vec<(f64, f64)>>>,
        pub tips: Vec<(f64, f64)>,
    }

    #[derive(Debug, Default, Clone, Copy)]
    pub struct Figures {
        pub texts: usize,
        pub overlaps: usize,
        pub tips: usize,
        pub close_tips: usize,
        pub min_tip: f64,
        pub labels: usize,
        pub misattached: usize,
        pub crossings: usize,
    }

    /// Numbers and commands of an SVG path, absolute M L H V C Z (with
    /// implicit repeats), as points along it.
    pub fn path_points(d: &str) -> Vec<(f64, f64)> {
        let mut tokens: Vec<String> = Vec::new();
        let mut cur = String::new();
        for c in d.chars() {
            if c.is_ascii_alphabetic() && c != 'e' {
                if !cur.is_empty() {
                    tokens.push(std::mem::take(&mut cur));
                }
                tokens.push(c.to_string());
            } else if c == ',' || c.is_whitespace() {
                if !cur.is_empty() {
                    tokens.push(std::mem::take(&mut cur));
                }
            } else if c == '-' && !cur.is_empty() && !cur.ends_with('e') {
                tokens.push(std::mem::take(&mut cur));
                cur.push(c);
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            tokens.push(cur);
        }
        let mut points = Vec::new();
        let (mut x, mut y) = (0.0, 0.0);
        let mut cmd = 'M';
        let mut i = 0;
        let num = |i: usize| tokens[i].parse::<f64>().expect("number in path");
        while i < tokens.len() {
            if let Some(c) = tokens[i].chars().next().filter(|c| c.is_ascii_alphabetic()) {
                cmd = c;
                i += 1;
                if cmd == 'Z' || cmd == 'z' {
                    continue;
                }
            }
            match cmd {
                'M' | 'L' => {
                    (x, y) = (num(i), num(i + 1));
                    points.push((x, y));
                    i += 2;
                }
                'H' => {
                    x = num(i);
                    points.push((x, y));
                    i += 1;
                }
                'V' => {
                    y = num(i);
                    points.push((x, y));
                    i += 1;
                }
                'C' => {
                    let p: Vec<f64> = (0..6).map(|k| num(i + k)).collect();
                    for s in 1..=24 {
                        let t = s as f64 / 24.0;
                        let u = 1.0 - t;
                        let b = |a: f64, b: f64, c: f64, d: f64| {
                            u * u * u * a
                                + 3.0 * u * u * t * b
                                + 3.0 * u * t * t * c
                                + t * t * t * d
                        };
                        points.push((b(x, p[0], p[2], p[4]), b(y, p[1], p[3], p[5])));
                    }
                    (x, y) = (p[4], p[5]);
                    i += 6;
                }
                other => panic!("unexpected path command {other} in {d}"),
            }
        }
        points
    }

    type Attrs = BTreeMap<String, String>;
    /// A line of text: x, baseline y, the text.
    type TextLine = (f64, f64, String);
    type Point = (f64, f64);

    struct Frame {
        tag: String,
        attrs: BTreeMap<String, String>,
        /// The text of the group's `<title>` (Graphviz names nodes and
        /// edges there).
        title: String,
    }

    fn attr_map(e: &quick_xml::events::BytesStart<'_>) -> BTreeMap<String, String> {
        e.attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (
                    a.key.as_ref().to_string(),
                    a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .expect("value")
                        .into_owned(),
                )
            })
            .collect()
    }

    /// The edge an element belongs to (builtin: `data-edge` of the nearest
    /// group; Graphviz: the id of the nearest `edge` group), and whether it
    /// is inside the legend.
    fn context(stack: &[Frame]) -> (Option<String>, bool) {
        let mut legend = false;
        let mut edge = None;
        for f in stack.iter().rev() {
            if f.tag != "g" {
                continue;
            }
            let class = f.attrs.get("class").map(String::as_str).unwrap_or("");
            if class == "legend" || f.title.starts_with("legend:") {
                legend = true;
            }
            if edge.is_none() {
                if let Some(e) = f.attrs.get("data-edge") {
                    edge = Some(e.clone());
                } else if class.split(' ').any(|c| c == "edge") {
                    edge = f.attrs.get("id").cloned();
                }
            }
        }
        // A Graphviz legend node: its title starts with `legend:`.
        (edge, legend)
    }

    pub fn parse(svg: &str) -> Picture {
        let mut reader = quick_xml::Reader::from_str(svg);
        let mut stack: Vec<Frame> = Vec::new();
        let mut pic = Picture::default();
        // The text element being read: attributes, lines (x, y, text).
        let mut text: Option<(Attrs, Vec<TextLine>)> = None;
        let mut elements = 0usize;
        let bold = |stack: &[Frame], attrs: &BTreeMap<String, String>| {
            attrs.get("font-weight").is_some_and(|w| w == "bold")
                || stack
                    .iter()
                    .any(|f| f.attrs.get("font-weight").is_some_and(|w| w == "bold"))
        };
        let mut finish = |pic: &mut Picture,
                          stack: &[Frame],
                          attrs: &BTreeMap<String, String>,
                          lines: Vec<(f64, f64, String)>| {
            let size: f64 = attrs
                .get("font-size")
                .and_then(|s| s.trim_end_matches("px").parse().ok())
                .unwrap_or(14.0);
            let anchor = attrs
                .get("text-anchor")
                .map(String::as_str)
                .unwrap_or("start");
            let factor = if bold(stack, attrs) { 1.08 } else { 1.0 };
            let (edge, _) = context(stack);
            for (x, y, line) in lines {
                if line.trim().is_empty() {
                    continue;
                }
                let w = render::text_width(&line, size) * factor;
                let x0 = match anchor {
                    "middle" => x - w / 2.0,
                    "end" => x - w,
                    _ => x,
                };
                pic.texts.push(TextBox {
                    x0,
                    y0: y - 0.78 * size,
                    x1: x0 + w,
                    y1: y + 0.22 * size,
                    element: elements,
                    text: line,
                    edge: edge.clone(),
                });
            }
            elements += 1;
        };
        let handle = |pic: &mut Picture,
                      stack: &[Frame],
                      tag: &str,
                      attrs: &BTreeMap<String, String>| {
            let (edge, legend) = context(stack);
            if legend {
                return;
            }
            let Some(edge) = edge else { return };
            let class = attrs.get("class").map(String::as_str).unwrap_or("");
            if tag == "path" && class != "head" && attrs.get("fill").is_some_and(|f| f == "none") {
                let points = path_points(&attrs["d"]);
                pic.edges.entry(edge).or_default().push(points);
            } else if tag == "polyline" {
                // Graphviz's leader from a decorated label to its edge.
                let points = attrs
                    .get("points")
                    .map(|p| {
                        p.split_whitespace()
                            .filter_map(|xy| {
                                let (x, y) = xy.split_once(',')?;
                                Some((x.parse().ok()?, y.parse().ok()?))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                pic.leaders.entry(edge).or_default().push(points);
            } else if (tag == "path" && class == "head") || tag == "polygon" {
                let points = match attrs.get("points") {
                    Some(p) => p
                        .split_whitespace()
                        .filter_map(|xy| {
                            let (x, y) = xy.split_once(',')?;
                            Some((x.parse().ok()?, y.parse().ok()?))
                        })
                        .collect(),
                    None => path_points(&attrs["d"]),
                };
                pic.tips.push(tip(&points));
            }
        };
        loop {
            match reader.read_event().expect("well-formed SVG") {
                Event::Eof => break,
                Event::Start(e) => {
                    let tag = e.name().as_ref().to_string();
                    let attrs = attr_map(&e);
                    if tag == "text" {
                        let x = attrs.get("x").and_then(|v| v.parse().ok()).unwrap_or(0.0);
                        let y = attrs.get("y").and_then(|v| v.parse().ok()).unwrap_or(0.0);
                        text = Some((attrs.clone(), vec![(x, y, String::new())]));
                    } else if tag == "tspan"
                        && let Some((_, lines)) = text.as_mut()
                    {
                        let &(lx, ly, _) = lines.last().expect("line");
                        let dy: f64 = attrs.get("dy").and_then(|v| v.parse().ok()).unwrap_or(0.0);
                        let x = attrs.get("x").and_then(|v| v.parse().ok()).unwrap_or(lx);
                        if attrs.contains_key("dy") || attrs.contains_key("x") {
                            lines.push((x, ly + dy, String::new()));
                        }
                    } else {
                        handle(&mut pic, &stack, &tag, &attrs);
                    }
                    stack.push(Frame {
                        tag,
                        attrs,
                        title: String::new(),
                    });
                }
                Event::Empty(e) => {
                    let tag = e.name().as_ref().to_string();
                    let attrs = attr_map(&e);
                    handle(&mut pic, &stack, &tag, &attrs);
                }
                Event::End(e) => {
                    let frame = stack.pop().expect("balanced");
                    if e.name().as_ref() == "text"
                        && let Some((attrs, lines)) = text.take()
                    {
                        finish(&mut pic, &stack, &attrs, lines);
                    }
                    let _ = frame;
                }
                Event::Text(t) => {
                    if let Some((_, lines)) = text.as_mut() {
                        lines
                            .last_mut()
                            .expect("line")
                            .2
                            .push_str(&t.xml10_content());
                    } else if stack.last().is_some_and(|f| f.tag == "title") {
                        let n = stack.len();
                        if n >= 2 {
                            stack[n - 2].title.push_str(&t.xml10_content());
                        }
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some((_, lines)) = text.as_mut() {
                        lines
                            .last_mut()
                            .expect("line")
                            .2
                            .push_str(&entity(&r.xml10_content()));
                    }
                }
                _ => {}
            }
        }
        pic
    }

    /// The tip of an arrowhead: the middle of a bar, else the corner
    /// farthest from the centre.
    fn tip(points: &[(f64, f64)]) -> (f64, f64) {
        let mut distinct: Vec<(f64, f64)> = Vec::new();
        for &p in points {
            if !distinct
                .iter()
                .any(|q| (q.0 - p.0).abs() < 0.01 && (q.1 - p.1).abs() < 0.01)
            {
                distinct.push(p);
            }
        }
        let n = distinct.len().max(1) as f64;
        let c = (
            distinct.iter().map(|p| p.0).sum::<f64>() / n,
            distinct.iter().map(|p| p.1).sum::<f64>() / n,
        );
        if distinct.len() <= 2 {
            return c;
        }
        distinct
            .into_iter()
            .max_by(|a, b| dist(*a, c).total_cmp(&dist(*b, c)))
            .expect("point")
    }

    fn dist(a: (f64, f64), b: (f64, f64)) -> f64 {
        ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
    }

    fn seg_dist(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = dx * dx + dy * dy;
        let t = if len == 0.0 {
            0.0
        } else {
            (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len).clamp(0.0, 1.0)
        };
        dist(p, (a.0 + t * dx, a.1 + t * dy))
    }

    fn line_dist(p: (f64, f64), lines: &[Vec<(f64, f64)>]) -> f64 {
        let mut best = f64::INFINITY;
        for line in lines {
            for w in line.windows(2) {
                best = best.min(seg_dist(p, w[0], w[1]));
            }
            if line.len() == 1 {
                best = best.min(dist(p, line[0]));
            }
        }
        best
    }

    fn cross(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
        let o = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
            (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
        };
        let (d1, d2, d3, d4) = (o(c, d, a), o(c, d, b), o(a, b, c), o(a, b, d));
        d1 * d2 < 0.0 && d3 * d4 < 0.0
    }

    /// Proper crossings between the lines of different edges, away from
    /// their ends (edges meeting at a node do not count).
    fn crossings(pic: &Picture) -> usize {
        let lines: Vec<(&String, Vec<Point>, Point, Point)> = pic
            .edges
            .iter()
            .map(|(k, parts)| {
                let pts: Vec<(f64, f64)> = parts.iter().flatten().copied().collect();
                let first = pts.first().copied().unwrap_or_default();
                let last = pts.last().copied().unwrap_or_default();
                (k, pts, first, last)
            })
            .collect();
        let mut count = 0;
        for (i, a) in lines.iter().enumerate() {
            for b in &lines[i + 1..] {
                let mut found = 0;
                for s in a.1.windows(2) {
                    for t in b.1.windows(2) {
                        if cross(s[0], s[1], t[0], t[1]) {
                            let near_end = [a.2, a.3, b.2, b.3]
                                .iter()
                                .any(|&e| dist(s[0], e) < 4.0 || dist(s[1], e) < 4.0);
                            if !near_end {
                                found += 1;
                            }
                        }
                    }
                }
                count += found;
            }
        }
        count
    }

    pub fn figures(pic: &Picture) -> Figures {
        let mut f = Figures {
            texts: pic.texts.len(),
            tips: pic.tips.len(),
            min_tip: f64::INFINITY,
            ..Figures::default()
        };
        for (i, a) in pic.texts.iter().enumerate() {
            for b in &pic.texts[i + 1..] {
                if a.element == b.element {
                    continue;
                }
                let t = 0.5;
                if a.x0 + t < b.x1 && b.x0 + t < a.x1 && a.y0 + t < b.y1 && b.y0 + t < a.y1 {
                    f.overlaps += 1;
                }
            }
        }
        for (i, &a) in pic.tips.iter().enumerate() {
            for &b in &pic.tips[i + 1..] {
                let d = dist(a, b);
                f.min_tip = f.min_tip.min(d);
                if d < 6.0 {
                    f.close_tips += 1;
                }
            }
        }
        // Labels: the centre of each edge's label boxes.
        let mut labels: BTreeMap<&String, Vec<&TextBox>> = BTreeMap::new();
        for t in &pic.texts {
            if let Some(e) = &t.edge {
                labels.entry(e).or_default().push(t);
            }
        }
        for (edge, boxes) in labels {
            f.labels += 1;
            let n = boxes.len() as f64;
            let c = (
                boxes.iter().map(|b| (b.x0 + b.x1) / 2.0).sum::<f64>() / n,
                boxes.iter().map(|b| (b.y0 + b.y1) / 2.0).sum::<f64>() / n,
            );
            let drawn = |k: &String| {
                pic.edges
                    .get(k)
                    .into_iter()
                    .chain(pic.leaders.get(k))
                    .map(|l| line_dist(c, l))
                    .fold(f64::INFINITY, f64::min)
            };
            let own = drawn(edge);
            let other = pic
                .edges
                .keys()
                .filter(|k| *k != edge)
                .map(drawn)
                .fold(f64::INFINITY, f64::min);
            if own >= other {
                f.misattached += 1;
            }
        }
        f.crossings = crossings(pic);
        f
    }

    /// The figures of every picture, built-in renderer.
    pub fn builtin_figures() -> Vec<(String, Figures, Picture)> {
        pictures()
            .into_iter()
            .map(|(name, d)| {
                let svg = builtin(&d);
                let pic = parse(&svg);
                (name, figures(&pic), pic)
            })
            .collect()
    }
}

/// Every picture `examples/export_dot.rs` writes, drawn by the built-in
/// renderer: no two text boxes overlap, no two arrowhead tips are within
/// 6 px, every edge label is closer to its own edge than to any other.
#[test]
fn builtin_pictures_have_clean_geometry() {
    let mut failures = Vec::new();
    for (name, f, pic) in quality::builtin_figures() {
        assert!(f.texts > 0, "{name}: no text");
        if f.overlaps > 0 {
            for (i, a) in pic.texts.iter().enumerate() {
                for b in &pic.texts[i + 1..] {
                    if a.element != b.element
                        && a.x0 + 0.5 < b.x1
                        && b.x0 + 0.5 < a.x1
                        && a.y0 + 0.5 < b.y1
                        && b.y0 + 0.5 < a.y1
                    {
                        failures.push(format!("{name}: {:?} overlaps {:?}", a.text, b.text));
                    }
                }
            }
        }
        if f.close_tips > 0 {
            failures.push(format!(
                "{name}: {} pairs of arrowhead tips within 6 px (closest {:.1})",
                f.close_tips, f.min_tip
            ));
        }
        if f.misattached > 0 {
            failures.push(format!(
                "{name}: {} of {} edge labels nearer another edge",
                f.misattached, f.labels
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The picture-quality table of BENCHMARKS.md: the same figures for the
/// built-in renderer and for Graphviz (when installed), side by side.
/// `cargo test --test render -- --ignored --nocapture picture_quality`
#[test]
#[ignore = "a report; needs Graphviz for its second half"]
fn picture_quality() {
    let graphviz = Graphviz::find().ok();
    println!(
        "| picture | engine | text boxes | overlapping pairs | arrowheads | tips < 6 px (closest) | edge labels | nearer another edge | edge crossings |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    let row = |name: &str, engine: &str, f: &quality::Figures| {
        println!(
            "| {name} | {engine} | {} | {} | {} | {} ({}) | {} | {} | {} |",
            f.texts,
            f.overlaps,
            f.tips,
            f.close_tips,
            if f.min_tip.is_finite() {
                format!("{:.1} px", f.min_tip)
            } else {
                "–".into()
            },
            f.labels,
            f.misattached,
            f.crossings
        );
    };
    for (name, d) in quality::pictures() {
        let pic = quality::parse(&builtin(&d));
        row(&name, "built-in", &quality::figures(&pic));
        if let Some(g) = &graphviz {
            let options = RenderOptions::new()
                .engine(Engine::Graphviz)
                .graphviz(g.clone());
            let svg = render::render(&d, &options).expect("Graphviz SVG");
            let pic = quality::parse(svg.as_str().expect("UTF-8"));
            row(&name, "Graphviz", &quality::figures(&pic));
        }
    }
}

/// The path picture draws its hops in one row (the same centre line), in a
/// larger font than the faded context around them.
#[test]
fn builtin_path_hops_share_one_row() {
    let (_, d) = quality::pictures()
        .into_iter()
        .find(|(name, _)| name.starts_with("path-"))
        .expect("a path picture");
    let svg = builtin(&d);
    let mut rows = Vec::new();
    let mut sizes = (Vec::new(), Vec::new());
    for group in svg.split("<g class=\"").skip(1) {
        let highlight = group
            .split('"')
            .next()
            .unwrap_or("")
            .ends_with(" highlight");
        let faded = group.split('"').next().unwrap_or("").ends_with(" faded");
        let number = |text: &str, key: &str| -> Option<f64> {
            let at = text.find(&format!(" {key}=\""))? + key.len() + 3;
            text[at..].split('"').next()?.parse().ok()
        };
        let Some(rect) = group.split("<rect class=\"node\"").nth(1) else {
            continue;
        };
        let (Some(y), Some(h)) = (number(rect, "y"), number(rect, "height")) else {
            continue;
        };
        let size = group
            .split("<text")
            .nth(1)
            .and_then(|t| number(t, "font-size"));
        if highlight {
            rows.push(y + h / 2.0);
            sizes.0.extend(size);
        } else if faded {
            sizes.1.extend(size);
        }
    }
    assert!(rows.len() >= 3, "{rows:?}");
    // Within a pixel: with the larger dataset of issue 37 the hops' centres
    // spread over half a pixel ([235.5, 235.4, 235.0]).
    assert!(
        rows.iter().all(|&y| (y - rows[0]).abs() <= 1.0),
        "hops not in one row: {rows:?}"
    );
    assert!(!sizes.0.is_empty() && !sizes.1.is_empty(), "{sizes:?}");
    let smallest_hop = sizes.0.iter().cloned().fold(f64::INFINITY, f64::min);
    let largest_context = sizes.1.iter().cloned().fold(0.0, f64::max);
    assert!(smallest_hop > largest_context, "{sizes:?}");
}

/// The whole catalog is drawn as a network: no column holds most of the
/// boxes, unlike the two columns of people and works it used to be.
#[test]
fn builtin_catalog_is_a_network() {
    let (_, d) = quality::pictures()
        .into_iter()
        .find(|(name, _)| name == "catalog")
        .expect("the catalog");
    let parsed = read_svg(&builtin(&d));
    assert_no_overlap(&parsed);
    let mut lefts: Vec<i64> = parsed.boxes.iter().map(|b| b.x.round() as i64).collect();
    lefts.sort_unstable();
    lefts.dedup();
    assert!(
        lefts.len() > parsed.boxes.len() / 2,
        "{} distinct left edges for {} boxes",
        lefts.len(),
        parsed.boxes.len()
    );
}
