//! Thanh công cụ của trình soạn (the editor's toolbar): the part switcher, undo and redo, the
//! print view and the save state, in a sticky band of its own at the top of the form.

use leptos::prelude::*;

use super::Form;
use super::lazy::NearScreen;
use super::outline::{Places, jump_to};
use crate::app::plan_editor::OpenPrint;
use crate::app::save_status::SaveIndicator;

/// The editor's toolbar: where the outline is not beside the form, the part switcher (which
/// part is in view, and a tap away from every other); "Hoàn tác", "Làm lại", the whole
/// document a tap away ("Bản in"; not on a phone, where the bar keeps to one line), the save
/// state and the notice of the last removal ("Đã xóa nhiệm vụ c — Hoàn tác"). It stays at the
/// top of the form as it scrolls, in a band of its own, so that it never covers a field (the
/// page's scroll padding keeps a focused field clear of it, style/editor.css).
#[component]
pub fn UndoBar() -> impl IntoView {
    let form = expect_context::<Form>();
    let history = form.history;
    let near = expect_context::<NearScreen>();
    let places = expect_context::<Places>();
    let options = move || {
        places
            .all()
            .into_iter()
            .map(|place| {
                let id = place.id.clone();
                let selected = move || places.here.with(|here| *here == id);
                // Options cannot be styled: areas step in with spaces.
                let indent = "\u{2002}\u{2002}".repeat(usize::from(place.depth));
                view! { <option value=place.id prop:selected=selected>{indent}{place.label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="undo-bar" id="editor-toolbar" role="toolbar" aria-label="Phần đang soạn, hoàn tác và trạng thái lưu" data-testid="editor-toolbar">
            <label class="part-switcher">
                <span class="visually-hidden">"Đến phần"</span>
                <select data-testid="part-switcher"
                    on:change=move |event| jump_to(near, &event_target_value(&event))>
                    {options}
                </select>
            </label>
            <button type="button" class="button" id="undo-button" data-testid="undo"
                disabled=move || history.depth.get() == 0 || form.editor.is_locked()
                aria-keyshortcuts="Control+Z" aria-label="Hoàn tác" on:click=move |_| history.undo()>
                <span aria-hidden="true">"↶"</span><span class="toolbar-word">" Hoàn tác"</span>
            </button>
            <button type="button" class="button" id="redo-button" data-testid="redo"
                disabled=move || history.redo_depth.get() == 0 || form.editor.is_locked()
                aria-keyshortcuts="Control+Y Control+Shift+Z" aria-label="Làm lại" on:click=move |_| history.redo()>
                <span aria-hidden="true">"↷"</span><span class="toolbar-word">" Làm lại"</span>
            </button>
            {use_context::<OpenPrint>().map(|OpenPrint(print)| view! {
                <button type="button" class="button toolbar-print" data-testid="toolbar-print"
                    on:click=move |_| print.run(())>
                    "Bản in"
                </button>
            })}
            <SaveIndicator status=form.editor.status />
            <p class="undo-notice" role="status" aria-live="polite" data-testid="undo-notice">
                {move || history.notice.get().map(|(_, what)| view! {
                    <span>{what}" — "</span>
                    <button type="button" class="link-button" on:click=move |_| history.undo()>"Hoàn tác"</button>
                })}
            </p>
        </div>
    }
}
