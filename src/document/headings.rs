//! Tiêu đề các phần (part headings) as the plan prints them: the drafter's own wording as
//! written, or the standard wording numbered I., II. … in sequence; and the standard labels of
//! a task's fields (Cơ quan chủ trì …). The print layout and the editor's hints both read here.

use crate::domain::numbering::roman;
use crate::domain::{Headings, PartAnchor, Plan, TaskLabels};

/// A part of the plan's body that prints under a heading of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingPart {
    /// I. Mục đích, yêu cầu (a Roman-numbered section).
    PurposesAndRequirements,
    /// 1. Mục đích (under the section above).
    Purposes,
    /// 2. Yêu cầu (under the section above).
    Requirements,
    Targets,
    /// Nhiệm vụ và giải pháp: the reform areas.
    Tasks,
    Funding,
    Implementation,
}

impl HeadingPart {
    /// The standard wording, without its number.
    pub fn standard(self) -> &'static str {
        match self {
            Self::PurposesAndRequirements => "MỤC ĐÍCH, YÊU CẦU",
            Self::Purposes => "Mục đích",
            Self::Requirements => "Yêu cầu",
            Self::Targets => "CHỈ TIÊU CỤ THỂ",
            Self::Tasks => "NHIỆM VỤ VÀ GIẢI PHÁP",
            Self::Funding => "KINH PHÍ THỰC HIỆN",
            Self::Implementation => "TỔ CHỨC THỰC HIỆN",
        }
    }

    /// Whether the part is a Roman-numbered section (I., II.) rather than a numbered sub-part.
    pub fn is_section(self) -> bool {
        !matches!(self, Self::Purposes | Self::Requirements)
    }

    /// The heading the drafter wrote for this part ("" for the standard one).
    pub fn written(self, headings: &Headings) -> &str {
        match self {
            Self::PurposesAndRequirements => &headings.purposes_and_requirements,
            Self::Purposes => &headings.purposes,
            Self::Requirements => &headings.requirements,
            Self::Targets => &headings.targets,
            Self::Tasks => &headings.tasks,
            Self::Funding => &headings.funding,
            Self::Implementation => &headings.implementation,
        }
    }

    pub fn written_mut(self, headings: &mut Headings) -> &mut String {
        match self {
            Self::PurposesAndRequirements => &mut headings.purposes_and_requirements,
            Self::Purposes => &mut headings.purposes,
            Self::Requirements => &mut headings.requirements,
            Self::Targets => &mut headings.targets,
            Self::Tasks => &mut headings.tasks,
            Self::Funding => &mut headings.funding,
            Self::Implementation => &mut headings.implementation,
        }
    }
}

/// A heading as printed: its level (1 for I., 2 for 1., 3 for 7.1.) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedHeading {
    pub level: u8,
    pub text: String,
}

/// The heading each part of the plan prints with; `None` for a part with nothing in it, which
/// prints no heading at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartHeadings {
    parts: Vec<(HeadingPart, PrintedHeading)>,
}

impl PartHeadings {
    pub fn get(&self, part: HeadingPart) -> Option<&PrintedHeading> {
        self.parts
            .iter()
            .find(|(which, _)| *which == part)
            .map(|(_, heading)| heading)
    }
}

/// The headings `plan` prints with when its headings are written as `written` (usually
/// `plan.headings`; the editor passes others to show what an empty heading would print).
/// Sections the drafter numbered, standard parts and extra sections all count towards the
/// Roman numbers, in the order the body prints them.
pub fn part_headings(plan: &Plan, written: &Headings) -> PartHeadings {
    let mut walk = Walk {
        written,
        sections: 0,
        out: PartHeadings::default(),
    };
    walk.extras(plan, PartAnchor::LegalBases);
    let (purposes, requirements) = (!plan.purposes.is_empty(), !plan.requirements.is_empty());
    if purposes || requirements {
        walk.section(HeadingPart::PurposesAndRequirements);
        if purposes {
            walk.sub(HeadingPart::Purposes, 1);
        }
        if requirements {
            walk.sub(HeadingPart::Requirements, if purposes { 2 } else { 1 });
        }
    }
    walk.extras(plan, PartAnchor::Requirements);
    if !plan.targets.is_empty() {
        walk.section(HeadingPart::Targets);
    }
    walk.extras(plan, PartAnchor::Targets);
    if !plan.areas.is_empty() {
        walk.section(HeadingPart::Tasks);
    }
    walk.extras(plan, PartAnchor::Areas);
    if !plan.funding.is_empty() {
        walk.section(HeadingPart::Funding);
    }
    walk.extras(plan, PartAnchor::Funding);
    if !plan.implementation.is_empty() {
        walk.section(HeadingPart::Implementation);
    }
    walk.out
}

/// The body's parts in print order, counting the Roman-numbered sections met so far.
struct Walk<'a> {
    written: &'a Headings,
    sections: usize,
    out: PartHeadings,
}

impl Walk<'_> {
    fn section(&mut self, part: HeadingPart) {
        let written = part.written(self.written).trim();
        let heading = if written.is_empty() {
            self.sections += 1;
            PrintedHeading {
                level: 1,
                text: format!("{}. {}", roman(self.sections), part.standard()),
            }
        } else {
            let level = heading_level(written);
            if level == 1 {
                self.sections += 1;
            }
            PrintedHeading {
                level,
                text: written.to_string(),
            }
        };
        self.out.parts.push((part, heading));
    }

    fn sub(&mut self, part: HeadingPart, number: usize) {
        let written = part.written(self.written).trim();
        let text = if written.is_empty() {
            format!("{number}. {}", part.standard())
        } else {
            written.to_string()
        };
        let level = heading_level(&text).max(2);
        self.out.parts.push((part, PrintedHeading { level, text }));
    }

    /// Extra sections print their headings as written; a Roman-numbered one takes a number.
    fn extras(&mut self, plan: &Plan, anchor: PartAnchor) {
        let numbered = plan
            .extra_sections
            .iter()
            .filter(|extra| extra.after == anchor)
            .filter(|extra| {
                let heading = extra.heading.trim();
                !heading.is_empty() && heading_level(heading) == 1
            })
            .count();
        self.sections += numbered;
    }
}

/// The level of a heading as written: "II. …" is 1, "2. …" is 2, "7.1. …" is 3.
pub fn heading_level(text: &str) -> u8 {
    let head: String = text
        .chars()
        .take_while(|c| !matches!(c, '.' | ' ' | ':'))
        .collect();
    let next = text[head.len()..].chars().next();
    let rest = &text[head.len()..];
    if !head.is_empty() && head.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
        return 1;
    }
    if !head.is_empty() && head.chars().all(|c| c.is_ascii_digit()) {
        // "7.1." names a sub-area.
        let deeper = next == Some('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
        return if deeper { 3 } else { 2 };
    }
    2
}

/// A field of a task that the body prints on a line of its own ("- Cơ quan chủ trì: …").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskField {
    Lead,
    Partner,
    Output,
    Deadline,
    Budget,
}

impl TaskField {
    pub const ALL: [TaskField; 5] = [
        Self::Lead,
        Self::Partner,
        Self::Output,
        Self::Deadline,
        Self::Budget,
    ];

    /// The label printed when neither the task nor the plan names one.
    pub fn standard_label(self) -> &'static str {
        match self {
            Self::Lead => "Cơ quan chủ trì",
            Self::Partner => "Cơ quan phối hợp",
            Self::Output => "Sản phẩm",
            Self::Deadline => "Thời gian thực hiện",
            Self::Budget => "Kinh phí",
        }
    }

    /// The label `labels` give this field ("" for none).
    pub fn label(self, labels: &TaskLabels) -> &str {
        match self {
            Self::Lead => &labels.lead,
            Self::Partner => &labels.partner,
            Self::Output => &labels.output,
            Self::Deadline => &labels.deadline,
            Self::Budget => &labels.budget,
        }
    }

    pub fn label_mut(self, labels: &mut TaskLabels) -> &mut String {
        match self {
            Self::Lead => &mut labels.lead,
            Self::Partner => &mut labels.partner,
            Self::Output => &mut labels.output,
            Self::Deadline => &mut labels.deadline,
            Self::Budget => &mut labels.budget,
        }
    }

    /// The label printed for this field of a task: the task's own, else the plan's, else the
    /// standard one.
    pub fn printed<'a>(self, task: &'a TaskLabels, plan: &'a TaskLabels) -> &'a str {
        [self.label(task).trim(), self.label(plan).trim()]
            .into_iter()
            .find(|label| !label.is_empty())
            .unwrap_or(self.standard_label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ExtraSection, Paragraph, ReformArea, Target};

    fn paragraph(text: &str) -> Paragraph {
        Paragraph {
            text: text.into(),
            ..Paragraph::default()
        }
    }

    fn plan() -> Plan {
        Plan {
            purposes: vec![paragraph("Mục đích")],
            requirements: vec![paragraph("Yêu cầu")],
            targets: vec![Target::default()],
            areas: vec![ReformArea::default()],
            funding: vec![paragraph("Ngân sách")],
            ..Plan::default()
        }
    }

    fn text(headings: &PartHeadings, part: HeadingPart) -> Option<&str> {
        headings.get(part).map(|heading| heading.text.as_str())
    }

    #[test]
    fn heading_levels_follow_the_numbering_written() {
        assert_eq!(heading_level("II. CÁC CHỈ TIÊU CỤ THỂ"), 1);
        assert_eq!(heading_level("IV. KINH PHÍ"), 1);
        assert_eq!(heading_level("1. Mục đích"), 2);
        assert_eq!(heading_level("7.1. Ứng dụng công nghệ thông tin"), 3);
        assert_eq!(heading_level("Mục tiêu chung"), 2);
        assert_eq!(heading_level("Ít nhất"), 2);
    }

    #[test]
    fn standard_headings_are_numbered_in_sequence_skipping_empty_parts() {
        let plan = plan();
        let headings = part_headings(&plan, &plan.headings);
        use HeadingPart::*;
        assert_eq!(
            text(&headings, PurposesAndRequirements),
            Some("I. MỤC ĐÍCH, YÊU CẦU")
        );
        assert_eq!(text(&headings, Purposes), Some("1. Mục đích"));
        assert_eq!(text(&headings, Requirements), Some("2. Yêu cầu"));
        assert_eq!(text(&headings, Targets), Some("II. CHỈ TIÊU CỤ THỂ"));
        assert_eq!(text(&headings, Tasks), Some("III. NHIỆM VỤ VÀ GIẢI PHÁP"));
        assert_eq!(text(&headings, Funding), Some("IV. KINH PHÍ THỰC HIỆN"));
        // Nothing under Tổ chức thực hiện: no heading for it.
        assert_eq!(text(&headings, Implementation), None);
    }

    #[test]
    fn written_and_extra_roman_headings_move_the_standard_numbers_on() {
        let mut plan = plan();
        plan.requirements.clear();
        plan.headings.targets = "2. Một số chỉ tiêu".into();
        plan.extra_sections.push(ExtraSection {
            heading: "II. MỤC TIÊU CHUNG".into(),
            after: PartAnchor::Requirements,
            paragraphs: vec![paragraph("…")],
        });
        let headings = part_headings(&plan, &plan.headings);
        use HeadingPart::*;
        assert_eq!(text(&headings, Purposes), Some("1. Mục đích"));
        assert_eq!(text(&headings, Requirements), None);
        let targets = headings.get(Targets).cloned();
        assert_eq!(
            targets,
            Some(PrintedHeading {
                level: 2,
                text: "2. Một số chỉ tiêu".into()
            })
        );
        assert_eq!(text(&headings, Tasks), Some("III. NHIỆM VỤ VÀ GIẢI PHÁP"));
    }

    #[test]
    fn task_labels_fall_back_from_the_task_to_the_plan_to_the_standard() {
        let task = TaskLabels {
            lead: "Cơ quan tham mưu".into(),
            ..TaskLabels::default()
        };
        let plan = TaskLabels {
            lead: "Chủ trì thực hiện".into(),
            partner: "Phối hợp".into(),
            ..TaskLabels::default()
        };
        assert_eq!(TaskField::Lead.printed(&task, &plan), "Cơ quan tham mưu");
        assert_eq!(TaskField::Partner.printed(&task, &plan), "Phối hợp");
        assert_eq!(
            TaskField::Deadline.printed(&task, &plan),
            "Thời gian thực hiện"
        );
    }
}
