//! Mẫu kế hoạch (plan templates): a new plan pre-filled for its level, with the standard reform
//! areas, the usual legal-basis lines, purposes, requirements, funding, implementation text,
//! reporting periods and recipients, the year and the names filled in. The wording is ours; the
//! documents cited are the real national ones every plan of the period cites.

use super::plan::{
    AdminEra, DocumentNumber, Implementation, LegalBasis, Level, Locality, LocalityKind, Paragraph,
    Plan, Recipient, ReportingPeriod, Responsibility, Signer, SigningAuthority,
};
use super::task::{AreaKind, ReformArea};
use super::units;

/// Which kind of plan a template starts (mẫu theo cấp).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TemplateKind {
    /// Xã, phường, đặc khu trực thuộc tỉnh: local government of two levels, since 1 July 2025.
    #[default]
    CommuneTwoLevel,
    /// Xã, phường, thị trấn trực thuộc huyện, as before July 2025 (three levels).
    CommuneThreeLevel,
    /// Huyện, thị xã, thành phố trực thuộc tỉnh, as before July 2025.
    DistrictThreeLevel,
}

impl TemplateKind {
    pub const ALL: [TemplateKind; 3] = [
        Self::CommuneTwoLevel,
        Self::CommuneThreeLevel,
        Self::DistrictThreeLevel,
    ];

    /// How the choice reads in the new-plan form.
    pub fn label(self) -> &'static str {
        match self {
            Self::CommuneTwoLevel => "Xã, phường, đặc khu (chính quyền hai cấp, từ 01/7/2025)",
            Self::CommuneThreeLevel => "Xã, phường, thị trấn thuộc huyện (trước 01/7/2025)",
            Self::DistrictThreeLevel => "Huyện, thị xã, thành phố thuộc tỉnh (trước 01/7/2025)",
        }
    }

    /// A stable name for forms and tests.
    pub fn key(self) -> &'static str {
        match self {
            Self::CommuneTwoLevel => "commune-two-level",
            Self::CommuneThreeLevel => "commune-three-level",
            Self::DistrictThreeLevel => "district-three-level",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    pub fn level(self) -> Level {
        match self {
            Self::CommuneTwoLevel | Self::CommuneThreeLevel => Level::Commune,
            Self::DistrictThreeLevel => Level::District,
        }
    }

    pub fn era(self) -> AdminEra {
        match self {
            Self::CommuneTwoLevel => AdminEra::TwoLevel,
            Self::CommuneThreeLevel | Self::DistrictThreeLevel => AdminEra::ThreeLevel,
        }
    }

    /// The locality kinds a plan of this kind can be for, the usual one first.
    pub fn locality_kinds(self) -> &'static [LocalityKind] {
        match self {
            Self::CommuneTwoLevel => {
                &[LocalityKind::Xa, LocalityKind::Phuong, LocalityKind::DacKhu]
            }
            Self::CommuneThreeLevel => &[
                LocalityKind::Xa,
                LocalityKind::Phuong,
                LocalityKind::ThiTran,
            ],
            Self::DistrictThreeLevel => &[
                LocalityKind::Huyen,
                LocalityKind::ThiXa,
                LocalityKind::ThanhPho,
                LocalityKind::Quan,
            ],
        }
    }

    /// What the superior locality is called in the form: the province, or the district.
    pub fn superior_label(self) -> &'static str {
        match self {
            Self::CommuneThreeLevel => "Huyện (thị xã, thành phố) cấp trên",
            Self::CommuneTwoLevel | Self::DistrictThreeLevel => "Tỉnh (thành phố) cấp trên",
        }
    }
}

/// What the person fills in before a template is applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TemplateInput {
    pub kind: TemplateKind,
    /// Năm kế hoạch.
    pub year: i32,
    /// The commune or district the plan is for.
    pub locality: Locality,
    /// The superior locality with its word: "tỉnh Quảng Ngãi", "huyện Sơn Tịnh". May be empty.
    pub superior: String,
}

/// "UBND", the short name of the issuing People's Committee used in running text.
const COMMITTEE: &str = "Ủy ban nhân dân";

/// A new plan for `input`, every list pre-filled; `new_id` supplies fresh ids.
pub fn new_plan(input: &TemplateInput, mut new_id: impl FnMut(&str) -> String) -> Plan {
    let year = input.year;
    let kind = input.kind;
    let locality = locality_phrase(&input.locality);
    let superior = input.superior.trim();
    let superior_or_blank = if superior.is_empty() {
        "…".to_string()
    } else {
        superior.to_string()
    };
    let committee_of_superior = format!("UBND {superior_or_blank}");
    let mut plan = Plan {
        id: new_id("ke-hoach"),
        level: kind.level(),
        era: kind.era(),
        locality: input.locality.clone(),
        issuing_body: format!("ỦY BAN NHÂN DÂN {}", upper(&locality))
            .trim()
            .to_string(),
        number: DocumentNumber {
            number: String::new(),
            symbol: "KH-UBND".into(),
        },
        place: input.locality.name.trim().to_string(),
        year,
        title: format!("Cải cách hành chính năm {year} {locality}")
            .trim()
            .to_string(),
        legal_bases: legal_bases(year, &committee_of_superior),
        purposes: purposes(&locality),
        requirements: requirements(),
        areas: AreaKind::STANDARD
            .iter()
            .map(|kind| ReformArea {
                id: new_id("linh-vuc"),
                kind: *kind,
                title: kind.standard_title().into(),
                ..ReformArea::default()
            })
            .collect(),
        funding: vec![Paragraph::new(format!(
            "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách năm {year} của \
             {locality} và các nguồn hợp pháp khác theo quy định. Các đơn vị, bộ phận được giao \
             nhiệm vụ lập dự toán kinh phí cho từng nhiệm vụ, gửi bộ phận tài chính tổng hợp, \
             trình cấp có thẩm quyền phê duyệt."
        ))],
        implementation: implementation(kind, year, &locality),
        recipients: recipients(kind, &committee_of_superior),
        signer: Signer {
            authority: SigningAuthority::OnBehalf,
            on_behalf_of: "ỦY BAN NHÂN DÂN".into(),
            title: "CHỦ TỊCH".into(),
            name: String::new(),
        },
        ..Plan::default()
    };
    // Left as it is, the template's text would print as if the drafter had written it.
    super::template_marks::mark_all(&mut plan);
    plan
}

/// A new commune plan (kế hoạch cấp xã) for `year` under the two-level system, with no names yet.
pub fn new_commune_plan(year: i32, new_id: impl FnMut(&str) -> String) -> Plan {
    let input = TemplateInput {
        kind: TemplateKind::CommuneTwoLevel,
        year,
        ..TemplateInput::default()
    };
    new_plan(&input, new_id)
}

/// "xã Tịnh Minh", or just "xã" while the name is blank.
fn locality_phrase(locality: &Locality) -> String {
    format!("{} {}", locality.kind.word(), locality.name.trim())
        .trim()
        .to_string()
}

fn upper(text: &str) -> String {
    text.to_uppercase()
}

fn basis(text: String) -> LegalBasis {
    LegalBasis {
        text,
        document: None,
    }
}

fn legal_bases(year: i32, committee_of_superior: &str) -> Vec<LegalBasis> {
    let mut bases = vec![
        basis(
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình \
             tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;"
                .into(),
        ),
        basis(
            "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế \
             một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;"
                .into(),
        ),
    ];
    // The superior's own plan for the year: the province's now, the district's before 2025.
    bases.push(basis(format!(
        "Căn cứ Kế hoạch số …/KH-UBND ngày … của {committee_of_superior} về cải cách hành \
         chính năm {year};"
    )));
    bases
}

fn purposes(locality: &str) -> Vec<Paragraph> {
    vec![
        Paragraph::new(format!(
            "Cụ thể hóa các nhiệm vụ cải cách hành chính của cấp trên thành những việc làm có \
             người chịu trách nhiệm, có sản phẩm và có thời hạn, phù hợp với điều kiện của {locality}."
        )),
        Paragraph::new(
            "Nâng cao chất lượng giải quyết thủ tục hành chính và phục vụ người dân, doanh \
             nghiệp; cải thiện các chỉ số cải cách hành chính và mức độ hài lòng của người dân.",
        ),
    ]
}

fn requirements() -> Vec<Paragraph> {
    vec![
        Paragraph::new(
            "Các nhiệm vụ được triển khai đồng bộ, có trọng tâm, trọng điểm; mỗi nhiệm vụ có \
             đơn vị chủ trì, sản phẩm và thời gian hoàn thành rõ ràng.",
        ),
        Paragraph::new(
            "Người đứng đầu các đơn vị trực tiếp chỉ đạo và chịu trách nhiệm về kết quả cải \
             cách hành chính của đơn vị mình; kết quả thực hiện là căn cứ đánh giá, xếp loại \
             thi đua cuối năm.",
        ),
    ]
}

/// The usual reporting periods (kỳ báo cáo) of a plan year, with their data cut-off dates.
pub fn reporting_periods(year: i32) -> Vec<ReportingPeriod> {
    let previous = year - 1;
    let period = |name: &str, to: &str, due: &str| ReportingPeriod {
        name: name.into(),
        data_period: format!("từ ngày 15/12/{previous} đến ngày {to}/{year}"),
        data_from: chrono::NaiveDate::from_ymd_opt(previous, 12, 15),
        data_to: parse_day_month(to, year),
        due: format!("trước ngày {due}/{year}"),
        due_date: parse_day_month(due, year),
    };
    let mut periods = vec![
        period("Báo cáo quý I", "14/3", "20/3"),
        period("Báo cáo 6 tháng", "14/6", "20/6"),
    ];
    let mut third = period("Báo cáo quý III", "14/9", "20/9");
    third.data_period = format!("từ ngày 15/6/{year} đến ngày 14/9/{year}");
    third.data_from = chrono::NaiveDate::from_ymd_opt(year, 6, 15);
    periods.push(third);
    periods.push(period("Báo cáo năm", "14/12", "20/12"));
    periods
}

fn parse_day_month(day_month: &str, year: i32) -> Option<chrono::NaiveDate> {
    let (day, month) = day_month.split_once('/')?;
    chrono::NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?)
}

fn implementation(kind: TemplateKind, year: i32, locality: &str) -> Implementation {
    let responsibilities = match kind.level() {
        Level::District | Level::Province => vec![
            responsibility(
                "Phòng Nội vụ",
                "Là cơ quan thường trực, tham mưu theo dõi, đôn đốc và tổng hợp kết quả thực hiện \
                 Kế hoạch; báo cáo định kỳ theo quy định.",
            ),
            responsibility(
                "Phòng Tài chính - Kế hoạch",
                "Tham mưu bố trí kinh phí thực hiện các nhiệm vụ cải cách hành chính.",
            ),
            responsibility(
                "Các cơ quan chuyên môn, đơn vị sự nghiệp; UBND các xã, thị trấn",
                "Xây dựng kế hoạch cải cách hành chính của đơn vị, địa phương mình và tổ chức \
                 thực hiện; báo cáo kết quả đúng kỳ.",
            ),
        ],
        Level::Commune => vec![
            responsibility(
                units::commune_office(kind.era()),
                "Tham mưu theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo kết quả \
                 cải cách hành chính theo định kỳ và đột xuất.",
            ),
            responsibility(
                "Các công chức chuyên môn, bộ phận có liên quan",
                "Chủ động triển khai các nhiệm vụ được giao, báo cáo kết quả về bộ phận tổng hợp \
                 đúng thời hạn.",
            ),
        ],
    };
    Implementation {
        intro: Vec::new(),
        responsibilities,
        reporting: reporting_periods(year),
        reporting_notes: vec![Paragraph::new(
            "Báo cáo đột xuất thực hiện theo yêu cầu của cấp trên.",
        )],
        closing: vec![Paragraph::new(format!(
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời báo cáo \
             {COMMITTEE} {locality} để xem xét, chỉ đạo."
        ))],
    }
}

fn responsibility(unit: &str, duty: &str) -> Responsibility {
    Responsibility {
        unit: unit.into(),
        duties: vec![Paragraph::new(duty)],
    }
}

fn recipients(kind: TemplateKind, committee_of_superior: &str) -> Vec<Recipient> {
    let report = |name: String| Recipient {
        name,
        note: "(b/c)".into(),
        group: String::new(),
    };
    let plain = |name: &str| Recipient {
        name: name.into(),
        ..Recipient::default()
    };
    let mut list = vec![report(committee_of_superior.to_string())];
    match kind {
        TemplateKind::CommuneTwoLevel => {
            list.push(report("Sở Nội vụ".into()));
            list.push(plain("Thường trực Đảng ủy, HĐND xã"));
            list.push(plain("Chủ tịch, các Phó Chủ tịch UBND xã"));
            list.push(plain("Các phòng, đơn vị thuộc UBND xã"));
        }
        TemplateKind::CommuneThreeLevel => {
            list.push(report("Phòng Nội vụ".into()));
            list.push(plain("Thường trực Đảng ủy, HĐND xã"));
            list.push(plain("Chủ tịch, các Phó Chủ tịch UBND xã"));
            list.push(plain("Các công chức chuyên môn"));
        }
        TemplateKind::DistrictThreeLevel => {
            list.push(report("Sở Nội vụ".into()));
            list.push(plain("Thường trực Huyện ủy, HĐND"));
            list.push(plain("Chủ tịch, các Phó Chủ tịch UBND"));
            list.push(plain("Các cơ quan chuyên môn"));
            list.push(plain("UBND các xã, thị trấn"));
        }
    }
    list.push(plain("Lưu: VT"));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> impl FnMut(&str) -> String {
        let mut next = 0;
        move |prefix: &str| {
            next += 1;
            format!("{prefix}-{next}")
        }
    }

    fn input(kind: TemplateKind, name: &str, superior: &str) -> TemplateInput {
        TemplateInput {
            kind,
            year: 2026,
            locality: Locality {
                kind: kind.locality_kinds()[0],
                name: name.into(),
            },
            superior: superior.into(),
        }
    }

    #[test]
    fn a_new_commune_plan_has_the_standard_areas_and_its_year() {
        let plan = new_commune_plan(2026, ids());
        assert_eq!(plan.id, "ke-hoach-1");
        assert_eq!(plan.year, 2026);
        assert_eq!(plan.title, "Cải cách hành chính năm 2026 xã");
        let kinds: Vec<AreaKind> = plan.areas.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, AreaKind::STANDARD);
        let ids: std::collections::HashSet<&str> =
            plan.areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), 7);
        assert_eq!(plan.areas[1].title, "Cải cách thể chế");
    }

    #[test]
    fn names_and_year_are_filled_in_for_a_two_level_commune() {
        let plan = new_plan(
            &input(
                TemplateKind::CommuneTwoLevel,
                "Tịnh Minh",
                "tỉnh Quảng Ngãi",
            ),
            ids(),
        );
        assert_eq!(plan.issuing_body, "ỦY BAN NHÂN DÂN XÃ TỊNH MINH");
        assert_eq!(plan.title, "Cải cách hành chính năm 2026 xã Tịnh Minh");
        assert_eq!(plan.place, "Tịnh Minh");
        assert_eq!((plan.level, plan.era), (Level::Commune, AdminEra::TwoLevel));
        assert!(plan.legal_bases[2].text.contains("UBND tỉnh Quảng Ngãi"));
        assert!(plan.legal_bases[2].text.contains("năm 2026"));
        assert_eq!(plan.recipients[0].name, "UBND tỉnh Quảng Ngãi");
        assert_eq!(
            plan.recipients.last().map(|r| r.name.as_str()),
            Some("Lưu: VT")
        );
        assert_eq!(plan.signer.authority.prefix(), "TM.");
        assert!(plan.funding[0].text.contains("năm 2026 của xã Tịnh Minh"));
        assert_eq!(
            plan.implementation.responsibilities[0].unit,
            "Văn phòng HĐND và UBND xã"
        );
    }

    #[test]
    fn the_reporting_periods_follow_the_usual_cut_off_dates() {
        let periods = reporting_periods(2024);
        let names: Vec<&str> = periods.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Báo cáo quý I",
                "Báo cáo 6 tháng",
                "Báo cáo quý III",
                "Báo cáo năm"
            ]
        );
        assert_eq!(
            periods[0].data_period,
            "từ ngày 15/12/2023 đến ngày 14/3/2024"
        );
        assert_eq!(
            periods[0].data_from,
            chrono::NaiveDate::from_ymd_opt(2023, 12, 15)
        );
        assert_eq!(
            periods[0].due_date,
            chrono::NaiveDate::from_ymd_opt(2024, 3, 20)
        );
        assert_eq!(
            periods[2].data_period,
            "từ ngày 15/6/2024 đến ngày 14/9/2024"
        );
        assert_eq!(
            periods[3].data_to,
            chrono::NaiveDate::from_ymd_opt(2024, 12, 14)
        );
    }

    #[test]
    fn a_district_plan_addresses_its_communes_and_the_department() {
        let plan = new_plan(
            &input(
                TemplateKind::DistrictThreeLevel,
                "Sơn Tây",
                "tỉnh Quảng Ngãi",
            ),
            ids(),
        );
        assert_eq!(plan.issuing_body, "ỦY BAN NHÂN DÂN HUYỆN SƠN TÂY");
        assert_eq!(plan.level, Level::District);
        assert_eq!(plan.era, AdminEra::ThreeLevel);
        let names: Vec<&str> = plan.recipients.iter().map(|r| r.name.as_str()).collect();
        assert!(names.contains(&"UBND các xã, thị trấn"));
        assert!(names.contains(&"Sở Nội vụ"));
        assert_eq!(plan.implementation.responsibilities[0].unit, "Phòng Nội vụ");
    }

    #[test]
    fn a_three_level_commune_cites_its_district_and_reports_to_it() {
        let plan = new_plan(
            &input(
                TemplateKind::CommuneThreeLevel,
                "Sơn Châu",
                "huyện Sơn Tịnh",
            ),
            ids(),
        );
        assert!(plan.legal_bases[2].text.contains("UBND huyện Sơn Tịnh"));
        assert_eq!(plan.recipients[0].name, "UBND huyện Sơn Tịnh");
        assert_eq!(plan.recipients[1].name, "Phòng Nội vụ");
        assert_eq!(
            plan.implementation.responsibilities[0].unit,
            "Công chức Văn phòng - Thống kê"
        );
        let ids: std::collections::HashSet<&str> =
            plan.areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), 7);
    }

    #[test]
    fn every_kind_round_trips_through_its_key() {
        for kind in TemplateKind::ALL {
            assert_eq!(TemplateKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(TemplateKind::from_key("province"), None);
    }
}
