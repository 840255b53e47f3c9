//! Tolerant reading of JSON values: each helper takes what it can, repairs what it may, and
//! records every problem with where it is. Nothing here panics on any input.

use serde_json::{Map, Value};

use super::report::{ImportReport, Outcome};
use crate::domain::{Deadline, Named, text};

/// The longest text kept in one field, in characters; longer text is cut and reported.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// The most items kept in one list (areas, tasks of an area, rows, paragraphs …).
pub const MAX_LIST_ITEMS: usize = 5_000;

/// How many different deadlines a reader keeps (`Reader::deadline`).
const KEPT_DEADLINES: usize = 64;

/// Reads parts of a file while tracking the location (in Vietnamese) for the report.
pub struct Reader<'r> {
    report: &'r mut ImportReport,
    location: Vec<String>,
    deadlines: KnownDeadlines,
}

/// Deadlines read so far, with their plan year: a plan writes the same few deadlines
/// ("Thường xuyên", "Quý IV/2024") on most of its tasks, and the plans of one year in a
/// backup write them again, so each is read once ([`Reader::deadline`]).
#[derive(Default)]
pub struct KnownDeadlines(Vec<(i32, Deadline)>);

impl<'r> Reader<'r> {
    pub fn new(report: &'r mut ImportReport) -> Self {
        Self {
            report,
            location: Vec::new(),
            deadlines: KnownDeadlines::default(),
        }
    }

    /// This reader, starting from the deadlines another reader of the same file read.
    pub fn knowing(self, deadlines: KnownDeadlines) -> Self {
        Self { deadlines, ..self }
    }

    /// The deadlines this reader read, for the next reader of the same file.
    pub fn into_known(self) -> KnownDeadlines {
        self.deadlines
    }

    /// The deadline `text` read against `plan_year` (`Deadline::new`), from the ones read
    /// already when it was met before.
    pub fn deadline(&mut self, text: String, plan_year: i32) -> Deadline {
        let mut known = self.deadlines.0.iter();
        if let Some((_, deadline)) = known.find(|(y, d)| *y == plan_year && d.text == text) {
            return deadline.clone();
        }
        let deadline = Deadline::new(text, plan_year);
        // A few dozen cover a real plan; a file of thousands of different ones is read
        // without keeping them, so that looking them up stays cheap.
        if self.deadlines.0.len() < KEPT_DEADLINES {
            self.deadlines.0.push((plan_year, deadline.clone()));
        }
        deadline
    }

    /// Runs `read` with `part` added to the location ("Lĩnh vực 2", "nhiệm vụ d").
    pub fn within<T>(&mut self, part: impl Into<String>, read: impl FnOnce(&mut Self) -> T) -> T {
        self.location.push(part.into());
        let result = read(self);
        self.location.pop();
        result
    }

    /// Records a problem at the current location.
    pub fn problem(&mut self, message: impl Into<String>, outcome: Outcome) {
        let location = self
            .location
            .iter()
            .filter(|part| !part.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        self.report.push(location, message.into(), outcome);
    }

    /// The value under the first of `keys` present: the current name, then older aliases.
    pub fn field<'v>(object: &'v Map<String, Value>, keys: &[&str]) -> Option<&'v Value> {
        keys.iter().find_map(|key| object.get(*key))
    }

    /// `value` as an object, or a problem naming `label`.
    pub fn object<'v>(&mut self, value: &'v Value, label: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(object) => Some(object),
            Value::Null => None,
            other => {
                self.problem(
                    format!(
                        "{label} có dạng {} thay vì một đối tượng, đã bỏ qua",
                        kind_of(other)
                    ),
                    Outcome::Skipped,
                );
                None
            }
        }
    }

    /// A text field; a number or yes/no becomes text, anything else is reported and left empty.
    pub fn text(&mut self, object: &Map<String, Value>, keys: &[&str], label: &str) -> String {
        match Self::field(object, keys) {
            None | Some(Value::Null) => String::new(),
            Some(value) => self.text_value(value, label),
        }
    }

    /// One text value, cleaned (NFC, no control characters) and cut to [`MAX_TEXT_CHARS`].
    pub fn text_value(&mut self, value: &Value, label: &str) -> String {
        let raw = match value {
            Value::String(text) => text.clone(),
            Value::Number(number) => {
                self.problem(
                    format!("{label} là số, đã đổi thành chữ"),
                    Outcome::Repaired,
                );
                number.to_string()
            }
            Value::Bool(flag) => {
                self.problem(
                    format!("{label} là giá trị đúng/sai, đã đổi thành chữ"),
                    Outcome::Repaired,
                );
                flag.to_string()
            }
            Value::Null => return String::new(),
            other => {
                self.problem(
                    format!("{label} có dạng {} thay vì chữ, đã bỏ qua", kind_of(other)),
                    Outcome::Skipped,
                );
                return String::new();
            }
        };
        self.clean_text(raw, label)
    }

    fn clean_text(&mut self, raw: String, label: &str) -> String {
        let mut cleaned = if text::is_clean(&raw) {
            raw
        } else {
            self.normalise(&raw, label)
        };
        // A text of no more bytes than the limit has no more characters either: skip the walk.
        let too_long = cleaned.len() > MAX_TEXT_CHARS;
        if let Some((cut, _)) = too_long
            .then(|| cleaned.char_indices().nth(MAX_TEXT_CHARS))
            .flatten()
        {
            cleaned.truncate(cut);
            self.problem(
                format!(
                    "{label} dài quá {} ký tự, đã cắt bớt phần sau",
                    count(MAX_TEXT_CHARS)
                ),
                Outcome::Repaired,
            );
        }
        cleaned
    }

    fn normalise(&mut self, raw: &str, label: &str) -> String {
        // Recomposing NFD text is routine (it depends on the keyboard) and goes unreported,
        // and so is unifying line ends; dropping characters is worth telling.
        let (cleaned, removed) = text::clean_reporting(raw);
        if removed.control.is_some() {
            self.problem(
                format!("{label} có ký tự điều khiển, đã bỏ đi"),
                Outcome::Repaired,
            );
        }
        if let Some(c) = removed.noncharacter {
            self.problem(
                format!(
                    "{label} có ký tự không dùng trong văn bản ({}), đã bỏ đi",
                    code_point(c)
                ),
                Outcome::Repaired,
            );
        }
        if let Some(c) = removed.bidi {
            self.problem(
                format!(
                    "{label} có ký tự đổi hướng chữ ({}) không được đóng lại, đã bỏ đi",
                    code_point(c)
                ),
                Outcome::Repaired,
            );
        }
        cleaned
    }

    /// A list of texts; a single text is taken as a list of one.
    pub fn texts(
        &mut self,
        object: &Map<String, Value>,
        keys: &[&str],
        label: &str,
    ) -> Vec<String> {
        match Self::field(object, keys) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                let items = self.capped(items, label);
                items
                    .iter()
                    .map(|item| self.text_value(item, label))
                    .filter(|text| !text.is_empty())
                    .collect()
            }
            Some(value) => {
                let single = self.text_value(value, label);
                if single.is_empty() {
                    Vec::new()
                } else {
                    vec![single]
                }
            }
        }
    }

    /// A list of objects, each read by `read` within its own location (`item_label(index)`).
    /// An item that cannot be read is skipped; the others are kept.
    pub fn list<T>(
        &mut self,
        object: &Map<String, Value>,
        keys: &[&str],
        label: &str,
        item_label: impl Fn(usize) -> String,
        mut read: impl FnMut(&mut Self, &Value, usize) -> Option<T>,
    ) -> Vec<T> {
        match Self::field(object, keys) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                let items = self.capped(items, label);
                let mut out = Vec::with_capacity(items.len());
                for (index, item) in items.iter().enumerate() {
                    if let Some(value) = self.within(item_label(index), |r| read(r, item, index)) {
                        out.push(value);
                    }
                }
                out
            }
            Some(other) => {
                self.problem(
                    format!(
                        "{label} có dạng {} thay vì danh sách, đã bỏ qua",
                        kind_of(other)
                    ),
                    Outcome::Skipped,
                );
                Vec::new()
            }
        }
    }

    fn capped<'v>(&mut self, items: &'v [Value], label: &str) -> &'v [Value] {
        if items.len() > MAX_LIST_ITEMS {
            self.problem(
                format!(
                    "{label} có {} mục, quá giới hạn {limit}; chỉ đọc {limit} mục đầu",
                    count(items.len()),
                    limit = count(MAX_LIST_ITEMS)
                ),
                Outcome::Repaired,
            );
            &items[..MAX_LIST_ITEMS]
        } else {
            items
        }
    }

    /// A yes/no field; "true"/"false" text is accepted, anything else reported as false.
    pub fn flag(
        &mut self,
        object: &Map<String, Value>,
        keys: &[&str],
        label: &str,
        default: bool,
    ) -> bool {
        match Self::field(object, keys) {
            None | Some(Value::Null) => default,
            Some(Value::Bool(flag)) => *flag,
            Some(Value::String(text)) if text == "true" || text == "false" => text == "true",
            Some(other) => {
                self.problem(
                    format!(
                        "{label} có dạng {} thay vì đúng/sai, đã dùng giá trị mặc định",
                        kind_of(other)
                    ),
                    Outcome::Repaired,
                );
                default
            }
        }
    }

    /// A whole number within `min..=max`; a number written as text is accepted.
    pub fn integer(
        &mut self,
        object: &Map<String, Value>,
        keys: &[&str],
        label: &str,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        let value = Self::field(object, keys)?;
        let number = match value {
            Value::Null => return None,
            Value::Number(number) => number.as_i64(),
            Value::String(text) => text.trim().parse::<i64>().ok(),
            _ => None,
        };
        match number {
            Some(number) if (min..=max).contains(&number) => Some(number),
            _ => {
                self.problem(
                    format!(
                        "{label} «{}» không phải là số hợp lệ, đã bỏ qua",
                        preview(value)
                    ),
                    Outcome::Skipped,
                );
                None
            }
        }
    }

    /// One of a fixed set of names, as the domain type names its values
    /// ([`Named::from_name`]); an unknown one is reported and `default` used.
    pub fn named<T: Named>(
        &mut self,
        object: &Map<String, Value>,
        keys: &[&str],
        label: &str,
        default: T,
    ) -> T {
        self.named_if_any(object, keys, label).unwrap_or(default)
    }

    /// [`named`](Self::named) with no default: `None` when the field is missing or unknown.
    pub fn named_if_any<T: Named>(
        &mut self,
        object: &Map<String, Value>,
        keys: &[&str],
        label: &str,
    ) -> Option<T> {
        self.choice(object, keys, label, T::NAMES)
            .and_then(|index| T::ALL.get(index).copied())
    }

    /// Which of `names` the field holds, by position; `None` when it is missing, and when it
    /// is unknown or not a name, which is reported (the caller then uses its default).
    /// Not generic, so that its messages are in the wasm once.
    pub fn choice(
        &mut self,
        object: &Map<String, Value>,
        keys: &[&str],
        label: &str,
        names: &[&str],
    ) -> Option<usize> {
        let problem = match Self::field(object, keys) {
            None | Some(Value::Null) => return None,
            Some(Value::String(name)) => match names.iter().position(|known| known == name) {
                Some(index) => return Some(index),
                None => format!(
                    "{label} «{}» không rõ, đã dùng giá trị mặc định",
                    shorten(name)
                ),
            },
            Some(other) => format!(
                "{label} có dạng {}, đã dùng giá trị mặc định",
                kind_of(other)
            ),
        };
        self.problem(problem, Outcome::Repaired);
        None
    }
}

/// A count written the Vietnamese way: 100000 → "100.000".
pub fn count(number: usize) -> String {
    crate::domain::Decimal::from_int(i64::try_from(number).unwrap_or(i64::MAX)).format_vi()
}

/// The JSON kind of a value, in Vietnamese.
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "rỗng",
        Value::Bool(_) => "đúng/sai",
        Value::Number(_) => "số",
        Value::String(_) => "chữ",
        Value::Array(_) => "danh sách",
        Value::Object(_) => "đối tượng",
    }
}

/// "U+202E": how a character that cannot be shown is named in a message.
fn code_point(c: char) -> String {
    // Written by hand: `{:04X}` would bring the hexadecimal formatting into the wasm for this.
    let code = c as u32;
    let digits = if code > 0xF_FFFF {
        6
    } else if code > 0xFFFF {
        5
    } else {
        4
    };
    let mut out = String::from("U+");
    for place in (0..digits).rev() {
        out.push(char::from(
            b"0123456789ABCDEF"[(code >> (place * 4) & 0xF) as usize],
        ));
    }
    out
}

/// A short quotation of a value for a message.
pub fn preview(value: &Value) -> String {
    match value {
        Value::String(text) => shorten(text),
        other => shorten(&other.to_string()),
    }
}

/// At most 60 characters of `text`, cleaned, with "…" when cut.
pub fn shorten(text: &str) -> String {
    let cleaned = text::clean(text);
    match cleaned.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &cleaned[..cut]),
        None => cleaned,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn code_points_are_named_as_unicode_writes_them() {
        let named =
            ['\u{202E}', '\u{FFFE}', '\u{1FFFE}', '\u{10FFFF}', '\u{1}'].map(super::code_point);
        assert_eq!(named, ["U+202E", "U+FFFE", "U+1FFFE", "U+10FFFF", "U+0001"]);
    }
}
