//! `kheo init` makes a site that builds at once; `kheo schema` prints a JSON Schema
//! that accepts what validation accepts.

use crate::support::kheo;

fn kheo_bare(args: &[&str]) -> std::process::Output {
    crate::support::kheo_command()
        .args(args)
        .env_remove("CI")
        .output()
        .expect("run kheo")
}

#[test]
fn init_creates_a_site_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("trang-moi");
    let out = kheo_bare(&["init", dir.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("site.yaml").is_file());
    assert!(dir.join("content").is_dir());
    let out = kheo(
        &dir,
        &[
            "new",
            "Mô hình đầu tiên",
            "--province",
            "can tho",
            "--field",
            "kinh te",
            "--year",
            "2025",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A new article is a draft: the first build says so, publishing nothing.
    let out = kheo(&dir, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only drafts"));
    assert!(!dir.join("public").exists());
    // Following the advice in the file: delete the `draft: true` line.
    let rel = dir.join("content/can-tho/2025/mo-hinh-dau-tien.md");
    let text = std::fs::read_to_string(&rel).unwrap();
    let published: String = text
        .lines()
        .filter(|l| !l.starts_with("draft: true"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&rel, published).unwrap();
    let out = kheo(&dir, &["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        dir.join("public/mo-hinh/mo-hinh-dau-tien/index.html")
            .is_file()
    );
    assert!(dir.join("public/tinh/can-tho/index.html").is_file());
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("x.txt"), "x").unwrap();
    let out = kheo_bare(&["init", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!tmp.path().join("site.yaml").exists());
}

#[test]
fn schema_is_json_with_province_and_field_enums() {
    let tmp = tempfile::tempdir().unwrap();
    let out = kheo(tmp.path(), &["schema"]);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(schema["additionalProperties"], false);
    let provinces = schema["properties"]["province"]["anyOf"][0]["enum"]
        .as_array()
        .unwrap();
    for name in [
        "Bạc Liêu",
        "Bac Lieu",
        "Cà Mau",
        "Ca Mau",
        "Thừa Thiên Huế",
        "Đà Nẵng",
        "Da Nang",
    ] {
        assert!(provinces.iter().any(|p| p == name), "{name} missing");
    }
    let fields = schema["properties"]["field"]["enum"].as_array().unwrap();
    assert!(fields.iter().any(|f| f == "Kinh tế"));
    assert!(fields.iter().any(|f| f == "Kinh te"));
}
