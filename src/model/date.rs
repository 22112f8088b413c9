//! [`PartialDate`]: a date whose month and day may be unknown, written as
//! a string in the data files.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A date whose month and day may be unknown: `2008`, `2008-08` or
/// `2008-08-08`. Written as a string in the data files.
///
/// # Example
///
/// ```
/// use hallyu::model::PartialDate;
///
/// let d: PartialDate = "2008-08-08".parse()?;
/// assert_eq!((d.year, d.month, d.day), (2008, Some(8), Some(8)));
/// assert_eq!(d.to_string(), "2008-08-08");
/// assert!("2008-13".parse::<PartialDate>().is_err());
/// # Ok::<(), hallyu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// A date of which only the year is known.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::model::PartialDate;
    ///
    /// let explorer = hallyu::Explorer::bundled();
    /// let cf = explorer.get(explorer.work("Cass 2X CF")?).record().unwrap();
    /// assert_eq!(cf.released, PartialDate::year(2009));
    /// assert_eq!(PartialDate::year(2009).to_string(), "2009");
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn year(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = crate::error::Error;

    fn from_str(s: &str) -> Result<PartialDate, crate::error::Error> {
        let bad = || {
            crate::error::Error::invalid_value(
                "date",
                s,
                ["YYYY", "YYYY-MM", "YYYY-MM-DD"].map(String::from),
            )
        };
        let mut parts = s.split('-');
        let number = |p: Option<&str>, len: usize| -> Result<Option<u32>, crate::error::Error> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| bad())?))
                }
                Some(_) => Err(bad()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(bad)?;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(bad());
            }
            if let Some(d) = day
                && (d < 1 || d > days_in_month(year as i32, m))
            {
                return Err(bad());
            }
        }
        Ok(PartialDate {
            year: year as i32,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(|_| {
            serde::de::Error::custom(format!(
                "invalid date \"{s}\": expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\""
            ))
        })
    }
}
