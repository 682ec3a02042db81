#include "engine/assess.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

#include "kembar/geo/countries.h"
#include "kembar/geo/time_zones.h"

namespace kembar::engine {

AssessReport AssessLoaded(Dossier dossier, const AssessOptions& options) {
  geo::TimeZones zones;
  assess::Context ctx;
  if (options.policy) ctx.policy = options.policy;
  ctx.relations = &geo::Relations::Bundled();
  ctx.time_zones = &zones;
  AssessReport report;
  report.assessments = assess::AssessDossier(dossier, options.as_of, ctx);
  report.dossier = std::move(dossier);
  return report;
}

// The selected stored partnerships, assessed.
Result<AssessReport> AssessStored(const Engine& engine, const store::Selection& selection,
                                  const AssessOptions& options) {
  auto d = engine.store().Export(selection);
  if (!d.ok()) return d.status();
  return AssessLoaded(std::move(d).value(), options);
}

Result<AssessReport> AssessFile(const std::string& file, const AssessOptions& options,
                                const io::ReadOptions& read) {
  io::ReadOptions self_contained = read;
  self_contained.allow_external_refs = false;
  io::DossierReader reader(self_contained);
  Dossier dossier;
  io::ReadReport report = reader.ReadFile(file, &dossier);
  if (!report.ok()) return report.ToStatus();
  return AssessLoaded(std::move(dossier), options);
}

Result<AssessReport> Assess(const Engine* engine, const AssessParams& params) {
  const store::Selection& sel = params.selection;
  if (params.file.empty()) {
    if (!engine) {
      return Status::InvalidInput("give a dossier file or a database to assess",
                                  "berikan berkas dossier atau basis data yang akan dinilai");
    }
    return AssessStored(*engine, sel, params.options);
  }
  auto r = AssessFile(params.file, params.options, params.read);
  if (!r.ok()) return r;
  if (!sel.partnership_id && !sel.region_id) return r;
  // The selection applies to a file as it does to the store.
  auto selected = [&](const std::string& id, const std::string& home, const std::string& partner) {
    if (sel.partnership_id) return id == *sel.partnership_id;
    return home == *sel.region_id || partner == *sel.region_id;
  };
  std::erase_if(r->assessments, [&](const assess::PartnershipAssessment& a) {
    return !selected(a.id, a.home, a.partner);
  });
  const bool known =
      std::any_of(r->dossier.partnerships.begin(), r->dossier.partnerships.end(),
                  [&](const Partnership& p) { return selected(p.id, p.home, p.partner); });
  if (!known) {
    if (sel.partnership_id) {
      return Status::NotFound(
          "no partnership has the id '" + *sel.partnership_id + "' in " + params.file,
          "tidak ada kemitraan dengan id '" + *sel.partnership_id + "' di " + params.file);
    }
    return Status::NotFound(
        "no partnership of region '" + *sel.region_id + "' in " + params.file,
        "tidak ada kemitraan daerah '" + *sel.region_id + "' di " + params.file);
  }
  return r;
}

Result<CalendarReport> Calendar(const Engine& engine, const CalendarParams& params) {
  auto r = AssessStored(engine, params.selection, params.assess);
  if (!r.ok()) return r.status();
  CalendarReport out;
  out.as_of = params.assess.as_of;
  out.months = params.months;
  out.assessed = std::move(r).value();
  const assess::Policy& policy =
      params.assess.policy ? *params.assess.policy : assess::DefaultPolicy();
  out.entries = assess::UpcomingRenewals(out.assessed.assessments, out.as_of, out.months, policy);
  return out;
}

Result<TodoReport> Todo(const Engine& engine, const TodoParams& params) {
  auto r = AssessStored(engine, params.selection, params.assess);
  if (!r.ok()) return r.status();
  TodoReport out;
  out.as_of = params.assess.as_of;
  out.within_days = params.within_days;
  out.assessed = std::move(r).value();
  // Items point into out.assessed, which moves with its heap buffer intact.
  out.items =
      assess::DueActions(out.assessed.assessments, out.as_of, params.within_days, params.undated);
  return out;
}

Result<RelationsReport> Relations(const RelationsParams& params) {
  auto ia = geo::ResolveCountry(params.a);
  if (!ia.ok()) return ia.status();
  auto ib = geo::ResolveCountry(params.b);
  if (!ib.ok()) return ib.status();
  RelationsReport out;
  out.a_iso = *ia;
  out.b_iso = *ib;
  out.relation = geo::Relations::Bundled().Between(*ia, *ib);
  return out;
}

Result<assess::Policy> LoadPolicy(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return Status::IoError("cannot read the policy file '" + file + "'",
                           "tidak dapat membaca berkas kebijakan '" + file + "'");
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > (1u << 20)) {
    return Status::TooLarge("policy file '" + file + "' is over 1 MiB",
                            "berkas kebijakan '" + file + "' lebih dari 1 MiB");
  }
  auto p = assess::ParsePolicy(text.str());
  if (!p.ok()) {
    return Status::InvalidInput(file + ": " + p.status().message(),
                                file + ": " + p.status().message(Lang::kId));
  }
  return p;
}

}  // namespace kembar::engine
