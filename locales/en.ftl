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
