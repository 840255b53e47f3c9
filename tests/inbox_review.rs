//! A reviewer's checks on received plans and reports (issue #22): the four real samples give no
//! false alarm, and each slip a reviewer looks for is found, at its place, with its severity.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use kehoach::domain::field_key::{FieldKey, HeaderField, PlanList};
use kehoach::domain::inbox::{Finding, Place, ReportPart, Severity, review_plan, review_report};
use kehoach::domain::plan::Paragraph;
use kehoach::domain::progress::{DataPeriod, ProgressBook, ReportPeriod};
use kehoach::domain::report::{Figure, PeriodReport};
use kehoach::domain::{AreaKind, Deadline, Decimal, PartialDate, Plan};

use common::{SAMPLES, sample};

fn is_year_slip(finding: &Finding) -> bool {
    finding.message.starts_with("Ghi «năm")
}

#[test]
fn the_samples_have_every_standard_area_and_no_year_slip() {
    for (name, _) in SAMPLES {
        let plan = sample(name);
        let findings = review_plan(&plan);
        let slips: Vec<&Finding> = findings.iter().filter(|f| is_year_slip(f)).collect();
        assert_eq!(slips, [] as [&Finding; 0], "{name}");
        assert!(
            !findings.iter().any(|f| f.at == Place::Areas),
            "{name}: {findings:?}"
        );
        assert!(
            !findings.iter().any(|f| f.message.contains("Tổng kinh phí")),
            "{name}"
        );
    }
}

#[test]
fn the_samples_missing_number_or_signer_are_errors_at_their_field() {
    // Hoàng Hóa's transcription is the draft: «Số: /QĐ-UBND».
    let findings = review_plan(&sample("hoang-hoa-district-2023"));
    let number = findings
        .iter()
        .find(|f| f.at == Place::Plan(FieldKey::Header(HeaderField::Number)))
        .expect("the number is missing");
    assert_eq!(number.severity, Severity::Error);
    assert!(number.message.contains("bản đã ký"), "{}", number.message);
    // Sơn Châu is signed and numbered: no error at all.
    let son_chau = review_plan(&sample("son-chau-commune-2022"));
    let errors: Vec<&Finding> = son_chau
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors, [] as [&Finding; 0]);
}

/// Last year's plan sent as this year's, with only its year field moved on: the title and the
/// body still say 2024, and the deadlines fall in 2024.
#[test]
fn last_years_plan_with_only_its_year_changed_is_caught() {
    let mut plan = sample("tinh-minh-commune-2024");
    plan.year = 2025;
    plan.purposes.push(Paragraph::new(
        "Triển khai thực hiện Kế hoạch CCHC năm 2024 đạt hiệu quả.",
    ));
    let findings = review_plan(&plan);
    let slips: Vec<&Finding> = findings.iter().filter(|f| is_year_slip(f)).collect();
    assert_eq!(
        slips[0].at,
        Place::Plan(FieldKey::Header(HeaderField::Title))
    );
    assert_eq!(
        slips[0].message,
        "Ghi «năm 2024» nhưng đây là kế hoạch năm 2025: «Cải cách hành chính năm 2024». Có thể \
         chép từ văn bản năm trước mà chưa sửa năm."
    );
    let purpose = FieldKey::Item {
        list: PlanList::Purposes,
        index: plan.purposes.len() - 1,
    };
    assert!(slips.iter().any(|f| f.at == Place::Plan(purpose)));
    assert!(slips.iter().all(|f| f.severity == Severity::Warning));
    // Its deadlines («Quý I/2024» …) now fall outside the plan's year.
    assert!(
        findings
            .iter()
            .any(|f| f.message.contains("ngoài năm kế hoạch 2025")),
        "{findings:?}"
    );
    // A plan speaking of next year's plan is fine: Tịnh Minh 2024 prepares 2025's.
    let as_is = review_plan(&sample("tinh-minh-commune-2024"));
    assert!(!as_is.iter().any(is_year_slip));
}

#[test]
fn a_missing_standard_area_is_an_error_and_a_custom_area_named_as_one_counts() {
    let mut plan = sample("son-tay-district-2023");
    let at = plan
        .areas
        .iter()
        .position(|area| area.kind == AreaKind::PublicFinance)
        .expect("a public finance area");
    let mut finance = plan.areas.remove(at);
    let missing: Vec<Finding> = review_plan(&plan)
        .into_iter()
        .filter(|f| f.at == Place::Areas)
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].severity, Severity::Error);
    assert_eq!(
        missing[0].message,
        "Kế hoạch thiếu lĩnh vực «Cải cách tài chính công»."
    );
    finance.kind = AreaKind::Custom;
    finance.title = "Về cải cách tài chính công".into();
    plan.areas.push(finance);
    assert!(!review_plan(&plan).iter().any(|f| f.at == Place::Areas));
}

#[test]
fn a_stated_budget_total_the_tasks_do_not_make_is_an_error() {
    // Sơn Châu's appendix rows carry 10 + 150 + 40 = 200 million.
    let mut plan = sample("son-chau-commune-2022");
    plan.funding.push(Paragraph::new(
        "Tổng kinh phí thực hiện năm 2022: 250 triệu đồng.",
    ));
    let index = plan.funding.len() - 1;
    let budget: Vec<Finding> = review_plan(&plan)
        .into_iter()
        .filter(|f| f.message.contains("Tổng kinh phí"))
        .collect();
    assert_eq!(budget.len(), 1, "{budget:?}");
    assert_eq!(budget[0].severity, Severity::Error);
    assert_eq!(
        budget[0].at,
        Place::Plan(FieldKey::Item {
            list: PlanList::Funding,
            index
        })
    );
    assert_eq!(
        budget[0].message,
        "Tổng kinh phí ghi 250 triệu đồng, nhưng kinh phí các nhiệm vụ cộng lại là 200 triệu \
         đồng (chưa kể 1 nhiệm vụ có kinh phí không phải là số)."
    );
    plan.funding[index] = Paragraph::new("Tổng kinh phí thực hiện là 200 triệu đồng.");
    assert!(
        !review_plan(&plan)
            .iter()
            .any(|f| f.message.contains("Tổng kinh phí"))
    );
}

#[test]
fn a_task_without_lead_and_a_deadline_of_another_year_are_warnings_at_the_task() {
    let mut plan = sample("tinh-minh-commune-2024");
    plan.areas[0].tasks[1].lead_units.clear();
    plan.areas[0].tasks[2].deadline = Deadline::new("Quý I/2023", 2024);
    let findings = review_plan(&plan);
    let at = |id: &str| {
        findings
            .iter()
            .find(|f| matches!(f.at, Place::Plan(key) if key.dom_id() == id))
            .unwrap_or_else(|| panic!("nothing at {id}: {findings:?}"))
    };
    assert_eq!(at("area-0-task-1-lead").severity, Severity::Warning);
    assert_eq!(at("area-0-task-1-lead").place, "Lĩnh vực 1, nhiệm vụ b");
    assert!(at("area-0-task-2-deadline").message.contains("năm 2023"));
}

/// Tịnh Minh's first-quarter report of 2024, numbered, dated and with figures that add up.
fn quarter_one() -> (Plan, PeriodReport, DataPeriod) {
    let plan = sample("tinh-minh-commune-2024");
    let mut report = PeriodReport::draft(&plan, &ProgressBook::new(), ReportPeriod::FirstQuarter);
    report.number.number = "31".into();
    report.date = PartialDate::ymd(2024, 3, 20);
    report.assessment = "Việc triển khai Kế hoạch CCHC năm 2024 còn chậm.".into();
    for (figure, value) in [
        (Figure::DossiersInPerson, 120),
        (Figure::DossiersOnline, 80),
        (Figure::ResolvedOnTime, 190),
        (Figure::ResolvedLate, 4),
        (Figure::ApologyLetters, 4),
    ] {
        report.figures.set(figure, Some(Decimal::from_int(value)));
    }
    let data = ReportPeriod::FirstQuarter
        .period_for(&plan)
        .expect("a period");
    (plan, report, data)
}

fn parts(findings: &[Finding]) -> Vec<(Place, Severity)> {
    findings.iter().map(|f| (f.at, f.severity)).collect()
}

#[test]
fn a_sound_report_has_no_finding() {
    let (plan, report, data) = quarter_one();
    assert_eq!(review_report(&plan, &report, data), []);
}

#[test]
fn a_reports_slips_are_found_where_they_are() {
    let (plan, mut report, data) = quarter_one();
    report.number.number.clear();
    report.date = PartialDate::ymd(2023, 3, 20);
    report.assessment = "Việc triển khai Kế hoạch CCHC năm 2023 còn chậm.".into();
    report
        .figures
        .set(Figure::ResolvedOnTime, Some(Decimal::from_int(200)));
    let findings = review_report(&plan, &report, data);
    let report_at = |part| Place::Report(part);
    assert_eq!(
        parts(&findings),
        [
            (report_at(ReportPart::Number), Severity::Error),
            (report_at(ReportPart::Date), Severity::Warning),
            (report_at(ReportPart::Assessment), Severity::Warning),
            (
                report_at(ReportPart::Figure(Figure::ResolvedOnTime)),
                Severity::Warning
            ),
        ]
    );
    assert_eq!(
        findings[1].message,
        "Báo cáo đề ngày 20/03/2023, không thuộc năm 2024 của kế hoạch."
    );
    assert!(
        findings[3].message.contains("(200)"),
        "{}",
        findings[3].message
    );
}

#[test]
fn a_data_period_other_than_the_plans_or_outside_its_year_is_found() {
    let (plan, report, data) = quarter_one();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    let other = DataPeriod {
        from: data.from,
        cut_off: day(2024, 3, 10),
    };
    let findings = review_report(&plan, &report, other);
    assert_eq!(
        parts(&findings),
        [(Place::Report(ReportPart::DataPeriod), Severity::Warning)]
    );
    assert!(
        findings[0].message.contains("10/03/2024"),
        "{}",
        findings[0].message
    );
    let outside = DataPeriod {
        from: day(2024, 12, 15),
        cut_off: day(2025, 3, 14),
    };
    let findings = review_report(&plan, &report, outside);
    assert!(
        parts(&findings).contains(&(Place::Report(ReportPart::DataPeriod), Severity::Error)),
        "{findings:?}"
    );
}
