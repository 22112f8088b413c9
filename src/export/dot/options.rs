//! [`DotOptions`] and what they choose: the [`Direction`] of the layers, the
//! [`Clusters`], the Graphviz [`Layout`] engine, the legend and the fonts.

use super::FONT_FAMILIES;
use crate::export::Diagram;
use crate::export::style::wants_network;

/// The direction in which the layers of a layout run (the DOT `rankdir`).
///
/// # Example
///
/// ```
/// use hallyu::export::dot::{to_dot, Direction, DotOptions};
/// use hallyu::export::Diagram;
///
/// assert_eq!(Direction::default(), Direction::LeftToRight);
/// let text = to_dot(&Diagram::new(""), &DotOptions::new().direction(Direction::BottomToTop));
/// assert!(text.contains(r#"rankdir="BT""#));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Direction {
    /// Left to right (`LR`): people on the left, works to their right.
    #[default]
    LeftToRight,
    /// Top to bottom (`TB`).
    TopToBottom,
    /// Right to left (`RL`).
    RightToLeft,
    /// Bottom to top (`BT`).
    BottomToTop,
}

impl Direction {
    /// The DOT `rankdir` value: `LR`, `TB`, `RL` or `BT`.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::Direction;
    ///
    /// assert_eq!(Direction::LeftToRight.rankdir(), "LR");
    /// assert_eq!(Direction::TopToBottom.rankdir(), "TB");
    /// ```
    pub fn rankdir(self) -> &'static str {
        match self {
            Direction::LeftToRight => "LR",
            Direction::TopToBottom => "TB",
            Direction::RightToLeft => "RL",
            Direction::BottomToTop => "BT",
        }
    }
}

/// Which nodes are boxed together in clusters.
///
/// # Example
///
/// ```
/// use hallyu::export::dot::{to_dot, Clusters, DotOptions};
/// use hallyu::export::{Diagram, NodeKind};
/// use hallyu::model::{RoleKind, WorkKind};
///
/// let mut d = Diagram::new("");
/// let p = d.add_node("iu", NodeKind::Person, "IU");
/// let w = d.add_node("palette", NodeKind::Work(WorkKind::MusicVideo), "Palette");
/// d.add_edge(p, w, RoleKind::Performer, "");
/// let plain = DotOptions::new().legend(false);
/// assert!(!to_dot(&d, &plain).contains("subgraph"));
/// let text = to_dot(&d, &plain.clusters(Clusters::ByWorkKind));
/// assert!(text.contains("subgraph"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Clusters {
    /// No clusters (the default: clusters often make a credit graph harder to
    /// read, as edges loop around them).
    #[default]
    None,
    /// Each group with its members (people linked to it by a membership; a
    /// person in several groups goes with the first).
    ByGroup,
    /// Works by kind: music videos together, dramas together, …
    ByWorkKind,
}

/// The Graphviz layout program the DOT text is meant for (the `layout` graph
/// attribute); also the program [`crate::render`] runs.
///
/// # Example
///
/// ```
/// use hallyu::export::dot::{to_dot, DotOptions, Layout};
/// use hallyu::export::Diagram;
///
/// let text = to_dot(&Diagram::new(""), &DotOptions::new().layout(Layout::Neato));
/// assert!(text.contains(r#"layout="neato""#) && text.contains(r#"overlap="prism""#));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// Chosen per diagram by [`Layout::for_diagram`]: `neato` for large
    /// pictures with nothing highlighted (more than 90 credits and at most
    /// 400 nodes: the whole catalog), `dot` for the rest (paths, music
    /// videos, pairs, and very large pictures).
    #[default]
    Auto,
    /// `dot`: layered, best for bipartite credit graphs and paths.
    Dot,
    /// `neato`: stress model, best for networks of co-stars; written with
    /// `overlap=prism` so that boxes never overlap.
    Neato,
}

impl Layout {
    /// The name of the layout program: `dot` or `neato` (`dot` for
    /// [`Layout::Auto`]; see [`Layout::for_diagram`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::Layout;
    ///
    /// assert_eq!(Layout::Neato.name(), "neato");
    /// assert_eq!(Layout::Auto.name(), "dot");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Layout::Auto | Layout::Dot => "dot",
            Layout::Neato => "neato",
        }
    }

    /// The layout a diagram is drawn with: [`Layout::Auto`] resolved, the
    /// others as they are.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::Layout;
    /// use hallyu::export::{Diagram, NodeKind};
    ///
    /// let d = Diagram::new("small");
    /// assert_eq!(Layout::Auto.for_diagram(&d), Layout::Dot);
    /// assert_eq!(Layout::Neato.for_diagram(&d), Layout::Neato);
    /// ```
    pub fn for_diagram(self, diagram: &Diagram) -> Layout {
        match self {
            Layout::Auto if wants_network(diagram) => Layout::Neato,
            Layout::Auto => Layout::Dot,
            other => other,
        }
    }
}

/// How to write a [`Diagram`] as DOT.
///
/// Defaults: left to right, no clusters, a legend, the layout chosen per
/// diagram ([`Layout::Auto`]), the font list [`FONT_FAMILIES`].
///
/// # Example
///
/// ```
/// use hallyu::export::dot::{Clusters, DotOptions, Layout};
///
/// let options = DotOptions::new().clusters(Clusters::ByWorkKind).layout(Layout::Neato);
/// assert_eq!(options.get_layout(), Layout::Neato);
/// assert!(options.get_legend());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DotOptions {
    pub(super) direction: Direction,
    pub(super) clusters: Clusters,
    pub(super) legend: bool,
    pub(super) layout: Layout,
    pub(super) font: String,
}

impl Default for DotOptions {
    fn default() -> DotOptions {
        DotOptions::new()
    }
}

impl DotOptions {
    /// The default options.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::{Clusters, Direction, DotOptions, Layout};
    ///
    /// let options = DotOptions::new();
    /// assert_eq!(options, DotOptions::default());
    /// assert_eq!(options.get_direction(), Direction::LeftToRight);
    /// assert_eq!(options.get_clusters(), Clusters::None);
    /// assert_eq!(options.get_layout(), Layout::Auto);
    /// ```
    pub fn new() -> DotOptions {
        DotOptions {
            direction: Direction::LeftToRight,
            clusters: Clusters::None,
            legend: true,
            layout: Layout::Auto,
            font: FONT_FAMILIES.to_string(),
        }
    }

    /// Sets the direction of the layers.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::{to_dot, Direction, DotOptions};
    /// use hallyu::export::Diagram;
    ///
    /// let options = DotOptions::new().direction(Direction::RightToLeft);
    /// assert!(to_dot(&Diagram::new(""), &options).contains(r#"rankdir="RL""#));
    /// ```
    pub fn direction(mut self, direction: Direction) -> DotOptions {
        self.direction = direction;
        self
    }

    /// Sets which nodes are boxed in clusters.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::{Clusters, DotOptions};
    ///
    /// let options = DotOptions::new().clusters(Clusters::ByGroup);
    /// assert_eq!(options.get_clusters(), Clusters::ByGroup);
    /// ```
    pub fn clusters(mut self, clusters: Clusters) -> DotOptions {
        self.clusters = clusters;
        self
    }

    /// Draws a legend (`true`, the default) or not.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::{to_dot, DotOptions};
    /// use hallyu::export::{Diagram, NodeKind};
    ///
    /// let mut d = Diagram::new("");
    /// d.add_node("iu", NodeKind::Person, "IU");
    /// assert!(to_dot(&d, &DotOptions::new()).contains("cluster_legend"));
    /// assert!(!to_dot(&d, &DotOptions::new().legend(false)).contains("cluster_legend"));
    /// ```
    pub fn legend(mut self, yes: bool) -> DotOptions {
        self.legend = yes;
        self
    }

    /// Sets the layout program the text is meant for.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::{to_dot, DotOptions, Layout};
    /// use hallyu::export::Diagram;
    ///
    /// let options = DotOptions::new().layout(Layout::Dot);
    /// assert!(to_dot(&Diagram::new(""), &options).contains(r#"layout="dot""#));
    /// ```
    pub fn layout(mut self, layout: Layout) -> DotOptions {
        self.layout = layout;
        self
    }

    /// Sets the font list (comma-separated families, best first).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::{to_dot, DotOptions};
    /// use hallyu::export::Diagram;
    ///
    /// let options = DotOptions::new().font("Noto Sans KR");
    /// assert!(to_dot(&Diagram::new(""), &options).contains(r#"fontname="Noto Sans KR""#));
    /// ```
    pub fn font(mut self, families: impl Into<String>) -> DotOptions {
        self.font = families.into();
        self
    }

    /// The direction of the layers, as [`DotOptions::direction`] set it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::{Direction, DotOptions};
    ///
    /// let options = DotOptions::new().direction(Direction::TopToBottom);
    /// assert_eq!(options.get_direction(), Direction::TopToBottom);
    /// ```
    pub fn get_direction(&self) -> Direction {
        self.direction
    }

    /// Which nodes are boxed in clusters, as [`DotOptions::clusters`] set it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::{Clusters, DotOptions};
    ///
    /// assert_eq!(DotOptions::new().get_clusters(), Clusters::None);
    /// ```
    pub fn get_clusters(&self) -> Clusters {
        self.clusters
    }

    /// Whether a legend is drawn, as [`DotOptions::legend`] set it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::DotOptions;
    ///
    /// assert!(DotOptions::new().get_legend());
    /// assert!(!DotOptions::new().legend(false).get_legend());
    /// ```
    pub fn get_legend(&self) -> bool {
        self.legend
    }

    /// The layout program the text is meant for, as [`DotOptions::layout`]
    /// set it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::{DotOptions, Layout};
    ///
    /// assert_eq!(DotOptions::new().get_layout(), Layout::Auto);
    /// ```
    pub fn get_layout(&self) -> Layout {
        self.layout
    }

    /// The font list, as [`DotOptions::font`] set it.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::export::dot::{DotOptions, FONT_FAMILIES};
    ///
    /// assert_eq!(DotOptions::new().get_font(), FONT_FAMILIES);
    /// assert_eq!(DotOptions::new().font("Noto Sans KR").get_font(), "Noto Sans KR");
    /// ```
    pub fn get_font(&self) -> &str {
        &self.font
    }
}
