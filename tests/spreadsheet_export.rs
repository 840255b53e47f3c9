//! The appendix tables of the samples as XLSX and CSV, read back from outside: Python's zipfile
//! and XML parser open the workbook, and the numbers it holds (row numbers, budgets, totals) are
//! numbers that add up to what the plan says.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::document::{write_csv, write_xlsx};

use common::sample;
use common::workbook::{numbers_in_column, read_workbook};

#[test]
fn son_chau_appendix_holds_34_numbered_rows_and_its_budgets_as_numbers() {
    let plan = sample("son-chau-commune-2022");
    let bytes = write_xlsx(&plan).expect("Sơn Châu has an appendix");
    let workbook = read_workbook(&bytes, "son-chau");
    let sheets = workbook.as_array().expect("sheets");
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0]["name"], "Phụ lục 1");
    let row_numbers = numbers_in_column(&sheets[0], "A");
    assert_eq!(row_numbers, (1..=34).map(f64::from).collect::<Vec<_>>());
    // Budgets: the three amounts, two group totals and the total of 200 (million VND).
    let budgets = numbers_in_column(&sheets[0], "G");
    for amount in [10.0, 150.0, 40.0, 190.0, 200.0] {
        assert!(budgets.contains(&amount), "{amount} in {budgets:?}");
    }
    assert_eq!(budgets.last(), Some(&200.0));
    let texts: Vec<&str> = sheets[0]["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .filter(|cell| cell[1] == "s")
        .filter_map(|cell| cell[2].as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("NHIỆM VỤ TRỌNG TÂM")),
        "{texts:?}"
    );
    assert!(texts.contains(&"Cơ quan chủ trì"));
}

#[test]
fn hoang_hoa_has_a_sheet_per_appendix_and_no_budget_numbers() {
    let plan = sample("hoang-hoa-district-2023");
    let workbook = read_workbook(&write_xlsx(&plan).expect("appendices"), "hoang-hoa");
    let sheets = workbook.as_array().expect("sheets");
    assert_eq!(sheets.len(), 7);
    // Numbering restarts in each appendix.
    for sheet in sheets {
        let numbers = numbers_in_column(sheet, "A");
        assert_eq!(numbers.first(), Some(&1.0), "{}", sheet["name"]);
    }
}

#[test]
fn csv_has_a_bom_crlf_lines_and_quoted_fields() {
    let plan = sample("son-chau-commune-2022");
    let csv = write_csv(&plan).expect("an appendix");
    assert!(csv.starts_with('\u{FEFF}'));
    assert!(csv.contains("\r\n"));
    assert!(!csv.replace("\r\n", "").contains('\r'));
    let total_line = csv
        .split("\r\n")
        .filter(|line| line.ends_with(",200"))
        .count();
    assert_eq!(total_line, 1, "one total row of 200");
    assert!(
        csv.lines().any(|line| line.starts_with("34,")),
        "row 34 is there"
    );
}

#[test]
fn a_plan_whose_document_has_no_appendix_gives_no_spreadsheet() {
    // Tịnh Minh's decision has no appendix table, though it has key tasks in its body.
    let plan = sample("tinh-minh-commune-2024");
    assert!(plan.appendices.is_empty());
    assert_eq!(write_xlsx(&plan), None);
    assert_eq!(write_csv(&plan), None);
}
