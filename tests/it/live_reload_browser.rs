//! Live reload in real headless Chromium: a model page served by `kheo serve` reloads
//! itself when its article changes (the test never navigates again), and a broken edit
//! shows the error overlay. No Chromium: skipped, unless `CI` is set.

#![cfg(unix)]

use std::time::Duration;

use serde_json::json;

use super::cdp::{self, Browser};
use super::serve::{MODEL, MODEL_URL, OLD_TITLE, Server, article, write_atomic};

const WAIT: Duration = Duration::from_secs(20);

/// Opens the model page and waits until its live-reload stream is open; marks the
/// document so a reload can be told from the same page.
fn open_model_page(b: &mut Browser, s: &Server) {
    b.add_init_script(crate::cdp::TRACK_EVENT_SOURCES);
    b.navigate(&s.url(MODEL_URL));
    let listening = "window.__kheoSources.some((e) => e.readyState === 1 /* OPEN */)";
    if b.wait_until(listening, WAIT).is_none() {
        panic!("the page never opened /__kheo/events\n{}", s.log());
    }
    b.eval("window.__kheoSamePage = true");
}

/// Milliseconds since the Unix epoch (the clock `performance.timeOrigin` uses).
fn epoch_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs_f64()
        * 1000.0
}

fn h1(b: &mut Browser) -> String {
    b.eval("document.querySelector('h1').textContent")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Waits until the page's `<h1>` is `title`.
#[track_caller]
fn wait_for_h1(b: &mut Browser, s: &Server, title: &str) {
    let js = format!(
        "document.querySelector('h1') && document.querySelector('h1').textContent === {}",
        json!(title)
    );
    if b.wait_until(&js, WAIT).is_none() {
        panic!(
            "the page never showed {title:?} (now {:?})\n--- server log\n{}",
            h1(b),
            s.log()
        );
    }
}

#[test]
fn an_open_page_reloads_itself_after_an_edit() {
    let Some(mut b) = cdp::launch() else { return };
    let s = Server::minimal();
    open_model_page(&mut b, &s);
    assert_eq!(h1(&mut b), OLD_TITLE);

    let new_title = "Nông dân liên kết trồng lúa hữu cơ";
    let written = epoch_ms();
    write_atomic(s.root(), MODEL, &article(new_title, "2024"));
    wait_for_h1(&mut b, &s, new_title);
    // From the write to the reloaded page's DOMContentLoaded, by the browser's clock.
    let loaded = b.eval(
        "performance.timeOrigin + performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd",
    );
    eprintln!(
        "edit → page reloaded in the browser: {:.0} ms",
        loaded.as_f64().unwrap_or_default() - written
    );
    assert_eq!(
        b.eval("window.__kheoSamePage === undefined"),
        json!(true),
        "the new title arrived without a reload"
    );
    assert_eq!(b.eval("location.pathname"), json!(MODEL_URL));
}

#[test]
fn a_broken_edit_shows_the_overlay_and_the_fix_reloads() {
    let Some(mut b) = cdp::launch() else { return };
    let s = Server::minimal();
    open_model_page(&mut b, &s);

    write_atomic(s.root(), MODEL, &article("Tiêu đề dở dang", "năm 2024"));
    let overlay = "document.getElementById('kheo-overlay')?.textContent";
    let text = b
        .wait_until(overlay, WAIT)
        .unwrap_or_else(|| panic!("no #kheo-overlay after a broken edit\n{}", s.log()));
    let text = text.as_str().unwrap_or_default();
    assert!(text.contains(MODEL), "overlay: {text}");
    // The overlay sits on the last good page; the page itself was not reloaded.
    assert_eq!(h1(&mut b), OLD_TITLE);
    assert_eq!(b.eval("window.__kheoSamePage"), json!(true));

    let fixed = "Nông dân liên kết trồng lúa sạch, đã sửa";
    write_atomic(s.root(), MODEL, &article(fixed, "2024"));
    wait_for_h1(&mut b, &s, fixed);
    assert_eq!(
        b.eval("document.getElementById('kheo-overlay') === null"),
        json!(true),
        "the overlay is gone after the fix"
    );
}
