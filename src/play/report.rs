//! The public situation report read out at the start of each turn.

use crate::engine::operations::OperationKind;
use std::fmt::Write;

use crate::engine::record::{EndRecord, TurnRecord};
use crate::engine::state::Snapshot;
use crate::model::glasl::{phase_name, stage_name};
use crate::names::{Names, count};
use crate::scenario::Scenario;

/// What everyone may know before the coming turn: each dispute's stage, the toll, what happened last
/// turn, what the bodies decided. Never any group's orders before they are resolved.
pub fn situation_report(s: &Scenario, state: &Snapshot, last: Option<&TurnRecord>, next_turn: u32) -> String {
    let mut out = String::new();
    let dates = crate::engine::turn_dates(&s.meta, next_turn);
    let _ = writeln!(out, "=== {} — turn {next_turn} of {} ({dates}) ===", s.meta.title, s.meta.turns);
    situation(&mut out, s, state);
    if let Some(r) = last {
        last_turn(&mut out, s, r);
    }
    out
}

/// The report at the end of the game: the situation it ended in, the last turn's results, how it
/// ended and every role's objectives scored, all in names and words (never ids).
pub fn end_report(s: &Scenario, last: &TurnRecord, seats: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "=== {} — the end, after turn {} of {} ===", s.meta.title, last.turn, s.meta.turns);
    situation(&mut out, s, &last.state);
    last_turn(&mut out, s, last);
    if !seats.is_empty() {
        groups_orders(&mut out, s, last, seats);
    }
    if let Some(end) = &last.end {
        let _ = writeln!(out, "\nThe game ends: {}. Outcome: {}.", end.reason.trim_end_matches('.'), end.outcome_title);
        scores(&mut out, s, end, seats, &last.state);
    }
    out
}

/// Each role's objectives as the end scored them, the groups' roles first.
fn scores(out: &mut String, s: &Scenario, end: &EndRecord, seats: &[String], state: &Snapshot) {
    let mut roles = crate::debrief::objectives::scores(Names::new(s), end, seats, state);
    if roles.is_empty() {
        return;
    }
    roles.sort_by_key(|r| !r.seat);
    let _ = writeln!(out, "Objectives, scored on the situation at the end:");
    for r in &roles {
        let group = if r.seat { " (a group)" } else { "" };
        let _ = writeln!(out, "  {}{group}: {} of {} points", r.role, r.points, r.max);
        for o in &r.rows {
            let met = if o.met { "met" } else { "not met" };
            let _ = writeln!(out, "    {met}: {} ({} of {})", o.text.trim(), o.points, o.max);
            // Where a missed number ended, as the debrief says it (a missed event is said by the
            // objective's own words).
            if let Some(numbers) = crate::debrief::shortfall::numbers(&o.shortfall) {
                let _ = writeln!(out, "      {numbers}");
            }
        }
    }
}

/// Each dispute's stage and way out, and the toll.
fn situation(out: &mut String, s: &Scenario, state: &Snapshot) {
    for d in &state.dyads {
        let name = s.dyad(d.id).map_or(d.id.as_str(), |x| x.name.as_str());
        let mut notes = Vec::new();
        if d.ceasefire {
            notes.push("a ceasefire holds");
        }
        if state.operations.iter().any(|o| o.dyad == d.id && o.kind == OperationKind::Observers) {
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
    // Kenya's count starts after the first killings: "so far" would say nobody died before.
    let toll = match crate::brief::count_starts_in_game(s) {
        Some(from) => format!("Toll counted in this game (since {from})"),
        None => "Toll so far".to_string(),
    };
    let _ = writeln!(
        out,
        "{toll}: {} dead, {} displaced. International attention {:.0}/100.",
        count(g.deaths),
        count(g.displaced),
        g.public_pressure
    );
    if let Some(line) = crate::names::Names::new(s).sanctions_in_force(&state.sanctions) {
        let _ = writeln!(out, "{line}");
    }
    if let Some(line) = crate::names::Names::new(s).operations_in_force(&state.operations) {
        let _ = writeln!(out, "{line}");
    }
    if let Some(line) = crate::names::Names::new(s).tracks_in_force(&state.tracks, &state.dyads) {
        let _ = writeln!(out, "{line}");
    }
}

/// What happened in the turn, in words: votes, outcomes, news, the ground.
fn last_turn(out: &mut String, s: &Scenario, r: &TurnRecord) {
    let _ = writeln!(out, "\nLast turn ({}):", r.dates);
    for v in &r.votes {
        let _ = writeln!(out, "- {}: {} ({}).", v.subject, if v.adopted { "adopted" } else { "not adopted" }, v.tally);
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

/// What the groups ordered in the turn, by name and in the debrief's words, and what was refused
/// with the reason (once the turn is resolved it is no secret).
fn groups_orders(out: &mut String, s: &Scenario, r: &TurnRecord, seats: &[String]) {
    let names = Names::new(s);
    let seated = |id: &str| seats.iter().any(|x| x == id);
    let _ = writeln!(out, "\nThe groups' orders in the last turn:");
    for seat in seats {
        let given: Vec<_> = r.submitted.iter().filter(|o| o.actor == seat.as_str()).collect();
        if given.is_empty() {
            let _ = writeln!(out, "- {}: held", names.actor(seat));
        }
        for o in given {
            let _ = writeln!(out, "- {}", names.order(o));
        }
    }
    for rejected in r.rejected.iter().filter(|x| seated(&x.order.actor)) {
        let _ = writeln!(out, "- refused: {} — {}", names.order(&rejected.order), rejected.reason);
    }
}
