//! Reading and writing the plain JavaScript objects that IndexedDB stores, and the small steps
//! of a transaction every store shares: a store by name, a record by id, commit or abort.

use wasm_bindgen::JsValue;

use super::error::StorageError;

/// A record being built for storing.
pub(super) struct Record(js_sys::Object);

impl Record {
    pub(super) fn new() -> Self {
        Self(js_sys::Object::new())
    }

    pub(super) fn set(self, key: &str, value: impl Into<JsValue>) -> Result<Self, StorageError> {
        js_sys::Reflect::set(&self.0, &JsValue::from_str(key), &value.into())
            .map_err(|_| StorageError::Transaction(format!("không đặt được trường «{key}»")))?;
        Ok(self)
    }

    pub(super) fn into_js(self) -> JsValue {
        self.0.into()
    }
}

/// A text field of a stored record, if it is there and is text.
pub(super) fn text(record: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(record, &JsValue::from_str(key))
        .ok()
        .and_then(|value| value.as_string())
}

/// A number field of a stored record, if it is there and is a number.
pub(super) fn number(record: &JsValue, key: &str) -> Option<f64> {
    js_sys::Reflect::get(record, &JsValue::from_str(key))
        .ok()
        .and_then(|value| value.as_f64())
}

pub(super) fn js_error(error: rexie::Error) -> StorageError {
    StorageError::from_rexie(error)
}

/// A store of an open transaction.
pub(super) fn store(
    transaction: &rexie::Transaction,
    name: &str,
) -> Result<rexie::Store, StorageError> {
    transaction.store(name).map_err(js_error)
}

/// The record stored under the text key `id`, if any.
pub(super) async fn get_by_id(
    store: &rexie::Store,
    id: &str,
) -> Result<Option<JsValue>, StorageError> {
    store.get(JsValue::from_str(id)).await.map_err(js_error)
}

/// Deletes the record stored under the text key `id`.
pub(super) async fn delete_by_id(store: &rexie::Store, id: &str) -> Result<(), StorageError> {
    store.delete(JsValue::from_str(id)).await.map_err(js_error)
}

/// Ends a read-write transaction: commits on success and aborts on failure, since IndexedDB
/// would otherwise commit the writes made before a failure of ours (a conflict, say).
pub(super) async fn finish<T>(
    transaction: rexie::Transaction,
    result: Result<T, StorageError>,
) -> Result<T, StorageError> {
    match result {
        Ok(value) => {
            // The browser may still abort at commit (it checks the quota then), firing only an
            // abort event: that is a failed save, not a saved one.
            let outcome = transaction.done().await.map_err(js_error)?;
            if outcome.is_committed() {
                Ok(value)
            } else {
                Err(StorageError::NotCommitted)
            }
        }
        Err(error) => {
            transaction.abort().await.ok();
            Err(error)
        }
    }
}

/// A save or import may go ahead only from the revision it started from: `None` means the plan
/// must not be stored yet.
pub(super) fn check_revision(
    stored: Option<u32>,
    expected: Option<u32>,
) -> Result<(), StorageError> {
    if stored == expected {
        return Ok(());
    }
    match stored {
        Some(stored) => Err(StorageError::Conflict { stored }),
        None => Err(StorageError::NotFound),
    }
}

pub(super) fn set_field(record: &JsValue, key: &str, value: &JsValue) -> Result<(), StorageError> {
    js_sys::Reflect::set(record, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| StorageError::Corrupt)
}

pub(super) fn revision_of(record: &JsValue) -> u32 {
    number(record, "revision").map_or(0, |n| n as u32)
}
