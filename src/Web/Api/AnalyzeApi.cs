using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using NetView.Core.Analysis.Json;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Web.Hosting;

namespace NetView.Web.Api;

/// <summary><c>POST /api/analyze</c>: the <c>analyze --json</c> document of an uploaded dump.</summary>
internal static class AnalyzeApi
{
    public static IEndpointRouteBuilder MapAnalyzeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/analyze", AnalyzeAsync);
        return routes;
    }

    private static async Task<IResult> AnalyzeAsync(HttpContext context, IOptions<LivePathOptions> options, CancellationToken cancellationToken)
    {
        var (body, refused) = await ReadDumpAsync(context, options.Value.MaxUploadBytes, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        RuleSet ruleSet;
        try
        {
            ruleSet = IptablesParser.Parse(body!);
        }
        catch (InvalidDumpException exception)
        {
            return Results.BadRequest(new ApiError(exception.Message, exception.Line));
        }

        var document = AnalysisDocument.From(KubeProxyAnalyzer.Analyze(ruleSet), ruleSet);
        return Results.Text(AnalysisJson.Serialize(document, indented: false), "application/json");
    }

    /// <summary>The request body as a dump, or a 413 when it is larger than <paramref name="limit"/> (by Content-Length or by reading).</summary>
    internal static async Task<(byte[]? Body, IResult? Refused)> ReadDumpAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + 1;
        }

        byte[] body;
        try
        {
            body = await ReadAsync(context.Request.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }

        return body.Length > limit ? (null, TooLarge(limit)) : (body, null);
    }

    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes, so that an oversized body without Content-Length is noticed without buffering it.</summary>
    private static async Task<byte[]> ReadAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge(long limit) =>
        Results.Json(new ApiError($"the dump is larger than {limit} bytes (NetView:MaxUploadBytes)"), statusCode: StatusCodes.Status413PayloadTooLarge);
}
