//! `kheo new`: writes a new article at `content/<province-slug>/<year>/<slug>.md` with
//! every front matter key (optional ones commented out), after resolving the province
//! and field exactly as validation does. Never overwrites a file.

use std::path::Path;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::province::REGISTRY;
use crate::vietnamese::{did_you_mean, nfc, slugify};

/// Creates the article and prints its path; returns the exit status.
pub fn run(root: &Path, title: &str, province: &str, field: &str, year: Option<i32>) -> Result<u8> {
    let title = nfc(title.trim());
    let config_text = crate::load::config_text(root)?;
    let config = Config::parse(config_text.as_deref()).unwrap_or_default();
    let Some(p) = REGISTRY.resolve(province) else {
        let hint = REGISTRY
            .suggest(province)
            .map(|r| format!("; did you mean \"{}\"?", REGISTRY.name(r)))
            .unwrap_or_default();
        eprintln!("error: unknown province \"{province}\"{hint}");
        return Ok(1);
    };
    let folded = slugify(field);
    let Some(f) = config.fields.iter().find(|f| f.slug == folded) else {
        let names: Vec<&str> = config.fields.iter().map(|f| f.name.as_str()).collect();
        let hint = match did_you_mean(field, names.iter().copied()) {
            Some(s) => format!("did you mean \"{s}\"?"),
            None => format!("the fields are: {}", names.join("; ")),
        };
        eprintln!("error: unknown field \"{field}\"; {hint}");
        return Ok(1);
    };
    let year = year.unwrap_or_else(|| crate::validate::next_year() - 1);
    if !(crate::validate::MIN_YEAR..=crate::validate::next_year()).contains(&year) {
        eprintln!(
            "error: year {year} is out of range ({}..={})",
            crate::validate::MIN_YEAR,
            crate::validate::next_year()
        );
        return Ok(1);
    }
    let slug = slugify(&title);
    if slug.is_empty() {
        eprintln!("error: the title has no letters or digits to make an address from");
        return Ok(1);
    }
    let rel = article_path(REGISTRY.slug(p), year, &slug);
    if taken(root, &rel) {
        eprintln!("error: {rel} already exists; choose another title or edit that file");
        return Ok(1);
    }
    create(
        root,
        &rel,
        &template(&title, REGISTRY.name(p), &f.name, year),
    )?;
    println!("{rel}");
    Ok(0)
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
pub(crate) fn create(root: &Path, rel: &str, text: &str) -> Result<()> {
    let path = root.join(rel);
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

fn template(title: &str, province: &str, field: &str, year: i32) -> String {
    format!(
        "---\n\
title: {title}\n\
province: {province}\n\
field: {field}\n\
year: {year}\n\
summary: \"\"  # một hoặc hai câu tóm tắt, hiện trong danh sách, tìm kiếm và nguồn tin\n\
# date: {year}-01-31          # ngày đăng, YYYY-MM-DD\n\
# unit: \"\"                  # đơn vị thực hiện mô hình\n\
# locality: \"\"              # huyện / xã / phường\n\
# level: tỉnh               # cấp công nhận: trung ương, tỉnh, huyện, xã\n\
# author: \"\"\n\
# source: \"\"                # nơi đăng đầu tiên\n\
# source_url: https://…\n\
# image: anh.jpg            # ảnh đầu bài, đặt cạnh bài viết\n\
# image_caption: \"\"\n\
# image_credit: \"\"\n\
# tags: [nông thôn mới, giảm nghèo]\n\
# slug: ten-khac            # địa chỉ riêng (a-z, 0-9, -)\n\
# aliases: [/duong-dan-cu/]\n\
# draft: true\n\
# extra:\n\
#   so_ho_huong_loi: 0\n\
---\n\
\n\
Giới thiệu mô hình: ở đâu, ai thực hiện, từ khi nào.\n\
\n\
## Cách làm\n\
\n\
## Kết quả\n",
        title = quote(title),
        province = quote(province),
        field = quote(field),
    )
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
