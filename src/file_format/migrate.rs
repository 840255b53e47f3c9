//! Migrations of older file formats, one version step per function. Step `n` turns a payload of
//! format version `n` into version `n + 1`; a file is walked up to the current version before
//! it is read. Fixtures of every released version live in `tests/fixtures/format-v*/` and are
//! imported on every test run.

use serde_json::Value;

/// The format version this app writes.
pub const CURRENT_VERSION: u64 = 2;

/// The oldest format version this app reads.
pub const OLDEST_VERSION: u64 = 1;

/// One step: the payload of version `n` to version `n + 1`.
type Step = fn(Value) -> Value;

/// `STEPS[i]` migrates from version `OLDEST_VERSION + i`.
const STEPS: [Step; (CURRENT_VERSION - OLDEST_VERSION) as usize] = [v1_to_v2];

/// Brings a payload written as format `version` up to [`CURRENT_VERSION`].
pub fn to_current(mut payload: Value, version: u64) -> Value {
    let start = version.saturating_sub(OLDEST_VERSION) as usize;
    for step in STEPS.iter().skip(start) {
        payload = step(payload);
    }
    payload
}

/// Version 1 → 2. Version 2 adds the report file (scope `report`): its payload holds
/// `"reports"` where a plan file's holds `"plans"`. Version 1 knew no `reports` member and read
/// past one, so a version 1 payload loses any it has: the file means what it meant to the app
/// that wrote it, its plans.
fn v1_to_v2(mut payload: Value) -> Value {
    if let Value::Object(members) = &mut payload {
        members.remove("reports");
    }
    payload
}
