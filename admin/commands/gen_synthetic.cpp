// gen-synthetic: a large Thai content folder for scale tests and benchmarks (10,000 articles and
// 1,000 images import in seconds; the kiosk's lists must stay fast with them).
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
    {{"--articles", "N", "number of articles"}, {"--images", "M", "number of images"}, {"--out", "DIR", "folder to create"}}};

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
  std::printf("wrote %d articles and %d images to %s\n", n_articles, n_images, dir.string().c_str());
  return 0;
}

}  // namespace khlang::admin
