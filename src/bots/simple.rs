//! The simple policies: hawk, dove, cautious mediator. Each reads the state and proposes orders in a
//! fixed order of preference; each proposal is kept if it passes `check` given the bot's orders kept
//! before it (`bots::Kept`).

use super::Kept;
use crate::rules::ripeness::ripeness;
use crate::scenario::Id;
use crate::scenario::{MediationStyle, OrderSpec, Target, ToolKind};

fn order(actor: Id, tool: ToolKind, dyad: Id) -> OrderSpec {
    OrderSpec {
        actor,
        tool,
        target: Some(Target::Dyad(dyad)),
        style: None,
        draft: None,
        sanction: None,
        with: None,
        note: "bot".into(),
    }
}

/// Escalates where it is a party — a threshold act when the dispute stands at a phase boundary —,
/// refuses outside involvement, and attacks the peace where it is a spoiler.
pub fn hawk(actor: Id, out: &mut Kept) {
    let view = out.view;
    let mut proposed = false;
    for d in view.dyads_involving(&actor) {
        let Some(i) = d.side_of(actor) else {
            if view.scenario.conflict.spoilers.iter().any(|sp| sp.actor == actor && sp.dyad == d.id) {
                proposed = true;
                out.offer(order(actor, ToolKind::Spoil, d.id));
                out.offer(order(actor, ToolKind::Skirmish, d.id));
            }
            continue;
        };
        proposed = true;
        if view.open_to_talks(d, i) {
            out.offer(order(actor, ToolKind::RefuseMediation, d.id));
        }
        match d.stage {
            3 => out.offer(order(actor, ToolKind::ShowOfForce, d.id)),
            6 => out.offer(order(actor, ToolKind::Strike, d.id)),
            s if s >= 5 => out.offer(order(actor, ToolKind::Skirmish, d.id)),
            _ => {}
        }
        out.offer(order(actor, ToolKind::Reinforce, d.id));
        out.offer(order(actor, ToolKind::ShowOfForce, d.id));
    }
    if !proposed {
        out.offer(OrderSpec { target: None, ..order(actor, ToolKind::PublicStatement, Id::default()) });
    }
}

/// De-escalates where it is a party: consent, a ceasefire, talks, a signature once a deal is possible.
pub fn dove(actor: Id, out: &mut Kept) {
    let view = out.view;
    for d in view.dyads_involving(&actor) {
        let Some(i) = d.side_of(actor) else { continue };
        if d.way_out >= crate::rules::ground::AGREEMENT_WAY_OUT && !d.agreement {
            out.offer(order(actor, ToolKind::SignAgreement, d.id));
        }
        if !view.open_to_talks(d, i) {
            out.offer(order(actor, ToolKind::AcceptMediation, d.id));
        }
        if !d.ceasefire && d.stage >= 4 {
            out.offer(order(actor, ToolKind::OfferCeasefire, d.id));
        }
        if !d.accepts_observers[i] {
            out.offer(order(actor, ToolKind::AcceptObservers, d.id));
        }
        out.offer(order(actor, ToolKind::Negotiate, d.id));
        out.offer(order(actor, ToolKind::Withdraw, d.id));
    }
}

/// A third party that helps where it is welcome, when the moment is ripe, and with one voice: the
/// most trusted mediator mediates (formulative when ripe, facilitative before; facilitation or good
/// offices while consent is missing); the others join its track (a joint envoy, the standby team)
/// rather than open their own. Observers where both consent; a Council statement when blood is shed.
pub fn cautious_mediator(actor: Id, out: &mut Kept) {
    let view = out.view;
    for (rank, d) in view.dyads.values().enumerate() {
        if d.side_of(actor).is_some() {
            continue;
        }
        let lead = out.lead(rank);
        if lead == Some(actor) {
            let ripe = ripeness(d, &view.scenario.rules).value;
            let style = if ripe >= 0.45 { MediationStyle::Formulative } else { MediationStyle::Facilitative };
            let options = [
                OrderSpec { style: Some(style), ..order(actor, ToolKind::Mediation, d.id) },
                order(actor, ToolKind::ChairFacilitation, d.id),
                order(actor, ToolKind::GoodOffices, d.id),
            ];
            out.offer_first(options);
        } else if let Some(lead) = lead {
            let pair = if actor <= lead { (actor, lead) } else { (lead, actor) };
            if !view.globals.joint_tracks.contains(&pair) {
                // The standby team is sent once in a game: it then stays with the mediation it backs
                // (sent every turn, it would add its leverage and coherence again each time).
                let team_sent = view.actor(actor).is_some_and(|a| a.uses.get(ToolKind::DeployStandbyTeam) > 0);
                let joint = OrderSpec { with: Some(lead), ..order(actor, ToolKind::JointEnvoy, d.id) };
                let team = (!team_sent).then(|| OrderSpec {
                    target: Some(Target::Actor(lead)),
                    ..order(actor, ToolKind::DeployStandbyTeam, d.id)
                });
                out.offer_first(std::iter::once(joint).chain(team));
            }
        }
        if d.accepts_observers.iter().all(|x| *x)
            && view.operation(d.id, crate::engine::operations::OperationKind::Observers).is_none()
        {
            out.offer(order(actor, ToolKind::DeployObservers, d.id));
            // With both sides' consent a regional force can go in too (kept only if the bot holds the
            // tool and its regional body decides for it).
            if view.operation(d.id, crate::engine::operations::OperationKind::RegionalForce).is_none() {
                out.offer(order(actor, ToolKind::DeployRegionalForce, d.id));
            }
        }
        if d.stage >= 5 {
            out.offer(order(actor, ToolKind::PressStatement, d.id));
        }
    }
}
