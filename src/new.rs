//! `kheo new`: writes a new article at `content/<province-slug>/<year>/<slug>.md` with
//! every front matter key of `keys::KEYS` (optional ones commented out, each explained
//! in Vietnamese), as a draft, after resolving the province and field exactly as
//! validation does. Never overwrites a file.

use std::path::Path;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::province::REGISTRY;
use crate::vietnamese::{did_you_mean, nfc, slugify};

/// Creates the article, prints its path on stdout and what to do next on stderr;
/// returns the exit status.
pub fn run(root: &Path, title: &str, province: &str, field: &str, year: Option<i32>) -> Result<u8> {
    let title = nfc(title.trim());
    let config_text = crate::load::config_text(root)?;
    let config = Config::parse(config_text.as_deref()).unwrap_or_default();
    let Some(p) = REGISTRY.resolve(province) else {
        let hint = REGISTRY
            .suggest(province)
            .map(|r| crate::t!("new-did-you-mean", name = REGISTRY.name(r)))
            .unwrap_or_default();
        return refuse(&crate::t!(
            "new-unknown-province",
            province = province,
            hint = hint
        ));
    };
    let folded = slugify(field);
    let Some(f) = config.fields.iter().find(|f| f.slug == folded) else {
        let names: Vec<&str> = config.fields.iter().map(|f| f.name.as_str()).collect();
        let hint = match did_you_mean(field, names.iter().copied()) {
            Some(s) => crate::t!("new-did-you-mean", name = s),
            None => crate::t!("new-fields-are", fields = names.join("; ")),
        };
        return refuse(&crate::t!("new-unknown-field", field = field, hint = hint));
    };
    let year = year.unwrap_or_else(|| crate::validate::next_year() - 1);
    let (min, max) = (crate::validate::MIN_YEAR, crate::validate::next_year());
    if !(min..=max).contains(&year) {
        return refuse(&crate::t!(
            "new-year-range",
            year = year,
            min = min,
            max = max
        ));
    }
    let slug = slugify(&title);
    if slug.is_empty() {
        return refuse(&crate::t!("new-no-slug"));
    }
    let rel = article_path(REGISTRY.slug(p), year, &slug);
    if taken(root, &rel) {
        return refuse(&crate::t!("new-exists", path = rel.as_str()));
    }
    create(
        root,
        &rel,
        &template(&title, REGISTRY.name(p), &f.name, year, &rel),
    )?;
    println!("{rel}");
    eprintln!("{}", crate::t!("new-created", path = rel.as_str()));
    Ok(0)
}

/// Prints why no article was made; exit status 1.
fn refuse(why: &str) -> Result<u8> {
    eprintln!(
        "{}: {}",
        crate::t!("diag-error"),
        crate::diagnostic::printable(why)
    );
    Ok(1)
}

/// Where a new article goes: `content/<province-slug>/<year>/<slug>.md`.
pub(crate) fn article_path(province_slug: &str, year: i32, slug: &str) -> String {
    format!("content/{province_slug}/{year}/{slug}.md")
}

/// True if an article sits at `rel` already, as a file or as a folder (`<slug>/index.md`).
pub(crate) fn taken(root: &Path, rel: &str) -> bool {
    let path = root.join(rel);
    path.exists() || path.with_extension("").join("index.md").exists()
}

/// Writes `text` to `root/rel`, making its folders; never replaces an existing file.
/// Nothing is written through a symbolic link, not even one that stays in the site.
pub(crate) fn create(root: &Path, rel: &str, text: &str) -> Result<()> {
    let path = root.join(rel);
    if crate::load::through_symlink(root, &path) {
        return Err(Error::Usage(crate::t!("new-through-link", path = rel)));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| Error::io(&path, e))
}

/// Quotes a YAML scalar on one line: `\`, `"` and control characters escaped.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => {}
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The new article: every key of `keys::KEYS` with its Vietnamese label and help as a
/// comment above it; the required ones filled in, `summary` empty, the optional ones
/// commented out with an example; `draft: true` with what it means. `rel` is where the
/// file goes, for the advice on images (a single-file article has none beside it).
fn template(title: &str, province: &str, field: &str, year: i32, rel: &str) -> String {
    use crate::keys::{KEYS, Kind, Need};
    let mut out = String::from("---\n");
    for key in KEYS.iter().filter(|k| k.kind != Kind::Number) {
        let value = match key.name {
            "title" => quote(title),
            "province" => quote(province),
            "field" => quote(field),
            "year" => year.to_string(),
            "date" => format!("{year}-01-31"),
            _ => key.example.to_owned(),
        };
        out.push_str(&format!("# {}: {}\n", key.label.vi, key.help.vi));
        if key.name == "image" {
            let folder = rel.strip_suffix(".md").unwrap_or(rel);
            let advice = crate::i18n::text_in(
                crate::i18n::Lang::Vi,
                "new-image-folder",
                &[("folder", folder.into())],
            );
            for line in advice.lines() {
                out.push_str(&format!("# {line}\n"));
            }
        }
        let line = match (key.name, key.need) {
            ("draft", _) => format!(
                "draft: true  # {}",
                crate::i18n::text_in(crate::i18n::Lang::Vi, "new-draft-comment", &[])
            ),
            (_, Need::Required | Need::Warned) => format!("{}: {value}", key.name),
            ("extra", _) => "# extra:\n#   so_ho_huong_loi: 0".to_owned(),
            _ => format!("# {}: {value}", key.name),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(
        "---\n\n\
Giới thiệu mô hình: ở đâu, ai thực hiện, từ khi nào.\n\n\
## Cách làm\n\n\
## Kết quả\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quoted_values_stay_on_one_line() {
        assert_eq!(quote("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(quote("một\r\nhai\tba\u{7}"), "\"một\\nhai\\tba\\u0007\"");
        let yaml: String = yaml_serde::from_str(&quote("x\ny: \"z\"")).unwrap_or_default();
        assert_eq!(yaml, "x\ny: \"z\"");
    }
}
