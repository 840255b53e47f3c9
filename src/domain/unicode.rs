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
    // Composed Vietnamese (and ASCII) needs no trip to JavaScript: reading a 500-task plan
    // checks some ten thousand texts.
    surely_composed(text) || nfc(text) == text
}

/// Whether `text` is certainly NFC without looking it up: every character is one that NFC keeps
/// as it is whatever surrounds it (Latin letters, precomposed Vietnamese letters, common
/// punctuation, "₫"), so nothing can combine or decompose. `false` means "look it up".
pub fn surely_composed(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(
            c,
            '\0'..='\u{02FF}'
                | '\u{1E00}'..='\u{1EFF}'
                | '\u{2010}'..='\u{2027}'
                | '\u{2030}'..='\u{205E}'
                | '\u{20AB}'
        )
    })
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
    fn what_is_surely_composed_is_composed_in_any_company() {
        let quick = [
            0x0000..=0x02FF,
            0x1E00..=0x1EFF,
            0x2010..=0x2027,
            0x2030..=0x205E,
            0x20AB..=0x20AB,
        ];
        let neighbours = ['a', 'A', 'ơ', 'ư', 'Ê', 'ệ', ' ', '-'];
        for range in quick {
            for code in range {
                let Some(c) = char::from_u32(code) else {
                    continue;
                };
                let alone = c.to_string();
                assert!(surely_composed(&alone), "U+{code:04X}");
                // NFC would change it, or compose it with a neighbour: then it must not be here.
                assert!(unicode_normalization::is_nfc(&alone), "U+{code:04X}");
                for n in neighbours {
                    for pair in [format!("{n}{c}"), format!("{c}{n}")] {
                        assert!(
                            unicode_normalization::is_nfc(&pair),
                            "U+{code:04X} with {n}"
                        );
                    }
                }
            }
        }
        assert!(!surely_composed("Ca\u{309}i"));
        assert!(!surely_composed("\u{2000}"));
        assert!(surely_composed("Cải cách hành chính – “một cửa” … 3.773 ₫"));
    }

    #[test]
    fn vietnamese_composes_and_decomposes() {
        assert_eq!(nfc("Ca\u{309}i ca\u{301}ch"), "Cải cách");
        assert_eq!(nfd("ệ").chars().count(), 3);
        assert!(is_nfc("Cải cách") && !is_nfc("Ca\u{309}i"));
    }
}
