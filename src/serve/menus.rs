//! The menu of orders on each group's page, made away from the runtime's thread and kept until what it
//! depends on changes.
//!
//! The menu is most of a group's page: every order of the group's tools goes through `check` (some 330
//! orders for a state in the load test's 46-actor scenario, nine tenths of the page's time). The room
//! runs on one thread, so forty groups opening their pages at the start of a turn used to queue every
//! order submission behind forty menus. Now a page asks for its menu before it takes the room: a menu
//! kept already is used as it is (a group's other devices, and the reloads that a message, a lock or the
//! timer causes, change nothing the menu shows); otherwise a [`Job`] holding copies of what the menu
//! depends on is rendered on tokio's blocking pool while the runtime goes on serving, then kept.
//!
//! A menu depends on the state and turn (changed only by a resolution or an undo: the room's
//! [`Version`](super::room::Version)), on the group's own orders given so far this turn (`check` looks at no other group's),
//! and on its link's token (in the forms' addresses). All three are its [`Key`]; a menu kept under
//! another key is not used.

use std::collections::HashMap;
use std::sync::Arc;

use super::room::Version;
use crate::engine::state::Snapshot;
use crate::scenario::{OrderSpec, Scenario};

/// What a menu depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    version: Version,
    given: Vec<OrderSpec>,
    token: String,
}

impl Key {
    pub fn new(version: Version, given: Vec<OrderSpec>, token: &str) -> Key {
        Key { version, given, token: token.to_string() }
    }
}

/// A menu to render: copies of what it depends on, so it can be rendered without the room.
pub struct Job {
    pub key: Key,
    pub role: String,
    pub scenario: Arc<Scenario>,
    pub state: Arc<Snapshot>,
    pub turn: u32,
}

impl Job {
    /// The menu's HTML, with the key it was rendered for.
    pub fn render(self) -> (Key, Arc<str>) {
        let started = std::time::Instant::now();
        let Job { key, role, scenario, state, turn } = self;
        let html = super::pages::menu::render(&scenario, &state, turn, &role, &key.given, &key.token).into_string();
        super::stats::GROUP_MENU.add(started.elapsed(), html.len());
        (key, html.into())
    }
}

/// A group's menu now.
pub enum Menu {
    /// The page shows no menu (the group is locked in, has given its three orders, or the game is over).
    None,
    Kept(Arc<str>),
    /// Not kept for what it depends on now: render this, then keep it ([`Menus::keep`]).
    Make(Job),
}

/// The menus kept, one per group (the last one rendered), and the state they were made from.
#[derive(Default)]
pub struct Menus {
    kept: HashMap<String, (Key, Arc<str>)>,
    /// The state of the room's current version, shared by the jobs of that version (copied once per
    /// resolution, not once per menu).
    state: Option<(Version, Arc<Snapshot>)>,
}

impl Menus {
    pub fn get(&self, role: &str, key: &Key) -> Option<Arc<str>> {
        self.kept.get(role).filter(|(kept, _)| kept == key).map(|(_, menu)| menu.clone())
    }

    /// Keeps a menu just rendered (replacing the group's previous one).
    pub fn keep(&mut self, role: &str, key: Key, menu: Arc<str>) {
        self.kept.insert(role.to_string(), (key, menu));
    }

    /// The state of `version`, copied from `current` the first time a job of that version asks.
    pub fn state(&mut self, version: Version, current: &Snapshot) -> Arc<Snapshot> {
        match &self.state {
            Some((at, state)) if *at == version => state.clone(),
            _ => {
                let state = Arc::new(current.clone());
                self.state = Some((version, state.clone()));
                state
            }
        }
    }
}
