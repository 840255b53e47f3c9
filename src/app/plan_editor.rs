//! Soạn kế hoạch: the open plan's form, its save indicator, and the notice shown when another
//! tab has saved it. This first part edits the document's header (thông tin chung).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Screen;
use super::revision_history::RevisionHistory;
use super::save_status::SaveIndicator;
use crate::domain::Plan;
use crate::domain::text;
use crate::state::{Editor, use_database};

/// The plan editor (màn hình soạn kế hoạch) for the plan `id`.
#[component]
pub fn PlanEditor(id: String, screen: RwSignal<Screen>) -> impl IntoView {
    let database = use_database();
    let print_id = id.clone();
    let editor = LocalResource::new(move || Editor::open(database.get(), id.clone()));
    let back = move |_| {
        // Save what the timer has not yet saved while the editor still exists.
        if let Some(Ok(open)) = editor.get_untracked() {
            open.flush();
        }
        screen.set(Screen::List);
    };
    let print = move |_| {
        // The print view reads the stored plan: save what is pending first.
        if let Some(Ok(open)) = editor.get_untracked() {
            open.flush();
        }
        screen.set(Screen::Print(print_id.clone()));
    };
    view! {
        <div class="editor-bar">
            <button class="button" data-testid="back-to-list" on:click=back>
                "← Danh sách kế hoạch"
            </button>
            <button class="button" data-testid="open-print" on:click=print>
                "In / Lưu PDF"
            </button>
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
                <h2 id="editor-title">"Thông tin chung"</h2>
                <SaveIndicator status=editor.status />
            </div>
            <super::transfer::SaveProblem status=editor.status plan=editor.plan />
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
            <div class="form-grid">
                <TextField editor=editor label="Cơ quan ban hành" name="issuing-body"
                    get=|plan| plan.issuing_body.clone() set=|plan, value| plan.issuing_body = value />
                <TextField editor=editor label="Số" name="number"
                    get=|plan| plan.number.number.clone() set=|plan, value| plan.number.number = value />
                <TextField editor=editor label="Ký hiệu" name="symbol"
                    get=|plan| plan.number.symbol.clone() set=|plan, value| plan.number.symbol = value />
                <TextField editor=editor label="Địa danh" name="place"
                    get=|plan| plan.place.clone() set=|plan, value| plan.place = value />
                <YearField editor=editor />
                <TextField editor=editor label="Trích yếu" name="title" wide=true
                    get=|plan| plan.title.clone() set=|plan, value| plan.title = value />
            </div>
        </section>
        <RevisionHistory editor=editor />
    }
}

/// A labelled text input bound to one text of the plan.
#[component]
fn TextField(
    editor: Editor,
    label: &'static str,
    name: &'static str,
    get: fn(&Plan) -> String,
    set: fn(&mut Plan, String),
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    let id = format!("field-{name}");
    view! {
        <div class="field" class:field-wide=wide>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                data-testid=format!("field-{name}")
                prop:value=move || editor.plan.with(get)
                disabled=move || editor.is_locked()
                on:input=move |event| {
                    let value = event_target_value(&event);
                    // Stored as NFC whatever the keyboard sent.
                    let value = if text::is_clean(&value) { value } else { text::clean(&value) };
                    editor.edit(|plan| set(plan, value));
                }
            />
        </div>
    }
}

/// Năm kế hoạch: a whole number.
#[component]
fn YearField(editor: Editor) -> impl IntoView {
    view! {
        <div class="field">
            <label for="field-year">"Năm kế hoạch"</label>
            <input
                id="field-year"
                type="number"
                inputmode="numeric"
                min="2000"
                max="2100"
                data-testid="field-year"
                prop:value=move || editor.plan.with(|plan| plan.year.to_string())
                disabled=move || editor.is_locked()
                on:input=move |event| {
                    if let Ok(year) = event_target_value(&event).trim().parse::<i32>() {
                        editor.edit(|plan| plan.year = year);
                    }
                }
            />
        </div>
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
