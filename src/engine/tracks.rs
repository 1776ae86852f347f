//! Mediation tracks, each an entity of the world: one mediator's process in one dispute, with each
//! party's consent *to that mediator*, the style it last worked in, who worked beside it, and
//! whether it is suspended. A party can accept one mediator and refuse another, and court a
//! mediator of its own (forum shopping); a mediator can suspend its track as leverage. Between
//! turns they are rows of the state ([`Snapshot::tracks`]), sorted by key.
//!
//! [`Snapshot::tracks`]: super::state::Snapshot::tracks

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::keyed::Keyed;
use crate::scenario::{Id, MediationStyle};

/// A party's word on one mediator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Consent {
    /// It has said nothing about this mediator: its stance on mediation in general decides
    /// (`DyadState::accepts_mediation`).
    #[default]
    Open,
    /// It accepts this mediator (`AcceptMediation` with `with`).
    Given,
    /// It refuses this mediator (`RefuseMediation` with `with`, or a refusal of all mediation).
    Refused,
}

/// One mediator's track in one dispute.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediationTrack {
    pub dyad: Id,
    /// The mediator whose track it is (a partner in a joint envoy works inside it).
    pub mediator: Id,
    /// Each side's consent to this mediator, in the dispute's side order.
    pub consent: [Consent; 2],
    /// The style of its last attempt (good offices and a chair's facilitation count as facilitative);
    /// none before its first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<MediationStyle>,
    /// How many attempts it has led.
    #[serde(default)]
    pub attempts: u32,
    /// The other third parties whose orders joined its last attempt, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supporters: Vec<Id>,
    /// The turn the mediator suspended it in, until its next attempt resumes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspended: Option<u32>,
    /// The turn it began: a party's first word on the mediator, or its first attempt.
    pub since: u32,
}

/// What tells one track from another: one per mediator in a dispute.
pub type TrackKey = (Id, Id);

impl Keyed for MediationTrack {
    type Key = TrackKey;
    fn key(&self) -> TrackKey {
        (self.dyad, self.mediator)
    }
}

impl MediationTrack {
    /// A track no party has spoken on and no attempt has been made in.
    pub fn new(dyad: Id, mediator: Id, turn: u32) -> MediationTrack {
        MediationTrack {
            dyad,
            mediator,
            consent: [Consent::Open; 2],
            style: None,
            attempts: 0,
            supporters: Vec::new(),
            suspended: None,
            since: turn,
        }
    }
}

/// Whether a side consents to a mediator: its word on that mediator's track, or failing that its
/// stance on mediation in general.
pub fn consents(track: Option<&MediationTrack>, side: usize, in_general: bool) -> bool {
    match track.map_or(Consent::Open, |t| t.consent[side]) {
        Consent::Given => true,
        Consent::Refused => false,
        Consent::Open => in_general,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_on_the_mediator_outweighs_the_general_stance() {
        let mut track = MediationTrack::new(Id::from("d"), Id::from("m"), 1);
        assert!(consents(None, 0, true));
        assert!(!consents(None, 0, false));
        assert!(consents(Some(&track), 1, true), "open: the general stance decides");
        track.consent = [Consent::Given, Consent::Refused];
        assert!(consents(Some(&track), 0, false), "accepted this mediator though wary of mediation");
        assert!(!consents(Some(&track), 1, true), "refused this one though open to others");
    }
}
