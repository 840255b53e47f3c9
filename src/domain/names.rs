//! Tên trong tệp (file-format names) of the plan's fixed choices — cấp, loại đơn vị, lĩnh vực,
//! quyền hạn ký, chu kỳ … — each enum's names declared once, here, for the reader, the writer's
//! tests and the editor's choices alike.

use super::appendix::{AppendixColumns, AppendixRows, RowNumbering};
use super::deadline::Recurrence;
use super::plan::{AdminEra, DocumentForm, Level, LocalityKind, PartAnchor, SigningAuthority};
use super::task::{AreaKind, RoleKind};

/// A fixed choice of the plan with a name in the file format (the name serde writes).
pub trait Named: Copy + PartialEq + 'static {
    /// Every value, in the order the editor offers them.
    const ALL: &'static [Self];

    /// The name of each value of [`Named::ALL`], in the same order: every name the reader
    /// accepts (no value has an older name to be read by).
    const NAMES: &'static [&'static str];

    /// The name in the file format: "civil_service", "on_behalf" …
    fn as_str(self) -> &'static str;

    /// The value a file names, if the name is one of ours.
    fn from_name(name: &str) -> Option<Self> {
        let index = Self::NAMES.iter().position(|known| *known == name)?;
        Self::ALL.get(index).copied()
    }
}

/// Declares the names of an enum's values: `as_str`, `ALL`, `NAMES` and `from_name` on the
/// type itself and through [`Named`], all from one list.
macro_rules! names {
    ($type:ty { $($value:ident => $name:literal,)+ }) => {
        impl $type {
            /// Every value, in the order the editor offers them.
            pub const ALL: &'static [Self] = &[$(Self::$value,)+];

            /// The name of each value of `ALL`, in the same order.
            pub const NAMES: &'static [&'static str] = &[$($name,)+];

            /// The name in the file format, as serde writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$value => $name,)+
                }
            }

            /// The value a file names, if the name is one of ours.
            pub fn from_name(name: &str) -> Option<Self> {
                <Self as Named>::from_name(name)
            }
        }

        impl Named for $type {
            const ALL: &'static [Self] = <$type>::ALL;
            const NAMES: &'static [&'static str] = <$type>::NAMES;

            fn as_str(self) -> &'static str {
                <$type>::as_str(self)
            }
        }
    };
}

impl DocumentForm {
    /// The names of its kinds (`"kind"` in the file): a plan on its own, or issued by a
    /// decision (quyết định).
    pub const KINDS: &'static [&'static str] = &["standalone", "decision"];
}

impl AppendixRows {
    /// The names of its kinds (`"kind"` in the file): rows drawn from the key tasks, or rows
    /// of the table's own.
    pub const KINDS: &'static [&'static str] = &["key_tasks", "own"];
}

names!(Level {
    Commune => "commune",
    District => "district",
    Province => "province",
});

names!(AdminEra {
    TwoLevel => "two_level",
    ThreeLevel => "three_level",
});

names!(LocalityKind {
    Xa => "xa",
    Phuong => "phuong",
    ThiTran => "thi_tran",
    DacKhu => "dac_khu",
    Huyen => "huyen",
    ThiXa => "thi_xa",
    ThanhPho => "thanh_pho",
    Quan => "quan",
    Tinh => "tinh",
});

names!(AreaKind {
    Direction => "direction",
    Institutions => "institutions",
    Procedures => "procedures",
    Organisation => "organisation",
    CivilService => "civil_service",
    PublicFinance => "public_finance",
    DigitalGovernment => "digital_government",
    Custom => "custom",
});

names!(SigningAuthority {
    Direct => "direct",
    OnBehalf => "on_behalf",
    Deputy => "deputy",
    Acting => "acting",
    ByOrder => "by_order",
    ByAuthorisation => "by_authorisation",
});

names!(PartAnchor {
    LegalBases => "legal_bases",
    Requirements => "requirements",
    Targets => "targets",
    Areas => "areas",
    Funding => "funding",
    Implementation => "implementation",
});

names!(AppendixColumns {
    LeadAndPartner => "lead_and_partner",
    Executor => "executor",
});

names!(RowNumbering {
    RunOn => "run_on",
    RestartPerGroup => "restart_per_group",
});

names!(RoleKind {
    Lead => "lead",
    Other => "other",
    Partner => "partner",
});

names!(Recurrence {
    Weekly => "weekly",
    Monthly => "monthly",
    Quarterly => "quarterly",
    HalfYearly => "half_yearly",
    Yearly => "yearly",
});

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    /// Serde's name of every value is its `as_str`, and `from_name` finds it again, so the
    /// writer and the reader cannot drift apart.
    fn names_agree<T: Named + Serialize + std::fmt::Debug>() {
        for &value in T::ALL {
            let written = serde_json::to_value(value).expect("a name serialises");
            assert_eq!(written, value.as_str(), "{value:?}");
            assert_eq!(T::from_name(value.as_str()), Some(value));
        }
        let names: Vec<&str> = T::ALL.iter().map(|value| value.as_str()).collect();
        assert_eq!(names, T::NAMES);
        assert_eq!(T::from_name(""), None);
        assert_eq!(T::from_name("Custom"), None);
    }

    #[test]
    fn serde_writes_every_value_by_its_as_str() {
        names_agree::<Level>();
        names_agree::<AdminEra>();
        names_agree::<LocalityKind>();
        names_agree::<AreaKind>();
        names_agree::<SigningAuthority>();
        names_agree::<PartAnchor>();
        names_agree::<AppendixColumns>();
        names_agree::<RowNumbering>();
        names_agree::<Recurrence>();
        names_agree::<RoleKind>();
    }

    /// The kinds of the enums that carry data are written by serde under the names the
    /// reader looks for.
    #[test]
    fn serde_writes_the_kinds_of_forms_and_appendix_rows_by_their_names() {
        let kind = |value: serde_json::Value| value["kind"].as_str().map(String::from);
        let forms = [
            DocumentForm::Standalone,
            DocumentForm::Decision(Box::default()),
        ];
        for (form, name) in forms.into_iter().zip(DocumentForm::KINDS) {
            let written = serde_json::to_value(form).expect("a form serialises");
            assert_eq!(kind(written).as_deref(), Some(*name));
        }
        let rows = [
            AppendixRows::KeyTasks {
                area_ids: Vec::new(),
            },
            AppendixRows::Own { groups: Vec::new() },
        ];
        for (rows, name) in rows.into_iter().zip(AppendixRows::KINDS) {
            let written = serde_json::to_value(rows).expect("rows serialise");
            assert_eq!(kind(written).as_deref(), Some(*name));
        }
    }

    /// `ALL` holds every value once: a value added to the enum but not here fails to compile
    /// (`as_str` matches every variant), and one listed twice fails this.
    #[test]
    fn every_value_is_listed_once() {
        fn once<T: Named>() -> usize {
            let mut names: Vec<&str> = T::ALL.iter().map(|value| value.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), T::ALL.len());
            names.len()
        }
        assert_eq!(
            [
                once::<Level>(),
                once::<AdminEra>(),
                once::<LocalityKind>(),
                once::<AreaKind>(),
                once::<SigningAuthority>(),
                once::<PartAnchor>(),
                once::<AppendixColumns>(),
                once::<RowNumbering>(),
                once::<Recurrence>(),
            ],
            [3, 2, 9, 8, 6, 6, 2, 2, 5]
        );
    }

    /// The names the reader's hand tables accepted before the names had one home: exactly
    /// these, and no others.
    #[test]
    fn the_reader_accepts_the_names_it_accepted_before() {
        let before: &[(&str, &[&str])] = &[
            ("Level", &["commune", "district", "province"]),
            ("AdminEra", &["two_level", "three_level"]),
            (
                "LocalityKind",
                &[
                    "xa",
                    "phuong",
                    "thi_tran",
                    "dac_khu",
                    "huyen",
                    "thi_xa",
                    "thanh_pho",
                    "quan",
                    "tinh",
                ],
            ),
            (
                "AreaKind",
                &[
                    "direction",
                    "institutions",
                    "procedures",
                    "organisation",
                    "civil_service",
                    "public_finance",
                    "digital_government",
                    "custom",
                ],
            ),
            (
                "SigningAuthority",
                &[
                    "direct",
                    "on_behalf",
                    "deputy",
                    "acting",
                    "by_order",
                    "by_authorisation",
                ],
            ),
            (
                "PartAnchor",
                &[
                    "legal_bases",
                    "requirements",
                    "targets",
                    "areas",
                    "funding",
                    "implementation",
                ],
            ),
            ("AppendixColumns", &["lead_and_partner", "executor"]),
            ("RowNumbering", &["run_on", "restart_per_group"]),
            (
                "Recurrence",
                &["weekly", "monthly", "quarterly", "half_yearly", "yearly"],
            ),
        ];
        fn names<T: Named>() -> Vec<&'static str> {
            T::ALL.iter().map(|value| value.as_str()).collect()
        }
        let now: [Vec<&str>; 9] = [
            names::<Level>(),
            names::<AdminEra>(),
            names::<LocalityKind>(),
            names::<AreaKind>(),
            names::<SigningAuthority>(),
            names::<PartAnchor>(),
            names::<AppendixColumns>(),
            names::<RowNumbering>(),
            names::<Recurrence>(),
        ];
        for ((name, before), now) in before.iter().zip(now) {
            assert_eq!(*before, now.as_slice(), "{name}");
        }
    }
}
