//! Council and Assembly business, resolved in the deliberation phase: bringing a dispute to the
//! Council (Art. 35), briefings, press elements, press statements and presidential statements (all
//! fifteen must agree), draft resolutions voted by Art. 27, Uniting for Peace and the Assembly's
//! two-thirds (domain brief §B).
//!
//! A member's position comes from its attributes (readiness to back coercive measures, ties to the
//! parties, public pressure) unless its group gave an explicit ballot; both are logged.

use super::council_vote::{Cast, Matter, Threshold, count};
use super::explain;
use super::sanctions::{lift_effects, sanction_effects};
use super::{RuleCtx, done, factor};
use crate::engine::ledger::{Effect, OperationChange};
use crate::engine::operations::{OperationKind, observers};
use crate::engine::record::Ballot;
use crate::engine::record::{OutcomeRecord, VoteRecord};
use crate::engine::rng::round4;
use crate::names::Names;
use crate::scenario::Id;
use crate::scenario::{Actor, BodyKind, Chapter, Draft, DraftContent, Event, Mandate, OrderSpec, Task, ToolKind, Var};

/// The closest tie a member has to a party of any dispute: (party, tie).
fn closest_party_tie<'m>(ctx: &RuleCtx, member: &'m Actor) -> Option<(&'m str, f64)> {
    // Fixed by the scenario (ties and parties do not change in a game), so found once in its index.
    let (party, tie) = &member.ties[ctx.view.scenario.lookup().closest_party_tie(&member.id)?];
    Some((party.as_str(), *tie))
}

/// Whether a member (of actor rank `rank`) blocks a consensus statement, and why. A member objects
/// when it is a close friend of a party (tie ≥ `tie_limit`) and wary of intervention
/// (interventionism < 30).
fn objection(ctx: &RuleCtx, member: &Actor, rank: usize, tie_limit: f64) -> Option<String> {
    let (party, tie) = &member.ties[ctx.view.scenario.lookup().closest_party_tie_at(rank)?];
    let tie = *tie;
    (tie >= tie_limit && member.attributes.interventionism < 30.0).then(|| {
        explain!(
            ctx,
            "{} objects: close to {} (tie {tie:.0}) and wary of intervention ({:.0})",
            member.name,
            ctx.name(party),
            member.attributes.interventionism
        )
    })
}

/// How far a member supports a draft, 0–1, with the reasons.
pub fn draft_support(ctx: &RuleCtx, member: &Actor, draft: &Draft) -> (f64, String) {
    let mut score = member.attributes.interventionism / 100.0;
    let mut reasons = vec![explain!(ctx, "readiness {:.2}", score)];
    let coercive = draft
        .contents
        .iter()
        .filter(|c| {
            matches!(
                c,
                DraftContent::Sanctions(..)
                    | DraftContent::AuthoriseRegionalForce(_)
                    | DraftContent::IccReferral(_)
                    | DraftContent::PeaceOperation(..)
                    | DraftContent::Mandate(_)
            )
        })
        .count();
    if draft.chapter == Chapter::VII {
        score -= 0.2;
        reasons.push("Chapter VII −0.20".into());
    }
    if coercive > 0 {
        score -= 0.15 * coercive as f64;
        reasons.push(explain!(ctx, "coercive measures −{:.2}", 0.15 * coercive as f64));
    } else {
        score += 0.15;
        reasons.push("mild text +0.15".into());
    }
    if let Some((party, tie)) = closest_party_tie(ctx, member)
        && tie > 0.0
    {
        let targeted = draft.contents.iter().any(|c| matches!(c, DraftContent::Sanctions(a, _) if *a == party));
        let cost = tie / 100.0 * if targeted { 0.8 } else { 0.4 };
        score -= cost;
        reasons.push(explain!(ctx, "ties to {party} −{cost:.2}"));
    }
    let pressure = ctx.view.globals.public_pressure / 100.0 * 0.2;
    score += pressure;
    reasons.push(explain!(ctx, "public pressure +{pressure:.2}"));
    (score, if ctx.narrate { reasons.join(", ") } else { String::new() })
}

fn ballot_for(support: f64) -> Ballot {
    if support >= 0.45 {
        Ballot::Yes
    } else if support < 0.15 {
        Ballot::No
    } else {
        Ballot::Abstain
    }
}

/// The Council in this scenario: (id, members, permanent).
fn council<'s>(ctx: &RuleCtx<'s>) -> Option<(Id, &'s [Id], &'s [Id])> {
    ctx.view.scenario.bodies.iter().find_map(|b| match &b.kind {
        BodyKind::SecurityCouncil { members, permanent, .. } => Some((b.id, members.as_slice(), permanent.as_slice())),
        _ => None,
    })
}

/// Resolves all Council and Assembly business of the turn, in order: the votes taken and each order's
/// outcome are added to `votes` and `outcomes`, the effects they cause to `effects`.
pub fn deliberate(
    ctx: &RuleCtx,
    orders: &[&OrderSpec],
    ballots: &[(String, Ballot)],
    votes: &mut Vec<VoteRecord>,
    outcomes: &mut Vec<OutcomeRecord>,
    effects: &mut Vec<Effect>,
) {
    for &order in orders {
        let c = ctx.cause(order);
        let name = ctx.name(&order.actor);
        let target = order.target.as_ref().map_or(Id::default(), |t| t.id());
        let r = match order.tool {
            ToolKind::RaiseAtCouncil => {
                effects.push(Effect::happen(Event::Seized(target), &c));
                effects.push(Effect::shift(Var::PublicPressure, 8.0, &c));
                done(
                    order,
                    explain!(ctx, "{name} brings the dispute to the Council (Art. 35); the Council is seized of it."),
                )
            }
            ToolKind::CouncilBriefing => {
                effects.push(Effect::shift(Var::PublicPressure, 4.0, &c));
                done(order, explain!(ctx, "{name} briefs the Council."))
            }
            ToolKind::PressElements | ToolKind::PressStatement | ToolKind::PresidentialStatement => {
                let (vote, outcome) = statement(ctx, order, effects);
                votes.push(vote);
                outcome
            }
            ToolKind::DraftResolution => {
                let (vote, outcome) = draft_vote(ctx, order, ballots, effects);
                votes.push(vote);
                outcome
            }
            ToolKind::RequestEmergencySession => {
                let (vote, outcome) = emergency_session(ctx, order, ballots, effects);
                votes.extend(vote);
                outcome
            }
            ToolKind::AssemblyResolution => {
                let (vote, outcome) = assembly(ctx, order, effects);
                votes.push(vote);
                outcome
            }
            _ => unreachable!("only Council and Assembly business is deliberated"),
        };
        outcomes.push(r);
    }
}

fn statement(ctx: &RuleCtx, order: &OrderSpec, effects: &mut Vec<Effect>) -> (VoteRecord, OutcomeRecord) {
    let c = ctx.cause(order);
    let dyad = order.target.as_ref().map_or(Id::default(), |t| t.id());
    let (council_id, members, _) = council(ctx).expect("checked: a Council member, so a Council exists");
    let (what, tie_limit, pressure, coherence) = match order.tool {
        ToolKind::PressElements => ("elements to the press", 85.0, 6.0, 3.0),
        ToolKind::PressStatement => ("a press statement", 80.0, 10.0, 5.0),
        _ => ("a presidential statement", 70.0, 14.0, 6.0),
    };
    let weight = super::statements::weight(ctx, order, members);
    let mut objections = Vec::new();
    // Each member's ballot is listed for the record only (a sweep counts them).
    let mut ballots = Vec::new();
    let mut yes = 0;
    // Members by rank from the scenario's index: a statement weighs all fifteen, looked up once.
    let lookup = ctx.view.scenario.lookup();
    for (m, rank) in members.iter().zip(lookup.council_members()) {
        let Some(rank) = *rank else { continue };
        let member = &ctx.view.scenario.actors[lookup.actor_at(rank)];
        let ballot = match objection(ctx, member, rank, tie_limit) {
            Some(why) => {
                objections.push(why);
                Ballot::No
            }
            None => {
                yes += 1;
                Ballot::Yes
            }
        };
        if ctx.narrate {
            ballots.push((*m, ballot));
        }
    }
    let agreed = objections.is_empty();
    let explanation = if agreed {
        explain!(ctx, "All {} members agree to {what} on {}.", members.len(), ctx.called(&dyad))
    } else {
        explain!(ctx, "No consensus for {what}: {}.", objections.join("; "))
    };
    let endorses_region = ctx.view.scenario.bodies.iter().any(|b| matches!(b.kind, BodyKind::Regional { .. }));
    if agreed {
        effects.push(Effect::shift(Var::PublicPressure, round4(pressure * weight.on_the_parties()), &c));
        if endorses_region {
            // Backing a regional effort brings the voices closer, less so the closer they already are.
            let room = (100.0 - ctx.view.globals.coherence) / 100.0;
            effects.push(Effect::shift(Var::Coherence, round4(coherence * weight.novelty * room), &c));
        }
    }
    let vote = VoteRecord {
        body: council_id,
        sponsor: order.actor,
        subject: explain!(ctx, "{what} (consensus of all members)"),
        tally: explain!(ctx, "{yes}–{}–0", members.len() - yes),
        adopted: agreed,
        vetoed_by: Vec::new(),
        ballots,
        explanation: explanation.clone(),
    };
    let mut outcome = done(order, explanation);
    outcome.result = if agreed { "adopted".into() } else { "blocked".into() };
    if agreed {
        outcome.explanation = explain!(ctx, "{} {}", outcome.explanation, weight.explain());
        outcome.factors = ctx.record_factors(weight.factors());
    }
    (vote, outcome)
}

/// The Council members that must abstain on `draft` (Art. 27(3)): under Chapter VI, those that are a
/// side of a dispute the draft concerns. Under Chapter VII every member votes.
fn parties_obliged_to_abstain<'s>(ctx: &RuleCtx<'s>, draft: &Draft, members: &'s [Id]) -> Vec<&'s str> {
    if draft.chapter != Chapter::VI {
        return Vec::new();
    }
    let disputes = disputes_concerned(ctx, draft);
    members
        .iter()
        .filter(|m| disputes.iter().any(|d| ctx.view.dyad(d).is_some_and(|d| d.side_of(**m).is_some())))
        .map(|m| &**m)
        .collect()
}

/// The disputes a draft concerns: those its contents name, and for `EndorseRegional(body)` every
/// dispute with a side among the regional body's members. Art. 52(3) has the Council encourage the
/// settlement of *local* disputes through a regional arrangement, and a dispute is local to a body
/// when one of its sides belongs to it; endorsing the body's effort is a decision on those disputes.
pub(super) fn disputes_concerned(ctx: &RuleCtx, draft: &Draft) -> Vec<Id> {
    let mut disputes: Vec<Id> = Vec::new();
    for content in &draft.contents {
        match content {
            DraftContent::Ceasefire(d)
            | DraftContent::CommissionOfInquiry(d)
            | DraftContent::Observers(d, _)
            | DraftContent::PeaceOperation(d, _)
            | DraftContent::RenewMandate(d, _)
            | DraftContent::FinanceOperation(d)
            | DraftContent::IccReferral(d) => disputes.push(*d),
            DraftContent::Mandate(m) => disputes.push(m.dyad),
            DraftContent::EndorseRegional(body) => disputes.extend(local_disputes(ctx, *body)),
            DraftContent::Sanctions(..) | DraftContent::LiftSanctions(_) | DraftContent::AuthoriseRegionalForce(_) => {}
        }
    }
    disputes
}

/// The disputes with a side among the members of `body`, if it is a regional body.
fn local_disputes(ctx: &RuleCtx, body: Id) -> Vec<Id> {
    let scenario = ctx.view.scenario;
    let Some(BodyKind::Regional { members, .. }) = scenario.body(body).map(|b| &b.kind) else {
        return Vec::new();
    };
    scenario.conflict.dyads.iter().filter(|d| members.iter().any(|m| d.side_of(m).is_some())).map(|d| d.id).collect()
}

fn draft_vote(
    ctx: &RuleCtx,
    order: &OrderSpec,
    explicit: &[(String, Ballot)],
    effects: &mut Vec<Effect>,
) -> (VoteRecord, OutcomeRecord) {
    let c = ctx.cause(order);
    let draft = order.draft.as_ref().expect("checked: a draft is given");
    let (council_id, members, permanent) = council(ctx).expect("checked: the target is the Council");
    let parties = parties_obliged_to_abstain(ctx, draft, members);
    let mut casts = Vec::new();
    let mut reasons = Vec::new();
    for m in members {
        let Some(member) = ctx.view.scenario.actor(m) else { continue };
        let ballot = match explicit.iter().find(|(who, _)| who == m) {
            Some((_, b)) => {
                reasons.push(explain!(ctx, "{m}: {b:?} (given)"));
                *b
            }
            None if *m == order.actor => {
                reasons.push(explain!(ctx, "{m}: Yes (sponsor)"));
                Ballot::Yes
            }
            None => {
                let (support, why) = draft_support(ctx, member, draft);
                let b = ballot_for(support);
                reasons.push(explain!(ctx, "{m}: {b:?} (support {support:.2}: {why})"));
                b
            }
        };
        casts.push(Cast { member: *m, permanent: permanent.contains(m), ballot });
    }
    let mut result = count(&casts, Matter::Substantive, Threshold::CHARTER, &parties);
    let mut vetoed = String::new();
    if result.adopted {
        effects.push(Effect::happen(Event::ResolutionAdopted(council_id), &c));
        effects.push(Effect::shift(Var::PublicPressure, 12.0, &c));
        for content in &draft.contents {
            let by = (council_id, order.actor);
            if let Some(note) = content_effects(ctx, content, draft.chapter, 1.0, by, &c, effects) {
                result.explanation = explain!(ctx, "{} {note}", result.explanation);
            }
        }
    } else if !result.vetoed_by.is_empty() {
        effects.push(Effect::happen(Event::Vetoed(council_id), &c));
        vetoed = super::veto::consequences(ctx, draft, &result.vetoed_by, &c, effects);
    }
    let subject = explain!(
        ctx,
        "draft resolution under Chapter {:?}: {}",
        draft.chapter,
        Names::new(ctx.view.scenario).draft_contents(draft)
    );
    let vote = VoteRecord {
        body: council_id,
        sponsor: order.actor,
        subject,
        tally: if ctx.narrate { result.tally() } else { String::new() },
        adopted: result.adopted,
        vetoed_by: result.vetoed_by.clone(),
        // As counted: a party obliged to abstain is recorded as not participating, whatever it cast
        // (its position is in the explanation).
        ballots: std::mem::take(&mut result.ballots),
        explanation: explain!(ctx, "{} Positions: {}.", result.explanation, reasons.join("; ")),
    };
    let mut outcome = done(
        order,
        if vetoed.is_empty() { result.explanation.clone() } else { format!("{} {vetoed}", result.explanation) },
    );
    outcome.result = if result.adopted {
        "adopted".into()
    } else if result.vetoed_by.is_empty() {
        "rejected".into()
    } else {
        "vetoed".into()
    };
    outcome.factors = ctx.record_factors([
        factor("yes", f64::from(result.yes)),
        factor("no", f64::from(result.no)),
        factor("abstain", f64::from(result.abstain)),
    ]);
    (vote, outcome)
}

/// What an adopted resolution does, added to `effects`. `k` scales recommendations of the Assembly
/// (weaker than the Council's); `by` is the body that adopted it and the draft's sponsor. Returns a sentence for the vote's result where the content's fate
/// needs one (a mission that cannot deploy, and why).
fn content_effects(
    ctx: &RuleCtx,
    content: &DraftContent,
    chapter: Chapter,
    k: f64,
    (body, sponsor): (Id, Id),
    c: &str,
    effects: &mut Vec<Effect>,
) -> Option<String> {
    let binding = if chapter == Chapter::VII { 1.5 } else { 1.0 };
    match *content {
        DraftContent::Ceasefire(d) => {
            effects.push(Effect::shift(Var::WayOut(d), 6.0 * k * binding, c));
            if let Some(ds) = ctx.view.dyad(d) {
                for s in &ds.sides {
                    effects.push(Effect::shift(Var::Grievance(d, *s), -k * binding, c));
                }
            }
        }
        DraftContent::EndorseRegional(_) => effects.push(Effect::shift(Var::Coherence, 10.0 * k, c)),
        DraftContent::Sanctions(a, kind) => {
            let how = sanction_effects(ctx, a, kind, k, body, sponsor, c, effects);
            return (!how.is_empty()).then_some(how);
        }
        DraftContent::LiftSanctions(a) => {
            let none = || explain!(ctx, "No sanctions of this body on {} are in force: nothing to lift.", ctx.name(&a));
            return Some(lift_effects(ctx, a, k, body, sponsor, c, effects).unwrap_or_else(none));
        }
        DraftContent::CommissionOfInquiry(d) => {
            for sp in ctx.view.scenario.conflict.spoilers.iter().filter(|s| s.dyad == d) {
                effects.push(Effect::shift(Var::Spoiler(sp.actor), -8.0 * k, c));
            }
            return Some(super::operations::set_up_inquiry(ctx, d, body, c, effects));
        }
        DraftContent::Observers(d, n) => {
            // Observers deploy only with the consent of both parties.
            let consent = ctx.view.dyad(d).is_some_and(|ds| ds.accepts_observers.iter().all(|x| *x));
            if !consent {
                return Some(explain!(ctx, "The observers cannot deploy without the consent of both parties."));
            }
            if ctx.view.operation(d, OperationKind::Observers).is_some() {
                return Some(explain!(ctx, "Observers are already deployed in {}.", ctx.called(&d)));
            }
            effects.push(Effect::operation(OperationChange::Start(Box::new(observers(d, n, body, ctx.turn))), c));
            effects.push(Effect::happen(Event::ObserversDeployed(d), c));
        }
        DraftContent::PeaceOperation(d, personnel) => {
            let m = Mandate { dyad: d, personnel, tasks: Task::SHORT_FORM.to_vec(), turns: None };
            return Some(super::operations::mandate(ctx, &m, chapter, body, c, effects));
        }
        DraftContent::Mandate(ref m) => return Some(super::operations::mandate(ctx, m, chapter, body, c, effects)),
        DraftContent::RenewMandate(d, turns) => return Some(super::operations::renew(ctx, d, turns, c, effects)),
        DraftContent::FinanceOperation(d) => return Some(super::operations::finance(ctx, d, body, c, effects)),
        DraftContent::AuthoriseRegionalForce(b) => {
            effects.push(Effect::shift(Var::PublicPressure, 5.0, c));
            // Only the Council authorises enforcement by a regional body (Art. 53): an Assembly
            // recommendation of it changes nothing on the ground.
            if chapter == Chapter::VII && k == 1.0 {
                effects.push(Effect::happen(Event::RegionalForceAuthorised(b), c));
                return Some(explain!(
                    ctx,
                    "{} may now lead a force into its disputes without the parties' consent (Art. 53).",
                    ctx.called(&b)
                ));
            }
        }
        DraftContent::IccReferral(d) => {
            for sp in ctx.view.scenario.conflict.spoilers.iter().filter(|s| s.dyad == d) {
                effects.push(Effect::shift(Var::Spoiler(sp.actor), -10.0, c));
            }
            if let Some(ds) = ctx.view.dyad(d) {
                for s in &ds.sides {
                    effects.push(Effect::shift(Var::Grievance(d, *s), 2.0, c));
                }
            }
        }
    }
    None
}

fn emergency_session(
    ctx: &RuleCtx,
    order: &OrderSpec,
    explicit: &[(String, Ballot)],
    effects: &mut Vec<Effect>,
) -> (Option<VoteRecord>, OutcomeRecord) {
    let c = ctx.cause(order);
    let assembly = order.target.as_ref().map(|t| t.id()).unwrap_or_default();
    let name = ctx.name(&order.actor);
    let (council_id, members, permanent) = council(ctx).unwrap_or_default();
    if members.contains(&order.actor) {
        // A procedural vote of the Council: nine votes, no veto (resolution 377 A (V)).
        let mut casts = Vec::new();
        for m in members {
            let Some(member) = ctx.view.scenario.actor(m) else { continue };
            let ballot = explicit.iter().find(|(w, _)| w == m).map(|(_, b)| *b).unwrap_or(
                if member.attributes.interventionism >= 40.0 {
                    Ballot::Yes
                } else if member.attributes.interventionism < 20.0 {
                    Ballot::No
                } else {
                    Ballot::Abstain
                },
            );
            casts.push(Cast { member: *m, permanent: permanent.contains(m), ballot });
        }
        let result = count(&casts, Matter::Procedural, Threshold::CHARTER, &[]);
        if result.adopted {
            effects.push(Effect::happen(Event::Seized(assembly), &c));
        }
        let mut outcome = done(order, explain!(ctx, "Uniting for Peace: {}", result.explanation));
        outcome.result = if result.adopted { "adopted".into() } else { "rejected".into() };
        let vote = VoteRecord {
            body: council_id,
            sponsor: order.actor,
            subject: "procedural: call an emergency special session of the Assembly".into(),
            tally: if ctx.narrate { result.tally() } else { String::new() },
            adopted: result.adopted,
            vetoed_by: Vec::new(),
            ballots: casts.iter().map(|c| (c.member, c.ballot)).collect(),
            explanation: result.explanation.clone(),
        };
        return (Some(vote), outcome);
    }
    // Requested by member states: convened when a majority of members concur.
    let shares = ctx.view.scenario.body(assembly).and_then(|b| match &b.kind {
        BodyKind::GeneralAssembly { others, .. } => Some(others.yes),
        _ => None,
    });
    let concur = shares.unwrap_or(0.0) > 50.0;
    if concur {
        effects.push(Effect::happen(Event::Seized(assembly), &c));
    }
    let mut outcome = done(
        order,
        if concur {
            explain!(ctx, "{name}'s request is supported by a majority of members: an emergency special session opens.")
        } else {
            explain!(ctx, "{name}'s request does not find a majority of members.")
        },
    );
    outcome.result = if concur { "adopted".into() } else { "rejected".into() };
    (None, outcome)
}

fn assembly(ctx: &RuleCtx, order: &OrderSpec, effects: &mut Vec<Effect>) -> (VoteRecord, OutcomeRecord) {
    let c = ctx.cause(order);
    let draft = order.draft.as_ref().expect("checked: a draft is given");
    let assembly_id = order.target.as_ref().map(|t| t.id()).unwrap_or_default();
    let (size, listed, others) = ctx
        .view
        .scenario
        .body(assembly_id)
        .and_then(|b| match &b.kind {
            BodyKind::GeneralAssembly { size, members, others } => Some((*size, members.clone(), others.clone())),
            _ => None,
        })
        .expect("checked: the target is the Assembly");
    let (mut yes, mut no, mut abstain) = (0u32, 0u32, 0u32);
    let mut ballots = Vec::new();
    for m in &listed {
        let Some(member) = ctx.view.scenario.actor(m) else { continue };
        let b = if *m == order.actor { Ballot::Yes } else { ballot_for(draft_support(ctx, member, draft).0) };
        match b {
            Ballot::Yes => yes += 1,
            Ballot::No => no += 1,
            _ => abstain += 1,
        }
        ballots.push((*m, b));
    }
    // Members not played vote by the scenario's shares, rounded down; the remainder is absent.
    let rest = f64::from(size - listed.len() as u32);
    yes += (rest * others.yes / 100.0).floor() as u32;
    no += (rest * others.no / 100.0).floor() as u32;
    abstain += (rest * others.abstain / 100.0).floor() as u32;
    // Two-thirds of members present and voting; abstentions do not count as voting.
    let adopted = 3 * yes >= 2 * (yes + no) && yes > 0;
    let mut explanation = explain!(
        ctx,
        "{yes} in favour, {no} against, {abstain} abstaining; two-thirds of those present and voting needed ({} of {}). {}",
        (2 * (yes + no)).div_ceil(3),
        yes + no,
        if adopted { "Adopted." } else { "Not adopted." }
    );
    if adopted {
        effects.push(Effect::happen(Event::ResolutionAdopted(assembly_id), &c));
        effects.push(Effect::shift(Var::PublicPressure, 15.0, &c));
        for content in &draft.contents {
            let by = (assembly_id, order.actor);
            if let Some(note) = content_effects(ctx, content, Chapter::VI, 0.6, by, &c, effects) {
                explanation = explain!(ctx, "{explanation} {note}");
            }
        }
    }
    let vote = VoteRecord {
        body: assembly_id,
        sponsor: order.actor,
        subject: explain!(ctx, "recommendation: {}", Names::new(ctx.view.scenario).draft_contents(draft)),
        tally: explain!(ctx, "{yes}–{no}–{abstain}"),
        adopted,
        vetoed_by: Vec::new(),
        ballots,
        explanation: explanation.clone(),
    };
    let mut outcome = done(order, explanation);
    outcome.result = if adopted { "adopted".into() } else { "rejected".into() };
    (vote, outcome)
}
