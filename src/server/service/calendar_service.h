// GET /api/calendar and GET /api/calendar.ics: MoU expiries and renewal deadlines,
// from the assessment snapshot.
#ifndef KEMBAR_SERVER_SERVICE_CALENDAR_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_CALENDAR_SERVICE_H_

#include <optional>
#include <string>

#include "server/service/service.h"

namespace kembar::server {

class CalendarService {
 public:
  // What one calendar answer covers, however the caller was authenticated.
  struct Request {
    std::optional<std::string> region;  // a stored region id; nullopt: every partnership
    int months = 12;                    // how far ahead
    Day as_of{};
    Lang lang = Lang::kEn;
  };

  explicit CalendarService(const ServiceEnv& env) : env_(env) {}
  // ?region=&months=12&as_of=&lang= -> 200 {"as_of","months","entries",
  // "without_validity","expired_unrenewed"} (the JSON of `kembar calendar --json`).
  // 400 naming months/as_of/lang, 404 for an unknown region.
  HttpResponse Json(RequestContext& ctx) const;
  // The same as text/calendar (the ICS of `kembar calendar --ics`), for a logged-in
  // user: the parameters are read by ParseRequest, the answer made by Ics.
  HttpResponse IcsForUser(RequestContext& ctx) const;

  // The calendar request in `ctx`'s query (region, months, as_of, lang; the language
  // defaults to ctx.auth's user's, when set), or the 400/404 response. A second way
  // to authenticate (a feed token, ?feed=TOKEN) fills ctx.auth or overrides the
  // fields from the token's settings, then calls Ics.
  std::variant<Request, HttpResponse> ParseRequest(const RequestContext& ctx) const;
  // The ICS calendar of `request`: text/calendar, one VEVENT per entry.
  HttpResponse Ics(const RequestContext& ctx, const Request& request) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_CALENDAR_SERVICE_H_
