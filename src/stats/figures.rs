//! The movement's own numbers for a set of stories: by level of recognition, by
//! five-year period, by kind of organisation running the model (read from `unit` by
//! keyword rules), by field, by year, and for a unit by the former provinces it
//! absorbed. The same tables feed `/thong-ke/`, a unit's page and the data files
//! `/du-lieu/thong-ke.{json,csv}`, so a page and its data never disagree.

use serde::Serialize;

use crate::article::{Article, Level};
use crate::province::REGISTRY;
use crate::taxonomy::Site;
use crate::vietnamese::slugify;

/// One row of a table (one bar of its chart).
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// Stable key (a slug, a year, `2016-2020`), for the data files.
    pub key: String,
    /// Label.
    pub label: String,
    /// Site path of exactly the stories it counts: a list page, or the search page
    /// with filters (`/tim-kiem/?tinh=…&cap=…`); null for a row of 0 and for a unit's
    /// own row of its former provinces' table (no list holds just those).
    pub url: Option<String>,
    /// Number of models.
    pub count: usize,
}

/// A named table of counts.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Stable id: `tinh`, `linh-vuc`, `nam`, `giai-doan`, `cap`, `to-chuc`, `tinh-cu`.
    pub id: &'static str,
    /// Heading in Vietnamese.
    pub title: &'static str,
    /// The rows.
    pub bars: Vec<Bar>,
}

/// Where a set of stories lives: its list (`/` for the whole site, `/tinh/ca-mau/`
/// for a unit) and, for a unit, its slug (a search filter).
pub(crate) struct Scope<'a> {
    /// Site path of the list, base path included, with a trailing slash.
    pub list: String,
    /// Province slug for search filters, for a unit or former province.
    pub province: Option<&'a str>,
    /// Base path ("" at the root).
    pub base: &'a str,
}

/// Levels of recognition, in order: key, label.
pub(crate) const LEVELS: [(Option<Level>, &str, &str); 5] = [
    (Some(Level::TrungUong), "trung-uong", "Trung ương"),
    (Some(Level::Tinh), "tinh", "Cấp tỉnh, thành phố"),
    (Some(Level::Huyen), "huyen", "Cấp huyện (trước 7/2025)"),
    (Some(Level::Xa), "xa", "Cấp xã, phường, đặc khu"),
    (None, "chua-ghi", "Chưa ghi cấp"),
];

/// Kinds of organisation running a model: key (also the search page's `don-vi`
/// filter value), label, and the words of `unit` (as slug parts) that mark it. Checked
/// in this order: the first match wins ("Hội Phụ nữ thôn 3" is the women's union).
pub(crate) const KINDS: [(&str, &str, &[&str]); 8] = [
    (
        "cuu-chien-binh",
        "Hội Cựu chiến binh",
        &["cuu-chien-binh", "ccb"],
    ),
    ("phu-nu", "Hội Phụ nữ", &["phu-nu"]),
    ("nong-dan", "Hội Nông dân", &["nong-dan"]),
    (
        "doan-thanh-nien",
        "Đoàn Thanh niên",
        &[
            "doan-thanh-nien",
            "chi-doan",
            "thanh-nien",
            "tncs",
            "doan-xa",
            "doan-phuong",
        ],
    ),
    ("mat-tran", "Mặt trận Tổ quốc", &["mat-tran", "mttq"]),
    (
        "dang",
        "Cấp ủy, chi bộ Đảng",
        &[
            "dang-uy",
            "dang-bo",
            "chi-bo",
            "tinh-uy",
            "thanh-uy",
            "huyen-uy",
            "quan-uy",
            "thi-uy",
            "ban-dan-van",
            "cap-uy",
        ],
    ),
    (
        "chinh-quyen",
        "Chính quyền, công an",
        &[
            "ubnd",
            "uy-ban-nhan-dan",
            "cong-an",
            "chinh-quyen",
            "quan-su",
            "bien-phong",
            "hdnd",
        ],
    ),
    (
        "thon",
        "Thôn, ấp, bản, khu phố",
        &[
            "thon",
            "ap",
            "khu-pho",
            "to-dan-pho",
            "khom",
            "xom",
            "buon",
            "to-tu-quan",
            "khu-dan-cu",
            "lang",
            "soc",
            "khu-vuc",
        ],
    ),
];

/// The kind of organisation of a story's `unit` text (its `/thong-ke/` row and the
/// search page's `don-vi` filter value): `cuu-chien-binh`, `phu-nu`, `nong-dan`,
/// `doan-thanh-nien`, `mat-tran`, `dang`, `chinh-quyen`, `thon`, else `khac`, or
/// `chua-ghi` when the story names no unit.
pub(crate) fn organisation(unit: Option<&str>) -> &'static str {
    let Some(unit) = unit.filter(|u| !u.trim().is_empty()) else {
        return "chua-ghi";
    };
    let slug = slugify(unit);
    // "bản" (a village) and "ban" (a board) fold alike: read it before folding.
    let village = || unit.to_lowercase().split_whitespace().any(|w| w == "bản");
    KINDS
        .iter()
        .find(|(key, _, words)| {
            words.iter().any(|w| has_words(&slug, w)) || (*key == "thon" && village())
        })
        .map_or("khac", |k| k.0)
}

/// True if the slug `words` (`cuu-chien-binh`) is whole words of `slug`: what
/// `-{slug}-` containing `-{words}-` says, without making either (this runs for every
/// story on every page of figures).
fn has_words(slug: &str, words: &str) -> bool {
    // Every place a word starts, so overlapping candidates (`a-a` in `aa-a-a`) count.
    std::iter::once(0)
        .chain(slug.match_indices('-').map(|(i, _)| i + 1))
        .any(|i| {
            slug[i..].starts_with(words)
                && matches!(slug.as_bytes().get(i + words.len()), None | Some(b'-'))
        })
}

/// The five-year period of `year` (2016-2020, 2021-2025, …), as its first year.
pub(crate) fn period_start(year: i32) -> i32 {
    2016 + (year - 2016).div_euclid(5) * 5
}

/// The tables for the stories `items` within `scope`: by field, year, period, level
/// and kind of organisation; the caller adds provinces or former provinces.
pub(crate) fn tables(site: &Site, items: &[usize], scope: &Scope<'_>) -> Vec<Table> {
    let arts: Vec<&Article> = items.iter().map(|&i| &*site.articles[i]).collect();
    vec![
        by_field(site, &arts, scope),
        by_year(&arts, scope),
        by_period(&arts, scope),
        by_level(&arts, scope),
        by_organisation(&arts, scope),
    ]
}

fn by_field(site: &Site, arts: &[&Article], scope: &Scope<'_>) -> Table {
    let bars = site
        .config
        .fields
        .iter()
        .enumerate()
        .map(|(fi, f)| {
            let count = arts.iter().filter(|a| a.field == fi).count();
            let url = if scope.province.is_some() {
                format!("{}linh-vuc/{}/", scope.list, f.slug)
            } else {
                format!("{}/linh-vuc/{}/", scope.base, f.slug)
            };
            Bar {
                key: f.slug.clone(),
                label: f.name.clone(),
                url: (count > 0).then_some(url),
                count,
            }
        })
        .filter(|b| b.count > 0)
        .collect();
    Table {
        id: "linh-vuc",
        title: "Theo lĩnh vực",
        bars,
    }
}

fn by_year(arts: &[&Article], scope: &Scope<'_>) -> Table {
    let years = || arts.iter().map(|a| a.year);
    let bars = match (years().min(), years().max()) {
        (Some(lo), Some(hi)) => (lo..=hi)
            .map(|y| {
                let count = arts.iter().filter(|a| a.year == y).count();
                let url = if scope.province.is_some() {
                    format!("{}nam/{y}/", scope.list)
                } else {
                    format!("{}/nam/{y}/", scope.base)
                };
                Bar {
                    key: y.to_string(),
                    label: y.to_string(),
                    url: (count > 0).then_some(url),
                    count,
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    Table {
        id: "nam",
        title: "Theo năm",
        bars,
    }
}

fn by_period(arts: &[&Article], scope: &Scope<'_>) -> Table {
    let starts = || arts.iter().map(|a| period_start(a.year));
    let bars = match (starts().min(), starts().max()) {
        (Some(lo), Some(hi)) => (lo..=hi)
            .step_by(5)
            .map(|p| {
                let count = arts.iter().filter(|a| period_start(a.year) == p).count();
                let (from, to) = (p.to_string(), (p + 4).to_string());
                Bar {
                    key: format!("{p}-{}", p + 4),
                    label: format!("{p}–{}", p + 4),
                    url: (count > 0).then(|| search_url(scope, &[("tu", &from), ("den", &to)])),
                    count,
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    Table {
        id: "giai-doan",
        title: "Theo giai đoạn 5 năm",
        bars,
    }
}

fn by_level(arts: &[&Article], scope: &Scope<'_>) -> Table {
    let bars = LEVELS
        .iter()
        .map(|(level, key, label)| {
            let count = arts.iter().filter(|a| a.level == *level).count();
            Bar {
                key: (*key).to_owned(),
                label: (*label).to_owned(),
                url: (count > 0).then(|| search_url(scope, &[("cap", key)])),
                count,
            }
        })
        .filter(|b| b.count > 0)
        .collect();
    Table {
        id: "cap",
        title: "Theo cấp công nhận",
        bars,
    }
}

fn by_organisation(arts: &[&Article], scope: &Scope<'_>) -> Table {
    let kinds = KINDS
        .iter()
        .map(|(k, l, _)| (*k, *l))
        .chain([("khac", "Tổ chức khác"), ("chua-ghi", "Chưa ghi đơn vị")]);
    // Each story's kind is read once (reading it costs a slug), then counted per kind.
    let read: Vec<&str> = arts
        .iter()
        .map(|a| organisation(a.unit.as_deref()))
        .collect();
    let bars = kinds
        .map(|(key, label)| {
            let count = read.iter().filter(|&&k| k == key).count();
            Bar {
                key: key.to_owned(),
                label: label.to_owned(),
                url: (count > 0).then(|| search_url(scope, &[("don-vi", key)])),
                count,
            }
        })
        .filter(|b| b.count > 0)
        .collect();
    Table {
        id: "to-chuc",
        title: "Theo tổ chức thực hiện",
        bars,
    }
}

/// The search page with `filters` (name, value: slugs and years, nothing to encode),
/// narrowed to the scope's province first: exactly the stories a number counts.
fn search_url(scope: &Scope<'_>, filters: &[(&str, &str)]) -> String {
    let province = scope.province.map(|p| ("tinh", p));
    let query: Vec<String> = province
        .iter()
        .chain(filters)
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    format!("{}/tim-kiem/?{}", scope.base, query.join("&"))
}

/// A unit's former provinces with their counts; stories that name the unit itself
/// come first, under its own name.
pub(crate) fn by_former(site: &Site, unit: usize, items: &[usize], base: &str) -> Table {
    let reg = &REGISTRY.units[site.unit_ids[unit]];
    let own = items
        .iter()
        .filter(|&&i| site.articles[i].province.former.is_none())
        .count();
    let mut bars = vec![Bar {
        key: reg.slug.clone(),
        label: reg.name.clone(),
        url: None,
        count: own,
    }];
    bars.extend(reg.former.iter().map(|&f| {
        let t = &site.formers[f];
        Bar {
            key: t.slug.clone(),
            label: format!("{} (tỉnh cũ)", t.name),
            url: (!t.items.is_empty()).then(|| format!("{base}/tinh/{}/", t.slug)),
            count: t.items.len(),
        }
    }));
    Table {
        id: "tinh-cu",
        title: "Theo tỉnh cũ (trước 7/2025)",
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::{organisation, period_start};

    #[test]
    fn the_organisation_is_read_from_the_unit() {
        let cases = [
            ("Hội Liên hiệp Phụ nữ xã Vĩnh Hanh", "phu-nu"),
            ("Hội Nông dân huyện Hòa Bình", "nong-dan"),
            ("Chi bộ khu vực 3", "dang"),
            ("Đảng ủy xã Tân Phú", "dang"),
            ("Ban Dân vận Tỉnh ủy", "dang"),
            ("Ủy ban Mặt trận Tổ quốc xã", "mat-tran"),
            ("UBND phường 5", "chinh-quyen"),
            ("Công an phường Phúc Xá", "chinh-quyen"),
            ("Đoàn Thanh niên xã Hòa An", "doan-thanh-nien"),
            ("Hội Cựu chiến binh ấp 4", "cuu-chien-binh"),
            ("Thôn Đông", "thon"),
            ("Ấp Hòa Lợi", "thon"),
            ("Bản Mường Lạn", "thon"),
            ("Hội Quixotrefam xã", "khac"),
        ];
        for (unit, kind) in cases {
            assert_eq!(organisation(Some(unit)), kind, "{unit}");
        }
        assert_eq!(organisation(None), "chua-ghi");
        assert_eq!(organisation(Some("  ")), "chua-ghi");
    }

    #[test]
    fn whole_words_are_found_as_the_padded_slug_finds_them() {
        // Every slug and word over `a`, `b` and `-`, up to 7 and 4 characters.
        let all = |n: usize| -> Vec<String> {
            let mut out = vec![String::new()];
            let mut last = vec![String::new()];
            for _ in 0..n {
                last = last
                    .iter()
                    .flat_map(|s| ['a', 'b', '-'].map(|c| format!("{s}{c}")))
                    .collect();
                out.extend(last.iter().cloned());
            }
            out
        };
        for slug in all(7) {
            for words in all(4).iter().filter(|w| !w.is_empty()) {
                let padded = format!("-{slug}-").contains(&format!("-{words}-"));
                assert_eq!(super::has_words(&slug, words), padded, "{slug:?} {words:?}");
            }
        }
    }

    #[test]
    fn periods_are_five_years_from_2016() {
        assert_eq!(period_start(2016), 2016);
        assert_eq!(period_start(2020), 2016);
        assert_eq!(period_start(2021), 2021);
        assert_eq!(period_start(2025), 2021);
        assert_eq!(period_start(2026), 2026);
        assert_eq!(period_start(2015), 2011);
    }
}
