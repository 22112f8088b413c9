//! The layered layout: the columns and their items (boxes and the slots
//! of edges that cross a column), then the vertical positions. The order
//! within columns is [`order`](mod@super::order)'s.

use std::collections::{HashMap, VecDeque};

use super::config::{
    DUMMY_GAP, EDGE_FONT_SIZE, FADED_FONT_SIZE, FONT_SIZE, HEAD_PORT_STEP, HIGHLIGHT_FONT_SIZE,
    LINE_HEIGHT, Layers, MAX_EDGE_LABEL_WIDTH, MAX_TEXT_WIDTH, NODE_GAP, NOTE_SCALE, PAD_X, PAD_Y,
    PORT_MARGIN, TAIL_PORT_STEP,
};
use super::text::{text_width, wrap};
use crate::export::style::{Shape, look_of};
use crate::export::{Diagram, Emphasis, NodeKind};

/// A box or a reserved slot in a column.
pub(super) struct Item {
    pub(super) layer: usize,
    /// The diagram node, or `None` for a slot of an edge crossing the column.
    pub(super) node: Option<usize>,
    pub(super) width: f64,
    pub(super) height: f64,
    /// The height the text needs, before the box grew to fit its ports.
    pub(super) base_height: f64,
    pub(super) lines: Vec<String>,
    /// Smaller lines under the label: a person's id where the name is shared.
    pub(super) note: Vec<String>,
    /// The font size of the lines (larger on a path, smaller for context).
    pub(super) font: f64,
    /// Whether the item is highlighted (a hop of a path): kept at the top.
    pub(super) pinned: bool,
}

/// One drawn edge: the items it passes, in column order.
pub(super) struct Route {
    /// The diagram edge whose look the route takes (the strongest of the
    /// credits merged into it).
    pub(super) edge: usize,
    /// Every diagram edge drawn by this route: parallel credits between the
    /// same two ends are one route with a combined label.
    pub(super) merged: Vec<usize>,
    pub(super) items: Vec<usize>,
    /// Whether the edge's target is `items[0]` (it runs right to left).
    pub(super) reversed: bool,
    /// Both ends in the same column.
    pub(super) same_layer: bool,
    pub(super) label: Vec<String>,
}

pub(super) struct Layout {
    pub(super) items: Vec<Item>,
    pub(super) layers: Vec<Vec<usize>>,
    pub(super) pos: Vec<usize>,
    pub(super) up: Vec<Vec<usize>>,
    pub(super) down: Vec<Vec<usize>>,
    pub(super) same: Vec<Vec<usize>>,
    pub(super) routes: Vec<Route>,
    pub(super) y: Vec<f64>,
}

pub(super) fn assign_layers(
    diagram: &Diagram,
    first: &[usize],
    layers: Layers,
    edges: &[(usize, usize, usize)],
) -> Vec<usize> {
    let n = diagram.nodes.len();
    let by_distance = match layers {
        Layers::ByKind | Layers::Network => false,
        Layers::ByDistance => true,
        Layers::Auto => diagram.has_highlight(),
    };
    let mut layer = vec![usize::MAX; n];
    if by_distance {
        let mut adj = vec![Vec::new(); n];
        for &(_, a, b) in edges {
            adj[a].push(b);
            adj[b].push(a);
        }
        let mut queue = VecDeque::new();
        for start in 0..n {
            if first[start] != start || layer[start] != usize::MAX {
                continue;
            }
            layer[start] = 0;
            queue.push_back(start);
            while let Some(v) = queue.pop_front() {
                for &w in &adj[v] {
                    if layer[w] == usize::MAX {
                        layer[w] = layer[v] + 1;
                        queue.push_back(w);
                    }
                }
            }
        }
    } else {
        // People, then groups (members point right to them, groups right
        // to their works), then works, then organisations.
        let mut used = [false; 4];
        for (i, node) in diagram.nodes.iter().enumerate() {
            if first[i] == i {
                let l = match node.kind {
                    NodeKind::Person => 0,
                    NodeKind::Group => 1,
                    NodeKind::Work(_) => 2,
                    NodeKind::Organisation => 3,
                };
                layer[i] = l;
                used[l] = true;
            }
        }
        // Close the gaps left by missing kinds.
        let mut remap = [0; 4];
        let mut next = 0;
        for l in 0..4 {
            remap[l] = next;
            if used[l] {
                next += 1;
            }
        }
        for l in layer.iter_mut().filter(|l| **l != usize::MAX) {
            *l = remap[*l];
        }
    }
    layer
}

pub(super) fn build(diagram: &Diagram, first: &[usize], layers: Layers) -> Layout {
    let n = diagram.nodes.len();
    // Valid edges, as (edge index, from, to) on first-of-key nodes.
    let edges: Vec<(usize, usize, usize)> = diagram
        .edges
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, *first.get(e.from)?, *first.get(e.to)?)))
        .collect();
    let layer = assign_layers(diagram, first, layers, &edges);
    let layer_count = layer
        .iter()
        .filter(|&&l| l != usize::MAX)
        .max()
        .map_or(0, |m| m + 1);

    let mut items = Vec::with_capacity(n);
    let mut item_of = vec![usize::MAX; n];
    for (i, node) in diagram.nodes.iter().enumerate() {
        if first[i] != i {
            continue;
        }
        let font = node_font(node.emphasis);
        // A person's second line (the id that tells two of the same name
        // apart) is drawn smaller, under the name.
        let (main, note) = match node.label.split_once('\n') {
            Some((main, note)) if node.kind == NodeKind::Person => (main, note),
            _ => (node.label.as_str(), ""),
        };
        let lines = wrap(main, font, MAX_TEXT_WIDTH);
        let note_font = font * NOTE_SCALE;
        let note: Vec<String> = if note.is_empty() {
            Vec::new()
        } else {
            wrap(note, note_font, MAX_TEXT_WIDTH)
        };
        // Highlighted labels are bold, a little wider.
        let bold = if node.emphasis == Emphasis::Highlight {
            1.08
        } else {
            1.0
        };
        let text_w = lines
            .iter()
            .map(|l| text_width(l, font) * bold)
            .chain(note.iter().map(|l| text_width(l, note_font)))
            .fold(0.0, f64::max);
        let (pad_x, pad_y) = if node.emphasis == Emphasis::Faded {
            (PAD_X * 0.75, PAD_Y * 0.6)
        } else {
            (PAD_X, PAD_Y)
        };
        let width = (text_w + 2.0 * pad_x).max(40.0).ceil();
        let extra = if look_of(node).shape == Shape::Double {
            4.0
        } else {
            0.0
        };
        let height = (lines.len().max(1) as f64 * line_height(font)
            + note.len() as f64 * line_height(note_font)
            + 2.0 * pad_y
            + extra)
            .ceil();
        item_of[i] = items.len();
        items.push(Item {
            layer: layer[i],
            node: Some(i),
            width: width + extra,
            height,
            base_height: height,
            lines,
            note,
            font,
            pinned: node.emphasis == Emphasis::Highlight,
        });
    }

    // Parallel credits between the same two ends become one route.
    let mut groups: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    let mut group_of: HashMap<(usize, usize), usize> = HashMap::new();
    for &(e, a, b) in &edges {
        let g = *group_of.entry((a, b)).or_insert_with(|| {
            groups.push((a, b, Vec::new()));
            groups.len() - 1
        });
        groups[g].2.push(e);
    }
    let strength = |e: usize| {
        let edge = &diagram.edges[e];
        let emphasis = match edge.emphasis {
            Emphasis::Highlight => 2,
            Emphasis::Normal => 1,
            Emphasis::Faded => 0,
        };
        (emphasis, !edge.unverified, std::cmp::Reverse(e))
    };

    let mut routes = Vec::with_capacity(groups.len());
    for (a, b, merged) in groups {
        let e = merged
            .iter()
            .copied()
            .max_by_key(|&e| strength(e))
            .expect("a credit");
        let (la, lb) = (layer[a], layer[b]);
        let reversed = la > lb;
        let (lo, hi) = if reversed { (b, a) } else { (a, b) };
        let (llo, lhi) = (layer[lo], layer[hi]);
        let mut chain = vec![item_of[lo]];
        for l in llo + 1..lhi {
            chain.push(items.len());
            items.push(Item {
                layer: l,
                node: None,
                width: 0.0,
                height: 2.0,
                base_height: 2.0,
                lines: Vec::new(),
                note: Vec::new(),
                font: FONT_SIZE,
                pinned: diagram.edges[e].emphasis == Emphasis::Highlight,
            });
        }
        chain.push(item_of[hi]);
        // One label for all: the distinct labels, in order.
        let mut texts: Vec<&str> = Vec::new();
        for &m in &merged {
            let t = diagram.edges[m].label.trim();
            if !t.is_empty() && !texts.contains(&t) {
                texts.push(t);
            }
        }
        let label = if texts.is_empty() {
            Vec::new()
        } else {
            wrap(&texts.join(" / "), EDGE_FONT_SIZE, MAX_EDGE_LABEL_WIDTH)
        };
        routes.push(Route {
            edge: e,
            merged,
            items: chain,
            reversed,
            same_layer: la == lb,
            label,
        });
    }

    // Every route end gets its own port on a box side: boxes grow to fit
    // them, arrowheads 10 px apart, tails 6 px.
    let layer_count_gt1 = layer_count > 1;
    let mut ports: HashMap<(usize, bool), (usize, bool)> = HashMap::new();
    for route in &routes {
        let a = route.items[0];
        let b = route.items[route.items.len() - 1];
        let (side_a, side_b) = if route.same_layer {
            let right = !(items[a].layer == 0 && layer_count_gt1);
            (right, right)
        } else {
            (true, false)
        };
        let head_at_a = route.reversed;
        for (v, side, head) in [(a, side_a, head_at_a), (b, side_b, !head_at_a)] {
            let entry = ports.entry((v, side)).or_insert((0, false));
            entry.0 += 1;
            entry.1 |= head;
        }
    }
    for (&(v, _), &(k, heads)) in &ports {
        if items[v].node.is_some() && k > 1 {
            let need = (k - 1) as f64 * port_step(heads) + 2.0 * PORT_MARGIN;
            items[v].height = items[v].height.max(need.ceil());
        }
    }

    let count = items.len();
    let mut layout = Layout {
        layers: vec![Vec::new(); layer_count],
        pos: vec![0; count],
        up: vec![Vec::new(); count],
        down: vec![Vec::new(); count],
        same: vec![Vec::new(); count],
        y: vec![0.0; count],
        routes,
        items,
    };
    for (id, item) in layout.items.iter().enumerate() {
        layout.pos[id] = layout.layers[item.layer].len();
        layout.layers[item.layer].push(id);
    }
    for route in &layout.routes {
        if route.same_layer {
            let (a, b) = (route.items[0], route.items[route.items.len() - 1]);
            if a != b {
                layout.same[a].push(b);
                layout.same[b].push(a);
            }
            continue;
        }
        for pair in route.items.windows(2) {
            layout.down[pair[0]].push(pair[1]);
            layout.up[pair[1]].push(pair[0]);
        }
    }
    layout
}

pub(super) fn gap_between(layout: &Layout, a: usize, b: usize) -> f64 {
    let (ia, ib) = (&layout.items[a], &layout.items[b]);
    let gap = if ia.node.is_some() && ib.node.is_some() {
        NODE_GAP
    } else {
        DUMMY_GAP
    };
    (ia.height + ib.height) / 2.0 + gap
}

/// Places one column as close as possible to the desired centres while
/// keeping the spacing (weighted isotonic regression, pool adjacent
/// violators).
pub(super) fn place_column(layout: &mut Layout, l: usize, desired: &[f64], weight: &[f64]) {
    let column = &layout.layers[l];
    let k = column.len();
    if k == 0 {
        return;
    }
    let mut offset = vec![0.0; k];
    for i in 1..k {
        offset[i] = offset[i - 1] + gap_between(layout, column[i - 1], column[i]);
    }
    // Blocks of (total weight, weighted sum, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(k);
    for i in 0..k {
        let target = desired[i] - offset[i];
        blocks.push((weight[i], weight[i] * target, 1));
        while blocks.len() > 1 {
            let (w2, s2, c2) = blocks[blocks.len() - 1];
            let (w1, s1, c1) = blocks[blocks.len() - 2];
            if s1 / w1 <= s2 / w2 {
                break;
            }
            blocks.pop();
            let last = blocks.len() - 1;
            blocks[last] = (w1 + w2, s1 + s2, c1 + c2);
        }
    }
    let mut i = 0;
    let column = column.clone();
    for (w, s, c) in blocks {
        let z = s / w;
        for _ in 0..c {
            layout.y[column[i]] = z + offset[i];
            i += 1;
        }
    }
}

pub(super) fn place(layout: &mut Layout) {
    let count = layout.layers.len();
    // Start: every column stacked from the top, centred on the tallest.
    let mut heights = vec![0.0; count];
    for (l, height) in heights.iter_mut().enumerate() {
        let column = layout.layers[l].clone();
        let mut y = 0.0;
        for (i, &v) in column.iter().enumerate() {
            if i > 0 {
                y += gap_between(layout, column[i - 1], v);
            }
            layout.y[v] = y;
        }
        *height = y;
    }
    let tallest = heights.iter().cloned().fold(0.0, f64::max);
    for (l, height) in heights.iter().enumerate() {
        let shift = (tallest - height) / 2.0;
        for &v in &layout.layers[l] {
            layout.y[v] += shift;
        }
    }
    let weight_of = |layout: &Layout, v: usize| {
        if layout.items[v].node.is_none() {
            3.0
        } else {
            1.0
        }
    };
    for round in 0..8 {
        let both = round >= 6;
        let downward = round % 2 == 0;
        let sequence: Vec<usize> = if downward {
            (0..count).collect()
        } else {
            (0..count).rev().collect()
        };
        for l in sequence {
            let column = layout.layers[l].clone();
            let mut desired = Vec::with_capacity(column.len());
            let mut weight = Vec::with_capacity(column.len());
            for &v in &column {
                let mut sum = 0.0;
                let mut n = 0usize;
                let sides: [&Vec<usize>; 2] = [&layout.up[v], &layout.down[v]];
                for (s, side) in sides.iter().enumerate() {
                    let wanted = both || (s == 0) == downward;
                    if wanted {
                        for &w in side.iter() {
                            sum += layout.y[w];
                            n += 1;
                        }
                    }
                }
                if n == 0 {
                    for &w in &layout.same[v] {
                        sum += layout.y[w];
                        n += 1;
                    }
                }
                if layout.items[v].pinned {
                    desired.push(40.0);
                    weight.push(1e4);
                    continue;
                }
                desired.push(if n == 0 { layout.y[v] } else { sum / n as f64 });
                weight.push(weight_of(layout, v) * (1.0 + n as f64).sqrt());
            }
            place_column(layout, l, &desired, &weight);
        }
    }
    // Move to the origin: top of the highest box at 0.
    let top = layout
        .items
        .iter()
        .enumerate()
        .map(|(v, item)| layout.y[v] - item.height / 2.0)
        .fold(f64::INFINITY, f64::min);
    if top.is_finite() {
        for y in layout.y.iter_mut() {
            *y -= top;
        }
    }
}

/// The font size of a node's label: larger on a path, smaller for context.
pub(super) fn node_font(emphasis: Emphasis) -> f64 {
    match emphasis {
        Emphasis::Normal => FONT_SIZE,
        Emphasis::Highlight => HIGHLIGHT_FONT_SIZE,
        Emphasis::Faded => FADED_FONT_SIZE,
    }
}

/// The distance between the lines of a label at a font size.
pub(super) fn line_height(font: f64) -> f64 {
    (font * LINE_HEIGHT / FONT_SIZE).round()
}

/// The distance between two ports on one box side: arrowheads need room.
pub(super) fn port_step(heads: bool) -> f64 {
    if heads {
        HEAD_PORT_STEP
    } else {
        TAIL_PORT_STEP
    }
}
