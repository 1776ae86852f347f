use serde::{Deserialize, Serialize};

/// The engine's tunable rule parameters. Every field has a documented default (here, and in
/// `docs/scenario-format.md#rules`); a scenario overrides only what it names.
///
/// The fixed procedures of the Charter (nine votes, the veto, two-thirds in the Assembly) are law and
/// live in code, not here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RuleParams {
    /// Mediation success probability before any factor, 0–1.
    pub mediation_base: f64,
    /// Timing factor by Glasl stage 1..=9: low early, peaks at 3–5, falls after 6.
    pub mediation_timing: [f64; 9],
    /// A side "hurts" in the ripeness test when its `hurt` is at least this, 0–100.
    pub ripeness_hurt_threshold: f64,
    /// A side no longer expects victory when its `win_belief` is at most this, 0–100.
    pub ripeness_win_threshold: f64,
    /// Coherence lost in a turn with rival mediation tracks, times how far they diverge, 0–100.
    pub parallel_track_penalty: f64,
    /// Incident pressure needed to cross from one stage to the next; 3→4 and 6→7 also need a threshold act.
    pub escalation_threshold: f64,
    /// Chance per turn that a high-arms, high-stage dyad produces an incident, scaled by stage, 0–1.
    pub incident_rate: f64,
    /// Deaths per incident at stage 2; multiplied by the stage's toll multiple (0.5, 1, 2, 3, 5, 8, 15,
    /// 26, 45 for stages 1–9: `rules::toll`).
    pub deaths_per_incident: f64,
    /// Displaced per death.
    pub displaced_per_death: f64,
    /// How far trust drifts back toward impartiality each turn, 0–1.
    pub trust_drift: f64,
    /// How far public pressure decays each turn, 0–1.
    pub pressure_decay: f64,
    /// Version 2: the chance that an incident during a ceasefire breaks it down, 0–1, before
    /// observers (×0.6) and a peace operation (×0.7) make it hold. 0 (the default) keeps a ceasefire
    /// until a side attacks.
    pub ceasefire_breakdown: f64,
}

impl Default for RuleParams {
    fn default() -> Self {
        RuleParams {
            mediation_base: 0.8,
            mediation_timing: [0.5, 0.7, 1.0, 1.1, 1.1, 0.9, 0.75, 0.55, 0.4],
            ripeness_hurt_threshold: 60.0,
            ripeness_win_threshold: 40.0,
            parallel_track_penalty: 10.0,
            escalation_threshold: 25.0,
            incident_rate: 0.03,
            deaths_per_incident: 2.0,
            displaced_per_death: 50.0,
            trust_drift: 0.05,
            pressure_decay: 0.1,
            ceasefire_breakdown: 0.0,
        }
    }
}
