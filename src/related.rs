//! Related models at the end of each story, computed once per build from `Site`.
//! A story's candidates are its neighbours in time within a few short lists (its
//! field in its province, in its region and anywhere; its province; its kind of
//! running unit; each of its tags and title words), so the work per story is bounded
//! and the whole is linear in the number of stories. Candidates are scored; ties go to
//! the newest, then the slug.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use rayon::prelude::*;

use crate::province::{REGISTRY, Region};
use crate::taxonomy::Site;
use crate::vietnamese::{fold, tokens};

/// Related models shown per story.
pub const MAX_RELATED: usize = 4;

/// Candidates taken from each list, nearest in time first.
const PER_LIST: usize = 12;
/// Tags and title words of a story that draw candidates (all of them still score).
const MAX_KEYS: usize = 6;
/// A candidate needs at least this score (same field alone is enough).
const MIN_SCORE: u32 = 3;

/// Score of each thing two stories share.
const FIELD: u32 = 3;
const SAME_UNIT: u32 = 3;
const SAME_REGION: u32 = 1;
const UNIT_KIND: u32 = 2;
const TAG: u32 = 3;
const WORD: u32 = 1;
/// Shared tags and words counted at most this many times each.
const MAX_SHARED: u32 = 3;

/// Up to `MAX_RELATED` related stories per article (indices into `site.articles`),
/// never the story itself, never a withdrawn one; withdrawn stories get none.
pub fn related(site: &Site) -> Vec<Vec<usize>> {
    let tag_ids = TagIds::new(site);
    let features: Vec<Option<Features>> = site
        .articles
        .par_iter()
        .map(|a| a.is_listed().then(|| Features::of(a, &tag_ids)))
        .collect();
    let lists = Lists::build(site, &features, &tag_ids);
    (0..site.articles.len())
        .into_par_iter()
        .map(|i| match &features[i] {
            Some(f) => best(i, f, &features, &lists),
            None => Vec::new(),
        })
        .collect()
}

/// Tag slug -> its rank in byte order, so stories compare tags as numbers (in the
/// same order as the slugs).
struct TagIds<'a>(HashMap<&'a str, u32>);

impl<'a> TagIds<'a> {
    fn new(site: &'a Site) -> Self {
        let mut slugs: Vec<&str> = site.tags.iter().map(|t| t.slug.as_str()).collect();
        slugs.sort_unstable();
        TagIds(slugs.into_iter().zip(0..).collect())
    }
}

/// What a story is compared by.
#[derive(Debug)]
struct Features {
    field: usize,
    unit: usize,
    region: Option<Region>,
    kind: Option<UnitKind>,
    /// Tags (`TagIds`), sorted, deduplicated.
    tags: Vec<u32>,
    /// Hashes of the title's words, sorted, deduplicated.
    words: Vec<u64>,
    /// One bit per tag and per word (`bit`): two stories with no bit in common share
    /// none, found without walking both lists (most candidates share none).
    tag_bits: u64,
    word_bits: u64,
}

/// The bit of `n` in `Features::tag_bits` and `word_bits`.
fn bit(n: u64) -> u64 {
    1 << (n % 64)
}

impl Features {
    fn of(a: &crate::article::Article, tag_ids: &TagIds<'_>) -> Features {
        let mut tags: Vec<u32> = a
            .tag_slugs
            .iter()
            .filter_map(|t| tag_ids.0.get(t.as_str()).copied())
            .collect();
        tags.sort_unstable();
        tags.dedup();
        let words = title_words(&a.title);
        Features {
            field: a.field,
            unit: a.province.unit,
            region: REGISTRY.units[a.province.unit].region,
            kind: a.unit.as_deref().and_then(UnitKind::of),
            tag_bits: tags.iter().fold(0, |b, &t| b | bit(u64::from(t))),
            word_bits: words.iter().fold(0, |b, &w| b | bit(w)),
            tags,
            words,
        }
    }

    fn score(&self, o: &Features) -> u32 {
        let mut s = 0;
        if self.field == o.field {
            s += FIELD;
        }
        if self.unit == o.unit {
            s += SAME_UNIT;
        } else if self.region.is_some() && self.region == o.region {
            s += SAME_REGION;
        }
        if self.kind.is_some() && self.kind == o.kind {
            s += UNIT_KIND;
        }
        if self.tag_bits & o.tag_bits != 0 {
            s += TAG * shared(&self.tags, &o.tags).min(MAX_SHARED);
        }
        if self.word_bits & o.word_bits != 0 {
            s += WORD * shared(&self.words, &o.words).min(MAX_SHARED);
        }
        s
    }
}

/// Number of items two sorted, deduplicated slices share.
fn shared<T: Ord>(a: &[T], b: &[T]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Lists of listed stories sharing one trait, each newest first (ascending index, as
/// `site.articles` is sorted newest first).
#[derive(Debug, Default)]
struct Lists<'a> {
    field: Vec<&'a [usize]>,
    unit: HashMap<usize, &'a [usize]>,
    unit_field: HashMap<(usize, usize), Vec<usize>>,
    region_field: HashMap<(Region, usize), Vec<usize>>,
    kind: HashMap<UnitKind, Vec<usize>>,
    words: HashMap<u64, Vec<usize>>,
    tags: HashMap<u32, &'a [usize]>,
}

impl<'a> Lists<'a> {
    fn build(site: &'a Site, features: &[Option<Features>], tag_ids: &TagIds<'_>) -> Lists<'a> {
        let mut l = Lists {
            field: site.fields.iter().map(|t| &t.items[..]).collect(),
            unit: site
                .unit_ids
                .iter()
                .zip(&site.units)
                .map(|(&u, t)| (u, &t.items[..]))
                .collect(),
            tags: site
                .tags
                .iter()
                .filter_map(|t| Some((*tag_ids.0.get(t.slug.as_str())?, &t.items[..])))
                .collect(),
            ..Lists::default()
        };
        for &i in &site.listed {
            let Some(f) = &features[i] else { continue };
            l.unit_field.entry((f.unit, f.field)).or_default().push(i);
            if let Some(r) = f.region {
                l.region_field.entry((r, f.field)).or_default().push(i);
            }
            if let Some(k) = f.kind {
                l.kind.entry(k).or_default().push(i);
            }
            for &w in &f.words {
                l.words.entry(w).or_default().push(i);
            }
        }
        l
    }
}

/// The best related stories of story `i`.
fn best(i: usize, f: &Features, features: &[Option<Features>], lists: &Lists<'_>) -> Vec<usize> {
    let mut cand = Vec::with_capacity(PER_LIST * (5 + 2 * MAX_KEYS));
    let mut take = |items: Option<&[usize]>| {
        if let Some(items) = items {
            near(items, i, PER_LIST, &mut cand);
        }
    };
    take(lists.unit_field.get(&(f.unit, f.field)).map(Vec::as_slice));
    if let Some(r) = f.region {
        take(lists.region_field.get(&(r, f.field)).map(Vec::as_slice));
    }
    take(lists.field.get(f.field).copied());
    take(lists.unit.get(&f.unit).copied());
    if let Some(k) = f.kind {
        take(lists.kind.get(&k).map(Vec::as_slice));
    }
    for t in f.tags.iter().take(MAX_KEYS) {
        take(lists.tags.get(t).copied());
    }
    for w in f.words.iter().take(MAX_KEYS) {
        take(lists.words.get(w).map(Vec::as_slice));
    }
    cand.sort_unstable();
    cand.dedup();
    let mut scored: Vec<(u32, usize)> = cand
        .into_iter()
        .filter(|&j| j != i)
        .filter_map(|j| {
            let s = f.score(features[j].as_ref()?);
            (s >= MIN_SCORE).then_some((s, j))
        })
        .collect();
    // Highest score first; then the lower index, i.e. the newer story, then the slug.
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(MAX_RELATED);
    scored.into_iter().map(|(_, j)| j).collect()
}

/// Appends to `out` up to `cap` items of the ascending list `items` nearest to `i` in
/// position (so nearest in time), about half before and half after it, `i` excluded.
fn near(items: &[usize], i: usize, cap: usize, out: &mut Vec<usize>) {
    let pos = items.partition_point(|&j| j < i);
    let after_start = if items.get(pos) == Some(&i) {
        pos + 1
    } else {
        pos
    };
    let (before, after) = (&items[..pos], &items[after_start..]);
    let n_after = after
        .len()
        .min((cap / 2).max(cap.saturating_sub(before.len())));
    let n_before = before.len().min(cap - n_after);
    out.extend_from_slice(&before[pos - n_before..]);
    out.extend_from_slice(&after[..n_after]);
}

/// Syllables and two-syllable words that say nothing about what a model is: the
/// movement's own name, administrative units, function words.
const STOP_WORDS: &[&str] = &[
    "mô hình",
    "dân vận",
    "khéo",
    "thành phố",
    "thị trấn",
    "thị xã",
    "xã",
    "huyện",
    "tỉnh",
    "phường",
    "quận",
    "ấp",
    "thôn",
    "góp phần",
    "của",
    "và",
    "với",
    "cho",
    "các",
    "những",
    "trong",
    "tại",
    "ở",
    "là",
    "có",
    "được",
    "một",
];

/// `STOP_WORDS` as token lists, in the tokens' tone placement.
static STOP: LazyLock<Vec<Vec<String>>> =
    LazyLock::new(|| STOP_WORDS.iter().map(|w| tokens(w)).collect());

/// The title's words, as hashes. Vietnamese words are mostly two syllables ("hòa
/// giải", "lúa sạch"), so a word here is a pair of neighbouring syllables, neither
/// part of a stop word; a title left with one syllable keeps it as its word. Tone
/// placement does not matter ("hoà" = "hòa"); diacritics do ("tình" ≠ "tỉnh").
fn title_words(title: &str) -> Vec<u64> {
    let syl = tokens(title);
    let mut keep: Vec<Option<&str>> = syl.iter().map(|s| Some(s.as_str())).collect();
    for stop in STOP.iter() {
        for at in 0..syl.len().saturating_sub(stop.len() - 1) {
            if syl[at..at + stop.len()] == stop[..] {
                keep[at..at + stop.len()].fill(None);
            }
        }
    }
    let mut words: Vec<u64> = keep
        .windows(2)
        .filter_map(|w| match (w[0], w[1]) {
            (Some(a), Some(b)) => Some(hash(&(a, b))),
            _ => None,
        })
        .collect();
    if words.is_empty() {
        words.extend(keep.iter().flatten().map(hash));
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// A stable hash (the same in every build and on every machine).
fn hash<T: Hash + ?Sized>(v: &T) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    v.hash(&mut h);
    h.finish()
}

/// The kind of organisation that runs a model, read from the free-text `unit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// Hội Liên hiệp Phụ nữ, Hội Phụ nữ.
    Women,
    /// Hội Nông dân.
    Farmers,
    /// Đoàn Thanh niên, Hội Liên hiệp Thanh niên.
    Youth,
    /// Hội Cựu chiến binh.
    Veterans,
    /// Công đoàn, Liên đoàn Lao động.
    TradeUnion,
    /// Hội Người cao tuổi.
    Elderly,
    /// Công an.
    Police,
    /// Quân sự, Bộ đội Biên phòng, Quân đội.
    Military,
    /// Mặt trận Tổ quốc.
    Front,
    /// Ban Dân vận.
    MassMobilisation,
    /// Ủy ban nhân dân.
    Government,
    /// Chi bộ, Đảng ủy, Đảng bộ, cấp ủy.
    Party,
}

impl UnitKind {
    /// Folded phrases (and abbreviations) per kind, in the order they are tried: the
    /// mass organisations first ("Hội Phụ nữ Công an" is the women's union), party
    /// bodies last ("Ban Dân vận Tỉnh ủy" is the mass-mobilisation board).
    const PHRASES: [(UnitKind, &'static [&'static str]); 12] = [
        (UnitKind::Women, &["phu nu", "lhpn", "hlhpn"]),
        (UnitKind::Farmers, &["nong dan", "hnd"]),
        (
            UnitKind::Youth,
            &["thanh nien", "doan tncs", "tncs", "dtn", "hoi lhtn"],
        ),
        (UnitKind::Veterans, &["cuu chien binh", "ccb"]),
        (UnitKind::TradeUnion, &["cong doan", "lao dong", "ldld"]),
        (UnitKind::Elderly, &["nguoi cao tuoi"]),
        (UnitKind::Police, &["cong an", "ca"]),
        (
            UnitKind::Military,
            &[
                "quan su",
                "bien phong",
                "bo doi",
                "quan doi",
                "quan khu",
                "su doan",
                "trung doan",
                "lu doan",
                "bdbp",
            ],
        ),
        (UnitKind::Front, &["mat tran", "mttq"]),
        (UnitKind::MassMobilisation, &["dan van"]),
        (
            UnitKind::Government,
            &["uy ban nhan dan", "ubnd", "chinh quyen"],
        ),
        (
            UnitKind::Party,
            &[
                "chi bo", "dang uy", "dang bo", "tinh uy", "huyen uy", "thanh uy", "quan uy",
                "thi uy", "cap uy",
            ],
        ),
    ];

    /// The kind of a `unit:` text, if it names a known one.
    pub fn of(unit: &str) -> Option<UnitKind> {
        // Whole words only, so "ca" (công an) never matches inside "cac".
        let text = folded_words(unit);
        UnitKind::PHRASES
            .iter()
            .find(|(_, phrases)| phrases.iter().any(|p| has_phrase(&text, p)))
            .map(|(k, _)| *k)
    }
}

/// `s` folded, its words joined by single spaces: "Hội Phụ nữ, xã A" → "hoi phu nu xa a".
fn folded_words(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for w in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// True if `text` (words joined by spaces) contains the words of `phrase` in a row.
fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let end = at + phrase.len();
        (at == 0 || text.as_bytes()[at - 1] == b' ')
            && (end == text.len() || text.as_bytes()[end] == b' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::config::Config;
    use crate::load::SourcePath;

    fn article(slug: &str, title: &str, province: &str, field: usize, year: i32) -> Article {
        Article {
            source: SourcePath(format!("content/{slug}.md")),
            source_text: crate::article::SourceText::Text("".into()),
            title: title.to_owned(),
            slug: slug.to_owned(),
            url: format!("/mo-hinh/{slug}/"),
            province: REGISTRY.resolve(province).expect("province"),
            field,
            year,
            date: None,
            summary: None,
            unit: None,
            locality: None,
            level: None,
            author: None,
            source_name: None,
            source_url: None,
            image: None,
            tags: Vec::new(),
            tag_slugs: Vec::new(),
            aliases: Vec::new(),
            draft: false,
            withdrawn: None,
            extra: serde_json::Value::Null,
            html: "".into(),
            word_count: 0,
            assets: Vec::new(),
            has_code: false,
            hash: 0,
        }
    }

    fn with_tags(mut a: Article, tags: &[&str]) -> Article {
        a.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        a.tag_slugs = tags.iter().map(|t| crate::vietnamese::slugify(t)).collect();
        a
    }

    fn with_unit(mut a: Article, unit: &str) -> Article {
        a.unit = Some(unit.to_owned());
        a
    }

    /// Related slugs of the story with slug `of`.
    fn related_of(site: &Site, of: &str) -> Vec<String> {
        let rel = related(site);
        let i = site
            .articles
            .iter()
            .position(|a| a.slug == of)
            .expect("story");
        rel[i]
            .iter()
            .map(|&j| site.articles[j].slug.clone())
            .collect()
    }

    #[test]
    fn unit_kinds_fold_diacritics_and_spellings() {
        let k = UnitKind::of;
        assert_eq!(k("Hội Liên hiệp Phụ nữ xã Vĩnh Hòa"), Some(UnitKind::Women));
        assert_eq!(k("Hoi Phu nu ap 3"), Some(UnitKind::Women));
        assert_eq!(k("Hội Nông dân huyện Chợ Mới"), Some(UnitKind::Farmers));
        assert_eq!(k("Đoàn Thanh niên phường 5"), Some(UnitKind::Youth));
        assert_eq!(k("Hội Cựu chiến binh xã"), Some(UnitKind::Veterans));
        assert_eq!(k("Công an xã Tân Lộc"), Some(UnitKind::Police));
        assert_eq!(k("Ủy ban MTTQ Việt Nam xã"), Some(UnitKind::Front));
        assert_eq!(k("Ban Dân vận Tỉnh ủy"), Some(UnitKind::MassMobilisation));
        assert_eq!(k("Chi bộ ấp Hòa Lợi"), Some(UnitKind::Party));
        assert_eq!(k("Đảng ủy xã"), Some(UnitKind::Party));
        assert_eq!(k("UBND thị trấn"), Some(UnitKind::Government));
        assert_eq!(k("Ủy ban nhân dân xã"), Some(UnitKind::Government));
        assert_eq!(k("Đồn Biên phòng Cửa khẩu"), Some(UnitKind::Military));
        assert_eq!(k("Ban Chỉ huy Quân sự huyện"), Some(UnitKind::Military));
        assert_eq!(k("Hội Phụ nữ Công an tỉnh"), Some(UnitKind::Women));
        assert_eq!(k("Các hộ dân ven sông"), None);
    }

    #[test]
    fn title_words_skip_stop_words_and_tone_placement() {
        let a = title_words("Mô hình dân vận khéo “Tổ hòa giải”");
        let b = title_words("Tổ hoà giải xã An Bình");
        assert_eq!(a.len(), 2);
        assert_eq!(b.len(), 3);
        assert_eq!(shared(&a, &b), 2);
        assert!(title_words("Mô hình Dân vận khéo xã").is_empty());
        assert_eq!(title_words("Hũ gạo tình thương").len(), 3);
        assert_eq!(title_words("Nông dân giúp nhau").len(), 3);
        assert_eq!(title_words("Mô hình “Cải”"), title_words("Cải"));
    }

    #[test]
    fn near_takes_neighbours_on_both_sides() {
        let items: Vec<usize> = (0..100).map(|n| n * 2).collect();
        let mut out = Vec::new();
        near(&items, 100, 4, &mut out);
        assert_eq!(out, [96, 98, 102, 104]);
        out.clear();
        near(&items, 0, 4, &mut out);
        assert_eq!(out, [2, 4, 6, 8]);
        out.clear();
        near(&items, 198, 3, &mut out);
        assert_eq!(out, [192, 194, 196]);
        out.clear();
        near(&[5], 5, 4, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn scores_field_place_unit_kind_and_words() {
        let site = crate::taxonomy::index(
            Config::default(),
            vec![
                with_unit(
                    with_tags(
                        article("goc", "Tổ hòa giải ấp", "An Giang", 2, 2020),
                        &["hòa giải"],
                    ),
                    "Hội Phụ nữ xã",
                ),
                // Same field, same unit, same kind, shared tag and words: first.
                with_unit(
                    with_tags(
                        article("cung-tinh", "Tổ hòa giải khu phố", "An Giang", 2, 2019),
                        &["Hoà giải"],
                    ),
                    "Hội LHPN phường",
                ),
                // Same field, same region.
                article("cung-vung", "Đường hoa nông thôn", "Cần Thơ", 2, 2018),
                // Same field, far away.
                article("xa", "Xây nhà đại đoàn kết", "Hà Nội", 2, 2017),
                // Another field, same tag.
                with_tags(
                    article("khac-linh-vuc", "Camera an ninh", "Hà Nội", 0, 2016),
                    &["hoa giai"],
                ),
                // Another field, nothing shared.
                article("khong-lien-quan", "Cánh đồng lớn", "Sơn La", 1, 2015),
            ],
        );
        assert_eq!(
            related_of(&site, "goc"),
            ["cung-tinh", "cung-vung", "xa", "khac-linh-vuc"]
        );
        assert!(related_of(&site, "khong-lien-quan").is_empty());
    }

    #[test]
    fn never_itself_never_withdrawn_and_ties_go_to_the_newest() {
        let mut gone = article("da-go", "Mô hình A", "Cà Mau", 0, 2024);
        gone.withdrawn = Some("sai".into());
        let site = crate::taxonomy::index(
            Config::default(),
            vec![
                article("a", "Mô hình A", "Cà Mau", 0, 2020),
                gone,
                article("b", "Mô hình B", "Cà Mau", 0, 2022),
                article("c", "Mô hình C", "Cà Mau", 0, 2022),
                article("d", "Mô hình D", "Cà Mau", 0, 2019),
                article("e", "Mô hình E", "Cà Mau", 0, 2018),
                article("f", "Mô hình F", "Cà Mau", 0, 2023),
            ],
        );
        // All score the same: newest first, then by slug on the same day.
        assert_eq!(related_of(&site, "a"), ["f", "b", "c", "d"]);
        assert_eq!(related_of(&site, "f"), ["b", "c", "a", "d"]);
        assert!(related_of(&site, "da-go").is_empty());
        let rel = related(&site);
        for (i, r) in rel.iter().enumerate() {
            assert!(!r.contains(&i));
            assert!(r.iter().all(|&j| site.articles[j].is_listed()));
        }
    }

    #[test]
    fn the_memo_recomputes_only_when_an_input_changed() {
        let make = |title: &str, tag: &str, summary: &str| {
            let mut b = with_tags(article("b", title, "Cà Mau", 1, 2021), &[tag]);
            b.summary = Some(summary.to_owned());
            crate::taxonomy::index(
                Config::default(),
                vec![
                    with_tags(
                        article("a", "Tổ vay vốn xoay vòng", "Cà Mau", 1, 2020),
                        &["von"],
                    ),
                    b,
                    with_tags(
                        article("c", "Hũ gạo tình thương", "An Giang", 2, 2022),
                        &["gao"],
                    ),
                    with_tags(
                        article("d", "Ngày thứ bảy tình nguyện", "An Giang", 2, 2019),
                        &["gao"],
                    ),
                ],
            )
        };
        let mut memo = crate::engine::Related::default();
        let site = make("Nhà tình nghĩa", "nha", "một");
        assert_eq!(*memo.get(&site), related(&site));
        let before = memo.get(&site);
        // A summary edit: nothing related reads, so the same result comes back.
        let site = make("Nhà tình nghĩa", "nha", "hai");
        assert!(std::sync::Arc::ptr_eq(&before, &memo.get(&site)));
        // A tag edit: recomputed, and equal to a fresh computation.
        let site = make("Nhà tình nghĩa", "gao", "hai");
        let after = memo.get(&site);
        assert!(!std::sync::Arc::ptr_eq(&before, &after));
        assert_eq!(*after, related(&site));
        assert_ne!(*after, *before, "b now shares the tag of c and d");
    }

    #[test]
    fn deterministic_and_bounded_on_a_large_site() {
        let provinces = ["An Giang", "Cà Mau", "Hà Nội", "Huế", "Gia Lai", "Sơn La"];
        let units = ["Hội Phụ nữ", "Hội Nông dân", "Công an xã", "Chi bộ ấp"];
        let articles: Vec<Article> = (0..6000)
            .map(|n| {
                let a = article(
                    &format!("m-{n}"),
                    &format!("Mô hình số {} tổ {}", n % 97, n % 13),
                    provinces[n % provinces.len()],
                    n % 4,
                    1995 + i32::try_from(n % 30).unwrap_or(0),
                );
                with_unit(
                    with_tags(a, &[&format!("the {}", n % 50)]),
                    units[n % units.len()],
                )
            })
            .collect();
        let site = crate::taxonomy::index(Config::default(), articles);
        let t = std::time::Instant::now();
        let first = related(&site);
        assert!(t.elapsed().as_secs() < 20, "too slow: {:?}", t.elapsed());
        assert_eq!(first, related(&site));
        assert!(first.iter().all(|r| r.len() == MAX_RELATED));
    }
}
