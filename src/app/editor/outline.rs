//! Mục lục and "Cần xem lại": the outline of parts and areas to jump to, sticky beside the form
//! on a wide screen and folded above it on a narrow one (style/editor.css); the list of issues,
//! each jumping to its field; and the editor's toolbar (undo, redo, the save state).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::lazy::NearScreen;
use super::{Form, PARTS};
use crate::app::save_status::SaveIndicator;
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
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        element.focus().ok();
    }
}

/// The outline and the issue summary.
#[component]
pub fn Outline() -> impl IntoView {
    let form = expect_context::<Form>();
    let near = expect_context::<NearScreen>();
    let areas = Memo::new(move |_| {
        form.read_all(|plan| {
            area_slots(plan)
                .into_iter()
                .map(|(slot, area)| {
                    (
                        FieldKey::Area(slot, AreaField::Section).dom_id(),
                        slot.number(),
                        area.title.clone(),
                        slot.sub.is_some(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    // Extra sections are typed into at the root of the form, so its reads see every change.
    let extras = Memo::new(move |_| {
        form.read(|plan| {
            plan.extra_sections
                .iter()
                .map(|extra| extra.heading.trim().to_string())
                .collect::<Vec<_>>()
        })
    });
    let link = move |id: String, text: String| {
        let target = id.clone();
        view! {
            <a href=format!("#{id}") on:click=move |event| {
                event.prevent_default();
                jump_to(near, &target);
            }>{text}</a>
        }
    };
    let count = move || form.issue_list.with(Vec::len);
    // Beside the form the outline and the checks are open; above it, on a tablet held upright
    // or a phone, they would push the form a screen down, so they start folded under their
    // titles (the count of checks stays in sight).
    let open = beside_the_form();
    let aside = NodeRef::<leptos::html::Aside>::new();
    keep_within_window(aside);
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
                <details class="outline-fold" open=open>
                <summary><h3 class="outline-title">"Mục lục"</h3></summary>
                <ol class="outline-list">
                    {PARTS.iter().map(|(id, title)| {
                        let areas_below = (*id == "part-areas").then(|| view! {
                            <ol class="outline-areas">
                                {move || areas.get().into_iter().map(|(key, number, title, sub)| view! {
                                    <li class:outline-sub=sub>{link(key, format!("{number} {title}"))}</li>
                                }).collect_view()}
                            </ol>
                        });
                        let extras_below = (*id == "part-extras").then(|| view! {
                            <ol class="outline-areas" data-testid="outline-extras">
                                {move || extras.get().into_iter().enumerate().map(|(index, heading)| {
                                    let text = if heading.is_empty() {
                                        format!("Mục bổ sung {} (chưa có tiêu đề)", index + 1)
                                    } else {
                                        heading
                                    };
                                    view! { <li>{link(FieldKey::ExtraSectionHeading(index).dom_id(), text)}</li> }
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

/// Whether the window is wide enough for the outline to stand beside the form (the 1000 px of
/// style/editor.css).
fn beside_the_form() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|width| width.as_f64())
        .is_some_and(|width| width >= 1000.0)
}

/// The editor's toolbar: "Hoàn tác", "Làm lại", the save state and the notice of the last
/// removal ("Đã xóa nhiệm vụ c — Hoàn tác"). It stays at the top of the form as it scrolls,
/// in a band of its own, so that it never covers a field (the page's scroll padding keeps a
/// focused field clear of it, style/editor.css).
#[component]
pub fn UndoBar() -> impl IntoView {
    let form = expect_context::<Form>();
    let history = form.history;
    view! {
        <div class="undo-bar" role="toolbar" aria-label="Hoàn tác và trạng thái lưu" data-testid="editor-toolbar">
            <button type="button" class="button" id="undo-button" data-testid="undo"
                disabled=move || history.depth.get() == 0 || form.editor.is_locked()
                aria-keyshortcuts="Control+Z" on:click=move |_| history.undo()>
                "↶ Hoàn tác"
            </button>
            <button type="button" class="button" id="redo-button" data-testid="redo"
                disabled=move || history.redo_depth.get() == 0 || form.editor.is_locked()
                aria-keyshortcuts="Control+Y Control+Shift+Z" on:click=move |_| history.redo()>
                "↷ Làm lại"
            </button>
            <SaveIndicator status=form.editor.status />
            <p class="undo-notice" role="status" aria-live="polite" data-testid="undo-notice">
                {move || history.notice.get().map(|(_, what)| view! {
                    <span>{what}" — "</span>
                    <button type="button" class="link-button" on:click=move |_| history.undo()>"Hoàn tác"</button>
                })}
            </p>
        </div>
    }
}
