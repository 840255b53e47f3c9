//! Next year's plan made from each real sample: years move on by one everywhere the plan speaks
//! of its own year, every task carries over, and the result survives export and import.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::domain::next_year::{carry_into, next_year_plan};
use kehoach::domain::template::{TemplateInput, TemplateKind, new_plan};
use kehoach::domain::*;
use kehoach::file_format::{self, ExportInfo};

use common::{SAMPLES, sample};

fn samples() -> Vec<Plan> {
    SAMPLES.iter().map(|(name, _)| sample(name)).collect()
}

fn tasks(plan: &Plan) -> Vec<&Task> {
    plan.areas
        .iter()
        .flat_map(|area| area.all_tasks())
        .collect()
}

fn ids(prefix: &str) -> String {
    format!("{prefix}-next")
}

#[test]
fn every_sample_moves_on_by_one_year_and_keeps_its_tasks() {
    for source in samples() {
        let next = next_year_plan(&source, ids);
        let (old, new) = (source.year, next.year);
        assert_eq!(new, old + 1);
        assert!(next.title.contains(&new.to_string()), "{}", next.title);
        assert!(!next.title.contains(&old.to_string()), "{}", next.title);
        let (before, after) = (tasks(&source), tasks(&next));
        assert_eq!(before.len(), after.len());
        for (was, is) in before.iter().zip(&after) {
            assert_eq!(was.budget, is.budget);
            assert_eq!(was.lead_units, is.lead_units);
            // A deadline naming the plan's year names the next one, and reads as such.
            if was.deadline.text.contains(&format!("/{old}")) {
                assert!(
                    is.deadline.text.contains(&format!("/{new}")),
                    "{}",
                    is.deadline.text
                );
                assert!(
                    !is.deadline.text.contains(&format!("/{old}")),
                    "{}",
                    is.deadline.text
                );
            }
            let years = |d: &Deadline| {
                d.reading
                    .iter()
                    .filter_map(|m| m.year())
                    .collect::<Vec<_>>()
            };
            let moved: Vec<i32> = years(&was.deadline)
                .into_iter()
                .map(|y| if y == old || y == old - 1 { y + 1 } else { y })
                .collect();
            assert_eq!(years(&is.deadline), moved, "{}", is.deadline.text);
        }
        assert_eq!(next.legal_bases, source.legal_bases);
        assert_eq!(next.number.number, "");
        let info = ExportInfo::default();
        let json = file_format::export_plans(std::slice::from_ref(&next), &info, false);
        let imported = file_format::import_file(json.as_bytes()).expect("next year's plan imports");
        assert_eq!(imported.plans, [next]);
    }
}

#[test]
fn tinh_minh_2025_from_2024_has_its_quarters_moved() {
    let source = samples().remove(1);
    assert_eq!(source.year, 2024);
    let next = next_year_plan(&source, ids);
    let deadlines: Vec<&str> = tasks(&next)
        .iter()
        .map(|t| t.deadline.text.as_str())
        .collect();
    assert!(
        deadlines.iter().any(|d| d.starts_with("Quý I/2025")),
        "{deadlines:?}"
    );
    assert!(
        deadlines.iter().all(|d| !d.contains("2024")),
        "{deadlines:?}"
    );
}

#[test]
fn a_template_plan_for_next_year_receives_the_tasks_but_keeps_its_own_texts() {
    let source = samples().remove(1);
    let next = next_year_plan(&source, ids);
    let input = TemplateInput {
        kind: TemplateKind::CommuneThreeLevel,
        year: 2025,
        locality: Locality {
            kind: LocalityKind::Xa,
            name: "Tịnh Minh".into(),
        },
        superior: "huyện Sơn Tịnh".into(),
    };
    let mut target = new_plan(&input, |prefix| format!("{prefix}-t"));
    let purposes = target.purposes.clone();
    let added = carry_into(&mut target, &next);
    assert_eq!(added, tasks(&next).len());
    assert_eq!(target.purposes, purposes);
    assert_eq!(tasks(&target).len(), tasks(&next).len());
}
