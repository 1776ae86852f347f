//! The turn's timer: it runs from the start of a turn, the facilitator can pause and extend it, and
//! it only informs (the facilitator resolves the turn; groups not locked in by then hold or are played
//! per `--others`).

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
enum State {
    /// No timer in this room (`--turn-minutes 0`).
    Off,
    Running {
        deadline: Instant,
    },
    Paused {
        left: Duration,
    },
}

#[derive(Debug, Clone, Copy)]
pub struct Timer {
    turn_length: Duration,
    state: State,
}

impl Timer {
    /// A timer of `minutes` a turn, started now; 0 for none.
    pub fn new(minutes: u32) -> Timer {
        let mut timer = Timer { turn_length: Duration::from_secs(u64::from(minutes) * 60), state: State::Off };
        timer.restart();
        timer
    }

    /// Back to a whole turn, running (a new turn starts).
    pub fn restart(&mut self) {
        self.state = if self.turn_length.is_zero() {
            State::Off
        } else {
            State::Running { deadline: Instant::now() + self.turn_length }
        };
    }

    /// The time left; `None` when the room has no timer.
    pub fn left(&self) -> Option<Duration> {
        match self.state {
            State::Off => None,
            State::Running { deadline } => Some(deadline.saturating_duration_since(Instant::now())),
            State::Paused { left } => Some(left),
        }
    }

    pub fn is_paused(&self) -> bool {
        matches!(self.state, State::Paused { .. })
    }

    pub fn pause(&mut self) {
        if let Some(left) = self.left().filter(|_| !self.is_paused()) {
            self.state = State::Paused { left };
        }
    }

    pub fn resume(&mut self) {
        if let State::Paused { left } = self.state {
            self.state = State::Running { deadline: Instant::now() + left };
        }
    }

    /// Adds minutes to the time left (a room without a timer gets one of that length).
    pub fn extend(&mut self, minutes: u32) {
        let more = Duration::from_secs(u64::from(minutes) * 60);
        self.state = match self.state {
            State::Off => State::Running { deadline: Instant::now() + more },
            State::Running { deadline } => State::Running { deadline: deadline.max(Instant::now()) + more },
            State::Paused { left } => State::Paused { left: left + more },
        };
    }
}

/// `12:05`, or `time is up`.
pub fn clock(left: Duration) -> String {
    let secs = left.as_secs();
    if secs == 0 { "time is up".to_string() } else { format!("{}:{:02}", secs / 60, secs % 60) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paused_timer_keeps_its_time_and_extending_adds_to_it() {
        let mut timer = Timer::new(10);
        timer.pause();
        let left = timer.left().unwrap();
        assert!(left <= Duration::from_secs(600) && left > Duration::from_secs(590));
        timer.extend(5);
        assert_eq!(timer.left().unwrap(), left + Duration::from_secs(300));
        assert!(Timer::new(0).left().is_none());
        assert_eq!(clock(Duration::from_secs(725)), "12:05");
        assert_eq!(clock(Duration::ZERO), "time is up");
    }
}
