//! Policies for the seats no group plays. A bot sees the state as everyone sees it (never the dice),
//! proposes orders by its policy, and keeps only those that pass the same `check` as a group's orders.
//! See `docs/bots.md`.

mod best_response;
mod simple;

use crate::engine::state::Snapshot;
use crate::engine::view::View;
use crate::orders::passes;
use crate::scenario::{BotPolicy, OrderSpec, Scenario};

pub use best_response::{objective_value, satisfaction};

/// The orders `actor` gives this turn under `policy`, all of which pass `check`.
pub fn orders(policy: BotPolicy, actor: &str, scenario: &Scenario, state: &Snapshot, turn: u32) -> Vec<OrderSpec> {
    let mut out = Vec::new();
    orders_into(policy, actor, &View::of_snapshot(scenario, state, turn), state, &mut out);
    out
}

/// The same, with the view of the state already built (one view serves every bot of a turn), added
/// to the turn's orders `out`.
pub fn orders_into(policy: BotPolicy, actor: &str, view: &View, state: &Snapshot, out: &mut Vec<OrderSpec>) {
    let scenario = view.scenario;
    let turn = view.turn;
    // This bot's orders kept so far are the last ones in `out`.
    let first = out.len();
    match policy {
        BotPolicy::Hold => return,
        BotPolicy::Historical => {
            // The course's orders are checked where they stand and only the kept ones copied.
            let course = scenario.historical_course.iter().find(|t| t.turn == turn);
            for order in course.into_iter().flat_map(|t| &t.orders).filter(|o| o.actor == actor) {
                if passes(order, view, &out[first..]) {
                    out.push(order.clone());
                }
            }
            return;
        }
        // Proposed straight onto the end of the turn's list (no list of their own to allocate).
        BotPolicy::Hawk => simple::hawk(actor, view, out),
        BotPolicy::Dove => simple::dove(actor, view, out),
        BotPolicy::CautiousMediator => simple::cautious_mediator(actor, view, out),
        BotPolicy::BestResponse => out.extend(best_response::choose(actor, view, state)),
    }
    // Keep, in order, the proposals that pass `check` given those kept before them.
    let mut kept = first;
    for i in first..out.len() {
        if passes(&out[i], view, &out[first..kept]) {
            out.swap(kept, i);
            kept += 1;
        }
    }
    out.truncate(kept);
}
