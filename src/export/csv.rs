//! A CSV edge list: one row per credit of a person on a work.
//!
//! ```text
//! person_id,person,work_id,work,kind,role,billing,character,year
//! park-seo-joon,Park Seo-joon,gyopo-hairstyle,Gyopo Hairstyle,mv,cast,lead,,2021
//! ```
//!
//! Every admitted credit is a row, in credit order (a person with two
//! roles on a work has two rows; a group's credit is a row for each member
//! of the work's year). `billing`, `character` and `year` are empty when
//! the data does not give them. [`import::Csv`](crate::import::Csv) reads
//! the file back into the same credits: CSV → hallyu → CSV is identical.
//!
//! # Example
//!
//! ```
//! use hallyu::{Explorer, Filter};
//! use hallyu::export::{csv, Network, Shape};
//!
//! let explorer = Explorer::bundled();
//! let text = csv::to_edge_list(&Network::new(&explorer, &Filter::new(), Shape::Bipartite), b',');
//! assert!(text.starts_with("person_id,person,work_id,work,kind,role,billing,character,year\n"));
//! assert!(text.lines().any(|l| l.starts_with("park-seo-joon,Park Seo-joon,")));
//! ```

use super::network::Network;

/// The header of the edge list.
///
/// # Example
///
/// ```
/// use hallyu::export::csv::HEADER;
///
/// assert_eq!(HEADER.len(), 9);
/// assert_eq!(HEADER.join(","), "person_id,person,work_id,work,kind,role,billing,character,year");
/// ```
pub const HEADER: [&str; 9] = [
    "person_id",
    "person",
    "work_id",
    "work",
    "kind",
    "role",
    "billing",
    "character",
    "year",
];

/// The edge list of a network's credits ([`Network::credits`]), with
/// fields separated by `delimiter`.
///
/// # Example
///
/// ```
/// use hallyu::Explorer;
/// use hallyu::export::{csv, Network, Shape, View};
///
/// let explorer = Explorer::bundled();
/// let kiss = explorer.work("Kiss")?;
/// let net = Network::of_view(&explorer, &View::work(kiss), Shape::Bipartite)?;
/// let text = csv::to_edge_list(&net, b'\t');
/// assert!(text.starts_with("person_id\tperson\twork_id\t"));
/// assert_eq!(text.lines().count(), 1 + net.credits().len());
/// assert!(text.lines().any(|l| l.starts_with("lee-min-ho\tLee Min-ho\tkiss\tKiss\tmv\t")));
/// # Ok::<(), hallyu::Error>(())
/// ```
pub fn to_edge_list(network: &Network, delimiter: u8) -> String {
    let d = (delimiter as char).to_string();
    let mut out = HEADER.join(&d);
    out.push('\n');
    let nodes = network.nodes();
    for (p, w, c) in network.credits() {
        let person = &nodes[*p];
        let work = &network.works()[*w];
        let kind = work.kind.name();
        let billing = c.billing.map(|b| b.to_string()).unwrap_or_default();
        let year = work.year.map(|y| y.to_string()).unwrap_or_default();
        let fields = [
            person.key.as_str(),
            person.label.as_str(),
            work.key.as_str(),
            work.title.as_str(),
            kind,
            c.role.as_str(),
            billing.as_str(),
            c.character.as_deref().unwrap_or(""),
            year.as_str(),
        ];
        let line: Vec<_> = fields.iter().map(|f| field(f, delimiter)).collect();
        out.push_str(&line.join(&d));
        out.push('\n');
    }
    out
}

/// One CSV field (RFC 4180): quoted, with quotes doubled, when it holds the
/// delimiter, a quote or a line break, or starts or ends with a space;
/// else as it is.
///
/// # Example
///
/// ```
/// use hallyu::export::csv;
///
/// assert_eq!(csv::field("IU", b','), "IU");
/// assert_eq!(csv::field("Kim, \"Jennie\"", b','), "\"Kim, \"\"Jennie\"\"\"");
/// assert_eq!(csv::field("a\tb", b'\t'), "\"a\tb\"");
/// ```
pub fn field(s: &str, delimiter: u8) -> std::borrow::Cow<'_, str> {
    let d = delimiter as char;
    if s.contains([d, '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        std::borrow::Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}
