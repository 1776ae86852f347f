//! Hash maps and sets for the engine's hot paths: a fixed, fast hash (foldhash) instead of the
//! standard library's SipHash, which guards against hash flooding from untrusted keys — our keys are a
//! scenario's own ids. They are only looked up, never iterated where order matters, so a fixed hash
//! keeps games deterministic.

pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub type FastSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;
