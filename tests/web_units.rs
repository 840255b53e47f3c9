//! Browser tests of the unit directory (danh mục đơn vị) kept across plans in real IndexedDB.
#![cfg(target_arch = "wasm32")]

use kehoach::domain::{Plan, ReformArea, Task};
use kehoach::file_format::restore_plan;
use kehoach::storage::{Database, delete_database};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh(name: &str) -> Database {
    delete_database(name).await.expect("delete old");
    Database::open(name).await.expect("open")
}

fn plan_naming(units: &[&str]) -> Plan {
    Plan {
        areas: vec![ReformArea {
            tasks: vec![Task {
                lead_units: units.iter().map(|u| u.to_string()).collect(),
                ..Task::default()
            }],
            ..ReformArea::default()
        }],
        ..Plan::default()
    }
}

#[wasm_bindgen_test]
async fn units_typed_in_one_plan_are_offered_in_the_next_and_survive_reopening() {
    let database = fresh("kehoach-test-units").await;
    assert!(database.unit_directory().await.expect("read").is_empty());
    let first = plan_naming(&["Ban Chỉ đạo CCHC xã", "Văn phòng HĐND và UBND xã"]);
    assert!(database.learn_units(&first).await.expect("learn"));
    // The same units again, spelled without accents, add nothing.
    let second = plan_naming(&["ban chi dao cchc xa", "Hội Nông dân xã"]);
    assert!(database.learn_units(&second).await.expect("learn"));
    assert!(!database.learn_units(&second).await.expect("learn"));
    database.close();
    let reopened = Database::open("kehoach-test-units").await.expect("reopen");
    // The standard unit of a two-level commune is not stored: it is offered anyway.
    assert_eq!(
        reopened.unit_directory().await.expect("read"),
        ["Ban Chỉ đạo CCHC xã", "Hội Nông dân xã"]
    );
}

#[wasm_bindgen_test]
async fn a_real_plan_teaches_its_units() {
    let database = fresh("kehoach-test-units-sample").await;
    let value: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/plans/son-tay-district-2023.json"))
            .expect("fixture");
    let plan = restore_plan(&value).0.expect("plan");
    assert!(database.learn_units(&plan).await.expect("learn"));
    let directory = database.unit_directory().await.expect("read");
    assert!(directory.len() >= 5, "{directory:?}");
    assert!(directory.iter().all(|unit| !unit.trim().is_empty()));
}
