//! Hồ sơ nhận được (the inbox): plan and report files received from other bodies, kept apart
//! from the plans written on this device (schema 6). Each received file is a small record in
//! `inbox` (what the inbox list shows, read without the content) and its content as JSON text in
//! `inbox_texts` under the same key; a refused file keeps its record, with why, and no content.
//! No function of the plans' stores reads or writes these, and none of these touches theirs.

use rexie::TransactionMode;
use wasm_bindgen::JsValue;

use super::database::{Database, META};
use super::error::StorageError;
use super::records::{Record, finish, js_error, number, store, text};
use crate::domain::progress::ReportPeriod;

pub(super) const INBOX: &str = "inbox";
pub(super) const INBOX_TEXTS: &str = "inbox_texts";

/// The meta key of the expected senders of a round.
fn expected_key(round: &str) -> String {
    format!("inbox-expected:{round}")
}

/// One file received, as the inbox lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReceivedFile {
    /// Its key in the inbox, given when stored (0 before).
    pub key: f64,
    /// When it was received here (milliseconds since 1970).
    pub received_at: f64,
    /// When its sender exported it, as its envelope says (ISO 8601): of two versions from one
    /// sender, the later sent is the newer, whatever order they were received in.
    pub sent_at: String,
    pub file_name: String,
    /// Cơ quan ban hành (issuing body) as the file names it; empty when the file could not be
    /// read at all.
    pub sender: String,
    /// Năm kế hoạch; 0 when the file could not be read.
    pub year: i32,
    /// `None`: a plan; else the period whose report it is.
    pub period: Option<ReportPeriod>,
    pub title: String,
    /// How many tasks the plan (or the reported plan) has.
    pub tasks: u32,
    /// SHA-256 of the content as stored: the same content received twice is one submission.
    pub digest: String,
    /// Why the file was refused (the message the person read); `None` when it was filed.
    pub refused: Option<String>,
}

impl ReceivedFile {
    fn record(&self) -> Result<Record, StorageError> {
        let period = self
            .period
            .and_then(|p| ReportPeriod::ALL.iter().position(|q| *q == p))
            .map_or(JsValue::NULL, |index| JsValue::from(index as u32));
        let optional =
            |value: &Option<String>| value.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        Record::new()
            .set("received_at", self.received_at)?
            .set("sent_at", self.sent_at.as_str())?
            .set("file_name", self.file_name.as_str())?
            .set("sender", self.sender.as_str())?
            .set("year", self.year)?
            .set("period", period)?
            .set("title", self.title.as_str())?
            .set("tasks", self.tasks)?
            .set("digest", self.digest.as_str())?
            .set("refused", optional(&self.refused))
    }

    /// A stored record read back; `None` when it is not one (no key).
    fn of(record: &JsValue) -> Option<Self> {
        let whole = |key: &str| number(record, key).unwrap_or(0.0);
        Some(Self {
            key: number(record, "key")?,
            received_at: whole("received_at"),
            sent_at: text(record, "sent_at").unwrap_or_default(),
            file_name: text(record, "file_name").unwrap_or_default(),
            sender: text(record, "sender").unwrap_or_default(),
            year: whole("year") as i32,
            period: number(record, "period")
                .and_then(|index| ReportPeriod::ALL.get(index as usize).copied()),
            title: text(record, "title").unwrap_or_default(),
            tasks: whole("tasks") as u32,
            digest: text(record, "digest").unwrap_or_default(),
            refused: text(record, "refused"),
        })
    }
}

impl Database {
    /// Files received, with their content (none for a refused file), stored in one
    /// transaction: all or none. Returns the keys given, in order.
    pub async fn store_received(
        &self,
        files: &[(ReceivedFile, Option<String>)],
    ) -> Result<Vec<f64>, StorageError> {
        let transaction = self.begin(&[INBOX, INBOX_TEXTS], TransactionMode::ReadWrite)?;
        let result = async {
            let inbox = store(&transaction, INBOX)?;
            let texts = store(&transaction, INBOX_TEXTS)?;
            let mut keys = Vec::with_capacity(files.len());
            for (file, json) in files {
                let key = inbox
                    .add(&file.record()?.into_js(), None)
                    .await
                    .map_err(js_error)?;
                if let Some(json) = json {
                    texts
                        .put(&JsValue::from_str(json), Some(&key))
                        .await
                        .map_err(js_error)?;
                }
                keys.push(key.as_f64().ok_or(StorageError::Corrupt)?);
            }
            Ok(keys)
        }
        .await;
        finish(transaction, result).await
    }

    /// Every file received, oldest first, without their content.
    pub async fn list_received(&self) -> Result<Vec<ReceivedFile>, StorageError> {
        let records = self.read_all(INBOX).await?;
        Ok(records.iter().filter_map(ReceivedFile::of).collect())
    }

    /// The content of the received files under `keys`, read in one transaction, in order;
    /// `None` for a key without content.
    pub async fn received_texts(&self, keys: &[f64]) -> Result<Vec<Option<String>>, StorageError> {
        let transaction = self.begin(&[INBOX_TEXTS], TransactionMode::ReadOnly)?;
        let texts = store(&transaction, INBOX_TEXTS)?;
        let mut found = Vec::with_capacity(keys.len());
        for key in keys {
            let value = texts.get(JsValue::from_f64(*key)).await.map_err(js_error)?;
            found.push(value.and_then(|v| v.as_string()));
        }
        transaction.done().await.map_err(js_error)?;
        Ok(found)
    }

    /// Removes a received file and its content.
    pub async fn delete_received(&self, key: f64) -> Result<(), StorageError> {
        let transaction = self.begin(&[INBOX, INBOX_TEXTS], TransactionMode::ReadWrite)?;
        let result = async {
            let key = JsValue::from_f64(key);
            store(&transaction, INBOX)?
                .delete(key.clone())
                .await
                .map_err(js_error)?;
            store(&transaction, INBOX_TEXTS)?
                .delete(key)
                .await
                .map_err(js_error)
        }
        .await;
        finish(transaction, result).await
    }

    /// The list of expected senders of `round` as the person typed or pasted it.
    pub async fn expected_senders(&self, round: &str) -> Result<String, StorageError> {
        let value = self
            .read_one(META, JsValue::from_str(&expected_key(round)))
            .await?;
        Ok(value.and_then(|v| v.as_string()).unwrap_or_default())
    }

    /// Keeps the list of expected senders of `round`.
    pub async fn save_expected_senders(&self, round: &str, list: &str) -> Result<(), StorageError> {
        let transaction = self.begin(&[META], TransactionMode::ReadWrite)?;
        let result = async {
            store(&transaction, META)?
                .put(
                    &JsValue::from_str(list),
                    Some(&JsValue::from_str(&expected_key(round))),
                )
                .await
                .map(|_| ())
                .map_err(js_error)
        }
        .await;
        finish(transaction, result).await
    }
}
