//! Courts and human rights: the ICJ (application, provisional measures), commissions of inquiry,
//! human-rights monitoring. Binding measures lower the stage; inquiries deter spoilers but cost the
//! implicated side's trust (domain brief §A).

use super::explain;
use super::{RuleCtx, done};
use crate::engine::ledger::{Effect, Flag};
use crate::engine::record::OutcomeRecord;
use crate::scenario::Id;
use crate::scenario::{Event, OrderSpec, ToolKind, Var};

pub fn resolve(order: &OrderSpec, ctx: &RuleCtx, effects: &mut Vec<Effect>) -> OutcomeRecord {
    let c = ctx.cause(order);
    let name = ctx.name(&order.actor);
    let dyad_id: Id = order.target.as_ref().map(|t| t.id()).unwrap_or_default();
    let d = ctx.view.dyad(dyad_id).expect("checked: the dyad exists");
    let k = ctx.potency(order);
    let text = match order.tool {
        ToolKind::IcjApplication => {
            effects.push(Effect::flag(Flag::IcjPending(dyad_id), true, &c));
            effects.push(Effect::shift(Var::PublicPressure, 5.0, &c));
            explain!(ctx, "{name} applies to the International Court of Justice and asks for provisional measures.")
        }
        ToolKind::ProvisionalMeasures => {
            effects.push(Effect::flag(Flag::ProvisionalMeasures(dyad_id), true, &c));
            effects.push(Effect::flag(Flag::IcjPending(dyad_id), false, &c));
            effects.push(Effect::happen(Event::ProvisionalMeasures(dyad_id), &c));
            effects.push(Effect::shift(Var::Stage(dyad_id), -1.0, &c));
            effects.push(Effect::shift(Var::WayOut(dyad_id), 10.0 * k, &c));
            for s in &d.sides {
                effects.push(Effect::shift(Var::Arms(dyad_id, *s), -10.0 * k, &c));
                effects.push(Effect::shift(Var::Grievance(dyad_id, *s), -2.0 * k, &c));
            }
            explain!(
                ctx,
                "{name} orders provisional measures, binding on both parties: troops out of a provisional zone."
            )
        }
        ToolKind::CommissionOfInquiry => {
            for sp in ctx.view.scenario.conflict.spoilers.iter().filter(|s| s.dyad == dyad_id) {
                effects.push(Effect::shift(Var::Spoiler(sp.actor), -8.0 * k, &c));
            }
            for s in &d.sides {
                if s != order.actor {
                    effects.push(Effect::shift(Var::Trust(*s, order.actor), -3.0, &c));
                }
            }
            effects.push(Effect::shift(Var::PublicPressure, 4.0, &c));
            explain!(ctx, "{name} sets up a commission of inquiry: spoilers are deterred, the implicated resent it.")
        }
        _ => {
            for sp in ctx.view.scenario.conflict.spoilers.iter().filter(|s| s.dyad == dyad_id) {
                effects.push(Effect::shift(Var::Spoiler(sp.actor), -4.0 * k, &c));
            }
            effects.push(Effect::shift(Var::PublicPressure, 4.0 * k, &c));
            explain!(ctx, "{name} monitors and reports on human rights ({}).", ctx.called(&dyad_id))
        }
    };
    done(order, text)
}
