#include "kembar/report/cli_text.h"

#include <unordered_map>

#include "kembar/assess/messages.h"

namespace kembar::report {

namespace {

// Every text of the command line in both languages. Keys: "app.*" the program,
// "label.*" the help screen's labels, "opt.*" options shared by several commands,
// "<command>.*" a command's help and messages, "err.*" and "cli.*" errors.
// Vocabulary codes (activity, mou_signed, both, online, province...) and option
// names stay as the user types them.
constexpr CliTextEntry kTexts[] = {
    // The program and the help screen.
    {"app.description", "kembar: records, assessment and network of sister-city partnerships",
     "kembar: pencatatan, penilaian dan jaringan kemitraan kota kembar (sister city)"},
    {"app.help", "Print this help message and exit", "Tampilkan bantuan ini lalu keluar"},
    {"app.version", "Display program version information and exit",
     "Tampilkan versi program lalu keluar"},
    {"app.lang",
     "language of help, messages and text output: id or en (default: $KEMBAR_LANG, else id "
     "when $LANG starts with id, else en); before or after the command",
     "bahasa bantuan, pesan dan keluaran teks: id atau en (bawaan: $KEMBAR_LANG, atau id bila "
     "$LANG diawali id, selain itu en); boleh sebelum atau sesudah perintah"},
    {"app.internal_error", "kembar: internal error: {what}", "kembar: kesalahan internal: {what}"},
    {"label.Usage", "Usage", "Penggunaan"},
    {"label.OPTIONS", "OPTIONS", "OPSI"},
    {"label.SUBCOMMAND", "SUBCOMMAND", "PERINTAH"},
    {"label.SUBCOMMANDS", "SUBCOMMANDS", "PERINTAH"},
    {"label.Positionals", "Positionals", "Argumen"},
    {"label.Options", "Options", "Opsi"},
    {"label.Subcommands", "Subcommands", "Perintah"},
    {"label.REQUIRED", "REQUIRED", "WAJIB"},
    {"label.TEXT", "TEXT", "TEKS"},
    {"label.INT", "INT", "BILANGAN"},
    {"label.UINT", "UINT", "BILANGAN"},
    {"label.Excludes", "Excludes", "Tidak bersama"},
    {"label.Needs", "Needs", "Memerlukan"},

    // Options shared by several commands.
    {"opt.db", "SQLite database file or postgresql:// URL (default: $KEMBAR_DB or ./kembar.db)",
     "berkas basis data SQLite atau URL postgresql:// (bawaan: $KEMBAR_DB atau ./kembar.db)"},
    {"opt.dossier_file", "dossier-v1 JSON file", "berkas JSON dossier-v1"},
    {"opt.max_mb", "refuse files larger than this (MiB)",
     "tolak berkas yang lebih besar dari ini (MiB)"},
    {"opt.partnership", "only this partnership", "hanya kemitraan ini"},
    {"opt.region", "only the partnerships of this region (id or name)",
     "hanya kemitraan daerah ini (id atau nama)"},
    {"opt.json", "print JSON", "cetak dalam format JSON"},
    {"opt.partnership_id", "partnership id", "id kemitraan"},
    {"opt.region_id", "region id", "id daerah"},
    {"opt.event_id", "event id", "id peristiwa"},
    {"opt.as_of", "assess as of this day, YYYY-MM-DD (default: today)",
     "tanggal penilaian, TTTT-BB-HH (bawaan: hari ini)"},
    {"opt.policy", "thresholds file (default: the built-in config/policy.json)",
     "berkas ambang batas (bawaan: config/policy.json yang terpasang di program)"},
    {"opt.assessment_json", "print the assessment-v2 JSON document",
     "cetak dokumen JSON assessment-v2"},
    {"opt.output", "output file (default: standard output)",
     "berkas keluaran (bawaan: keluaran standar)"},

    // validate
    {"validate.help", "Check a dossier file; changes nothing",
     "Periksa berkas dossier; tidak ada yang diubah"},
    {"validate.db", "also accept region ids already stored in this database",
     "terima juga id daerah yang sudah tersimpan di basis data ini"},
    {"validate.ok", "{file}: valid dossier-v1 ({bytes} bytes)",
     "{file}: dossier-v1 yang valid ({bytes} byte)"},
    {"validate.invalid",
     "kembar: {file} is not a valid dossier:", "kembar: {file} bukan berkas dossier yang valid:"},
    {"validate.more", "(more problems not shown)", "(masalah lainnya tidak ditampilkan)"},

    // import
    {"import.help", "Import a dossier file (all or nothing)",
     "Impor berkas dossier (seluruhnya atau tidak sama sekali)"},
    {"import.quiet", "no progress or summary", "tanpa tampilan kemajuan dan ringkasan"},
    {"import.merge", "add new events and update known event ids; keep the other stored events",
     "tambahkan peristiwa baru dan perbarui peristiwa yang id-nya sudah ada; peristiwa "
     "tersimpan lainnya tetap disimpan"},
    {"import.replace", "the document's timelines replace the stored ones",
     "linimasa dalam dokumen menggantikan linimasa yang tersimpan"},
    {"import.progress", "importing: {done} / {total} partnerships",
     "mengimpor: {done} / {total} kemitraan"},
    {"import.failed", "kembar: {file} was not imported; the database is unchanged:",
     "kembar: {file} tidak diimpor; basis data tidak berubah:"},
    {"import.done",
     "imported {file} into {db}: regions {regions_new} new, {regions_updated} updated; "
     "partnerships {partnerships_new} new, {partnerships_updated} updated; {events} events",
     "{file} telah diimpor ke {db}: daerah {regions_new} baru, {regions_updated} diperbarui; "
     "kemitraan {partnerships_new} baru, {partnerships_updated} diperbarui; {events} peristiwa"},

    // event add|edit|delete
    {"event.help", "Add, edit or delete one event of a partnership",
     "Tambah, ubah atau hapus satu peristiwa dalam suatu kemitraan"},
    {"event.add.help", "Add an event (from --json or from flags)",
     "Tambah peristiwa (dari --json atau dari opsi)"},
    {"event.edit.help", "Change members of an event", "Ubah isian suatu peristiwa"},
    {"event.delete.help", "Delete an event", "Hapus peristiwa"},
    {"event.json",
     "the event (add) or the members to change (edit; null removes one) as JSON, from a file or "
     "- for standard input",
     "peristiwa (add) atau isian yang diubah (edit; null menghapus isian) dalam JSON, dari "
     "berkas atau - untuk masukan standar"},
    {"event.type", "event type (activity, visit, mou_signed, ...)",
     "jenis peristiwa (activity, visit, mou_signed, ...)"},
    {"event.date", "YYYY, YYYY-MM, YYYY-MM-DD or a period START/END",
     "TTTT, TTTT-BB, TTTT-BB-HH (tahun, bulan, hari) atau periode AWAL/AKHIR"},
    {"event.title", "short title", "judul singkat"},
    {"event.description", "what happened", "uraian kejadian"},
    {"event.field", "field of cooperation (activity)", "bidang kerja sama (activity)"},
    {"event.from", "region id that sent (visit, communication)",
     "id daerah pengirim (visit, communication)"},
    {"event.to", "region id visited (visit)", "id daerah yang dikunjungi (visit)"},
    {"event.side", "region id that acted", "id daerah yang bertindak"},
    {"event.provider", "region id that provided it, or both (activity)",
     "id daerah yang memberikan, atau both (activity)"},
    {"event.beneficiary", "region id that benefited, or both (activity)",
     "id daerah penerima manfaat, atau both (activity)"},
    {"event.host", "region id that hosted it, or online (activity)",
     "id daerah tuan rumah, atau online (activity)"},
    {"event.participants", "number of participants", "jumlah peserta"},
    {"event.sectors", "sectors involved, comma-separated (activity)",
     "sektor yang terlibat, dipisahkan koma (activity)"},
    {"event.source", "where this fact was seen", "sumber informasi ini"},
    {"event.nothing_changed", "kembar: nothing was changed:", "kembar: tidak ada yang diubah:"},
    {"event.added", "added event {event} of {partnership}",
     "peristiwa {event} pada {partnership} ditambahkan"},
    {"event.changed", "changed event {event} of {partnership}",
     "peristiwa {event} pada {partnership} diubah"},
    {"event.deleted", "deleted event {event} of {partnership}",
     "peristiwa {event} pada {partnership} dihapus"},
    {"event.no_member_changed", "(no member changed)", "(tidak ada isian yang berubah)"},

    // partnership add|edit|delete, region add|edit|delete
    {"partnership.help", "Add, edit or delete a stored partnership",
     "Tambah, ubah atau hapus kemitraan yang tersimpan"},
    {"partnership.add.help", "Add a partnership between stored regions (from --json or flags)",
     "Tambahkan kemitraan antara daerah yang tersimpan (dari --json atau opsi)"},
    {"partnership.edit.help", "Change a partnership's own members (its events: kembar event)",
     "Ubah isian kemitraan (peristiwanya: kembar event)"},
    {"region.add.help", "Add a region (from --json or flags)",
     "Tambahkan daerah (dari --json atau opsi)"},
    {"region.edit.help", "Change a region's members", "Ubah isian daerah"},
    {"record.json",
     "the record (add) or the members to change (edit; null removes one) as JSON, from a file "
     "or - for standard input",
     "data (add) atau isian yang diubah (edit; null menghapusnya) dalam JSON, dari berkas atau - "
     "untuk masukan standar"},
    {"record.set", "set one member: NAME=VALUE (VALUE as JSON, else as text); repeatable",
     "isi satu isian: NAMA=NILAI (NILAI sebagai JSON, selain itu sebagai teks); dapat diulang"},
    {"record.bad_set", "--set: write NAME=VALUE, not '{arg}'",
     "--set: tulis NAMA=NILAI, bukan '{arg}'"},
    {"record.nothing_changed", "kembar: nothing was changed:", "kembar: tidak ada yang diubah:"},
    {"record.partnership_added", "added partnership {id}", "kemitraan {id} ditambahkan"},
    {"record.partnership_changed", "changed partnership {id}", "kemitraan {id} diubah"},
    {"record.region_added", "added region {id}", "daerah {id} ditambahkan"},
    {"record.region_changed", "changed region {id}", "daerah {id} diubah"},
    {"partnership.delete.help", "Delete a partnership and its events",
     "Hapus kemitraan beserta seluruh peristiwanya"},
    {"region.help", "Add, edit or delete a stored region",
     "Tambah, ubah atau hapus daerah yang tersimpan"},
    {"region.delete.help", "Delete a region that no partnership names",
     "Hapus daerah yang tidak disebut oleh kemitraan mana pun"},
    {"delete.nothing_deleted", "kembar: nothing was deleted:", "kembar: tidak ada yang dihapus:"},
    {"delete.partnership_done", "deleted partnership {id} (the change log keeps its last version)",
     "kemitraan {id} dihapus (log perubahan menyimpan versi terakhirnya)"},
    {"delete.region_done", "deleted region {id} (the change log keeps its last version)",
     "daerah {id} dihapus (log perubahan menyimpan versi terakhirnya)"},

    // relations, network ego, network match (rendering layer)
    {"rel.line", "{a} – {b}: {status}", "{a} dan {b}: {status}"},
    {"rel.official", "official diplomatic relations", "hubungan diplomatik resmi"},
    {"rel.de_facto", "de facto relations only (no official diplomatic relations)",
     "hanya hubungan de facto (tanpa hubungan diplomatik resmi)"},
    {"rel.none", "no diplomatic relations", "tidak ada hubungan diplomatik"},
    {"rel.override", "override: {source}",
     "ketentuan khusus (menggantikan data perwakilan): {source}"},
    {"rel.territory", "a territory: follows its sovereign state's relations ({via})",
     "wilayah: mengikuti hubungan negara berdaulatnya ({via})"},
    {"rel.mission", "{operator} {type} in {city} ({host}), wikidata {qid}",
     "{type} {operator} di {city} ({host}), wikidata {qid}"},
    {"rel.type.embassy", "embassy", "kedutaan besar"},
    {"rel.type.consulate", "consulate", "konsulat"},
    {"rel.type.consulate_general", "consulate general", "konsulat jenderal"},
    {"rel.type.de_facto", "de facto office", "kantor perwakilan de facto"},
    {"rel.no_mission", "no mission either way in the data",
     "tidak ada perwakilan di kedua arah dalam data"},
    {"ego.center", "{name} ({country}): {n} partners", "{name} ({country}): {n} mitra"},
    {"ego.partners", "partners {step}: {n} places", "mitra {step}: {n} tempat"},
    {"ego.step", "step {step}: {n} places", "langkah {step}: {n} tempat"},
    {"ego.more", "... and {n} more", "... dan {n} lainnya"},
    {"match.line",
     "{matched} of {places} places matched to the gazetteer ({rate} %); {unmatched} unmatched",
     "{matched} dari {places} tempat cocok dengan gazetir ({rate} %); {unmatched} tidak cocok"},
    {"match.guessed",
     "{n} of them met by a variant of the name or a similar name nearby (list them with "
     "--guessed N)",
     "{n} di antaranya dicocokkan lewat varian nama atau nama mirip di dekatnya (tampilkan "
     "dengan --guessed N)"},

    // history
    {"history.help", "Change records of a partnership or region (all without ID)",
     "Catatan perubahan suatu kemitraan atau daerah (semuanya bila tanpa ID)"},
    {"history.id", "partnership or region id", "id kemitraan atau daerah"},
    {"history.verify", "check the change log's hash chain", "periksa rantai hash log perubahan"},
    {"history.json", "print the change records as JSON", "cetak catatan perubahan sebagai JSON"},
    {"history.intact", "change log intact", "log perubahan utuh"},

    // audit (the change log: records' and accounts' entries)
    {"audit.help", "The audit log: every change and login, who, when, from where",
     "Log audit: setiap perubahan dan login, siapa, kapan, dari mana"},
    {"audit.user", "only the entries of this user (\"admin\", \"local:siti\")",
     "hanya entri pengguna ini (\"admin\", \"local:siti\")"},
    {"audit.region", "only the entries about this region (id or name) or its partnerships",
     "hanya entri tentang daerah ini (id atau nama) atau kemitraannya"},
    {"audit.from", "from this day, YYYY-MM-DD (UTC)", "mulai tanggal ini, TTTT-BB-HH (UTC)"},
    {"audit.to", "up to this day, YYYY-MM-DD (UTC)", "sampai tanggal ini, TTTT-BB-HH (UTC)"},
    {"audit.action", "only actions starting with this: login, user., event.edit",
     "hanya tindakan yang diawali ini: login, user., event.edit"},
    {"audit.limit", "at most this many entries, newest first (default 50)",
     "paling banyak sekian entri, yang terbaru dulu (bawaan 50)"},
    {"audit.json", "print the entries as JSON", "cetak entri sebagai JSON"},
    {"audit.verify.help", "Check the audit log's hash chain: any entry changed or removed",
     "Periksa rantai hash log audit: entri yang diubah atau dihapus"},
    {"audit.verify.ok", "audit log intact: {count} entries checked",
     "log audit utuh: {count} entri diperiksa"},
    {"audit.col.when", "when", "waktu"},
    {"audit.col.who", "who", "oleh"},
    {"audit.col.address", "address", "alamat"},
    {"audit.col.action", "action", "tindakan"},
    {"audit.col.record", "record", "data"},
    {"audit.col.summary", "summary", "ringkasan"},
    {"audit.none", "no entry matches", "tidak ada entri yang cocok"},
    {"audit.shown", "{shown} of {total} entries", "{shown} dari {total} entri"},
    {"err.bad_day", "{option} is a day, YYYY-MM-DD, not \"{value}\"",
     "{option} berupa tanggal TTTT-BB-HH, bukan \"{value}\""},

    // user, token (accounts of kembar serve)
    {"user.help", "User accounts of kembar serve", "Akun pengguna kembar serve"},
    {"user.add.help", "Add a user; the password (10+ characters) is read from standard input",
     "Tambah pengguna; kata sandi (10+ karakter) dibaca dari masukan standar"},
    {"user.name", "user name (a-z, 0-9, . _ -)", "nama pengguna (a-z, 0-9, . _ -)"},
    {"user.role", "admin, editor or viewer", "admin, editor atau viewer"},
    {"user.region", "a region an editor may change (repeatable)",
     "daerah yang boleh diubah editor (boleh diulang)"},
    {"user.password_stdin", "read the password from standard input (the default)",
     "baca kata sandi dari masukan standar (bawaan)"},
    {"user.prompt", "Password for {name}: ", "Kata sandi untuk {name}: "},
    {"serve.no_db",
     "no database at {db}: import records first (kembar import FILE) or create the first "
     "admin (kembar user add NAME --role admin), then run kembar serve again",
     "tidak ada basis data di {db}: impor data dulu (kembar import BERKAS) atau buat admin "
     "pertama (kembar user add NAMA --role admin), lalu jalankan kembar serve lagi"},
    {"serve.listening", "kembar serve: {url} (database {db})",
     "kembar serve: {url} (basis data {db})"},
    {"serve.login", "  log in:  open {url}/ in a browser (the web application)",
     "  masuk:   buka {url}/ di peramban (aplikasi web)"},
    {"serve.scripts", "  scripts: POST {url}/api/session with {body}",
     "  skrip:   POST {url}/api/session dengan {body}"},
    {"serve.health", "  health:  GET {url}/api/health; stop with Ctrl-C or SIGTERM",
     "  status:  GET {url}/api/health; hentikan dengan Ctrl-C atau SIGTERM"},
    {"serve.no_admin",
     "  no admin yet: create the first with\n    kembar user add NAME --role admin --db {db}\n"
     "  (it reads the password, at least {min} characters, from standard input)",
     "  belum ada admin: buat yang pertama dengan\n    kembar user add NAMA --role admin --db "
     "{db}\n  (kata sandi, minimal {min} karakter, dibaca dari masukan standar)"},
    {"serve.stopped", "kembar serve: stopped", "kembar serve: berhenti"},
    {"user.added", "added {role} {name} to {db}", "{role} {name} ditambahkan ke {db}"},
    {"user.list.help", "List the user accounts", "Daftar akun pengguna"},
    {"user.list.disabled", "(disabled)", "(dinonaktifkan)"},
    {"user.list.none", "no user yet", "belum ada pengguna"},
    {"user.disable.help", "Disable a user: it can no longer log in; its sessions end",
     "Nonaktifkan pengguna: tidak bisa login lagi; sesinya berakhir"},
    {"user.enable.help", "Enable a disabled user again", "Aktifkan kembali pengguna"},
    {"user.passwd.help", "Set a user's password (read from standard input); its sessions end",
     "Ganti kata sandi pengguna (dibaca dari masukan standar); sesinya berakhir"},
    {"user.disabled", "{name} is disabled; its sessions ended",
     "{name} dinonaktifkan; sesinya diakhiri"},
    {"user.enabled", "{name} is enabled", "{name} diaktifkan"},
    {"user.passwd_done", "password of {name} changed; its sessions ended",
     "kata sandi {name} diganti; sesinya diakhiri"},
    {"token.help", "API tokens for scripts (Authorization: Bearer TOKEN)",
     "Token API untuk skrip (Authorization: Bearer TOKEN)"},
    {"token.create.help", "Create an API token acting as a user; it is shown only once",
     "Buat token API atas nama pengguna; token hanya ditampilkan sekali"},
    {"token.user", "the user the token acts as", "pengguna yang diwakili token"},
    {"token.label", "what the token is for (\"nightly export\")",
     "kegunaan token (\"ekspor malam\")"},
    {"token.created", "API token {id} for {name}; shown only now, keep it secret:",
     "token API {id} untuk {name}; hanya ditampilkan sekarang, simpan baik-baik:"},
    {"token.list.help", "List the API tokens (never the tokens themselves)",
     "Daftar token API (tanpa isi tokennya)"},
    {"token.list.none", "no API token", "belum ada token API"},
    {"token.revoke.help", "Revoke an API token", "Cabut token API"},
    {"migrate.help",
     "Copy a whole database into an empty one: SQLite file <-> postgresql:// (records, "
     "users, tokens, change log)",
     "Salin seluruh basis data ke basis data kosong: berkas SQLite <-> postgresql:// (data, "
     "pengguna, token, log perubahan)"},
    {"migrate.from", "the database to copy (a file or postgresql://...)",
     "basis data yang disalin (berkas atau postgresql://...)"},
    {"migrate.to", "the empty database to copy into (a file or postgresql://...)",
     "basis data kosong tujuan (berkas atau postgresql://...)"},
    {"migrate.table", "{table}: {rows} rows", "{table}: {rows} baris"},
    {"migrate.done", "copied; counts equal; change log of {entries} entries verified",
     "tersalin; jumlah baris sama; log perubahan {entries} entri terverifikasi"},
    {"token.id", "the token's id (token list)", "id token (token list)"},
    {"token.revoked", "API token {id} revoked", "token API {id} dicabut"},

    // export, list, show
    {"export.help", "Write stored records as a dossier-v1 document",
     "Tulis data yang tersimpan sebagai dokumen dossier-v1"},
    {"export.compact", "no indentation", "tanpa indentasi"},
    {"list.help", "List stored partnerships", "Daftar kemitraan yang tersimpan"},
    {"show.help", "Show one partnership and its timeline",
     "Tampilkan satu kemitraan beserta linimasanya"},
    {"show.json", "print the partnership as a dossier-v1 document",
     "cetak kemitraan sebagai dokumen dossier-v1"},

    // assess, status, calendar, todo
    {"assess.help", "Assess partnerships: condition, risks, indicators, next actions",
     "Nilai kemitraan: kondisi, risiko, indikator, tindak lanjut"},
    {"assess.dossier", "assess this dossier file instead of the database",
     "nilai berkas dossier ini, bukan basis data"},
    {"assess.invalid", "kembar: {file} is not a valid dossier; nothing was assessed:",
     "kembar: {file} bukan berkas dossier yang valid; tidak ada yang dinilai:"},
    {"status.help", "Portfolio: every partnership's condition and risks",
     "Portofolio: kondisi dan risiko setiap kemitraan"},
    {"status.by", "group: province (of the home region) or country (of the partner)",
     "kelompokkan menurut province (provinsi daerah sendiri) atau country (negara mitra)"},
    {"calendar.help", "Upcoming MoU expiries and renewal deadlines",
     "MoU yang akan berakhir dan batas waktu memulai perpanjangan"},
    {"calendar.months", "how far ahead to look (default 12)", "berapa bulan ke depan (bawaan 12)"},
    {"calendar.ics", "also write an iCalendar file for calendar apps",
     "tulis juga berkas iCalendar untuk aplikasi kalender"},
    {"calendar.json", "print the calendar as JSON", "cetak kalender sebagai JSON"},
    {"report.help", "Reports for the DPRD and the ministries: PDF, HTML, XLSX or Markdown",
     "Laporan untuk DPRD dan kementerian: PDF, HTML, XLSX atau Markdown"},
    {"report.partnership.help", "The report card of one partnership", "Rapor satu kemitraan"},
    {"report.region.help", "The annual report of a region's foreign cooperation",
     "Laporan tahunan kerja sama luar negeri suatu daerah"},
    {"report.region.id", "the region: an id or a name", "daerahnya: id atau nama"},
    {"report.year", "the year reported on", "tahun yang dilaporkan"},
    {"report.national.help",
     "The national report: conditions by province and partner country, and the reasons",
     "Laporan nasional: kondisi menurut provinsi dan negara mitra, serta penyebabnya"},
    {"report.national.year", "as of the end of this year (default: today)",
     "per akhir tahun ini (bawaan: hari ini)"},
    {"report.format", "html, pdf, xlsx or md (default pdf)",
     "html, pdf, xlsx atau md (bawaan pdf)"},
    {"report.output", "the file to write (- for standard output; default: named after the report)",
     "berkas tujuan (- untuk keluaran standar; bawaan: dinamai menurut laporannya)"},
    {"report.done", "{file}: report written ({size} bytes)",
     "{file}: laporan ditulis ({size} bita)"},
    {"report.not_yet", "{id} did not exist yet on that day: all its events are later",
     "{id} belum ada pada tanggal itu: semua peristiwanya lebih kemudian"},
    {"calendar.ics_done", "{file}: {count} calendar events", "{file}: {count} acara kalender"},
    {"todo.help", "The officer's to-do list: due recommendations, overdue first, with their dates",
     "Daftar tugas petugas: rekomendasi yang jatuh tempo, yang terlambat lebih dulu, beserta "
     "tanggalnya"},
    {"todo.within", "due within this many days (default 90)",
     "jatuh tempo dalam sekian hari (bawaan 90)"},
    {"todo.all", "also the recommendations without a due day",
     "sertakan juga rekomendasi tanpa tanggal jatuh tempo"},

    // search
    {"search.help",
     "Find regions, partnerships and places by name (accents and case do not matter)",
     "Cari daerah, kemitraan dan tempat menurut nama (tanda aksen dan huruf besar/kecil tidak "
     "berpengaruh)"},
    {"search.text", "a name: Liverpool, Jepang, Kōchi, Jawa Timur",
     "sebuah nama: Liverpool, Jepang, Kōchi, Jawa Timur"},

    // relations
    {"relations.help", "Diplomatic relations between two countries",
     "Hubungan diplomatik antara dua negara"},
    {"relations.a", "ISO code or name, e.g. ID", "kode ISO atau nama negara, misalnya ID"},
    {"relations.b", "ISO code or name, e.g. TW", "kode ISO atau nama negara, misalnya TW"},
    // network
    {"network.help", "Statistics, ego networks and exports of the twin-city graph",
     "Statistik, jaringan ego dan ekspor graf kota kembar"},
    {"network.stats.help", "The panel: degrees, components, hubs, clustering, distances",
     "Panel: derajat, komponen, simpul utama (hub), pengelompokan (clustering), jarak"},
    {"network.country", "only this country's places and their ties (ISO code or name)",
     "hanya tempat di negara ini beserta hubungannya (kode ISO atau nama)"},
    {"network.plot",
     "draw the degree distribution to FILE (.svg or .png) and the distance distribution to "
     "FILE-distance",
     "gambar distribusi derajat ke FILE (.svg atau .png) dan distribusi jarak ke FILE-distance"},
    {"network.sources", "betweenness/distance sample size on large graphs (default 500)",
     "ukuran sampel betweenness/jarak pada graf besar (bawaan 500)"},
    {"network.ego.help", "A place's partners and partners of partners",
     "Mitra suatu tempat dan mitra dari mitranya"},
    {"network.ego.place",
     "region id, node id (ID:surabaya) or name (\"Surabaya\", \"Surabaya, ID\")",
     "id daerah, id simpul (ID:surabaya) atau nama (\"Surabaya\", \"Surabaya, ID\")"},
    {"network.ego.depth", "steps (default 2)", "jumlah langkah (bawaan 2)"},
    {"network.match.help",
     "How the network's places meet the gazetteer: match rate, unmatched names",
     "Kecocokan tempat dalam jaringan dengan gazetir: tingkat kecocokan, nama yang tidak "
     "cocok"},
    {"network.match.unmatched", "list this many unmatched places (default 20)",
     "tampilkan sekian tempat yang tidak cocok (bawaan 20)"},
    {"network.match.guessed",
     "list this many places met by a guess, with the gazetteer place (default 0)",
     "tampilkan sekian tempat hasil tebakan beserta tempat gazetirnya (bawaan 0)"},
    {"network.import.help",
     "Store the worldwide network (Wikipedia pairs) beside your partnerships, marked by source",
     "Simpan jaringan seluruh dunia (pasangan dari Wikipedia) di samping kemitraan Anda, "
     "ditandai sumbernya"},
    {"network.export.help", "Write the graph for Gephi, QGIS or a spreadsheet",
     "Tulis graf untuk Gephi, QGIS atau lembar kerja (spreadsheet)"},
    {"network.export.format", "gexf, graphml, geojson or csv", "gexf, graphml, geojson atau csv"},
    {"network.export.output", "output file (csv: FILE-nodes.csv and FILE-edges.csv)",
     "berkas keluaran (csv: FILE-nodes.csv dan FILE-edges.csv)"},
    {"network.export.country", "only this country's places and their ties",
     "hanya tempat di negara ini beserta hubungannya"},
    {"network.computing", "computing the network panel...", "menghitung panel jaringan..."},
    {"network.charts", "charts: {degree}, {distance}", "grafik: {degree}, {distance}"},
    {"network.charts_failed", "cannot write the charts '{file}'",
     "tidak dapat menulis grafik '{file}'"},
    {"network.export.done", "{files}: {places} places, {ties} ties ({attribution})",
     "{files}: {places} tempat, {ties} hubungan ({attribution})"},
    {"network.import.remove",
     "remove what an earlier network import stored (your own records stay)",
     "hapus apa yang disimpan oleh impor jaringan sebelumnya (catatan Anda sendiri tetap ada)"},
    {"network.import.removed", "worldwide network removed from {db}: {ties} ties, {places} places",
     "jaringan seluruh dunia dihapus dari {db}: {ties} hubungan, {places} tempat"},
    {"network.import.progress", "storing the worldwide network: {done} / {total} ties",
     "menyimpan jaringan seluruh dunia: {done} / {total} hubungan"},
    {"network.import.done",
     "worldwide network stored in {db}: regions {regions_new} new, {regions_updated} updated; "
     "partnerships {partnerships_new} new, {partnerships_updated} updated",
     "jaringan seluruh dunia disimpan di {db}: daerah {regions_new} baru, {regions_updated} "
     "diperbarui; kemitraan {partnerships_new} baru, {partnerships_updated} diperbarui"},

    // find-partners
    {"find.help", "Rank candidate partners and explain every score",
     "Urutkan calon mitra dan jelaskan setiap skornya"},
    {"find.region", "region id or place name (Indonesian or English)",
     "id daerah atau nama tempat (bahasa Indonesia atau Inggris)"},
    {"find.needs", "fields the region needs, comma-separated (e.g. environment,education)",
     "bidang yang dibutuhkan daerah, dipisahkan koma (misalnya environment,education)"},
    {"find.level", "only candidates of this level (city, province, ...)",
     "hanya calon pada tingkat ini (city, province, ...)"},
    {"find.country", "only candidates in this country (ISO code or name)",
     "hanya calon di negara ini (kode ISO atau nama)"},
    {"find.top", "how many candidates (default 10)", "jumlah calon (bawaan 10)"},
    {"find.title", "{name} ({id}): {n} candidates", "{name} ({id}): {n} calon mitra"},
    {"find.title_one", "{name} ({id}): 1 candidate", "{name} ({id}): 1 calon mitra"},
    {"find.policy", "weights file (default: the built-in config/policy.json)",
     "berkas bobot (bawaan: config/policy.json yang terpasang di program)"},
    {"find.unknown_level", "--level: unknown level '{value}'",
     "--level: tingkat '{value}' tidak dikenal"},
    {"find.unknown_field", "--needs: unknown field '{value}'",
     "--needs: bidang '{value}' tidak dikenal"},
    {"find.needs_unscored",
     "note: no place's strengths meeting these needs are known, so no candidate could be "
     "scored on them; the ranking ignores --needs",
     "catatan: tidak ada tempat yang diketahui kekuatannya untuk kebutuhan ini, jadi tidak ada "
     "calon yang dapat dinilai menurut kebutuhan itu; peringkat mengabaikan --needs"},
    // kembar finder evaluate | fit (issue 14)
    {"finder.help", "Measure the partner finder on real ties, or fit its weights",
     "Ukur pencari mitra pada hubungan nyata, atau pasang bobotnya"},
    {"finder.evaluate.help",
     "Hold out real ties, rank each partner among the candidates, compare with baselines",
     "Sisihkan hubungan nyata, peringkatkan tiap mitra di antara calon, bandingkan dengan "
     "pembanding"},
    {"finder.fit.help",
     "Fit the ranking's weights on the network without the evaluation ties (prints JSON)",
     "Pasang bobot peringkat pada jaringan tanpa hubungan evaluasi (mencetak JSON)"},
    {"finder.holdout", "CSV of held-out pairs: city1,country1,city2,country2",
     "CSV pasangan yang disisihkan: city1,country1,city2,country2"},
    {"finder.sample", "hold out this many ties drawn from the Wikipedia list",
     "sisihkan sebanyak ini hubungan yang diambil acak dari daftar Wikipedia"},
    {"finder.seed", "seed of the sample and of the random baseline (default 1)",
     "benih sampel dan pembanding acak (bawaan 1)"},
    {"finder.k", "cut-offs of hit@k, comma-separated (default 10,100)",
     "batas hit@k, dipisahkan koma (bawaan 10,100)"},
    {"finder.negatives", "non-ties sampled per tie (default 20)",
     "bukan-hubungan yang diambil per hubungan (bawaan 20)"},
    {"finder.folds", "cross-validation folds (default 5)", "lipatan validasi silang (bawaan 5)"},
    {"finder.bad_k", "--k: '{value}' is not a positive whole number (e.g. --k 10,100)",
     "--k: '{value}' bukan bilangan bulat positif (misalnya --k 10,100)"},
    {"finder.progress", "ranking held-out ties: {done} / {total}",
     "memeringkat hubungan yang disisihkan: {done} / {total}"},
    {"finder.fit.progress", "collecting examples: {done} / {total} places",
     "mengumpulkan contoh: {done} / {total} tempat"},
    {"finder.eval.head", "held out: {holdout}; {pairs} pairs, {rankable} rankable by the finder",
     "disisihkan: {holdout}; {pairs} pasangan, {rankable} dapat diperingkat oleh pencari"},
    {"finder.eval.method", "method", "metode"},
    {"finder.eval.misses", "not rankable ({n}):", "tidak dapat diperingkat ({n}):"},
    {"finder.eval.miss.city1_not_found", "'{city1}' is neither in the network nor in the gazetteer",
     "'{city1}' tidak ada di jaringan maupun di gazetir"},
    {"finder.eval.miss.city2_not_found", "'{city2}' is neither in the network nor in the gazetteer",
     "'{city2}' tidak ada di jaringan maupun di gazetir"},
    {"finder.eval.miss.city1_no_coordinates", "'{city1}' has no coordinates in the network",
     "'{city1}' tidak memiliki koordinat di jaringan"},
    {"finder.eval.miss.city2_not_in_gazetteer",
     "'{city2}' is in the network but not in the gazetteer (a district, an area, or a name "
     "it writes otherwise), so it cannot be proposed",
     "'{city2}' ada di jaringan tetapi tidak di gazetir (distrik, wilayah, atau nama yang "
     "ditulis lain), jadi tidak dapat diusulkan"},
    {"finder.eval.miss.not_a_candidate",
     "the finder never proposes '{city2}' here (the same country, no diplomatic relations, "
     "or a small place without ties)",
     "pencari tidak pernah mengusulkan '{city2}' di sini (negara yang sama, tanpa hubungan "
     "diplomatik, atau tempat kecil tanpa hubungan kota kembar)"},
    // The table's columns (short: they head fixed-width columns).
    // Errors the command line finds itself.
    {"err.cannot_read", "cannot read '{file}'", "tidak dapat membaca '{file}'"},
    {"err.cannot_write", "cannot write '{file}'", "tidak dapat menulis '{file}'"},
    {"err.as_of_empty", "--as-of: give a day as YYYY-MM-DD, or leave the option out for today",
     "--as-of: berikan tanggal dalam bentuk TTTT-BB-HH, atau hilangkan opsi ini untuk memakai "
     "hari ini"},
    {"err.as_of_bad", "--as-of: '{value}' is not a day: write YYYY-MM-DD, e.g. 2023-12-31",
     "--as-of: '{value}' bukan tanggal: tulis TTTT-BB-HH, misalnya 2023-12-31"},
    {"err.plot_format", "--plot: '{file}' must end in .svg or .png (the format of the chart)",
     "--plot: nama berkas '{file}' harus berakhiran .svg atau .png (format grafiknya)"},
    {"err.db_empty", "--db: give the path of a database file",
     "--db: berikan lokasi (path) berkas basis data"},
    {"err.no_database",
     "there is no database at '{db}': import a dossier first (kembar import FILE) or name one "
     "with --db PATH",
     "tidak ada basis data di '{db}': impor berkas dossier terlebih dahulu (kembar import "
     "BERKAS) atau sebutkan basis datanya dengan --db PATH"},
    {"err.lang", "--lang: '{value}' is not a language: write id or en",
     "--lang: '{value}' bukan pilihan bahasa: tulis id atau en"},

    // The parser's errors (CLI11), recognised by their English form.
    {"cli.run_help", "Run with --help for more information.",
     "Jalankan dengan --help untuk keterangan lebih lanjut."},
    {"cli.required", "{what} is required", "{what} wajib diberikan"},
    {"cli.subcommand_required", "A subcommand is required",
     "perintah wajib diberikan, misalnya kembar import BERKAS (lihat kembar --help)"},
    {"cli.not_expected", "The following argument was not expected: {args}",
     "argumen berikut tidak dikenal: {args}"},
    {"cli.not_expected_many", "The following arguments were not expected: {args}",
     "argumen berikut tidak dikenal: {args}"},
    {"cli.not_in_range", "{option}: value {value} not in range {min} to {max}",
     "{option}: nilai {value} di luar rentang {min} sampai {max}"},
    {"cli.not_in_set", "{option}: {value} is not one of {set}",
     "{option}: {value} bukan salah satu dari {set}"},
    {"cli.excludes", "{option} excludes {other}", "{option} tidak dapat dipakai bersama {other}"},
    {"cli.value_missing", "{option}: a value is missing", "{option}: nilainya belum diberikan"},
    {"cli.not_convertible", "{option}: '{value}' is not a valid value",
     "{option}: '{value}' bukan nilai yang valid"},
    {"cli.other", "command-line error: {detail}", "kesalahan pada baris perintah: {detail}"},
    // kembar profile set|show|clear: what a region seeks and offers (issue 14, item 4)
    {"profile.help", "A region's partner-wanted profile: the fields it seeks and offers",
     "Profil mitra yang dicari daerah: bidang yang dicari dan ditawarkan"},
    {"profile.set.help", "Set a region's profile (the members given; \"\" removes one)",
     "Tetapkan profil daerah (isian yang diberikan; \"\" menghapusnya)"},
    {"profile.show.help", "Show a region's profile", "Tampilkan profil daerah"},
    {"profile.clear.help", "Remove a region's profile", "Hapus profil daerah"},
    {"profile.region", "a stored region's id or name", "id atau nama daerah yang tersimpan"},
    {"profile.seeks", "fields it seeks in a partner, comma-separated (e.g. environment,education)",
     "bidang yang dicari pada mitra, dipisahkan koma (misalnya environment,education)"},
    {"profile.offers", "fields it offers partners, comma-separated",
     "bidang yang ditawarkan kepada mitra, dipisahkan koma"},
    {"profile.levels", "levels it prefers in a partner (city, province, ...)",
     "tingkat pemerintahan mitra yang diutamakan (city, province, ...)"},
    {"profile.countries", "countries it prefers (ISO codes or names, comma-separated)",
     "negara yang diutamakan (kode ISO atau nama, dipisahkan koma)"},
    {"profile.contact", "a contact: an e-mail address, a web address or a name",
     "kontak: alamat surel, alamat web atau nama"},
    {"profile.contact_office", "the contact's office (e.g. Bagian Kerja Sama)",
     "unit kerja kontak (misalnya Bagian Kerja Sama)"},
    {"profile.contact_phone", "the contact's telephone", "telepon kontak"},
    {"profile.source", "where the profile was stated (a citation)",
     "sumber profil (kutipan tempat profil itu dinyatakan)"},
    {"profile.updated", "the day the profile was stated (YYYY, YYYY-MM or YYYY-MM-DD)",
     "tanggal profil dinyatakan (TTTT, TTTT-BB atau TTTT-BB-HH)"},
    {"profile.json", "print the profile as JSON", "cetak profil sebagai JSON"},
    {"profile.set_done", "profile of {id} set", "profil {id} ditetapkan"},
    {"profile.cleared", "profile of {id} removed", "profil {id} dihapus"},
    {"profile.none", "{name} ({id}) has no partner-wanted profile",
     "{name} ({id}) belum memiliki profil mitra yang dicari"},
    {"profile.heading", "{name} ({id}): partner-wanted profile",
     "{name} ({id}): profil mitra yang dicari"},
    {"profile.seeks_label", "seeks", "mencari"},
    {"profile.offers_label", "offers", "menawarkan"},
    {"profile.levels_label", "prefers levels", "tingkat yang diutamakan"},
    {"profile.countries_label", "prefers countries", "negara yang diutamakan"},
    {"profile.contact_label", "contact", "kontak"},
    {"profile.source_label", "source", "sumber"},
    {"profile.updated_label", "stated", "dinyatakan"},
    {"profile.needs_label", "needs (region member)", "kebutuhan (isian daerah)"},
    {"profile.strengths_label", "strengths (region member)", "kekuatan (isian daerah)"},
    {"find.two_way_beyond",
     "two-way matches below these (each offers what the other seeks; docs/finder.md):",
     "kecocokan dua arah di bawah peringkat ini (masing-masing menawarkan yang dicari pihak "
     "lain; docs/finder.md):"},
    {"find.offers_sought", "{offerer} offers {fields}, which {seeker} seeks",
     "{offerer} menawarkan {fields}, yang dicari {seeker}"},
};

const std::unordered_map<std::string_view, const CliTextEntry*>& Index() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, const CliTextEntry*>();
    for (const CliTextEntry& e : kTexts) m->emplace(e.key, &e);
    return m;
  }();
  return *index;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }

}  // namespace

std::string_view CliText(std::string_view key, Lang lang) {
  auto it = Index().find(key);
  if (it == Index().end()) return key;
  return lang == Lang::kId ? it->second->id : it->second->en;
}

std::string CliText(std::string_view key, Lang lang, CliArgs args) {
  const std::string_view tmpl = CliText(key, lang);
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{') {
      const size_t end = tmpl.find('}', i);
      if (end != std::string_view::npos) {
        const std::string_view name = tmpl.substr(i + 1, end - i - 1);
        for (const auto& [k, v] : args) {
          if (k == name) {
            out += v;
            break;
          }
        }
        i = end;
        continue;
      }
    }
    out.push_back(tmpl[i]);
  }
  return out;
}

std::string CliNumber(double value, int max_decimals, Lang lang) {
  return assess::FormatNumber(value, max_decimals, lang);
}

std::vector<CliTextEntry> CliCatalogue() { return {std::begin(kTexts), std::end(kTexts)}; }

Lang CliLang(int argc, const char* const* argv, std::string* bad_value) {
  std::optional<std::string_view> given;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc) {
      given = argv[++i];
    } else if (StartsWith(a, "--lang=")) {
      given = a.substr(7);
    }
  }
  if (given) {
    if (auto l = ParseLang(*given)) return *l;
    if (bad_value) *bad_value = std::string(*given);
  }
  return LangFromEnvironment();
}

std::vector<std::string> WithoutLangOption(int argc, const char* const* argv) {
  std::vector<std::string> out;
  bool rest = false;
  for (int i = 0; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (i > 0 && !rest) {
      if (a == "--") {
        rest = true;
      } else if (a == "--lang" && i + 1 < argc) {
        ++i;
        continue;
      } else if (StartsWith(a, "--lang=")) {
        continue;
      }
    }
    out.emplace_back(a);
  }
  return out;
}

std::string CliParseError(std::string_view m, Lang lang) {
  auto between = [&](std::string_view from, std::string_view a, std::string_view b,
                     std::string_view* left, std::string_view* right) {
    const size_t pa = from.find(a);
    if (pa == std::string_view::npos) return false;
    const size_t pb = from.find(b, pa + a.size());
    if (pb == std::string_view::npos) return false;
    *left = from.substr(pa + a.size(), pb - pa - a.size());
    *right = from.substr(pb + b.size());
    return true;
  };
  auto s = [](std::string_view v) { return std::string(v); };
  if (m == "A subcommand is required") return s(CliText("cli.subcommand_required", lang));
  for (const auto& [prefix, key] :
       {std::pair<std::string_view, std::string_view>{"The following arguments were not expected: ",
                                                      "cli.not_expected_many"},
        {"The following argument was not expected: ", "cli.not_expected"}}) {
    if (StartsWith(m, prefix)) return CliText(key, lang, {{"args", s(m.substr(prefix.size()))}});
  }
  if (StartsWith(m, "Could not convert: ")) {
    const std::string_view rest = m.substr(19);
    const size_t eq = rest.find(" = ");
    if (eq != std::string_view::npos) {
      return CliText("cli.not_convertible", lang,
                     {{"option", s(rest.substr(0, eq))}, {"value", s(rest.substr(eq + 3))}});
    }
  }
  // "--months: Value 0 not in range 1 to 1200", "--lang: fr not in {id,en}",
  // "--db: 1 required TEXT missing".
  if (const size_t colon = m.find(": "); colon != std::string_view::npos && m[0] == '-') {
    const std::string option = s(m.substr(0, colon));
    const std::string_view detail = m.substr(colon + 2);
    std::string_view value, rest;
    if (StartsWith(detail, "Value ") &&
        between(detail, "Value ", " not in range ", &value, &rest)) {
      const size_t to = rest.find(" to ");
      if (to != std::string_view::npos) {
        return CliText("cli.not_in_range", lang,
                       {{"option", option},
                        {"value", s(value)},
                        {"min", s(rest.substr(0, to))},
                        {"max", s(rest.substr(to + 4))}});
      }
    }
    if (const size_t pos = detail.rfind(" not in {"); pos != std::string_view::npos) {
      return CliText("cli.not_in_set", lang,
                     {{"option", option},
                      {"value", s(detail.substr(0, pos))},
                      {"set", s(detail.substr(pos + 8))}});
    }
    if (detail.ends_with(" missing") && detail.find(" required ") != std::string_view::npos) {
      return CliText("cli.value_missing", lang, {{"option", option}});
    }
  }
  if (m.ends_with(" is required") && m.find(' ') == m.size() - 12) {
    return CliText("cli.required", lang, {{"what", s(m.substr(0, m.size() - 12))}});
  }
  if (const size_t pos = m.find(" excludes "); pos != std::string_view::npos && m[0] == '-') {
    return CliText("cli.excludes", lang,
                   {{"option", s(m.substr(0, pos))}, {"other", s(m.substr(pos + 10))}});
  }
  if (lang == Lang::kEn) return s(m);
  return CliText("cli.other", lang, {{"detail", s(m)}});
}

}  // namespace kembar::report
