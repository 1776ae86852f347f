//! Rendering a sheet as Markdown: what `brief` prints and the `.md` files of `brief --out`.

use super::doc::{Block, Sheet, Span};

/// The sheet as Markdown, blocks separated by blank lines, ending in one newline.
pub fn render(sheet: &Sheet) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in &sheet.blocks {
        let part = match block {
            Block::Heading(level, t) => format!("{} {}", "#".repeat(usize::from((*level).clamp(1, 6))), one_line(t)),
            Block::Para(line) => spans(line),
            Block::Note(line) => format!("*{}*", spans(line)),
            Block::Prose(t) => t.clone(),
            Block::Bullets(items) => items.iter().map(|l| format!("- {}", spans(l))).collect::<Vec<_>>().join("\n"),
            Block::Numbered(items) => {
                items.iter().enumerate().map(|(i, l)| format!("{}. {}", i + 1, spans(l))).collect::<Vec<_>>().join("\n")
            }
            Block::Table { head, rows } => {
                let mut t = format!("| {} |\n", head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | "));
                t.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                for row in rows {
                    t.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(|c| cell(&spans(c))).collect::<Vec<_>>().join(" | ")
                    ));
                }
                t.trim_end().to_string()
            }
            Block::PageBreak => continue,
        };
        if !part.is_empty() {
            parts.push(part);
        }
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn spans(line: &[Span]) -> String {
    line.iter()
        .map(|s| match s {
            Span::Text(t) => one_line(t),
            Span::Strong(t) if t.trim().is_empty() => one_line(t),
            Span::Strong(t) => format!("**{}**", one_line(t)),
            Span::Em(t) if t.trim().is_empty() => one_line(t),
            Span::Em(t) => format!("*{}*", one_line(t)),
            Span::Code(t) => format!("`{t}`"),
            Span::Url(u) => format!("<{u}>"),
            Span::Link { text, href } => format!("[{}]({href})", one_line(text)),
        })
        .collect()
}

/// Scenario text inside a line: line breaks become spaces, so a list item stays one item.
fn one_line(text: &str) -> String {
    let mut out = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.starts_with(char::is_whitespace) {
        out.insert(0, ' ');
    }
    if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
        out.push(' ');
    }
    out
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
