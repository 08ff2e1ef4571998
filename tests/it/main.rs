//! kheo's integration tests: one binary, a module per feature. Each test copies a
//! fixture site from `tests/fixtures/<case>/` into a temporary folder and runs the real
//! `kheo` binary on it.

mod architecture;
mod bad_input;
mod browser;
mod build;
mod cdp;
mod check_new;
mod cms;
mod cms_browser;
mod diagnostics;
mod editors_cli;
mod editors_keys;
mod editors_preview;
mod editors_yaml;
mod footprint;
mod images;
mod import;
mod incremental;
mod init_schema;
mod injection;
mod journalists;
mod lean;
mod live_reload_browser;
mod load_boundary;
mod output_safety;
mod property;
mod readers;
mod schema_agreement;
mod search;
mod search_filters_browser;
mod serve;
mod serve_safety;
mod stats_data;
mod stats_links;
mod stats_theme;
mod support;
mod theme;
mod validation_safety;
