//! The scenario file format, versions 1 and 2: plain serde types. Version 2 adds fields and variants
//! (see `docs/scenario-format.md`, "What version 2 adds"); a file that says `format: 1` may not use
//! them, so an engine that reads only version 1 never meets a file it would misread.
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
mod id;
mod inject;
mod meta;
mod note;
mod order;
mod rules;
mod tool;

pub use actor::{Actor, ActorKind, Attributes, BotPolicy, Objective, ToolParams};
pub use body::{Body, BodyKind, CourtKind, DecisionRule, Presidency, VoteShares};
pub use condition::{Condition, Event, Var};
pub use conflict::{Conflict, Dyad, IssueType, SanctionInForce, Spoiler, Toll, TrustLink};
pub use course::CourseTurn;
pub use ending::{Ending, Outcome, StopRule};
pub use id::{Id, IdKey};
pub use inject::{EffectSpec, Inject, Trigger};
pub use meta::{Meta, Source, TurnLength, TurnLengthChange};
pub use note::Note;
pub use order::{
    Chapter, Draft, DraftContent, Mandate, MediationStyle, OrderSpec, SanctionKind, Target, Task, VotePosition,
};
pub use rules::RuleParams;
pub use tool::ToolKind;

use serde::{Deserialize, Serialize};

/// The newest scenario format, the one `new` writes.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest scenario format this engine still reads.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// A whole scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version: 1 or 2.
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
    /// The index by id, built on first use (not part of the file).
    #[serde(skip)]
    lookup: super::lookup::LookupCell,
}

impl Scenario {
    /// The index by id. It is built on first use, so a scenario must not be edited after it has been
    /// used (or must be told with [`Scenario::reindex`]).
    pub fn lookup(&self) -> &super::lookup::Lookup {
        let l = self.lookup.get(self);
        debug_assert!(
            l.actor_count() == self.actors.len() && l.dyad_count() == self.conflict.dyads.len(),
            "the scenario was edited after it was indexed: call `reindex`"
        );
        l
    }

    /// Forgets the index after an edit.
    pub fn reindex(&mut self) {
        self.lookup = super::lookup::LookupCell::default();
    }

    pub fn actor(&self, id: impl IdKey) -> Option<&Actor> {
        let l = self.lookup();
        l.actor_rank(id).map(|r| &self.actors[l.actor_at(r)])
    }

    pub fn body(&self, id: impl IdKey) -> Option<&Body> {
        self.lookup().body_at(id).map(|i| &self.bodies[i])
    }

    pub fn dyad(&self, id: impl IdKey) -> Option<&Dyad> {
        let l = self.lookup();
        l.dyad_rank(id).map(|r| &self.conflict.dyads[l.dyad_at(r)])
    }

    /// The bodies an actor belongs to, in file order (membership is declared on the body).
    pub fn memberships(&self, actor: &str) -> Vec<&Body> {
        self.bodies.iter().filter(|b| b.has_member(actor)).collect()
    }
}
