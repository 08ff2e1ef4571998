//! Search-only spelling equivalences, applied to every token at index time and (mirrored
//! in `search.js`) at query time, so that equal words meet in one form and the index
//! does not grow: i/y after a consonant (`kĩ`/`kỹ`, `lí`/`lý`, `quí`/`quý` become the
//! `i` form) and abbreviations (`UBND`, `HĐND`, `TP`, `HCM`, ...) read as the words they
//! stand for. The abbreviation table is `data/search-synonyms.json`, shared with the JS
//! (the build copies it into the manifest); `tests/search-vectors.json` pins both sides.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::vietnamese::{fold, tokens};

/// The shared table of abbreviations and names, as written in the repository.
const TABLE: &str = include_str!("../../data/search-synonyms.json");

/// Abbreviation (folded, i/y unified) → the tokens it stands for (exact, unified).
static ABBREVIATIONS: LazyLock<FxHashMap<String, Vec<String>>> = LazyLock::new(|| {
    abbreviation_table()
        .into_iter()
        .map(|(k, v)| (k, v.split(' ').map(str::to_owned).collect()))
        .collect()
});

/// The table's abbreviations as (key, expansion), keys folded and expansions as the
/// tokens of the written expansion joined by spaces; sorted by key. An unreadable table
/// (caught by a test) is empty.
pub(crate) fn abbreviation_table() -> Vec<(String, String)> {
    let Ok(file) = serde_json::from_str::<serde_json::Value>(TABLE) else {
        return Vec::new();
    };
    let Some(map) = file["abbreviations"].as_object() else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = map
        .iter()
        .filter_map(|(k, v)| {
            let key = unify_iy(&fold(k));
            let words: Vec<String> = tokens(v.as_str()?).iter().map(|t| unify_iy(t)).collect();
            (!key.is_empty() && !words.is_empty()).then(|| (key, words.join(" ")))
        })
        .collect();
    out.sort();
    out
}

/// The table's names (`"sài gòn"` → `"hồ chí minh"`), as (folded name, exact tokens);
/// applied at query time only (search.js), sorted.
pub(crate) fn name_table() -> Vec<(String, String)> {
    let Ok(file) = serde_json::from_str::<serde_json::Value>(TABLE) else {
        return Vec::new();
    };
    let Some(map) = file["names"].as_object() else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = map
        .iter()
        .filter_map(|(k, v)| {
            let key: Vec<String> = tokens(k).iter().map(|t| unify_iy(&fold(t))).collect();
            let words: Vec<String> = tokens(v.as_str()?).iter().map(|t| unify_iy(t)).collect();
            (!key.is_empty() && !words.is_empty()).then(|| (key.join(" "), words.join(" ")))
        })
        .collect();
    out.sort();
    out
}

/// The `i` letter with the tone of the `y` letter `c`, if `c` is one.
fn y_to_i(c: char) -> Option<char> {
    Some(match c {
        'y' => 'i',
        'ý' => 'í',
        'ỳ' => 'ì',
        'ỷ' => 'ỉ',
        'ỹ' => 'ĩ',
        'ỵ' => 'ị',
        _ => return None,
    })
}

/// True for a consonant letter that may start a syllable.
fn is_onset(c: char) -> bool {
    (c.is_ascii_lowercase() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')) || c == 'đ'
}

/// One token (lowercase, NFC) with a final `y` after a consonant onset (or `qu`) written
/// `i`, tone kept: `kỹ`→`kĩ`, `lý`→`lí`, `quý`→`quí`, `mỹ`→`mĩ`. Other words
/// (`ý`, `tuy`, `hay`, `yêu`) come back as they are.
pub(crate) fn unify_iy(token: &str) -> String {
    let mut chars: Vec<char> = token.chars().collect();
    let Some((&last, onset)) = chars.split_last() else {
        return String::new();
    };
    let Some(i) = y_to_i(last) else {
        return token.to_owned();
    };
    let consonants = !onset.is_empty() && onset.iter().all(|&c| is_onset(c));
    if consonants || onset == ['q', 'u'] {
        if let Some(end) = chars.last_mut() {
            *end = i;
        }
        return chars.into_iter().collect();
    }
    token.to_owned()
}

/// The search tokens of a raw word: `vietnamese::tokens`, i/y unified, abbreviations
/// read as their words. Index and query (search.js `searchTokens`) cut text this way
/// (the index through `search_token_parts`).
#[cfg(test)]
pub(crate) fn search_tokens(raw: &str) -> Vec<String> {
    search_token_parts(raw)
        .into_iter()
        .filter(|(_, part)| *part != Part::Abbreviation)
        .map(|(t, _)| t)
        .collect()
}

/// What a token of `search_token_parts` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// A word as written.
    Word,
    /// A word of an abbreviation's expansion (`uỷ` of `UBND`).
    Expanded,
    /// The abbreviation itself, folded (`ubnd`), after its expansion's words.
    Abbreviation,
}

/// `search_tokens`, each token with its part, and after an abbreviation's words the
/// abbreviation itself: the index keeps it as a word too, so the abbreviation as written
/// ranks first.
pub(crate) fn search_token_parts(raw: &str) -> Vec<(String, Part)> {
    let mut out = Vec::new();
    for t in tokens(raw) {
        let t = unify_iy(&t);
        let key = fold(&t);
        match ABBREVIATIONS.get(&key) {
            Some(words) => {
                out.extend(words.iter().map(|w| (w.clone(), Part::Expanded)));
                out.push((key, Part::Abbreviation));
            }
            None => out.push((t, Part::Word)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn i_and_y_after_a_consonant_meet_in_the_i_form() {
        for (y, i) in [
            ("kỹ", "kĩ"),
            ("lý", "lí"),
            ("tỷ", "tỉ"),
            ("mỹ", "mĩ"),
            ("quý", "quí"),
            ("hy", "hi"),
            ("ky", "ki"),
        ] {
            assert_eq!(unify_iy(y), i);
            assert_eq!(unify_iy(i), i);
        }
        for same in ["ý", "tuy", "hay", "yêu", "uyên", "thủy", "gì", ""] {
            assert_eq!(unify_iy(same), same);
        }
    }

    #[test]
    fn abbreviations_read_as_their_words() {
        assert_eq!(search_tokens("UBND"), ["uỷ", "ban", "nhân", "dân"]);
        assert_eq!(search_tokens("HĐND"), search_tokens("hdnd"));
        assert_eq!(search_tokens("kỹ"), ["kĩ"]);
    }

    #[test]
    fn an_abbreviation_is_kept_as_written_after_its_words() {
        let parts = search_token_parts("UBND");
        assert_eq!(parts.len(), 5);
        assert!(parts[..4].iter().all(|(_, p)| *p == Part::Expanded));
        assert_eq!(parts[4], ("ubnd".to_owned(), Part::Abbreviation));
        assert_eq!(search_token_parts("kỹ"), [("kĩ".to_owned(), Part::Word)]);
    }

    #[test]
    fn the_shared_table_is_read_whole() {
        let table = abbreviation_table();
        for key in ["ubnd", "mttq", "hdnd", "htx", "ccb", "dvtn", "hcm", "tp"] {
            assert!(table.iter().any(|(k, _)| k == key), "{key}");
        }
        assert!(name_table().iter().any(|(k, _)| k == "sai gon"));
    }

    /// The vectors search.js is tested against too (tests/js/normalize.test.mjs).
    #[test]
    fn shared_search_token_vectors() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/search-vectors.json")).expect("json");
        let vectors = file["search_tokens"].as_array().expect("search_tokens");
        assert!(vectors.len() >= 10);
        for v in vectors {
            let want: Vec<String> = v["tokens"]
                .as_array()
                .expect("tokens")
                .iter()
                .map(|t| t.as_str().expect("str").to_owned())
                .collect();
            let input = v["input"].as_str().expect("input");
            let got = search_tokens(input);
            assert_eq!(got, want, "{input}");
        }
    }
}
