#include "commands.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "kembar/io/dossier_writer.h"
#include "kembar/kembar.h"
#include "kembar/model/error_table.h"
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

}  // namespace

int Run(int argc, char** argv) {
  CLI::App app{"kembar: records, assessment and network of sister-city partnerships"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kembar 0.1.0");
  std::string db = DefaultDb();
  size_t max_mb = 512;
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

  std::string show_id;
  bool json = false;
  auto* show = app.add_subcommand("show", "Show one partnership and its timeline");
  show->add_option("ID", show_id, "partnership id")->required();
  add_db(show);
  show->add_flag("--json", json, "print the partnership as a dossier-v1 document");

  CLI11_PARSE(app, argc, argv);

  if (validate->parsed()) {
    io::ReadReport report;
    if (with_db) {
      auto k = OpenDb(db, max_mb);
      if (!k.ok()) return Fail(k.status());
      report = (*k)->Validate(file);
    } else {
      io::ReadOptions ro;
      ro.max_bytes = max_mb << 20;
      report = Kembar::ValidateStandalone(file, ro);
    }
    if (!report.ok()) return FailReport(file, report);
    std::printf("%s: valid dossier-v1 (%zu bytes)\n", file.c_str(), report.bytes);
    return 0;
  }

  auto k = OpenDb(db, max_mb);
  if (!k.ok()) return Fail(k.status());
  Kembar& kb = **k;
  store::Selection sel;
  if (!partnership_id.empty()) sel.partnership_id = partnership_id;
  if (!region_id.empty()) sel.region_id = region_id;

  if (import->parsed()) {
    const bool tty = isatty(STDERR_FILENO) && !quiet;
    auto progress = [&](size_t done, size_t total) {
      if (tty) std::fprintf(stderr, "\rimporting: %zu / %zu partnerships", done, total);
    };
    auto stats = kb.ImportFile(file, progress);
    if (tty) std::fprintf(stderr, "\n");
    if (!stats.ok()) {
      std::fprintf(stderr, "kembar: %s was not imported; the database is unchanged:\n",
                   file.c_str());
      return Fail(stats.status());
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
  if (exp->parsed()) {
    auto text = kb.ExportJson(sel, !compact);
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
  if (show->parsed()) {
    sel.partnership_id = show_id;
    if (json) {
      auto text = kb.ExportJson(sel, true);
      if (!text.ok()) return Fail(text.status());
      std::fputs(text->c_str(), stdout);
      return 0;
    }
    auto d = kb.Export(sel);
    if (!d.ok()) return Fail(d.status());
    std::fputs(report::FormatPartnership(*d, d->partnerships.front()).c_str(), stdout);
    return 0;
  }
  return 0;
}

}  // namespace kembar::cli
