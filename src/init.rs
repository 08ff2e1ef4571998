//! `kheo init DIR`: a new, empty site that builds at once: `site.yaml` with every
//! setting explained, an empty `content/`, and a `.gitignore` for the output. The
//! default theme is used from the binary, so no theme files are copied.

use std::path::Path;

use crate::error::{Error, Result};

const SITE_YAML: &str = "# Settings of this kheo site. Every key is optional.
title: Dân vận khéo
description: Các mô hình \"Dân vận khéo\" tiêu biểu.
base_url: https://example.org/   # where the site will be published
language: vi
theme: default                   # built into kheo; put your own under themes/<name>/
page_size: 20                    # models per list page
lean_output: false               # true: a smaller site for free hosting (see README)
license: CC BY 4.0               # shown on the data page
fields:                          # the allowed `field:` values
  - Kinh tế
  - Văn hóa - xã hội
  - Quốc phòng - an ninh
  - Xây dựng hệ thống chính trị
";

/// Creates the site; returns the exit status (1 if the folder is not empty).
pub fn run(dir: &Path) -> Result<u8> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        if entries.next().is_some() {
            let dir = dir.display().to_string();
            eprintln!(
                "{}: {}",
                crate::t!("diag-error"),
                crate::t!(
                    "init-not-empty",
                    dir = crate::diagnostic::printable(&dir).into_owned()
                )
            );
            return Ok(1);
        }
    }
    let content = dir.join("content");
    std::fs::create_dir_all(&content).map_err(|e| Error::io(&content, e))?;
    for (name, text) in [
        ("site.yaml", SITE_YAML),
        (".gitignore", "/public\n/.public.*\n/.kheo-cache\n"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    }
    let keep = content.join(".gitkeep");
    std::fs::write(&keep, "").map_err(|e| Error::io(&keep, e))?;
    let dir = dir.display().to_string();
    println!(
        "{}",
        crate::t!(
            "init-created",
            dir = crate::diagnostic::printable(&dir).into_owned()
        )
    );
    Ok(0)
}
