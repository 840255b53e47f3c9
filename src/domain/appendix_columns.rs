//! The columns of an appendix table (cột của phụ lục) after TT, in order, and their headings:
//! as the drafter wrote them, or the standard wording.

use super::appendix::{AppendixColumns, AppendixTable, ColumnLabels};
use super::field_key::TaskField;

/// A column of an appendix table whose heading the drafter can rewrite.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableColumn {
    /// Nhiệm vụ / Nội dung thực hiện.
    Task,
    /// Kết quả đầu ra, sản phẩm.
    Output,
    /// Cơ quan chủ trì.
    Lead,
    /// Cơ quan phối hợp.
    Partner,
    /// Cơ quan thực hiện (one column instead of lead and partner).
    Executor,
    /// Thời gian thực hiện / hoàn thành.
    Deadline,
    /// Kinh phí (triệu đồng).
    Budget,
}

impl TableColumn {
    /// The field of the task the column's cells hold, which also names the cells in their ids.
    pub fn field(self) -> TaskField {
        match self {
            Self::Task => TaskField::Content,
            Self::Output => TaskField::Output,
            Self::Lead => TaskField::Lead,
            Self::Partner => TaskField::Partner,
            Self::Executor => TaskField::Executor,
            Self::Deadline => TaskField::Deadline,
            Self::Budget => TaskField::Budget,
        }
    }

    /// The heading printed when the drafter wrote none.
    pub fn standard_heading(self) -> &'static str {
        match self {
            Self::Task => "Nhiệm vụ",
            Self::Output => "Kết quả đầu ra, sản phẩm",
            Self::Lead => "Cơ quan chủ trì",
            Self::Partner => "Cơ quan phối hợp",
            Self::Executor => "Cơ quan thực hiện",
            Self::Deadline => "Thời gian thực hiện",
            Self::Budget => "Kinh phí (triệu đồng)",
        }
    }
}

impl ColumnLabels {
    /// The heading of `column` as written ("" for the standard one).
    pub fn written(&self, column: TableColumn) -> &String {
        match column {
            TableColumn::Task => &self.task,
            TableColumn::Output => &self.output,
            TableColumn::Lead => &self.lead,
            TableColumn::Partner => &self.partner,
            TableColumn::Executor => &self.executor,
            TableColumn::Deadline => &self.deadline,
            TableColumn::Budget => &self.budget,
        }
    }

    pub fn written_mut(&mut self, column: TableColumn) -> &mut String {
        match column {
            TableColumn::Task => &mut self.task,
            TableColumn::Output => &mut self.output,
            TableColumn::Lead => &mut self.lead,
            TableColumn::Partner => &mut self.partner,
            TableColumn::Executor => &mut self.executor,
            TableColumn::Deadline => &mut self.deadline,
            TableColumn::Budget => &mut self.budget,
        }
    }

    /// The heading of `column` as it prints: as written, or the standard one.
    pub fn heading(&self, column: TableColumn) -> String {
        let written = self.written(column).trim();
        if written.is_empty() {
            column.standard_heading().to_string()
        } else {
            written.to_string()
        }
    }
}

impl AppendixTable {
    /// The table's columns after TT, in order: task, output, lead and partner (or executor),
    /// deadline, and the budget if the table has it.
    pub fn table_columns(&self) -> Vec<TableColumn> {
        let mut columns = vec![TableColumn::Task, TableColumn::Output];
        match self.columns {
            AppendixColumns::LeadAndPartner => {
                columns.extend([TableColumn::Lead, TableColumn::Partner])
            }
            AppendixColumns::Executor => columns.push(TableColumn::Executor),
        }
        columns.push(TableColumn::Deadline);
        if self.budget_column {
            columns.push(TableColumn::Budget);
        }
        columns
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_columns_follow_the_table_and_its_budget_choice() {
        let mut table = AppendixTable::default();
        assert_eq!(
            table.table_columns(),
            [
                TableColumn::Task,
                TableColumn::Output,
                TableColumn::Lead,
                TableColumn::Partner,
                TableColumn::Deadline,
                TableColumn::Budget
            ]
        );
        table.columns = AppendixColumns::Executor;
        table.budget_column = false;
        assert_eq!(
            table.table_columns(),
            [
                TableColumn::Task,
                TableColumn::Output,
                TableColumn::Executor,
                TableColumn::Deadline
            ]
        );
    }

    #[test]
    fn a_written_heading_replaces_the_standard_one_and_blank_brings_it_back() {
        let mut labels = ColumnLabels::default();
        assert_eq!(labels.heading(TableColumn::Task), "Nhiệm vụ");
        *labels.written_mut(TableColumn::Task) = "  Nội dung thực hiện ".into();
        assert_eq!(labels.heading(TableColumn::Task), "Nội dung thực hiện");
        assert_eq!(labels.task, "  Nội dung thực hiện ");
        *labels.written_mut(TableColumn::Task) = "   ".into();
        assert_eq!(labels.heading(TableColumn::Task), "Nhiệm vụ");
        assert_eq!(labels.heading(TableColumn::Budget), "Kinh phí (triệu đồng)");
    }
}
