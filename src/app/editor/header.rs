//! Thông tin chung: the document's header — level, locality, issuing body, number and symbol,
//! place and date, plan year and title (trích yếu).

use leptos::prelude::*;

use super::Form;
use super::fields::{ChoiceField, Lens, NumberField, TextField, field};
use crate::domain::{AdminEra, Level, LocalityKind, Plan};

const LEVELS: [(&str, Level, &str); 3] = [
    ("commune", Level::Commune, "Cấp xã (xã, phường, đặc khu)"),
    ("district", Level::District, "Cấp huyện (trước 01/7/2025)"),
    ("province", Level::Province, "Cấp tỉnh"),
];

const ERAS: [(&str, AdminEra, &str); 2] = [
    (
        "two",
        AdminEra::TwoLevel,
        // Short enough to be read whole in a third of the form on a tablet.
        "Hai cấp (từ 01/7/2025)",
    ),
    ("three", AdminEra::ThreeLevel, "Ba cấp (trước 01/7/2025)"),
];

const KINDS: [(&str, LocalityKind, &str); 9] = [
    ("xa", LocalityKind::Xa, "xã"),
    ("phuong", LocalityKind::Phuong, "phường"),
    ("thi-tran", LocalityKind::ThiTran, "thị trấn"),
    ("dac-khu", LocalityKind::DacKhu, "đặc khu"),
    ("huyen", LocalityKind::Huyen, "huyện"),
    ("thi-xa", LocalityKind::ThiXa, "thị xã"),
    ("thanh-pho", LocalityKind::ThanhPho, "thành phố"),
    ("quan", LocalityKind::Quan, "quận"),
    ("tinh", LocalityKind::Tinh, "tỉnh"),
];

/// A choice bound to an enum of the plan through a table of (key, value, text).
fn enum_choice<E: Copy + PartialEq + Send + Sync + 'static>(
    form: Form,
    id: &'static str,
    label: &'static str,
    table: &'static [(&'static str, E, &'static str)],
    get: fn(&Plan) -> E,
    set: fn(&mut Plan, E),
) -> impl IntoView {
    let value = Signal::derive(move || {
        let current = form.read(get);
        table
            .iter()
            .find(|(_, value, _)| *value == current)
            .map_or("", |(key, _, _)| *key)
            .to_string()
    });
    let on_change = move |key: String| {
        if let Some((_, value, _)) = table.iter().find(|(k, _, _)| *k == key) {
            let value = *value;
            form.history.change(|plan| set(plan, value));
        }
    };
    let options = table
        .iter()
        .map(|(key, _, text)| (*key, text.to_string()))
        .collect();
    view! { <ChoiceField id=id label=label options=options value=value on_change=on_change /> }
}

/// Part "Thông tin chung" of the form.
#[component]
pub fn HeaderPart() -> impl IntoView {
    let form = expect_context::<Form>();
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
            {enum_choice(form, "plan-level", "Cấp", &LEVELS, |p| p.level, |p, v| p.level = v)}
            {enum_choice(form, "plan-era", "Hệ thống chính quyền", &ERAS, |p| p.era, |p, v| p.era = v)}
            {enum_choice(form, "plan-locality-kind", "Loại đơn vị", &KINDS,
                |p| p.locality.kind, |p, v| p.locality.kind = v)}
            <TextField lens=field!(plan, locality.name) id="plan-locality-name" label="Tên địa phương" />
            <TextField lens=field!(plan, superior_body) id="plan-superior-body"
                label="Cơ quan chủ quản (nếu có)" wide=true />
            <TextField lens=field!(plan, issuing_body) id="plan-issuing-body"
                label="Cơ quan ban hành" wide=true />
            <TextField lens=field!(plan, number.number) id="plan-number" label="Số" />
            <TextField lens=field!(plan, number.symbol) id="plan-symbol" label="Ký hiệu" />
            <TextField lens=field!(plan, place) id="plan-place" label="Địa danh" />
            <fieldset class="date-field">
                <legend>"Ngày ban hành (để trống phần chưa có)"</legend>
                <NumberField id="plan-date-day" label="Ngày" value=day on_input=set_day min=1 max=31 />
                <NumberField id="plan-date-month" label="Tháng" value=month on_input=set_month min=1 max=12 />
                <NumberField id="plan-date-year" label="Năm" value=year on_input=set_year min=2000 max=2100 />
            </fieldset>
            <NumberField id="plan-year" label="Năm kế hoạch" value=plan_year on_input=set_plan_year
                min=2000 max=2100 />
            <TextField lens=field!(plan, title) id="plan-title" label="Trích yếu" wide=true />
        </div>
    }
}
