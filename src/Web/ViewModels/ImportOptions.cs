using System.ComponentModel.DataAnnotations;

namespace NetView.Web.ViewModels;

/// <summary><c>NetView:Import</c>: how big a pasted or uploaded dump may be and how long and how many imports are kept.</summary>
public sealed class ImportOptions
{
    public const string Section = "NetView:Import";

    /// <summary>Largest accepted dump; a 10,000-service node's iptables-save is about 8 MB.</summary>
    [Range(1024, 512 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 16 * 1024 * 1024;

    [Range(1, 1000)]
    public int MaxImports { get; set; } = 16;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
}
