//! Tổng hợp: one table across the senders of a round — tasks per area, key tasks and budget for
//! plans; where tasks stand and the figures summed for a period's reports — saved as a workbook
//! with every sender's key tasks, and the key tasks listed here, by area.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::files::in_round;
use super::{Content, Inbox, Read};
use crate::app::transfer::{download_bytes, yield_now};
use crate::document::{RoundWorkbook, XLSX_MIME, write_round_xlsx};
use crate::domain::inbox::{
    AREA_COLUMNS, BudgetSum, ItemKind, KeyTaskRow, PlanRound, ReportRound, Round,
    consolidate_plans, consolidate_reports, key_tasks,
};

/// Short headings of [`AREA_COLUMNS`] for a screen (the workbook writes them whole).
const AREA_SHORT: [&str; 8] = [
    "Chỉ đạo, điều hành",
    "Thể chế",
    "Thủ tục hành chính",
    "Tổ chức bộ máy",
    "Công vụ",
    "Tài chính công",
    "Chính quyền số",
    "Khác",
];

/// The round's tables, worked out once its files are read.
struct Tables {
    plans: PlanRound,
    key_tasks: Vec<KeyTaskRow>,
    reports: Option<ReportRound>,
}

/// The round's tables, each in a task of its own.
async fn tables(round: Round, read: &[Rc<Read>]) -> Tables {
    let plans: Vec<_> = read.iter().map(|r| r.content.plan()).collect();
    let plan_round = consolidate_plans(plans.iter().copied());
    yield_now().await;
    let key_tasks = key_tasks(plans.iter().copied());
    yield_now().await;
    let reports = match round.kind {
        ItemKind::Plan => None,
        ItemKind::Report(_) => Some(consolidate_reports(read.iter().filter_map(
            |r| match &r.content {
                Content::Report(received) => Some(received.basis()),
                Content::Plan(_) => None,
            },
        ))),
    };
    Tables {
        plans: plan_round,
        key_tasks,
        reports,
    }
}

fn budget_text(budget: &BudgetSum) -> String {
    let mut text = budget.total.format_vi();
    if budget.unreadable > 0 {
        text.push_str(&format!(" ({} ô không đọc được)", budget.unreadable));
    }
    text
}

/// The consolidated view of `round`.
#[component]
pub(super) fn Consolidated(inbox: Inbox, round: Round) -> impl IntoView {
    // In the order their senders sent them, so that of two versions the later counts.
    let keys = Memo::new(move |_| {
        inbox.files.with(|files| {
            in_round(files, round)
                .iter()
                .filter(|f| f.refused.is_none())
                .map(|f| f.key as u64)
                .collect::<Vec<_>>()
        })
    });
    let made = RwSignal::new_local(None::<Rc<Tables>>);
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let keys: Vec<f64> = keys.get().into_iter().map(|k| k as f64).collect();
        spawn_local(async move {
            if let Err(problem) = inbox.read_all(keys.clone()).await {
                error.set(Some(problem.to_string()));
                return;
            }
            let read: Vec<Rc<Read>> = keys.iter().filter_map(|key| inbox.read(*key)).collect();
            yield_now().await;
            let made_now = tables(round, &read).await;
            made.set(Some(Rc::new(made_now)));
        });
    });
    let save = move |_| {
        let Some(made) = made.get_untracked() else {
            return;
        };
        let bytes = write_round_xlsx(&RoundWorkbook {
            year: round.year,
            plans: &made.plans,
            key_tasks: &made.key_tasks,
            reports: match (round.kind, &made.reports) {
                (ItemKind::Report(period), Some(reports)) => Some((period, reports)),
                _ => None,
            },
        });
        let name = format!(
            "tong-hop-{}.xlsx",
            super::round_key(round).replace('/', "-")
        );
        if let Err(problem) = download_bytes(&name, &bytes, XLSX_MIME) {
            error.set(Some(problem.to_string()));
        }
    };
    view! {
        {move || error.get().map(|message| view! { <p class="notice notice-error" role="alert">{message}</p> })}
        {move || match made.get() {
            None => view! { <p class="muted" role="status">"Đang tổng hợp…"</p> }.into_any(),
            Some(made) => view! {
                <button class="button button-primary" data-testid="inbox-save-xlsx" on:click=save>
                    "Tải bảng tổng hợp (.xlsx)"
                </button>
                {made.reports.as_ref().map(report_table)}
                {plan_table(&made.plans)}
                <KeyTasks rows=made.clone() />
            }.into_any(),
        }}
    }
}

fn plan_table(round: &PlanRound) -> impl IntoView {
    let row = |number: Option<usize>, row: &crate::domain::inbox::CommunePlanRow| {
        view! {
            <tr data-testid=if number.is_some() { "inbox-commune-row" } else { "inbox-total-row" }>
                <td>{number.map(|n| n.to_string())}</td>
                <th scope="row"><bdi>{if number.is_some() { row.commune.clone() } else { "Tổng cộng".to_string() }}</bdi></th>
                {row.tasks_by_area.iter().map(|n| view! { <td>{*n}</td> }).collect_view()}
                <td>{row.tasks}</td>
                <td>{row.key_tasks}</td>
                <td>{budget_text(&row.budget)}</td>
            </tr>
        }
    };
    view! {
        <div class="table-frame" tabindex="0" role="region" aria-label="Bảng tổng hợp">
            <table class="inbox-table" data-testid="inbox-consolidated">
                <caption>"Số nhiệm vụ theo lĩnh vực, nhiệm vụ trọng tâm và kinh phí (triệu đồng)"</caption>
                <thead><tr>
                    <th scope="col">"TT"</th><th scope="col">"Đơn vị"</th>
                    {AREA_SHORT.iter().map(|label| view! { <th scope="col">{*label}</th> }).collect_view()}
                    <th scope="col">"Tổng số nhiệm vụ"</th><th scope="col">"Nhiệm vụ trọng tâm"</th><th scope="col">"Kinh phí"</th>
                </tr></thead>
                <tbody>
                    {round.rows.iter().enumerate().map(|(at, r)| row(Some(at + 1), r)).collect_view()}
                    {row(None, &round.total)}
                </tbody>
            </table>
        </div>
    }
}

fn report_table(round: &ReportRound) -> impl IntoView {
    let row = |name: String, r: &crate::domain::inbox::CommuneReportRow, total: bool| {
        view! {
            <tr data-testid=if total { "inbox-report-total" } else { "inbox-report-row" }>
                <th scope="row"><bdi>{name}</bdi></th>
                <td>{r.tasks}</td><td>{r.done}</td><td>{r.done_on_time}</td><td>{r.done_late}</td>
                <td>{r.overdue}</td><td>{r.not_started}</td>
            </tr>
        }
    };
    view! {
        <div class="table-frame" tabindex="0" role="region" aria-label="Kết quả theo báo cáo">
            <table class="inbox-table" data-testid="inbox-report-table">
                <caption>"Kết quả thực hiện nhiệm vụ theo báo cáo"</caption>
                <thead><tr>
                    <th scope="col">"Đơn vị"</th><th scope="col">"Số nhiệm vụ"</th><th scope="col">"Hoàn thành"</th>
                    <th scope="col">"Đúng hạn"</th><th scope="col">"Chậm"</th><th scope="col">"Quá hạn"</th><th scope="col">"Chưa triển khai"</th>
                </tr></thead>
                <tbody>
                    {round.rows.iter().map(|r| row(r.commune.clone(), r, false)).collect_view()}
                    {row("Tổng cộng".to_string(), &round.total, true)}
                </tbody>
            </table>
        </div>
    }
}

/// The most key tasks drawn at once: the workbook has them all.
const SHOWN_KEY_TASKS: usize = 200;

/// Every sender's key tasks, those of one area at a time (the first area's at first).
#[component]
fn KeyTasks(rows: Rc<Tables>) -> impl IntoView {
    let area = RwSignal::new(Some(AREA_COLUMNS[0]));
    let rows = StoredValue::new_local(rows);
    let count = move || {
        let chosen = area.get();
        rows.with_value(|made| {
            made.key_tasks
                .iter()
                .filter(|row| chosen.is_none_or(|kind| row.area == kind))
                .count()
        })
    };
    let shown = move || {
        let chosen = area.get();
        rows.with_value(|made| {
            made.key_tasks
                .iter()
                .filter(|row| chosen.is_none_or(|kind| row.area == kind))
                .take(SHOWN_KEY_TASKS)
                .map(|row| {
                    view! {
                        <tr data-testid="inbox-key-task">
                            <td><bdi>{row.commune.clone()}</bdi></td>
                            <td>{row.content.clone()}</td>
                            <td>{row.output.clone()}</td>
                            <td>{row.lead.clone()}</td>
                            <td>{row.deadline.clone()}</td>
                            <td>{row.budget.display()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h3>"Nhiệm vụ trọng tâm của các đơn vị"</h3>
        <div class="field">
            <label for="inbox-key-area">"Lĩnh vực"</label>
            <select id="inbox-key-area" data-testid="inbox-key-area" on:change=move |event| {
                let value = event_target_value(&event);
                area.set(value.parse::<usize>().ok().and_then(|at| AREA_COLUMNS.get(at).copied()));
            }>
                {AREA_SHORT.iter().enumerate().map(|(at, label)| view! { <option value=at.to_string()>{*label}</option> }).collect_view()}
                <option value="">"Tất cả các lĩnh vực"</option>
            </select>
        </div>
        <p class="muted" data-testid="inbox-key-count">{move || {
            let count = count();
            if count > SHOWN_KEY_TASKS {
                format!("{count} nhiệm vụ; hiện {SHOWN_KEY_TASKS} nhiệm vụ đầu, đủ cả trong bảng tổng hợp (.xlsx).")
            } else {
                format!("{count} nhiệm vụ.")
            }
        }}</p>
        <div class="table-frame" tabindex="0" role="region" aria-label="Nhiệm vụ trọng tâm">
            <table class="inbox-table" data-testid="inbox-key-tasks">
                <thead><tr>
                    <th scope="col">"Đơn vị"</th><th scope="col">"Nhiệm vụ"</th><th scope="col">"Kết quả đầu ra"</th>
                    <th scope="col">"Chủ trì"</th><th scope="col">"Thời gian"</th><th scope="col">"Kinh phí"</th>
                </tr></thead>
                <tbody>{shown}</tbody>
            </table>
        </div>
    }
}
