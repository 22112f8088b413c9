//! The GEXF reader: files NetworkX writes (with and without attributes),
//! errors at their positions, files that are not GEXF, skips counted. The
//! round trips of hallyu's own GEXF export are in tests/formats.rs (the
//! bundled data, a medium import, hostile names).

use std::path::{Path, PathBuf};

use hallyu::export::{Network, Shape};
use hallyu::import::{Gexf, Graphml};
use hallyu::{Explorer, Filter};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

/// The pairs of people with the number of works they share.
fn pairs(ex: &Explorer) -> Vec<(String, String, usize)> {
    let net = Network::new(ex, &Filter::new(), Shape::Projection);
    let mut out: Vec<_> = net
        .edges()
        .iter()
        .map(|e| {
            let (a, b) = (&net.nodes()[e.source].key, &net.nodes()[e.target].key);
            (a.min(b).clone(), a.max(b).clone(), e.weight as usize)
        })
        .collect();
    out.sort();
    out
}

/// NetworkX's Davis Southern Women through `write_gexf`, with its
/// `bipartite` attribute and without any attribute, read as the GraphML
/// NetworkX writes is read; the weights are NetworkX's (the fixture
/// davis_weights.json, from `bipartite.weighted_projected_graph`).
#[test]
fn networkx_gexf_reads_as_its_graphml() {
    let weights: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("davis_weights.json")).unwrap(),
    )
    .unwrap();
    let mut want: Vec<(String, String, usize)> = weights["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let (a, b) = (p[0].as_str().unwrap(), p[1].as_str().unwrap());
            let (a, b) = (hallyu::import::slug(a), hallyu::import::slug(b));
            (
                a.clone().min(b.clone()),
                a.max(b),
                p[2].as_u64().unwrap() as usize,
            )
        })
        .collect();
    want.sort();
    let graphml = Graphml::new()
        .from_path(fixtures().join("davis.graphml"))
        .unwrap();
    for file in ["davis.gexf", "davis-bare.gexf"] {
        let loaded = Gexf::new().from_path(fixtures().join(file)).unwrap();
        let ex = &loaded.explorer;
        assert_eq!(
            (ex.people().len(), ex.works().len(), ex.credits().len()),
            (18, 14, 89),
            "{file}"
        );
        assert!(
            loaded.report.skipped.is_empty(),
            "{file}: {:?}",
            loaded.report.skipped
        );
        let mut people: Vec<_> = ex.people().map(|p| ex.get(p).name().to_string()).collect();
        let mut women: Vec<_> = (graphml.explorer.people())
            .map(|p| graphml.explorer.get(p).name().to_string())
            .collect();
        people.sort();
        women.sort();
        assert_eq!(people, women, "{file}");
        let got = pairs(ex);
        assert_eq!(got.len(), want.len(), "{file}");
        assert_eq!(got, pairs(&graphml.explorer), "{file}");
    }
}

/// The rule for nodes without a kind: a neighbour of a work is a person,
/// of a person a work, else the first node of a part is a person.
#[test]
fn nodes_without_a_kind_take_their_side_from_their_neighbours() {
    let text = r#"<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>
  <attributes class="node"><attribute id="k" title="kind" type="string"/></attributes>
  <nodes>
    <node id="film" label="A Film"><attvalues><attvalue for="k" value="film"/></attvalues></node>
    <node id="x" label="Actor X"/>
    <node id="y" label="Song Y"/>
    <node id="z" label="Singer Z"/>
    <node id="p" label="Alone P"/><node id="q" label="Alone Q"/>
  </nodes>
  <edges>
    <edge source="x" target="film"/><edge source="x" target="y"/><edge source="z" target="y"/>
    <edge source="q" target="p"/>
  </edges>
</graph></gexf>"#;
    let loaded = Gexf::new()
        .from_reader("kinds.gexf", text.as_bytes())
        .unwrap();
    let ex = &loaded.explorer;
    let mut people: Vec<_> = ex.people().map(|p| ex.get(p).name().to_string()).collect();
    people.sort();
    // x is a person (a film's neighbour), y a work, z a person; p is first
    // of its part.
    assert_eq!(people, ["Actor X", "Alone P", "Singer Z"]);
    assert_eq!(loaded.report.credits, 4);
}

/// (text, expected `Display`): each error of the reader, pinned.
#[test]
fn gexf_errors_name_their_position() {
    let head = "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph>\n<attributes class=\"node\"><attribute id=\"b\" title=\"bipartite\" type=\"integer\"/></attributes>\n<nodes>\n";
    let node = |id: &str, b: &str| {
        format!(
            "<node id=\"{id}\"><attvalues><attvalue for=\"b\" value=\"{b}\"/></attvalues></node>\n"
        )
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", format!("{head}{}", node("a", "0")).into_bytes(), "e.gexf:6:1: the file ends inside <nodes>"),
        ("unknown id", format!("{head}{}</nodes><edges>\n<edge source=\"a\" target=\"zz\"/>\n</edges></graph></gexf>", node("a", "0")).into_bytes(), "e.gexf:7:1: unknown id \"zz\""),
        ("duplicate id", format!("{head}{}{}</nodes></graph></gexf>", node("a", "0"), node("a", "1")).into_bytes(), "e.gexf:6:1: duplicate id \"a\" (first defined at e.gexf:5:1)"),
        ("bad number", format!("{head}{}</nodes></graph></gexf>", node("a", "zero")).into_bytes(), "e.gexf:5:25: invalid number \"zero\" (expected a value of type integer)"),
        ("undeclared", format!("{head}<node id=\"a\"><attvalues><attvalue for=\"c\" value=\"0\"/></attvalues></node>\n</nodes></graph></gexf>").into_bytes(), "e.gexf:5:25: <attvalue> of an undeclared node attribute \"c\""),
        ("bad UTF-8", format!("{head}<node id=\"\u{e9}").into_bytes().into_iter().chain([0xff]).collect(), "e.gexf:5:12: invalid UTF-8"),
        ("no id", format!("{head}<node label=\"x\"/></nodes></graph></gexf>").into_bytes(), "e.gexf:5:1: a <node> without an id"),
    ];
    for (what, bytes, want) in cases {
        let err = Gexf::new()
            .from_reader("e.gexf", bytes.as_slice())
            .unwrap_err();
        assert_eq!(err.to_string(), want, "{what}");
    }
}

#[test]
fn files_that_are_not_gexf_are_errors_and_skips_are_counted() {
    for (text, want) in [
        ("", "not GEXF: no <gexf> element"),
        ("just some text\n", "not GEXF: no <gexf> element"),
        (
            "<graphml><graph/></graphml>",
            "not GEXF: the root element is <graphml>",
        ),
    ] {
        let err = Gexf::new()
            .from_reader("x.gexf", text.as_bytes())
            .unwrap_err();
        assert!(err.to_string().contains(want), "{text:?}: {err}");
        assert!(err.location().is_some());
    }
    let text = r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta><creator>someone</creator><description>a graph</description></meta>
  <graph>stray text
    <attributes class="node"><attribute id="k" title="kind" type="string"/>
      <attribute id="o" title="odd" type="string"/></attributes>
    <nodes>
      <node id="iu" label="IU"><attvalues><attvalue for="k" value="person"/><attvalue for="o" value="1"/></attvalues>
        <viz:color r="1" g="2" b="3"/><spells><spell start="2017"/></spells></node>
      <node id="palette" label="Palette"><attvalues><attvalue for="k" value="mv"/></attvalues></node>
    </nodes>
    <edges><edge source="iu" target="palette"/><edge source="iu" target="iu"/></edges>
  </graph>
</gexf>"#;
    let report = Gexf::new()
        .from_reader("x.gexf", text.as_bytes())
        .unwrap()
        .report;
    assert_eq!(report.credits, 1);
    let why: Vec<&str> = report.skipped.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(
        why,
        [
            "text outside <meta> is not read",
            "element <spells> is not read",
            "element <spell> is not read",
            "node attribute \"odd\" is not read",
            "edge \"iu\" – \"iu\" is a self-loop",
        ]
    );
}

/// A byte-order mark (Windows tools write one) is skipped, in GEXF and
/// GraphML alike; positions count from after it.
#[test]
fn a_byte_order_mark_is_skipped() {
    let gexf = "\u{feff}<gexf xmlns=\"http://gexf.net/1.3\"><graph><nodes><node id=\"a\"/><node id=\"b\"/></nodes>\
                <edges><edge source=\"a\" target=\"b\"/></edges></graph></gexf>";
    let loaded = Gexf::new()
        .from_reader("bom.gexf", gexf.as_bytes())
        .unwrap();
    assert_eq!(
        (
            loaded.report.people,
            loaded.report.works,
            loaded.report.credits
        ),
        (1, 1, 1)
    );
    let graphml = "\u{feff}<graphml><graph><node id=\"a\"/></graph></graphml>";
    let err = Graphml::new()
        .from_reader("bom.graphml", graphml.as_bytes())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "bom.graphml:1:17: node \"a\" has neither a \"bipartite\" nor a \"kind\" attribute"
    );
}
