//! Nội dung mẫu: the note over a text that is still exactly as the template wrote it, with
//! «Giữ nội dung mẫu» to keep it as it is (`domain::template_marks`); changing the text is the
//! other way to confirm it.

use std::sync::Arc;

use leptos::prelude::*;

use super::Form;
use super::fields::Lens;
use super::lists::focus_later;
use crate::domain::Plan;
use crate::domain::template_marks::{TemplateText, keep, mark_of};

/// The mark of the item a note is about, if it is still there.
type MarkOf = Arc<dyn Fn(&Plan) -> Option<String> + Send + Sync>;

/// The note over the item `lens` points at, shown while it is template text; `field` is the id
/// of its first input, where the focus goes once it is kept.
pub fn template_note<T: TemplateText + 'static>(lens: Lens<T>, field: String) -> AnyView {
    let mark: MarkOf = Arc::new(move |plan: &Plan| {
        // A plan with no marks (most) costs nothing per keystroke.
        if plan.template_marks.is_empty() {
            return None;
        }
        lens.read(plan, mark_of)
    });
    note_view(mark, field)
}

/// Drawn once for every kind of item (this keeps the wasm smaller).
fn note_view(mark: MarkOf, field: String) -> AnyView {
    let form = expect_context::<Form>();
    let marked = {
        let mark = mark.clone();
        Memo::new(move |_| {
            form.read(|plan| mark(plan).is_some_and(|mark| plan.template_marks.contains(&mark)))
        })
    };
    let keep_it = move |_| {
        let mark = mark.clone();
        form.history.change(move |plan| {
            if let Some(mark) = mark(plan) {
                keep(plan, &mark);
            }
        });
        focus_later(field.clone());
    };
    (move || {
        marked.get().then(|| {
            view! {
                <p class="template-note" data-testid="template-note">
                    <span>"Nội dung mẫu, chưa xem lại"</span>
                    <button type="button" class="button button-small" data-testid="keep-template"
                        disabled=move || form.editor.is_locked() on:click=keep_it.clone()>
                        "Giữ nội dung mẫu"
                    </button>
                </p>
            }
        })
    })
    .into_any()
}
