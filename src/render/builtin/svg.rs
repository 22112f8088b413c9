//! SVG writing: geometry of columns and ports, edges, labels, nodes, legend.

use std::fmt::Write as _;

use super::columns::{geometry, ports, shape_route};
use super::config::{
    EDGE_FONT_SIZE, EDGE_LINE_HEIGHT, Layers, MARGIN, NETWORK_RELAYOUTS, NOTE_SCALE, SUBTITLE_SIZE,
    Settings, TITLE_SIZE,
};
use super::geometry::{Drawn, Points, Rect, Step, label_size};
use super::labels::place_labels;
use super::layout::{Layout, Route, line_height};
use super::text::{text_width, wrap};
use crate::export::style::{
    Arrow, Dash, EdgeLook, NodeLook, Shape, edge_look, kind_label, legend_entries, node_look,
};
use crate::export::{Diagram, DiagramEdge, Emphasis};

// Geometry and SVG.

/// Appends a number with at most one decimal.
pub(super) fn num(out: &mut String, x: f64) {
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
pub(super) fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// An SVG `font-family` value from a comma-separated list: names with
/// spaces quoted.
pub(super) fn font_family(list: &str) -> String {
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

/// An arrowhead with its tip at (`tip_x`, `y`), pointing along the unit
/// vector `u`.
pub(super) fn arrow(out: &mut String, look: &EdgeLook, tip_x: f64, y: f64, u: (f64, f64)) {
    let len = 7.0 + look.width;
    let half = 3.0 + look.width * 0.6;
    let (bx, by) = (tip_x - u.0 * len, y - u.1 * len);
    let (nx, ny) = (-u.1, u.0);
    let point = |out: &mut String, x: f64, y: f64| {
        num(out, x);
        out.push(' ');
        num(out, y);
    };
    match look.arrow {
        Arrow::Tee => {
            let (cx, cy) = (tip_x - u.0 * 2.0, y - u.1 * 2.0);
            out.push_str("<path class=\"head\" d=\"M");
            point(out, cx + nx * (half + 1.0), cy + ny * (half + 1.0));
            out.push_str(" L");
            point(out, cx - nx * (half + 1.0), cy - ny * (half + 1.0));
            out.push_str("\" stroke=\"");
            out.push_str(look.color);
            out.push_str("\" stroke-width=\"");
            num(out, look.width.max(1.0) + 1.0);
            out.push_str("\" fill=\"none\"/>\n");
        }
        Arrow::Normal | Arrow::Empty => {
            out.push_str("<path class=\"head\" d=\"M");
            point(out, tip_x, y);
            out.push_str(" L");
            point(out, bx - nx * half, by - ny * half);
            out.push_str(" L");
            point(out, bx + nx * half, by + ny * half);
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

pub(super) fn arrow_len(look: &EdgeLook) -> f64 {
    match look.arrow {
        Arrow::Tee => 2.0,
        _ => 7.0 + look.width,
    }
}

pub(super) fn stroke_attrs(out: &mut String, look: &EdgeLook) {
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

pub(super) fn edge_class(out: &mut String, look: &EdgeLook, edge: usize) {
    out.push_str("<g class=\"edge ");
    out.push_str(look.class);
    out.push_str(look.state);
    out.push_str("\" data-edge=\"");
    num(out, edge as f64);
    out.push_str("\">\n");
}

/// Writes the label lines centred at (x, y) on a white ground.
pub(super) fn edge_label(
    out: &mut String,
    lines: &[String],
    x: f64,
    y: f64,
    anchor: &str,
    color: &str,
) {
    let (w, h) = label_size(lines);
    let left = match anchor {
        "start" => x - 4.0,
        "end" => x - w + 4.0,
        _ => x - w / 2.0,
    };
    out.push_str("<rect class=\"edge-label\" ");
    rect_area(out, left, y - h / 2.0, w, h);
    out.push_str(" rx=\"3\" fill=\"white\" fill-opacity=\"0.9\"/>\n");
    text_block(
        out,
        lines,
        x,
        y,
        EDGE_FONT_SIZE,
        EDGE_LINE_HEIGHT,
        anchor,
        color,
    );
}

#[allow(clippy::too_many_arguments)]
pub(super) fn text_block(
    out: &mut String,
    lines: &[String],
    x: f64,
    cy: f64,
    size: f64,
    line_height: f64,
    anchor: &str,
    color: &str,
) {
    let first = cy - (lines.len() as f64 - 1.0) * line_height / 2.0 + size * 0.35;
    out.push_str("<text x=\"");
    num(out, x);
    out.push_str("\" y=\"");
    num(out, first);
    out.push_str("\" font-size=\"");
    num(out, size);
    out.push_str("\" text-anchor=\"");
    out.push_str(anchor);
    out.push_str("\" fill=\"");
    out.push_str(color);
    out.push_str("\">");
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str("<tspan>");
        } else {
            out.push_str("<tspan x=\"");
            num(out, x);
            out.push_str("\" dy=\"");
            num(out, line_height);
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

/// Writes one route: its line, arrowhead and tooltip.
pub(super) fn write_route(out: &mut String, diagram: &Diagram, route: &Route, drawn: &Drawn) {
    let edge: &DiagramEdge = &diagram.edges[route.edge];
    let look = edge_look(edge.role, edge.unverified, edge.emphasis);
    edge_class(out, &look, route.edge);
    out.push_str("<title>");
    for (i, &m) in route.merged.iter().enumerate() {
        let e = &diagram.edges[m];
        if let Some((from, to)) = diagram.ends(e) {
            if i > 0 {
                out.push_str("; ");
            }
            escape(out, &from.label);
            out.push_str(" — ");
            out.push_str(e.role.label());
            out.push_str(" → ");
            escape(out, &to.label);
            if !e.label.is_empty() {
                out.push_str(" (");
                escape(out, &e.label);
                out.push(')');
            }
            if e.unverified {
                out.push_str(" (unverified)");
            }
        }
    }
    out.push_str("</title>\n<path d=\"");
    path_data(out, &drawn.line.steps);
    out.push('"');
    stroke_attrs(out, &look);
    out.push_str("/>\n");
    let (x, y) = drawn.head;
    arrow(out, &look, x, y, drawn.dir);
    out.push_str("</g>\n");
}

pub(super) fn node_shape(out: &mut String, look: &NodeLook, x: f64, y: f64, w: f64, h: f64) {
    let rx = match look.shape {
        Shape::Rounded => (h / 2.0).min(11.0),
        Shape::Double => 8.0,
        Shape::Square | Shape::Notched => 1.5,
    };
    out.push_str("<rect class=\"node\" ");
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

/// The legend: sample boxes and lines; returns its size.
pub(super) fn legend_size(diagram: &Diagram) -> (f64, f64) {
    let entries = legend_entries(diagram);
    let mut w: f64 = text_width("Legend", 12.0);
    for kind in &entries.node_kinds {
        w = w.max(text_width(kind_label(*kind), 11.0) + 20.0);
    }
    for (_, label) in &entries.edges {
        w = w.max(50.0 + text_width(label, 11.0));
    }
    let rows = entries.node_kinds.len() + entries.edges.len();
    (w + 24.0, 30.0 + rows as f64 * 24.0 + 6.0)
}

pub(super) fn write_legend(out: &mut String, diagram: &Diagram, x: f64, y: f64) {
    let entries = legend_entries(diagram);
    let (w, h) = legend_size(diagram);
    out.push_str("<g class=\"legend\">\n<rect ");
    rect_area(out, x, y, w, h);
    out.push_str(" rx=\"6\" fill=\"white\" stroke=\"#D1D5DB\"/>\n");
    text_block(
        out,
        &["Legend".to_string()],
        x + 12.0,
        y + 16.0,
        12.0,
        14.0,
        "start",
        "#6B7280",
    );
    let mut row_y = y + 40.0;
    for kind in &entries.node_kinds {
        let look = node_look(*kind, Emphasis::Normal);
        let label = kind_label(*kind);
        let bw = text_width(label, 11.0) + 16.0;
        // Sample boxes carry no `node` class: they are not diagram nodes.
        let mut shape = String::new();
        node_shape(&mut shape, &look, x + 12.0, row_y - 9.0, bw, 18.0);
        out.push_str(&shape.replacen("class=\"node\" ", "", 1));
        text_block(
            out,
            &[label.to_string()],
            x + 12.0 + bw / 2.0,
            row_y,
            11.0,
            13.0,
            "middle",
            look.text,
        );
        row_y += 24.0;
    }
    for (look, label) in &entries.edges {
        out.push_str("<path d=\"M");
        num(out, x + 12.0);
        out.push(' ');
        num(out, row_y);
        out.push_str(" H");
        num(out, x + 44.0 - arrow_len(look));
        out.push('"');
        stroke_attrs(out, look);
        out.push_str("/>\n");
        arrow(out, look, x + 44.0, row_y, (1.0, 0.0));
        text_block(
            out,
            std::slice::from_ref(label),
            x + 52.0,
            row_y,
            11.0,
            13.0,
            "start",
            "#374151",
        );
        row_y += 24.0;
    }
    out.push_str("</g>\n");
}

pub(super) fn write_svg(diagram: &Diagram, layout: &Layout, settings: &Settings<'_>) -> String {
    // The first line of the title is the title; what follows a line break
    // is a subtitle, smaller and grey.
    let (main, sub) = diagram
        .title
        .split_once('\n')
        .unwrap_or((diagram.title.as_str(), ""));
    let title_lines = if main.trim().is_empty() {
        Vec::new()
    } else {
        wrap(main, TITLE_SIZE, 900.0)
    };
    let sub_lines = if sub.trim().is_empty() {
        Vec::new()
    } else {
        wrap(sub, SUBTITLE_SIZE, 900.0)
    };
    let main_height = title_lines.len() as f64 * (TITLE_SIZE + 6.0);
    let sub_height = sub_lines.len() as f64 * (SUBTITLE_SIZE + 5.0);
    let title_height = main_height
        + sub_height
        + if title_lines.is_empty() && sub_lines.is_empty() {
            0.0
        } else {
            14.0
        };
    let legend = settings.legend && !diagram.nodes.is_empty();
    let (legend_w, legend_h) = if legend {
        legend_size(diagram)
    } else {
        (0.0, 0.0)
    };
    let title_w = title_lines
        .iter()
        .map(|l| text_width(l, TITLE_SIZE) * 1.08)
        .chain(sub_lines.iter().map(|l| text_width(l, SUBTITLE_SIZE)))
        .fold(0.0, f64::max);
    let looks: Vec<EdgeLook> = layout
        .routes
        .iter()
        .map(|r| {
            let e = &diagram.edges[r.edge];
            edge_look(e.role, e.unverified, e.emphasis)
        })
        .collect();
    // Labels of the path first, then the longest: they need the most room.
    let mut priority: Vec<usize> = (0..layout.routes.len()).collect();
    priority.sort_by(|&a, &b| {
        let rank = |r: usize| match diagram.edges[layout.routes[r].edge].emphasis {
            Emphasis::Highlight => 0,
            Emphasis::Normal => 1,
            Emphasis::Faded => 2,
        };
        rank(a)
            .cmp(&rank(b))
            .then(
                layout.routes[b]
                    .label
                    .len()
                    .cmp(&layout.routes[a].label.len()),
            )
            .then(a.cmp(&b))
    });

    let network = match settings.layers {
        Layers::Network => true,
        Layers::Auto => crate::export::style::wants_network(diagram),
        _ => false,
    };
    let heads: Vec<f64> = looks.iter().map(arrow_len).collect();
    let top = MARGIN + title_height;

    // Lay out the lines; when a label finds no clear spot on its edge,
    // spread the picture (the gaps between columns, or the whole network)
    // and try again.
    let mut scale = 1.0;
    // In a network, the edges of labels without a spot are lengthened and
    // the network laid out again, a few times, before the whole picture is
    // spread: only the crowded part opens up.
    let mut stretch = vec![1.0; layout.routes.len()];
    let mut relayouts = 0;
    let mut best: Option<(usize, Points)> = None;
    let mut network_at = if network {
        super::network::positions(layout, (MARGIN, top), &stretch, &[])
    } else {
        Vec::new()
    };
    let (rects, drawn, spots, width, height, legend_x) = loop {
        let (rects, drawn, graph_right, graph_bottom) = if network {
            let at: Vec<Option<(f64, f64)>> = network_at
                .iter()
                .map(|p| p.map(|(x, y)| (MARGIN + (x - MARGIN) * scale, top + (y - top) * scale)))
                .collect();
            let rects: Vec<Option<Rect>> = layout
                .items
                .iter()
                .zip(&at)
                .map(|(item, p)| {
                    let (x, y) = (*p)?;
                    let (w, h) = (item.width, item.base_height);
                    Some([x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0])
                })
                .collect();
            let drawn = super::network::lines(layout, &at, &heads);
            let right = rects.iter().flatten().map(|r| r[2]).fold(MARGIN, f64::max);
            let bottom = rects.iter().flatten().map(|r| r[3]).fold(top, f64::max);
            (rects, drawn, right, bottom - top)
        } else {
            let geo = geometry(layout, title_height, scale);
            let ends = ports(layout, &geo);
            let drawn: Vec<Drawn> = layout
                .routes
                .iter()
                .enumerate()
                .map(|(r, route)| shape_route(layout, &geo, route, ends[r], heads[r]))
                .collect();
            let rects: Vec<Option<Rect>> = (0..layout.items.len())
                .map(|v| {
                    let item = &layout.items[v];
                    item.node?;
                    let (l, r) = geo.sides(layout, v);
                    let cy = geo.y(layout, v);
                    Some([l, cy - item.height / 2.0, r, cy + item.height / 2.0])
                })
                .collect();
            (rects, drawn, geo.right_edge, geo.height)
        };
        let legend_x = graph_right + if layout.layers.is_empty() { 0.0 } else { 36.0 };
        let mut width = if legend {
            legend_x + legend_w
        } else {
            graph_right
        };
        width = (width.max(title_w + 2.0 * MARGIN).max(120.0) + MARGIN).ceil();
        let height = (top + graph_bottom.max(if legend { legend_h } else { 0.0 }) + MARGIN)
            .ceil()
            .max(60.0);
        let mut obstacles: Vec<Rect> = rects.iter().flatten().copied().collect();
        if title_height > 0.0 {
            obstacles.push([
                width / 2.0 - title_w / 2.0,
                MARGIN - 4.0,
                width / 2.0 + title_w / 2.0,
                MARGIN + title_height - 10.0,
            ]);
        }
        if legend {
            obstacles.push([legend_x, top, legend_x + legend_w, top + legend_h]);
        }
        let (spots, unplaced, crowded) = place_labels(layout, &drawn, &obstacles, &priority);
        let failed = unplaced.len();
        // Spread while a label has no spot, or (columns only, twice at
        // most) while one sits over other edges; not when so many labels
        // lack room that spreading would not seat them (a dense picture of
        // thousands). Only the labels that would make this picture spread
        // count: a network's labels over other edges do not.
        let wanting = failed + if network { 0 } else { crowded };
        let hopeless = wanting > 20.max(layout.routes.len() / 10);
        if (failed == 0 && (crowded == 0 || network || scale > 1.6)) || hopeless || scale > 3.0 {
            break (rects, drawn, spots, width, height, legend_x);
        }
        if network && scale == 1.0 && failed > 0 {
            if best.as_ref().is_none_or(|(f, _)| failed < *f) {
                best = Some((failed, network_at.clone()));
            }
            if relayouts < NETWORK_RELAYOUTS {
                relayouts += 1;
                for &r in &unplaced {
                    stretch[r] *= 1.4;
                }
                network_at =
                    super::network::positions(layout, (MARGIN, top), &stretch, &network_at);
                continue;
            }
            // Spread the layout that left the fewest labels without a spot.
            if let Some((_, at)) = best.take() {
                network_at = at;
            }
        }
        scale *= if network { 1.15 } else { 1.3 };
    };

    let mut out = String::with_capacity(512 + layout.items.len() * 400 + layout.routes.len() * 300);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
    num(&mut out, width);
    out.push_str("\" height=\"");
    num(&mut out, height);
    out.push_str("\" viewBox=\"0 0 ");
    num(&mut out, width);
    out.push(' ');
    num(&mut out, height);
    out.push_str("\" font-family=\"");
    escape(&mut out, &font_family(settings.font));
    out.push_str("\">\n<title>");
    escape(&mut out, &diagram.title);
    out.push_str("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    if !title_lines.is_empty() {
        let cy = MARGIN + (title_lines.len() as f64 * (TITLE_SIZE + 6.0)) / 2.0 - 4.0;
        out.push_str("<g class=\"title\" font-weight=\"bold\">\n");
        text_block(
            &mut out,
            &title_lines,
            width / 2.0,
            cy,
            TITLE_SIZE,
            TITLE_SIZE + 6.0,
            "middle",
            "#111827",
        );
        out.push_str("</g>\n");
    }
    if !sub_lines.is_empty() {
        let cy = MARGIN + main_height + sub_height / 2.0 - 4.0;
        out.push_str("<g class=\"subtitle\">\n");
        text_block(
            &mut out,
            &sub_lines,
            width / 2.0,
            cy,
            SUBTITLE_SIZE,
            SUBTITLE_SIZE + 5.0,
            "middle",
            "#6B7280",
        );
        out.push_str("</g>\n");
    }

    out.push_str("<g class=\"edges\">\n");
    // Faded edges first, highlighted last, so a path is drawn on top.
    let mut routes: Vec<usize> = (0..layout.routes.len()).collect();
    routes.sort_by_key(|&r| match diagram.edges[layout.routes[r].edge].emphasis {
        Emphasis::Faded => 0,
        Emphasis::Normal => 1,
        Emphasis::Highlight => 2,
    });
    for &r in &routes {
        write_route(&mut out, diagram, &layout.routes[r], &drawn[r]);
    }
    out.push_str("</g>\n<g class=\"edge-labels\">\n");
    for &r in &routes {
        let route = &layout.routes[r];
        let Some((x, y)) = spots[r] else { continue };
        out.push_str("<g data-edge=\"");
        num(&mut out, route.edge as f64);
        out.push_str("\">\n");
        edge_label(&mut out, &route.label, x, y, "middle", looks[r].text);
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for (v, item) in layout.items.iter().enumerate() {
        let Some(i) = item.node else { continue };
        let node = &diagram.nodes[i];
        let look = node_look(node.kind, node.emphasis);
        let Some([left, box_top, right, _]) = rects[v] else {
            continue;
        };
        let cy = box_top + item_height(layout, v, network) / 2.0;
        out.push_str("<g class=\"");
        out.push_str(look.class);
        match node.emphasis {
            Emphasis::Normal => {}
            Emphasis::Highlight => out.push_str(" highlight"),
            Emphasis::Faded => out.push_str(" faded"),
        }
        out.push_str("\" data-key=\"");
        escape(&mut out, &node.key);
        out.push_str("\">\n<title>");
        escape(&mut out, &node.label);
        out.push_str("</title>\n");
        node_shape(
            &mut out,
            &look,
            left,
            box_top,
            item.width,
            item_height(layout, v, network),
        );
        let weight = node.emphasis == Emphasis::Highlight;
        if weight {
            out.push_str("<g font-weight=\"bold\">\n");
        }
        let note_font = item.font * NOTE_SCALE;
        let main_h = item.lines.len() as f64 * line_height(item.font);
        let note_h = item.note.len() as f64 * line_height(note_font);
        let top_y = cy - (main_h + note_h) / 2.0;
        text_block(
            &mut out,
            &item.lines,
            (left + right) / 2.0,
            top_y + main_h / 2.0,
            item.font,
            line_height(item.font),
            "middle",
            look.text,
        );
        if weight {
            out.push_str("</g>\n");
        }
        if !item.note.is_empty() {
            text_block(
                &mut out,
                &item.note,
                (left + right) / 2.0,
                top_y + main_h + note_h / 2.0,
                note_font,
                line_height(note_font),
                "middle",
                "#6B7280",
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
    if legend {
        write_legend(&mut out, diagram, legend_x, top);
    }
    out.push_str("</svg>\n");
    out
}

/// The drawn height of a box: in the network layout boxes keep the height
/// of their text (ports go all around them).
fn item_height(layout: &Layout, v: usize, network: bool) -> f64 {
    let item = &layout.items[v];
    if network {
        item.base_height
    } else {
        item.height
    }
}
