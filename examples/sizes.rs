use good_offices::engine::ledger::{Change, Effect, Flag};
use good_offices::engine::record::*;
use good_offices::scenario::*;
fn main() {
    println!("OrderSpec {}", std::mem::size_of::<OrderSpec>());
    println!("Target {} OptTarget {}", std::mem::size_of::<Target>(), std::mem::size_of::<Option<Target>>());
    println!("Draft {} Note {}", std::mem::size_of::<Option<Draft>>(), std::mem::size_of::<Note>());
    println!(
        "Effect {} Change {} Flag {} Var {} Event {}",
        std::mem::size_of::<Effect>(),
        std::mem::size_of::<Change>(),
        std::mem::size_of::<Flag>(),
        std::mem::size_of::<Var>(),
        std::mem::size_of::<Event>()
    );
    println!(
        "OutcomeRecord {} EffectRecord {} VoteRecord {} DynamicsRecord {}",
        std::mem::size_of::<OutcomeRecord>(),
        std::mem::size_of::<EffectRecord>(),
        std::mem::size_of::<VoteRecord>(),
        std::mem::size_of::<DynamicsRecord>()
    );
}
