//! What the checks (kiểm tra, `domain::validation`) find in the four real sample plans: each
//! thing to look at again once, where the drafter can put it right.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::domain::field_key::{FieldKey, TaskField};
use kehoach::domain::slot::{AreaSlot, TaskSlot, area_slots, task_slots};
use kehoach::domain::validation::{Issue, validate};
use kehoach::domain::{AppendixRows, Budget, Deadline, Plan};

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
        .filter(|issue| matches!(issue.field, FieldKey::Task(_, TaskField::Lead)))
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
    let fields: Vec<String> = issues.iter().map(|issue| issue.field.dom_id()).collect();
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

/// The sample plan with every checked field emptied or spoiled: no issuing body, number,
/// symbol, title or signer, untitled areas, and tasks and rows with no content, no unit, an
/// unreadable deadline and an unreadable budget.
fn spoiled(mut plan: Plan) -> Plan {
    plan.issuing_body.clear();
    plan.number = Default::default();
    plan.title.clear();
    plan.signer.name.clear();
    let year = plan.year;
    let areas: Vec<AreaSlot> = area_slots(&plan)
        .into_iter()
        .map(|(slot, _)| slot)
        .collect();
    for slot in areas {
        if let Some(area) = slot.get_mut(&mut plan) {
            area.title.clear();
        }
    }
    let tasks: Vec<TaskSlot> = task_slots(&plan)
        .into_iter()
        .map(|(slot, _)| slot)
        .collect();
    for slot in tasks {
        // A row of a table without the budget column has no budget cell to spoil (a budget
        // it carries from a file is still checked, at a cell that is not drawn; left as it is).
        let budget_shown = match slot {
            TaskSlot::Area { .. } => true,
            TaskSlot::Appendix { group, .. } => plan.appendices[group.table].budget_column,
        };
        if let Some(task) = slot.get_mut(&mut plan) {
            task.content.clear();
            task.lead_units.clear();
            task.other_roles.clear();
            task.deadline = Deadline::new("lúc nào rảnh", year);
            if budget_shown {
                task.budget = Budget::from_input("3.77.3");
            }
        }
    }
    plan
}

/// Whether the editor draws an input with the id of `key` for `plan`: the place it names
/// exists, and a row of an appendix table's own has a column for the field.
fn drawn(plan: &Plan, key: FieldKey) -> bool {
    match key {
        FieldKey::Header(_) => true,
        FieldKey::Signer { decision, .. } => {
            !decision || matches!(plan.form, kehoach::domain::DocumentForm::Decision(_))
        }
        FieldKey::Area(slot, _) => slot.get(plan).is_some(),
        FieldKey::Task(slot @ TaskSlot::Area { .. }, _) => slot.get(plan).is_some(),
        FieldKey::Task(slot @ TaskSlot::Appendix { group, .. }, field) => {
            slot.get(plan).is_some()
                && plan.appendices.get(group.table).is_some_and(|table| {
                    table
                        .table_columns()
                        .into_iter()
                        .any(|column| column.field() == field)
                })
        }
        // Lists of the plan's own are drawn whole, one input per item.
        FieldKey::Item { .. } => true,
        FieldKey::KeyTaskCell { .. }
        | FieldKey::GroupTitle(_)
        | FieldKey::ExtraSectionHeading(_) => false,
    }
}

/// Every field a check points at, in the four sample plans as they are and spoiled, is one the
/// editor draws, with a well-formed id: the jump from the check lands on an input. A table
/// with one «Cơ quan thực hiện» column (Hoàng Hóa's last appendix) has no lead cell, so a row
/// of it without units is pointed at its executor cell; the check pointed at a lead cell that
/// did not exist, and the jump went nowhere.
#[test]
fn every_checked_field_of_the_samples_is_an_input_the_editor_draws() {
    let mut executor_rows = 0;
    for name in [
        "tinh-minh-commune-2024",
        "son-tay-district-2023",
        "son-chau-commune-2022",
        "hoang-hoa-district-2023",
    ] {
        let plan = sample(name);
        for plan in [spoiled(plan.clone()), plan] {
            for issue in validate(&plan) {
                let id = issue.field.dom_id();
                assert!(
                    !id.is_empty()
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{name}: {id}"
                );
                assert!(drawn(&plan, issue.field), "{name}: {id} ({})", issue.place);
                if matches!(issue.field, FieldKey::Task(_, TaskField::Executor)) {
                    executor_rows += 1;
                }
            }
        }
    }
    assert!(executor_rows > 0);
}
