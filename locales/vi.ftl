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

load-what-settings = tệp cài đặt
load-what-article = một bài viết
load-what-template = một mẫu trang
e002 = tệp quá lớn ({ $size } MB; { $what } chỉ được tối đa { $max } MB)
e002-article-help = hãy tách bài thành nhiều bài, hoặc bỏ dữ liệu và ảnh ra khỏi tệp .md (ảnh đặt thành tệp riêng)
e003 = tệp không được lưu theo bảng mã UTF-8 (byte lạ { $byte } ở vị trí { $offset })
e003-help = hãy lưu lại tệp với bảng mã UTF-8 (trong hầu hết trình soạn thảo: "Lưu với bảng mã" / "Save with encoding" → UTF-8); bài gõ bằng bảng mã cũ TCVN3 (ABC) hay VNI phải chuyển sang Unicode trước, ví dụ bằng công cụ chuyển mã của Unikey
e007 = lối tắt (liên kết) này trỏ ra ngoài thư mục trang web; kheo không đi theo nó
e007-help = hãy chép các tệp vào trong thư mục trang web, hoặc chỉ tạo lối tắt tới chỗ nằm trong thư mục đó
e008 = đây không phải tệp bình thường (mà là thư mục hay tệp đặc biệt của hệ thống); không đọc
e008-help = hãy thay nó bằng một tệp bình thường
w002 = tệp này không được đăng: từ content/ chỉ chép ảnh, tài liệu, âm thanh và video
w002-help = trang web, mã chạy và tệp dữ liệu có thể chạy trên trang hoặc đè lên tệp của trang; tệp dùng chung cho cả trang hãy đặt trong static/
w003 = ảnh SVG này không được đăng: trong đó có mã chạy (script), lệnh xử lý sự kiện hoặc HTML nhúng
w003-help = hãy xuất lại ảnh thành SVG thường (không có script, không có thuộc tính `on…=`), hoặc thành PNG
load-theme-missing = không thấy giao diện `{ $theme }`: cần có thư mục { $folder }

w080 = tệp `{ $name }` không được đọc thành bài viết: chỉ những tệp có đuôi .md (hoặc .markdown) mới là bài viết
w080-help = hãy đổi tên tệp thành `{ $fixed }` (trên Windows, bật "Phần mở rộng tên tệp" / "File name extensions" trong mục Xem / View của File Explorer để thấy đủ tên tệp)
w081 = `{ $name }` là tệp Word: kheo không đọc tệp Word thành bài viết
w081-help = hãy tạo tệp `{ $fixed }` (ví dụ bằng lệnh `kheo new`), chép nội dung tệp Word vào đó, rồi chuyển tệp Word ra khỏi content/ (hoặc để nó trong thư mục của một bài dạng thư mục để đăng kèm như tài liệu)

e001-invalid = tệp cài đặt site.yaml viết chưa đúng: { $error }
e001-invalid-help = hãy xem dòng được chỉ ra: mỗi mục cài đặt viết trên một dòng, dạng `tên: giá trị`, có một dấu cách sau dấu hai chấm
e001-unknown-key = tệp cài đặt site.yaml có mục lạ `{ $key }` mà kheo không biết
e001-did-you-mean = có phải ý bạn là `{ $key }`?
e001-accepts = site.yaml chỉ nhận các mục: { $keys }
e001-theme = giao diện `{ $theme }` không phải là tên một thư mục (không được trống, không có dấu / hay \, không bắt đầu bằng dấu chấm)
e001-page-size = page_size (số bài mỗi trang danh sách) phải từ 1 trở lên
e001-base-url = địa chỉ trang base_url `{ $url }` { $problem }
e001-base-url-help = hãy ghi địa chỉ nơi trang web sẽ được đăng, ví dụ `https://dvk.example.vn/`, hoặc một đường dẫn bắt đầu bằng `/` như `/` hay `/dvk/`
e001-base-url-chars = có dấu cách, ký tự điều khiển, dấu nháy, `<`, `>` hoặc `\`
e001-base-url-host = thiếu tên miền (phần sau https://)
e001-base-url-scheme = không bắt đầu bằng http:// hay https://, cũng không phải đường dẫn bắt đầu bằng `/`

new-did-you-mean = ; có phải ý bạn là "{ $name }"?
new-fields-are = ; các lĩnh vực của trang là: { $fields }
new-unknown-province = không có tỉnh, thành phố "{ $province }"{ $hint }
new-unknown-field = không có lĩnh vực "{ $field }" trong site.yaml{ $hint }
new-year-range = năm { $year } không hợp lệ (phải từ { $min } đến { $max })
new-no-slug = tên mô hình không có chữ cái hay chữ số nào để làm địa chỉ trang; hãy đặt tên có chữ
new-exists = đã có bài { $path }; hãy chọn tên khác, hoặc mở tệp đó ra để sửa
new-created =
    Đã tạo bài mới, ở dạng bản nháp: { $path }
    Việc tiếp theo:
      1. Mở tệp đó bằng trình soạn thảo văn bản (ví dụ Notepad), điền phần tóm tắt `summary:` và viết nội dung bài bên dưới dòng --- thứ hai.
      2. Xem trước: chạy `kheo serve` rồi mở địa chỉ được in ra bằng trình duyệt (bản nháp vẫn hiện khi xem trước).
      3. Khi bài đã sẵn sàng đăng: xóa dòng `draft: true` (hoặc đổi thành `draft: false`), rồi chạy `kheo check` để kiểm tra và `kheo build` để dựng trang.
new-image-folder =
    Lưu ý: bài viết một tệp như tệp này không đặt ảnh bên cạnh được.
    Muốn thêm ảnh, hãy đổi bài thành dạng thư mục: tạo thư mục { $folder }/, chuyển tệp này vào đó
    và đổi tên thành index.md ({ $folder }/index.md), đặt ảnh vào cùng thư mục, rồi xóa dấu # ở đầu dòng image: bên dưới.
new-draft-comment = Bản nháp: bài chưa được đăng lên trang. Bỏ dòng này hoặc đổi thành false khi bài đã sẵn sàng đăng.
init-not-empty = thư mục { $dir } không trống; kheo init chỉ tạo trang web mới trong thư mục mới hoặc trống
init-created =
    Đã tạo trang web { $dir }
    Tiếp theo, tạo bài đầu tiên: kheo new "Tên mô hình" --province "Cần Thơ" --field "Kinh tế" --root { $dir }

e050 = không thấy dòng tên cột: trong 20 dòng đầu, không dòng nào có ít nhất hai tên cột mà kheo biết
e050-help = hãy thêm một dòng tên cột phía trên dữ liệu, ví dụ "Tên mô hình", "Tỉnh/thành", "Lĩnh vực", "Năm công nhận"
e051 = đã có tệp { $path } với nội dung khác; không ghi đè lên tệp đó
e051-help = hãy sửa thẳng tệp đó, hoặc đặt cho dòng này tên mô hình khác, hoặc điền cột `slug` (địa chỉ riêng của bài)
e052 = dòng này lại tạo ra { $path }: dòng { $row } đã có cùng tên mô hình, tỉnh và năm
e052-help = hãy điền cột `slug` (địa chỉ riêng của bài) khác nhau cho một trong hai dòng, hoặc xóa dòng bị lặp
import-fill-cell = hãy điền vào ô này
import-add-column = hãy thêm cột `{ $key }` (hoặc tên tiếng Việt của nó) vào sổ
import-failed = nhập sổ không thành công: { $errors } lỗi ở { $invalid } trên { $rows } dòng của { $file }; chưa ghi gì cả
import-skipped = bỏ qua dòng { $row } ({ $title })
import-done = đã nhập { $written } mô hình thành bài nháp từ { $file }; { $already } bài đã nhập từ trước, bỏ qua { $skipped } dòng
import-would = sẽ nhập { $written } mô hình thành bài nháp từ { $file }; { $already } bài đã nhập từ trước, sẽ bỏ qua { $skipped } dòng
import-more-warnings = … và { $n } cảnh báo nữa [{ $code }]
import-not-spreadsheet = không đọc được { $file } như một bảng tính: { $error }
import-no-sheet = không có trang tính "{ $sheet }" trong { $file }; các trang tính có là: { $sheets }
import-no-sheets = { $file } không có trang tính nào
import-bad-sheet = không đọc được trang tính "{ $sheet }" của { $file }: { $error }
import-bad-csv = không đọc được tệp CSV: { $error }
import-bad-utf16 = tệp không đúng bảng mã UTF-16
import-not-utf8 = tệp CSV không lưu theo bảng mã UTF-8; trong Excel hãy chọn "Lưu thành: CSV UTF-8" (Save as: CSV UTF-8) hoặc "Văn bản Unicode" (Unicode Text)
## yaml: đọc phần thông tin đầu bài (giữa hai dòng ---)

fm-empty = Tệp này trống
fm-empty-help = Hãy bắt đầu tệp bằng phần thông tin đầu bài: một dòng `---`, rồi các dòng `title:`, `province:`, `field:`, `year:`, rồi thêm một dòng `---`. Lệnh `kheo new` viết sẵn phần này cho bạn.
fm-no-start = Tệp không bắt đầu bằng phần thông tin đầu bài (giữa hai dòng ---)
fm-no-start-label = cần một dòng `---` ở đây
fm-no-start-help = Hãy thêm một dòng chỉ có `---` ở đầu tệp, rồi các dòng thông tin (`title:`, `province:`, `field:`, `year:`), rồi thêm một dòng `---`.
fm-unclosed = Phần thông tin đầu bài chưa có dòng `---` để đóng lại
fm-unclosed-label = mở ở đây
fm-unclosed-help = Hãy thêm một dòng chỉ có `---` ngay sau dòng thông tin cuối cùng, trước nội dung bài.
fm-too-large = Phần thông tin đầu bài quá dài (hơn 64 KB)
fm-too-large-help = Phần này chỉ ghi thông tin ngắn về bài; hãy chuyển đoạn văn dài xuống nội dung bài, sau dòng `---` thứ hai.
fm-not-map = Phần thông tin đầu bài phải gồm các dòng dạng `tên: giá trị`
fm-not-map-help = Hãy viết mỗi thông tin trên một dòng, ví dụ `title: Tên mô hình`.
fm-aliases = Phần thông tin đầu bài dùng ký hiệu `&` và `*` để nhân bản dữ liệu quá nhiều lần
fm-aliases-help = Hãy viết thẳng từng giá trị, không dùng `&` và `*`.
fm-unreadable = Phần thông tin đầu bài (giữa hai dòng ---) có chỗ viết sai ở dòng này
fm-here = ở đây
fm-technical = (chi tiết kỹ thuật: { $detail })
fm-help-colon = Nếu giá trị có dấu hai chấm `:`, hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ `title: "Mô hình: dân vận khéo"`.
fm-help-indent = Hãy xem dòng này và dòng ngay trên: mỗi thông tin phải bắt đầu sát lề trái, dạng `tên: giá trị`; xóa dòng thừa hoặc dấu cách ở đầu dòng.
fm-help-start = Giá trị không được bắt đầu bằng dấu Tab hay một trong các ký tự @ % `; hãy đặt giá trị trong dấu ngoặc kép.
fm-help-quote = Có một dấu ngoặc kép chưa được đóng; hãy thêm dấu ngoặc đóng ở cuối giá trị.
fm-help-general = Mỗi thông tin viết trên một dòng, dạng `tên: giá trị`; danh sách viết dạng `[a, b]`.
fm-fix-line = Hãy sửa dòng này thành `{ $line }`
fm-tab = Dòng này bắt đầu bằng dấu Tab; hãy dùng dấu cách
fm-tab-label = dấu Tab
fm-tab-help = Xóa dấu Tab ở đầu dòng và gõ dấu cách thay vào. Hãy sửa dòng này thành `{ $line }`
fm-no-space = Thiếu dấu cách sau dấu hai chấm ở dòng `{ $key }`
fm-no-space-label = cần một dấu cách sau dấu `:`
fm-wide-colon = Dấu hai chấm ở dòng `{ $key }` là dấu `：` của bộ gõ, không phải dấu `:` thường
fm-wide-colon-label = dấu hai chấm của bộ gõ
fm-wide-colon-help = Hãy gõ dấu `:` thường (tắt bộ gõ tiếng Việt khi gõ) rồi một dấu cách. Hãy sửa dòng này thành `{ $line }`
fm-colon-in-value = Giá trị của `{ $key }` có dấu hai chấm, nên máy hiểu nhầm là bắt đầu một thông tin mới
fm-colon-in-value-label = dấu hai chấm trong giá trị
fm-colon-in-value-help = Hãy đặt cả giá trị trong dấu ngoặc kép. Hãy sửa dòng này thành `{ $line }`
fm-unclosed-quote = Dấu ngoặc mở ở đầu giá trị của `{ $key }` chưa được đóng
fm-unclosed-quote-label = mở ở đây, chưa đóng
fm-after-quote = Giá trị của `{ $key }` còn chữ sau dấu ngoặc đóng
fm-after-quote-label = dấu ngoặc ở đầu giá trị
fm-bad-start = Giá trị của `{ $key }` không được bắt đầu bằng `{ $char }` nếu không đặt trong dấu ngoặc kép
fm-bad-start-label = ký tự không được đứng đầu
fm-dash = Danh sách `{ $key }` có dấu `-` viết ngay trên dòng `{ $key }:`
fm-dash-label = dấu `-` của danh sách
fm-dash-help = Hãy viết danh sách trong ngoặc vuông, các mục cách nhau bằng dấu phẩy. Hãy sửa dòng này thành `{ $line }`
fm-open-list = Dấu ngoặc vuông `[` ở giá trị của `{ $key }` chưa được đóng
fm-open-list-label = mở ở đây, chưa đóng
fm-indented = Dòng `{ $key }:` bị lùi vào so với lề trái
fm-indented-label = dấu cách thừa ở đầu dòng
fm-indented-help = Mỗi thông tin phải bắt đầu sát lề trái. Hãy sửa dòng này thành `{ $line }`
fm-stray = Dòng này không có dạng `tên: giá trị`
fm-stray-label = không có dấu hai chấm
fm-stray-help = Nếu đây là phần tiếp theo của dòng trên, hãy nối nó vào cuối dòng trên; nếu không, hãy xóa dòng này.
fm-duplicate = Thông tin `{ $key }` được viết hai lần
fm-duplicate-label = lần thứ hai
fm-duplicate-help = Hãy giữ một dòng `{ $key }:` và xóa dòng còn lại (dòng trước ở dòng { $first }).
fm-comment-cut = Phần sau dấu `#` trong `{ $key }` bị bỏ đi: bài sẽ được đăng với `{ $key }` là “{ $kept }”
fm-comment-cut-label = từ đây trở đi bị bỏ
fm-comment-cut-help = Dấu `#` sau một dấu cách bắt đầu một ghi chú. Để giữ nguyên cả giá trị, hãy đặt nó trong dấu ngoặc kép: hãy sửa dòng này thành `{ $line }`
fm-curly = Dấu ngoặc kép kiểu Word quanh giá trị của `{ $key }` đã được bỏ đi
fm-curly-label = dấu ngoặc kép kiểu Word
fm-curly-help = Giá trị được dùng: { $value }. Để không còn cảnh báo này, hãy sửa dòng này thành `{ $line }`
fm-summary-blank-label = `summary:` để trống
fm-curly-help-elsewhere = Giá trị được dùng: { $value }. Để không còn cảnh báo này, hãy xóa hai dấu ngoặc kép kiểu Word quanh giá trị.
## preview: kheo serve (xem trước trong trình duyệt)

preview-serving = Đang xem trước trang { $root } tại { $url } (bấm Ctrl+C để dừng)
preview-exposed = cảnh báo: đang mở bản xem trước tại { $addr }: các máy khác trong mạng cũng xem được bản nháp
preview-cannot-listen = không mở được địa chỉ { $addr } để xem trước: { $error }. Có thể một chương trình khác (hoặc một `kheo serve` khác) đang dùng cổng này; hãy thử `--port 0` để tự chọn cổng trống.
preview-thread-failed = cảnh báo: không mở được luồng cho một kết nối: { $error }
preview-template-help = sửa tệp mẫu giao diện (template); trình duyệt vẫn hiển thị bản tốt gần nhất
preview-rebuilt = Đã dựng lại { $pages } trang trong { $ms } ms ({ $models } mô hình)
preview-failed = Chưa dựng lại được trang vì có lỗi; trình duyệt vẫn hiển thị bản tốt gần nhất.
preview-site-wide-ready = Các tệp chung (chỉ mục tìm kiếm, dữ liệu, sơ đồ trang) đã xong sau { $ms } ms
preview-site-wide-failed = lỗi khi dựng các tệp chung: { $error }
preview-fixed-errors = đã sửa { $n } lỗi
preview-fixed-warnings = đã sửa { $n } cảnh báo
preview-total = Hiện còn { $errors } lỗi, { $warnings } cảnh báo (danh sách đầy đủ có trong trình duyệt).
preview-total-clean = Không còn lỗi hay cảnh báo nào.
preview-moved = Địa chỉ của bài { $path } đã đổi từ { $from } thành { $to } (vì tiêu đề đã sửa). Khi xuất bản, địa chỉ cũ sẽ không còn: ai đã lưu hay chia sẻ liên kết cũ sẽ gặp trang "không tìm thấy".
preview-moved-keep = Để giữ địa chỉ cũ, thêm dòng này vào phần thông tin đầu bài (giữa hai dòng ---): slug: { $slug }
preview-moved-keep-pinned = Để giữ địa chỉ cũ, sửa dòng `slug:` trong phần thông tin đầu bài (giữa hai dòng ---) thành: slug: { $slug }
preview-overlay-failed = Chưa dựng lại được trang: có { $n } lỗi cần sửa
preview-overlay-kept = Trang bên dưới là bản tốt gần nhất. Sửa các lỗi sau rồi lưu tệp, trang sẽ tự tải lại.
preview-overlay-error = Lỗi
preview-overlay-warning = Cảnh báo
preview-overlay-help = Cách sửa
preview-overlay-file = Tệp
preview-overlay-close = Đóng
preview-overlay-warnings = { $n } cảnh báo
preview-overlay-warnings-title = Các cảnh báo (trang vẫn dựng được, nhưng nên sửa)
preview-overlay-moved = Địa chỉ của bài đã đổi
preview-error-page-title = Chưa dựng được trang
preview-error-page-text = Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại.
