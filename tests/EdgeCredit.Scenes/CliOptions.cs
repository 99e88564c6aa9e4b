using System.Globalization;

namespace EdgeCredit.Scenes;

/// <summary>The <c>--key value</c> options every verb of the scenes program reads.</summary>
internal static class CliOptions
{
    /// <summary>The value after <c>--key</c>, or null when the option is not given.</summary>
    public static string? Value(string[] args, string key)
    {
        var i = Array.IndexOf(args, "--" + key);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>A whole number after <c>--key</c>, or null when the option is not given.</summary>
    public static int? Int(string[] args, string key) => Value(args, key) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--{key} {text}: not a whole number")
        : null;

    /// <summary><c>--set tune|eval</c> (tune when not given).</summary>
    public static SceneSet Set(string[] args) => Value(args, "set") switch
    {
        null or "tune" => SceneSet.Tune,
        "eval" => SceneSet.Eval,
        var other => throw new ArgumentException($"--set {other}: use tune or eval"),
    };
}
