//! Mục lục and "Cần xem lại": the form's places (parts, areas, extra sections) and which of them
//! is at the top of the form now, shared with the toolbar's part switcher (`toolbar.rs`); the
//! outline of those places to jump to, sticky beside the form on a wide screen, with the place
//! now marked; the list of issues, each jumping to its field.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::lazy::NearScreen;
use super::{Form, PARTS};
use crate::app::{on_window_events, set_style_variable};
use crate::domain::field_key::{AreaField, FieldKey};
use crate::domain::slot::area_slots;

/// Shows and focuses the element `id`, or, for a list, its first item or its add button; opens
/// the folded `<details>` around it first. A long plan still filling in (`super::lazy`) is
/// filled at once first, so that the element is there.
pub fn jump_to(near: NearScreen, id: &str) {
    if near.fill_all() {
        let id = id.to_string();
        request_animation_frame(move || jump(&id, true));
    } else {
        jump(id, true);
    }
}

fn jump(id: &str, unfold: bool) {
    let document = document();
    let found = [id.to_string(), format!("{id}-0"), format!("{id}-add")]
        .iter()
        .filter_map(|candidate| document.get_element_by_id(candidate))
        // A list's own id names the list; its first input or add button takes the focus.
        .find(|element| {
            matches!(
                element.tag_name().as_str(),
                "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON"
            )
        });
    let Some(element) = found else {
        // A folded task shows no fields: open it (its summary has the task's key), then look again.
        if unfold {
            let folded =
                std::iter::successors(Some(id), |key| key.rsplit_once('-').map(|(head, _)| head))
                    .find_map(|key| document.get_element_by_id(key))
                    .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
                    .filter(|element| element.class_list().contains("task-folded"));
            if let Some(summary) = folded {
                summary.click();
                let id = id.to_string();
                request_animation_frame(move || jump(&id, false));
                return;
            }
        }
        // A whole part of the form (its section can take the focus): go to its heading.
        if let Some(part) = document
            .get_element_by_id(id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            part.scroll_into_view();
            part.focus().ok();
            stay_in_place(part.into());
        }
        return;
    };
    let mut parent = element.parent_element();
    while let Some(node) = parent {
        if let Ok(details) = node.clone().dyn_into::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
        parent = node.parent_element();
    }
    element.scroll_into_view();
    if let Ok(element) = element.clone().dyn_into::<web_sys::HtmlElement>() {
        element.focus().ok();
    }
    stay_in_place(element);
}

/// Puts `element`, just scrolled to, back where the jump put it if the page above it has grown
/// meanwhile: the parts that the jump brought near the screen are drawn in full on the next
/// frame (`super::lazy`), and the browser's scroll anchoring does not always keep the place.
fn stay_in_place(element: web_sys::Element) {
    let top = element.get_bounding_client_rect().top();
    request_animation_frame(move || {
        request_animation_frame(move || {
            if (element.get_bounding_client_rect().top() - top).abs() > 1.0 {
                element.scroll_into_view();
            }
        })
    });
}

/// A place of the form to go to: a part of `PARTS` (depth 0), an area under «Nhiệm vụ theo lĩnh
/// vực» or an extra section under «Mục bổ sung» (1), a sub-area (2). `id` is its element's.
#[derive(Clone, PartialEq)]
pub(super) struct Place {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) depth: u8,
}

/// The places of the open plan below its parts, shared by the outline and the toolbar's
/// switcher, and `here`: the id of the place at the top of the form now.
#[derive(Clone, Copy)]
pub struct Places {
    areas: Memo<Vec<Place>>,
    extras: Memo<Vec<Place>>,
    pub(super) here: RwSignal<String>,
}

impl Places {
    /// Every place, in the order of the form.
    pub(super) fn all(&self) -> Vec<Place> {
        let mut all = Vec::new();
        for (id, title) in PARTS {
            all.push(Place {
                id: id.to_string(),
                label: title.to_string(),
                depth: 0,
            });
            match id {
                "part-areas" => all.extend(self.areas.get()),
                "part-extras" => all.extend(self.extras.get()),
                _ => {}
            }
        }
        all
    }

    fn all_untracked(&self) -> Vec<Place> {
        untrack(|| self.all())
    }
}

/// Gives the form's places to the outline and the toolbar, and keeps `here` following the
/// scroll.
pub fn provide_places(form: Form) {
    let areas = Memo::new(move |_| {
        form.read_all(|plan| {
            area_slots(plan)
                .into_iter()
                .map(|(slot, area)| Place {
                    id: FieldKey::Area(slot, AreaField::Section).dom_id(),
                    label: format!("{} {}", slot.number(), area.title),
                    depth: if slot.sub.is_some() { 2 } else { 1 },
                })
                .collect::<Vec<_>>()
        })
    });
    // Extra sections are typed into at the root of the form, so its reads see every change.
    let extras = Memo::new(move |_| {
        form.read(|plan| {
            plan.extra_sections
                .iter()
                .enumerate()
                .map(|(index, extra)| Place {
                    id: FieldKey::ExtraSectionHeading(index).dom_id(),
                    label: match extra.heading.trim() {
                        "" => format!("Mục bổ sung {} (chưa có tiêu đề)", index + 1),
                        heading => heading.to_string(),
                    },
                    depth: 1,
                })
                .collect::<Vec<_>>()
        })
    });
    let places = Places {
        areas,
        extras,
        here: RwSignal::new(PARTS[0].0.to_string()),
    };
    provide_context(places);
    follow_scroll(places);
}

/// Keeps `here` on the last place whose top has gone up under the toolbar (the last one in the
/// window once the page can scroll no further), and gives style/editor.css the toolbar's height
/// (`--toolbar-height`, for the page's scroll padding), as the page scrolls or the window
/// changes. A place not drawn yet is passed over.
fn follow_scroll(places: Places) {
    let height = StoredValue::new(0);
    let update = move || {
        let document = document();
        let Some(toolbar) = document
            .get_element_by_id("editor-toolbar")
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let bar = toolbar.get_bounding_client_rect();
        let bar_height = bar.height().ceil() as i32;
        if height.get_value() != bar_height {
            height.set_value(bar_height);
            if let Some(root) = document
                .document_element()
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            {
                set_style_variable(&root, "--toolbar-height", &format!("{bar_height}px"));
            }
        }
        let window = window();
        let inner = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let at_end = document.document_element().is_some_and(|root| {
            window.scroll_y().unwrap_or(0.0) + inner >= f64::from(root.scroll_height()) - 2.0
        });
        // A place scrolled to stops a little below the toolbar (the scroll padding).
        let line = if at_end {
            inner - 1.0
        } else {
            bar.bottom() + 24.0
        };
        let here = places
            .all_untracked()
            .into_iter()
            .rev()
            .find(|place| {
                document
                    .get_element_by_id(&place.id)
                    .is_some_and(|element| element.get_bounding_client_rect().top() <= line)
            })
            .map(|place| place.id);
        if let Some(here) = here
            && places.here.with_untracked(|now| *now != here)
        {
            places.here.set(here);
        }
    };
    Effect::new(move |_| {
        // Once the form is drawn, and again when its places change.
        places.all();
        request_animation_frame(update);
    });
    on_window_events(&["scroll", "resize"], update);
}

/// The outline and the issue summary.
#[component]
pub fn Outline() -> impl IntoView {
    let form = expect_context::<Form>();
    let near = expect_context::<NearScreen>();
    let Places {
        areas,
        extras,
        here,
    } = expect_context::<Places>();
    let link = move |id: String, text: String| {
        let target = id.clone();
        let current = move || here.with(|here| *here == id).then_some("location");
        view! {
            <a href=format!("#{target}") aria-current=current on:click=move |event| {
                event.prevent_default();
                jump_to(near, &target);
            }>{text}</a>
        }
    };
    let count = move || form.issue_list.with(Vec::len);
    // Beside the form the checks are open; above it, on a tablet held upright or a phone, they
    // would push the form a screen down, so they start folded under their title (the count
    // stays in sight). The outline is only shown beside the form (the toolbar's part switcher
    // stands for it elsewhere), so it starts open even on a tablet turned sideways later.
    let open = beside_the_form();
    let aside = NodeRef::<leptos::html::Aside>::new();
    keep_within_window(aside);
    keep_here_in_sight(aside, here);
    view! {
        <aside class="plan-outline" node_ref=aside>
            <section class="issue-summary" aria-labelledby="issue-summary-title" data-testid="issue-summary">
                <details class="outline-fold issue-fold" open=open>
                <summary><h3 id="issue-summary-title" class="outline-title">{move || format!("Cần xem lại ({})", count())}</h3></summary>
                <Show when=move || count() == 0>
                    <p class="muted">"Chưa thấy gì cần xem lại."</p>
                </Show>
                <ul class="issue-list">
                    {move || form.issue_list.get().into_iter().map(|issue| {
                        let target = issue.field.dom_id();
                        view! {
                            <li>
                                <button type="button" class="issue-link" data-testid="issue-link"
                                    on:click=move |_| jump_to(near, &target)>
                                    <span class="issue-place">{issue.place}</span>
                                    <span>{issue.message}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                </details>
            </section>
            <nav aria-label="Mục lục kế hoạch" class="outline-nav" data-testid="outline-nav">
                <details class="outline-fold" open>
                <summary><h3 class="outline-title">"Mục lục"</h3></summary>
                <ol class="outline-list">
                    {PARTS.iter().map(|(id, title)| {
                        let areas_below = (*id == "part-areas").then(|| view! {
                            <ol class="outline-areas">
                                {move || areas.get().into_iter().map(|place| view! {
                                    <li class:outline-sub=place.depth == 2>{link(place.id, place.label)}</li>
                                }).collect_view()}
                            </ol>
                        });
                        let extras_below = (*id == "part-extras").then(|| view! {
                            <ol class="outline-areas" data-testid="outline-extras">
                                {move || extras.get().into_iter().map(|place| view! {
                                    <li>{link(place.id, place.label)}</li>
                                }).collect_view()}
                            </ol>
                        });
                        view! { <li>{link(id.to_string(), title.to_string())}{areas_below}{extras_below}</li> }
                    }).collect_view()}
                </ol>
                </details>
            </nav>
        </aside>
    }
}

/// Gives style/editor.css the outline's top in the window (`--outline-top`), now and as the
/// page scrolls or the window changes, so that the outline ends inside the window even before
/// it sticks under the editor's bar. Once it sticks the value stays put and nothing is written.
fn keep_within_window(aside: NodeRef<leptos::html::Aside>) {
    let last = StoredValue::new(None::<i32>);
    let update = move || {
        let Some(aside) = aside.get_untracked() else {
            return;
        };
        // It sticks at 5 rem (80 px): from there on the value no longer changes. Whole pixels.
        let top = (aside.get_bounding_client_rect().top().max(0.0) as i32).max(80);
        if last.get_value() == Some(top) {
            return;
        }
        last.set_value(Some(top));
        set_style_variable(&aside, "--outline-top", &format!("{top}px"));
    };
    Effect::new(move |_| {
        if aside.get().is_some() {
            update();
        }
    });
    on_window_events(&["scroll", "resize"], update);
}

/// Keeps the outline's link to the place at the top of the form in sight inside the outline,
/// which scrolls on its own when it is taller than the window (clear of its sticky title).
fn keep_here_in_sight(aside: NodeRef<leptos::html::Aside>, here: RwSignal<String>) {
    Effect::new(move |_| {
        here.track();
        let Some(aside) = aside.get_untracked() else {
            return;
        };
        request_animation_frame(move || {
            let (Ok(Some(nav)), Ok(Some(link))) = (
                aside.query_selector(".outline-nav"),
                aside.query_selector(".outline-nav a[aria-current]"),
            ) else {
                return;
            };
            let frame = nav.get_bounding_client_rect();
            let link = link.get_bounding_client_rect();
            let title = 56.0;
            let by = if link.top() < frame.top() + title {
                link.top() - frame.top() - title
            } else if link.bottom() > frame.bottom() {
                link.bottom() - frame.bottom()
            } else {
                return;
            };
            nav.set_scroll_top(nav.scroll_top() + by.round() as i32);
        });
    });
}

/// Whether the window is wide enough for the outline to stand beside the form (the 1000 px of
/// style/editor.css).
fn beside_the_form() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|width| width.as_f64())
        .is_some_and(|width| width >= 1000.0)
}
