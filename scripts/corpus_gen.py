#!/usr/bin/env python3
"""Deterministic generator of a Vietnamese "Dân vận khéo" article corpus.

    scripts/corpus_gen.py --n N --out DIR --format {native,zola,hugo} [--seed S] [--seeds-dir D]

(Shipped with kheo so that the benchmarks need nothing outside the repository. Seed
texts default to the three articles in benches/data/; pass --seeds-dir for others, e.g.
the larger seed set the published BENCHMARKS.md numbers were measured with.  The
pre-2025 → 2025 province mapping is read from data/provinces.yaml.)

Standard library only.  Output is a pure function of (--n, --seed, seed texts):
article i is drawn from its own RNG seeded with "<seed>:<i>", so the corpus for
N=1000 is a prefix of the corpus for N=10000.

native : DIR/content/<province-slug>/<year>/<slug>.md, YAML front matter with
         the keys of SPEC.md section 3 (title, slug?, province, locality?, field,
         year, date, unit, level, author, summary, tags). Stories from 2025 on
         name the merged province; about 5% spell the province without
         diacritics, as hurried editors do. DIR/static/images/ holds the three
         images the bodies reference (as /images/dvk-N.svg).
zola   : a complete Zola site (config.toml = no search index,
         config.search.toml = elasticlunr index (default_language "en", because
         elasticlunr-rs has no "vi"), config.search-vi.toml = default_language
         "vi" with elasticlunr (Zola refuses it; kept to show the error),
         config.fuse-vi.toml = "vi" with the Fuse.js index format), templates,
         _index.md sections for province and province/year.
hugo   : a complete Hugo site (hugo.toml, layouts/, same content tree).

All text is NFC.  About a quarter of the articles (deterministic) place the tone
mark on the second vowel (hoà, toả, khoẻ, thuỷ, uỷ ban) in their title, summary
and body; the rest place it on the first (hòa, tỏa, khỏe, thủy, ủy ban).  Front-matter taxonomy values (province, field) always use the official
spelling, so a search for "hoà" vs "hòa" can be tested on the bodies.
"""
import argparse
import glob
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

PROVINCES = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh",
    "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau",
    "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang",
    "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
    "Tiền Giang", "Thành phố Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
    "Vĩnh Phúc", "Yên Bái",
]
CITY_PROVINCES = {"Cần Thơ", "Đà Nẵng", "Hà Nội", "Hải Phòng", "Thành phố Hồ Chí Minh"}

FIELDS = ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị"]
LEVELS = ["tỉnh", "huyện", "xã"]
LEVEL_ASCII = {"tỉnh": "tinh", "huyện": "huyen", "xã": "xa"}

DISTRICT_NAMES = [
    "Châu Thành", "Tân Phú", "Phú Tân", "Long Phú", "Thạnh Trị", "Mỹ Xuyên", "Hòa Vang",
    "Đông Anh", "Gia Lâm", "Thanh Trì", "Yên Thế", "Lục Nam", "Tam Nông", "Cao Lãnh",
    "Lấp Vò", "Chợ Mới", "Tri Tôn", "Tịnh Biên", "Ba Tơ", "Sơn Tịnh", "Krông Pắc",
    "Ea Kar", "Mường Nhé", "Sa Pa", "Bảo Yên", "Văn Bàn", "Đức Trọng", "Lạc Dương",
    "Quế Sơn", "Điện Bàn", "Giồng Trôm", "Mỏ Cày Nam", "Vĩnh Lợi", "Hồng Dân", "Phước Long",
    "Đông Hải", "Cái Nước", "Năm Căn", "Trần Văn Thời", "Hương Khê", "Can Lộc", "Nghi Xuân",
    "Quỳnh Lưu", "Diễn Châu", "Yên Thành", "Thạch Thành", "Hoằng Hóa", "Nga Sơn", "Kim Sơn",
    "Gia Viễn", "Tiên Lãng", "Thủy Nguyên", "Đông Triều", "Tiên Yên", "Bình Liêu", "Mèo Vạc",
    "Đồng Văn", "Bảo Lạc", "Trùng Khánh", "Chợ Đồn", "Định Hóa", "Đại Từ", "Tam Đảo",
    "Lập Thạch", "Cẩm Khê", "Thanh Sơn", "Mai Châu", "Lạc Sơn", "Mộc Châu", "Thuận Châu",
    "Tuần Giáo", "Than Uyên", "Tân Uyên", "Dĩ An", "Bến Cát", "Trảng Bom", "Long Thành",
    "Cần Giờ", "Củ Chi", "Hóc Môn", "Bình Chánh", "Cờ Đỏ", "Phong Điền", "Thới Lai",
]
DISTRICT_KINDS = ["huyện"] * 6 + ["thị xã", "thành phố"]
COMMUNE_NAMES = [
    "An Bình", "Tân Hòa", "Phước Hưng", "Vĩnh Thạnh", "Mỹ Hòa", "Long Điền", "Hòa Lợi",
    "Bình Minh", "Thạnh Phú", "Tân Lập", "Đông Hưng", "Nghĩa Trung", "Xuân Trường",
    "Thuận An", "An Khánh", "Hiệp Hòa", "Tân Thành", "Phú Mỹ", "Long Hòa", "Hưng Đạo",
    "Quang Trung", "Lê Lợi", "Trần Phú", "Nam Sơn", "Đồng Tâm", "Thống Nhất", "Hợp Tiến",
    "Yên Lạc", "Bản Giang", "Nà Hang", "Pá Khoang", "Ea Tu", "Đắk Ơ", "Ia Grai", "Tà Xùa",
    "Hòa Khánh", "Hòa Phú", "Khánh Hòa", "Thủy Xuân", "Tân Hội", "Mỹ Khánh", "Phong Hòa",
    "Định Thủy", "Bình Khánh", "Lộc Hòa", "Sơn Thủy", "Tam Phước", "Cát Bà", "Vạn Ninh",
    "Phường 1", "Phường 3", "Phường 7", "Hòa Hiệp Bắc", "Thanh Xuân", "Phúc Đồng",
]
COMMUNE_KINDS = ["xã"] * 6 + ["phường", "thị trấn"]
HAMLETS = ["ấp Tân Lợi", "ấp Mỹ Phú", "thôn Đông", "thôn Trung Hòa", "bản Na Sang", "bon Bu Prăng",
           "khóm 3", "tổ dân phố số 5", "buôn Ea Sar", "ấp Bình Thủy", "làng Plei Ku", "xóm Bãi"]

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Trịnh", "Mai", "Tạ", "Thạch",
            "Lò", "Hà", "Y", "Kiều", "Quách", "Châu"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Tấn", "Ngọc"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Bích", "Mỹ", "Hồng", "Diệu", "Phương"]
GIVEN_M = ["Hùng", "Dũng", "Bình", "Tuấn", "Khánh", "Phúc", "Lộc", "Thắng", "Hải", "Sơn",
           "Nam", "Quang", "Trung", "Hòa", "Thủy", "Toàn", "Nghĩa", "Tài", "Cường", "Đạt"]
GIVEN_F = ["Lan", "Hương", "Hoa", "Mai", "Thảo", "Hằng", "Nga", "Loan", "Yến", "Trang",
           "Nhung", "Hòa", "Thúy", "Xuân", "Oanh", "Hiền", "Duyên", "Ngân", "Phượng", "Tuyết"]
ROLES = ["Bí thư Đảng ủy xã", "Chủ tịch UBND xã", "Trưởng ban Dân vận Huyện ủy",
         "Chủ tịch Hội Liên hiệp Phụ nữ xã", "Bí thư Đoàn xã", "Chủ tịch Hội Nông dân xã",
         "Trưởng Công an xã", "Chủ tịch Ủy ban MTTQ Việt Nam xã", "Trưởng ấp", "Người có uy tín",
         "Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy", "Chủ tịch Hội Cựu chiến binh xã",
         "Bí thư Chi bộ", "Đồn trưởng Đồn Biên phòng"]

UNITS = {
    "xã": ["Hội Phụ nữ {c}", "Đoàn Thanh niên {c}", "Hội Nông dân {c}", "Hội Cựu chiến binh {c}",
           "Ủy ban Mặt trận Tổ quốc Việt Nam {c}", "Công an {c}", "Ban Chỉ huy Quân sự {c}",
           "Chi bộ {h}, {c}", "Ban Dân vận Đảng ủy {c}", "UBND {c}", "Trường Tiểu học {cn}",
           "Trạm Y tế {c}", "Chi hội Người cao tuổi {h}"],
    "huyện": ["Ban Dân vận Huyện ủy {dn}", "Hội Liên hiệp Phụ nữ {d}", "Huyện đoàn {dn}",
              "Công an {d}", "Ban Chỉ huy Quân sự {d}", "Phòng Văn hóa và Thông tin {d}",
              "Trung tâm Y tế {d}", "Hội Nông dân {d}", "Liên đoàn Lao động {d}",
              "Phòng Tài nguyên và Môi trường {d}"],
    "tỉnh": ["Ban Dân vận Tỉnh ủy {p}", "Hội Liên hiệp Phụ nữ tỉnh {p}", "Tỉnh đoàn {p}",
             "Bộ Chỉ huy Bộ đội Biên phòng tỉnh {p}", "Công an tỉnh {p}", "Sở Y tế tỉnh {p}",
             "Liên đoàn Lao động tỉnh {p}", "Hội Nông dân tỉnh {p}", "Bộ Chỉ huy Quân sự tỉnh {p}",
             "Sở Giáo dục và Đào tạo tỉnh {p}", "Ủy ban MTTQ Việt Nam tỉnh {p}"],
}

MODELS = {
    "Kinh tế": ["Tổ hợp tác trồng rau an toàn", "Chi hội nghề nghiệp nuôi tôm",
                "Liên kết sản xuất lúa theo chuỗi giá trị", "Hỗ trợ vốn cho phụ nữ khởi nghiệp",
                "Nuôi bò sinh sản giúp hộ nghèo", "Sản phẩm OCOP gắn với du lịch cộng đồng",
                "Chuyển đổi cây trồng trên đất lúa kém hiệu quả", "Hợp tác xã dịch vụ nông nghiệp kiểu mới",
                "Trồng cây ăn trái ứng dụng công nghệ cao", "Tiết kiệm vì người nghèo",
                "Tổ vay vốn xoay vòng không lãi", "Nuôi heo đất giúp hội viên thoát nghèo",
                "Cánh đồng lớn liên kết tiêu thụ", "Thủy sản sạch theo chuẩn VietGAP",
                "Chợ phiên nông sản an toàn", "Phát triển cà phê bền vững"],
    "Văn hóa - xã hội": ["Hũ gạo tình thương", "Tuyến đường hoa", "Nhà nhân ái",
                          "Khu dân cư không rác thải nhựa", "Thắp sáng đường quê", "Khuyến học, khuyến tài",
                          "Bữa cơm nghĩa tình", "Phụ nữ 5 không 3 sạch", "Tủ sách cộng đồng",
                          "Câu lạc bộ gia đình hạnh phúc", "Ngày thứ bảy tình nguyện",
                          "Chuyển đổi số trong khám chữa bệnh", "Hòa nhập cộng đồng cho người khuyết tật",
                          "Văn hóa đọc ở nông thôn", "Giữ gìn bản sắc văn hóa dân tộc", "Nước sạch cho bản làng"],
    "Quốc phòng - an ninh": ["Camera an ninh", "Tổ liên gia tự quản", "Tổ hòa giải ở cơ sở",
                              "Khu dân cư an toàn về an ninh trật tự", "Đồn Biên phòng - điểm tựa của bản làng",
                              "Nâng bước em tới trường", "Con nuôi đồn biên phòng",
                              "Tổ tự quản đường biên, mốc quốc giới", "Dân vận khéo trong tuyển quân",
                              "Xóa tụ điểm ma túy", "Zalo an ninh trật tự", "Tiếng kẻng an ninh",
                              "Ngư dân với an ninh trên biển", "Phòng cháy chữa cháy gia đình"],
    "Xây dựng hệ thống chính trị": ["Dân vận chính quyền", "Cải cách hành chính một cửa",
                                     "Đối thoại trực tiếp với Nhân dân", "Chi bộ bốn tốt", "Cán bộ sâu sát cơ sở",
                                     "Tiếp dân và giải quyết khiếu nại", "Nêu gương của người đứng đầu",
                                     "Đảng viên giúp đỡ hộ nghèo", "Phát huy vai trò người có uy tín",
                                     "Thực hiện Quy chế dân chủ ở cơ sở", "Ngày thứ năm lắng nghe Nhân dân",
                                     "Chính quyền thân thiện, gần dân", "Bí thư chi bộ kiêm trưởng ấp"],
}

TAGS = {
    "Kinh tế": ["nông thôn mới", "giảm nghèo", "OCOP", "hợp tác xã", "khởi nghiệp", "nông nghiệp công nghệ cao",
                "chuyển đổi số", "vốn vay", "du lịch cộng đồng", "thủy sản"],
    "Văn hóa - xã hội": ["an sinh xã hội", "môi trường", "khuyến học", "y tế", "người cao tuổi",
                          "trẻ em", "văn hóa", "hòa nhập cộng đồng", "nước sạch", "nhà ở"],
    "Quốc phòng - an ninh": ["an ninh trật tự", "biên giới", "hòa giải cơ sở", "ma túy", "tuyển quân",
                              "liên gia tự quản", "an ninh trên biển", "phòng cháy chữa cháy"],
    "Xây dựng hệ thống chính trị": ["cải cách hành chính", "quy chế dân chủ", "tiếp dân", "đối thoại",
                                     "người có uy tín", "chi bộ", "dân vận chính quyền", "nêu gương"],
}
COMMON_TAGS = ["phụ nữ", "thanh niên", "cựu chiến binh", "nông dân", "dân tộc thiểu số", "tôn giáo",
               "công an", "biên phòng", "Mặt trận Tổ quốc", "công đoàn"]

HEADINGS = ["Cách làm sáng tạo", "Hiệu quả thiết thực", "Bài học kinh nghiệm", "Nhân rộng mô hình",
            "Khó khăn, vướng mắc", "Kết quả nổi bật", "Vai trò của người đứng đầu",
            "Phát huy quyền làm chủ của Nhân dân", "Từ chủ trương đến hành động", "Lòng dân đồng thuận",
            "Sức lan tỏa trong cộng đồng", "Hướng đi trong thời gian tới", "Những con số biết nói",
            "Đổi thay ở vùng khó", "Kinh nghiệm từ cơ sở"]
CAPTIONS = ["Quang cảnh buổi ra mắt mô hình", "Hội viên tham gia mô hình", "Cán bộ đến từng nhà vận động",
            "Tuyến đường được Nhân dân hiến đất mở rộng", "Trao quà cho hộ khó khăn",
            "Lãnh đạo địa phương thăm mô hình", "Buổi đối thoại với Nhân dân"]

SEED_PLACES = [  # (seed text, replacement kind)
    ("TP. Bạc Liêu", "district"), ("thành phố Bạc Liêu", "district"), ("Thành phố Bến Tre", "district"),
    ("thành phố Bến Tre", "district"), ("TP. Bến Tre", "district"), ("Thị xã Điện Bàn", "district"),
    ("tỉnh An Giang", "province_t"), ("tỉnh Bến Tre", "province_t"), ("An Giang", "province"),
    ("Bạc Liêu", "province"), ("Bến Tre", "province"), ("Điện Bàn", "district_name"),
]
BOILERPLATE = re.compile(r"lượt xem|Gửi cho bạn bè|Xem nhiều nhất|Skip |Thông tin chung|\.dcs\.vn|"
                         r"^\(|^Thứ [0-9Hh]|^\d+/\d+/\d+|Trang chủ|In bài|Trụ sở|truy cập|Điện thoại|"
                         r"Email|•|UVBTV|Cơ quan chủ quản|Ban Biên tập|Go top|bình chọn|Manage|"
                         r"Content Type|Ý kiến của bạn|Lượt người xem|\.jpg|Quang cảnh")
ABBREV = ("TP.", "Tp.", "ThS.", "TS.", "PGS.", "v.v.", "St.")
TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def fold(s):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if not unicodedata.combining(c))


def slugify(s, maxlen=80):
    s = re.sub(r"[^a-z0-9]+", "-", fold(s).lower()).strip("-")
    if len(s) > maxlen:
        s = s[:maxlen].rsplit("-", 1)[0]
    return s


def _move_tone(first, second, to_second):
    """Move the tone mark between the two vowels of an open oa/oe/uy syllable."""
    a = unicodedata.normalize("NFD", first)
    b = unicodedata.normalize("NFD", second)
    if to_second:
        tone = [c for c in a if c in TONES]
        return nfc("".join(c for c in a if c not in TONES)) + nfc(b + "".join(tone))
    tone = [c for c in b if c in TONES]
    return nfc(a + "".join(tone)) + nfc("".join(c for c in b if c not in TONES))


_NEW_OA = re.compile(r"(?<![qQ])([òóỏõọÒÓỎÕỌ])([aeAE])\b|(?<![qQ])([ùúủũụÙÚỦŨỤ])([yY])\b")
_OLD_OA = re.compile(r"(?<![qQ])([oO])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])\b|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])\b")


def to_old_style(s):
    def r(m):
        if m.group(1):
            return _move_tone(m.group(1), m.group(2), True)
        return _move_tone(m.group(3), m.group(4), True)
    return _NEW_OA.sub(r, s)


def to_new_style(s):
    def r(m):
        if m.group(1):
            return _move_tone(m.group(1), m.group(2), False)
        return _move_tone(m.group(3), m.group(4), False)
    return _OLD_OA.sub(r, s)


def balanced(s):
    return (s.count("(") == s.count(")") and s.count("“") == s.count("”")
            and s.count('"') % 2 == 0)


def split_sentences(par):
    toks = par.split()
    out, cur = [], []
    for i, t in enumerate(toks):
        cur.append(t)
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if (t.endswith((".", "!", "?", "…", ".”", "!”", "?”")) and t.lstrip("(“\"") not in ABBREV
                and nxt[:1] and (nxt[:1].isupper() or nxt[:1] in "“\"")):
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def load_seeds(seeds_dir):
    files = sorted(glob.glob(os.path.join(seeds_dir, "*.txt")) + glob.glob(os.path.join(seeds_dir, "*.md")))
    if not files:
        sys.exit("no seed texts in %s" % seeds_dir)
    sentences, clauses, frags = [], [], []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        if f.endswith(".md") and text.startswith("---\n"):
            text = text.split("\n---\n", 1)[-1]  # a Markdown seed: its body only
        text = to_new_style(nfc(text)).replace("\u00a0", " ")
        # a headline glued to the first paragraph ("... An GiangPhong trào ...") becomes two lines
        text = re.sub(r"([a-zđà-ỹ])([A-ZĐ][a-zđà-ỹ])", "\\1\n\\2", text)
        for line in text.splitlines():
            line = " ".join(line.split())
            if len(line.split()) < 12 or BOILERPLATE.search(line):
                continue
            for s in split_sentences(line):
                n = len(s.split())
                if 8 <= n <= 90 and not BOILERPLATE.search(s) and balanced(s) and not s.endswith(":"):
                    if not s.endswith((".", "!", "?", "…", "”", ";", ":")):
                        s += "."
                    sentences.append(s)
                    for c in s.rstrip(".…;:").split(";"):
                        c = c.strip()
                        if 5 <= len(c.split()) <= 30 and balanced(c):
                            clauses.append(c[:1].upper() + c[1:])
                    for c in re.split(r"[,;:] ", s.rstrip(".…;:")):
                        c = c.strip()
                        if 4 <= len(c.split()) <= 25 and balanced(c):
                            frags.append(c)
    return sentences, clauses, frags


def person(rng):
    if rng.random() < 0.5:
        return "Ông", "%s %s %s" % (rng.choice(SURNAMES), rng.choice(MIDDLE_M), rng.choice(GIVEN_M))
    return "Bà", "%s %s %s" % (rng.choice(SURNAMES), rng.choice(MIDDLE_F), rng.choice(GIVEN_F))


def fmt_num(n):
    return "{:,}".format(n).replace(",", ".")


class Article:
    pass


def make_article(i, seed, pool):
    sentences, clauses, frags = pool
    rng = random.Random("%s:%d" % (seed, i))
    a = Article()
    a.i = i
    a.province = rng.choice(PROVINCES)
    a.field = rng.choice(FIELDS)
    a.year = rng.randint(2016, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    a.date = "%04d-%02d-%02d" % (a.year, month, day)
    a.level = rng.choices(LEVELS, weights=[2, 3, 5])[0]
    prng = random.Random("district:%s:%s" % (seed, a.province))
    districts = prng.sample(DISTRICT_NAMES, 6)
    dname = rng.choice(districts)
    dkind = "quận" if a.province in CITY_PROVINCES and rng.random() < 0.5 else rng.choice(DISTRICT_KINDS)
    a.district = "%s %s" % (dkind, dname)
    cname = rng.choice(COMMUNE_NAMES)
    ckind = "phường" if cname.startswith("Phường") else rng.choice(COMMUNE_KINDS)
    commune = cname if cname.startswith("Phường") else "%s %s" % (ckind, cname)
    hamlet = rng.choice(HAMLETS)
    ptxt = a.province if a.province.startswith("Thành phố") else (
        "thành phố " + a.province if a.province in CITY_PROVINCES else "tỉnh " + a.province)
    a.unit = rng.choice(UNITS[a.level]).format(c=commune, cn=cname, h=hamlet, d=a.district, dn=dname,
                                                p=a.province)
    model = rng.choice(MODELS[a.field])
    place = {"xã": commune, "huyện": a.district, "tỉnh": ptxt}[a.level]
    g, name = person(rng)
    a.author = "%s %s %s" % (rng.choice(SURNAMES), rng.choice(MIDDLE_M + MIDDLE_F),
                             rng.choice(GIVEN_M + GIVEN_F))
    title_pat = rng.choice([
        "Mô hình “{m}” ở {pl}", "{u}: hiệu quả từ mô hình “{m}”", "“{m}” – điển hình Dân vận khéo của {u}",
        "Lan tỏa mô hình “{m}” tại {pl}", "Dân vận khéo với mô hình “{m}”", "{Pl} nhân rộng mô hình “{m}”",
        "{u} và mô hình “{m}”", "Điểm sáng Dân vận khéo: “{m}” ở {pl}",
    ])
    a.title = title_pat.format(m=model, pl=place, Pl=place[:1].upper() + place[1:], u=a.unit)
    a.old_style = rng.random() < 0.25
    a.slug = "%s-%d" % (slugify(a.title, 70), i)
    a.province_slug = slugify(a.province)
    a.has_slug = rng.random() < 0.7
    a.has_district = rng.random() < 0.8
    ntags = rng.randint(2, 6)
    tags = rng.sample(TAGS[a.field], min(ntags, len(TAGS[a.field])))
    if rng.random() < 0.6:
        tags.append(rng.choice(COMMON_TAGS))
    a.tags = list(dict.fromkeys(tags))
    a.tags.insert(0, "dân vận khéo")

    def seedsent():
        s = rng.choice(sentences)
        for old, kind in SEED_PLACES:
            if old in s:
                rep = {"district": a.district, "province_t": ptxt, "province": a.province,
                       "district_name": dname}[kind]
                s = s.replace(old, rep)
        return s[:1].upper() + s[1:]

    n_house = rng.randint(20, 900)
    money = rng.randint(50, 9000)
    templ = [
        "Năm {y}, {u} đã vận động {n} hộ dân hiến {m2} m² đất, đóng góp {k} ngày công để làm mới {km} km đường giao thông nông thôn.",
        "Đến nay, mô hình đã giúp {n} hộ thoát nghèo, {n2} hộ vươn lên khá giả với thu nhập bình quân {inc} triệu đồng/người/năm.",
        "Tổng kinh phí thực hiện mô hình là {mo} triệu đồng, trong đó Nhân dân đóng góp hơn {pc}%.",
        "Mô hình “{md}” được Ban Dân vận {lvlorg} công nhận là mô hình “Dân vận khéo” cấp {lv} năm {y}.",
        "Toàn {d} hiện có {n} tổ liên gia tự quản với {n3} hộ tham gia, góp phần giữ vững an ninh trật tự ở cơ sở.",
        "{u} đã tổ chức {k} buổi tuyên truyền, thu hút hơn {n3} lượt người tham dự.",
        "Từ mô hình “{md}”, {pl} đã giảm tỷ lệ hộ nghèo từ {pc}% xuống còn {pc2}%.",
        "Theo {g2} {nm}, {role}, điều quan trọng nhất là cán bộ phải “nói dân hiểu, làm dân tin”.",
        "Trong {k} năm triển khai, {u} đã tiếp nhận và giải quyết {n} ý kiến, kiến nghị của cử tri, đạt tỷ lệ {pc3}%.",
        "Người dân {pl} phấn khởi khi con đường dài {km} km được bê tông hóa, xe cơ giới vào tận ngõ.",
        "{G2} {nm}, {role}, cho biết: “Muốn dân tin thì cán bộ phải gần dân, hiểu dân, trọng dân và có trách nhiệm với dân.”",
        "Gia đình {g3} {nm3} ở {h} là một trong những hộ đầu tiên tham gia mô hình “{md}”.",
        "Nhờ được hỗ trợ {k} con bò giống và {mo} triệu đồng vốn vay ưu đãi, nhiều hộ ở {h} đã có việc làm ổn định.",
        "Sau {k} tháng triển khai, {pl} không còn xảy ra trọng án, các vụ mâu thuẫn trong Nhân dân được hòa giải thành {pc3}%.",
        "Tại {h}, bà con đồng bào dân tộc thiểu số đã tự nguyện đóng góp {mo} triệu đồng và {k} ngày công để sửa chữa nhà văn hóa.",
        "{u} phối hợp với các ngành chức năng mở {k} lớp tập huấn chuyển giao khoa học kỹ thuật cho {n3} lượt nông dân.",
        "Năm {y}, {pl} có thêm {k} sản phẩm đạt chuẩn OCOP từ 3 sao trở lên, doanh thu tăng {pc}% so với cùng kỳ.",
        "Đường dây nóng và nhóm Zalo của {u} đã tiếp nhận {n} tin báo, giúp lực lượng chức năng kịp thời xử lý.",
        "Các đoàn viên, thanh niên {pl} ra quân dọn vệ sinh, trồng {n} cây xanh dọc {km} km tuyến đường liên ấp.",
        "Mỗi tháng, cán bộ {u} dành ít nhất {k} ngày xuống {h} để nắm bắt tâm tư, nguyện vọng của Nhân dân.",
        "Theo báo cáo của {u}, tỷ lệ hồ sơ hành chính giải quyết đúng hạn năm {y} đạt {pc3}%, không để tồn đọng.",
        "{G2} {nm} chia sẻ, khó khăn lớn nhất ban đầu là thay đổi nếp nghĩ, cách làm của một bộ phận người dân ở {h}.",
        "Đến cuối năm {y}, quỹ “{md}” đã huy động được {mo} triệu đồng, hỗ trợ {n} lượt hội viên khó khăn.",
    ]
    g2, nm2 = person(rng)
    g3, nm3 = person(rng)

    def tsent():
        t = rng.choice(templ)
        return t.format(y=a.year, u=a.unit, n=fmt_num(n_house), n2=fmt_num(rng.randint(5, 300)),
                        n3=fmt_num(rng.randint(100, 20000)), m2=fmt_num(rng.randint(500, 60000)),
                        k=rng.randint(3, 120), km=str(rng.randint(1, 40)) + "," + str(rng.randint(1, 9)),
                        inc=rng.randint(30, 120), mo=fmt_num(money), pc=rng.randint(10, 70),
                        pc2=rng.randint(1, 9), pc3=rng.randint(90, 100), md=model,
                        lvlorg={"xã": "Đảng ủy " + commune, "huyện": "Huyện ủy " + dname,
                                "tỉnh": "Tỉnh ủy " + a.province}[a.level],
                        lv=a.level, d=a.district, pl=place, g2=g2.lower(), G2=g2, nm=nm2, role=rng.choice(ROLES),
                        g3=g3.lower(), nm3=nm3, h=hamlet)

    def remix():
        parts = [rng.choice(frags) for _ in range(rng.randint(2, 3))]
        parts = [p[:1].lower() + p[1:] if p[:2] != p[:2].upper() else p for p in parts]
        joins = [rng.choice([", ", ", ", "; ", " và ", ", đồng thời "]) for _ in parts[1:]]
        out = parts[0]
        for j, p in zip(joins, parts[1:]):
            out += j + p
        return out[:1].upper() + out[1:] + "."

    def paragraph(k):
        out = []
        for _ in range(k):
            r = rng.random()
            out.append(tsent() if r < 0.3 else remix() if r < 0.6 else seedsent())
        return " ".join(out)

    target = 300 + int(2200 * rng.random() ** 1.6)
    blocks = []
    lead = ("Thời gian qua, {u} đã triển khai mô hình “{m}” trên địa bàn {pl}, {pt}, bước đầu mang lại "
            "hiệu quả thiết thực. ").format(u=a.unit, m=model, pl=place, pt=ptxt) + paragraph(rng.randint(1, 3))
    blocks.append(lead)
    a.summary = ("Mô hình “{m}” của {u} ({pl}, {pt}) được công nhận điển hình “Dân vận khéo” năm {y}."
                 ).format(m=model, u=a.unit, pl=place, pt=a.province, y=a.year)
    words = len(lead.split())
    headings = rng.sample(HEADINGS, len(HEADINGS))
    hi = 0
    used_quote = used_table = used_code = used_img = used_link = False
    want_table = rng.random() < 0.3
    want_code = rng.random() < 0.05
    while words < target:
        if hi < len(headings) and (hi == 0 or rng.random() < 0.35):
            blocks.append("## " + headings[hi])
            hi += 1
        r = rng.random()
        if r < 0.12 and len(clauses) > 5:
            items = ["- " + c + ";" for c in rng.sample(clauses, rng.randint(3, 6))]
            items[-1] = items[-1][:-1] + "."
            blk = "\n".join(items)
        elif r < 0.17 and rng.random() < 0.5:
            items = ["%d. %s." % (k + 1, c) for k, c in enumerate(rng.sample(clauses, rng.randint(3, 5)))]
            blk = "\n".join(items)
        elif r < 0.24 and not used_quote:
            gq, nq = person(rng)
            blk = "> %s\n>\n> — %s %s, %s" % (seedsent(), gq, nq, rng.choice(ROLES))
            used_quote = True
        elif r < 0.30 and want_table and not used_table:
            rows = ["| Năm | Số hộ tham gia | Kinh phí (triệu đồng) | Ghi chú |",
                    "|---|---:|---:|---|"]
            for y in range(max(2016, a.year - rng.randint(2, 4)), a.year + 1):
                rows.append("| %d | %s | %s | %s |" % (y, fmt_num(rng.randint(10, 900)),
                                                       fmt_num(rng.randint(20, 5000)),
                                                       rng.choice(["", "Nhân dân đóng góp", "xã hội hóa",
                                                                   "ngân sách hỗ trợ", "vốn vay ưu đãi"])))
            blk = "\n".join(rows)
            used_table = True
        elif r < 0.33 and want_code and not used_code:
            blk = ("```text\nMẪU ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO”\nTên mô hình: %s\nĐơn vị thực hiện: %s\n"
                   "Thời gian thực hiện: 01/%d - 12/%d\nLĩnh vực: %s\n```") % (model, a.unit, a.year, a.year,
                                                                              a.field)
            used_code = True
        elif r < 0.40 and not used_img:
            blk = "![%s “%s”](/images/dvk-%d.svg)" % (rng.choice(CAPTIONS), model, rng.randint(1, 3))
            used_img = True
        elif r < 0.47 and not used_link:
            blk = ("Xem thêm: [Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm %d của %s]"
                   "(https://dvtu.%s.example.vn/ke-hoach-dan-van-kheo-%d) và các văn bản hướng dẫn. %s"
                   % (a.year, ptxt, a.province_slug, a.year, seedsent()))
            used_link = True
        else:
            blk = paragraph(rng.randint(2, 5))
        blocks.append(blk)
        words += len(blk.split())
    a.body = "\n\n".join(blocks) + "\n"
    a.words = words
    if a.old_style:
        a.title, a.summary, a.body = to_old_style(a.title), to_old_style(a.summary), to_old_style(a.body)
    a.title, a.summary, a.body = nfc(a.title), nfc(a.summary), nfc(a.body)
    return a


def q(s):
    """A JSON string is a valid YAML double-quoted scalar and a valid TOML basic string."""
    return json.dumps(s, ensure_ascii=False)


def load_mergers():
    """Maps each pre-2025 province name to the unit it merged into, read from
    data/provinces.yaml (a tiny indentation-based reader: stdlib only)."""
    path = os.path.join(HERE, "..", "data", "provinces.yaml")
    mapping, unit = {}, None
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        return mapping
    for line in lines:
        m = re.match(r"^  - name: (.+)$", line)
        if m:
            unit = m.group(1).strip()
            continue
        m = re.match(r"^      - name: (.+)$", line)
        if m and unit:
            mapping[m.group(1).strip()] = unit
    return mapping


MERGED_INTO = load_mergers()


def fold(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def native_province(a):
    """How an editor would write the province: stories from 2025 on name the merged unit;
    a few are typed without diacritics."""
    name = a.province
    if name == "Thành phố Hồ Chí Minh":
        key = "Hồ Chí Minh"
    elif name == "Thừa Thiên Huế":
        key = "Huế"
    else:
        key = name
    if a.year >= 2025 and key in MERGED_INTO:
        name = MERGED_INTO[key]
    r = random.Random("province-spelling:%d" % a.i).random()
    return fold(name) if r < 0.05 else name


def fm_native(a, spec_keys):
    lines = ["---", "title: " + q(a.title)]
    if a.has_slug:
        lines.append("slug: " + a.slug)
    lines.append("province: " + q(native_province(a)))
    if a.has_district:
        lines.append(("locality: " if spec_keys else "district: ") + q(a.district))
    lines += ["field: " + q(a.field), "year: %d" % a.year, "date: " + a.date, "unit: " + q(a.unit),
              "level: " + (LEVEL_ASCII[a.level] if spec_keys else q(a.level)), "author: " + q(a.author),
              "summary: " + q(a.summary), "tags:"]
    lines += ["  - " + q(t) for t in a.tags]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def fm_hugo(a):
    lines = ["---", "title: " + q(a.title), "slug: " + a.slug, "date: " + a.date,
             "province: [%s]" % q(a.province), "field: [%s]" % q(a.field), 'year: ["%d"]' % a.year,
             "tags: [%s]" % ", ".join(q(t) for t in a.tags), "summary: " + q(a.summary), "params:",
             "  district: " + q(a.district if a.has_district else ""), "  unit: " + q(a.unit),
             "  level: " + q(a.level), "  author: " + q(a.author), "---"]
    return "\n".join(lines) + "\n\n"


def fm_zola(a):
    lines = ["+++", "title = " + q(a.title), "slug = " + q(a.slug), "date = " + a.date,
             "description = " + q(a.summary), "", "[taxonomies]", "province = [%s]" % q(a.province),
             "field = [%s]" % q(a.field), 'year = ["%d"]' % a.year,
             "tags = [%s]" % ", ".join(q(t) for t in a.tags), "", "[extra]",
             "district = " + q(a.district if a.has_district else ""), "unit = " + q(a.unit),
             "level = " + q(a.level), "author = " + q(a.author), "+++"]
    return "\n".join(lines) + "\n\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


ZOLA_CONFIG = """base_url = "https://danvankheo.example"
title = "Dân vận khéo"
default_language = "{lang}"
compile_sass = false
generate_feeds = false
build_search_index = {search}
taxonomies = [
  {{ name = "province", paginate_by = 20 }},
  {{ name = "field", paginate_by = 20 }},
  {{ name = "year", paginate_by = 20 }},
  {{ name = "tags", paginate_by = 20 }},
]
{extra}
[extra]
"""

ZOLA_TEMPLATES = {
    "base.html": """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{% block title %}{{ config.title }}{% endblock title %}</title></head>
<body><header><a href="{{ config.base_url | safe }}/">{{ config.title }}</a>
<nav><a href="/province/">Tỉnh</a> <a href="/field/">Lĩnh vực</a> <a href="/year/">Năm</a> <a href="/tags/">Thẻ</a></nav></header>
<main>{% block content %}{% endblock content %}</main></body></html>
""",
    "index.html": """{% extends "base.html" %}
{% block content %}<h1>{{ section.title }}</h1>
<ul>{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}</ul>
{% endblock content %}
""",
    "section.html": """{% extends "base.html" %}
{% block title %}{{ section.title }}{% endblock title %}
{% block content %}<h1>{{ section.title }}</h1>
<ul>{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}</ul>
{% if paginator %}<ul>{% for p in paginator.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> <small>{{ p.date }}</small><p>{{ p.description }}</p></li>{% endfor %}</ul>
<nav>{% if paginator.previous %}<a href="{{ paginator.previous }}">‹</a>{% endif %} {{ paginator.current_index }}/{{ paginator.number_pagers }} {% if paginator.next %}<a href="{{ paginator.next }}">›</a>{% endif %}</nav>{% endif %}
{% endblock content %}
""",
    "page.html": """{% extends "base.html" %}
{% block title %}{{ page.title }}{% endblock title %}
{% block content %}<article data-pagefind-body><h1>{{ page.title }}</h1>
<p data-pagefind-ignore>{% for t in page.taxonomies.province %}<span data-pagefind-filter="province">{{ t }}</span>{% endfor %} {% for t in page.taxonomies.field %}<span data-pagefind-filter="field">{{ t }}</span>{% endfor %} {% for t in page.taxonomies.year %}<span data-pagefind-filter="year">{{ t }}</span>{% endfor %}</p>
<p>{{ page.date }} · {{ page.extra.unit }} · {{ page.extra.district }} · cấp {{ page.extra.level }} · {{ page.extra.author }}</p>
<p>{% for t in page.taxonomies.province %}<a href="{{ get_taxonomy_url(kind="province", name=t) }}">{{ t }}</a> {% endfor %}
{% for t in page.taxonomies.field %}<a href="{{ get_taxonomy_url(kind="field", name=t) }}">{{ t }}</a> {% endfor %}
{% for t in page.taxonomies.year %}<a href="{{ get_taxonomy_url(kind="year", name=t) }}">{{ t }}</a> {% endfor %}
{% for t in page.taxonomies.tags %}<a href="{{ get_taxonomy_url(kind="tags", name=t) }}">#{{ t }}</a> {% endfor %}</p>
<p><em>{{ page.description }}</em></p>
{{ page.content | safe }}</article>
{% endblock content %}
""",
    "taxonomy_list.html": """{% extends "base.html" %}
{% block title %}{{ taxonomy.name }}{% endblock title %}
{% block content %}<h1>{{ taxonomy.name }}</h1>
<ul>{% for t in terms %}<li><a href="{{ t.permalink }}">{{ t.name }}</a> ({{ t.page_count }})</li>{% endfor %}</ul>
{% endblock content %}
""",
    "taxonomy_single.html": """{% extends "base.html" %}
{% block title %}{{ term.name }}{% endblock title %}
{% block content %}<h1>{{ term.name }}</h1>
<ul>{% for p in paginator.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> <small>{{ p.date }}</small><p>{{ p.description }}</p></li>{% endfor %}</ul>
<nav>{% if paginator.previous %}<a href="{{ paginator.previous }}">‹</a>{% endif %} {{ paginator.current_index }}/{{ paginator.number_pagers }} {% if paginator.next %}<a href="{{ paginator.next }}">›</a>{% endif %}</nav>
{% endblock content %}
""",
}

HUGO_CONFIG = """baseURL = "https://danvankheo.example/"
title = "Dân vận khéo"
languageCode = "vi"
defaultContentLanguage = "vi"
removePathAccents = true
capitalizeListTitles = false
disableKinds = ["rss"]
enableRobotsTXT = false

[pagination]
pagerSize = 20

[taxonomies]
province = "province"
field = "field"
year = "year"
tag = "tags"

[markup.highlight]
codeFences = false

[markup.goldmark.renderer]
unsafe = false
"""

HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ block "title" . }}{{ site.Title }}{{ end }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><a href="/province/">Tỉnh</a> <a href="/field/">Lĩnh vực</a> <a href="/year/">Năm</a> <a href="/tags/">Thẻ</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "home.html": """{{ define "main" }}<h1>{{ site.Title }}</h1>
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
""",
    "section.html": """{{ define "title" }}{{ .Title }}{{ end }}
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ if .RegularPages }}{{ $p := .Paginate .RegularPages }}<ul>{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <small>{{ .Date.Format "2006-01-02" }}</small><p>{{ .Params.summary }}</p></li>{{ end }}</ul>
<nav>{{ with $p.Prev }}<a href="{{ .URL }}">‹</a>{{ end }} {{ $p.PageNumber }}/{{ $p.TotalPages }} {{ with $p.Next }}<a href="{{ .URL }}">›</a>{{ end }}</nav>{{ end }}
{{ end }}
""",
    "page.html": """{{ define "title" }}{{ .Title }}{{ end }}
{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>
<p data-pagefind-ignore>{{ range .GetTerms "province" }}<span data-pagefind-filter="province">{{ .LinkTitle }}</span>{{ end }} {{ range .GetTerms "field" }}<span data-pagefind-filter="field">{{ .LinkTitle }}</span>{{ end }} {{ range .GetTerms "year" }}<span data-pagefind-filter="year">{{ .LinkTitle }}</span>{{ end }}</p>
<p>{{ .Date.Format "2006-01-02" }} · {{ .Params.unit }} · {{ .Params.district }} · cấp {{ .Params.level }} · {{ .Params.author }}</p>
<p>{{ range .GetTerms "province" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}
{{ range .GetTerms "field" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}
{{ range .GetTerms "year" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}
{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a> {{ end }}</p>
<p><em>{{ .Params.summary }}</em></p>
{{ .Content }}</article>
{{ end }}
""",
    "taxonomy.html": """{{ define "title" }}{{ .Title }}{{ end }}
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
""",
    "term.html": """{{ define "title" }}{{ .Title }}{{ end }}
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $p := .Paginate .Pages }}<ul>{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <small>{{ .Date.Format "2006-01-02" }}</small><p>{{ .Params.summary }}</p></li>{{ end }}</ul>
<nav>{{ with $p.Prev }}<a href="{{ .URL }}">‹</a>{{ end }} {{ $p.PageNumber }}/{{ $p.TotalPages }} {{ with $p.Next }}<a href="{{ .URL }}">›</a>{{ end }}</nav>
{{ end }}
""",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--format", choices=["native", "zola", "hugo"], default="native")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--seeds-dir", default=None,
                    help="seed texts (*.txt, *.md); default: benches/data in this repository")
    ap.add_argument("--spec-keys", action="store_true",
                    help="accepted for compatibility; native output always uses the SPEC's keys")
    ap.add_argument("--legacy-keys", action="store_true",
                    help="native: write 'district' and Vietnamese level names instead of the SPEC's keys")
    args = ap.parse_args()
    seeds_dir = args.seeds_dir
    if seeds_dir is None:
        seeds_dir = os.path.join(HERE, "..", "benches", "data")
    pool = load_seeds(seeds_dir)
    out = args.out
    content = os.path.join(out, "content")
    sections = {}
    total_words = 0
    # kheo never renames a story whose title another story has (its URL must not move
    # when a story is added): such stories need their own `slug:`.
    seen_titles = set()
    for i in range(args.n):
        a = make_article(i, args.seed, pool)
        title_key = slugify(a.title, 10**6)
        if title_key in seen_titles:
            a.has_slug = True
        seen_titles.add(title_key)
        total_words += a.words
        rel = os.path.join(a.province_slug, str(a.year), a.slug + ".md")
        if args.format == "native":
            fm = fm_native(a, not args.legacy_keys)
        elif args.format == "hugo":
            fm = fm_hugo(a)
        else:
            fm = fm_zola(a)
        write(os.path.join(content, rel), fm + a.body)
        sections.setdefault(a.province_slug, (a.province, set()))[1].add(a.year)
    if args.format == "zola":
        write(os.path.join(content, "_index.md"), '+++\ntitle = "Dân vận khéo"\nsort_by = "title"\n+++\n')
        for ps, (pname, years) in sections.items():
            write(os.path.join(content, ps, "_index.md"), "+++\ntitle = %s\n+++\n" % q(pname))
            for y in years:
                write(os.path.join(content, ps, str(y), "_index.md"),
                      "+++\ntitle = %s\nsort_by = \"date\"\npaginate_by = 20\n+++\n" % q("%s — %d" % (pname, y)))
        variants = {
            "config.toml": ("vi", "false", ""),
            "config.search.toml": ("en", "true", ""),
            "config.search-vi.toml": ("vi", "true", ""),
            "config.fuse-vi.toml": ("vi", "true", '[search]\nindex_format = "fuse_javascript"\n'),
        }
        for fn, (lang, search, extra) in variants.items():
            write(os.path.join(out, fn), ZOLA_CONFIG.format(lang=lang, search=search, extra=extra))
        for fn, t in ZOLA_TEMPLATES.items():
            write(os.path.join(out, "templates", fn), t)
        os.makedirs(os.path.join(out, "static"), exist_ok=True)
    elif args.format == "hugo":
        write(os.path.join(content, "_index.md"), '---\ntitle: "Dân vận khéo"\n---\n')
        for ps, (pname, years) in sections.items():
            write(os.path.join(content, ps, "_index.md"), "---\ntitle: %s\n---\n" % q(pname))
            for y in years:
                write(os.path.join(content, ps, str(y), "_index.md"), "---\ntitle: %s\n---\n" % q("%s — %d" % (pname, y)))
        write(os.path.join(out, "hugo.toml"), HUGO_CONFIG)
        for fn, t in HUGO_LAYOUTS.items():
            write(os.path.join(out, "layouts", fn), t)
    # the images the articles reference, so that every reference resolves
    for k in (1, 2, 3):
        write(os.path.join(out, "static", "images", "dvk-%d.svg" % k),
              '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 16 9">'
              '<rect width="16" height="9" fill="#%s"/></svg>\n' % ("c0392b", "27ae60", "2980b9")[k - 1])
    print("wrote %d articles (%d words, %d provinces) to %s [%s]"
          % (args.n, total_words, len(sections), out, args.format), file=sys.stderr)


if __name__ == "__main__":
    main()
