//! Người ký: signing authority (TM., KT., Q. …), on whose behalf, title and name.

use leptos::prelude::*;

use super::Form;
use super::fields::{ChoiceField, Lens, TextField, field};
use crate::domain::{Signer, SigningAuthority};

const AUTHORITIES: [(&str, SigningAuthority, &str); 6] = [
    ("direct", SigningAuthority::Direct, "Ký trực tiếp"),
    ("tm", SigningAuthority::OnBehalf, "TM. (thay mặt)"),
    ("kt", SigningAuthority::Deputy, "KT. (ký thay)"),
    ("q", SigningAuthority::Acting, "Q. (quyền)"),
    ("tl", SigningAuthority::ByOrder, "TL. (thừa lệnh)"),
    (
        "tuq",
        SigningAuthority::ByAuthorisation,
        "TUQ. (thừa ủy quyền)",
    ),
];

/// The signer `lens` points at; `id` is "signer" or "decision-signer".
#[component]
pub fn SignerFields(lens: Lens<Signer>, id: &'static str) -> impl IntoView {
    let form = expect_context::<Form>();
    let authority = field!(lens, authority);
    let value = {
        let authority = authority.clone();
        Signal::derive(move || {
            let current = form.read(|plan| authority.read(plan, |a| *a).unwrap_or_default());
            AUTHORITIES
                .iter()
                .find(|(_, value, _)| *value == current)
                .map_or("direct", |(key, _, _)| *key)
                .to_string()
        })
    };
    let on_change = move |key: String| {
        let chosen = AUTHORITIES
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, v, _)| *v);
        if let Some(chosen) = chosen {
            let authority = authority.clone();
            form.history
                .change(move |plan| authority.write(plan, |a| *a = chosen));
        }
    };
    let options = AUTHORITIES
        .iter()
        .map(|(key, _, text)| (*key, text.to_string()))
        .collect();
    view! {
        <div class="form-grid">
            <ChoiceField id=format!("{id}-authority") label="Quyền hạn ký" options=options
                value=value on_change=on_change />
            <TextField lens=field!(lens, on_behalf_of) id=format!("{id}-on-behalf-of")
                label="Thay mặt cho (sau TM., KT.)" />
            <TextField lens=field!(lens, title) id=format!("{id}-title") label="Chức vụ" />
            <TextField lens=field!(lens, name) id=format!("{id}-name") label="Họ và tên" />
        </div>
    }
}
