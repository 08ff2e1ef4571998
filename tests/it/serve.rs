//! `kheo serve` end to end: the real binary on a copy of the `minimal` fixture, port 0,
//! spoken to over plain `TcpStream`s (a tiny HTTP/1.1 client and a server-sent events
//! reader). Covers content types and the injected live script, incremental rebuilds and
//! live-reload events, failed rebuilds, path traversal, symlinks, and that nothing is
//! written to `public/`. Every wait is bounded; `Server` kills the child on drop.

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::support::fixture;

/// The article the tests edit, and its page.
pub const MODEL: &str = "content/an-giang/2024/nong-dan-lien-ket-trong-lua-sach.md";
pub const MODEL_URL: &str = "/mo-hinh/nong-dan-lien-ket-trong-lua-sach/";
pub const OLD_TITLE: &str = "Nông dân liên kết trồng lúa sạch";
/// The line of `year:` in `article`'s front matter.
const YEAR_LINE: usize = 6;

/// The edited article: a fixed `slug`, so a new title keeps the page's URL.
pub fn article(title: &str, year: &str) -> String {
    format!(
        "---\ntitle: {title}\nslug: nong-dan-lien-ket-trong-lua-sach\nprovince: An Giang\nfield: Kinh tế\nyear: {year}\ndate: 2024-03-15\nsummary: Hội Nông dân xã vận động bà con góp đất trồng lúa sạch.\n---\n\nHơn 120 hộ tham gia.\n"
    )
}

/// Replaces `root/rel` the way editors do: write a hidden temporary file, then rename it,
/// so the watcher never sees a half-written article.
pub fn write_atomic(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    let name = path.file_name().expect("file name").to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.kheo-test"));
    std::fs::write(&tmp, text).expect("write temporary file");
    std::fs::rename(&tmp, &path).expect("rename into place");
}

/// Calls `f` every 50 ms until it returns `Some`, for at most `limit`.
pub fn poll<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if start.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A running `kheo serve`; dropping it kills the process.
pub struct Server {
    child: Child,
    /// The port it listens on (127.0.0.1).
    pub port: u16,
    log: Arc<Mutex<String>>,
    site: tempfile::TempDir,
}

impl Server {
    /// Starts `kheo serve --port 0` on a copy of the `minimal` fixture whose edited
    /// article has a fixed slug.
    pub fn minimal() -> Server {
        let site = fixture("minimal");
        std::fs::write(site.path().join(MODEL), article(OLD_TITLE, "2024")).expect("write");
        Server::start(site)
    }

    /// Starts `kheo serve --port 0` in `site` and waits (at most 30 s) for its address.
    /// No `--root`: run as an editor does, from inside the site (regression: with a
    /// relative root, edits were never seen).
    pub fn start(site: tempfile::TempDir) -> Server {
        Server::start_with(site, &[])
    }

    /// `start` with extra environment variables (`KHEO_LOG=debug` to see the stages).
    pub fn start_with(site: tempfile::TempDir, env: &[(&str, &str)]) -> Server {
        Server::start_args(site, &[], env)
    }

    /// `start_with` and extra arguments to `kheo serve` (`--bind 0.0.0.0`).
    pub fn start_args(site: tempfile::TempDir, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = crate::support::kheo_command()
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(site.path())
            .env_remove("CI")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start kheo serve");
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        // The guard exists before any wait, so a failed start still kills the child.
        let mut server = Server {
            child,
            port: 0,
            log: Arc::default(),
            site,
        };
        let log = Arc::clone(&server.log);
        // Drained for the server's whole life, so it never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = log
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                log.push_str(&line);
                log.push('\n');
            }
        });
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    // In either language: the line names `http://127.0.0.1:<port>/`.
                    let port = line
                        .split_once("http://127.0.0.1:")
                        .and_then(|(_, rest)| rest.split_once("/ ("))
                        .and_then(|(port, _)| port.parse::<u16>().ok());
                    if let Some(port) = port {
                        server.port = port;
                        return server;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("kheo serve printed no address in 30 s\n{}", server.log())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    std::thread::sleep(Duration::from_millis(200));
                    panic!("kheo serve exited before serving\n{}", server.log())
                }
            }
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The site folder being served.
    pub fn root(&self) -> &Path {
        self.site.path()
    }

    /// Standard error so far (for failure messages).
    pub fn log(&self) -> String {
        self.log
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The full URL of `path`.
    #[allow(dead_code, reason = "for the browser tests")]
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Sends `request` as is and reads the response to the end.
    pub fn raw(&self, request: &str) -> Response {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        s.write_all(request.as_bytes()).expect("send request");
        let mut bytes = Vec::new();
        s.read_to_end(&mut bytes).expect("read response");
        Response::parse(&bytes)
    }

    /// `METHOD target` with `Host` and `Connection: close`.
    pub fn request(&self, method: &str, target: &str) -> Response {
        self.raw(&format!(
            "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            self.port
        ))
    }

    /// `GET target`.
    pub fn get(&self, target: &str) -> Response {
        self.request("GET", target)
    }

    /// Polls `target` (at most 20 s) until its body contains `needle` and it is a 200.
    #[track_caller]
    pub fn wait_for_text(&self, target: &str, needle: &str) -> Response {
        poll(Duration::from_secs(20), || {
            let r = self.get(target);
            (r.status == 200 && r.text().contains(needle)).then_some(r)
        })
        .unwrap_or_else(|| {
            panic!(
                "{target} never showed {needle:?}; last: {}\n--- server log\n{}",
                self.get(target).status,
                self.log()
            )
        })
    }

    /// Polls `target` (at most 20 s) until it answers `status`.
    #[track_caller]
    pub fn wait_for_status(&self, target: &str, status: u16) -> Response {
        poll(Duration::from_secs(20), || {
            let r = self.get(target);
            (r.status == status).then_some(r)
        })
        .unwrap_or_else(|| panic!("{target} never answered {status}\n{}", self.log()))
    }

    /// Opens the live-reload event stream (same origin).
    pub fn events(&self) -> Events {
        Events::connect(self.port, "")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    fn parse(bytes: &[u8]) -> Response {
        let end = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(bytes)));
        let head = String::from_utf8_lossy(&bytes[..end]);
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let status = status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        Response {
            status,
            headers,
            body: bytes[end + 4..].to_vec(),
        }
    }

    /// The first header called `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// `Content-Type`, or "" if missing.
    pub fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or_default()
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One server-sent event.
#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    pub data: String,
}

/// A connection to `/__kheo/events`, read incrementally.
pub struct Events {
    stream: TcpStream,
    buf: Vec<u8>,
    seen: Vec<Event>,
}

impl Events {
    /// Connects with `extra` headers (each ending in `\r\n`) and checks for a 200.
    pub fn connect(port: u16, extra: &str) -> Events {
        let (status, events) = Events::try_connect(port, extra);
        assert_eq!(status, 200, "the event stream did not open");
        events.expect("a 200 has a stream")
    }

    /// Connects and returns the status, and the stream if it is a 200.
    pub fn try_connect(port: u16, extra: &str) -> (u16, Option<Events>) {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .expect("timeout");
        write!(
            stream,
            "GET /__kheo/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n{extra}\r\n"
        )
        .expect("send request");
        let mut events = Events {
            stream,
            buf: Vec::new(),
            seen: Vec::new(),
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        let end = loop {
            if let Some(i) = events.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i;
            }
            assert!(events.fill(deadline), "no event-stream headers within 10 s");
        };
        let head = Response::parse(&events.buf[..end + 4]);
        events.buf.drain(..end + 4);
        if head.status != 200 {
            return (head.status, None);
        }
        assert!(
            head.content_type().starts_with("text/event-stream"),
            "{head:?}"
        );
        (200, Some(events))
    }

    /// Reads what is available; false once `deadline` passed or the stream ended.
    fn fill(&mut self, deadline: Instant) -> bool {
        let mut chunk = [0u8; 8192];
        loop {
            if Instant::now() > deadline {
                return false;
            }
            match self.stream.read(&mut chunk) {
                Ok(0) => return false,
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return true;
                }
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return false,
            }
        }
    }

    /// The next named event within `limit`, skipping comments and `retry:` blocks.
    pub fn next(&mut self, limit: Duration) -> Option<Event> {
        let deadline = Instant::now() + limit;
        loop {
            while let Some(i) = self.buf.windows(2).position(|w| w == b"\n\n") {
                let block = String::from_utf8_lossy(&self.buf[..i]).into_owned();
                self.buf.drain(..i + 2);
                let mut name = None;
                let mut data = Vec::new();
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event:") {
                        name = Some(v.trim().to_owned());
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data.push(v.strip_prefix(' ').unwrap_or(v).to_owned());
                    }
                }
                if let Some(name) = name {
                    let event = Event {
                        name,
                        data: data.join("\n"),
                    };
                    self.seen.push(event.clone());
                    return Some(event);
                }
            }
            if !self.fill(deadline) {
                return None;
            }
        }
    }

    /// Waits (at most `limit`) for an event called `name`, skipping others.
    #[track_caller]
    pub fn wait_for(&mut self, name: &str, limit: Duration) -> Event {
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.next(left) {
                Some(e) if e.name == name => return e,
                Some(_) => {}
                None => panic!(
                    "no `{name}` event within {limit:?}; events seen: {:?}",
                    self.seen
                ),
            }
        }
    }
}

const LIVE_TAG: &str = "<script src=\"/__kheo/live.js\" defer></script>";
const WAIT: Duration = Duration::from_secs(20);

#[track_caller]
fn assert_html_with_live_script(r: &Response, what: &str) {
    assert_eq!(r.status, 200, "{what}: {r:?}");
    assert!(
        r.content_type().starts_with("text/html"),
        "{what}: {}",
        r.content_type()
    );
    let body = r.text();
    assert!(
        body.contains(&format!("{LIVE_TAG}</body>")),
        "{what}: live script not injected before </body>"
    );
    assert_eq!(body.matches(LIVE_TAG).count(), 1, "{what}: injected once");
}

#[test]
fn serves_pages_assets_and_heads() {
    let s = Server::minimal();
    assert_html_with_live_script(&s.get("/"), "home");
    let page = s.get(MODEL_URL);
    assert_html_with_live_script(&page, "model page");
    assert!(page.text().contains(&format!("<h1>{OLD_TITLE}</h1>")));
    assert_eq!(page.header("cache-control"), Some("no-store"));

    let css = s.get("/assets/style.css");
    assert_eq!(css.status, 200);
    assert!(css.content_type().starts_with("text/css"), "{css:?}");
    let js = s.get("/assets/search.js");
    assert_eq!(js.status, 200);
    assert!(js.content_type().starts_with("text/javascript"), "{js:?}");
    let live = s.get("/__kheo/live.js");
    assert!(live.content_type().starts_with("text/javascript"));
    assert!(live.text().contains("EventSource(\"/__kheo/events\")"));
    assert!(live.text().contains("kheo-overlay"));

    let head = s.request("HEAD", MODEL_URL);
    assert_eq!(head.status, 200);
    assert!(head.content_type().starts_with("text/html"));
    assert!(head.body.is_empty(), "HEAD sent a body");
    let length: usize = head
        .header("content-length")
        .and_then(|v| v.parse().ok())
        .expect("content-length");
    assert_eq!(
        length,
        page.body.len(),
        "HEAD and GET disagree on the length"
    );

    let folder = s.get(MODEL_URL.trim_end_matches('/'));
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("location"), Some(MODEL_URL));

    let missing = s.get("/khong-co-trang-nay/");
    assert_eq!(missing.status, 404);
    assert!(missing.content_type().starts_with("text/html"));
    assert!(
        missing.text().contains("Không tìm thấy trang"),
        "the site's 404 page"
    );
    assert!(missing.text().contains(LIVE_TAG));

    // Site-wide files come from the background thread, shortly after the pages.
    for (path, ctype) in [
        ("/du-lieu/mo-hinh.json", "application/json"),
        ("/du-lieu/mo-hinh.csv", "text/csv"),
        ("/sitemap.xml", "application/xml"),
        ("/feed.json", "application/"),
        ("/tim-kiem/index/manifest.json", "application/json"),
    ] {
        let r = s.wait_for_status(path, 200);
        assert!(r.content_type().starts_with(ctype), "{path}: {r:?}");
    }
    assert!(s.get("/du-lieu/mo-hinh.json").text().contains(OLD_TITLE));
}

#[test]
fn an_edit_is_served_and_reloads_open_tabs() {
    let s = Server::minimal();
    let mut events = s.events();
    let new_title = "Nông dân liên kết trồng lúa hữu cơ";
    let start = Instant::now();
    write_atomic(s.root(), MODEL, &article(new_title, "2024"));
    events.wait_for("reload", WAIT);
    eprintln!("edit → reload event: {} ms", start.elapsed().as_millis());
    // The pages are published before the event is sent: no polling needed.
    assert!(
        s.get(MODEL_URL)
            .text()
            .contains(&format!("<h1>{new_title}</h1>"))
    );
    assert!(s.get("/").text().contains(new_title), "home page");
    assert!(!s.get("/").text().contains(OLD_TITLE), "home page");
    s.wait_for_text("/du-lieu/mo-hinh.json", new_title);
}

/// After edits that are swapped into the last site in place (title, summary), ones
/// that move the story to other lists (year, province, tags: swapped in, the site
/// regrouped) and one that changes its slug (every article validated again), every
/// file served is byte for byte what `kheo build` makes of the same content.
#[test]
fn after_edits_serve_serves_what_build_makes() {
    let site = fixture("minimal");
    std::fs::write(site.path().join(MODEL), article(OLD_TITLE, "2024")).expect("write");
    let s = Server::start_with(site, &[("KHEO_LOG", "debug")]);
    let renamed = "Nông dân liên kết trồng lúa hữu cơ";
    write_atomic(s.root(), MODEL, &article(renamed, "2024"));
    s.wait_for_text(MODEL_URL, &format!("<h1>{renamed}</h1>"));
    write_atomic(s.root(), MODEL, &article(renamed, "2023"));
    s.wait_for_text("/nam/2023/", renamed);
    let moved = article(renamed, "2023")
        .replace("province: An Giang", "province: Bạc Liêu")
        .replace("summary:", "tags: [lúa sạch, nông dân]\nsummary:");
    write_atomic(s.root(), MODEL, &moved);
    s.wait_for_text("/tinh/bac-lieu/", renamed);
    s.wait_for_text("/the/lua-sach/", renamed);
    let summary = "Ba trăm hộ góp đất, không ai khiếu nại.";
    let last = moved.replace(
        "Hội Nông dân xã vận động bà con góp đất trồng lúa sạch.",
        summary,
    );
    write_atomic(s.root(), MODEL, &last);
    s.wait_for_text(MODEL_URL, summary);
    let log = s.log();
    assert_eq!(log.matches("serve: edit in place").count(), 4, "{log}");
    assert_eq!(log.matches("serve: regroup").count(), 2, "{log}");
    // A new slug reaches other stories' links and checks: validated all again.
    let reslugged = last.replace(
        "slug: nong-dan-lien-ket-trong-lua-sach",
        "slug: lua-sach-bac-lieu",
    );
    write_atomic(s.root(), MODEL, &reslugged);
    s.wait_for_text("/mo-hinh/lua-sach-bac-lieu/", summary);
    assert_eq!(s.log().matches("serve: edit in place").count(), 4);
    // Site-wide files follow in the background; these have the last slug.
    s.wait_for_text("/du-lieu/mo-hinh.json", "lua-sach-bac-lieu");

    let out = tempfile::tempdir().expect("temp dir");
    let base = format!("--base-url=http://127.0.0.1:{}/", s.port);
    let built = super::support::kheo(
        s.root(),
        &["build", "--out", &out.path().to_string_lossy(), &base],
    );
    super::support::assert_exit(&built, 0);
    let live = format!("<script src=\"{}\" defer></script>", "/__kheo/live.js");
    // `.kheo-output` marks the folder as kheo's; it is not a page of the site.
    let mut paths = super::support::files(out.path());
    paths.retain(|p| p != ".kheo-output");
    assert!(paths.len() > 20, "{paths:?}");
    for rel in paths {
        let want = std::fs::read(out.path().join(&rel)).expect("read built file");
        let target = format!("/{}", rel.trim_end_matches("index.html"));
        let got = s.get(&target);
        assert_eq!(got.status, 200, "{target}");
        let body = if rel.ends_with(".html") {
            String::from_utf8_lossy(&got.body)
                .replacen(&live, "", 1)
                .into_bytes()
        } else {
            got.body.clone()
        };
        assert!(
            body == want,
            "{target} differs from the build:\n--- served\n{}\n--- built\n{}",
            String::from_utf8_lossy(&body),
            String::from_utf8_lossy(&want)
        );
    }
}

/// The search index, data files, JSON feed and sitemap are rendered in the background
/// and skipped when no story changed: a settings change must still reach them.
#[test]
fn site_wide_files_follow_a_change_of_settings() {
    let s = Server::minimal();
    s.wait_for_status("/feed.json", 200);
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).expect("site.yaml");
    let retitled = yaml
        .lines()
        .map(|l| {
            if l.starts_with("title:") {
                "title: Trang đã đổi tên"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    write_atomic(s.root(), "site.yaml", &retitled);
    s.wait_for_text("/", "Trang đã đổi tên");
    s.wait_for_text("/feed.json", "Trang đã đổi tên");
}

/// A `static/` (or `templates/`) folder made while `kheo serve` runs is watched from
/// then on: its files are served, and so are later edits to them.
#[test]
fn a_folder_made_while_serving_is_watched_from_then_on() {
    let s = Server::minimal();
    assert!(!s.root().join("static").exists());
    std::fs::create_dir_all(s.root().join("static/assets")).expect("mkdir");
    write_atomic(s.root(), "static/assets/rieng.css", ".a { color: red; }");
    s.wait_for_text("/assets/rieng.css", "red");
    std::thread::sleep(Duration::from_millis(100));
    write_atomic(s.root(), "static/assets/rieng.css", ".a { color: blue; }");
    s.wait_for_text("/assets/rieng.css", "blue");
}

#[test]
fn a_broken_article_keeps_the_last_good_page_and_reports_errors() {
    let s = Server::minimal();
    let mut events = s.events();
    write_atomic(s.root(), MODEL, &article("Tiêu đề dở dang", "năm 2024"));
    let e = events.wait_for("errors", WAIT);
    let items: serde_json::Value = serde_json::from_str(&e.data).expect("errors are JSON");
    let items = items.as_array().expect("an array");
    let item = items
        .iter()
        .find(|d| d["path"] == MODEL)
        .unwrap_or_else(|| panic!("no error for {MODEL} in {items:?}"));
    assert_eq!(item["line"], YEAR_LINE, "{item}");
    assert_eq!(item["severity"], "error");
    for key in ["col", "code", "message", "help"] {
        assert!(item.get(key).is_some(), "{key} missing in {item}");
    }

    let page = s.get(MODEL_URL);
    assert_eq!(page.status, 200, "the last good page is still served");
    assert!(page.text().contains(&format!("<h1>{OLD_TITLE}</h1>")));
    assert!(!page.text().contains("Tiêu đề dở dang"));

    // A tab opened now learns about the errors at once.
    let mut late = s.events();
    let first = late
        .next(Duration::from_secs(2))
        .expect("a new client gets the errors at once");
    assert_eq!(first.name, "errors");
    assert!(first.data.contains(MODEL), "{}", first.data);

    let fixed = "Nông dân liên kết trồng lúa sạch, đã sửa";
    write_atomic(s.root(), MODEL, &article(fixed, "2024"));
    events.wait_for("reload", WAIT);
    late.wait_for("reload", WAIT);
    assert!(
        s.get(MODEL_URL)
            .text()
            .contains(&format!("<h1>{fixed}</h1>"))
    );
}

#[test]
fn a_new_article_appears_and_a_deleted_one_is_gone() {
    let s = Server::minimal();
    let rel = "content/can-tho/2025/chi-hoi-phu-nu-tiet-kiem.md";
    let url = "/mo-hinh/chi-hoi-phu-nu-tiet-kiem/";
    assert_eq!(s.get(url).status, 404);
    let path = s.root().join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(
        &path,
        "---\ntitle: Chi hội phụ nữ tiết kiệm\nprovince: Cần Thơ\nfield: Kinh tế\nyear: 2025\nsummary: Mỗi tháng góp một ít.\n---\n\nChị em góp vốn xoay vòng.\n",
    )
    .expect("write");
    s.wait_for_text(url, "<h1>Chi hội phụ nữ tiết kiệm</h1>");
    s.wait_for_text("/", "Chi hội phụ nữ tiết kiệm");

    std::fs::remove_file(&path).expect("delete");
    let gone = s.wait_for_status(url, 404);
    assert!(gone.text().contains("Không tìm thấy trang"));
    assert!(!s.get("/").text().contains("Chi hội phụ nữ tiết kiệm"));
}

#[test]
fn traversal_and_odd_requests_are_refused() {
    let s = Server::minimal();
    let port = s.port;
    let secrets = ["[package]", "root:x:", "base_url:", "TOPSECRET"];
    for target in [
        "/../Cargo.toml",
        "/../../../../etc/passwd",
        "/../site.yaml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/site.yaml",
        "/..%2f..%2fetc/passwd",
        "/..%2fsite.yaml",
        "/a\\..\\b",
        "/..\\site.yaml",
        "/%5c..%5csite.yaml",
        "/assets/%00style.css",
        "/site.yaml",
        "/content/an-giang/2023/to-hoa-giai-o-khom-ap.md",
    ] {
        // Written by hand: ordinary clients would normalise the dots away.
        let r = s.raw(&format!(
            "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        ));
        assert!(
            r.status == 400 || r.status == 404,
            "{target}: status {}",
            r.status
        );
        let body = r.text();
        for secret in secrets {
            assert!(!body.contains(secret), "{target} leaked {secret:?}");
        }
    }
    assert_eq!(s.get("/%2e%2e/%2e%2e/etc/passwd").status, 400);

    let post = s.request("POST", "/");
    assert_eq!(post.status, 405);
    assert!(
        post.header("allow").is_some_and(|a| a.contains("GET")),
        "{post:?}"
    );
    assert_eq!(s.request("DELETE", MODEL_URL).status, 405);
    assert_eq!(s.request("PUT", "/__kheo/events").status, 405);

    // The event stream is for the preview's own pages only.
    let (status, _) = Events::try_connect(port, "Origin: http://evil.example\r\n");
    assert_eq!(status, 403, "cross-origin event stream");
    let (status, _) = Events::try_connect(port, "Origin: null\r\n");
    assert_eq!(status, 403, "opaque-origin event stream");
    let (status, _) = Events::try_connect(port, "Sec-Fetch-Site: cross-site\r\n");
    assert_eq!(status, 403, "cross-site fetch");
    let (status, _) = Events::try_connect(port, &format!("Origin: http://127.0.0.1:{port}\r\n"));
    assert_eq!(status, 200, "same origin");
}

/// A file outside the site, as an article and as plain text.
#[cfg(unix)]
fn outside_secrets() -> tempfile::TempDir {
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        outside.path().join("bi-mat.md"),
        "---\ntitle: Bí mật ngoài site\nprovince: An Giang\nfield: Kinh tế\nyear: 2024\nsummary: x\n---\n\nTOPSECRET\n",
    )
    .expect("write");
    std::fs::write(outside.path().join("secret.txt"), "TOPSECRET\n").expect("write");
    outside
}

#[cfg(unix)]
#[track_caller]
fn assert_no_secret(s: &Server) {
    for target in [
        "/mo-hinh/bi-mat-ngoai-site/",
        "/mo-hinh/bi-mat-ngoai-site/index.md",
        "/leak.txt",
        "/leak-dir/secret.txt",
        "/assets/leak.txt",
    ] {
        let r = s.get(target);
        assert_eq!(r.status, 404, "{target} is served: {}", r.text());
    }
    assert!(
        !s.get("/").text().contains("Bí mật"),
        "listed on the home page"
    );
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_are_not_served() {
    use std::os::unix::fs::symlink;
    let outside = outside_secrets();
    let o = outside.path();
    let site = fixture("minimal");
    let root = site.path();
    std::fs::create_dir_all(root.join("static/assets")).expect("mkdir");
    symlink(o.join("bi-mat.md"), root.join("content/an-giang/bi-mat.md")).expect("symlink");
    symlink(o.join("secret.txt"), root.join("static/leak.txt")).expect("symlink");
    symlink(o.join("secret.txt"), root.join("static/assets/leak.txt")).expect("symlink");
    symlink(o, root.join("static/leak-dir")).expect("symlink");
    let s = Server::start(site);
    assert_no_secret(&s);
}

#[cfg(unix)]
#[test]
fn regression_symlinks_created_while_serving_are_not_served() {
    use std::os::unix::fs::symlink;
    let outside = outside_secrets();
    let o = outside.path();
    let s = Server::minimal();
    let root = s.root();
    std::fs::create_dir_all(root.join("static")).expect("mkdir");
    let mut events = s.events();
    // One link at a time, each in a rebuild of its own, then a real edit so the test
    // knows the link's events were handled before it looks.
    let mut step = 0;
    let mut then_edit = |what: &str| {
        step += 1;
        let title = format!("Nông dân liên kết, bước {step}");
        write_atomic(root, MODEL, &article(&title, "2024"));
        s.wait_for_text(MODEL_URL, &title);
        while events.next(Duration::from_millis(300)).is_some() {}
        eprintln!("checking after {what}");
        assert_no_secret(&s);
    };
    symlink(o.join("bi-mat.md"), root.join("content/an-giang/bi-mat.md")).expect("symlink");
    std::thread::sleep(Duration::from_millis(300));
    then_edit("a linked article");
    symlink(o, root.join("content/ngoai")).expect("symlink");
    std::thread::sleep(Duration::from_millis(300));
    then_edit("a linked folder");
    // A file written inside a linked folder must not get in either.
    std::fs::write(
        o.join("moi.md"),
        "---\ntitle: Bí mật mới\nprovince: An Giang\nfield: Kinh tế\nyear: 2024\nsummary: x\n---\n\nTOPSECRET\n",
    )
    .expect("write");
    std::thread::sleep(Duration::from_millis(300));
    then_edit("a file in a linked folder");
    assert_eq!(s.get("/mo-hinh/bi-mat-moi/").status, 404);
    symlink(o.join("secret.txt"), root.join("static/leak.txt")).expect("symlink");
    std::thread::sleep(Duration::from_millis(300));
    then_edit("a linked static file");
}

#[test]
fn serve_never_writes_public() {
    let s = Server::minimal();
    let mut events = s.events();
    write_atomic(
        s.root(),
        MODEL,
        &article("Nông dân liên kết, sửa lần một", "2024"),
    );
    events.wait_for("reload", WAIT);
    s.wait_for_text("/du-lieu/mo-hinh.json", "sửa lần một");
    let made: Vec<String> = std::fs::read_dir(s.root())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("public"))
        .collect();
    assert!(made.is_empty(), "serve wrote {made:?}");
}

#[test]
fn editor_temporary_files_do_not_rebuild() {
    let s = Server::minimal();
    let mut events = s.events();
    let dir = s.root().join("content/an-giang/2024");
    let text = article("Bản nháp của trình soạn thảo", "2024");
    for name in [
        ".nong-dan-lien-ket-trong-lua-sach.md.swp",
        "nong-dan-lien-ket-trong-lua-sach.md~",
        "#nong-dan-lien-ket-trong-lua-sach.md#",
        ".nong-dan-lien-ket-trong-lua-sach.md.tmp",
    ] {
        std::fs::write(dir.join(name), &text).expect("write temporary file");
    }
    std::fs::remove_file(dir.join("nong-dan-lien-ket-trong-lua-sach.md~")).expect("delete");
    if let Some(e) = events.next(Duration::from_millis(1500)) {
        panic!("editor temporary files caused `{}`\n{}", e.name, s.log());
    }
    assert!(s.get(MODEL_URL).text().contains(OLD_TITLE));
    // The stream was listening: a real edit does reload.
    write_atomic(s.root(), MODEL, &article("Sửa thật", "2024"));
    events.wait_for("reload", WAIT);
}

/// Regression: `sed -i` saves through a temporary file with no extension (`sedAb12Cd`),
/// vim tests the folder with a file named `4913`; both are gone before the rebuild. They
/// made every save a change of unknown reach (everything validated again) instead of
/// an edit swapped into the last site.
#[test]
fn regression_saves_through_temporary_files_are_edits_in_place() {
    let site = fixture("minimal");
    std::fs::write(site.path().join(MODEL), article(OLD_TITLE, "2024")).expect("write");
    let s = Server::start_with(site, &[("KHEO_LOG", "debug")]);
    let dir = s.root().join("content/an-giang/2024");
    for (n, title) in ["Lúa sạch lần một", "Lúa sạch lần hai"]
        .into_iter()
        .enumerate()
    {
        if n == 0 {
            // sed -i: write `sedXXXXXX` beside the file, rename it over the file.
            let tmp = dir.join("sedQ7x2Lm");
            std::fs::write(&tmp, article(title, "2024")).expect("write temporary file");
            std::fs::rename(&tmp, s.root().join(MODEL)).expect("rename into place");
        } else {
            // vim: create and delete `4913`, then write the file.
            std::fs::write(dir.join("4913"), "").expect("write 4913");
            std::fs::remove_file(dir.join("4913")).expect("delete 4913");
            std::fs::write(s.root().join(MODEL), article(title, "2024")).expect("write");
        }
        s.wait_for_text(MODEL_URL, &format!("<h1>{title}</h1>"));
    }
    let log = s.log();
    assert_eq!(
        log.matches("serve: edit in place").count(),
        2,
        "both saves should be edits in place\n{log}"
    );
}

/// Regression: adding the missing image beside an article cleared nothing, because the
/// article's own text had not changed and its checks were taken from the cache.
#[test]
fn regression_adding_a_missing_image_clears_the_error() {
    let s = Server::minimal();
    let mut events = s.events();
    let dir = "content/can-tho/2025/anh-moi";
    std::fs::create_dir_all(s.root().join(dir)).expect("mkdir");
    std::fs::write(
        s.root().join(dir).join("index.md"),
        "---\ntitle: Ảnh mới\nprovince: Cần Thơ\nfield: Kinh tế\nyear: 2025\nsummary: Thử ảnh.\nimage: anh.svg\n---\n\nBài có ảnh.\n",
    )
    .expect("write article");
    let e = events.wait_for("errors", WAIT);
    assert!(e.data.contains("E021"), "{}", e.data);
    std::fs::write(
        s.root().join(dir).join("anh.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"></svg>",
    )
    .expect("write image");
    events.wait_for("reload", WAIT);
    let page = s.wait_for_text("/mo-hinh/anh-moi/", "<h1>Ảnh mới</h1>");
    assert!(
        page.text().contains("width=\"40\" height=\"20\""),
        "{}",
        page.text()
    );
}
