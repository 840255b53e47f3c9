//! A round consolidated (issue #22): generated commune files imported as a province receives
//! them, each sender's standing, the table across communes and the key-task list checked
//! against the plans themselves, and the consolidated workbook read back from outside with
//! the same numbers.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::document::{RoundWorkbook, write_round_xlsx};
use kehoach::domain::inbox::{
    AREA_COLUMNS, ItemKind, ReceivedItem, ReportBasis, Round, RoundCounts, Standing,
    consolidate_plans, consolidate_reports, key_tasks, key_tasks_in_area, parse_expected,
    standings,
};
use kehoach::domain::progress::ReportPeriod;
use kehoach::domain::report::Figure;
use kehoach::domain::{AreaKind, Budget, Decimal, Plan};
use kehoach::file_format::{self, ImportError, ReceivedReport};
use sha2::{Digest, Sha256};

use common::communes::{FileKind, Mix, YEAR, commune_files};
use common::workbook::{cell, numbers_in_column, read_workbook, sheet};

const MIX: Mix = Mix {
    communes: 12,
    tasks_per_plan: 30,
    resubmit_every: 4,
    report_every: 3,
    odd_files: true,
    seed: 7,
};

/// What the province has after importing every file: the plans and reports taken in, in the
/// order they came, and an item per file for the senders' list.
struct Inbox {
    plans: Vec<Plan>,
    reports: Vec<ReceivedReport>,
    items: Vec<ReceivedItem>,
    names: Vec<String>,
}

fn receive(mix: Mix) -> Inbox {
    let mut inbox = Inbox {
        plans: Vec::new(),
        reports: Vec::new(),
        items: Vec::new(),
        names: Vec::new(),
    };
    for (at, file) in commune_files(mix).into_iter().enumerate() {
        let version = format!("{:x}", Sha256::digest(file.contents.as_bytes()));
        let received_at = format!("{YEAR}-03-20T10:{:02}:{:02}+07:00", at / 60, at % 60);
        let mut item = ReceivedItem {
            issuing_body: file.issuing_body.clone(),
            year: YEAR,
            kind: ItemKind::Plan,
            received_at,
            version,
            refused: false,
        };
        match (
            file_format::import_file(file.contents.as_bytes()),
            file.kind,
        ) {
            (Ok(mut imported), FileKind::Plan { version }) => {
                assert_eq!(imported.plans.len(), 1, "{}", file.file_name);
                if version == 1 {
                    inbox.names.push(file.issuing_body.clone());
                }
                inbox.plans.push(imported.plans.remove(0));
            }
            (Ok(mut imported), FileKind::Report) => {
                item.kind = ItemKind::Report(ReportPeriod::FirstQuarter);
                inbox.reports.push(imported.reports.remove(0));
            }
            (Ok(_), FileKind::Duplicate) => {}
            (Err(ImportError::Damaged { .. }), FileKind::Damaged)
            | (Err(ImportError::NewerVersion { .. }), FileKind::FutureVersion) => {
                item.refused = true;
            }
            (result, kind) => panic!("{}: {kind:?} gave {:?}", file.file_name, result.err()),
        }
        inbox.items.push(item);
    }
    inbox
}

#[test]
fn every_sender_of_the_round_is_accounted_for() {
    let inbox = receive(MIX);
    assert_eq!(inbox.names.len(), 12);
    // The list as pasted from Excel, in the committees' other spelling.
    let pasted: String = inbox
        .names
        .iter()
        .enumerate()
        .map(|(n, name)| format!("{}\t{}\n", n + 1, name.replace("ỦY BAN NHÂN DÂN", "UBND")))
        .collect();
    let expected = parse_expected(&pasted);
    let plans = standings(
        &expected,
        &inbox.items,
        Round {
            year: YEAR,
            kind: ItemKind::Plan,
        },
    );
    // Communes 4, 8 and 12 sent again; the first sent its file twice (one version) and a
    // damaged and a newer-version copy (refused, but it has a version taken in).
    assert_eq!(
        RoundCounts::of(&plans),
        RoundCounts {
            expected: 12,
            received: 12,
            missing: 0,
            resubmitted: 3,
            refused: 0,
            unexpected: 0,
            unknown_files: 0,
        }
    );
    assert_eq!(plans[0].standing, Standing::Received);
    assert_eq!((plans[0].versions, plans[0].refused), (1, 2));
    assert_eq!(plans[3].standing, Standing::Resubmitted);
    let quarter = Round {
        year: YEAR,
        kind: ItemKind::Report(ReportPeriod::FirstQuarter),
    };
    let reports = RoundCounts::of(&standings(&expected, &inbox.items, quarter));
    assert_eq!((reports.received, reports.missing), (4, 8));
}

/// The budget of a generated plan summed the plain way: every task of its areas.
fn budget_of(plan: &Plan) -> (Decimal, usize) {
    let mut sum = Decimal::ZERO;
    let mut unreadable = 0;
    for task in plan.areas.iter().flat_map(|area| area.tasks.iter()) {
        match &task.budget {
            Budget::MillionVnd(amount) => sum = sum + *amount,
            Budget::Note(note) if note == "1.5.0" => unreadable += 1,
            _ => {}
        }
    }
    (sum, unreadable)
}

#[test]
fn the_table_counts_the_latest_version_of_each_communes_plan() {
    let inbox = receive(MIX);
    let round = consolidate_plans(&inbox.plans);
    assert_eq!(round.rows.len(), 12);
    // The latest plan of each sender, as received.
    let mut latest: Vec<&Plan> = Vec::new();
    for plan in &inbox.plans {
        match latest
            .iter()
            .position(|kept| kept.issuing_body == plan.issuing_body)
        {
            Some(at) => latest[at] = plan,
            None => latest.push(plan),
        }
    }
    let mut budget = Decimal::ZERO;
    let mut unreadable = 0;
    for row in &round.rows {
        let plan = latest
            .iter()
            .find(|plan| plan.issuing_body == row.commune)
            .expect("a plan of the row's commune");
        assert_eq!(row.tasks, 30, "{}", row.commune);
        assert_eq!(row.tasks_by_area.iter().sum::<usize>(), 30);
        assert_eq!(row.key_tasks, 10, "one task in three is key");
        let (sum, bad) = budget_of(plan);
        assert_eq!((row.budget.total, row.budget.unreadable), (sum, bad));
        budget = budget + sum;
        unreadable += bad;
    }
    assert_eq!(round.total.tasks, 360);
    assert_eq!(round.total.key_tasks, 120);
    assert_eq!(round.total.budget.total, budget);
    assert_eq!(round.total.budget.unreadable, unreadable);
    assert!(unreadable > 0, "the mix holds budgets that cannot be read");
    // A resubmitted plan's changed first task: 40 million in its second version.
    let names: Vec<&str> = round.rows.iter().map(|row| row.commune.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|name| kehoach::domain::inbox::sort_name_key(name));
    assert_eq!(names, sorted, "communes in Vietnamese alphabetical order");

    let list = key_tasks(&inbox.plans);
    assert_eq!(list.len(), 120);
    let per_area: usize = AREA_COLUMNS
        .iter()
        .map(|kind| key_tasks_in_area(&list, *kind).len())
        .sum();
    assert_eq!(per_area, 120);
    let procedures = key_tasks_in_area(&list, AreaKind::Procedures);
    assert!(!procedures.is_empty());
    assert!(
        procedures
            .iter()
            .all(|row| row.area == AreaKind::Procedures)
    );
    assert!(
        list.iter()
            .all(|row| !row.lead.is_empty() || row.content.is_empty())
    );
}

fn basis(report: &ReceivedReport) -> ReportBasis<'_> {
    ReportBasis {
        plan: &report.plan,
        report: &report.report,
        progress: &report.progress,
        cut_off: report.data_period.cut_off,
    }
}

#[test]
fn the_reports_table_counts_tasks_at_the_cut_off_and_sums_the_figures() {
    let inbox = receive(MIX);
    let round = consolidate_reports(inbox.reports.iter().map(basis));
    assert_eq!(round.rows.len(), 4);
    for row in &round.rows {
        let report = inbox
            .reports
            .iter()
            .find(|r| r.plan.issuing_body == row.commune)
            .expect("its report");
        let done = report
            .progress
            .values()
            .filter(|p| p.status.is_done())
            .count();
        assert_eq!(row.done, done, "{}", row.commune);
        assert_eq!(row.done, row.done_on_time + row.done_late);
        assert_eq!(row.not_started, row.tasks - report.progress.len());
        // Every task due in February and not done by 14/3 is overdue there.
        let due_in_february = report
            .plan
            .areas
            .iter()
            .flat_map(|area| area.tasks.iter())
            .filter(|task| task.deadline.text == format!("Tháng 02/{YEAR}"))
            .filter(|task| {
                !report
                    .progress
                    .get(&task.id)
                    .is_some_and(|p| p.status.is_done())
            })
            .count();
        assert!(row.overdue >= due_in_february, "{}", row.commune);
    }
    assert!(round.total.overdue > 0);
    assert_eq!(
        round.total.overdue,
        round.rows.iter().map(|r| r.overdue).sum::<usize>()
    );
    let sum = |figure| -> Decimal {
        inbox
            .reports
            .iter()
            .filter_map(|r| r.report.figures.get(figure))
            .sum()
    };
    assert_eq!(
        round.figures.sums.get(Figure::DossiersOnline),
        Some(sum(Figure::DossiersOnline))
    );
    assert_eq!(
        round.figures.sums.get(Figure::SatisfactionRate),
        None,
        "rates are not summed"
    );
    assert_eq!(round.figures.rate_count, 4);
    let mean = sum(Figure::SatisfactionRate).millionths() / 4;
    let rate = round.figures.rate.expect("a mean rate").millionths();
    assert!((rate - mean).abs() <= 1, "{rate} vs {mean}");
}

#[test]
fn the_consolidated_workbook_holds_the_tables_numbers() {
    let inbox = receive(MIX);
    let plans = consolidate_plans(&inbox.plans);
    let list = key_tasks(&inbox.plans);
    let reports = consolidate_reports(inbox.reports.iter().map(basis));
    let bytes = write_round_xlsx(&RoundWorkbook {
        year: YEAR,
        plans: &plans,
        key_tasks: &list,
        reports: Some((ReportPeriod::FirstQuarter, &reports)),
    });
    let workbook = read_workbook(&bytes, "inbox-round");
    let names: Vec<&str> = workbook
        .as_array()
        .expect("sheets")
        .iter()
        .filter_map(|sheet| sheet["name"].as_str())
        .collect();
    assert_eq!(names, ["Tổng hợp", "Nhiệm vụ trọng tâm", "Báo cáo"]);

    let summary = sheet(&workbook, "Tổng hợp");
    // Title, blank row, headings, then 12 communes and the total on row 16.
    assert_eq!(
        numbers_in_column(summary, "A"),
        (1..=12).map(f64::from).collect::<Vec<_>>()
    );
    assert_eq!(
        cell(summary, "B4").map(|c| c.1),
        Some(plans.rows[0].commune.clone())
    );
    assert_eq!(
        cell(summary, "B16").map(|c| c.1).as_deref(),
        Some("Tổng cộng")
    );
    // Columns K (tasks), L (key tasks), M (budget), O (unreadable budgets).
    let tasks = numbers_in_column(summary, "K");
    assert_eq!(tasks.len(), 13);
    assert_eq!(tasks.last(), Some(&360.0));
    assert_eq!(numbers_in_column(summary, "L").last(), Some(&120.0));
    let budgets = numbers_in_column(summary, "M");
    let total: f64 = plans
        .total
        .budget
        .total
        .to_machine_string()
        .parse()
        .expect("a number");
    assert_eq!(budgets.last(), Some(&total));
    let rows_sum: f64 = budgets[..12].iter().sum();
    assert!((rows_sum - total).abs() < 1e-6, "{rows_sum} vs {total}");
    assert_eq!(
        numbers_in_column(summary, "O").last(),
        Some(&(plans.total.budget.unreadable as f64))
    );

    let key = sheet(&workbook, "Nhiệm vụ trọng tâm");
    assert_eq!(numbers_in_column(key, "A").len(), 120);
    assert_eq!(key["filter"], "A3:I123");
    assert_eq!(cell(key, "C3").map(|c| c.1).as_deref(), Some("Lĩnh vực"));

    let report = sheet(&workbook, "Báo cáo");
    assert_eq!(numbers_in_column(report, "A").len(), 4);
    // D (done) is E (on time) plus F (late) on every row, the total too.
    let (d, e, f) = (
        numbers_in_column(report, "D"),
        numbers_in_column(report, "E"),
        numbers_in_column(report, "F"),
    );
    assert_eq!(d.len(), 5);
    for row in 0..5 {
        assert_eq!(d[row], e[row] + f[row]);
    }
    // The figures follow in Figure::ALL order from column I: K is online dossiers, S the rate.
    let online = numbers_in_column(report, "K");
    assert_eq!(online[4], online[..4].iter().sum::<f64>());
    let rates = numbers_in_column(report, "S");
    let mean = rates[..4].iter().sum::<f64>() / 4.0;
    assert!((rates[4] - mean).abs() < 1e-5, "{rates:?}");
}

#[test]
fn the_generated_files_are_the_same_for_a_seed_and_pass_a_reviewers_checks() {
    let small = Mix {
        communes: 3,
        tasks_per_plan: 12,
        ..MIX
    };
    let contents = |mix| -> Vec<String> {
        commune_files(mix)
            .into_iter()
            .map(|file| file.contents)
            .collect()
    };
    let first = contents(small);
    assert_eq!(first, contents(small));
    assert_ne!(first, contents(Mix { seed: 8, ..small }));
    for plan in receive(small).plans {
        let findings = kehoach::domain::inbox::review_plan(&plan);
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == kehoach::domain::inbox::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", plan.issuing_body);
        assert!(
            !findings.iter().any(|f| f.message.starts_with("Ghi «năm")),
            "{findings:?}"
        );
    }
}
