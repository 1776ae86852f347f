//! The state of a game in the room: the game, its log, the seats, and the orders gathered so far.

mod journaled;

pub use journaled::Restored;

use crate::scenario::Id;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use crate::engine::record::Ballot;
use crate::engine::record::TurnRecord;
use crate::engine::state::Snapshot;
use crate::engine::view::View;
use crate::engine::{Game, OrderSource};
use crate::journal::{Event, Journal};
use crate::log::{self, LogHeader, LogLock};
use crate::orders::{MAX_MESSAGE_CHARS, MAX_ORDERS_PER_ACTOR, Message, TurnOrders, check};
use crate::scenario::{OrderSpec, Scenario, Trigger};

/// What the seats nobody plays do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Others {
    /// Each follows its bot policy from the scenario.
    Bots,
    /// Each follows the historical course.
    Historical,
    /// Each holds.
    Hold,
}

impl Others {
    pub fn name(self) -> &'static str {
        match self {
            Others::Bots => "bots",
            Others::Historical => "historical",
            Others::Hold => "hold",
        }
    }

    pub fn parse(s: &str) -> Option<Others> {
        match s {
            "bots" => Some(Others::Bots),
            "historical" => Some(Others::Historical),
            "hold" => Some(Others::Hold),
            _ => None,
        }
    }
}

pub struct Session {
    pub scenario: Arc<Scenario>,
    pub header: LogHeader,
    pub log_path: PathBuf,
    pub seats: Vec<String>,
    pub others: Others,
    pub records: Vec<TurnRecord>,
    /// What the next turn appended to the log is compressed against.
    tail: log::Tail,
    game: Game,
    pending: TurnOrders,
    /// This process's lock on the log (see `log::LogLock`), when it holds one: an undo replaces the
    /// file and takes the lock on the new one.
    lock: Option<LogLock>,
    /// `play`'s journal of the turn in progress (`journaled.rs`): every change is written to it before
    /// it is made, so a stop mid-turn keeps what was entered. `serve` keeps its own journal, with the
    /// locks and the timer's room around it, and leaves this one out.
    journal: Option<Journal>,
    /// The groups that have finished entering their orders for the turn in progress (`play`: handed
    /// over; journaled as a lock), so that a resumed room does not ask them again.
    entered: BTreeSet<String>,
}

impl Session {
    /// A session over a log that holds `records` already (none for a new game), whose last block packs
    /// `tail` (`LoadedLog::tail`; the default for a new game).
    pub fn new(
        scenario: Arc<Scenario>,
        header: LogHeader,
        log_path: PathBuf,
        others: Others,
        records: Vec<TurnRecord>,
        tail: log::Tail,
    ) -> Session {
        let state = records.last().map_or_else(|| Snapshot::initial(&scenario), |r| r.state.clone());
        let ended = records.last().is_some_and(|r| r.end.is_some());
        let game = Game::resume(scenario.clone(), header.seed, state, ended);
        let seats = header.seats.clone();
        let pending = TurnOrders { turn: game.next_turn(), ..TurnOrders::default() };
        Session {
            scenario,
            header,
            log_path,
            seats,
            others,
            records,
            tail,
            game,
            pending,
            lock: None,
            journal: None,
            entered: BTreeSet::new(),
        }
    }

    /// The session with the lock on its log, held for as long as the session writes it.
    pub fn holding(mut self, lock: LogLock) -> Session {
        self.lock = Some(lock);
        self
    }

    pub fn is_over(&self) -> bool {
        self.game.is_over()
    }

    pub fn next_turn(&self) -> u32 {
        self.game.next_turn()
    }

    pub fn state(&self) -> &Snapshot {
        self.game.state()
    }

    /// The orders a seated group has given for the coming turn.
    pub fn orders_of(&self, role: &str) -> Vec<&OrderSpec> {
        self.pending.orders.iter().filter(|o| o.actor == role).collect()
    }

    /// Adds a group's order if it passes the check now; otherwise says why, in the group's words.
    pub fn add_order(&mut self, order: OrderSpec) -> Result<(), String> {
        if !self.seats.iter().any(|s| *s == order.actor) {
            return Err(format!(
                "`{}` is not a seat played by a group; the seats are: {}",
                order.actor,
                self.seats.join(", ")
            ));
        }
        let view = View::of_snapshot(&self.scenario, self.game.state(), self.game.next_turn());
        check(&order, &view, &self.pending.orders)?;
        self.note(Event::Order(order.clone()))?;
        self.pending.orders.push(order);
        Ok(())
    }

    /// Takes back a group's last order.
    pub fn withdraw_last(&mut self, role: &str) -> Result<OrderSpec, String> {
        let count = self.orders_of(role).len();
        let last = count.checked_sub(1).ok_or_else(|| format!("`{role}` has no order to take back"))?;
        self.withdraw(role, last)
    }

    pub fn room_for_orders(&self, role: &str) -> bool {
        self.orders_of(role).len() < MAX_ORDERS_PER_ACTOR
    }

    pub fn ballot(&mut self, member: &str, ballot: Ballot) -> Result<(), String> {
        let on_council = self.scenario.bodies.iter().any(|b| b.is_council() && b.has_member(member));
        if !on_council {
            return Err(format!("`{member}` has no seat on the Security Council"));
        }
        self.note(Event::Ballot(member.to_string(), ballot))?;
        self.pending.ballots.retain(|(m, _)| m != member);
        self.pending.ballots.push((member.to_string(), ballot));
        Ok(())
    }

    /// Takes back a seated member's ballot: it votes as its role's position decides. Nothing to take
    /// back is not an error (the choice is the same either way).
    pub fn clear_ballot(&mut self, member: &str) -> Result<(), String> {
        if self.ballot_of(member).is_none() {
            return Ok(());
        }
        self.note(Event::ClearBallot(member.to_string()))?;
        self.pending.ballots.retain(|(m, _)| m != member);
        Ok(())
    }

    /// The facilitator injects that can still be fired.
    pub fn available_injects(&self) -> Vec<(String, String)> {
        self.scenario
            .injects
            .iter()
            .filter(|i| i.trigger == Trigger::Facilitator)
            .filter(|i| {
                !self
                    .game
                    .state()
                    .globals
                    .events
                    .contains(&crate::scenario::Event::InjectFired(Id::from(i.id.as_str())))
            })
            .filter(|i| !self.pending.injects.iter().any(|p| *p == i.id))
            .map(|i| (i.id.to_string(), i.title.clone()))
            .collect()
    }

    pub fn fire_inject(&mut self, id: &str) -> Result<(), String> {
        let available = self.available_injects();
        if !available.iter().any(|(i, _)| i == id) {
            let list: Vec<String> = available.iter().map(|(i, t)| format!("{i} ({t})")).collect();
            return Err(if list.is_empty() {
                format!("`{id}` cannot be fired: no facilitator inject is left")
            } else {
                format!("`{id}` is not a facilitator inject that can still fire; choose one of: {}", list.join(", "))
            });
        }
        self.note(Event::Inject(id.to_string()))?;
        self.pending.injects.push(id.to_string());
        Ok(())
    }

    /// Takes back one of a group's orders, by its place among that group's orders (0 is the first).
    pub fn withdraw(&mut self, role: &str, index: usize) -> Result<OrderSpec, String> {
        let i = self
            .pending
            .orders
            .iter()
            .enumerate()
            .filter(|(_, o)| o.actor == role)
            .nth(index)
            .ok_or_else(|| "there is no such order".to_string())?
            .0;
        self.note(Event::Withdraw(role.to_string(), index))?;
        Ok(self.pending.orders.remove(i))
    }

    /// A seated group's ballot on the drafts before the Council this turn, if it cast one.
    pub fn ballot_of(&self, member: &str) -> Option<Ballot> {
        self.pending.ballots.iter().find(|(m, _)| m == member).map(|(_, b)| *b)
    }

    /// The facilitator injects fired for the coming turn.
    pub fn fired_injects(&self) -> &[String] {
        &self.pending.injects
    }

    /// Adds a message between seated groups to the coming turn; it goes into the turn's record. Refused
    /// when the sender or a receiver is not a seat played by a group, or the text is empty or too long.
    pub fn add_message(&mut self, message: Message) -> Result<(), String> {
        let seated = |id: &str| self.seats.iter().any(|s| s == id);
        if !seated(&message.from) {
            return Err(format!("`{}` is not a seat played by a group", message.from));
        }
        if let Some(unknown) = message.to.iter().find(|t| !seated(t)) {
            return Err(format!("`{unknown}` is not a group in the room; the groups are: {}", self.seats.join(", ")));
        }
        if message.text.trim().is_empty() {
            return Err("the message is empty".to_string());
        }
        let chars = message.text.chars().count();
        if chars > MAX_MESSAGE_CHARS {
            return Err(format!("the message has {chars} characters; a message has at most {MAX_MESSAGE_CHARS}"));
        }
        self.note(Event::Message(message.clone()))?;
        self.pending.messages.push(message);
        Ok(())
    }

    /// The messages sent so far in the coming turn, in the order they were sent.
    pub fn messages(&self) -> &[Message] {
        &self.pending.messages
    }

    /// Resolves the turn: the groups' orders, then the other seats', then saves it to the log.
    pub fn play_turn(&mut self) -> std::io::Result<&TurnRecord> {
        let seats = self.seats.clone();
        self.play_turn_with(&seats)
    }

    /// Resolves the turn with only the groups in `ready` giving their orders (the room on phones: the
    /// groups that locked them in). The other seated groups' orders and ballots are dropped and their
    /// seats are played like the seats nobody plays (`others`); every message sent stays in the turn.
    pub fn play_turn_with(&mut self, ready: &[String]) -> std::io::Result<&TurnRecord> {
        let record = self.turn_with(ready);
        self.keep(record)
    }

    /// The turn of [`Session::play_turn_with`], played but not yet saved ([`Session::keep`]).
    pub fn turn_with(&mut self, ready: &[String]) -> TurnRecord {
        let turn = self.game.next_turn();
        let mut orders = std::mem::replace(&mut self.pending, TurnOrders { turn: turn + 1, ..TurnOrders::default() });
        self.entered.clear();
        orders.turn = turn;
        let is_ready = |id: &str| ready.iter().any(|r| r == id);
        orders.orders.retain(|o| is_ready(&o.actor));
        orders.ballots.retain(|(m, _)| !self.seats.iter().any(|s| s == m) || is_ready(m));
        // The other seats' base: the course's orders for them (or none), after the groups' own, so
        // the bots see what the groups ordered (a cautious mediator follows a group that mediates).
        let mut base = match self.others {
            Others::Historical => OrderSource::Historical.turn(&self.scenario, turn),
            _ => TurnOrders { turn, ..TurnOrders::default() },
        };
        base.orders.retain(|o| !is_ready(&o.actor));
        base.orders.splice(0..0, orders.orders.iter().cloned());
        let base = OrderSource::File(crate::orders::OrdersFile { turns: vec![base] });
        let policies: std::collections::BTreeMap<_, _> = self
            .scenario
            .actors
            .iter()
            .filter(|a| !is_ready(&a.id))
            .map(|a| (a.id, if self.others == Others::Bots { a.bot } else { crate::scenario::BotPolicy::Hold }))
            .collect();
        let others = OrderSource::bots(base, &policies);
        let theirs = others.orders(&self.scenario, self.game.state(), turn);
        orders.orders.extend(theirs.orders.into_iter().filter(|o| !is_ready(&o.actor)));
        self.game.play_turn(&orders)
    }

    /// Appends a turn just played ([`Session::turn_with`]) to the log and keeps its record.
    pub fn keep(&mut self, record: TurnRecord) -> std::io::Result<&TurnRecord> {
        self.tail = log::append(&self.log_path, self.records.last(), &self.tail, &record)?;
        self.records.push(record);
        // The turn is in the log: its journal is done with (were this cut short, it would be stale).
        self.restart_journal()?;
        Ok(self.records.last().expect("just pushed"))
    }

    /// Ends the game now and scores it ("end now and score"): the turn in progress is resolved with the
    /// orders given so far (a seated group that gave none holds; the other seats play as in any turn),
    /// then the game ends and every objective is scored as at any end. The end is part of the turn's
    /// input in the log, so replay and branch end the game at the same turn.
    pub fn end_now(&mut self) -> std::io::Result<&TurnRecord> {
        let seats = self.seats.clone();
        self.end_now_with(&seats)
    }

    /// [`Session::end_now`] with only the groups in `ready` giving their orders, as
    /// [`Session::play_turn_with`] (the room on phones).
    pub fn end_now_with(&mut self, ready: &[String]) -> std::io::Result<&TurnRecord> {
        // The pending orders, the end with them, are taken whole by the turn (never left for the next).
        self.pending.end_now = true;
        self.play_turn_with(ready)
    }

    /// Takes back the last completed turn: the log is rewritten without it, the state restored.
    pub fn undo(&mut self) -> std::io::Result<Option<u32>> {
        let Some(last) = self.records.pop() else { return Ok(None) };
        let text = log::render_log(&self.header, &self.records);
        // The new file is locked before it takes the log's name, so no other process gets in between.
        let lock = log::replace(&self.log_path, &text)?;
        self.lock = Some(lock);
        self.tail = log::tail_of(&self.records);
        let state = self.records.last().map_or_else(|| Snapshot::initial(&self.scenario), |r| r.state.clone());
        self.game = Game::resume(self.scenario.clone(), self.header.seed, state, false);
        self.pending = TurnOrders { turn: self.game.next_turn(), ..TurnOrders::default() };
        self.entered.clear();
        self.restart_journal()?;
        Ok(Some(last.turn))
    }
}
