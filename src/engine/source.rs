//! Where a turn's orders come from when no group gives them: an orders file, the scenario's
//! historical course, or nothing (everyone holds).

use std::collections::BTreeMap;

use super::state::Snapshot;
use crate::bots::{BotTurn, chooses_last, orders_into};
use crate::orders::{OrdersFile, TurnOrders};
use crate::scenario::{BotPolicy, Id, Scenario};

#[derive(Debug, Clone)]
pub enum OrderSource {
    /// Every actor holds.
    Hold,
    /// The real actors' orders from the scenario's `historical_course`.
    Historical,
    File(OrdersFile),
    /// Another source, with bots giving the orders of the actors it has none for (made by
    /// [`OrderSource::bots`]).
    Bots {
        base: Box<OrderSource>,
        /// The seats a bot plays, in id order, with their policies (listed once: a seat whose
        /// policy is to hold gives no orders, so it is not listed).
        seats: Vec<(Id, BotPolicy)>,
    },
}

impl OrderSource {
    /// `base` with bots playing the seats it leaves empty, each by its policy in `policies`.
    pub fn bots(base: OrderSource, policies: &BTreeMap<Id, BotPolicy>) -> OrderSource {
        let seats = policies.iter().filter(|(_, p)| **p != BotPolicy::Hold).map(|(a, p)| (*a, *p)).collect();
        OrderSource::Bots { base: Box::new(base), seats }
    }

    /// No orders, only the injects the historical course fires in each turn (format 2): the base of
    /// bots that all follow the course, so that the course's events happen as in `run`.
    pub fn course_injects(scenario: &Scenario) -> OrderSource {
        let turns = scenario
            .historical_course
            .iter()
            .filter(|t| !t.injects.is_empty())
            .map(|t| TurnOrders {
                turn: t.turn,
                injects: t.injects.iter().map(|i| i.to_string()).collect(),
                ..TurnOrders::default()
            })
            .collect();
        OrderSource::File(OrdersFile { turns })
    }

    /// `base` with every actor's own bot policy from the scenario filling the seats it leaves empty.
    pub fn with_scenario_bots(base: OrderSource, scenario: &Scenario) -> OrderSource {
        OrderSource::bots(base, &scenario.actors.iter().map(|a| (a.id, a.bot)).collect())
    }

    /// The orders for `turn`, given the state before it.
    pub fn orders(&self, scenario: &Scenario, state: &Snapshot, turn: u32) -> TurnOrders {
        match self {
            OrderSource::Bots { base, seats } => {
                let mut t = base.orders(scenario, state, turn);
                let view = super::view::View::of_snapshot(scenario, state, turn);
                // The actors the base source gave orders for keep them; bots fill the other seats.
                let given: crate::fast_hash::FastSet<crate::scenario::Id> = t.orders.iter().map(|o| o.actor).collect();
                // Room for two orders a seat at once (most bots give one or two; the list grows if
                // they give more): not so much that the allocator takes its slow path for large blocks.
                t.orders.reserve(seats.len() * 2);
                let base_orders = t.orders.len();
                // Each seat with, for a cautious mediator, where its orders go (filled in below).
                let mut seats: Vec<(Id, BotPolicy, usize)> = seats
                    .iter()
                    .filter(|(actor, _)| !given.contains(actor))
                    .map(|&(actor, policy)| (actor, policy, 0))
                    .collect();
                let cautious = seats.iter().filter(|(_, p, _)| *p == BotPolicy::CautiousMediator).map(|(a, _, _)| *a);
                let bots = BotTurn::new(&view, state, cautious);
                // Cautious mediators choose last (they follow whoever mediates this turn), and their
                // orders are then moved to where their seat comes in id order, as if each bot had
                // chosen in turn: `at` notes, for each, how many orders the seats before it gave.
                for (actor, policy, at) in &mut seats {
                    if chooses_last(*policy) {
                        *at = t.orders.len();
                    } else {
                        orders_into(*policy, *actor, &bots, &mut t.orders);
                    }
                }
                seats.retain(|(_, policy, _)| chooses_last(*policy));
                let mut moved = 0;
                for (actor, policy, at) in seats {
                    let from = t.orders.len();
                    orders_into(policy, actor, &bots, &mut t.orders);
                    let added = t.orders.len() - from;
                    t.orders[at + moved..].rotate_right(added);
                    moved += added;
                }
                t.checked_by_bots = t.orders.len() - base_orders;
                t
            }
            other => other.turn(scenario, turn),
        }
    }

    /// The orders for `turn` of a source that does not look at the state (not bots).
    pub fn turn(&self, scenario: &Scenario, turn: u32) -> TurnOrders {
        match self {
            OrderSource::Bots { base, .. } => base.turn(scenario, turn),
            OrderSource::Hold => TurnOrders { turn, ..TurnOrders::default() },
            // The course also fires the injects that happened in that turn of history, as a
            // facilitator would (`injects` of a course entry).
            OrderSource::Historical => match scenario.historical_course.iter().find(|t| t.turn == turn) {
                Some(t) => TurnOrders {
                    turn,
                    orders: t.orders.clone(),
                    injects: t.injects.iter().map(|i| i.to_string()).collect(),
                    ..TurnOrders::default()
                },
                None => TurnOrders { turn, ..TurnOrders::default() },
            },
            OrderSource::File(f) => f.turn(turn).cloned().unwrap_or(TurnOrders { turn, ..TurnOrders::default() }),
        }
    }

    /// How the log names this source.
    pub fn describe(&self, path: Option<&str>) -> String {
        match self {
            OrderSource::Hold => "all hold".into(),
            OrderSource::Historical => "course: historical".into(),
            OrderSource::File(_) => format!("orders: {}", path.unwrap_or("file")),
            OrderSource::Bots { base, .. } => format!("{} + bots", base.describe(path)),
        }
    }
}

/// Plays a whole game (or `max_turns` of it) from one source and returns every record.
pub fn play(game: &mut super::Game, source: &OrderSource, max_turns: Option<u32>) -> Vec<super::record::TurnRecord> {
    let mut records = Vec::new();
    let scenario = game.scenario().clone();
    while !game.is_over() && max_turns.is_none_or(|m| (records.len() as u32) < m) {
        let orders = source.orders(&scenario, game.state(), game.next_turn());
        records.push(game.play_turn(&orders));
    }
    records
}
