//! The scenario file format, version 1: plain serde types.
//!
//! Every struct denies unknown fields and every enum is externally tagged, so a typo is reported at the
//! line where it stands (see `docs/scenario-format.md`). Semantic checks (references, ranges, the
//! Charter's fixed rules) live in `scenario::validate`, not here.

mod actor;
mod body;
mod condition;
mod conflict;
mod course;
mod ending;
mod inject;
mod meta;
mod order;
mod rules;
mod tool;

pub use actor::{Actor, ActorKind, Attributes, BotPolicy, Objective, ToolParams};
pub use body::{Body, BodyKind, CourtKind, DecisionRule, Presidency, VoteShares};
pub use condition::{Condition, Event, Var};
pub use conflict::{Conflict, Dyad, IssueType, Spoiler, Toll, TrustLink};
pub use course::CourseTurn;
pub use ending::{Ending, Outcome, StopRule};
pub use inject::{EffectSpec, Inject, Trigger};
pub use meta::{Meta, Source, TurnLength};
pub use order::{Chapter, Draft, DraftContent, MediationStyle, OrderSpec, SanctionKind, Target, VotePosition};
pub use rules::RuleParams;
pub use tool::ToolKind;

use serde::{Deserialize, Serialize};

/// The only scenario format this engine reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version: must be 1.
    pub format: u32,
    pub meta: Meta,
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub bodies: Vec<Body>,
    pub conflict: Conflict,
    #[serde(default)]
    pub injects: Vec<Inject>,
    pub ending: Ending,
    /// What the real actors did, turn by turn, as orders. Empty for fictional scenarios.
    #[serde(default)]
    pub historical_course: Vec<CourseTurn>,
    #[serde(default)]
    pub debrief_questions: Vec<String>,
    /// Overrides of the engine's rule parameters; every field is optional.
    #[serde(default)]
    pub rules: RuleParams,
}

impl Scenario {
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    pub fn dyad(&self, id: &str) -> Option<&Dyad> {
        self.conflict.dyads.iter().find(|d| d.id == id)
    }

    /// The bodies an actor belongs to, in file order (membership is declared on the body).
    pub fn memberships(&self, actor: &str) -> Vec<&Body> {
        self.bodies.iter().filter(|b| b.has_member(actor)).collect()
    }
}
