# Two commands do everything on a fresh machine: `make test` and `make demo`.
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
BUILD := build/cpp
SOURCES := $(shell find src include cmake python -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.in' -o -name '*.py' \)) CMakeLists.txt pyproject.toml

.PHONY: all setup system test test-fast test-cpp test-python test-asan demo bench bench-equalization bench-graph bench-predict clean keras-suite

all: test

# System packages: GoogleTest sources (built in-tree with OpenVINO's ABI), a C++ compiler,
# Highway (its vectorized quicksort sorts for the executor's exact path) and SLEEF (its vector
# float64 exp and log).
$(VENV)/.stamp-system:
	@if ! [ -d /usr/src/googletest ] || ! command -v g++ >/dev/null || ! [ -f /usr/include/hwy/contrib/sort/vqsort.h ] || \
	    ! [ -f /usr/include/x86_64-linux-gnu/sleef.h -o -f /usr/include/sleef.h ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "need root to apt-get install googletest g++ libhwy-dev libsleef-dev" >&2; exit 1; fi; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends googletest g++ make libhwy-dev libsleef-dev; \
	fi
	@mkdir -p $(VENV) && touch $@

$(VENV)/.stamp-pip: requirements-dev.txt $(VENV)/.stamp-system
	@[ -x $(VPY) ] || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -r requirements-dev.txt
	@touch $@

# Editable install of ovnp (C++ library + pybind11 module), rebuilt when sources change.
$(VENV)/.stamp-ovnp: $(VENV)/.stamp-pip $(SOURCES)
	$(VPY) -m pip install -q --no-build-isolation -e .
	@touch $@

setup: $(VENV)/.stamp-ovnp

test: setup test-cpp test-python

test-cpp: setup
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH cmake -S . -B $(BUILD) -G Ninja -DOVNP_BUILD_TESTS=ON -DPython3_EXECUTABLE=$(CURDIR)/$(VPY)
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH cmake --build $(BUILD) -j2
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH ctest --test-dir $(BUILD) --output-on-failure

# Both cores (pytest-xdist); loadgroup keeps each xdist_group (a module's one-off references) on
# one worker. The run ends with the coverage line: (op, dtype, path) triples checked against NumPy.
# The C++ package test installs from test-cpp's build (OVNP_CPP_BUILD_DIR) instead of building again.
PYTEST := PATH=$(CURDIR)/$(VENV)/bin:$$PATH OVNP_CPP_BUILD_DIR=$(CURDIR)/$(BUILD) $(VPY) -m pytest -q -n 2 \
  --dist loadgroup -p no:cacheprovider

test-python: setup
	$(PYTEST) tests/python

# The edit-and-test loop (about 3 minutes): the C++ suite, and the Python suite with the op grid
# on two dtypes per op, without the slow tests and batteries (OVNP_TEST_FAST, see tests/python/conftest.py).
# CI runs the full `make test`.
test-fast: setup test-cpp
	OVNP_TEST_FAST=1 $(PYTEST) tests/python

# ASan + UBSan: libovnp, the module and the C++ tests built with OVNP_SANITIZE=ON in build/asan;
# the GoogleTest suite, then the executor's Python tests against that module (its .py files and
# extension copied to build/asan/python/ovnp; tests/asan/sitecustomize.py makes `import ovnp` find
# it ahead of the venv's editable install; the ovnp_asan_check plugin checks and prints that).
ASAN_BUILD := build/asan
# Python test files run under the sanitizers (pytest fails on a missing one) ...
ASAN_PYTESTS := $(addprefix executor/,test_executor test_evaluate test_executor_chains test_executor_layers \
  test_upstream_diff test_exact_fused) keras/test_keras_eager_calls
# ... and, to stay under 10 minutes on 2 cores, some of test_upstream_diff's functions; left out:
# the 500 hypothesis chains (12 minutes under ASan) and the slow-marked 10,000-signature test (its
# RSS bound means nothing while ASan's quarantine holds freed memory).
ASAN_UPSTREAM_FNS := split dsplit take_along_axis pad einsum matmul repeat tile
ASAN_K := not test_chain_cached_equals_fresh_and_numpy and (not test_upstream_diff \
  or test_every_function_is_covered or test_workers_ran $(ASAN_UPSTREAM_FNS:%=or test_function[%]))
# A finding stops the process. TBB_ENABLE_SANITIZERS=1: OpenVINO's TBB would dlopen libtbbbind
# with RTLD_DEEPBIND, which the ASan runtime refuses. Leaks are checked in the C++ tests only
# (CPython and OpenVINO's Python module leave allocations at exit on purpose). Python processes
# (pytest and the tests' subprocesses, whose stderr the tests capture or cut) write their reports
# to build/asan/reports, printed at the end; one with a frame in ovnp's sources fails the run
# even if a test let its subprocess die (test_upstream_diff expects upstream's own crashes).
# pytest's faulthandler is off: it would take the SEGV that ASan reports with the native stack.
ASAN_UBSAN := halt_on_error=1:print_stacktrace=1
ASAN_REPORTS := $(CURDIR)/$(ASAN_BUILD)/reports

# Set-up without the editable install of ovnp: this target neither uses nor rebuilds it.
test-asan: $(VENV)/.stamp-pip
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DOVNP_SANITIZE=ON -DOVNP_BUILD_TESTS=ON -DOVNP_BUILD_PYTHON=ON \
	  -DPython3_EXECUTABLE=$(CURDIR)/$(VPY) -Dpybind11_DIR="$$($(VPY) -m pybind11 --cmakedir)"
	TBB_ENABLE_SANITIZERS=1 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=$(ASAN_UBSAN) \
	  PATH=$(CURDIR)/$(VENV)/bin:$$PATH cmake --build $(ASAN_BUILD) -j2
	TBB_ENABLE_SANITIZERS=1 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=$(ASAN_UBSAN) \
	  PATH=$(CURDIR)/$(VENV)/bin:$$PATH ctest --test-dir $(ASAN_BUILD) -j2 --output-on-failure
	rm -rf $(ASAN_BUILD)/python $(ASAN_REPORTS) && mkdir -p $(ASAN_BUILD)/python/ovnp $(ASAN_REPORTS)
	cp python/ovnp/*.py $(ASAN_BUILD)/_ovnp*.so $(ASAN_BUILD)/python/ovnp/
	TBB_ENABLE_SANITIZERS=1 ASAN_OPTIONS=detect_leaks=0:log_path=$(ASAN_REPORTS)/asan \
	  UBSAN_OPTIONS=$(ASAN_UBSAN):log_path=$(ASAN_REPORTS)/ubsan UPSTREAM_DIFF_WORKERS=2 \
	  LD_PRELOAD="$$(g++ -print-file-name=libasan.so) $$(g++ -print-file-name=libubsan.so)" \
	  PYTHONPATH=$(CURDIR)/$(ASAN_BUILD)/python:$(CURDIR)/tests/asan \
	  OVNP_ASAN_PACKAGE=$(CURDIR)/$(ASAN_BUILD)/python/ovnp PATH=$(CURDIR)/$(VENV)/bin:$$PATH \
	  $(VPY) -m pytest -p ovnp_asan_check -p no:cacheprovider -p no:faulthandler -q -m "not slow" \
	  -k "$(ASAN_K)" $(ASAN_PYTESTS:%=tests/python/%.py); rc=$$?; \
	for f in $(ASAN_REPORTS)/*; do [ -f "$$f" ] && { echo "=== $$f"; cat "$$f"; }; done; \
	if grep -qs -e ' $(CURDIR)/src/' $(ASAN_REPORTS)/*; then echo "sanitizer reports in ovnp (above)"; rc=1; fi; \
	exit $$rc

demo: setup
	$(VPY) examples/demo.py

# Eager keras.ops speed: ovnp vs upstream openvino vs numpy (vs jax); table + docs/eager-bench.png.
bench: setup
	$(VPY) bench/eager.py

# keras.layers.Equalization in eager mode: numpy, jax, upstream openvino and ovnp side by side.
bench-equalization: setup
	$(VPY) bench/equalization.py

# Every op's compiled graph: ovnp's against upstream Keras's builder (node counts, times).
bench-graph: setup
	$(VPY) bench/graph.py

# keras predict of four models: ovnp, upstream (default and f32 precision), jax, numpy; table + docs/predict-bench.png.
bench-predict: setup
	$(VPY) bench/predict.py --png docs/predict-bench.png

# Keras's own numpy_test.py for ovnp's ops (K="" runs the whole file); needs KERAS_GIT (a keras-team/keras git dir).
keras-suite: setup
	PYTHON=$(CURDIR)/$(VPY) ../shared/tools/keras-suite ovnp "$${K-isclose or nonzero or log1p or ravel or nan_to_num}"

clean:
	rm -rf build $(VENV)
