//! Scenarios: the file format, loading with located diagnostics, semantic validation, built-ins.

pub mod builtin;
mod id_index;
mod load;
pub mod lookup;
pub mod schema;
pub mod spans;
mod syntax;
pub mod synthetic;
pub use syntax::describe_ron_error;
pub mod validate;

pub use load::{LoadError, Loaded, MAX_SCENARIO_BYTES, load_bytes, load_path, load_str, ron_options};
pub use schema::*;
