//! What one request, and one link, may ask of the room: the largest body, and how many changes a
//! token may make in a burst and per second. A group taps a few times a minute; a script flooding the
//! room from a stolen or shared link is told to slow down (429) before it can starve the others.

use std::collections::HashMap;
use std::time::Instant;

/// The largest request body: a message of 2,000 characters of 4 bytes each, form-encoded (×3), with
/// room to spare. Larger bodies get 413.
pub const MAX_BODY_BYTES: usize = 32 * 1024;

/// Changes a token may make at once before it must wait.
pub const BURST: f64 = 20.0;

/// Changes a token regains per second.
pub const PER_SECOND: f64 = 2.0;

/// A token bucket per link.
#[derive(Debug, Default)]
pub struct RateLimiter {
    buckets: HashMap<String, (f64, Instant)>,
}

impl RateLimiter {
    /// Takes one change from `key`'s bucket; `false` when it is empty.
    pub fn allow(&mut self, key: &str) -> bool {
        let now = Instant::now();
        let (level, then) = self.buckets.entry(key.to_string()).or_insert((BURST, now));
        *level = (*level + now.duration_since(*then).as_secs_f64() * PER_SECOND).min(BURST);
        *then = now;
        if *level >= 1.0 {
            *level -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_and_the_next_change_is_not() {
        let mut limiter = RateLimiter::default();
        assert!((0..BURST as usize).all(|_| limiter.allow("a")));
        assert!(!limiter.allow("a"));
        assert!(limiter.allow("b"), "another link has its own bucket");
    }
}
