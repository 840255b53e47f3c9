//! Making the ids of areas, tasks, appendices and plans unique, in linear time.

use super::*;

/// Gives every area, task and appendix an id unique within the plan: blank ones get one,
/// repeated ones are renamed and reported (ids tie revisions and the editor to parts).
pub(super) fn make_ids_unique(r: &mut Reader, plan: &mut Plan) {
    let mut ids = UniqueIds::default();
    let mut fix = |r: &mut Reader, id: &mut String, prefix: &str| {
        if let Some(original) = ids.claim(id, prefix) {
            r.problem(
                format!(
                    "mã «{}» bị trùng, đã đổi thành «{id}»",
                    preview(&Value::String(original))
                ),
                Outcome::Repaired,
            );
        }
    };
    for (index, area) in plan.areas.iter_mut().enumerate() {
        r.within(format!("Lĩnh vực {}", index + 1), |r| {
            fix(r, &mut area.id, "linh-vuc-");
            for (task_index, task) in area.tasks.iter_mut().enumerate() {
                r.within(format!("nhiệm vụ {}", point_letter(task_index)), |r| {
                    fix(r, &mut task.id, "nhiem-vu-")
                });
            }
            for (sub_index, sub) in area.sub_areas.iter_mut().enumerate() {
                r.within(format!("mục {}", sub_index + 1), |r| {
                    fix(r, &mut sub.id, "linh-vuc-");
                    for (task_index, task) in sub.tasks.iter_mut().enumerate() {
                        r.within(format!("nhiệm vụ {}", point_letter(task_index)), |r| {
                            fix(r, &mut task.id, "nhiem-vu-")
                        });
                    }
                });
            }
        });
    }
    for (index, table) in plan.appendices.iter_mut().enumerate() {
        r.within(format!("Phụ lục {}", index + 1), |r| {
            fix(r, &mut table.id, "phu-luc-");
            if let AppendixRows::Own { groups } = &mut table.rows {
                for group in groups.iter_mut() {
                    let tasks = group.tasks.iter_mut().chain(
                        group
                            .sub_groups
                            .iter_mut()
                            .flat_map(|sub| sub.tasks.iter_mut()),
                    );
                    for (row_index, task) in tasks.enumerate() {
                        r.within(format!("dòng {}", row_index + 1), |r| {
                            fix(r, &mut task.id, "dong-")
                        });
                    }
                }
            }
        });
    }
}

/// Hands out ids unique within one plan or one bundle, in time linear in the number of ids
/// even when a hostile file repeats one id thousands of times.
#[derive(Default)]
pub(crate) struct UniqueIds {
    seen: std::collections::HashSet<String>,
    /// For each id seen repeated, the next suffix to try.
    next_suffix: std::collections::HashMap<String, usize>,
    blanks: usize,
}

impl UniqueIds {
    /// Makes `id` unique: a blank one gets `prefix` and a number, a repeated one a "-2", "-3" …
    /// suffix. Returns the original id when a repeated one was renamed.
    pub(crate) fn claim(&mut self, id: &mut String, prefix: &str) -> Option<String> {
        if id.is_empty() {
            loop {
                self.blanks += 1;
                let candidate = format!("{prefix}{}", self.blanks);
                if self.seen.insert(candidate.clone()) {
                    *id = candidate;
                    return None;
                }
            }
        }
        if self.seen.insert(id.clone()) {
            return None;
        }
        let original = id.clone();
        let suffix = self.next_suffix.entry(original.clone()).or_insert(2);
        loop {
            let candidate = format!("{original}-{suffix}");
            *suffix += 1;
            if self.seen.insert(candidate.clone()) {
                *id = candidate;
                return Some(original);
            }
        }
    }
}
