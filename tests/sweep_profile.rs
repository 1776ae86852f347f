//! `sweep --profile` (issue 18): turn by turn, the spread across games of the deaths and of each
//! dispute's stage and way out, as a table, CSV, JSON and an HTML page of fan charts.

use std::collections::BTreeMap;

use good_offices::sweep::{Policy, QUANTILES, policies, profile, sweep, sweep_traced};

use crate::support::{built_in, good_offices, scratch_dir};

/// The tutorial, 50 games from seed 1 with the scenario's own bots: every game lasts its 6 turns.
const TUTORIAL_50: &str = "\
turn,in_play,figure,dispute,p10,p25,p50,p75,p90
0,50,deaths,,0,0,0,0,0
0,50,stage,mirra,3,3,3,3,3
0,50,way_out,mirra,15.0,15.0,15.0,15.0,15.0
1,50,deaths,,0,0,0,0,3
1,50,stage,mirra,2,2,3,3,3
1,50,way_out,mirra,15.0,15.0,15.0,26.0,26.0
2,50,deaths,,0,0,0,0,3
2,50,stage,mirra,1,2,3,3,3
2,50,way_out,mirra,15.0,15.0,15.0,26.0,26.0
3,50,deaths,,0,0,0,0,3
3,50,stage,mirra,1,2,2,3,3
3,50,way_out,mirra,15.0,15.0,26.0,26.0,26.0
4,50,deaths,,0,0,0,0,3
4,50,stage,mirra,1,1,2,2,3
4,50,way_out,mirra,35.0,46.0,46.0,57.0,57.0
5,50,deaths,,0,0,0,1,3
5,50,stage,mirra,1,1,1,2,3
5,50,way_out,mirra,35.0,46.0,57.0,57.0,57.0
6,50,deaths,,0,0,0,1,3
6,50,stage,mirra,1,1,1,2,2
6,50,way_out,mirra,46.0,46.0,57.0,57.0,68.0
";

#[test]
fn the_profile_of_a_seeded_sweep_has_exact_figures_whatever_the_threads() {
    let one = good_offices(["sweep", "tutorial-river-dispute", "--runs", "50", "--profile", "--format", "csv"])
        .expect_code(0);
    assert_eq!(one.stdout(), TUTORIAL_50);
    let two = good_offices([
        "sweep",
        "tutorial-river-dispute",
        "--runs",
        "50",
        "--profile",
        "--format",
        "csv",
        "--threads",
        "2",
    ])
    .expect_code(0);
    assert_eq!(two.stdout(), TUTORIAL_50);
}

#[test]
fn the_profile_table_shows_each_figure_turn_by_turn() {
    let out = good_offices(["sweep", "tutorial-river-dispute", "--runs", "50", "--profile"]).expect_code(0);
    let stdout = out.stdout();
    assert!(stdout.starts_with("tutorial-river-dispute: profile of 50 games from seed 1\n"), "{stdout}");
    let stage = "\
The Mirra water dispute (`mirra`): Glasl stage (1–9)
  turn   in play  p10  p25  p50  p75  p90
  start       50    3    3    3    3    3
  1           50    2    2    3    3    3
  2           50    1    2    3    3    3
  3           50    1    2    2    3    3
  4           50    1    1    2    2    3
  5           50    1    1    1    2    3
  6           50    1    1    1    2    2
";
    assert!(stdout.contains(stage), "{stdout}");
    assert!(stdout.contains("  6           50  46.0  46.0  57.0  57.0  68.0\n"), "{stdout}");
}

#[test]
fn the_profile_json_holds_every_turn_and_quantile() {
    let out = good_offices(["sweep", "tutorial-river-dispute", "--runs", "50", "--profile", "--format", "json"])
        .expect_code(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout()).expect("valid JSON");
    assert_eq!(json["quantiles"], serde_json::json!([10, 25, 50, 75, 90]));
    assert_eq!(json["disputes"], serde_json::json!([["mirra", "The Mirra water dispute"]]));
    assert_eq!(json["turns"].as_array().map(Vec::len), Some(7));
    assert_eq!(
        json["turns"][6],
        serde_json::json!({
            "turn": 6, "in_play": 50, "deaths": [0, 0, 0, 1, 3],
            "disputes": [{"dispute": "mirra", "stage": [1, 1, 1, 2, 2], "way_out": [46.0, 46.0, 57.0, 57.0, 68.0]}]
        })
    );
}

#[test]
fn the_html_profile_is_one_page_with_a_fan_chart_per_figure() {
    let dir = scratch_dir("sweep-profile-html");
    let args = ["sweep", "tutorial-river-dispute", "--runs", "50", "--profile", "--format", "html", "--out"];
    let out = good_offices(args.iter().copied().chain(["p.html"])).in_dir(&dir).expect_code(0);
    assert_eq!(out.stdout(), "wrote p.html\n");
    let html = std::fs::read_to_string(dir.join("p.html")).expect("the page");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{html}");
    assert!(html.ends_with("</body>\n</html>\n"));
    assert!(html.contains("<title>Trouble on the Mirra (tutorial): profile of 50 games</title>"));
    // The deaths, the stage and the way out: a chart each, inline, with its legend.
    assert_eq!(html.matches("<figure>\n<svg").count(), 3, "{html}");
    assert_eq!(html.matches("</svg>").count(), 3);
    assert_eq!(html.matches("four games in five (10th to 90th percentile)").count(), 3);
    assert!(html.contains("<h2>The Mirra water dispute (<code>mirra</code>): Glasl stage (1–9)</h2>"));
    assert!(html.contains("<tr><td>6</td><td class=\"num\">50</td><td class=\"num\">46.0</td>"), "{html}");
    assert!(!html.contains("<script"), "a page with no script");
    // The same seed gives the same page, byte for byte.
    good_offices(args.iter().copied().chain(["again.html"])).in_dir(&dir).expect_code(0);
    assert_eq!(std::fs::read_to_string(dir.join("again.html")).expect("the page"), html);
}

#[test]
fn html_without_profile_and_a_profile_too_big_for_memory_are_refused() {
    good_offices(["sweep", "tutorial-river-dispute", "--runs", "5", "--format", "html"]).expect_code(2).stderr_has(
        "error: `--format html` draws the profile's fan charts: add `--profile`, or choose `--format table`, `csv` or \
         `json` for the summary\n",
    );
    let dir = scratch_dir("sweep-profile-big");
    let long = crate::support::base_scenario().replace("turns: 6,", "turns: 100,");
    std::fs::write(dir.join("long.ron"), long).expect("write");
    let out = good_offices(["sweep", "long.ron", "--runs", "1000000", "--profile"]).in_dir(&dir).expect_code(2);
    assert_eq!(
        out.stderr(),
        "error: `--profile` keeps every game's figures turn by turn, and 1,000,000 games of `base-scenario` (100 \
         turns, 1 dispute) would need more than 256 MiB; profile at most 244,032 games (the quantiles of that many \
         are as good for a chart)\n"
    );
}

#[test]
fn the_last_turn_of_a_profile_is_the_spread_of_how_the_games_ended() {
    let s = built_in("kenya-2008");
    let seats = policies(&s, Policy::Bots, &BTreeMap::new());
    let games = sweep_traced(&s, &seats, 200, 1, 1, &|_| {}).expect("a pool");
    // Traced games are the same games as a plain sweep's.
    let plain = sweep(&s, &seats, 200, 1, 2, &|_| {}).expect("a pool");
    assert!(games.iter().map(|(r, _)| r).eq(plain.iter()));
    let p = profile(&s, 1, &seats, &games);
    let last = p.turns.last().expect("turns");
    let mut deaths: Vec<u64> = plain.iter().map(|r| r.deaths).collect();
    deaths.sort_unstable();
    let nearest = |q: u32| deaths[(q as usize * deaths.len()).div_ceil(100) - 1];
    assert_eq!(last.deaths, QUANTILES.map(nearest));
    // Games that ended early stop being in play, and the counts only fall.
    let in_play: Vec<usize> = p.turns.iter().map(|t| t.in_play).collect();
    assert_eq!(in_play.first(), Some(&200));
    assert!(in_play.windows(2).all(|w| w[1] <= w[0]), "{in_play:?}");
    assert_eq!(*in_play.last().expect("turns"), plain.iter().filter(|r| r.turns == last.turn).count());
    assert!(*in_play.last().expect("turns") < 200, "some Kenya games end early: {in_play:?}");
    // Every row's quantiles are in order.
    for t in &p.turns {
        assert!(t.deaths.windows(2).all(|w| w[0] <= w[1]));
        for d in &t.disputes {
            assert!(d.stage.windows(2).all(|w| w[0] <= w[1]) && d.way_out.windows(2).all(|w| w[0] <= w[1]));
        }
    }
}
