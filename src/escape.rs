//! Escaping text for the formats kheo writes by hand (HTML, XML, JSON in HTML): the
//! bottom of the crate, so any stage can use it.

/// Escapes text for HTML and XML content and attribute values.
pub fn html(s: &str) -> String {
    replace_ascii(s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    })
}

/// `s` with each ASCII byte for which `with` gives a text replaced by it, reading bytes
/// and copying the runs between (feeds escape whole bodies).
pub fn replace_ascii(s: &str, with: impl Fn(u8) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        // Only ASCII is replaced, so `i` is a character boundary.
        if let Some(text) = with(b).filter(|_| b.is_ascii()) {
            out.push_str(&s[from..i]);
            out.push_str(text);
            from = i + 1;
        }
    }
    out.push_str(&s[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_replaces_the_five_specials_and_keeps_the_rest() {
        assert_eq!(html(""), "");
        assert_eq!(html("Dân vận"), "Dân vận");
        assert_eq!(
            html("<a href=\"x\">Bà Rịa & 'Vũng Tàu'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Bà Rịa &amp; &#39;Vũng Tàu&#39;&lt;/a&gt;"
        );
        assert_eq!(html("&&"), "&amp;&amp;");
        assert_eq!(html("đ>"), "đ&gt;");
    }
}
