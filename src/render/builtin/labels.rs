//! Where edge labels go: on their own line, clear of boxes and of each
//! other, away from other edges.

use std::collections::HashMap;

use super::geometry::{Drawn, Points, Rect, bezier, label_size};
use super::layout::Layout;

fn intersects(a: &Rect, b: &Rect) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Rectangles by the cells of a grid they cover, for quick overlap tests.
#[derive(Default)]
struct Rects {
    all: Vec<Rect>,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

impl Rects {
    const CELL: f64 = 64.0;

    fn cells_of(r: &Rect) -> impl Iterator<Item = (i64, i64)> {
        let c = |v: f64| (v / Rects::CELL).floor() as i64;
        let (x0, y0, x1, y1) = (c(r[0]), c(r[1]), c(r[2]), c(r[3]));
        (x0..=x1).flat_map(move |i| (y0..=y1).map(move |j| (i, j)))
    }

    fn insert(&mut self, r: Rect) {
        let id = self.all.len();
        self.all.push(r);
        for cell in Rects::cells_of(&r) {
            self.cells.entry(cell).or_default().push(id);
        }
    }

    fn hits(&self, r: &Rect) -> bool {
        Rects::cells_of(r).any(|cell| {
            self.cells
                .get(&cell)
                .is_some_and(|ids| ids.iter().any(|&id| intersects(r, &self.all[id])))
        })
    }
}

/// The points of every drawn line in cells of a grid, for quick look-ups
/// of what passes near a spot: one vector sorted by cell (cheaper to build
/// than a map of millions of points).
struct Grid {
    cell: f64,
    points: Vec<(i64, i64, RoutePoint)>,
}

/// A point of a drawn line and the route it belongs to.
type RoutePoint = (usize, (f64, f64));

impl Grid {
    fn new(drawn: &[Drawn]) -> Grid {
        let cell = 24.0;
        let key = |p: (f64, f64)| ((p.0 / cell).floor() as i64, (p.1 / cell).floor() as i64);
        let mut points: Vec<(i64, i64, RoutePoint)> = drawn
            .iter()
            .enumerate()
            .flat_map(|(r, d)| {
                d.line.points.iter().map(move |&p| {
                    let (i, j) = key(p);
                    (i, j, (r, p))
                })
            })
            .collect();
        // Stable: points of one route in one cell keep their order, so the
        // picture is the same on every run.
        points.sort_by_key(|&(i, j, (r, _))| (i, j, r));
        Grid { cell, points }
    }
    fn key(&self, p: (f64, f64)) -> (i64, i64) {
        (
            (p.0 / self.cell).floor() as i64,
            (p.1 / self.cell).floor() as i64,
        )
    }
    /// Calls `f` with every point (and its route) inside the rectangle,
    /// until `f` returns `false`.
    fn each_in(&self, r: &Rect, mut f: impl FnMut(usize, (f64, f64)) -> bool) {
        let (a, b) = (self.key((r[0], r[1])), self.key((r[2], r[3])));
        for i in a.0..=b.0 {
            // Cells (i, a.1..=b.1) are contiguous in the sorted vector.
            let start = self
                .points
                .partition_point(|&(pi, pj, _)| (pi, pj) < (i, a.1));
            for &(pi, pj, (route, p)) in &self.points[start..] {
                if pi != i || pj > b.1 {
                    break;
                }
                if p.0 >= r[0] && p.0 <= r[2] && p.1 >= r[1] && p.1 <= r[3] && !f(route, p) {
                    return;
                }
            }
        }
    }
}

/// Where each route's label goes: a point on its own line (so the label
/// sits on the edge it names), clear of nodes, the title, the legend and
/// the labels already placed, with no other edge near its centre, and as
/// few other edges under it as can be. `None` in the second value when a
/// label found no such spot (the caller widens the gaps and tries again).
pub(super) fn place_labels(
    layout: &Layout,
    drawn: &[Drawn],
    obstacles: &[Rect],
    priority: &[usize],
) -> (Points, Vec<usize>, usize) {
    let grid = Grid::new(drawn);
    // Labels that found a spot only over other edges.
    let mut crowded = 0;
    // Boxes, title, legend and the labels placed so far, by grid cell.
    let mut taken = Rects::default();
    for o in obstacles {
        taken.insert(*o);
    }
    let mut spots = vec![None; drawn.len()];
    let mut failed = Vec::new();
    // A spot on the line, as a fraction of each cubic segment.
    // Fewer spots to try when there are very many labels.
    let labelled = priority
        .iter()
        .filter(|&&r| !layout.routes[r].label.is_empty())
        .count();
    let spots_per_curve = if labelled > 300 { 9 } else { 27 };
    let ts: Vec<f64> = (0..spots_per_curve)
        .map(|k| 0.5 + if k % 2 == 0 { 1.0 } else { -1.0 } * ((k + 1) / 2) as f64 * 0.03)
        .collect();
    for &r in priority {
        let route = &layout.routes[r];
        if route.label.is_empty() {
            continue;
        }
        let (w, h) = label_size(&route.label);
        let mut best: Option<(f64, (f64, f64))> = None;
        let mut best_clear = false;
        let mut fallback: Option<(f64, (f64, f64))> = None;
        for (ci, curve) in drawn[r].line.curves.iter().enumerate() {
            for (ti, &t) in ts.iter().enumerate() {
                let c = bezier(curve, t);
                let rect = [c.0 - w / 2.0, c.1 - h / 2.0, c.0 + w / 2.0, c.1 + h / 2.0];
                let grown = [rect[0] - 2.0, rect[1] - 2.0, rect[2] + 2.0, rect[3] + 2.0];
                let blocked = taken.hits(&grown);
                // Other edges under the label, and how near its centre.
                let mut under = 0usize;
                let mut nearest = f64::INFINITY;
                let mut others = std::collections::BTreeSet::new();
                if blocked {
                    continue;
                }
                // Enough to rank a spot: stop counting past 200 points.
                grid.each_in(&rect, |other, p| {
                    if other != r {
                        under += 1;
                        others.insert(other);
                        let d = ((p.0 - c.0).powi(2) + (p.1 - c.1).powi(2)).sqrt();
                        nearest = nearest.min(d);
                    }
                    under < 200
                });
                let score =
                    others.len() as f64 * 40.0 + under as f64 + ti as f64 * 0.6 + ci as f64 * 2.0;
                let near_other = nearest < 5.0;
                if !blocked && !near_other {
                    if best.is_none_or(|(s, _)| score < s) {
                        best = Some((score, c));
                        best_clear = others.is_empty();
                    }
                } else if !blocked && fallback.is_none_or(|(s, _)| score < s) {
                    fallback = Some((score, c));
                }
            }
        }
        let chosen = match (best, fallback) {
            (Some((_, c)), _) => {
                if !best_clear {
                    crowded += 1;
                }
                Some(c)
            }
            (None, Some((_, c))) => {
                failed.push(r);
                Some(c)
            }
            (None, None) => {
                failed.push(r);
                drawn[r].line.curves.first().map(|c| bezier(c, 0.5))
            }
        };
        if let Some(c) = chosen {
            taken.insert([c.0 - w / 2.0, c.1 - h / 2.0, c.0 + w / 2.0, c.1 + h / 2.0]);
        }
        spots[r] = chosen;
    }
    (spots, failed, crowded)
}
