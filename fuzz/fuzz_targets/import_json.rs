//! Structure-aware fuzzing of the tolerant plan reader. The input bytes do not go to the JSON
//! parser: they drive `arbitrary::Unstructured` to build a plan as a `serde_json::Value`,
//! either by mutating one of the real plans in fuzz/bases/ (a few edits at random places) or
//! by generating one from the reader's own field names and Vietnamese deadline / amount
//! words. One to three such plans are wrapped in a valid envelope
//! `{"kind":"ke-hoach-cchc","format_version":2,"payload":{"plans":[...]}}` (now and then of
//! format 1, through the migration), or one or two such plans are each wrapped in a period
//! report (`{"plan", "period", "data_period", "report", "progress"}`, the report's parts and
//! progress from fuzz/bases/report.json, mutated too) in `{"payload":{"reports":[...]}}`, so
//! every input gets past the parser and the envelope checks. Checked: `restore_plan`,
//! `restore_tracking` and `import_file` never panic, and an accepted file survives export +
//! import unchanged.
#![no_main]

use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Number, Value, json};

mod common;

/// Built files larger than this are not imported (see the fuzz target below).
const MAX_BUILT_BYTES: usize = 2 * 1024 * 1024;

const BASE_TEXTS: [&str; 4] = [
    include_str!("../bases/tinh-minh-commune-2024.json"),
    include_str!("../bases/son-chau-commune-2022.json"),
    include_str!("../bases/son-tay-district-2023.json"),
    include_str!("../bases/hoang-hoa-district-2023.json"),
];

/// The report's own parts and progress of Tịnh Minh's 2024 plan: `{"report", "progress"}`.
const REPORT_BASE: &str = include_str!("../bases/report.json");

fn report_base() -> &'static Value {
    static BASE: OnceLock<Value> = OnceLock::new();
    BASE.get_or_init(|| serde_json::from_str(REPORT_BASE).expect("fuzz/bases/report.json is JSON"))
}

/// The report periods' names in the file, and the month each is cut off in.
const PERIODS: [(&str, u32); 4] =
    [("first_quarter", 3), ("six_months", 6), ("nine_months", 9), ("year", 12)];

fn bases() -> &'static [Value] {
    static BASES: OnceLock<Vec<Value>> = OnceLock::new();
    BASES.get_or_init(|| {
        BASE_TEXTS
            .iter()
            .map(|text| serde_json::from_str(text).expect("fuzz/bases/*.json is JSON"))
            .collect()
    })
}

/// Every key the reader looks for (current names and older aliases).
const KEYS: &[&str] = &[
    "after", "amount", "appendices", "area_ids", "areas", "articles", "at_least",
    "attachment_line", "authority", "budget", "budget_column", "can_cu", "cap", "chi_tieu",
    "closing", "co_quan_ban_hanh", "co_quan_chu_tri", "co_quan_phoi_hop", "column_labels",
    "columns", "content", "data_from", "data_period", "data_to", "date", "day", "deadline",
    "dia_danh", "document", "due", "due_date", "duties", "era", "every", "executor",
    "extra_sections", "figure", "form", "funding", "group", "groups", "half", "heading",
    "headings", "id", "implementation", "intro", "issuer", "issuing_body", "key_task", "kind",
    "kinh_phi", "label", "landscape", "lead", "lead_units", "legal_bases", "level", "linh_vuc",
    "locality", "million_vnd", "month", "muc_dich", "nam", "name", "ngay", "nhiem_vu",
    "noi_dung", "noi_nhan", "note", "number", "numbering", "on_behalf_of", "other_roles",
    "output", "outputs", "paragraphs", "partner", "partner_units", "partners", "phu_luc",
    "place", "proposal", "purposes", "purposes_and_requirements", "quarter", "reading",
    "recipients", "reporting", "reporting_notes", "requirements", "responsibilities", "rows",
    "san_pham", "signer", "so_ky_hieu", "sub_areas", "sub_groups", "sub_items", "subject",
    "superior_body", "symbol", "targets", "task", "task_labels", "tasks", "text", "thoi_gian",
    "title", "trich_yeu", "trong_tam", "unit", "units", "value", "year", "yeu_cau",
    // A period report's entry, its parts, progress and figures.
    "plan", "period", "from", "cut_off", "report", "progress", "status", "reason",
    "completed_on", "result", "evidence", "summary", "direction", "assessment", "next_tasks",
    "proposals", "figures", "closed", "reports", "plans", "procedures_published",
    "dossiers_in_person", "dossiers_online", "dossiers_by_post", "resolved_on_time",
    "resolved_late", "apology_letters", "dossiers_digitised", "feedback_received",
    "feedback_handled", "satisfaction_rate",
];

/// Values the reader recognises, deadline phrases for the deadline parser, amounts in both
/// notations, and text that needs cleaning (NFD, control characters, CR LF).
const WORDS: &[&str] = &[
    "commune", "district", "province", "two_level", "three_level", "xa", "phuong", "thi_tran",
    "dac_khu", "huyen", "thi_xa", "thanh_pho", "quan", "tinh", "standalone", "decision",
    "direction", "institutions", "procedures", "organisation", "civil_service",
    "public_finance", "digital_government", "custom", "direct", "on_behalf", "deputy", "acting",
    "by_order", "by_authorisation", "key_tasks", "own", "lead_and_partner", "executor", "run_on",
    "restart_per_group", "legal_bases", "requirements", "targets", "areas", "funding",
    "implementation", "date", "month", "quarter", "half_year", "year", "recurring", "ongoing",
    "no_fixed_date", "weekly", "monthly", "quarterly", "half_yearly", "yearly", "none", "true",
    "false", "2024-02-29", "2023-02-29", "2024-13-01", "+002024-01-01", "Quý I/2024",
    "Quý I, II, III/2022", "quý V/2024", "Tháng 12 năm 2024.", "tháng 3-4/2024", "tháng 13/2024",
    "Trước 15/11/2023", "trước 31/02", "15.3.24", "15/3/24", "6 tháng đầu/cuối năm",
    "3 tháng/lần", "N tháng một lần", "Thường xuyên", "hằng quý", "định kỳ hàng quý",
    "nửa cuối năm 2023", "Trong năm", "năm nay", "Đột xuất", "Ðột xuất", "Khi có QĐ của huyện",
    "ngày 15/3", "từ tháng 1 đến tháng 12/2024", "Quý IV/ 2023", "năm 1989", "- 2024", "/", "/2024",
    "1.500,25", "3.773", "1,5", "-0", "0.0000001", "9999999999999999", "99999999999999999",
    "1 000 000", "−5", "1e5", "06/KH-UBND", "KH-UBND", "a", "a-2", "linh-vuc-1", "nhiem-vu-1",
    "phu-luc-1", "dong-1", "ke-hoach-1", "e\u{301}", "e\u{1}\u{301}", "\u{1}", "\r\n", "\r",
    "\u{85}", "\u{200b}", "\u{feff}", "Ỏ\u{323}", "ủy ban nhân dân", "ỦY BAN NHÂN DÂN XÃ",
    "", " ", "\t",
    "first_quarter", "six_months", "nine_months", "year", "quy_5", "not_started",
    "in_progress", "done_on_time", "done_late", "not_carried_out", "2023-12-15", "2024-03-14",
    "2024-06-14", "2025-03-14", "2024-03-15", "98.5", "100", "100.000001", "1.5", "-1", "0",
    "1e5", "BC-UBND",
];

fn word(u: &mut Unstructured) -> Result<String> {
    Ok((*u.choose(WORDS)?).to_string())
}

fn string(u: &mut Unstructured) -> Result<String> {
    Ok(match u.choose_index(64)? {
        0..=31 => word(u)?,
        32..=45 => u.arbitrary::<String>()?,
        46..=54 => format!("{}{}", word(u)?, word(u)?),
        55..=62 => format!("{} {}", word(u)?, u.arbitrary::<String>()?),
        // Long text around the 100 000 character cap, sometimes ending in a combining mark
        // (rare: it is slow).
        _ => {
            let length = 99_990 + u.choose_index(20)?;
            let mut text = "ệ".repeat(length);
            if u.arbitrary()? {
                text.push('\u{301}');
            }
            text
        }
    })
}

fn number(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.choose_index(6)? {
        0 => json!(u.int_in_range(-3i64..=2300)?),
        1 => json!(u.arbitrary::<i64>()?),
        2 => json!(u.arbitrary::<u64>()?),
        3 => Number::from_f64(u.arbitrary::<f64>()?).map_or(Value::Null, Value::Number),
        4 => json!(*u.choose(&[0.5, 1e21, -1e-7, 1.0, 2024.0, 1e300, 0.1234567])?),
        _ => json!(*u.choose(&[1900, 2200, 2201, 1899, 0, 13, 32, 5000, 5001, 100_000])?),
    })
}

fn key(u: &mut Unstructured) -> Result<String> {
    if u.ratio(1, 16)? {
        u.arbitrary()
    } else {
        Ok((*u.choose(KEYS)?).to_string())
    }
}

fn generate(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let leaf_only = depth == 0 || u.is_empty();
    let choice = if leaf_only { u.choose_index(4)? } else { u.choose_index(8)? };
    Ok(match choice {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => number(u)?,
        3 | 4 => Value::String(string(u)?),
        5 | 6 => {
            let mut object = Map::new();
            for _ in 0..u.choose_index(7)? {
                object.insert(key(u)?, generate(u, depth - 1)?);
            }
            Value::Object(object)
        }
        _ => {
            let mut items = Vec::new();
            for _ in 0..u.choose_index(5)? {
                let item = generate(u, depth - 1)?;
                // Repeats make duplicate ids and long lists cheaply; only of small items, so
                // that nested repeats cannot multiply into millions of nodes.
                let copies = if depth <= 2 && u.ratio(1, 8)? {
                    u.choose_index(64)? + 1
                } else {
                    1
                };
                items.extend(std::iter::repeat_n(item, copies));
            }
            Value::Array(items)
        }
    })
}

/// Walks down from `node` to a random place and edits it.
fn mutate(u: &mut Unstructured, node: &mut Value) -> Result<()> {
    let children = match node {
        Value::Object(object) => object.len(),
        Value::Array(items) => items.len(),
        _ => 0,
    };
    if children > 0 && !u.ratio(1, 4)? {
        let index = u.choose_index(children)?;
        let child = match node {
            Value::Object(object) => object.values_mut().nth(index),
            Value::Array(items) => items.get_mut(index),
            _ => None,
        };
        if let Some(child) = child {
            return mutate(u, child);
        }
    }
    match u.choose_index(7)? {
        0 => *node = generate(u, 4)?,
        1 => *node = Value::String(string(u)?),
        2 => *node = number(u)?,
        3 => match node {
            Value::Object(object) => {
                object.insert(key(u)?, generate(u, 4)?);
            }
            Value::Array(items) => items.push(generate(u, 4)?),
            _ => *node = Value::Null,
        },
        4 => match node {
            Value::Object(object) if !object.is_empty() => {
                let index = u.choose_index(object.len())?;
                let name = object.keys().nth(index).cloned().unwrap_or_default();
                object.remove(&name);
            }
            Value::Array(items) if !items.is_empty() => {
                let index = u.choose_index(items.len())?;
                items.remove(index);
            }
            _ => *node = Value::Array(vec![node.clone()]),
        },
        5 => match node {
            // Duplicate an item many times (duplicate ids, caps on list lengths).
            Value::Array(items) if !items.is_empty() => {
                let index = u.choose_index(items.len())?;
                let copies = *u.choose(&[1, 1, 2, 2, 3, 10, 10, 100, 1000, 5001])?;
                let item = items[index].clone();
                items.extend(std::iter::repeat_n(item, copies));
            }
            // Move a value under another (possibly aliased) key.
            Value::Object(object) if !object.is_empty() => {
                let index = u.choose_index(object.len())?;
                let value = object.values().nth(index).cloned().unwrap_or_default();
                object.insert(key(u)?, value);
            }
            _ => *node = Value::String(word(u)?),
        },
        _ => {
            // Wrap the node: a text becomes a list of one, an object gets nested.
            let inner = std::mem::take(node);
            *node = if u.arbitrary()? {
                Value::Array(vec![inner])
            } else {
                json!({ key(u)?: inner })
            };
        }
    }
    Ok(())
}

fn plan(u: &mut Unstructured) -> Result<Value> {
    let bases = bases();
    let pick = u.choose_index(bases.len() + 1)?;
    let mut plan = match bases.get(pick) {
        Some(base) => base.clone(),
        None => {
            let mut object = Map::new();
            for _ in 0..u.choose_index(12)? {
                object.insert(key(u)?, generate(u, 6)?);
            }
            Value::Object(object)
        }
    };
    for _ in 0..u.choose_index(9)? {
        mutate(u, &mut plan)?;
    }
    Ok(plan)
}

/// One plan wrapped in a period report: a period (now and then an unknown one), the data period
/// the guidance gives it in the plan's year, and the base's parts and progress, then mutated
/// anywhere.
fn report_entry(u: &mut Unstructured) -> Result<Value> {
    let plan = plan(u)?;
    let year = plan.get("year").and_then(Value::as_i64).unwrap_or(2024);
    let (period, month) = *u.choose(&PERIODS)?;
    // Empty input (zero bytes) picks the first and most usual choices throughout.
    let period = if u.ratio(15, 16)? { period.to_string() } else { word(u)? };
    let base = report_base();
    let mut entry = json!({
        "plan": plan,
        "period": period,
        "data_period": {
            "from": format!("{}-12-15", year - 1),
            "cut_off": format!("{year}-{month:02}-14"),
        },
        "report": base["report"],
        "progress": base["progress"],
    });
    for _ in 0..u.choose_index(9)? {
        mutate(u, &mut entry)?;
    }
    Ok(entry)
}

/// What the file's payload holds: plans, or period reports.
enum Built {
    Plans(Vec<Value>, u64),
    Reports(Vec<Value>),
}

fn build(data: &[u8]) -> Result<Built> {
    let mut u = Unstructured::new(data);
    // An empty input is the first base plan, unchanged, as before there were reports.
    if !u.ratio(2, 3)? {
        let mut reports = vec![report_entry(&mut u)?];
        if !u.ratio(3, 4)? {
            reports.push(report_entry(&mut u)?);
        }
        return Ok(Built::Reports(reports));
    }
    let version = if u.ratio(3, 4)? { 2 } else { 1 };
    let count = u.choose_index(3)? + 1;
    let mut plans = vec![plan(&mut u)?];
    for _ in 1..count {
        // Further plans: copies of the first (shared ids) or new ones.
        let next = if u.arbitrary()? {
            let mut copy = plans[0].clone();
            for _ in 0..u.choose_index(3)? {
                mutate(&mut u, &mut copy)?;
            }
            copy
        } else {
            plan(&mut u)?
        };
        plans.push(next);
    }
    Ok(Built::Plans(plans, version))
}

fuzz_target!(|data: &[u8]| {
    let Ok(built) = build(data) else {
        return;
    };
    let (version, scope, payload) = match built {
        Built::Plans(plans, version) => (version, "plan", json!({ "plans": plans })),
        Built::Reports(reports) => (2, "report", json!({ "reports": reports })),
    };
    let file = json!({
        "kind": "ke-hoach-cchc",
        "format_version": version,
        "scope": scope,
        "payload": payload,
    });
    let bytes = serde_json::to_vec(&file).expect("a Value always serialises");
    // Repeats can build files of many MB that take 10-40 s each under instrumentation (0.3 s
    // natively, linear); the import_file target covers large files, so skip them here.
    if bytes.len() > MAX_BUILT_BYTES {
        return;
    }
    // To see what an input stands for: KEHOACH_FUZZ_DUMP=/tmp/file.json, then run the target
    // on that one input; the built file is written there.
    if let Some(path) = std::env::var_os("KEHOACH_FUZZ_DUMP") {
        let _ = std::fs::write(path, &bytes);
    }
    for value in file["payload"]["plans"].as_array().into_iter().flatten() {
        let (plan, _report) = kehoach::file_format::restore_plan(value);
        if value.is_object() {
            assert!(plan.is_some(), "restore_plan refused an object");
        }
    }
    for entry in file["payload"]["reports"].as_array().into_iter().flatten() {
        // The same parts and progress as a stored record of the plan's follow-up.
        let mut stored = entry["report"].clone();
        if let Some(parts) = stored.as_object_mut() {
            parts.insert("period".into(), entry["period"].clone());
        }
        let record = json!({ "plan_id": "p", "progress": entry["progress"], "reports": [stored] });
        let (tracking, _report) = kehoach::file_format::restore_tracking(&record);
        assert!(tracking.is_some(), "restore_tracking refused an object");
    }
    if let Ok(imported) = kehoach::file_format::import_file(&bytes) {
        common::assert_round_trip(&imported);
    }
});
