//! Số liệu không khớp (figures that do not add up) in a received report's sheet: more dossiers
//! resolved than received, more feedback handled than received, more apology letters than late
//! dossiers. A check runs only on the figures it needs being given; a figure left out is not
//! taken for zero.

use super::review::{Finding, Place, ReportPart, Severity, finding};
use crate::domain::budget::Decimal;
use crate::domain::report::{Figure, Figures};

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
pub fn check(figures: &Figures, findings: &mut Vec<Finding>) {
    let on_time = figures.get(Figure::ResolvedOnTime);
    let late = figures.get(Figure::ResolvedLate);
    if let (Some(received), true) = (received(figures), on_time.is_some() || late.is_some()) {
        let resolved = on_time.unwrap_or_default() + late.unwrap_or_default();
        if resolved > received {
            findings.push(at(
                Figure::ResolvedOnTime,
                Severity::Error,
                format!(
                    "Số hồ sơ đã giải quyết ({} đúng hạn, {} quá hạn, cộng {}) nhiều hơn số hồ sơ tiếp nhận ({}).",
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
            Severity::Error,
            format!(
                "Số phản ánh, kiến nghị đã xử lý ({}) nhiều hơn số tiếp nhận ({}).",
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
