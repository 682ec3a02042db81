// Renderings of `kembar finder evaluate` and `kembar finder fit` (docs/finder.md): JSON
// for tools, a table for terminals (in Indonesian or English).
#ifndef KEMBAR_REPORT_FINDER_TEXT_H_
#define KEMBAR_REPORT_FINDER_TEXT_H_

#include <string>

#include "kembar/api.h"
#include "kembar/model/lang.h"

namespace kembar::report {

// {"pairs": N, "rankable": R, "holdout": "...", "methods": {"finder": {"hit@10": 0.12,
// "hit@100": 0.52, "mrr": 0.06}, "gravity": {...}, "degree": {...}, "random": {...}}}.
std::string FinderEvalJson(const FinderEvalReport& report);

// The same as a table: one row per method, hit@k in per cent and the MRR.
std::string FinderEvalText(const FinderEvalReport& report, Lang lang);

// {"learned": {"bias": ..., feature: weight, ...}, "learned_first_partner": {...},
// "rows": {...}, "folds": [{"log_loss", "auc"}], "fold_weights": [...], "first_partner":
// {"rows", "folds", "fold_weights"}}: "learned" and "learned_first_partner" are ready
// for config/policy.json's finder.
std::string FinderFitJson(const FinderFitReport& report);

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_FINDER_TEXT_H_
