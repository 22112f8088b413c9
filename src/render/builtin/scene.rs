//! The positioned scene: everything the picture shows, placed on the page,
//! as plain data. [`compose`](mod@super::compose) makes it from the layout;
//! [`svg`](super::svg) writes it out and computes nothing.
//!
//! Text is kept as it reads (the writer escapes it); positions are pixels
//! from the top-left corner of the page.

use super::geometry::{Head, Step};
use crate::export::Emphasis;
use crate::export::style::{EdgeLook, NodeLook};

/// A picture, ready to write.
pub(super) struct Scene {
    pub(super) width: f64,
    pub(super) height: f64,
    /// The font families asked for, a comma-separated list.
    pub(super) font: String,
    /// The diagram's whole title, for the picture's tooltip.
    pub(super) title: String,
    /// The first line of the title, wrapped, at the top.
    pub(super) heading: Option<Text>,
    /// What follows a line break in the title: smaller, grey.
    pub(super) subheading: Option<Text>,
    /// In drawing order: faded first, highlighted last.
    pub(super) edges: Vec<Edge>,
    pub(super) nodes: Vec<Node>,
    pub(super) legend: Option<Legend>,
}

/// A rectangle as its top-left corner and its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Area {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) w: f64,
    pub(super) h: f64,
}

/// What the x of a text is: its start or its middle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    Start,
    Middle,
}

/// Lines of text, one under the other.
pub(super) struct Text {
    pub(super) lines: Vec<String>,
    /// Where the lines start or are centred (`anchor`).
    pub(super) x: f64,
    /// The baseline of the first line.
    pub(super) y: f64,
    pub(super) size: f64,
    /// From one baseline to the next.
    pub(super) line_height: f64,
    pub(super) anchor: Anchor,
    pub(super) color: &'static str,
}

/// A line with its arrowhead, in the look of its edge.
pub(super) struct Stroke {
    pub(super) look: EdgeLook,
    pub(super) steps: Vec<Step>,
    pub(super) head: Head,
}

/// One drawn edge (a route: parallel credits merged).
pub(super) struct Edge {
    /// The diagram edge it stands for.
    pub(super) edge: usize,
    /// Every credit it draws, for its tooltip.
    pub(super) credits: Vec<Credit>,
    pub(super) stroke: Stroke,
    /// Its label, where it has one and it found a spot.
    pub(super) label: Option<EdgeLabel>,
}

/// A credit as its tooltip names it: `from — role → to (label)`.
pub(super) struct Credit {
    pub(super) from: String,
    pub(super) role: &'static str,
    pub(super) to: String,
    /// The credit's own label, or empty.
    pub(super) label: String,
    pub(super) unverified: bool,
}

/// An edge label: its text on a white ground.
pub(super) struct EdgeLabel {
    pub(super) ground: Area,
    pub(super) text: Text,
}

/// A node's box.
pub(super) struct Node {
    pub(super) key: String,
    /// The whole label, for the tooltip.
    pub(super) label: String,
    pub(super) look: NodeLook,
    /// Its class and weight: a hop of a path is bold.
    pub(super) emphasis: Emphasis,
    pub(super) area: Area,
    /// The label's lines.
    pub(super) text: Text,
    /// Smaller lines under the label, if any.
    pub(super) note: Option<Text>,
}

/// The legend: a sample box for each node kind, a sample line for each
/// edge look.
pub(super) struct Legend {
    pub(super) area: Area,
    pub(super) heading: Text,
    pub(super) kinds: Vec<Sample>,
    pub(super) edges: Vec<(Stroke, Text)>,
}

/// A sample box of the legend and its name.
pub(super) struct Sample {
    pub(super) look: NodeLook,
    pub(super) area: Area,
    pub(super) text: Text,
}
