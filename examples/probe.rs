use good_offices::engine::state::Snapshot;
use good_offices::engine::{Game, OrderSource, play};
use good_offices::scenario::builtin::find;
use std::sync::Arc;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let id = args.get(1).map_or("cambodia-thailand-2011", String::as_str);
    let mode = args.get(2).map_or("bots", String::as_str);
    let s = Arc::new(find(id).unwrap().load().unwrap().scenario);
    let source = match mode {
        "hold" => OrderSource::Hold,
        "hist" => OrderSource::Historical,
        _ => OrderSource::with_scenario_bots(OrderSource::Hold, &s),
    };
    let init = Snapshot::initial(&s);
    let mut g = Game::new(s.clone(), 0);
    g.set_narrate(args.get(3).is_some());
    play(&mut g, &source, None);
    let t = std::time::Instant::now();
    let mut turns = 0;
    let mut first_time = std::time::Duration::ZERO;
    let mut ord = std::time::Duration::ZERO;
    let games: u64 = std::env::var("PROBE_GAMES").ok().and_then(|s| s.parse().ok()).unwrap_or(2000);
    for seed in 0..games {
        g.restart(seed, &init);
        let max_turn: u32 = std::env::var("PROBE_TURNS").ok().and_then(|s| s.parse().ok()).unwrap_or(u32::MAX);
        while !g.is_over() && g.next_turn() <= max_turn {
            let first = g.next_turn() == 1;
            let tf = std::time::Instant::now();
            let t0 = std::time::Instant::now();
            let o = source.orders(&s, g.state(), g.next_turn());
            ord += t0.elapsed();
            if args.get(3).is_some() {
                g.play_turn(&o);
            } else {
                g.advance(o);
            }
            turns += 1;
            if first {
                first_time += tf.elapsed();
            }
        }
    }
    let e = t.elapsed();
    println!("first turns: {:.1} µs", first_time.as_secs_f64() / games as f64 * 1e6);
    let t1 = std::time::Instant::now();
    let cold: u64 = if std::env::var("PROBE_COLD").is_ok() { 200 } else { 0 };
    for seed in 0..cold {
        let mut g2 = Game::new(s.clone(), seed);
        g2.set_narrate(false);
        let o = source.orders(&s, g2.state(), 1);
        g2.advance(o);
    }
    println!("cold first turn: {:.1} µs", t1.elapsed().as_secs_f64() / cold.max(1) as f64 * 1e6);
    println!(
        "{mode}: {:.1} µs/turn, orders {:.1} µs/turn",
        e.as_secs_f64() / turns as f64 * 1e6,
        ord.as_secs_f64() / turns as f64 * 1e6
    );
}

#[allow(dead_code)]
fn cold() {}
