//! Playing in the room, scripted through standard input in the line format.

use crate::support::{good_offices as cli, mediation_track, scratch_dir};

/// Six turns of the tutorial: both parties seated, everyone else by bots.
const SCRIPT: &[&str] = &[
    "order doravia Reinforce mirra\norder kessland AcceptMediation mirra\nplay\n",
    "order doravia AcceptMediation mirra\norder kessland Negotiate mirra\ninject two-plans\nplay\n",
    "order doravia Negotiate mirra\norder kessland Negotiate mirra\nplay\n",
    "order doravia Withdraw mirra\norder kessland OfferCeasefire mirra\nplay\n",
    "order doravia OfferCeasefire mirra\norder kessland Negotiate mirra\nplay\n",
    "order doravia SignAgreement mirra\norder kessland SignAgreement mirra\nplay\n",
];

fn play(dir: &std::path::Path, log: &str, script: &str) -> crate::support::Finished {
    cli(play_args(log)).in_dir(dir).stdin(script).expect_code(0)
}

#[test]
fn a_scripted_game_runs_to_the_end_and_replays() {
    let dir = scratch_dir("play-full");
    let out = play(&dir, "g.log", &SCRIPT.concat());
    let stdout = out.stdout();
    assert!(stdout.contains("=== Trouble on the Mirra (tutorial) — turn 1 of 6 (2–8 June 2031) ==="), "{stdout}");
    assert!(stdout.contains("The game is over. The log is g.log."), "{stdout}");
    assert!(stdout.contains("NEWS: Two plans, one river."), "the facilitator's inject is announced");
    assert_eq!(out.stderr(), "", "a clean script raises no complaints");
    let log = good_offices::log::load(&dir.join("g.log")).expect("a log");
    assert_eq!(log.header.seats, ["doravia", "kessland"]);
    assert_eq!(log.header.source, "play (others: bots)");
    assert!(log.records.last().expect("turns").end.is_some());
    cli(["replay", "--verify", "g.log"]).in_dir(&dir).expect_code(0);
}

#[test]
fn typos_are_explained_and_the_game_goes_on() {
    let dir = scratch_dir("play-typos");
    let out = play(
        &dir,
        "t.log",
        "ordr doravia Hold\norder doravia Reinforse mirra\norder doravia Reinforce mira\norder kessland Mediation mirra\nplay\nstop\n",
    );
    let err = out.stderr();
    assert!(
        err.contains("line `ordr doravia Hold`: `ordr doravia Hold` is not understood; write `order ROLE TOOL TARGET`"),
        "{err}"
    );
    assert!(err.contains("there is no tool `Reinforse`; did you mean `Reinforce`?"), "{err}");
    assert!(err.contains("there is no target `mira`; did you mean `mirra`?"), "{err}");
    assert!(err.contains("Kessland does not hold `Mediation`"), "{err}");
    assert!(out.stdout().contains("Saved after turn 1. Continue with: good-offices resume t.log"));
}

#[test]
fn a_game_stopped_mid_turn_resumes_with_nothing_lost_and_the_same_log() {
    let dir = scratch_dir("play-resume");
    play(&dir, "whole.log", &SCRIPT.concat());
    let whole = std::fs::read(dir.join("whole.log")).expect("log");
    // The room stops after three turns, with a fourth half entered.
    let first = format!("{}order doravia Withdraw mirra\nstop\n", SCRIPT[..3].concat());
    play(&dir, "cut.log", &first).stdout_has("Saved after turn 3.");
    // The machine is killed while turn 4 is being written: half a block is left behind.
    let three = std::fs::read(dir.join("cut.log")).expect("log");
    std::fs::write(dir.join("cut.log"), &whole[..three.len() + 300]).expect("write a torn tail");
    // Doravia's order for turn 4 was kept beside the log: only Kessland's is entered again.
    let rest = format!("order kessland OfferCeasefire mirra\nplay\n{}", SCRIPT[4..].concat());
    cli(["resume", "cut.log"])
        .in_dir(&dir)
        .stdin(&rest)
        .expect_code(0)
        .stderr_has("was not completely written and is ignored")
        .stdout_has("Restored the orders of Doravia entered before the stop.\n")
        .stdout_has("The game is over.");
    assert_eq!(std::fs::read(dir.join("cut.log")).expect("log"), whole);
}

/// Issue 18: "save and stop" keeps the orders already entered for the turn in progress. They are
/// kept in `LOG.journal`, `resume` restores them and says so, the groups that entered them do not
/// enter them again, and the log is the one an uninterrupted game writes.
#[test]
fn save_and_stop_keeps_the_orders_entered_and_resume_restores_them() {
    let dir = scratch_dir("play-stop-keeps");
    play(&dir, "whole.log", &SCRIPT[..2].concat());
    // Turn 2 half entered: Doravia's order, then the facilitator saves and stops.
    let first = format!("{}order doravia AcceptMediation mirra\nstop\n", SCRIPT[0]);
    let stopped = play(&dir, "s.log", &first);
    assert!(
        stopped.stdout().ends_with(
            "Saved after turn 1. Continue with: good-offices resume s.log\nThe orders entered for turn 2 (Doravia) \
             are kept in s.log.journal: `resume` restores them.\n"
        ),
        "{}",
        stopped.stdout()
    );
    let resumed = cli(["resume", "s.log"])
        .in_dir(&dir)
        .stdin("order kessland Negotiate mirra\ninject two-plans\nplay\nstop\n")
        .expect_code(0);
    assert!(resumed.stdout().starts_with("Restored the orders of Doravia entered before the stop.\n=== "));
    assert_eq!(resumed.stderr(), "", "Doravia's order is not entered twice");
    let log = good_offices::log::load(&dir.join("s.log")).expect("a log");
    let doravia: Vec<_> = log.records[1].submitted.iter().filter(|o| o.actor == "doravia").map(|o| o.tool).collect();
    assert_eq!(doravia, [good_offices::scenario::ToolKind::AcceptMediation]);
    assert_eq!(std::fs::read(dir.join("s.log")).expect("log"), std::fs::read(dir.join("whole.log")).expect("log"));
    cli(["replay", "--verify", "s.log"]).in_dir(&dir).expect_code(0);
    // The turn is in the log: its orders are not restored a second time.
    let again = cli(["resume", "s.log"]).in_dir(&dir).stdin("stop\n").expect_code(0);
    assert!(!again.stdout().contains("Restored"), "{}", again.stdout());
}

#[test]
fn undo_takes_back_the_last_turn() {
    let dir = scratch_dir("play-undo");
    play(&dir, "u.log", "order doravia Reinforce mirra\nplay\nundo\norder doravia Withdraw mirra\nplay\nstop\n")
        .stdout_has("Turn 1 is taken back.");
    let log = good_offices::log::load(&dir.join("u.log")).expect("a log");
    assert_eq!(log.records.len(), 1);
    assert_eq!(
        log.records[0].submitted.iter().find(|o| o.actor == "doravia").map(|o| o.tool),
        Some(good_offices::scenario::ToolKind::Withdraw)
    );
}

#[test]
fn unknown_seats_are_refused() {
    let dir = scratch_dir("play-seat");
    cli(["play", "tutorial-river-dispute", "--seat", "dorvia", "--others", "bots"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("`dorvia` is not a role in tutorial-river-dispute: did you mean `doravia`?");
}

#[test]
fn the_menus_re_ask_after_a_typo_and_hide_each_groups_orders() {
    let dir = scratch_dir("play-menus");
    let (mut session, reinforce, log) = doravia_at_the_menus(&dir);
    // "x" is a typo; then Reinforce, the only dispute is chosen for us, confirm, done; play the turn; stop.
    let answers = format!("x\n{reinforce}\n1\n0\n1\n4\n");
    let mut out = Vec::new();
    good_offices::play::run_menus(&mut session, &mut std::io::Cursor::new(answers), &mut out).expect("menus run");
    let text = String::from_utf8(out).expect("utf8");
    assert!(text.contains("`x` is not one of the choices: type a number from 0 to"), "{text}");
    assert!(text.contains("Give this order? Reinforce → The Mirra water dispute"), "{text}");
    assert!(text.contains("\x1b[2J"), "the screen is cleared before the next group");
    assert!(text.contains("Turn 1 is resolved and saved to"), "{text}");
    let saved = good_offices::log::load(&log).expect("log");
    assert_eq!(saved.records.len(), 1);
    assert!(
        saved.records[0]
            .submitted
            .iter()
            .any(|o| o.actor == "doravia" && o.tool == good_offices::scenario::ToolKind::Reinforce)
    );
}

#[test]
fn a_group_reads_its_order_back_in_words_not_in_file_syntax() {
    use good_offices::scenario::{Chapter, Draft, DraftContent, OrderSpec, SanctionKind, Target, ToolKind};
    let s = good_offices::scenario::builtin::find("uniting-for-peace-drill").expect("built in").load().expect("valid");
    let order = OrderSpec {
        actor: "norvane".into(),
        tool: ToolKind::DraftResolution,
        target: Some(Target::Body("council".into())),
        style: None,
        draft: Some(Box::new(Draft {
            chapter: Chapter::VII,
            contents: vec![
                DraftContent::Ceasefire("hesk".into()),
                DraftContent::Sanctions("norvane".into(), SanctionKind::ArmsEmbargo),
            ],
        })),
        sanction: None,
        with: None,
        note: Default::default(),
    };
    assert_eq!(
        good_offices::play::describe(&s.scenario, &order),
        "Draft resolution → UN Security Council [Chapter VII: a ceasefire in The Hesk valley crisis; arms embargo on Norvane]"
    );
}

/// In the room, the bots see what the groups ordered: cautious mediators join the track of a group
/// that mediates (Cambodia–Thailand: China, which both parties trust more than Indonesia) instead of
/// opening a rival one, and follow Indonesia while China does not mediate.
#[test]
fn bots_follow_a_group_that_mediates() {
    let dir = scratch_dir("play-follow");
    let script = "order thailand AcceptMediation preah-vihear\nplay\n\
                  order thailand Hold\norder china Mediation preah-vihear style=facilitative\nplay\nstop\n";
    cli([
        "play",
        "cambodia-thailand-2011",
        "--seat",
        "china",
        "--seat",
        "thailand",
        "--seed",
        "2",
        "--others",
        "bots",
        "--log",
        "f.log",
    ])
    .in_dir(&dir)
    .stdin(script)
    .expect_code(0);
    let log = good_offices::log::load(&dir.join("f.log")).expect("a log");
    let mediating = |turn: usize| mediation_track(&log.records[turn].submitted);
    assert_eq!(
        mediating(0),
        [
            "asean-secretariat JointEnvoy with indonesia",
            "indonesia ChairFacilitation",
            "secretary-general JointEnvoy with indonesia"
        ]
    );
    assert_eq!(
        mediating(1),
        ["china Mediation", "asean-secretariat JointEnvoy with china", "secretary-general JointEnvoy with china"]
    );
}

fn play_args(log: &str) -> Vec<&str> {
    vec![
        "play",
        "tutorial-river-dispute",
        "--seat",
        "doravia",
        "--seat",
        "kessland",
        "--seed",
        "4",
        "--others",
        "bots",
        "--log",
        log,
    ]
}

/// Issue 19, defect 7: a line that is not UTF-8 was taken for the end of input, and the game stopped
/// with exit 0 without the turn's orders. A script is stopped there, with the line, exit 2, and every
/// completed turn kept; playing on would play the turn without the order the script meant to give.
#[test]
fn a_scripted_line_that_is_not_utf8_stops_the_game_with_its_line_number_and_keeps_completed_turns() {
    let dir = scratch_dir("play-not-utf8");
    let mut script = SCRIPT[0].as_bytes().to_vec();
    // Latin-1 "Négociate": byte 0xe9 at column 17 of line 5.
    script.extend_from_slice(b"order doravia AcceptMediation mirra\norder kessland N\xe9gociate mirra\nplay\n");
    let out = cli(play_args("g.log")).in_dir(&dir).stdin_bytes(&script).expect_code(2);
    assert_eq!(
        out.stderr(),
        "error: line 5 of the input is not UTF-8 text (an invalid byte at column 17); the game stops before turn 2 \
         is played, so that no order of the script is left out (save the script as UTF-8 text, one command a line)\n"
    );
    assert!(
        out.stdout().ends_with(
            "Saved after turn 1. Continue with: good-offices resume g.log\nThe orders entered for turn 2 (Doravia) are \
             kept in g.log.journal: `resume` restores them.\n"
        ),
        "{}",
        out.stdout()
    );
    let log = good_offices::log::load(&dir.join("g.log")).expect("a log");
    assert_eq!(log.records.len(), 1, "turn 1 is kept, turn 2 is not played");
    cli(["replay", "--verify", "g.log"]).in_dir(&dir).expect_code(0);
}

/// Issue 19, defect 8: `play < /dev/zero` read one line until a 1 GiB allocation aborted (exit 134).
#[test]
fn an_endless_line_is_refused_after_64_kib() {
    let dir = scratch_dir("play-dev-zero");
    let out = cli(play_args("z.log")).in_dir(&dir).stdin_file(std::path::Path::new("/dev/zero")).expect_code(2);
    assert!(
        out.stderr()
            .starts_with("error: line 1 of the input is longer than 64 KiB; the game stops before turn 1 is played"),
        "{}",
        out.stderr()
    );
    assert!(out.stdout().ends_with("Saved after turn 0. Continue with: good-offices resume z.log\n"));
}

/// At a keyboard, a mistyped answer (a terminal set to Latin-1, a pasted page) is refused and asked
/// again; the orders given so far stay.
#[test]
fn the_menus_refuse_a_line_that_is_not_utf8_or_too_long_and_ask_again() {
    let dir = scratch_dir("play-menus-bad-lines");
    let (mut session, reinforce, log) = doravia_at_the_menus(&dir);
    // Line 1 is not UTF-8, line 2 is 100,000 characters; then Reinforce, confirm, done, play, stop.
    let mut answers = b"\xff\n".to_vec();
    answers.extend(vec![b'7'; 100_000]);
    answers.extend_from_slice(format!("\n{reinforce}\n1\n0\n1\n4\n").as_bytes());
    let mut out = Vec::new();
    good_offices::play::run_menus(&mut session, &mut std::io::Cursor::new(answers), &mut out).expect("menus run");
    let text = String::from_utf8(out).expect("utf8");
    assert!(
        text.contains(
            "line 1 of the input is not UTF-8 text (an invalid byte at column 1): type your answer again.\nWhich tool?"
        ),
        "{text}"
    );
    assert!(text.contains("line 2 of the input is longer than 64 KiB: type your answer again.\nWhich tool?"), "{text}");
    let saved = good_offices::log::load(&log).expect("log");
    assert_eq!(saved.records.len(), 1);
    assert!(
        saved.records[0]
            .submitted
            .iter()
            .any(|o| o.actor == "doravia" && o.tool == good_offices::scenario::ToolKind::Reinforce)
    );
}

/// A tutorial session in `dir` with Doravia's group at the menus (seed 3, bots in the other seats),
/// its log, and the menu number of Doravia's `Reinforce`.
fn doravia_at_the_menus(dir: &std::path::Path) -> (good_offices::play::Session, usize, std::path::PathBuf) {
    let loaded =
        good_offices::scenario::builtin::find("tutorial-river-dispute").expect("built in").load().expect("valid");
    let header = crate::support::room_header(&loaded, &["doravia"], "play (others: bots)");
    let log = dir.join("m.log");
    good_offices::log::create(&log, &header).expect("create");
    let s = std::sync::Arc::new(loaded.scenario);
    let session = good_offices::play::Session::new(
        s.clone(),
        header,
        log.clone(),
        good_offices::play::Others::Bots,
        Vec::new(),
        Default::default(),
    );
    let reinforce = crate::support::menu_number(&s, "doravia", good_offices::scenario::ToolKind::Reinforce);
    (session, reinforce, log)
}

/// "End now and score" in a script (`end`): the turn in progress is resolved with the orders given
/// (Kessland gave none: it holds), the game ends with the facilitator's reason and every objective is
/// scored as at any end; the end is printed in names, the log replays byte for byte, `resume` says the
/// game is over, a branch keeps the end, and the debrief says who ended it.
#[test]
fn a_scripted_game_ended_now_prints_the_end_and_the_scores_and_replays() {
    let dir = scratch_dir("play-end-now");
    let out = play(&dir, "e.log", &format!("{}order doravia AcceptMediation mirra\nend\nplay\n", SCRIPT[0]));
    let stdout = out.stdout();
    assert_eq!(out.stderr(), "", "nothing after the end is read");
    for line in [
        "=== Trouble on the Mirra (tutorial) — the end, after turn 2 of 6 ===\n",
        "\nThe groups' orders in the last turn:\n- Doravia: accept mediation → The Mirra water dispute\n- Kessland: held\n",
        "\nThe game ends: the facilitator ended the game after turn 2. Outcome: Cooled down, not solved.\n",
        "Objectives, scored on the situation at the end:\n  Doravia (a group): 2 of 5 points\n    not met: Sign a \
         deal that keeps Sky Gate running. (0 of 3)\n    met: Keep the quarrel at stage 4 or lower: no threats, no \
         fighting. (2 of 2)\n  Kessland (a group): 3 of 6 points\n",
        "  UN Secretary-General: 5 of 5 points\n",
    ] {
        assert!(stdout.contains(line), "{line:?} in {stdout}");
    }
    assert!(stdout.ends_with("The game is over. The log is e.log.\n"), "{stdout}");
    assert!(!stdout.contains("`no-threats`"), "no ids in the end report");
    let log = good_offices::log::load(&dir.join("e.log")).expect("a log");
    assert_eq!(log.records.len(), 2);
    let last = &log.records[1];
    assert!(last.end_now && !log.records[0].end_now);
    let end = last.end.as_ref().expect("ended");
    assert!(end.by_facilitator);
    let doravia: u32 = end.objectives.iter().filter(|o| o.actor == "doravia").map(|o| o.points).sum();
    assert_eq!(doravia, 2);
    cli(["replay", "--verify", "e.log"])
        .in_dir(&dir)
        .expect_code(0)
        .stdout_has("e.log: all 2 turn(s) re-resolve to the same bytes.");
    cli(["resume", "e.log"]).in_dir(&dir).expect_code(0).stdout_has("This game is already over; nothing to resume.");
    cli(["debrief", "e.log"]).in_dir(&dir).expect_code(0).stdout_has(
        "The game was ended by the facilitator after turn 2 of 6; the objectives are scored on the state then, as \
         at any end.",
    );
    // A what-if from turn 2 keeps the facilitator's end, like the facilitator's injects.
    std::fs::write(
        dir.join("whatif.ron"),
        "(turns: [(turn: 2, orders: [(actor: \"kessland\", tool: Negotiate, target: Some(Dyad(\"mirra\")))])])",
    )
    .expect("write");
    cli(["branch", "e.log", "--from-turn", "2", "--orders", "whatif.ron", "--log", "w.log"])
        .in_dir(&dir)
        .expect_code(0);
    let branch = good_offices::log::load(&dir.join("w.log")).expect("a log");
    assert_eq!(branch.records.len(), 2);
    assert!(branch.records[1].end.as_ref().is_some_and(|e| e.by_facilitator));
}

/// `end_now` is part of a turn's input: a log whose game was ended now resumes as ended and
/// re-resolves to the same bytes; a log without it is written exactly as before (no field).
#[test]
fn an_ended_now_log_resumes_as_ended_and_replays_byte_for_byte() {
    use good_offices::engine::Game;
    use good_offices::orders::TurnOrders;
    let s = std::sync::Arc::new(
        good_offices::scenario::builtin::find("tutorial-river-dispute")
            .expect("built in")
            .load()
            .expect("valid")
            .scenario,
    );
    let mut game = Game::new(s.clone(), 7);
    let first = game.play_turn(&TurnOrders { turn: 1, ..TurnOrders::default() });
    let ended = game.play_turn(&TurnOrders { turn: 2, end_now: true, ..TurnOrders::default() });
    assert!(game.is_over());
    let text = good_offices::log::render_record(&ended);
    assert!(text.contains("end_now: true"), "{text}");
    assert!(text.contains("by_facilitator: true"), "{text}");
    assert!(!good_offices::log::render_record(&first).contains("end_now"), "written only when set");
    // Resumed from the ended turn's state: over, as any ended game.
    let resumed = Game::resume(s.clone(), 7, ended.state.clone(), ended.end.is_some());
    assert!(resumed.is_over());
    // Replayed from the records' inputs: the same bytes.
    let mut again = Game::new(s.clone(), 7);
    for r in [&first, &ended] {
        assert_eq!(good_offices::log::render_record(&again.play_turn(&r.input())), good_offices::log::render_record(r));
    }
    // On the last turn the scenario's own end is the reason, not the facilitator.
    let mut full = Game::new(s.clone(), 7);
    for turn in 1..6 {
        full.play_turn(&TurnOrders { turn, ..TurnOrders::default() });
    }
    let last = full.play_turn(&TurnOrders { turn: 6, end_now: true, ..TurnOrders::default() });
    let end = last.end.expect("the last turn ends the game");
    assert_eq!(end.reason, "the last turn (6) has been played");
    assert!(!end.by_facilitator);
}

/// Kenya's count of the dead starts on the game's first day, after the first killings: the situation
/// report says so, every turn, instead of "Toll so far: 0 dead" beside stage 7.
#[test]
fn the_situation_says_where_a_count_starting_in_the_game_begins() {
    let dir = scratch_dir("play-kenya-toll");
    let out = cli(["play", "kenya-2008", "--seat", "odm", "--others", "bots", "--log", "k.log"])
        .in_dir(&dir)
        .stdin("play\nstop\n")
        .expect_code(0);
    let text = out.stdout();
    let since = "Toll counted in this game (since the first day of the game, 31 December 2007): ";
    assert!(text.contains(&format!("{since}0 dead, 0 displaced.")), "{text}");
    assert_eq!(text.matches(since).count(), 2, "turn 1 and turn 2: {text}");
    assert!(!text.contains("Toll so far"), "{text}");
}

/// The end report says where each missed number ended, as the debrief does ("ended at 2 (needed at
/// most 0)"); a missed event is said by the objective's own words, with nothing added.
#[test]
fn the_end_report_says_where_a_missed_number_ended() {
    let dir = scratch_dir("play-missed");
    let script = "order doravia Skirmish mirra\nplay\norder doravia Strike mirra\nplay\nend\nplay\n";
    let out = cli(["play", "tutorial-river-dispute", "--seat", "doravia", "--seat", "kessland", "--log", "m.log"])
        .in_dir(&dir)
        .stdin(script)
        .expect_code(0);
    let stdout = out.stdout();
    for part in [
        "    not met: Nobody dies in this quarrel. (0 of 2)\n      the number of people killed ended at 2 (needed at most 0)\n",
        "    not met: End the game trusted by both sides (trust 50 or more). (0 of 2)\n      the trust of Kessland in \
         the Chair of the Valley Community ended at 41.16 (needed at least 50.00)\n",
        "    not met: Sign a deal that keeps Sky Gate running. (0 of 3)\n    met: ",
    ] {
        assert!(stdout.contains(part), "{part:?} in {stdout}");
    }
}
