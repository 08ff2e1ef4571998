//! `kheo schema`: a JSON Schema of the front matter, for editors' YAML tooling:
//! completion and red underlines before `kheo check` runs. Generated from the one
//! table of keys (`crate::keys::KEYS`): each key's description is its Vietnamese label
//! and help, its type comes from its `Kind`, the required list from its `Need`.
//! Provinces, fields and levels are enums of every spelling validation accepts in
//! practice (with and without diacritics, old and new tone placement, lower and upper
//! case, `Tỉnh`/`TP.` prefixes, `-` or `–`), so that the schema and `kheo check` agree;
//! `tests/it/schema_agreement.rs` keeps them agreeing.

use serde_json::{Map, Value, json};

use crate::config::Config;
use crate::keys::{KEYS, Key, Kind, LEVELS, Need};
use crate::province::REGISTRY;
use crate::validate::MIN_YEAR;
use crate::vietnamese::without_marks;

/// Names editors use for provinces beyond the registry's spellings; each resolves
/// through the registry (a test checks it).
pub(crate) const PROVINCE_NICKNAMES: [&str; 10] = [
    "HCM",
    "TPHCM",
    "TP.HCM",
    "Sài Gòn",
    "HN",
    "BRVT",
    "Vũng Tàu",
    "TT Huế",
    "TT-Huế",
    "Đắc Lắc",
];

/// Tone marks on `oa`, `oe`, `uy`: the old placement (`hóa`) and the new (`hoá`).
const TONE_PAIRS: [(&str, &str); 15] = [
    ("òa", "oà"),
    ("óa", "oá"),
    ("ỏa", "oả"),
    ("õa", "oã"),
    ("ọa", "oạ"),
    ("òe", "oè"),
    ("óe", "oé"),
    ("ỏe", "oẻ"),
    ("õe", "oẽ"),
    ("ọe", "oẹ"),
    ("ùy", "uỳ"),
    ("úy", "uý"),
    ("ủy", "uỷ"),
    ("ũy", "uỹ"),
    ("ụy", "uỵ"),
];

/// `name` with the tone on `oa`/`oe`/`uy` in both places.
fn tone_placements(name: &str) -> [String; 2] {
    let (mut old, mut new) = (name.to_owned(), name.to_owned());
    for (o, n) in TONE_PAIRS {
        old = old.replace(n, o);
        new = new.replace(o, n);
    }
    [old, new]
}

/// Every way an editor writes `names`: as written, lower and upper case, with and
/// without diacritics, either tone placement. Sorted, without duplicates.
pub(crate) fn spellings<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        for placed in tone_placements(n) {
            for cased in [placed.clone(), placed.to_lowercase(), placed.to_uppercase()] {
                out.push(without_marks(&cased));
                out.push(cased);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A field's name with `-`, `–` or `—` between its parts, spaced or not.
fn dashes(name: &str) -> Vec<String> {
    // Field names are kept with the en dash ("Văn hóa – xã hội"); editors type either.
    let name = &name.replace(" – ", " - ");
    if !name.contains(" - ") {
        return vec![name.to_owned()];
    }
    [" - ", " – ", " — ", "-", "–"]
        .iter()
        .map(|d| name.replace(" - ", d))
        .collect()
}

/// The schema for a site with these settings.
pub fn front_matter(config: &Config, max_year: i32) -> Value {
    let mut properties = Map::new();
    for key in KEYS {
        let mut p = kind_schema(key, config, max_year);
        if let Value::Object(o) = &mut p {
            let description = format!("{}: {}", key.label.vi, key.help.vi);
            o.insert("description".into(), Value::String(description));
            o.insert("title".into(), Value::String(key.label.vi.into()));
        }
        properties.insert(key.name.into(), p);
    }
    let required: Vec<&str> = KEYS
        .iter()
        .filter(|k| k.need == Need::Required)
        .map(|k| k.name)
        .collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "kheo front matter",
        "description": "Phần thông tin đầu bài (giữa hai dòng ---) của một bài mô hình \"Dân vận khéo\" (kheo SPEC, mục 3).",
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    })
}

/// The value schema of one key, from its kind; optional keys may be left empty.
fn kind_schema(key: &Key, config: &Config, max_year: i32) -> Value {
    let value = match key.kind {
        Kind::Text | Kind::LongText if key.need == Need::Required => json!({ "anyOf": [
            { "type": "string", "pattern": "[^\\s\\u200B-\\u200D\\u2060\\uFEFF]" },
            { "type": ["number", "boolean"] }
        ] }),
        Kind::Text | Kind::LongText | Kind::Image => {
            json!({ "type": ["string", "number", "boolean"] })
        }
        Kind::Province => province(),
        Kind::Field => {
            let names: Vec<String> = config.fields.iter().flat_map(|f| dashes(&f.name)).collect();
            json!({ "type": "string", "enum": spellings(names.iter().map(String::as_str)) })
        }
        Kind::Year => {
            let years: Vec<String> = (MIN_YEAR..=max_year).map(|y| y.to_string()).collect();
            let pattern = format!("^\\s*\\+?0*({})\\s*$", years.join("|"));
            json!({ "anyOf": [
                { "type": "integer", "minimum": MIN_YEAR, "maximum": max_year },
                { "type": "string", "pattern": pattern }
            ] })
        }
        Kind::Date => json!({ "type": "string", "pattern": DATE }),
        Kind::Level => {
            let prefixed: Vec<String> = LEVELS
                .iter()
                .flat_map(|l| {
                    [
                        l.to_string(),
                        format!("cấp {l}"),
                        capitalised(l),
                        format!("Cấp {l}"),
                    ]
                })
                .collect();
            json!({ "type": "string", "enum": spellings(prefixed.iter().map(String::as_str)) })
        }
        Kind::Url => json!({ "type": "string", "pattern": "^\\s*https?://" }),
        Kind::Tags => json!({ "type": "array", "items": { "type": ["string", "number"] } }),
        Kind::Slug => json!({ "anyOf": [
            { "type": "string", "pattern": "^\\s*[a-z0-9]+(-[a-z0-9]+)*\\s*$" },
            { "type": "integer", "minimum": 0 }
        ] }),
        Kind::Aliases => {
            json!({ "type": "array", "items": { "type": "string", "pattern": "^\\s*/" } })
        }
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Withdrawn => json!({ "type": ["string", "boolean", "number"] }),
        Kind::Map => json!({ "type": "object" }),
        Kind::Number => json!({}),
    };
    if key.need == Need::Required || key.kind == Kind::Number {
        value
    } else {
        json!({ "anyOf": [ value, { "type": "null" } ] })
    }
}

/// `xã` → `Xã`.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A day that exists, `YYYY-MM-DD`: months of 30 and 31 days, 29 February in leap years.
const DATE: &str = concat!(
    "^\\s*(\\d{4}-((0[13578]|1[02])-(0[1-9]|[12]\\d|3[01])|(0[469]|11)-(0[1-9]|[12]\\d|30)|02-(0[1-9]|1\\d|2[0-8]))",
    "|(\\d\\d(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)\\s*$"
);

/// Provinces: a bare name (enum), or one after `Tỉnh`, `Thành phố` or `TP.`.
fn province() -> Value {
    let mut names: Vec<&str> = REGISTRY.all_names();
    names.extend(PROVINCE_NICKNAMES);
    let bare = spellings(names);
    let alternatives: Vec<String> = bare.iter().map(|n| regex_escape(n)).collect();
    let words = "[Tt]ỉnh|TỈNH|[Tt]inh|TINH|[Tt]hành [Pp]hố|THÀNH PHỐ|[Tt]hanh [Pp]ho|THANH PHO|TP|Tp|tp|T\\.P";
    let pattern = format!(
        "^\\s*(({words})\\s+|(TP|Tp|tp|T\\.P)\\.\\s*)({})\\s*$",
        alternatives.join("|")
    );
    json!({ "type": "string", "anyOf": [ { "enum": bare }, { "pattern": pattern } ] })
}

/// `s` with the characters that mean something in a regular expression escaped.
fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_lists_both_spellings() {
        let s = front_matter(&Config::default(), 2027);
        let provinces = s["properties"]["province"]["anyOf"][0]["enum"]
            .as_array()
            .unwrap();
        for name in [
            "Bến Tre",
            "Ben Tre",
            "Thừa Thiên Huế",
            "Sài Gòn",
            "TP.HCM",
            "bến tre",
        ] {
            assert!(provinces.iter().any(|p| p == name), "{name}");
        }
        let fields = s["properties"]["field"]["enum"].as_array().unwrap();
        assert!(fields.iter().any(|f| f == "Van hoa - xa hoi"));
        assert!(fields.iter().any(|f| f == "Văn hóa - xã hội"));
        assert!(fields.iter().any(|f| f == "Văn hoá – xã hội"));
        assert_eq!(s["required"], json!(["title", "province", "field", "year"]));
    }

    #[test]
    fn every_key_of_the_table_is_in_the_schema() {
        let s = front_matter(&Config::default(), 2027);
        for k in KEYS {
            let d = s["properties"][k.name]["description"]
                .as_str()
                .unwrap_or("");
            assert!(d.contains(k.label.vi), "{}", k.name);
        }
    }

    #[test]
    fn province_nicknames_resolve() {
        for n in PROVINCE_NICKNAMES {
            assert!(REGISTRY.resolve(n).is_some(), "{n}");
        }
    }

    #[test]
    fn levels_with_cap_and_communes_are_listed() {
        let s = front_matter(&Config::default(), 2027);
        let levels = s["properties"]["level"]["anyOf"][0]["enum"]
            .as_array()
            .unwrap();
        for l in ["Cấp xã", "phường", "dac khu", "cap tinh", "huyện"] {
            assert!(levels.iter().any(|x| x == l), "{l}");
            assert!(crate::article::Level::parse(l).is_some(), "{l}");
        }
    }
}
