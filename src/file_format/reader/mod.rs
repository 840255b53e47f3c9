//! Reading a plan from untrusted JSON, part by part: the one restore path for imported files
//! and for records read back from IndexedDB. Missing fields take their defaults, renamed ones
//! are found by their old names, and a bad part is repaired or skipped, never fatal.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::fields::{Reader, kind_of, preview, shorten};
use super::report::Outcome;
use crate::domain::appendix::ColumnLabels;
use crate::domain::budget::NumberError;
use crate::domain::numbering::{point_letter, roman};
use crate::domain::*;

mod appendix;
mod document;
mod ids;
mod tasks;
pub(crate) mod tracking;

use appendix::*;
use document::*;
pub(crate) use ids::UniqueIds;
use ids::*;
use tasks::*;

type Object = Map<String, Value>;

/// Reads one plan; `None` only when the value is not an object at all.
pub fn read_plan(r: &mut Reader, value: &Value) -> Option<Plan> {
    let o = r.object(value, "Kế hoạch")?;
    let date = read_partial_date(r, Reader::field(o, &["date", "ngay"]), "Ngày ban hành");
    // 0 stands for "no year yet": a plan repaired without one must read back as it was.
    let year = match r.integer(o, &["year", "nam"], "Năm kế hoạch", 0, 2200) {
        Some(year) if year == 0 || year >= 1900 => year as i32,
        found => {
            if let Some(year) = found {
                r.problem(
                    format!("năm kế hoạch «{year}» không hợp lệ, đã bỏ qua"),
                    Outcome::Skipped,
                );
            }
            match date.year {
                Some(year) => {
                    r.problem(
                        format!("thiếu năm kế hoạch, đã lấy năm ban hành {year}"),
                        Outcome::Repaired,
                    );
                    year
                }
                None => {
                    r.problem(
                        "thiếu năm kế hoạch; hãy nhập năm cho kế hoạch",
                        Outcome::Warning,
                    );
                    0
                }
            }
        }
    };
    let mut plan = Plan {
        id: r.text(o, &["id"], "Mã kế hoạch"),
        level: r.named(o, &["level", "cap"], "Cấp", Level::Commune),
        era: r.named(o, &["era"], "Hệ thống chính quyền", AdminEra::TwoLevel),
        locality: read_locality(r, Reader::field(o, &["locality"])),
        superior_body: r.text(o, &["superior_body"], "Cơ quan chủ quản"),
        issuing_body: r.text(o, &["issuing_body", "co_quan_ban_hanh"], "Cơ quan ban hành"),
        number: read_number(r, Reader::field(o, &["number", "so_ky_hieu"])),
        place: r.text(o, &["place", "dia_danh"], "Địa danh"),
        date,
        year,
        title: r.text(o, &["title", "trich_yeu"], "Trích yếu"),
        form: read_form(r, Reader::field(o, &["form"])),
        legal_bases: read_legal_bases(r, o),
        purposes: read_paragraphs(r, o, &["purposes", "muc_dich"], "Mục đích"),
        requirements: read_paragraphs(r, o, &["requirements", "yeu_cau"], "Yêu cầu"),
        targets: r.list(
            o,
            &["targets", "chi_tieu"],
            "Chỉ tiêu",
            |i| format!("Chỉ tiêu {}", i + 1),
            |r, v, _| read_target(r, v),
        ),
        areas: r.list(
            o,
            &["areas", "linh_vuc"],
            "Lĩnh vực",
            |i| format!("Lĩnh vực {}", i + 1),
            |r, v, _| read_area(r, v, year, true),
        ),
        funding: read_paragraphs(r, o, &["funding", "kinh_phi"], "Kinh phí"),
        implementation: r.within("Tổ chức thực hiện", |r| {
            read_implementation(r, Reader::field(o, &["implementation"]))
        }),
        recipients: read_recipients(r, o),
        signer: r.within("Người ký", |r| {
            read_signer(r, Reader::field(o, &["signer"]))
        }),
        appendices: r.list(
            o,
            &["appendices", "phu_luc"],
            "Phụ lục",
            |i| format!("Phụ lục {}", i + 1),
            |r, v, _| read_appendix(r, v, year),
        ),
        headings: read_headings(r, Reader::field(o, &["headings"])),
        task_labels: read_task_labels(r, Reader::field(o, &["task_labels"])),
        extra_sections: r.list(
            o,
            &["extra_sections"],
            "Phần khác",
            |i| format!("Phần khác {}", i + 1),
            |r, v, _| read_extra_section(r, v),
        ),
        template_marks: r.texts(o, &["template_marks"], "Dấu nội dung mẫu"),
    };
    make_ids_unique(r, &mut plan);
    Some(plan)
}

fn read_locality(r: &mut Reader, value: Option<&Value>) -> Locality {
    let Some(o) = value.and_then(|v| r.object(v, "Địa phương")) else {
        return Locality::default();
    };
    Locality {
        kind: r.named(o, &["kind"], "Loại đơn vị hành chính", LocalityKind::Xa),
        name: r.text(o, &["name"], "Tên địa phương"),
    }
}

fn read_number(r: &mut Reader, value: Option<&Value>) -> DocumentNumber {
    match value {
        // "06/KH-UBND" written as one text.
        Some(Value::String(text)) => {
            let text = r.text_value(&Value::String(text.clone()), "Số, ký hiệu");
            match text.split_once('/') {
                Some((number, symbol)) => DocumentNumber {
                    number: number.trim().to_string(),
                    symbol: symbol.trim().to_string(),
                },
                None => DocumentNumber {
                    number: String::new(),
                    symbol: text,
                },
            }
        }
        Some(value) => match r.object(value, "Số, ký hiệu") {
            Some(o) => DocumentNumber {
                number: r.text(o, &["number"], "Số văn bản"),
                symbol: r.text(o, &["symbol"], "Ký hiệu văn bản"),
            },
            None => DocumentNumber::default(),
        },
        None => DocumentNumber::default(),
    }
}

fn read_partial_date(r: &mut Reader, value: Option<&Value>, label: &str) -> PartialDate {
    let Some(value) = value else {
        return PartialDate::default();
    };
    if let Value::String(text) = value {
        return match text.parse::<NaiveDate>() {
            Ok(date) => PartialDate::ymd(
                chrono::Datelike::year(&date),
                chrono::Datelike::month(&date) as u8,
                chrono::Datelike::day(&date) as u8,
            ),
            Err(_) => {
                r.problem(
                    format!("{label} «{}» không đọc được, đã bỏ qua", preview(value)),
                    Outcome::Skipped,
                );
                PartialDate::default()
            }
        };
    }
    let Some(o) = r.object(value, label) else {
        return PartialDate::default();
    };
    let day = r
        .integer(o, &["day"], &format!("{label}: ngày"), 1, 31)
        .map(|d| d as u8);
    let month = r
        .integer(o, &["month"], &format!("{label}: tháng"), 1, 12)
        .map(|m| m as u8);
    let year = r
        .integer(o, &["year"], &format!("{label}: năm"), 1900, 2200)
        .map(|y| y as i32);
    if let (Some(d), Some(m), Some(y)) = (day, month, year)
        && NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d)).is_none()
    {
        r.problem(
            format!("{label} {d}/{m}/{y} không có trên lịch, đã bỏ ngày"),
            Outcome::Repaired,
        );
        return PartialDate {
            day: None,
            month: Some(m),
            year: Some(y),
        };
    }
    PartialDate { day, month, year }
}

fn read_iso_date(r: &mut Reader, o: &Object, keys: &[&str], label: &str) -> Option<NaiveDate> {
    match Reader::field(o, keys)? {
        Value::Null => None,
        Value::String(text) if text.parse::<NaiveDate>().is_ok() => text.parse().ok(),
        other => {
            r.problem(
                format!("{label} «{}» không phải là ngày, đã bỏ qua", preview(other)),
                Outcome::Skipped,
            );
            None
        }
    }
}

fn read_paragraph(r: &mut Reader, value: &Value, label: &str) -> Option<Paragraph> {
    if !value.is_object() {
        let text = r.text_value(value, label);
        return Some(Paragraph::new(text));
    }
    let o = r.object(value, label)?;
    Some(Paragraph {
        text: r.text(o, &["text"], label),
        sub_items: r.texts(o, &["sub_items"], "Ý nhỏ"),
    })
}

fn read_paragraphs(r: &mut Reader, o: &Object, keys: &[&str], label: &str) -> Vec<Paragraph> {
    r.list(
        o,
        keys,
        label,
        |i| format!("{label}, đoạn {}", i + 1),
        |r, value, _| read_paragraph(r, value, label),
    )
}

fn read_target(r: &mut Reader, value: &Value) -> Option<Target> {
    if let Value::String(_) = value {
        return Some(Target {
            text: r.text_value(value, "Chỉ tiêu"),
            ..Target::default()
        });
    }
    let o = r.object(value, "Chỉ tiêu")?;
    let figure = match Reader::field(o, &["figure"]) {
        None | Some(Value::Null) => None,
        Some(value) => r.object(value, "Số liệu chỉ tiêu").and_then(|f| {
            let amount = read_decimal(r, Reader::field(f, &["value"]), "Số liệu chỉ tiêu")?;
            Some(Figure {
                value: amount,
                unit: r.text(f, &["unit"], "Đơn vị"),
                at_least: r.flag(f, &["at_least"], "Mức tối thiểu", false),
            })
        }),
    };
    Some(Target {
        text: r.text(o, &["text"], "Chỉ tiêu"),
        figure,
        sub_items: r.texts(o, &["sub_items"], "Ý nhỏ"),
    })
}

/// A number from a file: the machine form ("3773", "1.5"), a JSON number, or, since people
/// edit files by hand, Vietnamese notation ("3.773", "1,5").
pub(super) fn decimal_of(value: &Value) -> Result<Decimal, NumberError> {
    match value {
        Value::String(text) => {
            Decimal::parse_machine(text.trim()).or_else(|_| Decimal::parse_vi(text))
        }
        Value::Number(number) => Decimal::parse_machine(&number.to_string()),
        _ => Err(NumberError::NotANumber),
    }
}

/// A decimal from the machine form ("3773", "1.5"), a JSON number, or Vietnamese notation.
fn read_decimal(r: &mut Reader, value: Option<&Value>, label: &str) -> Option<Decimal> {
    let value = value?;
    if value.is_null() {
        return None;
    }
    let parsed = decimal_of(value);
    match parsed {
        Ok(amount) => Some(amount),
        Err(error) => {
            r.problem(
                format!(
                    "{label} «{}» không phải là số ({error}), đã bỏ qua",
                    preview(value)
                ),
                Outcome::Skipped,
            );
            None
        }
    }
}

fn read_headings(r: &mut Reader, value: Option<&Value>) -> Headings {
    let Some(o) = value.and_then(|v| r.object(v, "Tiêu đề các phần")) else {
        return Headings::default();
    };
    Headings {
        purposes_and_requirements: r.text(o, &["purposes_and_requirements"], "Tiêu đề"),
        purposes: r.text(o, &["purposes"], "Tiêu đề"),
        requirements: r.text(o, &["requirements"], "Tiêu đề"),
        targets: r.text(o, &["targets"], "Tiêu đề"),
        tasks: r.text(o, &["tasks"], "Tiêu đề"),
        funding: r.text(o, &["funding"], "Tiêu đề"),
        implementation: r.text(o, &["implementation"], "Tiêu đề"),
    }
}

fn read_task_labels(r: &mut Reader, value: Option<&Value>) -> TaskLabels {
    let Some(o) = value.and_then(|v| r.object(v, "Nhãn trường nhiệm vụ")) else {
        return TaskLabels::default();
    };
    TaskLabels {
        lead: r.text(o, &["lead"], "Nhãn"),
        partner: r.text(o, &["partner"], "Nhãn"),
        output: r.text(o, &["output"], "Nhãn"),
        deadline: r.text(o, &["deadline"], "Nhãn"),
        budget: r.text(o, &["budget"], "Nhãn"),
    }
}

fn read_extra_section(r: &mut Reader, value: &Value) -> Option<ExtraSection> {
    let o = r.object(value, "Phần khác")?;
    Some(ExtraSection {
        heading: r.text(o, &["heading"], "Tiêu đề"),
        after: r.named(o, &["after"], "Vị trí", PartAnchor::Areas),
        paragraphs: read_paragraphs(r, o, &["paragraphs"], "Đoạn"),
    })
}
