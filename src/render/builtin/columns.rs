//! Where the boxes of the columns layout stand on the page, where each
//! route meets its boxes (ports) and the line each route takes.

use std::collections::HashMap;

use super::config::{BASE_GAP, MARGIN, PORT_MARGIN};
use super::geometry::{Drawn, Line, label_size};
use super::layout::{Layout, Route, port_step};

/// The columns on the page.
pub(super) struct Geometry {
    /// The left x of each column.
    pub(super) col_x: Vec<f64>,
    /// The width of each column: its widest box.
    pub(super) col_w: Vec<f64>,
    /// Where the last column and its loops end.
    pub(super) right_edge: f64,
    /// The y of the layout's 0: below the margin and the title.
    pub(super) top: f64,
    /// How far down the lowest box reaches, from `top`.
    pub(super) height: f64,
}

/// How far a loop between two boxes of one column swings out.
fn bulge(dy: f64) -> f64 {
    16.0 + (dy.abs() * 0.08).min(34.0)
}

/// Where the columns go: each as wide as its widest box, the gaps wide
/// enough for their labels and loops (and for their crowding), all
/// `gap_scale` times wider when labels lacked room.
pub(super) fn geometry(layout: &Layout, title_height: f64, gap_scale: f64) -> Geometry {
    let count = layout.layers.len();
    let mut col_w = vec![0.0f64; count];
    for item in &layout.items {
        col_w[item.layer] = col_w[item.layer].max(item.width);
    }
    // What each gap has to hold: labels and bulges.
    let mut gap_need = vec![0.0f64; count];
    // Busy gaps get wider, so that crowded curves stay readable.
    let mut segments = vec![0usize; count];
    for route in &layout.routes {
        if !route.same_layer {
            for &v in &route.items[..route.items.len() - 1] {
                segments[layout.items[v].layer] += 1;
            }
        }
    }
    let mut left_bulge = 0.0f64;
    for route in &layout.routes {
        let first = route.items[0];
        let l = layout.items[first].layer;
        let last = route.items[route.items.len() - 1];
        let (lw, _) = if route.label.is_empty() {
            (0.0, 0.0)
        } else {
            label_size(&route.label)
        };
        if route.same_layer {
            let b = bulge(layout.y[first] - layout.y[last]);
            let need = b + if lw > 0.0 { lw + 8.0 } else { 0.0 };
            if l == 0 && count > 1 {
                left_bulge = left_bulge.max(need);
            } else {
                gap_need[l] = gap_need[l].max(need + 8.0);
            }
        } else {
            gap_need[l] = gap_need[l].max(lw + 40.0);
        }
    }
    let mut col_x = vec![0.0; count];
    let mut x = MARGIN + left_bulge;
    for l in 0..count {
        col_x[l] = x;
        x += col_w[l];
        if l + 1 < count {
            let busy = BASE_GAP + ((segments[l] as f64).sqrt() * 8.0).min(120.0);
            x += busy.max(gap_need[l] + 20.0) * gap_scale;
        } else {
            x += gap_need[l];
        }
    }
    let height = layout
        .items
        .iter()
        .enumerate()
        .map(|(v, item)| layout.y[v] + item.height / 2.0)
        .fold(0.0, f64::max);
    Geometry {
        col_x,
        col_w,
        right_edge: x,
        top: MARGIN + title_height,
        height,
    }
}

impl Geometry {
    fn cx(&self, layout: &Layout, v: usize) -> f64 {
        let l = layout.items[v].layer;
        self.col_x[l] + self.col_w[l] / 2.0
    }
    /// Left and right x of an item where edges attach: the box sides, or the
    /// column sides for a slot.
    pub(super) fn sides(&self, layout: &Layout, v: usize) -> (f64, f64) {
        let item = &layout.items[v];
        let l = item.layer;
        if item.node.is_none() {
            return (self.col_x[l], self.col_x[l] + self.col_w[l]);
        }
        let cx = self.cx(layout, v);
        (cx - item.width / 2.0, cx + item.width / 2.0)
    }
    pub(super) fn y(&self, layout: &Layout, v: usize) -> f64 {
        self.top + layout.y[v]
    }
}

/// A route end on a box side: the y it heads to, the route, which end.
type Attachment = (f64, usize, usize);

/// Which end of a route (0: `items[0]`, 1: the last item) has the arrowhead.
fn head_end(route: &Route) -> usize {
    if route.reversed { 0 } else { 1 }
}

/// Attachment points: every route end on a box side gets its own y, sorted
/// by where the route goes, spread over the middle of the side.
pub(super) fn ports(layout: &Layout, geo: &Geometry) -> Vec<[f64; 2]> {
    // For each route, the y at items[0] and at items[last].
    let mut ends: Vec<[f64; 2]> = vec![[0.0; 2]; layout.routes.len()];
    // (item, side) -> list of (sort key, route, which end)
    let mut attach: HashMap<(usize, bool), Vec<Attachment>> = HashMap::new();
    let count = layout.layers.len();
    for (r, route) in layout.routes.iter().enumerate() {
        let a = route.items[0];
        let b = route.items[route.items.len() - 1];
        // Each end: its side, and the item its sort key looks towards.
        let sides = if route.same_layer {
            let right = !(layout.items[a].layer == 0 && count > 1);
            [(a, right, b), (b, right, a)]
        } else {
            let next = route.items[1];
            let prev = route.items[route.items.len() - 2];
            [(a, true, next), (b, false, prev)]
        };
        for (end, (item, side, towards)) in sides.into_iter().enumerate() {
            attach
                .entry((item, side))
                .or_default()
                .push((geo.y(layout, towards), r, end));
        }
    }
    let mut keys: Vec<(usize, bool)> = attach.keys().copied().collect();
    keys.sort_unstable();
    for key in keys {
        let Some(list) = attach.get_mut(&key) else {
            continue;
        };
        list.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let v = key.0;
        let cy = geo.y(layout, v);
        let k = list.len();
        let h = layout.items[v].height;
        let heads = list
            .iter()
            .any(|&(_, r, end)| head_end(&layout.routes[r]) == end);
        let step = if k > 1 && layout.items[v].node.is_some() {
            // As wide as the side allows, up to 12 px, never below the
            // minimum the box was sized for.
            ((h - 2.0 * PORT_MARGIN).max(0.0) / (k - 1) as f64)
                .clamp(port_step(heads), 12.0f64.max(port_step(heads)))
        } else {
            0.0
        };
        for (i, &(_, r, end)) in list.iter().enumerate() {
            ends[r][end] = cy + (i as f64 - (k - 1) as f64 / 2.0) * step;
        }
    }
    ends
}

/// The line of a route, from its ports.
pub(super) fn shape_route(
    layout: &Layout,
    geo: &Geometry,
    route: &Route,
    ends: [f64; 2],
    head_len: f64,
) -> Drawn {
    let a = route.items[0];
    let b = route.items[route.items.len() - 1];
    let mut line = Line::default();
    if route.same_layer {
        let l = layout.items[a].layer;
        let right = !(l == 0 && layout.layers.len() > 1);
        let (ya, yb) = (ends[0], ends[1]);
        let (xa, xb, col_edge, dir) = if right {
            let edge_x = geo.col_x[l] + geo.col_w[l];
            (geo.sides(layout, a).1, geo.sides(layout, b).1, edge_x, 1.0)
        } else {
            (
                geo.sides(layout, a).0,
                geo.sides(layout, b).0,
                geo.col_x[l],
                -1.0,
            )
        };
        let bx = col_edge + dir * bulge(ya - yb);
        let (ya, yb) = if a == b {
            (ya - 5.0, yb + 5.0)
        } else {
            (ya, yb)
        };
        let head_at_b = !route.reversed;
        let xb_end = if head_at_b { xb + dir * head_len } else { xb };
        let xa_start = if head_at_b { xa } else { xa + dir * head_len };
        line.move_to(xa_start, ya);
        line.h(col_edge);
        line.c((bx, ya), (bx, yb), (col_edge, yb));
        line.h(xb_end);
        let head = if head_at_b { (xb, yb) } else { (xa, ya) };
        return Drawn {
            line,
            head,
            dir: (-dir, 0.0),
        };
    }
    let start_x = geo.sides(layout, a).1 + if route.reversed { head_len } else { 0.0 };
    line.move_to(start_x, ends[0]);
    let k = route.items.len();
    for j in 0..k - 1 {
        let (p, q) = (route.items[j], route.items[j + 1]);
        let lp = layout.items[p].layer;
        let col_right = geo.col_x[lp] + geo.col_w[lp];
        let col_left_q = geo.col_x[layout.items[q].layer];
        let yp = if j == 0 { ends[0] } else { geo.y(layout, p) };
        let yq = if j + 1 == k - 1 {
            ends[1]
        } else {
            geo.y(layout, q)
        };
        line.h(col_right);
        let mid = (col_right + col_left_q) / 2.0;
        line.c((mid, yp), (mid, yq), (col_left_q, yq));
        if j + 1 < k - 1 {
            // Through the reserved slot.
            line.h(geo.sides(layout, q).1);
        }
    }
    let end_x = geo.sides(layout, b).0 - if route.reversed { 0.0 } else { head_len };
    line.h(end_x);
    let (head, dir) = if route.reversed {
        ((geo.sides(layout, a).1, ends[0]), -1.0)
    } else {
        ((geo.sides(layout, b).0, ends[1]), 1.0)
    };
    Drawn {
        line,
        head,
        dir: (dir, 0.0),
    }
}
