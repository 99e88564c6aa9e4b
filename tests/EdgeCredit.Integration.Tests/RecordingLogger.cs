using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Integration.Tests;

/// <summary>Keeps every log entry, so a test can fail on errors it did not expect.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message)> Entries => [.. _entries];

    public IReadOnlyList<string> Errors(params int[] expectedEventIds) =>
        _entries.Where(e => e.Level >= LogLevel.Error && !expectedEventIds.Contains(e.Id.Id)).Select(e => e.Message).ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _entries.Enqueue((logLevel, eventId, formatter(state, exception) + (exception is null ? string.Empty : " " + exception.Message)));
    }
}
