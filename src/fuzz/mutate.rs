//! The mutator: a few cheap, blind edits of a seed's bytes, driven by one seeded generator so a run
//! is repeated exactly by its `--seed`.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A mutated input is cut to this size: the loaders cap their files far above it, and a fuzzer finds
/// more in many small inputs than in a few growing ones.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// Numbers that sit at or past the edge of what a field can hold, in the spellings RON accepts.
pub const EXTREME_NUMBERS: &[&str] = &[
    "NaN",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "1e-320",
    "-1",
    "0",
    "-0.0",
    "18446744073709551615",
    "18446744073709551616",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
];

/// Bytes that end or change a token: they reach parser branches a random byte rarely does.
const INTERESTING_BYTES: &[u8] = b"\0\n\r\t \"'\\()[]{},:#/-+.0123456789eE_\xff\xc3";

pub struct Mutator {
    rng: ChaCha8Rng,
}

impl Mutator {
    pub fn new(seed: u64) -> Mutator {
        Mutator { rng: ChaCha8Rng::seed_from_u64(seed) }
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.rng.next_u64() % n.max(1) as u64) as usize
    }

    /// True once in `n` times.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One to four edits of `input`; `partner` (another seed of the same kind) is what a splice
    /// takes its slice from.
    pub fn mutate(&mut self, input: &[u8], partner: &[u8]) -> Vec<u8> {
        let mut out = input.to_vec();
        for _ in 0..1 + self.below(4) {
            self.edit_once(&mut out, partner);
        }
        out.truncate(MAX_INPUT_BYTES);
        out
    }

    fn edit_once(&mut self, out: &mut Vec<u8>, partner: &[u8]) {
        match self.below(9) {
            0 => self.flip_bit(out),
            1 => self.set_interesting_byte(out),
            2 => self.insert_slice(out),
            3 => self.delete_slice(out),
            4 => self.duplicate_slice(out),
            5 => self.splice(out, partner),
            6 | 7 => self.replace_number(out),
            _ => self.truncate(out),
        }
    }

    fn flip_bit(&mut self, out: &mut [u8]) {
        if !out.is_empty() {
            let at = self.below(out.len());
            out[at] ^= 1 << self.below(8);
        }
    }

    fn set_interesting_byte(&mut self, out: &mut [u8]) {
        if !out.is_empty() {
            let at = self.below(out.len());
            out[at] = INTERESTING_BYTES[self.below(INTERESTING_BYTES.len())];
        }
    }

    /// A random range of `out`, mostly short: a token or a line, now and then a large block.
    fn range(&mut self, len: usize) -> (usize, usize) {
        let start = self.below(len + 1);
        let longest = if self.one_in(8) { len - start } else { 64.min(len - start) };
        (start, start + self.below(longest + 1))
    }

    /// Inserts a copy of a slice of the input somewhere else in it.
    fn insert_slice(&mut self, out: &mut Vec<u8>) {
        let (a, b) = self.range(out.len());
        let slice = out[a..b].to_vec();
        let at = self.below(out.len() + 1);
        out.splice(at..at, slice);
    }

    fn delete_slice(&mut self, out: &mut Vec<u8>) {
        let (a, b) = self.range(out.len());
        out.drain(a..b);
    }

    /// Repeats a slice in place, a few times or many: long lists and deep nesting.
    fn duplicate_slice(&mut self, out: &mut Vec<u8>) {
        let (a, b) = self.range(out.len());
        let times = if self.one_in(8) { 100 } else { 1 + self.below(3) };
        let slice = out[a..b].repeat(times);
        out.splice(b..b, slice);
    }

    /// Replaces a slice of the input with a slice of another seed of the same kind.
    fn splice(&mut self, out: &mut Vec<u8>, partner: &[u8]) {
        let (a, b) = self.range(out.len());
        let (c, d) = self.range(partner.len());
        out.splice(a..b, partner[c..d].iter().copied());
    }

    /// Replaces the first number at or after a random place with an extreme value.
    fn replace_number(&mut self, out: &mut Vec<u8>) {
        let from = self.below(out.len() + 1);
        let Some(start) = out[from..].iter().position(u8::is_ascii_digit).map(|i| from + i) else { return };
        let start = if start > 0 && out[start - 1] == b'-' { start - 1 } else { start };
        let end = out[start + 1..]
            .iter()
            .position(|c| !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'-' | b'+' | b'_')))
            .map_or(out.len(), |i| start + 1 + i);
        let value = EXTREME_NUMBERS[self.below(EXTREME_NUMBERS.len())];
        out.splice(start..end, value.bytes());
    }

    fn truncate(&mut self, out: &mut Vec<u8>) {
        let at = self.below(out.len() + 1);
        out.truncate(at);
    }
}
