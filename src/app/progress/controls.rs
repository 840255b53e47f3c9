//! The follow-up screen's few kinds of control, each taking signals and callbacks rather than
//! closures of their own type, so that every field and button of the screen shares one copy of
//! the view code (a closure per attribute would add a copy of it to the download each).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::domain::text;

/// What a field holds, which decides its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A number typed the Vietnamese way («98,5»): the decimal keypad on a tablet.
    Number,
    /// A calendar date: the device's own picker; the value is «2026-03-20» or empty.
    Date,
    /// Several lines.
    Lines,
}

/// A labelled field.
pub struct Field {
    pub id: String,
    pub label: &'static str,
    pub testid: String,
    pub kind: Kind,
    pub value: Signal<String>,
    /// Gets the text as typed, cleaned (NFC, no control characters).
    pub on_input: Callback<String>,
    pub disabled: Signal<bool>,
    /// Takes the whole width of its grid.
    pub wide: bool,
    /// A line under the label.
    pub hint: Option<&'static str>,
    /// What is wrong with the value, said under the field.
    pub issue: Signal<Option<&'static str>>,
}

impl Field {
    /// A text field of one line, enabled, without hint or issue.
    pub fn text(
        id: String,
        label: &'static str,
        testid: impl Into<String>,
        value: Signal<String>,
        on_input: Callback<String>,
    ) -> Self {
        Self {
            id,
            label,
            testid: testid.into(),
            kind: Kind::Text,
            value,
            on_input,
            disabled: Signal::stored(false),
            wide: false,
            hint: None,
            issue: Signal::stored(None),
        }
    }

    pub fn kind(self, kind: Kind) -> Self {
        Self { kind, ..self }
    }

    pub fn wide(self) -> Self {
        Self { wide: true, ..self }
    }

    pub fn disabled(self, disabled: Signal<bool>) -> Self {
        Self { disabled, ..self }
    }

    pub fn hint(self, hint: &'static str) -> Self {
        Self {
            hint: Some(hint),
            ..self
        }
    }

    pub fn issue(self, issue: Signal<Option<&'static str>>) -> Self {
        Self { issue, ..self }
    }
}

/// The field as a label, its hint, its input and what is wrong with it.
pub fn field(field: Field) -> AnyView {
    let Field {
        id,
        label,
        testid,
        kind,
        value,
        on_input,
        disabled,
        wide,
        hint,
        issue,
    } = field;
    let described = format!("{id}-about");
    let input = move |event: web_sys::Event| {
        let typed = event_target_value(&event);
        on_input.run(if text::is_clean(&typed) {
            typed
        } else {
            text::clean(&typed)
        });
    };
    let invalid = Signal::derive(move || issue.with(Option::is_some).to_string());
    let control = match kind {
        Kind::Lines => view! {
            <textarea id=id.clone() rows="3" data-testid=testid aria-describedby=described.clone()
                aria-invalid=invalid disabled=disabled prop:value=value on:input=input></textarea>
        }
        .into_any(),
        _ => {
            let (kind, mode) = match kind {
                Kind::Date => ("date", None),
                Kind::Number => ("text", Some("decimal")),
                _ => ("text", None),
            };
            view! {
                <input id=id.clone() type=kind inputmode=mode data-testid=testid
                    aria-describedby=described.clone() aria-invalid=invalid disabled=disabled
                    prop:value=value on:input=input />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:field-wide=wide>
            <label for=id>{label}</label>
            {control}
            <div id=described>
                {hint.map(|hint| view! { <p class="muted field-hint">{hint}</p> })}
                {move || issue.get().map(|issue| view! { <p class="field-issue" role="status">{issue}</p> })}
            </div>
        </div>
    }
    .into_any()
}

/// A button that stays pressed while `pressed` holds (a filter).
pub fn toggle(
    class: &'static str,
    label: Signal<String>,
    pressed: Signal<bool>,
    testid: String,
    on_click: Callback<()>,
) -> AnyView {
    view! {
        <button class=class data-testid=testid aria-pressed=move || pressed.get().to_string()
            on:click=move |_| on_click.run(())>
            {label}
        </button>
    }
    .into_any()
}

/// A tab of a tablist (a period, a half of the screen), `id` also its test id: only the
/// selected tab is in the tab order; the arrow keys go to the others ([`tab_keys`]).
pub fn tab(
    class: &'static str,
    id: String,
    label: Signal<String>,
    selected: Signal<bool>,
    controls: &'static str,
    on_click: Callback<()>,
) -> AnyView {
    view! {
        <button class=class role="tab" id=id.clone() data-testid=id aria-controls=controls
            aria-selected=move || selected.get().to_string()
            tabindex=move || if selected.get() { "0" } else { "-1" }
            on:click=move |_| on_click.run(())>
            {label}
        </button>
    }
    .into_any()
}

/// A tablist's keys: Left and Right go to the tab before or after (round), Home and End to the
/// first and the last, and select it, as a click would. The tabs are the list's children.
pub fn tab_keys(event: web_sys::KeyboardEvent) {
    let Some(tab) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let first = || {
        tab.parent_element()
            .and_then(|list| list.first_element_child())
    };
    let last =
        |from: Option<Element>| std::iter::successors(from, Element::next_element_sibling).last();
    let next = match event.key().as_str() {
        "ArrowRight" => tab.next_element_sibling().or_else(first),
        "ArrowLeft" => tab
            .previous_element_sibling()
            .or_else(|| last(Some(tab.clone()))),
        "Home" => first(),
        "End" => last(first()),
        _ => return,
    };
    event.prevent_default();
    if let Some(tab) = next.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        tab.focus().ok();
        tab.click();
    }
}

/// Focuses the `nth` element that `selector` finds once the view has caught up with the change
/// just made (the button pressed is gone, and the focus with it).
pub fn focus_later(selector: String, nth: u32) {
    request_animation_frame(move || {
        let found = document().query_selector_all(&selector).ok();
        if let Some(element) = found
            .and_then(|all| all.item(nth))
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            element.focus().ok();
        }
    });
}

/// A button that does something; `name` says more than its label where the label alone is
/// the same on many buttons («Xóa»).
pub fn action(
    class: &'static str,
    label: Signal<String>,
    testid: &'static str,
    on_click: Callback<()>,
    name: Option<Signal<String>>,
) -> AnyView {
    view! {
        <button class=class data-testid=testid aria-label=name
            on:click=move |_| on_click.run(())>{label}</button>
    }
    .into_any()
}
