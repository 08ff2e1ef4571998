//! Unit tests of the index: format round trips through `read::Index`, determinism, file
//! layout, and the ranking rules (diacritics, tone placement, phrases, field weights).

use super::read::Index;
use super::*;

/// An owned document, so tests can build `SearchDoc`s from short literals.
struct Doc {
    url: String,
    title: &'static str,
    body: String,
    province: (&'static str, &'static str, &'static str, &'static str),
    field: (&'static str, &'static str),
    year: i32,
    tags: Vec<String>,
}

const CA_MAU: (&str, &str, &str, &str) = ("Cà Mau", "ca-mau", "Cà Mau", "ca-mau");
const BAC_LIEU: (&str, &str, &str, &str) = (
    "Bạc Liêu (nay thuộc Cà Mau)",
    "bac-lieu",
    "Cà Mau",
    "ca-mau",
);
const DA_NANG: (&str, &str, &str, &str) = ("Đà Nẵng", "da-nang", "Đà Nẵng", "da-nang");
const KINH_TE: (&str, &str) = ("Kinh tế", "kinh-te");
const VAN_HOA: (&str, &str) = ("Văn hóa - xã hội", "van-hoa-xa-hoi");

fn doc(slug: &str, title: &'static str, body: &str) -> Doc {
    Doc {
        url: format!("/mo-hinh/{slug}/"),
        title,
        body: body.to_owned(),
        province: CA_MAU,
        field: KINH_TE,
        year: 2020,
        tags: Vec::new(),
    }
}

fn view(d: &Doc) -> SearchDoc<'_> {
    SearchDoc {
        url: &d.url,
        title: d.title,
        summary: "",
        province: d.province.0,
        province_slug: d.province.1,
        current_province: d.province.2,
        current_province_slug: d.province.3,
        field: d.field.0,
        field_slug: d.field.1,
        year: d.year,
        unit: "",
        locality: "",
        tags: &d.tags,
        body_html: &d.body,
        body_words: crate::markdown::html_text(&d.body)
            .split_whitespace()
            .count(),
        level: None,
        kind: "",
    }
}

fn index(docs: &[Doc]) -> Index {
    let views: Vec<SearchDoc<'_>> = docs.iter().map(view).collect();
    Index::new(&build(&views))
}

fn urls(ranked: &[(String, u32, f64)]) -> Vec<&str> {
    ranked.iter().map(|r| r.0.as_str()).collect()
}

#[test]
fn empty_site_has_a_manifest_only() {
    let files = build(&[]);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "tim-kiem/index/manifest.json");
    let m: serde_json::Value = serde_json::from_slice(&files[0].1).expect("json");
    assert_eq!(m["docs"], 0);
}

#[test]
fn build_is_deterministic_and_stays_in_its_folder() {
    let docs = [
        doc("a", "Dân vận khéo ở Cà Mau", "Hoà bình và nông thôn mới."),
        doc("b", "Đà Nẵng xanh", "Hòa nhập cộng đồng."),
    ];
    let views: Vec<SearchDoc<'_>> = docs.iter().map(view).collect();
    let once = build(&views);
    let twice = build(&views);
    assert_eq!(once, twice);
    assert!(once.iter().all(|(p, _)| p.starts_with("tim-kiem/index/")));
    // Input order does not change the bytes: documents are numbered in facet order.
    let reversed: Vec<SearchDoc<'_>> = views.iter().rev().cloned().collect();
    assert_eq!(build(&reversed).len(), once.len());
}

#[test]
fn folded_queries_find_diacritics_and_d_stroke() {
    let docs = vec![
        doc("dn", "Đà Nẵng", "Thành phố biển."),
        doc("dvk", "Dân vận khéo", "Mô hình hay."),
        doc("other", "Hũ gạo tình thương", "Không liên quan."),
    ];
    let ix = index(&docs);
    assert_eq!(urls(&ix.rank("da nang")), ["/mo-hinh/dn/"]);
    assert_eq!(urls(&ix.rank("DAN VAN KHEO")), ["/mo-hinh/dvk/"]);
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Đà Nẵng").collect();
    assert_eq!(urls(&ix.rank(&nfd)), ["/mo-hinh/dn/"]);
    assert!(ix.rank("khong co tu nay").is_empty());
}

#[test]
fn exact_spelling_ranks_above_folded_and_tone_placement_does_not_matter() {
    let docs = vec![
        doc("hoa-flower", "Hoa", "Trồng hoa ven đường, hoa đẹp."),
        doc("hoa-old", "Chuyện làng", "Hòa giải ở cơ sở."),
        doc("hoa-new", "Chuyện xóm", "Hoà giải ở cơ sở."),
        doc("hoa-chem", "Văn hóa", "Văn hóa đọc."),
    ];
    let ix = index(&docs);
    for q in ["hoà", "hòa", "HÒA"] {
        let r = ix.rank(q);
        assert_eq!(r.len(), 4, "{q}: folded matches are kept");
        let top: Vec<&str> = urls(&r)[..2].to_vec();
        assert!(
            top.contains(&"/mo-hinh/hoa-old/") && top.contains(&"/mo-hinh/hoa-new/"),
            "{q}: {r:?}"
        );
    }
    // Without diacritics every spelling is equal and the title hit wins.
    assert_eq!(urls(&ix.rank("hoa"))[0], "/mo-hinh/hoa-flower/");
    let e = ix.word("hoa").expect("hoa");
    let spellings: Vec<&str> = e.spellings.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(spellings, ["hoa", "hoà", "hoá"]);
}

#[test]
fn with_diacritics_the_exact_spelling_in_the_title_wins() {
    let docs = vec![
        doc("hoa-body", "Văn hóa ở xã", "Tổ hòa giải."),
        doc("hoa-title", "Tổ hoà giải", "Một mô hình ở xã."),
        doc("hoa-none", "Hóa chất an toàn", "Không có gì."),
    ];
    let ix = index(&docs);
    let r = ix.rank("hòa");
    assert_eq!(
        urls(&r),
        [
            "/mo-hinh/hoa-title/",
            "/mo-hinh/hoa-body/",
            "/mo-hinh/hoa-none/"
        ],
        "{r:?}"
    );
    // Without diacritics the folded title hits tie, and the body hit adds to one of them.
    let r = ix.rank("hoa");
    assert_eq!(urls(&r)[0], "/mo-hinh/hoa-body/", "{r:?}");
}

#[test]
fn phrase_matches_rank_first() {
    let docs = vec![
        doc(
            "scattered",
            "Mới: nông dân và thôn xóm",
            "Nông nghiệp ở thôn, việc mới, nông thôn.",
        ),
        doc("phrase", "Chuyện làng", "Xây dựng nông thôn mới ở xã."),
    ];
    let ix = index(&docs);
    let r = ix.rank("nông thôn mới");
    assert_eq!(
        urls(&r),
        ["/mo-hinh/phrase/", "/mo-hinh/scattered/"],
        "{r:?}"
    );
    assert!(r[0].1 > r[1].1, "the phrase lifts the tier");
}

#[test]
fn title_hits_rank_above_body_hits() {
    let docs = vec![
        doc(
            "body",
            "Chuyện làng",
            "Camera an ninh giúp xóm yên bình, camera ở mọi ngõ.",
        ),
        doc("title", "Camera an ninh", "Một mô hình ở xã."),
    ];
    let ix = index(&docs);
    assert_eq!(urls(&ix.rank("camera"))[0], "/mo-hinh/title/");
}

#[test]
fn ties_break_by_document_order() {
    let docs = vec![
        doc("b", "Tủ sách", "Đọc sách."),
        doc("a", "Tủ sách", "Đọc sách."),
    ];
    let ix = index(&docs);
    let r = ix.rank("tủ sách");
    assert_eq!(r[0].2, r[1].2);
    assert_eq!(
        urls(&r),
        ["/mo-hinh/b/", "/mo-hinh/a/"],
        "same facets: input order"
    );
}

#[test]
fn facets_nest_former_provinces_and_order_documents() {
    let mut docs = vec![
        doc("dn", "Một", "x"),
        doc("bl", "Hai", "x"),
        doc("cm", "Ba", "x"),
        doc("cm2", "Bốn", "x"),
    ];
    docs[0].province = DA_NANG;
    docs[1].province = BAC_LIEU;
    docs[3].field = VAN_HOA;
    docs[3].year = 2019;
    let ix = index(&docs);
    let m = &ix.manifest;
    assert_eq!(
        m["provinces"],
        serde_json::json!([
            ["ca-mau", "Cà Mau", 0],
            ["bac-lieu", "Bạc Liêu (nay thuộc Cà Mau)", 0],
            ["da-nang", "Đà Nẵng", 2]
        ])
    );
    assert_eq!(
        m["fields"],
        serde_json::json!([
            ["kinh-te", "Kinh tế"],
            ["van-hoa-xa-hoi", "Văn hóa - xã hội"]
        ])
    );
    assert_eq!(
        m["groups"],
        serde_json::json!([
            [0, 0, 2020, 1],
            [0, 1, 2019, 1],
            [1, 0, 2020, 1],
            [2, 0, 2020, 1]
        ])
    );
    let order: Vec<String> = (0..4).map(|id| ix.meta(id)[0].clone()).collect();
    assert_eq!(
        order,
        [
            "/mo-hinh/cm/",
            "/mo-hinh/cm2/",
            "/mo-hinh/bl/",
            "/mo-hinh/dn/"
        ]
    );
}

#[test]
fn big_lists_go_to_packs_and_pairs_to_shards() {
    let docs: Vec<Doc> = (0..300)
        .map(|i| {
            let body = if i % 3 == 0 {
                "dân vận khéo, sản phẩm OCOP"
            } else {
                "dân vận khéo"
            };
            doc(&format!("d{i}"), "Mô hình", body)
        })
        .collect();
    let ix = index(&docs);
    let e = ix.word("dan").expect("dan");
    assert!(matches!(e.list, read::Ref::Packed { .. }), "{:?}", e.list);
    assert_eq!(ix.postings(&e).ids, (0..300).collect::<Vec<u32>>());
    let ocop = ix.word("ocop").expect("ocop");
    assert_eq!(ix.postings(&ocop).ids.len(), 100);
    assert_eq!(ix.pair("dan van").expect("pair").ids.len(), 300);
    assert_eq!(ix.pair("san pham").expect("pair").ids.len(), 100);
    assert!(ix.pair("kheo san").is_none(), "the comma ends the phrase");
    assert_eq!(ix.meta(299)[0], "/mo-hinh/d299/");
}

#[test]
fn spelling_subsets_map_back_to_documents() {
    let docs: Vec<Doc> = (0..200)
        .map(|i| {
            doc(
                &format!("d{i}"),
                "Mô hình",
                if i % 2 == 0 {
                    "văn hóa"
                } else {
                    "vận động, văn nghệ"
                },
            )
        })
        .collect();
    let ix = index(&docs);
    let e = ix.word("van").expect("van");
    assert_eq!(ix.spelling(&e, "văn").ids.len(), 200);
    let van = ix.spelling(&e, "vận");
    assert_eq!(van.ids.len(), 100);
    assert!(van.ids.iter().all(|id| ix.meta(*id)[3].contains("vận")));
    assert!(ix.spelling(&e, "vân").ids.is_empty());
}

#[test]
fn excerpts_collapse_whitespace_and_cut_at_a_word_end() {
    assert_eq!(excerpt("  Một\n\nhai   ba "), "Một hai ba");
    let long = "chữ ".repeat(500);
    let e = excerpt(&long);
    assert!(e.chars().count() <= EXCERPT_CHARS, "{}", e.len());
    assert!(e.ends_with("chữ"));
    assert_eq!(
        excerpt(&"x".repeat(EXCERPT_CHARS + 10)).len(),
        EXCERPT_CHARS + 10,
        "one long word is kept"
    );
}

#[test]
fn tags_are_listed_in_the_manifest_not_in_the_word_blocks() {
    let mut a = doc("a", "Đường làng", "Bà con góp đất.");
    a.tags = vec!["Nông thôn mới".to_owned()];
    let b = doc("b", "Nước sạch", "Nông thôn mới về đích.");
    let docs = [a, b];
    let files = build(&docs.iter().map(view).collect::<Vec<_>>());
    let manifest = &files
        .iter()
        .find(|f| f.0.ends_with("manifest.json"))
        .expect("manifest")
        .1;
    let m: serde_json::Value = serde_json::from_slice(manifest).expect("json");
    let tags = m["tags"].as_array().expect("tags");
    assert_eq!(tags.len(), 1);
    assert_eq!(tags[0][0], "nong-thon-moi");
    assert_eq!(tags[0][1], 1, "one story has the tag");
    let index = Index::new(&files);
    assert!(
        index.word("#nong-thon-moi").is_none(),
        "no word block holds it"
    );
    assert_eq!(
        urls(&index.rank("nong thon moi")).len(),
        2,
        "its words stay words"
    );
}

#[test]
fn attributes_give_level_kind_and_the_newest_first_order() {
    let mut old = doc("old", "Cũ", "Một.");
    old.year = 2016;
    let new = doc("new", "Mới", "Hai.");
    let owned = [new, old];
    let mut docs: Vec<SearchDoc<'_>> = owned.iter().map(view).collect();
    docs[0].level = Some(crate::article::Level::Tinh);
    docs[0].kind = "phu-nu";
    let files = build(&docs);
    let bytes = &files
        .iter()
        .find(|f| f.0.ends_with("/a.json"))
        .expect("a.json")
        .1;
    let a: serde_json::Value = serde_json::from_slice(bytes).expect("json");
    assert_eq!(a["levels"][1][0], "tinh");
    assert_eq!(a["kinds"][1][0], "phu-nu");
    // Documents are numbered in facet order (the 2016 story first); the input is newest first.
    assert_eq!(a["level"], "41", "none (chua-ghi), then tỉnh");
    assert_eq!(a["kind"], "81", "khac (no kind given), then phu-nu");
    let bytes = &files
        .iter()
        .find(|f| f.0.ends_with("/n.json"))
        .expect("n.json")
        .1;
    let newest: serde_json::Value = serde_json::from_slice(bytes).expect("json");
    assert_eq!(newest, serde_json::json!([1, 0]));
}

/// `after`'s index made whole, and made with `before`'s as the last build's; and
/// whether that one was patched (rather than made whole again).
fn whole_and_patched(before: &[Doc], after: &[Doc]) -> (Vec<IndexFile>, Vec<IndexFile>, bool) {
    let views: Vec<SearchDoc<'_>> = before.iter().map(view).collect();
    let mut last = std::collections::HashMap::new();
    let memo = build_into(&views, None, &mut |p, b| {
        last.insert(p, b);
    });
    let views: Vec<SearchDoc<'_>> = after.iter().map(view).collect();
    let read = |p: &str| last.get(p).cloned();
    let previous = Previous {
        memo: &memo,
        read: &read,
    };
    let order = Facets::new(&views).order;
    let (averages, now) = measure(&views, &order);
    let taken = patch::patch(&previous, &now, &views, &order, &averages).is_some();
    let mut patched = Vec::new();
    build_into(&views, Some(&previous), &mut |p, b| patched.push((p, b)));
    patched.sort_by(|a, b| a.0.cmp(&b.0));
    (build(&views), patched, taken)
}

/// Stories with shared words and spellings in many lists (packs, subsets, pairs, tags),
/// abbreviations among them.
fn corpus(n: usize) -> Vec<Doc> {
    corpus_of(n, &WORDS)
}

const WORDS: [&str; 14] = [
    "hòa giải",
    "hoà thuận",
    "Hòa Bình",
    "ủy ban",
    "UBND xã",
    "hiến đất",
    "làm đường",
    "nông thôn mới",
    "dân vận khéo",
    "phụ nữ",
    "vốn vay",
    "HTX",
    "kỹ thuật",
    "kĩ năng",
];

fn corpus_of(n: usize, words: &[&str]) -> Vec<Doc> {
    (0..n)
        .map(|i| {
            let body: Vec<&str> = (0..12)
                .map(|k| words[(i * 7 + k * k) % words.len()])
                .collect();
            let mut d = doc(&format!("s{i}"), "Mô hình dân vận khéo", &body.join(" "));
            d.year = 2018 + (i % 5) as i32;
            d.province = [CA_MAU, BAC_LIEU, DA_NANG][i % 3];
            d.tags = vec![["nông thôn mới", "an sinh"][i % 2].to_owned()];
            d
        })
        .collect()
}

#[test]
fn a_patched_index_is_the_whole_index_byte_for_byte() {
    let before = corpus(200);
    let edits: [fn(&mut Doc); 7] = [
        |d| d.body.push_str(" một câu mới về hòa giải ở cơ sở"),
        // A new spelling of a word that abbreviations also bring (`phu`, in HLHPN).
        |d| d.body.push_str(" phú quý"),
        // An abbreviation's words gone from a story.
        |d| d.body = d.body.replace("UBND", "Hội").replace("ủy ban", "nhân"),
        |d| d.body = "chỉ còn một từ".to_owned(),
        |d| d.body.push_str(" UBND huyện và HĐND xã"),
        |d| d.title = "Tên mới của mô hình",
        |d| d.tags.push("khuyến học".to_owned()),
    ];
    let mut patched_any = 0;
    for (k, edit) in edits.iter().enumerate() {
        let mut after = corpus(200);
        edit(&mut after[(17 + k * 31) % 200]);
        edit(&mut after[101]);
        let (whole, patched, taken) = whole_and_patched(&before, &after);
        assert_eq!(whole.len(), patched.len(), "edit {k}");
        for (w, p) in whole.iter().zip(&patched) {
            assert_eq!(w.0, p.0, "edit {k}");
            assert!(w.1 == p.1, "edit {k}: {} differs", w.0);
        }
        patched_any += usize::from(taken);
    }
    // Edits keep the averages' steps here, so all are patched; none may change the bytes.
    assert_eq!(patched_any, edits.len());
}

#[test]
fn a_spelling_only_an_edited_story_had_leaves_the_patched_index() {
    // `hợp` written out in one story; the others have the word only through `HTX`.
    let mut before = corpus(200);
    let with_htx = before
        .iter()
        .position(|d| d.body.contains("HTX"))
        .expect("HTX");
    before[with_htx].body.push_str(" hợp");
    let (whole, patched, taken) = whole_and_patched(&before, &corpus(200));
    assert!(taken);
    assert!(whole == patched);
    // And back: the spelling comes in with the edit.
    let (whole, patched, taken) = whole_and_patched(&corpus(200), &before);
    assert!(taken);
    assert!(whole == patched);
}

#[test]
fn stories_added_removed_or_moved_renumber_the_others_in_a_patch() {
    let before = corpus(200);
    let mut added = corpus(200);
    added.insert(0, doc("moi", "Mô hình mới", "hòa giải ở cơ sở"));
    let mut removed = corpus(200);
    removed.remove(50);
    let mut moved = corpus(200);
    moved[60].year = 2024;
    moved[61].province = DA_NANG;
    for (what, after) in [("added", added), ("removed", removed), ("moved", moved)] {
        let (whole, patched, taken) = whole_and_patched(&before, &after);
        assert!(taken, "{what}: not patched");
        assert!(whole == patched, "{what}: the bytes differ");
    }
}

#[test]
fn an_index_is_made_whole_when_many_stories_change() {
    let before = corpus(200);
    // Past one change in eight (an edit is two: the old entries out, the new in).
    let mut after = corpus(200);
    for d in after.iter_mut().take(13) {
        d.body.push_str(" thêm");
    }
    let (whole, patched, taken) = whole_and_patched(&before, &after);
    assert!(!taken);
    assert!(whole == patched);
}

/// The index of `docs` as a last build left it: its files and memo.
fn last_index(docs: &[Doc]) -> (std::collections::HashMap<String, Vec<u8>>, Memo) {
    let views: Vec<SearchDoc<'_>> = docs.iter().map(view).collect();
    let mut last = std::collections::HashMap::new();
    let memo = build_into(&views, None, &mut |p, b| {
        last.insert(p, b);
    });
    (last, memo)
}

/// Whether `after`'s postings are patched from the last index `files` with `memo`.
fn patches(files: &std::collections::HashMap<String, Vec<u8>>, memo: &Memo, after: &[Doc]) -> bool {
    let views: Vec<SearchDoc<'_>> = after.iter().map(view).collect();
    let order = Facets::new(&views).order;
    let (averages, now) = measure(&views, &order);
    let read = |p: &str| files.get(p).cloned();
    let previous = Previous { memo, read: &read };
    patch::patch(&previous, &now, &views, &order, &averages).is_some()
}

#[test]
fn a_damaged_last_index_is_not_patched() {
    let (last, memo) = last_index(&corpus(50));
    let mut after = corpus(50);
    after[3].body.push_str(" mới");
    assert!(
        patches(&last, &memo, &after),
        "whole, the last index patches"
    );
    // Every file of the last index cut short in turn, and one missing: never a panic,
    // never a patch from it.
    let postings = ["/t/", "/p/", "/k/", "manifest"];
    let names: Vec<String> = last
        .keys()
        .filter(|p| postings.iter().any(|f| p.contains(f)))
        .cloned()
        .collect();
    assert!(names.iter().any(|p| p.contains("/k/")), "{names:?}");
    for name in &names {
        for cut in [
            0,
            1,
            last[name].len() / 2,
            last[name].len().saturating_sub(1),
        ] {
            let mut damaged = last.clone();
            damaged.get_mut(name).expect("file").truncate(cut);
            assert!(!patches(&damaged, &memo, &after), "{name} cut at {cut}");
        }
    }
    let mut missing = last.clone();
    missing.retain(|p, _| !p.ends_with("k/0.bin"));
    assert!(!patches(&missing, &memo, &after));
}

#[test]
fn an_index_is_made_whole_when_stories_swap_places_or_share_a_key() {
    let before = corpus(200);
    // Two stories of one province, field and year in the other input order: their
    // document ids swap, which no renumbering in order can say.
    let mut swapped = corpus(200);
    swapped.swap(0, 15);
    let (whole, patched, taken) = whole_and_patched(&before, &swapped);
    assert!(!taken);
    assert!(whole == patched);
    let mut twins = corpus(200);
    twins[7] = doc("s3", twins[3].title, &twins[3].body.clone());
    twins[7].province = twins[3].province;
    twins[7].year = twins[3].year;
    twins[7].tags = twins[3].tags.clone();
    let (whole, patched, taken) = whole_and_patched(&before, &twins);
    assert!(!taken);
    assert!(whole == patched);
}

#[test]
fn up_to_one_change_in_eight_is_patched() {
    let before = corpus(200);
    // 12 edits are 24 changes (out and in): 24 × 8 ≤ 200.
    let mut after = corpus(200);
    for d in after.iter_mut().skip(20).step_by(13).take(12) {
        d.body.push_str(" thêm");
    }
    let (whole, patched, taken) = whole_and_patched(&before, &after);
    assert!(taken);
    assert!(whole == patched);
}

#[test]
fn damaged_bytes_in_the_last_index_never_panic_the_patch() {
    let (last, memo) = last_index(&corpus(40));
    let mut after = corpus(40);
    after[3].body.push_str(" mới");
    let postings: Vec<String> = last
        .keys()
        .filter(|p| ["/t/", "/p/", "/k/"].iter().any(|f| p.contains(f)))
        .cloned()
        .collect();
    let mut tried = 0;
    for name in &postings {
        for at in (0..last[name].len()).step_by(7) {
            for flip in [0x01, 0x80, 0xff] {
                let mut damaged = last.clone();
                damaged.get_mut(name).expect("file")[at] ^= flip;
                // Refused or patched from what the bytes now say: either way, no panic.
                let _ = patches(&damaged, &memo, &after);
                tried += 1;
            }
        }
    }
    assert!(tried > 100, "{tried}");
}
