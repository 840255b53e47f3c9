//! Hoàn tác and Làm lại: the editor's undo and redo stacks. Each change keeps the plan as it was
//! before; typing into one field keeps one state per pause, so an undo takes back a word or a
//! sentence, not a letter, and a redo makes it again whole. A new change forgets what could be
//! made again.

use leptos::prelude::*;

use crate::domain::Plan;
use crate::state::{Editor, now_ms};

/// Most states kept; a 500-task plan is a few hundred kilobytes, so this stays small.
const MAX_STATES: usize = 60;
/// Typing in the same field within this many milliseconds belongs to the same undo step.
const TYPING_PAUSE_MS: f64 = 1500.0;
/// How long the "Đã xóa … — Hoàn tác" notice stays.
const NOTICE_MS: u64 = 10_000;

/// States to go back to and states to go forward to again, oldest first; plain data, so that
/// the rules of undo and redo are tested apart from the plan and the browser.
#[derive(Debug)]
pub struct Steps<T> {
    past: Vec<T>,
    future: Vec<T>,
}

impl<T> Default for Steps<T> {
    fn default() -> Self {
        Self {
            past: Vec::new(),
            future: Vec::new(),
        }
    }
}

impl<T> Steps<T> {
    /// Keeps `current` before a new change; what could be made again is forgotten.
    pub fn keep(&mut self, current: T) {
        if self.past.len() >= MAX_STATES {
            self.past.remove(0);
        }
        self.past.push(current);
        self.future.clear();
    }

    /// The state to go back to from `current`, which is kept to redo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.past.pop()?;
        self.future.push(current);
        Some(previous)
    }

    /// The state to go forward to from `current`, which is kept to undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push(current);
        Some(next)
    }

    /// How many steps can be taken back and made again.
    pub fn depths(&self) -> (usize, usize) {
        (self.past.len(), self.future.len())
    }
}

/// The undo and redo stacks of the open plan and the notice of the last removal.
#[derive(Clone, Copy)]
pub struct History {
    editor: Editor,
    steps: StoredValue<Steps<Plan>>,
    /// The field typed into last and when, to group keystrokes into one step.
    typing: StoredValue<Option<(String, f64)>>,
    /// How many states can be taken back.
    pub depth: RwSignal<usize>,
    /// How many states taken back can be made again.
    pub redo_depth: RwSignal<usize>,
    /// "Đã xóa nhiệm vụ c", with a number that tells notices apart.
    pub notice: RwSignal<Option<(u64, String)>>,
}

impl History {
    pub fn new(editor: Editor) -> Self {
        Self {
            editor,
            steps: StoredValue::new(Steps::default()),
            typing: StoredValue::new(None),
            depth: RwSignal::new(0),
            redo_depth: RwSignal::new(0),
            notice: RwSignal::new(None),
        }
    }

    fn keep_current(&self) {
        let current = self.editor.plan.with_untracked(Clone::clone);
        self.steps.update_value(|steps| steps.keep(current));
        self.show_depths();
    }

    fn show_depths(&self) {
        let (back, forward) = self.steps.with_value(Steps::depths);
        if self.depth.get_untracked() != back {
            self.depth.set(back);
        }
        if self.redo_depth.get_untracked() != forward {
            self.redo_depth.set(forward);
        }
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
        self.step(Steps::undo);
    }

    /// Makes again the last change taken back, if nothing has changed since.
    pub fn redo(&self) {
        self.step(Steps::redo);
    }

    fn step(&self, step: fn(&mut Steps<Plan>, Plan) -> Option<Plan>) {
        if self.editor.lock.get_untracked().is_some() {
            return;
        }
        let current = self.editor.plan.with_untracked(Clone::clone);
        let Some(state) = self
            .steps
            .try_update_value(|steps| step(steps, current))
            .flatten()
        else {
            return;
        };
        self.typing.set_value(None);
        self.show_depths();
        self.notice.set(None);
        self.editor.edit(|plan| *plan = state);
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::{MAX_STATES, Steps};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn undo_then_redo_comes_back_to_the_same_state() {
        let mut steps = Steps::default();
        steps.keep("a");
        steps.keep("ab");
        assert_eq!(steps.undo("abc"), Some("ab"));
        assert_eq!(steps.undo("ab"), Some("a"));
        assert_eq!(steps.undo("a"), None);
        assert_eq!(steps.depths(), (0, 2));
        assert_eq!(steps.redo("a"), Some("ab"));
        assert_eq!(steps.redo("ab"), Some("abc"));
        assert_eq!(steps.redo("abc"), None);
        assert_eq!(steps.depths(), (2, 0));
    }

    #[wasm_bindgen_test]
    fn a_new_change_forgets_what_could_be_made_again() {
        let mut steps = Steps::default();
        steps.keep(1);
        assert_eq!(steps.undo(2), Some(1));
        steps.keep(1);
        assert_eq!(steps.depths(), (1, 0));
        assert_eq!(steps.redo(3), None);
    }

    #[wasm_bindgen_test]
    fn only_the_most_recent_states_are_kept() {
        let mut steps = Steps::default();
        for state in 0..MAX_STATES + 5 {
            steps.keep(state);
        }
        assert_eq!(steps.depths(), (MAX_STATES, 0));
        let mut oldest = None;
        let mut current = MAX_STATES + 5;
        while let Some(state) = steps.undo(current) {
            oldest = Some(state);
            current = state;
        }
        assert_eq!(oldest, Some(5));
    }
}
