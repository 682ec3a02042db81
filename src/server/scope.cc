#include "server/scope.h"

#include <algorithm>

namespace kembar::server {

namespace {

bool HasRegion(const User& user, const std::string& region_id) {
  return std::find(user.regions.begin(), user.regions.end(), region_id) != user.regions.end();
}

}  // namespace

bool MayWriteParties(const User& user, const std::vector<std::string>& parties) {
  if (user.disabled) return false;
  switch (user.role) {
    case Role::kAdmin:
      return true;
    case Role::kViewer:
      return false;
    case Role::kEditor:
      return std::any_of(parties.begin(), parties.end(),
                         [&](const std::string& p) { return HasRegion(user, p); });
  }
  return false;
}

bool MayWritePartnership(const User& user, const Partnership* before, const Partnership* after) {
  if (!before && !after) return false;
  if (before && !MayWriteParties(user, {before->home, before->partner})) return false;
  if (after && !MayWriteParties(user, {after->home, after->partner})) return false;
  return true;
}

bool MayWriteRegion(const User& user, const std::string& region_id) {
  if (user.disabled) return false;
  if (user.role == Role::kAdmin) return true;
  return user.role == Role::kEditor && HasRegion(user, region_id);
}

}  // namespace kembar::server
