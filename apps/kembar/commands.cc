#include "commands.h"

#include <pwd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>

#include "kembar/kembar.h"
#include "kembar/report/assessment_json.h"
#include "kembar/report/assessment_text.h"
#include "kembar/report/audit_text.h"
#include "kembar/report/charts.h"
#include "kembar/report/cli_text.h"
#include "kembar/report/finder_text.h"
#include "kembar/report/network_export.h"
#include "kembar/report/network_text.h"
#include "kembar/report/profile_text.h"
#include "kembar/report/reports.h"
#include "kembar/report/text.h"
#include "kembar/server/server.h"

namespace kembar::cli {

namespace {

// The database used when --db is not given: $KEMBAR_DB, else ./kembar.db.
std::string DefaultDb() {
  const char* env = std::getenv("KEMBAR_DB");
  return env && *env ? env : "kembar.db";
}

// The language of everything printed: --lang, else $KEMBAR_LANG, else Indonesian
// when $LANG says so, else English (report::CliLang); set once, first thing in Run.
Lang g_lang = Lang::kEn;

std::string Text(std::string_view key, report::CliArgs args = {}) {
  return report::CliText(key, g_lang, args);
}

// A line of the catalogue on standard error ("kembar: nothing was changed:").
void Say(std::string_view key, report::CliArgs args = {}) {
  std::fprintf(stderr, "%s\n", Text(key, args).c_str());
}

// An error the CLI finds itself, worded in both languages from the catalogue.
Status CliError(StatusCode code, std::string_view key, report::CliArgs args = {}) {
  return Status::FromCode(
      code, {report::CliText(key, Lang::kEn, args), report::CliText(key, Lang::kId, args)});
}

int Fail(const Status& s) {
  std::fprintf(stderr, "kembar: %s\n", s.message(g_lang).c_str());
  return DescribeError(s.code()).exit_code;
}

int FailReport(const std::string& file, const io::ReadReport& report) {
  Say("validate.invalid", {{"file", file}});
  for (const io::Diagnostic& d : report.errors) {
    std::fprintf(stderr, "  %s\n", d.ToString(g_lang).c_str());
  }
  if (report.truncated) std::fprintf(stderr, "  %s\n", Text("validate.more").c_str());
  return DescribeError(report.ToStatus().code()).exit_code;
}

// A count: grouped as Indonesian writes it ("12.343"); English output keeps its plain
// digits ("12343"), which scripts already read.
std::string Count(size_t n) {
  return g_lang == Lang::kId ? report::CliNumber(static_cast<double>(n), 0, g_lang)
                             : std::to_string(n);
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

void AddEventFlags(CLI::App* c, EventFlags* f, Lang lang) {
  EventFields* e = &f->fields;
  auto T = [lang](std::string_view key) { return std::string(report::CliText(key, lang)); };
  c->add_option("--type", e->type, T("event.type"));
  c->add_option("--date", e->date, T("event.date"));
  c->add_option("--title", e->title, T("event.title"));
  c->add_option("--description", e->description, T("event.description"));
  c->add_option("--field", e->field, T("event.field"));
  c->add_option("--from", e->from, T("event.from"));
  c->add_option("--to", e->to, T("event.to"));
  c->add_option("--side", e->side, T("event.side"));
  c->add_option("--provider", e->provider, T("event.provider"));
  c->add_option("--beneficiary", e->beneficiary, T("event.beneficiary"));
  c->add_option("--host", e->host, T("event.host"));
  c->add_option("--participants", e->participants, T("event.participants"));
  c->add_option("--sectors", f->sectors, T("event.sectors"));
  c->add_option("--source", e->source, T("event.source"));
}

// The --json file's text (or standard input's); empty when not given.
Result<std::string> ReadJsonArg(const std::string& json_file) {
  if (json_file.empty()) return std::string();
  if (json_file == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(json_file, std::ios::binary);
  if (!in) return CliError(StatusCode::kIoError, "err.cannot_read", {{"file", json_file}});
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
  // The language first (--lang before or after the command, else the environment),
  // so that help and every message come from the catalogue in it.
  std::string bad_lang;
  const Lang lang = report::CliLang(argc, argv, &bad_lang);
  g_lang = lang;
  auto T = [lang](std::string_view key) { return std::string(report::CliText(key, lang)); };
  if (!bad_lang.empty()) {
    return Fail(
        Status::InvalidInput(report::CliText("err.lang", Lang::kEn, {{"value", bad_lang}}),
                             report::CliText("err.lang", Lang::kId, {{"value", bad_lang}})));
  }
  const std::vector<std::string> args = report::WithoutLangOption(argc, argv);

  CLI::App app{T("app.description")};
  for (const char* label :
       {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals", "Options", "Subcommands",
        "REQUIRED", "TEXT", "INT", "UINT", "Excludes", "Needs"}) {
    app.get_formatter()->label(label, T(std::string("label.") + label));
  }
  // Set before the subcommands are added: they inherit the help flag's text.
  app.set_help_flag("-h,--help", T("app.help"));
  app.require_subcommand(1);
  app.set_version_flag("--version", "kembar 0.1.0", T("app.version"));
  // Read by CliLang above and removed from the arguments; declared for the help.
  std::string lang_option;
  app.add_option("--lang", lang_option, T("app.lang"))->check(CLI::IsMember({"id", "en"}));
  std::string db = DefaultDb();
  size_t max_mb = 512;
  bool json = false;
  auto add_db = [&](CLI::App* cmd) { cmd->add_option("--db", db, T("opt.db")); };

  std::string file;
  bool with_db = false;
  auto* validate = app.add_subcommand("validate", T("validate.help"));
  validate->add_option("FILE", file, T("opt.dossier_file"))->required();
  validate->add_option("--db", db, T("validate.db"))->each([&](const std::string&) {
    with_db = true;
  });
  validate->add_option("--max-mb", max_mb, T("opt.max_mb"));

  bool quiet = false;
  auto* import = app.add_subcommand("import", T("import.help"));
  import->add_option("FILE", file, T("opt.dossier_file"))->required();
  add_db(import);
  import->add_option("--max-mb", max_mb, T("opt.max_mb"));
  import->add_flag("-q,--quiet", quiet, T("import.quiet"));
  bool merge = false, replace = false;
  auto* merge_flag = import->add_flag("--merge", merge, T("import.merge"));
  import->add_flag("--replace", replace, T("import.replace"))->excludes(merge_flag);

  // Record keeping (issue 10): one event, partnership or region at a time.
  std::string rec_partnership, rec_event, event_json_file;
  EventFlags ef;
  auto* event_cmd = app.add_subcommand("event", T("event.help"));
  event_cmd->require_subcommand(1);
  auto* event_add = event_cmd->add_subcommand("add", T("event.add.help"));
  auto* event_edit = event_cmd->add_subcommand("edit", T("event.edit.help"));
  auto* event_delete = event_cmd->add_subcommand("delete", T("event.delete.help"));
  for (CLI::App* c : {event_add, event_edit, event_delete}) {
    c->add_option("PARTNERSHIP", rec_partnership, T("opt.partnership_id"))->required();
    if (c != event_add) c->add_option("EVENT_ID", rec_event, T("opt.event_id"))->required();
    add_db(c);
  }
  for (CLI::App* c : {event_add, event_edit}) {
    c->add_option("--json", event_json_file, T("event.json"));
    AddEventFlags(c, &ef, lang);
  }
  std::string delete_id, record_json_file;
  std::vector<std::string> record_sets;
  auto* partnership_cmd = app.add_subcommand("partnership", T("partnership.help"));
  partnership_cmd->require_subcommand(1);
  auto* partnership_add = partnership_cmd->add_subcommand("add", T("partnership.add.help"));
  auto* partnership_edit = partnership_cmd->add_subcommand("edit", T("partnership.edit.help"));
  auto* partnership_delete =
      partnership_cmd->add_subcommand("delete", T("partnership.delete.help"));
  partnership_edit->add_option("ID", delete_id, T("opt.partnership_id"))->required();
  partnership_delete->add_option("ID", delete_id, T("opt.partnership_id"))->required();
  auto* region_cmd = app.add_subcommand("region", T("region.help"));
  region_cmd->require_subcommand(1);
  auto* region_add = region_cmd->add_subcommand("add", T("region.add.help"));
  auto* region_edit = region_cmd->add_subcommand("edit", T("region.edit.help"));
  auto* region_delete = region_cmd->add_subcommand("delete", T("region.delete.help"));
  region_edit->add_option("ID", delete_id, T("opt.region_id"))->required();
  region_delete->add_option("ID", delete_id, T("opt.region_id"))->required();
  for (CLI::App* c : {partnership_add, partnership_edit, region_add, region_edit}) {
    c->add_option("--json", record_json_file, T("record.json"));
    c->add_option("--set", record_sets, T("record.set"));
  }
  for (CLI::App* c : {partnership_add, partnership_edit, partnership_delete, region_add,
                      region_edit, region_delete}) {
    add_db(c);
  }
  // kembar profile set|show|clear: what a region seeks and offers (docs/finder.md).
  std::string profile_region;
  ProfileEdit profile_edit;
  std::vector<std::pair<CLI::Option*, std::optional<std::string>*>> profile_options;
  auto* profile_cmd = app.add_subcommand("profile", T("profile.help"));
  profile_cmd->require_subcommand(1);
  auto* profile_set = profile_cmd->add_subcommand("set", T("profile.set.help"));
  auto* profile_show = profile_cmd->add_subcommand("show", T("profile.show.help"));
  auto* profile_clear = profile_cmd->add_subcommand("clear", T("profile.clear.help"));
  std::array<std::string, 9> profile_values;  // the options' text; given or not: profile_options
  {
    const std::pair<const char*, std::optional<std::string>*> kOptions[] = {
        {"seeks", &profile_edit.seeks},
        {"offers", &profile_edit.offers},
        {"levels", &profile_edit.levels},
        {"countries", &profile_edit.countries},
        {"contact", &profile_edit.contact},
        {"contact-office", &profile_edit.contact_office},
        {"contact-phone", &profile_edit.contact_phone},
        {"source", &profile_edit.source},
        {"updated", &profile_edit.updated}};
    for (size_t i = 0; i < std::size(kOptions); ++i) {
      std::string key = std::string("profile.") + kOptions[i].first;
      std::replace(key.begin(), key.end(), '-', '_');
      profile_options.emplace_back(
          profile_set->add_option(std::string("--") + kOptions[i].first, profile_values[i], T(key)),
          kOptions[i].second);
    }
  }
  profile_show->add_flag("--json", json, T("profile.json"));
  for (CLI::App* c : {profile_set, profile_show, profile_clear}) {
    c->add_option("REGION", profile_region, T("profile.region"))->required();
    add_db(c);
  }

  std::string history_id;
  bool verify = false;
  auto* history_cmd = app.add_subcommand("history", T("history.help"));
  history_cmd->add_option("ID", history_id, T("history.id"));
  history_cmd->add_flag("--verify", verify, T("history.verify"));
  history_cmd->add_flag("--json", json, T("history.json"));
  add_db(history_cmd);

  std::string partnership_id, region_id, out_file;
  bool compact = false;
  auto* exp = app.add_subcommand("export", T("export.help"));
  add_db(exp);
  exp->add_option("--partnership", partnership_id, T("opt.partnership"));
  exp->add_option("--region", region_id, T("opt.region"));
  exp->add_option("-o,--output", out_file, T("opt.output"));
  exp->add_flag("--compact", compact, T("export.compact"));

  auto* list = app.add_subcommand("list", T("list.help"));
  add_db(list);
  list->add_option("--region", region_id, T("opt.region"));

  std::string show_id;
  auto* show = app.add_subcommand("show", T("show.help"));
  show->add_option("ID", show_id, T("opt.partnership_id"))->required();
  add_db(show);
  show->add_flag("--json", json, T("show.json"));

  // Assessment and portfolio commands (docs/assessment-v2.md).
  std::string as_of_text, policy_file, by, ics_file;
  int months = 12;
  auto add_assess_options = [&](CLI::App* cmd) {
    cmd->add_option("--as-of", as_of_text, T("opt.as_of"));
    cmd->add_option("--policy", policy_file, T("opt.policy"));
  };
  std::string assess_file;
  auto* assess_cmd = app.add_subcommand("assess", T("assess.help"));
  assess_cmd->add_option("DOSSIER", assess_file, T("assess.dossier"));
  add_db(assess_cmd);
  assess_cmd->add_option("--region", region_id, T("opt.region"));
  assess_cmd->add_option("--partnership", partnership_id, T("opt.partnership"));
  assess_cmd->add_flag("--json", json, T("opt.assessment_json"));
  add_assess_options(assess_cmd);

  auto* status_cmd = app.add_subcommand("status", T("status.help"));
  add_db(status_cmd);
  status_cmd->add_option("--region", region_id, T("opt.region"));
  status_cmd->add_option("--by", by, T("status.by"))->check(CLI::IsMember({"province", "country"}));
  status_cmd->add_flag("--json", json, T("opt.assessment_json"));
  add_assess_options(status_cmd);

  auto* calendar_cmd = app.add_subcommand("calendar", T("calendar.help"));
  add_db(calendar_cmd);
  calendar_cmd->add_option("--region", region_id, T("opt.region"));
  calendar_cmd->add_option("--months", months, T("calendar.months"))->check(CLI::Range(1, 1200));
  calendar_cmd->add_option("--ics", ics_file, T("calendar.ics"));
  calendar_cmd->add_flag("--json", json, T("calendar.json"));
  add_assess_options(calendar_cmd);

  // Reports (issue 13): a document in HTML, Markdown, PDF or XLSX.
  std::string report_format = "pdf", report_out, report_id;
  auto* report_cmd = app.add_subcommand("report", T("report.help"));
  report_cmd->require_subcommand(1);
  auto* report_partnership =
      report_cmd->add_subcommand("partnership", T("report.partnership.help"));
  report_partnership->add_option("ID", report_id, T("opt.partnership_id"))->required();
  int report_year = 0;
  auto* report_region = report_cmd->add_subcommand("region", T("report.region.help"));
  report_region->add_option("ID", report_id, T("report.region.id"))->required();
  report_region->add_option("--year", report_year, T("report.year"))
      ->required()
      ->check(CLI::Range(1900, 2999));
  auto* report_national = report_cmd->add_subcommand("national", T("report.national.help"));
  report_national->add_option("--year", report_year, T("report.national.year"))
      ->check(CLI::Range(1900, 2999));
  for (CLI::App* c : {report_partnership, report_region, report_national}) {
    add_db(c);
    c->add_option("--format", report_format, T("report.format"))
        ->check(CLI::IsMember({"html", "pdf", "xlsx", "md"}));
    c->add_option("-o,--output", report_out, T("report.output"));
    add_assess_options(c);
  }

  std::string search_text;
  auto* search_cmd = app.add_subcommand("search", T("search.help"));
  search_cmd->add_option("TEXT", search_text, T("search.text"))->required();
  add_db(search_cmd);
  search_cmd->add_flag("--json", json, T("opt.json"));

  int within = 90;
  bool undated = false;
  auto* todo_cmd = app.add_subcommand("todo", T("todo.help"));
  add_db(todo_cmd);
  todo_cmd->add_option("--region", region_id, T("opt.region"));
  todo_cmd->add_option("--within", within, T("todo.within"))->check(CLI::Range(0, 36500));
  todo_cmd->add_flag("--all", undated, T("todo.all"));
  todo_cmd->add_flag("--json", json, T("opt.json"));
  add_assess_options(todo_cmd);

  std::string country_a, country_b;
  auto* relations_cmd = app.add_subcommand("relations", T("relations.help"));
  relations_cmd->add_option("A", country_a, T("relations.a"))->required();
  relations_cmd->add_option("B", country_b, T("relations.b"))->required();
  relations_cmd->add_flag("--json", json, T("opt.json"));

  // Network analytics over the Wikipedia pairs and the stored partnerships.
  auto* network_cmd = app.add_subcommand("network", T("network.help"));
  network_cmd->require_subcommand(1);
  std::string net_country, plot_file, ego_place, export_format;
  int depth = 2;
  size_t sources = 500;
  auto* net_stats = network_cmd->add_subcommand("stats", T("network.stats.help"));
  add_db(net_stats);
  net_stats->add_option("--country", net_country, T("network.country"));
  net_stats->add_flag("--json", json, T("opt.json"));
  net_stats->add_option("--plot", plot_file, T("network.plot"));
  net_stats->add_option("--sources", sources, T("network.sources"));
  auto* net_ego = network_cmd->add_subcommand("ego", T("network.ego.help"));
  add_db(net_ego);
  net_ego->add_option("PLACE", ego_place, T("network.ego.place"))->required();
  net_ego->add_option("--depth", depth, T("network.ego.depth"))->check(CLI::Range(1, 6));
  net_ego->add_flag("--json", json, T("opt.json"));
  size_t show_unmatched = 20;
  size_t show_guessed = 0;
  auto* net_match = network_cmd->add_subcommand("match", T("network.match.help"));
  add_db(net_match);
  net_match->add_option("--unmatched", show_unmatched, T("network.match.unmatched"));
  net_match->add_option("--guessed", show_guessed, T("network.match.guessed"));
  net_match->add_flag("--json", json, T("opt.json"));
  auto* net_import = network_cmd->add_subcommand("import", T("network.import.help"));
  add_db(net_import);
  bool net_remove = false;
  net_import->add_flag("--remove", net_remove, T("network.import.remove"));
  auto* net_export = network_cmd->add_subcommand("export", T("network.export.help"));
  add_db(net_export);
  net_export->add_option("--format", export_format, T("network.export.format"))
      ->required()
      ->check(CLI::IsMember({"gexf", "graphml", "geojson", "csv"}));
  net_export->add_option("-o,--output", out_file, T("network.export.output"))->required();
  net_export->add_option("--country", net_country, T("network.export.country"));

  // Partner finder (issue 5).
  std::string find_region, needs_text, level_text, find_country;
  size_t top = 10;
  auto* find_cmd = app.add_subcommand("find-partners", T("find.help"));
  find_cmd->add_option("REGION", find_region, T("find.region"))->required();
  add_db(find_cmd);
  find_cmd->add_option("--needs", needs_text, T("find.needs"));
  find_cmd->add_option("--level", level_text, T("find.level"));
  find_cmd->add_option("--country", find_country, T("find.country"));
  find_cmd->add_option("--top", top, T("find.top"))->check(CLI::Range(1, 1000));
  find_cmd->add_option("--policy", policy_file, T("find.policy"));
  find_cmd->add_flag("--json", json, T("opt.json"));

  // The finder measured on held-out real ties, and its weights fitted (issue 14).
  std::string holdout_file, ks_text = "10,100";
  size_t eval_sample = 0, fit_negatives = 20, fit_folds = 5;
  uint64_t finder_seed = 1;
  auto* finder_cmd = app.add_subcommand("finder", T("finder.help"));
  finder_cmd->require_subcommand(1);
  auto* finder_eval = finder_cmd->add_subcommand("evaluate", T("finder.evaluate.help"));
  add_db(finder_eval);
  auto* holdout_opt = finder_eval->add_option("--holdout", holdout_file, T("finder.holdout"));
  finder_eval->add_option("--sample", eval_sample, T("finder.sample"))
      ->check(CLI::Range(1, 100000))
      ->excludes(holdout_opt);
  finder_eval->add_option("--seed", finder_seed, T("finder.seed"));
  finder_eval->add_option("--k", ks_text, T("finder.k"));
  finder_eval->add_option("--policy", policy_file, T("find.policy"));
  finder_eval->add_flag("--json", json, T("opt.json"));
  auto* finder_fit = finder_cmd->add_subcommand("fit", T("finder.fit.help"));
  add_db(finder_fit);
  finder_fit->add_option("--negatives", fit_negatives, T("finder.negatives"))
      ->check(CLI::Range(2, 1000));
  finder_fit->add_option("--folds", fit_folds, T("finder.folds"))->check(CLI::Range(2, 20));
  finder_fit->add_option("--seed", finder_seed, T("finder.seed"));

  // kembar serve, user and token: thin front ends of src/server/ (docs/api.md).
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 0;
  auto* serve_cmd = app.add_subcommand("serve", "Serve the HTTP API (docs/api.md)");
  add_db(serve_cmd);
  serve_cmd->add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  serve_cmd->add_option("--threads", threads, "I/O and worker threads (default: the CPUs)");
  std::string tls_cert, tls_key;
  serve_cmd->add_option("--tls-cert", tls_cert, "HTTPS: the PEM certificate chain");
  serve_cmd->add_option("--tls-key", tls_key, "HTTPS: the PEM private key of --tls-cert");
  auto* user_cmd = app.add_subcommand("user", T("user.help"));
  user_cmd->require_subcommand(1);
  auto* user_add = user_cmd->add_subcommand("add", T("user.add.help"));
  std::string user_name, user_role;
  std::vector<std::string> user_regions;
  bool password_stdin = true;
  user_add->add_option("NAME", user_name, T("user.name"))->required();
  user_add->add_option("--role", user_role, T("user.role"))
      ->required()
      ->check(CLI::IsMember({"admin", "editor", "viewer"}));
  user_add->add_option("--region", user_regions, T("user.region"));
  user_add->add_flag("--password-stdin", password_stdin, T("user.password_stdin"));
  add_db(user_add);
  auto* user_list = user_cmd->add_subcommand("list", T("user.list.help"));
  add_db(user_list);
  auto* user_disable = user_cmd->add_subcommand("disable", T("user.disable.help"));
  auto* user_enable = user_cmd->add_subcommand("enable", T("user.enable.help"));
  auto* user_passwd = user_cmd->add_subcommand("passwd", T("user.passwd.help"));
  for (CLI::App* c : {user_disable, user_enable, user_passwd}) {
    c->add_option("NAME", user_name, T("user.name"))->required();
    add_db(c);
  }
  user_passwd->add_flag("--password-stdin", password_stdin, T("user.password_stdin"));

  // kembar token: API tokens for scripts.
  auto* token_cmd = app.add_subcommand("token", T("token.help"));
  token_cmd->require_subcommand(1);
  std::string token_label;
  int64_t token_id = 0;
  auto* token_create = token_cmd->add_subcommand("create", T("token.create.help"));
  token_create->add_option("NAME", user_name, T("token.user"))->required();
  token_create->add_option("--label", token_label, T("token.label"));
  auto* token_list = token_cmd->add_subcommand("list", T("token.list.help"));
  auto* token_revoke = token_cmd->add_subcommand("revoke", T("token.revoke.help"));
  token_revoke->add_option("ID", token_id, T("token.id"))->required();
  for (CLI::App* c : {token_create, token_list, token_revoke}) add_db(c);

  // kembar migrate: an office's SQLite file to the national PostgreSQL server, or back.
  std::string migrate_from, migrate_to;
  auto* migrate_cmd = app.add_subcommand("migrate", T("migrate.help"));
  migrate_cmd->add_option("--from", migrate_from, T("migrate.from"))->required();
  migrate_cmd->add_option("--to", migrate_to, T("migrate.to"))->required();

  // kembar audit: the change log, records' and accounts' entries.
  AuditParams audit_params;
  auto* audit_cmd = app.add_subcommand("audit", T("audit.help"));
  audit_cmd->add_option("--user", audit_params.user, T("audit.user"));
  audit_cmd->add_option("--region", audit_params.region, T("audit.region"));
  audit_cmd->add_option("--from", audit_params.from, T("audit.from"));
  audit_cmd->add_option("--to", audit_params.to, T("audit.to"));
  audit_cmd->add_option("--action", audit_params.action, T("audit.action"));
  audit_cmd->add_option("--limit", audit_params.limit, T("audit.limit"))
      ->check(CLI::Range(size_t{1}, kMaxAuditLimit));
  audit_cmd->add_flag("--json", json, T("audit.json"));
  add_db(audit_cmd);
  auto* audit_verify = audit_cmd->add_subcommand("verify", T("audit.verify.help"));
  add_db(audit_verify);

  // The help screen's group headings are group names, not labels: name them in the
  // language, in every command.
  std::function<void(CLI::App*)> name_groups = [&](CLI::App* a) {
    for (CLI::Option* o : a->get_options()) {
      if (o->get_group() == "Options") o->group(T("label.Options"));
    }
    for (CLI::App* sub : a->get_subcommands({})) {
      sub->group(T("label.Subcommands"));
      name_groups(sub);
    }
  };
  name_groups(&app);

  // Every way the command line can be wrong is invalid input (exit 2), as the error
  // table says; --help and --version still exit 0.
  bool as_of_given = false;
  try {
    std::vector<const char*> cargs;
    for (const std::string& a : args) cargs.push_back(a.c_str());
    app.parse(static_cast<int>(cargs.size()), cargs.data());
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::fprintf(stderr, "%s\n%s\n", report::CliParseError(e.what(), lang).c_str(),
                 T("cli.run_help").c_str());
    return DescribeError(StatusCode::kInvalidInput).exit_code;
  }
  for (CLI::App* cmd : {assess_cmd, status_cmd, calendar_cmd, todo_cmd}) {
    if (cmd->parsed() && cmd->count("--as-of") > 0) as_of_given = true;
  }
  if (as_of_given && as_of_text.empty()) {
    return Fail(CliError(StatusCode::kInvalidInput, "err.as_of_empty"));
  }
  if (!plot_file.empty() && !plot_file.ends_with(".svg") && !plot_file.ends_with(".png")) {
    return Fail(CliError(StatusCode::kInvalidInput, "err.plot_format", {{"file", plot_file}}));
  }
  // --db "" would silently use a temporary database.
  if (db.empty()) return Fail(CliError(StatusCode::kInvalidInput, "err.db_empty"));

  if (relations_cmd->parsed()) {
    auto r = Kembar::Relations({country_a, country_b});
    if (!r.ok()) return Fail(r.status());
    std::fputs((json ? report::RelationsJson(*r) : report::RelationsText(*r, lang)).c_str(),
               stdout);
    return 0;
  }

  // Options shared by the assessment commands.
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
      return Fail(CliError(StatusCode::kInvalidInput, "err.as_of_bad", {{"value", as_of_text}}));
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
        Say("assess.invalid", {{"file", assess_file}});
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
    std::printf("%s\n",
                Text("validate.ok", {{"file", file}, {"bytes", Count(report.bytes)}}).c_str());
    return 0;
  }

  if (serve_cmd->parsed()) return server::RunServe({db, listen, threads, tls_cert, tls_key, lang});
  if (migrate_cmd->parsed()) {
    auto r = server::MigrateDatabase(migrate_from, migrate_to);
    if (!r.ok()) return Fail(r.status());
    for (const auto& [table, rows] : r->tables) {
      std::printf("%s\n", Text("migrate.table",
                               {{"table", table}, {"rows", Count(static_cast<size_t>(rows))}})
                              .c_str());
    }
    std::printf(
        "%s\n",
        Text("migrate.done", {{"entries", Count(static_cast<size_t>(r->change_log))}}).c_str());
    return 0;
  }
  if (user_list->parsed()) {
    auto users = server::UserInfos(db);
    if (!users.ok()) return Fail(users.status());
    if (users->empty()) std::printf("%s\n", Text("user.list.none").c_str());
    for (const server::UserInfo& u : *users) {
      std::string line = u.name + " " + u.role;
      for (size_t i = 0; i < u.regions.size(); ++i) line += (i ? "," : " ") + u.regions[i];
      if (u.disabled) line += " " + Text("user.list.disabled");
      std::printf("%s\n", line.c_str());
    }
    return 0;
  }
  if (user_add->parsed() || user_passwd->parsed()) {
    auto password = server::ReadPassword(Text("user.prompt", {{"name", user_name}}));
    if (!password.ok()) return Fail(password.status());
    if (user_passwd->parsed()) {
      if (Status s = server::SetUserPassword(db, user_name, *password); !s.ok()) return Fail(s);
      std::printf("%s\n", Text("user.passwd_done", {{"name", user_name}}).c_str());
      return 0;
    }
    if (Status s = server::CreateUser(db, user_name, user_role, user_regions, *password); !s.ok()) {
      return Fail(s);
    }
    std::printf("%s\n",
                Text("user.added", {{"role", user_role}, {"name", user_name}, {"db", db}}).c_str());
    return 0;
  }
  if (user_disable->parsed() || user_enable->parsed()) {
    const bool disable = user_disable->parsed();
    if (Status s = server::SetUserDisabled(db, user_name, disable); !s.ok()) return Fail(s);
    std::printf("%s\n",
                Text(disable ? "user.disabled" : "user.enabled", {{"name", user_name}}).c_str());
    return 0;
  }
  if (token_create->parsed()) {
    auto t = server::CreateApiToken(db, user_name, token_label);
    if (!t.ok()) return Fail(t.status());
    std::fprintf(
        stderr, "%s\n",
        Text("token.created", {{"id", std::to_string(t->first.id)}, {"name", user_name}}).c_str());
    std::printf("%s\n", t->second.c_str());
    return 0;
  }
  if (token_list->parsed()) {
    auto tokens = server::ApiTokens(db);
    if (!tokens.ok()) return Fail(tokens.status());
    if (tokens->empty()) std::printf("%s\n", Text("token.list.none").c_str());
    for (const server::TokenInfo& t : *tokens) {
      std::printf("%lld %s %s %s\n", static_cast<long long>(t.id), t.user.c_str(),
                  t.created_at.c_str(), t.label.c_str());
    }
    return 0;
  }
  if (token_revoke->parsed()) {
    if (Status s = server::RevokeApiToken(db, token_id); !s.ok()) return Fail(s);
    std::printf("%s\n", Text("token.revoked", {{"id", std::to_string(token_id)}}).c_str());
    return 0;
  }
  if (audit_cmd->parsed()) {
    for (const auto& [option, value] :
         {std::pair<const char*, const std::string*>{"--from", &audit_params.from},
          {"--to", &audit_params.to}}) {
      if (!value->empty() && !ParseDay(*value).ok()) {
        return Fail(CliError(StatusCode::kInvalidInput, "err.bad_day",
                             {{"option", option}, {"value", *value}}));
      }
    }
  }

  // Only an import may create the database; reading a database that does not exist
  // says so and creates nothing (the compiled-in network works without one).
  const bool creates = import->parsed() || net_import->parsed();
  const bool db_existed = Kembar::IsServerDatabase(db) || std::filesystem::exists(db);
  std::string open_path = db;
  if (!db_existed && !creates) {
    if (!network_cmd->parsed() && !finder_cmd->parsed()) {
      return Fail(CliError(StatusCode::kNotFound, "err.no_database", {{"db", db}}));
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
      if (tty) {
        std::fprintf(
            stderr, "\r%s",
            Text("import.progress", {{"done", Count(done)}, {"total", Count(total)}}).c_str());
      }
    };
    auto stats = kb.Import(params);
    if (tty) std::fprintf(stderr, "\n");
    if (!stats.ok()) {
      Say("import.failed", {{"file", file}});
      const Status failed = stats.status();
      discard_new_db();
      return Fail(failed);
    }
    if (!quiet) {
      std::printf("%s\n",
                  Text("import.done", {{"file", file},
                                       {"db", db},
                                       {"regions_new", Count(stats->regions_added)},
                                       {"regions_updated", Count(stats->regions_updated)},
                                       {"partnerships_new", Count(stats->partnerships_added)},
                                       {"partnerships_updated", Count(stats->partnerships_updated)},
                                       {"events", Count(stats->events)}})
                      .c_str());
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
      Say("event.nothing_changed");
      return Fail(r.status());
    }
    static constexpr std::string_view kDone[] = {"event.added", "event.changed", "event.deleted"};
    std::printf("%s\n", Text(kDone[static_cast<int>(edit.op)],
                             {{"event", r->event_id}, {"partnership", r->record}})
                            .c_str());
    for (const std::string& line : r->diff) std::printf("  %s\n", line.c_str());
    if (edit.op == EventEdit::Op::kEdit && r->diff.empty())
      std::printf("  %s\n", Text("event.no_member_changed").c_str());
    return 0;
  }
  if (partnership_add->parsed() || partnership_edit->parsed() || region_add->parsed() ||
      region_edit->parsed()) {
    RecordEdit edit;
    edit.kind =
        partnership_cmd->parsed() ? RecordEdit::Kind::kPartnership : RecordEdit::Kind::kRegion;
    edit.op = partnership_add->parsed() || region_add->parsed() ? RecordEdit::Op::kAdd
                                                                : RecordEdit::Op::kEdit;
    edit.id = delete_id;
    edit.actor = LocalOperator();
    auto body = ReadJsonArg(record_json_file);
    if (!body.ok()) return Fail(body.status());
    edit.json = *body;
    for (const std::string& set : record_sets) {
      const size_t eq = set.find('=');
      if (eq == std::string::npos || eq == 0) {
        return Fail(CliError(StatusCode::kInvalidInput, "record.bad_set", {{"arg", set}}));
      }
      edit.members.emplace_back(set.substr(0, eq), set.substr(eq + 1));
    }
    auto r = kb.EditRecord(edit);
    if (!r.ok()) {
      Say("record.nothing_changed");
      return Fail(r.status());
    }
    const bool adding = edit.op == RecordEdit::Op::kAdd;
    const char* done = partnership_cmd->parsed()
                           ? (adding ? "record.partnership_added" : "record.partnership_changed")
                           : (adding ? "record.region_added" : "record.region_changed");
    std::printf("%s\n", Text(done, {{"id", r->record}}).c_str());
    for (const std::string& line : r->diff) std::printf("  %s\n", line.c_str());
    if (!adding && r->diff.empty()) std::printf("  %s\n", Text("event.no_member_changed").c_str());
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
      Say("delete.nothing_deleted");
      return Fail(r.status());
    }
    std::printf("%s\n",
                Text(partnership_cmd->parsed() ? "delete.partnership_done" : "delete.region_done",
                     {{"id", delete_id}})
                    .c_str());
    return 0;
  }
  if (audit_verify->parsed()) {
    if (Status v = kb.VerifyChangeLog(); !v.ok()) return Fail(v);
    AuditParams all;
    all.limit = 1;
    auto r = kb.Audit(all);
    if (!r.ok()) return Fail(r.status());
    std::printf("%s\n", Text("audit.verify.ok", {{"count", Count(r->total)}}).c_str());
    return 0;
  }
  if (audit_cmd->parsed()) {
    auto r = kb.Audit(audit_params);
    if (!r.ok()) return Fail(r.status());
    std::fputs((json ? report::AuditJson(*r) : report::FormatAuditTable(*r, g_lang)).c_str(),
               stdout);
    return 0;
  }
  if (history_cmd->parsed()) {
    if (verify) {
      if (Status v = kb.VerifyChangeLog(); !v.ok()) return Fail(v);
      std::printf("%s\n", Text("history.intact").c_str());
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
    if (!WriteOut(out_file, *text)) {
      return Fail(CliError(StatusCode::kIoError, "err.cannot_write", {{"file", out_file}}));
    }
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
        return Fail(
            CliError(StatusCode::kInvalidInput, "find.unknown_level", {{"value", level_text}}));
    }
    for (const std::string& name : SplitCommas(needs_text)) {
      auto f = ParseVocab<Field>(name);
      if (!f)
        return Fail(CliError(StatusCode::kInvalidInput, "find.unknown_field", {{"value", name}}));
      fo.needs.push_back(*f);
    }
    auto r = kb.FindPartners(find_region, fo);
    if (!r.ok()) return Fail(r.status());
    std::fputs(
        (json ? report::CandidatesJson(r->region_id, r->places, r->candidates, r->needs_unscored)
              : report::CandidatesText(*r, g_lang))
            .c_str(),
        stdout);
    return 0;
  }
  if (finder_eval->parsed()) {
    FinderEvalParams params;
    params.sample = eval_sample;
    params.seed = finder_seed;
    params.policy = &policy;
    params.ks.clear();
    for (const std::string& k : SplitCommas(ks_text)) {
      char* end = nullptr;
      const unsigned long v = std::strtoul(k.c_str(), &end, 10);
      if (k.empty() || *end != '\0' || v == 0 || v > 1000000) {
        return Fail(CliError(StatusCode::kInvalidInput, "finder.bad_k", {{"value", k}}));
      }
      params.ks.push_back(v);
    }
    if (params.ks.empty()) {
      return Fail(CliError(StatusCode::kInvalidInput, "finder.bad_k", {{"value", ks_text}}));
    }
    if (!holdout_file.empty()) {
      std::ifstream in(holdout_file, std::ios::binary);
      if (!in)
        return Fail(CliError(StatusCode::kIoError, "err.cannot_read", {{"file", holdout_file}}));
      params.holdout_csv.assign(std::istreambuf_iterator<char>(in), {});
      params.holdout_file = holdout_file;
    }
    // Progress on standard error: a run over 1,000 ties takes a while.
    params.progress = [&](size_t done, size_t total) {
      if (done % 25 == 0 || done == total) {
        std::fprintf(
            stderr, "\r%s",
            Text("finder.progress", {{"done", Count(done)}, {"total", Count(total)}}).c_str());
        if (done == total) std::fprintf(stderr, "\n");
      }
    };
    auto r = kb.EvaluateFinder(params);
    if (!r.ok()) return Fail(r.status());
    std::fputs((json ? report::FinderEvalJson(*r) : report::FinderEvalText(*r, g_lang)).c_str(),
               stdout);
    return 0;
  }
  if (finder_fit->parsed()) {
    FinderFitParams params;
    params.negatives = fit_negatives;
    params.folds = fit_folds;
    params.seed = finder_seed;
    params.progress = [&](size_t done, size_t total) {
      std::fprintf(
          stderr, "\r%s",
          Text("finder.fit.progress", {{"done", Count(done)}, {"total", Count(total)}}).c_str());
      if (done == total) std::fprintf(stderr, "\n");
    };
    auto r = kb.FitFinder(params);
    if (!r.ok()) return Fail(r.status());
    std::fputs(report::FinderFitJson(*r).c_str(), stdout);
    return 0;
  }
  if (net_import->parsed()) {
    const bool tty = isatty(STDERR_FILENO);
    NetworkImportParams params;
    params.remove = net_remove;
    params.actor = LocalOperator();
    params.progress = [&](size_t done, size_t total) {
      if (tty) {
        std::fprintf(
            stderr, "\r%s",
            Text("network.import.progress", {{"done", Count(done)}, {"total", Count(total)}})
                .c_str());
      }
    };
    auto stats = kb.ImportWorldNetwork(params);
    if (tty && !net_remove) std::fprintf(stderr, "\n");
    if (!stats.ok()) return Fail(stats.status());
    if (net_remove) {
      std::printf("%s\n",
                  Text("network.import.removed", {{"db", db},
                                                  {"ties", Count(stats->partnerships_removed)},
                                                  {"places", Count(stats->regions_removed)}})
                      .c_str());
      return 0;
    }
    std::printf("%s\n", Text("network.import.done",
                             {{"db", db},
                              {"regions_new", Count(stats->regions_added)},
                              {"regions_updated", Count(stats->regions_updated)},
                              {"partnerships_new", Count(stats->partnerships_added)},
                              {"partnerships_updated", Count(stats->partnerships_updated)}})
                            .c_str());
    return 0;
  }
  if (net_stats->parsed()) {
    NetworkStatsParams params;
    params.scope.country = net_country;
    params.sample_sources = sources;
    if (isatty(STDERR_FILENO)) Say("network.computing");
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
        return Fail(CliError(StatusCode::kIoError, "network.charts_failed", {{"file", plot_file}}));
      }
      Say("network.charts", {{"degree", plot_file}, {"distance", distance_file}});
    }
    return 0;
  }
  if (net_ego->parsed()) {
    EgoParams params;
    params.place = ego_place;
    params.depth = depth;
    auto r = kb.NetworkEgo(params);
    if (!r.ok()) return Fail(r.status());
    std::fputs(
        (json ? report::EgoToJson(*r->graph, r->ego) : report::EgoToText(*r->graph, r->ego, lang))
            .c_str(),
        stdout);
    return 0;
  }
  if (net_match->parsed()) {
    auto r = kb.NetworkMatchReport({});
    if (!r.ok()) return Fail(r.status());
    std::fputs((json ? report::MatchJson(*r, show_unmatched, show_guessed)
                     : report::MatchText(*r, show_unmatched, lang, show_guessed))
                   .c_str(),
               stdout);
    return 0;
  }
  if (net_export->parsed()) {
    NetworkExportParams params;
    params.scope.country = net_country;
    auto graph = kb.NetworkGraph(params);
    if (!graph.ok()) return Fail(graph.status());
    const network::Graph& g = **graph;
    bool ok = true;
    std::string written = out_file;
    if (export_format == "gexf") ok = WriteOut(out_file, report::ToGexf(g));
    if (export_format == "graphml") ok = WriteOut(out_file, report::ToGraphMl(g));
    if (export_format == "geojson") ok = WriteOut(out_file, report::ToGeoJson(g));
    if (export_format == "csv") {
      const std::string base =
          out_file.ends_with(".csv") ? out_file.substr(0, out_file.size() - 4) : out_file;
      written = base + "-nodes.csv, " + base + "-edges.csv";
      ok = WriteOut(base + "-nodes.csv", report::NodesCsv(g)) &&
           WriteOut(base + "-edges.csv", report::EdgesCsv(g));
    }
    // Name the files actually written (a CSV export is two files).
    if (!ok) return Fail(CliError(StatusCode::kIoError, "err.cannot_write", {{"file", written}}));
    Say("network.export.done", {{"files", written},
                                {"places", Count(g.node_count())},
                                {"ties", Count(g.edge_count())},
                                {"attribution", g.attribution()}});
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
        return Fail(CliError(StatusCode::kIoError, "err.cannot_write", {{"file", ics_file}}));
      }
      std::printf("%s\n", Text("calendar.ics_done",
                               {{"file", ics_file}, {"count", Count(r->entries.size())}})
                              .c_str());
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
    const report::GroupBy group_by =
        by == "country" ? report::GroupBy::kCountry : report::GroupBy::kProvince;
    if (json && status_cmd->parsed() && !by.empty()) {
      // The national picture, as GET /api/status answers it.
      std::fputs(report::StatusByJson(r->dossier, r->assessments, group_by, as_of, lang).c_str(),
                 stdout);
    } else if (json) {
      std::fputs(report::AssessmentJson(r->assessments, as_of).c_str(), stdout);
    } else if (assess_cmd->parsed()) {
      std::fputs(report::FormatAssessments(r->dossier, r->assessments, as_of, lang).c_str(),
                 stdout);
    } else {
      const std::string text =
          by.empty() ? report::FormatStatus(r->dossier, r->assessments, as_of, lang)
                     : report::FormatStatusBy(r->dossier, r->assessments, group_by, as_of, lang);
      std::fputs(text.c_str(), stdout);
    }
    return 0;
  }
  if (report_partnership->parsed() || report_region->parsed() || report_national->parsed()) {
    AssessParams params;
    params.options = assess_options;
    // An annual report speaks for the year's last day (or today while it runs),
    // unless --as-of says otherwise.
    if (report_year != 0 && as_of_text.empty())
      params.options.as_of = report::ReportDay(report_year, Today());
    if (report_partnership->parsed()) params.selection.partnership_id = report_id;
    if (report_region->parsed()) {
      auto id = kb.ResolveRegion(report_id);
      if (!id.ok()) return Fail(id.status());
      report_id = *id;
      params.selection.region_id = report_id;
    }
    auto r = kb.Assess(params);
    if (!r.ok()) return Fail(r.status());
    const report::ReportContext context{params.options.as_of, Today(), lang};
    report::Document doc;
    if (report_partnership->parsed()) {
      if (r->assessments.empty()) {
        return Fail(CliError(StatusCode::kNotFound, "report.not_yet", {{"id", report_id}}));
      }
      doc = report::PartnershipReport(r->dossier, r->assessments.front(), context);
    } else if (report_region->parsed()) {
      doc = report::RegionReport(r->dossier, r->assessments, report_id, report_year, context);
    } else {
      doc = report::NationalReport(r->dossier, r->assessments, context);
    }
    const report::ReportFormat format = *report::ParseReportFormat(report_format);
    auto bytes = report::Render(doc, format);
    if (!bytes.ok()) return Fail(bytes.status());
    // A binary format goes to a file named after the report unless -o says otherwise.
    if (report_out.empty()) {
      report_out = doc.file_stem + "." + std::string(report::Extension(format));
    }
    if (!WriteOut(report_out, *bytes)) {
      return Fail(CliError(StatusCode::kIoError, "err.cannot_write", {{"file", report_out}}));
    }
    if (report_out != "-") {
      std::fprintf(
          stderr, "%s\n",
          Text("report.done", {{"file", report_out}, {"size", Count(bytes->size())}}).c_str());
    }
    return 0;
  }
  if (profile_show->parsed()) {
    auto r = kb.Profile(profile_region);
    if (!r.ok()) return Fail(r.status());
    std::fputs((json ? report::ProfileJson(*r) : report::ProfileText(*r, g_lang)).c_str(), stdout);
    return 0;
  }
  if (profile_set->parsed() || profile_clear->parsed()) {
    profile_edit.op = profile_set->parsed() ? ProfileEdit::Op::kSet : ProfileEdit::Op::kClear;
    profile_edit.region = profile_region;
    profile_edit.actor = LocalOperator();
    for (size_t i = 0; i < profile_options.size(); ++i) {
      if (profile_options[i].first->count() > 0) *profile_options[i].second = profile_values[i];
    }
    auto r = kb.EditProfile(profile_edit);
    if (!r.ok()) {
      Say("record.nothing_changed");
      return Fail(r.status());
    }
    std::printf("%s\n", Text(profile_set->parsed() ? "profile.set_done" : "profile.cleared",
                             {{"id", r->record}})
                            .c_str());
    for (const std::string& line : r->diff) std::printf("  %s\n", line.c_str());
    if (r->diff.empty()) std::printf("  %s\n", Text("event.no_member_changed").c_str());
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
