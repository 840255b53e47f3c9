//! Tên đơn vị gửi (senders' names): an issuing body's name brought to one key for matching
//! and to one sort key for Vietnamese order, whatever its spelling, and the list of expected
//! senders read from pasted text.

use std::collections::HashSet;

use crate::domain::text;

/// Words that name the committee rather than the locality: «UBND», «Ủy ban nhân dân».
const COMMITTEE: [&str; 4] = ["uy", "ban", "nhan", "dan"];

/// The words of a locality kind at a name's start, as [`sender_key`] leaves them.
const LOCALITY_WORDS: [&[&str]; 4] = [&["xa"], &["phuong"], &["thi", "tran"], &["dac", "khu"]];

/// Khóa đơn vị: an issuing body's name brought to one form for matching. Accents, đ/Đ, case,
/// punctuation and runs of white space do not count; «UBND» and «Ủy ban nhân dân» (or «Uỷ»)
/// before the locality are left out, so «ỦY BAN NHÂN DÂN XÃ TỊNH MINH», «UBND xã Tịnh Minh»
/// and «Xã Tịnh  Minh» are all «xa tinh minh»; «Phường 01» is «phuong 1». The locality's kind
/// (xã, phường, thị trấn, đặc khu) is kept: a xã and a phường may share a name.
pub fn sender_key(name: &str) -> String {
    let folded = text::search_key(name);
    let mut words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    loop {
        if words.first() == Some(&"ubnd") {
            words.remove(0);
        } else if words.starts_with(&COMMITTEE) {
            words.drain(..COMMITTEE.len());
        } else {
            break;
        }
    }
    let mut key = String::with_capacity(folded.len());
    for word in words {
        if !key.is_empty() {
            key.push(' ');
        }
        // «01» and «1» are the same ward number.
        let digits = word.bytes().all(|b| b.is_ascii_digit());
        let trimmed = word.trim_start_matches('0');
        key.push_str(if digits && !trimmed.is_empty() {
            trimmed
        } else {
            word
        });
    }
    key
}

/// Khóa sắp xếp: the Vietnamese sort key ([`text::sort_key`]) of a name without «UBND» or «Ủy
/// ban nhân dân» and the locality's kind before it, so that «ỦY BAN NHÂN DÂN XÃ SƠN CHÂU»,
/// «UBND phường An Hòa» and «Xã Tịnh Minh» sort as An Hòa, Sơn Châu, Tịnh Minh.
pub fn sort_name_key(name: &str) -> Vec<u32> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|word| text::search_key(word)).collect();
    let mut skip = 0;
    loop {
        let rest: Vec<&str> = folded[skip..].iter().map(String::as_str).collect();
        skip += if rest.first() == Some(&"ubnd") {
            1
        } else if rest.starts_with(&COMMITTEE) {
            COMMITTEE.len()
        } else if let Some(kind) = LOCALITY_WORDS
            .iter()
            .find(|kind| rest.len() > kind.len() && rest.starts_with(kind))
        {
            kind.len()
        } else {
            break;
        };
    }
    let mut key = text::sort_key(&words[skip..].join(" "));
    // Two of one name (a xã and a phường) keep an order: by the whole name.
    key.push(0);
    key.extend(text::sort_key(name));
    key
}

/// The key without its locality kind («xa tinh minh» → «tinh minh»), or `None` if it has none.
pub(super) fn bare_name(key: &str) -> Option<&str> {
    let words: Vec<&str> = key.split(' ').collect();
    let kind = LOCALITY_WORDS
        .iter()
        .find(|kind| words.len() > kind.len() && words.starts_with(kind))?;
    let skip: usize = kind.iter().map(|word| word.len() + 1).sum();
    Some(&key[skip..])
}

/// One expected sender (đơn vị phải gửi) as the list names it, with its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedSender {
    pub name: String,
    pub key: String,
}

/// Danh sách đơn vị phải gửi, read from pasted text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExpectedList {
    /// Each sender once, in the order first listed.
    pub senders: Vec<ExpectedSender>,
    /// Lines naming a sender already listed, as written: told of, not counted twice.
    pub duplicates: Vec<String>,
}

/// Words of a column heading pasted with the list («STT», «Tên đơn vị»), as keys.
const HEADINGS: [&str; 7] = [
    "stt",
    "tt",
    "ten",
    "don vi",
    "ten don vi",
    "co quan",
    "ten co quan",
];

/// A cell of a pasted line without its numbering («1.», «2)», «03») or bullet («-», «•»).
fn without_numbering(cell: &str) -> &str {
    let cell = cell.trim();
    let digits = cell.len() - cell.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &cell[digits..];
    let rest = if digits > 0 {
        rest.strip_prefix(['.', ')', ':']).unwrap_or(rest)
    } else {
        rest.trim_start_matches(['-', '+', '*', '•', '–'])
    };
    rest.trim()
}

/// Reads a pasted list of expected senders, one a line: numbering («1.», «2)»), bullets, blank
/// lines and a heading row are passed over; from a row copied out of Excel (cells parted by
/// tabs) the first cell holding a name is taken. A sender listed twice is kept once.
pub fn parse_expected(pasted: &str) -> ExpectedList {
    let mut list = ExpectedList::default();
    let mut seen: HashSet<String> = HashSet::new();
    for line in pasted.lines() {
        let name = line
            .split('\t')
            .map(without_numbering)
            .find(|cell| !cell.is_empty());
        // A heading row («STT», «Tên đơn vị») names no sender.
        let Some(name) = name.filter(|cell| !HEADINGS.contains(&text::search_key(cell).as_str()))
        else {
            continue;
        };
        let name = text::clean(name)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let key = sender_key(&name);
        if key.is_empty() {
            continue;
        }
        if !seen.insert(key.clone()) {
            list.duplicates.push(name);
        } else {
            list.senders.push(ExpectedSender { name, key });
        }
    }
    list
}
