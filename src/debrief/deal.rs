//! When a deal became possible: the first turn each dispute's way out reached the threshold at which
//! both signatures make an agreement (`rules::ground::AGREEMENT_WAY_OUT`). Before it, signing fails
//! whatever the parties want; the room should see when the door opened, or that it never did.

use super::series::{DealPossible, Series, deal_possible};
use crate::engine::record::TurnRecord;
use crate::names::level;

/// One sentence per dispute, e.g. "The disputed presidency: a deal became possible in turn 7 (11–17
/// February 2008), when the way out reached 52.30; an agreement needs at least 50.00."
pub fn sentences(series: &Series, records: &[TurnRecord]) -> Vec<String> {
    let needed = level(series.deal_threshold);
    deal_possible(series)
        .iter()
        .map(|DealPossible { dispute, first, highest }| match first {
            Some((0, v)) => format!(
                "{dispute}: a deal was possible from the start: the way out stood at {}; an agreement needs at \
                 least {needed}.",
                level(*v)
            ),
            Some((turn, v)) => {
                let dates =
                    records.iter().find(|r| r.turn == *turn).map_or(String::new(), |r| format!(" ({})", r.dates));
                format!(
                    "{dispute}: a deal became possible in turn {turn}{dates}, when the way out reached {}; an \
                     agreement needs at least {needed}.",
                    level(*v)
                )
            }
            None => format!(
                "{dispute}: a deal never became possible: the way out reached at most {}, and an agreement needs \
                 at least {needed}.",
                level(*highest)
            ),
        })
        .collect()
}
