//! Where a turn's orders come from when no group gives them: an orders file, the scenario's
//! historical course, or nothing (everyone holds).

use crate::orders::{OrdersFile, TurnOrders};
use crate::scenario::Scenario;

#[derive(Debug, Clone)]
pub enum OrderSource {
    /// Every actor holds.
    Hold,
    /// The real actors' orders from the scenario's `historical_course`.
    Historical,
    File(OrdersFile),
}

impl OrderSource {
    /// The orders for `turn` (none when the source has nothing for that turn).
    pub fn turn(&self, scenario: &Scenario, turn: u32) -> TurnOrders {
        match self {
            OrderSource::Hold => TurnOrders { turn, ..TurnOrders::default() },
            OrderSource::Historical => TurnOrders {
                turn,
                orders: scenario
                    .historical_course
                    .iter()
                    .find(|t| t.turn == turn)
                    .map(|t| t.orders.clone())
                    .unwrap_or_default(),
                ..TurnOrders::default()
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
        }
    }
}

/// Plays a whole game (or `max_turns` of it) from one source and returns every record.
pub fn play(game: &mut super::Game, source: &OrderSource, max_turns: Option<u32>) -> Vec<super::record::TurnRecord> {
    let mut records = Vec::new();
    let scenario = game.scenario().clone();
    while !game.is_over() && max_turns.is_none_or(|m| (records.len() as u32) < m) {
        let orders = source.turn(&scenario, game.next_turn());
        records.push(game.play_turn(&orders));
    }
    records
}
