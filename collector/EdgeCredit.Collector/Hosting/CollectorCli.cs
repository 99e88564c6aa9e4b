using EdgeCredit.Collector.Devices;

namespace EdgeCredit.Collector.Hosting;

/// <summary>Command-line verbs handled before the host is built: <c>hash-secret</c> and <c>new-secret</c>.</summary>
internal static class CollectorCli
{
    /// <summary>Runs a verb if <paramref name="args"/> starts with one; returns null when the host should start instead.</summary>
    public static int? TryRun(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0)
        {
            return null;
        }

        switch (args[0])
        {
            case "hash-secret":
                if (args.Length != 2 || string.IsNullOrEmpty(args[1]))
                {
                    error.WriteLine("usage: EdgeCredit.Collector hash-secret <secret>   (prints sha256:<salt>:<hash> for Registry:Devices:N:SecretHash or Api:Keys:N:KeyHash)");
                    return 2;
                }

                output.WriteLine(SecretHash.Create(args[1]).ToString());
                return 0;
            case "new-secret":
                output.WriteLine(SecretHash.NewSecret());
                return 0;
            default:
                return null;
        }
    }
}
