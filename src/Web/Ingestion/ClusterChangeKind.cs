namespace NetView.Web.Ingestion;

/// <summary>What changed in the cluster state.</summary>
public enum ClusterChangeKind
{
    /// <summary>An agent said hello (a new node, or a node reconnecting).</summary>
    NodeConnected,
    /// <summary>A node's last agent connection closed.</summary>
    NodeDisconnected,
    /// <summary>A node's status changed otherwise (agent problem, warning).</summary>
    NodeUpdated,
    /// <summary>A node's rule set of one family is new or changed.</summary>
    RuleSetChanged,
    /// <summary>A counter frame of a node and family was applied.</summary>
    CountersUpdated,
}
