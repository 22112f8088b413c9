//! What the built-in renderer is told ([`Settings`], [`Layers`]) and the
//! fixed sizes every stage shares: fonts, padding, gaps, ports.

/// How the built-in renderer chooses its columns.
///
/// # Example
///
/// ```
/// use hallyu::export::{Diagram, Emphasis, NodeKind};
/// use hallyu::model::{RoleKind, WorkKind};
/// use hallyu::render::{self, Engine, Layers, RenderOptions};
///
/// // A path: IU → Palette ← G-Dragon, highlighted.
/// let mut path = Diagram::new("IU → G-Dragon");
/// let iu = path.add_node("iu", NodeKind::Person, "IU");
/// let gd = path.add_node("g-dragon", NodeKind::Person, "G-Dragon");
/// let mv = path.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette");
/// path.add_edge(iu, mv, RoleKind::Performer, "");
/// path.add_edge(gd, mv, RoleKind::Featured, "");
/// path.nodes[iu].emphasis = Emphasis::Highlight;
///
/// let builtin = RenderOptions::new().engine(Engine::Builtin);
/// // Auto picks columns by distance when something is highlighted.
/// let auto = render::render(&path, &builtin)?;
/// let by_distance = render::render(&path, &builtin.clone().layers(Layers::ByDistance))?;
/// let by_kind = render::render(&path, &builtin.layers(Layers::ByKind))?;
/// assert_eq!(auto.bytes(), by_distance.bytes());
/// assert_ne!(auto.bytes(), by_kind.bytes());
/// # Ok::<(), hallyu::Error>(())
/// ```
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
