//! Bảng tổng hợp của một đợt (a round's consolidated workbook): «Tổng hợp», a row per commune
//! with its tasks per area, key tasks and budget; «Nhiệm vụ trọng tâm», every commune's key
//! tasks with a filter on each column; and for a period's reports «Báo cáo», where each
//! commune's tasks stand and its figures. Counts, amounts and figures are numbers.

use super::workbook::{Grid, Style, Value, workbook};
use crate::domain::budget::{Budget, Decimal};
use crate::domain::inbox::{
    AREA_COLUMNS, CommunePlanRow, CommuneReportRow, KeyTaskRow, PlanRound, ReportRound,
};
use crate::domain::progress::ReportPeriod;
use crate::domain::report::Figure;
use crate::domain::task::AreaKind;

/// What a round's workbook is made from.
#[derive(Clone, Copy, Debug)]
pub struct RoundWorkbook<'a> {
    /// Năm kế hoạch of the round.
    pub year: i32,
    pub plans: &'a PlanRound,
    pub key_tasks: &'a [KeyTaskRow],
    /// The reports of one period, for the «Báo cáo» sheet.
    pub reports: Option<(ReportPeriod, &'a ReportRound)>,
}

type Row = Vec<(Value, Style)>;

fn text(value: impl Into<String>) -> (Value, Style) {
    (Value::Text(value.into()), Style::Wrapped)
}

fn bold(value: impl Into<String>) -> (Value, Style) {
    (Value::Text(value.into()), Style::Bold)
}

fn count(value: usize) -> (Value, Style) {
    (Value::Number(value.to_string()), Style::Normal)
}

fn amount(value: Decimal) -> (Value, Style) {
    (Value::Number(value.to_machine_string()), Style::Normal)
}

/// A total row's numbers are bold.
fn total(cell: (Value, Style)) -> (Value, Style) {
    match cell {
        (value @ Value::Number(_), _) => (value, Style::BoldNumber),
        (value, _) => (value, Style::Bold),
    }
}

fn heading_row(labels: &[String]) -> Row {
    labels
        .iter()
        .map(|label| (Value::Text(label.clone()), Style::Header))
        .collect()
}

/// A sheet of a title line, a blank row, the heading row (kept in view) and `rows`.
fn grid(name: &str, title: String, headings: Vec<(String, u32)>, rows: Vec<Row>) -> Grid {
    let (labels, widths): (Vec<String>, Vec<u32>) = headings.into_iter().unzip();
    let mut all = vec![vec![bold(title)], Vec::new(), heading_row(&labels)];
    all.extend(rows);
    Grid {
        name: name.to_string(),
        widths,
        frozen_rows: 3,
        filter: false,
        rows: all,
    }
}

/// The name of an area column: the standard title, «Lĩnh vực khác» for local additions.
fn area_heading(kind: AreaKind) -> String {
    match kind {
        AreaKind::Custom => "Lĩnh vực khác".to_string(),
        kind => kind.standard_title().to_string(),
    }
}

fn plan_cells(number: Option<usize>, row: &CommunePlanRow) -> Row {
    let mut cells = vec![
        number.map_or((Value::Empty, Style::Normal), count),
        text(row.commune.clone()),
    ];
    cells.extend(row.tasks_by_area.iter().map(|n| count(*n)));
    cells.extend([
        count(row.tasks),
        count(row.key_tasks),
        amount(row.budget.total),
        count(row.budget.notes),
        count(row.budget.unreadable),
    ]);
    cells
}

/// «Tổng hợp»: a row per commune, then the totals.
fn summary_sheet(year: i32, round: &PlanRound) -> Grid {
    let mut headings = vec![("TT".to_string(), 6), ("Đơn vị".to_string(), 32)];
    headings.extend(AREA_COLUMNS.iter().map(|kind| (area_heading(*kind), 14)));
    headings.extend([
        ("Tổng số nhiệm vụ".to_string(), 12),
        ("Nhiệm vụ trọng tâm".to_string(), 12),
        ("Kinh phí (triệu đồng)".to_string(), 14),
        ("Số nhiệm vụ ghi kinh phí bằng chữ".to_string(), 14),
        ("Số ô kinh phí không đọc được".to_string(), 14),
    ]);
    let mut rows: Vec<Row> = round
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| plan_cells(Some(index + 1), row))
        .collect();
    rows.push(
        plan_cells(None, &round.total)
            .into_iter()
            .map(total)
            .collect(),
    );
    grid(
        "Tổng hợp",
        format!("TỔNG HỢP KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA CÁC ĐƠN VỊ"),
        headings,
        rows,
    )
}

/// «Nhiệm vụ trọng tâm»: every commune's key tasks, each column filterable.
fn key_task_sheet(year: i32, rows: &[KeyTaskRow]) -> Grid {
    let headings = [
        ("TT", 6),
        ("Đơn vị", 28),
        ("Lĩnh vực", 28),
        ("Nhiệm vụ", 60),
        ("Kết quả đầu ra, sản phẩm", 35),
        ("Cơ quan chủ trì", 28),
        ("Cơ quan phối hợp", 28),
        ("Thời gian thực hiện", 22),
        ("Kinh phí (triệu đồng)", 14),
    ]
    .map(|(label, width)| (label.to_string(), width))
    .to_vec();
    let cells = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let area = match row.area {
                AreaKind::Custom => row.area_title.clone(),
                kind => kind.standard_title().to_string(),
            };
            let budget = match &row.budget {
                Budget::MillionVnd(value) => amount(*value),
                Budget::Note(note) => text(note.clone()),
                Budget::None => (Value::Empty, Style::Wrapped),
            };
            vec![
                count(index + 1),
                text(row.commune.clone()),
                text(area),
                text(row.content.clone()),
                text(row.output.clone()),
                text(row.lead.clone()),
                text(row.partners.clone()),
                text(row.deadline.clone()),
                budget,
            ]
        })
        .collect();
    let mut sheet = grid(
        "Nhiệm vụ trọng tâm",
        format!("NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA CÁC ĐƠN VỊ"),
        headings,
        cells,
    );
    sheet.filter = true;
    sheet
}

fn report_cells(number: Option<usize>, row: &CommuneReportRow) -> Row {
    let mut cells = vec![
        number.map_or((Value::Empty, Style::Normal), count),
        text(row.commune.clone()),
        count(row.tasks),
        count(row.done),
        count(row.done_on_time),
        count(row.done_late),
        count(row.overdue),
        count(row.not_started),
    ];
    cells.extend(Figure::ALL.iter().map(|figure| {
        row.figures
            .get(*figure)
            .map_or((Value::Empty, Style::Normal), amount)
    }));
    cells
}

/// «Báo cáo»: a row per commune's report, then the totals, where the satisfaction rate is the
/// communes' mean.
fn report_sheet(year: i32, period: ReportPeriod, round: &ReportRound) -> Grid {
    let mut headings: Vec<(String, u32)> = [
        ("TT", 6),
        ("Đơn vị", 32),
        ("Tổng số nhiệm vụ", 12),
        ("Hoàn thành", 12),
        ("Hoàn thành đúng hạn", 12),
        ("Hoàn thành chậm", 12),
        ("Quá hạn", 12),
        ("Chưa triển khai", 12),
    ]
    .map(|(label, width)| (label.to_string(), width))
    .to_vec();
    headings.extend(
        Figure::ALL
            .iter()
            .map(|figure| (figure.label().to_string(), 16)),
    );
    let mut rows: Vec<Row> = round
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| report_cells(Some(index + 1), row))
        .collect();
    let mut totals = round.total.clone();
    totals.figures = round.figures.sums.clone();
    totals
        .figures
        .set(Figure::SatisfactionRate, round.figures.rate);
    rows.push(report_cells(None, &totals).into_iter().map(total).collect());
    grid(
        "Báo cáo",
        format!(
            "TỔNG HỢP BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH {}",
            period.with_year(year).to_uppercase()
        ),
        headings,
        rows,
    )
}

/// The round's workbook: «Tổng hợp», «Nhiệm vụ trọng tâm» and, with reports, «Báo cáo».
pub fn write_round_xlsx(round: &RoundWorkbook) -> Vec<u8> {
    let mut sheets = vec![
        summary_sheet(round.year, round.plans),
        key_task_sheet(round.year, round.key_tasks),
    ];
    if let Some((period, reports)) = round.reports {
        sheets.push(report_sheet(round.year, period, reports));
    }
    // Never `None`: there are always two sheets.
    workbook(&sheets).unwrap_or_default()
}
