use serde::{Deserialize, Serialize};

/// Who, what, when: everything a facilitator reads before opening the rest of the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Lower-case letters, digits and hyphens, e.g. `kenya-2008`.
    pub id: String,
    pub title: String,
    pub summary: String,
    /// `true` for invented crises; historical scenarios (`false`) must cite sources.
    pub fictional: bool,
    /// ISO date `YYYY-MM-DD` of turn 1.
    pub start_date: String,
    pub turn_length: TurnLength,
    /// Version 2: turns of another length from a given turn on, in turn order (a crisis met week by
    /// week, then month by month once talks settle in).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub turn_length_changes: Vec<TurnLengthChange>,
    /// Number of turns, 1 to 100.
    pub turns: u32,
    /// Language of the texts, e.g. `en`.
    #[serde(default = "default_language")]
    pub language: String,
    /// What really happened, for the debrief; may be empty for fictional scenarios.
    #[serde(default)]
    pub historical_note: String,
    #[serde(default)]
    pub sources: Vec<Source>,
}

fn default_language() -> String {
    "en".to_string()
}

/// How much time one turn stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TurnLength {
    Day,
    Week,
    Fortnight,
    Month,
    Days(u32),
}

impl TurnLength {
    /// Length in days; a month counts as 30 days for dating turns.
    pub fn days(self) -> u32 {
        match self {
            TurnLength::Day => 1,
            TurnLength::Week => 7,
            TurnLength::Fortnight => 14,
            TurnLength::Month => 30,
            TurnLength::Days(n) => n,
        }
    }
}

/// From `from_turn` on, each turn stands for `length` (until the next change).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TurnLengthChange {
    pub from_turn: u32,
    pub length: TurnLength,
}

impl Meta {
    /// How long turn `turn` is (`turn_length`, or the last change at or before it).
    pub fn length_of_turn(&self, turn: u32) -> TurnLength {
        self.turn_length_changes
            .iter()
            .take_while(|c| c.from_turn <= turn)
            .last()
            .map_or(self.turn_length, |c| c.length)
    }

    /// Days from the start date to the first day of `turn` (turn 1: 0). Changes are in turn order
    /// (validated), so this adds up the lengths of the turns before.
    pub fn days_before_turn(&self, turn: u32) -> i64 {
        (1..turn).map(|t| i64::from(self.length_of_turn(t).days())).sum()
    }
}

/// A source that facts in the scenario rest on; cited by id from the course and injects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// Author, title, publisher, date: enough to find it again.
    pub citation: String,
    #[serde(default)]
    pub url: Option<String>,
}
