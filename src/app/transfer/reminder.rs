//! Nhắc sao lưu (backup reminder): the last export of each plan on its card, and the banner
//! over the list when plans need a backup (the rule: `file_format/backup.rs`).

use leptos::prelude::*;

use crate::app::format::date_time;
use crate::app::plan_list::StoredPlans;
use crate::file_format::backup::{BackupNeed, backup_need};
use crate::state::now_ms;

/// "Xuất tệp lần cuối: 14:32 23/11/2026" or "Chưa xuất tệp lần nào", marked when a backup is due.
#[component]
pub fn LastExported(saved_at: f64, exported_at: Signal<Option<f64>>) -> impl IntoView {
    let due = move || backup_need(saved_at, exported_at.get(), now_ms()).is_some();
    let text = move || match exported_at.get() {
        Some(at) => {
            let edited = if saved_at > at {
                ", đã sửa sau đó"
            } else {
                ""
            };
            format!("Xuất tệp lần cuối: {}{edited}", date_time(at))
        }
        None => "Chưa xuất tệp lần nào".into(),
    };
    view! {
        <span class="plan-card-exported" class:backup-due=due data-testid="last-exported">
            {text}
        </span>
    }
}

/// The banner asking for a backup, with the rule it follows, when any plan needs one.
#[component]
pub fn BackupReminder(plans: StoredPlans) -> impl IntoView {
    let counts = move || {
        let list = plans.get()?.ok()?;
        let now = now_ms();
        let needs: Vec<BackupNeed> = list
            .iter()
            .filter_map(|plan| backup_need(plan.saved_at, plan.exported_at, now))
            .collect();
        let never = needs
            .iter()
            .filter(|need| **need == BackupNeed::NeverExported)
            .count();
        let stale = needs.len() - never;
        (never + stale > 0).then_some((never, stale))
    };
    view! {
        <Suspense fallback=|| ()>
            {move || counts().map(|(never, stale)| {
                let mut parts = Vec::new();
                if never > 0 {
                    parts.push(format!("{never} kế hoạch chưa xuất tệp lần nào"));
                }
                if stale > 0 {
                    parts.push(format!("{stale} kế hoạch đã sửa sau lần xuất tệp cách đây hơn 7 ngày"));
                }
                view! {
                    <div class="notice notice-warning backup-reminder" role="status" data-testid="backup-reminder">
                        <p>
                            <strong>"Nên sao lưu: "</strong>
                            {parts.join("; ")}
                            ". Kế hoạch chỉ được lưu trong trình duyệt của máy này; nếu máy hỏng, hết bộ nhớ "
                            "hoặc dữ liệu trình duyệt bị xóa, chỉ tệp sao lưu giúp lấy lại được."
                        </p>
                        <p class="muted">
                            "Ứng dụng nhắc khi có kế hoạch chưa từng xuất tệp, hoặc đã sửa sau lần xuất tệp "
                            "cách đây hơn 7 ngày."
                        </p>
                    </div>
                }
            })}
        </Suspense>
    }
}
