//! The [`Explorer`] of a [`Catalog`]: the constructors that read RON data,
//! and the conversion of a validated catalog into the graph. They live here
//! so that the core (`src/explorer.rs`) imports no reader.

use std::collections::HashMap;

use crate::error::Result;
use crate::explorer::Explorer;
use crate::graph::{Details, Graph, GraphBuilder, Table};
use crate::id::Entity;
use crate::model::Confidence;

use super::Catalog;

impl Explorer {
    /// Builds the explorer of a validated catalog.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::new(hallyu::Catalog::bundled());
    /// assert!(explorer.people().count() > 40);
    /// ```
    pub fn new(catalog: Catalog) -> Explorer {
        Explorer::from_graph(catalog.into_graph())
    }

    /// The explorer of the dataset shipped with the crate.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let haru = explorer.work("Haru Haru")?;
    /// assert_eq!(explorer.get(haru).year().unwrap(), 2008);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn bundled() -> Explorer {
        Explorer::new(Catalog::bundled())
    }

    /// Loads a RON file or a directory of them and builds the explorer.
    ///
    /// # Errors
    ///
    /// Everything [`Catalog::from_path`] reports.
    ///
    /// # Example
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("hallyu-doc-explorer-from-path");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("dream.ron"), r#"(
    ///     people: [(id: "iu", name: "IU"), (id: "park-seo-joon", name: "Park Seo-joon")],
    ///     works: [(id: "dream", title: "Dream", kind: Film, released: "2023-04-26")],
    ///     credits: [
    ///         (from: "park-seo-joon", to: "dream", role: Cast(billing: Lead)),
    ///         (from: "iu", to: "dream", role: Cast(billing: Lead)),
    ///     ],
    /// )"#).unwrap();
    /// let explorer = hallyu::Explorer::from_path(&dir)?;
    /// let iu = explorer.person("IU")?;
    /// let costars = explorer.co_appearances(iu, &hallyu::Filter::new());
    /// assert_eq!(costars.get(explorer.person("Park Seo-joon")?).unwrap().works.len(), 1);
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Explorer> {
        Ok(Explorer::new(Catalog::from_path(path)?))
    }
}

impl Catalog {
    /// Fills a graph builder with the catalog's records (the catalog is
    /// valid, so every credit's ends exist) and keeps the full records as
    /// the graph's details.
    fn into_graph(self) -> Graph {
        let Catalog { records, origins } = self;
        let mut b = GraphBuilder::new();
        let mut keys: HashMap<&str, Entity> = HashMap::new();
        fn names(t: &mut Table, hangul: &Option<String>, aliases: &[String], c: Confidence) {
            if let Some(h) = hangul {
                t.set_hangul(h);
            }
            for a in aliases {
                t.add_alias(a);
            }
            if c.is_unverified() {
                t.mark_unverified();
            }
        }
        for p in &records.people {
            let id = b.person(&p.id, &p.name, p.born.map(|d| d.year));
            names(&mut b.people, &p.hangul, &p.aliases, p.confidence);
            keys.insert(&p.id, id.into());
        }
        for g in &records.groups {
            let id = b.group(&g.id, &g.name);
            names(&mut b.groups, &g.hangul, &g.aliases, g.confidence);
            keys.insert(&g.id, id.into());
        }
        for w in &records.works {
            let id = b.work(&w.id, &w.title, w.kind, Some(w.released.year));
            names(&mut b.works, &w.hangul, &w.aliases, w.confidence);
            keys.insert(&w.id, id.into());
        }
        for o in &records.organisations {
            let id = b.organisation(&o.id, &o.name);
            names(&mut b.organisations, &o.hangul, &o.aliases, o.confidence);
            keys.insert(&o.id, id.into());
        }
        for c in &records.credits {
            let (from, to) = (keys[c.from.as_str()], keys[c.to.as_str()]);
            b.credit(from, to, &c.role, c.confidence.is_unverified());
        }
        drop(keys);
        b.details(Details {
            records,
            credit_locations: origins.credits,
        });
        b.build()
    }
}
