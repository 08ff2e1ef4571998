//! Vietnamese text handling: NFC, one tone placement, diacritic folding, slugs, tokens
//! and the collator. Every other module goes through these functions, so "Hòa", "Hoà",
//! "HOÀ" and the NFD form of any of them meet in exactly one place. The same steps are
//! mirrored in `themes/default/static/assets/search.js`; `tests/search-vectors.json`
//! keeps the two in agreement.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::CollatorBorrowed;
use icu_collator::options::CollatorOptions;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Returns `s` in Unicode NFC, the form every text is kept in after loading.
pub fn nfc(s: &str) -> String {
    // Nearly all input is NFC already; the check is far cheaper than recomposing.
    if is_nfc(s) {
        return s.to_owned();
    }
    s.nfc().collect()
}

/// True if `s` is certainly in NFC (false may still be NFC: then recomposing is a no-op).
pub fn is_nfc(s: &str) -> bool {
    // Vietnamese is ASCII and precomposed Latin letters: a range test per character is
    // several times faster than Unicode's quick check, which only sees the rest.
    match first_non_starter(s) {
        None => true,
        // The character before `i`, if any, is a starter, so the check can begin at `i`.
        Some(i) => {
            unicode_normalization::is_nfc_quick(s[i..].chars())
                == unicode_normalization::IsNormalized::Yes
        }
    }
}

/// The byte offset of the first character that is not `is_nfc_starter`, read from the
/// UTF-8 bytes: this runs over every article at load, where decoding each character
/// cost as much as reading it. Only lead bytes from 0xCC up (U+0300 and beyond) need a
/// look, and of those the commonest in Vietnamese, E1 B8..BB (U+1E00..U+1EFF: ạ, ế,
/// ộ, ...), is accepted eight bytes at a time too.
fn first_non_starter(s: &str) -> Option<usize> {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Added to each byte's low seven bits, carries into its high bit from 0x4C up.
    const FROM_4C: u64 = 0x3434_3434_3434_3434;
    let word = |b: &[u8], at: usize| {
        b.get(at..at + 8)
            .map(|w| u64::from_le_bytes(w.try_into().unwrap_or_default()))
    };
    // 0x80 in each byte of `x` equal to `byte` (exact: no borrow between bytes).
    let equal = |x: u64, byte: u8| {
        let v = x ^ (ONES * u64::from(byte));
        !(((v & LOW7) + LOW7) | v) & HIGH
    };
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // `next`: the same eight bytes shifted by one, each byte's successor.
        if let (Some(x), Some(next)) = (word(b, i), word(b, i + 1)) {
            let high = ((x & LOW7) + FROM_4C) & x & HIGH;
            let fine = equal(x, 0xe1) & equal(next & 0xfcfc_fcfc_fcfc_fcfc, 0xb8);
            if high & !fine == 0 {
                i += 8;
                continue;
            }
        }
        match b[i] {
            // ASCII, U+0080..U+02FF, and continuation bytes (their lead was looked at).
            0x00..=0xcb => {}
            // U+1E00..U+1EFF.
            0xe1 if matches!(b.get(i + 1), Some(0xb8..=0xbb)) => {}
            // U+2010..U+2027, U+2030..U+203A, U+20AB, U+20AC.
            0xe2 if matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x90..=0xa7 | 0xb0..=0xba)) | (Some(0x82), Some(0xab | 0xac))
            ) => {}
            _ => return Some(i),
        }
        i += 1;
    }
    None
}

/// Characters that are NFC on their own and never combine with a neighbour (combining
/// class 0, NFC quick check "yes"): Latin up to U+02FF, Latin Extended Additional (the
/// precomposed Vietnamese letters), common punctuation, the đồng sign. Checked against
/// Unicode's tables in the tests; `first_non_starter` reads the same set from bytes.
#[cfg(test)]
fn is_nfc_starter(c: char) -> bool {
    matches!(c, '\0'..='\u{2ff}' | '\u{1e00}'..='\u{1eff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{203a}' | '\u{20ab}' | '\u{20ac}')
}

/// The five tone marks as combining characters (grave, acute, hook, tilde, dot below).
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// Folds `s` for matching: NFD, every combining mark removed, `đ`→`d`, lowercase.
/// "Đà Nẵng" → "da nang". Unicode decomposition alone leaves `đ`, hence the extra step.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // A character's decomposition does not depend on its neighbours, and the marks
        // that canonical ordering would move are dropped: folding each character alone
        // is folding the string.
        match FOLDED.get(c as usize) {
            Some(&Folded::Ascii(b)) => out.push(char::from(b)),
            Some(&Folded::Mark) => {}
            _ => fold_char(c, &mut out),
        }
    }
    out
}

/// `fold` of one character, the long way.
fn fold_char(c: char, out: &mut String) {
    unicode_normalization::char::decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        match d {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(d.to_lowercase()),
        }
    });
}

/// What `fold` makes of a character, when it is simple.
#[derive(Clone, Copy)]
enum Folded {
    /// One ASCII character.
    Ascii(u8),
    /// Nothing: a combining mark.
    Mark,
    /// Anything else: `fold_char`.
    Other,
}

/// `fold` of U+0000..U+1FFF (ASCII, Latin with every Vietnamese letter, combining
/// marks), computed once: slugs and search keys fold every title, tag and heading.
static FOLDED: LazyLock<Vec<Folded>> = LazyLock::new(|| {
    (0..0x2000u32)
        .map(|n| {
            let Some(c) = char::from_u32(n) else {
                return Folded::Other;
            };
            let mut s = String::new();
            fold_char(c, &mut s);
            match s.as_bytes() {
                [] => Folded::Mark,
                &[b] if b.is_ascii() => Folded::Ascii(b),
                _ => Folded::Other,
            }
        })
        .collect()
});

/// Removes diacritics but keeps case and spacing: "Bến Tre" → "Ben Tre", "Đà Nẵng" →
/// "Da Nang". For showing the unaccented spelling editors may type.
pub fn without_marks(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect::<String>()
        .nfc()
        .collect()
}

/// Makes a URL slug: folded, ASCII `a-z0-9` kept, every other run collapsed to one `-`.
/// "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau".
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// True for a slug made only of `a-z0-9` in runs joined by single hyphens.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Lowercases and puts the tone mark of each word on one canonical vowel (the
/// "new" placement: hoà, khoẻ, thuỷ, quỳ), so both spellings of a word give one key.
/// Input may be NFC or NFD; output is NFC.
pub fn exact_key(s: &str) -> String {
    let lower: String = s.nfd().flat_map(char::to_lowercase).collect();
    let mut out = String::with_capacity(lower.len());
    let mut word = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() || is_combining_mark(c) {
            word.push(c);
        } else {
            out.push_str(&place_tone(&word));
            word.clear();
            out.push(c);
        }
    }
    out.push_str(&place_tone(&word));
    out.nfc().collect()
}

/// Splits text into lowercase words (runs of letters and digits), each in its canonical
/// tone placement. This is the token stream of the search index.
pub fn tokens(s: &str) -> Vec<String> {
    exact_key(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Re-places the tone of one lowercase NFD word. Words that are not Vietnamese
/// syllables (no vowel, several tones) come back unchanged.
fn place_tone(word: &str) -> String {
    let mut tone = None;
    let mut base: Vec<char> = Vec::with_capacity(word.len());
    for c in word.chars() {
        if TONES.contains(&c) {
            if tone.is_some() {
                return word.to_owned();
            }
            tone = Some(c);
        } else {
            base.push(c);
        }
    }
    let Some(tone) = tone else {
        return word.to_owned();
    };
    // Letters as (base letter, its quality marks) so that "ư" counts as one vowel.
    let mut letters: Vec<(char, String)> = Vec::new();
    for c in base {
        match letters.last_mut() {
            Some((_, marks)) if is_combining_mark(c) => marks.push(c),
            _ => letters.push((c, String::new())),
        }
    }
    let Some(pos) = tone_position(&letters) else {
        return word.to_owned();
    };
    let mut out = String::with_capacity(word.len());
    for (i, (c, marks)) in letters.iter().enumerate() {
        out.push(*c);
        out.push_str(marks);
        if i == pos {
            out.push(tone);
        }
    }
    out
}

/// Index of the letter that carries the tone in the canonical placement.
fn tone_position(letters: &[(char, String)]) -> Option<usize> {
    let is_vowel = |(c, _): &(char, String)| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let start = letters.iter().position(is_vowel)?;
    let mut end = start;
    while end < letters.len() && is_vowel(&letters[end]) {
        end += 1;
    }
    if letters[end..].iter().any(is_vowel) {
        return None; // two vowel groups: not one syllable
    }
    let mut first = start;
    // "qu" and "gi" before another vowel: the u / i belongs to the consonant.
    if end - first > 1 && first > 0 {
        let prev = letters[first - 1].0;
        let this = letters[first].0;
        if (prev == 'q' && this == 'u') || (prev == 'g' && this == 'i') {
            first += 1;
        }
    }
    let vowels = &letters[first..end];
    // A vowel with a quality mark (ă â ê ô ơ ư) takes the tone; in "ươ" the last one.
    if let Some(i) = vowels.iter().rposition(|(_, m)| !m.is_empty()) {
        return Some(first + i);
    }
    let closed = end < letters.len();
    let pos = match vowels.len() {
        1 => 0,
        2 if closed => 1,
        2 => {
            let pair = (vowels[0].0, vowels[1].0);
            // oa, oe, uy (and uê handled above) carry the tone on the second vowel.
            if matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y')) {
                1
            } else {
                0
            }
        }
        _ => 1,
    };
    Some(first + pos)
}

/// The Vietnamese collator (a ă â b c d đ e ê …), built once per process.
static COLLATOR: LazyLock<Option<CollatorBorrowed<'static>>> = LazyLock::new(|| {
    let locale = icu_locale_core::locale!("vi");
    CollatorBorrowed::try_new(locale.into(), CollatorOptions::default()).ok()
});

/// Compares two strings in Vietnamese alphabetical order. Falls back to code-point
/// order only if the compiled collation data were missing (they are compiled in).
pub fn collate(a: &str, b: &str) -> Ordering {
    match COLLATOR.as_ref() {
        Some(c) => c.compare(a, b).then_with(|| a.cmp(b)),
        None => a.cmp(b),
    }
}

/// Edit distance with adjacent transpositions (optimal string alignment), over chars,
/// for "did you mean" suggestions: "titel" is one edit from "title".
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d: Vec<usize> = vec![0; (a.len() + 1) * w];
    for (i, row) in d.chunks_mut(w).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// The closest candidate within a distance that grows with the word's length.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let folded = fold(input);
    let limit = (folded.chars().count() / 3).clamp(1, 4);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&folded, &fold(c)), c))
        .filter(|(d, _)| *d <= limit)
        .min_by(|(d1, c1), (d2, c2)| d1.cmp(d2).then_with(|| c1.cmp(c2)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_by_table_is_fold_by_decomposition() {
        // Every character the table covers, and a few beyond it, alone and in context.
        let slow = |s: &str| {
            let mut out = String::new();
            for c in s.nfd() {
                if is_combining_mark(c) {
                    continue;
                }
                match c {
                    'đ' | 'Đ' => out.push('d'),
                    _ => out.extend(c.to_lowercase()),
                }
            }
            out
        };
        let mut all: String = (0..0x2100u32).filter_map(char::from_u32).collect();
        all.push_str("ĐÀ NẴNG, Hoà, hòa, ǅ, İ, ẞ, ﬁ, Ω, 東京");
        for c in all.chars() {
            let one = c.to_string();
            assert_eq!(fold(&one), slow(&one), "U+{:04X}", c as u32);
        }
        assert_eq!(fold(&all), slow(&all));
        let nfd: String = "Đà Nẵng Hoà Thuỷ".nfd().collect();
        assert_eq!(fold(&nfd), "da nang hoa thuy");
    }

    #[test]
    fn folds_d_stroke_and_marks() {
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("Dân vận khéo"), "dan van kheo");
        assert_eq!(fold("ĐỒNG THÁP"), "dong thap");
    }

    #[test]
    fn nfc_starters_agree_with_unicode_tables() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| is_nfc_starter(c))
        {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            let alone = unicode_normalization::is_nfc_quick(std::iter::once(c));
            assert_eq!(alone, unicode_normalization::IsNormalized::Yes, "{c:?}");
        }
    }

    #[test]
    fn byte_check_agrees_with_char_check() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            // At the end (bytes looked at one by one) and inside an eight-byte chunk.
            for s in [
                format!("abcdefghij{c}"),
                format!("ab{c}cdefghijklmnopq"),
                format!("abcdefg{c}hijklmnopq"),
            ] {
                assert_eq!(first_non_starter(&s).is_none(), is_nfc_starter(c), "{c:?}");
            }
        }
        assert_eq!(first_non_starter("Dân vận khéo \u{301}x"), Some(17));
    }

    #[test]
    fn nfc_check_catches_decomposed_and_reordered_text() {
        assert!(is_nfc("Dân vận khéo: 5 tỷ ₫ – “hũ gạo”"));
        assert!(!is_nfc("Da\u{302}n"), "decomposed â");
        assert!(!is_nfc("ho\u{323}\u{300}a"), "marks in non-canonical order");
        assert!(!is_nfc("\u{2000}"), "a singleton decomposition");
        // Long text, read eight bytes at a time: the mark after a run of ạ ế ộ is found.
        let long = "Hội Nông dân vận động bà con góp đất trồng lúa sạch ".repeat(3);
        assert!(is_nfc(&long));
        assert!(!is_nfc(&format!("{long}a\u{301}{long}")));
        let mark = format!("{long}ạ\u{1dc0}{long}");
        assert_eq!(
            first_non_starter(&mark),
            Some(long.len() + 3),
            "E1 B7 80 is a mark"
        );
        assert_eq!(nfc("Da\u{302}n va\u{323}\u{302}n"), "Dân vận");
        assert_eq!(nfc("漢字 ok"), "漢字 ok");
    }

    #[test]
    fn slugs_follow_the_spec() {
        assert_eq!(slugify("Bà Rịa - Vũng Tàu"), "ba-ria-vung-tau");
        assert_eq!(slugify("Văn hóa - xã hội"), "van-hoa-xa-hoi");
        assert_eq!(slugify("  Thừa Thiên Huế! "), "thua-thien-hue");
        assert_eq!(slugify("../../x"), "x");
        assert!(is_valid_slug("lien-gia-tu-quan"));
        assert!(!is_valid_slug("../x"));
        assert!(!is_valid_slug("a--b"));
        assert!(!is_valid_slug("Hoa"));
    }

    #[test]
    fn both_tone_placements_meet() {
        for (a, b) in [
            ("hoà", "hòa"),
            ("thuỷ", "thủy"),
            ("khoẻ", "khỏe"),
            ("quỳ", "qùy"),
        ] {
            assert_eq!(exact_key(a), exact_key(b), "{a} / {b}");
        }
        assert_eq!(exact_key("Hòa Bình"), "hoà bình");
        assert_eq!(exact_key("hoàng"), "hoàng");
        assert_eq!(exact_key("người"), "người");
        assert_eq!(exact_key("giữa"), "giữa");
        assert_eq!(exact_key("quốc"), "quốc");
    }

    #[test]
    fn nfd_input_gives_nfc_keys() {
        let nfd: String = "Dân vận khéo".nfd().collect();
        assert_eq!(exact_key(&nfd), "dân vận khéo");
        assert_eq!(tokens(&nfd), ["dân", "vận", "khéo"]);
    }

    #[test]
    fn collates_in_vietnamese_order() {
        let mut v = vec!["đ", "e", "d", "ê", "b", "â", "ă", "a", "c"];
        v.sort_by(|a, b| collate(a, b));
        assert_eq!(v, ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê"]);
        let mut p = vec![
            "Đồng Tháp",
            "Điện Biên",
            "Cà Mau",
            "An Giang",
            "Đà Nẵng",
            "Dak",
        ];
        p.sort_by(|a, b| collate(a, b));
        assert_eq!(
            p,
            [
                "An Giang",
                "Cà Mau",
                "Dak",
                "Đà Nẵng",
                "Điện Biên",
                "Đồng Tháp"
            ]
        );
    }

    /// The vectors search.js is tested against too (tests/js/normalize.test.mjs).
    #[test]
    fn shared_search_vectors() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../tests/search-vectors.json")).expect("json");
        let vectors = file["vectors"].as_array().expect("vectors");
        assert!(vectors.len() >= 40);
        for v in vectors {
            let input = v["input"].as_str().expect("input");
            let strings = |k: &str| -> Vec<String> {
                let list = v[k].as_array().expect("list");
                list.iter()
                    .map(|t| t.as_str().expect("str").to_owned())
                    .collect()
            };
            assert_eq!(exact_key(input), v["exact"], "exact key of {input:?}");
            assert_eq!(fold(input), v["folded"], "folded form of {input:?}");
            let toks = tokens(input);
            assert_eq!(toks, strings("tokens"), "tokens of {input:?}");
            let folded: Vec<String> = toks.iter().map(|t| fold(t)).collect();
            assert_eq!(
                folded,
                strings("folded_tokens"),
                "folded tokens of {input:?}"
            );
        }
    }

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            did_you_mean("provnce", ["province", "title"]),
            Some("province")
        );
        assert_eq!(did_you_mean("zzz", ["province"]), None);
    }
}
