#include "i18n/strings.h"

namespace khlang::kiosk {
namespace {

struct Entry {
  const char* th;
  const char* en;
};

// In the order of enum Str.
constexpr Entry kStrings[] = {
    {"คลังความรู้", "Knowledge Center"},
    {"หน้าหลัก", "Home"},
    {"ย้อนกลับ", "Back"},
    {"คลังความรู้", "Knowledge"},
    {"บทความและความรู้ในการทำงาน", "Articles and know-how"},
    {"ประกาศ", "Announcements"},
    {"ข่าวและประกาศล่าสุด", "News and notices"},
    {"แผนการจัดการความรู้", "KM action plan"},
    {"ความก้าวหน้าของแผน", "Progress of the plan"},
    {"บุคลากร", "People"},
    {"ใครรู้อะไร ทีมงาน KM", "Who knows what, the KM team"},
    {"เกี่ยวกับเรา", "About us"},
    {"องค์กรและคณะทำงาน", "The organization and its team"},
    {"โหมดประชุม", "Meeting mode"},
    {"ข้อมูล ณ วันที่", "Data as of"},
    {"ขนาดตัวอักษร", "Text size"},
    {"ภาษา", "Language"},
    {"บทความ", "articles"},
    {"ยังไม่มีบทความในหมวดนี้", "No articles in this category yet"},
    {"ขณะนี้ไม่มีประกาศ", "There are no announcements right now"},
    {"ปักหมุด", "Pinned"},
    {"ถึง", "Until"},
    {"เผยแพร่", "Published"},
    {"ปรับปรุง", "Updated"},
    {"ผู้เขียน", "Author"},
    {"หมวดหมู่", "Category"},
    {"สแกนเพื่อเปิดบนโทรศัพท์", "Scan to open on your phone"},
    {"เป้าหมาย KM (Desired State)", "Desired state"},
    {"หน่วยที่วัดได้", "Measurable unit"},
    {"ปีงบประมาณ", "Fiscal years"},
    {"กิจกรรม", "Activity"},
    {"วิธีการสู่ความสำเร็จ", "Method"},
    {"ระยะเวลา", "Period"},
    {"ตัวชี้วัด", "Indicator"},
    {"เป้าหมาย", "Target"},
    {"ผู้รับผิดชอบ", "Responsible"},
    {"ความก้าวหน้า", "Progress"},
    {"ภาพรวม", "Overall"},
    {"ปีงบประมาณ", "Fiscal year"},
    {"ข้อมูลตัวอย่าง", "Sample data"},
    {"ยังไม่เริ่ม", "Not started"},
    {"กำลังดำเนินการ", "In progress"},
    {"สำเร็จ", "Done"},
    {"ล่าช้า", "Behind"},
    {"คณะทำงาน KM และ CKO", "KM team and CKO"},
    {"คณะกรรมการติดตามและประเมินผล", "Monitoring committee"},
    {"ใครรู้อะไร", "Who knows what"},
    {"ชุมชนนักปฏิบัติ (CoP)", "Communities of practice"},
    {"นัดพบ", "Meets"},
    {"สมาชิก", "Members"},
    {"ความเชี่ยวชาญ", "Expertise"},
    {"แตะหน้าจอเพื่อเริ่มต้น", "Touch the screen to start"},
    {"หน้า", "Slide"},
    {"กด Esc เพื่อออก", "Press Esc to leave"},
    {"ค้นหา", "Search"},
    {"พิมพ์คำที่ต้องการค้นหา", "Type what you are looking for"},
    {"ไม่พบสิ่งที่ค้นหา", "Nothing found"},
    {"ลองใช้คำอื่น หรือเลือกดูตามหมวดหมู่ในคลังความรู้", "Try other words, or browse the knowledge by category"},
};
static_assert(sizeof(kStrings) / sizeof(kStrings[0]) == kStringCount, "one entry per Str key, in order");

}  // namespace

std::string_view tr(Str key, Lang lang) {
  const Entry& e = kStrings[static_cast<size_t>(key)];
  return lang == Lang::Th ? e.th : e.en;
}

}  // namespace khlang::kiosk
