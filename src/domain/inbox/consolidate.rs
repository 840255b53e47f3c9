//! Tổng hợp (consolidation) of a round: one row per commune — tasks per standard area, key
//! tasks, budget; for a period's reports, where the tasks stand and the figures sheet — with the
//! round's totals, and every commune's key tasks in one list. Linear in the tasks of the round.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::senders::{sender_key, sort_name_key};
use crate::domain::appendix::RowPlace;
use crate::domain::budget::{Budget, Decimal};
use crate::domain::plan::Plan;
use crate::domain::progress::{DueClass, ProgressBook, TaskStatus, summarise};
use crate::domain::report::{Figure, Figures, PeriodReport, status_at};
use crate::domain::slot::{GroupSlot, TaskSlot, task_slots};
use crate::domain::task::{AreaKind, Task};
use crate::domain::validation::budget_problem;

/// The area columns of the table: the seven standard areas in their usual order, then the
/// local additions («Khác»).
pub const AREA_COLUMNS: [AreaKind; 8] = [
    AreaKind::Direction,
    AreaKind::Institutions,
    AreaKind::Procedures,
    AreaKind::Organisation,
    AreaKind::CivilService,
    AreaKind::PublicFinance,
    AreaKind::DigitalGovernment,
    AreaKind::Custom,
];

fn column_of(kind: AreaKind) -> usize {
    AREA_COLUMNS
        .iter()
        .position(|column| *column == kind)
        .unwrap_or(AREA_COLUMNS.len() - 1)
}

/// Kinh phí of a plan: the amounts summed, the notes in place of an amount, and the cells that
/// look meant as a number but cannot be read as one (counted apart, never as 0).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BudgetSum {
    pub total: Decimal,
    pub notes: usize,
    pub unreadable: usize,
}

/// The budget of `plan`: its areas' tasks and its appendices' own rows, each once (a key-task
/// table shows area tasks again and adds nothing).
pub fn plan_budget(plan: &Plan) -> BudgetSum {
    let mut sum = BudgetSum::default();
    for (_, task) in task_slots(plan) {
        match &task.budget {
            Budget::MillionVnd(amount) => sum.total = sum.total + *amount,
            Budget::Note(_) if budget_problem(&task.budget).is_some() => sum.unreadable += 1,
            Budget::Note(_) => sum.notes += 1,
            Budget::None => {}
        }
    }
    sum
}

/// One commune's row of a round of plans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommunePlanRow {
    /// Cơ quan ban hành as the plan writes it.
    pub commune: String,
    pub key: String,
    /// Tasks of the body per [`AREA_COLUMNS`], sub-areas' with their area.
    pub tasks_by_area: [usize; 8],
    pub tasks: usize,
    /// Nhiệm vụ trọng tâm: the rows of its appendix tables, and its tasks marked key, each once.
    pub key_tasks: usize,
    pub budget: BudgetSum,
}

impl CommunePlanRow {
    fn add(&mut self, other: &Self) {
        for (sum, count) in self.tasks_by_area.iter_mut().zip(other.tasks_by_area) {
            *sum += count;
        }
        self.tasks += other.tasks;
        self.key_tasks += other.key_tasks;
        self.budget.total = self.budget.total + other.budget.total;
        self.budget.notes += other.budget.notes;
        self.budget.unreadable += other.budget.unreadable;
    }
}

/// Bảng tổng hợp kế hoạch: a row per commune, in Vietnamese alphabetical order, and the totals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanRound {
    pub rows: Vec<CommunePlanRow>,
    pub total: CommunePlanRow,
}

/// Keeps one entry per sender, the later replacing the earlier (a resubmission given after
/// the first version), and orders them by the locality's name ([`sort_name_key`]).
fn latest_by_sender<T>(entries: impl IntoIterator<Item = (String, T)>) -> Vec<(String, T)> {
    let mut kept: Vec<(String, String, T)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for (name, value) in entries {
        let key = sender_key(&name);
        match at.get(&key) {
            Some(&index) => kept[index] = (name, key, value),
            None => {
                at.insert(key.clone(), kept.len());
                kept.push((name, key, value));
            }
        }
    }
    let mut keyed: Vec<(Vec<u32>, String, T)> = kept
        .into_iter()
        .map(|(name, _, value)| (sort_name_key(&name), name, value))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed
        .into_iter()
        .map(|(_, name, value)| (name, value))
        .collect()
}

/// The table of a round of plans; of two plans from one sender the later counts.
pub fn consolidate_plans<'a>(plans: impl IntoIterator<Item = &'a Plan>) -> PlanRound {
    let entries = plans
        .into_iter()
        .map(|plan| (plan.issuing_body.trim().to_string(), plan));
    let mut round = PlanRound::default();
    for (commune, plan) in latest_by_sender(entries) {
        let mut row = CommunePlanRow {
            key: sender_key(&commune),
            commune,
            key_tasks: key_tasks_of(plan).tasks.len(),
            budget: plan_budget(plan),
            ..CommunePlanRow::default()
        };
        for area in &plan.areas {
            let count = area.all_tasks().count();
            row.tasks_by_area[column_of(area.standard_kind())] += count;
            row.tasks += count;
        }
        round.total.add(&row);
        round.rows.push(row);
    }
    round.total.commune = "Tổng cộng".to_string();
    round
}

/// A plan's key tasks, each with the position of its area in `areas`.
struct KeyTasksOf<'a> {
    /// (area, title to show): the plan's areas in order, then each own table group met.
    areas: Vec<(AreaKind, String)>,
    tasks: Vec<(&'a Task, usize)>,
}

/// The area of group `group` of own table `table`: the one its title names, else the one the
/// table's title names; shown by its title, or the table's where it has none.
fn own_group_area(plan: &Plan, table: usize, group: usize) -> (AreaKind, String) {
    let appendix = &plan.appendices[table];
    let title = GroupSlot {
        table,
        group,
        sub: None,
    }
    .get(plan)
    .map(|g| g.title.clone())
    .unwrap_or_default();
    let kind = match AreaKind::from_title(&title) {
        AreaKind::Custom => AreaKind::from_title(&appendix.title),
        kind => kind,
    };
    let shown = if title.trim().is_empty() {
        appendix.title.clone()
    } else {
        title
    };
    (kind, shown)
}

/// Every key task of `plan` once, with its area: the rows of its appendix tables in order,
/// then the tasks marked key that no table shows. A task of the body is under its top area;
/// a row of a table's own under its group's ([`own_group_area`]). Each area is recognised
/// once, not once a row.
fn key_tasks_of(plan: &Plan) -> KeyTasksOf<'_> {
    let mut areas: Vec<(AreaKind, String)> = plan
        .areas
        .iter()
        .map(|area| (area.standard_kind(), area.title.clone()))
        .collect();
    let mut groups: HashMap<(usize, usize), usize> = HashMap::new();
    let mut seen: HashSet<TaskSlot> = HashSet::new();
    let mut tasks = Vec::new();
    for (table, appendix) in plan.appendices.iter().enumerate() {
        let view = appendix.view(plan);
        for group in &view.groups {
            // Not `all_rows`, whose rows borrow the view: the tasks here outlive it.
            let subs = group.sub_groups.iter().flat_map(|sub| sub.rows.iter());
            for row in group.rows.iter().chain(subs) {
                if !seen.insert(row.place.slot(table)) {
                    continue;
                }
                let area = match row.place {
                    RowPlace::Area { area, .. } => area.area,
                    RowPlace::Own { group, .. } => {
                        *groups.entry((table, group)).or_insert_with(|| {
                            areas.push(own_group_area(plan, table, group));
                            areas.len() - 1
                        })
                    }
                };
                tasks.push((row.task, area));
            }
        }
    }
    for (slot, task) in task_slots(plan) {
        if let TaskSlot::Area { area, .. } = slot
            && task.key_task
            && seen.insert(slot)
        {
            tasks.push((task, area.area));
        }
    }
    KeyTasksOf { areas, tasks }
}

/// Một nhiệm vụ trọng tâm of the list across communes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyTaskRow {
    pub commune: String,
    pub area: AreaKind,
    /// The area's title as the plan writes it.
    pub area_title: String,
    pub content: String,
    /// Kết quả đầu ra, one line each.
    pub output: String,
    /// Cơ quan chủ trì (or, in a table with one «Cơ quan thực hiện» column, that).
    pub lead: String,
    pub partners: String,
    /// Thời gian thực hiện as written.
    pub deadline: String,
    pub budget: Budget,
}

/// Every commune's key tasks, communes in alphabetical order (the later of two plans from one
/// sender counting), each commune's in its plan's order.
pub fn key_tasks<'a>(plans: impl IntoIterator<Item = &'a Plan>) -> Vec<KeyTaskRow> {
    let entries = plans
        .into_iter()
        .map(|plan| (plan.issuing_body.trim().to_string(), plan));
    let mut out = Vec::new();
    for (commune, plan) in latest_by_sender(entries) {
        let of = key_tasks_of(plan);
        for (task, area) in of.tasks {
            let (area, area_title) = of.areas.get(area).cloned().unwrap_or_default();
            let lead = if task.lead_units.iter().any(|u| !u.trim().is_empty()) {
                task.lead_units.join("; ")
            } else {
                let units: Vec<&str> = task
                    .other_roles
                    .iter()
                    .flat_map(|role| role.units.iter().map(String::as_str))
                    .collect();
                units.join("; ")
            };
            out.push(KeyTaskRow {
                commune: commune.clone(),
                area,
                area_title,
                content: task.content.clone(),
                output: task.outputs.join("\n"),
                lead,
                partners: task.partner_units.join("; "),
                deadline: task.deadline.text.clone(),
                budget: task.budget.clone(),
            });
        }
    }
    out
}

/// The rows of `rows` in area `area`.
pub fn key_tasks_in_area(rows: &[KeyTaskRow], area: AreaKind) -> Vec<&KeyTaskRow> {
    rows.iter().filter(|row| row.area == area).collect()
}

/// A received report as the consolidation reads it: the plan and progress it reports on, the
/// report, and the cut-off of its data period.
#[derive(Clone, Copy, Debug)]
pub struct ReportBasis<'a> {
    pub plan: &'a Plan,
    pub report: &'a PeriodReport,
    pub progress: &'a ProgressBook,
    pub cut_off: NaiveDate,
}

/// One commune's row of a round of reports: where its tasks stand at its cut-off.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommuneReportRow {
    pub commune: String,
    pub key: String,
    pub tasks: usize,
    /// Hoàn thành: on time and late.
    pub done: usize,
    pub done_on_time: usize,
    pub done_late: usize,
    /// Quá hạn.
    pub overdue: usize,
    /// Chưa triển khai (and not done).
    pub not_started: usize,
    pub figures: Figures,
}

/// The figures of a round: counts summed over the communes that give them; the satisfaction
/// rate averaged over those that give it, since rates do not add.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FigureTotals {
    /// Each count given by at least one commune, summed.
    pub sums: Figures,
    /// Tỷ lệ hài lòng: the mean of the rates given, to the millionth.
    pub rate: Option<Decimal>,
    /// How many communes gave a rate.
    pub rate_count: usize,
}

/// Bảng tổng hợp báo cáo: a row per commune, the totals of the task counts, the figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportRound {
    pub rows: Vec<CommuneReportRow>,
    /// The counts summed (its figures are left empty: see `figures`).
    pub total: CommuneReportRow,
    pub figures: FigureTotals,
}

/// The table of a round of reports; of two reports from one sender the later counts.
pub fn consolidate_reports<'a>(reports: impl IntoIterator<Item = ReportBasis<'a>>) -> ReportRound {
    let entries = reports
        .into_iter()
        .map(|basis| (basis.plan.issuing_body.trim().to_string(), basis));
    let mut round = ReportRound::default();
    let mut rate_sum: i128 = 0;
    for (commune, basis) in latest_by_sender(entries) {
        let mut row = CommuneReportRow {
            key: sender_key(&commune),
            commune,
            figures: basis.report.figures.clone(),
            ..CommuneReportRow::default()
        };
        let summary = summarise(basis.plan, basis.progress, basis.cut_off);
        for standing in &summary.tasks {
            let progress = standing
                .slot
                .get(basis.plan)
                .and_then(|task| basis.progress.get(&task.id))
                .filter(|_| standing.has_progress);
            row.tasks += 1;
            match standing.class {
                DueClass::DoneOnTime => row.done_on_time += 1,
                DueClass::DoneLate => row.done_late += 1,
                DueClass::Overdue => row.overdue += 1,
                _ => {}
            }
            if status_at(progress, standing.class) == TaskStatus::NotStarted {
                row.not_started += 1;
            }
        }
        row.done = row.done_on_time + row.done_late;
        for (figure, value) in &row.figures.0 {
            if figure.is_count() {
                let sum = round.figures.sums.get(*figure).unwrap_or_default() + *value;
                round.figures.sums.set(*figure, Some(sum));
            } else if *figure == Figure::SatisfactionRate {
                rate_sum += value.millionths();
                round.figures.rate_count += 1;
            }
        }
        let total = &mut round.total;
        total.tasks += row.tasks;
        total.done += row.done;
        total.done_on_time += row.done_on_time;
        total.done_late += row.done_late;
        total.overdue += row.overdue;
        total.not_started += row.not_started;
        round.rows.push(row);
    }
    let count = round.figures.rate_count as i128;
    if count > 0 {
        // Rounded half up, to the millionth.
        round.figures.rate = Some(Decimal::from_millionths((rate_sum + count / 2) / count));
    }
    round.total.commune = "Tổng cộng".to_string();
    round
}
