//! Kế hoạch năm sau (next year's plan): each December a locality starts next year's plan from
//! this year's. Years move on by one in everything the plan itself says (title, "năm 2024",
//! deadlines "Quý I/2024", reporting periods), tasks carry over, and what is particular to the
//! signed document (its number and date, the "(Kèm theo …)" lines) is cleared.
//!
//! Which years move: the plan's year and the year before it (a 2024 plan reports from
//! 15/12/2023), as whole numbers. Left as written: legal bases (they cite real documents of
//! their own dates), ranges such as "2021 - 2025" (programme periods), and years inside
//! document numbers such as "61/2018/NĐ-CP".

use chrono::{Datelike, NaiveDate};

use super::appendix::{AppendixGroup, AppendixRows, AppendixTable};
use super::budget::Budget;
use super::deadline::{Deadline, Milestone};
use super::plan::{DocumentForm, Paragraph, PartialDate, Plan, ReportingPeriod, Target};
use super::task::{ReformArea, Task};
use super::text;

/// Next year's plan made from `source`, with a fresh id from `new_id`.
pub fn next_year_plan(source: &Plan, mut new_id: impl FnMut(&str) -> String) -> Plan {
    let shift = YearShift::from(source.year);
    let mut plan = source.clone();
    plan.id = new_id("ke-hoach");
    plan.year = source.year + 1;
    plan.number.number.clear();
    plan.date = PartialDate::default();
    plan.title = shift.text(&plan.title);
    if let DocumentForm::Decision(decision) = &mut plan.form {
        decision.subject = shift.text(&decision.subject);
        decision.articles = decision.articles.iter().map(|a| shift.text(a)).collect();
        decision.attachment_line.clear();
    }
    shift.paragraphs(&mut plan.purposes);
    shift.paragraphs(&mut plan.requirements);
    for target in &mut plan.targets {
        shift.target(target);
    }
    for area in &mut plan.areas {
        shift.area(area, plan.year);
    }
    shift.paragraphs(&mut plan.funding);
    let implementation = &mut plan.implementation;
    shift.paragraphs(&mut implementation.intro);
    for responsibility in &mut implementation.responsibilities {
        shift.paragraphs(&mut responsibility.duties);
    }
    for period in &mut implementation.reporting {
        shift.reporting_period(period);
    }
    shift.paragraphs(&mut implementation.reporting_notes);
    shift.paragraphs(&mut implementation.closing);
    for table in &mut plan.appendices {
        shift.appendix(table, plan.year);
    }
    for section in &mut plan.extra_sections {
        section.heading = shift.text(&section.heading);
        shift.paragraphs(&mut section.paragraphs);
    }
    let headings = &mut plan.headings;
    for heading in [
        &mut headings.purposes_and_requirements,
        &mut headings.purposes,
        &mut headings.requirements,
        &mut headings.targets,
        &mut headings.tasks,
        &mut headings.funding,
        &mut headings.implementation,
    ] {
        *heading = shift.text(heading);
    }
    plan
}

/// Carries `next` (made by [`next_year_plan`]) into `target`, a plan for the same year that
/// already exists, without overwriting anything entered in it: empty texts and lists of the
/// target are filled; areas are matched by kind or title, and each gets the tasks it lacks
/// (compared by content without accents). Returns how many tasks were added.
pub fn carry_into(target: &mut Plan, next: &Plan) -> usize {
    fill_text(&mut target.superior_body, &next.superior_body);
    fill_text(&mut target.issuing_body, &next.issuing_body);
    fill_text(&mut target.place, &next.place);
    fill_text(&mut target.title, &next.title);
    fill_text(&mut target.number.symbol, &next.number.symbol);
    fill_text(&mut target.locality.name, &next.locality.name);
    fill_list(&mut target.legal_bases, &next.legal_bases);
    fill_list(&mut target.purposes, &next.purposes);
    fill_list(&mut target.requirements, &next.requirements);
    fill_list(&mut target.targets, &next.targets);
    fill_list(&mut target.funding, &next.funding);
    fill_list(&mut target.recipients, &next.recipients);
    fill_list(&mut target.appendices, &next.appendices);
    fill_list(&mut target.extra_sections, &next.extra_sections);
    let implementation = &mut target.implementation;
    fill_list(&mut implementation.intro, &next.implementation.intro);
    fill_list(
        &mut implementation.responsibilities,
        &next.implementation.responsibilities,
    );
    fill_list(
        &mut implementation.reporting,
        &next.implementation.reporting,
    );
    fill_list(
        &mut implementation.reporting_notes,
        &next.implementation.reporting_notes,
    );
    fill_list(&mut implementation.closing, &next.implementation.closing);
    if target.signer.is_empty() {
        target.signer = next.signer.clone();
    }
    let mut added = 0;
    for area in &next.areas {
        match target.areas.iter_mut().find(|own| same_area(own, area)) {
            Some(own) => {
                added += add_missing_tasks(&mut own.tasks, &area.tasks);
                for sub in &area.sub_areas {
                    match own.sub_areas.iter_mut().find(|s| same_area(s, sub)) {
                        Some(own_sub) => added += add_missing_tasks(&mut own_sub.tasks, &sub.tasks),
                        None => {
                            added += sub.tasks.len();
                            own.sub_areas.push(sub.clone());
                        }
                    }
                }
            }
            None => {
                added += area.all_tasks().count();
                target.areas.push(area.clone());
            }
        }
    }
    added
}

fn fill_text(own: &mut String, carried: &str) {
    if own.trim().is_empty() {
        *own = carried.to_string();
    }
}

fn fill_list<T: Clone>(own: &mut Vec<T>, carried: &[T]) {
    if own.is_empty() {
        *own = carried.to_vec();
    }
}

fn same_area(own: &ReformArea, other: &ReformArea) -> bool {
    use super::task::AreaKind;
    if own.kind != AreaKind::Custom || other.kind != AreaKind::Custom {
        return own.kind == other.kind;
    }
    text::search_key(&own.title) == text::search_key(&other.title)
}

fn add_missing_tasks(own: &mut Vec<Task>, carried: &[Task]) -> usize {
    let mut keys: std::collections::HashSet<String> = own
        .iter()
        .map(|task| text::search_key(&task.content))
        .collect();
    let mut ids: std::collections::HashSet<String> = own.iter().map(|t| t.id.clone()).collect();
    let mut added = 0;
    for task in carried {
        if keys.insert(text::search_key(&task.content)) {
            let mut task = task.clone();
            // Ids are unique within a plan; a carried task whose id the target uses gets another.
            let mut suffix = 2;
            let base = task.id.clone();
            while ids.contains(&task.id) {
                task.id = format!("{base}-{suffix}");
                suffix += 1;
            }
            ids.insert(task.id.clone());
            own.push(task);
            added += 1;
        }
    }
    added
}

/// Moves the years `from` and `from - 1` on by one.
#[derive(Clone, Copy, Debug)]
struct YearShift {
    year: i32,
}

impl From<i32> for YearShift {
    fn from(year: i32) -> Self {
        Self { year }
    }
}

impl YearShift {
    fn moves(self, year: i32) -> bool {
        year == self.year || year == self.year - 1
    }

    /// The text with every plan-relative year moved on, other numbers untouched.
    fn text(self, input: &str) -> String {
        let chars: Vec<char> = input.chars().collect();
        let mut out = String::with_capacity(input.len());
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let year = (digits.len() == 4)
                .then(|| digits.parse::<i32>().ok())
                .flatten();
            match year {
                Some(year)
                    if self.moves(year) && !in_range(&chars, start, i) && !in_number(&chars, i) =>
                {
                    out.push_str(&(year + 1).to_string());
                }
                _ => out.push_str(&digits),
            }
        }
        out
    }

    fn paragraphs(self, paragraphs: &mut [Paragraph]) {
        for paragraph in paragraphs {
            paragraph.text = self.text(&paragraph.text);
            for item in &mut paragraph.sub_items {
                *item = self.text(item);
            }
        }
    }

    fn target(self, target: &mut Target) {
        target.text = self.text(&target.text);
        for item in &mut target.sub_items {
            *item = self.text(item);
        }
    }

    fn area(self, area: &mut ReformArea, new_year: i32) {
        area.title = self.text(&area.title);
        self.paragraphs(&mut area.intro);
        for task in &mut area.tasks {
            self.task(task, new_year);
        }
        for sub in &mut area.sub_areas {
            self.area(sub, new_year);
        }
    }

    fn task(self, task: &mut Task, new_year: i32) {
        task.content = self.text(&task.content);
        for item in task.sub_items.iter_mut().chain(task.outputs.iter_mut()) {
            *item = self.text(item);
        }
        task.deadline = self.deadline(&task.deadline, new_year);
        if let Budget::Note(note) = &task.budget {
            task.budget = Budget::Note(self.text(note));
        }
    }

    fn deadline(self, deadline: &Deadline, new_year: i32) -> Deadline {
        let text = self.text(&deadline.text);
        if deadline.reading_overridden {
            let reading = deadline
                .reading
                .iter()
                .map(|m| self.milestone(*m))
                .collect();
            Deadline::with_reading(text, reading)
        } else {
            Deadline::new(text, new_year)
        }
    }

    fn milestone(self, milestone: Milestone) -> Milestone {
        let on = |year: i32| if self.moves(year) { year + 1 } else { year };
        match milestone {
            Milestone::Date { date } if self.moves(date.year()) => Milestone::Date {
                date: next_year_date(date),
            },
            Milestone::Month { year, month } => Milestone::Month {
                year: on(year),
                month,
            },
            Milestone::Quarter { year, quarter } => Milestone::Quarter {
                year: on(year),
                quarter,
            },
            Milestone::HalfYear { year, half } => Milestone::HalfYear {
                year: on(year),
                half,
            },
            Milestone::Year { year } => Milestone::Year { year: on(year) },
            other => other,
        }
    }

    fn reporting_period(self, period: &mut ReportingPeriod) {
        period.name = self.text(&period.name);
        period.data_period = self.text(&period.data_period);
        period.due = self.text(&period.due);
        for date in [
            &mut period.data_from,
            &mut period.data_to,
            &mut period.due_date,
        ] {
            if let Some(day) = date
                && self.moves(day.year())
            {
                *day = next_year_date(*day);
            }
        }
    }

    fn appendix(self, table: &mut AppendixTable, new_year: i32) {
        table.title = self.text(&table.title);
        table.attachment_line.clear();
        if let AppendixRows::Own { groups } = &mut table.rows {
            for group in groups {
                self.group(group, new_year);
            }
        }
    }

    fn group(self, group: &mut AppendixGroup, new_year: i32) {
        group.title = self.text(&group.title);
        for task in &mut group.tasks {
            self.task(task, new_year);
        }
        for sub in &mut group.sub_groups {
            self.group(sub, new_year);
        }
    }
}

/// The same day a year later; 29 February becomes 28 February.
fn next_year_date(date: NaiveDate) -> NaiveDate {
    date.with_year(date.year() + 1)
        .or_else(|| NaiveDate::from_ymd_opt(date.year() + 1, date.month(), 28))
        .unwrap_or(date)
}

/// Whether the number at `start..end` is one end of a range of years: "2021 - 2025", "2021–2030".
fn in_range(chars: &[char], start: usize, end: usize) -> bool {
    let is_dash = |c: char| matches!(c, '-' | '–' | '—');
    // Forwards: spaces, a dash, spaces, four digits.
    let mut j = end;
    while j < chars.len() && chars[j] == ' ' {
        j += 1;
    }
    if j < chars.len() && is_dash(chars[j]) {
        j += 1;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if year_digits_at(chars, j) {
            return true;
        }
    }
    // Backwards: spaces, a dash, spaces, four digits ending there.
    let mut k = start;
    while k > 0 && chars[k - 1] == ' ' {
        k -= 1;
    }
    if k > 0 && is_dash(chars[k - 1]) {
        k -= 1;
        while k > 0 && chars[k - 1] == ' ' {
            k -= 1;
        }
        return k >= 4
            && chars[k - 4..k].iter().all(char::is_ascii_digit)
            && (k == 4 || !chars[k - 5].is_ascii_digit());
    }
    false
}

fn year_digits_at(chars: &[char], at: usize) -> bool {
    at + 4 <= chars.len()
        && chars[at..at + 4].iter().all(char::is_ascii_digit)
        && chars.get(at + 4).is_none_or(|c| !c.is_ascii_digit())
}

/// Whether the year ending at `end` sits inside a document number: "61/2018/NĐ-CP".
fn in_number(chars: &[char], end: usize) -> bool {
    chars.get(end) == Some(&'/') && chars.get(end + 1).is_some_and(|c| c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Decision, DocumentNumber, LegalBasis};
    use crate::domain::task::AreaKind;

    fn task(id: &str, content: &str, deadline: &str) -> Task {
        Task {
            id: id.into(),
            content: content.into(),
            deadline: Deadline::new(deadline, 2024),
            budget: Budget::from_input("10"),
            key_task: true,
            ..Task::default()
        }
    }

    fn plan_2024() -> Plan {
        Plan {
            id: "p2024".into(),
            year: 2024,
            number: DocumentNumber {
                number: "479".into(),
                symbol: "QĐ-UBND".into(),
            },
            date: PartialDate::ymd(2023, 12, 26),
            title: "Cải cách hành chính năm 2024 xã Tịnh Minh".into(),
            form: DocumentForm::Decision(Box::new(Decision {
                subject: "Ban hành Kế hoạch cải cách hành chính năm 2024".into(),
                attachment_line: "(Ban hành kèm theo Quyết định số 479/QĐ-UBND)".into(),
                ..Decision::default()
            })),
            legal_bases: vec![LegalBasis {
                text: "Căn cứ Quyết định số 6140/QĐ-UBND ngày 26/12/2023 về Kế hoạch năm 2024;"
                    .into(),
                document: None,
            }],
            areas: vec![ReformArea {
                id: "a1".into(),
                kind: AreaKind::Institutions,
                title: "Cải cách thể chế".into(),
                tasks: vec![
                    task("t1", "Rà soát văn bản năm 2024", "Quý I/2024"),
                    task("t2", "Tổng kết năm 2023", "Trước 15/11/2024"),
                ],
                ..ReformArea::default()
            }],
            implementation: crate::domain::plan::Implementation {
                reporting: crate::domain::template::reporting_periods(2024),
                ..Default::default()
            },
            ..Plan::default()
        }
    }

    fn fresh(prefix: &str) -> String {
        format!("{prefix}-new")
    }

    #[test]
    fn years_move_on_in_title_deadlines_and_reports() {
        let next = next_year_plan(&plan_2024(), fresh);
        assert_eq!(next.id, "ke-hoach-new");
        assert_eq!(next.year, 2025);
        assert_eq!(next.title, "Cải cách hành chính năm 2025 xã Tịnh Minh");
        let tasks = &next.areas[0].tasks;
        assert_eq!(tasks[0].content, "Rà soát văn bản năm 2025");
        assert_eq!(tasks[0].deadline.text, "Quý I/2025");
        assert_eq!(
            tasks[0].deadline.reading,
            [Milestone::Quarter {
                year: 2025,
                quarter: 1
            }]
        );
        assert_eq!(tasks[1].content, "Tổng kết năm 2024");
        assert_eq!(tasks[1].deadline.text, "Trước 15/11/2025");
        assert_eq!(tasks[0].budget, Budget::from_input("10"));
        assert!(tasks[0].key_task);
        let report = &next.implementation.reporting[0];
        assert_eq!(report.data_period, "từ ngày 15/12/2024 đến ngày 14/3/2025");
        assert_eq!(report.due_date, NaiveDate::from_ymd_opt(2025, 3, 20));
    }

    #[test]
    fn the_signed_documents_particulars_are_cleared_and_legal_bases_kept() {
        let source = plan_2024();
        let next = next_year_plan(&source, fresh);
        assert_eq!(next.number.number, "");
        assert_eq!(next.number.symbol, "QĐ-UBND");
        assert_eq!(next.date, PartialDate::default());
        assert_eq!(next.legal_bases, source.legal_bases);
        let DocumentForm::Decision(decision) = &next.form else {
            panic!("the decision form is kept");
        };
        assert_eq!(
            decision.subject,
            "Ban hành Kế hoạch cải cách hành chính năm 2025"
        );
        assert_eq!(decision.attachment_line, "");
    }

    #[test]
    fn ranges_document_numbers_and_other_years_stay_as_written() {
        let shift = YearShift::from(2024);
        assert_eq!(
            shift.text("giai đoạn 2021 - 2025, năm 2024"),
            "giai đoạn 2021 - 2025, năm 2025"
        );
        assert_eq!(shift.text("giai đoạn 2023–2024"), "giai đoạn 2023–2024");
        assert_eq!(
            shift.text("Thông tư số 15/2024/TT-BNV, Quý IV/2024"),
            "Thông tư số 15/2024/TT-BNV, Quý IV/2025"
        );
        assert_eq!(
            shift.text("năm 2022 và 20245 và 2023"),
            "năm 2022 và 20245 và 2024"
        );
        assert_eq!(
            shift.text("tháng 6 và tháng 12/2024"),
            "tháng 6 và tháng 12/2025"
        );
    }

    #[test]
    fn an_overridden_reading_moves_with_the_text() {
        let shift = YearShift::from(2024);
        let deadline = Deadline::with_reading(
            "Theo kế hoạch riêng",
            vec![
                Milestone::Date {
                    date: NaiveDate::from_ymd_opt(2024, 2, 29).expect("a leap day"),
                },
                Milestone::Ongoing,
            ],
        );
        let moved = shift.deadline(&deadline, 2025);
        assert!(moved.reading_overridden);
        assert_eq!(
            moved.reading,
            [
                Milestone::Date {
                    date: NaiveDate::from_ymd_opt(2025, 2, 28).expect("a day")
                },
                Milestone::Ongoing
            ]
        );
    }

    #[test]
    fn carrying_into_an_existing_plan_overwrites_nothing_entered() {
        let next = next_year_plan(&plan_2024(), fresh);
        let mut target = Plan {
            id: "mine".into(),
            year: 2025,
            title: "Kế hoạch CCHC năm 2025 (bản của tôi)".into(),
            purposes: vec![Paragraph::new("Mục đích tôi đã viết")],
            areas: vec![ReformArea {
                id: "a1".into(),
                kind: AreaKind::Institutions,
                title: "Thể chế".into(),
                tasks: vec![Task {
                    id: "t1".into(),
                    content: "RA SOAT VAN BAN NAM 2025".into(),
                    lead_units: vec!["Công chức Tư pháp - Hộ tịch".into()],
                    ..Task::default()
                }],
                ..ReformArea::default()
            }],
            ..Plan::default()
        };
        let added = carry_into(&mut target, &next);
        assert_eq!(added, 1);
        assert_eq!(target.id, "mine");
        assert_eq!(target.title, "Kế hoạch CCHC năm 2025 (bản của tôi)");
        assert_eq!(target.purposes, [Paragraph::new("Mục đích tôi đã viết")]);
        assert_eq!(target.legal_bases, next.legal_bases);
        let tasks = &target.areas[0].tasks;
        assert_eq!(tasks.len(), 2);
        assert_eq!(tasks[0].lead_units, ["Công chức Tư pháp - Hộ tịch"]);
        assert_eq!(tasks[1].content, "Tổng kết năm 2024");
        assert_eq!(tasks[1].id, "t2");
        assert_eq!(target.implementation.reporting.len(), 4);
        // A second carry adds nothing more.
        assert_eq!(carry_into(&mut target, &next), 0);
    }

    #[test]
    fn a_carried_task_whose_id_is_taken_gets_another() {
        let mut own = vec![task("t1", "Việc đã có", "")];
        let added = add_missing_tasks(&mut own, &[task("t1", "Việc mới", "")]);
        assert_eq!(added, 1);
        assert_eq!(own[1].id, "t1-2");
    }
}
