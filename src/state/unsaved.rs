//! Whether anything typed in this tab is not yet stored (chưa lưu), across every open editor, so
//! that an app update (cập nhật phiên bản) never reloads the page over unsaved edits.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::IsDisposed;

use super::autosave::Editor;

/// What the update banner asks of an open editor. Held as a trait object so that the code
/// that saves (in the editor's chunk, `app/chunks.rs`) is not drawn into the first download
/// by the banner, which is on every screen.
pub(super) trait Pending {
    /// Whether the editor's screen has been left.
    fn is_closed(&self) -> bool;
    fn has_unsaved(&self) -> bool;
    fn flush(&self);
}

impl Pending for Editor {
    fn is_closed(&self) -> bool {
        // An editor's signals go when its screen is left.
        self.plan.is_disposed()
    }

    fn has_unsaved(&self) -> bool {
        Editor::has_unsaved(self)
    }

    fn flush(&self) {
        Editor::flush(self);
    }
}

thread_local! {
    /// Every editor opened in this tab; those since closed are dropped as they are met.
    static EDITORS: RefCell<Vec<Rc<dyn Pending>>> = const { RefCell::new(Vec::new()) };
}

/// Follows `editor` from its opening until it is closed.
pub(super) fn track(editor: Editor) {
    EDITORS.with_borrow_mut(|editors| editors.push(Rc::new(editor)));
}

/// Follows a plan's follow-up from its opening until it is closed and saved.
pub(super) fn track_pending(pending: Rc<dyn Pending>) {
    EDITORS.with_borrow_mut(|editors| editors.push(pending));
}

/// The editors still open, after dropping the closed ones.
fn open_editors() -> Vec<Rc<dyn Pending>> {
    EDITORS.with_borrow_mut(|editors| {
        editors.retain(|editor| !editor.is_closed());
        editors.clone()
    })
}

/// Whether some open editor holds edits that are not yet stored in IndexedDB.
pub fn any_unsaved() -> bool {
    open_editors().iter().any(|editor| editor.has_unsaved())
}

/// Starts saving, at once, every edit that waits for its autosave timer.
pub fn flush_all() {
    for editor in open_editors() {
        editor.flush();
    }
}
