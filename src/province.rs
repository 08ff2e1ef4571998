//! The registry of Vietnam's provinces: the 34 units since 1 July 2025 and the
//! pre-2025 provinces each was merged from, compiled in from `data/provinces.yaml`.
//! Resolves what editors write ("TP HCM", "tinh Quang Nam", "Thừa Thiên Huế") to a
//! `ProvinceRef`, and suggests the nearest name when nothing matches.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::vietnamese::{edit_distance, slugify};

/// A provincial unit since 1 July 2025.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Display name without "Tỉnh"/"Thành phố", e.g. "Cà Mau".
    pub name: String,
    /// URL slug, e.g. "ca-mau".
    pub slug: String,
    /// Indices into `Registry::former` of the pre-2025 provinces merged into it,
    /// leaving out the one that shares its name and slug.
    pub former: Vec<usize>,
    /// Two-digit statistics code (GSO), e.g. "96" for Cà Mau.
    pub code: String,
    /// The socio-economic region its code falls in; `None` for an unknown code.
    pub region: Option<Region>,
}

/// Vietnam's socio-economic regions as the statistics office groups provinces, read
/// from the unit's code. The north (Red River Delta with the northern midlands and
/// mountains) is one region here: after the 2025 mergers several units span both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    /// Codes 01–37: Red River Delta, northern midlands and mountains.
    North,
    /// Codes 38–60: North Central and Central Coast.
    CentralCoast,
    /// Codes 61–69: Central Highlands.
    CentralHighlands,
    /// Codes 70–79: Southeast.
    Southeast,
    /// Codes 80–96: Mekong Delta.
    MekongDelta,
}

impl Region {
    /// The region of a two-digit statistics code ("01" … "96").
    pub fn from_code(code: &str) -> Option<Region> {
        match code.parse::<u8>().ok()? {
            1..=37 => Some(Region::North),
            38..=60 => Some(Region::CentralCoast),
            61..=69 => Some(Region::CentralHighlands),
            70..=79 => Some(Region::Southeast),
            80..=96 => Some(Region::MekongDelta),
            _ => None,
        }
    }

    /// Vietnamese name.
    pub fn name(self) -> &'static str {
        match self {
            Region::North => "Miền Bắc",
            Region::CentralCoast => "Bắc Trung Bộ và Duyên hải miền Trung",
            Region::CentralHighlands => "Tây Nguyên",
            Region::Southeast => "Đông Nam Bộ",
            Region::MekongDelta => "Đồng bằng sông Cửu Long",
        }
    }
}

/// A pre-2025 province now part of a different-named unit (e.g. Bạc Liêu → Cà Mau).
#[derive(Debug, Clone)]
pub struct Former {
    /// Display name, e.g. "Bạc Liêu".
    pub name: String,
    /// URL slug of its own page, e.g. "bac-lieu".
    pub slug: String,
    /// Index of the unit it is part of now.
    pub unit: usize,
}

/// What a `province:` value resolved to: a current unit, possibly via a former province.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvinceRef {
    /// Index into `Registry::units`.
    pub unit: usize,
    /// Index into `Registry::former` when the article names a former province.
    pub former: Option<usize>,
}

/// All units and former provinces, with a lookup table of every accepted spelling.
#[derive(Debug)]
pub struct Registry {
    /// The 34 units, in the data file's order.
    pub units: Vec<Unit>,
    /// Former provinces whose slug differs from their unit's.
    pub former: Vec<Former>,
    /// Normalised key (see `key`) → what it names.
    lookup: HashMap<String, ProvinceRef>,
    /// Every official spelling: unit and former names, variants, older names.
    spellings: Vec<String>,
}

#[derive(Deserialize)]
struct DataFile {
    units: Vec<DataUnit>,
}

#[derive(Deserialize)]
struct DataUnit {
    name: String,
    slug: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    spelling_variants: Vec<String>,
    merged_from: Vec<DataOld>,
}

#[derive(Deserialize)]
struct DataOld {
    name: String,
    slug: String,
    #[serde(default)]
    spelling_variants: Vec<String>,
    #[serde(default)]
    former_names: Vec<DataName>,
}

#[derive(Deserialize)]
struct DataName {
    name: String,
}

/// Common short forms that are not in the official data.
const EXTRA_ALIASES: [(&str, &str); 9] = [
    ("hcm", "ho-chi-minh"),
    ("tphcm", "ho-chi-minh"),
    ("sai-gon", "ho-chi-minh"),
    ("hn", "ha-noi"),
    ("brvt", "ba-ria-vung-tau"),
    ("vung-tau", "ba-ria-vung-tau"),
    ("tt-hue", "thua-thien-hue"),
    ("dak-lak", "dak-lak"),
    ("dac-lac", "dak-lak"),
];

/// The registry, parsed once from the compiled-in data.
pub static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    // Invariant: the data file is part of the binary and covered by the tests below.
    #[allow(clippy::expect_used)]
    let data: DataFile = yaml_serde::from_str(include_str!("../data/provinces.yaml"))
        .expect("data/provinces.yaml is valid");
    Registry::from_data(data)
});

impl Registry {
    fn from_data(data: DataFile) -> Registry {
        let mut units = Vec::new();
        let mut former = Vec::new();
        let mut lookup = HashMap::new();
        let mut spellings = Vec::new();
        for (ui, u) in data.units.into_iter().enumerate() {
            spellings.push(u.name.clone());
            spellings.extend(u.spelling_variants.iter().cloned());
            let here = ProvinceRef {
                unit: ui,
                former: None,
            };
            lookup.insert(u.slug.clone(), here);
            for v in &u.spelling_variants {
                lookup.insert(slugify(v), here);
            }
            let mut unit = Unit {
                name: u.name,
                slug: u.slug,
                former: Vec::new(),
                region: Region::from_code(&u.code),
                code: u.code,
            };
            for old in u.merged_from {
                spellings.push(old.name.clone());
                spellings.extend(old.spelling_variants.iter().cloned());
                spellings.extend(old.former_names.iter().map(|n| n.name.clone()));
                let r = if old.slug == unit.slug {
                    here
                } else {
                    former.push(Former {
                        name: old.name,
                        slug: old.slug.clone(),
                        unit: ui,
                    });
                    unit.former.push(former.len() - 1);
                    ProvinceRef {
                        unit: ui,
                        former: Some(former.len() - 1),
                    }
                };
                lookup.insert(old.slug, r);
                for v in old.spelling_variants {
                    lookup.insert(slugify(&v), r);
                }
                for n in old.former_names {
                    lookup.insert(slugify(&n.name), r);
                }
            }
            units.push(unit);
        }
        for (alias, target) in EXTRA_ALIASES {
            if let Some(r) = lookup.get(target).copied() {
                lookup.insert(alias.to_owned(), r);
            }
        }
        spellings.sort();
        spellings.dedup();
        Registry {
            units,
            former,
            lookup,
            spellings,
        }
    }

    /// Resolves a `province:` value written with or without diacritics and prefixes.
    pub fn resolve(&self, input: &str) -> Option<ProvinceRef> {
        let k = key(input);
        self.lookup
            .get(&k)
            .copied()
            .or_else(|| self.lookup.get(&k.replace('-', "")).copied())
    }

    /// The nearest known name for an unresolved value, with its current unit.
    pub fn suggest(&self, input: &str) -> Option<ProvinceRef> {
        let k = key(input);
        let limit = (k.len() / 3).clamp(1, 4);
        let mut best: Option<(usize, &str, ProvinceRef)> = None;
        let mut keys: Vec<(&String, &ProvinceRef)> = self.lookup.iter().collect();
        keys.sort();
        for (name, r) in keys {
            let d = edit_distance(&k, name);
            if d <= limit && best.is_none_or(|(bd, _, _)| d < bd) {
                best = Some((d, name, *r));
            }
        }
        best.map(|(_, _, r)| r)
    }

    /// The name an article shows: "Bạc Liêu (nay thuộc Cà Mau)" or "Cà Mau".
    pub fn display(&self, r: ProvinceRef) -> String {
        match r.former {
            Some(f) => format!(
                "{} (nay thuộc {})",
                self.former[f].name, self.units[r.unit].name
            ),
            None => self.units[r.unit].name.clone(),
        }
    }

    /// The name written without the merger note.
    pub fn name(&self, r: ProvinceRef) -> &str {
        match r.former {
            Some(f) => &self.former[f].name,
            None => &self.units[r.unit].name,
        }
    }

    /// The slug of the province page the article names.
    pub fn slug(&self, r: ProvinceRef) -> &str {
        match r.former {
            Some(f) => &self.former[f].slug,
            None => &self.units[r.unit].slug,
        }
    }

    /// Every official spelling (current and former names, variants), for schemas.
    pub fn all_names(&self) -> Vec<&str> {
        self.spellings.iter().map(String::as_str).collect()
    }
}

/// Normalises a written province name: slug form, administrative prefixes dropped.
fn key(input: &str) -> String {
    let s = slugify(input);
    for prefix in ["thanh-pho-", "tinh-", "tp-", "t-p-"] {
        if let Some(rest) = s.strip_prefix(prefix)
            && !rest.is_empty()
        {
            return rest.to_owned();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_34_units_and_63_old_provinces() {
        let r = &*REGISTRY;
        assert_eq!(r.units.len(), 34);
        let unchanged_or_named = r.units.len();
        // Each unit carries one constituent's name, so 63 = 34 + distinct former ones.
        assert_eq!(unchanged_or_named + r.former.len(), 63);
    }

    #[test]
    fn resolves_what_editors_write() {
        let r = &*REGISTRY;
        let name = |s: &str| r.resolve(s).map(|p| r.display(p));
        assert_eq!(
            name("Ben Tre").as_deref(),
            Some("Bến Tre (nay thuộc Vĩnh Long)")
        );
        assert_eq!(name("TP HCM").as_deref(), Some("Hồ Chí Minh"));
        assert_eq!(
            name("Thành phố Hồ Chí Minh").as_deref(),
            Some("Hồ Chí Minh")
        );
        assert_eq!(
            name("tinh Quang Nam").as_deref(),
            Some("Quảng Nam (nay thuộc Đà Nẵng)")
        );
        assert_eq!(name("Thừa Thiên Huế").as_deref(), Some("Huế"));
        assert_eq!(name("Khánh Hoà").as_deref(), Some("Khánh Hòa"));
        assert_eq!(
            name("Bạc Liêu").as_deref(),
            Some("Bạc Liêu (nay thuộc Cà Mau)")
        );
        assert_eq!(name("Cà Mau").as_deref(), Some("Cà Mau"));
        assert_eq!(name("Ben Tre City"), None);
    }

    #[test]
    fn every_unit_has_a_code_and_a_region() {
        let r = &*REGISTRY;
        let region = |slug: &str| {
            r.units
                .iter()
                .find(|u| u.slug == slug)
                .and_then(|u| u.region)
        };
        assert!(
            r.units
                .iter()
                .all(|u| u.code.len() == 2 && u.region.is_some())
        );
        assert_eq!(region("ha-noi"), Some(Region::North));
        assert_eq!(region("da-nang"), Some(Region::CentralCoast));
        assert_eq!(region("lam-dong"), Some(Region::CentralHighlands));
        assert_eq!(region("ho-chi-minh"), Some(Region::Southeast));
        assert_eq!(region("ca-mau"), Some(Region::MekongDelta));
        assert_eq!(Region::from_code("99"), None);
    }

    #[test]
    fn suggests_near_misses() {
        let r = &*REGISTRY;
        let s = r.suggest("Ben Tree").map(|p| r.name(p).to_owned());
        assert_eq!(s.as_deref(), Some("Bến Tre"));
    }
}
