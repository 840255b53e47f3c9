//! The period report (`document::report_layout`, `write_report_xlsx`, `write_report_csv`) of a
//! real sample plan followed through quarter I: header, title and data period, every area and
//! task numbered as the plan numbers it with its result, standing and evidence, count lines that
//! agree with `summarise`, Phụ lục I with a row per task and the statuses counted, Phụ lục II with
//! the figures; then the Word file and the workbook as LibreOffice reads them, and the CSV as
//! Python's csv module parses it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kehoach::document::{
    Block, Cell, Closing, Document, Orientation, Role, Section, SectionKind, Table, TableRow,
    layout, report_layout, write_docx, write_report_csv, write_report_xlsx,
};
use kehoach::domain::progress::{
    DueClass, EvidenceDocument, ProgressBook, ReportPeriod, TaskProgress, TaskStatus, summarise,
};
use kehoach::domain::report::{Figure, PeriodReport, Tracking};
use kehoach::domain::slot::task_slots;
use kehoach::domain::{Deadline, Decimal, PartialDate, Plan};

use common::{SAMPLES, python, run, sample};

const YEAR: i32 = 2024;

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR, month, day).expect("a date")
}

fn done(status: TaskStatus, on: NaiveDate) -> TaskProgress {
    TaskProgress {
        status,
        completed_on: Some(on),
        ..TaskProgress::default()
    }
}

/// The standing each task of [`followed`] has at the quarter I cut-off (14/3/2024), by its place
/// among the plan's tasks; every other task is not started.
const STANDINGS: [(usize, &str); 8] = [
    (0, "Hoàn thành đúng hạn"),
    (2, "Đang thực hiện"),
    // Marked done, but on 20/3: still under way at the cut-off.
    (3, "Đang thực hiện"),
    (4, "Không thực hiện, điều chỉnh"),
    (5, "Hoàn thành chậm"),
    (20, "Hoàn thành đúng hạn"),
    (21, "Hoàn thành đúng hạn"),
    // Marked on time, done in February for a January deadline: late.
    (22, "Hoàn thành chậm"),
];

const RESULT: &str = "Đã tham mưu ban hành Kế hoạch số 15/KH-UBND ngày 10/3/2024.";

/// Tịnh Minh's 2024 plan (37 tasks) followed to the quarter I cut-off, its report numbered 31
/// and dated 20/3/2024, with two figures entered; task 23's deadline typed so that it cannot be
/// read.
fn followed() -> (Plan, ProgressBook, PeriodReport) {
    let mut plan = sample("tinh-minh-commune-2024");
    let slots: Vec<_> = task_slots(&plan)
        .into_iter()
        .map(|(slot, _)| slot)
        .collect();
    let mut set_deadline = |index: usize, text: &str| {
        let task = slots[index].get_mut(&mut plan).expect("a task");
        task.deadline = Deadline::new(text, YEAR);
    };
    set_deadline(22, "Tháng 01/2024");
    set_deadline(23, "Sớm nhất có thể");
    let ids: Vec<String> = task_slots(&plan)
        .iter()
        .map(|(_, task)| task.id.clone())
        .collect();
    let mut tracking = Tracking::new(&plan.id);
    tracking.set_progress(
        &ids[0],
        TaskProgress {
            result: RESULT.to_string(),
            evidence: vec![
                EvidenceDocument {
                    number: "15/KH-UBND".into(),
                    date: Some(date(3, 10)),
                    summary: "Rà soát văn bản quy phạm pháp luật năm 2024".into(),
                },
                EvidenceDocument {
                    number: "31/BC-UBND".into(),
                    date: Some(date(3, 12)),
                    summary: "Báo cáo kết quả rà soát".into(),
                },
            ],
            ..done(TaskStatus::DoneOnTime, date(3, 10))
        },
    );
    tracking.set_progress(
        &ids[2],
        TaskProgress {
            status: TaskStatus::InProgress,
            result: "Đã ban hành kế hoạch.\nĐang theo dõi thi hành.".into(),
            ..TaskProgress::default()
        },
    );
    tracking.set_progress(&ids[3], done(TaskStatus::DoneOnTime, date(3, 20)));
    tracking.set_progress(
        &ids[4],
        TaskProgress {
            status: TaskStatus::NotCarriedOut {
                reason: "Huyện điều chỉnh nhiệm vụ".into(),
            },
            note: "Theo Công văn số 12/UBND-VP".into(),
            ..TaskProgress::default()
        },
    );
    tracking.set_progress(&ids[5], done(TaskStatus::DoneLate, date(3, 1)));
    tracking.set_progress(&ids[20], done(TaskStatus::DoneOnTime, date(3, 5)));
    tracking.set_progress(&ids[21], done(TaskStatus::DoneOnTime, date(1, 30)));
    tracking.set_progress(&ids[22], done(TaskStatus::DoneOnTime, date(2, 20)));
    let report = tracking.report_mut(&plan, ReportPeriod::FirstQuarter);
    report.number.number = "31".into();
    report.date = PartialDate::ymd(YEAR, 3, 20);
    report.assessment =
        "Các nhiệm vụ quý I cơ bản được triển khai.\n\nCòn 01 nhiệm vụ chậm.".into();
    report
        .figures
        .set(Figure::DossiersOnline, Some(vi("1.234")));
    report
        .figures
        .set(Figure::SatisfactionRate, Some(vi("98,5")));
    let report = report.clone();
    (plan, tracking.progress, report)
}

fn vi(text: &str) -> Decimal {
    Decimal::parse_vi(text).expect("a number")
}

/// The standing of each of the plan's `count` tasks at the cut-off, from [`STANDINGS`].
fn standings(count: usize) -> Vec<&'static str> {
    (0..count)
        .map(|index| {
            STANDINGS
                .iter()
                .find(|(at, _)| *at == index)
                .map_or("Chưa triển khai", |(_, standing)| standing)
        })
        .collect()
}

fn paragraphs(section: &Section) -> Vec<String> {
    section
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(paragraph) => Some(paragraph.text()),
            _ => None,
        })
        .collect()
}

fn table(section: &Section) -> &Table {
    section
        .blocks
        .iter()
        .find_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .expect("a table")
}

fn items(table: &Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .filter_map(|row| match row {
            TableRow::Item { cells } => {
                Some(cells.iter().map(|cell| cell.lines().join("\n")).collect())
            }
            _ => None,
        })
        .collect()
}

fn count_of(values: &[&str], wanted: &str) -> usize {
    values.iter().filter(|value| **value == wanted).count()
}

#[test]
fn the_report_opens_with_its_number_date_title_and_data_period_then_parts_i_to_v() {
    let (plan, progress, report) = followed();
    let document = report_layout(&plan, &report, &progress);
    let body = &document.sections[0];
    assert_eq!(body.orientation, Orientation::Portrait);
    let Block::Header(header) = &body.blocks[0] else {
        panic!("a header first")
    };
    assert_eq!(header.issuing_body, ["ỦY BAN NHÂN DÂN", "XÃ TỊNH MINH"]);
    assert_eq!(header.number_line.as_deref(), Some("Số: 31/BC-UBND"));
    // The plan writes its place «Tĩnh Minh»; the report keeps the place it was given.
    assert_eq!(
        header.place_date.as_deref(),
        Some("Tĩnh Minh, ngày 20 tháng 3 năm 2024")
    );
    let Block::Title(title) = &body.blocks[1] else {
        panic!("the title second")
    };
    assert_eq!(title.kind, "BÁO CÁO");
    assert_eq!(
        title.subject.as_deref(),
        Some("Kết quả thực hiện công tác cải cách hành chính quý I năm 2024")
    );
    let texts = paragraphs(body);
    assert_eq!(
        texts[0],
        "(Số liệu tính từ ngày 15/12/2023 đến ngày 14/3/2024)"
    );
    let parts = [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ];
    let at: Vec<usize> = parts
        .iter()
        .map(|part| {
            texts
                .iter()
                .position(|text| text == part)
                .unwrap_or_else(|| panic!("«{part}» missing"))
        })
        .collect();
    assert!(at.windows(2).all(|pair| pair[0] < pair[1]), "{at:?}");
    // Part I is the drafted direction; part III the assessment, a paragraph per written line.
    assert_eq!(texts[at[0] + 1], report.direction);
    assert_eq!(
        texts[at[2] + 1..at[3]],
        [
            "Các nhiệm vụ quý I cơ bản được triển khai.",
            "Còn 01 nhiệm vụ chậm."
        ]
    );
}

#[test]
fn an_empty_assessment_prints_its_two_standard_points() {
    let (plan, progress, mut report) = followed();
    report.assessment.clear();
    let texts = paragraphs(&report_layout(&plan, &report, &progress).sections[0]);
    let at = texts
        .iter()
        .position(|text| text == "III. ĐÁNH GIÁ CHUNG")
        .expect("part III");
    assert_eq!(
        texts[at + 1..at + 4],
        [
            "1. Ưu điểm",
            "2. Tồn tại, hạn chế và nguyên nhân",
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"
        ]
    );
}

/// The headings of areas and the lines of tasks of the plan's own document, in order: the lines
/// the report must number the same way.
fn numbered_lines_of_the_plan(plan: &Plan) -> Vec<String> {
    let document = layout(plan);
    let contents: Vec<&str> = task_slots(plan)
        .into_iter()
        .map(|(_, task)| task.content.trim())
        .collect();
    let areas: Vec<&str> = plan
        .areas
        .iter()
        .flat_map(|area| std::iter::once(area).chain(&area.sub_areas))
        .map(|area| area.title.trim())
        .collect();
    let section = document
        .sections
        .iter()
        .find(|section| section.kind == SectionKind::Plan)
        .expect("the plan");
    section
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(p) if matches!(p.role, Role::Heading(2 | 3)) => {
                let text = p.text();
                let area = areas.iter().any(|title| text.ends_with(title));
                area.then_some(text)
            }
            Block::Paragraph(p) => {
                let text = p.text();
                let task = contents.iter().any(|content| {
                    text.strip_suffix(content)
                        .is_some_and(|label| label.ends_with(") "))
                });
                task.then_some(text)
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_area_and_task_is_numbered_as_the_plan_numbers_it_with_its_result() {
    let (plan, progress, report) = followed();
    let texts = paragraphs(&report_layout(&plan, &report, &progress).sections[0]);
    let expected = numbered_lines_of_the_plan(&plan);
    assert_eq!(
        expected.len(),
        plan.areas.len() + task_slots(&plan).len(),
        "an area heading and a line per task"
    );
    let mut from = 0;
    for line in &expected {
        let at = texts[from..]
            .iter()
            .position(|text| text == line)
            .unwrap_or_else(|| panic!("«{line}» missing or out of order"));
        from += at + 1;
    }
    // Each task line is followed by its result: the one written, else its standing.
    let standings = standings(task_slots(&plan).len());
    let task_lines: Vec<&String> = expected
        .iter()
        .filter(|line| !line.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(task_lines.len(), standings.len());
    for (index, (line, standing)) in task_lines.iter().zip(&standings).enumerate() {
        let at = texts.iter().position(|text| text == *line).expect("a task");
        let result = &texts[at + 1];
        match index {
            0 => assert_eq!(result, &format!("- Kết quả: {RESULT}")),
            2 => assert_eq!(
                texts[at + 1..at + 4],
                [
                    "- Kết quả:",
                    "+ Đã ban hành kế hoạch.",
                    "+ Đang theo dõi thi hành."
                ]
            ),
            _ => assert!(
                result.starts_with(&format!("- Kết quả: {standing}")),
                "task {index}: «{result}», expected «{standing}»"
            ),
        }
    }
}

#[test]
fn a_tasks_standing_says_when_it_was_done_why_it_was_dropped_and_what_shows_it() {
    let (plan, progress, report) = followed();
    let texts = paragraphs(&report_layout(&plan, &report, &progress).sections[0]);
    let after = |start: &str| -> Vec<&str> {
        let at = texts
            .iter()
            .position(|text| text.starts_with(start))
            .unwrap_or_else(|| panic!("«{start}» missing"));
        texts[at + 1..].iter().take(3).map(String::as_str).collect()
    };
    let tasks: Vec<String> = task_slots(&plan)
        .iter()
        .map(|(_, task)| task.content.trim().to_string())
        .collect();
    let first = after(&format!("a) {}", tasks[0]));
    assert_eq!(
        first[1],
        "- Tình trạng: Hoàn thành đúng hạn (ngày 10/3/2024)."
    );
    assert_eq!(
        first[2],
        "- Văn bản kiểm chứng: Kế hoạch số 15/KH-UBND ngày 10/3/2024 về rà soát văn bản quy \
         phạm pháp luật năm 2024; Báo cáo số 31/BC-UBND ngày 12/3/2024 về kết quả rà soát."
    );
    let done_after = after(&format!("d) {}", tasks[3]));
    assert!(
        done_after[0].ends_with("hoàn thành ngày 20/3/2024, sau ngày chốt số liệu)."),
        "{}",
        done_after[0]
    );
    let dropped = after(&format!("a) {}", tasks[4]));
    assert_eq!(
        dropped[0],
        "- Kết quả: Không thực hiện, điều chỉnh (lý do: Huyện điều chỉnh nhiệm vụ)."
    );
    let unreadable = after(&format!("d) {}", tasks[23]));
    assert_eq!(
        unreadable[0],
        "- Kết quả: Chưa triển khai (chưa hiểu được thời hạn)."
    );
}

/// (label, count) pairs of a count line: «Tổng số nhiệm vụ: 4; hoàn thành: 1 (đúng hạn: 1, chậm:
/// 0); quá hạn: 2.» gives the total under "Tổng số nhiệm vụ", done, on time, late and each class.
fn parse_counts(line: &str) -> Vec<(String, usize)> {
    let line = line.trim_end_matches('.');
    let mut pairs = Vec::new();
    for part in line.split("; ") {
        let (label, rest) = part.rsplit_once(": ").map_or((part, ""), |split| split);
        let (label, rest) = if let Some((count, inner)) = part
            .strip_prefix("hoàn thành: ")
            .and_then(|rest| rest.split_once(" ("))
        {
            for pair in inner.trim_end_matches(')').split(", ") {
                let (name, count) = pair.split_once(": ").expect("name: count");
                pairs.push((name.to_string(), count.parse().expect("a count")));
            }
            ("hoàn thành", count)
        } else {
            (label, rest)
        };
        pairs.push((label.to_string(), rest.parse().expect("a count")));
    }
    pairs
}

#[test]
fn count_lines_agree_with_the_summary_at_the_cut_off() {
    let (plan, progress, report) = followed();
    let texts = paragraphs(&report_layout(&plan, &report, &progress).sections[0]);
    let cut_off = date(3, 14);
    let summary = summarise(&plan, &progress, cut_off);
    let printed: Vec<&String> = texts
        .iter()
        .filter(|text| text.starts_with("Tổng số nhiệm vụ"))
        .collect();
    let counted: Vec<_> = std::iter::once(&summary.total)
        .chain(summary.groups.iter().map(|group| &group.counts))
        .collect();
    assert_eq!(printed.len(), counted.len(), "{printed:?}");
    for (line, counts) in printed.iter().zip(counted) {
        let pairs = parse_counts(line);
        let get = |label: &str| {
            pairs
                .iter()
                .find(|(name, _)| name == label)
                .map_or(0, |(_, count)| *count)
        };
        assert_eq!(pairs[0].1, counts.total(), "{line}");
        let done = counts.get(DueClass::DoneOnTime) + counts.get(DueClass::DoneLate);
        assert_eq!(get("hoàn thành"), done, "{line}");
        assert_eq!(get("đúng hạn"), counts.get(DueClass::DoneOnTime), "{line}");
        assert_eq!(get("chậm"), counts.get(DueClass::DoneLate), "{line}");
        for class in DueClass::ALL {
            if !matches!(class, DueClass::DoneOnTime | DueClass::DoneLate) {
                let label = class.label().to_lowercase();
                assert_eq!(get(&label), counts.get(class), "{label} in «{line}»");
            }
        }
    }
    // The deadline that cannot be read is said as such, in area 4's line and the plan's.
    assert_eq!(summary.total.get(DueClass::Unreadable), 1);
    assert!(printed[0].contains("chưa hiểu được thời hạn: 1"));
    assert!(printed[4].contains("chưa hiểu được thời hạn: 1"));
}

#[test]
fn phu_luc_i_is_landscape_with_a_row_per_task_and_each_status_counted() {
    let (plan, progress, report) = followed();
    let document = report_layout(&plan, &report, &progress);
    let kinds: Vec<(SectionKind, Orientation)> = document
        .sections
        .iter()
        .map(|section| (section.kind, section.orientation))
        .collect();
    assert_eq!(
        kinds,
        [
            (SectionKind::Plan, Orientation::Portrait),
            (SectionKind::Appendix, Orientation::Landscape),
            (SectionKind::Appendix, Orientation::Portrait),
        ]
    );
    let appendix = &document.sections[1];
    assert_eq!(
        paragraphs(appendix)[..3],
        [
            "Phụ lục I",
            "KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
            "(Kèm theo Báo cáo số 31/BC-UBND ngày 20/3/2024 của UBND xã Tịnh Minh)"
        ]
    );
    let table = table(appendix);
    let labels: Vec<&str> = table.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "STT",
            "Nhiệm vụ",
            "Cơ quan chủ trì",
            "Thời hạn",
            "Tình trạng",
            "Ngày hoàn thành",
            "Văn bản kiểm chứng",
            "Ghi chú"
        ]
    );
    let rows = items(table);
    let tasks = task_slots(&plan);
    assert_eq!(rows.len(), tasks.len());
    let expected = standings(tasks.len());
    for (index, ((row, (_, task)), standing)) in rows.iter().zip(&tasks).zip(&expected).enumerate()
    {
        assert!(row[1].starts_with(task.content.trim()), "row {index}");
        assert_eq!(row[4], *standing, "row {index}");
    }
    // STT restarts at «a» in each area, as the plan letters its points.
    let letters: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(letters[..6], ["a", "b", "c", "d", "a", "b"]);
    assert_eq!(rows[0][5], "10/3/2024");
    assert_eq!(rows[3][5], "", "done after the cut-off: no day done");
    assert_eq!(
        rows[4][7],
        "Lý do: Huyện điều chỉnh nhiệm vụ\nTheo Công văn số 12/UBND-VP"
    );
    // The group rows are the areas, and the last row counts each status.
    let groups: Vec<&str> = table
        .rows
        .iter()
        .filter_map(|row| match row {
            TableRow::Group { label, .. } => Some(label.as_str()),
            _ => None,
        })
        .collect();
    let mut numbers: Vec<String> = (1..=plan.areas.len()).map(|n| n.to_string()).collect();
    numbers.push(String::new());
    assert_eq!(groups, numbers);
    let Some(TableRow::Group { title, .. }) = table.rows.last() else {
        panic!("a total row last")
    };
    let statuses: Vec<&str> = rows.iter().map(|row| row[4].as_str()).collect();
    assert_eq!(
        *title,
        format!(
            "Tổng cộng: {} nhiệm vụ; chưa triển khai: {}; đang thực hiện: {}; hoàn thành đúng \
             hạn: {}; hoàn thành chậm: {}; không thực hiện, điều chỉnh: {}",
            tasks.len(),
            count_of(&expected, "Chưa triển khai"),
            count_of(&expected, "Đang thực hiện"),
            count_of(&expected, "Hoàn thành đúng hạn"),
            count_of(&expected, "Hoàn thành chậm"),
            count_of(&expected, "Không thực hiện, điều chỉnh"),
        )
    );
    assert_eq!(count_of(&statuses, "Hoàn thành chậm"), 2);
}

#[test]
fn an_appendix_with_rows_of_its_own_is_a_group_of_its_own_numbered_as_the_plan_numbers_it() {
    // Sơn Châu: 41 body tasks in 8 areas, then its appendix's 34 rows of their own.
    let plan = sample("son-chau-commune-2022");
    let book = ProgressBook::new();
    let report = PeriodReport::draft(&plan, &book, ReportPeriod::SixMonths);
    let document = report_layout(&plan, &report, &book);
    let texts = paragraphs(&document.sections[0]);
    let title = &plan.appendices[0].title;
    assert!(texts.contains(&format!("9. {title}")), "{title}");
    // Its rows keep the plan's numbers, 1 to 34, in the report's text and its table.
    let own = &layout(&plan).sections[1];
    let plan_rows = items(table(own));
    let report_rows = items(table(&document.sections[1]));
    assert_eq!(report_rows.len(), task_slots(&plan).len());
    let tail = &report_rows[report_rows.len() - plan_rows.len()..];
    for (mine, theirs) in tail.iter().zip(&plan_rows) {
        assert_eq!(mine[0], theirs[0]);
        assert_eq!(mine[1], theirs[1]);
        if !theirs[1].is_empty() {
            let line = format!("{}. {}", theirs[0], theirs[1].lines().next().unwrap_or(""));
            assert!(texts.contains(&line), "«{line}»");
        }
    }
}

#[test]
fn every_sample_gives_phu_luc_i_a_row_per_task_and_no_phu_luc_ii_without_figures() {
    for (name, _) in SAMPLES {
        let plan = sample(name);
        let book = ProgressBook::new();
        let report = PeriodReport::draft(&plan, &book, ReportPeriod::Year);
        let document = report_layout(&plan, &report, &book);
        assert_eq!(document.sections.len(), 2, "{name}");
        let appendix = &document.sections[1];
        assert_eq!(appendix.orientation, Orientation::Landscape, "{name}");
        let rows = items(table(appendix));
        assert_eq!(rows.len(), task_slots(&plan).len(), "{name}");
        assert!(rows.iter().all(|row| row[4] == "Chưa triển khai"), "{name}");
    }
}

#[test]
fn phu_luc_ii_lists_every_figure_with_the_values_entered() {
    let (plan, progress, report) = followed();
    let document = report_layout(&plan, &report, &progress);
    let figures = &document.sections[2];
    assert_eq!(paragraphs(figures)[0], "Phụ lục II");
    let table = table(figures);
    let rows: Vec<&Vec<Cell>> = table
        .rows
        .iter()
        .filter_map(|row| match row {
            TableRow::Item { cells } => Some(cells),
            _ => None,
        })
        .collect();
    assert_eq!(rows.len(), Figure::ALL.len());
    for (row, figure) in rows.iter().zip(Figure::ALL) {
        assert_eq!(row[1].lines(), [figure.label()]);
        let value = match figure {
            Figure::DossiersOnline => Cell::Amount(vi("1.234")),
            Figure::SatisfactionRate => Cell::Amount(vi("98,5")),
            _ => Cell::Lines(Vec::new()),
        };
        assert_eq!(row[2], value, "{figure:?}");
    }
}

fn closing(document: &Document) -> &Closing {
    document.sections[0]
        .blocks
        .iter()
        .find_map(|block| match block {
            Block::Closing(closing) => Some(closing),
            _ => None,
        })
        .expect("a closing")
}

#[test]
fn the_report_goes_up_to_the_district_and_the_chair_signs_for_the_committee() {
    let (plan, progress, report) = followed();
    let document = report_layout(&plan, &report, &progress);
    let closing = closing(&document);
    // Tịnh Minh wrote its 2024 plan under the district, before July 2025.
    assert_eq!(
        closing.recipients,
        ["- UBND huyện (b/c);", "- Phòng Nội vụ huyện;", "- Lưu: VT."]
    );
    let signature = closing.signature.as_ref().expect("a signature");
    // The plan was issued by the chair's decision, signed «CHỦ TỊCH»; the report is the
    // committee's.
    assert_eq!(signature.authority.as_deref(), Some("TM. ỦY BAN NHÂN DÂN"));
    assert_eq!(signature.title, "CHỦ TỊCH");
    assert_eq!(signature.name, "Lê Thị Mỹ Hiệp");
}

#[test]
fn a_closed_report_prints_what_it_said_at_closing() {
    let (plan, mut progress, report) = followed();
    let before = report_layout(&plan, &report, &progress);
    let mut closed = report.clone();
    closed.close(&plan, &progress, "2024-03-20T09:00:00+07:00");
    // Later in the year every task of the first area is done.
    let ids: Vec<String> = plan.areas[0].tasks.iter().map(|t| t.id.clone()).collect();
    for id in &ids {
        progress.insert(id.clone(), done(TaskStatus::DoneOnTime, date(5, 2)));
    }
    let (then_plan, then_progress) = closed.basis(&plan, &progress);
    assert_eq!(report_layout(then_plan, &closed, then_progress), before);
    assert_ne!(report_layout(&plan, &report, &progress), before);
}

/// A folder of the test's own under the target directory, since tests run in parallel.
fn folder(test: &str) -> PathBuf {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("report")
        .join(test);
    std::fs::create_dir_all(&folder).expect("temporary folder");
    folder
}

/// Runs LibreOffice headless in `folder` with a profile of its own, converting `input` to
/// `filter`.
fn libreoffice(folder: &Path, input: &Path, filter: &str) {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        folder.join("profile").display()
    );
    run(
        "libreoffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            filter,
            "--outdir",
            &folder.to_string_lossy(),
            &input.to_string_lossy(),
        ],
    );
}

#[test]
fn libreoffice_prints_the_word_file_portrait_then_the_landscape_phu_luc_i() {
    let (plan, progress, report) = followed();
    let folder = folder("docx");
    let path = folder.join("bao-cao.docx");
    std::fs::write(&path, write_docx(&report_layout(&plan, &report, &progress)))
        .expect("write docx");
    libreoffice(&folder, &path, "pdf");
    let pdf = folder.join("bao-cao.pdf").to_string_lossy().into_owned();
    let info = run("pdfinfo", &["-f", "1", "-l", "999", &pdf]);
    // A4 portrait is 595 × 842 points, landscape 842 × 595.
    let mut pages: Vec<&str> = info
        .lines()
        .filter(|line| line.starts_with("Page") && line.contains("size:"))
        .map(|line| {
            if line.contains("595.3") && line.contains("x 841.") {
                "portrait"
            } else {
                "landscape"
            }
        })
        .collect();
    assert!(pages.len() > 5, "{info}");
    // The report's pages, Phụ lục I's, then Phụ lục II's page.
    pages.dedup();
    assert_eq!(pages, ["portrait", "landscape", "portrait"], "{info}");
    let text = run("pdftotext", &["-layout", &pdf, "-"]);
    let plain = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Số: 31/BC-UBND",
        "Tĩnh Minh, ngày 20 tháng 3 năm 2024",
        "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính quý I năm 2024",
        "(Số liệu tính từ ngày 15/12/2023 đến ngày 14/3/2024)",
        RESULT,
        "Văn bản kiểm chứng: Kế hoạch số 15/KH-UBND ngày 10/3/2024",
        "Kết quả: Chưa triển khai (chưa hiểu được thời hạn).",
        "TM. ỦY BAN NHÂN DÂN",
        "Phụ lục I",
        "Tổng cộng: 37 nhiệm vụ; chưa triển khai: 29;",
        "Phụ lục II",
        "1.234",
        "98,5",
    ] {
        assert!(plain.contains(expected), "«{expected}» not in the PDF");
    }
}

/// Python's csv module reads `path` into rows of fields, as JSON.
const CSV_READER: &str = r#"
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
"#;

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    serde_json::from_str(&python(CSV_READER, [path])).expect("JSON rows")
}

/// The rows of task `rows` whose first field is a task's STT (a letter or a number).
fn task_rows(rows: &[Vec<String>]) -> Vec<&Vec<String>> {
    let header = rows
        .iter()
        .position(|row| row.first().is_some_and(|f| f == "STT"))
        .expect("the header row");
    rows[header + 1..]
        .iter()
        .take_while(|row| row.len() == 8)
        .filter(|row| !row[0].is_empty() && !row[1].is_empty() && !row[4].is_empty())
        .collect()
}

#[test]
fn libreoffice_reads_the_workbook_with_a_status_per_task_and_figures_as_numbers() {
    let (plan, progress, report) = followed();
    let folder = folder("xlsx");
    let path = folder.join("bao-cao.xlsx");
    let bytes = write_report_xlsx(&plan, &report, &progress).expect("a workbook");
    std::fs::write(&path, bytes).expect("write xlsx");
    // Every sheet to CSV, UTF-8, values as stored rather than as shown.
    libreoffice(
        &folder,
        &path,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
    );
    let tasks = csv_rows(&folder.join("bao-cao-Phụ lục I.csv"));
    assert_eq!(tasks[0][0], "Phụ lục I");
    let rows = task_rows(&tasks);
    let expected = standings(task_slots(&plan).len());
    let statuses: Vec<&str> = rows.iter().map(|row| row[4].as_str()).collect();
    assert_eq!(statuses, expected);
    let figures = csv_rows(&folder.join("bao-cao-Phụ lục II.csv"));
    let value = |figure: Figure| {
        figures
            .iter()
            .find(|row| row.get(1).is_some_and(|label| label == figure.label()))
            .map(|row| row[2].clone())
            .expect("the figure's row")
    };
    // Stored as numbers: 1234, not the text «1.234».
    assert_eq!(value(Figure::DossiersOnline), "1234");
    assert_eq!(value(Figure::SatisfactionRate), "98.5");
    assert_eq!(value(Figure::ApologyLetters), "");
}

#[test]
fn the_csv_parses_into_phu_luc_i_then_phu_luc_ii() {
    let (plan, progress, report) = followed();
    let csv = write_report_csv(&plan, &report, &progress).expect("a CSV");
    assert!(csv.starts_with('\u{FEFF}'));
    let path = folder("csv").join("bao-cao.csv");
    std::fs::write(&path, &csv).expect("write csv");
    let rows = csv_rows(&path);
    let rows_of = |title: &str| {
        rows.iter()
            .position(|row| row.first().is_some_and(|first| first == title))
            .expect(title)
    };
    let (first, second) = (rows_of("Phụ lục I"), rows_of("Phụ lục II"));
    assert!(first < second);
    let statuses: Vec<&str> = task_rows(&rows[first..second])
        .iter()
        .map(|row| row[4].as_str())
        .collect();
    assert_eq!(statuses, standings(task_slots(&plan).len()));
    let figures: Vec<&Vec<String>> = rows[second..]
        .iter()
        .filter(|row| row.len() == 3 && row[0].parse::<usize>().is_ok())
        .collect();
    assert_eq!(figures.len(), Figure::ALL.len());
    assert_eq!(figures[2][2], "1234");
    assert_eq!(figures[10][2], "98.5");
}
