//! Scripted injects: at a turn, when a condition first holds, or fired by the facilitator. Each fires
//! once; its effects carry the inject's id as their cause.

use super::RuleCtx;
use crate::engine::ledger::{Change, Effect, Flag};
use crate::engine::record::InjectRecord;
use crate::scenario::{EffectSpec, Event, Trigger};

/// The injects that fire this turn, in file order; their effects are added to `effects`.
pub fn fire(ctx: &RuleCtx, facilitator: &[String], effects: &mut Vec<Effect>) -> Vec<InjectRecord> {
    let mut records = Vec::new();
    for inject in &ctx.view.scenario.injects {
        if ctx.view.happened(&Event::InjectFired(inject.id)) {
            continue;
        }
        let fires = match &inject.trigger {
            Trigger::AtTurn(t) => *t == ctx.turn,
            Trigger::When(c) => ctx.view.holds(c),
            Trigger::Facilitator => facilitator.iter().any(|f| *f == inject.id),
        };
        if !fires {
            continue;
        }
        let cause = format!("inject: {}", inject.id);
        effects.push(Effect::happen(Event::InjectFired(inject.id), &cause));
        for e in &inject.effects {
            let change = match e {
                EffectSpec::Shift(v, x) => Change::Shift(v.clone(), *x),
                EffectSpec::Set(v, x) => Change::Set(v.clone(), *x),
                EffectSpec::AcceptsMediation(d, side, on) => Change::Flag(Flag::AcceptsMediation(*d, *side), *on),
                EffectSpec::AcceptsObservers(d, side, on) => Change::Flag(Flag::AcceptsObservers(*d, *side), *on),
                EffectSpec::BreakCeasefire(d) => Change::Flag(Flag::Ceasefire(*d), false),
            };
            effects.push(Effect { change, cause: crate::engine::ledger::Cause::from(cause.as_str()) });
        }
        records.push(InjectRecord {
            id: inject.id.to_string(),
            title: inject.title.clone(),
            text: inject.text.clone(),
        });
    }
    records
}
