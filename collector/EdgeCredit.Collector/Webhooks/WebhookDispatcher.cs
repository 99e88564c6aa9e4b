using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Webhooks;

/// <summary>
/// Sends queued deliveries: POST of the stored JSON body with <c>Idempotency-Key</c>, <c>EdgeCredit-Event</c>,
/// <c>EdgeCredit-Delivery</c> and a fresh <see cref="WebhookSignature"/> per attempt. A 2xx delivers; a network error,
/// timeout, 408, 425, 429 or 5xx is retried with doubling backoff (RetryMin..RetryMax, ±20 % jitter, at least the
/// receiver's <c>Retry-After</c>) until <see cref="WebhookOptions.GiveUpAfter"/>; any other 4xx is the receiver refusing
/// the request itself and is not retried. Every attempt is logged in the store. Owns its HttpClient.
/// </summary>
internal sealed partial class WebhookDispatcher : BackgroundService
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);
    private readonly WebhookStore _store;
    private readonly WebhookWake _wake;
    private readonly TimeProvider _time;
    private readonly WebhookOptions _options;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly HttpClient _http;

    public WebhookDispatcher(WebhookStore store, WebhookWake wake, TimeProvider time, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _wake = wake;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    /// <summary>One pass: attempts every due delivery (up to the batch size). Returns how many were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = _store.TakeDue(_time.GetUtcNow(), _options.BatchSize);
        foreach (var delivery in due)
        {
            var result = await AttemptAsync(delivery, cancellationToken).ConfigureAwait(false);
            Record(delivery, result);
        }

        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var attempted = 0;
            try
            {
                attempted = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(_logger, ex);
            }

            if (attempted < _options.BatchSize)
            {
                await _wake.WaitAsync(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<WebhookAttemptResult> AttemptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
        request.Headers.Add("EdgeCredit-Event", delivery.EventType);
        request.Headers.Add("EdgeCredit-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Create(delivery.Secret, _time.GetUtcNow().ToUnixTimeSeconds(), delivery.Payload));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (response.IsSuccessStatusCode)
            {
                return new WebhookAttemptResult(WebhookOutcome.Delivered, status, null, null, elapsed);
            }

            var retryable = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status == 425;
            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? (header.Date is { } date ? date - _time.GetUtcNow() : null)
                : null;
            return new WebhookAttemptResult(retryable ? WebhookOutcome.Retry : WebhookOutcome.Invalid, status, $"HTTP {status} {response.ReasonPhrase}", retryAfter, elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(WebhookOutcome.Retry, null, $"no answer within {_options.AttemptTimeout.TotalSeconds:0.#} s", null, Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttemptResult(WebhookOutcome.Retry, null, ex.Message, null, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Record(WebhookDelivery delivery, WebhookAttemptResult result)
    {
        var now = _time.GetUtcNow();
        var attempt = delivery.Attempts + 1;
        switch (result.Outcome)
        {
            case WebhookOutcome.Delivered:
                _store.RecordAttempt(delivery, result, now, "delivered", null);
                LogDelivered(_logger, delivery.Id, delivery.IdempotencyKey, attempt);
                return;
            case WebhookOutcome.Invalid:
                _store.RecordAttempt(delivery, result, now, "failed", null);
                LogRefused(_logger, delivery.Id, delivery.Url, result.Error);
                return;
        }

        if (now - DateTimeOffset.FromUnixTimeMilliseconds(delivery.CreatedAtMs) >= _options.GiveUpAfter)
        {
            _store.RecordAttempt(delivery, result, now, "expired", null);
            LogExpired(_logger, delivery.Id, delivery.Url, attempt, result.Error);
            return;
        }

        var backoff = TimeSpan.FromTicks(Math.Min(_options.RetryMax.Ticks, _options.RetryMin.Ticks * (1L << Math.Min(attempt - 1, 20))));
        backoff *= 0.8 + (0.4 * Random.Shared.NextDouble());
        if (result.RetryAfter is { } asked && asked > backoff)
        {
            backoff = asked < MaxRetryAfter ? asked : MaxRetryAfter;
        }

        _store.RecordAttempt(delivery, result, now, "pending", now + backoff);
        LogRetrying(_logger, delivery.Id, delivery.Url, attempt, result.Error, backoff);
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Webhook delivery {Delivery} ({IdempotencyKey}) delivered on attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, long delivery, string idempotencyKey, int attempt);

    [LoggerMessage(EventId = 901, Level = LogLevel.Warning, Message = "Webhook delivery {Delivery} to {Url} failed on attempt {Attempt} ({Error}); retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, long delivery, string url, int attempt, string? error, TimeSpan delay);

    [LoggerMessage(EventId = 902, Level = LogLevel.Warning, Message = "Webhook delivery {Delivery} to {Url} refused by the receiver ({Error}); not retried")]
    private static partial void LogRefused(ILogger logger, long delivery, string url, string? error);

    [LoggerMessage(EventId = 903, Level = LogLevel.Error, Message = "Webhook delivery {Delivery} to {Url} given up after {Attempt} attempts ({Error})")]
    private static partial void LogExpired(ILogger logger, long delivery, string url, int attempt, string? error);

    [LoggerMessage(EventId = 904, Level = LogLevel.Error, Message = "Webhook dispatch pass failed; the dispatcher keeps running")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
