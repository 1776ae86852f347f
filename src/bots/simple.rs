//! The simple policies: hawk, dove, cautious mediator. Each reads the state and proposes orders in a
//! fixed order of preference, added to the end of the turn's list; `check` then keeps the legal ones
//! (`bots::orders_into`).

use crate::engine::view::View;
use crate::rules::ripeness::ripeness;
use crate::scenario::Id;
use crate::scenario::{MediationStyle, OrderSpec, Target, ToolKind};

fn order(actor: &str, tool: ToolKind, dyad: &str) -> OrderSpec {
    OrderSpec {
        actor: Id::from(actor),
        tool,
        target: Some(Target::Dyad(Id::from(dyad))),
        style: None,
        draft: None,
        sanction: None,
        with: None,
        note: "bot".into(),
    }
}

/// Escalates where it is a party — a threshold act when the dispute stands at a phase boundary —,
/// refuses outside involvement, and attacks the peace where it is a spoiler.
pub fn hawk(actor: &str, view: &View, out: &mut Vec<OrderSpec>) {
    let start = out.len();
    for d in view.dyads_involving(actor) {
        let Some(i) = d.side_of(actor) else {
            if view.scenario.conflict.spoilers.iter().any(|sp| sp.actor == actor && sp.dyad == d.id) {
                out.push(order(actor, ToolKind::Spoil, &d.id));
                out.push(order(actor, ToolKind::Skirmish, &d.id));
            }
            continue;
        };
        if d.accepts_mediation[i] {
            out.push(order(actor, ToolKind::RefuseMediation, &d.id));
        }
        match d.stage {
            3 => out.push(order(actor, ToolKind::ShowOfForce, &d.id)),
            6 => out.push(order(actor, ToolKind::Strike, &d.id)),
            s if s >= 5 => out.push(order(actor, ToolKind::Skirmish, &d.id)),
            _ => {}
        }
        out.push(order(actor, ToolKind::Reinforce, &d.id));
        out.push(order(actor, ToolKind::ShowOfForce, &d.id));
    }
    if out.len() == start {
        out.push(OrderSpec { target: None, ..order(actor, ToolKind::PublicStatement, "") });
    }
}

/// De-escalates where it is a party: consent, a ceasefire, talks, a signature once a deal is possible.
pub fn dove(actor: &str, view: &View, out: &mut Vec<OrderSpec>) {
    for d in view.dyads_involving(actor) {
        let Some(i) = d.side_of(actor) else { continue };
        if d.way_out >= crate::rules::ground::AGREEMENT_WAY_OUT && !d.agreement {
            out.push(order(actor, ToolKind::SignAgreement, &d.id));
        }
        if !d.accepts_mediation[i] {
            out.push(order(actor, ToolKind::AcceptMediation, &d.id));
        }
        if !d.ceasefire && d.stage >= 4 {
            out.push(order(actor, ToolKind::OfferCeasefire, &d.id));
        }
        if !d.accepts_observers[i] {
            out.push(order(actor, ToolKind::AcceptObservers, &d.id));
        }
        out.push(order(actor, ToolKind::Negotiate, &d.id));
        out.push(order(actor, ToolKind::Withdraw, &d.id));
    }
}

/// A third party that helps where it is welcome, when the moment is ripe, and with one voice: the
/// most trusted mediator mediates (formulative when ripe, facilitative before; facilitation or good
/// offices while consent is missing); the others join its track (a joint envoy, the standby team)
/// rather than open their own. Observers where both consent; a Council statement when blood is shed.
pub fn cautious_mediator(actor: &str, view: &View, out: &mut Vec<OrderSpec>) {
    let legal = |o: &OrderSpec| crate::orders::passes::<OrderSpec>(o, view, &[]);
    for d in view.dyads.values() {
        if d.side_of(actor).is_some() {
            continue;
        }
        let lead = view.lead_mediator(&d.id);
        if lead == Some(actor) {
            let ripe = ripeness(d, &view.scenario.rules).value;
            let style = if ripe >= 0.45 { MediationStyle::Formulative } else { MediationStyle::Facilitative };
            let options = [
                OrderSpec { style: Some(style), ..order(actor, ToolKind::Mediation, &d.id) },
                order(actor, ToolKind::ChairFacilitation, &d.id),
                order(actor, ToolKind::GoodOffices, &d.id),
            ];
            out.extend(options.into_iter().find(|o| legal(o)));
        } else if let Some(lead) = lead {
            let pair =
                if actor <= lead { (Id::from(actor), Id::from(lead)) } else { (Id::from(lead), Id::from(actor)) };
            if !view.globals.joint_tracks.contains(&pair) {
                let options = [
                    OrderSpec { with: Some(Id::from(lead)), ..order(actor, ToolKind::JointEnvoy, &d.id) },
                    OrderSpec {
                        target: Some(Target::Actor(Id::from(lead))),
                        ..order(actor, ToolKind::DeployStandbyTeam, &d.id)
                    },
                ];
                out.extend(options.into_iter().find(|o| legal(o)));
            }
        }
        if d.accepts_observers.iter().all(|x| *x) && !d.observers {
            out.push(order(actor, ToolKind::DeployObservers, &d.id));
        }
        if d.stage >= 5 {
            out.push(order(actor, ToolKind::PressStatement, &d.id));
        }
    }
}
