//! Lists of the plan form (danh sách): add, remove (with undo) and reorder with "Lên"/"Xuống",
//! by touch and by keyboard; and the two lists used everywhere, of lines and of paragraphs.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::Form;
use super::fields::{FieldIssue, Lens, TextField, field};
use super::lazy::{NearScreen, drawn_when_near};
use super::lazy_rows::LazyRows;
use super::template_note::template_note;
use super::unit_field::UnitField;
use crate::domain::{Paragraph, Plan};

/// Focuses the element `id` once the view has caught up with the change just made.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        let element = document().get_element_by_id(&id);
        if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            element.focus().ok();
        }
    });
}

/// Focuses the first input inside the element `id` (a list item just added).
pub fn focus_first_input(id: String) {
    request_animation_frame(move || {
        let found = document()
            .get_element_by_id(&id)
            .and_then(|item| {
                item.query_selector("input, textarea, select")
                    .ok()
                    .flatten()
            })
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = found {
            element.focus().ok();
        }
    });
}

/// What a list is called in buttons and notices: "căn cứ", "nhiệm vụ" …
#[derive(Clone, Copy)]
pub struct Noun {
    pub one: &'static str,
    /// How item `index` is named: "2" or "b)".
    pub name: fn(usize) -> String,
}

impl Noun {
    pub fn numbered(one: &'static str) -> Self {
        Self {
            one,
            name: |index| (index + 1).to_string(),
        }
    }
}

/// A list of the plan seen without its item type, so that the list's view is compiled once
/// rather than once per kind of item (this keeps the wasm smaller).
#[derive(Clone)]
struct ListOps {
    len: Arc<dyn Fn(&Plan) -> usize + Send + Sync>,
    /// The edit for a change, made before the plan is borrowed (a new item may read the plan).
    change: Arc<dyn Fn(ListChange) -> PlanEdit + Send + Sync>,
}

/// An edit of the plan, ready to hand to the undo stack.
type PlanEdit = Box<dyn FnOnce(&mut Plan)>;

#[derive(Clone, Copy)]
enum ListChange {
    Swap(usize, usize),
    Remove(usize),
    Push,
}

/// "Lên", "Xuống" and "Xóa" for item `index` of a list ("Xóa" alone for an item alone).
#[component]
fn ItemTools(
    ops: ListOps,
    list_id: String,
    index: usize,
    len: Memo<usize>,
    noun: Noun,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let name = (noun.name)(index);
    let move_to = {
        let (ops, list_id) = (ops.clone(), list_id.clone());
        move |to: usize, button: &'static str| {
            form.history
                .change((ops.change)(ListChange::Swap(index, to)));
            // Focus follows the item that moved, so pressing again moves it further.
            let at_end =
                (button == "up" && to == 0) || (button == "down" && to + 1 == len.get_untracked());
            let button = match (button, at_end) {
                ("up", true) => "down",
                ("down", true) => "up",
                (button, _) => button,
            };
            focus_later(format!("{list_id}-{to}-{button}"));
        }
    };
    let up = {
        let move_to = move_to.clone();
        move |_| move_to(index.saturating_sub(1), "up")
    };
    let down = move |_| move_to(index + 1, "down");
    let remove = move |_| {
        let what = format!("Đã xóa {} {}", noun.one, (noun.name)(index));
        form.history
            .remove(what, (ops.change)(ListChange::Remove(index)));
        focus_later("undo-button".into());
    };
    let locked = move || form.editor.is_locked();
    let first = move || locked() || index == 0;
    let last = move || locked() || index + 1 >= len.get();
    let movable = move || len.get() > 1;
    let (up_id, down_id) = (
        format!("{list_id}-{index}-up"),
        format!("{list_id}-{index}-down"),
    );
    let (up_label, down_label) = (
        format!("Đưa {} {name} lên", noun.one),
        format!("Đưa {} {name} xuống", noun.one),
    );
    view! {
        <div class="item-tools" role="group" aria-label=format!("Sắp xếp {} {name}", noun.one)>
            // An item alone has nowhere to move: without them its line keeps «Xóa» beside it.
            <Show when=movable>
                <button type="button" class="button button-small" id=up_id.clone()
                    aria-label=up_label.clone() disabled=first on:click=up.clone()>"Lên"</button>
                <button type="button" class="button button-small" id=down_id.clone()
                    aria-label=down_label.clone() disabled=last on:click=down.clone()>"Xuống"</button>
            </Show>
            <button type="button" class="button button-small button-danger"
                id=format!("{list_id}-{index}-remove")
                aria-label=format!("Xóa {} {name}", noun.one)
                disabled=locked on:click=remove>"Xóa"</button>
        </div>
    }
}

/// A list of items with their tools and an add button. `item` draws item `index` through a
/// lens on it; ids inside it should start with `{list_id}-{index}`.
pub fn item_list<T, V>(
    lens: Lens<Vec<T>>,
    list_id: String,
    noun: Noun,
    compact: bool,
    add_label: &'static str,
    make: impl Fn() -> T + Send + Sync + 'static,
    item: impl Fn(usize, Lens<T>) -> V + Send + Sync + 'static,
) -> AnyView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
{
    let (ops, item) = list_parts(lens, make, item);
    list_view(ops, list_id, noun, compact, add_label, item, None)
}

/// A list of a long plan whose items are drawn as they come near the screen (`lazy`), each
/// shown as `placeholder(index)` until then, and added to the page a slice at a time after the
/// form's first paint. The rows it returns draw an item sooner (a tap, the focus beside it).
#[allow(clippy::too_many_arguments)]
pub fn item_list_drawn_when_near<T, V>(
    lens: Lens<Vec<T>>,
    list_id: String,
    noun: Noun,
    add_label: &'static str,
    make: impl Fn() -> T + Send + Sync + 'static,
    item: impl Fn(usize, Lens<T>) -> V + Send + Sync + 'static,
    lazy: bool,
    placeholder: impl Fn(usize) -> AnyView + Send + Sync + 'static,
) -> (AnyView, LazyRows)
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
{
    let (ops, item) = list_parts(lens, make, item);
    let rows = LazyRows::new(list_id.clone());
    let placeholder: Placeholder = Arc::new(placeholder);
    let placeholder = lazy.then_some(placeholder);
    (
        list_view(ops, list_id, noun, false, add_label, item, placeholder),
        rows,
    )
}

/// The list's operations and its item view, without the item type.
fn list_parts<T, V>(
    lens: Lens<Vec<T>>,
    make: impl Fn() -> T + Send + Sync + 'static,
    item: impl Fn(usize, Lens<T>) -> V + Send + Sync + 'static,
) -> (ListOps, ItemView)
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
{
    let (read, item_lens) = (lens.clone(), lens.clone());
    let ops = ListOps {
        len: Arc::new(move |plan| read.read(plan, Vec::len).unwrap_or(0)),
        change: Arc::new(move |change| {
            let (lens, mut new) = (lens.clone(), None);
            if let ListChange::Push = change {
                new = Some(make());
            }
            Box::new(move |plan: &mut Plan| {
                lens.write(plan, |list| match change {
                    ListChange::Swap(a, b) if a < list.len() && b < list.len() => list.swap(a, b),
                    ListChange::Remove(index) if index < list.len() => {
                        list.remove(index);
                    }
                    ListChange::Push => list.extend(new),
                    _ => {}
                })
            })
        }),
    };
    let item: ItemView = Arc::new(move |index| item(index, item_lens.at(index)).into_any());
    (ops, item)
}

/// Draws item `index` of the list: the caller's view, type-erased.
type ItemView = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

/// Draws item `index` as plain text until it is drawn in full (`super::lazy`).
type Placeholder = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

fn list_view(
    ops: ListOps,
    list_id: String,
    noun: Noun,
    compact: bool,
    add_label: &'static str,
    item: ItemView,
    placeholder: Option<Placeholder>,
) -> AnyView {
    let form = expect_context::<Form>();
    let len = {
        let ops = ops.clone();
        Memo::new(move |_| form.read(|plan| (ops.len)(plan)))
    };
    let shown = placeholder
        .is_some()
        .then(|| expect_context::<NearScreen>().rows_shown_later(len));
    let add = {
        let (ops, list_id) = (ops.clone(), list_id.clone());
        move |_| {
            form.history.change((ops.change)(ListChange::Push));
            focus_first_input(format!(
                "{list_id}-item-{}",
                len.get_untracked().saturating_sub(1)
            ));
        }
    };
    let rows = {
        let list_id = list_id.clone();
        move |index: usize| {
            let (drawn, token) = drawn_when_near(placeholder.is_none());
            let row_id = format!("{list_id}-item-{index}");
            let (ops, list_id, item, placeholder) = (
                ops.clone(),
                list_id.clone(),
                item.clone(),
                placeholder.clone(),
            );
            let full = move || {
                view! {
                    <div class="list-item-body">{item(index)}</div>
                    <ItemTools ops=ops.clone() list_id=list_id.clone() index=index len=len noun=noun />
                }
                .into_any()
            };
            let body = move || match &placeholder {
                Some(placeholder) if !drawn.get() => placeholder(index),
                _ => full(),
            };
            view! {
                <li class="list-item" class:list-item-compact=compact id=row_id data-near=token>
                    {body}
                </li>
            }
        }
    };
    view! {
        <ol class="item-list" id=list_id.clone() role="list">
            <For each=move || 0..len.get().min(shown.map_or(usize::MAX, |shown| shown.get()))
                key=|index| *index children=rows />
        </ol>
        <FieldIssue id=list_id.clone() />
        <button type="button" class="button button-add" id=format!("{list_id}-add")
            disabled=move || form.editor.is_locked() on:click=add>{add_label}</button>
    }
    .into_any()
}

/// A list of one-line (or multi-line) texts: units, outputs, sub-items, articles.
#[component]
pub fn StringList(
    lens: Lens<Vec<String>>,
    #[prop(into)] id: String,
    /// Heading of the list, also the label of each line with its number.
    #[prop(into)]
    label: String,
    noun: &'static str,
    add_label: &'static str,
    #[prop(optional)] multiline: bool,
    /// A list of units (cơ quan, đơn vị): each a growing field offering the unit directory.
    #[prop(optional)]
    units: bool,
) -> impl IntoView {
    let list_id = id.clone();
    let item_label = label.clone();
    view! {
        <fieldset class="list-field">
            <legend>{label}</legend>
            {item_list(lens, id, Noun::numbered(noun), true, add_label, String::new, move |index, item| {
                let (id, label) = (format!("{list_id}-{index}"), format!("{item_label} {}", index + 1));
                if units {
                    view! { <UnitField lens=item id=id label=label /> }.into_any()
                } else {
                    view! { <TextField lens=item id=id label=label multiline=multiline /> }.into_any()
                }
            })}
        </fieldset>
    }
}

/// A list of paragraphs, each with its sub-items ("+ …"): purposes, funding, duties …
#[component]
pub fn ParagraphList(
    lens: Lens<Vec<Paragraph>>,
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    noun: &'static str,
    add_label: &'static str,
    /// A list a template fills in: its paragraphs are marked while still the template's.
    #[prop(optional)]
    template: bool,
) -> impl IntoView {
    let list_id = id.clone();
    view! {
        <fieldset class="list-field">
            <legend>{label}</legend>
            {item_list(lens, id, Noun::numbered(noun), false, add_label, Paragraph::default, move |index, item| {
                let key = format!("{list_id}-{index}");
                view! {
                    {template.then(|| template_note(item.clone(), key.clone()))}
                    <TextField lens=field!(item, text) id=key.clone()
                        label=format!("Đoạn {}", index + 1) multiline=true />
                    <details class="sub-items">
                        <summary>"Ý nhỏ (+ …)"</summary>
                        <StringList lens=field!(item, sub_items) id=format!("{key}-sub")
                            label="Ý nhỏ" noun="ý" add_label="Thêm ý nhỏ" />
                    </details>
                }
            })}
        </fieldset>
    }
}
