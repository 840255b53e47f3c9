//! Nhận tệp: many files taken into the inbox at once — each read, checked by the file format's
//! reader and filed under its issuing body, year and kind, a plan per plan of a bundle and a
//! report per report; the same content from the same sender is not filed twice; a file that
//! cannot be read is kept as refused, with why. Each file is its own task between which the
//! page paints, and files are stored a batch per transaction.

use leptos::prelude::*;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashSet;

use super::{Content, Inbox, Read};
use crate::app::transfer::{read_file, yield_now};
use crate::domain::inbox::{ItemKind, sender_key};
use crate::domain::progress::ReportPeriod;
use crate::file_format::{self, ExportInfo, ImportError, MAX_FILE_BYTES};
use crate::state::now_ms;
use crate::storage::{ReceivedFile, StorageError};

/// How many files are stored in one transaction.
const BATCH: usize = 25;

/// What one round of receiving did, for the summary shown after it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Summary {
    pub files: usize,
    pub plans: usize,
    pub reports: usize,
    /// Files whose every item was received before: their names.
    pub duplicates: Vec<String>,
    /// Files refused: name and why.
    pub refused: Vec<(String, String)>,
}

/// An item ready to store: its record, its content as stored, and its content read and checked.
type Ready = (ReceivedFile, Option<String>, Option<Read>);

/// What identifies one submission: sender, year, kind and content (a refused file: its bytes).
type Seen = (String, i32, ItemKind, String);

fn seen_of(file: &ReceivedFile) -> Seen {
    (
        sender_key(&file.sender),
        file.year,
        kind_of(file),
        file.digest.clone(),
    )
}

pub(super) fn kind_of(file: &ReceivedFile) -> ItemKind {
    file.period.map_or(ItemKind::Plan, ItemKind::Report)
}

fn digest(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// A part of what was received written out, for its digest.
fn json(value: &impl serde::Serialize) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// The items of one file read without fault: a record and content for each plan and report.
/// A file of one item is kept as it came (its envelope's dates, the data period its sender
/// stated); the plans of a bundle are each written out as a file of their own.
fn items_of(name: &str, text: &str, imported: file_format::Imported, now: f64) -> Vec<Ready> {
    let info = ExportInfo {
        exported_at: imported.info.exported_at.clone(),
        exported_by: imported.info.exported_by.clone(),
    };
    let whole = imported.plans.len() + imported.reports.len() == 1;
    let record = |plan: &crate::domain::Plan, period, digest| ReceivedFile {
        key: 0.0,
        received_at: now,
        sent_at: info.exported_at.clone(),
        file_name: name.to_string(),
        sender: plan.issuing_body.clone(),
        year: plan.year,
        period,
        title: plan.title.clone(),
        tasks: plan.task_count() as u32,
        digest,
        refused: None,
    };
    let mut items = Vec::new();
    for plan in imported.plans {
        let file = record(&plan, None, digest(&[&json(&plan)]));
        let stored = if whole {
            text.to_string()
        } else {
            file_format::export_plans(std::slice::from_ref(&plan), &info, false)
        };
        let read = Read::of(Content::Plan(Box::new(plan)));
        items.push((file, Some(stored), Some(read)));
    }
    for received in imported.reports {
        let key = digest(&[
            &json(&received.plan),
            &json(&received.report),
            &json(&received.progress),
            &json(&received.data_period),
        ]);
        let mut file = record(&received.plan, Some(received.report.period), key);
        file.title = format!("Báo cáo {}", received.report.title(received.plan.year));
        // A report file holds one report: it is always kept as it came.
        let stored = text.to_string();
        let read = Read::of(Content::Report(Box::new(received)));
        items.push((file, Some(stored), Some(read)));
    }
    items
}

/// What a refused file's envelope still says: its sender and round, when it can be read. Its
/// digest is of its bytes, so the same file refused twice is kept once.
fn refused_item(name: &str, bytes: &[u8], why: String, now: f64) -> Ready {
    let envelope: Option<Value> = serde_json::from_slice(bytes).ok();
    let field = |path: &[&str]| {
        let mut value = envelope.as_ref()?;
        for key in path {
            value = value.get(key)?;
        }
        Some(value.clone())
    };
    let text = |path: &[&str]| {
        field(path)
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    let year = field(&["period", "from_year"])
        .and_then(|v| v.as_i64())
        .unwrap_or_default() as i32;
    let period = field(&["payload", "reports"])
        .and_then(|reports| reports.get(0)?.get("period").cloned())
        .and_then(|name| {
            ReportPeriod::ALL
                .into_iter()
                .find(|period| serde_json::to_value(period).ok().as_ref() == Some(&name))
        });
    let file = ReceivedFile {
        key: 0.0,
        received_at: now,
        sent_at: text(&["exported_at"]),
        file_name: name.to_string(),
        sender: text(&["exported_by"]),
        year,
        period,
        title: String::new(),
        tasks: 0,
        digest: digest(&[name.as_bytes(), bytes]),
        refused: Some(why),
    };
    (file, None, None)
}

/// Reads one picked file into what is to be stored, checked.
async fn read_one(file: &web_sys::File, now: f64) -> Vec<Ready> {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        let error = ImportError::TooLarge {
            size_mb: (file.size() / (1024.0 * 1024.0)).ceil() as usize,
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        };
        return vec![refused_item(&name, &[], error.to_string(), now)];
    }
    let bytes = match read_file(file, |_, _| {}).await {
        Ok(bytes) => bytes,
        Err(error) => return vec![refused_item(&name, &[], error.to_string(), now)],
    };
    match file_format::import_file(&bytes) {
        Ok(imported) => {
            // The reader took it, so it is UTF-8.
            let text = String::from_utf8_lossy(&bytes);
            items_of(&name, &text, imported, now)
        }
        Err(error) => vec![refused_item(&name, &bytes, error.to_string(), now)],
    }
}

/// Takes `files` into the inbox, telling `progress` how many are done; stored a batch at a
/// time, each batch all or nothing. Returns what was done.
pub(super) async fn receive(
    inbox: Inbox,
    files: Vec<web_sys::File>,
    progress: RwSignal<Option<(usize, usize)>>,
) -> Result<Summary, StorageError> {
    let total = files.len();
    let mut summary = Summary {
        files: total,
        ..Summary::default()
    };
    let mut seen: HashSet<Seen> = inbox
        .files
        .with_untracked(|list| list.iter().map(seen_of).collect());
    let mut batch: Vec<Ready> = Vec::new();
    for (done, file) in files.iter().enumerate() {
        progress.set(Some((done, total)));
        let items = read_one(file, now_ms()).await;
        let mut fresh = Vec::new();
        for item in items {
            if let Some(why) = &item.0.refused {
                summary
                    .refused
                    .push((item.0.file_name.clone(), why.clone()));
                fresh.push(item);
            } else if seen.insert(seen_of(&item.0)) {
                match item.0.period {
                    None => summary.plans += 1,
                    Some(_) => summary.reports += 1,
                }
                fresh.push(item);
            }
        }
        if fresh.is_empty() {
            summary.duplicates.push(file.name());
        }
        batch.extend(fresh);
        if batch.len() >= BATCH {
            store(inbox, std::mem::take(&mut batch)).await?;
        }
        yield_now().await;
    }
    store(inbox, batch).await?;
    progress.set(None);
    Ok(summary)
}

/// Stores a batch and takes it into the inbox's list and its cache of content read.
async fn store(inbox: Inbox, batch: Vec<Ready>) -> Result<(), StorageError> {
    if batch.is_empty() {
        return Ok(());
    }
    let (records, contents): (Vec<_>, Vec<_>) = batch
        .into_iter()
        .map(|(file, text, content)| ((file, text), content))
        .unzip();
    let keys = inbox.database.get_value().store_received(&records).await?;
    let mut added = Vec::with_capacity(keys.len());
    for ((mut file, _), (key, content)) in records.into_iter().zip(keys.into_iter().zip(contents)) {
        file.key = key;
        if let Some(read) = content {
            inbox.remember(key, read);
        }
        added.push(file);
    }
    inbox.files.update(|list| list.extend(added));
    Ok(())
}
