//! Writes generated commune files (hồ sơ của các xã) for the inbox's end-to-end test and
//! benchmark: N communes' plans of about T tasks each, some sent again, some quarter I reports,
//! and with `--odd` a duplicate, a damaged file and one from a newer app.
//!   commune_files N T DIR [--odd] [--seed S] [--resubmit K] [--reports K]
//!     every K-th commune sends its plan again (default 10) or its quarter I report (default
//!     3); 0 for none
//!   commune_files time N T      times, natively, importing, checking and consolidating them
//! The same arguments always write the same bytes. Run it with --release.

#[path = "../tests/common/communes.rs"]
mod communes;

use std::time::Instant;

use communes::{Mix, commune_files};
use kehoach::domain::inbox;
use kehoach::file_format;

/// Imports, reviews and consolidates the files of `mix`, printing each step's time.
fn time(mix: Mix) {
    let files = commune_files(mix);
    let started = Instant::now();
    let mut plans = Vec::new();
    let mut reports = Vec::new();
    for file in &files {
        if let Ok(mut imported) = file_format::import_file(file.contents.as_bytes()) {
            plans.append(&mut imported.plans);
            reports.append(&mut imported.reports);
        }
    }
    let imported = started.elapsed();
    let tasks: usize = plans
        .iter()
        .flat_map(|plan| plan.areas.iter())
        .map(|area| area.all_tasks().count())
        .sum();
    let step = Instant::now();
    let findings: usize = plans
        .iter()
        .map(|plan| inbox::review_plan(plan).len())
        .sum();
    let reviewed = step.elapsed();
    let step = Instant::now();
    let round = inbox::consolidate_plans(&plans);
    let key_tasks = inbox::key_tasks(&plans);
    let report_round = inbox::consolidate_reports(reports.iter().map(|r| inbox::ReportBasis {
        plan: &r.plan,
        report: &r.report,
        progress: &r.progress,
        cut_off: r.data_period.cut_off,
    }));
    let consolidated = step.elapsed();
    let step = Instant::now();
    let bytes = kehoach::document::write_round_xlsx(&kehoach::document::RoundWorkbook {
        year: communes::YEAR,
        plans: &round,
        key_tasks: &key_tasks,
        reports: Some((
            kehoach::domain::progress::ReportPeriod::FirstQuarter,
            &report_round,
        )),
    });
    let written = step.elapsed();
    println!(
        "{} files, {} plans ({tasks} tasks), {} reports: import {imported:?}, review \
         {reviewed:?} ({findings} findings), consolidate {consolidated:?}, xlsx {written:?} \
         ({} bytes)",
        files.len(),
        plans.len(),
        reports.len(),
        bytes.len()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [command, count, tasks] = args.as_slice()
        && command == "time"
    {
        time(Mix {
            communes: count.parse().expect("a commune count"),
            tasks_per_plan: tasks.parse().expect("a task count"),
            resubmit_every: 10,
            report_every: 3,
            odd_files: false,
            seed: 22,
        });
        return;
    }
    let (Some(count), Some(tasks), Some(dir)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: commune_files N TASKS DIR [--odd] [--seed S]");
        std::process::exit(2);
    };
    let option = |name: &str, default: u64| {
        args.iter()
            .position(|arg| arg == name)
            .and_then(|at| args.get(at + 1))
            .map_or(default, |value| {
                value
                    .parse()
                    .unwrap_or_else(|_| panic!("a number after {name}"))
            })
    };
    let mix = Mix {
        communes: count.parse().expect("a commune count"),
        tasks_per_plan: tasks.parse().expect("a task count"),
        resubmit_every: option("--resubmit", 10) as usize,
        report_every: option("--reports", 3) as usize,
        odd_files: args.iter().any(|arg| arg == "--odd"),
        seed: option("--seed", 22),
    };
    std::fs::create_dir_all(dir).expect("makes the directory");
    let files = commune_files(mix);
    let mut bytes = 0;
    for file in &files {
        bytes += file.contents.len();
        std::fs::write(
            std::path::Path::new(dir).join(&file.file_name),
            &file.contents,
        )
        .expect("writes a file");
    }
    println!("{} files, {bytes} bytes, in {dir}", files.len());
}
