//! What was still in force when the log stops: the sanction regimes, the missions on the ground with
//! how well each worked and which principle of peacekeeping it lacked (`rules::deployment`), so the
//! debrief can ask why a mandate did or did not do its work, and the mediation tracks with each
//! party's word on its mediator.

use crate::engine::operations::OperationKind;
use crate::engine::state::Snapshot;
use crate::names::{Names, count};
use crate::rules::deployment::effectiveness;

/// One sentence per line: the sanctions, then each mission, in key order.
pub fn build(names: Names, state: &Snapshot) -> Vec<String> {
    let mut lines: Vec<String> = names.sanctions_in_force(&state.sanctions).into_iter().collect();
    for op in &state.operations {
        let Some(d) = state.dyads.iter().find(|d| d.id == op.dyad) else { continue };
        let by = if op.mandated_by.is_empty() {
            String::new()
        } else {
            format!(" (sent by {})", names.any(&op.mandated_by))
        };
        let line = match op.kind {
            OperationKind::Observers => format!("Observers{by} were watching {}.", names.dyad(&op.dyad)),
            OperationKind::Inquiry => format!(
                "A commission of inquiry into {}{} was still at work, due to report in turn {}.",
                names.dyad(&op.dyad),
                by.replace("sent by", "set up by"),
                op.until.map_or(op.since, |t| t + 1)
            ),
            OperationKind::PeaceOperation | OperationKind::RegionalForce => {
                let e = effectiveness(d, op.deployed);
                let how = if e.value >= 1.0 {
                    "worked to its full effect: its principles held".to_string()
                } else {
                    format!("worked at {:.0} % of its effect: {}", e.value * 100.0, e.missing().join("; "))
                };
                let budget = if op.financed { "" } else { " Its budget was never approved." };
                let (what, by) = match op.kind {
                    OperationKind::RegionalForce => ("regional force", by.replace("sent by", "led by")),
                    _ => ("peace operation", by.replace("sent by", "mandated by")),
                };
                format!(
                    "The {what} in {}{by} had {} of {} personnel on the ground and {how}.{budget}",
                    names.dyad(&op.dyad),
                    count(u64::from(op.deployed)),
                    count(u64::from(op.authorised))
                )
            }
        };
        lines.push(line);
    }
    lines.extend(names.tracks_in_force(&state.tracks, &state.dyads));
    lines
}
