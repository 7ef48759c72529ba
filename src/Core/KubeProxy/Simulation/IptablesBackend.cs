namespace NetView.Core.KubeProxy.Simulation;

/// <summary>Which iptables the dump claims to come from; it shows in the header and the table order.</summary>
public enum IptablesBackend
{
    /// <summary><c>iptables-nft</c>: header "(nf_tables)", tables mangle, filter, nat.</summary>
    NfTables,

    /// <summary><c>iptables-legacy</c>: plain header, tables in the kernel's order mangle, nat, filter.</summary>
    Legacy,
}
