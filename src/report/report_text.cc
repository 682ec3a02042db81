// The reports' own words in English and Indonesian (headings, column names, the
// event types and stages of the formal path). The assessment's sentences come from
// kembar/assess/messages.h.
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kembar/report/reports.h"

namespace kembar::report {
namespace {

constexpr ReportTextEntry kEntries[] = {
    {"report.partnership.title", "Partnership report: {name}", "Laporan kemitraan: {name}"},
    {"report.as_of", "Situation as of {date}", "Keadaan per {date}"},
    {"report.produced",
     "Produced by kembar on {date} from the partnership's record; every fact names its source.",
     "Disusun oleh kembar pada {date} dari catatan kemitraan; setiap fakta menyebut sumbernya."},
    {"report.parties", "Parties", "Para pihak"},
    {"report.party", "Party", "Pihak"},
    {"report.role", "Role", "Peran"},
    {"report.home", "Home region (keeps this record)", "Daerah sendiri (pemegang catatan)"},
    {"report.partner", "Partner", "Mitra"},
    {"report.country", "Country", "Negara"},
    {"report.level", "Level", "Tingkat"},
    {"report.population", "Population", "Jumlah penduduk"},
    {"report.kind", "Kind", "Jenis"},
    {"report.agreement", "Agreement and validity", "Perjanjian dan masa berlaku"},
    {"report.signed", "MoU signed", "Nota kesepahaman ditandatangani"},
    {"report.not_signed", "No MoU is recorded", "Belum ada nota kesepahaman yang tercatat"},
    {"report.valid_until", "Valid until", "Berlaku hingga"},
    {"report.validity_unknown", "Not recorded", "Tidak tercatat"},
    {"report.in_force", "In force", "Berlaku"},
    {"report.yes", "yes", "ya"},
    {"report.no", "no", "tidak"},
    {"report.renewals", "Renewals", "Perpanjangan"},
    {"report.none", "none", "tidak ada"},
    {"report.fields_agreed", "Fields agreed", "Bidang yang disepakati"},
    {"report.distance", "Distance", "Jarak"},
    {"report.timeline", "Timeline", "Linimasa"},
    {"report.timeline.title", "Events by type and year", "Peristiwa menurut jenis dan tahun"},
    {"report.timeline.caption", "Each dot is one recorded event; a period is drawn as a bar.",
     "Setiap titik adalah satu peristiwa yang tercatat; periode digambar sebagai batang."},
    {"report.activities", "Activities", "Kegiatan"},
    {"report.activities.table", "Activities carried out", "Kegiatan yang dilaksanakan"},
    {"report.activities.none", "No activity is recorded.", "Belum ada kegiatan yang tercatat."},
    {"report.by_field_year", "Activities by field and year", "Kegiatan menurut bidang dan tahun"},
    {"report.col.date", "Date", "Tanggal"},
    {"report.col.year", "Year", "Tahun"},
    {"report.col.title", "Activity", "Kegiatan"},
    {"report.col.field", "Field", "Bidang"},
    {"report.col.participants", "Participants", "Peserta"},
    {"report.col.provider", "Provider", "Penyedia"},
    {"report.col.host", "Host", "Tuan rumah"},
    {"report.col.beneficiary", "Beneficiary", "Penerima manfaat"},
    {"report.col.sectors", "Sectors", "Sektor"},
    {"report.col.activities", "Activities", "Kegiatan"},
    {"report.col.type", "Type", "Jenis"},
    {"report.col.event", "Event", "Peristiwa"},
    {"report.col.source", "Source", "Sumber"},
    {"report.both", "both", "keduanya"},
    {"report.online", "online", "daring"},
    {"report.contributions", "Contributions and benefits", "Kontribusi dan manfaat"},
    {"report.col.side", "Side", "Pihak"},
    {"report.col.contribution", "Contribution (weighted)", "Kontribusi (berbobot)"},
    {"report.col.contribution_share", "Share of contributions", "Porsi kontribusi"},
    {"report.col.benefit_share", "Share of benefits", "Porsi manfaat"},
    {"report.col.provided", "Activities provided", "Kegiatan yang diberikan"},
    {"report.col.hosted", "Activities hosted", "Kegiatan yang diselenggarakan"},
    {"report.reciprocity", "Reciprocity (0 one side does all, 1 balanced)",
     "Timbal balik (0 satu pihak saja, 1 seimbang)"},
    {"report.sectors", "Sectors and non-government actors involved",
     "Sektor dan aktor non-pemerintah yang terlibat"},
    {"report.sectors.none", "No sector is recorded on the activities.",
     "Tidak ada sektor yang tercatat pada kegiatan."},
    {"report.fields", "Fields agreed and carried out", "Bidang yang disepakati dan dilaksanakan"},
    {"report.col.agreed", "Agreed", "Disepakati"},
    {"report.col.carried_out", "Activities", "Kegiatan"},
    {"report.fields.none", "No field is recorded.", "Tidak ada bidang yang tercatat."},
    {"report.smart", "Smart-city dimensions touched", "Dimensi kota cerdas yang tersentuh"},
    {"report.smart.none", "No activity names a smart-city dimension.",
     "Tidak ada kegiatan yang menyebut dimensi kota cerdas."},
    {"report.assessment", "Assessment", "Penilaian"},
    {"report.condition", "Condition", "Kondisi"},
    {"report.months_since", "Months since the last activity", "Bulan sejak kegiatan terakhir"},
    {"report.never", "no activity recorded", "belum ada kegiatan"},
    {"report.activities_total", "Activities recorded", "Kegiatan tercatat"},
    {"report.activities_recent", "Activities in the last 36 months",
     "Kegiatan dalam 36 bulan terakhir"},
    {"report.layer", "Paradiplomacy layer", "Lapisan paradiplomasi"},
    {"report.risks", "Risks and remarks", "Risiko dan catatan"},
    {"report.risks.none", "No risk is found.", "Tidak ditemukan risiko."},
    {"report.col.risk", "Risk", "Risiko"},
    {"report.col.explanation", "Explanation", "Penjelasan"},
    {"report.col.evidence", "Evidence", "Bukti"},
    {"report.col.literature", "From the literature", "Dari kajian"},
    {"report.next", "Next actions", "Langkah berikutnya"},
    {"report.next.none", "No action is due.", "Tidak ada langkah yang perlu diambil."},
    {"report.col.urgency", "Urgency", "Tingkat urgensi"},
    {"report.col.action", "Action", "Langkah"},
    {"report.col.due", "Due", "Tenggat"},
    {"report.stages", "Stages of the formal path", "Tahapan jalur resmi"},
    {"report.col.stage", "Stage", "Tahapan"},
    {"report.col.done", "Done", "Terlaksana"},
    {"report.col.first", "First recorded", "Pertama tercatat"},
    {"report.sources", "Sources cited", "Sumber yang dikutip"},
    {"report.sources.none", "No source is cited.", "Tidak ada sumber yang dikutip."},
    {"sheet.parties", "Parties", "Para pihak"},
    {"sheet.activities", "Activities", "Kegiatan"},
    {"sheet.by_field_year", "Fields by year", "Bidang per tahun"},
    {"sheet.contributions", "Contributions", "Kontribusi"},
    {"sheet.fields", "Fields", "Bidang"},
    {"sheet.risks", "Risks", "Risiko"},
    {"sheet.next", "Next actions", "Langkah berikutnya"},
    {"sheet.stages", "Formal path", "Jalur resmi"},
    {"stage.initiated", "First contact", "Penjajakan"},
    {"stage.visit", "Visits", "Kunjungan"},
    {"stage.loi", "Letter of intent (LoI)", "Surat pernyataan kehendak (LoI)"},
    {"stage.consultation", "Consultation with the ministries", "Konsultasi dengan kementerian"},
    {"stage.dprd", "DPRD approval", "Persetujuan DPRD"},
    {"stage.mou", "MoU signed", "Penandatanganan nota kesepahaman"},
    {"stage.action_plan", "Action plan", "Rencana aksi"},
    {"stage.activity", "Activities", "Kegiatan"},
    {"stage.evaluation", "Evaluation", "Evaluasi"},
    {"stage.renewal", "Renewal", "Perpanjangan"},
    {"event.initiated", "First contact", "Penjajakan"},
    {"event.visit", "Visit", "Kunjungan"},
    {"event.loi_signed", "Letter of intent", "Surat pernyataan kehendak"},
    {"event.central_consultation", "Ministry consultation", "Konsultasi pusat"},
    {"event.dprd_approved", "DPRD approval", "Persetujuan DPRD"},
    {"event.mou_signed", "MoU signed", "Penandatanganan MoU"},
    {"event.mou_renewed", "MoU renewed", "Perpanjangan MoU"},
    {"event.action_plan", "Action plan", "Rencana aksi"},
    {"event.activity", "Activity", "Kegiatan"},
    {"event.communication", "Letter", "Surat-menyurat"},
    {"event.leader_changed", "New head of region", "Pergantian kepala daerah"},
    {"event.pic_changed", "New contact person", "Pergantian penanggung jawab"},
    {"event.policy_change", "Policy change", "Perubahan kebijakan"},
    {"event.external_shock", "External shock", "Guncangan dari luar"},
    {"event.suspended", "Suspended", "Penangguhan"},
    {"event.terminated", "Terminated", "Pengakhiran"},
    {"event.reactivated", "Reactivated", "Pengaktifan kembali"},
    {"event.evaluation", "Evaluation", "Evaluasi"},
    {"event.note", "Note", "Catatan"},
    {"smart.economy", "Smart economy", "Ekonomi cerdas"},
    {"smart.environment", "Smart environment", "Lingkungan cerdas"},
    {"smart.governance", "Smart governance", "Tata kelola cerdas"},
    {"smart.living", "Smart living", "Kehidupan cerdas"},
    {"smart.mobility", "Smart mobility", "Mobilitas cerdas"},
    {"smart.people", "Smart people", "Masyarakat cerdas"},
    {"kind.sister_city", "Sister city", "Kota kembar"},
    {"kind.sister_province", "Sister province", "Provinsi kembar"},
    {"kind.institution", "Institutional partnership", "Kerja sama antarlembaga"},
    {"level.province", "Province", "Provinsi"},
    {"level.state", "State", "Negara bagian"},
    {"level.prefecture", "Prefecture", "Prefektur"},
    {"level.city", "City", "Kota"},
    {"level.regency", "Regency", "Kabupaten"},
    {"level.municipality", "Municipality", "Munisipalitas"},
    {"level.district", "District", "Distrik"},
    {"level.institution", "Institution", "Lembaga"},
    {"level.other", "Other", "Lainnya"},
    {"layer.economic", "Economic", "Ekonomi"},
    {"layer.cultural_technical", "Cultural and technical", "Budaya dan teknis"},
    {"layer.political", "Political", "Politik"},
};

const std::unordered_map<std::string_view, const ReportTextEntry*>& Index() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, const ReportTextEntry*>();
    for (const auto& e : kEntries) m->emplace(e.key, &e);
    return m;
  }();
  return *index;
}

}  // namespace

std::string_view ReportText(std::string_view key, Lang lang) {
  auto it = Index().find(key);
  if (it == Index().end()) return key;
  return lang == Lang::kId ? it->second->id : it->second->en;
}

std::vector<ReportTextEntry> ReportCatalogue() {
  return {std::begin(kEntries), std::end(kEntries)};
}

}  // namespace kembar::report
