//! `check`: may this order be carried out now? Every refusal says why, in words a group understands.

use std::borrow::Borrow;

use crate::engine::operations::OperationKind;
use crate::engine::view::View;
use crate::scenario::{
    ActorKind, BodyKind, Chapter, CourtKind, DraftContent, Event, Id, Mandate, OrderSpec, Target as OrderTarget,
    ToolKind,
};

/// Each group may give this many orders a turn; more would favour the fastest typist.
pub const MAX_ORDERS_PER_ACTOR: usize = 3;

/// What a tool is aimed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Nothing,
    /// A dyad, an actor or nothing.
    Optional,
    Dyad,
    /// The Security Council.
    Council,
    /// The General Assembly.
    Assembly,
    AnyBody,
    Actor,
}

pub fn target_kind(tool: ToolKind) -> Target {
    use ToolKind::*;
    match tool {
        Hold => Target::Nothing,
        PublicStatement => Target::Optional,
        RaiseAtCouncil | CouncilBriefing | DraftResolution | RequestCouncilAuthorisation => Target::Council,
        RequestEmergencySession | AssemblyResolution => Target::Assembly,
        AppealToBody => Target::AnyBody,
        DeployStandbyTeam | UnilateralSanctions | LiftSanctions | MassAction => Target::Actor,
        _ => Target::Dyad,
    }
}

fn target_help(kind: Target) -> &'static str {
    match kind {
        Target::Nothing => "give no target",
        Target::Optional => "give `target: Dyad(\"..\")`, `target: Actor(\"..\")` or none",
        Target::Dyad => "give `target: Dyad(\"<dispute id>\")`",
        Target::Council => "give `target: Body(\"<the Security Council's id>\")`",
        Target::Assembly => "give `target: Body(\"<the General Assembly's id>\")`",
        Target::AnyBody => "give `target: Body(\"<body id>\")`",
        Target::Actor => "give `target: Actor(\"<actor id>\")`",
    }
}

/// Checks one order against the scenario, the state and the orders already accepted this turn, and
/// says why when it is refused. Of the accepted orders only the same actor's matter (limits per actor,
/// repeats, one mediating order per dispute), so a caller may pass just those.
pub fn check<A: Borrow<OrderSpec>>(order: &OrderSpec, view: &View, accepted: &[A]) -> Result<(), String> {
    check_with(order, view, accepted, &|why| why.to_string())
}

/// Whether [`check`] would accept the order, without putting the refusal into words: bots try many
/// orders a turn and only keep the legal ones.
pub fn passes<A: Borrow<OrderSpec>>(order: &OrderSpec, view: &View, accepted: &[A]) -> bool {
    check_with(order, view, accepted, &|_| ()).is_ok()
}

fn check_with<E, A: Borrow<OrderSpec>>(
    order: &OrderSpec,
    view: &View,
    accepted: &[A],
    refuse: &dyn Fn(std::fmt::Arguments) -> E,
) -> Result<(), E> {
    // The orders accepted before, given as orders or as references to them.
    let accepted = || accepted.iter().map(Borrow::borrow);
    let s = view.scenario;
    let tool = order.tool;
    let Some(actor) = s.actor(order.actor) else {
        return Err(refuse(format_args!("there is no actor `{}` in this scenario", order.actor)));
    };
    if !actor.holds(tool) {
        return Err(refuse(format_args!("{} does not hold `{tool:?}`", actor.name)));
    }
    if let Some(limit) = actor.tool_params.iter().find(|p| p.tool == tool).and_then(|p| p.max_uses) {
        let before = view.actor(actor.id).map_or(0, |a| a.uses.get(tool));
        let this_turn = accepted().filter(|o| o.actor == order.actor && o.tool == tool).count() as u32;
        let used = before + this_turn;
        if used >= limit {
            return Err(refuse(format_args!(
                "{} has used `{tool:?}` {used} time(s), its limit in this scenario",
                actor.name
            )));
        }
    }
    let mine = accepted().filter(|o| o.actor == order.actor).count();
    if mine >= MAX_ORDERS_PER_ACTOR {
        return Err(refuse(format_args!(
            "{} has already given {MAX_ORDERS_PER_ACTOR} orders this turn, the limit",
            actor.name
        )));
    }
    let same = |o: &OrderSpec| {
        o.actor == order.actor
            && o.tool == tool
            && o.target == order.target
            && o.style == order.style
            && o.draft == order.draft
            && o.sanction == order.sanction
            && o.with == order.with
    };
    if accepted().any(same) {
        return Err(refuse(format_args!("the same order was already given this turn")));
    }

    // The target: of the right sort, and existing.
    let kind = target_kind(tool);
    let target_id = order.target.as_ref().map(OrderTarget::id);
    let wrong = || Err(refuse(format_args!("`{tool:?}` is aimed elsewhere: {}", target_help(kind))));
    let dyad = match (kind, &order.target) {
        (Target::Nothing, None) | (Target::Optional, None) => None,
        (Target::Nothing, Some(_)) => return wrong(),
        (Target::Dyad | Target::Optional, Some(OrderTarget::Dyad(d))) => {
            Some(view.dyad(d).ok_or_else(|| refuse(format_args!("there is no dispute (dyad) `{d}`")))?)
        }
        (Target::Actor | Target::Optional, Some(OrderTarget::Actor(a))) => {
            s.actor(a).ok_or_else(|| refuse(format_args!("there is no actor `{a}`")))?;
            None
        }
        (Target::Council | Target::Assembly | Target::AnyBody, Some(OrderTarget::Body(b))) => {
            let body = s.body(b).ok_or_else(|| refuse(format_args!("there is no body `{b}`")))?;
            let fits = match kind {
                Target::Council => body.is_council(),
                Target::Assembly => matches!(body.kind, BodyKind::GeneralAssembly { .. }),
                _ => true,
            };
            if !fits {
                return wrong();
            }
            None
        }
        _ => return wrong(),
    };

    // Looked up only when a refusal is put into words (`passes` never does).
    let name = |id| Named(s, id);
    let side = dyad.and_then(|d| d.side_of(order.actor));
    let is_spoiler = |d: &str| s.conflict.spoilers.iter().any(|sp| sp.actor == order.actor && sp.dyad == d);
    use ToolKind::*;
    match tool {
        Reinforce | ShowOfForce | Mobilise | Withdraw | OfferCeasefire | AcceptMediation | RefuseMediation
        | AcceptObservers | RefuseObservers | Negotiate | SignAgreement | IcjApplication => {
            let d = dyad.expect("dyad target checked");
            if side.is_none() {
                return Err(refuse(format_args!("{} is not a party to `{}`", actor.name, d.id)));
            }
        }
        Skirmish | Strike | Spoil => {
            let d = dyad.expect("dyad target checked");
            if side.is_none() && !is_spoiler(&d.id) {
                return Err(refuse(format_args!("{} is neither a party to nor a spoiler in `{}`", actor.name, d.id)));
            }
        }
        Mediation | GoodOffices | ChairFacilitation | SuspendTalks | DeployObservers | DeployRegionalForce => {
            let d = dyad.expect("dyad target checked");
            if side.is_some() {
                return Err(refuse(format_args!(
                    "{} is a party to `{}` and cannot act as a third party in it",
                    actor.name, d.id
                )));
            }
        }
        _ => {}
    }
    // Suspending talks is a mediating order too: a mediator cannot suspend and mediate at once.
    if matches!(tool, Mediation | GoodOffices | ChairFacilitation | SuspendTalks)
        && accepted().any(|o| {
            o.actor == order.actor
                && matches!(o.tool, Mediation | GoodOffices | ChairFacilitation | SuspendTalks)
                && o.target == order.target
        })
    {
        return Err(refuse(format_args!(
            "{} already works on this dispute this turn: one mediating order per dispute a turn",
            actor.name
        )));
    }
    match tool {
        Mediation => {
            if order.style.is_none() {
                return Err(refuse(format_args!(
                    "`Mediation` needs a style: `style: Facilitative`, `Formulative` or `Directive`"
                )));
            }
            let d = dyad.expect("dyad");
            for (i, party) in d.sides.iter().enumerate() {
                if !view.consents(d, i, order.actor) {
                    return Err(refuse(format_args!(
                        "{} has not accepted mediation by {}; mediation needs the consent of both parties to the mediator (they can give it with `AcceptMediation`)",
                        name(party),
                        actor.name
                    )));
                }
            }
        }
        SuspendTalks => {
            let d = dyad.expect("dyad");
            match view.track(d.id, order.actor) {
                Some(t) if t.suspended.is_some() => {
                    return Err(refuse(format_args!(
                        "{}'s talks in `{}` are already suspended: its next mediation resumes them",
                        actor.name, d.id
                    )));
                }
                Some(t) if t.attempts > 0 => {}
                _ => {
                    return Err(refuse(format_args!(
                        "{} has led no talks in `{}` yet: there is nothing to suspend",
                        actor.name, d.id
                    )));
                }
            }
        }
        DeployObservers => {
            let d = dyad.expect("dyad");
            if view.operation(d.id, OperationKind::Observers).is_some() {
                return Err(refuse(format_args!("observers are already deployed in `{}`", d.id)));
            }
            for (i, party) in d.sides.iter().enumerate() {
                if !d.accepts_observers[i] {
                    return Err(refuse(format_args!(
                        "{} has not consented to observers; observers need the consent of both parties",
                        name(party)
                    )));
                }
            }
        }
        DeployRegionalForce => {
            let d = dyad.expect("dyad");
            if view.operation(d.id, OperationKind::RegionalForce).is_some() {
                return Err(refuse(format_args!("a regional force is already deployed in `{}`", d.id)));
            }
            if let Some(refusing) = d.sides.iter().zip(d.accepts_observers).find(|(_, yes)| !yes).map(|(p, _)| p)
                && crate::rules::operations::force_authorised_for(view, order.actor).is_none()
            {
                return Err(refuse(format_args!(
                    "{} has not consented to a force, and the Council has not authorised one (Art. 53): a regional force needs both parties' consent or a Council resolution with `AuthoriseRegionalForce` for a regional body {} belongs to",
                    name(refusing),
                    actor.name
                )));
            }
        }
        SignAgreement => {
            let d = dyad.expect("dyad");
            if d.agreement {
                return Err(refuse(format_args!("an agreement on `{}` is already signed", d.id)));
            }
        }
        IcjApplication => {
            let d = dyad.expect("dyad");
            let court = s.bodies.iter().find(|b| matches!(b.kind, BodyKind::Court { court: CourtKind::Icj, .. }));
            let Some(court) = court else {
                return Err(refuse(format_args!("there is no International Court of Justice in this scenario")));
            };
            if let Some(outside) = d.sides.iter().find(|p| !court.has_member(p)) {
                return Err(refuse(format_args!(
                    "{} does not accept the Court's jurisdiction in this dispute",
                    name(outside)
                )));
            }
            if d.icj_pending {
                return Err(refuse(format_args!("an application on this dispute is already before the Court")));
            }
        }
        ProvisionalMeasures => {
            let d = dyad.expect("dyad");
            if !d.icj_pending {
                return Err(refuse(format_args!(
                    "no application to the Court is pending in this dispute; a party must apply first (`IcjApplication`)"
                )));
            }
        }
        DraftResolution | AssemblyResolution => {
            let Some(draft) = &order.draft else {
                return Err(refuse(format_args!("`{tool:?}` needs a draft: `draft: (chapter: VI, contents: [...])`")));
            };
            if draft.contents.is_empty() {
                return Err(refuse(format_args!("the draft has no contents")));
            }
            for c in &draft.contents {
                let binding = matches!(
                    c,
                    DraftContent::Sanctions(..)
                        | DraftContent::LiftSanctions(_)
                        | DraftContent::AuthoriseRegionalForce(_)
                        | DraftContent::IccReferral(_)
                );
                if binding && (draft.chapter == Chapter::VI || tool == AssemblyResolution) {
                    return Err(refuse(format_args!(
                        "{} is a Chapter VII measure: only a Council resolution under Chapter VII can contain it",
                        crate::names::Names::new(s).draft_content(c)
                    )));
                }
                if let Some(why) = mission_refusal(c, tool, view) {
                    return Err(refuse(format_args!("{why}")));
                }
                let (id, exists) = match c {
                    DraftContent::Ceasefire(d)
                    | DraftContent::CommissionOfInquiry(d)
                    | DraftContent::Observers(d, _)
                    | DraftContent::PeaceOperation(d, _)
                    | DraftContent::RenewMandate(d, _)
                    | DraftContent::FinanceOperation(d)
                    | DraftContent::IccReferral(d) => (d, view.dyad(d).is_some()),
                    DraftContent::Mandate(m) => (&m.dyad, view.dyad(m.dyad).is_some()),
                    DraftContent::EndorseRegional(b) | DraftContent::AuthoriseRegionalForce(b) => {
                        (b, s.body(b).is_some())
                    }
                    DraftContent::Sanctions(a, _) | DraftContent::LiftSanctions(a) => (a, s.actor(a).is_some()),
                };
                if !exists {
                    return Err(refuse(format_args!("the draft names `{id}`, which is not in this scenario")));
                }
            }
            // A budget is not a recommendation on the dispute: Art. 12 does not hold it back.
            let budget_only = draft.contents.iter().all(|c| matches!(c, DraftContent::FinanceOperation(_)));
            if tool == AssemblyResolution && !budget_only {
                let assembly = target_id.unwrap_or_default();
                if !view.happened(&Event::Seized(assembly)) {
                    return Err(refuse(format_args!(
                        "the Assembly can recommend on this dispute only in an emergency special session, after a veto (Art. 12; resolution 377 A (V)): request one first"
                    )));
                }
            }
        }
        RequestEmergencySession => {
            let vetoed = s.bodies.iter().any(|b| b.is_council() && view.happened(&Event::Vetoed(b.id)));
            if !vetoed {
                return Err(refuse(format_args!(
                    "Uniting for Peace applies when a veto has blocked the Council: no draft has been vetoed"
                )));
            }
        }
        UnilateralSanctions => {
            if order.sanction.is_none() {
                return Err(refuse(format_args!(
                    "`UnilateralSanctions` needs `sanction: ArmsEmbargo`, `AssetFreeze`, `TravelBan` or `CommodityBan`"
                )));
            }
            if target_id == Some(order.actor) {
                return Err(refuse(format_args!("an actor cannot sanction itself")));
            }
            if let (Some(target), Some(kind)) = (target_id, order.sanction)
                && let Some(r) = view.regime(target, kind, order.actor)
            {
                return Err(refuse(format_args!(
                    "{}'s {} on {} has been in force since turn {}: lift it or choose another measure",
                    actor.name,
                    crate::names::sanction(kind),
                    s.actor(target).map_or("the target", |t| t.name.as_str()),
                    r.since
                )));
            }
        }
        LiftSanctions => {
            let target = target_id.expect("actor target checked");
            if !view.sanctions_on(target).any(|r| r.imposed_by == order.actor) {
                return Err(refuse(format_args!(
                    "{} keeps no sanctions on {}: there is nothing to lift",
                    actor.name,
                    s.actor(target).map_or("the target", |t| t.name.as_str())
                )));
            }
        }
        JointEnvoy => {
            let Some(partner) = &order.with else {
                return Err(refuse(format_args!("`JointEnvoy` needs the partner: `with: \"<actor id>\"`")));
            };
            let Some(p) = s.actor(partner) else { return Err(refuse(format_args!("there is no actor `{partner}`"))) };
            if partner == order.actor {
                return Err(refuse(format_args!("a joint envoy needs a partner other than yourself")));
            }
            if ![Mediation, GoodOffices, ChairFacilitation].iter().any(|t| p.holds(*t)) {
                return Err(refuse(format_args!("{} does not mediate, so there is no track to join", p.name)));
            }
        }
        DeployStandbyTeam => {
            let supported = target_id.and_then(|id| s.actor(id)).expect("actor target checked");
            if ![Mediation, GoodOffices, ChairFacilitation].iter().any(|t| supported.holds(*t)) {
                return Err(refuse(format_args!(
                    "{} does not mediate, so the standby team has no one to support",
                    supported.name
                )));
            }
        }
        AppointEnvoy => {
            if let Some(envoy) = &order.with {
                match s.actor(envoy) {
                    Some(e) if e.kind == ActorKind::Envoy => {}
                    Some(e) => return Err(refuse(format_args!("{} is not an envoy", e.name))),
                    None => return Err(refuse(format_args!("there is no actor `{envoy}`"))),
                }
            }
        }
        AcceptMediation | RefuseMediation => {
            if let Some(m) = &order.with
                && s.actor(m).is_none()
            {
                return Err(refuse(format_args!("there is no actor `{m}`")));
            }
        }
        _ => {}
    }
    Ok(())
}

/// An actor's display name, looked up when formatted: a refusal's arguments are evaluated whether or
/// not it is put into words.
struct Named<'a>(&'a crate::scenario::Scenario, &'a str);

impl std::fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.actor(self.1).map_or(self.1, |a| a.name.as_str()))
    }
}

/// Why a draft's content about a mission cannot be put to the vote, if it cannot: a second mandate
/// where one is in force, a renewal or a budget with no operation to act on, a budget outside the
/// Assembly (Art. 17).
fn mission_refusal(c: &DraftContent, tool: ToolKind, view: &View) -> Option<String> {
    let operation = |d: &Id| view.operation(*d, OperationKind::PeaceOperation);
    match c {
        DraftContent::PeaceOperation(d, _) | DraftContent::Mandate(Mandate { dyad: d, .. }) => operation(d).map(|op| {
            format!(
                "a peace operation is already mandated in `{d}` (since turn {}); change its length with `RenewMandate`",
                op.since
            )
        }),
        DraftContent::RenewMandate(d, _) => match operation(d) {
            None => Some(format!("no peace operation is deployed in `{d}`: there is no mandate to renew")),
            Some(op) if op.until.is_none() => {
                Some(format!("the peace operation in `{d}` has no end date: there is nothing to renew"))
            }
            Some(_) => None,
        },
        DraftContent::FinanceOperation(d) => {
            if tool != ToolKind::AssemblyResolution {
                return Some(
                    "only the General Assembly approves a peace operation's budget (Art. 17): put `FinanceOperation` in an `AssemblyResolution`".into(),
                );
            }
            match operation(d) {
                None => Some(format!("no peace operation is deployed in `{d}`: there is no budget to approve")),
                Some(op) if op.financed => Some(format!("the peace operation in `{d}` is already financed")),
                Some(_) => None,
            }
        }
        _ => None,
    }
}
