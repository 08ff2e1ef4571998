//! The byte formats of the search index: varints, document sets, posting lists, list
//! references and the FNV hash that places a word pair in its shard. Writers only; the
//! readers are `themes/default/static/assets/search.js`, `patch.rs` (the last build's
//! index read back) and `read.rs` (tests).
//! Every function here is pure and deterministic.

/// Appends `v` as an unsigned LEB128 varint.
pub(super) fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Appends a length-prefixed UTF-8 string.
pub(super) fn string(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A sorted set of ids in `0..universe`, appended as whichever is smaller: tag 0 and
/// gap varints (first id, then `id - previous - 1`), or tag 1, the index of the first
/// non-zero byte, a byte count and a little-endian bitmap (bit `i` of byte `j` is id
/// `8 * (first + j) + i`). The reader knows the set's size from the dictionary.
pub(super) fn id_set(out: &mut Vec<u8>, ids: &[u32]) {
    let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
        out.push(0);
        return;
    };
    let lo = first / 8;
    let bitmap_len = (last / 8 - lo + 1) as usize;
    let mut gaps = Vec::with_capacity(ids.len() * 2);
    let mut prev: Option<u32> = None;
    for &id in ids {
        varint(&mut gaps, u64::from(prev.map_or(id, |p| id - p - 1)));
        prev = Some(id);
    }
    if gaps.len() <= bitmap_len + 4 {
        out.push(0);
        out.extend_from_slice(&gaps);
    } else {
        out.push(1);
        varint(out, u64::from(lo));
        varint(out, bitmap_len as u64);
        let start = out.len();
        out.resize(start + bitmap_len, 0);
        for &id in ids {
            out[start + (id / 8 - lo) as usize] |= 1 << (id % 8);
        }
    }
}

/// A posting list: the set of document ids, then one impact byte per document.
pub(super) fn postings(ids: &[u32], impacts: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(ids.len() * 2 + 4);
    id_set(&mut out, ids);
    out.extend_from_slice(impacts);
    out
}

/// Where the bytes of one list are: inline in the dictionary entry or in a pack file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ListRef {
    /// The list's bytes, written into the entry itself.
    Inline(Vec<u8>),
    /// A byte range of `k/<pack>.bin`.
    Packed { pack: u32, offset: u32, len: u32 },
}

impl ListRef {
    /// Appends the reference: a varint tag, odd = inline, `tag >> 1` bytes follow; even
    /// = packed in pack `(tag >> 1) - 1`, then offset and length varints.
    pub(super) fn write(&self, out: &mut Vec<u8>) {
        match self {
            ListRef::Inline(bytes) => {
                varint(out, ((bytes.len() as u64) << 1) | 1);
                out.extend_from_slice(bytes);
            }
            ListRef::Packed { pack, offset, len } => {
                varint(out, (u64::from(*pack) + 1) << 1);
                varint(out, u64::from(*offset));
                varint(out, u64::from(*len));
            }
        }
    }
}

/// The 32-bit FNV-1a hash of a string's UTF-8 bytes (mirrored in search.js).
pub(super) fn fnv1a(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Length of the common prefix of two byte strings, for front coding.
pub(super) fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_are_leb128() {
        let mut v = Vec::new();
        varint(&mut v, 0);
        varint(&mut v, 127);
        varint(&mut v, 128);
        varint(&mut v, 300);
        assert_eq!(v, [0, 127, 0x80, 1, 0xac, 2]);
    }

    #[test]
    fn sparse_sets_use_gaps_and_dense_sets_bitmaps() {
        let mut sparse = Vec::new();
        id_set(&mut sparse, &[3, 1000, 1001]);
        assert_eq!(sparse, [0, 3, 0xe4, 7, 0]);
        let mut dense = Vec::new();
        let ids: Vec<u32> = (16..40).collect();
        id_set(&mut dense, &ids);
        assert_eq!(dense, [1, 2, 3, 0xff, 0xff, 0xff]);
    }

    #[test]
    fn fnv_matches_reference_values() {
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
    }
}
