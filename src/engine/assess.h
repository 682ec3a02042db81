// The assessment use cases: assess (a file or stored partnerships), the renewal
// calendar, the to-do list, diplomatic relations and policy files.
#ifndef KEMBAR_SRC_ENGINE_ASSESS_H_
#define KEMBAR_SRC_ENGINE_ASSESS_H_

#include <string>

#include "engine/engine.h"
#include "kembar/api.h"

namespace kembar::engine {

// Assesses an already loaded dossier (pure: the date and policy come in options).
AssessReport AssessLoaded(Dossier dossier, const AssessOptions& options);

// See Kembar::AssessFile.
Result<AssessReport> AssessFile(const std::string& file, const AssessOptions& options,
                                const io::ReadOptions& read);

// See Kembar::Assess. `engine` may be null when params.file is given.
Result<AssessReport> Assess(const Engine* engine, const AssessParams& params);

// See Kembar::Calendar.
Result<CalendarReport> Calendar(const Engine& engine, const CalendarParams& params);

// See Kembar::Todo.
Result<TodoReport> Todo(const Engine& engine, const TodoParams& params);

// See Kembar::Relations.
Result<RelationsReport> Relations(const RelationsParams& params);

// See Kembar::LoadPolicy.
Result<assess::Policy> LoadPolicy(const std::string& file);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_ASSESS_H_
