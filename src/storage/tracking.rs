//! Theo dõi thực hiện: each plan's follow-up (progress of its tasks and its period reports),
//! one record per plan in a store of its own (schema 4), written as JSON text with a revision
//! number so that two tabs cannot overwrite each other. Read back through the file format's
//! tolerant reader, like a plan.

use rexie::TransactionMode;
use wasm_bindgen::JsValue;

use super::database::{Database, PLANS, TRACKING, TRASH};
use super::error::StorageError;
use super::plan_texts::{PlanStores, PlanText, TEXTS, plan_record};
use super::records::{Record, finish, get_by_id, js_error, number, revision_of, store, text};
use crate::domain::Plan;
use crate::domain::progress::ProgressBook;
use crate::domain::report::{PeriodReport, Tracking};
use crate::file_format::{ImportReport, restore_tracking};

/// A plan's follow-up as stored, with its revision.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredTracking {
    pub tracking: Tracking,
    /// Increases by one with every save; a save names the one it started from.
    pub revision: u32,
    /// What the restore path had to repair in the stored record.
    pub report: ImportReport,
    /// When it was last saved (milliseconds since 1970); 0 when never.
    pub saved_at: f64,
}

impl Database {
    /// The follow-up of plan `plan_id`: what is stored, or an empty one (revision 0) when
    /// nothing has been recorded yet.
    pub async fn load_tracking(&self, plan_id: &str) -> Result<StoredTracking, StorageError> {
        let record = self.read_one(TRACKING, JsValue::from_str(plan_id)).await?;
        let Some(record) = record else {
            return Ok(StoredTracking {
                tracking: Tracking::new(plan_id),
                revision: 0,
                report: ImportReport::default(),
                saved_at: 0.0,
            });
        };
        let json = text(&record, "json").ok_or(StorageError::Corrupt)?;
        let value: serde_json::Value =
            serde_json::from_str(&json).map_err(|_| StorageError::Corrupt)?;
        let (tracking, report) = restore_tracking(&value);
        let mut tracking = tracking.ok_or(StorageError::Corrupt)?;
        // The record's key is the plan's; a record naming another plan is taken as this one's.
        tracking.plan_id = plan_id.to_string();
        Ok(StoredTracking {
            tracking,
            revision: revision_of(&record),
            report,
            saved_at: number(&record, "saved_at").unwrap_or(0.0),
        })
    }

    /// Saves a plan's follow-up, refusing with [`StorageError::Conflict`] when the stored one
    /// is no longer at `base_revision` (0: nothing stored yet). Returns the new revision.
    pub async fn save_tracking(
        &self,
        tracking: &Tracking,
        base_revision: u32,
        now: f64,
    ) -> Result<u32, StorageError> {
        let json = serde_json::to_string(tracking)
            .map_err(|error| StorageError::Transaction(error.to_string()))?;
        let transaction = self.begin(&[TRACKING], TransactionMode::ReadWrite)?;
        let result = async {
            let tracking_store = store(&transaction, TRACKING)?;
            let current = get_by_id(&tracking_store, &tracking.plan_id).await?;
            // 0 is "nothing stored yet", and also a record written without a revision.
            let stored = current.as_ref().map_or(0, revision_of);
            if stored != base_revision {
                return Err(StorageError::Conflict { stored });
            }
            let revision = stored + 1;
            let record = Record::new()
                .set("id", tracking.plan_id.as_str())?
                .set("json", json.as_str())?
                .set("revision", revision)?
                .set("saved_at", now)?;
            tracking_store
                .put(&record.into_js(), None)
                .await
                .map_err(js_error)?;
            Ok(revision)
        }
        .await;
        finish(transaction, result).await
    }

    /// Stores a period report received in a file, in one transaction: the plan it reports on too
    /// when this device does not have it, and the report, closed on what it was drawn from, in
    /// the plan's follow-up in place of one of the same period. A follow-up new here starts from
    /// the report's progress; one already here keeps its own. Refused when the plan is in the
    /// trash, or its stored follow-up cannot be read. Returns whether the plan was new here.
    pub async fn store_received_report(
        &self,
        plan: &Plan,
        report: &PeriodReport,
        progress: &ProgressBook,
        now: f64,
    ) -> Result<bool, StorageError> {
        let written = PlanText::of(plan)?;
        let stores = [PLANS, TEXTS, TRACKING, TRASH];
        let transaction = self.begin(&stores, TransactionMode::ReadWrite)?;
        let result = async {
            let plans = PlanStores::of(&transaction)?;
            let tracking_store = store(&transaction, TRACKING)?;
            // Its follow-up waits there with it: neither is written over.
            if get_by_id(&store(&transaction, TRASH)?, &plan.id)
                .await?
                .is_some()
            {
                return Err(StorageError::InTrash);
            }
            let new_plan = plans.record(&plan.id).await?.is_none();
            if new_plan {
                plans
                    .put(
                        plan_record(&written, 1, now, None)?,
                        &plan.id,
                        &written.json,
                    )
                    .await?;
            }
            let current = get_by_id(&tracking_store, &plan.id).await?;
            let revision = current.as_ref().map_or(0, revision_of);
            // A stored follow-up that cannot be read is not replaced by the file's.
            let mut tracking = match &current {
                None => Tracking {
                    progress: progress.clone(),
                    ..Tracking::new(&plan.id)
                },
                Some(record) => text(record, "json")
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .and_then(|value| restore_tracking(&value).0)
                    .ok_or(StorageError::Corrupt)?,
            };
            tracking.plan_id = plan.id.clone();
            tracking.reports.retain(|kept| kept.period != report.period);
            let at = tracking
                .reports
                .partition_point(|kept| kept.period < report.period);
            tracking.reports.insert(at, report.clone());
            let json = serde_json::to_string(&tracking)
                .map_err(|error| StorageError::Transaction(error.to_string()))?;
            let record = Record::new()
                .set("id", plan.id.as_str())?
                .set("json", json.as_str())?
                .set("revision", revision + 1)?
                .set("saved_at", now)?;
            tracking_store
                .put(&record.into_js(), None)
                .await
                .map_err(js_error)?;
            Ok(new_plan)
        }
        .await;
        finish(transaction, result).await
    }

    /// Writes raw text as the follow-up record of `plan_id`, bypassing validation: for tests
    /// of damaged records.
    pub async fn put_raw_tracking_record(
        &self,
        plan_id: &str,
        json: &str,
    ) -> Result<(), StorageError> {
        let transaction = self.begin(&[TRACKING], TransactionMode::ReadWrite)?;
        let record = Record::new()
            .set("id", plan_id)?
            .set("json", json)?
            .set("revision", 1)?;
        store(&transaction, TRACKING)?
            .put(&record.into_js(), None)
            .await
            .map_err(js_error)?;
        transaction.done().await.map_err(js_error)?;
        Ok(())
    }
}
