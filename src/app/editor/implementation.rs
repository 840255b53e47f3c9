//! Tổ chức thực hiện: opening paragraphs, each unit's responsibilities, the reporting periods
//! with their data cut-off and due dates, notes on reporting, and the closing paragraph.

use leptos::prelude::*;

use super::fields::{Lens, TextField, field};
use super::lists::{Noun, ParagraphList, item_list};
use super::template_note::template_note;
use super::unit_field::UnitField;
use crate::domain::{Implementation, Plan, ReportingPeriod, Responsibility};

/// Part "Tổ chức thực hiện" of the form.
#[component]
pub fn ImplementationPart() -> impl IntoView {
    let plan: Lens<Implementation> = Lens::new(
        |plan: &Plan| Some(&plan.implementation),
        |plan| Some(&mut plan.implementation),
    );
    view! {
        <ParagraphList lens=field!(plan, intro) id="implementation-intro" label="Mở đầu"
            noun="đoạn" add_label="Thêm đoạn mở đầu" template=true />
        <fieldset class="list-field">
            <legend>"Trách nhiệm của các đơn vị"</legend>
            <p class="field-reading part-note">
                "Mỗi mục in thành «1. Đơn vị:» (chữ đậm) rồi các nhiệm vụ của đơn vị. Kế hoạch viết \
                 phần này thành các câu đánh số thì để trống ô đơn vị và ghi cả câu vào nhiệm vụ: \
                 câu in đúng như đã viết."
            </p>
            {item_list(field!(plan, responsibilities), "responsibilities".into(),
                Noun::numbered("đơn vị"), false, "Thêm đơn vị", Responsibility::default,
                |index, unit| {
                    let key = format!("responsibilities-{index}");
                    view! {
                        {template_note(unit.clone(), key.clone())}
                        <UnitField lens=field!(unit, unit) id=key.clone()
                            label=format!("Đơn vị {}", index + 1) />
                        <ParagraphList lens=field!(unit, duties) id=format!("{key}-duties")
                            label="Nhiệm vụ của đơn vị" noun="đoạn" add_label="Thêm nhiệm vụ của đơn vị" />
                    }
                })}
        </fieldset>
        <fieldset class="list-field">
            <legend>"Chế độ báo cáo"</legend>
            {item_list(field!(plan, reporting), "reporting".into(), Noun::numbered("kỳ báo cáo"), false,
                "Thêm kỳ báo cáo", ReportingPeriod::default, |index, period| {
                    let key = format!("reporting-{index}");
                    view! {
                        {template_note(period.clone(), key.clone())}
                        <div class="form-grid">
                            <TextField lens=field!(period, name) id=key.clone()
                                label=format!("Kỳ báo cáo {}", index + 1) />
                            <TextField lens=field!(period, data_period) id=format!("{key}-data")
                                label="Thời gian chốt số liệu" />
                            <TextField lens=field!(period, due) id=format!("{key}-due")
                                label="Thời hạn gửi" />
                        </div>
                    }
                })}
        </fieldset>
        <ParagraphList lens=field!(plan, reporting_notes) id="reporting-notes"
            label="Ghi chú về báo cáo" noun="đoạn" add_label="Thêm ghi chú" template=true />
        <ParagraphList lens=field!(plan, closing) id="implementation-closing" label="Đoạn kết"
            noun="đoạn" add_label="Thêm đoạn kết" template=true />
    }
}
