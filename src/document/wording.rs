//! Fixed wordings of the document: the number line, the place and date line with the zero
//! padding Nghị định 30/2020/NĐ-CP asks for, short dates, and the end of a sentence.

use crate::domain::{DocumentNumber, PartialDate};

/// Room left for what a draft has not filled in yet (a number, a day), kept by HTML and DOCX
/// alike since the spaces do not collapse.
pub(super) const BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

/// "Số: 06/KH-UBND"; numbers below 10 get a leading zero, and a draft's blank number leaves
/// room for it: "Số:      /KH-UBND".
pub fn document_number(number: &DocumentNumber) -> String {
    let digits = number.number.trim();
    let printed = match digits.parse::<u32>() {
        Ok(value) if value < 10 && digits.len() == 1 => format!("0{value}"),
        _ if digits.is_empty() => BLANK.to_string(),
        _ => digits.to_string(),
    };
    let symbol = number.symbol.trim();
    if symbol.is_empty() {
        format!("Số: {printed}")
    } else {
        format!("Số: {printed}/{symbol}")
    }
}

/// The number as running text cites it: "06/KH-UBND", a draft's blank left as room.
pub(super) fn reference_number(number: &DocumentNumber) -> String {
    let line = document_number(number);
    line.trim_start_matches("Số: ").to_string()
}

/// The kind of document a number's symbol names ("31/BC-UBND": Báo cáo), by the abbreviations
/// of Nghị định 30/2020/NĐ-CP, Phụ lục III; "Văn bản" for any other (a công văn's symbol names
/// only its issuer: "125/UBND-VP").
pub(super) fn document_kind(number: &str) -> &'static str {
    let symbol = number.split_once('/').map_or("", |(_, symbol)| symbol);
    let head = symbol.split('-').next().unwrap_or_default().trim();
    const KINDS: [(&str, &str); 14] = [
        ("NQ", "Nghị quyết"),
        ("QĐ", "Quyết định"),
        ("CT", "Chỉ thị"),
        ("QC", "Quy chế"),
        ("QYĐ", "Quy định"),
        ("TB", "Thông báo"),
        ("HD", "Hướng dẫn"),
        ("CTR", "Chương trình"),
        ("KH", "Kế hoạch"),
        ("PA", "Phương án"),
        ("ĐA", "Đề án"),
        ("BC", "Báo cáo"),
        ("BB", "Biên bản"),
        ("TTR", "Tờ trình"),
    ];
    let head = head.to_uppercase();
    KINDS
        .iter()
        .find(|(abbreviation, _)| *abbreviation == head)
        .map_or("Văn bản", |(_, kind)| kind)
}

/// The day as printed in a date line: zero-padded below 10.
fn day(value: u8) -> String {
    format!("{value:02}")
}

/// The month as printed in a date line: only January and February are zero-padded ("tháng
/// 01", "tháng 02", but "tháng 3"), as Phụ lục I of the decree writes.
fn month(value: u8) -> String {
    if value <= 2 {
        format!("{value:02}")
    } else {
        value.to_string()
    }
}

/// Địa danh và thời gian: "Sơn Châu, ngày 08 tháng 01 năm 2022"; blank parts of a draft leave
/// room to write them by hand ("Hoàng Hoá, ngày       tháng 12 năm 2022").
pub fn date_line(place: &str, date: &PartialDate) -> String {
    let day = date.day.map_or_else(|| BLANK.to_string(), day);
    let month = date.month.map_or_else(|| BLANK.to_string(), month);
    let year = date
        .year
        .map_or_else(|| BLANK.to_string(), |year| year.to_string());
    let place = place.trim();
    let place = if place.is_empty() { BLANK } else { place };
    format!("{place}, ngày {day} tháng {month} năm {year}")
}

/// A date in references: "08/01/2022"; blank parts stay blank.
pub fn short_date(date: &PartialDate) -> String {
    let part = |value: Option<u8>| value.map_or_else(|| "\u{a0}\u{a0}".to_string(), day);
    let year = date.year.map_or_else(String::new, |year| year.to_string());
    format!("{}/{}/{}", part(date.day), part(date.month), year)
}

/// A date in a report's running text, padded as in the date line: "05/01/2026", "14/3/2026";
/// blank parts stay blank.
pub(super) fn numeric_date(date: &PartialDate) -> String {
    let blank = || "\u{a0}\u{a0}".to_string();
    let year = date.year.map_or_else(String::new, |year| year.to_string());
    format!(
        "{}/{}/{year}",
        date.day.map_or_else(blank, day),
        date.month.map_or_else(blank, month)
    )
}

/// The issuing body's lines: "ỦY BAN NHÂN DÂN" over "XÃ SƠN CHÂU" as the samples set it, other
/// names on one line; always upper case.
pub(super) fn body_lines(name: &str) -> Vec<String> {
    let upper = name.trim().to_uppercase();
    if upper.is_empty() {
        return Vec::new();
    }
    for head in ["ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN"] {
        if let Some(rest) = upper.strip_prefix(head)
            && let Some(rest) = rest.strip_prefix(' ')
            && !rest.trim().is_empty()
        {
            return vec![head.to_string(), rest.trim().to_string()];
        }
    }
    vec![upper]
}

/// `text` ending as a sentence does, with a full stop unless it already ends in punctuation.
pub(super) fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.is_empty() || text.ends_with(['.', ';', ':', '!', '?', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_below_ten_and_months_one_and_two_are_padded() {
        assert_eq!(
            date_line("Sơn Tây", &PartialDate::ymd(2024, 2, 5)),
            "Sơn Tây, ngày 05 tháng 02 năm 2024"
        );
        assert_eq!(
            date_line("Sơn Tây", &PartialDate::ymd(2023, 3, 9)),
            "Sơn Tây, ngày 09 tháng 3 năm 2023"
        );
        assert_eq!(
            date_line("Tịnh Minh", &PartialDate::ymd(2023, 12, 26)),
            "Tịnh Minh, ngày 26 tháng 12 năm 2023"
        );
    }

    #[test]
    fn a_draft_date_leaves_room_for_the_day() {
        let date = PartialDate {
            day: None,
            month: Some(12),
            year: Some(2022),
        };
        assert_eq!(
            date_line("Hoàng Hoá", &date),
            format!("Hoàng Hoá, ngày {BLANK} tháng 12 năm 2022")
        );
    }

    #[test]
    fn numbers_below_ten_get_a_zero_and_blank_numbers_leave_room() {
        let number = |n: &str| DocumentNumber {
            number: n.into(),
            symbol: "KH-UBND".into(),
        };
        assert_eq!(document_number(&number("6")), "Số: 06/KH-UBND");
        assert_eq!(document_number(&number("06")), "Số: 06/KH-UBND");
        assert_eq!(document_number(&number("479")), "Số: 479/KH-UBND");
        assert_eq!(document_number(&number("")), format!("Số: {BLANK}/KH-UBND"));
    }

    #[test]
    fn the_people_s_committee_is_set_on_two_lines_in_upper_case() {
        assert_eq!(
            body_lines("Ủy ban nhân dân xã Sơn Châu"),
            ["ỦY BAN NHÂN DÂN", "XÃ SƠN CHÂU"]
        );
        assert_eq!(body_lines("SỞ NỘI VỤ"), ["SỞ NỘI VỤ"]);
        assert!(body_lines("  ").is_empty());
    }

    #[test]
    fn report_dates_are_padded_as_the_date_line_pads_them() {
        assert_eq!(numeric_date(&PartialDate::ymd(2026, 3, 14)), "14/3/2026");
        assert_eq!(numeric_date(&PartialDate::ymd(2026, 1, 5)), "05/01/2026");
        assert_eq!(numeric_date(&PartialDate::ymd(2025, 12, 15)), "15/12/2025");
        let draft = PartialDate {
            day: None,
            month: Some(3),
            year: Some(2026),
        };
        assert_eq!(numeric_date(&draft), "\u{a0}\u{a0}/3/2026");
    }

    #[test]
    fn a_symbol_names_the_kind_of_document_or_none() {
        assert_eq!(document_kind("31/BC-UBND"), "Báo cáo");
        assert_eq!(document_kind("06/KH-UBND"), "Kế hoạch");
        assert_eq!(document_kind("479/QĐ-UBND"), "Quyết định");
        assert_eq!(document_kind("12/TTr-VP"), "Tờ trình");
        assert_eq!(document_kind("125/UBND-VP"), "Văn bản");
        assert_eq!(document_kind("không số"), "Văn bản");
    }

    #[test]
    fn sentences_end_once() {
        assert_eq!(sentence("Văn phòng huyện"), "Văn phòng huyện.");
        assert_eq!(sentence("Thường xuyên."), "Thường xuyên.");
    }
}
