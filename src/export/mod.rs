//! Pictures of the graph as data: a drawing-ready [`Diagram`] and its DOT
//! export.
//!
//! A [`Diagram`] says what to draw (nodes with kinds and labels, edges with
//! roles, emphasis for paths); [`dot`] turns it into Graphviz DOT text built
//! as a graphviz-rust AST, and [`crate::render`] turns it into SVG or PNG.
//!
//! # Example
//!
//! ```
//! use hallyu::export::{dot, Diagram, NodeKind};
//! use hallyu::model::{RoleKind, WorkKind};
//!
//! let mut d = Diagram::new("Haru Haru");
//! let a = d.add_node("bigbang", NodeKind::Group, "BIGBANG (빅뱅)");
//! let b = d.add_node("haru-haru", NodeKind::Work(WorkKind::MusicVideo), "Haru Haru (2008)");
//! d.add_edge(a, b, RoleKind::Performer, "");
//!
//! let text = dot::to_dot(&d, &dot::DotOptions::new());
//! assert!(text.contains(r#""bigbang" -> "haru-haru""#));
//! assert!(text.contains(r#"label="BIGBANG (빅뱅)""#));
//! ```

pub mod csv;
pub(crate) mod diagram;
pub mod dot;
pub mod gexf;
pub mod graphml;
#[cfg(feature = "serde")]
pub mod json;
pub mod neo4j;
mod network;
pub(crate) use network::xml_label;
pub(crate) mod style;
mod terminal;
mod views;

pub use diagram::{CLUSTER_COLOURS, Diagram, DiagramEdge, DiagramNode, Emphasis, NodeKind};
pub use network::{
    Network, NetworkCredit, NetworkEdge, NetworkNode, NetworkNodeKind, NetworkWork, Shape,
};
pub use terminal::escape_controls;
pub use views::{COMMUNITY_PEOPLE, MAX_COMMUNITY_PEOPLE, MAX_VIEW_HOPS, View};
