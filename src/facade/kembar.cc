// The facade only forwards: every method is one use case of the engine.
#include "kembar/kembar.h"

#include <utility>

#include "engine/assess.h"
#include "engine/audit.h"
#include "engine/documents.h"
#include "engine/engine.h"
#include "engine/finder.h"
#include "engine/network.h"
#include "engine/profile.h"
#include "engine/records.h"
#include "engine/search.h"
#include "kembar/store/pg_store.h"

namespace kembar {

Kembar::Kembar(std::unique_ptr<engine::Engine> engine) : engine_(std::move(engine)) {}
Kembar::~Kembar() = default;

Result<std::unique_ptr<Kembar>> Kembar::Open(const KembarOptions& options) {
  auto store = store::OpenStore(options.db_path);
  if (!store.ok()) return store.status();
  return Create(std::move(store).value(), options);
}

bool Kembar::IsServerDatabase(const std::string& db_path) {
  return store::IsPostgresLocation(db_path);
}

std::unique_ptr<Kembar> Kembar::Create(std::unique_ptr<store::Store> store,
                                       const KembarOptions& options) {
  return std::unique_ptr<Kembar>(
      new Kembar(std::make_unique<engine::Engine>(std::move(store), options.read)));
}

io::ReadReport Kembar::ValidateStandalone(const std::string& file, const io::ReadOptions& options) {
  return engine::ValidateStandalone(file, options);
}

Result<AssessReport> Kembar::AssessFile(const std::string& file, const AssessOptions& options,
                                        const io::ReadOptions& read) {
  return engine::AssessFile(file, options, read);
}

Result<AssessReport> Kembar::AssessFile(const AssessParams& params) {
  return engine::Assess(nullptr, params);
}

Result<assess::Policy> Kembar::LoadPolicy(const std::string& file) {
  return engine::LoadPolicy(file);
}

Result<RelationsReport> Kembar::Relations(const RelationsParams& params) {
  return engine::Relations(params);
}

io::ReadReport Kembar::Validate(const ValidateParams& params) const {
  return engine::Validate(*engine_, params);
}

Result<store::ImportStats> Kembar::Import(const ImportParams& params) const {
  return engine::Import(engine_->store(), engine_->read_options(), params);
}

Result<store::ImportStats> Kembar::ImportFile(const std::string& file,
                                              const store::ProgressFn& progress) const {
  ImportParams params;
  params.file = file;
  params.mode = ImportMode::kReplace;
  params.progress = progress;
  params.actor.name = "local";
  params.actor.local_operator = true;
  return Import(params);
}

Result<EditResult> Kembar::EditEvent(const EventEdit& edit) const {
  return engine::EditEvent(engine_->store(), engine_->read_options(), edit);
}

Result<EditResult> Kembar::EditRecord(const RecordEdit& edit) const {
  return engine::EditRecord(engine_->store(), engine_->read_options(), edit);
}

Result<EditResult> Kembar::EditProfile(const ProfileEdit& edit) const {
  return engine::EditProfile(engine_->store(), engine_->read_options(), edit);
}

Result<ProfileReport> Kembar::Profile(const std::string& region) const {
  return engine::GetProfile(engine_->store(), region);
}

Result<EditResult> Kembar::Delete(const DeleteParams& params) const {
  return engine::DeleteRecord(engine_->store(), params);
}

Result<PartnershipRecord> Kembar::GetPartnership(const std::string& id) const {
  return engine::GetPartnership(engine_->store(), id);
}

Result<Dossier> Kembar::Export(const store::Selection& selection) const {
  return engine_->store().Export(selection);
}

Result<std::string> Kembar::ExportJson(const ExportParams& params) const {
  return engine::ExportJson(*engine_, params);
}

Result<std::vector<store::PartnershipSummary>> Kembar::List(
    const store::Selection& selection) const {
  return engine_->store().List(selection);
}

Result<store::Store::Counts> Kembar::Count() const { return engine_->store().Count(); }

Result<SearchResult> Kembar::Search(const SearchParams& params) const {
  return engine::Search(engine_->store(), params);
}

Result<std::string> Kembar::ResolveRegion(const std::string& id_or_name) const {
  return engine::ResolveRegion(engine_->store(), id_or_name);
}

Result<std::vector<store::RegionRow>> Kembar::Regions() const { return engine_->store().Regions(); }

Result<std::vector<store::ChangeRecord>> Kembar::History(const std::string& id) const {
  return engine_->store().History(id);
}

Status Kembar::VerifyChangeLog() const { return engine_->store().VerifyChangeLog(); }

Result<AuditReport> Kembar::Audit(const AuditParams& params) const {
  return engine::Audit(engine_->store(), params);
}

Result<AssessReport> Kembar::Assess(const AssessParams& params) const {
  return engine::Assess(engine_.get(), params);
}

Result<CalendarReport> Kembar::Calendar(const CalendarParams& params) const {
  return engine::Calendar(*engine_, params);
}

Result<TodoReport> Kembar::Todo(const TodoParams& params) const {
  return engine::Todo(*engine_, params);
}

Result<std::shared_ptr<const AssessSnapshot>> Kembar::AssessAll(
    const AssessOptions& options) const {
  return engine_->assessed(options);
}

Result<std::shared_ptr<const network::Graph>> Kembar::WorldNetwork(
    std::unordered_map<std::string, size_t>* region_nodes) const {
  return engine::WorldNetwork(*engine_, region_nodes);
}

Result<NetworkStatsReport> Kembar::NetworkStats(const NetworkStatsParams& params) const {
  return engine::NetworkStats(*engine_, params);
}

Result<EgoReport> Kembar::NetworkEgo(const EgoParams& params) const {
  return engine::NetworkEgo(*engine_, params);
}

Result<std::shared_ptr<const network::Graph>> Kembar::NetworkGraph(
    const NetworkExportParams& params) const {
  return engine::NetworkGraph(*engine_, params.scope);
}

Result<store::SummaryPage> Kembar::ListPage(const store::SummaryQuery& query) const {
  return engine_->store().Summaries(query);
}

Result<int64_t> Kembar::Version() const { return engine_->store().Version(); }

Result<std::vector<std::string>> Kembar::ChangedSince(int64_t version) const {
  return engine_->store().ChangedSince(version);
}

Result<MatchReport> Kembar::NetworkMatchReport(const MatchParams& params) const {
  return engine::NetworkMatchReport(*engine_, params);
}

Result<store::ImportStats> Kembar::ImportWorldNetwork(const NetworkImportParams& params) const {
  return engine::ImportWorldNetwork(*engine_, params);
}

Result<FindReport> Kembar::FindPartners(const std::string& region,
                                        const FindOptions& options) const {
  return engine::FindPartners(*engine_, region, options);
}

Result<FinderEvalReport> Kembar::EvaluateFinder(const FinderEvalParams& params) const {
  return engine::EvaluateFinder(*engine_, params);
}

Result<FinderFitReport> Kembar::FitFinder(const FinderFitParams& params) const {
  return engine::FitFinder(*engine_, params);
}

}  // namespace kembar
