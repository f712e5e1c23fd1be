"""Anchor: the paper-text Vision-QRWKV training step in PyTorch (+ PennyLane).

The configuration the paper's text describes (section 4.2; qreport's
`--variant paper-text`, `VisionQRWKVConfiguration.paperText`), built the way
the authors' code builds its models (`rwkv.py` / `quantum_rwkv.py`, as
`../shared/anchors/vision_qrwkv_epoch.py` re-implements them for the code
configuration), with the paper's equations (1) and (4) as channel mixing:

  8x8 grayscale image -> 64 tokens (raster order) of dim 1
  -> Linear(1, 768) with bias (no positional embedding)
  -> 4 blocks: x = x + TimeMix(LN1(x)); x = x + ChannelMix(LN2(x))
  -> ln_f -> Linear(768, 10, bias=False); logits = last token

TimeMix as in the code: no token shift (time_mix_k/v/r exist, 12 heads, but
are never read); k = W_k x, v = W_v x, r = sigmoid(W_r x); the stable WKV
recurrence as a Python loop over the 64 tokens (the authors' form);
out = W_o (r * wkv). time_decay[i] = -5 + 8 (i/767)^0.7, time_first = -3.

ChannelMix, paper text (no mu, no fusion matrix, ReLU, hidden 3072):
  classical: sigmoid(W_r x) * W2 ReLU(W1 x)                           (eq. 1)
  quantum:   sigmoid(W_r x) * (W2 ReLU(W1 x) + W_o VQC(W_q x))          (eq. 4)
             VQC: 4 qubits, AngleEmbedding(RX) + 2 BasicEntanglerLayers
             (RX + CNOT ring), <Z> on each wire; default.qubit backprop
             through qml.qnn.TorchLayer, all B*64 tokens of a block in one
             broadcast call (float64 inside PennyLane, cast back to float32).
All Linear layers in the blocks are bias-free; float32 elsewhere.

Timed: Adam (lr 1e-3; the variant's optimiser) training steps of batch 64
with cross-entropy on 8 fixed random batches (zero_grad, forward, loss,
backward, step), under the anchors' quiet-machine protocol
(`anchor_common.time_fn`). Two forms of the forward:
  full:       the head at every position and the last token kept, as the
              authors' code computes it (every block computes every token);
  last-token: what qreport computes (`VisionQRWKV.logits`): the last block
              computes only the last token's row after its WKV recurrence
              (the other rows never reach the logits), the head on the last
              token only. Same logits and gradients up to rounding.

Run from anywhere; `anchor_common` comes from ../shared/anchors beside the
checkout (or ANCHOR_COMMON_DIR):
  python vision_qrwkv_paper_text_step.py [--models classical,quantum]
         [--forms full,last-token] [--steps N] [--q-steps N] [--reps N] [--json FILE]
"""
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("ANCHOR_COMMON_DIR",
                                  os.path.normpath(os.path.join(_HERE, "..", "..", "..", "shared", "anchors"))))
try:
    import anchor_common as ac  # noqa: E402  (sets the thread count first)
except ImportError:
    sys.exit("vision_qrwkv_paper_text_step.py: anchor_common.py not found in ../shared/anchors beside the "
             "checkout; set ANCHOR_COMMON_DIR to the folder that holds it")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

BATCH = 64
EPOCH_IMAGES = 60000  # the other anchors' extrapolation unit
C = 768          # n_embd
N_HEAD = 12      # only shapes the unused time_mix parameters
N_LAYER = 4
N_INTER = 3072
NQ, QDEPTH = 4, 2
T = 64           # 8 x 8 pixels
LN_EPS = 1e-5
CLASSES = 10


def wkv_stable(k, v, w, u):
    """The authors' stable RWKV-4 WKV recurrence over dim 1 of k, v (B, T, C); w = exp(time_decay),
    u = time_first. State (a, b, p) starts at (0, 0, -1e38)."""
    B, Tn, Cn = k.shape
    out = torch.zeros_like(k)
    a = k.new_zeros(B, Cn)
    b = k.new_zeros(B, Cn)
    p = k.new_full((B, Cn), -1e38)
    for t in range(Tn):
        kt, vt = k[:, t, :], v[:, t, :]
        ww = u + kt
        q = torch.maximum(p, ww)
        e1, e2 = torch.exp(p - q), torch.exp(ww - q)
        out[:, t, :] = (e1 * a + e2 * vt) / (e1 * b + e2)
        ww = p - w
        q = torch.maximum(ww, kt)
        e1, e2 = torch.exp(ww - q), torch.exp(kt - q)
        a = e1 * a + e2 * vt
        b = e1 * b + e2
        p = q
    return out


class TimeMix(nn.Module):
    def __init__(self):
        super().__init__()
        head = C // N_HEAD
        unused = (torch.arange(N_HEAD, dtype=torch.float32) / max(N_HEAD - 1, 1)).repeat_interleave(head)
        self.time_mix_k = nn.Parameter(unused.clone())
        self.time_mix_v = nn.Parameter(unused.clone())
        self.time_mix_r = nn.Parameter(unused.clone())
        idx = torch.arange(C, dtype=torch.float32) / (C - 1)
        self.time_decay = nn.Parameter(-5.0 + 8.0 * idx ** 0.7)
        self.time_first = nn.Parameter(torch.full((C,), -3.0))
        self.key = nn.Linear(C, C, bias=False)
        self.value = nn.Linear(C, C, bias=False)
        self.receptance = nn.Linear(C, C, bias=False)
        self.output = nn.Linear(C, C, bias=False)

    def forward(self, x, last_only=False):
        wkv = wkv_stable(self.key(x), self.value(x), torch.exp(self.time_decay), self.time_first)
        if last_only:
            x, wkv = x[:, -1:, :], wkv[:, -1:, :]
        return self.output(torch.sigmoid(self.receptance(x)) * wkv)


class ChannelMixClassical(nn.Module):
    """Equation (1): sigmoid(W_r x) * W2 ReLU(W1 x)."""

    def __init__(self):
        super().__init__()
        self.key = nn.Linear(C, N_INTER, bias=False)
        self.receptance = nn.Linear(C, C, bias=False)
        self.value = nn.Linear(N_INTER, C, bias=False)

    def forward(self, x):
        return torch.sigmoid(self.receptance(x)) * self.value(torch.relu(self.key(x)))


def make_vqc(qml, n_qubits=NQ, depth=QDEPTH):
    dev = qml.device("default.qubit", wires=n_qubits)

    @qml.qnode(dev, interface="torch", diff_method="backprop")
    def circuit(inputs, weights):
        qml.AngleEmbedding(inputs, wires=range(n_qubits), rotation="X")
        qml.BasicEntanglerLayers(weights, wires=range(n_qubits))
        return [qml.expval(qml.PauliZ(i)) for i in range(n_qubits)]

    return qml.qnn.TorchLayer(circuit, {"weights": (depth, n_qubits)})   # weights U[0, 2 pi)


class ChannelMixQuantum(nn.Module):
    """Equation (4): sigmoid(W_r x) * (W2 ReLU(W1 x) + W_o VQC(W_q x))."""

    def __init__(self, qml):
        super().__init__()
        self.receptance = nn.Linear(C, C, bias=False)
        self.fc1 = nn.Linear(C, N_INTER, bias=False)
        self.fc2 = nn.Linear(N_INTER, C, bias=False)
        self.q_in = nn.Linear(C, NQ, bias=False)
        self.vqc = make_vqc(qml)
        self.q_out = nn.Linear(NQ, C, bias=False)

    def forward(self, x):
        B, Tn, _ = x.shape
        z = self.vqc(self.q_in(x).reshape(B * Tn, NQ)).reshape(B, Tn, NQ).to(x.dtype)
        return torch.sigmoid(self.receptance(x)) * (self.fc2(torch.relu(self.fc1(x))) + self.q_out(z))


class Block(nn.Module):
    def __init__(self, qml=None):
        super().__init__()
        self.ln1 = nn.LayerNorm(C, eps=LN_EPS)
        self.ln2 = nn.LayerNorm(C, eps=LN_EPS)
        self.att = TimeMix()
        self.ffn = ChannelMixQuantum(qml) if qml is not None else ChannelMixClassical()

    def forward(self, x, last_only=False):
        x = (x[:, -1:, :] if last_only else x) + self.att(self.ln1(x), last_only)
        return x + self.ffn(self.ln2(x))


class VisionRWKV(nn.Module):
    """qml=None: classical model; otherwise the quantum model. last_token: qreport's forward."""

    def __init__(self, qml=None, last_token=False):
        super().__init__()
        self.last_token = last_token
        self.input_proj = nn.Linear(1, C)
        self.blocks = nn.ModuleList([Block(qml) for _ in range(N_LAYER)])
        self.ln_f = nn.LayerNorm(C, eps=LN_EPS)
        self.head = nn.Linear(C, CLASSES, bias=False)

    def forward(self, tokens):          # (B, T, 1)
        x = self.input_proj(tokens)
        for i, blk in enumerate(self.blocks):
            x = blk(x, last_only=self.last_token and i == len(self.blocks) - 1)
        return self.head(self.ln_f(x))[:, -1, :]


def train_timer(model, steps, seed=0):
    g = torch.Generator().manual_seed(seed)
    xs = torch.randn(8, BATCH, T, 1, generator=g)
    ys = torch.randint(0, CLASSES, (8, BATCH), generator=g)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    state = {"i": 0}

    def run():
        for _ in range(steps):
            i = state["i"] % 8
            state["i"] += 1
            opt.zero_grad()
            loss = loss_fn(model(xs[i]), ys[i])
            loss.backward()
            opt.step()
        return loss.item()

    return run


def agreement(qml):
    """The last-token forward gives the full forward's logits and gradients (float64, small batch)."""
    torch.manual_seed(0)
    full = VisionRWKV(qml).double()
    last = VisionRWKV(qml, last_token=True).double()
    last.load_state_dict(full.state_dict())
    x = torch.randn(2, T, 1, dtype=torch.float64)
    y = torch.tensor([1, 2])
    lf, ll = full(x), last(x)
    nn.CrossEntropyLoss()(lf, y).backward()
    nn.CrossEntropyLoss()(ll, y).backward()
    dg = max((p.grad - q.grad).abs().max().item()
             for p, q in zip(full.parameters(), last.parameters()) if p.grad is not None)
    print(f"    agreement last-token vs full forward ({'quantum' if qml else 'classical'}, float64): "
          f"max|d logits|={(lf - ll).abs().max().item():.2e}, max|d grad|={dg:.2e}")


def main():
    def extra(p):
        p.add_argument("--steps", type=int, default=3, help="training steps per timed sample, classical model")
        p.add_argument("--q-steps", type=int, default=3, help="training steps per timed sample, quantum model")
        p.add_argument("--models", default="classical,quantum")
        p.add_argument("--forms", default="full,last-token", help="full (the authors' forward), last-token (qreport's)")
        p.add_argument("--no-check", action="store_true", help="skip the last-token agreement check")
    args = ac.parse_args(__doc__.splitlines()[0], extra)
    ac.setup_torch()
    import pennylane as qml
    ac.print_header("vision_qrwkv_paper_text_step: paper-text Vision-QRWKV (n_embd 768, 4 blocks, 4 qubits, "
                    "depth 2), train step B=64, Adam")
    models = args.models.split(",")
    if not args.no_check:
        for name in models:
            agreement(qml if name == "quantum" else None)
    for name in models:
        quantum = name == "quantum"
        for form in args.forms.split(","):
            try:
                torch.manual_seed(0)
                model = VisionRWKV(qml if quantum else None, last_token=form == "last-token")
                total = sum(p.numel() for p in model.parameters())
                circuit = sum(p.numel() for n, p in model.named_parameters() if ".vqc." in n)
                steps = 2 if args.quick else (args.q_steps if quantum else args.steps)
                s = ac.time_fn(train_timer(model, steps), reps=args.reps, warmup=1)
                med = ac.summarize(s)["median_s"]
                ac.record("vision_qrwkv_paper_text_step", f"{name} {form} train {steps} steps B={BATCH}", s,
                          per={"step": steps},
                          extra={"epoch_s_extrapolated": med / steps * EPOCH_IMAGES / BATCH,
                                 "params": total, "params_circuit": circuit})
            except Exception as err:  # noqa: BLE001
                ac.record_failure("vision_qrwkv_paper_text_step", f"{name} {form}", err)
    ac.finish(args)


if __name__ == "__main__":
    main()
