//! The scenario's machinery in words a group understands: conditions, inject triggers and effects,
//! orders, bot policies. Ids become the names the sheets use.

use crate::engine::turn_dates;
use crate::model::glasl::stage_name;
use crate::scenario::Scenario;
use crate::scenario::schema::{
    BotPolicy, Condition, DraftContent, EffectSpec, Event, MediationStyle, OrderSpec, SanctionKind, Target, ToolKind,
    Trigger, Var,
};

/// Describes a condition in plain English, naming actors, disputes and bodies:
/// `AtMost(Stage("mirra"), 3)` → "the Mirra water dispute is at stage 3 (actions instead of words) or lower".
/// The text starts in lower case, to be used inside a sentence.
pub fn describe_condition(s: &Scenario, c: &Condition) -> String {
    Words::new(s).condition(c)
}

/// Names and phrases for one scenario.
pub struct Words<'a> {
    s: &'a Scenario,
}

/// Capitalised words that mark a name as a title needing "the" in running text ("the African Union",
/// "the UN Secretary-General", "the United States"), unlike a country's or a person's name.
const TITLE_WORDS: [&str; 40] = [
    "UN",
    "Chair",
    "Panel",
    "Centre",
    "Center",
    "Secretary-General",
    "Secretariat",
    "Envoy",
    "Department",
    "Court",
    "Association",
    "Organisation",
    "Organization",
    "Union",
    "Community",
    "Council",
    "Commission",
    "Committee",
    "Movement",
    "Party",
    "Office",
    "Forum",
    "League",
    "Federation",
    "Republic",
    "Kingdom",
    "States",
    "Emirates",
    "Mission",
    "Group",
    "Front",
    "Alliance",
    "Coalition",
    "Network",
    "Assembly",
    "Government",
    "Presidency",
    "Netherlands",
    "Philippines",
    "Islands",
];

/// "the African Union", "Doravia", "the Mirra water dispute" (from "The Mirra water dispute").
pub fn with_article(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("The ") {
        return format!("the {rest}");
    }
    let head = name.split('(').next().unwrap_or(name);
    let titled = head
        .split_whitespace()
        .any(|w| TITLE_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')));
    if titled { format!("the {name}") } else { name.to_string() }
}

/// The first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A number as a group reads it: `3`, `2.5`, `1,500`.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let n = x as i64;
        let grouped = crate::names::count(n.unsigned_abs());
        if n < 0 { format!("-{grouped}") } else { grouped }
    } else {
        let t = format!("{x:.2}");
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A tool as the sheets name it: the debrief's plain words, capitalised as the menus show them
/// ("Show of force", "ICJ application"), so a group meets one name on paper, on screen and in the
/// debrief.
pub fn tool_name(t: ToolKind) -> String {
    capitalise(&crate::names::tool(t))
}

/// "a and b", "a, b and c".
fn join_words(parts: &[String], word: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Cmp {
    AtLeast,
    AtMost,
    Below,
    Above,
}

impl<'a> Words<'a> {
    pub fn new(s: &'a Scenario) -> Self {
        Words { s }
    }

    /// An actor in running text, with an article where its name needs one.
    pub fn actor(&self, id: &str) -> String {
        self.s.actor(id).map_or_else(|| id.to_string(), |a| with_article(&a.name))
    }

    pub fn body(&self, id: &str) -> String {
        self.s.body(id).map_or_else(|| id.to_string(), |b| with_article(&b.name))
    }

    /// A dispute always takes "the": "the Mirra water dispute".
    pub fn dyad(&self, id: &str) -> String {
        match self.s.dyad(id) {
            Some(d) => match d.name.strip_prefix("The ") {
                Some(rest) => format!("the {rest}"),
                None if d.name.starts_with("the ") => d.name.clone(),
                None => format!("the {}", d.name),
            },
            None => id.to_string(),
        }
    }

    fn target(&self, t: &Target) -> String {
        match t {
            Target::Actor(id) => self.actor(id),
            Target::Body(id) => self.body(id),
            Target::Dyad(id) => self.dyad(id),
        }
    }

    pub fn condition(&self, c: &Condition) -> String {
        self.cond(c, false)
    }

    /// Negations are pushed inwards, so no sentence says "it is not the case that".
    fn cond(&self, c: &Condition, negated: bool) -> String {
        match c {
            Condition::Always if negated => "never".into(),
            Condition::Always => "always".into(),
            Condition::AtLeast(v, x) => self.compare(v, if negated { Cmp::Below } else { Cmp::AtLeast }, *x),
            Condition::AtMost(v, x) => self.compare(v, if negated { Cmp::Above } else { Cmp::AtMost }, *x),
            Condition::Happened(e) => self.event(e, negated),
            Condition::FromTurn(t) if negated => format!("it is still before turn {t}"),
            Condition::FromTurn(t) => format!("it is turn {t} or later"),
            Condition::All(items) => self.join(items, negated, !negated),
            Condition::Any(items) => self.join(items, negated, negated),
            Condition::Not(inner) => self.cond(inner, !negated),
        }
    }

    fn join(&self, items: &[Condition], negated: bool, all: bool) -> String {
        match items {
            [] => (if all { "always" } else { "never" }).into(),
            [one] => self.cond(one, negated),
            _ => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|c| {
                        let d = self.cond(c, negated);
                        if compound(c) { format!("({d})") } else { d }
                    })
                    .collect();
                if all {
                    join_words(&parts, "and")
                } else if parts.len() == 2 {
                    format!("either {} or {}", parts[0], parts[1])
                } else {
                    join_words(&parts, "or")
                }
            }
        }
    }

    fn compare(&self, v: &Var, cmp: Cmp, x: f64) -> String {
        // Whole-number variables: "below 4" is "3 or lower".
        let whole = |cmp: Cmp, x: f64| -> (bool, i64) {
            match cmp {
                Cmp::AtLeast => (true, x.ceil() as i64),
                Cmp::Above => (true, x.floor() as i64 + 1),
                Cmp::AtMost => (false, x.floor() as i64),
                Cmp::Below => (false, x.ceil() as i64 - 1),
            }
        };
        match v {
            Var::Stage(d) => {
                let (up, n) = whole(cmp, x);
                let d = self.dyad(d);
                if (up && n <= 1) || (!up && n >= 9) {
                    return format!("{d} is at any stage");
                }
                if (up && n > 9) || (!up && n < 1) {
                    return "never".into();
                }
                let name = stage_name(n as u8);
                match (up, n) {
                    (true, 9) | (false, 1) => format!("{d} is at stage {n} ({name})"),
                    (true, _) => format!("{d} is at stage {n} ({name}) or higher"),
                    (false, _) => format!("{d} is at stage {n} ({name}) or lower"),
                }
            }
            Var::Deaths | Var::Displaced => {
                let (up, n) = whole(cmp, x);
                let deaths = matches!(v, Var::Deaths);
                let start = if deaths { self.s.conflict.toll.deaths } else { self.s.conflict.toll.displaced };
                let (verb, none) =
                    if deaths { ("died", "nobody has died") } else { ("been displaced", "nobody has been displaced") };
                let at_start =
                    if start > 0 { format!(" ({} at the start)", number(start as f64)) } else { String::new() };
                match (up, n) {
                    (true, n) if n <= 0 => "always".into(),
                    (true, 1) => format!("at least one person has {verb}{at_start}"),
                    (true, n) => format!("at least {} people have {verb} in all{at_start}", number(n as f64)),
                    (false, n) if n < 0 => "never".into(),
                    (false, 0) => none.into(),
                    (false, n) => format!("no more than {} people have {verb} in all{at_start}", number(n as f64)),
                }
            }
            _ => {
                let (subject, scale) = self.subject(v);
                let n = number(x);
                match cmp {
                    Cmp::AtLeast => format!("{subject} is {n} or more{scale}"),
                    Cmp::AtMost => format!("{subject} is {n} or less{scale}"),
                    Cmp::Below => format!("{subject} is below {n}{scale}"),
                    Cmp::Above => format!("{subject} is above {n}{scale}"),
                }
            }
        }
    }

    /// What a variable is, and its scale: ("the trust of Doravia in the UN envoy", " (out of 100)").
    pub fn subject(&self, v: &Var) -> (String, &'static str) {
        const PERCENT: &str = " (out of 100)";
        match v {
            Var::Stage(d) => (format!("the escalation stage of {}", self.dyad(d)), " (1 to 9)"),
            Var::Arms(d, a) => (format!("the military build-up of {} in {}", self.actor(a), self.dyad(d)), PERCENT),
            Var::Grievance(d, a) => {
                (format!("the grievance of {} in {}", self.actor(a), self.dyad(d)), " (from -20, goodwill, to 20)")
            }
            Var::Hurt(d, a) => {
                (format!("the hurt {} feels from the deadlock in {}", self.actor(a), self.dyad(d)), PERCENT)
            }
            Var::WinBelief(d, a) => {
                (format!("the belief of {} that it can win {}", self.actor(a), self.dyad(d)), PERCENT)
            }
            Var::WayOut(d) => (format!("the sense that there is a way out of {}", self.dyad(d)), PERCENT),
            Var::Enticement(d) => (format!("the value of the offers on the table in {}", self.dyad(d)), PERCENT),
            Var::Trust(p, t) => (format!("the trust of {} in {}", self.actor(p), self.actor(t)), PERCENT),
            Var::Spoiler(a) => (format!("the strength of {} as a spoiler", self.actor(a)), PERCENT),
            Var::DomesticPressure(a) => (format!("the pressure on {} from its own people", self.actor(a)), PERCENT),
            Var::Leverage(a) => (format!("the leverage of {}", self.actor(a)), PERCENT),
            Var::PublicPressure => ("international attention (public pressure)".into(), PERCENT),
            Var::Coherence => {
                ("the coherence of the third parties (how far they speak with one voice)".into(), PERCENT)
            }
            Var::Deaths => ("the number of people killed".into(), ""),
            Var::Displaced => ("the number of people displaced".into(), ""),
            Var::DisputeDeaths(d) => {
                (format!("the number of people killed in {} since the game began", self.dyad(d)), "")
            }
            Var::RecentDeaths(1) => ("the number of people killed this turn".into(), ""),
            Var::RecentDeaths(n) => (format!("the number of people killed in the last {n} turns"), ""),
        }
    }

    fn event(&self, e: &Event, negated: bool) -> String {
        let (yes, no) = match e {
            Event::AgreementSigned(d) => {
                let d = self.dyad(d);
                (format!("an agreement on {d} is signed"), format!("no agreement on {d} is signed"))
            }
            Event::Ceasefire(d) => {
                let d = self.dyad(d);
                (format!("both sides of {d} accept a ceasefire"), format!("no ceasefire is agreed in {d}"))
            }
            Event::ObserversDeployed(d) => {
                let d = self.dyad(d);
                (format!("observers are deployed in {d}"), format!("no observers are deployed in {d}"))
            }
            Event::ResolutionAdopted(b) => {
                let b = self.body(b);
                (format!("{b} adopts a resolution"), format!("{b} adopts no resolution"))
            }
            Event::Vetoed(b) => {
                let b = self.body(b);
                (format!("a permanent member vetoes a draft in {b}"), format!("no draft is vetoed in {b}"))
            }
            Event::PeaceOperation(d) => {
                let d = self.dyad(d);
                (format!("a peace operation is sent to {d}"), format!("no peace operation is sent to {d}"))
            }
            Event::ProvisionalMeasures(d) => {
                let d = self.dyad(d);
                (
                    format!("a court orders provisional measures in {d}"),
                    format!("no court orders provisional measures in {d}"),
                )
            }
            Event::Sanctioned(a) => {
                let a = self.actor(a);
                (format!("sanctions are imposed on {a}"), format!("no sanctions are imposed on {a}"))
            }
            Event::SanctionsLifted(a) => {
                let a = self.actor(a);
                (format!("sanctions on {a} are lifted"), format!("no sanctions on {a} are lifted"))
            }
            Event::Seized(b) => {
                let b = self.body(b);
                (format!("the dispute is brought to {b}"), format!("the dispute is not brought to {b}"))
            }
            Event::RegionalForceAuthorised(b) => {
                let b = self.body(b);
                (
                    format!("the Council authorises {b} to use force"),
                    format!("the Council does not authorise {b} to use force"),
                )
            }
            Event::RegionalForceDeployed(d) => {
                let d = self.dyad(d);
                (format!("a regional force is sent to {d}"), format!("no regional force is sent to {d}"))
            }
            Event::InquirySetUp(d) => {
                let d = self.dyad(d);
                (format!("an inquiry into {d} is set up"), format!("no inquiry into {d} is set up"))
            }
            Event::InquiryReported(d) => {
                let d = self.dyad(d);
                (format!("the inquiry into {d} reports"), format!("no inquiry into {d} reports"))
            }
            Event::InjectFired(i) => {
                let title = self.s.injects.iter().find(|x| x.id == i).map_or(i.as_str(), |x| x.title.as_str());
                (format!("the event “{title}” happens"), format!("the event “{title}” does not happen"))
            }
        };
        if negated { no } else { yes }
    }

    /// When an inject fires, in words.
    pub fn trigger(&self, t: &Trigger) -> String {
        match t {
            Trigger::AtTurn(n) => {
                format!("in turn {n} ({}), after the orders are resolved", turn_dates(&self.s.meta, *n))
            }
            Trigger::When(c) => format!("in the first turn in which {}", self.condition(c)),
            Trigger::Facilitator => "only when you decide: add its id to the injects of that turn's orders".into(),
        }
    }

    /// What an inject changes, in words.
    pub fn effect(&self, e: &EffectSpec) -> String {
        match e {
            EffectSpec::Shift(Var::Stage(d), x) => {
                let steps = x.abs();
                let s = if steps == 1.0 { "" } else { "s" };
                let dir = if *x >= 0.0 { "up" } else { "down" };
                format!("{} moves {} stage{s} {dir} the escalation ladder", self.dyad(d), number(steps))
            }
            EffectSpec::Set(Var::Stage(d), x) => {
                let n = x.round().clamp(1.0, 9.0) as u8;
                format!("{} is put at stage {n} ({})", self.dyad(d), stage_name(n))
            }
            EffectSpec::Shift(Var::Deaths, x) if *x > 0.0 => format!("{} more people are killed", number(*x)),
            EffectSpec::Shift(Var::Displaced, x) if *x > 0.0 => format!("{} more people are displaced", number(*x)),
            EffectSpec::Shift(v, x) => {
                let (subject, _) = self.subject(v);
                if *x > 0.0 {
                    format!("{subject} rises by {}", number(*x))
                } else if *x < 0.0 {
                    format!("{subject} falls by {}", number(-x))
                } else {
                    format!("{subject} stays as it is")
                }
            }
            EffectSpec::Set(v, x) => {
                let (subject, scale) = self.subject(v);
                format!("{subject} is set to {}{scale}", number(*x))
            }
            EffectSpec::AcceptsMediation(d, a, on) => {
                let now = if *on { "now accepts" } else { "no longer accepts" };
                format!("{} {now} mediation in {}", self.actor(a), self.dyad(d))
            }
            EffectSpec::AcceptsObservers(d, a, on) => {
                let now = if *on { "now accepts" } else { "no longer accepts" };
                format!("{} {now} observers in {}", self.actor(a), self.dyad(d))
            }
            EffectSpec::BreakCeasefire(d) => format!("the ceasefire in {} breaks down", self.dyad(d)),
        }
    }

    /// What an inject does, as one sentence: its effects, or that it is news only.
    pub fn effects(&self, effects: &[EffectSpec]) -> String {
        if effects.is_empty() {
            "nothing on the numbers; it is news.".to_string()
        } else {
            format!("{}.", effects.iter().map(|e| self.effect(e)).collect::<Vec<_>>().join("; "))
        }
    }

    /// An order of the historical course in words, without its note: "Cambodia skirmishes in the
    /// Preah Vihear border dispute".
    pub fn order(&self, o: &OrderSpec) -> String {
        use ToolKind::*;
        let t = o.target.as_ref().map_or_else(|| "the dispute".to_string(), |t| self.target(t));
        let with = o.with.as_deref().map(|w| self.actor(w));
        let phrase = match o.tool {
            PublicStatement => match &o.target {
                Some(Target::Actor(_)) => format!("makes a public statement about {t}"),
                Some(_) => format!("makes a public statement on {t}"),
                None => "makes a public statement".into(),
            },
            RaiseAtCouncil => format!("raises the dispute at {t}"),
            CouncilBriefing => format!("briefs {t}"),
            PressElements => format!("proposes that the Council president give press elements on {t}"),
            PressStatement => format!("proposes a Council press statement on {t}"),
            PresidentialStatement => format!("proposes a presidential statement on {t}"),
            DraftResolution => format!("tables a draft resolution in {t}{}", self.draft(o)),
            RequestEmergencySession => format!("asks for an emergency special session of {t}"),
            AssemblyResolution => format!("puts a draft resolution to {t}{}", self.draft(o)),
            GoodOffices => format!("offers good offices in {t}"),
            AppointEnvoy => match &with {
                Some(w) => format!("appoints {w} as envoy for {t}"),
                None => format!("appoints an envoy for {t}"),
            },
            DeployStandbyTeam => format!("sends the mediation standby team to back {t}"),
            JointEnvoy => match &with {
                Some(w) => format!("agrees a joint envoy with {w} for {t}"),
                None => format!("proposes a joint envoy for {t}"),
            },
            ChairFacilitation => format!("brings the parties to {t} together as chair"),
            DeployObservers => format!("sends observers to {t}"),
            DeployRegionalForce => format!("leads a regional force into {t}"),
            RequestCouncilAuthorisation => format!("asks {t} to authorise regional enforcement"),
            Mediation => {
                let style = match o.style {
                    Some(MediationStyle::Facilitative) => " (facilitative: communication and process)",
                    Some(MediationStyle::Formulative) => " (formulative: proposes solutions)",
                    Some(MediationStyle::Directive) => " (directive: incentives and pressure)",
                    None => "",
                };
                format!("mediates in {t}{style}")
            }
            SuspendTalks => format!("suspends its talks in {t} as leverage"),
            UnilateralSanctions => format!("imposes {} on {t}", sanction(o.sanction)),
            LiftSanctions => format!("lifts its sanctions on {t}"),
            IcjApplication => format!("applies to the International Court of Justice over {t}"),
            ProvisionalMeasures => format!("orders provisional measures in {t}"),
            CommissionOfInquiry => format!("sets up a commission of inquiry into {t}"),
            HumanRightsMonitoring => format!("monitors human rights in {t}"),
            MassAction => format!("brings people onto the streets to press {t}"),
            DialogueForum => format!("holds a dialogue forum on {t}"),
            EarlyWarningReport => format!("publishes an early-warning report on {t}"),
            Hold => "holds its positions and does nothing new".into(),
            Reinforce => format!("reinforces its troops in {t}"),
            ShowOfForce => format!("makes a show of force in {t}"),
            Mobilise => format!("mobilises its reserves in {t}"),
            Skirmish => format!("clashes with the other side in {t}"),
            Strike => format!("launches an armed strike in {t}"),
            Withdraw => format!("pulls its troops back in {t}"),
            OfferCeasefire => format!("offers a ceasefire in {t}"),
            AcceptMediation => match &with {
                Some(w) => format!("accepts mediation by {w} in {t}"),
                None => format!("accepts mediation in {t}"),
            },
            RefuseMediation => match &with {
                Some(w) => format!("refuses mediation by {w} in {t}"),
                None => format!("refuses mediation in {t}"),
            },
            AcceptObservers => format!("accepts observers in {t}"),
            RefuseObservers => format!("refuses observers in {t}"),
            Negotiate => format!("negotiates directly with the other side in {t}"),
            SignAgreement => format!("signs an agreement on {t}"),
            AppealToBody => format!("appeals to {t} to act"),
            Spoil => format!("attacks or provokes to derail the talks in {t}"),
        };
        format!("{} {phrase}", capitalise(&self.actor(&o.actor)))
    }

    /// ": a Chapter VII draft: a call for a ceasefire in ..., an arms embargo on ...".
    fn draft(&self, o: &OrderSpec) -> String {
        let Some(draft) = &o.draft else { return String::new() };
        let contents: Vec<String> = draft
            .contents
            .iter()
            .map(|c| match c {
                DraftContent::Ceasefire(d) => format!("a call for a ceasefire in {}", self.dyad(d)),
                DraftContent::EndorseRegional(b) => format!("support for the efforts of {}", self.body(b)),
                DraftContent::Sanctions(a, k) => format!("{} on {}", sanction(Some(*k)), self.actor(a)),
                DraftContent::LiftSanctions(a) => format!("the lifting of its sanctions on {}", self.actor(a)),
                DraftContent::CommissionOfInquiry(d) => format!("a commission of inquiry into {}", self.dyad(d)),
                DraftContent::Observers(d, n) => format!("{} observers for {}", number(f64::from(*n)), self.dyad(d)),
                DraftContent::PeaceOperation(d, n) => {
                    format!("a peace operation of {} personnel for {}", number(f64::from(*n)), self.dyad(d))
                }
                DraftContent::Mandate(m) => format!(
                    "a peace operation of {} personnel for {}, mandated to {}",
                    number(f64::from(m.personnel)),
                    self.dyad(&m.dyad),
                    crate::names::tasks(&m.tasks)
                ),
                DraftContent::RenewMandate(d, t) => {
                    format!("a renewal of the mandate in {} for {t} more turn(s)", self.dyad(d))
                }
                DraftContent::FinanceOperation(d) => {
                    format!("the budget of the peace operation in {}, shared among all members", self.dyad(d))
                }
                DraftContent::AuthoriseRegionalForce(b) => format!("authority for {} to use force", self.body(b)),
                DraftContent::IccReferral(d) => {
                    format!("referral of the situation in {} to the International Criminal Court", self.dyad(d))
                }
            })
            .collect();
        let chapter = match draft.chapter {
            crate::scenario::schema::Chapter::VI => "VI (recommendations)",
            crate::scenario::schema::Chapter::VII => "VII (binding)",
        };
        format!(" under Chapter {chapter}: {}", join_words(&contents, "and"))
    }
}

fn compound(c: &Condition) -> bool {
    match c {
        Condition::All(items) | Condition::Any(items) => items.len() > 1,
        Condition::Not(inner) => compound(inner),
        _ => false,
    }
}

fn sanction(k: Option<SanctionKind>) -> &'static str {
    match k {
        Some(SanctionKind::ArmsEmbargo) => "an arms embargo",
        Some(SanctionKind::AssetFreeze) => "an asset freeze",
        Some(SanctionKind::TravelBan) => "a travel ban",
        Some(SanctionKind::CommodityBan) => "a commodity ban",
        None => "sanctions",
    }
}

/// What a bot does with a seat nobody plays, in one line.
pub fn bot_policy(p: BotPolicy) -> &'static str {
    match p {
        BotPolicy::Hold => "does nothing",
        BotPolicy::Historical => "follows what the real actor did (the historical course)",
        BotPolicy::Hawk => "escalates when it can and refuses outside involvement",
        BotPolicy::Dove => "de-escalates and accepts help",
        BotPolicy::CautiousMediator => "offers help only where it is welcome and the moment is ripe",
        BotPolicy::BestResponse => "picks the order with the best expected value for its objectives",
    }
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn numbers_read_as_a_group_writes_them() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(1500.0), "1,500");
        assert_eq!(number(-2500.0), "-2,500");
        assert_eq!(number(179_550.0), "179,550");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(2.25), "2.25");
    }
}
