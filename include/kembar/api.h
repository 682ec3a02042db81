// The parameters and response models of kembar's use cases, in the manner of OSRM's
// engine/api: each operation of kembar::Kembar takes one parameters struct and
// answers one response model (or a Status). Front ends fill the parameters from
// their own input (command-line flags, HTTP queries) and render the responses with
// the rendering layer (include/kembar/report/); neither side knows the other.
#ifndef KEMBAR_API_H_
#define KEMBAR_API_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kembar/assess/assessment.h"
#include "kembar/assess/calendar.h"
#include "kembar/assess/policy.h"
#include "kembar/assess/todo.h"
#include "kembar/finder/finder.h"
#include "kembar/geo/gazetteer.h"
#include "kembar/geo/relations.h"
#include "kembar/io/dossier_reader.h"
#include "kembar/model/dossier.h"
#include "kembar/network/graph.h"
#include "kembar/network/stats.h"
#include "kembar/store/store.h"

namespace kembar {

// --- Assessment -----------------------------------------------------------------

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

// Which partnerships an assessment covers: those of a dossier file (no database
// needed; the file must be a valid self-contained dossier), or stored ones. The
// selection applies to either.
struct AssessParams {
  std::string file;  // non-empty: assess this file instead of the store
  store::Selection selection;
  AssessOptions options;
  io::ReadOptions read;  // for `file`
};

// The calendar: MoU expiries and renewal deadlines within `months`, with the
// assessments behind them (their gaps: MoUs without a validity, lapsed ones).
struct CalendarParams {
  store::Selection selection;
  AssessOptions assess;
  int months = 12;  // how far ahead to look
};
struct CalendarReport {
  AssessReport assessed;
  std::vector<assess::CalendarEntry> entries;  // dated items, soonest first
  Day as_of{};
  int months = 12;
};

// The officer's to-do list: due recommendations, overdue first.
struct TodoParams {
  store::Selection selection;
  AssessOptions assess;
  int within_days = 90;  // due within this many days of as_of
  bool undated = false;  // also the recommendations without a due day
};
struct TodoReport {
  AssessReport assessed;  // what the items point into
  std::vector<assess::TodoItem> items;
  Day as_of{};
  int within_days = 90;
};

// Every stored partnership assessed at one version of the store: the snapshot the
// dashboards (status, to-do, calendar) read, shared and never modified
// (Kembar::AssessAll).
struct AssessSnapshot {
  int64_t version = -1;  // Store::Version() it was computed at
  Day as_of{};
  AssessReport report;  // every stored partnership (store order) and its assessment
  std::unordered_map<std::string, size_t> index;  // partnership id -> report.assessments
};

// Diplomatic relations between two countries (ISO codes or names).
struct RelationsParams {
  std::string a, b;
};
struct RelationsReport {
  std::string a_iso, b_iso;
  geo::Relation relation;
};

// --- Partner finder -------------------------------------------------------------

// What a partner search asks for.
struct FindOptions {
  std::vector<Field> needs;  // empty: the region's own needs
  std::optional<Level> level;
  std::string country;  // ISO code or name; empty: anywhere
  size_t top = 10;
  Day today{};
  const assess::Policy* policy = nullptr;  // null: the compiled-in policy
};

// Ranked candidates with the places they index.
struct FindReport {
  std::string region_id;  // the stored region id, or the network node id
  std::string region_name;
  std::shared_ptr<const network::Graph> graph;  // the network the search ran over
  std::vector<finder::Place> places;
  std::vector<finder::Candidate> candidates;
  // Needs were asked for, but no place's strengths meeting any of them are known:
  // complementarity could not be scored for any candidate.
  bool needs_unscored = false;
};

// How `kembar finder evaluate` holds out ties (docs/finder.md). The held-out ties
// are removed from everything the finder sees; each pair's city2 is then ranked among
// the candidates for city1.
struct FinderEvalParams {
  std::string holdout_csv;   // city1,country1,city2,country2 rows; empty: see below
  std::string holdout_file;  // its name, for error messages
  size_t sample = 0;         // > 0: this many ties drawn from the Wikipedia list
  uint64_t seed = 1;         // for the sample and the random baseline
  // Neither: every tie of an Indonesian place having at least two ties.
  std::vector<size_t> ks = {10, 100};
  const assess::Policy* policy = nullptr;                   // null: the compiled-in policy
  std::function<void(size_t done, size_t total)> progress;  // may be empty
};
// One method's numbers: hits[i] is hit@ks[i] (a share of all pairs).
struct FinderMethodScore {
  finder::Method method = finder::Method::kFinder;
  std::vector<double> hits;
  double mrr = 0;
};
// One held-out pair and the rank each method gave city2 (0: a miss, never proposed).
// Why a held-out pair cannot be ranked (its ranks are 0): city1 or city2 is neither a
// place of the network nor of the gazetteer; city1 is a network place without
// coordinates; city2 is a network place the gazetteer lacks (it cannot be offered);
// or city2 is found but the finder can never propose it for city1 (the same country,
// no diplomatic relations, a small place without ties).
enum class FinderMiss {
  kNone,
  kCity1NotFound,
  kCity1NoCoordinates,
  kCity2NotFound,
  kCity2NotInGazetteer,
  kNotACandidate
};
struct FinderEvalPair {
  std::string city1, country1, city2, country2;
  std::array<double, 4> ranks{};
  FinderMiss miss = FinderMiss::kNone;
};
struct FinderEvalReport {
  std::string holdout;  // what was held out: "indonesia", "sample 1000 seed 1", a file
  size_t pairs = 0;     // held-out pairs (the denominator)
  size_t rankable = 0;  // pairs whose places were found and city2 is a candidate
  std::vector<size_t> ks;
  std::vector<FinderMethodScore> methods;  // kMethods order
  std::vector<FinderEvalPair> ranks;
};

// How `kembar finder fit` learns the ranking's weights (docs/finder.md).
struct FinderFitParams {
  size_t negatives = 20;  // sampled non-ties per tie (half among places with ties)
  size_t folds = 5;       // cross-validation folds (by subject place)
  double l2 = 1.0;        // ridge penalty on the weights (not the bias)
  uint64_t seed = 1;
  // Ties kept out of the fit: the default Indonesian hold-out and a worldwide sample.
  size_t holdout_sample = 1000;
  uint64_t holdout_seed = 1;
  std::function<void(size_t done, size_t total)> progress;
};
struct FinderFitFold {
  double log_loss = 0;  // weighted, on the fold's held-out rows
  double auc = 0;       // ties against non-ties on the fold (weighted)
};
// One set of weights fitted, with its examples and its cross-validation.
struct FinderFit {
  assess::FinderWeights weights;
  size_t positives = 0, negatives = 0;
  std::vector<FinderFitFold> folds;
  std::vector<assess::FinderWeights> fold_weights;
};
struct FinderFitReport {
  FinderFit learned;  // subjects that keep at least one other tie
  // The first-partner ranking: every tie seen as its subject's first (all the subject's
  // ties removed), fitted apart.
  FinderFit first_partner;
  size_t held_out_ties = 0;
};

// --- Network --------------------------------------------------------------------

// How the places of the worldwide network meet the gazetteer.
struct NetworkMatch {
  std::vector<long> gazetteer_index;  // per network node: a gazetteer place, or -1
  size_t matched = 0;
  std::vector<size_t> unmatched;  // network nodes without a gazetteer place
  // Nodes met by a variant of their name or a similar name nearby, not by the name
  // itself (engine::MatchNode): guesses, for review.
  std::vector<size_t> guessed;
};

// Which part of the worldwide network (the Wikipedia pairs compiled in plus the
// stored partnerships) an operation works on.
struct NetworkScope {
  std::string country;  // ISO code or name: its places and all their ties; empty: all
};

// The panel of network statistics.
struct NetworkStatsParams {
  NetworkScope scope;
  size_t sample_sources = 500;  // betweenness/distance sample on large graphs
};
struct NetworkStatsReport {
  network::Stats stats;
  std::string attribution;  // the licence line of the Wikipedia pairs
};

// A place's partners and partners of partners.
struct EgoParams {
  NetworkScope scope;
  std::string place;  // stored region id, node id ("ID:surabaya") or name
  int depth = 2;
};
struct EgoReport {
  std::shared_ptr<const network::Graph> graph;  // the graph `ego` indexes into
  network::EgoNetwork ego;
};

// The graph itself, for the exporters (GEXF, GraphML, GeoJSON, CSV).
struct NetworkExportParams {
  NetworkScope scope;
};

// How the network's places meet the gazetteer.
struct MatchParams {
  NetworkScope scope;
};
struct MatchReport {
  size_t places = 0, matched = 0;
  std::vector<std::string> unmatched;  // "name, country" of each unmatched place
  // Each place met by a guess ("Iloilo City, PH"), with the gazetteer place it met
  // ("Iloilo"), for review.
  std::vector<std::pair<std::string, std::string>> guessed;
};

// Storing (or removing) the worldwide network beside the user's partnerships.
struct NetworkImportParams {
  bool remove = false;  // remove what an earlier network import stored instead
  store::Principal actor;
  store::ProgressFn progress;  // optional
};

// --- Records --------------------------------------------------------------------

// Checking a dossier file.
struct ValidateParams {
  std::string file;
  // true: the document must define every region it names (no database needed);
  // false: region ids it names but does not define may be stored ones.
  bool standalone = false;
};

// How an import treats partnerships that are already stored.
enum class ImportMode : uint8_t {
  kRefuseDrops,  // refuse a document whose version of a stored partnership lacks stored events
  kMerge,        // add new events, update known event ids, keep the other stored events
  kReplace,      // the document's timeline replaces the stored one
};

struct ImportParams {
  std::string file;  // the dossier file; only names the source when `content` is set
  // The document itself (an upload), read instead of `file`.
  std::shared_ptr<const std::string> content;
  ImportMode mode = ImportMode::kRefuseDrops;
  store::Principal actor;
  store::ProgressFn progress;  // optional
};

// Which stored records an export covers, and how it is written.
struct ExportParams {
  store::Selection selection;
  bool pretty = true;
};

// The common members of an event as plain values (command-line flags, form fields);
// empty ones are not set. They are written over `EventEdit::event_json`'s members,
// which may not name the same member.
struct EventFields {
  std::string type, date, title, description, field, from, to, side, provider, beneficiary, host,
      source;
  std::vector<std::string> sectors;
  std::optional<uint64_t> participants;
};

// One change to one event of a stored partnership.
struct EventEdit {
  enum class Op : uint8_t { kAdd, kEdit, kDelete } op = Op::kAdd;
  std::string partnership_id;
  std::string event_id;  // kEdit, kDelete
  // kAdd: the event as a dossier-v1 JSON object (an id is assigned when absent);
  // kEdit: the members to set, a null member removes it.
  std::string event_json;
  EventFields fields;  // set over event_json's members
  // kEdit: the event as a whole (its members not in event_json are removed; its id
  // stays); otherwise only the members given change.
  bool replace = false;
  // The partnership's version its author read (PartnershipRecord::version); when set
  // and the stored one differs, the edit is refused with Conflict. Empty: no check
  // (the edit still never overwrites a change made since it read the record).
  std::string if_match;
  store::Principal actor;
};

// Adds or edits one partnership or region: its own members (a partnership's events
// are kept; EventEdit changes them).
struct RecordEdit {
  enum class Kind : uint8_t { kPartnership, kRegion } kind = Kind::kPartnership;
  enum class Op : uint8_t { kAdd, kEdit } op = Op::kAdd;
  std::string id;  // kEdit: the record to change; kAdd: the JSON's "id" is used
  // kAdd: the record as a dossier-v1 JSON object; kEdit: the members to set, a null
  // member removes it ("id" and a partnership's "events" cannot be set here).
  std::string json;
  // Plain members set over `json` (command-line flags, form fields): name -> value,
  // a JSON value ("2.5", "[\"a\"]") or, when it does not parse as one, a string.
  std::vector<std::pair<std::string, std::string>> members;
  // kEdit: `json` is the whole record (a partnership's events are kept): members it
  // lacks are removed. Otherwise only the members given change.
  bool replace = false;
  std::string if_match;  // a partnership's version, as EventEdit::if_match
  store::Principal actor;
};

// Sets or clears a stored region's partner-wanted profile (dossier-v1 region `profile`),
// as a region edit: the same authorisation, validation and change record.
struct ProfileEdit {
  enum class Op : uint8_t { kSet, kClear } op = Op::kSet;
  std::string region;  // a stored region's id or any of its names
  // kSet: the members to change, as given on the command line; nullopt leaves a
  // member as stored, "" removes it. Lists are comma-separated: fields (seeks,
  // offers), levels, ISO 3166-1 alpha-2 codes (countries); `updated` is a date.
  std::optional<std::string> seeks, offers, levels, countries;
  std::optional<std::string> contact;  // an e-mail address, a web address or a name
  std::optional<std::string> contact_office, contact_phone, source, updated;
  // The contact's members one by one (the HTTP API's `contact` object), set after
  // `contact`; "" removes one.
  std::optional<std::string> contact_name, contact_email, contact_url;
  store::Principal actor;
};

// A stored region's profile as `kembar profile show` prints it.
struct ProfileReport {
  std::string region_id;
  std::string region_name;
  std::optional<RegionProfile> profile;  // nullopt: the region has none
  // Also shown: what the finder counts beside the profile (the region's `needs` and
  // `strengths` members).
  std::optional<std::vector<Field>> needs, strengths;
};

struct DeleteParams {
  enum class Kind : uint8_t { kPartnership, kRegion } kind = Kind::kPartnership;
  std::string id;
  std::string if_match;  // a partnership's version, as EventEdit::if_match
  store::Principal actor;
};

// One stored partnership with the regions it names, and its version: a digest of its
// content that changes with every change to it (an HTTP ETag).
struct PartnershipRecord {
  Dossier dossier;  // one partnership, its regions and the document members
  std::string version;
};

// What an edit did.
struct EditResult {
  std::string record;                // the partnership or region id
  std::string event_id;              // the event added, edited or deleted
  std::vector<std::string> changed;  // the members that changed ("date", "title")
  std::vector<std::string> diff;     // one line per member: date: "2019" -> "2019-05"
  std::string before, after;         // the event (or record) as JSON, empty when none
  std::string version;  // the partnership's version after the change; empty when deleted
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

// Which audit log entries to list (Kembar::Audit): the change log's records' and
// accounts' entries alike. Every condition given must hold.
struct AuditParams {
  std::string user;    // the acting user name ("admin", "local:siti"); empty: any
  std::string region;  // a region id or name: its own changes and its partnerships'
  std::string from;    // first day, YYYY-MM-DD (UTC), inclusive; empty: unbounded
  std::string to;      // last day, YYYY-MM-DD (UTC), inclusive; empty: unbounded
  std::string action;  // an action or its prefix: "login", "user.", "event.edit"
  size_t offset = 0;
  size_t limit = 50;  // at most kMaxAuditLimit
};

// The most entries one Kembar::Audit call returns.
inline constexpr size_t kMaxAuditLimit = 1000;

// One page of the audit log, newest first.
struct AuditReport {
  std::vector<store::ChangeRecord> entries;
  size_t total = 0;  // entries matching, over all pages
  size_t offset = 0;
  size_t limit = 0;
};

}  // namespace kembar

#endif  // KEMBAR_API_H_
