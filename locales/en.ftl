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
front-level-district-after-reform = level "huyện" for a story after 1 July 2025
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
