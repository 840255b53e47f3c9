//! Soạn kế hoạch: the open plan's form, its save indicator, and the notice shown when another
//! tab has saved it. The form of every part of the plan is in `editor/`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Screen;
use super::editor::PlanForm;
use super::revision_history::RevisionHistory;
use crate::state::{Editor, use_database};

/// Opens the print view of the plan being edited (bản in), its pending typing saved first.
#[derive(Clone, Copy)]
pub struct OpenPrint(pub Callback<()>);

/// The plan editor (màn hình soạn kế hoạch) for the plan `id`.
#[component]
pub fn PlanEditor(id: String, screen: RwSignal<Screen>) -> impl IntoView {
    let database = use_database();
    let print_id = id.clone();
    let progress_id = id.clone();
    let export_id = id.clone();
    let editor = LocalResource::new(move || Editor::open(database.get(), id.clone()));
    let back = move |_| {
        // Save what the timer has not yet saved while the editor still exists.
        if let Some(Ok(open)) = editor.get_untracked() {
            open.flush();
        }
        screen.set(Screen::List);
    };
    let print = Callback::new(move |()| {
        // The print view reads the stored plan: save what is pending first.
        if let Some(Ok(open)) = editor.get_untracked() {
            open.flush();
        }
        screen.set(Screen::Print(print_id.clone()));
    });
    // The editor's toolbar opens it too, from anywhere in the form.
    provide_context(OpenPrint(print));
    let handed = expect_context::<super::HandedPlan>();
    let progress = move |_| {
        if let Some(Ok(open)) = editor.get_untracked() {
            open.flush();
            handed.hand(open.plan.get_untracked());
        }
        screen.set(Screen::Progress(progress_id.clone()));
    };
    view! {
        <div class="editor-bar">
            <button class="button" data-testid="back-to-list" on:click=back>
                "← Danh sách kế hoạch"
            </button>
            <button class="button" data-testid="open-print" on:click=move |_| print.run(())>
                "In / Lưu PDF"
            </button>
            <button class="button" data-testid="open-progress" on:click=progress>
                "Theo dõi thực hiện"
            </button>
            <super::transfer::EditorExportButtons id=export_id
                open=move || editor.get_untracked().and_then(Result::ok) />
        </div>
        <Suspense fallback=|| view! { <p class="muted">"Đang mở kế hoạch…"</p> }>
            {move || editor.get().map(|result| match result {
                Ok(editor) => view! { <EditorForm editor=editor /> }.into_any(),
                Err(error) => view! {
                    <p class="notice notice-error" role="alert" data-testid="open-error">{error.to_string()}</p>
                }.into_any(),
            })}
        </Suspense>
    }
}

/// The form over an open plan, with autosave flushed when the page is hidden or closed.
#[component]
fn EditorForm(editor: Editor) -> impl IntoView {
    flush_when_hidden(editor);
    let locked = move || editor.is_locked();
    let reload = move |_| {
        spawn_local(async move {
            if let Err(error) = editor.reload_latest().await {
                editor
                    .status
                    .set(crate::state::SaveStatus::Failed(error.to_string()));
            }
        });
    };
    view! {
        <section class="editor" aria-labelledby="editor-title">
            <div class="section-head">
                <h2 id="editor-title" tabindex="-1">"Soạn kế hoạch"</h2>
            </div>
            <super::transfer::SaveProblem status=editor.status plan=editor.plan />
            <Show when=move || editor.kept_unsaved.get()>
                <div class="notice notice-warning" role="status" data-testid="kept-unsaved">
                    <p>
                        "Có phần gõ chưa lưu được vì kế hoạch đã được lưu ở thẻ khác trước. "
                        "Phần đó không mất: nó được giữ trong «Lịch sử phiên bản» bên dưới, ghi là phần gõ chưa lưu được."
                    </p>
                </div>
            </Show>
            <Show when=locked>
                <div class="notice notice-warning" role="alert" data-testid="locked-banner">
                    <p>
                        "Kế hoạch này vừa được sửa ở một thẻ hoặc cửa sổ khác. "
                        "Bản đang mở ở đây đã cũ nên tạm thời chỉ để xem, để hai bên không ghi đè lên nhau."
                    </p>
                    <button class="button button-primary" data-testid="reload-latest" on:click=reload>
                        "Tải bản mới nhất"
                    </button>
                </div>
            </Show>
        </section>
        <PlanForm editor=editor />
        <RevisionHistory editor=editor />
    }
}

/// Saves pending edits at once when the page is hidden (tab switch, app switch on a tablet)
/// or being unloaded, so closing the tab loses nothing typed.
fn flush_when_hidden(editor: Editor) {
    let on_hide = window_event_listener_untyped("pagehide", move |_| editor.flush());
    let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            editor.flush();
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        on_visibility.remove();
    });
}
