//! Scenarios shipped inside the binary, so a workshop needs nothing but the executable.

use super::{Loaded, load_str};
use crate::diagnostics::Report;

/// A built-in scenario: its id and its RON text, named as in the source tree for diagnostics.
#[derive(Debug, Clone, Copy)]
pub struct BuiltIn {
    pub id: &'static str,
    pub file: &'static str,
    pub text: &'static str,
}

macro_rules! builtin {
    ($id:literal) => {
        BuiltIn {
            id: $id,
            file: concat!("scenarios/", $id, ".ron"),
            text: include_str!(concat!("../../scenarios/", $id, ".ron")),
        }
    };
}

pub const BUILT_INS: &[BuiltIn] = &[
    builtin!("tutorial-river-dispute"),
    builtin!("cambodia-thailand-2011"),
    builtin!("kenya-2008"),
    builtin!("uniting-for-peace-drill"),
    builtin!("liberia-2003"),
];

pub fn find(id: &str) -> Option<&'static BuiltIn> {
    BUILT_INS.iter().find(|b| b.id == id)
}

impl BuiltIn {
    pub fn load(&self) -> Result<Loaded, Report> {
        load_str(self.file, self.text)
    }
}
