//! Danh mục đơn vị for the unit fields of any plan: the directory kept in IndexedDB learns the
//! units of each plan when it is left, and is offered in every plan after.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Screen;
use crate::domain::Plan;
use crate::domain::units;
use crate::state::use_database;
use crate::storage::Database;

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

/// Provides the directory, and keeps it learning as plans are opened and left. Only the
/// editor offers it, so it is read and taught by the editor's code (`chunks::learn_units`),
/// never while the plan list is the only screen seen.
pub fn provide_unit_directory(screen: RwSignal<Screen>) {
    let database = use_database();
    let learned = RwSignal::new(Vec::<String>::new());
    provide_context(UnitDirectory(learned));
    Effect::new(move |previous: Option<Screen>| {
        let current = screen.get();
        // The plan just left: reading it again while a plan opens would double the opening's
        // work, and the open plan's own units are suggested in it anyway (`suggestions`).
        let left = match previous.as_ref() {
            Some(Screen::Editor(id)) if current != Screen::Editor(id.clone()) => Some(id.clone()),
            _ => None,
        };
        if left.is_some() || matches!(current, Screen::Editor(_)) {
            let database = database.get();
            spawn_local(async move {
                // Learning is a convenience: a chunk that cannot come now is left for later.
                if let Ok(learning) = super::chunks::learn_units(database, left).await
                    && let Some(directory) = learning.await
                {
                    learned.set(directory);
                }
            });
        }
        current
    });
}

/// Teaches the directory the units of the plan `left` (just left in the editor), then reads
/// the whole directory. A failure here must not disturb editing: it gives `None`.
pub async fn learn_and_read(database: Rc<Database>, left: Option<String>) -> Option<Vec<String>> {
    if let Some(id) = left
        && let Ok(Some(stored)) = database.load_plan(&id).await
    {
        database.learn_units(&stored.plan).await.ok();
    }
    database.unit_directory().await.ok()
}

/// The directory, where the app provides one (components tested alone may not have it).
pub fn use_unit_directory() -> Option<UnitDirectory> {
    use_context::<UnitDirectory>()
}
