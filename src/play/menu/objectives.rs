//! A group's own objectives at the start of its private entry, each as it would be scored if the game
//! ended now (the end's own scoring, through `debrief::objectives::standing`), with the condition in
//! words. Objectives are private to their role: they are shown only on the group's own screen.

use crate::brief::words::Words;
use crate::debrief::objectives::standing;
use crate::debrief::shortfall::numbers_now;
use crate::engine::view::View;
use crate::play::session::Session;

/// "Your objectives, if the game ended now: 2 of 5 points", then one line an objective; `None` for a
/// role without objectives.
pub(super) fn objectives_now(session: &Session, role: &str) -> Option<String> {
    let scenario = &session.scenario;
    let score = standing(scenario, session.state(), role)?;
    let goals = &scenario.actor(role)?.objectives;
    let words = Words::new(scenario);
    let view = View::of_snapshot(scenario, session.state(), session.state().globals.turn);
    let mut text = format!("Your objectives, if the game ended now: {} of {} points", score.points, score.max);
    for (row, goal) in score.rows.iter().zip(goals) {
        let now = if row.met { "met now" } else { "not met now" };
        text.push_str(&format!(
            "\n  {now}: {} ({} points) — {}",
            row.text.trim(),
            row.max,
            words.condition(&goal.goal)
        ));
        if let Some(numbers) = numbers_now(&view, &goal.goal) {
            text.push_str(&format!("; {numbers}"));
        }
    }
    Some(text)
}
