use super::Checker;
use crate::path;
use crate::scenario::schema::TurnLength;

fn turn_length(c: &mut Checker, length: TurnLength, at: &[crate::scenario::spans::Seg]) {
    if let TurnLength::Days(n) = length
        && !(1..=366).contains(&n)
    {
        c.error("out-of-range", format!("a turn of {n} days is not possible; use 1 to 366"), at);
    }
}

pub(super) fn check(c: &mut Checker) {
    let m = &c.s.meta;
    if !is_id(&m.id) {
        c.error("bad-id", format!("`{}` is not a valid scenario id", m.id), &path!["meta", "id"]).help =
            Some("use lower-case letters, digits and hyphens, starting with a letter, e.g. `kenya-2008`".into());
    }
    for (field, value) in [("title", &m.title), ("summary", &m.summary)] {
        if value.trim().is_empty() {
            c.error("empty-text", format!("`{field}` is empty"), &path!["meta", field]).help =
                Some(format!("write the scenario's {field}"));
        }
    }
    if parse_date(&m.start_date).is_none() {
        let why = match day_past_month_end(&m.start_date) {
            Some(month) => format!(": {month}"),
            None => String::new(),
        };
        let d = c.error("bad-date", format!("`{}` is not a date{why}", m.start_date), &path!["meta", "start_date"]);
        d.label = "expected YYYY-MM-DD".into();
        d.help = Some("write the date of turn 1 as year-month-day, e.g. \"2011-02-04\"".into());
    }
    if !(1..=100).contains(&m.turns) {
        c.error("out-of-range", format!("`turns` is {}; it must be from 1 to 100", m.turns), &path!["meta", "turns"])
            .help = Some("a workshop game has a handful of turns; 6 to 20 is usual".into());
    }
    turn_length(c, m.turn_length, &path!["meta", "turn_length"]);
    let mut previous = 1;
    for (i, change) in m.turn_length_changes.iter().enumerate() {
        turn_length(c, change.length, &path!["meta", "turn_length_changes", i, "length"]);
        let at = path!["meta", "turn_length_changes", i, "from_turn"];
        if change.from_turn <= previous || change.from_turn > m.turns {
            let d = c.error("out-of-range", format!("a change of turn length from turn {}", change.from_turn), &at);
            d.label = format!("must be after turn {previous} and at most turn {}", m.turns);
            d.help = Some("list the changes in turn order, each from a later turn (turn 1 has `turn_length`)".into());
        }
        previous = previous.max(change.from_turn);
    }
    // A BCP 47 tag such as `en` or `pt-BR`: a 2–3 letter language, then optional subtags.
    let mut parts = m.language.split('-');
    let lang_ok = m.language.len() <= 12
        && parts.next().is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
        && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !lang_ok {
        c.error("bad-language", format!("`{}` is not a language tag", m.language), &path!["meta", "language"]).help =
            Some("use a tag such as \"en\", \"fr\" or \"pt-BR\"".into());
    }
    if !m.fictional && m.sources.is_empty() {
        let d = c.error("no-sources", "a historical scenario must cite its sources", &path!["meta", "fictional"]);
        d.label = "historical because `fictional: false`".into();
        d.help = Some(
            "add `sources: [(id: \"..\", citation: \"..\", url: \"..\")]` to `meta`, or mark the scenario fictional"
                .into(),
        );
    }
    if !m.fictional && m.historical_note.trim().is_empty() {
        c.error("empty-text", "a historical scenario needs a `historical_note`", &path!["meta", "fictional"]).help =
            Some("say in a few sentences what really happened; the debrief shows it".into());
    }
    let s = c.s;
    if s.actors.is_empty() {
        c.error("nothing-to-play", "the scenario has no actors", &path!["actors"]).help =
            Some("add the parties and the third parties the groups will play".into());
    }
    if s.conflict.dyads.is_empty() {
        c.error("nothing-to-play", "the conflict has no dyads", &path!["conflict", "dyads"]).help =
            Some("add at least one dyad: the two sides of the dispute".into());
    }
    for (i, a) in s.actors.iter().enumerate() {
        if a.name.trim().is_empty() {
            c.error("empty-text", format!("actor `{}` has no name", a.id), &path!["actors", i, "name"]).help =
                Some("write the name the groups will see".into());
        }
    }
    for (i, b) in s.bodies.iter().enumerate() {
        if b.name.trim().is_empty() {
            c.error("empty-text", format!("body `{}` has no name", b.id), &path!["bodies", i, "name"]).help =
                Some("write the name the groups will see".into());
        }
    }
    for (i, d) in s.conflict.dyads.iter().enumerate() {
        if d.name.trim().is_empty() {
            c.error("empty-text", format!("dyad `{}` has no name", d.id), &path!["conflict", "dyads", i, "name"])
                .help = Some("write the name the groups will see".into());
        }
    }
    let m = &c.s.meta;
    for (i, s) in m.sources.iter().enumerate() {
        if s.citation.trim().is_empty() {
            c.error(
                "empty-text",
                format!("source `{}` has no citation", s.id),
                &path!["meta", "sources", i, "citation"],
            );
        }
    }
}

/// Lower-case ASCII letters, digits and single hyphens, starting with a letter.
pub fn is_id(id: &str) -> bool {
    id.len() <= 64
        && id.starts_with(|ch: char| ch.is_ascii_lowercase())
        && id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// `(year, month, day)` of a valid ISO calendar date.
/// For a date written YYYY-MM-DD whose day is past the end of its month ("2010-06-31"), what the
/// month holds: "June has 30 days" (or "February 2011 has 28 days").
fn day_past_month_end(s: &str) -> Option<String> {
    let (y, m, d) = (s.get(0..4)?, s.get(5..7)?, s.get(8..10)?);
    let well_formed = s.len() == 10 && &s[4..5] == "-" && &s[7..8] == "-";
    let (y, m, d): (i32, usize, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !well_formed || !(1..=12).contains(&m) {
        return None;
    }
    let days = days_in_month(y, m as u32);
    (d > days).then(|| match m {
        2 => format!("February {y} has {days} days"),
        _ => format!("{} has {days} days", crate::engine::MONTHS[m - 1]),
    })
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m as usize - 1]
}

pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    if ![y, m, d].iter().all(|part| part.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    (1..=12).contains(&m).then_some(())?;
    (1..=days_in_month(y, m)).contains(&d).then_some((y, m, d))
}
