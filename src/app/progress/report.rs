//! Báo cáo kỳ này: the period's report — number, place and date, the parts the person writes
//! (I, III, IV, V; part II and the appendix come from the tasks' progress), the figures sheet,
//! closing it (chốt) so that it prints unchanged later, and the way to its print and Word file.

use leptos::prelude::*;

use super::super::Screen;
use super::super::transfer::{download_bytes, now_iso, today};
use crate::domain::progress::{ProgressSummary, ReportPeriod};
use crate::domain::report::{Figure, PeriodReport};
use crate::domain::{Decimal, PartialDate};
use crate::file_format::file_name::report_file_name;
use crate::file_format::{ExportInfo, export_report};
use crate::state::FollowUp;

use super::controls::{Field, Kind, action, field, focus_later};

/// Changes the report of `period`, if it was drafted.
fn edit_report(follow_up: FollowUp, period: ReportPeriod, change: impl FnOnce(&mut PeriodReport)) {
    follow_up.edit(|tracking| {
        if let Some(report) = tracking.reports.iter_mut().find(|r| r.period == period) {
            change(report);
        }
    });
}

/// «20/3/2026 lúc 09:05» from an ISO time; the text itself when it is not one.
fn closed_at(iso: &str) -> String {
    match (
        iso.get(0..4),
        iso.get(5..7),
        iso.get(8..10),
        iso.get(11..16),
    ) {
        (Some(y), Some(m), Some(d), Some(time)) => format!(
            "{}/{}/{y} lúc {time}",
            d.trim_start_matches('0'),
            m.trim_start_matches('0')
        ),
        _ => iso.to_string(),
    }
}

/// The report's first field, where the focus goes once the report is drafted or opened again
/// (the button pressed is gone).
const FIRST_FIELD: &str = "#report-number";

#[component]
pub fn ReportPanel(
    follow_up: FollowUp,
    period: RwSignal<ReportPeriod>,
    summary: Memo<Option<ProgressSummary>>,
    screen: RwSignal<Screen>,
) -> impl IntoView {
    let total = move || summary.with_untracked(|s| s.as_ref().map_or(0, |s| s.total.total()));
    let year = follow_up.plan.with_value(|p| p.year);
    let drafted = Memo::new(move |_| {
        let period = period.get();
        follow_up.tracking.with(|t| t.report(period).is_some())
    });
    // Drawn again for each period and once its report is drafted (not at each change), so that
    // nothing typed for one period shows under another.
    move || {
        let period = period.get();
        if drafted.get() {
            return report_form(follow_up, period, screen);
        }
        let draft = Callback::new(move |()| {
            follow_up.edit(|tracking| {
                follow_up.plan.with_value(|plan| {
                    tracking.report_mut(plan, period);
                });
            });
            focus_later(FIRST_FIELD.into(), 0);
        });
        view! {
            <div class="progress-report-empty">
                <p data-testid="report-none">
                    {format!(
                        "Chưa có báo cáo {}. Bản nháp lấy địa danh và tên kế hoạch từ kế hoạch, phần kết quả theo từng lĩnh vực và phụ lục lấy từ tiến độ của {} nhiệm vụ; số báo cáo và các phần còn lại do bạn viết.",
                        period.with_year(year),
                        total(),
                    )}
                </p>
                {action("button button-primary", Signal::stored(format!("Soạn báo cáo {}", period.title_name())),
                    "report-draft", draft, None)}
            </div>
        }
        .into_any()
    }
}

/// The drafted report of `period`: its fields, figures, closing and print.
fn report_form(follow_up: FollowUp, period: ReportPeriod, screen: RwSignal<Screen>) -> AnyView {
    let report = Memo::new(move |_| follow_up.tracking.with(|t| t.report(period).cloned()));
    let read = move |get: fn(&PeriodReport) -> String| {
        Signal::derive(move || report.with(|r| r.as_ref().map(get).unwrap_or_default()))
    };
    let closed =
        Signal::derive(move || report.with(|r| r.as_ref().is_some_and(|r| r.closed.is_some())));
    // No field takes typing that could not be saved (another tab saved first).
    let locked = Signal::derive(move || closed.get() || follow_up.edited_elsewhere.get());
    let on = move |set: fn(&mut PeriodReport, String)| {
        Callback::new(move |typed: String| edit_report(follow_up, period, |r| set(r, typed)))
    };
    let close = Callback::new(move |()| {
        let at = now_iso();
        follow_up.edit(|tracking| {
            let progress = tracking.progress.clone();
            if let Some(report) = tracking.reports.iter_mut().find(|r| r.period == period) {
                follow_up
                    .plan
                    .with_value(|plan| report.close(plan, &progress, at));
            }
        });
        focus_later("#report-closed-note".into(), 0);
    });
    // Reopening drops what the closing kept (for a received report, the sender's progress).
    let reopen = Callback::new(move |()| {
        let sure = window()
            .confirm_with_message(
                "Mở lại thì báo cáo lấy theo kế hoạch và tiến độ hiện có trên máy; kế hoạch và tiến độ lúc chốt không còn được giữ. Mở lại để sửa?",
            )
            .unwrap_or(false);
        if sure {
            edit_report(follow_up, period, PeriodReport::reopen);
            focus_later(FIRST_FIELD.into(), 0);
        }
    });
    let problem = RwSignal::new(None::<String>);
    let export = Callback::new(move |()| {
        let Some(report) = report.get_untracked() else {
            return;
        };
        let saved = follow_up.tracking.with_untracked(|tracking| {
            follow_up.plan.with_value(|live| {
                let (plan, progress) = report.basis(live, &tracking.progress);
                let info = ExportInfo {
                    exported_at: now_iso(),
                    exported_by: plan.issuing_body.clone(),
                };
                let text = export_report(plan, &report, progress, &info);
                let name = report_file_name(plan, period, today(), "json");
                download_bytes(&name, text.as_bytes(), "application/json")
            })
        });
        problem.set(saved.err().map(|error| error.to_string()));
    });
    let print = Callback::new(move |()| {
        follow_up.flush();
        let id = follow_up.plan.with_value(|p| p.id.clone());
        screen.set(Screen::ReportPrint(id, period));
    });
    let text = |id: &str, label, testid: &'static str, get, set| {
        field(Field::text(id.to_string(), label, testid, read(get), on(set)).disabled(locked))
    };
    let part = |id: &str, label, hint, get, set| {
        field(
            Field::text(id.to_string(), label, id, read(get), on(set))
                .kind(Kind::Lines)
                .wide()
                .hint(hint)
                .disabled(locked),
        )
    };
    let closed_note = move || {
        report.with(|r| {
            let at = r
                .as_ref()
                .and_then(|r| r.closed.as_ref())
                .map(|s| closed_at(&s.at))
                .unwrap_or_default();
            format!(
                "Đã chốt ngày {at}: bản in và tệp Word giữ nguyên kế hoạch và tiến độ lúc chốt, dù sau đó có sửa. Mở lại để sửa thì báo cáo lấy theo số liệu hiện tại."
            )
        })
    };
    view! {
        <div class="progress-report" data-testid="report-form">
            <Show when=move || closed.get()>
                <div class="notice" data-testid="report-closed">
                    <p id="report-closed-note" tabindex="-1">{closed_note}</p>
                    {action("button", Signal::stored("Mở lại để sửa".to_string()), "report-reopen", reopen, None)}
                </div>
            </Show>
            <div class="progress-report-actions">
                {action("button button-primary", Signal::stored("Xem bản in, tải Word".to_string()), "report-print", print, None)}
                {action("button", Signal::stored("Xuất tệp báo cáo (.json)".to_string()), "report-export", export, None)}
                <Show when=move || !closed.get()>
                    {action("button", Signal::stored("Chốt báo cáo".to_string()), "report-close", close, None)}
                </Show>
            </div>
            {move || problem.get().map(|message| view! {
                <p class="notice notice-error" role="alert" data-testid="report-export-error">{message}</p>
            })}
            <div class="form-grid">
                {text("report-number", "Số", "report-number", |r| r.number.number.clone(), |r, v| r.number.number = v)}
                {text("report-symbol", "Ký hiệu", "report-symbol", |r| r.number.symbol.clone(), |r, v| r.number.symbol = v)}
                {text("report-place", "Địa danh", "report-place", |r| r.place.clone(), |r, v| r.place = v)}
                {field(Field::text("report-date".to_string(), "Ngày báo cáo", "report-date",
                    read(|r| r.date.to_naive().map(|d| d.to_string()).unwrap_or_default()),
                    on(|r, v| r.date = v.parse::<chrono::NaiveDate>().ok().map(PartialDate::from_naive).unwrap_or_default()))
                    .kind(Kind::Date).disabled(locked))}
            </div>
            {part("report-direction", "I. Công tác chỉ đạo, điều hành",
                "Mỗi dòng là một đoạn.", |r| r.direction.clone(), |r, v| r.direction = v)}
            <p class="muted" data-testid="report-part-two">
                "II. Kết quả thực hiện theo từng lĩnh vực: lấy từ tình trạng, kết quả và văn bản kiểm chứng của từng nhiệm vụ ở mục «Tiến độ nhiệm vụ»."
            </p>
            {part("report-assessment", "III. Đánh giá chung",
                "Ưu điểm; tồn tại, hạn chế; nguyên nhân.", |r| r.assessment.clone(), |r, v| r.assessment = v)}
            {part("report-next", "IV. Phương hướng, nhiệm vụ kỳ tới",
                "Bản nháp liệt kê các nhiệm vụ quá hạn và đến hạn trong kỳ tới; sửa, bớt hoặc thêm cho phù hợp.",
                |r| r.next_tasks.clone(), |r, v| r.next_tasks = v)}
            {part("report-proposals", "V. Kiến nghị, đề xuất",
                "Mỗi dòng là một đoạn.", |r| r.proposals.clone(), |r, v| r.proposals = v)}
            <fieldset class="progress-figures" data-testid="report-figures">
                <legend>"Số liệu của kỳ báo cáo (in ở phụ lục)"</legend>
                {Figure::ALL.iter().enumerate().map(|(index, figure)| {
                    figure_field(follow_up, period, report, locked, index, *figure)
                }).collect_view()}
            </fieldset>
        </div>
    }
    .into_any()
}

/// One figure of the sheet: what was typed stays as typed; a value the figure cannot be is
/// said and not stored.
fn figure_field(
    follow_up: FollowUp,
    period: ReportPeriod,
    report: Memo<Option<PeriodReport>>,
    locked: Signal<bool>,
    index: usize,
    figure: Figure,
) -> AnyView {
    let draft = RwSignal::new(None::<String>);
    let stored = move || {
        report.with(|r| {
            r.as_ref()
                .and_then(|r| r.figures.get(figure))
                .map(Decimal::format_vi)
                .unwrap_or_default()
        })
    };
    let value = Signal::derive(move || draft.get().unwrap_or_else(stored));
    let issue = Signal::derive(move || {
        draft.with(|typed| {
            let typed = typed.as_deref()?.trim();
            let fits = typed.is_empty()
                || Decimal::parse_vi(typed).is_ok_and(|value| figure.accepts(value));
            (!fits).then_some(if figure.is_count() {
                "Phải là số nguyên, không âm (ví dụ 120)."
            } else {
                "Phải là tỷ lệ từ 0 đến 100 (ví dụ 98,5)."
            })
        })
    });
    let on_input = Callback::new(move |typed: String| {
        let value = match typed.trim() {
            "" => Some(None),
            typed => Decimal::parse_vi(typed)
                .ok()
                .filter(|v| figure.accepts(*v))
                .map(Some),
        };
        draft.set(Some(typed));
        if let Some(value) = value {
            edit_report(follow_up, period, |r| r.figures.set(figure, value));
        }
    });
    field(
        Field::text(
            format!("figure-{index}"),
            figure.label(),
            format!("figure-{index}"),
            value,
            on_input,
        )
        .kind(Kind::Number)
        .disabled(locked)
        .issue(issue),
    )
}
