namespace NetView.Web.ViewModels;

/// <summary>The services grid's quick filter: a substring of the name, ClusterIP, LB or external IP, an endpoint address, or a port.</summary>
public static class ServiceFilter
{
    public static bool Matches(ServiceSummary service, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return true;
        }

        filter = filter.Trim();
        return service.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
            || (service.ClusterAddress?.Contains(filter, StringComparison.Ordinal) ?? false)
            || service.NodePort?.ToString(System.Globalization.CultureInfo.InvariantCulture) == filter
            || service.LoadBalancerIPs.Any(ip => ip.Contains(filter, StringComparison.Ordinal))
            || service.ExternalIPs.Any(ip => ip.Contains(filter, StringComparison.Ordinal))
            || service.Endpoints.Any(e => e.Address.Contains(filter, StringComparison.Ordinal));
    }
}
