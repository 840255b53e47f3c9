//! Revisions (lịch sử phiên bản) of a plan and of its follow-up, each in a store of its own:
//! kept at the start of each editing session, every five minutes while editing, and before a
//! restore or an import replaces what is stored.

use rexie::{KeyRange, TransactionMode};
use wasm_bindgen::JsValue;

use super::database::*;
use super::error::StorageError;
use super::plan_texts::{PlanStores, PlanText, TEXTS, json_of, plan_record, restore, stored_json};
use super::records::{Record, check_revision, finish, js_error, number, revision_of, store, text};
use crate::domain::Plan;
use crate::file_format::ImportReport;

/// Why a revision was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevisionReason {
    /// The first save of an editing session.
    Session,
    /// The first save after [`ROLLING_INTERVAL_MS`] without a revision.
    Rolling,
    /// The state just before it was replaced by an import or a restore.
    BeforeReplace,
    /// Typing that could not be saved because another tab saved the plan first: kept rather
    /// than lost, to be restored or copied from.
    Unsaved,
}

impl RevisionReason {
    fn name(self) -> &'static str {
        match self {
            Self::Session => "session",
            Self::Rolling => "rolling",
            Self::BeforeReplace => "before_replace",
            Self::Unsaved => "unsaved",
        }
    }

    fn from_name(name: &str) -> Self {
        match name {
            "session" => Self::Session,
            "before_replace" => Self::BeforeReplace,
            "unsaved" => Self::Unsaved,
            _ => Self::Rolling,
        }
    }
}

/// One kept revision of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct RevisionInfo {
    /// The revision's key, for [`Database::load_revision`].
    pub key: f64,
    pub revision: u32,
    pub saved_at: f64,
    pub reason: RevisionReason,
}

/// What a save keeps as a revision, decided from the snapshot fields of the stored record
/// (`snapshot_at`, `snapshot_session`, `snapshot_revision`), which the save writes back.
pub(super) struct Snapshot {
    pub reason: Option<RevisionReason>,
    pub keep: Keep,
    at: Option<f64>,
    session: Option<String>,
    revision: Option<f64>,
}

/// Which state a save keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Keep {
    Nothing,
    /// The stored state, at this revision: the end of the last session, about to be replaced.
    Stored(u32),
    /// The state being saved, at this revision.
    New(u32),
}

impl Snapshot {
    /// The first save of a session keeps the state it starts from (the last session's end)
    /// unless that is already kept, or the new state when nothing was stored; after
    /// [`ROLLING_INTERVAL_MS`] without one, a save keeps the new state.
    pub(super) fn of_save(
        current: Option<&JsValue>,
        session: &str,
        now: f64,
        revision: u32,
    ) -> Self {
        let last_at = current.and_then(|c| number(c, "snapshot_at"));
        let last_session = current.and_then(|c| text(c, "snapshot_session"));
        let last_kept = current.and_then(|c| number(c, "snapshot_revision"));
        let reason = if last_session.as_deref() != Some(session) {
            Some(RevisionReason::Session)
        } else if last_at.is_none_or(|at| now - at >= ROLLING_INTERVAL_MS) {
            Some(RevisionReason::Rolling)
        } else {
            None
        };
        let keep = match (reason, current) {
            (Some(RevisionReason::Session), Some(current)) => {
                let stored = revision_of(current);
                if last_kept == Some(f64::from(stored)) {
                    Keep::Nothing
                } else {
                    Keep::Stored(stored)
                }
            }
            (Some(_), _) => Keep::New(revision),
            (None, _) => Keep::Nothing,
        };
        let (at, session) = match reason {
            Some(_) => (Some(now), Some(session.to_string())),
            None => (last_at, last_session),
        };
        let revision = match keep {
            Keep::Stored(kept) | Keep::New(kept) => Some(f64::from(kept)),
            Keep::Nothing => last_kept,
        };
        Self {
            reason,
            keep,
            at,
            session,
            revision,
        }
    }

    /// The stored state was not there to keep after all: the fields say nothing was kept.
    pub(super) fn kept_nothing(mut self, current: Option<&JsValue>) -> Self {
        self.keep = Keep::Nothing;
        self.revision = current.and_then(|c| number(c, "snapshot_revision"));
        self
    }

    /// `record` with the snapshot fields this save writes.
    pub(super) fn write(&self, record: Record) -> Result<Record, StorageError> {
        let optional = |value: Option<f64>| value.map_or(JsValue::NULL, JsValue::from_f64);
        record
            .set("snapshot_at", optional(self.at))?
            .set(
                "snapshot_session",
                self.session
                    .as_deref()
                    .map_or(JsValue::NULL, JsValue::from_str),
            )?
            .set("snapshot_revision", optional(self.revision))
    }
}

/// Keeps a revision of the plan `plan_id`: `json` is its JSON as stored, text or bytes.
pub(super) async fn add_revision(
    revisions: &rexie::Store,
    plan_id: &str,
    json: &JsValue,
    revision: u32,
    now: f64,
    reason: RevisionReason,
) -> Result<(), StorageError> {
    let record = Record::new()
        .set(BY_PLAN, plan_id)?
        .set("json", json.clone())?
        .set("revision", revision)?
        .set("saved_at", now)?
        .set("reason", reason.name())?;
    revisions
        .add(&record.into_js(), None)
        .await
        .map_err(js_error)?;
    Ok(())
}

pub(super) async fn revision_keys(
    revisions: &rexie::Store,
    plan_id: &str,
) -> Result<Vec<JsValue>, StorageError> {
    let range = KeyRange::only(&JsValue::from_str(plan_id)).map_err(|e| js_error(e.into()))?;
    revisions
        .index(BY_PLAN)
        .map_err(js_error)?
        .get_all_keys(Some(range), None)
        .await
        .map_err(js_error)
}

/// Keeps at most [`MAX_REVISIONS`] revisions of a plan: the oldest go first, rolling ones
/// before those that mark the start of a session.
pub(super) async fn prune_revisions(
    revisions: &rexie::Store,
    plan_id: &str,
) -> Result<(), StorageError> {
    let keys = revision_keys(revisions, plan_id).await?;
    if keys.len() <= MAX_REVISIONS {
        return Ok(());
    }
    let mut excess = keys.len() - MAX_REVISIONS;
    let mut rolling = Vec::new();
    let mut others = Vec::new();
    // Each record holds a whole plan, so they are read oldest first only until enough rolling
    // ones are found (usually the first or second), not all forty.
    for key in keys {
        if rolling.len() == excess {
            break;
        }
        let record = revisions.get(key.clone()).await.map_err(js_error)?;
        let reason = record
            .as_ref()
            .and_then(|r| text(r, "reason"))
            .unwrap_or_default();
        if reason == RevisionReason::Rolling.name() {
            rolling.push(key);
        } else {
            others.push(key);
        }
    }
    // Keys grow with time, so each list is oldest first.
    for key in rolling.into_iter().chain(others) {
        if excess == 0 {
            break;
        }
        revisions.delete(key).await.map_err(js_error)?;
        excess -= 1;
    }
    Ok(())
}

impl Database {
    /// Keeps typing that could not be saved (another tab saved the plan first) as a revision
    /// of the plan, marked as made from revision `base_revision`: nothing typed is dropped.
    pub async fn keep_unsaved(
        &self,
        written: &PlanText,
        base_revision: u32,
        now: f64,
    ) -> Result<(), StorageError> {
        let transaction = self.begin(&[REVISIONS], TransactionMode::ReadWrite)?;
        let result = async {
            let revisions = store(&transaction, REVISIONS)?;
            let reason = RevisionReason::Unsaved;
            add_revision(
                &revisions,
                &written.id,
                &stored_json(&written.json),
                base_revision,
                now,
                reason,
            )
            .await?;
            prune_revisions(&revisions, &written.id).await
        }
        .await;
        finish(transaction, result).await
    }

    /// The kept revisions of a plan, newest first.
    pub async fn list_revisions(&self, plan_id: &str) -> Result<Vec<RevisionInfo>, StorageError> {
        self.list_kept(REVISIONS, plan_id).await
    }

    /// The revisions of `plan_id` kept in the store `store_name`, newest first.
    pub(super) async fn list_kept(
        &self,
        store_name: &str,
        plan_id: &str,
    ) -> Result<Vec<RevisionInfo>, StorageError> {
        let transaction = self.begin(&[store_name], TransactionMode::ReadOnly)?;
        let index = store(&transaction, store_name)?
            .index(BY_PLAN)
            .map_err(js_error)?;
        let range = KeyRange::only(&JsValue::from_str(plan_id)).map_err(|e| js_error(e.into()))?;
        let entries = index
            .scan(Some(range), None, None, None)
            .await
            .map_err(js_error)?;
        transaction.done().await.map_err(js_error)?;
        let mut revisions: Vec<RevisionInfo> = entries
            .iter()
            .filter_map(|(_, record)| {
                Some(RevisionInfo {
                    key: number(record, "key")?,
                    revision: revision_of(record),
                    saved_at: number(record, "saved_at")?,
                    reason: RevisionReason::from_name(&text(record, "reason").unwrap_or_default()),
                })
            })
            .collect();
        revisions.sort_by(|a, b| b.key.total_cmp(&a.key));
        Ok(revisions)
    }

    /// The plan as it was in the revision under `key`.
    pub async fn load_revision(&self, key: f64) -> Result<(Plan, ImportReport), StorageError> {
        let record = self
            .read_one(REVISIONS, JsValue::from_f64(key))
            .await?
            .ok_or(StorageError::NotFound)?;
        restore(json_of(&record).as_deref())
    }

    /// Makes the revision under `key` the plan's current state, keeping the state it replaces
    /// as a revision, in one transaction. Refuses like a save if the plan moved past
    /// `base_revision`. Returns the new revision number.
    pub async fn restore_revision(
        &self,
        plan_id: &str,
        key: f64,
        base_revision: u32,
        now: f64,
    ) -> Result<u32, StorageError> {
        let transaction = self.begin(&[PLANS, TEXTS, REVISIONS], TransactionMode::ReadWrite)?;
        let result = async {
            let plans = PlanStores::of(&transaction)?;
            let revisions = store(&transaction, REVISIONS)?;
            let current = plans.record(plan_id).await?.ok_or(StorageError::NotFound)?;
            check_revision(Some(revision_of(&current)), Some(base_revision))?;
            let chosen = revisions
                .get(JsValue::from_f64(key))
                .await
                .map_err(js_error)?
                .ok_or(StorageError::NotFound)?;
            if text(&chosen, BY_PLAN).as_deref() != Some(plan_id) {
                return Err(StorageError::NotFound);
            }
            let (plan, _) = restore(json_of(&chosen).as_deref())?;
            let old = plans
                .stored_json(plan_id, &current)
                .await?
                .ok_or(StorageError::Corrupt)?;
            let reason = RevisionReason::BeforeReplace;
            add_revision(&revisions, plan_id, &old, base_revision, now, reason).await?;
            prune_revisions(&revisions, plan_id).await?;
            let revision = base_revision + 1;
            let exported_at = number(&current, "exported_at");
            let written = PlanText::of(&plan)?;
            let record = plan_record(&written, revision, now, exported_at)?;
            plans.put(record, plan_id, &written.json).await?;
            Ok(revision)
        }
        .await;
        finish(transaction, result).await
    }
}
