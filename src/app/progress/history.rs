//! Lịch sử phiên bản of the follow-up: its kept revisions, each of which can be restored.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::revision_history::{Kept, KeptRevisions};
use crate::state::{FollowUp, SaveStatus};

/// The follow-up's revision history panel, under its tabs.
#[component]
pub(super) fn FollowUpHistory(follow_up: FollowUp) -> impl IntoView {
    let database = follow_up.database()?;
    let plan_id = follow_up.plan.with_value(|plan| plan.id.clone());
    let can_restore = Signal::derive(move || {
        matches!(follow_up.status.get(), SaveStatus::Saved { .. })
            && !follow_up.edited_elsewhere.get()
    });
    let restore = Callback::new(move |key: f64| {
        spawn_local(async move {
            if let Err(error) = follow_up.restore_revision(key).await {
                follow_up.status.set(SaveStatus::Failed(error.to_string()));
            }
        });
    });
    Some(view! {
        <KeptRevisions
            kept=Kept::FollowUp
            database=database
            plan_id=plan_id
            status=follow_up.status
            can_restore=can_restore
            restore=restore
        />
    })
}
