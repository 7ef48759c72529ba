namespace NetView.Core.Tests.Shared;

/// <summary>
/// A fact that needs real netfilter: iptables installed and root (to make a network namespace).
/// Skipped with the reason otherwise; scripts/test.sh installs iptables and runs as root.
/// </summary>
public sealed class NetfilterFactAttribute : FactAttribute
{
    public NetfilterFactAttribute()
    {
        if (!File.Exists(NetfilterNamespace.IptablesRestore))
        {
            Skip = $"{NetfilterNamespace.IptablesRestore} is not installed (apt-get install -y iptables; scripts/test.sh does it)";
        }
        else if (Environment.UserName != "root")
        {
            Skip = "needs root to create a network namespace (ip netns add)";
        }
    }
}
