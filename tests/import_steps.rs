//! Importing in steps (as the browser does, yielding between them) gives exactly what a
//! one-go import gives, for every sample plan, a bundle of them, and hostile files.

use std::fs;
use std::path::Path;

use kehoach::file_format::{ImportSteps, import_file};

fn in_steps(
    bytes: &[u8],
    batch: usize,
) -> Result<kehoach::file_format::Imported, kehoach::file_format::ImportError> {
    let mut steps = ImportSteps::start(bytes)?;
    steps.check();
    let mut rounds = 0;
    while !steps.read_plans(batch) {
        rounds += 1;
        let (read, total) = steps.progress();
        assert!(read <= total);
        assert!(rounds <= total, "reading does not advance");
    }
    steps.finish()
}

#[test]
fn every_fixture_reads_the_same_in_steps_of_one_plan() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for folder in ["format-v1", "hostile"] {
        for entry in fs::read_dir(root.join(folder)).expect("fixtures folder") {
            let bytes = fs::read(entry.expect("entry").path()).expect("fixture");
            assert_eq!(in_steps(&bytes, 1), import_file(&bytes));
            checked += 1;
        }
    }
    assert!(checked > 30);
}

#[test]
fn a_bundle_reads_the_same_in_steps_and_reports_its_progress() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v1");
    let mut plans = Vec::new();
    for entry in fs::read_dir(root).expect("fixtures folder") {
        let bytes = fs::read(entry.expect("entry").path()).expect("fixture");
        plans.extend(import_file(&bytes).expect("sample plan").plans);
    }
    let info = kehoach::file_format::ExportInfo::default();
    let file = kehoach::file_format::export_plans(&plans, &info, true);
    let mut steps = ImportSteps::start(file.as_bytes()).expect("bundle");
    steps.check();
    assert_eq!(steps.progress(), (0, 4));
    assert!(!steps.read_plans(3));
    assert_eq!(steps.progress(), (3, 4));
    assert!(steps.read_plans(3));
    let imported = steps.finish().expect("bundle reads");
    assert_eq!(imported.plans, plans);
    assert!(imported.info.checksum_ok);
    assert!(imported.report.is_clean(), "{:?}", imported.report);
}
