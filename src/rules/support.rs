//! Support for peacemaking and pressure from outside: envoys, the standby team, joint envoys,
//! observers, unilateral sanctions and their lifting, a regional body's request for Council authorisation.

use super::explain;
use super::sanctions::{lift_effects, sanction_effects};
use super::{RuleCtx, done};
use crate::engine::ledger::{Effect, Flag, OperationChange};
use crate::engine::operations::observers;
use crate::engine::record::OutcomeRecord;
use crate::scenario::{Event, OrderSpec, ToolKind, Var};

pub fn resolve(order: &OrderSpec, ctx: &RuleCtx, effects: &mut Vec<Effect>) -> OutcomeRecord {
    let c = ctx.cause(order);
    let name = ctx.name(&order.actor);
    let k = ctx.potency(order);
    let target = order.target.as_ref().map(|t| t.id()).unwrap_or_default();
    let text = match order.tool {
        ToolKind::AppointEnvoy => {
            let envoy = order.with.unwrap_or(order.actor);
            effects.push(Effect::shift(Var::Leverage(envoy), 5.0 * k, &c));
            explain!(ctx, "{name} appoints {} as envoy for {}.", ctx.name(&envoy), ctx.called(&target))
        }
        ToolKind::DeployStandbyTeam => {
            effects.push(Effect::shift(Var::Leverage(target), 4.0 * k, &c));
            effects.push(Effect::shift(Var::Coherence, 3.0, &c));
            explain!(ctx, "{name} sends the mediation support standby team to back {}.", ctx.name(&target))
        }
        ToolKind::JointEnvoy => {
            let partner = order.with.unwrap_or_default();
            effects.push(Effect::flag(Flag::JointTrack(order.actor, partner), true, &c));
            effects.push(Effect::shift(Var::Coherence, 10.0 * k, &c));
            explain!(ctx, "{name} and {} share an envoy: one track, one voice.", ctx.name(&partner))
        }
        ToolKind::DeployObservers => {
            // The order gives no size: a mission of unstated size (0), counted whole (`rules::operations`).
            let mission = observers(target, 0, order.actor, ctx.turn);
            effects.push(Effect::operation(OperationChange::Start(Box::new(mission)), &c));
            effects.push(Effect::happen(Event::ObserversDeployed(target), &c));
            explain!(ctx, "{name} deploys observers in {} with both parties' consent.", ctx.called(&target))
        }
        ToolKind::DeployRegionalForce => {
            let (text, went_in) = super::operations::regional_force(ctx, order, &c, effects);
            let mut outcome = done(order, text);
            if !went_in {
                outcome.result = "blocked".into();
            }
            return outcome;
        }
        ToolKind::UnilateralSanctions => {
            let kind = order.sanction.expect("checked: a sanction is given");
            let how = sanction_effects(ctx, target, kind, 0.6 * k, order.actor, order.actor, &c, effects);
            explain!(ctx, "{name} imposes {kind:?} on {} on its own. {how}", ctx.name(&target))
        }
        ToolKind::LiftSanctions => {
            // `check` refuses a lift with nothing in force to lift.
            let how = lift_effects(ctx, target, 0.6 * k, order.actor, order.actor, &c, effects).unwrap_or_default();
            explain!(ctx, "{name} lifts its sanctions on {}. {how}", ctx.name(&target))
        }
        _ => {
            effects.push(Effect::happen(Event::Seized(target), &c));
            effects.push(Effect::shift(Var::PublicPressure, 3.0, &c));
            explain!(ctx, "{name} asks the Council to authorise enforcement action (Art. 53).")
        }
    };
    done(order, text)
}
