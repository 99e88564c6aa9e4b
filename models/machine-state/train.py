#!/usr/bin/python3
"""Trains and exports the machine-state model (off / idle / running from a window of power samples).

Run from the repository root with Debian's interpreter (python3-torch 1.13, python3-onnx):

    /usr/bin/python3 models/machine-state/train.py

It writes models/machine-state/machine-state.onnx, prints its SHA-256 and updates the checksum line of
models/machine-state/MODEL_CARD.md. Everything is seeded and runs single-threaded with deterministic algorithms:
running it again must give the same bytes (the script can check this itself with --check).

Training data (nothing else):
  * simulated profiles generated below (off / standby floors, idle plateaus, running with load fluctuation,
    start-up spikes, ramps, varied levels, noise and sample rates);
  * the TRAIN split of ../shared/data/energy/cnc_machine_spindle_power_1s.csv: rows before 2023-05-05 09:35:00
    (895 of 1,214 rows). Every CNC row has RPM > 0, so these windows are all labelled running. The rows from
    09:35:00 on are the held-out split: the script skips them (they are never trained on).
"""
import argparse
import csv
import hashlib
import os
import re
import sys

import numpy as np
import torch
from torch import nn

WINDOW = 32            # samples per window, oldest first; the state is that of the newest sample
OPSET = 17
SEED = 20260525
CNC_SPLIT = "2023-05-05 09:35:00"   # rows at or after this time are the held-out split
OFF, IDLE, RUNNING = 0, 1, 2

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CNC = os.path.join(ROOT, "..", "shared", "data", "energy", "cnc_machine_spindle_power_1s.csv")
OUT = os.path.join(HERE, "machine-state.onnx")
CARD = os.path.join(HERE, "MODEL_CARD.md")


class MachineStateNet(nn.Module):
    """MLP on log-scaled normalised power plus the calibrated levels. Output: softmax (off, idle, running)."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(WINDOW + 2, 64), nn.ReLU(),
            nn.Linear(64, 64), nn.ReLU(),
            nn.Linear(64, 3))

    def forward(self, power, levels):
        p = torch.log(torch.clamp(power, 0.0, 4.0) + 0.01)
        lv = torch.log(torch.clamp(levels, 0.0, 1.0) + 0.01)
        return torch.softmax(self.body(torch.cat([p, lv], dim=1)), dim=1)


def simulate(rng, length):
    """One simulated machine: power (kW) and state per sample, plus the levels a calibration would learn."""
    rated = float(np.exp(rng.uniform(np.log(0.5), np.log(500.0))))
    idle = rated * rng.uniform(0.04, 0.55)
    standby = rated * rng.uniform(0.0, 0.02) if rng.random() < 0.5 else 0.0
    noise = rng.uniform(0.005, 0.06)
    power = np.zeros(length)
    state = np.zeros(length, dtype=np.int64)
    t = 0
    current = int(rng.integers(0, 3))
    while t < length:
        seg = int(rng.integers(3, 120))
        end = min(length, t + seg)
        n = end - t
        if current == OFF:
            p = standby * (1 + noise * rng.standard_normal(n))
            if standby == 0.0:
                p = np.abs(rng.standard_normal(n)) * rated * 0.002 * (rng.random(n) < 0.3)
        elif current == IDLE:
            p = idle * (1 + noise * rng.standard_normal(n))
            if rng.random() < 0.3:  # a coolant pump or a fan that cycles during idle
                p += idle * 0.25 * (rng.random(n) < 0.2)
        else:
            level = rated * rng.uniform(0.6, 1.0)
            drift = np.cumsum(rng.standard_normal(n)) * 0.03
            cut = 1 + 0.25 * np.sin(np.arange(n) / rng.uniform(2, 20)) * (rng.random() < 0.6)
            p = level * cut * (1 + drift - drift.mean()) * (1 + noise * rng.standard_normal(n))
            p = np.maximum(p, level * 0.45)
            ramp = int(rng.integers(0, 6))
            for i in range(min(ramp, n)):  # ramp up from the previous level
                p[i] = p[i] * (i + 1) / (ramp + 1) + (power[t - 1] if t > 0 else 0) * (ramp - i) / (ramp + 1)
            if rng.random() < 0.5:  # start-up spike
                k = int(rng.integers(1, 4))
                p[:k] = level * rng.uniform(1.5, 3.5, min(k, n))
        power[t:end] = np.maximum(p, 0.0)
        state[t:end] = current
        t = end
        current = int(rng.choice([s for s in (OFF, IDLE, RUNNING) if s != current], p=None))
    # Levels as a calibration learns them: medians with some error.
    run_level = rated * 0.8 * rng.uniform(0.85, 1.15)
    idle_level = idle * rng.uniform(0.9, 1.1)
    off_level = float(np.sqrt(max(standby * 1.5, rated * 0.001) * idle_level))
    off_level = min(off_level, idle_level * 0.5)
    return power, state, run_level, idle_level, off_level


def windows_of(power, state, run_level, idle_level, off_level, stride):
    """All windows ending at every stride-th sample; the start of the stream is padded with its first sample."""
    n = len(power)
    ends = np.arange(0, n, stride)
    idx = np.clip(ends[:, None] - np.arange(WINDOW - 1, -1, -1)[None, :], 0, n - 1)
    x = (power[idx] / run_level).astype(np.float32)
    lv = np.tile(np.array([idle_level / run_level, off_level / run_level], dtype=np.float32), (len(ends), 1))
    return x, lv, state[ends]


def cnc_train(rng):
    """Running-labelled windows from the CNC train split (machine kW, contiguous 1 s runs only)."""
    times, kw = [], []
    with open(CNC, newline="") as f:
        for row in csv.DictReader(f):
            if row["time"] >= CNC_SPLIT:
                continue
            assert float(row["RPM"]) > 0
            times.append(row["time"])
            kw.append(float(row["kW_machine"]))
    kw = np.array(kw)
    run_level = float(np.median(kw))
    xs, lvs, ys = [], [], []
    for _ in range(40):  # the machine's idle level is unknown: vary it over plausible fractions
        idle = run_level * rng.uniform(0.1, 0.6)
        x, lv, y = windows_of(kw, np.full(len(kw), RUNNING), run_level * rng.uniform(0.9, 1.1), idle, idle * 0.3, 1)
        xs.append(x), lvs.append(lv), ys.append(y)
    return np.concatenate(xs), np.concatenate(lvs), np.concatenate(ys), len(kw)


def build(rng, machines):
    xs, lvs, ys = [], [], []
    for _ in range(machines):
        x, lv, y = windows_of(*simulate(rng, 1200), stride=2)
        xs.append(x), lvs.append(lv), ys.append(y)
    return np.concatenate(xs), np.concatenate(lvs), np.concatenate(ys)


def accuracy(model, x, lv, y):
    with torch.no_grad():
        pred = model(torch.from_numpy(x), torch.from_numpy(lv)).argmax(dim=1).numpy()
    return float((pred == y).mean())


def train():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    rng = np.random.default_rng(SEED)
    sx, slv, sy = build(rng, 600)
    cx, clv, cy, cnc_rows = cnc_train(rng)
    x = np.concatenate([sx, cx])
    lv = np.concatenate([slv, clv])
    y = np.concatenate([sy, cy])
    vx, vlv, vy = build(np.random.default_rng(SEED + 1), 60)   # fresh simulated machines for a check
    print(f"training windows: {len(sx)} simulated + {len(cx)} CNC train split ({cnc_rows} rows); "
          f"classes off/idle/running {np.bincount(y, minlength=3).tolist()}")

    model = MachineStateNet()
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    loss_fn = nn.NLLLoss()
    tx, tlv, ty = torch.from_numpy(x), torch.from_numpy(lv), torch.from_numpy(y)
    gen = torch.Generator().manual_seed(SEED)
    for epoch in range(12):
        order = torch.randperm(len(ty), generator=gen)
        for i in range(0, len(order), 512):
            b = order[i:i + 512]
            opt.zero_grad()
            loss = loss_fn(torch.log(model(tx[b], tlv[b]) + 1e-7), ty[b])
            loss.backward()
            opt.step()
        if epoch in (5, 8):
            for g in opt.param_groups:
                g["lr"] *= 0.3
        print(f"epoch {epoch + 1}: loss {loss.item():.4f}  check accuracy (new simulated machines) "
              f"{accuracy(model, vx, vlv, vy):.4f}")
    model.eval()
    print(f"train accuracy {accuracy(model, x, lv, y):.4f}; CNC train split {accuracy(model, cx, clv, cy):.4f}")
    return model


def export(model, path):
    dummy = (torch.zeros(1, WINDOW), torch.zeros(1, 2))
    torch.onnx.export(model, dummy, path, opset_version=OPSET, input_names=["power", "levels"],
                      output_names=["state"], dynamic_axes={"power": {0: "N"}, "levels": {0: "N"}, "state": {0: "N"}},
                      do_constant_folding=True)
    import onnx
    onnx.checker.check_model(onnx.load(path))
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="train twice and fail unless the bytes are identical")
    args = parser.parse_args()
    digest = export(train(), OUT)
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({os.path.getsize(OUT)} bytes) sha256 {digest}")
    if args.check:
        again = export(train(), OUT + ".check")
        os.remove(OUT + ".check")
        print(f"second run sha256 {again}: {'identical' if again == digest else 'DIFFERENT'}")
        if again != digest:
            sys.exit(1)
    if os.path.exists(CARD):
        with open(CARD) as f:
            text = f.read()
        text = re.sub(r"(SHA-256: `)[0-9a-f]{64}(`)", rf"\g<1>{digest}\g<2>", text)
        with open(CARD, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
