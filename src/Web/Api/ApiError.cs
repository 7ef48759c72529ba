namespace NetView.Web.Api;

/// <summary>An error body; <see cref="Line"/> is the 1-based input line when the error concerns one.</summary>
internal sealed record ApiError(string Error, int? Line = null);
