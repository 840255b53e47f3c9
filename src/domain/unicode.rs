//! Unicode normalisation (NFC, NFD) for the domain. Natively it comes from the
//! unicode-normalization crate; in the browser, whose `String.prototype.normalize` holds the
//! same tables already, from JavaScript, so that the app does not ship them a second time
//! (about 20 KB of brotli). The combining-mark test is ours on both sides.

/// `text` composed (NFC).
#[cfg(not(target_arch = "wasm32"))]
pub fn nfc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

/// `text` decomposed (NFD).
#[cfg(not(target_arch = "wasm32"))]
pub fn nfd(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().collect()
}

/// Whether `text` is composed already.
#[cfg(not(target_arch = "wasm32"))]
pub fn is_nfc(text: &str) -> bool {
    unicode_normalization::is_nfc(text)
}

#[cfg(target_arch = "wasm32")]
pub fn nfc(text: &str) -> String {
    // Vietnamese as typed is composed already: no trip to JavaScript for it (a 5 MB import
    // reads tens of thousands of deadlines, each composed before it is parsed).
    if text.chars().all(surely_composed) {
        return text.to_string();
    }
    normalize(text, "NFC")
}

#[cfg(target_arch = "wasm32")]
pub fn nfd(text: &str) -> String {
    normalize(text, "NFD")
}

#[cfg(target_arch = "wasm32")]
pub fn is_nfc(text: &str) -> bool {
    // Vietnamese as typed is composed already: the common case needs no trip to JavaScript.
    text.chars().all(surely_composed) || nfc(text) == text
}

#[cfg(target_arch = "wasm32")]
fn normalize(text: &str, form: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    String::from(js_sys::JsString::from(text).normalize(form))
}

/// Whether NFC leaves `c` as it is whatever comes before or after it: true of ASCII, of the
/// Latin letters Vietnamese writes with (Latin-1, Latin Extended-A and -B, the precomposed
/// letters of Latin Extended Additional: "ă", "ơ", "ệ"), and of the punctuation typed with them
/// ("–", "“”", "…"). None of these is a combining mark, the second half of a composition, or a
/// character NFC replaces, so text made of them alone is NFC without asking the tables.
pub fn surely_composed(c: char) -> bool {
    matches!(c, '\0'..='\u{02FF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2002}'..='\u{20CF}')
}

/// Whether `c` is a combining diacritical mark of the Latin, Greek and Cyrillic scripts (the
/// marks Vietnamese uses are U+0300–U+0323), as the search and sort keys need to know.
pub fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{1AB0}'..='\u{1AF0}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20F0}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every character [`surely_composed`] vouches for, alone and beside every other one of
    /// them and beside the marks Vietnamese uses, composes as the tables say it does.
    #[test]
    fn characters_surely_composed_are_left_as_they_are_by_nfc() {
        let vouched: Vec<char> = ('\0'..='\u{20CF}')
            .filter(|&c| surely_composed(c))
            .collect();
        assert!(vouched.len() > 1_100);
        for &c in &vouched {
            let alone = c.to_string();
            assert!(is_nfc(&alone), "U+{:04X}", c as u32);
        }
        for &first in vouched.iter().step_by(3) {
            for &second in &vouched {
                let pair: String = [first, second].into_iter().collect();
                assert!(
                    is_nfc(&pair),
                    "U+{:04X} U+{:04X}",
                    first as u32,
                    second as u32
                );
            }
        }
        // A mark after a vouched letter is not vouched for, and does compose.
        assert!(!surely_composed('\u{0301}'));
        assert_eq!(nfc("e\u{0301}"), "é");
        // Characters NFC replaces are not vouched for.
        for replaced in ['\u{2000}', '\u{2001}', '\u{2126}', '\u{212B}', '\u{0340}'] {
            assert!(!surely_composed(replaced));
            assert_ne!(nfc(&replaced.to_string()), replaced.to_string());
        }
    }

    #[test]
    fn our_combining_marks_are_unicodes_in_the_latin_greek_and_cyrillic_ranges() {
        let ranges = [
            0x0000..=0x052F,
            0x1AB0..=0x1AFF,
            0x1DC0..=0x1EFF,
            0x20D0..=0x20FF,
            0xFE20..=0xFE2F,
        ];
        for range in ranges {
            for code in range {
                let Some(c) = char::from_u32(code) else {
                    continue;
                };
                assert_eq!(
                    is_combining_mark(c),
                    unicode_normalization::char::is_combining_mark(c),
                    "U+{code:04X}"
                );
            }
        }
    }

    #[test]
    fn typed_vietnamese_is_surely_composed_and_a_separate_mark_is_not() {
        let all = |text: &str| text.chars().all(surely_composed);
        assert!(all("Cải cách hành chính – “một cửa” … 3.773 ₫"));
        assert!(!all("Ca\u{309}i"));
        assert!(!all("\u{2000}"));
    }

    #[test]
    fn vietnamese_composes_and_decomposes() {
        assert_eq!(nfc("Ca\u{309}i ca\u{301}ch"), "Cải cách");
        assert_eq!(nfd("ệ").chars().count(), 3);
        assert!(is_nfc("Cải cách") && !is_nfc("Ca\u{309}i"));
    }
}
