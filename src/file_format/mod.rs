//! The file that travels by email: an envelope that says what it is (kind, format version, the
//! app that wrote it, who exported it and when, the period, a SHA-256 checksum) around one plan,
//! a bundle of plans, or one period's report with the plan it reports on. Writing is strict;
//! reading is tolerant and reports.

pub mod backup;
mod fields;
pub mod file_name;
pub mod journal;
pub mod migrate;
mod reader;
pub mod report;
mod scan;
mod steps;

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::domain::Plan;
use crate::domain::progress::{DataPeriod, ProgressBook, ReportPeriod};
use crate::domain::report::{Figure, PeriodReport};
pub use migrate::CURRENT_VERSION;
pub use report::{ImportReport, Outcome, Problem};
pub use steps::ImportSteps;

/// What every file of ours says it is, before anything else is read.
pub const FILE_KIND: &str = "ke-hoach-cchc";
/// The largest file accepted: far above a year of plans of a whole province.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;
/// The most plans in one bundle.
pub const MAX_PLANS: usize = 2_000;
/// The app version written into exported files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Whether the file holds one plan, a backup bundle of many, or a period report (báo cáo định
/// kỳ) with its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Plan,
    Bundle,
    Report,
}

/// Who exported the file and when; the caller supplies them (the domain has no clock).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportInfo {
    /// ISO 8601 time of export: "2026-11-23T14:32:00+07:00".
    pub exported_at: String,
    /// The exporting unit: "ỦY BAN NHÂN DÂN XÃ TỊNH MINH".
    pub exported_by: String,
}

/// Năm kế hoạch covered by the file's plans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from_year: i32,
    pub to_year: i32,
}

/// What the envelope of an imported file says about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileInfo {
    pub format_version: u64,
    pub app_version: String,
    pub exported_at: String,
    pub exported_by: String,
    pub period: Option<Period>,
    /// What the envelope says the file holds, when it names one of ours.
    pub scope: Option<Scope>,
    pub checksum_ok: bool,
}

/// A file that cannot be imported at all. Each message tells the person what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("Tệp trống, không có nội dung để nhập.")]
    Empty,
    #[error("Tệp quá lớn ({size_mb} MB); chỉ nhận tệp đến {limit_mb} MB.")]
    TooLarge { size_mb: usize, limit_mb: usize },
    #[error("Tệp không phải văn bản (không đúng mã UTF-8), có thể là tệp khác hoặc đã hỏng.")]
    NotText,
    #[error(
        "Tệp bị cắt cụt hoặc hỏng, không đọc được (dòng {line}, cột {column}). Hãy xin gửi lại tệp."
    )]
    Damaged { line: usize, column: usize },
    #[error("Tệp có cấu trúc lồng nhau quá sâu, không phải tệp kế hoạch của ứng dụng này.")]
    TooDeep,
    #[error("Đây không phải tệp kế hoạch của ứng dụng Soạn Kế hoạch cải cách hành chính.")]
    NotOurs,
    #[error(
        "Tệp được tạo bởi phiên bản mới hơn (định dạng {found}, ứng dụng này đọc đến {supported}). Hãy cập nhật ứng dụng rồi nhập lại; dữ liệu hiện có không bị thay đổi."
    )]
    NewerVersion { found: u64, supported: u64 },
    #[error("Tệp ghi phiên bản định dạng không hợp lệ.")]
    BadVersion,
    #[error("Tệp không chứa kế hoạch nào.")]
    NoPlans,
    #[error("Tệp báo cáo không chứa báo cáo nào.")]
    NoReports,
    #[error(
        "Báo cáo trong tệp không kèm kế hoạch mà nó báo cáo, nên không mở được. Hãy xin gửi lại tệp."
    )]
    ReportWithoutPlan,
    #[error(
        "Kỳ báo cáo «{found}» không rõ: chỉ có báo cáo quý I, 6 tháng, 9 tháng và năm. Hãy xin gửi lại tệp."
    )]
    UnknownReportPeriod { found: String },
    #[error(
        "Báo cáo không ghi rõ thời gian chốt số liệu (từ ngày, đến ngày). Hãy xin gửi lại tệp."
    )]
    NoDataPeriod,
    #[error(
        "Báo cáo chốt số liệu ngày {cut_off}, không thuộc năm {year} của kế hoạch. Hãy xin gửi lại tệp."
    )]
    CutOffOutsideYear { cut_off: String, year: i32 },
    #[error(
        "Báo cáo chốt số liệu ngày {cut_off}, trước ngày bắt đầu kỳ số liệu {from}. Hãy xin gửi lại tệp."
    )]
    CutOffBeforeStart { from: String, cut_off: String },
    #[error(
        "Số liệu «{}» của báo cáo là «{value}», không phải là {}. Tệp không được nhập để khi tổng hợp không thiếu số liệu; hãy xin gửi lại tệp.",
        .figure.label(),
        reader::tracking::figure_kind(*.figure)
    )]
    BadFigure { figure: Figure, value: String },
    #[error("Số liệu của báo cáo có dạng {found} thay vì một bảng số liệu. Hãy xin gửi lại tệp.")]
    FiguresNotASheet { found: &'static str },
    #[error(
        "Nội dung của tệp khi mở ra vượt quá {limit_mb} MB (tệp có rất nhiều mục rỗng hoặc lặp lại), nên không thể lưu và xuất lại được. Hãy hỏi lại nơi gửi tệp."
    )]
    ExpandsTooMuch { limit_mb: usize },
}

/// The result of reading a file: its plans (a plan or bundle file) or its reports (a report
/// file), never both, and everything worth telling about them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub info: FileInfo,
    pub plans: Vec<Plan>,
    pub reports: Vec<ReceivedReport>,
    pub report: ImportReport,
}

/// A period report received in a file (báo cáo định kỳ nhận được): the plan it reports on as it
/// stood for the report, the report (never closed: `closed` is `None`), the progress it was
/// drawn from, and the data period the sender's app stated.
#[derive(Clone, Debug, PartialEq)]
pub struct ReceivedReport {
    pub plan: Plan,
    pub report: PeriodReport,
    pub progress: ProgressBook,
    pub data_period: DataPeriod,
}

impl ReceivedReport {
    /// The report as the inbox's consolidation reads it: its plan, report and progress, cut
    /// off where its file says.
    pub fn basis(&self) -> crate::domain::inbox::ReportBasis<'_> {
        crate::domain::inbox::ReportBasis {
            plan: &self.plan,
            report: &self.report,
            progress: &self.progress,
            cut_off: self.data_period.cut_off,
        }
    }
}

#[derive(Serialize)]
struct Payload<'a> {
    plans: &'a [Plan],
}

/// The payload of a report file: `{"reports": [one entry]}`; what it holds takes no more room
/// than [`report_size_bound`] says.
#[derive(Serialize)]
struct ReportPayload<'a> {
    reports: [ReportEntry<'a>; 1],
}

/// One report in a file: the plan whole, the period, its data period, the report's own parts
/// (a [`PeriodReport`] without `period`, which the entry states, and without `closed`, which
/// the plan and progress here stand for) and the progress, by task id.
#[derive(Serialize)]
struct ReportEntry<'a> {
    plan: &'a Plan,
    period: ReportPeriod,
    data_period: Option<DataPeriod>,
    report: Value,
    progress: &'a ProgressBook,
}

#[derive(Serialize)]
struct Envelope<'a, P> {
    kind: &'static str,
    format_version: u64,
    app_version: &'static str,
    scope: Scope,
    exported_at: &'a str,
    exported_by: &'a str,
    period: Period,
    checksum: String,
    payload: &'a P,
}

/// Writes plans as a file: one plan, or a bundle when there are several (or `bundle` asks).
pub fn export_plans(plans: &[Plan], info: &ExportInfo, bundle: bool) -> String {
    let years = plans.iter().map(|plan| plan.year);
    let period = Period {
        from_year: years.clone().min().unwrap_or_default(),
        to_year: years.max().unwrap_or_default(),
    };
    let scope = if bundle || plans.len() != 1 {
        Scope::Bundle
    } else {
        Scope::Plan
    };
    write_file(scope, period, info, &Payload { plans })
}

/// Writes one period's report as a file, with `plan` and `progress` its basis (the snapshot of
/// a closed report: [`PeriodReport::basis`]), so that whoever receives it can open, print and
/// add it up without having the plan. The envelope's period is the plan's year; `info` names
/// the issuing body.
pub fn export_report(
    plan: &Plan,
    report: &PeriodReport,
    progress: &ProgressBook,
    info: &ExportInfo,
) -> String {
    let period = Period {
        from_year: plan.year,
        to_year: plan.year,
    };
    let mut parts = serde_json::to_value(report).unwrap_or_default();
    if let Value::Object(parts) = &mut parts {
        parts.remove("period");
        parts.remove("closed");
    }
    let payload = ReportPayload {
        reports: [ReportEntry {
            plan,
            period: report.period,
            data_period: report.period.period_for(plan),
            report: parts,
            progress,
        }],
    };
    write_file(Scope::Report, period, info, &payload)
}

/// The envelope around `payload`, written pretty, with the checksum of its canonical form.
fn write_file<P: Serialize>(
    scope: Scope,
    period: Period,
    info: &ExportInfo,
    payload: &P,
) -> String {
    let envelope = Envelope {
        kind: FILE_KIND,
        format_version: CURRENT_VERSION,
        app_version: APP_VERSION,
        scope,
        exported_at: &info.exported_at,
        exported_by: &info.exported_by,
        period,
        checksum: checksum(&serde_json::to_value(payload).unwrap_or(Value::Null)),
        payload,
    };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// "sha256:" and the hex digest of the payload's canonical form (keys sorted, no spaces), so
/// that re-indenting the file does not break it but changing any value does.
fn checksum(payload: &Value) -> String {
    let canonical = serde_json::to_string(payload).unwrap_or_default();
    hex_digest(Sha256::digest(canonical.as_bytes()).as_slice())
}

/// "sha256:" and a digest in lowercase hex.
fn hex_digest(digest: &[u8]) -> String {
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    hex
}

/// Reads a file. Fatal problems (not ours, newer version, damaged beyond reading) are errors;
/// everything else is repaired or skipped and listed in the report.
pub fn import_file(bytes: &[u8]) -> Result<Imported, ImportError> {
    ImportSteps::start(bytes)?.finish()
}

/// What the envelope says (its information, the checksum it states) and the payload it holds;
/// an error when it is not ours or not a version this app reads.
fn read_envelope(value: Value) -> Result<(FileInfo, Option<String>, Value), ImportError> {
    let Value::Object(mut envelope) = value else {
        return Err(ImportError::NotOurs);
    };
    if envelope.get("kind").and_then(Value::as_str) != Some(FILE_KIND) {
        return Err(ImportError::NotOurs);
    }
    let version = match envelope.get("format_version") {
        Some(Value::Number(number)) => number.as_u64().ok_or(ImportError::BadVersion)?,
        _ => return Err(ImportError::BadVersion),
    };
    if version > CURRENT_VERSION {
        return Err(ImportError::NewerVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    if version < migrate::OLDEST_VERSION {
        return Err(ImportError::BadVersion);
    }
    let payload = envelope.remove("payload").unwrap_or(Value::Null);
    let text_of = |key: &str| {
        envelope
            .get(key)
            .and_then(Value::as_str)
            .map(crate::domain::text::clean)
            .unwrap_or_default()
    };
    let period = envelope.get("period").and_then(|period| {
        let year = |key: &str| {
            period
                .get(key)
                .and_then(Value::as_i64)
                .and_then(|y| i32::try_from(y).ok())
        };
        Some(Period {
            from_year: year("from_year")?,
            to_year: year("to_year")?,
        })
    });
    let scope = match envelope.get("scope").and_then(Value::as_str) {
        Some("plan") => Some(Scope::Plan),
        Some("bundle") => Some(Scope::Bundle),
        Some("report") => Some(Scope::Report),
        _ => None,
    };
    let info = FileInfo {
        format_version: version,
        app_version: text_of("app_version"),
        exported_at: text_of("exported_at"),
        exported_by: text_of("exported_by"),
        period,
        scope,
        checksum_ok: false,
    };
    let stated_checksum = envelope
        .get("checksum")
        .and_then(Value::as_str)
        .map(str::to_string);
    Ok((info, stated_checksum, payload))
}

/// A plan without an id gets one from its content; plans of one bundle sharing an id are told
/// apart, so that storing the bundle cannot overwrite one with another.
fn give_plans_unique_ids(plans: &mut [Plan], reader: &mut fields::Reader) {
    let mut ids = reader::UniqueIds::default();
    for (index, plan) in plans.iter_mut().enumerate() {
        if plan.id.is_empty() {
            let content = serde_json::to_string(&*plan).unwrap_or_default();
            let digest = checksum(&Value::String(content));
            plan.id = format!("ke-hoach-{}", &digest[7..19]);
        }
        if let Some(original) = ids.claim(&mut plan.id, "ke-hoach-") {
            reader.within(format!("Kế hoạch {}", index + 1), |r| {
                r.problem(
                    format!(
                        "mã kế hoạch «{original}» trùng với kế hoạch khác trong tệp, đã đổi thành «{}»",
                        plan.id
                    ),
                    Outcome::Repaired,
                );
            });
        }
    }
}

/// The room a payload has in a file: the envelope around it takes well under 4 KB.
const PAYLOAD_ROOM: usize = MAX_FILE_BYTES - 4096;

/// Whether `payload` exports to a file within [`MAX_FILE_BYTES`].
fn fits_in_a_file<P: Serialize>(payload: &P) -> bool {
    written_size(payload, PAYLOAD_ROOM).is_some()
}

/// The bytes `value` takes written pretty one level deep (as the payload is, indented inside
/// the envelope), if no more than `room`: found by writing it to a counter that gives up past
/// `room` rather than building the text.
fn written_size<P: Serialize>(value: &P, room: usize) -> Option<usize> {
    let mut counter = Counter { left: room };
    serde_json::to_writer_pretty(&mut counter, &[value]).ok()?;
    Some(room - counter.left)
}

/// At least the bytes `received` takes exported again as a report file ([`export_report`]),
/// if it fits in one. The plan is counted as a plan file writes it, and a quarter added: in a
/// report file each of its lines is two spaces deeper, and none takes fewer than eight bytes
/// (six of indent, a character, the line end). The progress and the report's own parts are
/// bounded from their texts, each written at most twice as long (a cleaned text escapes only
/// quotes, backslashes, tabs and line ends) with a [`LINE`] for its key, and a [`LINE`] for
/// every other line of structure: writing them exactly would put a second writer of them in
/// the app, for files no commune sends.
fn report_size_bound(received: &ReceivedReport) -> Option<usize> {
    use crate::domain::progress::TaskStatus;
    let texts = |texts: &[&str]| texts.iter().map(|t| 2 * t.len() + LINE).sum::<usize>();
    let progress: usize = received
        .progress
        .iter()
        .map(|(id, progress)| {
            let reason = match &progress.status {
                TaskStatus::NotCarriedOut { reason } => reason.as_str(),
                _ => "",
            };
            let evidence: usize = progress
                .evidence
                .iter()
                .map(|e| 3 * LINE + texts(&[&e.number, &e.summary]))
                .sum();
            8 * LINE + texts(&[id, reason, &progress.result, &progress.note]) + evidence
        })
        .sum();
    let r = &received.report;
    let parts = texts(&[
        &r.number.number,
        &r.number.symbol,
        &r.place,
        &r.direction,
        &r.assessment,
        &r.next_tasks,
        &r.proposals,
    ]);
    // The entry's own lines, the number's and the date's, and one for each figure.
    let structure = (24 + r.figures.0.len()) * LINE;
    let room = PAYLOAD_ROOM.checked_sub(progress + parts + structure)?;
    let plans = Payload {
        plans: std::slice::from_ref(&received.plan),
    };
    let plan = written_size(&plans, room)?;
    let plan = plan + plan / 4;
    (plan <= room).then_some(PAYLOAD_ROOM - room + plan)
}

/// Room for a line of structure in an exported file: its indent (at most 9 levels of two
/// spaces in a report's progress), a key, a date or a figure, and punctuation.
const LINE: usize = 64;

/// A writer that only counts, and refuses to go past `left` bytes.
struct Counter {
    left: usize,
}

impl std::io::Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.left = self
            .left
            .checked_sub(bytes.len())
            .ok_or(std::io::ErrorKind::FileTooLarge)?;
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Restores one plan stored by the app (IndexedDB) through the same validation as a file.
pub fn restore_plan(value: &Value) -> (Option<Plan>, ImportReport) {
    let mut report = ImportReport::default();
    let plan = reader::read_plan(&mut fields::Reader::new(&mut report), value);
    (plan, report)
}

/// Restores a plan's follow-up (progress and period reports) stored by the app, through the
/// same tolerant reading as a file.
pub fn restore_tracking(value: &Value) -> (Option<crate::domain::report::Tracking>, ImportReport) {
    let mut report = ImportReport::default();
    let tracking = reader::tracking::read_tracking(&mut fields::Reader::new(&mut report), value);
    (tracking, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Decimal;
    use crate::domain::progress::{EvidenceDocument, TaskProgress, TaskStatus};
    use crate::domain::report::Figures;

    /// Texts that JSON writes longest: quotes, backslashes, tabs and line ends.
    fn escaped(length: usize) -> String {
        "\"\\\t\n".repeat(length / 4)
    }

    #[test]
    fn the_size_bound_of_a_report_is_never_below_its_export() {
        let plan = Plan {
            id: "p".into(),
            year: 2026,
            title: escaped(400),
            ..Plan::default()
        };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
        let mut progress = ProgressBook::new();
        for index in 0..300 {
            let status = match index % 3 {
                0 => TaskStatus::default(),
                1 => TaskStatus::NotCarriedOut {
                    reason: escaped(index),
                },
                _ => TaskStatus::DoneLate,
            };
            let evidence = EvidenceDocument {
                number: escaped(index % 7),
                date: day,
                summary: escaped(index % 5),
            };
            progress.insert(
                format!("\"{index}\""),
                TaskProgress {
                    status,
                    completed_on: day,
                    result: escaped(index % 11),
                    evidence: vec![evidence; index % 4],
                    note: escaped(index % 13),
                },
            );
        }
        let mut figures = Figures::default();
        for (figure, _) in reader::tracking::FIGURES {
            let largest = if figure.is_count() {
                Decimal::from_int(999_999_999_999_999)
            } else {
                Decimal::from_millionths(99_999_999)
            };
            figures.set(figure, Some(largest));
        }
        let report = PeriodReport {
            number: crate::domain::DocumentNumber {
                number: escaped(8),
                symbol: escaped(8),
            },
            place: escaped(12),
            date: crate::domain::PartialDate::ymd(2026, 3, 20),
            direction: escaped(1000),
            assessment: escaped(500),
            next_tasks: escaped(100),
            proposals: escaped(100),
            figures,
            ..PeriodReport::draft(&plan, &progress, ReportPeriod::FirstQuarter)
        };
        let info = ExportInfo::default();
        let written = export_report(&plan, &report, &progress, &info);
        let received = ReceivedReport {
            data_period: ReportPeriod::FirstQuarter
                .period_for(&plan)
                .expect("a period"),
            plan,
            report,
            progress,
        };
        let bound = report_size_bound(&received).expect("fits");
        // The envelope before the payload is counted apart, within the 4 KB kept for it.
        let envelope = written.find("\"payload\"").expect("payload");
        assert!(
            bound >= written.len() - envelope,
            "{bound} < {}",
            written.len()
        );
        assert!(
            bound < 3 * written.len(),
            "{bound} is far above {}",
            written.len()
        );
    }
}
