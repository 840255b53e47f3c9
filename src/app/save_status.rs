//! The save indicator: "Đang lưu…", "Đã lưu lúc 14:32", or what went wrong.

use leptos::prelude::*;

use crate::state::SaveStatus;

/// Shows the autosave state of the open plan (trạng thái lưu).
#[component]
pub fn SaveIndicator(status: RwSignal<SaveStatus>) -> impl IntoView {
    let text = move || match status.get() {
        SaveStatus::Saved { at } => {
            let date = js_sys::Date::new(&at.into());
            format!(
                "Đã lưu lúc {:02}:{:02}",
                date.get_hours(),
                date.get_minutes()
            )
        }
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
