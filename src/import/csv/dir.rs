//! The three-file layout (and the Neo4j import directory):
//! [`Csv::from_dir`] reads the records' files, then the credits' files
//! between them.

use std::path::Path;

use super::Csv;
use super::scan::Field;
use crate::error::ErrorKind;
use crate::import::staged::{Loaded, Staged, article, at, io_error, kind_of_word};
use crate::model::columns::{PROVENANCE_COLUMNS, ROLE_COLUMNS};
use crate::model::{Confidence, GroupKind, OrganisationKind, PartialDate, RecordKind};

/// The files of credits in the three-file layout (and the Neo4j import
/// directory): the file, and the kinds of records its `from` and `to`
/// (or `:START_ID` and `:END_ID`) name. Only `credits.csv` is required.
const LINK_FILES: [(&str, RecordKind, RecordKind); 7] = [
    ("credits.csv", RecordKind::Person, RecordKind::Work),
    ("group_credits.csv", RecordKind::Group, RecordKind::Work),
    ("memberships.csv", RecordKind::Person, RecordKind::Group),
    (
        "person_contracts.csv",
        RecordKind::Person,
        RecordKind::Organisation,
    ),
    (
        "group_contracts.csv",
        RecordKind::Group,
        RecordKind::Organisation,
    ),
    (
        "work_organisations.csv",
        RecordKind::Work,
        RecordKind::Organisation,
    ),
    ("work_links.csv", RecordKind::Work, RecordKind::Work),
];

impl Csv {
    /// Reads a directory with `people.csv`, `works.csv` and `credits.csv`.
    ///
    /// # Errors
    ///
    /// See [`Csv`].
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Filter, import::Csv};
    ///
    /// let dir = std::env::temp_dir().join(format!("hallyu-doc-csv-dir-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("people.csv"), "id,name,hangul\niu,IU,아이유\ngd,G-Dragon,지드래곤\n")?;
    /// std::fs::write(dir.join("works.csv"), "id,title,kind,year\npalette,Palette,mv,2017\n")?;
    /// std::fs::write(dir.join("credits.csv"), "person,work,role\niu,palette,performer\ngd,palette,featured\n")?;
    /// let loaded = Csv::new().from_dir(&dir)?;
    /// let ex = &loaded.explorer;
    /// let iu = ex.person("아이유")?;
    /// assert_eq!(ex.co_appearances(iu, &Filter::new()).len(), 1);
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_dir(&self, dir: impl AsRef<Path>) -> crate::error::Result<Loaded> {
        let dir = dir.as_ref();
        // The bytes of a file of the directory, `None` when it is absent.
        let bytes = |name: &str| -> crate::error::Result<Option<(String, Vec<u8>)>> {
            let path = dir.join(name);
            if !path.exists() {
                return Ok(None);
            }
            let b = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
            Ok(Some((path.display().to_string(), b)))
        };
        let must = |name: &str| -> crate::error::Result<(String, Vec<u8>)> {
            let path = dir.join(name);
            let b = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
            Ok((path.display().to_string(), b))
        };
        let (people_file, works_file) = (must("people.csv")?, must("works.csv")?);
        let people = self.table(&people_file.0, &people_file.1)?;
        let works = self.table(&works_file.0, &works_file.1)?;
        let mut s = Staged::default();
        let (id, name) = (people.require("id")?, people.require("name")?);
        people.ignored(
            &[
                &["id", "name", "hangul", "born", "aliases"][..],
                &PROVENANCE_COLUMNS,
            ]
            .concat(),
            &mut s,
        );
        for row in people.rows() {
            let row = &row?;
            let born = people.number(row, "born")?;
            let i = s.person(
                &row[id].text,
                &row[name].text,
                people.text(row, "hangul"),
                people.list(row, "aliases"),
                born,
                people.at(&row[id]),
            )?;
            s.provenance(RecordKind::Person, i, people.provenance(row)?);
        }
        let groups_file = bytes("groups.csv")?;
        if let Some((file, b)) = &groups_file {
            let groups = self.table(file, b)?;
            let (id, name) = (groups.require("id")?, groups.require("name")?);
            groups.ignored(
                &[
                    &["id", "name", "hangul", "kind", "aliases"][..],
                    &PROVENANCE_COLUMNS,
                ]
                .concat(),
                &mut s,
            );
            for row in groups.rows() {
                let row = &row?;
                let word = groups.text(row, "kind");
                let kind = word.as_deref().and_then(GroupKind::from_word);
                s.report.generic_kinds += usize::from(kind.is_none());
                let i = s.group(
                    &row[id].text,
                    &row[name].text,
                    kind.unwrap_or(GroupKind::Band),
                    groups.text(row, "hangul"),
                    groups.list(row, "aliases"),
                    groups.at(&row[id]),
                )?;
                s.provenance(RecordKind::Group, i, groups.provenance(row)?);
            }
        }
        let (id, title) = (works.require("id")?, works.require("title")?);
        works.ignored(
            &[
                &[
                    "id", "title", "kind", "year", "released", "hangul", "aliases",
                ][..],
                &PROVENANCE_COLUMNS,
            ]
            .concat(),
            &mut s,
        );
        for row in works.rows() {
            let row = &row?;
            let year = works.number(row, "year")?;
            let (kind, generic) = kind_of_word(works.get(row, "kind").map(|f| f.text.as_str()));
            s.report.generic_kinds += usize::from(generic);
            let i = s.work(
                &row[id].text,
                &row[title].text,
                kind,
                year,
                works.text(row, "hangul"),
                works.list(row, "aliases"),
                works.at(&row[id]),
            )?;
            if let Some(d) = works.text(row, "released")
                && let Ok(date) = d.trim().parse::<PartialDate>()
                && Some(date.year) == year
            {
                s.records.works[i].released = date;
            }
            s.provenance(RecordKind::Work, i, works.provenance(row)?);
        }
        let orgs_file = bytes("organisations.csv")?;
        if let Some((file, b)) = &orgs_file {
            let orgs = self.table(file, b)?;
            let (id, name) = (orgs.require("id")?, orgs.require("name")?);
            orgs.ignored(
                &[
                    &["id", "name", "hangul", "kind", "aliases"][..],
                    &PROVENANCE_COLUMNS,
                ]
                .concat(),
                &mut s,
            );
            for row in orgs.rows() {
                let row = &row?;
                let word = orgs.text(row, "kind");
                let kind = word.as_deref().and_then(OrganisationKind::from_word);
                s.report.generic_kinds += usize::from(kind.is_none());
                let i = s.organisation(
                    &row[id].text,
                    &row[name].text,
                    kind.unwrap_or(OrganisationKind::Label),
                    orgs.text(row, "hangul"),
                    orgs.list(row, "aliases"),
                    orgs.at(&row[id]),
                )?;
                s.provenance(RecordKind::Organisation, i, orgs.provenance(row)?);
            }
        }
        for (file, from_kind, to_kind) in LINK_FILES {
            let (name, b) = if file == "credits.csv" {
                must(file)?
            } else {
                match bytes(file)? {
                    Some(x) => x,
                    None => continue,
                }
            };
            let credits = self.table(&name, &b)?;
            let column = |a: &str, b: &str| {
                credits
                    .require(a)
                    .or_else(|e| credits.columns.get(b).copied().ok_or(e))
            };
            let (f, t) = if from_kind == RecordKind::Person && to_kind == RecordKind::Work {
                (column("person", "from")?, column("work", "to")?)
            } else {
                (column("from", "from")?, column("to", "to")?)
            };
            credits.ignored(
                &[
                    &["person", "work", "from", "to"][..],
                    &ROLE_COLUMNS,
                    &["unverified"],
                    &PROVENANCE_COLUMNS,
                ]
                .concat(),
                &mut s,
            );
            for row in credits.rows() {
                let row = &row?;
                let find = |kind: RecordKind, f: &Field| {
                    let map = match kind {
                        RecordKind::Person => &s.people_by_key,
                        RecordKind::Group => &s.groups_by_key,
                        RecordKind::Work => &s.works_by_key,
                        RecordKind::Organisation => &s.organisations_by_key,
                    };
                    map.get(&f.text).map(|x| x.0).ok_or_else(|| {
                        let suggestion =
                            crate::search::closest(&f.text, map.keys().map(String::as_str))
                                .map(str::to_string);
                        at(
                            ErrorKind::UnknownReference {
                                id: f.text.clone(),
                                suggestion,
                            },
                            credits.at(f),
                        )
                    })
                };
                let from = find(from_kind, &row[f])?;
                let to = find(to_kind, &row[t])?;
                let (role, generic) = credits.role(row)?;
                if !role.fits(from_kind, to_kind) {
                    s.skip(
                        credits.at(&row[f]),
                        format!(
                            "a {} role links {}, not {} to {}",
                            role.word(),
                            role.expected_ends(),
                            article(from_kind),
                            article(to_kind)
                        ),
                    );
                    continue;
                }
                let mut p = credits.provenance(row)?;
                if credits.get(row, "confidence").is_none()
                    && credits.text(row, "unverified").as_deref() == Some("true")
                {
                    p.confidence = Confidence::Unverified;
                }
                s.link(
                    [(from_kind, from), (to_kind, to)],
                    role,
                    generic,
                    p,
                    credits.at(&row[f]),
                );
            }
        }
        Ok(s.finish())
    }
}
