using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetView.Web.Hosting;
using NetView.Web.Ingestion;

namespace NetView.Web.Tests.Shared;

/// <summary>The ingestion wired as the server wires it, on a fake clock.</summary>
internal sealed class TestIngestion : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public TestIngestion(LivePathOptions? options = null, HistoryLimits? limits = null, ClusterState? state = null)
    {
        Options = options ?? new LivePathOptions { AgentToken = "test-token-0123456789" };
        State = state ?? new ClusterState(limits ?? HistoryLimits.Default, 100, Time, new PendingWrites(100_000));
        Catalog = new RuleSetCatalog(new RuleTextPool());
        Metrics = new IngestionMetrics(_services.GetRequiredService<IMeterFactory>());
        Ingestor = new Ingestor(State, Catalog, Metrics, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<Ingestor>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    public LivePathOptions Options { get; }
    public ClusterState State { get; }
    public RuleSetCatalog Catalog { get; }
    public IngestionMetrics Metrics { get; }
    public Ingestor Ingestor { get; }

    /// <summary>Hello and the whole snapshot of <paramref name="agent"/>, through a new session; asserts each is accepted.</summary>
    public AgentSession Connect(FakeAgent agent)
    {
        var session = Ingestor.OpenSession();
        Assert.Equal(IngestOutcome.Accepted, session.Hello(agent.Hello).Outcome);
        foreach (var chunk in agent.Chunks())
        {
            var result = session.SnapshotChunk(chunk);
            Assert.True(result.Outcome == IngestOutcome.Accepted, result.Reason);
        }

        return session;
    }

    public void Dispose()
    {
        Metrics.Dispose();
        _services.Dispose();
    }
}
