// What PostgreSQL adds to the store's contract (pg_store.h): readers that a long
// import does not block, and several writers (stores in other processes) on one
// database whose change log stays one hash chain. Skipped without $KEMBAR_TEST_PG.
#include "kembar/store/pg_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "kembar/io/dossier_reader.h"
#include "testing/backends.h"
#include "testing/dossier_gen.h"

namespace kembar {
namespace {

using nlohmann::json;

Dossier Read(const json& doc) {
  io::DossierReader reader;
  Dossier d;
  io::ReadReport report = reader.Read(doc.dump(), &d);
  EXPECT_TRUE(report.ok()) << report.ToStatus().ToString();
  return d;
}

store::ChangeRecord Change(const std::string& action, const std::string& record,
                           std::vector<std::string> touched) {
  store::ChangeRecord c;
  c.actor = "local:test";
  c.action = action;
  c.record = record;
  c.partnerships = std::move(touched);
  return c;
}

class PgStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::NewPgDatabase();
    KEMBAR_SKIP_WITHOUT_PG(url_);
    auto s = store::OpenStore(url_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  std::string url_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(PgStoreTest, ReadersAreNotBlockedByALongImport) {
  const Dossier first = Read(testing::GenerateDossier(10, 3, 1));
  store::ImportRequest req;
  req.dossier = &first;
  req.change = Change("import", "first.json", {});
  ASSERT_TRUE(store_->Import(req).ok());

  // A second import that stops half way, inside its transaction, until the readers
  // (this store's other connections, and a store of "another process") have read.
  auto other = store::OpenStore(url_);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  const Dossier second = Read(testing::GenerateDossier(30, 3, 2));
  std::promise<void> half_written, readers_done;
  std::shared_future<void> done = readers_done.get_future().share();
  store::ImportRequest slow;
  slow.change = Change("import", "second.json", {});
  slow.stream = [&](store::ImportSink& sink) -> Status {
    for (const Region& r : second.regions) {
      if (Status s = sink.PutRegion(r); !s.ok()) return s;
    }
    for (size_t i = 0; i < 15; ++i) {
      if (Status s = sink.PutPartnership(second.partnerships[i]); !s.ok()) return s;
    }
    half_written.set_value();
    if (done.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
      return Status::IoError("the readers did not finish while the import was open");
    }
    for (size_t i = 15; i < second.partnerships.size(); ++i) {
      if (Status s = sink.PutPartnership(second.partnerships[i]); !s.ok()) return s;
    }
    return Status::Ok();
  };
  auto importing = std::async(std::launch::async, [&] { return store_->Import(slow); });
  half_written.get_future().wait();
  for (store::Store* s : {store_.get(), other->get()}) {
    const auto start = std::chrono::steady_clock::now();
    auto counts = s->Count();
    ASSERT_TRUE(counts.ok()) << counts.status().ToString();
    EXPECT_EQ(counts->partnerships, 10u) << "the import's rows are not seen before it commits";
    auto all = s->Export({});
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    EXPECT_EQ(all->partnerships.size(), 10u);
    EXPECT_EQ(*s->Version(), 1);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5))
        << "a reader waited for the import";
  }
  readers_done.set_value();
  auto stats = importing.get();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->partnerships_added, 20u);  // p0..p9 are replaced, p10..p29 are new
  EXPECT_EQ(store_->Count()->partnerships, 30u);
  EXPECT_EQ((*other)->Count()->partnerships, 30u);
}

TEST_F(PgStoreTest, ConcurrentWritersOnTwoStoresKeepOneChain) {
  const Dossier base = Read(testing::GenerateDossier(40, 2, 3));
  store::ImportRequest req;
  req.dossier = &base;
  req.change = Change("import", "base.json", {});
  ASSERT_TRUE(store_->Import(req).ok());
  auto other = store::OpenStore(url_);
  ASSERT_TRUE(other.ok()) << other.status().ToString();

  // Four threads, two per store, each re-importing its own partnerships one by one
  // (an edit's write) and deleting some: every write appends one change record.
  std::atomic<int> failures{0}, writes{1};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    store::Store* s = t % 2 ? other->get() : store_.get();
    threads.emplace_back([&, s, t] {
      for (size_t i = static_cast<size_t>(t); i < base.partnerships.size(); i += 4) {
        Dossier one;
        one.partnerships.push_back(base.partnerships[i]);
        store::ImportRequest edit;
        edit.dossier = &one;
        edit.log_import = false;
        edit.change = Change("partnership.edit", one.partnerships[0].id, {one.partnerships[0].id});
        if (!s->Import(edit).ok()) ++failures;
        ++writes;
        if (i % 5 == 0) {
          const std::string& id = base.partnerships[i].id;
          if (!s->DeletePartnership(id, Change("partnership.delete", id, {id}), nullptr).ok()) {
            ++failures;
          }
          ++writes;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*store_->ChangeLogSize(), static_cast<size_t>(writes.load())) << "nothing lost";
  EXPECT_EQ(*store_->Version(), writes.load()) << "sequence numbers without a gap";
  Status chain = (*other)->VerifyChangeLog();
  EXPECT_TRUE(chain.ok()) << chain.ToString();
  EXPECT_EQ(store_->Count()->partnerships, 32u);  // 8 of 40 deleted (i % 5 == 0)
}

TEST_F(PgStoreTest, AFailedImportWritesNothing) {
  const Dossier base = Read(testing::GenerateDossier(5, 2, 4));
  store::ImportRequest req;
  req.dossier = &base;
  ASSERT_TRUE(store_->Import(req).ok());
  const Dossier more = Read(testing::GenerateDossier(12, 2, 5));
  store::ImportRequest failing;
  failing.change = Change("import", "more.json", {});
  failing.stream = [&](store::ImportSink& sink) -> Status {
    for (const Region& r : more.regions) {
      if (Status s = sink.PutRegion(r); !s.ok()) return s;
    }
    for (const Partnership& p : more.partnerships) {
      if (Status s = sink.PutPartnership(p); !s.ok()) return s;
    }
    return Status::InvalidInput("the last partnership was wrong");
  };
  EXPECT_EQ(store_->Import(failing).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(store_->Count()->partnerships, 5u);
  EXPECT_EQ(store_->Count()->regions, base.regions.size());
  EXPECT_EQ(*store_->ChangeLogSize(), 0u);
}

TEST_F(PgStoreTest, AnUnreachableServerIsAnIoErrorWithoutThePassword) {
  auto s = store::OpenStore("postgresql://kembar:s3cret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kIoError);
  EXPECT_EQ(s.status().message().find("s3cret"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("postgresql://kembar:***@127.0.0.1:1/none"),
            std::string::npos)
      << s.status().message();
}

}  // namespace
}  // namespace kembar
