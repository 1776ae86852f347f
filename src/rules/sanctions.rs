//! What sanctions do (Art. 41; unilateral measures): pressure on the target *and* backlash, with
//! the net effect decided by whether there is a process to turn the pressure into a deal. A regime
//! stays in force (an entity of the world, `engine::regimes`) until whoever imposed it lifts it.
//!
//! - **Pressure.** Arms embargoes slow and cut the target's arms; asset freezes and travel bans make
//!   its elites hurt; commodity bans hurt less but cut spoilers' income; every kind weakens a
//!   sanctioned spoiler (domain brief §A). An embargo in force keeps slowing the target's arms turn
//!   after turn (`rules::dynamics`): by half when a panel of experts watches it (a Council regime),
//!   by a quarter when it is one state's and leaks.
//! - **Backlash.** The target's grievance rises and its trust in the sanctioning actor falls.
//! - **Timing and a track.** With a mediation track in place (both sides have accepted mediation),
//!   the mediator can offer relief in exchange for movement: the pressure becomes leverage and
//!   widens the way out. Without one, the target rallies round the flag: its belief in winning
//!   rises, and ripeness recedes. Sanctions are the mediator's leverage, not a substitute for one.
//! - **Lifting.** Relief is an incentive only when it answers movement (a ceasefire or an agreement
//!   holds, or the target offered a ceasefire or signed this turn or the last): then the way out
//!   widens and the target's trust in whoever lifts returns. Lifted without movement, relief tells
//!   the target that holding out pays: its belief in winning rises.

use super::{RuleCtx, explain};
use crate::engine::ledger::{Effect, Flag};
use crate::engine::regimes::SanctionRegime;
use crate::scenario::{Event, Id, SanctionKind, Var};

/// The target's hurt from an asset freeze or a travel ban, times the strength.
const ELITE_HURT: f64 = 8.0;
/// The target's hurt from a commodity ban, times the strength.
const COMMODITY_HURT: f64 = 5.0;
/// The target's arms cut by an embargo, times the strength (its growth is also slowed while in force).
const EMBARGO_ARMS_CUT: f64 = 5.0;
/// The target's grievance raised, times the strength.
const GRIEVANCE_BACKLASH: f64 = 2.0;
/// The target's trust in the sanctioning actor lost, times the strength.
const TRUST_BACKLASH: f64 = 8.0;
/// With no track: the target's belief in winning raised (rally round the flag), times the strength.
const RALLY: f64 = 8.0;
/// With a track: the way out widened (relief on offer for movement), times the strength.
const LEVERAGE_FOR_THE_MEDIATOR: f64 = 6.0;
/// The share of a side's arms growth left under an embargo a panel of experts monitors.
const MONITORED_EMBARGO_GROWTH: f64 = 0.5;
/// The share left under unilateral embargoes only: without a panel, evasion goes unreported.
const LEAKING_EMBARGO_GROWTH: f64 = 0.75;
/// Relief for movement: the way out widened, times the strength.
const RELIEF_FOR_MOVEMENT: f64 = 6.0;
/// Relief for movement: the target's trust in whoever lifts regained, times the strength.
const TRUST_REGAINED: f64 = 5.0;
/// Relief without movement: the target's belief in winning raised, times the strength.
const HOLDING_OUT_PAYS: f64 = 6.0;
/// The turns a signature or a ceasefire offer counts as movement for relief: this one and the last.
const MOVEMENT_TURNS: u32 = 2;

/// A regime's pressure in the turn after its imposition, as a share of its pressure when imposed:
/// sanctions bite over time, and so does their rally or their leverage.
const IN_FORCE_SHARE: f64 = 0.3;
/// What is left of that pressure each further turn: the target adapts (other buyers, other routes,
/// other sources of money), so a regime's bite fades unless it is tightened or traded for movement.
const ADAPTATION: f64 = 0.5;

/// What the regimes in force do in this turn, each from the turn after it was imposed, in every
/// dispute of its target: the elites' or the economy's hurt grows, and the pressure widens the way
/// out where a mediation track can trade relief for movement, or feeds the target's belief in
/// winning where none can (an embargo's bite is its slower arms race, `embargo_growth`).
///
/// A regime in force before the game began (turn 0) presses no more: its target adapted long ago, and
/// what is left of it is an embargo's slower arms race and the relief of lifting it.
pub fn in_force_effects(ctx: &RuleCtx, effects: &mut Vec<Effect>) {
    for r in ctx.view.sanctions.iter().filter(|r| r.since > 0 && r.since < ctx.turn) {
        let s = r.strength * IN_FORCE_SHARE * ADAPTATION.powi((ctx.turn - r.since - 1) as i32);
        let cause = explain!(ctx, "{}: {} in force", r.imposed_by, crate::names::sanction(r.kind));
        for d in ctx.view.dyads.values().filter(|d| d.side_of(r.target).is_some()) {
            match r.kind {
                SanctionKind::AssetFreeze | SanctionKind::TravelBan => {
                    effects.push(Effect::shift(Var::Hurt(d.id, r.target), ELITE_HURT * s, &cause));
                }
                SanctionKind::CommodityBan => {
                    effects.push(Effect::shift(Var::Hurt(d.id, r.target), COMMODITY_HURT * s, &cause));
                }
                SanctionKind::ArmsEmbargo => {}
            }
            if ctx.view.has_consented_track(d) {
                effects.push(Effect::shift(Var::WayOut(d.id), LEVERAGE_FOR_THE_MEDIATOR * s, &cause));
            } else {
                effects.push(Effect::shift(Var::WinBelief(d.id, r.target), RALLY * s, &cause));
            }
        }
    }
}

/// The effects of sanctions of `kind` on `target` imposed by `imposer` (the Council, or a state on
/// its own) at the request of `by` (the sponsor, whom the target blames), at strength `k` (Council
/// 1, unilateral 0.6 × potency), added to `effects`; returns a sentence on how they worked. A regime
/// already in force changes nothing.
#[allow(clippy::too_many_arguments)]
pub fn sanction_effects(
    ctx: &RuleCtx,
    target: Id,
    kind: SanctionKind,
    k: f64,
    imposer: Id,
    by: Id,
    cause: &str,
    effects: &mut Vec<Effect>,
) -> String {
    if let Some(regime) = ctx.view.regime(target, kind, imposer) {
        return explain!(
            ctx,
            "The {} on {} has been in force since turn {}: nothing changes.",
            crate::names::sanction(kind),
            ctx.name(&target),
            regime.since
        );
    }
    effects.push(Effect::flag(Flag::Sanctions(target, kind, imposer, k), true, cause));
    effects.push(Effect::happen(Event::Sanctioned(target), cause));
    let mut how = Vec::new();
    for d in ctx.view.dyads.values().filter(|d| d.side_of(target).is_some()) {
        match kind {
            SanctionKind::ArmsEmbargo => {
                effects.push(Effect::shift(Var::Arms(d.id, target), -EMBARGO_ARMS_CUT * k, cause));
            }
            SanctionKind::AssetFreeze | SanctionKind::TravelBan => {
                effects.push(Effect::shift(Var::Hurt(d.id, target), ELITE_HURT * k, cause));
            }
            SanctionKind::CommodityBan => {
                effects.push(Effect::shift(Var::Hurt(d.id, target), COMMODITY_HURT * k, cause));
            }
        }
        effects.push(Effect::shift(Var::Grievance(d.id, target), GRIEVANCE_BACKLASH * k, cause));
        effects.push(Effect::shift(Var::Trust(target, by), -TRUST_BACKLASH * k, cause));
        let track = ctx.view.has_consented_track(d);
        if track {
            effects.push(Effect::shift(Var::WayOut(d.id), LEVERAGE_FOR_THE_MEDIATOR * k, cause));
            if ctx.narrate {
                how.push(format!(
                    "With a mediation track in {}, relief can be traded for movement: the way out widens.",
                    ctx.called(&d.id)
                ));
            }
        } else {
            effects.push(Effect::shift(Var::WinBelief(d.id, target), RALLY * k, cause));
            if ctx.narrate {
                how.push(format!(
                    "With no mediation track in {} to turn the pressure into a deal, {} rallies round the flag (belief in winning up).",
                    ctx.called(&d.id),
                    ctx.name(&target)
                ));
            }
        }
    }
    if ctx.view.actor(target).is_some_and(|a| a.spoiler > 0.0) {
        let cut = match kind {
            SanctionKind::CommodityBan => 15.0,
            SanctionKind::ArmsEmbargo => 8.0,
            _ => 10.0,
        };
        effects.push(Effect::shift(Var::Spoiler(target), -cut * k, cause));
    }
    how.join(" ")
}

/// What is left of a side's arms growth under the embargoes in force on it: half under one a panel
/// of experts watches (a Council regime), three quarters under a state's own, which leaks.
pub fn embargo_growth(ctx: &RuleCtx, side: Id) -> f64 {
    let mut embargoes = ctx.view.sanctions_on(side).filter(|r| r.kind == SanctionKind::ArmsEmbargo).peekable();
    if embargoes.peek().is_none() {
        1.0
    } else if embargoes.any(|r| r.panel) {
        MONITORED_EMBARGO_GROWTH
    } else {
        LEAKING_EMBARGO_GROWTH
    }
}

/// Whether `target` has moved: in one of its disputes a ceasefire or an agreement holds, or it offered
/// a ceasefire or signed in this turn or the last.
pub fn has_moved(ctx: &RuleCtx, target: Id) -> Option<String> {
    let recent = |t: Option<u32>| t.is_some_and(|t| t + MOVEMENT_TURNS > ctx.turn);
    ctx.view.dyads.values().filter(|d| d.side_of(target).is_some()).find_map(|d| {
        let i = d.side_of(target).expect("filtered: a side");
        let why = if d.agreement {
            "an agreement holds"
        } else if d.ceasefire {
            "a ceasefire holds"
        } else if recent(d.signed[i]) {
            "it signed an agreement"
        } else if recent(d.ceasefire_offered[i]) {
            "it offered a ceasefire"
        } else {
            return None;
        };
        Some(format!("{why} in {}", ctx.called(&d.id)))
    })
}

/// The effects of lifting every regime on `target` that `imposer` keeps in force, at the request of
/// `by`, at strength `k`, added to `effects`; returns a sentence on what the relief did (`None` when
/// no regime of `imposer` is in force: nothing to lift).
pub fn lift_effects(
    ctx: &RuleCtx,
    target: Id,
    k: f64,
    imposer: Id,
    by: Id,
    cause: &str,
    effects: &mut Vec<Effect>,
) -> Option<String> {
    let lifted: Vec<&SanctionRegime> = ctx.view.sanctions_on(target).filter(|r| r.imposed_by == imposer).collect();
    if lifted.is_empty() {
        return None;
    }
    for r in &lifted {
        effects.push(Effect::flag(Flag::Sanctions(target, r.kind, imposer, r.strength), false, cause));
    }
    effects.push(Effect::happen(Event::SanctionsLifted(target), cause));
    let moved = has_moved(ctx, target);
    for d in ctx.view.dyads.values().filter(|d| d.side_of(target).is_some()) {
        if moved.is_some() {
            effects.push(Effect::shift(Var::WayOut(d.id), RELIEF_FOR_MOVEMENT * k, cause));
        } else {
            effects.push(Effect::shift(Var::WinBelief(d.id, target), HOLDING_OUT_PAYS * k, cause));
        }
    }
    if moved.is_some() {
        effects.push(Effect::shift(Var::Trust(target, by), TRUST_REGAINED * k, cause));
    }
    let kinds: Vec<&str> = lifted.iter().map(|r| crate::names::sanction(r.kind)).collect();
    Some(match moved {
        Some(why) => explain!(
            ctx,
            "The {} on {} lifted as relief for movement ({why}): the way out widens.",
            kinds.join(" and "),
            ctx.name(&target)
        ),
        None => explain!(
            ctx,
            "The {} on {} lifted with no movement to reward: holding out paid, and its belief in winning rises.",
            kinds.join(" and "),
            ctx.name(&target)
        ),
    })
}
