//! Plays many turns of a scenario with bots, for profiling: `cargo run --release --example profile_turn -- kenya-2008 2000`.

use std::sync::Arc;

use good_offices::engine::{Game, OrderSource, play};
use good_offices::scenario::builtin::find;
use good_offices::scenario::{BotPolicy, Dyad, Scenario, ToolKind};

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

/// The tutorial grown to `n` actors: pairs of extra states in disputes of their own, half hawks,
/// half doves.
fn synthetic(n: usize) -> Scenario {
    let mut s = good_offices::scenario::builtin::find("tutorial-river-dispute")
        .expect("built in")
        .load()
        .expect("valid")
        .scenario;
    let template_actor =
        s.actors.iter().find(|a| a.kind == good_offices::scenario::ActorKind::State).expect("a state").clone();
    let template_dyad = s.conflict.dyads[0].clone();
    let mut i = 0;
    while s.actors.len() + 2 <= n {
        let (a, b) = (format!("state-{i}-a"), format!("state-{i}-b"));
        for (id, bot) in [(&a, BotPolicy::Hawk), (&b, BotPolicy::Dove)] {
            let mut actor = template_actor.clone();
            actor.id = id.clone();
            actor.name = id.clone();
            actor.objectives.clear();
            actor.ties.clear();
            actor.bot = bot;
            actor.tools.retain(|t| *t != ToolKind::AppealToBody);
            s.actors.push(actor);
        }
        s.conflict.dyads.push(Dyad { id: format!("dispute-{i}"), sides: (a, b), ..template_dyad.clone() });
        i += 1;
    }
    s
}
