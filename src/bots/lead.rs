//! Who leads each dispute's mediation this turn, as the cautious mediators see it: the most trusted of
//! the third parties that mediate this turn. A cautious mediator that is not the lead backs the lead
//! instead of opening a rival track, so the lead must be someone who acts. A seat that holds never
//! mediates (nor does a hawk or a dove); backing it would leave the dispute with no mediator at all.

use crate::engine::state::{DyadState, baseline_by_rank};
use crate::engine::view::View;
use crate::orders::passes;
use crate::rules::tracks::is_mediating;
use crate::scenario::{Id, OrderSpec, Target, ToolKind};

/// Each dispute's lead (in the view's dispute order), as a position in `scenario.actors`.
///
/// The candidates are the third parties holding a mediating tool that either are cautious mediators
/// themselves (`cautious`, by actor rank, one entry per actor) or give a mediating order on the dispute among `orders`
/// (this turn's orders so far: the groups', the course's, the other bots') that passes `check`.
pub(crate) fn leads(view: &View, orders: &[OrderSpec], cautious: &[bool]) -> Vec<Option<usize>> {
    view.dyads.values().map(|d| most_trusted_mediator(view, d, orders, cautious)).collect()
}

/// The candidate the parties of `dyad` trust most (the higher of the two parties' lower trust); ties
/// go to the smaller id, so every bot picks the same lead.
fn most_trusted_mediator(view: &View, dyad: &DyadState, orders: &[OrderSpec], cautious: &[bool]) -> Option<usize> {
    let s = view.scenario;
    let l = s.lookup();
    // An order the engine will refuse (a mediation without both parties' consent, say) does not
    // make its actor a mediator this turn.
    let mediates_here = |id: Id| {
        orders.iter().enumerate().any(|(i, o)| {
            is_mediating(o.tool)
                && matches!(&o.target, Some(Target::Dyad(d)) if *d == dyad.id)
                && o.actor == id
                && passes(o, view, &orders[..i])
        })
    };
    // `trust` by rank: the parties' ranks are looked up once, not once per candidate.
    let parties: [(Id, Option<usize>); 2] = [0, 1].map(|i| (dyad.sides[i], l.actor_rank(dyad.sides[i])));
    let trust = |(party, party_rank): (Id, Option<usize>), rank: usize, third: Id| {
        view.globals.trust.get(party, third).unwrap_or_else(|| match party_rank {
            Some(p) => baseline_by_rank(s, p, rank),
            None => s.actors[l.actor_at(rank)].attributes.impartiality,
        })
    };
    // A cautious mediator can lead only if it can mediate the dispute now: mediation proper needs both
    // parties' consent to that mediator, chairing talks and good offices do not.
    let consent = |a: Id| (0..2).all(|side| view.consents(dyad, side, a));
    let can_mediate = |i: usize| {
        let a = &s.actors[i];
        a.holds(ToolKind::ChairFacilitation)
            || a.holds(ToolKind::GoodOffices)
            || (a.holds(ToolKind::Mediation) && consent(a.id))
    };
    l.mediators()
        .iter()
        .map(|&rank| (rank, l.actor_at(rank)))
        .filter(|&(rank, _)| parties.iter().all(|p| p.1 != Some(rank)))
        .filter(|&(rank, i)| (cautious[rank] && can_mediate(i)) || mediates_here(s.actors[i].id))
        .map(|(rank, i)| {
            let lowest = parties.iter().map(|&p| trust(p, rank, s.actors[i].id)).fold(100.0, f64::min);
            (lowest, i)
        })
        .max_by(|x, y| x.0.total_cmp(&y.0).then_with(|| s.actors[y.1].id.cmp(&s.actors[x.1].id)))
        .map(|(_, i)| i)
}
