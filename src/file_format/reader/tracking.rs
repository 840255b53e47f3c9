//! Reading a plan's follow-up ([`Tracking`]): each task's progress and the period reports, from
//! a stored record or a report file, by the same tolerant rules as a plan.

use serde_json::Value;

use super::{Object, read_iso_date, read_number, read_partial_date, read_plan};
use crate::domain::Decimal;
use crate::domain::progress::{
    EvidenceDocument, ProgressBook, ReportPeriod, TaskProgress, TaskStatus,
};
use crate::domain::report::{Figure, Figures, PeriodReport, Snapshot, Tracking};
use crate::file_format::fields::{Reader, preview, shorten};
use crate::file_format::report::Outcome;

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
    Some(PeriodReport {
        period,
        number: read_number(r, Reader::field(o, &["number"])),
        place: r.text(o, &["place"], "Địa danh"),
        date: read_partial_date(r, Reader::field(o, &["date"]), "Ngày báo cáo"),
        direction: r.text(o, &["direction"], "Công tác chỉ đạo, điều hành"),
        assessment: r.text(o, &["assessment"], "Đánh giá chung"),
        next_tasks: r.text(o, &["next_tasks"], "Phương hướng, nhiệm vụ kỳ tới"),
        proposals: r.text(o, &["proposals"], "Kiến nghị, đề xuất"),
        figures: read_figures(r, Reader::field(o, &["figures"])),
        closed,
    })
}

/// The figures sheet; a figure that is not a number, or not one the figure can be (a count
/// with decimals, a rate over 100), is reported and left out.
pub fn read_figures(r: &mut Reader, value: Option<&Value>) -> Figures {
    let Some(o) = value.and_then(|v| r.object(v, "Số liệu")) else {
        return Figures::default();
    };
    let mut figures = Figures::default();
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
            _ => r.problem(
                format!(
                    "{} «{}» không phải là {}, đã bỏ qua",
                    figure.label(),
                    preview(value),
                    if figure.is_count() {
                        "số đếm hợp lệ"
                    } else {
                        "tỷ lệ phần trăm hợp lệ"
                    }
                ),
                Outcome::Skipped,
            ),
        }
    }
    figures
}
