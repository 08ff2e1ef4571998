//! The one table of front matter keys: name, kind of value, whether it is required,
//! a Vietnamese and an English label and help, the Vietnamese spellings an editor may
//! type instead of the key, and an example. Validation, `kheo schema`, the `kheo new`
//! template, the CMS configuration and the README's table all read it, so a new key is
//! one row here.

/// What a key's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// Longer text (several sentences).
    LongText,
    /// A province or city: one of the registry's names.
    Province,
    /// One of the site's fields.
    Field,
    /// A year, `MIN_YEAR` to next year.
    Year,
    /// A day, `YYYY-MM-DD`.
    Date,
    /// Level of recognition: one of `LEVELS`.
    Level,
    /// An `http(s)://` address.
    Url,
    /// A file beside the article (or `/…` from `static/`).
    Image,
    /// A list of short texts.
    Tags,
    /// The story's own address part: `a-z`, `0-9`, `-`.
    Slug,
    /// A list of old site paths.
    Aliases,
    /// `true` or `false`.
    Bool,
    /// A reason (text) or `true`.
    Withdrawn,
    /// A map of anything, passed to templates.
    Map,
    /// A number (reserved).
    Number,
}

/// Whether a key must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Missing or blank is an error (E010).
    Required,
    /// Missing is a warning.
    Warned,
    /// Optional.
    Optional,
}

/// Text in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    /// Tiếng Việt.
    pub vi: &'static str,
    /// English.
    pub en: &'static str,
}

impl Texts {
    /// The text in `lang`.
    pub fn get(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Vi => self.vi,
            crate::i18n::Lang::En => self.en,
        }
    }
}

/// One front matter key.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// The key as written in the file.
    pub name: &'static str,
    /// Its value's kind.
    pub kind: Kind,
    /// Required, warned or optional.
    pub need: Need,
    /// A short label (form fields, the README's table).
    pub label: Texts,
    /// One sentence of help in plain words.
    pub help: Texts,
    /// Vietnamese spellings of the key an editor may write instead (`tỉnh`, `tieu_de`),
    /// compared after folding diacritics, spaces and `_`: they get a did-you-mean.
    pub spellings: &'static [&'static str],
    /// An example value, as YAML, for the `kheo new` template.
    pub example: &'static str,
}

/// Levels of recognition, as shown. `huyện` is for stories before 1 July 2025; `xã`
/// covers the commune-level units since then (`phường`, `đặc khu` are accepted as it).
pub const LEVELS: [&str; 6] = ["trung ương", "tỉnh", "huyện", "xã", "phường", "đặc khu"];

const fn t(vi: &'static str, en: &'static str) -> Texts {
    Texts { vi, en }
}

/// Every key the SPEC allows, in the order `kheo new` writes them.
pub const KEYS: &[Key] = &[
    Key {
        name: "title",
        kind: Kind::Text,
        need: Need::Required,
        label: t("Tên mô hình", "Model name"),
        help: t(
            "Tên mô hình như sẽ hiện trên trang, ví dụ: Tổ phụ nữ giúp nhau vay vốn.",
            "The model's name as shown on the page.",
        ),
        spellings: &["tiêu đề", "tên", "tên mô hình", "tựa đề", "ten"],
        example: "\"Tên mô hình\"",
    },
    Key {
        name: "province",
        kind: Kind::Province,
        need: Need::Required,
        label: t("Tỉnh, thành phố", "Province or city"),
        help: t(
            "Một trong 34 tỉnh, thành từ 1/7/2025, hoặc tỉnh cũ trước sáp nhập; có dấu hay không dấu đều được.",
            "One of the 34 units since 1 July 2025, or a pre-2025 province; diacritics optional.",
        ),
        spellings: &["tỉnh", "tỉnh thành", "thành phố", "tinh"],
        example: "\"Cần Thơ\"",
    },
    Key {
        name: "field",
        kind: Kind::Field,
        need: Need::Required,
        label: t("Lĩnh vực", "Field"),
        help: t(
            "Một trong các lĩnh vực ghi trong site.yaml, ví dụ: Kinh tế.",
            "One of the fields listed in site.yaml.",
        ),
        spellings: &["lĩnh vực", "linh vuc", "lĩnh_vực"],
        example: "\"Kinh tế\"",
    },
    Key {
        name: "year",
        kind: Kind::Year,
        need: Need::Required,
        label: t("Năm công nhận", "Year recognised"),
        help: t(
            "Năm mô hình được công nhận hoặc báo cáo, bốn chữ số, ví dụ 2018.",
            "The year the model was recognised or reported, four digits.",
        ),
        spellings: &["năm", "năm công nhận", "nam"],
        example: "2025",
    },
    Key {
        name: "date",
        kind: Kind::Date,
        need: Need::Optional,
        label: t("Ngày đăng", "Publication date"),
        help: t(
            "Viết theo thứ tự năm-tháng-ngày, ví dụ 2018-08-10 (ngày 10 tháng 8 năm 2018).",
            "Year-month-day, e.g. 2018-08-10.",
        ),
        spellings: &["ngày", "ngày đăng", "ngay"],
        example: "2025-01-31",
    },
    Key {
        name: "summary",
        kind: Kind::LongText,
        need: Need::Warned,
        label: t("Tóm tắt", "Summary"),
        help: t(
            "Một hoặc hai câu, hiện trong danh sách, kết quả tìm kiếm và nguồn tin.",
            "One or two sentences for lists, search and feeds.",
        ),
        spellings: &["tóm tắt", "mô tả", "tom tat"],
        example: "\"\"",
    },
    Key {
        name: "unit",
        kind: Kind::Text,
        need: Need::Optional,
        label: t("Đơn vị thực hiện", "Organisation running it"),
        help: t(
            "Tổ chức thực hiện mô hình, ví dụ: Hội Liên hiệp Phụ nữ xã Tân Phú.",
            "The organisation that runs the model.",
        ),
        spellings: &["đơn vị", "đơn vị thực hiện", "don vi"],
        example: "\"\"",
    },
    Key {
        name: "locality",
        kind: Kind::Text,
        need: Need::Optional,
        label: t("Địa bàn", "Locality"),
        help: t(
            "Xã, phường, đặc khu (hoặc huyện với bài trước 1/7/2025).",
            "Commune, ward or special zone (or district, before 1 July 2025).",
        ),
        spellings: &["địa bàn", "địa phương", "xã", "dia ban"],
        example: "\"\"",
    },
    Key {
        name: "level",
        kind: Kind::Level,
        need: Need::Optional,
        label: t("Cấp công nhận", "Level of recognition"),
        help: t(
            "trung ương, tỉnh, xã (gồm phường, đặc khu); huyện chỉ cho bài trước 1/7/2025.",
            "trung ương, tỉnh, xã (also phường, đặc khu); huyện only before 1 July 2025.",
        ),
        spellings: &["cấp", "cấp công nhận", "cap"],
        example: "tỉnh",
    },
    Key {
        name: "author",
        kind: Kind::Text,
        need: Need::Optional,
        label: t("Tác giả", "Author"),
        help: t("Người viết bài.", "Who wrote the story."),
        spellings: &["tác giả", "người viết", "tac gia"],
        example: "\"\"",
    },
    Key {
        name: "source",
        kind: Kind::Text,
        need: Need::Optional,
        label: t("Nguồn", "Source"),
        help: t(
            "Nơi bài được đăng lần đầu, ví dụ: Báo Cần Thơ.",
            "Where the story first appeared.",
        ),
        spellings: &["nguồn", "nguon"],
        example: "\"\"",
    },
    Key {
        name: "source_url",
        kind: Kind::Url,
        need: Need::Optional,
        label: t("Địa chỉ bài gốc", "Source address"),
        help: t(
            "Địa chỉ trang bài gốc, bắt đầu bằng https://",
            "The original article's address, starting with https://",
        ),
        spellings: &["link", "đường dẫn", "liên kết", "địa chỉ"],
        example: "https://…",
    },
    Key {
        name: "image",
        kind: Kind::Image,
        need: Need::Optional,
        label: t("Ảnh đầu bài", "Lead image"),
        help: t(
            "Tên tệp ảnh đặt cạnh bài viết, ví dụ anh.jpg.",
            "An image file beside the article, e.g. anh.jpg.",
        ),
        spellings: &["ảnh", "hình", "hình ảnh", "anh"],
        example: "anh.jpg",
    },
    Key {
        name: "image_caption",
        kind: Kind::Text,
        need: Need::Optional,
        label: t("Chú thích ảnh", "Image caption"),
        help: t(
            "Ảnh cho thấy gì (cũng đọc cho người khiếm thị).",
            "What the image shows (also its text for screen readers).",
        ),
        spellings: &["chú thích", "chú thích ảnh"],
        example: "\"\"",
    },
    Key {
        name: "image_credit",
        kind: Kind::Text,
        need: Need::Optional,
        label: t("Nguồn ảnh", "Image credit"),
        help: t(
            "Ai chụp hoặc nguồn của ảnh.",
            "Who took the photo, or its source.",
        ),
        spellings: &["nguồn ảnh", "tác giả ảnh"],
        example: "\"\"",
    },
    Key {
        name: "tags",
        kind: Kind::Tags,
        need: Need::Optional,
        label: t("Chủ đề", "Tags"),
        help: t(
            "Các chủ đề, cách nhau bằng dấu phẩy trong ngoặc vuông: [nông thôn mới, giảm nghèo].",
            "Topics, comma-separated in square brackets.",
        ),
        spellings: &["chủ đề", "từ khóa", "thẻ", "nhãn"],
        example: "[nông thôn mới, giảm nghèo]",
    },
    Key {
        name: "slug",
        kind: Kind::Slug,
        need: Need::Optional,
        label: t("Địa chỉ riêng của bài", "Address of the story"),
        help: t(
            "Phần cuối địa chỉ trang (/mo-hinh/…/): chữ thường không dấu, số và dấu gạch ngang. Ghi vào thì địa chỉ không đổi khi sửa tên.",
            "The last part of the page address: a-z, 0-9 and hyphens. Pins the address.",
        ),
        spellings: &["địa chỉ riêng", "đường dẫn riêng"],
        example: "ten-khac",
    },
    Key {
        name: "aliases",
        kind: Kind::Aliases,
        need: Need::Optional,
        label: t("Địa chỉ cũ", "Old addresses"),
        help: t(
            "Địa chỉ cũ của bài trên trang (bắt đầu bằng /), sẽ chuyển về bài này.",
            "Old site paths (starting with /) that redirect here.",
        ),
        spellings: &["địa chỉ cũ"],
        example: "[/duong-dan-cu/]",
    },
    Key {
        name: "draft",
        kind: Kind::Bool,
        need: Need::Optional,
        label: t("Bản nháp", "Draft"),
        help: t(
            "true: bài chưa đăng (chỉ thấy khi xem trước); false hoặc bỏ dòng này: đăng.",
            "true keeps it out of the build unless --drafts.",
        ),
        spellings: &["nháp", "bản nháp", "nhap"],
        example: "true",
    },
    Key {
        name: "withdrawn",
        kind: Kind::Withdrawn,
        need: Need::Optional,
        label: t("Lý do gỡ bài", "Reason for withdrawal"),
        help: t(
            "Ghi lý do để gỡ bài khỏi mọi danh sách; địa chỉ bài chỉ còn một thông báo ngắn.",
            "A reason: the story leaves every list; its URL keeps a short notice.",
        ),
        spellings: &["gỡ bài", "thu hồi"],
        example: "\"\"",
    },
    Key {
        name: "extra",
        kind: Kind::Map,
        need: Need::Optional,
        label: t("Dữ liệu thêm", "Extra data"),
        help: t(
            "Thông tin riêng khác, chuyển nguyên cho giao diện, ví dụ so_ho_huong_loi: 120.",
            "Anything else, passed to templates as is.",
        ),
        spellings: &["ghi chú", "khác", "thêm"],
        example: "{}",
    },
    Key {
        name: "weight",
        kind: Kind::Number,
        need: Need::Optional,
        label: t("Thứ tự", "Weight"),
        help: t(
            "Dành cho sắp xếp sau này (chưa dùng).",
            "Reserved for ordering (accepted, not yet used).",
        ),
        spellings: &[],
        example: "0",
    },
];

/// The key named `name`.
pub fn get(name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|k| k.name == name)
}

/// The key an editor meant by a Vietnamese spelling (`Tỉnh`, `tieu_de`, `lĩnh vực`).
pub fn by_spelling(written: &str) -> Option<&'static Key> {
    let norm = |s: &str| -> String {
        crate::vietnamese::fold(s)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let w = norm(written);
    if w.is_empty() {
        return None;
    }
    KEYS.iter().find(|k| {
        norm(k.name) == w || norm(k.label.vi) == w || k.spellings.iter().any(|s| norm(s) == w)
    })
}

impl Kind {
    /// The kind in a few words, for the README's table.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::LongText => "text (one or two sentences)",
            Kind::Province => "province or city (registry)",
            Kind::Field => "one of `site.yaml`'s fields",
            Kind::Year => "year (number)",
            Kind::Date => "date `YYYY-MM-DD`",
            Kind::Level => "level",
            Kind::Url => "`http(s)://` address",
            Kind::Image => "image file",
            Kind::Tags => "list of texts",
            Kind::Slug => "`a-z`, `0-9`, `-`",
            Kind::Aliases => "list of site paths",
            Kind::Bool => "`true` / `false`",
            Kind::Withdrawn => "reason (text) or `true`",
            Kind::Map => "map",
            Kind::Number => "number",
        }
    }
}

/// The README's table of front matter keys, in Markdown, from `KEYS`.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| Key | Needed | Value | Nội dung | Meaning | Example |\n|---|---|---|---|---|---|\n",
    );
    for k in KEYS {
        let need = match k.need {
            Need::Required => "required",
            Need::Warned => "warned if missing",
            Need::Optional => "optional",
        };
        let cell = |s: &str| s.replace('|', "\\|");
        out.push_str(&format!(
            "| `{}` | {need} | {} | **{}**: {} | {} | `{}` |\n",
            k.name,
            k.kind.describe(),
            cell(k.label.vi),
            cell(k.help.vi),
            cell(k.help.en),
            cell(k.example),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the README's table into `target/keys-table.md` for pasting, and checks
    /// that it has a row for every key.
    #[test]
    fn readme_table_matches_the_key_table() {
        let table = markdown_table();
        assert_eq!(table.lines().count(), KEYS.len() + 2);
        for k in KEYS {
            assert!(table.contains(&format!("| `{}` |", k.name)), "{}", k.name);
        }
        // The README's front matter table is this one, byte for byte: edit KEYS, then
        // paste target/keys-table.md into the README.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        if root.join("target").is_dir() {
            let _ = std::fs::write(root.join("target/keys-table.md"), &table);
        }
        let readme = std::fs::read_to_string(root.join("README.md")).unwrap_or_default();
        assert!(
            readme.contains(table.trim_end()),
            "README.md's front matter table differs from keys::KEYS: paste target/keys-table.md"
        );
    }

    #[test]
    fn vietnamese_key_names_lead_to_the_real_key() {
        for (written, key) in [
            ("tỉnh", "province"),
            ("Tiêu đề", "title"),
            ("tieu_de", "title"),
            ("lĩnh vực", "field"),
            ("năm", "year"),
            ("tóm tắt", "summary"),
            ("đơn vị", "unit"),
            ("Provnce", ""),
        ] {
            assert_eq!(
                by_spelling(written).map_or("", |k| k.name),
                key,
                "{written}"
            );
        }
    }

    #[test]
    fn every_key_is_named_once_and_fully_described() {
        for (i, k) in KEYS.iter().enumerate() {
            assert!(KEYS[..i].iter().all(|o| o.name != k.name), "{}", k.name);
            assert!(!k.label.vi.is_empty() && !k.label.en.is_empty());
            assert!(!k.help.vi.is_empty() && !k.help.en.is_empty());
        }
    }
}
