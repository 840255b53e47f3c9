//! Exact decimal numbers in Vietnamese notation and task budgets in million VND (triệu đồng).
//!
//! Vietnamese writes "3.773" for three thousand seven hundred seventy-three and "1,5" for one
//! and a half. Amounts are kept as integers of millionths, so sums never drift.

use std::fmt;
use std::iter::Sum;
use std::ops::Add;

use serde::{Serialize, Serializer};

/// Fractional digits kept; a millionth of a million VND is one đồng.
const SCALE_DIGITS: u32 = 6;
const SCALE: i128 = 1_000_000;
/// The largest magnitude accepted from text: 10^15, far beyond any real budget.
const MAX_WHOLE: i128 = 1_000_000_000_000_000;

/// An exact decimal number with up to six fractional digits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Decimal {
    millionths: i128,
}

/// Why a text is not a number in Vietnamese notation.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("không có chữ số")]
    Empty,
    #[error("có ký tự không phải chữ số")]
    NotANumber,
    #[error("có quá 6 chữ số sau dấu phẩy")]
    TooPrecise,
    #[error("quá lớn")]
    TooLarge,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { millionths: 0 };

    /// A whole number.
    pub fn from_int(value: i64) -> Self {
        Self {
            millionths: i128::from(value) * SCALE,
        }
    }

    /// `units` millionths: `from_millionths(1_500_000)` is 1,5.
    pub fn from_millionths(units: i128) -> Self {
        Self { millionths: units }
    }

    pub fn millionths(self) -> i128 {
        self.millionths
    }

    pub fn is_negative(self) -> bool {
        self.millionths < 0
    }

    /// Reads Vietnamese notation: "3.773", "1.500,25", "1,5", "10". Spaces may group thousands.
    /// A single "." followed by other than three digits ("1.5") is read as a decimal point,
    /// since that is what its writer meant.
    pub fn parse_vi(text: &str) -> Result<Self, NumberError> {
        let text: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        let (negative, body) = match text.strip_prefix(['-', '−']) {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (whole, fraction) = match body.split_once(',') {
            Some((whole, fraction)) => (whole.to_string(), fraction),
            None => match body.split_once('.') {
                Some((whole, fraction))
                    if !fraction.contains('.')
                        && (fraction.len() != 3 || whole.is_empty() || whole == "0") =>
                {
                    (whole.to_string(), fraction)
                }
                _ => (body.to_string(), ""),
            },
        };
        let whole = strip_thousands(&whole)?;
        Self::from_parts(negative, &whole, fraction)
    }

    /// Reads the machine form written to files: "3773", "1.5", "-2".
    pub fn parse_machine(text: &str) -> Result<Self, NumberError> {
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
        if whole.is_empty() {
            return Err(NumberError::NotANumber);
        }
        Self::from_parts(negative, whole, fraction)
    }

    fn from_parts(negative: bool, whole: &str, fraction: &str) -> Result<Self, NumberError> {
        if whole.is_empty() && fraction.is_empty() {
            return Err(NumberError::Empty);
        }
        if !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(NumberError::NotANumber);
        }
        if fraction.len() > SCALE_DIGITS as usize {
            return Err(NumberError::TooPrecise);
        }
        let whole_digits = whole.trim_start_matches('0');
        if whole_digits.len() > 16 {
            return Err(NumberError::TooLarge);
        }
        let whole_value: i128 = if whole_digits.is_empty() {
            0
        } else {
            whole_digits.parse().map_err(|_| NumberError::NotANumber)?
        };
        if whole_value > MAX_WHOLE {
            return Err(NumberError::TooLarge);
        }
        let mut fraction_value: i128 = 0;
        for (index, digit) in fraction.bytes().enumerate() {
            fraction_value +=
                i128::from(digit - b'0') * 10_i128.pow(SCALE_DIGITS - 1 - index as u32);
        }
        let magnitude = whole_value * SCALE + fraction_value;
        Ok(Self {
            millionths: if negative { -magnitude } else { magnitude },
        })
    }

    /// Vietnamese notation: 3773 → "3.773", 1.5 → "1,5", 1234.25 → "1.234,25".
    pub fn format_vi(self) -> String {
        self.format_with('.', ',')
    }

    /// The machine form written to files: "3773", "1.5".
    pub fn to_machine_string(self) -> String {
        self.format_with('\0', '.')
    }

    fn format_with(self, group: char, point: char) -> String {
        let magnitude = self.millionths.unsigned_abs();
        // Amounts fit in 64 bits in practice; there, dividing is one wasm instruction rather
        // than a call into 128-bit arithmetic. A save writes every task's budget this way.
        let (whole, fraction) = match u64::try_from(magnitude) {
            Ok(small) => ((small / SCALE as u64).to_string(), small % SCALE as u64),
            Err(_) => (
                (magnitude / SCALE as u128).to_string(),
                (magnitude % SCALE as u128) as u64,
            ),
        };
        let mut out = String::with_capacity(whole.len() * 4 / 3 + 9);
        if self.millionths < 0 {
            out.push('-');
        }
        for (index, digit) in whole.chars().enumerate() {
            if group != '\0' && index > 0 && (whole.len() - index).is_multiple_of(3) {
                out.push(group);
            }
            out.push(digit);
        }
        if fraction > 0 {
            // The six digits of the millionths, without the zeros at their end.
            let mut digits = [0u8; SCALE_DIGITS as usize];
            let mut rest = fraction;
            for digit in digits.iter_mut().rev() {
                *digit = (rest % 10) as u8;
                rest /= 10;
            }
            let used = digits
                .iter()
                .rposition(|digit| *digit != 0)
                .map_or(0, |at| at + 1);
            out.push(point);
            out.extend(digits[..used].iter().map(|digit| char::from(b'0' + digit)));
        }
        out
    }
}

/// Removes "." thousands separators, checking that they group exactly three digits.
fn strip_thousands(whole: &str) -> Result<String, NumberError> {
    if !whole.contains('.') {
        return Ok(whole.to_string());
    }
    let groups: Vec<&str> = whole.split('.').collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|group| group.len() == 3);
    if first_ok && rest_ok {
        Ok(groups.concat())
    } else {
        Err(NumberError::NotANumber)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_vi())
    }
}

impl Add for Decimal {
    type Output = Decimal;

    fn add(self, other: Decimal) -> Decimal {
        // Saturating: inputs are capped at 10^15, so only absurd row counts could reach it.
        Decimal {
            millionths: self.millionths.saturating_add(other.millionths),
        }
    }
}

impl Sum for Decimal {
    fn sum<I: Iterator<Item = Decimal>>(iter: I) -> Decimal {
        iter.fold(Decimal::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Decimal> for Decimal {
    fn sum<I: Iterator<Item = &'a Decimal>>(iter: I) -> Decimal {
        iter.copied().sum()
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_machine_string())
    }
}

/// Kinh phí of a task: an amount in million VND, a note in its place, or nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Budget {
    #[default]
    None,
    /// Triệu đồng.
    MillionVnd(Decimal),
    /// "Theo dự trù kinh phí riêng", "Ngân sách xã" …
    Note(String),
}

impl Budget {
    pub fn is_none(&self) -> bool {
        matches!(self, Self::None)
    }

    /// Reads what a drafter typed into a budget cell: blank, a number, or else a note.
    pub fn from_input(text: &str) -> Self {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Self::None;
        }
        match Decimal::parse_vi(trimmed) {
            Ok(amount) if !amount.is_negative() => Self::MillionVnd(amount),
            _ => Self::Note(trimmed.to_string()),
        }
    }

    /// The amount, if the budget is one.
    pub fn amount(&self) -> Option<Decimal> {
        match self {
            Self::MillionVnd(amount) => Some(*amount),
            _ => None,
        }
    }

    /// As shown in a cell: "3.773", the note, or "".
    pub fn display(&self) -> String {
        match self {
            Self::None => String::new(),
            Self::MillionVnd(amount) => amount.format_vi(),
            Self::Note(note) => note.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vi(text: &str) -> Decimal {
        Decimal::parse_vi(text).unwrap_or_else(|error| panic!("{text}: {error}"))
    }

    #[test]
    fn vietnamese_thousands_and_decimals() {
        assert_eq!(vi("3.773"), Decimal::from_int(3773));
        assert_eq!(vi("1,5"), Decimal::from_millionths(1_500_000));
        assert_eq!(
            vi("1.234.567,25"),
            Decimal::from_millionths(1_234_567_250_000)
        );
        assert_eq!(vi("10"), Decimal::from_int(10));
        assert_eq!(vi(" 1 500 "), Decimal::from_int(1500));
        assert_eq!(vi("0,000001"), Decimal::from_millionths(1));
    }

    #[test]
    fn a_lone_point_before_other_than_three_digits_is_a_decimal_point() {
        assert_eq!(vi("1.5"), Decimal::from_millionths(1_500_000));
        assert_eq!(vi("0.250"), Decimal::from_millionths(250_000));
        assert_eq!(vi("12.50"), Decimal::from_millionths(12_500_000));
    }

    #[test]
    fn malformed_numbers_are_refused() {
        assert_eq!(Decimal::parse_vi("abc"), Err(NumberError::NotANumber));
        assert_eq!(Decimal::parse_vi(""), Err(NumberError::Empty));
        assert_eq!(Decimal::parse_vi("1.23.4"), Err(NumberError::NotANumber));
        assert_eq!(Decimal::parse_vi("1,2345678"), Err(NumberError::TooPrecise));
        assert_eq!(
            Decimal::parse_vi("99999999999999999999"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(Decimal::parse_vi("1,5,5"), Err(NumberError::NotANumber));
    }

    #[test]
    fn formats_the_vietnamese_way() {
        assert_eq!(Decimal::from_int(3773).format_vi(), "3.773");
        assert_eq!(Decimal::from_millionths(1_500_000).format_vi(), "1,5");
        assert_eq!(Decimal::from_int(1_234_567).format_vi(), "1.234.567");
        assert_eq!(Decimal::from_int(150).format_vi(), "150");
        assert_eq!(Decimal::from_int(-1000).format_vi(), "-1.000");
        assert_eq!(Decimal::ZERO.format_vi(), "0");
    }

    #[test]
    fn formatting_agrees_with_a_plain_reference_at_every_size() {
        // The written-out way: 128-bit arithmetic and format!, as the fast path replaced.
        fn reference(value: Decimal, group: char, point: char) -> String {
            let magnitude = value.millionths.unsigned_abs();
            let whole = (magnitude / SCALE as u128).to_string();
            let fraction = magnitude % SCALE as u128;
            let mut out = String::new();
            if value.millionths < 0 {
                out.push('-');
            }
            for (index, digit) in whole.chars().enumerate() {
                if group != '\0' && index > 0 && (whole.len() - index).is_multiple_of(3) {
                    out.push(group);
                }
                out.push(digit);
            }
            if fraction > 0 {
                out.push(point);
                out.push_str(format!("{fraction:06}").trim_end_matches('0'));
            }
            out
        }
        let mut values: Vec<i128> = vec![0, 1, 9, 10, 999_999, 1_000_000, 1_000_001, 1_500_000];
        values.extend([u64::MAX as i128 - 1, u64::MAX as i128, u64::MAX as i128 + 1]);
        values.extend([i128::MAX, i128::MIN + 1, 123_456_789_012_345_678_901_234]);
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..5_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            values.push(i128::from(seed >> (seed % 64)));
        }
        for millionths in values.iter().flat_map(|value| [*value, -*value]) {
            let value = Decimal { millionths };
            assert_eq!(
                value.format_vi(),
                reference(value, '.', ','),
                "{millionths}"
            );
            assert_eq!(
                value.to_machine_string(),
                reference(value, '\0', '.'),
                "{millionths}"
            );
        }
    }

    #[test]
    fn machine_form_round_trips() {
        for text in ["3773", "1.5", "0.000001", "-2", "1234567.25"] {
            let value = Decimal::parse_machine(text).expect(text);
            assert_eq!(value.to_machine_string(), text);
        }
        assert!(Decimal::parse_machine("3.773,5").is_err());
        assert!(Decimal::parse_machine(".5").is_err());
    }

    #[test]
    fn sums_are_exact() {
        let tenths: Decimal = std::iter::repeat_n(vi("0,1"), 10).sum();
        assert_eq!(tenths, Decimal::from_int(1));
        let total: Decimal = [vi("10"), vi("150"), vi("40")].iter().sum();
        assert_eq!(total.format_vi(), "200");
    }

    #[test]
    fn budget_input_is_amount_note_or_nothing() {
        assert_eq!(
            Budget::from_input("3.773"),
            Budget::MillionVnd(Decimal::from_int(3773))
        );
        assert_eq!(
            Budget::from_input("Theo dự trù kinh phí riêng"),
            Budget::Note("Theo dự trù kinh phí riêng".into())
        );
        assert_eq!(Budget::from_input("  "), Budget::None);
        assert_eq!(Budget::from_input("-5"), Budget::Note("-5".into()));
        assert_eq!(Budget::from_input("1,5").display(), "1,5");
    }
}
