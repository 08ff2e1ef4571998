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
host-over-size = trang dựng ra nặng { $size } MB, quá 1 GB: GitHub Pages không nhận trang lớn hơn 1 GB.
host-over-files = trang dựng ra có { $files } tệp, quá 20.000: gói miễn phí của Cloudflare Pages không nhận quá 20.000 tệp.
host-big-file = tệp { $path } nặng { $size } MB, quá 25 MiB: Cloudflare Pages không nhận tệp lớn hơn 25 MiB; hãy đăng ở nơi khác (Netlify, máy chủ web riêng; README, mục “Hosting a big site”).
host-advice-lean = Nếu đăng ở đó, thêm dòng `lean_output: true` vào site.yaml: trang nhẹ đi khoảng một nửa, ít tệp hơn khoảng 60% (README, mục “Hosting a big site”).
host-advice-move = Trang đã dùng lean_output: hãy đăng ở nơi không giới hạn tổng dung lượng và số tệp, như Netlify, gói trả phí của Cloudflare hoặc máy chủ web riêng (README, mục “Hosting a big site”).
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
## keys: giá trị trong phần thông tin đầu bài (validate/front.rs, validate/keys.rs)

keys-kind-empty = để trống
keys-kind-bool = true/false
keys-kind-number = một con số
keys-kind-text = chữ
keys-kind-list = một danh sách
keys-kind-map = một nhóm dòng `tên: giá trị`
keys-kind-tagged = một giá trị có nhãn `!`
keys-not-text = `{ $key }` phải là chữ, nhưng đang là { $kind }
keys-not-text-label = cần chữ ở đây
keys-not-text-help = viết trên một dòng: `{ $key }: ...` (đặt trong ngoặc kép nếu có dấu `:` hoặc `#`)
keys-required-empty = `{ $key }` bắt buộc phải có nội dung, nhưng đang để trống
keys-required-empty-label = chưa có nội dung
keys-required-empty-help = viết nội dung sau dấu hai chấm, ví dụ `{ $key }: { $example }`; chỉ có dấu cách thì không tính
keys-missing = thiếu dòng bắt buộc `{ $key }:`
keys-missing-label = phần thông tin đầu bài (giữa hai dòng ---) bắt đầu ở đây
keys-missing-help = thêm một dòng `{ $key }: { $example }` vào giữa hai dòng ---
keys-too-long = { $what } dài { $len } byte; tên tệp trên trang chỉ được dài tối đa { $max }
keys-too-long-label = quá dài để làm tên tệp
keys-too-long-help-tag = dùng chủ đề ngắn hơn: mỗi chủ đề chỉ vài từ
keys-too-long-help-alias = địa chỉ cũ có một phần dài như vậy không thể thành tệp; hãy xóa địa chỉ cũ này
keys-too-long-help-slug = ghi một địa chỉ riêng (slug) ngắn hơn, ví dụ `slug: { $shorter }`
keys-list-item = mỗi mục của `{ $key }` phải là chữ, nhưng có mục là { $kind }
keys-list-item-label = trong danh sách này
keys-list-item-help = viết `{ $key }: [một, hai]` hoặc mỗi mục một dòng bắt đầu bằng `- `
keys-not-list = `{ $key }` phải là một danh sách, nhưng đang là { $kind }
keys-not-list-label = cần một danh sách
keys-not-list-help = viết trong ngoặc vuông, các mục cách nhau bằng dấu phẩy: `{ $key }: { $list }`
keys-not-bool = `{ $key }` chỉ nhận true hoặc false, nhưng đang là { $kind }
keys-not-bool-label = cần true hoặc false
keys-not-bool-help = viết `{ $key }: true` (có) hoặc xóa dòng này (không)
front-no-summary = bài chưa có tóm tắt (`summary:`)
front-no-summary-label = thêm tóm tắt ở đây
front-no-summary-help = viết `summary:` và một hoặc hai câu tóm tắt; danh sách bài, kết quả tìm kiếm và nguồn tin hiện câu này
front-unknown-key = kheo không biết dòng `{ $key }:`
front-unknown-key-label = tên dòng không có trong danh sách
front-unknown-key-help-meant = có phải ý bạn là `{ $key }`? Hãy viết `{ $key }:` thay cho `{ $written }:`. Thông tin riêng khác đặt dưới `extra:`
front-unknown-key-help-extra = thông tin riêng khác đặt dưới `extra:` (ví dụ `extra: {"{"}so_ho: 120{"}"}`)
front-province-unknown = không có tỉnh, thành phố nào tên "{ $name }"
front-province-unknown-label = tỉnh không có trong danh sách
front-province-help-former = có phải ý bạn là "{ $name }" (từ 2025 thuộc { $unit })?
front-province-help-meant = có phải ý bạn là "{ $name }"?
front-province-help-list = ghi một trong 34 tỉnh, thành phố (hoặc tỉnh cũ trước sáp nhập năm 2025), ví dụ "Cần Thơ", "Bạc Liêu"; có dấu hay không dấu, có "Tỉnh"/"TP." hay không đều được
front-field-unknown = không có lĩnh vực "{ $name }"
front-field-unknown-label = lĩnh vực không có trong site.yaml
front-field-help-meant = có phải ý bạn là "{ $name }"?
front-field-help-list = các lĩnh vực là: { $names }
front-year-range = năm { $year } không hợp lệ
front-year-range-label = năm ngoài khoảng cho phép
front-year-range-help = năm phải từ { $min } đến { $max }
front-year-not-number = `year` phải là một năm (số nguyên), nhưng đang là { $kind }
front-year-not-number-label = cần một năm
front-year-not-number-help = viết năm mô hình được công nhận, bốn chữ số, ví dụ `year: 2019`
front-date-invalid = ngày "{ $date }" không đúng cách viết
front-date-invalid-label = cần năm-tháng-ngày
front-date-help = viết ngày theo thứ tự năm-tháng-ngày, ví dụ `date: 2019-05-20` (ngày 20 tháng 5 năm 2019)
front-date-help-convert = viết ngày theo thứ tự năm-tháng-ngày: `date: { $date }`
front-date-help-no-such-day = tháng { $month } năm { $year } không có ngày { $day }; hãy kiểm tra lại ngày
front-level-unknown = không có cấp công nhận "{ $name }"
front-level-unknown-label = cấp không có trong danh sách
front-level-help-meant = có phải ý bạn là "{ $name }"?
front-level-help-list = các cấp là: trung ương, tỉnh, huyện, xã (huyện chỉ dùng cho bài trước 1/7/2025; phường, đặc khu là cấp xã)
front-level-district-after-reform = cấp "huyện" cho mô hình công nhận sau ngày 1/7/2025
front-level-district-after-reform-label = từ 1/7/2025 không còn cấp huyện
front-level-district-after-reform-help = từ ngày 1/7/2025 chính quyền địa phương có hai cấp, tỉnh và xã: viết `level: tỉnh` hoặc `level: xã` (phường, đặc khu cũng là cấp xã); chỉ giữ `huyện` cho mô hình được công nhận trước ngày đó
front-slug-invalid = địa chỉ riêng của bài (slug) "{ $slug }" không hợp lệ
front-slug-invalid-label = địa chỉ riêng không hợp lệ
front-slug-help = địa chỉ riêng chỉ gồm chữ thường không dấu a-z, số 0-9 và dấu gạch ngang, ví dụ `slug: lien-gia-tu-quan`
front-slug-help-fixed = địa chỉ riêng chỉ gồm chữ thường không dấu a-z, số 0-9 và dấu gạch ngang: có phải ý bạn là `{ $slug }`?
front-slug-empty = tên bài không có chữ hay số nào để làm địa chỉ trang
front-slug-empty-label = không có chữ hay số
front-slug-empty-help = thêm dòng `slug: ten-mo-hinh` (địa chỉ riêng của bài) vào giữa hai dòng ---
front-slug-written = địa chỉ riêng của bài (slug)
front-slug-from-title = địa chỉ trang làm từ tên bài
front-tag-slug = một chủ đề
front-alias-part = một phần của địa chỉ cũ
front-url-invalid = `source_url` "{ $url }" không phải địa chỉ trang web
front-url-invalid-label = cần http(s)://…
front-url-invalid-help = viết đầy đủ địa chỉ, bắt đầu bằng https://
front-alias-invalid = địa chỉ cũ "{ $alias }" không phải đường dẫn trong trang
front-alias-invalid-label = địa chỉ cũ không hợp lệ
front-alias-invalid-help = địa chỉ cũ là một đường dẫn trên trang này, bắt đầu bằng `/`, ví dụ `/tin-tuc/mo-hinh-cu/`; không có `..`, `?` hay `#`
front-extra-not-map = `extra` phải gồm các dòng `tên: giá trị`
front-extra-not-map-label = cần các dòng `tên: giá trị`
front-extra-not-map-help = viết `extra:` rồi các dòng thụt vào `tên: giá trị` bên dưới
links-image-missing-label = không tìm thấy
links-image-not-in-static = không tìm thấy ảnh { $src } trong thư mục static/
links-image-not-in-static-help = đặt tệp ảnh ở static/{ $path }, hoặc sửa lại đường dẫn
links-image-single-file = ảnh { $src } phải đặt cạnh bài, nhưng bài này là một tệp riêng lẻ, chưa có thư mục riêng
links-image-single-file-help = muốn đặt ảnh cạnh bài thì bài cần một thư mục riêng: chuyển { $file } thành { $index } và đặt ảnh { $name } ở { $image } (hoặc đặt ảnh vào static/images/ và viết `/images/{ $name }`)
links-image-not-beside = không tìm thấy ảnh { $src } cạnh bài viết
links-image-not-beside-help = đặt tệp ảnh vào thư mục { $dir }/ (tên tệp phân biệt chữ hoa, chữ thường)
links-image-unreadable = không đọc được ảnh { $src }: tệp bị hỏng hoặc không đúng loại ảnh
links-image-unreadable-label = ảnh không đọc được
links-image-unreadable-help = mở ảnh bằng một phần mềm sửa ảnh rồi lưu lại (dạng PNG hoặc JPEG)
links-image-too-large = ảnh { $src } có kích thước { $w }×{ $h } điểm ảnh, quá lớn
links-image-too-large-label = ảnh quá lớn
links-image-too-large-help = lưu một bản nhỏ hơn: mỗi cạnh tối đa { $side } điểm ảnh và không quá { $mp } triệu điểm ảnh (trang web chỉ cần rộng khoảng 2400 điểm ảnh)
links-here = ở đây
links-no-such-article = liên kết tới { $dest }: không có bài này
links-no-such-article-help = kiểm tra lại đường dẫn; đường dẫn tính từ thư mục chứa bài này
links-no-such-slug = liên kết tới { $dest }: không có mô hình nào có địa chỉ `{ $slug }`
links-help-meant = có phải ý bạn là /mo-hinh/{ $slug }/?
links-help-check = kiểm tra lại địa chỉ riêng của bài (slug) trong đường dẫn
links-help-check-budget = kiểm tra lại địa chỉ riêng của bài (slug) trong đường dẫn (chỉ gợi ý cho { $n } liên kết hỏng đầu tiên của mỗi bài)
site-slug-taken = địa chỉ trang `{ $slug }`, làm từ tên bài, trùng với địa chỉ của { $other }
site-slug-taken-label = hai bài không thể có cùng một địa chỉ
site-slug-taken-help-explicit = thêm dòng `slug: { $proposal }` (địa chỉ riêng của bài) vào giữa hai dòng --- của bài này ({ $other } đã tự ghi `slug: { $slug }`)
site-slug-taken-help = thêm dòng `slug: { $proposal }` (địa chỉ riêng của bài) vào giữa hai dòng --- của bài này; nếu bài này đã đăng, giữ địa chỉ cũ bằng `slug: { $slug }` và đặt địa chỉ riêng cho bài kia
site-url-duplicate = trùng địa chỉ { $url }: { $other } có cùng địa chỉ riêng `{ $slug }`
site-url-duplicate-help = đặt cho một trong hai bài một địa chỉ riêng khác, ví dụ `slug: { $slug }`
site-a-generated-page = một trang do kheo tạo ra
site-alias-is-address = địa chỉ cũ { $alias } đang là địa chỉ của { $other }
site-alias-is-address-help = xóa địa chỉ cũ này; địa chỉ cũ phải là địa chỉ không trang nào đang dùng
site-alias-twice = địa chỉ cũ { $alias } cũng là địa chỉ cũ của { $other }
site-alias-twice-help = một địa chỉ cũ chỉ chuyển về được một bài; xóa ở một trong hai bài
site-alias-folder = địa chỉ cũ { $alias } cần một thư mục ở chỗ địa chỉ cũ { $other } là một trang
site-alias-folder-help = xóa một trong hai địa chỉ cũ; một địa chỉ không thể vừa là trang vừa là thư mục
outputs-static-replaces-page = sẽ đè lên /{ $path }, một trang do kheo tạo ra
outputs-static-is-folder = nằm đúng chỗ kheo tạo thư mục /{ $path }/
outputs-static-clash = tệp tĩnh { $file } { $what }
outputs-static-clash-help = đổi tên hoặc chuyển tệp trong static/; muốn sửa một trang do kheo tạo, hãy viết mẫu trang riêng trong templates/
## cms: trang biên tập (/admin/) và lưu bài từ trình duyệt
cms-bad-setting = Trong phần `cms:` của site.yaml, giá trị `{ $key }: { $value }` không dùng được.
cms-backend-help = Ghi `backend: github` (mặc định) hoặc `backend: git-gateway`.
cms-repo-help = Ghi tên kho mã nguồn của trang dạng chủ-sở-hữu/tên-kho, ví dụ `repo: tinh-can-tho/dan-van-kheo`.
cms-branch-help = Ghi tên nhánh, chỉ gồm chữ không dấu, số, dấu gạch ngang, gạch dưới, dấu chấm hoặc /, ví dụ `branch: main`.
cms-script-help = Ghi địa chỉ bắt đầu bằng https:// hoặc một đường dẫn bắt đầu bằng /, không có dấu cách hay dấu nháy; hoặc bỏ dòng này để dùng bản Decap CMS mặc định.
cms-refused = Chưa lưu bài: { $problems }
cms-bad-path = Chỉ được lưu bài và ảnh trong thư mục content/ (hoặc static/anh/); đường dẫn `{ $path }` không được phép.
cms-too-large = Tệp gửi lên quá lớn (tối đa { $mb } MB).
cms-other-origin = Chỉ trang biên tập mở từ chính máy này (địa chỉ kheo serve in ra) mới được lưu bài.
cms-unknown-action = Yêu cầu `{ $action }` không được hỗ trợ.
cms-bad-request = Yêu cầu không đọc được: { $why }
cms-write-failed = Không ghi được tệp `{ $path }`: { $why }
cms-off = Trang này chưa bật trang biên tập: thêm phần `cms:` vào site.yaml (xem README).
cms-not-a-story = `{ $path }` không phải là một bài trong content/: chỉ chuyển được một bài có sẵn (tệp .md trong content/).
cms-move-unclear = Không chuyển được bài từ `{ $from }` sang `{ $to }` cùng các tệp của bài: chỗ mới đã có tệp, hoặc thư mục cũ còn bài khác. Hãy chuyển bằng tay.
cms-not-media = Chỉ tải lên được ảnh và tài liệu ({ $extensions }); `{ $path }` không thuộc loại đó.
cms-active-svg = Tệp SVG `{ $path }` có mã hoặc liên kết chạy khi mở tệp; hãy lưu lại thành hình vẽ thuần rồi tải lên.

## http: câu trả lời ngắn của kheo serve cho trình duyệt

http-busy = Máy chủ xem trước đang bận, hãy thử lại sau giây lát.
http-headers-too-large = Yêu cầu quá lớn (phần đầu yêu cầu).
http-headers-too-slow = Yêu cầu gửi đến quá chậm.
http-only-get-head = Bản xem trước chỉ nhận yêu cầu xem trang (GET, HEAD).
http-unknown-host = Địa chỉ này không phải của bản xem trước: hãy mở đúng địa chỉ mà kheo serve đã in ra.
http-bad-path = Đường dẫn không hợp lệ.
http-cross-origin = Yêu cầu từ trang khác bị từ chối.
http-too-many-streams = Có quá nhiều thẻ đang mở bản xem trước; hãy đóng bớt.
http-cms-busy = Trang biên tập đang lưu bài khác, hãy thử lại sau giây lát.
http-body-slow = Nội dung gửi lên chưa đủ hoặc quá chậm.
http-not-found = Không có trang này.

## new: ghi bài mới

new-through-link = Không ghi { $path }: một thư mục trên đường đi là lối tắt (symbolic link), có thể dẫn ra ngoài thư mục trang. Hãy thay lối tắt bằng thư mục thật.

## engine: incremental builds
cli-built-changes = đã cập nhật { $out } ({ $models } mô hình) trong { $seconds } giây: dựng lại { $pages } trang, ghi { $written } tệp có thay đổi, xoá { $removed } tệp không còn dùng; các tệp khác giữ nguyên
