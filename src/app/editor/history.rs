//! Hoàn tác: the editor's undo stack. Each change keeps the plan as it was before; typing into
//! one field keeps one state per pause, so an undo takes back a word or a sentence, not a letter.

use leptos::prelude::*;

use crate::domain::Plan;
use crate::state::{Editor, now_ms};

/// Most states kept; a 500-task plan is a few hundred kilobytes, so this stays small.
const MAX_STATES: usize = 60;
/// Typing in the same field within this many milliseconds belongs to the same undo step.
const TYPING_PAUSE_MS: f64 = 1500.0;
/// How long the "Đã xoá … — Hoàn tác" notice stays.
const NOTICE_MS: u64 = 10_000;

/// The undo stack of the open plan and the notice of the last removal.
#[derive(Clone, Copy)]
pub struct History {
    editor: Editor,
    past: StoredValue<Vec<Plan>>,
    /// The field typed into last and when, to group keystrokes into one step.
    typing: StoredValue<Option<(String, f64)>>,
    /// How many states can be taken back.
    pub depth: RwSignal<usize>,
    /// "Đã xoá nhiệm vụ c", with a number that tells notices apart.
    pub notice: RwSignal<Option<(u64, String)>>,
}

impl History {
    pub fn new(editor: Editor) -> Self {
        Self {
            editor,
            past: StoredValue::new(Vec::new()),
            typing: StoredValue::new(None),
            depth: RwSignal::new(0),
            notice: RwSignal::new(None),
        }
    }

    fn keep_current(&self) {
        let current = self.editor.plan.with_untracked(Clone::clone);
        self.past.update_value(|past| {
            if past.len() >= MAX_STATES {
                past.remove(0);
            }
            past.push(current);
        });
        self.depth.set(self.past.with_value(Vec::len));
    }

    /// A change made by typing into `field`: one undo step per field and pause. The plan's
    /// readers are not woken; `notify` tells those that show the changed part.
    pub fn type_into(&self, field: &str, change: impl FnOnce(&mut Plan), notify: impl FnOnce()) {
        if self.editor.lock.get_untracked().is_some() {
            return;
        }
        let now = now_ms();
        let same_step = self.typing.with_value(|last| {
            last.as_ref()
                .is_some_and(|(key, at)| key == field && now - at < TYPING_PAUSE_MS)
        });
        if !same_step {
            self.keep_current();
        }
        self.typing.set_value(Some((field.to_string(), now)));
        self.editor.edit_quietly(change);
        notify();
    }

    /// A change of structure (add, move, a choice): always its own undo step.
    pub fn change(&self, change: impl FnOnce(&mut Plan)) {
        if self.editor.lock.get_untracked().is_some() {
            return;
        }
        self.keep_current();
        self.typing.set_value(None);
        self.editor.edit(change);
    }

    /// A removal: its own undo step, announced with a way to take it back.
    pub fn remove(&self, what: String, change: impl FnOnce(&mut Plan)) {
        if self.editor.lock.get_untracked().is_some() {
            return;
        }
        self.change(change);
        let id = now_ms() as u64;
        self.notice.set(Some((id, what)));
        let notice = self.notice;
        set_timeout(
            move || {
                if notice
                    .try_get_untracked()
                    .flatten()
                    .is_some_and(|(shown, _)| shown == id)
                {
                    notice.set(None);
                }
            },
            std::time::Duration::from_millis(NOTICE_MS),
        );
    }

    /// Takes the plan back to the state before the last change, if there is one.
    pub fn undo(&self) {
        if self.editor.lock.get_untracked().is_some() {
            return;
        }
        let Some(previous) = self.past.try_update_value(Vec::pop).flatten() else {
            return;
        };
        self.typing.set_value(None);
        self.depth.set(self.past.with_value(Vec::len));
        self.notice.set(None);
        self.editor.edit(|plan| *plan = previous);
    }
}
