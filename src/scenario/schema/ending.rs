use serde::{Deserialize, Serialize};

use super::Condition;

/// How a game ends and how it is classed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// The game stops early at the end of the first turn where one of these holds.
    #[serde(default)]
    pub stop_when: Vec<StopRule>,
    /// Checked in order at the end; the first that holds classes the game. End with an `Always`.
    pub outcomes: Vec<Outcome>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StopRule {
    pub when: Condition,
    /// Why the game stops, in words.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    pub title: String,
    pub text: String,
    pub when: Condition,
}
