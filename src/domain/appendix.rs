//! Appendix tables (phụ lục nhiệm vụ trọng tâm): derived from key tasks by default, or holding
//! rows of their own; grouped under Roman numerals, rows numbered, budgets totalled.

use serde::Serialize;

use super::budget::Decimal;
use super::numbering::{group_letter, roman};
use super::plan::Plan;
use super::slot::{AreaSlot, GroupSlot, TaskSlot};
use super::task::{ReformArea, Task};

fn is_true(value: &bool) -> bool {
    *value
}

/// Which columns the table has besides TT, task, output, deadline and budget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppendixColumns {
    /// Cơ quan chủ trì | Cơ quan phối hợp.
    #[default]
    LeadAndPartner,
    /// One column, "Cơ quan thực hiện" (Hoàng Hóa's last appendix).
    Executor,
}

/// How row numbers (TT) run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowNumbering {
    /// 1, 2, 3 … across every group of the table (Sơn Châu: 1–34).
    #[default]
    RunOn,
    /// Back to 1 in each top-level group.
    RestartPerGroup,
}

/// Where a table's rows come from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum AppendixRows {
    /// The plan's key tasks (nhiệm vụ trọng tâm), grouped by area; `area_ids` chooses the
    /// areas (all when empty).
    KeyTasks {
        #[serde(skip_serializing_if = "Vec::is_empty")]
        area_ids: Vec<String>,
    },
    /// Rows of the table's own, as in plans whose body lists tasks without their fields.
    Own { groups: Vec<AppendixGroup> },
}

impl Default for AppendixRows {
    fn default() -> Self {
        Self::KeyTasks {
            area_ids: Vec::new(),
        }
    }
}

/// A group of own rows under a heading ("I. CHỈ ĐẠO ĐIỀU HÀNH"), with lettered sub-groups
/// ("A. Ứng dụng công nghệ thông tin …") one level deep.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AppendixGroup {
    pub title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sub_groups: Vec<AppendixGroup>,
}

/// Column headings as written, where they differ from the standard ones.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ColumnLabels {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub task: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub output: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lead: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub partner: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub executor: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deadline: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub budget: String,
}

impl ColumnLabels {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Phụ lục: one key-task table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AppendixTable {
    pub id: String,
    /// "PHỤ LỤC", "Phụ lục số 01".
    pub heading: String,
    /// "NHIỆM VỤ TRỌNG TÂM CỦA KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH XÃ SƠN CHÂU NĂM 2022".
    pub title: String,
    /// "(Kèm theo Kế hoạch số …)" as written; empty prints the derived line.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub attachment_line: String,
    pub columns: AppendixColumns,
    pub numbering: RowNumbering,
    /// Whether the table has the "Kinh phí (triệu đồng)" column (Hoàng Hóa's tables do not).
    #[serde(skip_serializing_if = "is_true")]
    pub budget_column: bool,
    #[serde(skip_serializing_if = "ColumnLabels::is_empty")]
    pub column_labels: ColumnLabels,
    /// Printed on landscape pages (the usual choice for a seven-column table).
    #[serde(skip_serializing_if = "is_true")]
    pub landscape: bool,
    pub rows: AppendixRows,
}

impl Default for AppendixTable {
    fn default() -> Self {
        Self {
            id: String::new(),
            heading: "PHỤ LỤC".into(),
            title: String::new(),
            attachment_line: String::new(),
            columns: AppendixColumns::default(),
            numbering: RowNumbering::default(),
            budget_column: true,
            column_labels: ColumnLabels::default(),
            landscape: true,
            rows: AppendixRows::default(),
        }
    }
}

/// A table as it prints: numbered groups and rows with totals, computed from the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct AppendixView<'a> {
    pub groups: Vec<GroupView<'a>>,
    /// Tổng cộng of the budget column.
    pub total: Decimal,
}

/// A group row ("I", "CHỈ ĐẠO ĐIỀU HÀNH") with its rows, sub-groups and total.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupView<'a> {
    /// "I", "II" for groups; "A", "B" for sub-groups.
    pub label: String,
    pub title: &'a str,
    pub rows: Vec<RowView<'a>>,
    pub sub_groups: Vec<GroupView<'a>>,
    /// Budget total of the group and its sub-groups.
    pub total: Decimal,
}

impl GroupView<'_> {
    /// Every row of the group, its own and its sub-groups', in order.
    pub fn all_rows(&self) -> impl Iterator<Item = &RowView<'_>> {
        self.rows
            .iter()
            .chain(self.sub_groups.iter().flat_map(|sub| sub.rows.iter()))
    }
}

/// One numbered row of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct RowView<'a> {
    /// TT: the printed row number.
    pub number: usize,
    pub task: &'a Task,
    /// Where the task is kept.
    pub place: RowPlace,
}

/// Where the task of a row is kept: a key task in its reform area, or a row of the table's own
/// (groups and sub-groups, two levels, as the reader and the editor keep them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowPlace {
    Area {
        area: AreaSlot,
        index: usize,
    },
    Own {
        group: usize,
        sub: Option<usize>,
        index: usize,
    },
}

impl RowPlace {
    /// The task's place in the plan, the table being the plan's `table`.
    pub fn slot(self, table: usize) -> TaskSlot {
        match self {
            Self::Area { area, index } => TaskSlot::Area { area, index },
            Self::Own { group, sub, index } => TaskSlot::Appendix {
                group: GroupSlot { table, group, sub },
                index,
            },
        }
    }
}

/// One line of a table as the editor draws it, in order: a group heading or a numbered row.
#[derive(Clone, Debug, PartialEq)]
pub enum TableLine {
    /// "I" "CẢI CÁCH THỂ CHẾ", or a sub-group "A" under its group.
    Group {
        label: String,
        /// The label of the group it is under, for a sub-group.
        parent: Option<String>,
        title: String,
        /// Its budget total's place among the table's totals (kept apart, so that typing a
        /// budget changes the totals and not the lines).
        total: usize,
        /// Where a group of the table's own is kept.
        group: Option<GroupSlot>,
    },
    /// A numbered row.
    Row {
        number: usize,
        /// The label of the top-level group it is in ("II"), to tell restarted numbers apart.
        top: String,
        slot: TaskSlot,
        /// Its position among the table's rows.
        row: usize,
    },
}

/// A borrowed group before numbering: a title, its tasks with their places, its sub-groups.
struct Source<'a> {
    title: &'a str,
    tasks: Vec<(RowPlace, &'a Task)>,
    sub_groups: Vec<Source<'a>>,
}

impl AppendixTable {
    /// The table as it prints for `plan`: groups, row numbers and budget totals.
    pub fn view<'a>(&'a self, plan: &'a Plan) -> AppendixView<'a> {
        let sources: Vec<Source<'a>> = match &self.rows {
            AppendixRows::KeyTasks { area_ids } => plan
                .areas
                .iter()
                .enumerate()
                .filter(|(_, area)| area_ids.is_empty() || area_ids.contains(&area.id))
                .map(|(index, area)| key_task_source(index, area))
                .filter(|source| source.row_count() > 0)
                .collect(),
            AppendixRows::Own { groups } => groups
                .iter()
                .enumerate()
                .map(|(index, group)| own_source(group, index, None))
                .collect(),
        };
        let mut next_number = 1;
        let groups: Vec<GroupView<'a>> = sources
            .into_iter()
            .enumerate()
            .map(|(index, source)| {
                if self.numbering == RowNumbering::RestartPerGroup {
                    next_number = 1;
                }
                number_group(source, roman(index + 1), &mut next_number)
            })
            .collect();
        let total = groups.iter().map(|group| group.total).sum();
        AppendixView { groups, total }
    }
}

/// The lines of table `table` of `plan` as the editor draws them, and the budget totals: one
/// per group, in the order of the lines, then the table's.
pub fn table_lines(plan: &Plan, table: usize) -> (Vec<TableLine>, Vec<Decimal>) {
    let Some(appendix) = plan.appendices.get(table) else {
        return (Vec::new(), Vec::new());
    };
    let own = matches!(appendix.rows, AppendixRows::Own { .. });
    let view = appendix.view(plan);
    let (mut lines, mut totals) = (Vec::new(), Vec::new());
    let mut row = 0;
    for (index, group) in view.groups.iter().enumerate() {
        let subs = group
            .sub_groups
            .iter()
            .enumerate()
            .map(|(sub, g)| (Some(sub), g));
        for (sub, shown) in std::iter::once((None, group)).chain(subs) {
            lines.push(TableLine::Group {
                label: shown.label.clone(),
                parent: sub.map(|_| group.label.clone()),
                title: shown.title.to_string(),
                total: totals.len(),
                group: own.then_some(GroupSlot {
                    table,
                    group: index,
                    sub,
                }),
            });
            totals.push(shown.total);
            for line in &shown.rows {
                lines.push(TableLine::Row {
                    number: line.number,
                    top: group.label.clone(),
                    slot: line.place.slot(table),
                    row,
                });
                row += 1;
            }
        }
    }
    totals.push(view.total);
    (lines, totals)
}

impl Source<'_> {
    fn row_count(&self) -> usize {
        self.tasks.len() + self.sub_groups.iter().map(Source::row_count).sum::<usize>()
    }
}

fn key_task_source(index: usize, area: &ReformArea) -> Source<'_> {
    let top = AreaSlot {
        area: index,
        sub: None,
    };
    Source {
        title: &area.title,
        tasks: key_tasks(top, &area.tasks),
        sub_groups: area
            .sub_areas
            .iter()
            .enumerate()
            .map(|(sub, sub_area)| Source {
                title: &sub_area.title,
                tasks: key_tasks(
                    AreaSlot {
                        area: index,
                        sub: Some(sub),
                    },
                    &sub_area.tasks,
                ),
                sub_groups: Vec::new(),
            })
            .filter(|source| !source.tasks.is_empty())
            .collect(),
    }
}

fn key_tasks(area: AreaSlot, tasks: &[Task]) -> Vec<(RowPlace, &Task)> {
    tasks
        .iter()
        .enumerate()
        .filter(|(_, task)| task.key_task)
        .map(|(index, task)| (RowPlace::Area { area, index }, task))
        .collect()
}

/// A group of the table's own, `group` among the table's groups (and `sub` among its
/// sub-groups for a sub-group).
fn own_source(source: &AppendixGroup, group: usize, sub: Option<usize>) -> Source<'_> {
    Source {
        title: &source.title,
        tasks: source
            .tasks
            .iter()
            .enumerate()
            .map(|(index, task)| (RowPlace::Own { group, sub, index }, task))
            .collect(),
        sub_groups: source
            .sub_groups
            .iter()
            .enumerate()
            .map(|(index, sub_group)| own_source(sub_group, group, Some(sub.unwrap_or(index))))
            .collect(),
    }
}

fn number_group<'a>(source: Source<'a>, label: String, next: &mut usize) -> GroupView<'a> {
    let rows: Vec<RowView<'a>> = source
        .tasks
        .into_iter()
        .map(|(place, task)| {
            let row = RowView {
                number: *next,
                task,
                place,
            };
            *next += 1;
            row
        })
        .collect();
    let sub_groups: Vec<GroupView<'a>> = source
        .sub_groups
        .into_iter()
        .enumerate()
        .map(|(index, sub)| number_group(sub, group_letter(index), next))
        .collect();
    let own_total: Decimal = rows.iter().filter_map(|row| row.task.budget.amount()).sum();
    let total = own_total + sub_groups.iter().map(|sub| sub.total).sum();
    GroupView {
        label,
        title: source.title,
        rows,
        sub_groups,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::budget::Budget;
    use crate::domain::task::AreaKind;

    fn task(id: &str, key: bool, budget: &str) -> Task {
        Task {
            id: id.into(),
            content: format!("Nhiệm vụ {id}"),
            key_task: key,
            budget: Budget::from_input(budget),
            ..Task::default()
        }
    }

    fn area(id: &str, title: &str, tasks: Vec<Task>) -> ReformArea {
        ReformArea {
            id: id.into(),
            kind: AreaKind::Custom,
            title: title.into(),
            tasks,
            ..ReformArea::default()
        }
    }

    fn plan() -> Plan {
        let mut digital = area("a3", "Chính quyền số", vec![task("t6", true, "1,5")]);
        digital.sub_areas = vec![
            area(
                "a3-1",
                "Ứng dụng CNTT",
                vec![task("t7", true, "150"), task("t8", false, "99")],
            ),
            area("a3-2", "Áp dụng ISO", vec![task("t9", false, "")]),
        ];
        Plan {
            areas: vec![
                area(
                    "a1",
                    "Chỉ đạo điều hành",
                    vec![
                        task("t1", true, "10"),
                        task("t2", false, "5"),
                        task("t3", true, "Theo dự trù"),
                    ],
                ),
                area("a2", "Cải cách thể chế", vec![task("t4", false, "7")]),
                digital,
            ],
            ..Plan::default()
        }
    }

    #[test]
    fn key_tasks_are_grouped_by_area_skipping_areas_without_any() {
        let plan = plan();
        let table = AppendixTable::default();
        let view = table.view(&plan);
        let titles: Vec<&str> = view.groups.iter().map(|g| g.title).collect();
        assert_eq!(titles, ["Chỉ đạo điều hành", "Chính quyền số"]);
        let labels: Vec<&str> = view.groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(labels, ["I", "II"]);
        let rows: Vec<(&str, usize)> = view
            .groups
            .iter()
            .flat_map(|g| g.all_rows())
            .map(|row| (row.task.id.as_str(), row.number))
            .collect();
        assert_eq!(rows, [("t1", 1), ("t3", 2), ("t6", 3), ("t7", 4)]);
        // Only the sub-area with a key task appears, lettered A.
        let sub: Vec<(&str, &str)> = view.groups[1]
            .sub_groups
            .iter()
            .map(|g| (g.label.as_str(), g.title))
            .collect();
        assert_eq!(sub, [("A", "Ứng dụng CNTT")]);
    }

    #[test]
    fn totals_add_amounts_of_key_tasks_only_per_group_and_overall() {
        let plan = plan();
        let table = AppendixTable::default();
        let view = table.view(&plan);
        assert_eq!(view.groups[0].total.format_vi(), "10");
        assert_eq!(view.groups[1].total.format_vi(), "151,5");
        assert_eq!(view.total.format_vi(), "161,5");
    }

    #[test]
    fn numbering_can_restart_in_each_group() {
        let plan = plan();
        let table = AppendixTable {
            numbering: RowNumbering::RestartPerGroup,
            ..AppendixTable::default()
        };
        let view = table.view(&plan);
        let numbers: Vec<usize> = view
            .groups
            .iter()
            .flat_map(|g| g.all_rows())
            .map(|row| row.number)
            .collect();
        assert_eq!(numbers, [1, 2, 1, 2]);
    }

    #[test]
    fn a_table_can_be_limited_to_chosen_areas() {
        let plan = plan();
        let table = AppendixTable {
            rows: AppendixRows::KeyTasks {
                area_ids: vec!["a3".into()],
            },
            ..AppendixTable::default()
        };
        let view = table.view(&plan);
        assert_eq!(view.groups.len(), 1);
        assert_eq!(view.groups[0].title, "Chính quyền số");
        assert_eq!(view.groups[0].label, "I");
    }

    #[test]
    fn moving_a_task_renumbers_the_rows() {
        let mut plan = plan();
        plan.areas[0].tasks.swap(0, 2);
        let table = AppendixTable::default();
        let view = table.view(&plan);
        let first: Vec<(&str, usize)> = view.groups[0]
            .rows
            .iter()
            .map(|row| (row.task.id.as_str(), row.number))
            .collect();
        assert_eq!(first, [("t3", 1), ("t1", 2)]);
    }

    #[test]
    fn the_lines_of_a_key_task_table_point_at_the_tasks_in_their_areas() {
        let mut plan = plan();
        plan.appendices = vec![AppendixTable::default()];
        let (lines, totals) = table_lines(&plan, 0);
        let rows: Vec<(usize, String, &str)> = lines
            .iter()
            .filter_map(|line| match line {
                TableLine::Row {
                    number, top, slot, ..
                } => Some((*number, top.clone(), slot.get(&plan)?.id.as_str())),
                TableLine::Group { .. } => None,
            })
            .collect();
        assert_eq!(
            rows,
            [
                (1, "I".to_string(), "t1"),
                (2, "I".to_string(), "t3"),
                (3, "II".to_string(), "t6"),
                (4, "II".to_string(), "t7")
            ]
        );
        // I, II and II's sub-group A; then the table's total.
        assert_eq!(totals.len(), 4);
        assert!(
            lines
                .iter()
                .all(|line| !matches!(line, TableLine::Group { group: Some(_), .. }))
        );
        assert_eq!(table_lines(&plan, 1), (Vec::new(), Vec::new()));
    }
}
