//! The questions an [`Explorer`](crate::Explorer) answers, one file each,
//! and their answers: the types the queries return and the options they
//! take.
//!
//! # Conventions
//!
//! Every query is a method of [`Explorer`](crate::Explorer) whose arguments
//! come in one order: what the question is about (people, a work, a count
//! `k`), then its options (an options type with safe defaults, such as
//! [`AllPathsOptions`] or [`CentreOptions`]), then the [`Filter`](crate::Filter)
//! that decides which credits count, and last the callback that receives
//! rows, for the runs that stream them ([`Explorer::centre_all`](crate::Explorer::centre_all)).
//! Answers that print themselves or explain their links borrow the explorer
//! (`CoAppearances<'e>`, `Path<'e>`, …); plain lists of ids are `Vec`s. The
//! resolved answers of the command and the server (keys, names and roles as
//! words, one JSON shape each) are in [`answer`].
//!
//! # Example
//!
//! ```
//! use hallyu::query::CoAppearances;
//! use hallyu::{Explorer, Filter};
//!
//! let explorer = Explorer::bundled();
//! let iu = explorer.person("IU")?;
//! let costars: CoAppearances<'_> = explorer.co_appearances(iu, &Filter::new());
//! assert!(!costars.is_empty());
//! # Ok::<(), hallyu::Error>(())
//! ```

pub use all_paths::{AllPathsOptions, AllShortestPaths};
pub use betweenness::{ApproxBetweenness, BetweennessOptions};
pub use centrality::{Centrality, Measure, PersonCentrality};
#[doc(hidden)]
pub use centre::CentreFloor;
pub use centre::{CentreOptions, CentreProgress, CentreRun, CentreTop, Diameter, PersonCentre};
pub use communities::{CommunityOptions, Partition};
pub use components::{Component, Components};
pub use cores::CoreNumbers;
pub use costars::{CoAppearances, CoStar, Credited, SharedWork, SharedWorks};
pub use diff::{DiffBase, DiffOptions, DiffPending};
pub use distance::{CentreEntry, CentreRanking, Distances};
pub use introduce::{Introduction, PathRecommendation, Recommendation};
pub use neighbourhood::NeighbourhoodOptions;
pub use path::{Path, Step};
pub use projection::Projection;
pub use routes::{Avoid, SimplePaths};
pub use table::{Align, Table};

/// The credits of a record, created by
/// [`Explorer::credits_of`](crate::Explorer::credits_of).
pub use crate::graph::CreditIds;

/// The plumbing every list-shaped answer shares: `iter`, `as_slice`, `len`,
/// `is_empty`, `explorer` and `IntoIterator` for a reference. `$make` is the
/// code that makes such an answer from `explorer` (the bundled one) in the
/// examples, `$count` how many items it holds.
macro_rules! list_result {
    ($ty:ident, $item:ty, $field:ident, $what:literal, $make:literal, $count:literal) => {
        impl<'e> $ty<'e> {
            #[doc = concat!("The ", $what, ".")]
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let answer = ", $make, ";")]
            #[doc = concat!("assert_eq!(answer.iter().count(), ", $count, ");")]
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn iter(&self) -> std::slice::Iter<'_, $item> {
                self.$field.iter()
            }

            #[doc = concat!("The ", $what, ", as a slice.")]
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let answer = ", $make, ";")]
            #[doc = concat!("assert_eq!(answer.as_slice().len(), ", $count, ");")]
            /// assert_eq!(answer.as_slice().first(), answer.iter().next());
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn as_slice(&self) -> &[$item] {
                &self.$field
            }

            /// How many there are.
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let answer = ", $make, ";")]
            #[doc = concat!("assert_eq!(answer.len(), ", $count, ");")]
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn len(&self) -> usize {
                self.$field.len()
            }

            /// Whether there are none.
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let answer = ", $make, ";")]
            /// assert!(!answer.is_empty());
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn is_empty(&self) -> bool {
                self.$field.is_empty()
            }

            /// The explorer the answer came from.
            ///
            /// # Example
            ///
            /// ```
            /// let explorer = hallyu::Explorer::bundled();
            #[doc = concat!("let answer = ", $make, ";")]
            /// assert!(std::ptr::eq(answer.explorer(), &explorer));
            /// # Ok::<(), hallyu::Error>(())
            /// ```
            pub fn explorer(&self) -> &'e crate::explorer::Explorer {
                self.explorer
            }
        }

        impl<'a> IntoIterator for &'a $ty<'_> {
            type Item = &'a $item;
            type IntoIter = std::slice::Iter<'a, $item>;

            fn into_iter(self) -> Self::IntoIter {
                self.$field.iter()
            }
        }
    };
}
pub(crate) use list_result;

/// Orders people by name, then by id (for names shared by two people).
pub(crate) fn by_name(explorer: &crate::explorer::Explorer, a: u32, b: u32) -> std::cmp::Ordering {
    let name = |p: u32| explorer.name(explorer.graph.pid(p).into());
    name(a).cmp(name(b)).then(a.cmp(&b))
}

pub(crate) mod all_paths;
pub mod answer;
pub(crate) mod betweenness;
pub(crate) mod centrality;
pub(crate) mod centre;
pub(crate) mod communities;
pub(crate) mod components;
pub(crate) mod cores;
pub(crate) mod costars;
pub(crate) mod diff;
pub(crate) mod distance;
pub(crate) mod introduce;
pub(crate) mod neighbourhood;
pub(crate) mod path;
pub(crate) mod projection;
pub(crate) mod routes;
pub(crate) mod table;
pub(crate) mod works;
