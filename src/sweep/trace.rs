//! One game's figures turn by turn, as `sweep --profile` keeps them: the deaths so far, and each
//! dispute's stage and way out. A profile needs every game's figures at once (quantiles across games),
//! so they are kept small.

use crate::engine::state::Snapshot;
use crate::scenario::Scenario;

/// The most memory a profile's traces may take: a sweep that would keep more is refused before it
/// starts, with the number of games that fit (a million games of a long scenario with many disputes
/// would otherwise fill the machine's memory).
pub const MAX_TRACE_BYTES: u64 = 256 * 1024 * 1024;

/// The way out is kept in tenths: the profile shows it to one decimal, and rounding each game's value
/// before taking a quantile gives the same figure as rounding the quantile (both are one game's value).
const WAY_OUT_STEPS: f64 = 10.0;

/// The bytes one turn of one game takes in a trace: the deaths (8), then a stage (1) and a way out (2)
/// per dispute.
fn bytes_per_turn(disputes: usize) -> u64 {
    8 + 3 * disputes as u64
}

/// The memory the traces of `runs` games of `scenario` can take at most (every game played to its
/// last turn).
pub fn trace_bytes(scenario: &Scenario, runs: u64) -> u64 {
    let turns = u64::from(scenario.meta.turns);
    runs.saturating_mul(turns).saturating_mul(bytes_per_turn(scenario.conflict.dyads.len()))
}

/// The figures after each turn a game played, turn 1 first. Disputes are in the order of the state's
/// rows (by id).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Trace {
    disputes: usize,
    deaths: Vec<u64>,
    /// `stages[turn_index * disputes + row]`.
    stages: Vec<u8>,
    /// The way out in tenths, laid out as `stages`.
    way_out: Vec<u16>,
}

impl Trace {
    /// An empty trace with room for every turn of `scenario`.
    pub fn with_capacity(scenario: &Scenario) -> Trace {
        let turns = scenario.meta.turns as usize;
        let disputes = scenario.conflict.dyads.len();
        Trace {
            disputes,
            deaths: Vec::with_capacity(turns),
            stages: Vec::with_capacity(turns * disputes),
            way_out: Vec::with_capacity(turns * disputes),
        }
    }

    /// Adds the figures of the state after a turn.
    pub fn record(&mut self, state: &Snapshot) {
        self.deaths.push(state.globals.deaths);
        for d in &state.dyads {
            self.stages.push(d.stage);
            self.way_out.push(tenths(d.way_out));
        }
    }

    /// How many turns the game played.
    pub fn turns(&self) -> usize {
        self.deaths.len()
    }

    /// The deaths so far after turn `turn` (1-based), or after the game's last turn if it ended earlier
    /// (a game that has ended stays where it ended). `None` for a game that played no turn.
    pub fn deaths(&self, turn: usize) -> Option<u64> {
        self.at(turn).map(|i| self.deaths[i])
    }

    /// The stage of the dispute in state row `row` after `turn`, as [`Trace::deaths`].
    pub fn stage(&self, turn: usize, row: usize) -> Option<u8> {
        self.at(turn).map(|i| self.stages[i * self.disputes + row])
    }

    /// The way out (in tenths) of the dispute in state row `row` after `turn`, as [`Trace::deaths`].
    pub fn way_out_tenths(&self, turn: usize, row: usize) -> Option<u16> {
        self.at(turn).map(|i| self.way_out[i * self.disputes + row])
    }

    /// The index of the figures that hold after `turn`: that turn's, or the last turn's.
    fn at(&self, turn: usize) -> Option<usize> {
        turn.min(self.turns()).checked_sub(1)
    }
}

/// A way out (0–100) in tenths, rounded to the nearest.
pub fn tenths(way_out: f64) -> u16 {
    (way_out * WAY_OUT_STEPS).round().clamp(0.0, f64::from(u16::MAX)) as u16
}

/// Tenths back to the way out they stand for.
pub fn from_tenths(tenths: u16) -> f64 {
    f64::from(tenths) / WAY_OUT_STEPS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_game_that_has_ended_stays_where_it_ended() {
        let t = Trace { disputes: 1, deaths: vec![0, 4], stages: vec![3, 5], way_out: vec![150, 205] };
        assert_eq!((t.deaths(1), t.deaths(2), t.deaths(6)), (Some(0), Some(4), Some(4)));
        assert_eq!((t.stage(1, 0), t.stage(9, 0)), (Some(3), Some(5)));
        assert_eq!(t.way_out_tenths(3, 0), Some(205));
        assert_eq!(Trace::default().deaths(1), None);
        assert_eq!((tenths(20.46), tenths(20.44), from_tenths(205)), (205, 204, 20.5));
    }
}
