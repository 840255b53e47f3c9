//! The tools of an appendix table's lines (dòng, nhóm): own rows and groups moved with
//! "Lên"/"Xuống" and removed with "Xóa" (undone with "Hoàn tác"), groups titled and given rows
//! and sub-groups; a key task taken out of its table with "Bỏ khỏi bảng".

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::Form;
use super::fields::DraftInput;
use crate::domain::appendix::AppendixGroup;
use crate::domain::appendix_edit::{
    GroupPlace, RowPlace, Step, add_sub_group, can_move_group, move_group, move_row, remove_group,
    remove_row, row_destination,
};
use crate::domain::field_key::{FieldKey, TaskField};
use crate::domain::slot::{GroupSlot, TaskSlot};
use crate::domain::{AppendixRows, Plan};

fn own_groups(plan: &Plan, table: usize) -> Option<&Vec<AppendixGroup>> {
    match &plan.appendices.get(table)?.rows {
        AppendixRows::Own { groups } => Some(groups),
        AppendixRows::KeyTasks { .. } => None,
    }
}

fn own_groups_mut(plan: &mut Plan, table: usize) -> Option<&mut Vec<AppendixGroup>> {
    match &mut plan.appendices.get_mut(table)?.rows {
        AppendixRows::Own { groups } => Some(groups),
        AppendixRows::KeyTasks { .. } => None,
    }
}

fn place_of(slot: GroupSlot) -> GroupPlace {
    GroupPlace {
        group: slot.group,
        sub: slot.sub,
    }
}

fn slot_of(table: usize, place: GroupPlace) -> GroupSlot {
    GroupSlot {
        table,
        group: place.group,
        sub: place.sub,
    }
}

/// Focuses the button `id` once the table has been redrawn, or `fallback` if `id` is disabled
/// there (the line reached the end), so that focus stays with the line that moved.
fn focus_after_move(id: String, fallback: String) {
    request_animation_frame(move || {
        let enabled = |id: &str| {
            document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlButtonElement>().ok())
                .filter(|button| !button.disabled())
        };
        if let Some(button) = enabled(&id).or_else(|| enabled(&fallback)) {
            button.focus().ok();
        }
    });
}

fn focus_undo() {
    request_animation_frame(|| {
        let undo = document().get_element_by_id("undo-button");
        if let Some(undo) = undo.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            undo.focus().ok();
        }
    });
}

/// A line of a table's own rows that "Lên", "Xuống" and "Xóa" act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnLine {
    Row(RowPlace),
    Group(GroupPlace),
}

impl OwnLine {
    /// The stable key of the line in table `table`, which its buttons' ids start with.
    fn key(self, table: usize) -> String {
        match self {
            Self::Row(row) => TaskSlot::Appendix {
                group: slot_of(table, row.group),
                index: row.index,
            }
            .key(),
            Self::Group(group) => slot_of(table, group).key(),
        }
    }

    fn can_move(self, groups: &[AppendixGroup], step: Step) -> bool {
        match self {
            Self::Row(row) => row_destination(groups, row, step).is_some(),
            Self::Group(group) => can_move_group(groups, group, step),
        }
    }

    /// Moves the line one step; returns where it is now.
    fn step(self, groups: &mut Vec<AppendixGroup>, step: Step) -> Option<Self> {
        match self {
            Self::Row(row) => move_row(groups, row, step).map(Self::Row),
            Self::Group(group) => move_group(groups, group, step).map(Self::Group),
        }
    }

    fn remove(self, groups: &mut Vec<AppendixGroup>) {
        match self {
            Self::Row(row) => {
                remove_row(groups, row);
            }
            Self::Group(group) => {
                remove_group(groups, group);
            }
        }
    }
}

/// The own row of `group` at `index`, as the tools see it.
pub fn own_row(group: GroupSlot, index: usize) -> OwnLine {
    OwnLine::Row(RowPlace {
        group: place_of(group),
        index,
    })
}

/// The own group at `slot`, as the tools see it.
pub fn own_group(slot: GroupSlot) -> OwnLine {
    OwnLine::Group(place_of(slot))
}

/// "Lên", "Xuống" and "Xóa" for `line` of table `table`; `name` names it ("dòng 3", "nhóm II").
/// Focus follows the line that moved, so pressing again moves it further.
#[component]
pub fn LineTools(table: usize, line: OwnLine, name: String) -> impl IntoView {
    let form = expect_context::<Form>();
    let key = line.key(table);
    let can = move |step| {
        form.read(|plan| own_groups(plan, table).is_some_and(|groups| line.can_move(groups, step)))
    };
    let step = move |step: Step| {
        let mut moved = None;
        form.history.change(|plan| {
            if let Some(groups) = own_groups_mut(plan, table) {
                moved = line.step(groups, step);
            }
        });
        if let Some(moved) = moved {
            let at = moved.key(table);
            let (same, other) = match step {
                Step::Up => ("up", "down"),
                Step::Down => ("down", "up"),
            };
            focus_after_move(format!("{at}-{same}"), format!("{at}-{other}"));
        }
    };
    let what = format!("Đã xóa {name}");
    let remove = move |_| {
        form.history.remove(what.clone(), move |plan| {
            if let Some(groups) = own_groups_mut(plan, table) {
                line.remove(groups);
            }
        });
        focus_undo();
    };
    let locked = move || form.editor.is_locked();
    view! {
        <div class="grid-tools" role="group" aria-label=format!("Sắp xếp {name}")>
            <button type="button" class="button button-small" id=format!("{key}-up")
                aria-label=format!("Đưa {name} lên") on:click=move |_| step(Step::Up)
                disabled=move || locked() || !can(Step::Up)>"Lên"</button>
            <button type="button" class="button button-small" id=format!("{key}-down")
                aria-label=format!("Đưa {name} xuống") on:click=move |_| step(Step::Down)
                disabled=move || locked() || !can(Step::Down)>"Xuống"</button>
            <button type="button" class="button button-small button-danger" id=format!("{key}-remove")
                aria-label=format!("Xóa {name}") on:click=remove disabled=locked>"Xóa"</button>
        </div>
    }
}

/// Enter in a group's title makes no new line: the title is one line, only drawn wrapped.
fn one_line(event: web_sys::KeyboardEvent) {
    let in_title = event
        .target()
        .is_some_and(|target| target.has_type::<web_sys::HtmlTextAreaElement>());
    if event.key() == "Enter" && in_title {
        event.prevent_default();
    }
}

/// The editable title of one of a table's own groups, with buttons to add a row to it and, to
/// a top-level group, a sub-group.
#[component]
pub fn GroupTitle(place: GroupSlot, name: String) -> impl IntoView {
    let slot = place;
    let form = expect_context::<Form>();
    let key = slot.key();
    let id = FieldKey::GroupTitle(slot).dom_id();
    let value = Signal::derive(move || {
        form.read(|plan| slot.get(plan).map(|g| g.title.clone()).unwrap_or_default())
    });
    let typed_into = id.clone();
    // A title is one line (as a one-line input kept it), drawn wrapped so that it is read whole.
    let on_input = move |typed: String| {
        let typed = typed.replace('\n', " ");
        form.type_into(&typed_into, move |plan| {
            if let Some(group) = slot.get_mut(plan) {
                group.title = typed;
            }
        });
    };
    let add_row = move |_| {
        let mut added = None;
        form.history.change(|plan| {
            if let Some(group) = slot.get_mut(plan) {
                group.tasks.push(super::task::new_task());
                added = Some(group.tasks.len() - 1);
            }
        });
        if let Some(index) = added {
            let row = TaskSlot::Appendix { group: slot, index };
            super::lists::focus_later(FieldKey::Task(row, TaskField::Content).dom_id());
        }
    };
    let add_sub = move |_| {
        let mut added = None;
        form.history.change(|plan| {
            if let Some(groups) = own_groups_mut(plan, slot.table) {
                added = add_sub_group(groups, slot.group);
            }
        });
        if let Some(place) = added {
            super::lists::focus_later(FieldKey::GroupTitle(slot_of(slot.table, place)).dom_id());
        }
    };
    let locked = move || form.editor.is_locked();
    let sub_button = slot.sub.is_none().then(|| {
        view! {
            <button type="button" class="button button-small" id=format!("{key}-add-sub")
                aria-label=format!("Thêm nhóm con vào {name}") on:click=add_sub
                disabled=locked>"Thêm nhóm con"</button>
        }
    });
    view! {
        <div class="grid-group-edit" on:keydown=one_line>
            <DraftInput id=id value=value on_input=on_input label=format!("Tên {name}") multiline=true />
            <button type="button" class="button button-small" id=format!("{key}-add-row")
                aria-label=format!("Thêm dòng vào {name}") on:click=add_row
                disabled=locked>"Thêm dòng"</button>
            {sub_button}
        </div>
    }
}

/// "Bỏ khỏi bảng" for a row derived from a key task: the task stays in the body, no longer
/// marked nhiệm vụ trọng tâm.
#[component]
pub fn KeyRowTools(table: usize, place: TaskSlot, name: String) -> impl IntoView {
    let slot = place;
    let form = expect_context::<Form>();
    let drop = {
        let name = name.clone();
        move |_| {
            form.history
                .remove(format!("Đã bỏ {name} khỏi bảng"), move |plan| {
                    if let Some(task) = slot.get_mut(plan) {
                        task.key_task = false;
                    }
                });
            focus_undo();
        }
    };
    view! {
        <div class="grid-tools">
            <button type="button" class="button button-small" id=format!("grid-{table}-{}-drop", slot.key())
                aria-label=format!("Bỏ khỏi bảng {name}") on:click=drop
                disabled=move || form.editor.is_locked()>"Bỏ khỏi bảng"</button>
        </div>
    }
}
