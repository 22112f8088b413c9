//! The questions an [`Explorer`](crate::Explorer) answers, one file each.
//! Everything public here is re-exported at the crate root.

pub(crate) mod all_paths;
pub(crate) mod centrality;
pub(crate) mod centre;
pub(crate) mod components;
pub(crate) mod costars;
pub(crate) mod distance;
pub(crate) mod graph;
pub(crate) mod introduce;
pub(crate) mod neighbourhood;
pub(crate) mod path;
pub(crate) mod projection;
pub(crate) mod traverse;
pub(crate) mod works;

pub use all_paths::{AllPathsOptions, AllShortestPaths};
pub use centrality::{
    ApproxBetweenness, BetweennessOptions, Centrality, Measure, PersonCentrality,
};
pub use centre::{CentreOptions, CentreProgress, CentreRun, CentreTop, Diameter, PersonCentre};
pub use components::{Component, Components};
pub use costars::{CoAppearances, CoStar, Credited, SharedWork};
pub use distance::{CentreEntry, CentreRanking, Distances};
pub use introduce::{Introduction, Recommendation};
pub use neighbourhood::NeighbourhoodOptions;
pub use path::{Path, Step};
pub use projection::Projection;
