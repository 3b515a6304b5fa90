// gen-synthetic: a large Thai content folder for scale tests and benchmarks (10,000 articles and
// 1,000 images import in seconds; the kiosk's lists must stay fast with them). With --at-limits it
// writes content that pack still takes but that sits at util/limits.h's limits where a screen would
// feel them (issue 17): 5,000 people with long texts, one plan with 2,000 activities and 20,000
// progress entries on one of them, a community of 5,000 members, announcements and a category of
// articles with 4 KiB titles and long summaries, a 1 MiB article of many paragraphs and one of a
// single paragraph, a 1 MiB about page.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "commands.h"
#include "content/csv.h"
#include "image/image.h"

namespace khlang::admin {

const CommandSpec kGenSyntheticSpec{
    "gen-synthetic", "gen-synthetic --articles N --images M --out DIR",
    "Writes a synthetic Thai content folder (deterministic) for scale tests.",
    {{"--articles", "N", "number of articles"},
     {"--images", "M", "number of images"},
     {"--out", "DIR", "folder to create"},
     {"--at-limits", "", "add content at the limits the kiosk's screens must bear (people, a plan, long texts)"}}};

namespace {

namespace fs = std::filesystem;

// Phrases of the municipality's KM plan, recombined into sentences.
const char* const kPhrases[] = {
    "การจัดการความรู้", "ในองค์กร", "เพื่อให้บุคลากรสามารถเข้าถึงความรู้", "อย่างเป็นระบบ", "และพัฒนาตนเองให้เป็นผู้รู้",
    "การแลกเปลี่ยนเรียนรู้", "ชุมชนนักปฏิบัติ", "ความรู้ที่ฝังอยู่ในคน", "ความรู้ที่ชัดแจ้ง", "การบ่งชี้ความรู้",
    "การสร้างและแสวงหาความรู้", "การจัดความรู้ให้เป็นระบบ", "การประมวลและกลั่นกรองความรู้", "การเข้าถึงความรู้",
    "การแบ่งปันแลกเปลี่ยนความรู้", "การเรียนรู้", "เทศบาลตำบล", "ปีงบประมาณ ๒๕๖๗", "ตามแผนปฏิบัติการ",
    "ของคณะทำงาน KM", "ประชาชนในพื้นที่", "การให้บริการ", "อย่างมีประสิทธิภาพ", "ด้วยเทคโนโลยีสารสนเทศ",
    "กฎหมายและระเบียบ", "การจัดเก็บภาษี", "งานสาธารณสุข", "การป้องกันโรคไข้เลือดออก", "ผู้สูงอายุ", "เด็กเล็ก"};

std::string sentence(std::mt19937& rng, int words) {
  std::uniform_int_distribution<size_t> pick(0, std::size(kPhrases) - 1);
  std::string s;
  for (int i = 0; i < words; ++i) s += std::string(kPhrases[pick(rng)]) + (i % 4 == 3 ? " " : "");
  return s;
}

Status write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Error{"cannot write " + path.string()};
  return Ok{};
}

// `bytes` of Thai sentences (whole phrases, so the text stays Thai; a little under `bytes`).
std::string thai_text(std::mt19937& rng, size_t bytes) {
  std::string s;
  for (;;) {
    const std::string more = sentence(rng, 1) + " ";
    if (s.size() + more.size() > bytes) return s;
    s += more;
  }
}

Status write_csv_file(const fs::path& path, const content::CsvTable& table) { return write(path, content::write_csv(table)); }

// Content at the limits the screens must bear (see the file's comment).
Status write_at_limits(const fs::path& dir, std::mt19937& rng, content::CsvTable categories) {
  // The about page: 1 MiB of Markdown in paragraphs.
  std::string about;
  while (about.size() < (1u << 20) - 4096) about += thai_text(rng, 2000) + "\n\n";
  KHLANG_TRY(write(dir / "organization.md", "---\nname_th: เทศบาลตำบลสังเคราะห์\nname_en: Synthetic Municipality\n---\n\n" + about));

  // 5,000 people (the limit), all in the KM team with long names and duties, the first six also on
  // the monitoring committee.
  content::CsvTable people{{"id", "name_th", "position", "km_role", "km_duty", "expertise", "committee_role"}, {}, {}};
  for (int p = 0; p < 5000; ++p) {
    const std::string seat = p == 0 ? "chair" : p == 5 ? "secretary" : p < 5 ? "member" : "";
    people.rows.push_back({"p" + std::to_string(p), "บุคลากร " + std::to_string(p + 1) + " " + thai_text(rng, 400),
                           thai_text(rng, 200), "team", thai_text(rng, 1200), thai_text(rng, 300), seat});
  }
  KHLANG_TRY(write_csv_file(dir / "people.csv", people));
  content::CsvTable communities{{"id", "name", "topic", "meeting_schedule", "description"}, {}, {}};
  communities.rows.push_back({"big", "ชุมชนนักปฏิบัติขนาดใหญ่ " + thai_text(rng, 600), thai_text(rng, 600), thai_text(rng, 300),
                              thai_text(rng, 4000)});
  KHLANG_TRY(write_csv_file(dir / "communities.csv", communities));
  content::CsvTable members{{"community_id", "person_id", "role"}, {}, {}};
  for (int p = 0; p < 5000; ++p) members.rows.push_back({"big", "p" + std::to_string(p), "สมาชิก"});
  KHLANG_TRY(write_csv_file(dir / "community_members.csv", members));

  // One plan with 2,000 activities (the limit), and 20,000 progress entries (the limit) on its first.
  content::CsvTable plans{{"id", "title", "desired_state", "measurable_unit", "fiscal_year_from", "fiscal_year_to"}, {}, {}};
  plans.rows.push_back({"big-plan", "แผนขนาดใหญ่ " + thai_text(rng, 900), thai_text(rng, 6000), thai_text(rng, 600), "2564", "2569"});
  KHLANG_TRY(write_csv_file(dir / "plans.csv", plans));
  content::CsvTable activities{{"id", "plan_id", "seq", "activity", "method", "period", "indicator", "target", "responsible",
                                 "target_value", "target_direction", "measure"},
                                {},
                                {}};
  for (int a = 0; a < 2000; ++a) {
    activities.rows.push_back({"act" + std::to_string(a), "big-plan", std::to_string(a + 1), thai_text(rng, 600),
                               thai_text(rng, 900), thai_text(rng, 120), thai_text(rng, 600), thai_text(rng, 600),
                               thai_text(rng, 200), "100", "at_least", "level"});
  }
  KHLANG_TRY(write_csv_file(dir / "activities.csv", activities));
  content::CsvTable progress{{"id", "activity_id", "fiscal_year", "period", "value", "recorded_on"}, {}, {}};
  for (int e = 0; e < 20000; ++e) {
    progress.rows.push_back({"e" + std::to_string(e), "act0", std::to_string(2564 + e / 4000), "งวด " + std::to_string(e % 4000),
                             std::to_string(e % 101), "2025-01-01"});
  }
  KHLANG_TRY(write_csv_file(dir / "progress.csv", progress));

  // A category of articles with titles at the 4 KiB limit and long summaries; a 1 MiB article of
  // paragraphs and one of a single paragraph.
  categories.rows.push_back({"limits", "หมวดที่ชื่อยาวมาก " + thai_text(rng, 3000), "Long titles", "-1"});
  KHLANG_TRY(write_csv_file(dir / "categories.csv", categories));
  const std::string front_tail = "\ncategory_id: limits\npublished_on: 2025-01-01\nupdated_on: 2025-01-01\n---\n\n";
  for (int a = 0; a < 1000; ++a) {
    const std::string title = std::to_string(a + 1) + " " + thai_text(rng, 4090 - 6);
    KHLANG_TRY(write(dir / "articles" / ("long" + std::to_string(a) + ".md"),
                     "---\ntitle: " + title + "\nsummary: " + thai_text(rng, 8000) + front_tail + thai_text(rng, 3000) + "\n"));
  }
  std::string paragraphs, one;
  while (paragraphs.size() < (1u << 20) - 8192) paragraphs += "## " + sentence(rng, 3) + "\n\n" + thai_text(rng, 3000) + "\n\n";
  one = thai_text(rng, (1u << 20) - 8192);
  KHLANG_TRY(write(dir / "articles" / "megabyte-paragraphs.md", "---\ntitle: บทความหนึ่งเมกะไบต์" + front_tail + paragraphs));
  KHLANG_TRY(write(dir / "articles" / "megabyte-one-paragraph.md", "---\ntitle: ย่อหน้าเดียวหนึ่งเมกะไบต์" + front_tail + one + "\n"));

  // Announcements with 4 KiB titles, current for years.
  fs::create_directories(dir / "announcements");
  for (int n = 0; n < 1000; ++n) {
    KHLANG_TRY(write(dir / "announcements" / ("n" + std::to_string(n) + ".md"),
                     "---\ntitle: " + std::to_string(n + 1) + " " + thai_text(rng, 4000) +
                         "\nstarts_at: 2025-01-01T00:00:00+07:00\nends_at: 2035-01-01T00:00:00+07:00\npriority: " +
                         std::to_string(n % 10) + "\n---\n\n" + thai_text(rng, 2000) + "\n"));
  }
  return Ok{};
}

}  // namespace

int run_gen_synthetic(const Args& args) {
  auto articles = args.number_or("--articles", -1, 0, 1e7);
  auto images = args.number_or("--images", -1, 0, 1e6);
  const auto out = args.get("--out");
  if (!articles || !images) return fail("gen-synthetic", (!articles ? articles : images).error().message);
  if (articles.value() < 0 || images.value() < 0 || !out) return fail("gen-synthetic", "usage: " + kGenSyntheticSpec.usage);
  const fs::path dir(*out);
  std::error_code ec;
  fs::create_directories(dir / "articles", ec);
  fs::create_directories(dir / "media", ec);
  if (ec) return fail("gen-synthetic", "cannot create " + dir.string() + ": " + ec.message());
  std::mt19937 rng(20261124);

  if (auto s = write(dir / "organization.md",
                     "---\nname_th: เทศบาลตำบลสังเคราะห์\nname_en: Synthetic Municipality\n---\n\nเนื้อหาสังเคราะห์สำหรับทดสอบขนาด\n");
      !s) {
    return fail("gen-synthetic", s.error().message);
  }
  content::CsvTable categories{{"id", "title_th", "title_en", "sort_order"}, {}, {}};
  for (int c = 0; c < 12; ++c) {
    categories.rows.push_back({"cat" + std::to_string(c), "หมวดความรู้ที่ " + std::to_string(c + 1),
                               "Category " + std::to_string(c + 1), std::to_string(c)});
  }
  content::CsvTable people{{"id", "name_th", "position", "expertise"}, {}, {}};
  for (int p = 0; p < 50; ++p) {
    people.rows.push_back({"p" + std::to_string(p), "บุคลากร " + std::to_string(p + 1), "นักวิชาการ", sentence(rng, 2)});
  }
  if (auto s = write(dir / "categories.csv", content::write_csv(categories)); !s) return fail("gen-synthetic", s.error().message);
  if (auto s = write(dir / "people.csv", content::write_csv(people)); !s) return fail("gen-synthetic", s.error().message);

  const int n_images = static_cast<int>(images.value());
  image::Image picture(640, 400, 3);
  std::vector<unsigned char>& pixels = picture.pixels;
  for (int i = 0; i < n_images; ++i) {
    // A gradient with a band whose place depends on i: distinct, cheap to encode, real JPEGs.
    for (int y = 0; y < 400; ++y) {
      for (int x = 0; x < 640; ++x) {
        unsigned char* px = &pixels[static_cast<size_t>(y * 640 + x) * 3];
        const bool band = ((x + y + i * 37) / 40) % 5 == 0;
        px[0] = static_cast<unsigned char>(band ? 201 : 22 + (x * 200) / 640);
        px[1] = static_cast<unsigned char>(band ? 143 : 92 + (y * 120) / 400);
        px[2] = static_cast<unsigned char>(band ? 28 : (i * 53) % 256);
      }
    }
    auto jpeg = image::encode_jpeg(picture, 80);
    if (!jpeg) return fail("gen-synthetic", jpeg.error().message);
    if (auto s = write(dir / "media" / ("img" + std::to_string(i) + ".jpg"), jpeg.value()); !s) return fail("gen-synthetic", s.error().message);
  }

  const int n_articles = static_cast<int>(articles.value());
  for (int a = 0; a < n_articles; ++a) {
    std::string body = "# " + sentence(rng, 3) + "\n\n";
    const int paragraphs = 2 + a % 5;
    for (int p = 0; p < paragraphs; ++p) body += sentence(rng, 12 + (a + p) % 20) + "\n\n";
    body += "- " + sentence(rng, 3) + "\n- " + sentence(rng, 4) + "\n";
    std::string front = "---\ntitle: " + sentence(rng, 3) + " " + std::to_string(a + 1) + "\nsummary: " + sentence(rng, 6) +
                        "\ncategory_id: cat" + std::to_string(a % 12) + "\nauthor_id: p" + std::to_string(a % 50) +
                        "\npublished_on: 2024-" + std::to_string(10 + a % 3) + "-" + std::to_string(10 + a % 18) +
                        "\nupdated_on: 2025-01-15\ntags: KM, ทดสอบ\n";
    if (n_images > 0) front += "cover_media: img" + std::to_string(a % n_images) + ".jpg\n";
    if (auto s = write(dir / "articles" / ("a" + std::to_string(a) + ".md"), front + "---\n\n" + body); !s) {
      return fail("gen-synthetic", s.error().message);
    }
  }
  if (args.has("--at-limits")) {
    // Written last: its organization, people and categories replace the plain ones.
    if (auto s = write_at_limits(dir, rng, categories); !s) return fail("gen-synthetic", s.error().message);
  }
  std::printf("wrote %d articles and %d images to %s%s\n", n_articles, n_images, dir.string().c_str(),
              args.has("--at-limits") ? ", and content at the limits" : "");
  return 0;
}

}  // namespace khlang::admin
