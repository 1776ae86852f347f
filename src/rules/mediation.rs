//! Third-party peacemaking: mediation (facilitative, formulative, directive), good offices and a
//! regional chair's facilitation.
//!
//! P(success) = base × ripeness × leverage × trust × coherence × timing(stage) × issue × fatalities
//! × power disparity × style × tool × capacity × potency × rival tracks, kept within 2–95%
//! (Bercovitch; Zartman; domain brief §A). Who works together and who rivals whom: `tracks`.

use super::explain;
use super::ripeness::ripeness;
use super::tracks::{Track, divergence, pooled_leverage, style_of, tracks};
use super::{RuleCtx, done, factor, rolled};
use crate::engine::ledger::{Effect, TrackChange};
use crate::engine::record::OutcomeRecord;
use crate::engine::rng::{round4, stream};
use crate::engine::state::DyadState;
use crate::scenario::Id;
use crate::scenario::{IssueType, MediationStyle, OrderSpec, ToolKind, Var};

/// Bercovitch's success rates by issue (resources 70%, ethnic 67%, ideology 50%, sovereignty 45%,
/// security 41%), divided by their mean (54.6%) so a typical dispute scores 1. Governance, a power
/// struggle, is taken as ideology (a design choice).
pub fn issue_factor(issue: IssueType) -> f64 {
    match issue {
        IssueType::Resources => 1.28,
        IssueType::Ethnic => 1.23,
        IssueType::Ideology | IssueType::Governance => 0.92,
        IssueType::Sovereignty => 0.82,
        IssueType::Security => 0.75,
    }
}

/// Bercovitch: 64% success at 100–500 deaths, 39% above 10,000: a factor from 1 down to 0.61.
pub fn fatality_factor(deaths: u64) -> f64 {
    if deaths <= 500 { 1.0 } else { 1.0 - 0.39 * ((deaths - 500) as f64 / 9_500.0).min(1.0) }
}

fn style_factor(style: MediationStyle) -> f64 {
    match style {
        MediationStyle::Facilitative => 0.9,
        MediationStyle::Formulative => 1.0,
        // Bercovitch & Houston: directive strategies go with success.
        MediationStyle::Directive => 1.15,
    }
}

/// A chair's facilitation works as far as the parties accept the chair: × 0.4 with neither side
/// consenting to it, 0.7 with one, 1 with both. (Thailand kept ASEAN at arm's length until it
/// accepted Indonesia's role on 22 February 2011.)
fn chair_consent_factor(ctx: &RuleCtx, d: &DyadState, chair: Id) -> f64 {
    let consenting = (0..2).filter(|i| ctx.view.consents(d, *i, chair)).count() as f64;
    0.4 + 0.3 * consenting
}

/// Power disparity between the parties (their arms): success falls from parity to high disparity,
/// 51% against 33% in Bercovitch 1996 [11] (×0.65): 1 − 0.41 × (1 − weaker/stronger).
pub fn disparity_factor(d: &DyadState) -> f64 {
    let (weaker, stronger) = (d.arms[0].min(d.arms[1]), d.arms[0].max(d.arms[1]).max(1.0));
    1.0 - DISPARITY_WEIGHT * (1.0 - weaker / stronger)
}

/// The weight of power disparity: 100:15 arms give × 0.65 (see `disparity_factor`).
const DISPARITY_WEIGHT: f64 = 0.41;
/// A failed attempt that was not directive costs the way out a little (the parties see talks
/// stall) and each side's trust in the mediator: mediating blindly is not free.
const FAILURE_WAY_OUT: f64 = 1.0;
const FAILURE_TRUST: f64 = 3.0;

pub fn resolve(order: &OrderSpec, index: u32, ctx: &RuleCtx, effects: &mut Vec<Effect>) -> OutcomeRecord {
    let dyad_id: Id = order.target.as_ref().map(|t| t.id()).unwrap_or_default();
    let tracks = tracks(ctx, &dyad_id);
    let mine = tracks.iter().position(|t| t.members.iter().any(|m| std::ptr::eq(*m, order))).unwrap_or(0);
    let track = &tracks[mine];
    if !std::ptr::eq(track.lead, order) {
        return joined(order, track, ctx);
    }
    let p = ctx.params;
    let d: &DyadState = ctx.view.dyad(dyad_id).expect("checked: the dyad exists");
    let actor = ctx.view.actor(order.actor).expect("checked: the actor exists");
    let c = ctx.cause(order);
    let n = tracks.len();
    // Rival tracks cost as far as they diverge from this one.
    let apart: f64 = tracks
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != mine)
        .map(|(_, other)| divergence(ctx, d.sides, order, other.lead))
        .sum();
    let ripe = ripeness(d, p);
    let min_trust = d.sides.iter().map(|s| ctx.view.trust(s, order.actor)).fold(100.0, f64::min);
    let coherence = ctx.view.globals.coherence;
    let style = style_of(order);
    let tool_factor = match order.tool {
        ToolKind::Mediation => 1.0,
        ToolKind::ChairFacilitation => 0.85 * chair_consent_factor(ctx, d, order.actor),
        _ => 0.7,
    };
    let issue = ctx.view.scenario.dyad(dyad_id).map_or(IssueType::Security, |s| s.issue);
    let potency = ctx.potency(order);
    let suspended = ctx.view.track(dyad_id, order.actor).and_then(|t| t.suspended).is_some();
    // The rule's factors (then, in the record, the ripeness factors behind its `ripeness`).
    let factors = [
        factor("base", p.mediation_base),
        factor("ripeness", ripe.factor()),
        factor("leverage (pooled)", 0.7 + 0.6 * pooled_leverage(ctx, track) / 100.0),
        factor("trust of the less trusting party", 0.6 + 0.8 * min_trust / 100.0),
        factor("coherence", 0.6 + 0.8 * coherence / 100.0),
        factor("timing (stage)", p.mediation_timing[usize::from(d.stage.clamp(1, 9)) - 1]),
        factor("issue", issue_factor(issue)),
        factor("fatalities", fatality_factor(ctx.view.globals.deaths)),
        factor("power disparity", disparity_factor(d)),
        factor("style", style_factor(style)),
        factor("tool", tool_factor),
        factor("capacity", 0.8 + 0.4 * actor.capacity / 100.0),
        factor("potency", potency),
        factor("rival tracks", 1.0 / (1.0 + apart)),
    ];
    // Shown only where it applies: most attempts follow no suspension.
    let resumed = suspended.then(|| factor("resumed after a suspension", super::suspension::RESUMED));
    let product = factors.iter().chain(&resumed).map(|f| f.value).product::<f64>();
    let probability = round4(product.clamp(0.02, 0.95));
    let (r, success) = ctx.decide(probability, &mut stream(ctx.seed, ctx.turn, &order.actor, index, "mediation"));
    // The attempt is the lead's track's: it begins if need be, and resumes if it was suspended.
    let supporters = track.members[1..].iter().map(|m| m.actor).collect();
    effects.push(Effect::track(TrackChange::Attempt((dyad_id, order.actor), style, supporters), &c));
    if suspended {
        effects.push(Effect::track(TrackChange::Suspend((dyad_id, order.actor), false), &c));
    }
    // The cost of forum shopping is charged once a turn per dispute, by the first track's lead.
    if n > 1 && mine == 0 {
        let total: f64 = (1..n).map(|i| divergence(ctx, d.sides, tracks[0].lead, tracks[i].lead)).sum();
        effects.push(Effect::shift(Var::Coherence, round4(-p.parallel_track_penalty * total), &c));
    }
    // A success of a track with rivals moves the text less: the parties hold back for the other forum.
    let potency = potency / (1.0 + apart);
    let resisting = if d.win_belief[0] >= d.win_belief[1] { 0 } else { 1 };
    if success {
        let gain = match (order.tool, style) {
            (ToolKind::GoodOffices, _) => 8.0,
            (ToolKind::ChairFacilitation, _) => 10.0,
            (_, MediationStyle::Facilitative) => 12.0,
            (_, MediationStyle::Formulative) => 16.0,
            (_, MediationStyle::Directive) => 18.0,
        };
        effects.push(Effect::shift(Var::WayOut(dyad_id), gain * potency, &c));
        effects.push(Effect::shift(Var::Enticement(dyad_id), 4.0 * potency, &c));
        if order.tool != ToolKind::GoodOffices && d.stage > 1 {
            effects.push(Effect::shift(Var::Stage(dyad_id), -1.0, &c));
        }
        for side in &d.sides {
            effects.push(Effect::shift(Var::Grievance(dyad_id, *side), -1.0, &c));
            effects.push(Effect::shift(Var::Trust(*side, order.actor), 2.0, &c));
        }
        if style == MediationStyle::Directive {
            let side = d.sides[resisting];
            effects.push(Effect::shift(Var::Hurt(dyad_id, side), 8.0, &c));
            effects.push(Effect::shift(Var::Trust(side, order.actor), -5.0, &c));
        }
    } else if style == MediationStyle::Directive {
        // Pressure applied and resented.
        let side = d.sides[resisting];
        effects.push(Effect::shift(Var::Trust(side, order.actor), -8.0, &c));
    } else {
        // Talks that go nowhere: the text recedes and the parties tire of the mediator.
        effects.push(Effect::shift(Var::WayOut(dyad_id), -FAILURE_WAY_OUT, &c));
        for side in &d.sides {
            effects.push(Effect::shift(Var::Trust(*side, order.actor), -FAILURE_TRUST, &c));
        }
    }
    let what = match order.tool {
        ToolKind::Mediation => explain!(ctx, "{style:?} mediation"),
        ToolKind::GoodOffices => "good offices".into(),
        _ => "facilitation by the regional chair".into(),
    };
    let with = if track.members.len() > 1 {
        explain!(
            ctx,
            " with {}",
            track.members[1..].iter().map(|m| ctx.name(&m.actor)).collect::<Vec<_>>().join(" and ")
        )
    } else {
        String::new()
    };
    let explanation = explain!(
        ctx,
        "{} — {}{} in {}: P = {:.0}% (ripeness {:.2}, {} track{}), roll {:.2} → {}",
        ctx.name(&order.actor),
        what,
        with,
        ctx.called(&dyad_id),
        probability * 100.0,
        ripe.value,
        n,
        if n == 1 { "" } else { "s" },
        r,
        if success { "success" } else { "no breakthrough" }
    );
    let factors = ctx.record_factors(factors.into_iter().chain(resumed).chain(ripe.factors));
    rolled(order, dyad_id, (probability, r, success), factors, explanation)
}

/// A member's order in a track another member leads: no roll of its own; its weight is in the
/// lead's pooled leverage.
fn joined(order: &OrderSpec, track: &Track, ctx: &RuleCtx) -> OutcomeRecord {
    let mut outcome = done(
        order,
        explain!(
            ctx,
            "{} works inside {}'s track on {}: one attempt, leverage pooled (see {}'s roll).",
            ctx.name(&order.actor),
            ctx.name(&track.lead.actor),
            ctx.called(&order.target.as_ref().map(|t| t.id()).unwrap_or_default()),
            ctx.name(&track.lead.actor)
        ),
    );
    outcome.result = "joined".into();
    outcome
}
