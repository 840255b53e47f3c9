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
