//! Writing to standard output without panicking when the reader goes away (`good-offices brief | head`).

use std::io::Write;

/// Writes `text` to stdout; a closed pipe is not an error worth reporting.
pub fn print_out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// `println!` through [`print_out`].
macro_rules! println_out {
    ($($arg:tt)*) => {
        $crate::cli::output::print_out(&format!("{}\n", format_args!($($arg)*)))
    };
}
pub(crate) use println_out;
