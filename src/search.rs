//! The client-side search index: built at `kheo build` time from every listed model,
//! written under `/tim-kiem/index/`, read in the browser by `/assets/search.js`.
//! Uses `crate::vietnamese` for every normalisation step, the same steps the JS mirrors.
//! In: `SearchDoc`s in any deterministic order. Out: files (path, bytes), byte-identical
//! for identical input. Reads and writes no disk; memory grows with postings, not text.
//!
//! # Format (version 2)
//!
//! Documents are numbered in facet order (current unit, province, field, year, input
//! order), so a run of ids shares its facets and the manifest describes them in a few
//! kilobytes instead of one record per document. Words are syllables, folded (no
//! marks, `đ`→`d`); pairs are two adjacent folded syllables within a phrase (bigrams:
//! a multi-word query ranks phrase matches first without storing positions). Tokens go
//! through `spelling::search_tokens` first: a final y after a consonant is written i
//! (`kỹ` = `kĩ`) and abbreviations are indexed as their words (`UBND` = `uỷ ban nhân dân`).
//!
//! | file | holds |
//! |---|---|
//! | `manifest.json` | document count, facet tables, facet runs, first word of each word block, pair shard count, version hash, the abbreviation and name tables (`spelling`), tag slugs |
//! | `t/<n>.bin` | word blocks (about `BLOCK_TARGET` bytes): folded words in byte order, front-coded; each with its document frequency, posting list, and exact spellings (canonical tone placement), each with its own list when there are several |
//! | `p/<n>.bin` | pair shards (about `SHARD_TARGET` bytes): pairs ("a b") whose FNV-1a hash modulo the shard count is `n`, sorted, each with its posting list |
//! | `k/<n>.bin` | packs: lists too long to inline, up to `PACK_TARGET` bytes a pack; a long list has its own |
//! | `m/<n>.json` | result metadata, `META_CHUNK` documents a file: `[url, title, summary, excerpt]` |
//! | `a.json` | what only the level and kind filters need: level and kind of organisation per document (`Attributes`) |
//! | `n.json` | the document ids newest first: the order of a list without a query |
//!
//! A posting list is an id set (gaps or bitmap, `encode::id_set`) and one impact byte
//! per id (`analyze::DocImpacts::impact`). A word's list holds document ids; a spelling's
//! list holds positions in its word's list and the spelling's own impacts. A query
//! fetches the manifest, one block per word, one shard per adjacent pair, their lists'
//! packs (spelling lists only when it has diacritics) and the metadata of the results
//! shown; everything but the manifest carries `?v=<version>`. An abbreviation's words
//! are matched as their phrase from the pair shards alone (no word blocks or lists).

mod analyze;
mod encode;
mod facets;
mod patch;
#[cfg(test)]
mod read;
mod spelling;

use rayon::prelude::*;
use serde::Serialize;

use analyze::{Averages, DocTerms, FIELDS, PARTS, PairKey, Term, Vocabulary};
use encode::{ListRef, common_prefix, fnv1a, postings, string, varint};
use facets::Facets;
use rustc_hash::FxHashMap;

/// What the indexer needs of one model; borrowed from the built site.
#[derive(Debug, Clone, Hash)]
pub struct SearchDoc<'a> {
    /// URL of the model page, base path included, e.g. `/mo-hinh/lien-gia-tu-quan/`.
    pub url: &'a str,
    /// The model's name.
    pub title: &'a str,
    /// One or two sentences; shown in results and searched.
    pub summary: &'a str,
    /// Display name of the province as written, e.g. "Bạc Liêu (nay thuộc Cà Mau)".
    pub province: &'a str,
    /// Slug of the province the story names (a former province's own slug if it is one).
    pub province_slug: &'a str,
    /// Display name of the current (post-2025) unit, e.g. "Cà Mau"; equal to `province`
    /// for current units. Labels the unit's facet even when no story names it directly.
    pub current_province: &'a str,
    /// Slug of the current (post-2025) unit; equal to `province_slug` for current units.
    pub current_province_slug: &'a str,
    /// Display name of the field, e.g. "Kinh tế".
    pub field: &'a str,
    /// Slug of the field, e.g. `kinh-te`.
    pub field_slug: &'a str,
    /// The year the model was recognised or reported.
    pub year: i32,
    /// The organisation that runs the model ("" if none).
    pub unit: &'a str,
    /// District / commune / ward ("" if none).
    pub locality: &'a str,
    /// Tags as written.
    pub tags: &'a [String],
    /// The article body as rendered HTML (NFC); its text is read with
    /// `markdown::html_text`, one document at a time, so no build holds every body twice.
    pub body_html: &'a str,
    /// Words in the body (`Article::word_count`): its length for ranking, known
    /// without reading the body a second time.
    pub body_words: usize,
    /// The level of recognition, if the story gives one (search filter `level`).
    pub level: Option<crate::article::Level>,
    /// The kind of organisation running the model, a key of `stats::KINDS`, `khac` or
    /// `chua-ghi`, as `stats::organisation` reads `unit` (search filter `kind`).
    pub kind: &'a str,
}

/// One output file of the index: a path relative to the output root and its bytes.
pub type IndexFile = (String, Vec<u8>);

/// Folder of the index, relative to the output root.
pub const INDEX_DIR: &str = "tim-kiem/index";

/// Posting lists up to this many bytes are written inside their dictionary entry.
const INLINE_MAX: usize = 32;
/// Packs are filled up to about this many bytes.
const PACK_TARGET: usize = 6 * 1024;
/// A list at least this long gets a pack of its own.
const PACK_ALONE: usize = 3 * 1024;
/// Word blocks are cut at about this many bytes.
const BLOCK_TARGET: usize = 4 * 1024;
/// Pair shards hold about this many bytes: a query reads one entry of each shard it
/// fetches, so smaller shards cost a first query fewer bytes (and the index more files).
const SHARD_TARGET: usize = 2 * 1024;
/// Documents per result metadata file.
const META_CHUNK: usize = 5;
/// Characters of body text kept per document for snippets.
const EXCERPT_CHARS: usize = 340;
/// Documents analysed in parallel per batch (bounds the memory of analysis).
const BATCH: usize = 256;

/// Builds the whole index, its files sorted by path. Deterministic: the same docs give
/// the same bytes.
pub fn build(docs: &[SearchDoc<'_>]) -> Vec<IndexFile> {
    let mut files = Vec::new();
    build_into(docs, None, &mut |path, bytes| files.push((path, bytes)));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// What an index build leaves for the next one to patch (see `patch`): the steps of
/// the average field lengths, and a key of every document's contents in id order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Memo {
    /// `Averages::steps`, one per field.
    pub steps: Vec<i32>,
    /// A hash of everything the index reads of each document, by document id.
    pub keys: Vec<u64>,
}

/// The last build's index, for `build_into` to patch: its memo, and a reader of the
/// files it wrote (relative to the output root) as the output still holds them.
pub struct Previous<'a> {
    pub memo: &'a Memo,
    pub read: &'a (dyn Fn(&str) -> Option<Vec<u8>> + Sync),
}

/// Builds the index, handing each file to `emit` as soon as it is finished (the
/// manifest last), so the index is never all in memory beside its postings. With the
/// last build's index (`previous`), the postings are patched where only a few documents
/// changed; the files are the same either way. Returns the memo for the next build.
pub fn build_into(
    docs: &[SearchDoc<'_>],
    previous: Option<&Previous<'_>>,
    emit: &mut dyn FnMut(String, Vec<u8>),
) -> Memo {
    let mut out = Out {
        emit,
        hash: FNV_OFFSET,
    };
    let t = std::time::Instant::now();
    let facets = Facets::new(docs);
    write_meta(docs, &facets.order, &mut out);
    write_attributes(docs, &facets.order, &mut out);
    crate::log::stage("search: metadata", t);
    let t = std::time::Instant::now();
    let (averages, memo) = measure(docs, &facets.order);
    let made = match previous.and_then(|p| patch::patch(p, &memo, docs, &facets.order, &averages)) {
        Some(made) => {
            crate::log::stage("search: patch", t);
            made
        }
        None => {
            let made = whole(docs, &facets.order, &averages);
            crate::log::stage("search: analyse", t);
            made
        }
    };
    let t = std::time::Instant::now();
    let mut packs = Packs::default();
    let (first_words, tags, shard_count) = write_postings(made, &mut packs, &mut out);
    crate::log::stage("search: write", t);
    let manifest = Manifest {
        format: 2,
        version: format!("{:016x}", out.hash),
        docs: docs.len(),
        provinces: facets
            .provinces
            .iter()
            .map(|p| (p.slug, p.name, p.current))
            .collect(),
        fields: facets.fields.iter().map(|f| (f.0, f.1)).collect(),
        groups: facets.groups,
        meta_chunk: META_CHUNK,
        word_blocks: first_words,
        pair_shards: shard_count,
        packs: packs.count as usize,
        abbreviations: spelling::abbreviation_table(),
        names: spelling::name_table(),
        tags,
    };
    // Serialising plain vectors, strings and numbers cannot fail.
    let json = serde_json::to_vec(&manifest).unwrap_or_default();
    (out.emit)(format!("{INDEX_DIR}/manifest.json"), json);
    memo
}

/// The average field lengths of `docs` (ids in `order`), and the memo they leave.
fn measure(docs: &[SearchDoc<'_>], order: &[usize]) -> (Averages, Memo) {
    let lengths: Vec<[u32; FIELDS]> = order
        .par_iter()
        .map(|&i| analyze::lengths(&docs[i]))
        .collect();
    let averages = Averages::new(&lengths);
    let memo = Memo {
        steps: averages.steps.to_vec(),
        keys: order.par_iter().map(|&i| docs[i].key()).collect(),
    };
    (averages, memo)
}

impl SearchDoc<'_> {
    /// A hash of everything the index reads of the document (all of it).
    fn key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        self.hash(&mut h);
        h.finish()
    }
}

/// The postings of an index, by this build's word numbers (`Vocabulary`).
struct Made {
    /// Every word, by its number.
    names: Vec<Box<str>>,
    /// Folded words (and tag words, `#<slug>`) with their lists and spellings.
    words: Vec<(Term, Word)>,
    pairs: Vec<(PairKey, List)>,
}

/// The postings of every document, analysed in batches on every core.
fn whole(docs: &[SearchDoc<'_>], order: &[usize], averages: &Averages) -> Made {
    let vocab = Vocabulary::new();
    let mut parts: Vec<Postings> = (0..PARTS).map(|_| Postings::default()).collect();
    for (batch_no, batch) in order.chunks(BATCH).enumerate() {
        let analysed: Vec<DocTerms> = batch
            .par_iter()
            .map(|&i| analyze::analyze(&docs[i], &vocab))
            .collect();
        // Each part of the postings takes its share of every document, in parallel.
        let first = (batch_no * BATCH) as u32;
        parts.par_iter_mut().enumerate().for_each(|(n, part)| {
            for (k, terms) in analysed.iter().enumerate() {
                part.add(n, first + k as u32, terms, averages);
            }
        });
    }
    Made {
        names: vocab.into_names(),
        words: parts.iter_mut().flat_map(|p| p.words.drain(..)).collect(),
        pairs: parts.iter_mut().flat_map(|p| p.pairs.drain()).collect(),
    }
}

/// Writes the word blocks, the tags' lists and the pair shards: returns the first word
/// of each block, the manifest's tag table and the number of shards.
fn write_postings(made: Made, packs: &mut Packs, out: &mut Out<'_>) -> (Vec<String>, Tags, usize) {
    let names = made.names;
    let name = |t: Term| &*names[t as usize];
    // Tag words (`#<slug>`) are listed in the manifest, not in the word blocks.
    let (tag_words, words): (Vec<Named<'_>>, Vec<Named<'_>>) = made
        .words
        .into_iter()
        .map(|(t, w)| (name(t), w))
        .partition(|(k, _)| k.starts_with('#'));
    let pairs: Vec<((&str, &str), List)> = made
        .pairs
        .into_iter()
        .map(|(k, l)| ((name((k >> 32) as Term), name(k as Term)), l))
        .collect();
    let first_words = write_words(words, &names, packs, out);
    let tags = write_tags(tag_words, packs, out);
    let shard_count = write_pairs(pairs, packs, out);
    (first_words, tags, shard_count)
}

/// Where finished files go, with the FNV-1a hash of every path and file sent so far:
/// the manifest's version, so browsers never mix shards of two builds.
struct Out<'a> {
    emit: &'a mut dyn FnMut(String, Vec<u8>),
    hash: u64,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

impl Out<'_> {
    fn file(&mut self, path: String, bytes: Vec<u8>) {
        for &b in path.as_bytes().iter().chain(&bytes) {
            self.hash ^= u64::from(b);
            self.hash = self.hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        (self.emit)(path, bytes);
    }
}

/// The manifest, `manifest.json`: everything a query needs before its first shard.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Manifest<'a> {
    format: u32,
    /// Hash of every other file; search.js appends it to shard URLs to bust caches.
    version: String,
    docs: usize,
    /// `[slug, display name, index of its current unit in this table]`.
    provinces: Vec<(&'a str, &'a str, usize)>,
    /// `[slug, display name]`.
    fields: Vec<(&'a str, &'a str)>,
    /// Facet runs in document order, one per province and field: province index, field
    /// index, first year, the count of each year from it on (`facets::Facets::groups`).
    groups: Vec<Vec<i64>>,
    meta_chunk: usize,
    /// The first word of each word block `t/<n>.bin`.
    word_blocks: Vec<String>,
    pair_shards: usize,
    /// `[abbreviation (folded), its words]` from `data/search-synonyms.json`: search.js
    /// reads a query's abbreviations as the index read the documents'.
    abbreviations: Vec<(String, String)>,
    /// `[name (folded words), the words it stands for]`, query side only: search.js
    /// matches a name as written or (ranked below) as those words, never instead.
    names: Vec<(String, String)>,
    /// `[slug, document frequency, list reference bytes (`ListRef::write`)]` of every
    /// tag, sorted: a query that names one (`nong thon moi`) lifts the stories with that
    /// tag, whose list it reads from its pack without a word block.
    tags: Vec<(String, u32, Vec<u8>)>,
    packs: usize,
}

/// The manifest's tag table: slug, document frequency, list reference.
type Tags = Vec<(String, u32, Vec<u8>)>;

/// Stores the lists of the tag words (`#<slug>`), returning the manifest's tag table.
fn write_tags(mut tags: Vec<(&str, Word)>, packs: &mut Packs, out: &mut Out<'_>) -> Tags {
    tags.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut stream = Stream::default();
    let table = tags
        .into_iter()
        .map(|(key, word)| {
            let list = postings(&word.list.ids(), &word.list.impacts);
            let mut reference = Vec::new();
            packs.store(&mut stream, list, out).write(&mut reference);
            (key[1..].to_owned(), word.list.len, reference)
        })
        .collect();
    stream.close(out);
    table
}

/// A folded word with its postings.
type Named<'a> = (&'a str, Word);

/// A posting list growing in document order: gap varints and impact bytes.
#[derive(Default)]
struct List {
    gaps: Vec<u8>,
    impacts: Vec<u8>,
    next: u32,
    len: u32,
}

impl List {
    fn push(&mut self, id: u32, impact: u8) {
        varint(&mut self.gaps, u64::from(id - self.next));
        self.next = id + 1;
        self.len += 1;
        self.impacts.push(impact);
    }

    /// The document ids, decoded.
    fn ids(&self) -> Vec<u32> {
        gaps_to_ids(&self.gaps, self.len as usize)
    }
}

/// Decodes `n` gap varints (each `id - previous - 1`, the first the id itself).
fn gaps_to_ids(gaps: &[u8], n: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(n);
    let mut next = 0u32;
    let mut v = 0u32;
    let mut shift = 0;
    for &b in gaps {
        v |= u32::from(b & 0x7f) << shift;
        shift += 7;
        if b < 0x80 {
            next += v;
            out.push(next);
            next += 1;
            v = 0;
            shift = 0;
        }
    }
    out
}

/// One exact spelling of a folded word: the positions (in the word's list) of the
/// documents that use it, with the spelling's own impact there.
struct Spelling {
    key: Term,
    positions: List,
}

/// A folded word: its posting list and its spellings.
#[derive(Default)]
struct Word {
    list: List,
    spellings: Vec<Spelling>,
}

/// One part of the postings of the corpus (the words and pairs whose part is its
/// number), accumulated in document order.
#[derive(Default)]
struct Postings {
    /// Position in `words` of each folded word, plus one (0: none), by term: indexing
    /// a vector is cheaper than hashing, and the vocabulary is small.
    positions: Vec<u32>,
    words: Vec<(Term, Word)>,
    pairs: FxHashMap<u64, List>,
}

impl Postings {
    /// Adds the share of document `id` that belongs to part `n`.
    fn add(&mut self, n: usize, id: u32, terms: &DocTerms, averages: &Averages) {
        let mut impacts = averages.document(&terms.lengths);
        for (folded, counts) in terms.words.part(n) {
            let impact = impacts.impact(counts);
            self.word(*folded).list.push(id, impact);
        }
        for (folded, exact, counts) in terms.spellings.part(n) {
            // The word was added just above, so this document is the last of its list.
            let Some(&p) = self.positions.get(*folded as usize).filter(|&&p| p > 0) else {
                continue;
            };
            let word = &mut self.words[p as usize - 1].1;
            let position = word.list.len - 1;
            let impact = impacts.impact(counts);
            match word.spellings.iter_mut().find(|s| s.key == *exact) {
                Some(s) => s.positions.push(position, impact),
                None => {
                    let mut positions = List::default();
                    positions.push(position, impact);
                    word.spellings.push(Spelling {
                        key: *exact,
                        positions,
                    });
                }
            }
        }
        for (key, counts) in terms.pairs.part(n) {
            let impact = impacts.impact(counts);
            self.pairs.entry(*key).or_default().push(id, impact);
        }
    }

    /// The entry of the folded word `term`, created empty if new.
    fn word(&mut self, term: Term) -> &mut Word {
        let t = term as usize;
        if t >= self.positions.len() {
            self.positions.resize(t + 1, 0);
        }
        if self.positions[t] == 0 {
            self.words.push((term, Word::default()));
            self.positions[t] = self.words.len() as u32;
        }
        &mut self.words[self.positions[t] as usize - 1].1
    }
}

/// The pack files: how many there are (they are numbered in the order made).
#[derive(Default)]
struct Packs {
    count: u32,
}

/// A sequence of lists packed together (words, spellings and pairs each have one, so a
/// query without diacritics never downloads spelling data), with its open pack.
#[derive(Default)]
struct Stream {
    open: Option<(u32, Vec<u8>)>,
}

impl Stream {
    /// Sends the open pack: nothing more goes into it.
    fn close(&mut self, out: &mut Out<'_>) {
        if let Some((n, bytes)) = self.open.take() {
            out.file(pack_path(n), bytes);
        }
    }
}

fn pack_path(n: u32) -> String {
    format!("{INDEX_DIR}/k/{n}.bin")
}

impl Packs {
    /// Stores a list inline or in a pack of `stream`, returning its reference. A long list
    /// gets a pack of its own, sent at once; a stream's pack is sent when it is full.
    fn store(&mut self, stream: &mut Stream, bytes: Vec<u8>, out: &mut Out<'_>) -> ListRef {
        if bytes.len() <= INLINE_MAX {
            return ListRef::Inline(bytes);
        }
        let len = bytes.len() as u32;
        if bytes.len() >= PACK_ALONE {
            let pack = self.count;
            self.count += 1;
            out.file(pack_path(pack), bytes);
            return ListRef::Packed {
                pack,
                offset: 0,
                len,
            };
        }
        if stream
            .open
            .as_ref()
            .is_some_and(|(_, open)| open.len() + bytes.len() > PACK_TARGET)
        {
            stream.close(out);
        }
        let (pack, open) = stream.open.get_or_insert_with(|| {
            self.count += 1;
            (self.count - 1, Vec::new())
        });
        let offset = open.len() as u32;
        open.extend_from_slice(&bytes);
        ListRef::Packed {
            pack: *pack,
            offset,
            len,
        }
    }
}

/// A dictionary file being filled: entry count and front-coded entries.
#[derive(Default)]
struct Block {
    count: u64,
    body: Vec<u8>,
    last_key: Vec<u8>,
}

impl Block {
    /// Starts an entry: the key, front-coded against the previous key of the block.
    fn key(&mut self, key: &str) {
        let shared = common_prefix(&self.last_key, key.as_bytes());
        varint(&mut self.body, shared as u64);
        string(&mut self.body, &key[shared..]);
        self.last_key.clear();
        self.last_key.extend_from_slice(key.as_bytes());
        self.count += 1;
    }

    fn finish(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.body.len() + 4);
        varint(&mut out, self.count);
        out.extend_from_slice(&self.body);
        out
    }
}

/// Writes the word blocks: returns them and the first word of each.
///
/// Entry: key, document frequency, list reference, spelling count, then each spelling's
/// exact key; with two or more spellings each also has its frequency and subset reference.
fn write_words(
    mut words: Vec<(&str, Word)>,
    names: &[Box<str>],
    packs: &mut Packs,
    out: &mut Out<'_>,
) -> Vec<String> {
    words.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let (mut lists, mut subsets) = (Stream::default(), Stream::default());
    let mut firsts = Vec::new();
    let mut block = Block::default();
    let send = |block: Block, n: usize, out: &mut Out<'_>| {
        out.file(format!("{INDEX_DIR}/t/{n}.bin"), block.finish());
    };
    for (key, mut word) in words {
        if block.body.len() >= BLOCK_TARGET {
            send(std::mem::take(&mut block), firsts.len() - 1, out);
        }
        if block.count == 0 {
            // A word that shares a prefix with the previous block's last word still
            // starts its own block cleanly: front coding restarts in every block.
            firsts.push(key.to_string());
        }
        block.key(key);
        varint(&mut block.body, u64::from(word.list.len));
        let ids = word.list.ids();
        packs
            .store(&mut lists, postings(&ids, &word.list.impacts), out)
            .write(&mut block.body);
        let spelling = |s: &Spelling| &*names[s.key as usize];
        word.spellings.sort_by(|a, b| spelling(a).cmp(spelling(b)));
        varint(&mut block.body, word.spellings.len() as u64);
        let single = word.spellings.len() == 1;
        for s in &word.spellings {
            string(&mut block.body, spelling(s));
            if single {
                continue;
            }
            varint(&mut block.body, u64::from(s.positions.len));
            let list = postings(&s.positions.ids(), &s.positions.impacts);
            packs.store(&mut subsets, list, out).write(&mut block.body);
        }
    }
    if block.count > 0 {
        send(block, firsts.len() - 1, out);
    }
    lists.close(out);
    subsets.close(out);
    firsts
}

/// Writes the pair shards. Entry: key, document frequency, list reference.
fn write_pairs(
    mut pairs: Vec<((&str, &str), List)>,
    packs: &mut Packs,
    out: &mut Out<'_>,
) -> usize {
    pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut stream = Stream::default();
    let mut entries: Vec<(String, u32, ListRef)> = Vec::with_capacity(pairs.len());
    let mut total = 0usize;
    // (a, b) order is "a b" order: a space sorts before every letter and digit.
    for ((a, b), list) in pairs {
        let key = format!("{a} {b}");
        let r = packs.store(&mut stream, postings(&list.ids(), &list.impacts), out);
        total += key.len()
            + 4
            + match &r {
                ListRef::Inline(b) => b.len(),
                _ => 6,
            };
        entries.push((key, list.len, r));
    }
    let shards = total.div_ceil(SHARD_TARGET);
    let mut blocks: Vec<Block> = (0..shards).map(|_| Block::default()).collect();
    for (key, df, r) in entries {
        let block = &mut blocks[fnv1a(&key) as usize % shards];
        block.key(&key);
        varint(&mut block.body, u64::from(df));
        r.write(&mut block.body);
    }
    stream.close(out);
    for (n, block) in blocks.into_iter().enumerate() {
        out.file(format!("{INDEX_DIR}/p/{n}.bin"), block.finish());
    }
    shards
}

/// The keys and labels of the level and organisation filters, in `stats`'s order
/// (the statistics page links to searches with these keys).
fn filter_tables() -> (Vec<[&'static str; 2]>, Vec<[&'static str; 2]>) {
    let levels = crate::stats::LEVELS.iter().map(|l| [l.1, l.2]).collect();
    let kinds = crate::stats::KINDS
        .iter()
        .map(|k| [k.0, k.1])
        .chain([["khac", "Tổ chức khác"], ["chua-ghi", "Chưa ghi đơn vị"]])
        .collect();
    (levels, kinds)
}

/// The per-document attributes that only the level and kind filters need (`a.json`),
/// fetched only then: the level and kind tables, and per document id the index of its
/// level and kind in them (one character each, `0` + index).
#[derive(Serialize)]
struct Attributes {
    levels: Vec<[&'static str; 2]>,
    kinds: Vec<[&'static str; 2]>,
    level: String,
    kind: String,
}

/// Writes `a.json` (`Attributes`) and `n.json`, the document ids newest first (the order
/// of the site's lists), which only a list without a query reads.
fn write_attributes(docs: &[SearchDoc<'_>], order: &[usize], out: &mut Out<'_>) {
    if docs.is_empty() {
        return;
    }
    let (levels, kinds) = filter_tables();
    let code = |i: usize| char::from(b'0' + i as u8);
    let level = order
        .iter()
        .map(|&i| {
            let at = crate::stats::LEVELS
                .iter()
                .position(|l| l.0 == docs[i].level);
            code(at.unwrap_or(levels.len() - 1))
        })
        .collect();
    let kind = order
        .iter()
        .map(|&i| {
            let at = kinds.iter().position(|k| k[0] == docs[i].kind);
            code(at.unwrap_or(kinds.len() - 2))
        })
        .collect();
    let attributes = Attributes {
        levels,
        kinds,
        level,
        kind,
    };
    // Serialising strings and numbers cannot fail.
    let json = serde_json::to_vec(&attributes).unwrap_or_default();
    out.file(format!("{INDEX_DIR}/a.json"), json);
    // Input order is newest first: document ids sorted by their input index.
    let mut newest: Vec<u32> = (0..order.len() as u32).collect();
    newest.sort_by_key(|&id| order[id as usize]);
    let json = serde_json::to_vec(&newest).unwrap_or_default();
    out.file(format!("{INDEX_DIR}/n.json"), json);
}

/// Writes the result metadata files: per document `[url, title, summary, excerpt]`.
/// Made on every core (each document's excerpt reads its body), sent in order.
fn write_meta(docs: &[SearchDoc<'_>], order: &[usize], out: &mut Out<'_>) {
    let files: Vec<Vec<u8>> = order
        .par_chunks(META_CHUNK)
        .map(|chunk| {
            let excerpts: Vec<String> = chunk.iter().map(|&i| excerpt(docs[i].body_html)).collect();
            let rows: Vec<[&str; 4]> = chunk
                .iter()
                .zip(&excerpts)
                .map(|(&i, e)| [docs[i].url, docs[i].title, docs[i].summary, e.as_str()])
                .collect();
            // Serialising string arrays cannot fail.
            serde_json::to_vec(&rows).unwrap_or_default()
        })
        .collect();
    for (n, json) in files.into_iter().enumerate() {
        out.file(format!("{INDEX_DIR}/m/{n}.json"), json);
    }
}

/// The start of a body's text, whitespace collapsed, cut at a word end near
/// `EXCERPT_CHARS`. Reads the start of the HTML only, unless that is mostly markup.
fn excerpt(html: &str) -> String {
    let mut end = html.len().min(8 * EXCERPT_CHARS);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let text = crate::markdown::html_text(&html[..end]);
    // Past the excerpt by more than a long word: a word cut at `end` is not reached.
    if end == html.len() || text.chars().count() > EXCERPT_CHARS + 64 {
        return excerpt_of_text(&text);
    }
    excerpt_of_text(&crate::markdown::html_text(html))
}

fn excerpt_of_text(body: &str) -> String {
    let mut out = String::with_capacity(EXCERPT_CHARS + 8);
    let mut chars = 0;
    for word in body.split_whitespace() {
        if chars + word.chars().count() > EXCERPT_CHARS && chars > 0 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += word.chars().count();
    }
    out
}

#[cfg(test)]
mod tests;
