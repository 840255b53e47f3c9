//! Tên tệp xuất (export file names), the one rule for every file the app writes: ASCII names a
//! person can read, sort and send by email, at most about a hundred characters whatever the plan
//! holds. "Ke-hoach-CCHC-2025-UBND-xa-Son-Chau-2026-11-23.json" for one plan (`.docx`, `.xlsx`
//! and `.csv` for its document and tables), for a period report
//! "Bao-cao-CCHC-quy-I-2026-UBND-xa-Son-Chau-2026-03-20.json", and for a backup bundle
//! "Sao-luu-ke-hoach-CCHC-2026-11-23.json".

use crate::domain::Plan;
use crate::domain::progress::ReportPeriod;
use crate::domain::unicode::{is_combining_mark, nfc, nfd};

/// The longest issuing-body part of a name, so names stay readable in a mail client.
const MAX_BODY_CHARS: usize = 60;

/// Words of an issuing body written as their usual abbreviation.
const ABBREVIATIONS: &[(&str, &str)] =
    &[("UY BAN NHAN DAN", "UBND"), ("HOI DONG NHAN DAN", "HDND")];

/// Kinds of locality, kept lower case as in "UBND xã Sơn Châu"; told by their accents, so that
/// the name "Tịnh Minh" keeps its capital where "tỉnh" would not.
const LOCALITY_WORDS: &[&str] = &[
    "xã",
    "phường",
    "thị",
    "trấn",
    "huyện",
    "quận",
    "tỉnh",
    "thành",
    "phố",
    "đặc",
    "khu",
];

/// A calendar date (ngày xuất tệp), as the caller's clock gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl FileDate {
    fn suffix(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The file name of one plan exported as `extension` ("json", "docx", "xlsx", "csv"): year,
/// issuing body folded to ASCII, export date.
pub fn plan_file_name(plan: &Plan, date: FileDate, extension: &str) -> String {
    name_of("Ke-hoach-CCHC".to_string(), plan, date, extension)
}

/// The file name of `plan`'s report of `period` exported as `extension`: the period as the
/// report's title names it («quý I» → "quy-I", «6 tháng» → "6-thang"), then as a plan's.
pub fn report_file_name(
    plan: &Plan,
    period: ReportPeriod,
    date: FileDate,
    extension: &str,
) -> String {
    let mut name = String::from("Bao-cao-CCHC");
    for word in fold_to_ascii(period.title_name()).split_whitespace() {
        name.push('-');
        name.push_str(word);
    }
    name_of(name, plan, date, extension)
}

/// `name`, then the plan's year and issuing body, then the export date.
fn name_of(mut name: String, plan: &Plan, date: FileDate, extension: &str) -> String {
    if plan.year > 0 {
        name.push_str(&format!("-{}", plan.year));
    }
    let body = if plan.issuing_body.trim().is_empty() {
        plan.locality.name.as_str()
    } else {
        plan.issuing_body.as_str()
    };
    let body = body_part(body);
    if !body.is_empty() {
        name.push('-');
        name.push_str(&body);
    }
    format!("{name}-{}.{extension}", date.suffix())
}

/// The file name of a backup bundle of every plan.
pub fn bundle_file_name(date: FileDate) -> String {
    format!("Sao-luu-ke-hoach-CCHC-{}.json", date.suffix())
}

/// "ỦY BAN NHÂN DÂN XÃ SƠN CHÂU" → "UBND-xa-Son-Chau", at most [`MAX_BODY_CHARS`] long.
fn body_part(body: &str) -> String {
    // Each ASCII word, and whether the word it comes from names a kind of locality.
    let words: Vec<(String, bool)> = nfc(body)
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| c.is_ascii_punctuation()))
        .flat_map(|word| {
            let kind = LOCALITY_WORDS.contains(&word.to_lowercase().as_str());
            fold_to_ascii(word)
                .split_whitespace()
                .map(|piece| (piece.to_string(), kind))
                .collect::<Vec<_>>()
        })
        .collect();
    let upper = words
        .iter()
        .map(|(word, _)| word.as_str())
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase();
    let mut parts: Vec<String> = Vec::new();
    let mut rest: &[(String, bool)] = &words;
    for (long, short) in ABBREVIATIONS {
        let taken = long.split(' ').count();
        let whole_words =
            upper.len() == long.len() || upper.as_bytes().get(long.len()) == Some(&b' ');
        if upper.starts_with(long) && whole_words {
            parts.push((*short).to_string());
            rest = &words[taken..];
            break;
        }
    }
    for (word, kind) in rest {
        let lower = word.to_lowercase();
        if *kind {
            parts.push(lower);
        } else {
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                parts.push(first.to_uppercase().chain(chars).collect());
            }
        }
    }
    let mut name = String::new();
    for mut part in parts {
        if name.is_empty() {
            // A single word longer than the limit (a pasted code, say) is cut, not dropped.
            part.truncate(MAX_BODY_CHARS);
        } else if name.len() + part.len() + 1 > MAX_BODY_CHARS {
            break;
        } else {
            name.push('-');
        }
        name.push_str(&part);
    }
    name
}

/// Drops Vietnamese marks ("đ" becomes "d") and turns everything that is not an ASCII letter
/// or digit into a space, so the name is safe on every file system and mail client.
fn fold_to_ascii(text: &str) -> String {
    nfd(text)
        .chars()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATE: FileDate = FileDate {
        year: 2026,
        month: 11,
        day: 23,
    };

    fn plan(issuing_body: &str, year: i32) -> Plan {
        Plan {
            issuing_body: issuing_body.into(),
            year,
            ..Plan::default()
        }
    }

    #[test]
    fn a_commune_plan_is_named_for_its_year_and_issuing_body() {
        let name = plan_file_name(&plan("ỦY BAN NHÂN DÂN XÃ SƠN CHÂU", 2025), DATE, "json");
        assert_eq!(name, "Ke-hoach-CCHC-2025-UBND-xa-Son-Chau-2026-11-23.json");
    }

    #[test]
    fn decomposed_text_and_d_with_stroke_fold_like_composed_text() {
        let decomposed = nfd("ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN");
        let name = plan_file_name(&plan(&decomposed, 2023), DATE, "json");
        assert_eq!(
            name,
            "Ke-hoach-CCHC-2023-UBND-huyen-Dong-Son-2026-11-23.json"
        );
    }

    #[test]
    fn characters_unsafe_in_file_names_are_dropped() {
        let name = plan_file_name(&plan("Phòng Nội vụ / <script> \"x\"", 2024), DATE, "json");
        assert_eq!(
            name,
            "Ke-hoach-CCHC-2024-Phong-Noi-Vu-Script-X-2026-11-23.json"
        );
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.".contains(c))
        );
    }

    #[test]
    fn a_plan_without_body_or_year_still_gets_a_name() {
        let name = plan_file_name(&plan("  ", 0), DATE, "json");
        assert_eq!(name, "Ke-hoach-CCHC-2026-11-23.json");
    }

    #[test]
    fn a_very_long_body_is_cut_at_a_word() {
        let long = "ỦY BAN NHÂN DÂN ".to_string() + &"XÃ RẤT DÀI ".repeat(20);
        let name = plan_file_name(&plan(&long, 2024), DATE, "json");
        assert!(name.len() < 100, "{name}");
        assert!(name.starts_with("Ke-hoach-CCHC-2024-UBND-xa-Rat-Dai-"));
        assert!(name.ends_with("-2026-11-23.json"));
        assert!(!name.contains("--"));
    }

    #[test]
    fn a_place_name_that_looks_like_a_kind_of_locality_keeps_its_capital() {
        // "Tịnh" is a name; "tỉnh" (province) is a kind of locality.
        let name = plan_file_name(&plan("ỦY BAN NHÂN DÂN XÃ TỊNH MINH", 2024), DATE, "json");
        assert_eq!(name, "Ke-hoach-CCHC-2024-UBND-xa-Tinh-Minh-2026-11-23.json");
        let name = plan_file_name(&plan("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", 2024), DATE, "json");
        assert_eq!(
            name,
            "Ke-hoach-CCHC-2024-UBND-tinh-Quang-Ngai-2026-11-23.json"
        );
    }

    #[test]
    fn the_document_and_tables_are_named_by_the_same_rule() {
        let plan = plan("ỦY BAN NHÂN DÂN XÃ SƠN CHÂU", 2022);
        for extension in ["docx", "xlsx", "csv"] {
            assert_eq!(
                plan_file_name(&plan, DATE, extension),
                format!("Ke-hoach-CCHC-2022-UBND-xa-Son-Chau-2026-11-23.{extension}")
            );
        }
    }

    #[test]
    fn a_huge_single_word_is_cut_and_the_name_stays_short() {
        let word = "Ư".repeat(420);
        let hostile = format!("\u{202E}{word} \u{FFFE}XÃ {word}");
        for body in [word.as_str(), hostile.as_str()] {
            let name = plan_file_name(&plan(body, 2024), DATE, "docx");
            assert!(name.len() <= 100, "{} characters: {name}", name.len());
            assert!(name.starts_with("Ke-hoach-CCHC-2024-Uuuu"), "{name}");
            assert!(name.ends_with("-2026-11-23.docx"), "{name}");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-.".contains(c)),
                "{name}"
            );
        }
    }

    #[test]
    fn a_report_is_named_for_its_period_then_as_its_plan() {
        let tinh_minh = plan("ỦY BAN NHÂN DÂN XÃ TỊNH MINH", 2026);
        let names =
            ReportPeriod::ALL.map(|period| report_file_name(&tinh_minh, period, DATE, "json"));
        assert_eq!(
            names,
            [
                "Bao-cao-CCHC-quy-I-2026-UBND-xa-Tinh-Minh-2026-11-23.json",
                "Bao-cao-CCHC-6-thang-2026-UBND-xa-Tinh-Minh-2026-11-23.json",
                "Bao-cao-CCHC-9-thang-2026-UBND-xa-Tinh-Minh-2026-11-23.json",
                "Bao-cao-CCHC-nam-2026-UBND-xa-Tinh-Minh-2026-11-23.json",
            ]
        );
        let nameless = report_file_name(&plan(" ", 0), ReportPeriod::Year, DATE, "docx");
        assert_eq!(nameless, "Bao-cao-CCHC-nam-2026-11-23.docx");
    }

    #[test]
    fn a_bundle_is_named_for_its_date() {
        assert_eq!(
            bundle_file_name(DATE),
            "Sao-luu-ke-hoach-CCHC-2026-11-23.json"
        );
    }
}
