//! The validated model story: every front matter value typed and resolved (province
//! via the registry, field via `site.yaml`), the body rendered. Produced by
//! `validate::articles`, read by `index` and `render`; never touches the disk.

use std::path::PathBuf;
use std::sync::Arc;

use crate::load::SourcePath;
use crate::province::ProvinceRef;

/// A calendar date from front matter (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
    /// Day, 1-31.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year: i32 = s[0..4].parse().ok()?;
        let month: u32 = s[5..7].parse().ok()?;
        let day: u32 = s[8..10].parse().ok()?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// `2017-05-12`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `12/05/2017`, as Vietnamese readers write dates.
    pub fn vi(&self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// The level at which a model was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Central level.
    TrungUong,
    /// Province.
    Tinh,
    /// District.
    Huyen,
    /// Commune.
    Xa,
}

impl Level {
    /// All levels with their folded keys, for parsing and suggestions.
    pub const ALL: [(Level, &'static str); 4] = [
        (Level::TrungUong, "trung-uong"),
        (Level::Tinh, "tinh"),
        (Level::Huyen, "huyen"),
        (Level::Xa, "xa"),
    ];

    /// Parses a level written with or without diacritics and `cấp` ("tinh", "Cấp
    /// tỉnh"). Since 1 July 2025 the commune level has three kinds of unit: `xã`,
    /// `phường` and `đặc khu` are all `Xa`.
    pub fn parse(s: &str) -> Option<Level> {
        let k = crate::vietnamese::slugify(s);
        let k = k.strip_prefix("cap-").unwrap_or(&k);
        if matches!(k, "phuong" | "dac-khu") {
            return Some(Level::Xa);
        }
        Level::ALL
            .iter()
            .find(|(_, key)| *key == k)
            .map(|(l, _)| *l)
    }

    /// "trung ương", "tỉnh", "huyện", "xã".
    pub fn name(self) -> &'static str {
        match self {
            Level::TrungUong => "trung ương",
            Level::Tinh => "tỉnh",
            Level::Huyen => "huyện",
            Level::Xa => "xã",
        }
    }
}

/// The lead image of a story.
#[derive(Debug, Clone)]
pub struct Image {
    /// URL as it appears on the page (relative to the page for bundle images).
    pub src: String,
    /// Caption, also the alt text.
    pub caption: Option<String>,
    /// Who made it.
    pub credit: Option<String>,
    /// Width and height in pixels, when the file could be measured.
    pub size: Option<(u32, u32)>,
}

/// A file that travels with a bundle article and is copied beside its page.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to the bundle folder, `/`-separated.
    pub name: String,
    /// Where it is on disk.
    pub file: PathBuf,
    /// Its width in pixels, read from its header (0 if it is no image or unknown): the
    /// smaller copies made of it depend on it.
    pub width: u32,
}

/// An article's source as published beside its page (`index.md`).
#[derive(Debug, Clone)]
pub enum SourceText {
    /// The file on disk, already clean: copied, never held in memory after validation.
    File(std::path::PathBuf),
    /// The cleaned text (NFC, LF line endings, no BOM), when it differs from the file.
    Text(Arc<str>),
}

/// One validated model story.
#[derive(Debug, Clone)]
pub struct Article {
    /// The Markdown file.
    pub source: SourcePath,
    /// The whole source, published beside the page as `index.md`.
    pub source_text: SourceText,
    /// The model's name.
    pub title: String,
    /// URL slug: from `slug:` or the folded title.
    pub slug: String,
    /// Site path of the page, base path included, e.g. `/mo-hinh/x/`.
    pub url: String,
    /// The province the story names.
    pub province: ProvinceRef,
    /// Index into `Config::fields`.
    pub field: usize,
    /// Year recognised or reported.
    pub year: i32,
    /// Publication date.
    pub date: Option<Date>,
    /// One or two sentences.
    pub summary: Option<String>,
    /// Organisation running the model.
    pub unit: Option<String>,
    /// District / commune / ward.
    pub locality: Option<String>,
    /// Level of recognition.
    pub level: Option<Level>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Where it was first published.
    pub source_name: Option<String>,
    /// Link to the first publication.
    pub source_url: Option<String>,
    /// Lead image.
    pub image: Option<Image>,
    /// Tags as written (NFC, trimmed), deduplicated.
    pub tags: Vec<String>,
    /// The tags' URL slugs, parallel to `tags` (made once, here, not per page).
    pub tag_slugs: Vec<String>,
    /// Old site paths that redirect here (base path included).
    pub aliases: Vec<String>,
    /// Kept out of the build unless `--drafts`.
    pub draft: bool,
    /// Why the story was withdrawn; it then leaves every list, feed and index.
    pub withdrawn: Option<String>,
    /// Anything else, for templates.
    pub extra: serde_json::Value,
    /// Rendered body.
    pub html: Arc<str>,
    /// Words in the body.
    pub word_count: usize,
    /// Images and files beside a bundle's `index.md`.
    pub assets: Vec<Asset>,
    /// True if the body has code blocks (the page then links the highlighting CSS).
    pub has_code: bool,
    /// Hash of the source text and of the addresses its links resolved to: what the
    /// article's own pages depend on (`serve` re-renders a page when it changes).
    pub hash: u64,
}

impl Article {
    /// Sort key for "newest first": date (or 1 January of the year), newest first.
    pub fn recency(&self) -> (i32, u32, u32) {
        match self.date {
            Some(d) => (d.year, d.month, d.day),
            None => (self.year, 1, 1),
        }
    }

    /// True if the story appears in lists, feeds, exports and search.
    pub fn is_listed(&self) -> bool {
        self.withdrawn.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.vi()),
            Some("29/02/2024".into())
        );
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2023-13-01"), None);
        assert_eq!(Date::parse("12/05/2017"), None);
    }

    #[test]
    fn levels_accept_missing_diacritics() {
        assert_eq!(Level::parse("tinh"), Some(Level::Tinh));
        assert_eq!(Level::parse("Trung ương"), Some(Level::TrungUong));
        assert_eq!(Level::parse("cấp xã"), Some(Level::Xa));
        assert_eq!(Level::parse("quận"), None);
    }
}
