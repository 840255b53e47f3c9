//! The Leptos user interface, mounted over the static skeleton of `index.html`.

mod chunks;

#[forbid(unsafe_code)]
mod editor;
#[forbid(unsafe_code)]
mod format;
#[forbid(unsafe_code)]
mod inbox;
#[forbid(unsafe_code)]
mod inputs;
#[forbid(unsafe_code)]
mod new_plan;
#[forbid(unsafe_code)]
mod plan_actions;
#[forbid(unsafe_code)]
mod plan_editor;
#[forbid(unsafe_code)]
mod plan_list;
#[forbid(unsafe_code)]
mod print_view;
#[forbid(unsafe_code)]
mod progress;
#[forbid(unsafe_code)]
mod revision_history;
#[forbid(unsafe_code)]
pub(crate) mod save_status;
#[forbid(unsafe_code)]
mod transfer;
#[forbid(unsafe_code)]
pub mod unit_directory;
#[forbid(unsafe_code)]
mod update;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::state::provide_database;
use crate::storage::{DATABASE_NAME, Database, StorageError};
use plan_list::PlanList;

/// The app's name as users see it (tên ứng dụng).
pub const APP_NAME: &str = "Soạn Kế hoạch cải cách hành chính";

/// localStorage key of the plan open last, reopened on the next visit.
const LAST_PLAN_KEY: &str = "ke-hoach-cchc.last-plan";
/// localStorage key set while the plan open last was being followed (theo dõi thực hiện), so
/// that a reload returns there rather than to its editor.
const LAST_FOLLOWED_KEY: &str = "ke-hoach-cchc.last-followed";

/// Which screen is shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// Danh sách kế hoạch.
    List,
    /// Soạn kế hoạch: the plan with this id.
    Editor(String),
    /// Bản in: the plan with this id laid out as its official document.
    Print(String),
    /// Theo dõi thực hiện: the progress of the plan with this id and its period reports.
    Progress(String),
    /// Bản in of the report of one period of the plan with this id.
    ReportPrint(String, crate::domain::progress::ReportPeriod),
    /// Hồ sơ nhận được: the files received from other bodies.
    Inbox,
    /// Bản in of the received file with this key in the inbox, read only.
    ReceivedPrint(u32),
}

/// The plan the editor had open, handed to the follow-up screen it opens, so that a long plan is
/// not read from storage and parsed again (it was just saved). Taken once.
#[derive(Clone, Copy)]
pub struct HandedPlan(StoredValue<Option<crate::domain::Plan>, leptos::prelude::LocalStorage>);

impl HandedPlan {
    pub fn hand(&self, plan: crate::domain::Plan) {
        self.0.set_value(Some(plan));
    }

    /// The plan handed over, if it is the plan `id`.
    pub fn take(&self, id: &str) -> Option<crate::domain::Plan> {
        self.0
            .try_update_value(|handed| handed.take())
            .flatten()
            .filter(|plan| plan.id == id)
    }
}

/// Opens the database, then replaces the static skeleton in `#app` with the live app.
pub fn mount() {
    console_error_panic_hook::set_once();
    // Leptos sets up its executor in `mount_to`; this first task runs before that.
    wasm_bindgen_futures::spawn_local(async {
        let database = Database::open(DATABASE_NAME).await;
        let root = document()
            .get_element_by_id("app")
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        let Some(root) = root else {
            web_sys::console::error_1(&"Không tìm thấy phần tử #app để gắn ứng dụng".into());
            return;
        };
        root.set_text_content(None);
        root.set_attribute("data-mounted", "true").ok();
        root.remove_attribute("aria-busy").ok();
        leptos::mount::mount_to(root, move || view! { <App database=database /> }).forget();
    });
}

/// Root component (ứng dụng): the header, and the plan list or the editor.
#[component]
pub fn App(database: Result<Database, StorageError>) -> impl IntoView {
    update::provide_service_worker();
    let database = match database {
        Ok(database) => database,
        Err(error) => {
            web_sys::console::error_1(&format!("{error:?}").into());
            return view! {
                <Header />
                <main class="app-main">
                    <p class="notice notice-error" role="alert" data-testid="storage-error">
                        {error.to_string()}
                    </p>
                    <p class="notice" data-testid="storage-error-way-back">
                        "Các kế hoạch đã xuất tệp vẫn còn trong tệp .json (thư mục Tải xuống hoặc thư điện tử đã gửi). "
                        "Khi ứng dụng mở được, bấm «Nhập tệp…» ở đầu danh sách kế hoạch và chọn tệp đó để khôi phục."
                    </p>
                </main>
                <update::UpdateBanner />
            }
            .into_any();
        }
    };
    provide_database(database);
    provide_context(HandedPlan(StoredValue::new_local(None)));
    let last: Option<String> = preferences_available()
        .then(|| LocalStorage::get(LAST_PLAN_KEY).ok())
        .flatten();
    let followed = preferences_available()
        && LocalStorage::raw()
            .get_item(LAST_FOLLOWED_KEY)
            .ok()
            .flatten()
            .is_some();
    let screen = RwSignal::new(match last {
        Some(id) if followed => Screen::Progress(id),
        Some(id) => Screen::Editor(id),
        None => Screen::List,
    });
    Effect::new(move |_| remember_screen(&screen.get()));
    Effect::new(move |_| mark_screen(&screen.get()));
    focus_screen_heading(screen);
    unit_directory::provide_unit_directory(screen);
    transfer::provide_transfer(screen);
    view! {
        <Header />
        <main class="app-main">
            {move || match screen.get() {
                Screen::List => view! { <PlanList screen=screen /> }.into_any(),
                Screen::Editor(id) => {
                    chunks::chunk_view("Đang mở kế hoạch…", chunks::editor_screen(id, screen))
                        .into_any()
                }
                Screen::Print(id) => {
                    chunks::chunk_view("Đang mở bản in…", chunks::print_screen(id, None, screen))
                        .into_any()
                }
                Screen::Progress(id) => {
                    chunks::chunk_view("Đang mở tiến độ…", chunks::progress_screen(id, screen))
                        .into_any()
                }
                Screen::ReportPrint(id, period) => chunks::chunk_view(
                    "Đang mở bản in báo cáo…",
                    chunks::print_screen(id, Some(period), screen),
                )
                .into_any(),
                Screen::Inbox => {
                    chunks::chunk_view("Đang mở hồ sơ nhận được…", chunks::inbox_screen(screen))
                        .into_any()
                }
                Screen::ReceivedPrint(key) => chunks::chunk_view(
                    "Đang mở bản in…",
                    chunks::received_print_screen(key, screen),
                )
                .into_any(),
            }}
        </main>
        <update::UpdateBanner />
        <transfer::ImportDialog />
    }
    .into_any()
}

/// Keeps the open plan in localStorage so that a reload (or a crash) returns to it.
fn remember_screen(screen: &Screen) {
    if !preferences_available() {
        return;
    }
    // A reload of the plan's print view reopens its editor; of a report's, its follow-up.
    let followed = matches!(screen, Screen::Progress(_) | Screen::ReportPrint(..));
    match screen {
        Screen::Editor(id)
        | Screen::Print(id)
        | Screen::Progress(id)
        | Screen::ReportPrint(id, _) => {
            LocalStorage::set(LAST_PLAN_KEY, id).ok();
        }
        Screen::List | Screen::Inbox | Screen::ReceivedPrint(_) => {
            LocalStorage::delete(LAST_PLAN_KEY)
        }
    }
    if followed {
        LocalStorage::raw().set_item(LAST_FOLLOWED_KEY, "1").ok();
    } else {
        LocalStorage::delete(LAST_FOLLOWED_KEY);
    }
}

/// After a change of screen, moves the focus to the new screen's heading, so that a screen
/// reader says where the person now is and the next Tab starts there (it fell to the page's
/// body, and the first Tab went to the bottom of the page). Not at the app's start.
fn focus_screen_heading(screen: RwSignal<Screen>) {
    Effect::new(move |started: Option<()>| {
        let id = match screen.get() {
            Screen::List => "plan-list-title",
            Screen::Editor(_) => "editor-title",
            Screen::Print(_) | Screen::ReportPrint(..) | Screen::ReceivedPrint(_) => "print-title",
            Screen::Progress(_) => "progress-title",
            Screen::Inbox => "inbox-title",
        };
        if started.is_some() {
            focus_when_there(id, 60);
        }
    });
}

/// Focuses the heading `id` once it is in the page (a screen may first show that it is
/// loading), looking again at each of the next `frames` frames; unless the focus has gone
/// somewhere meanwhile, as a screen that focuses a field of its own wants.
fn focus_when_there(id: &'static str, frames: u32) {
    request_animation_frame(move || {
        let document = document();
        let lost = document
            .active_element()
            .is_none_or(|active| document.body().is_some_and(|body| active == *body));
        if !lost {
            return;
        }
        match document
            .get_element_by_id(id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            Some(heading) => {
                heading.focus().ok();
            }
            None if frames > 0 => focus_when_there(id, frames - 1),
            None => {}
        }
    });
}

/// Names the screen on `#app` (`data-screen`), so that the header takes the width of the
/// editor below it (style/main.css).
fn mark_screen(screen: &Screen) {
    let name = match screen {
        Screen::List => "list",
        Screen::Editor(_) => "editor",
        Screen::Print(_) | Screen::ReportPrint(..) | Screen::ReceivedPrint(_) => "print",
        Screen::Progress(_) => "progress",
        Screen::Inbox => "inbox",
    };
    if let Some(root) = document().get_element_by_id("app") {
        root.set_attribute("data-screen", name).ok();
    }
}

/// Runs `update` each time one of the window's `events` ("scroll", "resize") fires, until the
/// calling component is cleaned up.
pub(crate) fn on_window_events(events: &[&str], update: impl Fn() + Clone + 'static) {
    let handles: Vec<_> = events
        .iter()
        .map(|event| {
            let update = update.clone();
            window_event_listener_untyped(event, move |_| update())
        })
        .collect();
    on_cleanup(move || handles.into_iter().for_each(|handle| handle.remove()));
}

/// Sets the CSS custom property `name` of `element` to `value` through the CSSOM, which the
/// Content-Security-Policy allows (a `style` attribute it refuses).
pub(crate) fn set_style_variable(element: &web_sys::HtmlElement, name: &str, value: &str) {
    if let Err(error) = element.style().set_property(name, value) {
        web_sys::console::error_1(&error);
    }
}

/// Whether localStorage can be used: gloo-storage throws when a browser blocks it.
fn preferences_available() -> bool {
    web_sys::window().is_some_and(|window| matches!(window.local_storage(), Ok(Some(_))))
}

/// The app's name and purpose.
#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="app-header">
            <p class="app-kicker">"Ứng dụng ngoại tuyến cho cán bộ, công chức"</p>
            <h1 data-testid="app-title">{APP_NAME}</h1>
            <p class="app-lead" data-testid="app-purpose">
                "Soạn, lưu và in Kế hoạch cải cách hành chính hằng năm của xã, phường, đặc khu "
                "ngay trên máy tính bảng hoặc máy tính, kể cả khi không có Internet."
            </p>
            <update::OfflineStatus />
        </header>
    }
}
