//! Test-only reader of the index format: decodes what `build` wrote, looks words and
//! pairs up, and ranks a query with the rules search.js follows (AND of words, tiers of
//! exact spellings and phrase pairs, then BM25-style score, then document id), so the
//! format and the ranking are both tested from Rust. Not compiled into the binary.

use std::collections::HashMap;

use serde_json::Value;

use super::IndexFile;
use super::analyze::impact_of;
use super::encode::fnv1a;
use crate::vietnamese::fold;

/// A decoded list reference (see `encode::ListRef`).
#[derive(Debug, Clone)]
pub(super) enum Ref {
    Inline(Vec<u8>),
    Packed {
        pack: usize,
        offset: usize,
        len: usize,
    },
}

/// One word of a word block.
#[derive(Debug, Clone)]
pub(super) struct WordEntry {
    pub key: String,
    pub df: usize,
    pub list: Ref,
    /// Exact key, frequency, and (if the word has several spellings) its own list over
    /// positions in the word's list; with one spelling, the word's list is its list.
    pub spellings: Vec<(String, usize, Option<Ref>)>,
}

/// A decoded posting list.
#[derive(Debug, Clone, Default)]
pub(super) struct Posting {
    pub ids: Vec<u32>,
    pub impacts: Vec<u8>,
}

struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn varint(&mut self) -> usize {
        let (mut v, mut shift) = (0usize, 0);
        loop {
            let byte = self.b[self.at];
            self.at += 1;
            v |= usize::from(byte & 0x7f) << shift;
            shift += 7;
            if byte < 0x80 {
                return v;
            }
        }
    }

    fn bytes(&mut self, n: usize) -> &'a [u8] {
        let out = &self.b[self.at..self.at + n];
        self.at += n;
        out
    }

    fn list_ref(&mut self) -> Ref {
        let tag = self.varint();
        if tag & 1 == 1 {
            Ref::Inline(self.bytes(tag >> 1).to_vec())
        } else {
            let pack = (tag >> 1) - 1;
            Ref::Packed {
                pack,
                offset: self.varint(),
                len: self.varint(),
            }
        }
    }
}

/// An index held in memory, as written by `build`.
pub(super) struct Index {
    files: HashMap<String, Vec<u8>>,
    pub manifest: Value,
    pub docs: usize,
}

impl Index {
    pub(super) fn new(files: &[IndexFile]) -> Self {
        let files: HashMap<String, Vec<u8>> = files.iter().cloned().collect();
        let manifest: Value =
            serde_json::from_slice(&files["tim-kiem/index/manifest.json"]).expect("manifest");
        let docs = manifest["docs"].as_u64().expect("docs") as usize;
        Index {
            files,
            manifest,
            docs,
        }
    }

    fn file(&self, path: &str) -> &[u8] {
        &self.files[&format!("tim-kiem/index/{path}")]
    }

    fn bytes<'s>(&'s self, r: &'s Ref) -> &'s [u8] {
        match r {
            Ref::Inline(b) => b,
            Ref::Packed { pack, offset, len } => {
                &self.file(&format!("k/{pack}.bin"))[*offset..offset + len]
            }
        }
    }

    /// Every entry of word block `n`.
    pub(super) fn block(&self, n: usize) -> Vec<WordEntry> {
        let mut c = Cursor {
            b: self.file(&format!("t/{n}.bin")),
            at: 0,
        };
        let count = c.varint();
        let mut key: Vec<u8> = Vec::new();
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            let shared = c.varint();
            let len = c.varint();
            key.truncate(shared);
            key.extend_from_slice(c.bytes(len));
            let df = c.varint();
            let list = c.list_ref();
            let n = c.varint();
            let mut spellings = Vec::new();
            for _ in 0..n {
                let len = c.varint();
                let exact = String::from_utf8(c.bytes(len).to_vec()).expect("utf-8");
                if n == 1 {
                    spellings.push((exact, df, None));
                } else {
                    let sdf = c.varint();
                    spellings.push((exact, sdf, Some(c.list_ref())));
                }
            }
            out.push(WordEntry {
                key: String::from_utf8(key.clone()).expect("utf-8"),
                df,
                list,
                spellings,
            });
        }
        out
    }

    /// The entry of a folded word, if indexed.
    pub(super) fn word(&self, folded: &str) -> Option<WordEntry> {
        let firsts: Vec<&str> = self.manifest["wordBlocks"]
            .as_array()?
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let n = firsts.partition_point(|f| *f <= folded).checked_sub(1)?;
        self.block(n).into_iter().find(|e| e.key == folded)
    }

    /// The posting list of a word entry.
    pub(super) fn postings(&self, e: &WordEntry) -> Posting {
        self.decode(&e.list, e.df)
    }

    fn decode(&self, r: &Ref, df: usize) -> Posting {
        // The same strict decoder the build reads its last index with.
        let entries = super::patch::entries(self.bytes(r), df, usize::MAX).expect("a list");
        Posting {
            ids: entries.iter().map(|e| e.0).collect(),
            impacts: entries.iter().map(|e| e.1).collect(),
        }
    }

    /// The documents of a word that use the spelling `exact`, with its impacts there.
    pub(super) fn spelling(&self, e: &WordEntry, exact: &str) -> Posting {
        let Some((_, sdf, r)) = e.spellings.iter().find(|s| s.0 == exact) else {
            return Posting::default();
        };
        let all = self.postings(e);
        let Some(r) = r else { return all };
        let own = self.decode(r, *sdf);
        let ids = own.ids.iter().map(|&p| all.ids[p as usize]).collect();
        Posting {
            ids,
            impacts: own.impacts,
        }
    }

    /// The posting list of a folded pair "a b", if indexed.
    pub(super) fn pair(&self, key: &str) -> Option<Posting> {
        let shards = self.manifest["pairShards"].as_u64()? as usize;
        let mut c = Cursor {
            b: self.file(&format!("p/{}.bin", fnv1a(key) as usize % shards)),
            at: 0,
        };
        let count = c.varint();
        let mut k: Vec<u8> = Vec::new();
        for _ in 0..count {
            let shared = c.varint();
            let len = c.varint();
            k.truncate(shared);
            k.extend_from_slice(c.bytes(len));
            let df = c.varint();
            let r = c.list_ref();
            if k == key.as_bytes() {
                return Some(self.decode(&r, df));
            }
        }
        None
    }

    /// `[url, title, summary, excerpt]` of document `id`.
    pub(super) fn meta(&self, id: u32) -> Vec<String> {
        let chunk = self.manifest["metaChunk"].as_u64().expect("metaChunk") as usize;
        let rows: Vec<Vec<String>> =
            serde_json::from_slice(self.file(&format!("m/{}.json", id as usize / chunk)))
                .expect("meta");
        rows[id as usize % chunk].clone()
    }

    /// Ranks a query: URLs with their tier and score, best first.
    pub(super) fn rank(&self, query: &str) -> Vec<(String, u32, f64)> {
        let words = super::spelling::search_tokens(query);
        let exact_mode = words.iter().any(|w| fold(w) != *w);
        let idf = |df: usize| (1.0 + self.docs as f64 / df as f64).ln();
        let mut scores: HashMap<u32, (u32, f64)> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            let Some(e) = self.word(&fold(w)) else {
                return Vec::new();
            };
            let p = self.postings(&e);
            let exact = if exact_mode {
                self.spelling(&e, w)
            } else {
                Posting::default()
            };
            let exact_idf = idf(exact.ids.len());
            let mut next = HashMap::new();
            for (id, impact) in p.ids.iter().zip(&p.impacts) {
                let before = if i == 0 {
                    Some((0, 0.0))
                } else {
                    scores.get(id).copied()
                };
                let Some((tier, score)) = before else {
                    continue;
                };
                let add = match exact.ids.binary_search(id) {
                    Ok(k) => (1, exact_idf * impact_of(exact.impacts[k])),
                    Err(_) => (0, idf(e.df) * impact_of(*impact)),
                };
                next.insert(*id, (tier + add.0, score + add.1));
            }
            scores = next;
        }
        for pair in words.windows(2) {
            let Some(p) = self.pair(&format!("{} {}", fold(&pair[0]), fold(&pair[1]))) else {
                continue;
            };
            let weight = idf(p.ids.len());
            for (id, impact) in p.ids.iter().zip(&p.impacts) {
                if let Some((tier, score)) = scores.get_mut(id) {
                    *tier += 1;
                    *score += weight * impact_of(*impact);
                }
            }
        }
        let mut ranked: Vec<(u32, u32, f64)> =
            scores.into_iter().map(|(id, (t, s))| (id, t, s)).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .map(|(id, t, s)| (self.meta(id)[0].clone(), t, s))
            .collect()
    }
}
