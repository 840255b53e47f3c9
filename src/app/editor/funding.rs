//! Kinh phí thực hiện: paragraphs on where the money comes from.

use leptos::prelude::*;

use super::fields::{Lens, field};
use super::lists::ParagraphList;

/// Part "Kinh phí" of the form.
#[component]
pub fn FundingPart() -> impl IntoView {
    let plan = Lens::root();
    view! {
        <ParagraphList lens=field!(plan, funding) id="funding" label="Nguồn kinh phí"
            noun="đoạn" add_label="Thêm đoạn" template=true />
    }
}
