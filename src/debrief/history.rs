//! What the real actors did (the scenario's historical course) beside what the groups did, turn by turn.
//! Orders are compared by what they do (actor, tool, target and details), not by their notes.

use crate::engine::record::TurnRecord;
use crate::names::Names;
use crate::scenario::OrderSpec;

#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// `meta.historical_note`: what really happened, in a paragraph.
    pub note: String,
    pub turns: Vec<HistoryTurn>,
    /// `(id, citation)` of every source the course cites, in the scenario's order.
    pub sources: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryTurn {
    pub turn: u32,
    pub dates: String,
    pub summary: String,
    /// The real actors' moves, as orders.
    pub real: Vec<String>,
    pub sources: Vec<String>,
    pub game: GameSide,
}

#[derive(Debug, Clone, PartialEq)]
pub enum GameSide {
    /// The game ended before this turn (or the log stops before it).
    NotPlayed,
    /// The groups gave the same orders as the real actors.
    Same,
    Different {
        /// Every order the groups gave.
        orders: Vec<String>,
        /// Real moves nobody made in the game.
        only_history: Vec<String>,
        /// Moves of the game nobody made in history.
        only_game: Vec<String>,
    },
}

/// What an order does, without its note.
fn key(o: &OrderSpec) -> OrderSpec {
    OrderSpec { note: Default::default(), ..o.clone() }
}

/// The orders of `a` that are not in `b`, each matched once.
pub fn missing_from(a: &[OrderSpec], b: &[OrderSpec]) -> Vec<OrderSpec> {
    let mut rest: Vec<OrderSpec> = b.iter().map(key).collect();
    let mut out = Vec::new();
    for o in a {
        match rest.iter().position(|x| *x == key(o)) {
            Some(i) => {
                rest.remove(i);
            }
            None => out.push(o.clone()),
        }
    }
    out
}

pub fn build(names: Names<'_>, records: &[TurnRecord]) -> History {
    let s = names.scenario;
    let turns = s
        .historical_course
        .iter()
        .map(|c| {
            let game = match records.iter().find(|r| r.turn == c.turn) {
                None => GameSide::NotPlayed,
                Some(r) => {
                    let only_history = missing_from(&c.orders, &r.submitted);
                    let only_game = missing_from(&r.submitted, &c.orders);
                    if only_history.is_empty() && only_game.is_empty() {
                        GameSide::Same
                    } else {
                        GameSide::Different {
                            orders: r.submitted.iter().map(|o| names.order(o)).collect(),
                            only_history: only_history.iter().map(|o| names.order(o)).collect(),
                            only_game: only_game.iter().map(|o| names.order(o)).collect(),
                        }
                    }
                }
            };
            HistoryTurn {
                turn: c.turn,
                dates: c.dates.clone(),
                summary: c.summary.clone(),
                real: c.orders.iter().map(|o| names.order(o)).collect(),
                sources: c.sources.clone(),
                game,
            }
        })
        .collect();
    let cited: Vec<&String> = s.historical_course.iter().flat_map(|c| &c.sources).collect();
    let sources = s
        .meta
        .sources
        .iter()
        .filter(|src| cited.contains(&&src.id))
        .map(|src| {
            let citation = match &src.url {
                Some(url) => format!("{} ({url})", src.citation),
                None => src.citation.clone(),
            };
            (src.id.clone(), citation)
        })
        .collect();
    History { note: s.meta.historical_note.clone(), turns, sources }
}
