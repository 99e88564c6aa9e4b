#!/usr/bin/python3
"""Trains and exports the default item detector (items on conveyors, people at stations) from rendered scenes.

Run from the repository root with Debian's interpreter (python3-torch 1.13, python3-onnx, python3-pil):

    /usr/bin/python3 models/item-detector/1/train.py [--check] [--epochs N]

1. Renders the training set with the project's scene renderer on TUNE seeds only (2000-2047), unless the folder
   already holds it:  dotnet run -c Release --project tests/EdgeCredit.Scenes -- dataset --out /tmp/edgecredit-dataset
   (grey 320x180 JPEG frames + YOLO label files from the exact scene plan; class 0 item, 1 person).
2. Trains a small anchor-free detector (stride-8 grid, FCOS-style centre sampling, focal + GIoU loss), single
   thread, fixed seeds, deterministic algorithms.
3. Exports ONNX opset 17: input `images` float32 [-1,1,320,320] (grey letterboxed, pad 114, /255), output `output0`
   float32 [-1,6,1600] in the YOLOv8 layout (cx, cy, w, h in input pixels, then item and person scores).
4. Measures precision/recall at IoU 0.5 on EVAL-seed frames (9500-9511, rendered the same way with --set eval;
   never trained on) and writes model.json's sha256 and the card's checksum line.
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from torch import nn

SEED = 20261126
OPSET = 17
SIZE = 320          # square input
STRIDE = 8
GRID = SIZE // STRIDE
CLASSES = ["item", "person"]
PAD = 114
TRAIN_H = 192       # training canvas 320x192: the 320x180 frame plus 6 grey rows above and below (the convolutional
                    # network is the same at 320x320; the letterbox rows it sees there are the same grey 114)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
OUT = os.path.join(HERE, "item-detector.onnx")
CROP = (SIZE - TRAIN_H) // 2
TRAIN_DIR = "/tmp/edgecredit-dataset"
EVAL_DIR = "/tmp/edgecredit-dataset-eval"


def centres_for(h, w):
    """Pixel centres of the stride-8 cells of an h x w input, [2, h/8 * w/8], row-major."""
    ys, xs = torch.meshgrid(torch.arange(h // STRIDE), torch.arange(w // STRIDE), indexing="ij")
    return torch.stack([(xs.flatten() + 0.5) * STRIDE, (ys.flatten() + 0.5) * STRIDE]).float()


def cbr(i, o, s):
    return nn.Sequential(nn.Conv2d(i, o, 3, s, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True))


class ItemDetector(nn.Module):
    """Backbone to stride 32, top-down sums to stride 8, one head: ltrb distances (stride units, exp) + class logits."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(cbr(1, 16, 2), cbr(16, 24, 2))            # 80x80
        self.c8 = nn.Sequential(cbr(24, 32, 2), cbr(32, 32, 1))             # 40x40
        self.c16 = nn.Sequential(cbr(32, 48, 2), cbr(48, 48, 1))            # 20x20
        self.c32 = nn.Sequential(cbr(48, 64, 2), cbr(64, 64, 1))            # 10x10
        self.lat32 = nn.Conv2d(64, 48, 1)
        self.lat16 = nn.Conv2d(48, 32, 1)
        self.head = nn.Sequential(cbr(32, 32, 1), nn.Conv2d(32, 4 + len(CLASSES), 1))
        self.register_buffer("centres", centres_for(SIZE, SIZE), persistent=False)

    def raw(self, x):
        c8 = self.c8(self.stem(x))
        c16 = self.c16(c8)
        c32 = self.c32(c16)
        p16 = c16 + F.interpolate(self.lat32(c32), scale_factor=2.0, mode="nearest")
        p8 = c8 + F.interpolate(self.lat16(p16), scale_factor=2.0, mode="nearest")
        out = self.head(p8).flatten(2)                                      # [N, 6, 1600]
        return torch.exp(torch.clamp(out[:, :4], -4.0, 4.5)) * STRIDE, out[:, 4:]

    def forward(self, x):
        ltrb, logits = self.raw(x)  # exported at 320x320: the cell centres are constants
        x0 = self.centres[0] - ltrb[:, 0]
        y0 = self.centres[1] - ltrb[:, 1]
        x1 = self.centres[0] + ltrb[:, 2]
        y1 = self.centres[1] + ltrb[:, 3]
        boxes = torch.stack([(x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0], dim=1)
        return torch.cat([boxes, torch.sigmoid(logits)], dim=1)            # YOLOv8 layout [N, 4 + C, 1600]


def ensure_dataset(folder, evaluation):
    if os.path.exists(os.path.join(folder, "index.txt")):
        return
    cmd = ["dotnet", "run", "-c", "Release", "--project", os.path.join(ROOT, "tests", "EdgeCredit.Scenes"), "--",
           "dataset", "--out", folder] + (["--set", "eval", "--scenes", "12"] if evaluation else [])
    print("rendering:", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def load(folder):
    """Grey frames letterboxed into 320x320 (uint8) and their boxes as (image index, class, x0, y0, x1, y1) in pixels."""
    names = open(os.path.join(folder, "index.txt")).read().split()
    images = np.full((len(names), SIZE, SIZE), PAD, dtype=np.uint8)
    boxes = []
    for n, name in enumerate(names):
        im = np.asarray(Image.open(os.path.join(folder, "images", name + ".jpg")).convert("L"))
        h, w = im.shape
        scale = min(SIZE / w, SIZE / h)
        assert scale == 1.0, "the dataset is written at 320 wide"
        top, left = (SIZE - h) // 2, (SIZE - w) // 2
        images[n, top:top + h, left:left + w] = im
        for line in open(os.path.join(folder, "labels", name + ".txt")):
            c, cx, cy, bw, bh = map(float, line.split())
            boxes.append((n, c, left + (cx - bw / 2) * w, top + (cy - bh / 2) * h, left + (cx + bw / 2) * w, top + (cy + bh / 2) * h))
    return names, images, np.array(boxes, dtype=np.float32).reshape(-1, 6)


def augment(images, boxes, gen):
    """Random scale 0.6-1.8 about a random centre, horizontal flip, gain and offset; pad stays grey 114."""
    n = images.shape[0]
    scale = torch.exp(torch.empty(n).uniform_(np.log(0.6), np.log(1.8), generator=gen))
    flip = torch.rand(n, generator=gen) < 0.5
    tx = torch.empty(n).uniform_(-0.35, 0.35, generator=gen)
    ty = torch.empty(n).uniform_(-0.25, 0.25, generator=gen)
    gain = torch.empty(n).uniform_(0.6, 1.4, generator=gen)
    offset = torch.empty(n).uniform_(-0.08, 0.08, generator=gen)
    sx = torch.where(flip, -1.0 / scale, 1.0 / scale)
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = sx
    theta[:, 1, 1] = 1.0 / scale
    theta[:, 0, 2] = -tx / scale * torch.where(flip, -1.0, 1.0)
    theta[:, 1, 2] = -ty / scale
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    height = images.shape[2]
    pad = PAD / 255.0
    out = F.grid_sample(images - pad, grid, mode="bilinear", padding_mode="zeros", align_corners=False) + pad
    out = torch.clamp((out - 0.5) * gain.view(-1, 1, 1, 1) + 0.5 + offset.view(-1, 1, 1, 1), 0.0, 1.0)
    # Boxes: output u (normalised -1..1) = (input u * s_x_sign * scale) + t
    b = boxes.clone()
    idx = b[:, 0].long()
    s, f, x_t, y_t = scale[idx], flip[idx], tx[idx], ty[idx]
    def fwd(p, sgn, t, extent):
        u = p / extent * 2 - 1
        return ((u * sgn * s + t) + 1) / 2 * extent
    sgn = torch.where(f, -1.0, 1.0)
    xa, xb = fwd(b[:, 2], sgn, x_t, SIZE), fwd(b[:, 4], sgn, x_t, SIZE)
    b[:, 2], b[:, 4] = torch.minimum(xa, xb), torch.maximum(xa, xb)
    b[:, 3], b[:, 5] = fwd(b[:, 3], 1.0, y_t, height), fwd(b[:, 5], 1.0, y_t, height)
    full = (b[:, 4] - b[:, 2]) * (b[:, 5] - b[:, 3])
    b[:, 2], b[:, 4] = torch.clamp(b[:, 2], 0, SIZE), torch.clamp(b[:, 4], 0, SIZE)
    b[:, 3], b[:, 5] = torch.clamp(b[:, 3], 0, height), torch.clamp(b[:, 5], 0, height)
    keep = ((b[:, 4] - b[:, 2]) * (b[:, 5] - b[:, 3]) > 0.4 * full) & (b[:, 4] - b[:, 2] > 2) & (b[:, 5] - b[:, 3] > 2)
    return out, b[keep]


def targets(boxes, n, h, w):
    """Per cell: assigned box (x0, y0, x1, y1) and class (-1: background). Centre sampling radius 2.5 cells; smallest box wins."""
    centres = centres_for(h, w)
    gw, gh = w // STRIDE, h // STRIDE
    cells = gw * gh
    tbox = torch.zeros(n, 4, cells)
    tcls = torch.full((n, cells), -1, dtype=torch.long)
    area = torch.full((n, cells), float("inf"))
    for b in boxes:
        i, c, x0, y0, x1, y1 = int(b[0]), int(b[1]), b[2], b[3], b[4], b[5]
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        r = 2.5 * STRIDE
        inside = (centres[0] > x0) & (centres[0] < x1) & (centres[1] > y0) & (centres[1] < y1)
        near = ((centres[0] - cx).abs() < r) & ((centres[1] - cy).abs() < r)
        centre_cell = int(torch.clamp(cy // STRIDE, 0, gh - 1) * gw + torch.clamp(cx // STRIDE, 0, gw - 1))
        mask = inside & near
        mask[centre_cell] = True
        a = (x1 - x0) * (y1 - y0)
        mask &= a < area[i]
        area[i][mask] = a
        tcls[i][mask] = c
        tbox[i, :, mask] = torch.tensor([x0, y0, x1, y1]).view(4, 1)
    return tbox, tcls


def giou(pred, target):
    ix0, iy0 = torch.maximum(pred[:, 0], target[:, 0]), torch.maximum(pred[:, 1], target[:, 1])
    ix1, iy1 = torch.minimum(pred[:, 2], target[:, 2]), torch.minimum(pred[:, 3], target[:, 3])
    inter = (ix1 - ix0).clamp(min=0) * (iy1 - iy0).clamp(min=0)
    ap = (pred[:, 2] - pred[:, 0]) * (pred[:, 3] - pred[:, 1])
    at = (target[:, 2] - target[:, 0]) * (target[:, 3] - target[:, 1])
    union = ap + at - inter + 1e-6
    iou = inter / union
    cx0, cy0 = torch.minimum(pred[:, 0], target[:, 0]), torch.minimum(pred[:, 1], target[:, 1])
    cx1, cy1 = torch.maximum(pred[:, 2], target[:, 2]), torch.maximum(pred[:, 3], target[:, 3])
    hull = (cx1 - cx0) * (cy1 - cy0) + 1e-6
    return iou - (hull - union) / hull


def loss_of(model, x, boxes):
    ltrb, logits = model.raw(x)
    n = x.shape[0]
    tbox, tcls = targets(boxes, n, x.shape[2], x.shape[3])
    pos = tcls >= 0
    onehot = torch.zeros_like(logits)
    onehot.permute(0, 2, 1)[pos] = F.one_hot(tcls[pos], len(CLASSES)).float()
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, onehot, reduction="none")
    pt = p * onehot + (1 - p) * (1 - onehot)
    focal = (ce * (1 - pt) ** 2 * (0.25 * onehot + 0.75 * (1 - onehot))).sum()
    npos = max(1, int(pos.sum()))
    c = centres_for(x.shape[2], x.shape[3])
    pred = torch.stack([c[0] - ltrb[:, 0], c[1] - ltrb[:, 1], c[0] + ltrb[:, 2], c[1] + ltrb[:, 3]], dim=1)
    pb = pred.permute(0, 2, 1)[pos]
    tb = tbox.permute(0, 2, 1)[pos]
    box = (1 - giou(pb, tb)).sum()
    return focal / npos + 2.0 * box / npos


def nms(boxes, scores, iou):
    order = scores.argsort(descending=True)
    keep = []
    while order.numel() > 0:
        i = order[0]
        keep.append(int(i))
        if order.numel() == 1:
            break
        rest = order[1:]
        xx0 = torch.maximum(boxes[i, 0], boxes[rest, 0])
        yy0 = torch.maximum(boxes[i, 1], boxes[rest, 1])
        xx1 = torch.minimum(boxes[i, 2], boxes[rest, 2])
        yy1 = torch.minimum(boxes[i, 3], boxes[rest, 3])
        inter = (xx1 - xx0).clamp(min=0) * (yy1 - yy0).clamp(min=0)
        a = (boxes[i, 2] - boxes[i, 0]) * (boxes[i, 3] - boxes[i, 1])
        b = (boxes[rest, 2] - boxes[rest, 0]) * (boxes[rest, 3] - boxes[rest, 1])
        order = rest[inter / (a + b - inter + 1e-6) <= iou]
    return keep


def evaluate(model, images, boxes, threshold=0.4):
    """Precision and recall per class at IoU 0.5 (greedy matching after per-class NMS)."""
    model.eval()
    tp = np.zeros(len(CLASSES)); fp = np.zeros(len(CLASSES)); npos = np.zeros(len(CLASSES))
    with torch.no_grad():
        for s in range(0, len(images), 64):
            x = torch.from_numpy(images[s:s + 64]).float().div(255).unsqueeze(1)
            out = model(x)
            for k in range(out.shape[0]):
                gt = boxes[boxes[:, 0] == s + k]
                for c in range(len(CLASSES)):
                    g = torch.from_numpy(gt[gt[:, 1] == c][:, 2:6])
                    npos[c] += len(g)
                    sc = out[k, 4 + c]
                    m = sc > threshold
                    cxcy = out[k, :4, m].t()
                    pb = torch.stack([cxcy[:, 0] - cxcy[:, 2] / 2, cxcy[:, 1] - cxcy[:, 3] / 2, cxcy[:, 0] + cxcy[:, 2] / 2, cxcy[:, 1] + cxcy[:, 3] / 2], 1)
                    keep = nms(pb, sc[m], 0.5)
                    used = set()
                    for j in keep:
                        best, bi = 0.0, -1
                        for gi in range(len(g)):
                            if gi in used:
                                continue
                            v = float(giou(pb[j:j + 1], g[gi:gi + 1]))
                            if v > best:
                                best, bi = v, gi
                        if best >= 0.5:
                            tp[c] += 1; used.add(bi)
                        else:
                            fp[c] += 1
    return {c: (tp[i] / max(1, tp[i] + fp[i]), tp[i] / max(1, npos[i]), int(npos[i])) for i, c in enumerate(CLASSES)}


def train(epochs):
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    names, images, boxes = load(TRAIN_DIR)
    print(f"training frames: {len(names)} ({int((boxes[:, 1] == 0).sum())} item boxes, {int((boxes[:, 1] == 1).sum())} person boxes)", flush=True)
    data = torch.from_numpy(images)
    tboxes = torch.from_numpy(boxes)
    model = ItemDetector()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    gen = torch.Generator().manual_seed(SEED)
    batch = 32
    steps = epochs * ((len(names) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.1)
    started = time.time()
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(names), generator=gen)
        total = 0.0
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            x = data[idx, CROP:CROP + TRAIN_H].float().div(255).unsqueeze(1)
            sel = torch.isin(tboxes[:, 0].long(), idx)
            b = tboxes[sel].clone()
            remap = torch.full((len(names),), -1, dtype=torch.long)
            remap[idx] = torch.arange(len(idx))
            b[:, 0] = remap[b[:, 0].long()].float()
            b[:, 3] -= CROP
            b[:, 5] -= CROP
            x, b = augment(x, b, gen)
            loss = loss_of(model, x, b)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        print(f"epoch {epoch + 1}/{epochs}: loss {total / len(names):.4f} ({time.time() - started:.0f} s)", flush=True)
    model.eval()
    return model


def export(model, path):
    dummy = torch.zeros(1, 1, SIZE, SIZE)
    torch.onnx.export(model, dummy, path, opset_version=OPSET, input_names=["images"], output_names=["output0"],
                      dynamic_axes={"images": {0: "N"}, "output0": {0: "N"}}, do_constant_folding=True)
    import onnx
    onnx.checker.check_model(onnx.load(path))
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write_checksums(digest):
    manifest_path = os.path.join(HERE, "model.json")
    if os.path.exists(manifest_path):
        text = open(manifest_path).read()
        text = re.sub(r'("sha256": ")[0-9a-f]{64}(")', rf"\g<1>{digest}\g<2>", text, count=1)
        open(manifest_path, "w").write(text)
    card = os.path.join(HERE, "MODEL_CARD.md")
    if os.path.exists(card):
        text = open(card).read()
        text = re.sub(r"(SHA-256: `)[0-9a-f]{64}(`)", rf"\g<1>{digest}\g<2>", text)
        open(card, "w").write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--check", action="store_true", help="train twice and fail unless the exports are byte-identical")
    args = parser.parse_args()
    ensure_dataset(TRAIN_DIR, False)
    ensure_dataset(EVAL_DIR, True)
    model = train(args.epochs)
    digest = export(model, OUT)
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({os.path.getsize(OUT)} bytes) sha256 {digest}", flush=True)
    _, eimages, eboxes = load(EVAL_DIR)
    for c, (p, r, n) in evaluate(model, eimages, eboxes).items():
        print(f"eval-seed frames ({len(eimages)}): {c}: precision {p:.3f} recall {r:.3f} of {n} boxes (IoU 0.5, score 0.4)", flush=True)
    if args.check:
        again = export(train(args.epochs), OUT + ".check")
        os.remove(OUT + ".check")
        print(f"second run sha256 {again}: {'identical' if again == digest else 'DIFFERENT'}", flush=True)
        if again != digest:
            sys.exit(1)
    write_checksums(digest)


if __name__ == "__main__":
    main()
