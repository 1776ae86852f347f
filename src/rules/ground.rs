//! The parties' own moves: Kahn's lower rungs of escalation and the steps back down, consent, talks,
//! signatures. Crossing Glasl's phase boundaries (3→4, 6→7) needs one of the threshold acts here
//! (`ShowOfForce`/`Mobilise`, `Strike`); see `dynamics`.

use super::explain;
use super::toll::clash_deaths;
use super::{RuleCtx, done, factor, rolled};
use crate::engine::ledger::{Effect, Flag, TrackChange};
use crate::engine::record::OutcomeRecord;
use crate::engine::rng::{roll, round, round4, stream};
use crate::engine::state::DyadState;
use crate::engine::tracks::Consent;
use crate::scenario::Id;
use crate::scenario::{OrderSpec, ToolKind, Var};

pub fn resolve(order: &OrderSpec, index: u32, ctx: &RuleCtx, effects: &mut Vec<Effect>) -> OutcomeRecord {
    use ToolKind::*;
    let c = ctx.cause(order);
    let name = ctx.name(&order.actor);
    if order.tool == Hold {
        return done(order, explain!(ctx, "{name} holds."));
    }
    let dyad_id: Id = order.target.as_ref().map(|t| t.id()).unwrap_or_default();
    let d = ctx.view.dyad(dyad_id).expect("checked: the dyad exists");
    let side = d.side_of(order.actor);
    let other = side.map(|i| d.sides[1 - i]);
    let me = order.actor;
    let k = ctx.potency(order);
    let arms = |delta: f64| Effect::shift(Var::Arms(dyad_id, me), delta * k, &c);
    let explanation = match order.tool {
        Reinforce => {
            effects.push(arms(8.0));
            explain!(ctx, "{name} reinforces its positions (arms +{:.0}).", 8.0 * k)
        }
        ShowOfForce => {
            effects.push(arms(5.0));
            if let Some(o) = &other {
                effects.push(Effect::shift(Var::Grievance(dyad_id, *o), 2.0 * k, &c));
            }
            explain!(ctx, "{name} makes a show of force: a threshold act that can carry the dispute past stage 3.")
        }
        Mobilise => {
            effects.push(arms(15.0));
            if let Some(o) = &other {
                effects.push(Effect::shift(Var::Grievance(dyad_id, *o), 3.0 * k, &c));
            }
            explain!(
                ctx,
                "{name} mobilises (arms +{:.0}): a threshold act that can carry the dispute past stage 3.",
                15.0 * k
            )
        }
        Skirmish | Strike | Spoil => return clash(order, index, ctx, d, k, effects),
        Withdraw => {
            effects.push(arms(-10.0));
            if let Some(o) = &other {
                effects.push(Effect::shift(Var::Grievance(dyad_id, *o), -1.0, &c));
            }
            explain!(ctx, "{name} pulls troops back (arms −{:.0}).", 10.0 * k)
        }
        OfferCeasefire => {
            effects.push(Effect::flag(Flag::CeasefireOffered(dyad_id, me), true, &c));
            let other_offered = other.as_ref().is_some_and(|o| offered(ctx, &dyad_id, o));
            // When both offer in the same turn, the second offer (by id) makes the ceasefire, once.
            let other_now =
                other.as_ref().is_some_and(|o| ctx.on_dyad(&dyad_id).any(|x| x.tool == OfferCeasefire && x.actor == o));
            let completes = !other_now || other.as_ref().is_some_and(|o| me > *o);
            if other_offered && !d.ceasefire && completes {
                effects.push(Effect::flag(Flag::Ceasefire(dyad_id), true, &c));
                effects.push(Effect::happen(crate::scenario::Event::Ceasefire(dyad_id), &c));
                for s in &d.sides {
                    effects.push(Effect::shift(Var::Arms(dyad_id, *s), -5.0, &c));
                }
                explain!(ctx, "{name} offers a ceasefire; the other side has offered one too: a ceasefire holds.")
            } else {
                explain!(ctx, "{name} offers a ceasefire; it holds once the other side offers one as well.")
            }
        }
        AcceptMediation | RefuseMediation => return consent(order, ctx, d, effects),
        AcceptObservers => {
            effects.push(Effect::flag(Flag::AcceptsObservers(dyad_id, me), true, &c));
            explain!(ctx, "{name} consents to observers.")
        }
        RefuseObservers => {
            effects.push(Effect::flag(Flag::AcceptsObservers(dyad_id, me), false, &c));
            explain!(ctx, "{name} withholds consent to observers.")
        }
        Negotiate => return negotiate(order, index, ctx, dyad_id, effects),
        SignAgreement => return sign(order, ctx, dyad_id, effects),
        _ => unreachable!("routed to ground only for party moves"),
    };
    done(order, explanation)
}

/// Whether `actor` offered a ceasefire this turn or the turn before.
fn offered(ctx: &RuleCtx, dyad: &str, actor: &str) -> bool {
    let now = ctx.on_dyad(dyad).any(|o| o.tool == ToolKind::OfferCeasefire && o.actor == actor);
    let before = ctx.view.dyad(dyad).and_then(|d| d.side_of(actor).and_then(|i| d.ceasefire_offered[i]));
    now || before.is_some_and(|t| t + 1 >= ctx.turn)
}

/// Whether `actor` signed this turn or the turn before.
fn signed(ctx: &RuleCtx, dyad: &str, actor: &str) -> bool {
    let now = ctx.on_dyad(dyad).any(|o| o.tool == ToolKind::SignAgreement && o.actor == actor);
    let before = ctx.view.dyad(dyad).and_then(|d| d.side_of(actor).and_then(|i| d.signed[i]));
    now || before.is_some_and(|t| t + 1 >= ctx.turn)
}

/// A deal needs both signatures and a text both can live with: a way out of at least 50.
pub const AGREEMENT_WAY_OUT: f64 = 50.0;

fn sign(order: &OrderSpec, ctx: &RuleCtx, dyad_id: Id, effects: &mut Vec<Effect>) -> OutcomeRecord {
    let d = ctx.view.dyad(dyad_id).expect("checked");
    let c = ctx.cause(order);
    let name = ctx.name(&order.actor);
    effects.push(Effect::flag(Flag::Signed(dyad_id, order.actor), true, &c));
    let i = d.side_of(order.actor).expect("checked: a side");
    let other = d.sides[1 - i];
    let both = signed(ctx, &dyad_id, &other);
    // Only the second signature completes the deal, so it is reported once.
    let other_signs_now = ctx.on_dyad(&dyad_id).any(|o| o.tool == ToolKind::SignAgreement && o.actor == other);
    let completes = both && (order.actor > other || !other_signs_now);
    let mut outcome = done(order, String::new());
    outcome.factors = ctx.record_factors([factor("way out", d.way_out), factor("way out needed", AGREEMENT_WAY_OUT)]);
    if !both {
        outcome.result = "signed".into();
        outcome.explanation =
            explain!(ctx, "{name} signs; the agreement needs {}'s signature this turn or next.", ctx.name(&other));
    } else if d.way_out < AGREEMENT_WAY_OUT {
        outcome.result = "failed".into();
        outcome.explanation = explain!(
            ctx,
            "Both sides sign, but no text both can live with is on the table yet (way out {:.0} < {AGREEMENT_WAY_OUT:.0}): mediation must open a way out first.",
            d.way_out
        );
    } else if completes {
        outcome.result = "agreement".into();
        outcome.explanation = explain!(
            ctx,
            "{name} and {} have both signed: an agreement on {}.",
            ctx.name(&other),
            ctx.called(&dyad_id)
        );
        effects.push(Effect::flag(Flag::Agreement(dyad_id), true, &c));
        effects.push(Effect::happen(crate::scenario::Event::AgreementSigned(dyad_id), &c));
        effects.push(Effect::shift(Var::Stage(dyad_id), -2.0, &c));
        effects.push(Effect::shift(Var::WayOut(dyad_id), 10.0, &c));
        for s in &d.sides {
            effects.push(Effect::shift(Var::Arms(dyad_id, *s), -10.0, &c));
            effects.push(Effect::shift(Var::Grievance(dyad_id, *s), -3.0, &c));
        }
    } else {
        outcome.result = "signed".into();
        outcome.explanation = explain!(ctx, "{name} signs alongside {}.", ctx.name(&other));
    }
    outcome
}

fn negotiate(order: &OrderSpec, index: u32, ctx: &RuleCtx, dyad_id: Id, effects: &mut Vec<Effect>) -> OutcomeRecord {
    let d = ctx.view.dyad(dyad_id).expect("checked");
    let c = ctx.cause(order);
    let name = ctx.name(&order.actor);
    let i = d.side_of(order.actor).expect("checked: a side");
    let other = d.sides[1 - i];
    let both = ctx.on_dyad(&dyad_id).any(|o| o.tool == ToolKind::Negotiate && o.actor == other);
    if !both {
        effects.push(Effect::shift(Var::WayOut(dyad_id), 2.0, &c));
        let text = explain!(ctx, "{name} offers talks; {} does not come to the table this turn.", ctx.name(&other));
        return done(order, text);
    }
    let ripe = super::ripeness::ripeness(d, ctx.params);
    let trust = (ctx.view.trust(d.sides[0], d.sides[1]) + ctx.view.trust(d.sides[1], d.sides[0])) / 2.0;
    let factors = [
        factor("base for direct talks", 0.3),
        factor("ripeness", ripe.factor()),
        factor("trust between the parties", 0.6 + 0.8 * trust / 100.0),
        factor("timing (stage)", ctx.params.mediation_timing[usize::from(d.stage.clamp(1, 9)) - 1]),
    ];
    let probability = round4(factors.iter().map(|f| f.value).product::<f64>().clamp(0.02, 0.95));
    let (r, success) = ctx.decide(probability, &mut stream(ctx.seed, ctx.turn, &order.actor, index, "negotiate"));
    let factors = ctx.record_factors(factors);
    // Each side's order rolls; each success moves the text half as far as a mediated one.
    if success {
        effects.push(Effect::shift(Var::WayOut(dyad_id), 5.0, &c));
    }
    rolled(
        order,
        dyad_id,
        (probability, r, success),
        factors,
        explain!(
            ctx,
            "{name} talks directly with {}: P = {:.0}%, roll {:.2} → {}",
            ctx.name(&other),
            probability * 100.0,
            r,
            if success { "progress" } else { "no progress" }
        ),
    )
}

/// Skirmishes, strikes and spoilers' attacks: a clash with a toll.
/// (`d` is the dispute the order is aimed at, `k` the actor's potency with the tool.)
fn clash(
    order: &OrderSpec,
    index: u32,
    ctx: &RuleCtx,
    d: &DyadState,
    k: f64,
    effects: &mut Vec<Effect>,
) -> OutcomeRecord {
    let dyad_id = d.id;
    let c = ctx.cause(order);
    let name = ctx.name(&order.actor);
    let (chance, severity, what) = match order.tool {
        ToolKind::Skirmish => (0.8, 1.0, "skirmishes"),
        ToolKind::Strike => (0.95, 3.0, "strikes"),
        _ => {
            let spoiler = ctx.view.actor(order.actor).map_or(0.0, |a| a.spoiler);
            ((0.3 + spoiler / 100.0 * 0.6).min(0.9), 1.5, "attacks to derail the peace")
        }
    };
    let mut rng = stream(ctx.seed, ctx.turn, &order.actor, index, "clash");
    let (r, hit) = ctx.decide(chance, &mut rng);
    let r2 = if ctx.forced.is_some() { 0.5 } else { round4(roll(&mut rng)) };
    // Toll, displaced, hurt and grievance on both sides, attention, and perhaps a broken ceasefire.
    let deaths = if hit { clash_deaths(ctx, d, severity * k, r2) } else { 0 };
    if hit {
        effects.push(Effect::shift(Var::Deaths, deaths as f64, &c));
        effects.push(Effect::shift(Var::DisputeDeaths(dyad_id), deaths as f64, &c));
        effects.push(Effect::shift(Var::Displaced, round(deaths as f64 * ctx.params.displaced_per_death), &c));
        for s in &d.sides {
            effects.push(Effect::shift(Var::Hurt(dyad_id, *s), 4.0, &c));
            effects.push(Effect::shift(Var::Grievance(dyad_id, *s), 1.5, &c));
        }
        effects.push(Effect::shift(Var::PublicPressure, 4.0, &c));
        if d.ceasefire {
            effects.push(Effect::flag(Flag::Ceasefire(dyad_id), false, &c));
        }
        if order.tool == ToolKind::Spoil {
            effects.push(Effect::shift(Var::WayOut(dyad_id), -5.0, &c));
        }
    }
    let factors = ctx.record_factors([
        factor("chance of a clash", chance),
        factor("severity", severity * k),
        factor("toll roll", r2),
    ]);
    let explanation = if hit {
        explain!(ctx, "{name} {what}: {deaths} killed (roll {r:.2} < {chance:.2}).")
    } else {
        explain!(ctx, "{name} {what}, but there is no clash (roll {r:.2} ≥ {chance:.2}).")
    };
    // A rolled outcome whose result names what the roll decided: a clash or none.
    OutcomeRecord {
        result: if hit { "clash".into() } else { "no contact".into() },
        ..rolled(order, dyad_id, (chance, r, hit), factors, explanation)
    }
}

/// A party's word on mediation: on one mediator's track when it names the mediator (`with`), so it
/// can accept one and refuse another; otherwise on mediation in general. A refusal of all mediation
/// also withdraws its consent to every mediator it had accepted.
fn consent(order: &OrderSpec, ctx: &RuleCtx, d: &DyadState, effects: &mut Vec<Effect>) -> OutcomeRecord {
    let (c, me) = (ctx.cause(order), order.actor);
    let accepts = order.tool == ToolKind::AcceptMediation;
    let i = d.side_of(me).expect("checked: a side");
    let word = if accepts { Consent::Given } else { Consent::Refused };
    match order.with {
        Some(m) => {
            effects.push(Effect::track(TrackChange::Consent((d.id, m), me, word), &c));
            if accepts {
                effects.push(Effect::shift(Var::Trust(me, m), 3.0, &c));
            }
        }
        None => {
            effects.push(Effect::flag(Flag::AcceptsMediation(d.id, me), accepts, &c));
            if !accepts {
                for t in ctx.view.tracks.iter().filter(|t| t.dyad == d.id && t.consent[i] == Consent::Given) {
                    effects.push(Effect::track(TrackChange::Consent((d.id, t.mediator), me, word), &c));
                }
            }
        }
    }
    if !accepts {
        effects.push(Effect::shift(Var::Grievance(d.id, d.sides[1 - i]), 1.0, &c));
    }
    if !ctx.narrate {
        return done(order, String::new());
    }
    let (name, place) = (ctx.name(&me), ctx.called(&d.id));
    let mut explanation = match order.with {
        Some(m) if accepts => format!("{name} accepts mediation by {}.", ctx.name(&m)),
        None if accepts => format!("{name} accepts mediation."),
        Some(m) => format!(
            "{name} refuses mediation by {}; that mediator cannot work in {place} without its consent, others still can.",
            ctx.name(&m)
        ),
        None => format!("{name} refuses mediation; no mediator can work in {place} without its consent."),
    };
    // Courting a mediator the other side has refused, or refusing one it has accepted: forum shopping.
    let opposite = if accepts { Consent::Refused } else { Consent::Given };
    if order.with.is_some_and(|m| ctx.view.track(d.id, m).is_some_and(|t| t.consent[1 - i] == opposite)) {
        explanation.push_str(" The other side said the opposite of this mediator: each side courts its own forum.");
    }
    done(order, explanation)
}
