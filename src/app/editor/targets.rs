//! Chỉ tiêu cụ thể: numbered targets, each with its figure where it sets one ("35% số hồ sơ",
//! "từ 98% trở lên") and sub-items.

use leptos::prelude::*;

use super::Form;
use super::fields::{DraftInput, FieldIssue, Lens, TextField, field};
use super::lists::{Noun, StringList, item_list};
use crate::domain::{Decimal, Figure, Target};

/// Part "Chỉ tiêu" of the form.
#[component]
pub fn TargetsPart() -> impl IntoView {
    let plan = Lens::root();
    view! {
        <fieldset class="list-field">
            <legend>"Chỉ tiêu cụ thể"</legend>
            {item_list(field!(plan, targets), "targets".into(), Noun::numbered("chỉ tiêu"), false,
                "Thêm chỉ tiêu", Target::default, |index, target| {
                    let key = format!("targets-{index}");
                    view! {
                        <TextField lens=field!(target, text) id=key.clone()
                            label=format!("Chỉ tiêu {}", index + 1) multiline=true />
                        <FigureFields target=target.clone() id=format!("{key}-figure") />
                        <details class="sub-items">
                            <summary>"Ý nhỏ (+ …)"</summary>
                            <StringList lens=field!(target, sub_items) id=format!("{key}-sub")
                                label="Ý nhỏ" noun="ý" add_label="Thêm ý nhỏ" />
                        </details>
                    }
                })}
        </fieldset>
    }
}

/// Số liệu of a target: value in Vietnamese notation, unit, and whether it is a floor.
#[component]
fn FigureFields(target: Lens<Target>, id: String) -> impl IntoView {
    let form = expect_context::<Form>();
    let figure = field!(target, figure);
    let read = {
        let figure = figure.clone();
        move |get: fn(&Figure) -> String| {
            let figure = figure.clone();
            Signal::derive(move || {
                form.read(|plan| {
                    figure
                        .read(plan, |f| f.as_ref().map(get))
                        .flatten()
                        .unwrap_or_default()
                })
            })
        }
    };
    let value = read(|f| f.value.format_vi());
    let unit = read(|f| f.unit.clone());
    let at_least = read(|f| {
        if f.at_least {
            "1".into()
        } else {
            String::new()
        }
    });
    let problem = RwSignal::new(None::<String>);
    let set_value = {
        let (figure, id) = (figure.clone(), id.clone());
        move |typed: String| {
            let trimmed = typed.trim().to_string();
            let parsed = if trimmed.is_empty() {
                Ok(None)
            } else {
                Decimal::parse_vi(&trimmed).map(Some)
            };
            match parsed {
                Ok(number) => {
                    problem.set(None);
                    let figure = figure.clone();
                    form.type_into(&id, move |plan| {
                        figure.write(plan, |f| match number {
                            None => *f = None,
                            Some(value) => f.get_or_insert_with(Figure::default).value = value,
                        })
                    });
                }
                Err(_) => problem.set(Some(format!(
                    "«{trimmed}» không phải là số; viết kiểu 98 hoặc 3.773 hoặc 1,5."
                ))),
            }
        }
    };
    let set_unit = {
        let (figure, id) = (figure.clone(), id.clone());
        move |typed: String| {
            let figure = figure.clone();
            form.type_into(&format!("{id}-unit"), move |plan| {
                figure.write(plan, |f| {
                    f.get_or_insert_with(Figure::default).unit = typed;
                })
            });
        }
    };
    let toggle = move |event: web_sys::Event| {
        let checked = event_target_checked(&event);
        let figure = figure.clone();
        form.history.change(move |plan| {
            figure.write(plan, |f| {
                f.get_or_insert_with(Figure::default).at_least = checked;
            })
        });
    };
    view! {
        <div class="form-grid figure-fields">
            <div class="field">
                <label for=id.clone()>"Số liệu (nếu có)"</label>
                <DraftInput id=id.clone() value=value on_input=set_value numeric=true />
                <p class="field-issue" role="status" hidden=move || problem.with(Option::is_none)>
                    {move || problem.get().unwrap_or_default()}
                </p>
                <FieldIssue id=id.clone() />
            </div>
            <div class="field">
                <label for=format!("{id}-unit")>"Đơn vị tính (%, triệu đồng …)"</label>
                <DraftInput id=format!("{id}-unit") value=unit on_input=set_unit />
            </div>
            <label class="choice">
                <input type="checkbox" prop:checked=move || !at_least.get().is_empty()
                    disabled=move || form.editor.is_locked() on:change=toggle />
                "Là mức tối thiểu (từ … trở lên)"
            </label>
        </div>
    }
}
