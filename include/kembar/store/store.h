// Persistent storage of regions and partnerships. SQLite is the embedded default
// (sqlite_store.h); a national deployment can implement this interface on
// PostgreSQL. Front ends never use a Store directly: they go through kembar::Kembar.
#ifndef KEMBAR_STORE_STORE_H_
#define KEMBAR_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
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
  size_t partnerships_removed = 0;  // DeleteRecords
  size_t regions_removed = 0;
};

// Called during long imports with (done, total) partnerships.
using ProgressFn = std::function<void(size_t done, size_t total)>;

// Who made a change: the CLI acts as the local operator, named with the
// operating-system user; the server will pass its logged-in users.
struct Principal {
  Principal() = default;
  // A principal without scope checks (the CLI's local operator, tools, tests).
  Principal(std::string name, bool local_operator = false)  // NOLINT(google-explicit-constructor)
      : name(std::move(name)), local_operator(local_operator) {}

  std::string name;             // "local:siti" for the CLI
  bool local_operator = false;  // holds the database file: roles do not apply
  std::string address;          // the client's IP address (server); empty for the CLI
  // Whether this principal may turn `before` into `after` (a creation has no
  // `before`, a deletion no `after`): ok, or PermissionDenied saying why. Called
  // inside the write's transaction, with the stored record. Null: anything.
  std::function<Status(const Partnership* before, const Partnership* after)> may_write_partnership;
  // Whether this principal may add, change or delete the region `id`. Null: any.
  std::function<Status(const std::string& id)> may_write_region;
};

// One entry of the change log, kept apart from the records so that export -> import
// -> export gives the same document. Entries are hash-chained: each `hash` is the
// SHA-256 of the previous entry's hash and this entry's fields, so an edited or
// deleted entry breaks the chain (VerifyChangeLog).
struct ChangeRecord {
  int64_t seq = 0;      // assigned by the store
  std::string at;       // UTC, ISO 8601; assigned by the store
  std::string actor;    // Principal::name
  std::string address;  // Principal::address: the client's IP address; empty for the CLI
  // "records" (imports and edits: they alone advance Store::Version) or "accounts"
  // (logins, users, tokens, written by the server); assigned "records" when empty.
  std::string area;
  std::string action;   // "import", "event.add", "event.edit", "event.delete", ...
  std::string record;   // the partnership or region id; the source file for imports
  std::string summary;  // what changed, one line (an import: digest and counts)
  std::string before;   // the record before (JSON), empty when created
  std::string after;    // the record after (JSON), empty when deleted
  std::vector<std::string> partnerships;  // the partnerships the change touched
  std::string hash;                       // assigned by the store
};

class ImportSink;

struct ImportRequest {
  // The document to write; ignored when `stream` is set.
  const Dossier* dossier = nullptr;
  // Alternatively, a producer that writes the records itself through the sink, inside
  // the import's transaction (a large file read and written batch by batch, without
  // the whole model in memory). A failing status rolls everything back. The
  // producer must not call the Store: the sink answers what it needs to know.
  std::function<Status(ImportSink& sink)> stream;
  // Region ids the document names but does not define; each must already be stored.
  std::vector<io::ExternalRegionRef> external_refs;
  std::string source_name;  // file name, for the import log
  ProgressFn progress;      // optional
  // Written in the same transaction as the records (absent: no change record).
  std::optional<ChangeRecord> change;
  bool log_import = true;  // false for an edit: no line in the import log
  // Run first inside the import's transaction (optional): a non-ok status rolls the
  // import back and is returned. An edit checks here, atomically with its write, that
  // the stored record is still the version its author read and that the author may
  // change it (the sink answers what is stored).
  std::function<Status(ImportSink& sink)> precondition;
};

// Writes the records of one import in progress (ImportRequest::stream), within its
// transaction. Counts for ImportStats and the import log are kept by the sink.
class ImportSink {
 public:
  virtual ~ImportSink() = default;
  // Adds the region, or replaces the stored one with the same id.
  virtual Status PutRegion(const Region& region) = 0;
  // Adds the partnership, or replaces the stored one and its whole timeline. Every
  // region it names must be stored or put before.
  virtual Status PutPartnership(const Partnership& partnership) = 0;
  // Adds or replaces a top-level document member (name, minified JSON value).
  virtual Status PutMember(const std::string& key, const std::string& json) = 0;
  // Whether a region with this id is stored (or was put by this import).
  virtual Result<bool> HasRegion(const std::string& id) = 0;
  // Whether the region `region.id` is stored exactly as `region` (false when it is
  // not stored or differs): an import may repeat a region without changing it.
  virtual Result<bool> StoresRegionAs(const Region& region) = 0;
  // The stored event ids of a partnership in timeline order (events without an id
  // are not listed); nullopt when the partnership is not stored.
  virtual Result<std::optional<std::vector<std::string>>> StoredEventIds(const std::string& id) = 0;
  // The stored partnership with its timeline; nullopt when it is not stored.
  virtual Result<std::optional<Partnership>> StoredPartnership(const std::string& id) = 0;
  // The change record written with the records (replaces ImportRequest::change).
  virtual void SetChange(ChangeRecord change) = 0;
};

// Which records an export or listing covers: all, one partnership, or the
// partnerships in which one region is a party (with the regions they name).
struct Selection {
  std::optional<std::string> partnership_id;
  std::optional<std::string> region_id;
};

// A stored region's names, parent and coordinates, for search and listings: no
// document parsing.
struct RegionRow {
  std::string id, name, country;
  Level level = Level::kOther;
  std::vector<std::string> other_names;  // the `names` values ("Kota Surabaya")
  // The `names` object: language tag -> name ({"id": "Kota Surabaya", "en": "Surabaya"}),
  // in key order.
  std::vector<std::pair<std::string, std::string>> names;
  std::optional<std::string> parent;  // the region it lies in ("id-jawa-timur")
  std::optional<double> lat, lon;     // degrees, WGS84, when the dossier gives them
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

// A page of partnership summaries (Store::Summaries).
struct SummaryQuery {
  std::optional<std::string> region_id;  // only partnerships where it is a party
  // Only partnerships whose id, home region name or partner region name contains this
  // text, or whose partner's country code it is, ignoring ASCII case; empty: no filter.
  std::string text;
  size_t offset = 0;
  size_t limit = 50;
};

struct SummaryPage {
  std::vector<PartnershipSummary> items;  // ordered as Store::List
  size_t total = 0;                       // partnerships matching, over all pages
};

// Which change log entries Store::ChangeLog returns: every condition set must hold.
struct ChangeQuery {
  std::string actor;      // exactly this actor (a user name, "local:siti"); empty: any
  std::string region_id;  // entries about this region or a partnership it is a party of
  std::string from, to;   // UTC days YYYY-MM-DD, inclusive; empty: unbounded
  std::string action;     // actions starting with this ("user.", "event.add"); empty: any
  size_t offset = 0;
  size_t limit = 50;
};

// A page of change log entries, newest first, and how many match in all.
struct ChangePage {
  std::vector<ChangeRecord> items;
  size_t total = 0;
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

  // One partnership with every region it names, as a self-contained dossier (with
  // the document members). NotFound when it is not stored. Reads only that
  // partnership's rows.
  virtual Result<Dossier> Partnership(const std::string& id) = 0;

  // The partnerships in which the region is a party (home or partner), with every
  // region they name and the region itself. NotFound when the region is not stored;
  // an empty list of partnerships when it is named by none. Reads only those rows.
  virtual Result<Dossier> RegionPartnerships(const std::string& region_id) = 0;

  // One page of the summaries matching `query`, ordered as List, and how many match
  // in all. NotFound when query.region_id is set and not stored.
  virtual Result<SummaryPage> Summaries(const SummaryQuery& query) = 0;

  // The version of the records: the sequence number of the latest change record, 0
  // when there is none. It grows with every change written.
  virtual Result<int64_t> Version() = 0;

  // The ids of the partnerships touched by the change records after `version`
  // (sequence number above it), sorted, each once; they may since have been deleted.
  virtual Result<std::vector<std::string>> ChangedSince(int64_t version) = 0;

  // Every stored region's id, names, country and level.
  virtual Result<std::vector<RegionRow>> Regions() = 0;

  // Which of `ids` are stored regions.
  virtual Result<std::vector<std::string>> KnownRegions(const std::vector<std::string>& ids) = 0;

  // Counts of stored regions, partnerships and events.
  struct Counts {
    size_t regions = 0, partnerships = 0, events = 0;
  };
  virtual Result<Counts> Count() = 0;

  // The stored event ids of each partnership among `ids` that is stored (events
  // without an id are not listed).
  virtual Result<std::vector<std::pair<std::string, std::vector<std::string>>>> StoredEventIds(
      const std::vector<std::string>& ids) = 0;

  // Checks the stored record before a delete, inside its transaction (see
  // ImportRequest::precondition); given the partnership (with the regions it names)
  // or the region (alone) as stored. Null: no check.
  using DeleteCheck = std::function<Status(const Dossier& stored)>;

  // Deletes a partnership and its events, with `change`, in one transaction.
  // NotFound when it is not stored.
  virtual Status DeletePartnership(const std::string& id, const ChangeRecord& change,
                                   const DeleteCheck& precondition) = 0;
  // Deletes a region no partnership names; InvalidInput (naming one of them) when a
  // partnership still names it, NotFound when it is not stored.
  virtual Status DeleteRegion(const std::string& id, const ChangeRecord& change,
                              const DeleteCheck& precondition) = 0;

  // Deletes the partnerships (with their events) and then the regions, with `change`,
  // in one transaction; ids not stored are skipped. InvalidInput (naming one) when a
  // region is still named by a partnership that stays.
  virtual Result<ImportStats> DeleteRecords(const std::vector<std::string>& partnerships,
                                            const std::vector<std::string>& regions,
                                            const ChangeRecord& change) = 0;

  // The records' change records that touched `id` (a partnership or region), oldest
  // first; every records' change record when `id` is empty (never the accounts').
  virtual Result<std::vector<ChangeRecord>> History(const std::string& id) = 0;
  // Recomputes the hash chain of the change log (records' and accounts' entries
  // alike): Corruption naming the first entry whose hash does not follow from its
  // fields and its predecessor, or the first missing sequence number.
  virtual Status VerifyChangeLog() = 0;
  // How many entries the change log holds (both areas).
  virtual Result<size_t> ChangeLogSize() = 0;

  // The change log entries of both areas matching `query`, newest first. A region
  // matches the entries whose record is that region or that touched a partnership
  // in which it is (now) a party. InvalidInput for a malformed date.
  virtual Result<ChangePage> ChangeLog(const ChangeQuery& query) = 0;
};

}  // namespace kembar::store

#endif  // KEMBAR_STORE_STORE_H_
