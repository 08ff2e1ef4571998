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
front-unknown-key-help-meant = did you mean `{ $key }`? Write `{ $key }:` instead of `{ $written }:`. Custom data goes under `extra:`
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
front-date-help-convert = write the date year-month-day: `date: { $date }`
front-date-help-no-such-day = month { $month } of { $year } has no day { $day }; check the date
front-level-unknown = unknown level "{ $name }"
front-level-unknown-label = unknown level
front-level-help-meant = did you mean "{ $name }"?
front-level-help-list = the levels are: trung ương, tỉnh, xã (also phường, đặc khu); huyện for stories before 1 July 2025
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
front-tags-text = `tags` is written as text, not as a list
front-tags-text-label = read as a list
front-tags-text-help = kheo read it as the list `{ $list }`; write `tags: { $list }` to say so
front-alias-invalid = alias "{ $alias }" is not a site path
front-alias-invalid-label = bad alias
front-alias-invalid-help = an alias is an old path on this site, starting with `/`, e.g. `/tin-tuc/mo-hinh-cu/`; no `..`, `?` or `#`
front-extra-not-map = `extra` must be a map of `key: value` lines
front-extra-not-map-label = expected a map
front-extra-not-map-help = write `extra:` then indented `key: value` lines
