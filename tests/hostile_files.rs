#![cfg(not(target_arch = "wasm32"))]
//! Hostile files: every way a file that arrives by email can be broken, foreign, forged or
//! absurd, each with the exact outcome the importer must give, and within a time bound (the
//! import runs on its own thread; a hang or a panic fails the test instead of stalling the run).
//!
//! Committed files live in `tests/fixtures/hostile/` (each under 50 KB). They were made once by
//! `regenerate_committed_fixtures` below from a trimmed Sơn Châu 2022 plan (see `trimmed_son_chau`:
//! areas 1–2 keep 4 tasks, the others 1; appendix groups keep 1–2 rows, sub-groups 4):
//! `HOSTILE_REGENERATE=1 cargo test --test hostile_files -- --ignored regenerate_committed_fixtures`.
//! Files marked "sealed" carry a checksum recomputed after the damage, so that the report holds
//! only the problems of the case itself.
//!
//! | file / generated case                 | expected outcome                                                          |
//! |---------------------------------------|---------------------------------------------------------------------------|
//! | valid-base.json                       | Ok, 1 plan, empty report, checksum_ok (the control case)                  |
//! | truncated.json                        | Err(Damaged { line: last line of the cut text, .. })                      |
//! | lone-surrogate.json (`\ud800` escape)  | Err(Damaged { line of the escape, .. })                                   |
//! | not-json-png.png                      | Err(NotText)                                                              |
//! | not-json-text.txt                     | Err(NotOurs)                                                              |
//! | utf16le.json                          | Err(NotText)                                                              |
//! | package-json.json                     | Err(NotOurs)                                                              |
//! | empty-array.json (`[]`)               | Err(NotOurs)                                                              |
//! | kind-something-else.json              | Err(NotOurs)                                                              |
//! | wrong-types.json (sealed bundle of 2) | Ok, 2 plans, the 17 exact report lines of WRONG_TYPES_REPORT              |
//! | budget-abc.json (sealed)              | Ok, "Lĩnh vực 2, nhiệm vụ d: kinh phí «abc» không phải là số, đã giữ làm   |
//! |                                       | ghi chú", budget Note("abc")                                              |
//! | budget-abc-bare-text.json (sealed)    | "abc" is a note (no line); "-7" reported as not a valid number           |
//! | duplicate-task-ids.json (sealed)      | Ok, "Lĩnh vực 2, nhiệm vụ b: mã «sc-t009» bị trùng, đã đổi thành          |
//! |                                       | «sc-t009-2»"                                                              |
//! | duplicate-plan-ids.json               | Ok, 2 plans "sc" and "sc-2", "Kế hoạch 2: mã kế hoạch «sc» trùng …"         |
//! | duplicate-plan-ids-collision.json     | Ok, 3 distinct ids (x-3, x, x-2)                                          |
//! | future-version.json (99)              | Err(NewerVersion { found: 99, supported: CURRENT_VERSION })               |
//! | version-missing.json                  | Err(BadVersion)                                                           |
//! | version-as-text.json ("1")            | Err(BadVersion)                                                           |
//! | version-zero.json (0)                 | Err(BadVersion)                                                           |
//! | checksum-mismatch.json                | Ok, only report line: the checksum warning (Warning), checksum_ok false,  |
//! |                                       | the changed character imported as changed                                 |
//! | nfd.json (sealed, every text NFD)     | Ok, EMPTY report, plan == valid-base plan (NFC), exported_by NFC          |
//! | script-payloads.json (sealed)         | Ok, EMPTY report, every text byte-for-byte as in the file                 |
//! | control-chars.json (sealed)           | Ok, "… có ký tự điều khiển, đã bỏ đi" for each field, characters removed, |
//! |                                       | tab kept, CR LF made LF without report                                    |
//! | hostile-text.json (sealed)            | Ok, U+FFFE/U+FFFF/U+FDD0 and an open U+202E removed and reported, a       |
//! |                                       | closed isolate pair, formula-like cells and a 420-char word kept as text  |
//! | bom.json                              | Ok, empty report, plan == valid-base plan                                 |
//! | invalid-utf8.json                     | Err(NotText)                                                              |
//! | empty.json / whitespace-only.json /   | Err(Empty)                                                                |
//! | bom-only.json                         |                                                                           |
//! | no-plans.json (`"plans": []`)         | Err(NoPlans)                                                              |
//! | no-plans-list.json (payload `{}`)     | Err(NoPlans)                                                              |
//! | plans-not-objects.json                | Err(NoPlans)                                                              |
//! | impossible-dates.json (sealed)        | Ok, 31/02 day dropped and 4 other exact lines, valid dates untouched      |
//! | negative-budget.json (sealed)         | Ok, "kinh phí «-5» là số âm, đã giữ làm ghi chú" ×3 places, kept as notes  |
//! | milestone-unknown-kind.json (sealed)  | Ok, "Lĩnh vực 1, nhiệm vụ a, mốc 2: mốc thời hạn «…fortnight…» không đọc   |
//! |                                       | được, đã bỏ qua", the known milestone kept, reading still overridden      |
//! | nested-sub-areas.json (sealed)        | Ok, 2 "… không được có … con, đã bỏ qua phần lồng thêm" lines, the rest   |
//! |                                       | == valid-base plan                                                        |
//! | generated: 200,000-char content       | Ok, cut to 100,000 chars (a prefix), "Nội dung dài quá 100.000 ký tự …"   |
//! | generated: 6,000 tasks in an area     | Ok, 5,000 kept, "Nhiệm vụ có 6.000 mục, quá giới hạn 5.000 …"             |
//! | generated: 5,000 bad budgets          | Ok, report capped at 1,000 + "Còn nhiều lỗi khác không được liệt kê."     |
//! | generated: 10,000-deep nesting (×3)   | Err(TooDeep) in the payload, Err(NotOurs) at the top; quickly            |
//! | generated: MAX_FILE_BYTES + 1 bytes   | Err(TooLarge { size_mb: 33, limit_mb: 32 }) before any decoding           |
//! | generated: exactly MAX_FILE_BYTES     | Ok (valid-base padded with spaces), within 20 s (32 MB, debug build)      |
//! | generated: 2,500 tiny plans           | Ok, 2,000 plans, "Tệp có 2.500 kế hoạch, chỉ đọc 2.000 kế hoạch đầu."     |
//! | generated: 100,000-char deadline text | Ok, quickly                                                               |
//! | generated: 5,000 tasks of one id      | Ok within 5 s, ids distinct (linear renaming)                             |
//! | generated: 100,000 tasks of one id    | Ok within the time bound, ids distinct                                    |

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use kehoach::domain::{Budget, Decimal, Milestone, Plan};
use kehoach::file_format::{
    self, CURRENT_VERSION, ExportInfo, ImportError, Imported, MAX_FILE_BYTES, MAX_PLANS, Outcome,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// Generous for a slow CI machine running the debug build; a sane import takes milliseconds.
const TIME_LIMIT: Duration = Duration::from_secs(5);
/// `file_format::fields::MAX_TEXT_CHARS` (the module is private).
const MAX_TEXT_CHARS: usize = 100_000;
/// `file_format::fields::MAX_LIST_ITEMS` (the module is private).
const MAX_LIST_ITEMS: usize = 5_000;
/// The committed files must stay small.
const MAX_FIXTURE_BYTES: usize = 50 * 1024;

const CHECKSUM_WARNING: &str = "Mã kiểm tra của tệp không khớp: tệp có thể đã bị hỏng khi gửi hoặc đã bị sửa bằng tay. Hãy xem kỹ nội dung trước khi lưu.";

const PAYLOADS: [&str; 6] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(document.cookie)",
    "\"};alert(1);//",
    "</textarea><svg onload=alert(1)>",
    "${alert(1)}{{7*7}}",
];

// ---------------------------------------------------------------------------------------------
// Helpers

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = fixtures_dir().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    assert!(
        bytes.len() < MAX_FIXTURE_BYTES,
        "{name} is {} bytes",
        bytes.len()
    );
    bytes
}

fn fixture_json(name: &str) -> Value {
    serde_json::from_slice(&fixture(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// Imports on a thread of its own with an ordinary 2 MiB stack; fails the test if the import
/// panics or does not return within [`TIME_LIMIT`].
fn import(bytes: Vec<u8>) -> Result<Imported, ImportError> {
    import_within(bytes, TIME_LIMIT)
}

fn import_within(bytes: Vec<u8>, limit: Duration) -> Result<Imported, ImportError> {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("import".into())
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let start = Instant::now();
            let result = file_format::import_file(&bytes);
            let elapsed = start.elapsed();
            let _ = sender.send((result, elapsed));
        })
        .expect("spawn the import thread");
    match receiver.recv_timeout(limit) {
        Ok((result, elapsed)) => {
            assert!(elapsed < limit, "import took {elapsed:?}, over {limit:?}");
            result
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("import did not return within {limit:?}")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("import panicked"),
    }
}

fn import_ok(bytes: Vec<u8>) -> Imported {
    match import(bytes) {
        Ok(imported) => imported,
        Err(error) => panic!("refused: {error:?} ({error})"),
    }
}

fn import_err(bytes: Vec<u8>) -> ImportError {
    match import(bytes) {
        Ok(imported) => panic!(
            "imported {} plans, report {:?}",
            imported.plans.len(),
            imported.report.lines()
        ),
        Err(error) => error,
    }
}

/// What the import report says of hostile-text.json.
const HOSTILE_TEXT_REPORT: &[&str] = &[
    "Cơ quan ban hành có ký tự đổi hướng chữ (U+202E) không được đóng lại, đã bỏ đi",
    "Lĩnh vực 1, nhiệm vụ a: Nội dung có ký tự không dùng trong văn bản (U+FFFE), đã bỏ đi",
];

/// The plan of the control file, as the importer reads it.
fn base_plan() -> Plan {
    let imported = import_ok(fixture("valid-base.json"));
    assert!(imported.report.is_clean(), "{:?}", imported.report.lines());
    imported.plans.into_iter().next().expect("one plan")
}

/// "sha256:" and the hex digest of the payload's canonical (compact, keys sorted) form, as the
/// exporter computes it.
fn checksum_of(payload: &Value) -> String {
    let canonical = serde_json::to_string(payload).expect("serialise payload");
    let digest = Sha256::digest(canonical.as_bytes());
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("sha256:{hex}")
}

/// Recomputes the envelope's checksum after the payload was changed.
fn seal(envelope: &mut Value) {
    envelope["checksum"] = Value::String(checksum_of(&envelope["payload"]));
}

fn to_bytes(envelope: &Value) -> Vec<u8> {
    serde_json::to_string_pretty(envelope)
        .expect("serialise envelope")
        .into_bytes()
}

/// The control file as a value, to damage at test time.
fn base_envelope() -> Value {
    fixture_json("valid-base.json")
}

/// The `index`-th plan of an envelope.
fn plan_of(envelope: &mut Value, index: usize) -> &mut Value {
    &mut envelope["payload"]["plans"][index]
}

/// Task `task` of area `area` (both 0-based) of a plan value.
fn task_of(plan: &mut Value, area: usize, task: usize) -> &mut Value {
    &mut plan["areas"][area]["tasks"][task]
}

fn map_strings(value: &mut Value, change: &mut impl FnMut(&mut String)) {
    match value {
        Value::String(text) => change(text),
        Value::Array(items) => items.iter_mut().for_each(|item| map_strings(item, change)),
        Value::Object(object) => object
            .values_mut()
            .for_each(|item| map_strings(item, change)),
        _ => {}
    }
}

fn lines(imported: &Imported) -> Vec<String> {
    imported.report.lines()
}

// ---------------------------------------------------------------------------------------------
// The generator of the committed files

/// The Sơn Châu 2022 plan, trimmed so that its files stay under 50 KB.
fn trimmed_son_chau() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plans/son-chau-commune-2022.json");
    let text = std::fs::read_to_string(&path).expect("read the Sơn Châu fixture");
    let mut plan: Value = serde_json::from_str(&text).expect("Sơn Châu fixture is JSON");
    let truncate = |value: &mut Value, key: &str, keep: usize| {
        if let Some(items) = value.get_mut(key).and_then(Value::as_array_mut) {
            items.truncate(keep);
        }
    };
    truncate(&mut plan, "purposes", 2);
    truncate(&mut plan, "requirements", 2);
    truncate(&mut plan, "targets", 4);
    truncate(&mut plan["implementation"], "responsibilities", 2);
    truncate(&mut plan["implementation"], "reporting", 2);
    for (index, area) in plan["areas"]
        .as_array_mut()
        .expect("areas")
        .iter_mut()
        .enumerate()
    {
        truncate(area, "tasks", if index < 2 { 4 } else { 1 });
        if let Some(subs) = area.get_mut("sub_areas").and_then(Value::as_array_mut) {
            subs.iter_mut().for_each(|sub| truncate(sub, "tasks", 1));
        }
    }
    for table in plan["appendices"].as_array_mut().expect("appendices") {
        if let Some(groups) = table["rows"]
            .get_mut("groups")
            .and_then(Value::as_array_mut)
        {
            for (index, group) in groups.iter_mut().enumerate() {
                // Group V keeps its second row, the one with a budget.
                truncate(group, "tasks", if index == 4 { 2 } else { 1 });
                if let Some(subs) = group.get_mut("sub_groups").and_then(Value::as_array_mut) {
                    subs.iter_mut().for_each(|sub| truncate(sub, "tasks", 4));
                }
            }
        }
    }
    plan
}

fn export_info() -> ExportInfo {
    ExportInfo {
        exported_at: "2022-01-10T08:00:00+07:00".into(),
        exported_by: "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU".into(),
    }
}

fn generate_committed_fixtures() -> Vec<(&'static str, Vec<u8>)> {
    let (plan, report) = file_format::restore_plan(&trimmed_son_chau());
    assert!(report.is_clean(), "{:?}", report.lines());
    let plan = plan.expect("trimmed Sơn Châu plan");
    let valid = file_format::export_plans(std::slice::from_ref(&plan), &export_info(), false);
    let valid_value: Value = serde_json::from_str(&valid).expect("export is JSON");
    assert_eq!(
        valid_value["checksum"].as_str(),
        Some(checksum_of(&valid_value["payload"]).as_str()),
        "the test's checksum must be the exporter's"
    );
    let base = || valid_value.clone();
    let sealed = |mut envelope: Value| {
        seal(&mut envelope);
        to_bytes(&envelope)
    };
    let mut files: Vec<(&'static str, Vec<u8>)> = Vec::new();

    files.push(("valid-base.json", valid.clone().into_bytes()));

    let mut cut = valid.len() / 2;
    while !valid.is_char_boundary(cut) {
        cut -= 1;
    }
    files.push(("truncated.json", valid.as_bytes()[..cut].to_vec()));

    files.push((
        "not-json-png.png",
        vec![
            0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0, 0, 0, 0x0d, b'I', b'H', b'D',
            b'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0a,
            b'I', b'D', b'A', b'T', 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, 0xb4,
            0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82,
        ],
    ));
    files.push((
        "not-json-text.txt",
        "Kính gửi: Ủy ban nhân dân xã Sơn Châu\nĐề nghị gửi lại Kế hoạch cải cách hành chính năm 2022.\n"
            .as_bytes()
            .to_vec(),
    ));
    {
        let small = json!({
            "kind": "ke-hoach-cchc",
            "format_version": 1,
            "payload": {"plans": [{"id": "nho", "year": 2022, "title": "Kế hoạch nhỏ"}]}
        });
        let text = serde_json::to_string(&small).expect("json");
        let mut bytes = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        files.push(("utf16le.json", bytes));
    }
    files.push((
        "package-json.json",
        serde_json::to_string_pretty(&json!({
            "name": "kehoach-e2e",
            "version": "0.1.0",
            "private": true,
            "type": "module",
            "scripts": {"test": "node tests/e2e/harness.mjs"},
            "devDependencies": {"selenium-webdriver": "^4.27.0"}
        }))
        .expect("json")
        .into_bytes(),
    ));
    files.push(("empty-array.json", b"[]".to_vec()));
    files.push((
        "kind-something-else.json",
        br#"{"kind":"something-else"}"#.to_vec(),
    ));

    // Wrong types everywhere: a bundle of two plans.
    {
        let mut envelope = base();
        let second = envelope["payload"]["plans"][0].clone();
        envelope["payload"]["plans"]
            .as_array_mut()
            .expect("plans")
            .push(second);
        envelope["scope"] = json!("bundle");
        let first = plan_of(&mut envelope, 0);
        first["title"] = json!(2022);
        first["year"] = json!("hai nghìn");
        first["level"] = json!("galaxy");
        first["era"] = json!(true);
        first["locality"] = json!("Sơn Châu");
        first["targets"] = json!({"text": "Một chỉ tiêu"});
        first["areas"] = json!("Cải cách hành chính");
        first["recipients"] = json!(5);
        first["signer"] = json!(["Nguyễn Văn A"]);
        let second = plan_of(&mut envelope, 1);
        second["id"] = json!("sc-2");
        task_of(second, 0, 0)["lead_units"] = json!({"name": "Văn phòng"});
        task_of(second, 0, 0)["key_task"] = json!("yes");
        *task_of(second, 0, 1) = json!(["Chỉ đạo", "điều hành"]);
        task_of(second, 0, 2)["budget"] = json!([1, 2]);
        task_of(second, 0, 3)["deadline"] = json!(2022);
        second["areas"][1] = json!(42);
        second["areas"][2]["tasks"] = json!({"a": 1});
        files.push(("wrong-types.json", sealed(envelope)));
    }

    {
        let mut envelope = base();
        task_of(plan_of(&mut envelope, 0), 1, 3)["budget"] = json!({"million_vnd": "abc"});
        files.push(("budget-abc.json", sealed(envelope)));
    }
    {
        let mut envelope = base();
        let plan = plan_of(&mut envelope, 0);
        task_of(plan, 1, 2)["budget"] = json!("-7");
        task_of(plan, 1, 3)["budget"] = json!("abc");
        files.push(("budget-abc-bare-text.json", sealed(envelope)));
    }
    {
        let mut envelope = base();
        let plan = plan_of(&mut envelope, 0);
        let first_id = task_of(plan, 1, 0)["id"].clone();
        task_of(plan, 1, 1)["id"] = first_id;
        files.push(("duplicate-task-ids.json", sealed(envelope)));
    }
    {
        // Two copies of the plan without its appendix, implementation and aims, to stay small.
        let mut slim = plan.clone();
        slim.appendices.clear();
        slim.implementation = Default::default();
        slim.targets.clear();
        slim.purposes.clear();
        slim.requirements.clear();
        files.push((
            "duplicate-plan-ids.json",
            file_format::export_plans(&[slim.clone(), slim], &export_info(), true).into_bytes(),
        ));
    }
    {
        let tiny = |id: &str| json!({"id": id, "year": 2022, "title": format!("Kế hoạch {id}")});
        let mut envelope = base();
        envelope["scope"] = json!("bundle");
        envelope["payload"] = json!({"plans": [tiny("x-3"), tiny("x"), tiny("x")]});
        files.push(("duplicate-plan-ids-collision.json", sealed(envelope)));
    }

    for (name, version) in [
        ("future-version.json", Some(json!(99))),
        ("version-missing.json", None),
        ("version-as-text.json", Some(json!("1"))),
        ("version-zero.json", Some(json!(0))),
    ] {
        let mut envelope = base();
        let object = envelope.as_object_mut().expect("envelope");
        match version {
            Some(version) => {
                object.insert("format_version".into(), version);
            }
            None => {
                object.remove("format_version");
            }
        }
        files.push((name, to_bytes(&envelope)));
    }

    {
        let original = "Chỉ đạo thực hiện có hiệu quả, chất lượng";
        assert_eq!(valid.matches(original).count(), 1);
        let changed = valid.replace(original, "Chỉ đạo thực hiện có hiệu quá, chất lượng");
        files.push(("checksum-mismatch.json", changed.into_bytes()));
    }
    {
        let mut envelope = base();
        map_strings(&mut envelope["payload"], &mut |text| {
            *text = text.nfd().collect()
        });
        envelope["exported_by"] = json!(export_info().exported_by.nfd().collect::<String>());
        files.push(("nfd.json", sealed(envelope)));
    }
    {
        let mut envelope = base();
        let mut count = 0;
        map_strings(&mut envelope["payload"], &mut |text| {
            // Human text (not ids, kinds or machine numbers) gets a payload in front.
            if text.contains(' ') || !text.is_ascii() {
                *text = format!("{} {text}", PAYLOADS[count % PAYLOADS.len()]);
                count += 1;
            }
        });
        let plan = plan_of(&mut envelope, 0);
        plan["areas"][0]["id"] = json!("<script>alert('id')</script>");
        plan["place"] = json!("javascript:alert(1)");
        plan["title"] = json!("\"};alert(1);//");
        files.push(("script-payloads.json", sealed(envelope)));
    }
    {
        let mut envelope = base();
        envelope["exported_by"] = json!("ỦY BAN\u{7} NHÂN DÂN XÃ SƠN CHÂU");
        let plan = plan_of(&mut envelope, 0);
        plan["title"] = json!("Thực hiện\u{0} công tác cải cách\u{7} hành chính năm 2022");
        plan["issuing_body"] = json!("ỦY BAN NHÂN DÂN\u{85} XÃ SƠN CHÂU");
        plan["purposes"][0]["text"] = json!("Tăng cường\tsự lãnh đạo\r\ncủa Đảng về CCHC.");
        task_of(plan, 0, 0)["content"] = json!("\u{1b}[31mChỉ đạo thực hiện\u{1b}[0m");
        task_of(plan, 0, 1)["lead_units"] = json!(["Văn phòng\u{7f} xã", "Công an xã"]);
        files.push(("control-chars.json", sealed(envelope)));
    }
    {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(valid.as_bytes());
        files.push(("bom.json", bytes));
    }
    {
        let anchor = "Chỉ đạo thực hiện có hiệu quả";
        let at = valid.find(anchor).expect("task text") + "Chỉ đạo".len();
        let mut bytes = valid.as_bytes()[..at].to_vec();
        bytes.extend_from_slice(b"\xC3\x28\xFF");
        bytes.extend_from_slice(&valid.as_bytes()[at..]);
        files.push(("invalid-utf8.json", bytes));
    }
    files.push(("empty.json", Vec::new()));
    files.push(("whitespace-only.json", b" \n\t\r\n ".to_vec()));
    files.push(("bom-only.json", b"\xEF\xBB\xBF".to_vec()));
    for (name, payload) in [
        ("no-plans.json", json!({"plans": []})),
        ("no-plans-list.json", json!({})),
        (
            "plans-not-objects.json",
            json!({"plans": [null, 1, "kế hoạch", [], true]}),
        ),
    ] {
        let mut envelope = base();
        envelope["payload"] = payload;
        files.push((name, sealed(envelope)));
    }
    {
        let mut envelope = base();
        let plan = plan_of(&mut envelope, 0);
        plan["date"] = json!({"day": 31, "month": 2, "year": 2022});
        plan["legal_bases"][0]["document"] = json!({
            "number": "520/KH-UBND",
            "date": "2021-02-29",
            "issuer": "UBND tỉnh",
            "title": "Cải cách hành chính tỉnh Hà Tĩnh năm 2022"
        });
        task_of(plan, 0, 0)["deadline"] = json!({
            "text": "Trước ngày 30/02/2022",
            "reading": [{"kind": "date", "date": "2022-02-30"}]
        });
        task_of(plan, 0, 1)["deadline"] = json!("Trước ngày 31/02/2022");
        plan["implementation"]["reporting"][0]["data_to"] = json!("2022-02-31");
        files.push(("impossible-dates.json", sealed(envelope)));
    }
    {
        let mut envelope = base();
        let plan = plan_of(&mut envelope, 0);
        task_of(plan, 0, 0)["budget"] = json!({"million_vnd": "-5"});
        task_of(plan, 0, 1)["budget"] = json!(-3);
        plan["appendices"][0]["rows"]["groups"][0]["tasks"][0]["budget"] =
            json!({"million_vnd": "-12.5"});
        files.push(("negative-budget.json", sealed(envelope)));
    }
    {
        let mut envelope = base();
        task_of(plan_of(&mut envelope, 0), 0, 0)["deadline"] = json!({
            "text": "Quý I/2022",
            "reading": [
                {"kind": "quarter", "year": 2022, "quarter": 1},
                {"kind": "fortnight", "year": 2022}
            ]
        });
        files.push(("milestone-unknown-kind.json", sealed(envelope)));
    }
    {
        let mut envelope = base();
        let plan = plan_of(&mut envelope, 0);
        let area = plan["areas"]
            .as_array_mut()
            .expect("areas")
            .iter_mut()
            .find(|area| area.get("sub_areas").is_some())
            .expect("an area with sub-areas");
        area["sub_areas"][0]["sub_areas"] = json!([{
            "id": "long-them",
            "kind": "custom",
            "title": "Tiểu mục lồng thêm",
            "tasks": [{"id": "nv-long", "content": "Nhiệm vụ lồng thêm"}]
        }]);
        let group = plan["appendices"][0]["rows"]["groups"]
            .as_array_mut()
            .expect("groups")
            .iter_mut()
            .find(|group| group.get("sub_groups").is_some())
            .expect("a group with sub-groups");
        group["sub_groups"][0]["sub_groups"] = json!([{
            "title": "Nhóm lồng thêm",
            "tasks": [{"id": "dong-long", "content": "Dòng lồng thêm"}]
        }]);
        files.push(("nested-sub-areas.json", sealed(envelope)));
    }
    files
}

#[test]
#[ignore = "generator, not a check: HOSTILE_REGENERATE=1 cargo test --test hostile_files -- --ignored regenerate_committed_fixtures"]
fn regenerate_committed_fixtures() {
    if std::env::var_os("HOSTILE_REGENERATE").is_none() {
        return;
    }
    let dir = fixtures_dir();
    std::fs::create_dir_all(&dir).expect("create the fixtures folder");
    for (name, bytes) in generate_committed_fixtures() {
        assert!(
            bytes.len() < MAX_FIXTURE_BYTES,
            "{name} is {} bytes",
            bytes.len()
        );
        std::fs::write(dir.join(name), bytes).expect("write a fixture");
    }
}

// ---------------------------------------------------------------------------------------------
// The control case

#[test]
fn valid_base_imports_cleanly() {
    let imported = import_ok(fixture("valid-base.json"));
    assert!(imported.report.is_clean(), "{:?}", lines(&imported));
    assert!(imported.info.checksum_ok);
    assert_eq!(imported.info.format_version, 1);
    assert_eq!(imported.info.exported_by, "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU");
    assert_eq!(imported.plans.len(), 1);
    let plan = &imported.plans[0];
    assert_eq!(plan.id, "sc");
    assert_eq!(plan.year, 2022);
    assert_eq!(plan.areas[1].tasks.len(), 4);
}

// ---------------------------------------------------------------------------------------------
// Not a plan file at all

#[test]
fn truncated_export_is_damaged() {
    let bytes = fixture("truncated.json");
    let last_line = bytes.iter().filter(|&&byte| byte == b'\n').count() + 1;
    match import_err(bytes) {
        ImportError::Damaged { line, column } => {
            assert_eq!(line, last_line);
            assert!(column > 0);
        }
        other => panic!("{other:?}"),
    }
}

/// A `\ud800` escape names half a character, which no text can hold: the file is refused as
/// damaged, at the place of the escape, rather than read with a guess.
#[test]
fn a_lone_surrogate_escape_is_damage_at_its_place() {
    let bytes = fixture("lone-surrogate.json");
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    let line = 1 + text[..text.find("\\ud800").expect("the escape")]
        .matches('\n')
        .count();
    assert_eq!(import_err(bytes), ImportError::Damaged { line, column: 59 });
}

#[test]
fn png_header_is_not_text() {
    assert_eq!(
        import_err(fixture("not-json-png.png")),
        ImportError::NotText
    );
}

#[test]
fn plain_text_is_refused() {
    let error = import_err(fixture("not-json-text.txt"));
    assert!(
        matches!(error, ImportError::NotOurs | ImportError::Damaged { .. }),
        "{error:?}"
    );
}

#[test]
fn plain_text_is_not_ours() {
    assert_eq!(
        import_err(fixture("not-json-text.txt")),
        ImportError::NotOurs
    );
}

#[test]
fn utf16_file_is_not_text() {
    assert_eq!(import_err(fixture("utf16le.json")), ImportError::NotText);
}

#[test]
fn package_json_is_not_ours() {
    assert_eq!(
        import_err(fixture("package-json.json")),
        ImportError::NotOurs
    );
}

#[test]
fn empty_array_is_not_ours() {
    assert_eq!(
        import_err(fixture("empty-array.json")),
        ImportError::NotOurs
    );
}

#[test]
fn other_kind_is_not_ours() {
    assert_eq!(
        import_err(fixture("kind-something-else.json")),
        ImportError::NotOurs
    );
}

#[test]
fn invalid_utf8_is_not_text() {
    assert_eq!(
        import_err(fixture("invalid-utf8.json")),
        ImportError::NotText
    );
}

#[test]
fn empty_file_is_empty() {
    assert_eq!(import_err(fixture("empty.json")), ImportError::Empty);
}

#[test]
fn whitespace_only_file_is_empty() {
    assert_eq!(
        import_err(fixture("whitespace-only.json")),
        ImportError::Empty
    );
}

#[test]
fn bom_only_file_is_empty() {
    assert_eq!(import_err(fixture("bom-only.json")), ImportError::Empty);
}

// ---------------------------------------------------------------------------------------------
// Versions

#[test]
fn future_version_is_newer() {
    let error = import_err(fixture("future-version.json"));
    assert_eq!(
        error,
        ImportError::NewerVersion {
            found: 99,
            supported: CURRENT_VERSION
        }
    );
    assert!(error.to_string().contains("Hãy cập nhật ứng dụng"));
}

#[test]
fn missing_version_is_bad() {
    assert_eq!(
        import_err(fixture("version-missing.json")),
        ImportError::BadVersion
    );
}

#[test]
fn version_as_text_is_bad() {
    assert_eq!(
        import_err(fixture("version-as-text.json")),
        ImportError::BadVersion
    );
}

#[test]
fn version_zero_is_bad() {
    assert_eq!(
        import_err(fixture("version-zero.json")),
        ImportError::BadVersion
    );
}

// ---------------------------------------------------------------------------------------------
// No plans

#[test]
fn empty_plan_list_is_no_plans() {
    assert_eq!(import_err(fixture("no-plans.json")), ImportError::NoPlans);
}

#[test]
fn missing_plan_list_is_no_plans() {
    assert_eq!(
        import_err(fixture("no-plans-list.json")),
        ImportError::NoPlans
    );
}

#[test]
fn plans_that_are_not_objects_are_no_plans() {
    assert_eq!(
        import_err(fixture("plans-not-objects.json")),
        ImportError::NoPlans
    );
}

// ---------------------------------------------------------------------------------------------
// Damaged parts, repaired or skipped and reported

const WRONG_TYPES_REPORT: [&str; 17] = [
    "Kế hoạch 1: Năm kế hoạch «hai nghìn» không phải là số hợp lệ, đã bỏ qua",
    "Kế hoạch 1: thiếu năm kế hoạch, đã lấy năm ban hành 2022",
    "Kế hoạch 1: Cấp «galaxy» không rõ, đã dùng giá trị mặc định",
    "Kế hoạch 1: Hệ thống chính quyền có dạng đúng/sai, đã dùng giá trị mặc định",
    "Kế hoạch 1: Địa phương có dạng chữ thay vì một đối tượng, đã bỏ qua",
    "Kế hoạch 1: Trích yếu là số, đã đổi thành chữ",
    "Kế hoạch 1: Chỉ tiêu có dạng đối tượng thay vì danh sách, đã bỏ qua",
    "Kế hoạch 1: Lĩnh vực có dạng chữ thay vì danh sách, đã bỏ qua",
    "Kế hoạch 1: Nơi nhận có dạng số thay vì danh sách, đã bỏ qua",
    "Kế hoạch 1, Người ký: Người ký có dạng danh sách thay vì một đối tượng, đã bỏ qua",
    "Kế hoạch 2, Lĩnh vực 1, nhiệm vụ a: Cơ quan chủ trì có dạng đối tượng thay vì chữ, đã bỏ qua",
    "Kế hoạch 2, Lĩnh vực 1, nhiệm vụ a: Nhiệm vụ trọng tâm có dạng chữ thay vì đúng/sai, đã dùng giá trị mặc định",
    "Kế hoạch 2, Lĩnh vực 1, nhiệm vụ b: Nhiệm vụ có dạng danh sách thay vì một đối tượng, đã bỏ qua",
    "Kế hoạch 2, Lĩnh vực 1, nhiệm vụ c: kinh phí có dạng danh sách, đã bỏ qua",
    "Kế hoạch 2, Lĩnh vực 1, nhiệm vụ d: Thời gian thực hiện là số, đã đổi thành chữ",
    "Kế hoạch 2, Lĩnh vực 2: Lĩnh vực có dạng số thay vì một đối tượng, đã bỏ qua",
    "Kế hoạch 2, Lĩnh vực 3: Nhiệm vụ có dạng đối tượng thay vì danh sách, đã bỏ qua",
];

#[test]
fn wrong_types_everywhere_are_repaired_or_skipped() {
    let base = base_plan();
    let imported = import_ok(fixture("wrong-types.json"));
    assert!(imported.info.checksum_ok);
    assert_eq!(lines(&imported), WRONG_TYPES_REPORT);
    assert_eq!(imported.plans.len(), 2);

    let first = &imported.plans[0];
    assert_eq!(first.id, "sc");
    assert_eq!(first.title, "2022");
    assert_eq!(first.year, 2022, "the year is taken from the date of issue");
    assert_eq!(first.level, kehoach::domain::Level::Commune);
    assert_eq!(first.locality, Default::default());
    assert!(first.areas.is_empty());
    assert!(first.targets.is_empty());
    assert!(first.recipients.is_empty());
    assert_eq!(first.signer, Default::default());
    assert_eq!(first.purposes, base.purposes, "the other parts are kept");
    assert_eq!(first.appendices, base.appendices);

    let second = &imported.plans[1];
    assert_eq!(second.id, "sc-2");
    assert_eq!(second.areas.len(), base.areas.len() - 1);
    let area = &second.areas[0];
    let ids: Vec<&str> = area.tasks.iter().map(|task| task.id.as_str()).collect();
    let base_ids: Vec<&str> = base.areas[0].tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, [base_ids[0], base_ids[2], base_ids[3]]);
    assert!(area.tasks[0].lead_units.is_empty());
    assert!(!area.tasks[0].key_task);
    assert_eq!(area.tasks[0].content, base.areas[0].tasks[0].content);
    assert_eq!(area.tasks[1].budget, Budget::None);
    assert_eq!(area.tasks[2].deadline.text, "2022");
    assert_eq!(second.areas[1].id, base.areas[2].id);
    assert!(second.areas[1].tasks.is_empty());
    assert_eq!(second.areas[1].title, base.areas[2].title);
}

#[test]
fn budget_abc_in_area_2_task_d_is_kept_as_a_note() {
    let imported = import_ok(fixture("budget-abc.json"));
    assert_eq!(
        lines(&imported),
        ["Lĩnh vực 2, nhiệm vụ d: kinh phí «abc» không phải là số, đã giữ làm ghi chú"]
    );
    assert_eq!(imported.report.problems[0].outcome, Outcome::Repaired);
    assert_eq!(
        imported.plans[0].areas[1].tasks[3].budget,
        Budget::Note("abc".into())
    );
}

#[test]
fn budget_abc_as_bare_text_keeps_the_text() {
    let imported = import_ok(fixture("budget-abc-bare-text.json"));
    let tasks = &imported.plans[0].areas[1].tasks;
    assert_eq!(tasks[3].budget, Budget::Note("abc".into()));
    assert_eq!(tasks[2].budget, Budget::Note("-7".into()));
}

#[test]
fn budget_in_words_is_a_note_but_a_bare_unreadable_number_is_reported() {
    // "Theo dự trù kinh phí riêng" in a budget cell is a real note and deserves no report;
    // "-7" was meant as an amount and could not be one.
    let imported = import_ok(fixture("budget-abc-bare-text.json"));
    let report = lines(&imported);
    assert_eq!(
        report,
        ["Lĩnh vực 2, nhiệm vụ c: kinh phí «-7» không phải là số hợp lệ, đã giữ làm ghi chú"]
    );
}

#[test]
fn negative_budget_is_kept_as_a_note_and_reported() {
    let imported = import_ok(fixture("negative-budget.json"));
    assert_eq!(
        lines(&imported),
        [
            "Lĩnh vực 1, nhiệm vụ a: kinh phí «-5» là số âm, đã giữ làm ghi chú",
            "Lĩnh vực 1, nhiệm vụ b: kinh phí «-3» là số âm, đã giữ làm ghi chú",
            "Phụ lục 1, nhóm I, dòng 1: kinh phí «-12.5» là số âm, đã giữ làm ghi chú",
        ]
    );
    let plan = &imported.plans[0];
    assert_eq!(plan.areas[0].tasks[0].budget, Budget::Note("-5".into()));
    assert_eq!(plan.areas[0].tasks[1].budget, Budget::Note("-3".into()));
    let kehoach::domain::AppendixRows::Own { groups } = &plan.appendices[0].rows else {
        panic!("own rows");
    };
    assert_eq!(groups[0].tasks[0].budget, Budget::Note("-12,5".into()));
    // The budgets that were right stay right.
    let amounts: Vec<Decimal> = groups
        .iter()
        .flat_map(|group| {
            group
                .tasks
                .iter()
                .chain(group.sub_groups.iter().flat_map(|sub| sub.tasks.iter()))
        })
        .filter_map(|task| task.budget.amount())
        .collect();
    assert_eq!(
        amounts,
        [
            Decimal::from_int(10),
            Decimal::from_int(150),
            Decimal::from_int(40)
        ]
    );
}

#[test]
fn duplicate_task_ids_are_renamed() {
    let base = base_plan();
    let imported = import_ok(fixture("duplicate-task-ids.json"));
    let id = &base.areas[1].tasks[0].id;
    assert_eq!(
        lines(&imported),
        [format!(
            "Lĩnh vực 2, nhiệm vụ b: mã «{id}» bị trùng, đã đổi thành «{id}-2»"
        )]
    );
    let tasks = &imported.plans[0].areas[1].tasks;
    assert_eq!(&tasks[0].id, id);
    assert_eq!(tasks[1].id, format!("{id}-2"));
    assert_eq!(tasks[1].content, base.areas[1].tasks[1].content);
}

#[test]
fn duplicate_plan_ids_in_a_bundle_are_renamed() {
    let base = base_plan();
    let imported = import_ok(fixture("duplicate-plan-ids.json"));
    assert_eq!(
        lines(&imported),
        ["Kế hoạch 2: mã kế hoạch «sc» trùng với kế hoạch khác trong tệp, đã đổi thành «sc-2»"]
    );
    assert_eq!(imported.plans.len(), 2);
    assert_eq!(imported.plans[0].id, "sc");
    assert_eq!(imported.plans[0].areas, base.areas);
    assert_eq!(imported.plans[1].id, "sc-2");
    let mut second = imported.plans[1].clone();
    second.id = "sc".into();
    assert_eq!(second, imported.plans[0], "nothing but the id differs");
}

#[test]
fn duplicate_plan_ids_renamed_onto_an_existing_id() {
    let imported = import_ok(fixture("duplicate-plan-ids-collision.json"));
    let ids: Vec<&str> = imported.plans.iter().map(|plan| plan.id.as_str()).collect();
    let distinct: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(distinct.len(), 3, "ids {ids:?}");
    assert_eq!(imported.report.problems.len(), 1, "{:?}", lines(&imported));
}

#[test]
fn checksum_mismatch_imports_with_the_warning_first() {
    let base = base_plan();
    let imported = import_ok(fixture("checksum-mismatch.json"));
    assert!(!imported.info.checksum_ok);
    assert_eq!(lines(&imported), [CHECKSUM_WARNING]);
    assert_eq!(imported.report.problems[0].outcome, Outcome::Warning);
    assert_eq!(imported.report.problems[0].location, "");
    let content = &imported.plans[0].areas[0].tasks[0].content;
    assert!(content.starts_with("Chỉ đạo thực hiện có hiệu quá, chất lượng"));
    assert_eq!(
        content.replacen("hiệu quá", "hiệu quả", 1),
        base.areas[0].tasks[0].content
    );
}

#[test]
fn nfd_text_is_recomposed_silently() {
    let base = base_plan();
    let file = fixture("nfd.json");
    let text = String::from_utf8(file.clone()).expect("utf-8");
    assert!(!unicode_normalization::is_nfc(&text), "the file is NFD");
    let imported = import_ok(file);
    assert!(imported.report.is_clean(), "{:?}", lines(&imported));
    assert!(imported.info.checksum_ok);
    assert_eq!(imported.info.exported_by, "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU");
    assert_eq!(imported.plans, [base]);
}

#[test]
fn script_payloads_are_kept_verbatim_as_text() {
    let file = fixture("script-payloads.json");
    let envelope: Value = serde_json::from_slice(&file).expect("json");
    let imported = import_ok(file);
    assert!(imported.report.is_clean(), "{:?}", lines(&imported));
    assert!(imported.info.checksum_ok);
    let plan = &imported.plans[0];
    assert_eq!(plan.title, "\"};alert(1);//");
    assert_eq!(plan.place, "javascript:alert(1)");
    assert_eq!(plan.areas[0].id, "<script>alert('id')</script>");
    // Every field, written back, is exactly what the file holds.
    let written = serde_json::to_value(plan).expect("serialise plan");
    assert_eq!(written, envelope["payload"]["plans"][0]);
    let mut seen = [false; PAYLOADS.len()];
    map_strings(&mut written.clone(), &mut |text| {
        for (index, payload) in PAYLOADS.iter().enumerate() {
            seen[index] |= text.contains(payload);
        }
    });
    assert_eq!(seen, [true; PAYLOADS.len()]);
}

#[test]
fn noncharacters_and_an_open_bidi_override_are_removed_and_reported() {
    let imported = import_ok(fixture("hostile-text.json"));
    assert!(imported.info.checksum_ok);
    assert_eq!(lines(&imported), HOSTILE_TEXT_REPORT);
    assert_eq!(imported.info.exported_by, "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU");
    let plan = &imported.plans[0];
    assert_eq!(plan.issuing_body, "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU");
    assert_eq!(
        plan.areas[0].tasks[0].content,
        "Chỉ đạo thực hiện có hiệu quả các nhiệm vụ CCHC"
    );
    // A pair that closes on its line is the writer's own business, and stays.
    assert_eq!(
        plan.areas[0].tasks[1].content,
        "Ban hành văn bản \u{2067}kept\u{2069} năm 2022"
    );
    // What only a spreadsheet would misread, and a very long word, are ordinary text here.
    let envelope = fixture_json("hostile-text.json");
    assert_eq!(
        serde_json::to_value(&plan.appendices).expect("appendices"),
        envelope["payload"]["plans"][0]["appendices"]
    );
    assert!(plan.title.chars().count() > 420);
}

#[test]
fn control_characters_are_removed_and_reported() {
    let base = base_plan();
    let imported = import_ok(fixture("control-chars.json"));
    assert_eq!(
        lines(&imported),
        [
            "Cơ quan ban hành có ký tự điều khiển, đã bỏ đi",
            "Trích yếu có ký tự điều khiển, đã bỏ đi",
            "Lĩnh vực 1, nhiệm vụ a: Nội dung có ký tự điều khiển, đã bỏ đi",
            "Lĩnh vực 1, nhiệm vụ b: Cơ quan chủ trì có ký tự điều khiển, đã bỏ đi",
        ]
    );
    assert!(
        imported
            .report
            .problems
            .iter()
            .all(|problem| problem.outcome == Outcome::Repaired)
    );
    assert_eq!(imported.info.exported_by, "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU");
    let plan = &imported.plans[0];
    assert_eq!(
        plan.title,
        "Thực hiện công tác cải cách hành chính năm 2022"
    );
    assert_eq!(plan.issuing_body, "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU");
    assert_eq!(
        plan.purposes[0].text,
        "Tăng cường\tsự lãnh đạo\ncủa Đảng về CCHC."
    );
    assert_eq!(plan.areas[0].tasks[0].content, "[31mChỉ đạo thực hiện[0m");
    assert_eq!(
        plan.areas[0].tasks[1].lead_units,
        ["Văn phòng xã", "Công an xã"]
    );
    assert_eq!(plan.areas[1..], base.areas[1..]);
}

#[test]
fn bom_before_a_valid_file_imports_cleanly() {
    let base = base_plan();
    let imported = import_ok(fixture("bom.json"));
    assert!(imported.report.is_clean(), "{:?}", lines(&imported));
    assert!(imported.info.checksum_ok);
    assert_eq!(imported.plans, [base]);
}

#[test]
fn impossible_dates_are_dropped_and_reported() {
    let base = base_plan();
    let imported = import_ok(fixture("impossible-dates.json"));
    assert_eq!(
        lines(&imported),
        [
            "Ngày ban hành 31/2/2022 không có trên lịch, đã bỏ ngày",
            "Căn cứ 1: Ngày văn bản «2021-02-29» không đọc được, đã bỏ qua",
            "Lĩnh vực 1, nhiệm vụ a, mốc 1: Ngày «2022-02-30» không phải là ngày, đã bỏ qua",
            "Lĩnh vực 1, nhiệm vụ a, mốc 1: mốc thời hạn «{\"date\":\"2022-02-30\",\"kind\":\"date\"}» không đọc được, đã bỏ qua",
            "Tổ chức thực hiện, kỳ báo cáo 1: Ngày chốt số liệu «2022-02-31» không phải là ngày, đã bỏ qua",
        ]
    );
    let plan = &imported.plans[0];
    assert_eq!(
        plan.date,
        kehoach::domain::PartialDate {
            day: None,
            month: Some(2),
            year: Some(2022)
        }
    );
    assert_eq!(plan.year, 2022);
    let document = plan.legal_bases[0].document.as_ref().expect("document");
    assert_eq!(document.number, "520/KH-UBND");
    assert_eq!(document.date, Default::default());
    assert_eq!(plan.legal_bases[0].text, base.legal_bases[0].text);
    let deadline = &plan.areas[0].tasks[0].deadline;
    assert_eq!(deadline.text, "Trước ngày 30/02/2022");
    assert!(deadline.reading.is_empty() && deadline.reading_overridden);
    let deadline = &plan.areas[0].tasks[1].deadline;
    assert_eq!(deadline.text, "Trước ngày 31/02/2022");
    assert!(
        !deadline
            .reading
            .iter()
            .any(|milestone| matches!(milestone, Milestone::Date { .. })),
        "{:?}",
        deadline.reading
    );
    let reporting = &plan.implementation.reporting[0];
    assert_eq!(reporting.data_to, None);
    assert_eq!(
        reporting.data_from,
        base.implementation.reporting[0].data_from
    );
}

#[test]
fn milestone_with_unknown_kind_is_skipped() {
    let imported = import_ok(fixture("milestone-unknown-kind.json"));
    assert_eq!(
        lines(&imported),
        [
            "Lĩnh vực 1, nhiệm vụ a, mốc 2: mốc thời hạn «{\"kind\":\"fortnight\",\"year\":2022}» không đọc được, đã bỏ qua"
        ]
    );
    let deadline = &imported.plans[0].areas[0].tasks[0].deadline;
    assert_eq!(deadline.text, "Quý I/2022");
    assert_eq!(
        deadline.reading,
        [Milestone::Quarter {
            year: 2022,
            quarter: 1
        }]
    );
    assert!(deadline.reading_overridden);
}

#[test]
fn sub_areas_nested_in_a_sub_area_are_dropped_and_reported() {
    let base = base_plan();
    let area_number = base
        .areas
        .iter()
        .position(|area| !area.sub_areas.is_empty())
        .expect("an area with sub-areas")
        + 1;
    let imported = import_ok(fixture("nested-sub-areas.json"));
    assert_eq!(
        lines(&imported),
        [
            format!(
                "Lĩnh vực {area_number}, mục 1: tiểu lĩnh vực không được có tiểu lĩnh vực con, đã bỏ qua phần lồng thêm"
            ),
            "Phụ lục 1, nhóm VII, nhóm A: nhóm con không được có nhóm con, đã bỏ qua phần lồng thêm"
                .to_string(),
        ]
    );
    assert_eq!(imported.plans, [base]);
}

// ---------------------------------------------------------------------------------------------
// Generated at test time: too big, too many, too deep

#[test]
fn text_of_200000_characters_is_cut() {
    let long: String = "Nội dung rất dài. ".chars().cycle().take(200_000).collect();
    let mut envelope = base_envelope();
    task_of(plan_of(&mut envelope, 0), 0, 0)["content"] = json!(long);
    seal(&mut envelope);
    let imported = import_ok(to_bytes(&envelope));
    assert_eq!(
        lines(&imported),
        ["Lĩnh vực 1, nhiệm vụ a: Nội dung dài quá 100.000 ký tự, đã cắt bớt phần sau"]
    );
    let content = &imported.plans[0].areas[0].tasks[0].content;
    assert_eq!(content.chars().count(), MAX_TEXT_CHARS);
    assert!(long.starts_with(content.as_str()));
}

#[test]
fn list_of_6000_tasks_is_capped() {
    let base = base_plan();
    let mut envelope = base_envelope();
    let tasks: Vec<Value> = (0..6_000)
        .map(|i| json!({"id": format!("t{i}"), "content": format!("Nhiệm vụ số {i}")}))
        .collect();
    plan_of(&mut envelope, 0)["areas"][0]["tasks"] = Value::Array(tasks);
    seal(&mut envelope);
    let imported = import_ok(to_bytes(&envelope));
    assert_eq!(
        lines(&imported),
        ["Lĩnh vực 1: Nhiệm vụ có 6.000 mục, quá giới hạn 5.000; chỉ đọc 5.000 mục đầu"]
    );
    let plan = &imported.plans[0];
    assert_eq!(plan.areas[0].tasks.len(), MAX_LIST_ITEMS);
    assert_eq!(plan.areas[0].tasks[4_999].id, "t4999");
    assert_eq!(plan.areas[0].tasks[4_999].content, "Nhiệm vụ số 4999");
    assert_eq!(plan.areas[1..], base.areas[1..]);
}

#[test]
fn flood_of_problems_is_capped_at_1000_lines() {
    let mut envelope = base_envelope();
    let tasks: Vec<Value> = (0..5_000)
        .map(|i| json!({"id": format!("t{i}"), "content": "x", "budget": []}))
        .collect();
    plan_of(&mut envelope, 0)["areas"][0]["tasks"] = Value::Array(tasks);
    seal(&mut envelope);
    let imported = import_ok(to_bytes(&envelope));
    let report = lines(&imported);
    assert_eq!(report.len(), 1_001);
    assert_eq!(
        report[0],
        "Lĩnh vực 1, nhiệm vụ a: kinh phí có dạng danh sách, đã bỏ qua"
    );
    assert_eq!(report[1_000], "Còn nhiều lỗi khác không được liệt kê.");
    assert_eq!(imported.plans[0].areas[0].tasks.len(), 5_000);
}

fn deeply_nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn nesting_10000_deep_in_the_payload_is_too_deep() {
    let file = format!(
        r#"{{"kind":"ke-hoach-cchc","format_version":1,"payload":{{"plans":[{{"id":"x","year":2022,"title":{}}}]}}}}"#,
        deeply_nested(10_000)
    );
    assert_eq!(import_err(file.into_bytes()), ImportError::TooDeep);
}

#[test]
fn nesting_10000_deep_objects_unclosed_is_too_deep() {
    let file = format!(
        r#"{{"kind":"ke-hoach-cchc","format_version":1,"payload":{}"#,
        r#"{"a":"#.repeat(10_000)
    );
    assert_eq!(import_err(file.into_bytes()), ImportError::TooDeep);
}

#[test]
fn nesting_10000_deep_at_the_top_is_not_ours() {
    // A list at the top is not one of our files; it is refused before any parsing.
    assert_eq!(
        import_err(deeply_nested(10_000).into_bytes()),
        ImportError::NotOurs
    );
}

#[test]
fn file_just_over_the_limit_is_too_large_without_decoding() {
    // Not even UTF-8: a size check that came after decoding would say NotText.
    let mut bytes = vec![b' '; MAX_FILE_BYTES + 1];
    bytes[0] = 0xff;
    let error = import_err(bytes);
    assert_eq!(
        error,
        ImportError::TooLarge {
            size_mb: 33,
            limit_mb: 32
        }
    );
    assert_eq!(
        error.to_string(),
        "Tệp quá lớn (33 MB); chỉ nhận tệp đến 32 MB."
    );
}

#[test]
fn file_of_exactly_the_limit_is_read() {
    let base = base_plan();
    let mut bytes = fixture("valid-base.json");
    bytes.resize(MAX_FILE_BYTES, b' ');
    // 32 MB through the unoptimised test build: about 3 s alone on a 2-core machine, of which
    // 2.4 s is `text.trim()` in import_file walking the trailing spaces; more under a parallel
    // test run. A hang or a quadratic path would still blow this bound.
    let imported = match import_within(bytes, 4 * TIME_LIMIT) {
        Ok(imported) => imported,
        Err(error) => panic!("{error:?}"),
    };
    assert!(imported.report.is_clean(), "{:?}", lines(&imported));
    assert_eq!(imported.plans, [base]);
}

#[test]
fn bundle_of_2500_plans_is_capped() {
    let mut envelope = base_envelope();
    let plans: Vec<Value> = (0..2_500)
        .map(|i| json!({"id": format!("p{i}"), "year": 2022, "title": format!("Kế hoạch {i}")}))
        .collect();
    envelope["scope"] = json!("bundle");
    envelope["payload"] = json!({ "plans": plans });
    seal(&mut envelope);
    let imported = import_ok(to_bytes(&envelope));
    assert_eq!(
        lines(&imported),
        ["Tệp có 2.500 kế hoạch, chỉ đọc 2.000 kế hoạch đầu."]
    );
    assert_eq!(imported.plans.len(), MAX_PLANS);
    assert_eq!(imported.plans[MAX_PLANS - 1].id, "p1999");
    assert_eq!(imported.plans[MAX_PLANS - 1].title, "Kế hoạch 1999");
}

#[test]
fn deadline_text_of_100000_characters_is_read_quickly() {
    let long: String = "Quý I/2022, tháng 5/2022 và định kỳ hàng tháng; "
        .chars()
        .cycle()
        .take(MAX_TEXT_CHARS)
        .collect();
    let mut envelope = base_envelope();
    task_of(plan_of(&mut envelope, 0), 0, 0)["deadline"] = json!(long);
    seal(&mut envelope);
    let imported = import_ok(to_bytes(&envelope));
    assert!(imported.report.is_clean(), "{:?}", lines(&imported));
    let deadline = &imported.plans[0].areas[0].tasks[0].deadline;
    assert_eq!(deadline.text, long);
    assert!(!deadline.reading.is_empty());
}

fn tasks_of_one_id(areas: usize) -> Vec<u8> {
    let mut envelope = base_envelope();
    let tasks: Vec<Value> = (0..MAX_LIST_ITEMS).map(|_| json!({"id": "x"})).collect();
    let area = json!({"id": "", "title": "Lĩnh vực", "tasks": tasks});
    plan_of(&mut envelope, 0)["areas"] = Value::Array(vec![area; areas]);
    seal(&mut envelope);
    to_bytes(&envelope)
}

fn assert_ids_distinct(imported: &Imported, expected_tasks: usize) {
    let ids: std::collections::HashSet<&str> = imported.plans[0]
        .areas
        .iter()
        .flat_map(|area| area.tasks.iter())
        .map(|task| task.id.as_str())
        .collect();
    assert_eq!(ids.len(), expected_tasks);
}

#[test]
fn five_thousand_tasks_of_one_id_are_renamed_quickly() {
    let imported = import_ok(tasks_of_one_id(1));
    let report = lines(&imported);
    assert_eq!(
        report[0],
        "Lĩnh vực 1, nhiệm vụ b: mã «x» bị trùng, đã đổi thành «x-2»"
    );
    assert_eq!(report.len(), 1_001);
    assert_ids_distinct(&imported, MAX_LIST_ITEMS);
}

#[test]
fn hundred_thousand_tasks_of_one_id_import_quickly() {
    // 6 MB and 100,000 tasks: the unoptimised test build reads them far slower than the app's
    // release build, so the bound is wider than TIME_LIMIT. A quadratic renaming took an hour.
    let started = Instant::now();
    let imported = import_within(tasks_of_one_id(20), Duration::from_secs(60)).expect("imports");
    eprintln!("100,000 tasks of one id: {:?}", started.elapsed());
    assert_ids_distinct(&imported, 20 * MAX_LIST_ITEMS);
}

#[test]
fn empty_items_that_would_expand_past_the_file_limit_are_refused() {
    // Found by fuzzing: 478 KB of "{}" appendices read as plans whose export was 37 MB, more
    // than an import accepts, so a backup of them could never be restored.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions/export-exceeds-size-limit.bin");
    let bytes = std::fs::read(path).expect("regression input");
    assert_eq!(
        import_within(bytes, Duration::from_secs(30)).expect_err("refused"),
        ImportError::ExpandsTooMuch { limit_mb: 32 }
    );
}
