//! A generated scenario of any size, for the scaling benchmarks: the tutorial grown to `n` actors by
//! pairs of extra states in disputes of their own, half of them hawks, half doves.

use super::{ActorKind, BotPolicy, Dyad, Id, Scenario, ToolKind, builtin};

pub fn synthetic(n: usize) -> Scenario {
    let mut s =
        builtin::find("tutorial-river-dispute").expect("the tutorial is built in").load().expect("valid").scenario;
    let template_actor =
        s.actors.iter().find(|a| a.kind == ActorKind::State).expect("the tutorial has a state").clone();
    let template_dyad = s.conflict.dyads[0].clone();
    let mut i = 0;
    while s.actors.len() + 2 <= n {
        let (a, b) = (Id::from(format!("state-{i}-a")), Id::from(format!("state-{i}-b")));
        for (id, bot) in [(&a, BotPolicy::Hawk), (&b, BotPolicy::Dove)] {
            let mut actor = template_actor.clone();
            actor.id = *id;
            actor.name = id.to_string();
            actor.objectives.clear();
            actor.ties.clear();
            actor.bot = bot;
            actor.tools.retain(|t| *t != ToolKind::AppealToBody);
            s.actors.push(actor);
        }
        s.conflict.dyads.push(Dyad { id: Id::from(format!("dispute-{i}")), sides: (a, b), ..template_dyad.clone() });
        i += 1;
    }
    s.reindex();
    s
}
