//! What violence costs: deaths that grow steeply with the Glasl stage, and the cost of an end that
//! stops the game in the middle of the worst fighting.
//!
//! The toll of a conflict is heavy-tailed: a few escalations account for most deaths (Richardson's
//! own "deadly quarrels"; UCDP's fatality counts, domain brief §D). A linear count by stage made a
//! stage-9 slide cost barely more than a stage-5 standoff, and a game stopped at stage 8 or 9 then
//! counted fewer dead than one that ended in a deal: the model taught that escalation is cheap.

use super::RuleCtx;
use super::explain;
use crate::engine::ledger::Effect;
use crate::engine::rng::round;
use crate::engine::state::DyadState;
use crate::scenario::Var;

/// Deaths of one incident or clash at each Glasl stage 1–9, as a multiple of the scenario's
/// `deaths_per_incident`: flat in phase I, rising through phase II, steep in phase III (each step
/// of the last phase nearly doubles the toll). Stage 5 keeps the old linear value (5), so a
/// scenario calibrated in the middle stages keeps its tens of dead. Calibration (docs/rules.md §6).
pub const TOLL_BY_STAGE: [f64; 9] = [0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 15.0, 26.0, 45.0];

/// The toll multiple of `stage`.
pub fn stage_toll(stage: u8) -> f64 {
    TOLL_BY_STAGE[usize::from(stage.clamp(1, 9)) - 1]
}

/// Deaths of a clash in dispute `d`: the rule's deaths per incident, times the stage's toll
/// multiple, times the severity, times 0.5–1.5 by the roll, less the share a peace operation
/// mandated to protect civilians prevents (`rules::operations`).
pub fn clash_deaths(ctx: &RuleCtx, d: &DyadState, severity: f64, r: f64) -> u64 {
    let protection = super::operations::on_the_ground(ctx.view, d).protection;
    let protected = 1.0 - super::operations::PROTECTED_SHARE * protection;
    round(ctx.params.deaths_per_incident * stage_toll(d.stage) * severity * (0.5 + r) * protected) as u64
}

/// From this stage on, a game that stops early has not stopped the killing.
pub const CARRIED_FROM_STAGE: u8 = 7;

/// Clashes a turn of open fighting carried to the scenario's end (each at the mean roll).
pub const CARRIED_CLASHES_PER_TURN: f64 = 2.0;

/// When a stop rule ends the game before its last turn while a dispute is in open fighting (stage 7
/// or above, no agreement, no ceasefire), the fighting does not stop with the game: its toll goes on
/// for the turns that remain, at the intensity of the final stage. Without this, a slide into the
/// abyss that ends the game at turn 5 of 11 would count fewer dead than a hard-won deal at turn 9.
pub fn carried_to_the_end(ctx: &RuleCtx, effects: &mut Vec<Effect>) {
    let remaining = ctx.view.scenario.meta.turns.saturating_sub(ctx.view.turn);
    if remaining == 0 {
        return;
    }
    for d in ctx.view.dyads.values() {
        if d.stage < CARRIED_FROM_STAGE || d.agreement || d.ceasefire {
            continue;
        }
        let per_turn = ctx.params.deaths_per_incident * stage_toll(d.stage) * CARRIED_CLASHES_PER_TURN;
        let deaths = round(per_turn * f64::from(remaining));
        let cause = explain!(
            ctx,
            "the end: stage-{} fighting in {} goes on for the {remaining} turn(s) left",
            d.stage,
            ctx.called(&d.id)
        );
        effects.push(Effect::shift(Var::Deaths, deaths, &cause));
        effects.push(Effect::shift(Var::DisputeDeaths(d.id), deaths, &cause));
        effects.push(Effect::shift(Var::Displaced, round(deaths * ctx.params.displaced_per_death), &cause));
    }
}
