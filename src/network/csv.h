// The network module reads CSV with the shared splitter.
#ifndef KEMBAR_SRC_NETWORK_CSV_H_
#define KEMBAR_SRC_NETWORK_CSV_H_

#include "kembar/io/csv.h"

namespace kembar::network {
namespace csv = io::csv;
}  // namespace kembar::network

#endif  // KEMBAR_SRC_NETWORK_CSV_H_
