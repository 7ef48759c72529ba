using System.Text;
using NetView.Core.Wire;

namespace NetView.Agent.Metrics;

/// <summary>
/// Asks kube-proxy's metrics endpoint (<c>127.0.0.1:10249</c> on hostNetwork) for its sync figures
/// on each tick, with a short timeout and a bounded body. When nothing answers (no kube-proxy,
/// another port, IPVS or nftables mode without these series) it backs off up to five minutes
/// instead of knocking every second. Returns figures only when they changed since the last ones
/// returned, so an idle tick carries none.
/// </summary>
internal sealed class KubeProxyMetricsReader(HttpClient http, Uri endpoint, TimeProvider time)
{
    public static readonly Uri DefaultEndpoint = new("http://127.0.0.1:10249/metrics");

    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly byte[] _buffer = new byte[MaxBodyBytes];
    private KubeProxyFigures? _last;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;
    private int _failures;

    public bool Answering => _failures == 0 && _last is not null;

    public async Task<KubeProxyFigures?> ReadChangedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextAttempt)
        {
            return null;
        }

        try
        {
            using var deadline = new CancellationTokenSource(Timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            using var response = await http.GetAsync(endpoint, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            var buffer = _buffer;
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), linked.Token)) > 0)
            {
                length += read;
            }

            var figures = KubeProxyMetricsParser.Parse(Encoding.UTF8.GetString(buffer, 0, length))
                ?? throw new InvalidDataException("no kubeproxy_sync_proxy_rules_* series");
            _failures = 0;
            if (figures == _last)
            {
                return null;
            }

            _last = figures;
            return figures;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _failures++;
            var backoff = FirstBackoff * Math.Pow(2, Math.Min(_failures - 1, 10));
            _nextAttempt = now + (backoff < MaxBackoff ? backoff : MaxBackoff);
            return null;
        }
    }
}
