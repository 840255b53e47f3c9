//! Đơn vị gửi (who sent what): the names of issuing bodies brought to one key, the list of
//! expected senders as pasted, and where each sender stands in a round — received, missing,
//! resubmitted, refused, or received without being expected.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use super::ItemKind;
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
fn bare_name(key: &str) -> Option<&str> {
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

/// Một hồ sơ đã nhận: what the inbox knows of one received file, refused or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedItem {
    /// Cơ quan ban hành as the file names it (the envelope's, for a refused file).
    pub issuing_body: String,
    pub year: i32,
    pub kind: ItemKind,
    /// Thời điểm nhận: ISO 8601, so that it sorts as text.
    pub received_at: String,
    /// What tells versions apart: the content's checksum. The same file received twice is one
    /// version.
    pub version: String,
    /// Bị từ chối: the file could not be taken in (damaged, from a newer app …).
    pub refused: bool,
}

/// Đợt tiếp nhận: the plans of a year, or the reports of one period of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Round {
    pub year: i32,
    pub kind: ItemKind,
}

/// Tình trạng gửi of a sender in a round, in the order a follow-up list puts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Standing {
    /// Chưa gửi: expected, nothing received.
    Missing,
    /// Bị từ chối: only files that could not be taken in.
    Refused,
    /// Đã gửi lại: more than one version received.
    Resubmitted,
    /// Đã nhận: one version received.
    Received,
}

impl Standing {
    /// The standing as the list writes it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Missing => "Chưa gửi",
            Self::Refused => "Bị từ chối",
            Self::Resubmitted => "Đã gửi lại",
            Self::Received => "Đã nhận",
        }
    }
}

/// Where one sender stands in a round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SenderStanding {
    /// The name as the expected list writes it, else as its first file does.
    pub name: String,
    pub key: String,
    /// Whether the expected list names it (a sender it does not name is «ngoài danh sách»).
    pub expected: bool,
    pub standing: Standing,
    /// Số phiên bản: distinct versions taken in.
    pub versions: usize,
    /// Files refused.
    pub refused: usize,
    /// When its latest file came, refused or not.
    pub last_received_at: Option<String>,
    /// Its files, as positions in the items given to [`standings`], in the order received.
    pub items: Vec<usize>,
    sort: Vec<u32>,
}

impl SenderStanding {
    fn new(name: String, key: String, expected: bool) -> Self {
        Self {
            sort: sort_name_key(&name),
            name,
            key,
            expected,
            standing: Standing::Missing,
            versions: 0,
            refused: 0,
            last_received_at: None,
            items: Vec::new(),
        }
    }
}

/// The counts a round shows at a glance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoundCounts {
    pub expected: usize,
    /// Senders with a version taken in (resubmitted ones included), expected or not.
    pub received: usize,
    pub missing: usize,
    pub resubmitted: usize,
    /// Senders with only refused files.
    pub refused: usize,
    /// Ngoài danh sách: received from a sender the list does not name.
    pub unexpected: usize,
    /// Files that name no issuing body (the standing [`UNKNOWN_SENDER`]).
    pub unknown_files: usize,
}

/// The name of the standing that holds the files naming no issuing body.
pub const UNKNOWN_SENDER: &str = "Không rõ đơn vị gửi";

impl RoundCounts {
    pub fn of(standings: &[SenderStanding]) -> Self {
        let mut counts = Self::default();
        for standing in standings {
            if standing.key.is_empty() {
                counts.unknown_files += standing.items.len();
                continue;
            }
            counts.expected += usize::from(standing.expected);
            counts.unexpected += usize::from(!standing.expected);
            match standing.standing {
                Standing::Missing => counts.missing += 1,
                Standing::Refused => counts.refused += 1,
                Standing::Resubmitted => {
                    counts.resubmitted += 1;
                    counts.received += 1;
                }
                Standing::Received => counts.received += 1,
            }
        }
        counts
    }
}

/// Where every sender stands in `round`: each expected sender (in the list's order), then each
/// sender of a file of the round that the list does not name (in the order their first file
/// came). A file's sender is matched by [`sender_key`]; failing that, a list entry written
/// without its kind («Tịnh Minh») takes the one sender of that name. Files that name no issuing
/// body are gathered under [`UNKNOWN_SENDER`], with an empty key. Linear in the number of files
/// and senders: each name is brought to its key once.
pub fn standings(
    expected: &ExpectedList,
    items: &[ReceivedItem],
    round: Round,
) -> Vec<SenderStanding> {
    let mut out: Vec<SenderStanding> = Vec::with_capacity(expected.senders.len());
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_bare: HashMap<&str, Option<usize>> = HashMap::new();
    for sender in &expected.senders {
        by_key.insert(sender.key.clone(), out.len());
        if bare_name(&sender.key).is_none() {
            by_bare.insert(sender.key.as_str(), Some(out.len()));
        }
        out.push(SenderStanding::new(
            sender.name.clone(),
            sender.key.clone(),
            true,
        ));
    }
    let mut order: Vec<usize> = (0..items.len())
        .filter(|&at| items[at].year == round.year && items[at].kind == round.kind)
        .collect();
    order.sort_by(|&a, &b| items[a].received_at.cmp(&items[b].received_at));
    let mut versions: Vec<Vec<&str>> = vec![Vec::new(); out.len()];
    let mut claimed: HashMap<usize, String> = HashMap::new();
    for at in order {
        let item = &items[at];
        let key = sender_key(&item.issuing_body);
        let found = by_key.get(&key).copied().or_else(|| {
            let index = by_bare.get(bare_name(&key)?).copied().flatten()?;
            // A bare entry stands for one sender: a second of that name and another kind
            // («xã» and «phường» Tịnh Minh) is not taken for it.
            let owner = claimed.entry(index).or_insert_with(|| key.clone());
            (*owner == key).then_some(index)
        });
        let index = match found {
            Some(index) => index,
            None => {
                by_key.insert(key.clone(), out.len());
                let name = if key.is_empty() {
                    UNKNOWN_SENDER.to_string()
                } else {
                    item.issuing_body.clone()
                };
                out.push(SenderStanding::new(name, key, false));
                versions.push(Vec::new());
                out.len() - 1
            }
        };
        let standing = &mut out[index];
        standing.items.push(at);
        standing.last_received_at = Some(item.received_at.clone());
        if item.refused {
            standing.refused += 1;
        } else if !versions[index].contains(&item.version.as_str()) {
            versions[index].push(&item.version);
        }
    }
    for (standing, seen) in out.iter_mut().zip(&versions) {
        standing.versions = seen.len();
        standing.standing = match (seen.len(), standing.refused) {
            (0, 0) => Standing::Missing,
            (0, _) => Standing::Refused,
            (1, _) => Standing::Received,
            _ => Standing::Resubmitted,
        };
    }
    out
}

/// What a follow-up list sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    /// Tên đơn vị, in Vietnamese alphabetical order ([`sort_name_key`]).
    Name,
    /// Tình trạng: missing first, then refused, resubmitted, received.
    Standing,
    /// Thời điểm nhận gần nhất: never-received first.
    LastReceived,
    /// Số phiên bản.
    Versions,
}

/// Sorts `list` by `by` (then by name), `descending` reversing the first key only.
pub fn sort_standings(list: &mut [SenderStanding], by: SortBy, descending: bool) {
    list.sort_by(|a, b| {
        let first = match by {
            SortBy::Name => Ordering::Equal,
            SortBy::Standing => a.standing.cmp(&b.standing),
            SortBy::LastReceived => a.last_received_at.cmp(&b.last_received_at),
            SortBy::Versions => a.versions.cmp(&b.versions),
        };
        let name = a.sort.cmp(&b.sort);
        let first = if by == SortBy::Name { name } else { first };
        let first = if descending { first.reverse() } else { first };
        first.then(name)
    });
}

/// The positions in `list` of the senders whose key ([`sender_key`]) holds the query's: accents,
/// case, spacing and «UBND» aside, so «tinh minh» finds «UBND xã Tịnh Minh» and «an» does not
/// find every «Ủy ban nhân dân»; every position for a blank query.
pub fn search_standings(list: &[SenderStanding], query: &str) -> Vec<usize> {
    let query = sender_key(query);
    (0..list.len())
        .filter(|&at| list[at].key.contains(&query))
        .collect()
}
