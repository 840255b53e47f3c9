//! A plan's follow-up (`domain::report::Tracking`: progress and period reports) written as the
//! app stores it and read back through the tolerant reader: nothing lost, nothing invented, and
//! each bad part named and left out.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use kehoach::domain::Decimal;
use kehoach::domain::progress::{EvidenceDocument, ReportPeriod, TaskProgress, TaskStatus};
use kehoach::domain::report::{Figure, Tracking};
use kehoach::domain::slot::task_slots;
use kehoach::file_format::{self, Outcome};
use serde_json::{Value, json};

use common::sample;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// Tịnh Minh's 2024 plan followed through quarter I: statuses of every kind, evidence, figures,
/// the quarter I report closed and the 6-month one drafted.
fn followed() -> Tracking {
    let plan = sample("tinh-minh-commune-2024");
    let mut tracking = Tracking::new(&plan.id);
    let ids: Vec<String> = task_slots(&plan)
        .iter()
        .map(|(_, task)| task.id.clone())
        .collect();
    let statuses = [
        TaskStatus::InProgress,
        TaskStatus::DoneOnTime,
        TaskStatus::DoneLate,
        TaskStatus::NotCarriedOut {
            reason: "Điều chỉnh theo chỉ đạo của huyện".to_string(),
        },
        TaskStatus::NotStarted,
    ];
    for (index, id) in ids.iter().enumerate().take(12) {
        let status = statuses[index % statuses.len()].clone();
        let done = status.is_done();
        tracking.set_progress(
            id,
            TaskProgress {
                status,
                completed_on: done.then(|| date(2024, 3, 1 + index as u32)),
                result: if done {
                    format!("Đã hoàn thành việc {index}")
                } else {
                    String::new()
                },
                evidence: if done {
                    vec![EvidenceDocument {
                        number: format!("{index}/BC-UBND"),
                        date: Some(date(2024, 3, 5)),
                        summary: "Báo cáo kết quả".to_string(),
                    }]
                } else {
                    Vec::new()
                },
                note: if index == 4 {
                    "Ghi chú «trích dẫn»".to_string()
                } else {
                    String::new()
                },
            },
        );
    }
    let book = tracking.progress.clone();
    let q1 = tracking.report_mut(&plan, ReportPeriod::FirstQuarter);
    q1.number.number = "31".to_string();
    q1.assessment = "Tồn tại, hạn chế: …\nNguyên nhân: …".to_string();
    q1.figures
        .set(Figure::DossiersOnline, Some(Decimal::from_int(120)));
    q1.figures.set(
        Figure::SatisfactionRate,
        Some(Decimal::parse_machine("98.5").expect("number")),
    );
    q1.close(&plan, &book, "2024-03-20T09:00:00+07:00");
    tracking
        .report_mut(&plan, ReportPeriod::SixMonths)
        .proposals = "Đề nghị hỗ trợ".to_string();
    tracking
}

fn restore(value: &Value) -> (Tracking, Vec<(String, String, Outcome)>) {
    let (tracking, report) = file_format::restore_tracking(value);
    let problems = report
        .problems
        .iter()
        .map(|p| (p.location.clone(), p.message.clone(), p.outcome))
        .collect();
    (tracking.expect("an object"), problems)
}

#[test]
fn a_followed_plan_reads_back_as_it_was_written() {
    let tracking = followed();
    // Task 9 is «chưa triển khai» with nothing else, the same as no progress: not kept.
    assert_eq!(tracking.progress.len(), 11);
    assert!(tracking.reports[0].closed.is_some());
    let value = serde_json::to_value(&tracking).expect("serialises");
    let (back, problems) = restore(&value);
    assert_eq!(problems, []);
    assert_eq!(back, tracking);
}

#[test]
fn bad_parts_are_named_and_left_out_and_the_rest_kept() {
    let value = json!({
        "plan_id": "p",
        "progress": {
            "a": {"status": {"kind": "done_on_time"}, "completed_on": "2024-02-30"},
            "b": {"status": "in_progress"},
            "c": {"status": {"kind": "finished"}},
            "": {"status": "in_progress"},
            "d": 7
        },
        "reports": [
            {"period": "first_quarter", "figures": {
                "dossiers_online": "abc",
                "dossiers_by_post": "1.5",
                "satisfaction_rate": "101",
                "resolved_on_time": 40,
                "bribes": 3
            }},
            {"period": "first_quarter", "proposals": "trùng"},
            {"period": "quy_5"}
        ]
    });
    let (back, problems) = restore(&value);
    let messages: Vec<&str> = problems.iter().map(|(_, m, _)| m.as_str()).collect();
    assert_eq!(back.progress.len(), 3, "a, b and c are kept: {messages:?}");
    assert_eq!(back.progress["a"].completed_on, None);
    assert_eq!(back.progress["b"].status, TaskStatus::InProgress);
    assert_eq!(back.progress["c"].status, TaskStatus::NotStarted);
    assert_eq!(back.reports.len(), 1);
    let figures = &back.reports[0].figures;
    assert_eq!(
        figures.get(Figure::ResolvedOnTime),
        Some(Decimal::from_int(40))
    );
    assert_eq!(figures.get(Figure::DossiersOnline), None);
    assert_eq!(figures.get(Figure::DossiersByPost), None);
    assert_eq!(figures.get(Figure::SatisfactionRate), None);
    for expected in [
        "Ngày hoàn thành «2024-02-30» không phải là ngày, đã bỏ qua",
        "Tình trạng «finished» không rõ, đã dùng giá trị mặc định",
        "tiến độ không có mã nhiệm vụ, đã bỏ qua",
        "Tiến độ có dạng số thay vì một đối tượng, đã bỏ qua",
        "Số hồ sơ tiếp nhận trực tuyến «abc» không phải là số đếm hợp lệ, đã bỏ qua",
        "Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích «1.5» không phải là số đếm hợp lệ, đã bỏ qua",
        "Tỷ lệ hài lòng của người dân, doanh nghiệp (%) «101» không phải là tỷ lệ phần trăm hợp lệ, đã bỏ qua",
        "số liệu «bribes» không rõ, đã bỏ qua",
        "có hơn một báo cáo cho cùng một kỳ, chỉ giữ báo cáo đầu tiên",
        "không rõ kỳ báo cáo, đã bỏ qua báo cáo",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(expected)),
            "«{expected}» is not among {messages:#?}"
        );
    }
    let place = problems
        .iter()
        .find(|(_, m, _)| m.contains("finished"))
        .map(|(l, _, _)| l.as_str());
    assert_eq!(place, Some("Tiến độ nhiệm vụ «c»"));
}
