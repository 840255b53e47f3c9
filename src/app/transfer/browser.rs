//! Browser glue for files: download through an object URL, the Web Share API where it can
//! send files, reading a picked file in chunks with progress, and yielding to the event loop.

use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::error::TransferError;

/// The size of one read of a picked file: small enough for the progress bar to move.
const CHUNK_BYTES: f64 = 1024.0 * 1024.0;

/// A JSON file in memory, ready to be downloaded or shared.
fn json_file(name: &str, text: &str) -> Result<web_sys::File, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/json");
    web_sys::File::new_with_str_sequence_and_options(&parts, name, &options)
}

/// Saves `text` as the JSON file `name` through the browser's download.
pub fn download(name: &str, text: &str) -> Result<(), TransferError> {
    let file = json_file(name, text).map_err(download_failed)?;
    download_blob(name, &file)
}

/// Saves `bytes` of type `mime` (a Word file, a workbook …) as the file `name`.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), TransferError> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(download_failed)?;
    download_blob(name, &blob)
}

fn download_failed(error: JsValue) -> TransferError {
    TransferError::DownloadRefused.logged(error)
}

/// Hands `blob` to the browser as a download named `name`, through a temporary link.
fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), TransferError> {
    let fail = download_failed;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(fail)?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_attribute("hidden", "").ok();
    let body = document.body().ok_or_else(|| fail(JsValue::NULL))?;
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    anchor.remove();
    // The download has started reading the URL by the time this runs; revoking it at once
    // can cut the download short in some browsers.
    leptos::prelude::set_timeout(
        move || {
            web_sys::Url::revoke_object_url(&url).ok();
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// The browser's `navigator`, as a plain object for feature detection.
fn navigator() -> Option<JsValue> {
    web_sys::window().map(|window| window.navigator().into())
}

fn method(target: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
}

fn share_data(file: &web_sys::File, title: &str) -> JsValue {
    let data = js_sys::Object::new();
    let files = js_sys::Array::of1(file);
    js_sys::Reflect::set(&data, &"files".into(), &files).ok();
    js_sys::Reflect::set(&data, &"title".into(), &JsValue::from_str(title)).ok();
    data.into()
}

/// Whether this browser can share a JSON file (`navigator.canShare({files})`): tablets and
/// phones usually can, desktop Linux browsers cannot.
pub fn can_share_files() -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    let (Some(can_share), Some(_)) = (method(&navigator, "canShare"), method(&navigator, "share"))
    else {
        return false;
    };
    let Ok(file) = json_file("kiem-tra.json", "{}") else {
        return false;
    };
    can_share
        .call1(&navigator, &share_data(&file, "Kế hoạch CCHC"))
        .map(|answer| answer.is_truthy())
        .unwrap_or(false)
}

/// Waits `ms` milliseconds (a turn of the browser's timers), at once if there is no window.
pub async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let waiting = web_sys::window().and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .ok()
        });
        if waiting.is_none() {
            resolve.call0(&JsValue::NULL).ok();
        }
    });
    JsFuture::from(promise).await.ok();
}

/// What came of offering a file to the share sheet.
pub enum Shared {
    Sent,
    /// The person closed the share sheet: nothing was sent, and that is no error.
    Cancelled,
}

/// Offers the file to the system share sheet (email, Zalo, a drive…).
pub async fn share(name: &str, text: &str, title: &str) -> Result<Shared, TransferError> {
    let fail = |error: JsValue| TransferError::ShareUnavailable.logged(error);
    let navigator = navigator().ok_or_else(|| fail(JsValue::NULL))?;
    let share = method(&navigator, "share").ok_or_else(|| fail(JsValue::NULL))?;
    let file = json_file(name, text).map_err(fail)?;
    let promise: js_sys::Promise = share
        .call1(&navigator, &share_data(&file, title))
        .map_err(fail)?
        .dyn_into()
        .map_err(fail)?;
    match JsFuture::from(promise).await {
        Ok(_) => Ok(Shared::Sent),
        Err(error) => {
            let name = js_sys::Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|name| name.as_string());
            if name.as_deref() == Some("AbortError") {
                Ok(Shared::Cancelled)
            } else {
                Err(fail(error))
            }
        }
    }
}

/// Reads a picked file in chunks, calling `progress(read, total)` after each and letting the
/// page repaint in between, so a large file shows its progress and the page stays responsive.
pub async fn read_file(
    file: &web_sys::File,
    mut progress: impl FnMut(f64, f64),
) -> Result<Vec<u8>, TransferError> {
    let total = file.size();
    let mut bytes = Vec::with_capacity(total as usize);
    let mut start = 0.0;
    progress(0.0, total);
    while start < total {
        let end = (start + CHUNK_BYTES).min(total);
        let chunk = file
            .slice_with_f64_and_f64(start, end)
            .map_err(read_failed)?;
        let buffer = JsFuture::from(chunk.array_buffer())
            .await
            .map_err(read_failed)?;
        bytes.extend_from_slice(&js_sys::Uint8Array::new(&buffer).to_vec());
        start = end;
        progress(start, total);
        yield_now().await;
    }
    Ok(bytes)
}

fn read_failed(error: JsValue) -> TransferError {
    TransferError::ReadFailed.logged(error)
}

/// The SHA-256 of `bytes`, by the browser's own Web Crypto (`crypto.subtle.digest`), which
/// hashes a 5 MB backup in a few milliseconds off the page's thread; `None` where the page
/// has no Web Crypto (served without HTTPS), and the caller hashes in wasm instead.
pub async fn sha256(bytes: &[u8]) -> Option<Vec<u8>> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    if JsValue::from(subtle.clone()).is_undefined() {
        return None;
    }
    // The digest copies the bytes before it returns its promise.
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()?;
    let digest = JsFuture::from(promise).await.ok()?;
    Some(js_sys::Uint8Array::new(&digest).to_vec())
}

/// Lets the browser run other tasks (paint, input) before going on: through
/// `scheduler.yield()` where the browser has it (Chromium 129 on), which lets everything that
/// waits run and then comes straight back; else through a zero timeout, which browsers stretch
/// to 4 ms once timeouts nest, and a long import yields hundreds of times.
pub async fn yield_now() {
    if let Some(promise) = scheduler_yield() {
        JsFuture::from(promise).await.ok();
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok();
        }
    });
    JsFuture::from(promise).await.ok();
}

/// `scheduler.yield()`, if the browser has it.
fn scheduler_yield() -> Option<js_sys::Promise> {
    let window: JsValue = web_sys::window()?.into();
    let scheduler = js_sys::Reflect::get(&window, &"scheduler".into()).ok()?;
    let yield_fn = js_sys::Reflect::get(&scheduler, &"yield".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    yield_fn.call0(&scheduler).ok()?.dyn_into().ok()
}

/// Today's date on this device, for file names.
pub fn today() -> crate::file_format::file_name::FileDate {
    let date = js_sys::Date::new_0();
    crate::file_format::file_name::FileDate {
        year: date.get_full_year() as i32,
        month: date.get_month() + 1,
        day: date.get_date(),
    }
}

/// Now as ISO 8601 local time with its offset: "2026-11-23T14:32:05+07:00".
pub fn now_iso() -> String {
    let date = js_sys::Date::new_0();
    // getTimezoneOffset is UTC minus local, in minutes.
    let offset = -(date.get_timezone_offset() as i32);
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds(),
        offset.abs() / 60,
        offset.abs() % 60
    )
}
