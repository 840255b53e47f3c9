//! The plan being edited and its autosave: every edit is saved within 300 ms of the last
//! keystroke, at once when the page is hidden or closed, and never over a newer revision saved
//! by another tab.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::database::{now_ms, session_id};
use super::journal::{Journal, remove_journal, remove_own_journal, take_journal, write_journal};
use super::tabs::TabChannel;
use crate::domain::Plan;
use crate::file_format::journal::outdated_by;
use crate::storage::{self, Database, PlanText, StorageError};

/// How long after the last keystroke a save starts.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// What the person sees about saving.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Saved at this time (milliseconds since 1970).
    Saved {
        at: f64,
    },
    /// Edited, waiting for the typing to pause.
    Pending,
    Saving,
    /// The last save failed; the message says why and what to do.
    Failed(String),
}

/// Why the plan cannot be edited in this tab right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lock {
    /// Another tab saved a newer revision; this copy is out of date.
    EditedElsewhere,
}

struct Inner {
    database: Rc<Database>,
    base_revision: Option<u32>,
    timer: Option<TimeoutHandle>,
    saving: bool,
    dirty: bool,
    /// Something typed is not yet stored; cleared only by a save that covers every edit.
    unsaved: bool,
    channel: Option<TabChannel>,
    persistence_asked: bool,
    /// The newest revision another tab has said it saved.
    heard_revision: Option<u32>,
}

/// A plan open for editing (kế hoạch đang soạn).
#[derive(Clone, Copy)]
pub struct Editor {
    pub plan: RwSignal<Plan>,
    pub status: RwSignal<SaveStatus>,
    pub lock: RwSignal<Option<Lock>>,
    /// Typing this device could not save, because another tab saved the plan first, and that
    /// was kept as a revision instead: said once, beside the form.
    pub kept_unsaved: RwSignal<bool>,
    inner: StoredValue<Inner, LocalStorage>,
}

impl Editor {
    /// Opens the stored plan `id` for editing.
    pub async fn open(database: Rc<Database>, id: String) -> Result<Editor, StorageError> {
        let stored = database
            .load_plan(&id)
            .await?
            .ok_or(StorageError::NotFound)?;
        let editor = Editor {
            plan: RwSignal::new(stored.plan),
            status: RwSignal::new(SaveStatus::Saved {
                at: stored.saved_at,
            }),
            lock: RwSignal::new(None),
            kept_unsaved: RwSignal::new(false),
            inner: StoredValue::new_local(Inner {
                database: database.clone(),
                base_revision: Some(stored.revision),
                timer: None,
                saving: false,
                dirty: false,
                unsaved: false,
                channel: None,
                persistence_asked: false,
                heard_revision: None,
            }),
        };
        super::unsaved::track(editor);
        let channel = TabChannel::open(move |saved| editor.heard_save(saved));
        editor
            .inner
            .update_value(|inner| inner.channel = Some(channel));
        match take_journal(&id, stored.revision, stored.saved_by.as_deref()) {
            Some(Journal::Current(unsaved)) => {
                // Typed just before the tab was closed, and not yet stored: carry on from there.
                // The journal becomes this tab's, so that the save covering it removes it.
                write_journal(&unsaved, Some(stored.revision), false);
                editor.plan.set(unsaved);
                editor.inner.update_value(|inner| inner.unsaved = true);
                editor.status.set(SaveStatus::Pending);
                editor.save_now();
            }
            Some(Journal::Stale { plan, base }) => {
                // Typed before the tab was closed, but another tab saved the plan since: the
                // typing is kept as a revision, and the journal dropped once it is.
                let kept = match PlanText::of(&plan) {
                    Ok(written) => database.keep_unsaved(&written, base, now_ms()).await,
                    Err(error) => Err(error),
                };
                match kept {
                    Ok(()) => {
                        remove_journal(&id);
                        editor.kept_unsaved.set(true);
                    }
                    Err(error) => web_sys::console::error_1(&format!("{error:?}").into()),
                }
            }
            None => {}
        }
        Ok(editor)
    }

    /// Whether something typed is not yet stored; false once the editor is closed.
    pub fn has_unsaved(&self) -> bool {
        self.inner.try_with_value(|inner| inner.unsaved) == Some(true)
    }

    /// Whether edits are refused in this tab.
    pub fn is_locked(&self) -> bool {
        self.lock.get().is_some()
    }

    /// Changes the plan and schedules its save.
    pub fn edit(&self, change: impl FnOnce(&mut Plan)) {
        self.apply(change, true);
    }

    /// Changes the plan and schedules its save without waking the plan's readers: the caller
    /// tells the few that care (the plan form's per-task triggers), so that typing into one
    /// task of a long plan does not re-run every field of every other task.
    pub fn edit_quietly(&self, change: impl FnOnce(&mut Plan)) {
        self.apply(change, false);
    }

    fn apply(&self, change: impl FnOnce(&mut Plan), notify: bool) {
        if self.lock.get_untracked().is_some() {
            return;
        }
        if notify {
            self.plan.update(change);
        } else {
            self.plan.update_untracked(change);
        }
        self.status.set(SaveStatus::Pending);
        let editor = *self;
        let timer = set_timeout_with_handle(move || editor.save_now(), SAVE_DELAY).ok();
        self.inner.update_value(|inner| {
            inner.unsaved = true;
            if let Some(old) = std::mem::replace(&mut inner.timer, timer) {
                old.clear();
            }
        });
    }

    /// Saves a pending edit at once (the page is being hidden or closed, or the editor left).
    /// A save needs more than one turn of the event loop, which a closing page may not get,
    /// so the edit is also journaled synchronously in localStorage and applied on the next
    /// open if still needed.
    pub fn flush(&self) {
        let Some((unsaved, base, saving)) = self
            .inner
            .try_with_value(|inner| (inner.unsaved, inner.base_revision, inner.saving))
        else {
            return;
        };
        if !unsaved {
            return;
        }
        let journaled = self
            .plan
            .try_with_untracked(|plan| write_journal(plan, base, saving));
        self.save_now();
        if journaled == Some(false) {
            // Until the save under way lands («Đã lưu lúc …»), closing the page loses the typing.
            self.status.set(SaveStatus::Failed(
                "Phần vừa gõ chưa được lưu an toàn: nếu đóng trang lúc này, phần đó có thể bị mất."
                    .into(),
            ));
        }
    }

    fn save_now(&self) {
        let busy = self
            .inner
            .try_update_value(|inner| {
                if let Some(timer) = inner.timer.take() {
                    timer.clear();
                }
                if inner.saving {
                    inner.dirty = true;
                    return true;
                }
                inner.saving = true;
                false
            })
            .unwrap_or(true);
        if busy {
            return;
        }
        self.status.set(SaveStatus::Saving);
        let editor = *self;
        // Written out in place: a copy of a long plan would cost as much again.
        let (id, written) = self
            .plan
            .with_untracked(|plan| (plan.id.clone(), PlanText::of(plan)));
        let (database, base_revision) = self
            .inner
            .with_value(|inner| (inner.database.clone(), inner.base_revision));
        spawn_local(async move {
            let session = session_id();
            let result = match &written {
                Ok(written) => {
                    database
                        .save_plan_text(written, base_revision, &session, now_ms())
                        .await
                }
                Err(error) => Err(error.clone()),
            };
            editor.saved(&id, &session, result);
        });
    }

    fn saved(&self, plan_id: &str, session: &str, result: Result<u32, StorageError>) {
        // The editor may be gone (the person went back to the list): then its journal stays
        // for the next open, since this save may not hold the latest edits.
        let Some(again) = self.inner.try_update_value(|inner| {
            inner.saving = false;
            std::mem::take(&mut inner.dirty)
        }) else {
            return;
        };
        match result {
            Ok(revision) => {
                let (ask_persistence, all_saved) = self
                    .inner
                    .try_update_value(|inner| {
                        inner.base_revision = Some(revision);
                        if let Some(channel) = &inner.channel {
                            channel.announce(plan_id, revision, session);
                        }
                        let all_saved = !again && inner.timer.is_none();
                        if all_saved {
                            inner.unsaved = false;
                        }
                        let ask = !std::mem::replace(&mut inner.persistence_asked, true);
                        (ask, all_saved)
                    })
                    .unwrap_or((false, false));
                if ask_persistence {
                    // Asked on the first save, when the person has something worth keeping.
                    spawn_local(async {
                        storage::request_persistence().await;
                    });
                }
                if all_saved {
                    remove_own_journal(plan_id);
                    self.status.set(SaveStatus::Saved { at: now_ms() });
                }
            }
            Err(StorageError::Conflict { .. }) => {
                self.lock.set(Some(Lock::EditedElsewhere));
                self.status.set(SaveStatus::Failed(
                    "Chưa lưu: kế hoạch đã được sửa ở thẻ khác.".into(),
                ));
                return;
            }
            Err(error) => {
                web_sys::console::error_1(&format!("{error:?}").into());
                self.status.set(SaveStatus::Failed(error.to_string()));
            }
        }
        if again {
            self.save_now();
        }
    }

    fn heard_save(&self, saved: super::tabs::SavedElsewhere) {
        let ours = self.plan.with_untracked(|plan| plan.id == saved.plan_id);
        let newer = self
            .inner
            .with_value(|inner| outdated_by(inner.base_revision, saved.revision));
        if ours && saved.session != session_id() {
            self.inner.update_value(|inner| {
                inner.heard_revision = inner.heard_revision.max(Some(saved.revision));
            });
            if newer {
                self.lock.set(Some(Lock::EditedElsewhere));
            }
        }
    }

    /// The open database, for panels that read more of it (revisions).
    pub fn database(&self) -> Rc<Database> {
        self.inner.with_value(|inner| inner.database.clone())
    }

    /// Whether everything typed is saved, so the stored plan is this tab's plan.
    pub fn is_saved(&self) -> bool {
        matches!(self.status.get(), SaveStatus::Saved { .. })
    }

    /// Makes the kept revision `key` the plan's current state (the state it replaces is kept as
    /// a revision) and shows it; other tabs are told.
    pub async fn restore_revision(&self, key: f64) -> Result<(), StorageError> {
        let (database, base) = self
            .inner
            .with_value(|inner| (inner.database.clone(), inner.base_revision.unwrap_or(0)));
        let id = self.plan.with_untracked(|plan| plan.id.clone());
        let revision = database.restore_revision(&id, key, base, now_ms()).await?;
        self.inner.try_with_value(|inner| {
            if let Some(channel) = &inner.channel {
                channel.announce(&id, revision, &session_id());
            }
        });
        self.reload_latest().await
    }

    /// Replaces this tab's copy with the latest stored revision and unlocks editing. Typing of
    /// this tab that is not stored is kept as a revision first, so that nothing is lost. Should
    /// another tab save again while the latest is read, that is read too.
    pub async fn reload_latest(&self) -> Result<(), StorageError> {
        let (database, id) = (
            self.inner.with_value(|inner| inner.database.clone()),
            self.plan.with_untracked(|plan| plan.id.clone()),
        );
        let unsaved = self.inner.try_with_value(|inner| inner.unsaved) == Some(true);
        if unsaved {
            let base = self
                .inner
                .with_value(|inner| inner.base_revision.unwrap_or(0));
            let written = self.plan.with_untracked(PlanText::of)?;
            database.keep_unsaved(&written, base, now_ms()).await?;
            self.kept_unsaved.set(true);
        }
        let mut stored = None;
        // A few reads at most: a tab that keeps saving is caught on a later reload.
        for _ in 0..4 {
            let latest = database
                .load_plan(&id)
                .await?
                .ok_or(StorageError::NotFound)?;
            let heard = self.inner.try_with_value(|inner| inner.heard_revision);
            let caught_up = heard.flatten().is_none_or(|heard| heard <= latest.revision);
            stored = Some(latest);
            if caught_up {
                break;
            }
        }
        let stored = stored.ok_or(StorageError::NotFound)?;
        self.inner.try_update_value(|inner| {
            if let Some(timer) = inner.timer.take() {
                timer.clear();
            }
            inner.dirty = false;
            inner.unsaved = false;
            inner.base_revision = Some(stored.revision);
        });
        self.plan.set(stored.plan);
        self.lock.set(None);
        self.status.set(SaveStatus::Saved {
            at: stored.saved_at,
        });
        Ok(())
    }
}
