//! The property both targets check after a successful import: writing what was imported with
//! the app's own exporter and reading that file back must succeed and give the very same plans,
//! or the very same reports (what the person saw after import is what the next import shows).

use kehoach::file_format::{self, ExportInfo, Imported};

fn info() -> ExportInfo {
    ExportInfo {
        exported_at: "2026-11-23T14:32:00+07:00".into(),
        exported_by: "ỦY BAN NHÂN DÂN XÃ TỊNH MINH".into(),
    }
}

pub fn assert_round_trip(imported: &Imported) {
    assert!(
        imported.plans.is_empty() != imported.reports.is_empty(),
        "Ok with {} plans and {} reports: a file holds plans or reports",
        imported.plans.len(),
        imported.reports.len()
    );
    if !imported.plans.is_empty() {
        assert_plans_round_trip(imported);
    }
    for (index, received) in imported.reports.iter().enumerate() {
        let file =
            file_format::export_report(&received.plan, &received.report, &received.progress, &info());
        let back = match file_format::import_file(file.as_bytes()) {
            Ok(back) => back,
            Err(error) => panic!("round trip: report {index} exported was refused: {error:?}"),
        };
        assert!(
            back.info.checksum_ok,
            "round trip: checksum of our own report export does not match"
        );
        assert!(back.plans.is_empty(), "round trip: a report file gave plans");
        let [again] = back.reports.as_slice() else {
            panic!("round trip: report {index} came back as {} reports", back.reports.len());
        };
        if again.plan != received.plan {
            panic!(
                "round trip: the plan of report {index} changed on export + import\n{}",
                first_difference(&received.plan, &again.plan)
            );
        }
        assert_eq!(again.report, received.report, "round trip: report {index} changed");
        assert_eq!(again.progress, received.progress, "round trip: progress of report {index} changed");
        // The exporter writes the data period the plan gives the report's period.
        assert_eq!(
            Some(again.data_period),
            received.report.period.period_for(&received.plan),
            "round trip: data period of report {index}"
        );
    }
}

fn assert_plans_round_trip(imported: &Imported) {
    let bundle = imported.plans.len() > 1;
    let file = file_format::export_plans(&imported.plans, &info(), bundle);
    let back = match file_format::import_file(file.as_bytes()) {
        Ok(back) => back,
        Err(error) => panic!(
            "round trip: the exported file of {} plan(s) was refused: {error:?}",
            imported.plans.len()
        ),
    };
    assert!(
        back.info.checksum_ok,
        "round trip: checksum of our own export does not match"
    );
    assert_eq!(
        back.plans.len(),
        imported.plans.len(),
        "round trip: number of plans changed"
    );
    for (index, (before, after)) in imported.plans.iter().zip(&back.plans).enumerate() {
        if before != after {
            panic!(
                "round trip: plan {index} changed on export + import\n{}\nreport of the second import: {:#?}",
                first_difference(before, after),
                back.report.lines()
            );
        }
    }
}

/// The first lines where the two plans, written as pretty JSON, differ (plans can be large).
fn first_difference(before: &kehoach::domain::Plan, after: &kehoach::domain::Plan) -> String {
    let before = serde_json::to_string_pretty(before).unwrap_or_default();
    let after = serde_json::to_string_pretty(after).unwrap_or_default();
    let (a, b): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    let Some(at) = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)) else {
        return "(the JSON forms are equal; the difference is in a field that is not written)".into();
    };
    let from = at.saturating_sub(3);
    let show = |lines: &[&str]| {
        lines
            .iter()
            .skip(from)
            .take(8)
            .map(|line| format!("    {}", visible(line)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "first difference at JSON line {}:\n  before:\n{}\n  after:\n{}",
        at + 1,
        show(&a),
        show(&b)
    )
}

/// At most 200 characters of `line`, with combining marks and invisible characters written as
/// `\u{..}` so that NFC / NFD and control-character differences show.
fn visible(line: &str) -> String {
    line.chars()
        .take(200)
        .map(|c| {
            let invisible = c.is_control()
                || ('\u{300}'..='\u{36f}').contains(&c)
                || ('\u{200b}'..='\u{200f}').contains(&c)
                || c == '\u{feff}';
            if invisible {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}
