//! The HTTP side of `kheo serve`: a bounded accept loop, one GET or HEAD per connection
//! (`Connection: close`), the `Host` check against DNS rebinding, and the live-reload
//! event stream; the CMS API's POST is checked from its headers before its body is read,
//! with few bodies at once. It only reads the shared `State`; it never renders. Every input is
//! hostile: no panic, a bounded number of threads, and slow clients are cut off.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::State;
use super::host::Hosts;
use crate::diagnostic::Diagnostic;

/// Where live-reload events are served; also the prefix of the injected script.
const EVENTS: &str = "/__kheo/events";
const LIVE_JS: &str = "/__kheo/live.js";
/// The browser side of live reload and the error overlay.
const LIVE_SCRIPT: &str = include_str!("live.js");

/// Requests handled at once (pages, assets); further connections get a 503.
const MAX_CONNECTIONS: usize = 64;
/// Live-reload streams open at once (one per tab), counted apart from requests.
const MAX_STREAMS: usize = 32;
/// CMS API bodies (up to `cms::MAX_BODY` each) read and handled at once.
const MAX_API_BODIES: usize = 2;
/// The request line and every header must arrive within this, however slowly they come.
const HEADER_DEADLINE: Duration = Duration::from_secs(10);
/// A client that takes nothing of the answer for this long is dropped.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Request line and headers together, at most (bytes).
const MAX_HEAD: u64 = 16 * 1024;

/// A counting semaphore that refuses instead of waiting.
struct Slots {
    used: AtomicUsize,
    max: usize,
}

/// One taken place in `Slots`, given back on drop.
struct Slot(Arc<Slots>);

impl Slots {
    fn new(max: usize) -> Arc<Slots> {
        Arc::new(Slots {
            used: AtomicUsize::new(0),
            max,
        })
    }

    fn take(self: &Arc<Self>) -> Option<Slot> {
        self.used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.max).then_some(n + 1)
            })
            .ok()
            .map(|_| Slot(Arc::clone(self)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.used.fetch_sub(1, Ordering::AcqRel);
    }
}

/// What the connection threads share.
struct Server {
    state: Arc<State>,
    hosts: Hosts,
    requests: Arc<Slots>,
    streams: Arc<Slots>,
    api_bodies: Arc<Slots>,
}

/// Accepts connections until the process ends, each on a thread of its own, at most
/// `MAX_CONNECTIONS` at once; the rest are told 503 at once.
pub(super) fn serve(listener: TcpListener, state: Arc<State>, hosts: Hosts) {
    let server = Arc::new(Server {
        state,
        hosts,
        requests: Slots::new(MAX_CONNECTIONS),
        streams: Slots::new(MAX_STREAMS),
        api_bodies: Slots::new(MAX_API_BODIES),
    });
    loop {
        match listener.accept() {
            Ok((stream, peer)) => dispatch(&server, stream, peer),
            // Out of file descriptors, or a client gone before it was accepted: wait a
            // little rather than spin, and go on.
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

fn dispatch(server: &Arc<Server>, stream: TcpStream, peer: SocketAddr) {
    let Some(slot) = server.requests.take() else {
        return busy(stream);
    };
    let server = Arc::clone(server);
    let spawned = std::thread::Builder::new()
        .name("kheo-http".to_owned())
        .spawn(move || {
            let _ = handle(&server, stream, peer, slot);
        });
    // The connection (in the closure) is closed with the error; the server goes on.
    if let Err(e) = spawned {
        eprintln!(
            "{}",
            crate::t!("preview-thread-failed", error = e.to_string())
        );
    }
}

/// Answers 503 without a thread: takes what the client already sent (closing on unread
/// bytes would reset the connection before the answer is read) and writes, never waiting.
fn busy(mut stream: TcpStream) {
    if stream.set_nonblocking(true).is_err() {
        return;
    }
    let mut sink = [0u8; 4096];
    let _ = stream.read(&mut sink);
    let _ = respond(
        &stream,
        "503 Service Unavailable",
        PLAIN,
        &said(crate::t!("http-busy")),
        false,
        "Retry-After: 1\r\n",
    );
}

/// Reads from a stream until a fixed deadline, however slowly the bytes come.
struct Deadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.read(buf)
    }
}

/// A parsed request line and the headers we use.
struct Request {
    method: String,
    target: String,
    origin: Option<String>,
    host: Option<String>,
    fetch_site: Option<String>,
    content_length: Option<String>,
}

/// The rest of a request after its headers (a POST's body), read only when wanted.
type Rest<'a> = BufReader<io::Take<Deadline<'a>>>;

/// Why a request was not read.
enum Refused {
    Bad(&'static str),
    TooLarge,
    Slow,
}

/// The request line and headers; the body, if any, is left in the returned reader.
fn read_request(stream: &TcpStream) -> Result<(Request, Rest<'_>), Refused> {
    let until = Instant::now() + HEADER_DEADLINE;
    let mut reader = BufReader::new(Deadline { stream, until }.take(MAX_HEAD));
    let line = read_line(&mut reader)?;
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refused::Bad("bad request line\n"));
    };
    if method.is_empty() || !version.starts_with("HTTP/1.") {
        return Err(Refused::Bad("bad request line\n"));
    }
    let mut req = Request {
        method: method.to_owned(),
        target: target.to_owned(),
        origin: None,
        host: None,
        fetch_site: None,
        content_length: None,
    };
    loop {
        let h = read_line(&mut reader)?;
        if h.is_empty() {
            return Ok((req, reader));
        }
        let Some((k, v)) = h.split_once(':') else {
            return Err(Refused::Bad("bad header\n"));
        };
        let slot = match k.trim().to_ascii_lowercase().as_str() {
            "origin" => &mut req.origin,
            "host" => &mut req.host,
            "sec-fetch-site" => &mut req.fetch_site,
            "content-length" => &mut req.content_length,
            _ => continue,
        };
        if slot.replace(v.trim().to_owned()).is_some() {
            return Err(Refused::Bad("repeated header\n"));
        }
    }
}

/// One line without its `\r\n`, as UTF-8.
fn read_line(reader: &mut Rest<'_>) -> Result<String, Refused> {
    let mut bytes = Vec::new();
    match reader.read_until(b'\n', &mut bytes) {
        Ok(_) if bytes.ends_with(b"\n") => {}
        Ok(_) if reader.get_ref().limit() == 0 => return Err(Refused::TooLarge),
        Ok(_) => return Err(Refused::Bad("incomplete request\n")),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
            ) =>
        {
            return Err(Refused::Slow);
        }
        Err(_) => return Err(Refused::Bad("unreadable request\n")),
    }
    bytes.pop();
    if bytes.ends_with(b"\r") {
        bytes.pop();
    }
    String::from_utf8(bytes).map_err(|_| Refused::Bad("request is not UTF-8\n"))
}

const PLAIN: &str = "text/plain; charset=utf-8";
const HTML: &str = "text/html; charset=utf-8";

/// A plain-text answer in the editor's language, one line.
fn said(text: String) -> Vec<u8> {
    format!("{text}\n").into_bytes()
}

fn respond(
    mut stream: &TcpStream,
    status: &str,
    ctype: &str,
    body: &[u8],
    head_only: bool,
    extra: &str,
) -> io::Result<()> {
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n{extra}\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn handle(server: &Server, stream: TcpStream, peer: SocketAddr, slot: Slot) -> io::Result<()> {
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    let (req, rest) = match read_request(&stream) {
        Ok(read) => read,
        Err(Refused::Bad(why)) => {
            return respond(&stream, "400 Bad Request", PLAIN, why.as_bytes(), false, "");
        }
        Err(Refused::TooLarge) => {
            let body = &said(crate::t!("http-headers-too-large"));
            let status = "431 Request Header Fields Too Large";
            return respond(&stream, status, PLAIN, body, false, "");
        }
        Err(Refused::Slow) => {
            let body = &said(crate::t!("http-headers-too-slow"));
            return respond(&stream, "408 Request Timeout", PLAIN, body, false, "");
        }
    };
    let head = req.method == "HEAD";
    if req.method == "POST" && req.target == crate::cms::API_PATH {
        return cms_api(server, &stream, peer, &req, rest);
    }
    if req.method != "GET" && !head {
        let allow = "Allow: GET, HEAD\r\n";
        let status = "405 Method Not Allowed";
        return respond(
            &stream,
            status,
            PLAIN,
            &said(crate::t!("http-only-get-head")),
            false,
            allow,
        );
    }
    if !server.hosts.allows(req.host.as_deref(), peer.ip()) {
        let body = &said(crate::t!("http-unknown-host"));
        return respond(&stream, "421 Misdirected Request", PLAIN, body, head, "");
    }
    let raw_path = req.target.split(['?', '#']).next().unwrap_or("/");
    let Some(path) = clean_path(raw_path) else {
        return respond(
            &stream,
            "400 Bad Request",
            PLAIN,
            &said(crate::t!("http-bad-path")),
            head,
            "",
        );
    };
    if path == EVENTS {
        if !same_origin(&req) {
            return respond(
                &stream,
                "403 Forbidden",
                PLAIN,
                &said(crate::t!("http-cross-origin")),
                head,
                "",
            );
        }
        let Some(open) = server.streams.take() else {
            let body = &said(crate::t!("http-too-many-streams"));
            let retry = "Retry-After: 5\r\n";
            return respond(&stream, "503 Service Unavailable", PLAIN, body, head, retry);
        };
        // A stream lasts as long as its tab: it holds a place of its own, not a request's.
        drop(slot);
        let done = events(stream, &server.state);
        drop(open);
        return done;
    }
    if path == LIVE_JS {
        let ctype = "text/javascript; charset=utf-8";
        return respond(&stream, "200 OK", ctype, live_script().as_bytes(), head, "");
    }
    site_file(&stream, &server.state, &path, head)
}

/// The CMS's local backend (`cms`), for the server's own names only. Everything that
/// can be checked from the headers is checked before the body is read, and at most
/// `MAX_API_BODIES` bodies are read and handled at once.
fn cms_api(
    server: &Server,
    stream: &TcpStream,
    peer: SocketAddr,
    req: &Request,
    mut rest: Rest<'_>,
) -> io::Result<()> {
    let json = |a: super::cms::Answer| {
        respond(
            stream,
            a.status,
            "application/json",
            a.body.as_bytes(),
            false,
            "",
        )
    };
    if !server.hosts.allows(req.host.as_deref(), peer.ip()) {
        let body = &said(crate::t!("http-unknown-host"));
        return respond(stream, "421 Misdirected Request", PLAIN, body, false, "");
    }
    let call = super::cms::Call {
        origin: req.origin.as_deref(),
        host: req.host.as_deref(),
        fetch_site: req.fetch_site.as_deref(),
        local: peer.ip().is_loopback(),
    };
    let config = match super::cms::admit(&server.state.root, &call) {
        Ok(c) => c,
        Err(a) => return json(a),
    };
    let len = req
        .content_length
        .as_deref()
        .map_or(Some(0), |l| l.parse::<usize>().ok())
        .filter(|&l| l <= super::cms::MAX_BODY);
    let Some(len) = len else {
        return json(super::cms::too_large());
    };
    let Some(_busy) = server.api_bodies.take() else {
        let body = &said(crate::t!("http-cms-busy"));
        let retry = "Retry-After: 1\r\n";
        return respond(stream, "503 Service Unavailable", PLAIN, body, false, retry);
    };
    rest.get_mut().set_limit(len as u64);
    let mut body = vec![0; len];
    if rest.read_exact(&mut body).is_err() {
        let why = &said(crate::t!("http-body-slow"));
        return respond(stream, "408 Request Timeout", PLAIN, why, false, "");
    }
    json(super::cms::answer(&server.state.root, &config, &body))
}

/// Whether an event-stream request comes from the preview's own pages.
fn same_origin(req: &Request) -> bool {
    let same = match (&req.origin, &req.host) {
        (Some(o), Some(h)) => o.strip_prefix("http://").is_some_and(|rest| rest == h),
        (Some(_), None) => false,
        (None, _) => true,
    };
    same && req.fetch_site.as_deref() != Some("cross-site")
}

/// A file of the site at `path` (clean), a redirect to its folder, or the 404 page.
fn site_file(stream: &TcpStream, state: &State, path: &str, head: bool) -> io::Result<()> {
    let (site, site_wide, errors, redirects) = {
        let s = state.lock();
        let redirects = Arc::clone(&s.redirects);
        (
            s.site.clone(),
            Arc::clone(&s.site_wide),
            s.errors.clone(),
            redirects,
        )
    };
    let Some(site) = site else {
        let page = error_page(errors.as_deref().unwrap_or(&[]));
        let status = "500 Internal Server Error";
        return respond(stream, status, HTML, page.as_bytes(), head, "");
    };
    let key = path.trim_start_matches('/');
    let found = if key.is_empty() || key.ends_with('/') {
        site.get(format!("{key}index.html").as_str())
            .map(|b| (key.to_owned() + "index.html", b))
    } else if let Some(b) = site.get(key).or_else(|| site_wide.get(key)) {
        Some((key.to_owned(), b))
    } else if site.contains(format!("{key}/index.html").as_str()) {
        if let Some(to) = location(&format!("/{key}/")) {
            let extra = format!("Location: {to}\r\n");
            return respond(stream, "301 Moved Permanently", PLAIN, b"", head, &extra);
        }
        None
    } else {
        None
    };
    match found {
        Some((name, bytes)) => {
            let ctype = content_type(&name);
            // The CMS page is not reloaded under an editor typing in it.
            if ctype.starts_with("text/html") && !name.starts_with("admin/") {
                respond(stream, "200 OK", ctype, &inject(bytes), head, "")
            } else {
                respond(stream, "200 OK", ctype, bytes, head, "")
            }
        }
        None => {
            // A story whose title edit moved it: the tab follows it for this session.
            let moved = redirects
                .get(path)
                .or_else(|| redirects.get(&format!("{path}/")));
            if let Some(to) = moved.and_then(|to| location(to)) {
                let extra = format!("Location: {to}\r\n");
                return respond(stream, "302 Found", PLAIN, b"", head, &extra);
            }
            let body = site
                .get("404.html")
                .map_or_else(|| said(crate::t!("http-not-found")), |b| inject(b));
            respond(stream, "404 Not Found", HTML, &body, head, "")
        }
    }
}

/// A `Location` for a site path: percent-encoded, and always one leading slash, so it
/// can never name another host (`//evil.example/`, `/\evil.example/`).
fn location(path: &str) -> Option<String> {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    let local = out.starts_with('/') && !out.starts_with("//");
    local.then_some(out)
}

/// Decodes `%xx` and refuses anything that could leave the site: `..` segments
/// (also encoded), backslashes, control characters. Runs of `/` become one, so
/// `//evil.example` is the site's `/evil.example`. Returns a path starting with `/`.
fn clean_path(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = if bytes[i] == b'%' {
            let hex = |c: u8| (c as char).to_digit(16);
            let (h, l) = (hex(*bytes.get(i + 1)?)?, hex(*bytes.get(i + 2)?)?);
            i += 3;
            (h * 16 + l) as u8
        } else {
            i += 1;
            bytes[i - 1]
        };
        if !(b == b'/' && out.last() == Some(&b'/')) {
            out.push(b);
        }
    }
    let path = String::from_utf8(out).ok()?;
    if !path.starts_with('/')
        || path.contains('\\')
        || path.chars().any(char::is_control)
        || path.split('/').any(|s| s == ".." || s == ".")
    {
        return None;
    }
    Some(path)
}

fn content_type(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "html" => HTML,
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" if name.ends_with("atom.xml") => "application/atom+xml",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "avif" => "image/avif",
        "txt" => PLAIN,
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "yml" | "yaml" => "text/yaml; charset=utf-8",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Adds the live-reload script before `</body>` (serve mode only).
fn inject(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{LIVE_JS}\" defer></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

/// A problem as the overlay shows it: where, the source line and the caret's span.
#[derive(Serialize)]
struct OverlayItem<'a> {
    path: &'a str,
    line: usize,
    col: usize,
    code: &'a str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    /// The source line, one shown character per character (so the caret stays under
    /// its column): a tab as `→`, other control characters as `�`.
    source_line: Option<String>,
    span: usize,
    label: &'a str,
}

fn overlay_item(d: &Diagnostic) -> OverlayItem<'_> {
    let shown = |c: char| match c {
        '\t' => '→',
        c if c.is_control() => '\u{fffd}',
        c => c,
    };
    OverlayItem {
        path: &d.path,
        line: d.line,
        col: d.col,
        code: d.code,
        severity: if d.is_error() { "error" } else { "warning" },
        message: &d.message,
        help: d.help.as_deref(),
        source_line: d
            .source_line
            .as_ref()
            .map(|l| l.chars().take(500).map(shown).collect()),
        span: d.span.max(1),
        label: &d.label,
    }
}

/// The problems of `diags` of one kind (errors, or warnings) as overlay JSON.
fn overlay_json(diags: &[Diagnostic], errors: bool) -> String {
    let items: Vec<OverlayItem<'_>> = diags
        .iter()
        .filter(|d| d.is_error() == errors)
        .map(overlay_item)
        .collect();
    serde_json::to_string(&items).unwrap_or_else(|_| "[]".to_owned())
}

/// The browser script with its labels in the editor's language.
fn live_script() -> String {
    let ids = [
        ("failed", "preview-overlay-failed"),
        ("kept", "preview-overlay-kept"),
        ("error", "preview-overlay-error"),
        ("warning", "preview-overlay-warning"),
        ("help", "preview-overlay-help"),
        ("file", "preview-overlay-file"),
        ("close", "preview-overlay-close"),
        ("warnings", "preview-overlay-warnings"),
        ("warningsTitle", "preview-overlay-warnings-title"),
        ("moved", "preview-overlay-moved"),
    ];
    let mut text: std::collections::BTreeMap<&str, String> = ids
        .iter()
        .map(|(k, id)| (*k, crate::i18n::text(id, &[("n", "{n}".into())])))
        .collect();
    text.insert("lang", crate::i18n::current().code().to_owned());
    let json = serde_json::to_string(&text).unwrap_or_else(|_| "{}".to_owned());
    LIVE_SCRIPT.replace("__KHEO_TEXT__", &crate::view::script_safe(&json))
}

/// What a tab learns when it connects: the errors of a failed rebuild, or the warnings
/// and moved stories of a good one.
fn greeting(s: &super::Shared) -> String {
    if let Some(errors) = &s.errors {
        return format!("event: errors\ndata: {}\n\n", overlay_json(errors, true));
    }
    let mut out = String::new();
    if !s.moved.is_empty() {
        let moved = serde_json::to_string(&*s.moved).unwrap_or_else(|_| "[]".to_owned());
        out.push_str(&format!("event: moved\ndata: {moved}\n\n"));
    }
    if s.warnings.iter().any(|d| !d.is_error()) {
        let data = overlay_json(&s.warnings, false);
        out.push_str(&format!("event: warnings\ndata: {data}\n\n"));
    }
    out
}

/// The `reload` event: the generation, and where moved stories went (old → new URL).
fn reload_event(s: &super::Shared) -> String {
    let data = serde_json::json!({ "generation": s.generation, "moved": &*s.redirects });
    format!("event: reload\ndata: {data}\n\n")
}

/// Server-sent events: `reload` after a good rebuild, `errors` (JSON) after a bad one.
fn events(mut stream: TcpStream, state: &State) -> std::io::Result<()> {
    // The generation is read before the client sees the stream open, so a rebuild that
    // finishes after that moment is never missed.
    let (mut seen, greeting) = {
        let s = state.lock();
        (s.generation, greeting(&s))
    };
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n",
    )?;
    stream.write_all(greeting.as_bytes())?;
    stream.flush()?;
    let mut quiet = 0;
    loop {
        let guard = state.lock();
        let (guard, timeout) = state
            .changed
            .wait_timeout_while(guard, Duration::from_secs(1), |s| s.generation == seen)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if timeout.timed_out() {
            drop(guard);
            // A closed tab gives its place back within a second, not at the next write.
            if closed(&stream) {
                return Ok(());
            }
            quiet += 1;
            if quiet % 15 == 0 {
                stream.write_all(b": ping\n\n")?;
                stream.flush()?;
            }
            continue;
        }
        seen = guard.generation;
        let msg = match &guard.errors {
            Some(errors) => format!("event: errors\ndata: {}\n\n", overlay_json(errors, true)),
            None => reload_event(&guard),
        };
        drop(guard);
        stream.write_all(msg.as_bytes())?;
        stream.flush()?;
    }
}

/// Whether the client has closed its side (or the connection failed); it sends nothing
/// on an event stream, so anything readable is its end.
fn closed(stream: &TcpStream) -> bool {
    if stream.set_nonblocking(true).is_err() {
        return true;
    }
    let mut byte = [0u8; 1];
    let peeked = stream.peek(&mut byte);
    let _ = stream.set_nonblocking(false);
    match peeked {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => e.kind() != io::ErrorKind::WouldBlock,
    }
}

/// The page shown when there is no good build yet.
fn error_page(diags: &[Diagnostic]) -> String {
    let mut list = String::new();
    for d in diags.iter().filter(|d| d.is_error()) {
        list.push_str(&format!(
            "<pre>{}</pre>\n",
            crate::escape::html(&d.render())
        ));
    }
    let lang = crate::i18n::current().code();
    let title = crate::escape::html(&crate::t!("preview-error-page-title"));
    let text = crate::escape::html(&crate::t!("preview-error-page-text"));
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>kheo: {title}</title></head><body><h1>{title}</h1><p>{text}</p>{list}<script src=\"{LIVE_JS}\" defer></script></body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_escape() {
        assert_eq!(
            clean_path("/tinh/ca-mau/").as_deref(),
            Some("/tinh/ca-mau/")
        );
        assert_eq!(
            clean_path("/mo-hinh/h%C3%B2a/").as_deref(),
            Some("/mo-hinh/hòa/")
        );
        assert_eq!(clean_path("/../etc/passwd"), None);
        assert_eq!(clean_path("/%2e%2e/etc/passwd"), None);
        assert_eq!(clean_path("/a/%2E%2E/b"), None);
        assert_eq!(clean_path("/a\\..\\b"), None);
        assert_eq!(clean_path("/a%00"), None);
        assert_eq!(clean_path("/a%zz"), None);
        assert_eq!(clean_path("relative"), None);
    }

    #[test]
    fn leading_slashes_collapse_so_paths_stay_on_the_site() {
        assert_eq!(
            clean_path("//evil.example").as_deref(),
            Some("/evil.example")
        );
        assert_eq!(clean_path("///a//b/").as_deref(), Some("/a/b/"));
        assert_eq!(
            clean_path("/%2F/evil.example").as_deref(),
            Some("/evil.example")
        );
        assert_eq!(
            clean_path("/%2f%2Fevil.example").as_deref(),
            Some("/evil.example")
        );
        assert_eq!(clean_path("/%5Cevil.example"), None);
        assert_eq!(clean_path("/a%0d%0aSet-Cookie:x"), None);
        assert_eq!(clean_path("/a%09b"), None);
        assert_eq!(clean_path("/a%7f"), None);
        assert_eq!(clean_path("/%ff"), None);
        assert_eq!(clean_path("http://evil.example/"), None);
        assert_eq!(clean_path("*"), None);
        assert_eq!(clean_path(""), None);
        assert_eq!(clean_path("/%"), None);
        assert_eq!(clean_path("/%4"), None);
    }

    #[test]
    fn redirect_locations_are_single_slash_paths() {
        assert_eq!(
            location("/evil.example/").as_deref(),
            Some("/evil.example/")
        );
        assert_eq!(location("/hòa/").as_deref(), Some("/h%C3%B2a/"));
        assert_eq!(
            location("/a b/\\\r\n/").as_deref(),
            Some("/a%20b/%5C%0D%0A/")
        );
        assert_eq!(location("//evil.example/"), None);
        assert_eq!(location("evil.example/"), None);
        assert_eq!(
            location("/\\evil.example/").as_deref(),
            Some("/%5Cevil.example/")
        );
    }

    #[test]
    fn script_goes_before_body_end() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>")).unwrap();
        assert!(out.ends_with("<script src=\"/__kheo/live.js\" defer></script></body></html>"));
    }

    #[test]
    fn the_live_script_gets_its_labels_from_the_catalogue() {
        let js = live_script();
        assert!(!js.contains("__KHEO_TEXT__"));
        for key in ["\"help\":", "\"failed\":", "\"lang\":", "\"moved\":"] {
            assert!(js.contains(key), "{key} missing");
        }
        assert!(!js.contains("preview-overlay-"), "an id without a message");
    }

    #[test]
    fn overlay_items_show_control_characters_one_for_one() {
        let d = Diagnostic::error("E011", "a.md", 2, 7, "bad")
            .with_source("---\nyear:\t\u{1b}[31m")
            .label("here", 3);
        let json = overlay_json(&[d], true);
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(v[0]["source_line"], "year:→\u{fffd}[31m");
        assert_eq!(v[0]["span"], 3);
        assert_eq!(v[0]["label"], "here");
    }

    #[test]
    fn content_types() {
        assert_eq!(
            content_type("assets/search.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type("atom.xml"), "application/atom+xml");
        assert_eq!(
            content_type("du-lieu/mo-hinh.csv"),
            "text/csv; charset=utf-8"
        );
    }
}
