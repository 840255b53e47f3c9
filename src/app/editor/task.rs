//! Nhiệm vụ: one task's form — content with sub-items, lead and partner units (offered from
//! the unit directory), other roles, outputs, deadline, budget, the key-task flag, and its
//! print settings folded away (`task_print`).

use leptos::prelude::*;

use super::Form;
use super::fields::{Lens, TextField, field};
use super::lists::{Noun, StringList, item_list};
use super::task_fields::{BudgetField, DeadlineField};
use super::task_print::TaskPrintSettings;
use crate::app::unit_directory::UnitDirectory;
use crate::domain::field_key::{FieldKey, TaskField};
use crate::domain::slot::TaskSlot;
use crate::domain::units;
use crate::domain::{Plan, Role, Task};

/// Units to suggest in unit inputs (gợi ý cơ quan, đơn vị): the standard units of the plan's
/// level, then the unit directory learned from every plan on this device, then the units this
/// plan names, without repeats (`domain::units`).
pub fn unit_suggestions(plan: &Plan, directory: Option<UnitDirectory>) -> Vec<String> {
    match directory {
        Some(directory) => directory.suggestions(plan),
        None => {
            let named = units::units_in_plan(plan);
            units::suggestions(plan.level, plan.era, named.iter().map(String::as_str))
        }
    }
}

/// The form of the task `lens` points at; `place` is where it is (its fields' ids come from
/// [`FieldKey`]), `label` its letter ("b)").
#[component]
pub fn TaskForm(lens: Lens<Task>, place: TaskSlot, label: String) -> impl IntoView {
    let form = expect_context::<Form>().scoped(&place.key());
    let id = move |field| FieldKey::Task(place, field).dom_id();
    provide_context(form);
    let key_task = field!(lens, key_task);
    let is_key = {
        let key_task = key_task.clone();
        move || form.read(|plan| key_task.read(plan, |k| *k).unwrap_or(false))
    };
    let is_key_card = is_key.clone();
    let toggle = move |event: web_sys::Event| {
        let (checked, key_task) = (event_target_checked(&event), key_task.clone());
        form.history
            .change(move |plan| key_task.write(plan, |k| *k = checked));
    };
    view! {
        <article class="task-card" class:task-key=is_key_card aria-label=format!("Nhiệm vụ {label}")>
            <h4 class="task-letter">{format!("Nhiệm vụ {label}")}</h4>
            <TextField lens=field!(lens, content) id=id(TaskField::Content) label="Nội dung"
                multiline=true wide=true />
            <details class="sub-items">
                <summary>"Ý nhỏ (+ …)"</summary>
                <StringList lens=field!(lens, sub_items) id=id(TaskField::SubItems) label="Ý nhỏ"
                    noun="ý" add_label="Thêm ý nhỏ" multiline=true />
            </details>
            <div class="task-grid">
                <StringList lens=field!(lens, lead_units) id=id(TaskField::Lead) label="Cơ quan chủ trì"
                    noun="cơ quan chủ trì" add_label="Thêm cơ quan chủ trì" units=true />
                <StringList lens=field!(lens, partner_units) id=id(TaskField::Partner)
                    label="Cơ quan phối hợp" noun="cơ quan phối hợp" add_label="Thêm cơ quan phối hợp"
                    units=true />
                <StringList lens=field!(lens, outputs) id=id(TaskField::Output) label="Sản phẩm, kết quả đầu ra"
                    noun="sản phẩm" add_label="Thêm sản phẩm" multiline=true />
                <DeadlineField task=lens.clone() id=id(TaskField::Deadline) />
                <BudgetField task=lens.clone() id=id(TaskField::Budget) />
                <label class="choice key-task-choice">
                    <input type="checkbox" id=id(TaskField::KeyTask) prop:checked=is_key
                        disabled=move || form.editor.is_locked() on:change=toggle />
                    "Nhiệm vụ trọng tâm (đưa vào phụ lục)"
                </label>
            </div>
            <details class="sub-items">
                <summary>"Vai trò khác (theo dõi tổng hợp, thực hiện …)"</summary>
                <OtherRoles lens=field!(lens, other_roles) id=id(TaskField::OtherRoles) />
            </details>
            <TaskPrintSettings lens=lens.clone() key=place.key() />
        </article>
    }
}

#[component]
fn OtherRoles(lens: Lens<Vec<Role>>, id: String) -> impl IntoView {
    let list_id = id.clone();
    item_list(
        lens,
        id,
        Noun::numbered("vai trò"),
        false,
        "Thêm vai trò",
        Role::default,
        move |index, role| {
            let key = format!("{list_id}-{index}");
            view! {
                <TextField lens=field!(role, label) id=key.clone() label="Tên vai trò, ví dụ Cơ quan theo dõi tổng hợp" />
                <StringList lens=field!(role, units) id=format!("{key}-units") label="Cơ quan" noun="cơ quan"
                    add_label="Thêm cơ quan" units=true />
            }
        },
    )
}

/// Characters of a waiting task's content shown on its placeholder; the rest is there for
/// find-in-page only (laying out the text of hundreds of tasks is what makes opening slow).
const SHOWN_CHARS: usize = 100;

/// A task not yet drawn in full (`super::lazy`), in a box about as tall as its form: its letter
/// and the start of its content, then the rest of the content, its units, outputs and deadline
/// hidden until found, so that find-in-page finds every word of it (and, scrolling there, draws
/// it). It is not a stop of the Tab order: the focus beside it draws it (`super::lazy_rows`),
/// and so does a tap. It follows loud edits of the plan only (nobody types into it), and
/// carries no listener of its own, since a long plan has hundreds of these.
pub fn task_placeholder(
    plan: RwSignal<Plan>,
    lens: Lens<Task>,
    key: String,
    label: String,
) -> AnyView {
    let text = move || {
        let (shown, rest) = plan.with(|plan| {
            lens.read(plan, |task| placeholder_text(task, &label))
                .unwrap_or_default()
        });
        view! { {shown} <span hidden="until-found">{rest}</span> }
    };
    view! { <div class="task-folded task-placeholder" id=key>{text}</div> }.into_any()
}

/// A waiting task's words: what its placeholder shows, and the rest, for find-in-page.
fn placeholder_text(task: &Task, label: &str) -> (String, String) {
    let cut = task
        .content
        .char_indices()
        .nth(SHOWN_CHARS)
        .map_or(task.content.len(), |(at, _)| at);
    let (start, end) = task.content.split_at(cut);
    let shown = format!(
        "Nhiệm vụ {label} {start}{}",
        if end.is_empty() { "" } else { "…" }
    );
    let mut rest = end.to_string();
    let units = task.lead_units.iter().chain(&task.partner_units);
    let units = units.chain(task.other_roles.iter().flat_map(|role| &role.units));
    let lines = task.sub_items.iter().chain(&task.outputs).chain(units);
    for line in lines.chain(std::iter::once(&task.deadline.text)) {
        rest.push_str(" · ");
        rest.push_str(line);
    }
    (shown, rest)
}

/// A new, empty task with a fresh id.
pub fn new_task() -> Task {
    Task {
        id: crate::state::new_id("nhiem-vu"),
        ..Task::default()
    }
}
