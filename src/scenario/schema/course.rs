use serde::{Deserialize, Serialize};

use super::{Id, OrderSpec};

/// One turn of what really happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseTurn {
    pub turn: u32,
    /// The real dates this turn covers, in words, e.g. "4–10 February 2011".
    pub dates: String,
    /// What happened, in the scenario's own words.
    pub summary: String,
    pub orders: Vec<OrderSpec>,
    /// Version 2: injects with a `Facilitator` trigger that happened in this turn of history; the
    /// course fires them as a facilitator would.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub injects: Vec<Id>,
    /// Source ids.
    pub sources: Vec<String>,
}
