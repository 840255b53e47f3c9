//! The two task fields that are read as well as kept as written: the deadline (thời hạn), with
//! its reading shown beside it and correctable, and the budget (kinh phí, triệu đồng).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::Form;
use super::fields::{DraftInput, FieldIssue, Lens, clean, field};
use crate::domain::numbering::roman;
use crate::domain::validation::budget_problem;
use crate::domain::{Budget, Deadline, Milestone, Recurrence, Task};

/// A milestone in words: "quý I/2024", "thường xuyên".
pub fn describe(milestone: &Milestone) -> String {
    match milestone {
        Milestone::Date { date } => format!("ngày {}", date.format("%d/%m/%Y")),
        Milestone::Month { year, month } => format!("tháng {month:02}/{year}"),
        Milestone::Quarter { year, quarter } => {
            format!("quý {}/{year}", roman(usize::from(*quarter)))
        }
        Milestone::HalfYear { year, half: 1 } => format!("6 tháng đầu năm {year}"),
        Milestone::HalfYear { year, .. } => format!("6 tháng cuối năm {year}"),
        Milestone::Year { year } => format!("trong năm {year}"),
        Milestone::Recurring { every } => match every {
            Recurrence::Weekly => "định kỳ hằng tuần",
            Recurrence::Monthly => "định kỳ hằng tháng",
            Recurrence::Quarterly => "định kỳ hằng quý",
            Recurrence::HalfYearly => "định kỳ 6 tháng",
            Recurrence::Yearly => "định kỳ hằng năm",
        }
        .into(),
        Milestone::Ongoing => "thường xuyên".into(),
        Milestone::NoFixedDate => "không có hạn cố định".into(),
    }
}

/// The readings a person can choose by hand, as (key, milestone) for the plan's year.
fn choices(year: i32) -> Vec<(String, Milestone)> {
    let mut out = vec![
        ("ongoing".to_string(), Milestone::Ongoing),
        ("none".into(), Milestone::NoFixedDate),
        (
            "every-month".into(),
            Milestone::Recurring {
                every: Recurrence::Monthly,
            },
        ),
        (
            "every-quarter".into(),
            Milestone::Recurring {
                every: Recurrence::Quarterly,
            },
        ),
        (
            "every-half".into(),
            Milestone::Recurring {
                every: Recurrence::HalfYearly,
            },
        ),
        ("year".into(), Milestone::Year { year }),
        ("half-1".into(), Milestone::HalfYear { year, half: 1 }),
        ("half-2".into(), Milestone::HalfYear { year, half: 2 }),
    ];
    out.extend((1..=4).map(|quarter| {
        (
            format!("quarter-{quarter}"),
            Milestone::Quarter { year, quarter },
        )
    }));
    out.extend((1..=12).map(|month| (format!("month-{month}"), Milestone::Month { year, month })));
    out
}

/// A change of a deadline, given the plan's year.
type DeadlineEdit = Box<dyn FnOnce(&mut Deadline, i32)>;

/// Thời gian thực hiện: the text as written, its reading, and a way to correct the reading.
#[component]
pub fn DeadlineField(task: Lens<Task>, #[prop(into)] id: String) -> impl IntoView {
    let form = expect_context::<Form>();
    let deadline = field!(task, deadline);
    let current = {
        let deadline = deadline.clone();
        Memo::new(move |_| form.read(|plan| deadline.read(plan, Clone::clone).unwrap_or_default()))
    };
    let year = form.year;
    let text = Signal::derive(move || current.with(|d| d.text.clone()));
    let write = {
        let (deadline, id) = (deadline.clone(), id.clone());
        move |change: DeadlineEdit, typing: bool| {
            let deadline = deadline.clone();
            let apply = move |plan: &mut crate::domain::Plan| {
                let year = plan.year;
                deadline.write(plan, |d| change(d, year));
            };
            if typing {
                form.type_into(&id, apply)
            } else {
                form.history.change(apply)
            }
        }
    };
    let on_text = {
        let write = write.clone();
        move |typed: String| {
            write(
                Box::new(move |d: &mut Deadline, year| d.retype(typed, year)),
                true,
            )
        }
    };
    let reading = move || {
        current.with(|d| {
            if d.text.trim().is_empty() && d.reading.is_empty() {
                return "Chưa ghi thời hạn.".to_string();
            }
            if d.reading.is_empty() {
                return "Chưa hiểu được thời hạn này.".to_string();
            }
            let words: Vec<String> = d.reading.iter().map(describe).collect();
            let due = d
                .final_due_date()
                .map(|date| format!(" (hạn cuối {})", date.format("%d/%m/%Y")))
                .unwrap_or_default();
            let by = if d.reading_overridden {
                "Đã chọn"
            } else {
                "Hiểu là"
            };
            format!("{by}: {}{due}", words.join("; "))
        })
    };
    let selected = move || {
        current.with(|d| {
            if !d.reading_overridden {
                return "auto".to_string();
            }
            match d.reading.as_slice() {
                [Milestone::Date { .. }] => "date".into(),
                [one] => choices(year.get())
                    .into_iter()
                    .find(|(_, m)| m == one)
                    .map_or("auto".into(), |(k, _)| k),
                _ => "auto".into(),
            }
        })
    };
    let choose = {
        let write = write.clone();
        move |event: web_sys::Event| {
            let key = event_target_value(&event);
            write(
                Box::new(move |d: &mut Deadline, year| {
                    let text = std::mem::take(&mut d.text);
                    *d = match key.as_str() {
                        "auto" => Deadline::new(text, year),
                        "date" => {
                            let date = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
                            Deadline::with_reading(text, vec![Milestone::Date { date }])
                        }
                        _ => match choices(year).into_iter().find(|(k, _)| *k == key) {
                            Some((_, milestone)) => Deadline::with_reading(text, vec![milestone]),
                            None => Deadline::new(text, year),
                        },
                    };
                }),
                false,
            )
        }
    };
    let date_value = move || {
        current.with(|d| match d.reading.as_slice() {
            [Milestone::Date { date }] => date.format("%Y-%m-%d").to_string(),
            _ => String::new(),
        })
    };
    let set_date = move |event: web_sys::Event| {
        if let Ok(date) = NaiveDate::parse_from_str(&event_target_value(&event), "%Y-%m-%d") {
            write(
                Box::new(move |d: &mut Deadline, _| {
                    *d = Deadline::with_reading(
                        std::mem::take(&mut d.text),
                        vec![Milestone::Date { date }],
                    );
                }),
                false,
            )
        }
    };
    let locked = move || form.editor.is_locked();
    let (date_id, reading_id) = (format!("{id}-date"), format!("{id}-reading"));
    view! {
        <div class="field deadline-field">
            <label for=id.clone()>"Thời gian thực hiện"</label>
            <DraftInput id=id.clone() value=text on_input=on_text />
            <p class="field-reading" data-testid="deadline-reading">{reading}</p>
            <div class="reading-choice">
                <label for=reading_id.clone()>"Cách hiểu"</label>
                <select id=reading_id disabled=locked on:change=choose prop:value=selected>
                    <option value="auto">"Tự hiểu từ chữ đã ghi"</option>
                    {move || choices(year.get()).into_iter().map(|(key, milestone)| {
                        view! { <option value=key>{describe(&milestone)}</option> }
                    }).collect_view()}
                    <option value="date">"Một ngày cụ thể…"</option>
                </select>
                <Show when=move || selected() == "date">
                    <label class="visually-hidden" for=date_id.clone()>"Ngày hết hạn"</label>
                    <input type="date" id=date_id.clone() prop:value=date_value
                        disabled=locked on:change=set_date.clone() />
                </Show>
            </div>
            <FieldIssue id=id />
        </div>
    }
}

/// Kinh phí (triệu đồng): a number in Vietnamese notation, a note, or nothing.
#[component]
pub fn BudgetField(task: Lens<Task>, #[prop(into)] id: String) -> impl IntoView {
    let form = expect_context::<Form>();
    let budget = field!(task, budget);
    let current = {
        let budget = budget.clone();
        Memo::new(move |_| form.read(|plan| budget.read(plan, Clone::clone).unwrap_or_default()))
    };
    let shown = Signal::derive(move || current.with(Budget::display));
    let key = id.clone();
    let on_input = move |typed: String| {
        let budget = budget.clone();
        let value = Budget::from_input(&clean(typed));
        form.type_into(&key, move |plan| budget.write(plan, |b| *b = value));
    };
    let reading = move || {
        current.with(|b| match b {
            Budget::None => "Để trống nếu không có kinh phí riêng.".to_string(),
            Budget::MillionVnd(amount) => format!("= {} triệu đồng", amount.format_vi()),
            Budget::Note(_) if budget_problem(b).is_some() => String::new(),
            Budget::Note(_) => "Ghi chú, không cộng vào tổng kinh phí.".into(),
        })
    };
    view! {
        <div class="field budget-field">
            <label for=id.clone()>"Kinh phí (triệu đồng)"</label>
            <DraftInput id=id.clone() value=shown on_input=on_input numeric=true />
            <p class="field-reading" data-testid="budget-reading">{reading}</p>
            <FieldIssue id=id />
        </div>
    }
}
