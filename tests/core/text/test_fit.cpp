#include <doctest/doctest.h>

#include <cmath>

#include "test_support.h"
#include "text/fit.h"

using namespace khlang::text;
using khlang::test::engine;

namespace {
const TextStyle kTitle{46, Weight::Bold, 1.3f};

bool ends_with_ellipsis(const std::string& s) { return s.size() >= 3 && s.compare(s.size() - 3, 3, "\u2026") == 0; }
}  // namespace

TEST_CASE("fit: a text that fits is drawn as it is, at its size") {
  const auto fitted = fit_text(engine(), "คลังความรู้", kTitle, {600, 200, 24});
  CHECK(fitted.text == "คลังความรู้");
  CHECK(fitted.style.size_px == 46);
  CHECK_FALSE(fitted.shrunk);
  CHECK_FALSE(fitted.ellipsized);
  CHECK(fits_box(*fitted.layout, 600, 200));
}

TEST_CASE("fit: an English word wider than the box steps down instead of breaking inside it") {
  // At 46 px "Announcements" is wider than 272 px: the layout alone would cut it "Announce|ments".
  auto plain = engine().layout("Announcements", kTitle, 272);
  REQUIRE(plain->lines.size() > 1);
  CHECK(breaks_inside_word(*plain));
  const auto fitted = fit_text(engine(), "Announcements", kTitle, {272, 120, 24});
  CHECK(fitted.shrunk);
  CHECK(fitted.style.size_px < 46);
  CHECK(fitted.style.size_px >= 24);
  CHECK_FALSE(fitted.ellipsized);
  CHECK(fitted.layout->lines.size() == 1);
  CHECK(fits_box(*fitted.layout, 272, 120));
}

TEST_CASE("fit: Thai wraps at word boundaries before it steps down") {
  const std::string title = "แผนการจัดการความรู้";
  const auto fitted = fit_text(engine(), title, kTitle, {260, 200, 24});
  CHECK(fitted.text == title);
  CHECK(fitted.layout->lines.size() >= 2);
  CHECK_FALSE(breaks_inside_word(*fitted.layout));
  CHECK(fits_box(*fitted.layout, 260, 200));
}

TEST_CASE("fit: at the floor the last line that fits ends with an ellipsis") {
  const std::string text =
      "การจัดการความรู้ คือ การรวบรวมองค์ความรู้ที่มีอยู่ในส่วนราชการซึ่งกระจัดกระจายอยู่ในตัวบุคคล หรือเอกสาร "
      "มาพัฒนาให้เป็นระบบ เพื่อให้ทุกคนในองค์กรสามารถเข้าถึงความรู้";
  const TextStyle body{32, Weight::Regular, 1.4f};
  const auto fitted = fit_text(engine(), text, body, {500, 100, 28});
  CHECK(fitted.ellipsized);
  CHECK(fitted.style.size_px == 28);
  CHECK(ends_with_ellipsis(fitted.text));
  CHECK(text.compare(0, fitted.text.size() - 3, fitted.text, 0, fitted.text.size() - 3) == 0);  // a prefix
  CHECK(fits_box(*fitted.layout, 500, 100));
  CHECK(fitted.layout->lines.size() == 2);
  // It keeps as much as it can: the last line is nearly full.
  CHECK(fitted.layout->lines.back().width > 500 * 0.6f);
}

TEST_CASE("fit: max_lines holds a title to its lines") {
  const std::string text = "Knowledge management brings the know-how of every office together for everyone";
  const auto fitted = fit_text(engine(), text, kTitle, {400, 1000, 36, Align::Left, 2});
  CHECK(fitted.layout->lines.size() <= 2);
  CHECK(fitted.ellipsized);
  CHECK_FALSE(breaks_inside_word(*fitted.layout));
}

TEST_CASE("fit: a word wider than the box at the floor is cut with an ellipsis, never wrapped inside") {
  const std::string text = "Telecommunications";
  const auto fitted = fit_text(engine(), text, kTitle, {150, 300, 30});
  CHECK(fitted.ellipsized);
  CHECK(fitted.layout->lines.size() == 1);
  CHECK(fits_box(*fitted.layout, 150, 300));
  CHECK(ends_with_ellipsis(fitted.text));
  CHECK(fitted.text.size() > 3);  // some of the word shows
}

TEST_CASE("fit: a word that is too long is cut, and the words before it stay") {
  const auto fitted = fit_text(engine(), "ดู Telecommunications", kTitle, {200, 300, 30});
  CHECK(fitted.ellipsized);
  CHECK_FALSE(breaks_inside_word(*fitted.layout));
  CHECK(fits_box(*fitted.layout, 200, 300));
  CHECK(fitted.text.rfind("ดู", 0) == 0);
}

TEST_CASE("fit: Thai cut at a cluster boundary keeps its marks") {
  const std::string text = "น้ำที่นี่ปั้นกตัญญูฟื้นฟู";  // marks on most clusters
  for (float width : {90.0f, 130.0f, 170.0f}) {
    INFO("width " << width);
    const auto fitted = fit_text(engine(), text, kTitle, {width, 70, 30});
    CHECK(fits_box(*fitted.layout, width, 70));
    if (!fitted.ellipsized) continue;
    // The prefix ends at a cluster start of the whole text (no mark left behind).
    const std::string prefix = fitted.text.substr(0, fitted.text.size() - 3);
    auto whole = engine().layout(text, kTitle);
    const auto& norm = whole->shaped->normalized;
    bool at_cluster = prefix.empty();
    for (size_t k = 0; k <= whole->shaped->text().size(); ++k) {
      if ((whole->shaped->flags[k] & 1) && norm.source_byte(k) == prefix.size()) at_cluster = true;
    }
    CHECK(at_cluster);
  }
}

TEST_CASE("fit: the ellipsis goes at a word boundary when one keeps most of the line") {
  // One line of a home announcement: cut after ...ความรู้, not inside เข้า.
  const std::string text = "ขอเชิญบุคลากรร่วมส่งบทความความรู้เข้าคลังความรู้เทศบาล";
  auto whole = engine().layout(text, kTitle);
  const auto& norm = whole->shaped->normalized;
  for (float width : {420.0f, 520.0f, 640.0f}) {
    INFO("width " << width);
    const auto fitted = fit_text(engine(), text, kTitle, {width, 0, 30, Align::Left, 1});
    REQUIRE(fitted.ellipsized);
    CHECK(fits_box(*fitted.layout, width, 0, 1));
    CHECK(fitted.layout->lines.back().width > width * 0.6f);
    const std::string prefix = fitted.text.substr(0, fitted.text.size() - 3);
    bool at_word = false;
    for (size_t k = 1; k < whole->shaped->text().size(); ++k) {
      if ((whole->shaped->flags[k] & 2) && norm.source_byte(k) == prefix.size()) at_word = true;
    }
    CHECK(at_word);
  }
}

TEST_CASE("fit: a balanced title keeps its lines and evens them out") {
  const std::string title = "แผนการจัดการความรู้";
  const TextStyle big{69, Weight::Bold, 1.25f};
  // A width where greedy wrapping leaves a lone word (รู้) on the second line.
  float width = 0;
  for (float w = 300; w < 900 && width == 0; w += 10) {
    auto l = engine().layout(title, big, w);
    if (l->lines.size() == 2 && l->lines[1].width < l->lines[0].width * 0.3f) width = w;
  }
  REQUIRE(width > 0);
  const auto greedy = fit_text(engine(), title, big, {width, 300, 24});
  const auto even = fit_text(engine(), title, big, {width, 300, 24, Align::Left, 0, true});
  REQUIRE(greedy.layout->lines.size() == 2);
  REQUIRE(even.layout->lines.size() == 2);
  const auto shortest = [](const TextLayout& l) { return std::min(l.lines[0].width, l.lines[1].width); };
  CHECK(shortest(*even.layout) > shortest(*greedy.layout));
  CHECK(even.layout->wrap_width <= width);
  CHECK_FALSE(breaks_inside_word(*even.layout));
  // Centred, the narrower layout moves right by half of what it gave up.
  const auto centred = fit_text(engine(), title, big, {width, 300, 24, Align::Center, 0, true});
  CHECK(centred.offset_x == doctest::Approx((width - centred.layout->wrap_width) * 0.5f).epsilon(0.01));
}

TEST_CASE("min-content width: the widest word, never less, and Thai words are the dictionary's") {
  const TextStyle body{30, Weight::Regular, 1.45f};
  auto latin = engine().layout("a Telecommunications b", body);
  auto word = engine().layout("Telecommunications", body);
  CHECK(min_content_width(*latin->shaped) == doctest::Approx(word->width).epsilon(0.001));
  // At that width the text wraps with no word cut; a pixel less and one would be.
  auto at_min = engine().layout("a Telecommunications b", body, std::ceil(min_content_width(*latin->shaped)));
  CHECK_FALSE(breaks_inside_word(*at_min));
  auto below = engine().layout("a Telecommunications b", body, min_content_width(*latin->shaped) - 2);
  CHECK(breaks_inside_word(*below));
  // Thai: ความรู้ is two words to libthai, so the widest word of ความรู้ความสามารถ is narrower than all of it.
  auto thai = engine().layout("ความรู้ความสามารถ", body);
  CHECK(min_content_width(*thai->shaped) < thai->width * 0.7f);
  CHECK(min_content_width(*thai->shaped) > 0);
}
