//! The built-in renderer: pictures written straight to SVG, in pure Rust,
//! so that a picture can be made on a machine without Graphviz.
//!
//! Parallel credits between the same two ends are first merged into one
//! route with a combined label ([`layout`]). Then one of two layouts:
//!
//! - **Columns** ([`layout`]), for paths, music videos, pairs and
//!   neighbourhoods. Layers by kind (people, groups, works, organisations)
//!   or by distance from the first node; an edge that skips a column gets a
//!   reserved slot in every column it crosses. Order within columns
//!   ([`order`](mod@order)): components kept together, barycenter
//!   sweeps, then neighbour swaps while they remove crossings. A path's
//!   hops are pinned in one row at the top, larger; its context smaller.
//!   Vertical positions by isotonic regression towards the neighbours
//!   ([`layout`]).
//!   Every route end gets its own port on its box side (arrowheads 10 px
//!   apart; boxes grow to fit; [`columns`]).
//! - **Network** ([`network`]), for large plain pictures (the catalog):
//!   stress majorization per connected component on edge lengths that fit
//!   the boxes and the label, overlap removal, components packed in rows,
//!   straight edges bent around boxes in their way, ports spread around the
//!   whole outline of each box.
//!
//! Labels ([`labels`]) sit on their own edge, at the spot along it that is
//! clear of boxes, other labels, the title and the legend, with no other
//! edge near its centre and as few under it as possible; when a label finds
//! no such spot the picture is spread out and laid out again. A network
//! first lengthens the edges of such labels and is laid out again from
//! where it was (a few times), so that only its crowded part opens up;
//! the whole picture is spread only if labels still lack room.
//!
//! The stages, each handing one thing to the next: [`layout`] builds the
//! columns, [`order`](mod@order) orders them, [`layout`] places them (a
//! [`Layout`](layout::Layout)); [`compose`](mod@compose) puts the boxes on
//! the page ([`columns`] or [`network`]), shapes every route and its
//! arrowhead, places the labels and the legend (a [`Scene`](scene::Scene),
//! plain data); [`svg`] writes the scene out and computes nothing. Shapes
//! the stages share (rectangles, lines, arrowheads, label sizes) are in
//! [`geometry`]; sizes and settings in [`config`].
//!
//! Text is measured by [`text`]: the font's own advances with the `png`
//! feature and a Hangul font, else a per-character estimate (Hangul and CJK
//! 1 em, Latin about 0.56 em) with a little slack.

mod columns;
mod compose;
mod config;
mod geometry;
mod labels;
mod layout;
mod network;
mod order;
mod scene;
mod svg;
pub(crate) mod text;

use crate::export::{Diagram, dot};
use compose::compose;
pub use config::Layers;
pub(crate) use config::Settings;
use layout::{build, place};
use order::order;
use svg::write_svg;

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
    let scene = compose(diagram, &layout, settings);
    (write_svg(&scene), warnings)
}
