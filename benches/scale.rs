//! Whole-graph analytics on synthetic datasets (written once under
//! `target/imdb-bench/`): one multi-source bit-parallel pass (64 and 256
//! searches), the exact top-10 centre, and the exact diameter.
//!
//! Medium by default; `HALLYU_BENCH_LARGE=1` adds large.

use std::hint::black_box;
use std::ops::ControlFlow;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use hallyu::import::Imdb;
use hallyu::import::synthetic::Synthetic;
use hallyu::query::CentreOptions;
use hallyu::{Filter, PersonId};

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
    let mut out = vec![("medium", Synthetic::medium())];
    if std::env::var_os("HALLYU_BENCH_LARGE").is_some_and(|v| v == "1") {
        out.push(("large", Synthetic::large()));
    }
    out
}

fn benches(c: &mut Criterion) {
    let f = Filter::new();
    for (name, spec) in sizes() {
        let ex = Imdb::new()
            .from_dir(dataset(name, spec))
            .expect("it loads")
            .explorer;
        // The answers every timed run must give.
        let top = ex.centre_top(10, CentreOptions::new(), &f);
        let best: PersonId = top.entries()[0].person;
        let diameter = ex.diameter(&f).diameter();
        let mut group = c.benchmark_group("scale");
        group.sample_size(10);
        for lanes in [64, 256] {
            group.bench_function(format!("centre-all/pass-{lanes}/{name}"), |b| {
                b.iter(|| {
                    let mut rows = 0;
                    let options = CentreOptions::new().lanes(lanes).threads(1);
                    ex.centre_all(options, &f, |row| {
                        assert_eq!(row.histogram[0], 1);
                        rows += 1;
                        if rows == lanes {
                            ControlFlow::Break(())
                        } else {
                            ControlFlow::Continue(())
                        }
                    });
                    assert_eq!(rows, lanes);
                    black_box(rows)
                })
            });
        }
        group.bench_function(format!("centre-top/10/{name}"), |b| {
            b.iter(|| {
                let top = ex.centre_top(10, CentreOptions::new(), &f);
                assert!(top.is_exact());
                assert_eq!(top.entries()[0].person, best);
                black_box(top.entries().len())
            })
        });
        group.bench_function(format!("diameter/{name}"), |b| {
            b.iter(|| {
                let d = ex.diameter(&f);
                assert_eq!(d.diameter(), diameter);
                black_box(d.radius())
            })
        });
        group.finish();
    }
}

criterion_group!(scale, benches);
criterion_main!(scale);
