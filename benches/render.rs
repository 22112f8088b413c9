//! DOT export and built-in rendering on synthetic diagrams of about 50, 500
//! and 5,000 nodes.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hallyu::export::dot::{self, DotOptions};
use hallyu::export::{Diagram, NodeKind};
use hallyu::model::{RoleKind, WorkKind};
use hallyu::render::{self, Engine, RenderOptions};

/// People, groups, works and organisations with about three credits per
/// person, from a fixed pseudo-random sequence.
fn synthetic(nodes: usize) -> Diagram {
    let people = nodes * 5 / 10;
    let groups = nodes / 20;
    let works = nodes * 4 / 10;
    let orgs = nodes - people - groups - works;
    let mut d = Diagram::new(format!("synthetic {nodes}"));
    for i in 0..people {
        d.add_node(
            &format!("p{i}"),
            NodeKind::Person,
            format!("Person {i} (사람 {i})"),
        );
    }
    for i in 0..groups {
        d.add_node(&format!("g{i}"), NodeKind::Group, format!("Group {i}"));
    }
    for i in 0..works {
        let kind = WorkKind::ALL[i % WorkKind::ALL.len()];
        d.add_node(
            &format!("w{i}"),
            NodeKind::Work(kind),
            format!("Work {i} ({})", 1990 + i % 35),
        );
    }
    for i in 0..orgs {
        d.add_node(&format!("o{i}"), NodeKind::Organisation, format!("Org {i}"));
    }
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n.max(1) as u64) as usize
    };
    let (g0, w0, o0) = (people, people + groups, people + groups + works);
    for p in 0..people {
        for k in 0..3 {
            let role = [RoleKind::Lead, RoleKind::Supporting, RoleKind::Cameo][k];
            d.add_edge(p, w0 + next(works), role, "");
        }
        if groups > 0 && p % 4 == 0 {
            d.add_edge(p, g0 + next(groups), RoleKind::Member, "");
        }
    }
    for g in 0..groups {
        d.add_edge(g0 + g, w0 + next(works), RoleKind::Performer, "");
    }
    for w in 0..works {
        if orgs > 0 && w % 3 == 0 {
            d.add_edge(w0 + w, o0 + next(orgs), RoleKind::ProducedBy, "");
        }
    }
    d
}

fn benches(c: &mut Criterion) {
    let options = DotOptions::new();
    let builtin = RenderOptions::new().engine(Engine::Builtin);
    for size in [50, 500, 5000] {
        let diagram = synthetic(size);
        let mut group = c.benchmark_group("export");
        if size >= 5000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::new("dot", size), &diagram, |b, d| {
            b.iter(|| {
                let text = dot::to_dot(black_box(d), &options);
                assert!(text.len() > d.nodes.len() * 50);
                text
            })
        });
        group.finish();

        let mut group = c.benchmark_group("render");
        if size >= 500 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::new("builtin", size), &diagram, |b, d| {
            b.iter(|| {
                let picture = render::render(black_box(d), &builtin).expect("SVG");
                assert!(picture.warnings().is_empty());
                picture
            })
        });
        group.finish();
    }
}

criterion_group!(render_benches, benches);
criterion_main!(render_benches);
