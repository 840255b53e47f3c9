//! Phụ lục: an appendix section, its title lines and its table of numbered key tasks, grouped
//! under Roman numerals and letters, with budget totals.

use super::layout::issuer_in_text;
use super::wording::{reference_number, short_date};
use super::{
    Block, Cell, Column, ColumnKind, Orientation, Paragraph, Role, Run, Section, SectionKind,
    Table, TableRow,
};
use crate::domain::appendix::{AppendixTable, GroupView};
use crate::domain::appendix_columns::TableColumn;
use crate::domain::{Budget, Decision, Plan, Task};

/// One appendix on pages of its own, landscape unless the table says otherwise.
pub(super) fn appendix_section(
    plan: &Plan,
    table: &AppendixTable,
    decision: Option<&Decision>,
) -> Section {
    let mut blocks = Vec::new();
    for line in [table.heading.trim(), table.title.trim()] {
        if !line.is_empty() {
            blocks.push(Block::Paragraph(Paragraph {
                role: Role::Centered,
                runs: vec![Run::bold(line)],
            }));
        }
    }
    blocks.push(Block::Paragraph(Paragraph {
        role: Role::Centered,
        runs: vec![Run::italic(attachment_line(plan, table, decision))],
    }));
    blocks.push(Block::Table(appendix_table(plan, table)));
    Section {
        kind: SectionKind::Appendix,
        orientation: if table.landscape {
            Orientation::Landscape
        } else {
            Orientation::Portrait
        },
        blocks,
    }
}

/// "(Kèm theo Kế hoạch số 06/KH-UBND ngày 08/01/2022 của UBND xã Sơn Châu)", as written or
/// derived; a plan issued by decision names the decision.
fn attachment_line(plan: &Plan, table: &AppendixTable, decision: Option<&Decision>) -> String {
    let written = table.attachment_line.trim();
    if !written.is_empty() {
        return written.to_string();
    }
    let number = reference_number(&plan.number);
    let date = short_date(&plan.date);
    match decision {
        Some(decision) => format!(
            "(Kèm theo Kế hoạch ban hành tại Quyết định số {number} ngày {date} của {})",
            issuer_in_text(plan, decision.by_chairman())
        ),
        None => format!(
            "(Kèm theo Kế hoạch số {number} ngày {date} của {})",
            issuer_in_text(plan, false)
        ),
    }
}

/// The table: its columns, group rows, numbered rows and the total.
pub(super) fn appendix_table(plan: &Plan, table: &AppendixTable) -> Table {
    let columns = columns(table);
    let view = table.view(plan);
    let mut rows = Vec::new();
    for group in &view.groups {
        push_group(&mut rows, group, 1, table, &columns);
    }
    if table.budget_column {
        rows.push(TableRow::Total {
            label: "Tổng cộng".into(),
            total: view.total,
        });
    }
    Table { columns, rows }
}

fn push_group(
    rows: &mut Vec<TableRow>,
    group: &GroupView<'_>,
    level: u8,
    table: &AppendixTable,
    columns: &[Column],
) {
    // A table of one untitled group (Hoàng Hóa's) has no group row.
    if !group.title.trim().is_empty() {
        let has_amounts = group.total.millionths() != 0;
        rows.push(TableRow::Group {
            level,
            label: group.label.clone(),
            title: group.title.trim().to_string(),
            total: (table.budget_column && has_amounts).then_some(group.total),
        });
    }
    for row in &group.rows {
        rows.push(TableRow::Item {
            cells: columns
                .iter()
                .map(|column| cell(column.kind, row.number, row.task))
                .collect(),
        });
    }
    for sub in &group.sub_groups {
        push_group(rows, sub, level + 1, table, columns);
    }
}

/// The columns the table has, with their headings as written or the standard ones.
fn columns(table: &AppendixTable) -> Vec<Column> {
    let number = Column {
        kind: ColumnKind::Number,
        label: "TT".into(),
    };
    let rest = table.table_columns().into_iter().map(|column| Column {
        kind: ColumnKind::Field(column),
        label: table.column_labels.heading(column),
    });
    std::iter::once(number).chain(rest).collect()
}

/// One cell of a task's row: TT, the budget as an amount, or the task's own lines (one rule
/// for every table, the editor's included: `domain/appendix_cells.rs`).
fn cell(kind: ColumnKind, number: usize, task: &Task) -> Cell {
    match (kind, &task.budget) {
        (ColumnKind::Number, _) => Cell::Number(number),
        (ColumnKind::Field(TableColumn::Budget), Budget::MillionVnd(amount)) => {
            Cell::Amount(*amount)
        }
        (ColumnKind::Field(column), _) => Cell::Lines(task.cell_lines(column)),
    }
}
