namespace NetView.Web.ViewModels;

/// <summary>Finds the source a page shows: an import or a shared snapshot when the URL carries its id, the live cluster otherwise.</summary>
public sealed class DashboardSources(ImportStore imports, IDashboardSource live, SharedSnapshots? snapshots = null)
{
    public IDashboardSource Live => live;

    /// <summary>The import or snapshot with this id, the live cluster when <paramref name="importId"/> is empty, or null for an unknown or expired one.</summary>
    public IDashboardSource? Resolve(string? importId) =>
        string.IsNullOrEmpty(importId) ? live : imports.Get(importId) ?? (IDashboardSource?)snapshots?.Resolve(importId);

    /// <summary>The shared snapshot a page URL shows (<c>/s/{id}</c> or <c>?import={id}</c>), or null for any other page.</summary>
    public SharedSnapshot? SnapshotOf(string uri)
    {
        if (snapshots is null)
        {
            return null;
        }

        var url = new Uri(uri);
        if (url.AbsolutePath.StartsWith("/s/", StringComparison.Ordinal))
        {
            return snapshots.Resolve(url.AbsolutePath[3..]);
        }

        var import = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query).GetValueOrDefault("import");
        return snapshots.Resolve(import.ToString());
    }
}
