//! The key-task table of an appendix (bảng nhiệm vụ trọng tâm) edited in place like a
//! spreadsheet: group headings, row numbers, budget totals per group and overall; Tab moves
//! along a row, Enter down a column. The table fits its frame, every cell wrapping its text
//! (nothing pinned over the columns), a row's tools on a line of its task cell; on a phone
//! each row is a card.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::Form;
use super::appendix_tools::{GroupTitle, KeyRowTools, LineTools, own_group, own_row};
use super::fields::{DraftInput, FieldIssue, clean};
use super::lazy::{NearScreen, SLICE};
use crate::domain::appendix::{AppendixRows, RowNumbering, TableLine, table_lines};
use crate::domain::appendix_columns::TableColumn;
use crate::domain::field_key::{FieldKey, TaskField};
use crate::domain::slot::TaskSlot;

/// Tab onward from the last row drawn draws the rest of the table first, so that the focus
/// goes on into the next row rather than out of the table. The rows are in before the browser
/// moves the focus: the drawing runs as a microtask, at the end of this handler.
fn tab_onward(event: &web_sys::KeyboardEvent, drawn: RwSignal<usize>) {
    if event.key() != "Tab" || event.shift_key() || drawn.get_untracked() == usize::MAX {
        return;
    }
    let row = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("tr").ok().flatten());
    let last_drawn = row.is_some_and(|row| {
        row.next_element_sibling().is_none()
            && row
                .parent_element()
                .and_then(|slice| slice.next_element_sibling())
                .is_some_and(|next| next.has_attribute("aria-busy"))
    });
    if last_drawn {
        drawn.set(usize::MAX);
    }
}

/// Enter moves to the cell below (Shift+Enter makes a new line in a text cell); a cell below
/// not drawn yet is drawn first, with the rest of the table (`drawn`).
fn move_down(event: web_sys::KeyboardEvent, drawn: RwSignal<usize>) {
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
    let focus_below = move || {
        let below = document().query_selector(&selector).ok().flatten();
        below
            .and_then(|below| below.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|below| below.focus().ok())
            .is_some()
    };
    if focus_below() {
        event.prevent_default();
    } else if drawn.get_untracked() != usize::MAX {
        event.prevent_default();
        drawn.set(usize::MAX);
        request_animation_frame(move || {
            focus_below();
        });
    }
}

/// Lines of a long table drawn with it, a screen of its box; the others follow
/// [`LINES_PER_SLICE`] at a time whenever the browser is idle. All at once, a 500-task plan's
/// 167 key rows held a slow tablet for over a second when the table came into view.
const FIRST_LINES: usize = 12;

/// Lines added in one idle moment. Each addition also costs the browser a frame of laying out
/// and painting the whole table (its fixed columns are layers of their own), so fewer, larger
/// slices fill it sooner: twelve rows are about 25 ms of building on a slow tablet, and as
/// much again of that frame.
const LINES_PER_SLICE: usize = 12;

/// What drawing a line of a table needs.
#[derive(Clone)]
struct Drawing {
    form: Form,
    table: usize,
    /// The columns with their headings.
    cols: Arc<Vec<(TableColumn, String)>>,
    /// Whether the rows are the table's own, and whether their numbers restart in each group.
    own: bool,
    restart: bool,
    /// Whether the table has a budget column, and how many columns it has (TT included).
    budget: bool,
    width: usize,
    /// The budget totals per group, then the table's.
    totals: Memo<Vec<String>>,
}

impl Drawing {
    fn line(&self, line: TableLine) -> AnyView {
        let Drawing {
            form,
            table,
            cols,
            own,
            restart,
            budget,
            width,
            totals,
        } = self.clone();
        match line {
            TableLine::Group {
                label,
                parent,
                title,
                total: index,
                group,
            } => {
                // How buttons name it: "nhóm II", "nhóm con A của nhóm II".
                let name = match parent {
                    None => format!("nhóm {label}"),
                    Some(parent) => format!("nhóm con {label} của nhóm {parent}"),
                };
                let (title_cell, tools) = match group {
                    Some(slot) => (
                        view! { <GroupTitle place=slot name=name.clone() /> }.into_any(),
                        view! { <LineTools table=table line=own_group(slot) name=name /> }
                            .into_any(),
                    ),
                    None => (view! { <span>{title}</span> }.into_any(), ().into_any()),
                };
                let span = if budget { width - 2 } else { width - 1 };
                let total =
                    move || totals.with(|totals| totals.get(index).cloned().unwrap_or_default());
                view! {
                    <tr class="grid-group" data-testid="grid-group">
                        <th scope="row" class="grid-tt">{label}</th>
                        <td colspan=span class="grid-group-title">
                            <div class="grid-group-line">{title_cell}{tools}</div>
                        </td>
                        {budget.then(|| view! {
                            <td class="grid-number" data-label="Cộng kinh phí nhóm" data-testid="group-total">{total}</td>
                        })}
                    </tr>
                }.into_any()
            }
            TableLine::Row {
                number,
                top,
                slot,
                row,
            } => {
                // Restarted numbers repeat, so the name says which group the row is in.
                let name = if restart {
                    format!("dòng {number} nhóm {top}")
                } else {
                    format!("dòng {number}")
                };
                let form = form.scoped(&slot.key());
                let cells = cols.iter().map(|(column, head)| {
                    let column = *column;
                    let field = column.field();
                    let col = field.as_str();
                    let head = head.clone();
                    let id = match slot {
                        TaskSlot::Appendix { .. } => FieldKey::Task(slot, field),
                        TaskSlot::Area { .. } => FieldKey::KeyTaskCell { table, task: slot, field },
                    }
                    .dom_id();
                    let value = Signal::derive(move || {
                        form.read(|plan| slot.get(plan).map(|task| task.cell_input(column)).unwrap_or_default())
                    });
                    let key = id.clone();
                    let on_input = move |typed: String| {
                        let typed = clean(typed);
                        form.type_into(&key, move |plan| {
                            let year = plan.year;
                            if let Some(task) = slot.get_mut(plan) {
                                task.set_cell(column, typed, year);
                            }
                        });
                    };
                    // The row's tools on a line of its own under the task, where no column is
                    // pinned over the others to hold them.
                    let tools = (column == TableColumn::Task).then(|| match slot {
                        TaskSlot::Appendix { group, index } if own => {
                            view! { <LineTools table=table line=own_row(group, index) name=name.clone() /> }.into_any()
                        }
                        _ => view! { <KeyRowTools table=table place=slot name=name.clone() /> }.into_any(),
                    });
                    // Every cell wraps: a unit's name or a deadline is read whole, never cut.
                    view! {
                        <td data-label=head.clone() class=format!("grid-cell grid-{col}")>
                            <DraftInput id=id.clone() value=value on_input=on_input multiline=true
                                label=format!("{head}, {name}") numeric=field == TaskField::Budget
                                cell=(table, row, col) />
                            <FieldIssue id=id />
                            {tools}
                        </td>
                    }
                }).collect_view();
                view! {
                    <tr class="grid-row" data-testid="grid-row">
                        <th scope="row" class="grid-tt" data-label="TT">{number}</th>
                        {cells}
                    </tr>
                }
                .into_any()
            }
        }
    }
}

/// The editable table of appendix `table`. A long one is drawn a slice of lines at a time
/// ([`FIRST_LINES`], then [`LINES_PER_SLICE`] whenever the browser is idle), each slice its
/// own `<tbody>`; the table says it is busy (`aria-busy`) until every line is in it.
#[component]
pub fn AppendixGrid(table: usize) -> impl IntoView {
    let form = expect_context::<Form>();
    let computed = Memo::new(move |_| form.read_all(|plan| table_lines(plan, table)));
    // The columns with their headings, and whether the rows are the table's own.
    let shape = Memo::new(move |_| {
        form.read(|plan| {
            plan.appendices.get(table).map(|t| {
                let columns: Vec<(TableColumn, String)> = t
                    .table_columns()
                    .into_iter()
                    .map(|column| (column, t.column_labels.heading(column)))
                    .collect();
                let own = matches!(t.rows, AppendixRows::Own { .. });
                (columns, own, t.numbering == RowNumbering::RestartPerGroup)
            })
        })
    });
    let structure = Memo::new(move |_| computed.with(|(lines, _)| lines.clone()));
    let totals = Memo::new(move |_| {
        computed.with(|(_, totals)| {
            totals
                .iter()
                .map(|total| total.format_vi())
                .collect::<Vec<_>>()
        })
    });
    // How many lines are drawn: all (and any added later) once the table has been filled in,
    // or at once when a jump (from the outline or the checks) asks for everything.
    let count = Memo::new(move |_| structure.with(Vec::len));
    let drawn =
        expect_context::<NearScreen>().lines_in_slices(count, FIRST_LINES, SLICE / LINES_PER_SLICE);
    let overall = move || totals.with(|totals| totals.last().cloned().unwrap_or_default());
    move || {
        let Some((cols, own, restart)) = shape.get() else {
            return ().into_any();
        };
        let budget = cols
            .iter()
            .any(|(column, _)| *column == TableColumn::Budget);
        // TT and the columns.
        let width = cols.len() + 1;
        let heads = cols
            .iter()
            .map(|(column, head)| {
                let class = format!("grid-{}", column.field().as_str());
                view! { <th scope="col" class=class>{head.clone()}</th> }
            })
            .collect_view();
        let drawing = Drawing {
            form,
            table,
            cols: Arc::new(cols),
            own,
            restart,
            budget,
            width,
            totals,
        };
        let lines = structure.get();
        let slices = lines
            .chunks(LINES_PER_SLICE)
            .enumerate()
            .map(|(index, slice)| {
                let (first, slice, drawing) =
                    (index * LINES_PER_SLICE, slice.to_vec(), drawing.clone());
                let rows = move || {
                    slice
                        .iter()
                        .cloned()
                        .map(|line| drawing.line(line))
                        .collect_view()
                };
                if first < FIRST_LINES {
                    return view! { <tbody>{rows()}</tbody> }.into_any();
                }
                let shown = Memo::new(move |_| drawn.get() > first);
                view! {
                    <tbody aria-busy=move || (!shown.get()).then_some("true")>
                        {move || shown.get().then(rows.clone())}
                    </tbody>
                }
                .into_any()
            })
            .collect_view();
        view! {
            // Each table its own landmark name: two tables of one name are two landmarks a
            // screen reader cannot tell apart.
            <div class="grid-scroll" role="region" aria-label=format!("Bảng của phụ lục {}", table + 1) tabindex="0">
                <table class=if own { "grid grid-own" } else { "grid" } on:keydown=move |event| {
                    tab_onward(&event, drawn);
                    move_down(event, drawn)
                }>
                    <thead>
                        <tr>
                            <th scope="col" class="grid-tt">"TT"</th>
                            {heads}
                        </tr>
                    </thead>
                    {slices}
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
        }.into_any()
    }
}
