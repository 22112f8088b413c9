/*!
A graph of Korean pop culture — actors, singers, rappers, groups, music
videos, dramas, films and variety shows — that answers "who appeared with
whom", and explains every answer with the works that link the people.

The crate ships a sourced dataset (every person, group and work of the
article "12 Classic K-pop Music Videos Featuring K-drama Actors", corrected,
plus the dramas, films and shows that connect them), compiled in: a program
that depends on `hallyu` needs no files.

# Example

```
use hallyu::{Explorer, Filter};

let explorer = Explorer::bundled();
let seo_joon = explorer.person("Park Seo-joon")?;
let woo_shik = explorer.person("최우식")?; // Hangul works too

// The works they share, each with both roles.
let shared = explorer.shared_works(seo_joon, woo_shik, &Filter::new());
assert!(shared.iter().any(|s| explorer.get(s.work).title() == "Gyopo Hairstyle"));

// A shortest chain of co-appearances, one readable line per hop.
let dara = explorer.person("Dara")?;
let min_ho = explorer.person("lee-min-ho")?;
let path = explorer.shortest_path(min_ho, dara, &Filter::new()).unwrap();
assert_eq!(path.len(), 1); // "Kiss" or the Cass 2X commercial: both star them
println!("{path}");
# Ok::<(), hallyu::Error>(())
```

# Overview

* [`Catalog`] loads RON data files (or the bundled dataset) and validates
  them; every error names the file, line and column.
* [`Explorer`] is the built graph: name lookup ([`Explorer::person`], …),
  records by id ([`Explorer::get`]) and the queries:
  [`co_appearances`](Explorer::co_appearances),
  [`shared_works`](Explorer::shared_works),
  [`works_of`](Explorer::works_of), [`credits_on`](Explorer::credits_on),
  [`members`](Explorer::members), [`groups_of`](Explorer::groups_of) and
  [`shortest_path`](Explorer::shortest_path).
* [`search`] finds names however they are typed: Hangul (composed or
  not), Revised Romanization, McCune–Reischauer, Yale, the usual spellings,
  Western order, initials (ㅂㅅㅈ), Korean keyboard keys, typos;
  [`Explorer::search`] ranks and explains the candidates.
* [`Filter`] decides which credits count in every query: roles (on-screen by
  default), years, kinds of work, unverified claims, group membership.
* [`export`] turns parts of the graph into DOT; [`render`] draws them as SVG
  or PNG, with Graphviz when it is installed and a built-in renderer when it
  is not.

# Semantics

Two people **co-appear** when both have a counted credit on the same work.
By default the counted roles are the on-screen ones (performer, featured
artist, cast), claims marked unverified are left out, and a group's credit
counts for the people who were its members in the work's year (answers say
"via BIGBANG"). Paths alternate person → work → person and never pass through
a group or an organisation.
*/
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(unreachable_pub)]

mod algo;
mod catalog;
mod error;
mod explorer;
mod filter;
mod graph;
mod id;
pub mod model;
pub mod query;
mod records;
pub mod search;

pub mod export;
#[cfg(feature = "serde")]
pub mod html;
pub mod import;
pub mod render;

pub use catalog::{Catalog, CatalogBuilder};
pub use error::{Error, ErrorKind, Location, Result};
pub use explorer::Explorer;
pub use filter::{Filter, RoleSet};
pub use id::{CreditId, Entity, GroupId, OrganisationId, PersonId, WorkId};
pub use records::{CreditRef, GroupRef, OrganisationRef, PersonRef, RecordId, WorkRef};

/// petgraph's view of an explorer: [`PersonWorkGraph`](visit::PersonWorkGraph)
/// implements petgraph's visit traits on the explorer's own columns, so that
/// petgraph's algorithms run on any explorer, an IMDb import included,
/// without a copy. Made by [`Explorer::person_work_graph`].
///
/// # Example
///
/// ```
/// use hallyu::petgraph::visit::NodeCount;
/// use hallyu::{Explorer, Filter};
///
/// let explorer = Explorer::bundled();
/// let filter = Filter::new();
/// let graph = explorer.person_work_graph(&filter);
/// assert_eq!(graph.node_count(), explorer.people().len() + explorer.works().len());
/// ```
pub mod visit {
    pub use crate::graph::petgraph::{Edge, EdgeReferences, PersonWorkGraph, Visited};
}

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The petgraph version this crate builds on, re-exported so that
/// [`Explorer::graph`] can be used with matching types.
pub use petgraph;

/// The examples of the documents in `docs/`, compiled and run as doc tests.
#[cfg(doctest)]
mod docs_doctests {
    #[doc = include_str!("../docs/formats.md")]
    struct Formats;
    #[doc = include_str!("../docs/search.md")]
    struct Search;
    #[doc = include_str!("../docs/command.md")]
    struct Command;
    #[doc = include_str!("../docs/analytics.md")]
    struct Analytics;
    #[doc = include_str!("../docs/pictures.md")]
    struct Pictures;
    #[doc = include_str!("../docs/browser.md")]
    struct Browser;
    #[doc = include_str!("../docs/imdb.md")]
    struct Imdb;
    #[doc = include_str!("../docs/guarantees.md")]
    struct Guarantees;
    #[doc = include_str!("../docs/paths.md")]
    struct Paths;
}
