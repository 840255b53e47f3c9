//! Ô cơ quan, đơn vị: one unit per field, in a text area that wraps and grows so that a long
//! name («Văn phòng HĐND và UBND thị xã …») is seen whole, with the units of the directory
//! that match what is typed listed under it while it has focus: one tap fills the field.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::Form;
use super::fields::{FieldIssue, Lens, clean, text_of};
use super::task::unit_suggestions;
use crate::app::unit_directory::use_unit_directory;
use crate::domain::units;

/// How many units the list under a field offers at most: about what fits above a phone's
/// keyboard.
const OFFERED: usize = 6;

/// How long the list stays after the focus has left the field.
const CLOSE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// A labelled unit field bound to the text `lens` points at.
#[component]
pub fn UnitField(
    lens: Lens<String>,
    /// Also the key of issues about this field (see `domain::validation`).
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let directory = use_unit_directory();
    let value = text_of(form, lens.clone());
    let open = RwSignal::new(false);
    // Read only while the list is open: one field at a time pays for the whole plan's units.
    let offered = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let all = form.read_all(|plan| unit_suggestions(plan, directory));
        value.with(|typed| {
            units::offered(&all, typed, OFFERED)
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        })
    });
    let key = id.clone();
    let write = move |typed: String| {
        let lens = lens.clone();
        // One unit per field: a line break typed or pasted is a space.
        let typed = clean(typed).replace('\n', " ");
        form.type_into(&key, move |plan| lens.write(plan, |text| *text = typed));
    };
    let on_input = {
        let write = write.clone();
        move |event: web_sys::Event| {
            write(event_target_value(&event));
            open.set(true);
        }
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| match event.key().as_str() {
        "Enter" => event.prevent_default(),
        "Escape" => open.set(false),
        _ => {}
    };
    // The list stays while the focus moves within the field (to a suggestion by Tab). It goes
    // a moment after the focus has left: gone at once, it would move what was tapped out from
    // under the finger between the press and the click.
    let on_focusout = move |event: web_sys::FocusEvent| {
        let Some(field) = event
            .current_target()
            .and_then(|field| field.dyn_into::<web_sys::Node>().ok())
        else {
            return;
        };
        set_timeout(
            move || {
                let focused = document().active_element().map(web_sys::Node::from);
                if !field.contains(focused.as_ref()) {
                    open.try_set(false);
                }
            },
            CLOSE_DELAY,
        );
    };
    let list_id = format!("{id}-units");
    let input_id = id.clone();
    let pick = move |unit: String| {
        write(unit);
        open.set(false);
        super::lists::focus_later(input_id.clone());
    };
    let testid = format!("field-{id}");
    let invalid = form.invalid(&id);
    let shown = move || !offered.with(Vec::is_empty);
    view! {
        <div class="field unit-field" on:focusout=on_focusout>
            <label for=id.clone()>{label}</label>
            <textarea id=id.clone() rows="1" class="unit-input" prop:value=value data-testid=testid
                on:input=on_input on:focus=move |_| open.set(true) on:keydown=on_keydown
                disabled=move || form.editor.is_locked()
                aria-controls=list_id.clone()
                aria-invalid=invalid aria-describedby=format!("{id}-issue")></textarea>
            <ul class="unit-offers" id=list_id aria-label="Chọn nhanh cơ quan, đơn vị"
                data-testid="unit-offers" hidden=move || !shown()>
                {move || offered.get().into_iter().map(|unit| {
                    let chosen = unit.clone();
                    let pick = pick.clone();
                    view! {
                        <li>
                            <button type="button" class="unit-offer" data-testid="unit-offer"
                                // Keeps the focus (and a tablet's keyboard) in the field.
                                on:mousedown=|event| event.prevent_default()
                                on:click=move |_| pick(chosen.clone())>{unit}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <FieldIssue id=id />
        </div>
    }
}
