//! Theo dõi thực hiện: the plan after signing. Where each task stands at a report period's
//! cut-off, counted by area and by status, each task's progress written in place, and the
//! period's report (`report.rs`) drafted from them. Made for the upright tablet first.

mod controls;
mod details;
mod history;
mod report;
mod tasks;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Screen;
use super::save_status::SaveIndicator;
use crate::domain::progress::{
    DataPeriod, ProgressBook, ProgressSummary, ReportPeriod, TaskProgress, TaskStatus, summarise,
};
use crate::state::{FollowUp, use_database};

/// Which half of the screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    /// Tiến độ: counts and every task.
    Progress,
    /// Báo cáo: the period's report.
    Report,
}

/// The follow-up screen of the plan `id`.
#[component]
pub fn ProgressScreen(id: String, screen: RwSignal<Screen>) -> impl IntoView {
    let database = use_database();
    let back_id = id.clone();
    let handed = expect_context::<super::HandedPlan>().take(&id);
    let handed = StoredValue::new_local(handed);
    let follow_up = LocalResource::new(move || {
        let plan = handed.try_update_value(Option::take).flatten();
        FollowUp::open(database.get(), id.clone(), plan)
    });
    let back = move |_| {
        if let Some(Ok(open)) = follow_up.get_untracked() {
            open.flush();
        }
        screen.set(Screen::Editor(back_id.clone()));
    };
    view! {
        <div class="editor-bar">
            <button class="button" data-testid="progress-back" on:click=back>
                "← Quay lại soạn thảo"
            </button>
        </div>
        <Suspense fallback=|| view! { <p class="muted">"Đang mở tiến độ…"</p> }>
            {move || follow_up.get().map(|result| match result {
                Ok(follow_up) => view! { <FollowUpView follow_up=follow_up screen=screen /> }.into_any(),
                Err(error) => view! {
                    <p class="notice notice-error" role="alert" data-testid="progress-error">
                        {error.to_string()}
                    </p>
                }.into_any(),
            })}
        </Suspense>
    }
}

/// The report period a person most likely works on today: the first whose cut-off is no
/// more than a month behind (its report is being written) or still ahead; the year's report
/// for a plan of a past year.
fn likely_period(periods: &[(ReportPeriod, DataPeriod)], today: NaiveDate) -> ReportPeriod {
    periods
        .iter()
        .find(|(_, data)| data.cut_off + chrono::Days::new(31) >= today)
        .map_or(ReportPeriod::Year, |(period, _)| *period)
}

thread_local! {
    /// The plan, period and tab last shown, so that coming back from the report's print view
    /// (or the editor) finds the follow-up where it was left.
    static LAST_PLACE: std::cell::RefCell<Option<(String, ReportPeriod, Tab)>> =
        const { std::cell::RefCell::new(None) };
}

/// Today in the browser's time zone.
fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// «14/3/2026».
pub(super) fn short(date: NaiveDate) -> String {
    format!("{}/{}/{}", date.day(), date.month(), date.year())
}

#[component]
fn FollowUpView(follow_up: FollowUp, screen: RwSignal<Screen>) -> impl IntoView {
    flush_when_hidden(follow_up);
    let plan = follow_up.plan;
    let periods: Vec<(ReportPeriod, DataPeriod)> = plan.with_value(|plan| {
        ReportPeriod::ALL
            .iter()
            .filter_map(|period| Some((*period, period.period_for(plan)?)))
            .collect()
    });
    let plan_id = plan.with_value(|plan| plan.id.clone());
    let last = LAST_PLACE.with_borrow(|last| {
        last.as_ref()
            .filter(|(id, _, _)| *id == plan_id)
            .map(|(_, period, tab)| (*period, *tab))
    });
    let period = RwSignal::new(last.map_or_else(|| likely_period(&periods, today()), |l| l.0));
    let data = {
        let periods = periods.clone();
        move || {
            let chosen = period.get();
            periods
                .iter()
                .find(|(p, _)| *p == chosen)
                .map(|(_, data)| *data)
        }
    };
    let cut_off = Memo::new({
        let data = data.clone();
        move |_| data().map(|data| data.cut_off)
    });
    // Where tasks stand depends on their statuses and dates done only: typing a result or a
    // note changes this memo's input but not its value, so the counts are not worked out again.
    let standing: Memo<ProgressBook> = Memo::new(move |_| {
        follow_up.tracking.with(|tracking| {
            tracking
                .progress
                .iter()
                .map(|(id, progress)| {
                    let kept = TaskProgress {
                        status: TaskStatus::from_index(progress.status.index(), String::new()),
                        completed_on: progress.completed_on,
                        ..TaskProgress::default()
                    };
                    (id.clone(), kept)
                })
                .collect()
        })
    });
    let summary: Memo<Option<ProgressSummary>> = Memo::new(move |_| {
        let cut_off = cut_off.get()?;
        let summary = standing.with(|book| plan.with_value(|plan| summarise(plan, book, cut_off)));
        Some(summary)
    });
    let tab = RwSignal::new(last.map_or(Tab::Progress, |l| l.1));
    Effect::new(move |_| {
        let place = (plan_id.clone(), period.get(), tab.get());
        LAST_PLACE.with_borrow_mut(|last| *last = Some(place));
    });
    let (title, year) = plan.with_value(|plan| (plan.title.clone(), plan.year));
    let reload = move |_| {
        spawn_local(async move {
            if let Err(error) = follow_up.reload().await {
                follow_up
                    .status
                    .set(crate::state::SaveStatus::Failed(error.to_string()));
            }
        });
    };
    let is = move |value: Tab| Signal::derive(move || tab.get() == value);
    let pick = move |value: Tab| Callback::new(move |()| tab.set(value));
    view! {
        <section class="progress" aria-labelledby="progress-title">
            <div class="section-head">
                <h2 id="progress-title" tabindex="-1">"Theo dõi thực hiện"</h2>
                <SaveIndicator status=follow_up.status />
            </div>
            <p class="progress-plan" data-testid="progress-plan">
                {plan_line(&title, year)}
            </p>
            <Show when=move || follow_up.edited_elsewhere.get()>
                <div class="notice notice-error" role="alert" data-testid="progress-conflict">
                    <p>"Tiến độ của kế hoạch này vừa được sửa ở thẻ hoặc cửa sổ khác. Hãy tải bản mới nhất. Những gì vừa sửa ở thẻ này mà chưa lưu được đã được giữ lại trong lịch sử phiên bản của phần theo dõi, ở cuối trang."</p>
                    <button class="button" on:click=reload>"Tải bản mới nhất"</button>
                </div>
            </Show>
            <div class="progress-periods" role="tablist" aria-label="Kỳ báo cáo"
                on:keydown=controls::tab_keys>
                {periods.iter().map(|(value, _)| {
                    let value = *value;
                    controls::tab(
                        "button progress-period",
                        format!("period-{}", period_key(value)),
                        Signal::stored(period_button(value).to_string()),
                        Signal::derive(move || period.get() == value),
                        "period-panel",
                        Callback::new(move |()| period.set(value)),
                    )
                }).collect_view()}
            </div>
            // The period's panel holds the two halves of the screen, each with that period.
            <div role="tabpanel" id="period-panel"
                aria-labelledby=move || format!("period-{}", period_key(period.get()))>
                <p class="muted progress-data-period" data-testid="progress-data-period">
                    {move || data().map(|data| format!(
                        "Số liệu tính từ {} đến hết {}",
                        short(data.from),
                        short(data.cut_off)
                    ))}
                </p>
                <div class="progress-tabs" role="tablist" aria-label="Nội dung"
                    on:keydown=controls::tab_keys>
                    {controls::tab("progress-tab", "tab-progress".into(),
                        Signal::stored("Tiến độ nhiệm vụ".into()),
                        is(Tab::Progress), "panel-progress", pick(Tab::Progress))}
                    {controls::tab("progress-tab", "tab-report".into(),
                        Signal::derive(move || format!("Báo cáo {}", period.get().title_name())),
                        is(Tab::Report), "panel-report", pick(Tab::Report))}
                </div>
                {move || match tab.get() {
                    Tab::Progress => view! {
                        <div role="tabpanel" id="panel-progress" aria-labelledby="tab-progress">
                            <Show when=move || period.get() == ReportPeriod::Year>
                                <NextYear follow_up=follow_up summary=summary screen=screen />
                            </Show>
                            <tasks::ProgressPanel follow_up=follow_up summary=summary />
                        </div>
                    }.into_any(),
                    Tab::Report => view! {
                        <div role="tabpanel" id="panel-report" aria-labelledby="tab-report">
                            <report::ReportPanel follow_up=follow_up period=period summary=summary screen=screen />
                        </div>
                    }.into_any(),
                }}
            </div>
            <history::FollowUpHistory follow_up=follow_up />
        </section>
    }
}

/// Kế hoạch năm sau from the tasks not done at the year's cut-off (regular ones included): how
/// many there are, and the button that makes it and opens it.
#[component]
fn NextYear(
    follow_up: FollowUp,
    summary: Memo<Option<ProgressSummary>>,
    screen: RwSignal<Screen>,
) -> impl IntoView {
    use crate::domain::progress::DueClass;
    let year = follow_up.plan.with_value(|plan| plan.year);
    let undone = move || {
        summary.with(|s| {
            s.as_ref().map_or(0, |s| {
                s.total.total()
                    - s.total.get(DueClass::DoneOnTime)
                    - s.total.get(DueClass::DoneLate)
                    - s.total.get(DueClass::NotCarriedOut)
            })
        })
    };
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let database = use_database();
    let make = Callback::new(move |()| {
        follow_up.flush();
        busy.set(true);
        let id = follow_up.plan.with_value(|plan| plan.id.clone());
        let database = database.get();
        spawn_local(async move {
            let made = super::chunks::run(super::chunks::next_year_plan(database, id, None, true));
            match made.await {
                Ok((next_id, _)) => screen.set(Screen::Editor(next_id)),
                Err(message) => {
                    busy.set(false);
                    problem.set(Some(message));
                }
            }
        });
    });
    view! {
        <div class="notice progress-next-year" data-testid="next-year-from-undone">
            <p>{move || format!(
                "{} nhiệm vụ chưa hoàn thành tại ngày chốt số liệu năm (kể cả nhiệm vụ thường xuyên) có thể chuyển sang kế hoạch năm {}; nhiệm vụ đã hoàn thành hoặc không thực hiện thì không chuyển.",
                undone(),
                year + 1
            )}</p>
            <button class="button" data-testid="next-year-undone" disabled=move || busy.get()
                on:click=move |_| make.run(())>
                {format!("Lập kế hoạch năm {} từ các nhiệm vụ này", year + 1)}
            </button>
            {move || problem.get().map(|message| view! {
                <p class="notice notice-error" role="alert">{message}</p>
            })}
        </div>
    }
}

/// «Kế hoạch cải cách hành chính năm 2024 xã Tịnh Minh»: the plan's title after «Kế hoạch»,
/// its first word in lower case unless it is an abbreviation («UBND»), with the year when the
/// title does not say it.
fn plan_line(title: &str, year: i32) -> String {
    let title = crate::domain::text::in_sentence(title);
    if title.contains(&year.to_string()) {
        format!("Kế hoạch {title}")
    } else {
        format!("Kế hoạch {title} (năm {year})")
    }
}

/// The period's name on its button: «Quý I», «6 tháng», «9 tháng», «Năm».
fn period_button(period: ReportPeriod) -> &'static str {
    match period {
        ReportPeriod::FirstQuarter => "Quý I",
        ReportPeriod::SixMonths => "6 tháng",
        ReportPeriod::NineMonths => "9 tháng",
        ReportPeriod::Year => "Năm",
    }
}

/// The period's key in test ids and the print screen: «q1», «6m», «9m», «year».
pub(super) fn period_key(period: ReportPeriod) -> &'static str {
    match period {
        ReportPeriod::FirstQuarter => "q1",
        ReportPeriod::SixMonths => "6m",
        ReportPeriod::NineMonths => "9m",
        ReportPeriod::Year => "year",
    }
}

/// Saves a pending change when the page is hidden or closed.
fn flush_when_hidden(follow_up: FollowUp) {
    let on_hide = window_event_listener_untyped("pagehide", move |_| follow_up.flush());
    let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            follow_up.flush();
        }
    });
    // Leaving the screen flushes in the buttons that leave it, while the follow-up is there.
    on_cleanup(move || {
        on_hide.remove();
        on_visibility.remove();
    });
}
