//! The journal of unsaved typing (bản nháp chưa lưu): written synchronously to localStorage when
//! the page is hidden or closed, since an IndexedDB save needs more than one turn of the event
//! loop, which a closing page may not get. Each entry names the revision it was made from, whether
//! a save was under way, and its tab; the next open of the plan carries on from it or, if the
//! plan has moved on since, keeps it as a revision.

use super::database::session_id;
use crate::domain::Plan;
use crate::file_format::journal::JournalHead;

/// localStorage key prefix of unsaved edits journaled when the page was hidden or closed.
const JOURNAL_PREFIX: &str = "ke-hoach-cchc.unsaved.";

/// The page's localStorage, if the browser allows it (it may not, in some private modes).
fn browser_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn journal_key(id: &str) -> String {
    format!("{JOURNAL_PREFIX}{id}")
}

pub(super) fn remove_journal(id: &str) {
    if let Some(storage) = browser_storage() {
        storage.remove_item(&journal_key(id)).ok();
    }
}

/// Removes the journal of plan `id` if this tab wrote it: one left by a tab that closed before
/// saving stays for the next open, which keeps it as a revision, even when another tab saves
/// the plan meanwhile.
pub(super) fn remove_own_journal(id: &str) {
    let Some(storage) = browser_storage() else {
        return;
    };
    let Some(entry) = storage.get_item(&journal_key(id)).ok().flatten() else {
        return;
    };
    // An entry whose head cannot be read is no tab's, and anyone's to remove.
    if JournalHead::split(&entry).is_none_or(|(head, _)| head.is_of(&session_id())) {
        storage.remove_item(&journal_key(id)).ok();
    }
}

/// Journals the plan's unsaved state with the revision it was edited from, whether a save from
/// that revision was already under way (it may have landed as the next revision), and the tab.
/// Returns whether it was written (localStorage holds a few megabytes at most, or none).
pub(super) fn write_journal(plan: &Plan, base: Option<u32>, saving: bool) -> bool {
    let (Some(storage), Ok(json)) = (browser_storage(), serde_json::to_string(plan)) else {
        return false;
    };
    let head = JournalHead {
        base: base.unwrap_or(0),
        saving,
        session: Some(session_id()),
    }
    .line();
    let written = storage
        .set_item(&journal_key(&plan.id), &format!("{head}\n{json}"))
        .is_ok();
    if !written {
        web_sys::console::warn_1(&"Không ghi được bản nháp chưa lưu vào localStorage".into());
    }
    written
}

/// What a tab that closed before saving left in its journal.
pub(super) enum Journal {
    /// Made from the stored revision (or the save under way landed as it): to carry on from.
    Current(Plan),
    /// Made from revision `base`, which another tab's save has since replaced.
    Stale { plan: Plan, base: u32 },
}

/// The journaled unsaved state of plan `id`, read through the file format's restore path like
/// any stored plan. It is removed only once a save, or a kept revision, covers it; one that
/// cannot be read is removed at once. It is current if made from the stored revision, or if its
/// tab's save was under way and the stored revision is that save (`saved_by` its session);
/// otherwise another tab, an import or a restore has replaced what it was made from.
pub(super) fn take_journal(
    id: &str,
    stored_revision: u32,
    saved_by: Option<&str>,
) -> Option<Journal> {
    let storage = browser_storage()?;
    let entry = storage.get_item(&journal_key(id)).ok().flatten()?;
    let parsed = JournalHead::split(&entry).and_then(|(head, json)| {
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        let (plan, _) = crate::file_format::restore_plan(&value);
        Some((head, plan.filter(|plan| plan.id == id)?))
    });
    let Some((head, plan)) = parsed else {
        storage.remove_item(&journal_key(id)).ok();
        return None;
    };
    if head.is_current(stored_revision, saved_by) {
        Some(Journal::Current(plan))
    } else {
        Some(Journal::Stale {
            plan,
            base: head.base,
        })
    }
}
