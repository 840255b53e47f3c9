//! Phiên bản và cập nhật (version and updates): registers the service worker (`public/sw.js`)
//! that keeps every file of the app for use with no network, offers a new version once it has
//! installed in the background ("Đã có phiên bản mới — Tải lại"), and moves to it only when the
//! person agrees and everything typed is stored. Also the footer naming the running version.

use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration};

use crate::state::{any_unsaved, flush_all};

/// How often an open app asks the server for a new version, besides when the network comes back
/// and when the app is shown again.
const UPDATE_CHECK_EVERY: Duration = Duration::from_secs(30 * 60);

/// How often the page looks again whether the edits it waits for are stored.
const SAVE_POLL: Duration = Duration::from_millis(150);

/// How long the page waits for the new worker to take over before it reloads anyway.
const TAKE_OVER_WAIT: Duration = Duration::from_secs(10);

/// Where the offer of a new version stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Offer {
    /// No new version, or no service worker.
    Nothing,
    /// A new version has installed and waits for the person's agreement.
    Ready,
    /// The person agreed; the page reloads once every edit is stored.
    AfterSave,
    /// Reloading into the new version.
    Reloading,
}

/// Whether every file of the app is kept on this device for use with no network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Offline {
    /// Not known yet (the worker is being registered), or no service worker at all.
    Unknown,
    /// The worker is fetching the app's files, `kept` of `total` so far (0 of 0 until it
    /// says): leaving the network now would leave some out.
    Preparing { kept: u32, total: u32 },
    /// Kept: the app opens and works with no network.
    Ready,
    /// The worker could not keep them (a file failed); the browser tries again later.
    Failed,
}

impl Offline {
    /// The state's name, in `data-state` for the tests.
    fn name(self) -> &'static str {
        match self {
            Offline::Unknown => "unknown",
            Offline::Preparing { .. } => "preparing",
            Offline::Ready => "ready",
            Offline::Failed => "failed",
        }
    }
}

/// The service worker as the page sees it: the offer of a new version, whether the app is
/// ready for use with no network, and the registration (context value).
#[derive(Clone, Copy)]
struct Worker {
    offer: RwSignal<Offer>,
    offline: RwSignal<Offline>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

/// Registers the service worker and provides what the banner and the offline status show.
/// Called once, at the top of `App`.
pub fn provide_service_worker() {
    let worker = Worker {
        offer: RwSignal::new(Offer::Nothing),
        offline: RwSignal::new(Offline::Unknown),
        registration: StoredValue::new_local(None),
    };
    if let Some(container) = service_workers() {
        leptos::task::spawn_local(register_worker(container, worker));
    }
    provide_context(worker);
}

/// Says, under the app's title, while the app's files are being kept for use with no network,
/// and once they are, so that nobody leaves the office's connection too early.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let offline = use_context::<Worker>().map(|worker| worker.offline);
    let state = move || offline.map_or(Offline::Unknown, |offline| offline.get());
    view! {
        <p
            class="offline-status"
            class:offline-status-preparing=move || matches!(state(), Offline::Preparing { .. })
            role="status"
            data-testid="offline-status"
            data-state=move || state().name()
        >
            {move || match state() {
                Offline::Unknown => String::new(),
                Offline::Preparing { kept, total } => {
                    let count = if total > 0 { format!(" ({kept}/{total} tệp)") } else { String::new() };
                    format!(
                        "Đang chuẩn bị dùng ngoại tuyến…{count} Hãy giữ kết nối mạng đến khi có thông báo đã sẵn sàng."
                    )
                }
                Offline::Ready => {
                    "Đã sẵn sàng dùng ngoại tuyến: không có mạng, ứng dụng vẫn mở và làm việc được.".to_string()
                }
                Offline::Failed => {
                    "Chưa chuẩn bị xong để dùng ngoại tuyến (có tệp chưa tải được); ứng dụng sẽ thử lại khi có mạng."
                        .to_string()
                }
            }}
        </p>
    }
}

/// The update banner (thông báo phiên bản mới) and the version footer, mounted once in `App`.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let Worker {
        offer,
        registration,
        ..
    } = expect_context::<Worker>();
    let accept = move |_| {
        after_save(offer, move || {
            let waiting = registration.with_value(|registration| registration.as_ref()?.waiting());
            match waiting {
                // The page reloads on `controllerchange`, once the new worker is active.
                Some(worker) => post_skip_waiting(&worker),
                // Another tab already moved to the new version.
                None => reload(),
            }
        });
    };
    let message = move || match offer.get() {
        Offer::Nothing | Offer::Ready => "Đã có phiên bản mới —",
        Offer::AfterSave => {
            "Đang lưu những thay đổi chưa lưu. Ứng dụng sẽ tải lại sang phiên bản mới ngay khi lưu xong."
        }
        Offer::Reloading => "Đang tải lại sang phiên bản mới…",
    };
    view! {
        <Show when=move || offer.get() != Offer::Nothing>
            <div class="update-banner" role="status" aria-live="polite" data-testid="update-banner">
                <p>{message}</p>
                <Show when=move || offer.get() == Offer::Ready>
                    <button class="button button-primary" data-testid="update-reload" on:click=accept>
                        "Tải lại"
                    </button>
                </Show>
            </div>
        </Show>
        <footer class="app-footer">
            <p data-testid="app-version">
                {format!("Phiên bản {} ({})", env!("CARGO_PKG_VERSION"), build_version())}
            </p>
        </footer>
    }
}

/// The build's version, written into index.html by `scripts/precache.mjs`.
fn build_version() -> String {
    document()
        .query_selector("meta[name=kehoach-version]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| "dev".into())
}

/// `navigator.serviceWorker`, absent outside a secure context and in some private modes.
fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let present = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !present {
        web_sys::console::warn_1(
            &"Trình duyệt không hỗ trợ service worker: ứng dụng sẽ không mở được khi mất mạng"
                .into(),
        );
        return None;
    }
    Some(navigator.service_worker())
}

/// Registers the worker, and watches for a new version from then on.
async fn register_worker(container: ServiceWorkerContainer, worker: Worker) {
    let Worker {
        offer,
        offline,
        registration: slot,
    } = worker;
    // A page opened before any worker existed is not moved to the first one; only a page that
    // an older worker serves reloads when a newer one takes over.
    let updating = container.controller().is_some();
    // The first worker counts the files it has kept (public/sw.js); a later one, installing
    // a new version in the background, is not what the status is about.
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
            if field("type").and_then(|kind| kind.as_string()).as_deref()
                != Some("precache-progress")
            {
                return;
            }
            let count =
                |name: &str| field(name).and_then(|value| value.as_f64()).unwrap_or(0.0) as u32;
            offline.update(|state| {
                if let Offline::Preparing { .. } = state {
                    *state = Offline::Preparing {
                        kept: count("kept"),
                        total: count("total"),
                    };
                }
            });
        });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        // In this tab or another, the person agreed: each tab reloads once its own edits are
        // stored, since the files of its version may be gone from the cache.
        if updating {
            after_save(offer, reload);
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    let options = web_sys::RegistrationOptions::new();
    // Update checks always reach the server, never the HTTP cache.
    options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
    let registration =
        match JsFuture::from(container.register_with_options("sw.js", &options)).await {
            Ok(registration) => registration.unchecked_into::<ServiceWorkerRegistration>(),
            Err(error) => {
                web_sys::console::warn_2(&"Không đăng ký được service worker".into(), &error);
                return;
            }
        };
    // An active worker has kept every file of its build (it installs only when all of them
    // came and matched their hashes). Until there is one, the app says it is preparing.
    if registration.active().is_none() {
        offline.set(Offline::Preparing { kept: 0, total: 0 });
    }
    if let Ok(ready) = container.ready() {
        leptos::task::spawn_local(async move {
            if JsFuture::from(ready).await.is_ok() {
                offline.set(Offline::Ready);
            }
        });
    }
    let offer_if_waiting = {
        let registration = registration.clone();
        let container = container.clone();
        move || {
            // The first worker gave up (a file did not come): not ready, and not silent.
            if registration.active().is_none()
                && registration.installing().is_none()
                && registration.waiting().is_none()
            {
                offline.set(Offline::Failed);
            }
            // The very first worker activates by itself: nothing to offer then.
            if registration.waiting().is_some() && container.controller().is_some() {
                offer.update(|offer| {
                    if *offer == Offer::Nothing {
                        *offer = Offer::Ready;
                    }
                });
            }
        }
    };
    // A worker may be installing already (the browser checks for one as the page loads); any
    // later one is announced by `updatefound`.
    let watch_installing = {
        let registration = registration.clone();
        move || {
            if let Some(installing) = registration.installing() {
                let on_state = Closure::<dyn FnMut()>::new(offer_if_waiting.clone());
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            }
            offer_if_waiting();
        }
    };
    watch_installing();
    let on_update_found = Closure::<dyn FnMut()>::new(watch_installing);
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
    slot.set_value(Some(registration));
    check_for_updates(slot);
}

/// Asks the server for a new version when the network comes back, when the app is shown again,
/// and every half hour.
fn check_for_updates(slot: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>) {
    let check = move || {
        if let Some(registration) = slot.get_value() {
            leptos::task::spawn_local(ask_for_update(registration));
        }
    };
    // Never removed: the banner is mounted once and lives as long as the page.
    window_event_listener_untyped("online", move |_| check());
    window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            check();
        }
    });
    set_interval(check, UPDATE_CHECK_EVERY);
}

/// One update check; failing offline is expected and harmless.
async fn ask_for_update(registration: ServiceWorkerRegistration) {
    if let Ok(promise) = registration.update() {
        JsFuture::from(promise).await.ok();
    }
}

/// Runs `then` once nothing typed in this tab is unsaved, telling the person meanwhile.
fn after_save(offer: RwSignal<Offer>, then: impl FnOnce() + 'static) {
    offer.set(Offer::AfterSave);
    when_saved(move || {
        offer.set(Offer::Reloading);
        then();
    });
}

/// Runs `then` once nothing typed in this tab is unsaved, saving pending edits at once.
fn when_saved(then: impl FnOnce() + 'static) {
    if !any_unsaved() {
        then();
        return;
    }
    flush_all();
    wait_until_saved(then);
}

fn wait_until_saved(then: impl FnOnce() + 'static) {
    if any_unsaved() {
        set_timeout(move || wait_until_saved(then), SAVE_POLL);
    } else {
        then();
    }
}

/// Tells the waiting worker that the person agreed to move to its version.
fn post_skip_waiting(worker: &web_sys::ServiceWorker) {
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into()).ok();
    if let Err(error) = worker.post_message(&message) {
        web_sys::console::warn_2(
            &"Không gửi được lệnh cập nhật tới service worker".into(),
            &error,
        );
        reload();
        return;
    }
    // Should the worker never take over (it failed, or another took its place), a reload still
    // ends the wait: it opens whichever version is active, and the banner comes back if needed.
    set_timeout(|| when_saved(reload), TAKE_OVER_WAIT);
}

fn reload() {
    if let Err(error) = window().location().reload() {
        web_sys::console::error_2(&"Không tải lại được trang".into(), &error);
    }
}
