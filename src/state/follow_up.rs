//! The plan being followed (theo dõi thực hiện): the plan as stored, read only here, and its
//! follow-up (progress and period reports) with its autosave — within 300 ms of the last change,
//! at once when the page is hidden or the screen is left, and never over a newer revision saved
//! by another tab. What saves is shared with the save under way, so a save that finishes after
//! the screen is gone still writes the last change it was given.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::autosave::SaveStatus;
use super::database::{now_ms, session_id};
use crate::domain::Plan;
use crate::domain::report::Tracking;
use crate::storage::{Database, StorageError};

/// How long after the last change a save starts.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// What the saves share: they may outlive the screen.
struct Saver {
    database: Rc<Database>,
    /// The revision the next save starts from (0: nothing stored yet).
    revision: u32,
    timer: Option<TimeoutHandle>,
    saving: bool,
    /// The newest follow-up not yet handed to a save: written by the save under way when it
    /// ends, or by the next.
    waiting: Option<Tracking>,
    /// Changed since the last save that covered every change.
    unsaved: bool,
}

/// A plan open for follow-up: the plan, its follow-up and how saving goes.
#[derive(Clone, Copy)]
pub struct FollowUp {
    pub plan: StoredValue<Plan>,
    pub tracking: RwSignal<Tracking>,
    pub status: RwSignal<SaveStatus>,
    /// Another tab saved this follow-up; this copy takes no more changes until reloaded.
    pub edited_elsewhere: RwSignal<bool>,
    saver: StoredValue<Rc<RefCell<Saver>>, LocalStorage>,
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
        let follow_up = FollowUp {
            plan: StoredValue::new(plan),
            tracking: RwSignal::new(tracking.tracking),
            status: RwSignal::new(SaveStatus::Saved {
                at: if tracking.saved_at > 0.0 {
                    tracking.saved_at
                } else {
                    now_ms()
                },
            }),
            edited_elsewhere: RwSignal::new(false),
            saver: StoredValue::new_local(Rc::new(RefCell::new(Saver {
                database,
                revision: tracking.revision,
                timer: None,
                saving: false,
                waiting: None,
                unsaved: false,
            }))),
        };
        let saver = follow_up.saver.get_value();
        super::unsaved::track_pending(Rc::new(Followed { follow_up, saver }));
        Ok(follow_up)
    }

    fn saver(&self) -> Option<Rc<RefCell<Saver>>> {
        self.saver.try_get_value()
    }
}

/// What the update banner asks of a follow-up: its saver is held here, so that a save still
/// under way after the screen is left counts until it lands.
struct Followed {
    follow_up: FollowUp,
    saver: Rc<RefCell<Saver>>,
}

impl super::unsaved::Pending for Followed {
    fn is_closed(&self) -> bool {
        self.follow_up.tracking.is_disposed() && !self.has_unsaved()
    }

    fn has_unsaved(&self) -> bool {
        let state = self.saver.borrow();
        state.unsaved || state.saving
    }

    fn flush(&self) {
        self.follow_up.flush();
    }
}

impl FollowUp {
    /// Changes the follow-up and schedules its save; nothing while another tab's is newer.
    pub fn edit(&self, change: impl FnOnce(&mut Tracking)) {
        if self.edited_elsewhere.get_untracked() {
            return;
        }
        self.tracking.update(change);
        self.status.set(SaveStatus::Pending);
        let follow_up = *self;
        let timer = set_timeout_with_handle(move || follow_up.flush(), SAVE_DELAY).ok();
        if let Some(saver) = self.saver() {
            let mut saver = saver.borrow_mut();
            saver.unsaved = true;
            if let Some(old) = std::mem::replace(&mut saver.timer, timer) {
                old.clear();
            }
        }
    }

    /// Saves the follow-up as it is now, at once (the page is hidden, the screen is being
    /// left, or typing paused). A save under way writes it when it ends.
    pub fn flush(&self) {
        let Some(saver) = self.saver() else {
            return;
        };
        {
            let mut state = saver.borrow_mut();
            if let Some(timer) = state.timer.take() {
                timer.clear();
            }
            if !state.unsaved {
                return;
            }
            let Some(tracking) = self.tracking.try_get_untracked() else {
                return;
            };
            state.waiting = Some(tracking);
            if state.saving {
                return;
            }
            state.saving = true;
        }
        self.status.try_set(SaveStatus::Saving);
        let follow_up = *self;
        spawn_local(async move {
            loop {
                let (tracking, database, revision) = {
                    let mut state = saver.borrow_mut();
                    let Some(tracking) = state.waiting.take() else {
                        state.saving = false;
                        break;
                    };
                    (tracking, state.database.clone(), state.revision)
                };
                let session = session_id();
                let result = database
                    .save_tracking(&tracking, revision, &session, now_ms())
                    .await;
                let done = {
                    let mut state = saver.borrow_mut();
                    match &result {
                        Ok(revision) => {
                            state.revision = *revision;
                            let done = state.waiting.is_none() && state.timer.is_none();
                            if done {
                                state.unsaved = false;
                            }
                            done
                        }
                        Err(_) => {
                            // Kept for the next try: the next change or a flush saves it.
                            state.waiting = None;
                            state.saving = false;
                            true
                        }
                    }
                };
                match result {
                    Ok(_) if done => {
                        follow_up.status.try_set(SaveStatus::Saved { at: now_ms() });
                    }
                    Ok(_) => {}
                    Err(StorageError::Conflict { .. }) => {
                        // Kept as a revision, to restore or copy from: nothing typed is lost.
                        let kept = database.keep_unsaved_tracking(&tracking, revision, now_ms());
                        if let Err(error) = kept.await {
                            web_sys::console::error_1(&format!("{error:?}").into());
                        }
                        follow_up.edited_elsewhere.try_set(true);
                        follow_up.status.try_set(SaveStatus::Failed(
                            "Chưa lưu: tiến độ của kế hoạch này vừa được sửa ở thẻ hoặc cửa sổ khác."
                                .into(),
                        ));
                        break;
                    }
                    Err(error) => {
                        web_sys::console::error_1(&format!("{error:?}").into());
                        follow_up
                            .status
                            .try_set(SaveStatus::Failed(error.to_string()));
                        break;
                    }
                }
            }
        });
    }

    /// The database the follow-up is saved in.
    pub fn database(&self) -> Option<Rc<Database>> {
        Some(self.saver()?.borrow().database.clone())
    }

    /// Makes the kept revision `key` the stored follow-up (the one it replaces is kept as a
    /// revision) and shows it.
    pub async fn restore_revision(&self, key: f64) -> Result<(), StorageError> {
        let Some(saver) = self.saver() else {
            return Ok(());
        };
        let (database, base) = {
            let state = saver.borrow();
            (state.database.clone(), state.revision)
        };
        let id = self.tracking.with_untracked(|t| t.plan_id.clone());
        database
            .restore_tracking_revision(&id, key, base, now_ms())
            .await?;
        self.reload().await
    }

    /// Replaces this tab's copy with the stored one and saves again from there. What this tab
    /// could not save was kept as a revision when the save was refused.
    pub async fn reload(&self) -> Result<(), StorageError> {
        let Some(saver) = self.saver() else {
            return Ok(());
        };
        let database = saver.borrow().database.clone();
        let id = self.tracking.with_untracked(|t| t.plan_id.clone());
        let stored = database.load_tracking(&id).await?;
        {
            let mut state = saver.borrow_mut();
            if let Some(timer) = state.timer.take() {
                timer.clear();
            }
            state.waiting = None;
            state.unsaved = false;
            state.revision = stored.revision;
        }
        self.tracking.set(stored.tracking);
        self.edited_elsewhere.set(false);
        self.status.set(SaveStatus::Saved { at: now_ms() });
        Ok(())
    }
}
