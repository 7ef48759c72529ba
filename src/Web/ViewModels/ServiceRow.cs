namespace NetView.Web.ViewModels;

/// <summary>A row of the services grid: the service port and its current new connections per second.</summary>
public sealed record ServiceRow(ServiceSummary Service, double? Rate)
{
    public string Name => Service.Name;
    public int Endpoints => Service.Endpoints.Count;
    public string LoadBalancerIPs => string.Join(", ", Service.LoadBalancerIPs);
    public string ExternalIPs => string.Join(", ", Service.ExternalIPs);
    public string Affinity => Service.AffinitySeconds is { } seconds ? $"ClientIP {seconds} s" : "None";
    public string Policies => $"ext {Service.ExternalTrafficPolicy} · int {Service.InternalTrafficPolicy}";
}
