//! Data for the benchmarks (scripts/bench.mjs), made from the transcribed Tịnh Minh plan, and
//! the native parse-and-validate throughput.
//!   bench_data plan N OUT       a plan of N tasks, as a bare plan object (for seeding storage)
//!   bench_data bundle BYTES OUT a backup bundle of such plans, at least BYTES long
//!   bench_data throughput FILE  imports FILE repeatedly and prints MB/s
//! Run it with --release: debug builds are many times slower.

use std::time::Instant;

use kehoach::domain::{AppendixTable, Budget, Plan, Task};
use kehoach::file_format::{self, ExportInfo};

const SOURCE: &str = include_str!("../tests/fixtures/plans/tinh-minh-commune-2024.json");

fn source() -> Plan {
    let value: serde_json::Value = serde_json::from_str(SOURCE).expect("fixture is JSON");
    file_format::restore_plan(&value)
        .0
        .expect("fixture is a plan")
}

/// The sample plan grown to `count` tasks spread over its areas, every task distinct.
fn big_plan(count: usize, id: &str) -> Plan {
    let mut plan = source();
    plan.id = id.to_string();
    let originals: Vec<Task> = plan
        .areas
        .iter()
        .flat_map(|a| a.all_tasks().cloned())
        .collect();
    let areas = plan.areas.len();
    for area in &mut plan.areas {
        area.tasks.clear();
        area.sub_areas.clear();
    }
    for n in 0..count {
        let mut task = originals[n % originals.len()].clone();
        task.id = format!("{id}-t{n}");
        task.content = format!("{} (việc {})", task.content, n + 1);
        task.key_task = n % 3 == 0;
        if n % 2 == 0 {
            task.budget = Budget::from_input(&format!("{},5", 10 + n % 90));
        }
        plan.areas[n % areas].tasks.push(task);
    }
    // The key-task appendix, derived from the plan's key tasks (one in three).
    plan.appendices = vec![AppendixTable {
        id: format!("{id}-phu-luc"),
        title: "NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM 2024".into(),
        ..AppendixTable::default()
    }];
    plan
}

fn info() -> ExportInfo {
    ExportInfo {
        exported_at: "2026-11-23T10:00:00+07:00".into(),
        exported_by: "ỦY BAN NHÂN DÂN XÃ TỊNH MINH".into(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["plan", count, out] => {
            let plan = big_plan(count.parse().expect("a task count"), "ke-hoach-500");
            let json = serde_json::to_string(&plan).expect("serialises");
            std::fs::write(out, json).expect("writes");
        }
        ["bundle", bytes, out] => {
            let want: usize = bytes.parse().expect("a byte count");
            let mut plans = Vec::new();
            let mut file = String::new();
            while file.len() < want {
                plans.push(big_plan(120, &format!("ke-hoach-{}", plans.len() + 1)));
                file = file_format::export_plans(&plans, &info(), true);
            }
            std::fs::write(out, &file).expect("writes");
            println!("{} plans, {} bytes", plans.len(), file.len());
        }
        ["throughput", path] => {
            let bytes = std::fs::read(path).expect("reads");
            let rounds = 5;
            let started = Instant::now();
            for _ in 0..rounds {
                let imported = file_format::import_file(&bytes).expect("imports");
                assert!(!imported.plans.is_empty());
            }
            let seconds = started.elapsed().as_secs_f64() / f64::from(rounds);
            let mb = bytes.len() as f64 / 1_000_000.0;
            println!(
                "{:.1} MB/s ({mb:.2} MB in {:.0} ms)",
                mb / seconds,
                seconds * 1000.0
            );
        }
        _ => {
            eprintln!("usage: bench_data plan N OUT | bundle BYTES OUT | throughput FILE");
            std::process::exit(2);
        }
    }
}
