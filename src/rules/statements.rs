//! How much a Council statement still weighs: statements are cheap talk that works through attention,
//! and the same words repeated lose their force.
//!
//! - **Diminishing returns.** Each statement of the same format by the Council counts half as much
//!   as the one before (1, ½, ¼ …): the first press statement on a crisis is news, the fifth is
//!   routine. (Counted from the Council
//!   members' uses of the format in the game: the Council is the only body that makes statements.)
//! - **Only while the parties listen.** A statement moves the parties through public pressure, and
//!   parties in the lose–lose phase have stopped listening: full weight up to Glasl stage 3, then
//!   a quarter less each stage (0.75 at stage 4, 0.5 at 5, 0.25 at 6), nothing from stage 7.
//!
//! Statements no longer open a way out of their own: the way out comes from mediation and talks;
//! a statement raises the cost of escalating and of refusing talks (through public pressure, see
//! `dynamics`) and, when it backs a regional effort, the third parties' coherence.

use super::{RuleCtx, factor};
use crate::engine::record::Factor;
use crate::scenario::{Id, OrderSpec};

/// From this stage on, the parties no longer hear the Council.
const DEAF_FROM_STAGE: f64 = 7.0;
/// Stages over which the parties' hearing fades, up to `DEAF_FROM_STAGE`.
const FADING_STAGES: f64 = 4.0;

/// The weight of one statement: how new it is, and how far the parties listen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weight {
    /// ½ to the power of the statements of this format already made.
    pub novelty: f64,
    /// 1 up to stage 3, then 0.75, 0.5, 0.25, and 0 from stage 7.
    pub listening: f64,
    /// Statements of this format made before this one.
    pub before: u32,
}

impl Weight {
    /// What the statement does to the parties: novelty × listening.
    pub fn on_the_parties(&self) -> f64 {
        self.novelty * self.listening
    }

    pub fn factors(&self) -> [Factor; 3] {
        [
            factor("statements of this format before", f64::from(self.before)),
            factor("novelty", self.novelty),
            factor("the parties listening (stage)", self.listening),
        ]
    }

    /// A sentence for the outcome: why this statement weighed what it did.
    pub fn explain(&self) -> String {
        let repeated = match self.before {
            0 => "The first of its kind on this crisis".to_string(),
            n => format!("After {n} like it, it weighs {:.2} of the first", 0.5_f64.powi(n as i32)),
        };
        let hearing = if self.listening <= 0.0 {
            "; the parties have stopped listening, so it adds no pressure on them".to_string()
        } else if self.listening < 1.0 {
            format!("; the parties listen only in part at this stage (×{:.2})", self.listening)
        } else {
            String::new()
        };
        format!("{repeated}{hearing}.")
    }
}

/// The weight of `order`, a statement on a dispute by a member of the Council `members`.
pub fn weight(ctx: &RuleCtx, order: &OrderSpec, members: &[Id]) -> Weight {
    // Uses are counted at intake, so the Council's count already holds this turn's statements of
    // the format: those after this one in the turn are taken off again.
    let made: u32 = members.iter().filter_map(|m| ctx.view.actor(*m)).map(|a| a.uses.get(order.tool)).sum();
    let this_turn: Vec<&OrderSpec> = ctx.accepted.iter().filter(|o| o.tool == order.tool).collect();
    let position = this_turn.iter().position(|o| std::ptr::eq(*o, order)).unwrap_or(0);
    let before = made.saturating_sub((this_turn.len() - position) as u32);
    let stage = order.target.as_ref().and_then(|t| ctx.view.dyad(t.id())).map_or(1.0, |d| f64::from(d.stage));
    let listening = ((DEAF_FROM_STAGE - stage) / FADING_STAGES).clamp(0.0, 1.0);
    Weight { novelty: 0.5_f64.powi(before.min(30) as i32), listening, before }
}
