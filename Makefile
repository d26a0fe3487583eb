# Convenience front end over CMake. Every target installs its own dependencies first.
# Tests build without optimisation (fast to compile, assertions on); benchmarks build optimised.
BUILD_DIR ?= build
BUILD_TYPE ?= Debug
BENCH_DIR ?= build-release
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# Let ccache reuse objects across checkouts in different folders (e.g. CI's fresh clone).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: all deps configure build test demo bench fuzz asan clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DEC2_WERROR=$(if $(CI),ON,OFF) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

demo: build
	@scripts/demo.sh $(BUILD_DIR)

bench: deps
	@$(MAKE) --no-print-directory build BUILD_DIR=$(BENCH_DIR) BUILD_TYPE=Release \
	  CMAKE_FLAGS="-DEC2_BUILD_TESTS=OFF -DEC2_BUILD_BENCH=ON $(CMAKE_FLAGS)"
	@scripts/bench.sh $(BENCH_DIR)

fuzz: deps
	@scripts/fuzz.sh

asan:
	@$(MAKE) test BUILD_DIR=build-asan BUILD_TYPE=Debug CMAKE_FLAGS="-DEC2_SANITIZE=ON"

clean:
	rm -rf $(BUILD_DIR) $(BENCH_DIR) build-asan build-fuzz
