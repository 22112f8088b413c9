//! The SVG writer: walks a [`Scene`] and writes its elements, escaping
//! text. It places nothing: every position comes from the scene.

use std::fmt::Write as _;

use super::geometry::{Head, Step};
use super::scene::{Anchor, Area, Edge, Legend, Node, Scene, Stroke, Text};
use crate::export::Emphasis;
use crate::export::style::{Arrow, Dash, EdgeLook, NodeLook, Shape};

/// Appends a number with at most one decimal.
fn num(out: &mut String, x: f64) {
    let x = if x.is_finite() {
        (x * 10.0).round() / 10.0
    } else {
        0.0
    };
    let x = if x == 0.0 { 0.0 } else { x };
    if x.fract() == 0.0 {
        let _ = write!(out, "{}", x as i64);
    } else {
        let _ = write!(out, "{x:.1}");
    }
}

/// Appends the position and size of a rectangle: `x="…" y="…" width="…"
/// height="…"`.
fn rect_area(out: &mut String, x: f64, y: f64, w: f64, h: f64) {
    out.push_str("x=\"");
    num(out, x);
    out.push_str("\" y=\"");
    num(out, y);
    out.push_str("\" width=\"");
    num(out, w);
    out.push_str("\" height=\"");
    num(out, h);
    out.push('"');
}

/// Appends text escaped for XML content and attributes; characters XML 1.0
/// forbids become U+FFFD.
fn escape(out: &mut String, text: &str) {
    crate::export::xml_label(out, text);
}

/// An SVG `font-family` value from a comma-separated list: names with
/// spaces quoted.
fn font_family(list: &str) -> String {
    let mut parts = Vec::new();
    for name in list.split(',') {
        let name = name.trim().trim_matches(|c| c == '\'' || c == '"');
        if name.is_empty() {
            continue;
        }
        let generic = matches!(
            name,
            "serif" | "sans-serif" | "monospace" | "cursive" | "fantasy" | "system-ui"
        );
        if generic || !name.contains(' ') {
            parts.push(name.to_string());
        } else {
            parts.push(format!("'{}'", name.replace('\'', "")));
        }
    }
    if !parts.iter().any(|p| p == "sans-serif") {
        parts.push("sans-serif".to_string());
    }
    parts.join(", ")
}

/// Appends an arrowhead in the colour of its line.
fn arrow(out: &mut String, look: &EdgeLook, head: &Head) {
    let point = |out: &mut String, (x, y): (f64, f64)| {
        num(out, x);
        out.push(' ');
        num(out, y);
    };
    out.push_str("<path class=\"head\" d=\"M");
    match *head {
        Head::Bar([a, b]) => {
            point(out, a);
            out.push_str(" L");
            point(out, b);
            out.push_str("\" stroke=\"");
            out.push_str(look.color);
            out.push_str("\" stroke-width=\"");
            num(out, look.width.max(1.0) + 1.0);
            out.push_str("\" fill=\"none\"/>\n");
        }
        Head::Triangle([tip, b, c]) => {
            point(out, tip);
            out.push_str(" L");
            point(out, b);
            out.push_str(" L");
            point(out, c);
            out.push_str(" Z\" fill=\"");
            out.push_str(if look.arrow == Arrow::Empty {
                "white"
            } else {
                look.color
            });
            out.push_str("\" stroke=\"");
            out.push_str(look.color);
            out.push_str("\" stroke-width=\"1\"/>\n");
        }
    }
}

/// Appends the stroke of an edge's line: colour, width, dashes.
fn stroke_attrs(out: &mut String, look: &EdgeLook) {
    out.push_str(" fill=\"none\" stroke=\"");
    out.push_str(look.color);
    out.push_str("\" stroke-width=\"");
    num(out, look.width);
    out.push('"');
    match look.dash {
        Dash::Solid => {}
        Dash::Dashed => out.push_str(" stroke-dasharray=\"6 4\""),
        Dash::Dotted => out.push_str(" stroke-dasharray=\"1 3.5\" stroke-linecap=\"round\""),
    }
}

/// Opens the group of an edge: its classes and its diagram edge.
fn edge_class(out: &mut String, look: &EdgeLook, edge: usize) {
    out.push_str("<g class=\"edge ");
    out.push_str(look.class);
    out.push_str(look.state);
    out.push_str("\" data-edge=\"");
    num(out, edge as f64);
    out.push_str("\">\n");
}

/// Appends lines of text, each in its own `tspan`.
fn text_block(out: &mut String, text: &Text) {
    out.push_str("<text x=\"");
    num(out, text.x);
    out.push_str("\" y=\"");
    num(out, text.y);
    out.push_str("\" font-size=\"");
    num(out, text.size);
    out.push_str("\" text-anchor=\"");
    out.push_str(match text.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
    });
    out.push_str("\" fill=\"");
    out.push_str(text.color);
    out.push_str("\">");
    for (i, line) in text.lines.iter().enumerate() {
        if i == 0 {
            out.push_str("<tspan>");
        } else {
            out.push_str("<tspan x=\"");
            num(out, text.x);
            out.push_str("\" dy=\"");
            num(out, text.line_height);
            out.push_str("\">");
        }
        escape(out, line);
        out.push_str("</tspan>");
    }
    out.push_str("</text>\n");
}

/// Appends the steps of a line as SVG path data.
fn path_data(out: &mut String, steps: &[Step]) {
    let point = |out: &mut String, (x, y): (f64, f64)| {
        num(out, x);
        out.push(' ');
        num(out, y);
    };
    for step in steps {
        match *step {
            Step::Move(p) => {
                out.push('M');
                point(out, p);
            }
            Step::Across(x) => {
                out.push_str(" H");
                num(out, x);
            }
            Step::Curve(c) => {
                out.push_str(" C");
                for (i, p) in c.into_iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    point(out, p);
                }
            }
        }
    }
}

/// Appends a line and its arrowhead.
fn stroke(out: &mut String, stroke: &Stroke) {
    out.push_str("<path d=\"");
    path_data(out, &stroke.steps);
    out.push('"');
    stroke_attrs(out, &stroke.look);
    out.push_str("/>\n");
    arrow(out, &stroke.look, &stroke.head);
}

/// Writes one edge: its tooltip, line and arrowhead.
fn write_edge(out: &mut String, edge: &Edge) {
    edge_class(out, &edge.stroke.look, edge.edge);
    out.push_str("<title>");
    for (i, credit) in edge.credits.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        escape(out, &credit.from);
        out.push_str(" — ");
        out.push_str(credit.role);
        out.push_str(" → ");
        escape(out, &credit.to);
        if !credit.label.is_empty() {
            out.push_str(" (");
            escape(out, &credit.label);
            out.push(')');
        }
        if credit.unverified {
            out.push_str(" (unverified)");
        }
    }
    out.push_str("</title>\n");
    stroke(out, &edge.stroke);
    out.push_str("</g>\n");
}

/// Writes an edge's label, if it has one, on its white ground.
fn write_edge_label(out: &mut String, edge: &Edge) {
    let Some(label) = &edge.label else { return };
    out.push_str("<g data-edge=\"");
    num(out, edge.edge as f64);
    out.push_str("\">\n<rect class=\"edge-label\" ");
    let Area { x, y, w, h } = label.ground;
    rect_area(out, x, y, w, h);
    out.push_str(" rx=\"3\" fill=\"white\" fill-opacity=\"0.9\"/>\n");
    text_block(out, &label.text);
    out.push_str("</g>\n");
}

/// Writes a node: its group, tooltip, box and lines.
fn write_node(out: &mut String, node: &Node) {
    out.push_str("<g class=\"");
    out.push_str(node.look.class);
    match node.emphasis {
        Emphasis::Normal => {}
        Emphasis::Highlight => out.push_str(" highlight"),
        Emphasis::Faded => out.push_str(" faded"),
    }
    out.push_str("\" data-key=\"");
    escape(out, &node.key);
    out.push_str("\">\n<title>");
    escape(out, &node.label);
    out.push_str("</title>\n");
    node_shape(out, &node.look, &node.area, true);
    let bold = node.emphasis == Emphasis::Highlight;
    if bold {
        out.push_str("<g font-weight=\"bold\">\n");
    }
    text_block(out, &node.text);
    if bold {
        out.push_str("</g>\n");
    }
    if let Some(note) = &node.note {
        text_block(out, note);
    }
    out.push_str("</g>\n");
}

/// Appends a box in the look of its node kind: its outline and, by shape,
/// a second border or cut corners. `node`: the box is a diagram node (the
/// legend's samples are not).
fn node_shape(out: &mut String, look: &NodeLook, area: &Area, node: bool) {
    let Area { x, y, w, h } = *area;
    let rx = match look.shape {
        Shape::Rounded => (h / 2.0).min(11.0),
        Shape::Double => 8.0,
        Shape::Square | Shape::Notched => 1.5,
    };
    out.push_str(if node {
        "<rect class=\"node\" "
    } else {
        "<rect "
    });
    rect_area(out, x, y, w, h);
    out.push_str(" rx=\"");
    num(out, rx);
    out.push_str("\" fill=\"");
    out.push_str(look.fill);
    out.push_str("\" stroke=\"");
    out.push_str(look.stroke);
    out.push_str("\" stroke-width=\"");
    num(out, look.stroke_width);
    out.push_str("\"/>\n");
    match look.shape {
        Shape::Double => {
            out.push_str("<rect ");
            rect_area(out, x + 3.0, y + 3.0, w - 6.0, h - 6.0);
            out.push_str(" rx=\"5.5\" fill=\"none\" stroke=\"");
            out.push_str(look.stroke);
            out.push_str("\" stroke-width=\"1\"/>\n");
        }
        Shape::Notched => {
            let c = 7.0f64.min(h / 3.0);
            out.push_str("<path d=\"");
            for (px, py, dx, dy) in [
                (x, y, 1.0, 1.0),
                (x + w, y, -1.0, 1.0),
                (x, y + h, 1.0, -1.0),
                (x + w, y + h, -1.0, -1.0),
            ] {
                out.push('M');
                num(out, px + dx * c);
                out.push(' ');
                num(out, py);
                out.push_str(" L");
                num(out, px);
                out.push(' ');
                num(out, py + dy * c);
                out.push(' ');
            }
            out.push_str("\" fill=\"none\" stroke=\"");
            out.push_str(look.stroke);
            out.push_str("\" stroke-width=\"1\"/>\n");
        }
        Shape::Rounded | Shape::Square => {}
    }
}

/// Writes the legend: its frame, sample boxes and sample lines.
fn write_legend(out: &mut String, legend: &Legend) {
    out.push_str("<g class=\"legend\">\n<rect ");
    let Area { x, y, w, h } = legend.area;
    rect_area(out, x, y, w, h);
    out.push_str(" rx=\"6\" fill=\"white\" stroke=\"#D1D5DB\"/>\n");
    text_block(out, &legend.heading);
    for sample in &legend.kinds {
        node_shape(out, &sample.look, &sample.area, false);
        text_block(out, &sample.text);
    }
    for (line, name) in &legend.edges {
        stroke(out, line);
        text_block(out, name);
    }
    out.push_str("</g>\n");
}

/// The scene as an SVG document.
pub(super) fn write_svg(scene: &Scene) -> String {
    let mut out = String::with_capacity(512 + scene.nodes.len() * 400 + scene.edges.len() * 300);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
    num(&mut out, scene.width);
    out.push_str("\" height=\"");
    num(&mut out, scene.height);
    out.push_str("\" viewBox=\"0 0 ");
    num(&mut out, scene.width);
    out.push(' ');
    num(&mut out, scene.height);
    out.push_str("\" font-family=\"");
    escape(&mut out, &font_family(&scene.font));
    out.push_str("\">\n<title>");
    escape(&mut out, &scene.title);
    out.push_str("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    if let Some(heading) = &scene.heading {
        out.push_str("<g class=\"title\" font-weight=\"bold\">\n");
        text_block(&mut out, heading);
        out.push_str("</g>\n");
    }
    if let Some(subheading) = &scene.subheading {
        out.push_str("<g class=\"subtitle\">\n");
        text_block(&mut out, subheading);
        out.push_str("</g>\n");
    }
    out.push_str("<g class=\"edges\">\n");
    for edge in &scene.edges {
        write_edge(&mut out, edge);
    }
    out.push_str("</g>\n<g class=\"edge-labels\">\n");
    for edge in &scene.edges {
        write_edge_label(&mut out, edge);
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for node in &scene.nodes {
        write_node(&mut out, node);
    }
    out.push_str("</g>\n");
    if let Some(legend) = &scene.legend {
        write_legend(&mut out, legend);
    }
    out.push_str("</svg>\n");
    out
}
