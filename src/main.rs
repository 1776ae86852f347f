//! Thin entry point: everything happens in `good_offices::cli::run`.

fn main() -> std::process::ExitCode {
    good_offices::cli::run(std::env::args_os())
}
