namespace NetView.Web.Api;

/// <summary>The API's error bodies: <c>{ "error": "…" }</c>, plus <c>line</c> for invalid dumps.</summary>
internal static class ApiProblems
{
    public static IResult BadRequest(string error) => Results.BadRequest(new ApiError(error));

    public static IResult NotFound(string error) => Results.NotFound(new ApiError(error));
}
