### kheo: thông báo bằng tiếng Việt (ngôn ngữ mặc định).
### Mỗi id phải có trong cả locales/en.ftl (kiểm tra bằng `cargo test i18n`).
### Viết cho cán bộ văn phòng, không phải lập trình viên: không dùng "front matter",
### "YAML", "slug", "token" mà không giải thích bằng lời thường.

## Dòng tổng kết

summary-errors = { $errors } lỗi
summary-warnings = { $warnings } cảnh báo

## msgs: thông báo lỗi, dòng lệnh, đọc tệp, ghi trang, nhập sổ, bài mới, tạo trang

diag-error = lỗi
diag-warning = cảnh báo
diag-help = cách sửa
diag-files = { $files } tệp
diag-summary = { $errors }, { $warnings } trong { $files }

err-io = Không dùng được { $path }: { $reason }
err-io-not-found = không có tệp hoặc thư mục này
err-io-permission = không có quyền (hãy kiểm tra quyền của tệp, hoặc đóng chương trình khác đang mở nó)
err-io-exists = đã có tệp hoặc thư mục trùng tên
err-io-full = ổ đĩa đã đầy
err-io-read-only = ổ đĩa chỉ cho đọc, không ghi được
err-io-is-folder = đây là thư mục, không phải tệp
err-io-not-folder = đây là tệp, không phải thư mục
err-io-invalid-data = dữ liệu bị hỏng hoặc không đúng định dạng
err-template = mẫu trang { $name }: { $message }
err-refused = không ghi trang web vào { $path }: { $why }
err-no-site-yaml = không thấy tệp site.yaml trong thư mục { $root }, nên đây không phải thư mục trang web của kheo
err-no-site-folder = không có thư mục trang web { $root }
err-no-site-help = hãy vào thư mục trang web (thư mục có tệp site.yaml và thư mục content/) bằng lệnh `cd`, hoặc thêm `--root <thư mục trang web>`; muốn tạo trang mới thì chạy `kheo init <thư mục>`
refuse-help-folder = hãy đưa cho --out một thư mục (mới, trống, hoặc thư mục kheo đã dựng trước đây)
refuse-help-sources = mỗi lần dựng, kheo thay toàn bộ thư mục đầu ra; hãy đưa cho --out một thư mục mới nằm ngoài các thư mục nguồn của trang, ví dụ <thư mục trang>/public (mặc định)
refuse-help-not-ours = kheo chỉ thay những thư mục do chính nó tạo ra (có tệp .kheo-output); hãy chuyển các tệp đi chỗ khác, hoặc đưa cho --out một thư mục mới hay trống
refuse-not-a-folder = đây là một tệp, không phải thư mục
refuse-broken-link = đây là lối tắt (liên kết) tới một thư mục không còn tồn tại
refuse-site-folder = đây chính là thư mục trang web
refuse-holds-site = thư mục này chứa thư mục trang web, nên trang web sẽ bị xóa
refuse-is-sources = đây là thư mục { $name } của trang
refuse-holds-sources = thư mục này chứa thư mục { $name } của trang, nên thư mục đó sẽ bị xóa
refuse-inside-sources = thư mục này nằm trong thư mục { $name } của trang, nơi kheo đọc bài
refuse-not-ours = thư mục này không trống và không có tệp .kheo-output, tức không do kheo tạo ra, nên kheo không xóa những gì trong đó

cli-building = đang dựng { $root }
cli-build-failed = dựng không thành công: { $summary }; chưa ghi gì cả
cli-built = đã dựng { $models } mô hình, { $pages } trang vào { $out } trong { $seconds } giây
cli-check-ok = ổn: { $models } mô hình, không có lỗi nào

out-outside = không ghi ra ngoài thư mục đầu ra: { $path }
out-note = lưu ý
out-link-in-place = { $out } là lối tắt (liên kết): ghi trang web thẳng vào { $target }
out-mount-in-place = không di chuyển được { $out } ({ $error }); có thể đó là ổ đĩa gắn vào: ghi trang web thẳng vào đó
out-old-kept = trang web mới đã vào chỗ, nhưng không xóa được bản cũ ở { $old }: { $error }; lần dựng sau sẽ thử lại, hoặc bạn tự xóa thư mục đó
out-tmp-kept = không xóa được { $tmp }: { $error }
out-restored = đã khôi phục { $out } từ { $from }, bản trang cũ mà một lần dựng bị ngắt giữa chừng đã để sang bên
out-leftover-kept = không xóa được { $path }, do một lần dựng bị ngắt giữa chừng để lại: { $error }

e040 = không có gì để đăng: { $why }
e040-missing = không có thư mục content/
e040-link = content/ là lối tắt (liên kết), kheo không đi theo lối tắt
e040-not-folder = content/ không phải là thư mục
e040-empty = trong content/ chưa có bài nào để đăng
e040-help = dựng bây giờ sẽ thay trang web đã đăng bằng một trang trống; hãy thêm bài (lệnh kheo new), hoặc thêm --allow-empty nếu đúng là bạn muốn một trang trống
e040-only-drafts = không có gì để đăng: chỉ có bài nháp ({ $n } bài có dòng `draft: true`: { $files })
e040-only-drafts-help = bài nháp không được đăng; khi bài đã sẵn sàng, hãy xóa dòng `draft: true` (hoặc đổi thành `draft: false`); muốn xem bài nháp thì dùng `kheo serve` hoặc `kheo build --drafts`
