//! So sánh bản gửi lại (a resubmission compared): what changed between two versions of one
//! commune's plan — the plan's own fields, and tasks added, removed or changed field by field.

use std::collections::{HashMap, VecDeque};

use crate::domain::field_key::{HeaderField, TaskField};
use crate::domain::plan::{DocumentForm, Paragraph, PartialDate, Plan, Signer};
use crate::domain::slot::{TaskSlot, task_slots};
use crate::domain::task::Task;
use crate::domain::text;
use crate::domain::validation::task_place;

/// One field that changed: its label and both values as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub label: &'static str,
    pub before: String,
    pub after: String,
}

/// A task as a comparison names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskRef {
    pub id: String,
    /// «Lĩnh vực 2, nhiệm vụ b», in its own version.
    pub place: String,
    /// The title of its area (or of its appendix group).
    pub area: String,
    pub content: String,
}

/// A task found in both versions, with the fields that differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskChange {
    pub before: TaskRef,
    pub after: TaskRef,
    pub fields: Vec<FieldChange>,
}

/// Những thay đổi giữa hai bản: plan fields in form order, tasks added (in the newer
/// version's order), removed (in the older's) and changed (in the newer's).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanChanges {
    pub plan_fields: Vec<FieldChange>,
    pub added: Vec<TaskRef>,
    pub removed: Vec<TaskRef>,
    pub changed: Vec<TaskChange>,
}

impl PlanChanges {
    /// Whether the two versions say the same.
    pub fn is_empty(&self) -> bool {
        self.plan_fields.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
    }
}

/// How a field of a `T` is shown in a comparison.
type Shown<T> = fn(&T) -> String;

fn push_change(out: &mut Vec<FieldChange>, label: &'static str, before: String, after: String) {
    if before != after {
        out.push(FieldChange {
            label,
            before,
            after,
        });
    }
}

fn date_text(date: PartialDate) -> String {
    let part = |value: Option<u32>| value.map_or("…".to_string(), |v| format!("{v:02}"));
    let year = date.year.map_or("…".to_string(), |year| year.to_string());
    format!(
        "{}/{}/{year}",
        part(date.day.map(u32::from)),
        part(date.month.map(u32::from))
    )
}

fn signer_text(signer: &Signer) -> String {
    let mut parts = vec![signer.authority.prefix().to_string()];
    parts.extend([&signer.on_behalf_of, &signer.title, &signer.name].map(|s| s.trim().to_string()));
    parts.retain(|part| !part.is_empty());
    parts.join(" ")
}

fn paragraphs_text(paragraphs: &[Paragraph]) -> String {
    let mut lines = Vec::new();
    for paragraph in paragraphs {
        lines.push(paragraph.text.clone());
        lines.extend(paragraph.sub_items.iter().cloned());
    }
    lines.join("\n")
}

/// The plan's own fields that differ, in the order the form shows them.
fn plan_fields(before: &Plan, after: &Plan) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let subject = |plan: &Plan| match &plan.form {
        DocumentForm::Decision(decision) => decision.subject.clone(),
        DocumentForm::Standalone => String::new(),
    };
    let signer = |plan: &Plan| match &plan.form {
        DocumentForm::Decision(decision) if plan.signer.is_empty() => signer_text(&decision.signer),
        _ => signer_text(&plan.signer),
    };
    let fields: [(&'static str, Shown<Plan>); 10] = [
        (HeaderField::IssuingBody.label(), |p| p.issuing_body.clone()),
        ("Số, ký hiệu", |p| {
            format!("{}/{}", p.number.number.trim(), p.number.symbol.trim())
        }),
        ("Địa danh", |p| p.place.clone()),
        ("Ngày ban hành", |p| date_text(p.date)),
        (HeaderField::Year.label(), |p| p.year.to_string()),
        (HeaderField::Title.label(), |p| p.title.clone()),
        ("Mục đích", |p| paragraphs_text(&p.purposes)),
        ("Yêu cầu", |p| paragraphs_text(&p.requirements)),
        ("Chỉ tiêu", |p| {
            let lines: Vec<&str> = p.targets.iter().map(|t| t.text.as_str()).collect();
            lines.join("\n")
        }),
        ("Kinh phí thực hiện", |p| paragraphs_text(&p.funding)),
    ];
    for (label, read) in fields {
        push_change(&mut out, label, read(before), read(after));
    }
    push_change(
        &mut out,
        HeaderField::DecisionSubject.label(),
        subject(before),
        subject(after),
    );
    push_change(&mut out, "Người ký", signer(before), signer(after));
    out
}

/// The title of the area or appendix group a task sits in.
fn area_title(plan: &Plan, slot: TaskSlot) -> String {
    match slot {
        TaskSlot::Area { area, .. } => area.get(plan).map(|a| a.title.clone()),
        TaskSlot::Appendix { group, .. } => group.get(plan).map(|g| g.title.clone()),
    }
    .unwrap_or_default()
}

fn task_ref(plan: &Plan, slot: TaskSlot, task: &Task) -> TaskRef {
    TaskRef {
        id: task.id.clone(),
        place: task_place(plan, slot, task),
        area: area_title(plan, slot),
        content: task.content.clone(),
    }
}

/// Vai trò khác, one line each: «Cơ quan thực hiện: Phòng Nội vụ; UBND các xã».
fn roles_text(task: &Task) -> String {
    let roles: Vec<String> = task
        .other_roles
        .iter()
        .map(|role| format!("{}: {}", role.label, role.units.join("; ")))
        .collect();
    roles.join("\n")
}

/// The fields of a task that differ, in the form's order; a move to another area too.
fn task_fields(before: &Task, after: &Task, areas: (String, String)) -> Vec<FieldChange> {
    let mut out = Vec::new();
    push_change(&mut out, "Lĩnh vực", areas.0, areas.1);
    let fields: [(TaskField, Shown<Task>); 9] = [
        (TaskField::Content, |t| t.content.clone()),
        (TaskField::SubItems, |t| t.sub_items.join("\n")),
        (TaskField::Lead, |t| t.lead_units.join("\n")),
        (TaskField::Partner, |t| t.partner_units.join("\n")),
        (TaskField::OtherRoles, roles_text),
        (TaskField::Output, |t| t.outputs.join("\n")),
        (TaskField::Deadline, |t| t.deadline.text.clone()),
        (TaskField::Budget, |t| t.budget.display()),
        (TaskField::KeyTask, |t| {
            if t.key_task { "Có" } else { "Không" }.to_string()
        }),
    ];
    for (field, read) in fields {
        push_change(&mut out, field.label(), read(before), read(after));
    }
    out
}

/// The ids used once among `slots`, with their positions; an id used twice maps to `None`.
fn unique_ids<'a>(slots: &[(TaskSlot, &'a Task)]) -> HashMap<&'a str, Option<usize>> {
    let mut ids: HashMap<&'a str, Option<usize>> = HashMap::new();
    for (at, (_, task)) in slots.iter().enumerate() {
        if !task.id.trim().is_empty() {
            ids.entry(task.id.as_str())
                .and_modify(|seen| *seen = None)
                .or_insert(Some(at));
        }
    }
    ids
}

/// Compares two versions of a plan. Tasks are matched by id where both versions give the same
/// one (an id used once in each); the rest by their content, accents, case and spacing aside,
/// in document order. Linear in the tasks: each content is keyed once.
pub fn compare_plans(before: &Plan, after: &Plan) -> PlanChanges {
    let old = task_slots(before);
    let new = task_slots(after);
    let old_ids = unique_ids(&old);
    let new_ids = unique_ids(&new);
    let mut partner_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut matched_old = vec![false; old.len()];
    for (at, (_, task)) in old.iter().enumerate() {
        let id = task.id.as_str();
        if let (Some(Some(_)), Some(Some(there))) = (old_ids.get(id), new_ids.get(id)) {
            partner_of_new[*there] = Some(at);
            matched_old[at] = true;
        }
    }
    let mut by_content: HashMap<String, VecDeque<usize>> = HashMap::new();
    for (at, (_, task)) in old.iter().enumerate() {
        if !matched_old[at] {
            by_content
                .entry(text::search_key(&task.content))
                .or_default()
                .push_back(at);
        }
    }
    for (at, (_, task)) in new.iter().enumerate() {
        if partner_of_new[at].is_none()
            && let Some(found) = by_content
                .get_mut(&text::search_key(&task.content))
                .and_then(VecDeque::pop_front)
        {
            partner_of_new[at] = Some(found);
            matched_old[found] = true;
        }
    }
    let mut changes = PlanChanges {
        plan_fields: plan_fields(before, after),
        ..PlanChanges::default()
    };
    for (at, (slot, task)) in new.iter().enumerate() {
        let Some(old_at) = partner_of_new[at] else {
            changes.added.push(task_ref(after, *slot, task));
            continue;
        };
        let (old_slot, old_task) = old[old_at];
        let areas = (area_title(before, old_slot), area_title(after, *slot));
        let fields = task_fields(old_task, task, areas);
        if !fields.is_empty() {
            changes.changed.push(TaskChange {
                before: task_ref(before, old_slot, old_task),
                after: task_ref(after, *slot, task),
                fields,
            });
        }
    }
    for (at, (slot, task)) in old.iter().enumerate() {
        if !matched_old[at] {
            changes.removed.push(task_ref(before, *slot, task));
        }
    }
    changes
}
