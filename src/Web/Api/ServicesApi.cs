using Microsoft.Extensions.Options;
using NetView.Web.Hosting;
using NetView.Web.Ingestion;

namespace NetView.Web.Api;

/// <summary>
/// <c>GET /api/services</c> and <c>GET /api/services/{ns}/{svc}/{port}/series?seconds=N</c>.
/// <c>{port}</c> is the port's name; <c>-</c> names the port of a service with one unnamed port.
/// </summary>
internal static class ServicesApi
{
    public const int DefaultSeconds = 300;

    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/services", (ClusterState state) => Results.Ok(state.Services().Select(ServiceDocument.From)));
        routes.MapGet("/api/services/{ns}/{svc}/{port}/series", Series);
        return routes;
    }

    private static IResult Series(string ns, string svc, string port, string? seconds, ClusterState state, IOptions<LivePathOptions> options)
    {
        var retained = (int)Math.Min(int.MaxValue, (options.Value.DownsampledBucket * options.Value.DownsampledBuckets).TotalSeconds);
        var window = DefaultSeconds;
        if (seconds is not null && (!int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out window) || window < 1 || window > retained))
        {
            return ApiProblems.BadRequest($"seconds must be a whole number from 1 to {retained}");
        }

        var name = port == "-" ? $"{ns}/{svc}" : $"{ns}/{svc}:{port}";
        if (state.Service(name) is null)
        {
            return ApiProblems.NotFound($"no service port named '{name}' on any node");
        }

        var series = state.ServiceSeries(name, TimeSpan.FromSeconds(window));
        return Results.Ok(new ServiceSeriesDocument(
            name,
            window,
            [.. series.Select(e => new EndpointSeriesDocument(
                e.Address,
                [.. e.Total.Select(PointDocument.From)],
                [.. e.Nodes.Select(n => new NodeSeriesDocument(n.Node, ApiNames.Family(n.Family), [.. n.Points.Select(PointDocument.From)]))]))]));
    }
}
