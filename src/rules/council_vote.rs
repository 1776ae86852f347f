//! Voting in the Security Council, by Article 27 of the Charter.
//!
//! - Each member has one vote (27(1)).
//! - Procedural matters: nine affirmative votes (27(2)); no veto.
//! - All other matters: nine affirmative votes including the concurring votes of the permanent
//!   members (27(3)). In practice a permanent member's *negative* vote is a veto; its abstention or
//!   absence is not.
//! - In decisions under Chapter VI (and Art. 52(3)) a party to the dispute abstains (27(3)).
//! - Before the 1965 enlargement the Council had eleven members and the threshold was seven.

use serde::{Deserialize, Serialize};

use crate::scenario::Id;

/// How a member voted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Ballot {
    Yes,
    No,
    Abstain,
    /// Not present or not participating.
    Absent,
}

/// One member's vote as cast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cast {
    pub member: Id,
    pub permanent: bool,
    pub ballot: Ballot,
}

/// What is being decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Matter {
    /// Procedural: e.g. the agenda, inviting a state, calling an emergency special session.
    Procedural,
    /// Substantive: statements of the Council, resolutions under Chapter VI or VII.
    Substantive,
}

/// The affirmative votes a decision needs: nine since 1965, seven before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold(pub u32);

impl Threshold {
    pub const CHARTER: Threshold = Threshold(9);
    pub const BEFORE_1965: Threshold = Threshold(7);
}

/// The result, with every reason a debrief needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoteResult {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub absent: u32,
    pub needed: u32,
    pub adopted: bool,
    /// Permanent members whose negative vote blocked a substantive decision that had enough votes,
    /// sorted. A draft that falls short of nine is not recorded as vetoed (UN practice).
    pub vetoed_by: Vec<Id>,
    /// Permanent members that voted against, whether or not that was a veto, sorted.
    pub permanent_against: Vec<Id>,
    /// Members whose ballot was counted as an abstention because they are parties to a dispute
    /// decided under Chapter VI (Art. 27(3)), sorted.
    pub obliged_to_abstain: Vec<Id>,
    /// The reasons, in words: the tally, the threshold, the veto.
    pub explanation: String,
}

impl VoteResult {
    /// `12–0–3` style: yes, no, abstentions.
    pub fn tally(&self) -> String {
        format!("{}–{}–{}", self.yes, self.no, self.abstain)
    }
}

/// Counts a Council vote. `parties_abstaining` are members obliged to abstain (Chapter VI, party to
/// the dispute): whatever they cast is counted as an abstention.
pub fn count(casts: &[Cast], matter: Matter, threshold: Threshold, parties_abstaining: &[&str]) -> VoteResult {
    let mut casts: Vec<&Cast> = casts.iter().collect();
    casts.sort_by_key(|a| a.member);
    let (mut yes, mut no, mut abstain, mut absent) = (0, 0, 0, 0);
    let mut permanent_against = Vec::new();
    let mut obliged = Vec::new();
    for c in casts {
        let ballot = if parties_abstaining.contains(&c.member.as_str()) {
            obliged.push(c.member);
            Ballot::Abstain
        } else {
            c.ballot
        };
        match ballot {
            Ballot::Yes => yes += 1,
            Ballot::No => {
                no += 1;
                if c.permanent && matter == Matter::Substantive {
                    permanent_against.push(c.member);
                }
            }
            Ballot::Abstain => abstain += 1,
            Ballot::Absent => absent += 1,
        }
    }
    let needed = threshold.0;
    let enough = yes >= needed;
    let vetoed_by = if enough { permanent_against.clone() } else { Vec::new() };
    let adopted = enough && vetoed_by.is_empty();
    let mut explanation = format!("{yes} in favour, {no} against, {abstain} abstaining");
    if absent > 0 {
        explanation.push_str(&format!(", {absent} absent"));
    }
    explanation.push_str(&format!("; {needed} affirmative votes needed"));
    if matter == Matter::Procedural {
        explanation.push_str(" (procedural: no veto)");
    }
    if !obliged.is_empty() {
        explanation.push_str(&format!("; {} abstained as parties to the dispute (Art. 27(3))", obliged.join(", ")));
    }
    if adopted {
        explanation.push_str(". Adopted.");
    } else if !enough {
        explanation.push_str(". Not adopted: too few affirmative votes.");
    } else {
        explanation.push_str(&format!(". Not adopted: vetoed by {}.", vetoed_by.join(" and ")));
    }
    VoteResult {
        yes,
        no,
        abstain,
        absent,
        needed,
        adopted,
        vetoed_by,
        permanent_against,
        obliged_to_abstain: obliged,
        explanation,
    }
}
