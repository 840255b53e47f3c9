//! Reading and writing the plain JavaScript objects that IndexedDB stores.

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
