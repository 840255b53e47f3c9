//! Writes the committed seed corpora and the bases of the `import_json` target from the
//! transcribed plans in tests/fixtures/plans/, with the app's own exporters (plan files and
//! period report files):
//!   cd fuzz && cargo run --example make_seeds
//! It overwrites only the files it names; everything it writes is deterministic.

use std::fs;
use std::path::{Path, PathBuf};

use kehoach::domain::progress::{
    EvidenceDocument, ProgressBook, ReportPeriod, TaskProgress, TaskStatus,
};
use kehoach::domain::report::{Figure, PeriodReport};
use kehoach::domain::slot::task_slots;
use kehoach::domain::{Decimal, Plan};
use kehoach::file_format::{self, ExportInfo};
use serde_json::{Value, json};

fn main() {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let fixtures = fuzz.join("../tests/fixtures/plans");
    let seeds = fuzz.join("seeds/import_file");
    let json_seeds = fuzz.join("seeds/import_json");
    let bases = fuzz.join("bases");
    for dir in [&seeds, &json_seeds, &bases] {
        fs::create_dir_all(dir).expect("create seed folder");
    }
    let info = ExportInfo {
        exported_at: "2026-11-23T14:32:00+07:00".into(),
        exported_by: "ỦY BAN NHÂN DÂN XÃ TỊNH MINH".into(),
    };

    let mut paths: Vec<PathBuf> = fs::read_dir(&fixtures)
        .expect("tests/fixtures/plans")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let mut plans: Vec<Plan> = Vec::new();
    for path in &paths {
        let name = path.file_stem().unwrap_or_default().to_string_lossy().to_string();
        let bytes = fs::read(path).expect("read fixture");
        let value: Value = serde_json::from_slice(&bytes).expect("fixture is JSON");
        let plan = if value.get("kind").is_some() {
            file_format::import_file(&bytes).expect("fixture imports").plans.remove(0)
        } else {
            file_format::restore_plan(&value).0.expect("fixture is a plan")
        };
        let file = file_format::export_plans(std::slice::from_ref(&plan), &info, false);
        write(&seeds.join(format!("{name}.json")), file.as_bytes());
        // A small base for import_json: every list cut to its first 3 items.
        let mut base = serde_json::to_value(&plan).expect("plan to JSON");
        trim(&mut base, 3);
        write(
            &bases.join(format!("{name}.json")),
            serde_json::to_string(&base).expect("base").as_bytes(),
        );
        plans.push(plan);
    }
    assert!(!plans.is_empty(), "no fixtures in {}", fixtures.display());

    // A bundle of every fixture, and the same file with small damage.
    let bundle = file_format::export_plans(&plans, &info, true);
    write(&seeds.join("bundle-all.json"), bundle.as_bytes());
    let first = file_format::export_plans(&plans[..1], &info, false);
    write(&seeds.join("hostile-truncated.json"), &first.as_bytes()[..first.len() / 2]);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(first.as_bytes());
    write(&seeds.join("bom-prefixed.json"), &bom);
    write(
        &seeds.join("hostile-checksum-edited.json"),
        first.replacen("\"year\": ", "\"year\": 1", 1).as_bytes(),
    );
    let mut not_utf8 = first.as_bytes()[..200.min(first.len())].to_vec();
    not_utf8.extend_from_slice(b"\xC3\x28\xFF\xFE");
    write(&seeds.join("hostile-not-utf8.bin"), &not_utf8);

    // Period report files: one of each sample (each period in turn), and a small one of the
    // trimmed Tịnh Minh plan, which is also the import_json generator's report base.
    for (index, (path, plan)) in paths.iter().zip(&plans).enumerate() {
        let name = path.file_stem().unwrap_or_default().to_string_lossy().to_string();
        let period = ReportPeriod::ALL[index % ReportPeriod::ALL.len()];
        let (report, progress) = followed(plan, period);
        let file = file_format::export_report(plan, &report, &progress, &info);
        write(&seeds.join(format!("report-{name}.json")), file.as_bytes());
    }
    let small = {
        let tinh_minh = paths
            .iter()
            .position(|path| path.to_string_lossy().contains("tinh-minh"))
            .expect("the Tịnh Minh fixture");
        let mut value = serde_json::to_value(&plans[tinh_minh]).expect("plan to JSON");
        trim(&mut value, 2);
        file_format::restore_plan(&value).0.expect("trimmed plan")
    };
    let (small_report, small_progress) = followed(&small, ReportPeriod::FirstQuarter);
    let report_file = file_format::export_report(&small, &small_report, &small_progress, &info);
    write(&seeds.join("report-small.json"), report_file.as_bytes());
    let plan_file = file_format::export_plans(std::slice::from_ref(&small), &info, false);
    write(&seeds.join("plan-small.json"), plan_file.as_bytes());
    let report_value: Value = serde_json::from_str(&report_file).expect("JSON");
    let entry = &report_value["payload"]["reports"][0];
    write(
        &bases.join("report.json"),
        serde_json::to_string(&json!({ "report": entry["report"], "progress": entry["progress"] }))
            .expect("base")
            .as_bytes(),
    );
    // Report files each with one thing that refuses them, or is only told of.
    let changed = |change: &dyn Fn(&mut Value)| {
        let mut file = report_value.clone();
        change(&mut file);
        serde_json::to_string_pretty(&file).expect("json")
    };
    let hostile_reports: Vec<(&str, String)> = vec![
        ("hostile-report-newer-version", changed(&|f| f["format_version"] = json!(3))),
        ("hostile-report-no-plan", changed(&|f| f["payload"]["reports"][0]["plan"] = json!(null))),
        ("hostile-report-period", changed(&|f| f["payload"]["reports"][0]["period"] = json!("quy_5"))),
        (
            "hostile-report-cut-off",
            changed(&|f| f["payload"]["reports"][0]["data_period"]["cut_off"] = json!("2025-03-14")),
        ),
        (
            "hostile-report-figure",
            changed(&|f| f["payload"]["reports"][0]["report"]["figures"]["dossiers_online"] = json!("1.5")),
        ),
        (
            "hostile-report-unknown-task",
            changed(&|f| f["payload"]["reports"][0]["progress"]["khong-co"] = json!({})),
        ),
        ("hostile-report-none", changed(&|f| f["payload"] = json!({ "reports": [] }))),
        (
            "hostile-report-v1",
            changed(&|f| f["format_version"] = json!(1)),
        ),
    ];
    for (name, text) in hostile_reports {
        write(&seeds.join(format!("{name}.json")), text.as_bytes());
    }

    // Envelope edge cases.
    let envelope = |version: Value, plans: Value| {
        json!({"kind": "ke-hoach-cchc", "format_version": version, "payload": {"plans": plans}})
    };
    let hostile: Vec<(&str, Value)> = vec![
        ("hostile-newer-version", envelope(json!(3), json!([{}]))),
        ("hostile-version-huge", envelope(json!(u64::MAX), json!([{}]))),
        ("hostile-version-negative", envelope(json!(-1), json!([{}]))),
        ("hostile-version-float", envelope(json!(1.0), json!([{}]))),
        ("hostile-version-text", envelope(json!("1"), json!([{}]))),
        ("hostile-no-plans", envelope(json!(1), json!([]))),
        ("hostile-plans-not-objects", envelope(json!(1), json!([1, "x", null, [], true]))),
        ("hostile-empty-plan", envelope(json!(1), json!([{}]))),
        (
            "hostile-wrong-types",
            envelope(
                json!(1),
                json!([{
                    "id": 5, "year": "2024", "level": 3, "date": "31/02/2023",
                    "number": "06/KH-UBND", "areas": {"x": 1}, "targets": ["bare text", 7],
                    "legal_bases": "Căn cứ", "recipients": ["Như trên", {"name": null}],
                    "funding": [1.5, true, {"text": ["a"]}]
                }]),
            ),
        ),
        (
            "hostile-odd-values",
            envelope(
                json!(1),
                json!([{
                    "year": 1e300, "date": {"day": 31, "month": 2, "year": 2023},
                    "areas": [{"id": "", "tasks": [
                        {"id": "a", "deadline": "Quý I, II, III/2022", "budget": "1.500,25"},
                        {"id": "a", "deadline": {"text": "x", "reading": [{"kind": "month", "year": 99999, "month": 13}]},
                         "budget": {"million_vnd": "-5"}},
                        {"id": "a-2", "deadline": 12, "budget": 1e21},
                        {"budget": {"amount": "99999999999999999.9999999"}, "key_task": "yes"}
                    ], "sub_areas": [{"sub_areas": [{}]}]}],
                    "appendices": [{"rows": {"kind": "own", "groups": [{"sub_groups": [{"sub_groups": [{}]}]}]}}],
                    "form": {"kind": "decision", "signer": "x"},
                    "title": "e\u{301} \r\n\u{7f}\u{85}x\u{1}",
                }]),
            ),
        ),
    ];
    for (name, value) in hostile {
        write(
            &seeds.join(format!("{name}.json")),
            serde_json::to_string_pretty(&value).expect("json").as_bytes(),
        );
    }
    write(&seeds.join("hostile-deep-array.json"), "[".repeat(10_000).as_bytes());
    write(&seeds.join("hostile-not-ours.json"), br#"{"kind":"other","plans":[]}"#);
    write(&seeds.join("hostile-empty.json"), b"  \n\t ");

    // import_json seeds are raw bytes driving the structured generator (see its header).
    write(&json_seeds.join("base-0-unchanged"), b"");
    for index in 0..paths.len().min(4) as u8 {
        write(&json_seeds.join(format!("base-{index}-mutated")), &[index, 7, 200, 3, 1, 99, 42, 0, 5]);
    }
    write(&json_seeds.join("generated-plan"), &[0xff, 0x80, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    write(&json_seeds.join("three-plans"), &[0, 1, 2, 0x40, 0x41, 0x42, 2, 2, 9, 9, 200, 201]);
    // Bytes that make the generator wrap plans in reports (its first choice).
    write(&json_seeds.join("report-one"), &[2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
    write(&json_seeds.join("report-mutated"), &[2, 1, 1, 2, 5, 0x80, 7, 200, 3, 1, 99, 42, 17]);
    write(&json_seeds.join("two-reports"), &[0xfe]);
}

/// The report of `period` drafted for `plan`, with every status among its first tasks'
/// progress, evidence and a full figures sheet.
fn followed(plan: &Plan, period: ReportPeriod) -> (PeriodReport, ProgressBook) {
    let statuses = [
        TaskStatus::InProgress,
        TaskStatus::DoneOnTime,
        TaskStatus::DoneLate,
        TaskStatus::NotCarriedOut { reason: "Điều chỉnh theo chỉ đạo của huyện".into() },
        TaskStatus::NotStarted,
    ];
    let day = |month, day| chrono::NaiveDate::from_ymd_opt(plan.year, month, day);
    let mut progress = ProgressBook::new();
    for (index, (_, task)) in task_slots(plan).iter().enumerate().take(12) {
        let status = statuses[index % statuses.len()].clone();
        let done = status.is_done();
        progress.insert(
            task.id.clone(),
            TaskProgress {
                status,
                completed_on: if done { day(2, 1 + index as u32) } else { None },
                result: if done { format!("Đã hoàn thành việc {index}") } else { String::new() },
                evidence: if done {
                    vec![EvidenceDocument {
                        number: format!("{index}/QĐ-UBND"),
                        date: day(2, 20),
                        summary: "Quyết định «ban hành»".into(),
                    }]
                } else {
                    Vec::new()
                },
                note: String::new(),
            },
        );
    }
    let mut report = PeriodReport::draft(plan, &progress, period);
    report.number.number = "31".into();
    report.assessment = "Tồn tại, hạn chế: …\nNguyên nhân: …".into();
    for (index, figure) in [
        Figure::ProceduresPublished,
        Figure::DossiersInPerson,
        Figure::DossiersOnline,
        Figure::DossiersByPost,
        Figure::ResolvedOnTime,
        Figure::ResolvedLate,
        Figure::ApologyLetters,
        Figure::DossiersDigitised,
        Figure::FeedbackReceived,
        Figure::FeedbackHandled,
    ]
    .into_iter()
    .enumerate()
    {
        report.figures.set(figure, Some(Decimal::from_int(10 * index as i64 + 3)));
    }
    report.figures.set(Figure::SatisfactionRate, Decimal::parse_machine("97.25").ok());
    (report, progress)
}

/// Cuts every list in `value` to its first `keep` items.
fn trim(value: &mut Value, keep: usize) {
    match value {
        Value::Array(items) => {
            items.truncate(keep);
            items.iter_mut().for_each(|item| trim(item, keep));
        }
        Value::Object(object) => object.values_mut().for_each(|item| trim(item, keep)),
        _ => {}
    }
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
}
