//! I. Mục đích, yêu cầu: two ordered lists of paragraphs.

use leptos::prelude::*;

use super::fields::{Lens, field};
use super::lists::ParagraphList;

/// Part "Mục đích, yêu cầu" of the form.
#[component]
pub fn PurposesPart() -> impl IntoView {
    let plan = Lens::root();
    view! {
        <ParagraphList lens=field!(plan, purposes) id="purposes" label="Mục đích"
            noun="mục đích" add_label="Thêm mục đích" template=true />
        <ParagraphList lens=field!(plan, requirements) id="requirements" label="Yêu cầu"
            noun="yêu cầu" add_label="Thêm yêu cầu" template=true />
    }
}
