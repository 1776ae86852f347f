//! Civil society and public voice: mass action, dialogue forums, early warning, statements, appeals.

use super::explain;
use super::{RuleCtx, done};
use crate::engine::ledger::Effect;
use crate::engine::record::OutcomeRecord;
use crate::scenario::{Event, OrderSpec, Target, ToolKind, Var};

pub fn resolve(order: &OrderSpec, ctx: &RuleCtx, effects: &mut Vec<Effect>) -> OutcomeRecord {
    let c = ctx.cause(order);
    let name = ctx.name(&order.actor);
    let k = ctx.potency(order);
    let target = order.target.as_ref().map(|t| t.id()).unwrap_or_default();
    let text = match order.tool {
        ToolKind::MassAction => {
            effects.push(Effect::shift(Var::DomesticPressure(target), 12.0 * k, &c));
            // Pressure at home makes the deadlock hurt: a deadline for the leader.
            for d in ctx.view.dyads.values().filter(|d| d.side_of(target).is_some()) {
                effects.push(Effect::shift(Var::Hurt(d.id, target), 5.0 * k, &c));
            }
            effects.push(Effect::shift(Var::PublicPressure, 3.0 * k, &c));
            explain!(ctx, "{name} brings people onto the streets; the pressure on {} rises.", ctx.name(&target))
        }
        ToolKind::DialogueForum => {
            if let Some(d) = ctx.view.dyad(target) {
                for s in &d.sides {
                    effects.push(Effect::shift(Var::Grievance(target, *s), -1.5 * k, &c));
                    effects.push(Effect::shift(Var::Trust(*s, order.actor), 2.0, &c));
                }
                effects.push(Effect::shift(Var::Enticement(target), 2.0 * k, &c));
            }
            explain!(ctx, "{name} brings communities together to talk.")
        }
        ToolKind::EarlyWarningReport => {
            effects.push(Effect::shift(Var::PublicPressure, 8.0 * k, &c));
            explain!(ctx, "{name} publishes an early-warning report; the world pays attention.")
        }
        ToolKind::PublicStatement => {
            effects.push(Effect::shift(Var::PublicPressure, 2.0 * k, &c));
            explain!(ctx, "{name} states its position in public.")
        }
        _ => {
            effects.push(Effect::shift(Var::PublicPressure, 3.0 * k, &c));
            // An appeal puts the dispute before a body, except the Assembly: while the Council deals
            // with it, only Uniting for Peace opens the Assembly (Art. 12; resolution 377 A (V)).
            if let Some(Target::Body(b)) = &order.target
                && ctx
                    .view
                    .scenario
                    .body(b)
                    .is_some_and(|b| !matches!(b.kind, crate::scenario::BodyKind::GeneralAssembly { .. }))
            {
                effects.push(Effect::happen(Event::Seized(*b), &c));
            }
            explain!(ctx, "{name} appeals to {} to act.", ctx.called(&target))
        }
    };
    done(order, text)
}
