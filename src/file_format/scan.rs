//! Finding the plans of a file without building its JSON tree: a resumable pass over the bytes
//! that notes where the envelope's `payload.plans` array lies and where each of its items
//! starts and ends. Each item is then parsed on its own, a step at a time, so that a 5 MB backup
//! never holds the page for long.
//!
//! The pass trusts nothing: it only splits. The envelope without its plans and every item are
//! still parsed by `serde_json`, and a file with anything the pass does not expect (a key
//! written with escapes, a repeated `payload` or `plans`, nesting near the parser's limit, text
//! after the end) is handed back whole to the ordinary parser, which gives the same answer, or
//! the same error, as it always has.
//!
//! The pass does not check the encoding: bytes that are not UTF-8 are never ASCII, so they
//! cannot move a split, and each lands in an item or in the envelope: `serde_json` refuses them
//! inside any string it parses (and outside strings they are not JSON), and a plan only checked
//! for being well-formed has its encoding checked too. Each such refusal ends in the ordinary
//! parser, which checks the encoding first and says the file is not text. Checking here as
//! well had read every byte of a file twice.

use std::ops::Range;

/// serde_json refuses nesting deeper than 128; a file that nests near that is read whole, so
/// that it meets the same refusal in the same place.
const MAX_DEPTH: usize = 120;

/// What the pass found once it reached the end of the file.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// The file is one object whose `payload` object has a `plans` array: the bytes between its
    /// brackets, and each item's bytes, without the commas and the space around them.
    Plans {
        inside: Range<usize>,
        items: Vec<Range<usize>>,
    },
    /// Anything else: read the file whole.
    Unusual,
}

/// Which key's value the pass is in, for the two levels it looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Key {
    Payload,
    Plans,
    #[default]
    Other,
}

/// The resumable pass. `advance` reads a bounded number of bytes at a time.
#[derive(Debug, Default)]
pub struct Scanner {
    at: usize,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// Where the string being read started, when it is a key of the envelope or the payload.
    key_start: Option<usize>,
    /// Inside the envelope (depth 1) and the payload (depth 2): whether the next string is a
    /// key, and the last key read.
    expect_key: [bool; 3],
    key: [Key; 3],
    seen_payload: bool,
    seen_plans: bool,
    /// Inside the payload object (at depth 2 or deeper).
    in_payload: bool,
    /// The `plans` array: where its contents start, the item being read, the items so far.
    plans_open: Option<usize>,
    item_start: Option<usize>,
    items: Vec<Range<usize>>,
    inside: Option<Range<usize>>,
    /// The top-level object has closed.
    closed: bool,
    unusual: bool,
}

impl Scanner {
    /// Reads up to `budget` more bytes: `Some(_)` once the whole file has been read (or found
    /// unusual), `None` while there is more.
    pub fn advance(&mut self, bytes: &[u8], budget: usize) -> Option<Found> {
        let end = bytes.len().min(self.at.saturating_add(budget));
        while self.at < end && !self.unusual {
            if self.in_string && !self.escaped {
                // Most of a file is text inside strings: go straight to its next quote or
                // backslash, the only bytes that matter there.
                let rest = &bytes[self.at..end];
                match rest.iter().position(|&byte| byte == b'"' || byte == b'\\') {
                    Some(skip) => self.at += skip,
                    None => {
                        self.at = end;
                        break;
                    }
                }
            }
            let byte = bytes[self.at];
            if self.in_string {
                self.string_byte(bytes, byte);
            } else {
                self.structure_byte(byte);
            }
            self.at += 1;
        }
        if self.unusual {
            // The ordinary parser reads the rest; it checks the encoding itself first.
            return Some(Found::Unusual);
        }
        if self.at < bytes.len() {
            return None;
        }
        Some(match (self.closed, self.inside.take()) {
            (true, Some(inside)) => Found::Plans {
                inside,
                items: std::mem::take(&mut self.items),
            },
            _ => Found::Unusual,
        })
    }

    fn string_byte(&mut self, bytes: &[u8], byte: u8) {
        if self.escaped {
            self.escaped = false;
            return;
        }
        match byte {
            b'\\' => {
                self.escaped = true;
                // A key of the envelope or payload written with escapes ("pay\u006coad") means
                // what the parser decodes it to; leave such a file to the parser.
                if self.key_start.is_some() {
                    self.unusual = true;
                }
            }
            b'"' => {
                self.in_string = false;
                if let Some(start) = self.key_start.take() {
                    let key = match &bytes[start..self.at] {
                        b"payload" if self.depth == 1 => Key::Payload,
                        b"plans" if self.depth == 2 => Key::Plans,
                        _ => Key::Other,
                    };
                    // A repeated key means its last value, which the parser knows best.
                    let seen = match key {
                        Key::Payload => Some(&mut self.seen_payload),
                        Key::Plans => Some(&mut self.seen_plans),
                        Key::Other => None,
                    };
                    if seen.is_some_and(|seen| std::mem::replace(seen, true)) {
                        self.unusual = true;
                    }
                    self.key[self.depth] = key;
                    self.expect_key[self.depth] = false;
                }
            }
            _ => {}
        }
    }

    fn structure_byte(&mut self, byte: u8) {
        if self.closed {
            if !is_json_space(byte) {
                self.unusual = true;
            }
            return;
        }
        let in_plans = self.plans_open.is_some();
        // An item of the plans array starts at its first byte that is not space or a comma.
        if in_plans
            && self.depth == 3
            && self.item_start.is_none()
            && !is_json_space(byte)
            && byte != b','
            && byte != b']'
        {
            self.item_start = Some(self.at);
        }
        match byte {
            b'"' => {
                self.in_string = true;
                let keyed = (1..=2).contains(&self.depth) && self.expect_key[self.depth];
                if keyed && (self.depth == 1 || self.in_payload) {
                    self.key_start = Some(self.at + 1);
                }
            }
            b'{' | b'[' => self.open(byte),
            b'}' | b']' => self.close(),
            b',' => {
                if in_plans && self.depth == 3 {
                    self.end_item();
                } else if (1..=2).contains(&self.depth) {
                    self.expect_key[self.depth] = true;
                }
            }
            _ => {}
        }
    }

    fn open(&mut self, byte: u8) {
        if self.depth == 0 && byte != b'{' {
            self.unusual = true;
            return;
        }
        let parent = self.depth;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.unusual = true;
            return;
        }
        match (parent, byte) {
            (0, _) => self.expect_key[1] = true,
            (1, b'{') if self.key[1] == Key::Payload => {
                self.in_payload = true;
                self.expect_key[2] = true;
                self.key[2] = Key::Other;
            }
            (1, b'[') if self.key[1] == Key::Payload => self.unusual = true,
            (1, _) => {
                // An object or array that is not the payload: its contents are not looked at.
                self.expect_key[2] = false;
            }
            (2, b'[') if self.in_payload && self.key[2] == Key::Plans => {
                self.plans_open = Some(self.at + 1);
            }
            (2, b'{') if self.in_payload && self.key[2] == Key::Plans => self.unusual = true,
            _ => {}
        }
    }

    fn close(&mut self) {
        if self.depth == 0 {
            self.unusual = true;
            return;
        }
        if let (Some(open), 3) = (self.plans_open, self.depth) {
            // The plans array ends: its last item, if any, ends here. A comma just before the
            // bracket ("[a,]") is for the parser to report.
            if self.item_start.is_some() {
                self.end_item();
            } else if !self.items.is_empty() {
                self.unusual = true;
            }
            self.inside = Some(open..self.at);
            self.plans_open = None;
        }
        self.depth -= 1;
        match self.depth {
            0 => self.closed = true,
            1 => {
                self.in_payload = false;
                self.expect_key[1] = false;
            }
            _ => {}
        }
    }

    /// Ends the item being read at the comma or bracket the pass is at. A comma with no item
    /// before it ("[,a]", "[a,,b]") is for the parser to report.
    fn end_item(&mut self) {
        match self.item_start.take() {
            Some(start) => self.items.push(start..self.at),
            None => self.unusual = true,
        }
    }
}

/// JSON's white space: space, tab, line feed, carriage return (not form feed, which
/// `is_ascii_whitespace` also takes and `serde_json` refuses).
fn is_json_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}
