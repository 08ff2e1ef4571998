//! A tile-grid map of Vietnam's 34 units, drawn at build time as SVG: one square per
//! unit, placed by geography from `data/tile-grid.yaml`, coloured by its number of
//! models and linking to its page. Not boundaries: kheo ships no boundary data set for
//! the 2025 units, and equal squares keep small units as visible as large ones. Each
//! tile's accessible name carries its number and its former provinces, and the page
//! shows the same numbers as a table.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use crate::escape::html as escape;
use crate::i18n::Strings;
use crate::province::REGISTRY;
use crate::taxonomy::Site;

/// Tile positions `(col, row)` by unit slug.
static GRID: LazyLock<HashMap<String, (u32, u32)>> = LazyLock::new(|| {
    yaml_serde::from_str(include_str!("../../data/tile-grid.yaml")).unwrap_or_default()
});

/// Tile width and height, and the gap between tiles, in SVG units.
const TILE_W: u32 = 64;
const TILE_H: u32 = 46;
const GAP: u32 = 4;

/// The map and its numbers.
#[derive(Debug, Serialize)]
pub struct MapView {
    /// Inline SVG (safe HTML: output with `| safe`).
    pub svg: String,
    /// The numbers, one row per unit in alphabetical order.
    pub rows: Vec<MapRow>,
    /// The colour scale, lightest first: `{label, class}`.
    pub legend: Vec<LegendItem>,
}

/// One unit in the map's table.
#[derive(Debug, Serialize)]
pub struct MapRow {
    /// Unit name.
    pub name: String,
    /// Site path of its page.
    pub url: String,
    /// Number of models (its former provinces' included).
    pub count: usize,
    /// Colour class of its tile (`map-0` … `map-4`).
    pub class: &'static str,
    /// Its former provinces: `{name, url, count}`.
    pub former: Vec<MapFormer>,
}

/// A former province inside a unit.
#[derive(Debug, Serialize)]
pub struct MapFormer {
    /// Name.
    pub name: String,
    /// Site path of its page.
    pub url: String,
    /// Number of models filed under it.
    pub count: usize,
}

/// One step of the colour scale.
#[derive(Debug, Serialize)]
pub struct LegendItem {
    /// "0", "1–2", "3–5", …
    pub label: String,
    /// Colour class.
    pub class: &'static str,
}

const CLASSES: [&str; 5] = ["map-0", "map-1", "map-2", "map-3", "map-4"];

/// The colour class of `count` when the largest count is `max`: four equal steps up
/// to `max` (the unit with the most models is always the darkest), `map-0` for none.
fn class(count: usize, max: usize) -> &'static str {
    if count == 0 || max == 0 {
        return CLASSES[0];
    }
    CLASSES[(count * 4).div_ceil(max).clamp(1, 4)]
}

/// The legend: "0", then the counts each step covers ("1", "2–3", …), empty steps left out.
fn legend(max: usize) -> Vec<LegendItem> {
    let mut out = vec![LegendItem {
        label: "0".into(),
        class: CLASSES[0],
    }];
    for (k, &class) in CLASSES.iter().enumerate().skip(1) {
        let (lo, hi) = ((k - 1) * max / 4 + 1, k * max / 4);
        if lo <= hi {
            out.push(LegendItem {
                label: if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo}–{hi}")
                },
                class,
            });
        }
    }
    out
}

/// The map of `site`; `title` names it, `unit` is the word after a number ("mô hình").
pub fn view(site: &Site, strings: &Strings) -> MapView {
    let max = site.units.iter().map(|t| t.items.len()).max().unwrap_or(0);
    let rows: Vec<MapRow> = site
        .units
        .iter()
        .enumerate()
        .map(|(i, t)| MapRow {
            name: t.name.clone(),
            url: format!("{}/tinh/{}/", site.config.base_path, t.slug),
            count: t.items.len(),
            class: class(t.items.len(), max),
            former: REGISTRY.units[site.unit_ids[i]]
                .former
                .iter()
                .map(|&f| MapFormer {
                    name: site.formers[f].name.clone(),
                    url: format!("{}/tinh/{}/", site.config.base_path, site.formers[f].slug),
                    count: site.formers[f].items.len(),
                })
                .collect(),
        })
        .collect();
    let legend = legend(max);
    let svg = svg(&rows, site, strings);
    MapView { svg, rows, legend }
}

/// The accessible name of a tile: "Cà Mau: 2 mô hình; tỉnh cũ: Bạc Liêu 1".
fn tile_name(r: &MapRow, strings: &Strings) -> String {
    let models = strings.get("models");
    let mut s = format!("{}: {} {models}", r.name, r.count);
    if !r.former.is_empty() {
        let list: Vec<String> = r
            .former
            .iter()
            .map(|f| format!("{} {}", f.name, f.count))
            .collect();
        s.push_str(&format!(
            "; {}: {}",
            strings.get("map_former"),
            list.join(", ")
        ));
    }
    s
}

/// The SVG: a labelled group of links, one tile each, name and number as text.
fn svg(rows: &[MapRow], site: &Site, strings: &Strings) -> String {
    let cols = GRID.values().map(|p| p.0).max().unwrap_or(0) + 1;
    let lines = GRID.values().map(|p| p.1).max().unwrap_or(0) + 1;
    let (w, h) = (cols * (TILE_W + GAP), lines * (TILE_H + GAP));
    let title = escape(strings.get("map_title"));
    let mut out = format!(
        "<svg class=\"tile-map\" role=\"group\" aria-labelledby=\"tile-map-title\" viewBox=\"0 0 {w} {h}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"tile-map-title\">{title}</title>"
    );
    // Tiles in reading order (north to south, west to east): the order of Tab.
    let mut tiles: Vec<(u32, u32, &MapRow)> = rows
        .iter()
        .zip(&site.units)
        .filter_map(|(r, t)| GRID.get(&t.slug).map(|&(c, l)| (l, c, r)))
        .collect();
    tiles.sort_by_key(|&(l, c, _)| (l, c));
    for (l, c, r) in tiles {
        let (x, y) = (c * (TILE_W + GAP), l * (TILE_H + GAP));
        let name = escape(&tile_name(r, strings));
        let label: String = name_lines(&r.name)
            .iter()
            .enumerate()
            .map(|(i, line)| {
                format!(
                    "<tspan x=\"{cx}\" y=\"{ty}\">{}</tspan>",
                    escape(line),
                    cx = x + TILE_W / 2,
                    ty = y + 14 + 11 * i as u32
                )
            })
            .collect::<Vec<_>>()
            // A space between the lines keeps the visible text ("Tuyên Quang") part of
            // the tile's accessible name.
            .join(" ");
        out.push_str(&format!(
            "<a href=\"{url}\" aria-label=\"{name}\" class=\"{class}\"><title>{name}</title><rect x=\"{x}\" y=\"{y}\" width=\"{TILE_W}\" height=\"{TILE_H}\" rx=\"4\"/> <text class=\"tile-name\" text-anchor=\"middle\">{label}</text> <text class=\"tile-count\" x=\"{cx}\" y=\"{cy}\" text-anchor=\"middle\">{n}</text></a>",
            url = escape(&r.url),
            class = r.class,
            cx = x + TILE_W / 2,
            cy = y + TILE_H - 6,
            n = r.count,
        ));
    }
    out.push_str("</svg>");
    out
}

/// A unit's name on at most two lines of about nine characters ("Hồ Chí" / "Minh").
fn name_lines(name: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        let full = lines.len() == 2;
        match lines.last_mut() {
            Some(l) if full || l.chars().count() + 1 + word.chars().count() <= 9 => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{GRID, class, legend, name_lines};
    use crate::province::REGISTRY;

    #[test]
    fn every_unit_has_one_tile_and_no_two_tiles_overlap() {
        assert_eq!(GRID.len(), 34);
        for u in &REGISTRY.units {
            assert!(GRID.contains_key(&u.slug), "{} placed", u.slug);
        }
        let mut seen: Vec<(u32, u32)> = GRID.values().copied().collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 34, "two units share a tile");
    }

    #[test]
    fn colours_step_with_the_count() {
        assert_eq!(class(0, 8), "map-0");
        assert_eq!(class(1, 8), "map-1");
        assert_eq!(class(5, 8), "map-3");
        assert_eq!(class(8, 8), "map-4");
        assert_eq!(class(1, 1), "map-4");
        assert_eq!(class(1, 2), "map-2");
        let labels: Vec<String> = legend(8).into_iter().map(|l| l.label).collect();
        assert_eq!(labels, ["0", "1–2", "3–4", "5–6", "7–8"]);
        let labels: Vec<String> = legend(2).into_iter().map(|l| l.label).collect();
        assert_eq!(labels, ["0", "1", "2"]);
    }

    #[test]
    fn names_fit_on_two_lines() {
        assert_eq!(name_lines("Hồ Chí Minh"), ["Hồ Chí", "Minh"]);
        assert_eq!(name_lines("Huế"), ["Huế"]);
        assert_eq!(name_lines("Thái Nguyên"), ["Thái", "Nguyên"]);
    }
}
