//! Turning `ron`'s errors into messages a facilitator can act on.

use ron::error::{Error, SpannedError};

use crate::diagnostics::{Diagnostic, SourceFile, did_you_mean};

/// Where a decimal number sits when `offset` is its point (`3.5` read as `3` then `.`): its byte range.
fn decimal_at(source: &SourceFile, offset: usize) -> Option<(usize, usize)> {
    let bytes = source.text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    if bytes.get(offset) != Some(&b'.') || offset == 0 || !digit(offset - 1) || !digit(offset + 1) {
        return None;
    }
    let from = (0..offset).rev().take_while(|&i| digit(i) || bytes[i] == b'-').last()?;
    let to = (offset + 1..bytes.len()).find(|&i| !digit(i)).unwrap_or(bytes.len());
    Some((from, to))
}

/// "this field takes whole numbers: write `3` or `4`" for `3.5`.
fn whole_numbers_near(number: &str) -> String {
    match number.parse::<f64>() {
        Ok(x) => format!("this field takes whole numbers: write `{}` or `{}`", x.floor(), x.ceil()),
        Err(_) => "this field takes whole numbers: leave out the decimal part".into(),
    }
}

pub fn describe_ron_error(source: &SourceFile, e: &SpannedError) -> Diagnostic {
    let start = source.offset(e.span.start.line, e.span.start.col);
    let end = source.offset(e.span.end.line, e.span.end.col).max(start);
    // Zero-width spans (a missing field) still get a visible mark.
    let span = (start, end);
    let in_outer = |outer: &Option<String>| outer.as_ref().map(|o| format!(" in `{o}`")).unwrap_or_default();
    match &e.code {
        Error::MissingStructField { field, outer } => {
            Diagnostic::error("missing-field", format!("missing field `{field}`{}", in_outer(outer)), span)
                .label("the closing bracket of the incomplete item")
                .help(format!("add `{field}: ...` (every field is described in docs/scenario-format.md)"))
        }
        Error::NoSuchStructField { expected, found, outer } => {
            let hint = match did_you_mean(found, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the fields here are: {}", expected.join(", ")),
            };
            Diagnostic::error("unknown-field", format!("unknown field `{found}`{}", in_outer(outer)), span)
                .label("not a field of this item")
                .help(hint)
        }
        Error::DuplicateStructField { field, outer } => {
            Diagnostic::error("duplicate-field", format!("field `{field}` is given twice{}", in_outer(outer)), span)
                .label("second time")
                .help("keep one of the two")
        }
        Error::NoSuchEnumVariant { expected, found, outer } => {
            let what = outer.as_deref().unwrap_or("value");
            let hint = match did_you_mean(found, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("choose one of: {}", expected.join(", ")),
            };
            Diagnostic::error("unknown-variant", format!("`{found}` is not a valid {what}"), span)
                .label("unknown name")
                .help(hint)
        }
        Error::InvalidValueForType { expected, found } => {
            Diagnostic::error("wrong-type", format!("expected {expected}, found {found}"), span)
                .label("wrong kind of value")
                .help("see docs/scenario-format.md for the type of each field")
        }
        Error::ExpectedDifferentLength { expected, found } => Diagnostic::error(
            "wrong-length",
            format!("expected {expected}, found {found} element{}", if *found == 1 { "" } else { "s" }),
            span,
        )
        .label("wrong number of values")
        .help("check how many values this field takes in docs/scenario-format.md; pairs are `(first side, second side)`"),
        Error::ExpectedInteger
        | Error::ExpectedFloat
        | Error::ExpectedString
        | Error::ExpectedBoolean
        | Error::ExpectedArray
        | Error::ExpectedMap
        | Error::ExpectedStructLike
        | Error::ExpectedNamedStructLike(_)
        | Error::ExpectedUnit
        | Error::ExpectedIdentifier
        | Error::ExpectedChar => {
            let wanted = match &e.code {
                Error::ExpectedInteger => "a whole number".to_string(),
                Error::ExpectedFloat => "a number".to_string(),
                Error::ExpectedString => "text in double quotes".to_string(),
                Error::ExpectedBoolean => "`true` or `false`".to_string(),
                Error::ExpectedArray => "a list in square brackets `[...]`".to_string(),
                Error::ExpectedMap => "a map in braces `{...}`".to_string(),
                Error::ExpectedNamedStructLike(name) => format!("`{name}(...)` or `(...)`"),
                Error::ExpectedStructLike | Error::ExpectedUnit => "a bracketed item `(...)`".to_string(),
                Error::ExpectedChar => "a character in single quotes".to_string(),
                _ => "a name".to_string(),
            };
            Diagnostic::error("wrong-type", format!("expected {wanted} here"), span)
                .label("wrong kind of value")
                .help("see docs/scenario-format.md for the type of each field")
        }
        Error::IntegerOutOfBounds => Diagnostic::error("out-of-range", "this number is too large or negative for this field", span)
            .label("out of range")
            .help("counts are whole numbers from 0 up, turns from 1"),
        Error::ExceededRecursionLimit => {
            Diagnostic::error("too-deep", "brackets are nested too deeply", span)
                .label("here")
                .help("a scenario never nests that deep: look for brackets opened but never closed")
        }
        Error::Eof => Diagnostic::error("unexpected-end", "the file ends in the middle of a value", span)
            .label("the file ends here")
            .help("a value or a closing bracket is missing: check that every `(`, `[` and `{` is closed"),
        Error::TrailingCharacters => {
            Diagnostic::error("trailing-text", "unexpected text after the end of the file's contents", span)
                .label("the scenario already ended")
                .help("remove this text, or check for a bracket closed too early above")
        }
        Error::ExpectedComma => match decimal_at(source, start) {
            // ron reads a whole number up to the point and then finds `.5` where a comma should be.
            Some((from, to)) => {
                let number = &source.text[from..to];
                Diagnostic::error("wrong-type", format!("expected a whole number here, found the decimal `{number}`"), (from, to))
                    .label("a whole number is needed")
                    .help(whole_numbers_near(number))
            }
            None => Diagnostic::error("expected-comma", "expected a comma or a closing bracket", span)
                .label("here")
                .help("separate items with `,`: check for a missing comma at the end of the previous item, or a string whose closing `\"` is missing"),
        },
        Error::ExpectedStringEnd => Diagnostic::error("unclosed-string", "a string is never closed", span)
            .label("string starts here")
            .help("add the closing `\"`"),
        Error::ExpectedDifferentStructName { expected, found } => {
            Diagnostic::error("wrong-name", format!("expected `{expected}` here, found `{found}`"), span)
                .label("wrong name")
                .help(format!("write `{expected}(...)`, or leave the name out: `(...)`"))
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            let message = match chars.next() {
                Some(c) => c.to_lowercase().chain(chars).collect(),
                None => text,
            };
            Diagnostic::error("syntax", message, span)
                .label("here")
                .help("see docs/scenario-format.md for the syntax of each field")
        }
    }
}
