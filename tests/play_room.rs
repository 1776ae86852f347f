//! The terminal room (issue 18): private entry on the alternate screen with a "pass the laptop"
//! screen, Council ballots in the menus, menus that offer only what the rules accept now, in plain
//! names, and `play --turns N`.

use std::path::Path;

use good_offices::play::{Others, Room, Session, run_menus_in};
use good_offices::rules::council_vote::Ballot;
use good_offices::scenario::{Chapter, Draft, DraftContent, OrderSpec, Target, ToolKind};

use crate::support::{good_offices as cli, scratch_dir};

/// A session of built-in `id` in `dir` (seed 3, bots in the other seats) with groups in `seats`.
fn session(dir: &Path, id: &str, seats: &[&str]) -> (Session, std::path::PathBuf) {
    let loaded = good_offices::scenario::builtin::find(id).expect("built in").load().expect("valid");
    let header = good_offices::log::LogHeader {
        format: good_offices::log::LOG_FORMAT,
        engine: env!("CARGO_PKG_VERSION").into(),
        scenario: loaded.scenario.meta.id.clone(),
        scenario_hash: good_offices::log::scenario_hash(&loaded.report.source.text),
        seed: 3,
        seats: seats.iter().map(|s| s.to_string()).collect(),
        source: "play (others: bots)".into(),
        scenario_text: loaded.report.source.text.clone(),
    };
    let log = dir.join("room.log");
    good_offices::log::create(&log, &header).expect("create");
    (Session::new(std::sync::Arc::new(loaded.scenario), header, log.clone(), Others::Bots, Vec::new()), log)
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
            "Not possible now:\n  Mediation: Doravia has not accepted mediation; mediation needs the consent of both \
             parties (they can give it with `AcceptMediation`)\nWhich tool? (0 when you are done)\n  0) done: hand over \
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
