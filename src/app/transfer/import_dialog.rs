//! The import's dialog: the hidden file input, the progress of reading, a refusal, and the
//! preview with a choice for each plan already on this device.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::import::{
    Choice, ImportState, Preview, PreviewRow, ReportRow, close, confirm, start_import,
};
use super::{TransferContext, use_transfer};
use crate::app::format::{bytes, date_time};
use crate::file_format::Outcome;
use crate::state::use_database;

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
    // The dialog itself is drawn as it opens and stays while its body changes.
    let open = Memo::new(move |_| transfer.state.with(|state| *state != ImportState::Closed));
    let dialog = NodeRef::<leptos::html::Div>::new();
    // What had the focus before the dialog opened («Nhập tệp», or what was under a dropped
    // file) gets it back as the dialog closes, so a keyboard goes on from where it was.
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // Focus moves into the dialog as it opens and as it turns to a new face (the preview, a
    // refusal, the end), so a screen reader reads its new title; and back into it when what had
    // it is gone (the preview's buttons, drawn again as storing starts). Never at each step of
    // a long read: every focus forces a layout. This runs after the body is drawn, as effects
    // run after the rendering they follow.
    Effect::new(move |shown: Option<Option<Face>>| {
        let face = transfer.state.with(Face::of);
        let shown = shown.flatten();
        let active = document().active_element();
        let Some(element) = dialog.get().filter(|_| face.is_some()) else {
            if let Some(before) = before.write_value().take().filter(|_| shown.is_some()) {
                before.is_connected().then(|| before.focus());
            }
            return face;
        };
        if shown.is_none() {
            before.set_value(active.clone().and_then(|active| active.dyn_into().ok()));
        }
        let inside = active.is_some_and(|active| element.contains(Some(&active)));
        if !inside || shown != face {
            element.focus().ok();
        }
        face
    });
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
                {close_button(transfer)}
            }
            .into_any(),
        ),
        ImportState::Done { message } => Some(
            view! {
                <h2 id="import-title">"Đã nhập tệp"</h2>
                <p class="notice notice-success" role="status" data-testid="import-done">{message}</p>
                {close_button(transfer)}
            }
            .into_any(),
        ),
        ImportState::Preview(preview) => Some(
            crate::app::chunks::chunk_view("Đang mở bản xem trước…", crate::app::chunks::import_preview(*preview))
                .into_any(),
        ),
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
        {move || open.get().then(|| view! {
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
        })}
    }
}

/// The faces of the open dialog, each with its own title.
#[derive(Clone, Copy, PartialEq)]
enum Face {
    Working,
    Refused,
    Preview,
    Done,
}

impl Face {
    /// The face `state` shows; `None` when the dialog is closed.
    fn of(state: &ImportState) -> Option<Self> {
        match state {
            ImportState::Closed => None,
            ImportState::Reading { .. } | ImportState::Checking { .. } => Some(Self::Working),
            ImportState::Refused { .. } => Some(Self::Refused),
            ImportState::Preview(_) => Some(Self::Preview),
            ImportState::Done { .. } => Some(Self::Done),
        }
    }
}

/// The preview: the file, its plans with a choice for each already stored, and the report.
/// Drawn from the import's chunk (`chunks::import_preview`).
pub fn preview_view(preview: Preview) -> AnyView {
    view! { <PreviewBody preview=preview /> }.into_any()
}

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
    let is_report = !preview.reports.is_empty();
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
            <dd><bdi>{preview.name}</bdi>{format!(" ({})", bytes(preview.size))}</dd>
            <dt>"Đơn vị xuất tệp"</dt>
            <dd data-testid="import-exported-by">{exported_by}</dd>
            <dt>"Thời điểm xuất"</dt>
            <dd>{exported_at}</dd>
            <dt>"Năm kế hoạch"</dt>
            <dd>{period}</dd>
            <dt>{if is_report { "Nội dung" } else { "Số kế hoạch" }}</dt>
            <dd>{if is_report { "Báo cáo định kỳ".to_string() } else { count.to_string() }}</dd>
        </dl>
        {report}
        {clean}
        <ul class="import-plans">{rows}</ul>
        <ul class="import-plans">
            {preview.reports.into_iter().map(report_row).collect_view()}
        </ul>
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
                } else if is_report {
                    "Nhập báo cáo".to_string()
                } else {
                    format!("Nhập {} kế hoạch", chosen())
                }}
            </button>
        </div>
    }
}

/// One period report of the preview, and what storing it does here.
fn report_row(row: ReportRow) -> AnyView {
    let effect = match (row.plan_here, row.replaces) {
        (false, _) => {
            "Kế hoạch này chưa có trên máy: kế hoạch kèm theo báo cáo được lưu cùng, phần theo dõi thực hiện bắt đầu từ tiến độ trong báo cáo."
        }
        (true, false) => {
            "Kế hoạch này đã có trên máy: báo cáo được thêm vào phần theo dõi thực hiện của kế hoạch; tiến độ đang ghi trên máy giữ nguyên."
        }
        (true, true) => {
            "Kế hoạch này đã có báo cáo cùng kỳ trên máy: báo cáo trong tệp sẽ thay thế báo cáo đó; tiến độ đang ghi trên máy giữ nguyên."
        }
    };
    view! {
        <li class="import-plan" data-testid="import-report-row">
            <p><strong><bdi>{row.title}</bdi></strong></p>
            <p class="muted"><bdi>{row.issuing_body}</bdi>" · kế hoạch «"<bdi>{row.plan_title}</bdi>"»"</p>
            <p class:notice-warning=row.replaces data-testid="import-report-effect">{effect}</p>
        </li>
    }
    .into_any()
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
                    "Trên máy đã có kế hoạch này («"<bdi>{stored.title}</bdi>
                    {format!("», lưu lúc {}).", date_time(stored.saved_at))}
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

/// The dialog's only action once nothing more can be done: «Đóng».
fn close_button(transfer: TransferContext) -> impl IntoView {
    view! {
        <div class="dialog-actions">
            <button class="button button-primary" data-testid="import-close" on:click=move |_| close(transfer)>
                "Đóng"
            </button>
        </div>
    }
}
