// /api/regions/{id}/profile: a stored region's partner-wanted profile (dossier-v1
// region `profile`; docs/finder.md, "Profiles"), read by every user and set or
// cleared through Kembar::EditProfile, as `kembar profile set|clear` does: a region
// edit, with its authorisation (an admin, or an editor of that region) and its change
// record.
#ifndef KEMBAR_SERVER_SERVICE_PROFILE_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_PROFILE_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class ProfileService {
 public:
  // Bounds on what a PUT may carry.
  static constexpr size_t kMaxCountries = 50;
  static constexpr size_t kMaxContactText = 200;  // each contact member
  static constexpr size_t kMaxSource = 2000;

  explicit ProfileService(const ServiceEnv& env) : env_(env) {}
  // GET: {id} is a region id or any of its names -> 200 {"region":{"id","name"},
  // "profile":{dossier-v1 profile}|null,"needs"?,"strengths"?,"can_edit"}; can_edit
  // says whether the caller may change it. 404 for an unknown region.
  HttpResponse Get(RequestContext& ctx) const;
  // PUT: the profile as a whole ({"seeks","offers","levels","countries","contact":
  // {"name","office","email","phone","url"},"source","updated"}, every member
  // optional; a member left out or empty is removed) -> 200 as Get. 400 naming the
  // member ("seeks[2]", "contact.email"), in the caller's language; 403 for a viewer
  // or an editor of another region; nothing is changed when anything is refused.
  HttpResponse Put(RequestContext& ctx) const;
  // DELETE: removes the profile -> 204 (403 as PUT).
  HttpResponse Delete(RequestContext& ctx) const;

 private:
  HttpResponse Answer(const RequestContext& ctx, const std::string& region, int status) const;
  const ServiceEnv& env_;
};

// The region's profile as GET /api/regions/{id} and /profile carry it: the
// dossier-v1 profile object, or null when the region has none.
nlohmann::json ProfileJson(const std::optional<RegionProfile>& profile);

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_PROFILE_SERVICE_H_
