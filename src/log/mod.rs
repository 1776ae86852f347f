//! The turn log (being written).
