//! Mediation tracks as entities (issue 20): each party's consent is to a mediator, not to mediation
//! in general, so it can accept one mediator and refuse another (and court its own: forum shopping);
//! a mediator's attempts, style and supporters are kept on its track; a mediator can suspend its
//! track as leverage, and its next attempt resumes it. Played on Kenya 2008, where PNU starts wary
//! of mediation and ODM open to it, and the AU panel and the United States both hold `Mediation`.

use std::sync::Arc;

use good_offices::engine::Game;
use good_offices::engine::record::TurnRecord;
use good_offices::engine::tracks::Consent;
use good_offices::orders::TurnOrders;
use good_offices::scenario::Scenario;

use crate::support::built_in;

fn orders(turn: u32, text: &str) -> TurnOrders {
    let orders = good_offices::scenario::ron_options().from_str(text).expect("orders parse");
    TurnOrders { turn, orders, ..TurnOrders::default() }
}

/// Two lists of orders as one.
fn both(a: &str, b: &str) -> String {
    let inner =
        |t: &str| t.trim().trim_start_matches('[').trim_end_matches(']').trim().trim_end_matches(',').to_string();
    format!("[{}, {}]", inner(a), inner(b))
}

fn effect(record: &TurnRecord, target: &str) -> Option<(String, String)> {
    record.effects.iter().rfind(|e| e.target == target).map(|e| (e.before.clone(), e.after.clone()))
}

fn kenya() -> Arc<Scenario> {
    built_in("kenya-2008")
}

/// Both parties accept the AU panel; ODM also courts the United States.
const FORUMS: &str = r#"[
    (actor: "pnu", tool: AcceptMediation, target: Dyad("kenya-crisis"), with: "au-panel"),
    (actor: "odm", tool: AcceptMediation, target: Dyad("kenya-crisis"), with: "au-panel"),
    (actor: "odm", tool: AcceptMediation, target: Dyad("kenya-crisis"), with: "united-states"),
]"#;

/// PNU refuses the mediator ODM courts.
const NOT_THE_US: &str =
    r#"[(actor: "pnu", tool: RefuseMediation, target: Dyad("kenya-crisis"), with: "united-states")]"#;

const PANEL_MEDIATES: &str =
    r#"[(actor: "au-panel", tool: Mediation, target: Dyad("kenya-crisis"), style: Formulative)]"#;

#[test]
fn a_party_accepts_one_mediator_and_refuses_another() {
    let s = kenya();
    let mut game = Game::new(s.clone(), 1);
    let t1 = game.play_turn(&orders(1, FORUMS));
    assert!(t1.rejected.is_empty(), "{:?}", t1.rejected);
    let consent = |t: &TurnRecord, m: &str, p: &str| effect(t, &format!("Consent(\"kenya-crisis\", \"{m}\", \"{p}\")"));
    assert_eq!(consent(&t1, "au-panel", "pnu"), Some(("open".into(), "given".into())));
    assert_eq!(consent(&t1, "united-states", "odm"), Some(("open".into(), "given".into())));
    // PNU's stance on mediation in general is unchanged: it accepted the panel, not every mediator.
    assert_eq!(effect(&t1, "AcceptsMediation(\"kenya-crisis\", \"pnu\")"), None);
    assert!(!t1.state.dyads[0].accepts_mediation[0]);

    // Turn 2: PNU refuses the United States, whom ODM courts; the panel mediates.
    let t2 = game.play_turn(&orders(2, &both(NOT_THE_US, PANEL_MEDIATES)));
    assert!(t2.rejected.is_empty(), "{:?}", t2.rejected);
    assert_eq!(consent(&t2, "united-states", "pnu"), Some(("open".into(), "refused".into())));
    let refusal = t2.outcomes.iter().find(|o| o.actor == "pnu").expect("pnu's refusal");
    assert_eq!(
        refusal.explanation,
        "Party of National Unity (President Kibaki) refuses mediation by United States; that mediator cannot \
         work in The disputed presidency without its consent, others still can. The other side said the opposite \
         of this mediator: each side courts its own forum."
    );
    assert_eq!(effect(&t2, "Attempts(\"kenya-crisis\", \"au-panel\")"), Some(("0".into(), "1".into())));
    let tracks: Vec<_> = t2.state.tracks.iter().map(|t| (t.mediator.as_str(), t.consent, t.attempts)).collect();
    assert_eq!(
        tracks,
        [("au-panel", [Consent::Given, Consent::Given], 1), ("united-states", [Consent::Refused, Consent::Given], 0)]
    );
    let panel = &t2.state.tracks[0];
    assert_eq!((panel.style, panel.since), (Some(good_offices::scenario::MediationStyle::Formulative), 1));

    // Turn 3: the United States, refused by PNU, cannot mediate; the panel still can.
    let us = r#"[(actor: "united-states", tool: Mediation, target: Dyad("kenya-crisis"), style: Directive)]"#;
    let t3 = game.play_turn(&orders(3, &both(us, PANEL_MEDIATES)));
    assert_eq!(t3.rejected.len(), 1);
    assert_eq!(
        t3.rejected[0].reason,
        "Party of National Unity (President Kibaki) has not accepted mediation by United States; mediation needs \
         the consent of both parties to the mediator (they can give it with `AcceptMediation`)"
    );
    assert_eq!(effect(&t3, "Attempts(\"kenya-crisis\", \"au-panel\")"), Some(("1".into(), "2".into())));
}

#[test]
fn refusing_all_mediation_withdraws_the_consent_given_to_a_mediator() {
    let s = kenya();
    let mut game = Game::new(s.clone(), 1);
    game.play_turn(&orders(1, FORUMS));
    let t2 = game.play_turn(&orders(2, r#"[(actor: "pnu", tool: RefuseMediation, target: Dyad("kenya-crisis"))]"#));
    assert_eq!(
        effect(&t2, "Consent(\"kenya-crisis\", \"au-panel\", \"pnu\")"),
        Some(("given".into(), "refused".into()))
    );
    let t3 = game.play_turn(&orders(3, PANEL_MEDIATES));
    assert!(
        t3.rejected[0]
            .reason
            .starts_with("Party of National Unity (President Kibaki) has not accepted mediation by Panel")
    );
}

#[test]
fn a_suspended_track_costs_the_parties_and_its_next_attempt_resumes_it_with_better_odds() {
    let s = kenya();
    let mut game = Game::new(s.clone(), 1);
    // Nothing to suspend before the mediator has led talks.
    let suspend = r#"[(actor: "au-panel", tool: SuspendTalks, target: Dyad("kenya-crisis"))]"#;
    let t1 = game.play_turn(&orders(1, &both(FORUMS, suspend)));
    assert_eq!(
        t1.rejected[0].reason,
        "Panel of Eminent African Personalities (Kofi Annan) has led no talks in `kenya-crisis` yet: there is nothing to suspend"
    );
    game.play_turn(&orders(2, PANEL_MEDIATES));
    // Suspending and mediating in one turn is refused: one mediating order per dispute a turn.
    let t3 = game.play_turn(&orders(3, &both(suspend, PANEL_MEDIATES)));
    assert_eq!(t3.rejected.len(), 1, "{:?}", t3.rejected);
    assert!(t3.rejected[0].reason.ends_with("one mediating order per dispute a turn"));
    assert_eq!(effect(&t3, "Suspended(\"kenya-crisis\", \"au-panel\")"), Some(("no".into(), "yes".into())));
    let hurt = |p: &str| {
        let e = t3.effects.iter().find(|e| e.target == format!("Hurt(\"kenya-crisis\", \"{p}\")")).expect("hurt");
        (e.before.parse::<f64>().unwrap(), e.after.parse::<f64>().unwrap(), e.cause.clone())
    };
    let (before, after, cause) = hurt("pnu");
    assert_eq!(cause, "au-panel: SuspendTalks");
    assert!((after - before - 6.0).abs() < 0.011, "{before} → {after}: +6 at full potency");
    assert!(hurt("odm").1 > hurt("odm").0);
    assert_eq!(t3.state.tracks.iter().find(|t| t.mediator == "au-panel").and_then(|t| t.suspended), Some(3));
    let again =
        game.play_turn(&orders(4, r#"[(actor: "au-panel", tool: SuspendTalks, target: Dyad("kenya-crisis"))]"#));
    assert_eq!(
        again.rejected[0].reason,
        "Panel of Eminent African Personalities (Kofi Annan)'s talks in `kenya-crisis` are already suspended: its next mediation resumes them"
    );
    // Each turn it stays suspended costs both parties again.
    let lasting: Vec<f64> = again
        .effects
        .iter()
        .filter(|e| e.cause == "Panel of Eminent African Personalities (Kofi Annan)'s talks suspended")
        .map(|e| e.after.parse::<f64>().unwrap() - e.before.parse::<f64>().unwrap())
        .collect();
    assert_eq!(lasting.len(), 2, "both parties");
    assert!(lasting.iter().all(|d| (d - 2.0).abs() < 0.011), "{lasting:?}");
    let t5 = game.play_turn(&orders(5, PANEL_MEDIATES));
    let attempt = t5.outcomes.iter().find(|o| o.actor == "au-panel").expect("the panel's attempt");
    let resumed = attempt.factors.iter().find(|f| f.name == "resumed after a suspension").expect("the factor");
    assert_eq!(resumed.value, 1.25);
    assert_eq!(effect(&t5, "Suspended(\"kenya-crisis\", \"au-panel\")"), Some(("yes".into(), "no".into())));
    // Once: the attempt after that is an ordinary one.
    let t6 = game.play_turn(&orders(6, PANEL_MEDIATES));
    let attempt = t6.outcomes.iter().find(|o| o.actor == "au-panel").expect("the panel's attempt");
    assert!(attempt.factors.iter().all(|f| f.name != "resumed after a suspension"));
}

#[test]
fn the_situation_report_names_each_track_and_each_party_s_word_on_it() {
    let s = kenya();
    let mut game = Game::new(s.clone(), 1);
    game.play_turn(&orders(1, FORUMS));
    let t2 = game.play_turn(&orders(2, PANEL_MEDIATES));
    let names = good_offices::names::Names::new(&s);
    assert_eq!(
        names.tracks_in_force(&t2.state.tracks, &t2.state.dyads).as_deref(),
        Some(
            "Mediation tracks: Panel of Eminent African Personalities (Kofi Annan) in The disputed presidency \
             (Party of National Unity (President Kibaki) accepts it, Orange Democratic Movement (Raila Odinga) \
             accepts it; 1 attempt, lately formulative); United States in The disputed presidency (Party of \
             National Unity (President Kibaki) has not consented, Orange Democratic Movement (Raila Odinga) \
             accepts it)."
        )
    );
}

#[test]
fn a_party_that_accepts_a_mediator_accepts_the_partner_it_shares_an_envoy_with() {
    let s = kenya();
    let mut game = Game::new(s.clone(), 1);
    game.play_turn(&orders(1, FORUMS));
    let chair = r#"[(actor: "au-chair", tool: Mediation, target: Dyad("kenya-crisis"), style: Facilitative)]"#;
    let alone = game.play_turn(&orders(2, chair));
    assert!(
        alone.rejected[0]
            .reason
            .starts_with("Party of National Unity (President Kibaki) has not accepted mediation by")
    );
    let joint = r#"[(actor: "au-chair", tool: JointEnvoy, target: Dyad("kenya-crisis"), with: "au-panel")]"#;
    game.play_turn(&orders(3, joint));
    let together = game.play_turn(&orders(4, chair));
    assert!(together.rejected.is_empty(), "one track, one voice: {:?}", together.rejected);
}
