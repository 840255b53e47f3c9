//! Người ký: signing authority (TM., KT., Q. …), on whose behalf, title and name.

use leptos::prelude::*;

use super::fields::{Lens, TextField, field, named_choice};
use crate::domain::field_key::{FieldKey, SignerField};
use crate::domain::{Signer, SigningAuthority};

/// Quyền hạn ký as the choice names it.
fn authority_text(authority: SigningAuthority) -> &'static str {
    match authority {
        SigningAuthority::Direct => "Ký trực tiếp",
        SigningAuthority::OnBehalf => "TM. (thay mặt)",
        SigningAuthority::Deputy => "KT. (ký thay)",
        SigningAuthority::Acting => "Q. (quyền)",
        SigningAuthority::ByOrder => "TL. (thừa lệnh)",
        SigningAuthority::ByAuthorisation => "TUQ. (thừa ủy quyền)",
    }
}

/// The signer `lens` points at: of the plan, or (`decision`) of the decision that issues it.
#[component]
pub fn SignerFields(lens: Lens<Signer>, decision: bool) -> impl IntoView {
    let id = move |field| FieldKey::Signer { decision, field }.dom_id();
    view! {
        <div class="form-grid">
            {named_choice(field!(lens, authority), id(SignerField::Authority), "Quyền hạn ký",
                authority_text)}
            <TextField lens=field!(lens, on_behalf_of) id=id(SignerField::OnBehalfOf)
                label="Thay mặt cho (sau TM., KT.)" />
            <TextField lens=field!(lens, title) id=id(SignerField::Title) label="Chức vụ" />
            <TextField lens=field!(lens, name) id=id(SignerField::Name) label="Họ và tên" />
        </div>
    }
}
