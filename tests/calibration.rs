//! Calibration over 200 seeds each (figures recorded in docs/rules.md): the built-in scenarios'
//! historical courses reach the historical outcome classes, and the counterfactuals do clearly worse.

use good_offices::scenario::Id;
use std::sync::Arc;

use good_offices::engine::{Game, OrderSource, play};
use good_offices::orders::{OrdersFile, TurnOrders};
use good_offices::scenario::{MediationStyle, Scenario, Target, ToolKind};

const SEEDS: u64 = 200;

use crate::support::built_in as scenario;

/// For each seed: (outcome class, final stage of the first dyad).
fn outcomes(s: &Arc<Scenario>, source: &OrderSource) -> Vec<(String, u8)> {
    (0..SEEDS)
        .map(|seed| {
            let mut game = Game::new(s.clone(), seed);
            let records = play(&mut game, source, None);
            let last = records.last().expect("at least one turn");
            (last.end.as_ref().expect("the game ended").outcome.clone(), last.state.dyads[0].stage)
        })
        .collect()
}

fn share(results: &[(String, u8)], pred: impl Fn(&(String, u8)) -> bool) -> f64 {
    results.iter().filter(|r| pred(r)).count() as f64 / results.len() as f64
}

#[test]
fn cambodia_thailand_historical_course_de_escalates_and_holding_escalates_more() {
    let s = scenario("cambodia-thailand-2011");
    let start = s.conflict.dyads[0].stage;
    let historical = outcomes(&s, &OrderSource::Historical);
    let hold = outcomes(&s, &OrderSource::Hold);
    let historic_class = share(&historical, |(c, _)| c == "de-escalation-without-peace-operation");
    let escalated = |r: &[(String, u8)]| share(r, |(c, stage)| *stage > start || c == "armed-escalation");
    assert!(historic_class >= 0.60, "historical outcome class in {:.0}% of seeds", historic_class * 100.0);
    assert!(
        escalated(&hold) >= 2.0 * escalated(&historical) && escalated(&hold) >= 0.2,
        "all hold escalates in {:.0}%, the historical course in {:.0}%",
        escalated(&hold) * 100.0,
        escalated(&historical) * 100.0
    );
}

/// The historical course with a second, uncoordinated mediator (the United States) mediating
/// alongside the panel whenever the panel mediates.
fn with_parallel_track(s: &Scenario) -> OrderSource {
    let turns = s
        .historical_course
        .iter()
        .map(|t| {
            let mut orders = t.orders.clone();
            if let Some(panel) = t.orders.iter().find(|o| o.tool == ToolKind::Mediation) {
                let mut rival = panel.clone();
                rival.actor = "united-states".into();
                rival.style = Some(MediationStyle::Formulative);
                rival.target = Some(Target::Dyad(Id::from(s.conflict.dyads[0].id.as_str())));
                rival.note = "a second, uncoordinated mediation track".into();
                orders.push(rival);
            }
            TurnOrders { turn: t.turn, orders, ..TurnOrders::default() }
        })
        .collect();
    OrderSource::File(OrdersFile { turns })
}

#[test]
fn kenya_single_track_reaches_agreement_and_parallel_tracks_clearly_less_often() {
    let s = scenario("kenya-2008");
    let single = outcomes(&s, &OrderSource::Historical);
    let parallel = outcomes(&s, &with_parallel_track(&s));
    let agreed = |r: &[(String, u8)]| share(r, |(c, _)| c == "power-sharing-agreement");
    assert!(agreed(&single) >= 0.60, "single track: agreement in {:.0}% of seeds", agreed(&single) * 100.0);
    assert!(
        agreed(&parallel) <= agreed(&single) - 0.15,
        "parallel tracks: {:.0}% against a single track's {:.0}%",
        agreed(&parallel) * 100.0,
        agreed(&single) * 100.0
    );
}
