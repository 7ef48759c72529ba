namespace NetView.EndToEnd.Tests.Harness;

/// <summary>What happened to the connections one <see cref="NetworkNamespace.Connect"/> call made.</summary>
/// <param name="Established">Connections the far side accepted.</param>
/// <param name="Refused">Connections refused (RST or ICMP port unreachable, e.g. kube-proxy's REJECT for a service without endpoints).</param>
/// <param name="Failed">Connections that failed otherwise (timeout, unreachable).</param>
public sealed record ConnectionOutcome(int Established, int Refused, int Failed);
