//! A mediator suspends its own track as leverage (`SuspendTalks`), as Annan suspended the teams'
//! talks on 26 February 2008 and dealt with the two leaders, who signed the National Accord two days
//! later. Pressure by absence: each party bears the cost of stalled talks at once, and again each
//! turn the track stays suspended; the mediator's next attempt resumes it with a better chance. It
//! works on parties that want the talks, and wears out: the parties' trust in the mediator falls.

use super::explain;
use super::{RuleCtx, done};
use crate::engine::ledger::{Effect, TrackChange};
use crate::engine::record::OutcomeRecord;
use crate::engine::rng::round4;
use crate::engine::state::DyadState;
use crate::scenario::{Id, OrderSpec, Var};

/// The resuming attempt's factor: the parties come back having felt the cost of no talks. Once.
pub const RESUMED: f64 = 1.25;
/// What a suspension costs each party at once (hurt, × the mediator's potency): talks it counted on
/// are gone.
const SUSPENSION_HURT: f64 = 6.0;
/// ... and what it takes from the holdout's belief in winning (the side that believes more in
/// winning): the world will ask who broke the talks, and the nearer the text was, the more the blame
/// falls on the one who would not take it: 4 + 0.1 × way out (× potency).
const HOLDOUT_BELIEF: f64 = 4.0;
const HOLDOUT_BELIEF_PER_WAY_OUT: f64 = 0.1;
/// ... and each turn after, while the track stays suspended (not scaled: the absence is the same).
const SUSPENDED_HURT: f64 = 2.0;
/// What a suspension costs the mediator in each party's trust.
const SUSPENSION_TRUST: f64 = 2.0;

pub fn suspend(order: &OrderSpec, ctx: &RuleCtx, effects: &mut Vec<Effect>) -> OutcomeRecord {
    let dyad_id: Id = order.target.as_ref().map(|t| t.id()).unwrap_or_default();
    let d: &DyadState = ctx.view.dyad(dyad_id).expect("checked: the dyad exists");
    let c = ctx.cause(order);
    let k = ctx.potency(order);
    let hurt = round4(SUSPENSION_HURT * k);
    let blame = round4((HOLDOUT_BELIEF + HOLDOUT_BELIEF_PER_WAY_OUT * d.way_out) * k);
    // The holdout: the side that believes more in winning (the first on a tie), as directive
    // mediation's resisting side.
    let holdout = d.sides[usize::from(d.win_belief[1] > d.win_belief[0])];
    effects.push(Effect::track(TrackChange::Suspend((dyad_id, order.actor), true), &c));
    for side in &d.sides {
        effects.push(Effect::shift(Var::Hurt(dyad_id, *side), hurt, &c));
        effects.push(Effect::shift(Var::Trust(*side, order.actor), -SUSPENSION_TRUST, &c));
    }
    effects.push(Effect::shift(Var::WinBelief(dyad_id, holdout), -blame, &c));
    done(
        order,
        explain!(
            ctx,
            "{} suspends its talks in {}: both parties hurt +{hurt:.1} now and +{SUSPENDED_HURT:.0} each turn the talks stay off, and trust it −{SUSPENSION_TRUST:.0}; with the way out at {:.0}, {} as the holdout believes less in winning (−{blame:.1}); the next mediation resumes the talks (× {RESUMED}).",
            ctx.name(&order.actor),
            ctx.called(&dyad_id),
            d.way_out,
            ctx.name(&holdout)
        ),
    )
}

/// Each turn after the one it was suspended in, a suspended track costs both parties: the system
/// `tracks_in_force`, before the disputes' own dynamics.
pub fn in_force_effects(ctx: &RuleCtx, effects: &mut Vec<Effect>) {
    for t in ctx.view.tracks.iter().filter(|t| t.suspended.is_some_and(|since| since < ctx.turn)) {
        let Some(d) = ctx.view.dyad(t.dyad) else { continue };
        let cause = if ctx.narrate { format!("{}'s talks suspended", ctx.name(&t.mediator)) } else { String::new() };
        for side in &d.sides {
            effects.push(Effect::shift(Var::Hurt(d.id, *side), SUSPENDED_HURT, &cause));
        }
    }
}
