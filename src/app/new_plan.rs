//! Tạo kế hoạch mới: the form that picks a template for the level and fills in the locality,
//! its superior and the year before the plan is made.

use leptos::prelude::*;

use super::inputs::SignalText;

use crate::domain::template::{TemplateInput, TemplateKind};
use crate::domain::{Locality, LocalityKind, text};

/// The new-plan form; `on_create` receives what was chosen, `on_cancel` closes the form.
#[component]
pub fn NewPlanForm(
    on_create: impl Fn(TemplateInput) + 'static,
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    let this_year = js_sys::Date::new_0().get_full_year() as i32;
    let kind = RwSignal::new(TemplateKind::default());
    let locality_kind = RwSignal::new(LocalityKind::Xa);
    let name = RwSignal::new(String::new());
    let superior = RwSignal::new(String::new());
    // Plans are drafted in December for the year after.
    let year = RwSignal::new(this_year + 1);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        on_create(TemplateInput {
            kind: kind.get_untracked(),
            year: year.get_untracked(),
            locality: Locality {
                kind: locality_kind.get_untracked(),
                name: text::clean(name.get_untracked().trim()),
            },
            superior: text::clean(superior.get_untracked().trim()),
        });
    };
    let choose_kind = move |key: String| {
        if let Some(chosen) = TemplateKind::from_key(&key) {
            kind.set(chosen);
            locality_kind.set(chosen.locality_kinds()[0]);
        }
    };
    view! {
        <form class="panel new-plan" data-testid="new-plan-form" on:submit=submit>
            <h3 id="new-plan-title">"Tạo kế hoạch mới từ mẫu"</h3>
            <p class="muted">
                "Mẫu điền sẵn các lĩnh vực cải cách, căn cứ thường dùng, mục đích, yêu cầu, "
                "kinh phí, tổ chức thực hiện, kỳ báo cáo và nơi nhận; mọi nội dung đều sửa được."
            </p>
            <fieldset class="choice-list">
                <legend>"Cấp và thời kỳ"</legend>
                {TemplateKind::ALL.into_iter().map(|option| view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name="template-kind"
                            value=option.key()
                            data-testid=format!("template-{}", option.key())
                            prop:checked=move || kind.get() == option
                            on:change=move |event| choose_kind(event_target_value(&event))
                        />
                        <span>{option.label()}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="form-grid">
                <div class="field">
                    <label for="new-plan-locality-kind">"Loại đơn vị hành chính"</label>
                    <select
                        id="new-plan-locality-kind"
                        data-testid="new-plan-locality-kind"
                        on:change=move |event| {
                            let chosen = event_target_value(&event);
                            if let Some(found) = kind.get_untracked().locality_kinds().iter().find(|k| k.word() == chosen) {
                                locality_kind.set(*found);
                            }
                        }
                    >
                        {move || kind.get().locality_kinds().iter().map(|option| {
                            let option = *option;
                            view! {
                                <option value=option.word() selected=move || locality_kind.get() == option>
                                    {crate::domain::text::capitalised(option.word())}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <SignalText id="new-plan-name" label="Tên địa phương"
                    placeholder="Ví dụ: Tịnh Minh" value=name />
                <SignalText id="new-plan-superior" value=superior
                    label=Signal::derive(move || kind.get().superior_label())
                    placeholder=Signal::derive(move || match kind.get() {
                        TemplateKind::CommuneThreeLevel => "Ví dụ: huyện Sơn Tịnh",
                        _ => "Ví dụ: tỉnh Quảng Ngãi",
                    }) />
                <div class="field">
                    <label for="new-plan-year">"Năm kế hoạch"</label>
                    <input
                        id="new-plan-year"
                        type="number"
                        inputmode="numeric"
                        min="2000"
                        max="2100"
                        data-testid="new-plan-year"
                        prop:value=move || year.get().to_string()
                        on:input=move |event| {
                            if let Ok(value) = event_target_value(&event).trim().parse::<i32>()
                                && (2000..=2100).contains(&value)
                            {
                                year.set(value);
                            }
                        }
                    />
                </div>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" data-testid="create-plan">
                    "Tạo kế hoạch"
                </button>
                <button type="button" class="button" data-testid="cancel-new-plan" on:click=move |_| on_cancel()>
                    "Hủy"
                </button>
            </div>
        </form>
    }
}
