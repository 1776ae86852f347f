//! Log format 2, the one this engine writes: its documented shape, writing and reading back, a torn
//! tail, every byte guarded, the state stored as changes, the size, and the limit on growth.

use super::packed::unpack;
use super::state_rows::CHECKPOINT_EVERY;
use super::tests_v1::{NAME, TempDir, line_starting, record, records};
use super::*;
use crate::engine::rng::{fnv1a, fnv1a_more};

const SCENARIO: &str = "(meta: (id: \"kenya-2008\"))\n--- turn 1\n";

fn header() -> LogHeader {
    LogHeader {
        format: LOG_FORMAT,
        engine: "0.1.0".into(),
        scenario: "kenya-2008".into(),
        scenario_hash: scenario_hash(SCENARIO),
        seed: 7,
        seats: vec!["odm".into(), "pnu".into()],
        source: "course: historical".into(),
        scenario_text: SCENARIO.into(),
    }
}

fn text_of(n: u32) -> String {
    render_log(&header(), &records(n))
}

#[test]
fn a_log_reads_back_as_written_with_every_state_whole() {
    let text = text_of(7);
    let log = parse(NAME, &text).expect("a rendered log parses");
    assert_eq!(log.header, header());
    assert!(log.header.carries_scenario());
    assert_eq!(log.records, records(7), "states rebuilt from the changed rows equal the states played");
    assert!(log.warnings.is_empty(), "{:?}", log.warnings);
    assert_eq!(log.valid_len, text.len());
}

#[test]
fn the_log_has_the_documented_shape() {
    let text = text_of(6);
    assert_eq!(text, render_log(&header(), &records(6)), "byte-identical when rendered again");
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    assert_eq!(lines[0], COMMENT_LINE);
    assert_eq!(
        lines[1],
        format!(
            "header: (format: 3, engine: \"0.1.0\", scenario: \"kenya-2008\", scenario_hash: \"{}\", seed: 7, \
             seats: [\"odm\", \"pnu\"], source: \"course: historical\")",
            scenario_hash(SCENARIO)
        )
    );
    // The header's checksum covers the two lines above it; each later checksum continues the chain
    // over its block's opening line and body.
    let head_len = lines[0].len() + lines[1].len() + 2;
    let header_sum = fnv1a(&text.as_bytes()[..head_len]);
    assert_eq!(lines[2], format!("--- end header fnv1a {header_sum:016x}"));
    assert_eq!(lines[3], format!("--- scenario {} bytes", SCENARIO.len()));
    let scenario_at = line_starting(&text, "--- scenario ");
    let scenario_block = &text[scenario_at..scenario_at + lines[3].len() + 1 + SCENARIO.len() + 1];
    assert!(scenario_block.ends_with(&format!("{SCENARIO}\n")), "the scenario's text, verbatim, then a line break");
    let scenario_sum = fnv1a_more(header_sum, scenario_block.as_bytes());
    let after_scenario = scenario_at + scenario_block.len();
    let end_line = format!("--- end scenario fnv1a {scenario_sum:016x}\n");
    assert_eq!(&text[after_scenario..after_scenario + end_line.len()], end_line);

    // Turn 1: base64 lines of at most 76 characters; the body unpacks to the record's RON.
    let turn1 = after_scenario + end_line.len();
    assert!(text[turn1..].starts_with("--- turn 1\n"));
    let end1 = line_starting(&text, "--- end turn 1 ");
    let body = &text[turn1 + "--- turn 1\n".len()..end1];
    assert!(body.lines().all(|l| l.len() <= 76 && !l.starts_with("---")));
    let sum1 = fnv1a_more(fnv1a_more(scenario_sum, b"--- turn 1\n"), body.as_bytes());
    assert!(text[end1..].starts_with(&format!("--- end turn 1 fnv1a {sum1:016x}\n")));
    let one: TurnRecord = crate::scenario::ron_options().from_str(&unpack(body, "").expect("unpacks")).expect("RON");
    assert_eq!(one, record(1), "turn 1 stores the whole state");

    // Between checkpoints a block stores the rows that changed: here the dispute and the first actor.
    // Each turn is compressed against the text the turn before packed: read one after the other.
    let turns = &text[turn1..];
    let body_of = |n: u32| {
        let start = line_starting(turns, &format!("--- turn {n}\n")) + format!("--- turn {n}\n").len();
        let end = line_starting(turns, &format!("--- end turn {n} "));
        &turns[start..end]
    };
    let ron_of = |n: u32| {
        let mut tail = super::Tail::default();
        let mut text = String::new();
        for k in 1..=n {
            text = unpack(body_of(k), &tail.dictionary()).unwrap();
            tail = tail.after(k, text.clone());
        }
        let record: TurnRecord = crate::scenario::ron_options().from_str(&text).unwrap();
        record
    };
    let two = ron_of(2);
    assert_eq!((two.state.dyads.len(), two.state.actors.len()), (1, 1));
    assert_eq!(two.state.actors[0].id, record(2).state.actors[0].id);
    let checkpoint = ron_of(1 + CHECKPOINT_EVERY);
    assert_eq!(checkpoint.state, record(1 + CHECKPOINT_EVERY).state, "turn 6 is a checkpoint: the whole state");
}

#[test]
fn create_then_append_writes_the_rendered_log_and_loads_it_back() {
    let dir = TempDir::new("v2-round-trip");
    let path = dir.path("kenya.log");
    drop(create(&path, &header()).unwrap());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), render_header(&header()));
    let played = records(7);
    let mut tail = super::Tail::default();
    for (i, r) in played.iter().enumerate() {
        tail = append(&path, i.checked_sub(1).map(|b| &played[b]), &tail, r).unwrap();
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text_of(7));
    let log = load(&path).unwrap();
    assert_eq!(log.tail, tail, "the reader has what the next turn is packed against");
    assert_eq!(log.tail, super::tail_of(&log.records));
    assert_eq!((log.header, log.records), (header(), played));
}

#[test]
fn append_needs_a_log_that_ends_with_a_whole_block() {
    let dir = TempDir::new("v2-append");
    let e = append(&dir.path("nowhere.log"), None, &Default::default(), &record(1)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::NotFound);
    assert!(e.to_string().contains("nowhere.log"), "{e}");
    let torn = dir.path("torn.log");
    std::fs::write(&torn, &text_of(2)[..text_of(2).len() - 5]).unwrap();
    let e = append(&torn, None, &Default::default(), &record(3)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidData);
    assert!(e.to_string().contains("does not end with a complete block"), "{e}");
}

#[test]
fn a_turn_is_never_added_to_a_log_of_format_1() {
    let dir = TempDir::new("v2-append-old");
    let old = dir.path("old.log");
    let text = super::v1::render_log(&LogHeader { format: 1, ..header() }, &records(1));
    std::fs::write(&old, &text).unwrap();
    let e = append(&old, Some(&record(1)), &Default::default(), &record(2)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidData);
    assert!(e.to_string().contains("the log is not in log format 3; `good-offices resume` rewrites"), "{e}");
    assert_eq!(std::fs::read_to_string(&old).unwrap(), text, "untouched");
}

#[test]
fn a_kill_at_any_byte_of_a_turn_loses_only_that_turn_and_resuming_gives_the_uninterrupted_bytes() {
    let dir = TempDir::new("v2-torn");
    let path = dir.path("kenya.log");
    let two = text_of(2);
    let three = text_of(3);
    for cut in (two.len() + 1..three.len()).step_by(7) {
        std::fs::write(&path, &three[..cut]).unwrap();
        let log = load(&path).unwrap();
        assert_eq!(log.records, records(2), "cut at {cut}");
        assert_eq!(log.warnings.len(), 1, "cut at {cut}: {:?}", log.warnings);
        assert!(log.warnings[0].contains("the last turn (turn 3) was not completely written"), "{:?}", log.warnings);
        truncate_to(&path, log.valid_len).unwrap();
        append(&path, Some(&record(2)), &log.tail, &record(3)).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), three, "cut at {cut}");
    }
}

#[test]
fn a_changed_byte_anywhere_is_refused_or_drops_the_turn_it_tears() {
    let text = text_of(3);
    let bytes = text.as_bytes();
    for at in 0..bytes.len() {
        let mut changed = bytes.to_vec();
        // Another printable character, so the change is not only a UTF-8 error.
        changed[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        match parse_bytes(NAME, &changed) {
            Err(_) => {}
            // A changed marker line of the last turn makes that turn look cut short: it is dropped
            // with a warning, never taken.
            Ok(log) => assert!(
                log.records.len() < 3 && !log.warnings.is_empty(),
                "a change at byte {at} ({:?}) was accepted",
                bytes[at] as char
            ),
        }
    }
}

#[test]
fn a_turn_taken_from_another_game_is_refused() {
    let other = render_log(&LogHeader { seed: 8, ..header() }, &records(3));
    let ours = text_of(3);
    let block = |text: &str| {
        let start = line_starting(text, "--- turn 2\n");
        let end = line_starting(text, "--- turn 3\n");
        (start, end, text[start..end].to_string())
    };
    let (start, end, _) = block(&ours);
    let (_, _, theirs) = block(&other);
    let spliced = format!("{}{}{}", &ours[..start], theirs, &ours[end..]);
    let e = parse(NAME, &spliced).unwrap_err();
    assert!(matches!(e, LogError::Tampered { turn: 2, .. }), "{e}");
    assert!(e.to_string().contains("turn 2 was changed after it was written"), "{e}");
}

#[test]
fn a_changed_header_or_scenario_is_refused_at_its_checksum() {
    let text = text_of(1);
    let e = parse(NAME, &text.replacen("seed: 7", "seed: 9", 1)).unwrap_err();
    assert!(matches!(e, LogError::Tampered { turn: 0, .. }), "{e}");
    assert!(e.to_string().contains("the header was changed after it was written"), "{e}");
    assert_eq!(e.location(), format!("{NAME}:3:1"));
    let e = parse(NAME, &text.replacen("kenya-2008\"))", "kenya-2009\"))", 1)).unwrap_err();
    assert!(e.to_string().contains("the scenario carried in the log was changed"), "{e}");
}

#[test]
fn a_turn_that_would_grow_the_log_past_its_limit_is_refused_and_the_log_left_whole() {
    let dir = TempDir::new("v2-cap");
    let path = dir.path("kenya.log");
    std::fs::write(&path, text_of(1)).unwrap();
    let cap = text_of(2).len() as u64 - 1;
    let one = load(&path).unwrap().tail;
    let e = append_within(&path, Some(&record(1)), &one, &record(2), cap).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
    assert!(e.to_string().contains("turn 2 would make the log larger than"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text_of(1), "nothing was written");
    append_within(&path, Some(&record(1)), &one, &record(2), cap + 1).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text_of(2));
}

/// docs/log-format.md gives every built-in's figure.
#[test]
fn a_built_in_games_turns_take_at_most_a_tenth_of_the_bytes_of_format_1() {
    for b in crate::scenario::builtin::BUILT_INS {
        let scenario = std::sync::Arc::new(b.load().expect("valid").scenario);
        let mut game = crate::engine::Game::new(scenario.clone(), 1);
        let mut played = Vec::new();
        while !game.is_over() {
            let orders = crate::engine::OrderSource::Historical.orders(&scenario, game.state(), game.next_turn());
            played.push(game.play_turn(&orders));
        }
        let header = LogHeader { scenario_hash: scenario_hash(b.text), scenario_text: b.text.into(), ..header() };
        let turns_now = render_log(&header, &played).len() - render_header(&header).len();
        let turns_before = super::v1::render_log(&header, &played).len() - super::v1::render_log(&header, &[]).len();
        let share = 10;
        println!("{}: {turns_now} of {turns_before} bytes", b.id);
        assert!(
            turns_now * share <= turns_before,
            "{}: {turns_now} bytes of turns, {turns_before} in format 1 ({:.1} %)",
            b.id,
            100.0 * turns_now as f64 / turns_before as f64
        );
    }
}

#[test]
fn a_block_that_does_not_unpack_is_located() {
    let text = text_of(1);
    // After the scenario, which holds a line `--- turn 1` of its own.
    let body_at = text.rfind("\n--- turn 1\n").unwrap() + "\n--- turn 1\n".len();
    let mut changed = text.clone().into_bytes();
    changed[body_at + 3] = b'-';
    // Resealed, so only the unpacking can refuse it.
    let changed = String::from_utf8(changed).unwrap();
    let end = line_starting(&changed, "--- end turn 1 ");
    let head = render_header(&header());
    let chain = u64::from_str_radix(head.trim_end().rsplit(' ').next().unwrap(), 16).unwrap();
    let sum = fnv1a_more(fnv1a_more(chain, b"--- turn 1\n"), &changed.as_bytes()[body_at..end]);
    let resealed = format!("{}--- end turn 1 fnv1a {sum:016x}\n", &changed[..end]);
    let e = parse(NAME, &resealed).unwrap_err();
    assert!(e.to_string().contains("turn 1 holds a character that is not base64"), "{e}");
    let line = text[..body_at].matches('\n').count() + 1;
    assert_eq!(e.location(), format!("{NAME}:{line}:4"));
}
