using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Tests.Support;

/// <summary>
/// Writes log lines to the xunit output and records them, so a test can wait for a line and fail on errors it did
/// not expect (<see cref="AssertNoUnexpectedErrors"/>).
/// </summary>
internal sealed class TestLog(ITestOutputHelper output) : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly HashSet<int> _expectedErrorEvents = [];

    public IReadOnlyCollection<Entry> Entries => _entries;

    public ILoggerFactory Factory => LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(LogLevel.Debug));

    public ILogger<T> For<T>() => Factory.CreateLogger<T>();

    public void ExpectError(int eventId) => _expectedErrorEvents.Add(eventId);

    public bool Has(int eventId) => _entries.Any(e => e.EventId == eventId);

    public void AssertNoUnexpectedErrors()
    {
        var unexpected = _entries.Where(e => e.Level >= LogLevel.Error && !_expectedErrorEvents.Contains(e.EventId)).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected errors logged:\n" + string.Join("\n", unexpected.Select(e => e.Message)));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(Entry entry)
    {
        _entries.Enqueue(entry);
        try
        {
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {entry.Level} [{entry.EventId}] {entry.Category}: {entry.Message}");
        }
        catch (InvalidOperationException)
        {
            // The test already finished; xunit refuses output then.
        }
    }

    internal sealed record Entry(LogLevel Level, int EventId, string Category, string Message);

    private sealed class Logger(TestLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception) + (exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message})");
            owner.Write(new Entry(logLevel, eventId.Id, category[(category.LastIndexOf('.') + 1)..], message));
        }
    }
}
