//! One law per rule of the model's lessons (issue 16): each test plays real turns of a built-in
//! scenario and reads the effects the rule wrote, with their causes, so a number that matters is
//! asserted exactly. The directions over many games are in `calibration.rs`.

use std::sync::Arc;

use good_offices::engine::record::Ballot;
use good_offices::engine::record::{EffectRecord, TurnRecord};
use good_offices::engine::{Game, OrderSource, play};
use good_offices::orders::{OrdersFile, TurnOrders};
use good_offices::scenario::{
    Chapter, Draft, DraftContent, Id, MediationStyle, OrderSpec, SanctionKind, Scenario, Target, ToolKind,
};

use crate::support::built_in;

fn order(actor: &str, tool: ToolKind, target: Target) -> OrderSpec {
    OrderSpec::new(actor.into(), tool, Some(target))
}

fn dyad(id: &str) -> Target {
    Target::Dyad(Id::from(id))
}

/// One turn's orders and Council ballots.
type Turn = (Vec<OrderSpec>, Vec<(String, Ballot)>);

/// Plays `turns` (from turn 1) with seed 1.
fn play_turns(s: Arc<Scenario>, turns: Vec<Turn>) -> Vec<TurnRecord> {
    let n = turns.len() as u32;
    let turns = turns
        .into_iter()
        .enumerate()
        .map(|(i, (orders, ballots))| TurnOrders { turn: i as u32 + 1, orders, ballots, ..TurnOrders::default() })
        .collect();
    let mut game = Game::new(s, 1);
    play(&mut game, &OrderSource::File(OrdersFile { turns }), Some(n))
}

/// The change an effect of `cause` made to `target` in a turn: after − before.
fn change(record: &TurnRecord, target: &str, cause: &str) -> Option<f64> {
    let found: Vec<&EffectRecord> = record.effects.iter().filter(|e| e.target == target && e.cause == cause).collect();
    assert!(found.len() <= 1, "one effect of {cause} on {target}: {found:?}");
    found.first().map(|e| e.after.parse::<f64>().expect("a number") - e.before.parse::<f64>().expect("a number"))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[test]
fn a_statement_weighs_half_as_much_each_time_and_nothing_once_the_parties_stop_listening() {
    // Cambodia–Thailand starts at stage 5: the parties listen at half.
    let s = built_in("cambodia-thailand-2011");
    let statement = || order("brazil", ToolKind::PressStatement, dyad("preah-vihear"));
    let records = play_turns(s, vec![(vec![statement()], vec![]), (vec![statement()], vec![])]);
    let pressure = |r: &TurnRecord| change(r, "PublicPressure", "brazil: PressStatement");
    assert_eq!(pressure(&records[0]).map(round2), Some(5.0), "10 × novelty 1 × listening 0.5");
    assert_eq!(records[1].state.dyads[0].stage, 5, "still stage 5 for the second");
    assert_eq!(pressure(&records[1]).map(round2), Some(2.5), "10 × novelty 0.5 × listening 0.5");
    // No way out of its own: the statement is talk, not a text.
    assert_eq!(change(&records[0], "WayOut(\"preah-vihear\")", "brazil: PressStatement"), None);
    let outcome = records[1].outcomes.iter().find(|o| o.tool == ToolKind::PressStatement).expect("the statement");
    assert!(outcome.explanation.contains("After 1 like it, it weighs 0.50 of the first"), "{}", outcome.explanation);

    // Kenya starts at stage 7, the lose–lose phase: a statement adds no pressure on the parties.
    let kenya = built_in("kenya-2008");
    let records =
        play_turns(kenya, vec![(vec![order("france", ToolKind::PressStatement, dyad("kenya-crisis"))], vec![])]);
    assert_eq!(records[0].outcomes.iter().find(|o| o.tool == ToolKind::PressStatement).expect("it").result, "adopted");
    assert_eq!(change(&records[0], "PublicPressure", "france: PressStatement"), None);
}

#[test]
fn a_veto_emboldens_the_shielded_party_and_divides_the_council() {
    let s = built_in("kenya-2008");
    let mut draft = order("france", ToolKind::DraftResolution, Target::Body(Id::from("security-council")));
    draft.draft = Some(Box::new(Draft {
        chapter: Chapter::VII,
        contents: vec![DraftContent::Sanctions(Id::from("pnu"), SanctionKind::AssetFreeze)],
    }));
    let members = [
        "china",
        "france",
        "russia",
        "united-kingdom",
        "united-states",
        "belgium",
        "indonesia",
        "italy",
        "panama",
        "south-africa",
        "burkina-faso",
        "costa-rica",
        "croatia",
        "libya",
        "viet-nam",
    ];
    let ballots =
        members.iter().map(|m| (m.to_string(), if *m == "russia" { Ballot::No } else { Ballot::Yes })).collect();
    let records = play_turns(s, vec![(vec![draft], ballots)]);
    let vote = &records[0].votes[0];
    assert_eq!((vote.tally.as_str(), vote.vetoed_by.clone()), ("14–1–0", vec![Id::from("russia")]));
    assert_eq!(change(&records[0], "WinBelief(\"kenya-crisis\", \"pnu\")", "france: DraftResolution"), Some(10.0));
    assert_eq!(change(&records[0], "Coherence", "france: DraftResolution"), Some(-10.0));
    let outcome = records[0].outcomes.iter().find(|o| o.tool == ToolKind::DraftResolution).expect("the draft");
    assert!(outcome.explanation.contains("Shielded by the veto"), "{}", outcome.explanation);
}

#[test]
fn sanctions_rally_the_target_without_a_track_and_widen_the_way_out_with_one() {
    // The United States' unilateral sanctions: strength 0.6 × its potency 0.5 = 0.3.
    let freeze = || {
        let mut o = order("united-states", ToolKind::UnilateralSanctions, Target::Actor(Id::from("pnu")));
        o.sanction = Some(SanctionKind::AssetFreeze);
        o
    };
    let cause = "united-states: UnilateralSanctions";
    // Turn 1: the government has not accepted mediation. No track: it rallies round the flag.
    let alone = play_turns(built_in("kenya-2008"), vec![(vec![freeze()], vec![])]);
    assert_eq!(change(&alone[0], "WinBelief(\"kenya-crisis\", \"pnu\")", cause).map(round2), Some(2.4));
    assert_eq!(change(&alone[0], "WayOut(\"kenya-crisis\")", cause), None);
    assert_eq!(change(&alone[0], "Hurt(\"kenya-crisis\", \"pnu\")", cause).map(round2), Some(2.4));
    // Both accept mediation in turn 1; the same freeze in turn 2 is leverage for the mediator.
    let consent = vec![
        order("pnu", ToolKind::AcceptMediation, dyad("kenya-crisis")),
        order("odm", ToolKind::AcceptMediation, dyad("kenya-crisis")),
    ];
    let tracked = play_turns(built_in("kenya-2008"), vec![(consent, vec![]), (vec![freeze()], vec![])]);
    assert_eq!(change(&tracked[1], "WayOut(\"kenya-crisis\")", cause).map(round2), Some(1.8));
    assert_eq!(change(&tracked[1], "WinBelief(\"kenya-crisis\", \"pnu\")", cause), None);
}

#[test]
fn good_offices_beside_a_mediation_join_its_track_and_a_joint_track_rolls_once() {
    let consent = vec![
        order("pnu", ToolKind::AcceptMediation, dyad("kenya-crisis")),
        order("odm", ToolKind::AcceptMediation, dyad("kenya-crisis")),
    ];
    let mut panel = order("au-panel", ToolKind::Mediation, dyad("kenya-crisis"));
    panel.style = Some(MediationStyle::Formulative);
    let good_offices = order("un-sg", ToolKind::GoodOffices, dyad("kenya-crisis"));
    let records = play_turns(built_in("kenya-2008"), vec![(consent, vec![]), (vec![panel, good_offices], vec![])]);
    let of = |actor: &str| records[1].outcomes.iter().find(|o| o.actor == actor).expect("an outcome");
    assert_eq!(of("un-sg").result, "joined");
    assert_eq!(of("un-sg").probability, None, "no roll of its own");
    assert!(of("au-panel").explanation.contains("with UN Secretary-General"), "{}", of("au-panel").explanation);
    assert!(of("au-panel").explanation.contains("1 track)"), "{}", of("au-panel").explanation);
    // The pooled leverage: the panel's 75 plus a quarter of the Secretary-General's 50.
    let pooled = of("au-panel").factors.iter().find(|f| f.name == "leverage (pooled)").expect("the factor");
    assert_eq!(pooled.value, 0.7 + 0.6 * (75.0 + 0.25 * 50.0) / 100.0);
}

#[test]
fn a_failed_attempt_costs_the_way_out_and_the_parties_trust_in_the_mediator() {
    // The base scenario's case "consent given, mediation is resolved with its probability" fails.
    let s = Arc::new(
        good_offices::scenario::load_str("base.ron", &crate::support::base_scenario()).expect("valid").scenario,
    );
    let mut mediation = order("regional-chair", ToolKind::Mediation, dyad("river"));
    mediation.style = Some(MediationStyle::Formulative);
    let records = play_turns(
        s,
        vec![(vec![order("amaris", ToolKind::AcceptMediation, dyad("river"))], vec![]), (vec![mediation], vec![])],
    );
    assert_eq!(records[1].outcomes[0].result, "failed");
    let cause = "regional-chair: Mediation";
    assert_eq!(change(&records[1], "WayOut(\"river\")", cause), Some(-1.0));
    assert_eq!(change(&records[1], "Trust(\"amaris\", \"regional-chair\")", cause), Some(-3.0));
    assert_eq!(change(&records[1], "Trust(\"belland\", \"regional-chair\")", cause), Some(-3.0));
}

#[test]
fn compliance_with_provisional_measures_is_a_roll_on_the_stated_chance() {
    let s = built_in("cambodia-thailand-2011");
    let records = play_turns(
        s.clone(),
        vec![
            (vec![order("cambodia", ToolKind::IcjApplication, dyad("preah-vihear"))], vec![]),
            (vec![order("icj", ToolKind::ProvisionalMeasures, dyad("preah-vihear"))], vec![]),
        ],
    );
    let before = &records[0].state;
    let d = &before.dyads[0];
    let chance = |side: usize, trust: f64| {
        let domestic = before.actors.iter().find(|a| a.id == d.sides[side]).expect("a party").domestic_pressure;
        let p = 0.25 + 0.35 * before.globals.public_pressure / 100.0 + 0.2 * domestic / 100.0 + 0.3 * trust / 100.0
            - 0.08 * (f64::from(d.stage) - 4.0).max(0.0);
        (p.clamp(0.05, 0.95) * 10_000.0).round() / 10_000.0
    };
    // The scenario's trust in the Court: Cambodia 75, Thailand 25.
    let outcome = records[1].outcomes.iter().find(|o| o.tool == ToolKind::ProvisionalMeasures).expect("the order");
    let chances: Vec<f64> =
        outcome.factors.iter().filter(|f| f.name == "P(a party complies)").map(|f| f.value).collect();
    assert_eq!(chances, vec![chance(0, 75.0), chance(1, 25.0)]);
    let rolls: Vec<f64> = outcome.factors.iter().filter(|f| f.name == "compliance roll").map(|f| f.value).collect();
    let complied = [rolls[0] < chances[0], rolls[1] < chances[1]];
    let expected = match complied {
        [true, true] => "complied",
        [false, false] => "defied",
        _ => "partly complied",
    };
    assert_eq!(outcome.result, expected);
    // Only both parties complying puts the measures in force.
    assert_eq!(records[1].state.dyads[0].provisional_measures, complied == [true, true]);
}

#[test]
fn an_early_end_in_open_fighting_counts_the_turns_it_cut_short() {
    // Kenya from stage 9: the stop rule ends the game after turn 1 of 11.
    let mut s = (*built_in("kenya-2008")).clone();
    s.conflict.dyads[0].stage = 9;
    let mut game = Game::new(Arc::new(s), 1);
    let records = play(&mut game, &OrderSource::Hold, None);
    assert_eq!(records.len(), 1);
    let carried: Vec<&EffectRecord> = records[0].effects.iter().filter(|e| e.cause.starts_with("the end:")).collect();
    // Ten turns left × 8 deaths per incident × 45 (stage 9) × 2 clashes a turn = 7,200.
    let deaths = carried.iter().find(|e| e.target == "Deaths").expect("the carried toll");
    let added: u64 = deaths.after.parse::<u64>().unwrap() - deaths.before.parse::<u64>().unwrap();
    assert_eq!(added, 7_200);
    assert_eq!(deaths.cause, "the end: stage-9 fighting in The disputed presidency goes on for the 10 turn(s) left");
    let displaced = carried.iter().find(|e| e.target == "Displaced").expect("their displaced");
    let added: u64 = displaced.after.parse::<u64>().unwrap() - displaced.before.parse::<u64>().unwrap();
    assert_eq!(added, 7_200 * 450);
    assert_eq!(records[0].end.as_ref().expect("ended").outcome, "mass-atrocity");
}
