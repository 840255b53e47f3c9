//! Danh mục đơn vị (unit directory) kept across plans, in the meta store as one JSON list of
//! texts. What is read back is untrusted: anything but a list of short texts is ignored.

use rexie::TransactionMode;
use wasm_bindgen::JsValue;

use super::database::{Database, META};
use super::error::StorageError;
use super::records::{finish, js_error, store};
use crate::domain::Plan;
use crate::domain::text;
use crate::domain::units::learn_from;

/// The meta key under which the directory is stored.
const UNIT_DIRECTORY_KEY: &str = "unit-directory";
/// The most units the directory keeps; more is not a directory but noise.
const MAX_UNITS: usize = 2_000;

impl Database {
    /// The units learned from plans on this device, in the order they were first met.
    pub async fn unit_directory(&self) -> Result<Vec<String>, StorageError> {
        let value = self
            .read_one(META, JsValue::from_str(UNIT_DIRECTORY_KEY))
            .await?;
        Ok(directory_of(value))
    }

    /// Adds the units named in `plan` to the directory, in one transaction; returns whether
    /// anything was new.
    pub async fn learn_units(&self, plan: &Plan) -> Result<bool, StorageError> {
        let transaction = self.begin(&[META], TransactionMode::ReadWrite)?;
        let result = async {
            let meta = store(&transaction, META)?;
            let key = JsValue::from_str(UNIT_DIRECTORY_KEY);
            let stored = meta.get(key.clone()).await.map_err(js_error)?;
            let mut directory = directory_of(stored);
            if !learn_from(&mut directory, plan) {
                return Ok(false);
            }
            directory.truncate(MAX_UNITS);
            let json = serde_json::to_string(&directory)
                .map_err(|error| StorageError::Transaction(error.to_string()))?;
            meta.put(&JsValue::from_str(&json), Some(&key))
                .await
                .map_err(js_error)?;
            Ok(true)
        }
        .await;
        finish(transaction, result).await
    }
}

/// The directory in a stored meta value; anything but a JSON text of a list reads as empty.
fn directory_of(stored: Option<JsValue>) -> Vec<String> {
    stored
        .and_then(|value| value.as_string())
        .map(|json| parse(&json))
        .unwrap_or_default()
}

/// The stored list, keeping only short texts, cleaned to NFC.
fn parse(json: &str) -> Vec<String> {
    let Ok(serde_json::Value::Array(items)) = serde_json::from_str(json) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| item.as_str())
        .filter(|unit| !unit.trim().is_empty() && unit.chars().count() <= 200)
        .map(text::clean)
        .take(MAX_UNITS)
        .collect()
}
