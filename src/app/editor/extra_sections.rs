//! Mục bổ sung: sections of a plan outside the standard parts ("Mục tiêu chung", "Giải pháp"
//! …), each with its heading as written, the part it prints after, and its paragraphs.

use leptos::prelude::*;

use super::Form;
use super::fields::{ChoiceField, Lens, TextField, field};
use super::lists::{Noun, ParagraphList, item_list};
use crate::domain::{ExtraSection, PartAnchor};

/// The parts an extra section can print after, in print order: (key, anchor, name in the UI).
pub const ANCHORS: [(&str, PartAnchor, &str); 6] = [
    ("legal-bases", PartAnchor::LegalBases, "Căn cứ"),
    (
        "requirements",
        PartAnchor::Requirements,
        "Mục đích, yêu cầu",
    ),
    ("targets", PartAnchor::Targets, "Chỉ tiêu cụ thể"),
    ("areas", PartAnchor::Areas, "Nhiệm vụ theo lĩnh vực"),
    ("funding", PartAnchor::Funding, "Kinh phí"),
    (
        "implementation",
        PartAnchor::Implementation,
        "Tổ chức thực hiện",
    ),
];

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
                    let key = format!("extras-{index}");
                    view! {
                        <div class="form-grid">
                            <TextField lens=field!(extra, heading) id=key.clone()
                                label=format!("Tiêu đề mục bổ sung {}", index + 1) wide=true />
                            <AnchorChoice lens=field!(extra, after) id=format!("{key}-after") />
                        </div>
                        <ParagraphList lens=field!(extra, paragraphs) id=format!("{key}-paragraphs")
                            label="Nội dung" noun="đoạn" add_label="Thêm đoạn" />
                    }
                })}
        </fieldset>
    }
}

/// "In sau phần": where the section prints.
#[component]
fn AnchorChoice(lens: Lens<PartAnchor>, id: String) -> impl IntoView {
    let form = expect_context::<Form>();
    let value = {
        let lens = lens.clone();
        Signal::derive(move || {
            let current = form.read(|plan| lens.read(plan, |a| *a).unwrap_or_default());
            ANCHORS
                .iter()
                .find(|(_, anchor, _)| *anchor == current)
                .map_or("areas", |(key, _, _)| *key)
                .to_string()
        })
    };
    let on_change = move |key: String| {
        let chosen = ANCHORS
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, a, _)| *a);
        if let Some(chosen) = chosen {
            let lens = lens.clone();
            form.history
                .change(move |plan| lens.write(plan, |after| *after = chosen));
        }
    };
    let options = ANCHORS
        .iter()
        .map(|(key, _, name)| (*key, name.to_string()))
        .collect();
    view! {
        <ChoiceField id=id label="In sau phần" options=options value=value on_change=on_change />
    }
}
