//! Whether a mandated peace operation can do its work: the principles of peacekeeping [27] — the
//! consent of the main parties, a peace to keep, and resources that match the task. A mandate
//! without them does not deploy, and the vote's result says which principle was missing, so a
//! one-person operation voted under Chapter VII into a stage-7 crisis without consent or ceasefire
//! teaches what it should: it fails.
//!
//! Once mandated, an operation works as well as the principles hold *now* ([`effectiveness`]): its
//! strength on the ground against the strength the dispute needs (force generation takes months, and
//! escalation raises the need), halved where a party withdraws its consent, halved again where
//! there is no longer a peace to keep.

use crate::engine::state::DyadState;
use crate::names::count;
use crate::rules::toll::stage_toll;
use crate::scenario::Chapter;

/// Personnel a peace operation needs per unit of the stage's toll multiple (`rules::toll`): about
/// 500 at stage 3, 1,300 at 5, 3,800 at 7, 11,300 at 9. A design choice: the need grows with the
/// violence to be contained, as the toll does.
pub const PERSONNEL_PER_TOLL_UNIT: f64 = 250.0;

/// From this stage on the dispute is in open fighting (Glasl's phase III, as for the toll an early
/// end carries): without a ceasefire or an agreement there is no peace to keep. Below it an
/// operation can deploy preventively.
pub const FIGHTING_FROM_STAGE: u8 = crate::rules::toll::CARRIED_FROM_STAGE;

/// The principles, as they stand for one operation in one dispute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Principles {
    /// Both sides accept a deployment (`AcceptObservers`).
    pub consent: bool,
    /// Chapter VII: the Council may deploy without consent (enforcement), never without the rest.
    pub enforcement: bool,
    /// A ceasefire or an agreement holds, or the dispute is not yet in open fighting.
    pub peace_to_keep: bool,
    pub personnel: u32,
    pub needed: u32,
}

pub fn assess(d: &DyadState, chapter: Chapter, personnel: u32) -> Principles {
    Principles {
        consent: d.accepts_observers.iter().all(|x| *x),
        enforcement: chapter == Chapter::VII,
        peace_to_keep: d.ceasefire || d.agreement || d.stage < FIGHTING_FROM_STAGE,
        personnel,
        needed: needed(d.stage),
    }
}

/// The personnel an operation needs at `stage`, rounded to a hundred.
pub fn needed(stage: u8) -> u32 {
    ((PERSONNEL_PER_TOLL_UNIT * stage_toll(stage) / 100.0).round() * 100.0) as u32
}

impl Principles {
    pub fn deploys(&self) -> bool {
        (self.consent || self.enforcement) && self.peace_to_keep && self.personnel >= self.needed
    }

    /// The principles that are missing, in words (empty when it deploys).
    pub fn missing(&self, stage: u8) -> Vec<String> {
        let mut missing = Vec::new();
        if !self.consent && !self.enforcement {
            missing.push("the consent of both parties (or a Chapter VII mandate)".to_string());
        }
        if !self.peace_to_keep {
            missing.push(format!("a peace to keep (open fighting at stage {stage}, no ceasefire, no agreement)"));
        }
        if self.personnel < self.needed {
            missing.push(format!(
                "resources matching the mandate ({} personnel where about {} are needed)",
                count(u64::from(self.personnel)),
                count(u64::from(self.needed))
            ));
        }
        missing
    }

    /// One sentence for the vote's result.
    pub fn explain(&self, stage: u8) -> String {
        if self.deploys() {
            let consent = if self.consent { "with the parties' consent" } else { "under Chapter VII, without consent" };
            format!(
                "The peace operation deploys {consent}, with a peace to keep and {} personnel for about {} needed.",
                count(u64::from(self.personnel)),
                count(u64::from(self.needed))
            )
        } else {
            format!("The peace operation cannot deploy: it lacks {}.", self.missing(stage).join("; "))
        }
    }
}

/// What is left of an operation's effect where one of the principles no longer holds.
pub const WITHOUT_A_PRINCIPLE: f64 = 0.5;

/// How well an operation works this turn, 0–1, with the principles it stands on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effectiveness {
    /// Deployed against needed strength, at most 1.
    pub coverage: f64,
    pub consent: bool,
    pub peace_to_keep: bool,
    pub value: f64,
}

/// How well an operation works in dispute `d` with `deployed` personnel on the ground.
pub fn effectiveness(d: &DyadState, deployed: u32) -> Effectiveness {
    let needed = needed(d.stage);
    let coverage = (f64::from(deployed) / f64::from(needed.max(1))).min(1.0);
    let consent = d.accepts_observers.iter().all(|x| *x);
    let peace_to_keep = d.ceasefire || d.agreement || d.stage < FIGHTING_FROM_STAGE;
    let keep = |holds: bool| if holds { 1.0 } else { WITHOUT_A_PRINCIPLE };
    let value = crate::engine::rng::round4(coverage * keep(consent) * keep(peace_to_keep));
    Effectiveness { coverage, consent, peace_to_keep, value }
}

impl Effectiveness {
    /// The principles that do not hold, in words.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.coverage < 1.0 {
            missing.push("not yet the strength it needs");
        }
        if !self.consent {
            missing.push("a party withholds its consent");
        }
        if !self.peace_to_keep {
            missing.push("no peace to keep");
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_operation_works_as_far_as_its_strength_its_consent_and_a_peace_to_keep_hold() {
        let s = crate::scenario::builtin::find("kenya-2008").expect("built in").load().expect("valid").scenario;
        let mut d = crate::engine::state::Snapshot::initial(&s).dyads.remove(0);
        d.stage = 5; // 1,300 needed
        d.accepts_observers = [true, true];
        assert_eq!(effectiveness(&d, 650).value, 0.5);
        assert_eq!(effectiveness(&d, 2600).value, 1.0);
        d.accepts_observers = [true, false];
        assert_eq!(effectiveness(&d, 2600).value, 0.5);
        d.stage = 7; // 3,800 needed, open fighting
        let e = effectiveness(&d, 1900);
        assert_eq!((e.coverage, e.value), (0.5, 0.125));
        assert_eq!(e.missing(), ["not yet the strength it needs", "a party withholds its consent", "no peace to keep"]);
        d.ceasefire = true;
        assert_eq!(effectiveness(&d, 1900).value, 0.25);
    }

    #[test]
    fn personnel_needed_grows_with_the_toll_of_the_stage() {
        let by_stage: Vec<u32> = (1..=9).map(needed).collect();
        assert_eq!(by_stage, [100, 300, 500, 800, 1300, 2000, 3800, 6500, 11300]);
    }
}
