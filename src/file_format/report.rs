//! The import report: every problem found in a file, where it is, and what was done about it,
//! in Vietnamese for the person importing.

use std::fmt;

/// What happened to the part that had the problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Read anyway, with the value repaired as the message says.
    Repaired,
    /// Left out; the rest was read.
    Skipped,
    /// Nothing was changed, but the person should know (a damaged checksum, for example).
    Warning,
}

/// One problem in an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is: "Lĩnh vực 2, nhiệm vụ d"; empty for the file as a whole.
    pub location: String,
    /// What is wrong and what was done: "kinh phí «abc» không phải là số, đã giữ làm ghi chú".
    pub message: String,
    pub outcome: Outcome,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}

/// Every problem found while reading a file or a stored record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub problems: Vec<Problem>,
}

/// A hostile file could produce millions of problems; a person reads the first ones.
const MAX_PROBLEMS: usize = 1_000;

impl ImportReport {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// The problems as lines for the person importing.
    pub fn lines(&self) -> Vec<String> {
        self.problems.iter().map(ToString::to_string).collect()
    }

    pub(crate) fn push(&mut self, location: String, message: String, outcome: Outcome) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem {
                location,
                message,
                outcome,
            });
        } else if self.problems.len() == MAX_PROBLEMS {
            self.problems.push(Problem {
                location: String::new(),
                message: "Còn nhiều lỗi khác không được liệt kê.".into(),
                outcome: Outcome::Warning,
            });
        }
    }

    /// Puts a problem about the file as a whole first, as if it had been found first: the
    /// report then holds what [`push`](Self::push) would have kept.
    pub(crate) fn push_first(&mut self, (location, message, outcome): (String, String, Outcome)) {
        self.problems.insert(
            0,
            Problem {
                location,
                message,
                outcome,
            },
        );
        if self.problems.len() > MAX_PROBLEMS {
            self.problems.truncate(MAX_PROBLEMS);
            self.push(String::new(), String::new(), Outcome::Warning);
        }
    }
}
