//! The command line: arguments parsed by clap into validated options, one function
//! per subcommand, diagnostics printed to stderr, and the exit status of the SPEC
//! (0 success, 1 content or template errors, 2 bad usage or I/O failure).

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::{self, Diagnostic};
use crate::error::Error;
use crate::{BuildOptions, Outcome};

/// kheo: builds a site of "Dân vận khéo" model stories from Markdown.
#[derive(Debug, Parser)]
#[command(name = "kheo", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages: vi (default) or en. Also KHEO_LANG; otherwise the site's
    /// `language`, then the system's LANG.
    #[arg(long, global = true, value_name = "vi|en")]
    lang: Option<String>,
}

impl Command {
    /// The site folder the command works on, if it has one.
    fn root(&self) -> Option<&std::path::Path> {
        match self {
            Command::Build { root, .. }
            | Command::Check { root, .. }
            | Command::Serve { root, .. }
            | Command::Schema { root }
            | Command::New { root, .. }
            | Command::Import { root, .. } => Some(&root.root),
            Command::Init { .. } => None,
        }
    }
}

impl Command {
    /// The site folder of the commands that need one to hold `site.yaml` (all but
    /// `init`, which makes one, and `schema`, which has defaults for everything).
    fn site_root(&self) -> Option<&std::path::Path> {
        match self {
            Command::Schema { .. } => None,
            _ => self.root(),
        }
    }
}

/// Sets the language of messages before anything is said (see `i18n::choose`).
fn choose_language(cli: &Cli) {
    let site = cli
        .command
        .root()
        .and_then(|r| crate::load::config_text(r).ok().flatten())
        // A site speaks its `language:`, Vietnamese unless it says otherwise (SPEC §1):
        // the system's LANG only counts where there is no site.
        .map(|text| {
            crate::config::loose_setting(&text, "language").unwrap_or_else(|| "vi".to_owned())
        });
    crate::i18n::set(crate::i18n::choose(cli.lang.as_deref(), site.as_deref()));
}

#[derive(Debug, clap::Args)]
struct Root {
    /// The site folder (holds site.yaml and content/).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into public/ (atomically: a failed build changes nothing).
    Build {
        #[command(flatten)]
        root: Root,
        /// Output folder (default: <root>/public).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Base URL of the published site, overriding site.yaml.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include articles marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Build even if there is no article to publish (an empty site).
        #[arg(long)]
        allow_empty: bool,
        /// Build everything from nothing: ignore and remove .kheo-cache/build-state.
        #[arg(long)]
        no_cache: bool,
        /// Print the time of each stage.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Validate everything `build` would, and write nothing.
    Check {
        #[command(flatten)]
        root: Root,
        /// Include drafts.
        #[arg(long)]
        drafts: bool,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
        /// Accept a site with no article to publish.
        #[arg(long)]
        allow_empty: bool,
        /// How to print problems.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Build into memory, serve on 127.0.0.1, rebuild on change and reload open tabs.
    Serve {
        #[command(flatten)]
        root: Root,
        /// Port (0 picks a free one; the address is printed on stdout).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but 127.0.0.1 exposes the preview to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Include drafts (default: yes in serve, so editors see what they write).
        #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
        drafts: bool,
        /// Poll for changes instead of native file events (network drives, some VMs).
        #[arg(long)]
        poll: bool,
    },
    /// Create a new, empty site in DIR that builds at once.
    Init {
        /// The folder to create (must be new or empty).
        dir: PathBuf,
    },
    /// Print a JSON Schema of the front matter (for editors' YAML tooling).
    Schema {
        #[command(flatten)]
        root: Root,
    },
    /// Start a new article with valid front matter and print its path.
    New {
        #[command(flatten)]
        root: Root,
        /// The model's name.
        title: String,
        /// Province or city (diacritics optional; a pre-2025 province is fine).
        #[arg(long)]
        province: String,
        /// Field, one of those in site.yaml (diacritics optional).
        #[arg(long)]
        field: String,
        /// Year recognised (default: this year).
        #[arg(long)]
        year: Option<i32>,
    },
    /// Make one draft article per row of a register (.xlsx, .ods or .csv).
    Import {
        #[command(flatten)]
        root: Root,
        /// The register.
        file: PathBuf,
        /// The sheet to read (default: the first).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Validate and list the files it would write, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write the valid rows and list the invalid ones (default: write nothing if any row is invalid).
        #[arg(long)]
        skip_invalid: bool,
    },
}

/// Output formats of `kheo check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Human-readable blocks, as `build` prints them.
    Text,
    /// One JSON object per line, per diagnostic.
    Json,
    /// GitHub Actions annotations.
    Github,
}

/// Runs the command line and returns the process exit status.
pub fn main() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    choose_language(&cli);
    if let Some(root) = cli.command.site_root()
        && let Err(e) = crate::load::require_site(root)
    {
        eprintln!("{}: {e}", crate::t!("diag-error"));
        return e.exit_code();
    }
    let result = match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            drafts,
            allow_empty,
            no_cache,
            verbose,
        } => build(
            BuildOptions {
                root: root.root,
                out,
                base_url,
                drafts,
                allow_empty,
                no_cache,
            },
            verbose,
        ),
        Command::Check {
            root,
            drafts,
            strict,
            allow_empty,
            format,
        } => check(
            BuildOptions {
                root: root.root,
                drafts,
                allow_empty,
                ..Default::default()
            },
            strict,
            format,
        ),
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            poll,
        } => crate::serve::run(crate::serve::ServeOptions {
            root: root.root,
            bind,
            port,
            drafts,
            poll,
        }),
        Command::Init { dir } => crate::init::run(&dir),
        Command::Schema { root } => schema(&root.root),
        Command::New {
            root,
            title,
            province,
            field,
            year,
        } => crate::new::run(&root.root, &title, &province, &field, year),
        Command::Import {
            root,
            file,
            sheet,
            dry_run,
            skip_invalid,
        } => crate::import::run(&crate::import::ImportOptions {
            root: root.root,
            file,
            sheet,
            dry_run,
            skip_invalid,
        }),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let text = e.to_string();
            eprintln!(
                "{}: {}",
                crate::t!("diag-error"),
                diagnostic::printable(&text)
            );
            e.exit_code()
        }
    }
}

/// Writes lines to stdout, stopping quietly if the reader went away (`| head`).
fn print_lines(lines: impl Iterator<Item = String>) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
}

fn print_diagnostics(diags: &[Diagnostic]) {
    let mut out = String::new();
    for d in diags {
        out.push_str(&d.render());
        out.push('\n');
    }
    eprint!("{out}");
}

fn build(opts: BuildOptions, verbose: bool) -> Result<u8, Error> {
    let start = Instant::now();
    let tty = std::io::stderr().is_terminal();
    if tty {
        let root = opts.root.display().to_string();
        eprint!(
            "{} …\r",
            crate::t!(
                "cli-building",
                root = diagnostic::printable(&root).into_owned()
            )
        );
    }
    let outcome = crate::build(&opts)?;
    if tty {
        eprint!("\x1b[2K");
    }
    print_diagnostics(&outcome.diagnostics);
    for notice in &outcome.notices {
        eprintln!("{}", diagnostic::printable(&notice.to_string()));
    }
    if verbose {
        for (stage, d) in &outcome.timings {
            eprintln!("  {stage:<24} {:>8.1} ms", d.as_secs_f64() * 1000.0);
        }
    }
    if outcome.has_errors() {
        eprintln!(
            "{}",
            crate::t!(
                "cli-build-failed",
                summary = diagnostic::summary(&outcome.diagnostics)
            )
        );
        return Ok(1);
    }
    let warnings = if outcome.diagnostics.is_empty() {
        String::new()
    } else {
        format!(" ({})", diagnostic::summary(&outcome.diagnostics))
    };
    let out = outcome
        .out
        .as_ref()
        .map_or_else(String::new, |p| p.display().to_string());
    let (out, seconds) = (
        diagnostic::printable(&out).into_owned(),
        format!("{:.2}", start.elapsed().as_secs_f64()),
    );
    let line = if outcome.incremental {
        crate::t!(
            "cli-built-changes",
            models = outcome.models,
            pages = outcome.pages,
            written = outcome.files.0,
            removed = outcome.files.1,
            out = out,
            seconds = seconds,
        )
    } else {
        crate::t!(
            "cli-built",
            models = outcome.models,
            pages = outcome.pages,
            out = out,
            seconds = seconds,
        )
    };
    eprintln!("{line}{warnings}");
    Ok(0)
}

fn schema(root: &std::path::Path) -> Result<u8, Error> {
    let text = crate::load::config_text(root)?;
    let config = crate::config::Config::parse(text.as_deref()).unwrap_or_default();
    let schema = crate::schema::front_matter(&config, crate::validate::next_year());
    print_lines(std::iter::once(
        serde_json::to_string_pretty(&schema).unwrap_or_default(),
    ));
    Ok(0)
}

fn check(opts: BuildOptions, strict: bool, format: Format) -> Result<u8, Error> {
    let outcome: Outcome = crate::check(&opts)?;
    match format {
        Format::Text => {
            print_diagnostics(&outcome.diagnostics);
            if outcome.diagnostics.is_empty() {
                eprintln!("{}", crate::t!("cli-check-ok", models = outcome.models));
            } else {
                eprintln!("{}", diagnostic::summary(&outcome.diagnostics));
            }
        }
        Format::Json => print_lines(
            outcome
                .diagnostics
                .iter()
                .map(|d| serde_json::to_string(d).unwrap_or_default()),
        ),
        Format::Github => print_lines(outcome.diagnostics.iter().map(Diagnostic::render_github)),
    }
    let failed = outcome.has_errors() || (strict && !outcome.diagnostics.is_empty());
    Ok(u8::from(failed))
}
