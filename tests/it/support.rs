//! Shared helpers: copy a fixture, run the real binary, read the output tree.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Path of the fixture folder `tests/fixtures/<name>`.
pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies `tests/fixtures/<name>` into a fresh temporary folder and returns it.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&fixture_path(name), dir.path());
    dir
}

/// Copies a folder recursively.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir(from) {
        let rel = entry.strip_prefix(from).expect("inside");
        let dest = to.join(rel);
        if entry.is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
            std::fs::copy(&entry, &dest).expect("copy");
        }
    }
}

fn walkdir(root: &Path) -> Vec<PathBuf> {
    let mut out = vec![root.to_path_buf()];
    let mut i = 0;
    while i < out.len() {
        if out[i].is_dir() {
            let mut children: Vec<PathBuf> = std::fs::read_dir(&out[i])
                .expect("read dir")
                .map(|e| e.expect("entry").path())
                .collect();
            children.sort();
            out.extend(children);
        }
        i += 1;
    }
    out
}

/// The real `kheo` binary, speaking English: most tests assert English messages, the
/// Vietnamese ones (the default) go through `kheo_vi`.
pub fn kheo_command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kheo"));
    c.env("KHEO_LANG", "en");
    c
}

/// Runs `kheo <args> --root <root>` with messages in Vietnamese, the default language.
#[allow(dead_code)] // used by the Vietnamese-message tests as they land
pub fn kheo_vi(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kheo"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("CI")
        .env_remove("KHEO_LANG")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run kheo")
}

/// Runs `kheo <args> --root <root>` and returns its output.
pub fn kheo(root: &Path, args: &[&str]) -> Output {
    kheo_command()
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("CI")
        .output()
        .expect("run kheo")
}

/// Every file below `root`, as sorted relative paths with `/` separators.
pub fn files(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir(root)
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| {
            p.strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    out.sort();
    out
}

/// Standard error of a run, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Standard output of a run, as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Asserts the exit status and that the binary did not panic; shows stderr otherwise.
#[track_caller]
pub fn assert_exit(out: &Output, code: i32) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "kheo panicked:\n{err}");
    assert_eq!(
        out.status.code(),
        Some(code),
        "unexpected exit status\n--- stdout\n{}\n--- stderr\n{err}",
        stdout(out)
    );
}

/// Reads a file below `root` as text (panics with the path if missing).
#[track_caller]
pub fn read(root: &Path, rel: &str) -> String {
    let p = root.join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()))
}

/// Writes `bytes` at `root/rel`, creating folders.
pub fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(&p, bytes).expect("write");
}

/// A fresh site in a temporary folder: a `site.yaml` and the given files.
pub fn site_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "site.yaml",
        "title: Thử\nbase_url: https://example.org/\npage_size: 10\n",
    );
    for (rel, bytes) in files {
        write(dir.path(), rel, bytes);
    }
    dir
}

/// The `invalid` fixture plus the two files that are generated rather than committed:
/// one just over the article size limit (E002) and one that is not UTF-8 (E003).
pub fn invalid_site() -> tempfile::TempDir {
    let dir = fixture("invalid");
    let limit = usize::try_from(kheo::load::MAX_ARTICLE_BYTES).expect("fits");
    let mut big = b"---\ntitle: Qu\xc3\xa1 l\xe1\xbb\x9bn\n---\n".to_vec();
    big.resize(limit + 1, b'a');
    write(dir.path(), "content/loi/qua-lon.md", big);
    // "Chè sai mã" saved in a single-byte encoding: 0xE8 is not valid UTF-8 here.
    write(
        dir.path(),
        "content/loi/utf8-sai.md",
        b"---\ntitle: Ch\xe8 sai m\xe3\nprovince: C\xe0 Mau\n---\n",
    );
    dir
}

/// FNV-1a, 64 bits: a hash that never changes between Rust releases.
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// One line per file below `root`: `path size hash`, sorted by path.
pub fn manifest(root: &Path) -> String {
    let mut out = String::new();
    for rel in files(root) {
        let bytes = std::fs::read(root.join(&rel)).expect("read");
        out.push_str(&format!("{rel} {} {:016x}\n", bytes.len(), fnv64(&bytes)));
    }
    out
}

/// Entries of `dir` whose name starts with `prefix` (leftover temporary folders).
pub fn entries_starting_with(dir: &Path, prefix: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect()
}

/// Serves the folder `root` on 127.0.0.1 (a free port, returned) until the test process
/// ends: GET only, `/` → `index.html`, a missing file gets the site's `404.html`.
/// `extra` adds fixed pages (path, HTML) that are not in the folder, e.g. a harness.
pub fn serve_dir(root: &Path, extra: &'static [(&'static str, &'static str)]) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || respond_static(stream, &root, extra));
        }
    });
    port
}

fn respond_static(mut stream: std::net::TcpStream, root: &Path, extra: &[(&str, &str)]) {
    use std::io::{BufRead, Write};
    let mut reader = std::io::BufReader::new(stream.try_clone().expect("clone"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = String::from_utf8_lossy(&percent_decode(target.split('?').next().unwrap_or("/")))
        .into_owned();
    let (status, kind, body) = if let Some((_, html)) = extra.iter().find(|(p, _)| *p == path) {
        (
            "200 OK",
            "text/html; charset=utf-8",
            html.as_bytes().to_vec(),
        )
    } else {
        let mut file = root.join(path.trim_start_matches('/'));
        if file.is_dir() {
            file = file.join("index.html");
        }
        match std::fs::read(&file) {
            Ok(bytes) if !path.contains("..") => ("200 OK", content_type(&file), bytes),
            _ => (
                "404 Not Found",
                "text/html; charset=utf-8",
                std::fs::read(root.join("404.html")).unwrap_or_else(|_| b"not found".to_vec()),
            ),
        }
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&body));
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "xml" => "application/xml",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (b[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Decodes standard base64 (what the DevTools protocol returns for screenshots).
pub fn base64(text: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .expect("base64 from the browser")
}
