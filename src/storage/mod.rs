//! The only module that touches IndexedDB (through rexie) and the browser's storage manager.
//! Plans, their revisions and the trash, the follow-ups and the inbox of received files live
//! here; everything read back is untrusted and goes through the file format's restore path
//! before use.

mod database;
mod device;
mod error;
mod inbox;
mod plan_texts;
mod records;
mod revisions;
mod tracking;
mod trash;
mod units;

pub use database::{
    DATABASE_NAME, Database, PlanSummary, SCHEMA_VERSION, SaveRequest, StoredPlan, delete_database,
};
pub use device::{StorageEstimate, estimate, is_persisted, request_persistence};
pub use error::StorageError;
pub use inbox::ReceivedFile;
pub use plan_texts::PlanText;
pub use revisions::{RevisionInfo, RevisionReason};
pub use tracking::StoredTracking;
pub use trash::TrashedPlan;
