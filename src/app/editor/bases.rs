//! Căn cứ: the legal bases, each its sentence as written and, optionally, the document it cites
//! (number, date, issuer, title). Used for the plan's own bases and for a decision's.

use leptos::prelude::*;

use super::fields::{Lens, TextField, field};
use super::lists::{Noun, item_list};
use super::template_note::template_note;
use crate::domain::{DocumentRef, LegalBasis};

/// The list of legal bases `lens` points at.
#[component]
pub fn BasesList(
    lens: Lens<Vec<LegalBasis>>,
    #[prop(into)] id: String,
    /// The plan's own bases, which a template fills in: marked while still the template's.
    #[prop(optional)]
    template: bool,
) -> impl IntoView {
    let list_id = id.clone();
    let noun = Noun::numbered("căn cứ");
    view! {
        <fieldset class="list-field">
            <legend>"Căn cứ"</legend>
            <p class="field-reading part-note">
                "Dòng «Căn cứ …» in nghiêng. Kế hoạch mở đầu bằng một câu khác (ví dụ «Thực hiện \
                 Kế hoạch số …») thì ghi câu đó ở đây: câu ấy in chữ đứng như đoạn văn."
            </p>
            {item_list(lens, id, noun, false, "Thêm căn cứ", LegalBasis::default, move |index, basis| {
                let key = format!("{list_id}-{index}");
                let document = basis.map(
                    |basis| basis.document.as_ref(),
                    |basis| Some(basis.document.get_or_insert_with(DocumentRef::default)),
                );
                view! {
                    {template.then(|| template_note(basis.clone(), key.clone()))}
                    <TextField lens=field!(basis, text) id=key.clone()
                        label=format!("Căn cứ {}", index + 1) multiline=true />
                    <details class="sub-items">
                        <summary>"Văn bản được dẫn (số, ngày, cơ quan, trích yếu)"</summary>
                        <div class="form-grid">
                            <TextField lens=field!(document, number) id=format!("{key}-doc-number")
                                label="Số, ký hiệu" />
                            <TextField lens=field!(document, issuer) id=format!("{key}-doc-issuer")
                                label="Cơ quan ban hành" />
                            <TextField lens=field!(document, title) id=format!("{key}-doc-title")
                                label="Trích yếu" wide=true />
                        </div>
                    </details>
                }
            })}
        </fieldset>
    }
}
