//! Reading a file in short steps, so that a browser can let the page paint and take input
//! between them however large the file: no step does more than a quarter of the work on one
//! plan, or reads more than 256 KB of text.
//!
//! The usual file (our envelope around a `payload.plans` array, in the current format) takes
//! the quick way: a pass over the bytes finds each plan (`scan`), the envelope without its plans
//! is parsed, then each plan in four steps, writing each into the canonical payload the checksum
//! is of and counting the size it will take when exported again. Any other file, and any file
//! the quick way finds something wrong with, is read the whole way: parsed at once, as it
//! always was, so that its error message or its result is exactly the one that way gives. A
//! report file (`payload.reports`, one plan with its report) is always read the whole way.

use std::ops::Range;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::scan::{Found, Scanner};
use super::{
    CURRENT_VERSION, FileInfo, ImportError, ImportReport, Imported, MAX_FILE_BYTES, MAX_PLANS,
    Outcome, ReceivedReport, Scope, checksum, fields, give_plans_unique_ids, hex_digest, migrate,
    read_envelope, reader,
};
use crate::domain::Plan;

/// Bytes of text the pass reads in one step.
const SCAN_STEP: usize = 256 * 1024;

/// The room the envelope around the plans takes, kept free under [`MAX_FILE_BYTES`].
const ENVELOPE_ROOM: usize = 4096;

/// What `[[[plan]]]` written pretty takes beyond the plan's own share of an exported file: its
/// brackets, lines and indent ("[\n  [\n    [\n      " and "\n    ]\n  ]\n]", 30 bytes) less the
/// plan's indent, comma and line in the file (8).
const WRAPPING_BEYOND_A_FILE: usize = 22;

/// [`super::import_file`] in steps: [`start`](Self::start), then [`step`](Self::step) until it
/// says it is done, then [`finish`](Self::finish). [`progress`](Self::progress) tells how far
/// it has come.
pub struct ImportSteps {
    bytes: Vec<u8>,
    stage: Stage,
    info: FileInfo,
    stated_checksum: Option<String>,
    report: ImportReport,
    plans: Vec<Plan>,
    reports: Vec<ReceivedReport>,
    /// Whether the payload holds reports (a report file) rather than plans.
    holds_reports: bool,
    /// Bytes the plans read so far take when exported again; past the limit, reading stops.
    export_bytes: usize,
    /// The deadlines read so far, handed from each plan's reader to the next.
    deadlines: fields::KnownDeadlines,
}

enum Stage {
    /// The pass over the bytes, looking for the plans.
    Scanning(Scanner),
    /// The quick way: the plans' places, the next to read, the canonical payload so far, and
    /// what it has after its plans.
    Items {
        items: Vec<Range<usize>>,
        next: usize,
        canonical: Vec<u8>,
        after_plans: Vec<u8>,
        pending: Option<Pending>,
    },
    /// The quick way found the plans too large to export again; the rest of the file is only
    /// checked to be well-formed, so that a damaged file still says it is damaged.
    Oversized {
        items: Vec<Range<usize>>,
        next: usize,
    },
    /// The whole way: the payload parsed at once, and the next plan (or report) of it to read.
    Whole { payload: Value, next: usize },
    /// Every plan has been read; the canonical payload when the quick way wrote it, still to
    /// be hashed.
    Read { canonical: Option<Vec<u8>> },
    /// The quick way found the plans too large, and the file well-formed.
    TooLarge,
}

/// How far the quick way has come with the plan it is reading.
enum Pending {
    /// Parsed from its bytes.
    Parsed(Value),
    /// Written into the canonical payload too.
    Written(Value),
    /// Read into the plan with this index, whose size is still to count.
    Read(usize),
}

impl ImportSteps {
    /// Checks the size and what the file starts with; the rest is left to the steps.
    pub fn start(bytes: &[u8]) -> Result<Self, ImportError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(ImportError::TooLarge {
                size_mb: bytes.len().div_ceil(1024 * 1024),
                limit_mb: MAX_FILE_BYTES / (1024 * 1024),
            });
        }
        let bytes = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(bytes)
            .to_vec();
        let first = bytes
            .iter()
            .copied()
            .find(|byte| !b" \t\n\r".contains(byte));
        if first.is_none() {
            return Err(ImportError::Empty);
        }
        let mut steps = Self {
            stage: Stage::Scanning(Scanner::default()),
            bytes,
            info: FileInfo::default(),
            stated_checksum: None,
            report: ImportReport::default(),
            plans: Vec::new(),
            reports: Vec::new(),
            holds_reports: false,
            export_bytes: 0,
            deadlines: fields::KnownDeadlines::default(),
        };
        if first != Some(b'{') {
            // Not one of our files, most likely: the whole way says what it is.
            steps.read_whole()?;
        }
        Ok(steps)
    }

    /// Starts reading the file the whole way, whatever it is: for tests that compare the two
    /// ways.
    #[doc(hidden)]
    pub fn start_whole(bytes: &[u8]) -> Result<Self, ImportError> {
        let mut steps = Self::start(bytes)?;
        if matches!(steps.stage, Stage::Scanning(_)) {
            steps.read_whole()?;
        }
        Ok(steps)
    }

    /// Whether the file is being read the quick way (for tests).
    #[doc(hidden)]
    pub fn is_quick(&self) -> bool {
        !matches!(self.stage, Stage::Whole { .. })
    }

    /// Does one step of the work; true once every plan has been read.
    pub fn step(&mut self) -> Result<bool, ImportError> {
        let key = self.items_key();
        match &mut self.stage {
            Stage::Scanning(scanner) => match scanner.advance(&self.bytes, SCAN_STEP) {
                None => Ok(false),
                Some(Found::Plans { inside, items }) => {
                    self.begin_items(inside, items)?;
                    Ok(false)
                }
                Some(Found::Unusual) => self.read_whole().map(|()| false),
            },
            Stage::Items { .. } => self.read_item().map(|()| false),
            Stage::Oversized { items, next } => {
                let Some(item) = items.get(*next) else {
                    self.stage = Stage::TooLarge;
                    return Ok(true);
                };
                *next += 1;
                let item = &self.bytes[item.clone()];
                // Skipping a string checks its quotes and escapes but not its encoding.
                let well_formed = std::str::from_utf8(item).is_ok()
                    && serde_json::from_slice::<serde::de::IgnoredAny>(item).is_ok();
                if !well_formed {
                    self.read_whole()?;
                }
                Ok(false)
            }
            Stage::Whole { payload, next } => {
                let items = payload.get(key).and_then(Value::as_array);
                let last = items.map_or(0, |items| items.len().min(MAX_PLANS));
                if *next >= last {
                    self.stage = Stage::Read { canonical: None };
                    return Ok(true);
                }
                let (index, several) = (*next, items.is_some_and(|items| items.len() > 1));
                *next += 1;
                let item = items.and_then(|items| items.get(index)).cloned();
                match item {
                    Some(item) if self.holds_reports => self.read_report(index, several, &item)?,
                    Some(item) => {
                        self.read_plan(index, several, &item);
                    }
                    None => {}
                }
                Ok(false)
            }
            Stage::Read { .. } | Stage::TooLarge => Ok(true),
        }
    }

    /// How many plans the file lists, and how many have been read so far; (0, 0) while that is
    /// not yet known.
    pub fn progress(&self) -> (usize, usize) {
        match &self.stage {
            Stage::Scanning(_) => (0, 0),
            Stage::Items { items, next, .. } | Stage::Oversized { items, next } => {
                (*next, items.len())
            }
            Stage::Whole { payload, next } => {
                let total = payload
                    .get(self.items_key())
                    .and_then(Value::as_array)
                    .map_or(0, |items| items.len().min(MAX_PLANS));
                ((*next).min(total), total)
            }
            Stage::Read { .. } | Stage::TooLarge => {
                let read = self.plans.len() + self.reports.len();
                (read, read)
            }
        }
    }

    /// The payload's list this file is read from.
    fn items_key(&self) -> &'static str {
        if self.holds_reports {
            "reports"
        } else {
            "plans"
        }
    }

    /// Once every plan has been read the quick way, the payload written canonically: the bytes
    /// whose SHA-256 the file states. A browser hashes them with its own SHA-256, many times
    /// faster than this crate's in wasm, and hands the digest to
    /// [`finish_with_digest`](Self::finish_with_digest).
    pub fn payload_to_hash(&self) -> Option<&[u8]> {
        match &self.stage {
            Stage::Read {
                canonical: Some(canonical),
            } => Some(canonical),
            _ => None,
        }
    }

    /// Does whatever steps are left, then gives every plan a unique id and checks that the
    /// plans can be exported again within the size limit.
    pub fn finish(self) -> Result<Imported, ImportError> {
        self.finish_with_digest(None)
    }

    /// [`finish`](Self::finish), given the SHA-256 of [`payload_to_hash`](Self::payload_to_hash)
    /// computed elsewhere once [`step`](Self::step) said it was done; without it, the payload is
    /// hashed here.
    pub fn finish_with_digest(mut self, digest: Option<&[u8]>) -> Result<Imported, ImportError> {
        while !self.step()? {}
        let quick = match std::mem::replace(&mut self.stage, Stage::TooLarge) {
            Stage::Read {
                canonical: Some(canonical),
            } => {
                let hashed = match digest {
                    Some(digest) => hex_digest(digest),
                    None => hex_digest(Sha256::digest(&canonical).as_slice()),
                };
                let checksum_ok = self.stated_checksum.as_deref() == Some(hashed.as_str());
                self.info.checksum_ok = checksum_ok;
                if !checksum_ok {
                    self.report.push_first(checksum_warning());
                }
                true
            }
            Stage::Read { canonical: None } => false,
            _ => {
                return Err(ImportError::ExpandsTooMuch {
                    limit_mb: MAX_FILE_BYTES / (1024 * 1024),
                });
            }
        };
        let mut plans = self.plans;
        let mut reports = self.reports;
        let mut reader = fields::Reader::new(&mut self.report);
        give_plans_unique_ids(&mut plans, &mut reader);
        // Reports of one plan share its id: each plan is given one only if it has none.
        for received in &mut reports {
            give_plans_unique_ids(std::slice::from_mut(&mut received.plan), &mut reader);
        }
        if plans.is_empty() && reports.is_empty() {
            return Err(
                if self.holds_reports || self.info.scope == Some(Scope::Report) {
                    ImportError::NoReports
                } else {
                    ImportError::NoPlans
                },
            );
        }
        // What is imported must export again within the limit, or a backup of it could not
        // be restored: a small file of empty items ("{},{},…") can expand a hundredfold. The
        // quick way has counted as it read. Each report is written to a file of its own.
        let plans_fit = quick || super::fits_in_a_file(&super::Payload { plans: &plans });
        let reports_fit = || {
            reports
                .iter()
                .all(|r| super::report_size_bound(r).is_some())
        };
        if !plans_fit || !reports_fit() {
            return Err(ImportError::ExpandsTooMuch {
                limit_mb: MAX_FILE_BYTES / (1024 * 1024),
            });
        }
        Ok(Imported {
            info: self.info,
            plans,
            reports,
            report: self.report,
        })
    }

    /// The pass found the plans: parses the envelope around them and starts the canonical
    /// payload.
    /// A file the quick way cannot take is read the whole way.
    fn begin_items(
        &mut self,
        inside: Range<usize>,
        items: Vec<Range<usize>>,
    ) -> Result<(), ImportError> {
        let mut outside = Vec::with_capacity(self.bytes.len() - inside.len());
        outside.extend_from_slice(&self.bytes[..inside.start]);
        outside.extend_from_slice(&self.bytes[inside.end..]);
        let quick = serde_json::from_slice::<Value>(&outside)
            .ok()
            .and_then(|value| read_envelope(value).ok())
            .filter(|(info, _, _)| info.format_version == CURRENT_VERSION)
            .filter(|(_, _, payload)| payload.get("reports").is_none_or(Value::is_null))
            .filter(|_| items.len() <= MAX_PLANS);
        let Some((info, stated_checksum, Value::Object(payload))) = quick else {
            return self.read_whole();
        };
        // The checksum is of the payload written compactly with its keys in order: what comes
        // before the plans, each plan as it is read, then what comes after.
        let (mut before, mut after_plans) = (b"{".to_vec(), b"]".to_vec());
        let mut past_plans = false;
        for (key, value) in &payload {
            if key == "plans" {
                before.extend_from_slice(b"\"plans\":[");
                past_plans = true;
                continue;
            }
            let mut entry = serde_json::to_vec(key).unwrap_or_default();
            entry.push(b':');
            entry.extend(serde_json::to_vec(value).unwrap_or_default());
            if past_plans {
                after_plans.push(b',');
                after_plans.extend(entry);
            } else {
                before.extend(entry);
                before.push(b',');
            }
        }
        after_plans.push(b'}');
        let mut canonical = Vec::with_capacity(self.bytes.len());
        canonical.extend(before);
        self.info = info;
        self.stated_checksum = stated_checksum;
        self.stage = Stage::Items {
            items,
            next: 0,
            canonical,
            after_plans,
            pending: None,
        };
        Ok(())
    }

    /// Does the next quarter of reading a plan the quick way: parse it, write it into the
    /// canonical payload, read it into a plan, count its size.
    fn read_item(&mut self) -> Result<(), ImportError> {
        let Stage::Items {
            items,
            next,
            canonical,
            after_plans,
            pending,
        } = &mut self.stage
        else {
            return Ok(());
        };
        let (index, several) = (*next, items.len() > 1);
        match pending.take() {
            None => {
                let Some(range) = items.get(index).cloned() else {
                    let mut canonical = std::mem::take(canonical);
                    canonical.extend_from_slice(after_plans);
                    self.stage = Stage::Read {
                        canonical: Some(canonical),
                    };
                    return Ok(());
                };
                let Ok(item) = serde_json::from_slice::<Value>(&self.bytes[range]) else {
                    return self.read_whole();
                };
                *pending = Some(Pending::Parsed(item));
            }
            Some(Pending::Parsed(item)) => {
                if index > 0 {
                    canonical.push(b',');
                }
                // Writing a parsed value into memory cannot fail.
                serde_json::to_writer(&mut *canonical, &item).ok();
                *pending = Some(Pending::Written(item));
            }
            Some(Pending::Written(item)) => {
                *next += 1;
                if let Some(plan) = self.read_plan(index, several, &item)
                    && let Stage::Items { pending, .. } = &mut self.stage
                {
                    *pending = Some(Pending::Read(plan));
                }
            }
            Some(Pending::Read(plan)) => {
                if !self.count_export(plan) {
                    let Stage::Items { items, next, .. } =
                        std::mem::replace(&mut self.stage, Stage::TooLarge)
                    else {
                        return Ok(());
                    };
                    self.stage = Stage::Oversized { items, next };
                }
            }
        }
        Ok(())
    }

    /// Reads item `index` of the plans into a plan, if it is one; the plan's index.
    fn read_plan(&mut self, index: usize, several: bool, item: &Value) -> Option<usize> {
        let label = if several {
            format!("Kế hoạch {}", index + 1)
        } else {
            String::new()
        };
        let known = std::mem::take(&mut self.deadlines);
        let mut reader = fields::Reader::new(&mut self.report).knowing(known);
        let plan = reader.within(label, |r| reader::read_plan(r, item));
        self.deadlines = reader.into_known();
        self.plans.push(plan?);
        Some(self.plans.len() - 1)
    }

    /// Reads item `index` of the reports, if it is one; an error refuses the file.
    fn read_report(
        &mut self,
        index: usize,
        several: bool,
        item: &Value,
    ) -> Result<(), ImportError> {
        let label = if several {
            format!("Báo cáo {}", index + 1)
        } else {
            String::new()
        };
        let known = std::mem::take(&mut self.deadlines);
        let mut reader = fields::Reader::new(&mut self.report).knowing(known);
        let received = reader.within(label, |r| reader::tracking::read_received_report(r, item));
        self.deadlines = reader.into_known();
        self.reports.extend(received?);
        Ok(())
    }

    /// Adds plan `index`'s exported size to the count; false once the plans would no longer fit
    /// in a file. The count is the plan written as deep as it sits in an exported file (inside
    /// the envelope, the payload and the list of plans: three levels), less the brackets of
    /// the lists around it ([`WRAPPING_BEYOND_A_FILE`]). Each line of a plan is indented by two spaces a level, so counting it
    /// two levels deep had left out two bytes a line: 5,000 empty tasks a plan are 75,000
    /// lines.
    fn count_export(&mut self, index: usize) -> bool {
        let room = MAX_FILE_BYTES - ENVELOPE_ROOM;
        let left = room.saturating_sub(self.export_bytes);
        // The three one-item lists around the plan are not part of its share of a file.
        let mut counter = super::Counter {
            left: left + WRAPPING_BEYOND_A_FILE,
        };
        let wrapped = [[[&self.plans[index]]]];
        if serde_json::to_writer_pretty(&mut counter, &wrapped).is_err() {
            self.export_bytes = room + 1;
            return false;
        }
        self.export_bytes +=
            (left + WRAPPING_BEYOND_A_FILE - counter.left).saturating_sub(WRAPPING_BEYOND_A_FILE);
        true
    }

    /// Reads the file the whole way: everything the quick way learned is set aside, and the
    /// file is parsed at once, its checksum verified and its payload brought up to date.
    fn read_whole(&mut self) -> Result<(), ImportError> {
        self.report = ImportReport::default();
        self.plans.clear();
        self.reports.clear();
        self.export_bytes = 0;
        let text = std::str::from_utf8(&self.bytes).map_err(|_| ImportError::NotText)?;
        let start = text.trim_start();
        if start.is_empty() {
            return Err(ImportError::Empty);
        }
        // Our files are JSON objects. Anything else (plain text, a document, a list) is not
        // ours, and telling the person to ask for it again would not help.
        if !start.starts_with('{') {
            return Err(ImportError::NotOurs);
        }
        let value: Value = serde_json::from_str(text).map_err(|error| {
            if error.to_string().contains("recursion limit") {
                ImportError::TooDeep
            } else if error.is_eof() || error.is_syntax() {
                ImportError::Damaged {
                    line: error.line(),
                    column: error.column(),
                }
            } else {
                ImportError::NotOurs
            }
        })?;
        let (info, stated_checksum, payload) = read_envelope(value)?;
        let checksum_ok = stated_checksum.as_deref() == Some(checksum(&payload).as_str());
        self.info = FileInfo {
            checksum_ok,
            ..info
        };
        self.stated_checksum = stated_checksum;
        if !checksum_ok {
            let (location, message, outcome) = checksum_warning();
            self.report.push(location, message, outcome);
        }
        let payload = migrate::to_current(payload, self.info.format_version);
        // A payload holds plans or reports; a report file's plans are each report's own.
        self.holds_reports = payload.get("reports").is_some_and(|items| !items.is_null());
        let (what, key) = if self.holds_reports {
            ("báo cáo", "reports")
        } else {
            ("kế hoạch", "plans")
        };
        let mut reader = fields::Reader::new(&mut self.report);
        if self.holds_reports && payload.get("plans").is_some_and(|items| !items.is_null()) {
            reader.problem(
                "Tệp báo cáo có kèm danh sách kế hoạch riêng, đã bỏ qua danh sách ấy.",
                Outcome::Skipped,
            );
        }
        match payload.get(key).and_then(Value::as_array) {
            None => reader.problem(format!("Tệp không có danh sách {what}."), Outcome::Skipped),
            Some(items) if items.len() > MAX_PLANS => reader.problem(
                format!(
                    "Tệp có {} {what}, chỉ đọc {} {what} đầu.",
                    fields::count(items.len()),
                    fields::count(MAX_PLANS)
                ),
                Outcome::Repaired,
            ),
            Some(_) => {}
        }
        self.stage = Stage::Whole { payload, next: 0 };
        Ok(())
    }
}

/// The warning for a checksum that does not match.
fn checksum_warning() -> (String, String, Outcome) {
    (
        String::new(),
        "Mã kiểm tra của tệp không khớp: tệp có thể đã bị hỏng khi gửi hoặc đã bị sửa bằng tay. Hãy xem kỹ nội dung trước khi lưu.".into(),
        Outcome::Warning,
    )
}
