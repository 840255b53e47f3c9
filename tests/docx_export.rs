//! The Word file (DOCX) of each sample plan, checked from outside: `unzip -t` tests the archive
//! and Python's zipfile and XML parser read it back, find every task, the landscape appendix
//! sections, the repeated table header rows and the page number field.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;
use std::process::Command;

use kehoach::document::{layout, write_docx};

use common::{SAMPLES, plan_from as sample, python, run};

/// Writes the sample's DOCX under the target directory, in a folder of the test's own since
/// tests run in parallel, and returns its path.
fn write_sample(test: &str, name: &str, json: &str) -> PathBuf {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("docx")
        .join(test);
    std::fs::create_dir_all(&folder).expect("temporary folder");
    let path = folder.join(format!("{name}.docx"));
    std::fs::write(&path, write_docx(&layout(&sample(json)))).expect("write docx");
    path
}

/// Reads the package with Python's zipfile and ElementTree and prints facts about it, one per
/// line: parts, sections, landscape sections, header rows, page fields, then the text.
const READER: &str = r#"
import sys, zipfile, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    names = sorted(z.namelist())
    for name in names:
        if name.endswith('.xml') or name.endswith('.rels'):
            ET.fromstring(z.read(name))
    doc = ET.fromstring(z.read('word/document.xml'))
    header = z.read('word/header1.xml').decode('utf-8')
sections = doc.iter(W + 'sectPr')
sizes = [s.find(W + 'pgSz') for s in doc.iter(W + 'sectPr')]
print('parts', ','.join(names))
print('sections', len(sizes))
print('landscape', sum(1 for s in sizes if s.get(W + 'orient') == 'landscape'))
print('header-rows', sum(1 for _ in doc.iter(W + 'tblHeader')))
print('page-field', 'PAGE' in header)
for p in doc.iter(W + 'p'):
    text = ''.join(t.text or '' for t in p.iter(W + 't'))
    if text:
        print('text', text)
"#;

fn read(path: &PathBuf) -> Vec<String> {
    python(READER, [path]).lines().map(str::to_string).collect()
}

fn fact<'a>(lines: &'a [String], key: &str) -> &'a str {
    lines
        .iter()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(' '))
        .unwrap_or_else(|| panic!("no {key}"))
}

#[test]
fn every_sample_gives_a_zip_that_unzip_tests_clean() {
    for (name, json) in SAMPLES {
        let path = write_sample("unzip", name, json);
        let output = Command::new("unzip")
            .arg("-t")
            .arg(&path)
            .output()
            .expect("unzip runs");
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{name}: {report}");
        assert!(report.contains("No errors detected"), "{name}: {report}");
        assert!(report.contains("word/document.xml"), "{name}: {report}");
    }
}

#[test]
fn every_task_is_in_the_word_file_with_the_right_sections() {
    for (name, json) in SAMPLES {
        let plan = sample(json);
        let path = write_sample("read", name, json);
        let lines = read(&path);
        assert_eq!(
            fact(&lines, "parts"),
            "[Content_Types].xml,_rels/.rels,word/_rels/document.xml.rels,word/document.xml,word/header1.xml,word/styles.xml",
            "{name}"
        );
        let document = layout(&plan);
        let sections: usize = fact(&lines, "sections").parse().expect("number");
        assert_eq!(sections, document.sections.len(), "{name}");
        let landscape: usize = fact(&lines, "landscape").parse().expect("number");
        assert_eq!(landscape, plan.appendices.len(), "{name}");
        let header_rows: usize = fact(&lines, "header-rows").parse().expect("number");
        assert_eq!(header_rows, plan.appendices.len(), "{name}");
        assert_eq!(fact(&lines, "page-field"), "True", "{name}");
        let text: Vec<&str> = lines
            .iter()
            .filter_map(|line| line.strip_prefix("text "))
            .collect();
        let all = text.join("\n");
        for task in plan.areas.iter().flat_map(|area| area.all_tasks()) {
            assert!(
                all.contains(task.content.trim()),
                "{name}: task «{}» missing",
                task.content
            );
        }
    }
}

#[test]
fn son_chau_word_file_has_its_date_line_and_appendix_total() {
    let (name, json) = SAMPLES[0];
    let lines = read(&write_sample("son-chau", name, json));
    assert!(lines.contains(&"text Sơn Châu, ngày 08 tháng 01 năm 2022".to_string()));
    assert!(lines.contains(&"text Số: 06/KH-UBND".to_string()));
    let total = lines
        .iter()
        .position(|line| line == "text Tổng cộng")
        .expect("total row");
    assert_eq!(lines[total + 1], "text 200");
}

#[test]
fn libreoffice_opens_son_chau_without_repair_and_prints_it_on_a4_with_a_landscape_appendix() {
    let (name, json) = SAMPLES[0];
    let path = write_sample("libreoffice", name, json);
    let folder = path.parent().expect("a folder").to_path_buf();
    let profile = folder.join("profile");
    let profile_url = format!("-env:UserInstallation=file://{}", profile.display());
    let out_dir = folder.to_string_lossy().into_owned();
    let input = path.to_string_lossy().into_owned();
    run(
        "libreoffice",
        &[
            &profile_url,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            &out_dir,
            &input,
        ],
    );
    let pdf = folder.join(format!("{name}.pdf"));
    let pdf = pdf.to_string_lossy().into_owned();
    let info = run("pdfinfo", &["-f", "1", "-l", "999", &pdf]);
    let sizes: Vec<&str> = info
        .lines()
        .filter(|line| line.starts_with("Page") && line.contains("size:"))
        .collect();
    assert!(sizes.len() >= 10, "{info}");
    // A4 is 595 × 842 points (LibreOffice writes 595.3 × 841.9).
    let portrait = sizes
        .iter()
        .filter(|l| l.contains("595.") && l.contains("x 841."))
        .count();
    let landscape = sizes
        .iter()
        .filter(|l| l.contains("841.") && l.contains("x 595."))
        .count();
    assert_eq!(portrait + landscape, sizes.len(), "{info}");
    assert!(portrait >= 5 && landscape >= 1, "{info}");
    let text = run("pdftotext", &["-layout", &pdf, "-"]);
    let plain = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        plain.contains("Sơn Châu, ngày 08 tháng 01 năm 2022"),
        "date line"
    );
    let plan = sample(json);
    for task in plan.areas.iter().flat_map(|area| area.all_tasks()) {
        let words: Vec<&str> = task.content.split_whitespace().take(5).collect();
        assert!(
            plain.contains(&words.join(" ")),
            "task «{}»",
            words.join(" ")
        );
    }
    assert!(plain.contains("200"), "the appendix total");
}
