//! What the plan list does to whole plans: make one from a template, duplicate one, and make
//! next year's plan from one, either new or carried into a plan for that year already stored.

use crate::domain::next_year::{carry_into, next_year_plan};
use crate::domain::report::next_year_from_undone;
use crate::domain::template::{TemplateInput, new_plan};
use crate::domain::{Plan, text};
use crate::state::{new_id, now_ms, session_id};
use crate::storage::{Database, PlanSummary, SaveRequest, StorageError};

/// Stores `plan` as new to this device; returns its id.
pub(super) async fn store_new(database: &Database, plan: &Plan) -> Result<String, StorageError> {
    let session = session_id();
    database
        .save_plan(SaveRequest {
            plan,
            base_revision: None,
            session: &session,
            now: now_ms(),
        })
        .await?;
    Ok(plan.id.clone())
}

/// A new plan from the template chosen in the new-plan form.
pub async fn create_from_template(
    database: &Database,
    input: &TemplateInput,
) -> Result<String, StorageError> {
    store_new(database, &new_plan(input, new_id)).await
}

/// A copy of the plan `id` under a new id, its title marked as a copy.
pub async fn duplicate(database: &Database, id: &str) -> Result<String, StorageError> {
    let stored = database
        .load_plan(id)
        .await?
        .ok_or(StorageError::NotFound)?;
    let mut copy = stored.plan;
    copy.id = new_id("ke-hoach");
    copy.title = format!("{} (bản sao)", copy.title.trim());
    store_new(database, &copy).await
}

/// A stored plan for the year after `source` from the same issuing body, if there is one: next
/// year's plan then goes into it rather than beside it.
pub fn existing_next_year<'a>(
    plans: &'a [PlanSummary],
    source: &PlanSummary,
) -> Option<&'a PlanSummary> {
    let body = text::search_key(&source.issuing_body);
    plans.iter().find(|plan| {
        plan.id != source.id
            && plan.year == source.year + 1
            && !body.is_empty()
            && text::search_key(&plan.issuing_body) == body
    })
}

/// Next year's plan from the plan `id` (only its tasks not done at the year's cut-off when
/// `undone_only`): a new plan, or carried into the plan `into`. Returns the id of the plan to
/// open and how many tasks it received.
pub async fn make_next_year(
    database: &Database,
    id: &str,
    into: Option<&str>,
    undone_only: bool,
) -> Result<(String, usize), StorageError> {
    let source = database
        .load_plan(id)
        .await?
        .ok_or(StorageError::NotFound)?;
    let next = if undone_only {
        let tracking = database.load_tracking(id).await?.tracking;
        next_year_from_undone(&source.plan, &tracking.progress, new_id)
            .ok_or(StorageError::NotFound)?
    } else {
        next_year_plan(&source.plan, new_id)
    };
    let Some(target_id) = into else {
        let tasks = next.task_count();
        return Ok((store_new(database, &next).await?, tasks));
    };
    let target = database
        .load_plan(target_id)
        .await?
        .ok_or(StorageError::NotFound)?;
    let mut plan = target.plan;
    let added = carry_into(&mut plan, &next);
    let session = session_id();
    // Saved from the revision just read: if another tab saves the plan meanwhile, this is
    // refused as a conflict rather than written over it.
    database
        .save_plan(SaveRequest {
            plan: &plan,
            base_revision: Some(target.revision),
            session: &session,
            now: now_ms(),
        })
        .await?;
    Ok((plan.id, added))
}
