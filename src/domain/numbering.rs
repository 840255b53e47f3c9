//! How the official document numbers its parts: Roman numerals for sections and groups
//! (I., II.), Arabic numbers (1., 2.), and Vietnamese point letters (a), b) … đ) …).

/// Point letters (điểm) in Vietnamese alphabet order without the vowel variants and without f,
/// j, w, z. Whether "ư" follows "u" is unsettled in practice; it is left out here, and this is
/// the one place to change it.
pub const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The letter of the point at `index` (0-based): 0 → "a", 4 → "đ", 22 → "y". Past "y" the
/// letters double ("aa", "bb" …), as long lists in legal texts do.
pub fn point_letter(index: usize) -> String {
    let letter = POINT_LETTERS[index % POINT_LETTERS.len()];
    letter.repeat(index / POINT_LETTERS.len() + 1)
}

/// The label of a point as printed: "a)", "đ)".
pub fn point_label(index: usize) -> String {
    format!("{})", point_letter(index))
}

/// Roman numeral of `number` (1-based) for sections and table groups: 4 → "IV". Zero and
/// numbers past 3999, which no plan reaches, fall back to Arabic digits.
pub fn roman(number: usize) -> String {
    if number == 0 || number > 3999 {
        return number.to_string();
    }
    const PARTS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = number;
    let mut out = String::new();
    for (value, symbol) in PARTS {
        while rest >= value {
            out.push_str(symbol);
            rest -= value;
        }
    }
    out
}

/// Capital letter of a sub-group in a table (A, B …), by 0-based index; past Z they double.
pub fn group_letter(index: usize) -> String {
    let letter = char::from(b'A' + (index % 26) as u8);
    letter.to_string().repeat(index / 26 + 1)
}

/// `text` after a list marker ("- ", "+ "), unless the drafter already wrote one.
pub fn marked(marker: &str, text: &str) -> String {
    let text = text.trim();
    if text.starts_with("- ") || text.starts_with("+ ") || text.starts_with("– ") {
        text.to_string()
    } else {
        format!("{marker} {text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_letters_skip_f_j_w_z_and_include_dd() {
        let letters: Vec<String> = (0..23).map(point_letter).collect();
        assert_eq!(letters[..6], ["a", "b", "c", "d", "đ", "e"]);
        assert_eq!(letters[6], "g");
        assert_eq!(letters.last().map(String::as_str), Some("y"));
        for banned in ["f", "j", "w", "z"] {
            assert!(
                !letters.iter().any(|l| l == banned),
                "{banned} must not be used"
            );
        }
        assert_eq!(point_letter(23), "aa");
        assert_eq!(point_label(4), "đ)");
    }

    #[test]
    fn roman_numerals() {
        let numerals: Vec<String> = (1..=10).map(roman).collect();
        assert_eq!(
            numerals,
            ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        );
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(roman(0), "0");
    }

    #[test]
    fn group_letters() {
        assert_eq!(group_letter(0), "A");
        assert_eq!(group_letter(1), "B");
        assert_eq!(group_letter(26), "AA");
    }

    #[test]
    fn a_list_marker_is_added_once() {
        assert_eq!(marked("-", "- Như Điều 3"), "- Như Điều 3");
        assert_eq!(marked("+", "Kế hoạch"), "+ Kế hoạch");
    }
}
