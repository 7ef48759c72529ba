using System.Globalization;
using System.Text;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Benchmarks;

/// <summary>
/// <c>generate --service-ports N --endpoints N [--seed N] [--mix plain|mixed] [--ipv6] [--nodes N]
/// [--node NAME] [--cluster-cidr CIDR] [--backend nf_tables|legacy] [--counters SEED]</c>: writes one
/// node's kube-proxy dump of a random cluster to stdout, for benchmarks and manual checks.
/// </summary>
internal static class GenerateCommand
{
    public const string Usage =
        "usage: generate --service-ports N --endpoints N [--seed N] [--mix plain|mixed] [--ipv6] [--nodes N] [--node NAME] " +
        "[--cluster-cidr CIDR] [--backend nf_tables|legacy] [--counters SEED]";

    public static int Run(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--ipv6")
            {
                flags.Add(args[i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                Console.Error.WriteLine($"generate: unexpected argument '{args[i]}'\n{Usage}");
                return 2;
            }
        }

        try
        {
            var options = (values.GetValueOrDefault("--mix", "plain") switch
            {
                "plain" => ClusterSpecGeneratorOptions.Plain,
                "mixed" => ClusterSpecGeneratorOptions.Mixed,
                var other => throw new ArgumentException($"--mix: '{other}' is not plain or mixed."),
            }) with
            {
                Family = flags.Contains("--ipv6") ? IpFamily.IPv6 : IpFamily.IPv4,
                NodeCount = Number(values, "--nodes", 3),
                ClusterCidr = values.GetValueOrDefault("--cluster-cidr"),
            };
            var cluster = ClusterSpecGenerator.Random(
                Number(values, "--seed", 1), Number(values, "--service-ports", 100), Number(values, "--endpoints", 5), options);
            var node = values.TryGetValue("--node", out var name) ? cluster.Node(name) : cluster.Nodes[0];
            var writerOptions = RulesWriterOptions.Default with
            {
                Backend = values.GetValueOrDefault("--backend", "nf_tables") switch
                {
                    "nf_tables" => IptablesBackend.NfTables,
                    "legacy" => IptablesBackend.Legacy,
                    var other => throw new ArgumentException($"--backend: '{other}' is not nf_tables or legacy."),
                },
                Counters = values.ContainsKey("--counters") ? RulesWriterOptions.RandomCounters(Number(values, "--counters", 0)) : null,
            };

            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            KubeProxyRulesWriter.Write(cluster, node, writerOptions, stdout);
            return 0;
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine($"generate: {error.Message}\n{Usage}");
            return 2;
        }
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name}: '{text}' is not a whole number.");
    }
}
