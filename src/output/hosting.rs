//! What the finished site means for the hosts editors publish on: a note when it passes
//! a limit that would make the upload fail later, far from the build that caused it
//! (README, "Hosting a big site").

use super::{Notice, Stamps};

/// GitHub Pages refuses a site larger than this.
const GITHUB_PAGES_BYTES: u64 = 1_000_000_000;
/// Cloudflare Pages' free plan refuses a site of more files than this.
const CLOUDFLARE_FREE_FILES: usize = 20_000;
/// Cloudflare Pages refuses any single file larger than this.
const CLOUDFLARE_FILE_BYTES: u64 = 25 * 1024 * 1024;

/// Notes on the limits the site `stamps` describes passes: its total size, its number of
/// files, its largest file. `lean` is `lean_output`: the advice is to set it, or, once
/// set, to move to a host without the limit.
pub fn host_limits(stamps: &Stamps, lean: bool) -> Vec<Notice> {
    let advice = || {
        if lean {
            crate::t!("host-advice-move")
        } else {
            crate::t!("host-advice-lean")
        }
    };
    let mut notes = Vec::new();
    let bytes: u64 = stamps.values().map(|s| s.len).sum();
    if bytes > GITHUB_PAGES_BYTES {
        let size = megabytes(bytes);
        notes.push(format!(
            "{} {}",
            crate::t!("host-over-size", size = size),
            advice()
        ));
    }
    if stamps.len() > CLOUDFLARE_FREE_FILES {
        let files = stamps.len().to_string();
        notes.push(format!(
            "{} {}",
            crate::t!("host-over-files", files = files),
            advice()
        ));
    }
    // The largest file, the first by path among equals: the same note every build.
    let largest = stamps
        .iter()
        .filter(|(_, s)| s.len > CLOUDFLARE_FILE_BYTES)
        .max_by(|a, b| a.1.len.cmp(&b.1.len).then_with(|| b.0.cmp(a.0)));
    if let Some((path, s)) = largest {
        let (path, size) = (format!("/{path}"), megabytes(s.len));
        notes.push(crate::t!("host-big-file", path = path, size = size));
    }
    notes.into_iter().map(Notice::Note).collect()
}

/// Bytes as megabytes (10⁶), one decimal: what hosts' pages quote.
fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Stamp;

    fn site(files: usize, each: u64) -> Stamps {
        (0..files)
            .map(|n| {
                let stamp = Stamp {
                    hash: n as u64,
                    len: each,
                    mtime: 0,
                };
                (format!("mo-hinh/{n}/index.html"), stamp)
            })
            .collect()
    }

    #[test]
    fn a_site_within_every_limit_gets_no_note() {
        assert!(host_limits(&site(CLOUDFLARE_FREE_FILES, 50_000), false).is_empty());
    }

    #[test]
    fn past_1_gb_or_20000_files_the_note_says_to_set_lean_output_or_once_set_to_move() {
        let big = site(CLOUDFLARE_FREE_FILES + 1, 60_000);
        let notes = host_limits(&big, false);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(
            notes
                .iter()
                .all(|n| n.to_string().contains("lean_output: true"))
        );
        assert!(notes[0].to_string().contains("1200.1"), "{:?}", notes[0]);
        let notes = host_limits(&big, true);
        assert!(notes.iter().all(|n| n.to_string().contains("Netlify")));
    }

    #[test]
    fn a_file_past_25_mib_is_named() {
        let mut s = site(3, 10);
        let len = CLOUDFLARE_FILE_BYTES + 1;
        let stamp = Stamp {
            hash: 0,
            len,
            mtime: 0,
        };
        s.insert("du-lieu/mo-hinh.json".into(), stamp);
        let notes = host_limits(&s, true);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].to_string().contains("/du-lieu/mo-hinh.json"));
    }
}
