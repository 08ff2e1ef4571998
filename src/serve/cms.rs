//! The CMS's local backend on `kheo serve`: the protocol Decap CMS's `local_backend`
//! speaks (as its `decap-server` package implements it): `POST /api/v1` with JSON
//! `{action, params}`. Only when the site has `cms:`; only from the server's own pages
//! (the `Origin` must be the `Host`, which `http` has checked); reads and writes confined
//! to `content/` and `static/anh/`, no `..`, no symbolic links, sizes capped; uploads are
//! media and documents only (no SVG that runs script). Every change (a story, an upload,
//! a delete, a move) is validated as `kheo check` would before anything is written, and
//! one kheo would reject is refused (422, `{error}` in the editor's language) with
//! nothing written; a move takes only an existing story and, for a folder story, the
//! other files of its folder, exactly as validated. Each write has a temporary file of
//! its own. The watcher then sees the write, rebuilds, and live reload shows it.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Value, json};

use crate::config::Config;
use crate::diagnostic::Diagnostic;

/// Largest request body read (a story with its images, base64-encoded).
pub(super) const MAX_BODY: usize = 32 * 1024 * 1024;
/// How deep `entriesByFolder` looks (`content/<province>/<year>/<slug>/index.md` is 4).
const MAX_DEPTH: u64 = 6;
/// The folders the CMS may read and write, relative to the site.
const ROOTS: [&str; 2] = ["content/", crate::cms::MEDIA_FOLDER];

/// One API request's headers, as `http` read them (before any of its body).
pub(super) struct Call<'a> {
    /// The `Origin` header.
    pub origin: Option<&'a str>,
    /// The `Host` header (already checked against the server's names).
    pub host: Option<&'a str>,
    /// `Sec-Fetch-Site`.
    pub fetch_site: Option<&'a str>,
    /// Whether the client is on this machine (the CMS's local backend is for it only,
    /// even when `--bind` opens the preview to the network).
    pub local: bool,
}

/// The status line and JSON body to send.
pub(super) struct Answer {
    /// e.g. `200 OK`.
    pub status: &'static str,
    /// JSON.
    pub body: String,
}

fn ok(v: Value) -> Answer {
    Answer {
        status: "200 OK",
        body: v.to_string(),
    }
}

fn refuse(status: &'static str, message: String) -> Answer {
    Answer {
        status,
        body: json!({ "error": message }).to_string(),
    }
}

const UNPROCESSABLE: &str = "422 Unprocessable Entity";

#[derive(Deserialize)]
struct Request {
    action: String,
    #[serde(default)]
    params: Value,
}

/// Whether a `POST /api/v1` may be answered, from its headers alone (so a refused
/// request's body is never read): the site's settings with `cms:`, or the refusal.
pub(super) fn admit(root: &Path, call: &Call<'_>) -> Result<Config, Answer> {
    let same_origin = match (call.origin, call.host) {
        (Some(o), Some(h)) => o.strip_prefix("http://") == Some(h),
        _ => false,
    };
    if !call.local || !same_origin || call.fetch_site.is_some_and(|s| s != "same-origin") {
        return Err(refuse("403 Forbidden", crate::t!("cms-other-origin")));
    }
    let config = crate::load::config_text(root)
        .ok()
        .and_then(|t| Config::parse(t.as_deref()).ok());
    config
        .filter(|c| c.cms.is_some())
        .ok_or_else(|| refuse("404 Not Found", crate::t!("cms-off")))
}

/// The refusal of a body larger than `MAX_BODY` (or of unknown length).
pub(super) fn too_large() -> Answer {
    let mb = MAX_BODY / (1024 * 1024);
    refuse("413 Content Too Large", crate::t!("cms-too-large", mb = mb))
}

/// Answers one admitted `POST /api/v1` with its `body`.
pub(super) fn answer(root: &Path, config: &Config, body: &[u8]) -> Answer {
    let req: Request = match serde_json::from_slice(body) {
        Ok(r) => r,
        Err(e) => {
            return refuse(
                "400 Bad Request",
                crate::t!("cms-bad-request", why = e.to_string()),
            );
        }
    };
    match act(root, config, &req) {
        Ok(v) => ok(v),
        Err(a) => a,
    }
}

fn act(root: &Path, config: &Config, req: &Request) -> Result<Value, Answer> {
    let p = &req.params;
    let text = |k: &str| p[k].as_str().unwrap_or("").to_owned();
    match req.action.as_str() {
        "info" => Ok(json!({
            "repo": root.file_name().map_or("site".into(), |n| n.to_string_lossy()),
            "publish_modes": ["simple"],
            "type": "local_fs",
        })),
        "entriesByFolder" => {
            let folder = confined(root, text("folder").trim_end_matches('/'), true)?;
            let depth = p["depth"].as_u64().unwrap_or(1).min(MAX_DEPTH);
            let mut files = Vec::new();
            list(root, &folder, &text("extension"), depth, &mut files);
            files.sort();
            Ok(Value::Array(files.iter().map(|f| entry(root, f)).collect()))
        }
        "entriesByFiles" => {
            let files = p["files"].as_array().cloned().unwrap_or_default();
            let mut out = Vec::new();
            for f in files {
                let path = f["path"].as_str().unwrap_or("");
                confined(root, path, false)?;
                out.push(entry(root, path));
            }
            Ok(Value::Array(out))
        }
        "getEntry" => {
            let path = text("path");
            confined(root, &path, false)?;
            Ok(entry(root, &path))
        }
        "persistEntry" => persist_entry(root, config, p),
        "getMedia" => {
            let folder = confined(root, text("mediaFolder").trim_end_matches('/'), true)?;
            let mut files = Vec::new();
            list(root, &folder, "", 1, &mut files);
            files.sort();
            Ok(Value::Array(
                files.iter().filter_map(|f| media(root, f)).collect(),
            ))
        }
        "getMediaFile" => {
            let path = text("path");
            confined(root, &path, false)?;
            media(root, &path).ok_or_else(|| write_failed(&path, "not found"))
        }
        "persistMedia" => {
            let asset = Asset::read(root, &p["asset"])?;
            let change = Change {
                assets: std::slice::from_ref(&asset),
                ..Change::default()
            };
            accept(root, config, &change)?;
            asset.write()?;
            media(root, &asset.rel).ok_or_else(|| write_failed(&asset.rel, "not written"))
        }
        "deleteFile" => delete(root, config, &[text("path")]),
        "deleteFiles" => {
            let paths: Vec<String> = p["paths"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            delete(root, config, &paths)
        }
        "getDeployPreview" => Ok(Value::Null),
        other => Err(refuse(
            UNPROCESSABLE,
            crate::t!("cms-unknown-action", action = other),
        )),
    }
}

/// The file at `rel` (site-relative, `/`-separated) if it lies in one of `ROOTS`, with
/// no `..`, hidden or empty segment, and no symbolic link on the way. A folder (`dir`)
/// may be a root itself.
fn confined(root: &Path, rel: &str, dir: bool) -> Result<PathBuf, Answer> {
    let bad = || refuse("403 Forbidden", crate::t!("cms-bad-path", path = rel));
    let segments_ok = !rel.is_empty()
        && !rel.contains(['\\', '\0', ':'])
        && rel.split('/').all(|s| !s.is_empty() && !s.starts_with('.'));
    let inside = ROOTS.iter().any(|r| {
        let r = r.trim_end_matches('/');
        rel.strip_prefix(r)
            .is_some_and(|rest| rest.starts_with('/') || (dir && rest.is_empty()))
    });
    if !segments_ok || !inside {
        return Err(bad());
    }
    let path = root.join(rel);
    if crate::load::through_symlink(root, &path) {
        return Err(bad());
    }
    Ok(path)
}

/// Files under `dir` ending in `extension`, `depth` levels down, site-relative.
fn list(root: &Path, dir: &Path, extension: &str, depth: u64, out: &mut Vec<String>) {
    if depth == 0 {
        return;
    }
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for e in read.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Ok(kind) = e.file_type() else { continue };
        if name.starts_with('.') || kind.is_symlink() {
            continue;
        }
        if kind.is_dir() {
            list(root, &e.path(), extension, depth - 1, out);
        } else if name.ends_with(extension) {
            out.push(crate::load::relative(root, &e.path()));
        }
    }
}

/// `{data, file: {path, id}}` of a text file; `data: null` when it cannot be read.
fn entry(root: &Path, rel: &str) -> Value {
    match std::fs::read(root.join(rel)) {
        Ok(bytes) => json!({
            "data": String::from_utf8_lossy(&bytes),
            "file": { "path": rel, "id": id(&bytes) },
        }),
        Err(_) => json!({ "data": null, "file": { "path": rel, "id": null } }),
    }
}

/// A media file as the CMS wants it: base64 content.
fn media(root: &Path, rel: &str) -> Option<Value> {
    let bytes = std::fs::read(root.join(rel)).ok()?;
    Some(json!({
        "id": id(&bytes),
        "content": base64::encode(&bytes),
        "encoding": "base64",
        "path": rel,
        "name": rel.rsplit('/').next().unwrap_or(rel),
    }))
}

fn id(bytes: &[u8]) -> String {
    format!("{:016x}", crate::output::content_hash(bytes))
}

fn write_failed(path: &str, why: &str) -> Answer {
    refuse(
        "500 Internal Server Error",
        crate::t!("cms-write-failed", path = path, why = why),
    )
}

/// An uploaded file, decoded and checked, not yet written.
struct Asset {
    rel: String,
    path: PathBuf,
    bytes: Vec<u8>,
}

impl Asset {
    fn read(root: &Path, v: &Value) -> Result<Asset, Answer> {
        let rel = v["path"].as_str().unwrap_or("").to_owned();
        let path = confined(root, &rel, false)?;
        // A story is only written by `persistEntry`, after validation.
        let lower = rel.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Err(refuse(
                "403 Forbidden",
                crate::t!("cms-bad-path", path = rel),
            ));
        }
        // Only what an article may publish beside it: nothing that would run on the
        // preview's (and the API's) own origin.
        if !crate::load::is_publishable(&rel) {
            let extensions = crate::load::PUBLISHED_EXTENSIONS.join(", ");
            let why = crate::t!("cms-not-media", path = rel, extensions = extensions);
            return Err(refuse(UNPROCESSABLE, why));
        }
        let bytes = base64::decode(v["content"].as_str().unwrap_or("")).ok_or_else(|| {
            refuse(
                "400 Bad Request",
                crate::t!("cms-bad-request", why = "base64"),
            )
        })?;
        if lower.ends_with(".svg") && crate::load::svg_is_active(&bytes) {
            return Err(refuse(
                UNPROCESSABLE,
                crate::t!("cms-active-svg", path = rel),
            ));
        }
        Ok(Asset { rel, path, bytes })
    }

    fn write(&self) -> Result<(), Answer> {
        write_file(&self.path, &self.bytes).map_err(|e| write_failed(&self.rel, &e.to_string()))
    }
}

/// One story to save: where, and its text.
struct DataFile {
    rel: String,
    path: PathBuf,
    raw: String,
    /// Where it was (when the form moved it: province or year changed).
    moved: Option<Move>,
}

/// A story that moves: its old file, and the files beside a folder story that go with
/// it (old → new, site-relative). Exactly what `problems` models and `relocate` does.
struct Move {
    from: String,
    files: Vec<(String, String)>,
}

/// Everything one request would change, as `problems` checks it before anything is
/// written.
#[derive(Default)]
struct Change<'a> {
    data: &'a [DataFile],
    assets: &'a [Asset],
    /// Site-relative files to delete.
    deleted: &'a [String],
}

/// `persistEntry`: checks every path, validates every story with the site's articles,
/// then writes the images and the stories; on any problem nothing is written.
fn persist_entry(root: &Path, config: &Config, p: &Value) -> Result<Value, Answer> {
    let files: Vec<&Value> = match p["dataFiles"].as_array() {
        Some(a) => a.iter().collect(),
        None => vec![&p["entry"]],
    };
    let mut data = Vec::new();
    for f in files {
        let from = f["path"].as_str().unwrap_or("");
        let rel = f["newPath"].as_str().unwrap_or(from).to_owned();
        let path = confined(root, &rel, false)?;
        if !rel.starts_with("content/") || !rel.ends_with(".md") {
            return Err(refuse(
                "403 Forbidden",
                crate::t!("cms-bad-path", path = rel),
            ));
        }
        let moved = (rel != from)
            .then(|| plan_move(root, from, &rel))
            .transpose()?;
        let raw = f["raw"].as_str().unwrap_or("").to_owned();
        data.push(DataFile {
            rel,
            path,
            raw,
            moved,
        });
    }
    let assets = p["assets"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| Asset::read(root, v))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?
        .unwrap_or_default();
    let change = Change {
        data: &data,
        assets: &assets,
        ..Change::default()
    };
    accept(root, config, &change)?;
    for d in &data {
        if let Some(m) = &d.moved {
            relocate(root, &m.files).map_err(|e| write_failed(&d.rel, &e.to_string()))?;
        }
    }
    for a in &assets {
        a.write()?;
    }
    for d in &data {
        write_file(&d.path, d.raw.as_bytes()).map_err(|e| write_failed(&d.rel, &e.to_string()))?;
        if let Some(m) = &d.moved {
            let old = root.join(&m.from);
            let _ = std::fs::remove_file(&old);
            if let Some(dir) = old.parent() {
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
    Ok(json!({ "message": "entry persisted" }))
}

/// Checks a story's move from `from` to `to` and lists the files it takes along.
/// Refuses an old path that is not an existing story under `content/`, a new place
/// already taken, and a folder that holds another story (its files are not this one's
/// alone).
fn plan_move(root: &Path, from: &str, to: &str) -> Result<Move, Answer> {
    let old = confined(root, from, false)?;
    let story = from.starts_with("content/")
        && from.ends_with(".md")
        && std::fs::symlink_metadata(&old).is_ok_and(|m| m.is_file());
    if !story {
        let why = crate::t!("cms-not-a-story", path = from);
        return Err(refuse(UNPROCESSABLE, why));
    }
    let unclear = || {
        let why = crate::t!("cms-move-unclear", from = from, to = to);
        refuse(UNPROCESSABLE, why)
    };
    if std::fs::symlink_metadata(root.join(to)).is_ok() {
        return Err(unclear());
    }
    let mut files = Vec::new();
    let Some(dir) = from.strip_suffix("/index.md") else {
        return Ok(Move {
            from: from.to_owned(),
            files,
        });
    };
    let read = std::fs::read_dir(root.join(dir)).map_err(|_| unclear())?;
    for e in read.flatten() {
        let (Ok(kind), Some(name)) = (e.file_type(), e.file_name().to_str().map(str::to_owned))
        else {
            return Err(unclear());
        };
        // Hidden files, folders and links stay where they are (the folder stays too).
        if name == "index.md" || name.starts_with('.') || !kind.is_file() {
            continue;
        }
        let lower = name.to_ascii_lowercase();
        let new_dir = to.strip_suffix("/index.md");
        if lower.ends_with(".md") || lower.ends_with(".markdown") || new_dir.is_none() {
            return Err(unclear());
        }
        let target = format!("{}/{name}", new_dir.unwrap_or_default());
        if std::fs::symlink_metadata(root.join(&target)).is_ok() {
            return Err(unclear());
        }
        files.push((format!("{dir}/{name}"), target));
    }
    Ok(Move {
        from: from.to_owned(),
        files,
    })
}

/// Moves the files `plan_move` listed (site-relative, old → new).
fn relocate(root: &Path, files: &[(String, String)]) -> std::io::Result<()> {
    for (from, to) in files {
        let to = root.join(to);
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::rename(root.join(from), to)?;
    }
    Ok(())
}

/// Refuses a change that brings an error `kheo check` would report (422, the problems
/// in the editor's language).
fn accept(root: &Path, config: &Config, change: &Change<'_>) -> Result<(), Answer> {
    let problems = problems(root, config, change);
    if problems.is_empty() {
        return Ok(());
    }
    let problems = problems.join(" ");
    Err(refuse(
        UNPROCESSABLE,
        crate::t!("cms-refused", problems = problems),
    ))
}

/// What `kheo check` would say against the site after `change`, as sentences; empty if
/// it brings no new error. Every error the change brings counts, on whichever file it
/// is reported (a clash of addresses is reported on the story that had it first).
fn problems(root: &Path, config: &Config, change: &Change<'_>) -> Vec<String> {
    let mut loaded = match crate::load::site(root) {
        Ok(l) => l,
        Err(e) => return vec![e.to_string()],
    };
    let before: Vec<String> = errors(&loaded, config).map(|d| key(&d)).collect();
    let gone: Vec<&str> = change
        .data
        .iter()
        .filter_map(|d| d.moved.as_ref().map(|m| m.from.as_str()))
        .chain(change.data.iter().map(|d| d.rel.as_str()))
        .chain(change.deleted.iter().map(String::as_str))
        .collect();
    loaded
        .content
        .sources
        .retain(|s| !gone.contains(&s.path.0.as_str()));
    for m in change.data.iter().filter_map(|d| d.moved.as_ref()) {
        follow(&mut loaded, &m.files);
    }
    for rel in change.deleted {
        forget(&mut loaded, rel);
    }
    for a in change.assets {
        forget(&mut loaded, &a.rel);
        let size_key = match a.rel.strip_prefix("static/") {
            Some(out) => {
                let blob = crate::output::Blob::Disk(a.path.clone());
                loaded.theme.statics.insert(out.to_owned(), blob);
                format!("/{out}")
            }
            None => {
                loaded.content.files.insert(a.rel.clone(), a.path.clone());
                a.rel.clone()
            }
        };
        if let Ok(size) = imagesize::blob_size(&a.bytes) {
            let size = (size.width as u32, size.height as u32);
            loaded.image_sizes.insert(size_key, size);
        }
    }
    for d in change.data {
        let bundle = d
            .rel
            .strip_suffix("/index.md")
            .map(|dir| crate::load::SourcePath(dir.to_owned()));
        let text = crate::load::clean_text(&d.raw);
        loaded
            .content
            .sources
            .push(crate::load::Source::new(&d.rel, text, bundle));
    }
    loaded.content.sources.sort_by(|a, b| a.path.cmp(&b.path));
    errors(&loaded, config)
        .filter(|d| !before.contains(&key(d)))
        .map(|d| sentence(&d))
        .collect()
}

/// The files beside a story that moves go with it, as `relocate` will move them.
fn follow(loaded: &mut crate::load::Loaded, files: &[(String, String)]) {
    for (from, to) in files {
        if let Some(file) = loaded.content.files.remove(from) {
            loaded.content.files.insert(to.clone(), file);
        }
        if let Some(size) = loaded.image_sizes.remove(from) {
            loaded.image_sizes.insert(to.clone(), size);
        }
    }
}

/// The site as if the file at `rel` (site-relative) were not there.
fn forget(loaded: &mut crate::load::Loaded, rel: &str) {
    loaded.content.files.remove(rel);
    loaded.image_sizes.remove(rel);
    if let Some(out) = rel.strip_prefix("static/") {
        loaded.theme.statics.remove(out);
        loaded.image_sizes.remove(&format!("/{out}"));
    }
}

/// The errors `kheo check` (with drafts) finds in the articles.
fn errors(loaded: &crate::load::Loaded, config: &Config) -> impl Iterator<Item = Diagnostic> {
    let opts = crate::validate::Options {
        drafts: true,
        max_year: crate::validate::next_year(),
    };
    let (_, diags) = crate::validate::articles(loaded, config, opts, None);
    diags.into_iter().filter(Diagnostic::is_error)
}

/// A diagnostic without its place in the file (an edit moves lines).
fn key(d: &Diagnostic) -> String {
    format!("{} {} {}", d.path, d.code, d.message)
}

fn sentence(d: &Diagnostic) -> String {
    match &d.help {
        Some(h) => format!("{} ({h})", d.message.trim_end_matches('.')),
        None => d.message.clone(),
    }
}

/// Writes through a temporary file beside the target, so the watcher never reads half
/// a file; creates the folders. Each write has a temporary file of its own (created
/// new, never shared), so writes at once never mix their bytes.
fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let dir = path.parent().ok_or(std::io::ErrorKind::InvalidInput)?;
    std::fs::create_dir_all(dir)?;
    let (tmp, mut file) = loop {
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = dir.join(format!(".kheo-cms-{}-{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    };
    let written = file.write_all(bytes);
    drop(file);
    written
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

/// `deleteFile(s)`: refused (nothing deleted) if a story would lose a file it uses.
fn delete(root: &Path, config: &Config, paths: &[String]) -> Result<Value, Answer> {
    let checked = paths
        .iter()
        .map(|p| confined(root, p, false))
        .collect::<Result<Vec<_>, _>>()?;
    let change = Change {
        deleted: paths,
        ..Change::default()
    };
    accept(root, config, &change)?;
    for path in checked {
        let _ = std::fs::remove_file(path);
    }
    Ok(json!({ "message": format!("deleted files {}", paths.join(", ")) }))
}

/// Standard base64 (RFC 4648), as the CMS sends and expects file contents; decoding is
/// lenient about white space, padding and trailing bits, as browsers' encoders vary.
mod base64 {
    use base64::Engine as _;
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );

    pub(super) fn encode(bytes: &[u8]) -> String {
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    pub(super) fn decode(text: &str) -> Option<Vec<u8>> {
        let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        LENIENT.decode(compact).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            let e = base64::encode(s.as_bytes());
            assert_eq!(base64::decode(&e).unwrap(), s.as_bytes(), "{e}");
        }
        assert_eq!(base64::encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64::encode(b"fo"), "Zm8=");
        assert!(base64::decode("Zm9v!").is_none());
    }

    #[test]
    fn parallel_writes_each_end_with_their_own_bytes() {
        let dir = tempfile::tempdir().unwrap();
        std::thread::scope(|scope| {
            for i in 0..16 {
                let path = dir.path().join(format!("f{i}.bin"));
                scope.spawn(move || {
                    for round in 0..20 {
                        let bytes = format!("{i}:{round};").repeat(2000 + i);
                        write_file(&path, bytes.as_bytes()).unwrap();
                        assert_eq!(std::fs::read(&path).unwrap(), bytes.as_bytes());
                    }
                });
            }
        });
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 16, "temporary files left: {names:?}");
    }

    #[test]
    fn paths_stay_in_content_and_the_media_folder() {
        let root = Path::new("/nonexistent-site");
        for ok in ["content/a/2020/x/index.md", "static/anh/a.jpg"] {
            assert!(confined(root, ok, false).is_ok(), "{ok}");
        }
        assert!(confined(root, "content", true).is_ok());
        for bad in [
            "content",
            "content/../site.yaml",
            "content/./x.md",
            "/etc/passwd",
            "templates/x.html",
            "content//x.md",
            "content/.git/config",
            "content\\..\\x",
            "static/anhx/a.jpg",
            "",
        ] {
            assert!(confined(root, bad, false).is_err(), "{bad}");
        }
    }
}
