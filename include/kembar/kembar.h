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
#include "kembar/geo/relations.h"
#include "kembar/io/dossier_reader.h"
#include "kembar/network/graph.h"
#include "kembar/model/dossier.h"
#include "kembar/model/status.h"
#include "kembar/store/store.h"

namespace kembar {

// What an assessment is run with.
struct AssessOptions {
  Day as_of{};                               // the day the assessment speaks for
  const assess::Policy* policy = nullptr;    // null: the compiled-in config/policy.json
};

// Assessments with the dossier they refer to (evidence paths point into it).
struct AssessReport {
  Dossier dossier;
  std::vector<assess::PartnershipAssessment> assessments;
};

// What a partner search asks for.
struct FindOptions {
  std::vector<Field> needs;        // empty: the region's own needs
  std::optional<Level> level;
  std::string country;             // ISO code or name; empty: anywhere
  size_t top = 10;
  Day today{};
  const assess::Policy* policy = nullptr;  // null: the compiled-in policy
};

// How the places of the worldwide network meet the gazetteer.
struct NetworkMatch {
  std::vector<long> gazetteer_index;  // per network node: a gazetteer place, or -1
  size_t matched = 0;
  std::vector<size_t> unmatched;      // network nodes without a gazetteer place
};

// Matches each place of the network to the gazetteer by folded name and country,
// the nearest of several namesakes to the place's coordinates (within 50 km), else
// the most populous.
NetworkMatch MatchToGazetteer(const network::Graph& graph);

// Ranked candidates with the places they index.
struct FindReport {
  std::string region_id;  // the stored region id, or the network node id
  std::string region_name;
  network::Graph graph;   // the places (graph nodes) candidates point into
  std::vector<finder::Place> places;
  std::vector<finder::Candidate> candidates;
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
                                         std::string* a_iso = nullptr, std::string* b_iso = nullptr);
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
