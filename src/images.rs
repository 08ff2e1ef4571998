//! Responsive images: a large JPEG or PNG beside an article gets smaller copies (480,
//! 800 and 1200 px wide, never enlarged) for `srcset`, so a phone on mobile data does
//! not download a 4000-pixel photo. Copies are cached by content hash under
//! `<site>/.kheo-cache/images/`, so an unchanged image is not resized again. That cache
//! is the only thing besides `output` that writes to disk; losing it only costs time.

use std::path::Path;

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

/// The copy of `source` resized to `width` pixels wide, from the cache when possible.
pub fn resized(cache_dir: &Path, source: &Path, width: u32) -> Result<Vec<u8>> {
    let bytes = std::fs::read(source).map_err(|e| Error::io(source, e))?;
    let ext = source
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let key = format!("{:016x}-{width}.{ext}", crate::load::content_hash(&bytes));
    let cached = cache_dir.join(&key);
    if let Ok(hit) = std::fs::read(&cached) {
        return Ok(hit);
    }
    let bad = |e: image::ImageError| Error::io(source, std::io::Error::other(e.to_string()));
    let img = image::load_from_memory(&bytes).map_err(bad)?;
    let height =
        (u64::from(img.height()) * u64::from(width) / u64::from(img.width().max(1))).max(1);
    let small = img.resize_exact(
        width,
        u32::try_from(height).unwrap_or(u32::MAX),
        image::imageops::FilterType::Lanczos3,
    );
    let format = if ext == "png" {
        image::ImageFormat::Png
    } else {
        image::ImageFormat::Jpeg
    };
    let small = if format == image::ImageFormat::Jpeg {
        image::DynamicImage::ImageRgb8(small.to_rgb8())
    } else {
        small
    };
    let mut out = std::io::Cursor::new(Vec::new());
    small.write_to(&mut out, format).map_err(bad)?;
    let out = out.into_inner();
    // A cache that cannot be written only costs time next build.
    if std::fs::create_dir_all(cache_dir).is_ok() {
        let _ = std::fs::write(&cached, &out);
    }
    Ok(out)
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
        let a = resized(&cache, &src, 480).unwrap();
        let small = image::load_from_memory(&a).unwrap();
        assert_eq!((small.width(), small.height()), (480, 240));
        assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
        assert_eq!(resized(&cache, &src, 480).unwrap(), a);
    }
}
