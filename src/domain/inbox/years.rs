//! Năm ghi lệch (a year that disagrees with the plan's): the «năm YYYY» mentions of a text that
//! look like last year's plan copied without its year changed.
//!
//! The rule, for a plan (or report) of year `Y`, over the text the drafter writes for this
//! year (title, purposes, requirements, targets, areas, tasks, funding; a report's own parts),
//! never over legal bases, attachment lines or recipients, which cite other documents:
//!
//! 1. Only «năm YYYY» counts (any case, «năm» a word of its own, YYYY four digits on their
//!    own): «2024» alone, «30/2020/NĐ-CP» or «ngày 1/1/2024» never do.
//! 2. Not when YYYY = Y, nor when it is part of a date («ngày 15 tháng 7 năm 2021», «tháng 12
//!    năm 2022») or of a span («năm 2021 - 2025», «từ năm 2021», «đến năm 2030»).
//! 3. In a title (trích yếu), which names the plan's own year and no other, every other year
//!    is a slip.
//! 4. Elsewhere a later year is not one: a plan prepares the next («Xây dựng Kế hoạch cải cách
//!    hành chính năm 2025» in a 2024 plan). An earlier year is one unless its clause (back to
//!    the last «.», «;», «:», «(» or line end) looks back on it: «của năm», «kết quả», «tồn
//!    tại», «hạn chế», «khắc phục», «so với», «cùng kỳ», «tình hình», «hiệu lực», «tổng kết»,
//!    «sơ kết», «đánh giá», «chỉ số» (a year's PAR index is published the year after) or «đã».
//!    The copied slip («Triển khai Kế hoạch CCHC năm 2024» in 2025) has none of these.
//!
//! The rule misses a slip written with a looking-back word rather than warn about a real
//! reference: a reviewer must be able to trust each warning.

/// Words that make a clause speak of a past year, as lower-case text.
const LOOKING_BACK: [&str; 15] = [
    "của năm",
    "kết quả",
    "tồn tại",
    "hạn chế",
    "khắc phục",
    "so với",
    "cùng kỳ",
    "tình hình",
    "hiệu lực",
    "tổng kết",
    "sơ kết",
    "đánh giá",
    "chỉ số",
    " đã ",
    "năm trước",
];

/// One «năm YYYY» that disagrees with the plan's year, with the words around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearSlip {
    pub year: i32,
    /// The mention with up to five words before it, as written: «… Kế hoạch CCHC năm 2024».
    pub quote: String,
}

/// Where a text sits, which decides rule 3 or 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Trích yếu: any other year is a slip.
    Title,
    /// Body text: only an earlier year not looked back on.
    Body,
}

/// Every slip of `text` for a plan of `year`, by the rule of this module.
pub fn year_slips(text: &str, year: i32, kind: TextKind) -> Vec<YearSlip> {
    let mut slips = Vec::new();
    // Most texts name no year: four digits in a row are looked for first, byte by byte.
    let four_digits = text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if !four_digits {
        return slips;
    }
    let original: Vec<char> = text.chars().collect();
    let lower: Vec<char> = original
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let mut at = 0;
    while at + 3 <= lower.len() {
        if lower[at..at + 3] != ['n', 'ă', 'm'] || (at > 0 && lower[at - 1].is_alphanumeric()) {
            at += 1;
            continue;
        }
        let mut digits = at + 3;
        while lower.get(digits).is_some_and(|c| c.is_whitespace()) {
            digits += 1;
        }
        let end = digits + 4;
        let four = digits > at + 3
            && end <= lower.len()
            && lower[digits..end].iter().all(char::is_ascii_digit)
            && !lower.get(end).is_some_and(char::is_ascii_digit);
        if !four {
            at += 3;
            continue;
        }
        let mentioned: i32 = lower[digits..end]
            .iter()
            .fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or(0) as i32);
        let before: String = lower[..at].iter().collect();
        let after: String = lower[end..].iter().take(12).collect();
        let slip = mentioned != year
            && !in_date(&before)
            && !in_span(&before, &after)
            && match kind {
                TextKind::Title => true,
                TextKind::Body => mentioned < year && !looks_back(&before),
            };
        if slip {
            slips.push(YearSlip {
                year: mentioned,
                quote: quote(&original, at, end),
            });
        }
        at = end;
    }
    slips
}

/// Whether the text before «năm» ends a date's «tháng N».
fn in_date(before: &str) -> bool {
    let rest = before.trim_end();
    let rest = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    rest.len() < before.trim_end().len() && rest.trim_end().ends_with("tháng")
}

/// Whether the mention starts or ends a span of years.
fn in_span(before: &str, after: &str) -> bool {
    let last_word = before.split_whitespace().next_back().unwrap_or("");
    let after = after.trim_start();
    let dash_then_year = after
        .strip_prefix(['-', '–', '—'])
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    matches!(last_word, "từ" | "đến" | "tới" | "-" | "–") || dash_then_year
}

/// Whether the clause before the mention speaks of a past year.
fn looks_back(before: &str) -> bool {
    let start = before
        .rfind(['.', ';', ':', '(', '\n'])
        .map_or(0, |at| at + 1);
    let clause = format!(" {} ", &before[start..]);
    LOOKING_BACK.iter().any(|words| clause.contains(words))
}

/// The mention with up to five words before it, on its line.
fn quote(original: &[char], start: usize, end: usize) -> String {
    let line_start = original[..start]
        .iter()
        .rposition(|c| *c == '\n')
        .map_or(0, |at| at + 1);
    let mut from = start;
    let mut words = 0;
    while from > line_start && words < 6 {
        from -= 1;
        if original[from].is_whitespace() && !original[from + 1].is_whitespace() {
            words += 1;
        }
    }
    let text: String = original[from..end].iter().collect();
    let text = text.trim();
    if from > line_start {
        format!("…{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str, kind: TextKind) -> Vec<i32> {
        year_slips(text, 2025, kind)
            .into_iter()
            .map(|slip| slip.year)
            .collect()
    }

    #[test]
    fn last_years_plan_named_in_this_years_is_a_slip() {
        let slips = year_slips(
            "Triển khai thực hiện có hiệu quả Kế hoạch CCHC năm 2024 của UBND xã.",
            2025,
            TextKind::Body,
        );
        assert_eq!(slips.len(), 1);
        assert_eq!(slips[0].year, 2024);
        assert_eq!(slips[0].quote, "…hiệu quả Kế hoạch CCHC năm 2024");
        assert_eq!(
            years("Cải cách hành chính NĂM 2024", TextKind::Title),
            [2024]
        );
    }

    #[test]
    fn documents_dates_spans_and_looking_back_are_not_slips() {
        for text in [
            "Căn cứ Nghị định 30/2020/NĐ-CP về công tác văn thư",
            "Quyết định số 123/QĐ-UBND ngày 1/1/2024 của UBND tỉnh",
            "ngày 15 tháng 7 năm 2021 của Chính phủ",
            "giai đoạn 2021 - 2025, định hướng đến năm 2030",
            "Chương trình tổng thể năm 2021 - 2030",
            "Khắc phục những tồn tại hạn chế của năm 2024 như sau",
            "Nâng cao Chỉ số CCHC năm 2024 của xã",
            "Xây dựng Kế hoạch cải cách hành chính năm 2026",
            "Triển khai kế hoạch năm 2025",
            "năm2024, năm 20245",
        ] {
            assert_eq!(years(text, TextKind::Body), [] as [i32; 0], "{text}");
        }
        // A later year in the title is a slip all the same.
        assert_eq!(
            years("Cải cách hành chính năm 2026", TextKind::Title),
            [2026]
        );
        // Looking back counts in its own clause only.
        assert_eq!(
            years(
                "Đánh giá kết quả năm 2024; triển khai các nhiệm vụ năm 2024",
                TextKind::Body
            ),
            [2024]
        );
    }
}
