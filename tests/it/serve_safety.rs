//! `kheo serve` against hostile clients: foreign `Host` names (DNS rebinding), redirects
//! that could leave the site, floods of idle connections and event streams, a client
//! that sends its headers a byte at a time, and malformed requests. Plain `TcpStream`s
//! on loopback; every wait is bounded, and the only timing asserted is a generous limit.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use super::serve::{Events, MODEL_URL, OLD_TITLE, Server, poll};
use super::support::{fixture, write};

/// Sends `bytes` and reads until the server closes. `None` when the connection failed
/// (a reset after the server refused a request it did not read to the end).
fn exchange(port: u16, bytes: &[u8]) -> Option<(u16, String, Vec<u8>)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    s.set_write_timeout(Some(Duration::from_secs(30))).ok()?;
    s.write_all(bytes).ok()?;
    // Nothing more comes: an incomplete request is answered now, not at the deadline.
    let _ = s.shutdown(std::net::Shutdown::Write);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let end = out.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&out[..end]).into_owned();
    let status = head.split(' ').nth(1)?.parse().ok()?;
    Some((status, head, out[end + 4..].to_vec()))
}

/// `GET target` with the given `Host` line (or none).
fn get_as(port: u16, target: &str, host: Option<&str>) -> (u16, String, String) {
    let host = host.map_or(String::new(), |h| format!("Host: {h}\r\n"));
    let req = format!("GET {target} HTTP/1.1\r\n{host}Connection: close\r\n\r\n");
    let (status, head, body) =
        exchange(port, req.as_bytes()).unwrap_or_else(|| panic!("no answer to {req:?}"));
    (status, head, String::from_utf8_lossy(&body).into_owned())
}

#[track_caller]
fn assert_alive(s: &Server) {
    let r = s.get("/");
    assert_eq!(r.status, 200, "the server stopped answering\n{}", s.log());
    assert!(
        !s.log().contains("panicked"),
        "kheo serve panicked:\n{}",
        s.log()
    );
}

#[test]
fn foreign_host_names_are_refused_on_every_route() {
    let s = Server::minimal();
    let port = s.port;
    let routes = ["/", MODEL_URL, "/__kheo/live.js", "/__kheo/events", "/nope"];
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_owned(),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
    ] {
        for target in routes {
            let (status, _, body) = get_as(port, target, Some(&host));
            assert_eq!(status, 421, "Host {host} {target}: {body}");
            assert!(
                !body.contains(OLD_TITLE),
                "Host {host} {target} leaked a page"
            );
        }
    }
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let (status, _, body) = get_as(port, MODEL_URL, Some(&host));
        assert_eq!(status, 200, "Host {host}");
        assert!(body.contains(OLD_TITLE), "Host {host}");
    }
    // HTTP/1.0 tools send no Host; from this machine that is fine.
    let (status, _, _) = get_as(port, MODEL_URL, None);
    assert_eq!(status, 200, "no Host from loopback");
    // Two Host headers: which one a proxy saw is unknowable.
    let twice = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
    );
    let (status, _, _) = exchange(port, twice.as_bytes()).expect("an answer");
    assert_eq!(status, 400, "two Host headers");
}

#[test]
fn a_server_on_every_interface_answers_ip_literals_but_not_other_names() {
    let site = fixture("minimal");
    let s = Server::start_args(site, &["--bind", "0.0.0.0"], &[]);
    let port = s.port;
    for host in [format!("192.0.2.7:{port}"), format!("127.0.0.1:{port}")] {
        let (status, _, _) = get_as(port, "/", Some(&host));
        assert_eq!(status, 200, "Host {host}");
    }
    for host in [
        format!("evil.example:{port}"),
        format!("my-pc.local:{port}"),
    ] {
        let (status, _, _) = get_as(port, "/", Some(&host));
        assert_eq!(status, 421, "Host {host}");
    }
}

#[test]
fn redirects_never_point_off_site() {
    let site = fixture("minimal");
    // A folder whose name looks like a host: `GET //evil.example` once answered
    // `Location: //evil.example/`, which browsers read as another site.
    write(
        site.path(),
        "static/evil.example/index.html",
        "<!doctype html><title>x</title><p>x</p>",
    );
    let s = Server::start(site);
    let port = s.port;
    s.wait_for_status("/evil.example/", 200);
    for target in [
        "//evil.example",
        "///evil.example",
        "/%2F/evil.example",
        "/%2fevil.example",
        "/evil.example",
        "/\\evil.example",
        "/%5Cevil.example",
        "//evil.example/",
    ] {
        let req = format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
        let (status, head, _) = exchange(port, req.as_bytes()).expect("an answer");
        let location = head.split("\r\n").find_map(|l| {
            l.to_ascii_lowercase()
                .starts_with("location:")
                .then(|| l[9..].trim().to_owned())
        });
        if let Some(to) = &location {
            assert!(
                to.starts_with('/') && !to.starts_with("//") && !to.starts_with("/\\"),
                "{target} redirected off-site: {to}"
            );
        }
        if target.contains('\\') || target.contains("%5C") {
            assert_eq!(status, 400, "{target}");
        } else if !target.ends_with('/') {
            assert_eq!(status, 301, "{target}");
            assert_eq!(location.as_deref(), Some("/evil.example/"), "{target}");
        }
    }
}

#[test]
fn hundreds_of_idle_connections_do_not_stop_the_server() {
    let s = Server::minimal();
    let threads_before = threads(s.pid(), false);
    let idle: Vec<TcpStream> = (0..300)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", s.port)).ok())
        .collect();
    assert!(idle.len() >= 250, "only {} connections opened", idle.len());
    // One thread per connection would be 300 more threads; at most 64 handle requests.
    if let (Some(before), Some(during)) = (threads_before, threads(s.pid(), true)) {
        assert!(
            during <= before + 64 + 4,
            "{before} threads before, {during} with 300 idle connections"
        );
    }
    // Busy answers (503) are allowed while the idle ones hold their places; within the
    // header deadline they are dropped and pages are served again.
    let served = poll(Duration::from_secs(30), || {
        let (status, _, body) = exchange(s.port, get_request(s.port, MODEL_URL).as_bytes())?;
        (status == 200 && String::from_utf8_lossy(&body).contains(OLD_TITLE)).then_some(())
    });
    assert!(
        served.is_some(),
        "no page within 30 s of 300 idle connections\n{}",
        s.log()
    );
    drop(idle);
    assert_alive(&s);
}

/// The number of threads of process `pid` (Linux only), after a second to settle when
/// `settle`.
fn threads(pid: u32, settle: bool) -> Option<usize> {
    if settle {
        std::thread::sleep(Duration::from_secs(1));
    }
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("Threads:"))?;
    line["Threads:".len()..].trim().parse().ok()
}

fn get_request(port: u16, target: &str) -> String {
    format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")
}

#[test]
fn a_client_sending_headers_a_byte_at_a_time_is_cut_off() {
    let s = Server::minimal();
    let mut c = TcpStream::connect(("127.0.0.1", s.port)).expect("connect");
    c.set_read_timeout(Some(Duration::from_millis(10)))
        .expect("timeout");
    let start = Instant::now();
    let header = get_request(s.port, "/").replace("\r\n\r\n", "\r\n");
    let drip = header.bytes().chain(std::iter::repeat(b'a'));
    let mut cut = false;
    for b in drip {
        if start.elapsed() > Duration::from_secs(30) {
            break;
        }
        if c.write_all(&[b]).is_err() {
            cut = true;
            break;
        }
        let mut buf = [0u8; 512];
        match c.read(&mut buf) {
            Ok(0) => {
                cut = true;
                break;
            }
            Ok(n) => {
                let text = String::from_utf8_lossy(&buf[..n]);
                assert!(text.starts_with("HTTP/1.1 408"), "answered {text:?}");
                cut = true;
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => {
                cut = true;
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(cut, "a slow client held its connection for 30 s");
    assert_alive(&s);
}

#[test]
fn event_streams_are_capped_apart_from_page_requests() {
    let s = Server::minimal();
    let mut open = Vec::new();
    let mut refused = 0;
    for _ in 0..40 {
        match Events::try_connect(s.port, "") {
            (200, Some(events)) => open.push(events),
            (503, _) => refused += 1,
            (status, _) => panic!("event stream answered {status}"),
        }
    }
    assert_eq!(open.len(), 32, "open streams");
    assert_eq!(refused, 8, "refused streams");
    // Open streams hold no request places: pages still load.
    for _ in 0..5 {
        assert_eq!(s.get(MODEL_URL).status, 200);
    }
    drop(open);
    // Closed streams are noticed within about a second (the limit here is generous).
    let again = poll(Duration::from_secs(30), || {
        let (status, events) = Events::try_connect(s.port, "");
        (status == 200).then_some(events)
    });
    assert!(
        again.is_some(),
        "closed streams never gave their places back"
    );
}

#[test]
fn hostile_requests_get_an_answer_and_never_crash_the_server() {
    let s = Server::minimal();
    let port = s.port;
    let host = format!("Host: 127.0.0.1:{port}\r\n");
    let long = "a".repeat(100_000);
    let many_headers = format!("X-A: {}\r\n", "b".repeat(100)).repeat(500);
    let cases: Vec<(Vec<u8>, &[u16])> = vec![
        (
            format!("GET /{long} HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[431],
        ),
        (
            format!("GET / HTTP/1.1\r\n{host}{many_headers}\r\n").into_bytes(),
            &[431],
        ),
        (
            format!("GET / HTTP/1.1\r\n{host}X-Long: {long}\r\n\r\n").into_bytes(),
            &[431],
        ),
        (b"GET /\xff\xfe HTTP/1.1\r\n\r\n".to_vec(), &[400]),
        (
            format!("GET / HTTP/1.1\r\n{host}X-A: \u{0}\r\n\r\n").into_bytes(),
            &[200],
        ),
        (
            [
                b"GET / HTTP/1.1\r\n".as_slice(),
                host.as_bytes(),
                b"X-A: \xc3\x28\r\n\r\n",
            ]
            .concat(),
            &[400],
        ),
        (
            format!("GET http://127.0.0.1:{port}/ HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[400],
        ),
        (
            format!("GET http://evil.example/ HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[400],
        ),
        (
            format!("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[400],
        ),
        (
            format!("GET /a\u{0}b HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[400],
        ),
        (
            format!("GET /a%00b HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[400],
        ),
        (
            format!("GET /%ff%fe HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[400],
        ),
        (
            format!("GET /% HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[400],
        ),
        (format!("GET * HTTP/1.1\r\n{host}\r\n").into_bytes(), &[400]),
        (
            format!("GET / HTTP/1.1\r\n{host}no colon here\r\n\r\n").into_bytes(),
            &[400],
        ),
        (format!("GET / HTTP/2.0\r\n{host}\r\n").into_bytes(), &[400]),
        (
            format!("GET  / HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[400],
        ),
        (
            format!("{long} / HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[431],
        ),
        (b"\r\n\r\n".to_vec(), &[400]),
        (b"GET\r\n\r\n".to_vec(), &[400]),
        (b"GET / HTTP/1.1\r\n".to_vec(), &[400]),
        (
            format!("GET / HTTP/1.1\n{}\n\n", host.trim_end()).into_bytes(),
            &[200],
        ),
        (
            format!("GET / HTTP/1.1\r\nHost: {long}\r\n\r\n").into_bytes(),
            &[431],
        ),
        (
            format!("GET / HTTP/1.1\r\nHost: \u{0}:{port}\r\n\r\n").into_bytes(),
            &[421],
        ),
        (
            format!("GET / HTTP/1.1\r\n{host}\r\nGET /x HTTP/1.1\r\n{host}\r\n").into_bytes(),
            &[200],
        ),
    ];
    for (req, expected) in cases {
        let shown = String::from_utf8_lossy(&req[..req.len().min(80)]).into_owned();
        // A refused request that was not read to its end may reset the connection
        // before the answer arrives: then only the server's survival is checked.
        if let Some((status, _, _)) = exchange(port, &req) {
            assert!(expected.contains(&status), "{shown:?}: status {status}");
        }
        assert_alive(&s);
    }
    // A connection closed at once, and one closed mid-line.
    drop(TcpStream::connect(("127.0.0.1", port)).expect("connect"));
    let mut half = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    half.write_all(b"GET /ha").expect("send");
    drop(half);
    assert_alive(&s);
}

#[test]
fn the_servers_own_answers_speak_the_sites_language() {
    // The minimal fixture does not set `language:`: the site speaks Vietnamese.
    let s = Server::start_with(fixture("minimal"), &[("KHEO_LANG", "vi")]);
    let (status, _, body) = get_as(s.port, "/", Some("may-cua-toi.local"));
    assert_eq!(status, 421, "{body}");
    assert!(
        body.contains("hãy mở đúng địa chỉ mà kheo serve đã in ra"),
        "{body}"
    );
    let (status, _, body) = get_as(s.port, "/%ff", Some(&format!("127.0.0.1:{}", s.port)));
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("Đường dẫn không hợp lệ"), "{body}");
}
