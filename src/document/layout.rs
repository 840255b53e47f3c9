//! From a plan to the blocks of its document: the decision (quyết định) where there is one,
//! the plan (kế hoạch) part by part in the order the document prints them, then the appendices.

use super::headings::{HeadingPart, PartHeadings, TaskField, heading_level, part_headings};
use super::table::appendix_section;
use super::wording::{body_lines, date_line, document_number, sentence, short_date};
use super::{
    Block, Closing, Document, Header, MOTTO, NATION, Orientation, Paragraph, Role, Run, Section,
    SectionKind, Signature, Title,
};
use crate::domain::budget::Budget;
use crate::domain::numbering::marked;
use crate::domain::numbering::point_label;
use crate::domain::slot::area_slots;
use crate::domain::units;
use crate::domain::{
    Decision, DocumentForm, DocumentNumber, ExtraSection, LegalBasis, PartAnchor, PartialDate,
    Plan, Recipient, ReformArea, Responsibility, RoleLine, Signer, Task, TaskLabels,
};

/// The document `plan` prints as.
pub fn layout(plan: &Plan) -> Document {
    let mut sections = Vec::new();
    let decision = match &plan.form {
        DocumentForm::Decision(decision) => Some(decision.as_ref()),
        DocumentForm::Standalone => None,
    };
    if let Some(decision) = decision {
        sections.push(decision_section(plan, decision));
    }
    sections.push(plan_section(plan, decision));
    sections.extend(
        plan.appendices
            .iter()
            .map(|table| appendix_section(plan, table, decision)),
    );
    Document { sections }
}

/// The header of a document with its own number and date.
fn full_header(plan: &Plan) -> Header {
    header(plan, &plan.number, &plan.place, &plan.date)
}

/// The header of a document `plan`'s issuer sends: its bodies and the motto over `number`,
/// `place` and `date` (the plan's own, or a report's).
pub(super) fn header(
    plan: &Plan,
    number: &DocumentNumber,
    place: &str,
    date: &PartialDate,
) -> Header {
    Header {
        superior_body: body_lines(&plan.superior_body),
        issuing_body: body_lines(&plan.issuing_body),
        number_line: Some(document_number(number)),
        nation: NATION,
        motto: MOTTO,
        place_date: Some(date_line(place, date)),
    }
}

/// Quyết định ban hành kế hoạch: bases, proposal, articles, recipients, signature.
fn decision_section(plan: &Plan, decision: &Decision) -> Section {
    let mut blocks = vec![
        Block::Header(full_header(plan)),
        Block::Title(Title {
            kind: "QUYẾT ĐỊNH".into(),
            subject: non_empty(&decision.subject),
        }),
    ];
    if !decision.authority.trim().is_empty() {
        blocks.push(Block::Paragraph(Paragraph {
            role: Role::Centered,
            runs: vec![Run::bold(decision.authority.trim().to_uppercase())],
        }));
    }
    for basis in &decision.legal_bases {
        blocks.push(basis_line(basis));
    }
    if !decision.proposal.trim().is_empty() {
        blocks.push(italic_body(&sentence(&decision.proposal)));
    }
    blocks.push(Block::Paragraph(Paragraph {
        role: Role::Centered,
        runs: vec![Run::bold("QUYẾT ĐỊNH:")],
    }));
    for (index, article) in decision.articles.iter().enumerate() {
        blocks.push(Block::Paragraph(Paragraph {
            role: Role::Body,
            runs: vec![
                Run::bold(format!("Điều {}. ", index + 1)),
                Run::plain(article.trim()),
            ],
        }));
    }
    blocks.extend(closing(&decision.recipients, &decision.signer));
    Section {
        kind: SectionKind::Decision,
        orientation: Orientation::Portrait,
        blocks,
    }
}

/// The line under an attached plan's subject: as written, or derived from the decision.
fn plan_attachment_line(plan: &Plan, decision: &Decision) -> String {
    if !decision.attachment_line.trim().is_empty() {
        return decision.attachment_line.trim().to_string();
    }
    format!(
        "(Ban hành kèm theo Quyết định số {}/{} ngày {} của {})",
        plan.number.number.trim(),
        plan.number.symbol.trim(),
        short_date(&plan.date),
        issuer_in_text(plan, decision.by_chairman()),
    )
}

/// The issuer as running text names it: "Chủ tịch UBND huyện Sơn Tây", "UBND xã Sơn Châu".
pub(super) fn issuer_in_text(plan: &Plan, chairman: bool) -> String {
    let locality = format!(
        "{} {}",
        plan.locality.kind.word(),
        plan.locality.name.trim()
    );
    if chairman {
        format!("Chủ tịch UBND {locality}")
    } else {
        format!("UBND {locality}")
    }
}

/// Kế hoạch: its header and title, then every part in order, then its closing.
fn plan_section(plan: &Plan, decision: Option<&Decision>) -> Section {
    let header = match decision {
        // The attached plan repeats the bodies and the motto but has no number or date of its
        // own: those are the decision's.
        Some(_) => Header {
            number_line: None,
            place_date: None,
            ..full_header(plan)
        },
        None => full_header(plan),
    };
    let mut blocks = vec![
        Block::Header(header),
        Block::Title(Title {
            kind: "KẾ HOẠCH".into(),
            subject: non_empty(&plan.title),
        }),
    ];
    if let Some(decision) = decision {
        blocks.push(Block::Paragraph(Paragraph {
            role: Role::Centered,
            runs: vec![Run::italic(plan_attachment_line(plan, decision))],
        }));
    }
    let mut body = Body {
        blocks,
        headings: part_headings(plan, &plan.headings),
    };
    body.legal_bases(plan);
    body.extras(plan, PartAnchor::LegalBases);
    body.purposes_and_requirements(plan);
    body.extras(plan, PartAnchor::Requirements);
    body.targets(plan);
    body.extras(plan, PartAnchor::Targets);
    body.areas(plan);
    body.extras(plan, PartAnchor::Areas);
    body.funding(plan);
    body.extras(plan, PartAnchor::Funding);
    body.implementation(plan);
    body.extras(plan, PartAnchor::Implementation);
    let mut blocks = body.blocks;
    blocks.extend(closing(&plan.recipients, &plan.signer));
    Section {
        kind: SectionKind::Plan,
        orientation: Orientation::Portrait,
        blocks,
    }
}

/// The plan's body as it is built, with the headings its parts print with.
struct Body {
    blocks: Vec<Block>,
    headings: PartHeadings,
}

impl Body {
    fn push(&mut self, paragraph: Paragraph) {
        self.blocks.push(Block::Paragraph(paragraph));
    }

    fn text(&mut self, text: impl Into<String>) {
        self.push(Paragraph::plain(Role::Body, text));
    }

    /// The heading of `part`, as written or standard and numbered (see `headings`).
    fn part_heading(&mut self, part: HeadingPart) {
        if let Some(printed) = self.headings.get(part) {
            let paragraph = heading(printed.level, printed.text.clone());
            self.push(paragraph);
        }
    }

    /// A paragraph after a list marker, with its sub-items under it.
    fn item(&mut self, marker: &str, paragraph: &crate::domain::Paragraph) {
        self.text(marked(marker, &paragraph.text));
        for sub in &paragraph.sub_items {
            self.text(marked("+", sub));
        }
    }

    /// A paragraph as written, with its sub-items under it.
    fn paragraph(&mut self, paragraph: &crate::domain::Paragraph) {
        self.text(paragraph.text.trim());
        for sub in &paragraph.sub_items {
            self.text(marked("-", sub));
        }
    }

    /// Căn cứ: in a plan on its own they open the body; a sentence of the plan's own in their
    /// place («Thực hiện Kế hoạch số …») prints upright.
    fn legal_bases(&mut self, plan: &Plan) {
        for basis in &plan.legal_bases {
            self.blocks.push(basis_line(basis));
        }
    }

    fn purposes_and_requirements(&mut self, plan: &Plan) {
        if plan.purposes.is_empty() && plan.requirements.is_empty() {
            return;
        }
        self.part_heading(HeadingPart::PurposesAndRequirements);
        if !plan.purposes.is_empty() {
            self.part_heading(HeadingPart::Purposes);
            for paragraph in &plan.purposes {
                self.item("-", paragraph);
            }
        }
        if !plan.requirements.is_empty() {
            self.part_heading(HeadingPart::Requirements);
            for paragraph in &plan.requirements {
                self.item("-", paragraph);
            }
        }
    }

    fn targets(&mut self, plan: &Plan) {
        if plan.targets.is_empty() {
            return;
        }
        self.part_heading(HeadingPart::Targets);
        for (index, target) in plan.targets.iter().enumerate() {
            self.text(format!("{}. {}", index + 1, target.text.trim()));
            for sub in &target.sub_items {
                self.text(marked("-", sub));
            }
        }
    }

    fn areas(&mut self, plan: &Plan) {
        if plan.areas.is_empty() {
            return;
        }
        self.part_heading(HeadingPart::Tasks);
        // Numbered as the editor and the checks number them ("3.", "7.2."): one rule, AreaSlot's.
        for (slot, area) in area_slots(plan) {
            let level = if slot.sub.is_some() { 3 } else { 2 };
            self.area(plan, area, &slot.number(), level);
        }
    }

    /// Lĩnh vực: its numbered title ("3." or "7.2."), intro and lettered tasks (not those of
    /// its sub-areas).
    fn area(&mut self, plan: &Plan, area: &ReformArea, number: &str, level: u8) {
        self.push(heading(level, format!("{number} {}", area_title(area))));
        for paragraph in &area.intro {
            self.paragraph(paragraph);
        }
        for (index, task) in area.tasks.iter().enumerate() {
            self.task(plan, task, index);
        }
    }

    /// Nhiệm vụ: "a) …", its sub-items, then one line per field the task has.
    fn task(&mut self, plan: &Plan, task: &Task, index: usize) {
        self.push(numbered(&point_label(index), &task.content));
        for sub in &task.sub_items {
            self.text(marked("+", sub));
        }
        let labels = FieldLabels::of(&task.labels, &plan.task_labels);
        // In the task's own order where the plan puts, say, «Cơ quan thực hiện» first.
        for line in task.roles_in_order() {
            let (label, units) = match line {
                RoleLine::Lead => (labels.lead, &task.lead_units),
                RoleLine::Partner => (labels.partner, &task.partner_units),
                RoleLine::Other(index) => match task.other_roles.get(index) {
                    Some(role) => (role.label.as_str(), &role.units),
                    None => continue,
                },
            };
            // An other role prints even without units, as before: its label was written.
            if !units.is_empty() || matches!(line, RoleLine::Other(_)) {
                self.field(label, &units::in_a_sentence(units));
            }
        }
        match task.outputs.as_slice() {
            [] => {}
            [only] => self.field(labels.output, only),
            several => {
                self.text(format!("- {}:", labels.output));
                for output in several {
                    self.text(marked("+", output));
                }
            }
        }
        if !task.deadline.text.trim().is_empty() {
            self.field(labels.deadline, &task.deadline.text);
        }
        match &task.budget {
            Budget::None => {}
            Budget::MillionVnd(amount) => {
                let label = labels.budget;
                // A label naming the unit, "Kinh phí (triệu đồng)", needs no unit after the sum.
                if label.contains("triệu") {
                    self.field(label, &amount.format_vi());
                } else {
                    self.field(label, &format!("{} triệu đồng", amount.format_vi()));
                }
            }
            Budget::Note(note) => self.field(labels.budget, note),
        }
    }

    fn field(&mut self, label: &str, value: &str) {
        self.push(field(label, value));
    }

    fn funding(&mut self, plan: &Plan) {
        if plan.funding.is_empty() {
            return;
        }
        self.part_heading(HeadingPart::Funding);
        for paragraph in &plan.funding {
            self.paragraph(paragraph);
        }
    }

    fn implementation(&mut self, plan: &Plan) {
        let implementation = &plan.implementation;
        if implementation.is_empty() {
            return;
        }
        self.part_heading(HeadingPart::Implementation);
        for paragraph in &implementation.intro {
            self.item("-", paragraph);
        }
        for (index, responsibility) in implementation.responsibilities.iter().enumerate() {
            if responsibility.is_sentence() {
                self.numbered_sentence(index + 1, responsibility);
                continue;
            }
            let unit = format!("{}. {}", index + 1, responsibility.unit.trim());
            let mut duties = responsibility.duties.iter();
            // "Phòng Tài chính - Kế hoạch có trách nhiệm …" reads on from the unit when the duty
            // starts in lower case; otherwise the duties are listed under it.
            let first = responsibility.duties.first();
            match first {
                Some(duty) if starts_lowercase(&duty.text) => {
                    duties.next();
                    self.push(Paragraph {
                        role: Role::Body,
                        runs: vec![
                            Run::bold(unit),
                            Run::plain(format!(" {}", duty.text.trim())),
                        ],
                    });
                    for sub in &duty.sub_items {
                        self.text(marked("+", sub));
                    }
                }
                _ => self.push(Paragraph {
                    role: Role::Body,
                    runs: vec![Run::bold(format!("{unit}:"))],
                }),
            }
            for duty in duties {
                self.item("-", duty);
            }
        }
        for paragraph in &implementation.reporting_notes {
            self.paragraph(paragraph);
        }
        for period in &implementation.reporting {
            let mut text = format!("- {}", period.name.trim());
            let details: Vec<&str> = [period.data_period.trim(), period.due.trim()]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect();
            if !details.is_empty() {
                text.push_str(": ");
                text.push_str(&details.join("; "));
            }
            self.text(sentence(&text));
        }
        for paragraph in &implementation.closing {
            self.paragraph(paragraph);
        }
    }

    /// A point of «Tổ chức thực hiện» written as a numbered sentence: "2. Văn phòng … chủ trì
    /// …" as written, upright, then any further duties under it.
    fn numbered_sentence(&mut self, number: usize, responsibility: &Responsibility) {
        let mut duties = responsibility.duties.iter();
        let sentence = if responsibility.unit.trim().is_empty() {
            duties.next()
        } else {
            None
        };
        let text = sentence.map_or(responsibility.unit.trim(), |duty| duty.text.trim());
        self.text(format!("{number}. {text}"));
        for sub in sentence.iter().flat_map(|duty| &duty.sub_items) {
            self.text(marked("+", sub));
        }
        for duty in duties.filter(|duty| !duty.text.trim().is_empty() || !duty.sub_items.is_empty())
        {
            self.item("-", duty);
        }
    }

    /// The drafter's own sections anchored after `anchor`.
    fn extras(&mut self, plan: &Plan, anchor: PartAnchor) {
        for extra in plan.extra_sections.iter().filter(|e| e.after == anchor) {
            self.extra(extra);
        }
    }

    fn extra(&mut self, extra: &ExtraSection) {
        let title = extra.heading.trim();
        if !title.is_empty() {
            // Its Roman number, if it has one, was counted by `part_headings`.
            self.push(heading(heading_level(title), title.to_string()));
        }
        for paragraph in &extra.paragraphs {
            self.paragraph(paragraph);
        }
    }
}

/// The labels a task's fields print with: its own, else the plan's, else the standard ones.
struct FieldLabels<'a> {
    lead: &'a str,
    partner: &'a str,
    output: &'a str,
    deadline: &'a str,
    budget: &'a str,
}

impl<'a> FieldLabels<'a> {
    fn of(task: &'a TaskLabels, plan: &'a TaskLabels) -> Self {
        Self {
            lead: TaskField::Lead.printed(task, plan),
            partner: TaskField::Partner.printed(task, plan),
            output: TaskField::Output.printed(task, plan),
            deadline: TaskField::Deadline.printed(task, plan),
            budget: TaskField::Budget.printed(task, plan),
        }
    }
}

fn starts_lowercase(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// The area's title as written, or its standard one when left blank.
pub(super) fn area_title(area: &ReformArea) -> &str {
    if area.title.trim().is_empty() {
        area.kind.standard_title()
    } else {
        area.title.trim()
    }
}

/// A numbered point of the body: "a) " or "12. " before the text.
pub(super) fn numbered(label: &str, text: &str) -> Paragraph {
    Paragraph {
        role: Role::Body,
        runs: vec![Run::plain(format!("{label} ")), Run::plain(text.trim())],
    }
}

/// "- Cơ quan chủ trì: Phòng Tư pháp."
pub(super) fn field(label: &str, value: &str) -> Paragraph {
    Paragraph {
        role: Role::Body,
        runs: vec![
            Run::plain(format!("- {}: ", label.trim())),
            Run::plain(sentence(value.trim())),
        ],
    }
}

pub(super) fn heading(level: u8, text: String) -> Paragraph {
    Paragraph {
        role: Role::Heading(level),
        runs: vec![Run::bold(text)],
    }
}

/// A line of «Căn cứ»: in italics if it cites a document, upright if it is a sentence of the
/// plan's own (`LegalBasis::is_citation`).
fn basis_line(basis: &LegalBasis) -> Block {
    if basis.is_citation() {
        italic_body(&basis.text)
    } else {
        Block::Paragraph(Paragraph::plain(Role::Body, basis.text.trim()))
    }
}

fn italic_body(text: &str) -> Block {
    Block::Paragraph(Paragraph {
        role: Role::Body,
        runs: vec![Run::italic(text.trim())],
    })
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Nơi nhận and the signature, when the document has either.
pub(super) fn closing(recipients: &[Recipient], signer: &Signer) -> Option<Block> {
    if recipients.is_empty() && signer.is_empty() {
        return None;
    }
    let count = recipients.len();
    let lines = recipients
        .iter()
        .enumerate()
        .map(|(index, recipient)| {
            let mut line = format!("- {}", recipient.name.trim());
            if !recipient.note.trim().is_empty() {
                line.push(' ');
                line.push_str(recipient.note.trim());
            }
            line.push(if index + 1 == count { '.' } else { ';' });
            // A brace group ("} Báo cáo") is named once, after its last line.
            let group = recipient.group.trim();
            let next_group = recipients.get(index + 1).map(|next| next.group.trim());
            if !group.is_empty() && next_group != Some(group) {
                line.push_str(" } ");
                line.push_str(group);
            }
            line
        })
        .collect();
    let signature = (!signer.is_empty()).then(|| {
        let prefix = signer.authority.prefix();
        let behalf = signer.on_behalf_of.trim().to_uppercase();
        let authority = match (prefix, behalf.is_empty()) {
            ("", true) => None,
            ("", false) => Some(behalf),
            (prefix, true) => Some(prefix.to_string()),
            (prefix, false) => Some(format!("{prefix} {behalf}")),
        };
        Signature {
            authority,
            title: signer.title.trim().to_uppercase(),
            name: signer.name.trim().to_string(),
        }
    });
    Some(Block::Closing(Closing {
        recipients: lines,
        signature,
    }))
}
