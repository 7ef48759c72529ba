namespace NetView.Core.Iptables;

/// <summary>The shape of text a rule set was read from; it decides what the input can tell.</summary>
public enum InputFormat
{
    /// <summary><c>iptables-save</c> without counters.</summary>
    Save,
    /// <summary><c>iptables-save -c</c>: <c>[packets:bytes]</c> before every rule.</summary>
    SaveWithCounters,
    /// <summary><c>iptables -S [-v]</c>: <c>-P</c>/<c>-N</c>/<c>-A</c> lines, counters as <c>-c P B</c> with <c>-v</c>.</summary>
    RuleSpecs,
    /// <summary><c>iptables -L [-n] [-v] [--line-numbers]</c>: a human listing, parsed on a best-effort basis.</summary>
    Listing,
    /// <summary>An <c>iptables-save | grep</c> excerpt without <c>*table</c>/<c>COMMIT</c>: tables are inferred.</summary>
    Fragment,
}
