//! The geometry every stage shares: rectangles, the lines of routes (their
//! steps and the points along them), arrowheads and the size of an edge
//! label.

use super::config::{EDGE_FONT_SIZE, EDGE_LINE_HEIGHT};
use super::text::text_width;
use crate::export::style::{Arrow, EdgeLook};

/// A rectangle as (left, top, right, bottom).
pub(super) type Rect = [f64; 4];

/// A point for each item or route, where it has one (box centres, label
/// centres).
pub(super) type Points = Vec<Option<(f64, f64)>>;

/// The size of an edge label's ground: its widest line and its lines, with
/// a little room around them.
pub(super) fn label_size(lines: &[String]) -> (f64, f64) {
    let w = lines
        .iter()
        .map(|l| text_width(l, EDGE_FONT_SIZE))
        .fold(0.0, f64::max);
    (w + 8.0, lines.len() as f64 * EDGE_LINE_HEIGHT + 4.0)
}

/// One step of a line, as an SVG path takes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Step {
    /// Start at a point (`M`).
    Move((f64, f64)),
    /// Straight across to an x, at the same y (`H`).
    Across(f64),
    /// A cubic curve: two control points, then the end (`C`).
    Curve([(f64, f64); 3]),
}

/// A line's steps and the points along it, built together so that label
/// placement sees the same line that is drawn.
#[derive(Default)]
pub(super) struct Line {
    /// What is drawn.
    pub(super) steps: Vec<Step>,
    /// Points along the line, a few pixels apart.
    pub(super) points: Vec<(f64, f64)>,
    /// Each cubic segment, as (start, control, control, end).
    pub(super) curves: Vec<[(f64, f64); 4]>,
    at: (f64, f64),
}

impl Line {
    pub(super) fn move_to(&mut self, x: f64, y: f64) {
        self.steps.push(Step::Move((x, y)));
        self.at = (x, y);
        self.points.push((x, y));
    }
    pub(super) fn h(&mut self, x: f64) {
        let (x0, y) = self.at;
        if (x - x0).abs() < 0.05 {
            return;
        }
        self.steps.push(Step::Across(x));
        let steps = ((x - x0).abs() / 4.0).ceil().max(1.0) as usize;
        for s in 1..=steps {
            self.points
                .push((x0 + (x - x0) * s as f64 / steps as f64, y));
        }
        self.at = (x, y);
    }
    pub(super) fn c(&mut self, c1: (f64, f64), c2: (f64, f64), to: (f64, f64)) {
        self.steps.push(Step::Curve([c1, c2, to]));
        let from = self.at;
        let curve = [from, c1, c2, to];
        // About one point every 3 px along the control polygon.
        let d = |a: (f64, f64), b: (f64, f64)| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        let steps = ((d(from, c1) + d(c1, c2) + d(c2, to)) / 3.0)
            .ceil()
            .clamp(16.0, 300.0) as usize;
        for s in 1..=steps {
            self.points.push(bezier(&curve, s as f64 / steps as f64));
        }
        self.curves.push(curve);
        self.at = to;
    }
}

/// The point at `t` (0 to 1) along a cubic curve.
pub(super) fn bezier(c: &[(f64, f64); 4], t: f64) -> (f64, f64) {
    let u = 1.0 - t;
    let f = |a: f64, b: f64, cc: f64, d: f64| {
        u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * cc + t * t * t * d
    };
    (
        f(c[0].0, c[1].0, c[2].0, c[3].0),
        f(c[0].1, c[1].1, c[2].1, c[3].1),
    )
}

/// The drawn shape of a route: its line and where its arrowhead goes.
pub(super) struct Drawn {
    pub(super) line: Line,
    /// Where the arrowhead's tip is.
    pub(super) head: (f64, f64),
    /// The direction the head points, a unit vector.
    pub(super) dir: (f64, f64),
}

/// An arrowhead, placed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Head {
    /// A bar across the end of the line (a ban): its two ends.
    Bar([(f64, f64); 2]),
    /// A triangle: its tip, then the two corners of its base.
    Triangle([(f64, f64); 3]),
}

/// How far back from its tip an arrowhead reaches: where the line stops.
pub(super) fn arrow_len(look: &EdgeLook) -> f64 {
    match look.arrow {
        Arrow::Tee => 2.0,
        _ => 7.0 + look.width,
    }
}

/// The arrowhead of a line that looks like `look`, with its tip at `tip`,
/// pointing along the unit vector `u`.
pub(super) fn head(look: &EdgeLook, tip: (f64, f64), u: (f64, f64)) -> Head {
    let half = 3.0 + look.width * 0.6;
    let (nx, ny) = (-u.1, u.0);
    match look.arrow {
        Arrow::Tee => {
            let (cx, cy) = (tip.0 - u.0 * 2.0, tip.1 - u.1 * 2.0);
            Head::Bar([
                (cx + nx * (half + 1.0), cy + ny * (half + 1.0)),
                (cx - nx * (half + 1.0), cy - ny * (half + 1.0)),
            ])
        }
        Arrow::Normal | Arrow::Empty => {
            let len = arrow_len(look);
            let (bx, by) = (tip.0 - u.0 * len, tip.1 - u.1 * len);
            Head::Triangle([
                tip,
                (bx - nx * half, by - ny * half),
                (bx + nx * half, by + ny * half),
            ])
        }
    }
}
