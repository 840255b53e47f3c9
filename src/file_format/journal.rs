//! Bản nháp chưa lưu và các thẻ (the unsaved-typing journal and other tabs): the head line of a
//! journal entry, and the revision rules that say whether typing journaled by a tab that closed
//! can be carried on from, and whether a save announced by another tab makes this tab's copy
//! out of date. The browser side (localStorage, BroadcastChannel) is in `state`.

/// The head line of a journal entry: the revision the typing was made from, whether a save from
/// that revision was under way (it may have landed as the next revision), and the tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalHead {
    pub base: u32,
    pub saving: bool,
    /// The tab's session; an entry written before sessions were recorded has none.
    pub session: Option<String>,
}

impl JournalHead {
    /// "7 1 2f9c…": base revision, 1 if a save was under way, the session.
    pub fn line(&self) -> String {
        format!(
            "{} {} {}",
            self.base,
            u8::from(self.saving),
            self.session.as_deref().unwrap_or_default()
        )
    }

    /// The head and the plan's JSON of a stored entry (head line, newline, JSON).
    pub fn split(entry: &str) -> Option<(Self, &str)> {
        let (head, json) = entry.split_once('\n')?;
        let mut fields = head.split(' ');
        let (base, saving, session) = (fields.next()?, fields.next()?, fields.next());
        let head = Self {
            base: base.parse().ok()?,
            saving: saving == "1",
            session: session.filter(|s| !s.is_empty()).map(String::from),
        };
        Some((head, json))
    }

    /// Whether the typing can be carried on from: it was made from the stored revision, or its
    /// tab's save was under way and the stored revision (saved by `saved_by`) is that save.
    /// Otherwise another tab, an import or a restore has replaced what it was made from.
    pub fn is_current(&self, stored_revision: u32, saved_by: Option<&str>) -> bool {
        let landed = self.saving
            && self.base + 1 == stored_revision
            && self.session.is_some()
            && self.session.as_deref() == saved_by;
        self.base == stored_revision || landed
    }

    /// Whether the entry is this tab's (`session`) to remove once its save lands: an entry of
    /// no recorded tab counts as anyone's.
    pub fn is_of(&self, session: &str) -> bool {
        self.session.as_deref().is_none_or(|own| own == session)
    }
}

/// Whether a save of revision `saved` announced by another tab makes out of date a copy edited
/// from revision `base` (none yet: a plan never stored).
pub fn outdated_by(base: Option<u32>, saved: u32) -> bool {
    base.is_none_or(|base| saved > base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(base: u32, saving: bool, session: Option<&str>) -> JournalHead {
        JournalHead {
            base,
            saving,
            session: session.map(String::from),
        }
    }

    #[test]
    fn a_head_line_reads_back_as_written() {
        let written = head(7, true, Some("tab-a"));
        let entry = format!("{}\n{{\"id\":\"p\"}}", written.line());
        assert_eq!(entry.lines().next(), Some("7 1 tab-a"));
        assert_eq!(
            JournalHead::split(&entry),
            Some((written, "{\"id\":\"p\"}"))
        );
        // An entry of before sessions; a damaged one.
        assert_eq!(
            JournalHead::split("3 0\n{}"),
            Some((head(3, false, None), "{}"))
        );
        assert_eq!(JournalHead::split("x 0 s\n{}"), None);
        assert_eq!(JournalHead::split("3 0 s"), None);
    }

    #[test]
    fn typing_is_current_if_made_from_the_stored_revision_or_its_own_save_landed() {
        assert!(head(4, false, Some("a")).is_current(4, Some("b")));
        // Its own save was under way and landed as revision 5.
        assert!(head(4, true, Some("a")).is_current(5, Some("a")));
        // Revision 5 is another tab's save: the typing is stale.
        assert!(!head(4, true, Some("a")).is_current(5, Some("b")));
        // No save was under way, or it would be revision 5, not 6.
        assert!(!head(4, false, Some("a")).is_current(5, Some("a")));
        assert!(!head(4, true, Some("a")).is_current(6, Some("a")));
        // A head of no tab cannot claim a save as its own.
        assert!(!head(4, true, None).is_current(5, None));
    }

    #[test]
    fn a_tab_removes_only_its_own_journal() {
        assert!(head(1, false, Some("a")).is_of("a"));
        assert!(!head(1, false, Some("a")).is_of("b"));
        assert!(head(1, false, None).is_of("b"));
    }

    #[test]
    fn only_a_newer_revision_saved_elsewhere_outdates_a_copy() {
        assert!(outdated_by(Some(3), 4));
        assert!(!outdated_by(Some(4), 4));
        assert!(!outdated_by(Some(5), 4));
        assert!(outdated_by(None, 1));
    }
}
