// [SECTION] Every UI string in Thai and English, by key. Content stays in its own language; the
// interface follows the visitor's choice. A test checks that every key has both languages.
#pragma once

#include <cstddef>
#include <string_view>

namespace khlang::kiosk {

enum class Lang { Th, En };

enum class Str {
  AppName,
  Home,
  Back,
  Knowledge,
  KnowledgeHint,
  Announcements,
  AnnouncementsHint,
  Plan,
  PlanHint,
  People,
  PeopleHint,
  About,
  AboutHint,
  MeetingMode,
  DataAsOf,
  TextSize,
  Language,
  Articles,
  NoArticles,
  NoAnnouncements,
  Pinned,
  Until,
  Published,
  Updated,
  Author,
  Category,
  ScanToOpen,
  DesiredState,
  MeasurableUnit,
  FiscalYears,
  Activity,
  Method,
  Period,
  Indicator,
  Target,
  Responsible,
  Progress,
  Overall,
  FiscalYear,
  SampleData,
  StatusNotStarted,
  StatusInProgress,
  StatusDone,
  StatusBehind,
  KmTeam,
  Committee,
  WhoKnowsWhat,
  Communities,
  Meets,
  Members,
  Expertise,
  TouchToStart,
  Slide,
  PressEscToLeave,
  Search,
  SearchHint,
  NoResults,
  TryBrowsing,
  Count_  // keep last
};

// The string for `key` in `lang` (UTF-8, static storage).
std::string_view tr(Str key, Lang lang);
inline constexpr size_t kStringCount = static_cast<size_t>(Str::Count_);

}  // namespace khlang::kiosk
