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
