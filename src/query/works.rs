//! A person's works, a work's credits, a group's members.

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{CreditId, Entity, GroupId, PersonId, WorkId};
use crate::model::RoleKind;
use crate::query::costars::Credited;

impl Explorer {
    /// The works of a person in order of release, each with how the person
    /// is credited (their own credit first when there are several).
    ///
    /// Pass [`Filter::new`] for on-screen work, or
    /// `Filter::new().roles(RoleSet::ANY_WORK_ROLE)` for every credit
    /// (crew and soundtrack included).
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let works = explorer.works_of(me, &Filter::new());
    /// assert_eq!(explorer.get(works[0].0).title(), "I Remember"); // his debut, 2011
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn works_of(&self, person: PersonId, filter: &Filter) -> Vec<(WorkId, Credited)> {
        let mut out: Vec<(WorkId, Credited)> = self
            .works_of_by_id(person, filter)
            .into_iter()
            .map(|(w, c, _)| (w, c))
            .collect();
        out.sort_by(|(a, _), (b, _)| self.release_order(*a, *b));
        out
    }

    /// How many works [`Explorer::works_of`] gives for `person`, without
    /// ordering or describing them: a sort of the work ids alone, for
    /// counting over every person of an IMDb-sized graph (where ordering
    /// each person's works by release would take most of the time).
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let filter = Filter::new();
    /// assert_eq!(explorer.work_count(me, &filter), explorer.works_of(me, &filter).len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn work_count(&self, person: PersonId, filter: &Filter) -> usize {
        self.check(person.into());
        let mut works: Vec<u32> = self
            .graph
            .index()
            .of_person(person.0, filter)
            .map(|app| app.work)
            .collect();
        works.sort_unstable();
        works.dedup();
        works.len()
    }

    /// [`Explorer::works_of`] in work id order: one entry a work, the
    /// person's first own credit, else the first through a group (the one
    /// rule every answer and the page follow), and whether that appearance
    /// is unverified (its credit, or the membership it came through).
    pub(crate) fn works_of_by_id(
        &self,
        person: PersonId,
        filter: &Filter,
    ) -> Vec<(WorkId, Credited, bool)> {
        self.check(person.into());
        // A sort and a dedup, not a search per appearance.
        let mut out: Vec<(WorkId, Credited, bool)> = self
            .graph
            .index()
            .of_person(person.0, filter)
            .map(|app| {
                let credited = Credited::of(&self.graph, &app);
                (self.graph.wid(app.work), credited, app.unverified)
            })
            .collect();
        out.sort_by_key(|(w, c, _)| (*w, c.via.is_some()));
        out.dedup_by_key(|(w, _, _)| *w);
        out
    }

    /// The neighbours of a record in the person–work graph, in id order: a
    /// person's works, a work's people (as [`Explorer::works_of`] counts
    /// them); none for a group or an organisation.
    pub(crate) fn adjacent(&self, e: Entity, filter: &Filter) -> Vec<Entity> {
        match e {
            Entity::Person(p) => self
                .works_of_by_id(p, filter)
                .into_iter()
                .map(|(w, _, _)| w.into())
                .collect(),
            Entity::Work(w) => self
                .people_in_by_id(w, filter)
                .into_iter()
                .map(|(p, _, _)| p.into())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The person with the most appearances the filter counts (the first in
    /// id order on a tie); `None` when there is no person. One pass over
    /// the appearances, no allocation.
    pub(crate) fn most_credited(&self, filter: &Filter) -> Option<PersonId> {
        let index = self.graph.index();
        let mut best: Option<(usize, PersonId)> = None;
        for p in self.people() {
            let n = index.of_person(p.0, filter).count();
            if best.is_none_or(|(m, _)| n > m) {
                best = Some((n, p));
            }
        }
        best.map(|(_, p)| p)
    }

    /// The people credited on a work whom the filter counts, in person id
    /// order: one entry a person, their first own credit, else the first
    /// through a group (the rule of [`Explorer::works_of`] seen from the
    /// work), and whether that appearance is unverified.
    pub(crate) fn people_in_by_id(
        &self,
        work: WorkId,
        filter: &Filter,
    ) -> Vec<(PersonId, Credited, bool)> {
        self.check(work.into());
        let mut out: Vec<(PersonId, Credited, bool)> = self
            .graph
            .index()
            .in_work(work.0, filter)
            .map(|app| {
                let credited = Credited::of(&self.graph, &app);
                (self.graph.pid(app.person), credited, app.unverified)
            })
            .collect();
        out.sort_by_key(|(p, c, _)| (*p, c.via.is_some()));
        out.dedup_by_key(|(p, _, _)| *p);
        out
    }

    /// Every appearance of a person that the filter counts: each credit on
    /// each work, the person's own and those through a group, by work and
    /// then in credit order. A work the person has two credits on comes
    /// twice; [`Explorer::works_of`] gives each work once.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// IU sings "The Story Only I Didn't Know" and acts in its video:
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let iu = explorer.person("IU")?;
    /// let song = explorer.work("The Story Only I Didn't Know")?;
    /// let all = explorer.appearances_of(iu, &Filter::new());
    /// assert_eq!(all.iter().filter(|(w, _)| *w == song).count(), 2);
    /// assert!(all.len() > explorer.works_of(iu, &Filter::new()).len());
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn appearances_of(&self, person: PersonId, filter: &Filter) -> Vec<(WorkId, Credited)> {
        self.check(person.into());
        self.graph
            .index()
            .of_person(person.0, filter)
            .map(|app| (self.graph.wid(app.work), Credited::of(&self.graph, &app)))
            .collect()
    }

    /// Every credit on a work: performers and cast first (lead, supporting,
    /// cameo), then crew, soundtrack and links to organisations or other
    /// works; by name within each.
    ///
    /// # Panics
    ///
    /// When `work` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?;
    /// let names: Vec<&str> = explorer
    ///     .credits_on(kiss)
    ///     .iter()
    ///     .map(|&c| explorer.name(explorer.ends(c).0))
    ///     .collect();
    /// assert!(names.contains(&"Sandara Park") && names.contains(&"Lee Min-ho"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn credits_on(&self, work: WorkId) -> Vec<CreditId> {
        self.check(work.into());
        let mut credits: Vec<CreditId> = self.credits_of(Entity::Work(work)).collect();
        credits.sort_by_cached_key(|&c| {
            let c = self.get(c);
            let other = if c.to() == Entity::Work(work) {
                c.from()
            } else {
                c.to()
            };
            (c.role_kind(), self.name(other).to_string(), c.id())
        });
        credits
    }

    /// The members of a group with their membership credits, by name.
    ///
    /// # Panics
    ///
    /// When `group` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let bigbang = explorer.group("BIGBANG")?;
    /// let names: Vec<&str> =
    ///     explorer.members(bigbang).iter().map(|(p, _)| explorer.get(*p).name()).collect();
    /// assert!(names.contains(&"G-Dragon") && names.contains(&"T.O.P"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn members(&self, group: GroupId) -> Vec<(PersonId, CreditId)> {
        self.check(group.into());
        let mut out: Vec<(PersonId, CreditId)> = self
            .credits_of(Entity::Group(group))
            .filter_map(|c| match (self.ends(c), self.get(c).role_kind()) {
                ((Entity::Person(p), _), RoleKind::Member) => Some((p, c)),
                _ => None,
            })
            .collect();
        out.sort_by(|a, b| self.name(a.0.into()).cmp(self.name(b.0.into())));
        out
    }

    /// The groups a person belongs or belonged to, with the membership
    /// credits, by name.
    ///
    /// # Panics
    ///
    /// When `person` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let gd = explorer.person("G-Dragon")?;
    /// let groups = explorer.groups_of(gd);
    /// assert_eq!(groups.len(), 1);
    /// assert_eq!(explorer.get(groups[0].0).name(), "BIGBANG");
    /// assert_eq!(explorer.ends(groups[0].1).0, gd.into()); // his membership credit
    /// assert!(explorer.groups_of(explorer.person("IU")?).is_empty()); // a soloist
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn groups_of(&self, person: PersonId) -> Vec<(GroupId, CreditId)> {
        self.check(person.into());
        let mut out: Vec<(GroupId, CreditId)> = self
            .credits_of(Entity::Person(person))
            .filter_map(|c| match (self.ends(c), self.get(c).role_kind()) {
                ((_, Entity::Group(g)), RoleKind::Member) => Some((g, c)),
                _ => None,
            })
            .collect();
        out.sort_by(|a, b| self.name(a.0.into()).cmp(self.name(b.0.into())));
        out
    }

    /// Whether the filter leaves `work` in (its kind and year).
    ///
    /// # Panics
    ///
    /// When `work` is an id of another explorer.
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let kiss = explorer.work("Kiss")?; // 2009
    /// let parasite = explorer.work("Parasite")?; // 2019
    /// let tens = Filter::new().years(2010..=2019);
    /// assert!(!explorer.admits(kiss, &tens));
    /// assert!(explorer.admits(parasite, &tens));
    /// assert!(explorer.admits(kiss, &Filter::new()));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn admits(&self, work: WorkId, filter: &Filter) -> bool {
        self.check(work.into());
        let (year, kind) = self.graph.index().work_attributes(work.index());
        filter.admits_work(kind, year)
    }
}
