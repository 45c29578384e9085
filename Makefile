# Two commands do everything on a fresh machine: `make test` and `make demo`.
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
BUILD := build/cpp
SOURCES := $(shell find src include cmake python -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.in' -o -name '*.py' \)) CMakeLists.txt pyproject.toml

.PHONY: all setup system test test-cpp test-python demo bench clean keras-suite

all: test

# System packages: GoogleTest sources (built in-tree with OpenVINO's ABI), a C++ compiler.
$(VENV)/.stamp-system:
	@if ! [ -d /usr/src/googletest ] || ! command -v g++ >/dev/null; then \
	  if [ "$$(id -u)" != 0 ]; then echo "need root to apt-get install googletest g++" >&2; exit 1; fi; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends googletest g++ make; \
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

test-python: setup
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH $(VPY) -m pytest tests/python -q

demo: setup
	$(VPY) examples/demo.py

# Eager keras.ops speed: ovnp vs upstream openvino vs numpy (vs jax); table + docs/eager-bench.png.
bench: setup
	$(VPY) bench/eager.py

# Keras's own numpy_test.py for ovnp's ops (K="" runs the whole file); needs KERAS_GIT (a keras-team/keras git dir).
keras-suite: setup
	PYTHON=$(CURDIR)/$(VPY) ../shared/tools/keras-suite ovnp "$${K-isclose or nonzero or log1p or ravel or nan_to_num}"

clean:
	rm -rf build $(VENV)
