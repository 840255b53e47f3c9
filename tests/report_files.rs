//! The period report as a file (scope `report`): what the writer writes, that it reads back as
//! it was, and every way a received report file can be wrong, each with the exact outcome. A
//! report file the province could miscount from (no plan, an unknown period, a data period that
//! does not fit the plan's year, a figure that cannot be one) is refused whole, with a message
//! that says why; smaller damage is repaired or told of, as in a plan file.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use kehoach::domain::Decimal;
use kehoach::domain::Plan;
use kehoach::domain::progress::{
    EvidenceDocument, ProgressBook, ReportPeriod, TaskProgress, TaskStatus,
};
use kehoach::domain::report::{Figure, PeriodReport};
use kehoach::domain::slot::task_slots;
use kehoach::file_format::file_name::{FileDate, report_file_name};
use kehoach::file_format::{
    self, CURRENT_VERSION, ExportInfo, ImportError, Imported, Outcome, Scope,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use common::sample;

const CHECKSUM_WARNING: &str = "Mã kiểm tra của tệp không khớp: tệp có thể đã bị hỏng khi gửi hoặc đã bị sửa bằng tay. Hãy xem kỹ nội dung trước khi lưu.";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn info() -> ExportInfo {
    ExportInfo {
        exported_at: "2024-03-20T09:00:00+07:00".into(),
        exported_by: "ỦY BAN NHÂN DÂN XÃ TỊNH MINH".into(),
    }
}

/// Tịnh Minh's 2024 plan, the progress of its first tasks (every status) and its quarter I
/// report with figures.
fn quarter_one() -> (Plan, PeriodReport, ProgressBook) {
    let plan = sample("tinh-minh-commune-2024");
    let ids: Vec<String> = task_slots(&plan)
        .iter()
        .map(|(_, task)| task.id.clone())
        .collect();
    let statuses = [
        TaskStatus::InProgress,
        TaskStatus::DoneOnTime,
        TaskStatus::DoneLate,
        TaskStatus::NotCarriedOut {
            reason: "Điều chỉnh theo chỉ đạo của huyện".into(),
        },
    ];
    let mut progress = ProgressBook::new();
    for (index, id) in ids.iter().enumerate().take(8) {
        let status = statuses[index % statuses.len()].clone();
        let done = status.is_done();
        progress.insert(
            id.clone(),
            TaskProgress {
                status,
                completed_on: done.then(|| date(2024, 3, 1 + index as u32)),
                result: format!("Kết quả việc {index}"),
                evidence: vec![EvidenceDocument {
                    number: format!("{index}/BC-UBND"),
                    date: Some(date(2024, 3, 5)),
                    summary: "Báo cáo «kết quả»".into(),
                }],
                note: String::new(),
            },
        );
    }
    let mut report = PeriodReport::draft(&plan, &progress, ReportPeriod::FirstQuarter);
    report.number.number = "31".into();
    report.assessment = "Tồn tại, hạn chế: …\nNguyên nhân: …".into();
    report
        .figures
        .set(Figure::DossiersOnline, Some(Decimal::from_int(120)));
    report.figures.set(
        Figure::SatisfactionRate,
        Some(Decimal::parse_machine("98.5").expect("number")),
    );
    (plan, report, progress)
}

fn report_file() -> Value {
    let (plan, report, progress) = quarter_one();
    let text = file_format::export_report(&plan, &report, &progress, &info());
    serde_json::from_str(&text).expect("the export is JSON")
}

fn checksum_of(payload: &Value) -> String {
    let canonical = serde_json::to_string(payload).expect("serialise payload");
    let hex: String = Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("sha256:{hex}")
}

/// The file with its checksum recomputed after a change, so that only the change is reported.
fn sealed(mut file: Value) -> Vec<u8> {
    file["checksum"] = Value::String(checksum_of(&file["payload"]));
    serde_json::to_vec_pretty(&file).expect("serialise")
}

/// The report file changed by `change`, sealed.
fn changed(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut file = report_file();
    change(&mut file["payload"]["reports"][0]);
    sealed(file)
}

fn refused(bytes: Vec<u8>) -> ImportError {
    match file_format::import_file(&bytes) {
        Ok(imported) => panic!(
            "imported {} plans, {} reports: {:?}",
            imported.plans.len(),
            imported.reports.len(),
            imported.report.lines().iter().take(5).collect::<Vec<_>>()
        ),
        Err(error) => error,
    }
}

fn imported(bytes: Vec<u8>) -> Imported {
    file_format::import_file(&bytes).unwrap_or_else(|error| panic!("refused: {error}"))
}

// ---------------------------------------------------------------------------------------------
// What the writer writes

#[test]
fn a_report_file_carries_its_plan_period_data_period_parts_and_progress() {
    let file = report_file();
    assert_eq!(file["kind"], "ke-hoach-cchc");
    assert_eq!(file["format_version"], CURRENT_VERSION);
    assert_eq!(file["scope"], "report");
    assert_eq!(file["exported_by"], "ỦY BAN NHÂN DÂN XÃ TỊNH MINH");
    assert_eq!(
        file["period"],
        json!({ "from_year": 2024, "to_year": 2024 })
    );
    let payload = file["payload"].as_object().expect("payload");
    assert_eq!(payload.keys().collect::<Vec<_>>(), ["reports"]);
    let entry = &file["payload"]["reports"][0];
    let mut keys: Vec<&str> = entry
        .as_object()
        .expect("entry")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["data_period", "period", "plan", "progress", "report"]
    );
    assert_eq!(entry["plan"]["id"], "tm");
    assert_eq!(entry["period"], "first_quarter");
    assert_eq!(
        entry["data_period"],
        json!({ "from": "2023-12-15", "cut_off": "2024-03-14" })
    );
    let parts = entry["report"].as_object().expect("parts");
    assert!(!parts.contains_key("period") && !parts.contains_key("closed"));
    assert_eq!(entry["report"]["number"]["number"], "31");
    assert_eq!(
        entry["report"]["figures"],
        json!({ "dossiers_online": "120", "satisfaction_rate": "98.5" })
    );
    assert_eq!(entry["progress"].as_object().map(|o| o.len()), Some(8));
}

#[test]
fn a_report_file_reads_back_as_it_was_written() {
    let (plan, report, progress) = quarter_one();
    let text = file_format::export_report(&plan, &report, &progress, &info());
    let back = imported(text.into_bytes());
    assert!(back.report.is_clean(), "{:?}", back.report.lines());
    assert!(back.info.checksum_ok);
    assert_eq!(back.info.scope, Some(Scope::Report));
    assert!(
        back.plans.is_empty(),
        "a report file holds no plans of its own"
    );
    assert_eq!(back.reports.len(), 1);
    let received = &back.reports[0];
    assert_eq!(received.plan, plan);
    assert_eq!(received.report, report);
    assert_eq!(received.progress, progress);
    assert_eq!(
        received.data_period,
        ReportPeriod::FirstQuarter
            .period_for(&plan)
            .expect("a period")
    );
}

/// A closed report is sent with what it was closed with (its basis), and arrives not closed.
#[test]
fn a_closed_report_is_sent_with_its_basis_and_arrives_open() {
    let (mut plan, mut report, progress) = quarter_one();
    report.close(&plan, &progress, "2024-03-20T09:00:00+07:00");
    plan.areas[0].tasks[0].content = "Đổi sau khi chốt".into();
    let now = ProgressBook::new();
    let (basis_plan, basis_progress) = report.basis(&plan, &now);
    let text = file_format::export_report(basis_plan, &report, basis_progress, &info());
    let received = imported(text.into_bytes()).reports.remove(0);
    assert_eq!(received.report.closed, None);
    assert_eq!(received.progress, progress);
    assert_ne!(received.plan.areas[0].tasks[0].content, "Đổi sau khi chốt");
    assert_eq!(
        PeriodReport {
            closed: None,
            ..report
        },
        received.report
    );
}

/// A year report of Sơn Châu 2022, whose plan cuts the year off on 30/11: the file states the
/// plan's own data period.
#[test]
fn a_plans_own_cut_off_is_the_data_period_written() {
    let plan = sample("son-chau-commune-2022");
    let report = PeriodReport::draft(&plan, &ProgressBook::new(), ReportPeriod::Year);
    let text = file_format::export_report(&plan, &report, &ProgressBook::new(), &info());
    let file: Value = serde_json::from_str(&text).expect("JSON");
    let data_period = &file["payload"]["reports"][0]["data_period"];
    assert_eq!(data_period["cut_off"], "2022-11-30");
    let received = imported(text.into_bytes()).reports.remove(0);
    assert_eq!(received.data_period.cut_off, date(2022, 11, 30));
    assert_eq!(received.plan, plan);
}

#[test]
fn a_report_file_is_named_like_its_plan_after_its_period() {
    let (plan, _, _) = quarter_one();
    let day = FileDate {
        year: 2024,
        month: 3,
        day: 20,
    };
    assert_eq!(
        report_file_name(&plan, ReportPeriod::FirstQuarter, day, "json"),
        "Bao-cao-CCHC-quy-I-2024-UBND-xa-Tinh-Minh-2024-03-20.json"
    );
}

// ---------------------------------------------------------------------------------------------
// Refused: the province could miscount from it

#[test]
fn a_report_without_its_plan_is_refused() {
    for change in [
        (|entry: &mut Value| {
            entry.as_object_mut().expect("entry").remove("plan");
        }) as fn(&mut Value),
        |entry| entry["plan"] = json!("tm"),
        |entry| entry["plan"] = Value::Null,
    ] {
        let error = refused(changed(change));
        assert_eq!(error, ImportError::ReportWithoutPlan);
        assert_eq!(
            error.to_string(),
            "Báo cáo trong tệp không kèm kế hoạch mà nó báo cáo, nên không mở được. Hãy xin gửi lại tệp."
        );
    }
}

#[test]
fn a_report_of_an_unknown_period_is_refused() {
    let error = refused(changed(|entry| entry["period"] = json!("quy_5")));
    assert_eq!(
        error.to_string(),
        "Kỳ báo cáo «quy_5» không rõ: chỉ có báo cáo quý I, 6 tháng, 9 tháng và năm. Hãy xin gửi lại tệp."
    );
    // The report's title words are not the file's names.
    let error = refused(changed(|entry| entry["period"] = json!("quý I")));
    assert_eq!(
        error,
        ImportError::UnknownReportPeriod {
            found: "quý I".into()
        }
    );
    let error = refused(changed(|entry| {
        entry.as_object_mut().expect("entry").remove("period");
    }));
    assert_eq!(error, ImportError::UnknownReportPeriod { found: "".into() });
    let error = refused(changed(|entry| entry["period"] = json!(1)));
    assert_eq!(
        error,
        ImportError::UnknownReportPeriod { found: "1".into() }
    );
}

#[test]
fn a_cut_off_outside_the_plans_year_is_refused() {
    let error = refused(changed(|entry| {
        entry["data_period"]["cut_off"] = json!("2025-03-14");
    }));
    assert_eq!(
        error.to_string(),
        "Báo cáo chốt số liệu ngày 14/03/2025, không thuộc năm 2024 của kế hoạch. Hãy xin gửi lại tệp."
    );
    // The year before, where a data period starts, is no place for its end either.
    let error = refused(changed(|entry| {
        entry["data_period"]["cut_off"] = json!("2023-12-31");
    }));
    assert_eq!(
        error,
        ImportError::CutOffOutsideYear {
            cut_off: "31/12/2023".into(),
            year: 2024
        }
    );
}

#[test]
fn a_cut_off_before_the_start_is_refused() {
    let error = refused(changed(|entry| {
        entry["data_period"]["from"] = json!("2024-03-15");
    }));
    assert_eq!(
        error.to_string(),
        "Báo cáo chốt số liệu ngày 14/03/2024, trước ngày bắt đầu kỳ số liệu 15/03/2024. Hãy xin gửi lại tệp."
    );
}

#[test]
fn a_data_period_missing_or_unreadable_is_refused() {
    let message =
        "Báo cáo không ghi rõ thời gian chốt số liệu (từ ngày, đến ngày). Hãy xin gửi lại tệp.";
    for change in [
        (|entry: &mut Value| {
            entry.as_object_mut().expect("entry").remove("data_period");
        }) as fn(&mut Value),
        |entry| entry["data_period"] = json!("2024-03-14"),
        |entry| entry["data_period"]["cut_off"] = json!("2024-02-30"),
        |entry| entry["data_period"]["cut_off"] = json!("14/03/2024"),
        |entry| entry["data_period"]["from"] = Value::Null,
    ] {
        let error = refused(changed(change));
        assert_eq!(error, ImportError::NoDataPeriod);
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn a_figure_that_is_not_a_valid_number_refuses_the_file_and_is_named() {
    let cases = [
        (
            json!("abc"),
            "dossiers_online",
            "Số liệu «Số hồ sơ tiếp nhận trực tuyến» của báo cáo là «abc», không phải là số đếm hợp lệ. Tệp không được nhập để khi tổng hợp không thiếu số liệu; hãy xin gửi lại tệp.",
        ),
        (
            json!("1.5"),
            "dossiers_by_post",
            "Số liệu «Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích» của báo cáo là «1.5», không phải là số đếm hợp lệ. Tệp không được nhập để khi tổng hợp không thiếu số liệu; hãy xin gửi lại tệp.",
        ),
        (
            json!(12.5),
            "resolved_late",
            "Số liệu «Số hồ sơ giải quyết quá hạn» của báo cáo là «12.5», không phải là số đếm hợp lệ. Tệp không được nhập để khi tổng hợp không thiếu số liệu; hãy xin gửi lại tệp.",
        ),
        (
            json!(-3),
            "apology_letters",
            "Số liệu «Số thư xin lỗi đã gửi vì giải quyết quá hạn» của báo cáo là «-3», không phải là số đếm hợp lệ. Tệp không được nhập để khi tổng hợp không thiếu số liệu; hãy xin gửi lại tệp.",
        ),
        (
            json!("100.5"),
            "satisfaction_rate",
            "Số liệu «Tỷ lệ hài lòng của người dân, doanh nghiệp (%)» của báo cáo là «100.5», không phải là tỷ lệ phần trăm hợp lệ. Tệp không được nhập để khi tổng hợp không thiếu số liệu; hãy xin gửi lại tệp.",
        ),
        (
            json!(true),
            "procedures_published",
            "Số liệu «Số thủ tục hành chính được công bố, công khai» của báo cáo là «true», không phải là số đếm hợp lệ. Tệp không được nhập để khi tổng hợp không thiếu số liệu; hãy xin gửi lại tệp.",
        ),
        (
            json!("1.234"),
            "feedback_received",
            "Số liệu «Số phản ánh, kiến nghị tiếp nhận» của báo cáo là «1.234», không phải là số đếm hợp lệ. Tệp không được nhập để khi tổng hợp không thiếu số liệu; hãy xin gửi lại tệp.",
        ),
    ];
    for (value, name, message) in cases {
        let error = refused(changed(|entry| entry["report"]["figures"][name] = value));
        assert_eq!(error.to_string(), message, "{name}");
    }
    let error = refused(changed(|entry| {
        entry["report"]["figures"] = json!([120, 98.5]);
    }));
    assert_eq!(
        error.to_string(),
        "Số liệu của báo cáo có dạng danh sách thay vì một bảng số liệu. Hãy xin gửi lại tệp."
    );
}

/// One bad report among several refuses the file: nothing of it is offered to store.
#[test]
fn one_bad_report_refuses_a_file_of_several() {
    let mut file = report_file();
    let mut second = file["payload"]["reports"][0].clone();
    second["period"] = json!("six_months");
    second["data_period"]["cut_off"] = json!("2024-06-14");
    second["report"]["figures"]["dossiers_in_person"] = json!("bảy");
    file["payload"]["reports"]
        .as_array_mut()
        .expect("reports")
        .push(second);
    let error = refused(sealed(file));
    assert_eq!(
        error,
        ImportError::BadFigure {
            figure: Figure::DossiersInPerson,
            value: "bảy".into()
        }
    );
}

#[test]
fn a_report_file_from_a_newer_format_is_refused_as_newer() {
    let mut file = report_file();
    file["format_version"] = json!(3);
    let error = refused(sealed(file));
    assert_eq!(
        error,
        ImportError::NewerVersion {
            found: 3,
            supported: 2
        }
    );
    assert_eq!(
        error.to_string(),
        "Tệp được tạo bởi phiên bản mới hơn (định dạng 3, ứng dụng này đọc đến 2). Hãy cập nhật ứng dụng rồi nhập lại; dữ liệu hiện có không bị thay đổi."
    );
}

#[test]
fn a_report_file_without_reports_says_so_not_that_it_has_no_plans() {
    let message = "Tệp báo cáo không chứa báo cáo nào.";
    let mut empty_list = report_file();
    empty_list["payload"] = json!({ "reports": [] });
    let mut no_list = report_file();
    no_list["payload"] = json!({});
    let mut not_objects = report_file();
    not_objects["payload"] = json!({ "reports": [1, "x", null] });
    let mut by_payload_alone = report_file();
    by_payload_alone["scope"] = json!("plan");
    by_payload_alone["payload"] = json!({ "reports": {} });
    for file in [empty_list, no_list, not_objects, by_payload_alone] {
        let error = refused(sealed(file));
        assert_eq!(error, ImportError::NoReports);
        assert_eq!(error.to_string(), message);
    }
    // A plan file still says it has no plans.
    let plan = sample("tinh-minh-commune-2024");
    let mut plan_file: Value =
        serde_json::from_str(&file_format::export_plans(&[plan], &info(), false)).expect("JSON");
    plan_file["payload"] = json!({ "plans": [] });
    assert_eq!(refused(sealed(plan_file)), ImportError::NoPlans);
}

// ---------------------------------------------------------------------------------------------
// Read, with what was repaired or is worth knowing

/// Progress of a task the plan does not have (a task deleted after its progress was written,
/// or a hand-edited file) is kept, and the person is told it does not count.
#[test]
fn progress_of_a_task_not_in_the_plan_is_kept_with_a_warning() {
    let bytes = changed(|entry| {
        entry["progress"]["khong-co"] = json!({ "status": { "kind": "done_on_time" } });
    });
    let back = imported(bytes);
    let problems: Vec<(&str, &str, Outcome)> = back
        .report
        .problems
        .iter()
        .map(|p| (p.location.as_str(), p.message.as_str(), p.outcome))
        .collect();
    assert_eq!(
        problems,
        [(
            "Tiến độ nhiệm vụ «khong-co»",
            "kế hoạch của báo cáo không có nhiệm vụ này; tiến độ được giữ nhưng không tính vào báo cáo",
            Outcome::Warning
        )]
    );
    assert_eq!(
        back.report.lines(),
        [
            "Tiến độ nhiệm vụ «khong-co»: kế hoạch của báo cáo không có nhiệm vụ này; tiến độ được giữ nhưng không tính vào báo cáo"
        ]
    );
    assert_eq!(back.reports[0].progress.len(), 9);
    assert!(back.reports[0].progress["khong-co"].status.is_done());
}

/// A figure of a name this app does not know (a newer app's, say) is told of and left out; it
/// is not a number this app could add up wrongly.
#[test]
fn an_unknown_figure_is_told_of_and_the_known_ones_kept() {
    let back = imported(changed(|entry| {
        entry["report"]["figures"]["dossiers_by_zalo"] = json!("7");
    }));
    assert_eq!(
        back.report.lines(),
        ["số liệu «dossiers_by_zalo» không rõ, đã bỏ qua"]
    );
    let figures = &back.reports[0].report.figures;
    assert_eq!(
        figures.get(Figure::DossiersOnline),
        Some(Decimal::from_int(120))
    );
}

#[test]
fn a_report_file_with_a_plans_list_too_reads_the_report_only() {
    let mut file = report_file();
    let plan = file["payload"]["reports"][0]["plan"].clone();
    file["payload"]["plans"] = json!([plan]);
    let back = imported(sealed(file));
    assert!(back.plans.is_empty());
    assert_eq!(back.reports.len(), 1);
    assert_eq!(
        back.report.lines(),
        ["Tệp báo cáo có kèm danh sách kế hoạch riêng, đã bỏ qua danh sách ấy."]
    );
}

#[test]
fn an_edited_report_file_imports_with_the_checksum_warning() {
    let mut file = report_file();
    file["payload"]["reports"][0]["report"]["figures"]["dossiers_online"] = json!("121");
    let back = imported(serde_json::to_vec(&file).expect("JSON"));
    assert!(!back.info.checksum_ok);
    assert_eq!(back.report.lines(), [CHECKSUM_WARNING]);
    assert_eq!(
        back.reports[0].report.figures.get(Figure::DossiersOnline),
        Some(Decimal::from_int(121))
    );
}

/// Figures written by hand as JSON numbers, and a whole rate, are taken as the writer's text.
#[test]
fn figures_written_as_json_numbers_are_read() {
    let back = imported(changed(|entry| {
        entry["report"]["figures"] = json!({ "dossiers_online": 120, "satisfaction_rate": 100 });
    }));
    assert!(back.report.is_clean(), "{:?}", back.report.lines());
    let figures = &back.reports[0].report.figures;
    assert_eq!(
        figures.get(Figure::DossiersOnline),
        Some(Decimal::from_int(120))
    );
    assert_eq!(
        figures.get(Figure::SatisfactionRate),
        Some(Decimal::from_int(100))
    );
}

/// The plan carried without an id (a hand-made file) gets one from its content, the same on
/// every import, so that a report received twice is known as the same plan's.
#[test]
fn a_carried_plan_without_an_id_gets_the_same_one_every_time() {
    let bytes = changed(|entry| entry["plan"]["id"] = json!(""));
    let first = imported(bytes.clone()).reports.remove(0).plan.id;
    let second = imported(bytes).reports.remove(0).plan.id;
    assert!(first.starts_with("ke-hoach-"), "{first}");
    assert_eq!(first, second);
}

/// A small report file of many empty progress entries («"t1":{}» is written back with its
/// status, indented, ten times longer) would not export again within the size limit, so it is
/// refused like a plan file that would not; with fewer, it is read.
#[test]
fn a_report_that_would_not_export_again_within_the_limit_is_refused() {
    let with_entries = |count: usize| {
        let mut file = report_file();
        let empty: serde_json::Map<String, Value> = (0..count)
            .map(|index| (format!("t{index}"), json!({})))
            .collect();
        file["payload"]["reports"][0]["progress"] = Value::Object(empty);
        file["checksum"] = Value::String(checksum_of(&file["payload"]));
        serde_json::to_vec(&file).expect("JSON")
    };
    let many = with_entries(400_000);
    assert!(many.len() < 5 * 1024 * 1024, "{} bytes", many.len());
    assert_eq!(refused(many), ImportError::ExpandsTooMuch { limit_mb: 32 });
    // Written again, those entries alone would take more than the limit.
    let (plan, report, _) = quarter_one();
    let progress: ProgressBook = (0..400_000)
        .map(|index| (format!("t{index}"), TaskProgress::default()))
        .collect();
    let again = file_format::export_report(&plan, &report, &progress, &info());
    assert!(again.len() > file_format::MAX_FILE_BYTES, "{}", again.len());

    let back = imported(with_entries(2_000));
    assert_eq!(back.reports[0].progress.len(), 2_000);
}
