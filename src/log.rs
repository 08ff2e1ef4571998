//! Debug timings on stderr when `KHEO_LOG=debug`: one line per stage, so a slow
//! build or rebuild can be explained without a profiler. Off by default.

use std::sync::LazyLock;
use std::time::Instant;

static ENABLED: LazyLock<bool> =
    LazyLock::new(|| std::env::var("KHEO_LOG").is_ok_and(|v| v == "debug"));

/// True when debug logging is on.
pub fn enabled() -> bool {
    *ENABLED
}

/// Logs how long a stage took since `since`, when debug logging is on, with the
/// process's resident and peak memory and its CPU time at its end (Linux; blank
/// elsewhere).
pub fn stage(name: &str, since: Instant) {
    if enabled() {
        eprintln!(
            "debug: {name:<28} {:>9.2} ms{}",
            since.elapsed().as_secs_f64() * 1000.0,
            memory()
        );
    }
}

/// Logs a line of explanation (why a stage took the path it took), when debug logging
/// is on.
pub fn note(text: &str) {
    if enabled() {
        eprintln!("debug: {text}");
    }
}

/// `  (rss N MB, peak N MB)` from /proc/self/status, or "" where that is missing.
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let mb = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    format!(
        "  (rss {} MB, peak {} MB, cpu {})",
        mb("VmRSS:"),
        mb("VmHWM:"),
        cpu()
    )
}

/// The process's CPU time so far (user + system), from /proc/self/stat: with the
/// stage's wall time it shows how busy the cores were.
fn cpu() -> String {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces), from field 3 on.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    // Linux reports in USER_HZ, 100 per second on every common configuration.
    format!("{:.2} s", ticks as f64 / 100.0)
}
