//! The round's consolidated workbook (issue #22): «Tổng hợp», «Nhiệm vụ trọng tâm» and «Báo
//! cáo», read back from outside — by Python's zipfile and XML parser, cell by cell, and by
//! LibreOffice as an office would open it — with the numbers of the tables it was written from.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use kehoach::document::{RoundWorkbook, write_round_xlsx};
use kehoach::domain::inbox::{consolidate_plans, consolidate_reports, key_tasks};
use kehoach::domain::progress::ReportPeriod;
use kehoach::file_format::ReceivedReport;

use common::communes::YEAR;
use common::inbox::{MIX, receive};
use common::workbook::{cell, numbers_in_column, read_workbook, sheet};
use common::{python, run};

/// The workbook of the generated round.
fn workbook() -> (Vec<u8>, kehoach::domain::inbox::PlanRound) {
    let inbox = receive(MIX);
    let plans = consolidate_plans(&inbox.plans);
    let list = key_tasks(&inbox.plans);
    let reports = consolidate_reports(inbox.reports.iter().map(ReceivedReport::basis));
    let bytes = write_round_xlsx(&RoundWorkbook {
        year: YEAR,
        plans: &plans,
        key_tasks: &list,
        reports: Some((ReportPeriod::FirstQuarter, &reports)),
    });
    (bytes, plans)
}

#[test]
fn the_consolidated_workbook_holds_the_tables_numbers() {
    let (bytes, plans) = workbook();
    let workbook = read_workbook(&bytes, "inbox-round");
    let names: Vec<&str> = workbook
        .as_array()
        .expect("sheets")
        .iter()
        .filter_map(|sheet| sheet["name"].as_str())
        .collect();
    assert_eq!(names, ["Tổng hợp", "Nhiệm vụ trọng tâm", "Báo cáo"]);

    let summary = sheet(&workbook, "Tổng hợp");
    // Title, blank row, headings, then 12 communes and the total on row 16.
    assert_eq!(
        numbers_in_column(summary, "A"),
        (1..=12).map(f64::from).collect::<Vec<_>>()
    );
    assert_eq!(
        cell(summary, "B4").map(|c| c.1),
        Some(plans.rows[0].commune.clone())
    );
    assert_eq!(
        cell(summary, "B16").map(|c| c.1).as_deref(),
        Some("Tổng cộng")
    );
    // Columns K (tasks), L (key tasks), M (budget), O (unreadable budgets).
    let tasks = numbers_in_column(summary, "K");
    assert_eq!(tasks.len(), 13);
    assert_eq!(tasks.last(), Some(&360.0));
    assert_eq!(numbers_in_column(summary, "L").last(), Some(&120.0));
    let budgets = numbers_in_column(summary, "M");
    let total: f64 = plans
        .total
        .budget
        .total
        .to_machine_string()
        .parse()
        .expect("a number");
    assert_eq!(budgets.last(), Some(&total));
    let rows_sum: f64 = budgets[..12].iter().sum();
    assert!((rows_sum - total).abs() < 1e-6, "{rows_sum} vs {total}");
    assert_eq!(
        numbers_in_column(summary, "O").last(),
        Some(&(plans.total.budget.unreadable as f64))
    );

    let key = sheet(&workbook, "Nhiệm vụ trọng tâm");
    assert_eq!(numbers_in_column(key, "A").len(), 120);
    assert_eq!(key["filter"], "A3:I123");
    assert_eq!(cell(key, "C3").map(|c| c.1).as_deref(), Some("Lĩnh vực"));

    let report = sheet(&workbook, "Báo cáo");
    assert_eq!(numbers_in_column(report, "A").len(), 4);
    // D (done) is E (on time) plus F (late) on every row, the total too.
    let (d, e, f) = (
        numbers_in_column(report, "D"),
        numbers_in_column(report, "E"),
        numbers_in_column(report, "F"),
    );
    assert_eq!(d.len(), 5);
    for row in 0..5 {
        assert_eq!(d[row], e[row] + f[row]);
    }
    // The figures follow in Figure::ALL order from column I: K is online dossiers, S the rate.
    let online = numbers_in_column(report, "K");
    assert_eq!(online[4], online[..4].iter().sum::<f64>());
    let rates = numbers_in_column(report, "S");
    let mean = rates[..4].iter().sum::<f64>() / 4.0;
    assert!((rates[4] - mean).abs() < 1e-5, "{rates:?}");
}

/// Reads a CSV file with Python's csv module: its rows as lists of fields.
const CSV_READER: &str = r#"
import csv, json, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
"#;

#[test]
fn libreoffice_opens_every_sheet_with_its_totals_as_numbers() {
    let (bytes, plans) = workbook();
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("inbox-workbook");
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    let path = folder.join("tong-hop.xlsx");
    std::fs::write(&path, bytes).expect("writes the workbook");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        folder.join("profile").display()
    );
    // Every sheet to CSV, UTF-8, values as stored rather than as shown.
    run(
        "libreoffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            &folder.to_string_lossy(),
            &path.to_string_lossy(),
        ],
    );
    let rows = |name: &str| -> Vec<Vec<String>> {
        let csv = folder.join(format!("tong-hop-{name}.csv"));
        serde_json::from_str(&python(CSV_READER, [&csv])).expect("JSON rows")
    };
    let summary = rows("Tổng hợp");
    let total = summary
        .iter()
        .find(|row| row.get(1).is_some_and(|name| name == "Tổng cộng"))
        .expect("the total row");
    assert_eq!(total[10], "360");
    assert_eq!(total[11], "120");
    assert_eq!(total[12], plans.total.budget.total.to_machine_string());
    let key = rows("Nhiệm vụ trọng tâm");
    assert_eq!(key.len(), 3 + 120);
    assert_eq!(key[3][0], "1");
    let report = rows("Báo cáo");
    assert_eq!(report.len(), 3 + 4 + 1);
    assert_eq!(report[7][1], "Tổng cộng");
}
