//! Người ký: signing authority (TM., KT., Q. …), on whose behalf, title and name.

use leptos::prelude::*;

use super::fields::{Lens, TextField, field, named_choice};
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

/// The signer `lens` points at; `id` is "signer" or "decision-signer".
#[component]
pub fn SignerFields(lens: Lens<Signer>, id: &'static str) -> impl IntoView {
    view! {
        <div class="form-grid">
            {named_choice(field!(lens, authority), format!("{id}-authority"), "Quyền hạn ký",
                authority_text)}
            <TextField lens=field!(lens, on_behalf_of) id=format!("{id}-on-behalf-of")
                label="Thay mặt cho (sau TM., KT.)" />
            <TextField lens=field!(lens, title) id=format!("{id}-title") label="Chức vụ" />
            <TextField lens=field!(lens, name) id=format!("{id}-name") label="Họ và tên" />
        </div>
    }
}
