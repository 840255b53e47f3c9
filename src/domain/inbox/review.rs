//! Kiểm tra hồ sơ nhận được (a reviewer's checks): on a received plan, the drafter's own checks
//! (`domain::validation`) and those a Sở Nội vụ makes — every standard reform area there, the
//! text speaking of the right year, the budget adding up to the total the plan states. A
//! report's checks are in `report_review`.

use super::years::{TextKind, year_slips};
use crate::domain::budget::Decimal;
use crate::domain::field_key::{
    AreaField, FieldKey, HeaderField, PlanList, SignerField, TaskField,
};
use crate::domain::plan::{DocumentForm, Paragraph, Plan};
use crate::domain::report::Figure;
use crate::domain::slot::{area_slots, task_slots};
use crate::domain::task::AreaKind;
use crate::domain::validation::{Issue, task_place, validate};

/// Mức độ: what the reviewer does about a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Sai sót: the file should be sent again corrected.
    Error,
    /// Cần xem lại: worth a look, may be right.
    Warning,
}

impl Severity {
    /// The severity as the list writes it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Error => "Sai sót",
            Self::Warning => "Cần xem lại",
        }
    }
}

/// A part of a period report a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportPart {
    /// Số, ký hiệu.
    Number,
    /// Ngày ban hành.
    Date,
    /// Người ký.
    Signer,
    /// Thời gian chốt số liệu.
    DataPeriod,
    /// I. Công tác chỉ đạo, điều hành.
    Direction,
    /// III. Đánh giá chung.
    Assessment,
    /// IV. Phương hướng, nhiệm vụ kỳ tới.
    NextTasks,
    /// V. Kiến nghị, đề xuất.
    Proposals,
    /// One figure of the sheet.
    Figure(Figure),
}

/// Where a finding is, for the list to show and jump to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// A field of the plan, keyed as the drafter's checks and the editor key it.
    Plan(FieldKey),
    /// The reform areas as a whole (a standard area missing).
    Areas,
    /// A part of the report.
    Report(ReportPart),
}

/// Một điểm cần lưu ý: one finding of a review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub at: Place,
    /// Where, in words: «Lĩnh vực 2, nhiệm vụ b», «Số liệu».
    pub place: String,
    pub message: String,
}

pub(super) fn finding(severity: Severity, at: Place, place: &str, message: String) -> Finding {
    Finding {
        severity,
        at,
        place: place.to_string(),
        message,
    }
}

/// Every finding on a received plan: the drafter's checks first, in document order (a missing
/// number, signer or issuing body made errors, since what is sent up must be the signed
/// document), then the standard areas missing, the years that disagree with the plan's
/// ([`super::years`]) and a stated budget total that the tasks' budgets do not make.
pub fn review_plan(plan: &Plan) -> Vec<Finding> {
    let mut findings: Vec<Finding> = validate(plan).into_iter().map(drafter_issue).collect();
    missing_areas(plan, &mut findings);
    plan_years(plan, &mut findings);
    budget_totals(plan, &mut findings);
    findings
}

/// A drafter's issue as a reviewer's finding: a missing number, signer or issuing body is an
/// error; text still as the template wrote it (the only issue at a list item) is told as the
/// reviewer sees it, not with the drafter's button to keep it.
fn drafter_issue(issue: Issue) -> Finding {
    if let FieldKey::Item { .. } = issue.field {
        return finding(
            Severity::Warning,
            Place::Plan(issue.field),
            &issue.place,
            "Còn nguyên nội dung mẫu của ứng dụng: đơn vị chưa xem lại cho đúng với kế hoạch của \
             mình."
                .to_string(),
        );
    }
    let signed = match issue.field {
        FieldKey::Header(HeaderField::Number) => {
            Some("Kế hoạch gửi lên chưa có số văn bản: bản gửi phải là bản đã ký, đã có số.")
        }
        FieldKey::Signer {
            field: SignerField::Name,
            ..
        } => Some("Chưa có họ tên người ký: bản gửi phải là bản đã ký."),
        FieldKey::Header(HeaderField::IssuingBody) => {
            Some("Chưa có tên cơ quan ban hành, nên không biết hồ sơ của đơn vị nào.")
        }
        _ => None,
    };
    match signed {
        Some(message) => finding(
            Severity::Error,
            Place::Plan(issue.field),
            &issue.place,
            message.to_string(),
        ),
        None => Finding {
            severity: Severity::Warning,
            at: Place::Plan(issue.field),
            place: issue.place,
            message: issue.message,
        },
    }
}

/// One error per standard area ([`AreaKind::STANDARD`]) that no area or sub-area is.
fn missing_areas(plan: &Plan, findings: &mut Vec<Finding>) {
    let present: Vec<AreaKind> = area_slots(plan)
        .into_iter()
        .map(|(_, area)| area.standard_kind())
        .collect();
    for kind in AreaKind::STANDARD {
        if !present.contains(&kind) {
            findings.push(finding(
                Severity::Error,
                Place::Areas,
                "Nhiệm vụ và giải pháp",
                format!("Kế hoạch thiếu lĩnh vực «{}».", kind.standard_title()),
            ));
        }
    }
}

/// Each paragraph and its sub-items as one text.
fn paragraph_text(paragraph: &Paragraph) -> String {
    let mut text = paragraph.text.clone();
    for item in &paragraph.sub_items {
        text.push('\n');
        text.push_str(item);
    }
    text
}

/// A warning for each slip of `text` of a `document` («kế hoạch», «báo cáo») of `year` at `at`; `place` is worked out only for a text with one
/// (naming an appendix row's place lays out its table).
pub(super) fn slips_in(
    text: &str,
    (document, year): (&str, i32),
    kind: TextKind,
    at: Place,
    place: impl FnOnce() -> String,
    findings: &mut Vec<Finding>,
) {
    let slips = year_slips(text, year, kind);
    if slips.is_empty() {
        return;
    }
    let place = place();
    for slip in slips {
        findings.push(finding(
            Severity::Warning,
            at,
            &place,
            format!(
                "Ghi «năm {}» nhưng đây là {document} năm {year}: «{}». Có thể chép từ văn bản năm trước mà chưa sửa năm.",
                slip.year, slip.quote
            ),
        ));
    }
}

/// The year slips of the plan's own text: title, the decision's subject, purposes,
/// requirements, targets, areas' titles and intros, tasks and funding.
fn plan_years(plan: &Plan, findings: &mut Vec<Finding>) {
    let year = ("kế hoạch", plan.year);
    let header = "Thông tin chung";
    let field = |key| Place::Plan(key);
    slips_in(
        &plan.title,
        year,
        TextKind::Title,
        field(FieldKey::Header(HeaderField::Title)),
        || header.to_string(),
        findings,
    );
    if let DocumentForm::Decision(decision) = &plan.form {
        slips_in(
            &decision.subject,
            year,
            TextKind::Title,
            field(FieldKey::Header(HeaderField::DecisionSubject)),
            || "Quyết định ban hành".to_string(),
            findings,
        );
    }
    // A list of paragraphs, each its own item of the list's part.
    let paragraph_slips =
        |list: PlanList, paragraphs: &[Paragraph], findings: &mut Vec<Finding>| {
            for (index, paragraph) in paragraphs.iter().enumerate() {
                let at = field(FieldKey::Item { list, index });
                let text = paragraph_text(paragraph);
                let place = || list.part().into();
                slips_in(&text, year, TextKind::Body, at, place, findings);
            }
        };
    paragraph_slips(PlanList::Purposes, &plan.purposes, findings);
    paragraph_slips(PlanList::Requirements, &plan.requirements, findings);
    for (index, target) in plan.targets.iter().enumerate() {
        let list = PlanList::Targets;
        let at = field(FieldKey::Item { list, index });
        let text = std::iter::once(target.text.as_str())
            .chain(target.sub_items.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("\n");
        slips_in(
            &text,
            year,
            TextKind::Body,
            at,
            || list.part().into(),
            findings,
        );
    }
    for (slot, area) in area_slots(plan) {
        let place = || format!("Lĩnh vực {}", slot.number().trim_end_matches('.'));
        let texts = std::iter::once((AreaField::Title, area.title.clone())).chain(
            area.intro
                .iter()
                .map(|p| (AreaField::Intro, paragraph_text(p))),
        );
        for (part, text) in texts {
            let at = field(FieldKey::Area(slot, part));
            slips_in(&text, year, TextKind::Body, at, place, findings);
        }
    }
    for (slot, task) in task_slots(plan) {
        let texts = std::iter::once((TaskField::Content, &task.content))
            .chain(
                task.sub_items
                    .iter()
                    .map(|item| (TaskField::SubItems, item)),
            )
            .chain(
                task.outputs
                    .iter()
                    .map(|output| (TaskField::Output, output)),
            );
        for (part, text) in texts {
            let at = field(FieldKey::Task(slot, part));
            let place = || task_place(plan, slot, task);
            slips_in(text, year, TextKind::Body, at, place, findings);
        }
    }
    paragraph_slips(PlanList::Funding, &plan.funding, findings);
}

/// The total a funding text states: the first amount in «triệu đồng» after «tổng kinh phí»
/// («Tổng kinh phí thực hiện: 250 triệu đồng»), read the Vietnamese way.
fn stated_total(text: &str) -> Option<Decimal> {
    let lower = text.to_lowercase();
    let after = ["tổng kinh phí", "tổng số kinh phí", "tổng dự toán"]
        .iter()
        .find_map(|words| lower.find(words).map(|at| &lower[at + words.len()..]))?;
    // The amount is in the same clause, up to «;» or the line's end («.» groups thousands).
    let clause = after.split([';', '\n']).next().unwrap_or(after);
    let before = clause[..clause.find("triệu")?].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ' ')))
        .map_or(0, |(at, c)| at + c.len_utf8());
    Decimal::parse_vi(before[start..].trim()).ok()
}

/// An error where the funding states a total the tasks' budgets do not make. The tasks'
/// budgets are those of the areas' tasks and of appendices' own rows, each once (a key-task
/// table shows area tasks again and adds nothing).
fn budget_totals(plan: &Plan, findings: &mut Vec<Finding>) {
    let stated = plan
        .funding
        .iter()
        .enumerate()
        .find_map(|(index, paragraph)| Some((index, stated_total(&paragraph_text(paragraph))?)));
    let Some((index, stated)) = stated else {
        return;
    };
    let budget = super::consolidate::plan_budget(plan);
    let (sum, notes) = (budget.total, budget.notes + budget.unreadable);
    if sum == stated {
        return;
    }
    let aside = if notes > 0 {
        format!(" (chưa kể {notes} nhiệm vụ có kinh phí không phải là số)")
    } else {
        String::new()
    };
    findings.push(finding(
        Severity::Error,
        Place::Plan(FieldKey::Item {
            list: PlanList::Funding,
            index,
        }),
        PlanList::Funding.part(),
        format!(
            "Tổng kinh phí ghi {} triệu đồng, nhưng kinh phí các nhiệm vụ cộng lại là {} triệu đồng{aside}.",
            stated.format_vi(),
            sum.format_vi()
        ),
    ));
}
