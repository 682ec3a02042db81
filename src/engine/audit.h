// The audit use case: the change log (records' and accounts' entries), filtered.
#ifndef KEMBAR_SRC_ENGINE_AUDIT_H_
#define KEMBAR_SRC_ENGINE_AUDIT_H_

#include "kembar/api.h"
#include "kembar/store/store.h"

namespace kembar::engine {

// See Kembar::Audit.
Result<AuditReport> Audit(store::Store& store, const AuditParams& params);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_AUDIT_H_
