//! Third-party peacemaking: mediation (facilitative, formulative, directive), good offices and a
//! regional chair's facilitation.
//!
//! P(success) = base × ripeness × leverage × trust × coherence × timing(stage) × issue × fatalities
//! × style × capacity × potency ÷ √tracks, kept within 2–95% (Bercovitch; Zartman; domain brief §A).

use super::explain;
use super::ripeness::ripeness;
use super::{RuleCtx, factor, rolled};
use crate::engine::ledger::Effect;
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

/// Whether a tool is a mediating one: each such order on a dispute is a mediation track.
pub fn is_mediating(tool: ToolKind) -> bool {
    matches!(tool, ToolKind::Mediation | ToolKind::GoodOffices | ToolKind::ChairFacilitation)
}

/// How many mediation tracks a dyad has this turn: third parties mediating, facilitating or offering
/// good offices, with partners in a joint envoy counted as one track.
pub fn track_count(ctx: &RuleCtx, dyad: &str) -> usize {
    // One mediator (the usual case) is one track, whoever it shares an envoy with.
    let mediating = ctx.on_dyad(dyad).filter(|o| is_mediating(o.tool)).count();
    if mediating <= 1 {
        return mediating;
    }
    let mut mediators: Vec<Id> = ctx.on_dyad(dyad).filter(|o| is_mediating(o.tool)).map(|o| o.actor).collect();
    mediators.sort();
    mediators.dedup();
    // Joint envoys link mediators, also through a chain (a with b, b with c): one track per group.
    let mut links: Vec<(Id, Id)> = ctx.view.globals.joint_tracks.iter().cloned().collect();
    links.extend(
        ctx.accepted.iter().filter(|o| o.tool == ToolKind::JointEnvoy).filter_map(|o| o.with.map(|w| (o.actor, w))),
    );
    let mut group: std::collections::BTreeMap<Id, Id> = std::collections::BTreeMap::new();
    fn root(group: &std::collections::BTreeMap<Id, Id>, mut x: Id) -> Id {
        while let Some(parent) = group.get(&x).filter(|p| **p != x) {
            x = *parent;
        }
        x
    }
    for (a, b) in &links {
        let (ra, rb) = (root(&group, *a), root(&group, *b));
        if ra != rb {
            // The smaller id leads the merged group, so the result never depends on link order.
            let (lead, other) = if ra < rb { (ra, rb) } else { (rb, ra) };
            group.insert(other, lead);
        }
    }
    let mut heads: Vec<Id> = mediators.iter().map(|m| root(&group, *m)).collect();
    heads.sort();
    heads.dedup();
    heads.len()
}

pub fn resolve(order: &OrderSpec, index: u32, ctx: &RuleCtx, effects: &mut Vec<Effect>) -> OutcomeRecord {
    let p = ctx.params;
    let dyad_id: Id = order.target.as_ref().map(|t| t.id()).unwrap_or_default();
    let d: &DyadState = ctx.view.dyad(dyad_id).expect("checked: the dyad exists");
    let actor = ctx.view.actor(order.actor).expect("checked: the actor exists");
    let c = ctx.cause(order);
    let tracks = track_count(ctx, &dyad_id).max(1);
    let ripe = ripeness(d, p);
    let min_trust = d.sides.iter().map(|s| ctx.view.trust(s, order.actor)).fold(100.0, f64::min);
    // Uncoordinated tracks cost coherence now, not only next turn: the parties shop between forums.
    let coherence = (ctx.view.globals.coherence - p.parallel_track_penalty * (tracks as f64 - 1.0)).max(0.0);
    let style = match order.tool {
        ToolKind::Mediation => order.style.unwrap_or(MediationStyle::Facilitative),
        _ => MediationStyle::Facilitative,
    };
    let tool_factor = match order.tool {
        ToolKind::Mediation => 1.0,
        ToolKind::ChairFacilitation => 0.85,
        _ => 0.7,
    };
    let issue = ctx.view.scenario.dyad(dyad_id).map_or(IssueType::Security, |s| s.issue);
    let potency = ctx.potency(order);
    // The rule's factors (then, in the record, the ripeness factors behind its `ripeness`).
    let factors = [
        factor("base", p.mediation_base),
        factor("ripeness", 0.5 + ripe.value),
        factor("leverage", 0.7 + 0.6 * actor.leverage / 100.0),
        factor("trust of the less trusting party", 0.6 + 0.8 * min_trust / 100.0),
        factor("coherence", 0.6 + 0.8 * coherence / 100.0),
        factor("timing (stage)", p.mediation_timing[usize::from(d.stage.clamp(1, 9)) - 1]),
        factor("issue", issue_factor(issue)),
        factor("fatalities", fatality_factor(ctx.view.globals.deaths)),
        factor("style", style_factor(style)),
        factor("tool", tool_factor),
        factor("capacity", 0.8 + 0.4 * actor.capacity / 100.0),
        factor("potency", potency),
        factor("parallel tracks", 1.0 / (tracks as f64).sqrt()),
    ];
    let probability = round4(factors.iter().map(|f| f.value).product::<f64>().clamp(0.02, 0.95));
    let (r, success) = ctx.decide(probability, &mut stream(ctx.seed, ctx.turn, &order.actor, index, "mediation"));
    // The cost of forum shopping is charged once a turn per dispute, by its first mediating order.
    let first = ctx.on_dyad(&dyad_id).find(|o| is_mediating(o.tool));
    if tracks > 1 && first == Some(order) {
        effects.push(Effect::shift(Var::Coherence, -p.parallel_track_penalty * (tracks as f64 - 1.0), &c));
    }
    let potency = potency / tracks as f64;
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
    } else {
        // A failed attempt costs nothing but time, unless pressure was applied and resented.
        if style == MediationStyle::Directive {
            let side = d.sides[resisting];
            effects.push(Effect::shift(Var::Trust(side, order.actor), -8.0, &c));
        }
    }
    let what = match order.tool {
        ToolKind::Mediation => explain!(ctx, "{style:?} mediation"),
        ToolKind::GoodOffices => "good offices".into(),
        _ => "facilitation by the regional chair".into(),
    };
    let explanation = explain!(
        ctx,
        "{} — {} in {}: P = {:.0}% (ripeness {:.2}, {} track{}), roll {:.2} → {}",
        ctx.name(&order.actor),
        what,
        ctx.called(&dyad_id),
        probability * 100.0,
        ripe.value,
        tracks,
        if tracks == 1 { "" } else { "s" },
        r,
        if success { "success" } else { "no breakthrough" }
    );
    let factors = ctx.record_factors(factors.into_iter().chain(ripe.factors));
    rolled(order, dyad_id, (probability, r, success), factors, explanation)
}
