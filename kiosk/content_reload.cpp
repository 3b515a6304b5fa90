#include "content_reload.h"

namespace khlang::kiosk {

ContentReload::Due ContentReload::poll(int settings_generation, int content_generation, Present present) {
  Due due;
  if (settings_generation != settings_generation_) {
    settings_generation_ = settings_generation;
    due.settings = true;
  }
  if (content_generation != content_generation_) {
    content_generation_ = content_generation;
    admin_stale_ = true;
  }
  const bool admin_due = admin_stale_ && !present.admin;
  const bool unattended_due = unattended_stale_ && !present.admin && !present.visitor;
  if (admin_due || unattended_due) {
    admin_stale_ = unattended_stale_ = false;  // one reload shows all of it
    due.content = true;
  }
  return due;
}

}  // namespace khlang::kiosk
