//! The rows of a long list drawn as they come near the screen (`super::lazy`), by index: a tap
//! on a waiting row draws it, and the keyboard focus draws the rows beside it, so that Tab and
//! Shift+Tab always find the next row's fields drawn and never stop on a placeholder.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use super::lazy::NearScreen;
use super::lists::focus_first_input;

/// A long list's rows, found in the page by their ids, `{list_id}-item-{index}`.
#[derive(Clone)]
pub struct LazyRows {
    list_id: String,
    near: NearScreen,
}

impl LazyRows {
    /// The rows of the list whose `<ol>` has the id `list_id`.
    pub fn new(list_id: String) -> Self {
        LazyRows {
            list_id,
            near: expect_context::<NearScreen>(),
        }
    }

    /// Draws row `index` if it is waiting; says whether it was.
    fn draw(&self, index: usize) -> bool {
        let row = document().get_element_by_id(&format!("{}-item-{index}", self.list_id));
        row.is_some_and(|row| self.near.draw_now(&row))
    }

    /// The index of the row of `list` that holds `node`, if one does.
    fn row_of(list: &Element, node: &Element) -> Option<usize> {
        let mut current = node.clone();
        loop {
            let parent = current.parent_element()?;
            if &parent == list {
                return current.id().rsplit_once("-item-")?.1.parse().ok();
            }
            current = parent;
        }
    }

    /// The list, and the element an event happened on.
    fn list_and_target(&self, event: &web_sys::Event) -> Option<(Element, Element)> {
        let target = event.target()?.dyn_into::<Element>().ok()?;
        Some((document().get_element_by_id(&self.list_id)?, target))
    }

    /// A tap on a waiting row of the list: draws it, with the cursor in its first field.
    pub fn tapped(&self, event: &web_sys::Event) {
        if let Some((list, target)) = self.list_and_target(event)
            && let Some(index) = Self::row_of(&list, &target)
            && self.draw(index)
        {
            focus_first_input(format!("{}-item-{index}", self.list_id));
        }
    }

    /// The focus moved to somewhere in the part that holds the list: draws the rows beside it,
    /// the first row when it is before the list, the last when after. A plan still filling in
    /// (`NearScreen::fill_all`) is filled first, so that Tab finds every row.
    pub fn focus_moved(&self, event: &web_sys::Event) {
        if self.near.fill_all() {
            let (rows, event) = (self.clone(), event.clone());
            request_animation_frame(move || rows.focus_moved(&event));
            return;
        }
        let Some((list, target)) = self.list_and_target(event) else {
            return;
        };
        if let Some(index) = Self::row_of(&list, &target) {
            if let Some(before) = index.checked_sub(1) {
                self.draw(before);
            }
            self.draw(index + 1);
            return;
        }
        let position = list.compare_document_position(&target);
        if position & Node::DOCUMENT_POSITION_PRECEDING != 0 {
            self.draw(0);
        } else if position & Node::DOCUMENT_POSITION_FOLLOWING != 0
            && let Some(last) = (list.child_element_count() as usize).checked_sub(1)
        {
            self.draw(last);
        }
    }
}
