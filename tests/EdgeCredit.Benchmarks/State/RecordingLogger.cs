using Microsoft.Extensions.Logging;

namespace EdgeCredit.Benchmarks.State;

/// <summary>Keeps the calibration log lines of a tracker (learned, validated, rejected) so the evaluation can print them.</summary>
internal sealed class RecordingLogger : ILogger
{
    public List<(int EventId, string Message)> Lines { get; } = [];

    public IEnumerable<string> Rejections => Lines.Where(l => l.EventId == 2105).Select(l => l.Message);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (eventId.Id is 2103 or 2104 or 2105 or 2106)
        {
            Lines.Add((eventId.Id, formatter(state, exception)));
        }
    }
}
