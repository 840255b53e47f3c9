//! App state over the plain domain types: the open database, the plan being edited with its
//! autosave, and the messages between tabs. Components use these; only `storage` touches
//! IndexedDB.

mod autosave;
mod database;
mod follow_up;
mod journal;
mod tabs;
mod unsaved;

pub use autosave::{Editor, Lock, SaveStatus};
pub use database::{DatabaseContext, new_id, now_ms, provide_database, session_id, use_database};
pub use follow_up::FollowUp;
pub use tabs::TabChannel;
pub use unsaved::{any_unsaved, flush_all};
