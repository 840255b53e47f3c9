//! Lịch sử phiên bản: the kept revisions of the open plan, or of its follow-up, each of which
//! can be restored.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::format::date_time;
use crate::state::{Editor, SaveStatus};
use crate::storage::{Database, RevisionReason};

/// The revision history panel of the editor.
#[component]
pub fn RevisionHistory(editor: Editor) -> impl IntoView {
    let id = editor.plan.with_untracked(|plan| plan.id.clone());
    view! {
        <KeptRevisions
            kept=Kept::Plan
            database=editor.database()
            plan_id=id
            status=editor.status
            can_restore=Signal::derive(move || editor.is_saved() && !editor.is_locked())
            restore=Callback::new(move |key: f64| {
                spawn_local(async move {
                    if let Err(error) = editor.restore_revision(key).await {
                        editor.status.set(SaveStatus::Failed(error.to_string()));
                    }
                });
            })
        />
    }
}

/// Whose revisions a history lists.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// The plan's (the editor's history).
    Plan,
    /// The plan's follow-up: progress and period reports.
    FollowUp,
}

/// The kept revisions of a plan or of its follow-up, each with a button that restores it.
#[component]
pub fn KeptRevisions(
    kept: Kept,
    database: Rc<Database>,
    plan_id: String,
    /// How saving goes: the list is read again after each save while open.
    status: RwSignal<SaveStatus>,
    can_restore: Signal<bool>,
    restore: Callback<f64>,
) -> impl IntoView {
    // Read only while the panel is open: each revision holds a whole plan, and forty of a long
    // plan are megabytes to read. While open, re-read after each save (not each keystroke), so
    // new revisions appear.
    let open = RwSignal::new(false);
    let last_saved = Memo::new(move |previous: Option<&f64>| match status.get() {
        SaveStatus::Saved { at } => at,
        _ => previous.copied().unwrap_or_default(),
    });
    let revisions = LocalResource::new(move || {
        let open = open.get();
        last_saved.track();
        let (database, id) = (database.clone(), plan_id.clone());
        async move {
            match (open, kept) {
                (false, _) => None,
                (true, Kept::Plan) => Some(database.list_revisions(&id).await),
                (true, Kept::FollowUp) => Some(database.list_tracking_revisions(&id).await),
            }
        }
    });
    let (test_id, summary, what) = match kept {
        Kept::Plan => ("revision-history", "Lịch sử phiên bản", "mỗi lần soạn"),
        Kept::FollowUp => (
            "tracking-history",
            "Lịch sử phiên bản của phần theo dõi",
            "mỗi lần cập nhật tiến độ hay báo cáo",
        ),
    };
    view! {
        <details
            class="panel"
            data-testid=test_id
            on:toggle=move |event| open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())
        >
            <summary>{summary}</summary>
            <p class="muted">
                {format!("Ứng dụng giữ bản lúc bắt đầu {what}, năm phút một bản khi đang sửa, ")}
                "và bản cũ trước mỗi lần khôi phục hay nhập tệp (tối đa 40 bản)."
            </p>
            <Suspense fallback=|| ()>
                {move || revisions.get().flatten().map(|result| match result {
                    Ok(list) if list.is_empty() => view! { <p class="muted">"Chưa có bản nào."</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="revision-list">
                            {list.into_iter().map(|revision| {
                                let key = revision.key;
                                view! {
                                    <li class="revision-item" data-testid="revision">
                                        <span>
                                            {format!("Bản {} · {} · {}", revision.revision, date_time(revision.saved_at), reason_label(revision.reason))}
                                        </span>
                                        <button
                                            class="button"
                                            data-testid="restore-revision"
                                            disabled=move || !can_restore.get()
                                            on:click=move |_| restore.run(key)
                                        >
                                            "Khôi phục bản này"
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <p class="notice notice-error" role="alert">{error.to_string()}</p> }.into_any(),
                })}
            </Suspense>
        </details>
    }
}

fn reason_label(reason: RevisionReason) -> &'static str {
    match reason {
        RevisionReason::Session => "khi bắt đầu soạn",
        RevisionReason::Rolling => "tự động khi đang soạn",
        RevisionReason::BeforeReplace => "bản trước khi khôi phục hoặc nhập tệp",
        RevisionReason::Unsaved => "phần gõ chưa lưu được vì thẻ khác đã lưu trước",
    }
}
