//! The built-in renderer: a layered layout written straight to SVG, in pure
//! Rust, so that a picture can be made on a machine without Graphviz.
//!
//! 1. Layers (columns, left to right): by kind (people, then groups, then
//!    works, then organisations) or by distance from the first node (for
//!    paths and neighbourhoods). An edge that skips a column gets a reserved
//!    slot in every column it crosses, so that it never runs through a box.
//! 2. Order within columns: a dozen rounds of the barycenter heuristic, the
//!    order with the fewest crossings kept.
//! 3. Vertical positions: each column placed as close as its spacing allows
//!    to the mean of its neighbours (isotonic regression), a few sweeps.
//! 4. Edges: horizontal stubs inside columns, cubic Béziers in the gaps
//!    between columns, edges within a column bulging into the gap beside it;
//!    labels in the gaps on a white ground.
//!
//! Text widths are estimated per character (Hangul and CJK 1 em, Latin about
//! 0.56 em), with a little slack, so that boxes fit whichever of the listed
//! fonts the viewer has.

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
    /// neighbourhood); a network for large pictures (more than 90 edges);
    /// by kind otherwise.
    #[default]
    Auto,
    /// People, then groups, then works, then organisations.
    ByKind,
    /// By the number of hops from the first node (breadth-first).
    ByDistance,
    /// No columns: a network laid out by stress majorization, one cluster
    /// per connected component, straight edges. [`Layers::Auto`] picks it
    /// for large pictures with nothing highlighted (the whole catalog).
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
pub(super) const ROUNDS: usize = 24;
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
