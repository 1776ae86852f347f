//! `sweep --profile`: turn by turn, how the games are spread — the deaths so far, and each dispute's
//! stage and way out — as quantiles across games, so an author sees *when* a scenario goes wrong, not
//! only how it ends.
//!
//! A game that has ended keeps the figures it ended with: the profile at turn 8 describes every game
//! as it stands after turn 8, including those that ended at turn 5 (`in_play` counts the games still
//! being played). Turn 0 is the scenario's start, the same in every game.

use serde::Serialize;

use super::GameResult;
use super::trace::{Trace, from_tenths};
use crate::engine::state::Snapshot;
use crate::scenario::{Id, Scenario};

/// The quantiles shown, in per cent: the median, the middle half of the games (25–75) and four games
/// in five (10–90).
pub const QUANTILES: [u32; 5] = [10, 25, 50, 75, 90];

/// Figures at each quantile of [`QUANTILES`].
pub type Quantiles<T> = [T; 5];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    pub scenario: String,
    pub title: String,
    pub runs: usize,
    pub seed: u64,
    /// Who played each seat: `[role, policy]`, as in the sweep's summary.
    pub seats: Vec<(String, String)>,
    /// The quantiles of every figure, in per cent.
    pub quantiles: [u32; 5],
    /// `[id, name]` of each dispute, in the scenario's order (the order of `disputes` in each turn).
    pub disputes: Vec<(String, String)>,
    /// Turn 0 (the start) to the last turn any game played.
    pub turns: Vec<TurnProfile>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurnProfile {
    pub turn: u32,
    /// The games that played this turn (all of them at turn 0).
    pub in_play: usize,
    /// Deaths in total so far.
    pub deaths: Quantiles<u64>,
    pub disputes: Vec<DisputeProfile>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisputeProfile {
    pub dispute: String,
    /// Glasl stage, 1–9.
    pub stage: Quantiles<u8>,
    /// How clearly the parties see a way out, 0–100, to one decimal.
    pub way_out: Quantiles<f64>,
}

/// The nearest-rank quantile of sorted values, as the sweep's summary takes them: the value at rank
/// ⌈p × n / 100⌉ (at least 1), so every figure is one some game had. Integer arithmetic: no rounding
/// of `0.1 × n` decides a rank.
fn nearest_rank<T: Copy>(sorted: &[T], percent: u32) -> Option<T> {
    let n = sorted.len();
    let rank = (percent as usize * n).div_ceil(100).clamp(1, n.max(1));
    sorted.get(rank - 1).copied()
}

/// The quantiles of `values`, which it sorts; `empty` when there are none.
fn quantiles<T: Copy + Ord>(values: &mut [T], empty: T) -> Quantiles<T> {
    values.sort_unstable();
    QUANTILES.map(|p| nearest_rank(values, p).unwrap_or(empty))
}

/// The profile of games played with these `seats` from `seed`, each with its trace, in game order.
pub fn profile(
    scenario: &Scenario,
    seed: u64,
    seats: &std::collections::BTreeMap<Id, crate::scenario::BotPolicy>,
    games: &[(GameResult, Trace)],
) -> Profile {
    let start = Snapshot::initial(scenario);
    // A trace keeps the disputes in the state's order, by id; the profile shows them in the scenario's.
    let mut by_id: Vec<Id> = scenario.conflict.dyads.iter().map(|d| d.id).collect();
    by_id.sort();
    let rows: Vec<usize> =
        scenario.conflict.dyads.iter().map(|d| by_id.iter().position(|id| *id == d.id).unwrap_or(0)).collect();
    let last_turn = games.iter().map(|(_, t)| t.turns()).max().unwrap_or(0);
    let mut turns = vec![start_profile(&start, games.len())];
    let mut deaths = Vec::with_capacity(games.len());
    let mut stages = Vec::with_capacity(games.len());
    let mut way_out = Vec::with_capacity(games.len());
    for turn in 1..=last_turn {
        deaths.clear();
        deaths.extend(games.iter().map(|(_, t)| t.deaths(turn).unwrap_or(start.globals.deaths)));
        let disputes = scenario
            .conflict
            .dyads
            .iter()
            .zip(&rows)
            .zip(&start.dyads)
            .map(|((d, &row), at_start)| {
                stages.clear();
                stages.extend(games.iter().map(|(_, t)| t.stage(turn, row).unwrap_or(at_start.stage)));
                way_out.clear();
                let start_tenths = super::trace::tenths(at_start.way_out);
                way_out.extend(games.iter().map(|(_, t)| t.way_out_tenths(turn, row).unwrap_or(start_tenths)));
                DisputeProfile {
                    dispute: d.id.to_string(),
                    stage: quantiles(&mut stages, at_start.stage),
                    way_out: quantiles(&mut way_out, start_tenths).map(from_tenths),
                }
            })
            .collect();
        turns.push(TurnProfile {
            turn: turn as u32,
            in_play: games.iter().filter(|(_, t)| t.turns() >= turn).count(),
            deaths: quantiles(&mut deaths, start.globals.deaths),
            disputes,
        });
    }
    Profile {
        scenario: scenario.meta.id.to_string(),
        title: scenario.meta.title.clone(),
        runs: games.len(),
        seed,
        seats: super::summary::seat_policies(scenario, seats),
        quantiles: QUANTILES,
        disputes: scenario.conflict.dyads.iter().map(|d| (d.id.to_string(), d.name.clone())).collect(),
        turns,
    }
}

/// Turn 0: the scenario's start, every quantile the starting value.
fn start_profile(start: &Snapshot, runs: usize) -> TurnProfile {
    TurnProfile {
        turn: 0,
        in_play: runs,
        deaths: [start.globals.deaths; 5],
        disputes: start
            .dyads
            .iter()
            .map(|d| DisputeProfile {
                dispute: d.id.to_string(),
                stage: [d.stage; 5],
                way_out: [from_tenths(super::trace::tenths(d.way_out)); 5],
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_are_nearest_rank_values_some_game_had() {
        let mut values: Vec<u64> = (1..=50).rev().collect();
        assert_eq!(quantiles(&mut values, 0), [5, 13, 25, 38, 45]);
        assert_eq!(quantiles(&mut [7u64], 0), [7; 5]);
        assert_eq!(quantiles(&mut [] as &mut [u64], 3), [3; 5]);
        assert_eq!(quantiles(&mut [1u8, 2, 3, 4], 0), [1, 1, 2, 3, 4]);
    }
}
