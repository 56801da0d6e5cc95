//! Legal forms (法人種別) and their abbreviations, which the guide forbids in names:
//! write 株式会社, not (株) or ㈱.

/// Abbreviations people type, each with the legal form to write in full. Half-width and
/// full-width brackets are both listed; single-character forms such as ㈱ too.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("(株)", "株式会社"),
    ("（株）", "株式会社"),
    ("㈱", "株式会社"),
    ("(有)", "有限会社"),
    ("（有）", "有限会社"),
    ("㈲", "有限会社"),
    ("(合)", "合同会社"),
    ("（合）", "合同会社"),
    ("(同)", "合同会社"),
    ("（同）", "合同会社"),
    ("(名)", "合名会社"),
    ("（名）", "合名会社"),
    ("㈴", "合名会社"),
    ("(資)", "合資会社"),
    ("（資）", "合資会社"),
    ("㈾", "合資会社"),
    ("(公財)", "公益財団法人"),
    ("（公財）", "公益財団法人"),
    ("(公社)", "公益社団法人"),
    ("（公社）", "公益社団法人"),
    ("(一財)", "一般財団法人"),
    ("（一財）", "一般財団法人"),
    ("(一社)", "一般社団法人"),
    ("（一社）", "一般社団法人"),
    ("(財)", "財団法人"),
    ("（財）", "財団法人"),
    ("㈶", "財団法人"),
    ("(社)", "社団法人"),
    ("（社）", "社団法人"),
    ("㈳", "社団法人"),
    ("(医)", "医療法人"),
    ("（医）", "医療法人"),
    ("(福)", "社会福祉法人"),
    ("（福）", "社会福祉法人"),
    ("(学)", "学校法人"),
    ("（学）", "学校法人"),
    ("(宗)", "宗教法人"),
    ("（宗）", "宗教法人"),
    ("(独)", "独立行政法人"),
    ("（独）", "独立行政法人"),
    ("(特非)", "特定非営利活動法人"),
    ("（特非）", "特定非営利活動法人"),
];

/// An abbreviated legal form found in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Abbreviation {
    /// The abbreviation as it appears, e.g. `(株)`.
    pub abbreviation: &'static str,
    /// The legal form written in full, e.g. `株式会社`.
    pub full: &'static str,
}

/// The first abbreviated legal form in `name`, if any.
pub fn find_abbreviation(name: &str) -> Option<Abbreviation> {
    ABBREVIATIONS
        .iter()
        .filter_map(|&(abbreviation, full)| {
            name.find(abbreviation)
                .map(|at| (at, Abbreviation { abbreviation, full }))
        })
        .min_by_key(|&(at, _)| at)
        .map(|(_, found)| found)
}
