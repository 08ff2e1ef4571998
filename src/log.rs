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

/// Logs how long a stage took since `since`, when debug logging is on.
pub fn stage(name: &str, since: Instant) {
    if enabled() {
        eprintln!(
            "debug: {name:<28} {:>9.2} ms",
            since.elapsed().as_secs_f64() * 1000.0
        );
    }
}
