//! What the readers of logs written by older engines share: a record's text, as this engine renders
//! it, with the lines of fields an older engine wrote put back where it wrote them
//! (`before_regimes`, `before_operations`).

/// `rendered` with, after each line, what `after` returns for it, given the id of the row the line
/// belongs to (as written: `"pnu"`, quoted).
pub fn with_lines_after(rendered: &str, mut after: impl FnMut(&str, &str, &mut String)) -> String {
    let mut out = String::with_capacity(rendered.len() + rendered.len() / 8);
    let mut id = "";
    for line in rendered.lines() {
        out.push_str(line);
        out.push('\n');
        match line.strip_prefix("id: ") {
            Some(quoted) => id = quoted.trim_end_matches(','),
            None => after(id, line, &mut out),
        }
    }
    out
}
