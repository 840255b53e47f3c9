//! Reading the parts of a plan that frame it: the decision that issues it, legal bases,
//! implementation, recipients and signer.

use super::*;

pub(super) fn read_form(r: &mut Reader, value: Option<&Value>) -> DocumentForm {
    let Some(o) = value.and_then(|v| r.object(v, "Hình thức văn bản")) else {
        return DocumentForm::Standalone;
    };
    let kind = r.choice(o, &["kind"], "Hình thức văn bản", DocumentForm::KINDS);
    if kind.and_then(|index| DocumentForm::KINDS.get(index)) != Some(&"decision") {
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

pub(super) fn read_legal_bases(r: &mut Reader, o: &Object) -> Vec<LegalBasis> {
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

pub(super) fn read_implementation(r: &mut Reader, value: Option<&Value>) -> Implementation {
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

pub(super) fn read_recipients(r: &mut Reader, o: &Object) -> Vec<Recipient> {
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

pub(super) fn read_signer(r: &mut Reader, value: Option<&Value>) -> Signer {
    let Some(o) = value.and_then(|v| r.object(v, "Người ký")) else {
        return Signer::default();
    };
    Signer {
        authority: r.named(o, &["authority"], "Quyền hạn ký", SigningAuthority::Direct),
        on_behalf_of: r.text(o, &["on_behalf_of"], "Thay mặt"),
        title: r.text(o, &["title"], "Chức vụ"),
        name: r.text(o, &["name"], "Họ tên"),
    }
}
