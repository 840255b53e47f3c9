//! Kiểm tra kế hoạch: what the drafter may want to look at again before signing (no lead unit,
//! a budget or deadline that cannot be read, an empty area, a missing number or signer …).
//! Issues help rather than block: the plan is saved and printed whatever they say.

use super::appendix::{AppendixColumns, AppendixRows};
use super::budget::Budget;
use super::field_key::{AreaField, FieldKey, HeaderField, PlanList, SignerField, TaskField};
use super::numbering::{point_letter, roman};
use super::plan::{DocumentForm, Plan};
use super::slot::{TaskSlot, area_slots, task_slots};
use super::task::Task;
use super::template_marks;

/// One thing to look at again (cần xem lại), with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The field the issue is about; its [`FieldKey::dom_id`] ("plan-number",
    /// "area-1-task-0-lead" …) is the id of that field's input in the editor.
    pub field: FieldKey,
    /// Where, in words: "Lĩnh vực 2, nhiệm vụ b".
    pub place: String,
    /// What, in a sentence the drafter can act on.
    pub message: String,
}

fn issue(field: FieldKey, place: impl Into<String>, message: impl Into<String>) -> Issue {
    Issue {
        field,
        place: place.into(),
        message: message.into(),
    }
}

/// Every issue of the plan, in document order.
pub fn validate(plan: &Plan) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_header(plan, &mut issues);
    let mut template_issues = template_issues(plan).peekable();
    while let Some(issue) = template_issues.next_if(before_areas) {
        issues.push(issue);
    }
    for (slot, area) in area_slots(plan) {
        let place = format!("Lĩnh vực {}", slot.number().trim_end_matches('.'));
        if area.title.trim().is_empty() {
            issues.push(issue(
                FieldKey::Area(slot, AreaField::Title),
                &place,
                "Lĩnh vực chưa có tên.",
            ));
        }
        if area.all_tasks().next().is_none() {
            issues.push(issue(
                FieldKey::Area(slot, AreaField::Title),
                &place,
                "Lĩnh vực chưa có nhiệm vụ nào.",
            ));
        }
    }
    for (slot, task) in task_slots(plan) {
        check_task(plan, slot, task, &mut issues);
    }
    // Template text before the areas (bases, purposes) was listed with the header.
    issues.extend(template_issues.filter(|issue| !before_areas(issue)));
    issues
}

/// Nội dung mẫu: one issue per text still exactly as the template wrote it.
fn template_issues(plan: &Plan) -> impl Iterator<Item = Issue> {
    template_marks::unconfirmed(plan)
        .into_iter()
        .filter_map(|field| match field {
            FieldKey::Item { list, .. } => Some(issue(
                field,
                list.part(),
                "Còn là nội dung mẫu, chưa được xem lại: sửa cho đúng với kế hoạch, hoặc bấm \
                 «Giữ nội dung mẫu» nếu đã đúng.",
            )),
            _ => None,
        })
}

/// Whether an issue is about a part printed before the reform areas.
fn before_areas(issue: &Issue) -> bool {
    matches!(
        issue.field,
        FieldKey::Item {
            list: PlanList::LegalBases | PlanList::Purposes | PlanList::Requirements,
            ..
        }
    )
}

fn check_header(plan: &Plan, issues: &mut Vec<Issue>) {
    let header = "Thông tin chung";
    if plan.issuing_body.trim().is_empty() {
        issues.push(issue(
            FieldKey::Header(HeaderField::IssuingBody),
            header,
            "Chưa có tên cơ quan ban hành.",
        ));
    }
    if plan.number.number.trim().is_empty() {
        issues.push(issue(
            FieldKey::Header(HeaderField::Number),
            header,
            "Chưa có số văn bản (bản dự thảo có thể để trống đến khi ký).",
        ));
    }
    if plan.number.symbol.trim().is_empty() {
        issues.push(issue(
            FieldKey::Header(HeaderField::Symbol),
            header,
            "Chưa có ký hiệu văn bản, ví dụ KH-UBND.",
        ));
    }
    if plan.title.trim().is_empty() {
        issues.push(issue(
            FieldKey::Header(HeaderField::Title),
            header,
            "Chưa có trích yếu.",
        ));
    }
    if !(2000..=2100).contains(&plan.year) {
        issues.push(issue(
            FieldKey::Header(HeaderField::Year),
            header,
            format!("Năm kế hoạch {} có vẻ không đúng.", plan.year),
        ));
    }
    let (signer, decision) = match &plan.form {
        DocumentForm::Decision(decision) if plan.signer.is_empty() => (&decision.signer, true),
        _ => (&plan.signer, false),
    };
    if signer.name.trim().is_empty() {
        let field = FieldKey::Signer {
            decision,
            field: SignerField::Name,
        };
        issues.push(issue(field, "Người ký", "Chưa có họ tên người ký."));
    }
}

/// Why a budget cell cannot count in the totals, if it looks meant as a number but is not one.
pub fn budget_problem(budget: &Budget) -> Option<String> {
    let Budget::Note(note) = budget else {
        return None;
    };
    let starts_with_digit = note
        .trim_start_matches(['-', '+'])
        .starts_with(|c: char| c.is_ascii_digit());
    starts_with_digit.then(|| {
        format!(
            "Kinh phí «{note}» không đọc được thành số: dùng dấu chấm tách hàng nghìn và dấu phẩy \
             cho phần thập phân, ví dụ 3.773 hoặc 1,5."
        )
    })
}

/// Where a task is, in words: «Lĩnh vực 2, nhiệm vụ b», «Phụ lục 1, nhóm II, dòng 20».
pub(crate) fn task_place(plan: &Plan, slot: TaskSlot, task: &Task) -> String {
    match slot {
        TaskSlot::Area { area, index } => format!(
            "Lĩnh vực {}, nhiệm vụ {}",
            area.number().trim_end_matches('.'),
            point_letter(index)
        ),
        // Named as the table prints and the editor's buttons name it: the group's numeral and
        // the row's TT ("dòng 20"), not its position inside the group.
        TaskSlot::Appendix { group, index } => {
            let table = plan.appendices.get(group.table);
            let number = table.and_then(|table| {
                table
                    .view(plan)
                    .groups
                    .get(group.group)?
                    .all_rows()
                    .find(|row| std::ptr::eq(row.task, task))
                    .map(|row| row.number)
            });
            format!(
                "Phụ lục {}, nhóm {}, dòng {}",
                group.table + 1,
                roman(group.group + 1),
                number.unwrap_or(index + 1)
            )
        }
    }
}

/// Whether the plan gives who leads its tasks in appendix tables of their own (bảng phụ lục tự
/// nhập): Sơn Châu and Hoàng Hóa list the nhiệm vụ of the body as sentences only, and the
/// cơ quan chủ trì, output and deadline of each only in the phụ lục rows.
fn leads_in_own_rows(plan: &Plan) -> bool {
    plan.appendices
        .iter()
        .any(|table| matches!(table.rows, AppendixRows::Own { .. }))
}

/// Whether the lead unit of the task at `slot` is legitimately given elsewhere: a body task
/// written as a sentence only, in a plan whose own appendix rows carry the leads, and not shown
/// in a key-task table (where its empty lead would print).
fn lead_given_elsewhere(plan: &Plan, slot: TaskSlot, task: &Task) -> bool {
    matches!(slot, TaskSlot::Area { .. })
        && !task.key_task
        && task.is_sentence_only()
        && leads_in_own_rows(plan)
}

fn check_task(plan: &Plan, slot: TaskSlot, task: &Task, issues: &mut Vec<Issue>) {
    let field = |field| FieldKey::Task(slot, field);
    let place = task_place(plan, slot, task);
    if task.content.trim().is_empty() {
        issues.push(issue(
            field(TaskField::Content),
            &place,
            "Nhiệm vụ chưa có nội dung.",
        ));
    }
    let executor_table = matches!(slot, TaskSlot::Appendix { group, .. }
        if plan.appendices.get(group.table).is_some_and(|t| t.columns == AppendixColumns::Executor));
    let has_executor = task.other_roles.iter().any(|role| !role.units.is_empty());
    let has_lead = task.lead_units.iter().any(|unit| !unit.trim().is_empty());
    if !(has_lead || executor_table && has_executor || lead_given_elsewhere(plan, slot, task)) {
        // A table with one «Cơ quan thực hiện» column has no lead cell to point at.
        let lead = if executor_table {
            TaskField::Executor
        } else {
            TaskField::Lead
        };
        issues.push(issue(field(lead), &place, "Chưa có cơ quan chủ trì."));
    }
    if task.deadline.is_unreadable() {
        issues.push(issue(
            field(TaskField::Deadline),
            &place,
            format!(
                "Chưa hiểu được thời hạn «{}»: hãy viết lại (ví dụ «Quý I/{}») hoặc chọn cách hiểu.",
                task.deadline.text, plan.year
            ),
        ));
    } else if let Some(year) = task
        .deadline
        .reading
        .iter()
        .filter_map(|milestone| milestone.year())
        .find(|year| *year != plan.year)
    {
        issues.push(issue(
            field(TaskField::Deadline),
            &place,
            format!(
                "Thời hạn «{}» rơi vào năm {year}, ngoài năm kế hoạch {}.",
                task.deadline.text, plan.year
            ),
        ));
    }
    if let Some(problem) = budget_problem(&task.budget) {
        issues.push(issue(field(TaskField::Budget), &place, problem));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::appendix::{AppendixGroup, AppendixTable};
    use crate::domain::plan::{DocumentNumber, Signer};
    use crate::domain::task::ReformArea;
    use crate::domain::{Deadline, Decimal};

    fn good_task(year: i32) -> Task {
        Task {
            id: "t".into(),
            content: "Xây dựng kế hoạch".into(),
            lead_units: vec!["Công chức Văn phòng - Thống kê".into()],
            deadline: Deadline::new("Quý I/2024", year),
            budget: Budget::MillionVnd(Decimal::from_int(10)),
            ..Task::default()
        }
    }

    fn good_plan() -> Plan {
        Plan {
            issuing_body: "ỦY BAN NHÂN DÂN XÃ TỊNH MINH".into(),
            number: DocumentNumber {
                number: "479".into(),
                symbol: "KH-UBND".into(),
            },
            year: 2024,
            title: "Cải cách hành chính năm 2024".into(),
            signer: Signer {
                name: "Lê Thị Mỹ Hiệp".into(),
                title: "CHỦ TỊCH".into(),
                ..Signer::default()
            },
            areas: vec![ReformArea {
                title: "Cải cách thể chế".into(),
                tasks: vec![good_task(2024)],
                ..ReformArea::default()
            }],
            ..Plan::default()
        }
    }

    fn fields(plan: &Plan) -> Vec<String> {
        validate(plan)
            .into_iter()
            .map(|issue| issue.field.dom_id())
            .collect()
    }

    #[test]
    fn a_complete_plan_has_no_issues() {
        assert_eq!(validate(&good_plan()), []);
    }

    #[test]
    fn missing_number_title_and_signer_are_reported_in_the_header() {
        let mut plan = good_plan();
        plan.number.number.clear();
        plan.title = "  ".into();
        plan.signer = Signer::default();
        assert_eq!(fields(&plan), ["plan-number", "plan-title", "signer-name"]);
    }

    #[test]
    fn a_task_without_lead_with_bad_budget_and_unreadable_deadline() {
        let mut plan = good_plan();
        let task = &mut plan.areas[0].tasks[0];
        task.lead_units = vec![" ".into()];
        task.budget = Budget::from_input("3.77.3");
        task.deadline = Deadline::new("lúc nào rảnh", 2024);
        let issues = validate(&plan);
        let fields: Vec<String> = issues.iter().map(|i| i.field.dom_id()).collect();
        assert_eq!(
            fields,
            [
                "area-0-task-0-lead",
                "area-0-task-0-deadline",
                "area-0-task-0-budget"
            ]
        );
        assert_eq!(issues[0].place, "Lĩnh vực 1, nhiệm vụ a");
        assert!(
            issues[2].message.contains("«3.77.3»"),
            "{}",
            issues[2].message
        );
    }

    #[test]
    fn a_note_in_place_of_a_budget_is_fine() {
        let mut plan = good_plan();
        plan.areas[0].tasks[0].budget = Budget::from_input("Theo dự trù kinh phí riêng");
        assert_eq!(validate(&plan), []);
    }

    #[test]
    fn a_deadline_outside_the_plan_year_is_reported() {
        let mut plan = good_plan();
        plan.areas[0].tasks[0].deadline = Deadline::new("Quý I/2023", 2024);
        let issues = validate(&plan);
        assert_eq!(issues.len(), 1);
        assert!(
            issues[0].message.contains("năm 2023"),
            "{}",
            issues[0].message
        );
        plan.areas[0].tasks[0].deadline = Deadline::new("Thường xuyên", 2024);
        assert_eq!(validate(&plan), []);
    }

    #[test]
    fn an_empty_area_is_reported_at_its_title() {
        let mut plan = good_plan();
        plan.areas.push(ReformArea {
            title: "Cải cách tài chính công".into(),
            ..ReformArea::default()
        });
        assert_eq!(fields(&plan), ["area-1-title"]);
        // Tasks of a sub-area count for the area above it.
        plan.areas[1].sub_areas.push(ReformArea {
            title: "Tài chính".into(),
            tasks: vec![good_task(2024)],
            ..ReformArea::default()
        });
        assert_eq!(validate(&plan), []);
    }

    #[test]
    fn a_sentence_only_task_leaves_its_lead_to_the_appendix_rows_of_the_plan() {
        let mut plan = good_plan();
        plan.areas[0].tasks[0] = Task {
            id: "t".into(),
            content: "Thực hiện nghiêm việc chuyển đổi vị trí công tác".into(),
            ..Task::default()
        };
        // With nowhere else to say who leads it, the body task is where the lead is missing.
        assert_eq!(fields(&plan), ["area-0-task-0-lead"]);
        let row = |lead: &str| Task {
            content: "Thực hiện nghiêm việc chuyển đổi vị trí công tác".into(),
            lead_units: vec![lead.into()],
            ..Task::default()
        };
        plan.appendices.push(AppendixTable {
            rows: AppendixRows::Own {
                groups: vec![AppendixGroup {
                    title: "CẢI CÁCH CÔNG VỤ".into(),
                    tasks: vec![row("Văn phòng xã"), row("")],
                    ..AppendixGroup::default()
                }],
            },
            ..AppendixTable::default()
        });
        // The appendix row says who leads; only its own row without a lead is reported, once.
        let issues = validate(&plan);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].field.dom_id(), "appendix-0-group-0-task-1-lead");
        assert_eq!(issues[0].place, "Phụ lục 1, nhóm I, dòng 2");
        // A body task with fields of its own, or shown in a key-task table, still needs a lead.
        plan.areas[0].tasks[0].deadline = Deadline::new("Quý I/2024", 2024);
        assert_eq!(fields(&plan)[0], "area-0-task-0-lead");
        plan.areas[0].tasks[0].deadline = Deadline::default();
        plan.areas[0].tasks[0].key_task = true;
        assert_eq!(fields(&plan)[0], "area-0-task-0-lead");
    }

    /// Template text left as it is (funding, reporting periods, legal bases, «(b/c)» lines)
    /// printed as if written, and nothing warned: each such field is listed, where it prints.
    #[test]
    fn template_text_not_yet_confirmed_is_listed_at_its_field_in_document_order() {
        let mut plan = crate::domain::template::new_commune_plan(2026, |kind| kind.to_string());
        let issues = validate(&plan);
        let at = |id: &str| issues.iter().position(|issue| issue.field.dom_id() == id);
        let funding = at("funding-0").expect("funding listed");
        assert_eq!(issues[funding].place, "Kinh phí");
        assert!(issues[funding].message.contains("Giữ nội dung mẫu"));
        let basis = at("bases-0").expect("basis listed");
        let first_area = at("area-0-title").expect("empty area listed");
        let recipient = at("recipients-0").expect("recipient listed");
        assert!(basis < first_area && first_area < funding && funding < recipient);
        assert!(at("reporting-3").is_some());
        // Confirmed or edited, it is no longer listed.
        let mark = crate::domain::template_marks::mark_of(&plan.funding[0]);
        crate::domain::template_marks::keep(&mut plan, &mark);
        plan.legal_bases[0].text.push_str(" (đã sửa)");
        let fields = fields(&plan);
        assert!(!fields.contains(&"funding-0".to_string()), "{fields:?}");
        assert!(!fields.contains(&"bases-0".to_string()), "{fields:?}");
        assert!(fields.contains(&"bases-1".to_string()), "{fields:?}");
    }

    /// Regression: a row without units in a table with one «Cơ quan thực hiện» column was
    /// pointed at its lead cell, which that table does not have, so the jump went nowhere.
    #[test]
    fn a_row_without_units_in_an_executor_table_points_at_its_executor_cell() {
        let mut plan = good_plan();
        plan.appendices.push(AppendixTable {
            columns: AppendixColumns::Executor,
            rows: AppendixRows::Own {
                groups: vec![AppendixGroup {
                    title: "CẢI CÁCH CÔNG VỤ".into(),
                    tasks: vec![Task {
                        content: "Rà soát vị trí việc làm".into(),
                        ..Task::default()
                    }],
                    ..AppendixGroup::default()
                }],
            },
            ..AppendixTable::default()
        });
        assert_eq!(fields(&plan), ["appendix-0-group-0-task-0-executor"]);
    }
}
