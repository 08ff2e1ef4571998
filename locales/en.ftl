### kheo: messages in English (`--lang en`, `KHEO_LANG=en`).
### Every id must also be in locales/vi.ftl (checked by `cargo test i18n`).

## Summary lines

summary-errors = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}
summary-warnings = { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}

## yaml: reading the front matter (between the two --- lines)

fm-empty = the file is empty
fm-empty-help = start the file with front matter: a line `---`, then `title:`, `province:`, `field:`, `year:`, then `---`; `kheo new` writes one for you
fm-no-start = the file does not start with front matter
fm-no-start-label = expected `---` here
fm-no-start-help = put a line `---` at the top, then the keys (title, province, field, year), then another `---`
fm-unclosed = the front matter is never closed
fm-unclosed-label = opened here
fm-unclosed-help = add a line `---` after the last front matter key
fm-too-large = the front matter is too large (over 64 KB)
fm-too-large-help = front matter holds metadata; move long text into the body
fm-not-map = the front matter is not a list of `key: value` lines
fm-not-map-help = write one `key: value` per line, e.g. `title: Tên mô hình`
fm-aliases = the front matter expands to too much data (YAML aliases)
fm-aliases-help = write the values out plainly, without `&` and `*`
fm-unreadable = the front matter is not valid YAML here
fm-here = here
fm-technical = (technical detail: { $detail })
fm-help-colon = a value that contains `: ` goes in quotes, e.g. `title: "Mô hình: dân vận khéo"`
fm-help-indent = check this line and the one above: each key starts at the left margin as `key: value`; remove a stray line or leading spaces
fm-help-start = a value cannot start with a tab, `@`, `%` or a backtick; put it in double quotes
fm-help-quote = a quote is never closed; add the closing quote at the end of the value
fm-help-general = write one `key: value` per line, lists as `[a, b]`
fm-fix-line = change this line to `{ $line }`
fm-tab = this line starts with a tab; use spaces
fm-tab-label = tab
fm-tab-help = replace the tab at the start of the line with spaces: change this line to `{ $line }`
fm-no-space = no space after the colon on the `{ $key }` line
fm-no-space-label = a space is needed after `:`
fm-wide-colon = the colon on the `{ $key }` line is the full-width `：` of an input method, not `:`
fm-wide-colon-label = full-width colon
fm-wide-colon-help = type a plain `:` and a space: change this line to `{ $line }`
fm-colon-in-value = the value of `{ $key }` contains `: `, which reads as the start of another key
fm-colon-in-value-label = colon inside the value
fm-colon-in-value-help = put the whole value in quotes: change this line to `{ $line }`
fm-unclosed-quote = the quote that opens the value of `{ $key }` is never closed
fm-unclosed-quote-label = opened here, never closed
fm-after-quote = the value of `{ $key }` goes on after its closing quote
fm-after-quote-label = quote at the start of the value
fm-bad-start = the value of `{ $key }` cannot start with `{ $char }` unless it is quoted
fm-bad-start-label = cannot start a value
fm-dash = the list `{ $key }` has a `-` item on the key's own line
fm-dash-label = list dash
fm-dash-help = write the list in square brackets, items separated by commas: change this line to `{ $line }`
fm-open-list = the `[` that opens the value of `{ $key }` is never closed
fm-open-list-label = opened here, never closed
fm-indented = the `{ $key }:` line is indented
fm-indented-label = leading spaces
fm-indented-help = each key starts at the left margin: change this line to `{ $line }`
fm-stray = this line is not a `key: value` line
fm-stray-label = no colon
fm-stray-help = if it continues the line above, join it onto that line; otherwise delete it
fm-duplicate = `{ $key }` is written twice
fm-duplicate-label = second time
fm-duplicate-help = keep one `{ $key }:` line and delete the other (the first is on line { $first })
fm-comment-cut = the text after `#` in `{ $key }` is dropped (a comment): the story is published with `{ $key }` “{ $kept }”
fm-comment-cut-label = dropped from here
fm-comment-cut-help = a `#` after a space starts a comment; to keep the whole value, quote it: change this line to `{ $line }`
fm-curly = Word's curly quotes around the value of `{ $key }` were removed
fm-curly-label = curly quotes
fm-curly-help = the value used is: { $value }; to silence this warning, change this line to `{ $line }`
fm-summary-blank-label = `summary:` is blank
fm-curly-help-elsewhere = the value used is: { $value }; to silence this warning, delete Word's curly quotes around it
