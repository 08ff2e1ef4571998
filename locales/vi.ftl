### kheo: thông báo bằng tiếng Việt (ngôn ngữ mặc định).
### Mỗi id phải có trong cả locales/en.ftl (kiểm tra bằng `cargo test i18n`).
### Viết cho cán bộ văn phòng, không phải lập trình viên: không dùng "front matter",
### "YAML", "slug", "token" mà không giải thích bằng lời thường.

## Dòng tổng kết

summary-errors = { $errors } lỗi
summary-warnings = { $warnings } cảnh báo

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
