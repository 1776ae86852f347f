//! What sanctions do (Art. 41; unilateral measures): pressure on the target *and* backlash, with
//! the net effect decided by whether there is a process to turn the pressure into a deal.
//!
//! - **Pressure.** Arms embargoes slow and cut the target's arms; asset freezes and travel bans make
//!   its elites hurt; commodity bans hurt less but cut spoilers' income; every kind weakens a
//!   sanctioned spoiler (domain brief §A).
//! - **Backlash.** The target's grievance rises and its trust in the sanctioning actor falls.
//! - **Timing and a track.** With a mediation track in place (both sides have accepted mediation),
//!   the mediator can offer relief in exchange for movement: the pressure becomes leverage and
//!   widens the way out. Without one, the target rallies round the flag: its belief in winning
//!   rises, and ripeness recedes. Sanctions are the mediator's leverage, not a substitute for one.

use super::RuleCtx;
use crate::engine::ledger::{Effect, Flag};
use crate::scenario::{Event, Id, SanctionKind, Var};

/// The target's hurt from an asset freeze or a travel ban, times the strength.
const ELITE_HURT: f64 = 8.0;
/// The target's hurt from a commodity ban, times the strength.
const COMMODITY_HURT: f64 = 5.0;
/// The target's arms cut by an embargo, times the strength (its growth is also halved).
const EMBARGO_ARMS_CUT: f64 = 5.0;
/// The target's grievance raised, times the strength.
const GRIEVANCE_BACKLASH: f64 = 2.0;
/// The target's trust in the sanctioning actor lost, times the strength.
const TRUST_BACKLASH: f64 = 8.0;
/// With no track: the target's belief in winning raised (rally round the flag), times the strength.
const RALLY: f64 = 8.0;
/// With a track: the way out widened (relief on offer for movement), times the strength.
const LEVERAGE_FOR_THE_MEDIATOR: f64 = 6.0;

/// The effects of sanctions of `kind` on `target` by `by`, at strength `k` (Council 1, unilateral
/// 0.6 × potency), added to `effects`; returns a sentence on how they worked.
pub fn sanction_effects(
    ctx: &RuleCtx,
    target: Id,
    kind: SanctionKind,
    k: f64,
    by: Id,
    cause: &str,
    effects: &mut Vec<Effect>,
) -> String {
    effects.push(Effect::flag(Flag::Sanction(target, kind), true, cause));
    effects.push(Effect::happen(Event::Sanctioned(target), cause));
    let mut how = Vec::new();
    for d in ctx.view.dyads.values().filter(|d| d.side_of(target).is_some()) {
        let i = d.side_of(target).expect("filtered: a side");
        match kind {
            SanctionKind::ArmsEmbargo => {
                effects.push(Effect::flag(Flag::ArmsEmbargo(d.id), true, cause));
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
        let track = d.accepts_mediation[i] && d.accepts_mediation[1 - i];
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
