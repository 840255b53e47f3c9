//! Hồ sơ của một đợt: each file of the round, newest first, with what a reviewer would point out
//! (each finding with its place), what a resubmission changed against the version before, the
//! print view (read only) and a copy into one's own plans.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Content, Inbox, receive::kind_of};
use crate::app::Screen;
use crate::app::format::date_time;
use crate::app::plan_actions::store_new;
use crate::domain::inbox::{
    FieldChange, PlanChanges, Round, Severity, TaskRef, compare_plans, sender_key,
};
use crate::state::new_id;
use crate::storage::ReceivedFile;

/// The files of `round`, newest first.
#[component]
pub(super) fn Files(inbox: Inbox, round: Round, screen: RwSignal<Screen>) -> impl IntoView {
    // Newest sent first; with each filed version, the one its sender sent before it.
    let files = Memo::new(move |_| {
        let mut list = inbox.files.with(|files| in_round(files, round));
        let mut last: HashMap<String, f64> = HashMap::new();
        let before: Vec<Option<f64>> = list
            .iter()
            .map(|file| {
                if file.refused.is_some() {
                    return None;
                }
                last.insert(sender_key(&file.sender), file.key)
            })
            .collect();
        let mut rows: Vec<(ReceivedFile, Option<f64>)> = list.drain(..).zip(before).collect();
        rows.reverse();
        rows
    });
    let reading = RwSignal::new(true);
    let error = RwSignal::new(None::<String>);
    let keys: Vec<f64> = files.with_untracked(|list| {
        list.iter()
            .filter(|(file, _)| file.refused.is_none())
            .map(|(file, _)| file.key)
            .collect()
    });
    spawn_local(async move {
        if let Err(problem) = inbox.read_all(keys).await {
            error.set(Some(problem.to_string()));
        }
        reading.set(false);
    });
    let open = RwSignal::new(None::<u64>);
    view! {
        {move || reading.get().then(|| view! { <p class="muted" role="status">"Đang đọc và kiểm tra hồ sơ…"</p> })}
        {move || error.get().map(|message| view! { <p class="notice notice-error" role="alert">{message}</p> })}
        <ul class="inbox-files" data-testid="inbox-files-list">
            <For
                each=move || {
                    let read = inbox.reads.get();
                    files.get().into_iter().map(move |(file, before)| (file, before, read))
                }
                key=|(file, before, read)| (file.key as u64, before.map(|b| b as u64), *read)
                let:row
            >
                {file_row(inbox, &row.0, row.1, open, screen)}
            </For>
        </ul>
    }
}

/// The files of `round`, in the order their senders sent them (then as received).
pub(super) fn in_round(files: &[ReceivedFile], round: Round) -> Vec<ReceivedFile> {
    let mut list: Vec<ReceivedFile> = files
        .iter()
        .filter(|file| file.year == round.year && kind_of(file) == round.kind)
        .cloned()
        .collect();
    list.sort_by(|a, b| a.sent_at.cmp(&b.sent_at).then(a.key.total_cmp(&b.key)));
    list
}

fn file_row(
    inbox: Inbox,
    file: &ReceivedFile,
    before: Option<f64>,
    open: RwSignal<Option<u64>>,
    screen: RwSignal<Screen>,
) -> impl IntoView + use<> {
    let key = file.key;
    let id = key as u64;
    let read = inbox.read(key);
    let (errors, warnings) = read.as_ref().map_or((0, 0), |read| {
        let errors = read
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        (errors, read.findings.len() - errors)
    });
    let state = match (&file.refused, &read) {
        (Some(why), _) => format!("Bị từ chối: {why}"),
        (None, None) => "Đang kiểm tra…".to_string(),
        (None, Some(_)) if errors + warnings == 0 => "Không thấy điểm nào cần lưu ý".to_string(),
        (None, Some(_)) => format!("{errors} sai sót, {warnings} điểm cần xem lại"),
    };
    let resent = before.is_some();
    let named = format!("inbox-file-{id}");
    let is_plan = matches!(read.as_deref().map(|r| &r.content), Some(Content::Plan(_)));
    let copy_message = RwSignal::new(None::<String>);
    let copy = move |_| {
        if copy_message.get_untracked().is_some() {
            return;
        }
        let Some(read) = inbox.read(key) else { return };
        let mut plan = read.content.plan().clone();
        plan.id = new_id("ke-hoach");
        let database = inbox.database.get_value();
        spawn_local(async move {
            copy_message.set(Some(match store_new(&database, &plan).await {
                Ok(_) => "Đã chép vào «Kế hoạch trên máy này».".to_string(),
                Err(error) => error.to_string(),
            }));
        });
    };
    view! {
        <li class="inbox-file" data-testid="inbox-file" data-resent=resent.to_string()>
            <div class="inbox-file-head">
                <bdi class="inbox-file-sender" id=named.clone()>{if file.sender.is_empty() { file.file_name.clone() } else { file.sender.clone() }}</bdi>
                <span class="muted">{format!(" · nhận {} · {} nhiệm vụ", date_time(file.received_at), file.tasks)}</span>
                {resent.then(|| view! { <span class="inbox-resent">" · bản gửi lại"</span> })}
            </div>
            <p class="inbox-file-state" data-testid="inbox-file-state">{state}</p>
            <div class="inbox-file-actions">
                <button class="button" data-testid="inbox-file-open" aria-describedby=named.clone()
                    aria-expanded=move || (open.get() == Some(id)).to_string()
                    on:click=move |_| open.update(|o| *o = if *o == Some(id) { None } else { Some(id) })>
                    "Chi tiết"
                </button>
                {(file.refused.is_none()).then(|| view! {
                    <button class="button" data-testid="inbox-file-print" aria-describedby=named.clone()
                        on:click=move |_| screen.set(Screen::ReceivedPrint(id as u32))>
                        "Xem bản in"
                    </button>
                })}
                {is_plan.then(|| view! {
                    <button class="button" data-testid="inbox-file-copy" aria-describedby=named.clone()
                        disabled=move || copy_message.get().is_some() on:click=copy>
                        "Chép vào Kế hoạch trên máy này"
                    </button>
                })}
            </div>
            {move || copy_message.get().map(|message| view! { <p role="status">{message}</p> })}
            {move || (open.get() == Some(id)).then(|| details(inbox, key, before))}
        </li>
    }
}

/// A file's findings, and what it changed against the version `before` it.
fn details(inbox: Inbox, key: f64, before: Option<f64>) -> impl IntoView {
    let read = inbox.read(key);
    let none = read.as_ref().is_some_and(|read| read.findings.is_empty());
    let findings = read.as_ref().map(|read| {
        read.findings
            .iter()
            .map(|finding| {
                let severity = match finding.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                view! {
                    <li data-severity=severity>
                        <strong>{finding.severity.label()}</strong>
                        {format!(" · {}: ", finding.place)}
                        {finding.message.clone()}
                    </li>
                }
            })
            .collect_view()
    });
    let report = matches!(
        read.as_deref().map(|r| &r.content),
        Some(Content::Report(_))
    );
    let changes = before.filter(|_| !report).and_then(|earlier| {
        let (earlier, now) = (inbox.read(earlier)?, read?);
        Some(compare_plans(earlier.content.plan(), now.content.plan()))
    });
    let report_resent = (report && before.is_some()).then(|| view! {
        <p data-testid="inbox-changes">
            "Báo cáo gửi lại: bản này thay bản trước trong bảng tổng hợp; so sánh từng phần của hai báo cáo chưa có, hãy xem bản in của từng bản."
        </p>
    });
    view! {
        <div class="inbox-file-details" data-testid="inbox-file-details">
            {none.then(|| view! { <p>"Không thấy điểm nào cần lưu ý."</p> })}
            <ul class="inbox-findings">{findings}</ul>
            {changes.map(changes_view)}
            {report_resent}
        </div>
    }
}

fn task_line(task: &TaskRef) -> String {
    format!("{} ({}): {}", task.place, task.area, task.content)
}

fn field_lines(fields: &[FieldChange]) -> impl IntoView + use<> {
    fields
        .iter()
        .map(|field| {
            view! {
                <li>
                    <strong>{field.label}</strong>": «"<del>{field.before.clone()}</del>"» → «"<ins>{field.after.clone()}</ins>"»"
                </li>
            }
        })
        .collect_view()
}

/// What a resubmission changed against the version before.
fn changes_view(changes: PlanChanges) -> impl IntoView {
    if changes.is_empty() {
        return view! { <p data-testid="inbox-changes">"So với bản trước: nội dung không đổi."</p> }.into_any();
    }
    view! {
        <section class="inbox-changes" data-testid="inbox-changes" aria-label="So với bản gửi trước">
            <h3>"So với bản gửi trước"</h3>
            {(!changes.plan_fields.is_empty()).then(|| view! {
                <h4>"Thông tin chung"</h4>
                <ul>{field_lines(&changes.plan_fields)}</ul>
            })}
            {(!changes.added.is_empty()).then(|| view! {
                <h4>{format!("Nhiệm vụ thêm mới ({})", changes.added.len())}</h4>
                <ul data-testid="inbox-added">{changes.added.iter().map(|t| view! { <li>{task_line(t)}</li> }).collect_view()}</ul>
            })}
            {(!changes.removed.is_empty()).then(|| view! {
                <h4>{format!("Nhiệm vụ đã bỏ ({})", changes.removed.len())}</h4>
                <ul data-testid="inbox-removed">{changes.removed.iter().map(|t| view! { <li>{task_line(t)}</li> }).collect_view()}</ul>
            })}
            {(!changes.changed.is_empty()).then(|| view! {
                <h4>{format!("Nhiệm vụ có thay đổi ({})", changes.changed.len())}</h4>
                <ul data-testid="inbox-changed">
                    {changes.changed.iter().map(|change| view! {
                        <li>{task_line(&change.after)}<ul>{field_lines(&change.fields)}</ul></li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
    .into_any()
}
