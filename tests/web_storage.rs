//! Browser tests of the storage layer against the real IndexedDB of headless Chromium. Each
//! test uses its own database name.
#![cfg(target_arch = "wasm32")]

use kehoach::domain::progress::{ReportPeriod, TaskProgress, TaskStatus};
use kehoach::domain::report::Tracking;
use kehoach::domain::{Budget, Plan};
use kehoach::file_format::restore_plan;
use kehoach::storage::{
    Database, PlanText, RevisionReason, SCHEMA_VERSION, SaveRequest, StorageError, StoredPlan,
    delete_database,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MINUTE: f64 = 60_000.0;

fn sample_plan() -> Plan {
    let value: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/plans/tinh-minh-commune-2024.json"))
            .expect("fixture");
    restore_plan(&value).0.expect("plan")
}

async fn fresh(name: &str) -> Database {
    delete_database(name).await.expect("delete old");
    Database::open(name).await.expect("open")
}

async fn save(
    database: &Database,
    plan: &Plan,
    base: Option<u32>,
    session: &str,
    now: f64,
) -> Result<u32, StorageError> {
    database
        .save_plan(SaveRequest {
            plan,
            base_revision: base,
            session,
            now,
        })
        .await
}

/// Saves `plan` on top of `revision`, the last save's, which becomes the new one.
async fn save_over(
    database: &Database,
    plan: &Plan,
    revision: &mut Option<u32>,
    session: &str,
    now: f64,
) {
    *revision = Some(
        save(database, plan, *revision, session, now)
            .await
            .expect("save"),
    );
}

#[wasm_bindgen_test]
async fn a_new_database_has_every_store_of_the_current_schema() {
    let database = fresh("test-schema").await;
    let mut stores = database.store_names();
    stores.sort();
    assert_eq!(
        stores,
        [
            "inbox",
            "inbox_texts",
            "meta",
            "plan_texts",
            "plans",
            "revisions",
            "tracking",
            "tracking_revisions",
            "trash"
        ]
    );
    assert_eq!(SCHEMA_VERSION, 6);
    database.close();
}

#[wasm_bindgen_test]
async fn a_database_made_by_schema_1_upgrades_and_keeps_its_plans() {
    let name = "test-upgrade-from-1";
    delete_database(name).await.expect("delete");
    let plan = sample_plan();
    let old = Database::open_at_version(name, 1).await.expect("open v1");
    assert_eq!(old.store_names(), ["plans"]);
    // Schema 1 stored the plan's JSON only, without revision or dates.
    let json = serde_json::to_string(&plan).expect("json");
    old.put_raw_plan_record(&plan.id, &json).await.expect("put");
    old.close();

    let database = Database::open(name).await.expect("upgrade");
    assert_eq!(database.store_names().len(), 9);
    let stored = database
        .load_plan(&plan.id)
        .await
        .expect("load")
        .expect("kept");
    assert_eq!(stored.plan, plan);
    assert_eq!(stored.revision, 0);
    // And it can be edited on from there.
    let revision = save(&database, &plan, Some(0), "s", 1.0)
        .await
        .expect("save");
    assert_eq!(revision, 1);
    database.close();
}

async fn loaded(database: &Database, id: &str) -> StoredPlan {
    database.load_plan(id).await.expect("load").expect("stored")
}

#[wasm_bindgen_test]
async fn a_plan_stored_with_its_json_inside_its_record_is_read_trashed_restored_and_saved() {
    let database = fresh("test-older-record").await;
    let plan = sample_plan();
    let json = serde_json::to_string(&plan).expect("json");
    // As schema 2 stored a plan; the plan list reads it like any other.
    database
        .put_raw_plan_record(&plan.id, &json)
        .await
        .expect("put");
    assert_eq!(database.list_plans().await.expect("list").len(), 1);
    assert_eq!(loaded(&database, &plan.id).await.plan, plan);
    // Through the trash and back, its JSON goes with it.
    database.move_to_trash(&plan.id, 5.0).await.expect("trash");
    assert_eq!(database.load_plan(&plan.id).await.expect("load"), None);
    database
        .restore_from_trash(&plan.id)
        .await
        .expect("restore");
    assert_eq!(loaded(&database, &plan.id).await.plan, plan);
    // A save splits it; the state it replaced is kept as the session's revision.
    let mut edited = plan.clone();
    edited.title = "Kế hoạch đã sửa".to_string();
    assert_eq!(save(&database, &edited, Some(0), "s", 10.0).await, Ok(1));
    let stored = loaded(&database, &plan.id).await;
    assert_eq!((stored.plan, stored.revision), (edited.clone(), 1));
    let revisions = database.list_revisions(&plan.id).await.expect("revisions");
    let kept = revisions.last().expect("kept");
    let (old, _) = database.load_revision(kept.key).await.expect("revision");
    assert_eq!(old, plan);
    // Trash and back again, now with its JSON in its own store.
    database.move_to_trash(&plan.id, 20.0).await.expect("trash");
    database
        .restore_from_trash(&plan.id)
        .await
        .expect("restore");
    assert_eq!(loaded(&database, &plan.id).await.plan, edited);
    database.close();
}

#[wasm_bindgen_test]
async fn a_real_plan_saved_is_loaded_back_identical_through_validation() {
    let name = "test-save-load";
    let database = fresh(name).await;
    let plan = sample_plan();
    assert_eq!(save(&database, &plan, None, "s1", 1000.0).await, Ok(1));
    database.close();

    let reopened = Database::open(name).await.expect("reopen");
    let stored = reopened
        .load_plan(&plan.id)
        .await
        .expect("load")
        .expect("stored");
    assert!(stored.report.is_clean(), "{:?}", stored.report.lines());
    assert_eq!(stored.plan, plan);
    assert_eq!((stored.revision, stored.saved_at), (1, 1000.0));
    assert_eq!(reopened.load_plan("missing").await.expect("load"), None);
    let list = reopened.list_plans().await.expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, plan.title);
    assert_eq!(list[0].year, 2024);
    assert_eq!(list[0].level, "commune");
    reopened.close();
}

#[wasm_bindgen_test]
async fn a_save_from_an_old_revision_is_refused_as_a_conflict() {
    let database = fresh("test-conflict").await;
    let mut plan = sample_plan();
    assert_eq!(save(&database, &plan, None, "tab-a", 1.0).await, Ok(1));
    // Tab A and tab B both opened revision 1; A saves first.
    plan.title = "Bản của thẻ A".into();
    assert_eq!(save(&database, &plan, Some(1), "tab-a", 2.0).await, Ok(2));
    plan.title = "Bản của thẻ B".into();
    assert_eq!(
        save(&database, &plan, Some(1), "tab-b", 3.0).await,
        Err(StorageError::Conflict { stored: 2 })
    );
    let stored = database
        .load_plan(&plan.id)
        .await
        .expect("load")
        .expect("plan");
    assert_eq!(stored.plan.title, "Bản của thẻ A");
    // A plan new to this tab must not overwrite one already stored under its id.
    assert_eq!(
        save(&database, &plan, None, "tab-b", 4.0).await,
        Err(StorageError::Conflict { stored: 2 })
    );
    database.close();
}

#[wasm_bindgen_test]
async fn revisions_keep_each_session_and_one_per_five_minutes() {
    let database = fresh("test-revisions").await;
    let mut plan = sample_plan();
    let mut revision = None;
    // Session 1: five saves in one minute keep one revision, the new plan's first state.
    for second in 0..5 {
        plan.title = format!("phiên 1, lần {second}");
        save_over(
            &database,
            &plan,
            &mut revision,
            "session-1",
            f64::from(second) * 1000.0,
        )
        .await;
    }
    // Six minutes later in the same session: a rolling revision of the new state.
    plan.title = "phiên 1, sau 6 phút".into();
    save_over(&database, &plan, &mut revision, "session-1", 6.0 * MINUTE).await;
    // The session's last edit comes a minute later, too soon for another rolling revision.
    plan.title = "phiên 1, cuối".into();
    save_over(&database, &plan, &mut revision, "session-1", 7.0 * MINUTE).await;
    // The next session's first save keeps the state it starts from: that last edit.
    plan.title = "phiên 2".into();
    save(&database, &plan, revision, "session-2", 8.0 * MINUTE)
        .await
        .expect("save");

    let revisions = database.list_revisions(&plan.id).await.expect("list");
    let reasons: Vec<RevisionReason> = revisions.iter().map(|r| r.reason).collect();
    assert_eq!(
        reasons,
        [
            RevisionReason::Session,
            RevisionReason::Rolling,
            RevisionReason::Session
        ]
    );
    let numbers: Vec<u32> = revisions.iter().map(|r| r.revision).collect();
    assert_eq!(numbers, [7, 6, 1]);
    let (end_of_session_1, _) = database
        .load_revision(revisions[0].key)
        .await
        .expect("load");
    assert_eq!(end_of_session_1.title, "phiên 1, cuối");
    let (oldest, _) = database
        .load_revision(revisions[2].key)
        .await
        .expect("load");
    assert_eq!(oldest.title, "phiên 1, lần 0");
    // Session 3 likewise keeps the state session 2 ended with (revision 8).
    let stored = database
        .load_plan(&plan.id)
        .await
        .expect("load")
        .expect("plan");
    save(
        &database,
        &stored.plan,
        Some(stored.revision),
        "session-3",
        9.0 * MINUTE,
    )
    .await
    .expect("save");
    let again = database.list_revisions(&plan.id).await.expect("list");
    assert_eq!(again.len(), 4);
    assert_eq!(again[0].revision, 8);
    database.close();
}

#[wasm_bindgen_test]
async fn the_cap_drops_the_oldest_rolling_revisions_before_a_session_start() {
    let database = fresh("test-revision-cap-rolling").await;
    let mut plan = sample_plan();
    let mut revision = None;
    // One session saving every five minutes: its start (revision 1) and 44 rolling revisions.
    for save_number in 0..45 {
        plan.title = format!("lần lưu {save_number}");
        save_over(
            &database,
            &plan,
            &mut revision,
            "one-session",
            f64::from(save_number) * 5.0 * MINUTE,
        )
        .await;
    }
    let revisions = database.list_revisions(&plan.id).await.expect("list");
    let kept: Vec<u32> = revisions.iter().rev().map(|r| r.revision).collect();
    let expected: Vec<u32> = std::iter::once(1).chain(7..=45).collect();
    assert_eq!(kept, expected);
    assert_eq!(
        revisions.last().map(|r| r.reason),
        Some(RevisionReason::Session)
    );
    database.close();
}

#[wasm_bindgen_test]
async fn revisions_are_capped_at_forty_dropping_the_oldest() {
    let database = fresh("test-revision-cap").await;
    let mut plan = sample_plan();
    let mut revision = None;
    for session in 0..45 {
        plan.title = format!("phiên {session}");
        save_over(
            &database,
            &plan,
            &mut revision,
            &format!("s{session}"),
            f64::from(session),
        )
        .await;
    }
    // Each session from the third on keeps the state the previous one ended with (revisions
    // 2 to 44), besides the new plan's first state: 44 in all, the 4 oldest pruned.
    let revisions = database.list_revisions(&plan.id).await.expect("list");
    assert_eq!(revisions.len(), 40);
    assert_eq!(revisions.first().map(|r| r.revision), Some(44));
    assert_eq!(revisions.last().map(|r| r.revision), Some(5));
    database.close();
}

#[wasm_bindgen_test]
async fn a_deleted_plan_waits_in_the_trash_and_comes_back() {
    let database = fresh("test-trash").await;
    let plan = sample_plan();
    save(&database, &plan, None, "s", 1.0).await.expect("save");
    database.move_to_trash(&plan.id, 50.0).await.expect("trash");
    assert!(database.list_plans().await.expect("list").is_empty());
    assert_eq!(database.load_plan(&plan.id).await.expect("load"), None);
    let trash = database.list_trash().await.expect("trash list");
    assert_eq!(trash.len(), 1);
    assert_eq!(
        (trash[0].id.as_str(), trash[0].deleted_at),
        (plan.id.as_str(), 50.0)
    );

    database
        .restore_from_trash(&plan.id)
        .await
        .expect("restore");
    assert!(database.list_trash().await.expect("trash list").is_empty());
    let stored = database
        .load_plan(&plan.id)
        .await
        .expect("load")
        .expect("back");
    assert_eq!(stored.plan, plan);
    assert_eq!(stored.revision, 1);

    database
        .move_to_trash(&plan.id, 60.0)
        .await
        .expect("trash again");
    database
        .delete_forever(&plan.id)
        .await
        .expect("delete forever");
    assert!(database.list_trash().await.expect("trash list").is_empty());
    assert!(
        database
            .list_revisions(&plan.id)
            .await
            .expect("revisions")
            .is_empty()
    );
    assert_eq!(
        database.move_to_trash("missing", 1.0).await,
        Err(StorageError::NotFound)
    );
    database.close();
}

#[wasm_bindgen_test]
async fn an_import_is_stored_all_or_nothing() {
    let database = fresh("test-import-atomic").await;
    let plan = sample_plan();
    save(&database, &plan, None, "s", 1.0).await.expect("save");
    let mut other = sample_plan();
    other.id = "ke-hoach-khac".into();
    // The preview saw the stored plan at revision 0 (wrong: it is at 1), so nothing is stored,
    // not even the new plan listed first.
    let result = database
        .store_plans(&[(other.clone(), None), (plan.clone(), Some(0))], 10.0)
        .await;
    assert_eq!(result, Err(StorageError::Conflict { stored: 1 }));
    assert_eq!(database.load_plan(&other.id).await.expect("load"), None);

    // With the right revisions both are stored, and the replaced plan's old state is kept.
    let mut replacement = plan.clone();
    replacement.title = "Bản nhập từ tệp".into();
    let numbers = database
        .store_plans(
            &[(other.clone(), None), (replacement.clone(), Some(1))],
            20.0,
        )
        .await
        .expect("import");
    assert_eq!(numbers, [1, 2]);
    let stored = database
        .load_plan(&plan.id)
        .await
        .expect("load")
        .expect("plan");
    assert_eq!(stored.plan.title, "Bản nhập từ tệp");
    let revisions = database.list_revisions(&plan.id).await.expect("revisions");
    assert_eq!(revisions[0].reason, RevisionReason::BeforeReplace);
    let (before, _) = database.load_revision(revisions[0].key).await.expect("old");
    assert_eq!(before, plan);
    database.close();
}

#[wasm_bindgen_test]
async fn an_export_is_remembered_for_backup_reminders() {
    let database = fresh("test-exported").await;
    let plan = sample_plan();
    save(&database, &plan, None, "s", 1.0).await.expect("save");
    assert_eq!(
        database.list_plans().await.expect("list")[0].exported_at,
        None
    );
    database.mark_exported(&plan.id, 99.0).await.expect("mark");
    save(&database, &plan, Some(1), "s", 2.0)
        .await
        .expect("save again");
    assert_eq!(
        database.list_plans().await.expect("list")[0].exported_at,
        Some(99.0)
    );
    database.close();
}

#[wasm_bindgen_test]
async fn a_damaged_stored_record_is_repaired_and_reported_not_fatal() {
    let database = fresh("test-damaged-record").await;
    let damaged = r#"{"id":"p","year":2024,"title":5,"areas":[{"id":"a","tasks":[{"id":"t","budget":{"million_vnd":"abc"}}]}]}"#;
    database
        .put_raw_plan_record("p", damaged)
        .await
        .expect("put");
    let stored = database
        .load_plan("p")
        .await
        .expect("load")
        .expect("stored");
    assert_eq!(stored.plan.title, "5");
    assert_eq!(
        stored.plan.areas[0].tasks[0].budget,
        Budget::Note("abc".into())
    );
    assert!(
        stored.report.lines().contains(
            &"Lĩnh vực 1, nhiệm vụ a: kinh phí «abc» không phải là số, đã giữ làm ghi chú"
                .to_string()
        ),
        "{:?}",
        stored.report.lines()
    );
    database
        .put_raw_plan_record("q", "{not json")
        .await
        .expect("put");
    assert_eq!(database.load_plan("q").await, Err(StorageError::Corrupt));
    database.close();
}

#[wasm_bindgen_test]
async fn storage_space_is_reported() {
    let estimate = kehoach::storage::estimate().await.expect("estimate");
    assert!(estimate.quota > 0.0);
    assert!(estimate.usage >= 0.0);
}

#[wasm_bindgen_test]
async fn restoring_a_revision_keeps_the_state_it_replaces() {
    let database = fresh("test-restore-revision").await;
    let mut plan = sample_plan();
    save(&database, &plan, None, "s1", 0.0).await.expect("save");
    plan.title = "Bản sửa sau".into();
    save(&database, &plan, Some(1), "s1", 1000.0)
        .await
        .expect("save");
    let revisions = database.list_revisions(&plan.id).await.expect("list");
    assert_eq!(revisions.len(), 1);
    let first = revisions[0].key;
    // A stale tab cannot restore over newer work.
    assert_eq!(
        database.restore_revision(&plan.id, first, 1, 2000.0).await,
        Err(StorageError::Conflict { stored: 2 })
    );
    assert_eq!(
        database.restore_revision(&plan.id, first, 2, 2000.0).await,
        Ok(3)
    );
    let stored = database
        .load_plan(&plan.id)
        .await
        .expect("load")
        .expect("plan");
    assert_eq!(stored.plan, sample_plan());
    assert_eq!(stored.revision, 3);
    let revisions = database.list_revisions(&plan.id).await.expect("list");
    assert_eq!(revisions[0].reason, RevisionReason::BeforeReplace);
    let (replaced, _) = database
        .load_revision(revisions[0].key)
        .await
        .expect("load");
    assert_eq!(replaced.title, "Bản sửa sau");
    database.close();
}

#[wasm_bindgen_test]
async fn typing_that_could_not_be_saved_is_kept_as_a_revision() {
    let database = fresh("test-keep-unsaved").await;
    let plan = sample_plan();
    save(&database, &plan, None, "s1", 0.0).await.expect("save");
    let mut typed = plan.clone();
    typed.title = "Gõ ở thẻ bị khoá".into();
    let written = PlanText::of(&typed).expect("written");
    database
        .keep_unsaved(&written, 1, 500.0)
        .await
        .expect("kept");
    // The stored plan is untouched; the typing is a revision made from revision 1.
    let stored = database
        .load_plan(&plan.id)
        .await
        .expect("load")
        .expect("plan");
    assert_eq!(stored.plan.title, plan.title);
    assert_eq!(stored.revision, 1);
    let revisions = database.list_revisions(&plan.id).await.expect("list");
    let kept: Vec<_> = revisions
        .iter()
        .filter(|r| r.reason == RevisionReason::Unsaved)
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!((kept[0].revision, kept[0].saved_at), (1, 500.0));
    let (restored, _) = database.load_revision(kept[0].key).await.expect("revision");
    assert_eq!(restored, typed);
}

/// Makes IndexedDB's `put` throw a DOMException named `name`, as a full disk or a lost database
/// makes it fail; returns the function that puts `put` back.
fn fail_puts(name: &str) -> js_sys::Function {
    let patch = js_sys::Function::new_with_args(
        "name",
        "const put = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function () { throw new DOMException('Storage failed.', name); };
         return () => { IDBObjectStore.prototype.put = put; };",
    );
    patch
        .call1(&wasm_bindgen::JsValue::NULL, &name.into())
        .expect("patched")
        .into()
}

/// A failure is sorted by the name of the DOMException it carries, not by searching its text.
#[wasm_bindgen_test]
async fn storage_failures_are_told_apart_by_their_dom_exception() {
    let database = fresh("kehoach-test-failures").await;
    let plan = sample_plan();
    for (name, expected) in [
        ("QuotaExceededError", Some(StorageError::QuotaExceeded)),
        ("DataLossError", Some(StorageError::DataLost)),
        ("UnknownError", None),
    ] {
        let restore = fail_puts(name);
        let result = save(&database, &plan, None, "s", 0.0).await;
        restore
            .call0(&wasm_bindgen::JsValue::NULL)
            .expect("put restored");
        match (result, expected) {
            (Err(error), Some(expected)) => assert_eq!(error, expected, "{name}"),
            (Err(StorageError::Transaction(detail)), None) => {
                assert!(detail.contains("UnknownError"), "{name}: {detail}")
            }
            (other, _) => panic!("{name}: {other:?}"),
        }
    }
    assert_eq!(save(&database, &plan, None, "s", 0.0).await, Ok(1));
}

#[wasm_bindgen_test]
async fn a_database_made_by_schema_3_upgrades_to_4_and_keeps_its_plans_and_revisions() {
    let name = "test-upgrade-from-3";
    delete_database(name).await.expect("delete");
    let plan = sample_plan();
    let old = Database::open_at_version(name, 3).await.expect("open v3");
    let mut revision = None;
    save_over(&old, &plan, &mut revision, "s", 1.0).await;
    let mut edited = plan.clone();
    edited.title = "Đã sửa trước khi nâng cấp".to_string();
    save_over(&old, &edited, &mut revision, "t", 2.0).await;
    let revisions_before = old.list_revisions(&plan.id).await.expect("revisions");
    assert!(!old.store_names().contains(&"tracking".to_string()));
    old.close();

    let database = Database::open(name).await.expect("upgrade");
    assert!(database.store_names().contains(&"tracking".to_string()));
    let stored = loaded(&database, &plan.id).await;
    assert_eq!(stored.plan, edited);
    assert_eq!(Some(stored.revision), revision);
    assert_eq!(
        database.list_revisions(&plan.id).await.expect("revisions"),
        revisions_before
    );
    // Nothing followed yet: an empty follow-up at revision 0.
    let tracking = database.load_tracking(&plan.id).await.expect("load");
    assert_eq!(tracking.tracking, Tracking::new(&plan.id));
    assert_eq!(tracking.revision, 0);
    database.close();
}

fn followed(plan: &Plan) -> Tracking {
    let mut tracking = Tracking::new(&plan.id);
    let first = plan.areas[0].tasks[0].id.clone();
    tracking.set_progress(
        &first,
        TaskProgress {
            status: TaskStatus::DoneOnTime,
            result: "Đã ban hành kế hoạch".to_string(),
            ..TaskProgress::default()
        },
    );
    tracking
        .report_mut(plan, ReportPeriod::FirstQuarter)
        .assessment = "Tồn tại: …".to_string();
    tracking
}

#[wasm_bindgen_test]
async fn a_follow_up_is_saved_read_back_and_guarded_against_another_tab() {
    let database = fresh("test-tracking").await;
    let plan = sample_plan();
    let tracking = followed(&plan);
    assert_eq!(database.save_tracking(&tracking, 0, "s", 1.0).await, Ok(1));
    let stored = database.load_tracking(&plan.id).await.expect("load");
    assert_eq!(stored.tracking, tracking);
    assert_eq!(stored.revision, 1);
    assert!(stored.report.problems.is_empty());
    // A second tab that started from nothing (or from revision 1 after this one saved) loses.
    assert_eq!(
        database.save_tracking(&tracking, 0, "s", 2.0).await,
        Err(StorageError::Conflict { stored: 1 })
    );
    assert_eq!(database.save_tracking(&tracking, 1, "s", 2.0).await, Ok(2));
    assert_eq!(
        database.save_tracking(&tracking, 1, "s", 3.0).await,
        Err(StorageError::Conflict { stored: 2 })
    );
    database.close();
}

#[wasm_bindgen_test]
async fn a_damaged_follow_up_record_is_told_and_a_plan_deleted_for_good_takes_its_follow_up() {
    let database = fresh("test-tracking-damaged").await;
    let plan = sample_plan();
    database
        .put_raw_tracking_record(&plan.id, "{\"progress\": ")
        .await
        .expect("put");
    assert_eq!(
        database.load_tracking(&plan.id).await.map(|_| ()),
        Err(StorageError::Corrupt)
    );
    // A record with a bad part keeps the rest and says what was left out.
    database
        .put_raw_tracking_record(
            &plan.id,
            r#"{"plan_id": "other", "progress": {"a": {"status": "done_late"}, "b": 3}}"#,
        )
        .await
        .expect("put");
    let stored = database.load_tracking(&plan.id).await.expect("load");
    assert_eq!(stored.tracking.plan_id, plan.id);
    assert_eq!(stored.tracking.progress.len(), 1);
    assert_eq!(stored.report.problems.len(), 1);

    let mut revision = None;
    save_over(&database, &plan, &mut revision, "s", 1.0).await;
    database
        .save_tracking(&followed(&plan), 1, "s", 2.0)
        .await
        .expect("save");
    database.move_to_trash(&plan.id, 3.0).await.expect("trash");
    // In the trash the follow-up waits for the plan's return.
    assert_eq!(
        database
            .load_tracking(&plan.id)
            .await
            .expect("load")
            .revision,
        2
    );
    database.delete_forever(&plan.id).await.expect("delete");
    assert_eq!(
        database
            .load_tracking(&plan.id)
            .await
            .expect("load")
            .revision,
        0
    );
    database.close();
}

#[wasm_bindgen_test]
async fn a_received_report_brings_its_plan_when_new_and_replaces_only_its_own_period() {
    let database = fresh("test-received-report").await;
    let plan = sample_plan();
    let mut tracking = followed(&plan);
    let progress = tracking.progress.clone();
    let mut report = tracking
        .report_mut(&plan, ReportPeriod::FirstQuarter)
        .clone();
    report.close(&plan, &progress, "2024-03-20T09:00:00+07:00");

    // New here: the plan comes with it, and its follow-up starts from the report's progress.
    assert_eq!(
        database
            .store_received_report(&plan, &report, &progress, 1.0)
            .await,
        Ok(true)
    );
    assert_eq!(loaded(&database, &plan.id).await.plan, plan);
    let stored = database.load_tracking(&plan.id).await.expect("load");
    assert_eq!(stored.tracking.progress, progress);
    assert_eq!(stored.tracking.reports, [report.clone()]);

    // Progress written here since, and a six-month report of its own.
    let mut here = stored.tracking.clone();
    here.progress.clear();
    here.report_mut(&plan, ReportPeriod::SixMonths).proposals = "Của máy này".to_string();
    database
        .save_tracking(&here, stored.revision, "s", 2.0)
        .await
        .expect("save");
    // The same quarter's report again, corrected: it takes the place of the first, and nothing
    // else of the follow-up changes.
    let mut corrected = report.clone();
    corrected.assessment = "Đã sửa".to_string();
    assert_eq!(
        database
            .store_received_report(&plan, &corrected, &progress, 3.0)
            .await,
        Ok(false)
    );
    let stored = database.load_tracking(&plan.id).await.expect("load");
    assert!(stored.tracking.progress.is_empty());
    assert_eq!(stored.tracking.reports.len(), 2);
    assert_eq!(stored.tracking.reports[0], corrected);
    assert_eq!(stored.tracking.reports[1].proposals, "Của máy này");
    database.close();
}

#[wasm_bindgen_test]
async fn a_received_report_for_a_plan_in_the_trash_is_refused_and_nothing_changes() {
    let database = fresh("test-received-report-trash").await;
    let plan = sample_plan();
    let mut revision = None;
    save_over(&database, &plan, &mut revision, "s", 1.0).await;
    let tracking = followed(&plan);
    database
        .save_tracking(&tracking, 0, "s", 2.0)
        .await
        .expect("save");
    database.move_to_trash(&plan.id, 3.0).await.expect("trash");
    let mut report = tracking
        .report(ReportPeriod::FirstQuarter)
        .expect("drafted")
        .clone();
    report.close(&plan, &tracking.progress, "2024-03-20T09:00:00+07:00");
    assert_eq!(
        database
            .store_received_report(&plan, &report, &Default::default(), 4.0)
            .await,
        Err(StorageError::InTrash)
    );
    assert_eq!(database.load_plan(&plan.id).await.expect("load"), None);
    let kept = database.load_tracking(&plan.id).await.expect("load");
    assert_eq!(kept.tracking, tracking);
    // Restored, it comes back with its follow-up.
    database
        .restore_from_trash(&plan.id)
        .await
        .expect("restore");
    assert_eq!(loaded(&database, &plan.id).await.plan, plan);
    database.close();
}

#[wasm_bindgen_test]
async fn a_database_made_by_schema_4_upgrades_to_5_and_keeps_its_plans_and_follow_ups() {
    let name = "test-upgrade-from-4";
    delete_database(name).await.expect("delete");
    let plan = sample_plan();
    let old = Database::open_at_version(name, 4).await.expect("open v4");
    let mut revision = None;
    save_over(&old, &plan, &mut revision, "s", 1.0).await;
    let tracking = followed(&plan);
    old.save_tracking(&tracking, 0, "s", 2.0)
        .await
        .expect_err("schema 4 has no store for the follow-up's revisions");
    // Written as schema 4's app wrote it: the record alone.
    let json = serde_json::to_string(&tracking).expect("json");
    old.put_raw_tracking_record(&plan.id, &json)
        .await
        .expect("put");
    assert!(
        !old.store_names()
            .contains(&"tracking_revisions".to_string())
    );
    old.close();

    let database = Database::open(name).await.expect("upgrade");
    assert!(
        database
            .store_names()
            .contains(&"tracking_revisions".to_string())
    );
    assert_eq!(loaded(&database, &plan.id).await.plan, plan);
    let stored = database.load_tracking(&plan.id).await.expect("load");
    assert_eq!(stored.tracking, tracking);
    assert_eq!(stored.revision, 1);
    assert_eq!(
        database.list_tracking_revisions(&plan.id).await,
        Ok(Vec::new())
    );
    // Its first save after the upgrade keeps what schema 4 had stored.
    database
        .save_tracking(&Tracking::new(&plan.id), 1, "t", 3.0)
        .await
        .expect("save");
    let kept = database
        .list_tracking_revisions(&plan.id)
        .await
        .expect("list");
    assert_eq!(kept.len(), 1);
    assert_eq!(
        database.load_tracking_revision(kept[0].key).await,
        Ok(tracking)
    );
    database.close();
}

/// The reasons of the follow-up's kept revisions, newest first.
async fn kept_reasons(database: &Database, plan_id: &str) -> Vec<(u32, RevisionReason)> {
    let kept = database
        .list_tracking_revisions(plan_id)
        .await
        .expect("list");
    kept.iter().map(|k| (k.revision, k.reason)).collect()
}

#[wasm_bindgen_test]
async fn a_follow_up_keeps_revisions_per_session_and_every_five_minutes_and_restores_one() {
    use RevisionReason::*;
    let database = fresh("test-tracking-revisions").await;
    let plan = sample_plan();
    let first = followed(&plan);
    let mut revision = 0;
    let mut save = async |tracking: &Tracking, session: &str, now: f64| {
        revision = database
            .save_tracking(tracking, revision, session, now)
            .await
            .expect("save");
    };
    // The first save keeps what it saves; the next, a minute later, keeps nothing.
    save(&first, "s", 0.0).await;
    let mut second = first.clone();
    second
        .report_mut(&plan, ReportPeriod::FirstQuarter)
        .proposals = "Kiến nghị".to_string();
    save(&second, "s", MINUTE).await;
    assert_eq!(kept_reasons(&database, &plan.id).await, [(1, Session)]);
    // Five minutes after the last kept one, the new state is kept.
    let mut third = second.clone();
    third.progress.clear();
    save(&third, "s", 5.0 * MINUTE).await;
    assert_eq!(
        kept_reasons(&database, &plan.id).await,
        [(3, Rolling), (1, Session)]
    );
    // Another session (a reload) keeps where the last one ended before its first change.
    let mut fourth = third.clone();
    fourth
        .report_mut(&plan, ReportPeriod::FirstQuarter)
        .assessment = "Sửa sau khi tải lại".to_string();
    save(&third, "t", 6.0 * MINUTE).await;
    assert_eq!(
        kept_reasons(&database, &plan.id).await,
        [(3, Rolling), (1, Session)],
        "the state the session starts from is kept already"
    );
    save(&fourth, "u", 7.0 * MINUTE).await;
    assert_eq!(kept_reasons(&database, &plan.id).await[0], (4, Session));

    // Restoring the first kept one brings back its reports and progress, keeps the state it
    // replaces, and is refused from a stale revision.
    let oldest = database
        .list_tracking_revisions(&plan.id)
        .await
        .expect("list")
        .pop()
        .expect("kept");
    assert_eq!(
        database
            .restore_tracking_revision(&plan.id, oldest.key, revision - 1, 8.0 * MINUTE)
            .await,
        Err(StorageError::Conflict { stored: revision })
    );
    let restored = database
        .restore_tracking_revision(&plan.id, oldest.key, revision, 8.0 * MINUTE)
        .await
        .expect("restore");
    assert_eq!(restored, revision + 1);
    let stored = database.load_tracking(&plan.id).await.expect("load");
    assert_eq!(stored.tracking, first);
    assert_eq!(stored.revision, restored);
    let reasons = kept_reasons(&database, &plan.id).await;
    assert_eq!(reasons[0], (revision, BeforeReplace));
    let replaced = database
        .list_tracking_revisions(&plan.id)
        .await
        .expect("list")[0]
        .clone();
    assert_eq!(
        database.load_tracking_revision(replaced.key).await,
        Ok(fourth.clone())
    );
    // A revision of another plan's follow-up is not restored over this one.
    assert_eq!(
        database
            .restore_tracking_revision("another", oldest.key, 0, 9.0 * MINUTE)
            .await,
        Err(StorageError::NotFound)
    );

    // Typing refused because another tab saved first is kept, marked as such.
    database
        .keep_unsaved_tracking(&fourth, restored - 1, 10.0 * MINUTE)
        .await
        .expect("keep");
    assert_eq!(
        kept_reasons(&database, &plan.id).await[0],
        (restored - 1, Unsaved)
    );
    database.close();
}

#[wasm_bindgen_test]
async fn a_received_report_keeps_the_follow_up_it_changes_and_deleting_for_good_takes_them() {
    let database = fresh("test-tracking-revisions-received").await;
    let plan = sample_plan();
    let mut revision = None;
    save_over(&database, &plan, &mut revision, "s", 1.0).await;
    let here = followed(&plan);
    database
        .save_tracking(&here, 0, "s", 2.0)
        .await
        .expect("save");
    let mut report = here
        .report(ReportPeriod::FirstQuarter)
        .expect("drafted")
        .clone();
    report.assessment = "Bản nhận qua tệp".to_string();
    report.close(&plan, &here.progress, "2024-03-20T09:00:00+07:00");
    database
        .store_received_report(&plan, &report, &here.progress, 3.0)
        .await
        .expect("store");
    let kept = database
        .list_tracking_revisions(&plan.id)
        .await
        .expect("list");
    assert_eq!(kept[0].reason, RevisionReason::BeforeReplace);
    assert_eq!(database.load_tracking_revision(kept[0].key).await, Ok(here));

    database.move_to_trash(&plan.id, 4.0).await.expect("trash");
    database.delete_forever(&plan.id).await.expect("delete");
    assert_eq!(
        database.list_tracking_revisions(&plan.id).await,
        Ok(Vec::new())
    );
    database.close();
}
