//! Performance suite: one turn of each built-in scenario with bots, a whole game, sweep throughput,
//! and a synthetic scaling series (15, 60, 240 actors). Figures: docs/performance.md.
//!
//! Run: `cargo bench --bench engine` (a subset: `cargo bench --bench engine -- turn/`).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use good_offices::engine::state::Snapshot;
use good_offices::engine::{Game, OrderSource, play};
use good_offices::scenario::Scenario;
use good_offices::scenario::builtin::BUILT_INS;
use good_offices::scenario::synthetic::synthetic;
use good_offices::sweep::{Policy, policies, sweep};

fn bots(s: &Scenario) -> OrderSource {
    OrderSource::with_scenario_bots(OrderSource::Hold, s)
}

/// The first turn of a fresh game with every seat played by its bot policy (the game's setup is not
/// timed; the bots' orders are).
fn first_turn_with_bots(bench: &mut criterion::Bencher, s: &Arc<Scenario>) {
    let source = bots(s);
    let state = Snapshot::initial(s);
    bench.iter_batched(
        || Game::resume(s.clone(), 7, state.clone(), false),
        |mut game| {
            let orders = source.orders(s, game.state(), 1);
            black_box(game.play_turn(&orders))
        },
        BatchSize::SmallInput,
    )
}

fn one_turn(c: &mut Criterion) {
    for b in BUILT_INS {
        let s = Arc::new(b.load().expect("valid").scenario);
        c.bench_function(&format!("turn/{}", b.id), |bench| first_turn_with_bots(bench, &s));
    }
}

fn whole_game(c: &mut Criterion) {
    let s = Arc::new(
        good_offices::scenario::builtin::find("cambodia-thailand-2011")
            .expect("built in")
            .load()
            .expect("valid")
            .scenario,
    );
    let source = bots(&s);
    c.bench_function("game/cambodia-thailand-2011", |bench| {
        bench.iter(|| black_box(play(&mut Game::new(s.clone(), 7), &source, None)))
    });
}

fn sweep_throughput(c: &mut Criterion) {
    let s = Arc::new(
        good_offices::scenario::builtin::find("cambodia-thailand-2011")
            .expect("built in")
            .load()
            .expect("valid")
            .scenario,
    );
    let p = policies(&s, Policy::Bots, &BTreeMap::new());
    let mut group = c.benchmark_group("sweep");
    group.sample_size(10);
    for threads in [1, 2] {
        group.bench_function(format!("cambodia-thailand-2011/200-games/{threads}-threads"), |bench| {
            bench.iter(|| black_box(sweep(&s, p.clone(), 200, 1, threads, &|_| {})))
        });
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    for n in [15, 60, 240] {
        let s = Arc::new(synthetic(n));
        group.bench_function(format!("turn/{n}-actors"), |bench| first_turn_with_bots(bench, &s));
    }
    group.finish();
}

criterion_group!(benches, one_turn, whole_game, sweep_throughput, scaling);
criterion_main!(benches);
