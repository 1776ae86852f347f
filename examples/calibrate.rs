//! Prints outcome-class frequencies over many seeds:
//! `cargo run --release --example calibrate -- kenya-2008 historical|hold|parallel 200`.
//! `parallel` is the historical course with a second, uncoordinated mediator (the United States,
//! formulative) beside every mediation, as in tests/calibration.rs.

use std::collections::BTreeMap;
use std::sync::Arc;

use good_offices::engine::{Game, OrderSource, play};
use good_offices::orders::{OrdersFile, TurnOrders};
use good_offices::scenario::builtin::find;
use good_offices::scenario::{MediationStyle, Scenario, ToolKind};

fn parallel(s: &Scenario) -> OrderSource {
    let turns = s
        .historical_course
        .iter()
        .map(|t| {
            let mut orders = t.orders.clone();
            if let Some(m) = t.orders.iter().find(|o| o.tool == ToolKind::Mediation) {
                let mut rival = m.clone();
                rival.actor = "united-states".into();
                rival.style = Some(MediationStyle::Formulative);
                orders.push(rival);
            }
            TurnOrders { turn: t.turn, orders, ..TurnOrders::default() }
        })
        .collect();
    OrderSource::File(OrdersFile { turns })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let id = args.get(1).map_or("cambodia-thailand-2011", String::as_str);
    let runs: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(200);
    let scenario = Arc::new(find(id).expect("built-in").load().expect("valid").scenario);
    let source = match args.get(2).map_or("historical", String::as_str) {
        "hold" => OrderSource::Hold,
        "parallel" => parallel(&scenario),
        _ => OrderSource::Historical,
    };
    let mut classes: BTreeMap<String, u32> = BTreeMap::new();
    let mut stages: BTreeMap<u8, u32> = BTreeMap::new();
    let mut deaths = Vec::new();
    for seed in 0..runs {
        let mut game = Game::new(scenario.clone(), seed);
        let records = play(&mut game, &source, None);
        let last = records.last().expect("a turn");
        let end = last.end.as_ref().expect("ended");
        *classes.entry(end.outcome.clone()).or_default() += 1;
        *stages.entry(last.state.dyads[0].stage).or_default() += 1;
        deaths.push(last.state.globals.deaths);
        if seed == 0 {
            for r in &records {
                let d = &r.state.dyads[0];
                println!(
                    "turn {:2}: stage {} arms {:.0}/{:.0} hurt {:.0}/{:.0} wb {:.0}/{:.0} way_out {:.0} deaths {} rejected {}",
                    r.turn,
                    d.stage,
                    d.arms[0],
                    d.arms[1],
                    d.hurt[0],
                    d.hurt[1],
                    d.win_belief[0],
                    d.win_belief[1],
                    d.way_out,
                    r.state.globals.deaths,
                    r.rejected.len()
                );
                for rej in &r.rejected {
                    println!("    rejected {} {:?}: {}", rej.order.actor, rej.order.tool, rej.reason);
                }
                for o in &r.outcomes {
                    if o.probability.is_some() {
                        println!("    {}", o.explanation);
                    }
                }
                for dy in &r.dynamics {
                    println!("    dynamics: {}", dy.explanation);
                }
            }
        }
    }
    deaths.sort();
    println!("{id} {runs} runs: {classes:?}");
    println!(
        "final stages: {stages:?}; deaths median {} p90 {}",
        deaths[deaths.len() / 2],
        deaths[deaths.len() * 9 / 10]
    );
}
