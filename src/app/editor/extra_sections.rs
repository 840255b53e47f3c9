//! Mục bổ sung: sections of a plan outside the standard parts ("Mục tiêu chung", "Giải pháp"
//! …), each with its heading as written, the part it prints after, and its paragraphs.

use leptos::prelude::*;

use super::fields::{Lens, TextField, field, named_choice};
use super::lists::{Noun, ParagraphList, item_list};
use crate::domain::{ExtraSection, FieldKey, PartAnchor};

/// The part an extra section prints after, as the choice names it.
fn anchor_text(anchor: PartAnchor) -> &'static str {
    match anchor {
        PartAnchor::LegalBases => "Căn cứ",
        PartAnchor::Requirements => "Mục đích, yêu cầu",
        PartAnchor::Targets => "Chỉ tiêu cụ thể",
        PartAnchor::Areas => "Nhiệm vụ theo lĩnh vực",
        PartAnchor::Funding => "Kinh phí",
        PartAnchor::Implementation => "Tổ chức thực hiện",
    }
}

/// Part "Mục bổ sung" of the form.
#[component]
pub fn ExtraSectionsPart() -> impl IntoView {
    let plan = Lens::root();
    view! {
        <p class="field-reading part-note">
            "Những mục riêng của kế hoạch ngoài các phần chuẩn, in sau phần đã chọn. Tiêu đề in đúng \
             như ghi, kể cả số thứ tự (ví dụ «IV. GIẢI PHÁP»); để trống thì chỉ in các đoạn."
        </p>
        <fieldset class="list-field">
            <legend>"Các mục bổ sung"</legend>
            {item_list(field!(plan, extra_sections), "extras".into(), Noun::numbered("mục bổ sung"),
                false, "Thêm mục bổ sung", ExtraSection::default, |index, extra| {
                    let key = FieldKey::ExtraSectionHeading(index).dom_id();
                    view! {
                        <div class="form-grid">
                            <TextField lens=field!(extra, heading) id=key.clone()
                                label=format!("Tiêu đề mục bổ sung {}", index + 1) wide=true />
                            {named_choice(field!(extra, after), format!("{key}-after"), "In sau phần", anchor_text)}
                        </div>
                        <ParagraphList lens=field!(extra, paragraphs) id=format!("{key}-paragraphs")
                            label="Nội dung" noun="đoạn" add_label="Thêm đoạn" />
                    }
                })}
        </fieldset>
    }
}
