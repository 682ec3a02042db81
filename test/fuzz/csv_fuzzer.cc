// libFuzzer target for every CSV reader: the record splitter (kembar/io/csv.h), the
// twin-pair and edge-list imports (kembar network), the diplomatic-relations tables
// and the gazetteer table. The first byte picks the reader; the rest is its text (two
// texts are separated by a form feed). Any text gives a value or a message naming its
// line, never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "kembar/geo/gazetteer.h"
#include "kembar/geo/relations.h"
#include "kembar/io/csv.h"
#include "kembar/network/graph.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

// A refusal must say why (and where, for the file readers: "line N").
template <typename R>
void CheckRefusal(const R& result) {
  if (result.ok()) return;
  Check(!result.status().message().empty());
}

std::pair<std::string_view, std::string_view> SplitTwo(std::string_view text) {
  const size_t ff = text.find('\f');
  if (ff == std::string_view::npos) return {text, {}};
  return {text.substr(0, ff), text.substr(ff + 1)};
}

// What SplitRecord accepts, AppendField writes back so that it splits the same.
void RecordRoundTrip(std::string_view text) {
  namespace csv = kembar::io::csv;
  std::vector<std::string> fields, again;
  csv::ForEachLine(text, [&](size_t, std::string_view line) {
    if (!csv::SplitRecord(line, &fields)) return true;
    std::string written;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) written.push_back(',');
      csv::AppendField(fields[i], &written);
    }
    Check(csv::SplitRecord(written, &again));
    Check(again == fields);
    return true;
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 5) {
    case 0:
      RecordRoundTrip(text);
      break;
    case 1:
      CheckRefusal(kembar::network::LoadTwinPairsCsv(text));
      break;
    case 2: {
      auto [edges, nodes] = SplitTwo(text);
      CheckRefusal(kembar::network::LoadEdgeListCsv(edges, nodes));
      break;
    }
    case 3: {
      auto [missions, overrides] = SplitTwo(text);
      CheckRefusal(kembar::geo::Relations::Parse(missions, overrides));
      break;
    }
    case 4:
      CheckRefusal(kembar::geo::Gazetteer::Parse(text));
      break;
  }
  return 0;
}
