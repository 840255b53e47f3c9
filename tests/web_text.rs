//! Vietnamese text handling in the browser, where normalisation comes from JavaScript's
//! String.prototype.normalize rather than from the crate the native tests use.
#![cfg(target_arch = "wasm32")]

use kehoach::domain::deadline::parse_deadline;
use kehoach::domain::{Milestone, text};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DECOMPOSED: &str = "Ca\u{309}i ca\u{301}ch ha\u{300}nh chi\u{301}nh - Hô\u{323} ti\u{323}ch";

#[wasm_bindgen_test]
fn text_is_composed_on_the_way_in() {
    assert_eq!(text::clean(DECOMPOSED), "Cải cách hành chính - Hộ tịch");
    assert!(!text::is_clean(DECOMPOSED));
    assert!(text::is_clean("Cải cách hành chính"));
    assert_eq!(text::clean("a\u{0}\u{301}"), "á");
}

#[wasm_bindgen_test]
fn search_keys_fold_accents_and_d_whatever_the_form() {
    assert_eq!(
        text::search_key(DECOMPOSED),
        "cai cach hanh chinh - ho tich"
    );
    assert_eq!(text::search_key("Đổi mới"), "doi moi");
    assert_eq!(text::match_rank("ho tich", "Hộ tịch"), Some(1));
    assert_eq!(text::match_rank("hộ tịch", "Hộ tịch"), Some(2));
}

#[wasm_bindgen_test]
fn vietnamese_order_and_tones_hold_in_the_browser() {
    let mut words = vec!["Đông", "Dương", "ăn", "an", "hòa", "hoa", "hoá", "bà"];
    words.sort_by_key(|w| text::sort_key(w));
    assert_eq!(
        words,
        ["an", "ăn", "bà", "Dương", "Đông", "hoa", "hòa", "hoá"]
    );
    assert_eq!(text::sort_key("hoà"), text::sort_key("hòa"));
}

#[wasm_bindgen_test]
fn deadlines_typed_decomposed_read_the_same() {
    assert_eq!(
        parse_deadline("Quy\u{301} I/2024", 2024),
        [Milestone::Quarter {
            year: 2024,
            quarter: 1
        }]
    );
}
