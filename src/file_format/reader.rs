//! Reading a plan from untrusted JSON, part by part: the one restore path for imported files
//! and for records read back from IndexedDB. Missing fields take their defaults, renamed ones
//! are found by their old names, and a bad part is repaired or skipped, never fatal.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::fields::{Reader, kind_of, preview};
use super::report::Outcome;
use crate::domain::appendix::ColumnLabels;
use crate::domain::budget::NumberError;
use crate::domain::numbering::{point_letter, roman};
use crate::domain::*;

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
        level: r.choice(
            o,
            &["level", "cap"],
            "Cấp",
            &[
                ("commune", Level::Commune),
                ("district", Level::District),
                ("province", Level::Province),
            ],
            Level::Commune,
        ),
        era: r.choice(
            o,
            &["era"],
            "Hệ thống chính quyền",
            &[
                ("two_level", AdminEra::TwoLevel),
                ("three_level", AdminEra::ThreeLevel),
            ],
            AdminEra::TwoLevel,
        ),
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
    };
    make_ids_unique(r, &mut plan);
    Some(plan)
}

fn read_locality(r: &mut Reader, value: Option<&Value>) -> Locality {
    let Some(o) = value.and_then(|v| r.object(v, "Địa phương")) else {
        return Locality::default();
    };
    Locality {
        kind: r.choice(
            o,
            &["kind"],
            "Loại đơn vị hành chính",
            &[
                ("xa", LocalityKind::Xa),
                ("phuong", LocalityKind::Phuong),
                ("thi_tran", LocalityKind::ThiTran),
                ("dac_khu", LocalityKind::DacKhu),
                ("huyen", LocalityKind::Huyen),
                ("thi_xa", LocalityKind::ThiXa),
                ("thanh_pho", LocalityKind::ThanhPho),
                ("quan", LocalityKind::Quan),
                ("tinh", LocalityKind::Tinh),
            ],
            LocalityKind::Xa,
        ),
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

fn read_form(r: &mut Reader, value: Option<&Value>) -> DocumentForm {
    let Some(o) = value.and_then(|v| r.object(v, "Hình thức văn bản")) else {
        return DocumentForm::Standalone;
    };
    let kind = r.choice(
        o,
        &["kind"],
        "Hình thức văn bản",
        &[("standalone", false), ("decision", true)],
        false,
    );
    if !kind {
        return DocumentForm::Standalone;
    }
    r.within("Quyết định", |r| {
        DocumentForm::Decision(Box::new(Decision {
            authority: r.text(o, &["authority"], "Thẩm quyền ban hành"),
            subject: r.text(o, &["subject"], "Trích yếu quyết định"),
            legal_bases: read_legal_bases(r, o),
            proposal: r.text(o, &["proposal"], "Theo đề nghị của"),
            articles: r.texts(o, &["articles"], "Điều"),
            recipients: read_recipients(r, o),
            signer: r.within("Người ký", |r| {
                read_signer(r, Reader::field(o, &["signer"]))
            }),
            attachment_line: r.text(o, &["attachment_line"], "Dòng ban hành kèm theo"),
        }))
    })
}

fn read_legal_bases(r: &mut Reader, o: &Object) -> Vec<LegalBasis> {
    r.list(
        o,
        &["legal_bases", "can_cu"],
        "Căn cứ",
        |i| format!("Căn cứ {}", i + 1),
        |r, value, _| {
            if let Value::String(_) = value {
                return Some(LegalBasis {
                    text: r.text_value(value, "Căn cứ"),
                    document: None,
                });
            }
            let o = r.object(value, "Căn cứ")?;
            let document = match Reader::field(o, &["document"]) {
                None | Some(Value::Null) => None,
                Some(value) => r.object(value, "Văn bản được dẫn").map(|d| DocumentRef {
                    number: r.text(d, &["number"], "Số hiệu"),
                    date: read_partial_date(r, Reader::field(d, &["date"]), "Ngày văn bản"),
                    issuer: r.text(d, &["issuer"], "Cơ quan ban hành"),
                    title: r.text(d, &["title"], "Trích yếu"),
                }),
            };
            Some(LegalBasis {
                text: r.text(o, &["text"], "Căn cứ"),
                document,
            })
        },
    )
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

/// A decimal from the machine form ("3773", "1.5"), a JSON number, or Vietnamese notation.
fn read_decimal(r: &mut Reader, value: Option<&Value>, label: &str) -> Option<Decimal> {
    let value = value?;
    let parsed = match value {
        Value::Null => return None,
        Value::String(text) => {
            Decimal::parse_machine(text.trim()).or_else(|_| Decimal::parse_vi(text))
        }
        Value::Number(number) => {
            Decimal::parse_machine(&number.to_string()).map_err(|_| NumberError::TooPrecise)
        }
        _ => Err(NumberError::NotANumber),
    };
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

fn read_area(
    r: &mut Reader,
    value: &Value,
    year: i32,
    allow_sub_areas: bool,
) -> Option<ReformArea> {
    let o = r.object(value, "Lĩnh vực")?;
    let sub_areas = match Reader::field(o, &["sub_areas"]) {
        Some(Value::Array(items)) if !items.is_empty() && !allow_sub_areas => {
            r.problem(
                "tiểu lĩnh vực không được có tiểu lĩnh vực con, đã bỏ qua phần lồng thêm",
                Outcome::Skipped,
            );
            Vec::new()
        }
        _ if allow_sub_areas => r.list(
            o,
            &["sub_areas"],
            "Tiểu lĩnh vực",
            |i| format!("mục {}", i + 1),
            |r, v, _| read_area(r, v, year, false),
        ),
        _ => Vec::new(),
    };
    Some(ReformArea {
        id: r.text(o, &["id"], "Mã lĩnh vực"),
        kind: r.choice(
            o,
            &["kind"],
            "Loại lĩnh vực",
            &[
                ("direction", AreaKind::Direction),
                ("institutions", AreaKind::Institutions),
                ("procedures", AreaKind::Procedures),
                ("organisation", AreaKind::Organisation),
                ("civil_service", AreaKind::CivilService),
                ("public_finance", AreaKind::PublicFinance),
                ("digital_government", AreaKind::DigitalGovernment),
                ("custom", AreaKind::Custom),
            ],
            AreaKind::Custom,
        ),
        title: r.text(o, &["title"], "Tên lĩnh vực"),
        intro: read_paragraphs(r, o, &["intro"], "Phần mở đầu"),
        tasks: read_tasks(r, o, year, |i| format!("nhiệm vụ {}", point_letter(i))),
        sub_areas,
    })
}

fn read_tasks(r: &mut Reader, o: &Object, year: i32, label: impl Fn(usize) -> String) -> Vec<Task> {
    r.list(
        o,
        &["tasks", "nhiem_vu", "rows"],
        "Nhiệm vụ",
        label,
        |r, v, _| read_task(r, v, year),
    )
}

/// Reads one task; a task that is not an object is skipped, a bad field is repaired.
pub fn read_task(r: &mut Reader, value: &Value, year: i32) -> Option<Task> {
    let o = r.object(value, "Nhiệm vụ")?;
    Some(Task {
        id: r.text(o, &["id"], "Mã nhiệm vụ"),
        content: r.text(o, &["content", "noi_dung", "task"], "Nội dung"),
        sub_items: r.texts(o, &["sub_items"], "Ý nhỏ"),
        lead_units: r.texts(
            o,
            &["lead_units", "lead", "co_quan_chu_tri"],
            "Cơ quan chủ trì",
        ),
        partner_units: r.texts(
            o,
            &["partner_units", "partners", "partner", "co_quan_phoi_hop"],
            "Cơ quan phối hợp",
        ),
        other_roles: r.list(
            o,
            &["other_roles"],
            "Vai trò khác",
            |i| format!("vai trò {}", i + 1),
            |r, v, _| {
                let role = r.object(v, "Vai trò")?;
                Some(Role {
                    label: r.text(role, &["label"], "Tên vai trò"),
                    units: r.texts(role, &["units"], "Đơn vị"),
                })
            },
        ),
        outputs: r.texts(o, &["outputs", "output", "san_pham"], "Sản phẩm"),
        deadline: read_deadline(r, Reader::field(o, &["deadline", "thoi_gian"]), year),
        budget: read_budget(r, Reader::field(o, &["budget", "kinh_phi"])),
        key_task: r.flag(o, &["key_task", "trong_tam"], "Nhiệm vụ trọng tâm", false),
        labels: read_task_labels(r, Reader::field(o, &["labels"])),
    })
}

fn read_deadline(r: &mut Reader, value: Option<&Value>, year: i32) -> Deadline {
    let Some(value) = value else {
        return Deadline::default();
    };
    match value {
        Value::Object(o) => {
            let text = r.text(o, &["text"], "Thời gian thực hiện");
            match Reader::field(o, &["reading"]) {
                None | Some(Value::Null) => Deadline::new(text, year),
                Some(_) => {
                    let reading = r.list(
                        o,
                        &["reading"],
                        "Cách hiểu thời hạn",
                        |i| format!("mốc {}", i + 1),
                        |r, v, _| read_milestone(r, v),
                    );
                    Deadline::with_reading(text, reading)
                }
            }
        }
        other => Deadline::new(r.text_value(other, "Thời gian thực hiện"), year),
    }
}

fn read_milestone(r: &mut Reader, value: &Value) -> Option<Milestone> {
    let o = r.object(value, "Mốc thời hạn")?;
    let kind = match Reader::field(o, &["kind"]) {
        Some(Value::String(kind)) => kind.as_str(),
        _ => "",
    };
    let year = |r: &mut Reader| r.integer(o, &["year"], "Năm", 1900, 2200).map(|y| y as i32);
    let milestone = match kind {
        "date" => read_iso_date(r, o, &["date"], "Ngày").map(|date| Milestone::Date { date }),
        "month" => year(r)
            .zip(r.integer(o, &["month"], "Tháng", 1, 12))
            .map(|(year, m)| Milestone::Month {
                year,
                month: m as u8,
            }),
        "quarter" => year(r)
            .zip(r.integer(o, &["quarter"], "Quý", 1, 4))
            .map(|(year, q)| Milestone::Quarter {
                year,
                quarter: q as u8,
            }),
        "half_year" => year(r)
            .zip(r.integer(o, &["half"], "Nửa năm", 1, 2))
            .map(|(year, h)| Milestone::HalfYear {
                year,
                half: h as u8,
            }),
        "year" => year(r).map(|year| Milestone::Year { year }),
        "recurring" => {
            let every = r.choice(
                o,
                &["every"],
                "Chu kỳ",
                &[
                    ("weekly", Some(Recurrence::Weekly)),
                    ("monthly", Some(Recurrence::Monthly)),
                    ("quarterly", Some(Recurrence::Quarterly)),
                    ("half_yearly", Some(Recurrence::HalfYearly)),
                    ("yearly", Some(Recurrence::Yearly)),
                ],
                None,
            );
            every.map(|every| Milestone::Recurring { every })
        }
        "ongoing" => Some(Milestone::Ongoing),
        "no_fixed_date" => Some(Milestone::NoFixedDate),
        _ => None,
    };
    if milestone.is_none() {
        r.problem(
            format!(
                "mốc thời hạn «{}» không đọc được, đã bỏ qua",
                preview(value)
            ),
            Outcome::Skipped,
        );
    }
    milestone
}

fn read_budget(r: &mut Reader, value: Option<&Value>) -> Budget {
    let Some(value) = value else {
        return Budget::None;
    };
    match value {
        Value::Null => Budget::None,
        Value::String(text) if text == "none" => Budget::None,
        Value::String(_) => {
            let text = r.text_value(value, "Kinh phí");
            let budget = Budget::from_input(&text);
            // A note in words is a real budget cell ("Theo dự trù kinh phí riêng"); a note
            // that holds digits was meant as an amount and could not be read as one.
            if matches!(&budget, Budget::Note(note) if note.chars().any(|c| c.is_ascii_digit())) {
                r.problem(
                    format!(
                        "kinh phí «{}» không phải là số hợp lệ, đã giữ làm ghi chú",
                        preview(value)
                    ),
                    Outcome::Repaired,
                );
            }
            budget
        }
        Value::Number(_) => amount_or_note(r, value),
        Value::Object(o) => {
            if let Some(amount) = Reader::field(o, &["million_vnd", "amount"]) {
                amount_or_note(r, amount)
            } else if Reader::field(o, &["note"]).is_some() {
                let note = r.text(o, &["note"], "Ghi chú kinh phí");
                if note.is_empty() {
                    Budget::None
                } else {
                    Budget::Note(note)
                }
            } else {
                r.problem(
                    "kinh phí không có số tiền hay ghi chú, đã bỏ qua",
                    Outcome::Skipped,
                );
                Budget::None
            }
        }
        other => {
            r.problem(
                format!("kinh phí có dạng {}, đã bỏ qua", kind_of(other)),
                Outcome::Skipped,
            );
            Budget::None
        }
    }
}

/// An amount in million VND; text that is not a number is kept as a note so that no word is
/// lost, and reported.
fn amount_or_note(r: &mut Reader, value: &Value) -> Budget {
    let parsed = match value {
        Value::String(text) => {
            Decimal::parse_machine(text.trim()).or_else(|_| Decimal::parse_vi(text))
        }
        Value::Number(number) => Decimal::parse_machine(&number.to_string()),
        _ => Err(NumberError::NotANumber),
    };
    match parsed {
        Ok(amount) if !amount.is_negative() => Budget::MillionVnd(amount),
        Ok(amount) => {
            r.problem(
                format!("kinh phí «{}» là số âm, đã giữ làm ghi chú", preview(value)),
                Outcome::Repaired,
            );
            Budget::Note(amount.format_vi())
        }
        Err(_) => {
            let text = r.text_value(value, "Kinh phí");
            r.problem(
                format!(
                    "kinh phí «{}» không phải là số, đã giữ làm ghi chú",
                    preview(value)
                ),
                Outcome::Repaired,
            );
            if text.is_empty() {
                Budget::None
            } else {
                Budget::Note(text)
            }
        }
    }
}

fn read_implementation(r: &mut Reader, value: Option<&Value>) -> Implementation {
    let Some(o) = value.and_then(|v| r.object(v, "Tổ chức thực hiện")) else {
        return Implementation::default();
    };
    Implementation {
        intro: read_paragraphs(r, o, &["intro"], "Phần mở đầu"),
        responsibilities: r.list(
            o,
            &["responsibilities"],
            "Trách nhiệm",
            |i| format!("đơn vị {}", i + 1),
            |r, v, _| {
                let unit = r.object(v, "Trách nhiệm")?;
                Some(Responsibility {
                    unit: r.text(unit, &["unit"], "Đơn vị"),
                    duties: read_paragraphs(r, unit, &["duties"], "Nhiệm vụ của đơn vị"),
                })
            },
        ),
        reporting: r.list(
            o,
            &["reporting"],
            "Chế độ báo cáo",
            |i| format!("kỳ báo cáo {}", i + 1),
            |r, v, _| {
                let period = r.object(v, "Kỳ báo cáo")?;
                Some(ReportingPeriod {
                    name: r.text(period, &["name"], "Tên kỳ báo cáo"),
                    data_period: r.text(period, &["data_period"], "Thời gian chốt số liệu"),
                    data_from: read_iso_date(r, period, &["data_from"], "Ngày bắt đầu số liệu"),
                    data_to: read_iso_date(r, period, &["data_to"], "Ngày chốt số liệu"),
                    due: r.text(period, &["due"], "Hạn gửi báo cáo"),
                    due_date: read_iso_date(r, period, &["due_date"], "Ngày hạn gửi"),
                })
            },
        ),
        reporting_notes: read_paragraphs(r, o, &["reporting_notes"], "Ghi chú báo cáo"),
        closing: read_paragraphs(r, o, &["closing"], "Phần kết"),
    }
}

fn read_recipients(r: &mut Reader, o: &Object) -> Vec<Recipient> {
    r.list(
        o,
        &["recipients", "noi_nhan"],
        "Nơi nhận",
        |i| format!("Nơi nhận {}", i + 1),
        |r, value, _| {
            if let Value::String(_) = value {
                return Some(Recipient {
                    name: r.text_value(value, "Nơi nhận"),
                    ..Recipient::default()
                });
            }
            let o = r.object(value, "Nơi nhận")?;
            Some(Recipient {
                name: r.text(o, &["name"], "Tên nơi nhận"),
                note: r.text(o, &["note"], "Ghi chú"),
                group: r.text(o, &["group"], "Nhóm"),
            })
        },
    )
}

fn read_signer(r: &mut Reader, value: Option<&Value>) -> Signer {
    let Some(o) = value.and_then(|v| r.object(v, "Người ký")) else {
        return Signer::default();
    };
    Signer {
        authority: r.choice(
            o,
            &["authority"],
            "Quyền hạn ký",
            &[
                ("direct", SigningAuthority::Direct),
                ("on_behalf", SigningAuthority::OnBehalf),
                ("deputy", SigningAuthority::Deputy),
                ("acting", SigningAuthority::Acting),
                ("by_order", SigningAuthority::ByOrder),
                ("by_authorisation", SigningAuthority::ByAuthorisation),
            ],
            SigningAuthority::Direct,
        ),
        on_behalf_of: r.text(o, &["on_behalf_of"], "Thay mặt"),
        title: r.text(o, &["title"], "Chức vụ"),
        name: r.text(o, &["name"], "Họ tên"),
    }
}

fn read_appendix(r: &mut Reader, value: &Value, year: i32) -> Option<AppendixTable> {
    let o = r.object(value, "Phụ lục")?;
    let defaults = AppendixTable::default();
    let rows = match Reader::field(o, &["rows"]).and_then(|v| r.object(v, "Các dòng của phụ lục"))
    {
        None => AppendixRows::default(),
        Some(rows) => {
            let own = r.choice(
                rows,
                &["kind"],
                "Nguồn các dòng",
                &[("key_tasks", false), ("own", true)],
                false,
            );
            if own {
                AppendixRows::Own {
                    groups: r.list(
                        rows,
                        &["groups"],
                        "Nhóm",
                        |i| format!("nhóm {}", roman(i + 1)),
                        |r, v, _| read_group(r, v, year, true),
                    ),
                }
            } else {
                AppendixRows::KeyTasks {
                    area_ids: r.texts(rows, &["area_ids"], "Lĩnh vực của phụ lục"),
                }
            }
        }
    };
    Some(AppendixTable {
        id: r.text(o, &["id"], "Mã phụ lục"),
        heading: match Reader::field(o, &["heading"]) {
            None => defaults.heading,
            Some(_) => r.text(o, &["heading"], "Tiêu đề phụ lục"),
        },
        title: r.text(o, &["title"], "Tên phụ lục"),
        attachment_line: r.text(o, &["attachment_line"], "Dòng kèm theo"),
        columns: r.choice(
            o,
            &["columns"],
            "Bộ cột",
            &[
                ("lead_and_partner", AppendixColumns::LeadAndPartner),
                ("executor", AppendixColumns::Executor),
            ],
            AppendixColumns::LeadAndPartner,
        ),
        numbering: r.choice(
            o,
            &["numbering"],
            "Cách đánh số",
            &[
                ("run_on", RowNumbering::RunOn),
                ("restart_per_group", RowNumbering::RestartPerGroup),
            ],
            RowNumbering::RunOn,
        ),
        budget_column: r.flag(o, &["budget_column"], "Cột kinh phí", true),
        column_labels: read_column_labels(r, Reader::field(o, &["column_labels"])),
        landscape: r.flag(o, &["landscape"], "Trang ngang", true),
        rows,
    })
}

fn read_group(
    r: &mut Reader,
    value: &Value,
    year: i32,
    allow_sub_groups: bool,
) -> Option<AppendixGroup> {
    let o = r.object(value, "Nhóm")?;
    let sub_groups = if allow_sub_groups {
        r.list(
            o,
            &["sub_groups"],
            "Nhóm con",
            |i| format!("nhóm {}", crate::domain::numbering::group_letter(i)),
            |r, v, _| read_group(r, v, year, false),
        )
    } else {
        if matches!(Reader::field(o, &["sub_groups"]), Some(Value::Array(items)) if !items.is_empty())
        {
            r.problem(
                "nhóm con không được có nhóm con, đã bỏ qua phần lồng thêm",
                Outcome::Skipped,
            );
        }
        Vec::new()
    };
    Some(AppendixGroup {
        title: r.text(o, &["title"], "Tên nhóm"),
        tasks: read_tasks(r, o, year, |i| format!("dòng {}", i + 1)),
        sub_groups,
    })
}

fn read_column_labels(r: &mut Reader, value: Option<&Value>) -> ColumnLabels {
    let Some(o) = value.and_then(|v| r.object(v, "Tên cột")) else {
        return ColumnLabels::default();
    };
    ColumnLabels {
        task: r.text(o, &["task"], "Tên cột nhiệm vụ"),
        output: r.text(o, &["output"], "Tên cột sản phẩm"),
        lead: r.text(o, &["lead"], "Tên cột chủ trì"),
        partner: r.text(o, &["partner"], "Tên cột phối hợp"),
        executor: r.text(o, &["executor"], "Tên cột thực hiện"),
        deadline: r.text(o, &["deadline"], "Tên cột thời gian"),
        budget: r.text(o, &["budget"], "Tên cột kinh phí"),
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
        after: r.choice(
            o,
            &["after"],
            "Vị trí",
            &[
                ("legal_bases", PartAnchor::LegalBases),
                ("requirements", PartAnchor::Requirements),
                ("targets", PartAnchor::Targets),
                ("areas", PartAnchor::Areas),
                ("funding", PartAnchor::Funding),
                ("implementation", PartAnchor::Implementation),
            ],
            PartAnchor::Areas,
        ),
        paragraphs: read_paragraphs(r, o, &["paragraphs"], "Đoạn"),
    })
}

/// Gives every area, task and appendix an id unique within the plan: blank ones get one,
/// repeated ones are renamed and reported (ids tie revisions and the editor to parts).
fn make_ids_unique(r: &mut Reader, plan: &mut Plan) {
    let mut ids = UniqueIds::default();
    let mut fix = |r: &mut Reader, id: &mut String, prefix: &str| {
        if let Some(original) = ids.claim(id, prefix) {
            r.problem(
                format!(
                    "mã «{}» bị trùng, đã đổi thành «{id}»",
                    preview(&Value::String(original))
                ),
                Outcome::Repaired,
            );
        }
    };
    for (index, area) in plan.areas.iter_mut().enumerate() {
        r.within(format!("Lĩnh vực {}", index + 1), |r| {
            fix(r, &mut area.id, "linh-vuc-");
            for (task_index, task) in area.tasks.iter_mut().enumerate() {
                r.within(format!("nhiệm vụ {}", point_letter(task_index)), |r| {
                    fix(r, &mut task.id, "nhiem-vu-")
                });
            }
            for (sub_index, sub) in area.sub_areas.iter_mut().enumerate() {
                r.within(format!("mục {}", sub_index + 1), |r| {
                    fix(r, &mut sub.id, "linh-vuc-");
                    for (task_index, task) in sub.tasks.iter_mut().enumerate() {
                        r.within(format!("nhiệm vụ {}", point_letter(task_index)), |r| {
                            fix(r, &mut task.id, "nhiem-vu-")
                        });
                    }
                });
            }
        });
    }
    for (index, table) in plan.appendices.iter_mut().enumerate() {
        r.within(format!("Phụ lục {}", index + 1), |r| {
            fix(r, &mut table.id, "phu-luc-");
            if let AppendixRows::Own { groups } = &mut table.rows {
                for group in groups.iter_mut() {
                    let tasks = group.tasks.iter_mut().chain(
                        group
                            .sub_groups
                            .iter_mut()
                            .flat_map(|sub| sub.tasks.iter_mut()),
                    );
                    for (row_index, task) in tasks.enumerate() {
                        r.within(format!("dòng {}", row_index + 1), |r| {
                            fix(r, &mut task.id, "dong-")
                        });
                    }
                }
            }
        });
    }
}

/// Hands out ids unique within one plan or one bundle, in time linear in the number of ids
/// even when a hostile file repeats one id thousands of times.
#[derive(Default)]
pub(crate) struct UniqueIds {
    seen: std::collections::HashSet<String>,
    /// For each id seen repeated, the next suffix to try.
    next_suffix: std::collections::HashMap<String, usize>,
    blanks: usize,
}

impl UniqueIds {
    /// Makes `id` unique: a blank one gets `prefix` and a number, a repeated one a "-2", "-3" …
    /// suffix. Returns the original id when a repeated one was renamed.
    pub(crate) fn claim(&mut self, id: &mut String, prefix: &str) -> Option<String> {
        if id.is_empty() {
            loop {
                self.blanks += 1;
                let candidate = format!("{prefix}{}", self.blanks);
                if self.seen.insert(candidate.clone()) {
                    *id = candidate;
                    return None;
                }
            }
        }
        if self.seen.insert(id.clone()) {
            return None;
        }
        let original = id.clone();
        let suffix = self.next_suffix.entry(original.clone()).or_insert(2);
        loop {
            let candidate = format!("{original}-{suffix}");
            *suffix += 1;
            if self.seen.insert(candidate.clone()) {
                *id = candidate;
                return Some(original);
            }
        }
    }
}
