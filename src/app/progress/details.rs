//! A task's written progress, opened under its row: the reason it was dropped, the date done,
//! the result, the evidence documents and the note.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::controls::{Field, Kind, action, field, focus_later};
use super::tasks::edit_progress;
use crate::domain::progress::{EvidenceDocument, TaskProgress, TaskStatus};
use crate::state::FollowUp;

/// «2026-03-20» from a date input; `None` when it is blank or not a date.
fn date_input(value: &str) -> Option<NaiveDate> {
    value.parse().ok()
}

/// A date as a date input shows it: «2026-03-20», or empty.
fn date_value(date: Option<NaiveDate>) -> String {
    date.map(|date| date.to_string()).unwrap_or_default()
}

/// The written part of a task's progress: reason, date done, result, evidence, note.
#[component]
pub(super) fn Details(
    follow_up: FollowUp,
    id: String,
    key: String,
    progress: Memo<TaskProgress>,
) -> impl IntoView {
    let id = StoredValue::new(id);
    let edit = move |change: Box<dyn FnOnce(&mut TaskProgress)>| {
        id.with_value(|id| edit_progress(follow_up, id, change));
    };
    let on = move |set: fn(&mut TaskProgress, String)| {
        Callback::new(move |typed: String| edit(Box::new(move |p| set(p, typed))))
    };
    let read = move |get: fn(&TaskProgress) -> String| Signal::derive(move || progress.with(get));
    let locked = Signal::derive(move || follow_up.edited_elsewhere.get());
    let dropped = move || matches!(progress.with(|p| p.status.index()), 4);
    let key = StoredValue::new(key);
    let field_id = move |name: &str| key.with_value(|key| format!("progress-{name}-{key}"));
    let reason = move || {
        field(
            Field::text(
                field_id("reason"),
                "Lý do không thực hiện hoặc điều chỉnh",
                "progress-reason",
                read(|p| match &p.status {
                    TaskStatus::NotCarriedOut { reason } => reason.clone(),
                    _ => String::new(),
                }),
                on(|p, typed| p.status = TaskStatus::NotCarriedOut { reason: typed }),
            )
            .wide()
            .disabled(locked),
        )
    };
    let evidence_key = field_id("evidence");
    let evidence_count = move || progress.with(|p| p.evidence.len());
    view! {
        <div class="progress-details" id=field_id("details") data-testid="progress-details">
            <Show when=dropped>{reason()}</Show>
            {field(Field::text(field_id("done"), "Ngày hoàn thành", "progress-done-on",
                read(|p| date_value(p.completed_on)),
                on(|p, typed| p.completed_on = date_input(&typed))).kind(Kind::Date).disabled(locked))}
            {field(Field::text(field_id("result"), "Kết quả thực hiện", "progress-result",
                read(|p| p.result.clone()), on(|p, typed| p.result = typed)).kind(Kind::Lines).wide().disabled(locked))}
            <fieldset class="progress-evidence" id=field_id("evidence")>
                <legend>"Văn bản kiểm chứng"</legend>
                {move || (0..evidence_count())
                    .map(|index| evidence_row(edit, progress, index, &evidence_key))
                    .collect_view()}
                {action("button", Signal::stored("+ Thêm văn bản kiểm chứng".to_string()),
                    "progress-add-evidence",
                    Callback::new(move |()| edit(Box::new(|p| p.evidence.push(EvidenceDocument::default())))), None)}
            </fieldset>
            {field(Field::text(field_id("note"), "Ghi chú", "progress-note",
                read(|p| p.note.clone()), on(|p, typed| p.note = typed)).kind(Kind::Lines).wide().disabled(locked))}
        </div>
    }
}

/// One evidence document: number, date and summary, and «Xóa».
fn evidence_row(
    edit: impl Fn(Box<dyn FnOnce(&mut TaskProgress)>) + Copy + Send + Sync + 'static,
    progress: Memo<TaskProgress>,
    index: usize,
    key: &str,
) -> AnyView {
    let read = move |get: fn(&EvidenceDocument) -> String| {
        Signal::derive(move || {
            progress.with(|p| p.evidence.get(index).map(get).unwrap_or_default())
        })
    };
    let on = move |set: fn(&mut EvidenceDocument, String)| {
        Callback::new(move |typed: String| {
            edit(Box::new(move |p| {
                if let Some(document) = p.evidence.get_mut(index) {
                    set(document, typed);
                }
            }))
        })
    };
    let id = |part: &str| format!("{key}-{index}-{part}");
    // Then the focus goes to the «Xóa» of the document that took its place, or to «Thêm» when
    // it was the last: the buttons of the fieldset, in order.
    let buttons = format!("#{key} button");
    let remove = Callback::new(move |()| {
        edit(Box::new(move |p| {
            if index < p.evidence.len() {
                p.evidence.remove(index);
            }
        }));
        focus_later(buttons.clone(), index as u32);
    });
    // «Xóa văn bản số 12/QĐ-UBND»: which of the task's documents this «Xóa» removes.
    let name = Signal::derive(move || {
        let number = progress.with(|p| p.evidence.get(index).map(|d| d.number.trim().to_string()));
        match (number.unwrap_or_default(), index) {
            (number, _) if !number.is_empty() => format!("Xóa văn bản số {number}"),
            (_, 0) => "Xóa văn bản kiểm chứng thứ nhất".to_string(),
            _ => format!("Xóa văn bản kiểm chứng thứ {}", index + 1),
        }
    });
    view! {
        <div class="progress-evidence-row" data-testid="progress-evidence">
            {field(Field::text(id("number"), "Số, ký hiệu", "evidence-number",
                read(|d| d.number.clone()), on(|d, typed| d.number = typed)))}
            {field(Field::text(id("date"), "Ngày ban hành", "evidence-date",
                read(|d| date_value(d.date)), on(|d, typed| d.date = date_input(&typed))).kind(Kind::Date))}
            {field(Field::text(id("summary"), "Trích yếu", "evidence-summary",
                read(|d| d.summary.clone()), on(|d, typed| d.summary = typed)).wide())}
            {action("button button-danger", Signal::stored("Xóa".to_string()), "evidence-remove", remove, Some(name))}
        </div>
    }
    .into_any()
}
