// Persistent storage of regions and partnerships. SQLite is the embedded default
// (sqlite_store.h); a national deployment can implement this interface on
// PostgreSQL. Front ends never use a Store directly: they go through kembar::Kembar.
#ifndef KEMBAR_STORE_STORE_H_
#define KEMBAR_STORE_STORE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kembar/io/dossier_reader.h"
#include "kembar/model/dossier.h"
#include "kembar/model/status.h"

namespace kembar::store {

struct ImportStats {
  size_t regions_added = 0;
  size_t regions_updated = 0;
  size_t partnerships_added = 0;
  size_t partnerships_updated = 0;
  size_t events = 0;
};

// Called during long imports with (done, total) partnerships.
using ProgressFn = std::function<void(size_t done, size_t total)>;

struct ImportRequest {
  const Dossier* dossier = nullptr;
  // Region ids the document names but does not define; each must already be stored.
  std::vector<io::ExternalRegionRef> external_refs;
  std::string source_name;  // file name, for the import log
  ProgressFn progress;      // optional
};

// Which records an export or listing covers: all, one partnership, or the
// partnerships in which one region is a party (with the regions they name).
struct Selection {
  std::optional<std::string> partnership_id;
  std::optional<std::string> region_id;
};

// One line of `kembar list`.
struct PartnershipSummary {
  std::string id;
  PartnershipKind kind;
  std::string home_id, home_name;
  std::string partner_id, partner_name, partner_country;
  std::optional<std::string> first_date;  // earliest event date, wire form
  std::optional<std::string> mou_date;    // earliest mou_signed date
  std::optional<std::string> last_date;   // latest event date
  size_t events = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Writes the whole document in one transaction: every region and partnership is
  // added, or replaced when its id is already stored (a partnership's timeline is
  // replaced by the document's). On any error nothing is written.
  virtual Result<ImportStats> Import(const ImportRequest& request) = 0;

  // The selected records as a dossier. NotFound when a named id does not exist.
  virtual Result<Dossier> Export(const Selection& selection) = 0;

  // Summaries of the selected partnerships, ordered by home region then partner name.
  virtual Result<std::vector<PartnershipSummary>> List(const Selection& selection) = 0;

  // Which of `ids` are stored regions.
  virtual Result<std::vector<std::string>> KnownRegions(const std::vector<std::string>& ids) = 0;

  // Counts of stored regions, partnerships and events.
  struct Counts {
    size_t regions = 0, partnerships = 0, events = 0;
  };
  virtual Result<Counts> Count() = 0;
};

}  // namespace kembar::store

#endif  // KEMBAR_STORE_STORE_H_
