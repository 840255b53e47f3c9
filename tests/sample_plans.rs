//! The four real plans of `../shared/sample-plans/`, transcribed into the file format under
//! `tests/fixtures/plans/`: each reads without a problem, holds what the source text says, and
//! survives export and import unchanged.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::domain::appendix::RowView;
use kehoach::domain::*;
use kehoach::file_format::{self, ExportInfo};

use common::{SAMPLES, sample};

fn info() -> ExportInfo {
    ExportInfo {
        exported_at: "2026-11-23T14:32:00+07:00".into(),
        exported_by: "Kiểm thử".into(),
    }
}

#[test]
fn every_sample_exports_and_imports_identically() {
    for (name, _) in SAMPLES {
        let plan = sample(name);
        let file = file_format::export_plans(std::slice::from_ref(&plan), &info(), false);
        let imported = file_format::import_file(file.as_bytes()).expect(name);
        assert!(
            imported.report.is_clean(),
            "{name}: {:?}",
            imported.report.lines()
        );
        assert!(imported.info.checksum_ok, "{name}");
        assert_eq!(imported.plans, vec![plan], "{name}");
    }
}

#[test]
fn all_samples_travel_together_in_one_bundle() {
    let plans: Vec<Plan> = SAMPLES.iter().map(|(name, _)| sample(name)).collect();
    let file = file_format::export_plans(&plans, &info(), true);
    let imported = file_format::import_file(file.as_bytes()).expect("bundle");
    assert_eq!(imported.plans, plans);
    let period = imported.info.period.expect("period");
    assert_eq!((period.from_year, period.to_year), (2022, 2024));
    assert_eq!(imported.info.exported_by, "Kiểm thử");
}

#[test]
fn son_chau_appendix_has_34_rows_with_budgets_10_150_40_and_one_note() {
    let plan = sample("son-chau-commune-2022");
    assert_eq!(plan.number.number, "06");
    assert_eq!(plan.number.symbol, "KH-UBND");
    assert_eq!(plan.year, 2022);
    assert_eq!(plan.appendices.len(), 1);
    let table = &plan.appendices[0];
    let view = table.view(&plan);
    let rows: Vec<&RowView> = view.groups.iter().flat_map(|g| g.all_rows()).collect();
    assert_eq!(rows.len(), 34);
    // Run-on numbering across the seven groups, 1 to 34.
    let numbers: Vec<usize> = rows.iter().map(|row| row.number).collect();
    assert_eq!(numbers, (1..=34).collect::<Vec<_>>());
    let amounts: Vec<String> = rows
        .iter()
        .filter_map(|row| row.task.budget.amount())
        .map(Decimal::format_vi)
        .collect();
    assert_eq!(amounts, ["10", "150", "40"]);
    let notes: Vec<&Budget> = rows
        .iter()
        .map(|row| &row.task.budget)
        .filter(|budget| matches!(budget, Budget::Note(_)))
        .collect();
    assert_eq!(notes, [&Budget::Note("Theo dự trù kinh phí riêng".into())]);
    assert_eq!(view.total, Decimal::from_int(200));
    let labels: Vec<&str> = view.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["I", "II", "III", "IV", "V", "VI", "VII"]);
    assert_eq!(view.groups[4].total, Decimal::from_int(10));
    assert_eq!(view.groups[6].total, Decimal::from_int(190));
    let sub_labels: Vec<&str> = view.groups[6]
        .sub_groups
        .iter()
        .map(|g| g.label.as_str())
        .collect();
    assert_eq!(sub_labels, ["A", "B"]);
    assert_eq!(
        rows[27].task.content,
        "Đầu tư thiết bị hạ tầng công nghệ thông tin đảm bảo hoạt động cơ quan"
    );
}

#[test]
fn son_chau_target_13_reads_3773_million_dong() {
    let plan = sample("son-chau-commune-2022");
    assert_eq!(plan.targets.len(), 13);
    let target = &plan.targets[12];
    assert!(target.text.contains("3.773 triệu đồng"), "{}", target.text);
    let figure = target.figure.as_ref().expect("figure");
    assert_eq!(figure.value, Decimal::from_int(3773));
    assert_eq!(figure.value.format_vi(), "3.773");
    assert_eq!(figure.unit, "triệu đồng");
}

#[test]
fn son_chau_areas_include_sub_areas_and_a_local_addition() {
    let plan = sample("son-chau-commune-2022");
    assert_eq!(plan.areas.len(), 8);
    let digital = &plan.areas[6];
    assert_eq!(digital.kind, AreaKind::DigitalGovernment);
    assert_eq!(digital.sub_areas.len(), 2);
    assert_eq!(plan.areas[7].kind, AreaKind::Custom);
    assert_eq!(plan.signer.authority, SigningAuthority::OnBehalf);
    assert_eq!(plan.signer.on_behalf_of, "ỦY BAN NHÂN DÂN");
}

#[test]
fn tinh_minh_is_a_decision_issuing_the_plan() {
    let plan = sample("tinh-minh-commune-2024");
    assert_eq!(plan.year, 2024);
    assert_eq!(plan.number.number, "479");
    assert_eq!(plan.number.symbol, "QĐ-UBND");
    assert_eq!(plan.date, PartialDate::ymd(2023, 12, 26));
    assert_eq!(plan.issuing_body, "ỦY BAN NHÂN DÂN XÃ TỊNH MINH");
    let DocumentForm::Decision(decision) = &plan.form else {
        panic!("Tịnh Minh's plan is issued by a decision");
    };
    assert_eq!(decision.articles.len(), 3);
    assert_eq!(decision.legal_bases.len(), 5);
    assert!(
        decision
            .proposal
            .starts_with("Theo đề nghị của Công chức Văn phòng - Thống kê")
    );
    assert_eq!(decision.signer.name, "Lê Thị Mỹ Hiệp");
    assert_eq!(decision.signer.title, "CHỦ TỊCH");
    // "} Báo cáo" groups two recipients.
    assert!(decision.recipients.iter().any(|r| r.group == "Báo cáo"));
    assert_eq!(plan.areas.len(), 8);
    let tasks: usize = plan.areas.iter().map(|a| a.all_tasks().count()).sum();
    assert_eq!(tasks, 37);
    let first = &plan.areas[0].tasks[0];
    assert_eq!(first.lead_units, ["Công chức Văn phòng - Thống kê"]);
    assert_eq!(first.deadline.text, "Thường xuyên");
}

#[test]
fn son_tay_keeps_the_follow_up_role() {
    let plan = sample("son-tay-district-2023");
    assert_eq!(plan.level, Level::District);
    assert_eq!(plan.era, AdminEra::ThreeLevel);
    assert_eq!(plan.number.number, "3031");
    assert_eq!(plan.place, "Sơn Tây");
    assert_eq!(plan.date, PartialDate::ymd(2022, 12, 23));
    let role = plan
        .areas
        .iter()
        .flat_map(|a| a.all_tasks())
        .flat_map(|t| t.other_roles.iter())
        .find(|role| role.label == "Cơ quan theo dõi tổng hợp")
        .expect("Cơ quan theo dõi tổng hợp must not be lost");
    assert_eq!(role.units, ["Phòng Tư pháp huyện"]);
    let DocumentForm::Decision(decision) = &plan.form else {
        panic!("Sơn Tây's plan is issued by a decision");
    };
    assert_eq!(decision.signer.name, "Nguyễn Ngọc Trân");
}

#[test]
fn hoang_hoa_has_seven_appendices_restarting_their_numbers_without_budget() {
    let plan = sample("hoang-hoa-district-2023");
    // A draft: the number and the day are blank.
    assert_eq!(plan.number.number, "");
    assert_eq!(plan.number.symbol, "QĐ-UBND");
    assert_eq!(plan.date.day, None);
    assert_eq!(plan.date.month, Some(12));
    assert_eq!(plan.appendices.len(), 7);
    for table in &plan.appendices {
        assert!(!table.budget_column, "{}", table.heading);
        let view = table.view(&plan);
        let first = view.groups.first().and_then(|g| g.all_rows().next());
        assert_eq!(first.map(|row| row.number), Some(1), "{}", table.heading);
    }
    let last = &plan.appendices[6];
    assert_eq!(last.heading, "Phụ lục số 07");
    assert_eq!(last.columns, AppendixColumns::Executor);
    let AppendixRows::Own { groups } = &last.rows else {
        panic!("own rows");
    };
    let first_row = &groups[0].tasks[0];
    assert!(
        first_row
            .other_roles
            .iter()
            .any(|role| role.label == "Cơ quan thực hiện"),
        "{first_row:?}"
    );
}

#[test]
fn every_sample_deadline_has_a_reading() {
    for (name, _) in SAMPLES {
        let plan = sample(name);
        let body = plan.areas.iter().flat_map(|a| a.all_tasks());
        let rows = plan.appendices.iter().flat_map(|table| match &table.rows {
            AppendixRows::Own { groups } => groups
                .iter()
                .flat_map(|g| {
                    g.tasks
                        .iter()
                        .chain(g.sub_groups.iter().flat_map(|s| s.tasks.iter()))
                })
                .collect::<Vec<_>>(),
            AppendixRows::KeyTasks { .. } => Vec::new(),
        });
        let unreadable: Vec<&str> = body
            .chain(rows)
            .filter(|task| task.deadline.is_unreadable())
            .map(|task| task.deadline.text.as_str())
            .collect();
        assert!(unreadable.is_empty(), "{name}: {unreadable:#?}");
    }
}

/// The editor's lines of each table of each sample: every row's place holds the task printed
/// at that row, groups and rows come in the printed order, and there is a total per group
/// and one for the table.
#[test]
fn the_editors_table_lines_point_at_the_printed_rows() {
    use kehoach::domain::appendix::{TableLine, table_lines};
    for (name, _) in SAMPLES {
        let plan = sample(name);
        for (index, table) in plan.appendices.iter().enumerate() {
            let view = table.view(&plan);
            let printed: Vec<(usize, &Task)> = view
                .groups
                .iter()
                .flat_map(|group| group.all_rows())
                .map(|row| (row.number, row.task))
                .collect();
            let (lines, totals) = table_lines(&plan, index);
            let rows: Vec<(usize, &Task)> = lines
                .iter()
                .filter_map(|line| match line {
                    TableLine::Row { number, slot, .. } => {
                        Some((*number, slot.get(&plan).expect("the row's task is there")))
                    }
                    TableLine::Group { .. } => None,
                })
                .collect();
            assert_eq!(rows.len(), printed.len(), "{name}, table {index}");
            for ((number, task), (printed_number, printed_task)) in rows.iter().zip(&printed) {
                assert_eq!(number, printed_number, "{name}, table {index}");
                assert!(
                    std::ptr::eq(*task, *printed_task),
                    "{name}, table {index}, row {number}"
                );
            }
            let groups = lines
                .iter()
                .filter(|line| matches!(line, TableLine::Group { .. }))
                .count();
            assert_eq!(totals.len(), groups + 1, "{name}, table {index}");
            assert_eq!(totals.last(), Some(&view.total));
        }
    }
}
