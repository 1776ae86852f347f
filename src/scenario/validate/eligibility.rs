//! Which actors may hold which tool. This is law, not data: it follows the Charter and the roles
//! in `docs/rules.md`, and the engine's order check uses the same table.

use super::Checker;
use crate::diagnostics::article;
use crate::path;
use crate::scenario::schema::{ActorKind, BodyKind, CourtKind, Scenario, ToolKind};

use ActorKind::*;

/// What an actor needs, beyond its kind, to hold a tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Nothing,
    /// A member of the Security Council.
    CouncilMember,
    /// A state that is a member of the Council or listed in the General Assembly (or, where the
    /// Assembly lists nobody, any state: every state is then taken as a member).
    UnMember,
    /// The chair of a regional body, or a regional organisation itself.
    RegionalChair,
    /// A regional organisation, or a state that is a member of a regional body.
    RegionalTie,
    /// A state under the jurisdiction of an ICJ body in the scenario.
    IcjJurisdiction,
    /// A side of some dyad.
    DyadSide,
    /// A side of some dyad or a listed spoiler.
    SideOrSpoiler,
    /// Listed in `conflict.spoilers`.
    Spoiler,
}

/// The actor kinds that may hold a tool, and what else they need.
#[derive(Debug, Clone, Copy)]
pub struct Requirement {
    pub kinds: &'static [ActorKind],
    pub need: Need,
}

const ANY: &[ActorKind] = &ActorKind::ALL;
const PARTIES: &[ActorKind] = &[State, ConflictParty, ArmedGroup];
const THIRD_PARTIES: &[ActorKind] = &[State, RegionalOrganisation, SecretaryGeneral, UnDepartment, Envoy, NgoMediator];

pub fn requirement(tool: ToolKind) -> Requirement {
    use Need::*;
    use ToolKind::*;
    let (kinds, need): (&'static [ActorKind], Need) = match tool {
        PublicStatement | Hold => (ANY, Nothing),
        RaiseAtCouncil => (&[State, RegionalOrganisation, SecretaryGeneral], Nothing),
        CouncilBriefing => (&[SecretaryGeneral, UnDepartment, Envoy, RegionalOrganisation, State], Nothing),
        PressElements | PressStatement | PresidentialStatement | DraftResolution => (&[State], CouncilMember),
        RequestEmergencySession | AssemblyResolution => (&[State], UnMember),
        GoodOffices => (&[SecretaryGeneral, UnDepartment, Envoy, RegionalOrganisation], Nothing),
        AppointEnvoy | JointEnvoy => (&[SecretaryGeneral, RegionalOrganisation], Nothing),
        DeployStandbyTeam => (&[SecretaryGeneral, UnDepartment], Nothing),
        ChairFacilitation => (&[State, RegionalOrganisation], RegionalChair),
        DeployObservers => (&[State, RegionalOrganisation, SecretaryGeneral], RegionalTie),
        DeployRegionalForce => (&[State, RegionalOrganisation], RegionalTie),
        RequestCouncilAuthorisation => (&[State, RegionalOrganisation], RegionalTie),
        Mediation | SuspendTalks => (THIRD_PARTIES, Nothing),
        UnilateralSanctions | LiftSanctions => (&[State, RegionalOrganisation], Nothing),
        IcjApplication => (&[State], IcjJurisdiction),
        ProvisionalMeasures => (&[Court], Nothing),
        CommissionOfInquiry => {
            (&[SecretaryGeneral, UnDepartment, RegionalOrganisation, State, ConflictParty, Envoy], Nothing)
        }
        HumanRightsMonitoring => {
            (&[SecretaryGeneral, UnDepartment, NgoMediator, CivilSociety, RegionalOrganisation], Nothing)
        }
        MassAction | DialogueForum => (&[CivilSociety, NgoMediator], Nothing),
        EarlyWarningReport => (&[CivilSociety, NgoMediator, UnDepartment, RegionalOrganisation], Nothing),
        Reinforce | ShowOfForce | Mobilise | Withdraw | OfferCeasefire | AcceptMediation | RefuseMediation
        | AcceptObservers | RefuseObservers | Negotiate | SignAgreement => (PARTIES, DyadSide),
        Skirmish | Strike => (PARTIES, SideOrSpoiler),
        AppealToBody => (&[State, ConflictParty, CivilSociety, NgoMediator, ArmedGroup], Nothing),
        Spoil => (PARTIES, Spoiler),
    };
    Requirement { kinds, need }
}

/// Whether `actor` meets `need` in `scenario`.
pub fn meets(scenario: &Scenario, actor: &str, need: Need) -> bool {
    let kind = scenario.actor(actor).map(|a| a.kind);
    let is_side = || scenario.conflict.dyads.iter().any(|d| d.side_of(actor).is_some());
    let is_spoiler = || scenario.conflict.spoilers.iter().any(|s| s.actor == actor);
    match need {
        Need::Nothing => true,
        Need::CouncilMember => scenario.bodies.iter().any(|b| b.is_council() && b.has_member(actor)),
        Need::UnMember => scenario.bodies.iter().any(|b| match &b.kind {
            BodyKind::SecurityCouncil { members, .. } => members.iter().any(|m| m == actor),
            BodyKind::GeneralAssembly { members, .. } => members.is_empty() || members.iter().any(|m| m == actor),
            _ => false,
        }),
        Need::RegionalChair => {
            kind == Some(RegionalOrganisation)
                || scenario
                    .bodies
                    .iter()
                    .any(|b| matches!(&b.kind, BodyKind::Regional { chair: Some(c), .. } if c == actor))
        }
        Need::RegionalTie => {
            kind != Some(State)
                || scenario.bodies.iter().any(|b| matches!(b.kind, BodyKind::Regional { .. }) && b.has_member(actor))
        }
        Need::IcjJurisdiction => scenario
            .bodies
            .iter()
            .any(|b| matches!(b.kind, BodyKind::Court { court: CourtKind::Icj, .. }) && b.has_member(actor)),
        Need::DyadSide => is_side(),
        Need::SideOrSpoiler => is_side() || is_spoiler(),
        Need::Spoiler => is_spoiler(),
    }
}

fn how_to_meet(need: Need, actor: &str) -> String {
    match need {
        Need::Nothing => String::new(),
        Need::CouncilMember => {
            format!("only Security Council members hold such tools: add `{actor}` to the Council's members")
        }
        Need::UnMember => {
            format!("only UN members hold such tools: list `{actor}` in the General Assembly (or on the Council)")
        }
        Need::RegionalChair => {
            format!("only the chair of a regional body holds such tools: make `{actor}` the `chair` of a regional body")
        }
        Need::RegionalTie => {
            format!("a state needs a regional body to do this: add `{actor}` to a regional body's members")
        }
        Need::IcjJurisdiction => format!(
            "the Court hears only states that accept its jurisdiction: add `{actor}` to an Icj court body's `jurisdiction`"
        ),
        Need::DyadSide => format!("only the parties to a dispute hold such tools: make `{actor}` a side of a dyad"),
        Need::SideOrSpoiler => format!(
            "only parties and spoilers hold such tools: make `{actor}` a side of a dyad or list it in `conflict.spoilers`"
        ),
        Need::Spoiler => format!("only spoilers hold such tools: list `{actor}` in `conflict.spoilers`"),
    }
}

fn kinds_list(kinds: &[ActorKind]) -> String {
    kinds.iter().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", ")
}

/// `in_doubt`: actors whose position is in doubt because an unknown id probably meant them (their
/// position errors would only repeat the unknown-reference error: `cascade`).
pub(super) fn check(c: &mut Checker, in_doubt: &std::collections::BTreeSet<String>) {
    let s = c.s;
    for (ai, a) in s.actors.iter().enumerate() {
        // One message per unmet requirement, listing every tool it blocks: a dyad side that was
        // mistyped would otherwise bury the author under one error per party tool.
        let mut unmet: Vec<(Need, usize, Vec<ToolKind>)> = Vec::new();
        for (ti, tool) in a.tools.iter().enumerate() {
            let p = path!["actors", ai, "tools", ti];
            if a.tools[..ti].contains(tool) {
                c.error("duplicate-tool", format!("`{tool:?}` is listed twice for `{}`", a.id), &p).help =
                    Some("list each tool once".into());
                continue;
            }
            let req = requirement(*tool);
            if !req.kinds.contains(&a.kind) {
                let kind = format!("{:?}", a.kind);
                let d = c.error("tool-not-allowed", format!("{} {kind} cannot hold `{tool:?}`", article(&kind)), &p);
                d.label = format!("`{}` is {} {kind}", a.id, article(&kind));
                d.help = Some(format!("`{tool:?}` is for: {}", kinds_list(req.kinds)));
            } else if !meets(s, &a.id, req.need) {
                match unmet.iter_mut().find(|(need, _, _)| *need == req.need) {
                    Some((_, _, tools)) => tools.push(*tool),
                    None => unmet.push((req.need, ti, vec![*tool])),
                }
            }
        }
        if in_doubt.contains(a.id.as_str()) {
            unmet.clear();
        }
        for (need, ti, tools) in unmet {
            let list = tools.iter().map(|t| format!("`{t:?}`")).collect::<Vec<_>>().join(", ");
            let d = c.error(
                "tool-not-allowed",
                format!("`{}` cannot hold {list} here", a.id),
                &path!["actors", ai, "tools", ti],
            );
            d.label = "requirement not met".into();
            d.help = Some(how_to_meet(need, &a.id));
        }
        for (pi, params) in a.tool_params.iter().enumerate() {
            if a.tool_params[..pi].iter().any(|q| q.tool == params.tool) {
                c.error(
                    "duplicate-entry",
                    format!("`{:?}` has two sets of parameters for `{}`", params.tool, a.id),
                    &path!["actors", ai, "tool_params", pi],
                )
                .help = Some("merge them into one".into());
            }
            if !a.holds(params.tool) {
                c.error(
                    "params-without-tool",
                    format!("parameters for `{:?}`, which `{}` does not hold", params.tool, a.id),
                    &path!["actors", ai, "tool_params", pi, "tool"],
                )
                .help = Some(format!("add `{:?}` to `tools`, or remove these parameters", params.tool));
            }
        }
    }
    for (ti, turn) in s.historical_course.iter().enumerate() {
        for (oi, order) in turn.orders.iter().enumerate() {
            let Some(actor) = s.actor(order.actor) else { continue };
            if !actor.holds(order.tool) {
                let d = c.error(
                    "course-tool",
                    format!("in the historical course `{}` uses `{:?}`, which it does not hold", actor.id, order.tool),
                    &path!["historical_course", ti, "orders", oi, "tool"],
                );
                d.help = Some(format!("add `{:?}` to the tools of `{}`", order.tool, actor.id));
            }
        }
    }
}
