# qreport: `make help` lists the targets.
SWIFT ?= swift
PAPER ?= hqnn
ONLY ?=
SCALE ?= paper
# The OpenBLAS core type (SkylakeX where the CPU has AVX-512) is chosen by qreport and the benchmarks
# themselves at start-up (Autograd's EngineProcess), so nothing is exported here.

QREPORT = .build/release/qreport
# `make install`: the executable into $(PREFIX)/bin, what it reads at run time into $(PREFIX)/share/qreport.
PREFIX ?= /usr/local
DESTDIR ?=
SHARE = $(DESTDIR)$(PREFIX)/share/qreport
# `make test FILTER=BuildTests` runs the matching tests only.
FILTER ?=

.PHONY: help build test slurm-test report diff install uninstall clean bench bench-engine bench-quantum bench-qrwkv bench-qrwkv-paper-text bench-hqnn bench-aevqc

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 24

build: ## release build of the qreport executable
	$(SWIFT) build -c release --product qreport

test: ## build and run every module's tests (debug build; numeric kernels are optimised); prints ran/skipped counts
	SWIFT="$(SWIFT)" scripts/test $(if $(FILTER),--filter $(FILTER))

slurm-test: ## Slurm integration test: one-node cluster on localhost, array job with a requeue (root + slurm-wlm; skips otherwise)
	$(SWIFT) build --product qreport
	scripts/slurm-test .build/debug/qreport

report: build ## build reports/$(PAPER)/ (ONLY=experiment, SCALE=paper|reduced|smoke)
	$(QREPORT) build --paper $(PAPER) --scale $(SCALE) $(if $(ONLY),--only $(ONLY))

diff: build ## compare the stored runs of $(PAPER) with the published numbers
	$(QREPORT) diff --paper $(PAPER) --scale $(SCALE)

# Benchmarks: release builds, each one's tables printed side by side with its PyTorch/PennyLane
# anchor from the same run (the anchors need $(ANCHOR_PYTHON); without it their columns stay empty).
# Add further benchmarks as prerequisites of `bench`.
ANCHOR_PYTHON ?= $(HOME)/.venvs/qml-anchor/bin/python
BENCH_OUT ?= .build/bench

bench: bench-engine bench-quantum bench-qrwkv bench-hqnn ## release benchmarks beside the PyTorch/PennyLane anchors: engine, simulator, Vision-QRWKV step, HQNN-Parallel epoch

bench-engine:
	$(SWIFT) build -c release --product engine-bench
	@mkdir -p $(BENCH_OUT) && rm -f $(BENCH_OUT)/engine.json $(BENCH_OUT)/torch_cnn.json
	.build/release/engine-bench run --steps 200 --json $(BENCH_OUT)/engine.json
	@if [ -x "$(ANCHOR_PYTHON)" ]; then \
		$(ANCHOR_PYTHON) ../shared/anchors/hqnn_cnn_epoch.py --skip-hybrid --json $(BENCH_OUT)/torch_cnn.json; \
	else echo "no $(ANCHOR_PYTHON): PyTorch column left empty"; fi
	@.build/release/engine-bench table $(BENCH_OUT)/engine.json $(BENCH_OUT)/torch_cnn.json

bench-quantum:
	$(SWIFT) build -c release --product quantum-bench
	@mkdir -p $(BENCH_OUT)/pennylane
	@if [ -x "$(ANCHOR_PYTHON)" ]; then \
		PY=$(ANCHOR_PYTHON) OUT=$(abspath $(BENCH_OUT))/pennylane BENCHES="statevector_rate" bash ../shared/anchors/run_all.sh; \
		PY=$(ANCHOR_PYTHON) OUT=$(abspath $(BENCH_OUT))/pennylane BENCHES="hqnn_parallel_qlayer qrwkv_vqc ae_vqc" \
			bash ../shared/anchors/run_all.sh --methods backprop; \
		.build/release/quantum-bench --anchors $(BENCH_OUT)/pennylane; \
	else echo "no $(ANCHOR_PYTHON): PennyLane column from anchors-performance.md"; .build/release/quantum-bench; fi

bench-qrwkv:
	$(SWIFT) build -c release --product qrwkv-bench
	.build/release/qrwkv-bench $(if $(wildcard $(ANCHOR_PYTHON)),--anchor --python $(ANCHOR_PYTHON))

# The paper-text Vision-QRWKV step (n_embd 768, 4 blocks, 4 qubits, depth 2; issue 16), then the same models in
# PyTorch + PennyLane (Benchmarks/anchors/vision_qrwkv_paper_text_step.py), then the table (target: at most 1.0x).
# Not part of `bench` (several minutes: PyTorch's step is seconds long).
bench-qrwkv-paper-text: ## paper-text Vision-QRWKV training step beside the same model in PyTorch + PennyLane (several minutes)
	$(SWIFT) build -c release --product qrwkv-bench
	.build/release/qrwkv-bench --variant paper-text $(if $(wildcard $(ANCHOR_PYTHON)),--anchor --python $(ANCHOR_PYTHON))

# HQNN-Parallel (issue 6): training step extrapolated to 60,000 images and one real MNIST epoch (data as
# qreport finds it, ../shared/data first), then the anchor's hybrid epoch (PyTorch + PennyLane; its
# classical part is shortened to 50 steps, it is not used here); the table checks the 1/6 target.
bench-hqnn:
	$(SWIFT) build -c release --product hqnn-bench
	@mkdir -p $(BENCH_OUT) && rm -f $(BENCH_OUT)/hqnn.json $(BENCH_OUT)/torch_hqnn.json
	.build/release/hqnn-bench run --steps 100 --epoch $(if $(wildcard ../shared/data/mnist),--data-dir ../shared/data) --json $(BENCH_OUT)/hqnn.json
	@if [ -x "$(ANCHOR_PYTHON)" ]; then \
		$(ANCHOR_PYTHON) ../shared/anchors/hqnn_cnn_epoch.py --steps 50 --json $(BENCH_OUT)/torch_hqnn.json; \
	else echo "no $(ANCHOR_PYTHON): anchor column left empty"; fi
	@.build/release/hqnn-bench table $(BENCH_OUT)/hqnn.json $(BENCH_OUT)/torch_hqnn.json

# AE-VQC backbones (issue 13): one training step of ResNet-18 and MaxViT-T, each with the pooled and the AE-VQC head
# (batch 32, 224 x 224, Adam), then ../shared/anchors/aevqc_backbones.py (torchvision resnet18 and maxvit_t on PyTorch
# 2.13 CPU) in the same run, one table (targets: ResNet-18 at most 1.0x PyTorch's step, MaxViT-T at most 0.5x).
# Not part of `bench`: about 10 minutes (the anchor's MaxViT-T step alone is ~18 s).
bench-aevqc: ## ResNet-18 and MaxViT-T training steps (both heads) beside torchvision's on PyTorch (~10 minutes)
	$(SWIFT) build -c release --product aevqc-bench
	.build/release/aevqc-bench $(if $(wildcard $(ANCHOR_PYTHON)),--anchor --python $(ANCHOR_PYTHON))

install: build ## install qreport as $(PREFIX)/bin/qreport (PREFIX=/usr/local), its templates and tables in $(PREFIX)/share/qreport
	rm -rf "$(SHARE)"
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(SHARE)/templates" "$(SHARE)/fixtures/published"
	install -m 755 $(QREPORT) "$(DESTDIR)$(PREFIX)/bin/qreport"
	cp -R templates/. "$(SHARE)/templates/"
	cp -R fixtures/published/. "$(SHARE)/fixtures/published/"
	@commit=$$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown); \
	  if [ "$$commit" != unknown ] && [ -n "$$(git status --porcelain --untracked-files=no -- . ':(exclude)reports')" ]; then commit="$$commit-dirty"; fi; \
	  echo "$$commit" > "$(SHARE)/COMMIT"; \
	  echo "installed $(DESTDIR)$(PREFIX)/bin/qreport (commit $$commit) and $(SHARE)/"

uninstall: ## remove what `make install` put under $(PREFIX)
	rm -f "$(DESTDIR)$(PREFIX)/bin/qreport"
	rm -rf "$(SHARE)"

clean: ## remove build folders (keeps reports and run records)
	rm -rf .build .build-*
