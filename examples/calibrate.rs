//! Reproduces the calibration table of docs/rules.md §6: plays named experiments on a built-in
//! scenario and prints outcome shares (Wilson 95% intervals), deaths by outcome and the toll.
//!
//! `cargo run --release --example calibrate -- SCENARIO EXPERIMENT[,EXPERIMENT…] [RUNS] [FIRST_SEED]`
//! (`list` as the experiment prints them all; the defaults are 1,000 runs from seed 0). With
//! `SHARE=<outcome id>`, one line per experiment: that outcome's share. With `TRACE=<seed>`, one
//! game of one experiment, turn by turn.

use good_offices::calibration::{Report, experiment, experiments};
use good_offices::scenario::builtin::find;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let id = args.get(1).map_or("kenya-2008", String::as_str);
    let names = args.get(2).map_or("historical", String::as_str);
    let runs: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let first: u64 = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(0);
    if names == "list" {
        for e in experiments() {
            println!("{:28} {}", e.name, e.about);
        }
        return;
    }
    let scenario = find(id).expect("a built-in scenario id").load().expect("a valid scenario").scenario;
    if let Ok(seed) = std::env::var("TRACE") {
        let e = experiment(names).expect("one experiment to trace");
        let seed = seed.parse().expect("TRACE=<seed>");
        for line in e.trace(&scenario, seed) {
            println!("{line}");
        }
        return;
    }
    for name in names.split(',') {
        let e = experiment(name).unwrap_or_else(|| panic!("no experiment `{name}`: try `list`"));
        let report = Report::of(&scenario, &e.run(&scenario, first, runs));
        if let Ok(outcome) = std::env::var("SHARE") {
            let i = report.share(&outcome);
            println!(
                "{name:28} {outcome} {:5.1}% [{:4.1}–{:4.1}]  deaths median {}",
                i.share * 100.0,
                i.low * 100.0,
                i.high * 100.0,
                report.deaths[1]
            );
            continue;
        }
        println!("{id} {name} ({runs} runs, seeds {first}–{}): {}", first + runs - 1, e.about);
        for (outcome, share) in report.outcomes.iter().filter(|(_, i)| i.share > 0.0) {
            let deaths = report.deaths_by_outcome.get(outcome).copied().unwrap_or_default();
            println!(
                "  {outcome:40} {:5.1}% [{:4.1}–{:4.1}]  deaths p10/p50/p90 {}/{}/{}",
                share.share * 100.0,
                share.low * 100.0,
                share.high * 100.0,
                deaths[0],
                deaths[1],
                deaths[2]
            );
        }
        println!(
            "  deaths p10/p50/p90 {}/{}/{}; displaced {}/{}/{}; escalated {:.1}%; state readings at a bound {:.1}%",
            report.deaths[0],
            report.deaths[1],
            report.deaths[2],
            report.displaced[0],
            report.displaced[1],
            report.displaced[2],
            report.escalated.share * 100.0,
            report.at_a_bound * 100.0
        );
    }
}
