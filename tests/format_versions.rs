//! Every released format version stays readable: each file under `tests/fixtures/format-v*/`
//! (kept forever, never regenerated) imports cleanly on every run, through the migrations.
//! Version 2 (the report file) is the first with a step: version 1 files read as they did.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use kehoach::domain::Decimal;
use kehoach::domain::progress::{ReportPeriod, TaskStatus};
use kehoach::domain::report::Figure;
use kehoach::file_format::{self, CURRENT_VERSION, ExportInfo, Scope, migrate};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// (version, file) for every fixture of every released version.
fn released_files() -> Vec<(u64, PathBuf)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(fixture_dir()).expect("fixtures folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let Some(version) = name.strip_prefix("format-v").and_then(|v| v.parse().ok()) else {
            continue;
        };
        for file in std::fs::read_dir(&path).expect("version folder") {
            files.push((version, file.expect("file").path()));
        }
    }
    files.sort();
    files
}

#[test]
fn every_released_version_has_fixtures() {
    let files = released_files();
    for version in 1..=CURRENT_VERSION {
        assert!(
            files.iter().any(|(v, _)| *v == version),
            "no fixture for format version {version}: export one into tests/fixtures/format-v{version}/"
        );
    }
}

#[test]
fn every_released_fixture_imports_cleanly() {
    for (version, path) in released_files() {
        let bytes = std::fs::read(&path).expect("read fixture");
        let imported = file_format::import_file(&bytes)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        assert_eq!(imported.info.format_version, version, "{}", path.display());
        assert!(imported.info.checksum_ok, "{}", path.display());
        assert!(
            imported.report.is_clean(),
            "{}: {:?}",
            path.display(),
            imported.report.lines()
        );
        let what = (imported.plans.len(), imported.reports.len());
        assert!(
            matches!(what, (1.., 0) | (0, 1..)),
            "{}: plans or reports, not both: {what:?}",
            path.display()
        );
    }
}

#[test]
fn version_1_files_hold_the_transcribed_sample_plans() {
    for (version, path) in released_files() {
        if version != 1 {
            continue;
        }
        let name = path.file_name().expect("name");
        let bare = fixture_dir().join("plans").join(name);
        let value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&bare).expect("bare plan")).expect("JSON");
        let (plan, _) = file_format::restore_plan(&value);
        let imported =
            file_format::import_file(&std::fs::read(&path).expect("read")).expect("import");
        assert_eq!(
            imported.plans,
            vec![plan.expect("plan")],
            "{}",
            path.display()
        );
    }
}

/// The fields added to format version 1 after its release (a task's «thứ tự in các vai trò»,
/// the plan's marks of template text) are optional: older files, without them, import cleanly
/// above; written, they read back; an order naming no role of ours is reported and skipped.
#[test]
fn fields_added_within_version_1_read_back_and_unknown_role_names_are_reported() {
    let value = serde_json::json!({
        "id": "p", "year": 2026, "title": "Kế hoạch",
        "template_marks": ["0123456789abcdef"],
        "areas": [{ "id": "a", "title": "Cải cách thể chế", "tasks": [{
            "id": "t", "content": "Rà soát",
            "other_roles": [{ "label": "Cơ quan thực hiện", "units": ["Các đơn vị"] }],
            "role_order": ["other", "lead", "chủ tịch"]
        }]}]
    });
    let (plan, report) = file_format::restore_plan(&value);
    let plan = plan.expect("plan");
    let task = &plan.areas[0].tasks[0];
    assert_eq!(
        task.role_order,
        [
            kehoach::domain::RoleKind::Other,
            kehoach::domain::RoleKind::Lead
        ]
    );
    assert_eq!(plan.template_marks, ["0123456789abcdef"]);
    let lines = report.lines();
    assert!(
        lines.iter().any(|line| line.contains("«chủ tịch»")),
        "{lines:?}"
    );
    // Written again, both read back as they were.
    let written = serde_json::to_value(&plan).expect("plan as JSON");
    assert_eq!(
        written["areas"][0]["tasks"][0]["role_order"],
        serde_json::json!(["other", "lead"])
    );
    let (again, report) = file_format::restore_plan(&written);
    assert!(report.is_clean(), "{:?}", report.lines());
    assert_eq!(again.expect("plan"), plan);
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read")).expect("JSON")
}

/// The step from version 1: a version 1 payload is the version 2 payload of a plan file, and
/// a `reports` member, which version 1 read past, is dropped with it, so that it is not
/// taken for reports now.
#[test]
fn the_step_from_version_1_keeps_the_plans_and_drops_what_version_1_ignored() {
    let plans = json!([{ "id": "p", "year": 2024 }]);
    let stray = json!([{ "plan": { "id": "q", "year": 2024 }, "period": "year" }]);
    let v1 = json!({ "plans": plans, "reports": stray, "note": "kept" });
    assert_eq!(
        migrate::to_current(v1.clone(), 1),
        json!({ "plans": plans, "note": "kept" })
    );
    // A version 2 payload is already current: its reports are its own.
    assert_eq!(migrate::to_current(v1.clone(), CURRENT_VERSION), v1);
    for (version, path) in released_files() {
        if version != 1 {
            continue;
        }
        let payload = read_json(&path)["payload"].clone();
        assert_eq!(migrate::to_current(payload.clone(), 1), payload);
    }
}

/// "sha256:" and the digest of the payload's canonical form, as the exporter writes it.
fn checksum_of(payload: &Value) -> String {
    let canonical = serde_json::to_string(payload).expect("payload");
    let hex: String = Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("sha256:{hex}")
}

/// Each version 1 file imports identically however it is read: as it is, with a `reports`
/// member added (sealed, so only the step could tell), and written again by this app as
/// version 2.
#[test]
fn version_1_files_import_identically_through_the_step() {
    let report_file = fixture_dir().join("format-v2/son-chau-commune-2022-bao-cao-9-thang.json");
    let reports = read_json(&report_file)["payload"]["reports"].clone();
    for (version, path) in released_files() {
        if version != 1 {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        let as_it_is = file_format::import_file(&bytes).expect("import");
        assert_eq!(as_it_is.info.format_version, 1);
        assert!(as_it_is.reports.is_empty());

        let mut with_reports = read_json(&path);
        with_reports["payload"]["reports"] = reports.clone();
        with_reports["checksum"] = Value::String(checksum_of(&with_reports["payload"]));
        let text = serde_json::to_vec(&with_reports).expect("JSON");
        let stepped = file_format::import_file(&text).expect("import");
        assert_eq!(stepped, as_it_is, "{}", path.display());

        let again = file_format::export_plans(&as_it_is.plans, &ExportInfo::default(), false);
        assert!(again.contains(&format!("\"format_version\": {CURRENT_VERSION}")));
        let written = file_format::import_file(again.as_bytes()).expect("import");
        assert_eq!(written.plans, as_it_is.plans, "{}", path.display());
        assert!(written.report.is_clean(), "{:?}", written.report.lines());
    }
}

/// The version 2 report fixture: Sơn Châu's 9-month report of 2022, cut off by the plan's own
/// «Báo cáo Quý III/2022» line (15/6 to 14/9, not from 15/12), with every figure.
#[test]
fn the_version_2_report_file_holds_son_chaus_nine_month_report() {
    let path = fixture_dir().join("format-v2/son-chau-commune-2022-bao-cao-9-thang.json");
    let imported = file_format::import_file(&std::fs::read(&path).expect("read")).expect("import");
    assert_eq!(imported.info.scope, Some(Scope::Report));
    assert_eq!(imported.info.exported_by, "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU");
    assert!(imported.plans.is_empty());
    let [received] = imported.reports.as_slice() else {
        panic!("one report: {}", imported.reports.len());
    };
    assert_eq!(received.plan.id, "sc");
    assert_eq!(received.plan.year, 2022);
    assert_eq!(received.report.period, ReportPeriod::NineMonths);
    assert_eq!(received.report.number.number, "45");
    assert_eq!(received.report.closed, None);
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2022, m, d).expect("date");
    assert_eq!(
        (received.data_period.from, received.data_period.cut_off),
        (day(6, 15), day(9, 14))
    );
    assert_eq!(
        received.report.figures.get(Figure::ResolvedOnTime),
        Some(Decimal::from_int(1035))
    );
    assert_eq!(
        received.report.figures.get(Figure::SatisfactionRate),
        Decimal::parse_machine("97.25").ok()
    );
    assert_eq!(received.report.figures.0.len(), 11);
    assert_eq!(received.progress.len(), 25);
    assert!(received.progress.values().any(|p| matches!(
        &p.status,
        TaskStatus::NotCarriedOut { reason } if reason == "Huyện điều chỉnh, chuyển sang năm 2023"
    )));
    // Its plan is the transcribed Sơn Châu plan, as a plan file of version 1 holds it.
    let v1 = fixture_dir().join("format-v1/son-chau-commune-2022.json");
    let plan_file = file_format::import_file(&std::fs::read(v1).expect("read")).expect("import");
    assert_eq!(plan_file.plans, std::slice::from_ref(&received.plan));
}
