use std::collections::BTreeMap;

use super::Checker;
use super::meta::is_id;
use crate::path;
use crate::scenario::spans::Seg;

/// Ids are well-formed and unique. Actors, bodies and dyads share one namespace because orders
/// target any of them by id; injects, outcomes, sources and each actor's objectives have their own.
pub(super) fn check(c: &mut Checker) {
    let s = c.s;
    let mut shared: Vec<(&str, Vec<Seg>)> = Vec::new();
    shared.extend(s.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), path!["actors", i, "id"].to_vec())));
    shared.extend(s.bodies.iter().enumerate().map(|(i, b)| (b.id.as_str(), path!["bodies", i, "id"].to_vec())));
    shared.extend(
        s.conflict.dyads.iter().enumerate().map(|(i, d)| (d.id.as_str(), path!["conflict", "dyads", i, "id"].to_vec())),
    );
    unique(c, &shared, "actors, bodies and dyads");

    let injects: Vec<_> =
        s.injects.iter().enumerate().map(|(i, x)| (x.id.as_str(), path!["injects", i, "id"].to_vec())).collect();
    unique(c, &injects, "injects");
    let outcomes: Vec<_> = s
        .ending
        .outcomes
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.as_str(), path!["ending", "outcomes", i, "id"].to_vec()))
        .collect();
    unique(c, &outcomes, "outcomes");
    let sources: Vec<_> = s
        .meta
        .sources
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.as_str(), path!["meta", "sources", i, "id"].to_vec()))
        .collect();
    unique(c, &sources, "sources");
    for (ai, a) in s.actors.iter().enumerate() {
        let objectives: Vec<_> = a
            .objectives
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), path!["actors", ai, "objectives", i, "id"].to_vec()))
            .collect();
        unique(c, &objectives, "objectives of one actor");
    }
}

fn unique(c: &mut Checker, ids: &[(&str, Vec<Seg>)], namespace: &str) {
    let mut first: BTreeMap<&str, &[Seg]> = BTreeMap::new();
    for (id, path) in ids {
        if !is_id(id) {
            let d = c.error("bad-id", format!("`{id}` is not a valid id"), path);
            d.label = "lower-case letters, digits and hyphens".into();
            d.help =
                Some("ids start with a letter and use only a-z, 0-9 and single hyphens, e.g. `asean-chair`".into());
        }
        match first.get(id) {
            Some(earlier) => {
                let line = c.spans.line(c.span(earlier).0);
                let d = c.error("duplicate-id", format!("the id `{id}` is used twice among the {namespace}"), path);
                d.label = format!("first used on line {line}");
                d.help = Some("give each one its own id".into());
            }
            None => {
                first.insert(id, path);
            }
        }
    }
}
