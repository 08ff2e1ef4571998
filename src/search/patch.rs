//! Patching the last build's postings instead of making them whole. When the average
//! field lengths keep their steps (`Averages`), only a few documents changed and the
//! others kept their order, every other document's entries are what they were but for
//! its id: the last index is read back (through `Previous::read`: from the output, as
//! the state recorded it, or from what `serve` serves), the changed documents are
//! dropped from every list, the others renumbered, the new analyses merged in, and the
//! same writers as a whole build lay it out again. The bytes are a whole build's (the
//! tests compare them); anything unexpected gives `None`, and the caller makes the
//! postings whole.

use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use super::analyze::{self, Averages, DocTerms, PARTS, Term, Vocabulary, pair};
use super::{INDEX_DIR, List, Made, Memo, Postings, Previous, SearchDoc, Spelling, Word};
use crate::vietnamese::fold;

/// Documents dropped plus documents analysed may be at most one in this many: past
/// that, the patch costs about what a whole build does.
const MAX_CHANGED_SHARE: usize = 8;

/// A posting list decoded: ascending ids, each with its impact.
pub(super) type Entries = Vec<(u32, u8)>;

/// The postings of `docs` (in `order`, with the keys and steps of `memo`) made from the
/// previous index, or `None` when it cannot be: then they are made whole.
pub(super) fn patch(
    previous: &Previous<'_>,
    memo: &Memo,
    docs: &[SearchDoc<'_>],
    order: &[usize],
    averages: &Averages,
) -> Option<Made> {
    let note = |why: &str| crate::log::note(&format!("search: made whole: {why}"));
    let Changes { remap, fresh } = changes(previous.memo, memo).map_err(note).ok()?;
    let Some(old) = Old::read(previous.read, previous.memo.keys.len()) else {
        note("the last index is not in the output as it was written");
        return None;
    };
    let vocab = Vocabulary::new();
    let analysed: Vec<DocTerms> = fresh
        .par_iter()
        .map(|&id| analyze::analyze(&docs[order[id as usize]], &vocab))
        .collect();
    let mut adds = Postings::default();
    for (&id, terms) in fresh.iter().zip(&analysed) {
        for n in 0..PARTS {
            adds.add(n, id, terms, averages);
        }
    }
    let abbreviated = spelled_in_part().iter().map(|w| vocab.intern(w)).collect();
    let made = Merge {
        docs,
        order,
        averages,
        vocab,
        remap,
        words: adds.words.into_iter().collect(),
        pairs: adds.pairs,
        abbreviated,
        read_again: (0..docs.len()).map(|_| OnceLock::new()).collect(),
    }
    .run(old);
    if made.is_none() {
        note("the last index could not be read back");
    }
    made
}

/// How the last index's documents become this build's.
struct Changes {
    /// By old id: the document's new id, or `None` if it changed or is gone.
    remap: Vec<Option<u32>>,
    /// The new ids of documents the last index does not hold as they are now.
    fresh: Vec<u32>,
}

/// Matches the documents of the last index with this build's by their keys. Patching
/// needs the same steps, few changes, and the documents kept in the same order (a story
/// added, removed or moved between lists shifts the ids of others, keeping their order).
/// `Err` says why not.
fn changes(before: &Memo, now: &Memo) -> Result<Changes, &'static str> {
    if before.steps != now.steps {
        return Err("average lengths moved a step");
    }
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    for (id, &key) in now.keys.iter().enumerate() {
        // Two documents alike (never, with their addresses in the key).
        if ids.insert(key, id as u32).is_some() {
            return Err("two stories have the same key");
        }
    }
    let remap: Vec<Option<u32>> = before.keys.iter().map(|k| ids.get(k).copied()).collect();
    let mut kept = vec![false; now.keys.len()];
    let mut last: Option<u32> = None;
    for &id in remap.iter().flatten() {
        if last.is_some_and(|l| l >= id) {
            return Err("stories changed order");
        }
        last = Some(id);
        kept[id as usize] = true;
    }
    let fresh: Vec<u32> = (0..now.keys.len() as u32)
        .filter(|&id| !kept[id as usize])
        .collect();
    let gone = remap.iter().filter(|r| r.is_none()).count();
    let most = now.keys.len().max(before.keys.len());
    if (gone + fresh.len()) * MAX_CHANGED_SHARE > most {
        return Err("many stories changed");
    }
    Ok(Changes { remap, fresh })
}

/// The folded words that an abbreviation puts in a document without an exact spelling
/// (its words, and itself): for such a word with one spelling the index does not say
/// which of its documents have that spelling (search.js reads it as all of them), so
/// when that may change, its documents are read again (`Merge::spelled`).
fn spelled_in_part() -> FxHashSet<String> {
    let mut words = FxHashSet::default();
    for (abbreviation, expansion) in super::spelling::abbreviation_table() {
        words.extend(expansion.split(' ').map(fold));
        words.insert(abbreviation);
    }
    words
}

/// The parts of the manifest that locate the postings.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    format: u32,
    docs: usize,
    word_blocks: Vec<String>,
    pair_shards: usize,
    packs: usize,
    tags: Vec<(String, u32, Vec<u8>)>,
}

/// The files of the last index that hold postings.
struct Old {
    docs: usize,
    packs: Vec<Vec<u8>>,
    blocks: Vec<Vec<u8>>,
    shards: Vec<Vec<u8>>,
    tags: Vec<(String, u32, Vec<u8>)>,
}

impl Old {
    /// Reads the last index's manifest and every block, shard and pack (on every core).
    fn read(read: &(dyn Fn(&str) -> Option<Vec<u8>> + Sync), docs: usize) -> Option<Old> {
        let manifest: Manifest =
            serde_json::from_slice(&read(&format!("{INDEX_DIR}/manifest.json"))?).ok()?;
        if manifest.format != 2 || manifest.docs != docs {
            return None;
        }
        let all = |folder: &str, n: usize| {
            (0..n)
                .into_par_iter()
                .map(|k| read(&format!("{INDEX_DIR}/{folder}/{k}.bin")))
                .collect::<Option<Vec<_>>>()
        };
        Some(Old {
            docs,
            packs: all("k", manifest.packs)?,
            blocks: all("t", manifest.word_blocks.len())?,
            shards: all("p", manifest.pair_shards)?,
            tags: manifest.tags,
        })
    }
}

/// One word of the last index: its list and its spellings' lists (`None`: its only
/// spelling, whose documents the index does not list).
struct OldWord {
    key: String,
    list: Entries,
    spellings: Vec<(String, Option<Entries>)>,
}

/// Reads the index format (`search` module docs), refusing anything out of bounds.
struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
    packs: &'a [Vec<u8>],
}

impl<'a> Cursor<'a> {
    fn new(b: &'a [u8], packs: &'a [Vec<u8>]) -> Self {
        Cursor { b, at: 0, packs }
    }

    fn varint(&mut self) -> Option<usize> {
        let (mut v, mut shift) = (0u64, 0u32);
        loop {
            let byte = *self.b.get(self.at)?;
            self.at += 1;
            if shift > 63 {
                return None;
            }
            v |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte < 0x80 {
                return usize::try_from(v).ok();
            }
        }
    }

    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.b.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn key(&mut self, key: &mut Vec<u8>) -> Option<()> {
        let shared = self.varint()?;
        let len = self.varint()?;
        if shared > key.len() {
            return None;
        }
        key.truncate(shared);
        key.extend_from_slice(self.bytes(len)?);
        Some(())
    }

    /// A list reference (`encode::ListRef`), followed to its bytes, decoded: `n` entries
    /// with ids below `universe`.
    fn list(&mut self, n: usize, universe: usize) -> Option<Entries> {
        let tag = self.varint()?;
        let bytes = if tag & 1 == 1 {
            self.bytes(tag >> 1)?
        } else {
            let pack = self.packs.get((tag >> 1).checked_sub(1)?)?;
            let (offset, len) = (self.varint()?, self.varint()?);
            pack.get(offset..offset.checked_add(len)?)?
        };
        entries(bytes, n, universe)
    }
}

/// A posting list (`encode::postings`) of `n` entries with ids below `universe`.
pub(super) fn entries(bytes: &[u8], n: usize, universe: usize) -> Option<Entries> {
    let mut c = Cursor::new(bytes, &[]);
    let mut ids = Vec::with_capacity(n.min(universe));
    match c.bytes(1)?[0] {
        0 => {
            let mut next = 0usize;
            for _ in 0..n {
                let id = next.checked_add(c.varint()?)?;
                ids.push(id);
                next = id.checked_add(1)?;
            }
        }
        1 => {
            let lo = c.varint()?;
            let len = c.varint()?;
            for (j, &byte) in c.bytes(len)?.iter().enumerate() {
                let base = lo.checked_add(j)?.checked_mul(8)?;
                if byte != 0 && base >= universe {
                    return None;
                }
                ids.extend(
                    (0..8)
                        .filter(|bit| byte & (1 << bit) != 0)
                        .map(|b| base + b),
                );
            }
        }
        _ => return None,
    }
    let impacts = c.bytes(n)?;
    if ids.len() != n || c.at != bytes.len() || ids.iter().any(|&id| id >= universe) {
        return None;
    }
    Some(
        ids.into_iter()
            .map(|i| i as u32)
            .zip(impacts.iter().copied())
            .collect(),
    )
}

/// The entries of a dictionary file (a word block or a pair shard): its front-coded
/// keys, each followed by what `entry` reads.
fn dictionary<T>(
    file: &[u8],
    packs: &[Vec<u8>],
    mut entry: impl FnMut(&mut Cursor<'_>, String) -> Option<T>,
) -> Option<Vec<T>> {
    let mut c = Cursor::new(file, packs);
    let count = c.varint()?;
    let mut key = Vec::new();
    let mut out = Vec::with_capacity(count.min(file.len()));
    for _ in 0..count {
        c.key(&mut key)?;
        let key = String::from_utf8(key.clone()).ok()?;
        out.push(entry(&mut c, key)?);
    }
    (c.at == file.len()).then_some(out)
}

/// The entries of a word block.
fn decode_words(block: &[u8], packs: &[Vec<u8>], docs: usize) -> Option<Vec<OldWord>> {
    dictionary(block, packs, |c, key| {
        let df = c.varint()?;
        let list = c.list(df, docs)?;
        let n = c.varint()?;
        let mut spellings = Vec::with_capacity(n.min(block.len()));
        for _ in 0..n {
            let len = c.varint()?;
            let exact = std::str::from_utf8(c.bytes(len)?).ok()?.to_owned();
            if n == 1 {
                spellings.push((exact, None));
                continue;
            }
            let own = c.varint()?;
            // A spelling's list holds positions in its word's list: made ids here.
            let at = c.list(own, list.len())?;
            let ids = at.iter().map(|&(p, i)| (list[p as usize].0, i)).collect();
            spellings.push((exact, Some(ids)));
        }
        Some(OldWord {
            key,
            list,
            spellings,
        })
    })
}

/// The entries of a pair shard: "a b" and its list.
fn decode_pairs(shard: &[u8], packs: &[Vec<u8>], docs: usize) -> Option<Vec<(String, Entries)>> {
    dictionary(shard, packs, |c, key| {
        let df = c.varint()?;
        Some((key, c.list(df, docs)?))
    })
}

/// The changed documents' postings, merged into the last index's.
struct Merge<'a> {
    docs: &'a [SearchDoc<'a>],
    order: &'a [usize],
    averages: &'a Averages,
    vocab: Vocabulary,
    /// By old id: the new id (`None`: its old entries are dropped).
    remap: Vec<Option<u32>>,
    /// The changed documents' words and pairs (their lists in id order; a spelling's
    /// list holds positions in its word's list, as in `Postings`).
    words: FxHashMap<Term, Word>,
    pairs: FxHashMap<u64, List>,
    /// `spelled_in_part`, numbered.
    abbreviated: FxHashSet<Term>,
    /// By new id, once `spelled` read the document again: its spellings of those words
    /// (folded, exact, impact). Each document is read at most once, so a patch never
    /// analyses more than a whole build does (and in a big site such words have several
    /// spellings: this is for small ones).
    read_again: Vec<OnceLock<Vec<(Term, Term, u8)>>>,
}

impl Merge<'_> {
    /// Decodes the old postings and merges them, block by block and shard by shard on
    /// every core (so only the lists being merged are ever decoded at once).
    fn run(self, old: Old) -> Option<Made> {
        let tags: Vec<OldWord> = old
            .tags
            .iter()
            .map(|(slug, df, reference)| {
                let list = Cursor::new(reference, &old.packs).list(*df as usize, old.docs)?;
                let (key, spellings) = (format!("#{slug}"), Vec::new());
                Some(OldWord {
                    key,
                    list,
                    spellings,
                })
            })
            .collect::<Option<_>>()?;
        let words = |old_words: Vec<OldWord>| {
            old_words
                .into_iter()
                .map(|w| {
                    let term = self.vocab.intern(&w.key);
                    Some((term, self.word(term, w, self.words.get(&term))?))
                })
                .collect::<Option<Vec<_>>>()
        };
        let mut merged: Vec<Vec<(Term, Option<Word>)>> = old
            .blocks
            .par_iter()
            .map(|b| words(decode_words(b, &old.packs, old.docs)?))
            .collect::<Option<_>>()?;
        merged.push(words(tags)?);
        let pairs: Vec<Vec<(u64, Option<List>)>> = old
            .shards
            .par_iter()
            .map(|s| {
                let decoded = decode_pairs(s, &old.packs, old.docs)?;
                decoded
                    .into_iter()
                    .map(|(key, list)| {
                        let (a, b) = key.split_once(' ')?;
                        let k = pair(self.vocab.intern(a), self.vocab.intern(b));
                        let added = self.pairs.get(&k).map(entries_of).unwrap_or_default();
                        let list = self.merged(&list, &added);
                        Some((k, (!list.is_empty()).then(|| list_of(&list))))
                    })
                    .collect()
            })
            .collect::<Option<_>>()?;
        // The changed documents' words and pairs the last index did not have.
        let (mut new_words, mut new_pairs) = (self.words, self.pairs);
        let mut made_words = Vec::new();
        for (term, word) in merged.into_iter().flatten() {
            new_words.remove(&term);
            made_words.extend(word.map(|w| (term, w)));
        }
        made_words.extend(new_words);
        let mut made_pairs = Vec::new();
        for (key, list) in pairs.into_iter().flatten() {
            new_pairs.remove(&key);
            made_pairs.extend(list.map(|l| (key, l)));
        }
        made_pairs.extend(new_pairs);
        Some(Made {
            names: self.vocab.into_names(),
            words: made_words,
            pairs: made_pairs,
        })
    }

    /// The word `old` merged with `added` (`Some(None)`: no document has it any more),
    /// or `None` if it cannot be told.
    fn word(&self, term: Term, old: OldWord, added: Option<&Word>) -> Option<Option<Word>> {
        let touched = added.is_some()
            || old
                .list
                .iter()
                .any(|&(id, _)| self.remap[id as usize].is_none());
        // Its one spelling is known to be its only one after the merge when the changed
        // documents bring exactly that spelling; otherwise its documents are read again
        // for it (`spelled`).
        let mut known = None;
        if touched && old.spellings.len() == 1 && self.abbreviated.contains(&term) {
            let only = self.vocab.intern(&old.spellings[0].0);
            let spellings = added.map(|w| &w.spellings[..]).unwrap_or_default();
            if !matches!(spellings, [s] if s.key == only) {
                // With another spelling beside it, its list is written: all of it.
                let all = spellings.iter().any(|s| s.key != only);
                known = Some(self.spelled(term, &old, only, all));
            }
        }
        let added_ids = added.map(|w| w.list.ids()).unwrap_or_default();
        let added_list = added.map(|w| entries_of(&w.list));
        let list = self.merged(&old.list, added_list.as_deref().unwrap_or_default());
        if list.is_empty() {
            return Some(None);
        }
        let mut spellings: FxHashMap<Term, Entries> = FxHashMap::default();
        for (exact, entries) in old.spellings {
            let term = self.vocab.intern(&exact);
            let entries = match (entries, known.take()) {
                (Some(own), _) => self.merged(&own, &[]),
                (None, Some(read_again)) => read_again,
                // The one spelling of a word always spelled: all of its documents.
                (None, None) => self.merged(&old.list, &[]),
            };
            spellings.insert(term, entries);
        }
        for s in added.iter().flat_map(|w| &w.spellings) {
            let at = entries_of(&s.positions);
            let ids: Entries = at
                .iter()
                .map(|&(p, i)| Some((*added_ids.get(p as usize)?, i)))
                .collect::<Option<_>>()?;
            let entry = spellings.entry(s.key).or_default();
            *entry = merge(entry, &ids);
        }
        let ids: Vec<u32> = list.iter().map(|e| e.0).collect();
        let mut out = Word {
            list: list_of(&list),
            spellings: Vec::with_capacity(spellings.len()),
        };
        for (key, entries) in spellings.into_iter().filter(|s| !s.1.is_empty()) {
            let mut positions = List::default();
            for (id, impact) in entries {
                positions.push(ids.binary_search(&id).ok()? as u32, impact);
            }
            out.spellings.push(Spelling { key, positions });
        }
        Some(Some(out))
    }

    /// The kept documents of `old` (a word with the one spelling `exact`, some of whose
    /// documents may have it only through an abbreviation) that have that spelling, with
    /// its impact, from their analysis made again: `all` of them, or the first (enough to
    /// tell that the spelling stays, when it stays the only one: its list is not
    /// written).
    fn spelled(&self, folded: Term, old: &OldWord, exact: Term, all: bool) -> Entries {
        let mut out = Vec::new();
        for id in old
            .list
            .iter()
            .filter_map(|&(id, _)| self.remap[id as usize])
        {
            let found = self.read_again[id as usize].get_or_init(|| self.read(id));
            if let Some(&(_, _, impact)) = found.iter().find(|s| (s.0, s.1) == (folded, exact)) {
                out.push((id, impact));
                if !all {
                    break;
                }
            }
        }
        out
    }

    /// Document `id` analysed again: its spellings of the abbreviations' words.
    fn read(&self, id: u32) -> Vec<(Term, Term, u8)> {
        let terms = analyze::analyze(&self.docs[self.order[id as usize]], &self.vocab);
        let mut impacts = self.averages.document(&terms.lengths);
        terms
            .spellings
            .iter()
            .filter(|s| self.abbreviated.contains(&s.0))
            .map(|(folded, exact, counts)| (*folded, *exact, impacts.impact(counts)))
            .collect()
    }

    /// `old` without the changed documents, in new ids, with `added` merged in.
    fn merged(&self, old: &[(u32, u8)], added: &[(u32, u8)]) -> Entries {
        let kept: Entries = old
            .iter()
            .filter_map(|&(id, impact)| Some((self.remap[id as usize]?, impact)))
            .collect();
        merge(&kept, added)
    }
}

/// Two lists of distinct ids merged in id order.
fn merge(a: &[(u32, u8)], b: &[(u32, u8)]) -> Entries {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].0 <= b[j].0 {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

fn entries_of(list: &List) -> Entries {
    list.ids()
        .into_iter()
        .zip(list.impacts.iter().copied())
        .collect()
}

fn list_of(entries: &[(u32, u8)]) -> List {
    let mut list = List::default();
    for &(id, impact) in entries {
        list.push(id, impact);
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_whose_gaps_overflow_or_leave_the_documents_is_refused() {
        // A gap of u64::MAX: the next id would wrap past it.
        let mut wrapping = vec![0];
        wrapping.extend([0xff; 9]);
        wrapping.extend([0x01, 0x00, 1, 1]);
        assert_eq!(entries(&wrapping, 2, 10), None);
        // Ids 3 and 12 of 10 documents, as gaps and as a bitmap.
        assert_eq!(entries(&[0, 3, 8, 1, 1], 2, 10), None);
        assert_eq!(entries(&[1, 1, 1, 0b0001_0000, 1], 1, 10), None);
        assert_eq!(
            entries(&[1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 1, 1], 1, 10),
            None
        );
        // Well formed: ids 3 and 5.
        assert_eq!(entries(&[0, 3, 1, 7, 9], 2, 10), Some(vec![(3, 7), (5, 9)]));
    }
}
