//! Plays many games of a scenario with bots as a sweep does (one engine restarted for each game, no
//! narrative), for profilers and quick measurements:
//!
//! ```text
//! cargo run --release --example profile_turn -- cambodia-thailand-2011 2000
//! cargo run --release --example profile_turn -- synthetic-240 20
//! cargo run --release --example profile_turn -- kenya-2008 500 narrated   # with every turn's record
//! cargo run --release --example profile_turn -- cambodia-thailand-2011 2000 first   # first turns only
//! ```
//!
//! Under valgrind, the instructions of N games are those of a run of N games less those of a run of
//! none (the scenario's loading); see docs/performance.md.

use std::sync::Arc;
use std::time::{Duration, Instant};

use good_offices::engine::{Game, OrderSource};
use good_offices::scenario::builtin::find;
use good_offices::scenario::synthetic::synthetic;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let id = args.get(1).map_or("cambodia-thailand-2011", String::as_str);
    let games: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(200);
    let narrated = args.iter().skip(3).any(|a| a == "narrated");
    let first_only = args.iter().skip(3).any(|a| a == "first");
    let s = Arc::new(match id.strip_prefix("synthetic-") {
        Some(n) => synthetic(n.parse().expect("a number of actors")),
        None => find(id).expect("built in").load().expect("valid").scenario,
    });
    let source = OrderSource::with_scenario_bots(OrderSource::Hold, &s);
    let mut game = Game::new(s.clone(), 0);
    game.set_narrate(narrated);
    let (mut turns, mut first_turns, mut later_turns, mut in_bots) =
        (0u64, Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let start = Instant::now();
    for seed in 0..games {
        game.restart(seed);
        while !game.is_over() {
            let turn_start = Instant::now();
            let orders = source.orders(&s, game.state(), game.next_turn());
            in_bots += turn_start.elapsed();
            if narrated {
                game.play_turn(&orders);
            } else {
                game.advance(orders);
            }
            if game.state().globals.turn == 1 {
                first_turns += turn_start.elapsed();
            } else {
                later_turns += turn_start.elapsed();
            }
            turns += 1;
            if first_only {
                break;
            }
        }
    }
    let per = |d: Duration, n: u64| d.as_secs_f64() / n.max(1) as f64 * 1e6;
    println!(
        "{id}: {games} games, {turns} turns, {:.1} µs per turn ({:.1} µs of it the bots' orders), {:.1} µs per first turn, {:.1} µs per later turn{}",
        per(start.elapsed(), turns),
        per(in_bots, turns),
        per(first_turns, games),
        per(later_turns, turns - games.min(turns)),
        if narrated { ", narrated" } else { "" }
    );
}
