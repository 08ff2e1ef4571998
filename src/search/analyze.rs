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
use super::spelling::{Part, search_token_parts};
use crate::markdown::html_text;
use crate::vietnamese::fold;

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
    pub(super) fn intern(&self, word: &str) -> Term {
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
    words: Slots,
    spellings: Slots,
    pairs: FxHashMap<PairKey, u32>,
    /// The current document's counts before grouping, kept to reuse their memory.
    word_counts: Vec<(Term, Counts)>,
    spelling_counts: Vec<(Term, Term, Counts)>,
    pair_counts: Vec<(PairKey, Counts)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Most distinct raw words a thread keeps normalised (bounds memory on odd input).
const RAW_CACHE_MAX: usize = 200_000;

/// Raw word -> its tokens as (folded, exact) numbers.
#[derive(Default)]
struct RawCache {
    /// Words of up to 16 bytes, packed into one integer (`pack`): hashing and
    /// comparing an integer is cheaper than a string, and nearly every syllable fits.
    short: FxHashMap<u128, Span>,
    /// Longer words.
    long: FxHashMap<Box<str>, Span>,
    /// The tokens of every cached word, end to end (no allocation per word).
    tokens: Vec<(Term, Term)>,
}

/// In place of an exact spelling: a word of an abbreviation's expansion, counted as a
/// folded word and in pairs but with no spelling (the words as written rank first).
const NO_SPELLING: Term = Term::MAX;
/// In place of an exact spelling: the abbreviation itself, a folded word only (no
/// length, pair or spelling).
const WORD_ONLY: Term = Term::MAX - 1;

/// Where a raw word's tokens are in `RawCache::tokens`: start and count.
type Span = (u32, u32);

/// `raw` as an integer, if it has at most 16 bytes. Injective: a raw word has no zero
/// byte, so the zero padding tells its length.
fn pack(raw: &str) -> Option<u128> {
    if raw.len() > 16 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..raw.len()].copy_from_slice(raw.as_bytes());
    Some(u128::from_le_bytes(bytes))
}

impl RawCache {
    fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
        self.tokens.clear();
    }

    /// The tokens of the raw word `raw`, as `fold` over `tokens(raw)`, numbered.
    fn tokens(&mut self, vocab: &Vocabulary, raw: &str) -> &[(Term, Term)] {
        let key = pack(raw);
        let span = match key {
            Some(k) => self.short.get(&k),
            None => self.long.get(raw),
        };
        let (start, len) = match span {
            Some(&span) => span,
            None => {
                if self.short.len() + self.long.len() >= RAW_CACHE_MAX {
                    self.clear();
                }
                let start = self.tokens.len();
                self.tokens
                    .extend(search_token_parts(raw).into_iter().map(|(t, part)| {
                        let folded = vocab.intern(&fold(&t));
                        match part {
                            Part::Word => (folded, vocab.intern(&t)),
                            Part::Expanded => (folded, NO_SPELLING),
                            Part::Abbreviation => (folded, WORD_ONLY),
                        }
                    }));
                let span = (start as u32, (self.tokens.len() - start) as u32);
                match key {
                    Some(k) => self.short.insert(k, span),
                    None => self.long.insert(raw.into(), span),
                };
                span
            }
        };
        &self.tokens[start as usize..][..len as usize]
    }
}

/// Term -> position in a `DocTerms` vector for the current document, as a dense
/// array: the vocabulary has only tens of thousands of words, so indexing beats
/// hashing. An entry counts only if it carries the current document's stamp, so
/// nothing needs clearing between documents.
#[derive(Default)]
struct Slots {
    stamp: u32,
    /// (stamp, position) by term.
    slots: Vec<(u32, u32)>,
}

impl Slots {
    /// Forgets every entry: a new document starts.
    fn next_document(&mut self) {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.slots.fill((0, 0));
            self.stamp = 1;
        }
    }

    /// The position of `term`; if it has none yet, `len` (the caller appends it).
    fn position(&mut self, term: Term, len: usize) -> (usize, bool) {
        let t = term as usize;
        if t >= self.slots.len() {
            self.slots.resize(t + 1, (0, 0));
        }
        let slot = &mut self.slots[t];
        if slot.0 == self.stamp {
            return (slot.1 as usize, false);
        }
        *slot = (self.stamp, len as u32);
        (len, true)
    }
}

/// A raw word (a run of letters, digits and combining marks) or the end of a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'a> {
    Word(&'a str),
    PhraseEnd,
}

/// What a byte of UTF-8 text is to the scanners (`Pieces`, `word_runs`), given the low
/// six bits of the byte after it: enough to tell a two-byte character, and the block of
/// a three-byte one. Nearly every byte of Vietnamese text is classed without decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Byte {
    /// ASCII between words.
    Break,
    /// ASCII that ends a phrase (`is_phrase_break`).
    PhraseEnd,
    /// Starts a letter or digit (`is_word_char`): ASCII, U+00C0..U+023F but × and ÷,
    /// U+1E00..U+1EFF.
    Word,
    /// Continues the character before it.
    Continuation,
    /// Starts U+2000..U+203F, punctuation (quotes, dashes): no letter, digit or mark.
    Punctuation,
    /// Starts any other character: decode it.
    Other,
}

const fn byte_class(b: u8, next: u8) -> Byte {
    match b {
        0..=0x7f if (b as char).is_ascii_alphanumeric() => Byte::Word,
        0..=0x7f if is_phrase_break(b as char) => Byte::PhraseEnd,
        0..=0x7f => Byte::Break,
        0x80..=0xbf => Byte::Continuation,
        0xc3 if next == 0x17 || next == 0x37 => Byte::Other,
        0xc3..=0xc8 => Byte::Word,
        0xe1 if next >= 0x38 && next <= 0x3b => Byte::Word,
        0xe2 if next == 0 => Byte::Punctuation,
        _ => Byte::Other,
    }
}

/// `byte_class` of every byte and next six bits (16 KB: stays in the L1 cache).
static BYTES: [Byte; 256 * 64] = {
    let mut table = [Byte::Other; 256 * 64];
    let mut i = 0;
    while i < table.len() {
        table[i] = byte_class((i >> 6) as u8, (i & 0x3f) as u8);
        i += 1;
    }
    table
};

/// The `Byte` class of byte `i` of `bytes`.
#[inline(always)]
fn byte_at(bytes: &[u8], i: usize) -> Byte {
    let next = bytes.get(i + 1).map_or(0, |&n| usize::from(n & 0x3f));
    BYTES[usize::from(bytes[i]) << 6 | next]
}

/// The character starting at byte `i` of `text` (a character boundary).
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or_default()
}

/// The end of the word starting at byte `i` of `text`: letters and digits the table
/// knows, and other characters for which `part` is true.
#[inline(always)]
fn word_end(text: &str, mut i: usize, part: impl Fn(char) -> bool) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        match byte_at(bytes, i) {
            Byte::Word | Byte::Continuation => i += 1,
            Byte::Other if part(char_at(text, i)) => i += 1,
            _ => break,
        }
    }
    i
}

/// True for the characters of raw words: letters, digits and combining marks.
fn is_raw_word_char(c: char) -> bool {
    is_word_char(c) || is_combining_mark(c)
}

/// The raw words and phrase ends of a text in one pass over its bytes. The same as
/// splitting into `phrases` and each phrase at `is_word_break` (every phrase break is a
/// word break too), without the two passes and the per-character closures.
struct Pieces<'a> {
    text: &'a str,
    pos: usize,
}

fn pieces(text: &str) -> Pieces<'_> {
    Pieces { text, pos: 0 }
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        while self.pos < bytes.len() {
            let i = self.pos;
            self.pos += 1;
            // Between words, so a continuation byte belongs to a break.
            let word = match byte_at(bytes, i) {
                Byte::Word => true,
                Byte::Break | Byte::Continuation => false,
                Byte::PhraseEnd => return Some(Piece::PhraseEnd),
                // `…` (E2 80 A6) and `•` (E2 80 A2) end phrases.
                Byte::Punctuation => match bytes.get(i + 2) {
                    Some(0xa2 | 0xa6) => return Some(Piece::PhraseEnd),
                    _ => false,
                },
                Byte::Other => {
                    let c = char_at(text, i);
                    if is_phrase_break(c) {
                        return Some(Piece::PhraseEnd);
                    }
                    is_raw_word_char(c)
                }
            };
            if word {
                self.pos = word_end(text, i + 1, is_raw_word_char);
                return Some(Piece::Word(&text[i..self.pos]));
            }
        }
        None
    }
}

/// What the index keeps of one document after analysis, each vector grouped by
/// postings part (`part_of_word`, `part_of_pair`) so parts can take their share.
#[derive(Debug, Default)]
pub(super) struct DocTerms {
    pub lengths: [u32; FIELDS],
    /// Folded words and their counts.
    pub words: ByPart<(Term, Counts)>,
    /// Exact spellings (lowercase, canonical tone placement): (folded, exact, counts).
    /// An exact spelling folds to one word only, so it is keyed by itself.
    pub spellings: ByPart<(Term, Term, Counts)>,
    /// Adjacent folded words inside one phrase.
    pub pairs: ByPart<(PairKey, Counts)>,
}

/// Entries in part order, with where each part starts.
#[derive(Debug, Default)]
pub(super) struct ByPart<T> {
    all: Vec<T>,
    starts: [u32; PARTS + 1],
}

impl<T: Copy> ByPart<T> {
    /// Groups `all` by `part` (a counting sort: parts are few, entries many).
    fn new(all: &[T], part: impl Fn(&T) -> usize) -> Self {
        let parts: Vec<u8> = all.iter().map(|e| part(e) as u8).collect();
        let mut starts = [0u32; PARTS + 1];
        for &p in &parts {
            starts[usize::from(p) + 1] += 1;
        }
        for n in 0..PARTS {
            starts[n + 1] += starts[n];
        }
        let mut next = starts;
        let mut grouped = all.to_vec();
        for (e, &p) in all.iter().zip(&parts) {
            grouped[next[usize::from(p)] as usize] = *e;
            next[usize::from(p)] += 1;
        }
        ByPart {
            all: grouped,
            starts,
        }
    }
}

impl<T> ByPart<T> {
    /// The entries of part `n`.
    pub(super) fn part(&self, n: usize) -> &[T] {
        &self.all[self.starts[n] as usize..self.starts[n + 1] as usize]
    }
}

impl<T> std::ops::Deref for ByPart<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.all
    }
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

/// Adds one occurrence to a count.
fn bump(count: &mut u16) {
    *count = count.saturating_add(1);
}

/// The texts of a document, each with its field, `body` being the text of its HTML.
/// Tags are separate texts so that no pair spans two tags; the year is searchable as a
/// word of the facet field.
pub(super) fn field_texts<'a>(
    doc: &'a SearchDoc<'_>,
    year: &'a str,
    body: &'a str,
) -> Vec<(Field, &'a str)> {
    let mut out = vec![
        (Field::Title, doc.title),
        (Field::Summary, doc.summary),
        (Field::Unit, doc.unit),
        (Field::Locality, doc.locality),
        (Field::Province, doc.province),
        (Field::Facets, doc.field),
        (Field::Facets, year),
        (Field::Body, body),
    ];
    out.extend(doc.tags.iter().map(|t| (Field::Tags, t.as_str())));
    out
}

/// True for characters that end a phrase: no word pair is formed across them.
/// Hyphens, dashes and quotation marks do not ("Bà Rịa - Vũng Tàu" stays one phrase).
const fn is_phrase_break(c: char) -> bool {
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

/// True for characters between raw words: not a letter, digit or combining mark. The
/// definition `Pieces` implements in one pass (tests compare the two).
#[cfg(test)]
fn is_word_break(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_alphanumeric()
    } else {
        !(is_word_char(c) || is_combining_mark(c))
    }
}

/// Splits a text into phrases at punctuation (tests: `Pieces` does it in one pass).
#[cfg(test)]
pub(super) fn phrases(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_phrase_break).filter(|p| !p.trim().is_empty())
}

/// The length of each field, for the average field lengths: the body's words as
/// counted at render (`body_words`), and in the other, short fields the runs of letters
/// and digits, as `tokens` would find them in NFC text.
pub(super) fn lengths(doc: &SearchDoc<'_>) -> [u32; FIELDS] {
    let year = doc.year.to_string();
    let mut lengths = [0u32; FIELDS];
    for (field, text) in field_texts(doc, &year, "") {
        lengths[field as usize] += word_runs(text);
    }
    lengths[Field::Body as usize] = u32::try_from(doc.body_words).unwrap_or(u32::MAX);
    lengths
}

/// The number of runs of `is_word_char` characters in `text`, in one pass over its
/// bytes. Branch-free but for the rare characters the table cannot tell: a letter's
/// continuation bytes keep it in its run, any other's out.
fn word_runs(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let (mut runs, mut inside) = (0, false);
    for i in 0..bytes.len() {
        let class = byte_at(bytes, i);
        let word = if class == Byte::Other {
            is_word_char(char_at(text, i))
        } else {
            (class == Byte::Word) | ((class == Byte::Continuation) & inside)
        };
        runs += u32::from(word & !inside);
        inside = word;
    }
    runs
}

/// Analyses one document: its words (folded, with exact spellings) and word pairs.
pub(super) fn analyze(doc: &SearchDoc<'_>, vocab: &Vocabulary) -> DocTerms {
    SCRATCH.with_borrow_mut(|s| {
        if s.generation != vocab.generation {
            s.raw.clear();
            s.generation = vocab.generation;
        }
        let year = doc.year.to_string();
        let body = html_text(doc.body_html);
        let mut lengths = [0u32; FIELDS];
        let Scratch {
            raw,
            words,
            spellings,
            pairs,
            word_counts: all_words,
            spelling_counts: all_spellings,
            pair_counts: all_pairs,
            ..
        } = s;
        all_words.clear();
        all_spellings.clear();
        all_pairs.clear();
        words.next_document();
        spellings.next_document();
        let zero = Counts::default();
        for (field, text) in field_texts(doc, &year, &body) {
            let f = field as usize;
            let mut prev: Option<Term> = None;
            for piece in pieces(text) {
                let Piece::Word(word) = piece else {
                    prev = None;
                    continue;
                };
                for &(folded, exact) in raw.tokens(vocab, word) {
                    let (i, new) = words.position(folded, all_words.len());
                    if new {
                        all_words.push((folded, zero));
                    }
                    bump(&mut all_words[i].1[f]);
                    if exact == WORD_ONLY {
                        continue;
                    }
                    lengths[f] += 1;
                    if exact != NO_SPELLING {
                        let (i, new) = spellings.position(exact, all_spellings.len());
                        if new {
                            all_spellings.push((folded, exact, zero));
                        }
                        bump(&mut all_spellings[i].2[f]);
                    }
                    if let Some(p) = prev.replace(folded) {
                        let key = pair(p, folded);
                        let i = *pairs.entry(key).or_insert_with(|| {
                            all_pairs.push((key, zero));
                            (all_pairs.len() - 1) as u32
                        });
                        bump(&mut all_pairs[i as usize].1[f]);
                    }
                }
            }
        }
        pairs.clear();
        // Each tag also as one word, `#` and its slug (no query word has a `#`): search.js
        // lifts the stories tagged with what the reader typed (`tag_word`).
        for tag in doc.tags.iter().map(|t| tag_word(t)).filter(|t| t.len() > 1) {
            let term = vocab.intern(&tag);
            let (i, new) = words.position(term, all_words.len());
            if new {
                all_words.push((term, zero));
            }
            bump(&mut all_words[i].1[Field::Tags as usize]);
        }
        // As in `lengths`: the body's length is its word count.
        lengths[Field::Body as usize] = u32::try_from(doc.body_words).unwrap_or(u32::MAX);
        DocTerms {
            lengths,
            words: ByPart::new(all_words, |w| part_of_word(w.0)),
            spellings: ByPart::new(all_spellings, |s| part_of_word(s.0)),
            pairs: ByPart::new(all_pairs, |p| part_of_pair(p.0)),
        }
    })
}

/// The word a tag is indexed as besides its words: `#` and the tag's slug
/// (`#nong-thon-moi`); search.js makes the same of the words a reader types.
fn tag_word(tag: &str) -> String {
    format!("#{}", crate::vietnamese::slugify(tag))
}

/// Average field lengths over the corpus, for length normalisation, each rounded to a
/// step of `STEPS_PER_OCTAVE`: one edited story almost never moves a step, so the
/// impacts of every other story stay as they were and the index can be patched
/// (`search::patch`) instead of made whole. A step is 4.4 %, so ranking barely notices.
#[derive(Debug, Clone)]
pub(super) struct Averages {
    /// Per field, the step of its average: the average is `2^(step / STEPS_PER_OCTAVE)`.
    pub steps: [i32; FIELDS],
    lengths: [f64; FIELDS],
    /// `bounds[q - 1]`: the impact (within rounding) where level `q` turns into `q + 1`.
    bounds: [f64; 254],
}

/// Steps of the average field lengths in a doubling (see `Averages`).
const STEPS_PER_OCTAVE: f64 = 16.0;

/// The impacts of one document's words: its BM25 length normalisation per field,
/// computed once, and the levels of single-field counts seen so far. Most words occur
/// in one field only, and then the level depends on the field and count alone.
pub(super) struct DocImpacts<'a> {
    averages: &'a Averages,
    norms: [f64; FIELDS],
    /// Level by field and count (below `SINGLE_MAX`); 0 until computed.
    single: [[u8; SINGLE_MAX]; FIELDS],
}

/// Single-field counts up to this (excluded) are remembered by `DocImpacts`.
const SINGLE_MAX: usize = 16;

impl DocImpacts<'_> {
    /// The impact of a word with `counts` in this document: the weighted sum over
    /// fields of BM25's saturated, length-normalised term frequency, as a level.
    pub(super) fn impact(&mut self, counts: &Counts) -> u8 {
        let mut fields = (0..FIELDS).filter(|&f| counts[f] > 0);
        if let (Some(f), None) = (fields.next(), fields.next())
            && let Some(level) = self.single[f].get_mut(usize::from(counts[f]))
        {
            if *level == 0 {
                *level = self.averages.impact(counts, &self.norms);
            }
            return *level;
        }
        self.averages.impact(counts, &self.norms)
    }
}

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
        let mut bounds = [0.0; 254];
        for (q, b) in bounds.iter_mut().enumerate() {
            *b = IMPACT_MIN * IMPACT_STEP.powf(q as f64 + 0.5);
        }
        let steps = sum.map(|s| ((s / n).max(1.0).log2() * STEPS_PER_OCTAVE).round() as i32);
        Averages {
            steps,
            lengths: steps.map(|q| (f64::from(q) / STEPS_PER_OCTAVE).exp2()),
            bounds,
        }
    }

    /// The impacts of the words of a document with `lengths`.
    pub(super) fn document(&self, lengths: &[u32; FIELDS]) -> DocImpacts<'_> {
        DocImpacts {
            averages: self,
            norms: std::array::from_fn(|f| {
                1.0 - B[f] + B[f] * f64::from(lengths[f]) / self.lengths[f]
            }),
            single: [[0; SINGLE_MAX]; FIELDS],
        }
    }

    /// The impact of a word with `counts` in a document with length normalisation
    /// `norms`, as a level.
    fn impact(&self, counts: &Counts, norms: &[f64; FIELDS]) -> u8 {
        let mut impact = 0.0;
        for f in 0..FIELDS {
            if counts[f] == 0 {
                continue;
            }
            let tf = f64::from(counts[f]) / norms[f];
            impact += WEIGHTS[f] * tf * (K1 + 1.0) / (tf + K1);
        }
        self.level(impact)
    }

    /// `level_of(impact)` without a logarithm: the number of level bounds below the
    /// impact. Only an impact within a hair of a bound, where the two could round
    /// differently, takes the logarithm, so the levels are exactly `level_of`'s.
    fn level(&self, impact: f64) -> u8 {
        if !(impact > 0.0 && impact.is_finite()) {
            return level_of(impact);
        }
        // The number of bounds below: estimated from the float's exponent and mantissa
        // (a log2 within 0.09, so a level or so off), then walked to the exact count.
        let bits = impact.to_bits();
        let mantissa = (bits & ((1 << 52) - 1)) as f64 / (1u64 << 52) as f64;
        let log2 = (bits >> 52) as f64 - 1023.0 + mantissa;
        let estimate = (log2 - IMPACT_MIN.log2()) / IMPACT_STEP.log2() + 0.5;
        let mut above = estimate.clamp(0.0, self.bounds.len() as f64) as usize;
        while above < self.bounds.len() && self.bounds[above] < impact {
            above += 1;
        }
        while above > 0 && self.bounds[above - 1] >= impact {
            above -= 1;
        }
        let near = |i: usize| {
            self.bounds
                .get(i)
                .is_some_and(|&b| (impact - b).abs() <= b * 1e-9)
        };
        if near(above) || (above > 0 && near(above - 1)) {
            return level_of(impact);
        }
        (above + 1) as u8
    }
}

/// The stored level of an impact: `IMPACT_MIN * IMPACT_STEP^(level - 1)` nearest to it.
fn level_of(impact: f64) -> u8 {
    ((impact / IMPACT_MIN).ln() / IMPACT_STEP.ln() + 1.0)
        .round()
        .clamp(1.0, 255.0) as u8
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
            body_html: body,
            body_words: crate::markdown::html_text(body).split_whitespace().count(),
            level: None,
            kind: "",
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
        let mut doc = avg.document(&lengths);
        let mut long = avg.document(&[10, 3, 20, 5, 3, 2, 3, 4000]);
        assert!(doc.impact(&title) > doc.impact(&body));
        assert!(long.impact(&body) < doc.impact(&body));
        assert!(long.impact(&body) >= 1);
    }

    #[test]
    fn impact_levels_are_logarithmic() {
        assert_eq!(impact_of(1), 0.25);
        let avg = Averages::new(&[[1; FIELDS]]);
        let mut title = [0u16; FIELDS];
        title[Field::Title as usize] = 1;
        let level = avg.document(&[1; FIELDS]).impact(&title);
        let stored = impact_of(level);
        assert!((stored / 8.0 - 1.0).abs() < 0.1, "{level} -> {stored}");
    }

    /// Texts that exercise every path of the byte scanners: Vietnamese in both tone
    /// placements, đ/Đ, combining marks (composable or not, leading, enclosing), digits,
    /// × and ÷, punctuation of every kind, other scripts, emoji.
    const TRICKY: &[&str] = &[
        "Hòa hoà HOÀ Hoà, khỏe khoẻ; thủy thuỷ: quỳ qùy",
        "Đà Nẵng đ Đ đồng ĐỒNG THÁP Điện Biên",
        "x\u{301}y e\u{301} a\u{323}\u{302} \u{301}abc a\u{20dd}b ư\u{303}",
        "2.782 lượt, 04 đồng chí (KT – XH) 1/2 3×4 8÷2 ½ x² ⁱⁿ",
        "a.b,c;d:e!f?g(h)i[j]k{l}m|n\\o=p+q*r#s-t_u'v\"w",
        "“Dân vận khéo” ‘x’ — dash – y…z•w·v ‹a› «b» a\u{a0}b\u{2009}c\u{200d}d",
        "a\tb\nc\r\nd",
        "Привет мир 你好世界 Ελλάδα ١٢٣ नमस्ते ＡＢＣ１２ ㄱㅏ İstanbul ǅ ß ﬁ µ ª º ı",
        "emoji 🙂👍🏽 ❤️ 🇻🇳 a🙂b",
        "ẞ Ỳ ỹ Ơ ơ Ư ư Ă ă Â â Ê ê Ô ô ɐ ɓ ʃ",
        "",
        " .,; ",
    ];

    /// Deterministic random texts from the pieces of `TRICKY`.
    fn random_texts() -> Vec<String> {
        let chars: Vec<char> = TRICKY.iter().flat_map(|t| t.chars()).collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        (0..300)
            .map(|_| {
                (0..40)
                    .map(|_| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        chars[(seed >> 33) as usize % chars.len()]
                    })
                    .collect()
            })
            .collect()
    }

    fn all_texts() -> Vec<String> {
        let mut texts: Vec<String> = TRICKY.iter().map(|t| t.to_string()).collect();
        texts.extend(random_texts());
        texts
    }

    /// The raw words of each phrase, by `Pieces`.
    fn pieces_by_phrase(text: &str) -> Vec<Vec<&str>> {
        let mut out = vec![Vec::new()];
        for piece in pieces(text) {
            match piece {
                Piece::Word(w) => out.last_mut().expect("a phrase").push(w),
                Piece::PhraseEnd => out.push(Vec::new()),
            }
        }
        out.retain(|p| !p.is_empty());
        out
    }

    #[test]
    fn pieces_split_like_phrases_and_word_breaks() {
        for text in all_texts() {
            let reference: Vec<Vec<&str>> = phrases(&text)
                .map(|p| p.split(is_word_break).filter(|w| !w.is_empty()).collect())
                .filter(|p: &Vec<&str>| !p.is_empty())
                .collect();
            assert_eq!(pieces_by_phrase(&text), reference, "{text:?}");
        }
    }

    #[test]
    fn cached_tokens_are_folded_tokens() {
        let vocab = Vocabulary::new();
        let mut cache = RawCache::default();
        // Twice: the second pass reads the cache.
        for _ in 0..2 {
            for text in all_texts() {
                let mut got: Vec<Vec<(String, String)>> = Vec::new();
                for phrase in pieces_by_phrase(&text) {
                    let mut toks = Vec::new();
                    for raw in phrase {
                        for &(f, e) in cache.tokens(&vocab, raw) {
                            let name = |t: Term| {
                                let table = vocab.table.lock().expect("lock");
                                match t {
                                    NO_SPELLING => "<expanded>".to_owned(),
                                    WORD_ONLY => "<abbreviation>".to_owned(),
                                    _ => table.names[t as usize].to_string(),
                                }
                            };
                            toks.push((name(f), name(e)));
                        }
                    }
                    got.push(toks);
                }
                got.retain(|p| !p.is_empty());
                let want: Vec<Vec<(String, String)>> = phrases(&text)
                    .map(|p| {
                        search_token_parts(p)
                            .into_iter()
                            .map(|(t, part)| match part {
                                Part::Word => (fold(&t), t),
                                Part::Expanded => (fold(&t), "<expanded>".to_owned()),
                                Part::Abbreviation => (t, "<abbreviation>".to_owned()),
                            })
                            .collect()
                    })
                    .filter(|p: &Vec<(String, String)>| !p.is_empty())
                    .collect();
                assert_eq!(got, want, "{text:?}");
            }
        }
    }

    #[test]
    fn word_runs_count_like_split() {
        for text in all_texts() {
            let reference = text
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .count();
            assert_eq!(word_runs(&text) as usize, reference, "{text:?}");
        }
    }

    #[test]
    fn packed_words_are_distinct() {
        assert_eq!(pack("a"), Some(0x61));
        assert_ne!(pack("ab"), pack("ba"));
        assert_ne!(pack("a"), pack("a0"));
        assert!(pack("người").is_some());
        assert_eq!(pack("abcdefghijklmnopq"), None);
    }

    #[test]
    fn levels_match_the_logarithm() {
        let avg = Averages::new(&[]);
        let mut impacts: Vec<f64> = vec![0.0, 1e-300, 0.1, 0.25, 1.0, 8.0, 17.6, 1e9, 1e300];
        for &b in &avg.bounds {
            let mut x = b;
            for _ in 0..4 {
                x = x.next_down();
            }
            for _ in 0..9 {
                impacts.push(x);
                x = x.next_up();
            }
            impacts.extend([b * 0.999, b * 1.001, b * (1.0 - 1e-9), b * (1.0 + 1e-9)]);
        }
        for step in 0..100_000 {
            impacts.push(f64::from(step) * 0.001);
        }
        for x in impacts {
            assert_eq!(avg.level(x), level_of(x), "{x:e}");
        }
    }

    #[test]
    fn remembered_levels_equal_computed_ones() {
        let avg = Averages::new(&[[10, 3, 20, 5, 3, 2, 3, 1000], [7, 1, 30, 2, 2, 2, 3, 300]]);
        let lengths = [12, 2, 25, 4, 1, 2, 3, 777];
        let mut doc = avg.document(&lengths);
        for round in 0..2 {
            for f in 0..FIELDS {
                for c in [1u16, 2, 3, 15, 16, 17, 300, u16::MAX] {
                    let mut counts = [0u16; FIELDS];
                    counts[f] = c;
                    let want = avg.impact(&counts, &doc.norms);
                    assert_eq!(
                        doc.impact(&counts),
                        want,
                        "round {round} field {f} count {c}"
                    );
                    counts[(f + 1) % FIELDS] = 1;
                    let want = avg.impact(&counts, &doc.norms);
                    assert_eq!(doc.impact(&counts), want, "{counts:?}");
                }
            }
        }
    }
}
