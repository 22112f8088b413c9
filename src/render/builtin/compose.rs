//! From a laid-out diagram to the positioned [`Scene`]: the title, the
//! boxes on the page (columns or network), the line of every route and
//! its arrowhead, the spot of every label, the legend. When a label finds
//! no room the picture is spread (or a network laid out again) and
//! arranged anew.

use super::columns::{geometry, ports, shape_route};
use super::config::{
    EDGE_FONT_SIZE, EDGE_LINE_HEIGHT, Layers, MARGIN, NETWORK_RELAYOUTS, NOTE_SCALE, SUBTITLE_SIZE,
    Settings, TITLE_SIZE,
};
use super::geometry::{Drawn, Points, Rect, Step, arrow_len, head, label_size};
use super::labels::place_labels;
use super::layout::{Layout, line_height};
use super::network;
use super::scene::{
    Anchor, Area, Credit, Edge, EdgeLabel, Legend, Node, Sample, Scene, Stroke, Text,
};
use super::text::{text_width, wrap};
use crate::export::style::{EdgeLook, edge_look, kind_label, legend_entries, look_of};
use crate::export::{Diagram, Emphasis};

/// Everything the picture shows, placed.
pub(super) fn compose(diagram: &Diagram, layout: &Layout, settings: &Settings<'_>) -> Scene {
    let title = Title::new(&diagram.title);
    let legend = (settings.legend && !diagram.nodes.is_empty()).then(|| legend_size(diagram));
    let looks: Vec<EdgeLook> = layout
        .routes
        .iter()
        .map(|r| {
            let e = &diagram.edges[r.edge];
            edge_look(e.role, e.unverified, e.emphasis)
        })
        .collect();
    let network = match settings.layers {
        Layers::Network => true,
        Layers::Auto => crate::export::style::wants_network(diagram),
        _ => false,
    };
    let heads: Vec<f64> = looks.iter().map(arrow_len).collect();
    let page = Page {
        network,
        title: (title.height, title.width),
        legend,
    };
    let placed = arrange(layout, &page, &heads, &label_priority(diagram, layout));
    let top = MARGIN + title.height;
    let (heading, subheading) = title.texts(placed.width);
    Scene {
        width: placed.width,
        height: placed.height,
        font: settings.font.to_string(),
        title: diagram.title.clone(),
        heading,
        subheading,
        edges: place_edges(diagram, layout, &looks, placed.drawn, &placed.spots),
        nodes: place_nodes(diagram, layout, &placed.rects, network),
        legend: legend.map(|size| place_legend(diagram, (placed.legend_x, top), size)),
    }
}

/// The edges in drawing order, each with its line, arrowhead and label.
fn place_edges(
    diagram: &Diagram,
    layout: &Layout,
    looks: &[EdgeLook],
    mut drawn: Vec<Drawn>,
    spots: &[Option<(f64, f64)>],
) -> Vec<Edge> {
    // Faded edges first, highlighted last, so a path is drawn on top.
    let mut routes: Vec<usize> = (0..layout.routes.len()).collect();
    routes.sort_by_key(|&r| match diagram.edges[layout.routes[r].edge].emphasis {
        Emphasis::Faded => 0,
        Emphasis::Normal => 1,
        Emphasis::Highlight => 2,
    });
    routes
        .into_iter()
        .map(|r| {
            let route = &layout.routes[r];
            let look = looks[r];
            let drawn = &mut drawn[r];
            let label = spots[r].map(|(x, y)| {
                let (w, h) = label_size(&route.label);
                EdgeLabel {
                    ground: Area {
                        x: x - w / 2.0,
                        y: y - h / 2.0,
                        w,
                        h,
                    },
                    text: text(
                        route.label.clone(),
                        (x, y),
                        (EDGE_FONT_SIZE, EDGE_LINE_HEIGHT),
                        Anchor::Middle,
                        look.text,
                    ),
                }
            });
            Edge {
                edge: route.edge,
                credits: credits(diagram, &route.merged),
                stroke: Stroke {
                    look,
                    steps: std::mem::take(&mut drawn.line.steps),
                    head: head(&look, drawn.head, drawn.dir),
                },
                label,
            }
        })
        .collect()
}

/// The boxes of the nodes and their lines; `rects` from [`arrange`].
fn place_nodes(
    diagram: &Diagram,
    layout: &Layout,
    rects: &[Option<Rect>],
    network: bool,
) -> Vec<Node> {
    layout
        .items
        .iter()
        .enumerate()
        .filter_map(|(v, item)| {
            let node = &diagram.nodes[item.node?];
            let look = look_of(node);
            let [left, box_top, right, _] = rects[v]?;
            let box_height = if network {
                // Boxes keep the height of their text: ports go all
                // around them.
                item.base_height
            } else {
                item.height
            };
            let cx = (left + right) / 2.0;
            let cy = box_top + box_height / 2.0;
            let note_font = item.font * NOTE_SCALE;
            let main_h = item.lines.len() as f64 * line_height(item.font);
            let note_h = item.note.len() as f64 * line_height(note_font);
            let top_y = cy - (main_h + note_h) / 2.0;
            let note = (!item.note.is_empty()).then(|| {
                text(
                    item.note.clone(),
                    (cx, top_y + main_h + note_h / 2.0),
                    (note_font, line_height(note_font)),
                    Anchor::Middle,
                    "#6B7280",
                )
            });
            Some(Node {
                key: node.key.clone(),
                label: node.label.clone(),
                look,
                emphasis: node.emphasis,
                area: Area {
                    x: left,
                    y: box_top,
                    w: item.width,
                    h: box_height,
                },
                text: text(
                    item.lines.clone(),
                    (cx, top_y + main_h / 2.0),
                    (item.font, line_height(item.font)),
                    Anchor::Middle,
                    look.text,
                ),
                note,
            })
        })
        .collect()
}

/// Lines of text whose middle is at `cy` down, at a font size and a
/// distance between lines.
fn text(
    lines: Vec<String>,
    (x, cy): (f64, f64),
    (size, line_height): (f64, f64),
    anchor: Anchor,
    color: &'static str,
) -> Text {
    let y = cy - (lines.len() as f64 - 1.0) * line_height / 2.0 + size * 0.35;
    Text {
        lines,
        x,
        y,
        size,
        line_height,
        anchor,
        color,
    }
}

/// The title: its first line is the title; what follows a line break is a
/// subtitle, smaller and grey.
struct Title {
    lines: Vec<String>,
    sub_lines: Vec<String>,
    main_height: f64,
    sub_height: f64,
    /// Room it takes at the top, with the gap below it.
    height: f64,
    /// Its widest line.
    width: f64,
}

impl Title {
    fn new(title: &str) -> Title {
        let (main, sub) = title.split_once('\n').unwrap_or((title, ""));
        let lines = if main.trim().is_empty() {
            Vec::new()
        } else {
            wrap(main, TITLE_SIZE, 900.0)
        };
        let sub_lines = if sub.trim().is_empty() {
            Vec::new()
        } else {
            wrap(sub, SUBTITLE_SIZE, 900.0)
        };
        let main_height = lines.len() as f64 * (TITLE_SIZE + 6.0);
        let sub_height = sub_lines.len() as f64 * (SUBTITLE_SIZE + 5.0);
        let height = main_height
            + sub_height
            + if lines.is_empty() && sub_lines.is_empty() {
                0.0
            } else {
                14.0
            };
        let width = lines
            .iter()
            .map(|l| text_width(l, TITLE_SIZE) * 1.08)
            .chain(sub_lines.iter().map(|l| text_width(l, SUBTITLE_SIZE)))
            .fold(0.0, f64::max);
        Title {
            lines,
            sub_lines,
            main_height,
            sub_height,
            height,
            width,
        }
    }

    /// The title's lines and the subtitle's, centred on a page `width`
    /// wide.
    fn texts(&self, width: f64) -> (Option<Text>, Option<Text>) {
        let part = |lines: &[String], above: f64, height: f64, size: f64, gap: f64, color| {
            let cy = MARGIN + above + height / 2.0 - 4.0;
            (!lines.is_empty()).then(|| {
                let at = (width / 2.0, cy);
                text(
                    lines.to_vec(),
                    at,
                    (size, size + gap),
                    Anchor::Middle,
                    color,
                )
            })
        };
        (
            part(
                &self.lines,
                0.0,
                self.main_height,
                TITLE_SIZE,
                6.0,
                "#111827",
            ),
            part(
                &self.sub_lines,
                self.main_height,
                self.sub_height,
                SUBTITLE_SIZE,
                5.0,
                "#6B7280",
            ),
        )
    }
}

/// The credits a route draws, for its tooltip.
fn credits(diagram: &Diagram, merged: &[usize]) -> Vec<Credit> {
    merged
        .iter()
        .filter_map(|&m| {
            let e = &diagram.edges[m];
            let (from, to) = diagram.ends(e)?;
            Some(Credit {
                from: from.label.clone(),
                role: e.role.label(),
                to: to.label.clone(),
                label: e.label.clone(),
                unverified: e.unverified,
            })
        })
        .collect()
}

/// The order labels are placed in: labels of the path first, then the
/// longest: they need the most room.
fn label_priority(diagram: &Diagram, layout: &Layout) -> Vec<usize> {
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
    priority
}

/// What the arrangement leaves room for besides the graph.
struct Page {
    /// A network rather than columns.
    network: bool,
    /// The title's height and width.
    title: (f64, f64),
    /// The legend's size, when there is one.
    legend: Option<(f64, f64)>,
}

/// The graph on the page.
struct Arranged {
    /// Each item's box (`None` for slots).
    rects: Vec<Option<Rect>>,
    /// Each route's line.
    drawn: Vec<Drawn>,
    /// Each route's label centre.
    spots: Points,
    width: f64,
    height: f64,
    legend_x: f64,
}

/// Lays out the lines; when a label finds no clear spot on its edge,
/// spreads the picture (the gaps between columns, or the whole network)
/// and tries again.
fn arrange(layout: &Layout, page: &Page, heads: &[f64], priority: &[usize]) -> Arranged {
    let network = page.network;
    let (title_height, title_w) = page.title;
    let (legend_w, legend_h) = page.legend.unwrap_or((0.0, 0.0));
    let top = MARGIN + title_height;
    let mut scale = 1.0;
    // In a network, the edges of labels without a spot are lengthened and
    // the network laid out again, a few times, before the whole picture is
    // spread: only the crowded part opens up.
    let mut stretch = vec![1.0; layout.routes.len()];
    let mut relayouts = 0;
    let mut best: Option<(usize, Points)> = None;
    let mut network_at = if network {
        network::positions(layout, (MARGIN, top), &stretch, &[])
    } else {
        Vec::new()
    };
    loop {
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
            let drawn = network::lines(layout, &at, heads);
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
        let legend = page.legend.is_some();
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
        let (spots, unplaced, crowded) = place_labels(layout, &drawn, &obstacles, priority);
        let failed = unplaced.len();
        // Spread while a label has no spot, or (columns only, twice at
        // most) while one sits over other edges; not when so many labels
        // lack room that spreading would not seat them (a dense picture of
        // thousands). Only the labels that would make this picture spread
        // count: a network's labels over other edges do not.
        let wanting = failed + if network { 0 } else { crowded };
        let hopeless = wanting > 20.max(layout.routes.len() / 10);
        if (failed == 0 && (crowded == 0 || network || scale > 1.6)) || hopeless || scale > 3.0 {
            return Arranged {
                rects,
                drawn,
                spots,
                width,
                height,
                legend_x,
            };
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
                network_at = network::positions(layout, (MARGIN, top), &stretch, &network_at);
                continue;
            }
            // Spread the layout that left the fewest labels without a spot.
            if let Some((_, at)) = best.take() {
                network_at = at;
            }
        }
        scale *= if network { 1.15 } else { 1.3 };
    }
}

/// The legend's size.
fn legend_size(diagram: &Diagram) -> (f64, f64) {
    let entries = legend_entries(diagram);
    let mut w: f64 = text_width("Legend", 12.0);
    for kind in &entries.node_kinds {
        w = w.max(text_width(kind_label(*kind), 11.0) + 20.0);
    }
    for (_, label) in &entries.edges {
        w = w.max(50.0 + text_width(label, 11.0));
    }
    for (_, _, name) in &entries.clusters {
        w = w.max(text_width(name, 11.0) + 20.0);
    }
    let rows = entries.node_kinds.len() + entries.edges.len() + entries.clusters.len();
    (w + 24.0, 30.0 + rows as f64 * 24.0 + 6.0)
}

/// The legend of size `(w, h)` (from [`legend_size`]) with its top-left
/// corner at `(x, y)`: sample boxes and lines, one row each.
fn place_legend(diagram: &Diagram, (x, y): (f64, f64), (w, h): (f64, f64)) -> Legend {
    let entries = legend_entries(diagram);
    let small = (11.0, 13.0);
    let mut row_y = y + 40.0;
    let mut kinds = Vec::new();
    for (look, label) in entries.samples() {
        let bw = text_width(&label, 11.0) + 16.0;
        kinds.push(Sample {
            look,
            area: Area {
                x: x + 12.0,
                y: row_y - 9.0,
                w: bw,
                h: 18.0,
            },
            text: text(
                vec![label.to_string()],
                (x + 12.0 + bw / 2.0, row_y),
                small,
                Anchor::Middle,
                look.text,
            ),
        });
        row_y += 24.0;
    }
    let mut edges = Vec::new();
    for (look, label) in entries.edges {
        let stroke = Stroke {
            look,
            steps: vec![
                Step::Move((x + 12.0, row_y)),
                Step::Across(x + 44.0 - arrow_len(&look)),
            ],
            head: head(&look, (x + 44.0, row_y), (1.0, 0.0)),
        };
        let name = text(
            vec![label],
            (x + 52.0, row_y),
            small,
            Anchor::Start,
            "#374151",
        );
        edges.push((stroke, name));
        row_y += 24.0;
    }
    Legend {
        area: Area { x, y, w, h },
        heading: text(
            vec!["Legend".to_string()],
            (x + 12.0, y + 16.0),
            (12.0, 14.0),
            Anchor::Start,
            "#6B7280",
        ),
        kinds,
        edges,
    }
}
