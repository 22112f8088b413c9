//! [`Introductions`]: who could introduce one person to another.

use std::fmt;

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{PersonId, WorkId};
use crate::query::table::{Align, Table};

use super::shared::more;
use super::*;

/// Who could introduce one person to another (`hallyu introduce`): the
/// people who co-appeared with both, strongest first, with the works they
/// share with each; the list is cut at the limit, with its total beside
/// it.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Introductions, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let (a, b) = (explorer.person("Song Joong-ki")?, explorer.person("Park Seo-joon")?);
/// let answer = Introductions::between(&explorer, a, b, &Filter::new(), &Options::new());
/// assert!(answer.total > 0);
/// let first = &answer.introductions[0];
/// assert_eq!(first.strength, first.with_a.len().min(first.with_b.len()));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Introductions {
    /// The person to introduce.
    pub a: Person,
    /// The person to meet.
    pub b: Person,
    /// How many people could introduce them (`introductions` holds at most
    /// the limit).
    pub total: usize,
    /// The first of them, strongest first.
    pub introductions: Vec<Introduction>,
}

/// One person of [`Introductions`]: who, how strong a link (the weaker
/// tie: the smaller number of works shared with either), the works shared
/// with each.
///
/// # Example
///
/// ```
/// use hallyu::query::answer::{Introductions, Options};
/// use hallyu::Filter;
///
/// let explorer = hallyu::Explorer::bundled();
/// let (a, b) = (explorer.person("Song Joong-ki")?, explorer.person("Park Seo-joon")?);
/// let answer = Introductions::between(&explorer, a, b, &Filter::new(), &Options::new());
/// assert!(answer.introductions.iter().all(|i| !i.with_a.is_empty() && !i.with_b.is_empty()));
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Introduction {
    /// Who could introduce them.
    pub person: Person,
    /// How strong a link they are: the smaller of the two numbers of
    /// works.
    pub strength: usize,
    /// The works they share with the person to introduce.
    pub with_a: Vec<Work>,
    /// The works they share with the person to meet.
    pub with_b: Vec<Work>,
}

impl Introductions {
    /// The people who could introduce `a` to `b` under `filter` (built by
    /// [`Explorer::introductions`]); the options' limit caps the people
    /// shown.
    ///
    /// # Panics
    ///
    /// When a person is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::answer::{Introductions, Options};
    /// use hallyu::Filter;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let (a, b) = (explorer.person("IU")?, explorer.person("Tamar Herman")?);
    /// let answer = Introductions::between(&explorer, a, b, &Filter::new(), &Options::new());
    /// assert_eq!(answer.to_string(), "Nobody co-appeared with both IU and Tamar Herman.\n");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn between(
        explorer: &Explorer,
        a: PersonId,
        b: PersonId,
        filter: &Filter,
        options: &Options,
    ) -> Introductions {
        let all = explorer.introductions(a, b, filter);
        let works = |ws: &[WorkId]| ws.iter().map(|&w| Work::of(explorer, w)).collect();
        Introductions {
            a: Person::of(explorer, a),
            b: Person::of(explorer, b),
            total: all.len(),
            introductions: all
                .iter()
                .take(options.limit)
                .map(|i| Introduction {
                    person: Person::of(explorer, i.person),
                    strength: i.strength(),
                    with_a: works(&i.with_a),
                    with_b: works(&i.with_b),
                })
                .collect(),
        }
    }
}

impl fmt::Display for Introductions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (&self.a.display_name, &self.b.display_name);
        if self.total == 0 {
            return writeln!(f, "Nobody co-appeared with both {a} and {b}.");
        }
        let titles = |ws: &[Work]| {
            let labels: Vec<&str> = ws.iter().map(|w| w.label.as_str()).collect();
            labels.join(", ")
        };
        let mut t = Table::new(&[Align::Left, Align::Left, Align::Left]);
        t.row(vec!["who".into(), format!("with {a}"), format!("with {b}")]);
        for i in &self.introductions {
            t.row(vec![
                i.person.display_name.clone(),
                titles(&i.with_a),
                titles(&i.with_b),
            ]);
        }
        write!(f, "{t}")?;
        more(f, self.total, self.introductions.len(), "people")
    }
}
