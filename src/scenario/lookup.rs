//! An index of a scenario by id, built once on first use: the engine looks actors and dyads up by id
//! many times a turn, and a linear search over 193 Assembly members (or a map rebuilt every turn) made
//! the cost of a turn grow faster than the number of actors.
//!
//! Ranks are positions in id order, the order in which a game's state keeps its rows, so the state's
//! `n`-th actor is the scenario's actor of rank `n`.

use std::sync::OnceLock;

use crate::fast_hash::FastMap as Map;

use super::id_index::IdIndex;
use super::{IdKey, Scenario, ToolKind};

#[derive(Debug)]
pub struct Lookup {
    /// `scenario.actors` positions, in id order.
    actors_by_id: Vec<usize>,
    /// `scenario.conflict.dyads` positions, in id order.
    dyads_by_id: Vec<usize>,
    actor_rank: IdIndex,
    dyad_rank: IdIndex,
    /// Each body's position in `scenario.bodies`, by id.
    body_at: IdIndex,
    /// The scenario's trust links, by `(party, third)` rank.
    links: Map<(usize, usize), f64>,
    /// For each tool, the ranks of the actors that hold it.
    holders: Map<ToolKind, Vec<usize>>,
    /// The ranks of the actors holding a mediating tool (mediation, good offices, chairing talks).
    mediators: Vec<usize>,
    /// For each actor (by rank), the ranks of the dyads it is a side of or a spoiler in.
    involving: Vec<Vec<usize>>,
    /// For each actor (by rank), which of its `ties` is its closest to a party of any dispute.
    closest_party_tie: Vec<Option<usize>>,
    /// The members of the scenario's (first) Security Council as actor ranks, in the order listed;
    /// `None` for a member that is not an actor. Every consensus statement weighs each of them.
    council_members: Vec<Option<usize>>,
}

impl Lookup {
    fn build(s: &Scenario) -> Lookup {
        let mut actors_by_id: Vec<usize> = (0..s.actors.len()).collect();
        actors_by_id.sort_by(|a, b| s.actors[*a].id.cmp(&s.actors[*b].id));
        let mut dyads_by_id: Vec<usize> = (0..s.conflict.dyads.len()).collect();
        dyads_by_id.sort_by(|a, b| s.conflict.dyads[*a].id.cmp(&s.conflict.dyads[*b].id));
        // A duplicate id is refused by validation; should one slip through, the first keeps its rank.
        let actor_rank = IdIndex::new(actors_by_id.iter().map(|&i| s.actors[i].id));
        let dyad_rank = IdIndex::new(dyads_by_id.iter().map(|&i| s.conflict.dyads[i].id));
        let body_at = IdIndex::new(s.bodies.iter().map(|b| b.id));
        let mut links = Map::default();
        for l in &s.conflict.trust {
            if let (Some(p), Some(t)) = (actor_rank.get(l.party), actor_rank.get(l.third)) {
                // The first link given for a pair counts, as it did when links were searched in order.
                links.entry((p, t)).or_insert(l.value);
            }
        }
        let mut holders: Map<ToolKind, Vec<usize>> = Map::default();
        for (rank, &i) in actors_by_id.iter().enumerate() {
            for tool in s.actors[i].tools_in_hand() {
                let list = holders.entry(tool).or_default();
                if list.last() != Some(&rank) {
                    list.push(rank);
                }
            }
        }
        let mediating = [ToolKind::Mediation, ToolKind::GoodOffices, ToolKind::ChairFacilitation];
        let mut mediators: Vec<usize> =
            mediating.iter().flat_map(|t| holders.get(t).into_iter().flatten().copied()).collect();
        mediators.sort_unstable();
        mediators.dedup();
        let mut involving = vec![Vec::new(); actors_by_id.len()];
        let mut party = vec![false; actors_by_id.len()];
        for (rank, &i) in dyads_by_id.iter().enumerate() {
            let d = &s.conflict.dyads[i];
            for side in [&d.sides.0, &d.sides.1] {
                if let Some(r) = actor_rank.get(side) {
                    party[r] = true;
                }
            }
            let spoilers = s.conflict.spoilers.iter().filter(|sp| sp.dyad == d.id).map(|sp| &sp.actor);
            for a in [&d.sides.0, &d.sides.1].into_iter().chain(spoilers) {
                if let Some(r) = actor_rank.get(a) {
                    let list: &mut Vec<usize> = &mut involving[r];
                    if list.last() != Some(&rank) {
                        list.push(rank);
                    }
                }
            }
        }
        let is_party = |id: &crate::scenario::Id| actor_rank.get(id).is_some_and(|r| party[r]);
        let closest_party_tie = actors_by_id
            .iter()
            .map(|&i| {
                let ties = &s.actors[i].ties;
                // The strongest tie; of equal ones, the party with the smaller id.
                (0..ties.len())
                    .filter(|&t| is_party(&ties[t].0))
                    .max_by(|&a, &b| ties[a].1.total_cmp(&ties[b].1).then_with(|| ties[b].0.cmp(&ties[a].0)))
            })
            .collect();
        let council_members = s
            .bodies
            .iter()
            .find_map(|b| match &b.kind {
                super::BodyKind::SecurityCouncil { members, .. } => {
                    Some(members.iter().map(|m| actor_rank.get(m)).collect())
                }
                _ => None,
            })
            .unwrap_or_default();
        Lookup {
            actors_by_id,
            dyads_by_id,
            actor_rank,
            dyad_rank,
            body_at,
            links,
            holders,
            mediators,
            involving,
            closest_party_tie,
            council_members,
        }
    }

    /// Which of `actor`'s `ties` (its position there) is its closest tie to a party of any dispute.
    pub fn closest_party_tie(&self, actor: &str) -> Option<usize> {
        self.actor_rank(actor).and_then(|r| self.closest_party_tie_at(r))
    }

    /// The same for the actor of rank `rank`.
    pub fn closest_party_tie_at(&self, rank: usize) -> Option<usize> {
        self.closest_party_tie[rank]
    }

    /// The Security Council's members as actor ranks, in the order the scenario lists them (`None`
    /// for a member that is not an actor).
    pub fn council_members(&self) -> &[Option<usize>] {
        &self.council_members
    }

    /// The ranks of the dyads `actor` is a side of or a spoiler in, in id order.
    pub fn involving(&self, actor: &str) -> &[usize] {
        self.actor_rank(actor).map_or(&[], |r| self.involving[r].as_slice())
    }

    /// The ranks of the actors that hold `tool`, in id order.
    pub fn holders(&self, tool: ToolKind) -> &[usize] {
        self.holders.get(&tool).map_or(&[], Vec::as_slice)
    }

    /// The ranks of the actors that hold a mediating tool, in id order.
    pub fn mediators(&self) -> &[usize] {
        &self.mediators
    }

    pub fn actor_rank(&self, id: impl IdKey) -> Option<usize> {
        self.actor_rank.get(id)
    }

    pub fn dyad_rank(&self, id: impl IdKey) -> Option<usize> {
        self.dyad_rank.get(id)
    }

    /// The position in `scenario.bodies` of the body `id`.
    pub fn body_at(&self, id: impl IdKey) -> Option<usize> {
        self.body_at.get(id)
    }

    /// The position in `scenario.actors` of the actor of this rank.
    pub fn actor_at(&self, rank: usize) -> usize {
        self.actors_by_id[rank]
    }

    /// The position in `scenario.conflict.dyads` of the dyad of this rank.
    pub fn dyad_at(&self, rank: usize) -> usize {
        self.dyads_by_id[rank]
    }

    pub fn actor_count(&self) -> usize {
        self.actors_by_id.len()
    }

    pub fn dyad_count(&self) -> usize {
        self.dyads_by_id.len()
    }

    /// The scenario's own trust link from `party` to `third`, if it gives one.
    pub fn link(&self, party: usize, third: usize) -> Option<f64> {
        self.links.get(&(party, third)).copied()
    }
}

/// Holds a scenario's [`Lookup`] once built. It is not part of the scenario's value: two scenarios
/// with the same content are equal whether or not either has been indexed, and a clone (which may then
/// be edited) starts without an index.
#[derive(Default)]
pub struct LookupCell(OnceLock<Lookup>);

impl LookupCell {
    pub fn get(&self, s: &Scenario) -> &Lookup {
        self.0.get_or_init(|| Lookup::build(s))
    }
}

impl Clone for LookupCell {
    fn clone(&self) -> LookupCell {
        LookupCell::default()
    }
}

impl PartialEq for LookupCell {
    fn eq(&self, _: &LookupCell) -> bool {
        true
    }
}

impl std::fmt::Debug for LookupCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LookupCell")
    }
}
