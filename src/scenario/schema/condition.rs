use serde::{Deserialize, Serialize};

use super::Id;

/// A test on the state of the game, used by triggers, objectives, outcomes and stop rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    Always,
    /// The variable is at least the value.
    AtLeast(Var, f64),
    /// The variable is at most the value.
    AtMost(Var, f64),
    /// The event has happened at some point in the game.
    Happened(Event),
    /// From this turn on.
    FromTurn(u32),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// A number in the state. Dyad sides are named by actor id: `Arms("border", "thailand")`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Var {
    Stage(Id),
    Arms(Id, Id),
    Grievance(Id, Id),
    Hurt(Id, Id),
    WinBelief(Id, Id),
    WayOut(Id),
    Enticement(Id),
    /// `Trust(party, third)`.
    Trust(Id, Id),
    Spoiler(Id),
    DomesticPressure(Id),
    Leverage(Id),
    PublicPressure,
    Coherence,
    Deaths,
    Displaced,
    /// Version 2: the people killed in this one dispute since the game began.
    DisputeDeaths(Id),
    /// Version 2: the people killed in the last N turns, this one included (`RecentDeaths(1)`: this
    /// turn). The scenario's starting toll is not recent. Counted, so never shifted or set.
    RecentDeaths(u32),
}

/// Something that happens once and is remembered.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Event {
    /// Both sides of the dyad signed an agreement.
    AgreementSigned(Id),
    /// Both sides of the dyad accepted a ceasefire.
    Ceasefire(Id),
    /// Observers are deployed in the dyad's area.
    ObserversDeployed(Id),
    /// The body adopted a resolution.
    ResolutionAdopted(Id),
    /// A permanent member vetoed a draft in the body.
    Vetoed(Id),
    /// A peace operation was mandated for the dyad.
    PeaceOperation(Id),
    /// The court ordered provisional measures in the dyad.
    ProvisionalMeasures(Id),
    /// Sanctions were imposed on the actor.
    Sanctioned(Id),
    /// Sanctions on the actor were lifted (format 2).
    SanctionsLifted(Id),
    /// The dispute was brought to the body.
    Seized(Id),
    /// A scripted inject fired.
    InjectFired(Id),
    /// Format 2: the Council authorised the regional body to use force (Art. 53).
    RegionalForceAuthorised(Id),
    /// Format 2: a regional force was deployed in the dyad.
    RegionalForceDeployed(Id),
    /// Format 2: a commission of inquiry into the dyad's violence was set up.
    InquirySetUp(Id),
    /// Format 2: a commission of inquiry into the dyad's violence reported its findings.
    InquiryReported(Id),
}
