//! Thông tin chung: the document's header — level, locality, issuing body, number and symbol,
//! place and date, plan year and title (trích yếu).

use leptos::prelude::*;

use super::Form;
use super::fields::{Lens, NumberField, TextField, field, named_choice};
use crate::domain::field_key::{FieldKey, HeaderField};
use crate::domain::{AdminEra, Level, LocalityKind, Plan};

/// Cấp as the choice names it.
fn level_text(level: Level) -> &'static str {
    match level {
        Level::Commune => "Cấp xã (xã, phường, đặc khu)",
        Level::District => "Cấp huyện (trước 01/7/2025)",
        Level::Province => "Cấp tỉnh",
    }
}

/// Hệ thống chính quyền as the choice names it.
fn era_text(era: AdminEra) -> &'static str {
    match era {
        // Short enough to be read whole in a third of the form on a tablet.
        AdminEra::TwoLevel => "Hai cấp (từ 01/7/2025)",
        AdminEra::ThreeLevel => "Ba cấp (trước 01/7/2025)",
    }
}

/// Part "Thông tin chung" of the form.
#[component]
pub fn HeaderPart() -> impl IntoView {
    let form = expect_context::<Form>();
    let header = |field| FieldKey::Header(field).dom_id();
    let plan = Lens::root();
    let date_part = move |get: fn(&Plan) -> Option<i64>, set: fn(&mut Plan, Option<i64>)| {
        (
            Signal::derive(move || form.read(get)),
            Callback::new(move |value| form.type_into("plan-date", |plan| set(plan, value))),
        )
    };
    let (day, set_day) = date_part(
        |p| p.date.day.map(i64::from),
        |p, v| p.date.day = v.and_then(|v| u8::try_from(v).ok()),
    );
    let (month, set_month) = date_part(
        |p| p.date.month.map(i64::from),
        |p, v| p.date.month = v.and_then(|v| u8::try_from(v).ok()),
    );
    let (year, set_year) = date_part(
        |p| p.date.year.map(i64::from),
        |p, v| p.date.year = v.and_then(|v| i32::try_from(v).ok()),
    );
    let (plan_year, set_plan_year) = date_part(
        |p| Some(i64::from(p.year)),
        |p, v| {
            if let Some(year) = v.and_then(|v| i32::try_from(v).ok()) {
                p.year = year;
            }
        },
    );
    view! {
        <div class="form-grid">
            {named_choice(field!(plan, level), "plan-level".into(), "Cấp", level_text)}
            {named_choice(field!(plan, era), "plan-era".into(), "Hệ thống chính quyền", era_text)}
            {named_choice(field!(plan, locality.kind), "plan-locality-kind".into(), "Loại đơn vị",
                LocalityKind::word)}
            <TextField lens=field!(plan, locality.name) id="plan-locality-name" label="Tên địa phương" />
            <TextField lens=field!(plan, superior_body) id="plan-superior-body"
                label="Cơ quan chủ quản (nếu có)" wide=true />
            <TextField lens=field!(plan, issuing_body) id=header(HeaderField::IssuingBody)
                label="Cơ quan ban hành" wide=true />
            <TextField lens=field!(plan, number.number) id=header(HeaderField::Number) label="Số" />
            <TextField lens=field!(plan, number.symbol) id=header(HeaderField::Symbol) label="Ký hiệu" />
            <TextField lens=field!(plan, place) id="plan-place" label="Địa danh" />
            <fieldset class="date-field">
                <legend>"Ngày ban hành (để trống phần chưa có)"</legend>
                <NumberField id="plan-date-day" label="Ngày" value=day on_input=set_day min=1 max=31 />
                <NumberField id="plan-date-month" label="Tháng" value=month on_input=set_month min=1 max=12 />
                <NumberField id="plan-date-year" label="Năm" value=year on_input=set_year min=2000 max=2100 />
            </fieldset>
            <NumberField id=header(HeaderField::Year) label="Năm kế hoạch" value=plan_year on_input=set_plan_year
                min=2000 max=2100 />
            <TextField lens=field!(plan, title) id=header(HeaderField::Title) label="Trích yếu" wide=true />
        </div>
    }
}
