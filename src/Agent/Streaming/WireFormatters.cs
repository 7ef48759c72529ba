using System.Buffers;
using MessagePack;
using MessagePack.Formatters;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Streaming;

// The wire frames written by hand, in exactly the shape SignalR's default MessagePack resolvers
// give a [DataContract] record: an array indexed by DataMember.Order, enums by name, nulls as nil. The agent is compiled ahead of time (NativeAOT), where that resolver cannot emit
// its code; the server keeps the standard resolver, and WireFormatterTests checks both write the
// same bytes for every frame. Readers accept longer arrays (a newer peer's fields are skipped) and
// shorter ones (what is missing stays default), as the standard resolver does.

/// <summary>
/// A frame as an array of its fields, or nil; reading one counts against MessagePack's depth limit
/// for untrusted data like every nested object.
/// </summary>
internal abstract class FrameFormatter<T>(int fields) : IMessagePackFormatter<T?>
    where T : class
{
    public void Serialize(ref MessagePackWriter writer, T? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(fields);
        WriteFields(ref writer, value, options);
    }

    public T? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        options.Security.DepthStep(ref reader);
        try
        {
            return ReadFields(ref reader, reader.ReadArrayHeader(), options);
        }
        finally
        {
            reader.Depth--;
        }
    }

    protected abstract void WriteFields(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options);

    /// <summary>Reads <paramref name="count"/> fields: those past the known ones are skipped, missing ones stay default.</summary>
    protected abstract T ReadFields(ref MessagePackReader reader, int count, MessagePackSerializerOptions options);
}

internal sealed class AgentHelloFormatter() : FrameFormatter<AgentHello>(8)
{
    protected override void WriteFields(ref MessagePackWriter writer, AgentHello value, MessagePackSerializerOptions options)
    {
        writer.Write(value.Version);
        writer.Write(value.Node);
        writer.Write(value.AgentVersion);
        WireFields.WriteFamilies(ref writer, value.Families);
        writer.Write(value.Backend);
        writer.Write(value.IntervalMilliseconds);
        writer.Write(value.MixedBackends);
        writer.Write(value.Warning);
    }

    protected override AgentHello ReadFields(ref MessagePackReader reader, int count, MessagePackSerializerOptions options)
    {
        var (version, node, agentVersion, families, backend, interval, mixed, warning) = (0, "", "", (IReadOnlyList<IpFamily>)[], "", 0, false, (string?)null);
        for (var i = 0; i < count; i++)
        {
            switch (i)
            {
                case 0: version = reader.ReadInt32(); break;
                case 1: node = reader.ReadString() ?? ""; break;
                case 2: agentVersion = reader.ReadString() ?? ""; break;
                case 3: families = WireFields.ReadFamilies(ref reader); break;
                case 4: backend = reader.ReadString() ?? ""; break;
                case 5: interval = reader.ReadInt32(); break;
                case 6: mixed = reader.ReadBoolean(); break;
                case 7: warning = reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }

        return new AgentHello(version, node, agentVersion, families, backend, interval, mixed, warning);
    }
}

internal sealed class AgentProblemFormatter() : FrameFormatter<AgentProblem>(4)
{
    protected override void WriteFields(ref MessagePackWriter writer, AgentProblem value, MessagePackSerializerOptions options)
    {
        writer.Write(value.Version);
        WireFields.WriteFamily(ref writer, value.Family);
        writer.Write(value.Message);
        writer.Write(value.TimestampUnixMilliseconds);
    }

    protected override AgentProblem ReadFields(ref MessagePackReader reader, int count, MessagePackSerializerOptions options)
    {
        var (version, family, message, timestamp) = (0, (IpFamily?)null, "", 0L);
        for (var i = 0; i < count; i++)
        {
            switch (i)
            {
                case 0: version = reader.ReadInt32(); break;
                case 1: family = WireFields.ReadFamilyOrNull(ref reader); break;
                case 2: message = reader.ReadString() ?? ""; break;
                case 3: timestamp = reader.ReadInt64(); break;
                default: reader.Skip(); break;
            }
        }

        return new AgentProblem(version, family, message, timestamp);
    }
}

internal sealed class CounterFrameFormatter() : FrameFormatter<CounterFrame>(13)
{
    protected override void WriteFields(ref MessagePackWriter writer, CounterFrame value, MessagePackSerializerOptions options)
    {
        writer.Write(value.Version);
        WireFields.WriteFamily(ref writer, value.Family);
        writer.Write(value.SnapshotHash);
        writer.Write(value.Sequence);
        writer.Write(value.TimestampUnixMilliseconds);
        writer.Write(value.RuleCount);
        writer.Write(value.SlotStart);
        writer.Write(value.SlotEnd);
        writer.Write(value.Keyframe);
        WireFields.WriteBytes(ref writer, value.Payload);
        writer.Write(value.ReadMilliseconds);
        writer.Write(value.IntervalMilliseconds);
        KubeProxyFiguresFormatter.Instance.Serialize(ref writer, value.KubeProxy, options);
    }

    protected override CounterFrame ReadFields(ref MessagePackReader reader, int count, MessagePackSerializerOptions options)
    {
        var (version, family, hash, sequence, timestamp, rules) = (0, IpFamily.IPv4, "", 0L, 0L, 0);
        var (slotStart, slotEnd, keyframe, payload, read, interval) = (0, 0, false, Array.Empty<byte>(), 0, 0);
        KubeProxyFigures? kubeProxy = null;
        for (var i = 0; i < count; i++)
        {
            switch (i)
            {
                case 0: version = reader.ReadInt32(); break;
                case 1: family = WireFields.ReadFamily(ref reader); break;
                case 2: hash = reader.ReadString() ?? ""; break;
                case 3: sequence = reader.ReadInt64(); break;
                case 4: timestamp = reader.ReadInt64(); break;
                case 5: rules = reader.ReadInt32(); break;
                case 6: slotStart = reader.ReadInt32(); break;
                case 7: slotEnd = reader.ReadInt32(); break;
                case 8: keyframe = reader.ReadBoolean(); break;
                case 9: payload = WireFields.ReadBytes(ref reader); break;
                case 10: read = reader.ReadInt32(); break;
                case 11: interval = reader.ReadInt32(); break;
                case 12: kubeProxy = KubeProxyFiguresFormatter.Instance.Deserialize(ref reader, options); break;
                default: reader.Skip(); break;
            }
        }

        return new CounterFrame(version, family, hash, sequence, timestamp, rules, slotStart, slotEnd, keyframe, payload, read, interval, kubeProxy);
    }
}

internal sealed class RuleSetSnapshotChunkFormatter() : FrameFormatter<RuleSetSnapshotChunk>(10)
{
    protected override void WriteFields(ref MessagePackWriter writer, RuleSetSnapshotChunk value, MessagePackSerializerOptions options)
    {
        writer.Write(value.Version);
        WireFields.WriteFamily(ref writer, value.Family);
        writer.Write(value.Hash);
        writer.Write(value.Backend);
        writer.Write(value.RuleCount);
        writer.Write(value.TextLength);
        writer.Write(value.Compression);
        writer.Write(value.Index);
        writer.Write(value.Count);
        WireFields.WriteBytes(ref writer, value.Data);
    }

    protected override RuleSetSnapshotChunk ReadFields(ref MessagePackReader reader, int count, MessagePackSerializerOptions options)
    {
        var (version, family, hash, backend, rules, textLength) = (0, IpFamily.IPv4, "", "", 0, 0);
        var (compression, index, chunks, data) = ("", 0, 0, Array.Empty<byte>());
        for (var i = 0; i < count; i++)
        {
            switch (i)
            {
                case 0: version = reader.ReadInt32(); break;
                case 1: family = WireFields.ReadFamily(ref reader); break;
                case 2: hash = reader.ReadString() ?? ""; break;
                case 3: backend = reader.ReadString() ?? ""; break;
                case 4: rules = reader.ReadInt32(); break;
                case 5: textLength = reader.ReadInt32(); break;
                case 6: compression = reader.ReadString() ?? ""; break;
                case 7: index = reader.ReadInt32(); break;
                case 8: chunks = reader.ReadInt32(); break;
                case 9: data = WireFields.ReadBytes(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new RuleSetSnapshotChunk(version, family, hash, backend, rules, textLength, compression, index, chunks, data);
    }
}

internal sealed class SnapshotRequestFormatter() : FrameFormatter<SnapshotRequest>(4)
{
    protected override void WriteFields(ref MessagePackWriter writer, SnapshotRequest value, MessagePackSerializerOptions options)
    {
        writer.Write(value.Version);
        WireFields.WriteFamily(ref writer, value.Family);
        writer.Write(value.Hash);
        writer.Write(value.Reason);
    }

    protected override SnapshotRequest ReadFields(ref MessagePackReader reader, int count, MessagePackSerializerOptions options)
    {
        var (version, family, hash, reason) = (0, IpFamily.IPv4, (string?)null, "");
        for (var i = 0; i < count; i++)
        {
            switch (i)
            {
                case 0: version = reader.ReadInt32(); break;
                case 1: family = WireFields.ReadFamily(ref reader); break;
                case 2: hash = reader.ReadString(); break;
                case 3: reason = reader.ReadString() ?? ""; break;
                default: reader.Skip(); break;
            }
        }

        return new SnapshotRequest(version, family, hash, reason);
    }
}

internal sealed class KubeProxyFiguresFormatter() : FrameFormatter<KubeProxyFigures>(15)
{
    public static readonly KubeProxyFiguresFormatter Instance = new();

    protected override void WriteFields(ref MessagePackWriter writer, KubeProxyFigures value, MessagePackSerializerOptions options)
    {
        foreach (var figure in (ReadOnlySpan<double?>)[
            value.SyncDurationSecondsSum, value.SyncDurationSecondsCount, value.LastSyncTimestampSeconds,
            value.LastQueuedTimestampSeconds, value.EndpointChangesPending, value.EndpointChangesTotal,
            value.ServiceChangesPending, value.ServiceChangesTotal, value.NoLocalEndpointsTotal,
            value.RestoreFailuresTotal, value.PartialRestoreFailuresTotal, value.NatRules, value.FilterRules,
            value.NetworkProgrammingSecondsSum, value.NetworkProgrammingSecondsCount])
        {
            if (figure is { } number)
            {
                writer.Write(number);
            }
            else
            {
                writer.WriteNil();
            }
        }
    }

    protected override KubeProxyFigures ReadFields(ref MessagePackReader reader, int count, MessagePackSerializerOptions options)
    {
        Span<double?> figures = stackalloc double?[15];
        for (var i = 0; i < count; i++)
        {
            if (i >= figures.Length)
            {
                reader.Skip();
            }
            else if (!reader.TryReadNil())
            {
                figures[i] = reader.ReadDouble();
            }
        }

        return new KubeProxyFigures
        {
            SyncDurationSecondsSum = figures[0],
            SyncDurationSecondsCount = figures[1],
            LastSyncTimestampSeconds = figures[2],
            LastQueuedTimestampSeconds = figures[3],
            EndpointChangesPending = figures[4],
            EndpointChangesTotal = figures[5],
            ServiceChangesPending = figures[6],
            ServiceChangesTotal = figures[7],
            NoLocalEndpointsTotal = figures[8],
            RestoreFailuresTotal = figures[9],
            PartialRestoreFailuresTotal = figures[10],
            NatRules = figures[11],
            FilterRules = figures[12],
            NetworkProgrammingSecondsSum = figures[13],
            NetworkProgrammingSecondsCount = figures[14],
        };
    }
}

/// <summary>The field shapes the frames share.</summary>
internal static class WireFields
{
    public static void WriteFamily(ref MessagePackWriter writer, IpFamily? family)
    {
        if (family is { } value)
        {
            writer.Write(value == IpFamily.IPv4 ? nameof(IpFamily.IPv4) : nameof(IpFamily.IPv6));
        }
        else
        {
            writer.WriteNil();
        }
    }

    /// <summary>By name as SignalR writes enums; a number is taken too.</summary>
    public static IpFamily ReadFamily(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType == MessagePackType.Integer)
        {
            return reader.ReadInt32() switch
            {
                0 => IpFamily.IPv4,
                1 => IpFamily.IPv6,
                var other => throw new MessagePackSerializationException($"IP family {other} is neither IPv4 (0) nor IPv6 (1)"),
            };
        }

        return reader.ReadString() switch
        {
            nameof(IpFamily.IPv4) => IpFamily.IPv4,
            nameof(IpFamily.IPv6) => IpFamily.IPv6,
            var other => throw new MessagePackSerializationException($"IP family '{other}' is neither IPv4 nor IPv6"),
        };
    }

    public static IpFamily? ReadFamilyOrNull(ref MessagePackReader reader) =>
        reader.TryReadNil() ? null : ReadFamily(ref reader);

    public static void WriteFamilies(ref MessagePackWriter writer, IReadOnlyList<IpFamily>? families)
    {
        if (families is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(families.Count);
        foreach (var family in families)
        {
            WriteFamily(ref writer, family);
        }
    }

    public static IReadOnlyList<IpFamily> ReadFamilies(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return [];
        }

        var families = new IpFamily[reader.ReadArrayHeader()];
        for (var i = 0; i < families.Length; i++)
        {
            families[i] = ReadFamily(ref reader);
        }

        return families;
    }

    public static void WriteBytes(ref MessagePackWriter writer, byte[]? bytes)
    {
        if (bytes is null)
        {
            writer.WriteNil();
        }
        else
        {
            writer.Write(bytes);
        }
    }

    public static byte[] ReadBytes(ref MessagePackReader reader) =>
        reader.ReadBytes() is { } bytes ? bytes.ToArray() : [];
}
