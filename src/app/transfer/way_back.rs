//! The way back (đường khôi phục) when storage fails: a full disk or a lost database offers the
//! import of the last exported file, and the editor can still download the open plan from memory.

use leptos::prelude::*;

use super::error::TransferError;
use super::export::download_open_plan;
use super::use_transfer;
use crate::domain::Plan;
use crate::state::SaveStatus;
use crate::storage::StorageError;

/// Failures after which the person may need their backup file.
fn needs_way_back(error: &StorageError) -> bool {
    matches!(
        error,
        StorageError::QuotaExceeded | StorageError::NotCommitted | StorageError::DataLost
    )
}

/// The import offered under a storage error of the plan list, when that error calls for it.
#[component]
pub fn StorageWayBack(error: StorageError) -> impl IntoView {
    needs_way_back(&error).then(|| view! { <ImportBackupOffer /> })
}

/// "Khôi phục từ tệp sao lưu" with the button that opens the import picker.
#[component]
fn ImportBackupOffer() -> impl IntoView {
    let transfer = use_transfer();
    view! {
        <div class="way-back" data-testid="way-back">
            <p>
                "Để khôi phục, hãy nhập tệp sao lưu xuất gần nhất (tên bắt đầu bằng «Sao-luu-ke-hoach-CCHC» "
                "hoặc «Ke-hoach-CCHC», thường ở thư mục Tải xuống hoặc trong thư điện tử đã gửi)."
            </p>
            <button
                class="button button-primary"
                data-testid="way-back-import"
                on:click=move |_| transfer.pick_file()
            >
                "Nhập tệp sao lưu…"
            </button>
        </div>
    }
}

/// Under the editor's save indicator: when a save failed for lack of space or a lost database,
/// offers to download the open plan as it is on screen, and to restore from a backup file.
#[component]
pub fn SaveProblem(status: RwSignal<SaveStatus>, plan: RwSignal<Plan>) -> impl IntoView {
    // The autosave reports failures as the error's sentence; these are the ones to act on.
    let wanted = [
        StorageError::QuotaExceeded,
        StorageError::NotCommitted,
        StorageError::DataLost,
    ]
    .map(|error| error.to_string());
    let shown =
        move || matches!(status.get(), SaveStatus::Failed(message) if wanted.contains(&message));
    let saved_file = RwSignal::new(None::<Result<String, TransferError>>);
    let download = move |_| saved_file.set(Some(plan.with_untracked(download_open_plan)));
    view! {
        <Show when=shown>
            <div class="way-back" data-testid="save-way-back">
                <p>
                    "Nội dung đang mở chưa mất. Hãy tải nó về thành tệp ngay để giữ lại, rồi giải phóng bộ nhớ "
                    "hoặc khôi phục từ tệp sao lưu."
                </p>
                <div class="way-back-actions">
                    <button class="button button-primary" data-testid="download-open-plan" on:click=download>
                        "Tải kế hoạch đang mở về máy"
                    </button>
                    <ImportButton />
                </div>
                {move || saved_file.get().map(|result| match result {
                    Ok(name) => view! { <p class="muted" role="status">{format!("Đã tải về tệp «{name}».")}</p> }.into_any(),
                    Err(error) => view! { <p class="notice notice-error" role="alert">{error.to_string()}</p> }.into_any(),
                })}
            </div>
        </Show>
    }
}

#[component]
fn ImportButton() -> impl IntoView {
    let transfer = use_transfer();
    view! {
        <button class="button" data-testid="way-back-import" on:click=move |_| transfer.pick_file()>
            "Nhập tệp sao lưu…"
        </button>
    }
}
