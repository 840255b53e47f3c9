//! Nhập tệp: a file from the picker, from drag and drop, or handed over by the system
//! (launchQueue) is read with progress, checked by the file format's reader, and previewed:
//! its plans, who exported it and when, and the import report. Plans already on this device
//! are kept twice, replaced (the old state becomes a revision) or skipped, as the person
//! chooses; nothing is stored before they confirm, and then all or nothing.

use std::collections::HashMap;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::browser::{read_file, yield_now};
use super::{Screen, TransferContext, use_transfer};
use crate::app::format::{bytes, date_time};
use crate::domain::Plan;
use crate::file_format::{FileInfo, ImportError, ImportSteps, Imported, MAX_FILE_BYTES, Outcome};
use crate::state::{DatabaseContext, new_id, now_ms, use_database};
use crate::storage::{PlanSummary, PlanText, StorageError};

/// Where an import is.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportState {
    Closed,
    Reading {
        name: String,
        read: f64,
        total: f64,
    },
    /// Reading the plans out of the file: `done` of `total` so far.
    Checking {
        name: String,
        done: usize,
        total: usize,
    },
    /// The file cannot be imported; nothing was stored.
    Refused {
        name: String,
        message: String,
    },
    Preview(Box<Preview>),
    /// Stored while the editor was open: said here, since the plan list is not on screen.
    Done {
        message: String,
    },
}

/// What the preview shows before anything is stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub name: String,
    pub size: f64,
    pub info: FileInfo,
    pub rows: Vec<PreviewRow>,
    /// The import report: (what was done, where and what).
    pub report: Vec<(Outcome, String)>,
    pub storing: bool,
    pub error: Option<String>,
}

/// One plan of the file, and the stored plan with the same id, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    pub issuing_body: String,
    pub title: String,
    pub year: i32,
    pub stored: Option<PlanSummary>,
}

/// What to do with a plan of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Not on this device yet: stored as it is.
    New,
    /// Giữ cả hai: stored under a new id beside the one already here.
    KeepBoth,
    /// Thay thế: replaces the stored plan, whose state is kept as a revision.
    Replace,
    /// Bỏ qua: not imported.
    Skip,
}

/// Reads `file` and shows its preview. A newer file overtakes one still being read.
pub fn start_import(transfer: TransferContext, database: DatabaseContext, file: web_sys::File) {
    let run = transfer.run.get_value() + 1;
    transfer.run.set_value(run);
    let current = move || transfer.run.get_value() == run;
    transfer.notice.set(None);
    spawn_local(async move {
        let name = file.name();
        let size = file.size();
        if size > MAX_FILE_BYTES as f64 {
            let error = ImportError::TooLarge {
                size_mb: (size / (1024.0 * 1024.0)).ceil() as usize,
                limit_mb: MAX_FILE_BYTES / (1024 * 1024),
            };
            let message = error.to_string();
            transfer.state.set(ImportState::Refused { name, message });
            return;
        }
        let progress_name = name.clone();
        let read = read_file(&file, |read, total| {
            if current() {
                let name = progress_name.clone();
                transfer
                    .state
                    .set(ImportState::Reading { name, read, total });
            }
        })
        .await;
        if !current() {
            return;
        }
        let bytes = match read {
            Ok(bytes) => bytes,
            Err(message) => {
                transfer.state.set(ImportState::Refused { name, message });
                return;
            }
        };
        let checking = |done, total| {
            let name = name.clone();
            transfer
                .state
                .set(ImportState::Checking { name, done, total });
        };
        checking(0, 0);
        yield_now().await;
        let imported = read_in_steps(&bytes, checking, current).await;
        drop(bytes);
        if !current() {
            return;
        }
        let imported = match imported {
            Ok(imported) => imported,
            Err(error) => {
                let message = error.to_string();
                transfer.state.set(ImportState::Refused { name, message });
                return;
            }
        };
        let stored: HashMap<String, PlanSummary> = match database.get().list_plans().await {
            Ok(list) => list
                .into_iter()
                .map(|plan| (plan.id.clone(), plan))
                .collect(),
            Err(error) => {
                let message = error.to_string();
                transfer.state.set(ImportState::Refused { name, message });
                return;
            }
        };
        if !current() {
            return;
        }
        let rows: Vec<PreviewRow> = imported
            .plans
            .iter()
            .map(|plan| PreviewRow {
                issuing_body: plan.issuing_body.clone(),
                title: plan.title.clone(),
                year: plan.year,
                stored: stored.get(&plan.id).cloned(),
            })
            .collect();
        // Keeping both loses nothing, so it is what a plan already here gets unless changed.
        let choices = rows
            .iter()
            .map(|row| {
                if row.stored.is_some() {
                    Choice::KeepBoth
                } else {
                    Choice::New
                }
            })
            .collect();
        let report = imported
            .report
            .problems
            .iter()
            .map(|problem| (problem.outcome, problem.to_string()))
            .collect();
        transfer.plans.set_value(imported.plans);
        transfer.choices.set(choices);
        transfer.state.set(ImportState::Preview(Box::new(Preview {
            name,
            size,
            info: imported.info,
            rows,
            report,
            storing: false,
            error: None,
        })));
    });
}

/// How long the reading may hold the page before letting it paint and take input: well under
/// the 50 ms that makes a task feel stuck, even on a slow tablet.
const STEP_BUDGET_MS: f64 = 10.0;

/// Work done in short runs: due once a run has held the page for [`STEP_BUDGET_MS`].
struct Pace {
    started: f64,
}

impl Pace {
    fn start() -> Self {
        Self {
            started: js_sys::Date::now(),
        }
    }

    fn due(&self) -> bool {
        js_sys::Date::now() - self.started >= STEP_BUDGET_MS
    }

    /// Lets the page paint and take input, then starts the next run.
    async fn breathe(&mut self) {
        yield_now().await;
        self.started = js_sys::Date::now();
    }
}

/// Reads the file in steps, a few milliseconds of them at a time, letting the page repaint and
/// take input in between. Once `current` turns false (a newer file overtook this one) it stops;
/// the caller then drops the result unseen.
async fn read_in_steps(
    bytes: &[u8],
    progress: impl Fn(usize, usize),
    current: impl Fn() -> bool,
) -> Result<Imported, ImportError> {
    let mut steps = ImportSteps::start(bytes)?;
    let mut pace = Pace::start();
    while !steps.step()? {
        if pace.due() {
            let (read, total) = steps.progress();
            progress(read, total);
            pace.breathe().await;
            if !current() {
                return Err(ImportError::Empty);
            }
        }
    }
    yield_now().await;
    steps.finish()
}

/// Writes each plan out as its record will hold it, a few milliseconds at a time, so that
/// storing a large backup does not hold the page.
async fn write_in_steps(
    plans: Vec<(Plan, Option<u32>)>,
) -> Result<Vec<(PlanText, Option<u32>)>, StorageError> {
    let mut written = Vec::with_capacity(plans.len());
    let mut pace = Pace::start();
    for (plan, expected) in plans {
        if pace.due() {
            pace.breathe().await;
        }
        written.push((PlanText::of(&plan)?, expected));
    }
    Ok(written)
}

/// Stores the previewed plans as chosen, all or nothing.
fn confirm(transfer: TransferContext, database: DatabaseContext) {
    let mut rows = Vec::new();
    let mut file_name = String::new();
    transfer.state.update(|state| {
        if let ImportState::Preview(preview) = state {
            preview.storing = true;
            preview.error = None;
            rows = preview.rows.clone();
            file_name = preview.name.clone();
        }
    });
    let choices = transfer.choices.get_untracked();
    let run = transfer.run.get_value();
    let mut chosen = Vec::new();
    let plans = transfer.plans.get_value();
    for ((mut plan, row), choice) in plans.into_iter().zip(&rows).zip(choices) {
        let expected = row.stored.as_ref().map(|stored| stored.revision);
        match choice {
            Choice::New => chosen.push((plan, None)),
            Choice::Replace => chosen.push((plan, expected)),
            Choice::KeepBoth => {
                plan.id = new_id("ke-hoach");
                chosen.push((plan, None));
            }
            Choice::Skip => {}
        }
    }
    let database = database.get();
    spawn_local(async move {
        yield_now().await;
        let count = chosen.len();
        let result = if count == 0 {
            Ok(Vec::new())
        } else {
            match write_in_steps(chosen).await {
                Ok(written) => database.store_written_plans(&written, now_ms()).await,
                Err(error) => Err(error),
            }
        };
        if transfer.run.get_value() != run {
            return;
        }
        match result {
            Ok(_) => {
                close(transfer);
                let text = if count == 0 {
                    format!(
                        "Không nhập kế hoạch nào từ tệp «{file_name}»; dữ liệu trên máy giữ nguyên."
                    )
                } else {
                    format!("Đã nhập {count} kế hoạch từ tệp «{file_name}».")
                };
                // The editor is left only by its own back button, which saves what is typed.
                if transfer.screen.get_untracked() != Screen::List {
                    let message = format!("{text} Quay về danh sách kế hoạch để xem.");
                    transfer.state.set(ImportState::Done { message });
                }
                transfer.tell(text, false);
                transfer.version.update(|n| *n += 1);
            }
            Err(error) => {
                web_sys::console::error_1(&format!("{error:?}").into());
                transfer.state.update(|state| {
                    if let ImportState::Preview(preview) = state {
                        preview.storing = false;
                        preview.error = Some(format!(
                            "Chưa nhập được, không có kế hoạch nào được lưu. {error}"
                        ));
                    }
                });
            }
        }
    });
}

fn close(transfer: TransferContext) {
    transfer.run.set_value(transfer.run.get_value() + 1);
    transfer.plans.set_value(Vec::new());
    transfer.choices.set(Vec::new());
    transfer.state.set(ImportState::Closed);
}

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

/// The hidden file input of the import and the dialog of its progress, refusal or preview.
#[component]
pub fn ImportDialog() -> impl IntoView {
    let transfer = use_transfer();
    let database = use_database();
    let picked = move |_| {
        let Some(input) = transfer.input.get_untracked() else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            start_import(transfer, database, file);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    // Escape closes a refusal, a finished import or a preview not being stored.
    let escape = move |event: web_sys::KeyboardEvent| {
        if event.key() != "Escape" {
            return;
        }
        let closable = transfer.state.with_untracked(|state| match state {
            ImportState::Refused { .. } | ImportState::Done { .. } => true,
            ImportState::Preview(preview) => !preview.storing,
            _ => false,
        });
        if closable {
            close(transfer);
        }
    };
    let body = move || {
        match transfer.state.get() {
        ImportState::Closed => None,
        ImportState::Reading { name, read, total } => Some(
            view! {
                <h2 id="import-title">"Đang đọc tệp"</h2>
                <p class="import-file-name">{name}</p>
                <progress max=total value=read aria-label="Tiến độ đọc tệp" data-testid="import-progress"></progress>
                <p class="muted" role="status">{format!("Đã đọc {} / {}", bytes(read), bytes(total))}</p>
            }
            .into_any(),
        ),
        ImportState::Checking { name, done, total } => Some(
            view! {
                <h2 id="import-title">"Đang kiểm tra tệp"</h2>
                <p class="import-file-name">{name}</p>
                {if total > 0 {
                    view! { <progress max=total value=done aria-label="Tiến độ kiểm tra tệp" data-testid="import-progress"></progress> }.into_any()
                } else {
                    view! { <progress aria-label="Tiến độ kiểm tra tệp" data-testid="import-progress"></progress> }.into_any()
                }}
                <p class="muted" role="status">
                    {if total > 0 {
                        format!("Đã kiểm tra {done} / {total} kế hoạch; chưa lưu gì vào máy…")
                    } else {
                        "Đang đọc và kiểm tra nội dung; chưa lưu gì vào máy…".to_string()
                    }}
                </p>
            }
            .into_any(),
        ),
        ImportState::Refused { name, message } => Some(
            view! {
                <h2 id="import-title">"Không nhập được tệp"</h2>
                <p class="import-file-name">{name}</p>
                <p class="notice notice-error" role="alert" data-testid="import-error">{message}</p>
                <p class="muted">"Chưa có gì được lưu; dữ liệu trên máy giữ nguyên."</p>
                <div class="dialog-actions">
                    <button class="button button-primary" data-testid="import-close" on:click=move |_| close(transfer)>
                        "Đóng"
                    </button>
                </div>
            }
            .into_any(),
        ),
        ImportState::Done { message } => Some(
            view! {
                <h2 id="import-title">"Đã nhập tệp"</h2>
                <p class="notice notice-success" role="status" data-testid="import-done">{message}</p>
                <div class="dialog-actions">
                    <button class="button button-primary" data-testid="import-close" on:click=move |_| close(transfer)>
                        "Đóng"
                    </button>
                </div>
            }
            .into_any(),
        ),
        ImportState::Preview(preview) => Some(view! { <PreviewBody preview=*preview /> }.into_any()),
    }
    };
    view! {
        <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            data-testid="import-input"
            node_ref=transfer.input
            on:change=picked
        />
        {move || body().map(|body| {
            // Focus moves into the dialog, so a keyboard or screen reader starts there.
            let dialog = NodeRef::<leptos::html::Div>::new();
            dialog.on_load(|element| {
                element.focus().ok();
            });
            view! {
                <div class="dialog-backdrop">
                    <div
                        class="dialog import-dialog"
                        role="dialog"
                        aria-modal="true"
                        aria-labelledby="import-title"
                        tabindex="-1"
                        data-testid="import-dialog"
                        node_ref=dialog
                        on:keydown=escape
                    >
                        {body}
                    </div>
                </div>
            }
        })}
    }
}

/// The preview: the file, its plans with a choice for each already stored, and the report.
#[component]
fn PreviewBody(preview: Preview) -> impl IntoView {
    let transfer = use_transfer();
    let database = use_database();
    let info = &preview.info;
    let exported_at = match js_sys::Date::parse(&info.exported_at) {
        ms if ms.is_finite() => date_time(ms),
        _ if info.exported_at.is_empty() => "không ghi".into(),
        _ => info.exported_at.clone(),
    };
    let period = match info.period {
        Some(period) if period.from_year == period.to_year => format!("năm {}", period.from_year),
        Some(period) => format!("{}–{}", period.from_year, period.to_year),
        None => "không ghi".into(),
    };
    let exported_by = if info.exported_by.is_empty() {
        "không ghi".to_string()
    } else {
        info.exported_by.clone()
    };
    let count = preview.rows.len();
    let storing = preview.storing;
    let chosen = move || {
        transfer
            .choices
            .with(|choices| choices.iter().filter(|c| **c != Choice::Skip).count())
    };
    let rows = preview
        .rows
        .into_iter()
        .enumerate()
        .map(|(index, row)| view! { <PreviewPlan index=index row=row /> })
        .collect_view();
    let clean = preview.report.is_empty().then(|| {
        view! { <p class="muted" data-testid="import-report-clean">"Tệp đọc được trọn vẹn, không có lỗi nào."</p> }
    });
    let report = (!preview.report.is_empty()).then(|| {
        let problems = preview.report.len();
        view! {
            <details class="import-report" open=problems <= 12 data-testid="import-report">
                <summary>{format!("Báo cáo khi đọc tệp: {problems} điểm cần biết")}</summary>
                <ul>
                    {preview.report.into_iter().map(|(outcome, line)| {
                        let label = match outcome {
                            Outcome::Repaired => "Đã sửa",
                            Outcome::Skipped => "Đã bỏ qua",
                            Outcome::Warning => "Lưu ý",
                        };
                        view! { <li><span class="report-outcome">{label}</span>" "{line}</li> }
                    }).collect_view()}
                </ul>
            </details>
        }
    });
    view! {
        <h2 id="import-title">"Xem trước tệp nhập"</h2>
        <p class="muted">"Chưa có gì được lưu. Hãy xem lại rồi bấm «Nhập» để lưu vào máy."</p>
        <dl class="import-facts" data-testid="import-facts">
            <dt>"Tệp"</dt>
            <dd>{format!("{} ({})", preview.name, bytes(preview.size))}</dd>
            <dt>"Đơn vị xuất tệp"</dt>
            <dd data-testid="import-exported-by">{exported_by}</dd>
            <dt>"Thời điểm xuất"</dt>
            <dd>{exported_at}</dd>
            <dt>"Năm kế hoạch"</dt>
            <dd>{period}</dd>
            <dt>"Số kế hoạch"</dt>
            <dd>{count}</dd>
        </dl>
        {report}
        {clean}
        <ul class="import-plans">{rows}</ul>
        {preview.error.map(|error| view! { <p class="notice notice-error" role="alert" data-testid="import-store-error">{error}</p> })}
        <div class="dialog-actions">
            <button
                class="button"
                data-testid="import-cancel"
                disabled=storing
                on:click=move |_| close(transfer)
            >
                "Hủy"
            </button>
            <button
                class="button button-primary"
                data-testid="import-confirm"
                disabled=storing
                on:click=move |_| confirm(transfer, database)
            >
                {move || if storing {
                    "Đang lưu…".to_string()
                } else {
                    format!("Nhập {} kế hoạch", chosen())
                }}
            </button>
        </div>
    }
}

/// One plan of the preview; a plan already stored here gets the three choices.
#[component]
fn PreviewPlan(index: usize, row: PreviewRow) -> impl IntoView {
    let transfer = use_transfer();
    let title = if row.title.is_empty() {
        "(Chưa có trích yếu)".to_string()
    } else {
        row.title
    };
    let year = if row.year > 0 {
        format!("năm {}", row.year)
    } else {
        "chưa ghi năm".into()
    };
    let choose = move |choice: Choice| {
        transfer.choices.update(|choices| {
            if let Some(slot) = choices.get_mut(index) {
                *slot = choice;
            }
        });
    };
    let is = move |choice: Choice| move || transfer.choices.with(|c| c.get(index) == Some(&choice));
    let existing = row.stored.map(|stored| {
        let group = format!("import-choice-{index}");
        let option = move |choice: Choice, label: &'static str, help: &'static str, testid: &'static str| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=group.clone()
                        data-testid=testid
                        prop:checked=is(choice)
                        on:change=move |_| choose(choice)
                    />
                    <span><strong>{label}</strong>" "<span class="muted">{help}</span></span>
                </label>
            }
        };
        view! {
            <div class="import-existing">
                <p class="import-existing-note">
                    {format!(
                        "Trên máy đã có kế hoạch này («{}», lưu lúc {}).",
                        stored.title,
                        date_time(stored.saved_at)
                    )}
                </p>
                <fieldset class="choices">
                    <legend class="visually-hidden">"Xử lý kế hoạch đã có"</legend>
                    {option(Choice::KeepBoth, "Giữ cả hai", "(lưu bản trong tệp thành kế hoạch mới)", "choice-keep-both")}
                    {option(Choice::Replace, "Thay thế", "(bản trên máy được giữ trong lịch sử phiên bản)", "choice-replace")}
                    {option(Choice::Skip, "Bỏ qua", "(không nhập kế hoạch này)", "choice-skip")}
                </fieldset>
            </div>
        }
    });
    view! {
        <li class="import-plan" data-testid="import-plan">
            <span class="import-plan-body">{row.issuing_body}</span>
            <span class="import-plan-title">{title}</span>
            <span class="muted">{year}</span>
            {existing}
        </li>
    }
}
