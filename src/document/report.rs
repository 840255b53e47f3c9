//! Báo cáo kết quả thực hiện công tác cải cách hành chính: a period report (`domain::report`)
//! laid out as the plan is, by Nghị định 30/2020/NĐ-CP (header, title and data period, five
//! parts, closing), then Phụ lục I, every task as it stood at the cut-off, and Phụ lục II, the
//! figures sheet.

use chrono::{Datelike, NaiveDate};

use super::layout::{area_title, closing, field, header, heading, issuer_in_text, numbered};
use super::wording::{document_kind, numeric_date, reference_number};
use super::{
    Block, Cell, Column, ColumnKind, Document, Orientation, Paragraph, Role, Run, Section,
    SectionKind, Table, TableRow, Title,
};
use crate::domain::appendix_columns::TableColumn;
use crate::domain::numbering::{marked, point_label, point_letter, roman};
use crate::domain::progress::{
    ClassCounts, DataPeriod, DueClass, EvidenceDocument, GroupOrigin, ProgressBook,
    ProgressSummary, TaskProgress, TaskStatus, summarise,
};
use crate::domain::report::{
    Figure, PeriodReport, report_recipients, report_signer, report_summary, status_at,
};
use crate::domain::slot::{AreaSlot, TaskSlot};
use crate::domain::text;
use crate::domain::{PartialDate, Plan, Task};

/// The document `report` prints as. `plan` and `progress` are those the report speaks of:
/// [`PeriodReport::basis`] of the plan and progress as they are now.
pub fn report_layout(plan: &Plan, report: &PeriodReport, progress: &ProgressBook) -> Document {
    let facts = Facts::of(plan, report, progress);
    let mut sections = vec![body(&facts)];
    sections.extend(appendices(&facts));
    Document { sections }
}

/// The report's appendix sections alone, for the spreadsheet.
pub(super) fn report_appendices(
    plan: &Plan,
    report: &PeriodReport,
    progress: &ProgressBook,
) -> Vec<Section> {
    appendices(&Facts::of(plan, report, progress))
}

/// What the report says, worked out once for its body and its appendices.
struct Facts<'a> {
    plan: &'a Plan,
    report: &'a PeriodReport,
    data: Option<DataPeriod>,
    summary: ProgressSummary,
    /// Part II in order, which Phụ lục I follows row by row.
    lines: Vec<Line<'a>>,
}

/// A line of part II.
enum Line<'a> {
    /// An area ("3.", "7.2."), an appendix's own table ("9.") or one of its groups ("I."), at
    /// body heading level 2 or 3.
    Heading {
        level: u8,
        number: String,
        title: String,
    },
    Task(Entry<'a>),
    /// The counts of the area or table that ends here.
    Counts(ClassCounts),
}

/// One task as the report states it.
struct Entry<'a> {
    /// As the plan numbers it: "a)" in an area, "12." in an appendix's own table.
    label: String,
    /// STT: the letter or the row number.
    number: Cell,
    task: &'a Task,
    progress: Option<&'a TaskProgress>,
    class: DueClass,
    /// Tình trạng at the cut-off ([`status_at`]).
    status: TaskStatus,
}

impl<'a> Facts<'a> {
    fn of(plan: &'a Plan, report: &'a PeriodReport, book: &'a ProgressBook) -> Self {
        let (data, summary) = match report_summary(plan, book, report.period) {
            Some((data, summary)) => (Some(data), summary),
            // Only a year chrono cannot hold has no period, and then no deadline has a date.
            None => (None, summarise(plan, book, NaiveDate::MAX)),
        };
        let lines = lines(plan, book, &summary);
        Self {
            plan,
            report,
            data,
            summary,
            lines,
        }
    }
}

/// Part II's lines: the groups of `summary` (the areas, then the appendices' own tables), each
/// with its headings, its tasks as the plan numbers them, then its counts.
fn lines<'a>(plan: &'a Plan, book: &'a ProgressBook, summary: &ProgressSummary) -> Vec<Line<'a>> {
    let entry = |slot: TaskSlot, task: &'a Task, label: String, number: Cell| {
        let class = summary.tasks.iter().find(|s| s.slot == slot)?.class;
        // Looked up as `summarise` looks it up: never for a task whose id is blank or shared.
        let keyed = !summary.unkeyed.contains(&slot);
        let progress = keyed.then(|| book.get(&task.id)).flatten();
        Some(Line::Task(Entry {
            label,
            number,
            task,
            progress,
            class,
            status: status_at(progress, class),
        }))
    };
    let mut lines = Vec::new();
    let mut number = plan.areas.len();
    for group in &summary.groups {
        match group.origin {
            GroupOrigin::Area(index) => {
                let Some(area) = plan.areas.get(index) else {
                    continue;
                };
                let subs = area.sub_areas.iter().enumerate();
                let subs = subs.map(|(sub, area)| (Some(sub), area));
                for (sub, area) in std::iter::once((None, area)).chain(subs) {
                    let slot = AreaSlot { area: index, sub };
                    lines.push(Line::Heading {
                        level: if sub.is_some() { 3 } else { 2 },
                        number: slot.number(),
                        title: area_title(area).to_string(),
                    });
                    for (index, task) in area.tasks.iter().enumerate() {
                        let place = TaskSlot::Area { area: slot, index };
                        let letter = Cell::Lines(vec![point_letter(index)]);
                        lines.extend(entry(place, task, point_label(index), letter));
                    }
                }
            }
            GroupOrigin::Appendix(table) => {
                let Some(appendix) = plan.appendices.get(table) else {
                    continue;
                };
                number += 1;
                lines.push(Line::Heading {
                    level: 2,
                    number: format!("{number}."),
                    title: group.title.trim().to_string(),
                });
                let view = appendix.view(plan);
                for top in &view.groups {
                    for shown in std::iter::once(top).chain(&top.sub_groups) {
                        if !shown.title.trim().is_empty() {
                            lines.push(Line::Heading {
                                level: 3,
                                number: format!("{}.", shown.label),
                                title: shown.title.trim().to_string(),
                            });
                        }
                        for row in &shown.rows {
                            let place = row.place.slot(table);
                            let label = format!("{}.", row.number);
                            lines.extend(entry(place, row.task, label, Cell::Number(row.number)));
                        }
                    }
                }
            }
        }
        lines.push(Line::Counts(group.counts));
    }
    lines
}

/// The parts of the report, numbered I. to V.
const PARTS: [&str; 5] = [
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
    "ĐÁNH GIÁ CHUNG",
    "PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    "KIẾN NGHỊ, ĐỀ XUẤT",
];

/// The report itself: header, title, the five parts, recipients and signature.
fn body(facts: &Facts<'_>) -> Section {
    let Facts { plan, report, .. } = *facts;
    let title = report.title(plan.year);
    let mut blocks = vec![
        Block::Header(header(plan, &report.number, &report.place, &report.date)),
        Block::Title(Title {
            kind: "BÁO CÁO".into(),
            subject: Some(text::capitalised(&title)),
        }),
    ];
    if let Some(data) = facts.data {
        blocks.push(italic_line(period_line(data)));
    }
    let mut body = Blocks(blocks);
    body.text(format!(
        "{} báo cáo {title} như sau:",
        issuer_in_text(plan, false)
    ));
    body.part(1);
    body.lines(&report.direction);
    body.part(2);
    body.counts("Tổng số nhiệm vụ của Kế hoạch", &facts.summary.total);
    for line in &facts.lines {
        match line {
            Line::Heading {
                level,
                number,
                title,
            } => body.push(heading(*level, format!("{number} {title}"))),
            Line::Task(entry) => body.task(entry),
            Line::Counts(counts) => body.counts("Tổng số nhiệm vụ", counts),
        }
    }
    body.part(3);
    if report.assessment.trim().is_empty() {
        // The two points every assessment makes, left for the person to fill in.
        body.push(heading(2, "1. Ưu điểm".into()));
        body.push(heading(2, "2. Tồn tại, hạn chế và nguyên nhân".into()));
    } else {
        body.lines(&report.assessment);
    }
    body.part(4);
    body.lines(&report.next_tasks);
    body.part(5);
    body.lines(&report.proposals);
    let mut blocks = body.0;
    blocks.extend(closing(&report_recipients(plan), &report_signer(plan)));
    Section {
        // Set as the body of a plan is: its own header, portrait, pages numbered from the second.
        kind: SectionKind::Plan,
        orientation: Orientation::Portrait,
        blocks,
    }
}

/// The blocks of the report's body as they are built.
struct Blocks(Vec<Block>);

impl Blocks {
    fn push(&mut self, paragraph: Paragraph) {
        self.0.push(Block::Paragraph(paragraph));
    }

    fn text(&mut self, text: String) {
        self.push(Paragraph::plain(Role::Body, text));
    }

    /// The heading of part `number` (from 1).
    fn part(&mut self, number: usize) {
        let title = PARTS[number - 1];
        self.push(heading(1, format!("{}. {title}", roman(number))));
    }

    /// What the person wrote, one paragraph per line.
    fn lines(&mut self, text: &str) {
        for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
            self.text(line.to_string());
        }
    }

    /// "Tổng số nhiệm vụ: 8; hoàn thành: 3 (đúng hạn: 2, chậm: 1); quá hạn: 1 …", in italics.
    fn counts(&mut self, lead: &str, counts: &ClassCounts) {
        if counts.total() > 0 {
            self.push(Paragraph {
                role: Role::Body,
                runs: vec![Run::italic(counts_line(lead, counts))],
            });
        }
    }

    /// A task: its number and content, its result and standing, its evidence.
    fn task(&mut self, entry: &Entry<'_>) {
        self.push(numbered(&entry.label, &entry.task.content));
        let mut standing = entry.status.label().to_string();
        let details: Vec<String> = completed(entry)
            .map(|date| format!("ngày {date}"))
            .into_iter()
            .chain(notes(entry))
            .collect();
        if !details.is_empty() {
            standing.push_str(&format!(" ({})", details.join("; ")));
        }
        let result = entry
            .progress
            .map_or("", |progress| progress.result.as_str());
        let result: Vec<&str> = result
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        match result.as_slice() {
            // With no result written the standing is the result: «Kết quả: Đang thực hiện (quá
            // hạn).», said once rather than twice.
            [] => self.push(field("Kết quả", &standing)),
            [only] => self.push(field("Kết quả", only)),
            several => {
                self.text("- Kết quả:".into());
                for line in several {
                    self.text(marked("+", line));
                }
            }
        }
        if !result.is_empty() {
            self.push(field("Tình trạng", &standing));
        }
        let evidence = evidence_lines(entry);
        if !evidence.is_empty() {
            self.push(field("Văn bản kiểm chứng", &evidence.join("; ")));
        }
    }
}

/// The counts of `counts` after `lead`: the total, the tasks done (on time, late), then every
/// other class that has a task, in [`DueClass::ALL`] order; so a deadline that cannot be read
/// is said as such.
fn counts_line(lead: &str, counts: &ClassCounts) -> String {
    let (on_time, late) = (
        counts.get(DueClass::DoneOnTime),
        counts.get(DueClass::DoneLate),
    );
    let mut line = format!("{lead}: {}; hoàn thành: {}", counts.total(), on_time + late);
    if on_time + late > 0 {
        line.push_str(&format!(" (đúng hạn: {on_time}, chậm: {late})"));
    }
    for (class, count) in counts.iter() {
        let done = matches!(class, DueClass::DoneOnTime | DueClass::DoneLate);
        if count > 0 && !done {
            line.push_str(&format!("; {}: {count}", class.label().to_lowercase()));
        }
    }
    line.push('.');
    line
}

/// The day a task was done, when it was done by the cut-off.
fn completed(entry: &Entry<'_>) -> Option<String> {
    let on = entry.progress?.completed_on?;
    entry.status.is_done().then(|| date(on))
}

/// What the standing of a task leaves unsaid, each in lower case: the reason it was dropped;
/// for a task not done, its class («quá hạn», «chưa hiểu được thời hạn» …) and a day done after
/// the cut-off.
fn notes(entry: &Entry<'_>) -> Vec<String> {
    let mut notes = Vec::new();
    if let TaskStatus::NotCarriedOut { reason } = &entry.status {
        let reason = reason.trim();
        notes.extend((!reason.is_empty()).then(|| format!("lý do: {reason}")));
    } else if !entry.status.is_done() {
        notes.push(entry.class.label().to_lowercase());
        // Its status says done, but the day is after the cut-off: under way then.
        let later = entry.progress.filter(|p| p.status.is_done());
        if let Some(on) = later.and_then(|p| p.completed_on) {
            notes.push(format!(
                "hoàn thành ngày {}, sau ngày chốt số liệu",
                date(on)
            ));
        }
    }
    notes
}

/// "Báo cáo số 31/BC-UBND ngày 20/3/2026 về kết quả …", one per evidence document.
fn evidence_lines(entry: &Entry<'_>) -> Vec<String> {
    let documents = entry.progress.map_or(&[][..], |p| p.evidence.as_slice());
    documents.iter().map(evidence).collect()
}

fn evidence(document: &EvidenceDocument) -> String {
    let number = document.number.trim();
    let kind = document_kind(number);
    let mut text = if number.is_empty() {
        kind.to_string()
    } else {
        format!("{kind} số {number}")
    };
    if let Some(on) = document.date {
        text.push_str(&format!(" ngày {}", date(on)));
    }
    let about = subject_after(kind, &document.summary);
    if !about.is_empty() {
        text.push_str(" về ");
        text.push_str(&about);
    }
    text
}

/// A trích yếu as it reads after «về»: without a «V/v» or the document's own kind before it
/// («Báo cáo kết quả …» of a report reads «kết quả …»), its first word in lower case unless it is
/// an abbreviation («UBND»).
fn subject_after(kind: &str, summary: &str) -> String {
    let mut text = summary.trim();
    for head in ["V/v", kind] {
        let starts = text
            .get(..head.len())
            .is_some_and(|start| start.to_lowercase() == head.to_lowercase());
        if starts && text[head.len()..].starts_with(' ') {
            text = text[head.len()..].trim_start();
        }
    }
    text::in_sentence(text)
}

fn date(on: NaiveDate) -> String {
    // A NaiveDate's month (1–12) and day (1–31) always fit a u8.
    numeric_date(&PartialDate::ymd(
        on.year(),
        on.month() as u8,
        on.day() as u8,
    ))
}

/// "(Số liệu tính từ ngày 15/12/2025 đến ngày 14/3/2026)".
fn period_line(data: DataPeriod) -> String {
    format!(
        "(Số liệu tính từ ngày {} đến ngày {})",
        date(data.from),
        date(data.cut_off)
    )
}

fn centred(runs: Vec<Run>) -> Block {
    Block::Paragraph(Paragraph {
        role: Role::Centered,
        runs,
    })
}

fn italic_line(text: String) -> Block {
    centred(vec![Run::italic(text)])
}

/// Phụ lục I, and Phụ lục II where a figure is entered.
fn appendices(facts: &Facts<'_>) -> Vec<Section> {
    let mut sections = vec![appendix(
        facts,
        1,
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        Orientation::Landscape,
        task_table(facts),
    )];
    // A sheet of blanks would only add a page to a report that gives no figures (many communes
    // file them apart, under Thông tư 01/2020/TT-VPCP); one figure entered prints every row,
    // those not entered blank, so the reader sees what was not given.
    if !facts.report.figures.is_empty() {
        sections.push(appendix(
            facts,
            2,
            "SỐ LIỆU CẢI CÁCH HÀNH CHÍNH",
            // Three columns fit a portrait page; landscape is for wide tables.
            Orientation::Portrait,
            figures_table(facts),
        ));
    }
    sections
}

/// Phụ lục `number`: its heading and title, the line naming the report, the data period, the
/// table.
fn appendix(
    facts: &Facts<'_>,
    number: usize,
    title: &str,
    orientation: Orientation,
    table: Table,
) -> Section {
    let Facts { plan, report, .. } = *facts;
    let mut blocks = vec![
        centred(vec![Run::bold(format!("Phụ lục {}", roman(number)))]),
        centred(vec![Run::bold(title)]),
        italic_line(format!(
            "(Kèm theo Báo cáo số {} ngày {} của {})",
            reference_number(&report.number),
            numeric_date(&report.date),
            issuer_in_text(plan, false)
        )),
    ];
    if let Some(data) = facts.data {
        blocks.push(italic_line(period_line(data)));
    }
    blocks.push(Block::Table(table));
    Section {
        kind: SectionKind::Appendix,
        orientation,
        blocks,
    }
}

/// The columns of Phụ lục I. The document's column kinds are the plan's, by which the print view,
/// Word and the spreadsheet size and align a column; the report's own columns are set like the
/// plan's they resemble: short centred values like a deadline, documents like outputs, notes
/// like partners.
const TASK_COLUMNS: [(ColumnKind, &str); 8] = [
    (ColumnKind::Number, "STT"),
    (ColumnKind::Field(TableColumn::Task), "Nhiệm vụ"),
    (ColumnKind::Field(TableColumn::Lead), "Cơ quan chủ trì"),
    (ColumnKind::Field(TableColumn::Deadline), "Thời hạn"),
    (ColumnKind::Field(TableColumn::Deadline), "Tình trạng"),
    (ColumnKind::Field(TableColumn::Deadline), "Ngày hoàn thành"),
    (ColumnKind::Field(TableColumn::Output), "Văn bản kiểm chứng"),
    (ColumnKind::Field(TableColumn::Partner), "Ghi chú"),
];

fn columns(columns: &[(ColumnKind, &str)]) -> Vec<Column> {
    columns
        .iter()
        .map(|(kind, label)| Column {
            kind: *kind,
            label: (*label).to_string(),
        })
        .collect()
}

/// Every task of part II under its area's or table's group row, then the count of each status.
fn task_table(facts: &Facts<'_>) -> Table {
    let mut rows = Vec::new();
    let mut statuses = TaskStatus::LABELS.map(|_| 0);
    for line in &facts.lines {
        match line {
            Line::Heading {
                level,
                number,
                title,
            } => rows.push(TableRow::Group {
                level: level - 1,
                label: number.trim_end_matches('.').to_string(),
                title: title.clone(),
                total: None,
            }),
            Line::Task(entry) => {
                statuses[entry.status.index()] += 1;
                rows.push(task_row(entry));
            }
            Line::Counts(_) => {}
        }
    }
    let total: usize = statuses.iter().sum();
    let mut line = format!("Tổng cộng: {total} nhiệm vụ");
    for (label, count) in TaskStatus::LABELS.iter().zip(statuses) {
        line.push_str(&format!("; {}: {count}", label.to_lowercase()));
    }
    rows.push(TableRow::Group {
        level: 1,
        label: String::new(),
        title: line,
        total: None,
    });
    Table {
        columns: columns(&TASK_COLUMNS),
        rows,
    }
}

fn task_row(entry: &Entry<'_>) -> TableRow {
    let task = entry.task;
    let mut notes: Vec<String> = notes(entry)
        .iter()
        .map(|n| crate::domain::text::capitalised(n))
        .collect();
    if let Some(note) = entry.progress.map(|p| p.note.trim()) {
        notes.extend((!note.is_empty()).then(|| note.to_string()));
    }
    TableRow::Item {
        cells: vec![
            entry.number.clone(),
            Cell::Lines(task.cell_lines(TableColumn::Task)),
            Cell::Lines(task.cell_lines(TableColumn::Lead)),
            Cell::Lines(task.cell_lines(TableColumn::Deadline)),
            Cell::Lines(vec![entry.status.label().to_string()]),
            Cell::Lines(completed(entry).into_iter().collect()),
            Cell::Lines(evidence_lines(entry)),
            Cell::Lines(notes),
        ],
    }
}

/// Phụ lục II: every figure of the sheet, its value where entered.
fn figures_table(facts: &Facts<'_>) -> Table {
    let rows = Figure::ALL
        .iter()
        .enumerate()
        .map(|(index, figure)| TableRow::Item {
            cells: vec![
                Cell::Number(index + 1),
                Cell::Lines(vec![figure.label().to_string()]),
                facts
                    .report
                    .figures
                    .get(*figure)
                    .map_or(Cell::Lines(Vec::new()), Cell::Amount),
            ],
        })
        .collect();
    Table {
        columns: columns(&[
            (ColumnKind::Number, "STT"),
            (ColumnKind::Field(TableColumn::Task), "Chỉ tiêu"),
            // Right-aligned, and a number in the spreadsheet, as an amount is.
            (ColumnKind::BUDGET, "Số liệu"),
        ]),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_reads_on_after_ve_without_its_kind_or_v_v() {
        assert_eq!(
            subject_after("Báo cáo", "Báo cáo kết quả rà soát"),
            "kết quả rà soát"
        );
        assert_eq!(
            subject_after("Văn bản", "V/v tăng cường kỷ luật"),
            "tăng cường kỷ luật"
        );
        assert_eq!(
            subject_after("Kế hoạch", "Cải cách hành chính năm 2024"),
            "cải cách hành chính năm 2024"
        );
        // An abbreviation keeps its capitals; a subject that is only the kind stays.
        assert_eq!(subject_after("Kế hoạch", "UBND xã"), "UBND xã");
        assert_eq!(subject_after("Báo cáo", "Báo cáo"), "báo cáo");
        assert_eq!(subject_after("Báo cáo", "  "), "");
    }

    #[test]
    fn evidence_names_what_it_has() {
        let on = NaiveDate::from_ymd_opt(2026, 3, 20);
        let document = |number: &str, date, summary: &str| EvidenceDocument {
            number: number.to_string(),
            date,
            summary: summary.to_string(),
        };
        assert_eq!(
            evidence(&document("31/BC-UBND", on, "Báo cáo kết quả quý I")),
            "Báo cáo số 31/BC-UBND ngày 20/3/2026 về kết quả quý I"
        );
        assert_eq!(
            evidence(&document("125/UBND-VP", None, "")),
            "Văn bản số 125/UBND-VP"
        );
        assert_eq!(
            evidence(&document("", on, "Biên bản kiểm tra")),
            "Văn bản ngày 20/3/2026 về biên bản kiểm tra"
        );
    }

    #[test]
    fn a_count_line_gives_the_total_the_tasks_done_then_each_class_that_has_one() {
        use crate::domain::{Deadline, ReformArea};
        let task = |id: &str, deadline: &str| Task {
            id: id.to_string(),
            deadline: Deadline::new(deadline, 2024),
            ..Task::default()
        };
        let plan = Plan {
            year: 2024,
            areas: vec![ReformArea {
                tasks: vec![
                    task("a", "Sớm nhất có thể"),
                    task("b", "Quý I/2024"),
                    task("c", "Thường xuyên"),
                ],
                ..ReformArea::default()
            }],
            ..Plan::default()
        };
        let mut book = ProgressBook::new();
        let late = TaskProgress {
            status: TaskStatus::DoneLate,
            ..TaskProgress::default()
        };
        book.insert("b".to_string(), late);
        let cut_off = NaiveDate::from_ymd_opt(2024, 6, 14).expect("a date");
        let counts = summarise(&plan, &book, cut_off).total;
        assert_eq!(
            counts_line("Tổng số nhiệm vụ", &counts),
            "Tổng số nhiệm vụ: 3; hoàn thành: 1 (đúng hạn: 0, chậm: 1); thường xuyên, định kỳ: \
             1; chưa hiểu được thời hạn: 1."
        );
        let none = summarise(&Plan::default(), &book, cut_off).total;
        assert_eq!(counts_line("Tổng số", &none), "Tổng số: 0; hoàn thành: 0.");
    }
}
