//! Monte Carlo sweeps: many games of one scenario, in parallel, summarised for a facilitator who wants
//! to know before the workshop whether the scenario is winnable and balanced. The same seed gives the
//! same summary whatever the number of threads: game `i` always uses seed `seed + i`, and results are
//! gathered in game order.

mod fan_chart;
mod profile;
mod profile_html;
mod profile_text;
mod summary;
mod trace;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use crate::engine::state::Snapshot;
use crate::engine::{Game, OrderSource};
use crate::scenario::{BotPolicy, Scenario};

pub use profile::{DisputeProfile, Profile, QUANTILES, TurnProfile, profile};
pub use profile_html::render_html as render_profile_html;
pub use profile_text::{
    render_csv as render_profile_csv, render_json as render_profile_json, render_table as render_profile_table,
};
pub use summary::{Interval, ObjectiveRate, Summary, p10_median_p90, render_csv, render_json, render_table, summarise};
pub use trace::{MAX_TRACE_BYTES, Trace, trace_bytes};

/// What the seats do in every game of the sweep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Each actor follows its own bot policy from the scenario.
    Bots,
    /// Everyone follows the historical course.
    Historical,
    /// Everyone holds.
    Hold,
}

/// One game, reduced to what the summary needs.
#[derive(Debug, Clone, PartialEq)]
pub struct GameResult {
    pub seed: u64,
    pub outcome: String,
    pub turns: u32,
    pub deaths: u64,
    pub displaced: u64,
    /// `(actor, objective) → met`
    pub objectives: Vec<(crate::scenario::Id, crate::scenario::Id, bool)>,
}

/// Each actor's policy for a sweep: the base policy, then the overrides.
pub fn policies(
    s: &Scenario,
    base: Policy,
    overrides: &BTreeMap<crate::scenario::Id, BotPolicy>,
) -> BTreeMap<crate::scenario::Id, BotPolicy> {
    s.actors
        .iter()
        .map(|a| {
            let p = overrides.get(&a.id).copied().unwrap_or(match base {
                Policy::Bots => a.bot,
                Policy::Historical => BotPolicy::Historical,
                Policy::Hold => BotPolicy::Hold,
            });
            (a.id, p)
        })
        .collect()
}

/// Plays one game to its end.
pub fn play_one(scenario: &Arc<Scenario>, seed: u64, source: &OrderSource) -> GameResult {
    finish(&mut Game::new(scenario.clone(), seed), seed, source, |_| {})
}

/// Plays `game` (already at its start) to its end, keeping no turn records: a sweep prints none.
/// `after_turn` sees the state after each turn (a profile keeps figures from it; a plain sweep
/// passes a closure that does nothing, which compiles to nothing).
fn finish(game: &mut Game, seed: u64, source: &OrderSource, mut after_turn: impl FnMut(&Snapshot)) -> GameResult {
    let scenario = game.scenario().clone();
    let mut end = None;
    while !game.is_over() {
        let orders = source.orders(&scenario, game.state(), game.next_turn());
        end = game.advance(orders);
        after_turn(game.state());
    }
    let end = end.expect("a game played to its end has an ending");
    let state = game.state();
    GameResult {
        seed,
        outcome: end.outcome,
        turns: state.globals.turn,
        deaths: state.globals.deaths,
        displaced: state.globals.displaced,
        objectives: end.objectives.into_iter().map(|o| (o.actor, o.objective, o.met)).collect(),
    }
}

/// The worker threads of a sweep could not be started (the system refused a thread).
#[derive(Debug)]
pub struct PoolError {
    threads: usize,
    reason: String,
}

impl std::fmt::Display for PoolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let threads = if self.threads == 0 { "one per core".to_string() } else { self.threads.to_string() };
        write!(
            f,
            "cannot start the sweep's worker threads ({threads}): {}; try fewer with --threads (e.g. --threads 1)",
            self.reason
        )
    }
}

impl std::error::Error for PoolError {}

/// The pool of `threads` workers (0: one per core) as built, or why the system would not start them.
fn pool_or_error(
    built: Result<rayon::ThreadPool, rayon::ThreadPoolBuildError>,
    threads: usize,
) -> Result<rayon::ThreadPool, PoolError> {
    built.map_err(|e| PoolError { threads, reason: e.to_string() })
}

/// What the bots play on: when every seat follows the historical course, the course's own events
/// (its injects, format 2) happen in their turns, as when the course is played with `run`; otherwise
/// nothing (the facilitator's injects are not the bots' to fire).
fn base(scenario: &Scenario, policies: &BTreeMap<crate::scenario::Id, BotPolicy>) -> OrderSource {
    if policies.values().all(|p| *p == BotPolicy::Historical) {
        OrderSource::course_injects(scenario)
    } else {
        OrderSource::Hold
    }
}

/// Plays `runs` games on `threads` threads (0: all cores, and never more threads than games);
/// `progress` is called after each game.
pub fn sweep(
    scenario: &Arc<Scenario>,
    policies: &BTreeMap<crate::scenario::Id, BotPolicy>,
    runs: u64,
    seed: u64,
    threads: usize,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Vec<GameResult>, PoolError> {
    let source = OrderSource::bots(base(scenario, policies), policies);
    play_games(scenario, runs, seed, threads, progress, |game, game_seed| finish(game, game_seed, &source, |_| {}))
}

/// Plays `runs` games as [`sweep`] does, each one with a [`Trace`] of its figures turn by turn
/// (`sweep --profile`).
pub fn sweep_traced(
    scenario: &Arc<Scenario>,
    policies: &BTreeMap<crate::scenario::Id, BotPolicy>,
    runs: u64,
    seed: u64,
    threads: usize,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Vec<(GameResult, Trace)>, PoolError> {
    let source = OrderSource::bots(base(scenario, policies), policies);
    play_games(scenario, runs, seed, threads, progress, |game, game_seed| {
        let mut trace = Trace::with_capacity(scenario);
        let result = finish(game, game_seed, &source, |state| trace.record(state));
        (result, trace)
    })
}

/// Game `i` of `runs`, with seed `seed + i`, played by `play` on an engine restarted at that seed;
/// the results in game order.
fn play_games<R: Send>(
    scenario: &Arc<Scenario>,
    runs: u64,
    seed: u64,
    threads: usize,
    progress: &(dyn Fn(u64) + Sync),
    play: impl Fn(&mut Game, u64) -> R + Sync,
) -> Result<Vec<R>, PoolError> {
    let done = AtomicU64::new(0);
    let threads = if threads == 0 { 0 } else { threads.min(usize::try_from(runs).unwrap_or(usize::MAX).max(1)) };
    let pool = pool_or_error(rayon::ThreadPoolBuilder::new().num_threads(threads).build(), threads)?;
    // One engine (world and schedule) per worker thread, built for its first game and restarted for
    // each of the others: a game's result depends only on its seed, never on which worker played it
    // or what it played before. (`map_init` builds one per rayon job, and rayon splits 1,000 games on
    // two threads into ten jobs: eight engines more than needed, a few hundred µs of bevy's each.)
    // Each thread only ever locks its own slot.
    let engines: Vec<Mutex<Option<Game>>> = (0..pool.current_num_threads()).map(|_| Mutex::new(None)).collect();
    Ok(pool.install(|| {
        (0..runs)
            .into_par_iter()
            .map(|i| {
                let worker = rayon::current_thread_index().expect("sweep games run on the sweep's pool");
                let mut slot = engines[worker].lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let game = slot.get_or_insert_with(|| {
                    let mut game = Game::new(scenario.clone(), seed);
                    game.set_narrate(false);
                    game
                });
                let game_seed = seed.wrapping_add(i);
                game.restart(game_seed);
                let result = play(game, game_seed);
                progress(done.fetch_add(1, Ordering::Relaxed) + 1);
                result
            })
            .collect()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pool_the_system_will_not_start_is_an_error_that_says_what_to_do() {
        let refused = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .spawn_handler(|_| Err(std::io::Error::other("Resource temporarily unavailable")))
            .build();
        let e = pool_or_error(refused, 3).expect_err("no thread starts");
        assert_eq!(
            e.to_string(),
            "cannot start the sweep's worker threads (3): Resource temporarily unavailable; \
             try fewer with --threads (e.g. --threads 1)"
        );
    }
}
