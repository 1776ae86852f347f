//! `validate`'s dry run of the historical course: the course is played with a fixed seed and every
//! order is checked at its turn, as the turn's intake checks it, so an author learns which of the
//! real actors' orders the rules would refuse (and why) before a workshop does.
//!
//! The semantic checks of `scenario::validate` look at the file alone; whether an order is allowed
//! depends on the state it meets (a consent given, a veto cast, a limit used up), which only playing
//! the turns before it produces. The state depends on the dice, so the dry run uses one seed:
//! [`DRY_RUN_SEED`], the seed `run` uses when none is given, so
//! `good-offices run SCENARIO --course historical` shows the very game that was checked.

use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::engine::view::View;
use crate::engine::{Game, OrderSource};
use crate::orders::check;
use crate::path;
use crate::scenario::{Loaded, OrderSpec, Scenario};

/// The seed the course is played with: `run`'s default, so the game checked is the one `run` shows.
pub const DRY_RUN_SEED: u64 = 1;

/// One course order the rules refuse at its turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Its entry's position in `historical_course` and its own position in that entry's orders.
    pub entry: usize,
    pub order: usize,
    /// The turn it was given in.
    pub turn: u32,
    /// The refusal, in `orders::check`'s words.
    pub reason: String,
}

/// Plays the scenario's historical course with `seed` and returns every order the rules refuse at
/// its turn, in the course's order. Turns after the game ends (a deal signed early, say) are not
/// played, so their orders are not checked: there is no state for them to meet.
pub fn refused_orders(scenario: &Arc<Scenario>, seed: u64) -> Vec<Refused> {
    let mut refused = Vec::new();
    if scenario.historical_course.is_empty() {
        return refused;
    }
    let mut game = Game::new(scenario.clone(), seed);
    while !game.is_over() {
        let turn = game.next_turn();
        if let Some(entry) = scenario.historical_course.iter().position(|t| t.turn == turn) {
            let view = View::of_snapshot(scenario, game.state(), turn);
            let orders = &scenario.historical_course[entry].orders;
            for (order, reason) in refusals(orders, &view) {
                refused.push(Refused { entry, order, turn, reason });
            }
        }
        game.play_turn(&OrderSource::Historical.turn(scenario, turn));
    }
    refused
}

/// Each of one turn's orders checked as the turn's intake checks it: in order, each against the
/// orders of its own actor accepted before it (the only earlier orders a refusal depends on).
fn refusals(orders: &[OrderSpec], view: &View) -> Vec<(usize, String)> {
    let mut accepted: Vec<&OrderSpec> = Vec::new();
    let mut refused = Vec::new();
    for (i, order) in orders.iter().enumerate() {
        let mine: Vec<&OrderSpec> = accepted.iter().copied().filter(|o| o.actor == order.actor).collect();
        match check(order, view, &mine) {
            Ok(()) => accepted.push(order),
            Err(reason) => refused.push((i, reason)),
        }
    }
    refused
}

/// The dry run's findings as warnings located at each refused order in the scenario's file (the
/// scenario is valid; its course is not what the rules allow, which a workshop may still play).
/// `arg` is how the user named the scenario, for the command the help suggests.
pub fn diagnostics(loaded: &Loaded, arg: &str) -> Vec<Diagnostic> {
    let scenario = Arc::new(loaded.scenario.clone());
    refused_orders(&scenario, DRY_RUN_SEED)
        .into_iter()
        .map(|r| {
            let span = loaded.spans.span(&path!["historical_course", r.entry, "orders", r.order]);
            Diagnostic::warning(
                "course-order-refused",
                format!("the rules refuse this course order at turn {}: {}", r.turn, r.reason),
                span,
            )
            .label(format!("refused at turn {} (seed {DRY_RUN_SEED})", r.turn))
            .help(format!(
                "`good-offices run {arg} --course historical` plays this course (seed {DRY_RUN_SEED}) and shows the \
                 refusal; give the order at a turn the rules allow it, put the order that makes it possible \
                 (a consent, an application) in an earlier turn, or remove it"
            ))
        })
        .collect()
}
