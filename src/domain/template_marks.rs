//! Nội dung mẫu (template text): the paragraphs a template put into a new plan (legal bases,
//! purposes, funding, responsibilities, reporting periods, «(b/c)» recipients …) are marked
//! until the drafter changes them or keeps them on purpose («Giữ nội dung mẫu»), so that text
//! left in by mistake does not print as if written. A mark is a short fingerprint of the text
//! as the template wrote it: a changed text no longer matches its mark, with no bookkeeping in
//! each input, and older files (no marks) have nothing marked.

use super::field_key::{FieldKey, PlanList};
use super::plan::{LegalBasis, Paragraph, Plan, Recipient, ReportingPeriod, Responsibility};

/// A part of the plan a template fills in, seen as the text that decides whether it changed.
pub trait TemplateText {
    /// Every word of the item, fields apart, so that a change of any of them counts.
    fn template_text(&self) -> String;
}

impl TemplateText for Paragraph {
    fn template_text(&self) -> String {
        let mut text = self.text.clone();
        for sub in &self.sub_items {
            text.push('\n');
            text.push_str(sub);
        }
        text
    }
}

impl TemplateText for LegalBasis {
    fn template_text(&self) -> String {
        self.text.clone()
    }
}

impl TemplateText for ReportingPeriod {
    fn template_text(&self) -> String {
        [&self.name, &self.data_period, &self.due]
            .map(String::as_str)
            .join("\n")
    }
}

impl TemplateText for Recipient {
    fn template_text(&self) -> String {
        [&self.name, &self.note, &self.group]
            .map(String::as_str)
            .join("\n")
    }
}

impl TemplateText for Responsibility {
    fn template_text(&self) -> String {
        let mut text = self.unit.clone();
        for duty in &self.duties {
            text.push('\n');
            text.push_str(&duty.template_text());
        }
        text
    }
}

/// The mark of `item`: FNV-1a (64 bits) of its text, in hex. Fixed here for good, since marks
/// travel in files.
pub fn mark_of(item: &impl TemplateText) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in item.template_text().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Whether `item` is still exactly the template's text, neither changed nor kept.
pub fn is_template_text(plan: &Plan, item: &impl TemplateText) -> bool {
    !plan.template_marks.is_empty() && plan.template_marks.contains(&mark_of(item))
}

/// Giữ nội dung mẫu: the drafter keeps `mark`'s text as written; it is no longer marked.
pub fn keep(plan: &mut Plan, mark: &str) {
    plan.template_marks.retain(|kept| kept != mark);
}

/// Every text of the plan that a template fills in, with its field: in document order.
fn template_fields(plan: &Plan) -> Vec<(FieldKey, String)> {
    fn each<T: TemplateText>(out: &mut Vec<(FieldKey, String)>, list: PlanList, items: &[T]) {
        out.extend(
            items
                .iter()
                .enumerate()
                .map(|(index, item)| (FieldKey::Item { list, index }, mark_of(item))),
        );
    }
    let mut out = Vec::new();
    let implementation = &plan.implementation;
    each(&mut out, PlanList::LegalBases, &plan.legal_bases);
    each(&mut out, PlanList::Purposes, &plan.purposes);
    each(&mut out, PlanList::Requirements, &plan.requirements);
    each(&mut out, PlanList::Funding, &plan.funding);
    each(
        &mut out,
        PlanList::ImplementationIntro,
        &implementation.intro,
    );
    each(
        &mut out,
        PlanList::Responsibilities,
        &implementation.responsibilities,
    );
    each(&mut out, PlanList::Reporting, &implementation.reporting);
    each(
        &mut out,
        PlanList::ReportingNotes,
        &implementation.reporting_notes,
    );
    each(
        &mut out,
        PlanList::ImplementationClosing,
        &implementation.closing,
    );
    each(&mut out, PlanList::Recipients, &plan.recipients);
    out
}

/// Marks every text of a plan just made from a template as template text.
pub fn mark_all(plan: &mut Plan) {
    let mut marks: Vec<String> = Vec::new();
    for (_, mark) in template_fields(plan) {
        if !marks.contains(&mark) {
            marks.push(mark);
        }
    }
    plan.template_marks = marks;
}

/// The fields still holding the template's text, in document order.
pub fn unconfirmed(plan: &Plan) -> Vec<FieldKey> {
    if plan.template_marks.is_empty() {
        return Vec::new();
    }
    template_fields(plan)
        .into_iter()
        .filter(|(_, mark)| plan.template_marks.contains(mark))
        .map(|(field, _)| field)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::{TemplateInput, TemplateKind, new_plan};
    use crate::domain::{Locality, LocalityKind};

    fn template_plan() -> Plan {
        let mut n = 0;
        new_plan(
            &TemplateInput {
                kind: TemplateKind::CommuneTwoLevel,
                year: 2026,
                locality: Locality {
                    kind: LocalityKind::Xa,
                    name: "Tịnh Minh".into(),
                },
                superior: "tỉnh Quảng Ngãi".into(),
            },
            |prefix| {
                n += 1;
                format!("{prefix}-{n}")
            },
        )
    }

    #[test]
    fn a_plan_from_a_template_has_its_template_texts_marked() {
        let plan = template_plan();
        let fields: Vec<String> = unconfirmed(&plan).iter().map(FieldKey::dom_id).collect();
        for id in [
            "bases-0",
            "purposes-0",
            "funding-0",
            "responsibilities-0",
            "reporting-0",
            "reporting-3",
            "implementation-closing-0",
            "recipients-0",
        ] {
            assert!(fields.contains(&id.to_string()), "{id} in {fields:?}");
        }
        assert!(is_template_text(&plan, &plan.funding[0]));
    }

    #[test]
    fn an_edited_or_kept_text_is_no_longer_template_text() {
        let mut plan = template_plan();
        let before = unconfirmed(&plan).len();
        plan.funding[0].text.push_str(" Ngân sách xã.");
        assert!(!is_template_text(&plan, &plan.funding[0]));
        // A «(b/c)» note changed is a change of its recipient line.
        plan.recipients[0].note.clear();
        let mark = mark_of(&plan.legal_bases[0]);
        keep(&mut plan, &mark);
        let after: Vec<String> = unconfirmed(&plan).iter().map(FieldKey::dom_id).collect();
        assert_eq!(after.len(), before - 3, "{after:?}");
        for gone in ["funding-0", "recipients-0", "bases-0"] {
            assert!(!after.contains(&gone.to_string()), "{gone}");
        }
    }

    #[test]
    fn a_plan_without_marks_has_no_template_text() {
        let mut plan = template_plan();
        plan.template_marks.clear();
        assert!(unconfirmed(&plan).is_empty());
        assert!(!is_template_text(&plan, &plan.funding[0]));
    }

    /// The mark of a text is fixed: files written today must match the app of tomorrow.
    #[test]
    fn the_mark_of_a_text_never_changes() {
        assert_eq!(mark_of(&LegalBasis::default()), "cbf29ce484222325");
        let basis = LegalBasis {
            text: "Căn cứ".into(),
            document: None,
        };
        assert_eq!(mark_of(&basis), "029c0de6a0e6eced");
    }
}
