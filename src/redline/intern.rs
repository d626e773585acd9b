//! Turning tokens and units into integer ids.
//!
//! The diff compares ids, not strings: an id compare is one instruction and
//! the Myers inner loop runs it millions of times on a large draft.
//!
//! A token of up to seven bytes (most words, every punctuation mark) *is*
//! its id: its bytes and its length packed into a `u64`. That costs no
//! lookup at all, which matters because a 10 MB draft has four million
//! tokens. Longer tokens get a counter from a hash map, with the top byte
//! set to `0xFF` where a packed token has its length (1 to 7), so the two
//! kinds of id never meet. Equal ids mean equal tokens, always: no hash
//! stands in for a token.
//!
//! The maps use FxHash, a multiply per word of input: std's SipHash resists
//! hash flooding, which a redline of two local files does not need, at
//! several times the cost.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::ops::Range;

/// A token's id; see the module docs.
pub(crate) type Id = u64;

/// Sentence-ending marks, for the sentence level of the diff.
const TERMINATORS: [Id; 7] = [
    pack_str("."),
    pack_str("!"),
    pack_str("?"),
    pack_str(";"),
    pack_str("。"),
    pack_str("！"),
    pack_str("？"),
];

/// Whether `id` is a sentence-ending mark.
pub(crate) fn is_terminator(id: Id) -> bool {
    TERMINATORS.contains(&id)
}

/// Top byte of the ids of long tokens.
const LONG: Id = 0xFF << 56;

/// Hash map with the fast hasher below.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Gives each distinct long token of both texts one id.
#[derive(Default)]
pub(crate) struct Interner<'a> {
    long: FastMap<&'a str, Id>,
}

impl<'a> Interner<'a> {
    /// The id of the token `text[range]`.
    pub(crate) fn id_in(&mut self, text: &'a str, range: Range<usize>) -> Id {
        if let Some(id) = pack(text.as_bytes(), range.clone()) {
            return id;
        }
        let next = LONG | self.long.len() as Id;
        *self.long.entry(&text[range]).or_insert(next)
    }
}

/// The bytes of `text[range]` and their count in one `u64`, if there are
/// one to seven. Reads eight bytes at once where the text allows.
fn pack(text: &[u8], range: Range<usize>) -> Option<Id> {
    let len = range.len();
    if len == 0 || len > 7 {
        return None;
    }
    let mut word = [0u8; 8];
    match text.get(range.start..range.start + 8) {
        Some(eight) => word.copy_from_slice(eight),
        None => word[..len].copy_from_slice(&text[range]),
    }
    let bytes = u64::from_le_bytes(word) & ((1u64 << (8 * len)) - 1);
    Some(bytes | (len as Id) << 56)
}

/// [`pack`] for the constants above (short strings only).
const fn pack_str(token: &str) -> Id {
    let bytes = token.as_bytes();
    let mut id = (bytes.len() as Id) << 56;
    let mut i = 0;
    while i < bytes.len() {
        id |= (bytes[i] as Id) << (8 * i);
        i += 1;
    }
    id
}

/// Gives each distinct unit (a line, a sentence) one id.
pub(crate) fn unit_ids<'a, K: Hash + Eq + ?Sized>(
    units: impl Iterator<Item = &'a K>,
    map: &mut FastMap<&'a K, u32>,
) -> Vec<u32> {
    units
        .map(|unit| {
            let next = u32::try_from(map.len()).unwrap_or(u32::MAX);
            *map.entry(unit).or_insert(next)
        })
        .collect()
}

/// FxHash (as in rustc): a multiply and a rotate per word of input.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// The multiply moves entropy only upwards, while the hash table picks
    /// buckets by the low bits: rotating brings the well-mixed high bits
    /// down (as rustc-hash 2 does).
    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(interner: &mut Interner<'static>, token: &'static str) -> Id {
        interner.id_in(token, 0..token.len())
    }

    #[test]
    fn equal_ids_iff_equal_tokens() {
        let mut interner = Interner::default();
        let text = "Partner Partners Partners \0\0 \0 Partnership Partnership Partnerships";
        let mut seen: Vec<(&str, Id)> = Vec::new();
        let mut start = 0;
        for token in text.split(' ') {
            let range = start..start + token.len();
            start = range.end + 1;
            seen.push((token, interner.id_in(text, range)));
        }
        for (a, id_a) in &seen {
            for (b, id_b) in &seen {
                assert_eq!(a == b, id_a == id_b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn short_ids_match_at_the_end_of_the_text_too() {
        let mut interner = Interner::default();
        let text = "x Partner";
        assert_eq!(interner.id_in(text, 2..9), id(&mut interner, "Partner"));
        assert!(is_terminator(id(&mut interner, ".")));
        assert!(is_terminator(id(&mut interner, "。")));
        assert!(!is_terminator(id(&mut interner, ",")));
    }
}
