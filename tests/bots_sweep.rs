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
    let one = sweep(&s, &p, 40, 9, 1, &|_| {}).expect("a pool");
    let two = sweep(&s, &p, 40, 9, 2, &|_| {}).expect("a pool");
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
    let results = sweep(&s, &seats, 30, 1, 0, &|_| {}).expect("a pool");
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
    assert_eq!(seat_of("kessland"), Some("best-response"), "the scenario's own bot");
    assert!(
        table.contains(
            "Seats (policy: roles):\n  dove: doravia\n  cautious-mediator: community-chair, un-envoy, secretary-general\n  best-response: kessland, river-voices\n\n"
        ),
        "{table}"
    );
    // What each ending costs: the same figures in all three, for the classes some game ended in.
    assert!(!summary.deaths_by_outcome.is_empty());
    for (section, by_outcome) in
        [("deaths_by_outcome", &summary.deaths_by_outcome), ("displaced_by_outcome", &summary.displaced_by_outcome)]
    {
        let classes: Vec<&str> = by_outcome.iter().map(|(c, _)| c.as_str()).collect();
        let occurred: Vec<&str> =
            summary.outcomes.iter().filter(|(_, i)| i.share > 0.0).map(|(c, _)| c.as_str()).collect();
        assert_eq!(classes, occurred, "{section}: the classes some game ended in, in the scenario's order");
        for (class, figures) in by_outcome {
            assert_eq!(json[section][class], serde_json::json!(figures), "{section} {class} in JSON");
            for (q, x) in ["p10", "p50", "p90"].into_iter().zip(figures) {
                let key = format!("{class}/{q}");
                assert!(rows.iter().any(|r| r[..3] == [section, key.as_str(), &x.to_string()]), "CSV {section},{key}");
            }
        }
    }
    for (class, [p10, p50, p90]) in &summary.deaths_by_outcome {
        assert!(
            table.lines().any(|l| l.split_whitespace().collect::<Vec<_>>()
                == [class.as_str(), &p10.to_string(), "/", &p50.to_string(), "/", &p90.to_string()]),
            "the table shows the deaths of {class}: {table}"
        );
    }
    assert_eq!(json["turns_resolved"].as_u64(), Some(summary.turns_resolved));
    assert!(
        rows.iter().any(|r| r[0] == "games" && r[1] == "turns_resolved" && r[2] == summary.turns_resolved.to_string())
    );
}

/// What each ending costs, on games made by hand: per class some game ended in, in the scenario's order
/// of classes (`unclassified` last), the nearest-rank p10, median and p90 of its games' deaths and
/// displaced, in the table, CSV and JSON alike. A class no game ended in (`calm`) is left out.
#[test]
fn the_sweep_summary_gives_each_endings_toll_exactly() {
    let mut s = (*built_in("tutorial-river-dispute")).clone();
    s.ending.outcomes.truncate(3);
    for (outcome, id) in s.ending.outcomes.iter_mut().zip(["deal", "war", "calm"]) {
        outcome.id = id.into();
    }
    let game = |seed, outcome: &str, deaths, displaced| good_offices::sweep::GameResult {
        seed,
        outcome: outcome.into(),
        turns: 4,
        deaths,
        displaced,
        objectives: Vec::new(),
    };
    let results = [
        game(1, "war", 30, 300),
        game(2, "deal", 500, 4000),
        game(3, "war", 10, 100),
        game(4, "unclassified", 7, 0),
        game(5, "war", 20, 200),
    ];
    let summary = summarise(&s, 1, &BTreeMap::new(), &results);
    let owned = |pairs: [(&str, [u64; 3]); 3]| pairs.map(|(c, q)| (c.to_string(), q)).to_vec();
    assert_eq!(summary.deaths_by_outcome, owned([("deal", [500; 3]), ("war", [10, 20, 30]), ("unclassified", [7; 3])]));
    assert_eq!(
        summary.displaced_by_outcome,
        owned([("deal", [4000; 3]), ("war", [100, 200, 300]), ("unclassified", [0; 3])])
    );
    assert_eq!(summary.deaths, [7, 20, 500], "the overall figures, by the same percentile function");

    let table = render_table(&summary);
    assert!(
        table.contains(
            "Deaths:    p10 7, median 20, p90 500\n\
             Displaced: p10 0, median 200, p90 4000\n\
             \n\
             Deaths by outcome (p10 / median / p90):\n  \
               deal          500 / 500 / 500\n  \
               war            10 /  20 /  30\n  \
               unclassified    7 /   7 /   7\n\
             \n\
             Displaced by outcome (p10 / median / p90):\n  \
               deal          4000 / 4000 / 4000\n  \
               war            100 /  200 /  300\n  \
               unclassified     0 /    0 /    0\n\
             \n\
             Objectives met:\n"
        ),
        "{table}"
    );
    let csv = render_csv(&summary);
    assert!(
        csv.contains(
            "displaced,p90,4000,,\n\
             deaths_by_outcome,deal/p10,500,,\ndeaths_by_outcome,deal/p50,500,,\ndeaths_by_outcome,deal/p90,500,,\n\
             deaths_by_outcome,war/p10,10,,\ndeaths_by_outcome,war/p50,20,,\ndeaths_by_outcome,war/p90,30,,\n\
             deaths_by_outcome,unclassified/p10,7,,\ndeaths_by_outcome,unclassified/p50,7,,\n\
             deaths_by_outcome,unclassified/p90,7,,\n\
             displaced_by_outcome,deal/p10,4000,,\ndisplaced_by_outcome,deal/p50,4000,,\n\
             displaced_by_outcome,deal/p90,4000,,\n\
             displaced_by_outcome,war/p10,100,,\ndisplaced_by_outcome,war/p50,200,,\n\
             displaced_by_outcome,war/p90,300,,\n\
             displaced_by_outcome,unclassified/p10,0,,\ndisplaced_by_outcome,unclassified/p50,0,,\n\
             displaced_by_outcome,unclassified/p90,0,,\n\
             role,"
        ),
        "{csv}"
    );
    let json = render_json(&summary);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(
        value["deaths_by_outcome"],
        serde_json::json!({"deal": [500, 500, 500], "war": [10, 20, 30], "unclassified": [7, 7, 7]})
    );
    assert_eq!(
        value["displaced_by_outcome"],
        serde_json::json!({"deal": [4000, 4000, 4000], "war": [100, 200, 300], "unclassified": [0, 0, 0]})
    );
    assert_eq!(json_keys(&json, "deaths_by_outcome"), ["deal", "war", "unclassified"], "in the scenario's order");
    assert_eq!(json_keys(&json, "displaced_by_outcome"), ["deal", "war", "unclassified"]);
}

/// The keys of the object `field` of a pretty-printed `Summary`, in the order written (a parsed
/// `serde_json::Value` sorts them).
fn json_keys(json: &str, field: &str) -> Vec<String> {
    let start = json.find(&format!("\n  \"{field}\": {{\n")).unwrap_or_else(|| panic!("{field} is an object"));
    let body = &json[start..];
    let body = &body[..body.find("\n  }").expect("the object ends")];
    body.lines().filter_map(|l| l.strip_prefix("    \"")?.split_once("\": [").map(|(k, _)| k.to_string())).collect()
}

/// `sweep --format json` from the command line carries each ending's toll. The built-ins are being
/// recalibrated, so no figure is written here: only what must hold for any games. The keys are the
/// classes some game ended in, in the scenario's order; each is `[p10, p50, p90]` of the games the
/// library's sweep with the same seed ended in it; and each overall percentile lies between the
/// smallest and the largest of the classes' (nearest rank: the overall value at rank ⌈qn⌉ cannot be
/// below every class's value at rank ⌈q·n_c⌉, nor above every one).
#[test]
fn sweep_json_from_the_command_line_gives_each_endings_toll() {
    let out = cli(["sweep", "kenya-2008", "--runs", "120", "--seed", "3", "--format", "json"]).expect_code(0);
    let text = out.stdout();
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let s = built_in("kenya-2008");
    let results = sweep(&s, &policies(&s, Policy::Bots, &BTreeMap::new()), 120, 3, 1, &|_| {}).expect("a pool");
    let nearest_rank = |sorted: &[u64], q: f64| sorted[((q * sorted.len() as f64).ceil() as usize).max(1) - 1];
    for (field, figure) in [
        ("deaths", (|r: &good_offices::sweep::GameResult| r.deaths) as fn(&good_offices::sweep::GameResult) -> u64),
        ("displaced", |r| r.displaced),
    ] {
        let section = format!("{field}_by_outcome");
        let occurred: Vec<String> = json["outcomes"]
            .as_array()
            .expect("outcomes")
            .iter()
            .filter(|o| o[1]["share"].as_f64().expect("a share") > 0.0)
            .map(|o| o[0].as_str().expect("a class").to_string())
            .collect();
        assert!(!occurred.is_empty());
        assert_eq!(json_keys(&text, &section), occurred, "{section}: the classes that occurred, in order");
        let mut per_class = Vec::new();
        for class in &occurred {
            let q: Vec<u64> = json[&section][class]
                .as_array()
                .expect("[p10, p50, p90]")
                .iter()
                .map(|x| x.as_u64().expect("a whole number"))
                .collect();
            assert!(q.len() == 3 && q[0] <= q[1] && q[1] <= q[2], "{section} {class}: {q:?}");
            let mut games: Vec<u64> = results.iter().filter(|r| &r.outcome == class).map(figure).collect();
            games.sort_unstable();
            assert_eq!(q, [0.1, 0.5, 0.9].map(|p| nearest_rank(&games, p)), "{section} {class}");
            per_class.push(q);
        }
        for k in 0..3 {
            let overall = json[field][k].as_u64().expect("a whole number");
            let lowest = per_class.iter().map(|q| q[k]).min().expect("a class");
            let highest = per_class.iter().map(|q| q[k]).max().expect("a class");
            assert!(lowest <= overall && overall <= highest, "{field}[{k}] {overall} outside {lowest}..={highest}");
        }
    }
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

/// Issue 19, defect 4: a million threads took 20 s to start before the first game; now the number is
/// bounded like `--runs`, refused at once with exit 2.
#[test]
fn sweep_threads_are_bounded() {
    cli(["sweep", "tutorial-river-dispute", "--runs", "2", "--threads", "1000000"])
        .expect_code(2)
        .stderr_has("error: invalid value '1000000' for '--threads <THREADS>': 1000000 is not in 0..=256\n");
    cli(["sweep", "tutorial-river-dispute", "--runs", "2", "--threads", "-1"])
        .expect_code(2)
        .stderr_has("unexpected argument '-1'");
    // The most allowed, for two games: no more threads start than there are games.
    let out = cli(["sweep", "tutorial-river-dispute", "--runs", "2", "--threads", "256", "--format", "csv"]);
    assert!(out.expect_code(0).stdout().starts_with("section,key,value,low,high\ngames,runs,2,,\n"));
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

    // Two best-response parties, 200 games: the deal in 111 of them (exact, seeds 1–200; none before a
    // best-response party consented or signed first). Not every time: the deal needs the dispute to
    // ripen (the dry summer's hurt, a way out of 50), and mediation before that rarely succeeds.
    let overrides =
        BTreeMap::from([("doravia".into(), BotPolicy::BestResponse), ("kessland".into(), BotPolicy::BestResponse)]);
    let p = policies(&s, Policy::Bots, &overrides);
    let results = sweep(&s, &p, 200, 1, 1, &|_| {}).expect("a pool");
    let deals = results.iter().filter(|r| r.outcome == "shared-river" || r.outcome == "deal-at-a-cost").count();
    assert_eq!(deals, 111);
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
