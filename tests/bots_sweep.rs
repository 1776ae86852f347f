//! Bots and sweeps: bot orders always pass the check; a sweep gives the same summary on any number of
//! threads; its CSV and JSON agree with the table; bad arguments are refused clearly.

use std::collections::BTreeMap;
use std::sync::Arc;

use good_offices::bots;
use good_offices::engine::{Game, OrderSource};
use good_offices::orders::check;
use good_offices::scenario::BotPolicy;
use good_offices::scenario::builtin::BUILT_INS;
use good_offices::sweep::{Policy, policies, render_csv, render_json, render_table, summarise, sweep};
use proptest::prelude::*;

use crate::support::{built_in, good_offices as cli, mediation_track};

const ALL: [BotPolicy; 6] = BotPolicy::ALL;

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Whatever the state a game has reached, every order every policy gives for every actor passes
    /// `check` — also when checked together, in order, as the engine does.
    #[test]
    fn bot_orders_always_pass_the_check(which in 0usize..3, seed in any::<u64>(), turns in 0u32..6, mix in any::<u64>()) {
        let b = &BUILT_INS[which];
        let s = Arc::new(b.load().expect("valid").scenario);
        // Reach some state: bots of mixed policies play a few turns.
        let mixed: BTreeMap<good_offices::scenario::Id, BotPolicy> =
            s.actors.iter().enumerate().map(|(i, a)| (a.id, ALL[((mix >> (i % 60)) as usize + i) % ALL.len()])).collect();
        let mut game = Game::new(s.clone(), seed);
        let source = OrderSource::bots(OrderSource::Hold, &mixed);
        for _ in 0..turns.min(s.meta.turns - 1) {
            let orders = source.orders(&s, game.state(), game.next_turn());
            game.play_turn(&orders);
        }
        let turn = game.next_turn();
        let view = good_offices::engine::view::View::of_snapshot(&s, game.state(), turn);
        for a in &s.actors {
            for policy in ALL {
                let orders = bots::orders(policy, a.id, &s, game.state(), turn);
                prop_assert!(orders.len() <= good_offices::orders::MAX_ORDERS_PER_ACTOR);
                let mut accepted = Vec::new();
                for o in &orders {
                    prop_assert!(check(o, &view, &accepted).is_ok(), "{policy:?} {} gave {o:?}: {:?}", a.id, check(o, &view, &accepted));
                    accepted.push(o.clone());
                }
            }
        }
    }
}

#[test]
fn a_sweep_is_the_same_on_one_thread_and_on_two() {
    let s = Arc::new(
        good_offices::scenario::builtin::find("kenya-2008").expect("built in").load().expect("valid").scenario,
    );
    let p = policies(&s, Policy::Bots, &BTreeMap::new());
    let one = sweep(&s, &p, 40, 9, 1, &|_| {});
    let two = sweep(&s, &p, 40, 9, 2, &|_| {});
    assert_eq!(one, two);
    assert_eq!(render_table(&summarise(&s, 9, &p, &one)), render_table(&summarise(&s, 9, &p, &two)));
    let seeds: Vec<u64> = one.iter().map(|r| r.seed).collect();
    assert_eq!(seeds, (9..49).collect::<Vec<_>>(), "game i uses seed + i, in order");
    // A worker's restarted world plays each game exactly as a fresh one would.
    let source = good_offices::engine::OrderSource::bots(
        good_offices::engine::OrderSource::Hold,
        &policies(&s, Policy::Bots, &BTreeMap::new()),
    );
    for k in [0, 17, 39] {
        assert_eq!(one[k], good_offices::sweep::play_one(&s, 9 + k as u64, &source), "game {k}");
    }
}

#[test]
fn csv_and_json_agree_with_the_table() {
    let s = Arc::new(
        good_offices::scenario::builtin::find("tutorial-river-dispute")
            .expect("built in")
            .load()
            .expect("valid")
            .scenario,
    );
    let overrides = BTreeMap::from([("doravia".into(), good_offices::scenario::BotPolicy::Dove)]);
    let seats = policies(&s, Policy::Bots, &overrides);
    let results = sweep(&s, &seats, 30, 1, 0, &|_| {});
    let summary = summarise(&s, 1, &seats, &results);
    let json: serde_json::Value = serde_json::from_str(&render_json(&summary)).expect("valid JSON");
    let table = render_table(&summary);
    let csv = render_csv(&summary);
    let rows: Vec<Vec<&str>> = csv.lines().skip(1).map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 5), "every CSV row has 5 fields");
    let total: usize = results.iter().filter(|r| summary.outcomes.iter().any(|(c, _)| *c == r.outcome)).count();
    assert_eq!(total, 30, "every game is in one class");
    for (class, i) in &summary.outcomes {
        let row = rows.iter().find(|r| r[0] == "outcome" && r[1] == class).expect("a CSV row per class");
        assert_eq!(row[2].parse::<f64>().expect("a number"), i.share);
        let j = json["outcomes"]
            .as_array()
            .expect("array")
            .iter()
            .find(|o| o[0] == *class)
            .expect("a JSON entry per class");
        assert_eq!(j[1]["share"].as_f64().expect("number"), i.share);
        assert!(table.contains(&format!("{:.1}%", i.share * 100.0)), "the table shows {class}");
        let hits = results.iter().filter(|r| &r.outcome == class).count();
        assert_eq!(i.share, (hits as f64 / 30.0 * 10_000.0).round() / 10_000.0);
    }
    // Every seat and the policy that played it, in all three: the shares hold for these policies only.
    assert_eq!(summary.seats.len(), s.actors.len());
    for (role, policy) in &summary.seats {
        assert!(rows.iter().any(|r| r[..3] == ["seat", role.as_str(), policy.as_str()]), "CSV seat row for {role}");
        let j = json["seats"].as_array().expect("array").iter().find(|x| x[0] == *role).expect("a JSON seat");
        assert_eq!(j[1], *policy);
    }
    let seat_of = |role: &str| summary.seats.iter().find(|(r, _)| r == role).map(|(_, p)| p.as_str());
    assert_eq!(seat_of("doravia"), Some("dove"), "the override (its own bot is a hawk)");
    assert_eq!(seat_of("kessland"), Some("dove"), "the scenario's own bot");
    assert!(
        table.contains(
            "Seats (policy: roles):\n  dove: doravia, kessland\n  cautious-mediator: community-chair, un-envoy, secretary-general\n  best-response: river-voices\n\n"
        ),
        "{table}"
    );
    assert_eq!(json["turns_resolved"].as_u64(), Some(summary.turns_resolved));
    assert!(
        rows.iter().any(|r| r[0] == "games" && r[1] == "turns_resolved" && r[2] == summary.turns_resolved.to_string())
    );
}

#[test]
fn the_wilson_interval_is_exact() {
    let i = good_offices::sweep::Interval::wilson(12, 40);
    assert_eq!((i.share, i.low, i.high), (0.3, 0.1807, 0.4543));
    let none = good_offices::sweep::Interval::wilson(0, 100);
    assert_eq!((none.share, none.low, none.high), (0.0, 0.0, 0.037));
}

#[test]
fn sweep_from_the_command_line_and_its_bad_arguments() {
    let out = cli(["sweep", "tutorial-river-dispute", "--runs", "20", "--format", "csv"]).expect_code(0);
    assert!(out.stdout().starts_with("section,key,value,low,high\ngames,runs,20,,\n"), "{}", out.stdout());
    assert_eq!(out.stderr(), "", "no progress bar when stderr is not a terminal");
    cli(["sweep", "tutorial-river-dispute", "--runs", "0"]).expect_code(2).stderr_has("0 is not in 1..=1000000");
    cli(["sweep", "tutorial-river-dispute", "--runs", "-5"]).expect_code(2).stderr_has("unexpected argument '-5'");
    cli(["sweep", "tutorial-river-dispute", "--runs", "99999999999"])
        .expect_code(2)
        .stderr_has("is not in 1..=1000000");
    cli(["sweep", "tutorial-river-dispute", "--runs", "5", "--policy", "chaos"])
        .expect_code(2)
        .stderr_has("possible values: bots, historical, hold");
    cli(["sweep", "tutorial-river-dispute", "--runs", "5", "--seat-policy", "doravio=dove"])
        .expect_code(2)
        .stderr_has("there is no role `doravio`; did you mean `doravia`?");
    cli(["sweep", "tutorial-river-dispute", "--runs", "5", "--seat-policy", "doravia=dvoe"])
        .expect_code(2)
        .stderr_has("there is no policy `dvoe`; did you mean `dove`?");
    cli(["sweep", "tutorial-river-dispute", "--runs", "5", "--seat-policy", "doravia"])
        .expect_code(2)
        .stderr_has("write ROLE=POLICY");
}

/// Ctrl-C stops a sweep at once: a million games of the largest scenario would take hours, and the
/// process must be gone well within the 30 s this test waits (it is killed by SIGINT, the default
/// action, so no half-written summary is printed).
#[cfg(unix)]
#[test]
fn an_interrupted_sweep_stops_promptly() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let mut child = Command::new(env!("CARGO_BIN_EXE_good-offices"))
        .args(["sweep", "uniting-for-peace-drill", "--runs", "1000000", "--format", "csv"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    // Let it load the scenario and start playing.
    std::thread::sleep(Duration::from_millis(500));
    assert!(child.try_wait().expect("waitable").is_none(), "the sweep is still running before the interrupt");
    let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill runs");
    assert!(sent.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waitable") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("the sweep was still running 30 s after Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.signal(), Some(2), "stopped by SIGINT: {status:?}");
}

/// A best-response party takes the first step toward a deal its objectives want — consent to
/// mediation, a signature once a text both can live with is on the table — and refuses mediation when
/// its objectives are against a deal. Two such parties reach the deal the tutorial's parties both want.
#[test]
fn best_response_takes_the_first_step_toward_a_deal_it_wants() {
    use good_offices::scenario::{Condition, Event, Id, ToolKind};
    let b = good_offices::scenario::builtin::find("tutorial-river-dispute").expect("built in");
    let s = Arc::new(b.load().expect("valid").scenario);
    let mut state = good_offices::engine::state::Snapshot::initial(&s);
    let tools = |s: &good_offices::scenario::Scenario, state: &good_offices::engine::state::Snapshot| {
        bots::orders(BotPolicy::BestResponse, "doravia".into(), s, state, 1).iter().map(|o| o.tool).collect::<Vec<_>>()
    };
    // Doravia has not consented; its `power-deal` wants a signed agreement.
    assert!(!state.dyads[0].accepts_mediation[0]);
    assert!(tools(&s, &state).contains(&ToolKind::AcceptMediation), "{:?}", tools(&s, &state));
    // A text both can live with: it signs first.
    state.dyads[0].way_out = 55.0;
    assert!(tools(&s, &state).contains(&ToolKind::SignAgreement), "{:?}", tools(&s, &state));
    // Below that, a signature would be wasted.
    state.dyads[0].way_out = 45.0;
    assert!(!tools(&s, &state).contains(&ToolKind::SignAgreement), "{:?}", tools(&s, &state));

    // The same party against any deal, having consented: it withdraws its consent.
    let mut against = (*s).clone();
    let doravia = against.actors.iter_mut().find(|a| a.id == "doravia").expect("doravia");
    for o in &mut doravia.objectives {
        o.goal = Condition::Not(Box::new(Condition::Happened(Event::AgreementSigned(Id::from("mirra")))));
    }
    let mut consented = good_offices::engine::state::Snapshot::initial(&against);
    consented.dyads[0].accepts_mediation = [true, true];
    let t = tools(&against, &consented);
    assert!(t.contains(&ToolKind::RefuseMediation) && !t.contains(&ToolKind::AcceptMediation), "{t:?}");

    // Two best-response parties, 200 games: the deal in 191 of them (exact, seeds 1–200; none before a best-response party consented or signed first).
    let overrides =
        BTreeMap::from([("doravia".into(), BotPolicy::BestResponse), ("kessland".into(), BotPolicy::BestResponse)]);
    let p = policies(&s, Policy::Bots, &overrides);
    let results = sweep(&s, &p, 200, 1, 1, &|_| {});
    let deals = results.iter().filter(|r| r.outcome == "shared-river" || r.outcome == "deal-at-a-cost").count();
    assert_eq!(deals, 191);
}

/// A cautious mediator that is not the lead and holds no joint envoy backs the lead with the standby
/// team once in a game, not every turn (Kenya: the Secretary-General).
#[test]
fn a_cautious_mediator_sends_the_standby_team_once() {
    use good_offices::scenario::ToolKind;
    let s = Arc::new(
        good_offices::scenario::builtin::find("kenya-2008").expect("built in").load().expect("valid").scenario,
    );
    let source = OrderSource::with_scenario_bots(OrderSource::Hold, &s);
    for seed in 1..=5 {
        let records = good_offices::engine::play(&mut Game::new(s.clone(), seed), &source, None);
        let sent: Vec<u32> = records
            .iter()
            .filter(|r| r.submitted.iter().any(|o| o.actor == "un-sg" && o.tool == ToolKind::DeployStandbyTeam))
            .map(|r| r.turn)
            .collect();
        assert_eq!(sent, vec![1], "seed {seed}: the team is sent in turn 1 only ({} turns played)", records.len());
    }
}

/// The mediation tracks of turn 1 of Cambodia–Thailand with the scenario's bots and `given` as the
/// groups' orders; `thailand_accepts` sets whether Thailand accepts mediation at the start.
fn cambodia_turn_one(given: Vec<good_offices::scenario::OrderSpec>, thailand_accepts: bool) -> Vec<String> {
    use good_offices::orders::{OrdersFile, TurnOrders};
    let s = built_in("cambodia-thailand-2011");
    let mut state = good_offices::engine::state::Snapshot::initial(&s);
    state.dyads[0].accepts_mediation = [true, thailand_accepts];
    let file = OrdersFile { turns: vec![TurnOrders { turn: 1, orders: given, ..TurnOrders::default() }] };
    let source = OrderSource::with_scenario_bots(OrderSource::File(file), &s);
    let t = source.orders(&s, &state, 1);
    let bots = &t.orders[t.orders.len() - t.checked_by_bots..];
    assert!(bots.is_sorted_by(|a, b| a.actor <= b.actor), "the bots' orders are in id order of their actors");
    mediation_track(&t.orders)
}

/// Cautious mediators follow the most trusted third party *that mediates*: in Cambodia–Thailand the
/// parties trust China more than Indonesia, but China's seat holds, so Indonesia (the ASEAN chair)
/// leads and the ASEAN Secretariat and the Secretary-General join its track. A group that does
/// mediate (here China, with both parties' consent) is followed; one whose mediation the engine will
/// refuse (Thailand has not consented) is not.
#[test]
fn cautious_mediators_follow_a_lead_that_mediates() {
    use good_offices::scenario::{MediationStyle, OrderSpec, Target, ToolKind};
    assert_eq!(
        cambodia_turn_one(Vec::new(), false),
        [
            "asean-secretariat JointEnvoy with indonesia",
            "indonesia ChairFacilitation",
            "secretary-general JointEnvoy with indonesia"
        ]
    );
    let china_mediates = || OrderSpec {
        actor: "china".into(),
        tool: ToolKind::Mediation,
        target: Some(Target::Dyad("preah-vihear".into())),
        style: Some(MediationStyle::Facilitative),
        draft: None,
        sanction: None,
        with: None,
        note: "".into(),
    };
    // With both parties' consent China's mediation stands, and China (trusted 70 and 55) leads.
    // Indonesia holds neither a joint envoy nor the standby team, so it gives no order on the track.
    assert_eq!(
        cambodia_turn_one(vec![china_mediates()], true),
        ["china Mediation", "asean-secretariat JointEnvoy with china", "secretary-general JointEnvoy with china"]
    );
    // Without Thailand's consent the engine would refuse it: Indonesia still leads.
    assert_eq!(
        cambodia_turn_one(vec![china_mediates()], false),
        [
            "china Mediation",
            "asean-secretariat JointEnvoy with indonesia",
            "indonesia ChairFacilitation",
            "secretary-general JointEnvoy with indonesia"
        ]
    );
}

/// A cautious mediator leads only where it can mediate now: China, played as a cautious mediator in
/// Cambodia–Thailand, holds only `Mediation`, which needs both parties' consent. Until Thailand
/// consents Indonesia leads (chairing talks needs no consent); once both consent, China leads.
#[test]
fn a_cautious_mediator_that_cannot_mediate_yet_does_not_lead() {
    let s = built_in("cambodia-thailand-2011");
    let mut policies: BTreeMap<good_offices::scenario::Id, BotPolicy> =
        s.actors.iter().map(|a| (a.id, a.bot)).collect();
    policies.insert("china".into(), BotPolicy::CautiousMediator);
    let source = OrderSource::bots(OrderSource::Hold, &policies);
    let track = |thailand_consents: bool| -> Vec<String> {
        let mut state = good_offices::engine::state::Snapshot::initial(&s);
        state.dyads[0].accepts_mediation = [true, thailand_consents];
        mediation_track(&source.orders(&s, &state, 1).orders)
    };
    assert_eq!(
        track(false),
        [
            "asean-secretariat JointEnvoy with indonesia",
            "indonesia ChairFacilitation",
            "secretary-general JointEnvoy with indonesia"
        ]
    );
    assert_eq!(
        track(true),
        ["asean-secretariat JointEnvoy with china", "china Mediation", "secretary-general JointEnvoy with china"]
    );
}
