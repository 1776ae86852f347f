//! Reading logs of format 1, as earlier versions wrote them: torn tails, tampering, order, damage.

use crate::scenario::Id;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::engine::record::Ballot;
use crate::engine::record::{
    DynamicsRecord, EffectRecord, EndRecord, Factor, InjectRecord, ObjectiveScore, OutcomeRecord, Rejection, VoteRecord,
};
use crate::engine::regimes::SanctionRegime;
use crate::scenario::{Chapter, Draft, DraftContent, Event, MediationStyle, OrderSpec, SanctionKind, Target, ToolKind};

pub(super) const NAME: &str = "kenya.log";

// ---------------------------------------------------------------------------------------------------------
// Fixtures

fn header() -> LogHeader {
    LogHeader {
        format: 1,
        engine: "0.1.0".into(),
        scenario: "kenya-2008".into(),
        scenario_hash: scenario_hash("(meta: (id: \"kenya-2008\"))"),
        seed: 7,
        seats: vec!["odm".into(), "pnu".into()],
        source: "course: historical".into(),
        scenario_text: String::new(),
    }
}

// Logs of format 1 as earlier versions wrote them (these names shadow the current format's).
const COMMENT_LINE: &str =
    "# Good Offices turn log. Each turn is a block; do not edit by hand (a checksum guards each block).";

fn render_header(header: &LogHeader) -> String {
    super::v1::render_log(header, &[])
}

fn render_record(record: &TurnRecord) -> String {
    super::v1::render_block(record)
}

fn render_log(header: &LogHeader, records: &[TurnRecord]) -> String {
    super::v1::render_log(header, records)
}

/// The state of a built-in scenario before turn 1, cut down to a few rows (so a block stays small) and
/// varied by turn. Built with `Snapshot::initial` so the test follows the state's fields as they change.
pub(super) fn snapshot(turn: u32) -> Snapshot {
    static INITIAL: std::sync::OnceLock<Snapshot> = std::sync::OnceLock::new();
    let mut s = INITIAL
        .get_or_init(|| {
            let kenya = crate::scenario::builtin::find("kenya-2008").expect("built-in kenya-2008");
            let loaded = kenya.load().unwrap_or_else(|r| panic!("{}", crate::diagnostics::render_human(&r)));
            Snapshot::initial(&loaded.scenario)
        })
        .clone();
    s.dyads.truncate(1);
    s.actors.truncate(2);
    let keep: Vec<(String, String)> =
        s.globals.trust.pairs().take(3).map(|(p, t)| (p.to_string(), t.to_string())).collect();
    s.globals.trust.retain(|(p, t), _| keep.iter().any(|k| k.0 == p && k.1 == t));
    s.globals.trust.insert("odm", "au", 48.25 + f64::from(turn));
    s.globals.turn = turn;
    s.globals.deaths += u64::from(turn) * 17;
    s.globals.coherence = 0.1 + 0.2;
    s.globals.events.insert(Event::Seized("unsc".into()));
    if turn >= 2 {
        s.globals.events.insert(Event::Ceasefire("odm-pnu".into()));
    }
    s.globals.joint_tracks.insert((Id::from("annan"), Id::from("au")));
    if let Some(d) = s.dyads.first_mut() {
        d.stage = 5 - (turn % 3) as u8;
        d.hurt[1] = 1e-7;
        d.ceasefire_offered = [Some(turn), None];
    }
    if let Some(a) = s.actors.first_mut() {
        a.uses.set(ToolKind::Mediation, turn);
    }
    let imposed_by = Id::from("unsc");
    let target = s.actors[0].id;
    s.sanctions.push(SanctionRegime {
        target,
        kind: SanctionKind::TravelBan,
        imposed_by,
        panel: true,
        strength: 1.0,
        since: 1,
    });
    s
}

fn order(actor: &str, tool: ToolKind) -> OrderSpec {
    OrderSpec {
        actor: actor.into(),
        tool,
        target: Some(Target::Dyad("odm-pnu".into())),
        style: None,
        draft: None,
        sanction: None,
        with: None,
        note: Default::default(),
    }
}

/// A record that touches every kind of field, with text that could confuse a careless reader: non-ASCII
/// characters, quotes, backslashes, and a line break followed by a fake marker line.
pub(super) fn record(turn: u32) -> TurnRecord {
    let mut mediation = order("au", ToolKind::Mediation);
    mediation.style = Some(MediationStyle::Formulative);
    mediation.note = format!("Kufuor → Annan «panel»\n--- end turn {turn} fnv1a 0000000000000000\n--- turn 99").into();
    let mut draft = order("uk", ToolKind::DraftResolution);
    draft.target = None;
    draft.draft = Some(Box::new(Draft {
        chapter: Chapter::VI,
        contents: vec![DraftContent::Ceasefire("odm-pnu".into()), DraftContent::Observers("odm-pnu".into(), 40)],
    }));
    TurnRecord {
        turn,
        dates: format!("{}–{} January 2008", turn * 7, turn * 7 + 6),
        submitted: vec![mediation.clone(), draft],
        ballots: vec![("china".into(), Ballot::Abstain), ("russia".into(), Ballot::No)],
        facilitator_injects: if turn == 2 { vec!["church-fire".into()] } else { vec![] },
        messages: vec![crate::orders::Message {
            from: "uk".into(),
            to: vec!["au".into()],
            text: "We back Annan's panel \"fully\"\n--- end turn 1".into(),
        }],
        end_now: false,
        rejected: vec![Rejection {
            order: order("odm", ToolKind::IcjApplication),
            reason: "ODM is not a state: only states may apply to the \"ICJ\" \\ Art. 34".into(),
        }],
        holding: vec!["pnu".into()],
        votes: vec![VoteRecord {
            body: "unsc".into(),
            sponsor: "uk".into(),
            subject: "draft resolution (Chapter VI: ceasefire)".into(),
            tally: "9–1–5".into(),
            adopted: false,
            vetoed_by: vec!["russia".into()],
            ballots: vec![("uk".into(), Ballot::Yes), ("russia".into(), Ballot::No), ("libya".into(), Ballot::Absent)],
            explanation: "vetoed by Russia".into(),
        }],
        dynamics: vec![DynamicsRecord {
            dyad: "odm-pnu".into(),
            incident_probability: 0.31,
            incident_roll: 0.9,
            escalation_pressure: -0.125,
            factors: vec![Factor { name: "hurt".into(), value: 0.3 }],
            explanation: "no incident".into(),
        }],
        outcomes: vec![OutcomeRecord {
            actor: "au".into(),
            tool: ToolKind::Mediation,
            target: Some("odm-pnu".into()),
            result: "succeeded".into(),
            probability: Some(0.4123),
            roll: Some(0.2201),
            factors: vec![
                Factor { name: "ripeness".into(), value: 0.7 },
                Factor { name: "trust".into(), value: 1.0 / 3.0 },
            ],
            explanation: "stage 5→4".into(),
        }],
        injects: vec![InjectRecord { id: "inject-1".into(), title: "Eldoret".into(), text: "A church burns.".into() }],
        effects: vec![EffectRecord {
            target: "Stage(\"odm-pnu\")".into(),
            before: "5".into(),
            after: "4".into(),
            cause: "au: Mediation".into(),
        }],
        end: (turn == 4).then(|| EndRecord {
            reason: "agreement".into(),
            outcome: "power-sharing".into(),
            outcome_title: "National Accord".into(),
            objectives: vec![ObjectiveScore { actor: "odm".into(), objective: "pm".into(), met: true, points: 3 }],
            by_facilitator: false,
        }),
        state: snapshot(turn),
    }
}

pub(super) fn records(n: u32) -> Vec<TurnRecord> {
    (1..=n).map(record).collect()
}

fn text_of(n: u32) -> String {
    render_log(&header(), &records(n))
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Byte offset of the start of the line that begins with `prefix`.
pub(super) fn line_starting(text: &str, prefix: &str) -> usize {
    if text.starts_with(prefix) {
        return 0;
    }
    text.find(&format!("\n{prefix}")).map(|i| i + 1).unwrap_or_else(|| panic!("no line starts with {prefix:?}"))
}

/// A fresh directory under the system's temporary directory, removed afterwards.
pub(super) struct TempDir(pub PathBuf);

impl TempDir {
    pub(super) fn new(test: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("good-offices-log-{test}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temporary directory");
        TempDir(dir)
    }

    pub(super) fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[track_caller]
fn expect_err(text: &str) -> LogError {
    expect_err_bytes(text.as_bytes())
}

#[track_caller]
fn expect_err_bytes(bytes: &[u8]) -> LogError {
    match parse_bytes(NAME, bytes) {
        Ok(log) => panic!("expected an error, got {} records and warnings {:?}", log.records.len(), log.warnings),
        Err(e) => e,
    }
}

/// The 1-based line and column the error points at.
fn error_line_col(e: &LogError) -> (usize, usize) {
    let r = e.report().expect("a located error");
    r.source.line_col(r.diagnostics[0].start)
}

// ---------------------------------------------------------------------------------------------------------
// Rendering and round trips

#[test]
fn render_then_parse_round_trips() {
    let text = text_of(4);
    let log = parse(NAME, &text).expect("a rendered log parses");
    assert_eq!(log.header, header());
    assert_eq!(log.records, records(4));
    assert!(log.warnings.is_empty(), "{:?}", log.warnings);
    assert_eq!(log.valid_len, text.len());
    assert_eq!(log.last_turn(), 4);
    assert_eq!(log.last_state(), Some(&snapshot(4)));
}

#[test]
fn a_log_with_only_a_header_has_no_turns() {
    let text = render_header(&header());
    let log = parse(NAME, &text).expect("a fresh log parses");
    assert_eq!(log.header, header());
    assert!(log.records.is_empty());
    assert!(log.warnings.is_empty());
    assert_eq!(log.valid_len, text.len());
    assert_eq!(log.last_turn(), 0);
    assert_eq!(log.last_state(), None);
}

// ---------------------------------------------------------------------------------------------------------
// Torn tails

#[test]
fn a_torn_last_turn_at_every_byte_offset_is_dropped_with_one_warning() {
    let full = text_of(2);
    let intact = text_of(1);
    let intact_records = records(1);
    let last = render_record(&record(2));
    assert_eq!(intact.len() + last.len(), full.len());
    // The dates hold an en dash and the note non-ASCII text: some cuts fall inside a character.
    assert!(last.len() > last.chars().count());
    let expected = format!(
        "{NAME}: the last turn (turn 2) was not completely written and is ignored; the game resumes after turn 1"
    );
    for cut in 1..last.len() {
        let bytes = &full.as_bytes()[..intact.len() + cut];
        let log = parse_bytes(NAME, bytes).unwrap_or_else(|e| panic!("cut at {cut} of the last block: {e}"));
        assert_eq!(log.records, intact_records, "cut at {cut}");
        assert_eq!(log.warnings, vec![expected.clone()], "cut at {cut}");
        assert_eq!(log.valid_len, intact.len(), "cut at {cut}");
    }
    // Uncut: both turns, no warning.
    let log = parse_bytes(NAME, full.as_bytes()).unwrap();
    assert_eq!(log.records, records(2));
    assert!(log.warnings.is_empty());
}

#[test]
fn a_torn_first_turn_leaves_a_game_that_starts_again() {
    let head = render_header(&header());
    let block = render_record(&record(1));
    for cut in [1, 5, 11, 12, block.len() / 2, block.len() - 1] {
        let text = format!("{head}{}", &block[..cut]);
        let log = parse(NAME, &text).unwrap();
        assert!(log.records.is_empty());
        assert_eq!(
            log.warnings,
            vec![format!(
                "{NAME}: the last turn (turn 1) was not completely written and is ignored; the game resumes at turn 1"
            )]
        );
        assert_eq!(log.valid_len, head.len());
    }
}

#[test]
fn a_header_cut_short_is_an_error_not_a_panic() {
    let head = render_header(&header());
    for cut in 0..head.len() {
        let e = expect_err(&head[..cut]);
        assert!(matches!(e, LogError::Empty(_) | LogError::NotALog(_) | LogError::Damaged(_)), "cut at {cut}: {e}");
        assert_eq!(matches!(e, LogError::Empty(_)), cut == 0, "only nothing at all is an empty log");
    }
    let e = expect_err(&head[..head.len() - 1]);
    assert!(e.to_string().contains("ends inside its header line"), "{e}");
}

#[test]
fn a_turn_cut_short_in_the_middle_of_the_log_is_an_error() {
    let one = render_record(&record(1));
    let torn = &one[..one.len() / 2];
    let text = format!("{}{torn}\n{}", render_header(&header()), render_record(&record(2)));
    let e = expect_err(&text);
    assert!(matches!(e, LogError::Damaged(_)), "{e}");
    assert!(e.to_string().contains("turn 1 has no end line, but more turns follow it"), "{e}");
    assert_eq!(error_line_col(&e), (3, 1));
}

#[test]
fn blank_lines_after_the_last_turn_are_ignored_with_a_warning() {
    let text = text_of(2);
    let log = parse(NAME, &format!("{text}\n\n")).unwrap();
    assert_eq!(log.records, records(2));
    assert_eq!(log.valid_len, text.len());
    assert_eq!(log.warnings.len(), 1);
    assert!(
        log.warnings[0].starts_with(&format!("{NAME}:{}:1: blank text", line_of(&text, text.len()))),
        "{:?}",
        log.warnings
    );
}

#[test]
fn a_byte_order_mark_in_front_is_skipped() {
    let text = format!("\u{feff}{}", text_of(2));
    let log = parse(NAME, &text).unwrap();
    assert_eq!(log.records, records(2));
    assert_eq!(log.valid_len, text.len());
}

// ---------------------------------------------------------------------------------------------------------
// Tampering and order

#[test]
fn a_changed_character_in_a_complete_turn_is_detected_at_its_end_line() {
    let text = text_of(3);
    for turn in [1u32, 2, 3] {
        let body_start = line_starting(&text, &format!("--- turn {turn}\n")) + format!("--- turn {turn}\n").len();
        let end = line_starting(&text, &format!("--- end turn {turn} "));
        let end_line = line_of(&text, end);
        // Every 5th letter or digit of the record, changed to another one.
        let positions: Vec<usize> =
            (body_start..end).filter(|&i| text.as_bytes()[i].is_ascii_alphanumeric()).step_by(5).collect();
        assert!(positions.len() > 50);
        for i in positions {
            let mut bytes = text.clone().into_bytes();
            bytes[i] = if bytes[i] == b'7' { b'8' } else { b'7' };
            let e = expect_err_bytes(&bytes);
            let LogError::Tampered { turn: t, .. } = &e else { panic!("byte {i} of turn {turn}: {e}") };
            assert_eq!(*t, turn);
            assert_eq!(error_line_col(&e), (end_line, 1), "byte {i}");
            assert_eq!(e.location(), format!("{NAME}:{end_line}:1"));
            let shown = e.to_string();
            let message = format!(
                "turn {turn} was changed after it was written (checksum mismatch); restore the log or replay from an \
                 earlier copy"
            );
            assert!(shown.contains(&message), "{shown}");
            assert!(shown.contains(&format!("--> {NAME}:{end_line}:1")), "{shown}");
        }
    }
}

#[test]
fn a_changed_checksum_is_detected_too() {
    let text = text_of(2);
    let end = line_starting(&text, "--- end turn 1 ");
    let line = text[end..].lines().next().unwrap();
    let changed = line[..line.len() - 1].to_string() + if line.ends_with('0') { "1" } else { "0" };
    let e = expect_err(&text.replacen(line, &changed, 1));
    assert!(matches!(e, LogError::Tampered { turn: 1, .. }), "{e}");
}

#[test]
fn turns_out_of_order_are_errors() {
    let head = render_header(&header());
    let [one, two, three] = [1, 2, 3].map(|t| render_record(&record(t)));

    let e = expect_err(&format!("{head}{two}{one}"));
    assert!(matches!(e, LogError::OutOfOrder(_)), "{e}");
    assert!(e.to_string().contains("turn 2 comes at the start of the log; expected turn 1"), "{e}");
    assert_eq!(error_line_col(&e), (3, 1));

    let e = expect_err(&format!("{head}{one}{three}"));
    assert!(matches!(e, LogError::OutOfOrder(_)), "{e}");
    assert!(e.to_string().contains("turn 3 comes after turn 1; expected turn 2"), "{e}");
    assert_eq!(error_line_col(&e), (line_of(&format!("{head}{one}"), head.len() + one.len()), 1));

    let e = expect_err(&format!("{head}{one}{one}"));
    assert!(e.to_string().contains("turn 1 comes after turn 1; expected turn 2"), "{e}");

    // Marker lines that say turn 1 around a record of turn 2 (its checksum still matches).
    // (Replacing `\n--- end` leaves the escaped look-alike inside the record's note alone.)
    let relabelled = two.replacen("--- turn 2\n", "--- turn 1\n", 1).replace("\n--- end turn 2 ", "\n--- end turn 1 ");
    let e = expect_err(&format!("{head}{relabelled}"));
    assert!(matches!(e, LogError::OutOfOrder(_)), "{e}");
    assert!(e.to_string().contains("the block is marked turn 1, but its record says turn 2"), "{e}");
    assert_eq!(error_line_col(&e), (3, 1));

    // An end line with another turn's number.
    let e = expect_err(&format!("{head}{}", one.replace("\n--- end turn 1 ", "\n--- end turn 5 ")));
    assert!(matches!(e, LogError::OutOfOrder(_)), "{e}");
    assert!(e.to_string().contains("the end line says turn 5, but the block is turn 1"), "{e}");
}

#[test]
fn stray_and_damaged_lines_are_located_errors() {
    let head = render_header(&header());
    let one = render_record(&record(1));

    let e = expect_err(&format!("{head}{one}a note I added\n"));
    assert!(matches!(e, LogError::Damaged(_)), "{e}");
    assert!(e.to_string().contains("unexpected line where turn 2 should begin"), "{e}");

    let e = expect_err(&format!("{head}{}", one.replace(" fnv1a ", " sha1 ")));
    assert!(e.to_string().contains("the end line of turn 1 is damaged"), "{e}");

    let e = expect_err(&format!("{head}--- turn 01\n"));
    assert!(e.to_string().contains("unexpected line where turn 1 should begin"), "{e}");

    let e = expect_err(&format!("{head}{one}trailing"));
    assert!(e.to_string().contains("unexpected text where turn 2 should begin"), "{e}");
}

#[test]
fn a_record_that_cannot_be_read_despite_its_checksum_is_a_located_error() {
    let head = render_header(&header());
    let body = "(\n    turn: 1,\n    colour: \"blue\",\n)\n";
    let text = format!("{head}--- turn 1\n{body}--- end turn 1 fnv1a {:016x}\n", fnv1a(body.as_bytes()));
    let e = expect_err(&text);
    assert!(matches!(e, LogError::Damaged(_)), "{e}");
    assert!(e.to_string().contains("turn 1 cannot be read"), "{e}");
    assert!(e.to_string().contains("good-offices 0.1.0"), "{e}");
    let (line, _) = error_line_col(&e);
    assert!((4..=7).contains(&line), "points into the record, not at line {line}");
}

#[test]
fn windows_line_endings_are_explained() {
    let e = expect_err(&text_of(1).replace('\n', "\r\n"));
    assert!(matches!(e, LogError::Damaged(_)), "{e}");
    assert!(e.to_string().contains("CRLF"), "{e}");
    assert_eq!(error_line_col(&e).0, 2);
}

// ---------------------------------------------------------------------------------------------------------
// Not a log

#[track_caller]
fn assert_not_a_log(bytes: &[u8]) -> LogError {
    let e = expect_err_bytes(bytes);
    assert!(matches!(e, LogError::NotALog(_)), "{e}");
    let shown = e.to_string();
    assert!(shown.contains(&format!("{NAME} is not a Good Offices turn log")), "{shown}");
    assert!(shown.contains(&format!("--> {NAME}:")), "{shown}");
    assert!(shown.contains("= help:"), "{shown}");
    e
}

#[test]
fn files_that_are_not_logs_are_located_errors() {
    let e = expect_err_bytes(b"");
    assert!(matches!(e, LogError::Empty(_)), "an empty file is no game, not another kind of file: {e}");
    assert_eq!(error_line_col(&e), (1, 1));
    assert_eq!(e.exit_code(), 2);

    assert_not_a_log(b"\n\n   \n");
    assert_not_a_log(COMMENT_LINE.as_bytes());
    assert_not_a_log(format!("{COMMENT_LINE}\n").as_bytes());
    assert_not_a_log(b"{\"format\": 1, \"turns\": []}\n");
    assert_not_a_log(b"header\n");

    let e = assert_not_a_log(b"# notes\n\nsomething else\n");
    assert_eq!(error_line_col(&e), (3, 1));

    for builtin in crate::scenario::builtin::BUILT_INS {
        let e = assert_not_a_log(builtin.text.as_bytes());
        assert!(e.to_string().contains("looks like a scenario"), "{e}");
    }

    // A PNG image's first bytes, and bytes that are not UTF-8 at all.
    assert_not_a_log(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_not_a_log(&[0xff, 0xfe, 0x00, 0x41]);
    assert_not_a_log(&[0xc3]);
}

#[test]
fn a_damaged_header_line_is_not_a_log() {
    let e = assert_not_a_log(format!("{COMMENT_LINE}\nheader: (format: 1, engine: \"0.1.0\"\n").as_bytes());
    assert!(e.to_string().contains("its header line cannot be read"), "{e}");
    assert_eq!(error_line_col(&e).0, 2);
    assert_not_a_log(format!("{COMMENT_LINE}\nheader: (format: \"one\")\n").as_bytes());
    assert_not_a_log(format!("{COMMENT_LINE}\nheader: (format: 1)\n").as_bytes());
}

#[test]
fn random_bytes_never_panic() {
    // A small deterministic generator; some inputs start like a log to reach deeper code.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let log = text_of(2).into_bytes();
    for round in 0..400 {
        let len = (next() % 200) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        if round % 2 == 0 {
            // A real log with a few bytes overwritten, or cut.
            bytes = log.clone();
            for _ in 0..(next() % 4) {
                let i = (next() as usize) % bytes.len();
                bytes[i] = next() as u8;
            }
            bytes.truncate((next() as usize) % (log.len() + 1));
        }
        if let Err(e) = parse_bytes(NAME, &bytes) {
            // Every error is located and renders.
            assert!(!e.to_string().is_empty());
            assert!(e.location().starts_with(NAME));
        }
    }
}

#[test]
fn another_format_version_is_named() {
    let newer = format!("{COMMENT_LINE}\nheader: (format: 4, engine: \"0.9.0\", something_new: [1, 2])\n--- turn 1\n");
    let e = expect_err(&newer);
    let LogError::Format { found: 4, .. } = &e else { panic!("{e}") };
    assert!(e.to_string().contains("written by a newer log format 4; this engine reads formats 1 to 3"), "{e}");
    assert!(e.to_string().contains("good-offices 0.9.0"), "{e}");
    assert_eq!(error_line_col(&e), (2, 10));

    let older = render_header(&LogHeader { format: 0, ..header() });
    let e = expect_err(&older);
    assert!(matches!(e, LogError::Format { found: 0, .. }), "{e}");
    assert!(e.to_string().contains("written by an older log format 0; this engine reads formats 1 to 3"), "{e}");
}

#[test]
fn bytes_that_are_not_utf8_after_the_header_are_located() {
    let text = text_of(2);
    let at = line_starting(&text, "--- turn 2") + 30;
    let mut bytes = text.clone().into_bytes();
    bytes[at] = 0xff;
    let e = expect_err_bytes(&bytes);
    assert!(matches!(e, LogError::NotUtf8(_)), "{e}");
    assert!(e.to_string().contains("kenya.log is not UTF-8 text"), "{e}");
    let (line, col) = error_line_col(&e);
    assert_eq!(line, line_of(&text, at));
    let line_start = text[..at].rfind('\n').unwrap() + 1;
    assert_eq!(col, text[line_start..at].chars().count() + 1);
}

// ---------------------------------------------------------------------------------------------------------
// Files and errors

#[test]
fn unreadable_paths_are_io_errors_naming_the_path() {
    let dir = TempDir::new("io");
    let missing = dir.path("missing.log");
    let e = load(&missing).unwrap_err();
    let LogError::Io { path, reason, wrong_path } = &e else { panic!("{e}") };
    assert!(path.ends_with("missing.log"));
    assert_eq!(reason, "no such file");
    assert!(wrong_path, "a path that names no file is the user's mistake");
    assert!(e.to_string().ends_with("missing.log: no such file"), "{e}");
    // Invalid input, as a missing scenario or orders file is.
    assert_eq!(e.exit_code(), 2);
    let report = e.into_report();
    assert!(report.has_errors());
    assert!(report.location(&report.diagnostics[0]).ends_with("missing.log:1:1"));
    assert!(report.diagnostics[0].help.is_some());

    let e = load(&dir.0).unwrap_err();
    assert!(e.to_string().contains("is a directory, not a turn log"), "{e}");
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn errors_convert_to_reports() {
    let e = expect_err("");
    assert_eq!(e.exit_code(), 2);
    let report: crate::diagnostics::Report = e.into();
    assert_eq!(report.source.name, NAME);
    assert_eq!(report.errors().count(), 1);
    assert_eq!(report.diagnostics[0].code, "empty-log");
    let report: crate::diagnostics::Report = expect_err("hello\n").into();
    assert_eq!(report.diagnostics[0].code, "not-a-log");
}

#[test]
fn scenario_hash_ignores_line_endings_and_a_byte_order_mark() {
    let lf = "(\n    meta: (id: \"x\"),\n)\n";
    let h = scenario_hash(lf);
    assert_eq!(h.len(), 16);
    assert!(h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
    assert_eq!(h, format!("{:016x}", fnv1a(lf.as_bytes())));
    assert_eq!(scenario_hash(&lf.replace('\n', "\r\n")), h);
    assert_eq!(scenario_hash(&format!("\u{feff}{lf}")), h);
    assert_ne!(scenario_hash("(meta: (id: \"y\"))"), h);
    assert_eq!(scenario_hash("a"), "af63dc4c8601ec8c");
}

#[test]
fn load_reads_a_file_written_by_hand_the_same_as_parse() {
    let dir = TempDir::new("load");
    let path: &Path = &dir.path("copy.log");
    std::fs::write(path, text_of(2)).unwrap();
    let log = load(path).unwrap();
    assert_eq!(log, parse(NAME, &text_of(2)).unwrap());
}
