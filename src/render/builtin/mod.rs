//! The built-in renderer: pictures written straight to SVG, in pure Rust,
//! so that a picture can be made on a machine without Graphviz.
//!
//! Parallel credits between the same two ends are first merged into one
//! route with a combined label ([`layout`]). Then one of two layouts:
//!
//! - **Columns** ([`layout`]), for paths, music videos, pairs and
//!   neighbourhoods. Layers by kind (people, groups, works, organisations)
//!   or by distance from the first node; an edge that skips a column gets a
//!   reserved slot in every column it crosses. Order within columns:
//!   components kept together, barycenter sweeps, then neighbour swaps while
//!   they remove crossings. A path's hops are pinned in one row at the top,
//!   larger; its context smaller. Vertical positions by isotonic regression
//!   towards the neighbours. Every route end gets its own port on its box
//!   side (arrowheads 10 px apart; boxes grow to fit).
//! - **Network** ([`network`]), for large plain pictures (the catalog):
//!   stress majorization per connected component on edge lengths that fit
//!   the boxes and the label, overlap removal, components packed in rows,
//!   straight edges bent around boxes in their way, ports spread around the
//!   whole outline of each box.
//!
//! Labels ([`svg`]) sit on their own edge, at the spot along it that is
//! clear of boxes, other labels, the title and the legend, with no other
//! edge near its centre and as few under it as possible; when a label finds
//! no such spot the picture is spread out and laid out again. A network
//! first lengthens the edges of such labels and is laid out again from
//! where it was (a few times), so that only its crowded part opens up;
//! the whole picture is spread only if labels still lack room.
//!
//! Text is measured by [`text`]: the font's own advances with the `png`
//! feature and a Hangul font, else a per-character estimate (Hangul and CJK
//! 1 em, Latin about 0.56 em) with a little slack.

mod layout;
mod network;
mod svg;
pub(crate) mod text;

use crate::export::{Diagram, dot};
use layout::{build, order, place};
use svg::write_svg;

/// How the built-in renderer chooses its columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layers {
    /// By distance when something is highlighted (a path, the centre of a
    /// neighbourhood); a network for large pictures (more than 90 edges,
    /// at most 400 nodes); by kind otherwise.
    #[default]
    Auto,
    /// People, then groups, then works, then organisations.
    ByKind,
    /// By the number of hops from the first node (breadth-first).
    ByDistance,
    /// No columns: a network laid out by stress majorization, one cluster
    /// per connected component, straight edges. [`Layers::Auto`] picks it
    /// for large pictures with nothing highlighted (the whole catalog). Its
    /// cost grows with the square of the nodes (the hop distances with the
    /// cube): meant for a few hundred.
    Network,
}

/// What the built-in renderer needs to know.
pub(crate) struct Settings<'a> {
    pub(crate) layers: Layers,
    pub(crate) legend: bool,
    pub(crate) font: &'a str,
}

pub(super) const FONT_SIZE: f64 = 13.0;
pub(super) const LINE_HEIGHT: f64 = 17.0;
pub(super) const PAD_X: f64 = 12.0;
pub(super) const PAD_Y: f64 = 7.0;
pub(super) const MAX_TEXT_WIDTH: f64 = 280.0;
pub(super) const MAX_EDGE_LABEL_WIDTH: f64 = 170.0;
pub(super) const EDGE_FONT_SIZE: f64 = 10.5;
pub(super) const EDGE_LINE_HEIGHT: f64 = 13.0;
pub(super) const NODE_GAP: f64 = 14.0;
pub(super) const DUMMY_GAP: f64 = 5.0;
pub(super) const MARGIN: f64 = 24.0;
pub(super) const BASE_GAP: f64 = 120.0;
pub(super) const TITLE_SIZE: f64 = 20.0;
pub(super) const SUBTITLE_SIZE: f64 = 14.0;
/// The size of a node's note (its second line) relative to its label.
pub(super) const NOTE_SCALE: f64 = 0.8;
pub(super) const ROUNDS: usize = 24;
/// How many times a network is laid out again with the edges of unplaced
/// labels lengthened, before the whole picture is spread instead.
pub(super) const NETWORK_RELAYOUTS: usize = 6;
pub(super) const HIGHLIGHT_FONT_SIZE: f64 = 15.0;
pub(super) const FADED_FONT_SIZE: f64 = 10.5;
/// Ports on a side with arrowheads: tips this far apart.
pub(super) const HEAD_PORT_STEP: f64 = 10.0;
/// Ports on a side with tails only.
pub(super) const TAIL_PORT_STEP: f64 = 6.0;
/// Room kept free at the top and bottom of a box side.
pub(super) const PORT_MARGIN: f64 = 6.0;

/// Draws the diagram as SVG; returns the text and warnings.
pub(crate) fn render(diagram: &Diagram, settings: &Settings<'_>) -> (String, Vec<String>) {
    let mut warnings = diagram.dangling_edges();
    let first = dot::first_with_key(diagram);
    for (i, &f) in first.iter().enumerate() {
        if f != i {
            warnings.push(format!(
                "node {i} has the same key as node {f} (\"{}\"); drawn once",
                diagram.nodes[i].key
            ));
        }
    }
    let mut layout = build(diagram, &first, settings.layers);
    order(&mut layout);
    place(&mut layout);
    (write_svg(diagram, &layout, settings), warnings)
}
