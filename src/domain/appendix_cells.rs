//! Ô của bảng phụ lục (the cells of a task's row in an appendix table): what each column shows,
//! the one rule that print, Word, Excel and the editor's table all follow, and how a cell typed
//! in the editor's table is written back to the task.

use super::appendix_columns::TableColumn;
use super::budget::Budget;
use super::numbering::marked;
use super::task::{Role, Task};

/// The label of the role an executor column («Cơ quan thực hiện») shows without its label.
pub const EXECUTOR_LABEL: &str = "Cơ quan thực hiện";

impl Role {
    /// Whether the role is what a «Cơ quan thực hiện» column shows without a label: a role so
    /// named, in any case, or one with no label at all.
    pub fn is_executor(&self) -> bool {
        let label = self.label.trim();
        label.is_empty() || label.to_lowercase() == EXECUTOR_LABEL.to_lowercase()
    }

    /// "Cơ quan theo dõi: Phòng Nội vụ; Văn phòng": the role as one line of a cell.
    fn labelled_line(&self) -> String {
        format!("{}: {}", self.label.trim(), self.units.join("; "))
    }
}

/// Units of a cell, one line: "Phòng Nội vụ; Phòng Tư pháp", or nothing.
fn unit_line(units: &[String]) -> Option<String> {
    (!units.is_empty()).then(|| units.join("; "))
}

/// Splits typed units ("Phòng Nội vụ; Phòng Tư pháp", or one a line) into the units.
pub fn split_units(text: &str) -> Vec<String> {
    text.split([';', '\n'])
        .map(str::trim)
        .filter(|unit| !unit.is_empty())
        .map(String::from)
        .collect()
}

/// The non-empty lines of a typed text, trimmed.
fn split_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(String::from)
        .collect()
}

impl Task {
    /// The lines of the task's cell in `column`, as every printed or written table shows them.
    /// A lead column shows the roles other than lead and partner under the lead, each with its
    /// label, so that no unit is lost; an executor column shows, in this order, the lead units,
    /// each role (the executor role unlabelled, any other with its label) and the partners.
    pub fn cell_lines(&self, column: TableColumn) -> Vec<String> {
        let roles = self
            .other_roles
            .iter()
            .filter(|role| !role.units.is_empty());
        match column {
            TableColumn::Task => std::iter::once(self.content.trim().to_string())
                .chain(self.sub_items.iter().map(|sub| marked("+", sub)))
                .collect(),
            TableColumn::Output => self
                .outputs
                .iter()
                .map(|output| output.trim().to_string())
                .collect(),
            TableColumn::Lead => unit_line(&self.lead_units)
                .into_iter()
                .chain(roles.map(Role::labelled_line))
                .collect(),
            TableColumn::Partner => unit_line(&self.partner_units).into_iter().collect(),
            TableColumn::Executor => unit_line(&self.lead_units)
                .into_iter()
                .chain(roles.map(|role| {
                    if role.is_executor() {
                        role.units.join("; ")
                    } else {
                        role.labelled_line()
                    }
                }))
                .chain(unit_line(&self.partner_units))
                .collect(),
            TableColumn::Deadline => {
                let text = self.deadline.text.trim();
                (!text.is_empty())
                    .then(|| text.to_string())
                    .into_iter()
                    .collect()
            }
            TableColumn::Budget => {
                let text = self.budget.display();
                (!text.is_empty()).then_some(text).into_iter().collect()
            }
        }
    }

    /// The cell in `column` as the editor's table shows it for editing. The executor cell is
    /// the printed one, line for line. The task and lead cells edit the task sentence and the
    /// lead units only: the sub-items and the other roles that print with them have fields of
    /// their own in the task's form.
    pub fn cell_input(&self, column: TableColumn) -> String {
        match column {
            TableColumn::Task => self.content.clone(),
            TableColumn::Lead => self.lead_units.join("; "),
            TableColumn::Partner => self.partner_units.join("; "),
            TableColumn::Output => self.outputs.join("\n"),
            TableColumn::Executor => self.cell_lines(column).join("\n"),
            TableColumn::Deadline => self.deadline.text.clone(),
            TableColumn::Budget => self.budget.display(),
        }
    }

    /// Writes back a cell typed in the editor's table (see [`cell_input`](Self::cell_input)).
    pub fn set_cell(&mut self, column: TableColumn, typed: String, plan_year: i32) {
        match column {
            TableColumn::Task => self.content = typed,
            TableColumn::Lead => self.lead_units = split_units(&typed),
            TableColumn::Partner => self.partner_units = split_units(&typed),
            TableColumn::Output => self.outputs = split_lines(&typed),
            TableColumn::Executor => self.set_executor_cell(&typed),
            TableColumn::Deadline => self.deadline.retype(typed, plan_year),
            TableColumn::Budget => self.budget = Budget::from_input(&typed),
        }
    }

    /// The executor cell typed back: a line that starts with the label of one of the task's
    /// labelled roles sets that role; of the other units, those that were lead or partner
    /// units stay so, and the rest are the executor role's. A labelled role whose line is gone
    /// has no units left.
    fn set_executor_cell(&mut self, typed: &str) {
        let mut labelled: Vec<Option<Vec<String>>> = vec![None; self.other_roles.len()];
        let mut plain = Vec::new();
        for line in typed.lines() {
            // Only the roles the cell shows with their label can be named in it.
            let role_line = self
                .other_roles
                .iter()
                .enumerate()
                .filter(|(_, role)| !role.is_executor() && !role.units.is_empty())
                .find_map(|(index, role)| {
                    let rest = line.trim().strip_prefix(role.label.trim())?;
                    Some((index, rest.trim_start().strip_prefix(':')?))
                });
            match role_line {
                Some((index, rest)) => labelled[index] = Some(split_units(rest)),
                None => plain.extend(split_units(line)),
            }
        }
        let lead: Vec<String> = plain
            .iter()
            .filter(|unit| self.lead_units.contains(unit))
            .cloned()
            .collect();
        let partner: Vec<String> = plain
            .iter()
            .filter(|unit| !lead.contains(unit) && self.partner_units.contains(unit))
            .cloned()
            .collect();
        let mut executor: Vec<String> = plain
            .into_iter()
            .filter(|unit| !lead.contains(unit) && !partner.contains(unit))
            .collect();
        self.lead_units = lead;
        self.partner_units = partner;
        for (role, typed) in self.other_roles.iter_mut().zip(labelled) {
            if role.is_executor() {
                // The first executor role takes them all; any other is left empty.
                role.units = std::mem::take(&mut executor);
            } else if !role.units.is_empty() {
                role.units = typed.unwrap_or_default();
            }
        }
        if !executor.is_empty() {
            self.other_roles.push(Role {
                label: EXECUTOR_LABEL.into(),
                units: executor,
            });
        }
        self.other_roles
            .retain(|role| !(role.is_executor() && role.units.is_empty()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(list: &[&str]) -> Vec<String> {
        list.iter().map(|unit| unit.to_string()).collect()
    }

    /// A row of Hoàng Hóa's own table: partners and the executor role.
    fn hoang_hoa_row() -> Task {
        Task {
            content: "Kiểm tra công tác CCHC".into(),
            partner_units: units(&["Văn phòng HĐND-UBND huyện", "phòng Tư pháp"]),
            other_roles: vec![
                Role {
                    label: EXECUTOR_LABEL.into(),
                    units: units(&["phòng Nội vụ", "UBND cấp xã"]),
                },
                Role {
                    label: "Cơ quan tổng hợp: kiểm tra".into(),
                    units: units(&["Phòng Nội vụ"]),
                },
            ],
            ..Task::default()
        }
    }

    #[test]
    fn the_executor_cell_shows_every_unit_the_task_names() {
        let mut task = hoang_hoa_row();
        task.lead_units = units(&["UBND huyện"]);
        assert_eq!(
            task.cell_lines(TableColumn::Executor),
            [
                "UBND huyện",
                "phòng Nội vụ; UBND cấp xã",
                "Cơ quan tổng hợp: kiểm tra: Phòng Nội vụ",
                "Văn phòng HĐND-UBND huyện; phòng Tư pháp"
            ]
        );
        assert_eq!(
            task.cell_input(TableColumn::Executor),
            task.cell_lines(TableColumn::Executor).join("\n")
        );
    }

    #[test]
    fn an_unchanged_executor_cell_writes_back_the_same_task() {
        let mut task = hoang_hoa_row();
        task.lead_units = units(&["UBND huyện"]);
        let before = task.clone();
        let shown = task.cell_input(TableColumn::Executor);
        task.set_cell(TableColumn::Executor, shown, 2023);
        assert_eq!(task, before);
    }

    #[test]
    fn a_key_task_with_lead_and_partners_shows_them_in_an_executor_column() {
        // Before, the editor's executor cell showed only a «Cơ quan thực hiện» role: empty for
        // a key task of the body, whose units are its lead and partners.
        let task = Task {
            lead_units: units(&["Văn phòng"]),
            partner_units: units(&["Tư pháp"]),
            ..Task::default()
        };
        assert_eq!(task.cell_input(TableColumn::Executor), "Văn phòng\nTư pháp");
    }

    #[test]
    fn typed_units_keep_their_part_and_new_ones_are_the_executors() {
        let mut task = hoang_hoa_row();
        task.set_cell(
            TableColumn::Executor,
            "phòng Nội vụ; Trung tâm mới\nphòng Tư pháp".into(),
            2023,
        );
        assert_eq!(task.partner_units, units(&["phòng Tư pháp"]));
        assert_eq!(
            task.other_roles,
            [
                Role {
                    label: EXECUTOR_LABEL.into(),
                    units: units(&["phòng Nội vụ", "Trung tâm mới"]),
                },
                // Its line is gone: it keeps its label and loses its units.
                Role {
                    label: "Cơ quan tổng hợp: kiểm tra".into(),
                    units: Vec::new(),
                },
            ]
        );
        task.set_cell(TableColumn::Executor, String::new(), 2023);
        assert!(task.partner_units.is_empty());
        assert_eq!(
            task.other_roles.len(),
            1,
            "the emptied executor role is gone"
        );
    }

    #[test]
    fn a_role_named_in_another_case_or_unnamed_is_the_executor() {
        for label in ["CƠ QUAN THỰC HIỆN", " cơ quan thực hiện ", ""] {
            let role = Role {
                label: label.into(),
                units: units(&["Văn phòng"]),
            };
            assert!(role.is_executor(), "«{label}»");
        }
        let other = Role {
            label: "Cơ quan theo dõi".into(),
            units: Vec::new(),
        };
        assert!(!other.is_executor());
    }

    #[test]
    fn a_lead_cell_prints_the_other_roles_but_edits_the_lead() {
        let mut task = hoang_hoa_row();
        task.lead_units = units(&["UBND huyện"]);
        assert_eq!(
            task.cell_lines(TableColumn::Lead),
            [
                "UBND huyện",
                "Cơ quan thực hiện: phòng Nội vụ; UBND cấp xã",
                "Cơ quan tổng hợp: kiểm tra: Phòng Nội vụ"
            ]
        );
        assert_eq!(task.cell_input(TableColumn::Lead), "UBND huyện");
        task.set_cell(TableColumn::Lead, "Văn phòng; Tư pháp".into(), 2023);
        assert_eq!(task.lead_units, units(&["Văn phòng", "Tư pháp"]));
    }
}
