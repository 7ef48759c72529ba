using System.Runtime.Serialization;
using NetView.Core.Iptables;

namespace NetView.Core.Wire;

/// <summary>
/// One piece of a rule-set snapshot: the rule text of one family without counters (as
/// <see cref="SaveCountersScanner"/> produces it), compressed with <see cref="Compression"/>
/// and split below a chunk limit, because SignalR refuses messages over its receive size limit.
/// The receiver joins pieces with <see cref="SnapshotAssembler"/>, which checks the hash.
/// </summary>
/// <param name="Hash">Lower-case hex SHA-256 of the uncompressed rule text (counters excluded, so it changes only when rules change).</param>
/// <param name="Backend"><c>legacy</c> or <c>nf_tables</c>.</param>
/// <param name="RuleCount">Number of rule lines (<c>-A</c>), which is the number of counter slots of frames for this hash.</param>
/// <param name="TextLength">Length of the uncompressed UTF-8 text in bytes.</param>
/// <param name="Compression"><see cref="SnapshotEncoder.Brotli"/>.</param>
/// <param name="Index">0-based chunk index.</param>
/// <param name="Count">Number of chunks of this snapshot.</param>
/// <param name="Data">This chunk's slice of the compressed text.</param>
[DataContract]
public sealed record RuleSetSnapshotChunk(
    [property: DataMember(Order = 0)] int Version,
    [property: DataMember(Order = 1)] IpFamily Family,
    [property: DataMember(Order = 2)] string Hash,
    [property: DataMember(Order = 3)] string Backend,
    [property: DataMember(Order = 4)] int RuleCount,
    [property: DataMember(Order = 5)] int TextLength,
    [property: DataMember(Order = 6)] string Compression,
    [property: DataMember(Order = 7)] int Index,
    [property: DataMember(Order = 8)] int Count,
    [property: DataMember(Order = 9)] byte[] Data);
