//! What a group can choose at the menus now: the tools, targets and partners the rules accept in the
//! current state (`orders::check` judges a probe order for each), named as the debrief names them.

use crate::engine::view::View;
use crate::orders::{TargetKind, passes, target_kind};
use crate::play::session::Session;
use crate::scenario::{Chapter, Draft, DraftContent, Id, MediationStyle, OrderSpec, SanctionKind, Target, ToolKind};

/// A tool by the plain name the debrief uses, capitalised for a menu: "Show of force".
pub(super) fn tool_name(tool: ToolKind) -> String {
    let name = crate::names::tool(tool);
    let mut chars = name.chars();
    chars.next().map_or(name.clone(), |first| first.to_uppercase().chain(chars).collect())
}

/// What a group's order would be with this tool and target, with what the menus ask afterwards filled
/// in with a choice the rules accept whenever any is accepted (a style, a sanction, a one-line draft),
/// so that `check` judges the target: a menu offers only targets the order can be given at.
fn probe(session: &Session, role: &str, tool: ToolKind, target: Option<Target>, with: Option<Id>) -> OrderSpec {
    let mut order = OrderSpec::new(Id::from(role), tool, target);
    order.with = with;
    match tool {
        ToolKind::Mediation => order.style = Some(MediationStyle::Facilitative),
        // The first kind the group does not keep on the target already (a second would be refused).
        ToolKind::UnilateralSanctions => {
            let kinds = SanctionKind::ALL;
            let kept = |k: SanctionKind| {
                session
                    .state()
                    .sanctions
                    .iter()
                    .any(|r| Some(Target::Actor(r.target)) == order.target && r.kind == k && r.imposed_by == role)
            };
            order.sanction = Some(kinds.into_iter().find(|k| !kept(*k)).unwrap_or(SanctionKind::ArmsEmbargo));
        }
        ToolKind::DraftResolution | ToolKind::AssemblyResolution => {
            let contents = draft_options(session).into_iter().take(1).collect();
            order.draft = Some(Box::new(Draft { chapter: Chapter::VI, contents }));
        }
        _ => {}
    }
    order
}

/// Whether the rules accept `order` now, given the group's orders so far this turn.
fn allowed(session: &Session, order: &OrderSpec) -> Result<(), String> {
    let view = View::of_snapshot(&session.scenario, session.state(), session.next_turn());
    crate::orders::check(order, &view, &session.orders_of(&order.actor))
}

/// The partners a tool that names one (`with`) can be given with now, for this target.
pub(super) fn partners(session: &Session, role: &str, tool: ToolKind, target: &Option<Target>) -> Vec<Id> {
    let view = View::of_snapshot(&session.scenario, session.state(), session.next_turn());
    let mine = session.orders_of(role);
    session
        .scenario
        .actors
        .iter()
        .filter(|a| a.id != role)
        .map(|a| a.id)
        .filter(|w| passes(&probe(session, role, tool, target.clone(), Some(*w)), &view, &mine))
        .collect()
}

/// The targets of a tool a group can aim it at now, as (label, target): of the right sort, and
/// accepted by the rules (with some partner, for a joint envoy).
pub(super) fn allowed_targets(session: &Session, role: &str, tool: ToolKind) -> Vec<(String, Option<Target>)> {
    targets(session, tool)
        .into_iter()
        .filter(|(_, target)| {
            if tool == ToolKind::JointEnvoy {
                !partners(session, role, tool, target).is_empty()
            } else {
                allowed(session, &probe(session, role, tool, target.clone(), None)).is_ok()
            }
        })
        .collect()
}

/// Why a tool cannot be used now: the rules' refusal of its first target of the right sort.
pub(super) fn why_not(session: &Session, role: &str, tool: ToolKind) -> Option<String> {
    let (_, target) = targets(session, tool).into_iter().next()?;
    allowed(session, &probe(session, role, tool, target, None)).err()
}

/// Candidate targets of the right sort for a tool, as (label, target).
fn targets(session: &Session, tool: ToolKind) -> Vec<(String, Option<Target>)> {
    let s = &session.scenario;
    let dyads = || {
        s.conflict
            .dyads
            .iter()
            .map(|d| (format!("the dispute: {}", d.name), Some(Target::Dyad(Id::from(d.id.as_str())))))
    };
    match target_kind(tool) {
        TargetKind::Nothing => vec![("no target".into(), None)],
        TargetKind::Optional => std::iter::once(("no target".to_string(), None)).chain(dyads()).collect(),
        TargetKind::Dyad => dyads().collect(),
        kind @ (TargetKind::Council | TargetKind::Assembly | TargetKind::AnyBody) => s
            .bodies
            .iter()
            .filter(|b| match kind {
                TargetKind::Council => b.is_council(),
                TargetKind::Assembly => matches!(b.kind, crate::scenario::BodyKind::GeneralAssembly { .. }),
                _ => true,
            })
            .map(|b| (b.name.clone(), Some(Target::Body(b.id))))
            .collect(),
        TargetKind::Actor => {
            s.actors.iter().map(|a| (a.name.clone(), Some(Target::Actor(Id::from(a.id.as_str()))))).collect()
        }
    }
}

/// The contents a group can put in a draft, for the menu.
pub(super) fn draft_options(session: &Session) -> Vec<DraftContent> {
    crate::orders::draft_contents(&session.scenario)
}
