//! Voting in the Security Council, by Article 27 of the Charter.
//!
//! - Each member has one vote (27(1)).
//! - Procedural matters: nine affirmative votes (27(2)); no veto.
//! - All other matters: nine affirmative votes including the concurring votes of the permanent
//!   members (27(3)). In practice a permanent member's *negative* vote is a veto; its abstention or
//!   absence is not.
//! - In decisions under Chapter VI and under Art. 52(3) a party to the dispute abstains (27(3)): a
//!   substantive matter only, since the duty is written into 27(3). On a procedural matter a party
//!   votes like any member. In the records a party that so abstains is usually "not participating"
//!   (the United Kingdom on resolution 22 (1947), Argentina on resolution 138 (1960)), and that is how
//!   it is counted here: in neither the yes, the no nor the abstentions of the tally.
//! - Before the 1965 enlargement the Council had eleven members and the threshold was seven.

use serde::{Deserialize, Serialize};

use crate::engine::record::Ballot;
use crate::scenario::Id;

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
    /// Members that took no part in the vote, by their own ballot or as parties obliged to abstain,
    /// sorted.
    pub not_participating: Vec<Id>,
    pub needed: u32,
    pub adopted: bool,
    /// Permanent members whose negative vote blocked a substantive decision that had enough votes,
    /// sorted. A draft that falls short of nine is not recorded as vetoed (UN practice).
    pub vetoed_by: Vec<Id>,
    /// Permanent members that voted against, whether or not that was a veto, sorted.
    pub permanent_against: Vec<Id>,
    /// Members that took no part in the vote, whatever they cast, because they are parties to the
    /// dispute of a substantive decision under Chapter VI or Art. 52(3) (Art. 27(3)), sorted.
    pub obliged_to_abstain: Vec<Id>,
    /// Every member's ballot as counted (`NotParticipating` for a party obliged to abstain), sorted.
    pub ballots: Vec<(Id, Ballot)>,
    /// The reasons, in words: the tally, the threshold, the veto.
    pub explanation: String,
}

impl VoteResult {
    /// `12–0–3` style: yes, no, abstentions.
    pub fn tally(&self) -> String {
        format!("{}–{}–{}", self.yes, self.no, self.abstain)
    }
}

/// Counts a Council vote. `parties` are the members that are parties to the dispute being decided,
/// when the decision is one under Chapter VI or Art. 52(3) (the caller knows the draft). On a
/// substantive matter each of them takes no part in the vote, whatever it cast (Art. 27(3)); on a
/// procedural matter the duty does not apply and their ballots count like any other.
pub fn count(casts: &[Cast], matter: Matter, threshold: Threshold, parties: &[&str]) -> VoteResult {
    let mut casts: Vec<&Cast> = casts.iter().collect();
    casts.sort_by_key(|a| a.member);
    let (mut yes, mut no, mut abstain, mut absent) = (0, 0, 0, 0);
    let mut permanent_against = Vec::new();
    let mut not_participating = Vec::new();
    let mut obliged = Vec::new();
    let mut ballots = Vec::new();
    for c in casts {
        let ballot = if matter == Matter::Substantive && parties.contains(&c.member.as_str()) {
            obliged.push(c.member);
            Ballot::NotParticipating
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
            Ballot::NotParticipating => not_participating.push(c.member),
        }
        ballots.push((c.member, ballot));
    }
    let needed = threshold.0;
    let enough = yes >= needed;
    let vetoed_by = if enough { permanent_against.clone() } else { Vec::new() };
    let adopted = enough && vetoed_by.is_empty();
    let explanation = explanation(
        Tally { yes, no, abstain, absent, not_participating: &not_participating },
        matter,
        needed,
        &obliged,
        Verdict::of(adopted, enough, &vetoed_by),
    );
    VoteResult {
        yes,
        no,
        abstain,
        absent,
        not_participating,
        needed,
        adopted,
        vetoed_by,
        permanent_against,
        obliged_to_abstain: obliged,
        ballots,
        explanation,
    }
}

/// The counts an explanation reports.
struct Tally<'a> {
    yes: u32,
    no: u32,
    abstain: u32,
    absent: u32,
    not_participating: &'a [Id],
}

/// How a vote ended, for its explanation.
enum Verdict<'a> {
    Adopted,
    TooFewVotes,
    Vetoed(&'a [Id]),
}

impl<'a> Verdict<'a> {
    fn of(adopted: bool, enough: bool, vetoed_by: &'a [Id]) -> Self {
        if adopted {
            Verdict::Adopted
        } else if !enough {
            Verdict::TooFewVotes
        } else {
            Verdict::Vetoed(vetoed_by)
        }
    }
}

/// The count in words, e.g. "8 in favour, 0 against, 2 abstaining, 1 not participating (uk); 7
/// affirmative votes needed; uk does not vote, as a party to the dispute (Art. 27(3)). Adopted."
/// The wording of a vote with nobody not participating is that of the logs before
/// `NotParticipating` existed, so those logs still replay byte for byte.
fn explanation(tally: Tally, matter: Matter, needed: u32, obliged: &[Id], verdict: Verdict) -> String {
    let Tally { yes, no, abstain, absent, not_participating } = tally;
    let mut text = format!("{yes} in favour, {no} against, {abstain} abstaining");
    if absent > 0 {
        text.push_str(&format!(", {absent} absent"));
    }
    if !not_participating.is_empty() {
        text.push_str(&format!(", {} not participating ({})", not_participating.len(), not_participating.join(", ")));
    }
    text.push_str(&format!("; {needed} affirmative votes needed"));
    if matter == Matter::Procedural {
        text.push_str(" (procedural: no veto)");
    }
    match obliged {
        [] => {}
        [one] => text.push_str(&format!("; {one} does not vote, as a party to the dispute (Art. 27(3))")),
        many => text.push_str(&format!("; {} do not vote, as parties to the dispute (Art. 27(3))", many.join(" and "))),
    }
    match verdict {
        Verdict::Adopted => text.push_str(". Adopted."),
        Verdict::TooFewVotes => text.push_str(". Not adopted: too few affirmative votes."),
        Verdict::Vetoed(by) => text.push_str(&format!(". Not adopted: vetoed by {}.", by.join(" and "))),
    }
    text
}
