//! Xuất tệp: one plan, or every plan as a backup bundle (sao lưu), written through the file
//! format's envelope, downloaded or handed to the share sheet, then marked as exported.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{self, Shared};
use super::error::TransferError;
use super::{Notice, use_transfer};
use crate::domain::Plan;
use crate::file_format::backup::exporting_unit;
use crate::file_format::file_name::{bundle_file_name, plan_file_name};
use crate::file_format::{ExportInfo, export_plans};
use crate::state::{Editor, now_ms, use_database};
use crate::storage::{Database, StorageError};

/// What to export.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportTarget {
    /// One plan, by id.
    Plan(String),
    /// Every plan on this device, as one backup file.
    All,
}

/// How the file leaves the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    Download,
    Share,
}

/// Exports and delivers; returns the sentence to show, or `None` when the person closed the
/// share sheet without sending. In the export's chunk (`chunks::export_plans`).
pub async fn export(
    database: Rc<Database>,
    target: ExportTarget,
    delivery: Delivery,
) -> Result<Option<String>, TransferError> {
    let (plans, unreadable) = load(&database, &target).await?;
    if plans.is_empty() {
        return Err(TransferError::NothingToExport);
    }
    let bundle = target == ExportTarget::All;
    let info = ExportInfo {
        exported_at: browser::now_iso(),
        exported_by: exporting_unit(&plans),
    };
    let text = export_plans(&plans, &info, bundle);
    let name = if bundle {
        bundle_file_name(browser::today())
    } else {
        plan_file_name(&plans[0], browser::today(), "json")
    };
    match delivery {
        Delivery::Download => browser::download(&name, &text)?,
        Delivery::Share => {
            let title = if bundle {
                "Sao lưu kế hoạch cải cách hành chính".to_string()
            } else {
                plans[0].title.clone()
            };
            if let Shared::Cancelled = browser::share(&name, &text, &title).await? {
                return Ok(None);
            }
        }
    }
    let now = now_ms();
    let mut unmarked = None;
    for plan in &plans {
        if let Err(error) = database.mark_exported(&plan.id, now).await {
            unmarked = Some(error);
        }
    }
    let what = if bundle {
        format!("{} kế hoạch", plans.len())
    } else {
        "1 kế hoạch".into()
    };
    let verb = match delivery {
        Delivery::Download => "Đã xuất tệp",
        Delivery::Share => "Đã chia sẻ tệp",
    };
    let mut message =
        format!("{verb} «{name}» ({what}). Hãy cất tệp ở nơi an toàn hoặc gửi kèm email.");
    if unreadable > 0 {
        message.push_str(&format!(
            " {unreadable} kế hoạch có bản ghi hỏng trên máy nên không có trong tệp."
        ));
    }
    if let Some(error) = unmarked {
        web_sys::console::error_1(&format!("{error:?}").into());
        message.push_str(" Chưa ghi lại được thời điểm xuất: ");
        message.push_str(&error.to_string());
    }
    Ok(Some(message))
}

/// The plans to export, and how many stored records could not be read.
async fn load(
    database: &Database,
    target: &ExportTarget,
) -> Result<(Vec<Plan>, usize), TransferError> {
    match target {
        ExportTarget::Plan(id) => match database.load_plan(id).await? {
            Some(stored) => Ok((vec![stored.plan], 0)),
            None => Err(StorageError::NotFound.into()),
        },
        ExportTarget::All => {
            let list = database.list_plans().await?;
            let mut plans = Vec::with_capacity(list.len());
            let mut unreadable = 0;
            for summary in list {
                match database.load_plan(&summary.id).await {
                    Ok(Some(stored)) => plans.push(stored.plan),
                    // Deleted in another tab meanwhile: nothing to back up.
                    Ok(None) => {}
                    // A damaged record must not stop the backup of the others.
                    Err(_) => unreadable += 1,
                }
            }
            Ok((plans, unreadable))
        }
    }
}

/// Downloads the plan open in the editor straight from memory, without touching storage: the
/// way to keep it when the browser can no longer save.
pub fn download_open_plan(plan: &Plan) -> Result<String, TransferError> {
    let info = ExportInfo {
        exported_at: browser::now_iso(),
        exported_by: plan.issuing_body.clone(),
    };
    let text = export_plans(std::slice::from_ref(plan), &info, false);
    let name = plan_file_name(plan, browser::today(), "json");
    browser::download(&name, &text)?;
    Ok(name)
}

/// Runs an export and tells the person how it went.
fn start(
    transfer: super::TransferContext,
    database: crate::state::DatabaseContext,
    target: ExportTarget,
    delivery: Delivery,
) {
    let database = database.get();
    spawn_local(async move {
        match crate::app::chunks::run(crate::app::chunks::export_plans(database, target, delivery))
            .await
        {
            Ok(Some(message)) => {
                transfer.tell(message, false);
                transfer.version.update(|n| *n += 1);
            }
            Ok(None) => {}
            Err(problem) => transfer.tell(problem, true),
        }
    });
}

/// Xuất tệp (and Chia sẻ where the device can share files) for one plan of the list.
#[component]
pub fn ExportPlanButtons(id: String, title: String) -> impl IntoView {
    let transfer = use_transfer();
    let database = use_database();
    let share_id = id.clone();
    let share_title = title.clone();
    view! {
        <button
            class="button plan-card-export"
            data-testid="export-plan"
            aria-label=format!("Xuất tệp kế hoạch «{title}»")
            on:click=move |_| start(transfer, database, ExportTarget::Plan(id.clone()), Delivery::Download)
        >
            "Xuất tệp"
        </button>
        {transfer.can_share.then(|| view! {
            <button
                class="button plan-card-share"
                data-testid="share-plan"
                aria-label=format!("Gửi kế hoạch «{share_title}» qua email hoặc chia sẻ")
                on:click=move |_| start(transfer, database, ExportTarget::Plan(share_id.clone()), Delivery::Share)
            >
                "Gửi qua email / Chia sẻ"
            </button>
        })}
    }
}

/// How long the editor's export waits for the typing it flushed to be stored.
const SAVE_WAIT_MS: i32 = 50;
const SAVE_WAIT_TURNS: usize = 100;

/// Xuất tệp (and Gửi qua email / Chia sẻ where the device can share files) in the editor's
/// bar, for the open plan: what is being typed is saved first, then the stored plan leaves
/// through the same export as the list's buttons; how it went is said under the bar.
#[component]
pub fn EditorExportButtons(
    /// The plan's id.
    id: String,
    /// The open editor, once the plan is open.
    #[prop(into)]
    open: Callback<(), Option<Editor>>,
) -> impl IntoView {
    let transfer = use_transfer();
    let database = use_database();
    let notice = RwSignal::new(None::<Notice>);
    let run = move |delivery: Delivery| {
        let (target, database) = (ExportTarget::Plan(id.clone()), database.get());
        let editor = open.run(());
        notice.set(None);
        spawn_local(async move {
            let unsaved = match editor {
                Some(editor) => saved(editor).await,
                None => false,
            };
            let result = crate::app::chunks::run(crate::app::chunks::export_plans(
                database, target, delivery,
            ))
            .await;
            let told = match result {
                Ok(Some(mut message)) => {
                    if unsaved {
                        message.push_str(" Phần vừa gõ chưa lưu được nên chưa có trong tệp.");
                    }
                    transfer.version.update(|n| *n += 1);
                    Some(Notice {
                        text: message,
                        failed: unsaved,
                    })
                }
                Ok(None) => None,
                Err(problem) => Some(Notice {
                    text: problem.to_string(),
                    failed: true,
                }),
            };
            notice.set(told);
        });
    };
    let share = run.clone();
    view! {
        <button class="button" data-testid="editor-export" on:click=move |_| run(Delivery::Download)>
            "Xuất tệp"
        </button>
        {transfer.can_share.then(|| view! {
            <button class="button" data-testid="editor-share" on:click=move |_| share(Delivery::Share)>
                "Gửi qua email / Chia sẻ"
            </button>
        })}
        {move || notice.get().map(|notice| view! {
            <p class="notice editor-export-notice" class:notice-error=notice.failed
                class:notice-success=!notice.failed role="status" data-testid="editor-export-notice">
                {notice.text}
            </p>
        })}
    }
}

/// Saves what is being typed and waits for it to be stored; whether some is still unsaved.
async fn saved(editor: Editor) -> bool {
    editor.flush();
    for _ in 0..SAVE_WAIT_TURNS {
        if !editor.has_unsaved() {
            return false;
        }
        browser::pause(SAVE_WAIT_MS).await;
    }
    editor.has_unsaved()
}

/// Sao lưu tất cả: every plan in one file.
#[component]
pub fn BackupAllButtons(
    /// Whether there are plans to back up: only then does «Sao lưu tất cả» stand out.
    #[prop(into)]
    any: Signal<bool>,
) -> impl IntoView {
    let transfer = use_transfer();
    let database = use_database();
    view! {
        <button
            class="button"
            class:button-primary=move || any.get()
            data-testid="backup-all"
            on:click=move |_| start(transfer, database, ExportTarget::All, Delivery::Download)
        >
            "Sao lưu tất cả"
        </button>
        {transfer.can_share.then(|| view! {
            <button
                class="button"
                data-testid="share-all"
                on:click=move |_| start(transfer, database, ExportTarget::All, Delivery::Share)
            >
                "Gửi bản sao lưu qua email / Chia sẻ"
            </button>
        })}
    }
}
