//! Phụ lục: an appendix section, its title lines and its table of numbered key tasks, grouped
//! under Roman numerals and letters, with budget totals.

use super::layout::issuer_in_text;
use super::wording::{document_number, marked, short_date};
use super::{
    Block, Column, ColumnKind, Orientation, Paragraph, Role, Run, Section, SectionKind, Table,
    TableRow,
};
use crate::domain::appendix::{AppendixTable, GroupView};
use crate::domain::appendix_columns::TableColumn;
use crate::domain::{Decision, Plan, Task};

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
    let number = document_number(&plan.number);
    let number = number.trim_start_matches("Số: ");
    let date = short_date(&plan.date);
    match decision {
        Some(decision) => format!(
            "(Kèm theo Kế hoạch ban hành tại Quyết định số {number} ngày {date} của {})",
            issuer_in_text(
                plan,
                decision
                    .authority
                    .trim()
                    .to_uppercase()
                    .starts_with("CHỦ TỊCH")
            )
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
            total: view.total.format_vi(),
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
            total: (table.budget_column && has_amounts).then(|| group.total.format_vi()),
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
        kind: match column {
            TableColumn::Task => ColumnKind::Task,
            TableColumn::Output => ColumnKind::Output,
            TableColumn::Lead => ColumnKind::Lead,
            TableColumn::Partner => ColumnKind::Partner,
            TableColumn::Executor => ColumnKind::Executor,
            TableColumn::Deadline => ColumnKind::Deadline,
            TableColumn::Budget => ColumnKind::Budget,
        },
        label: table.column_labels.heading(column),
    });
    std::iter::once(number).chain(rest).collect()
}

/// The lines of one cell of a task's row.
fn cell(kind: ColumnKind, number: usize, task: &Task) -> Vec<String> {
    let units = |units: &[String]| -> Vec<String> {
        if units.is_empty() {
            Vec::new()
        } else {
            vec![units.join("; ")]
        }
    };
    match kind {
        ColumnKind::Number => vec![number.to_string()],
        ColumnKind::Task => std::iter::once(task.content.trim().to_string())
            .chain(task.sub_items.iter().map(|sub| marked("+", sub)))
            .collect(),
        ColumnKind::Output => task
            .outputs
            .iter()
            .map(|output| output.trim().to_string())
            .collect(),
        ColumnKind::Lead => {
            let mut lines = units(&task.lead_units);
            // Roles other than lead and partner ("Cơ quan theo dõi tổng hợp") print with their
            // label under the lead, so no unit is lost.
            lines.extend(
                task.other_roles
                    .iter()
                    .filter(|role| !role.units.is_empty())
                    .map(|role| format!("{}: {}", role.label.trim(), role.units.join("; "))),
            );
            lines
        }
        ColumnKind::Partner => units(&task.partner_units),
        ColumnKind::Executor => {
            let mut lines = units(&task.lead_units);
            for role in task
                .other_roles
                .iter()
                .filter(|role| !role.units.is_empty())
            {
                let label = role.label.trim();
                if label.eq_ignore_ascii_case("Cơ quan thực hiện") || label.is_empty() {
                    lines.push(role.units.join("; "));
                } else {
                    lines.push(format!("{label}: {}", role.units.join("; ")));
                }
            }
            lines.extend(units(&task.partner_units));
            lines
        }
        ColumnKind::Deadline => {
            let text = task.deadline.text.trim();
            if text.is_empty() {
                Vec::new()
            } else {
                vec![text.to_string()]
            }
        }
        ColumnKind::Budget => {
            let text = task.budget.display();
            if text.is_empty() {
                Vec::new()
            } else {
                vec![text]
            }
        }
    }
}
