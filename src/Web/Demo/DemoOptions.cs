using System.ComponentModel.DataAnnotations;

namespace NetView.Web.Demo;

/// <summary><c>NetView:Demo</c>: the simulated demo cluster, fed through the same ingestion path as real agents.</summary>
public sealed class DemoOptions
{
    public const string Section = "NetView:Demo";

    public bool Enabled { get; set; }

    [Range(1, 20)]
    public int Nodes { get; set; } = 3;

    [Range(1, 10_000)]
    public int ServicePorts { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>New connections per second the simulated clients open, cluster-wide.</summary>
    [Range(0, 1_000_000)]
    public int ConnectionsPerSecond { get; set; } = 400;
}
