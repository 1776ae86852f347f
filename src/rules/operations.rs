//! Missions on the ground (`engine::operations`): how they are mandated, sent and set up (a
//! Council's or the Assembly's mandate, its renewal and budget; a regional force; a commission of
//! inquiry), and what they do each turn, before the dispute's own dynamics:
//!
//! - **Force generation.** A peace operation's strength on the ground grows towards its authorised
//!   strength, reaching it in about six months ([`FULL_STRENGTH_DAYS`]; a regional force in two);
//!   without an approved budget it stops at the start-up share the Secretary-General can fund
//!   ([`UNFINANCED_SHARE`]).
//! - **The end of a mandate.** An operation whose mandate has run out leaves, unless the Council
//!   renewed it; a commission of inquiry whose term is over reports.
//! - **Tasks**, each scaled by how well the operation works now (`deployment::effectiveness`):
//!   disarmament cuts both sides' arms once an agreement holds; support to a transition widens the
//!   way out while a ceasefire or an agreement holds; human-rights work eases grievances; the rule of
//!   law weakens spoilers. Ceasefire monitoring and the protection of civilians act inside the
//!   dynamics ([`on_the_ground`]): a ceasefire breaks down less often, clashes kill fewer people.
//!
//! Every number here is a design choice for play, named and documented in docs/rules.md ("Missions on
//! the ground").

use super::deployment::effectiveness;
use super::{RuleCtx, explain};
use crate::engine::keyed::Keyed;
use crate::engine::ledger::{Effect, OperationChange};
use crate::engine::operations::{Operation, OperationKind};
use crate::engine::rng::{round, round4};
use crate::engine::state::DyadState;
use crate::engine::view::View;
use crate::scenario::{BodyKind, Chapter, Event, Id, Mandate, Task, Var};

/// Days a financed operation takes to field its whole authorised strength: troop contributors are
/// found, equipped and flown in over months, not weeks.
pub const FULL_STRENGTH_DAYS: f64 = 180.0;
/// Days a regional force takes: neighbours' troops are close at hand (ECOMIL's first battalions
/// landed days after resolution 1497 [69]).
pub const REGIONAL_FULL_STRENGTH_DAYS: f64 = 60.0;
/// A regional force's strength: this many personnel per point of its leader's capacity, rounded to a
/// hundred (Nigeria's 60 gives 3,000, about ECOMIL's size).
pub const REGIONAL_PERSONNEL_PER_CAPACITY: f64 = 50.0;
/// The share of its authorised strength an operation fields before its budget is approved.
pub const UNFINANCED_SHARE: f64 = 0.25;
/// Disarmament: each side's arms cut a turn, times effectiveness (with an agreement).
const DISARMAMENT: f64 = 3.0;
/// Transition: the way out widened a turn, times effectiveness (with a ceasefire or agreement).
const TRANSITION: f64 = 2.0;
/// Human rights: each side's grievance eased a turn, times effectiveness.
const HUMAN_RIGHTS: f64 = 1.0;
/// Rule of law: each spoiler of the dispute weakened a turn, times effectiveness.
const RULE_OF_LAW: f64 = 2.0;
/// Protection of civilians: the share of a clash's deaths prevented at full effectiveness.
pub const PROTECTED_SHARE: f64 = 0.4;
/// Ceasefire monitoring: the share of the chance of a breakdown removed at full effectiveness (on
/// top of the presence of a force, `dynamics`).
pub const MONITORED_SHARE: f64 = 0.4;

/// The missions' weight in one dispute this turn, each 0–1: what the dynamics read.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct OnTheGround {
    /// 1 where observers are deployed.
    pub observers: f64,
    /// A peace operation's effectiveness.
    pub force: f64,
    /// Its effectiveness if it monitors a ceasefire, else 0.
    pub monitoring: f64,
    /// Its effectiveness if it protects civilians, else 0.
    pub protection: f64,
}

/// With a UN operation and a regional force both there, each weighs as far as the better of the two
/// does it: they do not add up beyond what the dispute needs.
pub fn on_the_ground(view: &View, d: &DyadState) -> OnTheGround {
    let mut ground = OnTheGround::default();
    for op in view.operations.iter().filter(|o| o.dyad == d.id) {
        match op.kind {
            OperationKind::Observers => ground.observers = 1.0,
            OperationKind::Inquiry => {}
            OperationKind::PeaceOperation | OperationKind::RegionalForce => {
                let force = effectiveness(d, op.deployed).value;
                let tasked = |t: Task| if op.has(t) { force } else { 0.0 };
                ground.force = ground.force.max(force);
                ground.monitoring = ground.monitoring.max(tasked(Task::CeasefireMonitoring));
                ground.protection = ground.protection.max(tasked(Task::ProtectionOfCivilians));
            }
        }
    }
    ground
}

/// The effects of every mission in force this turn.
pub fn in_force_effects(ctx: &RuleCtx, effects: &mut Vec<Effect>) {
    for op in ctx.view.operations.iter().copied() {
        let Some(d) = ctx.view.dyad(op.dyad) else { continue };
        let cause = explain!(ctx, "{}", crate::names::Names::new(ctx.view.scenario).operation(op));
        if op.until.is_some_and(|last| last < ctx.turn) {
            if op.kind == OperationKind::Inquiry {
                report(ctx, op, &explain!(ctx, "{cause}: its report"), effects);
            } else {
                let ends = explain!(ctx, "{cause}: its mandate ends");
                effects.push(Effect::operation(OperationChange::End(op.key()), &ends));
            }
            continue;
        }
        if matches!(op.kind, OperationKind::PeaceOperation | OperationKind::RegionalForce) {
            let deployed = generated(ctx, op);
            if deployed != op.deployed {
                effects.push(Effect::operation(OperationChange::Deploy(op.key(), deployed), &cause));
            }
            tasks(op, d, effectiveness(d, deployed).value, &cause, ctx, effects);
        }
    }
}

/// The strength on the ground at the end of force generation this turn.
fn generated(ctx: &RuleCtx, op: &Operation) -> u32 {
    let days = f64::from(ctx.view.scenario.meta.length_of_turn(ctx.turn).days());
    let ceiling = if op.financed { op.authorised } else { round(f64::from(op.authorised) * UNFINANCED_SHARE) as u32 };
    let full = if op.kind == OperationKind::RegionalForce { REGIONAL_FULL_STRENGTH_DAYS } else { FULL_STRENGTH_DAYS };
    let step = (round(f64::from(op.authorised) * days / full) as u32).max(1);
    op.deployed.max(op.deployed.saturating_add(step).min(ceiling))
}

fn tasks(op: &Operation, d: &DyadState, v: f64, cause: &str, ctx: &RuleCtx, effects: &mut Vec<Effect>) {
    if v <= 0.0 {
        return;
    }
    for task in &op.tasks {
        match task {
            Task::Disarmament if d.agreement => {
                for side in d.sides {
                    effects.push(Effect::shift(Var::Arms(d.id, side), round4(-DISARMAMENT * v), cause));
                }
            }
            Task::Transition if d.agreement || d.ceasefire => {
                effects.push(Effect::shift(Var::WayOut(d.id), round4(TRANSITION * v), cause));
            }
            Task::HumanRights => {
                for side in d.sides {
                    effects.push(Effect::shift(Var::Grievance(d.id, side), round4(-HUMAN_RIGHTS * v), cause));
                }
            }
            Task::RuleOfLaw => {
                for sp in ctx.view.scenario.conflict.spoilers.iter().filter(|s| s.dyad == d.id) {
                    effects.push(Effect::shift(Var::Spoiler(sp.actor), round4(-RULE_OF_LAW * v), cause));
                }
            }
            // Acting inside the dynamics (`on_the_ground`), or waiting for a peace to support.
            Task::CeasefireMonitoring | Task::ProtectionOfCivilians | Task::Disarmament | Task::Transition => {}
        }
    }
}

/// A peace operation mandated by `body` (the Council, or the Assembly's recommendation): it starts
/// only where the principles hold (`deployment::assess`); returns the sentence for the vote's result.
pub fn mandate(
    ctx: &RuleCtx,
    m: &Mandate,
    chapter: Chapter,
    body: Id,
    cause: &str,
    effects: &mut Vec<Effect>,
) -> String {
    let Some(ds) = ctx.view.dyad(m.dyad) else { return String::new() };
    if ctx.view.operation(m.dyad, OperationKind::PeaceOperation).is_some() {
        return explain!(ctx, "A peace operation is already mandated in {}: nothing changes.", ctx.called(&m.dyad));
    }
    let principles = super::deployment::assess(ds, chapter, m.personnel);
    if principles.deploys() {
        let financed = financed_at_once(ctx, body);
        let mut tasks = m.tasks.clone();
        tasks.sort();
        tasks.dedup();
        // A regional force in the dispute hands over: its troops put on blue helmets.
        let regional = ctx.view.operation(m.dyad, OperationKind::RegionalForce);
        let rehatted = regional.map_or(0, |r| r.deployed.min(m.personnel));
        if let Some(r) = regional {
            effects.push(Effect::operation(OperationChange::End(r.key()), cause));
        }
        let op = Operation {
            dyad: m.dyad,
            kind: OperationKind::PeaceOperation,
            mandated_by: body,
            enforcement: chapter == Chapter::VII,
            tasks,
            authorised: m.personnel,
            deployed: rehatted,
            financed,
            since: ctx.turn,
            until: m.turns.map(|t| ctx.turn + t.max(1) - 1),
        };
        effects.push(Effect::operation(OperationChange::Start(Box::new(op)), cause));
        effects.push(Effect::happen(Event::PeaceOperation(m.dyad), cause));
        let budget = if financed {
            ""
        } else {
            " Its budget must still be approved by the General Assembly: until then it can field only a quarter of its strength."
        };
        let handover = match regional {
            Some(r) => format!(
                " It takes over the regional force led by {}: {} of its personnel are on the ground from the start.",
                ctx.name(&r.mandated_by),
                crate::names::count(u64::from(rehatted))
            ),
            None => String::new(),
        };
        return explain!(ctx, "{}{budget}{handover}", principles.explain(ds.stage));
    }
    explain!(ctx, "{}", principles.explain(ds.stage))
}

/// Whether an operation mandated by `body` has its budget at once: where the Assembly mandates it
/// (it votes the money with the mission), or where the scenario has no Assembly to vote it (taken
/// as approved, off stage). A Council operation in a scenario with an Assembly waits for its vote.
fn financed_at_once(ctx: &RuleCtx, body: Id) -> bool {
    let assembly = |b: &crate::scenario::Body| matches!(b.kind, BodyKind::GeneralAssembly { .. });
    ctx.view.scenario.body(body).is_some_and(assembly) || !ctx.view.scenario.bodies.iter().any(assembly)
}

/// The Council extends the mandate of the peace operation in `dyad` by `turns` turns.
pub fn renew(ctx: &RuleCtx, dyad: Id, turns: u32, cause: &str, effects: &mut Vec<Effect>) -> String {
    let Some(op) = ctx.view.operation(dyad, OperationKind::PeaceOperation) else {
        return explain!(ctx, "No peace operation is deployed in {}: there is no mandate to renew.", ctx.called(&dyad));
    };
    let Some(last) = op.until else {
        return explain!(ctx, "The mandate in {} has no end date: nothing to renew.", ctx.called(&dyad));
    };
    let until = last.max(ctx.turn - 1) + turns;
    effects.push(Effect::operation(OperationChange::Extend(op.key(), until), cause));
    explain!(ctx, "The mandate in {} now runs to the end of turn {until}.", ctx.called(&dyad))
}

/// The General Assembly approves the budget of the peace operation in `dyad` (Art. 17(2)).
pub fn finance(ctx: &RuleCtx, dyad: Id, body: Id, cause: &str, effects: &mut Vec<Effect>) -> String {
    let is_assembly = ctx.view.scenario.body(body).is_some_and(|b| matches!(b.kind, BodyKind::GeneralAssembly { .. }));
    if !is_assembly {
        return explain!(
            ctx,
            "Only the General Assembly approves a peace operation's budget (Art. 17): nothing changes."
        );
    }
    match ctx.view.operation(dyad, OperationKind::PeaceOperation) {
        Some(op) if !op.financed => {
            effects.push(Effect::operation(OperationChange::Finance(op.key()), cause));
            explain!(
                ctx,
                "The budget of the peace operation in {} is approved, shared among all members by assessment: it can now deploy in full.",
                ctx.called(&dyad)
            )
        }
        Some(_) => explain!(ctx, "The peace operation in {} is already financed.", ctx.called(&dyad)),
        None => {
            explain!(ctx, "No peace operation is deployed in {}: there is no budget to approve.", ctx.called(&dyad))
        }
    }
}

/// The regional body that the Council authorised to use force and that `actor` may act for (a state
/// for the bodies it belongs to, a regional organisation for any regional body), if any.
pub fn force_authorised_for(view: &View, actor: Id) -> Option<Id> {
    let s = view.scenario;
    let organisation = s.actor(actor).is_some_and(|a| a.kind == crate::scenario::ActorKind::RegionalOrganisation);
    s.bodies
        .iter()
        .filter(|b| matches!(b.kind, BodyKind::Regional { .. }) && (organisation || b.has_member(&actor)))
        .find(|b| view.happened(&Event::RegionalForceAuthorised(b.id)))
        .map(|b| b.id)
}

/// `DeployRegionalForce`: a force of the leader's capacity × 50, paid by its contributors, sent under
/// a regional body that decides by its own rule (`rules::regional`); under the Council's authorisation
/// where there is one (then it may act without consent), else with both parties' consent (`check`
/// refuses it with neither). Returns the outcome's sentence and whether the force went in.
pub fn regional_force(
    ctx: &RuleCtx,
    order: &crate::scenario::OrderSpec,
    cause: &str,
    effects: &mut Vec<Effect>,
) -> (String, bool) {
    let dyad = order.target.as_ref().map(|t| t.id()).unwrap_or_default();
    let decision = super::regional::body_for(ctx, order.actor, dyad)
        .map(|body| super::regional::decide_on_force(ctx, body, order.actor, dyad));
    if let Some(d) = decision.as_ref().filter(|d| !d.adopted) {
        return (d.explanation.clone(), false);
    }
    let capacity = ctx.view.actor(order.actor).map_or(0.0, |a| a.capacity);
    let personnel = ((round(capacity * REGIONAL_PERSONNEL_PER_CAPACITY / 100.0) * 100.0) as u32).max(100);
    let authorised_by = force_authorised_for(ctx.view, order.actor);
    let op = Operation {
        dyad,
        kind: OperationKind::RegionalForce,
        mandated_by: order.actor,
        enforcement: authorised_by.is_some(),
        tasks: Task::SHORT_FORM.to_vec(),
        authorised: personnel,
        deployed: 0,
        financed: true,
        since: ctx.turn,
        until: None,
    };
    effects.push(Effect::operation(OperationChange::Start(Box::new(op)), cause));
    effects.push(Effect::happen(Event::RegionalForceDeployed(dyad), cause));
    let under = match authorised_by {
        Some(b) => format!("under the Council's authorisation of {} (Art. 53)", ctx.called(&b)),
        None => "with both parties' consent".to_string(),
    };
    let decided = decision.map_or_else(String::new, |d| format!("{} ", d.explanation));
    let text = explain!(
        ctx,
        "{decided}{} leads a regional force of {} into {} {under}, paid by its contributors; its troops arrive over the next turns.",
        ctx.name(&order.actor),
        crate::names::count(u64::from(personnel)),
        ctx.called(&dyad)
    );
    (text, true)
}

/// Days a commission of inquiry works before it reports: about five months, as Kenya's of 2008 took
/// (the Kriegler review from 15 March, the Waki commission to October [50][51]).
pub const INQUIRY_DAYS: i64 = 150;
/// When it reports: attention to the toll it counts, per inquiry.
const FINDINGS_PRESSURE: f64 = 6.0;
/// When it reports: each spoiler of the dispute weakened (accountability looms).
const FINDINGS_SPOILER: f64 = 6.0;
/// When it reports: each side's leaders hurt (names are named; they may reject it, as Kyrgyzstan's
/// authorities did in 2011 [67]).
const FINDINGS_HURT: f64 = 3.0;

/// A commission of inquiry into `dyad` starts its work (one at a time in a dispute: a second one set
/// up while it works joins it). Returns when it will report, in words.
pub fn set_up_inquiry(ctx: &RuleCtx, dyad: Id, by: Id, cause: &str, effects: &mut Vec<Effect>) -> String {
    effects.push(Effect::happen(Event::InquirySetUp(dyad), cause));
    if let Some(working) = ctx.view.operation(dyad, OperationKind::Inquiry) {
        let due = working.until.map_or(ctx.turn, |t| t + 1);
        return explain!(
            ctx,
            "The inquiry already at work in {} takes it up; it reports in turn {due}.",
            ctx.called(&dyad)
        );
    }
    let meta = &ctx.view.scenario.meta;
    let start = meta.days_before_turn(ctx.turn);
    // The first turn that begins once its days are over (or the one after the last).
    let due = (ctx.turn + 1..=meta.turns + 1)
        .find(|t| meta.days_before_turn(*t) - start >= INQUIRY_DAYS)
        .unwrap_or(meta.turns + 1);
    let op = Operation {
        dyad,
        kind: OperationKind::Inquiry,
        mandated_by: by,
        enforcement: false,
        tasks: Vec::new(),
        authorised: 0,
        deployed: 0,
        financed: true,
        since: ctx.turn,
        until: Some(due - 1),
    };
    effects.push(Effect::operation(OperationChange::Start(Box::new(op)), cause));
    if due > meta.turns {
        explain!(ctx, "It will report in about five months, after the game's last turn.")
    } else {
        explain!(ctx, "It will report in about five months, in turn {due}.")
    }
}

/// An inquiry's findings: the toll it counts draws attention, spoilers face accountability, each
/// side's leaders are named.
fn report(ctx: &RuleCtx, op: &Operation, cause: &str, effects: &mut Vec<Effect>) {
    effects.push(Effect::operation(OperationChange::End(op.key()), cause));
    effects.push(Effect::happen(Event::InquiryReported(op.dyad), cause));
    effects.push(Effect::shift(Var::PublicPressure, FINDINGS_PRESSURE, cause));
    for sp in ctx.view.scenario.conflict.spoilers.iter().filter(|s| s.dyad == op.dyad) {
        effects.push(Effect::shift(Var::Spoiler(sp.actor), -FINDINGS_SPOILER, cause));
    }
    if let Some(d) = ctx.view.dyad(op.dyad) {
        for side in d.sides {
            effects.push(Effect::shift(Var::Hurt(d.id, side), FINDINGS_HURT, cause));
        }
    }
}
