//! Tiến độ thực hiện: the report periods of a plan year, each task's progress, what is due and
//! overdue at a data cut-off (thời gian chốt số liệu), and the counts a report is built from.
//! Plain data and rules only; where progress is stored and how it is drawn come later.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::appendix::AppendixRows;
use super::deadline::{Deadline, Milestone, Recurrence};
use super::plan::{Plan, ReportingPeriod};
use super::slot::{TaskSlot, task_slots};
use super::text;

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Kỳ báo cáo: the four periodic reports of a plan year, each cumulative from 15/12 of the year
/// before (Ministry of Home Affairs guidance 581/BNV-CCHC, as provinces publish it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportPeriod {
    /// Báo cáo quý I: data from 15/12 of the year before to 14/3.
    FirstQuarter,
    /// Báo cáo 6 tháng: to 14/6.
    SixMonths,
    /// Báo cáo 9 tháng (some provinces: quý III, from 15/6): to 14/9.
    NineMonths,
    /// Báo cáo năm: to 14/12.
    Year,
}

/// Thời gian chốt số liệu: the data period of one report, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DataPeriod {
    pub from: NaiveDate,
    /// Ngày chốt số liệu: the state of every task is taken as of the end of this day.
    pub cut_off: NaiveDate,
}

impl ReportPeriod {
    /// In the order they fall in the year.
    pub const ALL: [ReportPeriod; 4] = [
        Self::FirstQuarter,
        Self::SixMonths,
        Self::NineMonths,
        Self::Year,
    ];

    /// The name as a report's title writes it after «… công tác cải cách hành chính»:
    /// «quý I», «6 tháng», «9 tháng», «năm» (then « năm 2026»).
    pub fn title_name(self) -> &'static str {
        match self {
            Self::FirstQuarter => "quý I",
            Self::SixMonths => "6 tháng",
            Self::NineMonths => "9 tháng",
            Self::Year => "năm",
        }
    }

    /// The period with its year as a report's title writes them: «quý I năm 2026», «6 tháng năm
    /// 2026», and for the year's own report «năm 2026» (not «năm năm 2026»).
    pub fn with_year(self, year: i32) -> String {
        match self {
            Self::Year => format!("năm {year}"),
            _ => format!("{} năm {year}", self.title_name()),
        }
    }

    /// The month whose 14th is the default cut-off.
    fn cut_off_month(self) -> u32 {
        match self {
            Self::FirstQuarter => 3,
            Self::SixMonths => 6,
            Self::NineMonths => 9,
            Self::Year => 12,
        }
    }

    /// The guidance's data period for plan year `year`: 15/12/(year − 1) to 14/3, 14/6, 14/9 or
    /// 14/12 of `year`. `None` only for a year chrono cannot hold.
    pub fn default_period(self, year: i32) -> Option<DataPeriod> {
        Some(DataPeriod {
            from: NaiveDate::from_ymd_opt(year - 1, 12, 15)?,
            cut_off: NaiveDate::from_ymd_opt(year, self.cut_off_month(), 14)?,
        })
    }

    /// The data period of this report for `plan`: the plan's own «chế độ báo cáo»
    /// ([`ReportingPeriod`], matched by its name) where it gives a cut-off date (`data_to`) in
    /// the plan's year, otherwise the guidance's default. Sơn Châu's year report, for one, is cut
    /// off on 30/11. A start date the plan gives is kept with its cut-off (its «Quý III» runs from
    /// 15/6, not cumulatively); one it leaves out is 15/12 of the year before. A cut-off outside
    /// the plan's year is taken for a typing slip and the default is used.
    pub fn period_for(self, plan: &Plan) -> Option<DataPeriod> {
        let default = self.default_period(plan.year)?;
        let own = plan
            .implementation
            .reporting
            .iter()
            .filter(|reporting| Self::of_reporting(reporting) == Some(self))
            .find_map(|reporting| {
                let cut_off = reporting.data_to.filter(|to| to.year() == plan.year)?;
                let from = reporting
                    .data_from
                    .filter(|from| *from <= cut_off)
                    .unwrap_or(default.from);
                Some(DataPeriod { from, cut_off })
            });
        Some(own.unwrap_or(default))
    }

    /// Which report a plan's «chế độ báo cáo» line names: «Báo cáo Quý I/2022», «Báo cáo 6 tháng
    /// đầu năm», «Báo cáo Quý III» (the 9-month cut-off), «Báo cáo tổng hợp năm 2022» …
    pub fn of_reporting(reporting: &ReportingPeriod) -> Option<Self> {
        let key = text::search_key(&reporting.name);
        let words: Vec<&str> = key
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect();
        let after = |first: &str| {
            words
                .windows(2)
                .find(|pair| pair[0] == first)
                .map(|pair| pair[1])
        };
        match after("quy") {
            Some("i" | "1") => return Some(Self::FirstQuarter),
            Some("ii" | "2") => return Some(Self::SixMonths),
            Some("iii" | "3") => return Some(Self::NineMonths),
            Some("iv" | "4") => return Some(Self::Year),
            _ => {}
        }
        let months = words
            .windows(2)
            .find(|pair| pair[1] == "thang")
            .map(|pair| pair[0]);
        match months {
            Some("6" | "sau") => Some(Self::SixMonths),
            Some("9" | "chin") => Some(Self::NineMonths),
            _ if words.contains(&"nam") => Some(Self::Year),
            _ => None,
        }
    }
}

/// Tình trạng thực hiện: what the person following the plan says of a task.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TaskStatus {
    /// Chưa triển khai: not started.
    #[default]
    NotStarted,
    /// Đang thực hiện: under way.
    InProgress,
    /// Hoàn thành đúng hạn: done on time.
    DoneOnTime,
    /// Hoàn thành chậm: done late.
    DoneLate,
    /// Không thực hiện, điều chỉnh: dropped or changed, with the reason (lý do).
    NotCarriedOut { reason: String },
}

impl TaskStatus {
    /// The words for each status, in the order of its values.
    pub const LABELS: [&'static str; 5] = [
        "Chưa triển khai",
        "Đang thực hiện",
        "Hoàn thành đúng hạn",
        "Hoàn thành chậm",
        "Không thực hiện, điều chỉnh",
    ];

    /// The position of the status among [`TaskStatus::LABELS`].
    pub fn index(&self) -> usize {
        match self {
            Self::NotStarted => 0,
            Self::InProgress => 1,
            Self::DoneOnTime => 2,
            Self::DoneLate => 3,
            Self::NotCarriedOut { .. } => 4,
        }
    }

    /// The status at `index` of [`TaskStatus::LABELS`]; `reason` is kept only by «Không thực
    /// hiện, điều chỉnh». An index past the end is «Chưa triển khai».
    pub fn from_index(index: usize, reason: String) -> Self {
        match index {
            1 => Self::InProgress,
            2 => Self::DoneOnTime,
            3 => Self::DoneLate,
            4 => Self::NotCarriedOut { reason },
            _ => Self::NotStarted,
        }
    }

    /// Tình trạng as the app and the report write it: «Hoàn thành đúng hạn».
    pub fn label(&self) -> &'static str {
        Self::LABELS[self.index()]
    }

    /// Whether the status says the task is done (on time or late).
    pub fn is_done(&self) -> bool {
        matches!(self, Self::DoneOnTime | Self::DoneLate)
    }
}

/// Văn bản kiểm chứng: a document that shows the work was done; only its reference is kept,
/// never the document itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EvidenceDocument {
    /// Số, ký hiệu: "31/BC-UBND".
    pub number: String,
    /// Ngày ban hành.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Trích yếu.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
}

/// Tiến độ của một nhiệm vụ: status, date done, result, evidence and a note.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TaskProgress {
    pub status: TaskStatus,
    /// Ngày hoàn thành.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<NaiveDate>,
    /// Kết quả thực hiện, as the report prints it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub result: String,
    /// Văn bản kiểm chứng.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceDocument>,
    /// Ghi chú.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl TaskProgress {
    /// Whether the task was done by the end of `cut_off`: the status says done and the date
    /// done, where given, is not after the cut-off. A date after it means that at the cut-off
    /// the task was still under way, so a report printed again later says what it said then.
    pub fn done_by(&self, cut_off: NaiveDate) -> bool {
        self.status.is_done() && self.completed_on.is_none_or(|done| done <= cut_off)
    }
}

/// Where a task stands at a cut-off. Every task is in exactly one class.
///
/// Rules, in the order they are applied:
/// 1. «Không thực hiện, điều chỉnh» is [`NotCarriedOut`](Self::NotCarriedOut), whatever the
///    deadline says.
/// 2. Done by the cut-off ([`TaskProgress::done_by`]): [`DoneLate`](Self::DoneLate) when the
///    status says late or the date done is after the final due date
///    ([`Deadline::final_due_date`]), else [`DoneOnTime`](Self::DoneOnTime). The person's word
///    counts even where the deadline cannot be read: a task with no dated milestone is late only
///    if the status says so. A task not done by the cut-off goes on:
/// 3. An empty deadline is [`NoDeadline`](Self::NoDeadline); text with no reading is
///    [`Unreadable`](Self::Unreadable); a reading with only «Khi có hướng dẫn …»-like milestones
///    is [`NoFixedDate`](Self::NoFixedDate). None of them is ever taken as not yet due.
/// 4. Only «Thường xuyên» or «Định kỳ hàng …» milestones, with at most a year that bounds them
///    («Thường xuyên trong năm 2024»): [`Ongoing`](Self::Ongoing). A recurring task is never
///    overdue as a whole; [`recurrence_due`] says whether it falls due at a cut-off.
/// 5. Dated milestones (date, month, quarter, half-year, year; each due on its last day, so
///    «Quý I/2024» on 31/3/2024 and «Trước ngày 30/6» on 30/6):
///    - the last of them (the final due date, leaving out a year that bounds a recurrence) on or
///      before the cut-off: [`Overdue`](Self::Overdue); but a task also carrying a recurrence
///      («Quý I ban hành kế hoạch; định kỳ hàng quý báo cáo») that is under way is
///      [`Ongoing`](Self::Ongoing): its dated stage is behind it and its reporting runs on. (The
///      parser reads a bare «định kỳ báo cáo» as nothing, so such a task is a dated one.)
///    - an earlier one on or before the cut-off and the task not started (no progress, or «chưa
///      triển khai»): [`Overdue`](Self::Overdue). The parser's milestones are stages of the one
///      task in the order written («Quý I ban hành kế hoạch; tháng 12 báo cáo»), and progress is
///      kept per task, not per stage, so a task under way is taken to have met the stages behind
///      it; one not even started has missed one.
///    - the next one due after the cut-off but by the end of the cut-off's calendar quarter
///      (14/3 → 31/3, 14/6 → 30/6, 14/9 → 30/9, 14/12 → 31/12): [`DueThisPeriod`](Self::DueThisPeriod),
///      what the report must still speak of («Quý I/2024» at the quarter I cut-off).
///    - later: [`NotYetDue`](Self::NotYetDue).
///
///    A milestone in another year than the plan's («Tháng 11/2022» in a plan for 2023, which
///    the checks already point out) is taken at its date, not moved into the plan's year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DueClass {
    /// Chưa đến hạn.
    NotYetDue,
    /// Đến hạn trong kỳ: falls due between the cut-off and the end of the report's quarter.
    DueThisPeriod,
    /// Quá hạn: due on or before the cut-off and not done.
    Overdue,
    /// Hoàn thành đúng hạn.
    DoneOnTime,
    /// Hoàn thành chậm.
    DoneLate,
    /// Không thực hiện, điều chỉnh.
    NotCarriedOut,
    /// Thường xuyên, định kỳ: recurring, never overdue as a whole.
    Ongoing,
    /// Không có thời hạn cố định: «Khi có hướng dẫn …», «Theo kế hoạch của cấp tỉnh».
    NoFixedDate,
    /// Chưa hiểu được thời hạn: text that could not be read.
    Unreadable,
    /// Chưa có thời hạn: nothing written.
    NoDeadline,
}

impl DueClass {
    /// Every class, in the order a summary lists them.
    pub const ALL: [DueClass; 10] = [
        Self::NotYetDue,
        Self::DueThisPeriod,
        Self::Overdue,
        Self::DoneOnTime,
        Self::DoneLate,
        Self::NotCarriedOut,
        Self::Ongoing,
        Self::NoFixedDate,
        Self::Unreadable,
        Self::NoDeadline,
    ];

    fn index(self) -> usize {
        self as usize
    }

    /// The class as the app and the report write it: «Quá hạn», «Chưa hiểu được thời hạn» …
    pub fn label(self) -> &'static str {
        match self {
            Self::NotYetDue => "Chưa đến hạn",
            Self::DueThisPeriod => "Đến hạn trong kỳ",
            Self::Overdue => "Quá hạn",
            Self::DoneOnTime => "Hoàn thành đúng hạn",
            Self::DoneLate => "Hoàn thành chậm",
            Self::NotCarriedOut => "Không thực hiện, điều chỉnh",
            Self::Ongoing => "Thường xuyên, định kỳ",
            Self::NoFixedDate => "Không có thời hạn cố định",
            Self::Unreadable => "Chưa hiểu được thời hạn",
            Self::NoDeadline => "Chưa có thời hạn",
        }
    }
}

/// The calendar quarter `date` is in, 1 to 4.
fn quarter_of(date: NaiveDate) -> u8 {
    (date.month0() / 3 + 1) as u8
}

/// The last day of the calendar quarter `date` is in.
pub(crate) fn end_of_quarter(date: NaiveDate) -> Option<NaiveDate> {
    Milestone::Quarter {
        year: date.year(),
        quarter: quarter_of(date),
    }
    .due_date()
}

/// Where a task with `deadline` and `progress` stands at the end of `cut_off`; the rules are
/// those of [`DueClass`].
pub fn classify(
    deadline: &Deadline,
    progress: Option<&TaskProgress>,
    cut_off: NaiveDate,
) -> DueClass {
    if let Some(TaskStatus::NotCarriedOut { .. }) = progress.map(|p| &p.status) {
        return DueClass::NotCarriedOut;
    }
    let final_due = deadline.final_due_date();
    if let Some(done) = progress.filter(|p| p.done_by(cut_off)) {
        let late_by_date =
            matches!((done.completed_on, final_due), (Some(on), Some(due)) if on > due);
        return if done.status == TaskStatus::DoneLate || late_by_date {
            DueClass::DoneLate
        } else {
            DueClass::DoneOnTime
        };
    }
    if deadline.reading.is_empty() {
        return if deadline.is_unreadable() {
            DueClass::Unreadable
        } else {
            DueClass::NoDeadline
        };
    }
    let recurring = deadline
        .reading
        .iter()
        .any(|m| matches!(m, Milestone::Ongoing | Milestone::Recurring { .. }));
    // A year beside a recurrence only bounds it («Thường xuyên trong năm 2024»): not a stage.
    let mut dates: Vec<NaiveDate> = deadline
        .reading
        .iter()
        .filter(|m| !(recurring && matches!(m, Milestone::Year { .. })))
        .filter_map(|m| m.due_date())
        .collect();
    dates.sort_unstable();
    let Some(&last_stage) = dates.last() else {
        return if recurring {
            DueClass::Ongoing
        } else {
            DueClass::NoFixedDate
        };
    };
    let started = progress.is_some_and(|p| p.status != TaskStatus::NotStarted);
    if last_stage <= cut_off {
        return if recurring && started {
            DueClass::Ongoing
        } else {
            DueClass::Overdue
        };
    }
    if !started && dates.first().is_some_and(|first| *first <= cut_off) {
        return DueClass::Overdue;
    }
    let next = dates.into_iter().find(|date| *date > cut_off);
    match (next, end_of_quarter(cut_off)) {
        (Some(next), Some(end)) if next <= end => DueClass::DueThisPeriod,
        _ => DueClass::NotYetDue,
    }
}

/// Whether a recurring task falls due in the report whose data end at `cut_off`: «hàng tuần»,
/// «hàng tháng», «hàng quý» and «thường xuyên» at every report; «6 tháng» at the reports cut
/// off in the second and fourth quarters (6 tháng, năm); «hàng năm» at the one cut off in the
/// fourth (năm). `None` when the deadline has no recurrence.
pub fn recurrence_due(deadline: &Deadline, cut_off: NaiveDate) -> Option<bool> {
    let quarter = quarter_of(cut_off);
    deadline
        .reading
        .iter()
        .filter_map(|milestone| match milestone {
            Milestone::Ongoing => Some(true),
            Milestone::Recurring { every } => Some(match every {
                Recurrence::Weekly | Recurrence::Monthly | Recurrence::Quarterly => true,
                Recurrence::HalfYearly => quarter.is_multiple_of(2),
                Recurrence::Yearly => quarter == 4,
            }),
            _ => None,
        })
        .reduce(|a, b| a || b)
}

/// Progress kept for a plan, by task id ([`Task::id`](super::task::Task::id)).
pub type ProgressBook = BTreeMap<String, TaskProgress>;

/// How many tasks are in each [`DueClass`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassCounts([usize; DueClass::ALL.len()]);

impl ClassCounts {
    pub fn get(&self, class: DueClass) -> usize {
        self.0[class.index()]
    }

    fn add(&mut self, class: DueClass) {
        self.0[class.index()] += 1;
    }

    /// Every task counted, whatever its class.
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// (class, count) for every class, in [`DueClass::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (DueClass, usize)> + '_ {
        DueClass::ALL
            .into_iter()
            .map(|class| (class, self.get(class)))
    }
}

/// Where a group of a summary comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupOrigin {
    /// A reform area of the body, by position, its sub-areas' tasks counted with it.
    Area(usize),
    /// The rows of an appendix table's own (not drawn from the body's key tasks), by position.
    Appendix(usize),
}

/// The counts of one reform area, or of one appendix's own rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupCounts {
    pub origin: GroupOrigin,
    /// The area's title, or the appendix's title (its heading where it has no title).
    pub title: String,
    pub counts: ClassCounts,
}

/// One task's standing in a summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskStanding {
    pub slot: TaskSlot,
    pub class: DueClass,
    /// The position of its group in [`ProgressSummary::groups`]; `None` for a row of an
    /// appendix that draws its rows from the body (it has no group of its own).
    pub group: Option<usize>,
    /// Whether progress was found for it.
    pub has_progress: bool,
}

/// Tổng hợp tiến độ: where every task of a plan stands at a cut-off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressSummary {
    pub cut_off: NaiveDate,
    /// Every task: those of the body's areas, then appendices' own rows, each once.
    pub total: ClassCounts,
    /// One group per reform area (in order), then one per appendix table with rows of its own.
    pub groups: Vec<GroupCounts>,
    /// Every task in document order, as [`task_slots`] lists them.
    pub tasks: Vec<TaskStanding>,
    /// Tasks whose id is empty or shared with another task: no progress can be told apart for
    /// them, so they are classed from their deadline alone, and listed here to be seen to.
    pub unkeyed: Vec<TaskSlot>,
}

/// Where every task of `plan` stands at `cut_off`, with the progress of `book` looked up by task
/// id. Key-task appendices show body tasks again and add nothing; an appendix's own rows are
/// counted under that appendix.
pub fn summarise(plan: &Plan, book: &ProgressBook, cut_off: NaiveDate) -> ProgressSummary {
    let slots = task_slots(plan);
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for (_, task) in &slots {
        *uses.entry(task.id.as_str()).or_default() += 1;
    }
    let mut groups: Vec<GroupCounts> = plan
        .areas
        .iter()
        .enumerate()
        .map(|(index, area)| GroupCounts {
            origin: GroupOrigin::Area(index),
            title: area.title.clone(),
            counts: ClassCounts::default(),
        })
        .collect();
    let mut appendix_group: HashMap<usize, usize> = HashMap::new();
    for (index, table) in plan.appendices.iter().enumerate() {
        if matches!(table.rows, AppendixRows::Own { .. }) {
            appendix_group.insert(index, groups.len());
            let title = if is_blank(&table.title) {
                &table.heading
            } else {
                &table.title
            };
            groups.push(GroupCounts {
                origin: GroupOrigin::Appendix(index),
                title: title.clone(),
                counts: ClassCounts::default(),
            });
        }
    }
    let mut total = ClassCounts::default();
    let mut tasks = Vec::with_capacity(slots.len());
    let mut unkeyed = Vec::new();
    for (slot, task) in slots {
        let keyed = !is_blank(&task.id) && uses.get(task.id.as_str()) == Some(&1);
        if !keyed {
            unkeyed.push(slot);
        }
        let progress = keyed.then(|| book.get(&task.id)).flatten();
        let class = classify(&task.deadline, progress, cut_off);
        total.add(class);
        let group = match slot {
            TaskSlot::Area { area, .. } => Some(area.area),
            TaskSlot::Appendix { group, .. } => appendix_group.get(&group.table).copied(),
        };
        if let Some(group) = group.and_then(|index| groups.get_mut(index)) {
            group.counts.add(class);
        }
        tasks.push(TaskStanding {
            slot,
            class,
            group,
            has_progress: progress.is_some(),
        });
    }
    ProgressSummary {
        cut_off,
        total,
        groups,
        tasks,
        unkeyed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::appendix::{AppendixGroup, AppendixTable};
    use crate::domain::task::{ReformArea, Task};

    const YEAR: i32 = 2024;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(YEAR, month, day).expect("a real date")
    }

    /// The four default cut-offs of 2024, in order.
    fn cut_offs() -> [NaiveDate; 4] {
        ReportPeriod::ALL.map(|period| period.default_period(YEAR).expect("2024 is a year").cut_off)
    }

    fn classes(deadline: &Deadline, progress: Option<&TaskProgress>) -> [DueClass; 4] {
        cut_offs().map(|cut_off| classify(deadline, progress, cut_off))
    }

    fn progress(status: TaskStatus, completed_on: Option<NaiveDate>) -> TaskProgress {
        TaskProgress {
            status,
            completed_on,
            ..TaskProgress::default()
        }
    }

    use DueClass::*;

    #[test]
    fn the_four_periods_run_from_15_december_to_the_14th_of_march_june_september_december() {
        for period in ReportPeriod::ALL {
            let data = period.default_period(YEAR).expect("2024 is a year");
            assert_eq!(
                data.from,
                NaiveDate::from_ymd_opt(2023, 12, 15).expect("date")
            );
            assert_eq!(data.cut_off.day(), 14);
        }
        assert_eq!(
            cut_offs(),
            [day(3, 14), day(6, 14), day(9, 14), day(12, 14)]
        );
        let names = ReportPeriod::ALL.map(ReportPeriod::title_name);
        assert_eq!(names, ["quý I", "6 tháng", "9 tháng", "năm"]);
    }

    #[test]
    fn a_plans_reporting_lines_are_matched_by_name_and_their_cut_off_preferred() {
        let line = |name: &str| ReportingPeriod {
            name: name.into(),
            ..ReportingPeriod::default()
        };
        let named = [
            ("Báo cáo Quý I/2022", Some(ReportPeriod::FirstQuarter)),
            (
                "Báo cáo 6 tháng đầu năm 2022",
                Some(ReportPeriod::SixMonths),
            ),
            ("Báo cáo quý III", Some(ReportPeriod::NineMonths)),
            ("Báo cáo 9 tháng", Some(ReportPeriod::NineMonths)),
            ("Báo cáo tổng hợp năm 2022", Some(ReportPeriod::Year)),
            ("Báo cáo đột xuất", None),
        ];
        for (name, period) in named {
            assert_eq!(ReportPeriod::of_reporting(&line(name)), period, "{name}");
        }
        let mut plan = Plan {
            year: YEAR,
            ..Plan::default()
        };
        plan.implementation.reporting = vec![
            ReportingPeriod {
                data_to: Some(day(11, 30)),
                ..line("Báo cáo năm 2024")
            },
            // A cut-off typed in the wrong year is not believed.
            ReportingPeriod {
                data_to: NaiveDate::from_ymd_opt(2022, 3, 14),
                ..line("Báo cáo quý I")
            },
        ];
        let year = ReportPeriod::Year.period_for(&plan).expect("a period");
        assert_eq!(year.cut_off, day(11, 30));
        assert_eq!(
            year.from,
            NaiveDate::from_ymd_opt(2023, 12, 15).expect("date")
        );
        let first = ReportPeriod::FirstQuarter.period_for(&plan);
        assert_eq!(first, ReportPeriod::FirstQuarter.default_period(YEAR));
    }

    #[test]
    fn a_first_quarter_task_is_due_at_the_first_cut_off_and_overdue_after_it_unless_done() {
        let deadline = Deadline::new("Quý I/2024", YEAR);
        assert_eq!(deadline.final_due_date(), Some(day(3, 31)));
        assert_eq!(
            classes(&deadline, None),
            [DueThisPeriod, Overdue, Overdue, Overdue]
        );
        let under_way = progress(TaskStatus::InProgress, None);
        assert_eq!(
            classes(&deadline, Some(&under_way)),
            [DueThisPeriod, Overdue, Overdue, Overdue]
        );
        // Done on 20/3: after the first cut-off, so the quarter I report still has it due.
        let on_time = progress(TaskStatus::DoneOnTime, Some(day(3, 20)));
        assert_eq!(
            classes(&deadline, Some(&on_time)),
            [DueThisPeriod, DoneOnTime, DoneOnTime, DoneOnTime]
        );
        // Marked on time but done in April: the date says late.
        let in_april = progress(TaskStatus::DoneOnTime, Some(day(4, 10)));
        assert_eq!(classify(&deadline, Some(&in_april), day(6, 14)), DoneLate);
        // Marked late though the date is in time: the person's word counts.
        let said_late = progress(TaskStatus::DoneLate, Some(day(3, 1)));
        assert_eq!(classify(&deadline, Some(&said_late), day(3, 14)), DoneLate);
    }

    #[test]
    fn before_30_june_is_due_at_the_six_month_cut_off_and_overdue_at_nine_months() {
        let deadline = Deadline::new("Trước ngày 30/6", YEAR);
        assert_eq!(deadline.final_due_date(), Some(day(6, 30)));
        assert_eq!(
            classes(&deadline, None),
            [NotYetDue, DueThisPeriod, Overdue, Overdue]
        );
        let done = progress(TaskStatus::DoneOnTime, None);
        assert_eq!(classes(&deadline, Some(&done)), [DoneOnTime; 4]);
    }

    #[test]
    fn a_regular_task_is_ongoing_at_every_cut_off_and_never_overdue() {
        for text in [
            "Thường xuyên",
            "Thường xuyên trong năm 2024",
            "Định kỳ hàng tháng",
        ] {
            let deadline = Deadline::new(text, YEAR);
            assert_eq!(classes(&deadline, None), [Ongoing; 4], "{text}");
            for cut_off in cut_offs() {
                assert_eq!(recurrence_due(&deadline, cut_off), Some(true), "{text}");
            }
        }
        let deadline = Deadline::new("Thường xuyên", YEAR);
        let done = progress(TaskStatus::DoneOnTime, Some(day(5, 1)));
        assert_eq!(
            classes(&deadline, Some(&done)),
            [Ongoing, DoneOnTime, DoneOnTime, DoneOnTime]
        );
        assert_eq!(
            recurrence_due(&Deadline::new("Quý I/2024", YEAR), day(3, 14)),
            None
        );
    }

    #[test]
    fn half_yearly_and_yearly_reports_fall_due_only_at_their_cut_offs() {
        let every = |every| Deadline::with_reading("", vec![Milestone::Recurring { every }]);
        let half = cut_offs().map(|c| recurrence_due(&every(Recurrence::HalfYearly), c));
        assert_eq!(half, [Some(false), Some(true), Some(false), Some(true)]);
        let yearly = cut_offs().map(|c| recurrence_due(&every(Recurrence::Yearly), c));
        assert_eq!(yearly, [Some(false), Some(false), Some(false), Some(true)]);
    }

    #[test]
    fn unreadable_and_empty_deadlines_have_classes_of_their_own() {
        let unreadable = Deadline::new("Sớm nhất có thể", YEAR);
        assert!(unreadable.is_unreadable());
        assert_eq!(classes(&unreadable, None), [Unreadable; 4]);
        let under_way = progress(TaskStatus::InProgress, None);
        assert_eq!(classes(&unreadable, Some(&under_way)), [Unreadable; 4]);
        let empty = Deadline::new("", YEAR);
        assert_eq!(classes(&empty, None), [NoDeadline; 4]);
        // Done is done, whatever the deadline; late only if the status says so.
        let done = progress(TaskStatus::DoneOnTime, Some(day(1, 5)));
        assert_eq!(classes(&unreadable, Some(&done)), [DoneOnTime; 4]);
        let late = progress(TaskStatus::DoneLate, Some(day(1, 5)));
        assert_eq!(classes(&empty, Some(&late)), [DoneLate; 4]);
        let no_fixed = Deadline::new("Khi có hướng dẫn, chỉ đạo của cấp trên", YEAR);
        assert_eq!(no_fixed.reading, [Milestone::NoFixedDate]);
        assert_eq!(classes(&no_fixed, None), [NoFixedDate; 4]);
    }

    #[test]
    fn the_done_and_dropped_classes_are_worded_as_the_statuses_are() {
        let status = |class| match class {
            DoneOnTime => Some(TaskStatus::DoneOnTime),
            DoneLate => Some(TaskStatus::DoneLate),
            NotCarriedOut => Some(TaskStatus::NotCarriedOut {
                reason: String::new(),
            }),
            _ => None,
        };
        for class in DueClass::ALL {
            if let Some(status) = status(class) {
                assert_eq!(class.label(), status.label());
            }
        }
        let mut labels: Vec<&str> = DueClass::ALL.map(DueClass::label).to_vec();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(
            labels.len(),
            DueClass::ALL.len(),
            "every class its own words"
        );
        assert_eq!(Unreadable.label(), "Chưa hiểu được thời hạn");
        assert_eq!(TaskStatus::NotStarted.label(), "Chưa triển khai");
        assert_eq!(TaskStatus::InProgress.label(), "Đang thực hiện");
    }

    #[test]
    fn a_task_dropped_or_changed_is_counted_as_such_whatever_its_deadline() {
        let dropped = progress(
            TaskStatus::NotCarriedOut {
                reason: "Cấp trên điều chỉnh nhiệm vụ".into(),
            },
            None,
        );
        for text in ["Quý I/2024", "Thường xuyên", "", "Sớm nhất có thể"] {
            let deadline = Deadline::new(text, YEAR);
            assert_eq!(classes(&deadline, Some(&dropped)), [NotCarriedOut; 4]);
        }
    }

    #[test]
    fn an_earlier_stage_passed_makes_a_task_overdue_only_if_it_has_not_started() {
        let deadline = Deadline::new("Quý I/2024 ban hành kế hoạch; tháng 12/2024 báo cáo", YEAR);
        assert_eq!(deadline.reading.len(), 2);
        assert_eq!(
            classes(&deadline, None),
            [DueThisPeriod, Overdue, Overdue, Overdue]
        );
        let under_way = progress(TaskStatus::InProgress, None);
        assert_eq!(
            classes(&deadline, Some(&under_way)),
            [DueThisPeriod, NotYetDue, NotYetDue, DueThisPeriod]
        );
    }

    #[test]
    fn a_dated_stage_with_reporting_after_it_runs_on_once_under_way() {
        // The parser reads a bare «định kỳ báo cáo» as nothing: that task is a quarter I task.
        let bare = Deadline::new(
            "Quý I/2024 ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện",
            YEAR,
        );
        let under_way = progress(TaskStatus::InProgress, None);
        assert_eq!(
            classes(&bare, Some(&under_way)),
            [DueThisPeriod, Overdue, Overdue, Overdue]
        );
        let deadline = Deadline::new(
            "Quý I/2024 ban hành kế hoạch; định kỳ hàng quý báo cáo",
            YEAR,
        );
        assert_eq!(
            classes(&deadline, None),
            [DueThisPeriod, Overdue, Overdue, Overdue]
        );
        assert_eq!(
            classes(&deadline, Some(&under_way)),
            [DueThisPeriod, Ongoing, Ongoing, Ongoing]
        );
    }

    #[test]
    fn a_deadline_in_another_year_is_taken_at_its_date() {
        let before = Deadline::new("Tháng 11/2023", YEAR);
        assert_eq!(classes(&before, None), [Overdue; 4]);
        let after = Deadline::new("Quý I/2025", YEAR);
        assert_eq!(classes(&after, None), [NotYetDue; 4]);
    }

    #[test]
    fn progress_serialises_with_snake_case_fields() {
        let progress = TaskProgress {
            status: TaskStatus::NotCarriedOut {
                reason: "Điều chỉnh".into(),
            },
            completed_on: Some(day(3, 1)),
            result: "Đã ban hành".into(),
            evidence: vec![EvidenceDocument {
                number: "31/BC-UBND".into(),
                date: Some(day(3, 2)),
                summary: "Báo cáo quý I".into(),
            }],
            note: "ghi chú".into(),
        };
        let json = serde_json::to_value(&progress).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({
                "status": { "kind": "not_carried_out", "reason": "Điều chỉnh" },
                "completed_on": "2024-03-01",
                "result": "Đã ban hành",
                "evidence": [{ "number": "31/BC-UBND", "date": "2024-03-02", "summary": "Báo cáo quý I" }],
                "note": "ghi chú",
            })
        );
        let plain = serde_json::to_value(TaskProgress::default()).expect("serialises");
        assert_eq!(
            plain,
            serde_json::json!({ "status": { "kind": "not_started" } })
        );
    }

    fn task(id: &str, deadline: &str) -> Task {
        Task {
            id: id.into(),
            deadline: Deadline::new(deadline, YEAR),
            ..Task::default()
        }
    }

    #[test]
    fn a_summary_counts_each_task_once_by_area_and_own_appendix() {
        let mut key = task("a", "Quý I/2024");
        key.key_task = true;
        let plan = Plan {
            year: YEAR,
            areas: vec![
                ReformArea {
                    title: "Cải cách thể chế".into(),
                    tasks: vec![key, task("b", "Thường xuyên")],
                    ..ReformArea::default()
                },
                ReformArea {
                    title: "Cải cách thủ tục hành chính".into(),
                    sub_areas: vec![ReformArea {
                        tasks: vec![task("c", "Sớm nhất có thể")],
                        ..ReformArea::default()
                    }],
                    ..ReformArea::default()
                },
            ],
            appendices: vec![
                // Drawn from key tasks: «a» again, not counted twice.
                AppendixTable::default(),
                AppendixTable {
                    title: "NHIỆM VỤ TRỌNG TÂM".into(),
                    rows: AppendixRows::Own {
                        groups: vec![AppendixGroup {
                            tasks: vec![task("d", ""), task("d", "Quý I/2024")],
                            ..AppendixGroup::default()
                        }],
                    },
                    ..AppendixTable::default()
                },
            ],
            ..Plan::default()
        };
        let mut book = ProgressBook::new();
        book.insert(
            "a".into(),
            progress(TaskStatus::DoneOnTime, Some(day(3, 1))),
        );
        // Two rows share «d»: their progress cannot be told apart, so it is not used.
        book.insert("d".into(), progress(TaskStatus::DoneOnTime, None));
        let summary = summarise(&plan, &book, day(6, 14));
        assert_eq!(summary.total.total(), 5);
        assert_eq!(summary.tasks.len(), 5);
        let got: Vec<DueClass> = summary.tasks.iter().map(|t| t.class).collect();
        assert_eq!(got, [DoneOnTime, Ongoing, Unreadable, NoDeadline, Overdue]);
        assert_eq!(summary.unkeyed.len(), 2);
        let titles: Vec<&str> = summary.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Cải cách thể chế",
                "Cải cách thủ tục hành chính",
                "NHIỆM VỤ TRỌNG TÂM"
            ]
        );
        assert_eq!(summary.groups[0].counts.get(DoneOnTime), 1);
        assert_eq!(summary.groups[1].counts.get(Unreadable), 1);
        assert_eq!(summary.groups[2].origin, GroupOrigin::Appendix(1));
        assert_eq!(summary.groups[2].counts.total(), 2);
        let by_group: usize = summary.groups.iter().map(|g| g.counts.total()).sum();
        assert_eq!(by_group, summary.total.total());
    }
}
