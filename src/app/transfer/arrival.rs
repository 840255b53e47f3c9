//! Tệp đến (files arriving): a file handed over by the system to the installed app
//! (launchQueue) or dropped anywhere on the page goes to the import.

use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::TransferContext;
use super::import::start_import;
use crate::state::use_database;

/// Files the system hands to the installed app ("Mở bằng…", file handlers of the manifest),
/// where the browser has `window.launchQueue`.
pub fn consume_launch_queue(transfer: TransferContext) {
    let database = use_database();
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(queue) = js_sys::Reflect::get(&window, &"launchQueue".into()) else {
        return;
    };
    if !queue.is_object() {
        return;
    }
    let Some(set_consumer) = js_sys::Reflect::get(&queue, &"setConsumer".into())
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let consumer = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
        let first = js_sys::Reflect::get(&params, &"files".into())
            .ok()
            .map(|files| js_sys::Array::from(&files).get(0))
            .filter(|handle| handle.is_object());
        let Some(handle) = first else {
            return;
        };
        let get_file = js_sys::Reflect::get(&handle, &"getFile".into())
            .ok()
            .and_then(|value| value.dyn_into::<js_sys::Function>().ok());
        let Some(promise) = get_file
            .and_then(|get_file| get_file.call0(&handle).ok())
            .and_then(|value| value.dyn_into::<js_sys::Promise>().ok())
        else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            match JsFuture::from(promise)
                .await
                .map(JsCast::dyn_into::<web_sys::File>)
            {
                Ok(Ok(file)) => start_import(transfer, database, file),
                _ => transfer.tell(
                    "Không mở được tệp được gửi tới ứng dụng. Hãy dùng nút «Nhập tệp…».",
                    true,
                ),
            }
        });
    });
    if set_consumer.call1(&queue, consumer.as_ref()).is_ok() {
        // The consumer lives as long as the page.
        consumer.forget();
    }
}

/// Whether a drag carries files (not text or a link).
fn carries_files(event: &web_sys::DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|data| data.types().includes(&"Files".into(), 0))
}

/// A file dropped anywhere on the page is imported. The browser would otherwise open the file
/// in place of the app.
pub fn accept_dropped_files(transfer: TransferContext) {
    let database = use_database();
    let over = window_event_listener(ev::dragover, move |event| {
        if carries_files(&event) {
            event.prevent_default();
            transfer.dragging.set(true);
        }
    });
    let leave = window_event_listener(ev::dragleave, move |event| {
        // Leaving the window, not moving between elements, has no element to go to.
        if event.related_target().is_none() {
            transfer.dragging.set(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |event| {
        transfer.dragging.set(false);
        if !carries_files(&event) {
            return;
        }
        event.prevent_default();
        let file = event
            .data_transfer()
            .and_then(|data| data.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            start_import(transfer, database, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
}
