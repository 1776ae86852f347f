//! Seeded, counter-based random sub-streams.
//!
//! Every roll comes from a fresh ChaCha8 generator keyed by `(seed, turn, actor, order, purpose)`, so
//! one actor's dice do not depend on what anybody else did: in a what-if branch, an unchanged decision
//! meets the same luck. ChaCha8 output is the same on every platform.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: a stable hash for keys and content (not for security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_more(FNV_OFFSET, bytes)
}

/// Continues an FNV-1a hash over more bytes.
pub fn fnv1a_more(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A generator for one purpose of one order (or one dyad's dynamics) in one turn.
pub fn stream(seed: u64, turn: u32, who: &str, index: u32, purpose: &str) -> ChaCha8Rng {
    // The key is the text `who␟index␟purpose`, hashed as it is fed in (no string is built: a turn
    // draws dozens of streams).
    let mut digits = [0u8; 10];
    let mut n = index;
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let key = [who.as_bytes(), b"\x1f", &digits[start..], b"\x1f", purpose.as_bytes()]
        .iter()
        .fold(FNV_OFFSET, |h, part| fnv1a_more(h, part));
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..12].copy_from_slice(&turn.to_le_bytes());
    bytes[16..24].copy_from_slice(&key.to_le_bytes());
    bytes[24..32].copy_from_slice(&fnv1a_more(key, b"#2").to_le_bytes());
    ChaCha8Rng::from_seed(bytes)
}

/// A uniform roll in [0, 1) with 53 bits, computed the same way everywhere.
pub fn roll(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// Rounds to 4 decimals, so logged probabilities and rolls read cleanly and compare exactly.
pub fn round4(x: f64) -> f64 {
    round(x * 10_000.0) / 10_000.0
}

/// `x.round()` (halves away from zero), to the bit, without calling the C library: the x86-64
/// baseline has no rounding instruction, so `f64::round` is a library call, and a turn rounds dozens of
/// rolls, shifts and values.
pub fn round(x: f64) -> f64 {
    // From 2^52 on every double is whole (and NaN and the infinities stay as they are).
    if x.is_nan() || x.abs() >= 4_503_599_627_370_496.0 {
        return x;
    }
    // Truncation toward zero is exact in this range, and so is the fractional part.
    let whole = x as i64 as f64;
    let fraction = x - whole;
    let rounded = if fraction >= 0.5 {
        whole + 1.0
    } else if fraction <= -0.5 {
        whole - 1.0
    } else {
        whole
    };
    // -0.3 rounds to -0, as `f64::round` has it.
    rounded.copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_is_f64_round_to_the_bit() {
        let cases = [
            0.0,
            -0.0,
            0.3,
            -0.3,
            0.5,
            -0.5,
            1.5,
            -2.5,
            0.499_999_999_999_999_94,
            -0.499_999_999_999_999_94,
            4_503_599_627_370_495.5,
            -4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            1e300,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for x in cases {
            assert_eq!(round(x).to_bits(), x.round().to_bits(), "{x:e}");
        }
        assert!(round(f64::NAN).is_nan());
        // And a million values spread over every magnitude and sign.
        let mut rng = stream(1, 1, "round", 0, "test");
        for _ in 0..1_000_000 {
            let bits = rng.next_u64();
            let x = f64::from_bits(bits);
            let y = (roll(&mut rng) - 0.5) * 2e6;
            for v in [x, y] {
                if !v.is_nan() {
                    assert_eq!(round(v).to_bits(), v.round().to_bits(), "{v:e}");
                }
            }
        }
    }

    #[test]
    fn streams_are_stable_and_independent() {
        let a = roll(&mut stream(7, 3, "indonesia", 0, "mediation"));
        assert_eq!(a, roll(&mut stream(7, 3, "indonesia", 0, "mediation")));
        assert_ne!(a, roll(&mut stream(7, 3, "indonesia", 1, "mediation")));
        assert_ne!(a, roll(&mut stream(8, 3, "indonesia", 0, "mediation")));
        assert!((0.0..1.0).contains(&a));
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        // The key is hashed as the text `who␟index␟purpose` always was.
        let key = "indonesia\u{1f}12\u{1f}mediation";
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&7u64.to_le_bytes());
        bytes[8..12].copy_from_slice(&3u32.to_le_bytes());
        bytes[16..24].copy_from_slice(&fnv1a(key.as_bytes()).to_le_bytes());
        bytes[24..32].copy_from_slice(&fnv1a(&[key.as_bytes(), b"#2"].concat()).to_le_bytes());
        assert_eq!(roll(&mut ChaCha8Rng::from_seed(bytes)), roll(&mut stream(7, 3, "indonesia", 12, "mediation")));
    }
}
