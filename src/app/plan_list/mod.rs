//! Danh sách kế hoạch: every stored plan with its level, issuing body, year and last save;
//! accent-insensitive search, Vietnamese order; new from a template, duplicate, next year's
//! plan, delete to the trash.

mod card;

use leptos::prelude::*;
use leptos::task::spawn_local;

use self::card::PlanCard;
use super::Screen;
use super::chunks;
use super::format::{bytes, date_time};
use super::inputs::SignalText;
use super::plan_actions;
use super::transfer::{self, TransferBar};
use crate::domain::template::TemplateInput;
use crate::domain::text;
use crate::state::{DatabaseContext, use_database};
use crate::storage::{self, PlanSummary, StorageError};

/// How the list is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    /// Mới lưu gần đây nhất trước.
    Recent,
    /// Theo tên cơ quan ban hành và trích yếu, thứ tự chữ cái tiếng Việt.
    Name,
    /// Năm kế hoạch mới nhất trước.
    Year,
}

impl Order {
    const ALL: [Order; 3] = [Order::Recent, Order::Name, Order::Year];

    fn key(self) -> &'static str {
        match self {
            Self::Recent => "recent",
            Self::Name => "name",
            Self::Year => "year",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Recent => "Mới lưu gần đây",
            Self::Name => "Theo tên (A – Z)",
            Self::Year => "Theo năm kế hoạch",
        }
    }
}

/// The plans matching `query` (without accents, every word), in `order`; exact-accent
/// matches first when searching.
fn arrange(plans: &[PlanSummary], query: &str, order: Order) -> Vec<PlanSummary> {
    let name_key = |plan: &PlanSummary| {
        let mut key = text::sort_key(&plan.issuing_body);
        key.push(0);
        key.extend(text::sort_key(&plan.title));
        key
    };
    let searching = !query.trim().is_empty();
    // The newest first needs no names: the keys are made only for an order that compares them.
    let by_name = order != Order::Recent;
    let mut found: Vec<(u8, Vec<u32>, &PlanSummary)> = plans
        .iter()
        .filter_map(|plan| {
            let rank = if searching {
                let haystack = format!(
                    "{} {} {} năm {}",
                    plan.title,
                    plan.issuing_body,
                    level_label(&plan.level),
                    plan.year
                );
                text::match_rank(query, &haystack)?
            } else {
                0
            };
            let name = if by_name { name_key(plan) } else { Vec::new() };
            Some((rank, name, plan))
        })
        .collect();
    found.sort_by(|(rank_a, name_a, a), (rank_b, name_b, b)| {
        rank_b.cmp(rank_a).then_with(|| match order {
            Order::Recent => b.saved_at.total_cmp(&a.saved_at),
            Order::Name => name_a.cmp(name_b).then(b.year.cmp(&a.year)),
            Order::Year => b.year.cmp(&a.year).then_with(|| name_a.cmp(name_b)),
        })
    });
    found.into_iter().map(|(_, _, plan)| plan.clone()).collect()
}

/// "Cấp xã", "Cấp huyện", "Cấp tỉnh" for the level stored in a plan's record.
pub(super) fn level_label(level: &str) -> &'static str {
    match level {
        "district" => "Cấp huyện",
        "province" => "Cấp tỉnh",
        _ => "Cấp xã",
    }
}

/// The stored plans' summaries, read again after every change to them (a delete, a restore,
/// an import, an export).
pub type StoredPlans = LocalResource<Result<Vec<PlanSummary>, StorageError>>;

/// What the list's place shows.
#[derive(Clone, PartialEq)]
enum Listing {
    Reading,
    Empty,
    Plans,
    Failed(StorageError),
}

/// A plan the list shows, with next year's plan of the same body if that is stored too.
type Shown = (PlanSummary, Option<PlanSummary>);

/// Everything a plan's card shows, so that a card is drawn again exactly when it changed; but
/// the time of its last export, which the card reads by itself so that an export does not take
/// the focus from its button.
fn card_key((plan, next): &Shown) -> String {
    format!(
        "{}|{}|{}|{:?}",
        plan.id,
        plan.revision,
        plan.saved_at,
        next.as_ref().map(|next| (&next.id, next.revision))
    )
}

/// The plan list (danh sách kế hoạch).
#[component]
pub fn PlanList(screen: RwSignal<Screen>) -> impl IntoView {
    let database = use_database();
    // Bumped after a delete or a restore, to read the lists again.
    let changes = RwSignal::new(0_u32);
    let transferred = transfer::use_transfer().version;
    // Read once for the list and the backup reminder both.
    let plans: StoredPlans = LocalResource::new(move || {
        changes.track();
        transferred.track();
        let database = database.get();
        async move { database.list_plans().await }
    });
    let error = RwSignal::new(None::<String>);
    // The plan just moved to the trash, which «Hoàn tác» puts back.
    let deleted = RwSignal::new(None::<Deleted>);
    let query = RwSignal::new(String::new());
    let order = RwSignal::new(Order::Recent);
    // What the list shows changes only when it turns empty, fails or is first read: a new read
    // of the plans leaves the search and the cards in place.
    let listing = Memo::new(move |_| {
        plans.with(|read| match read {
            None => Listing::Reading,
            Some(Ok(list)) if list.is_empty() => Listing::Empty,
            Some(Ok(_)) => Listing::Plans,
            Some(Err(problem)) => Listing::Failed(problem.clone()),
        })
    });
    let shown = Memo::new(move |_| {
        let query = query.get();
        let order = order.get();
        plans.with(|read| match read {
            Some(Ok(list)) => arrange(list, &query, order)
                .into_iter()
                .map(|plan| {
                    let next = plan_actions::existing_next_year(list, &plan).cloned();
                    (plan, next)
                })
                .collect(),
            _ => Vec::new(),
        })
    });
    // Once the list is drawn, the code of the screens a person opens next starts to come,
    // after the list rather than competing with it.
    Effect::new(move |fetched: Option<bool>| {
        let drawn = fetched == Some(true) || !matches!(listing.get(), Listing::Reading);
        if drawn && fetched != Some(true) {
            request_animation_frame(super::chunks::fetch_screens_ahead);
        }
        drawn
    });
    let creating = RwSignal::new(false);
    let create = Action::new_local(move |input: &TemplateInput| {
        let database = database.get();
        let input = input.clone();
        async move {
            match chunks::run(chunks::create_plan(database, input)).await {
                Ok(id) => screen.set(Screen::Editor(id)),
                Err(problem) => error.set(Some(problem)),
            }
        }
    });
    view! {
        <section class="plan-list" aria-labelledby="plan-list-title">
            <div class="section-head">
                <h2 id="plan-list-title" tabindex="-1">"Kế hoạch trên máy này"</h2>
                <button
                    class="button button-primary"
                    data-testid="new-plan"
                    aria-expanded=move || creating.get().to_string()
                    on:click=move |_| creating.update(|open| *open = !*open)
                >
                    "Tạo kế hoạch mới"
                </button>
            </div>
            <Show when=move || creating.get()>
                {chunks::chunk_view(
                    "Đang mở mẫu kế hoạch…",
                    chunks::new_plan_form(
                        Callback::new(move |input| {
                            create.dispatch_local(input);
                        }),
                        Callback::new(move |()| creating.set(false)),
                    ),
                )}
            </Show>
            <TransferBar plans=plans />
            <button class="button" data-testid="open-inbox" on:click=move |_| screen.set(Screen::Inbox)>
                "Hồ sơ nhận được"
            </button>
            {move || error.get().map(|message| view! { <p class="notice notice-error" role="alert">{message}</p> })}
            <DeletedNotice deleted=deleted changes=changes error=error />
            {move || match listing.get() {
                Listing::Reading => view! { <p class="muted">"Đang đọc danh sách…"</p> }.into_any(),
                Listing::Empty => view! {
                    <p class="muted" data-testid="no-plans">
                        "Chưa có kế hoạch nào. Bấm «Tạo kế hoạch mới» để bắt đầu."
                    </p>
                }.into_any(),
                Listing::Plans => view! {
                    <div class="list-tools" role="search">
                        <SignalText id="plan-search" kind="search" label="Tìm kế hoạch" value=query
                            placeholder="Gõ có dấu hoặc không dấu, ví dụ: cai cach 2025" />
                        <div class="field">
                            <label for="plan-order">"Sắp xếp"</label>
                            <select
                                id="plan-order"
                                data-testid="plan-order"
                                on:change=move |event| {
                                    let key = event_target_value(&event);
                                    if let Some(found) = Order::ALL.into_iter().find(|o| o.key() == key) {
                                        order.set(found);
                                    }
                                }
                            >
                                {Order::ALL.into_iter().map(|option| view! {
                                    <option value=option.key() selected=move || order.get() == option>{option.label()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                    {move || shown.with(Vec::is_empty).then(|| view! {
                        <p class="muted" data-testid="no-match" role="status">
                            {format!("Không có kế hoạch nào khớp với «{}».", query.get().trim())}
                        </p>
                    })}
                    <ul class="plan-cards" data-testid="plan-list" hidden=move || shown.with(Vec::is_empty)>
                        // Keyed by what a card shows, so that a delete or an import draws only
                        // the cards it changed, not every card again.
                        <For each=move || shown.get() key=card_key let((plan, next))>
                            <PlanCard plan=plan next=next plans=plans screen=screen changes=changes error=error deleted=deleted />
                        </For>
                    </ul>
                }.into_any(),
                Listing::Failed(problem) => view! {
                    <p class="notice notice-error" role="alert">{problem.to_string()}</p>
                    <transfer::StorageWayBack error=problem />
                }.into_any(),
            }}
            <Trash changes=changes error=error />
            <StorageInfo />
        </section>
    }
}

/// A plan just moved to the trash: its id, and its title to name it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Deleted {
    pub id: String,
    pub title: String,
}

/// «Đã chuyển … vào Thùng rác — Hoàn tác»: a delete is one tap, so it says what it did and
/// offers the way back at once, where the person is looking.
#[component]
fn DeletedNotice(
    deleted: RwSignal<Option<Deleted>>,
    changes: RwSignal<u32>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let database = use_database();
    let undo = move |_| {
        if let Some(Deleted { id, .. }) = deleted.get_untracked() {
            deleted.set(None);
            restore_from_trash(database, id, changes, error);
        }
    };
    move || {
        deleted.get().map(|Deleted { title, .. }| {
            view! {
                <p class="notice notice-success deleted-notice" role="status" data-testid="deleted-notice">
                    "Đã chuyển «"<bdi>{title}</bdi>"» vào Thùng rác. "
                    <button class="button" data-testid="undo-delete" on:click=undo>"Hoàn tác"</button>
                </p>
            }
        })
    }
}

/// Puts plan `id` back from the trash («Hoàn tác», «Khôi phục»), then reads the lists again.
fn restore_from_trash(
    database: DatabaseContext,
    id: String,
    changes: RwSignal<u32>,
    error: RwSignal<Option<String>>,
) {
    let database = database.get();
    spawn_local(async move {
        match database.restore_from_trash(&id).await {
            Ok(()) => changes.update(|n| *n += 1),
            Err(problem) => error.set(Some(problem.to_string())),
        }
    });
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
    let restore = move |id: String| restore_from_trash(database, id, changes, error);
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
                                    <span>{format!("\u{2068}{}\u{2069} · năm {} · xóa lúc {}", plan.title, plan.year, date_time(plan.deleted_at))}</span>
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
