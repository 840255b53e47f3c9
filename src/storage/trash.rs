//! The trash (thùng rác): deleted plans wait here until restored or deleted for good.

use rexie::TransactionMode;
use wasm_bindgen::JsValue;

use super::database::*;
use super::error::StorageError;
use super::plan_texts::{PlanStores, TEXTS};
use super::records::{delete_by_id, finish, get_by_id, js_error, number, set_field, store, text};
use super::revisions::revision_keys;

/// A plan in the trash.
#[derive(Clone, Debug, PartialEq)]
pub struct TrashedPlan {
    pub id: String,
    pub title: String,
    pub year: i32,
    pub deleted_at: f64,
}

impl Database {
    /// Moves a plan to the trash (thùng rác), from which it can be restored. The trash keeps
    /// the plan's record with its JSON inside.
    pub async fn move_to_trash(&self, id: &str, now: f64) -> Result<(), StorageError> {
        let transaction = self.begin(&[PLANS, TEXTS, TRASH], TransactionMode::ReadWrite)?;
        let result = async {
            let plans = PlanStores::of(&transaction)?;
            let record = plans.whole(id).await?.ok_or(StorageError::NotFound)?;
            set_field(&record, "deleted_at", &JsValue::from_f64(now))?;
            let trash = store(&transaction, TRASH)?;
            trash.put(&record, None).await.map_err(js_error)?;
            plans.delete(id).await
        }
        .await;
        finish(transaction, result).await
    }

    /// The plans in the trash, most recently deleted first.
    pub async fn list_trash(&self) -> Result<Vec<TrashedPlan>, StorageError> {
        let records = self.read_all(TRASH).await?;
        let mut trashed: Vec<TrashedPlan> = records
            .iter()
            .filter_map(|record| {
                Some(TrashedPlan {
                    id: text(record, "id")?,
                    title: text(record, "title").unwrap_or_default(),
                    year: number(record, "year").unwrap_or(0.0) as i32,
                    deleted_at: number(record, "deleted_at").unwrap_or(0.0),
                })
            })
            .collect();
        trashed.sort_by(|a, b| b.deleted_at.total_cmp(&a.deleted_at));
        Ok(trashed)
    }

    /// Puts a plan back from the trash. Refuses if a plan with its id exists again meanwhile.
    pub async fn restore_from_trash(&self, id: &str) -> Result<(), StorageError> {
        let transaction = self.begin(&[PLANS, TEXTS, TRASH], TransactionMode::ReadWrite)?;
        let result = async {
            let trash = store(&transaction, TRASH)?;
            let record = get_by_id(&trash, id).await?.ok_or(StorageError::NotFound)?;
            let plans = PlanStores::of(&transaction)?;
            if plans.record(id).await?.is_some() {
                return Err(StorageError::AlreadyExists);
            }
            set_field(&record, "deleted_at", &JsValue::NULL)?;
            plans.put_whole(id, &record).await?;
            delete_by_id(&trash, id).await
        }
        .await;
        finish(transaction, result).await
    }

    /// Deletes a plan from the trash for good, with its revisions and its follow-up (and the
    /// follow-up's revisions).
    pub async fn delete_forever(&self, id: &str) -> Result<(), StorageError> {
        let stores = [TRASH, REVISIONS, TRACKING, TRACKING_REVISIONS, PLANS, TEXTS];
        let transaction = self.begin(&stores, TransactionMode::ReadWrite)?;
        let result = async {
            let trash = store(&transaction, TRASH)?;
            delete_by_id(&trash, id).await?;
            // The follow-up goes with the plan, unless a plan of the same id lives on.
            let plans = PlanStores::of(&transaction)?;
            let mut kept = vec![REVISIONS];
            if plans.record(id).await?.is_none() {
                delete_by_id(&store(&transaction, TRACKING)?, id).await?;
                kept.push(TRACKING_REVISIONS);
            }
            for name in kept {
                let revisions = store(&transaction, name)?;
                for key in revision_keys(&revisions, id).await? {
                    revisions.delete(key).await.map_err(js_error)?;
                }
            }
            Ok(())
        }
        .await;
        finish(transaction, result).await
    }
}
