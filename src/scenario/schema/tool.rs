use serde::{Deserialize, Serialize};

/// Every tool of the diplomatic toolbox. Which actors may hold which tool is law, not data: see
/// `scenario::validate::eligibility` and `docs/rules.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ToolKind {
    // Anyone
    PublicStatement,
    // Security Council
    RaiseAtCouncil,
    CouncilBriefing,
    PressElements,
    PressStatement,
    PresidentialStatement,
    DraftResolution,
    // General Assembly
    RequestEmergencySession,
    AssemblyResolution,
    // Secretary-General and envoys
    GoodOffices,
    AppointEnvoy,
    DeployStandbyTeam,
    JointEnvoy,
    // Regional bodies
    ChairFacilitation,
    DeployObservers,
    /// Lead a regional force into a dispute (format 2): with both parties' consent, or under the
    /// Council's authorisation of a regional body the actor belongs to (Art. 53).
    DeployRegionalForce,
    RequestCouncilAuthorisation,
    // Mediation
    Mediation,
    /// Suspend your own mediation track as leverage (format 2; any holder of `Mediation` may): the
    /// parties bear the cost of stalled talks until your next attempt resumes them.
    SuspendTalks,
    // Sanctions imposed by a state or a bloc on its own
    UnilateralSanctions,
    /// Lift the sanctions you imposed (format 2; any holder of `UnilateralSanctions` may).
    LiftSanctions,
    // Courts and human rights
    IcjApplication,
    ProvisionalMeasures,
    CommissionOfInquiry,
    HumanRightsMonitoring,
    // Civil society
    MassAction,
    DialogueForum,
    EarlyWarningReport,
    // Parties on the ground: the escalation ladder
    Hold,
    Reinforce,
    ShowOfForce,
    Mobilise,
    Skirmish,
    Strike,
    // ... and the de-escalation ladder
    Withdraw,
    OfferCeasefire,
    AcceptMediation,
    RefuseMediation,
    AcceptObservers,
    RefuseObservers,
    Negotiate,
    SignAgreement,
    AppealToBody,
    // Spoilers
    Spoil,
}

impl ToolKind {
    pub const ALL: [ToolKind; 44] = [
        ToolKind::PublicStatement,
        ToolKind::RaiseAtCouncil,
        ToolKind::CouncilBriefing,
        ToolKind::PressElements,
        ToolKind::PressStatement,
        ToolKind::PresidentialStatement,
        ToolKind::DraftResolution,
        ToolKind::RequestEmergencySession,
        ToolKind::AssemblyResolution,
        ToolKind::GoodOffices,
        ToolKind::AppointEnvoy,
        ToolKind::DeployStandbyTeam,
        ToolKind::JointEnvoy,
        ToolKind::ChairFacilitation,
        ToolKind::DeployObservers,
        ToolKind::DeployRegionalForce,
        ToolKind::RequestCouncilAuthorisation,
        ToolKind::Mediation,
        ToolKind::SuspendTalks,
        ToolKind::UnilateralSanctions,
        ToolKind::LiftSanctions,
        ToolKind::IcjApplication,
        ToolKind::ProvisionalMeasures,
        ToolKind::CommissionOfInquiry,
        ToolKind::HumanRightsMonitoring,
        ToolKind::MassAction,
        ToolKind::DialogueForum,
        ToolKind::EarlyWarningReport,
        ToolKind::Hold,
        ToolKind::Reinforce,
        ToolKind::ShowOfForce,
        ToolKind::Mobilise,
        ToolKind::Skirmish,
        ToolKind::Strike,
        ToolKind::Withdraw,
        ToolKind::OfferCeasefire,
        ToolKind::AcceptMediation,
        ToolKind::RefuseMediation,
        ToolKind::AcceptObservers,
        ToolKind::RefuseObservers,
        ToolKind::Negotiate,
        ToolKind::SignAgreement,
        ToolKind::AppealToBody,
        ToolKind::Spoil,
    ];

    /// The name as written in scenario and orders files.
    pub fn name(self) -> String {
        format!("{self:?}")
    }

    /// One line a workshop group reads when choosing.
    pub fn explanation(self) -> &'static str {
        use ToolKind::*;
        match self {
            PublicStatement => "Say publicly where you stand; cheap, shapes pressure a little.",
            RaiseAtCouncil => "Bring the dispute to the Security Council's attention (Charter Art. 35).",
            CouncilBriefing => "Brief the Council on the situation; raises its attention and public pressure.",
            PressElements => "Agreed remarks by the Council president to the press; needs all fifteen; weakest signal.",
            PressStatement => "A statement agreed by all fifteen Council members, read outside the chamber.",
            PresidentialStatement => "A formal statement read in a Council meeting; needs consensus of all fifteen.",
            DraftResolution => "Table a draft resolution under Chapter VI or VII and put it to the vote (Art. 27).",
            RequestEmergencySession => {
                "Ask for an emergency special session of the Assembly after a veto (Uniting for Peace)."
            }
            AssemblyResolution => "Put a recommendation to the General Assembly; needs two-thirds of those voting.",
            GoodOffices => "Quiet contacts by the Secretary-General or an envoy to open a way out.",
            AppointEnvoy => "Name a special envoy, who adds to the envoy's leverage from next turn.",
            DeployStandbyTeam => "Send the mediation support standby team to back a mediator.",
            JointEnvoy => "Share an envoy with another body, so mediators speak with one voice.",
            ChairFacilitation => "The regional chair brings the parties together (Charter Art. 52).",
            DeployObservers => "Send unarmed observers; needs the consent of both parties.",
            DeployRegionalForce => {
                "Lead a regional force in: with both parties' consent, or once the Council authorises it (Art. 53)."
            }
            RequestCouncilAuthorisation => "Ask the Council to authorise regional enforcement (Charter Art. 53).",
            Mediation => "Mediate between the parties: facilitative, formulative or directive.",
            SuspendTalks => {
                "Suspend your talks as leverage: the parties feel the cost; your next mediation resumes them."
            }
            UnilateralSanctions => {
                "Impose sanctions of your own: arms embargo, asset freeze, travel ban, commodity ban."
            }
            LiftSanctions => "Lift the sanctions you imposed: relief rewards movement, or tells a holdout it pays.",
            IcjApplication => "Apply to the International Court of Justice, with a request for provisional measures.",
            ProvisionalMeasures => "The Court orders provisional measures binding on the parties.",
            CommissionOfInquiry => {
                "Set up an inquiry into violations; deters spoilers, may anger the implicated party."
            }
            HumanRightsMonitoring => "Monitor and report on human rights; raises the cost of abuses.",
            MassAction => "Peaceful mass mobilisation; raises leaders' domestic pressure.",
            DialogueForum => "Bring communities together to talk; builds trust from below.",
            EarlyWarningReport => "Publish an early-warning report; raises international attention.",
            Hold => "Do nothing new this turn; forces and positions stay as they are.",
            Reinforce => "Add troops at the front; raises your arms level.",
            ShowOfForce => "Exercises or a visible display of force; raises tension.",
            Mobilise => "Mobilise reserves; a large rise in arms and tension.",
            Skirmish => "Limited armed clashes; deaths likely, the stage may rise.",
            Strike => "A deliberate armed strike; crosses a threshold, heavy toll.",
            Withdraw => "Pull troops back from the line; lowers arms and tension.",
            OfferCeasefire => "Propose a ceasefire to the other side.",
            AcceptMediation => "Consent to mediation: by a named mediator, or by any you have not refused.",
            RefuseMediation => "Refuse mediation, or one named mediator; a mediator cannot work without your consent.",
            AcceptObservers => "Consent to observers on your side of the line.",
            RefuseObservers => "Refuse observers.",
            Negotiate => "Talk directly with the other side.",
            SignAgreement => "Sign an agreement; it holds if the other side signs too.",
            AppealToBody => "Appeal to a regional or UN body to act.",
            Spoil => "Attack or provoke to derail talks.",
        }
    }
}
