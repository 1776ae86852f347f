//! Missions on the ground as entities with a life cycle (issue 20): a peace operation's mandate, its
//! strength growing by force generation, the budget the General Assembly must approve, the end of a
//! mandate and its renewal, and what `check` refuses. Played on the Uniting for Peace drill, the
//! built-in with both a Council and an Assembly: the Hesk valley crisis at stage 6 (about 2,000
//! personnel needed), turns of three days, Norvane refusing observers.

use std::sync::Arc;

use good_offices::engine::Game;
use good_offices::engine::operations::OperationKind;
use good_offices::engine::record::{Ballot, TurnRecord};
use good_offices::orders::TurnOrders;
use good_offices::scenario::Scenario;

use crate::support::built_in;

fn orders(s: &Scenario, turn: u32, text: &str) -> TurnOrders {
    let orders = good_offices::scenario::ron_options().from_str(text).expect("orders parse");
    // Every Council member for every draft: the mandate's fate, not the vote, is under test.
    let council = s.bodies.iter().find(|b| b.id == "council").expect("the drill's Council");
    let ballots = match &council.kind {
        good_offices::scenario::BodyKind::SecurityCouncil { members, .. } => {
            members.iter().map(|m| (m.to_string(), Ballot::Yes)).collect()
        }
        _ => unreachable!(),
    };
    TurnOrders { turn, orders, ballots, ..TurnOrders::default() }
}

fn effect(record: &TurnRecord, target: &str) -> Option<(String, String, String)> {
    record.effects.iter().rfind(|e| e.target == target).map(|e| (e.before.clone(), e.after.clone(), e.cause.clone()))
}

const MANDATE: &str = r#"[(actor: "ghana", tool: DraftResolution, target: Body("council"),
    draft: (chapter: VII, contents: [Mandate((dyad: "hesk", personnel: 6000, turns: 3,
                                              tasks: [ProtectionOfCivilians, CeasefireMonitoring]))]))]"#;
const BUDGET: &str = r#"[(actor: "costa-rica", tool: AssemblyResolution, target: Body("assembly"),
    draft: (chapter: VI, contents: [FinanceOperation("hesk")]))]"#;

fn drill() -> Arc<Scenario> {
    built_in("uniting-for-peace-drill")
}

/// The drill with turns of a month: force generation shows in a few turns.
fn monthly_drill() -> Arc<Scenario> {
    let text = good_offices::scenario::builtin::find("uniting-for-peace-drill").expect("built in").text;
    assert_eq!(text.matches("turn_length: Days(3)").count(), 1);
    let text = text.replacen("turn_length: Days(3)", "turn_length: Month", 1);
    Arc::new(good_offices::scenario::load_str("monthly.ron", &text).expect("valid").scenario)
}

/// A game of `s` after the turns given (each a list of orders).
fn after(s: &Arc<Scenario>, turns: &[&str]) -> Game {
    let mut game = Game::new(s.clone(), 3);
    for (i, text) in turns.iter().enumerate() {
        let record = game.play_turn(&orders(s, i as u32 + 1, text));
        assert!(record.rejected.is_empty(), "{:?}", record.rejected);
    }
    game
}

#[test]
fn a_council_operation_grows_by_force_generation_and_waits_for_the_assembly_s_budget() {
    let s = drill();
    let mut game = Game::new(s.clone(), 3);
    let t1 = game.play_turn(&orders(&s, 1, MANDATE));
    assert!(t1.rejected.is_empty(), "{:?}", t1.rejected);
    let vote = &t1.outcomes[0].explanation;
    assert!(vote.contains("The peace operation deploys under Chapter VII, without consent"), "{vote}");
    assert!(vote.contains("Its budget must still be approved by the General Assembly"), "{vote}");
    assert_eq!(effect(&t1, "PeaceOperation(\"hesk\")").map(|e| (e.0, e.1)), Some(("no".into(), "yes".into())));
    // 6,000 × 3 days / 180 = 100 a turn.
    let deployed = effect(&t1, "Deployed(PeaceOperation(\"hesk\"))").expect("force generation");
    assert_eq!((deployed.0.as_str(), deployed.1.as_str()), ("0", "100"));
    assert_eq!(deployed.2, "the peace operation in The Hesk valley crisis");
    let op = &t1.state.operations[0];
    assert_eq!(
        (op.kind, op.authorised, op.deployed, op.financed, op.since, op.until),
        (OperationKind::PeaceOperation, 6000, 100, false, 1, Some(3))
    );
    assert!(op.enforcement);
    assert_eq!(
        op.tasks,
        [good_offices::scenario::Task::CeasefireMonitoring, good_offices::scenario::Task::ProtectionOfCivilians]
    );

    // The groups read it in the situation report.
    let report = good_offices::play::situation_report(&s, &t1.state, Some(&t1), 2);
    assert!(
        report.contains(
            "On the ground: a peace operation in The Hesk valley crisis mandated by UN Security Council under Chapter VII: \
             100 of 6,000 personnel deployed, to monitor the ceasefire and protect civilians; its budget awaits the \
             General Assembly's approval; mandate until the end of turn 3."
        ),
        "{report}"
    );

    // The Council cannot vote the money (Art. 17); the Assembly can, without an emergency session.
    let council_budget = r#"[(actor: "ghana", tool: DraftResolution, target: Body("council"),
        draft: (chapter: VI, contents: [FinanceOperation("hesk")]))]"#;
    let refused = after(&s, &[MANDATE]).play_turn(&orders(&s, 2, council_budget));
    assert!(refused.rejected[0].reason.contains("only the General Assembly approves a peace operation's budget"));
    let t2 = game.play_turn(&orders(&s, 2, BUDGET));
    assert!(t2.rejected.is_empty(), "{:?}", t2.rejected);
    assert_eq!(t2.outcomes[0].result, "adopted", "{}", t2.outcomes[0].explanation);
    assert_eq!(
        effect(&t2, "Financed(PeaceOperation(\"hesk\"))").map(|e| (e.0, e.1)),
        Some(("no".into(), "yes".into()))
    );
    assert_eq!(t2.state.operations[0].deployed, 200);

    // A second mandate is refused; the renewal extends the term by two turns, to the end of turn 5.
    let again = after(&s, &[MANDATE, BUDGET]).play_turn(&orders(&s, 3, MANDATE));
    assert!(
        again.rejected[0].reason.contains("a peace operation is already mandated in `hesk` (since turn 1)"),
        "{:?}",
        again.rejected
    );
    let renew = r#"[(actor: "ghana", tool: DraftResolution, target: Body("council"),
        draft: (chapter: VII, contents: [RenewMandate("hesk", 2)]))]"#;
    let t3 = game.play_turn(&orders(&s, 3, renew));
    assert!(t3.outcomes[0].explanation.contains("now runs to the end of turn 5"), "{}", t3.outcomes[0].explanation);
    assert_eq!(t3.state.operations[0].until, Some(5));
}

#[test]
fn without_a_budget_an_operation_stops_at_a_quarter_and_leaves_when_its_mandate_ends() {
    let s = drill();
    let mut game = Game::new(s.clone(), 3);
    game.play_turn(&orders(&s, 1, MANDATE));
    let t2 = game.play_turn(&TurnOrders { turn: 2, ..TurnOrders::default() });
    let t3 = game.play_turn(&TurnOrders { turn: 3, ..TurnOrders::default() });
    assert_eq!((t2.state.operations[0].deployed, t3.state.operations[0].deployed), (200, 300));
    // The mandate ran to the end of turn 3: it ends as turn 4 begins.
    let t4 = game.play_turn(&TurnOrders { turn: 4, ..TurnOrders::default() });
    let ended = effect(&t4, "PeaceOperation(\"hesk\")").expect("the end of the mandate");
    assert_eq!(
        ended,
        ("yes".into(), "no".into(), "the peace operation in The Hesk valley crisis: its mandate ends".into())
    );
    assert!(t4.state.operations.is_empty());

    // Without a budget it fields a quarter of its strength and no more: 6,000 × 30 days / 180 = 1,000
    // a month, up to 1,500; once the Assembly votes the money, on to the full 6,000.
    let s = monthly_drill();
    let mut game = after(&s, &[&MANDATE.replace(" turns: 3,", "")]);
    let mut strengths = vec![game.state().operations[0].deployed];
    for turn in 2..=3 {
        strengths.push(game.play_turn(&TurnOrders { turn, ..TurnOrders::default() }).state.operations[0].deployed);
    }
    strengths.push(game.play_turn(&orders(&s, 4, BUDGET)).state.operations[0].deployed);
    strengths.push(game.play_turn(&TurnOrders { turn: 5, ..TurnOrders::default() }).state.operations[0].deployed);
    assert_eq!(strengths, [1000, 1500, 1500, 2500, 3500]);
}

/// A mandate in a scenario's course is checked as the rest of the file: new in format 2, with at
/// least one task, each once; every error points at its line and column.
#[test]
fn a_mandate_in_a_course_is_validated_with_located_errors() {
    let text = good_offices::scenario::builtin::find("uniting-for-peace-drill").expect("built in").text;
    let draft = r#"contents: [Ceasefire("hesk"), Sanctions("norvane", ArmsEmbargo)]"#;
    assert_eq!(text.matches(draft).count(), 1);
    let errors = |text: &str| -> Vec<(String, usize, usize, String)> {
        let report = good_offices::scenario::load_str("drill.ron", text).expect_err("refused");
        report
            .diagnostics
            .iter()
            .map(|d| {
                let (line, col) = report.source.line_col(d.start);
                (d.code.to_string(), line, col, d.message.clone())
            })
            .collect()
    };
    let line = text[..text.find(draft).unwrap()].lines().count();
    let empty = text.replacen(draft, r#"contents: [Mandate((dyad: "hesk", personnel: 3000, tasks: []))]"#, 1);
    let found = errors(&empty);
    let codes: Vec<&str> = found.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(codes, ["format-version", "empty-mandate"], "{found:?}");
    assert_eq!(found[0].3, "the draft content `Mandate` is new in format 2, but the file says `format: 1`");
    assert_eq!((found[1].1, found[1].3.as_str()), (line, "the mandate lists no tasks"));

    let format2 = text.replacen("    format: 1,", "    format: 2,", 1);
    let twice = format2.replacen(
        draft,
        r#"contents: [Mandate((dyad: "hesk", personnel: 300000, tasks: [Transition, Transition]))]"#,
        1,
    );
    let found = errors(&twice);
    let codes: Vec<&str> = found.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(codes, ["out-of-range", "duplicate-entry"], "{found:?}");
    assert_eq!(found[1].3, "the task `Transition` is listed twice");
    assert!(found.iter().all(|e| e.1 == line), "{found:?}");
}

/// Liberia's course: ECOMIL lands in turn 7 (700 a fortnight), resolution 1509 mandates UNMIL with its
/// tasks in turn 9 and takes the 1,400 over, force generation adds 2,500 a month; the debrief says what
/// was in force at the end and how well it worked.
#[test]
fn the_debrief_says_what_was_on_the_ground_at_the_end_and_how_well_it_worked() {
    let dir = crate::support::scratch_dir("missions-debrief");
    crate::support::good_offices(["run", "liberia-2003", "--course", "historical", "--log", "l.log"])
        .in_dir(&dir)
        .expect_code(0);
    let report =
        crate::support::good_offices(["debrief", "l.log", "--format", "md"]).in_dir(&dir).expect_code(0).stdout();
    let line = "- The peace operation in The war for Liberia (mandated by UN Security Council (2003)) had 6,400 of 15,000 \
                personnel on the ground and worked to its full effect: its principles held.";
    assert!(report.contains(line), "{report}");
    let handover =
        "It takes over the regional force led by Nigeria (President Olusegun Obasanjo): 1,400 of its personnel";
    assert!(report.contains(handover), "{report}");
}

/// A regional force goes in with both parties' consent or under the Council's authorisation (Art. 53),
/// by the decision of its regional body under the body's own rule (Chapter VIII); it is sized by its
/// leader's capacity, paid by its contributors, and hands over to a UN operation.
#[test]
fn a_regional_force_needs_consent_or_authorisation_and_its_body_s_decision_and_hands_over_to_the_un() {
    let text = good_offices::scenario::builtin::find("uniting-for-peace-drill").expect("built in").text;
    let tools = "tools: [PublicStatement, CouncilBriefing, ChairFacilitation, Mediation, DeployObservers, JointEnvoy],";
    let consensus = r#"kind: Regional(members: ["norvane", "saldria"], decision: Consensus)"#;
    let text = text.replacen("    format: 1,", "    format: 2,", 1).replacen(
        tools,
        &tools.replace("JointEnvoy", "JointEnvoy, DeployRegionalForce"),
        1,
    );
    let load = |text: &str| Arc::new(good_offices::scenario::load_str("drill.ron", text).expect("valid").scenario);
    let (by_consensus, by_half) =
        (load(&text), load(&text.replacen(consensus, &consensus.replace("Consensus", "QualifiedMajority(50)"), 1)));
    const FORCE: &str = r#"[(actor: "forum-chair", tool: DeployRegionalForce, target: Dyad("hesk"))]"#;
    let authorise = r#"[(actor: "ghana", tool: DraftResolution, target: Body("council"),
        draft: (chapter: VII, contents: [AuthoriseRegionalForce("littoral-forum")]))]"#;

    let refused = Game::new(by_consensus.clone(), 3).play_turn(&orders(&by_consensus, 1, FORCE));
    assert_eq!(
        refused.rejected[0].reason,
        "Norvane has not consented to a force, and the Council has not authorised one (Art. 53): a regional force \
         needs both parties' consent or a Council resolution with `AuthoriseRegionalForce` for a regional body \
         Chair of the Forum of the Littoral States belongs to"
    );

    // Authorised, but the Forum decides by consensus and Norvane, a member, objects.
    let blocked = after(&by_consensus, &[authorise]).play_turn(&orders(&by_consensus, 2, FORCE));
    assert_eq!(blocked.outcomes[0].result, "blocked");
    assert_eq!(
        blocked.outcomes[0].explanation,
        "Forum of the Littoral States decides by consensus: for Saldria; against Norvane (does not consent to a \
         force on its side). Not decided: no force goes in."
    );
    assert!(blocked.state.operations.is_empty());

    // Where half the members suffice, it goes in.
    let s = by_half;
    let mut game = after(&s, &[authorise]);
    let t2 = game.play_turn(&orders(&s, 2, FORCE));
    assert!(t2.rejected.is_empty(), "{:?}", t2.rejected);
    assert_eq!(t2.outcomes[0].result, "done");
    // Capacity 40 × 50 = 2,000, in 60 days: 100 in a turn of three days.
    let op = &t2.state.operations[0];
    assert_eq!(
        (op.kind, op.authorised, op.deployed, op.financed, op.enforcement),
        (OperationKind::RegionalForce, 2000, 100, true, true)
    );
    assert!(
        t2.outcomes[0].explanation.starts_with(
            "Forum of the Littoral States decides by a 50% majority: for Saldria; against Norvane (does not \
             consent to a force on its side). Decided. Chair of the Forum of the Littoral States leads a regional \
             force of 2,000 into The Hesk valley crisis under the Council's authorisation of"
        ),
        "{}",
        t2.outcomes[0].explanation
    );

    let t3 = game.play_turn(&orders(&s, 3, MANDATE));
    assert!(
        t3.outcomes[0].explanation.contains(
            "It takes over the regional force led by Chair of the Forum of the Littoral States: 100 of its personnel"
        ),
        "{}",
        t3.outcomes[0].explanation
    );
    let kinds: Vec<(OperationKind, u32)> = t3.state.operations.iter().map(|o| (o.kind, o.deployed)).collect();
    assert_eq!(kinds, [(OperationKind::PeaceOperation, 200)], "the UN operation starts from the regional force's 100");
}

/// A commission of inquiry is an entity too: set up now (an event scenarios can test), it reports
/// about five months later, and its findings move attention and the parties' hurt.
#[test]
fn a_commission_of_inquiry_reports_five_months_after_it_is_set_up() {
    let text = good_offices::scenario::builtin::find("uniting-for-peace-drill").expect("built in").text;
    let text = text.replacen("turn_length: Days(3)", "turn_length: Month", 1).replacen("turns: 5,", "turns: 8,", 1);
    let s = Arc::new(good_offices::scenario::load_str("monthly.ron", &text).expect("valid").scenario);
    let inquiry = r#"[(actor: "ghana", tool: DraftResolution, target: Body("council"),
        draft: (chapter: VI, contents: [CommissionOfInquiry("hesk")]))]"#;
    let mut game = Game::new(s.clone(), 3);
    let t1 = game.play_turn(&orders(&s, 1, inquiry));
    assert!(
        t1.outcomes[0].explanation.contains("It will report in about five months, in turn 6."),
        "{}",
        t1.outcomes[0].explanation
    );
    assert!(t1.state.globals.events.contains(&good_offices::scenario::Event::InquirySetUp("hesk".into())));
    assert_eq!(t1.state.operations[0].until, Some(5));
    let report = good_offices::play::situation_report(&s, &t1.state, Some(&t1), 2);
    assert!(
        report.contains("a commission of inquiry into The Hesk valley crisis set up by UN Security Council in turn 1, to report in turn 6"),
        "{report}"
    );
    for turn in 2..=5 {
        let r = game.play_turn(&TurnOrders { turn, ..TurnOrders::default() });
        assert_eq!(r.state.operations.len(), 1, "still at work in turn {turn}");
    }
    let t6 = game.play_turn(&TurnOrders { turn: 6, ..TurnOrders::default() });
    let cause = "the commission of inquiry in The Hesk valley crisis: its report";
    assert_eq!(effect(&t6, "Inquiry(\"hesk\")"), Some(("yes".into(), "no".into(), cause.into())));
    let hurt: Vec<_> = t6.effects.iter().filter(|e| e.cause == cause && e.target.starts_with("Hurt(")).collect();
    assert_eq!(hurt.len(), 2, "both sides are named");
    assert!(t6.state.globals.events.contains(&good_offices::scenario::Event::InquiryReported("hesk".into())));
    assert!(t6.state.operations.is_empty());
}
