// igraph inside src/network only: the graph handle and RAII owners for igraph's
// vectors. igraph reports errors through a handler; ours turns them into exceptions,
// because with valid graphs built by Graph::Build they can only be bugs or a failed
// allocation.
#ifndef KEMBAR_SRC_NETWORK_IGRAPH_UTIL_H_
#define KEMBAR_SRC_NETWORK_IGRAPH_UTIL_H_

#include <igraph.h>

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace kembar::network {

// Installs the error and warning handlers once (igraph's default aborts the process).
void InitIGraph();

// Throws std::runtime_error naming `what` unless `rc` is IGRAPH_SUCCESS.
inline void Check(igraph_error_t rc, const char* what) {
  if (rc != IGRAPH_SUCCESS) {
    throw std::runtime_error(std::string("igraph: ") + what + ": " + igraph_strerror(rc));
  }
}

struct IGraphHandle {
  igraph_t g;
  // An undirected graph of n vertices and the given (a, b) pairs.
  IGraphHandle(size_t n, std::span<const igraph_integer_t> pairs);
  ~IGraphHandle() { igraph_destroy(&g); }
  IGraphHandle(const IGraphHandle&) = delete;
  IGraphHandle& operator=(const IGraphHandle&) = delete;
};

// An owned igraph_vector_t.
class RealVector {
 public:
  explicit RealVector(size_t n = 0) { Check(igraph_vector_init(&v_, static_cast<igraph_integer_t>(n)), "vector"); }
  ~RealVector() { igraph_vector_destroy(&v_); }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
  igraph_vector_t* get() { return &v_; }
  size_t size() const { return static_cast<size_t>(igraph_vector_size(&v_)); }
  double operator[](size_t i) const { return VECTOR(v_)[i]; }
  double& operator[](size_t i) { return VECTOR(v_)[i]; }

 private:
  igraph_vector_t v_;
};

// An owned igraph_vector_int_t.
class IntVector {
 public:
  explicit IntVector(size_t n = 0) {
    Check(igraph_vector_int_init(&v_, static_cast<igraph_integer_t>(n)), "vector_int");
  }
  ~IntVector() { igraph_vector_int_destroy(&v_); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  igraph_vector_int_t* get() { return &v_; }
  const igraph_vector_int_t* get() const { return &v_; }
  size_t size() const { return static_cast<size_t>(igraph_vector_int_size(&v_)); }
  igraph_integer_t operator[](size_t i) const { return VECTOR(v_)[i]; }
  igraph_integer_t& operator[](size_t i) { return VECTOR(v_)[i]; }

 private:
  igraph_vector_int_t v_;
};

// An owned igraph_matrix_t (column-major: MATRIX(m, row, col)).
class RealMatrix {
 public:
  RealMatrix(size_t rows, size_t cols) {
    Check(igraph_matrix_init(&m_, static_cast<igraph_integer_t>(rows), static_cast<igraph_integer_t>(cols)),
          "matrix");
  }
  ~RealMatrix() { igraph_matrix_destroy(&m_); }
  RealMatrix(const RealMatrix&) = delete;
  RealMatrix& operator=(const RealMatrix&) = delete;
  igraph_matrix_t* get() { return &m_; }
  double at(size_t r, size_t c) const { return MATRIX(m_, r, c); }

 private:
  igraph_matrix_t m_;
};

// An igraph_vs_t over the given vertex indices (copied).
class VertexSelection {
 public:
  explicit VertexSelection(std::span<const size_t> vertices);
  ~VertexSelection() { igraph_vs_destroy(&vs_); }
  VertexSelection(const VertexSelection&) = delete;
  VertexSelection& operator=(const VertexSelection&) = delete;
  igraph_vs_t get() const { return vs_; }

 private:
  IntVector ids_;
  igraph_vs_t vs_;
};

}  // namespace kembar::network

#endif  // KEMBAR_SRC_NETWORK_IGRAPH_UTIL_H_
