//! The participants' rules card: one printed page that every group keeps on the table. It says how a
//! turn runs, how many orders a group gives, what consent means, Glasl's nine stages and what the way
//! out is, in words for a youth workshop. The numbers on it (the order limit, the way out a deal
//! needs) are the engine's own constants, so the card cannot promise what the rules do not do.

use super::doc::{Sheet, em, strong, text};
use super::public::scenario_line;
use super::words::{Words, tool_name};
use crate::model::glasl::{phase_name, stage_name};
use crate::orders::MAX_ORDERS_PER_ACTOR;
use crate::rules::ground::AGREEMENT_WAY_OUT;
use crate::scenario::schema::{Scenario, ToolKind};

/// What each of Glasl's stages looks like from the inside, in a few plain words (domain brief §A).
/// The stage names themselves come from `model::glasl`, as on every other page.
fn stage_gloss(stage: u8) -> &'static str {
    match stage {
        1 => "views harden, but both sides still talk and want a solution",
        2 => "talk turns into point-scoring; each side wants to win the argument",
        3 => "talking seems useless; each side acts on its own",
        4 => "each side sees the other as the bad one and looks for allies",
        5 => "public attacks on the other side's honour; trust is gone",
        6 => "threats and ultimatums; each side tries to force the other",
        7 => "harming the other side seems acceptable; people get hurt and killed",
        8 => "the aim is to break the other side apart",
        9 => "total confrontation, even at the cost of one's own ruin",
        _ => "",
    }
}

/// The rules card of a scenario: the same rules for every scenario, with its title, its turns and
/// its disputes' starting stages.
pub fn rules_card(s: &Scenario) -> Sheet {
    let words = Words::new(s);
    let mut sheet = Sheet::new(format!("{} — rules card", s.meta.title), &s.meta.language);
    sheet.card = true;
    sheet.note(vec![text(format!("{}. One copy for every group.", scenario_line(s)))]);

    sheet.h2("A turn");
    sheet.numbered(vec![
        vec![text("The situation is read out or shown: each dispute's stage, the way out, the toll, the news.")],
        vec![text("Your group talks it over and gives its orders "), strong("in secret"), text(".")],
        vec![text(
            "All orders happen at the same time: votes in the Council and the Assembly first, then everything \
             else. Then the crisis moves on by itself, and news may arrive.",
        )],
        vec![text(format!(
            "The results are read out and the next turn starts. After the last turn ({}) or when the crisis \
             ends, the game is scored and you talk about what happened.",
            s.meta.turns
        ))],
    ]);

    sheet.h2("Your orders");
    sheet.bullets(vec![
        vec![
            strong(format!("Up to {} orders a turn", number_word(MAX_ORDERS_PER_ACTOR))),
            text(format!(
                ", each with one of the tools on your role sheet. “{}” (doing nothing new) counts as one. An \
                 order the rules refuse does not count, and you are told why.",
                tool_name(ToolKind::Hold)
            )),
        ],
        vec![text(
            "The same order only once a turn, and one mediating order (mediation, good offices, chairing the \
             talks) per dispute a turn.",
        )],
        vec![text(
            "Orders of the same turn do not see each other: what you agree this turn counts from the next turn.",
        )],
    ]);

    sheet.h2("Consent");
    sheet.para(vec![
        text("Outsiders can only "),
        strong("mediate"),
        text(" when both sides of the dispute have accepted mediation, and "),
        strong("observers"),
        text(
            " only go where both sides accept them. Accepting or refusing is an order of the parties \
             (“accept mediation”, “accept observers”) and counts from the next turn. Good offices and a \
             regional chair's talks need no consent, but they work better with it.",
        ),
    ]);

    sheet.h2("How far the conflict has gone: Glasl's nine stages");
    let rows = (1..=9u8)
        .map(|n| vec![vec![text(n.to_string())], vec![em(stage_name(n))], vec![text(stage_gloss(n))]])
        .collect();
    sheet.table(&["Stage", "Name", "What it looks like"], rows);
    sheet.para(vec![text(
        "Stages 1–3: both sides can still win (win–win). Stages 4–6: one can win only at the other's cost \
         (win–lose). Stages 7–9: both lose (lose–lose).",
    )]);
    let start: Vec<String> = s
        .conflict
        .dyads
        .iter()
        .map(|d| format!("{} starts at stage {} ({})", words.dyad(&d.id), d.stage, phase_name(d.stage)))
        .collect();
    if !start.is_empty() {
        sheet.note(vec![text(format!("{}.", super::words::capitalise(&start.join("; "))))]);
    }

    sheet.h2("The way out");
    sheet.para(vec![
        text("The "),
        strong("way out"),
        text(format!(
            " (0 to 100) is how clearly both sides see a way out of the dispute that they could live with. \
             Talks and mediation that succeed and statements of the Security Council open it; failed talks \
             and attacks close it, and it fades by itself unless someone keeps it open. A deal is only possible when both sides sign \
             (in the same turn or one after the other) and the way out is at least {}. Talks work best when \
             both sides are hurting, neither still expects to win, and a way out is in sight.",
            super::words::number(AGREEMENT_WAY_OUT)
        )),
    ]);
    sheet
}

/// A small count as a word, as a card reads best: "three".
fn number_word(n: usize) -> String {
    match n {
        1 => "one".into(),
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        5 => "five".into(),
        n => n.to_string(),
    }
}
