#include "kembar/report/audit_text.h"

#include <algorithm>
#include <array>
#include <vector>

#include "kembar/io/json_writer.h"
#include "kembar/report/cli_text.h"
#include "report/change_json.h"
#include "report/width.h"

namespace kembar::report {

namespace {

constexpr size_t kMaxColumn = 40;  // wider cells are clipped (the summary is not)

}  // namespace

std::string FormatAuditTable(const AuditReport& report, Lang lang) {
  if (report.entries.empty()) return std::string(CliText("audit.none", lang)) + "\n";
  std::vector<std::array<std::string, 6>> rows;
  rows.push_back({std::string(CliText("audit.col.when", lang)),
                  std::string(CliText("audit.col.who", lang)),
                  std::string(CliText("audit.col.address", lang)),
                  std::string(CliText("audit.col.action", lang)),
                  std::string(CliText("audit.col.record", lang)),
                  std::string(CliText("audit.col.summary", lang))});
  for (const store::ChangeRecord& c : report.entries) {
    // Seconds are enough to read: 2026-11-29T23:10:05.123Z -> 2026-11-29 23:10:05.
    std::string when = c.at.substr(0, 19);
    if (when.size() > 10 && when[10] == 'T') when[10] = ' ';
    rows.push_back({when, ClipTo(c.actor, kMaxColumn), c.address.empty() ? "-" : c.address,
                    c.action, ClipTo(c.record, kMaxColumn), c.summary});
  }
  std::array<size_t, 6> width{};
  for (const auto& row : rows) {
    for (size_t i = 0; i < 5; ++i) width[i] = std::max(width[i], DisplayWidth(row[i]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < 5; ++i) line += PadTo(row[i], width[i]) + "  ";
    line += row[5];
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  out += CliText("audit.shown", lang,
                 {{"shown", CliNumber(static_cast<double>(report.entries.size()), 0, lang)},
                  {"total", CliNumber(static_cast<double>(report.total), 0, lang)}}) +
         "\n";
  return out;
}

std::string AuditJson(const AuditReport& report) {
  std::string out;
  io::JsonWriter w(&out, 2, 3);
  w.BeginObject();
  w.Key("items");
  w.BeginArray();
  for (const store::ChangeRecord& c : report.entries) {
    w.BeginObject();
    WriteChangeMembers(c, /*with_area=*/true, &w);
    w.EndObject();
  }
  w.EndArray();
  w.Key("total");
  w.Uint(report.total);
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace kembar::report
