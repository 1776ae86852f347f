//! Chapter VIII: a regional body decides by its own rule, declared in the scenario (`decision:
//! Consensus`, `SimpleMajority`, `QualifiedMajority(p)`). A regional force goes in only by the decision
//! of the body it is sent under: its members' positions are counted by that rule, and the outcome
//! says who stood where.
//!
//! A member's position: the deploying actor is for; a member that is a side of the dispute is for
//! only if it consents to a deployment (it accepts observers); any other member is against when it
//! is a close friend of a side (tie ≥ 70) and wary of intervention (interventionism < 30), as a Council
//! member objects to a statement, and for otherwise.

use super::{RuleCtx, explain};
use crate::scenario::{Body, BodyKind, DecisionRule, Id};

/// A tie at least this close makes a member wary of intervention object.
const CLOSE_TIE: f64 = 70.0;
/// Interventionism below this makes a close friend of a side object.
const WARY: f64 = 30.0;

/// A regional body's decision on sending a force into a dispute.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub adopted: bool,
    /// "ECOWAS decides by consensus: for Ghana, Nigeria; against none. Adopted."
    pub explanation: String,
}

/// The regional body `actor` sends a force under into `dyad`: for a regional organisation, a body it
/// represents (`represented_by`), else any; for a state, a body it belongs to. Among those, one with a
/// side of the dispute among its members first (the dispute is local to it, Art. 52), else the first
/// in the scenario.
pub fn body_for<'s>(ctx: &RuleCtx<'s>, actor: Id, dyad: Id) -> Option<&'s Body> {
    let s = ctx.view.scenario;
    let organisation = s.actor(actor).is_some_and(|a| a.kind == crate::scenario::ActorKind::RegionalOrganisation);
    let sides = ctx.view.dyad(dyad).map(|d| d.sides).unwrap_or_default();
    let regional = || s.bodies.iter().filter(|b| matches!(b.kind, BodyKind::Regional { .. }));
    // A regional organisation speaks for the bodies it represents, if it represents any.
    let represents = organisation && regional().any(|b| b.represented_by == Some(actor));
    let eligible = move || {
        regional().filter(move |b| match (organisation, represents) {
            (true, true) => b.represented_by == Some(actor),
            (true, false) => true,
            (false, _) => b.has_member(&actor),
        })
    };
    eligible().find(|b| sides.iter().any(|side| b.has_member(side))).or_else(|| eligible().next())
}

/// How `body` decides to send `actor`'s force into `dyad`.
pub fn decide_on_force(ctx: &RuleCtx, body: &Body, actor: Id, dyad: Id) -> Decision {
    let BodyKind::Regional { members, decision, .. } = &body.kind else {
        return Decision { adopted: true, explanation: String::new() };
    };
    let d = ctx.view.dyad(dyad);
    let (mut yes, mut no): (Vec<&str>, Vec<String>) = (Vec::new(), Vec::new());
    for m in members {
        let Some(member) = ctx.view.scenario.actor(m) else { continue };
        let against = if *m == actor {
            None
        } else if let Some(i) = d.and_then(|d| d.side_of(*m)) {
            (!d.is_some_and(|d| d.accepts_observers[i])).then(|| "does not consent to a force on its side".to_string())
        } else {
            let sides = d.map(|d| d.sides).unwrap_or_default();
            member
                .ties
                .iter()
                .find(|(other, tie)| sides.contains(other) && *tie >= CLOSE_TIE)
                .filter(|_| member.attributes.interventionism < WARY)
                .map(|(other, tie)| format!("close to {} (tie {tie:.0}) and wary of intervention", ctx.name(other)))
        };
        match against {
            None => yes.push(ctx.name(m)),
            Some(why) => no.push(explain!(ctx, "{} ({why})", ctx.name(m))),
        }
    }
    let (y, n) = (yes.len() as f64, no.len() as f64);
    let (adopted, rule) = match decision {
        DecisionRule::Consensus => (no.is_empty(), "by consensus".to_string()),
        DecisionRule::SimpleMajority => (y > n, "by a simple majority".to_string()),
        DecisionRule::QualifiedMajority(p) => (y + n > 0.0 && 100.0 * y / (y + n) >= *p, format!("by a {p}% majority")),
    };
    let list = |names: &[String]| if names.is_empty() { "none".to_string() } else { names.join(", ") };
    let yes: Vec<String> = yes.into_iter().map(str::to_string).collect();
    let explanation = explain!(
        ctx,
        "{} decides {rule}: for {}; against {}. {}",
        body.name,
        list(&yes),
        list(&no),
        if adopted { "Decided." } else { "Not decided: no force goes in." }
    );
    Decision { adopted, explanation }
}
