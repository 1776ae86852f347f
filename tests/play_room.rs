//! The terminal room (issue 18): private entry on the alternate screen with a "pass the laptop"
//! screen, Council ballots in the menus, menus that offer only what the rules accept now, in plain
//! names, and `play --turns N`.

use std::path::Path;

use good_offices::engine::record::Ballot;
use good_offices::play::{Others, Room, Session, run_menus_in};
use good_offices::scenario::{Chapter, Draft, DraftContent, OrderSpec, Target, ToolKind};

use crate::support::{good_offices as cli, scratch_dir};

/// A session of built-in `id` in `dir` (seed 3, bots in the other seats) with groups in `seats`.
fn session(dir: &Path, id: &str, seats: &[&str]) -> (Session, std::path::PathBuf) {
    let loaded = good_offices::scenario::builtin::find(id).expect("built in").load().expect("valid");
    let header = crate::support::room_header(&loaded, seats, "play (others: bots)");
    let log = dir.join("room.log");
    good_offices::log::create(&log, &header).expect("create");
    (
        Session::new(
            std::sync::Arc::new(loaded.scenario),
            header,
            log.clone(),
            Others::Bots,
            Vec::new(),
            Default::default(),
        ),
        log,
    )
}

fn menus(session: &mut Session, answers: &str, room: Room) -> String {
    let mut out = Vec::new();
    run_menus_in(session, &mut std::io::Cursor::new(answers.to_string()), &mut out, room).expect("menus run");
    String::from_utf8(out).expect("utf8")
}

const ENTER_PRIVATE: &str = "\x1b[?1049h\x1b[2J\x1b[H";
const LEAVE_PRIVATE: &str = "\x1b[2J\x1b[H\x1b[?1049l\x1b[3J";

#[test]
fn each_group_enters_its_orders_on_the_alternate_screen_after_the_laptop_is_passed() {
    let dir = scratch_dir("room-private");
    let (mut s, log) = session(&dir, "tutorial-river-dispute", &["doravia", "kessland"]);
    // Enter for Doravia, done; Enter for Kessland, done; stop.
    let text = menus(&mut s, "\n0\n\n0\n4\n", Room { max_turns: None, private_screens: true });
    let pass_doravia = "\nPass the laptop to the group playing Doravia, then press Enter.\n";
    let at = |needle: &str, from: usize| {
        from + text[from..].find(needle).unwrap_or_else(|| panic!("{needle:?} in {text:?}"))
    };
    let passed = at(pass_doravia, 0);
    let entered = at(ENTER_PRIVATE, passed);
    let menu = at("--- Doravia ---", entered);
    let left = at(LEAVE_PRIVATE, menu);
    let next = at("Pass the laptop to the group playing Kessland, then press Enter.\n", left);
    let kessland = at("--- Kessland ---", at(ENTER_PRIVATE, next));
    at("Facilitator:", at(LEAVE_PRIVATE, kessland));
    assert_eq!(text.matches(ENTER_PRIVATE).count(), 2);
    assert_eq!(text.matches(LEAVE_PRIVATE).count(), 2);
    assert_eq!(good_offices::log::load(&log).expect("log").records.len(), 0, "stopped before the turn");
    // Without private screens (a script, a test) the menus stay as they were: no alternate screen.
    let dir = scratch_dir("room-plain");
    let (mut s, _) = session(&dir, "tutorial-river-dispute", &["doravia"]);
    let text = menus(&mut s, "0\n4\n", Room::default());
    assert!(!text.contains("\x1b[?1049h") && !text.contains("Pass the laptop"), "{text}");
}

#[test]
fn the_menus_offer_only_what_the_rules_accept_now_in_plain_words() {
    let dir = scratch_dir("room-allowed");
    let (mut s, _) = session(&dir, "tutorial-river-dispute", &["un-envoy"]);
    let text = menus(&mut s, "0\n5\n4\n", Room::default());
    assert!(text.contains("One mediating move (mediation, good offices, chair facilitation) per dispute a turn.\n"));
    assert!(
        text.contains(
            "Not possible now:\n  Mediation: Doravia has not accepted mediation by UN Special Envoy for the Mirra; \
             mediation needs the consent of both parties to the mediator (they can give it with `AcceptMediation`)\n  \
             Suspend talks: UN Special Envoy for the Mirra has led no talks in `mirra` yet: there is nothing to \
             suspend\nWhich tool? (0 when you are done)\n  0) done: hand over \
             to the next group\n  1) Public statement — Say publicly where you stand; cheap, shapes pressure a \
             little.\n  2) Good offices — Quiet contacts by the Secretary-General or an envoy to open a way out.\n> "
        ),
        "{text}"
    );
    // "show the situation report again" (5) shows it a second time before the facilitator stops (4).
    assert_eq!(text.matches("=== Trouble on the Mirra (tutorial) — turn 1 of 6 (").count(), 2, "{text}");
}

#[test]
fn council_members_cast_their_ballots_in_the_menus_when_a_draft_is_before_the_council() {
    let dir = scratch_dir("room-ballots");
    let (mut s, log) = session(&dir, "uniting-for-peace-drill", &["mexico", "russia"]);
    let mut draft = OrderSpec::new("mexico".into(), ToolKind::DraftResolution, Some(Target::Body("council".into())));
    draft.draft =
        Some(Box::new(Draft { chapter: Chapter::VI, contents: vec![DraftContent::Ceasefire("hesk".into())] }));
    s.add_order(draft).expect("Mexico may table a draft");
    // Both groups done; Mexico votes by its position (1), Russia no (3); play the turn (then the input ends).
    let text = menus(&mut s, "0\n0\n1\n3\n1\n", Room::default());
    assert!(text.contains("\nBefore the Council this turn:\n  Mexico: draft resolution → "), "{text}");
    assert!(text.contains("How does Mexico vote on every draft this turn?\n  1) as its position decides"), "{text}");
    assert!(text.contains("How does Russian Federation vote on every draft this turn?"), "{text}");
    let saved = good_offices::log::load(&log).expect("log");
    assert_eq!(saved.records[0].ballots, [("russia".to_string(), Ballot::No)]);
    assert_eq!(saved.records[0].votes[0].vetoed_by, ["russia"]);
}

/// A ballot cast before the room was closed comes back with `resume`; answering "as its position
/// decides" at the menus then takes it back, and the journal keeps that too.
#[test]
fn a_restored_ballot_is_taken_back_by_voting_as_the_position_decides() {
    let dir = scratch_dir("room-ballot-back");
    let (s, log) = session(&dir, "uniting-for-peace-drill", &["mexico", "russia"]);
    let mut s = s.journaled().expect("journal");
    s.ballot("russia", Ballot::No).expect("Russia sits on the Council");
    drop(s);
    let resumed = |log: &Path| {
        let saved = good_offices::log::load(log).expect("log");
        let scenario = crate::support::built_in("uniting-for-peace-drill");
        Session::new(scenario, saved.header, log.to_path_buf(), Others::Bots, saved.records, saved.tail)
            .journaled_resumed()
            .expect("journal")
            .0
    };
    let mut s = resumed(&log);
    assert_eq!(s.ballot_of("russia"), Some(Ballot::No));
    let mut draft = OrderSpec::new("mexico".into(), ToolKind::DraftResolution, Some(Target::Body("council".into())));
    draft.draft =
        Some(Box::new(Draft { chapter: Chapter::VI, contents: vec![DraftContent::Ceasefire("hesk".into())] }));
    s.add_order(draft).expect("Mexico may table a draft");
    // Both groups done; both vote by their position (1); then the input ends before the turn is played.
    menus(&mut s, "0\n0\n1\n1\n", Room::default());
    assert_eq!(s.ballot_of("russia"), None);
    drop(s);
    assert_eq!(resumed(&log).ballot_of("russia"), None, "the journal kept the ballot taken back");
}

#[test]
fn play_turns_stops_after_that_many_turns_saved() {
    let dir = scratch_dir("room-turns");
    let out = cli([
        "play",
        "tutorial-river-dispute",
        "--seat",
        "doravia",
        "--others",
        "bots",
        "--turns",
        "1",
        "--log",
        "t.log",
    ])
    .in_dir(&dir)
    .stdin("play\nplay\nplay\n")
    .expect_code(0);
    let stdout = out.stdout();
    assert!(stdout.contains("That is the 1 turn(s) this session was to play (--turns 1).\n"), "{stdout}");
    assert!(stdout.ends_with("Saved after turn 1. Continue with: good-offices resume t.log\n"), "{stdout}");
    assert_eq!(good_offices::log::load(&dir.join("t.log")).expect("log").records.len(), 1);
    cli(["play", "tutorial-river-dispute", "--turns", "0", "--log", "u.log"]).in_dir(&dir).expect_code(2);
}

/// Undo is asked first and works before anyone enters the next turn: after turn 1, the facilitator's
/// menu comes before the groups enter turn 2; "no" keeps the turn, "yes" takes it back and the groups
/// enter turn 1 again.
#[test]
fn undo_asks_first_and_works_before_the_groups_enter_the_next_turn() {
    let dir = scratch_dir("room-undo");
    let (mut s, log) = session(&dir, "tutorial-river-dispute", &["doravia"]);
    // Turn 1: Doravia done, play it. Turn 2, before entry: undo (3), no (2); undo (3), yes (1). Turn 1
    // again: Doravia done; stop (4).
    let text = menus(&mut s, "0\n1\n3\n2\n3\n1\n0\n4\n", Room::default());
    assert!(text.contains("Turn 1 is resolved and saved to"), "{text}");
    assert!(
        text.contains(
            "Facilitator:\n  1) go on: the groups enter their orders for turn 2\n  2) fire an inject\n  3) undo turn 1 \
             (asks first)\n  4) save and stop\n  5) show the situation report again\n  6) end the game now and score \
             it (asks first)\n"
        ),
        "{text}"
    );
    let question = "Take back turn 1? The log is rewritten without it, and the orders entered since are dropped: \
                    the groups enter turn 1 again.\n  1) yes, take back turn 1\n  2) no, go back\n";
    assert_eq!(text.matches(question).count(), 2, "{text}");
    assert_eq!(text.matches("Turn 1 is taken back.").count(), 1, "{text}");
    assert_eq!(text.matches("--- Doravia ---").count(), 2, "Doravia enters turn 1 again");
    assert!(good_offices::log::load(&log).expect("log").records.is_empty());
}

/// "End the game now and score it" at the facilitator's menu, asked first: the turn is resolved with
/// the orders entered, the game ends and the end report names every role and objective.
#[test]
fn the_facilitator_ends_the_game_now_after_a_confirmation() {
    let dir = scratch_dir("room-end-now");
    let (mut s, log) = session(&dir, "tutorial-river-dispute", &["doravia"]);
    // Doravia done; end now (6), no (2); end now (6), yes (1). Nothing is read after the end.
    let text = menus(&mut s, "0\n6\n2\n6\n1\nthis line is never read\n", Room::default());
    let question = "End the game now? Turn 1 is resolved with the orders entered so far (a group that entered none \
                    holds), then the game ends and every objective is scored as at the end.\n  1) yes, resolve turn 1, \
                    end the game and score it\n  2) no, go back\n";
    assert_eq!(text.matches(question).count(), 2, "{text}");
    assert!(text.contains("=== Trouble on the Mirra (tutorial) — the end, after turn 1 of 6 ===\n"), "{text}");
    assert!(text.contains("The game ends: the facilitator ended the game after turn 1. Outcome: "), "{text}");
    assert!(text.contains("  Doravia (a group): "), "{text}");
    assert!(!text.contains("never read"));
    let saved = good_offices::log::load(&log).expect("log");
    assert_eq!(saved.records.len(), 1);
    assert!(saved.records[0].end_now && saved.records[0].end.as_ref().is_some_and(|e| e.by_facilitator));
    assert!(s.is_over());
}

/// In its private entry a group sees its own objectives as they stand now, and can take back an
/// order it confirmed; the facilitator sees what an inject does before firing it.
#[test]
fn a_group_sees_its_objectives_now_and_takes_back_an_order_and_an_inject_shows_what_it_does() {
    let dir = scratch_dir("room-objectives");
    let (mut s, _) = session(&dir, "tutorial-river-dispute", &["doravia"]);
    let reinforce = crate::support::menu_number(&s.scenario, "doravia", ToolKind::Reinforce);
    // Reinforce (the only dispute is chosen for us), confirm; then the last choice, "take back an order",
    // is found in the menu shown.
    let probe = menus(&mut s, &format!("{reinforce}\n1\n"), Room::default());
    let take_back = probe
        .lines()
        .rev()
        .find_map(|l| l.strip_suffix(") take back an order you gave").map(|n| n.trim().to_string()))
        .unwrap_or_else(|| panic!("no take-back choice in {probe}"));
    assert!(
        probe.contains(
            "Your objectives, if the game ended now: 2 of 5 points\n  not met now: Sign a deal that keeps Sky Gate \
             running. (3 points) — "
        ),
        "{probe}"
    );
    assert!(
        probe.contains("\n  met now: Keep the quarrel at stage 4 or lower: no threats, no fighting. (2 points) — ")
    );
    let (mut s, log) = session(&scratch_dir("room-objectives-2"), "tutorial-river-dispute", &["doravia"]);
    // Reinforce, confirm, take back (order 1), done; fire an inject (2): the first, yes; play (1).
    let text = menus(&mut s, &format!("{reinforce}\n1\n{take_back}\n1\n0\n2\n1\n1\n1\n"), Room::default());
    assert!(
        text.contains("Which order do you take back?\n  0) none: keep them all\n  1) Reinforce → The Mirra"),
        "{text}"
    );
    assert!(text.contains("Taken back: Reinforce → The Mirra water dispute"), "{text}");
    let inject = &s.scenario.injects.iter().find(|i| i.id == "two-plans").expect("a facilitator inject");
    assert!(text.contains(&format!("{}. {}\nWhat it does: ", inject.title, inject.text.trim())), "{text}");
    assert!(text.contains("Fire it this turn?\n  1) yes, fire it\n  2) no\n"), "{text}");
    let saved = good_offices::log::load(&log).expect("log");
    assert_eq!(saved.records.len(), 1);
    assert!(!saved.records[0].submitted.iter().any(|o| o.actor == "doravia"), "the order was taken back");
    assert_eq!(saved.records[0].facilitator_injects, ["two-plans"]);
}

/// Issue 18 at the menus: a group that handed over is kept in the journal with its orders, so when the
/// terminal is closed during the next group's entry, `resume` restores the first group's orders and
/// asks only the groups that had not handed over.
#[test]
fn a_room_closed_during_entry_resumes_without_asking_the_groups_that_handed_over() {
    let dir = scratch_dir("room-journal");
    let (s, log) = session(&dir, "tutorial-river-dispute", &["doravia", "kessland"]);
    let mut s = s.journaled().expect("journal");
    let reinforce = crate::support::menu_number(&s.scenario, "doravia", ToolKind::Reinforce);
    // Doravia: Reinforce (the only dispute), confirm, hand over; the input ends in Kessland's menu.
    let text = menus(&mut s, &format!("{reinforce}\n1\n0\n"), Room::default());
    assert!(text.contains("--- Kessland ---"), "{text}");
    drop(s);
    let saved = good_offices::log::load(&log).expect("log");
    assert!(saved.records.is_empty());
    let resumed = Session::new(
        crate::support::built_in("tutorial-river-dispute"),
        saved.header,
        log.clone(),
        Others::Bots,
        saved.records,
        saved.tail,
    );
    let (mut s, restored) = resumed.journaled_resumed().expect("journal");
    assert_eq!(restored.orders_of, ["doravia"]);
    assert_eq!(restored.entered, ["doravia"]);
    assert!(restored.warnings.is_empty(), "{:?}", restored.warnings);
    // Kessland hands over; play the turn (1); the input ends.
    let text = menus(&mut s, "0\n1\n", Room::default());
    assert!(!text.contains("--- Doravia ---"), "Doravia is not asked again: {text}");
    assert!(text.contains("--- Kessland ---"), "{text}");
    let saved = good_offices::log::load(&log).expect("log");
    let doravia: Vec<_> = saved.records[0].submitted.iter().filter(|o| o.actor == "doravia").map(|o| o.tool).collect();
    assert_eq!(doravia, [ToolKind::Reinforce]);
}

/// At the menus a group sees how far each objective not met is, in its current numbers.
#[test]
fn a_group_sees_the_numbers_its_objectives_are_at_now() {
    let dir = scratch_dir("room-objective-numbers");
    let (mut s, _) = session(&dir, "tutorial-river-dispute", &["community-chair"]);
    let text = menus(&mut s, "0\n", Room::default());
    assert!(
        text.contains(
            "\n  not met now: End the game trusted by both sides (trust 50 or more). (2 points) — the trust of Doravia \
             in the Chair of the Valley Community is 50 or more (out of 100) and the trust of Kessland in the Chair of \
             the Valley Community is 50 or more (out of 100); the trust of Kessland in the Chair of the Valley \
             Community is at 45.00 now (needs at least 50.00)\n"
        ),
        "{text}"
    );
}

/// A group that keeps an arms embargo on a party is still offered that party for its sanctions: the
/// other kinds can be imposed (the menu's probe takes a kind not in force).
#[test]
fn a_target_under_one_of_the_groups_sanctions_is_still_offered_for_another_kind() {
    let dir = scratch_dir("room-sanctions");
    let (mut s, _) = session(&dir, "kenya-2008", &["united-states"]);
    let mut embargo = good_offices::scenario::OrderSpec::new(
        "united-states".into(),
        good_offices::scenario::ToolKind::UnilateralSanctions,
        Some(good_offices::scenario::Target::Actor("pnu".into())),
    );
    embargo.sanction = Some(good_offices::scenario::SanctionKind::ArmsEmbargo);
    s.add_order(embargo).expect("the first embargo is accepted");
    s.play_turn().expect("turn 1");
    assert_eq!(s.state().sanctions.len(), 1);
    // After a turn the facilitator goes on (1) before the group enters its orders.
    // (The script ends at the tool menu: the group has not handed over.)
    let tools = menus(&mut s, "1\n", Room::default());
    let number = tools
        .lines()
        .find_map(|l| {
            l.trim().strip_suffix(&format!(
                ") Unilateral sanctions — {}",
                good_offices::scenario::ToolKind::UnilateralSanctions.explanation()
            ))
        })
        .unwrap_or_else(|| panic!("the tool is offered: {tools}"));
    let targets = menus(&mut s, &format!("1\n{number}\n"), Room::default());
    let asked = &targets[targets.find("Unilateral sanctions aimed at?").unwrap_or_else(|| panic!("{targets}"))..];
    assert!(asked.contains(") Party of National Unity (President Kibaki)\n"), "{asked}");
}
