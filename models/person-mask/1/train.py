#!/usr/bin/python3
"""Trains and exports the default person-mask model (which cells of a frame a person covers) from rendered scenes.

Run from the repository root with Debian's interpreter (python3-torch 1.13, python3-onnx, python3-pil):

    /usr/bin/python3 models/person-mask/1/train.py [--epochs N]

1. Renders the training set with the project's scene renderer on TUNE seeds only (2000-2047), unless the folder
   already holds it with masks:  dotnet run -c Release --project tests/EdgeCredit.Scenes -- dataset --out DIR
   (grey 320x180 JPEG frames + the people's painted masks, area-averaged like the frames).
2. Trains a small fully convolutional network (two stride-2 convolutions to the agent's 4-pixel cells, then dilated
   convolutions so each cell sees a whole person), single thread, fixed seeds, deterministic algorithms.
3. Exports ONNX opset 17: input `images` float32 [-1,1,180,320] (grey /255), output `mask` float32 [-1,1,45,80]: per
   4x4-pixel cell the probability that a person covers it.
4. Measures cell precision/recall on EVAL-seed frames (9500-9511, rendered the same way with --set eval; never trained
   on) and writes model.json's sha256 and the card's checksum line.
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from torch import nn

SEED = 20261127
OPSET = 17
H, W = 180, 320
CELL = 4
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
OUT = os.path.join(HERE, "person-mask.onnx")
TRAIN_DIR = "/tmp/edgecredit-dataset"
EVAL_DIR = "/tmp/edgecredit-dataset-eval"


def cbr(i, o, s=1, d=1):
    return nn.Sequential(nn.Conv2d(i, o, 3, s, d, dilation=d, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True))


class PersonMask(nn.Module):
    """Stride 4 in two steps, then dilations 1-2-4-8 (a receptive field of about 130 px: a standing person), one logit per cell."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(cbr(1, 12, 2), cbr(12, 24, 2), cbr(24, 24, 1, 1), cbr(24, 24, 1, 2), cbr(24, 24, 1, 4), cbr(24, 24, 1, 8))
        self.head = nn.Conv2d(24, 1, 1)

    def logits(self, x):
        return self.head(self.body(x))

    def forward(self, x):
        return torch.sigmoid(self.logits(x))


def ensure_dataset(folder, evaluation):
    if os.path.isdir(os.path.join(folder, "masks")) and os.path.exists(os.path.join(folder, "index.txt")):
        return
    cmd = ["dotnet", "run", "-c", "Release", "--project", os.path.join(ROOT, "tests", "EdgeCredit.Scenes"), "--",
           "dataset", "--out", folder] + (["--set", "eval", "--scenes", "12"] if evaluation else [])
    print("rendering:", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def load(folder):
    """Frames [n, 180, 320] uint8 and per-cell cover [n, 45, 80] float (share of the cell's pixels a person covers)."""
    names = open(os.path.join(folder, "index.txt")).read().split()
    images = np.zeros((len(names), H, W), dtype=np.uint8)
    cover = np.zeros((len(names), H // CELL, W // CELL), dtype=np.float32)
    for n, name in enumerate(names):
        images[n] = np.asarray(Image.open(os.path.join(folder, "images", name + ".jpg")).convert("L"))
        m = np.asarray(Image.open(os.path.join(folder, "masks", name + ".png")).convert("L")).astype(np.float32) / 255
        cover[n] = m.reshape(H // CELL, CELL, W // CELL, CELL).mean(axis=(1, 3))
    return names, images, cover


def augment(x, y, gen):
    """Horizontal flip, gain 0.6-1.4 and offset +-0.08 (lighting), as the frames the agent sees vary."""
    n = x.shape[0]
    flip = torch.rand(n, generator=gen) < 0.5
    x = torch.where(flip.view(-1, 1, 1, 1), x.flip(3), x)
    y = torch.where(flip.view(-1, 1, 1, 1), y.flip(3), y)
    gain = torch.empty(n).uniform_(0.6, 1.4, generator=gen).view(-1, 1, 1, 1)
    offset = torch.empty(n).uniform_(-0.08, 0.08, generator=gen).view(-1, 1, 1, 1)
    return torch.clamp((x - 0.5) * gain + 0.5 + offset, 0.0, 1.0), y


def measure(model, images, cover):
    """Cell figures at probability 0.5: recall of cells a person covers at least half of, recall of cells touched at
    all (the edges the agent must not leave in view), and the share of cells said to be person that no person touches."""
    model.eval()
    said = []
    with torch.no_grad():
        for s in range(0, len(images), 64):
            x = torch.from_numpy(images[s:s + 64]).float().div(255).unsqueeze(1)
            said.append(model(x)[:, 0].numpy())
    p = np.concatenate(said) >= 0.5
    half = cover >= 0.5
    touched = cover > 0
    return {
        "recall_half": float((p & half).sum() / max(1, half.sum())),
        "recall_touched": float((p & touched).sum() / max(1, touched.sum())),
        "false_share": float((p & ~touched).sum() / max(1, p.sum())),
        "cells_half": int(half.sum()),
        "cells_said": int(p.sum()),
    }


def train(epochs):
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    names, images, cover = load(TRAIN_DIR)
    print(f"training frames: {len(names)} ({int((cover.reshape(len(names), -1).max(1) > 0).sum())} with people)", flush=True)
    data = torch.from_numpy(images)
    target = torch.from_numpy(cover).unsqueeze(1)
    model = PersonMask()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    gen = torch.Generator().manual_seed(SEED)
    batch = 32
    steps = epochs * ((len(names) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.1)
    # Missing a person's cell lets an arm's motion count as the machine's: weigh person cells up.
    weight = torch.tensor(4.0)
    started = time.time()
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(names), generator=gen)
        total = 0.0
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            x, y = augment(data[idx].float().div(255).unsqueeze(1), target[idx], gen)
            loss = F.binary_cross_entropy_with_logits(model.logits(x), y, pos_weight=weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        print(f"epoch {epoch + 1}/{epochs}: loss {total / len(names):.4f} ({time.time() - started:.0f} s)", flush=True)
    model.eval()
    return model


def export(model):
    dummy = torch.zeros(1, 1, H, W)
    torch.onnx.export(model, dummy, OUT, input_names=["images"], output_names=["mask"], opset_version=OPSET,
                      dynamic_axes={"images": {0: "n"}, "mask": {0: "n"}}, do_constant_folding=True)
    digest = hashlib.sha256(open(OUT, "rb").read()).hexdigest()
    manifest_path = os.path.join(HERE, "model.json")
    manifest = json.load(open(manifest_path))
    manifest["sha256"] = digest
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    card = os.path.join(HERE, "MODEL_CARD.md")
    if os.path.exists(card):
        text = open(card).read()
        text = re.sub(r"SHA-256 `[0-9a-f]{64}`", f"SHA-256 `{digest}`", text)
        open(card, "w").write(text)
    return digest


def check():
    """The exported graph passes the ONNX checker and has the declared output shape (the agent's tests run it in ONNX
    Runtime)."""
    import onnx
    m = onnx.load(OUT)
    onnx.checker.check_model(m)
    dims = [d.dim_value or d.dim_param for d in m.graph.output[0].type.tensor_type.shape.dim]
    assert dims[1:] == [1, H // CELL, W // CELL], dims
    print(f"{OUT}: ONNX check passed, output {dims}", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=20)
    args = ap.parse_args()
    ensure_dataset(TRAIN_DIR, False)
    ensure_dataset(EVAL_DIR, True)
    model = train(args.epochs)
    _, ev_images, ev_cover = load(EVAL_DIR)
    figures = measure(model, ev_images, ev_cover)
    print("eval-seed frames (9500-9511, never trained on):", json.dumps(figures), flush=True)
    digest = export(model)
    check()
    print(f"sha256 {digest}", flush=True)


if __name__ == "__main__":
    main()
