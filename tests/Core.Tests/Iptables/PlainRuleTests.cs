using System.Text;
using NetView.Core.Iptables;
using NetView.Core.Iptables.Parsing;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Core.Tests.Iptables;

/// <summary>
/// Plain rules are sliced while parsing and decoded on first use. That is only right when the full
/// reader would have found nothing to report about them and reads the same chain and target.
/// </summary>
public sealed class PlainRuleTests
{
    public static TheoryData<string> Dumps()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "real"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        data.Add("generated:mixed");
        data.Add("generated:ipv6");
        return data;
    }

    private static byte[] Load(string name)
    {
        if (!name.StartsWith("generated:", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "real", name));
        }

        var family = name.EndsWith("ipv6", StringComparison.Ordinal) ? IpFamily.IPv6 : IpFamily.IPv4;
        var cluster = ClusterSpecGenerator.Random(7, servicePorts: 120, endpointsPerService: 3, ClusterSpecGeneratorOptions.Mixed with { Family = family });
        return Encoding.UTF8.GetBytes(KubeProxyRulesWriter.Write(cluster, cluster.Nodes[0], RulesWriterOptions.Default with { Counters = RulesWriterOptions.RandomCounters(7) }));
    }

    [Theory]
    [MemberData(nameof(Dumps))]
    public void TryScan_EveryRuleLine_AgreesWithTheFullReader(string name)
    {
        var source = Load(name);
        var reader = new RuleSpecReader(source, new StringPool(source, source.Length));
        var (rules, plain) = (0, 0);
        foreach (var (start, end) in RuleLines(source))
        {
            rules++;
            if (!PlainRule.TryScan(source, start, end, out var scan))
            {
                continue;
            }

            plain++;
            Assert.True(reader.Read(start, end));
            var line = Encoding.UTF8.GetString(source, start, end - start);
            Assert.True(reader.Problems.Count == 0, $"plain, yet the reader reports {string.Join("; ", reader.Problems)}: {line}");
            Assert.Equal(reader.Chain, Text(source, scan.Chain));
            Assert.Equal(reader.Target.Kind, scan.Kind);
            Assert.Equal(reader.Target.Name, scan.Kind == TargetKind.None ? "" : Text(source, scan.Target));
            Assert.Equal(reader.Target.Options.Count > 0, scan.TargetHasOptions);
            Assert.Equal(reader.SawIpv6Address, scan.SawIpv6Address);
        }

        // kube-proxy's rules as iptables-save writes them are plain: the fast path is the one taken.
        // (iptables -S -v puts counters into every rule, so those are all read in full.)
        if (!name.Contains("-S-v-", StringComparison.Ordinal))
        {
            Assert.True(plain >= rules * 9 / 10, $"{plain} of {rules} rules plain");
        }
    }

    [Theory]
    [MemberData(nameof(Dumps))]
    public void PlainOptions_EveryRule_SameValuesAsTheDecodedRule(string name)
    {
        var source = Load(name);
        (string Module, string Option)[] matchOptions =
        [
            ("statistic", "--probability"), ("statistic", "--every"), ("statistic", "--mode"), ("recent", "--seconds"),
            ("recent", "--name"), ("comment", "--comment"), ("tcp", "--dport"), ("udp", "--dport"), ("mark", "--mark"),
            ("conntrack", "--ctstate"), ("addrtype", "--dst-type"),
        ];
        string[] targetOptions = ["--to-destination", "--set-xmark", "--reject-with", "--random-fully", "--to-ports"];
        var answered = 0;
        foreach (var pass in matchOptions.Select(o => (o.Module, o.Option, Target: false)).Concat(targetOptions.Select(o => (Module: "", Option: o, Target: true))))
        {
            // A fresh parse each time: a rule decoded once answers from its decoded parts after that.
            foreach (var rule in IptablesParser.Parse(source, source.Length).AllRules())
            {
                var option = Encoding.ASCII.GetBytes(pass.Option);
                if (pass.Target)
                {
                    if (rule.TryPlainTargetOption(option, out var value))
                    {
                        answered++;
                        Assert.Equal(rule.Target.Option(pass.Option)?.Value, value);
                    }
                }
                else if (rule.TryPlainMatchOption(pass.Module, option, out var hasMatch, out var value))
                {
                    answered++;
                    Assert.Equal(rule.MatchOf(pass.Module) is not null, hasMatch);
                    Assert.Equal(rule.MatchOf(pass.Module)?.Option(pass.Option)?.Value, value);
                }
            }
        }

        // Listings and iptables -S -v are read in full; save-form dumps are answered from the text.
        var format = IptablesParser.Parse(source, source.Length).Format;
        Assert.True(answered > 0 || format is not (InputFormat.Save or InputFormat.SaveWithCounters), $"{format}: nothing answered from the text");
    }

    [Theory]
    [MemberData(nameof(Dumps))]
    public void CommentOperandsAndOptions_EveryRule_SameFromTheTextAsDecoded(string name)
    {
        var source = Load(name);
        var fromText = IptablesParser.Parse(source, source.Length).AllRules().ToList();
        var decoded = IptablesParser.Parse(source, source.Length).AllRules().ToList();
        for (var i = 0; i < fromText.Count; i++)
        {
            _ = decoded[i].Matches; // decoded now: the rule answers from its decoded parts
            Assert.Equal(decoded[i].Comment, fromText[i].Comment);
            Assert.Equal(decoded[i].Source, fromText[i].Source);
            Assert.Equal(decoded[i].Destination, fromText[i].Destination);
            Assert.Equal(decoded[i].Protocol, fromText[i].Protocol);
            Assert.Equal(decoded[i].InInterface, fromText[i].InInterface);
            Assert.Equal(decoded[i].OutInterface, fromText[i].OutInterface);
            foreach (var option in (string[])["--dport", "--sport", "--probability", "--comment", "--mark", "--ctstate", "--rcheck", "--seconds", "--dst-type", "--to-destination"])
            {
                Assert.Equal(decoded[i].Option(option), fromText[i].Option(option));
            }
        }
    }

    [Theory]
    [InlineData("-A X ! -s 10.244.0.0/16 -d 10.96.0.1/32 -p tcp -j Y", "! 10.244.0.0/16", "10.96.0.1/32", "tcp")]
    [InlineData("-A X -s ! 10.0.0.0/8 -i eth0 ! -o cni0 -j Y", "! 10.0.0.0/8", null, null)]
    [InlineData("-A X -m comment --comment \"a -s b\" -p udp -m udp ! --dport 53 -j Y", null, null, "udp")]
    [InlineData("-A X -s 10.0.0.1/32 -s 10.0.0.2/32 -j Y", "10.0.0.2/32", null, null)]
    public void Operands_PlainRule_AsTheReaderReadsThem(string text, string? source, string? destination, string? protocol)
    {
        var fromText = Assert.Single(IptablesParser.Parse(text).AllRules());
        var decoded = Assert.Single(IptablesParser.Parse(text).AllRules());
        _ = decoded.Matches;

        Assert.Equal(source, fromText.Source?.ToString());
        Assert.Equal(destination, fromText.Destination?.ToString());
        Assert.Equal(protocol, fromText.Protocol?.ToString());
        Assert.Equal((decoded.Source, decoded.Destination, decoded.Protocol, decoded.InInterface, decoded.OutInterface),
            (fromText.Source, fromText.Destination, fromText.Protocol, fromText.InInterface, fromText.OutInterface));
    }

    [Theory]
    [InlineData("-A KUBE-SEP-X -p tcp -m comment --comment \"ns/a:p\" -m tcp -j DNAT --to-destination 10.244.1.5:8080", "KUBE-SEP-X", "DNAT", true)]
    [InlineData("-A KUBE-SVC-X ! -s 10.244.0.0/16 -d 10.96.0.10/32 -p udp -m comment --comment \"kube-system/kube-dns:dns cluster IP\" -m udp --dport 53 -j KUBE-MARK-MASQ", "KUBE-SVC-X", "KUBE-MARK-MASQ", false)]
    [InlineData("-A KUBE-SVC-X -m recent --name KUBE-SEP-Y --mask 255.255.255.255 --rsource --rcheck --seconds 10800 --reap -j KUBE-SEP-Y", "KUBE-SVC-X", "KUBE-SEP-Y", false)]
    [InlineData("-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP", "KUBE-FIREWALL", "DROP", false)]
    [InlineData("-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN", "KUBE-POSTROUTING", "RETURN", false)]
    [InlineData("-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS", "KUBE-SERVICES", "KUBE-NODEPORTS", false)]
    public void TryScan_KubeProxyRule_IsPlain(string rule, string chain, string target, bool targetHasOptions)
    {
        var source = Encoding.UTF8.GetBytes(rule);

        Assert.True(PlainRule.TryScan(source, 0, source.Length, out var scan));

        Assert.Equal(chain, Text(source, scan.Chain));
        Assert.Equal(target, Text(source, scan.Target));
        Assert.Equal(targetHasOptions, scan.TargetHasOptions);
    }

    [Theory]
    [InlineData("-A X -m comment --comment \"say \\\"hi\\\"\" -j ACCEPT")] // escapes
    [InlineData("-A X -m comment --comment \"never closed -j ACCEPT")]
    [InlineData("-A X --dport 80 -j ACCEPT")] // an option before any match
    [InlineData("-A X -p tcp -m tcp --dport 80 -j ACCEPT -c 10 20")] // iptables -S -v counters
    [InlineData("-A X stray -j ACCEPT")]
    [InlineData("-A X -m comment --comment -x -j ACCEPT")] // a dashed comment: the reader takes it as the value
    [InlineData("-A X -p tcp [unsupported revision] -j ACCEPT")]
    [InlineData("-A X -m comment --comment c --jump Y")]
    [InlineData("-A X -j A -j B")]
    [InlineData("-A X -m")]
    [InlineData("-A \"X\" -j ACCEPT")]
    [InlineData("-A X -j DNAT --to-destination 10.0.0.1:80 -m comment --comment late")]
    public void TryScan_RuleTheReaderMustLookAt_IsNotPlain(string rule)
    {
        var source = Encoding.UTF8.GetBytes(rule);

        Assert.False(PlainRule.TryScan(source, 0, source.Length, out _));
    }

    [Fact]
    public void Parse_MoreRulesThanTheDecoderKeeps_ReadsEveryRuleAlikeEachTime()
    {
        var cluster = ClusterSpecGenerator.Random(3, servicePorts: 1500, endpointsPerService: 4);
        var set = IptablesParser.Parse(KubeProxyRulesWriter.Write(cluster, cluster.Nodes[0]));
        var rules = set.AllRules().ToList();
        Assert.True(rules.Count > 20_000);

        var first = rules.Select(Describe).ToList();
        var again = rules.Select(Describe).ToList();
        var parallel = new string[rules.Count];
        Parallel.For(0, rules.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Describe(rules[i]));

        Assert.Equal(first, again);
        Assert.Equal(first, parallel);
        var reread = IptablesParser.Parse(string.Join('\n', rules.Select(r => $"*{r.Table}\n{r.Text}\nCOMMIT")));
        Assert.Equal(first, reread.AllRules().Select(Describe));
    }

    private static string Describe(Rule rule) =>
        $"{rule.Table}/{rule.Chain} {rule.Source} {rule.Destination} {rule.Protocol} [{string.Join(",", rule.Matches.Select(m => m.Module + ":" + string.Join("/", m.Options.Select(o => $"{o.Name}={o.Value}{(o.Negated ? "!" : "")}"))))}] "
        + $"{rule.Target.Kind} {rule.Target.Name} {string.Join(",", rule.Target.Options.Select(o => $"{o.Name}={o.Value}"))} {rule.Comment}";

    private static string Text(byte[] source, Token token) => Encoding.UTF8.GetString(source, token.Start, token.Length);

    /// <summary>The <c>-A</c> part of every save-form rule line, after a <c>[packets:bytes]</c> prefix if any.</summary>
    private static IEnumerable<(int Start, int End)> RuleLines(byte[] source)
    {
        var position = 0;
        while (position < source.Length)
        {
            var newline = Array.IndexOf(source, (byte)'\n', position);
            var end = newline < 0 ? source.Length : newline;
            var lineEnd = end;
            while (lineEnd > position && source[lineEnd - 1] is (byte)'\r' or (byte)' ')
            {
                lineEnd--;
            }

            var start = position;
            if (start < lineEnd && source[start] == (byte)'[')
            {
                start = Array.IndexOf(source, (byte)']', start, lineEnd - start) + 2;
            }

            if (start > position - 1 && lineEnd - start > 3 && source[start] == (byte)'-' && source[start + 1] == (byte)'A' && source[start + 2] == (byte)' ')
            {
                yield return (start, lineEnd);
            }

            position = end + 1;
        }
    }
}
