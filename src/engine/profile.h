// The partner-wanted profile use cases: `kembar profile set|clear|show` (and the
// server's equivalents). A profile is a region member: setting one is a region edit.
#ifndef KEMBAR_SRC_ENGINE_PROFILE_H_
#define KEMBAR_SRC_ENGINE_PROFILE_H_

#include <string>

#include "kembar/kembar.h"
#include "kembar/store/store.h"

namespace kembar::engine {

// See Kembar::EditProfile.
Result<EditResult> EditProfile(store::Store& store, const io::ReadOptions& read,
                               const ProfileEdit& edit);

// See Kembar::Profile.
Result<ProfileReport> GetProfile(store::Store& store, const std::string& region);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_PROFILE_H_
