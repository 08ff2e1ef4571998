//! Markdown → HTML with pulldown-cmark (tables, footnotes, strikethrough, task lists),
//! heading ids from the folded slug, fenced code highlighted by syntect into CSS
//! classes, links and images only with an allowed URL scheme, raw HTML sanitised by
//! ammonia unless the site opts out (the policy: `sanitize`). Also returns the
//! plain text (for search and word counts) and every link and image with its offset,
//! so `validate` can check them. Pure: no disk access.

use std::collections::HashMap;
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::escape::html as escape;
use crate::vietnamese::slugify;

mod sanitize;

use sanitize::is_allowed_url;

/// A link or image destination found in the body, with its byte offset in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The destination as written.
    pub dest: String,
    /// Byte offset of the link in the body.
    pub offset: usize,
    /// True for `![..](..)`.
    pub is_image: bool,
}

/// The result of rendering one body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Safe HTML (shared: cached by `serve`, cloned into articles).
    pub html: std::sync::Arc<str>,
    /// Links and images, in document order.
    pub references: Vec<Reference>,
    /// True if the body had a fenced code block.
    pub has_code: bool,
    /// Words in the text (`html_text`), counted once here: `serve` reuses it.
    pub word_count: usize,
}

/// How link destinations are rewritten while rendering.
pub trait LinkRewriter {
    /// Returns the new destination for `dest`, or `None` to keep it.
    fn rewrite(&self, dest: &str, is_image: bool) -> Option<String>;

    /// Width and height of the image at `dest` (as written), if known, so the page can
    /// reserve its space and nothing shifts while it loads.
    fn image_size(&self, _dest: &str) -> Option<(u32, u32)> {
        None
    }

    /// A `srcset` of smaller copies of the image at `dest`, if the build makes them.
    fn image_srcset(&self, _dest: &str, _width: u32) -> Option<String> {
        None
    }
}

/// Leaves every link as written.
pub struct NoRewrite;

impl LinkRewriter for NoRewrite {
    fn rewrite(&self, _: &str, _: bool) -> Option<String> {
        None
    }
}

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// Renders a body. `unsafe_html` keeps raw HTML as written.
pub fn render(body: &str, unsafe_html: bool, links: &dyn LinkRewriter) -> Rendered {
    let mut pass = Pass::default();
    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        if pass.inside_image(&event) || pass.inside_code(&event) || !pass.notice(&event) {
            continue;
        }
        if let Some(event) = pass.rewrite(event, range.start, links) {
            pass.events.push(event);
        }
    }
    pass.finish(body.len(), unsafe_html)
}

/// One pass over a body's events: what has been seen so far.
#[derive(Default)]
struct Pass<'a> {
    out: Rendered,
    events: Vec<Event<'a>>,
    raw_html: bool,
    /// Inside a fenced or indented code block: its language and text.
    code: Option<(String, String)>,
    /// Inside an image: its alt text is being gathered.
    image: Option<PendingImage>,
    /// Inside a heading: the index of its start event, and its text.
    heading: Option<usize>,
    heading_text: String,
    ids: HashMap<String, usize>,
    /// Heading and footnote ids kheo writes (the sanitiser keeps them).
    own_ids: Vec<String>,
    /// A link whose scheme is not allowed: its text only.
    dropped_link: bool,
}

impl<'a> Pass<'a> {
    /// Inside an image: gathers its alt text; true if the event was taken.
    fn inside_image(&mut self, event: &Event<'a>) -> bool {
        let Some(img) = self.image.as_mut() else {
            return false;
        };
        match event {
            Event::Text(t) | Event::Code(t) => img.alt.push_str(t),
            Event::End(TagEnd::Image) => {
                if let Some(img) = self.image.take() {
                    self.events.push(img.event());
                }
            }
            _ => {}
        }
        true
    }

    /// Inside a code block: gathers its text, highlighted at its end; true if taken.
    fn inside_code(&mut self, event: &Event<'a>) -> bool {
        let Some((_, text)) = self.code.as_mut() else {
            return false;
        };
        match event {
            Event::Text(t) => text.push_str(t),
            Event::End(TagEnd::CodeBlock) => {
                let (lang, text) = self.code.take().unwrap_or_default();
                self.events
                    .push(Event::Html(highlight(&lang, &text).into()));
            }
            _ => {}
        }
        true
    }

    /// Notes code blocks (false: the start was taken), headings and raw HTML.
    fn notice(&mut self, event: &Event<'a>) -> bool {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                self.out.has_code = true;
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.split([' ', ',']).next().unwrap_or("").to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
                return false;
            }
            Event::Start(Tag::Heading { .. }) => {
                self.heading = Some(self.events.len());
                self.heading_text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(i) = self.heading.take() {
                    let id = heading_id(&mut self.ids, &self.heading_text);
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut self.events[i]
                        && slot.is_none()
                    {
                        self.own_ids.push(id.clone());
                        *slot = Some(id.into());
                    }
                }
            }
            Event::Text(t) | Event::Code(t) if self.heading.is_some() => {
                self.heading_text.push_str(t);
            }
            Event::Html(_) | Event::InlineHtml(_) => self.raw_html = true,
            _ => {}
        }
        true
    }

    /// Links and images rewritten (or dropped, for a scheme that is not allowed); an
    /// image waits for its alt text. `None`: nothing to emit now.
    fn rewrite(
        &mut self,
        event: Event<'a>,
        start: usize,
        links: &dyn LinkRewriter,
    ) -> Option<Event<'a>> {
        let out = &mut self.out;
        Some(match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = reference(out, links, dest_url, start, false, link_type);
                if !is_allowed_url(&dest_url, false) {
                    // Links do not nest: the next link end is this one's.
                    self.dropped_link = true;
                    return None;
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                let size = links.image_size(&dest_url);
                let srcset = size.and_then(|(w, _)| links.image_srcset(&dest_url, w));
                let src = reference(out, links, dest_url, start, true, link_type).to_string();
                self.image = Some(PendingImage {
                    src,
                    title: title.to_string(),
                    alt: String::new(),
                    size,
                    srcset,
                });
                return None;
            }
            Event::End(TagEnd::Link) if self.dropped_link => {
                self.dropped_link = false;
                return None;
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                self.own_ids.push(label.to_string());
                Event::Start(Tag::FootnoteDefinition(label))
            }
            e => e,
        })
    }

    /// The HTML (sanitised when it had raw HTML, unless the site allows it) and counts.
    fn finish(mut self, body_len: usize, unsafe_html: bool) -> Rendered {
        let mut html = String::with_capacity(body_len * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, self.events.into_iter());
        self.out.html = if self.raw_html && !unsafe_html {
            sanitize::clean(&html, self.own_ids)
        } else {
            html
        }
        .into();
        self.out.word_count = count_words(&html_text(&self.out.html));
        self.out
    }
}

/// The id of a heading with this text: its slug (`muc` if it has none), with `-2`,
/// `-3` ... for the second and later headings of the same slug.
fn heading_id(seen: &mut HashMap<String, usize>, text: &str) -> String {
    let mut id = slugify(text);
    if id.is_empty() {
        id = "muc".to_owned();
    }
    let n = seen.entry(id.clone()).or_insert(0);
    *n += 1;
    if *n > 1 {
        id = format!("{id}-{n}");
    }
    id
}

fn reference<'a>(
    out: &mut Rendered,
    links: &dyn LinkRewriter,
    dest: CowStr<'a>,
    offset: usize,
    is_image: bool,
    link_type: LinkType,
) -> CowStr<'a> {
    if matches!(link_type, LinkType::Email) {
        return dest;
    }
    out.references.push(Reference {
        dest: dest.to_string(),
        offset,
        is_image,
    });
    match links.rewrite(&dest, is_image) {
        Some(new) => new.into(),
        None => dest,
    }
}

/// An image being read: its alt text arrives as the events that follow its start.
struct PendingImage {
    src: String,
    title: String,
    alt: String,
    size: Option<(u32, u32)>,
    srcset: Option<String>,
}

impl PendingImage {
    /// The image, or only its alt text if its source's scheme is not allowed.
    fn event(self) -> Event<'static> {
        if is_allowed_url(&self.src, true) {
            Event::Html(self.html().into())
        } else {
            Event::Text(self.alt.into())
        }
    }

    /// `<img>` with its size (no layout shift) and lazy loading (body images sit below
    /// the fold).
    fn html(&self) -> String {
        let mut s = format!(
            "<img src=\"{}\" alt=\"{}\"",
            escape(&self.src),
            escape(&self.alt)
        );
        if !self.title.is_empty() {
            s.push_str(&format!(" title=\"{}\"", escape(&self.title)));
        }
        if let Some((w, h)) = self.size {
            s.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
        }
        if let Some(set) = &self.srcset {
            s.push_str(&format!(
                " srcset=\"{}\" sizes=\"{}\"",
                escape(set),
                crate::images::SIZES
            ));
        }
        s.push_str(" loading=\"lazy\" decoding=\"async\">");
        s
    }
}

/// The text of a rendered body, as the search index reads it: tags dropped, entities
/// decoded, image alt text kept, a line break after each block (paragraph, heading, list
/// item, table cell, quotation, code block) and spaces for line breaks inside one; no
/// footnote numbers. The index derives it from the page's HTML when it needs it, so no
/// build keeps a second copy of every body as text.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // Inside `<sup class="footnote-…">`: its number is not text of the story.
    let mut skip_sup = 0usize;
    while let Some(i) = memchr::memchr2(b'<', b'&', rest.as_bytes()) {
        if skip_sup == 0 {
            push_text(&mut out, &rest[..i]);
        }
        rest = &rest[i..];
        if rest.starts_with('&') {
            let (c, len) = entity(rest);
            if skip_sup == 0 {
                out.push_str(c);
            }
            rest = &rest[len..];
            continue;
        }
        let end = tag_end(rest);
        let tag = rest[1..end].strip_suffix('>').unwrap_or(&rest[1..end]);
        rest = &rest[end..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match name.as_str() {
            "sup" if closing => skip_sup = skip_sup.saturating_sub(1),
            "sup" if skip_sup > 0 || tag.contains("footnote") => skip_sup += 1,
            "img" if skip_sup == 0 => {
                if let Some(alt) = attribute(tag, "alt") {
                    push_text(&mut out, alt);
                }
            }
            "br" => out.push(' '),
            "p" | "li" | "td" | "th" | "blockquote" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" | "dt" | "dd" | "figcaption" | "div"
                if closing =>
            {
                out.push('\n');
            }
            "script" | "style" if !closing => {
                let close = format!("</{name}");
                rest = rest.find(&close).map_or("", |k| &rest[k..]);
            }
            _ => {}
        }
    }
    if skip_sup == 0 {
        push_text(&mut out, rest);
    }
    out
}

/// Appends text between tags: entities decoded, line breaks as spaces.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = memchr::memchr3(b'&', b'\n', b'\r', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('&') {
            let (c, len) = entity(rest);
            out.push_str(c);
            rest = &rest[len..];
        } else {
            out.push(' ');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
}

/// The character an entity at the start of `s` stands for, and the entity's length.
/// Unknown ones are kept as written.
fn entity(s: &str) -> (&str, usize) {
    let Some(end) = s.bytes().take(12).position(|b| b == b';') else {
        return ("&", 1);
    };
    let c = match &s[1..end] {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" | "#39" | "#x27" => "'",
        "nbsp" | "#160" | "#xa0" => " ",
        _ => return ("&", 1),
    };
    (c, end + 1)
}

/// The length of the tag at the start of `s`, up to its `>` (outside quotes).
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// The raw value of attribute `name` in a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

/// The Markdown extensions kheo reads.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_SMART_PUNCTUATION);

/// Highlights a code block into `<pre>` with syntect's CSS classes.
fn highlight(lang: &str, code: &str) -> String {
    let ss = &*SYNTAXES;
    let syntax = (!lang.is_empty())
        .then(|| ss.find_syntax_by_token(lang))
        .flatten()
        .unwrap_or_else(|| ss.find_syntax_plain_text());
    let mut html_gen = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        ss,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        if html_gen
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(code));
        }
    }
    let lang_attr = if lang.is_empty() {
        String::new()
    } else {
        format!(" data-lang=\"{}\"", escape(lang))
    };
    format!(
        "<pre class=\"code\"{lang_attr}><code>{}</code></pre>\n",
        html_gen.finalize()
    )
}

/// `text.split_whitespace().count()`, quickly: ASCII white space is found 64 bytes at a
/// time (a mask of spaces; a word starts where a space is followed by a non-space),
/// and the rare text with non-ASCII white space (no-break space, U+2000..) is counted
/// the slow way.
pub fn count_words(text: &str) -> usize {
    if has_non_ascii_space(text.as_bytes()) {
        return text.split_whitespace().count();
    }
    let is_space = |b: u8| (b == b' ') | (b.wrapping_sub(b'\t') < 5);
    let mut chunks = text.as_bytes().chunks_exact(64);
    let mut words = 0;
    // Bit 0 of `before`: the byte before the chunk was a space (the start counts as one).
    let mut before = 1u64;
    for chunk in &mut chunks {
        let mut spaces = 0u64;
        for (k, &b) in chunk.iter().enumerate() {
            spaces |= u64::from(is_space(b)) << k;
        }
        words += (!spaces & ((spaces << 1) | before)).count_ones() as usize;
        before = spaces >> 63;
    }
    let mut space = before == 1;
    for &b in chunks.remainder() {
        words += usize::from(space & !is_space(b));
        space = is_space(b);
    }
    words
}

/// True if `bytes` (UTF-8) hold a white space character outside ASCII: U+0085, U+00A0,
/// U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F or U+3000.
fn has_non_ascii_space(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, "\u{1680}".as_bytes()).is_some()
        || memchr::memchr3_iter(0xc2, 0xe2, 0xe3, bytes).any(|i| {
            let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
            matches!(
                (bytes[i], next(1), next(2)),
                (0xc2, 0x85 | 0xa0, _)
                    | (0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)
                    | (0xe2, 0x81, 0x9f)
                    | (0xe3, 0x80, 0x80)
            )
        })
}

/// CSS for the highlighting classes: a light theme, and a dark one for dark mode.
pub fn highlight_css() -> String {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    let style = ClassStyle::SpacedPrefixed { prefix: "hl-" };
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|t| syntect::html::css_for_theme_with_class_style(t, style).ok())
            .unwrap_or_default()
    };
    format!(
        "/* Generated by kheo from syntect's themes. */\n{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        css("InspiredGitHub"),
        css("base16-ocean.dark")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_words_is_split_whitespace_count() {
        let texts = [
            "",
            " ",
            "một",
            "  Dân vận   khéo\n\nở\tBạc Liêu ",
            "a\u{a0}b\u{2009}c\u{3000}d\u{85}e\u{1680}f\u{202f}g\u{205f}h\u{2028}i",
            "\u{200b}x\u{feff}y", // zero-width: not white space
            "–—“”…đ ẫ",
        ];
        for t in texts {
            assert_eq!(count_words(t), t.split_whitespace().count(), "{t:?}");
        }
        // Words and spaces of every length across the 64-byte chunks.
        for n in 0..200 {
            let t: String = (0..n)
                .map(|k| {
                    if k % 7 == 3 || k % 11 == 0 {
                        ' '
                    } else {
                        'ạ'
                    }
                })
                .collect();
            assert_eq!(count_words(&t), t.split_whitespace().count(), "{t:?}");
            let t = t.replace('ạ', "a");
            assert_eq!(count_words(&t), t.split_whitespace().count(), "{t:?}");
        }
        let every: String = (0..0x3100u32)
            .filter_map(char::from_u32)
            .flat_map(|c| [c, 'x'])
            .collect();
        assert_eq!(count_words(&every), every.split_whitespace().count());
    }

    fn html(md: &str) -> String {
        render(md, false, &NoRewrite).html.to_string()
    }

    #[test]
    fn html_text_keeps_words_and_block_breaks() {
        let r = render(
            "## Kết quả\nHơn *120* hộ\ntham gia &amp; góp[^1] đất.\n\n![Cánh đồng \"lúa\"](a.jpg)\n\n- một\n- hai<br>ba\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nx = 1\n```\n\n[^1]: Theo báo cáo.\n",
            false,
            &NoRewrite,
        );
        let text = html_text(&r.html);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            [
                "Kết quả",
                "Hơn 120 hộ tham gia & góp đất.",
                "Cánh đồng “lúa”",
                "một",
                "hai ba",
                "a",
                "b",
                "1",
                "2",
                "x = 1",
                "Theo báo cáo."
            ],
            "{text:?} from {}",
            r.html
        );
    }

    #[test]
    fn html_text_never_panics_on_odd_html() {
        for h in [
            "<",
            "&",
            "<p",
            "a &#x1F600; b",
            "<img alt=\"x",
            "<sup class=\"footnote-x\">1",
            "&nbs",
            "</sup></sup>đ",
            "<script>x",
            "<a title='>'>é</a>",
        ] {
            let _ = html_text(h);
        }
        assert_eq!(html_text("<a title='>'>é</a>"), "é");
        assert_eq!(html_text("x &lt;b&gt; &unknown; y"), "x <b> &unknown; y");
    }

    /// The index reads bodies through `html_text`: it must find the words of the
    /// Markdown, on every example article.
    #[test]
    fn html_text_has_the_words_pulldown_reads() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut seen = 0;
        for entry in walk(&root) {
            let source = std::fs::read_to_string(&entry).expect("read example");
            let body = source.splitn(3, "---").nth(2).unwrap_or("");
            let r = render(body, false, &NoRewrite);
            let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
            assert_eq!(
                words(&html_text(&r.html)),
                words(&parsed_text(body)),
                "{}",
                entry.display()
            );
            seen += 1;
        }
        assert!(seen >= 10, "examples found: {seen}");
    }

    /// The text pulldown-cmark reads in a body: its text and code, a space at each
    /// break and block end (what `html_text` must find again in the HTML).
    fn parsed_text(body: &str) -> String {
        let mut text = String::new();
        for event in Parser::new_ext(body, OPTIONS) {
            match event {
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::SoftBreak
                | Event::HardBreak
                | Event::End(
                    TagEnd::Paragraph
                    | TagEnd::Heading(_)
                    | TagEnd::Item
                    | TagEnd::TableCell
                    | TagEnd::BlockQuote(_)
                    | TagEnd::CodeBlock
                    | TagEnd::FootnoteDefinition,
                ) => text.push(' '),
                _ => {}
            }
        }
        text
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else if p.extension().is_some_and(|x| x == "md") {
                out.push(p);
            }
        }
        out
    }

    #[test]
    fn headings_get_folded_ids() {
        assert_eq!(
            html("## Kết quả đạt được\n## Kết quả đạt được\n"),
            "<h2 id=\"ket-qua-dat-duoc\">Kết quả đạt được</h2>\n<h2 id=\"ket-qua-dat-duoc-2\">Kết quả đạt được</h2>\n"
        );
    }

    #[test]
    fn raw_script_is_removed() {
        let h =
            html("Xin chào <script>alert(1)</script> <b>đậm</b>\n\n<div onclick=\"x()\">a</div>\n");
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("onclick"), "{h}");
        assert!(h.contains("<b>đậm</b>"), "{h}");
    }

    #[test]
    fn unsafe_html_keeps_raw_html() {
        let h = render("<span onclick=\"x()\">a</span>\n", true, &NoRewrite).html;
        assert!(h.contains("onclick"));
    }

    #[test]
    fn extensions_and_code() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ [^1]\n\n[^1]: chú thích\n\n- [x] xong\n\n```rust\nfn main() {}\n```\n",
            false,
            &NoRewrite,
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>x</del>"));
        assert!(r.html.contains("footnote-definition"));
        assert!(r.html.contains("checkbox"));
        assert!(r.html.contains("class=\"hl-"), "{}", r.html);
        assert!(r.has_code);
    }

    #[test]
    fn collects_links_and_text() {
        let r = render(
            "Xem [bài khác](../2017/khac.md) và ![ảnh](anh.png).\n",
            false,
            &NoRewrite,
        );
        assert_eq!(r.references.len(), 2);
        assert_eq!(r.references[0].dest, "../2017/khac.md");
        assert!(r.references[1].is_image);
        assert_eq!(html_text(&r.html).trim(), "Xem bài khác và ảnh.");
        assert_eq!(r.word_count, 5);
    }

    /// Every way of writing a script URL in Markdown, as page authors might paste it.
    const SCRIPT_LINKS: [&str; 11] = [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](jav&#x61;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "<javascript:alert(1)>",
        "[x]\n\n[x]: javascript:alert(1)",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](<java\tscript:alert(1)>)",
        "[x](java&#9;script:alert(1))",
        "[x](&#x01;javascript:alert(1))",
    ];

    #[test]
    fn links_with_a_script_scheme_keep_their_text_and_lose_the_link() {
        for md in SCRIPT_LINKS {
            for raw in ["", "\n\n<b>đậm</b>\n"] {
                let h = html(&format!("{md}{raw}"));
                assert!(!h.contains("<a") && !h.contains("href"), "{md:?} -> {h}");
            }
        }
        assert_eq!(html("[bấm](javascript:alert(1))"), "<p>bấm</p>\n");
    }

    #[test]
    fn ordinary_links_are_written_as_before() {
        assert_eq!(
            html(
                "[a](https://x.vn/a?b=1#c) [b](mailto:a@b.vn) [c](tel:+84) [d](../x/) [e](#muc) <https://x.vn> <a@b.vn>"
            ),
            "<p><a href=\"https://x.vn/a?b=1#c\">a</a> <a href=\"mailto:a@b.vn\">b</a> <a href=\"tel:+84\">c</a> <a href=\"../x/\">d</a> <a href=\"#muc\">e</a> <a href=\"https://x.vn\">https://x.vn</a> <a href=\"mailto:a@b.vn\">a@b.vn</a></p>\n"
        );
    }

    #[test]
    fn images_with_a_disallowed_scheme_become_their_alt_text() {
        for src in [
            "javascript:alert(1)",
            "data:image/svg+xml,%3Csvg/onload=alert(1)%3E",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
        ] {
            let h = html(&format!("![Cánh đồng](<{src}>)"));
            assert_eq!(h, "<p>Cánh đồng</p>\n", "{src}");
        }
        assert!(html("![a](https://x.vn/a.jpg) ![b](anh.jpg)").contains("<img src=\"anh.jpg\""));
    }

    #[test]
    fn raw_html_links_follow_the_same_schemes() {
        let h = html(
            "<a href=\"javascript:alert(1)\">a</a> <a href=\"vbscript:x\">b</a> <img src=\"data:text/html,x\"> <a href=\"https://x.vn\">c</a>\n",
        );
        assert!(!h.contains("script:") && !h.contains("data:"), "{h}");
        assert!(h.contains("href=\"https://x.vn\""), "{h}");
    }

    #[test]
    fn raw_html_cannot_style_or_take_ids_or_theme_classes() {
        let h = html(
            "## Kết quả\n\n<div id=\"citation\" class=\"citation copy\" style=\"position:fixed;inset:0\">x</div>\n\n| a |\n|:-:|\n| <span style=\"position:fixed\">b</span> |\n\n```rust\nfn x() {}\n```\n\nz[^1]\n\n[^1]: n\n",
        );
        assert!(h.contains("<h2 id=\"ket-qua\">"), "{h}");
        assert!(h.contains("id=\"user-content-citation\""), "{h}");
        assert!(!h.contains("position"), "{h}");
        assert!(!h.contains("class=\"citation"), "{h}");
        assert!(h.contains("style=\"text-align: center\""), "{h}");
        assert!(h.contains("class=\"hl-"), "{h}");
        assert!(h.contains("class=\"footnote-definition\" id=\"1\""), "{h}");
    }
}
