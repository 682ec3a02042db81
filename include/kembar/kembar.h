// kembar::Kembar is the one entry point the front ends (CLI, HTTP server) call,
// in the manner of osrm::OSRM: they never touch SQLite or the parser directly.
#ifndef KEMBAR_KEMBAR_H_
#define KEMBAR_KEMBAR_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kembar/api.h"
#include "kembar/model/error_table.h"
#include "kembar/model/status.h"

namespace kembar {

namespace engine {
class Engine;
}  // namespace engine

// Matches each place of the network to the gazetteer by folded name and country,
// the nearest of several namesakes to the place's coordinates (within 50 km), else
// the most populous.
NetworkMatch MatchToGazetteer(const network::Graph& graph);

struct KembarOptions {
  // An SQLite file, or a PostgreSQL database as a postgresql:// (or postgres://) URL.
  std::string db_path = "kembar.db";
  io::ReadOptions read;
};

// The one entry point of the front ends. Every method forwards to one use case of
// the engine (src/engine/): a parameters struct in, a response model or a Status
// out (api.h). A Kembar is safe to call from several threads at once: the store
// serialises its own access, the world context (the Wikipedia graph and its
// gazetteer match) is built once on first use and then only read, and no method
// keeps per-call state. Methods that change data take the acting principal, which
// the change log records.
class Kembar {
 public:
  // Opens (creating and migrating if needed) the SQLite store at options.db_path.
  static Result<std::unique_ptr<Kembar>> Open(const KembarOptions& options);
  // Whether `db_path` names a database server (a postgresql:// URL) rather than a
  // file: it cannot be tested for existence on disk, nor removed.
  static bool IsServerDatabase(const std::string& db_path);
  // Runs over a store the caller made (PostgreSQL, a test double).
  static std::unique_ptr<Kembar> Create(std::unique_ptr<store::Store> store,
                                        const KembarOptions& options = {});
  ~Kembar();
  Kembar(const Kembar&) = delete;
  Kembar& operator=(const Kembar&) = delete;

  // --- Without a store -------------------------------------------------------------

  // Checks a dossier file without a database: the document must define every region
  // it names. The report lists every problem with its JSON path.
  static io::ReadReport ValidateStandalone(const std::string& file, const io::ReadOptions& options);
  // Assesses every partnership of a dossier file, without a database. A file that is
  // not a valid self-contained dossier gives InvalidInput naming the JSON paths.
  static Result<AssessReport> AssessFile(const std::string& file, const AssessOptions& options,
                                         const io::ReadOptions& read = {});
  // The same for params.file, keeping only the partnerships params.selection names
  // (NotFound when it names none in the file).
  static Result<AssessReport> AssessFile(const AssessParams& params);
  // Reads a policy file (--policy); InvalidInput names the member at fault.
  static Result<assess::Policy> LoadPolicy(const std::string& file);
  // Diplomatic relations between two countries (ISO codes or English or Indonesian
  // names), with the missions they rest on. NotFound for an unknown country.
  static Result<RelationsReport> Relations(const RelationsParams& params);

  // --- Records ---------------------------------------------------------------------

  // Checks a dossier file; with !params.standalone, region ids it names but does not
  // define may be stored ones.
  io::ReadReport Validate(const ValidateParams& params) const;

  // Validates and imports a dossier file in one transaction, with one change record
  // (the file's SHA-256, counts, the partnerships changed). Events without an id get
  // a stable one ("<partnership>.NN") that is stored and exported from then on.
  // kRefuseDrops refuses (InvalidInput naming each partnership and how many events it
  // would lose) a document whose version of a stored partnership lacks stored event ids.
  Result<store::ImportStats> Import(const ImportParams& params) const;
  // Import in kReplace mode as the local operator: for tools and tests that load a
  // whole document (the document's timelines replace the stored ones).
  Result<store::ImportStats> ImportFile(const std::string& file,
                                        const store::ProgressFn& progress = nullptr) const;

  // Adds, edits or deletes one event: validated by the import's rules (InvalidInput
  // names the JSON path, "event.date"), all or nothing, with a change record holding
  // the event before and after. NotFound for an unknown partnership or event id.
  // Edits of a partnership (here, EditRecord and Delete) are checked atomically with
  // their write: Conflict when edit.if_match is set and is not the stored version
  // (an edit without it is made again on a version changed meanwhile, never over
  // it), PermissionDenied when the actor's scope check refuses.
  Result<EditResult> EditEvent(const EventEdit& edit) const;

  // Adds a partnership or region, or changes its own members: validated by the
  // import's rules (InvalidInput names the path, "partnership.kind"), all or nothing,
  // with a change record holding the record before and after. A partnership's
  // parties must be stored regions; an id cannot change. NotFound for an unknown id.
  Result<EditResult> EditRecord(const RecordEdit& edit) const;

  // Sets or clears a region's partner-wanted profile: each value checked first
  // (InvalidInput naming the option, "--seeks: 'enviroment' is not a field; did you
  // mean 'environment'?"), then written as a region edit (EditRecord: the actor's
  // region scope, the import's rules, one change record). NotFound for an unknown
  // region. Nothing is changed when anything is refused.
  Result<EditResult> EditProfile(const ProfileEdit& edit) const;
  // A stored region's profile (NotFound for an unknown region id or name).
  Result<ProfileReport> Profile(const std::string& region) const;

  // Deletes a partnership (with its events) or a region that no partnership names.
  Result<EditResult> Delete(const DeleteParams& params) const;

  // One stored partnership with the regions it names and its version (the value
  // that EventEdit/RecordEdit/DeleteParams::if_match compare). NotFound when unknown.
  Result<PartnershipRecord> GetPartnership(const std::string& id) const;

  // The selected records as a model (NotFound for an unknown id).
  Result<Dossier> Export(const store::Selection& selection) const;
  // The selected records as a dossier-v1 document.
  Result<std::string> ExportJson(const ExportParams& params) const;
  // Summaries of the selected partnerships.
  Result<std::vector<store::PartnershipSummary>> List(const store::Selection& selection) const;
  // Counts of what is stored.
  Result<store::Store::Counts> Count() const;
  // Every stored region's id, name, country, level and other names.
  Result<std::vector<store::RegionRow>> Regions() const;

  // Regions, partnerships and gazetteer places matching a text: a region by any of its
  // names or its id, a partnership by its id, title, parties or the partner's country
  // (Indonesian or English name: "Jepang", "Inggris", "Tiongkok"/"Cina"), a place by
  // its name. Case and accents do not matter.
  Result<SearchResult> Search(const SearchParams& params) const;
  // A stored region's id from its id or any of its names ("Kota Surabaya",
  // "surabaya"); NotFound when none, InvalidInput listing them when several match.
  Result<std::string> ResolveRegion(const std::string& id_or_name) const;

  // The change records that touched a partnership or region (every record when `id`
  // is empty), oldest first.
  Result<std::vector<store::ChangeRecord>> History(const std::string& id) const;
  // Checks the change log's hash chain (Corruption names the first altered entry).
  Status VerifyChangeLog() const;
  // One page of the audit log (the change log, records' and accounts' entries), newest
  // first, filtered by params. NotFound for an unknown region, InvalidInput for a bad
  // date, a `to` before `from` or a limit over kMaxAuditLimit.
  Result<AuditReport> Audit(const AuditParams& params) const;

  // --- Assessment ------------------------------------------------------------------

  // Assesses a dossier file (params.file) or the selected stored partnerships;
  // evidence paths point into the report's dossier. NotFound when the selection
  // names nothing.
  Result<AssessReport> Assess(const AssessParams& params) const;
  // MoU expiries and renewal deadlines ahead, with the assessments behind them.
  Result<CalendarReport> Calendar(const CalendarParams& params) const;
  // The due recommendations of the selected partnerships, overdue first.
  Result<TodoReport> Todo(const TodoParams& params) const;
  // Every stored partnership assessed as of options.as_of under options.policy: a
  // shared, read-only snapshot computed once per (store version, day, policy) and
  // reused until the store changes (concurrent first callers wait for one
  // computation). For the dashboards of a long-running server; the evidence paths
  // point into the snapshot's whole-store dossier.
  Result<std::shared_ptr<const AssessSnapshot>> AssessAll(const AssessOptions& options) const;

  // --- Network and partner finder ---------------------------------------------------

  // The worldwide twin-city network: the Wikipedia pairs compiled into the binary
  // plus every stored partnership (kind and MoU year on the edge). A stored region
  // meets the Wikipedia place of the same name and country; the others are added
  // with their region id. `region_nodes`, when given, receives region id -> node.
  Result<std::shared_ptr<const network::Graph>> WorldNetwork(
      std::unordered_map<std::string, size_t>* region_nodes = nullptr) const;
  // The statistics panel of the network (or of one country's part).
  Result<NetworkStatsReport> NetworkStats(const NetworkStatsParams& params) const;
  // A place's ego network: a stored region id, a node id or a name ("Surabaya, ID";
  // with a country, accents do not matter: "Kochi, JP" finds "Kōchi").
  Result<EgoReport> NetworkEgo(const EgoParams& params) const;
  // The graph for the exporters.
  Result<std::shared_ptr<const network::Graph>> NetworkGraph(
      const NetworkExportParams& params) const;
  // One page of partnership summaries (filters: region, text) with the total count.
  Result<store::SummaryPage> ListPage(const store::SummaryQuery& query) const;
  // The store's version: the sequence number of its latest change record (0: none).
  Result<int64_t> Version() const;
  // The partnerships changed since a version (for caches and clients that poll).
  Result<std::vector<std::string>> ChangedSince(int64_t version) const;
  // How the network's places meet the gazetteer.
  Result<MatchReport> NetworkMatchReport(const MatchParams& params) const;
  // Stores the worldwide network (the Wikipedia pairs compiled in) beside the user's
  // partnerships, marked "source": "Wikipedia": a region per place (a stored region of
  // the same name and country is reused; time zone, population and GeoNames id from
  // the gazetteer where matched) and a partnership without events per tie not stored
  // yet. One transaction; running it again updates rather than duplicates. With
  // params.remove, deletes what it stored instead (regions still named by the user's
  // own partnerships stay).
  Result<store::ImportStats> ImportWorldNetwork(const NetworkImportParams& params) const;

  // Candidate partners for a region (a stored region id, or a place name in the
  // network, in Indonesian or English spelling: "Surabaya", "Jawa Timur", "East Java,
  // ID"), scored over the places of the worldwide network. NotFound for an unknown
  // region, InvalidInput for an ambiguous name (listing the candidates).
  Result<FindReport> FindPartners(const std::string& region, const FindOptions& options) const;
  // Measures the finder on held-out real ties against the gravity, degree and random
  // baselines over the same candidates (docs/finder.md). InvalidInput names the line of
  // a hold-out file that is not city1,country1,city2,country2.
  Result<FinderEvalReport> EvaluateFinder(const FinderEvalParams& params) const;
  // Fits the learned ranking's weights on the network with the evaluation hold-outs
  // removed (logistic regression, negative sampling, cross-validated); deterministic
  // for a seed.
  Result<FinderFitReport> FitFinder(const FinderFitParams& params) const;

 private:
  explicit Kembar(std::unique_ptr<engine::Engine> engine);

  std::unique_ptr<engine::Engine> engine_;
};

}  // namespace kembar

#endif  // KEMBAR_KEMBAR_H_
