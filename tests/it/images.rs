//! Large photos beside an article get smaller copies for `srcset`, made once and then
//! taken from the cache; small images and SVGs are left alone.

use crate::support::{fixture, kheo};

fn photo(path: &std::path::Path, w: u32, h: u32) {
    image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 120])
    })
    .save(path)
    .expect("write the test photo");
}

#[test]
fn large_photos_get_srcset_copies_from_a_cache() {
    let site = fixture("minimal");
    let dir = site.path().join("content/an-giang/2024/anh-lon");
    std::fs::create_dir_all(&dir).unwrap();
    photo(&dir.join("lon.jpg"), 1600, 900);
    photo(&dir.join("nho.png"), 600, 400);
    std::fs::write(
        dir.join("index.md"),
        "---\ntitle: Ảnh lớn\nprovince: An Giang\nfield: Kinh tế\nyear: 2024\nsummary: Thử ảnh.\nimage: lon.jpg\nimage_caption: Cánh đồng\n---\n\n![Ảnh nhỏ](nho.png)\n\n![Ảnh lớn](lon.jpg)\n",
    )
    .unwrap();
    let out = kheo(site.path(), &["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page_dir = site.path().join("public/mo-hinh/anh-lon");
    for w in [480, 800, 1200] {
        let copy = image::open(page_dir.join(format!("lon-{w}w.jpg"))).expect("copy exists");
        assert_eq!(copy.width(), w);
        assert_eq!(copy.height(), 900 * w / 1600);
    }
    assert!(
        !page_dir.join("nho-480w.png").exists(),
        "small images are not copied"
    );
    let html = std::fs::read_to_string(page_dir.join("index.html")).unwrap();
    let srcset =
        "srcset=\"lon-480w.jpg 480w, lon-800w.jpg 800w, lon-1200w.jpg 1200w, lon.jpg 1600w\"";
    assert_eq!(
        html.matches(srcset).count(),
        2,
        "lead image and body image: {html}"
    );
    assert!(
        html.contains("width=\"600\" height=\"400\" loading=\"lazy\""),
        "{html}"
    );

    // The copies are cached: a second build finds them and gives identical bytes.
    let cache = site.path().join(".kheo-cache/images");
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 3);
    let first = std::fs::read(page_dir.join("lon-800w.jpg")).unwrap();
    let out = kheo(site.path(), &["build"]);
    assert!(out.status.success());
    assert_eq!(std::fs::read(page_dir.join("lon-800w.jpg")).unwrap(), first);
}
