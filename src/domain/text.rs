//! Vietnamese text: NFC on the way in, accent-insensitive search keys (đ folds to d), and
//! sort keys in Vietnamese alphabetical order with tones as a secondary difference.

use super::unicode::{is_combining_mark, is_nfc, nfc, nfd};

/// Text as stored: NFC, line ends as "\n", and nothing that no Vietnamese document needs and
/// that a reader or a file format could be hurt by: no control characters other than newline
/// and tab, no non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and their kin, which XML 1.0
/// cannot carry), and no bidi embedding, override or isolate that is not closed again on its
/// own line (an open U+202E would reverse whatever the app writes after the text).
pub fn clean(text: &str) -> String {
    clean_reporting(text).0
}

/// What [`clean`] removed from a text, for the import report: the first character of each
/// kind, so the report can name it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    /// A control character (line ends are unified, not removed).
    pub control: Option<char>,
    /// A non-character (ký tự không dùng trong văn bản).
    pub noncharacter: Option<char>,
    /// A bidi control left open or closing nothing (ký tự đổi hướng chữ).
    pub bidi: Option<char>,
}

/// [`clean`], also saying what was removed.
pub fn clean_reporting(text: &str) -> (String, Removed) {
    // Most text is clean already; knowing that needs one look at each byte, where cleaning
    // copies it three times and, in the browser, asks JavaScript to compose it.
    if surely_clean(text) {
        return (text.to_string(), Removed::default());
    }
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let paired = paired_bidi(&unified);
    let mut bidi_seen = 0;
    let mut removed = Removed::default();
    // Removals go before composing: a control between a letter and its mark would otherwise
    // keep them apart in NFC and leave an uncomposed pair once dropped.
    let kept: String = unified
        .chars()
        .filter(|&c| {
            let slot = if is_unwanted_control(c) {
                &mut removed.control
            } else if is_noncharacter(c) {
                &mut removed.noncharacter
            } else if is_bidi_control(c) {
                bidi_seen += 1;
                if paired.get(bidi_seen - 1) == Some(&true) {
                    return true;
                }
                &mut removed.bidi
            } else {
                return true;
            };
            slot.get_or_insert(c);
            false
        })
        .collect();
    (nfc(&kept), removed)
}

/// `text` with its first letter in upper case: "xã" → "Xã", "rà soát" → "Rà soát".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` as it reads inside a sentence: its first letter in lower case, unless its first word
/// is an abbreviation ("Rà soát" → "rà soát", "UBND xã" stays).
pub fn in_sentence(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// Whether `text` is already as [`clean`] would leave it (cheap check before copying).
pub fn is_clean(text: &str) -> bool {
    surely_clean(text)
        || (is_nfc(text)
            && !text
                .chars()
                .any(|c| is_unwanted_control(c) || is_noncharacter(c))
            && paired_bidi(text).into_iter().all(|paired| paired))
}

/// A control character other than newline and tab.
fn is_unwanted_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t')
}

/// Unicode's non-characters: U+FDD0–U+FDEF and the last two code points of every plane.
pub fn is_noncharacter(c: char) -> bool {
    let code = c as u32;
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

/// The bidi controls that open an embedding, an override or an isolate, or close one.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// For each bidi control of `text`, in order, whether it is part of a pair nested properly on
/// one line: an opener (LRE, RLE, LRO, RLO; LRI, RLI, FSI) closed by its own kind of closer
/// (PDF; PDI) before the line ends. What is left after removing the others is such pairs only,
/// so cleaning twice removes nothing more.
fn paired_bidi(text: &str) -> Vec<bool> {
    let mut paired = Vec::new();
    if !text.contains(is_bidi_control) {
        return paired;
    }
    let isolate = |c: char| matches!(c, '\u{2066}'..='\u{2069}');
    // Openers not yet closed: their number among the controls, and the opener.
    let mut open: Vec<(usize, char)> = Vec::new();
    for c in text.chars() {
        match c {
            '\n' => open.clear(),
            '\u{202C}' | '\u{2069}' => {
                let closes = open
                    .last()
                    .is_some_and(|&(_, opener)| isolate(opener) == isolate(c));
                if let Some((opener, _)) = closes.then(|| open.pop()).flatten() {
                    paired[opener] = true;
                }
                paired.push(closes);
            }
            c if is_bidi_control(c) => {
                open.push((paired.len(), c));
                paired.push(false);
            }
            _ => {}
        }
    }
    paired
}

/// Whether every character of `text` is newline, tab, or [`surely_composed`] and neither a
/// control character nor a bidi control: clean for certain. Read byte by byte from the UTF-8,
/// without decoding characters, as an import reads every text of a file through it. False says
/// only "look closer".
fn surely_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        at += match byte {
            b'\n' | b'\t' | 0x20..=0x7E => 1,
            // U+0080–U+02FF, but U+0080–U+009F (C2 80–C2 9F) are control characters.
            0xC2 if bytes.get(at + 1).is_some_and(|next| *next < 0xA0) => return false,
            0xC2..=0xCB => 2,
            // U+1E00–U+1EFF: E1 B8 80 to E1 BB BF.
            0xE1 if matches!(bytes.get(at + 1), Some(0xB8..=0xBB)) => 3,
            // U+2002–U+20CF: E2 80 82 to E2 83 8F, less the bidi controls U+202A–U+202E
            // (E2 80 AA–AE) and U+2066–U+2069 (E2 81 A6–A9).
            0xE2 => match (bytes.get(at + 1), bytes.get(at + 2)) {
                (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9)) => {
                    return false;
                }
                (Some(0x80), Some(0x82..))
                | (Some(0x81 | 0x82), _)
                | (Some(0x83), Some(..=0x8F)) => 3,
                _ => return false,
            },
            _ => return false,
        };
    }
    true
}

/// Accent-insensitive search key: lower case, no tone or letter marks, "đ" as "d", runs of
/// white space as one space. "Hộ tịch" → "ho tich".
pub fn search_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in nfd(text).chars() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// How well `text` matches the search `query`: `None` if some word of the query is missing,
/// otherwise a rank where exact-accent matches (2) come before accent-insensitive ones (1).
pub fn match_rank(query: &str, text: &str) -> Option<u8> {
    let folded_text = search_key(text);
    let words: Vec<String> = search_key(query).split(' ').map(str::to_string).collect();
    if !words.iter().all(|word| folded_text.contains(word.as_str())) {
        return None;
    }
    let exact_text = clean(text).to_lowercase();
    let exact_query = clean(query.trim()).to_lowercase();
    Some(if exact_text.contains(&exact_query) {
        2
    } else {
        1
    })
}

/// Letters in Vietnamese alphabetical order; f, j, w and z (foreign words) sit where Latin
/// puts them.
const ALPHABET: [&str; 33] = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
    "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
];

/// Tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

/// Sort key for Vietnamese alphabetical order: letters first (a < ă < â < b … d < đ …), tones
/// second, case last. Compare keys with `Ord`.
pub fn sort_key(text: &str) -> Vec<u32> {
    let mut primary = Vec::new();
    let mut secondary = Vec::new();
    let mut tertiary = Vec::new();
    // A syllable carries one tone whichever vowel it sits on ("hoà" = "hòa"), so tones are
    // compared per syllable rather than per letter.
    let mut syllable_tone = 0;
    for (letter, tone, upper) in letter_clusters(text) {
        primary.push(letter);
        tertiary.push(u32::from(upper));
        if is_letter_rank(letter) {
            syllable_tone = syllable_tone.max(tone);
        } else {
            secondary.push(syllable_tone);
            syllable_tone = 0;
        }
    }
    secondary.push(syllable_tone);
    primary.push(0);
    primary.extend(secondary);
    primary.push(0);
    primary.extend(tertiary);
    primary
}

fn is_letter_rank(rank: u32) -> bool {
    (LETTER_BASE..LETTER_BASE + ALPHABET.len() as u32).contains(&rank)
}

const LETTER_BASE: u32 = 1000;

/// Splits text into (letter rank, tone rank, is upper case) per base character.
fn letter_clusters(text: &str) -> Vec<(u32, u32, bool)> {
    let mut out: Vec<(u32, u32, bool)> = Vec::new();
    let mut base = String::new();
    let mut tone = 0;
    let mut upper = false;
    let flush = |base: &mut String, tone: &mut u32, upper: &mut bool, out: &mut Vec<_>| {
        if let Some(rank) = letter_rank(base) {
            out.push((rank, *tone, *upper));
        }
        base.clear();
        *tone = 0;
        *upper = false;
    };
    for c in nfd(text).chars() {
        if is_combining_mark(c) {
            if let Some(position) = TONES.iter().position(|&t| t == c) {
                tone = position as u32 + 1;
            } else {
                base.push(c);
            }
            continue;
        }
        flush(&mut base, &mut tone, &mut upper, &mut out);
        upper = c.is_uppercase();
        match c {
            'đ' | 'Đ' => base.push('đ'),
            _ => base.extend(c.to_lowercase()),
        }
    }
    flush(&mut base, &mut tone, &mut upper, &mut out);
    out
}

/// Rank of a base letter with its letter-forming marks (breve, circumflex, horn) in NFD.
fn letter_rank(base: &str) -> Option<u32> {
    let mut chars = base.chars();
    let first = chars.next()?;
    let composed = nfc(base);
    if let Some(position) = ALPHABET.iter().position(|&letter| letter == composed) {
        // Digits and spaces take the ranks below letters.
        return Some(LETTER_BASE + position as u32);
    }
    if first.is_ascii_digit() {
        return Some(100 + first as u32 - '0' as u32);
    }
    if first.is_whitespace() {
        return Some(1);
    }
    // Anything else after the letters, in code point order.
    Some(2000 + first as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::unicode::surely_composed;

    /// The byte reading agrees with the characters' own: every character from U+0000 to
    /// U+2FFF, and the edges of each range, alone and between letters.
    #[test]
    fn surely_clean_reads_the_bytes_as_the_characters_say() {
        let by_chars = |text: &str| {
            text.chars().all(|c| {
                matches!(c, '\n' | '\t')
                    || (!c.is_control() && !is_bidi_control(c) && surely_composed(c))
            })
        };
        let mut tried = 0;
        for c in (0..=0x2FFF_u32)
            .chain(0xFFF0..=0x1_0010)
            .filter_map(char::from_u32)
        {
            for text in [
                c.to_string(),
                format!("ệ{c}a"),
                format!("a{c}"),
                format!("{c}ơ"),
            ] {
                assert_eq!(
                    surely_clean(&text),
                    by_chars(&text),
                    "{:?} (U+{:04X})",
                    text,
                    c as u32
                );
                tried += 1;
            }
        }
        assert!(tried > 40_000);
        assert!(surely_clean("Cải cách hành chính – “năm 2025”…\n\tQuý IV"));
        assert!(!surely_clean("Ca\u{309}i"));
        assert!(!surely_clean("a\u{85}b"));
    }

    #[test]
    fn clean_composes_nfd_and_drops_control_characters() {
        let decomposed = "Ca\u{309}i ca\u{301}ch ha\u{300}nh chi\u{301}nh";
        assert_eq!(clean(decomposed), "Cải cách hành chính");
        assert_eq!(clean("a\u{0}b\r\nc\u{7}"), "ab\nc");
        assert!(is_clean("Cải cách"));
        assert!(!is_clean(decomposed));
    }

    #[test]
    fn a_control_between_a_letter_and_its_mark_leaves_composed_text() {
        // Found by fuzzing: "a", NUL, combining acute used to clean to "a" + U+0301.
        let cleaned = clean("a\u{0}\u{301}");
        assert_eq!(cleaned, "á");
        assert!(is_clean(&cleaned));
        assert_eq!(clean(&cleaned), cleaned);
    }

    #[test]
    fn clean_drops_noncharacters_and_says_which() {
        let (cleaned, removed) = clean_reporting("Văn\u{FFFE} bản\u{FFFF}\u{FDD0} \u{10FFFF}số");
        assert_eq!(cleaned, "Văn bản số");
        assert_eq!(removed.noncharacter, Some('\u{FFFE}'));
        assert_eq!(removed.control, None);
        assert!(!is_clean("a\u{FFFF}"));
        assert!(
            is_clean("a\u{FFFD}"),
            "the replacement character is ordinary text"
        );
        for c in ['\u{FDCF}', '\u{FDF0}', '\u{FFFD}', '\u{1FFFD}'] {
            assert!(!is_noncharacter(c), "U+{:04X}", c as u32);
        }
        for c in [
            '\u{FDD0}',
            '\u{FDEF}',
            '\u{FFFE}',
            '\u{1FFFF}',
            '\u{10FFFE}',
        ] {
            assert!(is_noncharacter(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn an_open_bidi_override_is_dropped_and_a_closed_pair_kept() {
        // An open RLO would reverse the app's own text written after the field.
        let (cleaned, removed) = clean_reporting("ỦY BAN\u{202E} NHÂN DÂN");
        assert_eq!(cleaned, "ỦY BAN NHÂN DÂN");
        assert_eq!(removed.bidi, Some('\u{202E}'));
        // A pair closed on its line stays, nested pairs too.
        let pair = "a \u{202B}b \u{2067}c\u{2069}\u{202C} d";
        assert_eq!(
            clean_reporting(pair),
            (pair.to_string(), Removed::default())
        );
        assert!(is_clean(pair));
        // A closer of the wrong kind, a closer of nothing, and a pair across a line end.
        assert_eq!(clean("\u{2067}x\u{202C}y\u{2069}"), "\u{2067}xy\u{2069}");
        assert_eq!(clean("x\u{202C}\u{2069}"), "x");
        assert_eq!(clean("\u{202E}x\ny\u{202C}"), "x\ny");
        // An isolate's closer inside an override it does not close leaves the override open.
        assert_eq!(clean("\u{2066}\u{202E}x\u{2069}"), "x");
    }

    #[test]
    fn clean_is_idempotent_on_mixed_hostile_text() {
        let samples = [
            "\u{202E}\u{202E}\u{202C}",
            "\u{2068}\u{202A}\u{2069}\u{202C}\u{2069}",
            "a\u{0}\u{FFFE}\u{301}\u{202E}",
            "\u{202D}x\r\ny\u{202C}",
            "\u{2066}\u{2066}\u{2069}",
        ];
        for sample in samples {
            let once = clean(sample);
            assert!(is_clean(&once), "{sample:?} → {once:?}");
            assert_eq!(clean(&once), once, "{sample:?}");
            assert!(
                paired_bidi(&once).into_iter().all(|p| p),
                "{sample:?} → {once:?}"
            );
        }
    }

    #[test]
    fn search_key_folds_accents_and_dd() {
        assert_eq!(search_key("Cải cách hành chính"), "cai cach hanh chinh");
        assert_eq!(search_key("Tư pháp - Hộ tịch"), "tu phap - ho tich");
        assert_eq!(search_key("ĐỊA CHÍNH   Xây dựng"), "dia chinh xay dung");
        assert_eq!(search_key("hoà"), search_key("hòa"));
    }

    #[test]
    fn match_rank_prefers_exact_accents() {
        assert_eq!(
            match_rank("cai cach", "Kế hoạch Cải cách hành chính"),
            Some(1)
        );
        assert_eq!(
            match_rank("cải cách", "Kế hoạch Cải cách hành chính"),
            Some(2)
        );
        assert_eq!(
            match_rank("ho tich", "Công chức Tư pháp - Hộ tịch"),
            Some(1)
        );
        assert_eq!(
            match_rank("tich ho", "Công chức Tư pháp - Hộ tịch"),
            Some(1)
        );
        assert_eq!(match_rank("dia chinh", "Địa chính - Xây dựng"), Some(1));
        assert_eq!(match_rank("tài chính", "Văn hóa - Xã hội"), None);
    }

    #[test]
    fn vietnamese_alphabetical_order() {
        let mut words = vec![
            "đường",
            "dân",
            "ăn",
            "an",
            "ân",
            "ô",
            "ơ",
            "o",
            "ư",
            "u",
            "b",
        ];
        words.sort_by_key(|w| sort_key(w));
        assert_eq!(
            words,
            [
                "an",
                "ăn",
                "ân",
                "b",
                "dân",
                "đường",
                "o",
                "ô",
                "ơ",
                "u",
                "ư"
            ]
        );
    }

    #[test]
    fn tones_order_second_after_letters() {
        let mut words = vec!["má", "mạ", "mà", "ma", "mã", "mả", "mai"];
        words.sort_by_key(|w| sort_key(w));
        assert_eq!(words, ["ma", "mà", "mả", "mã", "má", "mạ", "mai"]);
        // Tone placement variants fold to the same key.
        assert_eq!(sort_key("hoà"), sort_key("hòa"));
    }
}
