use serde::{Deserialize, Serialize};

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
    Stage(String),
    Arms(String, String),
    Grievance(String, String),
    Hurt(String, String),
    WinBelief(String, String),
    WayOut(String),
    Enticement(String),
    /// `Trust(party, third)`.
    Trust(String, String),
    Spoiler(String),
    DomesticPressure(String),
    Leverage(String),
    PublicPressure,
    Coherence,
    Deaths,
    Displaced,
}

/// Something that happens once and is remembered.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Event {
    /// Both sides of the dyad signed an agreement.
    AgreementSigned(String),
    /// Both sides of the dyad accepted a ceasefire.
    Ceasefire(String),
    /// Observers are deployed in the dyad's area.
    ObserversDeployed(String),
    /// The body adopted a resolution.
    ResolutionAdopted(String),
    /// A permanent member vetoed a draft in the body.
    Vetoed(String),
    /// A peace operation was mandated for the dyad.
    PeaceOperation(String),
    /// The court ordered provisional measures in the dyad.
    ProvisionalMeasures(String),
    /// Sanctions were imposed on the actor.
    Sanctioned(String),
    /// The dispute was brought to the body.
    Seized(String),
    /// A scripted inject fired.
    InjectFired(String),
}
