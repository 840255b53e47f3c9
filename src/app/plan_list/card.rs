//! Thẻ kế hoạch (a plan's card) in the list: open the plan, export it, duplicate it, make next
//! year's plan from it, or delete it to the trash.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::JsCast;

use super::{Deleted, StoredPlans, level_label};
use crate::app::Screen;
use crate::app::chunks;
use crate::app::format::date_time;
use crate::app::transfer::{ExportPlanButtons, LastExported};
use crate::state::{now_ms, use_database};
use crate::storage::PlanSummary;

/// One plan in the list: open it, duplicate it, make next year's plan from it, or delete it.
/// `next` is the stored plan for the following year of the same body, if there is one.
#[component]
pub(super) fn PlanCard(
    plan: PlanSummary,
    next: Option<PlanSummary>,
    plans: StoredPlans,
    screen: RwSignal<Screen>,
    changes: RwSignal<u32>,
    error: RwSignal<Option<String>>,
    deleted: RwSignal<Option<Deleted>>,
) -> impl IntoView {
    let database = use_database();
    let id = StoredValue::new(plan.id.clone());
    let title = if plan.title.is_empty() {
        "(Chưa có trích yếu)".to_string()
    } else {
        plan.title.clone()
    };
    let next_year = plan.year + 1;
    let choosing = RwSignal::new(false);
    let busy = RwSignal::new(false);
    // Read from the stored plans: an export changes this line, not the whole card.
    let exported_at = Signal::derive(move || {
        plans.with(|read| {
            let list = read.as_ref()?.as_ref().ok()?;
            id.with_value(|id| list.iter().find(|stored| stored.id == *id)?.exported_at)
        })
    });
    let card = NodeRef::<leptos::html::Li>::new();
    let trashed_title = title.clone();
    let delete = move |_| {
        // The focus goes on to the next card (or the one before), not back to the page's top.
        let other = card.get_untracked().and_then(|card| {
            card.next_element_sibling()
                .or_else(|| card.previous_element_sibling())
        });
        if let Some(open) = other
            .and_then(|other| other.query_selector(".plan-card-open").ok().flatten())
            .and_then(|open| open.dyn_into::<web_sys::HtmlElement>().ok())
        {
            open.focus().ok();
        }
        let database = database.get();
        let id = id.get_value();
        let title = trashed_title.clone();
        spawn_local(async move {
            match database.move_to_trash(&id, now_ms()).await {
                Ok(()) => {
                    deleted.set(Some(Deleted { id, title }));
                    changes.update(|n| *n += 1);
                }
                Err(problem) => error.set(Some(problem.to_string())),
            }
        });
    };
    let duplicate = move |_| {
        let database = database.get();
        let id = id.get_value();
        spawn_local(async move {
            match chunks::run(chunks::duplicate_plan(database, id)).await {
                Ok(_) => changes.update(|n| *n += 1),
                Err(problem) => error.set(Some(problem)),
            }
        });
    };
    let make_next = move |into: Option<String>| {
        let database = database.get();
        let id = id.get_value();
        busy.set(true);
        spawn_local(async move {
            match chunks::run(chunks::next_year_plan(database, id, into, false)).await {
                Ok((next_id, _)) => screen.set(Screen::Editor(next_id)),
                Err(problem) => {
                    busy.set(false);
                    error.set(Some(problem));
                }
            }
        });
    };
    let next = StoredValue::new(next);
    let start_next = move |_| {
        if next.with_value(Option::is_some) {
            choosing.set(true);
        } else {
            make_next(None);
        }
    };
    // The issuing body sits in a <bdi>: a direction override in it (U+202E from a received
    // file) must not turn round the app's words after it.
    let meta = format!(
        " · năm {} · lưu lúc {}",
        plan.year,
        date_time(plan.saved_at)
    );
    view! {
        <li class="plan-card" data-testid="plan-card" node_ref=card>
            <button
                class="plan-card-open"
                data-testid="open-plan"
                on:click=move |_| screen.set(Screen::Editor(id.get_value()))
            >
                <span class="plan-card-title">{title.clone()}</span>
                <span class="plan-card-meta">
                    {level_label(&plan.level)}" · "<bdi>{plan.issuing_body}</bdi>{meta}
                </span>
                <LastExported saved_at=plan.saved_at exported_at=exported_at />
            </button>
            <div class="plan-card-actions">
                <button class="button" data-testid="follow-plan"
                    on:click=move |_| screen.set(Screen::Progress(id.get_value()))
                    aria-label=format!("Theo dõi thực hiện kế hoạch «{title}»")>
                    "Theo dõi thực hiện"
                </button>
                <ExportPlanButtons id=plan.id.clone() title=title.clone() />
                <button class="button" data-testid="duplicate-plan" on:click=duplicate
                    aria-label=format!("Nhân bản kế hoạch «{title}»")>
                    "Nhân bản"
                </button>
                <button class="button" data-testid="next-year-plan" on:click=start_next disabled=move || busy.get()
                    aria-label=format!("Lập kế hoạch năm {next_year} từ kế hoạch «{title}»")>
                    {format!("Lập kế hoạch năm {next_year}")}
                </button>
                <button
                    class="button plan-card-delete"
                    data-testid="delete-plan"
                    aria-label=format!("Xóa kế hoạch «{title}» (chuyển vào thùng rác)")
                    on:click=delete
                >
                    "Xóa"
                </button>
            </div>
            <Show when=move || choosing.get()>
                {move || next.get_value().map(|existing| {
                    let into = existing.id.clone();
                    view! {
                        <div class="notice notice-warning plan-card-choice" role="group" data-testid="next-year-choice"
                            aria-label=format!("Kế hoạch năm {next_year} đã có")>
                            <p>
                                // U+2068…U+2069 isolate the title inside the sentence as <bdi> would.
                                {format!(
                                    "Đã có kế hoạch năm {next_year} của đơn vị này: «\u{2068}{}\u{2069}». Có thể bổ sung vào đó các nhiệm vụ nó chưa có (những gì đã nhập được giữ nguyên), hoặc tạo một kế hoạch riêng.",
                                    existing.title
                                )}
                            </p>
                            <div class="form-actions">
                                <button class="button button-primary" data-testid="next-year-into-existing"
                                    disabled=move || busy.get()
                                    on:click=move |_| make_next(Some(into.clone()))>
                                    "Bổ sung vào kế hoạch đã có"
                                </button>
                                <button class="button" data-testid="next-year-new" disabled=move || busy.get()
                                    on:click=move |_| make_next(None)>
                                    "Tạo kế hoạch riêng"
                                </button>
                                <button class="button" on:click=move |_| choosing.set(false)>"Hủy"</button>
                            </div>
                        </div>
                    }
                })}
            </Show>
        </li>
    }
}
