//! The project's fuzzer (docs/fuzzing.md): mutated scenarios, orders files, logs and `play` scripts
//! through the engine's readers, under `catch_unwind`. Runs on stable Rust in any profile that
//! unwinds:
//!
//! ```text
//! cargo run --example fuzz -- --seconds 45                        # the CI smoke (dev profile)
//! cargo run --profile fuzz --example fuzz -- --seconds 3600       # for hours: optimised, still unwinds
//! cargo run --example fuzz -- --target log --seed 9 --runs 100000
//! cargo run --example fuzz -- --target scenario --reproduce target/fuzz-findings/scenario-….ron
//! ```
//!
//! Exits 0 when nothing was found, 1 on a finding (each saved under `--findings`, default
//! `target/fuzz-findings/`), 2 on a usage error.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use good_offices::fuzz::{Config, Corpus, reproduce, run, targets};

const USAGE: &str = "usage: fuzz [--seconds N] [--runs N] [--seed N] [--target scenario|orders|log|play] \
                     [--findings DIR] [--reproduce FILE]";

struct Args {
    seconds: Option<f64>,
    runs: Option<u64>,
    seed: u64,
    target: Option<String>,
    findings: PathBuf,
    reproduce: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        seconds: None,
        runs: None,
        seed: 0,
        target: None,
        findings: PathBuf::from("target/fuzz-findings"),
        reproduce: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|_| format!("{flag}: `{v}` is not a whole number"));
        match flag.as_str() {
            "--seconds" => {
                let v = value()?;
                a.seconds = Some(
                    v.parse().ok().filter(|s: &f64| s.is_finite() && *s >= 0.0).ok_or(format!("--seconds: `{v}`"))?,
                );
            }
            "--runs" => a.runs = Some(number(value()?)?),
            "--seed" => a.seed = number(value()?)?,
            "--target" => a.target = Some(value()?),
            "--findings" => a.findings = PathBuf::from(value()?),
            "--reproduce" => a.reproduce = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(a)
}

fn main() -> ExitCode {
    if cfg!(panic = "abort") {
        eprintln!(
            "error: this build aborts on a panic, so none can be caught: use the dev profile or `--profile fuzz`"
        );
        return ExitCode::from(2);
    }
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut all = targets::all();
    if let Some(name) = &args.target {
        all.retain(|t| t.name() == name);
        if all.is_empty() {
            eprintln!("error: no target `{name}`\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    if let Some(path) = &args.reproduce {
        let [target] = all.as_slice() else {
            eprintln!("error: --reproduce needs --target (the target's name starts the file's name)");
            return ExitCode::from(2);
        };
        let input = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        return match reproduce(&**target, &input) {
            Ok(()) => {
                println!("{}: no finding in target `{}`", path.display(), target.name());
                ExitCode::SUCCESS
            }
            Err(what) => {
                eprintln!("{}: finding in target `{}`: {what}", path.display(), target.name());
                ExitCode::FAILURE
            }
        };
    }
    let corpus = match Corpus::load(std::path::Path::new(".")) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    // Neither budget given: a minute.
    let seconds = args.seconds.or(if args.runs.is_none() { Some(60.0) } else { None });
    let config = Config {
        seed: args.seed,
        time_budget: seconds.map(Duration::from_secs_f64),
        runs: args.runs,
        findings_dir: args.findings,
    };
    let summary = run(&config, &corpus, &all);
    print!("{}", summary.render());
    println!(
        "  seed {}; repeat with: cargo run --example fuzz -- --seed {}{}",
        config.seed,
        config.seed,
        args.target.as_ref().map_or(String::new(), |t| format!(" --target {t}"))
    );
    if summary.findings.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
