//! Lịch sử phiên bản: the kept revisions of the open plan, each of which can be restored.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::format::date_time;
use crate::state::{Editor, SaveStatus};
use crate::storage::RevisionReason;

/// The revision history panel of the editor.
#[component]
pub fn RevisionHistory(editor: Editor) -> impl IntoView {
    // Read only while the panel is open: each revision holds a whole plan, and forty of a long
    // plan are megabytes to read. While open, re-read after each save (not each keystroke), so
    // new revisions appear.
    let open = RwSignal::new(false);
    let last_saved = Memo::new(move |previous: Option<&f64>| match editor.status.get() {
        SaveStatus::Saved { at } => at,
        _ => previous.copied().unwrap_or_default(),
    });
    let revisions = LocalResource::new(move || {
        let open = open.get();
        last_saved.track();
        let database = editor.database();
        let id = editor.plan.with_untracked(|plan| plan.id.clone());
        async move {
            if open {
                Some(database.list_revisions(&id).await)
            } else {
                None
            }
        }
    });
    let restore = move |key: f64| {
        spawn_local(async move {
            if let Err(error) = editor.restore_revision(key).await {
                editor.status.set(SaveStatus::Failed(error.to_string()));
            }
        });
    };
    view! {
        <details
            class="panel"
            data-testid="revision-history"
            on:toggle=move |event| open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())
        >
            <summary>"Lịch sử phiên bản"</summary>
            <p class="muted">
                "Ứng dụng giữ bản lúc bắt đầu mỗi lần soạn, năm phút một bản khi đang soạn, "
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
                                            disabled=move || !editor.is_saved() || editor.is_locked()
                                            on:click=move |_| restore(key)
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
