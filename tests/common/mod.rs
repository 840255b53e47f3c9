//! The four real sample plans, transcribed under `tests/fixtures/plans/`, for every native test
//! that reads them. (Each test crate uses part of this.)
#![allow(dead_code)]

pub mod communes;
pub mod workbook;

use kehoach::domain::Plan;
use kehoach::file_format;

/// (name, JSON) of each sample, in the order the tests report them.
pub const SAMPLES: [(&str, &str); 4] = [
    (
        "son-chau-commune-2022",
        include_str!("../fixtures/plans/son-chau-commune-2022.json"),
    ),
    (
        "tinh-minh-commune-2024",
        include_str!("../fixtures/plans/tinh-minh-commune-2024.json"),
    ),
    (
        "son-tay-district-2023",
        include_str!("../fixtures/plans/son-tay-district-2023.json"),
    ),
    (
        "hoang-hoa-district-2023",
        include_str!("../fixtures/plans/hoang-hoa-district-2023.json"),
    ),
];

/// The plan a fixture's JSON holds, read through the tolerant reader.
pub fn plan_from(json: &str) -> Plan {
    let value: serde_json::Value = serde_json::from_str(json).expect("fixture is JSON");
    file_format::restore_plan(&value)
        .0
        .expect("fixture is a plan")
}

/// The sample called `name`, which must read without a single problem.
pub fn sample(name: &str) -> Plan {
    let (_, json) = SAMPLES
        .iter()
        .find(|(sample, _)| *sample == name)
        .unwrap_or_else(|| panic!("no sample {name}"));
    let value: serde_json::Value = serde_json::from_str(json).expect("fixture is JSON");
    let (plan, report) = file_format::restore_plan(&value);
    assert!(report.is_clean(), "{name}: {:?}", report.lines());
    plan.expect("fixture is a plan")
}

/// Runs the Python `script` on `args` (Python's zipfile, XML and csv modules read what the app
/// wrote, from outside) and returns what it printed; fails the test if Python fails.
pub fn python<I, S>(script: &str, args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("Python prints UTF-8")
}

/// Runs a command and returns its standard output, failing the test with its error output.
pub fn run(program: &str, args: &[&str]) -> String {
    let output = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("{program} runs: {error}"));
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}
