//! Counts and charts for the home page and `/thong-ke/`: models by province, field
//! and year, and a province × field table. Charts are SVG drawn here at build time
//! (no JavaScript), each bar a link with its number as text, so screen readers and
//! print get the figures too.

use serde::Serialize;

use crate::markdown::escape;
use crate::taxonomy::Site;
use crate::view::Views;

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

/// A bar of a chart.
#[derive(Debug, Serialize)]
pub struct Bar {
    /// Label.
    pub label: String,
    /// Site path of the list it counts; null when there is none (a year without models).
    pub url: Option<String>,
    /// Number of models.
    pub count: usize,
}

/// A chart: its bars (as data, for tables) and the SVG (safe HTML).
#[derive(Debug, Serialize)]
pub struct Chart {
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
}

/// Builds the statistics view.
pub fn view(site: &Site, v: &Views<'_>) -> StatsView {
    let bars = |section: &str, terms: &[crate::taxonomy::Term]| -> Vec<Bar> {
        terms
            .iter()
            .filter(|t| !t.items.is_empty())
            .map(|t| Bar {
                label: t.name.clone(),
                url: Some(v.path(&format!("/{section}/{}/", t.slug))),
                count: t.items.len(),
            })
            .collect()
    };
    let mut provinces = bars("tinh", &site.units);
    provinces.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| crate::vietnamese::collate(&a.label, &b.label))
    });
    let years = every_year(bars("nam", &site.years));
    let charts = vec![
        chart(
            v.strings.get("chart_by_province"),
            provinces,
            v.strings.get("models"),
            v.strings.get("total"),
        ),
        chart(
            v.strings.get("chart_by_field"),
            bars("linh-vuc", &site.fields),
            v.strings.get("models"),
            v.strings.get("total"),
        ),
        chart(
            v.strings.get("chart_by_year"),
            years,
            v.strings.get("models"),
            v.strings.get("total"),
        ),
    ];
    let matrix = site
        .units
        .iter()
        .filter(|t| !t.items.is_empty())
        .map(|t| {
            let mut counts = vec![0; site.fields.len()];
            for &a in &t.items {
                counts[site.articles[a].field] += 1;
            }
            let url = v.path(&format!("/tinh/{}/", t.slug));
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
    }
}

/// The year bars oldest first, with a zero bar for each year without models between
/// the first and the last, so a gap shows as a gap.
fn every_year(mut bars: Vec<Bar>) -> Vec<Bar> {
    bars.sort_by_key(|b| b.label.parse::<i32>().unwrap_or_default());
    let mut out: Vec<Bar> = Vec::with_capacity(bars.len());
    for b in bars {
        let year = b.label.parse::<i32>().unwrap_or_default();
        if let Some(last) = out.last().and_then(|l| l.label.parse::<i32>().ok()) {
            out.extend((last + 1..year).map(|y| Bar {
                label: y.to_string(),
                url: None,
                count: 0,
            }));
        }
        out.push(b);
    }
    out
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
        // A bar with nothing to list (an empty year) is a labelled group, not a link.
        match &b.url {
            Some(url) => svg.push_str(&format!(
                "<a href=\"{}\" aria-label=\"{label}: {n} {unit}\">{row}</a>",
                escape(url),
                n = b.count
            )),
            None => svg.push_str(&format!(
                "<g role=\"img\" aria-label=\"{label}: 0 {unit}\">{row}</g>"
            )),
        }
    }
    svg.push_str("</svg>");
    Chart {
        title: title.to_owned(),
        bars,
        svg,
    }
}
