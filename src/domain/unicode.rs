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
    normalize(text, "NFC")
}

#[cfg(target_arch = "wasm32")]
pub fn nfd(text: &str) -> String {
    normalize(text, "NFD")
}

#[cfg(target_arch = "wasm32")]
pub fn is_nfc(text: &str) -> bool {
    // ASCII is always composed: the common case needs no trip to JavaScript.
    text.is_ascii() || nfc(text) == text
}

#[cfg(target_arch = "wasm32")]
fn normalize(text: &str, form: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    String::from(js_sys::JsString::from(text).normalize(form))
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
    fn vietnamese_composes_and_decomposes() {
        assert_eq!(nfc("Ca\u{309}i ca\u{301}ch"), "Cải cách");
        assert_eq!(nfd("ệ").chars().count(), 3);
        assert!(is_nfc("Cải cách") && !is_nfc("Ca\u{309}i"));
    }
}
