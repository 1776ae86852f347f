//! Legal but suspicious: the scenario loads, and the author is told what looks wrong.

use super::Checker;
use crate::path;
use crate::scenario::schema::{BodyKind, Condition, Event, Scenario, ToolKind};

pub(super) fn check(c: &mut Checker) {
    let s = c.s;
    for (ai, a) in s.actors.iter().enumerate() {
        let votes = s.bodies.iter().any(|b| !matches!(b.kind, BodyKind::Court { .. }) && b.has_member(&a.id));
        if a.tools.is_empty() && !votes {
            let d = c.warning(
                "no-tools",
                format!("`{}` has no tools and sits on no body", a.id),
                &path!["actors", ai, "id"],
            );
            d.label = "this actor can do nothing".into();
            d.help = Some("give it tools, e.g. `tools: [PublicStatement]`, or remove it".into());
        }
        if !a.objectives.is_empty() && a.briefing.trim().is_empty() {
            c.warning(
                "no-briefing",
                format!("`{}` has objectives but no briefing", a.id),
                &path!["actors", ai, "id"],
            )
            .help = Some("write a `briefing` so the group playing it knows its situation".into());
        }
        for (oi, o) in a.objectives.iter().enumerate() {
            if let Some(event) = unmovable_event(s, &o.goal) {
                let d = c.warning(
                    "unmovable-objective",
                    format!("no actor holds a tool that can bring about `{event:?}`"),
                    &path!["actors", ai, "objectives", oi, "goal"],
                );
                d.label = "nobody can move this objective".into();
                d.help = Some(format!(
                    "give some actor one of: {}",
                    event_tools(&event).iter().map(|t| format!("{t:?}")).collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    if let Some(last) = s.ending.outcomes.last() {
        if last.when != Condition::Always {
            let i = s.ending.outcomes.len() - 1;
            c.warning(
                "no-default-outcome",
                "the last outcome is not `Always`",
                &path!["ending", "outcomes", i, "when"],
            )
            .help = Some(
                "end the list with an outcome whose `when` is `Always`, or some games will be left unclassified".into(),
            );
        }
    } else {
        c.error("no-outcomes", "the scenario has no outcome classes", &path!["ending", "outcomes"]).help =
            Some("add at least one outcome, the last with `when: Always`".into());
    }
    if !s.meta.fictional && s.historical_course.is_empty() {
        c.warning("no-course", "a historical scenario without a historical course", &path!["meta", "fictional"]).help =
            Some("add `historical_course` so the debrief can compare the groups with the real actors".into());
    }
    for (si, src) in s.meta.sources.iter().enumerate() {
        let cited = s.injects.iter().any(|i| i.sources.contains(&src.id))
            || s.historical_course.iter().any(|t| t.sources.contains(&src.id));
        if !cited {
            c.warning(
                "unused-source",
                format!("source `{}` is never cited", src.id),
                &path!["meta", "sources", si, "id"],
            )
            .help = Some("cite it from a course turn or an inject (`sources: [..]`), or remove it".into());
        }
    }
    let third_party_tools = [ToolKind::Mediation, ToolKind::GoodOffices, ToolKind::ChairFacilitation];
    if !s.actors.iter().any(|a| third_party_tools.iter().any(|t| a.holds(*t))) {
        c.warning("no-mediator", "no actor can mediate", &path!["actors"]).help =
            Some("give a third party `Mediation`, `GoodOffices` or `ChairFacilitation`".into());
    }
}

/// The tools that can make an event happen.
fn event_tools(event: &Event) -> Vec<ToolKind> {
    use ToolKind::*;
    match event {
        Event::AgreementSigned(_) => vec![SignAgreement],
        Event::Ceasefire(_) => vec![OfferCeasefire],
        Event::ObserversDeployed(_) => vec![DeployObservers, DraftResolution, AssemblyResolution],
        Event::ResolutionAdopted(_) | Event::PeaceOperation(_) => vec![DraftResolution, AssemblyResolution],
        // Only the Council has a veto.
        Event::Vetoed(_) | Event::RegionalForceAuthorised(_) => vec![DraftResolution],
        Event::RegionalForceDeployed(_) => vec![DeployRegionalForce],
        Event::InquirySetUp(_) | Event::InquiryReported(_) => {
            vec![CommissionOfInquiry, DraftResolution, AssemblyResolution]
        }
        Event::ProvisionalMeasures(_) => vec![ProvisionalMeasures],
        Event::Sanctioned(_) | Event::SanctionsLifted(_) => vec![UnilateralSanctions, DraftResolution],
        Event::Seized(_) => vec![RaiseAtCouncil, AppealToBody, RequestEmergencySession, RequestCouncilAuthorisation],
        Event::InjectFired(_) => vec![],
    }
}

/// The first event the goal needs that no tool in the scenario can produce.
fn unmovable_event(s: &Scenario, goal: &Condition) -> Option<Event> {
    match goal {
        Condition::Happened(e) => {
            let tools = event_tools(e);
            let possible = tools.is_empty() || s.actors.iter().any(|a| tools.iter().any(|t| a.holds(*t)));
            (!possible).then(|| e.clone())
        }
        Condition::All(list) => list.iter().find_map(|c| unmovable_event(s, c)),
        Condition::Any(list) => {
            let all: Vec<_> = list.iter().map(|c| unmovable_event(s, c)).collect();
            if !all.is_empty() && all.iter().all(Option::is_some) { all.into_iter().next().flatten() } else { None }
        }
        _ => None,
    }
}
