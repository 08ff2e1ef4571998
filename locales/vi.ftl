### kheo: thông báo bằng tiếng Việt (ngôn ngữ mặc định).
### Mỗi id phải có trong cả locales/en.ftl (kiểm tra bằng `cargo test i18n`).
### Viết cho cán bộ văn phòng, không phải lập trình viên: không dùng "front matter",
### "YAML", "slug", "token" mà không giải thích bằng lời thường.

## Dòng tổng kết

summary-errors = { $errors } lỗi
summary-warnings = { $warnings } cảnh báo

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
front-level-help-list = các cấp là: trung ương, tỉnh, xã (gồm cả phường, đặc khu); huyện chỉ dùng cho bài trước 1/7/2025
front-level-district-after-reform = cấp "huyện" cho bài sau ngày 1/7/2025
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
front-tags-text = `tags` được viết thành một dòng chữ, không phải danh sách
front-tags-text-label = đã đọc thành danh sách
front-tags-text-help = kheo đã hiểu thành danh sách `{ $list }`; hãy viết `tags: { $list }` cho rõ
front-alias-invalid = địa chỉ cũ "{ $alias }" không phải đường dẫn trong trang
front-alias-invalid-label = địa chỉ cũ không hợp lệ
front-alias-invalid-help = địa chỉ cũ là một đường dẫn trên trang này, bắt đầu bằng `/`, ví dụ `/tin-tuc/mo-hinh-cu/`; không có `..`, `?` hay `#`
front-extra-not-map = `extra` phải gồm các dòng `tên: giá trị`
front-extra-not-map-label = cần các dòng `tên: giá trị`
front-extra-not-map-help = viết `extra:` rồi các dòng thụt vào `tên: giá trị` bên dưới
