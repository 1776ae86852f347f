//! Plays many turns of a scenario with bots, for profiling: `cargo run --release --example profile_turn -- kenya-2008 2000`.

use std::sync::Arc;

use good_offices::engine::{Game, OrderSource, play};
use good_offices::scenario::builtin::find;
use good_offices::scenario::synthetic::synthetic;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let id = args.get(1).map_or("cambodia-thailand-2011", String::as_str);
    let games: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(200);
    let s = Arc::new(match id.strip_prefix("synthetic-") {
        Some(n) => synthetic(n.parse().expect("a number of actors")),
        None => find(id).expect("built in").load().expect("valid").scenario,
    });
    let source = OrderSource::with_scenario_bots(OrderSource::Hold, &s);
    let start = std::time::Instant::now();
    let mut turns = 0;
    for seed in 0..games {
        turns += play(&mut Game::new(s.clone(), seed), &source, None).len();
    }
    let per = start.elapsed().as_secs_f64() / turns as f64 * 1e6;
    println!("{id}: {games} games, {turns} turns, {per:.1} µs per turn");
}
