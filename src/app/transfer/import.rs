//! Nhập tệp: a file from the picker, from drag and drop, or handed over by the system
//! (launchQueue) is read with progress, checked by the file format's reader, and previewed:
//! its plans, who exported it and when, and the import report. Plans already on this device
//! are kept twice, replaced (the old state becomes a revision) or skipped, as the person
//! chooses; nothing is stored before they confirm, and then all or nothing.
//!
//! This file holds the import's state and its steps; the dialog that shows them is in
//! `import_dialog.rs`, and files dropped or handed over arrive through `arrival.rs`.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{read_file, sha256, yield_now};
use super::{Screen, TransferContext};
use crate::domain::{Plan, text};
use crate::file_format::{FileInfo, ImportError, ImportSteps, Imported, MAX_FILE_BYTES, Outcome};
use crate::state::{DatabaseContext, new_id, now_ms};
use crate::storage::{PlanSummary, PlanText, StorageError};

/// Where an import is.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportState {
    Closed,
    Reading {
        name: String,
        read: f64,
        total: f64,
    },
    /// Reading the plans out of the file: `done` of `total` so far.
    Checking {
        name: String,
        done: usize,
        total: usize,
    },
    /// The file cannot be imported; nothing was stored.
    Refused {
        name: String,
        message: String,
    },
    Preview(Box<Preview>),
    /// Stored while the editor was open: said here, since the plan list is not on screen.
    Done {
        message: String,
    },
}

/// What the preview shows before anything is stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub name: String,
    pub size: f64,
    pub info: FileInfo,
    pub rows: Vec<PreviewRow>,
    /// The period reports of a report file, instead of plans.
    pub reports: Vec<ReportRow>,
    /// The import report: (what was done, where and what).
    pub report: Vec<(Outcome, String)>,
    pub storing: bool,
    pub error: Option<String>,
}

/// One plan of the file, and the stored plan with the same id, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    pub issuing_body: String,
    pub title: String,
    pub year: i32,
    pub stored: Option<PlanSummary>,
}

/// One period report of the file, and what storing it does here.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportRow {
    /// «Báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2024».
    pub title: String,
    pub issuing_body: String,
    pub plan_title: String,
    /// Whether the plan it reports on is already on this device.
    pub plan_here: bool,
    /// Whether that plan already has a report of the same period here, which it replaces.
    pub replaces: bool,
    /// Whether a plan of another body or year has the same id here: the report's plan is then
    /// stored as a plan of its own, under a new id.
    pub new_id: bool,
}

/// What to do with a plan of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Not on this device yet: stored as it is.
    New,
    /// Giữ cả hai: stored under a new id beside the one already here.
    KeepBoth,
    /// Thay thế: replaces the stored plan, whose state is kept as a revision.
    Replace,
    /// Bỏ qua: not imported.
    Skip,
}

/// Reads `file` and shows its preview. A newer file overtakes one still being read. The
/// reading is in the import's chunk (`chunks::import_file`), fetched first if need be.
pub fn start_import(transfer: TransferContext, database: DatabaseContext, file: web_sys::File) {
    spawn_local(async move {
        let name = file.name();
        match crate::app::chunks::import_file(transfer, database, file).await {
            Ok(reading) => reading.await,
            Err(missing) => {
                let message = missing.to_string();
                transfer.state.set(ImportState::Refused { name, message });
            }
        }
    });
}

/// What `start_import` does once the import's code is there.
pub async fn read_and_preview(
    transfer: TransferContext,
    database: DatabaseContext,
    file: web_sys::File,
) {
    let run = transfer.run.get_value() + 1;
    transfer.run.set_value(run);
    let current = move || transfer.run.get_value() == run;
    transfer.notice.set(None);
    let name = file.name();
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        let error = ImportError::TooLarge {
            size_mb: (size / (1024.0 * 1024.0)).ceil() as usize,
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        };
        let message = error.to_string();
        transfer.state.set(ImportState::Refused { name, message });
        return;
    }
    let progress_name = name.clone();
    let read = read_file(&file, |read, total| {
        if current() {
            let name = progress_name.clone();
            transfer
                .state
                .set(ImportState::Reading { name, read, total });
        }
    })
    .await;
    if !current() {
        return;
    }
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(error) => {
            let message = error.to_string();
            transfer.state.set(ImportState::Refused { name, message });
            return;
        }
    };
    let checking = |done, total| {
        let name = name.clone();
        transfer
            .state
            .set(ImportState::Checking { name, done, total });
    };
    checking(0, 0);
    yield_now().await;
    let imported = read_in_steps(&bytes, checking, current).await;
    drop(bytes);
    if !current() {
        return;
    }
    let imported = match imported {
        Ok(imported) => imported,
        Err(error) => {
            let message = error.to_string();
            transfer.state.set(ImportState::Refused { name, message });
            return;
        }
    };
    let stored: HashMap<String, PlanSummary> = match database.get().list_plans().await {
        Ok(list) => list
            .into_iter()
            .map(|plan| (plan.id.clone(), plan))
            .collect(),
        Err(error) => {
            let message = error.to_string();
            transfer.state.set(ImportState::Refused { name, message });
            return;
        }
    };
    if !current() {
        return;
    }
    let rows: Vec<PreviewRow> = imported
        .plans
        .iter()
        .map(|plan| PreviewRow {
            issuing_body: plan.issuing_body.clone(),
            title: plan.title.clone(),
            year: plan.year,
            stored: stored.get(&plan.id).cloned(),
        })
        .collect();
    // Keeping both loses nothing, so it is what a plan already here gets unless changed.
    let choices = rows
        .iter()
        .map(|row| {
            if row.stored.is_some() {
                Choice::KeepBoth
            } else {
                Choice::New
            }
        })
        .collect();
    let mut reports = Vec::with_capacity(imported.reports.len());
    for received in &imported.reports {
        let plan = &received.plan;
        // The same id is the same plan only if it is of the same body and year: a plan file
        // imported by many communes keeps its id in each.
        let here = stored.get(&plan.id);
        let same = |kept: &PlanSummary| {
            kept.year == plan.year
                && text::search_key(&kept.issuing_body) == text::search_key(&plan.issuing_body)
        };
        let plan_here = here.is_some_and(same);
        let new_id = here.is_some() && !plan_here;
        let replaces = plan_here
            && database
                .get()
                .load_tracking(&plan.id)
                .await
                .is_ok_and(|kept| kept.tracking.report(received.report.period).is_some());
        reports.push(ReportRow {
            title: format!("Báo cáo {}", received.report.title(plan.year)),
            issuing_body: plan.issuing_body.clone(),
            plan_title: plan.title.clone(),
            plan_here,
            replaces,
            new_id,
        });
    }
    if !current() {
        return;
    }
    let report = imported
        .report
        .problems
        .iter()
        .map(|problem| (problem.outcome, problem.to_string()))
        .collect();
    transfer.plans.set_value(Arc::new(imported.plans));
    transfer.reports.set_value(Arc::new(imported.reports));
    transfer.choices.set(choices);
    transfer.state.set(ImportState::Preview(Box::new(Preview {
        name,
        size,
        info: imported.info,
        rows,
        reports,
        report,
        storing: false,
        error: None,
    })));
}

/// How long the reading may hold the page before letting it paint and take input: well under
/// the 50 ms that makes a task feel stuck, even on a slow tablet.
const STEP_BUDGET_MS: f64 = 10.0;

/// Work done in short runs: due once a run has held the page for [`STEP_BUDGET_MS`].
struct Pace {
    started: f64,
}

impl Pace {
    fn start() -> Self {
        Self {
            started: js_sys::Date::now(),
        }
    }

    fn due(&self) -> bool {
        js_sys::Date::now() - self.started >= STEP_BUDGET_MS
    }

    /// Lets the page paint and take input, then starts the next run.
    async fn breathe(&mut self) {
        yield_now().await;
        self.started = js_sys::Date::now();
    }
}

/// Reads the file in steps, a few milliseconds of them at a time, letting the page repaint and
/// take input in between. Once `current` turns false (a newer file overtook this one) it stops;
/// the caller then drops the result unseen.
async fn read_in_steps(
    bytes: &[u8],
    progress: impl Fn(usize, usize),
    current: impl Fn() -> bool,
) -> Result<Imported, ImportError> {
    let mut steps = ImportSteps::start(bytes)?;
    let mut pace = Pace::start();
    while !steps.step()? {
        if pace.due() {
            let (read, total) = steps.progress();
            progress(read, total);
            pace.breathe().await;
            if !current() {
                return Err(ImportError::Empty);
            }
        }
    }
    let digest = match steps.payload_to_hash() {
        Some(payload) => sha256(payload).await,
        None => None,
    };
    yield_now().await;
    steps.finish_with_digest(digest.as_deref())
}

/// Writes each plan out as its record will hold it, a few milliseconds at a time, so that
/// storing a large backup does not hold the page.
async fn write_in_steps(
    plans: &[Plan],
    chosen: Vec<Chosen>,
) -> Result<Vec<(PlanText, Option<u32>)>, StorageError> {
    let mut written = Vec::with_capacity(chosen.len());
    let mut pace = Pace::start();
    for Chosen {
        index,
        new_id,
        expected,
    } in chosen
    {
        if pace.due() {
            pace.breathe().await;
        }
        let Some(plan) = plans.get(index) else {
            continue;
        };
        let text = match new_id {
            // Only a plan kept beside the one here is copied, to store it under its new id.
            Some(id) => PlanText::of(&Plan { id, ..plan.clone() })?,
            None => PlanText::of(plan)?,
        };
        written.push((text, expected));
    }
    Ok(written)
}

/// A plan of the file to store: its place in the file, the new id it is kept under beside the
/// plan already here (giữ cả hai), and the stored revision it replaces.
struct Chosen {
    index: usize,
    new_id: Option<String>,
    expected: Option<u32>,
}

/// Stores the previewed period reports (each with its plan when new here, under a new id when
/// another plan here has its id), closed on what they were drawn from as the sender closed them.
fn confirm_reports(
    transfer: TransferContext,
    database: DatabaseContext,
    file_name: String,
    at: String,
    rows: Vec<ReportRow>,
) {
    let reports = transfer.reports.get_value();
    let run = transfer.run.get_value();
    let database = database.get();
    spawn_local(async move {
        let mut result = Ok(());
        for (received, row) in reports.iter().zip(&rows) {
            let plan = if row.new_id {
                Plan {
                    id: new_id("ke-hoach"),
                    ..received.plan.clone()
                }
            } else {
                received.plan.clone()
            };
            let mut report = received.report.clone();
            report.close(&plan, &received.progress, at.clone());
            let stored = database
                .store_received_report(&plan, &report, &received.progress, now_ms())
                .await;
            if let Err(error) = stored {
                result = Err(error);
                break;
            }
        }
        if transfer.run.get_value() != run {
            return;
        }
        match result {
            Ok(()) => {
                let titles: Vec<String> = reports
                    .iter()
                    .map(|r| format!("«Báo cáo {}»", r.report.title(r.plan.year)))
                    .collect();
                let text = format!(
                    "Đã nhập {} từ tệp «{file_name}»; xem ở «Theo dõi thực hiện» của kế hoạch.",
                    titles.join(", ")
                );
                stored(transfer, text.clone(), text);
            }
            Err(error) => not_stored(transfer, &error, "Chưa nhập được báo cáo."),
        }
    });
}

/// What was stored is told (`text` above the plan list; `elsewhere` in the dialog, when the list
/// is not on screen), and the import closes.
fn stored(transfer: TransferContext, text: String, elsewhere: String) {
    close(transfer);
    // The editor is left only by its own back button, which saves what is typed.
    if transfer.screen.get_untracked() != Screen::List {
        transfer.state.set(ImportState::Done { message: elsewhere });
    }
    transfer.tell(text, false);
    transfer.version.update(|n| *n += 1);
}

/// Nothing was stored: the preview stays, with `lead` and why, to try again.
fn not_stored(transfer: TransferContext, error: &StorageError, lead: &str) {
    web_sys::console::error_1(&format!("{error:?}").into());
    transfer.state.update(|state| {
        if let ImportState::Preview(preview) = state {
            preview.storing = false;
            preview.error = Some(format!("{lead} {error}"));
        }
    });
}

/// Stores the previewed plans as chosen, all or nothing; or the previewed reports.
pub(super) fn confirm(transfer: TransferContext, database: DatabaseContext) {
    let mut previewed = None;
    transfer.state.update(|state| {
        if let ImportState::Preview(preview) = state {
            preview.storing = true;
            preview.error = None;
            previewed = Some((
                preview.name.clone(),
                preview.info.exported_at.clone(),
                preview.rows.clone(),
                preview.reports.clone(),
            ));
        }
    });
    let Some((file_name, at, rows, reports)) = previewed else {
        return;
    };
    if !reports.is_empty() {
        confirm_reports(transfer, database, file_name, at, reports);
        return;
    }
    let choices = transfer.choices.get_untracked();
    let run = transfer.run.get_value();
    // The plans stay where they are (a failed store leaves the preview to try again): no copy of
    // a few megabytes of them while the person waits for the click to answer.
    let plans = transfer.plans.get_value();
    let mut chosen = Vec::new();
    for (index, (row, choice)) in rows.iter().zip(choices).enumerate() {
        let stored = row.stored.as_ref().map(|stored| stored.revision);
        let (new_id, expected) = match choice {
            Choice::New => (None, None),
            Choice::Replace => (None, stored),
            Choice::KeepBoth => (Some(new_id("ke-hoach")), None),
            Choice::Skip => continue,
        };
        chosen.push(Chosen {
            index,
            new_id,
            expected,
        });
    }
    let database = database.get();
    spawn_local(async move {
        yield_now().await;
        let count = chosen.len();
        let result = if count == 0 {
            Ok(Vec::new())
        } else {
            match write_in_steps(&plans, chosen).await {
                Ok(written) => database.store_written_plans(&written, now_ms()).await,
                Err(error) => Err(error),
            }
        };
        if transfer.run.get_value() != run {
            return;
        }
        match result {
            Ok(_) => {
                let text = if count == 0 {
                    format!(
                        "Không nhập kế hoạch nào từ tệp «{file_name}»; dữ liệu trên máy giữ nguyên."
                    )
                } else {
                    format!("Đã nhập {count} kế hoạch từ tệp «{file_name}».")
                };
                let elsewhere = format!("{text} Quay về danh sách kế hoạch để xem.");
                stored(transfer, text, elsewhere);
            }
            Err(error) => not_stored(
                transfer,
                &error,
                "Chưa nhập được, không có kế hoạch nào được lưu.",
            ),
        }
    });
}

pub(super) fn close(transfer: TransferContext) {
    transfer.run.set_value(transfer.run.get_value() + 1);
    transfer.plans.set_value(Arc::default());
    transfer.reports.set_value(Arc::default());
    transfer.choices.set(Vec::new());
    transfer.state.set(ImportState::Closed);
}
