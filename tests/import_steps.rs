//! Importing in steps (as the browser does, yielding between them) gives exactly what the whole
//! file parsed at once gives, for every sample plan, a bundle of them, and hostile files; the
//! usual file takes the quick way, a plan per step.

use std::fs;
use std::path::Path;

use kehoach::file_format::{
    CURRENT_VERSION, ExportInfo, ImportError, ImportSteps, Imported, MAX_FILE_BYTES, export_plans,
    import_file,
};

/// Reads `bytes` a step at a time, checking the progress as it goes; the steps taken.
fn in_steps(bytes: &[u8]) -> (Result<Imported, ImportError>, usize) {
    let mut steps = match ImportSteps::start(bytes) {
        Ok(steps) => steps,
        Err(error) => return (Err(error), 0),
    };
    let mut taken = 0;
    loop {
        match steps.step() {
            Ok(true) => break,
            Ok(false) => {}
            Err(error) => return (Err(error), taken),
        }
        taken += 1;
        let (read, total) = steps.progress();
        assert!(read <= total);
        assert!(taken <= bytes.len(), "reading does not advance");
    }
    (steps.finish(), taken)
}

/// The file parsed at once, as before the quick way existed.
fn whole(bytes: &[u8]) -> Result<Imported, ImportError> {
    ImportSteps::start_whole(bytes)?.finish()
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    for folder in ["format-v1", "format-v2", "hostile"] {
        for entry in fs::read_dir(root.join(folder)).expect("fixtures folder") {
            let path = entry.expect("entry").path();
            files.push((
                path.display().to_string(),
                fs::read(&path).expect("fixture"),
            ));
        }
    }
    files
}

fn sample_plans() -> Vec<kehoach::domain::Plan> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v1");
    let mut plans = Vec::new();
    for entry in fs::read_dir(root).expect("fixtures folder") {
        let bytes = fs::read(entry.expect("entry").path()).expect("fixture");
        plans.extend(import_file(&bytes).expect("sample plan").plans);
    }
    plans
}

#[test]
fn every_fixture_reads_the_same_in_steps_as_whole() {
    let files = fixtures();
    for (name, bytes) in &files {
        let (stepped, _) = in_steps(bytes);
        assert_eq!(stepped, whole(bytes), "{name}");
        assert_eq!(import_file(bytes), stepped, "{name}");
    }
    assert!(files.len() > 30);
}

#[test]
fn our_own_files_take_the_quick_way_and_others_the_whole_way() {
    let plans = sample_plans();
    let file = export_plans(&plans, &ExportInfo::default(), true);
    let mut steps = ImportSteps::start(file.as_bytes()).expect("bundle");
    steps.step().expect("the pass over the file");
    assert!(steps.is_quick());
    let text =
        "{\"kind\": \"ke-hoach-cchc\", \"format_version\": 1, \"pay\\u006coad\": {\"plans\": []}}";
    let mut steps = ImportSteps::start(text.as_bytes()).expect("escaped key");
    steps.step().expect("the pass over the file");
    assert!(
        !steps.is_quick(),
        "a key written with escapes is left to the parser"
    );
}

#[test]
fn a_bundle_reads_a_plan_in_four_steps_and_reports_its_progress() {
    let plans = sample_plans();
    let file = export_plans(&plans, &ExportInfo::default(), true);
    let mut steps = ImportSteps::start(file.as_bytes()).expect("bundle");
    assert_eq!(steps.progress(), (0, 0), "not known before the pass");
    assert!(!steps.step().expect("the pass"));
    assert_eq!(steps.progress(), (0, 4));
    // Parsed, hashed, read, counted: a plan takes four steps, and counts as read at the third.
    for _ in 0..3 {
        assert!(!steps.step().expect("plan 1"));
    }
    assert_eq!(steps.progress(), (1, 4));
    for _ in 0..13 {
        assert!(!steps.step().expect("plans 1–4"));
    }
    assert_eq!(steps.progress(), (4, 4));
    let imported = steps.finish().expect("bundle reads");
    assert_eq!(imported.plans, plans);
    assert!(imported.info.checksum_ok);
    assert!(imported.report.is_clean(), "{:?}", imported.report);
}

/// Files changed in ways the quick way must notice: each reads exactly as it does whole.
#[test]
fn changed_bundles_read_the_same_both_ways() {
    let plans = sample_plans();
    let file = export_plans(&plans, &ExportInfo::default(), true);
    let current = format!("\"format_version\": {CURRENT_VERSION}");
    let second = file
        .find("},\n      {")
        .map(|at| at + 9)
        .expect("a plan after the first");
    let changes: Vec<(&str, String)> = vec![
        (
            "a value changed",
            file.replacen("\"year\": 2022", "\"year\": 2021", 1),
        ),
        ("a comma missing between plans", {
            let mut text = file.clone();
            let comma = text[..second].rfind(',').expect("comma");
            text.replace_range(comma..comma + 1, " ");
            text
        }),
        (
            "a comma too many",
            file.replacen("\n    ]\n  }", ",\n    ]\n  }", 1),
        ),
        ("cut short", file[..file.len() / 2].to_string()),
        (
            "a form feed before a plan (not JSON's white space)",
            file.replacen("\"plans\": [", "\"plans\": [\u{c}", 1),
        ),
        ("text after the end", format!("{file} x")),
        (
            "a second payload",
            file.replacen("\"kind\"", "\"payload\": 1, \"kind\"", 1),
        ),
        (
            "a second plans list",
            file.replacen("\"plans\": [", "\"plans\": [], \"plans\": [", 1),
        ),
        (
            "a key with escapes",
            file.replacen("\"payload\"", "\"pay\\u006coad\"", 1),
        ),
        (
            "brackets in strings",
            file.replacen("\"title\": \"", "\"title\": \"]}{[,\\\" ", 1),
        ),
        (
            "the plans not a list",
            file.replacen("\"plans\": [", "\"plans\": {\"x\": [", 1),
        ),
        ("an empty list", {
            let start = file.find("\"plans\": [").expect("plans") + 10;
            let end = file.rfind(']').expect("end of plans");
            format!("{}{}", &file[..start], &file[end..])
        }),
        (
            "a plan that is a number",
            file.replacen("\"plans\": [", "\"plans\": [ 7,", 1),
        ),
        (
            "a newer version",
            file.replacen(&current, "\"format_version\": 9", 1),
        ),
        ("a newer version and cut short", {
            let text = file.replacen(&current, "\"format_version\": 9", 1);
            text[..text.len() - 200].to_string()
        }),
        ("not UTF-8 inside a plan", {
            let mut bytes = file.clone().into_bytes();
            let at = second + 40;
            bytes[at] = 0xFF;
            String::from_utf8_lossy(&bytes).into_owned()
        }),
    ];
    for (change, text) in &changes {
        assert_ne!(text, &file, "{change}: the change took");
        let (stepped, _) = in_steps(text.as_bytes());
        assert_eq!(stepped, whole(text.as_bytes()), "{change}");
    }
    let outcome = |change: &str| {
        let text = &changes
            .iter()
            .find(|(name, _)| *name == change)
            .expect("change")
            .1;
        in_steps(text.as_bytes()).0
    };
    let changed = outcome("a value changed").expect("a changed value still reads");
    assert!(!changed.info.checksum_ok);
    assert_eq!(
        changed.report.problems.len(),
        1,
        "only the checksum warning"
    );
    assert!(matches!(
        outcome("cut short"),
        Err(ImportError::Damaged { .. })
    ));
    assert!(matches!(
        outcome("a comma too many"),
        Err(ImportError::Damaged { .. })
    ));
    assert!(matches!(
        outcome("a newer version"),
        Err(ImportError::NewerVersion { .. })
    ));
    assert_eq!(outcome("an empty list"), Err(ImportError::NoPlans));
    let mut bytes = file.into_bytes();
    bytes[second + 40] = 0xFF;
    assert_eq!(in_steps(&bytes).0, Err(ImportError::NotText));
}

/// Deadlines are read once per text and plan year (the reader keeps them), so the same words in
/// plans of two years are read against each plan's own year.
#[test]
fn the_same_deadline_in_plans_of_two_years_is_read_against_each_year() {
    use kehoach::domain::{Deadline, Milestone, Plan, ReformArea, Task};
    let plan = |year: i32| Plan {
        id: format!("ke-hoach-{year}"),
        year,
        areas: vec![ReformArea {
            tasks: vec![
                Task {
                    deadline: Deadline::new("Trong năm", year),
                    ..Task::default()
                };
                2
            ],
            ..ReformArea::default()
        }],
        ..Plan::default()
    };
    let info = ExportInfo {
        exported_at: "2026-11-24T10:00:00+07:00".into(),
        exported_by: "ỦY BAN NHÂN DÂN XÃ TỊNH MINH".into(),
    };
    let file = export_plans(&[plan(2023), plan(2024)], &info, true);
    let imported = import_file(file.as_bytes()).expect("the bundle imports");
    let readings: Vec<_> = imported
        .plans
        .iter()
        .flat_map(|plan| {
            plan.areas[0]
                .tasks
                .iter()
                .map(|task| task.deadline.reading.clone())
        })
        .collect();
    let year = |year| vec![Milestone::Year { year }];
    assert_eq!(readings, [year(2023), year(2023), year(2024), year(2024)]);
}

/// A bundle of `count` plans of 5,000 empty tasks each: each item is 15 KB of the file and
/// half a megabyte when exported again.
fn expanding_bundle(file: &str, count: usize) -> String {
    let tasks = vec!["{}"; 5_000].join(",");
    let empty = format!("{{\"areas\":[{{\"tasks\":[{tasks}]}}]}}");
    let plans_at = file.find("\"plans\": [").expect("plans") + 10;
    let plans_end = file.rfind("\n    ]").expect("end of plans");
    format!(
        "{}{}{}",
        &file[..plans_at],
        vec![empty.as_str(); count].join(","),
        &file[plans_end..]
    )
}

/// What is imported exports again within the size limit, so that a backup of it can be
/// restored; and what would not is refused, both ways. The count is exact enough to tell 65
/// such plans (33.1 MB exported, under the 33.5 MB limit) from 66 (33.6 MB).
#[test]
fn plans_are_accepted_only_if_they_export_again_within_the_limit() {
    let file = export_plans(&sample_plans(), &ExportInfo::default(), true);
    let fits = expanding_bundle(&file, 65);
    let imported = in_steps(fits.as_bytes()).0.expect("65 plans fit");
    let exported = export_plans(&imported.plans, &ExportInfo::default(), true);
    assert!(exported.len() <= MAX_FILE_BYTES, "{}", exported.len());
    assert!(
        exported.len() > MAX_FILE_BYTES - 1_000_000,
        "{}",
        exported.len()
    );
    assert_eq!(whole(fits.as_bytes()).map(|i| i.plans.len()), Ok(65));
    let too_many = expanding_bundle(&file, 66);
    assert!(ImportSteps::start(too_many.as_bytes()).is_ok_and(|steps| steps.is_quick()));
    for outcome in [in_steps(too_many.as_bytes()).0, whole(too_many.as_bytes())] {
        assert!(
            matches!(outcome, Err(ImportError::ExpandsTooMuch { .. })),
            "66 plans do not fit: {:?}",
            outcome.map(|imported| imported.plans.len())
        );
    }
}

/// Bytes that are not UTF-8 make both ways say the file is not text, wherever they are: in the
/// envelope, in a plan's structure or its text, after the end, and in a plan the quick way
/// only checks is well-formed, after the plans before it were found too large to export again.
#[test]
fn bytes_that_are_not_utf8_are_refused_wherever_they_are() {
    let file = export_plans(&sample_plans(), &ExportInfo::default(), true);
    let in_text = file.find("\"title\": \"").expect("a title") + 10;
    let in_structure = file.find("\"areas\": [").expect("areas") + 10;
    let in_envelope = file.find("\"exported_by\": \"").expect("exporter") + 16;
    let expanding = expanding_bundle(&file, 70);
    let last_plan = expanding.rfind("{\"areas\"").expect("the last plan") + 2;
    let cases = [
        ("in the envelope", file.as_bytes(), in_envelope),
        ("in a plan's text", file.as_bytes(), in_text),
        ("in a plan's structure", file.as_bytes(), in_structure),
        ("after the end", file.as_bytes(), file.len()),
        (
            "in a plan past the size limit",
            expanding.as_bytes(),
            last_plan,
        ),
    ];
    for (place, bytes, at) in cases {
        let mut bytes = bytes.to_vec();
        bytes.splice(at..at, [0xC3, 0x28]);
        assert!(
            ImportSteps::start(&bytes).is_ok_and(|steps| steps.is_quick()),
            "{place}"
        );
        assert_eq!(in_steps(&bytes).0, Err(ImportError::NotText), "{place}");
        assert_eq!(whole(&bytes), Err(ImportError::NotText), "{place}");
    }
}

/// A report file (one plan with its report) is read the whole way, a report a step, and says
/// how far it has come like a bundle does.
#[test]
fn a_report_file_is_read_the_whole_way_a_report_a_step() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/format-v2/son-chau-commune-2022-bao-cao-9-thang.json");
    let bytes = fs::read(path).expect("fixture");
    let mut steps = ImportSteps::start(&bytes).expect("a report file");
    assert!(!steps.step().expect("the pass"));
    assert!(!steps.is_quick());
    assert_eq!(steps.progress(), (0, 1));
    assert!(!steps.step().expect("the report"));
    assert_eq!(steps.progress(), (1, 1));
    assert!(steps.step().expect("done"));
    assert_eq!(steps.payload_to_hash(), None);
    let imported = steps.finish().expect("reads");
    assert_eq!((imported.plans.len(), imported.reports.len()), (0, 1));
    assert!(imported.info.checksum_ok);
}
