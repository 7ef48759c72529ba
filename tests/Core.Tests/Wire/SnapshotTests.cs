using System.Text;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Core.Tests.Wire;

public sealed class SnapshotTests
{
    private const string RuleText = """
        *nat
        :KUBE-SERVICES - [0:0]
        -A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU
        -A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y
        COMMIT

        """;

    private static RuleSetSnapshot Encode(string text) =>
        SnapshotEncoder.Encode(IpFamily.IPv4, "legacy", Encoding.UTF8.GetBytes(text));

    /// <summary>Text that Brotli cannot shrink, so that the compressed size is known to be big.</summary>
    private static string Incompressible(int lines)
    {
        var random = new Random(7);
        var builder = new StringBuilder("*filter\n");
        var noise = new byte[64];
        for (var i = 0; i < lines; i++)
        {
            random.NextBytes(noise);
            builder.Append("-A INPUT -m comment --comment \"").Append(Convert.ToHexString(noise)).Append("\"\n");
        }

        return builder.Append("COMMIT\n").ToString();
    }

    [Fact]
    public void Encode_RuleText_HashIsSha256OfTextAndRulesCounted()
    {
        var snapshot = Encode(RuleText);

        Assert.Equal(SnapshotEncoder.Hash(Encoding.UTF8.GetBytes(RuleText)), snapshot.Hash);
        Assert.Matches("^[0-9a-f]{64}$", snapshot.Hash);
        Assert.Equal(2, snapshot.RuleCount);
        Assert.Equal(Encoding.UTF8.GetByteCount(RuleText), snapshot.TextLength);
    }

    [Fact]
    public void Encode_OneRuleChanged_HashChanges()
    {
        var changed = RuleText.Replace("--dport 443", "--dport 6443");

        Assert.NotEqual(Encode(RuleText).Hash, Encode(changed).Hash);
    }

    [Fact]
    public void ToChunks_ExactMultipleOfLimit_NoEmptyChunk()
    {
        var snapshot = Encode(RuleText) with { Compressed = new byte[3000] };

        var chunks = snapshot.ToChunks(1000);

        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, chunk => Assert.Equal(1000, chunk.Data.Length));
        Assert.Equal([0, 1, 2], chunks.Select(chunk => chunk.Index));
        Assert.All(chunks, chunk => Assert.Equal(3, chunk.Count));
    }

    [Fact]
    public void ToChunks_OneByteOverLimit_SecondChunkOfOneByte()
    {
        var snapshot = Encode(RuleText) with { Compressed = new byte[1001] };

        var chunks = snapshot.ToChunks(1000);

        Assert.Equal([1000, 1], chunks.Select(chunk => chunk.Data.Length));
    }

    [Fact]
    public void Assembler_ChunksOfBigSnapshot_GivesBackTheText()
    {
        var text = Incompressible(200);
        var snapshot = Encode(text);
        var chunks = snapshot.ToChunks(1024);
        var assembler = new SnapshotAssembler();

        var results = chunks.Select(assembler.Add).ToList();

        Assert.True(chunks.Count > 3);
        Assert.All(results[..^1], result => Assert.Equal(SnapshotAssemblyState.Incomplete, result.State));
        Assert.Equal(SnapshotAssemblyState.Complete, results[^1].State);
        Assert.Equal(text, Encoding.UTF8.GetString(results[^1].Text!));
        Assert.Equal(snapshot.Hash, results[^1].Snapshot!.Hash);
        Assert.Equal(200, results[^1].Snapshot!.RuleCount);
    }

    [Fact]
    public void Assembler_ChunksOutOfOrder_StillComplete()
    {
        var chunks = Encode(Incompressible(50)).ToChunks(2048);
        var assembler = new SnapshotAssembler();

        var last = chunks.Reverse().Select(assembler.Add).ToList()[^1];

        Assert.Equal(SnapshotAssemblyState.Complete, last.State);
    }

    [Fact]
    public void Assembler_NewHashMidTransfer_StartsOver()
    {
        var old = Encode(Incompressible(50)).ToChunks(2048);
        var assembler = new SnapshotAssembler();
        assembler.Add(old[0]);

        var result = assembler.Add(Encode(RuleText).ToChunks()[0]);

        Assert.Equal(SnapshotAssemblyState.Complete, result.State);
        Assert.Equal(RuleText, Encoding.UTF8.GetString(result.Text!));
    }

    [Fact]
    public void Assembler_TamperedData_RejectedWithHashReason()
    {
        var snapshot = Encode(RuleText);
        var other = SnapshotEncoder.Encode(IpFamily.IPv4, "legacy", Encoding.UTF8.GetBytes(RuleText.Replace("443", "444")));
        var forged = snapshot.ToChunks()[0] with { Data = other.Compressed };

        var result = new SnapshotAssembler().Add(forged);

        Assert.Equal(SnapshotAssemblyState.Rejected, result.State);
        Assert.Contains("hashes to " + other.Hash, result.Reason);
    }

    [Fact]
    public void Assembler_TextLengthLies_Rejected()
    {
        var chunk = Encode(RuleText).ToChunks()[0];

        var result = new SnapshotAssembler().Add(chunk with { TextLength = chunk.TextLength + 10 });

        Assert.Equal(SnapshotAssemblyState.Rejected, result.State);
        Assert.Contains("does not decompress to the announced", result.Reason);
    }

    [Fact]
    public void Assembler_RuleCountLies_Rejected()
    {
        var chunk = Encode(RuleText).ToChunks()[0];

        var result = new SnapshotAssembler().Add(chunk with { RuleCount = 3 });

        Assert.Equal(SnapshotAssemblyState.Rejected, result.State);
        Assert.Contains("ruleCount says 3 but the text has 2 rules", result.Reason);
    }

    [Theory]
    [InlineData("index")]
    [InlineData("count")]
    [InlineData("hash")]
    [InlineData("compression")]
    [InlineData("textLength")]
    [InlineData("version")]
    [InlineData("data")]
    public void Assembler_FieldOutOfRange_RejectedNamingIt(string field)
    {
        var chunk = Encode(RuleText).ToChunks()[0];
        var bad = field switch
        {
            "index" => chunk with { Index = 1 },
            "count" => chunk with { Count = SnapshotAssembler.MaxChunks + 1 },
            "hash" => chunk with { Hash = "../../etc/passwd" },
            "compression" => chunk with { Compression = "zstd" },
            "textLength" => chunk with { TextLength = -1 },
            "version" => chunk with { Version = 2 },
            _ => chunk with { Data = new byte[SnapshotAssembler.DefaultMaxChunkBytes + 1] },
        };

        var result = new SnapshotAssembler().Add(bad);

        Assert.Equal(SnapshotAssemblyState.Rejected, result.State);
        Assert.Contains(field, result.Reason);
    }
}
