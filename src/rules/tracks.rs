//! Mediation tracks on a dispute in one turn: who works together, who leads, and how far rival
//! tracks pull apart.
//!
//! - A **track** is a group of third parties mediating, facilitating or offering good offices on
//!   the dispute this turn. Partners in a joint envoy (`JointEnvoy`, this turn or earlier, also
//!   through a chain) are one track.
//! - **Good offices are supportive**: they join the main track (the first with a mediation or a
//!   chair's facilitation) instead of competing with it; where there is no such track, all good
//!   offices form one. (Ban's calls beside Natalegawa's shuttle in February 2011 backed the chair.)
//! - A track **rolls once**, by its lead (the strongest tool, then the most leverage, then the
//!   smallest id), with the members' leverage pooled. The other members' orders join it.
//! - **Rival tracks** cost each other as far as they **diverge**: more when their styles differ
//!   (facilitative, formulative, directive) and when the parties lean differently toward their
//!   leads (forum shopping pays when each party has its own favourite forum).

use std::collections::BTreeMap;

use super::RuleCtx;
use crate::scenario::{Id, MediationStyle, OrderSpec, ToolKind};

/// Whether a tool is a mediating one: each such order on a dispute belongs to a mediation track.
pub fn is_mediating(tool: ToolKind) -> bool {
    matches!(tool, ToolKind::Mediation | ToolKind::GoodOffices | ToolKind::ChairFacilitation)
}

/// Share of each other member's leverage added to the lead's in a joint track.
pub const POOLED_SHARE: f64 = 0.25;
/// The divergence of any two rival tracks, before their differences.
const DIVERGENCE_BASE: f64 = 0.3;
/// Added for the distance between the tracks' styles (0 same, 1 facilitative vs directive).
const DIVERGENCE_STYLE: f64 = 0.3;
/// Added for how differently the parties lean toward the two leads (full at 40 points apart).
const DIVERGENCE_LEAN: f64 = 0.4;
const LEAN_SPAN: f64 = 40.0;

/// One track this turn.
#[derive(Debug, Clone)]
pub struct Track<'o> {
    /// The order that rolls for the track.
    pub lead: &'o OrderSpec,
    /// Every member's order, the lead's first.
    pub members: Vec<&'o OrderSpec>,
}

/// The style an order mediates in (good offices and a chair's facilitation count as facilitative).
pub fn style_of(order: &OrderSpec) -> MediationStyle {
    match order.tool {
        ToolKind::Mediation => order.style.unwrap_or(MediationStyle::Facilitative),
        _ => MediationStyle::Facilitative,
    }
}

fn tool_rank(tool: ToolKind) -> u8 {
    match tool {
        ToolKind::Mediation => 2,
        ToolKind::ChairFacilitation => 1,
        _ => 0,
    }
}

/// The tracks on `dyad` this turn, in the order of their first member's order.
pub fn tracks<'o>(ctx: &'o RuleCtx, dyad: &str) -> Vec<Track<'o>> {
    let orders: Vec<&OrderSpec> = ctx.on_dyad(dyad).filter(|o| is_mediating(o.tool)).collect();
    if orders.len() <= 1 {
        return orders.into_iter().map(|o| Track { lead: o, members: vec![o] }).collect();
    }
    // Joint envoys link mediators, also through a chain (a with b, b with c): one group each.
    let mut parent: BTreeMap<Id, Id> = BTreeMap::new();
    fn root(parent: &BTreeMap<Id, Id>, mut x: Id) -> Id {
        while let Some(p) = parent.get(&x).filter(|p| **p != x) {
            x = *p;
        }
        x
    }
    let mut links: Vec<(Id, Id)> = ctx.view.globals.joint_tracks.iter().copied().collect();
    links.extend(
        ctx.accepted.iter().filter(|o| o.tool == ToolKind::JointEnvoy).filter_map(|o| o.with.map(|w| (o.actor, w))),
    );
    for (a, b) in links {
        let (ra, rb) = (root(&parent, a), root(&parent, b));
        if ra != rb {
            // The smaller id leads the merged group, so the result never depends on link order.
            let (lead, other) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent.insert(other, lead);
        }
    }
    let mut groups: Vec<(Id, Vec<&OrderSpec>)> = Vec::new();
    for o in &orders {
        let group = root(&parent, o.actor);
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => members.push(o),
            None => groups.push((group, vec![o])),
        }
    }
    // Good offices alone in their group support the main track, or one another.
    let main = groups.iter().position(|(_, m)| m.iter().any(|o| o.tool != ToolKind::GoodOffices));
    let (mut kept, supporters): (Vec<_>, Vec<_>) =
        groups.into_iter().partition(|(_, m)| m.iter().any(|o| o.tool != ToolKind::GoodOffices));
    let supporting: Vec<&OrderSpec> = supporters.into_iter().flat_map(|(_, m)| m).collect();
    match main {
        Some(_) => kept[0].1.extend(supporting),
        None => kept.push((Id::default(), supporting)),
    }
    kept.into_iter()
        .filter(|(_, m)| !m.is_empty())
        .map(|(_, mut members)| {
            let leverage = |o: &OrderSpec| ctx.view.actor(o.actor).map_or(0.0, |a| a.leverage);
            members.sort_by(|a, b| {
                tool_rank(b.tool)
                    .cmp(&tool_rank(a.tool))
                    .then(leverage(b).total_cmp(&leverage(a)))
                    .then(a.actor.cmp(&b.actor))
            });
            Track { lead: members[0], members }
        })
        .collect()
}

/// The pooled leverage of a track: the lead's, plus half of each other member's, at most 100.
pub fn pooled_leverage(ctx: &RuleCtx, track: &Track) -> f64 {
    let leverage = |o: &OrderSpec| ctx.view.actor(o.actor).map_or(0.0, |a| a.leverage);
    let others: f64 = track.members.iter().skip(1).map(|o| leverage(o)).sum();
    (leverage(track.lead) + POOLED_SHARE * others).min(100.0)
}

/// How far two tracks' leads pull apart, 0.3–1: their styles and the parties' leanings.
pub fn divergence(ctx: &RuleCtx, sides: [Id; 2], a: &OrderSpec, b: &OrderSpec) -> f64 {
    let rank = |s: MediationStyle| -> f64 {
        match s {
            MediationStyle::Facilitative => 0.0,
            MediationStyle::Formulative => 1.0,
            MediationStyle::Directive => 2.0,
        }
    };
    let style = (rank(style_of(a)) - rank(style_of(b))).abs() / 2.0;
    let lean = |o: &OrderSpec| ctx.view.trust(sides[0], o.actor) - ctx.view.trust(sides[1], o.actor);
    let lean = ((lean(a) - lean(b)).abs() / LEAN_SPAN).min(1.0);
    DIVERGENCE_BASE + DIVERGENCE_STYLE * style + DIVERGENCE_LEAN * lean
}
