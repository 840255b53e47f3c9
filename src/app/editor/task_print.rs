//! Tùy chỉnh khi in of one task, folded away: the labels its fields print with where they
//! differ from the plan's («Cơ quan chủ trì tham mưu», «Thời gian hoàn thành» …), and the order
//! of its roles where the plan does not put the lead first (`Task::roles_in_order`).

use leptos::prelude::*;

use super::Form;
use super::fields::{Lens, clean, field};
use super::lists::focus_later;
use crate::document::TaskField;
use crate::domain::{Plan, RoleLine, Task, TaskLabels};

/// The folded print settings of the task `lens` points at; `key` is the task's slot key.
#[component]
pub fn TaskPrintSettings(lens: Lens<Task>, key: String) -> impl IntoView {
    let labels = field!(lens, labels);
    let fields = TaskField::ALL
        .into_iter()
        .map(|which| view! { <TaskLabelField labels=labels.clone() which=which key=key.clone() /> })
        .collect_view();
    view! {
        <details class="sub-items task-print" data-testid="task-print-settings">
            <summary>"Tùy chỉnh khi in"</summary>
            <p class="field-reading part-note">
                "Tên mỗi mục in trước nội dung của nó, ví dụ «- Cơ quan chủ trì tham mưu: …». Để \
                 trống thì in như cách ghi chung của kế hoạch."
            </p>
            <div class="form-grid">{fields}</div>
            <RoleOrder lens=lens key=key />
        </details>
    }
}

/// What a field's label prints as if the task leaves it empty: the plan's, else the standard.
fn plan_label(plan: &Plan, which: TaskField) -> String {
    which
        .printed(&TaskLabels::default(), &plan.task_labels)
        .to_string()
}

#[component]
fn TaskLabelField(labels: Lens<TaskLabels>, which: TaskField, key: String) -> impl IntoView {
    let form = expect_context::<Form>();
    let id = format!("{key}-label-{}", name(which));
    let value = {
        let labels = labels.clone();
        Memo::new(move |_| {
            form.read(|plan| {
                labels
                    .read(plan, |labels| which.label(labels).to_string())
                    .unwrap_or_default()
            })
        })
    };
    let placeholder = Memo::new(move |_| form.read(|plan| plan_label(plan, which)));
    let field_id = id.clone();
    let on_input = move |event: web_sys::Event| {
        let (typed, labels) = (clean(event_target_value(&event)), labels.clone());
        form.type_into(&field_id, move |plan| {
            labels.write(plan, |labels| *which.label_mut(labels) = typed)
        });
    };
    view! {
        <div class="field">
            <label for=id.clone()>{format!("Ghi cho {}", noun(which))}</label>
            <input id=id.clone() type="text" data-testid=format!("field-{id}") prop:value=value
                placeholder=placeholder disabled=move || form.editor.is_locked() on:input=on_input />
        </div>
    }
}

/// The field's part of an input id: "lead" in "area-1-task-0-label-lead".
fn name(which: TaskField) -> &'static str {
    match which {
        TaskField::Lead => "lead",
        TaskField::Partner => "partner",
        TaskField::Output => "output",
        TaskField::Deadline => "deadline",
        TaskField::Budget => "budget",
    }
}

fn noun(which: TaskField) -> &'static str {
    match which {
        TaskField::Lead => "cơ quan chủ trì",
        TaskField::Partner => "cơ quan phối hợp",
        TaskField::Output => "sản phẩm",
        TaskField::Deadline => "thời gian",
        TaskField::Budget => "kinh phí",
    }
}

/// Thứ tự in các vai trò: the task's role lines as they print, each movable up and down.
#[component]
fn RoleOrder(lens: Lens<Task>, key: String) -> impl IntoView {
    let form = expect_context::<Form>();
    let lines = {
        let lens = lens.clone();
        Memo::new(move |_| {
            form.read(|plan| {
                lens.read(plan, |task| {
                    task.roles_in_order()
                        .into_iter()
                        .map(|line| role_name(plan, task, line))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
            })
        })
    };
    let list_id = format!("{key}-role-order");
    let count = move || lines.with(Vec::len);
    let row = {
        let list_id = list_id.clone();
        move |index: usize| {
            let name = move || lines.with(|lines| lines.get(index).cloned().unwrap_or_default());
            let move_to = {
                let (lens, list_id) = (lens.clone(), list_id.clone());
                move |to: usize, button: &'static str| {
                    let lens = lens.clone();
                    form.history
                        .change(move |plan| lens.write(plan, |task| task.move_role(index, to)));
                    // Focus follows the role that moved; at an end, onto the button still usable.
                    let button = match button {
                        "up" if to == 0 => "down",
                        "down" if to + 1 == count() => "up",
                        button => button,
                    };
                    focus_later(format!("{list_id}-{to}-{button}"));
                }
            };
            let up = {
                let move_to = move_to.clone();
                move |_| move_to(index.saturating_sub(1), "up")
            };
            let down = move |_| move_to(index + 1, "down");
            let locked = move || form.editor.is_locked();
            let first = move || locked() || index == 0;
            let last = move || locked() || index + 1 >= count();
            view! {
                <li class="role-order-line" data-testid="role-order-line">
                    <span class="role-order-name">{name}</span>
                    <button type="button" class="button button-small" id=format!("{list_id}-{index}-up")
                        aria-label=move || format!("Đưa «{}» lên", name())
                        disabled=first on:click=up>"Lên"</button>
                    <button type="button" class="button button-small" id=format!("{list_id}-{index}-down")
                        aria-label=move || format!("Đưa «{}» xuống", name())
                        disabled=last on:click=down>"Xuống"</button>
                </li>
            }
        }
    };
    view! {
        <fieldset class="list-field role-order">
            <legend>"Thứ tự in các vai trò"</legend>
            <ol class="item-list" id=list_id>
                {move || (0..count()).map(row.clone()).collect_view()}
            </ol>
        </fieldset>
    }
}

/// A role line as the person knows it: the label it prints with.
fn role_name(plan: &Plan, task: &Task, line: RoleLine) -> String {
    let printed = |which: TaskField| which.printed(&task.labels, &plan.task_labels).to_string();
    match line {
        RoleLine::Lead => printed(TaskField::Lead),
        RoleLine::Partner => printed(TaskField::Partner),
        RoleLine::Other(index) => task
            .other_roles
            .get(index)
            .map(|role| role.label.trim())
            .filter(|label| !label.is_empty())
            .map_or_else(|| format!("Vai trò khác {}", index + 1), String::from),
    }
}
