//! Hình thức văn bản: a plan on its own, or a decision (quyết định) issuing it, with the
//! decision's authority, subject, legal bases, proposal, articles (Điều 1, 2, 3), recipients
//! and signer.

use leptos::prelude::*;

use super::Form;
use super::bases::BasesList;
use super::fields::{Lens, TextField, field};
use super::lists::StringList;
use super::recipients::RecipientsList;
use super::signer::SignerFields;
use crate::domain::{Decision, DocumentForm, Plan};

fn decision_lens() -> Lens<Decision> {
    Lens::new(
        |plan: &Plan| match &plan.form {
            DocumentForm::Decision(decision) => Some(&**decision),
            DocumentForm::Standalone => None,
        },
        |plan: &mut Plan| match &mut plan.form {
            DocumentForm::Decision(decision) => Some(&mut **decision),
            DocumentForm::Standalone => None,
        },
    )
}

/// A new decision for the plan, its wording taken from the plan's header.
fn new_decision(plan: &Plan) -> Decision {
    Decision {
        authority: format!("CHỦ TỊCH {}", plan.issuing_body),
        subject: format!("Ban hành Kế hoạch {}", plan.title.to_lowercase()),
        articles: vec![
            "Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm ….".into(),
            "Quyết định này có hiệu lực kể từ ngày ký.".into(),
            "Chánh Văn phòng … và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.".into(),
        ],
        ..Decision::default()
    }
}

/// Part "Hình thức văn bản" of the form.
#[component]
pub fn DocumentFormPart() -> impl IntoView {
    let form = expect_context::<Form>();
    let is_decision =
        Memo::new(move |_| form.read(|p| matches!(p.form, DocumentForm::Decision(_))));
    let choose = move |decision: bool| {
        if decision == is_decision.get_untracked() {
            return;
        }
        if decision {
            form.history
                .change(|plan| plan.form = DocumentForm::Decision(Box::new(new_decision(plan))));
        } else {
            form.history
                .remove("Đã bỏ phần quyết định ban hành".into(), |plan| {
                    plan.form = DocumentForm::Standalone;
                });
        }
    };
    let locked = move || form.editor.is_locked();
    view! {
        <fieldset class="choice-row">
            <legend>"Văn bản là"</legend>
            <label class="choice">
                <input type="radio" name="document-form" id="document-form-standalone"
                    prop:checked=move || !is_decision.get() disabled=locked
                    on:change=move |_| choose(false) />
                "Kế hoạch ban hành riêng (Số: …/KH-UBND)"
            </label>
            <label class="choice">
                <input type="radio" name="document-form" id="document-form-decision"
                    prop:checked=move || is_decision.get() disabled=locked
                    on:change=move |_| choose(true) />
                "Quyết định ban hành kèm theo Kế hoạch (Số: …/QĐ-UBND)"
            </label>
        </fieldset>
        <Show when=move || is_decision.get()>
            <DecisionFields />
        </Show>
    }
}

#[component]
fn DecisionFields() -> impl IntoView {
    let decision = decision_lens();
    view! {
        <div class="form-grid">
            <TextField lens=field!(decision, authority) id="decision-authority"
                label="Thẩm quyền ban hành" wide=true />
            <TextField lens=field!(decision, subject) id="decision-subject"
                label="Trích yếu quyết định" wide=true />
        </div>
        <BasesList lens=field!(decision, legal_bases) id="decision-bases" />
        <div class="form-grid">
            <TextField lens=field!(decision, proposal) id="decision-proposal"
                label="Theo đề nghị của" wide=true multiline=true />
        </div>
        <StringList lens=field!(decision, articles) id="decision-articles" label="Điều"
            noun="điều" add_label="Thêm điều" multiline=true />
        <RecipientsList lens=field!(decision, recipients) id="decision-recipients" />
        <h4>"Người ký quyết định"</h4>
        <SignerFields lens=field!(decision, signer) decision=true />
        <div class="form-grid">
            <TextField lens=field!(decision, attachment_line) id="decision-attachment-line"
                label="Dòng “Ban hành kèm theo Quyết định số …” (để trống để tự tạo)" wide=true />
        </div>
    }
}
