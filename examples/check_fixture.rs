//! Checks a transcribed plan (a bare plan object, or a whole exported file): prints every
//! problem the tolerant reader reports, the counts of every part, appendix totals, and whether
//! writing and reading it back gives the same plan.
//! Usage: cargo run --example check_fixture -- tests/fixtures/plans/son-chau-commune-2022.json
//! With `--export OUT` it also writes the plan as an exported file (how the `format-v*`
//! fixtures were made).

use kehoach::domain::{AppendixRows, DocumentForm, Plan};
use kehoach::file_format::{self, ExportInfo};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first().cloned() else {
        eprintln!("usage: check_fixture PATH [--export OUT]");
        std::process::exit(2);
    };
    let export_to = match args.get(1).map(String::as_str) {
        Some("--export") => args.get(2).cloned(),
        _ => None,
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(2);
        }
    };
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(value) => value,
        Err(error) => {
            eprintln!("not JSON: {error}");
            std::process::exit(1);
        }
    };
    let (plan, problems) = if value.get("kind").is_some() {
        match file_format::import_file(&bytes) {
            Ok(imported) => (imported.plans.into_iter().next(), imported.report.lines()),
            Err(error) => {
                eprintln!("import refused: {error}");
                std::process::exit(1);
            }
        }
    } else {
        let (plan, report) = file_format::restore_plan(&value);
        (plan, report.lines())
    };
    println!("problems: {}", problems.len());
    for line in &problems {
        println!("  - {line}");
    }
    let Some(plan) = plan else {
        println!("no plan read");
        std::process::exit(1);
    };
    print_counts(&plan);
    let file = file_format::export_plans(
        std::slice::from_ref(&plan),
        &ExportInfo {
            exported_at: "2026-11-23T10:00:00+07:00".into(),
            exported_by: plan.issuing_body.clone(),
        },
        false,
    );
    if let Some(out) = &export_to
        && let Err(error) = std::fs::write(out, &file)
    {
        eprintln!("{out}: {error}");
        std::process::exit(2);
    }
    match file_format::import_file(file.as_bytes()) {
        Ok(back) if back.plans.first() == Some(&plan) && back.report.is_clean() => {
            println!("round trip: identical")
        }
        Ok(back) => println!(
            "round trip: DIFFERENT ({} problems)",
            back.report.problems.len()
        ),
        Err(error) => println!("round trip: refused: {error}"),
    }
    if !problems.is_empty() {
        std::process::exit(1);
    }
}

fn print_counts(plan: &Plan) {
    println!(
        "plan {} · {} · year {}",
        plan.id, plan.issuing_body, plan.year
    );
    if let DocumentForm::Decision(decision) = &plan.form {
        println!(
            "decision: {} legal bases, {} articles, {} recipients",
            decision.legal_bases.len(),
            decision.articles.len(),
            decision.recipients.len()
        );
    }
    println!(
        "legal bases {}, purposes {}, requirements {}, targets {} ({} with figures), funding {}, recipients {}",
        plan.legal_bases.len(),
        plan.purposes.len(),
        plan.requirements.len(),
        plan.targets.len(),
        plan.targets.iter().filter(|t| t.figure.is_some()).count(),
        plan.funding.len(),
        plan.recipients.len()
    );
    for (index, area) in plan.areas.iter().enumerate() {
        let unread = area
            .all_tasks()
            .filter(|t| t.deadline.is_unreadable())
            .count();
        println!(
            "area {} [{:?}] {}: {} tasks, {} sub-areas ({} tasks), {} key, {} unreadable deadlines",
            index + 1,
            area.kind,
            area.title,
            area.tasks.len(),
            area.sub_areas.len(),
            area.sub_areas.iter().map(|s| s.tasks.len()).sum::<usize>(),
            area.all_tasks().filter(|t| t.key_task).count(),
            unread
        );
    }
    let implementation = &plan.implementation;
    println!(
        "implementation: {} responsibilities, {} reporting periods, {} closing",
        implementation.responsibilities.len(),
        implementation.reporting.len(),
        implementation.closing.len()
    );
    for table in &plan.appendices {
        let view = table.view(plan);
        let rows: usize = view.groups.iter().map(|g| g.all_rows().count()).sum();
        let source = match table.rows {
            AppendixRows::KeyTasks { .. } => "key tasks",
            AppendixRows::Own { .. } => "own rows",
        };
        println!(
            "appendix {} «{}» ({source}): {} groups, {rows} rows, total {}",
            table.heading,
            table.title,
            view.groups.len(),
            view.total
        );
        for group in &view.groups {
            println!(
                "  {} {}: {} rows, total {}",
                group.label,
                group.title,
                group.all_rows().count(),
                group.total
            );
        }
    }
    println!("extra sections: {}", plan.extra_sections.len());
}
