//! Article 27 against real Council votes (tests/data/council_votes.ron): tallies, results, vetoes.

use good_offices::rules::council_vote::{Ballot, Cast, Matter, Threshold, count};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    source: String,
    matter: Matter,
    #[serde(default = "nine")]
    threshold: u32,
    permanent: Vec<(String, Ballot)>,
    elected: Elected,
    #[serde(default)]
    parties_abstaining: Vec<String>,
    expect: Expect,
}

fn nine() -> u32 {
    9
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Elected {
    yes: u32,
    no: u32,
    abstain: u32,
    absent: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    tally: String,
    adopted: bool,
    vetoed_by: Vec<String>,
}

fn cases() -> Vec<Case> {
    good_offices::scenario::ron_options()
        .from_str(include_str!("data/council_votes.ron"))
        .expect("tests/data/council_votes.ron parses")
}

/// The roll call: the named permanent members, then elected members `elected-1..` in ballot order.
fn roll_call(case: &Case) -> Vec<Cast> {
    let mut casts: Vec<Cast> = case
        .permanent
        .iter()
        .map(|(member, ballot)| Cast { member: member.clone(), permanent: true, ballot: *ballot })
        .collect();
    let e = &case.elected;
    let ballots = std::iter::repeat_n(Ballot::Yes, e.yes as usize)
        .chain(std::iter::repeat_n(Ballot::No, e.no as usize))
        .chain(std::iter::repeat_n(Ballot::Abstain, e.abstain as usize))
        .chain(std::iter::repeat_n(Ballot::Absent, e.absent as usize));
    casts.extend(ballots.enumerate().map(|(i, ballot)| Cast {
        member: format!("elected-{}", i + 1),
        permanent: false,
        ballot,
    }));
    casts
}

#[test]
fn at_least_fifteen_real_votes_with_sources() {
    let cases = cases();
    let real = cases.iter().filter(|c| !c.name.starts_with("synthetic")).count();
    assert!(real >= 15, "{real} real votes");
    for c in &cases {
        assert!(!c.source.is_empty(), "{} has a source", c.name);
        let members = c.permanent.len() as u32 + c.elected.yes + c.elected.no + c.elected.abstain + c.elected.absent;
        let size = if c.threshold == 7 { 11 } else { 15 };
        assert_eq!(members, size, "{}: a full Council", c.name);
    }
}

#[test]
fn every_council_vote_counts_as_it_did() {
    let mut failures = Vec::new();
    for case in cases() {
        let parties: Vec<&str> = case.parties_abstaining.iter().map(String::as_str).collect();
        let result = count(&roll_call(&case), case.matter, Threshold(case.threshold), &parties);
        let got = (result.tally(), result.adopted, result.vetoed_by.clone());
        let want = (case.expect.tally.clone(), case.expect.adopted, case.expect.vetoed_by.clone());
        if got != want {
            failures.push(format!("{}: got {got:?}, expected {want:?} ({})", case.name, result.explanation));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_explanation_gives_tally_threshold_and_veto() {
    let casts = |ballots: [Ballot; 5], elected_yes: usize| -> Vec<Cast> {
        let names = ["china", "france", "russia", "uk", "us"];
        let mut v: Vec<Cast> = names
            .iter()
            .zip(ballots)
            .map(|(n, b)| Cast { member: n.to_string(), permanent: true, ballot: b })
            .collect();
        for i in 0..10 {
            let ballot = if i < elected_yes { Ballot::Yes } else { Ballot::Abstain };
            v.push(Cast { member: format!("e{i}"), permanent: false, ballot });
        }
        v
    };
    use Ballot::*;
    let r = count(&casts([No, Yes, No, Yes, Yes], 6), Matter::Substantive, Threshold::CHARTER, &[]);
    assert_eq!(
        r.explanation,
        "9 in favour, 2 against, 4 abstaining; 9 affirmative votes needed. Not adopted: vetoed by china and russia."
    );
    let r = count(&casts([Yes, Yes, No, Yes, Yes], 4), Matter::Procedural, Threshold::CHARTER, &[]);
    assert_eq!(
        r.explanation,
        "8 in favour, 1 against, 6 abstaining; 9 affirmative votes needed (procedural: no veto). Not adopted: too few affirmative votes."
    );
    let r = count(&casts([Yes, Yes, Yes, Yes, Yes], 5), Matter::Substantive, Threshold::CHARTER, &["e0"]);
    assert_eq!(
        r.explanation,
        "9 in favour, 0 against, 6 abstaining; 9 affirmative votes needed; e0 abstained as parties to the dispute (Art. 27(3)). Adopted."
    );
    assert_eq!(r.obliged_to_abstain, ["e0"]);
}
