//! The engine end to end: golden logs of each built-in scenario's historical course, determinism,
//! bounds, replay, and the save file surviving a kill mid-turn.

use std::sync::Arc;

use good_offices::engine::{Game, OrderSource, play};
use good_offices::log::{LogHeader, render_header, render_log};
use good_offices::orders::{OrdersFile, TurnOrders};
use good_offices::scenario::builtin::BUILT_INS;
use good_offices::scenario::{Id, MediationStyle, OrderSpec, Scenario, Target, ToolKind, validate::ranges::var_bounds};
use proptest::prelude::*;

use crate::support::{good_offices as cli, scratch_dir};

fn header(b: &good_offices::scenario::builtin::BuiltIn, seed: u64, source: &str) -> LogHeader {
    LogHeader {
        format: good_offices::log::LOG_FORMAT,
        engine: env!("CARGO_PKG_VERSION").into(),
        scenario: b.id.into(),
        scenario_hash: good_offices::log::scenario_hash(b.text),
        seed,
        seats: Vec::new(),
        source: source.into(),
        scenario_text: b.text.into(),
    }
}

/// The log `good-offices run ID --course historical --seed 1` writes, built through the library.
fn historical_log(b: &good_offices::scenario::builtin::BuiltIn) -> String {
    let s = Arc::new(b.load().expect("valid").scenario);
    let mut game = Game::new(s, 1);
    let records = play(&mut game, &OrderSource::Historical, None);
    render_log(&header(b, 1, "course: historical"), &records)
}

/// Golden files: `UPDATE_GOLDEN=1 cargo test --test main golden` rewrites them after a deliberate
/// rule change; review the diff like code.
#[test]
fn golden_logs_of_the_historical_courses() {
    for b in BUILT_INS.iter().filter(|b| !b.load().expect("valid").scenario.historical_course.is_empty()) {
        crate::support::assert_golden(&format!("{}.log", b.id), &historical_log(b));
    }
}

#[test]
fn the_cli_writes_the_same_bytes_as_the_library_and_replays_them() {
    let dir = scratch_dir("cli-golden");
    let b = good_offices::scenario::builtin::find("kenya-2008").expect("built in");
    cli(["run", "kenya-2008", "--course", "historical", "--seed", "1", "--log", "k.log"])
        .in_dir(&dir)
        .expect_code(0)
        .stdout_has("\n  toll: 147 dead, 66,150 displaced\n");
    let written = std::fs::read_to_string(dir.join("k.log")).expect("log");
    assert_eq!(written, historical_log(b));
    cli(["replay", "--verify", "k.log"]).in_dir(&dir).expect_code(0).stdout_has("re-resolve to the same bytes");
}

#[test]
fn a_game_killed_mid_turn_resumes_to_the_same_log() {
    let dir = scratch_dir("kill-resume");
    cli(["run", "cambodia-thailand-2011", "--course", "historical", "--seed", "4", "--log", "whole.log"])
        .in_dir(&dir)
        .expect_code(0);
    let whole = std::fs::read(dir.join("whole.log")).expect("log");
    cli(["run", "cambodia-thailand-2011", "--course", "historical", "--seed", "4", "--turns", "5", "--log", "cut.log"])
        .in_dir(&dir)
        .expect_code(0)
        .stdout_has("Continue with: good-offices resume cut.log");
    // A kill while turn 6 was being written leaves half a block behind.
    let five = std::fs::read(dir.join("cut.log")).expect("log");
    let torn_end = whole[five.len()..].iter().position(|&b| b == b'\n').expect("lines") + five.len() + 400;
    std::fs::write(dir.join("cut.log"), &whole[..torn_end]).expect("write torn");
    cli(["resume", "cut.log"]).in_dir(&dir).expect_code(0).stderr_has("was not completely written and is ignored");
    assert_eq!(std::fs::read(dir.join("cut.log")).expect("log"), whole, "the resumed log equals the uninterrupted one");
}

#[test]
fn a_tampered_log_and_a_log_of_another_scenario_are_refused() {
    let dir = scratch_dir("tampered");
    cli(["run", "tutorial-river-dispute", "--seed", "2", "--turns", "2", "--log", "t.log"]).in_dir(&dir).expect_code(0);
    let text = std::fs::read_to_string(dir.join("t.log")).expect("log");
    std::fs::write(dir.join("x.log"), crate::support::tamper_turn(&text, 1)).expect("write");
    cli(["replay", "x.log"]).in_dir(&dir).expect_code(2).stderr_has("turn 1 was changed after it was written");
    cli(["resume", "x.log"]).in_dir(&dir).expect_code(2).stderr_has("x.log:");
    cli(["replay", "t.log", "--scenario", "kenya-2008"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("is a log of scenario `tutorial-river-dispute`, not `kenya-2008`");
    let changed = good_offices::scenario::builtin::find("tutorial-river-dispute")
        .expect("built in")
        .text
        .replacen("turns: 6", "turns: 5", 1);
    std::fs::write(dir.join("changed.ron"), changed).expect("write");
    cli(["replay", "t.log", "--scenario", "changed.ron"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("has changed since this log was written")
        .stderr_has("leave out --scenario: the log carries the scenario it was played with");
    std::fs::write(dir.join("not.log"), "hello\n").expect("write");
    cli(["replay", "not.log"]).in_dir(&dir).expect_code(2).stderr_has("not a Good Offices turn log");
    cli(["run", "tutorial-river-dispute", "--log", "t.log"]).in_dir(&dir).expect_code(2).stderr_has("already exists");
}

#[test]
fn a_malformed_orders_file_is_located_and_refused() {
    let dir = scratch_dir("bad-orders");
    std::fs::write(dir.join("o.ron"), "(turns: [(turn: 1, orders: [(actor: \"doravia\", tool: Reinforse)])])")
        .expect("write");
    cli(["run", "tutorial-river-dispute", "--orders", "o.ron", "--log", "o.log"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("error[unknown-variant]: `Reinforse` is not a valid ToolKind")
        .stderr_has("--> o.ron:1:54")
        .stderr_has("did you mean `Reinforce`?");
    assert!(!dir.join("o.log").exists(), "no log is started for invalid orders");
}

#[test]
fn a_branch_changes_only_what_the_decision_touches() {
    let dir = scratch_dir("branch");
    cli(["run", "kenya-2008", "--course", "historical", "--seed", "3", "--log", "trunk.log"])
        .in_dir(&dir)
        .expect_code(0);
    // What if the United States had opened a rival mediation in turn 5?
    std::fs::write(
        dir.join("whatif.ron"),
        "(turns: [(turn: 5, orders: [(actor: \"united-states\", tool: Mediation, target: Dyad(\"kenya-crisis\"), style: Directive)])])",
    )
    .expect("write");
    cli(["branch", "trunk.log", "--from-turn", "5", "--orders", "whatif.ron", "--log", "branch.log"])
        .in_dir(&dir)
        .expect_code(0);
    let trunk = good_offices::log::load(&dir.join("trunk.log")).expect("trunk");
    let branch = good_offices::log::load(&dir.join("branch.log")).expect("branch");
    assert_eq!(trunk.records[..4], branch.records[..4], "turns before the branch point are kept");
    // The panel's own dice in turn 5 are the same roll in both worlds.
    let roll = |log: &good_offices::log::LoadedLog| {
        log.records[4]
            .outcomes
            .iter()
            .find(|o| o.actor == "au-panel" && o.tool == ToolKind::Mediation)
            .and_then(|o| o.roll)
    };
    assert!(roll(&trunk).is_some());
    assert_eq!(roll(&trunk), roll(&branch));
    cli(["replay", "--verify", "branch.log"]).in_dir(&dir).expect_code(0);
}

fn random_orders(s: &Scenario) -> impl Strategy<Value = Vec<TurnOrders>> {
    let actors: Vec<String> = s.actors.iter().map(|a| a.id.to_string()).collect();
    let dyads: Vec<String> = s.conflict.dyads.iter().map(|d| d.id.to_string()).collect();
    let bodies: Vec<String> = s.bodies.iter().map(|b| b.id.to_string()).collect();
    let tools = ToolKind::ALL.to_vec();
    let order = (
        proptest::sample::select(actors.clone()),
        proptest::sample::select(tools),
        0usize..3,
        proptest::sample::select(dyads),
        proptest::sample::select(if bodies.is_empty() { vec!["none".to_string()] } else { bodies }),
        proptest::sample::select(actors),
    )
        .prop_map(|(actor, tool, kind, dyad, body, other)| OrderSpec {
            actor: Id::from(actor),
            tool,
            target: Some(match kind {
                0 => Target::Dyad(Id::from(dyad)),
                1 => Target::Body(Id::from(body)),
                _ => Target::Actor(Id::from(other.as_str())),
            }),
            style: Some(MediationStyle::Formulative),
            draft: None,
            sanction: None,
            with: Some(Id::from(other)),
            note: Default::default(),
        });
    proptest::collection::vec(proptest::collection::vec(order, 0..12), 1..6).prop_map(|turns| {
        turns
            .into_iter()
            .enumerate()
            .map(|(i, orders)| TurnOrders { turn: i as u32 + 1, orders, ..TurnOrders::default() })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// `passes`, which bots use, accepts exactly what `check` accepts: for any orders, in any state a
    /// game reaches, checked in turn against the orders accepted before them.
    #[test]
    fn passes_agrees_with_check(seed in any::<u64>(), turns in random_orders(&BUILT_INS[2].load().expect("valid").scenario)) {
        let s = Arc::new(BUILT_INS[2].load().expect("valid").scenario);
        let mut game = Game::new(s.clone(), seed);
        for t in &turns {
            let view = good_offices::engine::view::View::of_snapshot(&s, game.state(), game.next_turn());
            let mut accepted = Vec::new();
            for o in &t.orders {
                let checked = good_offices::orders::check(o, &view, &accepted);
                prop_assert_eq!(good_offices::orders::passes(o, &view, &accepted), checked.is_ok(), "{:?}: {:?}", o, checked);
                if checked.is_ok() {
                    accepted.push(o.clone());
                }
            }
            if game.is_over() {
                break;
            }
            game.play_turn(&TurnOrders { turn: game.next_turn(), ..t.clone() });
        }
    }

    #[test]
    fn any_game_is_deterministic_bounded_and_replays(
        which in 0usize..3,
        seed in any::<u64>(),
        turns in random_orders(&BUILT_INS[1].load().expect("valid").scenario),
    ) {
        let b = &BUILT_INS[which];
        let s = Arc::new(b.load().expect("valid").scenario);
        // Orders generated for one scenario are mostly nonsense for another: they must be refused
        // with reasons, never crash the engine.
        let source = OrderSource::File(OrdersFile { turns });
        let first = play(&mut Game::new(s.clone(), seed), &source, None);
        let second = play(&mut Game::new(s.clone(), seed), &source, None);
        let text = render_log(&header(b, seed, "orders: generated"), &first);
        prop_assert_eq!(&text, &render_log(&header(b, seed, "orders: generated"), &second));
        for r in &first {
            for d in &r.state.dyads {
                prop_assert!((1..=9).contains(&d.stage));
                for x in d.arms.iter().chain(&d.hurt).chain(&d.win_belief).chain([&d.way_out, &d.enticement]) {
                    prop_assert!((0.0..=100.0).contains(x), "{} out of bounds in {}", x, d.id);
                }
                for g in &d.grievance {
                    let (lo, hi) = var_bounds(&good_offices::scenario::Var::Grievance(Id::default(), Id::default()));
                    prop_assert!((lo..=hi).contains(g));
                }
            }
            for (_, v) in r.state.globals.trust.iter() {
                prop_assert!((0.0..=100.0).contains(&v));
            }
            prop_assert!((0.0..=100.0).contains(&r.state.globals.public_pressure));
            prop_assert!((0.0..=100.0).contains(&r.state.globals.coherence));
        }
        // The log parses back to the same records, and re-resolving them gives the same bytes.
        let parsed = good_offices::log::parse("generated.log", &text).expect("a log the engine wrote parses");
        prop_assert_eq!(&parsed.records, &first);
        let mut replay = Game::new(s, seed);
        for r in &parsed.records {
            let again = replay.play_turn(&r.input());
            prop_assert_eq!(good_offices::log::render_record(&again), good_offices::log::render_record(r));
        }
        let _ = render_header(&parsed.header);
    }
}

#[test]
fn an_orders_file_is_checked_against_the_scenario() {
    let dir = scratch_dir("orders-vs-scenario");
    std::fs::write(dir.join("o.ron"), "(turns: [\n  (turn: 2, injects: [\"two-plan\"]),\n  (turn: 9, orders: []),\n])")
        .expect("write");
    let out = cli(["run", "tutorial-river-dispute", "--orders", "o.ron", "--log", "o.log"]).in_dir(&dir).expect_code(2);
    let err = out.stderr();
    assert!(
        err.contains("error[unknown-inject]: `two-plan` is not a facilitator inject of this scenario\n --> o.ron:2:23"),
        "{err}"
    );
    assert!(err.contains("did you mean `two-plans`?"), "{err}");
    assert!(
        err.contains("error[out-of-range]: turn 9 is after the last turn of the game (6)\n --> o.ron:3:10"),
        "{err}"
    );
}

#[test]
fn a_branch_log_needs_a_source_to_resume() {
    let dir = scratch_dir("resume-branch");
    cli(["run", "tutorial-river-dispute", "--seed", "5", "--turns", "3", "--log", "trunk.log"])
        .in_dir(&dir)
        .expect_code(0);
    std::fs::write(
        dir.join("w.ron"),
        "(turns: [(turn: 2, orders: [(actor: \"doravia\", tool: Withdraw, target: Dyad(\"mirra\"))])])",
    )
    .expect("write");
    cli(["branch", "trunk.log", "--from-turn", "2", "--orders", "w.ron", "--log", "b.log"]).in_dir(&dir).expect_code(0);
    // As if the branch had been stopped after its third turn.
    let branch = good_offices::log::load(&dir.join("b.log")).expect("branch");
    std::fs::write(dir.join("b.log"), render_log(&branch.header, &branch.records[..3])).expect("write");
    cli(["resume", "b.log"]).in_dir(&dir).expect_code(2).stderr_has("is a what-if branch");
    cli(["resume", "b.log", "--bots"]).in_dir(&dir).expect_code(0).stdout_has("The game is over.");
}

#[test]
fn resume_with_bots_keeps_the_orders_file_and_fills_the_empty_seats() {
    let dir = scratch_dir("resume-bots");
    std::fs::write(
        dir.join("o.ron"),
        "(turns: [(turn: 3, orders: [(actor: \"doravia\", tool: Withdraw, target: Dyad(\"mirra\"))])])",
    )
    .expect("write");
    cli(["run", "tutorial-river-dispute", "--orders", "o.ron", "--turns", "2", "--log", "g.log"])
        .in_dir(&dir)
        .expect_code(0);
    cli(["resume", "g.log", "--bots", "--turns", "1"]).in_dir(&dir).expect_code(0);
    let log = good_offices::log::load(&dir.join("g.log")).expect("log");
    let third = &log.records[2].submitted;
    assert!(third.iter().any(|o| o.actor == "doravia" && o.tool == ToolKind::Withdraw), "the file's order for turn 3");
    assert!(third.iter().any(|o| o.actor != "doravia"), "bots fill the other seats: {third:?}");
}

#[test]
fn mediators_joined_through_a_chain_of_joint_envoys_are_one_track() {
    // Base scenario plus a Secretary-General and a second envoy; the chair gets a joint envoy too.
    let text = crate::support::base_scenario().replace(
        "tools: [PublicStatement, ChairFacilitation, Mediation, DeployObservers]",
        "tools: [PublicStatement, ChairFacilitation, Mediation, DeployObservers, JointEnvoy]",
    );
    let extra = "        (id: \"sg\", name: \"Secretary-General\", kind: SecretaryGeneral, tools: [GoodOffices, JointEnvoy]),\n        (id: \"zz-envoy\", name: \"Envoy\", kind: Envoy, tools: [GoodOffices]),\n    ],\n\n    // Bodies";
    let text = text.replacen("    ],\n\n    // Bodies", extra, 1);
    let s = Arc::new(good_offices::scenario::load_str("chain.ron", &text).expect("valid").scenario);
    let orders: OrdersFile = good_offices::scenario::ron_options()
        .from_str(
            "(turns: [
               (turn: 1, orders: [
                 (actor: \"regional-chair\", tool: JointEnvoy, target: Dyad(\"river\"), with: \"sg\"),
                 (actor: \"sg\", tool: JointEnvoy, target: Dyad(\"river\"), with: \"zz-envoy\")]),
               (turn: 2, orders: [
                 (actor: \"regional-chair\", tool: ChairFacilitation, target: Dyad(\"river\")),
                 (actor: \"zz-envoy\", tool: GoodOffices, target: Dyad(\"river\"))]),
             ])",
        )
        .expect("orders parse");
    let records = play(&mut Game::new(s, 1), &OrderSource::File(orders), Some(2));
    let second = &records[1];
    assert!(second.rejected.is_empty(), "{:?}", second.rejected);
    // One track rolls once, led by the chair (the stronger tool); the envoy's good offices join it.
    let [lead, joined] = [&second.outcomes[0], &second.outcomes[1]];
    assert!(lead.explanation.contains("(ripeness") && lead.explanation.contains(", 1 track)"), "{}", lead.explanation);
    assert_eq!((joined.actor.as_str(), joined.result.as_ref(), joined.probability), ("zz-envoy", "joined", None));
    assert!(
        !second.effects.iter().any(|e| e.target == "Coherence" && e.cause.contains("ChairFacilitation")),
        "no forum-shopping cost"
    );
}

#[test]
fn edited_saved_states_finished_branches_and_scenario_files_are_refused_clearly() {
    let dir = scratch_dir("refusals");
    cli(["run", "tutorial-river-dispute", "--bots", "--seed", "2", "--log", "a.log"]).in_dir(&dir).expect_code(0);
    // A state edited and its checksum recomputed: refused, not a crash.
    let mut log = good_offices::log::load(&dir.join("a.log")).expect("log");
    log.records[0].state.dyads[0].id = "rivers".into();
    std::fs::write(dir.join("edited.log"), render_log(&log.header, &log.records[..1])).expect("write");
    cli(["resume", "edited.log"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("does not belong to scenario `tutorial-river-dispute`");
    // A branch that would start after the end of the game.
    let ended = log.records.iter().find(|r| r.end.is_some()).expect("the game ended").turn;
    std::fs::write(dir.join("w.ron"), "(turns: [])").expect("write");
    let late = (ended + 1).to_string();
    cli(["branch", "a.log", "--from-turn", &late, "--orders", "w.ron", "--log", "b.log"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has(&format!("ended at turn {ended}; a branch must start at turn {ended} or earlier"));
    // A finished branch resumes to "already over".
    cli(["branch", "a.log", "--from-turn", "2", "--orders", "w.ron", "--log", "b2.log"]).in_dir(&dir).expect_code(0);
    cli(["resume", "b2.log"]).in_dir(&dir).expect_code(0).stdout_has("This game is already over");
    // A game of a scenario file carries the scenario: the file may be edited or gone afterwards.
    std::fs::write(dir.join("base.ron"), crate::support::base_scenario()).expect("write");
    cli(["run", "base.ron", "--turns", "1", "--log", "f.log"]).in_dir(&dir).expect_code(0);
    std::fs::write(dir.join("base.ron"), crate::support::base_scenario().replacen("turns:", "turns :", 1))
        .expect("write");
    cli(["replay", "f.log", "--verify"]).in_dir(&dir).expect_code(0);
    cli(["replay", "f.log", "--scenario", "base.ron"]).in_dir(&dir).expect_code(2).stderr_has("has changed since");
    std::fs::remove_file(dir.join("base.ron")).expect("remove");
    cli(["resume", "f.log", "--turns", "1"]).in_dir(&dir).expect_code(0).stdout_has("Turn 2 (");
    cli(["debrief", "f.log"]).in_dir(&dir).expect_code(0).stdout_has("### Turn 2 · ");
}

/// A state missing a row (as a hand-made test state may) is played on the rows it has: each effect
/// reaches the row of its id, not the row at that id's rank in the full scenario (every row after
/// the gap has moved up by one).
#[test]
fn a_state_missing_a_row_plays_on_the_rows_it_has() {
    let s = Arc::new(
        good_offices::scenario::builtin::find("kenya-2008").expect("built in").load().expect("valid").scenario,
    );
    let gone = "hd-centre";
    let mut partial = good_offices::engine::state::Snapshot::initial(&s);
    assert!(partial.has_every_row(&s));
    partial.actors.retain(|a| a.id != gone);
    assert!(!partial.has_every_row(&s));
    let mut whole = Game::new(s.clone(), 4);
    let mut gapped = Game::resume(s.clone(), 4, partial, false);
    for turn in 1..=3 {
        let mut orders = OrderSource::Historical.turn(&s, turn);
        orders.orders.retain(|o| o.actor != gone && o.target.as_ref().map(Target::id).is_none_or(|t| t != gone));
        whole.advance(orders.clone());
        gapped.advance(orders);
    }
    assert_eq!(gapped.state().dyads, whole.state().dyads);
    let others: Vec<_> = whole.state().actors.iter().filter(|a| a.id != gone).cloned().collect();
    assert_eq!(gapped.state().actors, others, "every other actor's row as in the whole game");
}

/// A restart goes back to the scenario's start whatever the game did before — a few turns, a whole
/// game, a resumed saved state, a state missing a row — and the game then plays exactly as a new one
/// (a restart copies back only the rows the game wrote to, so every way of getting there is tried).
#[test]
fn a_restarted_game_plays_as_a_new_one() {
    let s = Arc::new(
        good_offices::scenario::builtin::find("kenya-2008").expect("built in").load().expect("valid").scenario,
    );
    let bots = OrderSource::with_scenario_bots(OrderSource::Hold, &s);
    let fresh = |seed| play(&mut Game::new(s.clone(), seed), &bots, None);
    let mut game = Game::new(s.clone(), 1);
    play(&mut game, &bots, Some(4));
    game.restart(2);
    assert_eq!(play(&mut game, &bots, None), fresh(2), "after four turns of another game");
    game.restart(3);
    game.restart(3);
    assert_eq!(play(&mut game, &bots, None), fresh(3), "after a whole game, restarted twice");

    let mut saved = Game::new(s.clone(), 5);
    play(&mut saved, &bots, Some(3));
    let mut resumed = Game::resume(s.clone(), 5, saved.state().clone(), false);
    play(&mut resumed, &bots, Some(2));
    resumed.restart(6);
    assert_eq!(play(&mut resumed, &bots, None), fresh(6), "after a resumed game");

    let mut partial = good_offices::engine::state::Snapshot::initial(&s);
    partial.actors.retain(|a| a.id != "hd-centre");
    let mut gapped = Game::resume(s.clone(), 7, partial, false);
    gapped.advance(OrderSource::Historical.turn(&s, 1));
    gapped.restart(8);
    assert_eq!(play(&mut gapped, &bots, None), fresh(8), "after a state missing a row");
}

/// An order naming an id the scenario does not have is warned about at its line before the game
/// starts (with the likely id), and the game goes on: the order is refused in its turn, as any.
#[test]
fn an_order_naming_an_unknown_id_is_warned_about_and_refused_in_its_turn() {
    let dir = scratch_dir("orders-unknown-ids");
    std::fs::write(
        dir.join("o.ron"),
        "(turns: [\n  (turn: 1, orders: [\n    (actor: \"doravai\", tool: Hold),\n    (actor: \"un-envoy\", tool: Mediation, target: Dyad(\"mira\"), style: Facilitative),\n    (actor: \"un-envoy\", tool: AppealToBody, target: Body(\"council\")),\n  ]),\n])",
    )
    .expect("write");
    let out = cli(["run", "tutorial-river-dispute", "--orders", "o.ron", "--log", "o.log", "--turns", "1"])
        .in_dir(&dir)
        .expect_code(0);
    let err = out.stderr();
    for expected in [
        "warning[unknown-id]: `doravai` is not an actor of this scenario: the order will be refused when its turn is played\n --> o.ron:3:13",
        "= help: did you mean `doravia`?",
        "warning[unknown-id]: `mira` is not a dispute of this scenario: the order will be refused when its turn is played\n --> o.ron:4:50",
        "= help: did you mean `mirra`?",
        "warning[unknown-id]: `council` is not a body of this scenario",
        "= help: the bodies of this scenario are: valley-community",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert_eq!(err.matches("warning[unknown-id]").count(), 3, "{err}");
    // The turn's summary shows each refused order with its reason, as the log keeps it.
    for refused in [
        "  rejected: doravai — Hold: there is no actor `doravai` in this scenario\n",
        "  rejected: un-envoy — Mediation: there is no dispute (dyad) `mira`\n",
        "  rejected: un-envoy — AppealToBody: UN Special Envoy for the Mirra does not hold `AppealToBody`\n",
    ] {
        assert!(out.stdout().contains(refused), "missing {refused:?} in:\n{}", out.stdout());
    }
    let log = good_offices::log::load(&dir.join("o.log")).expect("the game was played and logged");
    let reasons: Vec<&str> = log.records[0].rejected.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons.contains(&"there is no actor `doravai` in this scenario"), "the refusal is logged: {reasons:?}");
}

/// Each dispute's escalation counts every clash aimed at it (and none aimed elsewhere), whether the
/// scenario has a few disputes (each picks its outcomes out of the turn's list) or many (the outcomes
/// are sorted by target and walked alongside the disputes): the engine hands no dispute too few.
#[test]
fn each_dispute_counts_only_the_clashes_aimed_at_it() {
    // The tutorial's actors, and three or eight pairs more with a dispute each.
    let tutorial = good_offices::scenario::synthetic::synthetic(0).actors.len();
    for (size, few) in [(tutorial + 6, true), (tutorial + 16, false)] {
        let s = Arc::new(good_offices::scenario::synthetic::synthetic(size));
        let disputes = s.conflict.dyads.len();
        assert_eq!(disputes <= 4, few, "{size} actors: {disputes} disputes");
        // The second side of every other generated dispute skirmishes (both sides in the last one).
        let mut orders = Vec::new();
        for (i, d) in s.conflict.dyads.iter().enumerate().skip(1).step_by(2) {
            let skirmish = |actor: &str| OrderSpec {
                actor: Id::from(actor),
                tool: ToolKind::Skirmish,
                target: Some(Target::Dyad(Id::from(d.id.as_str()))),
                style: None,
                draft: None,
                sanction: None,
                with: None,
                note: Default::default(),
            };
            orders.push(skirmish(&d.sides.1));
            if i + 2 >= disputes {
                orders.push(skirmish(&d.sides.0));
            }
        }
        let mut skirmished = 0;
        for seed in 0..8 {
            let mut game = Game::new(s.clone(), seed);
            let record = game.play_turn(&TurnOrders { turn: 1, orders: orders.clone(), ..TurnOrders::default() });
            assert!(record.rejected.is_empty(), "{:?}", record.rejected);
            assert_eq!(record.dynamics.len(), disputes);
            for dynamics in &record.dynamics {
                let clashes = record
                    .outcomes
                    .iter()
                    .filter(|o| o.target.as_deref() == Some(dynamics.dyad.as_str()) && o.result == "clash")
                    .count();
                let incident = usize::from(dynamics.incident_roll < dynamics.incident_probability);
                let factor = dynamics.factors.iter().find(|f| f.name == "clashes").expect("a clashes factor");
                assert_eq!(factor.value, 6.0 * (clashes + incident) as f64, "{size} actors, {}", dynamics.dyad);
                skirmished += clashes;
            }
        }
        assert!(skirmished > 0, "some skirmishes made contact");
    }
}

#[test]
fn tool_uses_are_counted_per_order_and_limit_later_turns() {
    // Amaris may show force twice in a game; Belland has no limit.
    let text = crate::support::base_scenario()
        .replace("(tool: ShowOfForce, potency: 1.2)", "(tool: ShowOfForce, potency: 1.2, max_uses: 2)");
    let s = Arc::new(good_offices::scenario::load_str("limits.ron", &text).expect("valid").scenario);
    let order = |actor: &str, tool: ToolKind| OrderSpec {
        actor: Id::from(actor),
        tool,
        target: Some(Target::Dyad(Id::from("river"))),
        style: None,
        draft: None,
        sanction: None,
        with: None,
        note: Default::default(),
    };
    let turn = |n: u32, orders: Vec<OrderSpec>| TurnOrders { turn: n, orders, ..TurnOrders::default() };
    let mut game = Game::new(s, 3);
    // Orders of one actor apart from each other, and a refused order, which is not counted.
    let first = game.play_turn(&turn(
        1,
        vec![
            order("amaris", ToolKind::ShowOfForce),
            order("belland", ToolKind::Reinforce),
            order("amaris", ToolKind::Reinforce),
            order("amaris", ToolKind::Strike),
        ],
    ));
    assert_eq!(first.rejected.len(), 1, "{:?}", first.rejected);
    let uses = |record: &good_offices::engine::record::TurnRecord, actor: &str| {
        let row = record.state.actors.iter().find(|a| a.id == actor).expect("a row");
        format!("{:?}", row.uses)
    };
    assert_eq!(uses(&first, "amaris"), "{Reinforce: 1, ShowOfForce: 1}");
    assert_eq!(uses(&first, "belland"), "{Reinforce: 1}");
    let second =
        game.play_turn(&turn(2, vec![order("amaris", ToolKind::ShowOfForce), order("amaris", ToolKind::ShowOfForce)]));
    // The second order of the turn is refused as a repeat, whatever the limit.
    assert_eq!(second.rejected.len(), 1);
    assert_eq!(uses(&second, "amaris"), "{Reinforce: 1, ShowOfForce: 2}");
    let third = game.play_turn(&turn(3, vec![order("amaris", ToolKind::ShowOfForce)]));
    assert_eq!(third.rejected.len(), 1);
    assert_eq!(third.rejected[0].reason, "Amaris has used `ShowOfForce` 2 time(s), its limit in this scenario");
    assert_eq!(uses(&third, "amaris"), "{Reinforce: 1, ShowOfForce: 2}");
}

/// A game the facilitator ends now in open fighting counts the fighting it cuts short, as a game a
/// stop rule ends early does (rules::toll): ending a war early must not make it cheaper.
#[test]
fn ending_now_in_open_fighting_carries_the_toll_to_the_scenarios_end() {
    use good_offices::engine::Game;
    use good_offices::engine::state::Snapshot;
    use good_offices::orders::TurnOrders;
    let s = std::sync::Arc::new(
        good_offices::scenario::builtin::find("kenya-2008").expect("built in").load().expect("valid").scenario,
    );
    let mut state = Snapshot::initial(&s);
    state.dyads[0].stage = 7;
    let play = |end_now: bool| {
        let mut game = Game::resume(s.clone(), 5, state.clone(), false);
        game.play_turn(&TurnOrders { turn: 1, end_now, ..TurnOrders::default() })
    };
    let (ended, going_on) = (play(true), play(false));
    let carried: Vec<_> = ended.effects.iter().filter(|e| e.cause.starts_with("the end: stage-")).collect();
    let targets: Vec<&str> = carried.iter().map(|e| e.target.as_str()).collect();
    assert_eq!(targets, ["Deaths", "DisputeDeaths(\"kenya-crisis\")", "Displaced"], "{:?}", ended.effects);
    assert!(carried[0].cause.ends_with("goes on for the 10 turn(s) left"), "{}", carried[0].cause);
    assert!(going_on.effects.iter().all(|e| !e.cause.starts_with("the end:")));
    assert!(ended.state.globals.deaths > going_on.state.globals.deaths);
    assert!(ended.end.is_some_and(|e| e.by_facilitator) && going_on.end.is_none());
}
