//! Rendering a sheet as one self-contained printable HTML page: inline CSS for A4, no scripts, no
//! external resources, every scenario text escaped.

use super::doc::{Block, Sheet, Span};

/// The page's style: readable on screen, A4 on paper, sections marked as page breaks start a new page.
const STYLE: &str = "\
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { background: #fff; color: #111; }
body { font-family: Georgia, 'Times New Roman', serif; font-size: 11.5pt; line-height: 1.45;
  max-width: 178mm; margin: 0 auto; padding: 10mm 6mm; }
h1, h2, h3 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.2;
  break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.6em; margin: 0 0 0.3em 0; }
h2 { font-size: 1.2em; margin: 1.3em 0 0.4em 0; padding-bottom: 0.1em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin: 1em 0 0.3em 0; }
p { margin: 0.4em 0; orphans: 3; widows: 3; }
ul, ol { margin: 0.3em 0 0.6em 0; padding-left: 1.4em; }
li { margin: 0.15em 0; break-inside: avoid; page-break-inside: avoid; }
.note { color: #444; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 0.92em; }
th, td { border: 1px solid #aaa; padding: 0.2em 0.45em; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
code { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 0.88em; overflow-wrap: anywhere; }
.url { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 0.85em; word-break: break-all; }
.page-break { border-top: 2px dashed #ccc; margin: 2em 0; }
a { color: #114; }
.card { line-height: 1.3; }
.card h1 { font-size: 1.35em; }
.card h2 { margin: 0.8em 0 0.3em 0; }
.card p, .card li { margin: 0.2em 0; }
.card table { font-size: 0.9em; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  body.card { font-size: 10pt; }
  .page-break { border: 0; margin: 0; break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
";

/// The whole page.
pub fn render(sheet: &Sheet) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", escape(&sheet.lang)));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&sheet.title)));
    let body = if sheet.card { "<body class=\"card\">" } else { "<body>" };
    out.push_str(&format!("<style>\n{STYLE}</style>\n</head>\n{body}\n<main>\n"));
    for block in &sheet.blocks {
        out.push_str(&block_html(block));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn block_html(block: &Block) -> String {
    match block {
        Block::Heading(level, t) => {
            let level = (*level).clamp(1, 6);
            format!("<h{level}>{}</h{level}>\n", escape(t))
        }
        Block::Para(line) => format!("<p>{}</p>\n", spans(line)),
        Block::Note(line) => format!("<p class=\"note\">{}</p>\n", spans(line)),
        Block::Prose(t) => paragraphs(t),
        Block::Bullets(items) => list("ul", items),
        Block::Numbered(items) => list("ol", items),
        Block::Table { head, rows } => {
            let mut t = String::from("<table>\n<thead><tr>");
            for h in head {
                t.push_str(&format!("<th>{}</th>", escape(h)));
            }
            t.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                t.push_str("<tr>");
                for c in row {
                    t.push_str(&format!("<td>{}</td>", spans(c)));
                }
                t.push_str("</tr>\n");
            }
            t.push_str("</tbody>\n</table>\n");
            t
        }
        Block::PageBreak => "<div class=\"page-break\"></div>\n".to_string(),
    }
}

fn list(tag: &str, items: &[Vec<Span>]) -> String {
    let mut t = format!("<{tag}>\n");
    for l in items {
        t.push_str(&format!("<li>{}</li>\n", spans(l)));
    }
    t.push_str(&format!("</{tag}>\n"));
    t
}

/// Prose as paragraphs: a blank line starts a new one; single line breaks are kept as spaces.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, out: &mut String| {
        if !current.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", escape(&current.join(" "))));
            current.clear();
        }
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut current, &mut out);
        } else {
            current.push(line.trim());
        }
    }
    flush(&mut current, &mut out);
    out
}

fn spans(line: &[Span]) -> String {
    line.iter()
        .map(|s| match s {
            Span::Text(t) => escape(t),
            Span::Strong(t) => format!("<strong>{}</strong>", escape(t)),
            Span::Em(t) => format!("<em>{}</em>", escape(t)),
            Span::Code(t) => format!("<code>{}</code>", escape(t)),
            Span::Url(u) => format!("<span class=\"url\">{}</span>", escape(without_scheme(u))),
            Span::Link { text, href } => format!("<a href=\"{}\">{}</a>", escape(href), escape(text)),
        })
        .collect()
}

/// A printed address needs no scheme, and the page must not point outside itself.
fn without_scheme(url: &str) -> &str {
    url.split_once("://").map_or(url, |(_, rest)| rest)
}

/// Escapes text for use in HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::doc::{Sheet, text};

    #[test]
    fn scenario_text_is_escaped_and_addresses_lose_their_scheme() {
        let mut sheet = Sheet::new("A <b> & 'c'", "en");
        sheet.para(vec![text("<script>alert(1)</script>"), Span::Url("https://example.org/a?b=1&c=2".into())]);
        let page = render(&sheet);
        assert!(page.contains("<title>A &lt;b&gt; &amp; &#39;c&#39;</title>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("<span class=\"url\">example.org/a?b=1&amp;c=2</span>"));
        assert!(!page.contains("<script") && !page.contains("http"));
    }

    #[test]
    fn prose_keeps_its_paragraphs() {
        assert_eq!(paragraphs("one\ntwo\n\n three "), "<p>one two</p>\n<p>three</p>\n");
    }
}
