//! A resubmission compared with the version before it (issue #22): plan fields, tasks added,
//! removed and changed field by field, matched by id and then by content.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::domain::inbox::{FieldChange, compare_plans};
use kehoach::domain::{Budget, Deadline, Task};

use common::sample;

fn change(label: &'static str, before: &str, after: &str) -> FieldChange {
    FieldChange {
        label,
        before: before.to_string(),
        after: after.to_string(),
    }
}

#[test]
fn the_same_plan_has_no_change() {
    let plan = sample("tinh-minh-commune-2024");
    assert!(compare_plans(&plan, &plan).is_empty());
}

#[test]
fn plan_fields_changed_are_listed_with_their_labels_in_form_order() {
    let before = sample("son-chau-commune-2022");
    let mut after = before.clone();
    after.number.number = "07".into();
    after.title = "Cải cách hành chính năm 2022 xã Sơn Châu".into();
    after.signer.name = "Nguyễn Văn A".into();
    let changes = compare_plans(&before, &after);
    assert_eq!(
        changes.plan_fields,
        [
            change("Số, ký hiệu", "06/KH-UBND", "07/KH-UBND"),
            change(
                "Trích yếu",
                "Thực hiện công tác cải cách hành chính năm 2022",
                "Cải cách hành chính năm 2022 xã Sơn Châu"
            ),
            change(
                "Người ký",
                "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Hồ Phạm Tuấn",
                "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn A"
            ),
        ]
    );
    assert!(changes.added.is_empty() && changes.removed.is_empty());
}

#[test]
fn tasks_added_removed_and_changed_field_by_field() {
    let before = sample("tinh-minh-commune-2024");
    let mut after = before.clone();
    // Changed: deadline, budget and lead of the first task, kept by its id.
    let first = &mut after.areas[0].tasks[0];
    first.deadline = Deadline::new("Quý II/2024", 2024);
    first.budget = Budget::from_input("15,5");
    first.lead_units = vec!["Công chức Tư pháp - Hộ tịch".into()];
    let first_id = first.id.clone();
    // Removed: the second task of the second area.
    let gone = after.areas[1].tasks.remove(1);
    // Added: a new task at the end of the last area.
    after.areas.last_mut().expect("areas").tasks.push(Task {
        id: "moi-1".into(),
        content: "Tổ chức hội nghị tổng kết công tác cải cách hành chính".into(),
        ..Task::default()
    });
    // Moved to another area with a new id but the same words: matched by its content.
    let mut moved = after.areas[2].tasks.remove(0);
    let moved_content = moved.content.clone();
    moved.id = "id-khac".into();
    moved.content = format!("  {}", moved.content.to_uppercase());
    after.areas[3].tasks.insert(0, moved);

    let changes = compare_plans(&before, &after);
    assert!(changes.plan_fields.is_empty());
    let added: Vec<&str> = changes.added.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(added, ["moi-1"]);
    assert_eq!(
        changes.added[0].place,
        format!(
            "Lĩnh vực {}, nhiệm vụ {}",
            after.areas.len(),
            letter(after.areas.last().expect("areas").tasks.len() - 1)
        )
    );
    let removed: Vec<&str> = changes.removed.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(removed, [gone.id.as_str()]);
    assert_eq!(changes.removed[0].place, "Lĩnh vực 2, nhiệm vụ b");

    assert_eq!(changes.changed.len(), 2, "{:?}", changes.changed);
    let first = &changes.changed[0];
    assert_eq!(first.after.id, first_id);
    let labels: Vec<&str> = first.fields.iter().map(|f| f.label).collect();
    assert_eq!(
        labels,
        [
            "Cơ quan chủ trì",
            "Thời gian thực hiện",
            "Kinh phí (triệu đồng)"
        ]
    );
    assert_eq!(first.fields[1].after, "Quý II/2024");
    assert_eq!(first.fields[2].after, "15,5");

    let moved = &changes.changed[1];
    assert_eq!(moved.before.content, moved_content);
    assert_eq!(moved.fields[0].label, "Lĩnh vực");
    assert_eq!(moved.fields[0].before, before.areas[2].title);
    assert_eq!(moved.fields[0].after, before.areas[3].title);
    assert_eq!(moved.fields[1].label, "Nội dung");
}

#[test]
fn the_order_is_the_same_whichever_run() {
    let before = sample("son-tay-district-2023");
    let mut after = before.clone();
    for area in &mut after.areas {
        area.tasks.reverse();
        if let Some(task) = area.tasks.first_mut() {
            task.key_task = !task.key_task;
        }
    }
    let first = compare_plans(&before, &after);
    for _ in 0..5 {
        assert_eq!(compare_plans(&before, &after), first);
    }
    assert_eq!(
        first.changed.len(),
        after.areas.iter().filter(|a| !a.tasks.is_empty()).count()
    );
    assert!(
        first
            .changed
            .iter()
            .all(|c| c.fields.len() == 1 && c.fields[0].label == "Nhiệm vụ trọng tâm")
    );
}

fn letter(index: usize) -> String {
    kehoach::domain::numbering::point_letter(index)
}
