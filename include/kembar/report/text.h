// Plain-text renderings of stored records for terminals and reports.
#ifndef KEMBAR_REPORT_TEXT_H_
#define KEMBAR_REPORT_TEXT_H_

#include <string>
#include <vector>

#include "kembar/assess/messages.h"
#include "kembar/kembar.h"
#include "kembar/model/dossier.h"
#include "kembar/store/store.h"

namespace kembar::report {

// A table of partnerships, one per line, with a header and a count line.
std::string FormatPartnershipTable(const std::vector<store::PartnershipSummary>& rows);

// Search results in the reader's language: regions, partnerships, gazetteer places.
std::string FormatSearch(const SearchResult& result, assess::Lang lang);
// The same as JSON.
std::string SearchJson(const SearchResult& result);

// Change records, one block each: when, who, what, and the record before and after.
std::string FormatChangeRecords(const std::vector<store::ChangeRecord>& records);
// The same as a JSON array (before/after embedded as JSON values).
std::string ChangeRecordsJson(const std::vector<store::ChangeRecord>& records);

// One partnership and its timeline (date, event, details, source), one event a line,
// in date order; `dossier` must hold the partnership's regions.
std::string FormatPartnership(const Dossier& dossier, const Partnership& partnership,
                              assess::Lang lang = assess::Lang::kEn);

// A one-line description of an event's own members ("fields: culture, tourism").
std::string DescribeEventDetails(const Event& event);

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_TEXT_H_
