//! Criterion micro-benchmarks of the functions that dominate a build: the Vietnamese
//! text functions, front matter parsing, Markdown rendering, the search index, and the
//! in-memory pipeline (`kheo::check`) on a small generated site. Whole-site timings at
//! 1,000-50,000 articles are `scripts/bench.py`'s job (BENCHMARKS.md); these are for
//! measuring one function before and after a change.
//!
//! Every input is built here, deterministically, from three real articles of the example
//! site copied into `benches/data/` (copied, not read from `content/`, so editing the
//! example site does not move the numbers). Run with `cargo bench --bench hot`; add
//! `-- vietnamese` (any substring of a benchmark name) to run some of them, or
//! `-- --quick` for a fast, rougher pass.

// A failed set-up is a bug in this file and `expect`'s message says which; allowed in
// case `expect_used` joins the crate's lints (only `unwrap_used` is there today).
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use unicode_normalization::UnicodeNormalization;

use kheo::load::Source;
use kheo::search::SearchDoc;
use kheo::{frontmatter, markdown, search, validate, vietnamese};

/// Three articles of the example site, verbatim (about 400-500 words of body each; a
/// table, lists, block quotes, headings).
const ARTICLES: [(&str, &str); 3] = [
    (
        "ben-tre/2018/ben-tre-cong-nhan-339-mo-hinh.md",
        include_str!("data/ben-tre-cong-nhan-339-mo-hinh.md"),
    ),
    (
        "an-giang/2024/van-dong-lap-dat-camera-an-ninh-them-doi-mat-giu-binh-yen-xom-ap.md",
        include_str!("data/van-dong-lap-dat-camera-an-ninh-them-doi-mat-giu-binh-yen-xom-ap.md"),
    ),
    (
        "ben-tre/2018/lien-gia-tu-quan-giu-nep-song-van-minh-o-cac-phuong-thanh-pho-ben-tre.md",
        include_str!(
            "data/lien-gia-tu-quan-giu-nep-song-van-minh-o-cac-phuong-thanh-pho-ben-tre.md"
        ),
    ),
];

/// Names sorted by the collation benchmark.
const NAMES: usize = 1000;
/// Documents given to `search::build`.
const SEARCH_DOCS: usize = 300;
/// Words of plain-text body per search document (the corpus of BENCHMARKS.md has ~1,200).
const SEARCH_DOC_WORDS: usize = 1200;
/// Articles in the generated site for the pipeline benchmarks.
const SITE_ARTICLES: usize = 40;

/// A small deterministic generator (SplitMix64), so inputs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        // n is small; the modulo bias is irrelevant for benchmark inputs.
        usize::try_from(self.next() % n as u64).expect("below n, which is a usize")
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

/// The Markdown body of an article: what follows the closing `---` fence.
fn body(article: &str) -> &str {
    let rest = article
        .strip_prefix("---\n")
        .expect("sample article starts with front matter");
    let end = rest
        .find("\n---\n")
        .expect("sample article closes its front matter");
    &rest[end + "\n---\n".len()..]
}

/// A 1,345-word Markdown body: the three sample bodies one after the other.
fn long_body() -> String {
    ARTICLES
        .iter()
        .map(|(_, a)| body(a).trim())
        .collect::<Vec<_>>()
        .join("\n\n")
}

const FAMILY: [&str; 16] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: [&str; 10] = [
    "Văn",
    "Thị",
    "Hữu",
    "Đức",
    "Ngọc",
    "Minh",
    "Thanh",
    "Quốc",
    "Thị Mỹ",
    "Hoài",
];
const GIVEN: [&str; 24] = [
    "An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hòa", "Hoà", "Hương", "Khoa",
    "Lâm", "Linh", "Lộc", "Mai", "Nga", "Phúc", "Quỳnh", "Sơn", "Thủy", "Thuỷ", "Ước", "Yến",
];

/// `n` person names with every kind of diacritic, both tone placements (Hòa/Hoà) and
/// the `Đ` that sorts after `D`.
fn names(n: usize) -> Vec<String> {
    let mut rng = Rng(1);
    (0..n)
        .map(|_| {
            format!(
                "{} {} {}",
                rng.pick(&FAMILY),
                rng.pick(&MIDDLE),
                rng.pick(&GIVEN)
            )
        })
        .collect()
}

/// Vietnamese text functions, over the 1,345-word body (bytes) or 1,000 names.
fn bench_vietnamese(c: &mut Criterion) {
    let text = long_body();
    let nfd: String = text.nfd().collect();
    let names = names(NAMES);

    let mut g = c.benchmark_group("vietnamese");
    // 50 samples of the slowest (about 1.4 ms) fit in the 2 s measurement.
    g.sample_size(50);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("nfc/body (already NFC)", |b| {
        b.iter(|| vietnamese::nfc(black_box(&text)));
    });
    g.throughput(Throughput::Bytes(nfd.len() as u64));
    g.bench_function("nfc/body (NFD)", |b| {
        b.iter(|| vietnamese::nfc(black_box(&nfd)));
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("fold/body", |b| {
        b.iter(|| vietnamese::fold(black_box(&text)));
    });
    g.bench_function("tokens/body", |b| {
        b.iter(|| vietnamese::tokens(black_box(&text)));
    });
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("slugify/1000 names", |b| {
        b.iter(|| {
            names
                .iter()
                .map(|n| vietnamese::slugify(black_box(n)))
                .collect::<Vec<_>>()
        });
    });
    g.bench_function("collate sort/1000 names", |b| {
        b.iter_batched_ref(
            || names.clone(),
            |v| v.sort_by(|a, b| vietnamese::collate(a, b)),
            BatchSize::SmallInput,
        );
    });
    g.finish();
}

/// Front matter of one article, and Markdown rendering of the 1,345-word body.
fn bench_article(c: &mut Criterion) {
    let (path, text) = ARTICLES[0];
    let source = Source::new(path, text, None);
    assert!(
        frontmatter::parse(&source).is_ok(),
        "the sample article's front matter parses"
    );
    let md = long_body();

    let mut g = c.benchmark_group("article");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("frontmatter::parse/1 article", |b| {
        b.iter(|| frontmatter::parse(black_box(&source)));
    });
    g.throughput(Throughput::Bytes(md.len() as u64));
    g.bench_function("markdown::render/1345-word body", |b| {
        b.iter(|| markdown::render(black_box(&md), false, &markdown::NoRewrite));
    });
    g.finish();
}

const PROVINCES: [&str; 12] = [
    "Bến Tre",
    "Bạc Liêu",
    "An Giang",
    "Quảng Nam",
    "Đà Nẵng",
    "Cà Mau",
    "Vĩnh Long",
    "Cần Thơ",
    "Đồng Tháp",
    "Hà Nội",
    "Sóc Trăng",
    "Thừa Thiên Huế",
];
const FIELDS: [&str; 4] = [
    "Kinh tế",
    "Văn hóa - xã hội",
    "Quốc phòng - an ninh",
    "Xây dựng hệ thống chính trị",
];
const MODELS: [&str; 10] = [
    "Tổ tự quản đường hoa",
    "Camera an ninh xóm ấp",
    "Liên gia tự quản",
    "Ngày thứ Bảy tình nguyện",
    "Hũ gạo tình thương",
    "Thắp sáng đường quê",
    "Tổ phụ nữ giữ đường biên",
    "Chi hội nông dân nghề nghiệp",
    "Dân vận khéo trong cải cách hành chính",
    "Mái ấm tình thương",
];
const LOCALITIES: [&str; 10] = [
    "xã Nhơn Thạnh",
    "phường Phú Khương",
    "xã Vĩnh Trạch Đông",
    "thị trấn Châu Thành",
    "xã Hòa Tiến",
    "phường Điện Ngọc",
    "xã Mỹ Hội Đông",
    "ấp Tân Quới",
    "phường Thủy Xuân",
    "xã Đông Thạnh",
];
const TAGS: [&str; 10] = [
    "an ninh trật tự",
    "nông thôn mới",
    "đô thị văn minh",
    "dân vận chính quyền",
    "giảm nghèo",
    "hội phụ nữ",
    "hội nông dân",
    "môi trường",
    "an sinh xã hội",
    "xây dựng đảng",
];

/// The sentences of the three sample bodies as plain text, the pool search documents and
/// generated articles are drawn from.
fn sentences() -> Vec<String> {
    ARTICLES
        .iter()
        .flat_map(|(_, a)| {
            let html = markdown::render(body(a), false, &markdown::NoRewrite).html;
            let text = markdown::html_text(&html);
            text.split_inclusive(". ")
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// About `words` words of sentences drawn from `pool`.
fn prose(rng: &mut Rng, pool: &[String], words: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    while n < words {
        let s = &pool[rng.below(pool.len())];
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s);
        n += s.split_whitespace().count();
    }
    out
}

/// What a search document borrows, owned.
struct DocData {
    url: String,
    title: String,
    summary: String,
    province: &'static str,
    province_slug: String,
    field: &'static str,
    field_slug: String,
    year: i32,
    unit: String,
    locality: &'static str,
    tags: Vec<String>,
    body: String,
}

fn doc_data(n: usize) -> Vec<DocData> {
    let pool = sentences();
    let mut rng = Rng(2);
    (0..n)
        .map(|i| {
            let province = rng.pick(&PROVINCES);
            let locality = rng.pick(&LOCALITIES);
            let title = format!("{} ở {locality} ({i})", rng.pick(&MODELS));
            let field = rng.pick(&FIELDS);
            let tags = (0..1 + rng.below(3))
                .map(|_| rng.pick(&TAGS).to_owned())
                .collect();
            DocData {
                url: format!("/mo-hinh/{}/", vietnamese::slugify(&title)),
                summary: prose(&mut rng, &pool, 30),
                province,
                province_slug: vietnamese::slugify(province),
                field,
                field_slug: vietnamese::slugify(field),
                year: 2015 + i32::try_from(rng.below(10)).expect("below 10"),
                unit: format!(
                    "Ban Dân vận {}",
                    rng.pick(&["Huyện ủy", "Thành ủy", "Đảng ủy xã"])
                ),
                locality,
                tags,
                body: prose(&mut rng, &pool, SEARCH_DOC_WORDS),
                title,
            }
        })
        .collect()
}

/// The whole search index for a few hundred ~1,200-word documents.
fn bench_search(c: &mut Criterion) {
    let data = doc_data(SEARCH_DOCS);
    let docs: Vec<SearchDoc<'_>> = data
        .iter()
        .map(|d| SearchDoc {
            url: &d.url,
            title: &d.title,
            summary: &d.summary,
            province: d.province,
            province_slug: &d.province_slug,
            current_province: d.province,
            current_province_slug: &d.province_slug,
            field: d.field,
            field_slug: &d.field_slug,
            year: d.year,
            unit: &d.unit,
            locality: d.locality,
            tags: &d.tags,
            body_html: &d.body,
            body_words: kheo::markdown::html_text(&d.body)
                .split_whitespace()
                .count(),
            level: None,
            kind: "",
        })
        .collect();
    assert!(!search::build(&docs).is_empty(), "the index has files");

    let mut g = c.benchmark_group("search");
    // Tens of milliseconds an iteration: flat sampling, the same few iterations per
    // sample, instead of criterion's linear ramp.
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("build/300 docs", |b| {
        b.iter(|| search::build(black_box(&docs)))
    });
    g.finish();
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// Writes a site of `n` articles under `root`: a short `site.yaml` (the example site's
/// settings), `content/`, and no `themes/` (the built-in theme is used).
fn write_site(root: &Path, n: usize) {
    let pool = sentences();
    let mut rng = Rng(3);
    std::fs::write(
        root.join("site.yaml"),
        "title: Dân vận khéo\nbase_url: https://dvk.example.vn/\nlanguage: vi\npage_size: 12\n\
         fields:\n  - Kinh tế\n  - Văn hóa - xã hội\n  - Quốc phòng - an ninh\n  - Xây dựng hệ thống chính trị\n",
    )
    .expect("write site.yaml");
    for i in 0..n {
        let province = rng.pick(&PROVINCES);
        let year = 2015 + rng.below(10);
        let title = format!("{} ở {} ({i})", rng.pick(&MODELS), rng.pick(&LOCALITIES));
        let slug = vietnamese::slugify(&title);
        let tags: String = (0..1 + rng.below(3))
            .map(|_| format!("  - {}\n", rng.pick(&TAGS)))
            .collect();
        // Sample bodies keep their Markdown (headings, table, lists); the summary is
        // drawn from the sentence pool so every article differs.
        let text = format!(
            "---\ntitle: {title}\nslug: {slug}\nprovince: {province}\nfield: {field}\nyear: {year}\n\
             date: {year}-{month:02}-{day:02}\nsummary: {summary}\nunit: Ban Dân vận Huyện ủy\n\
             level: huyện\nauthor: Phúc Lâm\ntags:\n{tags}---\n\n{body}",
            field = rng.pick(&FIELDS),
            month = 1 + rng.below(12),
            day = 1 + rng.below(28),
            summary = yaml_string(&prose(&mut rng, &pool, 25)),
            body = body(ARTICLES[i % ARTICLES.len()].1),
        );
        let dir = root
            .join("content")
            .join(vietnamese::slugify(province))
            .join(year.to_string());
        std::fs::create_dir_all(&dir).expect("create the content folder");
        std::fs::write(dir.join(format!("{slug}.md")), text).expect("write an article");
    }
}

/// `validate::articles` (front matter, checks, Markdown) and `kheo::check` (load,
/// validate, index, render every page into a sink that discards it, search index
/// included) on a generated site of 40 articles in a temporary folder.
fn bench_pipeline(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("create a temporary folder");
    write_site(dir.path(), SITE_ARTICLES);
    let opts = kheo::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    };
    let outcome = kheo::check(&opts).expect("check the generated site");
    assert!(
        outcome.diagnostics.is_empty() && outcome.models == SITE_ARTICLES,
        "the generated site is clean: {:#?}",
        outcome.diagnostics
    );
    let loaded = kheo::load::site(dir.path()).expect("load the generated site");
    let config = kheo::config::Config::parse(loaded.config_text.as_deref())
        .expect("the generated site.yaml parses");
    let vopts = validate::Options {
        drafts: false,
        max_year: validate::next_year(),
    };

    let mut g = c.benchmark_group("pipeline");
    g.measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Elements(SITE_ARTICLES as u64));
    g.sample_size(30);
    g.bench_function("validate::articles/40 articles", |b| {
        b.iter(|| validate::articles(black_box(&loaded), &config, vopts, None));
    });
    // Tens of milliseconds an iteration: see `bench_search`.
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.bench_function("check/40 articles", |b| {
        b.iter(|| kheo::check(black_box(&opts)).expect("check the generated site"));
    });
    g.finish();
}

/// Short warm-up and measurement: the whole run stays well under two minutes on two
/// cores. Groups with slow functions lower their sample size themselves.
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = hot;
    config = config();
    targets = bench_vietnamese, bench_article, bench_search, bench_pipeline
}
criterion_main!(hot);
