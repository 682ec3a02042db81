#include "kembar/assess/messages.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "kembar/geo/countries.h"

namespace kembar::assess {

namespace {

// The catalogue: every text a person reads in an assessment, in both languages.
// Templates take {name} placeholders filled from the facts.
constexpr CatalogueEntry kCatalogue[] = {
    // Conditions.
    {"condition.not_in_force", "not in force", "belum berlaku"},
    {"condition.active", "active", "aktif"},
    {"condition.at_risk", "at risk", "berisiko"},
    {"condition.dormant", "dormant", "tidak aktif"},
    {"condition.ended", "ended", "berakhir"},
    {"condition.unknown", "unknown", "tidak diketahui"},
    // Concept titles.
    {"concept.expired_unrenewed", "lapsed, not renewed", "masa berlaku habis, tidak diperpanjang"},
    {"concept.no_activity_after_mou", "no activity after the MoU",
     "tidak ada kegiatan setelah MoU"},
    {"concept.activity_gap", "activity stopped", "kegiatan terhenti"},
    {"concept.unanswered_communication", "unanswered letter", "surat belum dibalas"},
    {"concept.one_sided", "one-sided", "tidak timbal balik"},
    {"concept.narrow_participation", "narrow participation", "partisipasi terbatas"},
    {"concept.leader_change_lapse", "lapse after a change of leader or local policy",
     "terhenti setelah pergantian kepala daerah atau kebijakan daerah"},
    {"concept.external_shock", "external shock", "guncangan eksternal"},
    {"concept.policy_block", "blocked by policy", "terhambat kebijakan"},
    {"concept.no_diplomatic_relations", "no official diplomatic relations",
     "tanpa hubungan diplomatik resmi"},
    {"concept.distance", "distance and time difference", "jarak dan perbedaan waktu"},
    // Sources.
    {"source.expired_unrenewed",
     "Nuralam 2018; Putri 2017 (no initiative to extend; weak agreement)",
     "Nuralam 2018; Putri 2017 (tidak ada inisiatif untuk memperpanjang; perjanjian lemah)"},
    {"source.no_activity_after_mou", "Putri 2017; Salam 2004 (no follow-up after signing)",
     "Putri 2017; Salam 2004 (tidak ada tindak lanjut setelah penandatanganan)"},
    {"source.activity_gap",
     "Tjandradewi & Marcotullio 2009; De Villiers 2011 (no significant results; communication "
     "dried up)",
     "Tjandradewi & Marcotullio 2009; De Villiers 2011 (tidak ada hasil berarti; komunikasi "
     "terputus)"},
    {"source.unanswered_communication",
     "Tjandradewi & Marcotullio 2009; De Villiers 2011 (lack of communication)",
     "Tjandradewi & Marcotullio 2009; De Villiers 2011 (kurangnya komunikasi)"},
    {"source.one_sided", "Rochman; De Villiers 2009 (no reciprocity: one side passive)",
     "Rochman; De Villiers 2009 (tidak ada timbal balik: satu pihak pasif)"},
    {"source.narrow_participation",
     "Tjandradewi & Marcotullio 2009; Putri 2017 (no non-government participation); advisory: "
     "Rochman finds broad participation a prerequisite rather than a direct driver of success",
     "Tjandradewi & Marcotullio 2009; Putri 2017 (tidak ada partisipasi nonpemerintah); sebagai "
     "saran: Rochman menilai partisipasi luas sebagai prasyarat, bukan penentu langsung "
     "keberhasilan"},
    {"source.leader_change_lapse",
     "Stimson et al. 2009; Putri 2017 (change of leadership or of a leader's policy; inconsistent "
     "commitment)",
     "Stimson dkk. 2009; Putri 2017 (pergantian pimpinan atau kebijakan pimpinan; komitmen yang "
     "tidak konsisten)"},
    {"source.external_shock", "Handayani & Zahidi 2024 (pandemic, global crisis)",
     "Handayani & Zahidi 2024 (pandemi, krisis global)"},
    {"source.policy_block", "Putri 2017 (one-door policy; national foreign-policy line)",
     "Putri 2017 (prinsip satu pintu; garis politik luar negeri nasional)"},
    {"source.no_diplomatic_relations", "Putri 2017 (requirement: diplomatic relations)",
     "Putri 2017 (syarat: hubungan diplomatik)"},
    {"source.distance",
     "Rochman (distant partners with large time differences produce fewer real activities)",
     "Rochman (mitra yang jauh dengan perbedaan waktu besar menghasilkan lebih sedikit kegiatan "
     "nyata)"},
    // Explanations.
    {"explain.expired_unrenewed",
     "The MoU signed on {signed} lapsed on {expires} at the latest; no renewal is recorded",
     "Masa berlaku MoU yang ditandatangani pada {signed} habis paling lambat {expires}; tidak "
     "tercatat perpanjangan"},
    {"explain.no_activity_after_mou",
     "No activity is recorded in the {months} months since the {what} of {date}",
     "Tidak tercatat kegiatan selama {months} bulan sejak {what} pada {date}"},
    {"explain.activity_gap", "The last activity was on {date}, {months} months ago",
     "Kegiatan terakhir pada {date}, {months} bulan yang lalu"},
    {"explain.activity_gap.reactivated",
     "The last activity was on {date}; {months} months have passed since the reactivation of "
     "{reactivated}",
     "Kegiatan terakhir pada {date}; sudah {months} bulan sejak pengaktifan kembali pada "
     "{reactivated}"},
    {"explain.unanswered_communication",
     "{from} wrote on {date}{via}; no reply from {to} is recorded{more}",
     "{from} mengirim surat pada {date}{via}; belum tercatat balasan dari {to}{more}"},
    {"explain.unanswered_communication.more", "; {count} letters are unanswered",
     "; {count} surat belum dibalas"},
    {"explain.one_sided",
     "{active} made {active_count} of the {total} contributions ({share} %), {passive} "
     "{passive_count}: "
     "{passive} stays passive",
     "{active} memberikan {active_count} dari {total} kontribusi ({share}%), {passive} "
     "{passive_count}: {passive} cenderung pasif, hubungan tidak timbal balik"},
    {"explain.narrow_participation",
     "The activities involved {kinds} kind(s) of non-government actor{list}",
     "Kegiatan hanya melibatkan {kinds} jenis aktor nonpemerintah{list}"},
    {"explain.leader_change_lapse",
     "A new head of region in {side}{who} on {date}; no activity in the {months} months since",
     "Kepala daerah baru di {side}{who} pada {date}; tidak ada kegiatan selama {months} bulan "
     "sejak itu"},
    {"explain.leader_change_lapse.policy",
     "A change of local policy in {side} on {date}; no activity in the {months} months since",
     "Perubahan kebijakan daerah di {side} pada {date}; tidak ada kegiatan selama {months} bulan "
     "sejak itu"},
    {"explain.external_shock", "{what} on {date}, after the agreement was signed",
     "{what} pada {date}, setelah perjanjian ditandatangani"},
    {"explain.policy_block.consultation", "The ministry consultation of {date} was rejected",
     "Konsultasi dengan kementerian pada {date} ditolak"},
    {"explain.policy_block.policy", "A {level} policy change on {date} came before any agreement",
     "Perubahan kebijakan {level} pada {date} terjadi sebelum ada perjanjian"},
    {"explain.no_diplomatic_relations.de_facto",
     "{a} and {b} have only unofficial (de facto) relations: {missions} representative office(s), "
     "no embassy or consulate{src}",
     "{a} dan {b} hanya memiliki hubungan tidak resmi (de facto): {missions} kantor perwakilan, "
     "tanpa "
     "kedutaan besar atau konsulat{src}"},
    {"explain.no_diplomatic_relations.none", "{a} and {b} have no diplomatic relations{src}",
     "{a} dan {b} tidak memiliki hubungan diplomatik{src}"},
    {"explain.source_quoted", " (source: {text})", " (sumber, bahasa Inggris: {text})"},
    {"explain.distance.both",
     "{home} and {partner} are {km} km apart, {hours} hours of time difference",
     "{home} dan {partner} berjarak {km} km, dengan perbedaan waktu {hours} jam"},
    {"explain.distance.km", "{home} and {partner} are {km} km apart",
     "{home} dan {partner} berjarak {km} km"},
    {"explain.distance.hours", "{home} and {partner} are {hours} hours apart in time",
     "{home} dan {partner} berbeda waktu {hours} jam"},
    // Recommendations.
    {"action.renew_or_close",
     "The MoU signed on {signed} lapsed on {expires} at the latest: agree with {partner} to renew "
     "it, "
     "or close the partnership formally",
     "Masa berlaku MoU yang ditandatangani pada {signed} habis paling lambat {expires}: sepakati "
     "dengan {partner} untuk memperpanjangnya, atau akhiri kerja sama secara resmi"},
    {"action.record_lessons",
     "Hold and record a closing evaluation: what was done ({activities} activities), what each "
     "side "
     "gained, why it stopped",
     "Lakukan dan catat evaluasi penutup: apa yang telah dilaksanakan ({activities} kegiatan), "
     "manfaat bagi masing-masing pihak, dan mengapa kerja sama berhenti"},
    {"action.confirm_or_terminate",
     "Nothing has happened for {months} months: confirm with {partner} whether to continue, then "
     "reactivate with a new action plan or terminate the partnership formally",
     "Tidak ada kegiatan selama {months} bulan: pastikan bersama {partner} apakah kerja sama "
     "dilanjutkan, lalu aktifkan kembali dengan rencana aksi baru atau akhiri secara resmi"},
    {"action.answer_communication",
     "Answer the letter from {from} of {date}{what} and record the reply",
     "Balas surat dari {from} tertanggal {date}{what} dan catat balasannya"},
    {"action.follow_up_communication",
     "Follow up the letter to {to} of {date}{what}: send a reminder, or ask the Indonesian embassy "
     "or "
     "consulate to facilitate",
     "Tindak lanjuti surat kepada {to} tertanggal {date}{what}: kirim surat pengingat, atau minta "
     "fasilitasi KBRI atau KJRI"},
    {"action.start_renewal",
     "Start the renewal (consultation, DPRD approval, signing) by {due}, kembar's default of "
     "{lead} "
     "months before the earliest possible expiry ({earliest})",
     "Mulai proses perpanjangan (konsultasi, persetujuan DPRD, penandatanganan) paling lambat "
     "{due}, "
     "yaitu {lead} bulan sebelum masa berlaku paling cepat habis ({earliest}) menurut ketentuan "
     "bawaan kembar"},
    {"action.write_action_plan",
     "Write an action plan (none is recorded): activities, responsible agencies, budget and "
     "timetable for the agreed fields",
     "Susun rencana aksi (belum tercatat): kegiatan, perangkat daerah penanggung jawab, anggaran "
     "dan "
     "jadwal untuk bidang yang disepakati"},
    {"action.restart_activity", "Propose the next activity to {partner}{in}",
     "Usulkan kegiatan berikutnya kepada {partner}{in}"},
    {"action.restart_activity.in", " in an agreed field not yet covered: {fields}",
     " di bidang yang disepakati namun belum dilaksanakan: {fields}"},
    {"action.propose_reciprocal",
     "Propose an activity that {passive} provides, hosts, funds or sends a delegation to, so that "
     "both sides give and gain",
     "Usulkan kegiatan yang diberikan, diselenggarakan, atau didanai oleh {passive}, atau yang "
     "dihadiri delegasi {passive}, agar kedua pihak saling memberi dan menerima"},
    {"action.reconnect_leader",
     "Re-establish contact with the new head of region in {side}{who}: a letter and a visit to "
     "renew the commitment",
     "Jalin kembali hubungan dengan kepala daerah baru di {side}{who}: surat dan kunjungan untuk "
     "memperbarui komitmen"},
    {"action.reconnect_leader.policy",
     "Discuss the change of local policy in {side} with the partner and agree on the next step",
     "Bahas perubahan kebijakan daerah di {side} bersama mitra dan sepakati langkah berikutnya"},
    {"action.move_online",
     "After the {what} of {date}, move activities to online or hybrid formats",
     "Setelah {what} pada {date}, alihkan kegiatan ke format daring atau hibrida"},
    {"action.widen_participation", "Widen participation: involve {who}",
     "Perluas partisipasi: libatkan {who}"},
    {"action.check_relations",
     "Consult through the home-affairs ministry, which consults the foreign ministry (one-door "
     "policy), before any further step",
     "Konsultasikan melalui Kemendagri dengan Kemlu (prinsip satu pintu) sebelum mengambil langkah "
     "lebih lanjut"},
    {"action.plan_for_distance",
     "Plan for the distance: online formats in overlapping working hours, between visits",
     "Rencanakan sesuai jarak dan perbedaan waktu: lanjutkan format daring pada jam kerja yang "
     "bersamaan di antara kunjungan"},
    {"action.hold_evaluation",
     "Hold and record an evaluation of the {activities} activities (outputs, outcomes, benefit to "
     "both sides)",
     "Lakukan dan catat evaluasi atas {activities} kegiatan (keluaran, hasil, manfaat bagi kedua "
     "pihak)"},
    // Event types, as a timeline names them.
    {"event.initiated", "first contact", "penjajakan"},
    {"event.visit", "visit", "kunjungan"},
    {"event.loi_signed", "LoI signed", "penandatanganan LoI"},
    {"event.central_consultation", "ministry consultation", "konsultasi kementerian"},
    {"event.dprd_approved", "DPRD approval", "persetujuan DPRD"},
    {"event.mou_signed", "MoU signed", "penandatanganan MoU"},
    {"event.mou_renewed", "MoU renewed", "perpanjangan MoU"},
    {"event.action_plan", "action plan", "rencana aksi"},
    {"event.activity", "activity", "kegiatan"},
    {"event.communication", "letter", "surat"},
    {"event.leader_changed", "new head of region", "pergantian kepala daerah"},
    {"event.pic_changed", "new contact officer", "pergantian penanggung jawab"},
    {"event.policy_change", "policy change", "perubahan kebijakan"},
    {"event.external_shock", "external shock", "guncangan eksternal"},
    {"event.suspended", "suspended", "penangguhan"},
    {"event.terminated", "terminated", "pengakhiran"},
    {"event.reactivated", "reactivated", "pengaktifan kembali"},
    {"event.evaluation", "evaluation", "evaluasi"},
    {"event.note", "note", "catatan"},
    {"fields", "fields", "bidang"},
    {"kind.sister_city", "sister city", "kota kembar"},
    {"kind.sister_province", "sister province", "provinsi kembar"},
    {"kind.institution", "institutional partnership", "kerja sama kelembagaan"},
    {"no_events", "no events recorded", "belum ada peristiwa yang tercatat"},
    // Urgency.
    {"urgency.overdue", "overdue", "terlambat"},
    {"urgency.due_soon", "due soon", "segera"},
    {"urgency.later", "later", "nanti"},
    // Words: event types that start clocks, shocks, policy levels.
    {"word.mou_signed", "signing", "penandatanganan MoU"},
    {"word.mou_renewed", "renewal", "perpanjangan MoU"},
    {"word.reactivated", "reactivation", "pengaktifan kembali"},
    {"word.pandemic", "pandemic", "pandemi"},
    {"word.disaster", "disaster", "bencana"},
    {"word.economic_crisis", "economic crisis", "krisis ekonomi"},
    {"word.conflict", "conflict", "konflik"},
    {"word.shock", "shock", "guncangan"},
    {"word.national", "national", "nasional"},
    {"word.global", "global", "global"},
    {"word.local", "local", "daerah"},
    // Sectors.
    {"word.local_government", "local government", "pemerintah daerah"},
    {"word.parliament", "regional parliament", "DPRD"},
    {"word.central_government", "central government", "pemerintah pusat"},
    {"word.embassy", "embassy", "kedutaan besar"},
    {"word.academia", "universities", "perguruan tinggi"},
    {"word.school", "schools", "sekolah"},
    {"word.business", "businesses", "dunia usaha"},
    {"word.ngo", "NGOs", "LSM"},
    {"word.community", "community groups", "kelompok masyarakat"},
    {"word.civil_society", "civil-society associations", "organisasi masyarakat sipil"},
    {"word.media", "media", "media"},
    {"word.sports_club", "sports clubs", "klub olahraga"},
    {"word.other", "others", "lainnya"},
    // Fields.
    {"word.port_logistics", "port and logistics", "pelabuhan dan logistik"},
    {"word.education", "education", "pendidikan"},
    {"word.science_technology", "science and technology", "ilmu pengetahuan dan teknologi"},
    {"word.culture", "arts and culture", "seni dan budaya"},
    {"word.tourism", "tourism", "pariwisata"},
    {"word.environment", "environment", "lingkungan hidup"},
    {"word.economy_trade", "economy and trade", "ekonomi dan perdagangan"},
    {"word.investment", "investment", "investasi"},
    {"word.creative_economy", "creative economy", "ekonomi kreatif"},
    {"word.smart_city", "smart city", "kota cerdas"},
    {"word.human_resources", "human resources", "sumber daya manusia"},
    {"word.sports", "sports", "olahraga"},
    {"word.urban_planning", "urban planning", "penataan kota"},
    {"word.infrastructure", "infrastructure", "infrastruktur"},
    {"word.e_government", "e-government", "pemerintahan elektronik"},
    {"word.agriculture", "agriculture", "pertanian"},
    {"word.flood_management", "flood management", "penanganan banjir"},
    {"word.smes", "SMEs", "UMKM"},
    {"word.health", "health", "kesehatan"},
    {"word.youth", "youth", "kepemudaan"},
    {"word.governance", "governance", "tata kelola pemerintahan"},
    // Smart-city dimensions (Cohen's wheel).
    {"smart.economy", "smart economy", "ekonomi cerdas (smart economy)"},
    {"smart.environment", "smart environment", "lingkungan cerdas (smart environment)"},
    {"smart.governance", "smart governance", "tata kelola cerdas (smart governance)"},
    {"smart.living", "smart living", "kehidupan cerdas (smart living)"},
    {"smart.mobility", "smart mobility", "mobilitas cerdas (smart mobility)"},
    {"smart.people", "smart people", "masyarakat cerdas (smart people)"},
    // Paradiplomacy layers.
    {"layer.economic", "economic", "ekonomi"},
    {"layer.cultural_technical", "cultural and technical", "budaya dan teknis"},
    {"layer.political", "political", "politik"},
    // Months.
    {"month.1", "January", "Januari"},
    {"month.2", "February", "Februari"},
    {"month.3", "March", "Maret"},
    {"month.4", "April", "April"},
    {"month.5", "May", "Mei"},
    {"month.6", "June", "Juni"},
    {"month.7", "July", "Juli"},
    {"month.8", "August", "Agustus"},
    {"month.9", "September", "September"},
    {"month.10", "October", "Oktober"},
    {"month.11", "November", "November"},
    {"month.12", "December", "Desember"},
    // UI texts.
    {"partnership", "partnership", "kerja sama"},
    {"partnerships", "partnerships", "kerja sama"},
    {"condition", "condition", "kondisi"},
    {"months_quiet", "months without activity", "bulan tanpa kegiatan"},
    {"never", "never", "belum pernah"},
    {"since_mou", "since the MoU", "sejak MoU"},
    {"since_signing", "since the signing", "sejak penandatanganan"},
    {"expires", "valid until", "berlaku sampai"},
    {"open_ended", "validity not set", "masa berlaku tidak ditentukan"},
    {"not_signed", "no MoU", "belum ada MoU"},
    {"risks", "risks", "risiko"},
    {"none", "none", "tidak ada"},
    {"as_of", "as of", "per tanggal"},
    {"assessment_as_of", "Assessment as of", "Penilaian per tanggal"},
    {"total", "total", "jumlah"},
    {"next_actions", "next actions", "tindak lanjut"},
    {"indicators", "indicators", "indikator"},
    {"agreement", "agreement", "perjanjian"},
    {"signed", "signed", "ditandatangani pada"},
    {"in_force", "in force", "berlaku"},
    {"not_in_force", "not in force", "tidak berlaku"},
    {"activities", "activities", "kegiatan"},
    {"last_activity", "last", "terakhir"},
    {"months_ago", "months ago", "bulan yang lalu"},
    {"contributions", "contributions", "kontribusi"},
    {"reciprocity", "reciprocity", "timbal balik"},
    {"benefits", "benefits", "manfaat"},
    {"fields_covered", "fields carried out", "bidang terlaksana"},
    {"smart_dimensions", "smart-city dimensions", "dimensi kota cerdas"},
    {"layer", "paradiplomacy layer", "lapisan paradiplomasi"},
    {"due", "due", "batas waktu"},
    {"group", "group", "kelompok"},
    {"with_mou", "With an MoU", "Dengan MoU"},
    {"of", "of", "dari"},
    {"not_active_share", "not carrying out activities", "tidak menjalankan kegiatan"},
    {"top_reasons", "top reasons", "alasan utama"},
    {"deadline", "renewal deadline", "batas mulai perpanjangan"},
    {"no_upcoming", "No MoU expires in this period.",
     "Tidak ada MoU yang berakhir pada periode ini."},
    {"province_unknown", "(province unknown)", "(provinsi tidak diketahui)"},
    {"province_abroad", "(outside Indonesia)", "(di luar Indonesia)"},
    {"legend_unknown",
     "unknown: the record holds no event for the partnership (a pair known only from a list)",
     "tidak diketahui: catatan kerja sama belum memuat satu peristiwa pun (pasangan yang hanya "
     "diketahui dari daftar)"},
};

const std::unordered_map<std::string_view, const CatalogueEntry*>& Index() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, const CatalogueEntry*>();
    for (const CatalogueEntry& e : kCatalogue) m->emplace(e.key, &e);
    return m;
  }();
  return *index;
}

std::string_view Msg(std::string_view key, Lang lang) {
  auto it = Index().find(key);
  if (it == Index().end()) return key;
  return lang == Lang::kId ? it->second->id : it->second->en;
}

std::string Get(const Facts& f, std::string_view key) {
  for (const auto& [k, v] : f) {
    if (k == key) return v;
  }
  return {};
}

// Replaces {key} with the fact of that name.
std::string Fill(std::string_view tmpl, const Facts& f) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{') {
      const size_t end = tmpl.find('}', i);
      if (end != std::string_view::npos) {
        out += Get(f, tmpl.substr(i + 1, end - i - 1));
        i = end;
        continue;
      }
    }
    out.push_back(tmpl[i]);
  }
  return out;
}

// The catalogue keys "prefix.code" of every value of an enum, built once.
template <typename E, size_t N>
std::array<std::string, N> Keys(std::string_view prefix) {
  std::array<std::string, N> k;
  for (size_t i = 0; i < N; ++i)
    k[i] = std::string(prefix) + std::string(ToString(static_cast<E>(i)));
  return k;
}

std::string Tmpl(std::string_view key, Lang lang, const Facts& f) {
  return Fill(Msg(key, lang), f);
}

// "a, b" codes -> "A, B" words ("A dan B" / "A and B" for the last pair).
std::string WordList(const std::string& codes, Lang lang) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < codes.size()) {
    size_t comma = codes.find(", ", pos);
    if (comma == std::string::npos) comma = codes.size();
    words.push_back(Word(std::string_view(codes).substr(pos, comma - pos), lang));
    pos = comma + 2;
  }
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? (lang == Lang::kId ? " dan " : " and ") : ", ";
    out += words[i];
  }
  return out;
}

std::string DateFact(const Facts& f, std::string_view key, Lang lang) {
  const std::string v = Get(f, key);
  auto p = Period::Parse(v);
  return p.ok() ? FormatDate(*p, lang) : v;
}

std::string Capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// The facts of a concept or action made readable: region ids become names, dates
// and numbers are written in the language.
Facts Readable(const PartnershipAssessment& a, const Facts& in, Lang lang) {
  Facts f = in;
  auto name = [&](const std::string& id) {
    if (id == a.home) return NameOf(*a.home_label, lang);
    if (id == a.partner) return NameOf(*a.partner_label, lang);
    return id;
  };
  for (auto& [k, v] : f) {
    if (k == "from" || k == "to" || k == "active" || k == "passive" || k == "side") {
      v = name(v);
    } else if (k == "signed" || k == "expires" || k == "date" || k == "reactivated" ||
               k == "earliest" || k == "terminated") {
      v = DateFact(in, k, lang);
    } else if (k == "km") {
      v = v.empty() ? v : FormatNumber(std::stod(v), 0, lang);
    } else if (k == "hours" || k == "active_count" || k == "passive_count" || k == "total") {
      v = v.empty() ? v : FormatNumber(std::stod(v), 2, lang);
    } else if (k == "a" || k == "b") {
      v = geo::CountryName(v, lang == Lang::kId);
    }
  }
  f.emplace_back("home", NameOf(*a.home_label, lang));
  f.emplace_back("partner", NameOf(*a.partner_label, lang));
  return f;
}

}  // namespace

std::vector<CatalogueEntry> Catalogue() { return {std::begin(kCatalogue), std::end(kCatalogue)}; }

std::string_view Label(Condition c, Lang lang) {
  static const auto keys = Keys<Condition, 6>("condition.");
  return Msg(keys[static_cast<size_t>(c)], lang);
}

std::string_view Label(ConceptCode c, Lang lang) {
  static const auto keys = Keys<ConceptCode, kConceptCount>("concept.");
  return Msg(keys[static_cast<size_t>(c)], lang);
}

std::string_view SourceText(ConceptCode c, Lang lang) {
  static const auto keys = Keys<ConceptCode, kConceptCount>("source.");
  return Msg(keys[static_cast<size_t>(c)], lang);
}

std::string_view Label(Urgency u, Lang lang) {
  switch (u) {
    case Urgency::kOverdue:
      return Msg("urgency.overdue", lang);
    case Urgency::kDueSoon:
      return Msg("urgency.due_soon", lang);
    case Urgency::kLater:
      break;
  }
  return Msg("urgency.later", lang);
}

std::string Word(std::string_view code, Lang lang) {
  const std::string key = "word." + std::string(code);
  auto it = Index().find(key);
  if (it == Index().end()) return std::string(code);
  return std::string(lang == Lang::kId ? it->second->id : it->second->en);
}

std::string_view Text(std::string_view key, Lang lang) { return Msg(key, lang); }

std::string NameOf(const RegionLabel& r, Lang lang) {
  if (lang == Lang::kId && !r.in_id.empty()) return r.in_id;
  return r.en.empty() ? r.id : r.en;
}

std::string FormatDate(Day day, Lang lang) {
  return FormatDate(Period(PartialDate::FromDay(day)), lang);
}

std::string FormatDate(const Period& date, Lang lang) {
  auto one = [&](const PartialDate& d, bool with_year) {
    std::string out;
    if (d.precision() == DatePrecision::kDay) out += std::to_string(d.day()) + " ";
    if (d.precision() != DatePrecision::kYear) {
      out += std::string(Msg("month." + std::to_string(d.month()), lang));
      if (with_year) out += " ";
    }
    if (with_year || d.precision() == DatePrecision::kYear) out += std::to_string(d.year());
    return out;
  };
  if (!date.end()) return one(date.start(), true);
  const PartialDate& s = date.start();
  const PartialDate& e = *date.end();
  if (s.precision() == DatePrecision::kYear && e.precision() == DatePrecision::kYear) {
    return std::to_string(s.year()) + "–" + std::to_string(e.year());
  }
  // "Oktober–Desember 2016": the shared year written once.
  if (s.precision() == DatePrecision::kMonth && e.precision() == DatePrecision::kMonth &&
      s.year() == e.year()) {
    return one(s, false) + "–" + one(e, true);
  }
  return one(s, true) + " – " + one(e, true);
}

std::string FormatNumber(double value, int max_decimals, Lang lang) {
  const char thousands = lang == Lang::kId ? '.' : ',';
  const char decimal = lang == Lang::kId ? ',' : '.';
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, value);
  std::string s = buf;
  std::string frac;
  if (const size_t dot = s.find('.'); dot != std::string::npos) {
    frac = s.substr(dot + 1);
    s.resize(dot);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  }
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  std::string grouped;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) grouped.push_back(thousands);
    grouped.push_back(s[i]);
  }
  if (negative && grouped != "0") grouped.insert(grouped.begin(), '-');
  return frac.empty() ? grouped : grouped + decimal + frac;
}

std::string FormatPercent(double share, Lang lang) {
  return FormatNumber(std::round(share * 100), 0, lang) + "%";
}

std::string Explain(const PartnershipAssessment& a, const Concept& c, Lang lang) {
  Facts f = Readable(a, c.facts, lang);
  auto set = [&](const std::string& k, std::string v) { f.emplace(f.begin(), k, std::move(v)); };
  switch (c.code) {
    case ConceptCode::kExpiredUnrenewed:
      return Tmpl("explain.expired_unrenewed", lang, f);
    case ConceptCode::kNoActivityAfterMou:
      set("what", Word(Get(c.facts, "event"), lang));
      return Tmpl("explain.no_activity_after_mou", lang, f);
    case ConceptCode::kActivityGap:
      return Tmpl(Get(f, "reactivated").empty() ? "explain.activity_gap"
                                                : "explain.activity_gap.reactivated",
                  lang, f);
    case ConceptCode::kUnansweredCommunication: {
      const std::string channel = Get(f, "channel");
      set("via", channel.empty() ? "" : " (" + channel + ")");
      const std::string count = Get(f, "count");
      set("more", count.empty() || count == "1"
                      ? ""
                      : Tmpl("explain.unanswered_communication.more", lang, f));
      return Tmpl("explain.unanswered_communication", lang, f);
    }
    case ConceptCode::kOneSided:
      return Tmpl("explain.one_sided", lang, f);
    case ConceptCode::kNarrowParticipation: {
      const std::string involved = Get(f, "involved");
      set("list", involved.empty() ? "" : " (" + WordList(involved, lang) + ")");
      return Tmpl("explain.narrow_participation", lang, f);
    }
    case ConceptCode::kLeaderChangeLapse: {
      const std::string name = Get(f, "name");
      set("who", name.empty() ? "" : " (" + name + ")");
      return Tmpl(Get(f, "what") == "policy_change" ? "explain.leader_change_lapse.policy"
                                                    : "explain.leader_change_lapse",
                  lang, f);
    }
    case ConceptCode::kExternalShock: {
      const std::string kind = Get(f, "kind");
      set("what", Capitalise(Word(kind == "other" ? "shock" : kind, lang)));
      return Tmpl("explain.external_shock", lang, f);
    }
    case ConceptCode::kPolicyBlock:
      if (Get(f, "what") == "central_consultation")
        return Tmpl("explain.policy_block.consultation", lang, f);
      set("level", Word(Get(c.facts, "level"), lang));
      return Tmpl("explain.policy_block.policy", lang, f);
    case ConceptCode::kNoDiplomaticRelations: {
      const std::string src = Get(f, "override");
      set("src", src.empty() ? "" : Fill(Msg("explain.source_quoted", lang), {{"text", src}}));
      return Tmpl(Get(f, "status") == "de_facto" ? "explain.no_diplomatic_relations.de_facto"
                                                 : "explain.no_diplomatic_relations.none",
                  lang, f);
    }
    case ConceptCode::kDistance: {
      const bool km = !Get(f, "km").empty(), hours = !Get(f, "hours").empty();
      return Tmpl(km && hours ? "explain.distance.both"
                              : (km ? "explain.distance.km" : "explain.distance.hours"),
                  lang, f);
    }
  }
  return {};
}

std::string Describe(const PartnershipAssessment& a, const Action& x, Lang lang) {
  Facts f = Readable(a, x.facts, lang);
  auto set = [&](const std::string& k, std::string v) { f.emplace(f.begin(), k, std::move(v)); };
  if (x.due) set("due", FormatDate(*x.due, lang));
  switch (x.code) {
    case ActionCode::kRenewOrClose:
      return Tmpl("action.renew_or_close", lang, f);
    case ActionCode::kRecordLessons:
      return Tmpl("action.record_lessons", lang, f);
    case ActionCode::kConfirmOrTerminate:
      return Tmpl("action.confirm_or_terminate", lang, f);
    case ActionCode::kAnswerCommunication:
    case ActionCode::kFollowUpCommunication: {
      const std::string title = Get(f, "title");
      set("what", title.empty() ? "" : " (\"" + title + "\")");
      return Tmpl(x.code == ActionCode::kAnswerCommunication ? "action.answer_communication"
                                                             : "action.follow_up_communication",
                  lang, f);
    }
    case ActionCode::kStartRenewal:
      set("lead", Get(f, "lead_months"));
      return Tmpl("action.start_renewal", lang, f);
    case ActionCode::kWriteActionPlan:
      return Tmpl("action.write_action_plan", lang, f);
    case ActionCode::kRestartActivity: {
      const std::string fields = Get(f, "fields");
      set("in", fields.empty() ? ""
                               : Fill(Msg("action.restart_activity.in", lang),
                                      {{"fields", WordList(fields, lang)}}));
      return Tmpl("action.restart_activity", lang, f);
    }
    case ActionCode::kProposeReciprocal:
      return Tmpl("action.propose_reciprocal", lang, f);
    case ActionCode::kReconnectLeader: {
      const std::string name = Get(f, "name");
      set("who", name.empty() ? "" : " (" + name + ")");
      return Tmpl(Get(f, "what") == "policy_change" ? "action.reconnect_leader.policy"
                                                    : "action.reconnect_leader",
                  lang, f);
    }
    case ActionCode::kMoveOnline: {
      const std::string kind = Get(f, "kind");
      set("what", Word(kind == "other" ? "shock" : kind, lang));
      return Tmpl("action.move_online", lang, f);
    }
    case ActionCode::kWidenParticipation:
      set("who", WordList(Get(f, "missing"), lang));
      return Tmpl("action.widen_participation", lang, f);
    case ActionCode::kCheckRelations:
      return Tmpl("action.check_relations", lang, f);
    case ActionCode::kPlanForDistance:
      return Tmpl("action.plan_for_distance", lang, f);
    case ActionCode::kHoldEvaluation:
      return Tmpl("action.hold_evaluation", lang, f);
  }
  return {};
}

}  // namespace kembar::assess
