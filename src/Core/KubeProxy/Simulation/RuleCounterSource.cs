using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy.Simulation;

/// <summary>
/// Gives the counters <c>iptables-save -c</c> prints for one rule: its table, chain, 1-based
/// number in the chain and its text without counters (<c>-A CHAIN ...</c>). Built-in chain
/// policies are asked with number 0 and the text <c>:CHAIN POLICY</c>.
/// </summary>
public delegate Counters RuleCounterSource(string table, string chain, int number, string rule);
