### kheo: thông báo bằng tiếng Việt (ngôn ngữ mặc định).
### Mỗi id phải có trong cả locales/en.ftl (kiểm tra bằng `cargo test i18n`).
### Viết cho cán bộ văn phòng, không phải lập trình viên: không dùng "front matter",
### "YAML", "slug", "token" mà không giải thích bằng lời thường.

## Dòng tổng kết

summary-errors = { $errors } lỗi
summary-warnings = { $warnings } cảnh báo

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
