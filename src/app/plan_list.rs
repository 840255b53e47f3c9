//! Danh sách kế hoạch: every stored plan with its year and last save, and a new plan.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Screen;
use super::format::{bytes, date_time};
use super::transfer::{self, ExportPlanButtons, LastExported, TransferBar};
use crate::domain::template::new_commune_plan;
use crate::state::{new_id, now_ms, session_id, use_database};
use crate::storage::{self, PlanSummary, SaveRequest};

/// The plan list (danh sách kế hoạch).
#[component]
pub fn PlanList(screen: RwSignal<Screen>) -> impl IntoView {
    let database = use_database();
    // Bumped after a delete or a restore, to read the lists again.
    let changes = RwSignal::new(0_u32);
    let transferred = transfer::use_transfer().version;
    let plans = LocalResource::new(move || {
        changes.track();
        transferred.track();
        let database = database.get();
        async move { database.list_plans().await }
    });
    let error = RwSignal::new(None::<String>);
    let create = Action::new_local(move |_: &()| {
        let database = database.get();
        async move {
            let year = js_sys::Date::new_0().get_full_year() as i32 + 1;
            let plan = new_commune_plan(year, new_id);
            let session = session_id();
            let request = SaveRequest {
                plan: &plan,
                base_revision: None,
                session: &session,
                now: now_ms(),
            };
            match database.save_plan(request).await {
                Ok(_) => screen.set(Screen::Editor(plan.id.clone())),
                Err(problem) => error.set(Some(problem.to_string())),
            }
        }
    });
    view! {
        <section class="plan-list" aria-labelledby="plan-list-title">
            <div class="section-head">
                <h2 id="plan-list-title">"Kế hoạch trên máy này"</h2>
                <button
                    class="button button-primary"
                    data-testid="new-plan"
                    on:click=move |_| {
                        create.dispatch_local(());
                    }
                >
                    "Tạo kế hoạch mới"
                </button>
            </div>
            <TransferBar changes=changes />
            {move || error.get().map(|message| view! { <p class="notice notice-error" role="alert">{message}</p> })}
            <Suspense fallback=|| view! { <p class="muted">"Đang đọc danh sách…"</p> }>
                {move || plans.get().map(|result| match result {
                    Ok(list) if list.is_empty() => view! {
                        <p class="muted" data-testid="no-plans">
                            "Chưa có kế hoạch nào. Bấm «Tạo kế hoạch mới» để bắt đầu."
                        </p>
                    }.into_any(),
                    Ok(list) => view! {
                        <ul class="plan-cards" data-testid="plan-list">
                            {list.into_iter().map(|plan| view! { <PlanCard plan=plan screen=screen changes=changes error=error /> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(problem) => view! {
                        <p class="notice notice-error" role="alert">{problem.to_string()}</p>
                        <transfer::StorageWayBack error=problem />
                    }.into_any(),
                })}
            </Suspense>
            <Trash changes=changes error=error />
            <StorageInfo />
        </section>
    }
}

/// One plan in the list, with its delete button.
#[component]
fn PlanCard(
    plan: PlanSummary,
    screen: RwSignal<Screen>,
    changes: RwSignal<u32>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let database = use_database();
    let open_id = plan.id.clone();
    let delete_id = plan.id.clone();
    let title = if plan.title.is_empty() {
        "(Chưa có trích yếu)".to_string()
    } else {
        plan.title.clone()
    };
    let delete = move |_| {
        let database = database.get();
        let id = delete_id.clone();
        spawn_local(async move {
            match database.move_to_trash(&id, now_ms()).await {
                Ok(()) => changes.update(|n| *n += 1),
                Err(problem) => error.set(Some(problem.to_string())),
            }
        });
    };
    view! {
        <li class="plan-card">
            <button
                class="plan-card-open"
                data-testid="open-plan"
                on:click=move |_| screen.set(Screen::Editor(open_id.clone()))
            >
                <span class="plan-card-title">{title.clone()}</span>
                <span class="plan-card-meta">
                    {format!("{} · năm {} · lưu lúc {}", plan.issuing_body, plan.year, date_time(plan.saved_at))}
                </span>
                <LastExported saved_at=plan.saved_at exported_at=plan.exported_at />
            </button>
            <ExportPlanButtons id=plan.id.clone() title=title.clone() />
            <button
                class="button plan-card-delete"
                data-testid="delete-plan"
                aria-label=format!("Chuyển kế hoạch «{title}» vào thùng rác")
                on:click=delete
            >
                "Xóa"
            </button>
        </li>
    }
}

/// Thùng rác: deleted plans, each of which can be put back.
#[component]
fn Trash(changes: RwSignal<u32>, error: RwSignal<Option<String>>) -> impl IntoView {
    let database = use_database();
    let trash = LocalResource::new(move || {
        changes.track();
        let database = database.get();
        async move { database.list_trash().await }
    });
    let restore = move |id: String| {
        let database = database.get();
        spawn_local(async move {
            match database.restore_from_trash(&id).await {
                Ok(()) => changes.update(|n| *n += 1),
                Err(problem) => error.set(Some(problem.to_string())),
            }
        });
    };
    view! {
        <Suspense fallback=|| ()>
            {move || trash.get().and_then(Result::ok).filter(|list| !list.is_empty()).map(|list| view! {
                <details class="panel" data-testid="trash">
                    <summary>{format!("Thùng rác ({})", list.len())}</summary>
                    <ul class="revision-list">
                        {list.into_iter().map(|plan| {
                            let id = plan.id.clone();
                            view! {
                                <li class="revision-item" data-testid="trashed-plan">
                                    <span>{format!("{} · năm {} · xóa lúc {}", plan.title, plan.year, date_time(plan.deleted_at))}</span>
                                    <button class="button" data-testid="restore-plan" on:click=move |_| restore(id.clone())>
                                        "Khôi phục"
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
            })}
        </Suspense>
    }
}

/// Whether the browser keeps the data persistently, and the space it takes.
#[component]
fn StorageInfo() -> impl IntoView {
    let info =
        LocalResource::new(|| async { (storage::is_persisted().await, storage::estimate().await) });
    view! {
        <Suspense fallback=|| ()>
            {move || info.get().map(|(persisted, estimate)| {
                let kept = match persisted {
                    Some(true) => "Trình duyệt giữ dữ liệu lâu dài, không tự xóa khi thiếu chỗ.",
                    Some(false) => "Trình duyệt chưa cam kết giữ dữ liệu lâu dài; hãy xuất tệp sao lưu thường xuyên.",
                    None => "Trình duyệt không cho biết có giữ dữ liệu lâu dài hay không.",
                };
                let space = estimate.map(|e| format!(" Đang dùng {} trên máy.", bytes(e.usage))).unwrap_or_default();
                view! { <p class="muted storage-info" data-testid="storage-info">{kept}{space}</p> }
            })}
        </Suspense>
    }
}
