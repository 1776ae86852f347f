//! What both formats of the turn log share: the header line, the frame of the turn blocks
//! (`--- turn N` … `--- end turn N fnv1a XXXXXXXXXXXXXXXX`, numbered 1, 2, 3, …, a torn last block
//! dropped), and the record's RON text. Format 1 is read in `v1.rs`, format 2 written and read in
//! `v2.rs`; docs/log-format.md describes both.

use ron::error::SpannedError;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::error::{LogError, report};
use super::{LOG_FORMAT, LoadedLog, LogHeader, OLDEST_FORMAT};
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::engine::record::TurnRecord;
use crate::scenario::ron_options;

pub(super) const HEADER_PREFIX: &str = "header:";
pub(super) const START_PREFIX: &str = "--- turn ";
pub(super) const END_PREFIX: &str = "--- end turn ";
pub(super) const MARKER_PREFIX: &str = "--- ";

/// The same bytes on every platform: `\n` line breaks, four-space indents, explicit `Some(..)`.
fn record_config() -> PrettyConfig {
    PrettyConfig::new().new_line("\n").indentor("    ").separator(" ")
}

pub(super) fn header_config() -> PrettyConfig {
    record_config().compact_structs(true).compact_arrays(true).compact_maps(true)
}

/// A turn's record as pretty RON ending in `\n`, with the whole state after the turn: what `replay`
/// compares, and (with only the changed rows of the state) what a block of format 2 packs.
pub fn render_record(record: &TurnRecord) -> String {
    let mut body = ron::ser::to_string_pretty(record, record_config()).expect("a turn record always serializes to RON");
    body.push('\n');
    body
}

/// The header as one line of compact RON (no line break: RON escapes those inside strings).
pub(super) fn header_ron(header: &LogHeader) -> String {
    let ron = ron::ser::to_string_pretty(header, header_config()).expect("a log header always serializes to RON");
    debug_assert!(!ron.contains('\n'));
    ron
}

/// One line of the text: `text` without its `\n`; `complete` is false for a last line with no `\n`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    pub start: usize,
    pub text: &'a str,
    pub next: usize,
    pub complete: bool,
}

impl Line<'_> {
    pub fn span(&self) -> (usize, usize) {
        (self.start, self.start + self.text.len())
    }
}

pub(super) fn line_at(text: &str, pos: usize) -> Option<Line<'_>> {
    if pos >= text.len() {
        return None;
    }
    Some(match text[pos..].find('\n') {
        Some(i) => Line { start: pos, text: &text[pos..pos + i], next: pos + i + 1, complete: true },
        None => Line { start: pos, text: &text[pos..], next: text.len(), complete: false },
    })
}

/// Whether `s` (a last line cut short) could be the beginning of `--- turn N`.
fn is_start_prefix(s: &str) -> bool {
    if s.len() <= START_PREFIX.len() {
        START_PREFIX.starts_with(s)
    } else {
        s.starts_with(START_PREFIX) && s[START_PREFIX.len()..].bytes().all(|b| b.is_ascii_digit())
    }
}

/// A turn number as the engine writes it: decimal digits, no sign, no leading zero.
fn turn_number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || (s.len() > 1 && s.starts_with('0')) {
        return None;
    }
    s.parse().ok()
}

/// `--- end turn N fnv1a XXXXXXXXXXXXXXXX` → `(N, checksum)`.
pub(super) fn parse_end_line(s: &str) -> Option<(u32, u64)> {
    let rest = s.strip_prefix(END_PREFIX)?;
    let (n, rest) = rest.split_once(' ')?;
    let hex = rest.strip_prefix("fnv1a ")?;
    if hex.len() != 16 || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    Some((turn_number(n)?, u64::from_str_radix(hex, 16).ok()?))
}

/// The message for a block whose checksum matches but whose record cannot be read.
pub(super) fn unreadable_turn(n: u32, engine: &str, code: &str, span: (usize, usize)) -> Diagnostic {
    Diagnostic::error("unreadable-turn", format!("turn {n} cannot be read: {code}"), span).label("here").help(format!(
        "its checksum matches, so it was written this way: probably by another version of good-offices (the header \
         names good-offices {engine}); open the log with that version"
    ))
}

/// A block's record must carry the number its marker lines give it.
pub(super) fn check_record_turn(b: &Block<'_>, turn: u32) -> Result<(), Diagnostic> {
    if turn == b.n {
        return Ok(());
    }
    Err(Diagnostic::error(
        "turn-order",
        format!("the block is marked turn {}, but its record says turn {turn}", b.n),
        b.start.span(),
    )
    .label(format!("the record below has `turn: {turn}`"))
    .help("the log was edited or two logs were joined; restore it from a copy"))
}

/// The byte span of a RON error inside `sub`, which starts at byte `base` of the whole text.
pub(super) fn ron_span(base: usize, sub: &str, e: &SpannedError) -> (usize, usize) {
    let src = SourceFile::new("", sub);
    let start = src.offset(e.span.start.line, e.span.start.col);
    let end = src.offset(e.span.end.line, e.span.end.col).max(start);
    (base + start, base + end)
}

fn looks_like_scenario(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("//") || t.starts_with('(') || t.starts_with("#![enable") || text.contains("actors:")
}

pub(super) fn crlf_error(name: &str, text: &str, line: &Line<'_>) -> LogError {
    let at = line.start + line.text.len() - 1;
    let d =
        Diagnostic::error("crlf-line-endings", "the log's line endings were changed to Windows (CRLF) ones", (at, at))
            .label("carriage return here")
            .help(
                "an editor or a file transfer changed the file; convert it back to LF line endings (`dos2unix FILE`, \
             or your editor's line-ending setting) or restore the log from a copy",
            );
    LogError::Damaged(report(name, text, d))
}

/// The header's format version (and engine), read before the rest so a future header still gets a clear
/// message about its version.
#[derive(Deserialize)]
struct FormatProbe {
    format: u32,
    #[serde(default)]
    engine: Option<String>,
}

/// An empty file holds no game yet: say so, and how to start one, rather than call it "not a log".
fn empty_log(name: &str) -> LogError {
    let d = Diagnostic::error(
        "empty-log",
        format!("{name} holds no game yet: the file is empty (a game was stopped before it began)"),
        (0, 0),
    )
    .label("nothing here")
    .help(format!(
        "start a game in it with `good-offices run SCENARIO --log {name}` (or `good-offices play SCENARIO --log \
         {name}`); the empty file is taken over"
    ));
    LogError::Empty(report(name, "", d))
}

/// Reads the comment lines and the header line; returns the header and the byte offset after it.
pub(super) fn parse_header(name: &str, text: &str) -> Result<(LogHeader, usize), LogError> {
    let not_a_log = |span: (usize, usize), why: &str, label: &str| {
        let help = if looks_like_scenario(text) {
            "this looks like a scenario or orders file; give the turn log instead (the file written by `--log`)"
        } else {
            "a turn log is the file written by `good-offices play` or `good-offices run ... --log FILE`; check the path"
        };
        let d = Diagnostic::error("not-a-log", format!("{name} is not a Good Offices turn log: {why}"), span)
            .label(label)
            .help(help);
        LogError::NotALog(report(name, text, d))
    };
    // A byte-order mark put in front by an editor is skipped (the blocks' checksums do not cover it).
    let mut pos = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let line = loop {
        let Some(line) = line_at(text, pos) else {
            let why = if text.is_empty() { "the file is empty" } else { "it has no `header:` line" };
            return Err(not_a_log((text.len(), text.len()), why, "expected the log's header"));
        };
        let trimmed = line.text.trim();
        if line.complete && (trimmed.is_empty() || (trimmed.starts_with('#') && !trimmed.starts_with("#!["))) {
            pos = line.next;
            continue;
        }
        break line;
    };
    let Some(ron_text) = line.text.strip_prefix(HEADER_PREFIX) else {
        return Err(not_a_log(
            (line.start, line.start + line.text.chars().next().map_or(0, char::len_utf8)),
            "it does not start with a `header:` line",
            "expected `header: (format: 1, ...)` here",
        ));
    };
    if !line.complete {
        let d = Diagnostic::error("torn-header", "the log ends inside its header line", line.span())
            .label("the line has no end")
            .help("the game stopped before its first turn was saved; start it again with a new `--log` file");
        return Err(LogError::Damaged(report(name, text, d)));
    }
    if ron_text.ends_with('\r') {
        return Err(crlf_error(name, text, &line));
    }
    let base = line.start + HEADER_PREFIX.len();
    let damaged = |e: &SpannedError| {
        let d = Diagnostic::error(
            "bad-header",
            format!("{name} is not a Good Offices turn log: its header line cannot be read: {}", e.code),
            ron_span(base, ron_text, e),
        )
        .label("here")
        .help("the header is written by the engine and must not be edited; restore the log from a copy");
        LogError::NotALog(report(name, text, d))
    };
    let probe: FormatProbe = ron_options().from_str(ron_text).map_err(|e| damaged(&e))?;
    if !(OLDEST_FORMAT..=LOG_FORMAT).contains(&probe.format) {
        let which = if probe.format > LOG_FORMAT { "a newer" } else { "an older" };
        let at = ron_text.find("format").map_or(base, |i| base + i);
        let by = probe.engine.map(|v| format!(" (good-offices {v})")).unwrap_or_default();
        let help = if probe.format > LOG_FORMAT {
            format!("open this log with the version of good-offices that wrote it{by}, or a newer one")
        } else {
            format!("open this log with the version of good-offices that wrote it{by}, or start a new game")
        };
        let d = Diagnostic::error(
            "log-format",
            format!("{name} was written by {which} log format {}; this engine reads formats {OLDEST_FORMAT} to {LOG_FORMAT}", probe.format),
            (at, at + "format".len()),
        )
        .label(format!("format {}", probe.format))
        .help(help);
        return Err(LogError::Format { found: probe.format, report: report(name, text, d) });
    }
    let header: LogHeader = ron_options().from_str(ron_text).map_err(|e| damaged(&e))?;
    Ok((header, line.next))
}

/// Reads a whole log's text. See [`super::parse`].
pub(super) fn parse_text(name: &str, text: &str) -> Result<LoadedLog, LogError> {
    if text.is_empty() {
        return Err(empty_log(name));
    }
    let (header, pos) = parse_header(name, text)?;
    if header.format == 1 {
        super::v1::parse_turns(name, text, header, pos)
    } else {
        super::v2::parse_rest(name, text, header, pos)
    }
}

/// One complete turn block as found in the text: its number, marker lines, the body between them and
/// the checksum its end line states (checked by the format's reader, with what the format covers).
pub(super) struct Block<'a> {
    pub n: u32,
    pub start: Line<'a>,
    pub body_start: usize,
    pub body: &'a str,
    pub end: Line<'a>,
    pub checksum: u64,
}

/// What reading the blocks left: the warnings (a torn last turn, blank text at the end) and the length
/// of the intact prefix.
pub(super) struct Scanned {
    pub warnings: Vec<String>,
    pub valid_len: usize,
}

/// Walks the turn blocks from `pos`, both formats' shared frame: `--- turn N`, the body, `--- end turn
/// N fnv1a XXXXXXXXXXXXXXXX`, turns numbered 1, 2, 3, … A block cut short at the end of the file is
/// dropped with a warning; any other damage to the frame is a located error. `take` reads each
/// complete block (checking its checksum and record) and may refuse it.
pub(super) fn scan_blocks<'a>(
    name: &str,
    text: &'a str,
    mut pos: usize,
    mut take: impl FnMut(Block<'a>) -> Result<(), LogError>,
) -> Result<Scanned, LogError> {
    let mut warnings = Vec::new();
    let err = |d: Diagnostic| report(name, text, d);
    let mut prev = 0;
    loop {
        let expected = prev + 1;
        let torn = || {
            let resumes = if prev == 0 {
                "the game resumes at turn 1".to_string()
            } else {
                format!("the game resumes after turn {prev}")
            };
            format!("{name}: the last turn (turn {expected}) was not completely written and is ignored; {resumes}")
        };
        let Some(start) = line_at(text, pos) else { break };
        if text[pos..].trim().is_empty() {
            let (line, col) = SourceFile::new(name, text).line_col(pos);
            warnings.push(format!("{name}:{line}:{col}: blank text after the last turn (turn {prev}) is ignored"));
            break;
        }
        if !start.complete {
            if is_start_prefix(start.text) {
                warnings.push(torn());
                break;
            }
            let d = Diagnostic::error(
                "unexpected-text",
                format!("unexpected text where turn {expected} should begin"),
                start.span(),
            )
            .label(format!("expected `--- turn {expected}`"))
            .help("the log must not be edited by hand; restore it from a copy");
            return Err(LogError::Damaged(err(d)));
        }
        if start.text.ends_with('\r') {
            return Err(crlf_error(name, text, &start));
        }
        let Some(n) = start.text.strip_prefix(START_PREFIX).and_then(turn_number) else {
            let what = if start.text.starts_with(END_PREFIX) {
                "an end line without its turn".to_string()
            } else {
                format!("unexpected line where turn {expected} should begin")
            };
            let d = Diagnostic::error("unexpected-line", what, start.span())
                .label(format!("expected `--- turn {expected}`"))
                .help("the log must not be edited by hand; restore it from a copy");
            return Err(LogError::Damaged(err(d)));
        };
        if n != expected {
            let after = if prev == 0 { "at the start of the log".to_string() } else { format!("after turn {prev}") };
            let message = format!("turn {n} comes {after}; expected turn {expected}");
            let d = Diagnostic::error("turn-order", message, start.span())
                .label(format!("should be `--- turn {expected}`"))
                .help(
                    "turns must be numbered 1, 2, 3, … in order: the log was edited or two logs were joined; \
                     restore it from a copy",
                );
            return Err(LogError::OutOfOrder(err(d)));
        }
        // The record runs up to the next line starting with `--- `.
        let body_start = start.next;
        let mut cursor = body_start;
        let end = loop {
            match line_at(text, cursor) {
                None => break None,
                Some(l) if l.text.starts_with(MARKER_PREFIX) || !l.complete => break Some(l),
                Some(l) => cursor = l.next,
            }
        };
        let Some(end) = end.filter(|l| l.complete) else {
            // The file ends inside this block: a write cut short. Only the last block can be.
            warnings.push(torn());
            break;
        };
        if !end.text.starts_with(END_PREFIX) {
            let d = if end.text.starts_with(START_PREFIX) {
                Diagnostic::error(
                    "missing-end-line",
                    format!("turn {n} has no end line, but more turns follow it"),
                    start.span(),
                )
                .label(format!("turn {n} begins here and is never closed"))
                .help(
                    "only the last turn of a log may be cut short (by a crash); this log was appended to without \
                         being repaired: restore it from a copy",
                )
            } else {
                Diagnostic::error("unexpected-line", format!("unexpected marker line inside turn {n}"), end.span())
                    .label(format!("expected `--- end turn {n} fnv1a ...`"))
                    .help("the log must not be edited by hand; restore it from a copy")
            };
            return Err(LogError::Damaged(err(d)));
        }
        if end.text.ends_with('\r') {
            return Err(crlf_error(name, text, &end));
        }
        let Some((end_n, checksum)) = parse_end_line(end.text) else {
            let d = Diagnostic::error("bad-end-line", format!("the end line of turn {n} is damaged"), end.span())
                .label(format!("expected `--- end turn {n} fnv1a` and 16 hexadecimal digits"))
                .help("the log must not be edited by hand; restore it from a copy");
            return Err(LogError::Damaged(err(d)));
        };
        if end_n != n {
            let d = Diagnostic::error(
                "turn-order",
                format!("the end line says turn {end_n}, but the block is turn {n}"),
                end.span(),
            )
            .label(format!("should be `--- end turn {n} ...`"))
            .help("the log was edited or two logs were joined; restore it from a copy");
            return Err(LogError::OutOfOrder(err(d)));
        }
        let body = &text[body_start..end.start];
        let next = end.next;
        take(Block { n, start, body_start, body, end, checksum })?;
        prev = n;
        pos = next;
    }
    // Reading stopped after the last intact block (or the header): that is the intact prefix.
    Ok(Scanned { warnings, valid_len: pos })
}
