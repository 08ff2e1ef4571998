//! `kheo schema`: a JSON Schema of the front matter, for editors' YAML tooling:
//! completion and red underlines before `kheo check` runs. Provinces, fields and
//! levels are enums that accept both the written and the unaccented spelling,
//! exactly as validation does.

use serde_json::{Value, json};

use crate::config::Config;
use crate::province::REGISTRY;
use crate::validate::MIN_YEAR;
use crate::vietnamese::without_marks;

/// Every name with and without diacritics, sorted and deduplicated.
fn both_spellings<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        out.push(n.to_owned());
        out.push(without_marks(n));
    }
    out.sort();
    out.dedup();
    out
}

/// The schema for a site with these settings.
pub fn front_matter(config: &Config, max_year: i32) -> Value {
    let provinces = both_spellings(REGISTRY.all_names());
    let fields = both_spellings(config.fields.iter().map(|f| f.name.as_str()));
    let levels = both_spellings(["trung ương", "tỉnh", "huyện", "xã"]);
    let text = |d: &str| json!({ "type": "string", "description": d });
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "kheo front matter",
        "description": "Front matter of one \"Dân vận khéo\" model story (kheo SPEC section 3).",
        "type": "object",
        "additionalProperties": false,
        "required": ["title", "province", "field", "year"],
        "properties": {
            "title": text("Tên mô hình"),
            "province": {
                "description": "Tỉnh, thành phố: one of the 34 units since 1/7/2025 or a pre-2025 province; diacritics and \"Tỉnh\"/\"TP.\" are optional",
                "type": "string",
                "anyOf": [ { "enum": provinces }, { "pattern": "^(Tỉnh|tỉnh|Tinh|tinh|Thành phố|TP\\.?|TP) .+" } ]
            },
            "field": { "description": "Lĩnh vực", "type": "string", "enum": fields },
            "year": { "description": "Năm công nhận", "type": "integer", "minimum": MIN_YEAR, "maximum": max_year },
            "date": { "description": "Ngày đăng, YYYY-MM-DD", "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" },
            "summary": text("Một hoặc hai câu tóm tắt"),
            "unit": text("Đơn vị thực hiện"),
            "locality": text("Địa bàn: huyện, xã, phường"),
            "level": { "description": "Cấp công nhận", "type": "string", "enum": levels },
            "author": text("Tác giả"),
            "source": text("Nơi đăng đầu tiên"),
            "source_url": { "description": "Địa chỉ bài gốc", "type": "string", "pattern": "^https?://" },
            "image": text("Ảnh đầu bài, đường dẫn tương đối"),
            "image_caption": text("Chú thích ảnh (cũng là văn bản thay thế)"),
            "image_credit": text("Nguồn ảnh"),
            "tags": { "description": "Chủ đề", "type": "array", "items": { "type": "string" } },
            "slug": { "description": "Địa chỉ riêng: a-z, 0-9, -", "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" },
            "aliases": { "description": "Địa chỉ cũ, chuyển hướng về bài này", "type": "array", "items": { "type": "string", "pattern": "^/" } },
            "draft": { "description": "Bản nháp: không đăng trừ khi --drafts", "type": "boolean" },
            "withdrawn": { "description": "Lý do gỡ bài", "type": ["string", "boolean"] },
            "extra": { "description": "Dữ liệu riêng, chuyển nguyên cho giao diện", "type": "object" },
            "weight": { "type": "number" }
        }
    })
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
        assert!(provinces.iter().any(|p| p == "Bến Tre"));
        assert!(provinces.iter().any(|p| p == "Ben Tre"));
        assert!(provinces.iter().any(|p| p == "Thừa Thiên Huế"));
        let fields = s["properties"]["field"]["enum"].as_array().unwrap();
        assert!(fields.iter().any(|f| f == "Van hoa - xa hoi"));
        assert!(fields.iter().any(|f| f == "Văn hóa - xã hội"));
        assert_eq!(s["required"], json!(["title", "province", "field", "year"]));
    }
}
