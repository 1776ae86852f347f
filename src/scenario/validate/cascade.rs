//! One misspelt id, one error. A typo in an actor's id (or in a reference to it) leaves every
//! reference unresolved and the actor without the position its tools need (a side of a dispute, a
//! member of a body): the author would face a screen of errors for one slip. The first reference to
//! an unknown id is kept and says how many more there are; the position errors of an actor that an
//! unknown id probably meant are dropped, since fixing the id fixes them.

use std::collections::BTreeSet;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::scenario::schema::{BodyKind, Scenario};

/// The actors that an id in a position (a dispute's side, a body's member or chair, a spoiler)
/// probably meant: the id names no actor, and this one is its nearest spelling.
pub(super) fn actors_meant_by_unknown_ids(s: &Scenario) -> BTreeSet<String> {
    let actors: Vec<&str> = s.actors.iter().map(|a| a.id.as_str()).collect();
    let mut positions: Vec<&str> = Vec::new();
    for d in &s.conflict.dyads {
        positions.extend([d.sides.0.as_str(), d.sides.1.as_str()]);
    }
    positions.extend(s.conflict.spoilers.iter().map(|sp| sp.actor.as_str()));
    for b in &s.bodies {
        positions.extend(b.member_ids());
        if let BodyKind::Regional { chair: Some(chair), .. } = &b.kind {
            positions.push(chair.as_str());
        }
    }
    positions
        .into_iter()
        .filter(|id| !actors.contains(id))
        .filter_map(|id| did_you_mean(id, actors.iter().copied()))
        .map(str::to_string)
        .collect()
}

/// Keeps the first `unknown-reference` error of each unknown id (diagnostics in file order) and
/// tells, in its help, how many more references to the id there are.
pub(super) fn one_error_per_unknown_id(out: &mut Vec<Diagnostic>) {
    let mut firsts: Vec<(String, usize)> = Vec::new();
    let mut kept = Vec::with_capacity(out.len());
    for d in out.drain(..) {
        if d.code != "unknown-reference" {
            kept.push(d);
            continue;
        }
        match firsts.iter_mut().find(|(message, _)| *message == d.message) {
            Some((_, more)) => *more += 1,
            None => {
                firsts.push((d.message.clone(), 0));
                kept.push(d);
            }
        }
    }
    for d in kept.iter_mut().filter(|d| d.code == "unknown-reference") {
        let more = firsts.iter().find(|(message, _)| *message == d.message).map_or(0, |(_, more)| *more);
        if more > 0 {
            let mut help = d.help.take().unwrap_or_default();
            if !help.ends_with(['.', '?']) {
                help.push('.');
            }
            d.help = Some(format!(
                "{help} The same unknown id appears {more} more time{} below: correct it where it is defined, or at every use.",
                if more == 1 { "" } else { "s" }
            ));
        }
    }
    *out = kept;
}
