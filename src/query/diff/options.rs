//! [`DiffOptions`]: what [`Explorer::diff`](crate::Explorer::diff) compares and how much of
//! each list it shows.

/// The options of [`Explorer::diff`](crate::Explorer::diff): the person whose distances are
/// compared, and how many items each list shows (the totals are always
/// counted in full).
///
/// # Example
///
/// ```
/// use hallyu::query::DiffOptions;
///
/// let options = DiffOptions::new().from("IU").limit(5);
/// assert_eq!((options.get_from(), options.get_limit()), (Some("IU"), 5));
/// assert_eq!(DiffOptions::new().get_limit(), DiffOptions::DEFAULT_LIMIT);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffOptions {
    pub(super) from: Option<String>,
    pub(super) limit: usize,
    pub(super) centre: usize,
}

impl DiffOptions {
    /// The default number of items each list shows: 20.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(hallyu::query::DiffOptions::DEFAULT_LIMIT, 20);
    /// ```
    pub const DEFAULT_LIMIT: usize = 20;

    /// No distances compared; at most [`DiffOptions::DEFAULT_LIMIT`] items
    /// a list.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new(), DiffOptions::default());
    /// assert_eq!(DiffOptions::new().get_from(), None);
    /// ```
    pub fn new() -> DiffOptions {
        DiffOptions {
            from: None,
            limit: DiffOptions::DEFAULT_LIMIT,
            centre: 0,
        }
    }

    /// Compares every person's distance from this person (a key, a name,
    /// an alias or Hangul; looked up in the new version, then the old).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new().from("park-seo-joon").get_from(), Some("park-seo-joon"));
    /// ```
    pub fn from(mut self, person: impl Into<String>) -> DiffOptions {
        self.from = Some(person.into());
        self
    }

    /// Shows at most `limit` items of each list.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new().limit(3).get_limit(), 3);
    /// ```
    pub fn limit(mut self, limit: usize) -> DiffOptions {
        self.limit = limit;
        self
    }

    /// Compares the top `n` of the centre ranking (by mean distance within
    /// the main component, as `hallyu centre` ranks): who entered, who
    /// left, who moved. 0 (the default) compares none. The top `n` and not
    /// everyone: the ranking of everyone costs a breadth-first search from
    /// every person of each version, O(people × (people + credits)) (hours
    /// on a million people), while the exact top `n`
    /// ([`Explorer::centre_top`](crate::Explorer::centre_top)) prunes most
    /// searches after a few levels.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new().centre(10).get_centre(), 10);
    /// assert_eq!(DiffOptions::new().get_centre(), 0);
    /// ```
    pub fn centre(mut self, n: usize) -> DiffOptions {
        self.centre = n;
        self
    }

    /// How many of the centre ranking's top are compared (0: none).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new().centre(5).get_centre(), 5);
    /// ```
    pub fn get_centre(&self) -> usize {
        self.centre
    }

    /// The person whose distances are compared, as given.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new().from("IU").get_from(), Some("IU"));
    /// ```
    pub fn get_from(&self) -> Option<&str> {
        self.from.as_deref()
    }

    /// The number of items each list shows, at most.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::query::DiffOptions;
    ///
    /// assert_eq!(DiffOptions::new().get_limit(), 20);
    /// ```
    pub fn get_limit(&self) -> usize {
        self.limit
    }
}

impl Default for DiffOptions {
    fn default() -> DiffOptions {
        DiffOptions::new()
    }
}
