//! Every released format version stays readable: each file under `tests/fixtures/format-v*/`
//! (kept forever, never regenerated) imports cleanly on every run, through the migrations.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use kehoach::file_format::{self, CURRENT_VERSION};

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
        assert!(!imported.plans.is_empty(), "{}", path.display());
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
