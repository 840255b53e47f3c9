//! Small labelled inputs of the screens outside the plan form (whose fields write to the plan
//! through the editor): a text kept in a signal until the person acts on it.

use leptos::prelude::*;

/// A labelled text input bound to `value`; its test id is its `id`. `label` and `placeholder`
/// may change with the rest of the form.
#[component]
pub fn SignalText(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] placeholder: Signal<&'static str>,
    value: RwSignal<String>,
    /// "text", or "search" for a search box.
    #[prop(default = "text")]
    kind: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            <input
                id=id
                type=kind
                data-testid=id
                placeholder=move || placeholder.get()
                autocomplete="off"
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            />
        </div>
    }
}
