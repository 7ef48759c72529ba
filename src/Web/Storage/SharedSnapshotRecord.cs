namespace NetView.Web.Storage;

/// <summary>
/// A shared snapshot link: the rule text of each family frozen with its counters (Brotli
/// compressed <c>iptables-save -c</c> text, or the uploaded dump as sent), so that the link keeps
/// showing the counters of that moment. Not the agents' <see cref="SnapshotRecord"/>.
/// </summary>
internal sealed class SharedSnapshotRecord
{
    /// <summary>16 random bytes, base64url: the capability.</summary>
    public required string Id { get; set; }
    public long CreatedMs { get; set; }
    public long? ExpiresMs { get; set; }
    public bool Revoked { get; set; }

    /// <summary>The node name, or "uploaded" for a dump body; untrusted.</summary>
    public required string Source { get; set; }

    /// <summary>True when frozen from a live node (the page then offers the live view), false for a dump body.</summary>
    public bool FromNode { get; set; }

    /// <summary>When the frozen counters were read; null when the rules carry none.</summary>
    public long? CountersMs { get; set; }

    public byte[]? Ipv4Text { get; set; }
    public byte[]? Ipv6Text { get; set; }

    /// <summary>Compressed size of both texts, for the store's byte bound.</summary>
    public long Bytes { get; set; }
}
