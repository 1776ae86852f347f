//! Policies for the seats no group plays. A bot sees the state as everyone sees it (never the dice),
//! proposes orders by its policy, and keeps only those that pass the same `check` as a group's orders.
//! See `docs/bots.md`.

mod best_response;
mod lead;
mod simple;

use std::cell::OnceCell;

use crate::engine::state::Snapshot;
use crate::engine::view::View;
use crate::orders::passes;
use crate::scenario::{BotPolicy, Id, OrderSpec, Scenario};

pub use best_response::{objective_value, satisfaction};

/// What the bots of one turn share: the state as everyone sees it, which seats cautious mediators
/// play, and each dispute's lead mediator (worked out when the first cautious mediator asks).
pub struct BotTurn<'v> {
    pub view: &'v View<'v>,
    state: &'v Snapshot,
    /// By actor rank: whether a cautious mediator plays the seat this turn.
    cautious: Vec<bool>,
    /// Each dispute's lead, by dispute rank (a position in `scenario.actors`).
    leads: OnceCell<Vec<Option<usize>>>,
}

impl<'v> BotTurn<'v> {
    /// The bots' turn on `view` (of `state`), `cautious` listing the seats cautious mediators play.
    pub fn new(view: &'v View<'v>, state: &'v Snapshot, cautious: impl IntoIterator<Item = Id>) -> Self {
        let l = view.scenario.lookup();
        let mut by_rank = vec![false; l.actor_count()];
        for rank in cautious.into_iter().filter_map(|id| l.actor_rank(id)) {
            by_rank[rank] = true;
        }
        BotTurn { view, state, cautious: by_rank, leads: OnceCell::new() }
    }

    /// The lead mediator of the dispute of rank `dyad`, given the turn's orders so far: the most
    /// trusted third party among the cautious mediators and those giving a mediating order on it
    /// (`lead::leads`). Worked out once a turn, when the first cautious mediator asks: they choose
    /// after every other seat (see [`chooses_last`]).
    fn lead(&self, dyad: usize, orders: &[OrderSpec]) -> Option<Id> {
        let leads = self.leads.get_or_init(|| lead::leads(self.view, orders, &self.cautious));
        leads.get(dyad).copied().flatten().map(|i| self.view.scenario.actors[i].id)
    }
}

/// Whether a policy chooses after the other seats of the turn: a cautious mediator follows the lead
/// among those who mediate this turn, so it looks at their orders first.
pub fn chooses_last(policy: BotPolicy) -> bool {
    policy == BotPolicy::CautiousMediator
}

/// The orders `actor` gives this turn under `policy`, all of which pass `check`, with the other seats
/// as the scenario declares them (their `bot:` policies) and no other orders given.
pub fn orders(policy: BotPolicy, actor: Id, scenario: &Scenario, state: &Snapshot, turn: u32) -> Vec<OrderSpec> {
    let mut out = Vec::new();
    let view = View::of_snapshot(scenario, state, turn);
    let declared = scenario.actors.iter().filter(|a| a.bot == BotPolicy::CautiousMediator).map(|a| a.id);
    let cautious = declared.chain(chooses_last(policy).then_some(actor));
    orders_into(policy, actor, &BotTurn::new(&view, state, cautious), &mut out);
    out
}

/// The same, with the bots' turn already set up (one serves every bot of a turn), added to the
/// turn's orders `out`.
pub fn orders_into(policy: BotPolicy, actor: Id, turn: &BotTurn, out: &mut Vec<OrderSpec>) {
    let scenario = turn.view.scenario;
    let mut kept = Kept::new(turn, out);
    match policy {
        BotPolicy::Hold => {}
        BotPolicy::Historical => {
            // The course's orders are checked where they stand and only the kept ones copied.
            let course = scenario.historical_course.iter().find(|t| t.turn == turn.view.turn);
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
            for order in best_response::choose(actor, turn.view, turn.state) {
                kept.offer(order);
            }
        }
    }
}

/// A bot's orders so far this turn (the last ones in the turn's list): a proposal is kept if it
/// passes `check` given those kept before it, so every order is checked once, in the order proposed.
pub(crate) struct Kept<'o, 'v> {
    pub view: &'v View<'v>,
    turn: &'v BotTurn<'v>,
    out: &'o mut Vec<OrderSpec>,
    /// Where this bot's orders start in `out`.
    first: usize,
}

impl<'o, 'v> Kept<'o, 'v> {
    fn new(turn: &'v BotTurn<'v>, out: &'o mut Vec<OrderSpec>) -> Self {
        let first = out.len();
        Kept { view: turn.view, turn, out, first }
    }

    /// The lead mediator of the dispute of rank `dyad` this turn (see [`BotTurn::lead`]): the turn's
    /// orders so far are those before this bot's.
    pub fn lead(&self, dyad: usize) -> Option<Id> {
        self.turn.lead(dyad, &self.out[..self.first])
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
