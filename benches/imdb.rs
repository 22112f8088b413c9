//! IMDb-scale benches on synthetic datasets (written once under
//! `target/imdb-bench/`): load, co-appearances of the most-credited person,
//! a path between two ordinary people, the full distance histogram of the
//! most-credited person, components, and a name search with a typo.
//!
//! Small and medium by default; `HALLYU_BENCH_LARGE=1` adds large (2M
//! names, 500k titles).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use hallyu::import::Imdb;
use hallyu::import::synthetic::Synthetic;
use hallyu::{Explorer, Filter, PersonId};

fn dataset(name: &str, spec: Synthetic) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/imdb-bench")
        .join(name);
    if !dir.join("title.principals.tsv").is_file() {
        spec.write_to(&dir)
            .expect("the synthetic dataset is written");
    }
    dir
}

fn sizes() -> Vec<(&'static str, Synthetic)> {
    let mut out = vec![
        ("small", Synthetic::small()),
        ("medium", Synthetic::medium()),
    ];
    if std::env::var_os("HALLYU_BENCH_LARGE").is_some_and(|v| v == "1") {
        out.push(("large", Synthetic::large()));
    }
    out
}

fn most_credited(ex: &Explorer, f: &Filter) -> PersonId {
    ex.people()
        .max_by_key(|&p| (ex.works_of(p, f).len(), std::cmp::Reverse(p)))
        .expect("people")
}

/// Two people a third and two thirds of the way through the data, both in
/// the hub's component.
fn ordinary_pair(ex: &Explorer, f: &Filter, hub: PersonId) -> (PersonId, PersonId) {
    let n = ex.people().len();
    let pick = |from: usize| {
        ex.people()
            .skip(from)
            .find(|&p| p != hub && ex.shortest_path(hub, p, f).is_some())
            .expect("someone connected")
    };
    (pick(n / 3), pick(2 * n / 3))
}

/// A misspelt name of the synthetic sets (every set holds "Seo-joon Park").
const TYPO: &str = "Seo-jon Parc";

/// The name of the best match of a name search.
fn first_name(ex: &Explorer, query: &str) -> String {
    let best = ex.search(query).next().expect("a match");
    ex.name(best.value).to_string()
}

fn benches(c: &mut Criterion) {
    let f = Filter::new();
    for (name, spec) in sizes() {
        let dir = dataset(name, spec);
        let mut group = c.benchmark_group(format!("imdb/{name}"));
        group.sample_size(10);
        group.bench_function("load", |b| {
            b.iter(|| {
                let imported = Imdb::new().from_dir(&dir).expect("loads");
                assert!(imported.report.people > 0);
                imported
            })
        });
        let imported = Imdb::new().from_dir(&dir).expect("loads");
        let ex = &imported.explorer;
        let hub = most_credited(ex, &f);
        let costars = ex.co_appearances(hub, &f).len();
        let histogram = ex.distances(hub, &f).histogram().to_vec();
        let components = ex.components(&f).sizes();
        let (a, b) = ordinary_pair(ex, &f, hub);
        let hops = ex.shortest_path(a, b, &f).map(|p| p.len());
        group.sample_size(20);
        group.bench_function("costars/most-credited", |bench| {
            bench.iter(|| assert_eq!(ex.co_appearances(black_box(hub), &f).len(), costars))
        });
        group.bench_function("path/bidirectional", |bench| {
            bench.iter(|| assert_eq!(ex.shortest_path(black_box(a), b, &f).map(|p| p.len()), hops))
        });
        group.bench_function("distances/histogram", |bench| {
            bench.iter(|| {
                assert_eq!(
                    ex.distances(black_box(hub), &f).histogram().to_vec(),
                    histogram
                )
            })
        });
        group.bench_function("components", |bench| {
            bench.iter(|| assert_eq!(ex.components(black_box(&f)).sizes(), components))
        });
        // Name search: the first query builds the name index (not timed
        // here; scripts/bench_search.py measures it), then a misspelt name
        // ("Seo-jon Parc" for "Seo-joon Park", two edits) is looked up
        // among every name of the set.
        assert_eq!(first_name(ex, TYPO), "Seo-joon Park");
        group.bench_function("search/typo", |bench| {
            bench.iter(|| assert_eq!(first_name(ex, black_box(TYPO)), "Seo-joon Park"))
        });
        group.finish();
    }
}

criterion_group!(imdb, benches);
criterion_main!(imdb);
