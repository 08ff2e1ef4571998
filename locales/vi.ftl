### kheo: thông báo bằng tiếng Việt (ngôn ngữ mặc định).
### Mỗi id phải có trong cả locales/en.ftl (kiểm tra bằng `cargo test i18n`).
### Viết cho cán bộ văn phòng, không phải lập trình viên: không dùng "front matter",
### "YAML", "slug", "token" mà không giải thích bằng lời thường.

## Dòng tổng kết

summary-errors = { $errors } lỗi
summary-warnings = { $warnings } cảnh báo

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
