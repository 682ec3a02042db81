#include "commands.h"

#include <pwd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>

#include "kembar/kembar.h"
#include "kembar/report/assessment_json.h"
#include "kembar/report/assessment_text.h"
#include "kembar/report/charts.h"
#include "kembar/report/network_export.h"
#include "kembar/report/network_text.h"
#include "kembar/report/text.h"

namespace kembar::cli {

namespace {

// The database used when --db is not given: $KEMBAR_DB, else ./kembar.db.
std::string DefaultDb() {
  const char* env = std::getenv("KEMBAR_DB");
  return env && *env ? env : "kembar.db";
}

int Fail(const Status& s) {
  std::fprintf(stderr, "kembar: %s\n", s.message().c_str());
  return DescribeError(s.code()).exit_code;
}

int FailReport(const std::string& file, const io::ReadReport& report) {
  std::fprintf(stderr, "kembar: %s is not a valid dossier:\n", file.c_str());
  for (const io::Diagnostic& d : report.errors) {
    std::fprintf(stderr, "  %s\n", d.ToString().c_str());
  }
  if (report.truncated) std::fprintf(stderr, "  (more problems not shown)\n");
  return DescribeError(report.ToStatus().code()).exit_code;
}

Result<std::unique_ptr<Kembar>> OpenDb(const std::string& db, size_t max_mb) {
  KembarOptions options;
  options.db_path = db;
  options.read.max_bytes = max_mb << 20;
  return Kembar::Open(options);
}

bool WriteOut(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return true;
  }
  std::ofstream f(path, std::ios::binary);
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(f);
}

// The language of human output: --lang, else $KEMBAR_LANG, else Indonesian when
// $LANG says so, else English.
assess::Lang DefaultLang() {
  for (const char* var : {"KEMBAR_LANG", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && std::string_view(v).substr(0, 2) == "id") return assess::Lang::kId;
    if (v && *v && std::string_view(var) == "KEMBAR_LANG") return assess::Lang::kEn;
  }
  return assess::Lang::kEn;
}

// Today in UTC: the only place kembar reads the clock.
Day Today() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

// The CLI acts as the local operator: it holds the database file, so roles do not
// apply; its change records name the operating-system user.
store::Principal LocalOperator() {
  const char* user = std::getenv("USER");
  if (!user || !*user) user = std::getenv("LOGNAME");
  if (!user || !*user) {
    const passwd* pw = getpwuid(geteuid());
    user = pw ? pw->pw_name : nullptr;
  }
  store::Principal p;
  p.name = std::string("local:") + (user && *user ? user : "unknown");
  p.local_operator = true;
  return p;
}

// The common members of an event, as flags.
struct EventFlags {
  EventFields fields;
  std::string sectors;  // comma-separated
};

void AddEventFlags(CLI::App* c, EventFlags* f) {
  EventFields* e = &f->fields;
  c->add_option("--type", e->type, "event type (activity, visit, mou_signed, ...)");
  c->add_option("--date", e->date, "YYYY, YYYY-MM, YYYY-MM-DD or a period START/END");
  c->add_option("--title", e->title, "short title");
  c->add_option("--description", e->description, "what happened");
  c->add_option("--field", e->field, "field of cooperation (activity)");
  c->add_option("--from", e->from, "region id that sent (visit, communication)");
  c->add_option("--to", e->to, "region id visited (visit)");
  c->add_option("--side", e->side, "region id that acted");
  c->add_option("--provider", e->provider, "region id that provided it, or both (activity)");
  c->add_option("--beneficiary", e->beneficiary, "region id that benefited, or both (activity)");
  c->add_option("--host", e->host, "region id that hosted it, or online (activity)");
  c->add_option("--participants", e->participants, "number of participants");
  c->add_option("--sectors", f->sectors, "sectors involved, comma-separated (activity)");
  c->add_option("--source", e->source, "where this fact was seen");
}

// The --json file's text (or standard input's); empty when not given.
Result<std::string> ReadJsonArg(const std::string& json_file) {
  if (json_file.empty()) return std::string();
  if (json_file == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(json_file, std::ios::binary);
  if (!in) return Status::IoError("cannot read '" + json_file + "'");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// "a,b,c" -> {"a", "b", "c"}; "" -> {}.
std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(text.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

}  // namespace

int Run(int argc, char** argv) {
  CLI::App app{"kembar: records, assessment and network of sister-city partnerships"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kembar 0.1.0");
  std::string db = DefaultDb();
  size_t max_mb = 512;
  bool json = false;
  auto add_db = [&](CLI::App* cmd) {
    cmd->add_option("--db", db, "SQLite database file (default: $KEMBAR_DB or ./kembar.db)");
  };

  std::string file;
  bool with_db = false;
  auto* validate = app.add_subcommand("validate", "Check a dossier file; changes nothing");
  validate->add_option("FILE", file, "dossier-v1 JSON file")->required();
  validate->add_option("--db", db, "also accept region ids already stored in this database")
      ->each([&](const std::string&) { with_db = true; });
  validate->add_option("--max-mb", max_mb, "refuse files larger than this (MiB)");

  bool quiet = false;
  auto* import = app.add_subcommand("import", "Import a dossier file (all or nothing)");
  import->add_option("FILE", file, "dossier-v1 JSON file")->required();
  add_db(import);
  import->add_option("--max-mb", max_mb, "refuse files larger than this (MiB)");
  import->add_flag("-q,--quiet", quiet, "no progress or summary");
  bool merge = false, replace = false;
  auto* merge_flag = import->add_flag(
      "--merge", merge, "add new events and update known event ids; keep the other stored events");
  import->add_flag("--replace", replace, "the document's timelines replace the stored ones")
      ->excludes(merge_flag);

  // Record keeping (issue 10): one event, partnership or region at a time.
  std::string rec_partnership, rec_event, event_json_file;
  EventFlags ef;
  auto* event_cmd = app.add_subcommand("event", "Add, edit or delete one event of a partnership");
  event_cmd->require_subcommand(1);
  auto* event_add = event_cmd->add_subcommand("add", "Add an event (from --json or from flags)");
  auto* event_edit = event_cmd->add_subcommand("edit", "Change members of an event");
  auto* event_delete = event_cmd->add_subcommand("delete", "Delete an event");
  for (CLI::App* c : {event_add, event_edit, event_delete}) {
    c->add_option("PARTNERSHIP", rec_partnership, "partnership id")->required();
    if (c != event_add) c->add_option("EVENT_ID", rec_event, "event id")->required();
    add_db(c);
  }
  for (CLI::App* c : {event_add, event_edit}) {
    c->add_option("--json", event_json_file,
                  "the event (add) or the members to change (edit; null removes one) as JSON, "
                  "from a file or - for standard input");
    AddEventFlags(c, &ef);
  }
  std::string delete_id;
  auto* partnership_cmd = app.add_subcommand("partnership", "Delete a stored partnership");
  partnership_cmd->require_subcommand(1);
  auto* partnership_delete =
      partnership_cmd->add_subcommand("delete", "Delete a partnership and its events");
  partnership_delete->add_option("ID", delete_id, "partnership id")->required();
  add_db(partnership_delete);
  auto* region_cmd = app.add_subcommand("region", "Delete a stored region");
  region_cmd->require_subcommand(1);
  auto* region_delete =
      region_cmd->add_subcommand("delete", "Delete a region that no partnership names");
  region_delete->add_option("ID", delete_id, "region id")->required();
  add_db(region_delete);
  std::string history_id;
  bool verify = false;
  auto* history_cmd =
      app.add_subcommand("history", "Change records of a partnership or region (all without ID)");
  history_cmd->add_option("ID", history_id, "partnership or region id");
  history_cmd->add_flag("--verify", verify, "check the change log's hash chain");
  history_cmd->add_flag("--json", json, "print the change records as JSON");
  add_db(history_cmd);

  std::string partnership_id, region_id, out_file;
  bool compact = false;
  auto* exp = app.add_subcommand("export", "Write stored records as a dossier-v1 document");
  add_db(exp);
  exp->add_option("--partnership", partnership_id, "only this partnership");
  exp->add_option("--region", region_id, "only the partnerships of this region");
  exp->add_option("-o,--output", out_file, "output file (default: standard output)");
  exp->add_flag("--compact", compact, "no indentation");

  auto* list = app.add_subcommand("list", "List stored partnerships");
  add_db(list);
  list->add_option("--region", region_id, "only the partnerships of this region");

  std::string show_id, lang_text;
  auto* show = app.add_subcommand("show", "Show one partnership and its timeline");
  show->add_option("ID", show_id, "partnership id")->required();
  add_db(show);
  show->add_flag("--json", json, "print the partnership as a dossier-v1 document");
  show->add_option("--lang", lang_text, "language of the text output: id or en")
      ->check(CLI::IsMember({"id", "en"}));

  // Assessment and portfolio commands (docs/assessment-v2.md).
  std::string as_of_text, policy_file, by, ics_file;
  int months = 12;
  auto add_assess_options = [&](CLI::App* cmd) {
    cmd->add_option("--as-of", as_of_text, "assess as of this day, YYYY-MM-DD (default: today)");
    cmd->add_option("--policy", policy_file,
                    "thresholds file (default: the built-in config/policy.json)");
    cmd->add_option("--lang", lang_text, "language of the text output: id or en")
        ->check(CLI::IsMember({"id", "en"}));
  };
  std::string assess_file;
  auto* assess_cmd = app.add_subcommand(
      "assess", "Assess partnerships: condition, risks, indicators, next actions");
  assess_cmd->add_option("DOSSIER", assess_file,
                         "assess this dossier file instead of the database");
  add_db(assess_cmd);
  assess_cmd->add_option("--region", region_id, "only the partnerships of this region");
  assess_cmd->add_option("--partnership", partnership_id, "only this partnership");
  assess_cmd->add_flag("--json", json, "print the assessment-v2 JSON document");
  add_assess_options(assess_cmd);

  auto* status_cmd =
      app.add_subcommand("status", "Portfolio: every partnership's condition and risks");
  add_db(status_cmd);
  status_cmd->add_option("--region", region_id, "only the partnerships of this region");
  status_cmd
      ->add_option("--by", by, "group: province (of the home region) or country (of the partner)")
      ->check(CLI::IsMember({"province", "country"}));
  status_cmd->add_flag("--json", json, "print the assessment-v2 JSON document");
  add_assess_options(status_cmd);

  auto* calendar_cmd =
      app.add_subcommand("calendar", "Upcoming MoU expiries and renewal deadlines");
  add_db(calendar_cmd);
  calendar_cmd->add_option("--region", region_id, "only the partnerships of this region");
  calendar_cmd->add_option("--months", months, "how far ahead to look (default 12)")
      ->check(CLI::Range(1, 1200));
  calendar_cmd->add_option("--ics", ics_file, "also write an iCalendar file for calendar apps");
  calendar_cmd->add_flag("--json", json, "print the calendar as JSON");
  add_assess_options(calendar_cmd);

  std::string search_text;
  auto* search_cmd = app.add_subcommand(
      "search", "Find regions, partnerships and places by name (accents and case do not matter)");
  search_cmd->add_option("TEXT", search_text, "a name: Liverpool, Jepang, Kōchi, Jawa Timur")
      ->required();
  add_db(search_cmd);
  search_cmd->add_flag("--json", json, "print JSON");
  search_cmd->add_option("--lang", lang_text, "language of the text output: id or en")
      ->check(CLI::IsMember({"id", "en"}));

  int within = 90;
  bool undated = false;
  auto* todo_cmd = app.add_subcommand(
      "todo", "The officer's to-do list: due recommendations, overdue first, with their dates");
  add_db(todo_cmd);
  todo_cmd->add_option("--region", region_id, "only the partnerships of this region");
  todo_cmd->add_option("--within", within, "due within this many days (default 90)")
      ->check(CLI::Range(0, 36500));
  todo_cmd->add_flag("--all", undated, "also the recommendations without a due day");
  todo_cmd->add_flag("--json", json, "print JSON");
  add_assess_options(todo_cmd);

  std::string country_a, country_b;
  auto* relations_cmd =
      app.add_subcommand("relations", "Diplomatic relations between two countries");
  relations_cmd->add_option("A", country_a, "ISO code or name, e.g. ID")->required();
  relations_cmd->add_option("B", country_b, "ISO code or name, e.g. TW")->required();
  relations_cmd->add_flag("--json", json, "print JSON");

  // Network analytics over the Wikipedia pairs and the stored partnerships.
  auto* network_cmd =
      app.add_subcommand("network", "Statistics, ego networks and exports of the twin-city graph");
  network_cmd->require_subcommand(1);
  std::string net_country, plot_file, ego_place, export_format;
  int depth = 2;
  size_t sources = 500;
  auto* net_stats = network_cmd->add_subcommand(
      "stats", "The panel: degrees, components, hubs, clustering, distances");
  add_db(net_stats);
  net_stats->add_option("--country", net_country,
                        "only this country's places and their ties (ISO code or name)");
  net_stats->add_flag("--json", json, "print JSON");
  net_stats->add_option("--plot", plot_file,
                        "draw the degree distribution to FILE (.svg or .png) and the distance "
                        "distribution to FILE-distance");
  net_stats->add_option("--sources", sources,
                        "betweenness/distance sample size on large graphs (default 500)");
  auto* net_ego = network_cmd->add_subcommand("ego", "A place's partners and partners of partners");
  add_db(net_ego);
  net_ego
      ->add_option("PLACE", ego_place,
                   "region id, node id (ID:surabaya) or name (\"Surabaya\", \"Surabaya, ID\")")
      ->required();
  net_ego->add_option("--depth", depth, "steps (default 2)")->check(CLI::Range(1, 6));
  net_ego->add_flag("--json", json, "print JSON");
  size_t show_unmatched = 20;
  auto* net_match = network_cmd->add_subcommand(
      "match", "How the network's places meet the gazetteer: match rate, unmatched names");
  add_db(net_match);
  net_match->add_option("--unmatched", show_unmatched,
                        "list this many unmatched places (default 20)");
  net_match->add_flag("--json", json, "print JSON");
  auto* net_import = network_cmd->add_subcommand(
      "import",
      "Store the worldwide network (Wikipedia pairs) beside your partnerships, marked by source");
  add_db(net_import);
  bool net_remove = false;
  net_import->add_flag("--remove", net_remove,
                       "remove what an earlier network import stored (your own records stay)");
  auto* net_export =
      network_cmd->add_subcommand("export", "Write the graph for Gephi, QGIS or a spreadsheet");
  add_db(net_export);
  net_export->add_option("--format", export_format, "gexf, graphml, geojson or csv")
      ->required()
      ->check(CLI::IsMember({"gexf", "graphml", "geojson", "csv"}));
  net_export
      ->add_option("-o,--output", out_file, "output file (csv: FILE-nodes.csv and FILE-edges.csv)")
      ->required();
  net_export->add_option("--country", net_country, "only this country's places and their ties");

  // Partner finder (issue 5).
  std::string find_region, needs_text, level_text, find_country;
  size_t top = 10;
  auto* find_cmd =
      app.add_subcommand("find-partners", "Rank candidate partners and explain every score");
  find_cmd->add_option("REGION", find_region, "region id or place name (Indonesian or English)")
      ->required();
  add_db(find_cmd);
  find_cmd->add_option("--needs", needs_text,
                       "fields the region needs, comma-separated (e.g. environment,education)");
  find_cmd->add_option("--level", level_text,
                       "only candidates of this level (city, province, ...)");
  find_cmd->add_option("--country", find_country,
                       "only candidates in this country (ISO code or name)");
  find_cmd->add_option("--top", top, "how many candidates (default 10)")
      ->check(CLI::Range(1, 1000));
  find_cmd->add_option("--policy", policy_file,
                       "weights file (default: the built-in config/policy.json)");
  find_cmd->add_flag("--json", json, "print JSON");

  // Every way the command line can be wrong is invalid input (exit 2), as the error
  // table says; --help and --version still exit 0.
  bool as_of_given = false;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : DescribeError(StatusCode::kInvalidInput).exit_code;
  }
  for (CLI::App* cmd : {assess_cmd, status_cmd, calendar_cmd, todo_cmd}) {
    if (cmd->parsed() && cmd->count("--as-of") > 0) as_of_given = true;
  }
  if (as_of_given && as_of_text.empty()) {
    return Fail(Status::InvalidInput(
        "--as-of: give a day as YYYY-MM-DD, or leave the option out for today"));
  }
  if (!plot_file.empty() && !plot_file.ends_with(".svg") && !plot_file.ends_with(".png")) {
    return Fail(Status::InvalidInput("--plot: '" + plot_file +
                                     "' must end in .svg or .png (the format of the chart)"));
  }
  // --db "" would silently use a temporary database.
  if (db.empty()) return Fail(Status::InvalidInput("--db: give the path of a database file"));

  if (relations_cmd->parsed()) {
    auto r = Kembar::Relations({country_a, country_b});
    if (!r.ok()) return Fail(r.status());
    std::fputs((json ? report::RelationsJson(*r) : report::RelationsText(*r)).c_str(), stdout);
    return 0;
  }

  // Options shared by the assessment commands.
  const assess::Lang lang = lang_text.empty() ? DefaultLang() : *assess::ParseLang(lang_text);
  AssessOptions assess_options;
  assess::Policy policy = assess::DefaultPolicy();
  if (!policy_file.empty()) {
    auto p = Kembar::LoadPolicy(policy_file);
    if (!p.ok()) return Fail(p.status());
    policy = *p;
  }
  assess_options.policy = &policy;
  assess_options.as_of = Today();
  if (!as_of_text.empty()) {
    auto d = ParseDay(as_of_text);
    if (!d.ok()) {
      return Fail(Status::InvalidInput("--as-of: '" + as_of_text +
                                       "' is not a day: write YYYY-MM-DD, e.g. 2023-12-31"));
    }
    assess_options.as_of = *d;
  }

  if (assess_cmd->parsed() && !assess_file.empty()) {
    AssessParams params;
    params.file = assess_file;
    params.options = assess_options;
    params.read.max_bytes = max_mb << 20;
    // --partnership and --region select from the file as they do from the database.
    if (!partnership_id.empty()) params.selection.partnership_id = partnership_id;
    if (!region_id.empty()) params.selection.region_id = region_id;
    auto r = Kembar::AssessFile(params);
    if (!r.ok()) {
      if (r.status().code() != StatusCode::kNotFound) {
        std::fprintf(stderr, "kembar: %s is not a valid dossier; nothing was assessed:\n",
                     assess_file.c_str());
      }
      return Fail(r.status());
    }
    const std::string text =
        json ? report::AssessmentJson(r->assessments, assess_options.as_of)
             : report::FormatAssessments(r->dossier, r->assessments, assess_options.as_of, lang);
    std::fputs(text.c_str(), stdout);
    return 0;
  }

  if (validate->parsed()) {
    io::ReadReport report;
    if (with_db) {
      auto k = OpenDb(db, max_mb);
      if (!k.ok()) return Fail(k.status());
      report = (*k)->Validate({file, /*standalone=*/false});
    } else {
      io::ReadOptions ro;
      ro.max_bytes = max_mb << 20;
      report = Kembar::ValidateStandalone(file, ro);
    }
    if (!report.ok()) return FailReport(file, report);
    std::printf("%s: valid dossier-v1 (%zu bytes)\n", file.c_str(), report.bytes);
    return 0;
  }

  // Only an import may create the database; reading a database that does not exist
  // says so and creates nothing (the compiled-in network works without one).
  const bool creates = import->parsed() || net_import->parsed();
  const bool db_existed = std::filesystem::exists(db);
  std::string open_path = db;
  if (!db_existed && !creates) {
    if (!network_cmd->parsed()) {
      return Fail(Status::NotFound("there is no database at '" + db +
                                   "': import a dossier first (kembar import FILE) or name one "
                                   "with --db PATH"));
    }
    open_path = ":memory:";
  }
  auto k = OpenDb(open_path, max_mb);
  if (!k.ok()) return Fail(k.status());
  Kembar& kb = **k;
  // A failed import into a new path leaves no empty database behind.
  auto discard_new_db = [&] {
    if (db_existed) return;
    k->reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  };
  store::Selection sel;
  if (!partnership_id.empty()) sel.partnership_id = partnership_id;
  // --region takes a name as well as an id ("Surabaya", "Kota Surabaya").
  if (!region_id.empty()) {
    auto id = kb.ResolveRegion(region_id);
    if (!id.ok()) return Fail(id.status());
    region_id = *id;
    sel.region_id = region_id;
  }

  if (import->parsed()) {
    const bool tty = isatty(STDERR_FILENO) && !quiet;
    ImportParams params;
    params.file = file;
    params.mode = merge     ? ImportMode::kMerge
                  : replace ? ImportMode::kReplace
                            : ImportMode::kRefuseDrops;
    params.actor = LocalOperator();
    params.progress = [&](size_t done, size_t total) {
      if (tty) std::fprintf(stderr, "\rimporting: %zu / %zu partnerships", done, total);
    };
    auto stats = kb.Import(params);
    if (tty) std::fprintf(stderr, "\n");
    if (!stats.ok()) {
      std::fprintf(stderr, "kembar: %s was not imported; the database is unchanged:\n",
                   file.c_str());
      const Status failed = stats.status();
      discard_new_db();
      return Fail(failed);
    }
    if (!quiet) {
      std::printf(
          "imported %s into %s: regions %zu new, %zu updated; partnerships %zu new, %zu "
          "updated; %zu events\n",
          file.c_str(), db.c_str(), stats->regions_added, stats->regions_updated,
          stats->partnerships_added, stats->partnerships_updated, stats->events);
    }
    return 0;
  }
  if (event_cmd->parsed()) {
    EventEdit edit;
    edit.partnership_id = rec_partnership;
    edit.event_id = rec_event;
    edit.actor = LocalOperator();
    edit.op = event_add->parsed()    ? EventEdit::Op::kAdd
              : event_edit->parsed() ? EventEdit::Op::kEdit
                                     : EventEdit::Op::kDelete;
    if (edit.op != EventEdit::Op::kDelete) {
      auto body = ReadJsonArg(event_json_file);
      if (!body.ok()) return Fail(body.status());
      edit.event_json = *body;
      edit.fields = ef.fields;
      edit.fields.sectors = SplitCommas(ef.sectors);
    }
    auto r = kb.EditEvent(edit);
    if (!r.ok()) {
      std::fprintf(stderr, "kembar: nothing was changed:\n");
      return Fail(r.status());
    }
    static constexpr const char* kDone[] = {"added", "changed", "deleted"};
    std::printf("%s event %s of %s\n", kDone[static_cast<int>(edit.op)], r->event_id.c_str(),
                r->record.c_str());
    for (const std::string& line : r->diff) std::printf("  %s\n", line.c_str());
    if (edit.op == EventEdit::Op::kEdit && r->diff.empty()) std::printf("  (no member changed)\n");
    return 0;
  }
  if (partnership_cmd->parsed() || region_cmd->parsed()) {
    DeleteParams params;
    params.kind =
        partnership_cmd->parsed() ? DeleteParams::Kind::kPartnership : DeleteParams::Kind::kRegion;
    params.id = delete_id;
    params.actor = LocalOperator();
    auto r = kb.Delete(params);
    if (!r.ok()) {
      std::fprintf(stderr, "kembar: nothing was deleted:\n");
      return Fail(r.status());
    }
    std::printf("deleted %s %s (the change log keeps its last version)\n",
                partnership_cmd->parsed() ? "partnership" : "region", delete_id.c_str());
    return 0;
  }
  if (history_cmd->parsed()) {
    if (verify) {
      if (Status v = kb.VerifyChangeLog(); !v.ok()) return Fail(v);
      std::printf("change log intact\n");
    }
    auto h = kb.History(history_id);
    if (!h.ok()) return Fail(h.status());
    if (json) {
      std::fputs(report::ChangeRecordsJson(*h).c_str(), stdout);
      return 0;
    }
    std::fputs(report::FormatChangeRecords(*h).c_str(), stdout);
    return 0;
  }
  if (exp->parsed()) {
    auto text = kb.ExportJson({sel, !compact});
    if (!text.ok()) return Fail(text.status());
    if (!WriteOut(out_file, *text)) return Fail(Status::IoError("cannot write '" + out_file + "'"));
    return 0;
  }
  if (list->parsed()) {
    auto rows = kb.List(sel);
    if (!rows.ok()) return Fail(rows.status());
    std::fputs(report::FormatPartnershipTable(*rows).c_str(), stdout);
    return 0;
  }
  if (find_cmd->parsed()) {
    FindOptions fo;
    fo.top = top;
    fo.country = find_country;
    fo.today = Today();
    fo.policy = &policy;
    if (!level_text.empty()) {
      fo.level = ParseVocab<Level>(level_text);
      if (!fo.level)
        return Fail(Status::InvalidInput("--level: unknown level '" + level_text + "'"));
    }
    for (const std::string& name : SplitCommas(needs_text)) {
      auto f = ParseVocab<Field>(name);
      if (!f) return Fail(Status::InvalidInput("--needs: unknown field '" + name + "'"));
      fo.needs.push_back(*f);
    }
    auto r = kb.FindPartners(find_region, fo);
    if (!r.ok()) return Fail(r.status());
    std::fputs((json ? report::CandidatesJson(r->region_id, r->places, r->candidates)
                     : report::CandidatesText(*r))
                   .c_str(),
               stdout);
    return 0;
  }
  if (net_import->parsed()) {
    const bool tty = isatty(STDERR_FILENO);
    NetworkImportParams params;
    params.remove = net_remove;
    params.actor = LocalOperator();
    params.progress = [&](size_t done, size_t total) {
      if (tty) std::fprintf(stderr, "\rstoring the worldwide network: %zu / %zu ties", done, total);
    };
    auto stats = kb.ImportWorldNetwork(params);
    if (tty && !net_remove) std::fprintf(stderr, "\n");
    if (!stats.ok()) return Fail(stats.status());
    if (net_remove) {
      std::printf("worldwide network removed from %s: %zu ties, %zu places\n", db.c_str(),
                  stats->partnerships_removed, stats->regions_removed);
      return 0;
    }
    std::printf(
        "worldwide network stored in %s: regions %zu new, %zu updated; partnerships %zu new, %zu "
        "updated\n",
        db.c_str(), stats->regions_added, stats->regions_updated, stats->partnerships_added,
        stats->partnerships_updated);
    return 0;
  }
  if (net_stats->parsed()) {
    NetworkStatsParams params;
    params.scope.country = net_country;
    params.sample_sources = sources;
    if (isatty(STDERR_FILENO)) std::fprintf(stderr, "computing the network panel...\n");
    auto r = kb.NetworkStats(params);
    if (!r.ok()) return Fail(r.status());
    const network::Stats& st = r->stats;
    std::fputs((json ? report::StatsToJson(st) : report::StatsToText(st)).c_str(), stdout);
    if (!plot_file.empty()) {
      const bool png = plot_file.ends_with(".png");
      const auto fmt = png ? report::ChartFormat::kPng : report::ChartFormat::kSvg;
      const size_t dot = plot_file.find_last_of('.');
      const std::string distance_file =
          dot == std::string::npos || dot < plot_file.find_last_of('/') + 1
              ? plot_file + "-distance"
              : plot_file.substr(0, dot) + "-distance" + plot_file.substr(dot);
      auto degree = report::DegreeChart(st, fmt);
      if (!degree.ok()) return Fail(degree.status());
      auto distance = report::DistanceChart(st, fmt);
      if (!distance.ok()) return Fail(distance.status());
      if (!WriteOut(plot_file, *degree) || !WriteOut(distance_file, *distance)) {
        return Fail(Status::IoError("cannot write the charts '" + plot_file + "'"));
      }
      std::fprintf(stderr, "charts: %s, %s\n", plot_file.c_str(), distance_file.c_str());
    }
    return 0;
  }
  if (net_ego->parsed()) {
    EgoParams params;
    params.place = ego_place;
    params.depth = depth;
    auto r = kb.NetworkEgo(params);
    if (!r.ok()) return Fail(r.status());
    std::fputs((json ? report::EgoToJson(*r->graph, r->ego) : report::EgoToText(*r->graph, r->ego))
                   .c_str(),
               stdout);
    return 0;
  }
  if (net_match->parsed()) {
    auto r = kb.NetworkMatchReport({});
    if (!r.ok()) return Fail(r.status());
    std::fputs(
        (json ? report::MatchJson(*r, show_unmatched) : report::MatchText(*r, show_unmatched))
            .c_str(),
        stdout);
    return 0;
  }
  if (net_export->parsed()) {
    NetworkExportParams params;
    params.scope.country = net_country;
    auto g = kb.NetworkGraph(params);
    if (!g.ok()) return Fail(g.status());
    bool ok = true;
    std::string written = out_file;
    if (export_format == "gexf") ok = WriteOut(out_file, report::ToGexf(*g));
    if (export_format == "graphml") ok = WriteOut(out_file, report::ToGraphMl(*g));
    if (export_format == "geojson") ok = WriteOut(out_file, report::ToGeoJson(*g));
    if (export_format == "csv") {
      const std::string base =
          out_file.ends_with(".csv") ? out_file.substr(0, out_file.size() - 4) : out_file;
      written = base + "-nodes.csv, " + base + "-edges.csv";
      ok = WriteOut(base + "-nodes.csv", report::NodesCsv(*g)) &&
           WriteOut(base + "-edges.csv", report::EdgesCsv(*g));
    }
    // Name the files actually written (a CSV export is two files).
    if (!ok) return Fail(Status::IoError("cannot write '" + written + "'"));
    std::fprintf(stderr, "%s: %zu places, %zu ties (%s)\n", written.c_str(), g->node_count(),
                 g->edge_count(), g->attribution().c_str());
    return 0;
  }
  if (search_cmd->parsed()) {
    SearchParams sp;
    sp.text = search_text;
    auto r = kb.Search(sp);
    if (!r.ok()) return Fail(r.status());
    std::fputs((json ? report::SearchJson(*r) : report::FormatSearch(*r, lang)).c_str(), stdout);
    return 0;
  }
  if (todo_cmd->parsed()) {
    TodoParams params;
    params.selection = sel;
    params.assess = assess_options;
    params.within_days = within;
    params.undated = undated;
    auto r = kb.Todo(params);
    if (!r.ok()) return Fail(r.status());
    std::fputs((json ? report::TodoJson(r->items, r->as_of, lang)
                     : report::FormatTodo(r->items, r->as_of, r->within_days, lang))
                   .c_str(),
               stdout);
    return 0;
  }
  if (calendar_cmd->parsed()) {
    CalendarParams params;
    params.selection = sel;
    params.assess = assess_options;
    params.months = months;
    auto r = kb.Calendar(params);
    if (!r.ok()) return Fail(r.status());
    const AssessReport& a = r->assessed;
    if (json) {
      std::fputs(report::CalendarJson(r->entries, a.assessments, r->as_of, r->months).c_str(),
                 stdout);
      return 0;
    }
    std::fputs(report::FormatCalendar(a.dossier, r->entries, r->as_of, r->months, lang).c_str(),
               stdout);
    std::fputs(report::FormatCalendarGaps(a.assessments, lang).c_str(), stdout);
    if (!ics_file.empty()) {
      if (!WriteOut(ics_file, report::CalendarIcs(a.dossier, r->entries, r->as_of, lang))) {
        return Fail(Status::IoError("cannot write '" + ics_file + "'"));
      }
      std::printf("%s: %zu %s\n", ics_file.c_str(), r->entries.size(),
                  lang == assess::Lang::kId ? "acara kalender" : "calendar events");
    }
    return 0;
  }
  if (assess_cmd->parsed() || status_cmd->parsed()) {
    AssessParams params;
    params.selection = sel;
    params.options = assess_options;
    auto r = kb.Assess(params);
    if (!r.ok()) return Fail(r.status());
    const Day as_of = assess_options.as_of;
    if (json) {
      std::fputs(report::AssessmentJson(r->assessments, as_of).c_str(), stdout);
    } else if (assess_cmd->parsed()) {
      std::fputs(report::FormatAssessments(r->dossier, r->assessments, as_of, lang).c_str(),
                 stdout);
    } else {
      const std::string text =
          by.empty() ? report::FormatStatus(r->dossier, r->assessments, as_of, lang)
                     : report::FormatStatusBy(
                           r->dossier, r->assessments,
                           by == "country" ? report::GroupBy::kCountry : report::GroupBy::kProvince,
                           as_of, lang);
      std::fputs(text.c_str(), stdout);
    }
    return 0;
  }
  if (show->parsed()) {
    sel.partnership_id = show_id;
    if (json) {
      auto text = kb.ExportJson({sel, true});
      if (!text.ok()) return Fail(text.status());
      std::fputs(text->c_str(), stdout);
      return 0;
    }
    auto d = kb.Export(sel);
    if (!d.ok()) return Fail(d.status());
    std::fputs(report::FormatPartnership(*d, d->partnerships.front(), lang).c_str(), stdout);
    return 0;
  }
  return 0;
}

}  // namespace kembar::cli
