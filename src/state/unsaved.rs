//! Whether anything typed in this tab is not yet stored (chưa lưu), across every open editor, so
//! that an app update (cập nhật phiên bản) never reloads the page over unsaved edits.

use std::cell::RefCell;

use leptos::prelude::IsDisposed;

use super::autosave::Editor;

thread_local! {
    /// Every editor opened in this tab; those since closed are dropped as they are met.
    static EDITORS: RefCell<Vec<Editor>> = const { RefCell::new(Vec::new()) };
}

/// Follows `editor` from its opening until it is closed.
pub(super) fn track(editor: Editor) {
    EDITORS.with_borrow_mut(|editors| editors.push(editor));
}

/// The editors still open, after dropping the closed ones.
fn open_editors() -> Vec<Editor> {
    EDITORS.with_borrow_mut(|editors| {
        // An editor's signals go when its screen is left.
        editors.retain(|editor| !editor.plan.is_disposed());
        editors.clone()
    })
}

/// Whether some open editor holds edits that are not yet stored in IndexedDB.
pub fn any_unsaved() -> bool {
    open_editors().iter().any(Editor::has_unsaved)
}

/// Starts saving, at once, every edit that waits for its autosave timer.
pub fn flush_all() {
    for editor in open_editors() {
        editor.flush();
    }
}
