//! Tiến độ nhiệm vụ: the counts of a period by status and by area, filters to what needs
//! attention, and every task with its status, date done, result, evidence and note.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::numbering::point_label;
use crate::domain::progress::{ClassCounts, DueClass, ProgressSummary, TaskProgress, TaskStatus};
use crate::domain::slot::TaskSlot;
use crate::state::FollowUp;

use super::controls::toggle;

/// Which tasks the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    /// Cần chú ý: overdue, or due before the end of the period's quarter.
    Attention,
    Class(DueClass),
}

impl Filter {
    fn matches(self, class: DueClass) -> bool {
        match self {
            Self::All => true,
            Self::Attention => matches!(class, DueClass::Overdue | DueClass::DueThisPeriod),
            Self::Class(only) => class == only,
        }
    }
}

/// How many tasks are done, on time or late.
fn done(counts: &ClassCounts) -> usize {
    counts.get(DueClass::DoneOnTime) + counts.get(DueClass::DoneLate)
}

/// `part` of `whole` as a whole percentage: «27%».
fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "—".to_string();
    }
    format!("{}%", (part * 100 + whole / 2) / whole)
}

/// A task's class as a CSS and test key.
fn class_key(class: DueClass) -> &'static str {
    match class {
        DueClass::NotYetDue => "not-yet-due",
        DueClass::DueThisPeriod => "due",
        DueClass::Overdue => "overdue",
        DueClass::DoneOnTime => "done",
        DueClass::DoneLate => "done-late",
        DueClass::NotCarriedOut => "dropped",
        DueClass::Ongoing => "ongoing",
        DueClass::NoFixedDate => "no-fixed-date",
        DueClass::Unreadable => "unreadable",
        DueClass::NoDeadline => "no-deadline",
    }
}

/// The number a task is known by on this screen: «1. a)», «7.2. b)», «Phụ lục 1: 3».
fn task_number(slot: TaskSlot) -> String {
    match slot {
        TaskSlot::Area { area, index } => format!("{} {}", area.number(), point_label(index)),
        TaskSlot::Appendix { group, index } => {
            format!("Phụ lục {}: {}", group.table + 1, index + 1)
        }
    }
}

/// One row of the list: what stays while statuses change.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: String,
    slot: TaskSlot,
    group: Option<usize>,
}

/// How many task rows the first paint draws (more than a tablet shows under the counts); the
/// others follow, [`BATCH`] at a time, each in a task of its own, so that a plan of 500 tasks
/// opens at once.
const FIRST_ROWS: usize = 12;
const BATCH: usize = 40;
/// The pause between two batches of rows.
const BATCH_PAUSE: std::time::Duration = std::time::Duration::from_millis(16);

/// Draws [`BATCH`] more rows after [`BATCH_PAUSE`], and so on until `total`; stops when the
/// list is gone or another filter started over.
fn draw_more(shown: RwSignal<usize>, total: usize, round: u32, rounds: StoredValue<u32>) {
    let more = move || {
        if rounds.try_get_value() != Some(round) {
            return;
        }
        let Some(now) = shown.try_get_untracked() else {
            return;
        };
        if now < total {
            shown.set(now + BATCH);
            draw_more(shown, total, round, rounds);
        }
    };
    // A task of its own after a short pause rather than an idle callback, which a busy page may
    // hold back for good (the list would stay «busy»); the page paints and takes input between.
    set_timeout(more, BATCH_PAUSE);
}

/// The counts and the list of tasks at the chosen period's cut-off.
#[component]
pub fn ProgressPanel(follow_up: FollowUp, summary: Memo<Option<ProgressSummary>>) -> impl IntoView {
    let filter = RwSignal::new(Filter::All);
    let classes: Memo<HashMap<String, DueClass>> = Memo::new(move |_| {
        summary.with(|summary| {
            summary
                .iter()
                .flat_map(|s| &s.tasks)
                .map(|standing| (standing.slot.key(), standing.class))
                .collect()
        })
    });
    let groups = move || summary.with(|s| s.as_ref().map(|s| s.groups.clone()).unwrap_or_default());
    // The list's sections by title only: a status change changes the counts, and must not draw
    // every row again (an open row would close, the select just changed lose the focus).
    let sections: Memo<Vec<String>> = Memo::new(move |_| {
        summary.with(|s| {
            s.iter()
                .flat_map(|s| &s.groups)
                .map(|group| group.title.clone())
                .collect()
        })
    });
    // The rows shown are chosen when the filter or the period changes, not at each status
    // change: a task marked done under «Quá hạn» stays in sight until the filter is chosen again.
    let cut_off = Memo::new(move |_| summary.with(|s| s.as_ref().map(|s| s.cut_off)));
    let rows: Memo<Vec<Row>> = Memo::new(move |_| {
        let filter = filter.get();
        cut_off.track();
        summary.with_untracked(|s| {
            s.iter()
                .flat_map(|s| &s.tasks)
                .filter(|standing| filter.matches(standing.class))
                .map(|standing| Row {
                    key: standing.slot.key(),
                    slot: standing.slot,
                    group: standing.group,
                })
                .collect()
        })
    });
    // Each new list of rows starts with the first screen's worth, the rest a batch at a time.
    let shown = RwSignal::new(FIRST_ROWS);
    let rounds = StoredValue::new(0u32);
    Effect::new(move |_| {
        let total = rows.with(Vec::len);
        let round = rounds.get_value() + 1;
        rounds.set_value(round);
        shown.set(FIRST_ROWS);
        draw_more(shown, total, round, rounds);
    });
    let drawing = move || shown.get() < rows.with(Vec::len);
    let total = move || summary.with(|s| s.as_ref().map(|s| s.total).unwrap_or_default());
    let unkeyed = move || summary.with(|s| s.as_ref().map_or(0, |s| s.unkeyed.len()));
    let chip = move |value: Filter, label: String, testid: String| {
        toggle(
            "progress-chip",
            Signal::stored(label),
            Signal::derive(move || filter.get() == value),
            testid,
            Callback::new(move |()| filter.set(value)),
        )
    };
    view! {
        <div class="progress-summary" data-testid="progress-summary">
            <p class="progress-total" data-testid="progress-total">
                {move || {
                    let total = total();
                    format!(
                        "{} nhiệm vụ: hoàn thành {} ({}), quá hạn {}, đến hạn trong kỳ {}.",
                        total.total(),
                        done(&total),
                        percent(done(&total), total.total()),
                        total.get(DueClass::Overdue),
                        total.get(DueClass::DueThisPeriod),
                    )
                }}
            </p>
            <div class="progress-chips" role="group" aria-label="Lọc nhiệm vụ">
                {move || {
                    let total = total();
                    let attention = total.get(DueClass::Overdue) + total.get(DueClass::DueThisPeriod);
                    let mut chips = vec![
                        chip(Filter::All, format!("Tất cả ({})", total.total()), "filter-all".into()),
                        chip(Filter::Attention, format!("Cần chú ý ({attention})"), "filter-attention".into()),
                    ];
                    chips.extend(total.iter().filter(|(_, n)| *n > 0).map(|(class, n)| {
                        chip(
                            Filter::Class(class),
                            format!("{} ({n})", class.label()),
                            format!("filter-{}", class_key(class)),
                        )
                    }));
                    chips
                }}
            </div>
            <Show when=move || { unkeyed() > 0 }>
                <p class="notice" data-testid="progress-unkeyed">
                    {move || format!("{} nhiệm vụ trùng mã với nhiệm vụ khác nên chưa ghi được tiến độ riêng; hãy mở kế hoạch, sửa rồi lưu lại.", unkeyed())}
                </p>
            </Show>
            <table class="progress-areas" data-testid="progress-areas">
                <caption class="visually-hidden">"Tiến độ theo lĩnh vực"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Lĩnh vực"</th>
                        <th scope="col">"Tổng"</th>
                        <th scope="col">"Hoàn thành"</th>
                        <th scope="col">"Quá hạn"</th>
                        <th scope="col">"Tỷ lệ"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || groups().into_iter().filter(|g| g.counts.total() > 0).map(|group| {
                        let counts = group.counts;
                        let overdue = counts.get(DueClass::Overdue);
                        view! {
                            <tr data-testid="progress-area-row">
                                <th scope="row">{group.title}</th>
                                <td>{counts.total()}</td>
                                <td>{done(&counts)}</td>
                                <td class:progress-bad=move || overdue != 0>{overdue}</td>
                                <td>{percent(done(&counts), counts.total())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="progress-list" data-testid="progress-list" aria-busy=move || drawing().to_string()>
            {move || sections.get().into_iter().enumerate().map(|(index, title)| {
                let in_group = move || {
                    let shown = shown.get();
                    rows.with(|rows| rows.iter().take(shown).filter(|r| r.group == Some(index)).cloned().collect::<Vec<_>>())
                };
                let any = move || {
                    let shown = shown.get();
                    rows.with(|rows| rows.iter().take(shown).any(|r| r.group == Some(index)))
                };
                view! {
                    <Show when=any>
                        <section class="progress-group" aria-label=title.clone()>
                            <h3 class="progress-group-title">{title.clone()}</h3>
                            <ol class="progress-tasks">
                                <For each=in_group key=|row| row.key.clone() let:row>
                                    <TaskRow follow_up=follow_up row=row classes=classes />
                                </For>
                            </ol>
                        </section>
                    </Show>
                }
            }).collect_view()}
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="muted" data-testid="progress-empty">"Không có nhiệm vụ nào ở mục này."</p>
            </Show>
        </div>
    }
}

/// Changes the progress of task `id` (an empty one when none was written).
pub(super) fn edit_progress(follow_up: FollowUp, id: &str, change: impl FnOnce(&mut TaskProgress)) {
    follow_up.edit(|tracking| {
        let mut progress = tracking.progress_of(id).cloned().unwrap_or_default();
        change(&mut progress);
        tracking.set_progress(id, progress);
    });
}

/// One task: what the plan says of it, where it stands, and its progress to write.
#[component]
fn TaskRow(
    follow_up: FollowUp,
    row: Row,
    classes: Memo<HashMap<String, DueClass>>,
) -> impl IntoView {
    let Some(task) = follow_up
        .plan
        .with_value(|plan| row.slot.get(plan).cloned())
    else {
        return ().into_any();
    };
    let id = task.id.clone();
    let key = row.key.clone();
    let class = Memo::new(move |_| classes.with(|c| c.get(&key).copied()));
    let progress = Memo::new({
        let id = id.clone();
        move |_| {
            follow_up
                .tracking
                .with(|t| t.progress_of(&id).cloned().unwrap_or_default())
        }
    });
    let open = RwSignal::new(false);
    let details_id = format!("progress-details-{}", row.key);
    let status_id = format!("progress-status-{}", row.key);
    let status_for = status_id.clone();
    // Each row's status and button say which task they are for: 500 «Tình trạng» alike
    // tell a screen reader nothing.
    let task_id = format!("progress-task-{}", row.key);
    let (task_key, details_key) = (row.key.clone(), row.key.clone());
    let facts = {
        let mut facts = Vec::new();
        if !task.lead_units.is_empty() {
            facts.push(format!("Chủ trì: {}", task.lead_units.join("; ")));
        }
        if !task.deadline.text.trim().is_empty() {
            facts.push(format!("Thời hạn: {}", task.deadline.text.trim()));
        }
        facts.join(" · ")
    };
    let set_status = {
        let id = id.clone();
        move |event: web_sys::Event| {
            let index = event_target_value(&event).parse::<usize>().unwrap_or(0);
            edit_progress(follow_up, &id, |p| {
                let reason = match &p.status {
                    TaskStatus::NotCarriedOut { reason } => reason.clone(),
                    _ => String::new(),
                };
                p.status = TaskStatus::from_index(index, reason);
            });
        }
    };
    let status_index = move || progress.with(|p| p.status.index());
    view! {
        <li class="progress-task" data-testid="progress-task" data-task=task_key
            data-class=move || class.get().map(class_key)>
            <p class="progress-task-content" id=task_id.clone()>
                <span class="progress-task-number">{task_number(row.slot)}</span>
                " "
                {task.content.clone()}
            </p>
            {(!facts.is_empty()).then(|| view! { <p class="progress-task-facts muted">{facts}</p> })}
            <div class="progress-task-state">
                <span class="progress-badge" data-testid="progress-class"
                    data-class=move || class.get().map(class_key)>
                    {move || class.get().map(DueClass::label)}
                </span>
                <label class="progress-status" for=status_for>
                    <span>"Tình trạng"</span>
                    <select id=status_id data-testid="progress-status" aria-describedby=task_id.clone()
                        on:change=set_status
                        disabled=move || follow_up.edited_elsewhere.get()>
                        {TaskStatus::LABELS.iter().enumerate().map(|(index, label)| view! {
                            <option value=index.to_string() selected=move || status_index() == index>{*label}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button class="button progress-more" data-testid="progress-more"
                    aria-expanded=move || open.get().to_string() aria-controls=details_id.clone()
                    aria-describedby=task_id
                    on:click=move |_| open.update(|open| *open = !*open)>
                    {move || if open.get() { "Thu gọn" } else { "Kết quả, văn bản" }}
                </button>
            </div>
            <Show when=move || open.get()>
                <super::details::Details follow_up=follow_up id=id.clone() key=details_key.clone() progress=progress />
            </Show>
        </li>
    }
    .into_any()
}
