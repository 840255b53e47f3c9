//! Theo dõi thực hiện: each plan's follow-up (progress of its tasks and its period reports),
//! one record per plan in a store of its own (schema 4), written as JSON text with a revision
//! number so that two tabs cannot overwrite each other, and its revisions kept like a plan's
//! (schema 5). Read back through the file format's tolerant reader, like a plan.

use rexie::TransactionMode;
use wasm_bindgen::JsValue;

use super::database::{BY_PLAN, Database, PLANS, TRACKING, TRACKING_REVISIONS, TRASH};
use super::error::StorageError;
use super::plan_texts::{PlanStores, PlanText, TEXTS, plan_record};
use super::records::{Record, finish, get_by_id, js_error, number, revision_of, store, text};
use super::revisions::{
    Keep, RevisionInfo, RevisionReason, Snapshot, add_revision, prune_revisions,
};
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
        let (tracking, report) = read_tracking(&record, plan_id)?;
        Ok(StoredTracking {
            tracking,
            revision: revision_of(&record),
            report,
            saved_at: number(&record, "saved_at").unwrap_or(0.0),
        })
    }

    /// Saves a plan's follow-up, refusing with [`StorageError::Conflict`] when the stored one
    /// is no longer at `base_revision` (0: nothing stored yet), and keeping a revision of it as
    /// a plan's save does (`session`: this page load). Returns the new revision.
    pub async fn save_tracking(
        &self,
        tracking: &Tracking,
        base_revision: u32,
        session: &str,
        now: f64,
    ) -> Result<u32, StorageError> {
        let json = tracking_json(tracking)?;
        let id = tracking.plan_id.as_str();
        let transaction =
            self.begin(&[TRACKING, TRACKING_REVISIONS], TransactionMode::ReadWrite)?;
        let result = async {
            let tracking_store = store(&transaction, TRACKING)?;
            let current = get_by_id(&tracking_store, id).await?;
            // 0 is "nothing stored yet", and also a record written without a revision.
            let stored = current.as_ref().map_or(0, revision_of);
            if stored != base_revision {
                return Err(StorageError::Conflict { stored });
            }
            let revision = stored + 1;
            let mut snapshot = Snapshot::of_save(current.as_ref(), session, now, revision);
            let kept = match (snapshot.keep, &current) {
                (Keep::Stored(stored), Some(current)) => {
                    text(current, "json").map(|old| (JsValue::from(old), stored))
                }
                (Keep::New(revision), _) => Some((JsValue::from_str(&json), revision)),
                _ => None,
            };
            if kept.is_none() {
                snapshot = snapshot.kept_nothing(current.as_ref());
            }
            let record = snapshot.write(tracking_record(id, &json, revision, now)?)?;
            tracking_store
                .put(&record.into_js(), None)
                .await
                .map_err(js_error)?;
            if let (Some(reason), Some((old, kept_revision))) = (snapshot.reason, kept) {
                let revisions = store(&transaction, TRACKING_REVISIONS)?;
                add_revision(&revisions, id, &old, kept_revision, now, reason).await?;
                prune_revisions(&revisions, id).await?;
            }
            Ok(revision)
        }
        .await;
        finish(transaction, result).await
    }

    /// The kept revisions of a plan's follow-up, newest first.
    pub async fn list_tracking_revisions(
        &self,
        plan_id: &str,
    ) -> Result<Vec<RevisionInfo>, StorageError> {
        self.list_kept(TRACKING_REVISIONS, plan_id).await
    }

    /// The follow-up as it was in the revision under `key`.
    pub async fn load_tracking_revision(&self, key: f64) -> Result<Tracking, StorageError> {
        let record = self
            .read_one(TRACKING_REVISIONS, JsValue::from_f64(key))
            .await?
            .ok_or(StorageError::NotFound)?;
        let plan_id = text(&record, BY_PLAN).unwrap_or_default();
        Ok(read_tracking(&record, &plan_id)?.0)
    }

    /// Keeps a follow-up that could not be saved (another tab saved first) as a revision made
    /// from `base_revision`, so that reloading the stored one drops nothing.
    pub async fn keep_unsaved_tracking(
        &self,
        tracking: &Tracking,
        base_revision: u32,
        now: f64,
    ) -> Result<(), StorageError> {
        let json = JsValue::from(tracking_json(tracking)?);
        let id = tracking.plan_id.as_str();
        let transaction = self.begin(&[TRACKING_REVISIONS], TransactionMode::ReadWrite)?;
        let result = async {
            let revisions = store(&transaction, TRACKING_REVISIONS)?;
            let reason = RevisionReason::Unsaved;
            add_revision(&revisions, id, &json, base_revision, now, reason).await?;
            prune_revisions(&revisions, id).await
        }
        .await;
        finish(transaction, result).await
    }

    /// Makes the revision under `key` the follow-up of `plan_id`, keeping the one it replaces
    /// as a revision, in one transaction. Refused like a save when the stored follow-up moved
    /// past `base_revision`. Returns the new revision.
    pub async fn restore_tracking_revision(
        &self,
        plan_id: &str,
        key: f64,
        base_revision: u32,
        now: f64,
    ) -> Result<u32, StorageError> {
        let transaction =
            self.begin(&[TRACKING, TRACKING_REVISIONS], TransactionMode::ReadWrite)?;
        let result = async {
            let tracking_store = store(&transaction, TRACKING)?;
            let revisions = store(&transaction, TRACKING_REVISIONS)?;
            let current = get_by_id(&tracking_store, plan_id).await?;
            let stored = current.as_ref().map_or(0, revision_of);
            if stored != base_revision {
                return Err(StorageError::Conflict { stored });
            }
            let chosen = revisions
                .get(JsValue::from_f64(key))
                .await
                .map_err(js_error)?
                .filter(|chosen| text(chosen, BY_PLAN).as_deref() == Some(plan_id))
                .ok_or(StorageError::NotFound)?;
            let (tracking, _) = read_tracking(&chosen, plan_id)?;
            keep_before_replace(&revisions, current.as_ref(), plan_id, now).await?;
            let revision = stored + 1;
            let record = tracking_record(plan_id, &tracking_json(&tracking)?, revision, now)?;
            // The next save of any session keeps a revision again.
            let record = record.set("snapshot_session", JsValue::NULL)?;
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
        let stores = [PLANS, TEXTS, TRACKING, TRACKING_REVISIONS, TRASH];
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
                Some(record) => read_tracking(record, &plan.id)?.0,
            };
            let revisions = store(&transaction, TRACKING_REVISIONS)?;
            keep_before_replace(&revisions, current.as_ref(), &plan.id, now).await?;
            tracking.reports.retain(|kept| kept.period != report.period);
            let at = tracking
                .reports
                .partition_point(|kept| kept.period < report.period);
            tracking.reports.insert(at, report.clone());
            let json = tracking_json(&tracking)?;
            let record = tracking_record(&plan.id, &json, revision + 1, now)?;
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

/// A follow-up written out for storing.
fn tracking_json(tracking: &Tracking) -> Result<String, StorageError> {
    serde_json::to_string(tracking).map_err(|error| StorageError::Transaction(error.to_string()))
}

/// The stored record of the follow-up of `plan_id`, written out as `json`.
fn tracking_record(
    plan_id: &str,
    json: &str,
    revision: u32,
    now: f64,
) -> Result<Record, StorageError> {
    Record::new()
        .set("id", plan_id)?
        .set("json", json)?
        .set("revision", revision)?
        .set("saved_at", now)
}

/// The follow-up in a stored record (or a kept revision) of `plan_id`, through the tolerant
/// reader; [`StorageError::Corrupt`] when it cannot be read.
fn read_tracking(
    record: &JsValue,
    plan_id: &str,
) -> Result<(Tracking, ImportReport), StorageError> {
    let json = text(record, "json").ok_or(StorageError::Corrupt)?;
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|_| StorageError::Corrupt)?;
    let (tracking, report) = restore_tracking(&value);
    let mut tracking = tracking.ok_or(StorageError::Corrupt)?;
    // The record's key is the plan's; a record naming another plan is taken as this one's.
    tracking.plan_id = plan_id.to_string();
    Ok((tracking, report))
}

/// Keeps the stored follow-up `current` (if any) as a revision, before a restore or a received
/// report replaces it.
async fn keep_before_replace(
    revisions: &rexie::Store,
    current: Option<&JsValue>,
    plan_id: &str,
    now: f64,
) -> Result<(), StorageError> {
    let Some((json, revision)) = current.and_then(|c| Some((text(c, "json")?, revision_of(c))))
    else {
        return Ok(());
    };
    let reason = RevisionReason::BeforeReplace;
    add_revision(
        revisions,
        plan_id,
        &JsValue::from(json),
        revision,
        now,
        reason,
    )
    .await?;
    prune_revisions(revisions, plan_id).await
}
