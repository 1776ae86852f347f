//! How large a turn log grows, and how long writing and reading it take, for a generated scenario of
//! N actors played by its bots (docs/log-format.md, "Size"):
//!
//! ```text
//! cargo run --release --example log_size -- 3000 100
//! ```

use std::sync::Arc;
use std::time::Instant;

use good_offices::engine::{Game, OrderSource};
use good_offices::log::{LOG_FORMAT, LogHeader, parse, render_log, scenario_hash};
use good_offices::scenario::synthetic::synthetic;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let actors: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3000);
    let turns: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100);
    let mut scenario = synthetic(actors);
    scenario.meta.turns = turns;
    let scenario = Arc::new(scenario);
    let source = OrderSource::with_scenario_bots(OrderSource::Hold, &scenario);
    let mut game = Game::new(scenario.clone(), 1);
    let start = Instant::now();
    let mut records = Vec::new();
    while !game.is_over() {
        let orders = source.orders(&scenario, game.state(), game.next_turn());
        records.push(game.play_turn(&orders));
    }
    let played = start.elapsed();
    // The generated scenario has no text of its own: the log carries a stand-in.
    let header = LogHeader {
        format: LOG_FORMAT,
        engine: env!("CARGO_PKG_VERSION").into(),
        scenario: scenario.meta.id.clone(),
        scenario_hash: scenario_hash("synthetic"),
        seed: 1,
        seats: Vec::new(),
        source: "bots".into(),
        scenario_text: "synthetic".into(),
    };
    let start = Instant::now();
    let text = render_log(&header, &records);
    let written = start.elapsed();
    let start = Instant::now();
    let read = parse("synthetic.log", &text).expect("the engine reads its own log");
    let reading = start.elapsed();
    assert_eq!(read.records.len(), records.len());
    println!(
        "{} actors, {} turns: log {:.1} MiB ({:.0} KiB a turn); played in {:.1} s, written in {:.1} s, read in {:.1} s",
        scenario.actors.len(),
        records.len(),
        text.len() as f64 / (1024.0 * 1024.0),
        text.len() as f64 / 1024.0 / records.len() as f64,
        played.as_secs_f64(),
        written.as_secs_f64(),
        reading.as_secs_f64()
    );
}
