// Record keeping use cases: import with its refusal and merge rules, and the edits
// of one event, partnership or region. Each takes the store, validates with the same
// rules as import (errors name the JSON path), and writes the records and one change
// record in a single transaction.
#ifndef KEMBAR_SRC_ENGINE_RECORDS_H_
#define KEMBAR_SRC_ENGINE_RECORDS_H_

#include <string>

#include "kembar/kembar.h"
#include "kembar/store/store.h"

namespace kembar::engine {

// Reads, checks and imports a dossier file per params.mode (kembar.h, ImportParams).
Result<store::ImportStats> Import(store::Store& store, const io::ReadOptions& read,
                                  const ImportParams& params);

// Adds, edits or deletes one event of a stored partnership (kembar.h, EventEdit).
Result<EditResult> EditEvent(store::Store& store, const io::ReadOptions& read,
                             const EventEdit& edit);

// Adds or edits a partnership's or region's own members (kembar.h, RecordEdit).
Result<EditResult> EditRecord(store::Store& store, const io::ReadOptions& read,
                              const RecordEdit& edit);

// The version of a partnership: the SHA-256 of its dossier-v1 JSON (with events).
std::string PartnershipVersion(const Partnership& partnership);

// One stored partnership with its regions and version (kembar.h, GetPartnership).
Result<PartnershipRecord> GetPartnership(store::Store& store, const std::string& id);

// Deletes a stored partnership or region with its change record.
Result<EditResult> DeleteRecord(store::Store& store, const DeleteParams& params);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_RECORDS_H_
