//! The editing form for editors who do not use git. With `cms:` in `site.yaml` the build
//! publishes `/admin/`: the page of Decap CMS (a Git-based CMS; Sveltia CMS reads the
//! same configuration) and its `config.yml`, generated from the key table
//! (`crate::keys::KEYS`), so every front matter key is a form field with a Vietnamese
//! label and hint, and the form can only produce what validation accepts. `kheo serve`
//! is the form's local backend (`serve::cms`). Without `cms:` nothing under `/admin/`
//! is written.

use serde::Serialize;

use crate::config::Config;
use crate::config::cms::{Backend, Settings};
use crate::error::Result;
use crate::keys::{KEYS, Key, Kind, LEVELS};
use crate::output::Sink;
use crate::province::REGISTRY;

/// The Decap CMS release the default script URL pins (the same as `package.json`).
pub const DECAP_VERSION: &str = "3.16.3";
/// Where the CMS page loads the script from unless `script_url` says otherwise.
pub const DEFAULT_SCRIPT: &str = "https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js";
/// Subresource Integrity of `DEFAULT_SCRIPT` (sha384 of `dist/decap-cms.js` in the npm
/// package; a test compares it with the installed file).
pub const DEFAULT_INTEGRITY: &str =
    "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";
/// The path of the local backend's API on `kheo serve`.
pub(crate) const API_PATH: &str = "/api/v1";
/// Site-wide uploads (the CMS's media library), besides the images beside each story.
pub(crate) const MEDIA_FOLDER: &str = "static/anh";

/// Writes `admin/index.html` and `admin/config.yml` when the site has `cms:`.
pub(crate) fn write(config: &Config, sink: &dyn Sink) -> Result<()> {
    let Some(cms) = &config.cms else {
        return Ok(());
    };
    sink.put("admin/index.html", page(config, cms).into_bytes())?;
    sink.put("admin/config.yml", config_yml(config, cms).into_bytes())
}

/// The CMS page: the script (with its integrity when it is the pinned default).
pub(crate) fn page(config: &Config, cms: &Settings) -> String {
    let script = match &cms.script_url {
        Some(url) => format!("<script src=\"{}\"></script>", crate::escape::html(url)),
        None => format!(
            "<script src=\"{DEFAULT_SCRIPT}\" integrity=\"{DEFAULT_INTEGRITY}\" crossorigin=\"anonymous\"></script>"
        ),
    };
    format!(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"robots\" content=\"noindex\">\n<title>Biên tập – {}</title>\n\
<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n</head>\n<body>\n{script}\n</body>\n</html>\n",
        crate::escape::html(&config.title)
    )
}

#[derive(Serialize)]
struct CmsConfig {
    backend: BackendConfig,
    local_backend: LocalBackend,
    locale: &'static str,
    publish_mode: &'static str,
    site_url: String,
    media_folder: &'static str,
    public_folder: String,
    slug: SlugConfig,
    collections: Vec<Collection>,
}

#[derive(Serialize)]
struct BackendConfig {
    name: &'static str,
    #[serde(skip_serializing_if = "String::is_empty")]
    repo: String,
    branch: String,
}

#[derive(Serialize)]
struct LocalBackend {
    url: String,
}

/// The local backend's address: the CMS wants an absolute URL. On `kheo serve` the base
/// URL is the server's own address; a build for the web gets the default port, and the
/// CMS only tries it when the page itself is on `localhost` or `127.0.0.1`.
fn local_api(base_url: &str) -> String {
    let origin = base_url
        .strip_prefix("http://")
        .and_then(|rest| rest.split('/').next())
        .filter(|host| {
            ["127.0.0.1", "localhost", "[::1]"]
                .contains(&host.rsplit_once(':').map_or(*host, |(h, _)| h))
        });
    match origin {
        Some(host) => format!("http://{host}{API_PATH}"),
        None => format!("http://127.0.0.1:1111{API_PATH}"),
    }
}

#[derive(Serialize)]
struct SlugConfig {
    encoding: &'static str,
    clean_accents: bool,
    sanitize_replacement: &'static str,
}

#[derive(Serialize)]
struct Collection {
    name: &'static str,
    label: &'static str,
    label_singular: &'static str,
    description: &'static str,
    folder: &'static str,
    path: &'static str,
    extension: &'static str,
    format: &'static str,
    create: bool,
    identifier_field: &'static str,
    summary: &'static str,
    sortable_fields: [&'static str; 3],
    media_folder: &'static str,
    public_folder: &'static str,
    editor: Editor,
    fields: Vec<Widget>,
}

#[derive(Serialize)]
struct Editor {
    preview: bool,
}

/// One form field. Options that do not apply to its widget are left out.
#[derive(Serialize, Default)]
struct Widget {
    label: String,
    name: &'static str,
    widget: &'static str,
    hint: String,
    required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<Choice>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_format: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<[&'static str; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    choose_url: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    allow_add: Option<bool>,
}

/// One option of a select.
#[derive(Serialize)]
struct Choice {
    label: String,
    value: String,
}

/// `admin/config.yml`: the backend, the Vietnamese interface, and one folder
/// collection of stories whose fields are the key table.
pub(crate) fn config_yml(config: &Config, cms: &Settings) -> String {
    let mut fields: Vec<Widget> = KEYS.iter().map(|k| widget(k, config)).collect();
    fields.push(Widget {
        label: "Nội dung bài".to_owned(),
        name: "body",
        widget: "markdown",
        hint: "Toàn bộ bài viết. Có thể chèn ảnh, in đậm, tạo tiêu đề nhỏ.".to_owned(),
        required: false,
        ..Widget::default()
    });
    let out = CmsConfig {
        backend: BackendConfig {
            name: match cms.backend {
                Backend::GitHub => "github",
                Backend::GitGateway => "git-gateway",
            },
            repo: cms.repo.clone(),
            branch: cms.branch.clone(),
        },
        local_backend: LocalBackend {
            url: local_api(&config.base_url),
        },
        locale: "vi",
        publish_mode: "simple",
        site_url: config.base_url.clone(),
        media_folder: MEDIA_FOLDER,
        public_folder: format!("{}/anh", config.base_path),
        slug: SlugConfig {
            encoding: "ascii",
            clean_accents: true,
            sanitize_replacement: "-",
        },
        collections: vec![Collection {
            name: "mo-hinh",
            label: "Mô hình",
            label_singular: "mô hình",
            description: "Các bài về mô hình Dân vận khéo. Bài mới được lưu ở dạng bản nháp.",
            folder: "content",
            path: "{{province}}/{{year}}/{{slug}}/index",
            extension: "md",
            format: "frontmatter",
            create: true,
            identifier_field: "title",
            summary: "{{title}} ({{province}}, {{year}})",
            sortable_fields: ["title", "province", "year"],
            media_folder: "",
            public_folder: "",
            editor: Editor { preview: false },
            fields,
        }],
    };
    let head = "# Tạo tự động bởi kheo từ bảng khóa (src/keys.rs): đừng sửa tay.\n";
    format!("{head}{}", yaml_serde::to_string(&out).unwrap_or_default())
}

/// The form field of one key: the widget that can only produce what kheo accepts.
fn widget(key: &Key, config: &Config) -> Widget {
    let mut w = Widget {
        label: key.label.vi.to_owned(),
        name: key.name,
        widget: "string",
        hint: key.help.vi.to_owned(),
        required: key.need == crate::keys::Need::Required,
        ..Widget::default()
    };
    match key.kind {
        Kind::Text | Kind::Withdrawn => {}
        Kind::LongText => w.widget = "text",
        Kind::Province => {
            w.widget = "select";
            w.options = Some(province_choices());
            w.hint = "Gõ vài chữ để tìm, có dấu hay không dấu đều được (ví dụ: can tho). Tỉnh cũ trước 1/7/2025 có ghi tỉnh mới trong ngoặc.".to_owned();
        }
        Kind::Field => {
            w.widget = "select";
            w.options = Some(plain_choices(config.fields.iter().map(|f| f.name.as_str())));
        }
        Kind::Level => {
            w.widget = "select";
            w.options = Some(plain_choices(LEVELS.iter().copied()));
        }
        Kind::Year => {
            let next = crate::validate::next_year();
            w.widget = "number";
            w.value_type = Some("int");
            (w.min, w.max) = (Some(crate::validate::MIN_YEAR), Some(next));
            w.default = Some((next - 1).into());
        }
        Kind::Date => {
            w.widget = "datetime";
            (w.format, w.date_format) = (Some("YYYY-MM-DD"), Some("DD/MM/YYYY"));
            w.time_format = Some(false);
            w.hint = "Chọn ngày trên lịch.".to_owned();
        }
        Kind::Url => w.pattern = Some(["^https?://\\S+$", "Địa chỉ phải bắt đầu bằng https://"]),
        Kind::Image => {
            w.widget = "image";
            w.choose_url = Some(false);
            w.hint = "Chọn ảnh từ máy; ảnh được lưu cạnh bài viết.".to_owned();
        }
        Kind::Tags | Kind::Aliases => {
            w.widget = "list";
            w.allow_add = Some(true);
            if key.kind == Kind::Tags {
                w.hint = "Các chủ đề, cách nhau bằng dấu phẩy, ví dụ: nông thôn mới, giảm nghèo."
                    .to_owned();
            }
        }
        Kind::Slug => {
            w.pattern = Some([
                "^[a-z0-9]+(-[a-z0-9]+)*$",
                "Chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ: to-phu-nu-giup-nhau",
            ]);
        }
        Kind::Bool => {
            w.widget = "boolean";
            w.default = Some(true.into());
            w.hint =
                "Bật: bài chưa đăng (chỉ thấy khi xem trước). Tắt khi bài đã sẵn sàng để đăng."
                    .to_owned();
        }
        Kind::Map | Kind::Number => w.widget = "hidden",
    }
    w
}

/// The 34 units and the former provinces ("Bạc Liêu (nay thuộc Cà Mau)"), in
/// alphabetical order without diacritics.
fn province_choices() -> Vec<Choice> {
    let mut choices: Vec<Choice> = REGISTRY
        .units
        .iter()
        .map(|u| Choice {
            label: u.name.clone(),
            value: u.name.clone(),
        })
        .chain(REGISTRY.former.iter().map(|f| Choice {
            label: format!("{} (nay thuộc {})", f.name, REGISTRY.units[f.unit].name),
            value: f.name.clone(),
        }))
        .collect();
    choices.sort_by(|a, b| crate::vietnamese::collate(&a.label, &b.label));
    choices
}

fn plain_choices<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Choice> {
    names
        .map(|n| Choice {
            label: n.to_owned(),
            value: n.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn settings(yaml: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(Some(yaml))
    }

    #[test]
    fn cms_settings_are_checked() {
        let c = settings("cms:\n  repo: tinh/dvk\n").unwrap();
        let cms = c.cms.unwrap();
        assert_eq!(
            (cms.repo.as_str(), cms.branch.as_str()),
            ("tinh/dvk", "main")
        );
        assert_eq!(cms.backend, Backend::GitHub);
        for bad in [
            "cms:\n  repo: \"a b/c\"\n",
            "cms:\n  repo: x/y\n  script_url: \"javascript:alert(1)\"\n",
            "cms:\n  repo: x/y\n  script_url: \"https://x/\\\"><script>\"\n",
            "cms:\n  repo: x/y\n  backend: gitlab\n",
            "cms:\n  backend: github\n",
        ] {
            let e = settings(bad).unwrap_err();
            assert_eq!(e[0].code, "E095", "{bad}");
        }
        let e = settings("cms:\n  repo: x/y\n  brnach: main\n").unwrap_err();
        assert_eq!(e[0].code, "E001");
        assert!(
            settings("cms: {}\n").unwrap().cms.is_some(),
            "git-gateway, no repo"
        );
    }

    #[test]
    fn the_page_pins_the_script_and_escapes_what_it_is_given() {
        let c = settings("title: \"A <b>\"\ncms:\n  repo: x/y\n").unwrap();
        let html = page(&c, c.cms.as_ref().unwrap());
        assert!(html.contains(DEFAULT_SCRIPT) && html.contains(DEFAULT_INTEGRITY));
        assert!(html.contains("A &lt;b&gt;"));
        assert!(DEFAULT_SCRIPT.contains(DECAP_VERSION));
    }

    #[test]
    fn the_local_backend_is_the_serve_address_or_the_default_port() {
        assert_eq!(
            local_api("http://127.0.0.1:4321/"),
            "http://127.0.0.1:4321/api/v1"
        );
        assert_eq!(
            local_api("http://localhost:1111/"),
            "http://localhost:1111/api/v1"
        );
        for published in [
            "https://dvk.example.vn/",
            "/",
            "http://evil.example/",
            "/dvk/",
        ] {
            assert_eq!(
                local_api(published),
                "http://127.0.0.1:1111/api/v1",
                "{published}"
            );
        }
    }

    #[test]
    fn every_key_has_one_field_and_provinces_are_all_there() {
        let c = settings("cms:\n  repo: x/y\n").unwrap();
        let yml = config_yml(&c, c.cms.as_ref().unwrap());
        let v: serde_json::Value = yaml_serde::from_str(&yml).unwrap();
        let fields = v["collections"][0]["fields"].as_array().unwrap();
        let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        let mut want: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
        want.push("body");
        assert_eq!(names, want);
        let province = &fields[1]["options"];
        let n = province.as_array().unwrap().len();
        assert_eq!(n, REGISTRY.units.len() + REGISTRY.former.len());
        assert!(yml.contains("Bạc Liêu (nay thuộc Cà Mau)"));
    }
}
