//! Courts and human rights: the ICJ (application, provisional measures), commissions of inquiry,
//! human-rights monitoring. Binding measures lower the stage where the parties comply; inquiries
//! deter spoilers but cost the implicated side's trust (domain brief §A).

use super::explain;
use super::{RuleCtx, done, factor};
use crate::engine::ledger::{Effect, Flag};
use crate::engine::record::OutcomeRecord;
use crate::engine::rng::{round4, stream};
use crate::engine::state::DyadState;
use crate::scenario::Id;
use crate::scenario::{Event, OrderSpec, ToolKind, Var};

pub fn resolve(order: &OrderSpec, index: u32, ctx: &RuleCtx, effects: &mut Vec<Effect>) -> OutcomeRecord {
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
        ToolKind::ProvisionalMeasures => return provisional_measures(order, index, ctx, d, k, effects),
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
            let when = super::operations::set_up_inquiry(ctx, dyad_id, order.actor, &c, effects);
            explain!(
                ctx,
                "{name} sets up a commission of inquiry: spoilers are deterred, the implicated resent it. {when}"
            )
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

/// A party's chance of complying with provisional measures: binding in law (Art. 94 of the Charter,
/// Art. 41 of the Statute), carried out in practice as far as the world watches, the party's own
/// public presses, and it trusts the Court; less the deeper the fighting. Cambodia and Thailand were
/// ordered out of a provisional zone on 18 July 2011 and withdrew only a year later [37].
pub fn compliance_chance(ctx: &RuleCtx, d: &DyadState, side: usize, court: Id) -> f64 {
    let party = d.sides[side];
    let domestic = ctx.view.actor(party).map_or(0.0, |a| a.domestic_pressure);
    let chance = COMPLIANCE_BASE
        + 0.35 * ctx.view.globals.public_pressure / 100.0
        + 0.2 * domestic / 100.0
        + 0.3 * ctx.view.trust(party, court) / 100.0
        - 0.08 * (f64::from(d.stage) - 4.0).max(0.0);
    round4(chance.clamp(0.05, 0.95))
}

const COMPLIANCE_BASE: f64 = 0.25;

/// The Court orders provisional measures; each party complies or not by a roll. Both: the zone is
/// cleared (the measures are in force, the stage falls, arms are pulled back). One: the complying
/// side pulls back, the other is seen defying the Court. Neither: an order on paper.
fn provisional_measures(
    order: &OrderSpec,
    index: u32,
    ctx: &RuleCtx,
    d: &DyadState,
    k: f64,
    effects: &mut Vec<Effect>,
) -> OutcomeRecord {
    let c = ctx.cause(order);
    let dyad_id = d.id;
    effects.push(Effect::flag(Flag::IcjPending(dyad_id), false, &c));
    effects.push(Effect::happen(Event::ProvisionalMeasures(dyad_id), &c));
    let mut rng = stream(ctx.seed, ctx.turn, &order.actor, index, "compliance");
    let mut factors = Vec::new();
    let mut complies = [false; 2];
    for (i, party) in d.sides.iter().enumerate() {
        let chance = compliance_chance(ctx, d, i, order.actor);
        let (roll, yes) = ctx.decide(chance, &mut rng);
        complies[i] = yes;
        factors.push(factor("P(a party complies)", chance));
        factors.push(factor("compliance roll", roll));
        if yes {
            effects.push(Effect::shift(Var::Arms(dyad_id, *party), -10.0 * k, &c));
            effects.push(Effect::shift(Var::Grievance(dyad_id, *party), -2.0 * k, &c));
        }
    }
    let names = [ctx.name(&d.sides[0]), ctx.name(&d.sides[1])];
    let (result, text) = match complies {
        [true, true] => {
            effects.push(Effect::flag(Flag::ProvisionalMeasures(dyad_id), true, &c));
            effects.push(Effect::shift(Var::Stage(dyad_id), -1.0, &c));
            effects.push(Effect::shift(Var::WayOut(dyad_id), 10.0 * k, &c));
            ("complied", explain!(ctx, "both {} and {} comply: troops leave the provisional zone.", names[0], names[1]))
        }
        [false, false] => {
            effects.push(Effect::shift(Var::WayOut(dyad_id), 3.0 * k, &c));
            effects.push(Effect::shift(Var::PublicPressure, 5.0, &c));
            ("defied", explain!(ctx, "neither {} nor {} complies: an order on paper.", names[0], names[1]))
        }
        _ => {
            let (obeys, defies) = if complies[0] { (names[0], names[1]) } else { (names[1], names[0]) };
            effects.push(Effect::shift(Var::WayOut(dyad_id), 5.0 * k, &c));
            effects.push(Effect::shift(Var::PublicPressure, 5.0, &c));
            (
                "partly complied",
                explain!(ctx, "{obeys} complies and pulls back; {defies} does not, in defiance of the Court."),
            )
        }
    };
    let mut outcome = done(
        order,
        explain!(
            ctx,
            "{} orders provisional measures, binding on both parties ({:.0}% and {:.0}% likely to comply): {text}",
            ctx.name(&order.actor),
            factors[0].value * 100.0,
            factors[2].value * 100.0
        ),
    );
    outcome.result = result.into();
    outcome.factors = ctx.record_factors(factors);
    outcome
}
