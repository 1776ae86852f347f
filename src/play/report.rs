//! The public situation report read out at the start of each turn.

use std::fmt::Write;

use crate::debrief::names::count;
use crate::engine::record::TurnRecord;
use crate::engine::state::Snapshot;
use crate::model::glasl::{phase_name, stage_name};
use crate::scenario::Scenario;

/// What everyone may know before the coming turn: each dispute's stage, the toll, what happened last
/// turn, what the bodies decided. Never any group's orders before they are resolved.
pub fn situation_report(s: &Scenario, state: &Snapshot, last: Option<&TurnRecord>, next_turn: u32) -> String {
    let mut out = String::new();
    let dates = crate::engine::turn_dates(&s.meta, next_turn);
    let _ = writeln!(out, "=== {} — turn {next_turn} of {} ({dates}) ===", s.meta.title, s.meta.turns);
    for d in &state.dyads {
        let name = s.dyad(d.id).map_or(d.id.as_str(), |x| x.name.as_str());
        let mut notes = Vec::new();
        if d.ceasefire {
            notes.push("a ceasefire holds");
        }
        if d.observers {
            notes.push("observers are deployed");
        }
        if d.agreement {
            notes.push("an agreement is signed");
        }
        if d.provisional_measures {
            notes.push("the Court's provisional measures apply");
        }
        let _ = writeln!(
            out,
            "{name}: stage {} of 9, {} ({}); way out {:.0}/100{}",
            d.stage,
            stage_name(d.stage),
            phase_name(d.stage),
            d.way_out,
            if notes.is_empty() { String::new() } else { format!("; {}", notes.join(", ")) }
        );
    }
    let g = &state.globals;
    let _ = writeln!(
        out,
        "Toll so far: {} dead, {} displaced. International attention {:.0}/100.",
        count(g.deaths),
        count(g.displaced),
        g.public_pressure
    );
    if let Some(r) = last {
        let _ = writeln!(out, "\nLast turn ({}):", r.dates);
        for v in &r.votes {
            let _ =
                writeln!(out, "- {}: {} ({}).", v.subject, if v.adopted { "adopted" } else { "not adopted" }, v.tally);
        }
        for o in &r.outcomes {
            let _ = writeln!(out, "- {}", o.explanation);
        }
        for i in &r.injects {
            let _ = writeln!(out, "- NEWS: {}. {}", i.title, i.text);
        }
        for d in &r.dynamics {
            let place = s.dyad(d.dyad).map_or(d.dyad.as_str(), |x| x.name.as_str());
            let _ = writeln!(out, "- On the ground in {place}: {}", d.explanation);
        }
    }
    out
}
