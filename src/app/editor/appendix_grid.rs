//! The key-task table of an appendix (bảng nhiệm vụ trọng tâm) edited in place like a
//! spreadsheet: group headings, row numbers, budget totals per group and overall; Tab moves
//! along a row, Enter down a column. Wide tables scroll under a fixed header and first columns,
//! and become cards on narrow screens.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::Form;
use super::fields::{DraftInput, FieldIssue, clean};
use crate::domain::appendix::{AppendixColumns, AppendixRows, GroupView};
use crate::domain::slot::{GroupSlot, TaskSlot, task_slots};
use crate::domain::{Budget, Deadline, Plan, Role, Task};

/// One line of the table as drawn.
#[derive(Clone, Debug, PartialEq)]
enum Line {
    /// A group heading ("I", "CẢI CÁCH THỂ CHẾ"); `group` is set for a table's own groups.
    Group {
        label: String,
        title: String,
        total: usize,
        group: Option<GroupSlot>,
    },
    /// A task row: TT, where the task is, and its position among rows (for Enter).
    Row {
        number: usize,
        slot: TaskSlot,
        row: usize,
    },
}

/// The lines of table `table` of `plan`, and the budget totals (per group, then overall).
fn lines(plan: &Plan, table: usize) -> (Vec<Line>, Vec<String>) {
    let Some(appendix) = plan.appendices.get(table) else {
        return (Vec::new(), Vec::new());
    };
    let view = appendix.view(plan);
    let slots: HashMap<*const Task, TaskSlot> = task_slots(plan)
        .into_iter()
        .map(|(slot, task)| (task as *const Task, slot))
        .collect();
    let own = matches!(appendix.rows, AppendixRows::Own { .. });
    let (mut out, mut totals, mut row) = (Vec::new(), Vec::new(), 0);
    let mut walk = |group: &GroupView, slot: Option<GroupSlot>, out: &mut Vec<Line>| {
        out.push(Line::Group {
            label: group.label.clone(),
            title: group.title.to_string(),
            total: totals.len(),
            group: slot,
        });
        totals.push(group.total.format_vi());
        for line in &group.rows {
            if let Some(slot) = slots.get(&(line.task as *const Task)) {
                out.push(Line::Row {
                    number: line.number,
                    slot: *slot,
                    row,
                });
                row += 1;
            }
        }
    };
    for (index, group) in view.groups.iter().enumerate() {
        let slot = |sub| {
            own.then_some(GroupSlot {
                table,
                group: index,
                sub,
            })
        };
        walk(group, slot(None), &mut out);
        for (sub_index, sub) in group.sub_groups.iter().enumerate() {
            walk(sub, slot(Some(sub_index)), &mut out);
        }
    }
    totals.push(view.total.format_vi());
    (out, totals)
}

/// Splits a cell of units ("Phòng Nội vụ; Phòng Tư pháp") into the units.
fn split_units(text: &str) -> Vec<String> {
    text.split([';', '\n'])
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(String::from)
        .collect()
}

fn split_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

const EXECUTOR: &str = "Cơ quan thực hiện";

/// The cells of a row: (column key, heading, read, write).
type Read = fn(&Task) -> String;
type Write = fn(&mut Task, String, i32);
fn columns(executor: bool, budget: bool) -> Vec<(&'static str, &'static str, Read, Write)> {
    let mut out: Vec<(&'static str, &'static str, Read, Write)> = vec![
        (
            "content",
            "Nhiệm vụ",
            |t| t.content.clone(),
            |t, v, _| t.content = v,
        ),
        (
            "output",
            "Kết quả đầu ra, sản phẩm",
            |t| t.outputs.join("\n"),
            |t, v, _| t.outputs = split_lines(&v),
        ),
    ];
    if executor {
        out.push((
            "executor",
            EXECUTOR,
            |t| {
                t.other_roles
                    .iter()
                    .find(|r| r.label == EXECUTOR)
                    .map(|r| r.units.join("; "))
                    .unwrap_or_default()
            },
            |t, v, _| match t.other_roles.iter_mut().find(|r| r.label == EXECUTOR) {
                Some(role) => role.units = split_units(&v),
                None => t.other_roles.push(Role {
                    label: EXECUTOR.into(),
                    units: split_units(&v),
                }),
            },
        ));
    } else {
        out.push((
            "lead",
            "Cơ quan chủ trì",
            |t| t.lead_units.join("; "),
            |t, v, _| t.lead_units = split_units(&v),
        ));
        out.push((
            "partner",
            "Cơ quan phối hợp",
            |t| t.partner_units.join("; "),
            |t, v, _| t.partner_units = split_units(&v),
        ));
    }
    out.push((
        "deadline",
        "Thời gian thực hiện",
        |t| t.deadline.text.clone(),
        |t, v, year| {
            t.deadline = if t.deadline.reading_overridden {
                Deadline::with_reading(v, t.deadline.reading.clone())
            } else {
                Deadline::new(v, year)
            }
        },
    ));
    if budget {
        out.push((
            "budget",
            "Kinh phí (triệu đồng)",
            |t| t.budget.display(),
            |t, v, _| t.budget = Budget::from_input(&v),
        ));
    }
    out
}

/// Enter moves to the cell below (Shift+Enter makes a new line in a text cell).
fn move_down(event: web_sys::KeyboardEvent) {
    if event.key() != "Enter" || event.shift_key() || event.is_composing() {
        return;
    }
    let Some(cell) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let (Some(grid), Some(row), Some(col)) = (
        cell.get_attribute("data-grid"),
        cell.get_attribute("data-row"),
        cell.get_attribute("data-col"),
    ) else {
        return;
    };
    let next = row.parse::<usize>().map(|r| r + 1).unwrap_or(0);
    let selector = format!("[data-grid=\"{grid}\"][data-row=\"{next}\"][data-col=\"{col}\"]");
    if let Some(below) = document().query_selector(&selector).ok().flatten() {
        event.prevent_default();
        if let Ok(below) = below.dyn_into::<web_sys::HtmlElement>() {
            below.focus().ok();
        }
    }
}

/// The editable table of appendix `table`.
#[component]
pub fn AppendixGrid(table: usize) -> impl IntoView {
    let form = expect_context::<Form>();
    let computed = Memo::new(move |_| form.read_all(|plan| lines(plan, table)));
    let shape = Memo::new(move |_| {
        form.read(|plan| {
            plan.appendices.get(table).map_or((false, true), |t| {
                (t.columns == AppendixColumns::Executor, t.budget_column)
            })
        })
    });
    let structure = Memo::new(move |_| computed.with(|(lines, _)| lines.clone()));
    let total = move |index: usize| {
        computed.with(|(_, totals)| totals.get(index).cloned().unwrap_or_default())
    };
    let overall = move || computed.with(|(_, totals)| totals.last().cloned().unwrap_or_default());
    move || {
        let (executor, budget) = shape.get();
        let cols = columns(executor, budget);
        let width = cols.len() + 1;
        let heads = cols
            .iter()
            .map(|(_, head, _, _)| view! { <th scope="col">{*head}</th> })
            .collect_view();
        let body = structure.get().into_iter().map(|line| match line {
            Line::Group { label, title, total: index, group } => {
                let title_cell = match group {
                    Some(slot) => view! { <GroupTitle place=slot table=table /> }.into_any(),
                    None => view! { <span>{title}</span> }.into_any(),
                };
                view! {
                    <tr class="grid-group">
                        <th scope="row" class="grid-tt">{label}</th>
                        <td colspan=width - 2 class="grid-group-title">{title_cell}</td>
                        {budget.then(|| view! {
                            <td class="grid-number" data-label="Cộng kinh phí nhóm" data-testid="group-total">{move || total(index)}</td>
                        })}
                    </tr>
                }.into_any()
            }
            Line::Row { number, slot, row } => {
                let form = form.scoped(&slot.key());
                let cells = cols.iter().map(|(col, head, read, write)| {
                    let (read, write, col, head) = (*read, *write, *col, *head);
                    let id = match slot {
                        TaskSlot::Appendix { .. } => format!("{}-{col}", slot.key()),
                        TaskSlot::Area { .. } => format!("grid-{table}-{}-{col}", slot.key()),
                    };
                    let value = Signal::derive(move || form.read(|plan| slot.get(plan).map(read).unwrap_or_default()));
                    let key = id.clone();
                    let on_input = move |typed: String| {
                        let typed = clean(typed);
                        form.type_into(&key, move |plan| {
                            let year = plan.year;
                            if let Some(task) = slot.get_mut(plan) {
                                write(task, typed, year);
                            }
                        });
                    };
                    let multiline = matches!(col, "content" | "output");
                    view! {
                        <td data-label=head class=format!("grid-cell grid-{col}")>
                            <DraftInput id=id.clone() value=value on_input=on_input multiline=multiline
                                label=format!("{head}, dòng {number}") numeric=col == "budget"
                                cell=(table, row, col) />
                            <FieldIssue id=id />
                        </td>
                    }
                }).collect_view();
                view! {
                    <tr class="grid-row" data-testid="grid-row">
                        <th scope="row" class="grid-tt" data-label="TT">{number}</th>
                        {cells}
                    </tr>
                }.into_any()
            }
        }).collect_view();
        view! {
            <div class="grid-scroll" role="region" aria-label="Bảng nhiệm vụ trọng tâm" tabindex="0">
                <table class="grid" on:keydown=move_down>
                    <thead><tr><th scope="col" class="grid-tt">"TT"</th>{heads}</tr></thead>
                    <tbody>{body}</tbody>
                    {budget.then(|| view! {
                        <tfoot>
                            <tr class="grid-total">
                                <th scope="row" colspan=width - 1>"Tổng cộng"</th>
                                <td class="grid-number" data-label="Tổng kinh phí" data-testid="appendix-total">{overall}</td>
                            </tr>
                        </tfoot>
                    })}
                </table>
            </div>
        }
    }
}

/// The editable title of one of a table's own groups, with a button to add a row to it.
#[component]
fn GroupTitle(place: GroupSlot, table: usize) -> impl IntoView {
    let slot = place;
    let form = expect_context::<Form>();
    let id = format!("{}-title", slot.key());
    let value = Signal::derive(move || {
        form.read(|plan| slot.get(plan).map(|g| g.title.clone()).unwrap_or_default())
    });
    let key = id.clone();
    let on_input = move |typed: String| {
        form.type_into(&key, move |plan| {
            if let Some(group) = slot.get_mut(plan) {
                group.title = typed;
            }
        });
    };
    let add_row = move |_| {
        form.history.change(move |plan| {
            if let Some(group) = slot.get_mut(plan) {
                group.tasks.push(super::task::new_task());
            }
        });
    };
    let _ = table;
    view! {
        <div class="grid-group-edit">
            <DraftInput id=id value=value on_input=on_input label="Tên nhóm" />
            <button type="button" class="button button-small" on:click=add_row
                disabled=move || form.editor.is_locked()>"Thêm dòng"</button>
        </div>
    }
}
