//! A round consolidated (issue #22): generated commune files imported as a province receives
//! them, each sender's standing, and the table across communes and the key-task list checked
//! against the plans themselves. The round's workbook is `inbox_workbook.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::domain::inbox::{
    AREA_COLUMNS, ItemKind, Round, RoundCounts, Standing, consolidate_plans, consolidate_reports,
    key_tasks, key_tasks_in_area, parse_expected, standings,
};
use kehoach::domain::progress::ReportPeriod;
use kehoach::domain::report::Figure;
use kehoach::domain::{AreaKind, Budget, Decimal, Plan};
use kehoach::file_format::ReceivedReport;

use common::communes::{Mix, YEAR, commune_files};
use common::inbox::receive;

const MIX: Mix = common::inbox::MIX;

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

#[test]
fn the_reports_table_counts_tasks_at_the_cut_off_and_sums_the_figures() {
    let inbox = receive(MIX);
    let round = consolidate_reports(inbox.reports.iter().map(ReceivedReport::basis));
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
    let inbox = receive(small);
    assert_eq!(inbox.reports.len(), 1);
    for report in &inbox.reports {
        let findings =
            kehoach::domain::inbox::review_report(&report.plan, &report.report, report.data_period);
        assert_eq!(findings, [], "{}", report.plan.issuing_body);
    }
    for plan in inbox.plans {
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
