using System.ComponentModel.DataAnnotations;

namespace NetView.Web.Hosting;

/// <summary>
/// Settings of the live path, bound from the <c>NetView</c> section and validated at start, so a
/// server with no agent token or with bounds that cannot work refuses to start instead of
/// accepting every agent.
/// </summary>
internal sealed class LivePathOptions
{
    public const string Section = "NetView";

    /// <summary>
    /// Used only in the Development environment when no token is configured, and logged as such:
    /// a demo on a laptop should work out of the box, a production server never silently.
    /// </summary>
    public const string DevelopmentAgentToken = "netview-development-token";

    /// <summary>Bearer token every agent must present on <c>/hubs/agent</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [MinLength(16, ErrorMessage = "NetView:AgentToken must be at least 16 characters.")]
    public string AgentToken { get; set; } = "";

    /// <summary>Directory of the SQLite file; created at start.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>Sqlite</c> (default, one file) or <c>PostgreSQL</c> (with <see cref="ConnectionString"/>).</summary>
    [RegularExpression("^(Sqlite|PostgreSQL)$", ErrorMessage = "NetView:StoreProvider must be Sqlite or PostgreSQL.")]
    public string StoreProvider { get; set; } = "Sqlite";

    /// <summary>EF Core connection string; empty means <c>Data Source={DataDirectory}/netview.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SignalR's per-message limit on the hub (its default is 32 KB). It must hold one snapshot
    /// chunk of the agent plus framing, and no more: the message is buffered whole before a hub
    /// method sees it.
    /// </summary>
    [Range(32 * 1024, 16 * 1024 * 1024)]
    public long MaximumReceiveMessageSize { get; set; } = 1024 * 1024;

    /// <summary>Largest rule text (uncompressed) accepted from an agent for one family.</summary>
    [Range(1024, 1L << 31)]
    public long MaxSnapshotBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Most chunks one snapshot may be sent in.</summary>
    [Range(1, 1_000_000)]
    public int MaxSnapshotChunks { get; set; } = 4096;

    /// <summary>Most rules accepted in one rule set; a counter frame is validated against the snapshot's count.</summary>
    [Range(1, 10_000_000)]
    public int MaxRules { get; set; } = 1_000_000;

    /// <summary>Frames per second one connection may send, averaged over a few seconds (token bucket).</summary>
    [Range(1, 100_000)]
    public int MaxFramesPerSecond { get; set; } = 200;

    /// <summary>Most nodes kept; hellos from further nodes are refused.</summary>
    [Range(1, 100_000)]
    public int MaxNodes { get; set; } = 5000;

    /// <summary>Largest body of <c>POST /api/analyze</c>; larger bodies get 413.</summary>
    [Range(1024, 1L << 30)]
    public long MaxUploadBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>How far back counter samples are kept at full resolution.</summary>
    public TimeSpan RecentHistory { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most full-resolution samples kept per series, whatever the interval.</summary>
    [Range(2, 100_000)]
    public int RecentSamples { get; set; } = 1800;

    /// <summary>Width of a downsampled bucket for older history.</summary>
    public TimeSpan DownsampledBucket { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most downsampled buckets kept per series (1,440 one-minute buckets are a day).</summary>
    [Range(1, 100_000)]
    public int DownsampledBuckets { get; set; } = 1440;

    /// <summary>Most rule-set change events kept in memory.</summary>
    [Range(1, 100_000)]
    public int ChangeEvents { get; set; } = 1000;

    /// <summary>How often pending history is written to the store.</summary>
    public TimeSpan StoreFlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataDirectory, "netview.db")}"
            : ConnectionString;
}
