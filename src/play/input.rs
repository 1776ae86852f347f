//! The room's input, a line at a time, bounded: a line is at most [`MAX_LINE_BYTES`] and must be UTF-8.
//! `BufRead::read_line` would read `/dev/zero` until a gigabyte allocation aborts, and it reports a
//! non-UTF-8 line as an error the menus took for the end of input, dropping the turn's orders.

use std::io::{BufRead, Read};

/// A command or an answer is a few dozen characters; 64 KiB is far beyond any a person types or a
/// script writes, and small enough to hold whatever the input is.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// One line of input, or why it cannot be taken.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The line, trimmed.
    Text(String),
    /// The input has ended.
    End,
    /// A line that is not text or too long, with the reason in words ("line 3 of the input is …").
    Refused { reason: String, too_long: bool },
}

/// Numbered lines of a reader.
pub struct Input<'a> {
    reader: &'a mut dyn BufRead,
    /// The number of the last line read.
    number: usize,
}

impl<'a> Input<'a> {
    pub fn new(reader: &'a mut dyn BufRead) -> Self {
        Input { reader, number: 0 }
    }

    /// The next line, never more than [`MAX_LINE_BYTES`] of it read.
    pub fn next_line(&mut self) -> std::io::Result<Line> {
        let mut bytes = Vec::new();
        // One byte more than the limit, so a line of exactly the limit and its line break fit.
        let read = (&mut *self.reader).take(MAX_LINE_BYTES as u64 + 1).read_until(b'\n', &mut bytes)?;
        if read == 0 {
            return Ok(Line::End);
        }
        self.number += 1;
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        } else if bytes.len() > MAX_LINE_BYTES {
            let reason = format!("line {} of the input is longer than {} KiB", self.number, MAX_LINE_BYTES / 1024);
            return Ok(Line::Refused { reason, too_long: true });
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Line::Text(text.trim().to_string())),
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let column = String::from_utf8_lossy(valid).chars().count() + 1;
                let reason =
                    format!("line {} of the input is not UTF-8 text (an invalid byte at column {column})", self.number);
                Ok(Line::Refused { reason, too_long: false })
            }
        }
    }

    /// Drops what is left of a line refused as too long, up to its line break, holding none of it:
    /// the next line read is the one after it. Only for a person's input (a terminal), whose lines end.
    pub fn skip_rest_of_line(&mut self) -> std::io::Result<()> {
        loop {
            let buffer = self.reader.fill_buf()?;
            if buffer.is_empty() {
                return Ok(());
            }
            match buffer.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.reader.consume(i + 1);
                    return Ok(());
                }
                None => {
                    let n = buffer.len();
                    self.reader.consume(n);
                }
            }
        }
    }
}

/// Why a session stopped before the end of its input or its game.
#[derive(Debug)]
pub enum Stopped {
    /// A completed turn could not be saved to the log.
    Log(std::io::Error),
    /// The input could not be read.
    Read(std::io::Error),
    /// A scripted line that cannot be taken (not UTF-8, too long): playing on without it would play
    /// the turn without an order the script meant to give.
    Refused(String),
}

impl From<std::io::Error> for Stopped {
    fn from(e: std::io::Error) -> Self {
        Stopped::Log(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<Line> {
        let mut reader = std::io::Cursor::new(bytes.to_vec());
        let mut input = Input::new(&mut reader);
        let mut out = Vec::new();
        loop {
            match input.next_line().expect("a cursor reads") {
                Line::End => return out,
                Line::Refused { too_long: true, reason } => {
                    input.skip_rest_of_line().expect("a cursor reads");
                    out.push(Line::Refused { reason, too_long: true });
                }
                line => out.push(line),
            }
        }
    }

    #[test]
    fn lines_are_numbered_trimmed_and_refused_with_their_reason() {
        let mut bytes = b"  play \nord\xe9r\n".to_vec();
        bytes.extend(vec![b'x'; MAX_LINE_BYTES + 1]);
        bytes.extend_from_slice(b"\nstop");
        assert_eq!(
            lines(&bytes),
            [
                Line::Text("play".into()),
                Line::Refused {
                    reason: "line 2 of the input is not UTF-8 text (an invalid byte at column 4)".into(),
                    too_long: false
                },
                Line::Refused { reason: "line 3 of the input is longer than 64 KiB".into(), too_long: true },
                Line::Text("stop".into()),
            ]
        );
        // A line of exactly the limit is taken.
        let mut exact = vec![b'y'; MAX_LINE_BYTES];
        exact.push(b'\n');
        assert_eq!(lines(&exact), [Line::Text("y".repeat(MAX_LINE_BYTES))]);
    }
}
