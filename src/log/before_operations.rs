//! Reading logs written before observer missions and peace operations were entities. Such an engine
//! kept them as two flags on each dispute, `observers` and `peace_operation` (after `agreement`),
//! and this one has neither field, so:
//!
//! - a block of format 2 was packed against the record before it as that engine rendered it, with
//!   the two lines: they are put back into the dictionary ([`MissionFlags::dictionary`]);
//! - a flag that was on would be dropped when the row is read: the mission is put back in the state
//!   instead ([`MissionFlags::complete`]), at full strength and without an end, as that engine
//!   counted it (a flag had its whole effect from the turn it was set).

use std::collections::HashMap;

use crate::engine::keyed::Store;
use crate::engine::operations::{Operation, OperationKind, observers};
use crate::engine::state::Snapshot;
use crate::scenario::{Id, Task};

/// The two flags of each dispute as the blocks so far left them, and the turn each came on.
#[derive(Debug, Default)]
pub struct MissionFlags {
    /// By dispute id as written (`"preah-vihear"`, quoted): `[observers, peace_operation]`.
    flags: HashMap<String, [Flag; 2]>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Flag {
    on: bool,
    /// The turn of the block that first showed it on.
    since: u32,
}

const FIELDS: [&str; 2] = ["observers: ", "peace_operation: "];

impl MissionFlags {
    /// Learns the flags of the rows the block of `turn` holds (its text, unpacked).
    pub fn learn(&mut self, text: &str, turn: u32) {
        let mut id = "";
        for line in text.lines() {
            if let Some(quoted) = line.strip_prefix("id: ") {
                id = quoted.trim_end_matches(',');
                continue;
            }
            for (i, field) in FIELDS.iter().enumerate() {
                if let Some(value) = line.strip_prefix(field) {
                    let on = value.trim_end_matches(',') == "true";
                    let flag = &mut self.flags.entry(id.to_string()).or_default()[i];
                    if on && !flag.on {
                        flag.since = turn;
                    }
                    flag.on = on;
                }
            }
        }
    }

    /// `rendered` (a record as this engine packs it) with the two lines an engine before missions
    /// wrote after `agreement` in each dispute.
    pub fn dictionary(&self, rendered: &str) -> String {
        super::removed_fields::with_lines_after(rendered, |id, line, out| {
            if line.starts_with("agreement: ") {
                let flags = self.flags.get(id).copied().unwrap_or_default();
                for (field, flag) in FIELDS.iter().zip(flags) {
                    out.push_str(&format!("{field}{},\n", flag.on));
                }
            }
        })
    }

    /// Puts the missions whose flag is on into `state`, where it has none of that kind.
    pub fn complete(&self, state: &mut Snapshot) {
        let flagged: Vec<(Id, [Flag; 2])> = state
            .dyads
            .iter()
            .filter_map(|d| self.flags.get(&format!("{:?}", d.id.as_str())).map(|f| (d.id, *f)))
            .collect();
        for (dyad, [watching, keeping]) in flagged {
            if watching.on && !has(state, dyad, OperationKind::Observers) {
                state.operations.put(observers(dyad, 0, Id::default(), watching.since));
            }
            if keeping.on && !has(state, dyad, OperationKind::PeaceOperation) {
                let whole = crate::rules::deployment::needed(9);
                state.operations.put(Operation {
                    dyad,
                    kind: OperationKind::PeaceOperation,
                    mandated_by: Id::default(),
                    enforcement: false,
                    tasks: Task::SHORT_FORM.to_vec(),
                    authorised: whole,
                    deployed: whole,
                    financed: true,
                    since: keeping.since,
                    until: None,
                });
            }
        }
    }

    /// Whether any flag is on.
    pub fn any_on(&self) -> bool {
        self.flags.values().flatten().any(|f| f.on)
    }
}

fn has(state: &Snapshot, dyad: Id, kind: OperationKind) -> bool {
    state.operations.iter().any(|o| o.dyad == dyad && o.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_flags_go_back_after_agreement_with_the_values_last_read() {
        let mut flags = MissionFlags::default();
        flags.learn("id: \"a\",\nagreement: false,\nobservers: true,\npeace_operation: false,\n", 3);
        let rendered = "id: \"a\",\nagreement: false,\nicj_pending: false,\nid: \"b\",\nagreement: true,\n";
        assert_eq!(
            flags.dictionary(rendered),
            "id: \"a\",\nagreement: false,\nobservers: true,\npeace_operation: false,\nicj_pending: false,\n\
             id: \"b\",\nagreement: true,\nobservers: false,\npeace_operation: false,\n"
        );
        assert!(flags.any_on());
    }

    #[test]
    fn a_flag_that_was_on_becomes_a_mission_from_the_turn_it_came_on() {
        let s = crate::scenario::builtin::find("kenya-2008").expect("built in").load().expect("valid").scenario;
        let mut state = Snapshot::initial(&s);
        let id = state.dyads[0].id;
        let mut flags = MissionFlags::default();
        let row = |peace: bool| {
            format!("id: {:?},\nagreement: false,\nobservers: false,\npeace_operation: {peace},\n", id.as_str())
        };
        flags.learn(&row(false), 1);
        flags.learn(&row(true), 4);
        flags.learn(&row(true), 5);
        flags.complete(&mut state);
        assert_eq!(state.operations.len(), 1);
        let op = &state.operations[0];
        assert_eq!(
            (op.kind, op.since, op.deployed, op.financed, op.until),
            (OperationKind::PeaceOperation, 4, 11_300, true, None)
        );
        // Completing again adds nothing.
        flags.complete(&mut state);
        assert_eq!(state.operations.len(), 1);
    }
}
