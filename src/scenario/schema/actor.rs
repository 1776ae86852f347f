use serde::{Deserialize, Serialize};

use super::{Condition, Id, ToolKind};

/// A player or a seat the bots fill: a state, an organisation, a mediator, a movement, a court.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Unique across actors, bodies and dyads; lower-case letters, digits and hyphens.
    pub id: Id,
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub attributes: Attributes,
    /// Tools this actor may use; checked against its kind and the bodies it belongs to.
    #[serde(default)]
    pub tools: Vec<ToolKind>,
    /// Per-actor tuning of a tool it holds.
    #[serde(default)]
    pub tool_params: Vec<ToolParams>,
    /// Affinity to other actors, -100 (hostile) to 100 (close ally): `[("thailand", 20)]`.
    #[serde(default)]
    pub ties: Vec<(Id, f64)>,
    /// The public line everyone may read.
    #[serde(default)]
    pub public_profile: String,
    /// The private role sheet only this group reads.
    #[serde(default)]
    pub briefing: String,
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// What the engine does with this seat when no group plays it.
    #[serde(default)]
    pub bot: BotPolicy,
}

impl Actor {
    /// Whether the actor may use `tool`: it is in its list, or it is implied by one that is: whoever
    /// imposes sanctions may lift them, whoever mediates may suspend its talks (a file need not say
    /// so).
    pub fn holds(&self, tool: ToolKind) -> bool {
        self.tools.contains(&tool) || self.implied().any(|t| t == tool)
    }

    /// The tools the actor may use, in its list's order, then those implied (`LiftSanctions`,
    /// `SuspendTalks`).
    pub fn tools_in_hand(&self) -> impl Iterator<Item = ToolKind> + '_ {
        self.tools.iter().copied().chain(self.implied())
    }

    /// The tools implied by others in the list and not in it themselves.
    fn implied(&self) -> impl Iterator<Item = ToolKind> + '_ {
        [(ToolKind::UnilateralSanctions, ToolKind::LiftSanctions), (ToolKind::Mediation, ToolKind::SuspendTalks)]
            .into_iter()
            .filter(|(by, tool)| self.tools.contains(by) && !self.tools.contains(tool))
            .map(|(_, tool)| tool)
    }
}

/// What sort of actor this is; decides which tools it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    /// A UN member state.
    State,
    /// A political party or government faction in an internal conflict.
    ConflictParty,
    RegionalOrganisation,
    SecretaryGeneral,
    /// A UN department, e.g. the Department of Political Affairs.
    UnDepartment,
    /// A special envoy or a mediation panel.
    Envoy,
    NgoMediator,
    CivilSociety,
    /// An armed group or militia that may spoil a settlement.
    ArmedGroup,
    Court,
}

impl ActorKind {
    pub const ALL: [ActorKind; 10] = [
        ActorKind::State,
        ActorKind::ConflictParty,
        ActorKind::RegionalOrganisation,
        ActorKind::SecretaryGeneral,
        ActorKind::UnDepartment,
        ActorKind::Envoy,
        ActorKind::NgoMediator,
        ActorKind::CivilSociety,
        ActorKind::ArmedGroup,
        ActorKind::Court,
    ];
}

/// Numbers the rules read. All on a 0–100 scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Attributes {
    /// Rank, resources and ties that make others listen (Bercovitch): raises mediation success.
    pub leverage: f64,
    /// Staff, money and reach to act each turn.
    pub capacity: f64,
    /// Material resources: sanctions bite harder on those with few.
    pub resources: f64,
    /// Pressure from the actor's own public; civil society raises it.
    pub domestic_pressure: f64,
    /// How impartial the parties see this actor; trust in a mediator starts here when not given.
    pub impartiality: f64,
    /// Readiness to back coercive measures (sanctions, mandates) in a vote.
    pub interventionism: f64,
}

impl Default for Attributes {
    fn default() -> Self {
        Attributes {
            leverage: 20.0,
            capacity: 50.0,
            resources: 50.0,
            domestic_pressure: 30.0,
            impartiality: 50.0,
            interventionism: 50.0,
        }
    }
}

/// Tuning of one tool for one actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolParams {
    pub tool: ToolKind,
    /// Multiplies the tool's effect; 0.1 to 3.0, default 1.0.
    #[serde(default = "one")]
    pub potency: f64,
    /// How often the tool may be used in a game; none means without limit.
    #[serde(default)]
    pub max_uses: Option<u32>,
}

fn one() -> f64 {
    1.0
}

/// A scored aim of a role, checked at the end of the game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub id: Id,
    /// What the group reads.
    pub text: String,
    /// Points when met, 1 to 100.
    pub points: u32,
    /// Met when this holds at the end of the game.
    pub goal: Condition,
}

/// How a seat nobody plays chooses its orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum BotPolicy {
    /// Does nothing.
    #[default]
    Hold,
    /// Follows the scenario's historical course.
    Historical,
    /// Escalates when it can, refuses outside involvement.
    Hawk,
    /// De-escalates and accepts help.
    Dove,
    /// As a third party: offers help only where it is welcome and the moment is ripe.
    CautiousMediator,
    /// Picks the order with the best expected value for its objectives.
    BestResponse,
}

impl BotPolicy {
    pub const ALL: [BotPolicy; 6] = [
        BotPolicy::Hold,
        BotPolicy::Historical,
        BotPolicy::Hawk,
        BotPolicy::Dove,
        BotPolicy::CautiousMediator,
        BotPolicy::BestResponse,
    ];

    /// The policy's name on the command line and in a sweep's summary: `cautious-mediator`.
    pub fn cli_name(self) -> &'static str {
        match self {
            BotPolicy::Hold => "hold",
            BotPolicy::Historical => "historical",
            BotPolicy::Hawk => "hawk",
            BotPolicy::Dove => "dove",
            BotPolicy::CautiousMediator => "cautious-mediator",
            BotPolicy::BestResponse => "best-response",
        }
    }
}
