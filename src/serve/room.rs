//! The room: the same `play::Session` the terminal room drives (orders checked by `check`, the turn
//! played and appended to the log), plus what a room of devices adds: which groups have locked their
//! orders in, the turn's timer, a notice for each page, and the journal that keeps the turn in
//! progress safe from a kill. Every change goes through `apply`, both when a page asks for it and
//! when a journal is read back at `serve --resume`, so the two cannot differ.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::journal::{Event, Journal, journal_path};
use super::keys::RoomKeys;
use super::menus::{Job, Key, Menu, Menus};
use super::pages::Public;
use super::stats;
use super::timer::Timer;
use crate::engine::record::Ballot;
use crate::orders::Message;
use crate::play::Session;
use crate::scenario::OrderSpec;

/// Why the room did not do what a page asked.
#[derive(Debug)]
pub enum Refused {
    /// The rules or the room's state say no; the words are for the group.
    Rule(String),
    /// The change could not be saved (the log, the journal or the room file).
    Io(std::io::Error),
}

impl From<std::io::Error> for Refused {
    fn from(e: std::io::Error) -> Self {
        Refused::Io(e)
    }
}

/// Who a change concerns, so that each page reloads only for what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Everyone: a turn resolved or undone, the timer.
    Public,
    /// A group locked in or out: the projector, the console and that group's pages show it; the other
    /// groups' pages do not.
    Locks(String),
    /// One group's own orders or ballot (its other devices follow).
    Group(String),
    /// A message: its sender and receivers (everyone when `to` is empty).
    Message { from: String, to: Vec<String> },
    /// The facilitator's console only (an inject fired).
    Console,
    /// A group opened its page for the first time: the console shows it joined, and the projector
    /// takes its join code down.
    Joined(String),
}

pub struct Room {
    pub session: Session,
    pub keys: RoomKeys,
    keys_path: PathBuf,
    journal: Journal,
    locked: BTreeSet<String>,
    notices: HashMap<String, String>,
    /// The groups that have opened their page since the room started (not saved: a restarted room
    /// shows a group as joined when its page next loads, which the live updates make happen at once).
    joined: BTreeSet<String>,
    /// Whether the projector shows the join codes of the groups not joined yet: in a new room only. A
    /// resumed room does not know who joined before the stop (`joined` is not saved), and its groups
    /// have their links already: showing every code again would put them in view of the whole room.
    join_codes: bool,
    pub timer: Timer,
    /// What every page shows alike until the next resolution or undo (the situation, last turn's
    /// results, the debrief's charts), rendered once for that version rather than for every page
    /// that reloads.
    public: Option<(Version, Arc<Public>)>,
    /// Each group's menu of orders, made away from the runtime's thread (`serve::menus`).
    menus: Menus,
    resolutions: u64,
    /// Each seated role's private sheet as HTML, without its page frame: it does not change during a
    /// game, so it is rendered once, not for every page a group loads.
    sheets: HashMap<String, String>,
}

impl Room {
    /// A room over a session, starting the journal of the coming turn with `recovered` events (read
    /// back from the journal of a stopped room): each is applied as if a page had asked for it again.
    /// Returns the room and what could not be applied, for the facilitator's terminal.
    pub fn open(
        session: Session,
        keys: RoomKeys,
        keys_path: PathBuf,
        recovered: Vec<Event>,
    ) -> std::io::Result<(Room, Vec<String>)> {
        let path = journal_path(&session.log_path);
        // The recovered events are written again first: a kill while they are applied loses nothing.
        let journal = Journal::start(&path, session.next_turn(), &recovered)?;
        let timer = Timer::new(keys.settings.turn_minutes);
        let mut room = Room {
            session,
            keys,
            keys_path,
            journal,
            locked: BTreeSet::new(),
            notices: HashMap::new(),
            joined: BTreeSet::new(),
            join_codes: true,
            timer,
            public: None,
            menus: Menus::default(),
            resolutions: 0,
            sheets: HashMap::new(),
        };
        room.sheets = room.session.seats.iter().map(|role| (role.clone(), sheet_html(&room.session, role))).collect();
        let mut kept = Vec::new();
        let mut problems = Vec::new();
        for event in recovered {
            match room.apply(&event) {
                Ok(()) => kept.push(event),
                Err(why) => problems.push(format!("a journaled change was not applied again ({event:?}): {why}")),
            }
        }
        if !problems.is_empty() {
            room.journal = Journal::start(&path, room.session.next_turn(), &kept)?;
        }
        Ok((room, problems))
    }

    pub fn journal_path(&self) -> &Path {
        self.journal.path()
    }

    pub fn is_locked(&self, role: &str) -> bool {
        self.locked.contains(role)
    }

    /// Leaves a notice for a page (a group's role, or the console): how its last change went.
    pub fn notify(&mut self, page: &str, text: impl Into<String>) {
        self.notices.insert(page.to_string(), text.into());
    }

    /// The page's notice. It stays until the page's next change (or the next turn): a change also
    /// reloads the page that made it (its other devices follow through the same event), and the
    /// notice must survive that reload.
    pub fn notice(&self, page: &str) -> Option<&str> {
        self.notices.get(page).map(String::as_str)
    }

    /// Makes one change to the turn in progress, without journaling it.
    fn apply(&mut self, event: &Event) -> Result<(), String> {
        let open = |room: &Room, role: &str| {
            if room.locked.contains(role) {
                Err("your orders are locked in; unlock them first to change them".to_string())
            } else {
                Ok(())
            }
        };
        match event {
            Event::Turn(_) => Err("a turn line belongs at the start of a journal".to_string()),
            Event::Order(order) => {
                open(self, &order.actor)?;
                if !self.session.room_for_orders(&order.actor) {
                    return Err("that is three orders, the most a group can give in a turn".to_string());
                }
                self.session.add_order(order.clone())
            }
            Event::Withdraw(role, index) => {
                open(self, role)?;
                self.session.withdraw(role, *index).map(|_| ())
            }
            Event::Lock(role) => {
                self.seated(role)?;
                self.locked.insert(role.clone());
                Ok(())
            }
            Event::Unlock(role) => {
                self.seated(role)?;
                self.locked.remove(role);
                Ok(())
            }
            Event::Ballot(role, ballot) => {
                open(self, role)?;
                self.seated(role)?;
                self.session.ballot(role, *ballot)
            }
            Event::ClearBallot(role) => {
                open(self, role)?;
                self.seated(role)?;
                self.session.clear_ballot(role)
            }
            Event::Inject(id) => self.session.fire_inject(id),
            Event::Message(message) => self.session.add_message(message.clone()),
        }
    }

    fn seated(&self, role: &str) -> Result<(), String> {
        if self.session.seats.iter().any(|s| s == role) {
            Ok(())
        } else {
            Err(format!("`{role}` is not a group in the room"))
        }
    }

    /// Applies a change a page asked for and writes it to the journal. The caller syncs the journal
    /// (`journal_syncer`) before it confirms the change.
    fn change(&mut self, event: Event) -> Result<(), Refused> {
        if self.session.is_over() {
            return Err(Refused::Rule("the game is over".to_string()));
        }
        stats::CHANGE.time(|| {
            self.apply(&event).map_err(Refused::Rule)?;
            self.journal.write(&event)?;
            Ok(())
        })
    }

    /// What syncs the journal's lines written so far, without holding the room.
    pub fn journal_syncer(&self) -> super::journal::Syncer {
        self.journal.syncer()
    }

    pub fn give_order(&mut self, order: OrderSpec) -> Result<(), Refused> {
        self.change(Event::Order(order))
    }

    pub fn withdraw(&mut self, role: &str, index: usize) -> Result<(), Refused> {
        self.change(Event::Withdraw(role.to_string(), index))
    }

    pub fn lock(&mut self, role: &str) -> Result<(), Refused> {
        self.change(Event::Lock(role.to_string()))
    }

    pub fn unlock(&mut self, role: &str) -> Result<(), Refused> {
        self.change(Event::Unlock(role.to_string()))
    }

    pub fn ballot(&mut self, role: &str, ballot: Ballot) -> Result<(), Refused> {
        self.change(Event::Ballot(role.to_string(), ballot))
    }

    /// The group votes as its role's position decides again.
    pub fn clear_ballot(&mut self, role: &str) -> Result<(), Refused> {
        self.change(Event::ClearBallot(role.to_string()))
    }

    pub fn send(&mut self, message: Message) -> Result<(), Refused> {
        self.change(Event::Message(message))
    }

    pub fn fire_inject(&mut self, id: &str) -> Result<(), Refused> {
        self.change(Event::Inject(id.to_string()))
    }

    /// The groups that have locked their orders in, in seat order.
    pub fn locked(&self) -> Vec<String> {
        self.session.seats.iter().filter(|s| self.locked.contains(*s)).cloned().collect()
    }

    /// Resolves the turn: the locked groups' orders; every other seat holds or is played per
    /// `--others`. The turn goes to the log, then a fresh journal starts the next turn.
    pub fn resolve(&mut self) -> Result<u32, Refused> {
        if self.session.is_over() {
            return Err(Refused::Rule("the game is over".to_string()));
        }
        let started = std::time::Instant::now();
        let ready = self.locked();
        let record = stats::PLAY.time(|| self.session.turn_with(&ready));
        let turn = stats::LOG_APPEND.time(|| self.session.keep(record))?.turn;
        stats::JOURNAL_START.time(|| self.next_turn())?;
        stats::RESOLVE.add(started.elapsed(), 0);
        Ok(turn)
    }

    /// Takes back the last completed turn (and drops whatever was given for the turn in progress).
    pub fn undo(&mut self) -> Result<u32, Refused> {
        let Some(turn) = self.session.undo()? else {
            return Err(Refused::Rule("there is no completed turn to take back".to_string()));
        };
        self.next_turn()?;
        Ok(turn)
    }

    fn next_turn(&mut self) -> std::io::Result<()> {
        self.resolutions += 1;
        self.locked.clear();
        self.notices.clear();
        self.timer.restart();
        self.journal = Journal::start(&journal_path(&self.session.log_path), self.session.next_turn(), &[])?;
        Ok(())
    }

    /// A new link for a group: the old one stops working at once.
    pub fn relink(&mut self, role: &str) -> Result<(), Refused> {
        if !self.keys.renew(role)? {
            return Err(Refused::Rule(format!("`{role}` is not a group in the room")));
        }
        self.keys.save(&self.keys_path)?;
        Ok(())
    }
}

impl Room {
    /// Ends the game now and scores it (the console's "end the game now"): the turn in progress is
    /// resolved as `resolve` does, through `Session::end_now_with`, as `play` ends it, then the game
    /// ends and every objective is scored.
    pub fn end_now(&mut self) -> Result<u32, Refused> {
        if self.session.is_over() {
            return Err(Refused::Rule("the game is over".to_string()));
        }
        let ready = self.locked();
        let turn = self.session.end_now_with(&ready)?.turn;
        self.next_turn()?;
        Ok(turn)
    }
}

impl Room {
    /// Notes that a group opened its page (the console and the projector show who has joined).
    /// Whether it is the first time since the room started: the projector then takes its code down.
    pub fn join(&mut self, role: &str) -> bool {
        self.joined.insert(role.to_string())
    }

    pub fn has_joined(&self, role: &str) -> bool {
        self.joined.contains(role)
    }

    /// The seated groups whose join code the projector shows, in seat order: those that have not
    /// opened their page yet, while the game is on, in a room that was not resumed. A code in view
    /// lets anyone act for its group, so it is up only until the group's page has been opened once;
    /// a code taken by the wrong people is undone from the console (a new link).
    pub fn join_codes(&self) -> Vec<(&str, &super::token::Token)> {
        if !self.join_codes || self.session.is_over() {
            return Vec::new();
        }
        self.keys.groups.iter().filter(|(role, _)| !self.has_joined(role)).map(|(r, t)| (r.as_str(), t)).collect()
    }

    /// A resumed room shows no join codes on the projector (see `join_codes`).
    pub fn hide_join_codes(&mut self) {
        self.join_codes = false;
    }
}

impl Room {
    /// Writes the room file again (its settings changed: the port actually bound).
    pub fn save_keys(&self) -> std::io::Result<()> {
        self.keys.save(&self.keys_path)
    }
}

/// What changes the state every page shows: each resolution or undo counted, and the turn to come
/// (which moves even if saving a resolved turn failed).
pub type Version = (u64, u32);

impl Room {
    pub fn version(&self) -> Version {
        (self.resolutions, self.session.next_turn())
    }

    /// What every page shows alike in this version (see [`Public`]).
    pub fn public(&mut self) -> Arc<Public> {
        let version = self.version();
        match &self.public {
            Some((at, public)) if *at == version => public.clone(),
            _ => {
                let public = Arc::new(Public::render(&self.session, self.charts()));
                self.public = Some((version, public.clone()));
                public
            }
        }
    }

    /// The debrief's charts of the game so far (none before the first turn).
    fn charts(&self) -> Vec<crate::debrief::Chart> {
        let session = &self.session;
        if session.records.is_empty() {
            return Vec::new();
        }
        let name = session.log_path.display().to_string();
        let game = crate::debrief::GameLog { name: &name, header: &session.header, records: &session.records };
        stats::CHARTS.time(|| crate::debrief::Debrief::new(&session.scenario, &game).charts)
    }

    /// The menu of `role`'s page now: none, the one kept, or the job of making it (`serve::menus`).
    pub fn menu(&mut self, role: &str, token: &str) -> Menu {
        let session = &self.session;
        if session.is_over() || self.locked.contains(role) || !session.room_for_orders(role) {
            return Menu::None;
        }
        let given = session.orders_of(role).into_iter().cloned().collect();
        let key = Key::new(self.version(), given, token);
        if let Some(menu) = self.menus.get(role, &key) {
            return Menu::Kept(menu);
        }
        let state = self.menus.state(self.version(), self.session.state());
        let (scenario, turn) = (self.session.scenario.clone(), self.session.next_turn());
        Menu::Make(Job { key, role: role.to_string(), scenario, state, turn })
    }

    /// Keeps a menu made for `role`; it is used for as long as its key holds.
    pub fn keep_menu(&mut self, role: &str, key: Key, menu: Arc<str>) {
        self.menus.keep(role, key, menu);
    }

    /// The menu of `role`'s page, made here if none is kept for the room as it is now (a page's last
    /// resort, when the room changed while its menu was being made elsewhere).
    pub fn menu_now(&mut self, role: &str, token: &str) -> Option<Arc<str>> {
        match self.menu(role, token) {
            Menu::None => None,
            Menu::Kept(menu) => Some(menu),
            Menu::Make(job) => {
                let (key, menu) = job.render();
                self.keep_menu(role, key, menu.clone());
                Some(menu)
            }
        }
    }
}

impl Room {
    /// A seated role's private sheet as HTML (escaped by `brief::html`), without its page frame.
    pub fn role_sheet(&self, role: &str) -> &str {
        self.sheets.get(role).map_or("", String::as_str)
    }
}

fn sheet_html(session: &Session, role: &str) -> String {
    let Some(sheet) = crate::brief::role(&session.scenario, role) else { return String::new() };
    let whole = crate::brief::html::render(&sheet);
    whole
        .split_once("<main>")
        .and_then(|(_, rest)| rest.rsplit_once("</main>"))
        .map_or(String::new(), |(inner, _)| inner.to_string())
}
