//! Invariants of the analytics on random graphs, built as catalogs and
//! checked against a plain breadth-first search written here.

#![allow(clippy::needless_range_loop)] // people are indices here

use std::collections::{BTreeSet, VecDeque};

use hallyu::query::AllPathsOptions;
use hallyu::{Catalog, Explorer, Filter, PersonId};
use proptest::prelude::*;

/// A random cast: `people` people, and works each credited to 1–3 of them.
#[derive(Clone, Debug)]
struct Cast {
    people: usize,
    works: Vec<Vec<usize>>,
}

fn casts() -> impl Strategy<Value = Cast> {
    (1usize..=11).prop_flat_map(|people| {
        let work =
            proptest::collection::btree_set(0..people, 1..=3).prop_map(|s| s.into_iter().collect());
        proptest::collection::vec(work, 0..=14).prop_map(move |works| Cast { people, works })
    })
}

impl Cast {
    /// The cast as an explorer: people `p0`…, works `w0`…, lead credits.
    fn explorer(&self) -> Explorer {
        let mut s = String::from("(\n people: [\n");
        for i in 0..self.people {
            // Names repeat and do not follow the ids, so that orders by
            // name are tested (two begin with the same 16 bytes).
            let name = [
                "Yoon",
                "Kim Seo-joon Park Sr",
                "Kim",
                "Kim Seo-joon Park Jr",
            ][i * 3 % 4];
            s.push_str(&format!("  (id: \"p{i}\", name: \"{name}\"),\n"));
        }
        s.push_str(" ],\n works: [\n");
        for w in 0..self.works.len() {
            s.push_str(&format!(
                "  (id: \"w{w}\", title: \"Work {w}\", kind: Film, released: \"{}\"),\n",
                2000 + w
            ));
        }
        s.push_str(" ],\n credits: [\n");
        for (w, cast) in self.works.iter().enumerate() {
            for p in cast {
                s.push_str(&format!(
                    "  (from: \"p{p}\", to: \"w{w}\", role: Cast(billing: Lead)),\n"
                ));
            }
        }
        s.push_str(" ],\n)\n");
        Explorer::new(Catalog::from_str("random.ron", &s).expect("generated catalogs are valid"))
    }

    /// Adjacency: who shares a work with whom.
    fn adjacency(&self) -> Vec<BTreeSet<usize>> {
        let mut adj = vec![BTreeSet::new(); self.people];
        for cast in &self.works {
            for &a in cast {
                for &b in cast {
                    if a != b {
                        adj[a].insert(b);
                    }
                }
            }
        }
        adj
    }

    /// Whether person `a` has a credit: the people without one are not
    /// nodes of the co-appearance graph.
    fn credited(&self, a: usize) -> bool {
        self.works.iter().any(|w| w.contains(&a))
    }

    fn shares(&self, a: usize, b: usize, work: usize) -> bool {
        self.works[work].contains(&a) && self.works[work].contains(&b)
    }
}

/// Plain BFS: distances from `s` (None when unreachable) and the number of
/// shortest paths to each node.
fn bfs(adj: &[BTreeSet<usize>], s: usize) -> (Vec<Option<usize>>, Vec<u64>) {
    let mut dist = vec![None; adj.len()];
    let mut count = vec![0u64; adj.len()];
    dist[s] = Some(0);
    count[s] = 1;
    let mut queue = VecDeque::from([s]);
    while let Some(u) = queue.pop_front() {
        let du = dist[u].unwrap();
        for &v in &adj[u] {
            match dist[v] {
                None => {
                    dist[v] = Some(du + 1);
                    count[v] = count[u];
                    queue.push_back(v);
                }
                Some(dv) if dv == du + 1 => count[v] += count[u],
                _ => {}
            }
        }
    }
    (dist, count)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn shortest_paths_are_real_and_minimal(cast in casts()) {
        let ex = cast.explorer();
        let ids: Vec<PersonId> = ex.people().collect();
        let id = |i: usize| ids[i];
        let adj = cast.adjacency();
        let f = Filter::new();
        for a in 0..cast.people {
            let (dist, count) = bfs(&adj, a);
            for b in 0..cast.people {
                let path = ex.shortest_path(id(a), id(b), &f);
                prop_assert_eq!(path.as_ref().map(|p| p.len()), dist[b]);
                if let Some(p) = path {
                    prop_assert_eq!((p.start(), p.end()), (id(a), id(b)));
                    for s in p.steps() {
                        prop_assert!(cast.shares(s.from.index(), s.to.index(), s.work.index()));
                    }
                }

                let all = ex.all_shortest_paths(id(a), id(b), &AllPathsOptions::new().limit(10_000), &f);
                prop_assert_eq!(all.distance(), dist[b]);
                prop_assert_eq!(all.count(), count[b]);
                prop_assert_eq!(all.len() as u64, count[b]);
                let mut distinct = BTreeSet::new();
                for p in &all {
                    prop_assert_eq!(Some(p.len()), dist[b]);
                    prop_assert_eq!((p.start(), p.end()), (id(a), id(b)));
                    let people = p.people();
                    for (pair, s) in people.windows(2).zip(p.steps()) {
                        prop_assert_eq!((pair[0], pair[1]), (s.from, s.to));
                        prop_assert!(cast.shares(s.from.index(), s.to.index(), s.work.index()));
                    }
                    prop_assert!(distinct.insert(people), "paths are distinct");
                }
                let capped = ex.all_shortest_paths(id(a), id(b), &AllPathsOptions::new().limit(1), &f);
                prop_assert_eq!(capped.count(), count[b]);
                prop_assert_eq!(capped.len() as u64, count[b].min(1));
            }
        }
    }

    #[test]
    fn co_appearance_is_symmetric(cast in casts()) {
        let ex = cast.explorer();
        let ids: Vec<PersonId> = ex.people().collect();
        let id = |i: usize| ids[i];
        let adj = cast.adjacency();
        let f = Filter::new();
        for a in 0..cast.people {
            let costars = ex.co_appearances(id(a), &f);
            let got: BTreeSet<usize> = costars.iter().map(|c| c.person.index()).collect();
            prop_assert_eq!(&got, &adj[a]);
            // Strongest first, then by name, then by id.
            let order: Vec<_> = costars
                .iter()
                .map(|c| (std::cmp::Reverse(c.works.len()), ex.name(c.person.into()), c.person.index()))
                .collect();
            prop_assert!(order.is_sorted(), "{:?}", order);
            for c in &costars {
                let back = ex.co_appearances(c.person, &f);
                let entry = back.get(id(a));
                prop_assert!(entry.is_some());
                prop_assert_eq!(entry.unwrap().works.len(), c.works.len());
                prop_assert_eq!(
                    ex.shared_works(id(a), c.person, &f).len(),
                    ex.shared_works(c.person, id(a), &f).len()
                );
            }
        }
        let projection = ex.projection(&f);
        let pairs: usize = adj.iter().map(BTreeSet::len).sum();
        prop_assert_eq!(projection.edge_count() * 2, pairs);
    }

    #[test]
    fn histograms_sum_to_the_component_size(cast in casts()) {
        let ex = cast.explorer();
        let ids: Vec<PersonId> = ex.people().collect();
        let id = |i: usize| ids[i];
        let adj = cast.adjacency();
        let f = Filter::new();
        let components = ex.components(&f);
        let nodes = (0..cast.people).filter(|&a| cast.credited(a)).count();
        let total: usize = components.iter().map(|c| c.people.len()).sum();
        prop_assert_eq!(total, nodes);
        prop_assert_eq!(components.left_out(), cast.people - nodes);
        let ranking = ex.centre_ranking(&f);
        prop_assert_eq!(ranking.len(), nodes);
        for a in 0..cast.people {
            let (dist, _) = bfs(&adj, a);
            let d = ex.distances(id(a), &f);
            // The source is always reached; everyone else is reachable,
            // unreachable or not a node.
            prop_assert_eq!(d.reachable() + d.unreachable().len() + d.left_out(), cast.people);
            for b in 0..cast.people {
                prop_assert_eq!(d.distance(id(b)), dist[b]);
            }
            if !cast.credited(a) {
                prop_assert!(components.of(id(a)).is_none());
                prop_assert_eq!(d.reachable(), 1);
                continue;
            }
            let size = components.of(id(a)).unwrap().people.len();
            prop_assert_eq!(d.histogram().iter().sum::<usize>(), size);
            let entry = ranking.iter().find(|e| e.person == id(a)).unwrap();
            prop_assert_eq!(entry.component_size, size);
        }
        let sizes: Vec<usize> = ranking.iter().map(|e| e.component_size).collect();
        prop_assert!(sizes.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn centrality_is_consistent(cast in casts()) {
        let ex = cast.explorer();
        let ids: Vec<PersonId> = ex.people().collect();
        let id = |i: usize| ids[i];
        let adj = cast.adjacency();
        let c = ex.centrality(&Filter::new());
        // Normalised over the nodes: the people with a credit.
        let n = (0..cast.people).filter(|&a| cast.credited(a)).count() as f64;
        for a in 0..cast.people {
            let s = c.get(id(a));
            prop_assert_eq!(s.degree, adj[a].len());
            prop_assert!((0.0..=1.0 + 1e-12).contains(&s.closeness));
            prop_assert!((0.0..=1.0 + 1e-12).contains(&s.betweenness));
            if adj[a].len() <= 1 {
                prop_assert_eq!(s.betweenness, 0.0);
            }
        }
        // The sum of betweenness is the sum over pairs of (distance − 1),
        // normalised: every inner node of every shortest path gets its share.
        if n > 2.0 {
            let mut inner = 0.0;
            for a in 0..cast.people {
                let (dist, _) = bfs(&adj, a);
                inner += dist.iter().flatten().filter(|&&d| d > 1).map(|&d| (d - 1) as f64).sum::<f64>();
            }
            let sum: f64 = c.iter().map(|s| s.betweenness).sum();
            let want = inner / ((n - 1.0) * (n - 2.0));
            prop_assert!((sum - want).abs() <= 1e-9 * want.max(1.0));
        }
    }

    #[test]
    fn recommendations_are_the_people_at_distance_two(cast in casts()) {
        let ex = cast.explorer();
        let ids: Vec<PersonId> = ex.people().collect();
        let id = |i: usize| ids[i];
        let adj = cast.adjacency();
        let f = Filter::new();
        for a in 0..cast.people {
            let (dist, _) = bfs(&adj, a);
            let recs = ex.recommendations(id(a), &f);
            let got: BTreeSet<usize> = recs.iter().map(|r| r.person.index()).collect();
            let want: BTreeSet<usize> = (0..cast.people).filter(|&b| dist[b] == Some(2)).collect();
            prop_assert_eq!(got, want);
            for r in &recs {
                let through: BTreeSet<usize> = r.through.iter().map(|p| p.index()).collect();
                let common: BTreeSet<usize> = adj[a].intersection(&adj[r.person.index()]).copied().collect();
                prop_assert_eq!(through, common);
            }
            for b in 0..cast.people {
                let intros = ex.introductions(id(a), id(b), &f);
                let got: BTreeSet<usize> = intros.iter().map(|i| i.person.index()).collect();
                let want: BTreeSet<usize> = if a == b {
                    BTreeSet::new()
                } else {
                    adj[a].intersection(&adj[b]).copied().filter(|&x| x != a && x != b).collect()
                };
                prop_assert_eq!(got, want);
            }
        }
    }
}
