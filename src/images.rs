//! Responsive images: a large JPEG or PNG beside an article gets smaller copies (480,
//! 800 and 1200 px wide, never enlarged) for `srcset`, so a phone on mobile data does
//! not download a 4000-pixel photo. Copies are cached by content hash under
//! `<site>/.kheo-cache/images/`, so an unchanged image is not resized again. That cache
//! is the only thing besides `output` that writes to disk; losing it only costs time,
//! and a cache that is a symbolic link is never used. An image that cannot be decoded
//! within fixed limits (corrupt, or too many pixels) gets no smaller copies: its
//! "copies" are the original, so its `srcset` still works and the build goes on.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Widths of the smaller copies.
pub const WIDTHS: [u32; 3] = [480, 800, 1200];

/// Images at most this wide are served as they are.
pub const MIN_WIDTH: u32 = 800;

/// The `sizes` attribute matching the theme's reading column.
pub const SIZES: &str = "(min-width: 48rem) 46rem, 100vw";

/// True for the formats we resize (others, SVG above all, are left alone).
pub fn is_resizable(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".jpg") || lower.ends_with(".jpeg") || lower.ends_with(".png")
}

/// The widths to make for an image `width` pixels wide.
pub fn variant_widths(width: u32) -> Vec<u32> {
    if width <= MIN_WIDTH {
        return Vec::new();
    }
    WIDTHS.iter().copied().filter(|w| *w < width).collect()
}

/// `anh.jpg` → `anh-480w.jpg` (the copy beside the original).
pub fn variant_name(name: &str, width: u32) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{width}w.{ext}"),
        None => format!("{name}-{width}w"),
    }
}

/// The `srcset` for `src` (an image `width` pixels wide), or `None` if it gets no copies.
pub fn srcset(src: &str, width: u32) -> Option<String> {
    let widths = variant_widths(width);
    if widths.is_empty() || !is_resizable(src) {
        return None;
    }
    let mut parts: Vec<String> = widths
        .iter()
        .map(|w| format!("{} {w}w", variant_name(src, *w)))
        .collect();
    parts.push(format!("{src} {width}w"));
    Some(parts.join(", "))
}

/// Images with more pixels than this are not decoded (50 megapixels: 150 MB as RGB).
const MAX_PIXELS: u64 = 50_000_000;

/// The most a decoder may allocate, and the longest side it accepts.
const MAX_ALLOC: u64 = 256 * 1024 * 1024;
const MAX_SIDE: u32 = 20_000;

/// The image cache of the site at `root`, or `None` when `.kheo-cache` or its
/// `images` folder is a symbolic link or not a folder: a cache is never read or
/// written through a link.
pub fn cache_dir(root: &Path) -> Option<PathBuf> {
    crate::load::cache_entry(root, "images", true)
}

/// The copy of `source` resized to `width` pixels wide, from the cache when there is
/// one and it has it. An image that cannot be decoded within the limits gives back its
/// own bytes (see the module doc).
pub fn resized(cache: Option<&Path>, source: &Path, width: u32) -> Result<Vec<u8>> {
    let bytes = std::fs::read(source).map_err(|e| Error::io(source, e))?;
    let ext = source
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let key = format!("{:016x}-{width}.{ext}", crate::output::content_hash(&bytes));
    if let Some(hit) = cache.and_then(|c| read_cached(&c.join(&key))) {
        return Ok(hit);
    }
    let Some(small) = shrink(&bytes, &ext, width) else {
        return Ok(bytes);
    };
    if let Some(cache) = cache {
        store(cache, &key, &small);
    }
    Ok(small)
}

/// Decodes `bytes` within the limits and encodes a copy `width` pixels wide.
fn shrink(bytes: &[u8], ext: &str, width: u32) -> Option<Vec<u8>> {
    let reader = || image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format();
    let (w, h) = reader().ok()?.into_dimensions().ok()?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return None;
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    let mut decoder = reader().ok()?;
    decoder.limits(limits);
    let img = decoder.decode().ok()?;
    let height =
        (u64::from(img.height()) * u64::from(width) / u64::from(img.width().max(1))).max(1);
    let small = img.resize_exact(
        width,
        u32::try_from(height).unwrap_or(u32::MAX),
        image::imageops::FilterType::Lanczos3,
    );
    let (small, format) = if ext == "png" {
        (small, image::ImageFormat::Png)
    } else {
        let rgb = image::DynamicImage::ImageRgb8(small.to_rgb8());
        (rgb, image::ImageFormat::Jpeg)
    };
    let mut out = std::io::Cursor::new(Vec::new());
    small.write_to(&mut out, format).ok()?;
    Some(out.into_inner())
}

/// A cached copy, if `path` is a real file (a link there is not followed).
fn read_cached(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    std::fs::read(path).ok()
}

/// Writes a copy into the cache: into a new file first, then renamed over the key, so
/// a link planted at the key is replaced, not written through. A cache that cannot be
/// written only costs time next build.
fn store(cache: &Path, key: &str, bytes: &[u8]) {
    use std::io::Write as _;
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    if std::fs::create_dir_all(cache).is_err() {
        return;
    }
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = cache.join(format!(".{key}.{}-{n}", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes));
    if written.is_err() || std::fs::rename(&tmp, cache.join(key)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_and_srcset() {
        assert_eq!(variant_widths(800), Vec::<u32>::new());
        assert_eq!(variant_widths(1000), vec![480, 800]);
        assert_eq!(variant_name("anh.jpg", 480), "anh-480w.jpg");
        assert_eq!(
            srcset("anh.jpg", 1000).as_deref(),
            Some("anh-480w.jpg 480w, anh-800w.jpg 800w, anh.jpg 1000w")
        );
        assert_eq!(srcset("anh.svg", 2000), None);
    }

    #[test]
    fn resizes_once_then_uses_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("lon.png");
        image::RgbImage::from_fn(1000, 500, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        })
        .save(&src)
        .unwrap();
        let cache = dir.path().join("cache");
        let a = resized(Some(&cache), &src, 480).unwrap();
        let small = image::load_from_memory(&a).unwrap();
        assert_eq!((small.width(), small.height()), (480, 240));
        assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
        assert_eq!(resized(Some(&cache), &src, 480).unwrap(), a);
    }

    /// A PNG signature and IHDR claiming `w`×`h` RGB pixels, with no image data.
    pub(crate) fn png_header(w: u32, h: u32) -> Vec<u8> {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&w.to_be_bytes());
        png.extend_from_slice(&h.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        png
    }

    #[test]
    fn images_too_large_or_corrupt_are_published_as_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let mut jpeg = Vec::new();
        image::RgbImage::new(900, 600)
            .write_to(
                &mut std::io::Cursor::new(&mut jpeg),
                image::ImageFormat::Jpeg,
            )
            .unwrap();
        jpeg.truncate(200);
        for (name, bytes) in [
            ("huge.png", png_header(30_000, 30_000)),
            ("cut.png", png_header(1000, 1000)),
            ("cut.jpg", jpeg),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, &bytes).unwrap();
            let got = resized(Some(&cache), &path, 480).unwrap();
            assert!(got == bytes, "{name}: the original, unchanged");
        }
        assert!(
            !cache.exists(),
            "nothing cached for images that gave no copy"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_cache_is_never_used() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir(&site).unwrap();
        std::os::unix::fs::symlink(&elsewhere, site.join(".kheo-cache")).unwrap();
        assert_eq!(cache_dir(&site), None);
        std::fs::remove_file(site.join(".kheo-cache")).unwrap();
        std::fs::create_dir(site.join(".kheo-cache")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, site.join(".kheo-cache/images")).unwrap();
        assert_eq!(cache_dir(&site), None);
    }
}
