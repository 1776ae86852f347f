//! Zartman's ripeness: a mutually hurting stalemate (both sides hurt, neither expects to win) and a
//! way out; mutually enticing opportunities add a little pull (domain brief §A).

use crate::engine::record::Factor;
use crate::engine::state::DyadState;
use crate::scenario::RuleParams;

use super::factor;

#[derive(Debug, Clone)]
pub struct Ripeness {
    /// 0–1.
    pub value: f64,
    /// How far each side, and so both together, perceive a hurting stalemate, 0–1.
    pub stalemate: f64,
    pub factors: [Factor; 3],
}

impl Ripeness {
    /// Ripeness as a factor of a chance of success: a near-gate, 0.2 for an unripe dispute to 1.5
    /// for a fully ripe one (Zartman: ripeness is necessary, not sufficient). Mediation and direct
    /// talks rarely succeed before both sides hurt and doubt victory and a way out is in sight.
    pub fn factor(&self) -> f64 {
        RIPENESS_FLOOR + (1.5 - RIPENESS_FLOOR) * self.value
    }
}

/// The factor of an entirely unripe dispute.
const RIPENESS_FLOOR: f64 = 0.2;

pub fn ripeness(d: &DyadState, p: &RuleParams) -> Ripeness {
    let side = |i: usize| {
        let hurts = (d.hurt[i] / p.ripeness_hurt_threshold.max(1.0)).min(1.0);
        let no_victory = ((100.0 - d.win_belief[i]) / (100.0 - p.ripeness_win_threshold).max(1.0)).min(1.0);
        hurts * no_victory
    };
    // Mutual: the less convinced side decides.
    let stalemate = side(0).min(side(1));
    let way_out = d.way_out / 100.0;
    let enticement = d.enticement / 100.0;
    let value = (0.6 * stalemate + 0.3 * way_out + 0.1 * enticement).clamp(0.0, 1.0);
    Ripeness {
        value,
        stalemate,
        factors: [factor("hurting stalemate", stalemate), factor("way out", way_out), factor("enticement", enticement)],
    }
}
