//! The network layout, for large pictures (the whole catalog): no columns;
//! each connected component laid out by stress majorization on its hop
//! distances, boxes pushed apart until none overlap, components packed in
//! rows, biggest first. Edges are straight, and their ends are spread over
//! the whole outline of a box, so that arrowheads never pile up.

use super::geometry::{Drawn, Line, Rect, label_size};
use super::layout::Layout;

/// Pixels per hop, across and down: boxes are wide, so the layout is too.
const UNIT_X: f64 = 210.0;
const UNIT_Y: f64 = 120.0;
/// Room kept between boxes.
const SEP_X: f64 = 18.0;
const SEP_Y: f64 = 16.0;
/// Room between packed components.
const COMPONENT_GAP: f64 = 60.0;
/// Arrowhead tips at least this far apart along a box outline.
const TIP_SPACING: f64 = 11.0;

/// Box centres (x, y) for the node items of `layout` (`None` for slots),
/// with the top-left corner of the whole drawing at `origin`. `stretch`
/// (one factor per route, or empty for none) lengthens the edges whose
/// label found no room, so that their part of the picture opens up;
/// `start` (centres from an earlier call, or empty) is where the layout
/// starts from, so that it changes only where it has to.
pub(super) fn positions(
    layout: &Layout,
    origin: (f64, f64),
    stretch: &[f64],
    start: &[Option<(f64, f64)>],
) -> Vec<Option<(f64, f64)>> {
    let count = layout.items.len();
    let nodes: Vec<usize> = (0..count)
        .filter(|&v| layout.items[v].node.is_some())
        .collect();
    // Each edge wants to be long enough for its two half boxes, its label
    // and some line on either side; lengths in hops of UNIT_X.
    // Each entry: (neighbour, wanted length, natural length).
    let mut adj: Vec<Vec<(usize, f64, f64)>> = vec![Vec::new(); count];
    for (r, route) in layout.routes.iter().enumerate() {
        let (a, b) = (route.items[0], route.items[route.items.len() - 1]);
        if a != b {
            let label = if route.label.is_empty() {
                0.0
            } else {
                label_size(&route.label).0 + 24.0
            };
            let px = (layout.items[a].width + layout.items[b].width) / 2.0 + 70.0 + label;
            let natural = (px / UNIT_X).max(1.0);
            let len = natural * stretch.get(r).copied().unwrap_or(1.0);
            adj[a].push((b, len, natural));
            adj[b].push((a, len, natural));
        }
    }
    // Components, biggest first (ties by first item, for determinism).
    let mut comp = vec![usize::MAX; count];
    let mut comps: Vec<Vec<usize>> = Vec::new();
    for &s in &nodes {
        if comp[s] != usize::MAX {
            continue;
        }
        let c = comps.len();
        let mut members = vec![s];
        comp[s] = c;
        let mut i = 0;
        while i < members.len() {
            let v = members[i];
            for &(w, _, _) in &adj[v] {
                if comp[w] == usize::MAX {
                    comp[w] = c;
                    members.push(w);
                }
            }
            i += 1;
        }
        comps.push(members);
    }
    comps.sort_by_key(|m| (std::cmp::Reverse(m.len()), m[0]));

    let mut pos: Vec<Option<(f64, f64)>> = vec![None; count];
    // Each component: its members, their centres, its bounding box.
    type Laid = (Vec<usize>, Vec<(f64, f64)>, Rect);
    let mut laid: Vec<Laid> = Vec::new();
    for members in &comps {
        let from: Option<Vec<(f64, f64)>> = members
            .iter()
            .map(|&v| {
                let p = start.get(v).copied().flatten()?;
                Some((p.0 / UNIT_X, p.1 / UNIT_Y))
            })
            .collect();
        let xy = stress(members, &adj, count, from);
        let mut xy: Vec<(f64, f64)> = xy.iter().map(|&(x, y)| (x * UNIT_X, y * UNIT_Y)).collect();
        let sizes: Vec<(f64, f64)> = members
            .iter()
            .map(|&v| (layout.items[v].width, layout.items[v].base_height))
            .collect();
        separate(&mut xy, &sizes);
        let mut bbox = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        for (p, s) in xy.iter().zip(&sizes) {
            bbox[0] = bbox[0].min(p.0 - s.0 / 2.0);
            bbox[1] = bbox[1].min(p.1 - s.1 / 2.0);
            bbox[2] = bbox[2].max(p.0 + s.0 / 2.0);
            bbox[3] = bbox[3].max(p.1 + s.1 / 2.0);
        }
        laid.push((members.clone(), xy, bbox));
    }
    // Pack in rows no wider than the biggest component (or 1600 px).
    let row_max = laid
        .first()
        .map_or(0.0, |(_, _, b)| b[2] - b[0])
        .max(1600.0);
    let (mut x, mut y, mut row_h) = (origin.0, origin.1, 0.0f64);
    for (members, xy, b) in &laid {
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        if x > origin.0 && x + w > origin.0 + row_max {
            x = origin.0;
            y += row_h + COMPONENT_GAP;
            row_h = 0.0;
        }
        for (&v, p) in members.iter().zip(xy) {
            pos[v] = Some((p.0 - b[0] + x, p.1 - b[1] + y));
        }
        x += w + COMPONENT_GAP;
        row_h = row_h.max(h);
    }
    pos
}

/// Stress majorization on hop distances, in hop units, from `from` when
/// given, else from a spiral; deterministic.
fn stress(
    members: &[usize],
    adj: &[Vec<(usize, f64, f64)>],
    count: usize,
    from: Option<Vec<(f64, f64)>>,
) -> Vec<(f64, f64)> {
    let n = members.len();
    if n == 1 {
        return vec![(0.0, 0.0)];
    }
    let mut local = vec![usize::MAX; count];
    for (i, &v) in members.iter().enumerate() {
        local[v] = i;
    }
    // Shortest distances along the wanted edge lengths (Dijkstra from
    // every member, on a dense array: components are small).
    let mut d = vec![vec![f64::INFINITY; n]; n];
    for (i, row) in d.iter_mut().enumerate() {
        let mut done = vec![false; n];
        row[i] = 0.0;
        for _ in 0..n {
            let Some(u) = (0..n)
                .filter(|&u| !done[u] && row[u].is_finite())
                .min_by(|&a, &b| row[a].total_cmp(&row[b]))
            else {
                break;
            };
            done[u] = true;
            for &(w, len, _) in &adj[members[u]] {
                let lw = local[w];
                if row[u] + len < row[lw] {
                    row[lw] = row[u] + len;
                }
            }
        }
    }
    // Far pairs weigh less; but an edge lengthened for its label keeps the
    // weight of its natural length, or lengthening would loosen it.
    let mut weight: Vec<Vec<f64>> = d
        .iter()
        .map(|row| row.iter().map(|&dij| 1.0 / (dij * dij)).collect())
        .collect();
    for (i, &v) in members.iter().enumerate() {
        for &(w, _, natural) in &adj[v] {
            let j = local[w];
            weight[i][j] = weight[i][j].max(1.0 / (natural * natural));
        }
    }
    // Start on a spiral in breadth-first order from the best-connected
    // member, so that neighbours start near one another.
    let hub = (0..n)
        .max_by_key(|&i| (adj[members[i]].len(), std::cmp::Reverse(i)))
        .unwrap_or(0);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| d[hub][a].total_cmp(&d[hub][b]).then(a.cmp(&b)));
    let mut xy = vec![(0.0, 0.0); n];
    for (k, &i) in order.iter().enumerate() {
        let r = (k as f64).sqrt() * 0.9;
        let a = k as f64 * 2.399_963;
        xy[i] = (r * a.cos(), r * a.sin());
    }
    if let Some(from) = from {
        xy = from;
    }
    for _ in 0..300 {
        let mut moved = 0.0;
        for i in 0..n {
            let (mut sx, mut sy, mut sw) = (0.0, 0.0, 0.0);
            for j in 0..n {
                if i == j {
                    continue;
                }
                let dij = d[i][j];
                let w = weight[i][j];
                let (dx, dy) = (xy[i].0 - xy[j].0, xy[i].1 - xy[j].1);
                let len = (dx * dx + dy * dy).sqrt().max(1e-6);
                sx += w * (xy[j].0 + dij * dx / len);
                sy += w * (xy[j].1 + dij * dy / len);
                sw += w;
            }
            let next = (sx / sw, sy / sw);
            moved += (next.0 - xy[i].0).abs() + (next.1 - xy[i].1).abs();
            xy[i] = next;
        }
        if moved < 1e-4 * n as f64 {
            break;
        }
    }
    xy
}

/// Pushes boxes apart (along the axis of least overlap) until none
/// overlap, keeping the room `SEP_X`, `SEP_Y` between them.
fn separate(xy: &mut [(f64, f64)], sizes: &[(f64, f64)]) {
    let n = xy.len();
    for _ in 0..500 {
        let mut any = false;
        for i in 0..n {
            for j in i + 1..n {
                let ox = (sizes[i].0 + sizes[j].0) / 2.0 + SEP_X - (xy[i].0 - xy[j].0).abs();
                let oy = (sizes[i].1 + sizes[j].1) / 2.0 + SEP_Y - (xy[i].1 - xy[j].1).abs();
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                any = true;
                // Move along the cheaper axis; ties broken by index.
                let (x_axis, overlap) = if ox / UNIT_X < oy / UNIT_Y {
                    (true, ox)
                } else {
                    (false, oy)
                };
                let (a, b) = (*along(&mut xy[i], x_axis), *along(&mut xy[j], x_axis));
                let s = if a < b || (a == b && i < j) {
                    -1.0
                } else {
                    1.0
                };
                *along(&mut xy[i], x_axis) += s * (overlap / 2.0 + 0.1);
                *along(&mut xy[j], x_axis) -= s * (overlap / 2.0 + 0.1);
            }
        }
        if !any {
            break;
        }
    }
}

/// A point on the outline of a box (centre `c`, size `w` × `h`) at
/// perimeter position `t` (0 at the top-left corner, clockwise).
fn outline_point(c: (f64, f64), w: f64, h: f64, t: f64) -> (f64, f64) {
    let p = 2.0 * (w + h);
    let t = t.rem_euclid(p);
    let (l, top) = (c.0 - w / 2.0, c.1 - h / 2.0);
    if t < w {
        (l + t, top)
    } else if t < w + h {
        (l + w, top + t - w)
    } else if t < 2.0 * w + h {
        (l + w - (t - w - h), top + h)
    } else {
        (l, top + h - (t - 2.0 * w - h))
    }
}

/// Where the ray from the centre towards `to` leaves the box, as a
/// perimeter position.
fn outline_at(c: (f64, f64), w: f64, h: f64, to: (f64, f64)) -> f64 {
    let (dx, dy) = (to.0 - c.0, to.1 - c.1);
    let sx = if dx.abs() < 1e-9 {
        f64::INFINITY
    } else {
        (w / 2.0) / dx.abs()
    };
    let sy = if dy.abs() < 1e-9 {
        f64::INFINITY
    } else {
        (h / 2.0) / dy.abs()
    };
    let s = sx.min(sy);
    let (x, y) = (c.0 + dx * s, c.1 + dy * s);
    let (l, top) = (c.0 - w / 2.0, c.1 - h / 2.0);
    if sy <= sx {
        if dy < 0.0 { x - l } else { w + h + (l + w - x) }
    } else if dx > 0.0 {
        w + (y - top)
    } else {
        2.0 * w + h + (top + h - y)
    }
}

/// The lines of every route: straight, from port to port, each port on
/// the outline of its box, ports of one box spread `TIP_SPACING` apart.
pub(super) fn lines(layout: &Layout, pos: &[Option<(f64, f64)>], head_len: &[f64]) -> Vec<Drawn> {
    let size = |v: usize| (layout.items[v].width, layout.items[v].base_height);
    let centre = |v: usize| pos[v].unwrap_or((0.0, 0.0));
    let boxes: Vec<Option<Rect>> = (0..layout.items.len())
        .map(|v| {
            let (x, y) = pos[v]?;
            let (w, h) = size(v);
            Some([x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0])
        })
        .collect();
    // For each box, its route ends: (perimeter position, route, end).
    let mut ends: Vec<Vec<(f64, usize, usize)>> = vec![Vec::new(); layout.items.len()];
    for (r, route) in layout.routes.iter().enumerate() {
        let (a, b) = (route.items[0], route.items[route.items.len() - 1]);
        let (wa, ha) = size(a);
        let (wb, hb) = size(b);
        ends[a].push((outline_at(centre(a), wa, ha, centre(b)), r, 0));
        ends[b].push((outline_at(centre(b), wb, hb, centre(a)), r, 1));
    }
    let mut port = vec![[(0.0, 0.0); 2]; layout.routes.len()];
    for (v, list) in ends.iter_mut().enumerate() {
        if list.is_empty() {
            continue;
        }
        let (w, h) = size(v);
        let p = 2.0 * (w + h);
        list.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let k = list.len();
        let spacing = TIP_SPACING.min(p / k as f64);
        // Relax: push neighbours (around the loop) apart until spaced.
        let mut t: Vec<f64> = list.iter().map(|e| e.0).collect();
        for _ in 0..200 {
            let mut moved = false;
            for i in 0..k {
                if k < 2 {
                    break;
                }
                let j = (i + 1) % k;
                let mut gap = t[j] - t[i];
                if j == 0 {
                    gap += p;
                }
                if gap < spacing - 1e-6 {
                    let push = (spacing - gap) / 2.0;
                    t[i] -= push;
                    t[j] += push;
                    moved = true;
                }
            }
            if !moved {
                break;
            }
        }
        for (i, &(_, r, end)) in list.iter().enumerate() {
            port[r][end] = outline_point(centre(v), w, h, t[i]);
        }
    }
    layout
        .routes
        .iter()
        .enumerate()
        .map(|(r, route)| {
            // Tail at items[0], head at the last item (or reversed).
            let (tail, tip) = if route.reversed {
                (port[r][1], port[r][0])
            } else {
                (port[r][0], port[r][1])
            };
            let (dx, dy) = (tip.0 - tail.0, tip.1 - tail.1);
            let len = (dx * dx + dy * dy).sqrt().max(1e-6);
            let (ux, uy) = (dx / len, dy / len);
            let back = head_len[r].min(len * 0.5);
            let end = (tip.0 - ux * back, tip.1 - uy * back);
            // Straight when it passes no other box, else bent to one side
            // or the other, a little more each try.
            let (a, b) = (route.items[0], route.items[route.items.len() - 1]);
            let (nx, ny) = (-uy, ux);
            let mut chosen: Option<(usize, Line, (f64, f64))> = None;
            for k in 0..25 {
                let off = if k % 2 == 0 { 1.0 } else { -1.0 } * ((k + 1) / 2) as f64 * 22.0;
                let c1 = (
                    tail.0 + (end.0 - tail.0) / 3.0 + nx * off,
                    tail.1 + (end.1 - tail.1) / 3.0 + ny * off,
                );
                let c2 = (
                    tail.0 + 2.0 * (end.0 - tail.0) / 3.0 + nx * off,
                    tail.1 + 2.0 * (end.1 - tail.1) / 3.0 + ny * off,
                );
                let mut line = Line::default();
                line.move_to(tail.0, tail.1);
                line.c(c1, c2, end);
                // Only the boxes near the curve can be in its way.
                let (mut lo, mut hi) = (
                    (f64::INFINITY, f64::INFINITY),
                    (f64::NEG_INFINITY, f64::NEG_INFINITY),
                );
                for p in [tail, c1, c2, end] {
                    lo = (lo.0.min(p.0), lo.1.min(p.1));
                    hi = (hi.0.max(p.0), hi.1.max(p.1));
                }
                let near: Vec<Rect> = boxes
                    .iter()
                    .enumerate()
                    .filter(|&(v, _)| v != a && v != b)
                    .filter_map(|(_, r)| *r)
                    .filter(|r| {
                        r[0] - 3.0 < hi.0
                            && r[2] + 3.0 > lo.0
                            && r[1] - 3.0 < hi.1
                            && r[3] + 3.0 > lo.1
                    })
                    .collect();
                let inside = line
                    .points
                    .iter()
                    .filter(|&&(px, py)| {
                        near.iter().any(|r| {
                            px > r[0] - 3.0 && px < r[2] + 3.0 && py > r[1] - 3.0 && py < r[3] + 3.0
                        })
                    })
                    .count();
                if chosen.as_ref().is_none_or(|c| inside < c.0) {
                    // The head points along the last stretch of the curve.
                    let (ex, ey) = (tip.0 - c2.0, tip.1 - c2.1);
                    let el = (ex * ex + ey * ey).sqrt().max(1e-6);
                    chosen = Some((inside, line, (ex / el, ey / el)));
                }
                if inside == 0 {
                    break;
                }
            }
            let (_, line, dir) = chosen.expect("a line");
            Drawn {
                line,
                head: tip,
                dir,
            }
        })
        .collect()
}

/// The x (`x_axis`) or the y of a point.
fn along(p: &mut (f64, f64), x_axis: bool) -> &mut f64 {
    if x_axis { &mut p.0 } else { &mut p.1 }
}
