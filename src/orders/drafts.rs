//! What the rooms offer to put in a draft resolution: for each dispute a ceasefire, an inquiry,
//! observers, a peace operation (a small one to monitor the ceasefire and protect civilians, a large one
//! with every task for three turns), the renewal of its mandate and, where the Assembly sits, its
//! budget, an ICC referral, and sanctions on each side and their lifting; for
//! each regional body its endorsement and the authorisation of its force. The terminal menus and the web page offer the
//! same list, so a group meets the same choices in either room.

use crate::scenario::{BodyKind, DraftContent, Mandate, SanctionKind, Scenario, Task};

pub fn draft_contents(scenario: &Scenario) -> Vec<DraftContent> {
    let mut contents = Vec::new();
    let assembly = scenario.bodies.iter().any(|b| matches!(b.kind, BodyKind::GeneralAssembly { .. }));
    for d in &scenario.conflict.dyads {
        contents.push(DraftContent::Ceasefire(d.id));
        contents.push(DraftContent::CommissionOfInquiry(d.id));
        contents.push(DraftContent::Observers(d.id, 50));
        contents.push(DraftContent::PeaceOperation(d.id, 5000));
        contents.push(DraftContent::Mandate(Mandate {
            dyad: d.id,
            personnel: 15_000,
            tasks: Task::ALL.to_vec(),
            turns: Some(3),
        }));
        contents.push(DraftContent::RenewMandate(d.id, 3));
        if assembly {
            contents.push(DraftContent::FinanceOperation(d.id));
        }
        contents.push(DraftContent::IccReferral(d.id));
        for side in [d.sides.0, d.sides.1] {
            contents.push(DraftContent::Sanctions(side, SanctionKind::ArmsEmbargo));
            contents.push(DraftContent::Sanctions(side, SanctionKind::TravelBan));
            contents.push(DraftContent::LiftSanctions(side));
        }
    }
    for b in scenario.bodies.iter().filter(|b| matches!(b.kind, BodyKind::Regional { .. })) {
        contents.push(DraftContent::EndorseRegional(b.id));
        contents.push(DraftContent::AuthoriseRegionalForce(b.id));
    }
    contents
}
