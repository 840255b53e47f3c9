//! Tiêu đề khi in: the heading each part of the plan prints with, and how the plan labels its
//! tasks' fields (cách ghi các mục của nhiệm vụ). Empty means the standard wording, which the
//! input shows as its placeholder; the line under it says what will print.

use leptos::prelude::*;

use super::Form;
use super::fields::{FieldIssue, clean};
use crate::document::{HeadingPart, TaskField, part_headings};
use crate::domain::Plan;

/// The id of the heading input of `part`, also its field key.
fn heading_id(part: HeadingPart) -> &'static str {
    match part {
        HeadingPart::PurposesAndRequirements => "heading-purposes-and-requirements",
        HeadingPart::Purposes => "heading-purposes",
        HeadingPart::Requirements => "heading-requirements",
        HeadingPart::Targets => "heading-targets",
        HeadingPart::Tasks => "heading-tasks",
        HeadingPart::Funding => "heading-funding",
        HeadingPart::Implementation => "heading-implementation",
    }
}

fn heading_label(part: HeadingPart) -> &'static str {
    match part {
        HeadingPart::Purposes => "Tiêu đề mục Mục đích",
        HeadingPart::Requirements => "Tiêu đề mục Yêu cầu",
        _ => "Tiêu đề phần khi in",
    }
}

/// What the heading of `part` prints as if left empty: the standard wording with the number
/// it would take, or, for a part with nothing in it yet, the wording alone.
fn standard_heading(plan: &Plan, part: HeadingPart) -> String {
    let mut headings = plan.headings.clone();
    part.written_mut(&mut headings).clear();
    part_headings(plan, &headings)
        .get(part)
        .map_or_else(|| part.standard().to_string(), |h| h.text.clone())
}

/// What the heading of `part` prints as now, or why nothing prints; for a section the drafter
/// titled, whether its Roman number is the one the order of the parts gives.
fn printed_heading(plan: &Plan, part: HeadingPart) -> String {
    let Some(heading) = part_headings(plan, &plan.headings).get(part).cloned() else {
        return "Phần này chưa có nội dung nên chưa in tiêu đề.".to_string();
    };
    let mut line = format!("Sẽ in: {}", heading.text);
    if part.is_section() && !part.written(&plan.headings).trim().is_empty() {
        let standard = standard_heading(plan, part);
        let expected = standard.split_once(". ").map_or("", |(number, _)| number);
        let written = heading
            .text
            .split_once('.')
            .map_or("", |(number, _)| number);
        if heading.level != 1 {
            line.push_str(" (không có số La Mã nên in như một mục nhỏ)");
        } else if written != expected && !expected.is_empty() {
            line.push_str(&format!(" (theo thứ tự các phần thì là số {expected})"));
        }
    }
    line
}

/// Tùy chỉnh khi in: the wordings a part prints with where they differ from the standard
/// ones (its headings; for the tasks' part also the labels of each task's fields), folded away
/// under the part's own fields so that the first thing a part shows is what to fill. Open from
/// the start when the plan has some of them written.
#[component]
pub fn PrintWording(
    parts: &'static [HeadingPart],
    #[prop(optional)] task_labels: bool,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let written = form.editor.plan.with_untracked(|plan| {
        parts
            .iter()
            .any(|part| !part.written(&plan.headings).trim().is_empty())
            || (task_labels
                && TaskField::ALL
                    .into_iter()
                    .any(|which| !which.label(&plan.task_labels).trim().is_empty()))
    });
    view! {
        <details class="print-wording" data-testid="print-wording" open=written>
            <summary>"Tùy chỉnh khi in"</summary>
            <PartHeadingFields parts=parts />
            {task_labels.then(|| view! { <TaskLabelFields /> })}
        </details>
    }
}

/// The heading inputs of one part of the form, with the rule of their numbering.
#[component]
fn PartHeadingFields(parts: &'static [HeadingPart]) -> impl IntoView {
    let section = parts.iter().any(|part| part.is_section());
    let rule = if section {
        "Tự đặt tiêu đề thì ghi cả số thứ tự như muốn in (ví dụ «II. CÁC CHỈ TIÊU CỤ THỂ»); \
         để trống thì in tiêu đề chuẩn, đánh số La Mã I, II, III… theo thứ tự các phần."
    } else {
        "Để trống thì in tiêu đề chuẩn."
    };
    view! {
        <div class="part-headings" data-testid="part-headings">
            <div class="form-grid">
                {parts.iter().map(|part| view! { <HeadingField part=*part /> }).collect_view()}
            </div>
            <p class="field-reading">{rule}</p>
        </div>
    }
}

#[component]
fn HeadingField(part: HeadingPart) -> impl IntoView {
    let form = expect_context::<Form>();
    let id = heading_id(part);
    let value = Memo::new(move |_| form.read(|plan| part.written(&plan.headings).to_string()));
    let placeholder = Memo::new(move |_| form.read(|plan| standard_heading(plan, part)));
    let printed = Memo::new(move |_| form.read(|plan| printed_heading(plan, part)));
    let on_input = move |typed: String| {
        form.type_into(id, move |plan| {
            *part.written_mut(&mut plan.headings) = typed
        });
    };
    view! {
        <div class="field">
            <WordingInput id=id label=heading_label(part) value=value placeholder=placeholder
                described=format!("{id}-printed {id}-issue") on_input=on_input />
            <p class="field-reading heading-printed" id=format!("{id}-printed")
                data-testid=format!("{id}-printed")>{printed}</p>
        </div>
    }
}

/// Cách ghi các mục của nhiệm vụ: the labels the plan's body gives each task's fields.
#[component]
fn TaskLabelFields() -> impl IntoView {
    let form = expect_context::<Form>();
    let field = move |which: TaskField| {
        let id = match which {
            TaskField::Lead => "task-label-lead",
            TaskField::Partner => "task-label-partner",
            TaskField::Output => "task-label-output",
            TaskField::Deadline => "task-label-deadline",
            TaskField::Budget => "task-label-budget",
        };
        let label = match which {
            TaskField::Lead => "Ghi cho cơ quan chủ trì",
            TaskField::Partner => "Ghi cho cơ quan phối hợp",
            TaskField::Output => "Ghi cho sản phẩm",
            TaskField::Deadline => "Ghi cho thời gian",
            TaskField::Budget => "Ghi cho kinh phí",
        };
        let value =
            Memo::new(move |_| form.read(|plan| which.label(&plan.task_labels).to_string()));
        let on_input = move |typed: String| {
            form.type_into(id, move |plan| {
                *which.label_mut(&mut plan.task_labels) = typed
            });
        };
        view! {
            <div class="field">
                <WordingInput id=id label=label value=value
                    placeholder=Signal::stored(which.standard_label().to_string())
                    described=format!("{id}-issue") on_input=on_input />
            </div>
        }
    };
    view! {
        <fieldset class="list-field task-labels" data-testid="task-labels">
            <legend>"Cách ghi các mục của nhiệm vụ"</legend>
            <p class="field-reading part-note">
                "Tên mỗi mục in trước nội dung của nó dưới từng nhiệm vụ, ví dụ «- Chủ trì thực hiện: …». \
                 Để trống thì in tên chuẩn."
            </p>
            <div class="form-grid">
                {TaskField::ALL.into_iter().map(field).collect_view()}
            </div>
        </fieldset>
    }
}

/// A labelled one-line input of a wording, with the standard wording as its placeholder.
#[component]
fn WordingInput(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] placeholder: Signal<String>,
    /// Ids of what describes the input: the line of what prints, the issue.
    described: String,
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    let form = expect_context::<Form>();
    view! {
        <label for=id>{label}</label>
        <input id=id type="text" data-testid=format!("field-{id}") prop:value=value
            placeholder=placeholder aria-describedby=described
            disabled=move || form.editor.is_locked()
            on:input=move |event| on_input(clean(event_target_value(&event))) />
        <FieldIssue id=id />
    }
}
