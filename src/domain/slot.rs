//! Where a reform area (lĩnh vực) or a task (nhiệm vụ) sits in a plan, by position, so that
//! forms, validation and appendix tables can all point at the same place.

use super::appendix::{AppendixGroup, AppendixRows};
use super::plan::Plan;
use super::task::{ReformArea, Task};

/// A reform area by position: `area`, or its sub-area `sub` (7.1, 7.2 …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AreaSlot {
    pub area: usize,
    pub sub: Option<usize>,
}

impl AreaSlot {
    pub fn get(self, plan: &Plan) -> Option<&ReformArea> {
        let area = plan.areas.get(self.area)?;
        match self.sub {
            None => Some(area),
            Some(sub) => area.sub_areas.get(sub),
        }
    }

    pub fn get_mut(self, plan: &mut Plan) -> Option<&mut ReformArea> {
        let area = plan.areas.get_mut(self.area)?;
        match self.sub {
            None => Some(area),
            Some(sub) => area.sub_areas.get_mut(sub),
        }
    }

    /// Stable key of the place, also the id of its title input: "area-2", "area-6-1".
    pub fn key(self) -> String {
        match self.sub {
            None => format!("area-{}", self.area),
            Some(sub) => format!("area-{}-{sub}", self.area),
        }
    }

    /// The number printed before the area: "3." or "7.2." (1-based).
    pub fn number(self) -> String {
        match self.sub {
            None => format!("{}.", self.area + 1),
            Some(sub) => format!("{}.{}.", self.area + 1, sub + 1),
        }
    }
}

/// A group of an appendix table's own rows by position: `group`, or its sub-group `sub`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GroupSlot {
    pub table: usize,
    pub group: usize,
    pub sub: Option<usize>,
}

impl GroupSlot {
    pub fn get(self, plan: &Plan) -> Option<&AppendixGroup> {
        let AppendixRows::Own { groups } = &plan.appendices.get(self.table)?.rows else {
            return None;
        };
        let group = groups.get(self.group)?;
        match self.sub {
            None => Some(group),
            Some(sub) => group.sub_groups.get(sub),
        }
    }

    pub fn get_mut(self, plan: &mut Plan) -> Option<&mut AppendixGroup> {
        let AppendixRows::Own { groups } = &mut plan.appendices.get_mut(self.table)?.rows else {
            return None;
        };
        let group = groups.get_mut(self.group)?;
        match self.sub {
            None => Some(group),
            Some(sub) => group.sub_groups.get_mut(sub),
        }
    }

    /// Stable key of the place: "appendix-0-group-1", "appendix-0-group-1-0".
    pub fn key(self) -> String {
        match self.sub {
            None => format!("appendix-{}-group-{}", self.table, self.group),
            Some(sub) => format!("appendix-{}-group-{}-{sub}", self.table, self.group),
        }
    }
}

/// A task by position: in a reform area, or among an appendix table's own rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TaskSlot {
    Area { area: AreaSlot, index: usize },
    Appendix { group: GroupSlot, index: usize },
}

impl TaskSlot {
    pub fn get(self, plan: &Plan) -> Option<&Task> {
        match self {
            Self::Area { area, index } => area.get(plan)?.tasks.get(index),
            Self::Appendix { group, index } => group.get(plan)?.tasks.get(index),
        }
    }

    pub fn get_mut(self, plan: &mut Plan) -> Option<&mut Task> {
        match self {
            Self::Area { area, index } => area.get_mut(plan)?.tasks.get_mut(index),
            Self::Appendix { group, index } => group.get_mut(plan)?.tasks.get_mut(index),
        }
    }

    /// Stable key of the place: "area-1-task-3", "appendix-0-group-1-task-0".
    pub fn key(self) -> String {
        match self {
            Self::Area { area, index } => format!("{}-task-{index}", area.key()),
            Self::Appendix { group, index } => format!("{}-task-{index}", group.key()),
        }
    }
}

/// Every area of the plan with its place, each followed by its sub-areas.
pub fn area_slots(plan: &Plan) -> Vec<(AreaSlot, &ReformArea)> {
    let mut slots = Vec::new();
    for (index, area) in plan.areas.iter().enumerate() {
        slots.push((
            AreaSlot {
                area: index,
                sub: None,
            },
            area,
        ));
        for (sub, sub_area) in area.sub_areas.iter().enumerate() {
            slots.push((
                AreaSlot {
                    area: index,
                    sub: Some(sub),
                },
                sub_area,
            ));
        }
    }
    slots
}

/// Every task of the plan with its place: those of the areas, then appendices' own rows.
pub fn task_slots(plan: &Plan) -> Vec<(TaskSlot, &Task)> {
    let mut slots: Vec<(TaskSlot, &Task)> = area_slots(plan)
        .into_iter()
        .flat_map(|(area, reform_area)| {
            reform_area
                .tasks
                .iter()
                .enumerate()
                .map(move |(index, task)| (TaskSlot::Area { area, index }, task))
        })
        .collect();
    for (table, appendix) in plan.appendices.iter().enumerate() {
        let AppendixRows::Own { groups } = &appendix.rows else {
            continue;
        };
        for (group_index, group) in groups.iter().enumerate() {
            let subs = group
                .sub_groups
                .iter()
                .enumerate()
                .map(|(i, g)| (Some(i), g));
            for (sub, group) in std::iter::once((None, group)).chain(subs) {
                let place = GroupSlot {
                    table,
                    group: group_index,
                    sub,
                };
                for (index, task) in group.tasks.iter().enumerate() {
                    slots.push((
                        TaskSlot::Appendix {
                            group: place,
                            index,
                        },
                        task,
                    ));
                }
            }
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::appendix::AppendixTable;

    fn task(id: &str) -> Task {
        Task {
            id: id.into(),
            ..Task::default()
        }
    }

    fn plan() -> Plan {
        Plan {
            areas: vec![
                ReformArea {
                    tasks: vec![task("a"), task("b")],
                    ..ReformArea::default()
                },
                ReformArea {
                    sub_areas: vec![ReformArea {
                        tasks: vec![task("c")],
                        ..ReformArea::default()
                    }],
                    ..ReformArea::default()
                },
            ],
            appendices: vec![AppendixTable {
                rows: AppendixRows::Own {
                    groups: vec![AppendixGroup {
                        tasks: vec![task("d")],
                        sub_groups: vec![AppendixGroup {
                            tasks: vec![task("e")],
                            ..AppendixGroup::default()
                        }],
                        ..AppendixGroup::default()
                    }],
                },
                ..AppendixTable::default()
            }],
            ..Plan::default()
        }
    }

    #[test]
    fn every_task_is_found_at_its_slot_and_changed_there() {
        let mut plan = plan();
        let slots: Vec<(TaskSlot, String)> = task_slots(&plan)
            .into_iter()
            .map(|(slot, task)| (slot, task.id.clone()))
            .collect();
        let ids: Vec<&str> = slots.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e"]);
        for (slot, id) in &slots {
            assert_eq!(slot.get(&plan).map(|t| t.id.as_str()), Some(id.as_str()));
            if let Some(task) = slot.get_mut(&mut plan) {
                task.content = format!("nội dung {id}");
            }
        }
        assert_eq!(plan.areas[1].sub_areas[0].tasks[0].content, "nội dung c");
        assert_eq!(slots[2].0.key(), "area-1-0-task-0");
        assert_eq!(slots[4].0.key(), "appendix-0-group-0-0-task-0");
    }

    #[test]
    fn a_slot_past_the_end_finds_nothing() {
        let mut plan = plan();
        let gone = TaskSlot::Area {
            area: AreaSlot { area: 0, sub: None },
            index: 5,
        };
        assert!(gone.get(&plan).is_none());
        assert!(gone.get_mut(&mut plan).is_none());
        assert_eq!(
            AreaSlot {
                area: 6,
                sub: Some(1)
            }
            .number(),
            "7.2."
        );
    }
}
