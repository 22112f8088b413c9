//! Importing datasets: the IMDb non-commercial datasets (and a generator of
//! synthetic ones in the same layout), CSV ([`Csv`]: an edge list or three
//! files), node-link JSON ([`NodeLink`]), GraphML ([`Graphml`]) and GEXF
//! ([`Gexf`]) as NetworkX writes them; [`open`] picks the reader from a
//! path. The JSON, GraphML and GEXF readers stream: the file is read
//! through a buffer and never held whole.
//!
//! Every reader fills the same graph builder as the RON catalog, reports
//! errors with the file, line and column, and counts what it leaves out
//! ([`ReadReport`]).
//!
//! # Roles
//!
//! The CSV, JSON, GraphML and GEXF readers map role words (any case, `_` and
//! `-` read as spaces) to the model's roles; nothing is invented:
//!
//! | word | [`Role`](crate::model::Role) |
//! |---|---|
//! | `performer`, `self`, `host` | `Performer` |
//! | `featured`, `feat`, `featuring` | `Featured` |
//! | `lead`, `supporting`, `cameo` | `Cast` with that billing |
//! | `cast`, `actor`, `actress`, `acted in` with a billing | `Cast` with that billing |
//! | `cast`, `actor`, `actress`, `acted in` without a billing | `Other { name: word, on_screen: true, character }` |
//! | `director`, `directed`; `composer`, `composed`; `lyricist`; `music producer`; `soundtrack` | the role of that name |
//! | `writer`, `wrote`, `screenwriter`, `producer`, `produced`, `editor`, `cinematographer`, `crew`, `reviewed` | `Other { name: word, on_screen: false }` (crew) |
//! | any other word | `Other { name: word, on_screen: true }` |
//! | no role | `Other { name: "appearance", on_screen: true, character }` |
//!
//! A `character` column or attribute is kept on cast and `Other` credits.
//!
//! Work kinds: `mv`, `music video`, `drama`, `film`, `movie`, `variety`,
//! `commercial`; anything else (an event) is
//! [`WorkKind::Other`](crate::model::WorkKind::Other). An unknown year or
//! billing stays unknown.
//!
//! # IMDb
//!
//! [`Imdb`] reads `name.basics.tsv`, `title.basics.tsv` and
//! `title.principals.tsv` (plain, or `.tsv.gz` with the `gzip` feature) into
//! an [`Explorer`](crate::Explorer) built by the same graph builder as the
//! RON catalog: every query of the crate — lookups with suggestions,
//! co-appearances, shared works, paths, distances, components,
//! neighbourhoods, filters — works on it as on the bundled dataset. Records
//! are read through views ([`Explorer::get`](crate::Explorer::get)); names
//! are kept in one string arena, keys as numbers; the traversal index is a
//! set of flat `u32` tables. Two million names, half a million titles and
//! three million principals load in about a second into less than 200 MB
//! (see `BENCHMARKS.md`).
//!
//! With [`Imdb::korean`] (`hallyu --data DIR --korean`) the import also
//! streams `title.akas.tsv` and keeps only Korean titles — an original title
//! in Hangul, or a `KR` title marked original; a Korean release of a foreign
//! film is not enough — with the people credited on them; Hangul titles
//! become the works' Hangul.
//!
//! # Mapping
//!
//! Keys are IMDb's (`nm0000102`, `tt0087332`) and look up with
//! [`Explorer::by_key`](crate::Explorer::by_key) and
//! [`Explorer::person`](crate::Explorer::person). Title types become work
//! kinds:
//!
//! | `titleType` | [`WorkKind`](crate::model::WorkKind) |
//! |---|---|
//! | `movie`, `tvMovie`, `short`, `tvShort`, `video` | `Film` |
//! | `tvSeries`, `tvMiniSeries`, `tvEpisode`, `tvPilot` | `Drama` |
//! | `tvShow`, `tvSpecial`, `reality` | `Variety` |
//! | `musicVideo` | `MusicVideo` |
//! | anything else (`videoGame`, podcasts, …) | left out, counted in [`Report::skipped_titles`] |
//!
//! Principal categories become roles:
//!
//! | `category` | [`Role`](crate::model::Role) |
//! |---|---|
//! | `actor`, `actress` | `Cast`: `Lead` when `ordering` ≤ 3, else `Supporting` |
//! | `self` | `Performer` (on screen as themselves) |
//! | `director` | `Director` |
//! | `composer` | `Composer` |
//! | anything else (`writer`, `producer`, `editor`, `archive_footage`, …) | left out, counted in [`Report::skipped_principals`] |
//!
//! `writer` and `producer` have no role in the model (`Lyricist` and
//! `MusicProducer` are about songs), and archive footage is not a
//! co-appearance. A person credited twice on one title keeps one on-screen
//! credit (the best billing) and each distinct crew role. People and titles
//! without a kept credit are left out. A start year of `\N` becomes year 0.
//! A principal naming a person or title absent from the other files is
//! counted in [`Report::dangling`].
//!
//! # Example
//!
//! ```
//! use hallyu::import::{Imdb, synthetic::Synthetic};
//! use hallyu::Filter;
//!
//! let dir = std::env::temp_dir().join("hallyu-doc-import");
//! Synthetic::new(500, 120).seed(1).write_to(&dir)?;
//! let imported = Imdb::new().from_dir(&dir)?;
//! let ex = &imported.explorer;
//! let hub = ex.people().max_by_key(|&p| ex.works_of(p, &Filter::new()).len()).unwrap();
//! let histogram = ex.distances(hub, &Filter::new()).histogram().to_vec();
//! assert_eq!(histogram[0], 1);
//! let sizes = ex.components(&Filter::new()).sizes();
//! // Everyone the hub reaches is in one component, at most the largest.
//! assert!(histogram.iter().sum::<usize>() <= sizes[0]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod csv;
mod gexf;
mod graphml;
mod imdb;
#[cfg(feature = "serde")]
mod json;
#[cfg(feature = "serde")]
mod merge;
mod open;
#[cfg(feature = "serde")]
mod sourced;
mod staged;
mod track;
// Synthetic datasets in the IMDb layout, for the crate's own tests,
// benchmarks and examples (`imdb_gen`): hidden from the documentation and
// outside the semver promise, it may change in any release.
#[doc(hidden)]
pub mod synthetic;
mod tsv;
#[cfg(feature = "serde")]
mod wikidata;

pub use csv::Csv;
pub(crate) use csv::needs_formula_guard;
pub use gexf::Gexf;
pub use graphml::Graphml;
pub use imdb::{FILES, Imdb, Imported, Progress, Report};
#[cfg(feature = "serde")]
pub use json::NodeLink;
#[cfg(feature = "serde")]
pub use merge::{Conflict, Merge, MergeReport, Merged, Origin, SourceCounts};
pub use open::{DataKind, Open, OpenReport, Opened, open};
#[cfg(feature = "serde")]
pub use sourced::{HopSources, OriginCredits, Provenance, SourcedPath};
pub use staged::{Loaded, ReadReport, SlugCollision, slug};
#[cfg(feature = "serde")]
pub use wikidata::{CrossId, Dump, Scheme, Sparql, Wikidata, WikidataReport};
