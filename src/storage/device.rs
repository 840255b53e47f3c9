//! Persistence and space: asking the browser to keep the data (navigator.storage.persist()) and
//! how much of the device's space it uses.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn storage_manager() -> Option<web_sys::StorageManager> {
    let window = web_sys::window()?;
    Some(window.navigator().storage())
}

/// Asks the browser not to evict the app's data under storage pressure. `Some(granted)`, or
/// `None` where the browser has no such request.
pub async fn request_persistence() -> Option<bool> {
    let promise = storage_manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Whether the browser already keeps the data persistently.
pub async fn is_persisted() -> Option<bool> {
    let promise = storage_manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Bytes used by the app and bytes it may use on this device.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StorageEstimate {
    pub usage: f64,
    pub quota: f64,
}

/// How much space the app uses, where the browser says.
pub async fn estimate() -> Option<StorageEstimate> {
    let promise = storage_manager()?.estimate().ok()?;
    let value = JsFuture::from(promise).await.ok()?;
    // A WebIDL dictionary has no class to check against, so the cast cannot be checked.
    let estimate: web_sys::StorageEstimate = value.unchecked_into();
    Some(StorageEstimate {
        usage: estimate.get_usage()?,
        quota: estimate.get_quota()?,
    })
}
