//! `kheo import FILE`: one draft article per row of a register (`.xlsx`, `.ods`, `.csv`).
//! Each row's text is validated with the site's own articles by `validate::articles`,
//! and problems are reported on the row's cell (`FILE:Sheet1!C7`). Writes only new
//! files, and only when every row is valid (or `--skip-invalid`); never overwrites.

mod columns;
mod row;
mod table;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostic::printable;
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Result;
use crate::load::Source;
use crate::new::{article_path, create, taken};
use crate::province::REGISTRY;
use crate::vietnamese::slugify;

/// What `kheo import` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The register.
    pub file: PathBuf,
    /// The sheet to read (default: the first).
    pub sheet: Option<String>,
    /// Report what would be written, write nothing.
    pub dry_run: bool,
    /// Write the valid rows and list the others, instead of writing nothing.
    pub skip_invalid: bool,
}

/// One data row on its way to a file.
#[derive(Debug)]
struct Planned {
    /// Index in `Table::rows`.
    index: usize,
    built: row::Built,
    /// Site-relative path of the article.
    rel: String,
    state: State,
    /// Its problems, already placed on cells.
    diags: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// To be written.
    New,
    /// The same text is already there: nothing to do.
    Already,
    /// Invalid, or something else is at its path.
    Invalid,
}

/// Runs the import and returns the exit status (0 done, 1 invalid rows, 2 unreadable).
pub fn run(opts: &ImportOptions) -> Result<u8> {
    let name = opts.file.display().to_string();
    let table = match table::read(&opts.file, opts.sheet.as_deref()) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("{}: {}", crate::t!("diag-error"), printable(&msg));
            return Ok(2);
        }
    };
    let Some(header) = columns::header(&table.rows) else {
        eprint!("{}", no_header(&name).render());
        return Ok(1);
    };
    let mut loaded = crate::load::site(&opts.root)?;
    let config = Config::parse(loaded.config_text.as_deref()).unwrap_or_default();
    let mut planned = plan(&table, &header, &opts.root, &config);
    let at = |p: &Planned, col: usize| format!("{name}:{}", table.cell_ref(p.index, col));
    validate(&mut loaded, &config, &mut planned, &header, &at);
    report(&planned, opts, &name, &table)
}

/// Builds every non-blank row and decides where it goes and whether it is there.
fn plan(
    table: &table::Table,
    header: &columns::Header,
    root: &Path,
    config: &Config,
) -> Vec<Planned> {
    let mut planned: Vec<Planned> = Vec::new();
    let mut paths: HashMap<String, usize> = HashMap::new();
    for (index, cells) in table.rows.iter().enumerate().skip(header.row + 1) {
        if row::is_blank(cells, header) {
            continue;
        }
        let built = row::build(cells, header, config);
        let province = REGISTRY
            .resolve(&built.province)
            .map_or("_", |p| REGISTRY.slug(p));
        let slug = built.slug.clone().unwrap_or_else(|| slugify(&built.title));
        let slug = if slug.is_empty() {
            format!("_row-{}", index + 1)
        } else {
            slug
        };
        let rel = article_path(province, built.year.unwrap_or(0), &slug);
        let mut p = Planned {
            index,
            built,
            rel,
            state: State::New,
            diags: Vec::new(),
        };
        if let Some(&first) = paths.get(&p.rel) {
            p.state = State::Invalid;
            let row = table.origin.0 as usize + planned[first].index + 1;
            let msg = crate::t!("e052", path = p.rel.as_str(), row = row);
            p.diags.push(problem("E052", msg, crate::t!("e052-help")));
        } else if taken(root, &p.rel) {
            let same = std::fs::read_to_string(root.join(&p.rel)).is_ok_and(|t| t == p.built.text);
            if same {
                p.state = State::Already;
            } else {
                p.state = State::Invalid;
                let msg = crate::t!("e051", path = p.rel.as_str());
                p.diags.push(problem("E051", msg, crate::t!("e051-help")));
            }
        }
        paths.entry(p.rel.clone()).or_insert(planned.len());
        planned.push(p);
    }
    planned
}

/// A problem of the import itself, placed on a cell later.
fn problem(code: &'static str, message: String, help: String) -> Diagnostic {
    Diagnostic::error(code, "", 0, 0, message).help(help)
}

fn no_header(name: &str) -> Diagnostic {
    Diagnostic::error("E050", name, 0, 0, crate::t!("e050")).help(crate::t!("e050-help"))
}

/// Validates the new rows together with the site's articles (so a slug taken by an
/// existing story is seen), then puts each problem on the cell of the line it names.
fn validate(
    loaded: &mut crate::load::Loaded,
    config: &Config,
    planned: &mut [Planned],
    header: &columns::Header,
    at: &dyn Fn(&Planned, usize) -> String,
) {
    // The rows go after the site's files: a clash is then reported on the row.
    let mut by_path = HashMap::new();
    for (i, p) in planned.iter().enumerate() {
        if p.state == State::New {
            by_path.insert(p.rel.clone(), i);
            loaded
                .content
                .sources
                .push(Source::new(&p.rel, p.built.text.as_str(), None));
        }
    }
    let opts = crate::validate::Options {
        drafts: true,
        max_year: crate::validate::next_year(),
    };
    let (_, diags) = crate::validate::articles(loaded, config, opts, None);
    for d in diags {
        if let Some(&i) = by_path.get(&d.path) {
            planned[i].diags.push(d);
        }
    }
    let title_col = header.find("title").unwrap_or(0);
    for p in planned.iter_mut() {
        let mut diags = std::mem::take(&mut p.diags);
        for d in &mut diags {
            let col = cell_of(d, &p.built, header).unwrap_or(title_col);
            place(d, at(p, col), header, col);
        }
        p.diags = diags;
        if p.diags.iter().any(Diagnostic::is_error) {
            p.state = State::Invalid;
        }
    }
}

/// The column a validator diagnostic is about: its line's column, or for a missing key
/// (reported on the first line) that key's column.
fn cell_of(d: &Diagnostic, built: &row::Built, header: &columns::Header) -> Option<usize> {
    if d.code == "E010" {
        let key = d.message.split('`').nth(1)?;
        return header.find(key);
    }
    built.lines.get(d.line.checked_sub(1)?).copied().flatten()
}

/// Moves a diagnostic onto a cell: its path becomes `FILE:Sheet1!C7`, and a missing
/// key's help speaks of columns rather than front matter lines.
fn place(d: &mut Diagnostic, cell: String, header: &columns::Header, col: usize) {
    if d.code == "E010" {
        let key = d.message.split('`').nth(1).unwrap_or("");
        d.help = Some(if header.find(key) == Some(col) {
            crate::t!("import-fill-cell")
        } else {
            crate::t!("import-add-column", key = key)
        });
    }
    d.path = cell;
    d.line = 0;
    d.col = 0;
    d.source_line = None;
}

/// Prints problems and writes what may be written.
fn report(
    planned: &[Planned],
    opts: &ImportOptions,
    name: &str,
    table: &table::Table,
) -> Result<u8> {
    let invalid: Vec<&Planned> = planned
        .iter()
        .filter(|p| p.state == State::Invalid)
        .collect();
    print_problems(planned);
    let errors = planned
        .iter()
        .flat_map(|p| &p.diags)
        .filter(|d| d.is_error())
        .count();
    if !invalid.is_empty() && !opts.skip_invalid {
        eprintln!(
            "{}",
            crate::t!(
                "import-failed",
                errors = errors,
                invalid = invalid.len(),
                rows = planned.len(),
                file = printable(name).into_owned(),
            )
        );
        return Ok(1);
    }
    let already = planned.iter().filter(|p| p.state == State::Already).count();
    let mut written = 0;
    for p in planned.iter().filter(|p| p.state == State::New) {
        if !opts.dry_run {
            create(&opts.root, &p.rel, &p.built.text)?;
        }
        println!("{}", p.rel);
        written += 1;
    }
    for p in &invalid {
        let row = table.origin.0 as usize + p.index + 1;
        let title = printable(&p.built.title).into_owned();
        eprintln!("{}", crate::t!("import-skipped", row = row, title = title));
    }
    let id = if opts.dry_run {
        "import-would"
    } else {
        "import-done"
    };
    eprintln!(
        "{}",
        crate::t!(
            id,
            written = written,
            file = printable(name).into_owned(),
            already = already,
            skipped = invalid.len(),
        )
    );
    Ok(0)
}

/// Errors in full; warnings (a register rarely has summaries) at most ten, then a count.
fn print_problems(planned: &[Planned]) {
    const MAX_WARNINGS: usize = 10;
    let mut warnings: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut out = String::new();
    for d in planned.iter().flat_map(|p| &p.diags) {
        if d.severity == Severity::Warning {
            let n = warnings.entry(d.code).or_default();
            *n += 1;
            if *n > MAX_WARNINGS {
                continue;
            }
        }
        out.push_str(&d.render());
        out.push('\n');
    }
    for (code, n) in warnings.into_iter().filter(|(_, n)| *n > MAX_WARNINGS) {
        let more = crate::t!("import-more-warnings", n = n - MAX_WARNINGS, code = code);
        out.push_str(&format!("{more}\n"));
    }
    eprint!("{out}");
}
