//! The column names of the CSV and graph formats that the writers of
//! `export/` and the readers of `import/` share: the header of the whole
//! graph in one table ([`TABLE_HEADER`]) and the groups of columns it is
//! made of, which the readers of the other layouts name too.

/// The columns of a credit's role, as every format writes them: the role
/// word, its exact kind, and the details that go with it.
pub(crate) const ROLE_COLUMNS: [&str; 7] = [
    "role",
    "role_kind",
    "billing",
    "character",
    "song",
    "since",
    "until",
];

/// The columns of a record's or a credit's provenance.
pub(crate) const PROVENANCE_COLUMNS: [&str; 3] = ["confidence", "sources", "notes"];

/// The header of the whole graph in one table, as
/// [`export::csv::to_table`](crate::export::csv::to_table) writes it and
/// [`import::Csv`](crate::import::Csv) reads it: the `record` column, the
/// columns of a record, the two ends of a credit with their kinds, the
/// role's columns and the provenance.
///
/// # Example
///
/// ```
/// use hallyu::export::csv::TABLE_HEADER;
///
/// assert_eq!(TABLE_HEADER[0], "record");
/// assert!(TABLE_HEADER.contains(&"role_kind") && TABLE_HEADER.contains(&"since"));
/// assert_eq!(
///     TABLE_HEADER.join(","),
///     "record,id,name,kind,hangul,aliases,born,year,released,from,from_kind,to,to_kind,\
///      role,role_kind,billing,character,song,since,until,confidence,sources,notes"
/// );
/// ```
pub const TABLE_HEADER: [&str; 23] = joined(&[
    &[
        "record", "id", "name", "kind", "hangul", "aliases", "born", "year", "released",
    ],
    &["from", "from_kind", "to", "to_kind"],
    &ROLE_COLUMNS,
    &PROVENANCE_COLUMNS,
]);

/// The lists `parts` one after the other, as an array of exactly `N`
/// names (a constant whose parts do not add up to `N` does not compile).
pub(crate) const fn joined<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut i, mut n) = (0, 0);
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            assert!(n < N, "more names than the array holds");
            out[n] = parts[i][j];
            (n, j) = (n + 1, j + 1);
        }
        i += 1;
    }
    assert!(n == N, "fewer names than the array holds");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_keeps_the_order_of_the_parts() {
        const THREE: [&str; 3] = joined(&[&["a"], &[], &["b", "c"]]);
        assert_eq!(THREE, ["a", "b", "c"]);
    }

    #[test]
    fn the_header_names_each_column_once() {
        let mut names = TABLE_HEADER.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TABLE_HEADER.len());
    }
}
