//! Log format 1, read so that games saved by earlier versions still load (a resumed one is rewritten
//! in the current format first). Each turn block holds the record's pretty RON with the whole state,
//! and its end line the FNV-1a checksum of those bytes alone; the header has no checksum.

use super::error::{LogError, report};
use super::format::{Block, scan_blocks};
use super::{LoadedLog, LogHeader};
use crate::diagnostics::Diagnostic;
use crate::engine::record::TurnRecord;
use crate::engine::rng::fnv1a;
use crate::scenario::ron_options;

/// The turns of a format-1 log, from `pos` (just after the header line).
pub(super) fn parse_turns(name: &str, text: &str, header: LogHeader, pos: usize) -> Result<LoadedLog, LogError> {
    let mut records: Vec<TurnRecord> = Vec::new();
    let mut mission_flags = super::before_operations::MissionFlags::default();
    let err = |d: Diagnostic| report(name, text, d);
    let scanned = scan_blocks(name, text, pos, |b: Block<'_>| {
        let n = b.n;
        if fnv1a(b.body.as_bytes()) != b.checksum {
            let d = Diagnostic::error(
                "tampered",
                format!(
                    "turn {n} was changed after it was written (checksum mismatch); restore the log or replay from \
                     an earlier copy"
                ),
                b.end.span(),
            )
            .label(format!("the checksum of the lines of turn {n} above"))
            .help(format!(
                "the lines between `--- turn {n}` and this line must stay exactly as the engine wrote them; restore \
                 the log from a copy, or use `good-offices branch` on an earlier copy to play on from there"
            ));
            return Err(LogError::Tampered { turn: n, report: err(d) });
        }
        let mut record: TurnRecord = ron_options().from_str(b.body).map_err(|e| {
            let span = super::format::ron_span(b.body_start, b.body, &e);
            LogError::Damaged(err(super::format::unreadable_turn(n, &header.engine, &e.code.to_string(), span)))
        })?;
        super::format::check_record_turn(&b, record.turn).map_err(|d| LogError::OutOfOrder(err(d)))?;
        // Every record holds every row: the missions its flags stood for are put back in its state.
        mission_flags.learn(b.body, n);
        if mission_flags.any_on() {
            mission_flags.complete(&mut record.state);
        }
        records.push(record);
        Ok(())
    })?;
    Ok(LoadedLog {
        header,
        records,
        warnings: scanned.warnings,
        valid_len: scanned.valid_len,
        tail: Default::default(),
    })
}

/// A format-1 log's text, as earlier versions wrote it: kept to test that such logs still load.
#[cfg(test)]
pub(super) fn render_log(header: &LogHeader, records: &[TurnRecord]) -> String {
    let ron = ron::ser::to_string_pretty(header, super::format::header_config()).expect("serializes");
    let mut out = format!(
        "# Good Offices turn log. Each turn is a block; do not edit by hand (a checksum guards each block).\nheader: \
         {ron}\n"
    );
    for r in records {
        out.push_str(&render_block(r));
    }
    out
}

/// One format-1 turn block.
#[cfg(test)]
pub(super) fn render_block(record: &TurnRecord) -> String {
    let body = super::format::render_record(record);
    let n = record.turn;
    format!("--- turn {n}\n{body}--- end turn {n} fnv1a {:016x}\n", fnv1a(body.as_bytes()))
}
