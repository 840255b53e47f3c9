//! The save indicator: "Đang lưu…", "Đã lưu lúc 14:32", or what went wrong.

use leptos::prelude::*;

use super::format::clock_time;
use crate::state::SaveStatus;

/// Shows the autosave state of the open plan (trạng thái lưu).
#[component]
pub fn SaveIndicator(status: RwSignal<SaveStatus>) -> impl IntoView {
    let text = move || match status.get() {
        SaveStatus::Saved { at } => format!("Đã lưu lúc {}", clock_time(at)),
        SaveStatus::Pending => "Có thay đổi chưa lưu".into(),
        SaveStatus::Saving => "Đang lưu…".into(),
        SaveStatus::Failed(message) => message,
    };
    let failed = move || matches!(status.get(), SaveStatus::Failed(_));
    view! {
        <p
            class="save-status"
            class:save-status-failed=failed
            role="status"
            aria-live="polite"
            data-testid="save-status"
        >
            {text}
        </p>
    }
}
