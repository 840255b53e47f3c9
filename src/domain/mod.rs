//! The plan (Kế hoạch cải cách hành chính) as plain data with plain methods: no signals, no
//! browser APIs, no storage. Everything else in the app is built on these types.

pub mod appendix;
pub mod appendix_cells;
pub mod appendix_columns;
pub mod appendix_edit;
pub mod budget;
pub mod deadline;
mod deadline_parser;
pub mod field_key;
pub mod inbox;
pub mod names;
pub mod next_year;
pub mod numbering;
pub mod plan;
pub mod progress;
pub mod report;
pub mod slot;
pub mod task;
pub mod template;
pub mod template_marks;
pub mod text;
pub mod unicode;
pub mod units;
pub mod validation;

pub use appendix::{AppendixColumns, AppendixGroup, AppendixRows, AppendixTable, RowNumbering};
pub use budget::{Budget, Decimal};
pub use deadline::{Deadline, Milestone, Recurrence};
pub use field_key::FieldKey;
pub use names::Named;
pub use plan::*;
pub use task::{AreaKind, ReformArea, Role, RoleKind, RoleLine, Task};
