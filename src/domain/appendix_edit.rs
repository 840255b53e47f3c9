//! Rearranging an appendix table (phụ lục): its own rows (dòng) and groups (nhóm) moved, removed
//! and added, and the reform areas (lĩnh vực) a key-task table covers.

use super::appendix::AppendixGroup;
use super::task::Task;

/// Where a group of own rows is: top-level `group`, or its sub-group `sub` (A, B …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GroupPlace {
    pub group: usize,
    pub sub: Option<usize>,
}

/// Where an own row is: its group, and its index among that group's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RowPlace {
    pub group: GroupPlace,
    pub index: usize,
}

/// One step of a move: "Lên" or "Xuống".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
}

fn group_at(groups: &[AppendixGroup], place: GroupPlace) -> Option<&AppendixGroup> {
    let group = groups.get(place.group)?;
    match place.sub {
        None => Some(group),
        Some(sub) => group.sub_groups.get(sub),
    }
}

fn group_at_mut(groups: &mut [AppendixGroup], place: GroupPlace) -> Option<&mut AppendixGroup> {
    let group = groups.get_mut(place.group)?;
    match place.sub {
        None => Some(group),
        Some(sub) => group.sub_groups.get_mut(sub),
    }
}

/// Every group as the table shows it: each group, then its sub-groups.
fn reading_order(groups: &[AppendixGroup]) -> Vec<GroupPlace> {
    groups
        .iter()
        .enumerate()
        .flat_map(|(group, top)| {
            std::iter::once(GroupPlace { group, sub: None }).chain((0..top.sub_groups.len()).map(
                move |sub| GroupPlace {
                    group,
                    sub: Some(sub),
                },
            ))
        })
        .collect()
}

/// Where the row at `from` goes one step up or down: within its group, or, at the group's
/// edge, across the heading into the group before it (at its end) or after it (at its start)
/// in the order the table shows. `None` at the top of the first group, the bottom of the last,
/// or when there is no such row.
pub fn row_destination(groups: &[AppendixGroup], from: RowPlace, step: Step) -> Option<RowPlace> {
    let len = group_at(groups, from.group)?.tasks.len();
    if from.index >= len {
        return None;
    }
    match step {
        Step::Up if from.index > 0 => Some(RowPlace {
            index: from.index - 1,
            ..from
        }),
        Step::Down if from.index + 1 < len => Some(RowPlace {
            index: from.index + 1,
            ..from
        }),
        _ => {
            let order = reading_order(groups);
            let at = order.iter().position(|place| *place == from.group)?;
            match step {
                Step::Up => {
                    let above = *order.get(at.checked_sub(1)?)?;
                    let index = group_at(groups, above)?.tasks.len();
                    Some(RowPlace {
                        group: above,
                        index,
                    })
                }
                Step::Down => Some(RowPlace {
                    group: *order.get(at + 1)?,
                    index: 0,
                }),
            }
        }
    }
}

/// Moves the row at `from` one step (see `row_destination`); returns where it is now.
pub fn move_row(groups: &mut [AppendixGroup], from: RowPlace, step: Step) -> Option<RowPlace> {
    let to = row_destination(groups, from, step)?;
    if to.group == from.group {
        group_at_mut(groups, from.group)?
            .tasks
            .swap(from.index, to.index);
    } else {
        let task = group_at_mut(groups, from.group)?.tasks.remove(from.index);
        group_at_mut(groups, to.group)?.tasks.insert(to.index, task);
    }
    Some(to)
}

/// Removes the row at `at` and returns it.
pub fn remove_row(groups: &mut [AppendixGroup], at: RowPlace) -> Option<Task> {
    let group = group_at_mut(groups, at.group)?;
    (at.index < group.tasks.len()).then(|| group.tasks.remove(at.index))
}

/// The groups `at` sits among: the top-level groups, or its group's sub-groups.
fn siblings_mut(
    groups: &mut Vec<AppendixGroup>,
    at: GroupPlace,
) -> Option<(&mut Vec<AppendixGroup>, usize)> {
    match at.sub {
        None => Some((groups, at.group)),
        Some(sub) => Some((&mut groups.get_mut(at.group)?.sub_groups, sub)),
    }
}

/// Whether the group at `at` can move one step among its siblings.
pub fn can_move_group(groups: &[AppendixGroup], at: GroupPlace, step: Step) -> bool {
    let count = match at.sub {
        None => groups.len(),
        Some(_) => groups.get(at.group).map_or(0, |g| g.sub_groups.len()),
    };
    let index = at.sub.unwrap_or(at.group);
    match step {
        Step::Up => index > 0 && index < count,
        Step::Down => index + 1 < count,
    }
}

/// Moves a group among the top-level groups, or a sub-group among its siblings, one step with
/// its rows and sub-groups; returns where it is now.
pub fn move_group(
    groups: &mut Vec<AppendixGroup>,
    at: GroupPlace,
    step: Step,
) -> Option<GroupPlace> {
    if !can_move_group(groups, at, step) {
        return None;
    }
    let (siblings, index) = siblings_mut(groups, at)?;
    let to = match step {
        Step::Up => index - 1,
        Step::Down => index + 1,
    };
    siblings.swap(index, to);
    Some(match at.sub {
        None => GroupPlace {
            group: to,
            sub: None,
        },
        Some(_) => GroupPlace {
            sub: Some(to),
            ..at
        },
    })
}

/// Removes the group at `at` with its rows and sub-groups, and returns it.
pub fn remove_group(groups: &mut Vec<AppendixGroup>, at: GroupPlace) -> Option<AppendixGroup> {
    let (siblings, index) = siblings_mut(groups, at)?;
    (index < siblings.len()).then(|| siblings.remove(index))
}

/// Adds an untitled sub-group at the end of top-level group `group`; returns its place.
pub fn add_sub_group(groups: &mut [AppendixGroup], group: usize) -> Option<GroupPlace> {
    let top = groups.get_mut(group)?;
    top.sub_groups.push(AppendixGroup::default());
    Some(GroupPlace {
        group,
        sub: Some(top.sub_groups.len() - 1),
    })
}

/// Whether a key-task table whose chosen areas are `area_ids` covers area `id` (an empty
/// choice covers every area).
pub fn covers_area(area_ids: &[String], id: &str) -> bool {
    area_ids.is_empty() || area_ids.iter().any(|chosen| chosen == id)
}

/// Ticks (`covered`) or unticks area `id` of a key-task table, `all` being the ids of the
/// plan's areas in order. The choice is kept in plan order, ids of areas no longer in the plan
/// are dropped, and every area ticked is kept as the empty list. Unticking the last area would
/// leave an empty table, so it changes nothing and returns false.
pub fn choose_area(area_ids: &mut Vec<String>, all: &[&str], id: &str, covered: bool) -> bool {
    let chosen: Vec<String> = all
        .iter()
        .filter(|area| {
            if **area == id {
                covered
            } else {
                covers_area(area_ids, area)
            }
        })
        .map(|area| area.to_string())
        .collect();
    if chosen.is_empty() {
        return false;
    }
    *area_ids = if chosen.len() == all.len() {
        Vec::new()
    } else {
        chosen
    };
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group_place(group: usize, sub: Option<usize>) -> GroupPlace {
        GroupPlace { group, sub }
    }

    fn row(id: &str) -> Task {
        Task {
            id: id.into(),
            ..Task::default()
        }
    }

    fn group(title: &str, ids: &[&str], sub_groups: Vec<AppendixGroup>) -> AppendixGroup {
        AppendixGroup {
            title: title.into(),
            tasks: ids.iter().map(|id| row(id)).collect(),
            sub_groups,
        }
    }

    /// I (r1, r2) with A (r3) and B (empty); II (r4, r5).
    fn table() -> Vec<AppendixGroup> {
        vec![
            group(
                "I",
                &["r1", "r2"],
                vec![group("A", &["r3"], vec![]), group("B", &[], vec![])],
            ),
            group("II", &["r4", "r5"], vec![]),
        ]
    }

    /// Every row in reading order, with the title of its group.
    fn rows(groups: &[AppendixGroup]) -> Vec<(String, String)> {
        reading_order(groups)
            .into_iter()
            .filter_map(|place| group_at(groups, place))
            .flat_map(|g| g.tasks.iter().map(|t| (g.title.clone(), t.id.clone())))
            .collect()
    }

    fn place(group: usize, sub: Option<usize>, index: usize) -> RowPlace {
        RowPlace {
            group: GroupPlace { group, sub },
            index,
        }
    }

    #[test]
    fn a_row_moves_within_its_group() {
        let mut groups = table();
        let to = move_row(&mut groups, place(1, None, 0), Step::Down);
        assert_eq!(to, Some(place(1, None, 1)));
        assert_eq!(groups[1].tasks[0].id, "r5");
        assert_eq!(groups[1].tasks[1].id, "r4");
    }

    #[test]
    fn a_row_at_the_edge_crosses_the_heading_into_the_neighbouring_group() {
        let mut groups = table();
        // r2, last row of I, goes down into sub-group A, at its start.
        let to = move_row(&mut groups, place(0, None, 1), Step::Down);
        assert_eq!(to, Some(place(0, Some(0), 0)));
        // r4, first row of II, goes up into the empty sub-group B of I.
        let to = move_row(&mut groups, place(1, None, 0), Step::Up);
        assert_eq!(to, Some(place(0, Some(1), 0)));
        let order: Vec<(String, String)> = rows(&groups);
        let expected = [
            ("I", "r1"),
            ("A", "r2"),
            ("A", "r3"),
            ("B", "r4"),
            ("II", "r5"),
        ];
        assert_eq!(order, expected.map(|(g, r)| (g.to_string(), r.to_string())));
    }

    #[test]
    fn the_first_and_last_rows_of_the_table_go_no_further() {
        let mut groups = table();
        assert_eq!(move_row(&mut groups, place(0, None, 0), Step::Up), None);
        assert_eq!(move_row(&mut groups, place(1, None, 1), Step::Down), None);
        assert_eq!(move_row(&mut groups, place(1, None, 7), Step::Down), None);
        assert_eq!(groups, table());
    }

    #[test]
    fn removing_a_row_returns_it() {
        let mut groups = table();
        let removed = remove_row(&mut groups, place(0, Some(0), 0));
        assert_eq!(removed.map(|t| t.id), Some("r3".to_string()));
        assert!(groups[0].sub_groups[0].tasks.is_empty());
        assert_eq!(remove_row(&mut groups, place(0, Some(0), 0)), None);
    }

    #[test]
    fn groups_and_sub_groups_move_among_their_siblings_with_their_rows() {
        let mut groups = table();
        let to = move_group(&mut groups, group_place(1, None), Step::Up);
        assert_eq!(to, Some(group_place(0, None)));
        assert_eq!(groups[0].title, "II");
        assert_eq!(groups[1].sub_groups.len(), 2);
        let sub = group_place(1, Some(0));
        assert!(!can_move_group(&groups, sub, Step::Up));
        let to = move_group(&mut groups, sub, Step::Down);
        assert_eq!(to, Some(group_place(1, Some(1))));
        let titles: Vec<&str> = groups[1]
            .sub_groups
            .iter()
            .map(|g| g.title.as_str())
            .collect();
        assert_eq!(titles, ["B", "A"]);
        assert_eq!(groups[1].sub_groups[1].tasks[0].id, "r3");
        assert_eq!(
            move_group(&mut groups, group_place(1, None), Step::Down),
            None
        );
    }

    #[test]
    fn removing_a_group_takes_its_rows_and_adding_a_sub_group_appends_one() {
        let mut groups = table();
        let removed = remove_group(&mut groups, group_place(0, None));
        assert_eq!(removed.map(|g| g.sub_groups.len()), Some(2));
        assert_eq!(rows(&groups).len(), 2);
        let added = add_sub_group(&mut groups, 0);
        assert_eq!(added, Some(group_place(0, Some(0))));
        assert_eq!(add_sub_group(&mut groups, 4), None);
        let removed = remove_group(&mut groups, group_place(0, Some(0)));
        assert_eq!(removed, Some(AppendixGroup::default()));
        assert!(groups[0].sub_groups.is_empty());
    }

    #[test]
    fn choosing_areas_keeps_plan_order_and_every_area_as_the_empty_list() {
        let all = ["a1", "a2", "a3"];
        let mut chosen = Vec::new();
        assert!(covers_area(&chosen, "a2"));
        assert!(choose_area(&mut chosen, &all, "a2", false));
        assert_eq!(chosen, ["a1", "a3"]);
        assert!(!covers_area(&chosen, "a2"));
        assert!(choose_area(&mut chosen, &all, "a1", false));
        assert_eq!(chosen, ["a3"]);
        // The last area cannot be unticked.
        assert!(!choose_area(&mut chosen, &all, "a3", false));
        assert_eq!(chosen, ["a3"]);
        assert!(choose_area(&mut chosen, &all, "a1", true));
        assert_eq!(chosen, ["a1", "a3"]);
        assert!(choose_area(&mut chosen, &all, "a2", true));
        assert!(chosen.is_empty());
    }

    #[test]
    fn areas_no_longer_in_the_plan_are_dropped_from_the_choice() {
        let mut chosen = vec!["gone".to_string(), "a2".to_string()];
        assert!(choose_area(&mut chosen, &["a1", "a2", "a3"], "a3", true));
        assert_eq!(chosen, ["a2", "a3"]);
    }
}
