//! The server's JSON API: each endpoint reads its parameters and gives the
//! library's answer (`query::answer`), or a JSON error.

use std::time::Instant;

use crate::filter::Filter;
use crate::id::{Entity, PersonId};
use crate::model::WorkKind;
use crate::query::Avoid;
use crate::query::answer;

use super::{Answer, MAX_K, State, error, ok};

impl State {
    pub(super) fn answer(&self, url: &str, deadline: Instant) -> Result<Answer, Answer> {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let params = parse_query(query);
        let param = |name: &str| {
            params
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let answer = match path {
            "/api/search" => match param("q") {
                Some(q) if !q.trim().is_empty() => self.search(q),
                _ => error(400, "missing ?q="),
            },
            "/api/costars" => {
                let filter = self.filter(&param)?;
                let p = self.person_param(param("person"))?;
                self.in_time(deadline)?;
                ok(&answer::CoStars::of(
                    &self.explorer,
                    p,
                    &filter,
                    &self.options(),
                ))
            }
            "/api/neighbours" => {
                let filter = self.filter(&param)?;
                let p = self.person_param(param("person"))?;
                self.in_time(deadline)?;
                self.neighbours(p, param("hops"), &filter)?
            }
            "/api/paths" => match (param("from"), param("to")) {
                (Some(a), Some(b)) => {
                    let a = self.find_person(a)?;
                    let b = self.find_person(b)?;
                    let filter = self.filter(&param)?;
                    let avoid = self.avoid(&param)?;
                    let k: usize = param("k")
                        .unwrap_or("5")
                        .trim()
                        .parse()
                        .ok()
                        .filter(|k| (1..=MAX_K).contains(k))
                        .ok_or_else(|| error(400, format!("?k= is a number from 1 to {MAX_K}")))?;
                    self.in_time(deadline)?;
                    let paths = answer::Paths::k_shortest(&self.explorer, a, b, k, &avoid, &filter);
                    self.in_time(deadline)?;
                    ok(&paths)
                }
                _ => error(400, "missing ?from= or &to="),
            },
            "/api/graph" => {
                let filter = self.filter(&param)?;
                self.graph(&param, &filter, deadline)?
            }
            "/api/communities" => {
                let records = self.records(param("records"))?;
                let found = self
                    .communities
                    .get_or_init(|| {
                        crate::html::membership(
                            &self.explorer,
                            &self.options.filter,
                            &crate::query::CommunityOptions::new(),
                        )
                        .map_err(|e| e.to_string())
                    })
                    .as_ref()
                    .map_err(|e| error(400, e.clone()))?;
                self.in_time(deadline)?;
                ok(&found.of(&self.explorer, &records))
            }
            "/api/path" => match (param("from"), param("to")) {
                (Some(a), Some(b)) => {
                    let a = self.find_person(a)?;
                    self.in_time(deadline)?;
                    let b = self.find_person(b)?;
                    self.in_time(deadline)?;
                    let filter = self.filter(&param)?;
                    let avoid = self.avoid(&param)?;
                    let via = match param("via").filter(|v| !v.trim().is_empty()) {
                        Some(v) => Some(self.find_person(v)?),
                        None => None,
                    };
                    let yes = |k: &str| matches!(param(k), Some("1" | "true" | "yes"));
                    let path = if yes("strongest") {
                        answer::Path::strongest(&self.explorer, a, b, &filter)
                    } else if yes("in_order") {
                        answer::Path::in_order(&self.explorer, a, b, &avoid, &filter)
                    } else {
                        answer::Path::routed(&self.explorer, a, b, via, &avoid, &filter)
                    };
                    self.in_time(deadline)?;
                    ok(&path)
                }
                _ => error(400, "missing ?from= or &to="),
            },
            _ => match path.strip_prefix("/api/person/") {
                Some(key) => {
                    let p = self.person_param(Some(&percent_decode(key)))?;
                    self.in_time(deadline)?;
                    self.person(p)
                }
                None => error(404, format!("no such endpoint: {path}")),
            },
        };
        Ok(answer)
    }

    fn find_person(&self, name: &str) -> Result<PersonId, Answer> {
        if let Some(Entity::Person(p)) = self.explorer.by_key(name) {
            return Ok(p);
        }
        self.explorer
            .person(name)
            .map_err(|e| error(404, e.to_string()))
    }

    fn person_param(&self, name: Option<&str>) -> Result<PersonId, Answer> {
        match name {
            Some(n) if !n.trim().is_empty() => self.find_person(n),
            _ => Err(error(400, "missing person")),
        }
    }

    fn options(&self) -> answer::Options {
        answer::Options::new().limit(self.options.max_results)
    }

    fn search(&self, q: &str) -> Answer {
        ok(&answer::Search::of(&self.explorer, q, &self.options()))
    }

    fn person(&self, p: PersonId) -> Answer {
        ok(&answer::Info::of(&self.explorer, p.into(), &self.options()))
    }

    /// The server's filter with the request's `years=FROM-TO`,
    /// `kinds=mv,drama`, `unverified=1` and `as_of=YEAR` (each optional)
    /// applied.
    fn filter<'p>(&self, param: &impl Fn(&str) -> Option<&'p str>) -> Result<Filter, Answer> {
        let mut filter = self.options.filter.clone();
        if let Some(years) = param("years").filter(|y| !y.trim().is_empty() && y.trim() != "-") {
            let years = Filter::parse_years(years).map_err(|e| error(400, e.to_string()))?;
            filter = filter.years(years);
        }
        if let Some(kinds) = param("kinds") {
            let kinds = kinds
                .split(',')
                .filter(|k| !k.trim().is_empty())
                .map(|k| k.trim().parse::<WorkKind>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| error(400, e.to_string()))?;
            filter = filter.kinds(kinds);
        }
        if let Some(u) = param("unverified") {
            filter = filter.include_unverified(matches!(u, "1" | "true" | "yes"));
        }
        if let Some(y) = param("as_of").filter(|y| !y.trim().is_empty()) {
            let y = y
                .trim()
                .parse::<i32>()
                .map_err(|_| error(400, format!("as_of must be a year, e.g. 2012, not \"{y}\"")))?;
            filter = filter.as_of(y);
        }
        Ok(filter)
    }

    /// `/api/graph`: around a record (`?around=KEY`), of records
    /// (`?records=KEY,KEY`), or where the picture starts; `?limit=N` at
    /// most the server's limit.
    fn graph<'p>(
        &self,
        param: &impl Fn(&str) -> Option<&'p str>,
        filter: &Filter,
        deadline: Instant,
    ) -> Result<Answer, Answer> {
        let mut options = self.options();
        if let Some(n) = param("limit") {
            let n: usize = n
                .trim()
                .parse()
                .map_err(|_| error(400, "?limit= is not a number"))?;
            options = options.limit(n.clamp(1, self.options.max_results));
        }
        if let Some(key) = param("around") {
            let e = self.find_record(key)?;
            self.in_time(deadline)?;
            return Ok(ok(&answer::Graph::around(
                &self.explorer,
                e,
                filter,
                &options,
            )));
        }
        if let Some(keys) = param("records") {
            let records = self.records(Some(keys))?;
            return Ok(ok(&answer::Graph::of(&self.explorer, &records, filter)));
        }
        Ok(ok(&answer::Graph::start(&self.explorer, filter, &options)))
    }

    /// The records of `?records=KEY,KEY`: at most the server's limit.
    fn records(&self, keys: Option<&str>) -> Result<Vec<Entity>, Answer> {
        let Some(keys) = keys else {
            return Err(error(400, "missing ?records="));
        };
        let keys: Vec<&str> = keys.split(',').filter(|k| !k.is_empty()).collect();
        if keys.len() > self.options.max_results {
            return Err(error(
                400,
                format!("more than {} records asked", self.options.max_results),
            ));
        }
        keys.iter().map(|k| self.find_record(k)).collect()
    }

    /// A person or a work, by key or by a name the library finds
    /// unambiguously.
    fn find_record(&self, name: &str) -> Result<Entity, Answer> {
        if let Some(e) = self.explorer.by_key(name) {
            return Ok(e);
        }
        self.explorer
            .lookup(name)
            .map_err(|e| error(404, e.to_string()))
    }

    fn neighbours(
        &self,
        p: PersonId,
        hops: Option<&str>,
        filter: &Filter,
    ) -> Result<Answer, Answer> {
        let mut options = self.options();
        if let Some(k) = hops {
            let k = k
                .trim()
                .parse()
                .map_err(|_| error(400, "?hops= is not a number"))?;
            options = options.hops(k);
        }
        Ok(ok(&answer::Neighbours::of(
            &self.explorer,
            p,
            filter,
            &options,
        )))
    }

    /// The people and works (`avoid=KEY,KEY`, people or works;
    /// `avoid_works=KEY,KEY`, works only) a path must not pass through, by
    /// key or unambiguous name.
    fn avoid<'p>(&self, param: &impl Fn(&str) -> Option<&'p str>) -> Result<Avoid, Answer> {
        let list = |name: &str| -> Vec<&'p str> {
            param(name)
                .map(|v| {
                    v.split(',')
                        .map(str::trim)
                        .filter(|k| !k.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut avoid = Avoid::new();
        for p in list("avoid") {
            avoid = match self.find_record(p)? {
                Entity::Person(q) => avoid.person(q),
                Entity::Work(w) => avoid.work(w),
                _ => return Err(error(400, format!("{p:?} is neither a person nor a work"))),
            };
        }
        for w in list("avoid_works") {
            match self.find_record(w)? {
                Entity::Work(w) => avoid = avoid.work(w),
                _ => return Err(error(400, format!("{w:?} is not a work"))),
            }
        }
        if avoid.records().len() > self.options.max_results {
            return Err(error(400, "too many records to avoid"));
        }
        Ok(avoid)
    }
}

/// `a=1&b=x+y` → pairs, `+` and `%XX` decoded (invalid escapes are kept).
fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|s| !s.is_empty())
        .take(16)
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_queries() {
        assert_eq!(percent_decode("bak+seo-jun"), "bak seo-jun");
        assert_eq!(percent_decode("%EB%B0%95"), "박");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
