//! A small Chrome DevTools Protocol client for browser tests: headless Chromium started
//! with `--remote-debugging-pipe`, one page, NUL-terminated JSON over fds 3 and 4. A
//! `/bin/sh` wrapper moves our stdin/stdout pipes onto fds 3/4 (no `unsafe` pre_exec).
//! API: `launch()`, `navigate(url)`, `eval(js)`, `wait_until(js, limit)`,
//! `add_init_script(js)`; dropping the `Browser` closes Chromium. Unix only.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long one protocol call may take.
const CALL_LIMIT: Duration = Duration::from_secs(30);

/// Flags for a quiet headless Chromium on a machine without network: without the
/// background-networking ones it keeps trying hosts it cannot reach.
pub const HEADLESS_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// Records every `EventSource` the page opens, so the test can wait until live reload
/// is listening before it edits anything.
pub const TRACK_EVENT_SOURCES: &str = r"
(() => {
  const Native = window.EventSource;
  window.__kheoSources = [];
  window.EventSource = function (url, options) {
    const es = new Native(url, options);
    window.__kheoSources.push(es);
    return es;
  };
  window.EventSource.prototype = Native.prototype;
})();
";

/// The Chromium binary: `KHEO_CHROMIUM`, `/usr/bin/chromium`, or one on PATH.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("KHEO_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs: Vec<PathBuf> = std::iter::once(PathBuf::from("/usr/bin"))
        .chain(std::env::split_paths(&path))
        .collect();
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| dirs.iter().map(move |d| d.join(name)))
    .find(|p| p.is_file())
}

/// Starts headless Chromium with one blank page, or returns `None` after printing
/// "chromium not found: browser tests skipped" (a panic instead when `CI` is set).
pub fn launch() -> Option<Browser> {
    let Some(binary) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium not found, and CI is set"
        );
        eprintln!("chromium not found: browser tests skipped");
        return None;
    };
    Some(Browser::start(binary))
}

/// A running Chromium attached to one page; dropping it closes the browser.
pub struct Browser {
    child: Child,
    input: Option<ChildStdin>,
    replies: Receiver<Value>,
    next_id: u64,
    session: String,
    log: Arc<Mutex<String>>,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start(binary: PathBuf) -> Browser {
        let profile = tempfile::tempdir().expect("profile dir");
        // Our stdin becomes Chromium's fd 3 (commands in), our stdout its fd 4 (replies).
        let mut child = Command::new("/bin/sh")
            .arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>&2"#)
            .arg(&binary)
            .args(HEADLESS_FLAGS)
            .arg("--remote-debugging-pipe")
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", binary.display()));
        let input = child.stdin.take();
        let output = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = sink
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                if log.len() < 64 * 1024 {
                    log.push_str(&line);
                    log.push('\n');
                }
            }
        });
        let (tx, replies) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(output);
            let mut message = Vec::new();
            while reader.read_until(0, &mut message).is_ok_and(|n| n > 0) {
                if message.last() == Some(&0) {
                    message.pop();
                }
                if let Ok(v) = serde_json::from_slice::<Value>(&message)
                    && tx.send(v).is_err()
                {
                    return;
                }
                message.clear();
            }
        });
        // The guard exists before the first call, so a failed start still cleans up.
        let mut browser = Browser {
            child,
            input,
            replies,
            next_id: 0,
            session: String::new(),
            log,
            _profile: profile,
        };
        let target = browser
            .send(None, "Target.createTarget", json!({ "url": "about:blank" }))
            .unwrap_or_else(|e| panic!("create a page: {e}\n{}", browser.log()));
        let target_id = target["targetId"].as_str().expect("targetId").to_owned();
        let attached = browser
            .send(
                None,
                "Target.attachToTarget",
                json!({ "targetId": target_id, "flatten": true }),
            )
            .unwrap_or_else(|e| panic!("attach to the page: {e}\n{}", browser.log()));
        browser.session = attached["sessionId"]
            .as_str()
            .expect("sessionId")
            .to_owned();
        // Init scripts and navigation need the page domain on.
        browser
            .call("Page.enable", json!({}))
            .unwrap_or_else(|e| panic!("{e}\n{}", browser.log()));
        browser
    }

    /// Chromium's standard error so far (for failure messages).
    pub fn log(&self) -> String {
        self.log
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Sends one command (to the page's session, or to the browser if `None`) and waits
    /// for its reply, skipping events. `Err` carries the protocol's error message.
    fn send(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
    ) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            message["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&message).map_err(|e| e.to_string())?;
        bytes.push(0);
        let input = self.input.as_mut().ok_or("browser closed")?;
        input
            .write_all(&bytes)
            .and_then(|()| input.flush())
            .map_err(|e| format!("{method}: write to chromium: {e}"))?;
        let deadline = Instant::now() + CALL_LIMIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let reply = match self.replies.recv_timeout(left) {
                Ok(r) => r,
                Err(RecvTimeoutError::Timeout) => return Err(format!("{method}: no reply")),
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(format!("{method}: chromium exited"));
                }
            };
            if reply["id"].as_u64() != Some(id) {
                continue;
            }
            if let Some(e) = reply.get("error") {
                return Err(format!("{method}: {e}"));
            }
            return Ok(reply["result"].clone());
        }
    }

    /// Sends a command to the page.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        let session = self.session.clone();
        self.send(Some(&session), method, params)
    }

    /// Runs `js` in every new document of the page before its own scripts.
    pub fn add_init_script(&mut self, js: &str) {
        self.call(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": js }),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }

    /// Loads `url` and waits (at most 30 s) until the document is complete.
    #[track_caller]
    pub fn navigate(&mut self, url: &str) {
        let r = self
            .call("Page.navigate", json!({ "url": url }))
            .unwrap_or_else(|e| panic!("{e}"));
        if let Some(err) = r.get("errorText") {
            panic!("navigate to {url}: {err}");
        }
        let ready = format!(
            "document.readyState === 'complete' && location.href === {}",
            json!(url)
        );
        if self.wait_until(&ready, CALL_LIMIT).is_none() {
            panic!("{url} did not finish loading in {CALL_LIMIT:?}");
        }
    }

    /// Evaluates `js` in the page (promises awaited) and returns its value; `Err` if it
    /// threw or the page was between documents.
    pub fn try_eval(&mut self, js: &str) -> Result<Value, String> {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": js, "returnByValue": true, "awaitPromise": true }),
        )?;
        if let Some(e) = r.get("exceptionDetails") {
            return Err(format!("{js}: {e}"));
        }
        Ok(r["result"].get("value").cloned().unwrap_or(Value::Null))
    }

    /// Evaluates `js` in the page and returns its value; panics if it threw.
    #[track_caller]
    pub fn eval(&mut self, js: &str) -> Value {
        self.try_eval(js).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Evaluates `js` every 25 ms until it gives a truthy value (returned), for at most
    /// `limit`. Errors (a page reloading) count as not yet.
    pub fn wait_until(&mut self, js: &str, limit: Duration) -> Option<Value> {
        let start = Instant::now();
        loop {
            if let Ok(v) = self.try_eval(js)
                && truthy(&v)
            {
                return Some(v);
            }
            if start.elapsed() > limit {
                return None;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

/// JavaScript truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ask politely, then close the pipe (Chromium exits when it closes), then kill.
        if let Some(mut input) = self.input.take() {
            let _ = input.write_all(b"{\"id\":0,\"method\":\"Browser.close\"}\0");
            let _ = input.flush();
        }
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
