using System.Text;
using System.Text.RegularExpressions;
using NetView.Core.Iptables;

namespace NetView.Core.Tests.Iptables;

/// <summary>
/// Plain rules get their jump targets a batch at a time (shared between two threads in big
/// batches): every rule must still end up with the target its text names, and jumps to chains
/// nobody declares must be reported in the order of the rules, whichever way a rule was read.
/// </summary>
public sealed partial class JumpTargetTests
{
    [GeneratedRegex(@" (-j|--jump|-g|--goto) (\S+)")]
    private static partial Regex TargetInText();

    [Fact]
    public void Parse_FortyThousandJumpsInTwoTables_EveryRuleHasTheTargetItsTextNames()
    {
        var dump = new StringBuilder();
        var undeclared = new List<string>();
        dump.Append("*nat\n:PREROUTING ACCEPT [0:0]\n:KUBE-SERVICES - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n");
        for (var i = 0; i < 20_000; i++)
        {
            dump.Append($":KUBE-SVC-{i:D16} - [0:0]\n");
        }

        // One rule read in full (long option spelling) jumps nowhere first; plain ones follow, some
        // to undeclared chains on both sides of each batch of 16,384 and of each batch's halves.
        dump.Append("-A PREROUTING --jump KUBE-NOWHERE-FIRST\n");
        undeclared.Add("KUBE-NOWHERE-FIRST");
        for (var i = 0; i < 20_000; i++)
        {
            var target = i % 4_099 == 7 ? $"KUBE-NOWHERE-{i}" : $"KUBE-SVC-{i:D16}";
            if (target.StartsWith("KUBE-NOWHERE", StringComparison.Ordinal))
            {
                undeclared.Add(target);
            }

            dump.Append($"-A KUBE-SERVICES -d 10.{i / 65536}.{i / 256 % 256}.{i % 256}/32 -p tcp -m tcp --dport 80 -{(i % 3 == 0 ? 'g' : 'j')} {target}\n");
            dump.Append($"-A KUBE-SVC-{i:D16} -j {(i % 2 == 0 ? "RETURN" : "KUBE-MARK-MASQ")}\n");
        }

        dump.Append("-A KUBE-SERVICES --jump KUBE-NOWHERE-LAST\nCOMMIT\n");
        undeclared.Add("KUBE-NOWHERE-LAST");
        dump.Append("*filter\n:INPUT ACCEPT [0:0]\n:KUBE-FIREWALL - [0:0]\n");
        for (var i = 0; i < 5_000; i++)
        {
            dump.Append("-A INPUT -j KUBE-FIREWALL\n-A KUBE-FIREWALL -j DROP\n");
        }

        dump.Append("COMMIT\n");
        var set = IptablesParser.Parse(dump.ToString());

        var rules = set.AllRules().ToList();
        Assert.Equal(50_002, rules.Count);
        foreach (var rule in rules)
        {
            var named = TargetInText().Match(rule.Text);
            Assert.True(named.Success, rule.Text);
            Assert.Equal(named.Groups[2].Value, rule.TargetName);
            Assert.Equal(named.Groups[1].Value is "-g" or "--goto" ? TargetKind.Goto : TargetKind.Jump, rule.TargetKind);
            Assert.Equal(named.Groups[2].Value, rule.Target.Name);
        }

        // Declared chains are the jumps' own chains: the same object as the table's.
        var nat = set.Table("nat")!;
        Assert.All(nat.Chain("KUBE-SERVICES")!.Rules.Where(r => r.TargetName.StartsWith("KUBE-SVC-", StringComparison.Ordinal)),
            rule => Assert.True(nat.Chain(rule.TargetName)!.Declared));
        var reported = set.Diagnostics
            .Where(d => d.Message.Contains("which table nat does not declare", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(undeclared, reported.Select(d => Regex.Match(d.Message, @"jumps to (\S+),").Groups[1].Value));
        Assert.Equal(reported.Select(d => d.Line).Order(), reported.Select(d => d.Line));
    }
}
