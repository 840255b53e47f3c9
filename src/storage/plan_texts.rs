//! Văn bản kế hoạch (a plan's text, its JSON): from schema 3 it is kept in a store of its own,
//! `plan_texts`, as UTF-8 bytes, apart from the plan's small record in `plans`.
//!
//! Every save reads the plan's record to check its revision, and the plan list reads every
//! record; with the JSON inside (a few hundred kilobytes for a long plan) each of those reads
//! copied the whole plan, and each save wrote it as UTF-16 text decoded from the wasm's UTF-8.
//! Now a save reads a record of a few hundred bytes and writes the bytes it already has.
//!
//! A record written before schema 3 still holds its JSON in `plans`. It is read as it is (its
//! JSON wins over `plan_texts`, which cannot hold a newer one) and is split at its next write,
//! so no upgrade step rewrites anyone's plans.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::error::StorageError;
use super::records::{Record, delete_by_id, get_by_id, js_error, store};
use crate::domain::Plan;
use crate::file_format::{self, ImportReport};

/// The store of the plans' JSON, keyed by plan id.
pub(super) const TEXTS: &str = "plan_texts";
/// The field that holds a plan's JSON, in `plan_texts`, in a record from before schema 3, in
/// a revision and in the trash.
const JSON: &str = "json";

/// The JSON field of a stored record, as text: stored as text (before schema 3, revisions) or
/// as UTF-8 bytes (`plan_texts`).
pub(super) fn json_of(record: &JsValue) -> Option<String> {
    text_of(&raw_json(record))
}

/// A stored JSON value as text, if it is text or UTF-8 bytes.
fn text_of(json: &JsValue) -> Option<String> {
    match json.as_string() {
        Some(text) => Some(text),
        None => String::from_utf8(json.dyn_ref::<Uint8Array>()?.to_vec()).ok(),
    }
}

/// The JSON field of a record as stored, without reading it into the wasm; undefined if none.
fn raw_json(record: &JsValue) -> JsValue {
    Reflect::get(record, &JsValue::from_str(JSON)).unwrap_or(JsValue::UNDEFINED)
}

/// A plan's JSON as it is stored: UTF-8 bytes.
pub(super) fn stored_json(json: &str) -> JsValue {
    Uint8Array::from(json.as_bytes()).into()
}

/// The `plans` and `plan_texts` stores of one transaction.
pub(super) struct PlanStores {
    plans: rexie::Store,
    texts: rexie::Store,
}

impl PlanStores {
    /// The transaction must cover both stores.
    pub(super) fn of(transaction: &rexie::Transaction) -> Result<Self, StorageError> {
        Ok(Self {
            plans: store(transaction, super::database::PLANS)?,
            texts: store(transaction, TEXTS)?,
        })
    }

    /// The plan's record in `plans` (without its JSON from schema 3 on), if stored.
    pub(super) async fn record(&self, id: &str) -> Result<Option<JsValue>, StorageError> {
        get_by_id(&self.plans, id).await
    }

    /// The JSON of the plan whose `plans` record is `record`, as text.
    pub(super) async fn json(
        &self,
        id: &str,
        record: &JsValue,
    ) -> Result<Option<String>, StorageError> {
        Ok(self
            .stored_json(id, record)
            .await?
            .and_then(|json| text_of(&json)))
    }

    /// The JSON of the plan whose `plans` record is `record`, as stored (text or bytes), to be
    /// kept as a revision without a trip through the wasm.
    pub(super) async fn stored_json(
        &self,
        id: &str,
        record: &JsValue,
    ) -> Result<Option<JsValue>, StorageError> {
        // Anything but text or bytes is a damaged record, with nothing worth keeping.
        let usable = |json: &JsValue| json.is_string() || json.is_instance_of::<Uint8Array>();
        let inside = raw_json(record);
        if !inside.is_undefined() {
            return Ok(Some(inside).filter(usable));
        }
        let text = get_by_id(&self.texts, id).await?;
        Ok(text.map(|text| raw_json(&text)).filter(usable))
    }

    /// Stores a plan: its `record` (which must not hold the JSON) and its JSON, as bytes.
    pub(super) async fn put(
        &self,
        record: Record,
        id: &str,
        json: &str,
    ) -> Result<(), StorageError> {
        self.put_json(id, &stored_json(json)).await?;
        self.plans
            .put(&record.into_js(), None)
            .await
            .map_err(js_error)?;
        Ok(())
    }

    async fn put_json(&self, id: &str, json: &JsValue) -> Result<(), StorageError> {
        let text = Record::new().set("id", id)?.set(JSON, json.clone())?;
        self.texts
            .put(&text.into_js(), None)
            .await
            .map_err(js_error)?;
        Ok(())
    }

    /// The plan's record with its JSON inside, as the trash keeps it; none if not stored.
    pub(super) async fn whole(&self, id: &str) -> Result<Option<JsValue>, StorageError> {
        let Some(record) = self.record(id).await? else {
            return Ok(None);
        };
        if raw_json(&record).is_undefined()
            && let Some(text) = get_by_id(&self.texts, id).await?
        {
            Reflect::set(&record, &JsValue::from_str(JSON), &raw_json(&text))
                .map_err(|_| StorageError::Corrupt)?;
        }
        Ok(Some(record))
    }

    /// Stores a record that holds its plan's JSON (from the trash), split as schema 3 keeps it.
    pub(super) async fn put_whole(&self, id: &str, record: &JsValue) -> Result<(), StorageError> {
        let json = raw_json(record);
        if !json.is_undefined() {
            self.put_json(id, &json).await?;
            Reflect::delete_property(
                record.unchecked_ref::<js_sys::Object>(),
                &JsValue::from_str(JSON),
            )
            .map_err(|_| StorageError::Corrupt)?;
        }
        self.plans.put(record, None).await.map_err(js_error)?;
        Ok(())
    }

    /// Deletes the plan's record and its JSON.
    pub(super) async fn delete(&self, id: &str) -> Result<(), StorageError> {
        delete_by_id(&self.plans, id).await?;
        delete_by_id(&self.texts, id).await
    }
}

/// A plan written out for storing: its JSON and the fields the plan list shows. Made while the
/// plan is borrowed, so that a save needs no copy of the plan.
pub struct PlanText {
    pub id: String,
    pub json: String,
    title: String,
    issuing_body: String,
    year: i32,
    level: &'static str,
}

impl PlanText {
    pub fn of(plan: &Plan) -> Result<Self, StorageError> {
        let level = plan.level.as_str();
        Ok(Self {
            id: plan.id.clone(),
            json: serde_json::to_string(plan)
                .map_err(|error| StorageError::Transaction(error.to_string()))?,
            title: plan.title.clone(),
            issuing_body: plan.issuing_body.clone(),
            year: plan.year,
            level,
        })
    }
}

/// The stored record of a plan in `plans`: the fields the plan list shows and its revision; its
/// JSON goes to `plan_texts` ([`PlanStores::put`]).
pub(super) fn plan_record(
    plan: &PlanText,
    revision: u32,
    now: f64,
    exported_at: Option<f64>,
) -> Result<Record, StorageError> {
    Record::new()
        .set("id", plan.id.as_str())?
        .set("revision", revision)?
        .set("saved_at", now)?
        .set(
            "exported_at",
            exported_at.map_or(JsValue::NULL, JsValue::from_f64),
        )?
        .set("title", plan.title.as_str())?
        .set("issuing_body", plan.issuing_body.as_str())?
        .set("year", plan.year)?
        .set("level", plan.level)
}

/// A stored plan's JSON back to a plan, through the file format's restore path.
pub(super) fn restore(json: Option<&str>) -> Result<(Plan, ImportReport), StorageError> {
    let json = json.ok_or(StorageError::Corrupt)?;
    let value: serde_json::Value = serde_json::from_str(json).map_err(|_| StorageError::Corrupt)?;
    match file_format::restore_plan(&value) {
        (Some(plan), report) => Ok((plan, report)),
        (None, _) => Err(StorageError::Corrupt),
    }
}
