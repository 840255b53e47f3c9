//! Vẽ dần (drawing as it comes into view): in a long plan, a part far from the screen is first
//! drawn as plain text (its placeholder) and becomes its full form when it comes within a
//! screen or so of the viewport, is focused, or is clicked. A plan of 500 tasks thus opens with
//! a few task forms instead of 500, yet every task's text is in the page (find-in-page sees it)
//! and every task can be reached by scrolling, by Tab and by the outline's and checks' jumps.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Past this many tasks, task forms are drawn as they come into view; a shorter plan draws
/// everything at once, which is quick enough.
pub const DRAW_ALL_UP_TO: usize = 60;

/// How far beyond the viewport, in screen heights, a part starts being drawn: so that scrolling
/// at a reading pace never meets a placeholder.
const AHEAD_SCREENS: f64 = 1.5;

/// The attribute that names an element waiting to be drawn.
const WAITING_ATTRIBUTE: &str = "data-near";

/// Parts waiting to be drawn, by token. Looked at when the page scrolls or is resized and when
/// parts are added, never on a keystroke: an IntersectionObserver of 500 placeholders costs
/// several milliseconds in every frame, typing included.
#[derive(Default)]
struct Waiting {
    draws: HashMap<String, Box<dyn FnOnce()>>,
    next: u64,
    /// Whether a look is already asked for the next frame.
    scheduled: bool,
}

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
                waiting.next += 1;
                let token = waiting.next.to_string();
                waiting.draws.insert(token.clone(), Box::new(draw));
                token
            })
            .unwrap_or_default();
        self.look_soon();
        token
    }

    /// Stops waiting for the element `token` (it was drawn another way, or removed).
    pub fn forget(&self, token: &str) {
        self.0
            .try_update_value(|waiting| waiting.draws.remove(token));
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
        let mut near = Vec::new();
        for index in 0..found.length() {
            let Some(element) = found
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let rect = element.get_bounding_client_rect();
            let has_box = rect.width() > 0.0 || rect.height() > 0.0;
            if has_box && rect.bottom() >= top && rect.top() <= bottom {
                near.extend(element.get_attribute(WAITING_ATTRIBUTE));
            }
        }
        let due: Vec<_> = self
            .0
            .try_update_value(|waiting| {
                near.iter()
                    .filter_map(|token| waiting.draws.remove(token))
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
