//! Reading a plan's follow-up ([`Tracking`]): each task's progress and the period reports, from
//! a stored record, by the same tolerant rules as a plan; and a report file's report
//! ([`read_received_report`]) from the same parts, refused where a province could miscount.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use super::{Object, read_iso_date, read_number, read_partial_date, read_plan};
use crate::domain::Decimal;
use crate::domain::progress::{
    DataPeriod, EvidenceDocument, ProgressBook, ReportPeriod, TaskProgress, TaskStatus,
};
use crate::domain::report::{Figure, Figures, PeriodReport, Snapshot, Tracking};
use crate::domain::slot::task_slots;
use crate::file_format::fields::{Reader, kind_of, preview, shorten};
use crate::file_format::report::Outcome;
use crate::file_format::{ImportError, ReceivedReport};

/// The names of the report periods in the file format, in [`ReportPeriod::ALL`]'s order.
pub const PERIOD_NAMES: [&str; 4] = ["first_quarter", "six_months", "nine_months", "year"];

/// The names of the statuses in the file format, in [`TaskStatus::LABELS`]' order.
const STATUS_NAMES: [&str; 5] = [
    "not_started",
    "in_progress",
    "done_on_time",
    "done_late",
    "not_carried_out",
];

/// The figures of the sheet in the file format's names.
pub const FIGURES: [(Figure, &str); 11] = [
    (Figure::ProceduresPublished, "procedures_published"),
    (Figure::DossiersInPerson, "dossiers_in_person"),
    (Figure::DossiersOnline, "dossiers_online"),
    (Figure::DossiersByPost, "dossiers_by_post"),
    (Figure::ResolvedOnTime, "resolved_on_time"),
    (Figure::ResolvedLate, "resolved_late"),
    (Figure::ApologyLetters, "apology_letters"),
    (Figure::DossiersDigitised, "dossiers_digitised"),
    (Figure::FeedbackReceived, "feedback_received"),
    (Figure::FeedbackHandled, "feedback_handled"),
    (Figure::SatisfactionRate, "satisfaction_rate"),
];

/// Reads a plan's follow-up; `None` only when the value is not an object.
pub fn read_tracking(r: &mut Reader, value: &Value) -> Option<Tracking> {
    let o = r.object(value, "Theo dõi thực hiện")?;
    let mut reports: Vec<PeriodReport> = r.list(
        o,
        &["reports"],
        "Báo cáo",
        |i| format!("Báo cáo {}", i + 1),
        |r, v, _| read_period_report(r, v),
    );
    // One report per period: a second one of the same period is left out.
    let mut seen = Vec::new();
    let listed = reports.len();
    reports.retain(|report| {
        let first = !seen.contains(&report.period);
        seen.push(report.period);
        first
    });
    if reports.len() < listed {
        r.problem(
            "có hơn một báo cáo cho cùng một kỳ, chỉ giữ báo cáo đầu tiên",
            Outcome::Skipped,
        );
    }
    reports.sort_by_key(|report| report.period);
    Some(Tracking {
        plan_id: r.text(o, &["plan_id"], "Mã kế hoạch"),
        progress: read_progress_book(r, Reader::field(o, &["progress"])),
        reports,
    })
}

/// Each task's progress by task id.
pub fn read_progress_book(r: &mut Reader, value: Option<&Value>) -> ProgressBook {
    let Some(o) = value.and_then(|v| r.object(v, "Tiến độ")) else {
        return ProgressBook::new();
    };
    let mut book = ProgressBook::new();
    for (id, value) in o {
        let id = crate::domain::text::clean(id);
        if id.trim().is_empty() {
            r.problem("tiến độ không có mã nhiệm vụ, đã bỏ qua", Outcome::Skipped);
            continue;
        }
        let progress = r.within(format!("Tiến độ nhiệm vụ «{id}»"), |r| {
            read_task_progress(r, value)
        });
        if let Some(progress) = progress {
            book.insert(id, progress);
        }
    }
    book
}

fn read_task_progress(r: &mut Reader, value: &Value) -> Option<TaskProgress> {
    let o = r.object(value, "Tiến độ")?;
    // Written as `{"kind": "not_carried_out", "reason": "…"}`; a bare name is taken too.
    let status = match Reader::field(o, &["status"]) {
        None | Some(Value::Null) => TaskStatus::NotStarted,
        Some(Value::String(name)) => {
            let wrapped = Object::from_iter([("kind".to_string(), Value::String(name.clone()))]);
            read_status(r, &wrapped)
        }
        Some(value) => match r.object(value, "Tình trạng") {
            Some(s) => read_status(r, s),
            None => TaskStatus::NotStarted,
        },
    };
    Some(TaskProgress {
        status,
        completed_on: read_iso_date(r, o, &["completed_on"], "Ngày hoàn thành"),
        result: r.text(o, &["result"], "Kết quả thực hiện"),
        evidence: r.list(
            o,
            &["evidence"],
            "Văn bản kiểm chứng",
            |i| format!("Văn bản kiểm chứng {}", i + 1),
            |r, v, _| {
                let d = r.object(v, "Văn bản kiểm chứng")?;
                Some(EvidenceDocument {
                    number: r.text(d, &["number"], "Số, ký hiệu"),
                    date: read_iso_date(r, d, &["date"], "Ngày ban hành"),
                    summary: r.text(d, &["summary"], "Trích yếu"),
                })
            },
        ),
        note: r.text(o, &["note"], "Ghi chú"),
    })
}

fn read_status(r: &mut Reader, s: &Object) -> TaskStatus {
    let index = r.choice(s, &["kind"], "Tình trạng", &STATUS_NAMES);
    let reason = match index {
        Some(4) => r.text(s, &["reason"], "Lý do"),
        _ => String::new(),
    };
    TaskStatus::from_index(index.unwrap_or(0), reason)
}

/// The period a report is for, by its name; `None` (reported) when it is missing or unknown.
pub fn read_period(r: &mut Reader, o: &Object) -> Option<ReportPeriod> {
    let period = r
        .choice(o, &["period"], "Kỳ báo cáo", &PERIOD_NAMES)
        .and_then(|index| ReportPeriod::ALL.get(index).copied());
    if period.is_none() {
        r.problem("không rõ kỳ báo cáo, đã bỏ qua báo cáo", Outcome::Skipped);
    }
    period
}

fn read_period_report(r: &mut Reader, value: &Value) -> Option<PeriodReport> {
    let o = r.object(value, "Báo cáo")?;
    let period = read_period(r, o)?;
    let closed = match Reader::field(o, &["closed"]) {
        None | Some(Value::Null) => None,
        Some(value) => r.within("Bản đã chốt", |r| {
            let c = r.object(value, "Bản đã chốt")?;
            let plan = read_plan(r, Reader::field(c, &["plan"])?)?;
            Some(Snapshot {
                at: r.text(c, &["at"], "Thời điểm chốt"),
                plan,
                progress: read_progress_book(r, Reader::field(c, &["progress"])),
            })
        }),
    };
    let (report, _) = read_report_parts(r, o, period);
    Some(PeriodReport { closed, ..report })
}

/// The parts of a report of `period` the person writes, and its figures sheet; not its
/// snapshot (`closed` is `None`). Also the first figure [`read_figures`] refused, as the error
/// that refuses a report file.
pub fn read_report_parts(
    r: &mut Reader,
    o: &Object,
    period: ReportPeriod,
) -> (PeriodReport, Option<ImportError>) {
    let number = read_number(r, Reader::field(o, &["number"]));
    let place = r.text(o, &["place"], "Địa danh");
    let date = read_partial_date(r, Reader::field(o, &["date"]), "Ngày báo cáo");
    let direction = r.text(o, &["direction"], "Công tác chỉ đạo, điều hành");
    let assessment = r.text(o, &["assessment"], "Đánh giá chung");
    let next_tasks = r.text(o, &["next_tasks"], "Phương hướng, nhiệm vụ kỳ tới");
    let proposals = r.text(o, &["proposals"], "Kiến nghị, đề xuất");
    let (figures, refused) = read_figures(r, Reader::field(o, &["figures"]));
    let report = PeriodReport {
        period,
        number,
        place,
        date,
        direction,
        assessment,
        next_tasks,
        proposals,
        figures,
        closed: None,
    };
    (report, refused)
}

/// The figures sheet; a figure that is not a number, or not one the figure can be (a count
/// with decimals, a rate over 100), is reported and left out. Also the first figure left out
/// (or the sheet, when it is not one) as the error a report file is refused with.
pub fn read_figures(r: &mut Reader, value: Option<&Value>) -> (Figures, Option<ImportError>) {
    let mut figures = Figures::default();
    let mut refused = None;
    let o = match value {
        None | Some(Value::Null) => return (figures, None),
        Some(Value::Object(o)) => o,
        Some(other) => {
            r.object(other, "Số liệu");
            let found = kind_of(other);
            return (figures, Some(ImportError::FiguresNotASheet { found }));
        }
    };
    for (key, value) in o {
        let Some((figure, _)) = FIGURES.iter().find(|(_, name)| name == key) else {
            r.problem(
                format!("số liệu «{}» không rõ, đã bỏ qua", shorten(key)),
                Outcome::Skipped,
            );
            continue;
        };
        let number = match value {
            Value::Null => continue,
            Value::String(text) => Decimal::parse_machine(text).ok(),
            Value::Number(number) => Decimal::parse_machine(&number.to_string()).ok(),
            _ => None,
        };
        match number {
            Some(number) if figure.accepts(number) => figures.set(*figure, Some(number)),
            _ => {
                let value = preview(value);
                r.problem(
                    format!(
                        "{} «{value}» không phải là {}, đã bỏ qua",
                        figure.label(),
                        figure_kind(*figure)
                    ),
                    Outcome::Skipped,
                );
                refused.get_or_insert(ImportError::BadFigure {
                    figure: *figure,
                    value,
                });
            }
        }
    }
    (figures, refused)
}

/// What a figure must be: «số đếm hợp lệ» or «tỷ lệ phần trăm hợp lệ».
pub fn figure_kind(figure: Figure) -> &'static str {
    if figure.is_count() {
        "số đếm hợp lệ"
    } else {
        "tỷ lệ phần trăm hợp lệ"
    }
}

/// The period a report file names ("first_quarter" …), if it is one of [`PERIOD_NAMES`].
fn period_named(name: &str) -> Option<ReportPeriod> {
    let index = PERIOD_NAMES.iter().position(|known| *known == name)?;
    ReportPeriod::ALL.get(index).copied()
}

/// Reads one report of a report file: the plan it reports on, its period and data period, its
/// parts and figures, and the progress it was drawn from. Unlike a stored record, a report
/// without its plan, of an unknown period, with a data period that does not fit the plan's
/// year or a figure that cannot be one refuses the whole file: a province adding up the
/// communes' reports must not take one with a number silently left out. Progress of a task the
/// plan does not have is kept, and told of.
pub fn read_received_report(
    r: &mut Reader,
    value: &Value,
) -> Result<Option<ReceivedReport>, ImportError> {
    let Some(o) = r.object(value, "Báo cáo") else {
        return Ok(None);
    };
    let plan = Reader::field(o, &["plan"]).and_then(|plan| read_plan(r, plan));
    let plan = plan.ok_or(ImportError::ReportWithoutPlan)?;
    let period = Reader::field(o, &["period"]);
    let period = period
        .and_then(Value::as_str)
        .and_then(period_named)
        .ok_or_else(|| ImportError::UnknownReportPeriod {
            found: period.map(preview).unwrap_or_default(),
        })?;
    let data_period = read_data_period(Reader::field(o, &["data_period"]), plan.year)?;
    let no_parts = Object::new();
    let parts = match Reader::field(o, &["report"]) {
        None | Some(Value::Null) => &no_parts,
        Some(value) => r.object(value, "Báo cáo").unwrap_or(&no_parts),
    };
    let (report, refused) = read_report_parts(r, parts, period);
    if let Some(error) = refused {
        return Err(error);
    }
    let progress = read_progress_book(r, Reader::field(o, &["progress"]));
    // Of the same type as the ids made unique as the plan was read, to share its code.
    let tasks: HashSet<String> = task_slots(&plan)
        .into_iter()
        .map(|(_, task)| task.id.clone())
        .collect();
    for id in progress.keys() {
        if !tasks.contains(id) {
            r.within(format!("Tiến độ nhiệm vụ «{id}»"), |r| {
                r.problem(
                    "kế hoạch của báo cáo không có nhiệm vụ này; tiến độ được giữ nhưng không tính vào báo cáo",
                    Outcome::Warning,
                );
            });
        }
    }
    Ok(Some(ReceivedReport {
        plan,
        report,
        progress,
        data_period,
    }))
}

/// The data period a report file states: both dates, the cut-off in the plan's `year` and not
/// before the start.
fn read_data_period(value: Option<&Value>, year: i32) -> Result<DataPeriod, ImportError> {
    let date = |key: &str| value?.get(key)?.as_str()?.parse::<NaiveDate>().ok();
    let (Some(from), Some(cut_off)) = (date("from"), date("cut_off")) else {
        return Err(ImportError::NoDataPeriod);
    };
    if cut_off.year() != year {
        return Err(ImportError::CutOffOutsideYear {
            cut_off: day_month_year(cut_off),
            year,
        });
    }
    if cut_off < from {
        return Err(ImportError::CutOffBeforeStart {
            from: day_month_year(from),
            cut_off: day_month_year(cut_off),
        });
    }
    Ok(DataPeriod { from, cut_off })
}

/// "14/03/2026", as a message to the person writes a date.
fn day_month_year(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}
