//! What scenario format 2 adds, played: turns of different lengths, the toll of one dispute and of
//! recent turns, injects that change consent or break a ceasefire, injects fired by the historical
//! course, and a ceasefire that an incident can break down.

use std::sync::Arc;

use good_offices::engine::record::TurnRecord;
use good_offices::engine::state::Snapshot;
use good_offices::engine::view::View;
use good_offices::engine::{Game, OrderSource, play, turn_dates};
use good_offices::orders::TurnOrders;
use good_offices::scenario::{Scenario, Var};

use crate::support::base_scenario;

/// The base scenario in format 2, with `(find, replace)` edits (each `find` must occur once).
fn format2(edits: &[(&str, &str)]) -> Arc<Scenario> {
    let mut text = base_scenario().replacen("    format: 1,", "    format: 2,", 1);
    for (find, replace) in edits {
        assert_eq!(text.matches(find).count(), 1, "{find:?} must occur once in the base");
        text = text.replacen(find, replace, 1);
    }
    match good_offices::scenario::load_str("format2.ron", &text) {
        Ok(loaded) => Arc::new(loaded.scenario),
        Err(report) => panic!("the edited base is valid: {:?}", report.diagnostics),
    }
}

fn orders(turn: u32, text: &str) -> TurnOrders {
    let orders = good_offices::scenario::ron_options().from_str(text).expect("orders parse");
    TurnOrders { turn, orders, ..TurnOrders::default() }
}

fn effect<'r>(record: &'r TurnRecord, target: &str) -> Option<&'r good_offices::engine::record::EffectRecord> {
    record.effects.iter().rfind(|e| e.target == target)
}

#[test]
fn turn_dates_follow_the_changes_of_turn_length() {
    let s = format2(&[
        ("start_date: \"2030-03-01\"", "start_date: \"2003-06-02\""),
        (
            "        turn_length: Week,\n",
            "        turn_length: Week,\n        turn_length_changes: [(from_turn: 4, length: Month), (from_turn: 6, length: Day)],\n",
        ),
    ]);
    let dates: Vec<String> = (1..=6).map(|t| turn_dates(&s.meta, t)).collect();
    assert_eq!(
        dates,
        [
            "2–8 June 2003",
            "9–15 June 2003",
            "16–22 June 2003",
            "23 June – 22 July 2003",
            "23 July – 21 August 2003",
            "22 August 2003",
        ]
    );
}

#[test]
fn an_inject_changes_consent_and_breaks_the_ceasefire() {
    let s = format2(&[(
        "trigger: AtTurn(3),\n            // Shift(variable, amount) or Set(variable, value).\n            effects: [Shift(Hurt(\"river\", \"belland\"), 15), Shift(PublicPressure, 10)],",
        "trigger: AtTurn(2),\n            effects: [AcceptsMediation(\"river\", \"amaris\", true), AcceptsObservers(\"river\", \"belland\", true), BreakCeasefire(\"river\")],",
    )]);
    let mut game = Game::new(s.clone(), 1);
    let ceasefire = "[(actor: \"amaris\", tool: OfferCeasefire, target: Dyad(\"river\")), (actor: \"belland\", tool: OfferCeasefire, target: Dyad(\"river\"))]";
    let first = game.play_turn(&orders(1, ceasefire));
    assert!(first.state.dyad("river").expect("river").ceasefire, "both offered: a ceasefire holds");
    let second = game.play_turn(&orders(2, "[]"));
    let river = second.state.dyad("river").expect("river");
    assert_eq!(river.accepts_mediation, [true, true], "Amaris now accepts mediation (Belland did from the start)");
    assert_eq!(river.accepts_observers, [false, true]);
    assert!(!river.ceasefire, "the inject broke the ceasefire down");
    let broken = effect(&second, "Ceasefire(\"river\")").expect("the ceasefire's end is recorded");
    assert_eq!(
        (broken.before.as_str(), broken.after.as_str(), broken.cause.as_str()),
        ("yes", "no", "inject: drought")
    );
    let consent = effect(&second, "AcceptsMediation(\"river\", \"amaris\")").expect("recorded");
    assert_eq!((consent.before.as_str(), consent.after.as_str()), ("no", "yes"));
}

#[test]
fn the_course_fires_its_injects_as_a_facilitator_would() {
    let s = format2(&[
        ("trigger: AtTurn(3),", "trigger: Facilitator,"),
        (
            "    historical_course: [],",
            "    historical_course: [(turn: 2, dates: \"8–14 March 2030\", summary: \"The rains fail.\", orders: [], injects: [\"drought\"], sources: [])],",
        ),
    ]);
    let mut game = Game::new(s.clone(), 1);
    let records = play(&mut game, &OrderSource::Historical, Some(3));
    let fired: Vec<(u32, &str)> =
        records.iter().flat_map(|r| r.injects.iter().map(move |i| (r.turn, i.id.as_str()))).collect();
    assert_eq!(fired, [(2, "drought")]);
    assert_eq!(records[1].facilitator_injects, ["drought"], "logged as the turn's input, so replay fires it too");
    let by_inject: Vec<&str> =
        records[1].effects.iter().filter(|e| e.cause == "inject: drought").map(|e| e.target.as_str()).collect();
    assert_eq!(by_inject, ["InjectFired(\"drought\")", "Hurt(\"river\", \"belland\")", "PublicPressure"]);
}

#[test]
fn each_dispute_keeps_its_toll_and_recent_deaths_count_the_last_turns() {
    let s = good_offices::scenario::builtin::find("kenya-2008").expect("built in").load().expect("valid").scenario;
    let s = Arc::new(s);
    let mut game = Game::new(s.clone(), 1);
    let records = play(&mut game, &OrderSource::Historical, None);
    let mut before = s.conflict.toll.deaths;
    let mut per_turn = Vec::new();
    for r in &records {
        let view = View::of_snapshot(&s, &r.state, r.turn);
        let now = r.state.globals.deaths;
        assert_eq!(view.value(&Var::RecentDeaths(1)) as u64, now - before, "turn {}: this turn's deaths", r.turn);
        per_turn.push(now - before);
        let last_three: u64 = per_turn.iter().rev().take(3).sum();
        assert_eq!(view.value(&Var::RecentDeaths(3)) as u64, last_three, "turn {}: the last three turns", r.turn);
        assert_eq!(
            view.value(&Var::RecentDeaths(100)) as u64,
            now - s.conflict.toll.deaths,
            "the starting toll is not recent"
        );
        // Kenya's injects kill nobody: every death of the game is one dispute's.
        let disputes: u64 = r.state.dyads.iter().map(|d| d.deaths).sum();
        assert_eq!(disputes, now - s.conflict.toll.deaths, "turn {}: the disputes' tolls add up", r.turn);
        before = now;
    }
    assert!(per_turn.iter().sum::<u64>() > 0, "the course kills people: the test compares real numbers");
}

#[test]
fn an_inject_can_wait_for_the_first_deadly_turn() {
    let s = format2(&[
        ("trigger: AtTurn(3),", "trigger: When(AtLeast(RecentDeaths(1), 1)),"),
        ("stage: 3,", "stage: 7,"),
        ("arms: (20, 15),", "arms: (90, 90),"),
        ("rules: (),", "rules: (incident_rate: 0.9),"),
    ]);
    let mut game = Game::new(s.clone(), 3);
    let records = play(&mut game, &OrderSource::Hold, None);
    let first_deadly = records.iter().position(|r| {
        let before =
            if r.turn == 1 { s.conflict.toll.deaths } else { records[r.turn as usize - 2].state.globals.deaths };
        r.state.globals.deaths > before
    });
    let fired = records.iter().position(|r| r.injects.iter().any(|i| i.id == "drought"));
    assert!(first_deadly.is_some(), "an incident kills at stage 7 with arms at 90");
    assert_eq!(fired, first_deadly, "the inject fires in the first turn with a death");
}

/// A dispute in open fighting under a ceasefire, so incidents come nearly every turn.
fn fighting_under_a_ceasefire(breakdown: f64) -> (Vec<TurnRecord>, Arc<Scenario>) {
    let rules = format!("rules: (incident_rate: 0.9, ceasefire_breakdown: {breakdown}),");
    let s = format2(&[("stage: 3,", "stage: 7,"), ("arms: (20, 15),", "arms: (90, 90),"), ("rules: (),", &rules)]);
    let mut game = Game::resume(s.clone(), 5, Snapshot::initial(&s), false);
    let ceasefire = "[(actor: \"amaris\", tool: OfferCeasefire, target: Dyad(\"river\")), (actor: \"belland\", tool: OfferCeasefire, target: Dyad(\"river\"))]";
    let mut records = vec![game.play_turn(&orders(1, ceasefire))];
    for turn in 2..=6 {
        records.push(game.play_turn(&orders(turn, "[]")));
    }
    (records, s)
}

#[test]
fn an_incident_can_break_a_ceasefire_down() {
    let (held, _) = fighting_under_a_ceasefire(0.0);
    let (broken, _) = fighting_under_a_ceasefire(1.0);
    assert!(held.iter().skip(1).all(|r| r.state.dyad("river").expect("river").ceasefire), "without the rule it holds");
    let incident = |r: &TurnRecord| r.dynamics[0].explanation.contains("an incident");
    // The ceasefire stands from the resolution of turn 1, before that turn's dynamics.
    let first = broken.iter().position(incident).expect("an incident");
    let record = &broken[first];
    assert!(!record.state.dyad("river").expect("river").ceasefire);
    assert!(
        record.dynamics[0].explanation.contains("the incident breaks the ceasefire (roll"),
        "explained with its roll: {}",
        record.dynamics[0].explanation
    );
    let breaks: Vec<(&str, &str)> = record
        .effects
        .iter()
        .filter(|e| e.cause == "dynamics: the ceasefire breaks down")
        .map(|e| (e.target.as_str(), e.after.as_str()))
        .collect();
    assert_eq!(breaks, [("Ceasefire(\"river\")", "no")]);
    // The rule has its own dice: up to the breakdown both games met the same incident rolls.
    assert_eq!(held[first].dynamics[0].incident_roll, record.dynamics[0].incident_roll);
    assert!(held[first].dynamics[0].explanation.contains("an incident"), "the same incident without the rule");
    assert!(held[first].state.dyad("river").expect("river").ceasefire, "which then breaks nothing");
}

/// Sanctions in force when the game begins (`conflict.sanctions`) are regimes of the starting state,
/// not news (no `Sanctioned` event); a unilateral arms embargo keeps three quarters of the target's arms
/// growth (it has no panel of experts), and whoever imposed it can lift it in turn 1.
#[test]
fn sanctions_in_force_at_the_start_slow_the_arms_race_and_can_be_lifted() {
    let tools = (
        "tools: [PublicStatement, ChairFacilitation, Mediation, DeployObservers]",
        "tools: [PublicStatement, ChairFacilitation, Mediation, DeployObservers, UnilateralSanctions]",
    );
    let embargo = (
        "        spoilers: [],",
        "        spoilers: [],\n        sanctions: [(target: \"amaris\", kind: ArmsEmbargo, imposed_by: \"regional-chair\")],",
    );
    let free = format2(&[tools]);
    let embargoed = format2(&[tools, embargo]);

    let start = Snapshot::initial(&embargoed);
    assert_eq!(start.sanctions.len(), 1);
    let regime = &start.sanctions[0];
    assert_eq!((regime.target.as_str(), regime.imposed_by.as_str(), regime.since), ("amaris", "regional-chair", 0));
    assert!(!regime.panel, "a state's own regime has no panel of experts");
    assert_eq!(regime.strength, 0.6);

    let growth = |s: &Arc<Scenario>| {
        let record = Game::new(s.clone(), 1).play_turn(&TurnOrders { turn: 1, ..TurnOrders::default() });
        let arms = effect(&record, "Arms(\"river\", \"amaris\")").expect("the arms move");
        let (before, after): (f64, f64) = (arms.before.parse().unwrap(), arms.after.parse().unwrap());
        assert!(!record.state.globals.events.iter().any(|e| format!("{e:?}").starts_with("Sanctioned")));
        after - before
    };
    let (without, with) = (growth(&free), growth(&embargoed));
    assert!(without > 0.0, "Amaris arms in turn 1: {without}");
    assert!((with - 0.75 * without).abs() < 0.011, "{with} against 0.75 × {without}");

    // Every group reads what is in force in the situation report, and the public sheet says it too.
    let line = "Sanctions in force: an arms embargo on Amaris — by Chair of the Regional Union, from before the game.";
    assert!(good_offices::play::situation_report(&embargoed, &start, None, 1).contains(line));
    let sheets = good_offices::brief::handouts(&embargoed, good_offices::brief::Selection::All);
    let public = sheets.iter().find(|h| h.file == "public.md").expect("the public sheet");
    assert!(public.contents.contains(line), "{}", public.contents);

    let lifted = Game::new(embargoed, 1)
        .play_turn(&orders(1, r#"[(actor: "regional-chair", tool: LiftSanctions, target: Actor("amaris"))]"#));
    assert!(lifted.rejected.is_empty(), "{:?}", lifted.rejected);
    assert!(
        lifted.outcomes[0].explanation.contains("lifted with no movement to reward"),
        "{}",
        lifted.outcomes[0].explanation
    );
    assert!(lifted.state.sanctions.is_empty());
}
