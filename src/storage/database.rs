//! The app's IndexedDB database: its schema history, plans with their revision numbers,
//! revisions (lịch sử phiên bản) and the trash (thùng rác).

use rexie::{Index, ObjectStore, Rexie, RexieBuilder, TransactionMode};
use wasm_bindgen::JsValue;

use super::error::StorageError;
use super::inbox::{INBOX, INBOX_TEXTS};
use super::plan_texts::{PlanStores, PlanText, TEXTS, plan_record, restore, stored_json};
use super::records::{
    Record, check_revision, finish, get_by_id, js_error, number, revision_of, set_field, store,
    text,
};
use super::revisions::{Keep, RevisionReason, Snapshot, add_revision, prune_revisions};
use crate::domain::Plan;
use crate::file_format::ImportReport;

/// Name of the app's database in production; tests pass their own names.
pub const DATABASE_NAME: &str = "kehoach-cchc";

/// The schema this app opens. Each version's stores are declared in [`schema`]; record
/// contents need no upgrade step because every record is read through the file format's
/// tolerant reader, and a plan stored before schema 3 is split at its next write
/// ([`super::plan_texts`]). Schema 4 adds the plans' follow-ups ([`super::tracking`]) and
/// leaves every stored plan as it is; schema 5 adds the follow-ups' revisions, schema 6 the
/// inbox of files received from other bodies ([`super::inbox`]).
pub const SCHEMA_VERSION: u32 = 6;

pub(super) const PLANS: &str = "plans";
pub(super) const REVISIONS: &str = "revisions";
pub(super) const TRASH: &str = "trash";
pub(super) const META: &str = "meta";
pub(super) const TRACKING: &str = "tracking";
pub(super) const TRACKING_REVISIONS: &str = "tracking_revisions";
pub(super) const BY_PLAN: &str = "plan_id";

/// A new revision is kept when this long has passed since the last one (milliseconds).
pub(super) const ROLLING_INTERVAL_MS: f64 = 5.0 * 60.0 * 1000.0;
/// The most revisions kept per plan; the oldest rolling ones go first.
pub(super) const MAX_REVISIONS: usize = 40;

/// The stores of schema `version`: rexie creates what is missing and drops what is not named.
fn schema(name: &str, version: u32) -> RexieBuilder {
    let builder = Rexie::builder(name)
        .version(version)
        // v1: one record per plan, keyed by its id.
        .add_object_store(ObjectStore::new(PLANS).key_path("id"));
    if version < 2 {
        return builder;
    }
    // v2: revisions of each plan, the trash, and app settings that must survive a reload.
    let builder = builder
        .add_object_store(revisions_store(REVISIONS))
        .add_object_store(ObjectStore::new(TRASH).key_path("id"))
        .add_object_store(ObjectStore::new(META));
    if version < 3 {
        return builder;
    }
    // v3: each plan's JSON in a store of its own, so its record in `plans` stays small.
    let builder = builder.add_object_store(ObjectStore::new(TEXTS).key_path("id"));
    if version < 4 {
        return builder;
    }
    // v4: each plan's follow-up (progress and period reports), keyed by the plan's id.
    let builder = builder.add_object_store(ObjectStore::new(TRACKING).key_path("id"));
    if version < 5 {
        return builder;
    }
    // v5: revisions of each follow-up, kept like a plan's.
    let builder = builder.add_object_store(revisions_store(TRACKING_REVISIONS));
    if version < 6 {
        return builder;
    }
    // v6: the inbox (hồ sơ nhận được): what each received file is, and its content apart.
    builder
        .add_object_store(ObjectStore::new(INBOX).key_path("key").auto_increment(true))
        .add_object_store(ObjectStore::new(INBOX_TEXTS))
}

/// A store of revisions, found by the id of the plan they belong to.
fn revisions_store(name: &str) -> ObjectStore {
    ObjectStore::new(name)
        // The generated key is written into the record, so index scans can name it.
        .key_path("key")
        .auto_increment(true)
        .add_index(Index::new(BY_PLAN, BY_PLAN))
}

/// A plan as stored, with what storage knows about it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredPlan {
    pub plan: Plan,
    /// Số phiên bản: increases by one with every save; saves name the one they started from.
    pub revision: u32,
    /// When it was last saved (milliseconds since 1970).
    pub saved_at: f64,
    /// When it was last exported to a file, if ever.
    pub exported_at: Option<f64>,
    /// What the restore path had to repair in the stored record.
    pub report: ImportReport,
    /// The editing session (page load) whose save this is; none after an import or a restore.
    pub saved_by: Option<String>,
}

/// What the plan list shows, read without parsing whole plans.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanSummary {
    pub id: String,
    pub title: String,
    pub issuing_body: String,
    pub year: i32,
    pub level: String,
    pub revision: u32,
    pub saved_at: f64,
    pub exported_at: Option<f64>,
}

/// A save of an edited plan.
pub struct SaveRequest<'a> {
    pub plan: &'a Plan,
    /// The revision the edit started from; `None` for a plan new to this device.
    pub base_revision: Option<u32>,
    /// Identifies this editing session (one page load), so its first save keeps a revision.
    pub session: &'a str,
    /// Now, in milliseconds since 1970.
    pub now: f64,
}

/// The app's IndexedDB database (kho dữ liệu).
pub struct Database {
    pub(super) rexie: Rexie,
}

impl Database {
    /// Opens (creating or upgrading as needed) the database called `name`.
    pub async fn open(name: &str) -> Result<Self, StorageError> {
        Self::open_at_version(name, SCHEMA_VERSION).await
    }

    /// Opens the database with the schema of an earlier `version`, as an older app did; for
    /// upgrade tests.
    pub async fn open_at_version(name: &str, version: u32) -> Result<Self, StorageError> {
        let rexie = schema(name, version)
            .build()
            .await
            .map_err(|error| StorageError::Unavailable(format!("{error:?}")))?;
        Ok(Self { rexie })
    }

    pub(super) fn begin(
        &self,
        stores: &[&str],
        mode: TransactionMode,
    ) -> Result<rexie::Transaction, StorageError> {
        self.rexie.transaction(stores, mode).map_err(js_error)
    }

    /// The record under `key` in `store_name`, read in a transaction of its own.
    pub(super) async fn read_one(
        &self,
        store_name: &str,
        key: JsValue,
    ) -> Result<Option<JsValue>, StorageError> {
        let transaction = self.begin(&[store_name], TransactionMode::ReadOnly)?;
        let record = store(&transaction, store_name)?
            .get(key)
            .await
            .map_err(js_error)?;
        transaction.done().await.map_err(js_error)?;
        Ok(record)
    }

    /// Every record of `store_name`, read in a transaction of its own.
    pub(super) async fn read_all(&self, store_name: &str) -> Result<Vec<JsValue>, StorageError> {
        let transaction = self.begin(&[store_name], TransactionMode::ReadOnly)?;
        let records = store(&transaction, store_name)?
            .get_all(None, None)
            .await
            .map_err(js_error)?;
        transaction.done().await.map_err(js_error)?;
        Ok(records)
    }

    /// Names of the object stores, for schema checks.
    pub fn store_names(&self) -> Vec<String> {
        self.rexie.store_names()
    }

    /// Closes the connection so the database can be deleted or upgraded by others.
    pub fn close(self) {
        self.rexie.close();
    }

    /// Saves an edited plan in one transaction. Refuses with [`StorageError::Conflict`] when
    /// the stored plan is no longer at `base_revision` (another tab saved it meanwhile), so no
    /// update is silently lost. Returns the new revision number.
    pub async fn save_plan(&self, request: SaveRequest<'_>) -> Result<u32, StorageError> {
        let text = PlanText::of(request.plan)?;
        self.save_plan_text(&text, request.base_revision, request.session, request.now)
            .await
    }

    /// [`Database::save_plan`] of a plan already written out.
    pub async fn save_plan_text(
        &self,
        plan: &PlanText,
        base_revision: Option<u32>,
        session: &str,
        now: f64,
    ) -> Result<u32, StorageError> {
        let json = &plan.json;
        let transaction = self.begin(&[PLANS, TEXTS, REVISIONS], TransactionMode::ReadWrite)?;
        let result = async {
            let plans = PlanStores::of(&transaction)?;
            let current = plans.record(&plan.id).await?;
            let stored_revision = current.as_ref().map(revision_of);
            check_revision(stored_revision, base_revision)?;
            let revision = stored_revision.unwrap_or(0) + 1;
            let mut snapshot = Snapshot::of_save(current.as_ref(), session, now, revision);
            let kept = match (snapshot.keep, &current) {
                (Keep::Stored(stored), Some(current)) => {
                    let old = plans.stored_json(&plan.id, current).await?;
                    old.map(|old| (old, stored))
                }
                (Keep::New(revision), _) => Some((stored_json(json), revision)),
                _ => None,
            };
            if kept.is_none() {
                snapshot = snapshot.kept_nothing(current.as_ref());
            }
            let exported_at = current.as_ref().and_then(|c| number(c, "exported_at"));
            let record = snapshot.write(plan_record(plan, revision, now, exported_at)?)?;
            plans.put(record, &plan.id, json).await?;
            if let (Some(reason), Some((kept_json, kept_revision))) = (snapshot.reason, kept) {
                let revisions = store(&transaction, REVISIONS)?;
                let id = &plan.id;
                add_revision(&revisions, id, &kept_json, kept_revision, now, reason).await?;
                prune_revisions(&revisions, id).await?;
            }
            Ok(revision)
        }
        .await;
        finish(transaction, result).await
    }

    /// Loads the plan stored under `id`, through the same validation as an imported file.
    pub async fn load_plan(&self, id: &str) -> Result<Option<StoredPlan>, StorageError> {
        let transaction = self.begin(&[PLANS, TEXTS], TransactionMode::ReadOnly)?;
        let plans = PlanStores::of(&transaction)?;
        let Some(record) = plans.record(id).await? else {
            return Ok(None);
        };
        let json = plans.json(id, &record).await?;
        transaction.done().await.map_err(js_error)?;
        let (plan, report) = restore(json.as_deref())?;
        Ok(Some(StoredPlan {
            plan,
            revision: revision_of(&record),
            saved_at: number(&record, "saved_at").unwrap_or(0.0),
            exported_at: number(&record, "exported_at"),
            report,
            // A save by a session other than the last keeps a revision and notes the session.
            saved_by: text(&record, "snapshot_session"),
        }))
    }

    /// Every stored plan, for the plan list, newest save first.
    pub async fn list_plans(&self) -> Result<Vec<PlanSummary>, StorageError> {
        // Record by record through a cursor rather than all at once: a record stored before
        // schema 3 holds its whole plan, and reading a few megabytes of them holds the page.
        let transaction = self.begin(&[PLANS], TransactionMode::ReadOnly)?;
        let records = store(&transaction, PLANS)?
            .scan(None, None, None, None)
            .await
            .map_err(js_error)?;
        transaction.done().await.map_err(js_error)?;
        let mut summaries: Vec<PlanSummary> = records
            .iter()
            .map(|(_, record)| record)
            .filter_map(|record| {
                Some(PlanSummary {
                    id: text(record, "id")?,
                    title: text(record, "title").unwrap_or_default(),
                    issuing_body: text(record, "issuing_body").unwrap_or_default(),
                    year: number(record, "year").unwrap_or(0.0) as i32,
                    level: text(record, "level").unwrap_or_default(),
                    revision: revision_of(record),
                    saved_at: number(record, "saved_at").unwrap_or(0.0),
                    exported_at: number(record, "exported_at"),
                })
            })
            .collect();
        summaries.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
        Ok(summaries)
    }

    /// Stores imported plans in one all-or-nothing transaction. Each plan names the revision it
    /// expects to replace (`None`: it must be new here), as seen when the import was previewed;
    /// if any stored plan changed since, nothing is stored. A replaced plan's old state is kept
    /// as a revision. Returns each plan's new revision.
    pub async fn store_plans(
        &self,
        plans: &[(Plan, Option<u32>)],
        now: f64,
    ) -> Result<Vec<u32>, StorageError> {
        let written = plans
            .iter()
            .map(|(plan, expected)| Ok((PlanText::of(plan)?, *expected)))
            .collect::<Result<Vec<_>, StorageError>>()?;
        self.store_written_plans(&written, now).await
    }

    /// [`store_plans`](Self::store_plans) for plans already written out ([`PlanText::of`]),
    /// so that a caller with many can write them a few at a time between paints.
    pub async fn store_written_plans(
        &self,
        plans: &[(PlanText, Option<u32>)],
        now: f64,
    ) -> Result<Vec<u32>, StorageError> {
        let transaction = self.begin(&[PLANS, TEXTS, REVISIONS], TransactionMode::ReadWrite)?;
        let result = async {
            let plans_store = PlanStores::of(&transaction)?;
            let revisions = store(&transaction, REVISIONS)?;
            let mut numbers = Vec::with_capacity(plans.len());
            for (plan, expected) in plans {
                let current = plans_store.record(&plan.id).await?;
                let stored_revision = current.as_ref().map(revision_of);
                check_revision(stored_revision, *expected)?;
                let old = match &current {
                    Some(current) => plans_store.stored_json(&plan.id, current).await?,
                    None => None,
                };
                // A damaged stored record is no reason to refuse the backup that replaces it.
                if let Some(old) = old {
                    let old_revision = stored_revision.unwrap_or(0);
                    let reason = RevisionReason::BeforeReplace;
                    add_revision(&revisions, &plan.id, &old, old_revision, now, reason).await?;
                    prune_revisions(&revisions, &plan.id).await?;
                }
                let revision = stored_revision.map_or(1, |r| r + 1);
                let record = plan_record(plan, revision, now, None)?;
                plans_store.put(record, &plan.id, &plan.json).await?;
                numbers.push(revision);
            }
            Ok(numbers)
        }
        .await;
        finish(transaction, result).await
    }

    /// Records that the plan was exported to a file at `now`, for backup reminders.
    pub async fn mark_exported(&self, id: &str, now: f64) -> Result<(), StorageError> {
        let transaction = self.begin(&[PLANS], TransactionMode::ReadWrite)?;
        let result = async {
            let plans_store = store(&transaction, PLANS)?;
            let record = get_by_id(&plans_store, id)
                .await?
                .ok_or(StorageError::NotFound)?;
            set_field(&record, "exported_at", &JsValue::from_f64(now))?;
            plans_store.put(&record, None).await.map_err(js_error)?;
            Ok(())
        }
        .await;
        finish(transaction, result).await
    }

    /// Writes raw text as a plan record with its JSON inside, as schema 1 and 2 stored it,
    /// bypassing validation: for tests of damaged and of older records.
    pub async fn put_raw_plan_record(&self, id: &str, json: &str) -> Result<(), StorageError> {
        let transaction = self.begin(&[PLANS], TransactionMode::ReadWrite)?;
        let record = Record::new().set("id", id)?.set("json", json)?;
        store(&transaction, PLANS)?
            .put(&record.into_js(), None)
            .await
            .map_err(js_error)?;
        transaction.done().await.map_err(js_error)?;
        Ok(())
    }
}

/// Deletes the database called `name` (used by tests and by a full reset).
pub async fn delete_database(name: &str) -> Result<(), StorageError> {
    Rexie::delete(name)
        .await
        .map_err(|error| StorageError::Unavailable(format!("{error:?}")))
}
