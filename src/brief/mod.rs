//! Printable briefings: the public situation everyone reads, the participants' rules card, each
//! role's private sheet, and the facilitator's sheet. Each sheet is built once as a [`Sheet`] and rendered as Markdown
//! ([`markdown`]) or as a self-contained printable HTML page ([`html`]); [`handouts`] is the set of
//! files `brief --out` writes.

pub mod doc;
mod facilitator;
pub mod html;
pub mod markdown;
mod public;
mod role;
mod rules_card;
pub mod words;

pub use doc::Sheet;
pub use facilitator::facilitator;
pub use public::{count_starts_in_game, public};
pub use role::role;
pub use rules_card::rules_card;
pub use words::describe_condition;

use crate::scenario::schema::{ActorKind, IssueType, Scenario};

/// The public situation report as Markdown: the crisis, the parties, the actors and the bodies.
pub fn public_sheet(s: &Scenario) -> String {
    markdown::render(&public(s))
}

/// The private role sheet of one actor as Markdown; empty when there is no such actor.
pub fn role_sheet(s: &Scenario, actor_id: &str) -> String {
    role(s, actor_id).map(|sheet| markdown::render(&sheet)).unwrap_or_default()
}

/// The participants' one-page rules card as Markdown.
pub fn rules_card_sheet(s: &Scenario) -> String {
    markdown::render(&rules_card(s))
}

/// The facilitator's sheet as Markdown.
pub fn facilitator_sheet(s: &Scenario) -> String {
    markdown::render(&facilitator(s))
}

/// Which sheets to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection<'a> {
    /// The public sheet, the rules card, every role, the facilitator's sheet, and an index page.
    All,
    /// The participants' rules card.
    RulesCard,
    /// One role's sheet.
    Role(&'a str),
    /// The facilitator's sheet.
    Facilitator,
}

/// One file of a set of handouts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handout {
    /// A plain file name, e.g. `kessland.html`.
    pub file: String,
    pub contents: String,
}

/// The handout files, each sheet as `NAME.md` and `NAME.html`, plus `index.html` for [`Selection::All`].
/// An unknown role gives no files.
pub fn handouts(s: &Scenario, selection: Selection) -> Vec<Handout> {
    let mut sheets: Vec<(String, Sheet)> = Vec::new();
    match selection {
        Selection::All => {
            sheets.push(("public".into(), public(s)));
            sheets.push(("rules-card".into(), rules_card(s)));
            for a in &s.actors {
                if let Some(sheet) = role(s, &a.id) {
                    sheets.push((role_file_stem(&a.id), sheet));
                }
            }
            sheets.push(("facilitator".into(), facilitator(s)));
        }
        Selection::Role(id) => sheets.extend(role(s, id).map(|sheet| (role_file_stem(id), sheet))),
        Selection::Facilitator => sheets.push(("facilitator".into(), facilitator(s))),
        Selection::RulesCard => sheets.push(("rules-card".into(), rules_card(s))),
    }
    let mut files = Vec::new();
    for (stem, sheet) in &sheets {
        files.push(Handout { file: format!("{stem}.md"), contents: markdown::render(sheet) });
        files.push(Handout { file: format!("{stem}.html"), contents: html::render(sheet) });
    }
    if selection == Selection::All {
        files.push(Handout { file: "index.html".into(), contents: html::render(&index(s)) });
    }
    files
}

/// The file name (without extension) of a role's sheet: its id, unless that id is taken by one of the
/// other sheets (`public`, `rules-card`, `facilitator`, `index`), when it is `role-ID`.
pub fn role_file_stem(id: &str) -> String {
    if matches!(id, "public" | "rules-card" | "facilitator" | "index") { format!("role-{id}") } else { id.to_string() }
}

/// The index page of a full set: links to every printable sheet.
fn index(s: &Scenario) -> Sheet {
    use doc::{Span, em, strong, text};
    let link = |label: String, stem: &str| Span::Link { text: label, href: format!("{stem}.html") };
    let mut sheet = Sheet::new(format!("{} — handouts", s.meta.title), &s.meta.language);
    sheet.note(vec![text(
        "Open a sheet in a browser and print it on A4. On the facilitator's sheet each main part starts \
         on a new page. Every sheet is also here as a Markdown (.md) file, for editing.",
    )]);
    sheet.h2("For everyone");
    sheet.bullets(vec![
        vec![link("The public situation".into(), "public"), text(" — one copy per group")],
        vec![
            link("The rules card".into(), "rules-card"),
            text(" — one page: a turn, the orders, consent, the nine stages, the way out; one copy per group"),
        ],
    ]);
    sheet.h2("For each group: the role sheets");
    sheet.note(vec![text("Private: hand each group only its own sheet.")]);
    sheet.bullets(
        s.actors
            .iter()
            .filter(|a| has_role_detail(a))
            .map(|a| {
                let mut line = vec![link(a.name.clone(), &role_file_stem(&a.id)), text(" — "), em(kind_name(a.kind))];
                if !has_briefing(a) {
                    line.push(text(" · "));
                    line.push(strong("no private briefing"));
                }
                line
            })
            .collect(),
    );
    let seats: Vec<&crate::scenario::schema::Actor> = s.actors.iter().filter(|a| !has_role_detail(a)).collect();
    if !seats.is_empty() {
        let mut line = vec![em("Seats that only vote or watch (no briefing, no objectives): ")];
        for (i, a) in seats.iter().enumerate() {
            if i > 0 {
                line.push(text(", "));
            }
            line.push(link(a.name.clone(), &role_file_stem(&a.id)));
        }
        line.push(text("."));
        sheet.para(line);
    }
    sheet.h2("For the facilitator");
    sheet.bullets(vec![vec![
        link("The facilitator's sheet".into(), "facilitator"),
        text(" — every role, the injects, the historical course, how the game ends, discussion questions"),
    ]]);
    sheet
}

/// Whether an actor has a private briefing: its secret instructions, beyond what every group reads.
pub fn has_briefing(a: &crate::scenario::schema::Actor) -> bool {
    !a.briefing.trim().is_empty()
}

/// What the group playing an actor without a private briefing gets instead, for its sheet and for the
/// warning when such a role is seated: "the public sheet, its objectives and its tools".
pub fn without_briefing(a: &crate::scenario::schema::Actor) -> String {
    let mut parts = vec!["the public sheet"];
    if !a.objectives.is_empty() {
        parts.push("its objectives");
    }
    if !a.tools.is_empty() {
        parts.push("its tools");
    }
    match parts.as_slice() {
        [only] => only.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => unreachable!("the public sheet is always there"),
    }
}

/// Whether an actor is a role a group could play: it has a briefing, objectives, or tools beyond a
/// public statement. The others are seats that only vote or watch.
pub fn has_role_detail(a: &crate::scenario::schema::Actor) -> bool {
    has_briefing(a)
        || !a.objectives.is_empty()
        || a.tools.iter().any(|t| *t != crate::scenario::schema::ToolKind::PublicStatement)
}

pub(crate) fn kind_name(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::State => "State",
        ActorKind::ConflictParty => "Party to the conflict",
        ActorKind::RegionalOrganisation => "Regional organisation",
        ActorKind::SecretaryGeneral => "UN Secretary-General",
        ActorKind::UnDepartment => "UN department",
        ActorKind::Envoy => "Envoy or mediation panel",
        ActorKind::NgoMediator => "NGO mediator",
        ActorKind::CivilSociety => "Civil society",
        ActorKind::ArmedGroup => "Armed group",
        ActorKind::Court => "Court",
    }
}

pub(crate) fn issue_name(issue: IssueType) -> &'static str {
    match issue {
        IssueType::Resources => "resources",
        IssueType::Ethnic => "ethnicity",
        IssueType::Ideology => "ideology",
        IssueType::Sovereignty => "sovereignty",
        IssueType::Security => "security",
        IssueType::Governance => "governance",
    }
}

/// Actors' display names, comma-separated, as written (no articles): for lists and tables.
pub(crate) fn names(s: &Scenario, ids: &[crate::scenario::Id]) -> String {
    ids.iter().map(|id| s.actor(id).map_or(id.as_str(), |a| a.name.as_str())).collect::<Vec<_>>().join(", ")
}

pub use crate::engine::pretty_date;
