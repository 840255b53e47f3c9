//! How an appendix table (phụ lục) is laid out: the budget column, the page orientation, the
//! column headings; and, for a key-task table, which reform areas (lĩnh vực) it covers.

use leptos::prelude::*;

use super::Form;
use super::fields::{ChoiceField, FieldIssue, Lens, clean, text_of};
use crate::domain::appendix::AppendixTable;
use crate::domain::appendix_columns::TableColumn;
use crate::domain::appendix_edit::{choose_area, covers_area};
use crate::domain::slot::AreaSlot;
use crate::domain::{AppendixRows, Plan};

/// The budget column, the orientation and the column headings of the table `lens` points at;
/// ids start with `key`.
#[component]
pub fn TableLayout(lens: Lens<AppendixTable>, key: String) -> impl IntoView {
    let form = expect_context::<Form>();
    let read = {
        let lens = lens.clone();
        move |get: fn(&AppendixTable) -> bool| {
            let lens = lens.clone();
            move || form.read(|plan| lens.read(plan, get).unwrap_or(true))
        }
    };
    let set = {
        let lens = lens.clone();
        move |set: fn(&mut AppendixTable, bool)| {
            let lens = lens.clone();
            move |on: bool| {
                let lens = lens.clone();
                form.history
                    .change(move |plan| lens.write(plan, |table| set(table, on)));
            }
        }
    };
    let has_budget = read(|t| t.budget_column);
    let set_budget = set(|t, on| t.budget_column = on);
    let landscape = read(|t| t.landscape);
    let set_landscape = set(|t, on| t.landscape = on);
    let orientation =
        Signal::derive(move || if landscape() { "landscape" } else { "portrait" }.to_string());
    let columns = {
        let lens = lens.clone();
        Memo::new(move |_| {
            form.read(|plan| lens.read(plan, AppendixTable::table_columns))
                .unwrap_or_default()
        })
    };
    let labels_key = key.clone();
    view! {
        <div class="form-grid appendix-layout">
            <label class="choice">
                <input type="checkbox" id=format!("{key}-budget-column") prop:checked=has_budget
                    disabled=move || form.editor.is_locked()
                    on:change=move |event| set_budget(event_target_checked(&event)) />
                "Có cột «Kinh phí (triệu đồng)» và dòng tổng cộng"
            </label>
            <ChoiceField id=format!("{key}-orientation") label="Khổ giấy khi in" value=orientation
                on_change=Callback::new(move |value: String| set_landscape(value == "landscape"))
                options=vec![
                    ("landscape", "Ngang (A4 nằm ngang)".to_string()),
                    ("portrait", "Dọc (A4 đứng)".to_string()),
                ] />
        </div>
        <details class="sub-items column-labels">
            <summary>"Tên các cột (để trống để dùng tên thường dùng)"</summary>
            <div class="form-grid">
                {move || columns.get().into_iter().enumerate().map(|(index, column)| view! {
                    <ColumnLabelField lens=lens.clone() column=column number=index + 2
                        id=format!("{labels_key}-label-{}", column_key(column)) />
                }).collect_view()}
            </div>
        </details>
    }
}

/// The part of a heading field's id that names its column.
fn column_key(column: TableColumn) -> &'static str {
    match column {
        TableColumn::Task => "task",
        TableColumn::Output => "output",
        TableColumn::Lead => "lead",
        TableColumn::Partner => "partner",
        TableColumn::Executor => "executor",
        TableColumn::Deadline => "deadline",
        TableColumn::Budget => "budget",
    }
}

/// The heading of column `column` (number `number`, TT being 1) as written, with the standard
/// wording shown while it is blank.
#[component]
fn ColumnLabelField(
    lens: Lens<AppendixTable>,
    column: TableColumn,
    number: usize,
    id: String,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let text = lens.map(
        move |table| Some(table.column_labels.written(column)),
        move |table| Some(table.column_labels.written_mut(column)),
    );
    let value = text_of(form, text.clone());
    let key = id.clone();
    let on_input = move |event: web_sys::Event| {
        let typed = clean(event_target_value(&event));
        form.type_into(&key, |plan| text.write(plan, |label| *label = typed));
    };
    let standard = column.standard_heading();
    view! {
        <div class="field">
            <label for=id.clone()>{format!("Cột {number} (thường là «{standard}»)")}</label>
            <input id=id.clone() type="text" placeholder=standard prop:value=value on:input=on_input
                disabled=move || form.editor.is_locked() aria-describedby=format!("{id}-issue") />
            <FieldIssue id=id />
        </div>
    }
}

/// The plan's areas as the checkboxes list them: id, "3. Cải cách tổ chức bộ máy", and how
/// many of its tasks are key tasks ("2 nhiệm vụ trọng tâm").
fn area_choices(plan: &Plan) -> Vec<(String, String, String)> {
    plan.areas
        .iter()
        .enumerate()
        .map(|(index, area)| {
            let number = AreaSlot {
                area: index,
                sub: None,
            }
            .number();
            let key_tasks = area.all_tasks().filter(|task| task.key_task).count();
            let count = if key_tasks == 0 {
                "chưa có nhiệm vụ trọng tâm".to_string()
            } else {
                format!("{key_tasks} nhiệm vụ trọng tâm")
            };
            (
                area.id.clone(),
                format!("{number} {}", area.title.trim()),
                count,
            )
        })
        .collect()
}

/// The area ids a key-task table has chosen (`None` for a table of its own rows).
fn chosen_areas(plan: &Plan, table: usize) -> Option<Vec<String>> {
    match &plan.appendices.get(table)?.rows {
        AppendixRows::KeyTasks { area_ids } => Some(area_ids.clone()),
        AppendixRows::Own { .. } => None,
    }
}

/// Checkboxes of the plan's areas for key-task table `table`; every one ticked is every area.
/// The last area ticked cannot be unticked: a table of no area would print empty.
#[component]
pub fn AreaChoice(table: usize, key: String) -> impl IntoView {
    let form = expect_context::<Form>();
    let state = Memo::new(move |_| {
        form.read(|plan| {
            (
                area_choices(plan),
                chosen_areas(plan, table).unwrap_or_default(),
            )
        })
    });
    let toggle = move |id: String, on: bool| {
        form.history.change(move |plan| {
            let all: Vec<String> = plan.areas.iter().map(|area| area.id.clone()).collect();
            let all: Vec<&str> = all.iter().map(String::as_str).collect();
            let rows = plan.appendices.get_mut(table).map(|t| &mut t.rows);
            if let Some(AppendixRows::KeyTasks { area_ids }) = rows {
                choose_area(area_ids, &all, &id, on);
            }
        });
    };
    let fieldset_id = format!("{key}-areas");
    view! {
        <fieldset class="choice-row area-choice" id=fieldset_id>
            <legend>"Lĩnh vực đưa vào bảng"</legend>
            {move || {
                let (areas, chosen) = state.get();
                let ticked = areas.iter().filter(|(id, _, _)| covers_area(&chosen, id)).count();
                areas.into_iter().enumerate().map(|(index, (id, title, count))| {
                    let checked = covers_area(&chosen, &id);
                    let last = checked && ticked == 1;
                    let id_attr = format!("{key}-area-{index}");
                    view! {
                        <label class="choice">
                            <input type="checkbox" id=id_attr prop:checked=checked
                                disabled=move || last || form.editor.is_locked()
                                on:change=move |event| toggle(id.clone(), event_target_checked(&event)) />
                            <span>{title}" "<span class="muted area-count">"(" {count} ")"</span></span>
                        </label>
                    }
                }).collect_view()
            }}
        </fieldset>
    }
}
