// Region scope: which records a user may change. Reading is open to every role.
#ifndef KEMBAR_SERVER_SCOPE_H_
#define KEMBAR_SERVER_SCOPE_H_

#include <string>
#include <vector>

#include "kembar/model/dossier.h"
#include "server/accounts.h"

namespace kembar::server {

// Whether `user` may change a partnership whose parties are `parties` (its home and
// partner region ids): an admin always; an editor when one of its regions is a
// party; a viewer (and a disabled user) never.
bool MayWriteParties(const User& user, const std::vector<std::string>& parties);

// Whether `user` may make a change that turns `before` into `after` (either may be
// null: a creation has no `before`, a deletion no `after`). A change that moves a
// partnership must be allowed both where it was and where it goes, so an editor can
// neither take a partnership out of another region's hands nor give one to it.
bool MayWritePartnership(const User& user, const Partnership* before, const Partnership* after);

// Whether `user` may change the stored region `region_id` itself (its names, data):
// an admin always; an editor only for one of its own regions.
bool MayWriteRegion(const User& user, const std::string& region_id);

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SCOPE_H_
