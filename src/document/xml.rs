//! XML text for the Word and Excel files: the one escaping both writers use, which can never
//! produce a part that is not well-formed, whatever text a plan holds.

/// Whether XML 1.0 lets `c` stand in a document: tab, newline, carriage return, and everything
/// from U+0020 on except the surrogates (which a `char` cannot be) and U+FFFE, U+FFFF. The other
/// non-characters are allowed but mean nothing, so they are left out too.
fn is_allowed(c: char) -> bool {
    match c {
        '\t' | '\n' => true,
        c if c < ' ' => false,
        c => !crate::domain::text::is_noncharacter(c),
    }
}

/// Escapes text for XML content and attributes, leaving out what XML cannot carry (a carriage
/// return too: it would be read back as a newline).
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_controls_dropped() {
        assert_eq!(
            escape("a < b & \"c\" 'd' \u{1}\r"),
            "a &lt; b &amp; &quot;c&quot; &apos;d&apos; "
        );
        assert_eq!(escape("dòng 1\n\tdòng 2"), "dòng 1\n\tdòng 2");
    }

    #[test]
    fn characters_xml_cannot_carry_are_dropped() {
        assert_eq!(escape("a\u{FFFE}b\u{FFFF}c\u{FDD0}d\u{10FFFF}"), "abcd");
        // Everything else, the replacement character and letters of other planes included, stays.
        assert_eq!(escape("\u{FFFD}𝔸\u{202E}"), "\u{FFFD}𝔸\u{202E}");
    }
}
