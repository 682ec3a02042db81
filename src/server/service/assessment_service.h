// GET /api/partnerships/{id}/assessment: one partnership's assessment-v2 document.
#ifndef KEMBAR_SERVER_SERVICE_ASSESSMENT_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_ASSESSMENT_SERVICE_H_

#include "server/service/answer_cache.h"
#include "server/service/service.h"

namespace kembar::server {

class AssessmentService {
 public:
  explicit AssessmentService(const ServiceEnv& env) : env_(env) {}
  // ?as_of=YYYY-MM-DD (default today)&lang= -> 200 the assessment-v2 JSON
  // (docs/assessment-v2.md) of that partnership: with ?lang=en byte for byte what
  // `kembar assess --partnership ID --as-of DAY --json` prints. 400 (field "as_of")
  // for a bad day, 404 for an unknown partnership.
  // Answers are kept while the store's version stays the same.
  HttpResponse Get(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
  mutable AnswerCache answers_{4096};
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_ASSESSMENT_SERVICE_H_
