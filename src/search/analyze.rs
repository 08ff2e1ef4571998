//! Analysis of one model for the index: each field cut into phrases (at sentence and
//! clause punctuation), each phrase into syllable tokens through `crate::vietnamese`,
//! counted per field as folded words (with the exact spellings seen) and folded word
//! pairs. Also the BM25-style impact of a word in a document. Pure; no index state.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use unicode_normalization::char::is_combining_mark;

use super::SearchDoc;
use crate::vietnamese::{fold, tokens};

/// The indexed fields, in the order of `WEIGHTS` and `B`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Title,
    Tags,
    Summary,
    Unit,
    Locality,
    Province,
    Facets,
    Body,
}

/// Number of indexed fields.
pub(super) const FIELDS: usize = 8;

/// Weight of one (saturated) occurrence per field: the title counts most.
const WEIGHTS: [f64; FIELDS] = [8.0, 3.0, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0];
/// BM25 length normalisation per field (0 = none).
const B: [f64; FIELDS] = [0.5, 0.3, 0.5, 0.3, 0.3, 0.0, 0.0, 0.75];
/// BM25 term-frequency saturation.
const K1: f64 = 1.2;
/// Impacts are stored in one byte on a logarithmic scale: level `q` (1..=255) stands
/// for `IMPACT_MIN * IMPACT_STEP^(q - 1)`. Steps of 20% (±10%) are finer than BM25 is
/// meaningful and leave ~30 levels in use, which gzip packs into about 4 bits.
const IMPACT_MIN: f64 = 0.25;
const IMPACT_STEP: f64 = 1.2;

/// The impact a stored level stands for (search.js has the same table).
#[cfg(test)]
pub(super) fn impact_of(level: u8) -> f64 {
    IMPACT_MIN * IMPACT_STEP.powi(i32::from(level) - 1)
}

/// Term frequencies of one word or pair in one document, per field.
pub(super) type Counts = [u16; FIELDS];

/// One folded word of a document: its counts and the exact spellings it had there.
#[derive(Debug, Default)]
pub(super) struct WordCount {
    pub counts: Counts,
    /// Exact keys (lowercase, canonical tone placement) seen for this folded word,
    /// each with its own counts.
    pub spellings: Vec<(Term, Counts)>,
}

/// A word (folded or exact), shared: one allocation per thread for all its occurrences.
pub(super) type Term = Arc<str>;

/// What the index keeps of one document after analysis.
#[derive(Debug, Default)]
pub(super) struct DocTerms {
    pub lengths: [u32; FIELDS],
    pub words: FastMap<Term, WordCount>,
    /// Adjacent folded words inside one phrase.
    pub pairs: FastMap<(Term, Term), Counts>,
}

/// A hash map with a fast, non-keyed hasher (the keys are the site's own words).
pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The Fx hash (as in rustc): a multiply-rotate over 8-byte words.
#[derive(Default, Clone, Copy)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The tokens of one raw word: (folded, exact key) pairs, usually one.
type WordTokens = Box<[(Term, Term)]>;

thread_local! {
    /// Raw word -> its tokens. A site has a few tens of thousands of distinct word
    /// forms, so normalising each once per thread saves most of the analysis time.
    static WORD_CACHE: RefCell<FastMap<Box<str>, WordTokens>> = RefCell::default();
}

/// Most distinct raw words a thread keeps normalised (bounds memory on odd input).
const WORD_CACHE_MAX: usize = 200_000;

/// Calls `each(exact, folded)` for every token of `phrase`, in order. Equal to mapping
/// `fold` over `tokens(phrase)`: tokens never span two raw words (runs of letters,
/// digits and combining marks), so each raw word is normalised once and remembered.
fn for_each_token(phrase: &str, mut each: impl FnMut(&Term, &Term)) {
    WORD_CACHE.with_borrow_mut(|cache| {
        for raw in phrase.split(|c: char| !(is_word_char(c) || is_combining_mark(c))) {
            if raw.is_empty() {
                continue;
            }
            if let Some(toks) = cache.get(raw) {
                toks.iter().for_each(|(folded, exact)| each(exact, folded));
                continue;
            }
            if cache.len() >= WORD_CACHE_MAX {
                cache.clear();
            }
            let toks: WordTokens = tokens(raw)
                .into_iter()
                .map(|t| (fold(&t).into(), t.into()))
                .collect();
            toks.iter().for_each(|(folded, exact)| each(exact, folded));
            cache.insert(raw.into(), toks);
        }
    });
}

/// The texts of a document, each with its field. Tags are separate texts so that no
/// pair spans two tags; the year is searchable as a word of the facet field.
pub(super) fn field_texts<'a>(doc: &'a SearchDoc<'_>, year: &'a str) -> Vec<(Field, &'a str)> {
    let mut out = vec![
        (Field::Title, doc.title),
        (Field::Summary, doc.summary),
        (Field::Unit, doc.unit),
        (Field::Locality, doc.locality),
        (Field::Province, doc.province),
        (Field::Facets, doc.field),
        (Field::Facets, year),
        (Field::Body, doc.body),
    ];
    out.extend(doc.tags.iter().map(|t| (Field::Tags, t.as_str())));
    out
}

/// True for characters that end a phrase: no word pair is formed across them.
/// Hyphens, dashes and quotation marks do not ("Bà Rịa - Vũng Tàu" stays one phrase).
fn is_phrase_break(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '…'
            | '/'
            | '\\'
            | '|'
            | '\n'
            | '\r'
            | '\t'
            | '•'
            | '·'
            | '='
            | '+'
            | '*'
            | '#'
    )
}

/// `char::is_alphanumeric` with a fast path for the Latin letters of Vietnamese (all of
/// U+00C0..U+024F but × and ÷, and Latin Extended Additional), which std looks up slowly.
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => true,
        _ => c > '\u{7f}' && c.is_alphanumeric(),
    }
}

/// Splits a text into phrases at punctuation.
pub(super) fn phrases(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_phrase_break).filter(|p| !p.trim().is_empty())
}

/// Counts the tokens of each field, cheaply: runs of letters and digits, as `tokens`
/// would find them in NFC text. Used for the average field lengths.
pub(super) fn lengths(doc: &SearchDoc<'_>) -> [u32; FIELDS] {
    let year = doc.year.to_string();
    let mut lengths = [0u32; FIELDS];
    for (field, text) in field_texts(doc, &year) {
        let n = text
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .count();
        lengths[field as usize] += n as u32;
    }
    lengths
}

/// Analyses one document: its words (folded, with exact spellings) and word pairs.
pub(super) fn analyze(doc: &SearchDoc<'_>) -> DocTerms {
    let year = doc.year.to_string();
    let mut out = DocTerms {
        lengths: [0; FIELDS],
        words: FastMap::with_capacity_and_hasher(512, Default::default()),
        pairs: FastMap::with_capacity_and_hasher(1024, Default::default()),
    };
    for (field, text) in field_texts(doc, &year) {
        let f = field as usize;
        for phrase in phrases(text) {
            let mut prev: Option<Term> = None;
            for_each_token(phrase, |exact, folded| {
                out.lengths[f] += 1;
                let word = out.words.entry(Arc::clone(folded)).or_default();
                word.counts[f] = word.counts[f].saturating_add(1);
                match word.spellings.iter_mut().find(|(v, _)| v == exact) {
                    Some((_, c)) => c[f] = c[f].saturating_add(1),
                    None => {
                        let mut c = Counts::default();
                        c[f] = 1;
                        word.spellings.push((Arc::clone(exact), c));
                    }
                }
                if let Some(p) = prev.replace(Arc::clone(folded)) {
                    let counts = out.pairs.entry((p, Arc::clone(folded))).or_default();
                    counts[f] = counts[f].saturating_add(1);
                }
            });
        }
    }
    out
}

/// Average field lengths over the corpus, for length normalisation.
#[derive(Debug, Clone)]
pub(super) struct Averages([f64; FIELDS]);

impl Averages {
    /// Averages the per-document lengths (at least 1 token per field).
    pub(super) fn new(all: &[[u32; FIELDS]]) -> Self {
        let mut sum = [0f64; FIELDS];
        for l in all {
            for (s, &n) in sum.iter_mut().zip(l) {
                *s += f64::from(n);
            }
        }
        let n = all.len().max(1) as f64;
        Averages(sum.map(|s| (s / n).max(1.0)))
    }

    /// The impact of a word with `counts` in a document with `lengths`: the weighted
    /// sum over fields of BM25's saturated, length-normalised term frequency, as a level.
    pub(super) fn impact(&self, counts: &Counts, lengths: &[u32; FIELDS]) -> u8 {
        let mut impact = 0.0;
        for f in 0..FIELDS {
            if counts[f] == 0 {
                continue;
            }
            let norm = 1.0 - B[f] + B[f] * f64::from(lengths[f]) / self.0[f];
            let tf = f64::from(counts[f]) / norm;
            impact += WEIGHTS[f] * tf * (K1 + 1.0) / (tf + K1);
        }
        ((impact / IMPACT_MIN).ln() / IMPACT_STEP.ln() + 1.0)
            .round()
            .clamp(1.0, 255.0) as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(title: &'a str, body: &'a str, tags: &'a [String]) -> SearchDoc<'a> {
        SearchDoc {
            url: "/mo-hinh/x/",
            title,
            summary: "",
            province: "Cà Mau",
            province_slug: "ca-mau",
            current_province: "Cà Mau",
            current_province_slug: "ca-mau",
            field: "Kinh tế",
            field_slug: "kinh-te",
            year: 2020,
            unit: "",
            locality: "",
            tags,
            body,
        }
    }

    #[test]
    fn pairs_stay_inside_phrases_and_tags() {
        let tags = ["nông thôn".to_owned(), "mới".to_owned()];
        let d = analyze(&doc("Dân vận khéo", "Hòa bình. Nông thôn mới, hoà", &tags));
        let pair = |a: &str, b: &str| d.pairs.contains_key(&(Term::from(a), Term::from(b)));
        assert!(pair("dan", "van"));
        assert!(pair("van", "kheo"));
        assert!(pair("nong", "thon"));
        assert!(pair("thon", "moi"));
        assert!(!pair("binh", "nong"), "a full stop ends a phrase");
        assert!(!pair("moi", "hoa"), "a comma ends a phrase");
        let hoa = &d.words["hoa"];
        let spellings: Vec<&str> = hoa.spellings.iter().map(|s| &*s.0).collect();
        assert_eq!(spellings, ["hoà"], "both tone placements are one spelling");
        assert_eq!(hoa.spellings[0].1, hoa.counts);
        assert_eq!(hoa.counts[Field::Body as usize], 2);
        assert_eq!(d.words["thon"].counts[Field::Tags as usize], 1);
        assert_eq!(d.words["2020"].counts[Field::Facets as usize], 1);
    }

    #[test]
    fn cheap_lengths_agree_with_analysis() {
        let tags = ["dân vận khéo".to_owned()];
        let d = doc(
            "Đà Nẵng: “Hũ gạo” 2024",
            "Một hai ba. Bốn, năm!\n\n## Sáu",
            &tags,
        );
        assert_eq!(lengths(&d), analyze(&d).lengths);
    }

    #[test]
    fn title_outweighs_body_and_long_bodies_weigh_less() {
        let avg = Averages::new(&[[10, 3, 20, 5, 3, 2, 3, 1000]]);
        let mut title = [0u16; FIELDS];
        title[Field::Title as usize] = 1;
        let mut body = [0u16; FIELDS];
        body[Field::Body as usize] = 3;
        let lengths = [10, 3, 20, 5, 3, 2, 3, 1000];
        assert!(avg.impact(&title, &lengths) > avg.impact(&body, &lengths));
        let long = [10, 3, 20, 5, 3, 2, 3, 4000];
        assert!(avg.impact(&body, &long) < avg.impact(&body, &lengths));
        assert!(avg.impact(&body, &long) >= 1);
    }

    #[test]
    fn impact_levels_are_logarithmic() {
        assert_eq!(impact_of(1), 0.25);
        let avg = Averages::new(&[[1; FIELDS]]);
        let mut title = [0u16; FIELDS];
        title[Field::Title as usize] = 1;
        let level = avg.impact(&title, &[1; FIELDS]);
        let stored = impact_of(level);
        assert!((stored / 8.0 - 1.0).abs() < 0.1, "{level} -> {stored}");
    }
}
