//! Theo dõi thực hiện và báo cáo định kỳ: what a commune keeps about its plan after signing —
//! each task's progress, and for each report period (quý I, 6 tháng, 9 tháng, năm) the report's
//! own parts, its figures sheet and, once the report is closed (chốt), the plan and the progress
//! as they stood, so that the report prints again unchanged later in the year.
//! Plain data and the rules that draft a report; how it prints is `document::report`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::budget::Decimal;
use super::plan::{
    AdminEra, DocumentForm, DocumentNumber, Level, PartialDate, Plan, Recipient, Signer,
    SigningAuthority,
};
use super::progress::{
    DataPeriod, DueClass, ProgressBook, ProgressSummary, ReportPeriod, TaskProgress, TaskStatus,
    summarise,
};
use super::slot::TaskSlot;
use super::task::Task;

/// The symbol of a commune people's committee's report: «Số: …/BC-UBND».
pub const REPORT_SYMBOL: &str = "BC-UBND";

/// Theo dõi thực hiện kế hoạch: the progress of one plan's tasks and its period reports.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tracking {
    /// The plan followed ([`Plan::id`]).
    pub plan_id: String,
    /// Tiến độ hiện tại: each task's progress as it stands now, by task id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub progress: ProgressBook,
    /// The reports drafted so far, at most one per period, in the periods' order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<PeriodReport>,
}

impl Tracking {
    pub fn new(plan_id: impl Into<String>) -> Self {
        Self {
            plan_id: plan_id.into(),
            ..Self::default()
        }
    }

    /// The report of `period`, if one was drafted.
    pub fn report(&self, period: ReportPeriod) -> Option<&PeriodReport> {
        self.reports.iter().find(|report| report.period == period)
    }

    /// The report of `period`, drafted from `plan` and the progress first if there is none.
    pub fn report_mut(&mut self, plan: &Plan, period: ReportPeriod) -> &mut PeriodReport {
        let index = match self.reports.iter().position(|r| r.period == period) {
            Some(index) => index,
            None => {
                let draft = PeriodReport::draft(plan, &self.progress, period);
                let at = self.reports.partition_point(|r| r.period < period);
                self.reports.insert(at, draft);
                at
            }
        };
        &mut self.reports[index]
    }

    /// The progress of the task with `id` now, if any was recorded.
    pub fn progress_of(&self, id: &str) -> Option<&TaskProgress> {
        self.progress.get(id)
    }

    /// Sets the progress of task `id`; a progress with nothing in it is removed.
    pub fn set_progress(&mut self, id: &str, progress: TaskProgress) {
        if progress == TaskProgress::default() {
            self.progress.remove(id);
        } else {
            self.progress.insert(id.to_string(), progress);
        }
    }
}

/// Báo cáo kết quả thực hiện công tác cải cách hành chính of one period: the parts the person
/// writes, the figures sheet, and the snapshot taken when the report was closed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeriodReport {
    pub period: ReportPeriod,
    /// Số, ký hiệu: «…/BC-UBND».
    pub number: DocumentNumber,
    /// Địa danh.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// Ngày tháng năm of the report.
    pub date: PartialDate,
    /// I. Công tác chỉ đạo, điều hành: one paragraph per line.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub direction: String,
    /// III. Đánh giá chung: tồn tại, hạn chế, nguyên nhân.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub assessment: String,
    /// IV. Phương hướng, nhiệm vụ kỳ tới.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next_tasks: String,
    /// V. Kiến nghị, đề xuất.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub proposals: String,
    /// Số liệu: the figures sheet of the period.
    #[serde(skip_serializing_if = "Figures::is_empty")]
    pub figures: Figures,
    /// Đã chốt: the plan and the progress as they stood when the report was closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed: Option<Snapshot>,
}

/// The plan and its progress as a closed report keeps them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    /// When the report was closed: ISO 8601 time.
    pub at: String,
    pub plan: Plan,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub progress: ProgressBook,
}

impl PeriodReport {
    /// A first draft of the report of `period` for `plan` with `progress`: number and place from
    /// the plan, section I naming the plan, section IV listing the tasks not yet done at the
    /// cut-off for the person to edit; the other parts start empty.
    pub fn draft(plan: &Plan, progress: &ProgressBook, period: ReportPeriod) -> Self {
        let data = period.period_for(plan);
        let next_tasks = data
            .map(|data| next_period_draft(plan, progress, data.cut_off))
            .unwrap_or_default();
        Self {
            period,
            number: DocumentNumber {
                number: String::new(),
                symbol: REPORT_SYMBOL.to_string(),
            },
            place: plan.place.clone(),
            date: PartialDate::default(),
            direction: direction_draft(plan),
            assessment: String::new(),
            next_tasks,
            proposals: String::new(),
            figures: Figures::default(),
            closed: None,
        }
    }

    /// The plan and progress the report speaks of: its snapshot once closed, else `plan` and
    /// `progress` as they are now.
    pub fn basis<'a>(
        &'a self,
        plan: &'a Plan,
        progress: &'a ProgressBook,
    ) -> (&'a Plan, &'a ProgressBook) {
        match &self.closed {
            Some(snapshot) => (&snapshot.plan, &snapshot.progress),
            None => (plan, progress),
        }
    }

    /// Chốt báo cáo: keeps `plan` and `progress` as they are at `at`.
    pub fn close(&mut self, plan: &Plan, progress: &ProgressBook, at: impl Into<String>) {
        self.closed = Some(Snapshot {
            at: at.into(),
            plan: plan.clone(),
            progress: progress.clone(),
        });
    }

    /// Mở lại: the report follows the plan and the progress as they are again.
    pub fn reopen(&mut self) {
        self.closed = None;
    }

    /// The report's title after «Báo cáo»: «kết quả thực hiện công tác cải cách hành chính quý
    /// I năm 2026», and «… cải cách hành chính năm 2026» for the year's.
    pub fn title(&self, year: i32) -> String {
        format!(
            "kết quả thực hiện công tác cải cách hành chính {}",
            self.period.with_year(year)
        )
    }
}

/// The report's data period and where each task stands then, for `plan` with `progress`.
pub fn report_summary(
    plan: &Plan,
    progress: &ProgressBook,
    period: ReportPeriod,
) -> Option<(DataPeriod, ProgressSummary)> {
    let data = period.period_for(plan)?;
    Some((data, summarise(plan, progress, data.cut_off)))
}

/// The tasks not done at `cut_off` and not dropped, in document order: what the next period
/// carries on with, and what next year's plan may start from.
pub fn undone_tasks(plan: &Plan, progress: &ProgressBook, cut_off: NaiveDate) -> Vec<TaskSlot> {
    summarise(plan, progress, cut_off)
        .tasks
        .into_iter()
        .filter(|standing| {
            !matches!(
                standing.class,
                DueClass::DoneOnTime | DueClass::DoneLate | DueClass::NotCarriedOut
            )
        })
        .map(|standing| standing.slot)
        .collect()
}

/// Section IV's first draft at `cut_off`: the overdue tasks to finish first, then those due
/// by the end of the next quarter, then one line for the regular ones.
fn next_period_draft(plan: &Plan, progress: &ProgressBook, cut_off: NaiveDate) -> String {
    let horizon = cut_off
        .checked_add_months(chrono::Months::new(3))
        .and_then(super::progress::end_of_quarter);
    let summary = summarise(plan, progress, cut_off);
    let mut urgent = Vec::new();
    let mut next = Vec::new();
    let mut regular = false;
    for standing in &summary.tasks {
        let Some(task) = standing.slot.get(plan) else {
            continue;
        };
        let when = task.deadline.text.trim();
        match standing.class {
            DueClass::Overdue => urgent.push(format!(
                "Khẩn trương hoàn thành nhiệm vụ đã quá hạn ({when}): {}.",
                sentence(task)
            )),
            DueClass::DueThisPeriod => next.push(format!("{} ({when}).", capitalised(task))),
            DueClass::NotYetDue
                if task
                    .deadline
                    .final_due_date()
                    .zip(horizon)
                    .is_some_and(|(due, horizon)| due <= horizon) =>
            {
                next.push(format!("{} ({when}).", capitalised(task)))
            }
            DueClass::Ongoing => regular = true,
            _ => {}
        }
    }
    if regular {
        next.push(
            "Tiếp tục thực hiện các nhiệm vụ thường xuyên, định kỳ theo Kế hoạch.".to_string(),
        );
    }
    urgent.extend(next);
    urgent.join("\n")
}

/// Next year's plan from `source`'s tasks not done at the year report's cut-off (and not
/// dropped), with a fresh id from `new_id`: the roll-over of [`next_year_plan`] after the
/// finished tasks are taken out of the areas and of the appendices' own rows. Areas and groups
/// left without tasks are kept, since they are the plan's frame. `None` when the plan's year
/// has no report period (a year chrono cannot hold).
pub fn next_year_from_undone(
    source: &Plan,
    progress: &ProgressBook,
    new_id: impl FnMut(&str) -> String,
) -> Option<Plan> {
    let cut_off = ReportPeriod::Year.period_for(source)?.cut_off;
    let undone: std::collections::HashSet<TaskSlot> = undone_tasks(source, progress, cut_off)
        .into_iter()
        .collect();
    let mut kept = source.clone();
    for (slot, _) in super::slot::task_slots(source).into_iter().rev() {
        if undone.contains(&slot) {
            continue;
        }
        let list = match slot {
            TaskSlot::Area { area, .. } => area.get_mut(&mut kept).map(|a| &mut a.tasks),
            TaskSlot::Appendix { group, .. } => group.get_mut(&mut kept).map(|g| &mut g.tasks),
        };
        let index = match slot {
            TaskSlot::Area { index, .. } | TaskSlot::Appendix { index, .. } => index,
        };
        if let Some(list) = list.filter(|list| index < list.len()) {
            list.remove(index);
        }
    }
    Some(super::next_year::next_year_plan(&kept, new_id))
}

/// The task's content as a sentence of its own, capitalised, without its closing mark.
fn capitalised(task: &Task) -> String {
    super::text::capitalised(&sentence(task))
}

/// Tình trạng of a task as the report of a cut-off states it, from the task's `progress` and its
/// `class` at that cut-off ([`summarise`]): done or dropped as the class says (so a task marked
/// on time but done after its deadline is late, as it is counted), otherwise not started or under
/// way as it stood then; a task done after the cut-off was still under way at it.
pub fn status_at(progress: Option<&TaskProgress>, class: DueClass) -> TaskStatus {
    match (class, progress.map(|p| &p.status)) {
        (DueClass::DoneOnTime, _) => TaskStatus::DoneOnTime,
        (DueClass::DoneLate, _) => TaskStatus::DoneLate,
        (DueClass::NotCarriedOut, Some(status)) => status.clone(),
        (_, None | Some(TaskStatus::NotStarted)) => TaskStatus::NotStarted,
        _ => TaskStatus::InProgress,
    }
}

/// Nơi nhận of a report: the committee above, for its information (b/c), and the home affairs
/// office that collects the reports, then the file copy. A commune reported to the district
/// before July 2025 and to the province since; a district to the province; a province to the
/// Ministry of Home Affairs.
pub fn report_recipients(plan: &Plan) -> Vec<Recipient> {
    let (above, home_affairs) = match (plan.level, plan.era) {
        (Level::Commune, AdminEra::ThreeLevel) => ("UBND huyện", "Phòng Nội vụ huyện"),
        (Level::Commune | Level::District, _) => ("UBND tỉnh", "Sở Nội vụ"),
        (Level::Province, _) => ("Bộ Nội vụ", ""),
    };
    let line = |name: &str, note: &str| Recipient {
        name: name.to_string(),
        note: note.to_string(),
        group: String::new(),
    };
    [
        line(above, "(b/c)"),
        line(home_affairs, ""),
        line("Lưu: VT", ""),
    ]
    .into_iter()
    .filter(|recipient| !recipient.name.is_empty())
    .collect()
}

/// Người ký of a report: the plan's own signer, or, in the decision form, the decision's. A
/// decision the chair issues in their own name is signed «CHỦ TỊCH»; the report is the
/// committee's («…/BC-UBND»), so the chair signs it on the committee's behalf: «TM. ỦY BAN NHÂN
/// DÂN».
pub fn report_signer(plan: &Plan) -> Signer {
    let decision = match &plan.form {
        DocumentForm::Decision(decision) if plan.signer.is_empty() => decision,
        _ => return plan.signer.clone(),
    };
    let signer = decision.signer.clone();
    if signer.authority == SigningAuthority::Direct && decision.by_chairman() {
        Signer {
            authority: SigningAuthority::OnBehalf,
            on_behalf_of: "ỦY BAN NHÂN DÂN".to_string(),
            ..signer
        }
    } else {
        signer
    }
}

/// The task's content as one sentence, without its closing full stop or semicolon.
fn sentence(task: &Task) -> String {
    let text = task.content.trim();
    super::text::in_sentence(text.trim_end_matches(['.', ';', ':']))
}

/// Section I's first draft: the plan this report follows, named as the plan names itself.
fn direction_draft(plan: &Plan) -> String {
    let number = if plan.number.number.trim().is_empty() {
        String::new()
    } else {
        format!(
            " số {}/{}",
            plan.number.number.trim(),
            plan.number.symbol.trim()
        )
    };
    let date = match (plan.date.day, plan.date.month, plan.date.year) {
        (Some(day), Some(month), Some(year)) => format!(" ngày {day:02}/{month:02}/{year}"),
        _ => String::new(),
    };
    let name = plan.locality.name.trim();
    let issuer = if name.is_empty() {
        "Ủy ban nhân dân".to_string()
    } else {
        format!("Ủy ban nhân dân {} {name}", plan.locality.kind.word())
    };
    // In the decision form the number and date are the decision's (Quyết định ban hành Kế hoạch).
    let issued = match plan.form {
        super::plan::DocumentForm::Decision(_) => format!(
            "Quyết định{number}{date} ban hành Kế hoạch cải cách hành chính năm {}",
            plan.year
        ),
        super::plan::DocumentForm::Standalone => format!(
            "Kế hoạch{number}{date} về cải cách hành chính năm {}",
            plan.year
        ),
    };
    format!(
        "{issuer} ban hành {issued}; phân công nhiệm vụ cho các cơ quan, đơn vị và theo dõi, đôn đốc thực hiện."
    )
}

/// Số liệu của kỳ báo cáo: the figures a reform report is asked for, entered once per period.
/// Every figure is a count except [`Figure::SatisfactionRate`], a percentage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Figures(pub BTreeMap<Figure, Decimal>);

impl Figures {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, figure: Figure) -> Option<Decimal> {
        self.0.get(&figure).copied()
    }

    /// Sets a figure; `None` clears it.
    pub fn set(&mut self, figure: Figure, value: Option<Decimal>) {
        match value {
            Some(value) => self.0.insert(figure, value),
            None => self.0.remove(&figure),
        };
    }
}

/// One figure of the sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// Thủ tục hành chính được công bố, công khai.
    ProceduresPublished,
    /// Hồ sơ tiếp nhận trực tiếp.
    DossiersInPerson,
    /// Hồ sơ tiếp nhận trực tuyến.
    DossiersOnline,
    /// Hồ sơ tiếp nhận qua dịch vụ bưu chính công ích.
    DossiersByPost,
    /// Hồ sơ giải quyết đúng hạn.
    ResolvedOnTime,
    /// Hồ sơ giải quyết quá hạn.
    ResolvedLate,
    /// Thư xin lỗi đã gửi.
    ApologyLetters,
    /// Hồ sơ được số hóa.
    DossiersDigitised,
    /// Phản ánh, kiến nghị tiếp nhận.
    FeedbackReceived,
    /// Phản ánh, kiến nghị đã xử lý.
    FeedbackHandled,
    /// Tỷ lệ hài lòng (%).
    SatisfactionRate,
}

impl Figure {
    /// Every figure, in the order the sheet lists them.
    pub const ALL: [Figure; 11] = [
        Self::ProceduresPublished,
        Self::DossiersInPerson,
        Self::DossiersOnline,
        Self::DossiersByPost,
        Self::ResolvedOnTime,
        Self::ResolvedLate,
        Self::ApologyLetters,
        Self::DossiersDigitised,
        Self::FeedbackReceived,
        Self::FeedbackHandled,
        Self::SatisfactionRate,
    ];

    /// The figure's label as the sheet prints it.
    pub fn label(self) -> &'static str {
        match self {
            Self::ProceduresPublished => "Số thủ tục hành chính được công bố, công khai",
            Self::DossiersInPerson => "Số hồ sơ tiếp nhận trực tiếp",
            Self::DossiersOnline => "Số hồ sơ tiếp nhận trực tuyến",
            Self::DossiersByPost => "Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích",
            Self::ResolvedOnTime => "Số hồ sơ giải quyết đúng hạn",
            Self::ResolvedLate => "Số hồ sơ giải quyết quá hạn",
            Self::ApologyLetters => "Số thư xin lỗi đã gửi vì giải quyết quá hạn",
            Self::DossiersDigitised => "Số hồ sơ được số hóa",
            Self::FeedbackReceived => "Số phản ánh, kiến nghị tiếp nhận",
            Self::FeedbackHandled => "Số phản ánh, kiến nghị đã xử lý",
            Self::SatisfactionRate => "Tỷ lệ hài lòng của người dân, doanh nghiệp (%)",
        }
    }

    /// Whether the figure is a whole count (every one but the satisfaction rate).
    pub fn is_count(self) -> bool {
        self != Self::SatisfactionRate
    }

    /// Whether `value` can be this figure: a count is whole and not negative; a rate is
    /// between 0 and 100.
    pub fn accepts(self, value: Decimal) -> bool {
        if value.is_negative() {
            return false;
        }
        if self.is_count() {
            value.millionths() % 1_000_000 == 0
        } else {
            value.millionths() <= 100_000_000
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progress::TaskStatus;
    use crate::domain::task::ReformArea;
    use crate::domain::{Deadline, LocalityKind};

    fn plan() -> Plan {
        let task = |id: &str, content: &str, deadline: &str| Task {
            id: id.to_string(),
            content: content.to_string(),
            deadline: Deadline::new(deadline.to_string(), 2026),
            ..Task::default()
        };
        let mut plan = Plan {
            id: "ke-hoach-1".to_string(),
            year: 2026,
            place: "Tịnh Minh".to_string(),
            ..Plan::default()
        };
        plan.locality.kind = LocalityKind::Xa;
        plan.locality.name = "Tịnh Minh".to_string();
        plan.number.number = "12".to_string();
        plan.number.symbol = "KH-UBND".to_string();
        plan.date = PartialDate {
            day: Some(5),
            month: Some(1),
            year: Some(2026),
        };
        plan.areas.push(ReformArea {
            title: "Cải cách thủ tục hành chính".to_string(),
            tasks: vec![
                task("a", "Rà soát thủ tục hành chính.", "Quý I/2026"),
                task("b", "Công khai thủ tục;", "Quý II/2026"),
                task("c", "Số hóa hồ sơ", "Tháng 2/2026"),
            ],
            ..ReformArea::default()
        });
        plan
    }

    fn done(on: (u32, u32)) -> TaskProgress {
        TaskProgress {
            status: TaskStatus::DoneOnTime,
            completed_on: NaiveDate::from_ymd_opt(2026, on.0, on.1),
            ..TaskProgress::default()
        }
    }

    #[test]
    fn a_draft_names_the_plan_and_carries_on_with_what_is_not_done() {
        let plan = plan();
        let mut tracking = Tracking::new(&plan.id);
        tracking.set_progress("c", done((2, 20)));
        let report = tracking
            .report_mut(&plan, ReportPeriod::FirstQuarter)
            .clone();
        assert_eq!(report.number.symbol, "BC-UBND");
        assert_eq!(report.place, "Tịnh Minh");
        assert_eq!(
            report.direction,
            "Ủy ban nhân dân xã Tịnh Minh ban hành Kế hoạch số 12/KH-UBND ngày 05/01/2026 về cải cách hành chính năm 2026; phân công nhiệm vụ cho các cơ quan, đơn vị và theo dõi, đôn đốc thực hiện."
        );
        // At 14/3: «Quý I» is due by the quarter's end, «Quý II» in the next quarter; «Tháng
        // 2» is done.
        assert_eq!(
            report.next_tasks,
            "Rà soát thủ tục hành chính (Quý I/2026).\nCông khai thủ tục (Quý II/2026)."
        );
        assert_eq!(
            report.title(plan.year),
            "kết quả thực hiện công tác cải cách hành chính quý I năm 2026"
        );
        let titles = ReportPeriod::ALL.map(|period| {
            PeriodReport::draft(&plan, &ProgressBook::new(), period).title(plan.year)
        });
        assert_eq!(
            titles
                .map(|title| title.replace("kết quả thực hiện công tác cải cách hành chính ", "")),
            [
                "quý I năm 2026",
                "6 tháng năm 2026",
                "9 tháng năm 2026",
                "năm 2026"
            ]
        );
    }

    #[test]
    fn the_next_period_draft_puts_the_overdue_first_and_leaves_later_tasks_out() {
        let mut plan = plan();
        let extra = |id: &str, content: &str, deadline: &str| Task {
            id: id.to_string(),
            content: content.to_string(),
            deadline: Deadline::new(deadline.to_string(), 2026),
            ..Task::default()
        };
        plan.areas[0]
            .tasks
            .push(extra("d", "Tuyên truyền", "Thường xuyên"));
        plan.areas[0]
            .tasks
            .push(extra("e", "Tổng kết", "Quý IV/2026"));
        let report = PeriodReport::draft(&plan, &ProgressBook::new(), ReportPeriod::FirstQuarter);
        assert_eq!(
            report.next_tasks.lines().collect::<Vec<_>>(),
            [
                "Khẩn trương hoàn thành nhiệm vụ đã quá hạn (Tháng 2/2026): số hóa hồ sơ.",
                "Rà soát thủ tục hành chính (Quý I/2026).",
                "Công khai thủ tục (Quý II/2026).",
                "Tiếp tục thực hiện các nhiệm vụ thường xuyên, định kỳ theo Kế hoạch.",
            ]
        );
        // At the 9-month cut-off the year's last quarter is the next one.
        let report = PeriodReport::draft(&plan, &ProgressBook::new(), ReportPeriod::NineMonths);
        assert!(report.next_tasks.contains("Tổng kết (Quý IV/2026)."));
    }

    #[test]
    fn next_year_starts_from_the_tasks_not_done_nor_dropped_at_the_year_cut_off() {
        let plan = plan();
        let mut progress = ProgressBook::new();
        progress.insert("c".to_string(), done((2, 20)));
        progress.insert(
            "b".to_string(),
            TaskProgress {
                status: TaskStatus::NotCarriedOut {
                    reason: "Điều chỉnh".to_string(),
                },
                ..TaskProgress::default()
            },
        );
        // Done after the year's cut-off (14/12): still to do at it.
        progress.insert(
            "a".to_string(),
            TaskProgress {
                status: TaskStatus::DoneLate,
                completed_on: NaiveDate::from_ymd_opt(2026, 12, 20),
                ..TaskProgress::default()
            },
        );
        let next = next_year_from_undone(&plan, &progress, |prefix| format!("{prefix}-moi"))
            .expect("a year");
        assert_eq!(next.year, 2027);
        assert_eq!(next.id, "ke-hoach-moi");
        let contents: Vec<&str> = next.areas[0]
            .tasks
            .iter()
            .map(|t| t.content.as_str())
            .collect();
        assert_eq!(contents, ["Rà soát thủ tục hành chính."]);
        assert_eq!(next.areas[0].tasks[0].deadline.text, "Quý I/2027");
    }

    #[test]
    fn reports_are_kept_in_the_periods_order_and_drafted_once() {
        let plan = plan();
        let mut tracking = Tracking::new(&plan.id);
        tracking.report_mut(&plan, ReportPeriod::Year).proposals = "Đề xuất".to_string();
        tracking.report_mut(&plan, ReportPeriod::FirstQuarter);
        tracking.report_mut(&plan, ReportPeriod::SixMonths);
        let periods: Vec<_> = tracking.reports.iter().map(|r| r.period).collect();
        assert_eq!(
            periods,
            [
                ReportPeriod::FirstQuarter,
                ReportPeriod::SixMonths,
                ReportPeriod::Year
            ]
        );
        assert_eq!(
            tracking.report_mut(&plan, ReportPeriod::Year).proposals,
            "Đề xuất"
        );
    }

    #[test]
    fn a_closed_report_keeps_the_plan_and_progress_it_was_closed_with() {
        let mut plan = plan();
        let mut tracking = Tracking::new(&plan.id);
        tracking.set_progress("a", done((3, 10)));
        let book = tracking.progress.clone();
        let report = tracking.report_mut(&plan, ReportPeriod::FirstQuarter);
        report.close(&plan, &book, "2026-03-20T09:00:00+07:00");
        let report = report.clone();
        // Later in the year the plan and the progress change.
        plan.areas[0].tasks[0].content = "Đổi nội dung".to_string();
        tracking.set_progress("a", TaskProgress::default());
        let (then_plan, then_book) = report.basis(&plan, &tracking.progress);
        assert_eq!(
            then_plan.areas[0].tasks[0].content,
            "Rà soát thủ tục hành chính."
        );
        assert!(then_book.contains_key("a"));
        let mut open = report.clone();
        open.reopen();
        let (now_plan, now_book) = open.basis(&plan, &tracking.progress);
        assert_eq!(now_plan.areas[0].tasks[0].content, "Đổi nội dung");
        assert!(now_book.is_empty());
    }

    #[test]
    fn an_empty_progress_is_not_kept() {
        let mut tracking = Tracking::new("p");
        tracking.set_progress("a", done((1, 1)));
        assert_eq!(tracking.progress.len(), 1);
        tracking.set_progress("a", TaskProgress::default());
        assert!(tracking.progress.is_empty());
    }

    #[test]
    fn a_reports_status_is_the_class_for_done_and_dropped_tasks_and_the_status_then_otherwise() {
        let with = |status: TaskStatus| TaskProgress {
            status,
            ..TaskProgress::default()
        };
        let dropped = TaskStatus::NotCarriedOut {
            reason: "Điều chỉnh".to_string(),
        };
        let cases = [
            (None, DueClass::Overdue, TaskStatus::NotStarted),
            (
                Some(with(TaskStatus::NotStarted)),
                DueClass::Ongoing,
                TaskStatus::NotStarted,
            ),
            (
                Some(with(TaskStatus::InProgress)),
                DueClass::NotYetDue,
                TaskStatus::InProgress,
            ),
            // Marked done on time, classed late by its date: late, as it is counted.
            (
                Some(with(TaskStatus::DoneOnTime)),
                DueClass::DoneLate,
                TaskStatus::DoneLate,
            ),
            // Marked done, but after the cut-off: under way then.
            (
                Some(with(TaskStatus::DoneOnTime)),
                DueClass::DueThisPeriod,
                TaskStatus::InProgress,
            ),
            (
                Some(with(dropped.clone())),
                DueClass::NotCarriedOut,
                dropped,
            ),
        ];
        for (progress, class, status) in cases {
            assert_eq!(status_at(progress.as_ref(), class), status, "{class:?}");
        }
    }

    #[test]
    fn a_report_goes_to_the_committee_above_and_its_home_affairs_office() {
        let names = |level, era| -> Vec<String> {
            let plan = Plan {
                level,
                era,
                ..Plan::default()
            };
            report_recipients(&plan)
                .iter()
                .map(|r| format!("{} {}", r.name, r.note).trim().to_string())
                .collect()
        };
        assert_eq!(
            names(Level::Commune, AdminEra::TwoLevel),
            ["UBND tỉnh (b/c)", "Sở Nội vụ", "Lưu: VT"]
        );
        assert_eq!(
            names(Level::Commune, AdminEra::ThreeLevel),
            ["UBND huyện (b/c)", "Phòng Nội vụ huyện", "Lưu: VT"]
        );
        assert_eq!(
            names(Level::District, AdminEra::ThreeLevel),
            ["UBND tỉnh (b/c)", "Sở Nội vụ", "Lưu: VT"]
        );
        assert_eq!(
            names(Level::Province, AdminEra::TwoLevel),
            ["Bộ Nội vụ (b/c)", "Lưu: VT"]
        );
    }

    #[test]
    fn the_chair_who_signed_the_decision_signs_the_report_for_the_committee() {
        use crate::domain::plan::Decision;
        let chair = Signer {
            title: "CHỦ TỊCH".to_string(),
            name: "Lê Thị Mỹ Hiệp".to_string(),
            ..Signer::default()
        };
        let decision = |authority: &str, signer: Signer| Plan {
            form: DocumentForm::Decision(Box::new(Decision {
                authority: authority.to_string(),
                signer,
                ..Decision::default()
            })),
            ..Plan::default()
        };
        let signer = report_signer(&decision(
            "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TỊNH MINH",
            chair.clone(),
        ));
        assert_eq!(signer.authority, SigningAuthority::OnBehalf);
        assert_eq!(signer.on_behalf_of, "ỦY BAN NHÂN DÂN");
        assert_eq!(
            (signer.title.as_str(), signer.name.as_str()),
            ("CHỦ TỊCH", "Lê Thị Mỹ Hiệp")
        );
        // A decision of the committee, or a deputy signing, keeps its signer as it is.
        let deputy = Signer {
            authority: SigningAuthority::Deputy,
            on_behalf_of: "CHỦ TỊCH".to_string(),
            title: "PHÓ CHỦ TỊCH".to_string(),
            ..chair.clone()
        };
        let by_deputy = decision("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN", deputy.clone());
        assert_eq!(report_signer(&by_deputy), deputy);
        let committee = decision("ỦY BAN NHÂN DÂN HUYỆN SƠN TÂY", chair.clone());
        assert_eq!(report_signer(&committee), chair);
        // The plan's own signer comes first.
        let own = Plan {
            signer: deputy.clone(),
            ..decision("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ", chair)
        };
        assert_eq!(report_signer(&own), deputy);
    }

    #[test]
    fn counts_are_whole_and_the_rate_is_a_percentage() {
        let value = |text: &str| Decimal::parse_machine(text).expect("a number");
        assert!(Figure::DossiersOnline.accepts(value("120")));
        assert!(!Figure::DossiersOnline.accepts(value("1.5")));
        assert!(!Figure::DossiersOnline.accepts(value("-1")));
        assert!(Figure::SatisfactionRate.accepts(value("98.5")));
        assert!(!Figure::SatisfactionRate.accepts(value("100.1")));
    }
}
