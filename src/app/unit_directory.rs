//! Danh mục đơn vị for the unit fields of any plan: the directory kept in IndexedDB learns the
//! units of each plan when it is left, and is offered in every plan after.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Screen;
use crate::domain::Plan;
use crate::domain::units;
use crate::state::use_database;

/// The units learned on this device, as last read from storage.
#[derive(Clone, Copy)]
pub struct UnitDirectory(RwSignal<Vec<String>>);

impl UnitDirectory {
    /// Suggestions for a unit field of `plan`: the level's standard units, the directory, then
    /// the units already named in this plan, without repeats.
    pub fn suggestions(&self, plan: &Plan) -> Vec<String> {
        let in_plan = units::units_in_plan(plan);
        self.0.with(|learned| {
            units::suggestions(
                plan.level,
                plan.era,
                learned.iter().chain(&in_plan).map(String::as_str),
            )
        })
    }
}

/// Provides the directory, and keeps it learning as plans are opened and left.
pub fn provide_unit_directory(screen: RwSignal<Screen>) {
    let database = use_database();
    let learned = RwSignal::new(Vec::<String>::new());
    provide_context(UnitDirectory(learned));
    Effect::new(move |previous: Option<Screen>| {
        let current = screen.get();
        let database = database.get();
        // The plan just left: reading it again while a plan opens would double the opening's
        // work, and the open plan's own units are suggested in it anyway (`suggestions`).
        let mut plan_ids: Vec<String> = Vec::new();
        if let Some(Screen::Editor(id)) = previous.as_ref()
            && current != Screen::Editor(id.clone())
        {
            plan_ids.push(id.clone());
        }
        spawn_local(async move {
            for id in plan_ids {
                if let Ok(Some(stored)) = database.load_plan(&id).await {
                    // Learning is a convenience: a failure here must not disturb editing.
                    database.learn_units(&stored.plan).await.ok();
                }
            }
            if let Ok(directory) = database.unit_directory().await {
                learned.set(directory);
            }
        });
        current
    });
}

/// The directory, where the app provides one (components tested alone may not have it).
pub fn use_unit_directory() -> Option<UnitDirectory> {
    use_context::<UnitDirectory>()
}
