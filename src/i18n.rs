//! Messages in the editor's language: one Project Fluent catalogue per language
//! (`locales/vi.ftl`, `locales/en.ftl`), compiled into the binary. Code names a
//! message by id (`t!("e010-missing", key = "title")`); the language is chosen once per
//! process by `choose`, Vietnamese unless asked otherwise. A missing id never panics: it
//! prints as the id, and a test keeps both catalogues complete.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language kheo speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Tiếng Việt, the default.
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Reads `vi`, `vi-VN`, `en_US.UTF-8`, `English`...; `None` for anything else
    /// (including `C` and `POSIX`, which say nothing about the reader).
    pub fn parse(s: &str) -> Option<Lang> {
        let lower = s.trim().to_ascii_lowercase();
        let code = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match code {
            "vi" | "vie" | "vietnamese" => Some(Lang::Vi),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 code, for `lang` attributes and logs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every later message.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are written in now.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

/// Picks the language: `--lang`, then `KHEO_LANG`, then the site's `language` (callers
/// pass `vi` for a site that does not say), then `LC_ALL`/`LC_MESSAGES`/`LANG` (so only
/// where there is no site, e.g. `kheo init`), then Vietnamese. The site's setting comes
/// before the system's so that a Vietnamese site's CI log (often `LANG=C.UTF-8` or
/// `en_US`) stays in the editors' language.
pub fn choose(flag: Option<&str>, site_language: Option<&str>) -> Lang {
    let env = |k: &str| std::env::var(k).ok();
    flag.and_then(Lang::parse)
        .or_else(|| env("KHEO_LANG").as_deref().and_then(Lang::parse))
        .or_else(|| site_language.and_then(Lang::parse))
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|k| env(k).as_deref().and_then(Lang::parse))
        })
        .unwrap_or(Lang::Vi)
}

/// The catalogues, as written in the repository.
pub const CATALOGUES: [(Lang, &str); 2] = [
    (Lang::Vi, include_str!("../locales/vi.ftl")),
    (Lang::En, include_str!("../locales/en.ftl")),
];

static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    CATALOGUES
        .iter()
        .map(|(lang, text)| {
            let id = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No Unicode isolation marks: terminals and CI logs show them as junk.
            bundle.set_use_isolating(false);
            // A catalogue with a syntax error still gives its good messages; the test
            // `catalogues_parse` keeps them clean.
            let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
            bundle
        })
        .collect()
});

/// A value for a message argument.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, shown as is.
    Text(String),
    /// A number (plural rules pick the form).
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(usize, u32, u64, i32, i64);

/// The message `id` in the current language with `args` filled in.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(current(), id, args)
}

/// The message `id` in `lang`.
pub fn text_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = &BUNDLES[lang as usize];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Text(s) => fargs.set(*k, FluentValue::from(s.as_str())),
            Arg::Number(n) => fargs.set(*k, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// `t!("id")` or `t!("id", name = value, ...)`: the message in the current language.
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::text($id, &[])
    };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    };
}

/// The ids a catalogue defines (messages, not terms), in file order.
pub fn ids(catalogue: &str) -> Vec<String> {
    catalogue
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_owned()))
        .collect()
}

/// The theme's UI strings (`strings.yaml`), for text the build itself writes.
#[derive(Debug, Default)]
pub struct Strings(std::collections::BTreeMap<String, String>);

impl Strings {
    /// Parses `strings.yaml`; values that are not text are ignored.
    pub fn parse(text: &str) -> Result<Strings, String> {
        let map: std::collections::BTreeMap<String, yaml_serde::Value> =
            yaml_serde::from_str(text).map_err(|e| e.to_string())?;
        Ok(Strings(
            map.into_iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_owned())))
                .collect(),
        ))
    }

    /// The text for `key`, or the key itself when the theme lacks it (visible, not fatal).
    pub fn get<'s>(&'s self, key: &'s str) -> &'s str {
        self.0.get(key).map_or(key, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_parse() {
        for (lang, text) in CATALOGUES {
            if let Err((_, errors)) = FluentResource::try_new(text.to_owned()) {
                panic!("locales/{}.ftl: {errors:?}", lang.code());
            }
        }
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let vi = ids(CATALOGUES[0].1);
        let en = ids(CATALOGUES[1].1);
        let missing_en: Vec<&String> = vi.iter().filter(|i| !en.contains(i)).collect();
        let missing_vi: Vec<&String> = en.iter().filter(|i| !vi.contains(i)).collect();
        assert!(missing_en.is_empty(), "missing in en.ftl: {missing_en:?}");
        assert!(missing_vi.is_empty(), "missing in vi.ftl: {missing_vi:?}");
    }

    #[test]
    fn every_id_used_in_the_code_is_in_the_catalogues() {
        let vi = ids(CATALOGUES[0].1);
        let mut missing = Vec::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for entry in walkdir::WalkDir::new(src) {
            let Ok(entry) = entry else { continue };
            // This file's own docs show the macro with made-up ids.
            if entry.path().extension().is_none_or(|e| e != "rs")
                || entry.path().ends_with("i18n.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            // `t!("` not preceded by a word character (`format!("` ends the same way).
            for (at, _) in text.match_indices("t!(\"") {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let id = text[at + 4..].split('"').next().unwrap_or("");
                if !id.is_empty() && !vi.iter().any(|v| v == id) {
                    missing.push(format!("{}: {id}", entry.path().display()));
                }
            }
        }
        assert!(missing.is_empty(), "ids not in the catalogues: {missing:?}");
    }

    #[test]
    fn language_choice_follows_flag_then_env_then_site() {
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("vi-VN"), Some(Lang::Vi));
        assert_eq!(Lang::parse("C.UTF-8"), None);
        assert_eq!(choose(Some("en"), Some("vi")), Lang::En);
    }

    #[test]
    fn messages_take_their_arguments_in_each_language() {
        let vi = text_in(Lang::Vi, "summary-errors", &[("errors", Arg::from(3usize))]);
        let en = text_in(Lang::En, "summary-errors", &[("errors", Arg::from(1usize))]);
        assert_eq!(vi, "3 lỗi");
        assert_eq!(en, "1 error");
        assert_eq!(text_in(Lang::En, "no-such-id", &[]), "no-such-id");
    }
}
