// kembar::Kembar is the one entry point the front ends (CLI, HTTP server) call,
// in the manner of osrm::OSRM: they never touch SQLite or the parser directly.
#ifndef KEMBAR_KEMBAR_H_
#define KEMBAR_KEMBAR_H_

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kembar/assess/assessment.h"
#include "kembar/assess/policy.h"
#include "kembar/finder/finder.h"
#include "kembar/geo/gazetteer.h"
#include "kembar/geo/relations.h"
#include "kembar/io/dossier_reader.h"
#include "kembar/model/dossier.h"
#include "kembar/model/status.h"
#include "kembar/network/graph.h"
#include "kembar/store/store.h"

namespace kembar {

// What an assessment is run with.
struct AssessOptions {
  Day as_of{};                             // the day the assessment speaks for
  const assess::Policy* policy = nullptr;  // null: the compiled-in config/policy.json
};

// Assessments with the dossier they refer to (evidence paths point into it).
struct AssessReport {
  Dossier dossier;
  std::vector<assess::PartnershipAssessment> assessments;
};

// What a partner search asks for.
struct FindOptions {
  std::vector<Field> needs;  // empty: the region's own needs
  std::optional<Level> level;
  std::string country;  // ISO code or name; empty: anywhere
  size_t top = 10;
  Day today{};
  const assess::Policy* policy = nullptr;  // null: the compiled-in policy
};

// How the places of the worldwide network meet the gazetteer.
struct NetworkMatch {
  std::vector<long> gazetteer_index;  // per network node: a gazetteer place, or -1
  size_t matched = 0;
  std::vector<size_t> unmatched;  // network nodes without a gazetteer place
};

// Matches each place of the network to the gazetteer by folded name and country,
// the nearest of several namesakes to the place's coordinates (within 50 km), else
// the most populous.
NetworkMatch MatchToGazetteer(const network::Graph& graph);

// Ranked candidates with the places they index.
struct FindReport {
  std::string region_id;  // the stored region id, or the network node id
  std::string region_name;
  network::Graph graph;  // the places (graph nodes) candidates point into
  std::vector<finder::Place> places;
  std::vector<finder::Candidate> candidates;
};

// How an import treats partnerships that are already stored.
enum class ImportMode : uint8_t {
  kRefuseDrops,  // refuse a document whose version of a stored partnership lacks stored events
  kMerge,        // add new events, update known event ids, keep the other stored events
  kReplace,      // the document's timeline replaces the stored one
};

struct ImportParams {
  std::string file;
  ImportMode mode = ImportMode::kRefuseDrops;
  store::Principal actor;
  store::ProgressFn progress;  // optional
};

// One change to one event of a stored partnership.
struct EventEdit {
  enum class Op : uint8_t { kAdd, kEdit, kDelete } op = Op::kAdd;
  std::string partnership_id;
  std::string event_id;  // kEdit, kDelete
  // kAdd: the event as a dossier-v1 JSON object (an id is assigned when absent);
  // kEdit: the members to set, a null member removes it.
  std::string event_json;
  store::Principal actor;
};

struct DeleteParams {
  enum class Kind : uint8_t { kPartnership, kRegion } kind = Kind::kPartnership;
  std::string id;
  store::Principal actor;
};

// What an edit did.
struct EditResult {
  std::string record;                // the partnership or region id
  std::string event_id;              // the event added, edited or deleted
  std::vector<std::string> changed;  // the members that changed ("date", "title")
  std::vector<std::string> diff;     // one line per member: date: "2019" -> "2019-05"
  std::string before, after;         // the event (or record) as JSON, empty when none
};

// What `search` looks for: text matched accent- and case-insensitively.
struct SearchParams {
  std::string text;
  size_t limit = 20;  // per kind of result
};

struct SearchResult {
  std::optional<std::string> country;                   // the text named a country (ISO code)
  std::vector<store::RegionRow> regions;                // stored regions
  std::vector<store::PartnershipSummary> partnerships;  // stored partnerships
  std::vector<const geo::Place*> places;                // gazetteer places of that name
};

struct KembarOptions {
  std::string db_path = "kembar.db";
  io::ReadOptions read;
};

class Kembar {
 public:
  // Opens (creating and migrating if needed) the store at options.db_path.
  static Result<std::unique_ptr<Kembar>> Open(const KembarOptions& options);

  // Checks a dossier file without a database: the document must define every region
  // it names. The report lists every problem with its JSON path.
  static io::ReadReport ValidateStandalone(const std::string& file, const io::ReadOptions& options);

  // Checks a dossier file; region ids it names but does not define may be stored ones.
  io::ReadReport Validate(const std::string& file);

  // Validates and imports a dossier file in one transaction: all of it or, on any
  // problem, none of it (InvalidInput naming the JSON paths). Known ids are updated.
  Result<store::ImportStats> ImportFile(const std::string& file,
                                        const store::ProgressFn& progress = nullptr);

  // Validates and imports a dossier file in one transaction, with one change record
  // (the file's SHA-256, counts, the partnerships changed). Events without an id get
  // a stable one ("<partnership>.NN") that is stored and exported from then on.
  // kRefuseDrops refuses (InvalidInput naming each partnership and how many events it
  // would lose) a document whose version of a stored partnership lacks stored event ids.
  Result<store::ImportStats> Import(const ImportParams& params);

  // Adds, edits or deletes one event: validated by the import's rules (InvalidInput
  // names the JSON path, "event.date"), all or nothing, with a change record holding
  // the event before and after. NotFound for an unknown partnership or event id.
  Result<EditResult> EditEvent(const EventEdit& edit);

  // Deletes a partnership (with its events) or a region that no partnership names.
  Result<EditResult> Delete(const DeleteParams& params);

  // Regions, partnerships and gazetteer places matching a text: a region by any of its
  // names or its id, a partnership by its id, title, parties or the partner's country
  // (Indonesian or English name: "Jepang", "Inggris", "Tiongkok"/"Cina"), a place by
  // its name. Case and accents do not matter.
  Result<SearchResult> Search(const SearchParams& params);
  // A stored region's id from its id or any of its names ("Kota Surabaya",
  // "surabaya"); NotFound when none, InvalidInput listing them when several match.
  Result<std::string> ResolveRegion(const std::string& id_or_name);

  // The change records that touched a partnership or region (every record when `id`
  // is empty), oldest first.
  Result<std::vector<store::ChangeRecord>> History(const std::string& id);
  // Checks the change log's hash chain (Corruption names the first altered entry).
  Status VerifyChangeLog();

  // The selected records as a dossier-v1 document (pretty-printed unless !pretty).
  Result<std::string> ExportJson(const store::Selection& selection, bool pretty = true);

  // The selected records as a model.
  Result<Dossier> Export(const store::Selection& selection);

  // Summaries of the selected partnerships.
  Result<std::vector<store::PartnershipSummary>> List(const store::Selection& selection);

  // Assesses every partnership of a dossier file, without a database. A file that is
  // not a valid self-contained dossier gives InvalidInput naming the JSON paths.
  static Result<AssessReport> AssessFile(const std::string& file, const AssessOptions& options,
                                         const io::ReadOptions& read = {});
  // Assesses the selected stored partnerships; evidence paths point into the
  // selection's export (Export(selection)).
  Result<AssessReport> Assess(const store::Selection& selection, const AssessOptions& options);
  // Reads a policy file (--policy); InvalidInput names the member at fault.
  static Result<assess::Policy> LoadPolicy(const std::string& file);
  // Diplomatic relations between two countries (ISO codes or English or Indonesian
  // names), with the missions they rest on. NotFound for an unknown country.
  static Result<geo::Relation> Relations(const std::string& a, const std::string& b,
                                         std::string* a_iso = nullptr,
                                         std::string* b_iso = nullptr);
  // The worldwide twin-city network: the Wikipedia pairs compiled into the binary
  // plus every stored partnership (kind and MoU year on the edge). A stored region
  // meets the Wikipedia place of the same name and country; the others are added
  // with their region id. `region_nodes`, when given, receives region id -> node.
  Result<network::Graph> WorldNetwork(
      std::unordered_map<std::string, size_t>* region_nodes = nullptr);
  // Candidate partners for a region (a stored region id, or a place name in the
  // network, in Indonesian or English spelling: "Surabaya", "Jawa Timur", "East Java,
  // ID"), scored over the places of the worldwide network. NotFound for an unknown
  // region, InvalidInput for an ambiguous name (listing the candidates).
  Result<FindReport> FindPartners(const std::string& region, const FindOptions& options);
  // Stores the worldwide network (the Wikipedia pairs compiled in) beside the user's
  // partnerships, marked "source": "Wikipedia": a region per place (a stored region of
  // the same name and country is reused; time zone, population and GeoNames id from
  // the gazetteer where matched) and a partnership without events per tie not stored
  // yet. One transaction; running it again updates rather than duplicates.
  Result<store::ImportStats> ImportWorldNetwork(const store::ProgressFn& progress = nullptr);
  // Counts of what is stored.
  Result<store::Store::Counts> Count();

 private:
  Kembar(KembarOptions options, std::unique_ptr<store::Store> store);
  Result<network::Graph> WorldNetworkOf(const Dossier& stored,
                                        std::unordered_map<std::string, size_t>* region_nodes);

  KembarOptions options_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace kembar

#endif  // KEMBAR_KEMBAR_H_
