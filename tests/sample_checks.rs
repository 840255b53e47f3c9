//! What the checks (kiểm tra, `domain::validation`) find in the four real sample plans: each
//! thing to look at again once, where the drafter can put it right.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::domain::validation::{Issue, validate};
use kehoach::domain::{AppendixRows, Plan};

use common::sample;

fn places(issues: &[Issue]) -> Vec<String> {
    issues
        .iter()
        .map(|issue| format!("{}: {}", issue.place, issue.message))
        .collect()
}

/// Sơn Châu lists its 41 body tasks as sentences and gives their units, outputs and deadlines
/// in its own appendix rows. The checks reported 46 issues: «Chưa có cơ quan chủ trì» for every
/// body task (41) on top of the 3 rows of the appendix that really have none. They now report
/// the 3 rows, by the TT printed in the table, and the 2 deadlines of 2021 in a plan for 2022.
#[test]
fn son_chau_own_appendix_rows_carry_the_leads_so_only_rows_without_one_are_reported() {
    let plan = sample("son-chau-commune-2022");
    let issues = validate(&plan);
    assert_eq!(
        places(&issues),
        [
            "Phụ lục 1, nhóm V, dòng 20: Chưa có cơ quan chủ trì.",
            "Phụ lục 1, nhóm V, dòng 22: Chưa có cơ quan chủ trì.",
            "Phụ lục 1, nhóm VI, dòng 24: Thời hạn «Tháng 01/2021» rơi vào năm 2021, ngoài năm \
             kế hoạch 2022.",
            "Phụ lục 1, nhóm VII, dòng 29: Thời hạn «Tháng 1/2021» rơi vào năm 2021, ngoài năm \
             kế hoạch 2022.",
            "Phụ lục 1, nhóm VII, dòng 32: Chưa có cơ quan chủ trì.",
        ]
    );
    // The same body tasks in a plan whose appendix is drawn from them would print no lead at
    // all: there each of them is reported.
    let mut drawn = plan.clone();
    drawn.appendices.clear();
    let leads = validate(&drawn)
        .into_iter()
        .filter(|issue| issue.field.ends_with("-lead"))
        .count();
    assert_eq!(leads, 41);
}

/// Hoàng Hóa does the same with seven appendices (38 issues before, 34 of them about leads);
/// what is left is the draft's missing number and three deadlines set in 2022, the year the
/// plan was prepared.
#[test]
fn hoang_hoa_body_tasks_take_their_leads_from_its_seven_appendices() {
    let plan = sample("hoang-hoa-district-2023");
    let issues = validate(&plan);
    let fields: Vec<&str> = issues.iter().map(|issue| issue.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "plan-number",
            "appendix-4-group-0-task-2-deadline",
            "appendix-5-group-0-task-0-deadline",
            "appendix-5-group-0-task-6-deadline",
        ],
        "{:?}",
        places(&issues)
    );
}

/// The plans that give every field in the body (and draw their appendix from the key tasks)
/// have nothing to look at again.
#[test]
fn tinh_minh_and_son_tay_have_no_issues() {
    for name in ["tinh-minh-commune-2024", "son-tay-district-2023"] {
        let plan: Plan = sample(name);
        assert!(
            plan.appendices
                .iter()
                .all(|table| matches!(table.rows, AppendixRows::KeyTasks { .. })),
            "{name}"
        );
        assert_eq!(places(&validate(&plan)), Vec::<String>::new(), "{name}");
    }
}
