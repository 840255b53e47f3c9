//! The real sample plans in a round (issue #22): each counted as its own document says —
//! tasks by area from the body, key tasks from the appendix tables, budgets from the rows that
//! carry them — and their key tasks each under the area its table names.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::domain::inbox::{
    AREA_COLUMNS, compare_plans, consolidate_plans, key_tasks, key_tasks_in_area,
};
use kehoach::domain::{AreaKind, Budget, Decimal};

use common::sample;

#[test]
fn son_chau_counts_its_body_by_area_and_its_34_appendix_rows_as_key_tasks() {
    let plan = sample("son-chau-commune-2022");
    let round = consolidate_plans([&plan]);
    let row = &round.rows[0];
    assert_eq!(row.commune, "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU");
    assert_eq!(row.key, "xa son chau");
    let body: usize = plan.areas.iter().map(|area| area.all_tasks().count()).sum();
    assert_eq!(row.tasks, body);
    assert_eq!(row.tasks_by_area[0], 8, "Công tác chỉ đạo, điều hành");
    assert_eq!(row.key_tasks, 34);
    // 10 + 150 + 40 million in the appendix rows; one row's budget is a note.
    assert_eq!(row.budget.total, Decimal::from_int(200));
    assert_eq!(row.budget.notes + row.budget.unreadable, 1);
    assert_eq!(round.total, {
        let mut total = row.clone();
        total.commune = "Tổng cộng".into();
        total.key.clear();
        total
    });

    let list = key_tasks([&plan]);
    assert_eq!(list.len(), 34);
    let count = |kind| key_tasks_in_area(&list, kind).len();
    assert_eq!(
        AREA_COLUMNS.map(count),
        [5, 3, 8, 1, 5, 5, 7, 0],
        "by the group headings I–VII of the appendix"
    );
    let with_budget: Vec<&str> = list
        .iter()
        .filter(|row| matches!(row.budget, Budget::MillionVnd(_)))
        .map(|row| row.lead.as_str())
        .collect();
    assert_eq!(with_budget.len(), 3);
}

#[test]
fn hoang_hoa_names_each_tables_area_by_its_title_and_its_executor_column_leads() {
    let plan = sample("hoang-hoa-district-2023");
    let list = key_tasks([&plan]);
    assert_eq!(list.len(), 34);
    let count = |kind| key_tasks_in_area(&list, kind).len();
    assert_eq!(AREA_COLUMNS.map(count), [4, 3, 8, 4, 4, 4, 7, 0]);
    // The last table has one «Cơ quan thực hiện» column: it stands as the lead.
    let direction = key_tasks_in_area(&list, AreaKind::Direction);
    assert!(
        direction.iter().all(|row| !row.lead.is_empty()),
        "{direction:?}"
    );
    assert_eq!(
        consolidate_plans([&plan]).rows[0].budget.total,
        Decimal::ZERO
    );
}

#[test]
fn two_plans_of_one_sender_count_once_the_later_and_others_each() {
    let first = sample("tinh-minh-commune-2024");
    let mut second = first.clone();
    second.issuing_body = "UBND xã Tịnh Minh".into();
    second.areas[0].tasks.truncate(1);
    let other = sample("son-chau-commune-2022");
    let round = consolidate_plans([&first, &other, &second]);
    assert_eq!(round.rows.len(), 2);
    // Alphabetical: Sơn Châu before Tịnh Minh; Tịnh Minh's row is its later plan.
    assert_eq!(round.rows[0].key, "xa son chau");
    assert_eq!(round.rows[1].commune, "UBND xã Tịnh Minh");
    let later: usize = second.areas.iter().map(|a| a.all_tasks().count()).sum();
    assert_eq!(round.rows[1].tasks, later);
    assert_eq!(round.total.tasks, round.rows[0].tasks + later);
    // And what changed between them is the three tasks dropped.
    let changes = compare_plans(&first, &second);
    assert_eq!(changes.removed.len(), first.areas[0].tasks.len() - 1);
}
