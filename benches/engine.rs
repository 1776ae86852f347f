//! Performance suite: one turn of each built-in scenario with bots, a whole game, sweep throughput,
//! and a synthetic scaling series (15, 60, 240 actors). Figures: docs/performance.md.
//!
//! Run: `cargo bench --bench engine` (a subset: `cargo bench --bench engine -- turn/`).
//!
//! A turn or a game is measured as a sweep plays it: on an engine whose world and turn schedule are
//! already built (a sweep's worker builds them once and restarts them for each game), with no
//! narrative (`set_narrate(false)`, no turn record). The `narrated` and `cold` benches measure what a
//! workshop's single game adds: the wording and records of every turn, and building the engine.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use good_offices::engine::{Game, OrderSource, play};
use good_offices::scenario::Scenario;
use good_offices::scenario::builtin::BUILT_INS;
use good_offices::scenario::synthetic::synthetic;
use good_offices::sweep::{Policy, policies, sweep};

fn bots(s: &Scenario) -> OrderSource {
    OrderSource::with_scenario_bots(OrderSource::Hold, s)
}

fn built_in(id: &str) -> Arc<Scenario> {
    Arc::new(good_offices::scenario::builtin::find(id).expect("built in").load().expect("valid").scenario)
}

/// An engine for `s` whose world and schedule have run once (so are built and initialised).
fn warm_engine(s: &Arc<Scenario>, source: &OrderSource, narrate: bool) -> Game {
    let mut game = Game::new(s.clone(), 0);
    game.set_narrate(narrate);
    let orders = source.orders(s, game.state(), 1);
    game.play_turn(&orders);
    game
}

/// The first turn of a game, every seat played by its bot policy: the bots' orders and the turn are
/// timed, restarting the engine between iterations is not (a restart puts the start back into the
/// rows the last game wrote, in the state and the world).
fn first_turn(bench: &mut criterion::Bencher, s: &Arc<Scenario>, narrate: bool) {
    let source = bots(s);
    let mut game = warm_engine(s, &source, narrate);
    bench.iter_custom(|iters| {
        let mut timed = Duration::ZERO;
        for i in 0..iters {
            game.restart(i);
            let start = Instant::now();
            let orders = source.orders(s, game.state(), 1);
            if narrate {
                black_box(game.play_turn(&orders));
            } else {
                black_box(game.advance(orders));
            }
            timed += start.elapsed();
        }
        timed
    })
}

/// A turn after the first (bots' orders and the turn), over whole games: one timed "iteration" is one
/// such turn, taken in order from games of successive seeds; each game's first turn is played untimed.
fn later_turn(bench: &mut criterion::Bencher, s: &Arc<Scenario>) {
    let source = bots(s);
    let mut game = warm_engine(s, &source, false);
    let mut seed = 0;
    bench.iter_custom(|iters| {
        let mut timed = Duration::ZERO;
        for _ in 0..iters {
            while game.is_over() || game.next_turn() == 1 {
                seed += 1;
                game.restart(seed);
                let orders = source.orders(s, game.state(), 1);
                game.advance(orders);
            }
            let start = Instant::now();
            let orders = source.orders(s, game.state(), game.next_turn());
            black_box(game.advance(orders));
            timed += start.elapsed();
        }
        timed
    })
}

fn one_turn(c: &mut Criterion) {
    for b in BUILT_INS {
        let s = Arc::new(b.load().expect("valid").scenario);
        c.bench_function(&format!("turn/{}", b.id), |bench| first_turn(bench, &s, false));
    }
    let s = built_in("cambodia-thailand-2011");
    c.bench_function("turn-after-the-first/cambodia-thailand-2011", |bench| later_turn(bench, &s));
    c.bench_function("turn-narrated/cambodia-thailand-2011", |bench| first_turn(bench, &s, true));
}

fn whole_game(c: &mut Criterion) {
    let s = built_in("cambodia-thailand-2011");
    let source = bots(&s);
    // As a sweep plays it: the engine restarted, every turn played, no records kept.
    let mut game = warm_engine(&s, &source, false);
    let mut seed = 0;
    c.bench_function("game/cambodia-thailand-2011", |bench| {
        bench.iter(|| {
            seed += 1;
            game.restart(seed);
            let mut end = None;
            while !game.is_over() {
                let orders = source.orders(&s, game.state(), game.next_turn());
                end = game.advance(orders);
            }
            black_box(end)
        })
    });
    // As a workshop's one game: a new engine, and every turn's record.
    c.bench_function("game-cold-narrated/cambodia-thailand-2011", |bench| {
        bench.iter(|| black_box(play(&mut Game::new(s.clone(), 7), &source, None)))
    });
}

fn sweep_throughput(c: &mut Criterion) {
    let s = built_in("cambodia-thailand-2011");
    let p = policies(&s, Policy::Bots, &BTreeMap::new());
    let mut group = c.benchmark_group("sweep");
    group.sample_size(10);
    for threads in [1, 2] {
        group.bench_function(format!("cambodia-thailand-2011/1000-games/{threads}-threads"), |bench| {
            bench.iter(|| black_box(sweep(&s, &p, 1000, 1, threads, &|_| {}).expect("a pool")))
        });
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    for n in [15, 60, 240] {
        let s = Arc::new(synthetic(n));
        group.bench_function(format!("turn/{n}-actors"), |bench| first_turn(bench, &s, false));
    }
    group.finish();
}

criterion_group!(benches, one_turn, whole_game, sweep_throughput, scaling);
criterion_main!(benches);
