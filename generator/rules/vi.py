"""Vietnamese rules: boilerplate lexicon, bylines, credits, months, stopwords."""

TIMEZONE = "Asia/Ho_Chi_Minh"

BOILERPLATE: dict[str, list[str]] = {
    "comment-counter": [r"\(?\d+\)?\s*bình luận", r"bình luận\s*\(?\d*\)?", r"gửi bình luận",
                        r"ý kiến(?: bạn đọc)?\s*\(?\d*\)?", r"xem (?:thêm )?bình luận"],
    "follow-prompt": [r"theo dõi .{1,30} trên(?: .{1,20})?", r"theo dõi(?: (?:trên|chúng tôi trên|báo .{1,30} trên))?(?: google news)?",
                      r"theo dõi báo .{1,40}"],
    "share-prompt": [r"chia sẻ(?: bài viết)?(?: (?:lên|qua) .{1,20})?", r"lưu(?: bài viết)?",
                     r"sao chép link", r"copy link", r"in bài(?: viết)?", r"gửi bài(?: viết)?",
                     r"thích", r"quan tâm"],
    "section-promo": [r"nổi bật", r"đừng bỏ lỡ", r"tin mới(?: nhất)?", r"đọc nhiều(?: nhất)?",
                      r"xem nhiều(?: nhất)?", r"tin nóng", r"mới nhất", r"video nổi bật",
                      r"tiêu điểm", r"có thể bạn quan tâm", r"bạn có thể quan tâm",
                      r"tin khác", r"trang chủ", r"thời sự", r"thế giới", r"kinh doanh",
                      r"giải trí", r"thể thao", r"pháp luật", r"giáo dục", r"sức khỏe",
                      r"đời sống", r"du lịch", r"số hóa", r"xe", r"ý kiến", r"tâm sự",
                      r"văn hóa", r"xã hội", r"công nghệ", r"quốc tế", r"chính trị",
                      r"multimedia", r"podcast", r"emagazine", r"infographic",
                      r"khoa học", r"đọc tiếp", r"xem (?:đầy đủ|tiếp|toàn bộ)",
                      # "Trở lại Khoa học": back to the section's page
                      r"trở lại (?:trang (?:chủ|trước)|chuyên mục .{1,30}|thời sự|thế giới|"
                      r"kinh doanh|khoa học|giải trí|thể thao|pháp luật|giáo dục|sức khỏe|"
                      r"đời sống|du lịch|số hóa|xe|ý kiến|văn hóa|xã hội|công nghệ|quốc tế)"],
    "newsletter": [r"đăng ký nhận (?:tin|bản tin).{0,80}", r"nhận tin (?:mới|qua email).{0,60}"],
    "read-time": [r"nghe(?: bài viết| đọc bài| tin)?", r"\d+\s*phút đọc",
                  r"thời gian đọc\s*:?\s*\d+\s*phút", r"đọc bài(?: viết)?",
                  r"tắt quảng cáo"],
    "tag-list": [r"(?:từ khóa|từ khoá|tags?|thẻ|chủ đề)\s*:.{0,300}"],
    "cms-footer": [r"giấy phép(?: số)?.{0,200}", r"tổng biên tập\s*:.{0,120}",
                   r"cơ quan chủ quản\s*:.{0,200}", r"bản quyền thuộc về.{0,160}",
                   r"ghi rõ nguồn.{0,160}", r"liên hệ quảng cáo.{0,80}",
                   r"về đầu trang", r"lên đầu trang"],
    "rating": [r"bài viết (?:này )?(?:hữu ích|có hữu ích).{0,40}", r"bạn thấy bài viết.{0,60}"],
}

# A line opening a block of links to other articles (dropped with its teasers).
RELATED: list[str] = [r"bài liên quan", r"tin liên quan", r"xem thêm", r"đọc thêm",
                      r"tin cùng chuyên mục", r"bài cùng chuyên mục", r"tin bài liên quan",
                      r"có thể bạn quan tâm", r"bài viết liên quan", r"tin khác",
                      r"(?:xem thêm|đọc thêm)\s*:.{0,200}"]

# Bylines; group "name". Names in capitals are recognised by structure, not here.
BYLINE: list[str] = [r"theo\s+(?!dõi\b)(?P<name>[A-ZĐ][\w.&-]*(?:\s+[A-ZĐ0-9][\w.&-]*){0,5})",
                     r"\(\s*theo\s+(?P<name>[^()]{2,40})\)\.?",  # (Theo Healthline)
                     r"(?P<name>[^()]{2,40}\(theo [^()]{2,60}\))",  # Như Tâm (Theo Reuters, TASS)
                     r"(?P<name>[^()]{2,40}?)\s+(?:thực hiện|ghi|lược dịch|tổng hợp)",
                     # "M. K (t/hợp) |", "Hà Anh (lược dịch)"
                     r"(?P<name>[^()|]{2,30}?\s*\((?:t/h|t/hợp|th|tổng hợp|lược dịch|biên dịch|"
                     r"dịch)\))\s*[|•·]?",
                     r"(?P<name>(?:[^()]{2,30}\s)?\((?:ttxvn|vna|vietnam\+|ttxvn/vietnam\+|"
                     r"vnexpress|tto|afp|reuters|ap|tass|xinhua)\))",
                     r"(?:bài|tác giả|phóng viên|pv)\s*:\s*(?P<name>.{2,60})",
                     r"(?P<name>(?:nhóm )?phóng viên .{2,40})"]

# Photo credits at the end of a caption; group "credit".
CREDIT: list[str] = [r"\(?\s*(?:ảnh|ảnh minh họa|ảnh minh hoạ|ảnh chụp màn hình|nguồn ảnh|"
                     r"video|đồ họa|đồ hoạ)\s*:\s*(?P<credit>[^()]{2,80}?)\s*\)?\s*\.?",
                     r"\(\s*(?:nguồn)\s*:\s*(?P<credit>[^()]{2,40}?)\s*\)\s*\.?"]  # "(Nguồn: AFP)"

RELATIVE_DATES: list[str] = [
    r"(?:cập nhật|đăng)?\s*\d+\s+(?:phút|giờ|ngày|tuần)\s+trước",
]

DATELINE_LEADS: list[str] = [r"cập nhật(?: lúc| ngày)?", r"đăng(?: lúc| ngày)"]

PUBLISHED: list[str] = [r"đăng(?: lúc| ngày)?", r"ngày đăng", r"xuất bản", r"phát hành"]

MONTHS: dict[str, int] = {f"tháng {i}": i for i in range(1, 13)} | {
    f"tháng {name}": i for i, name in enumerate(
        ["một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một",
         "mười hai"], start=1)}

# Words that open a dateline and carry no date themselves.
DATE_WORDS: list[str] = [r"thứ (?:hai|ba|tư|năm|sáu|bảy|\d)", r"chủ nhật", r"cập nhật(?: lúc)?",
                         r"đăng(?: lúc| ngày)?", r"ngày", r"lúc", r"giờ", r"gmt\s*\+\s*7",
                         r"xuất bản", r"phát hành", r"lượt xem"]

STOPWORDS = frozenset(["và", "của", "là", "có", "được", "cho", "không", "những", "các", "một", "này", "trong", "với", "để", "đã", "người", "khi", "đến", "về", "từ", "cũng", "như", "thì", "nhưng", "ra", "nên", "theo", "sẽ", "vào", "đó", "năm", "lại", "tại", "còn", "vì", "rất", "nhiều", "hơn", "bị", "làm", "nhất", "mà", "trên"])
