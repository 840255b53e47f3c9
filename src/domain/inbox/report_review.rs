//! Kiểm tra báo cáo nhận được (a reviewer's checks on a received period report): its number,
//! signer, date and data period, the years its text names, and figures that do not add up —
//! more dossiers resolved than received, more feedback handled than received, more apology
//! letters than late dossiers. These are warnings, not errors: the sheet has no figure for what
//! the period before left pending, which may be resolved in this one. A figure check runs only
//! on the figures it needs being given; a figure left out is not taken for zero.

use chrono::Datelike;

use super::review::{Finding, Place, ReportPart, Severity, finding, slips_in};
use super::years::TextKind;
use crate::domain::budget::Decimal;
use crate::domain::plan::Plan;
use crate::domain::progress::DataPeriod;
use crate::domain::report::{Figure, Figures, PeriodReport, report_signer};

/// Every finding on a received period report of `plan`, whose file states `data_period`:
/// number and signer missing (errors), a date outside the plan's year or before the cut-off, a
/// data period outside the plan's year (error) or other than the plan sets, years in the
/// report's text that disagree with the plan's, and figures that do not add up.
pub fn review_report(plan: &Plan, report: &PeriodReport, data_period: DataPeriod) -> Vec<Finding> {
    let mut findings = Vec::new();
    let header = "Thông tin chung";
    if report.number.number.trim().is_empty() {
        findings.push(finding(
            Severity::Error,
            Place::Report(ReportPart::Number),
            header,
            "Báo cáo gửi lên chưa có số văn bản: bản gửi phải là bản đã ký, đã có số.".into(),
        ));
    }
    if report_signer(plan).name.trim().is_empty() {
        findings.push(finding(
            Severity::Error,
            Place::Report(ReportPart::Signer),
            "Người ký",
            "Chưa có họ tên người ký báo cáo.".into(),
        ));
    }
    match report.date.to_naive() {
        None => findings.push(finding(
            Severity::Warning,
            Place::Report(ReportPart::Date),
            header,
            "Báo cáo chưa ghi đủ ngày, tháng, năm ban hành.".into(),
        )),
        Some(date) if date.year() != plan.year => findings.push(finding(
            Severity::Warning,
            Place::Report(ReportPart::Date),
            header,
            format!(
                "Báo cáo đề ngày {}, không thuộc năm {} của kế hoạch.",
                date.format("%d/%m/%Y"),
                plan.year
            ),
        )),
        Some(date) if date < data_period.cut_off => findings.push(finding(
            Severity::Warning,
            Place::Report(ReportPart::Date),
            header,
            format!(
                "Báo cáo đề ngày {}, trước ngày chốt số liệu {}.",
                date.format("%d/%m/%Y"),
                data_period.cut_off.format("%d/%m/%Y")
            ),
        )),
        Some(_) => {}
    }
    data_period_findings(plan, report, data_period, &mut findings);
    let texts = [
        (
            ReportPart::Direction,
            &report.direction,
            "Công tác chỉ đạo, điều hành",
        ),
        (ReportPart::Assessment, &report.assessment, "Đánh giá chung"),
        (
            ReportPart::NextTasks,
            &report.next_tasks,
            "Phương hướng, nhiệm vụ kỳ tới",
        ),
        (
            ReportPart::Proposals,
            &report.proposals,
            "Kiến nghị, đề xuất",
        ),
    ];
    for (part, text, place) in texts {
        let at = Place::Report(part);
        slips_in(
            text,
            ("báo cáo", plan.year),
            TextKind::Body,
            at,
            || place.into(),
            &mut findings,
        );
    }
    check(&report.figures, &mut findings);
    findings
}

/// The data period in the plan's year, and as the plan sets it for the period.
fn data_period_findings(
    plan: &Plan,
    report: &PeriodReport,
    data_period: DataPeriod,
    findings: &mut Vec<Finding>,
) {
    let at = Place::Report(ReportPart::DataPeriod);
    let place = "Thời gian chốt số liệu";
    let day = |date: chrono::NaiveDate| date.format("%d/%m/%Y").to_string();
    if data_period.cut_off.year() != plan.year {
        findings.push(finding(
            Severity::Error,
            at,
            place,
            format!(
                "Báo cáo {} chốt số liệu ngày {}, không thuộc năm {} của kế hoạch.",
                report.period.title_name(),
                day(data_period.cut_off),
                plan.year
            ),
        ));
    } else if let Some(set) = report
        .period
        .period_for(plan)
        .filter(|set| *set != data_period)
    {
        findings.push(finding(
            Severity::Warning,
            at,
            place,
            format!(
                "Số liệu tính từ {} đến {}, khác với thời gian chốt số liệu mà kế hoạch quy định cho báo cáo {} (từ {} đến {}).",
                day(data_period.from),
                day(data_period.cut_off),
                report.period.with_year(plan.year),
                day(set.from),
                day(set.cut_off)
            ),
        ));
    }
}

/// The dossiers received: in person, online and by post, those given summed; `None` if none
/// is given.
fn received(figures: &Figures) -> Option<Decimal> {
    let given: Vec<Decimal> = [
        Figure::DossiersInPerson,
        Figure::DossiersOnline,
        Figure::DossiersByPost,
    ]
    .into_iter()
    .filter_map(|figure| figures.get(figure))
    .collect();
    (!given.is_empty()).then(|| given.into_iter().sum())
}

/// A finding at `figure` of the sheet.
fn at(figure: Figure, severity: Severity, message: String) -> Finding {
    finding(
        severity,
        Place::Report(ReportPart::Figure(figure)),
        "Số liệu",
        message,
    )
}

/// The findings on `figures`, in the sheet's order.
fn check(figures: &Figures, findings: &mut Vec<Finding>) {
    let on_time = figures.get(Figure::ResolvedOnTime);
    let late = figures.get(Figure::ResolvedLate);
    if let (Some(received), true) = (received(figures), on_time.is_some() || late.is_some()) {
        let resolved = on_time.unwrap_or_default() + late.unwrap_or_default();
        if resolved > received {
            findings.push(at(
                Figure::ResolvedOnTime,
                Severity::Warning,
                format!(
                    "Số hồ sơ đã giải quyết ({} đúng hạn, {} quá hạn, cộng {}) nhiều hơn số hồ sơ tiếp nhận ({}): xem lại, trừ khi có hồ sơ kỳ trước chuyển sang.",
                    on_time.unwrap_or_default().format_vi(),
                    late.unwrap_or_default().format_vi(),
                    resolved.format_vi(),
                    received.format_vi()
                ),
            ));
        }
    }
    if let (Some(letters), Some(late)) = (figures.get(Figure::ApologyLetters), late)
        && letters > late
    {
        findings.push(at(
            Figure::ApologyLetters,
            Severity::Warning,
            format!(
                "Số thư xin lỗi ({}) nhiều hơn số hồ sơ giải quyết quá hạn ({}).",
                letters.format_vi(),
                late.format_vi()
            ),
        ));
    }
    let feedback = (
        figures.get(Figure::FeedbackReceived),
        figures.get(Figure::FeedbackHandled),
    );
    if let (Some(got), Some(handled)) = feedback
        && handled > got
    {
        findings.push(at(
            Figure::FeedbackHandled,
            Severity::Warning,
            format!(
                "Số phản ánh, kiến nghị đã xử lý ({}) nhiều hơn số tiếp nhận ({}): xem lại, trừ khi có phản ánh kỳ trước chuyển sang.",
                handled.format_vi(),
                got.format_vi()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(values: &[(Figure, i64)]) -> Figures {
        let mut figures = Figures::default();
        for (figure, value) in values {
            figures.set(*figure, Some(Decimal::from_int(*value)));
        }
        figures
    }

    fn checked(figures: &Figures) -> Vec<Place> {
        let mut findings = Vec::new();
        check(figures, &mut findings);
        findings.into_iter().map(|f| f.at).collect()
    }

    #[test]
    fn more_resolved_than_received_is_an_error_and_missing_figures_are_not_zero() {
        let over = sheet(&[
            (Figure::DossiersInPerson, 40),
            (Figure::DossiersOnline, 50),
            (Figure::ResolvedOnTime, 85),
            (Figure::ResolvedLate, 10),
        ]);
        assert_eq!(
            checked(&over),
            [Place::Report(ReportPart::Figure(Figure::ResolvedOnTime))]
        );
        let exact = sheet(&[
            (Figure::DossiersInPerson, 40),
            (Figure::DossiersOnline, 50),
            (Figure::DossiersByPost, 5),
            (Figure::ResolvedOnTime, 85),
            (Figure::ResolvedLate, 10),
        ]);
        assert_eq!(checked(&exact), []);
        // No dossier figure given: nothing to compare with.
        assert_eq!(checked(&sheet(&[(Figure::ResolvedOnTime, 85)])), []);
    }

    #[test]
    fn letters_and_feedback_beyond_what_they_answer_are_found() {
        let figures = sheet(&[
            (Figure::ResolvedLate, 2),
            (Figure::ApologyLetters, 3),
            (Figure::FeedbackReceived, 4),
            (Figure::FeedbackHandled, 5),
        ]);
        assert_eq!(
            checked(&figures),
            [
                Place::Report(ReportPart::Figure(Figure::ApologyLetters)),
                Place::Report(ReportPart::Figure(Figure::FeedbackHandled)),
            ]
        );
    }
}
