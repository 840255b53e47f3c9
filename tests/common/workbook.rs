//! A workbook the app wrote, read back from outside by Python's zipfile and XML parser: each
//! sheet's name, its cells and its filter.

use super::python;

/// Reads the workbook with Python: for each sheet, its name, its cells as [reference, type,
/// value] (type "n" for numbers, "s" for text) and its filter's range, if any.
pub const READER: &str = r#"
import json, sys, zipfile, xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS)]
out = []
for i, name in enumerate(names, 1):
    root = ET.fromstring(z.read(f"xl/worksheets/sheet{i}.xml"))
    cells = []
    for c in root.iter("{%s}c" % NS["m"]):
        ref = c.get("r")
        if c.get("t") == "inlineStr":
            cells.append([ref, "s", "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))])
        elif c.find("m:v", NS) is not None:
            cells.append([ref, "n", c.find("m:v", NS).text])
    f = root.find("m:autoFilter", NS)
    out.append({"name": name, "cells": cells, "filter": f.get("ref") if f is not None else None})
print(json.dumps(out, ensure_ascii=False))
"#;

/// The workbook `bytes` as [`READER`] prints it; `name` names the temporary file.
pub fn read_workbook(bytes: &[u8], name: &str) -> serde_json::Value {
    let path = std::env::temp_dir().join(format!("kehoach-{name}-{}.xlsx", std::process::id()));
    std::fs::write(&path, bytes).expect("writes the workbook");
    let printed = python(READER, [&path]);
    std::fs::remove_file(&path).ok();
    serde_json::from_str(&printed).expect("the reader prints JSON")
}

/// The numbers of `column` ("A", "G" …) of `sheet`, top to bottom.
pub fn numbers_in_column(sheet: &serde_json::Value, column: &str) -> Vec<f64> {
    sheet["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .filter(|cell| {
            let reference = cell[0].as_str().unwrap_or_default();
            cell[1] == "n" && reference.trim_end_matches(|c: char| c.is_ascii_digit()) == column
        })
        .map(|cell| {
            cell[2]
                .as_str()
                .unwrap_or_default()
                .parse()
                .expect("a number")
        })
        .collect()
}

/// The value of the cell at `reference` ("K4") of `sheet` as text, with «n» or «s» for its
/// type; `None` for an empty cell.
pub fn cell(sheet: &serde_json::Value, reference: &str) -> Option<(String, String)> {
    sheet["cells"].as_array()?.iter().find_map(|cell| {
        (cell[0] == reference).then(|| {
            (
                cell[1].as_str().unwrap_or_default().to_string(),
                cell[2].as_str().unwrap_or_default().to_string(),
            )
        })
    })
}

/// The sheet called `name` of a workbook [`read_workbook`] gave.
pub fn sheet<'a>(workbook: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    workbook
        .as_array()
        .and_then(|sheets| sheets.iter().find(|sheet| sheet["name"] == name))
        .unwrap_or_else(|| panic!("no sheet {name}"))
}
