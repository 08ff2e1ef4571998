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
