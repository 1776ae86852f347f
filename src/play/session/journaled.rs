//! `play`'s journal of the turn in progress: the same `LOG.journal` as `serve` (`crate::journal`),
//! so that "save and stop", a closed terminal or a killed process keeps every order, withdrawal,
//! ballot, inject and message entered for the turn in progress, and `resume LOG` restores them. A
//! group that handed over is journaled as a lock, as a group that locked in on a phone is: either
//! room carries on the other's journal.

use super::Session;
use crate::journal::{Event, Journal, journal_path, recover};

/// What a resumed session took back from the journal of its turn in progress.
#[derive(Debug, Default)]
pub struct Restored {
    /// The seated groups with orders restored, in seat order.
    pub orders_of: Vec<String>,
    /// The seated groups that had finished their entry, with or without orders: they are not asked
    /// again.
    pub entered: Vec<String>,
    /// Why lines, or the whole journal, were not used (a stale journal, a torn last line, a change the
    /// rules refuse now): for the facilitator's error stream.
    pub warnings: Vec<String>,
}

impl Session {
    /// The session of a new game, journaling its turn in progress from now on. A journal left beside
    /// the log's name by another game is replaced, never read.
    pub fn journaled(mut self) -> std::io::Result<Session> {
        self.journal = Some(Journal::start(&journal_path(&self.log_path), self.next_turn(), &[])?);
        Ok(self)
    }

    /// The session of a resumed game, with what its journal kept of the turn in progress made again,
    /// journaling from now on.
    pub fn journaled_resumed(mut self) -> std::io::Result<(Session, Restored)> {
        let path = journal_path(&self.log_path);
        let turn = self.next_turn();
        let recovered = recover(&path, turn);
        let mut restored = Restored { warnings: recovered.warnings, ..Restored::default() };
        // Written again before they are made: a kill while they are made loses nothing. (The session
        // has no journal yet, so making them does not write them a second time.)
        let mut journal = Journal::start(&path, turn, &recovered.events)?;
        let mut kept = Vec::new();
        let mut refused = false;
        for event in recovered.events {
            match self.apply(&event) {
                Ok(()) => kept.push(event),
                Err(why) => {
                    refused = true;
                    restored
                        .warnings
                        .push(format!("a journaled change was not made again ({}): {why}", describe(&event)));
                }
            }
        }
        // The journal holds only what was made again, so the next resume finds the same.
        if refused {
            journal = Journal::start(&path, turn, &kept)?;
        }
        self.journal = Some(journal);
        let seats = self.seats.clone();
        restored.orders_of = seats.iter().filter(|s| !self.orders_of(s).is_empty()).cloned().collect();
        restored.entered = seats.iter().filter(|s| self.entered.contains(*s)).cloned().collect();
        Ok((self, restored))
    }

    /// Notes that a group has finished entering its orders for the turn in progress (it handed over).
    pub fn finish_entry(&mut self, role: &str) -> Result<(), String> {
        self.note(Event::Lock(role.to_string()))?;
        self.entered.insert(role.to_string());
        Ok(())
    }

    /// Whether a group has finished entering its orders for the turn in progress.
    pub fn has_entered(&self, role: &str) -> bool {
        self.entered.contains(role)
    }

    /// Writes a change to the journal, synced, before the session makes it; a change that cannot be
    /// kept is not made, and the words say why.
    pub(super) fn note(&mut self, event: Event) -> Result<(), String> {
        let Some(journal) = &mut self.journal else { return Ok(()) };
        journal.append(&event).map_err(|e| {
            format!("it cannot be kept in {} ({e}); nothing was changed, try again", journal.path().display())
        })
    }

    /// A fresh journal for the turn now in progress (after a turn is played or taken back).
    pub(super) fn restart_journal(&mut self) -> std::io::Result<()> {
        if self.journal.is_some() {
            let path = journal_path(&self.log_path);
            let journal = Journal::start(&path, self.next_turn(), &[])
                .map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))?;
            self.journal = Some(journal);
        }
        Ok(())
    }

    /// Makes one journaled change again, as it was made the first time.
    fn apply(&mut self, event: &Event) -> Result<(), String> {
        match event {
            Event::Turn(_) => Err("a turn line belongs at the start of a journal".to_string()),
            Event::Order(order) => {
                if !self.room_for_orders(&order.actor) {
                    return Err("that is three orders, the most a group can give in a turn".to_string());
                }
                self.add_order(order.clone())
            }
            Event::Withdraw(role, index) => self.withdraw(role, *index).map(|_| ()),
            Event::Lock(role) if self.seats.contains(role) => self.finish_entry(role),
            Event::Unlock(role) => {
                self.entered.remove(role);
                Ok(())
            }
            Event::Lock(role) => Err(format!("`{role}` is not a group in the room")),
            Event::Ballot(member, ballot) => self.ballot(member, *ballot),
            Event::ClearBallot(member) => self.clear_ballot(member),
            Event::Inject(id) => self.fire_inject(id),
            Event::Message(message) => self.add_message(message.clone()),
        }
    }
}

/// An event in a few words, for a warning.
fn describe(event: &Event) -> String {
    match event {
        Event::Order(o) => format!("an order of {}", o.actor),
        Event::Withdraw(role, _) => format!("an order of {role} taken back"),
        Event::Lock(role) | Event::Unlock(role) => format!("{role}'s entry"),
        Event::Ballot(member, _) => format!("a ballot of {member}"),
        Event::ClearBallot(member) => format!("a ballot of {member} taken back"),
        Event::Inject(id) => format!("the inject {id}"),
        Event::Message(m) => format!("a message from {}", m.from),
        Event::Turn(t) => format!("turn {t}"),
    }
}
