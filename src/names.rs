//! What a person reads instead of ids: actors, bodies and disputes by their names, tools in words,
//! orders as one line, numbers exactly as the log holds them. The one source of these words for every
//! page (the debrief, the handouts, both rooms, `check`'s refusals and the rules' explanations), so it
//! sits below them all and uses only the scenario and the model.

use crate::scenario::{
    Chapter, Draft, DraftContent, Event, MediationStyle, OrderSpec, SanctionKind, Scenario, Target, ToolKind,
};

/// Looks names up in the scenario; an id the scenario does not know is shown as it is.
#[derive(Clone, Copy)]
pub struct Names<'s> {
    pub scenario: &'s Scenario,
}

impl<'s> Names<'s> {
    pub fn new(scenario: &'s Scenario) -> Self {
        Names { scenario }
    }

    /// An actor's full name, e.g. "Party of National Unity (President Kibaki)".
    pub fn actor(&self, id: &str) -> String {
        self.scenario.actor(id).map_or_else(|| id.to_string(), |a| a.name.clone())
    }

    /// An actor's name without the part in brackets, for chart legends.
    pub fn short(&self, id: &str) -> String {
        let name = self.actor(id);
        match name.split_once(" (") {
            Some((head, _)) if !head.is_empty() => head.to_string(),
            _ => name,
        }
    }

    pub fn dyad(&self, id: &str) -> String {
        self.scenario.dyad(id).map_or_else(|| id.to_string(), |d| d.name.clone())
    }

    pub fn body(&self, id: &str) -> String {
        self.scenario.body(id).map_or_else(|| id.to_string(), |b| b.name.clone())
    }

    /// The name of an actor, a body or a dispute, whichever the id is.
    pub fn any(&self, id: &str) -> String {
        if let Some(a) = self.scenario.actor(id) {
            a.name.clone()
        } else if let Some(b) = self.scenario.body(id) {
            b.name.clone()
        } else {
            self.dyad(id)
        }
    }

    /// The sanction regimes in force as one sentence, `None` when there is none: "Sanctions in force: a
    /// travel ban on Party of National Unity — by United States, since turn 6."
    pub fn sanctions_in_force(&self, regimes: &[crate::engine::regimes::SanctionRegime]) -> Option<String> {
        if regimes.is_empty() {
            return None;
        }
        let each: Vec<String> = regimes
            .iter()
            .map(|r| {
                let since =
                    if r.since == 0 { "from before the game".to_string() } else { format!("since turn {}", r.since) };
                let kind = sanction(r.kind);
                let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                format!("{article} {kind} on {} — by {}, {since}", self.actor(&r.target), self.any(&r.imposed_by))
            })
            .collect();
        Some(format!("Sanctions in force: {}.", each.join("; ")))
    }

    /// A mission, named for a cause or a report: "the peace operation in The disputed presidency".
    pub fn operation(&self, op: &crate::engine::operations::Operation) -> String {
        use crate::engine::operations::OperationKind;
        let what = match op.kind {
            OperationKind::Observers => "the observers",
            OperationKind::PeaceOperation => "the peace operation",
            OperationKind::RegionalForce => "the regional force",
            OperationKind::Inquiry => "the commission of inquiry",
        };
        format!("{what} in {}", self.dyad(&op.dyad))
    }

    /// `" mandated by UN Security Council"`, or nothing where no one is recorded (a mission rebuilt
    /// from an older log's flag).
    fn by(&self, words: &str, who: &crate::scenario::Id) -> String {
        if who.is_empty() { String::new() } else { format!("{words}{}", self.any(who)) }
    }

    /// The missions on the ground, for a situation report: what each is, its strength and mandate,
    /// or `None` where there are none.
    pub fn operations_in_force(&self, ops: &[crate::engine::operations::Operation]) -> Option<String> {
        use crate::engine::operations::OperationKind;
        if ops.is_empty() {
            return None;
        }
        let each: Vec<String> = ops
            .iter()
            .map(|op| match op.kind {
                OperationKind::Observers => {
                    let size =
                        if op.deployed == 0 { String::new() } else { format!("{} ", count(u64::from(op.deployed))) };
                    let by = if op.mandated_by.is_empty() {
                        String::new()
                    } else {
                        format!(" (sent by {})", self.any(&op.mandated_by))
                    };
                    format!("{size}observers in {}{by}", self.dyad(&op.dyad))
                }
                OperationKind::Inquiry => format!(
                    "a commission of inquiry into {} set up by {} in turn {}, to report {}",
                    self.dyad(&op.dyad),
                    self.any(&op.mandated_by),
                    op.since,
                    op.until.map_or_else(|| "later".to_string(), |t| format!("in turn {}", t + 1))
                ),
                OperationKind::RegionalForce => format!(
                    "a regional force in {} led by {}{}: {} of {} personnel deployed, paid by its contributors",
                    self.dyad(&op.dyad),
                    self.any(&op.mandated_by),
                    if op.enforcement { " under the Council's authorisation" } else { "" },
                    count(u64::from(op.deployed)),
                    count(u64::from(op.authorised))
                ),
                OperationKind::PeaceOperation => {
                    let mut line = format!(
                        "a peace operation in {}{}{}: {} of {} personnel deployed, to {}",
                        self.dyad(&op.dyad),
                        self.by(" mandated by ", &op.mandated_by),
                        if op.enforcement { " under Chapter VII" } else { "" },
                        count(u64::from(op.deployed)),
                        count(u64::from(op.authorised)),
                        tasks(&op.tasks)
                    );
                    if !op.financed {
                        line.push_str("; its budget awaits the General Assembly's approval");
                    }
                    if let Some(last) = op.until {
                        line.push_str(&format!("; mandate until the end of turn {last}"));
                    }
                    line
                }
            })
            .collect();
        Some(format!("On the ground: {}.", each.join("; ")))
    }

    /// The mediation tracks, for a situation report: each mediator's process with each party's word
    /// on it, its style and attempts, and whether it is suspended; `None` where there are none.
    pub fn tracks_in_force(
        &self,
        tracks: &[crate::engine::tracks::MediationTrack],
        dyads: &[crate::engine::state::DyadState],
    ) -> Option<String> {
        use crate::engine::tracks::Consent;
        let each: Vec<String> = tracks
            .iter()
            .filter_map(|t| {
                let d = dyads.iter().find(|d| d.id == t.dyad)?;
                let word = |i: usize| {
                    let stance = match (t.consent[i], d.accepts_mediation[i]) {
                        (Consent::Given, _) => "accepts it",
                        (Consent::Refused, _) => "refuses it",
                        (Consent::Open, true) => "is open to mediation",
                        (Consent::Open, false) => "has not consented",
                    };
                    format!("{} {stance}", self.actor(&d.sides[i]))
                };
                let mut line =
                    format!("{} in {} ({}, {}", self.actor(&t.mediator), self.dyad(&t.dyad), word(0), word(1));
                if let Some(style) = t.style {
                    let (n, style) = (t.attempts, format!("{style:?}").to_lowercase());
                    line.push_str(&format!("; {n} attempt{}, lately {style}", if n == 1 { "" } else { "s" }));
                }
                if !t.supporters.is_empty() {
                    let with: Vec<String> = t.supporters.iter().map(|a| self.actor(a)).collect();
                    line.push_str(&format!("; with {}", with.join(" and ")));
                }
                if let Some(turn) = t.suspended {
                    line.push_str(&format!("; suspended in turn {turn}"));
                }
                line.push(')');
                Some(line)
            })
            .collect();
        (!each.is_empty()).then(|| format!("Mediation tracks: {}.", each.join("; ")))
    }

    pub fn inject_title(&self, id: &str) -> String {
        self.scenario.injects.iter().find(|i| i.id == id).map_or_else(|| id.to_string(), |i| i.title.clone())
    }

    pub fn target(&self, t: &Target) -> String {
        match t {
            Target::Actor(id) => self.actor(id),
            Target::Body(id) => self.body(id),
            Target::Dyad(id) => self.dyad(id),
        }
    }

    /// One order in words: "Orange Democratic Movement (Raila Odinga): show of force → The disputed
    /// presidency (“Calls a mass rally…”)".
    pub fn order(&self, o: &OrderSpec) -> String {
        let mut line = format!("{}: {}", self.actor(&o.actor), tool(o.tool));
        if let Some(t) = &o.target {
            line.push_str(&format!(" → {}", self.target(t)));
        }
        let mut extra = Vec::new();
        if let Some(with) = &o.with {
            extra.push(format!("with {}", self.actor(with)));
        }
        if let Some(style) = o.style {
            extra.push(style_words(style).to_string());
        }
        if let Some(kind) = o.sanction {
            extra.push(sanction(kind).to_string());
        }
        if let Some(d) = &o.draft {
            let chapter = match d.chapter {
                Chapter::VI => "Chapter VI",
                Chapter::VII => "Chapter VII",
            };
            extra.push(format!("{chapter}: {}", self.draft_contents(d)));
        }
        if !extra.is_empty() {
            line.push_str(&format!(" ({})", extra.join(", ")));
        }
        if !o.note.is_empty() {
            line.push_str(&format!(" — “{}”", o.note));
        }
        line
    }

    /// What a draft would do, in words: "a ceasefire in The Hesk valley crisis; arms embargo on Norvane".
    pub fn draft_contents(&self, d: &Draft) -> String {
        d.contents.iter().map(|c| self.draft_content(c)).collect::<Vec<_>>().join("; ")
    }

    pub fn draft_content(&self, c: &DraftContent) -> String {
        match c {
            DraftContent::Ceasefire(d) => format!("a ceasefire in {}", self.dyad(d)),
            DraftContent::EndorseRegional(b) => format!("endorse {}", self.any(b)),
            DraftContent::Sanctions(a, k) => format!("{} on {}", sanction(*k), self.actor(a)),
            DraftContent::LiftSanctions(a) => format!("lift the sanctions on {}", self.actor(a)),
            DraftContent::CommissionOfInquiry(d) => format!("a commission of inquiry into {}", self.dyad(d)),
            DraftContent::Observers(d, n) => format!("{} observers for {}", count(u64::from(*n)), self.dyad(d)),
            DraftContent::PeaceOperation(d, n) => {
                format!("a peace operation of {} for {}", count(u64::from(*n)), self.dyad(d))
            }
            DraftContent::Mandate(m) => format!(
                "a peace operation of {} for {} to {}{}",
                count(u64::from(m.personnel)),
                self.dyad(&m.dyad),
                tasks(&m.tasks),
                m.turns.map_or_else(String::new, |t| format!(", for {t} turn(s)"))
            ),
            DraftContent::RenewMandate(d, t) => format!("renew the mandate in {} for {t} turn(s)", self.dyad(d)),
            DraftContent::FinanceOperation(d) => format!("the budget of the peace operation in {}", self.dyad(d)),
            DraftContent::AuthoriseRegionalForce(b) => format!("authorise {} to use force", self.any(b)),
            DraftContent::IccReferral(d) => format!("refer {} to the ICC", self.dyad(d)),
        }
    }

    /// Who or what an effect's `cause` names: `odm: ShowOfForce`, `dynamics: incident`, `inject: id`.
    pub fn cause(&self, cause: &str) -> String {
        let (who, what) = cause.split_once(": ").unwrap_or((cause, ""));
        match who {
            "dynamics" if what.is_empty() => "the turn's drift (arms, hurt, way out, trust and attention)".to_string(),
            "dynamics" => format!("the dispute's own dynamics: {what}"),
            "inject" => format!("the news “{}”", self.inject_title(what)),
            _ => match ToolKind::ALL.iter().find(|t| t.name() == what) {
                Some(t) => format!("{}: {}", self.any(who), tool(*t)),
                None if what.is_empty() => self.any(who),
                None => format!("{}: {what}", self.any(who)),
            },
        }
    }

    /// What an event in the state means, in words.
    pub fn event(&self, e: &Event) -> String {
        match e {
            Event::AgreementSigned(d) => format!("Both sides signed an agreement in {}.", self.dyad(d)),
            Event::Ceasefire(d) => format!("A ceasefire holds in {}.", self.dyad(d)),
            Event::ObserversDeployed(d) => format!("Observers are deployed in {}.", self.dyad(d)),
            Event::ResolutionAdopted(b) => format!("{} adopted a resolution.", self.body(b)),
            Event::Vetoed(b) => format!("A draft was vetoed in {}.", self.body(b)),
            Event::PeaceOperation(d) => format!("A peace operation is mandated for {}.", self.dyad(d)),
            Event::ProvisionalMeasures(d) => format!("The Court ordered provisional measures in {}.", self.dyad(d)),
            Event::Sanctioned(a) => format!("Sanctions were imposed on {}.", self.actor(a)),
            Event::SanctionsLifted(a) => format!("Sanctions on {} were lifted.", self.actor(a)),
            Event::Seized(b) => format!("{} is seized of the dispute.", self.body(b)),
            Event::RegionalForceAuthorised(b) => format!("The Council authorised {} to use force.", self.body(b)),
            Event::RegionalForceDeployed(d) => format!("A regional force is deployed in {}.", self.dyad(d)),
            Event::InquirySetUp(d) => format!("A commission of inquiry into {} was set up.", self.dyad(d)),
            Event::InquiryReported(d) => format!("The commission of inquiry into {} reported.", self.dyad(d)),
            Event::InjectFired(i) => format!("News: {}.", self.inject_title(i)),
        }
    }
}

/// A tool in words: `ShowOfForce` → "show of force", `IcjApplication` → "ICJ application".
pub fn tool(t: ToolKind) -> String {
    let name = t.name();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in name.chars() {
        if c.is_uppercase() && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.push(c);
    }
    words.push(word);
    words
        .iter()
        .map(|w| match w.as_str() {
            "Icj" => "ICJ".to_string(),
            "Council" | "Assembly" => w.clone(),
            _ => w.to_lowercase(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn style_words(s: MediationStyle) -> &'static str {
    match s {
        MediationStyle::Facilitative => "facilitative",
        MediationStyle::Formulative => "formulative",
        MediationStyle::Directive => "directive",
    }
}

/// A kind of sanction in words: "arms embargo".
/// A mandated task in words, as a verb phrase: "monitor the ceasefire".
pub fn task(t: crate::scenario::Task) -> &'static str {
    use crate::scenario::Task;
    match t {
        Task::CeasefireMonitoring => "monitor the ceasefire",
        Task::ProtectionOfCivilians => "protect civilians",
        Task::Disarmament => "disarm and demobilise the fighters",
        Task::Transition => "support the transition",
        Task::HumanRights => "monitor human rights",
        Task::RuleOfLaw => "build the rule of law",
    }
}

/// A list of tasks in words: "monitor the ceasefire, protect civilians and support the transition".
pub fn tasks(list: &[crate::scenario::Task]) -> String {
    let words: Vec<&str> = list.iter().map(|t| task(*t)).collect();
    match words.split_last() {
        None => "be present".to_string(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

pub fn sanction(k: SanctionKind) -> &'static str {
    match k {
        SanctionKind::ArmsEmbargo => "arms embargo",
        SanctionKind::AssetFreeze => "asset freeze",
        SanctionKind::TravelBan => "travel ban",
        SanctionKind::CommodityBan => "commodity ban",
    }
}

/// A number exactly as the log holds it, without a trailing `.0`: 60.0 → "60", 45.25 → "45.25". Only
/// where two decimals would hide a difference the report points out ([`distinct`]).
pub fn num(x: f64) -> String {
    if x == 0.0 { "0".to_string() } else { format!("{x}") }
}

/// Any number that is not a count or a stage — trust, attention, way out, escalation pressure, a chance,
/// a roll, a factor — with exactly two decimals, as `docs/debrief.md` promises: 60 → "60.00",
/// 64.82700000000001 → "64.83", -10.35 → "−10.35" (a minus sign, as in the toll's changes). Two
/// decimals are the precision of the log's effect records; the same width in every table column.
pub fn level(x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    if rounded < 0.0 { format!("−{:.2}", -rounded) } else { format!("{:.2}", rounded.abs()) }
}

/// Two numbers the report says differ (two rolls, two factors): to two decimals, or as the log holds
/// them when two decimals would print the same text for both.
pub fn distinct(a: f64, b: f64) -> (String, String) {
    let (x, y) = (level(a), level(b));
    if x == y && a != b { (num(a), num(b)) } else { (x, y) }
}

/// The before or after text of one of the log's effect records on `target` (`Trust("odm", "au")`,
/// `Deaths`, `Observers("x")`), shown as the report shows that variable: a count with thousands
/// separators, a stage as a whole number, any other number to two decimals; words ("yes", "no", a
/// turn) as they are.
pub fn effect_value(target: &str, value: &str) -> String {
    let Ok(x) = value.parse::<f64>() else { return value.to_string() };
    let head = target.split('(').next().unwrap_or(target);
    match head {
        "Deaths" | "Displaced" | "DisputeDeaths" | "RecentDeaths" if x >= 0.0 => count(x as u64),
        "Stage" => format!("{x:.0}"),
        "Arms" | "Grievance" | "Hurt" | "WinBelief" | "WayOut" | "Enticement" | "Trust" | "Spoiler"
        | "DomesticPressure" | "Leverage" | "PublicPressure" | "Coherence" => level(x),
        _ => value.to_string(),
    }
}

/// A count with thousands separators: 179550 → "179,550".
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A signed difference of two counts: "+34", "−5", "±0".
pub fn count_change(before: u64, after: u64) -> String {
    match after.cmp(&before) {
        std::cmp::Ordering::Greater => format!("+{}", count(after - before)),
        std::cmp::Ordering::Less => format!("−{}", count(before - after)),
        std::cmp::Ordering::Equal => "±0".to_string(),
    }
}

/// The Glasl stage with its name: "5 (loss of face)".
pub fn stage(s: u8) -> String {
    format!("{s} ({})", crate::model::glasl::stage_name(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_tools_and_numbers() {
        assert_eq!(tool(ToolKind::ShowOfForce), "show of force");
        assert_eq!(tool(ToolKind::IcjApplication), "ICJ application");
        assert_eq!(tool(ToolKind::RaiseAtCouncil), "raise at Council");
        assert_eq!(num(60.0), "60");
        assert_eq!(num(45.25), "45.25");
        assert_eq!(num(-0.0), "0");
        assert_eq!(level(75.849_899_999_999_99), "75.85");
        assert_eq!(level(60.0), "60.00");
        assert_eq!(level(66.7), "66.70");
        assert_eq!(level(-10.352_9), "−10.35");
        assert_eq!(level(-0.001), "0.00");
        assert_eq!(distinct(0.051_7, 0.058_2), ("0.05".to_string(), "0.06".to_string()));
        assert_eq!(distinct(0.051_7, 0.051_8), ("0.0517".to_string(), "0.0518".to_string()));
        assert_eq!(effect_value("PublicPressure", "66.7"), "66.70");
        assert_eq!(effect_value("Deaths", "66150"), "66,150");
        assert_eq!(effect_value("Stage(\"kenya-crisis\")", "7"), "7");
        assert_eq!(effect_value("Sanctioned(\"pnu\")", "no"), "no");
        assert_eq!(count(179_550), "179,550");
        assert_eq!(count(68), "68");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(count_change(68, 122), "+54");
    }
}
