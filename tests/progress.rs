//! Progress (tiến độ, `domain::progress`) of the four real sample plans at the four cut-offs of
//! their own year: every task counted once, deadlines that cannot be used kept apart, quarter I
//! tasks due then overdue, regular tasks ongoing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use kehoach::domain::progress::*;
use kehoach::domain::slot::task_slots;
use kehoach::domain::text::search_key;
use kehoach::domain::{Deadline, Milestone, Plan};
use serde_json::Value;

use common::{SAMPLES, sample};

fn cut_offs(plan: &Plan) -> [NaiveDate; 4] {
    ReportPeriod::ALL.map(|period| period.period_for(plan).expect("a period").cut_off)
}

fn summaries(plan: &Plan, book: &ProgressBook) -> [ProgressSummary; 4] {
    cut_offs(plan).map(|cut_off| summarise(plan, book, cut_off))
}

/// Tasks counted straight from the fixture's JSON: the areas' and sub-areas' tasks, then the
/// rows of appendices with rows of their own.
fn tasks_in_json(json: &str) -> usize {
    let value: Value = serde_json::from_str(json).expect("JSON");
    let list = |v: &Value, key: &str| v[key].as_array().cloned().unwrap_or_default();
    let in_groups = |groups: Vec<Value>, key: &str| -> usize {
        groups
            .iter()
            .map(|g| {
                list(g, "tasks").len()
                    + list(g, key)
                        .iter()
                        .map(|s| list(s, "tasks").len())
                        .sum::<usize>()
            })
            .sum()
    };
    let body = in_groups(list(&value, "areas"), "sub_areas");
    let own: usize = list(&value, "appendices")
        .iter()
        .filter(|table| table["rows"]["kind"] == "own")
        .map(|table| in_groups(list(&table["rows"], "groups"), "sub_groups"))
        .sum();
    body + own
}

#[test]
fn every_task_is_counted_once_at_each_cut_off_and_the_classes_add_up() {
    for (name, json) in SAMPLES {
        let plan = sample(name);
        let expected = tasks_in_json(json);
        assert_eq!(task_slots(&plan).len(), expected, "{name}");
        for summary in summaries(&plan, &ProgressBook::new()) {
            assert_eq!(summary.total.total(), expected, "{name}");
            assert_eq!(summary.tasks.len(), expected, "{name}");
            let by_group: usize = summary.groups.iter().map(|g| g.counts.total()).sum();
            assert_eq!(by_group, expected, "{name}: areas and own appendices");
            // Every sample gives each task an id of its own.
            assert!(summary.unkeyed.is_empty(), "{name}");
        }
    }
}

#[test]
fn groups_are_the_areas_then_the_appendices_with_rows_of_their_own() {
    // Sơn Châu: one own table of 34 rows; Hoàng Hóa: seven own tables; the others draw theirs
    // from key tasks, which add no group.
    let own_tables = [
        ("son-chau-commune-2022", 1),
        ("tinh-minh-commune-2024", 0),
        ("son-tay-district-2023", 0),
        ("hoang-hoa-district-2023", 7),
    ];
    for (name, tables) in own_tables {
        let plan = sample(name);
        let summary = summarise(&plan, &ProgressBook::new(), cut_offs(&plan)[0]);
        assert_eq!(summary.groups.len(), plan.areas.len() + tables, "{name}");
        for (index, area) in plan.areas.iter().enumerate() {
            assert_eq!(summary.groups[index].origin, GroupOrigin::Area(index));
            assert_eq!(
                summary.groups[index].counts.total(),
                area.all_tasks().count()
            );
        }
    }
    let plan = sample("son-chau-commune-2022");
    let summary = summarise(&plan, &ProgressBook::new(), cut_offs(&plan)[0]);
    let own = summary.groups.last().expect("the appendix");
    assert!(matches!(own.origin, GroupOrigin::Appendix(_)));
    assert_eq!(own.counts.total(), 34);
}

/// No sample has a deadline the parser cannot read (the checks report none). Sơn Châu and
/// Hoàng Hóa write their body tasks as sentences only (41 and 34), with the deadlines in their
/// own appendix rows, one of Sơn Châu's 34 rows left blank: those have no deadline at all.
#[test]
fn unreadable_and_empty_deadlines_are_counted_apart_never_as_not_yet_due() {
    let empty = [
        ("son-chau-commune-2022", 42),
        ("tinh-minh-commune-2024", 0),
        ("son-tay-district-2023", 0),
        ("hoang-hoa-district-2023", 34),
    ];
    for (name, no_deadline) in empty {
        let mut plan = sample(name);
        for summary in summaries(&plan, &ProgressBook::new()) {
            assert_eq!(summary.total.get(DueClass::Unreadable), 0, "{name}");
            assert_eq!(
                summary.total.get(DueClass::NoDeadline),
                no_deadline,
                "{name}"
            );
        }
        // A deadline typed so that it cannot be read is counted as such at every cut-off.
        let task = plan.areas[0].tasks.first_mut().expect("a task");
        task.deadline = Deadline::new("Sớm nhất có thể", plan.year);
        for summary in summaries(&plan, &ProgressBook::new()) {
            assert_eq!(summary.total.get(DueClass::Unreadable), 1, "{name}");
            assert_eq!(summary.tasks[0].class, DueClass::Unreadable, "{name}");
        }
    }
}

/// Tasks read as quarter I of the plan's year alone, as counted in the fixtures: Tịnh Minh's
/// «Quý I/2024 …», «Quý I năm 2024 …», «… trong quý I/2024 …», «Quý I /2024» (6), Sơn Tây's «Quý
/// I năm 2023 …» (7), Hoàng Hóa's «Quý I/2023» and «Xây dựng kế hoạch: quý I/2023.» (3); Sơn
/// Châu has «Quý I, II, III/2022», three quarters.
#[test]
fn a_quarter_one_task_is_due_at_the_first_cut_off_then_overdue_unless_done_by_march() {
    let counts = [
        ("son-chau-commune-2022", 0),
        ("tinh-minh-commune-2024", 6),
        ("son-tay-district-2023", 7),
        ("hoang-hoa-district-2023", 3),
    ];
    for (name, count) in counts {
        let plan = sample(name);
        let q1 = [Milestone::Quarter {
            year: plan.year,
            quarter: 1,
        }];
        let ids: Vec<String> = task_slots(&plan)
            .into_iter()
            .filter(|(_, task)| task.deadline.reading == q1)
            .map(|(_, task)| task.id.clone())
            .collect();
        assert_eq!(ids.len(), count, "{name}");
        let day = |month, day| NaiveDate::from_ymd_opt(plan.year, month, day).expect("date");
        let class_of = |summary: &ProgressSummary, id: &str| {
            let slots = task_slots(&plan);
            let at = slots
                .iter()
                .position(|(_, t)| t.id == id)
                .expect("the task");
            summary.tasks[at].class
        };
        let none = summaries(&plan, &ProgressBook::new());
        let done = |on| {
            let progress = TaskProgress {
                status: TaskStatus::DoneOnTime,
                completed_on: Some(on),
                ..TaskProgress::default()
            };
            let book: ProgressBook = ids
                .iter()
                .map(|id| (id.clone(), progress.clone()))
                .collect();
            summaries(&plan, &book)
        };
        let in_march = done(day(3, 20));
        let in_april = done(day(4, 10));
        for id in &ids {
            let got = none.each_ref().map(|s| class_of(s, id));
            use DueClass::*;
            assert_eq!(
                got,
                [DueThisPeriod, Overdue, Overdue, Overdue],
                "{name} {id}"
            );
            let got = in_march.each_ref().map(|s| class_of(s, id));
            assert_eq!(got, [DueThisPeriod, DoneOnTime, DoneOnTime, DoneOnTime]);
            let got = in_april.each_ref().map(|s| class_of(s, id));
            assert_eq!(got, [DueThisPeriod, DoneLate, DoneLate, DoneLate]);
        }
    }
}

/// Deadlines written «Thường xuyên …», as counted in the fixtures: Sơn Châu 11, Tịnh Minh 15,
/// Sơn Tây 13, Hoàng Hóa 3.
#[test]
fn regular_tasks_are_ongoing_at_every_cut_off_never_overdue() {
    let counts = [
        ("son-chau-commune-2022", 11),
        ("tinh-minh-commune-2024", 15),
        ("son-tay-district-2023", 13),
        ("hoang-hoa-district-2023", 3),
    ];
    for (name, count) in counts {
        let plan = sample(name);
        let regular: Vec<usize> = task_slots(&plan)
            .iter()
            .enumerate()
            .filter(|(_, (_, task))| search_key(&task.deadline.text).starts_with("thuong xuyen"))
            .map(|(at, _)| at)
            .collect();
        assert_eq!(regular.len(), count, "{name}");
        for summary in summaries(&plan, &ProgressBook::new()) {
            for &at in &regular {
                assert_eq!(summary.tasks[at].class, DueClass::Ongoing, "{name} {at}");
                let deadline = &task_slots(&plan)[at].1.deadline;
                assert_eq!(recurrence_due(deadline, summary.cut_off), Some(true));
            }
            assert!(summary.total.get(DueClass::Ongoing) >= count);
        }
    }
}

/// With no progress, what is overdue at one cut-off stays overdue at the next, and nothing is
/// overdue that a later cut-off finds not yet due.
#[test]
fn without_progress_overdue_tasks_only_accumulate_through_the_year() {
    for (name, _) in SAMPLES {
        let plan = sample(name);
        let all = summaries(&plan, &ProgressBook::new());
        for pair in all.windows(2) {
            for (before, after) in pair[0].tasks.iter().zip(&pair[1].tasks) {
                if before.class == DueClass::Overdue {
                    assert_eq!(after.class, DueClass::Overdue, "{name}");
                }
            }
            let (a, b) = (&pair[0].total, &pair[1].total);
            assert!(
                a.get(DueClass::Overdue) <= b.get(DueClass::Overdue),
                "{name}"
            );
        }
    }
}

/// Sơn Châu's «chế độ báo cáo» gives its data periods; its year report is cut off on 30/11/2022
/// and its «Quý III» runs from 15/6. The others give none and take the guidance's dates.
#[test]
fn a_plans_own_reporting_periods_set_its_cut_offs() {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let plan = sample("son-chau-commune-2022");
    assert_eq!(
        cut_offs(&plan),
        [
            date(2022, 3, 14),
            date(2022, 6, 14),
            date(2022, 9, 14),
            date(2022, 11, 30)
        ]
    );
    let nine = ReportPeriod::NineMonths
        .period_for(&plan)
        .expect("a period");
    assert_eq!(nine.from, date(2022, 6, 15));
    // Sơn Châu's «Tháng 01/2021» rows (the year before the plan) are overdue at every cut-off.
    let old: Vec<usize> = task_slots(&plan)
        .iter()
        .enumerate()
        .filter(|(_, (_, t))| {
            t.deadline
                .final_due_date()
                .is_some_and(|d| d < date(2022, 1, 1))
        })
        .map(|(at, _)| at)
        .collect();
    assert_eq!(old.len(), 2);
    for summary in summaries(&plan, &ProgressBook::new()) {
        for &at in &old {
            assert_eq!(summary.tasks[at].class, DueClass::Overdue);
        }
    }
    for name in [
        "tinh-minh-commune-2024",
        "son-tay-district-2023",
        "hoang-hoa-district-2023",
    ] {
        let plan = sample(name);
        let defaults =
            ReportPeriod::ALL.map(|p| p.default_period(plan.year).expect("a period").cut_off);
        assert!(plan.implementation.reporting.is_empty(), "{name}");
        assert_eq!(cut_offs(&plan), defaults, "{name}");
    }
}
