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

## msgs: diagnostics, command line, loading, output, import, new, init

diag-error = error
diag-warning = warning
diag-help = help
diag-files = { $files ->
    [one] 1 file
   *[other] { $files } files
}
diag-summary = { $errors }, { $warnings } in { $files }

err-io = { $path }: { $reason }
err-io-not-found = not found
err-io-permission = permission denied
err-io-exists = already exists
err-io-full = the disk is full
err-io-read-only = the disk is read-only
err-io-is-folder = it is a folder, not a file
err-io-not-folder = it is a file, not a folder
err-io-invalid-data = the data is damaged or not in the expected format
err-template = template { $name }: { $message }
err-refused = refusing to write the site into { $path }: { $why }
err-no-site-yaml = no site.yaml in { $root }: this folder is not a kheo site
err-no-site-folder = the site folder { $root } does not exist
err-no-site-help = go into the site folder (the one holding site.yaml and content/) with `cd`, or pass `--root <site folder>`; to start a new site, run `kheo init <folder>`
refuse-help-folder = give --out a folder (new, empty, or one kheo built before)
refuse-help-sources = a build replaces its output folder as a whole; give --out a new folder outside the site's sources, e.g. <site>/public (the default)
refuse-help-not-ours = kheo only replaces folders it made itself (they hold a .kheo-output file); move the files away or give --out a new or empty folder
refuse-not-a-folder = it is a file, not a folder
refuse-broken-link = it is a symbolic link to a folder that does not exist
refuse-site-folder = it is the site folder itself
refuse-holds-site = it holds the site folder, which would be deleted
refuse-is-sources = it is the site's { $name } folder
refuse-holds-sources = it holds the site's { $name } folder, which would be deleted
refuse-inside-sources = it is inside the site's { $name } folder, which kheo reads
refuse-not-ours = it is not empty and has no .kheo-output file, so kheo did not make it and will not delete what is in it

cli-building = building { $root }
cli-build-failed = build failed: { $summary }; nothing was written
cli-built = built { $models } models, { $pages } pages into { $out } in { $seconds } s
cli-check-ok = ok: { $models } models, no problems

out-outside = refusing to write outside the output folder: { $path }
out-note = note
out-link-in-place = { $out } is a symbolic link: writing the site in place into { $target }
out-mount-in-place = { $out } cannot be moved ({ $error }); it may be a mount point: writing the site in place into it
out-old-kept = the new site is in place, but the previous one could not be removed from { $old }: { $error }; the next build retries, or remove it by hand
out-tmp-kept = could not remove { $tmp }: { $error }
out-restored = restored { $out } from { $from }, the previous site an interrupted build had moved aside
out-leftover-kept = could not remove { $path }, left by an interrupted build: { $error }

e040 = nothing to publish: { $why }
e040-missing = content/ is missing
e040-link = content/ is a symbolic link, which kheo never follows
e040-not-folder = content/ is not a folder
e040-empty = content/ has no article to publish
e040-help = building would replace the published site with an empty one; add articles (kheo new), or pass --allow-empty if an empty site is what you want
e040-only-drafts = nothing to publish: there are only drafts ({ $n ->
    [one] 1 article
   *[other] { $n } articles
} marked `draft: true`: { $files })
e040-only-drafts-help = drafts are not published; when an article is ready, delete its `draft: true` line (or change it to `draft: false`); to see drafts, use `kheo serve` or `kheo build --drafts`

load-what-settings = a settings file
load-what-article = an article
load-what-template = a template
e002 = file is too large ({ $size } MB; { $what } may be at most { $max } MB)
e002-article-help = split the story, or move data and images out of the Markdown file
e003 = file is not valid UTF-8 (bad byte { $byte } at byte offset { $offset })
e003-help = save the file as UTF-8 (most editors: "Save with encoding" → UTF-8); old Vietnamese encodings such as TCVN3 or VNI must be converted
e007 = symbolic link leads outside the site folder; kheo does not follow it
e007-help = copy the files into the site folder, or link only to places inside it
e008 = not a regular file (a FIFO, device or folder where a file belongs); not read
e008-help = replace it with an ordinary file
w002 = file is not published: only images, documents, audio and video are copied from content/
w002-help = pages, scripts and data files would run on the site or replace its own files; put site-wide files in static/
w003 = SVG image is not published: it contains script, event handlers or embedded HTML
w003-help = export it again as a plain SVG (no scripts, no `on…=` attributes), or as PNG
load-theme-missing = theme `{ $theme }` not found: expected the folder { $folder }

w080 = `{ $name }` is not read as an article: only files ending in .md (or .markdown) are articles
w080-help = rename the file to `{ $fixed }` (on Windows, turn on "File name extensions" in File Explorer's View menu to see the whole name)
w081 = `{ $name }` is a Word file: kheo does not read Word files as articles
w081-help = create `{ $fixed }` (for example with `kheo new`), copy the text of the Word file into it, then move the Word file out of content/ (or keep it in a folder article's folder to publish it as a document)

e001-invalid = site.yaml is not valid: { $error }
e001-invalid-help = check the line shown: each setting is `name: value` on its own line, with a space after the colon
e001-unknown-key = site.yaml is not valid: unknown setting `{ $key }`
e001-did-you-mean = did you mean `{ $key }`?
e001-accepts = site.yaml accepts: { $keys }
e001-theme = theme `{ $theme }` is not a folder name
e001-page-size = page_size must be at least 1
e001-base-url = base_url `{ $url }` { $problem }
e001-base-url-help = write the address the site is published at, e.g. `https://dvk.example.vn/`, or a path from the root such as `/` or `/dvk/`
e001-base-url-chars = contains a space, a control character, a quote, `<`, `>` or `\`
e001-base-url-host = has no host name
e001-base-url-scheme = is not an http:// or https:// address, nor a path from the root

new-did-you-mean = ; did you mean "{ $name }"?
new-fields-are = ; the fields are: { $fields }
new-unknown-province = unknown province "{ $province }"{ $hint }
new-unknown-field = unknown field "{ $field }"{ $hint }
new-year-range = year { $year } is out of range ({ $min }..={ $max })
new-no-slug = the title has no letters or digits to make an address from
new-exists = { $path } already exists; choose another title or edit that file
new-created =
    Created a new article, as a draft: { $path }
    Next:
      1. Open that file in a text editor, fill in `summary:` and write the story below the second --- line.
      2. Preview it: run `kheo serve` and open the address it prints in a browser (drafts are shown in the preview).
      3. When it is ready to publish: delete the `draft: true` line (or change it to `draft: false`), then run `kheo check` and `kheo build`.
new-image-folder =
    Note: an article written as a single file like this one cannot have images beside it.
    To add one, make it a folder article: create the folder { $folder }/, move this file into it
    renamed index.md ({ $folder }/index.md), put the image in that folder, then remove the # before image: below.
new-draft-comment = Draft: not published yet. Delete this line or change it to false when the article is ready to publish.
init-not-empty = { $dir } is not empty; kheo init only creates new sites
init-created =
    Created the site { $dir }
    Next: kheo new "Model name" --province "Cần Thơ" --field "Kinh tế" --root { $dir }

e050 = no header row: none of the first 20 rows names two columns kheo knows
e050-help = put a row of column names above the data, e.g. "Tên mô hình", "Tỉnh/thành", "Lĩnh vực", "Năm công nhận"
e051 = { $path } already exists with other content; nothing was overwritten
e051-help = edit that file, or give this row another title or a `slug`
e052 = this row makes { $path } again: row { $row } has the same title, province and year
e052-help = give one of the two rows a `slug` column value, or remove the repeated row
import-fill-cell = fill in this cell
import-add-column = add a column `{ $key }` (or its Vietnamese name) to the register
import-failed = import failed: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
} in { $invalid } of { $rows } rows of { $file }; nothing was written
import-skipped = skipped row { $row } ({ $title })
import-done = imported { $written ->
    [one] 1 model
   *[other] { $written } models
} as drafts from { $file }; { $already } already imported, { $skipped } skipped
import-would = would import { $written ->
    [one] 1 model
   *[other] { $written } models
} as drafts from { $file }; { $already } already imported, { $skipped } skipped
import-more-warnings = … and { $n } more warnings [{ $code }]
import-not-spreadsheet = cannot read { $file } as a spreadsheet: { $error }
import-no-sheet = no sheet "{ $sheet }" in { $file }; its sheets are: { $sheets }
import-no-sheets = { $file } has no sheets
import-bad-sheet = cannot read sheet "{ $sheet }" of { $file }: { $error }
import-bad-csv = cannot read the CSV: { $error }
import-bad-utf16 = the file is not valid UTF-16
import-not-utf8 = the CSV file is not UTF-8; in Excel use "Save as: CSV UTF-8" or "Unicode Text"
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
## preview: kheo serve (the preview in a browser)

preview-serving = serving { $root } on { $url } (Ctrl+C to stop)
preview-exposed = warning: serving on { $addr }: other machines on the network can read this preview
preview-cannot-listen = cannot listen on { $addr }: { $error }. Another program (or another `kheo serve`) may be using this port; try `--port 0` to pick a free one.
preview-thread-failed = warning: cannot start a thread for a connection: { $error }
preview-template-help = fix the template; the browser still shows the last good site
preview-rebuilt = rebuilt { $pages } pages in { $ms } ms ({ $models } models)
preview-failed = rebuild failed; the browser still shows the last good site.
preview-site-wide-ready = site-wide files (search index, data, sitemap) ready in { $ms } ms
preview-site-wide-failed = error: site-wide files: { $error }
preview-fixed-errors = { $n ->
    [one] fixed 1 error
   *[other] fixed { $n } errors
}
preview-fixed-warnings = { $n ->
    [one] fixed 1 warning
   *[other] fixed { $n } warnings
}
preview-total = now { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
} (the full list is in the browser).
preview-total-clean = no errors or warnings.
preview-moved = The address of { $path } changed from { $from } to { $to } (its title changed). Once published, the old address stops working: saved or shared links to it will find "not found".
preview-moved-keep = To keep the old address, add this line to the front matter (between the two --- lines): slug: { $slug }
preview-moved-keep-pinned = To keep the old address, change the `slug:` line of the front matter (between the two --- lines) to: slug: { $slug }
preview-overlay-failed = The page could not be rebuilt: { $n } error(s) to fix
preview-overlay-kept = The page below is the last good one. Fix these problems and save the file; the page reloads itself.
preview-overlay-error = Error
preview-overlay-warning = Warning
preview-overlay-help = How to fix it
preview-overlay-file = File
preview-overlay-close = Close
preview-overlay-warnings = { $n } warning(s)
preview-overlay-warnings-title = Warnings (the site still builds, but these should be fixed)
preview-overlay-moved = This story's address changed
preview-error-page-title = The site could not be built
preview-error-page-text = Fix the errors below and save the file; the page reloads itself.
