//! A person's works, a work's credits, a group's members.

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::id::{CreditId, Entity, GroupId, PersonId, WorkId};
use crate::model::Role;
use crate::query::costars::Credited;

impl Explorer {
    /// The works of a person in order of release, each with how the person
    /// is credited (their own credit first when there are several).
    ///
    /// Pass [`Filter::new`] for on-screen work, or
    /// `Filter::new().roles(RoleSet::ANY_WORK_ROLE)` for every credit
    /// (crew and soundtrack included).
    ///
    /// # Example
    ///
    /// ```
    /// use hallyu::{Explorer, Filter};
    ///
    /// let explorer = Explorer::bundled();
    /// let me = explorer.person("Park Seo-joon")?;
    /// let works = explorer.works_of(me, &Filter::new());
    /// assert_eq!(explorer[works[0].0].title, "I Remember"); // his debut, 2011
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn works_of(&self, person: PersonId, filter: &Filter) -> Vec<(WorkId, Credited)> {
        let mut out: Vec<(WorkId, Credited)> = Vec::new();
        for app in self.index.of_person(person.0, filter) {
            let c = Credited::of(app);
            match out.iter_mut().find(|(w, _)| w.0 == app.work) {
                Some((_, old)) if old.via.is_some() && c.via.is_none() => *old = c,
                Some(_) => {}
                None => out.push((WorkId(app.work), c)),
            }
        }
        out.sort_by(|(a, _), (b, _)| {
            (self[*a].released, &self[*a].title).cmp(&(self[*b].released, &self[*b].title))
        });
        out
    }

    /// Every credit on a work: performers and cast first (lead, supporting,
    /// cameo), then crew, soundtrack and links to organisations or other
    /// works; by name within each.
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
        let mut credits = self.credits_of(Entity::Work(work)).to_vec();
        credits.sort_by_key(|&c| {
            let (from, to) = self.ends(c);
            let other = if to == Entity::Work(work) { from } else { to };
            (self[c].role.kind(), self.name(other).to_string(), c)
        });
        credits
    }

    /// The members of a group with their membership credits, by name.
    ///
    /// # Example
    ///
    /// ```
    /// let explorer = hallyu::Explorer::bundled();
    /// let bigbang = explorer.group("BIGBANG")?;
    /// let names: Vec<&str> =
    ///     explorer.members(bigbang).iter().map(|(p, _)| explorer[*p].name.as_str()).collect();
    /// assert!(names.contains(&"G-Dragon") && names.contains(&"T.O.P"));
    /// # Ok::<(), hallyu::Error>(())
    /// ```
    pub fn members(&self, group: GroupId) -> Vec<(PersonId, CreditId)> {
        let mut out: Vec<(PersonId, CreditId)> = self
            .credits_of(Entity::Group(group))
            .iter()
            .filter_map(|&c| match (self.ends(c), &self[c].role) {
                ((Entity::Person(p), _), Role::Member { .. }) => Some((p, c)),
                _ => None,
            })
            .collect();
        out.sort_by(|a, b| self[a.0].name.cmp(&self[b.0].name));
        out
    }

    /// The groups a person belongs or belonged to, with the membership
    /// credits, by name.
    pub fn groups_of(&self, person: PersonId) -> Vec<(GroupId, CreditId)> {
        let mut out: Vec<(GroupId, CreditId)> = self
            .credits_of(Entity::Person(person))
            .iter()
            .filter_map(|&c| match (self.ends(c), &self[c].role) {
                ((_, Entity::Group(g)), Role::Member { .. }) => Some((g, c)),
                _ => None,
            })
            .collect();
        out.sort_by(|a, b| self[a.0].name.cmp(&self[b.0].name));
        out
    }

    /// Whether the filter leaves `work` in (its kind and year).
    pub fn admits(&self, filter: &Filter, work: WorkId) -> bool {
        let w = &self[work];
        filter.admits_work(w.kind, w.released.year)
    }
}
