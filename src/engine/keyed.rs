//! Tools in force as entities of the world, told apart by a key: sanction regimes, peace operations
//! and observer missions. Between turns they are rows of the state, sorted by key; during a turn
//! they are entities, spawned, replaced and despawned by the ledger alone. One store for every
//! family, so each gains a life cycle without another copy of this bookkeeping.

use bevy_ecs::prelude::*;

/// An entity of the world with a key that no other of its family shares.
pub trait Keyed: Component + Clone {
    type Key: Copy + Ord;
    fn key(&self) -> Self::Key;
}

/// The items in force, sorted by key, in the order every reader walks them.
pub fn sorted<'a, T: Keyed>(items: impl Iterator<Item = &'a T>) -> Vec<&'a T> {
    let mut list: Vec<&T> = items.collect();
    list.sort_by_key(|r| r.key());
    list
}

/// Where the ledger starts, changes and ends them: the world's entities during a turn, a copy of the
/// state's rows when a bot looks ahead.
pub trait Store<T: Keyed> {
    /// The item of this key, as it stands after the changes made so far.
    fn in_force(&self, key: &T::Key) -> Option<T>;
    /// Puts the item in force, in place of the one of the same key if there is one.
    fn put(&mut self, item: T);
    /// Ends the item of this key, if there is one.
    fn end(&mut self, key: &T::Key);
}

impl<T: Keyed> Store<T> for Vec<T> {
    fn in_force(&self, key: &T::Key) -> Option<T> {
        self.iter().find(|r| r.key() == *key).cloned()
    }

    fn put(&mut self, item: T) {
        match self.binary_search_by_key(&item.key(), |r| r.key()) {
            Ok(at) => self[at] = item,
            Err(at) => self.insert(at, item),
        }
    }

    fn end(&mut self, key: &T::Key) {
        self.retain(|r| r.key() != *key);
    }
}

/// One family's entities during one phase: the changes are noted beside them as they are made (so
/// the phase sees its own), then carried out through `Commands` by [`WorldEntities::flush`], which
/// take effect when the phase ends.
pub struct WorldEntities<'q, 'w, 's, T: Keyed> {
    pub query: &'q Query<'w, 's, (Entity, &'static T)>,
    /// Changed in this phase, by key: the item now, or `None` once ended.
    changed: Vec<(T::Key, Option<T>)>,
}

impl<'q, 'w, 's, T: Keyed> WorldEntities<'q, 'w, 's, T> {
    pub fn new(query: &'q Query<'w, 's, (Entity, &'static T)>) -> Self {
        WorldEntities { query, changed: Vec::new() }
    }

    fn entity(&self, key: &T::Key) -> Option<Entity> {
        self.query.iter().find(|(_, r)| r.key() == *key).map(|(e, _)| e)
    }

    /// Spawns, replaces and despawns the entities as the phase left them.
    pub fn flush(self, commands: &mut Commands) {
        let mut last: Vec<(T::Key, Option<T>)> = Vec::with_capacity(self.changed.len());
        for (key, now) in self.changed.into_iter().rev() {
            if !last.iter().any(|(k, _)| *k == key) {
                last.push((key, now));
            }
        }
        last.sort_by_key(|(k, _)| *k);
        for (key, now) in last {
            match (self.query.iter().find(|(_, r)| r.key() == key).map(|(e, _)| e), now) {
                (Some(e), Some(item)) => {
                    commands.entity(e).insert(item);
                }
                (None, Some(item)) => {
                    commands.spawn(item);
                }
                (Some(e), None) => commands.entity(e).despawn(),
                (None, None) => {}
            }
        }
    }
}

impl<T: Keyed> Store<T> for WorldEntities<'_, '_, '_, T> {
    fn in_force(&self, key: &T::Key) -> Option<T> {
        match self.changed.iter().rev().find(|(k, _)| k == key) {
            Some((_, now)) => now.clone(),
            None => self.entity(key).and_then(|e| self.query.get(e).ok()).map(|(_, r)| r.clone()),
        }
    }

    fn put(&mut self, item: T) {
        self.changed.push((item.key(), Some(item)));
    }

    fn end(&mut self, key: &T::Key) {
        self.changed.push((*key, None));
    }
}

/// Makes the world's entities of a family those of `items` (a new game, a resume, a restart: never
/// during a turn, when only the ledger changes them).
pub fn put_all<T: Keyed>(world: &mut World, items: &[T]) {
    let old: Vec<Entity> = world.query_filtered::<Entity, With<T>>().iter(world).collect();
    for e in old {
        world.despawn(e);
    }
    for item in items {
        world.spawn(item.clone());
    }
}

/// The world's entities of a family, as the state keeps them (sorted by key).
pub fn read_all<T: Keyed>(world: &mut World) -> Vec<T> {
    let mut items: Vec<T> = world.query::<&T>().iter(world).cloned().collect();
    items.sort_by_key(|r| r.key());
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Component, Clone, Debug, PartialEq)]
    struct Item(u32, &'static str);

    impl Keyed for Item {
        type Key = u32;
        fn key(&self) -> u32 {
            self.0
        }
    }

    #[test]
    fn a_list_keeps_one_item_per_key_in_key_order() {
        let mut list: Vec<Item> = Vec::new();
        list.put(Item(3, "c"));
        list.put(Item(1, "a"));
        list.put(Item(3, "c again"));
        assert_eq!(list, [Item(1, "a"), Item(3, "c again")]);
        list.end(&1);
        assert_eq!(list.in_force(&3), Some(Item(3, "c again")));
        assert_eq!(list.in_force(&1), None);
    }

    #[test]
    fn the_world_sees_a_phase_s_changes_before_its_commands_run() {
        let mut world = World::new();
        world.spawn(Item(1, "a"));
        let mut system_state: bevy_ecs::system::SystemState<(Query<(Entity, &Item)>, Commands)> =
            bevy_ecs::system::SystemState::new(&mut world);
        let (query, mut commands) = system_state.get_mut(&mut world).expect("valid params");
        let mut store = WorldEntities::new(&query);
        store.put(Item(1, "a changed"));
        store.put(Item(2, "b"));
        assert_eq!(store.in_force(&1), Some(Item(1, "a changed")));
        store.end(&2);
        assert_eq!(store.in_force(&2), None);
        store.flush(&mut commands);
        system_state.apply(&mut world);
        assert_eq!(read_all::<Item>(&mut world), [Item(1, "a changed")]);
    }
}
