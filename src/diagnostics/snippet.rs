//! One diagnostic as annotate-snippets' input: the title, the place, the line with the offending
//! text marked, the fix. The renderer panics on a mark past its text or inside a character, so every
//! mark is clamped to its line and to character boundaries here.

use annotate_snippets::renderer::DEFAULT_TERM_WIDTH;
use annotate_snippets::{Annotation, AnnotationKind, Group, Level, Origin, Snippet};

use super::{Diagnostic, Severity, SourceFile};

/// Characters of a mark, and of the line after it, given to the renderer. The renderer cuts a long
/// line to its width around the mark itself, but reads all of the text it is given for every
/// diagnostic: a one-line file of megabytes would cost that much fifty times over. Twice the width,
/// so the cut the reader sees is always the renderer's own (with its `...`). The text before the mark
/// is given whole: the renderer counts the column it prints from the line's start.
const CHARS_AFTER_MARK: usize = 2 * DEFAULT_TERM_WIDTH;

pub(super) fn group<'a>(src: &'a SourceFile, d: &'a Diagnostic) -> Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let group = Group::with_title(level.primary_title(d.message.as_str()).id(d.code));
    let group = if src.text.is_empty() {
        // Nothing was read (no such file, too large, unreadable): the place alone, no empty line to mark.
        let (line, col) = src.line_col(d.start);
        group.element(Origin::path(src.name.as_str()).line(line).char_column(col))
    } else {
        group.element(marked_line(src, d))
    };
    match &d.help {
        Some(help) => group.element(Level::HELP.message(help.as_str())),
        None => group,
    }
}

/// The line where the diagnostic starts, with its text marked. A span over several lines is marked
/// on its first only: the start is what the message is about, and one line a diagnostic keeps fifty
/// of them readable.
fn marked_line<'a>(src: &'a SourceFile, d: &'a Diagnostic) -> Snippet<'a, Annotation<'a>> {
    let (line, _) = src.line_col(d.start);
    let range = src.line_range(line);
    let text = &src.text[range.clone()];
    let within = |offset: usize| offset.clamp(range.start, range.end) - range.start;
    let start = text.floor_char_boundary(within(d.start));
    let mut end = text.ceil_char_boundary(within(d.end).max(start));
    if end == start {
        // A zero-width span (where a missing field would go) marks the character there, so its label
        // has a caret to hang on; at the end of the line the renderer marks the place after it.
        end = text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
    }
    let end = end.min(chars_after(text, start));
    let label = Some(d.label.as_str()).filter(|l| !l.is_empty());
    Snippet::source(&text[..chars_after(text, end)])
        .path(src.name.as_str())
        .line_start(line)
        .annotation(AnnotationKind::Primary.span(start..end).label(label))
}

/// The byte offset [`CHARS_AFTER_MARK`] characters after `from`, or the end of the text.
fn chars_after(text: &str, from: usize) -> usize {
    text[from..].char_indices().nth(CHARS_AFTER_MARK).map_or(text.len(), |(i, _)| from + i)
}
