//! The rules of resolution, one file per tool family. Procedures fixed by the Charter are code here;
//! tunable numbers are in the scenario's `rules` (see `scenario::schema::RuleParams`). Every rule
//! returns its outcome with the factors and roll that decided it, and adds the effects it causes to
//! the list it is given (the phase's pending effects: no list made and copied per order); it never
//! changes the state itself (see `engine::ledger`). Grounding and numbers: `docs/rules.md`.

pub mod assessment;
pub mod council;
pub mod council_vote;
pub mod courts;
pub mod deployment;
pub mod dynamics;
pub mod ground;
pub mod injects;
pub mod mediation;
pub mod operations;
pub mod regional;
pub mod ripeness;
pub mod sanctions;
pub mod society;
pub mod statements;
pub mod support;
pub mod suspension;
pub mod toll;
pub mod tracks;
pub mod veto;

use crate::engine::ledger::Effect;
use crate::engine::record::{Factor, OutcomeRecord};
use crate::engine::view::View;
use crate::scenario::{Id, OrderSpec, RuleParams};

/// Everything a rule may read.
pub struct RuleCtx<'a> {
    pub view: &'a View<'a>,
    pub params: &'a RuleParams,
    pub seed: u64,
    pub turn: u32,
    /// Every order accepted this turn, in order (for tracks, signatures, threshold acts).
    pub accepted: &'a [OrderSpec],
    /// When set, every roll comes out as this (success or failure) instead of being drawn: how a bot
    /// weighs both branches of an order without seeing the dice.
    pub forced: Option<bool>,
    /// Whether outcomes are explained in words and effects name their cause. A sweep, which prints
    /// neither, turns this off; every number and every roll is the same either way.
    pub narrate: bool,
    /// The accepted orders aimed at each dyad, by position in `accepted`, indexed on first use: rules
    /// look for the other side's move on the same dispute, and a scan of every order for every order
    /// would grow with the square of the number of actors.
    pub on_dyad: std::cell::OnceCell<DyadOrders>,
}

pub type DyadOrders = crate::fast_hash::FastMap<crate::scenario::Id, Vec<usize>>;

/// `format!` for an explanation: nothing is formatted when the turn is not narrated.
macro_rules! explain {
    ($ctx:expr, $($arg:tt)*) => {
        if $ctx.narrate { format!($($arg)*) } else { String::new() }
    };
}
pub(crate) use explain;

impl RuleCtx<'_> {
    /// The orders accepted this turn that are aimed at `dyad`, in the order given. A turn of a few
    /// orders is scanned (cheaper than indexing it); a larger one is indexed by dispute once.
    pub fn on_dyad(&self, dyad: &str) -> impl Iterator<Item = &OrderSpec> {
        const SCAN_UP_TO: usize = 24;
        let aimed_at = move |o: &&OrderSpec| matches!(&o.target, Some(crate::scenario::Target::Dyad(d)) if d == dyad);
        let scanned = (self.accepted.len() <= SCAN_UP_TO).then(|| self.accepted.iter().filter(aimed_at));
        let indexed = scanned.is_none().then(|| self.dyad_index(dyad));
        scanned.into_iter().flatten().chain(indexed.into_iter().flatten())
    }

    /// The orders aimed at `dyad`, through the index of accepted orders by dispute (built on first use).
    fn dyad_index(&self, dyad: &str) -> impl Iterator<Item = &OrderSpec> {
        let index = self.on_dyad.get_or_init(|| {
            let mut index = DyadOrders::default();
            for (i, o) in self.accepted.iter().enumerate() {
                if let Some(crate::scenario::Target::Dyad(d)) = &o.target {
                    index.entry(*d).or_default().push(i);
                }
            }
            index
        });
        index.get(dyad).into_iter().flatten().map(|&i| &self.accepted[i])
    }

    /// Decides a chance: the roll, and whether it falls under `probability` (or the forced branch).
    pub fn decide(&self, probability: f64, rng: &mut rand_chacha::ChaCha8Rng) -> (f64, bool) {
        match self.forced {
            Some(success) => (if success { 0.0 } else { 1.0 }, success),
            None => {
                let r = crate::engine::rng::round4(crate::engine::rng::roll(rng));
                (r, r < probability)
            }
        }
    }

    /// An outcome's factors for its record, which only a narrated turn keeps (a sweep reads none):
    /// a rule computes with them either way, from a list on the stack.
    pub fn record_factors(&self, factors: impl IntoIterator<Item = Factor>) -> Vec<Factor> {
        if self.narrate { factors.into_iter().collect() } else { Vec::new() }
    }

    /// The actor's per-tool multiplier (`tool_params.potency`, 1 by default).
    pub fn potency(&self, order: &OrderSpec) -> f64 {
        self.view
            .scenario
            .actor(order.actor)
            .and_then(|a| a.tool_params.iter().find(|p| p.tool == order.tool))
            .map_or(1.0, |p| p.potency)
    }

    /// An actor's display name (its id if it has none). Names only go into words, so a turn that is
    /// not narrated gets the id without looking the actor up.
    pub fn name<'n>(&'n self, id: &'n str) -> &'n str {
        if !self.narrate {
            return id;
        }
        self.view.scenario.actor(id).map_or(id, |a| a.name.as_str())
    }

    /// The name of a dispute, a body or an actor, whichever `id` is: explanations are read by the
    /// groups, who know "The Mirra water dispute", not `mirra`. (Only called while wording one.)
    pub fn called(&self, id: &str) -> String {
        crate::names::Names::new(self.view.scenario).any(id)
    }

    /// The cause effects of `order` carry: `actor: Tool` (empty when the turn is not narrated).
    pub fn cause(&self, order: &OrderSpec) -> String {
        explain!(self, "{}: {:?}", order.actor, order.tool)
    }
}

pub fn factor(name: &'static str, value: f64) -> Factor {
    Factor { name: std::borrow::Cow::Borrowed(name), value: crate::engine::rng::round4(value) }
}

/// An outcome with no roll.
pub fn done(order: &OrderSpec, explanation: String) -> OutcomeRecord {
    OutcomeRecord {
        actor: order.actor,
        tool: order.tool,
        target: order.target.as_ref().map(|t| t.id()),
        result: "done".into(),
        probability: None,
        roll: None,
        factors: Vec::new(),
        explanation,
    }
}

/// An outcome decided by a roll on a dyad: `succeeded` or `failed`, with its probability, roll and
/// factors.
pub fn rolled(
    order: &OrderSpec,
    dyad: Id,
    (probability, roll, success): (f64, f64, bool),
    factors: Vec<Factor>,
    explanation: String,
) -> OutcomeRecord {
    OutcomeRecord {
        actor: order.actor,
        tool: order.tool,
        target: Some(dyad),
        result: if success { "succeeded".into() } else { "failed".into() },
        probability: Some(probability),
        roll: Some(roll),
        factors,
        explanation,
    }
}

/// Council and Assembly business, resolved in the deliberation phase (`council::deliberate`); every
/// other tool is resolved by [`resolve`], whose match lists the same tools as unreachable.
pub fn is_deliberation(tool: crate::scenario::ToolKind) -> bool {
    use crate::scenario::ToolKind::*;
    matches!(
        tool,
        RaiseAtCouncil
            | CouncilBriefing
            | PressElements
            | PressStatement
            | PresidentialStatement
            | DraftResolution
            | RequestEmergencySession
            | AssemblyResolution
    )
}

/// Resolves one order of the resolution phase (everything but Council and Assembly business): its
/// outcome, with the effects it causes added to `effects`.
pub fn resolve(order: &OrderSpec, index: u32, ctx: &RuleCtx, effects: &mut Vec<Effect>) -> OutcomeRecord {
    use crate::scenario::ToolKind::*;
    match order.tool {
        Mediation | GoodOffices | ChairFacilitation => mediation::resolve(order, index, ctx, effects),
        SuspendTalks => suspension::suspend(order, ctx, effects),
        Hold | Reinforce | ShowOfForce | Mobilise | Skirmish | Strike | Withdraw | OfferCeasefire | AcceptMediation
        | RefuseMediation | AcceptObservers | RefuseObservers | Negotiate | SignAgreement | Spoil => {
            ground::resolve(order, index, ctx, effects)
        }
        IcjApplication | ProvisionalMeasures | CommissionOfInquiry | HumanRightsMonitoring => {
            courts::resolve(order, index, ctx, effects)
        }
        MassAction | DialogueForum | EarlyWarningReport | PublicStatement | AppealToBody => {
            society::resolve(order, ctx, effects)
        }
        AppointEnvoy
        | DeployStandbyTeam
        | JointEnvoy
        | DeployObservers
        | DeployRegionalForce
        | UnilateralSanctions
        | LiftSanctions
        | RequestCouncilAuthorisation => support::resolve(order, ctx, effects),
        RaiseAtCouncil
        | CouncilBriefing
        | PressElements
        | PressStatement
        | PresidentialStatement
        | DraftResolution
        | RequestEmergencySession
        | AssemblyResolution => {
            unreachable!("Council and Assembly business is resolved in deliberation")
        }
    }
}
