//! What a body's HTML may hold: the URL schemes of links and images (checked on every
//! body, on pulldown-cmark's events) and, for bodies with raw HTML, ammonia's policy:
//! safe tags, no style but table alignment, no class but kheo's own, and ids written in
//! raw HTML prefixed so they never take one of the theme's. Pure.

use std::borrow::Cow;
use std::sync::LazyLock;

/// URL schemes a link may use; anything else (`javascript:`, `vbscript:`, `data:`,
/// `file:` ...) loses its link. Relative URLs and fragments have no scheme.
const LINK_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// URL schemes an image may use (no `data:`: an image is a file of the site or a page
/// on the web).
const IMAGE_SCHEMES: [&str; 2] = ["http", "https"];

/// Where raw HTML's own ids go, so they never equal an id of the theme or of the page
/// (as GitHub does).
const USER_ID_PREFIX: &str = "user-content-";

thread_local! {
    /// The ids kheo itself wrote into the body being sanitised (headings, footnotes):
    /// kept as they are; every other id gets `USER_ID_PREFIX`.
    static OWN_IDS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id", "class"])
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("pre", ["data-lang"])
        .add_tag_attributes("img", ["loading", "decoding", "srcset", "sizes"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .url_schemes(LINK_SCHEMES.into_iter().collect())
        .attribute_filter(|_, attr, value| match attr {
            "style" => is_alignment(value).then_some(value.into()),
            "class" => own_classes(value),
            "id" => Some(own_or_user_id(value)),
            _ => Some(value.into()),
        });
    b
});

/// True for the one style kheo's Markdown writes: a table column's alignment. Any
/// other style (a cell covering the page) is dropped.
fn is_alignment(style: &str) -> bool {
    matches!(
        style,
        "text-align: left" | "text-align: center" | "text-align: right"
    )
}

/// The classes kheo's Markdown writes (code highlighting, footnotes); raw HTML's own
/// classes are dropped so they cannot dress text as the theme's controls.
fn own_classes(value: &str) -> Option<Cow<'_, str>> {
    let own = |c: &&str| *c == "code" || c.starts_with("hl-") || c.starts_with("footnote-");
    if value.split_ascii_whitespace().all(|c| own(&c)) {
        return Some(value.into());
    }
    let kept: Vec<&str> = value.split_ascii_whitespace().filter(own).collect();
    (!kept.is_empty()).then(|| kept.join(" ").into())
}

/// An id kheo wrote as it is; any other with `USER_ID_PREFIX`.
fn own_or_user_id(id: &str) -> Cow<'_, str> {
    if OWN_IDS.with(|own| own.borrow().iter().any(|o| o == id)) {
        id.into()
    } else {
        format!("{USER_ID_PREFIX}{id}").into()
    }
}

/// True if `url` may be published as a link (`image`: as an image): a relative URL,
/// a fragment, or an allowed scheme. Read as a browser would: ASCII white space and
/// control characters anywhere are ignored (`java\tscript:`), case too; entities are
/// already decoded by the Markdown parser.
pub(super) fn is_allowed_url(url: &str, image: bool) -> bool {
    let mut scheme = String::new();
    for c in url.chars() {
        match c {
            ':' => {
                let allowed: &[&str] = if image { &IMAGE_SCHEMES } else { &LINK_SCHEMES };
                return allowed.contains(&scheme.as_str());
            }
            '/' | '?' | '#' => return true,
            c if c.is_ascii_control() || c == ' ' => {}
            c => scheme.push(c.to_ascii_lowercase()),
        }
    }
    true
}

/// Raw HTML through ammonia: only safe tags and attributes, links and images with an
/// allowed scheme, no style but a table column's alignment, no class but kheo's own,
/// and ids other than `own_ids` (kheo's headings and footnotes) prefixed.
pub(super) fn clean(html: &str, own_ids: Vec<String>) -> String {
    OWN_IDS.with(|own| *own.borrow_mut() = own_ids);
    let out = SANITIZER.clean(html).to_string();
    OWN_IDS.with(|own| own.borrow_mut().clear());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_urls_are_relative_or_of_an_allowed_scheme() {
        for (url, link, image) in [
            ("https://x.vn", true, true),
            ("HTTP://x.vn", true, true),
            ("//x.vn/a", true, true),
            ("anh.jpg", true, true),
            ("a/b:c", true, true),
            ("?q=a:b", true, true),
            ("#a:b", true, true),
            ("mailto:a@b.vn", true, false),
            ("tel:+84", true, false),
            ("javascript:x", false, false),
            (" \u{1}java\nscript:x", false, false),
            ("jav\u{0}ascript:x", false, false),
            ("data:image/png;base64,AA", false, false),
            ("ja\u{200b}vascript:x", false, false),
        ] {
            assert_eq!(is_allowed_url(url, false), link, "{url:?}");
            assert_eq!(is_allowed_url(url, true), image, "{url:?} image");
        }
    }
}
