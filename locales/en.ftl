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
host-over-size = the site built is { $size } MB, over 1 GB: GitHub Pages refuses sites larger than 1 GB.
host-over-files = the site built has { $files } files, over 20,000: Cloudflare Pages' free plan refuses more than 20,000 files.
host-big-file = the file { $path } is { $size } MB, over 25 MiB: Cloudflare Pages refuses files larger than 25 MiB; publish elsewhere (Netlify, a web server of your own; README, "Hosting a big site").
host-advice-lean = To publish there, add the line `lean_output: true` to site.yaml: the site gets about half as heavy, with about 60% fewer files (README, "Hosting a big site").
host-advice-move = The site already uses lean_output: publish on a host without a limit on total size and files, such as Netlify, Cloudflare's paid plan or a web server of your own (README, "Hosting a big site").
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
## keys: front matter values (validate/front.rs, validate/keys.rs)

keys-kind-empty = empty
keys-kind-bool = true/false
keys-kind-number = a number
keys-kind-text = text
keys-kind-list = a list
keys-kind-map = a map
keys-kind-tagged = a tagged value
keys-not-text = `{ $key }` must be text, not { $kind }
keys-not-text-label = expected text
keys-not-text-help = write it on one line: `{ $key }: ...` (use quotes if it contains `:` or `#`)
keys-required-empty = required key `{ $key }` is empty
keys-required-empty-label = no value
keys-required-empty-help = write the value after the colon, e.g. `{ $key }: { $example }`; spaces alone do not count
keys-missing = missing required key `{ $key }`
keys-missing-label = front matter starts here
keys-missing-help = add a line `{ $key }: { $example }` to the front matter
keys-too-long = { $what } is { $len } bytes long; names in the site may have at most { $max }
keys-too-long-label = too long for a file name
keys-too-long-help-tag = use a shorter tag: a tag is a few words
keys-too-long-help-alias = an old address with a part this long cannot be a file; remove the alias
keys-too-long-help-slug = write a shorter slug in the front matter, e.g. `slug: { $shorter }`
keys-list-item = every item of `{ $key }` must be text, found { $kind }
keys-list-item-label = in this list
keys-list-item-help = write `{ $key }: [một, hai]` or one `- item` per line
keys-not-list = `{ $key }` must be a list, not { $kind }
keys-not-list-label = expected a list
keys-not-list-help = write `{ $key }: { $list }`
keys-not-bool = `{ $key }` must be true or false, not { $kind }
keys-not-bool-label = expected true or false
keys-not-bool-help = write `{ $key }: true`
front-no-summary = no `summary`
front-no-summary-label = front matter starts here
front-no-summary-help = add `summary:` with one or two sentences; lists, search and feeds show it
front-unknown-key = unknown front matter key `{ $key }`
front-unknown-key-label = unknown key
front-unknown-key-help-meant = did you mean `{ $key }`? Custom data goes under `extra:`
front-unknown-key-help-extra = custom data goes under `extra:` (e.g. `extra: {"{"}so_ho: 120{"}"}`)
front-province-unknown = unknown province "{ $name }"
front-province-unknown-label = unknown province
front-province-help-former = did you mean "{ $name }" (since 2025 part of { $unit })?
front-province-help-meant = did you mean "{ $name }"?
front-province-help-list = write one of the 34 provinces and cities (or a pre-2025 province), e.g. "Cần Thơ", "Bạc Liêu"; diacritics and "Tỉnh"/"TP." are optional
front-field-unknown = unknown field "{ $name }"
front-field-unknown-label = unknown field
front-field-help-meant = did you mean "{ $name }"?
front-field-help-list = the fields are: { $names }
front-year-range = year { $year } is out of range
front-year-range-label = out of range
front-year-range-help = the year must be between { $min } and { $max }
front-year-not-number = `year` must be a whole number, not { $kind }
front-year-not-number-label = expected a year
front-year-not-number-help = write the year the model was recognised, e.g. `year: 2019`
front-date-invalid = `date` "{ $date }" is not a valid date
front-date-invalid-label = expected YYYY-MM-DD
front-date-help = write the date as YYYY-MM-DD, e.g. `date: 2019-05-20`
front-date-help-convert = write the date as YYYY-MM-DD (year-month-day): `date: { $date }`
front-date-help-no-such-day = month { $month } of { $year } has no day { $day }; check the date (written YYYY-MM-DD, year-month-day)
front-level-unknown = unknown level "{ $name }"
front-level-unknown-label = unknown level
front-level-help-meant = did you mean "{ $name }"?
front-level-help-list = the levels are: trung ương, tỉnh, huyện, xã (huyện only for stories before 1 July 2025; phường and đặc khu are xã level)
front-level-district-after-reform = level "huyện" for a model recognised after 1 July 2025
front-level-district-after-reform-label = districts were abolished on 1 July 2025
front-level-district-after-reform-help = since 1 July 2025 local government has two tiers, province and commune: write `level: tỉnh` or `level: xã` (a ward or special zone is `xã` level); keep `huyện` only for recognitions made before then
front-slug-invalid = invalid slug "{ $slug }"
front-slug-invalid-label = not a valid slug
front-slug-help = a slug uses only a-z, 0-9 and single hyphens, e.g. `slug: lien-gia-tu-quan`
front-slug-help-fixed = a slug uses only a-z, 0-9 and single hyphens: did you mean `{ $slug }`?
front-slug-empty = the title gives an empty slug
front-slug-empty-label = no letters or digits
front-slug-empty-help = add `slug: ten-mo-hinh` to the front matter
front-slug-written = the slug
front-slug-from-title = the slug made from the title
front-tag-slug = a tag's slug
front-alias-part = a part of an alias
front-url-invalid = `source_url` "{ $url }" is not a web address
front-url-invalid-label = expected http(s)://…
front-url-invalid-help = write the full address, starting with https://
front-alias-invalid = alias "{ $alias }" is not a site path
front-alias-invalid-label = bad alias
front-alias-invalid-help = an alias is an old path on this site, starting with `/`, e.g. `/tin-tuc/mo-hinh-cu/`; no `..`, `?` or `#`
front-extra-not-map = `extra` must be a map of `key: value` lines
front-extra-not-map-label = expected a map
front-extra-not-map-help = write `extra:` then indented `key: value` lines
links-image-missing-label = not found
links-image-not-in-static = image { $src } not found in static/
links-image-not-in-static-help = put the file at static/{ $path }, or fix the path
links-image-single-file = image { $src } is relative, but this article is a single file
links-image-single-file-help = an image beside the story needs the story in a folder of its own: move { $file } to { $index } and put { $name } at { $image } (or put the image in static/images/ and write `/images/{ $name }`)
links-image-not-beside = image { $src } not found beside the article
links-image-not-beside-help = put the file in { $dir }/ (names are case-sensitive)
links-image-unreadable = image { $src } cannot be read: its header is damaged or not of its type
links-image-unreadable-label = unreadable image
links-image-unreadable-help = open the image in an editor and save it again (as PNG or JPEG)
links-image-too-large = image { $src } is { $w }×{ $h } pixels, too large to use
links-image-too-large-label = image too large
links-image-too-large-help = save a smaller copy: at most { $side } pixels a side and { $mp } megapixels (a web page needs about 2400 pixels wide)
links-here = here
links-no-such-article = link to { $dest }: no such article
links-no-such-article-help = check the path; it is relative to this file's folder
links-no-such-slug = link to { $dest }: no model has the slug `{ $slug }`
links-help-meant = did you mean /mo-hinh/{ $slug }/?
links-help-check = check the slug in the address
links-help-check-budget = check the slug in the address (suggestions are made for the first { $n } broken links of a file)
site-slug-taken = slug `{ $slug }`, made from the title, is also the slug of { $other }
site-slug-taken-label = two stories cannot share an address
site-slug-taken-help-explicit = add `slug: { $proposal }` to this story's front matter ({ $other } sets `slug: { $slug }` itself)
site-slug-taken-help = add `slug: { $proposal }` to this story's front matter; if this story is already published, keep its address with `slug: { $slug }` and give the other one its own slug
site-url-duplicate = duplicate URL { $url }: { $other } has the same slug `{ $slug }`
site-url-duplicate-help = give one of them its own slug, e.g. `slug: { $slug }`
site-a-generated-page = a page the build makes
site-alias-is-address = alias { $alias } is already the address of { $other }
site-alias-is-address-help = remove this alias; an alias must be an old address that no page of the site uses
site-alias-twice = alias { $alias } is also an alias of { $other }
site-alias-twice-help = an old address can redirect to only one story; remove one of the two
site-alias-folder = alias { $alias } needs a folder where alias { $other } is a file
site-alias-folder-help = remove one of the two aliases; an address cannot be both a page and a folder
outputs-static-replaces-page = would replace /{ $path }, a page the build makes
outputs-static-is-folder = is where the build makes the folder /{ $path }/
outputs-static-clash = static file { $file } { $what }
outputs-static-clash-help = rename or move the static file; to change a generated page, override its template in templates/
## cms: the editing form (/admin/) and saving from the browser
cms-bad-setting = In `cms:` of site.yaml, `{ $key }: { $value }` cannot be used.
cms-backend-help = Write `backend: github` (the default) or `backend: git-gateway`.
cms-repo-help = Write the site's repository as owner/name, e.g. `repo: tinh-can-tho/dan-van-kheo`.
cms-branch-help = Write a branch name of letters without diacritics, digits, `-`, `_`, `.` or `/`, e.g. `branch: main`.
cms-script-help = Write an https:// address or a path from the root (starting with /), without spaces or quotes; or leave the line out for the pinned Decap CMS.
cms-refused = Not saved: { $problems }
cms-bad-path = Stories and images can only be saved in content/ (or static/anh/); the path `{ $path }` is not allowed.
cms-too-large = The upload is too large (at most { $mb } MB).
cms-other-origin = Only the editing page opened from this machine (the address kheo serve printed) may save.
cms-unknown-action = The request `{ $action }` is not supported.
cms-bad-request = The request cannot be read: { $why }
cms-write-failed = Cannot write `{ $path }`: { $why }
cms-off = This site has no editing form: add `cms:` to site.yaml (see the README).
cms-not-a-story = `{ $path }` is not a story in content/: only an existing story (a .md file under content/) can be moved.
cms-move-unclear = The story cannot be moved from `{ $from }` to `{ $to }` with its files: the new place is taken, or the old folder holds another story. Move it by hand.
cms-not-media = Only images and documents can be uploaded ({ $extensions }); `{ $path }` is not one of them.
cms-active-svg = The SVG `{ $path }` holds script or links that run when it is opened; save it again as a plain drawing and upload that.

## http: kheo serve's short answers to the browser

http-busy = The preview server is busy; try again in a moment.
http-headers-too-large = Request headers too large.
http-headers-too-slow = Request headers too slow.
http-only-get-head = The preview only answers GET and HEAD.
http-unknown-host = Unknown host: open the address kheo serve printed.
http-bad-path = Bad path.
http-cross-origin = Cross-origin request refused.
http-too-many-streams = Too many live-reload streams; close some tabs.
http-cms-busy = The editing form is busy saving; try again in a moment.
http-body-slow = Request body incomplete or too slow.
http-not-found = Not found.

## new: writing a new article

new-through-link = Not writing { $path }: a folder on the way is a symbolic link, which may lead out of the site folder. Replace the link by a real folder.

## engine: incremental builds
cli-built-changes = updated { $out } ({ $models } models) in { $seconds } s: { $pages } pages rendered again, { $written } changed files written, { $removed } files no longer used removed; every other file left as it was
