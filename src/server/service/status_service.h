// GET /api/status: the national and regional dashboard, from the in-memory snapshot
// of every partnership's assessment (Kembar::AssessAll).
#ifndef KEMBAR_SERVER_SERVICE_STATUS_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_STATUS_SERVICE_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/service/service.h"

namespace kembar::server {

class StatusService {
 public:
  explicit StatusService(const ServiceEnv& env) : env_(env) {}
  // ?by=province|country (default province)&as_of=&region=&lang= -> 200 the counts
  // per condition per province of the home region or per partner country, with the
  // main reasons (report::StatusByJson: the numbers of `kembar status --by BY
  // --json`), plus "version" (the store version of the snapshot). region= keeps the
  // partnerships in which that region is a party. 400 naming by, as_of, lang; 404
  // for an unknown region.
  // Answers are kept per snapshot and query (kMaxAnswers, the oldest go first) and
  // given again until the snapshot is replaced: a warm dashboard is a copy.
  HttpResponse Get(RequestContext& ctx) const;

  static constexpr size_t kMaxAnswers = 32;

 private:
  struct Answer {
    std::weak_ptr<const AssessSnapshot> snapshot;
    std::string query;  // by, region, lang
    std::string body;
  };

  const ServiceEnv& env_;
  mutable std::mutex mu_;
  mutable std::vector<Answer> answers_;  // oldest first
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_STATUS_SERVICE_H_
