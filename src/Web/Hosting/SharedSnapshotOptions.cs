using System.ComponentModel.DataAnnotations;

namespace NetView.Web.Hosting;

/// <summary>Bounds of the shared snapshot links (<c>NetView:SharedSnapshots</c>): the oldest go first past either.</summary>
public sealed class SharedSnapshotOptions
{
    public const string Section = "NetView:SharedSnapshots";

    [Range(1, 1_000_000)]
    public int MaxCount { get; set; } = 1000;

    /// <summary>Compressed bytes of all frozen rule texts together.</summary>
    [Range(1024, 1L << 40)]
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;
}
