//! Nơi nhận: the recipients, each a name with an optional note ("(để b/c)") and brace group
//! ("} Báo cáo"). Used for the plan's own list and for a decision's.

use leptos::prelude::*;

use super::fields::{Lens, TextField, field};
use super::lists::{Noun, item_list};
use super::template_note::template_note;
use crate::domain::Recipient;

/// The list of recipients `lens` points at.
#[component]
pub fn RecipientsList(
    lens: Lens<Vec<Recipient>>,
    #[prop(into)] id: String,
    /// The plan's own list, which a template fills in: marked while still the template's.
    #[prop(optional)]
    template: bool,
) -> impl IntoView {
    let list_id = id.clone();
    view! {
        <fieldset class="list-field">
            <legend>"Nơi nhận"</legend>
            {item_list(lens, id, Noun::numbered("nơi nhận"), false, "Thêm nơi nhận", Recipient::default,
                move |index, recipient| {
                    let key = format!("{list_id}-{index}");
                    view! {
                        {template.then(|| template_note(recipient.clone(), key.clone()))}
                        <div class="form-grid">
                            <TextField lens=field!(recipient, name) id=key.clone()
                                label=format!("Nơi nhận {}", index + 1) />
                            <TextField lens=field!(recipient, note) id=format!("{key}-note")
                                label="Ghi chú, ví dụ (để b/c)" />
                            <TextField lens=field!(recipient, group) id=format!("{key}-group")
                                label="Nhóm ngoặc, ví dụ Báo cáo" />
                        </div>
                    }
                })}
        </fieldset>
    }
}
