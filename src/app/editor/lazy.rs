//! Vẽ dần (drawing as it comes into view): in a long plan, a part far from the screen is first
//! drawn as plain text (its placeholder) and becomes its full form when it comes within a
//! screen or so of the viewport, is focused, or is clicked. A plan of 500 tasks thus opens with
//! a few task forms instead of 500, yet every task's text is in the page (find-in-page sees it)
//! and every task can be reached by scrolling, by Tab and by the outline's and checks' jumps.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Past this many tasks, task forms are drawn as they come into view; a shorter plan draws
/// everything at once, which is quick enough.
const DRAW_ALL_UP_TO: usize = 60;

/// Whether `plan` is short enough ([`DRAW_ALL_UP_TO`] tasks or fewer) to be drawn all at once.
pub fn draws_all_at_once(plan: &crate::domain::Plan) -> bool {
    plan.task_count() <= DRAW_ALL_UP_TO
}

/// How far beyond the viewport, in screen heights, a part starts being drawn: so that scrolling
/// at a reading pace never meets a placeholder.
const AHEAD_SCREENS: f64 = 1.5;

/// The attribute that names an element waiting to be drawn.
const WAITING_ATTRIBUTE: &str = "data-near";

/// Parts waiting to be drawn, by token (an index into `draws`). Looked at when the page scrolls
/// or is resized and when parts are added, never on a keystroke: an IntersectionObserver of 500
/// placeholders costs several milliseconds in every frame, typing included.
#[derive(Default)]
struct Waiting {
    draws: Vec<Option<Box<dyn FnOnce()>>>,
    /// Whether a look is already asked for the next frame.
    scheduled: bool,
    /// What a long plan still adds to the page after its first paint, in document order.
    filling: Vec<Filling>,
    /// Whether a slice of it is already asked for.
    filling_soon: bool,
    /// Whether everything is to be added at once (a jump asked for it).
    all_now: bool,
}

impl Waiting {
    /// The draw of the part `token`, if it is still waiting.
    fn take(&mut self, token: &str) -> Option<Box<dyn FnOnce()>> {
        let index: usize = token.parse().ok()?;
        self.draws.get_mut(index)?.take()
    }
}

/// A part of the form added after its first paint.
#[derive(Clone, Copy)]
enum Filling {
    /// A part below the first screen: whether it is in the page.
    Part(RwSignal<bool>),
    /// A long list or table: how many rows it shows, how many it has, and what a row costs of
    /// a slice's [`SLICE`].
    Rows(RwSignal<usize>, Memo<usize>, usize),
}

/// What is added to the page at a time, between two paints, whenever the browser is idle: a
/// slice costs about one frame on a slow tablet, so typing and scrolling stay smooth while a
/// long plan fills in. A part below the first screen is a slice of its own; a row of a list
/// costs [`LIST_ROW`] (40 rows a slice), a line of a table `SLICE / lines` as its caller says.
pub const SLICE: usize = 120;

/// What a row of a long list costs of a slice.
const LIST_ROW: usize = SLICE / 40;

/// The plan form's watcher of parts waiting to be drawn.
#[derive(Clone, Copy)]
pub struct NearScreen(StoredValue<Waiting, LocalStorage>);

impl NearScreen {
    /// A watcher for the plan form; it stops watching when the form is left.
    pub fn new() -> Self {
        let near = NearScreen(StoredValue::new_local(Waiting::default()));
        let on_scroll = window_event_listener(leptos::ev::scroll, move |_| near.look_soon());
        let on_resize = window_event_listener(leptos::ev::resize, move |_| near.look_soon());
        on_cleanup(move || {
            on_scroll.remove();
            on_resize.remove();
        });
        near
    }

    /// A token for an element that `draw` is to be run for once it comes near the screen: put
    /// it in the element's `data-near` attribute while it waits.
    pub fn watch(&self, draw: impl FnOnce() + 'static) -> String {
        let token = self
            .0
            .try_update_value(|waiting| {
                waiting.draws.push(Some(Box::new(draw)));
                (waiting.draws.len() - 1).to_string()
            })
            .unwrap_or_default();
        self.look_soon();
        token
    }

    /// Draws the waiting part `element` now (a tap, the focus beside it); says whether it was
    /// waiting.
    pub fn draw_now(&self, element: &web_sys::Element) -> bool {
        let token = element.get_attribute(WAITING_ATTRIBUTE);
        let draw = token.and_then(|token| self.0.try_update_value(|w| w.take(&token)).flatten());
        draw.map(|draw| draw()).is_some()
    }

    /// Stops waiting for the element `token` (it was drawn another way, or removed).
    pub fn forget(&self, token: &str) {
        self.0.try_update_value(|waiting| waiting.take(token));
    }

    /// How many rows of a long list of `len` rows to show: none while the form is first painted,
    /// then `ROWS_PER_SLICE` more at a time, in document order with the parts, until all
    /// (`usize::MAX`, so that rows added later show too).
    pub fn rows_shown_later(&self, len: Memo<usize>) -> RwSignal<usize> {
        let shown = RwSignal::new(0);
        if !self.fill_later(Filling::Rows(shown, len, LIST_ROW)) {
            shown.set(usize::MAX);
        }
        shown
    }

    /// Whether a part below the first screen is in the page: not while the form is first
    /// painted, then in its turn.
    pub fn shown_later(&self) -> RwSignal<bool> {
        let shown = RwSignal::new(false);
        if !self.fill_later(Filling::Part(shown)) {
            shown.set(true);
        }
        shown
    }

    /// Queues `filling`, unless everything is to be added at once; says whether it was queued.
    fn fill_later(&self, filling: Filling) -> bool {
        let queued = self.0.try_update_value(|waiting| {
            if waiting.all_now {
                return None;
            }
            waiting.filling.push(filling);
            Some(!std::mem::replace(&mut waiting.filling_soon, true))
        });
        let Some(Some(start)) = queued else {
            return false;
        };
        if start {
            // After the first paint: a frame, then the first slice when the browser is idle.
            let near = *self;
            request_animation_frame(move || near.fill_soon());
        }
        true
    }

    /// How many lines of a long table of `len` lines to draw: `first` with the table, then more
    /// in their turn, each line costing `cost` of a [`SLICE`], until all (`usize::MAX`, so that
    /// lines added later show too); all at once if everything is being added at once (a jump
    /// asked for it), or when a jump asks later.
    pub fn lines_in_slices(&self, len: Memo<usize>, first: usize, cost: usize) -> RwSignal<usize> {
        let drawn = RwSignal::new(first);
        if len.get_untracked() <= first || !self.fill_later(Filling::Rows(drawn, len, cost)) {
            drawn.set(usize::MAX);
        }
        drawn
    }

    /// Adds everything still to come at once, and from now on adds parts at once (a jump to
    /// something not yet in the page); says whether anything was still to come.
    pub fn fill_all(&self) -> bool {
        let queued = self
            .0
            .try_update_value(|waiting| {
                waiting.all_now = true;
                std::mem::take(&mut waiting.filling)
            })
            .unwrap_or_default();
        let filled = !queued.is_empty();
        for filling in queued {
            match filling {
                Filling::Part(shown) => {
                    shown.try_set(true);
                }
                Filling::Rows(shown, ..) => {
                    shown.try_set(usize::MAX);
                }
            }
        }
        filled
    }

    /// Adds the next slice when the browser is idle, so that a paint or a key goes first.
    fn fill_soon(&self) {
        let near = *self;
        when_idle(move || near.fill());
    }

    /// Adds the next slice, and asks for the one after it.
    fn fill(&self) {
        let mut budget = SLICE;
        while budget > 0 {
            let next = self
                .0
                .try_update_value(|waiting| waiting.filling.first().copied());
            let Some(Some(filling)) = next else {
                break;
            };
            let done = match filling {
                Filling::Part(shown) => {
                    shown.try_set(true);
                    budget = 0;
                    true
                }
                Filling::Rows(shown, len, cost) => {
                    match (shown.try_get_untracked(), len.try_get_untracked()) {
                        (Some(now), Some(len)) => {
                            // At least one row a slice, however costly.
                            let more = len.saturating_sub(now).min((budget / cost).max(1));
                            budget = budget.saturating_sub(more * cost);
                            // All its rows once it has them, and any added later.
                            let all = now + more >= len;
                            shown.set(if all { usize::MAX } else { now + more });
                            all
                        }
                        // The list is gone.
                        _ => true,
                    }
                }
            };
            if done {
                self.0.try_update_value(|waiting| waiting.filling.remove(0));
            }
        }
        let more = self
            .0
            .try_update_value(|waiting| {
                waiting.filling_soon = !waiting.filling.is_empty();
                waiting.filling_soon
            })
            .unwrap_or(false);
        if more {
            self.fill_soon();
        }
    }

    /// Looks for waiting parts near the screen in the next frame, once however often asked.
    fn look_soon(&self) {
        let near = *self;
        let first = self
            .0
            .try_update_value(|waiting| !std::mem::replace(&mut waiting.scheduled, true));
        if first == Some(true) {
            request_animation_frame(move || near.look());
        }
    }

    /// Draws every waiting part within `AHEAD_SCREENS` of the viewport. A part with no box (in
    /// a closed `<details>`) waits for a scroll after it is shown, or for a tap.
    fn look(&self) {
        let Some(()) = self.0.try_update_value(|waiting| waiting.scheduled = false) else {
            return;
        };
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let (top, bottom) = (-AHEAD_SCREENS * height, (1.0 + AHEAD_SCREENS) * height);
        let Ok(found) = document().query_selector_all(&format!("[{WAITING_ATTRIBUTE}]")) else {
            return;
        };
        // Waiting parts are in document order down one column, so their boxes are in order too:
        // a binary search finds the first that reaches the band, and only the few in it are
        // measured after that, instead of every placeholder of the plan.
        let rect_at = |index: u32| {
            let element = found.item(index)?.dyn_into::<web_sys::Element>().ok()?;
            let rect = element.get_bounding_client_rect();
            let has_box = rect.width() > 0.0 || rect.height() > 0.0;
            Some((element, has_box.then_some(rect)))
        };
        let (mut low, mut high) = (0, found.length());
        while low < high {
            let middle = low + (high - low) / 2;
            match rect_at(middle) {
                Some((_, Some(rect))) if rect.bottom() < top => low = middle + 1,
                _ => high = middle,
            }
        }
        // From there down, skipping parts with no box (a closed `<details>` puts one anywhere).
        let mut near = Vec::new();
        for index in low..found.length() {
            match rect_at(index) {
                Some((_, Some(rect))) if rect.top() > bottom => break,
                Some((element, Some(rect))) if rect.bottom() >= top => {
                    near.extend(element.get_attribute(WAITING_ATTRIBUTE));
                }
                _ => {}
            }
        }
        let due: Vec<_> = self
            .0
            .try_update_value(|waiting| {
                near.iter()
                    .filter_map(|token| waiting.take(token))
                    .collect()
            })
            .unwrap_or_default();
        if due.is_empty() {
            return;
        }
        // Drawn outside the borrow: drawing adds watched parts. What was drawn may be taller
        // or shorter than its placeholder, so look again once it is laid out.
        for draw in due {
            draw();
        }
        self.look_soon();
    }
}

/// Runs `work` when the browser is next idle; Safari has no `requestIdleCallback`, and runs it
/// in a task of its own.
fn when_idle(work: impl Fn() + Clone + 'static) {
    if request_idle_callback_with_handle(work.clone()).is_err() {
        set_timeout(work, std::time::Duration::ZERO);
    }
}

/// Provides the watcher to the plan form.
pub fn provide_near_screen() {
    provide_context(NearScreen::new());
}

/// Whether a part is drawn in full, and the `data-near` attribute to put on its element (its
/// token while it waits): drawn at once when `eager` (a short plan), else once it comes near
/// the screen. Setting the signal draws it sooner (a tap, the focus, a jump).
pub fn drawn_when_near(
    eager: bool,
) -> (
    RwSignal<bool>,
    impl Fn() -> Option<String> + Clone + Send + Sync + 'static,
) {
    let drawn = RwSignal::new(eager);
    let token = (!eager).then(|| {
        let near = expect_context::<NearScreen>();
        let token = near.watch(move || {
            if drawn.try_get_untracked() == Some(false) {
                drawn.set(true);
            }
        });
        let forget = token.clone();
        on_cleanup(move || near.forget(&forget));
        token
    });
    let mark = move || token.clone().filter(|_| !drawn.get());
    (drawn, mark)
}

/// `body` in the page at once when `eager` (a short plan), else after the form's first paint,
/// in its turn (`NearScreen::shown_later`): for the parts of a long plan below the first screen.
pub fn after_first_paint(
    eager: bool,
    body: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    if eager {
        return body();
    }
    let shown = expect_context::<NearScreen>().shown_later();
    (move || shown.get().then(&body)).into_any()
}

/// `body`, drawn once it comes near the screen (at once when `eager`); until then a line that
/// says what is coming, in a box of about its height.
pub fn drawn_later(
    eager: bool,
    what: &'static str,
    body: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let (drawn, token) = drawn_when_near(eager);
    view! {
        <div class="drawn-later" class:drawn-later-waiting=move || !drawn.get() data-near=token>
            {move || if drawn.get() {
                body()
            } else {
                view! { <p class="muted">{what}</p> }.into_any()
            }}
        </div>
    }
    .into_any()
}
