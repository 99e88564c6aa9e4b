#!/usr/bin/python3
"""Writes the tiny ONNX models the inference tests run through real ONNX Runtime (opset 17, deterministic).

    /usr/bin/python3 tests/EdgeCredit.Agent.Tests/Inference/Fixtures/make_fixtures.py

* classifier.onnx  input x [-1,1,8,8] (grey), output logits [-1,3] = (4m, 2, 4(1-m)) with m the mean of the input:
  a bright crop is class 0, a mid-grey one class 1, a dark one class 2.
* yolov5.onnx      input images [1,3,64,64], output [1,4,7]: four fixed boxes (cx, cy, w, h, objectness, 2 class
  scores) plus 0 x mean(input), so the output depends on the graph input as a real model's does.
* yolov8.onnx      input images [-1,1,64,64], output [N,6,4]: the same four boxes in the v8 layout (4 + 2 rows, one
  column per box, no objectness; class scores already multiplied by the v5 objectness).
The boxes are in input pixels; the decoding tests know them (InferenceFixtures.cs).
"""
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
# cx, cy, w, h, objectness, score item, score person
BOXES = torch.tensor([
    [20.0, 30.0, 10.0, 8.0, 0.9, 0.95, 0.05],   # item, strong
    [21.0, 31.0, 10.0, 8.0, 0.8, 0.90, 0.10],   # same item, weaker: suppressed by NMS
    [22.0, 30.0, 12.0, 20.0, 0.9, 0.10, 0.80],  # a person overlapping the item: other class, kept
    [50.0, 10.0, 6.0, 6.0, 0.2, 0.90, 0.10],    # low confidence (0.18): dropped at 0.25
])


class Classifier(nn.Module):
    def forward(self, x):
        m = x.mean(dim=(1, 2, 3))
        return torch.stack([4 * m, torch.full_like(m, 2.0), 4 * (1 - m)], dim=1)


class V5(nn.Module):
    def forward(self, x):
        return BOXES.unsqueeze(0) + 0 * x.mean()


class V8(nn.Module):
    def forward(self, x):
        v8 = torch.cat([BOXES[:, :4], BOXES[:, 5:] * BOXES[:, 4:5]], dim=1).t()  # [6, 4]
        return v8.unsqueeze(0).expand(x.shape[0], -1, -1) + 0 * x.mean(dim=(1, 2, 3)).view(-1, 1, 1)


def export(model, dummy, name, inp, out, dynamic):
    path = os.path.join(HERE, name)
    axes = {inp: {0: "N"}, out: {0: "N"}} if dynamic else None
    torch.onnx.export(model, dummy, path, opset_version=17, input_names=[inp], output_names=[out], dynamic_axes=axes)
    print(path)


if __name__ == "__main__":
    torch.manual_seed(0)
    export(Classifier(), torch.zeros(1, 1, 8, 8), "classifier.onnx", "x", "logits", True)
    export(V5(), torch.zeros(1, 3, 64, 64), "yolov5.onnx", "images", "output0", False)
    export(V8(), torch.zeros(1, 1, 64, 64), "yolov8.onnx", "images", "output0", True)
