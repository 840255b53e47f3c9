//! The plan being followed (theo dõi thực hiện): the plan as stored, read only here, and its
//! follow-up (progress and period reports) with its autosave — within 300 ms of the last change,
//! at once when the page is hidden, and never over a newer revision saved by another tab.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::autosave::SaveStatus;
use super::database::now_ms;
use crate::domain::Plan;
use crate::domain::report::Tracking;
use crate::storage::{Database, StorageError};

/// How long after the last change a save starts.
const SAVE_DELAY: Duration = Duration::from_millis(300);

struct Inner {
    database: Rc<Database>,
    revision: u32,
    timer: Option<TimeoutHandle>,
    saving: bool,
    /// Changed again while a save was under way.
    dirty: bool,
}

/// A plan open for follow-up: the plan, its follow-up and how saving goes.
#[derive(Clone, Copy)]
pub struct FollowUp {
    pub plan: StoredValue<Plan>,
    pub tracking: RwSignal<Tracking>,
    pub status: RwSignal<SaveStatus>,
    /// Another tab saved this follow-up; this copy stopped saving until reloaded.
    pub edited_elsewhere: RwSignal<bool>,
    inner: StoredValue<Inner, LocalStorage>,
}

impl FollowUp {
    /// Opens the plan `id` and its follow-up: the plan as `handed` over by the editor that
    /// just saved it, or as stored.
    pub async fn open(
        database: Rc<Database>,
        id: String,
        handed: Option<Plan>,
    ) -> Result<FollowUp, StorageError> {
        let plan = match handed {
            Some(plan) => plan,
            None => {
                database
                    .load_plan(&id)
                    .await?
                    .ok_or(StorageError::NotFound)?
                    .plan
            }
        };
        let tracking = database.load_tracking(&id).await?;
        if !tracking.report.problems.is_empty() {
            web_sys::console::warn_1(&format!("{:?}", tracking.report.problems).into());
        }
        Ok(FollowUp {
            plan: StoredValue::new(plan),
            tracking: RwSignal::new(tracking.tracking),
            // Nothing stored yet is nothing left to save.
            status: RwSignal::new(SaveStatus::Saved {
                at: if tracking.saved_at > 0.0 {
                    tracking.saved_at
                } else {
                    now_ms()
                },
            }),
            edited_elsewhere: RwSignal::new(false),
            inner: StoredValue::new_local(Inner {
                database,
                revision: tracking.revision,
                timer: None,
                saving: false,
                dirty: false,
            }),
        })
    }

    /// Changes the follow-up and schedules its save; nothing while another tab's is newer.
    pub fn edit(&self, change: impl FnOnce(&mut Tracking)) {
        if self.edited_elsewhere.get_untracked() {
            return;
        }
        self.tracking.update(change);
        self.status.set(SaveStatus::Pending);
        let follow_up = *self;
        let timer = set_timeout_with_handle(move || follow_up.save_now(), SAVE_DELAY).ok();
        self.inner.update_value(|inner| {
            if let Some(old) = std::mem::replace(&mut inner.timer, timer) {
                old.clear();
            }
        });
    }

    /// Saves a pending change at once (the page is hidden, or the screen left).
    pub fn flush(&self) {
        let pending = self
            .inner
            .try_with_value(|inner| inner.timer.is_some())
            .unwrap_or(false);
        if pending {
            self.save_now();
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
        let tracking = self.tracking.get_untracked();
        let (database, revision) = self
            .inner
            .with_value(|inner| (inner.database.clone(), inner.revision));
        let follow_up = *self;
        spawn_local(async move {
            let result = database.save_tracking(&tracking, revision, now_ms()).await;
            follow_up.saved(result);
        });
    }

    fn saved(&self, result: Result<u32, StorageError>) {
        let Some(again) = self.inner.try_update_value(|inner| {
            inner.saving = false;
            std::mem::take(&mut inner.dirty)
        }) else {
            return;
        };
        match result {
            Ok(revision) => {
                let all_saved = self
                    .inner
                    .try_update_value(|inner| {
                        inner.revision = revision;
                        !again && inner.timer.is_none()
                    })
                    .unwrap_or(false);
                if all_saved {
                    self.status.set(SaveStatus::Saved { at: now_ms() });
                }
            }
            Err(StorageError::Conflict { .. }) => {
                self.edited_elsewhere.set(true);
                self.status.set(SaveStatus::Failed(
                    "Chưa lưu: tiến độ của kế hoạch này vừa được sửa ở thẻ khác.".into(),
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

    /// Replaces this tab's copy with the stored one and saves again from there. What this tab
    /// changed since its last save is lost: another tab's newer state wins.
    pub async fn reload(&self) -> Result<(), StorageError> {
        let (database, id) = (
            self.inner.with_value(|inner| inner.database.clone()),
            self.tracking.with_untracked(|t| t.plan_id.clone()),
        );
        let stored = database.load_tracking(&id).await?;
        self.inner.update_value(|inner| {
            if let Some(timer) = inner.timer.take() {
                timer.clear();
            }
            inner.dirty = false;
            inner.revision = stored.revision;
        });
        self.tracking.set(stored.tracking);
        self.edited_elsewhere.set(false);
        self.status.set(SaveStatus::Saved { at: now_ms() });
        Ok(())
    }
}
