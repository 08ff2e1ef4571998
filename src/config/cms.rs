//! `cms:` in `site.yaml`: the editing form's settings, checked with the rest of the
//! settings (the form itself is made by `crate::cms`).

use serde::Deserialize;

use crate::diagnostic::Diagnostic;

/// `cms:` in `site.yaml`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSettings {
    repo: Option<String>,
    branch: Option<String>,
    backend: Option<String>,
    script_url: Option<String>,
}

/// Where the CMS saves when it is not on `kheo serve`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// GitHub's API, the editor signs in with a GitHub account (needs `repo`).
    GitHub,
    /// Netlify's Git Gateway (Netlify Identity accounts).
    GitGateway,
}

/// Validated `cms:` settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `owner/name` of the site's repository ("" with Git Gateway and no repo given).
    pub repo: String,
    /// The branch the CMS commits to.
    pub branch: String,
    /// Where saves go when not on `kheo serve`.
    pub backend: Backend,
    /// Where the page loads the CMS script from (`None`: `DEFAULT_SCRIPT`).
    pub script_url: Option<String>,
}

impl Settings {
    /// Checks `cms:`; problems become E095 on `site.yaml` (`text`) and `None`.
    pub(crate) fn check(raw: RawSettings, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Self> {
        let start = text.lines().position(|l| l.starts_with("cms:"));
        // The line of `key:` inside `cms:` (else the `cms:` line itself).
        let line = |key: &str| {
            let inside = text.lines().enumerate().skip(start.unwrap_or(0));
            inside
                .skip(1)
                .take_while(|(_, l)| l.starts_with([' ', '\t']) || l.trim().is_empty())
                .find(|(_, l)| l.trim_start().starts_with(&format!("{key}:")))
                .map(|(i, _)| i + 1)
                .or(start.map(|i| i + 1))
                .unwrap_or(0)
        };
        let before = diags.len();
        let mut problem = |what: &str, value: &str, help: String| {
            let message = crate::t!("cms-bad-setting", key = what, value = value);
            let line = line(what);
            let d = Diagnostic::error("E095", "site.yaml", line, 0, message).help(help);
            diags.push(d.with_source(text));
        };
        let repo = raw.repo.unwrap_or_default();
        let backend = match raw.backend.as_deref() {
            None if repo.is_empty() => Backend::GitGateway,
            None | Some("github") => Backend::GitHub,
            Some("git-gateway") => Backend::GitGateway,
            Some(other) => {
                problem("backend", other, crate::t!("cms-backend-help"));
                Backend::GitHub
            }
        };
        let no_repo_needed = repo.is_empty() && backend == Backend::GitGateway;
        if !no_repo_needed && !repo_ok(&repo) {
            problem("repo", &repo, crate::t!("cms-repo-help"));
        }
        let branch = raw.branch.unwrap_or_else(|| "main".to_owned());
        if branch.is_empty() || branch.chars().any(|c| !plain(c)) {
            problem("branch", &branch, crate::t!("cms-branch-help"));
        }
        if let Some(url) = &raw.script_url
            && !script_ok(url)
        {
            problem("script_url", url, crate::t!("cms-script-help"));
        }
        (diags.len() == before).then_some(Settings {
            repo,
            branch,
            backend,
            script_url: raw.script_url,
        })
    }
}

/// A character allowed in a repository or branch name as written into the config.
fn plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_./".contains(c)
}

fn repo_ok(repo: &str) -> bool {
    let mut parts = repo.split('/');
    let name = |p: Option<&str>| {
        p.is_some_and(|s| !s.is_empty() && !s.starts_with('.') && s.chars().all(plain))
    };
    name(parts.next()) && name(parts.next()) && parts.next().is_none()
}

/// An `https://` address or a path from the root, with nothing that could leave the
/// HTML attribute it is written into.
fn script_ok(url: &str) -> bool {
    let safe = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c));
    let from_root = url.starts_with('/') && !url.starts_with("//");
    safe && (url.starts_with("https://") || from_root)
}
