//! Reads a deadline's free Vietnamese text (thời hạn) into milestones, with a small tokenizer
//! and a few hand-written recognisers (no regex: it is too big for the wasm bundle).

use super::unicode::{is_combining_mark, nfc};
use chrono::NaiveDate;

use super::deadline::{Milestone, Recurrence};

/// Reads every milestone `text` names, in order of appearance and without duplicates; years the
/// text leaves out are `plan_year`.
///
/// Rules for the ambiguous cases:
/// - A year written once at the end of a list of months or quarters applies to all of them
///   ("tháng 6 và tháng 12/2024", "Quý I, II, III/2022"); items left without one get `plan_year`.
/// - "6 tháng" is a half-year only as "6 tháng đầu/cuối năm" (first/last six months). Inside a
///   recurrence list ("định kỳ hàng quý, 6 tháng, 9 tháng, năm": periodically every quarter,
///   six months, nine months, year) it is a half-yearly recurrence; "9 tháng" there has no
///   recurrence of its own and is skipped; anywhere else "N tháng" is a length, not a milestone.
/// - "Thường xuyên" (regularly) and recurrences swallow a following bare "trong năm" (during the
///   year): "Thường xuyên trong năm" is Ongoing alone. A written year is kept: "Thường xuyên năm
///   2022" is Ongoing + Year 2022. A bare "trong năm" elsewhere is Year `plan_year`.
/// - "Hàng ngày" (daily) has no recurrence of its own and reads as Ongoing.
/// - The date of a cited document ("Kế hoạch số 140/KH-UBND ngày 14/10/2021") is not a milestone.
/// - `NoFixedDate` is given only when nothing else is read and the text has a cue for it: "khi"
///   (when), "theo" (according to), "đột xuất" (ad hoc), "tiến độ" (schedule), "sau khi" …
pub(super) fn parse(text: &str, plan_year: i32) -> Vec<Milestone> {
    let tokens = tokenize(text);
    let mut parser = Parser {
        toks: &tokens,
        pos: 0,
        plan_year,
        out: Vec::new(),
        no_fixed_date_cue: false,
    };
    parser.run();
    let mut reading: Vec<Milestone> = Vec::new();
    for milestone in parser.out {
        if !reading.contains(&milestone) {
            reading.push(milestone);
        }
    }
    if reading.is_empty() && parser.no_fixed_date_cue {
        reading.push(Milestone::NoFixedDate);
    }
    reading
}

/// A run of digits: its value (saturating) and how many digits were written ("01" has 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Num {
    value: u32,
    digits: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    /// Lowercase NFC letters: "quý", "tháng", "iv".
    Word(String),
    Num(Num),
    /// Any other visible character; dashes are folded into '-'.
    Punct(char),
}

/// Lowercases, composes (NFC) and splits into words, numbers and punctuation; spaces only separate.
fn tokenize(text: &str) -> Vec<Tok> {
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
    let composed = nfc(&lower);
    let mut chars = composed.chars().peekable();
    let mut toks = Vec::new();
    while let Some(c) = chars.next() {
        if c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}') {
            continue;
        }
        if let Some(first) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            let mut num = Num {
                value: first,
                digits: 1,
            };
            while let Some(d) = chars
                .peek()
                .filter(|d| d.is_ascii_digit())
                .and_then(|d| d.to_digit(10))
            {
                num.value = num.value.saturating_mul(10).saturating_add(d);
                num.digits += 1;
                chars.next();
            }
            toks.push(Tok::Num(num));
        } else if is_letter(c) {
            let mut word = String::from(fold_letter(c));
            while let Some(&next) = chars.peek().filter(|&&n| is_letter(n)) {
                word.push(fold_letter(next));
                chars.next();
            }
            toks.push(Tok::Word(word));
        } else {
            let punct = match c {
                '–' | '—' | '−' | '‐' | '‑' => '-',
                other => other,
            };
            toks.push(Tok::Punct(punct));
        }
    }
    toks
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// "ð" (eth) is sometimes typed for "đ".
fn fold_letter(c: char) -> char {
    if c == 'ð' { 'đ' } else { c }
}

/// Hàng, hằng, mỗi: every.
const EVERY: [&str; 3] = ["hàng", "hằng", "mỗi"];
/// Words after which a bare "15/3" is a day and month: ngày (day), trước (before), đến/tới (until),
/// hết (end of), từ (from), hạn (deadline), là (is), vào (on).
const DATE_INTRO: [&str; 9] = [
    "ngày", "trước", "đến", "tới", "hết", "từ", "hạn", "là", "vào",
];
/// Words joining items of a list: và (and), hoặc (or), đến/tới (to).
const LIST_JOINERS: [&str; 4] = ["và", "hoặc", "đến", "tới"];
/// Words naming no date of their own: khi (when), theo (according to), kịp (thời: promptly).
const NO_FIXED_DATE_WORDS: [&str; 3] = ["khi", "theo", "kịp"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PeriodKind {
    Month,
    Quarter,
}

struct Parser<'a> {
    toks: &'a [Tok],
    pos: usize,
    plan_year: i32,
    out: Vec<Milestone>,
    no_fixed_date_cue: bool,
}

impl Parser<'_> {
    fn run(&mut self) {
        while self.pos < self.toks.len() {
            let start = self.pos;
            let matched = self.spelled_date()
                || self.months_length()
                || self.number_chain()
                || self.recurrence()
                || self.ongoing()
                || self.periods()
                || self.year()
                || self.no_fixed_date_cue();
            if !matched || self.pos <= start {
                self.pos = start + 1;
            }
        }
    }

    // ---- token access ----

    fn word(&self, i: usize) -> Option<&str> {
        match self.toks.get(i) {
            Some(Tok::Word(w)) => Some(w.as_str()),
            _ => None,
        }
    }

    fn is_word(&self, i: usize, word: &str) -> bool {
        self.word(i) == Some(word)
    }

    fn is_word_in(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    fn num(&self, i: usize) -> Option<Num> {
        match self.toks.get(i) {
            Some(Tok::Num(n)) => Some(*n),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i) {
            Some(Tok::Punct(c)) => Some(*c),
            _ => None,
        }
    }

    /// A quarter numeral at `i`: Roman I–IV or 1–4.
    fn quarter_at(&self, i: usize) -> Option<u8> {
        match self.toks.get(i) {
            Some(Tok::Word(w)) => match w.as_str() {
                "i" => Some(1),
                "ii" => Some(2),
                "iii" => Some(3),
                "iv" => Some(4),
                _ => None,
            },
            Some(Tok::Num(n)) if n.digits <= 2 && (1..=4).contains(&n.value) => {
                u8::try_from(n.value).ok()
            }
            _ => None,
        }
    }

    fn month_at(&self, i: usize) -> Option<u8> {
        self.num(i).and_then(month_of)
    }

    // ---- recognisers: each looks at `self.pos`, and on success moves past what it read ----

    /// "ngày 15 tháng 3 năm 2024", "15 tháng 3" (day 15 of month 3).
    fn spelled_date(&mut self) -> bool {
        let p = if self.is_word(self.pos, "ngày") {
            self.pos + 1
        } else {
            self.pos
        };
        let (Some(day), Some(month)) = (self.num(p), self.month_at(p + 2)) else {
            return false;
        };
        if !self.is_word(p + 1, "tháng") {
            return false;
        }
        let (year, end) = match self.year_suffix(p + 3) {
            (Some(year), end) => (year, end),
            (None, end) => (self.plan_year, end),
        };
        self.pos = end;
        if let Some(date) = ymd(year, u32::from(month), day.value) {
            self.out.push(Milestone::Date { date });
        }
        true
    }

    /// A number of months: "6 tháng đầu năm" (first six months), "6 tháng cuối năm" (last six),
    /// "6 tháng một lần" (once every six months); any other "N tháng" is a length, read as nothing.
    fn months_length(&mut self) -> bool {
        let p = self.pos;
        if self.is_word(p, "nửa") {
            // Nửa đầu/cuối năm: first/second half of the year.
            if let Some(first) = self.first_or_last(p + 1)
                && self.is_word(p + 2, "năm")
            {
                let (year, end) = self.optional_year(p + 3);
                let half = if first { 1 } else { 2 };
                self.out.push(Milestone::HalfYear { year, half });
                self.pos = end;
                return true;
            }
            return false;
        }
        let Some(n) = self.num(p) else {
            return false;
        };
        if !self.is_word(p + 1, "tháng") {
            return false;
        }
        if let Some(first) = self.first_or_last(p + 2)
            && self.is_word(p + 3, "năm")
        {
            let (year, end) = self.optional_year(p + 4);
            let milestone = match (n.value, first) {
                (6, true) => Some(Milestone::HalfYear { year, half: 1 }),
                (6, false) => Some(Milestone::HalfYear { year, half: 2 }),
                (3, true) => Some(Milestone::Quarter { year, quarter: 1 }),
                (3, false) => Some(Milestone::Quarter { year, quarter: 4 }),
                (9, true) => Some(Milestone::Month { year, month: 9 }),
                (12, _) => Some(Milestone::Year { year }),
                _ => None,
            };
            self.out.extend(milestone);
            self.pos = end;
            return true;
        }
        // "N tháng một lần", "N tháng 1 lần", "N tháng/lần": once every N months.
        let once = self.is_word(p + 2, "một")
            || self.num(p + 2).is_some_and(|x| x.value == 1)
            || self.punct(p + 2) == Some('/');
        if once && self.is_word(p + 3, "lần") {
            if let Some(every) = every_n_months(n) {
                self.out.push(Milestone::Recurring { every });
            }
            self.pos = p + 4;
            return true;
        }
        self.pos = p + 2;
        true
    }

    /// Numbers joined by "/", "-" or ".": a date "31/01/2023", a month "01/2022", a day and
    /// month "15/3" after "ngày", "trước" …; or a cited document's number "140/KH-UBND".
    fn number_chain(&mut self) -> bool {
        let Some(first) = self.num(self.pos) else {
            return false;
        };
        let mut nums = vec![first];
        let mut seps = Vec::new();
        let mut end = self.pos + 1;
        while let (Some(sep @ ('/' | '-' | '.')), Some(n)) = (self.punct(end), self.num(end + 1)) {
            seps.push(sep);
            nums.push(n);
            end += 2;
        }
        if self.punct(end) == Some('/') && self.word(end + 1).is_some() {
            self.pos = end;
            self.skip_document_reference();
            return true;
        }
        let introduced = self.pos.checked_sub(1).is_some_and(|prev| {
            self.is_word_in(prev, &DATE_INTRO) || self.punct(prev) == Some(':')
        });
        self.pos = end;
        match (nums.as_slice(), seps.as_slice()) {
            ([first, second, third], [sep1, sep2]) if sep1 == sep2 => {
                if let Some(date) = full_date(*first, *second, *third) {
                    self.out.push(Milestone::Date { date });
                }
            }
            ([first, second], [_]) => {
                if let (Some(month), Some(year)) = (month_of(*first), year_of(*second, false)) {
                    self.out.push(Milestone::Month { year, month });
                } else if introduced
                    && first.digits <= 2
                    && second.digits <= 2
                    && let Some(date) = ymd(self.plan_year, second.value, first.value)
                {
                    self.out.push(Milestone::Date { date });
                }
            }
            _ => {}
        }
        true
    }

    /// At the "/" of "140/KH-UBND" or "09/2023/NĐ-CP": skips the document number, and its issue
    /// date ("ngày 14/10/2021"), which is not a deadline.
    fn skip_document_reference(&mut self) {
        while matches!(self.punct(self.pos), Some('/' | '-'))
            && (self.word(self.pos + 1).is_some() || self.num(self.pos + 1).is_some())
        {
            self.pos += 2;
        }
        let mut p = self.pos;
        if self.punct(p) == Some(',') {
            p += 1;
        }
        if !self.is_word(p, "ngày") || self.num(p + 1).is_none() {
            return;
        }
        p += 1;
        if self.is_word(p + 1, "tháng") && self.num(p + 2).is_some() {
            // ngày 14 tháng 10 năm 2021
            p += 3;
            if self.is_word(p, "năm") && self.num(p + 1).is_some() {
                p += 2;
            }
        } else {
            p += 1;
            while matches!(self.punct(p), Some('/' | '-' | '.')) && self.num(p + 1).is_some() {
                p += 2;
            }
        }
        self.pos = p;
    }

    /// Định kỳ (periodically) and hàng/hằng/mỗi (every) with a list of periods: "định kỳ hàng
    /// quý, 6 tháng, 9 tháng, năm", "hằng tháng", "định kỳ 6 tháng, năm". A bare "định kỳ"
    /// reads as nothing.
    fn recurrence(&mut self) -> bool {
        let p = self.pos;
        let start = if self.is_word(p, "định") && self.is_word_in(p + 1, &["kỳ", "kì"]) {
            p + 2
        } else if self.is_word_in(p, &EVERY) && self.recurrence_item(p).is_some() {
            p
        } else {
            return false;
        };
        let mut q = start;
        let mut found = false;
        while let Some((milestone, next)) = self.recurrence_item(q) {
            found = true;
            self.out.extend(milestone);
            q = next;
            match self.list_separator(q) {
                Some(after) if self.recurrence_item(after).is_some() => q = after,
                _ => break,
            }
        }
        self.pos = q;
        if found {
            self.absorb_bare_within_year();
        }
        true
    }

    /// One period of a recurrence list, with an optional "hàng"/"hằng"/"mỗi" before it; the
    /// milestone is None for periods without a recurrence of their own ("9 tháng").
    fn recurrence_item(&self, p: usize) -> Option<(Option<Milestone>, usize)> {
        let p = if self.is_word_in(p, &EVERY) { p + 1 } else { p };
        let every = |every| Some(Milestone::Recurring { every });
        match self.word(p) {
            Some("tuần") => Some((every(Recurrence::Weekly), p + 1)),
            Some("tháng") if self.num(p + 1).is_none() => {
                Some((every(Recurrence::Monthly), p + 1))
            }
            Some("quý") if self.quarter_at(p + 1).is_none() => {
                Some((every(Recurrence::Quarterly), p + 1))
            }
            Some("năm") if self.num(p + 1).is_none() => Some((every(Recurrence::Yearly), p + 1)),
            // Hàng ngày: daily, as good as ongoing.
            Some("ngày") if self.num(p + 1).is_none() => Some((Some(Milestone::Ongoing), p + 1)),
            Some("nửa") if self.is_word(p + 1, "năm") => {
                Some((every(Recurrence::HalfYearly), p + 2))
            }
            Some(_) => None,
            None => {
                let n = self.num(p)?;
                if !self.is_word(p + 1, "tháng") || self.first_or_last(p + 2).is_some() {
                    return None;
                }
                let milestone = every_n_months(n).map(|every| Milestone::Recurring { every });
                Some((milestone, p + 2))
            }
        }
    }

    /// Thường xuyên (regularly), liên tục (continuously), quanh năm (all year round).
    fn ongoing(&mut self) -> bool {
        let p = self.pos;
        let pair = |a: &str, b: &str| self.is_word(p, a) && self.is_word(p + 1, b);
        if !(pair("thường", "xuyên")
            || pair("liên", "tục")
            || (pair("quanh", "năm") && self.num(p + 2).is_none()))
        {
            return false;
        }
        self.out.push(Milestone::Ongoing);
        self.pos = p + 2;
        self.absorb_bare_within_year();
        true
    }

    /// A list of months and quarters, each maybe with its year: "Tháng 01/2022", "quý I năm
    /// 2023", "tháng 6 và tháng 12/2024", "Quý I, II, III/2022". A year applies to the yearless
    /// items before it; items still without one get the plan year.
    fn periods(&mut self) -> bool {
        let mut kind = match self.word(self.pos) {
            Some("tháng") => PeriodKind::Month,
            Some("quý") => PeriodKind::Quarter,
            _ => return false,
        };
        let mut items: Vec<(PeriodKind, u8, Option<i32>)> = Vec::new();
        let mut p = self.pos;
        while let Some((item_kind, n, next)) = self.period_item(p, kind, items.is_empty()) {
            kind = item_kind;
            let (year, after) = self.year_suffix(next);
            if let Some(year) = year {
                for item in items.iter_mut().filter(|item| item.2.is_none()) {
                    item.2 = Some(year);
                }
            }
            items.push((item_kind, n, year));
            p = after;
            match self.list_separator(p) {
                Some(after_sep) if self.period_item(after_sep, kind, false).is_some() => {
                    p = after_sep;
                }
                _ => break,
            }
        }
        if items.is_empty() {
            return false;
        }
        self.pos = p;
        for (item_kind, n, year) in items {
            let year = year.unwrap_or(self.plan_year);
            self.out.push(match item_kind {
                PeriodKind::Month => Milestone::Month { year, month: n },
                PeriodKind::Quarter => Milestone::Quarter { year, quarter: n },
            });
        }
        true
    }

    /// One item of a month/quarter list at `p`: "tháng 6", "quý II", or after the first item a
    /// bare "12" or "III" of the same kind as the item before.
    fn period_item(
        &self,
        p: usize,
        kind: PeriodKind,
        first: bool,
    ) -> Option<(PeriodKind, u8, usize)> {
        match self.word(p) {
            Some("tháng") => self.month_at(p + 1).map(|m| (PeriodKind::Month, m, p + 2)),
            Some("quý") => self
                .quarter_at(p + 1)
                .map(|q| (PeriodKind::Quarter, q, p + 2)),
            _ if first => None,
            _ => {
                let n = match kind {
                    PeriodKind::Month => self.month_at(p),
                    PeriodKind::Quarter => self.quarter_at(p),
                }?;
                // A bare number must end the phrase or lead to a year or the next item:
                // "tháng 6, 9 tháng" and "tháng 11, 3 cơ quan" are not months 9 and 3.
                let ends_item = match self.toks.get(p + 1) {
                    None | Some(Tok::Punct(_)) => true,
                    Some(Tok::Word(w)) => w == "năm" || LIST_JOINERS.contains(&w.as_str()),
                    Some(Tok::Num(_)) => false,
                };
                ends_item.then_some((kind, n, p + 1))
            }
        }
    }

    /// "năm 2024", "năm nay" (this year), and a bare "trong năm" (during the year), "cuối năm"
    /// (end of the year), "cả năm"/"suốt năm" (the whole year): the plan year.
    fn year(&mut self) -> bool {
        let p = self.pos;
        if self.is_word(p, "năm") {
            if let Some(year) = self.num(p + 1).and_then(|n| year_of(n, false)) {
                self.out.push(Milestone::Year { year });
                self.pos = p + 2;
                return true;
            }
            if self.is_word(p + 1, "nay") {
                self.out.push(Milestone::Year {
                    year: self.plan_year,
                });
                self.pos = p + 2;
                return true;
            }
            return false;
        }
        if self.is_word_in(p, &["trong", "cuối", "cả", "suốt"])
            && self.is_word(p + 1, "năm")
            && self.num(p + 2).is_none()
        {
            self.out.push(Milestone::Year {
                year: self.plan_year,
            });
            self.pos = p + 2;
            return true;
        }
        false
    }

    /// Notes a cue of "no fixed date" and reads nothing.
    fn no_fixed_date_cue(&mut self) -> bool {
        let p = self.pos;
        if self.is_word_in(p, &NO_FIXED_DATE_WORDS)
            || (self.is_word(p, "đột") && self.is_word(p + 1, "xuất"))
            || (self.is_word(p, "tiến") && self.is_word(p + 1, "độ"))
            || (self.is_word(p, "sau") && self.is_word_in(p + 1, &["đợt", "mỗi"]))
        {
            self.no_fixed_date_cue = true;
        }
        false
    }

    // ---- pieces ----

    /// "đầu" (first) → true, "cuối" (last) → false.
    fn first_or_last(&self, i: usize) -> Option<bool> {
        match self.word(i) {
            Some("đầu") => Some(true),
            Some("cuối") => Some(false),
            _ => None,
        }
    }

    /// A year written right after a month or quarter: "/2024", "/24", "-2024", ".2024",
    /// "năm 2024". Returns the year, if any, and where reading goes on.
    fn year_suffix(&self, p: usize) -> (Option<i32>, usize) {
        let year = match (self.toks.get(p), self.num(p + 1)) {
            (Some(Tok::Punct('/')), Some(n)) => year_of(n, true),
            (Some(Tok::Punct('-' | '.')), Some(n)) => year_of(n, false),
            (Some(Tok::Word(w)), Some(n)) if w == "năm" => year_of(n, false),
            _ => None,
        };
        match year {
            Some(year) => (Some(year), p + 2),
            None => (None, p),
        }
    }

    /// The year after "… đầu năm": "2022", "/2022", or else the plan year.
    fn optional_year(&self, p: usize) -> (i32, usize) {
        if let Some(year) = self.num(p).and_then(|n| year_of(n, false)) {
            return (year, p + 1);
        }
        match self.year_suffix(p) {
            (Some(year), end) => (year, end),
            (None, end) => (self.plan_year, end),
        }
    }

    /// "," "-" "&" "và" "hoặc" "đến" between list items (at most two in a row: ", và").
    fn list_separator(&self, p: usize) -> Option<usize> {
        let is_separator = |i: usize| {
            matches!(self.punct(i), Some(',' | '-' | '&')) || self.is_word_in(i, &LIST_JOINERS)
        };
        if !is_separator(p) {
            return None;
        }
        Some(if is_separator(p + 1) { p + 2 } else { p + 1 })
    }

    /// Drops a "trong năm" (during the year) with no year written, after "thường xuyên" or a
    /// recurrence: it only says the task runs through the plan's year.
    fn absorb_bare_within_year(&mut self) {
        if self.is_word(self.pos, "trong")
            && self.is_word(self.pos + 1, "năm")
            && self.num(self.pos + 2).is_none()
        {
            self.pos += 2;
        }
    }
}

/// A month number 1–12, written with at most two digits.
fn month_of(n: Num) -> Option<u8> {
    if n.digits <= 2 && (1..=12).contains(&n.value) {
        u8::try_from(n.value).ok()
    } else {
        None
    }
}

/// A year 1990–2100 written with four digits, or with two (→ 2000 + n) where `two_digits`.
fn year_of(n: Num, two_digits: bool) -> Option<i32> {
    let value = i32::try_from(n.value).ok()?;
    let year = match n.digits {
        4 => value,
        2 if two_digits => 2000 + value,
        _ => return None,
    };
    (1990..=2100).contains(&year).then_some(year)
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Day/month/year ("31/01/2023", "15.3.24"), or year-month-day when the first number has four
/// digits ("2023-01-31").
fn full_date(a: Num, b: Num, c: Num) -> Option<NaiveDate> {
    if a.digits == 4 {
        if b.digits > 2 || c.digits > 2 {
            return None;
        }
        return ymd(year_of(a, false)?, b.value, c.value);
    }
    if a.digits > 2 || b.digits > 2 {
        return None;
    }
    ymd(year_of(c, true)?, b.value, a.value)
}

/// Once every `n` months.
fn every_n_months(n: Num) -> Option<Recurrence> {
    match n.value {
        1 => Some(Recurrence::Monthly),
        3 => Some(Recurrence::Quarterly),
        6 => Some(Recurrence::HalfYearly),
        12 => Some(Recurrence::Yearly),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Milestone::{NoFixedDate, Ongoing};

    fn date(year: i32, month: u32, day: u32) -> Milestone {
        Milestone::Date {
            date: NaiveDate::from_ymd_opt(year, month, day).expect("valid test date"),
        }
    }
    fn month(year: i32, month: u8) -> Milestone {
        Milestone::Month { year, month }
    }
    fn quarter(year: i32, quarter: u8) -> Milestone {
        Milestone::Quarter { year, quarter }
    }
    fn half(year: i32, half: u8) -> Milestone {
        Milestone::HalfYear { year, half }
    }
    fn year(year: i32) -> Milestone {
        Milestone::Year { year }
    }
    fn every(every: Recurrence) -> Milestone {
        Milestone::Recurring { every }
    }
    use Recurrence::{HalfYearly, Monthly, Quarterly, Weekly, Yearly};

    #[track_caller]
    fn check(text: &str, plan_year: i32, expected: &[Milestone]) {
        assert_eq!(parse(text, plan_year), expected, "reading of {text:?}");
    }

    #[test]
    fn dates() {
        check("31/01/2023", 2023, &[date(2023, 1, 31)]);
        check("Chậm nhất là ngày 31/01/2023", 2023, &[date(2023, 1, 31)]);
        check("Trước 15/11/2023", 2023, &[date(2023, 11, 15)]);
        check("trước ngày 06/01/2023", 2023, &[date(2023, 1, 6)]);
        check("ngày 15/3", 2024, &[date(2024, 3, 15)]);
        check("Trước 5/1/2023", 2023, &[date(2023, 1, 5)]);
        check("15-3-2024", 2023, &[date(2024, 3, 15)]);
        check("15.3.2024", 2023, &[date(2024, 3, 15)]);
        check("04 /01/2022", 2022, &[date(2022, 1, 4)]);
        check("ngày 15 tháng 3 năm 2024", 2023, &[date(2024, 3, 15)]);
        check("15/3/24", 2023, &[date(2024, 3, 15)]);
        check("2023-01-31", 2023, &[date(2023, 1, 31)]);
        check("31/02/2023", 2023, &[]);
        check("trước 31/02", 2023, &[]);
    }

    #[test]
    fn months() {
        check("Tháng 01/2022", 2022, &[month(2022, 1)]);
        check("tháng 11/2023", 2023, &[month(2023, 11)]);
        check(
            "tháng 6 và tháng 12/2024",
            2023,
            &[month(2024, 6), month(2024, 12)],
        );
        check(
            "tháng 3, 6, 9, 12/2024",
            2023,
            &[3, 6, 9, 12].map(|m| month(2024, m)),
        );
        check("Tháng 1", 2024, &[month(2024, 1)]);
        check("tháng 6", 2025, &[month(2025, 6)]);
        check("Tháng 12 năm 2024.", 2024, &[month(2024, 12)]);
        check("tháng 3/24", 2023, &[month(2024, 3)]);
        check("tháng 3-4/2024", 2023, &[month(2024, 3), month(2024, 4)]);
        check("Trước 06/2024", 2023, &[month(2024, 6)]);
        check("tháng 13/2024", 2024, &[]);
    }

    #[test]
    fn quarters() {
        check("Quý I/2024", 2023, &[quarter(2024, 1)]);
        check("quý I năm 2023", 2022, &[quarter(2023, 1)]);
        check(
            "Quý I, II, III/2022",
            2022,
            &[1, 2, 3].map(|q| quarter(2022, q)),
        );
        check("quý 2", 2024, &[quarter(2024, 2)]);
        check("trong quý I/2024", 2024, &[quarter(2024, 1)]);
        check("Quý IV/ 2023", 2023, &[quarter(2023, 4)]);
        check("Quý I/24", 2023, &[quarter(2024, 1)]);
        check("QUÝ III NĂM 2023", 2023, &[quarter(2023, 3)]);
        check(
            "quý II và quý IV/2025",
            2024,
            &[quarter(2025, 2), quarter(2025, 4)],
        );
        check("quý V/2024", 2024, &[]);
    }

    #[test]
    fn half_years() {
        check("6 tháng đầu năm", 2024, &[half(2024, 1)]);
        check("6 tháng cuối năm", 2024, &[half(2024, 2)]);
        check("Báo cáo 6 tháng đầu năm 2022", 2024, &[half(2022, 1)]);
        check("nửa cuối năm 2023", 2024, &[half(2023, 2)]);
        // A length, not a milestone.
        check("trong 6 tháng", 2024, &[]);
    }

    #[test]
    fn years() {
        check("Trong năm 2023", 2022, &[year(2023)]);
        check("Năm 2024", 2023, &[year(2024)]);
        check("trong năm", 2023, &[year(2023)]);
        check("Trong năm (theo VB của huyện)", 2022, &[year(2022)]);
        check("Thường xuyên năm 2022", 2022, &[Ongoing, year(2022)]);
        check("Thường xuyên trong năm 2022", 2022, &[Ongoing, year(2022)]);
        check("năm 1989", 2022, &[]);
    }

    #[test]
    fn recurrences() {
        check("Định kỳ hàng tháng trong năm", 2023, &[every(Monthly)]);
        check(
            "Định kỳ hàng tháng trong năm 2024",
            2024,
            &[every(Monthly), year(2024)],
        );
        check("định kỳ hàng quý", 2023, &[every(Quarterly)]);
        check("hằng quý", 2023, &[every(Quarterly)]);
        check("hàng năm", 2023, &[every(Yearly)]);
        check("hằng tháng", 2023, &[every(Monthly)]);
        check("hàng tuần", 2023, &[every(Weekly)]);
        check("6 tháng một lần", 2023, &[every(HalfYearly)]);
        check("3 tháng/lần", 2023, &[every(Quarterly)]);
        check("định kỳ quý", 2023, &[every(Quarterly)]);
        check(
            "Báo cáo định kỳ 6 tháng, năm",
            2023,
            &[every(HalfYearly), every(Yearly)],
        );
        check(
            "định kỳ hàng tháng, quý, năm",
            2024,
            &[every(Monthly), every(Quarterly), every(Yearly)],
        );
        check(
            "định kỳ hàng quý, 6 tháng, 9 tháng, năm",
            2023,
            &[every(Quarterly), every(HalfYearly), every(Yearly)],
        );
        check("định kỳ báo cáo", 2023, &[]);
        check("ngân hàng chính sách", 2023, &[]);
    }

    #[test]
    fn ongoing() {
        check("Thường xuyên", 2023, &[Ongoing]);
        check("Thường xuyên trong năm", 2023, &[Ongoing]);
        check("Liên tục", 2023, &[Ongoing]);
        check("thường xuyên, liên tục", 2023, &[Ongoing]);
        check("Hàng ngày", 2023, &[Ongoing]);
    }

    #[test]
    fn no_fixed_date() {
        for text in [
            "Khi có hướng dẫn, chỉ đạo của cấp trên",
            "Theo kế hoạch của cấp tỉnh",
            "Theo kế hoạch của huyện",
            "Khi có thông báo của tỉnh, huyện",
            "Khi có QĐ của huyện",
            "Theo chỉ đạo của UBND huyện",
            "Đúng tiến độ được cấp có thẩm quyền giao",
            "Theo quy định",
            "Đột xuất",
        ] {
            check(text, 2023, &[NoFixedDate]);
        }
        // With a date named, the date is the reading.
        check(
            "Theo kế hoạch của huyện, trước 15/11/2023",
            2023,
            &[date(2023, 11, 15)],
        );
        // "quy định" (regulation) is not "quý" (quarter).
        check("Theo quy định 2", 2023, &[NoFixedDate]);
    }

    #[test]
    fn compounds() {
        check(
            "Quý I/2024 ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện",
            2024,
            &[quarter(2024, 1)],
        );
        check(
            "Quý I/2024 ban hành kế hoạch; định kỳ hàng quý báo cáo",
            2024,
            &[quarter(2024, 1), every(Quarterly)],
        );
        check(
            "Kế hoạch: trước 06/01/2023; Báo cáo: định kỳ hàng quý, 6 tháng, 9 tháng, năm",
            2023,
            &[
                date(2023, 1, 6),
                every(Quarterly),
                every(HalfYearly),
                every(Yearly),
            ],
        );
        check(
            "Quý I năm 2023 ban hành kế hoạch; tháng 12 năm 2023 báo cáo kết quả thực hiện.",
            2023,
            &[quarter(2023, 1), month(2023, 12)],
        );
        check("Quý IV/2023; quý IV/2023", 2023, &[quarter(2023, 4)]);
    }

    #[test]
    fn unreadable() {
        check("", 2023, &[]);
        check("abc", 2023, &[]);
        check("   ", 2023, &[]);
        check("Báo cáo kết quả thực hiện", 2023, &[]);
        check("Kế hoạch CCHC 2023", 2023, &[]);
        check("ISO 9001:2015", 2023, &[]);
        check("99999999999999999999/99999999999999", 2023, &[]);
    }

    #[test]
    fn normalisation_and_case() {
        let nfd = super::super::unicode::nfd("Quý I/2024; tháng 6 và tháng 12/2024");
        assert_ne!(nfd, "Quý I/2024; tháng 6 và tháng 12/2024");
        check(
            &nfd,
            2024,
            &[quarter(2024, 1), month(2024, 6), month(2024, 12)],
        );
        check("THƯỜNG XUYÊN TRONG NĂM 2022", 2023, &[Ongoing, year(2022)]);
        check("Quý I – 2024", 2023, &[quarter(2024, 1)]);
        check("Ðột xuất", 2023, &[NoFixedDate]);
    }

    #[test]
    fn cited_document_dates_are_not_deadlines() {
        check(
            "Theo Kế hoạch số 140/KH-UBND ngày 14/10/2021 của UBND tỉnh đối với những nhiệm vụ giao thực hiện trong năm 2023.",
            2023,
            &[year(2023)],
        );
        check("Theo Nghị định số 09/2023/NĐ-CP", 2023, &[NoFixedDate]);
        check("Kế hoạch số: 06/KH-UBND, ngày 08/01/2022", 2022, &[]);
    }

    #[test]
    fn plan_year_fills_missing_years() {
        check("Tháng 1", 2022, &[month(2022, 1)]);
        check("quý 2", 2030, &[quarter(2030, 2)]);
        check("trong năm", 2024, &[year(2024)]);
        check("6 tháng cuối năm", 2021, &[half(2021, 2)]);
        check("ngày 15/3", 2026, &[date(2026, 3, 15)]);
        check(
            "Quý I, II/2024 và quý III",
            2023,
            &[quarter(2024, 1), quarter(2024, 2), quarter(2023, 3)],
        );
        // A written year wins over the plan year.
        check("Tháng 01/2021", 2022, &[month(2021, 1)]);
    }

    /// Every distinct deadline text of the four sample plans (task fields "Thời gian thực hiện:",
    /// "Thời gian hoàn thành:" and the appendix tables' deadline column), with the plan's year.
    const SAMPLE_DEADLINES: [(i32, &str); 82] = [
        (
            2023,
            "Theo thời hạn quy định của Văn bản quy định pháp luật",
        ),
        (2023, "Quý IV/2023"),
        (2023, "Báo cáo định kỳ 6 tháng, năm"),
        (
            2023,
            "<ul style=\"list-style-type: none\"> - Tổ chức thực hiện: thường xuyên. - Báo cáo kết quả thực hiện: định kỳ hàng quý",
        ),
        (2023, "Theo hướng dẫn của Văn phòng Chính phủ và UBND tỉnh"),
        (2023, "Báo cáo kết quả khảo sát: tháng 11/2023"),
        (2023, "Thường xuyên"),
        // The second half of "Thường xuyên" split over a page break in the Hoàng Hóa table.
        (2023, "trong năm."),
        (2023, "Trước 15/11/2023."),
        (2023, "- Báo cáo kết quả thực hiện: tháng 11/2023."),
        (
            2023,
            "- Văn bản triển khai thực hiện: tháng 11/2023; - Báo cáo kết quả thực hiện: trước 15/12/2023.",
        ),
        (
            2023,
            "<ul style=\"list-style-type: none\"> - Báo cáo kết quả thực hiện: tháng 11/2023",
        ),
        (
            2023,
            "- Báo cáo kết quả: ngay sau khi kết thúc kỳ thi theo quy định.",
        ),
        (
            2023,
            "- Kế hoạch: hàng năm. - Báo cáo kết quả: ngay sau khi kết thúc kỳ thi theo quy định.",
        ),
        (2023, "Xây dựng kế hoạch: quý I/2023."),
        (2023, "Quý I/2023"),
        (2023, "Tháng 11/2022"),
        (
            2023,
            "- Xây dựng kế hoạch: tháng 1/2023; - Báo cáo: tháng 11/2023.",
        ),
        (
            2023,
            "- Xây dựng Kế hoạch: tháng 11/2022; - Báo cáo kết quả thực hiện: tháng 11/2023.",
        ),
        (2023, "Thường xuyên trong năm"),
        (2023, "Quý IV/ 2023"),
        (2023, "Trong năm 2023"),
        (
            2023,
            "- Kế hoạch CCHC 2023 của các cơ quan, đơn vị: trước 06/01/2023; - Báo cáo kết quả thực hiện: định kỳ hàng quý, 6 tháng, 9 tháng, năm hoặc đột xuất theo quy định.",
        ),
        (
            2023,
            "- Báo cáo tự chấm điểm cùng tài liệu kiểm chứng của các cơ quan, đơn vị: Trước 10/12/2023; - Báo cáo tổng hợp chỉ số CCHC toàn huyện: trước 25/12/2023.",
        ),
        (
            2023,
            "- Báo cáo kết quả thực hiện: định kỳ hàng quý, 6 tháng, 9 tháng, năm hoặc đột xuất theo quy định.",
        ),
        (
            2023,
            "<ul style=\"list-style-type: none\"> - Kế hoạch thanh tra, kiểm tra: Quý I/2023. - Báo cáo kết quả thực hiện: Quý IV/2023.",
        ),
        (2022, "Tháng 01/2022"),
        (2022, "Trong năm"),
        (2022, "Thường xuyên năm 2022"),
        (2022, "Quý I, II, III/2022"),
        (2022, "Thường xuyên trong năm 2022"),
        (2022, "Khi có hướng dẫn, chỉ đạo của cấp trên"),
        (2022, "Khi có thông báo của tỉnh, huyện"),
        (2022, "Khi có QĐ của huyện"),
        (2022, "Trong năm (theo VB của huyện)"),
        (2022, "Tháng 01/2021"),
        (2022, "Tháng 1/2021"),
        (2022, "Theo kế hoạch của huyện"),
        (2023, "Thường xuyên trong năm."),
        (2023, "Chậm nhất là ngày 31/01/2023."),
        (2023, "Trong năm 2023."),
        (
            2023,
            "Quý I năm 2023 ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện theo quy định.",
        ),
        (
            2023,
            "Quý I năm 2023 ban hành kế hoạch; định kỳ theo quy định báo cáo kết quả thực hiện.",
        ),
        (
            2023,
            "Quý I năm 2023 ban hành các Kế hoạch; định kỳ báo cáo kết quả thực hiện.",
        ),
        (2023, "Định kỳ hàng tháng trong năm."),
        (
            2023,
            "Theo Kế hoạch số 140/KH-UBND ngày 14/10/2021 của UBND tỉnh đối với những nhiệm vụ giao thực hiện trong năm 2023.",
        ),
        (
            2023,
            "Thường xuyên trong năm; định kỳ báo cáo kết quả thực hiện.",
        ),
        (
            2023,
            "Theo quy định của Chính phủ và hướng dẫn của Sở Thông tin và Truyền thông.",
        ),
        (
            2023,
            "Quý II năm 2023 ban hành kế hoạch kiểm tra; tổ chức kiểm tra theo kế hoạch, kiểm tra đột xuất trong năm 2023.",
        ),
        (2023, "Quý III năm 2023."),
        (
            2023,
            "Quý I năm 2023 ban hành kế hoạch và triển khai trong năm; định kỳ báo cáo kết quả thực hiện theo phân cấp.",
        ),
        (
            2023,
            "Quý I năm 2023 ban hành kế hoạch và triển khai trong năm; báo cáo kết quả thực hiện sau thanh tra, kiểm tra.",
        ),
        (
            2023,
            "Quý I năm 2023 ban hành kế hoạch; tháng 12 năm 2023 báo cáo kết quả thực hiện.",
        ),
        (2023, "Quý I năm 2023."),
        (2023, "Quý IV năm 2023."),
        (
            2023,
            "Quý I năm 2023 ban hành các kế hoạch; định kỳ báo cáo kết quả thực hiện.",
        ),
        (
            2023,
            "Quý I năm 2023 ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện.",
        ),
        (2023, "Theo kế hoạch của cấp tỉnh."),
        (
            2023,
            "Quý II năm 2023 ban hành kế hoạch và triển khai thực hiện theo kế hoạch; báo cáo kết quả kiểm tra.",
        ),
        (2024, "Thường xuyên."),
        (2024, "Đúng tiến độ được cấp có thẩm quyền giao."),
        (
            2024,
            "Quý I/2024 ban hành kế hoạch; định kỳ theo quy định báo cáo kết quả thực hiện và các văn bản xử lý hoặc kiến nghị xử lý cho UBND xã.",
        ),
        (
            2024,
            "Quý I/2024 ban hành kế hoạch, quyết định; định kỳ hàng tháng, quý, năm, báo cáo kết quả thực hiện và các văn bản xử lý hoặc kiến nghị xử lý cho UBND xã.",
        ),
        (
            2024,
            "Hoàn thành tham mưu ban hành các kế hoạch của UBND xã trong quý I/2024; định kỳ báo cáo theo quy định.",
        ),
        (
            2024,
            "Quý I năm 2024, ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện theo quy định.",
        ),
        (2024, "Định kỳ hàng tháng trong năm 2024."),
        (2024, "Thường xuyên trong năm 2024."),
        (
            2024,
            "Theo Kế hoạch số 140/KH-UBND ngày 14/10/2021 của Chủ tịch UBND tỉnh đối với những nhiệm vụ thực hiện trong năm 2024.",
        ),
        (
            2024,
            "Quý I năm 2024, ban hành kế hoạch kiểm tra; tổ chức kiểm tra theo kế hoạch, kiểm tra đột xuất trong năm 2024.",
        ),
        (2024, "Quý I /2024."),
        (2024, "Trong năm 2024."),
        (2024, "Quý IV năm 2024."),
        (
            2024,
            "Thường xuyên trong năm, báo cáo kết quả sau đợt kiểm tra cho UBND xã.",
        ),
        (2024, "Quý I năm 2024."),
        (2024, "Quý III năm 2024."),
        (2024, "Thường xuyên trong năm 2024 và theo kế hoạch."),
        (2024, "Theo tiến độ và hướng dẫn."),
        (2024, "Quý IV năm 2024 ban hành Kế hoạch."),
        (
            2024,
            "Quý I/2024 ban hành kế hoạch, quý IV/2024 báo cáo kết quả thực hiện.",
        ),
        (
            2024,
            "Quý I năm 2024 ban hành các Kế hoạch; định kỳ báo cáo kết quả thực hiện.",
        ),
        (
            2024,
            "Quý II năm 2024 ban hành Kế hoạch; báo cáo kiểm tra sau đợt kiểm tra",
        ),
        (2024, "Tháng 12 năm 2024."),
    ];

    #[test]
    fn every_sample_deadline_has_a_reading() {
        let unread: Vec<&str> = SAMPLE_DEADLINES
            .iter()
            .filter(|(plan_year, text)| parse(text, *plan_year).is_empty())
            .map(|(_, text)| *text)
            .collect();
        assert!(unread.is_empty(), "no reading for {unread:#?}");
    }

    #[test]
    fn sample_deadlines_read_exactly() {
        let cases: Vec<(i32, &str, Vec<Milestone>)> = vec![
            (
                2023,
                "Theo thời hạn quy định của Văn bản quy định pháp luật",
                vec![NoFixedDate],
            ),
            (2023, "Quý IV/2023", vec![quarter(2023, 4)]),
            (
                2023,
                "Báo cáo định kỳ 6 tháng, năm",
                vec![every(HalfYearly), every(Yearly)],
            ),
            (
                2023,
                "<ul style=\"list-style-type: none\"> - Tổ chức thực hiện: thường xuyên. - Báo cáo kết quả thực hiện: định kỳ hàng quý",
                vec![Ongoing, every(Quarterly)],
            ),
            (
                2023,
                "Báo cáo kết quả khảo sát: tháng 11/2023",
                vec![month(2023, 11)],
            ),
            (2023, "trong năm.", vec![year(2023)]),
            (2023, "Trước 15/11/2023.", vec![date(2023, 11, 15)]),
            (
                2023,
                "- Văn bản triển khai thực hiện: tháng 11/2023; - Báo cáo kết quả thực hiện: trước 15/12/2023.",
                vec![month(2023, 11), date(2023, 12, 15)],
            ),
            (
                2023,
                "- Báo cáo kết quả: ngay sau khi kết thúc kỳ thi theo quy định.",
                vec![NoFixedDate],
            ),
            (
                2023,
                "- Kế hoạch: hàng năm. - Báo cáo kết quả: ngay sau khi kết thúc kỳ thi theo quy định.",
                vec![every(Yearly)],
            ),
            (
                2023,
                "Xây dựng kế hoạch: quý I/2023.",
                vec![quarter(2023, 1)],
            ),
            (
                2023,
                "- Xây dựng kế hoạch: tháng 1/2023; - Báo cáo: tháng 11/2023.",
                vec![month(2023, 1), month(2023, 11)],
            ),
            (
                2023,
                "- Xây dựng Kế hoạch: tháng 11/2022; - Báo cáo kết quả thực hiện: tháng 11/2023.",
                vec![month(2022, 11), month(2023, 11)],
            ),
            (2023, "Quý IV/ 2023", vec![quarter(2023, 4)]),
            (
                2023,
                "- Kế hoạch CCHC 2023 của các cơ quan, đơn vị: trước 06/01/2023; - Báo cáo kết quả thực hiện: định kỳ hàng quý, 6 tháng, 9 tháng, năm hoặc đột xuất theo quy định.",
                vec![
                    date(2023, 1, 6),
                    every(Quarterly),
                    every(HalfYearly),
                    every(Yearly),
                ],
            ),
            (
                2023,
                "- Báo cáo tự chấm điểm cùng tài liệu kiểm chứng của các cơ quan, đơn vị: Trước 10/12/2023; - Báo cáo tổng hợp chỉ số CCHC toàn huyện: trước 25/12/2023.",
                vec![date(2023, 12, 10), date(2023, 12, 25)],
            ),
            (
                2023,
                "<ul style=\"list-style-type: none\"> - Kế hoạch thanh tra, kiểm tra: Quý I/2023. - Báo cáo kết quả thực hiện: Quý IV/2023.",
                vec![quarter(2023, 1), quarter(2023, 4)],
            ),
            (2022, "Tháng 01/2022", vec![month(2022, 1)]),
            (2022, "Trong năm", vec![year(2022)]),
            (2022, "Thường xuyên năm 2022", vec![Ongoing, year(2022)]),
            (
                2022,
                "Quý I, II, III/2022",
                vec![quarter(2022, 1), quarter(2022, 2), quarter(2022, 3)],
            ),
            (2022, "Khi có QĐ của huyện", vec![NoFixedDate]),
            (2022, "Trong năm (theo VB của huyện)", vec![year(2022)]),
            (2022, "Tháng 1/2021", vec![month(2021, 1)]),
            (2023, "Thường xuyên trong năm.", vec![Ongoing]),
            (
                2023,
                "Chậm nhất là ngày 31/01/2023.",
                vec![date(2023, 1, 31)],
            ),
            (
                2023,
                "Quý I năm 2023 ban hành kế hoạch; định kỳ theo quy định báo cáo kết quả thực hiện.",
                vec![quarter(2023, 1)],
            ),
            (2023, "Định kỳ hàng tháng trong năm.", vec![every(Monthly)]),
            (
                2023,
                "Theo Kế hoạch số 140/KH-UBND ngày 14/10/2021 của UBND tỉnh đối với những nhiệm vụ giao thực hiện trong năm 2023.",
                vec![year(2023)],
            ),
            (
                2023,
                "Thường xuyên trong năm; định kỳ báo cáo kết quả thực hiện.",
                vec![Ongoing],
            ),
            (
                2023,
                "Quý II năm 2023 ban hành kế hoạch kiểm tra; tổ chức kiểm tra theo kế hoạch, kiểm tra đột xuất trong năm 2023.",
                vec![quarter(2023, 2), year(2023)],
            ),
            (
                2023,
                "Quý I năm 2023 ban hành kế hoạch và triển khai trong năm; định kỳ báo cáo kết quả thực hiện theo phân cấp.",
                vec![quarter(2023, 1), year(2023)],
            ),
            (
                2023,
                "Quý I năm 2023 ban hành kế hoạch; tháng 12 năm 2023 báo cáo kết quả thực hiện.",
                vec![quarter(2023, 1), month(2023, 12)],
            ),
            (2023, "Theo kế hoạch của cấp tỉnh.", vec![NoFixedDate]),
            (
                2024,
                "Đúng tiến độ được cấp có thẩm quyền giao.",
                vec![NoFixedDate],
            ),
            (
                2024,
                "Quý I/2024 ban hành kế hoạch, quyết định; định kỳ hàng tháng, quý, năm, báo cáo kết quả thực hiện và các văn bản xử lý hoặc kiến nghị xử lý cho UBND xã.",
                vec![
                    quarter(2024, 1),
                    every(Monthly),
                    every(Quarterly),
                    every(Yearly),
                ],
            ),
            (
                2024,
                "Hoàn thành tham mưu ban hành các kế hoạch của UBND xã trong quý I/2024; định kỳ báo cáo theo quy định.",
                vec![quarter(2024, 1)],
            ),
            (
                2024,
                "Định kỳ hàng tháng trong năm 2024.",
                vec![every(Monthly), year(2024)],
            ),
            (
                2024,
                "Thường xuyên trong năm 2024.",
                vec![Ongoing, year(2024)],
            ),
            (2024, "Quý I /2024.", vec![quarter(2024, 1)]),
            (
                2024,
                "Thường xuyên trong năm, báo cáo kết quả sau đợt kiểm tra cho UBND xã.",
                vec![Ongoing],
            ),
            (
                2024,
                "Thường xuyên trong năm 2024 và theo kế hoạch.",
                vec![Ongoing, year(2024)],
            ),
            (2024, "Theo tiến độ và hướng dẫn.", vec![NoFixedDate]),
            (
                2024,
                "Quý I/2024 ban hành kế hoạch, quý IV/2024 báo cáo kết quả thực hiện.",
                vec![quarter(2024, 1), quarter(2024, 4)],
            ),
            (
                2024,
                "Quý II năm 2024 ban hành Kế hoạch; báo cáo kiểm tra sau đợt kiểm tra",
                vec![quarter(2024, 2)],
            ),
            (2024, "Tháng 12 năm 2024.", vec![month(2024, 12)]),
        ];
        assert!(cases.len() >= 25);
        for (plan_year, text, expected) in cases {
            assert!(
                SAMPLE_DEADLINES.contains(&(plan_year, text)),
                "not a sample text: {text:?}"
            );
            check(text, plan_year, &expected);
        }
    }
}
