# qreport: `make help` lists the targets.
SWIFT ?= swift
PAPER ?= hqnn
ONLY ?=
SCALE ?= paper
# OpenBLAS picks its Haswell kernels on Zen 5; the AVX-512 ones double sgemm. It reads this variable
# only at process start, so it is set here (qreport also re-executes itself with it when missing).
ifeq ($(shell grep -qw avx512f /proc/cpuinfo 2>/dev/null && echo yes),yes)
export OPENBLAS_CORETYPE ?= SkylakeX
endif

QREPORT = .build/release/qreport

.PHONY: help build test report diff clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 10

build: ## release build of the qreport executable
	$(SWIFT) build -c release --product qreport

test: ## build and run every module's tests (debug build; numeric kernels are optimised)
	$(SWIFT) test

report: build ## build reports/$(PAPER)/ (ONLY=experiment, SCALE=paper|reduced|smoke)
	$(QREPORT) build --paper $(PAPER) --scale $(SCALE) $(if $(ONLY),--only $(ONLY))

diff: build ## compare the stored runs of $(PAPER) with the published numbers
	$(QREPORT) diff --paper $(PAPER) --scale $(SCALE)

clean: ## remove build folders (keeps reports and run records)
	rm -rf .build .build-*
