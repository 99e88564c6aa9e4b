using EdgeCredit.Scenes;

// Synthetic factory scenes with exact ground truth. See README.md.
//   list
//   render --scene NAME|all [--set tune|eval] [--out DIR] [--width W --height H --fps F --seconds S --seed N --noise SIGMA --crf Q] [--avi]
//   bench [--width 640 --height 360 --fps 10 --seconds 30]   (frames/s rendering only, and rendering + x264)
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await SceneCli.RunAsync(args, Console.Out, cancel.Token);
