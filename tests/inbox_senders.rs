//! Who sent what (issue #22): senders' names matched whatever their spelling, a pasted list of
//! expected senders read as people paste it, and each sender's standing in a round.
#![cfg(not(target_arch = "wasm32"))]

use kehoach::domain::inbox::{
    ItemKind, ReceivedItem, Round, RoundCounts, SortBy, Standing, UNKNOWN_SENDER, parse_expected,
    search_standings, sender_key, sort_standings, standings,
};
use kehoach::domain::progress::ReportPeriod;
use kehoach::domain::unicode::nfd;

#[test]
fn one_key_for_every_spelling_of_a_committee() {
    let key = sender_key("ỦY BAN NHÂN DÂN XÃ TỊNH MINH");
    assert_eq!(key, "xa tinh minh");
    for spelling in [
        "UBND xã Tịnh Minh",
        "Uỷ ban nhân dân xã Tịnh Minh",
        "Ủy ban nhân dân  xã\tTịnh Minh.",
        "ubnd XA TINH MINH",
        "Xã Tịnh Minh",
        &nfd("Ủy ban nhân dân xã Tịnh Minh"),
    ] {
        assert_eq!(sender_key(spelling), key, "{spelling}");
    }
    assert_eq!(sender_key("UBND Phường 01"), "phuong 1");
    assert_eq!(sender_key("UBND đặc khu Côn Đảo"), "dac khu con dao");
    assert_eq!(sender_key("UBND thị trấn Sơn Tịnh"), "thi tran son tinh");
    // A xã and a phường of one name are two senders.
    assert_ne!(
        sender_key("UBND xã Tịnh Minh"),
        sender_key("UBND phường Tịnh Minh")
    );
}

#[test]
fn a_pasted_list_passes_over_numbering_headings_blank_lines_and_duplicates() {
    let pasted = "STT\tTên đơn vị\tGhi chú\n\
                  1\tUBND xã Tịnh Minh\tđã nhắc\n\
                  \n\
                  2. Ủy ban nhân dân phường Trương Quang Trọng\r\n\
                  3) UBND đặc khu Lý Sơn\n\
                  - UBND xã Tịnh  Minh\n\
                  • Xã Sơn Châu\n   \n";
    let list = parse_expected(pasted);
    let names: Vec<&str> = list.senders.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "UBND xã Tịnh Minh",
            "Ủy ban nhân dân phường Trương Quang Trọng",
            "UBND đặc khu Lý Sơn",
            "Xã Sơn Châu",
        ]
    );
    assert_eq!(list.duplicates, ["UBND xã Tịnh Minh"]);
    assert_eq!(list.senders[1].key, "phuong truong quang trong");
}

fn item(body: &str, kind: ItemKind, at: &str, version: &str, refused: bool) -> ReceivedItem {
    ReceivedItem {
        issuing_body: body.to_string(),
        year: 2026,
        kind,
        received_at: format!("2026-01-{at}T08:00:00+07:00"),
        version: version.to_string(),
        refused,
    }
}

const PLAN: ItemKind = ItemKind::Plan;
const ROUND: Round = Round {
    year: 2026,
    kind: ItemKind::Plan,
};

#[test]
fn each_sender_is_received_missing_resubmitted_refused_or_unexpected() {
    let list = parse_expected(
        "UBND xã An Phú\nUBND xã Bình Minh\nUBND xã Cát Tiên\nĐức Phổ\nUBND phường Ea",
    );
    let items = [
        item("ỦY BAN NHÂN DÂN XÃ AN PHÚ", PLAN, "10", "a1", false),
        // The same file twice is one version.
        item("UBND xã An Phú", PLAN, "11", "a1", false),
        item("UBND xã Bình Minh", PLAN, "09", "b1", false),
        item("UBND xã Bình Minh", PLAN, "12", "b2", false),
        item("UBND xã Cát Tiên", PLAN, "08", "", true),
        // A list entry without its kind takes the one sender of that name.
        item("UBND phường Đức Phổ", PLAN, "13", "d1", false),
        item("UBND xã Gò Nổi", PLAN, "14", "g1", false),
        // A file that names no issuing body, refused.
        item("  ", PLAN, "16", "", true),
        // Another round's files do not count.
        item(
            "UBND phường Ea",
            ItemKind::Report(ReportPeriod::FirstQuarter),
            "15",
            "e1",
            false,
        ),
    ];
    let list = standings(&list, &items, ROUND);
    let got: Vec<(&str, Standing, bool, usize)> = list
        .iter()
        .map(|s| (s.name.as_str(), s.standing, s.expected, s.versions))
        .collect();
    assert_eq!(
        got,
        [
            ("UBND xã An Phú", Standing::Received, true, 1),
            ("UBND xã Bình Minh", Standing::Resubmitted, true, 2),
            ("UBND xã Cát Tiên", Standing::Refused, true, 0),
            ("Đức Phổ", Standing::Received, true, 1),
            ("UBND phường Ea", Standing::Missing, true, 0),
            ("UBND xã Gò Nổi", Standing::Received, false, 1),
            (UNKNOWN_SENDER, Standing::Refused, false, 0),
        ]
    );
    assert_eq!(list[0].items, [0, 1]);
    assert_eq!(
        list[1].last_received_at.as_deref(),
        Some("2026-01-12T08:00:00+07:00")
    );
    assert_eq!(
        RoundCounts::of(&list),
        RoundCounts {
            expected: 5,
            received: 4,
            missing: 1,
            resubmitted: 1,
            refused: 1,
            unexpected: 1,
            unknown_files: 1,
        }
    );
}

#[test]
fn a_bare_entry_stands_for_one_sender_only() {
    let list = parse_expected("Tịnh Minh");
    let items = [
        item("UBND xã Tịnh Minh", PLAN, "10", "x", false),
        item("UBND phường Tịnh Minh", PLAN, "11", "p", false),
    ];
    let list = standings(&list, &items, ROUND);
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].items, [0]);
    assert!(!list[1].expected);
}

#[test]
fn the_list_sorts_by_vietnamese_order_or_standing_and_searches_without_accents() {
    // The committee and the locality's kind, however written, do not count in the order.
    let list = parse_expected(
        "UBND xã Đông Sơn\nỦY BAN NHÂN DÂN XÃ DƯƠNG MINH\nPhường Ân Đức\nUBND xã An Hòa",
    );
    let items = [item("UBND xã Dương Minh", PLAN, "10", "v", false)];
    let mut list = standings(&list, &items, ROUND);
    sort_standings(&mut list, SortBy::Name, false);
    let names = |list: &[kehoach::domain::inbox::SenderStanding]| -> Vec<String> {
        list.iter()
            .map(|s| {
                let words: Vec<&str> = s.name.split(' ').collect();
                words[words.len() - 2..].join(" ").to_lowercase()
            })
            .collect()
    };
    // a < â, d < đ.
    assert_eq!(names(&list), ["an hòa", "ân đức", "dương minh", "đông sơn"]);
    sort_standings(&mut list, SortBy::Name, true);
    assert_eq!(names(&list)[0], "đông sơn");
    sort_standings(&mut list, SortBy::Standing, true);
    assert_eq!(names(&list)[0], "dương minh");
    // Missing ones (never received) first, then by name.
    sort_standings(&mut list, SortBy::LastReceived, false);
    assert_eq!(names(&list), ["an hòa", "ân đức", "đông sơn", "dương minh"]);
    sort_standings(&mut list, SortBy::Name, false);
    assert_eq!(search_standings(&list, "an"), [0, 1]);
    assert_eq!(search_standings(&list, "DONG son"), [3]);
    assert_eq!(search_standings(&list, "hoà"), [0]);
    assert_eq!(search_standings(&list, "  ").len(), 4);
    assert_eq!(search_standings(&list, "Tịnh"), [] as [usize; 0]);
}
