//! Reading logs of format 2 written before sanction regimes were entities. A block of format 2 is
//! packed against the record of the turn before *as its engine rendered it* (`v2::dictionary`), and
//! that engine rendered two fields this one no longer has: `arms_embargo` on each dispute (after
//! `peace_operation`) and `sanctions` on each actor (after `spoiler`). To unpack such a log, the
//! reader learns those fields' values from each block's text, as it merges the rows, and puts them
//! back into the dictionary where that engine wrote them. (The records' meaning is then completed by
//! `engine::older_records`.)

use std::collections::HashMap;

/// The fields an engine before regimes rendered, by row id, as the blocks so far left them.
#[derive(Debug, Default)]
pub struct BeforeRegimes {
    /// `arms_embargo` of each dispute: `true` or `false`.
    arms_embargo: HashMap<String, String>,
    /// `sanctions` of each actor: the lines between `sanctions: [` and `],` (none for `[]`).
    sanctions: HashMap<String, Vec<String>>,
}

impl BeforeRegimes {
    /// Whether a block's text (the first turn's, which holds every row) was written before regimes.
    pub fn wrote(text: &str) -> bool {
        text.lines().any(|l| l.starts_with("arms_embargo: "))
    }

    /// Learns the values of the rows a block's text holds.
    pub fn learn(&mut self, text: &str) {
        let mut id = "";
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if let Some(quoted) = line.strip_prefix("id: ") {
                id = quoted.trim_end_matches(',');
            } else if let Some(value) = line.strip_prefix("arms_embargo: ") {
                self.arms_embargo.insert(id.to_string(), value.trim_end_matches(',').to_string());
            } else if line == "sanctions: []," {
                self.sanctions.insert(id.to_string(), Vec::new());
            } else if line == "sanctions: [" {
                let kinds = lines.by_ref().take_while(|l| *l != "],").map(str::to_string).collect();
                self.sanctions.insert(id.to_string(), kinds);
            }
        }
    }

    /// `rendered` (a record as this engine packs it) as the engine before regimes packed it.
    pub fn dictionary(&self, rendered: &str) -> String {
        super::removed_fields::with_lines_after(rendered, |id, line, out| {
            if line.starts_with("peace_operation: ") {
                let value = self.arms_embargo.get(id).map_or("false", String::as_str);
                out.push_str(&format!("arms_embargo: {value},\n"));
            } else if line.starts_with("spoiler: ") {
                match self.sanctions.get(id).filter(|k| !k.is_empty()) {
                    None => out.push_str("sanctions: [],\n"),
                    Some(kinds) => {
                        out.push_str("sanctions: [\n");
                        kinds.iter().for_each(|k| {
                            out.push_str(k);
                            out.push('\n');
                        });
                        out.push_str("],\n");
                    }
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_learnt_from_a_block_go_back_where_the_older_engine_wrote_them() {
        let old = "dyads: [\n(\nid: \"odm-pnu\",\npeace_operation: false,\narms_embargo: true,\ndeaths: 3,\n),\n],\nactors: [\n(\nid: \"pnu\",\nspoiler: 0.0,\nsanctions: [\nTravelBan,\n],\nuses: {},\n),\n(\nid: \"odm\",\nspoiler: 0.0,\nsanctions: [],\nuses: {},\n),\n],\n";
        let mut legacy = BeforeRegimes::default();
        assert!(BeforeRegimes::wrote(old));
        legacy.learn(old);
        let now = old
            .replace("arms_embargo: true,\n", "")
            .replace("sanctions: [\nTravelBan,\n],\n", "")
            .replace("sanctions: [],\n", "");
        assert!(!BeforeRegimes::wrote(&now));
        assert_eq!(legacy.dictionary(&now), old);
    }
}
