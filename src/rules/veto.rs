//! What a veto does beyond blocking the draft. A veto is a signal: the party it shields learns that
//! the Council will not act against it, and the outside world is seen to be divided. It also opens
//! the way to the General Assembly under Uniting for Peace (the `Vetoed` event; `council.rs`).
//!
//! - The **shielded party**, in each dispute the draft concerns (one its contents name, one local to a
//!   regional body it endorses, or one a side of which it would sanction): the side the draft would
//!   have sanctioned, or else the side a vetoing member is closest to (its highest positive tie). Its
//!   belief in winning rises: ripeness recedes.
//! - **Coherence** falls: the third parties no longer speak with one voice.

use super::RuleCtx;
use crate::engine::ledger::Effect;
use crate::scenario::{Draft, DraftContent, Id, Var};

/// The shielded party's belief in winning raised by a veto.
const EMBOLDENED: f64 = 10.0;
/// Coherence lost when a permanent member vetoes.
const DIVIDED: f64 = 10.0;

/// The consequences of `draft` vetoed by `vetoed_by`, added to `effects`; a sentence naming them.
pub fn consequences(ctx: &RuleCtx, draft: &Draft, vetoed_by: &[Id], cause: &str, effects: &mut Vec<Effect>) -> String {
    effects.push(Effect::shift(Var::Coherence, -DIVIDED, cause));
    let named = super::council::disputes_concerned(ctx, draft);
    let mut shielded = Vec::new();
    for d in ctx.view.dyads.values() {
        let sanctioned = d.sides.iter().copied().find(|side| {
            draft.contents.iter().any(|c| matches!(c, DraftContent::Sanctions(target, _) if target == side))
        });
        let concerned = sanctioned.is_some() || named.contains(&d.id);
        if !concerned {
            continue;
        }
        if let Some(side) = sanctioned.or_else(|| closest_side(ctx, d.sides, vetoed_by)) {
            effects.push(Effect::shift(Var::WinBelief(d.id, side), EMBOLDENED, cause));
            shielded.push(side);
        }
    }
    if !ctx.narrate {
        return String::new();
    }
    let names: Vec<&str> = shielded.iter().map(|s| ctx.name(s)).collect();
    match names.as_slice() {
        [] => "The Council is seen to be divided (coherence down).".to_string(),
        _ => format!(
            "Shielded by the veto, {} believes more in winning; the Council is seen to be divided (coherence down).",
            names.join(" and ")
        ),
    }
}

/// The side a vetoing member has the highest positive tie to (the first side on a tie), if any.
fn closest_side(ctx: &RuleCtx, sides: [Id; 2], vetoed_by: &[Id]) -> Option<Id> {
    let tie = |side: Id| {
        vetoed_by
            .iter()
            .filter_map(|v| ctx.view.scenario.actor(*v))
            .flat_map(|a| a.ties.iter().filter(|(other, _)| *other == side).map(|(_, t)| *t))
            .fold(0.0_f64, f64::max)
    };
    let (t0, t1) = (tie(sides[0]), tie(sides[1]));
    match (t0 > 0.0, t1 > 0.0) {
        (false, false) => None,
        _ if t0 >= t1 => Some(sides[0]),
        _ => Some(sides[1]),
    }
}
