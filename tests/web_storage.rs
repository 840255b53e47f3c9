//! Browser tests of the storage layer against the real IndexedDB of headless Chromium.
#![cfg(target_arch = "wasm32")]

use kehoach::storage::{Database, delete_database};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn plan_json_written_is_read_back_after_reopening() {
    let name = "test-plan-json-roundtrip";
    delete_database(name).await.ok();
    let database = Database::open(name).await.expect("open");
    assert_eq!(database.store_names(), vec!["plans".to_string()]);
    let json = r#"{"title":"Cải cách hành chính năm 2024 xã Tịnh Minh"}"#;
    database.put_plan_json("plan-1", json).await.expect("put");
    database.close();

    let reopened = Database::open(name).await.expect("reopen");
    assert_eq!(
        reopened
            .get_plan_json("plan-1")
            .await
            .expect("get")
            .as_deref(),
        Some(json)
    );
    assert_eq!(reopened.get_plan_json("missing").await.expect("get"), None);
    reopened.close();
    delete_database(name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn put_replaces_the_earlier_record_with_the_same_id() {
    let name = "test-plan-json-replace";
    delete_database(name).await.ok();
    let database = Database::open(name).await.expect("open");
    database
        .put_plan_json("p", "{\"v\":1}")
        .await
        .expect("put 1");
    database
        .put_plan_json("p", "{\"v\":2}")
        .await
        .expect("put 2");
    assert_eq!(
        database.get_plan_json("p").await.expect("get").as_deref(),
        Some("{\"v\":2}")
    );
    database.close();
    delete_database(name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn a_real_plan_saved_is_loaded_back_identical_through_validation() {
    let name = "test-save-load-plan";
    delete_database(name).await.ok();
    let value: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/plans/tinh-minh-commune-2024.json"))
            .expect("fixture");
    let (plan, _) = kehoach::file_format::restore_plan(&value);
    let plan = plan.expect("plan");
    let database = Database::open(name).await.expect("open");
    database.save_plan(&plan).await.expect("save");
    database.close();

    let reopened = Database::open(name).await.expect("reopen");
    let (loaded, report) = reopened
        .load_plan(&plan.id)
        .await
        .expect("load")
        .expect("stored");
    assert!(report.is_clean(), "{:?}", report.lines());
    assert_eq!(loaded, plan);
    reopened.close();
    delete_database(name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn a_damaged_stored_record_is_repaired_and_reported_not_fatal() {
    let name = "test-damaged-record";
    delete_database(name).await.ok();
    let database = Database::open(name).await.expect("open");
    let damaged = r#"{"id":"p","year":2024,"title":5,"areas":[{"id":"a","tasks":[{"id":"t","budget":{"million_vnd":"abc"}}]}]}"#;
    database.put_plan_json("p", damaged).await.expect("put");
    let (plan, report) = database
        .load_plan("p")
        .await
        .expect("load")
        .expect("stored");
    assert_eq!(plan.title, "5");
    assert_eq!(
        plan.areas[0].tasks[0].budget,
        kehoach::domain::Budget::Note("abc".into())
    );
    assert!(
        report.lines().contains(
            &"Lĩnh vực 1, nhiệm vụ a: kinh phí «abc» không phải là số, đã giữ làm ghi chú"
                .to_string()
        ),
        "{:?}",
        report.lines()
    );
    database.put_plan_json("q", "{not json").await.expect("put");
    assert!(database.load_plan("q").await.is_err());
    database.close();
    delete_database(name).await.expect("delete");
}
