//! Counts and charts for the home page and `/thong-ke/`: models by province, field
//! and year, and a province × field table. Charts are SVG drawn here at build time
//! (no JavaScript), each bar a link with its number as text, so screen readers and
//! print get the figures too.

use serde::Serialize;

use crate::escape::html as escape;
use crate::i18n::Strings;
use crate::province::REGISTRY;
use crate::taxonomy::Site;

/// Headline numbers.
#[derive(Debug, Serialize, Clone, Copy)]
pub struct Counts {
    /// Listed models.
    pub models: usize,
    /// Current units with at least one model.
    pub provinces: usize,
    /// Fields with at least one model.
    pub fields: usize,
    /// Distinct years.
    pub years: usize,
    /// Distinct tags.
    pub tags: usize,
}

/// Computes the headline numbers.
pub fn counts(site: &Site) -> Counts {
    Counts {
        models: site.listed.len(),
        provinces: site.units.iter().filter(|t| !t.items.is_empty()).count(),
        fields: site.fields.iter().filter(|t| !t.items.is_empty()).count(),
        years: site.years.len(),
        tags: site.tags.len(),
    }
}

/// The JSON Schema of `/du-lieu/thong-ke.json` (`schemas/thong-ke.schema.json` in the
/// repository), published beside it as `/du-lieu/thong-ke.schema.json`.
pub const SCHEMA: &str = include_str!("../schemas/thong-ke.schema.json");

mod figures;
pub mod map;

pub use figures::{Bar, Table};
pub(crate) use figures::{KINDS, LEVELS, Scope, by_former, organisation, tables};

/// A chart: its bars (as data, for tables) and the SVG (safe HTML).
#[derive(Debug, Serialize)]
pub struct Chart {
    /// Stable id of its table in the data files (`tinh`, `linh-vuc`, `nam`,
    /// `giai-doan`, `cap`, `to-chuc`, `tinh-cu`).
    pub id: &'static str,
    /// Heading.
    pub title: String,
    /// The data.
    pub bars: Vec<Bar>,
    /// Inline SVG.
    pub svg: String,
}

/// One row of the province × field table.
#[derive(Debug, Serialize)]
pub struct MatrixRow {
    /// Province name.
    pub label: String,
    /// Site path of the province page.
    pub url: String,
    /// Count per field, in field order.
    pub counts: Vec<usize>,
    /// The same counts with the province's list narrowed to that field (null when 0).
    pub cells: Vec<Cell>,
    /// Row total.
    pub total: usize,
}

/// One cell of the province × field table.
#[derive(Debug, Serialize)]
pub struct Cell {
    /// Number of models.
    pub count: usize,
    /// Site path of the province's list for that field; null when there are none.
    pub url: Option<String>,
}

/// The statistics page's data (its fields are top-level template variables).
#[derive(Debug, Serialize)]
pub struct StatsView {
    /// Headline numbers.
    pub counts: Counts,
    /// Models by province, by field, by year.
    pub charts: Vec<Chart>,
    /// Field names (table columns).
    pub matrix_fields: Vec<String>,
    /// Province × field table, provinces with models only.
    pub matrix: Vec<MatrixRow>,
    /// Column totals of the table, per field, in field order.
    pub matrix_totals: Vec<usize>,
    /// The same column totals, each with the site path of its field's list.
    pub matrix_total_cells: Vec<Cell>,
    /// The tile-grid map of the 34 units, with its numbers.
    pub map: map::MapView,
}

/// The tables of the whole site: by province, then those of `figures::tables`.
pub(crate) fn site_tables(site: &Site) -> Vec<Table> {
    let base = site.config.base_path.as_str();
    let mut provinces: Vec<Bar> = site
        .units
        .iter()
        .filter(|t| !t.items.is_empty())
        .map(|t| Bar {
            key: t.slug.clone(),
            label: t.name.clone(),
            url: Some(format!("{base}/tinh/{}/", t.slug)),
            count: t.items.len(),
        })
        .collect();
    provinces.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| crate::vietnamese::collate(&a.label, &b.label))
    });
    let scope = Scope {
        list: format!("{base}/"),
        province: None,
        base,
    };
    let mut out = vec![Table {
        id: "tinh",
        title: "Theo tỉnh, thành phố",
        bars: provinces,
    }];
    out.extend(tables(site, &site.listed, &scope));
    out
}

/// The tables of unit `unit` (an index into `site.units`): its own figures and its
/// former provinces'.
pub(crate) fn unit_tables(site: &Site, unit: usize) -> Vec<Table> {
    let t = &site.units[unit];
    let base = site.config.base_path.as_str();
    let scope = Scope {
        list: format!("{base}/tinh/{}/", t.slug),
        province: Some(&t.slug),
        base,
    };
    let mut out = tables(site, &t.items, &scope);
    if !REGISTRY.units[site.unit_ids[unit]].former.is_empty() {
        out.push(by_former(site, unit, &t.items, base));
    }
    out
}

/// The chart of a table, titled from the theme's strings (`chart_by_<id>`).
fn chart_of(table: Table, strings: &Strings) -> Chart {
    let key = match table.id {
        "tinh" => "chart_by_province",
        "linh-vuc" => "chart_by_field",
        "nam" => "chart_by_year",
        "giai-doan" => "chart_by_period",
        "cap" => "chart_by_level",
        "to-chuc" => "chart_by_organisation",
        _ => "chart_by_former",
    };
    let mut c = chart(
        strings.get(key),
        table.bars,
        strings.get("models"),
        strings.get("total"),
    );
    c.id = table.id;
    c
}

/// A unit's own figures, for its list page: every chart of `/thong-ke/` narrowed to
/// it, with its former provinces; `None` for any other list.
pub fn unit_figures(site: &Site, strings: &Strings, slug: &str) -> Option<Vec<Chart>> {
    let unit = site.units.iter().position(|t| t.slug == slug)?;
    if site.units[unit].items.is_empty() {
        return None;
    }
    Some(
        unit_tables(site, unit)
            .into_iter()
            .filter(|t| !t.bars.is_empty())
            .map(|t| chart_of(t, strings))
            .collect(),
    )
}

/// Builds the statistics view.
pub fn view(site: &Site, strings: &Strings) -> StatsView {
    let charts = site_tables(site)
        .into_iter()
        .map(|t| chart_of(t, strings))
        .collect();
    let matrix = site
        .units
        .iter()
        .filter(|t| !t.items.is_empty())
        .map(|t| {
            let mut counts = vec![0; site.fields.len()];
            for &a in &t.items {
                counts[site.articles[a].field] += 1;
            }
            let url = format!("{}/tinh/{}/", site.config.base_path, t.slug);
            let cells = counts
                .iter()
                .zip(&site.fields)
                .map(|(&count, f)| Cell {
                    count,
                    url: (count > 0).then(|| format!("{url}linh-vuc/{}/", f.slug)),
                })
                .collect();
            MatrixRow {
                label: t.name.clone(),
                url,
                total: t.items.len(),
                counts,
                cells,
            }
        })
        .collect();
    StatsView {
        counts: counts(site),
        charts,
        matrix_fields: site.fields.iter().map(|f| f.name.clone()).collect(),
        matrix,
        matrix_totals: site.fields.iter().map(|f| f.items.len()).collect(),
        matrix_total_cells: site
            .fields
            .iter()
            .map(|f| Cell {
                count: f.items.len(),
                url: (!f.items.is_empty())
                    .then(|| format!("{}/linh-vuc/{}/", site.config.base_path, f.slug)),
            })
            .collect(),
        map: map::view(site, strings),
    }
}

/// A horizontal bar chart: label, bar, number; every bar links to its list. The SVG
/// is a labelled group of links, each named "label: n models", and label and number
/// are real text, so screen readers, search engines and print all get the figures.
fn chart(title: &str, bars: Vec<Bar>, unit: &str, total_label: &str) -> Chart {
    const ROW: usize = 28;
    const LABEL: usize = 190;
    const BAR: usize = 330;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let total: usize = bars.iter().map(|b| b.count).sum();
    let height = bars.len() * ROW + 8;
    let width = LABEL + BAR + 60;
    let id = format!("chart-{}", crate::vietnamese::slugify(title));
    let unit = escape(unit);
    let mut svg = format!(
        "<svg class=\"chart\" role=\"group\" aria-labelledby=\"{id}\" aria-describedby=\"{id}-desc\" viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}\">{}</title><desc id=\"{id}-desc\">{}: {total} {unit}.</desc>",
        escape(title),
        escape(total_label),
    );
    // The spaces between label, bar and number keep the link's text "An Giang 7" (not
    // "An Giang7"), so its accessible name matches what is shown.
    for (i, b) in bars.iter().enumerate() {
        let y = i * ROW + 4;
        let w = if b.count == 0 {
            0
        } else {
            (b.count * BAR).div_ceil(max).max(2)
        };
        let label = escape(&b.label);
        let row = format!(
            "<title>{label}: {n} {unit}</title><text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\" class=\"chart-label\">{label}</text> <rect x=\"{LABEL}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"3\" class=\"chart-bar\"/> <text x=\"{nx}\" y=\"{ty}\" class=\"chart-value\">{n}</text>",
            lx = LABEL - 8,
            ty = y + 15,
            h = ROW - 8,
            nx = LABEL + w + 6,
            n = b.count,
        );
        // A bar with no list (an empty year, a period) is a labelled group, not a link.
        match &b.url {
            Some(url) => svg.push_str(&format!(
                "<a href=\"{}\" aria-label=\"{label}: {n} {unit}\">{row}</a>",
                escape(url),
                n = b.count
            )),
            None => svg.push_str(&format!(
                "<g role=\"img\" aria-label=\"{label}: {n} {unit}\">{row}</g>",
                n = b.count
            )),
        }
    }
    svg.push_str("</svg>");
    Chart {
        id: "",
        title: title.to_owned(),
        bars,
        svg,
    }
}
