//! `site.yaml`: the site's settings, read once and validated into `Config`. Problems
//! are diagnostics on `site.yaml` (an unknown key gets a did-you-mean); a missing file
//! means defaults, so an empty folder with `content/` is already a site.

pub mod cms;

use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::vietnamese::{did_you_mean, slugify};

/// The fields of the movement used when `site.yaml` does not list its own.
pub const DEFAULT_FIELDS: [&str; 4] = [
    "Kinh tế",
    "Văn hóa - xã hội",
    "Quốc phòng - an ninh",
    "Xây dựng hệ thống chính trị",
];

/// A field (lĩnh vực) with its URL slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Display name, e.g. "Văn hóa - xã hội".
    pub name: String,
    /// URL slug, e.g. "van-hoa-xa-hoi".
    pub slug: String,
}

/// Validated site settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Site title shown in the header and feeds.
    pub title: String,
    /// One-sentence description for the home page and feeds.
    pub description: String,
    /// Absolute base URL with a trailing slash, e.g. `https://dvk.example.vn/`.
    pub base_url: String,
    /// URL path prefix taken from `base_url`, without trailing slash ("" at the root).
    pub base_path: String,
    /// Language tag of the content (`vi`).
    pub language: String,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Items per list page.
    pub page_size: usize,
    /// The allowed fields, in the order given.
    pub fields: Vec<Field>,
    /// Keep raw HTML in Markdown unsanitised.
    pub unsafe_html: bool,
    /// Licence line shown on the data page.
    pub license: String,
    /// The editing form (`cms:`), when the site opts in.
    pub cms: Option<cms::Settings>,
    /// Smaller output for hosts with limits (README, "Hosting a big site"): no copies of
    /// each story's source and data beside it, tags and a province's narrowed lists on one
    /// page of short rows, unit and field feeds with summaries.
    pub lean_output: bool,
}

/// The keys `site.yaml` accepts.
const KEYS: [&str; 11] = [
    "title",
    "description",
    "base_url",
    "language",
    "theme",
    "page_size",
    "fields",
    "unsafe_html",
    "license",
    "cms",
    "lean_output",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    language: Option<String>,
    theme: Option<String>,
    page_size: Option<usize>,
    fields: Option<Vec<String>>,
    unsafe_html: Option<bool>,
    license: Option<String>,
    cms: Option<cms::RawSettings>,
    lean_output: Option<bool>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Dân vận khéo".to_owned(),
            description: String::new(),
            base_url: "/".to_owned(),
            base_path: String::new(),
            language: "vi".to_owned(),
            theme: "default".to_owned(),
            page_size: 20,
            fields: DEFAULT_FIELDS.iter().map(|f| field(f)).collect(),
            unsafe_html: false,
            license: "CC BY 4.0".to_owned(),
            cms: None,
            lean_output: false,
        }
    }
}

fn field(name: &str) -> Field {
    Field {
        // Shown with the en dash ("Văn hóa – xã hội"); input matches by slug, so both.
        name: name.replace(" - ", " – "),
        slug: slugify(name),
    }
}

/// One text setting of a `site.yaml`, read loosely, before full parsing: the theme to
/// load and the language to speak are needed before the file's own problems are told.
pub fn loose_setting(text: &str, key: &str) -> Option<String> {
    let value: yaml_serde::Value = yaml_serde::from_str(text).ok()?;
    let s = value.get(key)?.as_str()?;
    (!s.is_empty()).then(|| s.to_owned())
}

impl Config {
    /// Parses `site.yaml` text (`None`: no file) into settings, or diagnostics.
    pub fn parse(text: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        const PATH: &str = "site.yaml";
        let mut config = Config::default();
        let Some(text) = text else { return Ok(config) };
        let raw: RawConfig = if text.trim().is_empty() {
            return Ok(config);
        } else {
            match yaml_serde::from_str(text) {
                Ok(raw) => raw,
                Err(e) => {
                    let (line, col) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
                    let msg = e.to_string();
                    let unknown = msg
                        .split('`')
                        .nth(1)
                        .filter(|_| msg.contains("unknown field"));
                    let message = match unknown {
                        Some(key) => crate::t!("e001-unknown-key", key = key),
                        None => crate::t!("e001-invalid", error = msg.as_str()),
                    };
                    let mut d = Diagnostic::error("E001", PATH, line, col, message);
                    if let Some(key) = unknown {
                        d = d.help(match did_you_mean(key, KEYS) {
                            Some(s) => crate::t!("e001-did-you-mean", key = s),
                            None => crate::t!("e001-accepts", keys = KEYS.join(", ")),
                        });
                    } else {
                        d = d.help(crate::t!("e001-invalid-help"));
                    }
                    return Err(vec![d.with_source(text)]);
                }
            }
        };
        let mut diags = Vec::new();
        if let Some(t) = raw.title {
            config.title = crate::vietnamese::nfc(&t);
        }
        if let Some(d) = raw.description {
            config.description = crate::vietnamese::nfc(&d);
        }
        if let Some(l) = raw.language {
            config.language = l;
        }
        if let Some(t) = raw.theme {
            if t.is_empty() || t.contains(['/', '\\']) || t.starts_with('.') {
                diags.push(Diagnostic::error(
                    "E001",
                    PATH,
                    0,
                    0,
                    crate::t!("e001-theme", theme = t.as_str()),
                ));
            }
            config.theme = t;
        }
        if let Some(n) = raw.page_size {
            if n == 0 {
                diags.push(Diagnostic::error(
                    "E001",
                    PATH,
                    0,
                    0,
                    crate::t!("e001-page-size"),
                ));
            }
            config.page_size = n.max(1);
        }
        if let Some(fields) = raw.fields {
            config.fields = fields
                .iter()
                .map(|f| field(&crate::vietnamese::nfc(f)))
                .collect();
        }
        config.unsafe_html = raw.unsafe_html.unwrap_or(false);
        config.lean_output = raw.lean_output.unwrap_or(false);
        if let Some(l) = raw.license {
            config.license = l;
        }
        if let Some(cms) = raw.cms {
            config.cms = cms::Settings::check(cms, text, &mut diags);
        }
        if let Some(url) = raw.base_url
            && let Err(mut d) = config.set_base_url(&url)
        {
            d.path = PATH.to_owned();
            d.line = text
                .lines()
                .position(|l| l.starts_with("base_url:"))
                .map_or(0, |i| i + 1);
            diags.push(d.with_source(text));
        }
        if diags.is_empty() {
            Ok(config)
        } else {
            Err(diags)
        }
    }

    /// Sets `base_url` (adding the trailing slash) and derives `base_path`, if `url` is
    /// an `http://` or `https://` address with a host, or a path from the root (`/`,
    /// `/dvk/`; empty means `/`): every link of the site starts with it. Otherwise keeps the current one
    /// and returns E001 on `--base-url` (the flag; `parse` puts it on `site.yaml`).
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Diagnostic> {
        if let Some(problem) = base_url_problem(url.trim()) {
            return Err(Diagnostic::error(
                "E001",
                "--base-url",
                0,
                0,
                crate::t!(
                    "e001-base-url",
                    url = url.trim(),
                    problem = crate::t!(problem)
                ),
            )
            .help(crate::t!("e001-base-url-help")));
        }
        let mut url = url.trim().to_owned();
        if !url.ends_with('/') {
            url.push('/');
        }
        let path = match url.find("://") {
            Some(i) => url[i + 3..].find('/').map_or("/", |j| &url[i + 3 + j..]),
            None => url.as_str(),
        };
        self.base_path = path.trim_end_matches('/').to_owned();
        self.base_url = url;
        Ok(())
    }

    /// An absolute URL for a site path (`/mo-hinh/x/` → `https://site/mo-hinh/x/`).
    pub fn absolute(&self, site_path: &str) -> String {
        let base = self.base_url.trim_end_matches('/');
        let rel = site_path.strip_prefix(&self.base_path).unwrap_or(site_path);
        format!("{base}{rel}")
    }
}

/// How to write a `base_url`, for its diagnostic.
/// The message id of what is wrong with a `base_url` (trimmed), if anything: it must be `http://` or
/// `https://` with a host, or a path from the root; no white space, control
/// characters, quotes, `<`, `>` or backslashes anywhere (it is written into every
/// link, attribute and feed as it is).
fn base_url_problem(url: &str) -> Option<&'static str> {
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c))
    {
        return Some("e001-base-url-chars");
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = host.rsplit('@').next().unwrap_or("");
            (host.is_empty() || host.starts_with(':')).then_some("e001-base-url-host")
        }
        None if url.is_empty() || (url.starts_with('/') && !url.starts_with("//")) => None,
        None => Some("e001-base-url-scheme"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_comes_from_base_url() {
        let mut c = Config::default();
        c.set_base_url("https://example.org/dvk").unwrap();
        assert_eq!(c.base_url, "https://example.org/dvk/");
        assert_eq!(c.base_path, "/dvk");
        assert_eq!(c.absolute("/dvk/tinh/"), "https://example.org/dvk/tinh/");
        c.set_base_url("https://example.org").unwrap();
        assert_eq!(c.base_path, "");
        c.set_base_url("/dvk").unwrap();
        assert_eq!(
            (c.base_url.as_str(), c.base_path.as_str()),
            ("/dvk/", "/dvk")
        );
    }

    #[test]
    fn base_url_is_an_http_address_or_a_root_path() {
        for ok in [
            "https://dvk.example.vn/",
            "http://localhost:1111",
            "HTTPS://X.VN/a/b/",
            " https://x.vn ",
            "/",
            "/dvk/",
            "",
        ] {
            assert!(Config::default().set_base_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)//",
            "JavaScript:alert(1)",
            "data:text/html,x/",
            "https://",
            "http:///x",
            "https://:80/",
            "//evil.example/",
            "x.vn/",
            "https://x.vn/\"><script>",
            "https://x.vn/a b",
            "https://x.vn/\u{1b}[2J",
            "https://x.vn/'",
        ] {
            let mut c = Config::default();
            let d = c.set_base_url(bad).expect_err(bad);
            assert_eq!(d.code, "E001");
            assert!(d.help.is_some());
            assert_eq!(c.base_url, "/", "{bad} must leave the default");
        }
    }

    #[test]
    fn a_script_base_url_in_site_yaml_is_e001() {
        let err =
            Config::parse(Some("title: x\nbase_url: \"javascript:alert(1)//\"\n")).unwrap_err();
        assert_eq!(
            (err[0].code, err[0].path.as_str(), err[0].line),
            ("E001", "site.yaml", 2)
        );
        assert!(
            err[0].message.contains("javascript:alert(1)//"),
            "{}",
            err[0].message
        );
    }

    #[test]
    fn unknown_key_suggests() {
        let err = Config::parse(Some("titel: x\n")).unwrap_err();
        let expected = crate::t!("e001-did-you-mean", key = "title");
        assert_eq!(err[0].help.as_deref(), Some(expected.as_str()));
    }
}
