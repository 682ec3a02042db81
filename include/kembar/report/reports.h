// The reports of issue 13 as documents (kembar/report/document.h), built by pure
// functions of the assessed dossier, the day and the language: nothing here reads the
// clock, the disk or the database.
#ifndef KEMBAR_REPORT_REPORTS_H_
#define KEMBAR_REPORT_REPORTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "kembar/assess/assessment.h"
#include "kembar/model/dossier.h"
#include "kembar/model/lang.h"
#include "kembar/report/document.h"

namespace kembar::report {

// What every report is built for: the day it speaks for, the day it is produced (the
// caller reads the clock), and its language.
struct ReportContext {
  Day as_of{};
  Day produced{};
  Lang lang = Lang::kEn;
};

// The partnership report card: parties, agreement and validity, a timeline chart,
// activities by field and year (participants, provider, host, beneficiary), each
// side's contributions and benefits, the sectors involved, the fields agreed against
// those carried out, the smart-city dimensions, the assessment with its evidence and
// next actions, the stages of the formal path, the sources cited. `a` is the
// assessment of dossier.partnerships[a.index] as of `ctx.as_of`.
Document PartnershipReport(const Dossier& dossier, const assess::PartnershipAssessment& a,
                           const ReportContext& ctx);

// The annual report of a region's foreign cooperation in `year`: each partnership's
// condition and that year's activities; the MoUs signed, renewed and expiring in the
// year; the evaluation table (reciprocity, participation breadth, fields carried out,
// paradiplomacy layer, activity in the last 36 months); the to-do list for the year
// ahead. `assessments` are those of the region's partnerships as of ctx.as_of (the
// year's last day, or the day the report is produced while the year runs).
Document RegionReport(const Dossier& dossier,
                      const std::vector<assess::PartnershipAssessment>& assessments,
                      const std::string& region_id, int year, const ReportContext& ctx);

// The national report: conditions by province and by partner country, the share of
// MoUs without activity, the main reasons, with charts. `assessments` are every
// partnership's as of ctx.as_of.
Document NationalReport(const Dossier& dossier,
                        const std::vector<assess::PartnershipAssessment>& assessments,
                        const ReportContext& ctx);

// The day an annual report speaks for: the last day of `year`, or `today` while the
// year runs (never a day after today).
Day ReportDay(int year, Day today);

// A word of the reports' catalogue ("report.parties"); the key itself when unknown.
std::string_view ReportText(std::string_view key, Lang lang);

// Every key of the reports' catalogue with its two texts, for completeness tests.
struct ReportTextEntry {
  std::string_view key, en, id;
};
std::vector<ReportTextEntry> ReportCatalogue();

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_REPORTS_H_
