//! Xuất và nhập tệp (export and import): plans leave the device as `.json` files (one plan, or
//! a backup bundle of all) and come back through a preview that stores nothing until the
//! person confirms. The plan list shows when each plan was last exported and reminds to back up.

mod arrival;
mod browser;
mod error;
mod export;
mod import;
mod import_dialog;
mod reminder;
mod way_back;

use leptos::html;
use leptos::prelude::*;

use super::Screen;
use super::plan_list::StoredPlans;
pub use browser::{download_bytes, now_iso, read_file, today, yield_now};
pub use error::TransferError;
pub use export::{Delivery, EditorExportButtons, ExportPlanButtons, ExportTarget, export};
use import::ImportState;
pub use import::{Preview, read_and_preview};
pub use import_dialog::{ImportDialog, preview_view};
pub use reminder::{BackupReminder, LastExported};
pub use way_back::{SaveProblem, StorageWayBack};

/// A message about the last export or import, shown above the plan list.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub failed: bool,
}

/// What export and import share across screens (context value).
#[derive(Clone, Copy)]
pub struct TransferContext {
    /// Bumped whenever an import or export changes what the plan list shows.
    pub version: RwSignal<u32>,
    notice: RwSignal<Option<Notice>>,
    state: RwSignal<ImportState>,
    choices: RwSignal<Vec<import::Choice>>,
    /// The plans of the file being previewed, kept out of the signal: they can be megabytes.
    plans: StoredValue<std::sync::Arc<Vec<crate::domain::Plan>>>,
    /// The period reports of the file being previewed (a report file holds one).
    reports: StoredValue<std::sync::Arc<Vec<crate::file_format::ReceivedReport>>>,
    /// Tells a finished read from one overtaken by a newer file.
    run: StoredValue<u64>,
    input: NodeRef<html::Input>,
    dragging: RwSignal<bool>,
    can_share: bool,
    screen: RwSignal<Screen>,
}

impl TransferContext {
    /// Opens the file picker of the import (Nhập tệp).
    pub fn pick_file(&self) {
        if let Some(input) = self.input.get_untracked() {
            input.click();
        }
    }

    fn tell(&self, text: impl Into<String>, failed: bool) {
        self.notice.set(Some(Notice {
            text: text.into(),
            failed,
        }));
    }
}

/// Provides the export and import state, and starts listening for files handed over by the
/// system (launchQueue) or dropped onto the page.
pub fn provide_transfer(screen: RwSignal<Screen>) {
    let context = TransferContext {
        version: RwSignal::new(0),
        notice: RwSignal::new(None),
        state: RwSignal::new(ImportState::Closed),
        choices: RwSignal::new(Vec::new()),
        plans: StoredValue::new(Default::default()),
        reports: StoredValue::new(Default::default()),
        run: StoredValue::new(0),
        input: NodeRef::new(),
        dragging: RwSignal::new(false),
        can_share: browser::can_share_files(),
        screen,
    };
    provide_context(context);
    arrival::consume_launch_queue(context);
    arrival::accept_dropped_files(context);
}

pub fn use_transfer() -> TransferContext {
    expect_context::<TransferContext>()
}

/// The import and backup buttons above the plan list, the backup reminder, and the notice of
/// the last export or import. `plans` is the list's own read of the stored plans.
#[component]
pub fn TransferBar(plans: StoredPlans) -> impl IntoView {
    let transfer = use_transfer();
    let notice = move || {
        transfer.notice.get().map(|notice| {
            view! {
                <p
                    class="notice"
                    class:notice-error=notice.failed
                    class:notice-success=!notice.failed
                    role="status"
                    data-testid="transfer-notice"
                >
                    {notice.text}
                </p>
            }
        })
    };
    view! {
        <div class="transfer-bar">
            <button class="button" data-testid="import-file" on:click=move |_| transfer.pick_file()>
                "Nhập tệp…"
            </button>
            <export::BackupAllButtons any=Signal::derive(move || {
                plans.with(|read| matches!(read, Some(Ok(list)) if !list.is_empty()))
            }) />
            <span class="transfer-hint muted" class:transfer-hint-active=move || transfer.dragging.get()>
                {move || if transfer.dragging.get() {
                    "Thả tệp vào đây để nhập."
                } else {
                    "Có thể kéo thả tệp .json vào trang để nhập."
                }}
            </span>
        </div>
        {notice}
        <BackupReminder plans=plans />
    }
}
