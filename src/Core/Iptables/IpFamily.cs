namespace NetView.Core.Iptables;

/// <summary>IPv4 and IPv6 rules live in separate rule sets (<c>iptables-save</c> and <c>ip6tables-save</c>).</summary>
public enum IpFamily
{
    IPv4,
    IPv6,
}
