//! The whole graph in one table, as `export::csv::to_table` writes it:
//! the records' rows, then the credits' rows between them.

use super::scan::Table;
use crate::error::ErrorKind;
use crate::import::staged::{Loaded, Staged, article, at, kind_of_word};
use crate::model::columns::TABLE_HEADER;
use crate::model::{GroupKind, OrganisationKind, PartialDate, RecordKind};

/// The whole graph in one table, as `export::csv::to_table` writes it: a
/// row per record (`record` is `person`, `group`, `work` or
/// `organisation`) and a row per credit (`record` is `credit`, with
/// `from`, `from_kind`, `to`, `to_kind` and the role's columns).
pub(super) fn whole_table(t: &Table<'_>) -> crate::error::Result<Loaded> {
    let mut s = Staged::default();
    let record = t.require("record")?;
    let id = t.require("id")?;
    t.ignored(&[&TABLE_HEADER[..], &["unverified"]].concat(), &mut s);
    // Records first, then the credits between them: two passes over the
    // rows.
    for row in t.rows() {
        let row = &row?;
        let what = row[record].text.trim().to_lowercase();
        let key = &row[id].text;
        let name = t.text(row, "name").unwrap_or_else(|| key.clone());
        let at_row = t.at(&row[record]);
        let kind_word = t.text(row, "kind");
        let (kind, i) = match what.as_str() {
            "person" => {
                let i = s.person(
                    key,
                    &name,
                    t.text(row, "hangul"),
                    t.list(row, "aliases"),
                    t.number(row, "born")?,
                    at_row,
                )?;
                (RecordKind::Person, i)
            }
            "group" => {
                let k = kind_word.as_deref().and_then(GroupKind::from_word);
                s.report.generic_kinds += usize::from(k.is_none());
                let i = s.group(
                    key,
                    &name,
                    k.unwrap_or(GroupKind::Band),
                    t.text(row, "hangul"),
                    t.list(row, "aliases"),
                    at_row,
                )?;
                (RecordKind::Group, i)
            }
            "work" => {
                let year = t.number(row, "year")?;
                let (k, generic) = kind_of_word(kind_word.as_deref());
                s.report.generic_kinds += usize::from(generic);
                let i = s.work(
                    key,
                    &name,
                    k,
                    year,
                    t.text(row, "hangul"),
                    t.list(row, "aliases"),
                    at_row,
                )?;
                if let Some(d) = t.text(row, "released")
                    && let Ok(date) = d.trim().parse::<PartialDate>()
                    && Some(date.year) == year
                {
                    s.records.works[i].released = date;
                }
                (RecordKind::Work, i)
            }
            "organisation" | "organization" => {
                let k = kind_word.as_deref().and_then(OrganisationKind::from_word);
                s.report.generic_kinds += usize::from(k.is_none());
                let i = s.organisation(
                    key,
                    &name,
                    k.unwrap_or(OrganisationKind::Label),
                    t.text(row, "hangul"),
                    t.list(row, "aliases"),
                    at_row,
                )?;
                (RecordKind::Organisation, i)
            }
            "credit" => continue,
            _ => {
                s.skip(
                    at_row,
                    format!(
                        "a row of record \"{}\" (person, group, work, organisation or credit)",
                        row[record].text
                    ),
                );
                continue;
            }
        };
        s.provenance(kind, i, t.provenance(row)?);
    }
    let (from, to) = (t.require("from")?, t.require("to")?);
    for row in t.rows() {
        let row = &row?;
        if row[record].text.trim().to_lowercase() != "credit" {
            continue;
        }
        let end = |column: usize, kind_column: &str| -> crate::error::Result<(RecordKind, usize)> {
            let f = &row[column];
            let kinds: Vec<RecordKind> = match t.text(row, kind_column).as_deref().map(str::trim) {
                Some("person") => vec![RecordKind::Person],
                Some("group") => vec![RecordKind::Group],
                Some("work") => vec![RecordKind::Work],
                Some("organisation" | "organization") => vec![RecordKind::Organisation],
                _ => vec![
                    RecordKind::Person,
                    RecordKind::Group,
                    RecordKind::Work,
                    RecordKind::Organisation,
                ],
            };
            for k in kinds {
                let map = match k {
                    RecordKind::Person => &s.people_by_key,
                    RecordKind::Group => &s.groups_by_key,
                    RecordKind::Work => &s.works_by_key,
                    RecordKind::Organisation => &s.organisations_by_key,
                };
                if let Some((i, _)) = map.get(&f.text) {
                    return Ok((k, *i));
                }
            }
            Err(at(
                ErrorKind::UnknownReference {
                    id: f.text.clone(),
                    suggestion: None,
                },
                t.at(f),
            ))
        };
        let (a, b) = (end(from, "from_kind")?, end(to, "to_kind")?);
        let (role, generic) = t.role(row)?;
        if !role.fits(a.0, b.0) {
            s.skip(
                t.at(&row[from]),
                format!(
                    "a {} role links {}, not {} to {}",
                    role.word(),
                    role.expected_ends(),
                    article(a.0),
                    article(b.0)
                ),
            );
            continue;
        }
        let p = t.provenance(row)?;
        s.link([a, b], role, generic, p, t.at(&row[from]));
    }
    Ok(s.finish())
}
