//! Analysis of one model for the index: each field cut into phrases (at sentence and
//! clause punctuation), each phrase into syllable tokens through `crate::vietnamese`,
//! counted per field as folded words (with the exact spellings seen) and folded word
//! pairs. Also the BM25-style impact of a word in a document. No index state but the
//! build's `Vocabulary`, which numbers every word so the hot loop hashes integers.

use std::cell::RefCell;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;
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

/// A word (folded or exact) as its number in the build's `Vocabulary`.
pub(super) type Term = u32;

/// Two adjacent folded words as one key: the first in the high half.
pub(super) type PairKey = u64;

/// The pair key of `a` followed by `b`.
pub(super) fn pair(a: Term, b: Term) -> PairKey {
    (u64::from(a) << 32) | u64::from(b)
}

/// The words of one index build, numbered in the order first seen (which varies between
/// runs; the index is written in word order, so the numbers never reach the output).
pub(super) struct Vocabulary {
    /// Tells this build's numbers from another's in the per-thread caches.
    generation: u64,
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    ids: FxHashMap<Box<str>, Term>,
    names: Vec<Box<str>>,
}

impl Vocabulary {
    pub(super) fn new() -> Self {
        static GENERATION: AtomicU64 = AtomicU64::new(0);
        Vocabulary {
            generation: GENERATION.fetch_add(1, Ordering::Relaxed) + 1,
            table: Mutex::default(),
        }
    }

    /// The number of `word`, given one if it has none yet.
    fn intern(&self, word: &str) -> Term {
        // A panic while holding the lock cannot leave the table half-written.
        let mut table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = table.ids.get(word) {
            return id;
        }
        let id = table.names.len() as Term;
        table.names.push(word.into());
        table.ids.insert(word.into(), id);
        id
    }

    /// Every word, indexed by its number.
    pub(super) fn into_names(self) -> Vec<Box<str>> {
        self.table
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .names
    }

    /// The number of `word` if it was seen (tests).
    #[cfg(test)]
    pub(super) fn get(&self, word: &str) -> Option<Term> {
        let table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        table.ids.get(word).copied()
    }
}

/// Per-thread state of the analysis, reused from document to document.
#[derive(Default)]
struct Scratch {
    /// The `Vocabulary::generation` the cache below belongs to.
    generation: u64,
    /// Raw word -> its tokens as (folded, exact) numbers. A site has a few tens of
    /// thousands of distinct word forms, so normalising each once per thread saves
    /// most of the analysis time.
    raw: RawCache,
    /// Where each folded word, exact spelling and pair of the current document is in
    /// its `DocTerms` vector.
    words: FxHashMap<Term, u32>,
    spellings: FxHashMap<Term, u32>,
    pairs: FxHashMap<PairKey, u32>,
}

/// Raw word -> its tokens as (folded, exact) numbers.
type RawCache = FxHashMap<Box<str>, Box<[(Term, Term)]>>;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Most distinct raw words a thread keeps normalised (bounds memory on odd input).
const RAW_CACHE_MAX: usize = 200_000;

/// Calls `each(folded, exact)` for every token of `phrase`, in order. Equal to mapping
/// `fold` over `tokens(phrase)`: tokens never span two raw words (runs of letters,
/// digits and combining marks), so each raw word is normalised once and kept in `cache`.
fn each_token(
    cache: &mut RawCache,
    vocab: &Vocabulary,
    phrase: &str,
    mut each: impl FnMut(Term, Term),
) {
    for raw in phrase.split(is_word_break) {
        if raw.is_empty() {
            continue;
        }
        if let Some(toks) = cache.get(raw) {
            toks.iter().for_each(|&(folded, exact)| each(folded, exact));
            continue;
        }
        if cache.len() >= RAW_CACHE_MAX {
            cache.clear();
        }
        let toks: Box<[(Term, Term)]> = tokens(raw)
            .into_iter()
            .map(|t| (vocab.intern(&fold(&t)), vocab.intern(&t)))
            .collect();
        toks.iter().for_each(|&(folded, exact)| each(folded, exact));
        cache.insert(raw.into(), toks);
    }
}

/// What the index keeps of one document after analysis. Each vector is sorted by
/// postings part (`part_of_word`, `part_of_pair`) so parts can take their share.
#[derive(Debug, Default)]
pub(super) struct DocTerms {
    pub lengths: [u32; FIELDS],
    /// Folded words and their counts.
    pub words: Vec<(Term, Counts)>,
    /// Exact spellings (lowercase, canonical tone placement): (folded, exact, counts).
    /// An exact spelling folds to one word only, so it is keyed by itself.
    pub spellings: Vec<(Term, Term, Counts)>,
    /// Adjacent folded words inside one phrase.
    pub pairs: Vec<(PairKey, Counts)>,
}

/// Postings are kept in this many parts, merged in parallel.
pub(super) const PARTS: usize = 16;

/// The part a folded word's postings (and its spellings') live in.
pub(super) fn part_of_word(word: Term) -> usize {
    part_of_pair(u64::from(word))
}

/// The part a pair's postings live in: the top bits of a Fibonacci hash.
pub(super) fn part_of_pair(key: PairKey) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 60) as usize % PARTS
}

/// Adds one occurrence in field `f` to the entry of `key` in `list`, creating it.
fn count<K: Copy + Eq + std::hash::Hash, E>(
    slots: &mut FxHashMap<K, u32>,
    list: &mut Vec<E>,
    key: K,
    f: usize,
    new: impl FnOnce() -> E,
    counts: impl Fn(&mut E) -> &mut Counts,
) {
    let slot = *slots.entry(key).or_insert_with(|| {
        list.push(new());
        (list.len() - 1) as u32
    });
    let c = counts(&mut list[slot as usize]);
    c[f] = c[f].saturating_add(1);
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

/// True for characters between raw words: not a letter, digit or combining mark.
fn is_word_break(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_alphanumeric()
    } else {
        !(is_word_char(c) || is_combining_mark(c))
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
pub(super) fn analyze(doc: &SearchDoc<'_>, vocab: &Vocabulary) -> DocTerms {
    SCRATCH.with_borrow_mut(|s| {
        if s.generation != vocab.generation {
            s.raw.clear();
            s.generation = vocab.generation;
        }
        let year = doc.year.to_string();
        let mut out = DocTerms::default();
        let Scratch {
            raw,
            words,
            spellings,
            pairs,
            ..
        } = s;
        for (field, text) in field_texts(doc, &year) {
            let f = field as usize;
            for phrase in phrases(text) {
                let mut prev: Option<Term> = None;
                each_token(raw, vocab, phrase, |folded, exact| {
                    out.lengths[f] += 1;
                    let zero = Counts::default();
                    count(
                        words,
                        &mut out.words,
                        folded,
                        f,
                        || (folded, zero),
                        |e| &mut e.1,
                    );
                    count(
                        spellings,
                        &mut out.spellings,
                        exact,
                        f,
                        || (folded, exact, zero),
                        |e| &mut e.2,
                    );
                    if let Some(p) = prev.replace(folded) {
                        let key = pair(p, folded);
                        count(pairs, &mut out.pairs, key, f, || (key, zero), |e| &mut e.1);
                    }
                });
            }
        }
        words.clear();
        spellings.clear();
        pairs.clear();
        out.words.sort_unstable_by_key(|w| part_of_word(w.0));
        out.spellings.sort_unstable_by_key(|w| part_of_word(w.0));
        out.pairs.sort_unstable_by_key(|p| part_of_pair(p.0));
        out
    })
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
        let vocab = Vocabulary::new();
        let d = analyze(
            &doc("Dân vận khéo", "Hòa bình. Nông thôn mới, hoà", &tags),
            &vocab,
        );
        let id = |w: &str| vocab.get(w).unwrap_or(Term::MAX);
        let pair = |a: &str, b: &str| d.pairs.iter().any(|p| p.0 == super::pair(id(a), id(b)));
        let word = |w: &str| d.words.iter().find(|e| e.0 == id(w)).map(|e| e.1);
        assert!(pair("dan", "van"));
        assert!(pair("van", "kheo"));
        assert!(pair("nong", "thon"));
        assert!(pair("thon", "moi"));
        assert!(!pair("binh", "nong"), "a full stop ends a phrase");
        assert!(!pair("moi", "hoa"), "a comma ends a phrase");
        let hoa = word("hoa").expect("hoa");
        let spellings: Vec<_> = d.spellings.iter().filter(|s| s.0 == id("hoa")).collect();
        assert_eq!(spellings.len(), 1, "both tone placements are one spelling");
        assert_eq!(spellings[0].1, id("hoà"));
        assert_eq!(spellings[0].2, hoa);
        assert_eq!(hoa[Field::Body as usize], 2);
        assert_eq!(word("thon").expect("thon")[Field::Tags as usize], 1);
        assert_eq!(word("2020").expect("2020")[Field::Facets as usize], 1);
    }

    #[test]
    fn cheap_lengths_agree_with_analysis() {
        let tags = ["dân vận khéo".to_owned()];
        let d = doc(
            "Đà Nẵng: “Hũ gạo” 2024",
            "Một hai ba. Bốn, năm!\n\n## Sáu",
            &tags,
        );
        assert_eq!(lengths(&d), analyze(&d, &Vocabulary::new()).lengths);
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
