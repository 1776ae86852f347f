//! Log format 3, the format this engine writes, and format 2, which it reads: the same frame, turns
//! packed against another dictionary (format 3: the text the block before packed; format 2: the
//! record before, as this engine renders it, see [`dictionary`]).
//!
//! ```text
//! # Good Offices turn log, format 3. ...
//! header: (format: 3, engine: "0.1.0", scenario: "kenya-2008", ...)
//! --- end header fnv1a 0123456789abcdef
//! --- scenario 51234 bytes
//! (the scenario's text, exactly 51234 bytes)
//! --- end scenario fnv1a 0123456789abcdef
//! --- turn 1
//! H4sIAAAAAAAC/+1d23LbOBJ9z1egvLbFF... (the record: RON, gzip, base64 in lines of 76)
//! --- end turn 1 fnv1a 0123456789abcdef
//! ```
//!
//! - Every byte is covered by a checksum, and the checksums are chained: each is FNV-1a continued from
//!   the one before over the block's opening line and body (the first over the comment and header
//!   lines). A changed byte anywhere, or a block taken from another log, is refused.
//! - The log carries the scenario it was played with, so it never needs the scenario file again and an
//!   edited scenario file does not orphan it. Its text is normalised as its hash is (no byte-order
//!   mark, `\n` line endings), and framed by its length, so it may hold any line.
//! - A turn's record stores the state's globals and only the changed rows (`state_rows.rs`), packed
//!   against the turn before (`packed.rs`): a built-in game's turns take 5–10 % of format 1's bytes.

use super::before_operations::MissionFlags;
use super::before_regimes::BeforeRegimes;
use super::error::{LogError, report};
use super::format::{
    Block, END_PREFIX, HEADER_PREFIX, START_PREFIX, check_record_turn, crlf_error, header_ron, line_at, scan_blocks,
    unreadable_turn,
};
use super::packed::{Unpack, pack, unpack};
use super::state_rows::{merged, stored};
use super::tail::Tail;
use super::{LoadedLog, LogHeader, scenario_hash};
use crate::diagnostics::Diagnostic;
use crate::engine::record::TurnRecord;
use crate::engine::rng::{fnv1a, fnv1a_more};
use crate::engine::state::Snapshot;
use crate::scenario::ron_options;

/// The first line of a log, for a person who opens it in an editor.
pub const COMMENT_LINE: &str = "# Good Offices turn log, format 3. Do not edit: every block is checksummed and each checksum \
                                chained to the one before (see docs/log-format.md).";

const HEADER_END: &str = "--- end header fnv1a ";
const SCENARIO_START: &str = "--- scenario ";
const SCENARIO_END: &str = "--- end scenario fnv1a ";

/// A scenario's text as a log carries it: as [`scenario_hash`] reads it (no byte-order mark, `\n`
/// line endings), so the carried text hashes to the header's `scenario_hash`.
pub fn carried_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n")
}

/// The comment and header lines, the header's checksum line and the scenario block; and the checksum
/// the first turn's continues from.
pub(super) fn render_head(header: &LogHeader) -> (String, u64) {
    let mut out = format!("{COMMENT_LINE}\n{HEADER_PREFIX} {}\n", header_ron(header));
    let chain = fnv1a(out.as_bytes());
    out.push_str(&format!("{HEADER_END}{chain:016x}\n"));
    let text = carried_text(&header.scenario_text);
    let block = format!("{SCENARIO_START}{} bytes\n{text}\n", text.len());
    let chain = fnv1a_more(chain, block.as_bytes());
    out.push_str(&block);
    out.push_str(&format!("{SCENARIO_END}{chain:016x}\n"));
    (out, chain)
}

/// One turn's block, chained to `chain` (the checksum of the block before), storing the rows of the
/// state that changed since `previous` (the record of the turn before, if any), compressed against
/// `tail` (the texts the blocks before packed); its checksum, and the tail with it.
pub(super) fn render_block(
    chain: u64,
    previous: Option<&TurnRecord>,
    tail: &Tail,
    record: &TurnRecord,
) -> (String, u64, Tail) {
    let kept = TurnRecord { state: stored(record.turn, previous.map(|p| &p.state), &record.state), ..record.clone() };
    let opening = format!("{START_PREFIX}{}\n", record.turn);
    let text = packed_record(&kept);
    let body = pack(&text, &tail.dictionary());
    let checksum = fnv1a_more(fnv1a_more(chain, opening.as_bytes()), body.as_bytes());
    (
        format!("{opening}{body}{END_PREFIX}{} fnv1a {checksum:016x}\n", record.turn),
        checksum,
        tail.after(record.turn, text),
    )
}

/// The RON a block packs: one field or item per line like [`render_record`]'s, without the indents
/// (they cost a fifth of the packed bytes, and a reader's editor can indent RON again).
fn packed_record(record: &TurnRecord) -> String {
    let config = ron::ser::PrettyConfig::new().new_line("\n").indentor("").separator(" ");
    let mut text = ron::ser::to_string_pretty(record, config).expect("a turn record always serializes to RON");
    text.push('\n');
    text
}

/// What a turn's record was compressed against in format 2: the record of the turn before, whole,
/// as a block packs a record (empty for turn 1). It depends on how this engine renders a record, so a
/// change of the state's fields made older logs unreadable: format 3 packs against the text the block
/// before packed, which the reader has as it was written (`v2` reads both).
pub(crate) fn dictionary(previous: Option<&TurnRecord>) -> String {
    previous.map(packed_record).unwrap_or_default()
}

/// The tail of a log of `records` as this engine writes them (what a turn appended after them is
/// compressed against): for a log just rewritten.
pub fn tail_of(records: &[TurnRecord]) -> Tail {
    let mut tail = Tail::default();
    for (i, r) in records.iter().enumerate() {
        let kept =
            TurnRecord { state: stored(r.turn, i.checked_sub(1).map(|b| &records[b].state), &r.state), ..r.clone() };
        tail = tail.after(r.turn, packed_record(&kept));
    }
    tail
}

/// A whole log: the head, then every record's block.
pub(super) fn render_log(header: &LogHeader, records: &[TurnRecord]) -> String {
    let (mut out, mut chain) = render_head(header);
    let mut previous = None;
    let mut tail = Tail::default();
    for r in records {
        let (block, checksum, next) = render_block(chain, previous, &tail, r);
        out.push_str(&block);
        chain = checksum;
        previous = Some(r);
        tail = next;
    }
    out
}

/// `prefix` + 16 lowercase hexadecimal digits → the checksum.
fn stated_checksum(line: &str, prefix: &str) -> Option<u64> {
    let hex = line.strip_prefix(prefix)?;
    if hex.len() != 16 || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    u64::from_str_radix(hex, 16).ok()
}

/// What follows the header line of a log of format 2 or 3 (at `pos`): the header's checksum, the scenario,
/// the turns.
pub(super) fn parse_rest(name: &str, text: &str, mut header: LogHeader, pos: usize) -> Result<LoadedLog, LogError> {
    let err = |d: Diagnostic| report(name, text, d);
    let restore = "the engine writes every line of a log; restore it from a copy";
    let at_end = (text.len(), text.len());
    let cut_short = |what: &str| {
        LogError::Damaged(err(Diagnostic::error(
            "torn-header",
            format!("the log ends inside its {what}; a log's header and scenario are written in one step"),
            at_end,
        )
        .label("the file ends here")
        .help("the file was cut short by a copy or a transfer: restore the log from a copy")))
    };

    // The header's checksum covers every byte before it (after a byte-order mark an editor added).
    let Some(line) = line_at(text, pos).filter(|l| l.complete) else { return Err(cut_short("header")) };
    if line.text.ends_with('\r') {
        return Err(crlf_error(name, text, &line));
    }
    let Some(stated) = stated_checksum(line.text, HEADER_END) else {
        let d = Diagnostic::error("bad-header", "the line after the header must be its checksum line", line.span())
            .label(format!("expected `{HEADER_END}` and 16 hexadecimal digits"))
            .help(restore);
        return Err(LogError::Damaged(err(d)));
    };
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let chain = fnv1a(&text.as_bytes()[bom..pos]);
    if chain != stated {
        return Err(tampered(name, text, 0, "the header", line.span()));
    }

    // The scenario, framed by its length.
    let Some(line) = line_at(text, line.next).filter(|l| l.complete) else { return Err(cut_short("scenario")) };
    let length = line
        .text
        .strip_prefix(SCENARIO_START)
        .and_then(|rest| rest.strip_suffix(" bytes"))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse::<usize>().ok());
    let Some(length) = length else {
        let d = Diagnostic::error(
            "bad-header",
            "the header must be followed by the scenario the game was played with",
            line.span(),
        )
        .label(format!("expected `{SCENARIO_START}N bytes`"))
        .help(restore);
        return Err(LogError::Damaged(err(d)));
    };
    let scenario_start = line.next;
    let scenario_end = scenario_start.checked_add(length).filter(|&e| e < text.len() && text.is_char_boundary(e));
    let end_line = scenario_end
        .filter(|&e| text.as_bytes()[e] == b'\n')
        .and_then(|e| line_at(text, e + 1))
        .filter(|l| l.complete && l.text.starts_with(SCENARIO_END));
    let (Some(scenario_end), Some(end_line)) = (scenario_end, end_line) else {
        // The closing line is not where the stated length puts it: if it is further on or earlier,
        // the text was changed; if it is nowhere, the file was cut short.
        let closing = text[scenario_start..].find(&format!("\n{SCENARIO_END}")).map(|i| scenario_start + i + 1);
        return Err(match closing.and_then(|at| line_at(text, at)) {
            Some(l) => tampered(name, text, 0, "the scenario carried in the log", l.span()),
            None => cut_short("scenario"),
        });
    };
    let Some(stated) = stated_checksum(end_line.text, SCENARIO_END) else {
        let d = Diagnostic::error("bad-header", "the scenario's closing line is damaged", end_line.span())
            .label(format!("expected `{SCENARIO_END}` and 16 hexadecimal digits"))
            .help(restore);
        return Err(LogError::Damaged(err(d)));
    };
    let mut chain = fnv1a_more(chain, &text.as_bytes()[line.start..=scenario_end]);
    if chain != stated {
        return Err(tampered(name, text, 0, "the scenario carried in the log", end_line.span()));
    }
    let scenario_text = &text[scenario_start..scenario_end];
    if scenario_hash(scenario_text) != header.scenario_hash {
        let d = Diagnostic::error(
            "bad-header",
            format!(
                "the scenario carried in the log hashes to {}, but the header says {}",
                scenario_hash(scenario_text),
                header.scenario_hash
            ),
            line.span(),
        )
        .label("this scenario")
        .help("the log was not written by good-offices this way; restore it from a copy");
        return Err(LogError::Damaged(err(d)));
    }
    header.scenario_text = scenario_text.to_string();

    let mut records: Vec<TurnRecord> = Vec::new();
    // Set when the first turn shows the log was written before sanction regimes (format 2 only).
    let mut before_regimes: Option<BeforeRegimes> = None;
    // The flags on each dispute that an engine before missions wrote (formats 2 and 3).
    let mut mission_flags = MissionFlags::default();
    // Format 3: the texts the blocks before packed, which the next is compressed against.
    let mut tail = Tail::default();
    let scanned = scan_blocks(name, text, end_line.next, |b: Block<'_>| {
        let opening = &text.as_bytes()[b.start.start..b.body_start];
        let checksum = fnv1a_more(fnv1a_more(chain, opening), b.body.as_bytes());
        if checksum != b.checksum {
            return Err(tampered(name, text, b.n, &format!("turn {}", b.n), b.end.span()));
        }
        let dictionary = if header.format >= 3 {
            tail.dictionary()
        } else {
            // A format-2 block was packed against the record before it as an engine before
            // missions rendered it: without the missions put back from its flags.
            let rendered = match records.last() {
                Some(r) if !r.state.operations.is_empty() => {
                    let state = Snapshot { operations: Vec::new(), ..r.state.clone() };
                    dictionary(Some(&TurnRecord { state, ..r.clone() }))
                }
                last => dictionary(last),
            };
            let rendered = mission_flags.dictionary(&rendered);
            match &before_regimes {
                Some(older) => older.dictionary(&rendered),
                None => rendered,
            }
        };
        let ron = unpack(b.body, &dictionary).map_err(|e| LogError::Damaged(err(unpack_error(&b, &e))))?;
        if header.format == 2 && records.is_empty() && BeforeRegimes::wrote(&ron) {
            before_regimes = Some(BeforeRegimes::default());
        }
        if let Some(older) = &mut before_regimes {
            older.learn(&ron);
        }
        mission_flags.learn(&ron, b.n);
        let record: TurnRecord = ron_options().from_str(&ron).map_err(|e| {
            let inside =
                format!("{} (at line {}, column {} of its record)", e.code, e.span.start.line, e.span.start.col);
            LogError::Damaged(err(unreadable_turn(b.n, &header.engine, &inside, b.start.span())))
        })?;
        check_record_turn(&b, record.turn).map_err(|d| LogError::OutOfOrder(err(d)))?;
        let mut state = merged(records.last().map(|r| &r.state), record.state);
        if mission_flags.any_on() {
            mission_flags.complete(&mut state);
        }
        let record_turn = record.turn;
        records.push(TurnRecord { state, ..record });
        tail = tail.after(record_turn, ron);
        chain = checksum;
        Ok(())
    })?;
    Ok(LoadedLog { header, records, warnings: scanned.warnings, valid_len: scanned.valid_len, tail })
}

fn tampered(name: &str, text: &str, turn: u32, what: &str, span: (usize, usize)) -> LogError {
    let d = Diagnostic::error(
        "tampered",
        format!("{what} was changed after it was written (checksum mismatch); restore the log from a copy"),
        span,
    )
    .label(format!("the checksum of {what} and everything before it"))
    .help(
        "every byte of a log must stay exactly as the engine wrote it; restore the log from a copy, or use \
         `good-offices branch` on an earlier copy to play on from there",
    );
    LogError::Tampered { turn, report: report(name, text, d) }
}

fn unpack_error(b: &Block<'_>, e: &Unpack) -> Diagnostic {
    let (what, span) = match e {
        Unpack::NotBase64 { line, col } => {
            // The body's lines are whole lines of the file: find the one meant.
            let start = b.body.split_inclusive('\n').take(*line).map(str::len).sum::<usize>();
            let at = b.body_start + start + col;
            (format!("turn {} holds a character that is not base64", b.n), (at, at + 1))
        }
        Unpack::NotDeflate(why) => (format!("turn {} cannot be unpacked: {why}", b.n), b.start.span()),
        Unpack::TooLarge => (
            format!("turn {} unpacks to more than {} MiB", b.n, super::packed::MAX_RECORD_TEXT / (1024 * 1024)),
            b.start.span(),
        ),
    };
    Diagnostic::error("unreadable-turn", what, span)
        .label("here")
        .help("its checksum matches, so it was written this way by another program; restore the log from a copy")
}
