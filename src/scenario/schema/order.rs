use serde::{Deserialize, Serialize};

use super::{Id, Note, ToolKind};

/// One use of a tool by one actor. The same shape is used in orders files and the historical course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderSpec {
    pub actor: Id,
    pub tool: ToolKind,
    /// What the tool is aimed at; some tools need none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// For `Mediation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<MediationStyle>,
    /// For `DraftResolution` and `AssemblyResolution` (boxed: most orders have none, and an order
    /// is moved several times a turn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Box<Draft>>,
    /// For `UnilateralSanctions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sanction: Option<SanctionKind>,
    /// A second actor involved: the mediator for `AcceptMediation`/`RefuseMediation`, the envoy for
    /// `AppointEnvoy`, the partner for `JointEnvoy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<Id>,
    /// Free text shown in the log (see [`Note`]: copied with its order without allocating).
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub note: Note,
}

impl OrderSpec {
    /// An order of `actor` with `tool` at `target`, with no style, draft, sanction, partner or note
    /// (set those on the result).
    pub fn new(actor: Id, tool: ToolKind, target: Option<Target>) -> OrderSpec {
        OrderSpec { actor, tool, target, style: None, draft: None, sanction: None, with: None, note: Note::default() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    Actor(Id),
    Body(Id),
    Dyad(Id),
}

impl Target {
    pub fn id(&self) -> Id {
        match self {
            Target::Actor(id) | Target::Body(id) | Target::Dyad(id) => *id,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MediationStyle {
    /// Communication and process only.
    Facilitative,
    /// The mediator proposes solutions.
    Formulative,
    /// Leverage: incentives and pressure ("muscle").
    Directive,
}

/// A draft resolution: its chapter and what it would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub chapter: Chapter,
    pub contents: Vec<DraftContent>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Chapter {
    /// Pacific settlement: recommendations.
    VI,
    /// Action with respect to threats to the peace: binding.
    VII,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DraftContent {
    /// Call on the parties (of this dyad) to cease fire.
    Ceasefire(Id),
    /// Endorse the named regional body's effort (Art. 52(3)).
    EndorseRegional(Id),
    /// Sanctions on an actor (Chapter VII only).
    Sanctions(Id, SanctionKind),
    /// Lift every sanction the Council keeps on an actor (Chapter VII only; format 2).
    LiftSanctions(Id),
    /// A commission of inquiry into the dyad's violence.
    CommissionOfInquiry(Id),
    /// An observer mission of this many observers for the dyad.
    Observers(Id, u32),
    /// A peace operation of this many personnel for the dyad, mandated to monitor the ceasefire and
    /// protect civilians, with no end date (the short form of `Mandate`).
    PeaceOperation(Id, u32),
    /// A peace operation with its mandate spelled out: tasks, strength, length (format 2).
    Mandate(Mandate),
    /// Extend the mandate of the dyad's peace operation by this many turns (format 2).
    RenewMandate(Id, u32),
    /// Approve the budget of the dyad's peace operation, shared among all members by assessment
    /// (Art. 17(2); an Assembly resolution only; format 2).
    FinanceOperation(Id),
    /// Authorise the named regional body to use force (Art. 53; Chapter VII only).
    AuthoriseRegionalForce(Id),
    /// Refer the situation in the dyad to the ICC (Chapter VII only).
    IccReferral(Id),
}

/// A peace operation's mandate (`DraftContent::Mandate`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mandate {
    pub dyad: Id,
    /// Authorised strength: the personnel the operation may deploy.
    pub personnel: u32,
    /// What it is to do, each task once.
    pub tasks: Vec<Task>,
    /// How many turns the mandate runs (this one included) unless renewed; none: until the
    /// Council ends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turns: Option<u32>,
}

/// A mandated task of a peace operation (the training module's list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Task {
    /// Watch the ceasefire line: a ceasefire breaks down less often.
    CeasefireMonitoring,
    /// Protect civilians: fewer people are killed in each clash.
    ProtectionOfCivilians,
    /// Disarm, demobilise and reintegrate fighters once an agreement holds.
    Disarmament,
    /// Support the transition and elections an agreement provides for.
    Transition,
    /// Monitor and report on human rights: grievances ease.
    HumanRights,
    /// Justice and security-sector reform: spoilers lose ground.
    RuleOfLaw,
}

impl Task {
    pub const ALL: [Task; 6] = [
        Task::CeasefireMonitoring,
        Task::ProtectionOfCivilians,
        Task::Disarmament,
        Task::Transition,
        Task::HumanRights,
        Task::RuleOfLaw,
    ];

    /// The tasks of the short form `PeaceOperation(dyad, personnel)`.
    pub const SHORT_FORM: [Task; 2] = [Task::CeasefireMonitoring, Task::ProtectionOfCivilians];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SanctionKind {
    ArmsEmbargo,
    AssetFreeze,
    TravelBan,
    CommodityBan,
}

impl SanctionKind {
    /// Every kind, in the order the menus offer them.
    pub const ALL: [SanctionKind; 4] =
        [SanctionKind::ArmsEmbargo, SanctionKind::AssetFreeze, SanctionKind::TravelBan, SanctionKind::CommodityBan];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VotePosition {
    Yes,
    No,
    Abstain,
}
