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
    let mut kept = Kept::new(view, out);
    match policy {
        BotPolicy::Hold => {}
        BotPolicy::Historical => {
            // The course's orders are checked where they stand and only the kept ones copied.
            let course = scenario.historical_course.iter().find(|t| t.turn == turn);
            for order in course.into_iter().flat_map(|t| &t.orders).filter(|o| o.actor == actor) {
                if kept.passes(order) {
                    kept.out.push(order.clone());
                }
            }
        }
        BotPolicy::Hawk => simple::hawk(actor, &mut kept),
        BotPolicy::Dove => simple::dove(actor, &mut kept),
        BotPolicy::CautiousMediator => simple::cautious_mediator(actor, &mut kept),
        BotPolicy::BestResponse => {
            for order in best_response::choose(actor, view, state) {
                kept.offer(order);
            }
        }
    }
}

/// A bot's orders so far this turn (the last ones in the turn's list): a proposal is kept if it
/// passes `check` given those kept before it, so every order is checked once, in the order proposed.
pub(crate) struct Kept<'o, 'v> {
    pub view: &'v View<'v>,
    out: &'o mut Vec<OrderSpec>,
    /// Where this bot's orders start in `out`.
    first: usize,
}

impl<'o, 'v> Kept<'o, 'v> {
    fn new(view: &'v View<'v>, out: &'o mut Vec<OrderSpec>) -> Self {
        let first = out.len();
        Kept { view, out, first }
    }

    fn passes(&self, order: &OrderSpec) -> bool {
        passes(order, self.view, &self.out[self.first..])
    }

    /// Keeps `order` if it passes.
    pub fn offer(&mut self, order: OrderSpec) {
        self.keep(order);
    }

    /// Keeps the first of `options` that passes, if any.
    pub fn offer_first(&mut self, options: impl IntoIterator<Item = OrderSpec>) {
        for order in options {
            if self.keep(order) {
                return;
            }
        }
    }

    /// Keeps `order` if it passes; says whether it did.
    fn keep(&mut self, order: OrderSpec) -> bool {
        let pass = self.passes(&order);
        if pass {
            self.out.push(order);
        }
        pass
    }
}
