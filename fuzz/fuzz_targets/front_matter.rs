//! Fuzz target: loading's text cleaning and front matter parsing
//! (`kheo::load::clean_text`, `kheo::frontmatter::parse`) on arbitrary UTF-8.
//! A bad file must become a diagnostic, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let clean = kheo::load::clean_text(text);
        let source = kheo::load::Source::new("content/fuzz.md", clean, None);
        let _ = kheo::frontmatter::parse(&source);
    }
});
