//! The commented template printed by `good-offices new`.

use crate::scenario::validate::is_id;

const TEMPLATE: &str = include_str!("template.ron");

/// The template for a scenario with this id, or why the id is not usable.
pub fn template(id: &str) -> Result<String, String> {
    if !is_id(id) {
        return Err(format!(
            "`{id}` is not a valid scenario id: use lower-case letters, digits and hyphens, starting with a letter"
        ));
    }
    let title: String = id
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    Ok(TEMPLATE.replace("{{ID}}", id).replace("{{TITLE}}", &title))
}
