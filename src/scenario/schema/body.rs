use serde::{Deserialize, Serialize};

use super::Id;

/// A decision-making body: the Security Council, the General Assembly, a regional body, a court.
/// Bodies declare their members; an actor's memberships are read from here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Unique across actors, bodies and dyads.
    pub id: Id,
    pub name: String,
    pub kind: BodyKind,
    /// The actor that speaks for the body (its secretariat, the court), if any.
    #[serde(default)]
    pub represented_by: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum BodyKind {
    /// Fifteen members, five of them permanent; votes by Article 27.
    SecurityCouncil {
        members: Vec<Id>,
        permanent: Vec<Id>,
        /// Who presides from which turn on: `[(1, "brazil"), (5, "china")]`; the first entry is turn 1.
        presidency: Vec<Presidency>,
    },
    /// All UN members; recommendations on peace and security need two-thirds of those voting.
    GeneralAssembly {
        /// All UN members: 192 from 2006, 193 from 14 July 2011.
        size: u32,
        /// Members played or voted as actors; every other member votes by `others`.
        #[serde(default)]
        members: Vec<Id>,
        /// How the members that are not actors vote on a typical peace-and-security recommendation.
        #[serde(default)]
        others: VoteShares,
    },
    Regional {
        members: Vec<Id>,
        decision: DecisionRule,
        #[serde(default)]
        chair: Option<Id>,
    },
    Court {
        court: CourtKind,
        /// The actors that accept the court's jurisdiction in this dispute.
        jurisdiction: Vec<Id>,
    },
}

/// `(from_turn, member)`.
pub type Presidency = (u32, String);

/// Shares in percent; they must add up to 100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteShares {
    pub yes: f64,
    pub no: f64,
    pub abstain: f64,
    pub absent: f64,
}

impl Default for VoteShares {
    fn default() -> Self {
        VoteShares { yes: 55.0, no: 10.0, abstain: 25.0, absent: 10.0 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum DecisionRule {
    /// Nobody objects.
    Consensus,
    /// More than half of those voting.
    SimpleMajority,
    /// At least this percentage of those voting, e.g. `QualifiedMajority(66.7)`.
    QualifiedMajority(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CourtKind {
    /// The International Court of Justice: disputes between states that accept its jurisdiction.
    Icj,
    /// The International Criminal Court: individuals; a situation reaches it by referral or its prosecutor.
    Icc,
    Other,
}

impl Body {
    /// Whether `actor` is a listed member (a court's "members" are the actors under its jurisdiction).
    pub fn has_member(&self, actor: &str) -> bool {
        self.member_ids().any(|m| m == actor)
    }

    pub fn member_ids(&self) -> impl Iterator<Item = &str> {
        let list: &[Id] = match &self.kind {
            BodyKind::SecurityCouncil { members, .. } => members,
            BodyKind::GeneralAssembly { members, .. } => members,
            BodyKind::Regional { members, .. } => members,
            BodyKind::Court { jurisdiction, .. } => jurisdiction,
        };
        list.iter().map(|id| &**id)
    }

    pub fn is_council(&self) -> bool {
        matches!(self.kind, BodyKind::SecurityCouncil { .. })
    }
}
