using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NetView.Core.Analysis.Json;
using NetView.Core.Iptables;
using NetView.Web.Hosting;
using NetView.Web.ViewModels;

namespace NetView.Web.Api;

/// <summary>
/// <c>POST /api/snapshots</c> (<c>{ "node", "expiresInSeconds"? }</c> or a dump body with
/// <c>?expiresInSeconds=</c>), <c>GET /api/snapshots/{id}[?family=]</c>, <c>DELETE /api/snapshots/{id}</c>.
/// </summary>
internal static class SnapshotsApi
{
    /// <summary>The longest lifetime a link may ask for: a year.</summary>
    private const long MaxExpiresInSeconds = 366L * 24 * 3600;

    public static IEndpointRouteBuilder MapSnapshotsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/snapshots", CreateAsync);
        routes.MapGet("/api/snapshots/{id}", Get);
        routes.MapDelete("/api/snapshots/{id}", async (string id, SharedSnapshots snapshots, CancellationToken cancellationToken) =>
            await snapshots.RevokeAsync(id, cancellationToken) ? Results.NoContent() : NotFound());
        return routes;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SharedSnapshots snapshots, IOptions<LivePathOptions> options, CancellationToken cancellationToken)
    {
        if (context.Request.HasJsonContentType())
        {
            NodeRequest? request;
            try
            {
                request = await context.Request.ReadFromJsonAsync<NodeRequest>(cancellationToken);
            }
            catch (JsonException exception)
            {
                return ApiProblems.BadRequest("the body is not a snapshot request: " + exception.Message);
            }

            if (string.IsNullOrWhiteSpace(request?.Node))
            {
                return ApiProblems.BadRequest("node is required (or send a dump as text/plain)");
            }

            if (!TryLifetime(request.ExpiresInSeconds, out var lifetime, out var invalid))
            {
                return invalid;
            }

            return await snapshots.FreezeNodeAsync(request.Node, lifetime, cancellationToken) is { } frozen
                ? Created(frozen)
                : ApiProblems.NotFound($"no node named '{request.Node}' with rules");
        }

        long? seconds = null;
        if (context.Request.Query["expiresInSeconds"] is { Count: > 0 } query)
        {
            if (!long.TryParse(query[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ApiProblems.BadRequest("expiresInSeconds must be a whole number of seconds");
            }

            seconds = parsed;
        }

        if (!TryLifetime(seconds, out var expiresIn, out var refused))
        {
            return refused;
        }

        var (body, tooLarge) = await AnalyzeApi.ReadDumpAsync(context, options.Value.MaxUploadBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        try
        {
            return Created(await snapshots.FreezeDumpAsync(body!, expiresIn, cancellationToken));
        }
        catch (InvalidDumpException exception)
        {
            return Results.BadRequest(new ApiError(exception.Message, exception.Line));
        }
    }

    private static IResult Get(string id, string? family, SharedSnapshots snapshots)
    {
        if (snapshots.Resolve(id) is not { } snapshot)
        {
            return NotFound();
        }

        var chosen = snapshot.Families[0];
        if (family is not null)
        {
            if (!ApiNames.TryParseFamily(family, out var wanted))
            {
                return ApiProblems.BadRequest("family must be ipv4 or ipv6");
            }

            if (snapshot.Families.FirstOrDefault(f => f.Family == wanted) is not { } found)
            {
                return ApiProblems.NotFound($"the snapshot has no {ApiNames.Family(wanted)} rules");
            }

            chosen = found;
        }

        var document = AnalysisDocument.From(chosen.Analysis, chosen.Rules);
        var json = JsonNode.Parse(AnalysisJson.Serialize(document, indented: false))!.AsObject();
        json["counterTimestamp"] = snapshot.CountersAt;
        json["id"] = snapshot.Id;
        json["createdAt"] = snapshot.CreatedAt;
        json["expiresAt"] = snapshot.ExpiresAt;
        json["source"] = snapshot.Source;
        json["families"] = new JsonArray([.. snapshot.Families.Select(f => JsonValue.Create(ApiNames.Family(f.Family)))]);
        return Results.Text(json.ToJsonString(), "application/json");
    }

    private static bool TryLifetime(long? seconds, out TimeSpan? lifetime, out IResult refused)
    {
        lifetime = seconds is { } s ? TimeSpan.FromSeconds(s) : null;
        refused = ApiProblems.BadRequest($"expiresInSeconds must be between 1 and {MaxExpiresInSeconds}");
        return seconds is null or (> 0 and <= MaxExpiresInSeconds);
    }

    private static IResult Created(SharedSnapshot snapshot)
    {
        var url = SharedSnapshots.Url(snapshot.Id);
        return Results.Created(url, new { id = snapshot.Id, url });
    }

    private static IResult NotFound() => ApiProblems.NotFound("no such snapshot (unknown, revoked or expired)");

    private sealed record NodeRequest(string? Node, long? ExpiresInSeconds);
}
