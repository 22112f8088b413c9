//! The questions an [`Explorer`](crate::Explorer) answers, one file each.
//! Everything public here is re-exported at the crate root.

pub(crate) mod all_paths;
pub(crate) mod centrality;
pub(crate) mod components;
pub(crate) mod costars;
pub(crate) mod distance;
pub(crate) mod graph;
pub(crate) mod introduce;
pub(crate) mod neighbourhood;
pub(crate) mod path;
pub(crate) mod projection;
pub(crate) mod works;

pub use all_paths::{AllPathsOptions, AllShortestPaths};
pub use centrality::{Centrality, Measure, PersonCentrality};
pub use components::{Component, Components};
pub use costars::{CoAppearances, CoStar, Credited, SharedWork};
pub use distance::{CentreEntry, CentreRanking, Distances};
pub use introduce::{Introduction, PathRecommendation, Recommendation};
pub use neighbourhood::NeighbourhoodOptions;
pub use path::{Path, Step};
pub use projection::Projection;
