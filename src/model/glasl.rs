//! Glasl's nine stages of conflict escalation, in three phases (domain brief §A).

/// The name of a stage, 1 to 9.
pub fn stage_name(stage: u8) -> &'static str {
    match stage {
        1 => "hardening of positions",
        2 => "debate and polemics",
        3 => "actions instead of words",
        4 => "images and coalitions",
        5 => "loss of face",
        6 => "strategies of threat",
        7 => "limited destructive blows",
        8 => "fragmentation of the enemy",
        9 => "together into the abyss",
        _ => "unknown stage",
    }
}

/// The phase a stage belongs to: I (win–win), II (win–lose) or III (lose–lose).
pub fn phase_name(stage: u8) -> &'static str {
    match stage {
        1..=3 => "phase I, win–win",
        4..=6 => "phase II, win–lose",
        _ => "phase III, lose–lose",
    }
}
