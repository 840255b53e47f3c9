//! Browser tests of the inbox's storage (hồ sơ nhận được, schema 6) against the real IndexedDB
//! of headless Chromium: files received never mix with the plans written here, and the upgrade
//! from schema 5 leaves every stored plan, follow-up and revision as it was.
#![cfg(target_arch = "wasm32")]

use kehoach::domain::Plan;
use kehoach::domain::progress::ReportPeriod;
use kehoach::domain::report::Tracking;
use kehoach::file_format::restore_plan;
use kehoach::storage::{Database, ReceivedFile, SaveRequest, delete_database};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample_plan() -> Plan {
    let value: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/plans/tinh-minh-commune-2024.json"))
            .expect("fixture");
    restore_plan(&value).0.expect("plan")
}

fn received(sender: &str, period: Option<ReportPeriod>, digest: &str) -> ReceivedFile {
    ReceivedFile {
        key: 0.0,
        received_at: 1.0,
        sent_at: "2024-01-10T09:00:00+07:00".to_string(),
        file_name: format!("{sender}.json"),
        sender: sender.to_string(),
        year: 2024,
        period,
        title: "Kế hoạch cải cách hành chính năm 2024".to_string(),
        tasks: 12,
        digest: digest.to_string(),
        refused: None,
    }
}

async fn save_plan(database: &Database, plan: &Plan) {
    let request = SaveRequest {
        plan,
        base_revision: None,
        session: "s",
        now: 1.0,
    };
    database.save_plan(request).await.expect("save");
}

#[wasm_bindgen_test]
async fn received_files_are_kept_apart_from_the_plans_written_here() {
    let name = "test-inbox";
    delete_database(name).await.expect("delete");
    let database = Database::open(name).await.expect("open");
    let plan = sample_plan();
    save_plan(&database, &plan).await;
    let json = serde_json::to_string(&plan).expect("json");
    let refused = ReceivedFile {
        refused: Some("Tệp bị cắt cụt hoặc hỏng".to_string()),
        ..received("", None, "")
    };
    let files = [
        (received("UBND xã A", None, "sha256:a"), Some(json.clone())),
        (
            received("UBND xã B", Some(ReportPeriod::FirstQuarter), "sha256:b"),
            Some("{\"report\": 1}".to_string()),
        ),
        (refused.clone(), None),
    ];
    let keys = database.store_received(&files).await.expect("store");
    assert_eq!(keys.len(), 3);
    let listed = database.list_received().await.expect("list");
    let expected: Vec<ReceivedFile> = files
        .iter()
        .zip(&keys)
        .map(|((file, _), key)| ReceivedFile {
            key: *key,
            ..file.clone()
        })
        .collect();
    assert_eq!(listed, expected);
    assert_eq!(
        database.received_texts(&keys).await.expect("texts"),
        [Some(json), Some("{\"report\": 1}".to_string()), None]
    );
    // The plan list holds only the plan written here, whose id the received plan shares.
    let plans = database.list_plans().await.expect("plans");
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].revision, 1);
    // Removing a received file leaves the plan written here.
    database.delete_received(keys[0]).await.expect("delete");
    assert_eq!(database.list_received().await.expect("list").len(), 2);
    assert!(database.load_plan(&plan.id).await.expect("load").is_some());
    // Deleting the plan here for good leaves the inbox.
    database.move_to_trash(&plan.id, 2.0).await.expect("trash");
    database.delete_forever(&plan.id).await.expect("forever");
    assert_eq!(database.list_received().await.expect("list").len(), 2);

    assert_eq!(
        database.expected_senders("2024/plan").await,
        Ok(String::new())
    );
    database
        .save_expected_senders("2024/plan", "UBND xã A\nUBND xã B\n")
        .await
        .expect("save list");
    assert_eq!(
        database.expected_senders("2024/plan").await,
        Ok("UBND xã A\nUBND xã B\n".to_string())
    );
    assert_eq!(
        database.expected_senders("2024/q1").await,
        Ok(String::new())
    );
    database.close();
}

#[wasm_bindgen_test]
async fn a_database_made_by_schema_5_upgrades_to_6_and_keeps_plans_follow_ups_and_revisions() {
    let name = "test-upgrade-from-5";
    delete_database(name).await.expect("delete");
    let plan = sample_plan();
    let old = Database::open_at_version(name, 5).await.expect("open v5");
    save_plan(&old, &plan).await;
    let mut tracking = Tracking::new(&plan.id);
    tracking
        .report_mut(&plan, ReportPeriod::FirstQuarter)
        .proposals = "Kiến nghị".to_string();
    old.save_tracking(&tracking, 0, "s", 2.0)
        .await
        .expect("save follow-up");
    let revisions = old.list_revisions(&plan.id).await.expect("revisions");
    let kept = old.list_tracking_revisions(&plan.id).await.expect("kept");
    assert!(!old.store_names().contains(&"inbox".to_string()));
    assert!(old.list_received().await.is_err(), "schema 5 has no inbox");
    old.close();

    let database = Database::open(name).await.expect("upgrade");
    assert!(database.store_names().contains(&"inbox".to_string()));
    let stored = database
        .load_plan(&plan.id)
        .await
        .expect("load")
        .expect("plan");
    assert_eq!(stored.plan, plan);
    assert_eq!(stored.revision, 1);
    assert_eq!(
        database
            .load_tracking(&plan.id)
            .await
            .expect("follow-up")
            .tracking,
        tracking
    );
    assert_eq!(database.list_revisions(&plan.id).await, Ok(revisions));
    assert_eq!(database.list_tracking_revisions(&plan.id).await, Ok(kept));
    assert_eq!(database.list_received().await, Ok(Vec::new()));
    database.close();
}
