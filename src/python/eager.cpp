// Keras's eager op calls. An ovnp op called on eager values (Constants or
// NumPy arrays) is computed at once by the executor, and its result is a
// Constant; a later call of the same op with the same signature (types,
// shapes, static arguments) replays the prepared model on the new data
// without building, canonicalizing or keying the op's graph again.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <list>
#include <mutex>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "graph/builders.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "ovnp/dtype.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/executor.hpp"
#include "ovnp/precision.hpp"
#include "python/convert.hpp"

namespace ovnp::python {
namespace {

using ov::op::v0::Constant;

// An eager array argument: its data and, once known, the Constant it is.
struct Slot {
    py::object holder;  // keeps the data alive
    ov::Tensor tensor;  // a view of the data
    const ov::Node* node = nullptr;
};

struct Call {
    std::string key;
    std::vector<Slot> slots;
    bool eager = true;  // false: an argument that is a graph, or an object the key cannot name
};

template <class T>
void append_pod(std::string& key, const T& v) {
    key.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void append_type_shape(std::string& key, ov::element::Type t, const ov::Shape& shape) {
    append_pod(key, static_cast<int>(ov::element::Type_t(t)));
    append_pod(key, shape.size());
    for (size_t d : shape) append_pod(key, d);
}

// NumPy dtype objects of the builtin types are singletons: their element types are looked up once.
ov::element::Type element_type(const py::dtype& dt) {
    static std::unordered_map<PyObject*, std::pair<py::object, ov::element::Type>> known;
    auto it = known.find(dt.ptr());
    if (it != known.end()) return it->second.second;
    ov::element::Type t = ov::element::dynamic;
    try {
        t = dtype::from_name(py::str(dt.attr("name")).cast<std::string>());
    } catch (const ovnp::TypeError&) {
    }
    known.emplace(dt.ptr(), std::make_pair(py::reinterpret_borrow<py::object>(dt), t));
    return t;
}

void walk(const py::handle& h, Call& call) {
    if (!call.eager) return;
    std::string& key = call.key;
    PyObject* p = h.ptr();
    if (h.is_none()) {
        key += 'N';
    } else if (PyBool_Check(p)) {
        key += p == Py_True ? 'T' : 'F';
    } else if (PyLong_CheckExact(p)) {
        int overflow = 0;
        const long long v = PyLong_AsLongLongAndOverflow(p, &overflow);
        if (overflow) {
            call.eager = false;
            return;
        }
        key += 'i';
        append_pod(key, v);
    } else if (PyFloat_CheckExact(p)) {
        key += 'f';
        append_pod(key, PyFloat_AS_DOUBLE(p));
    } else if (PyUnicode_CheckExact(p)) {
        const std::string s = h.cast<std::string>();
        key += 's';
        append_pod(key, s.size());
        key += s;
    } else if (PyTuple_CheckExact(p) || PyList_CheckExact(p)) {
        key += PyTuple_CheckExact(p) ? '(' : '[';
        append_pod(key, py::len(h));
        for (auto v : h) walk(v, call);
        key += ')';
    } else if (py::isinstance<py::array>(h)) {
        auto arr = py::array::ensure(h, py::array::c_style);
        const ov::element::Type t = arr ? element_type(arr.dtype()) : ov::element::dynamic;
        if (t == ov::element::dynamic) {  // the op raises its own error
            call.eager = false;
            return;
        }
        ov::Shape shape(arr.shape(), arr.shape() + arr.ndim());
        key += 'A';
        append_type_shape(key, t, shape);
        Slot s;
        s.tensor = ov::Tensor(t, shape, const_cast<void*>(arr.data()));
        s.holder = std::move(arr);
        call.slots.push_back(std::move(s));
    } else {
        Output o;
        try {
            o = h.cast<Output>();
        } catch (const py::cast_error&) {
            call.eager = false;
            return;
        }
        const auto* k = ov::as_type<const Constant>(o.get_node());
        std::vector<int64_t> perm;
        if (!k) k = detail::transposed_constant(o.get_node(), &perm);
        if (!k) {
            call.eager = false;
            return;
        }
        if (!perm.empty()) {  // a transposed view: its Constant is the slot
            key += 'P';
            append_pod(key, perm.size());
            for (int64_t a : perm) append_pod(key, a);
        }
        for (size_t j = 0; j < call.slots.size(); ++j) {
            if (call.slots[j].node == k) {  // the same Constant twice is one input of the graph
                key += 'a';
                append_pod(key, j);
                return;
            }
        }
        key += 'O';
        append_type_shape(key, k->get_element_type(), k->get_shape());
        Slot s;
        s.tensor = ov::Tensor(k->get_element_type(), k->get_shape(), const_cast<void*>(k->get_data_ptr()));
        s.holder = py::reinterpret_borrow<py::object>(h);
        s.node = k;
        call.slots.push_back(std::move(s));
    }
}

// Drops a Python reference from any thread (the executor's cache may drop the last
// Constant over a NumPy array with the GIL released); at interpreter exit it leaks it.
void release_object(void* p) {
    auto* o = static_cast<py::object*>(p);
    if (!Py_IsInitialized() || _Py_IsFinalizing()) {
        o->release();
    } else {
        py::gil_scoped_acquire gil;
        o->dec_ref();
        o->release();
    }
    delete o;
}

// A Constant of the given shape over a slot's memory: sharing its Constant's buffer, or a
// NumPy array's memory while keeping the array alive. No copy: as in NumPy, a view of an
// array shows later writes to it.
std::shared_ptr<Constant> shared_constant(const Slot& s, const ov::Shape& shape) {
    if (s.node) return std::make_shared<Constant>(*static_cast<const Constant*>(s.node), shape);
    std::shared_ptr<void> owner(new py::object(s.holder), release_object);
    return std::make_shared<Constant>(s.tensor.get_element_type(), shape, s.tensor.data(), owner);
}

// The arguments with each NumPy array replaced by the Constant of its slot.
py::object substitute(const py::handle& h, std::vector<Slot>& slots, size_t& next) {
    PyObject* p = h.ptr();
    if (PyTuple_CheckExact(p) || PyList_CheckExact(p)) {
        py::list items;
        for (auto v : h) items.append(substitute(v, slots, next));
        if (PyTuple_CheckExact(p)) return py::tuple(items);
        return std::move(items);
    }
    if (py::isinstance<py::array>(h)) {
        Slot& s = slots.at(next++);
        auto k = shared_constant(s, s.tensor.get_shape());
        s.node = k.get();
        return py::cast(k->output(0));
    }
    if (h.is_none() || PyBool_Check(p) || PyLong_CheckExact(p) || PyFloat_CheckExact(p) || PyUnicode_CheckExact(p))
        return py::reinterpret_borrow<py::object>(h);
    // An Output: a slot unless it repeats an earlier one.
    const ov::Node* node = h.cast<Output>().get_node();
    if (const Constant* k = detail::transposed_constant(node)) node = k;
    for (size_t j = 0; j < next; ++j)
        if (slots[j].node == node) return py::reinterpret_borrow<py::object>(h);
    ++next;
    return py::reinterpret_borrow<py::object>(h);
}

enum class Kind { One, Tuple, List };

// An output that is an argument reshaped (reshape, squeeze, expand_dims, ravel, or the argument
// itself) or transposed (transpose, moveaxis, swapaxes): NumPy returns a view. It becomes a
// Constant sharing the argument's memory; a transposed one, a Transpose of that Constant,
// computed only where it is used (convert_to_numpy copies it in its own order, as np.array
// of a NumPy view does).
struct View {
    int slot = -1;  // -1: not a view
    ov::Shape shape;  // of the Constant
    std::vector<int64_t> perm;  // empty: not transposed
};

View view_of(const Output& o, const std::vector<Slot>& slots) {
    using namespace ov::op;
    if (!o.get_partial_shape().is_static()) return {};
    const ov::Node* n = o.get_node();
    std::vector<int64_t> perm(o.get_shape().size());  // output axis i is axis perm[i] of n's
    std::iota(perm.begin(), perm.end(), 0);
    bool transposed = false;
    while (ov::is_type<v1::Transpose>(n)) {
        auto* p = ov::as_type<const Constant>(n->get_input_node_ptr(1));
        if (!p) return {};
        const auto inner = p->cast_vector<int64_t>();
        if (inner.size() != perm.size()) return {};
        for (auto& a : perm) a = inner[size_t(a)];
        n = n->get_input_node_ptr(0);
        transposed = true;
    }
    if (!transposed) {
        while (ov::is_type<v1::Reshape>(n) || ov::is_type<v0::Squeeze>(n) || ov::is_type<v15::Squeeze>(n) ||
               ov::is_type<v0::Unsqueeze>(n))
            n = n->get_input_node_ptr(0);
    }
    if (std::is_sorted(perm.begin(), perm.end())) perm.clear();
    for (size_t j = 0; j < slots.size(); ++j)
        if (slots[j].node == n && n->get_output_element_type(0) == o.get_element_type())
            return {static_cast<int>(j), transposed ? n->get_output_shape(0) : o.get_shape(), perm};
    return {};
}

// Whether every result is a view: then a replay runs nothing.
bool only_views(const std::vector<View>& views) {
    return !views.empty() && std::all_of(views.begin(), views.end(), [](const View& v) { return v.slot >= 0; });
}

struct Replay {
    std::shared_ptr<const Prepared> prepared;
    Kind shape = Kind::One;
    std::vector<View> views;  // per output
    std::vector<std::pair<size_t, detail::ValueCheck>> checks;  // run on each call's slot values first
};

// One signature: which slots are static, and a replay per value of them.
struct Record {
    bool replayable = true;
    std::vector<size_t> static_args;
    std::unordered_map<std::string, Replay> replays;
    std::list<std::string>::iterator pos;
};

struct Memo {
    std::mutex mutex;
    std::list<std::string> lru;  // most recent first
    std::unordered_map<std::string, Record> records;
    uint64_t calls = 0, replays = 0, prepared = 0, lazy = 0;
    static constexpr size_t kMaxRecords = 1024;
    static constexpr size_t kMaxReplays = 16;  // per signature (distinct static values)
    static constexpr size_t kMaxStaticBytes = 4096;  // larger static values are not worth keying
};

Memo& memo() {
    static Memo* m = new Memo;  // never destroyed: its Python objects outlive the interpreter's teardown
    return *m;
}

std::string static_values(const std::vector<size_t>& static_args, const std::vector<Slot>& slots) {
    std::string v;
    for (size_t k : static_args) {
        const ov::Tensor& t = slots.at(k).tensor;
        v.append(static_cast<const char*>(t.data()), t.get_byte_size());
    }
    return v;
}

// The results as Constants: over each computed tensor, or sharing a view's argument memory.
py::object wrap(const std::vector<ov::Tensor>& tensors, Kind shape, const std::vector<View>& views,
                const std::vector<Slot>& slots) {
    std::vector<py::object> outs;
    for (size_t i = 0; i < views.size(); ++i) {  // one per output
        const View& v = views[i];
        if (v.slot < 0) {
            outs.push_back(py::cast(std::make_shared<Constant>(tensors.at(i))->output(0)));
            continue;
        }
        Output k = shared_constant(slots[v.slot], v.shape)->output(0);
        if (!v.perm.empty())
            k = std::make_shared<ov::op::v1::Transpose>(k, Constant::create(ov::element::i64, {v.perm.size()}, v.perm));
        outs.push_back(py::cast(k));
    }
    if (shape == Kind::One) return outs.at(0);
    py::list l;
    for (auto& o : outs) l.append(o);
    if (shape == Kind::Tuple) return py::tuple(l);
    return std::move(l);
}

py::object call(const py::function& fn, const py::tuple& args, const py::dict& kwargs) {
    Memo& m = memo();
    Call c;
    append_pod(c.key, reinterpret_cast<uintptr_t>(fn.ptr()));
    append_pod(c.key, static_cast<int>(ov::element::Type_t(dtype::floatx())));
    append_pod(c.key, static_cast<int>(precision()));
    c.key += Executor::global().options().device;
    c.key += '\0';
    walk(args, c);
    for (auto item : kwargs) {
        c.key += 'k';
        walk(item.first, c);
        walk(item.second, c);
    }
    if (!c.eager) return fn(*args, **kwargs);

    std::shared_ptr<const Prepared> prepared;
    Kind shape = Kind::One;
    std::vector<View> views;
    std::vector<std::pair<size_t, detail::ValueCheck>> checks;
    bool lazy = false;
    {
        std::lock_guard<std::mutex> lock(m.mutex);
        ++m.calls;
        auto it = m.records.find(c.key);
        if (it != m.records.end()) {
            m.lru.splice(m.lru.begin(), m.lru, it->second.pos);
            lazy = !it->second.replayable;
            if (lazy) {
                ++m.lazy;
            } else {
                auto r = it->second.replays.find(static_values(it->second.static_args, c.slots));
                if (r != it->second.replays.end()) {
                    prepared = r->second.prepared;
                    shape = r->second.shape;
                    views = r->second.views;
                    checks = r->second.checks;
                }
            }
        }
    }
    if (lazy) return fn(*args, **kwargs);
    if (prepared) {
        // The op's checks of its argument values (an index out of bounds raises, as on the first call).
        for (const auto& [slot, check] : checks) check(c.slots.at(slot).tensor);
        std::vector<ov::Tensor> inputs, results;
        for (const auto& s : c.slots) inputs.push_back(s.tensor);
        bool ran = only_views(views);
        if (!ran) {
            py::gil_scoped_release nogil;
            ran = Executor::global().replay(*prepared, inputs, results);
        }
        if (ran) {
            std::lock_guard<std::mutex> lock(m.mutex);
            ++m.replays;
        }
        if (ran) return wrap(results, shape, views, c.slots);
    }

    // Build the op's graph over the slots' Constants, run it, and keep its replay.
    size_t next = 0;
    py::object new_args = substitute(args, c.slots, next);
    py::dict new_kwargs;
    for (auto item : kwargs) new_kwargs[item.first] = substitute(item.second, c.slots, next);
    py::object result;
    std::vector<size_t> read;  // slots whose values the op read while building
    checks.clear();  // slots whose values it only checked
    {
        detail::ValueReads reads;
        result = fn(*new_args, **new_kwargs);
        for (const ov::Node* n : reads.nodes())
            for (size_t j = 0; j < c.slots.size(); ++j)
                if (c.slots[j].node == n) read.push_back(j);
        for (const auto& [n, check] : reads.checks())
            for (size_t j = 0; j < c.slots.size(); ++j)
                if (c.slots[j].node == n) checks.emplace_back(j, check);
    }

    std::vector<Output> outputs;
    bool outputs_only = true;
    auto add = [&](const py::handle& h) {
        try {
            outputs.push_back(h.cast<Output>());
        } catch (const py::cast_error&) {
            outputs_only = false;
        }
    };
    if (PyTuple_CheckExact(result.ptr()) || PyList_CheckExact(result.ptr())) {
        shape = PyTuple_CheckExact(result.ptr()) ? Kind::Tuple : Kind::List;
        for (auto v : result) add(v);
    } else {
        add(result);
    }
    std::vector<const ov::Node*> nodes;
    for (const auto& s : c.slots) nodes.push_back(s.node);
    views.clear();
    for (const auto& o : outputs) views.push_back(view_of(o, c.slots));
    std::vector<ov::Tensor> results;
    std::shared_ptr<const Prepared> replay;
    std::vector<size_t> static_args;
    bool computed = false;
    if (outputs_only && !outputs.empty()) {
        try {
            py::gil_scoped_release nogil;
            results = Executor::global().prepare(outputs, nodes, replay);
            computed = true;
            if (replay) static_args = replay->static_args();
            static_args.insert(static_args.end(), read.begin(), read.end());
            std::sort(static_args.begin(), static_args.end());
            static_args.erase(std::unique(static_args.begin(), static_args.end()), static_args.end());
            size_t bytes = 0;
            for (size_t k : static_args) bytes += c.slots[k].tensor.get_byte_size();
            if (bytes > Memo::kMaxStaticBytes) replay.reset();
        } catch (const ovnp::ValueError&) {
            throw;
        } catch (const ovnp::TypeError&) {
            throw;
        } catch (const std::exception&) {
            // Left to the materialization, which reports what the graph does.
        }
    }

    std::lock_guard<std::mutex> lock(m.mutex);
    auto it = m.records.find(c.key);
    if (it == m.records.end()) {
        m.lru.push_front(c.key);
        it = m.records.emplace(c.key, Record{}).first;
        it->second.pos = m.lru.begin();
        if (replay) it->second.static_args = static_args;
        while (m.records.size() > Memo::kMaxRecords) {
            m.records.erase(m.lru.back());
            m.lru.pop_back();
        }
    }
    Record& rec = it->second;
    if (!replay || rec.static_args != static_args) {
        rec.replayable = false;
        rec.replays.clear();
    } else {
        if (rec.replays.size() >= Memo::kMaxReplays) rec.replays.clear();
        rec.replays[static_values(rec.static_args, c.slots)] = Replay{replay, shape, views, checks};
        ++m.prepared;
    }
    if (!computed) return result;
    return wrap(results, shape, views, c.slots);
}

// (shape, dtype name) of an output as Keras's OpenVINOKerasTensor reads them:
// a tuple with None for dynamic dimensions (None for a dynamic rank).
py::tuple output_info(const Output& o) {
    const auto& ps = o.get_partial_shape();
    py::object shape = py::none();
    if (ps.rank().is_static()) {
        py::tuple dims(ps.size());
        for (size_t i = 0; i < ps.size(); ++i)
            dims[i] = ps[i].is_static() ? py::object(py::int_(ps[i].get_length())) : py::object(py::none());
        shape = std::move(dims);
    }
    return py::make_tuple(shape, dtype::name(o.get_element_type()));
}

// The value of an output computed from Constants alone (an upstream function's lazy graph over
// eager values: Keras's getitem, cast, ...) as a Constant, or None: a Constant or transposed
// view already, or a graph that reaches a Parameter (or more than a few nodes) above it.
py::object eager_value(const Output& o) {
    constexpr size_t kBudget = 32;
    const ov::Node* top = o.get_node();
    if (ov::is_type<Constant>(top) || ov::is_type<ov::op::v0::Parameter>(top) || detail::transposed_constant(top))
        return py::none();
    std::vector<const ov::Node*> stack{top};
    std::unordered_set<const ov::Node*> seen{top};
    while (!stack.empty()) {
        const ov::Node* n = stack.back();
        stack.pop_back();
        if (ov::is_type<Constant>(n)) continue;
        if (n->get_input_size() == 0 || seen.size() > kBudget) return py::none();  // a Parameter, or too far
        for (size_t i = 0; i < n->get_input_size(); ++i)
            if (seen.insert(n->get_input_node_ptr(i)).second) stack.push_back(n->get_input_node_ptr(i));
    }
    if (!o.get_partial_shape().is_static()) return py::none();
    std::vector<ov::Tensor> values;
    {
        py::gil_scoped_release nogil;
        values = Executor::global().run({o});
    }
    return py::cast(std::make_shared<Constant>(values.at(0))->output(0));
}

}  // namespace

void bind_eager(py::module_& m) {
    m.def("eager_value", &eager_value, py::arg("output"),
          "The value of an output computed from Constants alone, as a Constant; None for a Constant, a transposed "
          "view, or a graph that reaches a Parameter.");
    m.def("output_info", &output_info, py::arg("output"),
          "(shape, dtype): the static dimensions (None where dynamic; None for a dynamic rank) and the dtype name.");
    m.def("eager_call", &call, py::arg("fn"), py::arg("args"), py::arg("kwargs"),
          "fn(*args, **kwargs) for an op of eager values, computed at once: a Constant (or a tuple or list of "
          "them). A repeated signature replays the prepared model. Calls with a graph argument return fn's graph.");
    m.def("eager_stats", [] {
        Memo& mm = memo();
        std::lock_guard<std::mutex> lock(mm.mutex);
        return py::dict(py::arg("calls") = mm.calls, py::arg("replays") = mm.replays,
                        py::arg("prepared") = mm.prepared, py::arg("lazy") = mm.lazy,
                        py::arg("signatures") = mm.records.size());
    });
    m.def(
        "constant_array",
        [](const Output& o) -> py::object {
            // A Constant's value as a new NumPy array (the caller may write to it), without the
            // executor: an eager result read by convert_to_numpy. None for anything else.
            std::vector<int64_t> perm;
            const auto* k = ov::as_type<Constant>(o.get_node());
            if (!k) k = detail::transposed_constant(o.get_node(), &perm);
            if (!k || !dtype::is_supported(k->get_element_type())) return py::none();
            py::array a = to_numpy(ov::Tensor(k->get_element_type(), k->get_shape(), const_cast<void*>(k->get_data_ptr())));
            if (perm.empty()) return std::move(a);
            py::tuple axes(perm.size());
            for (size_t i = 0; i < perm.size(); ++i) axes[i] = perm[i];
            return a.attr("transpose")(axes);
        },
        py::arg("output"), "A copy of a Constant output's value as a NumPy array (of a transposed view: the copy, transposed), "
        "or None for anything else.");
    m.def("eager_clear", [] {
        Memo& mm = memo();
        std::lock_guard<std::mutex> lock(mm.mutex);
        mm.records.clear();
        mm.lru.clear();
        mm.calls = mm.replays = mm.prepared = mm.lazy = 0;
    });
}

}  // namespace ovnp::python
