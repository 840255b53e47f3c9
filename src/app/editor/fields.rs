//! Shared inputs of the plan form (ô nhập dùng chung): a lens that points at one part of the plan,
//! labelled text fields bound through it, inputs that keep what is typed while they have focus,
//! and the issue shown beside a field.

use std::sync::Arc;

use leptos::prelude::*;

use super::Form;
use crate::domain::text;
use crate::domain::{Named, Plan};

type Getter<T> = Arc<dyn for<'a> Fn(&'a Plan) -> Option<&'a T> + Send + Sync>;
type Setter<T> = Arc<dyn for<'a> Fn(&'a mut Plan) -> Option<&'a mut T> + Send + Sync>;

/// Points at one value inside the plan, to read it and to change it in place; `None` when the
/// place no longer exists (its item was removed).
pub struct Lens<T: 'static> {
    get: Getter<T>,
    get_mut: Setter<T>,
}

impl<T> Clone for Lens<T> {
    fn clone(&self) -> Self {
        Self {
            get: self.get.clone(),
            get_mut: self.get_mut.clone(),
        }
    }
}

impl Lens<Plan> {
    /// The whole plan.
    pub fn root() -> Self {
        Lens::new(|plan| Some(plan), |plan| Some(plan))
    }
}

impl<T: 'static> Lens<T> {
    pub fn new(
        get: impl for<'a> Fn(&'a Plan) -> Option<&'a T> + Send + Sync + 'static,
        get_mut: impl for<'a> Fn(&'a mut Plan) -> Option<&'a mut T> + Send + Sync + 'static,
    ) -> Self {
        Self {
            get: Arc::new(get),
            get_mut: Arc::new(get_mut),
        }
    }

    /// A lens on a part of this value.
    pub fn map<U: 'static>(
        &self,
        get: impl for<'a> Fn(&'a T) -> Option<&'a U> + Send + Sync + 'static,
        get_mut: impl for<'a> Fn(&'a mut T) -> Option<&'a mut U> + Send + Sync + 'static,
    ) -> Lens<U> {
        let (outer, outer_mut) = (self.get.clone(), self.get_mut.clone());
        Lens::new(
            move |plan| outer(plan).and_then(&get),
            move |plan| outer_mut(plan).and_then(&get_mut),
        )
    }

    pub fn read<R>(&self, plan: &Plan, read: impl FnOnce(&T) -> R) -> Option<R> {
        (self.get)(plan).map(read)
    }

    pub fn write(&self, plan: &mut Plan, write: impl FnOnce(&mut T)) {
        if let Some(value) = (self.get_mut)(plan) {
            write(value);
        }
    }
}

impl<T: 'static> Lens<Vec<T>> {
    /// The item at `index` of the list.
    pub fn at(&self, index: usize) -> Lens<T> {
        self.map(move |list| list.get(index), move |list| list.get_mut(index))
    }
}

/// `field!(lens, a.b)`: a lens on the field `a.b` of what `lens` points at.
macro_rules! field {
    ($lens:expr, $($name:tt).+) => {
        $lens.map(|value| Some(&value.$($name).+), |value| Some(&mut value.$($name).+))
    };
}
pub(crate) use field;

/// Text as stored: NFC whatever the keyboard sent, control characters dropped.
pub fn clean(value: String) -> String {
    if text::is_clean(&value) {
        value
    } else {
        text::clean(&value)
    }
}

/// A memo of the text `lens` points at ("" when the place is gone).
pub fn text_of(form: Form, lens: Lens<String>) -> Memo<String> {
    Memo::new(move |_| form.read(|plan| lens.read(plan, Clone::clone).unwrap_or_default()))
}

/// A labelled text input or text area bound to the text `lens` points at.
#[component]
pub fn TextField(
    lens: Lens<String>,
    /// Also the key of issues about this field (see `domain::validation`).
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let value = text_of(form, lens.clone());
    let key = id.clone();
    // "plan-title" is "field-title" to the tests, as before the form was split into parts.
    let testid = format!("field-{}", id.trim_start_matches("plan-"));
    let on_input = move |event: web_sys::Event| {
        let typed = clean(event_target_value(&event));
        form.type_into(&key, |plan| lens.write(plan, |text| *text = typed));
    };
    let invalid = form.invalid(&id);
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="2" prop:value=value on:input=on_input data-testid=testid
                disabled=move || form.editor.is_locked()
                aria-invalid=invalid aria-describedby=format!("{id}-issue")></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" prop:value=value on:input=on_input data-testid=testid
                disabled=move || form.editor.is_locked()
                aria-invalid=invalid aria-describedby=format!("{id}-issue") />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-wide=wide>
            <label for=id.clone()>{label}</label>
            {input}
            <FieldIssue id=id />
        </div>
    }
}

/// An input that shows what is being typed while it has focus, and the stored value otherwise,
/// for values the plan keeps in another shape than typed (budgets "1.50" → 1,5; unit lists).
#[component]
pub fn DraftInput(
    #[prop(into)] id: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(optional, into)] label: Option<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] numeric: bool,
    /// (table, row, column) of a spreadsheet cell, for moving between cells with Enter.
    #[prop(optional)]
    cell: Option<(usize, usize, &'static str)>,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let grid = cell.map(|(table, _, _)| table.to_string());
    let row = cell.map(|(_, row, _)| row.to_string());
    let col = cell.map(|(_, _, col)| col);
    let draft = RwSignal::new(None::<String>);
    let shown = move || draft.get().unwrap_or_else(|| value.get());
    let focus = move |_| draft.set(Some(value.get_untracked()));
    let blur = move |_| draft.set(None);
    let input = move |event: web_sys::Event| {
        let typed = clean(event_target_value(&event));
        draft.set(Some(typed.clone()));
        on_input.run(typed);
    };
    let invalid = form.invalid(&id);
    let described = format!("{id}-issue");
    if multiline {
        view! {
            <textarea id=id rows="2" aria-label=label prop:value=shown on:focus=focus on:blur=blur
                data-grid=grid data-row=row data-col=col
                inputmode=numeric.then_some("decimal")
                on:input=input disabled=move || form.editor.is_locked()
                aria-invalid=invalid aria-describedby=described></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type="text" aria-label=label prop:value=shown on:focus=focus on:blur=blur
                data-grid=grid data-row=row data-col=col
                inputmode=numeric.then_some("decimal")
                on:input=input disabled=move || form.editor.is_locked()
                aria-invalid=invalid aria-describedby=described />
        }
        .into_any()
    }
}

/// A labelled whole-number input; blank means "not yet written" (a draft's blank day).
#[component]
pub fn NumberField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Option<i64>>,
    #[prop(into)] on_input: Callback<Option<i64>>,
    min: i64,
    max: i64,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let shown = move || {
        value
            .get()
            .map(|number| number.to_string())
            .unwrap_or_default()
    };
    let invalid = form.invalid(&id);
    let testid = format!("field-{}", id.trim_start_matches("plan-"));
    view! {
        <div class="field field-number">
            <label for=id.clone()>{label}</label>
            <input id=id.clone() type="number" inputmode="numeric" min=min max=max prop:value=shown
                data-testid=testid
                disabled=move || form.editor.is_locked()
                aria-invalid=invalid aria-describedby=format!("{id}-issue")
                on:input=move |event| {
                    let typed = event_target_value(&event);
                    let typed = typed.trim();
                    if typed.is_empty() {
                        on_input.run(None);
                    } else if let Ok(number) = typed.parse::<i64>() {
                        // "2", "20", "202" on the way to "2025" are not kept.
                        if (min..=max).contains(&number) {
                            on_input.run(Some(number));
                        }
                    }
                } />
            <FieldIssue id=id />
        </div>
    }
}

/// A labelled choice among fixed options, each `(value, text)`.
#[component]
pub fn ChoiceField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    options: Vec<(&'static str, String)>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    let form = expect_context::<Form>();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id disabled=move || form.editor.is_locked()
                on:change=move |event| on_change.run(event_target_value(&event))>
                {options.into_iter().map(|(key, text)| view! {
                    <option value=key selected=move || value.get() == key>{text}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A labelled choice among every value of an enum of the plan (`domain::Named`), bound to the
/// value `lens` points at: each option's value is the value's name in the file format, its
/// text `text(value)`, in Vietnamese.
pub fn named_choice<E: Named + Default + Send + Sync>(
    lens: Lens<E>,
    id: String,
    label: &'static str,
    text: fn(E) -> &'static str,
) -> AnyView {
    // Only the reading and writing of the value is per enum; the rest is drawn once.
    let read = lens.clone();
    let get: NameOf = Arc::new(move |plan| read.read(plan, |value| value.as_str()));
    let set: SetName = Arc::new(move |plan, name| {
        if let Some(chosen) = E::from_name(name) {
            lens.write(plan, |value| *value = chosen);
        }
    });
    let options = E::ALL
        .iter()
        .map(|&value| (value.as_str(), text(value).to_string()))
        .collect();
    name_choice(id, label, options, E::default().as_str(), get, set)
}

type NameOf = Arc<dyn Fn(&Plan) -> Option<&'static str> + Send + Sync>;
type SetName = Arc<dyn Fn(&mut Plan, &str) + Send + Sync>;

fn name_choice(
    id: String,
    label: &'static str,
    options: Vec<(&'static str, String)>,
    default: &'static str,
    get: NameOf,
    set: SetName,
) -> AnyView {
    let form = expect_context::<Form>();
    let value = Signal::derive(move || form.read(|plan| get(plan)).unwrap_or(default).to_string());
    let on_change = move |name: String| {
        let set = set.clone();
        form.history.change(move |plan| set(plan, &name));
    };
    view! { <ChoiceField id=id label=label options=options value=value on_change=on_change /> }
        .into_any()
}

/// The issue about field `id`, if validation found one (shown beside the field).
#[component]
pub fn FieldIssue(#[prop(into)] id: String) -> impl IntoView {
    let form = expect_context::<Form>();
    let key = id.clone();
    let message = Memo::new(move |_| form.issues.with(|issues| issues.get(&key).cloned()));
    view! {
        <p class="field-issue" id=format!("{id}-issue") hidden=move || message.with(Option::is_none)>
            {move || message.get().unwrap_or_default()}
        </p>
    }
}
