//! Width and height of images, from their headers: `imagesize` for PNG, JPEG, GIF,
//! WebP and AVIF, the root element's attributes for SVG. Input is untrusted (any file
//! a contributor adds): every reader here returns `None` rather than panicking, and
//! `image_size` is the entry point the fuzz target (`fuzz/`) and the unit test drive.

use std::io::Read as _;
use std::path::Path;

use rayon::prelude::*;

use crate::output::Blob;

/// How much of an SVG is read for its size: the root element comes first.
const SVG_HEAD_BYTES: u64 = 256 * 1024;

/// Width and height of the image `bytes`, whose file name is `name` (the extension
/// picks the reader); `None` for other files, broken headers or zero sizes.
pub fn image_size(name: &str, bytes: &[u8]) -> Option<(u32, u32)> {
    match extension(name).as_str() {
        "svg" => svg_size(&String::from_utf8_lossy(bytes)),
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "avif" => {
            // `imagesize` is a header parser of untrusted data: should it ever panic, the
            // image simply has no known size.
            let size = std::panic::catch_unwind(|| imagesize::blob_size(bytes)).ok()?;
            dimensions(size.ok()?)
        }
        _ => None,
    }
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map_or(String::new(), |(_, e)| e.to_ascii_lowercase())
}

fn dimensions(s: imagesize::ImageSize) -> Option<(u32, u32)> {
    Some((u32::try_from(s.width).ok()?, u32::try_from(s.height).ok()?))
}

/// The size of one file: for SVG its first `SVG_HEAD_BYTES`, else `imagesize` reading
/// only as far as it needs.
fn blob_size(name: &str, blob: &Blob) -> Option<(u32, u32)> {
    match blob {
        Blob::Embedded(b) => image_size(name, b),
        Blob::Disk(p) if extension(name) == "svg" => image_size(name, &head(p)?),
        Blob::Disk(p) => {
            let p: &Path = p;
            let size = std::panic::catch_unwind(|| imagesize::size(p)).ok()?;
            dimensions(size.ok()?)
        }
    }
}

fn head(path: &Path) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(SVG_HEAD_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// Reads the width and height of every image among `files` into `sizes`.
pub(crate) fn measure(
    sizes: &mut std::collections::HashMap<String, (u32, u32)>,
    files: impl Iterator<Item = (String, Blob)>,
) {
    let images: Vec<(String, Blob)> = files
        .filter(|(k, _)| {
            matches!(
                extension(k).as_str(),
                "png" | "jpg" | "jpeg" | "gif" | "webp" | "avif" | "svg"
            )
        })
        .collect();
    let found: Vec<(String, (u32, u32))> = images
        .par_iter()
        .filter_map(|(k, blob)| blob_size(k, blob).map(|s| (k.clone(), s)))
        .collect();
    sizes.extend(found);
}

/// `width`/`height` of an SVG's root element, else its `viewBox`.
pub(crate) fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..];
    let tag = &tag[..tag.find('>')?];
    let number = |v: &str| {
        v.trim()
            .trim_end_matches("px")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n > 0.0)
    };
    if let (Some(w), Some(h)) = (
        attribute(tag, "width").and_then(number),
        attribute(tag, "height").and_then(number),
    ) {
        return Some((pixels(w), pixels(h)));
    }
    let vb = attribute(tag, "viewBox")?;
    let parts: Vec<f64> = vb
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match parts[..] {
        [_, _, w, h] if w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0 => {
            Some((pixels(w), pixels(h)))
        }
        _ => None,
    }
}

/// A positive length rounded to whole pixels (`as` saturates at `u32::MAX`).
fn pixels(n: f64) -> u32 {
    n.round() as u32
}

/// The quoted value of the attribute `name` in `tag`, found after whitespace. Only
/// `str` methods that return char boundaries are used, so no input can make a slice
/// land inside a character.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    loop {
        let at = from + tag[from..].find(name)?;
        let after = &tag[at + name.len()..];
        from = at + name.len();
        let spaced = tag[..at].ends_with(|c: char| c.is_whitespace());
        let Some(value) = after.trim_start().strip_prefix('=') else {
            continue;
        };
        if !spaced {
            continue;
        }
        let mut chars = value.trim_start().chars();
        let quote = chars.next().filter(|q| matches!(q, '"' | '\''))?;
        let rest = chars.as_str();
        return rest.find(quote).map(|end| &rest[..end]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_sizes() {
        assert_eq!(
            svg_size("<svg xmlns='x' width=\"800\" height=\"450px\">"),
            Some((800, 450))
        );
        assert_eq!(svg_size("<svg viewBox=\"0 0 32 16\">"), Some((32, 16)));
        assert_eq!(svg_size("<svg\n  viewBox = '0,0,8,4'>"), Some((8, 4)));
        assert_eq!(svg_size("<svg width=\"100%\">"), None);
        assert_eq!(
            svg_size("<svg data-width=\"5\" width=\"7\" height=\"3\">"),
            Some((7, 3))
        );
    }

    #[test]
    fn svg_size_reads_attributes_with_any_characters_safely() {
        for svg in [
            "<svg width=ả height=\"1\">",
            "<svg width=\"ả\" height=\"ả\">",
            "<svg width=“5” height=“5”>",
            "<svg width=",
            "<svg width=\"5",
            "<svg viewBox=\"0 0 NaN inf\">",
            "<svg width=\"1e400\" height=\"-1\">",
            "<svgả width='ả'>",
            "ả<svg width='1ả' height='2'>",
        ] {
            let _ = svg_size(svg);
        }
        assert_eq!(
            svg_size("<svg width='1e12' height='2'>"),
            Some((u32::MAX, 2))
        );
    }

    /// A tiny deterministic PRNG (xorshift64*), so the mutation test needs no crate.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    /// Valid headers of each format the site measures.
    fn seeds() -> Vec<(&'static str, Vec<u8>)> {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(800u32.to_be_bytes());
        png.extend(450u32.to_be_bytes());
        png.extend(b"\x08\x02\0\0\0");
        let jpeg = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xc0\0\x11\x08\x01\xc2\x03\x20\x03\x01\x22\0\x02\x11\x01\x03\x11\x01\xff\xd9".to_vec();
        let gif = b"GIF89a\x20\x03\xc2\x01\x80\0\0".to_vec();
        let webp = b"RIFF\x1a\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0\x1f\x03\0\xc1\x01\0".to_vec();
        let svg = "<svg xmlns='http://www.w3.org/2000/svg' width=\"800\" height='450' viewBox=\"0 0 800 450\">ảnh</svg>".as_bytes().to_vec();
        vec![
            ("a.png", png),
            ("a.jpg", jpeg),
            ("a.gif", gif),
            ("a.webp", webp),
            ("a.svg", svg),
            ("a.avif", avif(800, 450)),
        ]
    }

    /// The boxes of an AVIF that `imagesize` reads: `ftyp`, then `meta` → `iprp` →
    /// `ipco` → `ispe` (width, height).
    fn avif(w: u32, h: u32) -> Vec<u8> {
        let boxed = |kind: &[u8], body: Vec<u8>| {
            let mut b = u32::try_from(8 + body.len())
                .unwrap_or(0)
                .to_be_bytes()
                .to_vec();
            b.extend(kind);
            b.extend(body);
            b
        };
        let ispe = boxed(b"ispe", [[0; 4], w.to_be_bytes(), h.to_be_bytes()].concat());
        let meta = boxed(
            b"meta",
            [vec![0; 4], boxed(b"iprp", boxed(b"ipco", ispe))].concat(),
        );
        [boxed(b"ftyp", b"avif\0\0\0\0avifmif1miaf".to_vec()), meta].concat()
    }

    /// Flips, inserts, deletes and truncates bytes of valid headers, a few thousand
    /// times with a fixed seed, and asks for the size of each: it must never panic.
    /// (The long, coverage-guided version is `cargo +nightly fuzz run image_headers`.)
    #[test]
    fn image_size_never_panics_on_mutated_headers() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let mutations = b"\0\xff\x7f\x80'\"<>= \xc3\xa1\xe1\xba\xa3";
        for (name, seed) in seeds() {
            assert!(image_size(name, &seed).is_some(), "{name} seed is valid");
            for _ in 0..1500 {
                let mut bytes = seed.clone();
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(bytes.len() + 1);
                    match rng.below(4) {
                        0 if at < bytes.len() => bytes[at] = rng.next() as u8,
                        1 => bytes.insert(at, mutations[rng.below(mutations.len())]),
                        2 if at < bytes.len() => {
                            bytes.remove(at);
                        }
                        _ => bytes.truncate(at),
                    }
                }
                let _ = image_size(name, &bytes);
            }
        }
    }
}
