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
