//! What the app writes from untrusted text: every plan of the hostile corpus, and a plan whose
//! every field holds what XML cannot carry (put there directly, past the importer's cleaning),
//! written as Word, Excel and CSV. Python's zipfile and XML parser (expat) read every part back,
//! and its csv module reads every CSV field: no part may be malformed, and no text field may
//! start as a spreadsheet formula.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};

use kehoach::document::{layout, write_csv, write_docx, write_xlsx};
use kehoach::domain::{AppendixGroup, AppendixRows, Plan, ReformArea, Task};
use kehoach::file_format;

use common::python;

/// Reads each file named on the command line and prints one line for each thing wrong with it,
/// then "checked N" with the number of XML parts and CSV fields it read.
const CHECKER: &str = r#"
import csv, io, sys, zipfile, xml.etree.ElementTree as ET
checked = 0
for path in sys.argv[1:]:
    if path.endswith('.csv'):
        text = open(path, encoding='utf-8-sig', newline='').read()
        for row in csv.reader(io.StringIO(text, newline='')):
            for field in row:
                checked += 1
                if field[:1] in ('=', '+', '-', '@', '\t', '\r'):
                    try:
                        float(field)
                    except ValueError:
                        print('formula', path, repr(field[:40]))
        continue
    with zipfile.ZipFile(path) as z:
        if z.testzip() is not None:
            print('zip', path)
        for name in z.namelist():
            if name.endswith('.xml') or name.endswith('.rels'):
                checked += 1
                try:
                    ET.fromstring(z.read(name))
                except ET.ParseError as error:
                    print('xml', path, name, error)
print('checked', checked)
"#;

fn folder(test: &str) -> PathBuf {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("hostile-output")
        .join(test);
    std::fs::create_dir_all(&folder).expect("temporary folder");
    folder
}

/// Writes the Word file, and the workbook and CSV where the plan has appendix tables.
fn write_all(plan: &Plan, folder: &Path, stem: &str) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let mut put = |extension: &str, bytes: Vec<u8>| {
        let path = folder.join(format!("{stem}.{extension}"));
        std::fs::write(&path, bytes).expect("write");
        paths.push(path);
    };
    put("docx", write_docx(&layout(plan)));
    if let Some(bytes) = write_xlsx(plan) {
        put("xlsx", bytes);
    }
    if let Some(text) = write_csv(plan) {
        put("csv", text.into_bytes());
    }
    paths
}

/// What the checker found wrong (empty when all is well), and how much it read.
fn check(paths: &[PathBuf]) -> (Vec<String>, usize) {
    let stdout = python(CHECKER, paths);
    let mut problems: Vec<String> = stdout.lines().map(str::to_string).collect();
    let checked = problems
        .pop()
        .and_then(|last| last.strip_prefix("checked ")?.parse().ok())
        .expect("a count");
    (problems, checked)
}

fn assert_no_problems(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problems, the first: {:#?}",
        problems.len(),
        &problems[..problems.len().min(8)]
    );
}

#[test]
fn every_plan_of_the_hostile_corpus_writes_valid_word_excel_and_csv() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let out = folder("corpus");
    let mut paths = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("hostile fixtures")
        .map(|entry| entry.expect("entry").path())
        .collect();
    names.sort();
    let mut plans = 0;
    for path in names {
        let bytes = std::fs::read(&path).expect("read fixture");
        let Ok(imported) = file_format::import_file(&bytes) else {
            continue;
        };
        let stem = path.file_stem().expect("a name").to_string_lossy();
        for (index, plan) in imported.plans.iter().enumerate() {
            paths.extend(write_all(plan, &out, &format!("{stem}-{index}")));
            plans += 1;
        }
    }
    assert!(plans >= 20, "only {plans} plans imported");
    let (problems, checked) = check(&paths);
    assert_no_problems(&problems);
    assert!(checked > 100, "only {checked} parts and fields read");
}

/// The plan with `text` put before its main texts (header, title, areas, every task and
/// appendix row, signer), as no import or typing would leave them.
fn with_text_everywhere(plan: &Plan, text: &str) -> Plan {
    let mut plan = plan.clone();
    let put = |field: &mut String| *field = format!("{text} {field}");
    let put_task = |task: &mut Task| {
        put(&mut task.content);
        task.sub_items.iter_mut().for_each(put);
        task.lead_units.iter_mut().for_each(put);
        task.partner_units.iter_mut().for_each(put);
        task.outputs.iter_mut().for_each(put);
    };
    fn each_area(areas: &mut [ReformArea], on: &mut dyn FnMut(&mut ReformArea)) {
        for area in areas {
            on(area);
            each_area(&mut area.sub_areas, on);
        }
    }
    fn each_group(groups: &mut [AppendixGroup], on: &mut dyn FnMut(&mut AppendixGroup)) {
        for group in groups {
            on(group);
            each_group(&mut group.sub_groups, on);
        }
    }
    for field in [
        &mut plan.issuing_body,
        &mut plan.superior_body,
        &mut plan.place,
        &mut plan.title,
        &mut plan.signer.name,
        &mut plan.signer.title,
    ] {
        put(field);
    }
    each_area(&mut plan.areas, &mut |area| {
        put(&mut area.title);
        area.tasks.iter_mut().for_each(put_task);
    });
    for appendix in &mut plan.appendices {
        if let AppendixRows::Own { groups } = &mut appendix.rows {
            each_group(groups, &mut |group| {
                put(&mut group.title);
                group.tasks.iter_mut().for_each(put_task);
            });
        }
    }
    plan
}

#[test]
fn text_xml_cannot_carry_never_reaches_a_written_file() {
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/valid-base.json"),
    )
    .expect("valid-base.json");
    let plan = file_format::import_file(&bytes)
        .expect("valid-base imports")
        .plans
        .remove(0);
    let out = folder("raw");
    let hostile = [
        ("noncharacters", "=1+41 \u{FFFE}\u{FFFF}\u{FDD0}\u{1FFFE}"),
        ("controls", "@SUM(1+1) \u{1}\u{8}\u{B}\u{C}\u{1F}\r"),
        ("bidi", "-2+3 \u{202E}\u{2066}"),
    ];
    let mut paths = Vec::new();
    for (name, text) in hostile {
        let changed = with_text_everywhere(&plan, text);
        assert!(changed.areas[0].tasks[0].content.starts_with(text));
        paths.extend(write_all(&changed, &out, name));
    }
    assert_eq!(paths.len(), 9);
    let (problems, checked) = check(&paths);
    assert_no_problems(&problems);
    assert!(checked > 30, "only {checked} parts and fields read");
}
